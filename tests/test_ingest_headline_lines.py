"""The shape of a line that may be a page's headline (headline_lines.py) and the signature that marks it."""

from __future__ import annotations

import pytest

from radio.words.ingest.features import Block, line_label, make_blocks
from radio.words.ingest.headline import _says_more, _signed, choose_headline
from radio.words.ingest.headline_lines import (
    breadcrumb_steps,
    dangling_word_dropped,
    date_only,
    numbered_item,
    title_like,
)
from radio.words.ingest.shape import stopwords
from radio.words.ingest.story import read_text

STORY = "\n\n".join(
    [
        "A fence post that wobbles in the wind can be mended in an afternoon with a bag of gravel and a spade.",
        "Dig around the post to the depth of a spade, then pack the gravel back in a layer at a time.",
        "Tamp each layer down with the end of a broom handle before you add the next one, and water it well.",
        "The post will be as firm as a new one by the evening, and it will stay that way for years.",
    ]
)


def _block(text: str) -> Block:
    return make_blocks(text, stopwords())[0]


def test_a_link_path_glued_to_the_title_is_cut_off() -> None:
    # "Site.com/Videos///Title": the path of the page printed in front of its title
    assert breadcrumb_steps("Dalby.com/Videos///How to Mend a Fence Post") == [
        "Dalby.com",
        "Videos",
        "How to Mend a Fence Post",
    ]
    assert breadcrumb_steps("AC/DC to play Dalby") == ["AC/DC to play Dalby"]  # one slash: no path
    assert breadcrumb_steps("13/06/2014 Ann Mowbray") == ["13/06/2014 Ann Mowbray"]  # a date is no path
    page = "\n".join(["Home", "Garden", "Dalby.com/Videos///How to Mend a Fence Post (Three Easy Steps!)", STORY])
    assert read_text(page).title == "How to Mend a Fence Post (Three Easy Steps!)"


def test_a_date_and_a_time_glued_by_the_copy_are_a_date_only() -> None:
    assert date_only("Nov 15, 20265:45 AM")  # the year glued to the time
    assert date_only("Published 11:26 pm EST, Tuesday, November 19, 2026")
    assert not date_only("Fire on March 3, 2026 kills two")


def test_a_line_opening_with_a_date_in_figures_is_no_headline() -> None:
    assert not title_like(_block("13/06/2014 Ann Mowbray All, Books, Garden Reviews"))
    assert not title_like(_block("2026-03-12 Ann Mowbray Garden, Reviews"))
    assert title_like(_block("10 ways to mend a fence post"))
    assert title_like(_block("2026 garden show opens in Dalby"))


def test_a_box_of_facts_is_no_headline() -> None:
    assert not title_like(_block("Tested by: Ann Mowbray Price: £12.99 More info: Dalby Garden Press"))
    assert title_like(_block("Review: the fence post that would not wobble"))
    assert title_like(_block("Dalby: a town mends its fences: part two"))


def test_a_signature_under_a_long_title_signs_it_not_the_shorter_title_under_it() -> None:
    lines = [
        "Ferry crashes into harbour wall at dawn: 'We heard a bang'",
        "Updated on: March 3, 2026 / 10:07 AM",
        "Ferry crashes into harbour wall",
        STORY,
    ]
    blocks = make_blocks("\n".join(lines), stopwords())
    labels = [line_label(b) for b in blocks]
    assert blocks[1].is_stamp
    assert _signed(blocks, labels, 0)
    assert not _signed(blocks, labels, 2)
    # under a kicker, shorter than its headline, the signature signs the headline below it
    lines[0] = "Harbour and coast news"
    blocks = make_blocks("\n".join(lines), stopwords())
    assert _signed(blocks, [line_label(b) for b in blocks], 2)


def test_a_credit_a_sponsor_label_or_the_page_s_status_is_no_headline() -> None:
    assert not title_like(_block("Photo: Ann Mowbray / Dalby Garden Press"))
    assert not title_like(_block("Foto: Ann Mowbray, via Dalby Archive"))
    assert title_like(_block("PHOTOS: Floods close the coast road at Dalby"))  # a gallery's headline
    assert title_like(_block("Photo: the garden show draws thousands to Dalby"))
    assert not title_like(_block("Our garden series is supported by"))
    assert not title_like(_block("You have no pending notifications"))
    assert not title_like(_block("No results found for your search"))
    assert not title_like(_block("What are you looking for in the garden section?"))  # a search box's prompt
    assert not title_like(_block("What term do you want to search?"))
    assert title_like(_block("Are you ready for the garden show?"))
    assert title_like(_block("You have 30 days to claim a refund, council says"))
    assert title_like(_block("Photography club opens its doors in Dalby"))
    assert not title_like(_block("Part 2 of the Dalby Fences series Next Chapter →"))  # a link to the next page
    assert not title_like(_block("← Previous post: Mending the harbour wall"))
    assert not title_like(_block("Dalby Garden Show 2026 ( )"))  # a link or a count in the brackets was dropped


def test_a_headline_loses_a_last_word_that_cannot_end_one() -> None:
    # "... with" and a brand's logo after it: the logo is gone from the text, the word stays
    page = "\n".join(["Home", "Recipes", "Roasted Leeks with Barley with", STORY])
    assert read_text(page).title == "Roasted Leeks with Barley"
    for kept in ("Leeks: what to cook them with", "Leeks: What to Cook Them With", "Mend a fence post in an afternoon"):
        assert dangling_word_dropped(kept) == kept


def test_a_line_between_two_bylines_is_a_teaser_of_a_signed_list() -> None:
    lines = [
        "Why the ferry timetable will not change",
        "By Ann Mowbray",
        "The harbour wall that nobody wanted to mend",
        "By Bo Trelawny",
        "Mending fences takes an afternoon",
        STORY,
    ]
    blocks = make_blocks("\n".join(lines), stopwords())
    labels = [line_label(b) for b in blocks]
    assert labels[1] == labels[3] == "byline"
    assert _signed(blocks, labels, 0)  # the first item: only signed under it
    assert not _signed(blocks, labels, 2)
    lines[3] = lines[1]  # the same author over it and under it: the page's own headline, its author printed twice
    blocks = make_blocks("\n".join(lines), stopwords())
    assert _signed(blocks, [line_label(b) for b in blocks], 2)


def test_an_item_of_a_numbered_contents_list_is_no_headline() -> None:
    page = "\n".join(
        [
            "Home",
            "How to Mend a Wobbly Fence Post",
            "Contents",
            "Step 1: Dig around the wobbly post with a spade",
            "Step 2: Pack the gravel back in a layer at a time",
            "Step 3: Tamp each layer down with a broom handle",
            STORY,
        ]
    )
    assert read_text(page).title == "How to Mend a Wobbly Fence Post"
    blocks = make_blocks(page, stopwords())
    assert numbered_item(blocks, 3)
    assert not numbered_item(blocks, 1)


def test_when_the_story_s_run_took_in_a_teaser_its_second_title_is_weighed_too() -> None:
    # the story's first line is a teaser of another story, the second the page's own headline (printed again
    # in a share line): both are weighed, and the teaser is then no part of the story
    lines = [
        "Home",
        "Harbour Ferry Gets A New Captain For The Summer",
        "Mending Fences Takes An Afternoon, Says Dalby Gardener",
        STORY,
        "Share “Mending Fences Takes An Afternoon, Says Dalby Gardener”",
    ]
    blocks = make_blocks("\n".join(lines), stopwords())
    labels = [line_label(b) for b in blocks]
    kept = [1 <= i < len(blocks) - 1 for i in range(len(blocks))]
    choice = choose_headline(blocks, labels, kept, 1)
    assert choice is not None and choice[0] == "Mending Fences Takes An Afternoon, Says Dalby Gardener"
    assert not kept[1] and labels[1] == "teaser above the headline"


GARDEN = "\n\n".join(
    [
        "DALBY — A gardener who mends fences for free has fixed every fence on her street this spring, "
        "her neighbours said on Tuesday.",
        "Ann Mowbray, 71, started with her own wobbly fence post in February and has since mended forty more, "
        "using gravel, a spade and a broom handle.",
        "“I like to be useful, and the fences were falling down,” Mowbray said. “It takes an afternoon, no more.”",
        "Her neighbours have collected money to buy her a new spade, and the council has asked her to teach a class.",
    ]
)
HEADLINE = "Gardener mends every fence on her street for free"


@pytest.mark.parametrize(
    "above",
    [
        ["Dalby Garden Show 2026 – book your tickets now"],  # a promotion
        ["Weather: 12°C Light rain expected this afternoon"],  # a widget
        ["Trending", "Harbour ferry gets a new captain", "Council approves new car park near the station"],
    ],
)
def test_a_headline_under_a_promotion_or_a_teaser_is_no_standfirst_of_it(above: list[str]) -> None:
    # the line over the headline is a title as long as the headline: the headline is not its standfirst, and the
    # byline under the headline signs the headline
    page = "\n".join(["Menu", *above, HEADLINE, "By Ann Lee", "March 3, 2026", GARDEN])
    assert read_text(page).title == HEADLINE


def test_a_standfirst_says_more_than_its_headline_or_says_it_in_sentences() -> None:
    def says_more(headline: str, below: str) -> bool:
        return _says_more(_block(headline), _block(below))

    assert says_more(HEADLINE, "Ann Mowbray, 71, has fixed forty fences since February, and her neighbours thank her")
    assert says_more(HEADLINE, "She started in February. Now the council wants her to teach")
    assert says_more(HEADLINE, "Forty fences mended since February.")
    assert not says_more("Council approves new car park near the station", HEADLINE)
