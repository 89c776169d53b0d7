"""The headline of a page copied as text, on shapes of real pages: wire bylines, galleries, share rows."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from radio.words.ingest import load_article, story
from radio.words.ingest.features import Block, line_label, make_blocks
from radio.words.ingest.headline import (
    FEATURES,
    HAND_WEIGHTS,
    _signed,
    candidate_features,
    candidate_lines,
    content_words,
    date_only,
    full_stop,
    line_score,
)
from radio.words.ingest.headline_weights import WEIGHTS
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
    assert "printed again on the page" in reading.title_reason
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


# The learned headline score (headline_weights.py, fitted by scripts/fit_headline_weights.py)


def _rows(text: str) -> dict[str, list[float]]:
    """The feature row of each headline candidate of ``text``, as the reader saw the page."""
    seen: dict[str, list[float]] = {}
    real = story.choose_headline

    def record(
        blocks: list[Block], labels: list[str | None], kept: list[bool], first: int
    ) -> tuple[str, int, str] | None:
        candidates = candidate_lines(blocks, labels, kept, first)
        rows = candidate_features(blocks, labels, kept, first, candidates)
        seen.update({blocks[i].text: list(row) for i, row in zip(candidates, rows, strict=True)})
        return real(blocks, labels, kept, first)

    story.choose_headline = record
    try:
        read_text(text)
    finally:
        story.choose_headline = real
    return seen


def _scores(text: str, weights: tuple[float, ...]) -> dict[str, float]:
    """The score of each headline candidate of ``text`` under ``weights``."""
    return {line: line_score(row, weights) for line, row in _rows(text).items()}


RESCUE = """Coastal Courier

News
Sport
Weather

Porthkerris volunteers praised after dramatic evening rescue

By Tamsin Rowe
12 March 2026, 09:40

Share
Save

Read next

Coastguard asks walkers to check the tide tables before cliff walks

Three walkers were rescued from a beach near Porthkerris on Tuesday after the rising tide cut them off below the cliffs.

The lifeboat crew launched at half past six and reached the group within twenty minutes, the station's coxswain said.

All three were brought back to the harbour, where paramedics checked them over. None needed to go to hospital.

The coxswain urged walkers to check the tide tables before setting out along the foot of the cliffs.

Most read

Coastguard asks walkers to check the tide tables before cliff walks
School bus timetable changes from Monday
"""


def test_the_learned_weights_pick_the_signed_headline_over_a_teaser_printed_twice() -> None:
    # the "Read next" teaser is nearer the story, printed again under "Most read" and uses the story's words:
    # the hand weights of earlier rounds took it; the learned weigh the byline under the headline more
    teaser = "Coastguard asks walkers to check the tide tables before cliff walks"
    headline = "Porthkerris volunteers praised after dramatic evening rescue"
    hand = HAND_WEIGHTS + (0.0,) * (len(FEATURES) - len(HAND_WEIGHTS))
    by_hand = _scores(RESCUE, hand)
    assert max(by_hand, key=lambda line: by_hand[line]) == teaser
    learned = _scores(RESCUE, WEIGHTS)
    assert max(learned, key=lambda line: learned[line]) == headline
    reading = read_text(RESCUE)
    assert reading.title == headline
    assert reading.byline == "Tamsin Rowe"
    # --explain says what won it: the score and the signs that added most to it
    assert reading.title_reason.startswith("the best-scored of 3 title-like lines near the story (the 2nd nearest,")
    assert "signed by a byline or stamp" in reading.title_reason


STORY = """A dinghy's rigging is simpler than it looks, and most of it can be learned on a dry afternoon in the yard.

Start with the mast: step it, pin it, and check that the shrouds sit evenly on both sides before the forestay.

Then reeve the main halyard and the sheets, and tie a stopper knot in every loose end before the wind gets up.

Last of all, walk round the boat and look at every shackle, because a pin that works loose will end the day early.
"""


def test_a_two_word_headline_is_a_candidate() -> None:
    # before, a line of two words was never a candidate, and the blog's name was taken for the headline
    page = "Notes from the Boatyard\n\nHome\nArchive\nAbout\n\nRigging basics\n\n14 May 2026\n\n" + STORY
    reading = read_text(page)
    assert reading.title == "Rigging basics"
    assert len(reading.paragraphs) == 4


def test_a_headline_under_a_line_read_as_story_is_a_candidate() -> None:
    # the blog's long tagline opens the story's run; the headline is the next line
    tagline = (
        "Tides and the people who sail them: a blog about small boats, written from a yard on the estuary since 2011."
    )
    page = f"{tagline}\n\nRigging a dinghy before the first sail of the season\n\n14 May 2026\n\n{STORY}"
    reading = read_text(page)
    assert reading.title == "Rigging a dinghy before the first sail of the season"
    assert reading.title_reason == "the only title-like line near the story's start"
    assert reading.paragraphs[-1].startswith("Last of all")


def test_a_line_below_the_story_start_is_a_candidate_only_under_one_line_read_as_story() -> None:
    # one line read as story above it: a tagline the story's run took in; more: a subhead inside the story
    paragraphs = STORY.strip().split("\n\n")
    lines = [paragraphs[0], "Walk round the boat and check every shackle", *paragraphs[1:]]
    blocks = make_blocks("\n\n".join(lines), stopwords())
    labels: list[str | None] = [None] * len(blocks)
    kept = [i != 1 for i in range(len(blocks))]
    assert candidate_lines(blocks, labels, kept, 0) == [1]
    blocks = make_blocks("\n\n".join([*paragraphs[:2], *lines[1:]]), stopwords())
    labels = [None] * len(blocks)
    kept = [i != 2 for i in range(len(blocks))]
    assert candidate_lines(blocks, labels, kept, 0) == []


def test_a_headline_far_above_the_story_past_a_long_list_of_tags() -> None:
    tags = "\n".join(f"tag{k}" for k in range(50))
    page = f"Rigging a dinghy before the first sail of the season\n\nBy Kerensa Hale\n\nTags\n\n{tags}\n\n{STORY}"
    assert read_text(page).title == "Rigging a dinghy before the first sail of the season"


@pytest.mark.parametrize(
    "title",
    [
        "[Review] A dinghy rig that a beginner can set up alone",  # a headline opening with a bracket
        "Change Your Dinghy Rig in Ten Minutes (Five Quick Fixes)",  # a verb and a bracket, but long: not a button
    ],
)
def test_headlines_that_looked_like_labels_are_candidates(title: str) -> None:
    page = f"Notes from the Boatyard\n\nHome\nArchive\nAbout\n\n{title}\n\n14 May 2026\n\n{STORY}"
    assert read_text(page).title == title


def test_without_a_title_like_line_the_first_sentence_is_the_headline_never_a_button() -> None:
    page = "Skip to content\nMenu\nSearch\nSign in\nSubscribe\n\n" + STORY
    reading = read_text(page)
    assert reading.title == "A dinghy's rigging is simpler than it looks, and most of it…"
    assert reading.title_reason == "no title-like line above the story: its first sentence"
    assert len(reading.paragraphs) == 4


# Features of the shape of lines and their place (added with Readability's pages as a fifth group)


@pytest.mark.parametrize(
    ("line", "ends"),
    [
        ("The harbour board approves the new quay.", True),
        ("Flood barriers go up along the river in Washington, D.C.", False),  # an abbreviation's stop
        ("A street named after Martin Luther King Jr.", False),
        ("Ferry crossings cancelled for the weekend...", False),
    ],
)
def test_a_full_stop_of_an_abbreviation_ends_no_sentence(line: str, ends: bool) -> None:
    assert full_stop(line) is ends


ABBREVIATED = """Evening Courier
Menu
Search

Flood barriers go up along the river in Washington, D.C.

Crews worked through the night to raise temporary walls along the riverbank as the highest tide in a decade neared.

By Kerensa Hale

14 May 2026

Crews began raising the barriers at dusk on Tuesday, working in shifts under floodlights along two miles of the bank.

The city's engineers said the walls would hold back water a metre higher than the worst flood on record.

Residents of the low streets were asked to move their cars to higher ground before the morning tide.

The barriers will stay up until the river falls, which the forecasters expect by the end of the week.
"""


def test_a_headline_ending_with_an_abbreviation_heads_its_standfirst() -> None:
    # "D.C." does not end a sentence: the line is a headline over its standfirst, and the byline under the
    # standfirst signs the headline, not the standfirst
    reading = read_text(ABBREVIATED)
    assert reading.title == "Flood barriers go up along the river in Washington, D.C."
    assert reading.paragraphs[0].startswith("Crews worked through the night")  # the standfirst is read


def _features(text: str) -> dict[str, dict[str, float]]:
    """The named features of each headline candidate of ``text``."""
    return {line: dict(zip(FEATURES, row, strict=True)) for line, row in _rows(text).items()}


CONTENTS = f"""Notes from the Boatyard

Rigging a dinghy before the first sail of the season

14 May 2026

Contents

Stepping the mast and pinning it
Reeving the halyard and the sheets
Checking every shackle on the boat

{STORY}"""


def test_a_line_in_a_list_of_titles_is_told_from_a_headline_standing_apart() -> None:
    features = _features(CONTENTS)
    run = "title-like lines in a row with it (log)"
    assert features["Reeving the halyard and the sheets"][run] == pytest.approx(math.log(3))
    # the headline stands under the site's name only (the date under it is no title)
    assert features["Rigging a dinghy before the first sail of the season"][run] == pytest.approx(math.log(2))


MENU_TWICE = f"""Harbour Sailing Club
Racing calendar
Junior sailing courses
Club house and bar
Racing calendar
Junior sailing courses
Club house and bar

Rigging a dinghy before the first sail of the season

{STORY}"""


def test_the_lines_of_a_menu_printed_twice_are_seen_around_its_items() -> None:
    features = _features(MENU_TWICE)
    around = "lines around it printed again on the page"
    assert features["Junior sailing courses"][around] == 0.75  # its first copy: the club's name is printed once
    assert features["Rigging a dinghy before the first sail of the season"][around] == 0.5  # the menu's end only


SUBHEAD = f"""Coastal Courier

Lifeboat crew rescues three walkers cut off by the tide

Rising water trapped the group below the cliffs

14 May 2026

{STORY}"""


def test_a_title_over_another_title_and_a_title_under_one_are_told_apart() -> None:
    features = _features(SUBHEAD)
    head, sub = (
        "Lifeboat crew rescues three walkers cut off by the tide",
        "Rising water trapped the group below the cliffs",
    )
    assert features[head]["over another title of four words or more"] == 1.0
    assert features[head]["under another title of four words or more"] == 0.0
    assert features[sub]["under another title of four words or more"] == 1.0


def test_a_trail_of_sections_ending_with_the_headline_prints_it_again_a_sentence_ending_with_it_does_not() -> None:
    head = "Harbour board approves the new quay"
    trail = f"Coastal Courier\n\nHome News Business News {head}\n\n{head}\n\n14 May 2026\n\n{STORY}"
    assert _features(trail)[head]["printed again on the page"] == 1.0
    sentence = f"Coastal Courier\n\nAt last, after ten years of talks, {head}\n\n{head}\n\n14 May 2026\n\n{STORY}"
    assert _features(sentence)[head]["printed again on the page"] == 0.0


# The fitter of those weights (scripts/fit_headline_weights.py): a softmax over each page's candidates


def _fitter():  # type: ignore[no-untyped-def]
    import sys

    scripts = str(Path(__file__).resolve().parents[1] / "scripts")
    if scripts not in sys.path:
        sys.path.insert(0, scripts)
    import fit_headline_weights

    return fit_headline_weights


def _page(fitter, group: str, rows: list[list[float]], hit: int):  # type: ignore[no-untyped-def]
    hits = [k == hit for k in range(len(rows))]
    return fitter.Page(group, f"{group}-{len(rows)}-{hit}", "a headline", rows, hits, ["x"] * len(rows), False, "")


def test_the_fit_ranks_each_page_on_its_own_candidates_and_is_judged_on_the_group_left_out() -> None:
    fitter = _fitter()
    # feature 0 marks the headline on every group's pages; feature 1 marks it on the first group's only, and
    # another candidate on the others'; pages of different sizes, so a softmax that mixed one page's candidates
    # with another's would go wrong
    pages = []
    for group in ("tune", "aeb", "readability"):
        for n in (2, 3, 5):
            for hit in range(n):
                marked = hit if group == "tune" else (hit + 1) % n
                rows = [[float(k == hit), float(k == marked), float(k)] for k in range(n)]
                pages.append(_page(fitter, group, rows, hit))
    weights = fitter.fit(pages, 0.3, None)
    assert weights[0] > 5 * abs(weights[1])  # the feature true of every group outweighs the one of one group
    assert all(fitter.correct(p, weights) for p in pages)
    found = fitter.cross_validate(pages, 0.3, None)
    assert found["tune"] == (sum(p.group == "tune" for p in pages),) * 2  # fitted on the other two only, still right
    narrowed = fitter.without(pages, frozenset((0,)))
    assert narrowed[0].rows[0] == pages[0].rows[0][1:]
    assert fitter.cross_validate(narrowed, 0.3, None)["tune"][0] == 0  # feature 1 alone misleads the group left out


DATED = f"""Harbour Sailing Club
News
Racing
Juniors

Seven checks before the first outing of the year
By Kerensa Hale | More articles
December 22, 2025 | Comments (12)

{STORY}"""


@pytest.mark.parametrize(
    ("line", "only"),
    [
        ("December 22, 2025", True),
        ("Monday, 22 Dec 2025 at 10:05", True),
        ("Posted on 2025-12-22", True),
        ("Harbour dues to rise on April 6, 2026", False),
        ("Seven boats to watch in 2026", False),
    ],
)
def test_a_date_says_nothing_more(line: str, only: bool) -> None:
    assert date_only(line) is only


def test_a_date_and_a_comment_count_under_the_byline_is_no_headline() -> None:
    # "Date | Comments (12)", cut as "Title | Site", gave the date, signed by the byline just above it
    assert "December 22, 2025 | Comments (12)" not in _rows(DATED)
    reading = read_text(DATED)
    assert reading.title == "Seven checks before the first outing of the year"


def test_a_line_left_with_one_word_once_its_address_is_dropped_is_no_headline() -> None:
    page = f"Notes from the Boatyard\n\nRigging basics\n\nNB - www.boatyard-notes.example\n\n{STORY}"
    lines = _rows(page)
    assert "NB - www.boatyard-notes.example" not in lines
    assert "Rigging basics" in lines
