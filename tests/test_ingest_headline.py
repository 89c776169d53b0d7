"""The headline of a page copied as text, on shapes of real pages: wire bylines, galleries, share rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from radio.words.ingest import load_article
from radio.words.ingest.features import line_label, make_blocks
from radio.words.ingest.headline import _signed, content_words
from radio.words.ingest.shape import stopwords
from radio.words.ingest.story import read_text

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def test_a_wire_byline_is_no_headline_and_a_gallery_caption_of_the_headline_is_no_caption() -> None:
    # "Name, Courier Staff Writer" under the headline, and the gallery captions its photo with the headline
    article = load_article(str(FIXTURES / "page-gallery.txt"))
    assert article.title == "Tidal lagoon plan clears its first council vote"
    assert article.byline == "Nia Trevail"
    assert article.paragraphs[0].startswith("A plan to build a tidal lagoon")  # dateline dropped
    assert len(article.paragraphs) == 5


@pytest.mark.parametrize(
    "caption",
    [
        "Image caption",  # a screen reader's label glued to its caption
        "Credit: Harbour Board",  # a caption ending with "(Credit: ...)"
        "westcountrywatch.org",  # a caption ending with its source's address in brackets
    ],
)
def test_captions_inside_the_story_are_not_read(caption: str) -> None:
    article = load_article(str(FIXTURES / "page-gallery.txt"))
    assert not any(caption in p for p in article.paragraphs)


def test_a_headline_cut_short_in_a_list_counts_as_printed_again() -> None:
    reading = read_text((FIXTURES / "page-popular.txt").read_text(encoding="utf-8"))
    assert reading.title == "Night bus routes to be cut as council seeks savings of four million"
    assert reading.title_reason == "printed again on the page"
    assert reading.byline == "Morwenna Teague"  # "By Name 2026-03-12T21:10:00Z Transport"


def test_the_headline_speaks_of_the_story_in_other_word_forms() -> None:
    # teasers sit under the headline; the headline says "plant" and "trees", the story "planted" and "tree"
    article = load_article(str(FIXTURES / "page-teasers-above.txt"))
    assert article.title == "Volunteers plant ten thousand trees along the river in a single weekend"
    assert content_words("planted trees") == content_words("plant tree")


def test_a_byline_under_share_buttons_and_a_caption_signs_the_line_above_them() -> None:
    text = "\n".join(
        [
            "Night bus routes to be cut as council seeks savings",
            "Share this:",
            "Click to share on Facebook (Opens in new window)",
            "Click to email this to a friend (Opens in new window)",
            "A night bus at the station stop. (Photo: Jory Kessell/Evening Post)",
            "By Morwenna Teague",
            "Six night bus routes would be cut under plans the council will publish on Monday.",
        ]
    )
    blocks = make_blocks(text, stopwords())
    labels = [line_label(b) for b in blocks]
    assert _signed(blocks, labels, 0)
    labels[2] = None  # a line of the page's own between them: the byline signs that instead
    assert not _signed(blocks, labels, 0)


def test_a_headline_in_two_halves_keeps_its_second_half() -> None:
    # "Title – Site" loses the site's name; "Title – the rest of the headline" keeps it, though the first half
    # is printed alone in a menu
    story = "\n\n".join(
        [
            "The harbour's new ferry made its first crossing on Monday, and the town turned out to watch it sail.",
            "It took forty minutes to reach the island, ten more than the old boat, because of its larger hull.",
            "Passengers said the cabin was warm and quiet, and that the cafe on the upper deck was a welcome change.",
            "The operator says the timetable will not change until the second ferry arrives in the spring.",
        ]
    )
    page = "\n".join(
        ["Home", "Island ferry review", "Reviews", "Island ferry review – a slow boat worth the wait", story]
    )
    assert read_text(page).title == "Island ferry review – a slow boat worth the wait"
    page = "\n".join(["Home", "A slow boat worth the wait", "Reviews", "A slow boat worth the wait – Courier", story])
    assert read_text(page).title == "A slow boat worth the wait"


def test_a_blog_whose_name_is_an_h1_of_its_own_is_titled_by_its_post() -> None:
    from radio.words.ingest.html import html_to_article

    body = "".join(
        f"<p>{text}</p>"
        for text in (
            "Every quarter we open a thread where readers can ask us anything about our grants and research.",
            "This quarter the most asked question was how we choose which charities to visit in person.",
            "We answer each comment within a week, and we collect the answers in a post at the end of the month.",
            "Please keep comments on topic; we remove advertising and personal attacks without notice.",
        )
    )
    page = (
        "<html><head><title>Spring open thread - The Harbour Fund Blog</title>"
        '<meta property="og:title" content="Spring open thread - The Harbour Fund Blog">'
        '<meta property="og:site_name" content="The Harbour Fund Blog"></head><body>'
        '<header><h1 class="site">The Harbour Fund Blog</h1></header>'
        f'<article><h1 class="entry-title">Spring open thread</h1>{body}</article></body></html>'
    )
    assert html_to_article(page.encode(), "blog.html").title == "Spring open thread"
