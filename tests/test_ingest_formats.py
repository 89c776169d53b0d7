"""Markdown, plain text, standard input and format detection."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from radio.errors import InputError
from radio.words.ingest import load_article
from radio.words.ingest.detect import detect_format
from radio.words.ingest.markdown import inline

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def test_markdown_article() -> None:
    article = load_article(str(FIXTURES / "article.md"))
    assert article.format == "markdown"
    assert article.title == "Night buses return to the valley route"
    assert article.byline == "Oskar Lindqvist"
    assert article.date == "2026-03-02"
    assert article.site == "Valley Post"
    assert article.paragraphs == (
        "The night bus service between the market town and the valley villages returns on"
        " Monday, ten months after it was cut, the regional transport board said.",
        'Drivers will run the route every hour from midnight until five. "People who work late'
        ' have waited long enough," said Amara Doyle, who chairs the board. "This is their bus."',
        "Who pays",
        "The cost is shared between the board and the three village councils, according to a"
        " budget note published last week. More details.",
        "Tickets cost the same as daytime fares.",
        "Season passes are valid on every journey.",
        '"We listened to the petition," Doyle said.',
    )


@pytest.mark.parametrize(
    "snippet",
    [
        "http",
        "bus.jpg",
        "Photo",
        "Hana Ruiz",
        "[^1]",
        "statement of 28 February",
        "route_id",
        "Market Square",
        "Advertisement",
        "Read more",
        "*",
        "_",
        "#",
        "|",
    ],
)
def test_markdown_never_speaks(snippet: str) -> None:
    article = load_article(str(FIXTURES / "article.md"))
    assert snippet not in " ".join((article.title, *article.paragraphs))


def test_markdown_without_front_matter(tmp_path: Path) -> None:
    page = tmp_path / "notes"
    page.write_text(
        "Setext headline for the story\n=============================\n\n"
        "The first paragraph runs over\ntwo lines and keeps **bold** words.\n\n"
        '* A [linked](http://example.com/x "title") item\n',
        encoding="utf-8",
    )
    article = load_article(str(page))
    assert article.format == "markdown"
    assert article.title == "Setext headline for the story"
    assert article.paragraphs == (
        "The first paragraph runs over two lines and keeps bold words.",
        "A linked item",
    )


def test_markdown_inline() -> None:
    assert inline("see [the *report*](https://x.example/a_(b)) now") == "see the report now"
    assert inline("a ![chart](c.png) b[^note] c `code` ~~gone~~") == "a b c code gone"
    assert inline("snake_case_name and 2*3*4") == "snake_case_name and 2*3*4"


def test_plain_text_clutter() -> None:
    article = load_article(str(FIXTURES / "scraped.txt"))
    assert article.format == "text"
    assert article.title == "Orchard growers count the cost of a late frost"
    assert article.byline == "Delia Moreau"
    assert article.date == "2026-03-09"
    assert article.paragraphs == (
        "Growers along the river valley say a single night of frost last week may have cost"
        " them a third of this year's apple crop.",
        '"We lost the blossom in four hours," said Pieter Vance, who farms forty acres near the'
        ' bridge. "Four hours, and the season is gone."',
        "The regional growers' association said it would ask the government for emergency"
        " support, and invited members to write with their losses.",
    )


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (FIXTURES / "article.md").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    article = load_article("-")
    assert article.source == "-"
    assert article.format == "markdown"
    assert article.title == "Night buses return to the valley route"


def test_stdin_html(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (FIXTURES / "article.html").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert load_article("-").format == "html"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("article.html", "html"),
        ("article.md", "markdown"),
        ("scraped.txt", "text"),
        ("home.html", "html"),
        ("error404.html", "html"),
    ],
)
def test_detect_fixture_formats(name: str, expected: str) -> None:
    assert detect_format((FIXTURES / name).read_bytes(), "unnamed") == expected


def test_detect_uses_name_only_when_ambiguous() -> None:
    one_mark = b"A title\n\nSome text with one [link](http://x.example) in it.\n"
    assert detect_format(one_mark, "story.txt") == "text"
    assert detect_format(one_mark, "story.md") == "markdown"
    two_tags = b"Text with <b>bold</b> and <em>stress</em> only."
    assert detect_format(two_tags, "a.txt") == "text"
    assert detect_format(two_tags, "a.html") == "html"
    assert detect_format(b"<p>one</p><p>two</p><p>three</p><p>four</p>", "a.txt") == "html"


@pytest.mark.parametrize("source", ["ftp://example.com/a.html", "file:///etc/passwd"])
def test_only_http_urls(source: str) -> None:
    with pytest.raises(InputError, match="only http"):
        load_article(source)


def test_missing_and_empty_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_article(str(tmp_path / "nope.html"))
    empty = tmp_path / "empty.md"
    empty.write_text("  \n")
    with pytest.raises(InputError, match="empty"):
        load_article(str(empty))


def test_boilerplate_labels_teasers_and_disclosures() -> None:
    from radio.words.ingest.text import is_boilerplate, strip_dateline

    assert is_boilerplate("Release Date:")
    assert is_boilerplate("Filed Under:")
    assert not is_boilerplate("He said:")
    assert is_boilerplate("A composer, he was called one of the finest of his … Wikipedia")
    assert is_boilerplate("We may receive compensation when you click on links to products we review.")
    assert is_boilerplate("Want to know what happens next at the council? Sign up here")
    assert not is_boilerplate("The council will meet again in March to vote on the plan.")
    assert strip_dateline("KOBE – A total of 600 masks went missing.") == "A total of 600 masks went missing."


def test_headline_that_ends_with_a_full_stop(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(
        "Council backs the harbour plan, part 2.\n\n"
        "The council voted on Tuesday to back the plan. It will cost more than expected.\n\n"
        "Work starts in the spring.\n",
        encoding="utf-8",
    )
    article = load_article(str(path))
    assert article.title == "Council backs the harbour plan, part 2"
    assert article.paragraphs[0].startswith("The council voted")


def test_article_without_a_headline_line_gets_one_from_its_first_sentence(tmp_path: Path) -> None:
    body = (
        "The council voted on Tuesday to back the harbour plan after a long debate that ran late into the "
        "evening, with members split over the cost of the new sea wall and the dredging of the channel. "
        "Work starts in the spring."
    )
    path = tmp_path / "story.txt"
    path.write_text(body + "\n\nThe mayor welcomed the vote.\n", encoding="utf-8")
    article = load_article(str(path))
    assert article.title == "The council voted on Tuesday to back the harbour plan after a…"
    assert article.paragraphs == (body, "The mayor welcomed the vote.")


@pytest.mark.parametrize(
    ("paragraph", "rest"),
    [
        ("LISBON, Oct 4 (Reuters) - Fares rose again.", "Fares rose again."),
        ("NEW YORK, Sept. 30, 2016 (AP) — Stocks fell.", "Stocks fell."),
        ("Tacoma, Wash., March 3 (UPI) -- The ferry sailed.", "The ferry sailed."),
        ("Porthaven (Harbour News) - The quay reopened.", "The quay reopened."),
        ("Former Mayor Jo Hale - not a dateline - spoke.", "Former Mayor Jo Hale - not a dateline - spoke."),
        ("Tuesday, Oct. 4 - we met the crew.", "Tuesday, Oct. 4 - we met the crew."),
        ("Ana Ruiz (D) - she won.", "Ana Ruiz (D) - she won."),
    ],
)
def test_datelines_with_a_date_or_an_agency_are_dropped(paragraph: str, rest: str) -> None:
    from radio.words.ingest.text import strip_dateline

    assert strip_dateline(paragraph) == rest
