"""What a line of a copied page is on its face: wire credits, placed captions, sign-up prompts."""

from __future__ import annotations

import pytest

from radio.words.ingest.features import line_label, make_blocks
from radio.words.ingest.shape import stopwords


def label(line: str) -> str | None:
    (block,) = make_blocks(line, stopwords())
    return line_label(block)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("(Reporting by Ann Penrose and Bo Li; Editing by Kit Jago)", "credit"),
        ("Additional reporting by Tamsin Rowe in Truro.", "credit"),
        ("Above: The new ferry waits at the quay on its first morning.", "caption"),
        ("Pictured: Volunteers plant saplings along the river.", "caption"),
        ("Want more local news? Join our free evening newsletter.", "boilerplate"),
        ("No spam, we promise. You can unsubscribe at any time.", "boilerplate"),
        ("I agree that the Courier can send me its weekly newsletter.", "boilerplate"),
        ("Every morning we send an email with the day's top stories.", "boilerplate"),
        ("SEE MORE: Harbour ferry strike called off", "boilerplate"),
        ("As you comment, please be respectful of other commenters and their views.", "boilerplate"),
        ("Comments are moderated under our community guidelines.", "boilerplate"),
        ("Residents can comment on the plans until Friday, the council said.", None),
        # the same words in a story's sentences are read
        ("See more of the harbour from the cliff path, the guide said.", None),
        ("The reporting by local papers was praised by the inquiry.", None),
        ("Above all, the council wants the ferry to run on time.", None),
        ("The council said it would email residents about the new bins.", None),
    ],
)
def test_a_line_is_classed_on_its_face(line: str, expected: str | None) -> None:
    assert label(line) == expected


def test_buttons_copied_without_spaces_are_not_read() -> None:
    assert label("Ann PenroseFlagShareLikeReplyBo Li 5 pts moderator") == "boilerplate"
    assert label("The firm makes the PlayStation controller and a StaticLiveServerTestCase helper.") is None


def test_markup_left_in_a_scrape_is_not_read_but_its_text_is() -> None:
    from radio.words.ingest.story import read_text

    story = [
        "The harbour board voted on Tuesday to close the old fish market at the end of the year.",
        '<tweet id="1200" author="@harbourwatch" datetime="2026-03-01">The market closes in December.</tweet>.',
        "Traders said they had not been told where they would sell their catch from January.",
        "The board said a new market would open on the quay within two years, if money allows.",
        "Releases use the format <year>.<month>, the board's clerk said, and the next one is due soon.",
    ]
    said = "\n".join(read_text("Fish market to close\n\n" + "\n\n".join(story)).paragraphs)
    assert "The market closes in December." in said
    assert "harbourwatch" not in said and "tweet" not in said and "1200" not in said
    assert "<year>.<month>" in said  # angle brackets in prose are no tag


def test_quote_marks_typed_as_two_apostrophes_make_a_quotation() -> None:
    from radio.words.ingest.story import read_text
    from radio.words.quotes import find_parts

    story = [
        "The harbour board voted on Tuesday to close the old fish market at the end of the year.",
        "''We were not asked,'' said Kerenza Lobb, who has sold fish there for thirty years.",
        "The board said a new market would open on the quay within two years, if money allows.",
    ]
    paragraphs = read_text("Fish market to close\n\n" + "\n\n".join(story)).paragraphs
    quotes = [p for p in find_parts(list(paragraphs)) if p.kind == "quote"]
    assert [(q.text, q.speaker) for q in quotes] == [("We were not asked,", "Kerenza Lobb")]
