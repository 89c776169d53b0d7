"""Plain text copied from a whole news page: the story, its headline, and what is not read."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from typer.testing import CliRunner

from radio.cli import app
from radio.errors import InputError
from radio.words.ingest import load_article
from radio.words.ingest.explain import explain_rows
from radio.words.ingest.story import read_text
from radio.words.ingest.text import clean_text

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def page(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def said(article_paragraphs: tuple[str, ...]) -> str:
    return "\n".join(article_paragraphs)


def test_news_page_story_headline_byline_and_date() -> None:
    article = load_article(str(FIXTURES / "page-news.txt"))
    assert article.format == "text"
    assert article.title == "Harbour towns vote to share one ferry service"
    assert article.byline == "Morwenna Teague"
    assert article.date == "2026-05-14"
    assert article.paragraphs[0] == "Three councils agree a joint timetable after years of cancelled sailings"
    assert article.paragraphs[1].startswith("Three harbour councils voted on Tuesday")  # dateline dropped
    assert article.paragraphs[-1].startswith("The first joint timetable will be published")
    assert len(article.paragraphs) == 9


@pytest.mark.parametrize(
    "clutter",
    [
        "Skip to main content",
        "BUSINESS",  # the kicker above the headline
        "Commuters wait for the morning ferry",  # a caption printed twice
        "Idris Penhale",  # a credit split over three lines
        "Coastal Agency",
        "Link copied",
        "Advertisement",
        "Fishing fleet returns",  # related links inside the story
        "Read more",
        "24 comments",
        "is a transport reporter",  # the author's biography
        "Copyright",
        "Privacy policy",
        "PORTHAVEN",
    ],
)
def test_news_page_clutter_is_not_read(clutter: str) -> None:
    article = load_article(str(FIXTURES / "page-news.txt"))
    assert clutter not in said(article.paragraphs)
    assert clutter not in article.title


def test_headline_over_buttons_and_a_standfirst() -> None:
    article = load_article(str(FIXTURES / "page-wire.txt"))
    assert article.title == "Ministers weigh a ban on disposable vapes in schools"
    assert article.byline == "Tamsin Rowe and Kit Jago"
    assert article.paragraphs[0] == "The plan would make the sale of single-use vapes to under-25s an offence"
    assert article.paragraphs[1].startswith("Ministers are considering a ban")  # "LONDON (Reuters) -" dropped
    text = said(article.paragraphs)
    for clutter in ("Listen to this article", "5 min read", "Published", "Most popular", "Council tax", "Home >"):
        assert clutter not in text
    assert len(article.paragraphs) == 4


def test_a_genuinely_repeated_paragraph_is_read_both_times() -> None:
    article = load_article(str(FIXTURES / "page-news.txt"))
    text = said(article.paragraphs)
    assert text.count("People don't care whose boat it is, they care whether it turns up") == 2


def test_a_caption_printed_twice_beside_a_story_goes_entirely() -> None:
    lines = [
        "Ferry talks collapse after a night of argument",
        "A ferry leaves the north quay in the rain.",
        "The council met late into the night on Tuesday and failed to agree on the ferry contract for next year.",
        "A ferry leaves the north quay in the rain.",
        "Members will meet again next week to try once more, the chairwoman of the transport committee said.",
    ]
    article = clean_text("\n".join(lines), "caption.txt")
    assert "rain" not in said(article.paragraphs)
    assert len(article.paragraphs) == 2


def test_the_story_goes_on_after_a_box_of_related_links() -> None:
    first = [
        "Ferry talks collapse after a night of argument",
        "The council met late into the night on Tuesday and failed to agree on the ferry contract for next year.",
        "Members will meet again next week to try once more, the chairwoman of the transport committee said.",
        "Neither side would say what had gone wrong, but both blamed the cost of the new slipway at the quay.",
    ]
    box = ["More from the Courier", *(f"Harbour news item number {n} in the box" for n in range(12))]
    rest = [
        "The contract covers the two car ferries and the foot launch, and runs for ten years from next April.",
        "Operators from three countries have bid for it, and the council says the cheapest bid is not the best.",
        "Passengers have been asked to give their views at the library, where the bids are on show until May.",
        "The council says a decision will be taken before the summer, whatever happens at next week's meeting.",
    ]
    article = clean_text("\n".join(first + box + rest), "box.txt")
    assert article.title == "Ferry talks collapse after a night of argument"
    assert len(article.paragraphs) == 7
    assert "item number" not in said(article.paragraphs)


@pytest.mark.parametrize(
    "prompt",
    [
        "We use cookies to improve your experience. By continuing to browse you agree to our use of cookies.",
        "Get the Courier's morning briefing by email and never miss our top stories. Free sign up.",
        "Subscribers also receive a welcome gift and the weekend magazine delivered to their door.",
    ],
)
def test_prompts_beside_the_story_are_not_read(prompt: str) -> None:
    lines = [
        "Ferry talks collapse after a night of argument",
        "The council met late into the night on Tuesday and failed to agree on the ferry contract for next year.",
        prompt,
        "Members will meet again next week to try once more, the chairwoman of the transport committee said on"
        " Wednesday.",
    ]
    article = clean_text("\n".join(lines), "prompt.txt")
    assert prompt not in article.paragraphs
    assert len(article.paragraphs) == 2


def test_reader_comments_after_the_story_are_not_read() -> None:
    story = [
        "Ferry talks collapse after a night of argument",
        "By Ann Lee",
        "The council met late into the night on Tuesday and failed to agree on the ferry contract for next year.",
        "Members will meet again next week to try once more, the chairwoman of the transport committee said.",
    ]
    comments = [
        "12 comments",
        "Jo Pascoe",
        "2 hours ago",
        "I have taken that ferry every day for twenty years and it has never once been on time in the winter,"
        " whatever the council says about the new contract and the new boats that were promised to us last spring,"
        " and I do not expect that to change now that the talks have collapsed again.",
        "Reply",
    ]
    article = clean_text("\n".join(story + comments), "comments.txt")
    assert len(article.paragraphs) == 2
    assert "twenty years" not in said(article.paragraphs)


def test_live_blog_of_short_paragraphs_is_read() -> None:
    article = load_article(str(FIXTURES / "page-live.txt"))
    assert article.title.startswith("Flood warnings: rivers peak across the county")
    assert len(article.paragraphs) == 7
    assert article.paragraphs[0].startswith("The Environment Agency has lifted")
    text = said(article.paragraphs)
    for clutter in ("11:32", "Pause", "Key points", "Share", "Most read", "Courier live team"):
        assert clutter not in text


def test_interview_of_short_questions_and_answers_is_read() -> None:
    article = load_article(str(FIXTURES / "page-interview.txt"))
    assert article.title == "'I wrote it on the night bus': the poet who found her voice on the late shift"
    assert article.paragraphs[0] == "How did the collection start?"
    assert article.paragraphs[-1] == "The Late Shift is published by Tidewater Press."
    assert len(article.paragraphs) == 9
    text = said(article.paragraphs)
    assert "harbour in Penzance" not in text  # the caption, printed on both sides of its credit
    assert "Elowen Trask" not in text


def test_live_blog_entries_with_stamps_and_titles_are_read() -> None:
    article = load_article(str(FIXTURES / "page-liveblog-entries.txt"))
    text = said(article.paragraphs)
    for entry in ("Western Power says", "All sailings from Penzance", "A resident in Mousehole", "I heard a bang",
                  "Cornwall Council says 40 schools"):  # fmt: skip
        assert entry in text
    for clutter in ("09:41", "08:55", "View comments", "Last updated"):
        assert clutter not in text


def test_page_of_chrome_only_is_refused() -> None:
    with pytest.raises(InputError, match="no article text"):
        load_article(str(FIXTURES / "page-chrome.txt"))


def test_public_radio_page_drops_player_station_finder_and_dateline() -> None:
    article = load_article(str(FIXTURES / "page-radio.txt"))
    assert article.title == "Orchard towns count the cost of the late frost"
    assert article.date == "2026-05-12"
    assert article.paragraphs[0].startswith("Growers along the river say")
    text = said(article.paragraphs)
    for clutter in ("4:12", "local station", "Trelawny", "caption", "Apple blossom", "TRURO", "Sponsor"):
        assert clutter not in text
    assert len(article.paragraphs) == 3


def test_without_a_headline_line_the_first_sentence_is_used_never_a_button(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="radio"):
        article = load_article(str(FIXTURES / "page-untitled.txt"))
    assert article.title == "The council voted on Tuesday to back the harbour plan after a…"
    assert "no headline line" in caplog.text
    assert "comment" not in said(article.paragraphs)
    assert len(article.paragraphs) == 3


def test_title_site_line_is_evidence_and_the_site_is_cut() -> None:
    lines = [
        "Home",
        "Ferry talks collapse after a night of argument | The Valley Courier",
        "Weather",
        "Most read",
        "Ferry talks collapse after a night of argument",
        "Fishing fleet returns to the old harbour after ten years",
        "By Ann Lee",
        "The council met late into the night on Tuesday and failed to agree on the ferry contract for next year.",
        "Members will meet again next week to try once more, the chairwoman of the transport committee said.",
    ]
    reading = read_text("\n".join(lines))
    assert reading.title == "Ferry talks collapse after a night of argument"
    assert "printed again on the page" in reading.title_reason


def test_hard_wrapped_paragraphs_are_joined_but_page_blocks_are_not() -> None:
    wrapped = (
        "Ferry talks collapse after a night of argument\n\n"
        "The council met late into the night on Tuesday and\n"
        "failed to agree on the ferry contract for next year,\n"
        "leaving the three towns without a timetable.\n"
    )
    article = clean_text(wrapped, "wrapped.txt")
    assert article.paragraphs == (
        "The council met late into the night on Tuesday and failed to agree on the ferry contract for next"
        " year, leaving the three towns without a timetable.",
    )
    blocks = "\n".join(
        [
            "Join our newsletter for the latest news right to your inbox",
            "Email address and a password for the account settings page",
            "Trending stories from across the region and the whole county",
        ]
    )
    reading = read_text(blocks)
    assert len(reading.lines) == 3


def test_every_line_is_explained() -> None:
    text = page("page-news.txt")
    reading = read_text(text)
    numbers = [line.number for line in reading.lines]
    assert numbers == [n for n, row in enumerate(text.split("\n"), start=1) if row.strip()]
    by_number = {line.number: line for line in reading.lines}
    assert by_number[15].label == "headline"
    assert by_number[22].label == "caption" and not by_number[22].kept
    assert by_number[23].label == "credit"
    assert by_number[17].label == "byline"
    assert by_number[27].kept and "dateline" in by_number[27].label
    assert not by_number[38].kept and by_number[38].label == "links"  # a link under "Related stories"
    rows = explain_rows(reading)
    assert rows[0].startswith("headline: 'Harbour towns vote to share one ferry service' (the best-scored of ")
    assert "signed by a byline or stamp" in rows[0] and "the story uses its words" in rows[0]
    assert rows[1].split()[:3] == ["1", "-", "boilerplate"]


def test_cli_script_explain() -> None:
    result = CliRunner().invoke(app, ["script", "--explain", "--engine", "fake", str(FIXTURES / "page-radio.txt")])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"# {FIXTURES / 'page-radio.txt'}"
    assert lines[1].startswith("headline: 'Orchard towns count the cost of the late frost'")
    assert any(line.split()[:3] == ["8", "-", "boilerplate"] and "0:00 / 4:12" in line for line in lines)
    assert any(line.split()[:3] == ["16", "-", "credit"] for line in lines)


def test_cli_explain_refuses_html_unless_read_as_text() -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["script", "--explain", "--engine", "fake", str(FIXTURES / "article.html")])
    assert result.exit_code == 1
    assert "--format text" in result.output
    result = runner.invoke(
        app, ["script", "--explain", "--engine", "fake", "--format", "text", str(FIXTURES / "article.html")]
    )
    assert result.exit_code == 0


@pytest.mark.parametrize(
    "label",
    [
        "Read the full announcement",
        "See the full list",
        "Watch the video",
        "Find out more »",
        "Read: Island school to close after a century of lessons",
    ],
)
def test_a_call_to_action_link_is_not_read(label: str) -> None:
    from radio.words.ingest.text import clean_lines

    body = [
        "Council backs new bike lanes on Main Street",
        "The council voted seven to two on Tuesday to build protected bike lanes along Main Street.",
        label,
        "Work starts in May and should be finished before the autumn term, the mayor said.",
    ]
    article = clean_lines(body, "page.md", fmt="markdown")
    assert label not in article.paragraphs
    assert len(article.paragraphs) == 2
    story = clean_text("\n\n".join(body), "page.txt")
    assert label not in story.paragraphs and len(story.paragraphs) == 2


@pytest.mark.parametrize(
    "line",
    [
        "Read the statement in full, the mayor told the council.",  # a sentence: it ends like one
        "Watch the skies over the harbour tonight, forecasters say, as the comet passes close to the coast",
        "See",  # one word: no object, a menu label at most, not a call to action
        "Meeting the council",  # not an imperative verb
    ],
)
def test_a_sentence_or_a_long_line_is_no_call_to_action(line: str) -> None:
    from radio.words.ingest.rules import is_call_to_action

    assert not is_call_to_action(line)


def test_a_short_paragraph_beside_an_advert_inside_the_story_is_read() -> None:
    lines = [
        "Ferry talks collapse after a night of argument",
        "The council met late into the night on Tuesday and failed to agree on the ferry contract for next year.",
        "The contract covers the two car ferries and the foot launch, and runs for ten years from next April.",
        "Advertisement",
        "It was not the first time.",
        "Partner content",
        "Members will meet again next week to try once more, the chairwoman of the transport committee said.",
        "Neither side would say what had gone wrong, but both blamed the cost of the new slipway at the quay.",
    ]
    article = clean_text("\n".join(lines), "short.txt")
    assert "It was not the first time." in article.paragraphs
    assert len(article.paragraphs) == 5


@pytest.mark.parametrize(
    "clutter",
    [
        "Click to share on Facebook (Opens in new window)",
        "Share on the site of a friend (new tab)",
        "Ann Lee, speaking at the harbour meeting",
        "Bo Li, left, standing on the north quay",
    ],
)
def test_share_buttons_with_an_aside_and_captions_are_not_read(clutter: str) -> None:
    lines = [
        "Ferry talks collapse after a night of argument",
        "The council met late into the night on Tuesday and failed to agree on the ferry contract for next year.",
        clutter,
        "Members will meet again next week to try once more, the chairwoman of the transport committee said.",
        "Neither side would say what had gone wrong, but both blamed the cost of the new slipway at the quay.",
    ]
    article = clean_text("\n".join(lines), "aside.txt")
    assert clutter not in article.paragraphs
    assert len(article.paragraphs) == 3


def test_the_headline_is_the_line_the_byline_signs() -> None:
    lines = [
        "Coast Courier",
        "Harbour towns vote to share one ferry service",
        "By Morwenna Teague",
        "Published: 14 May 2026",
        "Share",
        "Comments",
        "Ferry passengers queue at the north quay on a winter morning",
        "Three harbour councils voted on Tuesday to run a single ferry service between their towns from next year.",
        "The vote ends years of cancelled sailings, which left islanders stranded for days in the winter storms.",
        "The new service will be run by a joint board, with a seat for each council and one for the islanders.",
    ]
    reading = read_text("\n".join(lines))
    assert reading.title == "Harbour towns vote to share one ferry service"


def test_a_link_title_printed_twice_in_the_story_is_not_read() -> None:
    teaser = "Fishing fleet returns to the old harbour after the storm"
    lines = [
        "Ferry talks collapse after a night of argument",
        "The council met late into the night on Tuesday and failed to agree on the ferry contract for next year.",
        teaser,
        "Members will meet again next week to try once more, the chairwoman of the transport committee said.",
        "Neither side would say what had gone wrong, but both blamed the cost of the new slipway at the quay.",
        teaser,
        "The contract covers the two car ferries and the foot launch, and runs for ten years from next April.",
    ]
    article = clean_text("\n".join(lines), "teaser.txt")
    assert teaser not in article.paragraphs
    assert len(article.paragraphs) == 4


def test_a_subhead_after_a_photo_caption_is_read() -> None:
    lines = [
        "Ferry talks collapse after a night of argument",
        "The council met late into the night on Tuesday and failed to agree on the ferry contract for next year.",
        "Members will meet again next week to try once more, the chairwoman of the transport committee said.",
        "Why the slipway?",
        "Ann Lee, speaking at the harbour meeting",
        "Neither side would say what had gone wrong, but both blamed the cost of the new slipway at the quay.",
        "The contract covers the two car ferries and the foot launch, and runs for ten years from next April.",
    ]
    article = clean_text("\n".join(lines), "subhead.txt")
    assert "Why the slipway?" in article.paragraphs
    assert "Ann Lee, speaking at the harbour meeting" not in article.paragraphs


def test_a_title_dash_site_line_gives_the_title_printed_alone_elsewhere() -> None:
    lines = [
        "Coast Courier",
        "Harbour towns vote to share one ferry service - Coast Courier",
        "Three harbour councils voted on Tuesday to run a single ferry service between their towns from next year.",
        "The vote ends years of cancelled sailings, which left islanders stranded for days in the winter storms.",
        "The new service will be run by a joint board, with a seat for each council and one for the islanders.",
        "Share this story",
        "Harbour towns vote to share one ferry service",
    ]
    reading = read_text("\n".join(lines))
    assert reading.title == "Harbour towns vote to share one ferry service"


# The headline speaks of its story: a teaser nearer the story, about something else, is not it.
TEASER_ABOVE = """Home
News
Sport
Lighthouse keepers return to Skerryvane after a century

Latest stories
Bakery on Mill Lane wins regional bread prize
Read more
Bus timetable changes from Monday in the valley
Read more

The lighthouse on Skerryvane will have keepers again this summer, a century after the last one left the rock.

Volunteers from the island trust will live in the keepers' cottage for two weeks at a time and guide visitors up the tower.

The trust said the lighthouse had stood empty since the light was automated, and that the cottage roof was repaired last winter.

Visitors can book a place on the boat from the harbour from the first of June.
"""  # noqa: E501


def test_headline_is_the_line_whose_words_the_story_uses() -> None:
    reading = read_text(TEASER_ABOVE)
    assert reading.title == "Lighthouse keepers return to Skerryvane after a century"
    assert not any(line.kept for line in reading.lines if "Bus timetable" in line.text)


# A browser's copy sets paragraphs apart with blank lines and packs a list of teasers line after line.
PACKED_TEASERS = """Rowing club opens its new boathouse on the river

By Tamsin Kerrow

The rowing club opened its new boathouse on Saturday, after three years of raising money from members and local firms.

The old shed by the weir had flooded every winter, and the boats had to be carried up the bank each time the river rose.

Club captain Ellis Varcoe said the juniors had trained in borrowed boats for two seasons while the work went on.

The boathouse has room for twelve boats and a small gym, and it will be open to schools on weekday mornings.

Share
Facebook
Email
Advertisement
More
Sections
Today
This week
Weather
Most popular
A farmer in the next valley has grown a pumpkin heavier than a small car, and the whole village has come out to see it weighed on the market scales.
Two brothers who swapped houses for a year say they will not be swapping back, and their neighbours have asked them to stop writing letters to the paper about it.
The choir's summer concert raised more money for the hospice than any year before, and the conductor has promised an even longer programme next time.
"""  # noqa: E501


def test_a_packed_list_of_teasers_does_not_outweigh_the_spaced_story() -> None:
    reading = read_text(PACKED_TEASERS)
    assert reading.title == "Rowing club opens its new boathouse on the river"
    assert reading.paragraphs[0].startswith("The rowing club opened its new boathouse")
    assert not any("pumpkin" in p for p in reading.paragraphs)


def test_without_blank_lines_spacing_says_nothing() -> None:
    packed = "\n".join(line for line in TEASER_ABOVE.splitlines() if line.strip())
    reading = read_text(packed)
    assert reading.paragraphs[0].startswith("The lighthouse on Skerryvane will have keepers again")
    assert reading.title == "Lighthouse keepers return to Skerryvane after a century"


# A "Published" stamp under a headline signs it, not the video title printed two lines below the stamp.
SIGNED_ABOVE_VIDEO = """Sections
Weather
Harbour wall repairs to start before the winter storms, council confirms
By Jory Trelawny
Published 3 October 2026
Video
Storm waves break over the harbour wall at high tide
Replay
More videos
Storm waves break over the harbour wall at high tide
Ferry crews practise a rescue in the bay
Fishermen count the cost of a wet summer

Repairs to the harbour wall will start before the winter storms, the council confirmed on Friday.

The wall was damaged in two storms last year, and parts of the harbour have been closed to boats ever since.

The council said the repairs would take six weeks and that the harbour would stay open to the lifeboat throughout.
"""


def test_a_signature_above_a_line_does_not_sign_it_across_other_blocks() -> None:
    reading = read_text(SIGNED_ABOVE_VIDEO)
    assert reading.title == "Harbour wall repairs to start before the winter storms, council confirms"


BREADCRUMB_EVIDENCE = """Home
Travel
You are here: Home » Travel » Island ferry adds a night crossing for the summer
Island ferry adds a night crossing for the summer
Night crossing
By Lowenna Pascoe for Harbour News

The island ferry will add a night crossing from July, the operator said on Monday, so visitors can come after work.

The last boat now leaves the mainland at six in the evening, and islanders have asked for a later one for years.

The night crossing will run on Fridays and Saturdays until the end of September.
"""


def test_a_breadcrumb_that_ends_with_a_line_is_evidence_that_it_is_the_headline() -> None:
    reading = read_text(BREADCRUMB_EVIDENCE)
    assert reading.title == "Island ferry adds a night crossing for the summer"
    assert "printed again on the page" in reading.title_reason
    assert reading.byline == "Lowenna Pascoe"
    assert not any("Harbour News" in p for p in reading.paragraphs)


def test_explain_says_why_a_farther_line_won() -> None:
    reading = read_text(TEASER_ABOVE)
    assert "the story uses its words" in reading.title_reason and "(the nearest," not in reading.title_reason
    reading = read_text(SIGNED_ABOVE_VIDEO)
    assert "signed by a byline or stamp" in reading.title_reason


BRAND_HEADLINE = """Gadgets
Phones
iPhone owners get a battery health warning in the next update
By Senara Bolitho
Published 2 October 2026

The next phone update will warn owners when the battery has lost a fifth of its charge, the maker said on Thursday.

The warning will appear once, with a link to the repair page, and owners can turn it off in the settings.

Repair shops said the change would help people keep their phones for longer.

Join the thousands of readers who get our gadget news delivered to their inboxes every week.
"""


def test_a_headline_may_open_with_a_brand_in_lower_case() -> None:
    reading = read_text(BRAND_HEADLINE)
    assert reading.title == "iPhone owners get a battery health warning in the next update"


def test_a_newsletter_pitch_to_inboxes_is_not_read() -> None:
    reading = read_text(BRAND_HEADLINE)
    assert reading.paragraphs[-1].startswith("Repair shops said")
    assert any(line.label == "boilerplate" for line in reading.lines if "inboxes" in line.text)


STORY_OPENERS = [
    "Subscribers to the town's broadband scheme rose by a third last year, the council said.",
    "Recommended speed limits on the coast road were cut after two crashes in the autumn.",
    "Related research from the harbour trust found the same pattern in other ports.",
    "Most popular among the visitors was the new walking route along the cliffs.",
    "Advertisements for the ferry service will run on local radio from next week.",
]


@pytest.mark.parametrize("opener", STORY_OPENERS)
def test_a_sentence_that_opens_with_a_box_heading_word_is_read(opener: str) -> None:
    lines = [
        "Coast Courier",
        "Harbour towns agree a plan for the winter",
        "By Morwenna Teague",
        "Three harbour councils agreed on Tuesday to share the cost of keeping the ferry running all winter.",
        opener,
        "The plan will be reviewed in the spring, when the councils meet again to set their budgets.",
        "Related stories",
        "Most Read",
        "Advertisement",
        "Subscribe",
    ]
    article = clean_text("\n\n".join(lines), "page.txt")
    assert opener in article.paragraphs
    for chrome in ("Related stories", "Most Read", "Advertisement", "Subscribe"):
        assert chrome not in article.paragraphs


def test_a_breadcrumb_headline_gives_its_last_step() -> None:
    lines = [
        "Skip to content",
        "Menu",
        "Coast Trust > What we do",
        "The trust looks after forty miles of coastline, from the salt marshes to the cliffs in the north.",
        "Volunteers survey the seabird colonies every spring and report what they find to the county.",
        "The trust also runs school visits, guided walks and a small museum in the old lifeboat station.",
    ]
    reading = read_text("\n\n".join(lines))
    assert reading.title == "What we do"


def test_a_paragraph_opening_with_the_bylines_name_is_the_authors_biography() -> None:
    lines = [
        "Ferry timetable cut after crew shortage leaves islanders stranded",
        "By Nadia Okafor",
        "The only ferry company serving the island will halve its weekend sailings from next month, it said.",
        "Islanders said the cuts would leave them unable to reach hospital appointments on the mainland.",
        "The operator said it had advertised for deckhands and engineers for six months without success.",
        "Nadia Okafor writes about transport and the islands. She joined the paper in 2019.",
    ]
    reading = read_text("\n\n".join(lines))
    assert reading.paragraphs[-1].startswith("The operator said")
    assert any(line.label == "bio" and line.text.startswith("Nadia Okafor") for line in reading.lines)
    # a story that names someone else in its last paragraph keeps it
    other = [*lines[:-1], "Nadia Smith, who runs the island shop, said she would close on Sundays."]
    assert read_text("\n\n".join(other)).paragraphs[-1].startswith("Nadia Smith")


LIBRARY_STORY = [
    "Library to close on Mondays as council trims budget",
    "By Leo Marsh",
    "The central library will close on Mondays from July, the council said on Wednesday, as it tries to save money.",
    "Opening hours on other days will not change, and the mobile library will keep its weekly rounds of the villages.",
    '"Closing for a day is painful, but it is better than closing a branch," said councillor Rita Osei.',
    "Library users said they had not been consulted. A petition against the change had more than 800 names.",
]
LIBRARY_BOX = [
    "Pool reopens after a year of repairs",
    "The town's swimming pool has reopened after a year-long refit that cost more than two million pounds.",
    "Bus route to the hospital saved after protest",
    "Campaigners have won a reprieve for the number 12 bus, which the operator had planned to withdraw this month.",
]


@pytest.mark.parametrize(
    "heading",
    [
        "You might also like",
        "More Great Valley Stories",
        "Related",
        "Trending now",
        "In case you missed it",
        "Around the web",
        "Elsewhere on the Courier",
        "Popular now",
    ],
)
def test_a_box_of_links_with_summaries_after_the_story_is_not_read(heading: str) -> None:
    text = "\n\n".join([*LIBRARY_STORY, "\n".join([heading, *LIBRARY_BOX])])
    reading = read_text(text)
    assert reading.paragraphs[-1].startswith("Library users said")
    assert [line.label for line in reading.lines if line.text in LIBRARY_BOX] == ["links"] * 4


def test_the_story_after_a_box_of_links_inside_it_is_read() -> None:
    box = "\n".join(["Related", LIBRARY_BOX[0], LIBRARY_BOX[2]])
    after = "The council will publish its full budget in September, after a public consultation over the summer."
    reading = read_text("\n\n".join([*LIBRARY_STORY[:4], box, *LIBRARY_STORY[4:], after]))
    assert after in reading.paragraphs
    assert LIBRARY_STORY[5] in reading.paragraphs
    assert LIBRARY_BOX[0] not in reading.paragraphs


def test_readers_comments_under_a_bare_heading_are_not_read() -> None:
    comments = [
        "Comments",
        "Jo Brennan",
        "2 days ago",
        "This is a disgrace. The library is the only warm place many older people in this town can go to during"
        " the day, and now they want to take it away one day at a time.",
        "Reply",
    ]
    closing = "The council will publish its full budget in September."
    reading = read_text("\n".join(["Valley Post", "Home", *LIBRARY_STORY, closing, *comments]))
    assert reading.paragraphs[-1] == closing
    # a share bar's "Comments" button above the story is no heading of the comments
    bar = ["Share", "Copy link", "Comments"]
    reading = read_text("\n".join([*LIBRARY_STORY[:2], *bar, *LIBRARY_STORY[2:]]))
    assert reading.paragraphs[0].startswith("The central library")
    assert len(reading.paragraphs) == 4


def test_a_paragraph_set_apart_above_a_photo_credit_is_read_and_a_caption_beside_it_is_not() -> None:
    # a browser's copy: a photo without a caption between two paragraphs (its credit on a line of its own), and
    # a photo whose caption and credit are printed together
    text = "\n\n".join(
        [
            "Ferry talks collapse after a night of argument",
            "The council met late into the night on Tuesday and failed to agree on the ferry contract for next year.",
            "Members will meet again next week to try once more, said the chair of the transport committee.",
            "Photo: Ann Lee",
            "Neither side would say what had gone wrong, but both blamed the cost of the new slipway at the quay.",
            "Ferry passengers queue at the north quay on a winter morning.\nPhoto: Bo Li",
            "The contract covers the two car ferries and the foot launch, and runs for ten years from next April.",
        ]
    )
    article = clean_text(text, "credit.txt")
    assert "Members will meet again next week to try once more, said the chair of the transport committee." in (
        article.paragraphs
    )
    assert "Ferry passengers queue at the north quay on a winter morning." not in article.paragraphs
    assert len(article.paragraphs) == 4


GALLERY = [
    "Coast Courier",
    "News",
    "Sport",
    "In pictures: the old lighthouse through the seasons",
    "1/3",
    "Winter",
    "Storm waves break over the lighthouse wall as the keeper's cottage stands empty for the winter.",
    "Photo: Ann Lee",
    "2/3",
    "Spring",
    "Volunteers repaint the tower in the spring, a job that takes them nine weeks when the weather holds.",
    "Photo: Bo Li",
    "3/3",
    "Summer",
    "Visitors climb the hundred and twelve steps to the lamp room on the first open day of the summer.",
    "Photo: Ann Lee",
    "Popular galleries",
    "About us",
]


def test_a_gallery_whose_only_prose_is_its_captions_is_read() -> None:
    reading = read_text("\n".join(GALLERY))
    assert reading.title == "In pictures: the old lighthouse through the seasons"
    assert len(reading.paragraphs) == 3
    assert reading.paragraphs[0].startswith("Storm waves break")
    assert "caption of a gallery" in {line.label for line in reading.lines}


def test_one_caption_without_a_story_is_no_gallery() -> None:
    with pytest.raises(InputError, match="no article"):
        clean_text("\n".join(GALLERY[:8] + GALLERY[-2:]), "one-caption.txt")


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("In pictures: the old lighthouse through the seasons", False),  # a headline, not a credit
        ("Photo: Ann Lee", True),
        ("Ferry passengers at the quay. Picture: courtesy of the harbour trust", True),
        ("Storm waves at the wall (Image: Coast Courier)", True),
        ("Seals on the sandbar at dawn. Photograph: Ada Marsh/Coast Courier", True),
        ("A photograph of the pier shows the damage from the storm.", False),
    ],
)
def test_a_credit_names_its_source_after_photo(line: str, credit: bool) -> None:
    from radio.words.ingest.text import is_credit

    assert is_credit(line) is credit


@pytest.mark.parametrize(
    ("crumb", "title"),
    [
        ("Home / Walks / 2026 / Along the salt marsh at dawn", "Along the salt marsh at dawn"),
        ("Home > Walks > Along the salt marsh at dawn", "Along the salt marsh at dawn"),
        ("Salt marsh / sea wall: a walk of two halves", "Salt marsh / sea wall: a walk of two halves"),
    ],
)
def test_a_breadcrumb_with_slashes_gives_its_last_step(crumb: str, title: str) -> None:
    lines = [
        "Skip to content",
        crumb,
        "The path leaves the car park at the old sluice and follows the sea wall for three miles to the point.",
        "At dawn in winter the marsh is loud with geese, which come in from the estuary to feed on the grass.",
        "The walk is flat and takes about two hours; boots are needed after rain, when the wall is muddy.",
    ]
    assert read_text("\n\n".join(lines)).title == title


def test_a_line_asking_the_reader_please_is_never_the_headline() -> None:
    lines = [
        "Search",
        "Please enter a search term to continue",
        "Three harbour councils voted on Tuesday to run a single ferry service between their towns from next year.",
        "The vote ends years of cancelled sailings, which left islanders stranded for days in the winter storms.",
        "Please log in to leave a comment on this story",
    ]
    reading = read_text("\n".join(lines))
    assert reading.title is not None and reading.title.startswith("Three harbour councils voted")
    assert "first sentence" in reading.title_reason


def test_the_first_paragraph_above_a_related_box_is_read() -> None:
    reading = read_text(page("page-local.txt"))
    assert reading.title == "City council approves $4 million for bridge repairs on Mill Street"
    assert reading.paragraphs[0].startswith("The city council voted 6-1 on Monday night")
    assert reading.paragraphs[1].startswith("Work is expected to begin in March")
    spoken = said(reading.paragraphs)
    assert "Council delays vote" not in spoken and "closed to trucks after inspectors" not in spoken
    assert {line.label for line in reading.lines if "Council delays vote" in line.text} == {"links"}


@pytest.mark.parametrize(
    "clutter",
    ["Jane Doe has covered city hall", "Doctors Stunned", "Finally. That bridge", "Video player is loading"],
)
def test_local_page_clutter_after_the_story_is_not_read(clutter: str) -> None:
    article = clean_text(page("page-local.txt"), "page-local.txt")
    assert clutter not in said(article.paragraphs)
    assert article.paragraphs[-1] == "The bridge, built in 1931, carries about 9,000 vehicles a day."


@pytest.mark.parametrize(
    "bio",
    [
        "Ann Lee covers the harbour and the islands for the Courier.",
        "Questions about the ferry? Reach her at the newsroom on 555-0101.",
        "Ann Lee has reported on the islands since 2019; follow her on the Courier's site.",
    ],
)
def test_a_last_paragraph_giving_the_writers_beat_or_contact_is_the_biography(bio: str) -> None:
    lines = [
        "Ferry talks collapse after a night of argument",
        "The council met late into the night on Tuesday and failed to agree on the ferry contract for next year.",
        "Members will meet again next week to try once more, said the chair of the transport committee.",
        "Neither side would say what had gone wrong, but both blamed the cost of the new slipway at the quay.",
        bio,
    ]
    reading = read_text("\n\n".join(lines))
    assert bio not in reading.paragraphs
    assert len(reading.paragraphs) == 3


def test_a_last_paragraph_about_someone_contacting_the_council_is_read() -> None:
    last = "Residents can contact the council at the town hall until Friday."
    lines = [
        "Ferry talks collapse after a night of argument",
        "The council met late into the night on Tuesday and failed to agree on the ferry contract for next year.",
        "Members will meet again next week to try once more, said the chair of the transport committee.",
        last,
    ]
    assert last in read_text("\n\n".join(lines)).paragraphs


STORY = [
    "Ferry talks collapse after a night of argument",
    "The council met late into the night on Tuesday and failed to agree on the ferry contract for next year.",
    "Members will meet again next week to try once more, said the chair of the transport committee.",
    "Neither side would say what had gone wrong, but both blamed the cost of the new slipway at the quay.",
    "The contract covers the two car ferries and the foot launch, and runs for ten years from next April.",
]


@pytest.mark.parametrize(
    "appeal",
    [
        "Support local journalism. Your subscription keeps our reporters on the harbour beat.",
        "Thank you for reading. Please consider a gift of any size to keep the Courier free.",
        "Have a tip? Send it to the newsroom and a reporter will look into it.",
        "This form is protected by reCAPTCHA and the Privacy Policy and Terms of Service apply.",
    ],
)
def test_an_appeal_for_support_or_tips_and_a_forms_legal_notice_are_not_read(appeal: str) -> None:
    reading = read_text("\n\n".join([*STORY, appeal]))
    assert appeal not in reading.paragraphs
    assert len(reading.paragraphs) == 4


@pytest.mark.parametrize(
    "line",
    [
        "Support for the new ferry has grown since the summer, the harbour master said on Friday.",
        "A trust will give the paper money to support local journalism on the islands for five years.",
        "The council will consider supporting a bid for a second launch at its next meeting.",
        "The Harbour Fund has covered half the cost of the survey, the trust said.",  # no writer's beat
        "Bookings on the ferry site now pass through reCAPTCHA checks to stop ticket bots.",
    ],
)
def test_a_story_sentence_about_support_is_read(line: str) -> None:
    assert line in read_text("\n\n".join([*STORY, line])).paragraphs


def test_an_about_the_author_heading_ends_the_story() -> None:
    bio = "She joined the paper in 2015 after ten years on the islands, where she still lives with her two dogs."
    reading = read_text("\n\n".join([*STORY, "About the author", bio]))
    assert bio not in reading.paragraphs
    assert len(reading.paragraphs) == 4


FLATS = page("page-offices-flats.txt").split("\n")
FLATS_STORY = FLATS[13:24]  # the story's six paragraphs, blank lines between them
FLATS_LIST = FLATS[25:30]  # other stories' headlines packed line under line, no heading above them


def test_a_page_with_a_captioned_photo_a_list_of_headlines_a_bio_and_comments_reads_the_story_only() -> None:
    reading = read_text("\n".join(FLATS))
    assert reading.title == "Mayor unveils plan to turn empty offices into flats"
    assert len(reading.paragraphs) == 6
    assert reading.paragraphs[0].startswith("The mayor of Northfield")
    assert reading.paragraphs[-1] == "Residents can comment on the plan until the end of January."
    labels = {line.number: line.label for line in reading.lines}
    assert labels[12] == "caption"  # the photo's caption, its credit in brackets at its end
    assert {labels[n] for n in range(26, 31)} == {"list of links"}  # what --explain shows for them


def test_a_caption_ending_with_its_credit_in_brackets_is_not_read() -> None:
    for credit in ("(AP Photo/Tomas Reyne)", "(Tomas Reyne/Northfield Gazette)", "(Photo: Tomas Reyne)"):
        caption = FLATS[11].replace("(AP Photo/Tomas Reyne)", credit)
        reading = read_text("\n\n".join([FLATS[6], caption, *FLATS_STORY[::2]]))
        assert not any(p.startswith("Mayor Gil Haddon walks") for p in reading.paragraphs), credit
        assert len(reading.paragraphs) == 6
    # a paragraph that ends with its full stop after a bracket is read
    aside = "Rents would be set by the two housing trusts that run the estate (Northfield Homes/Fenn Trust)."
    reading = read_text("\n\n".join([FLATS[6], *FLATS_STORY[::2], aside]))
    assert reading.paragraphs[-1] == aside


def test_a_list_of_other_stories_headlines_after_the_story_is_not_read() -> None:
    bio = "Anna has written about housing and the council for the Gazette since 2015, and before that for the radio."
    reading = read_text("\n".join([FLATS[6], "", *FLATS_STORY, "", *FLATS_LIST, "", bio]))
    assert reading.paragraphs[-1] == "Residents can comment on the plan until the end of January."
    assert not any(p in reading.paragraphs for p in FLATS_LIST)


def test_a_story_s_own_list_after_a_line_that_introduces_it_is_read() -> None:
    intro = "The plan sets out three steps:"
    steps = [
        "Cut planning fees for owners who convert",
        "Buy two empty blocks on Fenn Street",
        "Review the rents in 2030",
    ]
    reading = read_text("\n".join([FLATS[6], "", *FLATS_STORY[:6], "", intro, *steps, "", *FLATS_STORY[6:]]))
    assert all(step in reading.paragraphs for step in steps)
    assert reading.paragraphs[-1] == "Residents can comment on the plan until the end of January."


def test_comments_headed_by_the_count_and_the_long_headline_are_not_read() -> None:
    comments = FLATS[35:]
    assert comments[0].startswith("3 thoughts on")
    reading = read_text("\n".join([FLATS[6], "", *FLATS_STORY, "", *comments]))
    assert reading.paragraphs[-1] == "Residents can comment on the plan until the end of January."
    assert len(reading.paragraphs) == 6


def test_an_about_the_author_heading_with_the_name_ends_the_story() -> None:
    about = FLATS[31:34]
    assert about[0] == "About the Author - Anna Perrault"
    closing = (
        "She now lives in the old town with her family and two dogs, and on weekends she sails a small boat on the"
        " river with friends from the club."
    )
    reading = read_text("\n".join([FLATS[6], "", *FLATS_STORY, "", *about, "", closing]))
    assert reading.paragraphs[-1] == "Residents can comment on the plan until the end of January."


TEASERS = [
    "Rugby club opens its new stand to fans after two years of building",
    "The stand holds twelve hundred people and has a roof for the first time in the club's history.",
    "Police appeal for witnesses after a van is stolen from the bus depot",
    "Officers said the van was taken overnight on Sunday and found burnt out near the quarry.",
    "Primary school on Mill Lane wins a national prize for its reading club",
    "Pupils read more than four thousand books last year, the judges said when they gave the award.",
    "Station to close for two weekends while engineers replace the footbridge",
    "Buses will replace trains between the town and the coast on both weekends, the operator said.",
]


def test_other_stories_headlines_each_over_its_summary_after_the_story_are_not_read() -> None:
    # no heading above them: their summaries are prose, as long as the story's, and come in a run
    text = "\n\n".join([FLATS[6], *FLATS_STORY[::2], *TEASERS])
    reading = read_text(text)
    assert reading.title == "Mayor unveils plan to turn empty offices into flats"
    assert reading.paragraphs[-1] == "Residents can comment on the plan until the end of January."
    assert len(reading.paragraphs) == 6
    assert [line.label for line in reading.lines[-len(TEASERS) :]] == ["teasers"] * len(TEASERS)


def test_a_how_to_whose_sections_each_hold_one_paragraph_is_read() -> None:
    sections = [
        "How to prepare the soil for a lemon tree",
        "Mix compost into the soil a week before you plant, so that the lemon tree's roots find food at once.",
        "How to water a young lemon tree",
        "Water the lemon tree when the top of the soil is dry, and never let its pot stand in water for long.",
        "How to feed a lemon tree in summer",
        "Feed the lemon tree every two weeks from spring to autumn with a fertiliser made for citrus trees, and"
        " stop in winter.",
        "How to bring a lemon tree indoors for the winter",
        "Move the lemon tree indoors before the first frost, to a bright room away from the heaters and the"
        " draughts of the door.",
    ]
    intro = "A lemon tree grows well in a pot if you give it light, water and food at the right times of the year."
    reading = read_text("\n\n".join(["Growing lemon trees in pots", intro, *sections]))
    assert all(text in reading.paragraphs for text in sections[1::2])


def test_a_headline_quoted_by_the_comments_heading_wins_over_a_nearer_teaser() -> None:
    title = "How to grow a lemon tree from a pip | A guide in six steps"
    top = ["Garden Notes", title, "Recent posts", "October 30, 2026", "Caring for a fern in a dark flat", "Read more"]
    teaser = ["October 28, 2026", "Why the basil keeps dying on the kitchen windowsill", "Read more", ""]
    story = [
        "Lemon pips from the supermarket will grow into small trees if you keep them warm and damp for a few weeks.",
        "",
        "Soak the pips overnight, peel off their white skin and wrap them in a damp paper towel inside a bag.",
        "",
        "After two or three weeks the first roots appear, and the pips can go into small pots of citrus compost.",
        "",
    ]
    comments = [f"12 thoughts on “{title}”", "Roberta", "It worked for me on the second try, thank you for the guide."]
    reading = read_text("\n".join([*top, *teaser, *story, *comments]))
    assert reading.title == title


@pytest.mark.parametrize(
    "clutter",
    [
        "Image 2 of 5",
        "Slide 3/9",
        "Estimated reading time: 4 minutes",
        "Filed under: Politics, Housing",
        "Tags: Ferries, Strikes, Port Elden",
        "Posted in News | Tagged ferries, strikes | Leave a comment",
    ],
)
def test_counters_reading_times_and_tag_rows_between_paragraphs_are_not_read(clutter: str) -> None:
    paragraphs = FLATS_STORY[::2]
    reading = read_text("\n\n".join([FLATS[6], *paragraphs[:3], clutter, *paragraphs[3:]]))
    assert clutter not in reading.paragraphs
    assert len(reading.paragraphs) == 6


@pytest.mark.parametrize(
    "line",
    ["Topics include rents, roads and the harbour", "Reading time matters to children, the teachers said"],
)
def test_a_subhead_or_sentence_opening_like_a_tag_row_is_read(line: str) -> None:
    paragraphs = FLATS_STORY[::2]
    reading = read_text("\n\n".join([FLATS[6], *paragraphs[:3], line, *paragraphs[3:]]))
    assert line in reading.paragraphs


# The learned story score (radio/words/ingest/learned.py, weights fitted by scripts/fit_text_weights.py)

EMBED = page("page-ferry-embed.txt")  # a story's second paragraph above an embedded social post, the rest below
ABOVE_EMBED = "Islanders have asked for more sailings since the last timetable came out."


def test_a_paragraph_above_an_embedded_post_is_read_by_the_learned_score() -> None:
    reading = read_text(EMBED)
    assert reading.paragraphs[1] == ABOVE_EMBED
    assert len(reading.paragraphs) == 5
    assert not any(p in ("Island Ferries", "@islandferries", "Arrives March") for p in reading.paragraphs)
    labels = {line.number: line.label for line in reading.lines}
    assert labels[10].startswith("story 0.")  # --explain shows that the score read it, and how sure it was
    assert float(labels[10].split()[1]) >= 0.65
    assert labels[12].startswith("chrome 0.")  # the post's lines: the score agreed with the rules
    assert labels[12].endswith(", chrome")


def test_without_the_learned_score_the_rules_alone_drop_that_paragraph(monkeypatch: pytest.MonkeyPatch) -> None:
    from radio.words.ingest import story

    monkeypatch.setattr(story, "LEARNED", False)
    reading = read_text(EMBED)
    assert ABOVE_EMBED not in reading.paragraphs
    assert len(reading.paragraphs) == 3
    assert not any(line.label.startswith(("story 0", "chrome 0")) for line in reading.lines)


def test_the_explain_rows_show_the_learned_verdicts() -> None:
    rows = explain_rows(read_text(EMBED))
    assert any(" + story 0." in row and "Islanders have asked" in row for row in rows)
    assert any(" - chrome 0." in row and "@islandferries" in row for row in rows)


def test_the_learned_score_does_not_read_prose_beyond_a_list_of_other_stories() -> None:
    story_lines = [
        "Harbour ferry timetable to change in the spring",
        "",
        "The ferry company has said that the winter timetable will end three weeks early this year, as the boat comes.",
        "",
        "Passengers on the island route will get two extra sailings a day from April, the company said on Monday.",
        "",
        "The old boat has been out of service twice since October, and the company says it cannot keep it running.",
        "",
    ]
    others = [
        "Man rescued from the cliff path at dawn",
        "School wins the county reading prize",
        "New bus route for the hill villages",
    ]
    after = "Our reporters cover the islands, the harbour and the council every day of the week, all year round."
    reading = read_text("\n".join([*story_lines, *others, "", after]))
    assert reading.paragraphs[-1].startswith("The old boat")


def test_the_weights_table_matches_the_features() -> None:
    from radio.words.ingest.learned import FEATURES, PageContext, story_score
    from radio.words.ingest.story import rule_pass
    from radio.words.ingest.weights import WEIGHTS

    assert len(WEIGHTS) == len(FEATURES)
    found = rule_pass(EMBED)
    page_context = PageContext(found.blocks, found.classes, found.labels, found.span, found.kept, True)
    scores = [story_score(page_context.features(i)) for i in range(len(found.blocks))]
    assert all(0.0 <= s <= 1.0 for s in scores)
    # prose scores above a menu label
    menu = next(i for i, b in enumerate(found.blocks) if b.text == "Sport")
    prose = next(i for i, b in enumerate(found.blocks) if b.text.startswith("Passengers on the island"))
    assert scores[prose] > scores[menu]


def test_the_learned_score_reads_nothing_above_the_story_s_byline() -> None:
    notice = "Your browser is out of date, and some parts of this site may not work as they should for you."
    headline = "Harbour ferry timetable to change in the spring"
    text = f"{notice}\n\n" + EMBED.replace(f"{headline}\n\n", f"{headline}\n\nBy Ann Lee\n\n", 1)
    reading = read_text(text)
    assert reading.title == headline
    assert notice not in reading.paragraphs
    assert reading.paragraphs[1] == ABOVE_EMBED  # under the byline the score still reads
    assert next(line.label for line in reading.lines if line.number == 1) == "chrome"


def test_numbered_references_to_studies_are_not_read_in_plain_text() -> None:
    from radio.words.ingest.text import clean_text

    text = (
        "Four habits that curb snacking\n\n"
        "Drinking water before meals helped people eat less in a small trial of adults, researchers found (1).\n\n"
        "Sleeping seven hours a night was linked to fewer cravings the next day in two larger studies (2, 3).\n\n"
        "Short walks after dinner lowered blood sugar in older volunteers who took part in the trial (4).\n"
    )
    paragraphs = clean_text(text, "health.txt").paragraphs
    assert not any("(1)" in p or "(2, 3)" in p or "(4)" in p for p in paragraphs)
    assert paragraphs[0].endswith("researchers found.")


def test_a_caption_ending_with_a_bare_agency_credit_is_no_headline() -> None:
    # a sports page's copy: the photo's caption, credited "(AP Photo)" with no photographer, stands between the
    # menu and the story and is worded like a headline; it is a caption, and the headline is the line above it
    page = "\n".join(
        [
            "Sports",
            "Scores",
            "Harbour Rovers' keeper faces league review after late tackle; Rovers lose at home",
            "Rovers keeper Dan Ellery was seen catching the striker's ankle during Sunday's loss. (AP Photo)",
            "By Mara Quill",
            "The league will review a late tackle by Harbour Rovers goalkeeper Dan Ellery after Sunday's 2-1 home"
            " defeat, the competition's disciplinary panel said on Monday.",
            "Ellery caught the visiting striker's ankle as the two went for a loose ball in stoppage time, and the"
            " referee did not stop play, though television replays showed the contact clearly.",
            "The panel can suspend a player for up to three matches for a challenge the officials missed, and Rovers"
            " have a week to answer before the case is heard.",
        ]
    )
    reading = read_text(page)
    assert reading.title.startswith("Harbour Rovers' keeper faces league review")
    assert not any("(AP Photo)" in p for p in reading.paragraphs)
