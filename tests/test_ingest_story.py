"""The learned story score's second pass, its drop decision and its block features (radio/words/ingest/learned.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from radio.words.ingest import learned, story
from radio.words.ingest.explain import explain_rows
from radio.words.ingest.learned import CONTEXT_FEATURES, FEATURES, HEADS, PageContext, story_score
from radio.words.ingest.rules import strip_hover_cards
from radio.words.ingest.shape import spaces_paragraphs
from radio.words.ingest.story import read_text, rule_pass

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
# a story, then a box of other stories: each a section label and a headline printed twice, over a summary
TEASERS = (FIXTURES / "page-library-teasers.txt").read_text(encoding="utf-8")
STORY_START = "The town library will open on Sundays"
STORY_END = "The library will open from ten in the morning"


def context(text: str) -> tuple[story.RulePass, PageContext]:
    found = rule_pass(text)
    spacing = spaces_paragraphs(found.classes, found.blocks)
    return found, PageContext(found.blocks, found.classes, found.labels, found.span, list(found.kept), spacing)


def index_of(found: story.RulePass, start: str) -> int:
    return next(i for i, b in enumerate(found.blocks) if b.text.startswith(start))


def test_every_head_has_a_weight_for_each_of_its_features() -> None:
    assert len(HEADS["first"][1]) == len(FEATURES)
    assert len(HEADS["add"][1]) == len(HEADS["drop"][1]) == len(CONTEXT_FEATURES) == len(FEATURES) + 3
    with pytest.raises(ValueError, match="features for"):
        story_score([0.0] * len(FEATURES), "add")


def test_the_second_pass_reads_the_first_scores_of_the_blocks_around() -> None:
    found, page = context(TEASERS)
    i = index_of(found, "The library has been closed")
    first = [0.0] * len(found.blocks)
    first[i - 1], first[i + 1], first[i + 2] = 0.2, 0.7, 0.9
    own = page.features(i)
    row = page.context_features(i, own, first)
    assert row[: len(own)] == own
    assert row[len(own) :] == [0.2, 0.7, 0.9]  # the previous block's, the next block's, the best of two either side
    end = len(found.blocks) - 1
    first[end] = 0.4
    assert page.context_features(end, page.features(end), first)[-2] == 0.4  # past the page's end: itself


def feature(page: PageContext, i: int, name: str) -> float:
    return page.features(i)[FEATURES.index(name)]


def test_the_block_features_of_a_repeat_an_ellipsis_capitals_and_figures() -> None:
    text = "\n\n".join(
        [
            "Town Hall",
            "The council met on Tuesday and agreed the budget for the year, after a debate of three hours.",
            "Town Hall",
            "Read the whole report on the budget …",
            "Opening Hours For The Library",
            "Call 0123 456 789",
        ]
    )
    found, page = context(text)
    label, prose, again, more, title, phone = range(6)
    assert feature(page, label, "printed elsewhere on the page") == 1.0
    assert feature(page, prose, "printed elsewhere on the page") == 0.0
    assert feature(page, more, "ends with an ellipsis") == 1.0
    assert feature(page, prose, "ends with an ellipsis") == 0.0
    assert feature(page, title, "share of capitalised words (of its first ones)") == 1.0
    assert feature(page, prose, "share of capitalised words (of its first ones)") == pytest.approx(2 / 18)
    assert feature(page, phone, "share of digits") == pytest.approx(10 / len("Call 0123 456 789"))
    assert found.blocks[again].text == found.blocks[label].text


def test_only_blocks_beside_what_the_rules_do_not_read_may_be_dropped() -> None:
    paragraphs = [
        f"Paragraph {n} of the story says what the council decided about the library on Tuesday." for n in range(7)
    ]
    found, _ = context("\n\n".join(["Library to open on Sundays", *paragraphs, "Share", "Tweet"]))
    drops = story.drop_candidates(found)
    assert index_of(found, "Paragraph 3") not in drops  # deep in the story: every block around it read
    assert index_of(found, "Paragraph 0") in drops  # beside the headline
    assert index_of(found, "Paragraph 6") in drops  # beside the share buttons
    assert all(found.kept[i] and found.labels[i] is None for i in drops)


def test_a_section_label_the_rules_read_is_dropped_by_the_score_and_explain_says_so() -> None:
    reading = read_text(TEASERS)
    dropped = [line for line in reading.lines if line.label.endswith(story.READ_BY_SHAPE)]
    assert dropped
    assert all(line.text == "Town Hall" and not line.kept for line in dropped)
    chrome = float(dropped[0].label.split()[1])
    assert chrome >= story.DROP_FROM
    assert reading.paragraphs[0].startswith(STORY_START)
    rows = explain_rows(reading)
    assert any(" - chrome 0." in row and "(the rules' shape read it)" in row and "Town Hall" in row for row in rows)


def test_without_the_learned_score_the_rules_read_that_label(monkeypatch: pytest.MonkeyPatch) -> None:
    learned_count = sum(p == "Town Hall" for p in read_text(TEASERS).paragraphs)
    monkeypatch.setattr(story, "LEARNED", False)
    assert sum(p == "Town Hall" for p in read_text(TEASERS).paragraphs) > learned_count


def test_without_its_drop_head_the_score_drops_nothing_the_rules_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(story, "DROP_FROM", 1.01)
    reading = read_text(TEASERS)
    assert not any(line.label.endswith(story.READ_BY_SHAPE) for line in reading.lines)


def test_the_score_never_drops_the_whole_story(monkeypatch: pytest.MonkeyPatch) -> None:
    # a drop head sure that everything is chrome
    bias, weights = HEADS["drop"]
    monkeypatch.setitem(learned.HEADS, "drop", (-50.0, tuple(0.0 for _ in weights)))
    text = "\n\n".join(
        [
            "Library to open on Sundays",
            "The town library will open on Sundays from next month, the council said on Tuesday evening.",
            "Share",
        ]
    )
    reading = read_text(text)
    assert reading.paragraphs == (
        "The town library will open on Sundays from next month, the council said on Tuesday evening.",
    )
    assert bias > -50.0


HARBOUR_FIRST = [
    "The harbour district's rents rose by a fifth last year, the fastest climb of any part of the city, according"
    " to figures the housing office published on Monday.",
    "Tenants on the waterfront said the rise had pushed many of their neighbours further inland, and that the new"
    " flats by the old fish market were let before they were finished.",
    "The office said the district had gained almost two thousand residents since the ferry terminal reopened, while"
    " only a few hundred homes had been built in the same time.",
]
HARBOUR_SECOND = [
    "Landlords' groups argue that the rise follows years in which rents in the district barely moved, and that a"
    " cap would stop the building the area needs.",
    "The housing office expects the pace to slow this year as two large blocks near the station open, adding about"
    " six hundred flats to the market by the autumn.",
    "A tenants' association has collected more than four thousand signatures for a petition asking the council to"
    " buy empty warehouses and turn them into homes.",
    "Its chair said the members would keep campaigning whatever the council decides, and that they had already"
    " begun talks with two housing cooperatives.",
    "The mayor is expected to set out her own plans for the district in a speech to the chamber of commerce at the"
    " end of the month, her office said.",
]


def chart_page(credit: str) -> str:
    """A story cut in two by a chart of figures that ends with its maker and source."""
    chart = ["Rents in the harbour district", "Average monthly rent"]
    for year in range(2015, 2025):
        chart += [str(year), str(900 + 40 * (year - 2015))]
    head = ["Home", "News", "Harbour rents climb fastest in the city", "By Maria Costa", "March 3, 2026"]
    foot = ["Most read", "Ferry fares to rise in May", "New bridge opens to cyclists", "School heads want more staff"]
    return "\n\n".join([*head, *HARBOUR_FIRST, "\n".join([*chart, credit]), *HARBOUR_SECOND, *foot])


def test_a_charts_maker_and_source_is_its_credit_not_the_storys_byline() -> None:
    reading = read_text(chart_page("By The Harbour Gazette | Source: City Housing Office"))
    credit = next(line for line in reading.lines if line.text.startswith("By The Harbour Gazette"))
    assert credit.label == "credit" and not credit.kept
    assert reading.byline == "Maria Costa"
    # the paragraphs above the chart are not the page's header above a byline: the score may read them
    assert HARBOUR_FIRST[0] in reading.paragraphs and HARBOUR_FIRST[1] in reading.paragraphs
    assert all(p in reading.paragraphs for p in HARBOUR_SECOND)
    for source in ("Source: City Housing Office", "Chart: Ann Lee; Sources: Census Bureau, City Housing Office"):
        line = next(x for x in read_text(chart_page(source)).lines if x.text == source)
        assert line.label == "credit"


def test_a_links_hover_card_copied_into_a_sentence_is_not_read_and_explain_says_so() -> None:
    glued = (
        "A man admitted on Monday that he had threatened Rep. Nadia HassanNadia HassanRelated: Budget talks stall"
        " | Vote delayed MORE (D-Ore.) in a voicemail left at her office last spring, prosecutors said."
    )
    text = "\n\n".join(
        [
            "Man admits threatening lawmaker",
            glued,
            "He will be sentenced in June. His lawyer said he regretted the call and had sought treatment since.",
            "He met Ann LeeAnn Lee at the door of the court, where reporters from NATO countries waited for him.",
        ]
    )
    reading = read_text(text)
    assert reading.paragraphs[0] == (
        "A man admitted on Monday that he had threatened Rep. Nadia Hassan (D-Ore.) in a voicemail left at her"
        " office last spring, prosecutors said."
    )
    # a copy glued to the name with no card after it: only the copy goes
    assert reading.paragraphs[2].startswith("He met Ann Lee at the door of the court, where reporters from NATO")
    line = next(x for x in reading.lines if x.text == glued)
    assert line.kept and line.label.endswith("(a link's hover card dropped)")
    assert any("hover card dropped" in row for row in explain_rows(reading))
    plain = "BlackRock and McDonald's told the U.S. regulator that NASA and ExxonMobil had agreed."
    assert strip_hover_cards(plain) == plain

    initials = "He would have been George R.R. Martin, and the fans at NATO summits knew it."
    assert strip_hover_cards(initials) == initials
    for word in ("She searched with DuckDuckGo and ran the code on PyPy.", "Would RiRi devalue the brand?"):
        assert strip_hover_cards(word) == word


def test_a_wiki_page_copied_as_text_stops_at_its_end_matter() -> None:
    """A wiki copied as text: after the story, "See also" and "References" with "[edit]" hold lists of links
    and sources; they are not read, and --explain says why."""
    story_lines = [
        "The tide mill at Eling is one of the last working mills of its kind in the country, grinding wheat"
        " with the power of the sea as the water flows out of its pond at every low tide.",
        "A mill has stood on the causeway since the Middle Ages, and the present building was restored by"
        " volunteers over ten years before it opened to visitors again in the spring.",
        "The mill's trust says the wheel turns on about two hundred days a year, and flour from it is sold in"
        " the shop beside the toll bridge, which still charges drivers a small fee to cross.",
        "Volunteers give tours on most weekends, and school groups can book a visit to see the millstones"
        " turning and learn how the tide is held back in the pond until the miller needs it.",
    ]
    sources = [
        '^ "Tide mills of the south coast of England and how they worked". Harbour Office. Retrieved 2012-08-18.',
        '^ Marsh, Ada (4 April 2014). "Grinding with the tide, a history of a working mill". The Coastal Review.'
        " Retrieved 2014-07-01.",
    ]
    text = "\n".join(
        [
            "Main page",
            "Eling Tide Mill",
            "From the free encyclopedia",
            *story_lines,
            "See also[edit]",
            "List of watermills in England and the counties where they stand today",
            "References[edit]",
            *sources,
        ]
    )
    reading = read_text(text)
    assert reading.title == "Eling Tide Mill"
    assert list(reading.paragraphs) == story_lines
    labels = {d.text: d.label for d in reading.lines}
    assert labels["See also[edit]"] == "end matter"
    assert labels[sources[0]] == "after the end matter"


def test_a_thread_of_readers_comments_after_the_story_is_not_read() -> None:
    """A news page copied as text: after the story, "24 Comments" and each reader's "On DATE, at TIME, NAME
    wrote:" head a thread of comments written in full sentences; none of it is read, and --explain says why."""
    story_lines = [
        "The harbour board voted on Tuesday to raise mooring fees by a tenth from April, the first rise in six"
        " years, after a survey found the outer wall needs repairs before the winter storms.",
        "The board's chair said the money would pay for the wall and for a new pontoon for visiting boats, and"
        " that fees would be frozen again for three years once the work is done.",
        "Boat owners at the meeting asked for the rise to be phased in over two years, but the board said the"
        " repairs could not wait and that a smaller rise would only delay the work.",
        "The new fees will be published next month, and owners who pay for the whole year before April will"
        " keep this year's rate, the board said after the vote.",
    ]
    comments = [
        "On March 3, 2026, at 9:15 PM, harbourfan wrote:",
        "I have kept my boat here for twenty years and I do not mind paying more if the wall is finally fixed"
        " properly this time, but the board should publish the accounts first.",
        "On March 4, 2026, at 7:02 AM, Quayside Sal wrote:",
        "A tenth is far too much in one go when the visitors' pontoon has been promised three times already and"
        " nothing has been built, so I will believe it when I see it.",
    ]
    text = "\n".join(["Harbour board raises mooring fees", *story_lines, "24 Comments", *comments])
    reading = read_text(text)
    assert list(reading.paragraphs) == story_lines
    labels = {d.text: d.label for d in reading.lines}
    assert labels["24 Comments"] == "end matter"
    assert not any(d.kept for d in reading.lines if d.text in comments)


def test_a_readers_comment_head_ends_the_story_in_both_readers() -> None:
    """The HTML reader's lines stop at the first "On DATE, at TIME, NAME wrote:" after the story's first 150
    words; "Comment" alone (a button, or a heading inside the story) ends nothing."""
    from radio.words.ingest.endmatter import without_end_matter

    story = [
        "The harbour board voted on Tuesday to raise mooring fees by a tenth from April, the first rise in six"
        " years, after a survey found the outer wall needs repairs before the winter storms arrive.",
    ] * 6
    comment = ["On March 3, 2026, at 9:15 PM, harbourfan wrote:", "I do not mind paying more if the wall is fixed."]
    assert without_end_matter([*story, *comment]) == story
    assert without_end_matter([*story, "Comment", *story]) == [*story, "Comment", *story]
    assert without_end_matter([*story, *comment], comments=False) == [*story, *comment]
