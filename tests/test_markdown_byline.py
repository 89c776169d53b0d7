"""A Markdown byline line is metadata: its name and date are kept, never read."""

from __future__ import annotations

import pytest

from radio.words.ingest.markdown import markdown_to_article
from radio.words.script import summary

BODY = (
    "The harbour wall was repaired on Monday after months of delay, the council said.\n\n"
    "Work cost less than planned, and the slipway opens again next week.\n"
)


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("*By Ana Ruiz · 2025-02-03*", "2025-02-03"),
        ("_By Ana Ruiz_", None),
        ("By Ana Ruiz | Feb 3, 2025", "2025-02-03"),
        ("**By Ana Ruiz** — 3 February 2025", "2025-02-03"),
    ],
)
def test_byline_line_is_metadata(line: str, date: str | None) -> None:
    article = markdown_to_article(f"# Harbour wall repaired\n\n{line}\n\n{BODY}", "story.md")
    assert article.title == "Harbour wall repaired"
    assert article.byline == "Ana Ruiz"
    assert article.date == date
    assert not any("Ana Ruiz" in p for p in article.paragraphs)
    assert summary(article).startswith("The harbour wall was repaired")


@pytest.mark.parametrize(
    "line",
    ["By the end of the week, the wall was finished and the boats were back.", "By Ana Ruiz | Harbour desk"],
)
def test_a_sentence_starting_with_by_is_read(line: str) -> None:
    article = markdown_to_article(f"# Harbour wall repaired\n\n{line}\n\n{BODY}", "story.md")
    assert article.paragraphs[0] == line


def test_front_matter_byline_wins() -> None:
    text = f"---\ntitle: Harbour wall repaired\nauthor: Li Wen\n---\n\n_By Ana Ruiz_\n\n{BODY}"
    article = markdown_to_article(text, "story.md")
    assert article.byline == "Li Wen" and article.paragraphs[0].startswith("The harbour wall")
