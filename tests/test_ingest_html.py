"""HTML ingest: extraction, metadata, clutter, encodings and bad pages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from radio.errors import InputError
from radio.words.ingest import load_article
from radio.words.ingest.decode import decode_html

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
ARTICLE = FIXTURES / "article.html"

NEVER_SPOKEN = [
    "cookies",  # cookie banner
    "Sign in",  # navigation
    "Advertisement",
    "Related stories",
    "New tide tables",  # related-story list
    "Share on",
    "Email this story",
    "Volunteers lower a rescue boat",  # image caption
    "Marten Oduya",  # photo credit
    "newsletter",
    "Enter your email",
    "is a transport reporter",  # author biography
    "Follow The Harbour Courier",
    "seagull42",  # comments
    "far too slow",
    "©",
    "All rights reserved",
    "dataLayer",  # scripts
    "font-family",  # styles
    "drills@estuaryferry.example",  # e-mail address
    "https://",  # URL
    "Imogen Tallis",  # byline: metadata only
    "14 February 2026",  # date: metadata only
]


def test_html_article_metadata_and_body() -> None:
    article = load_article(str(ARTICLE))
    assert article.format == "html"
    assert article.title == "Ferry crews rehearse a winter rescue on the estuary"
    assert article.byline == "Imogen Tallis"
    assert article.date == "2026-02-14"
    assert article.site == "The Harbour Courier"
    assert len(article.paragraphs) == 8
    assert article.paragraphs[0].startswith("Crews from the estuary ferry service")
    assert article.paragraphs[-1].startswith("The next exercise is planned for the autumn")
    assert article.paragraphs[6] == (
        "Questions about the drill can be sent to the service or through its website, the operator said."
    )


def test_html_keeps_quote_marks_and_paragraph_boundaries() -> None:
    article = load_article(str(ARTICLE))
    assert article.paragraphs[2] == (
        "“We practise for the day we hope never comes,” said Rosalind Achebe, the service’s"
        " operations manager. “Every minute we save in a drill is a minute someone gets back"
        " in real life.”"
    )
    assert all("\n" not in p for p in article.paragraphs)


@pytest.mark.parametrize("snippet", NEVER_SPOKEN)
def test_html_clutter_is_never_spoken(snippet: str) -> None:
    article = load_article(str(ARTICLE))
    body = " ".join((article.title, *article.paragraphs))
    assert snippet not in body


def test_format_detected_from_content_not_name(tmp_path: Path) -> None:
    disguised = tmp_path / "story.txt"
    disguised.write_bytes(ARTICLE.read_bytes())
    assert load_article(str(disguised)).format == "html"


def test_format_override(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "A headline written as plain text\n\nFirst paragraph of the story, <b> kept as text.\n",
        encoding="utf-8",
    )
    article = load_article(str(page), "text")
    assert article.format == "text"
    assert article.paragraphs == ("First paragraph of the story, <b> kept as text.",)


def test_unknown_format_is_refused() -> None:
    with pytest.raises(InputError, match="unknown format"):
        load_article(str(ARTICLE), "pdf")


@pytest.mark.parametrize("name", ["home.html", "login.html", "error404.html"])
def test_pages_without_an_article_are_refused(name: str) -> None:
    with pytest.raises(InputError, match="no article") as info:
        load_article(str(FIXTURES / name))
    assert "\n" not in str(info.value)


def test_misstated_charset_utf8_bytes(tmp_path: Path) -> None:
    page = tmp_path / "latin.html"
    html = ARTICLE.read_text(encoding="utf-8").replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">')
    page.write_bytes(html.encode("utf-8"))
    article = load_article(str(page))
    assert "“We practise" in article.paragraphs[2]
    assert "service’s" in article.paragraphs[2]


def test_misstated_charset_cp1252_bytes(tmp_path: Path) -> None:
    page = tmp_path / "cp1252.html"
    html = ARTICLE.read_text(encoding="utf-8").replace("Rosalind Achebe", "Rosalind Achébé")
    page.write_bytes(html.encode("cp1252"))  # still declares utf-8
    article = load_article(str(page))
    assert "Rosalind Achébé" in article.paragraphs[2]
    assert "“We practise" in article.paragraphs[2]


def test_decode_html_honours_bom_and_declared_charset() -> None:
    text = "<html><head><meta charset='koi8-r'></head><body><p>Привет</p></body></html>"
    assert "Привет" in decode_html(text.encode("koi8-r"), "x")
    assert decode_html(b"\xef\xbb\xbf<p>caf\xc3\xa9</p>", "x") == "<p>café</p>"
    assert decode_html("<p>café</p>".encode("utf-16"), "x") == "<p>café</p>"


def test_truncated_html_extracts_what_is_there(tmp_path: Path) -> None:
    data = ARTICLE.read_bytes()
    cut = data.index(b"Passengers who use the crossing") + 20
    page = tmp_path / "cut.html"
    page.write_bytes(data[:cut] + b"<p class=")  # cut mid-tag
    article = load_article(str(page))
    assert article.title == "Ferry crews rehearse a winter rescue on the estuary"
    assert article.paragraphs[0].startswith("Crews from the estuary")


def test_truncated_before_the_story_is_a_clear_error(tmp_path: Path) -> None:
    data = ARTICLE.read_bytes()
    page = tmp_path / "cut.html"
    page.write_bytes(data[: data.index(b'<div class="article-body">') + 30])
    with pytest.raises(InputError, match="no article"):
        load_article(str(page))


def test_huge_html_file_is_refused_quickly(tmp_path: Path) -> None:
    page = tmp_path / "huge.html"
    filler = b"<div class='promo'><a href='/x'>Another link</a></div>\n" * 600_000
    page.write_bytes(b"<!DOCTYPE html><html><body>" + filler + b"</body></html>")
    assert page.stat().st_size > 30 * 2**20
    with pytest.raises(InputError, match="MB") as info:
        load_article(str(page))
    assert "\n" not in str(info.value)


def test_a_200kb_page_with_big_script_data_and_link_lists_keeps_the_story(tmp_path: Path) -> None:
    """Its speed is measured in scripts/eval_extraction.py, never timed here (shared machines)."""
    html = ARTICLE.read_text(encoding="utf-8")
    entries = ", ".join(f'"k{i}": {i}' for i in range(20_000))
    script = "<script>var config = {" + entries + "};</script>"
    links = "".join(f"<li><a href='/story/{i}'>Story number {i}</a></li>" for i in range(1500))
    html = html.replace("</head>", script + "</head>").replace(
        "<footer>", f"<nav class='more'><ul>{links}</ul></nav><footer>"
    )
    page = tmp_path / "big.html"
    page.write_text(html, encoding="utf-8")
    assert 180_000 < page.stat().st_size < 400_000
    article = load_article(str(page))
    assert len(article.paragraphs) == 8


def test_importing_ingest_does_not_import_the_html_extractor() -> None:
    code = (
        "import sys, radio.words.ingest\n"
        "from radio.words.ingest import load_article\n"
        f"load_article({str(FIXTURES / 'scraped.txt')!r})\n"
        f"load_article({str(FIXTURES / 'article.md')!r})\n"
        "heavy = [m for m in ('trafilatura', 'lxml', 'justext', 'htmldate') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == ""


def test_reading_html_imports_the_extractor_on_demand() -> None:
    code = (
        "import sys\n"
        "from radio.words.ingest import load_article\n"
        f"load_article({str(ARTICLE)!r})\n"
        "print('trafilatura' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "True"


FEATURE = FIXTURES / "feature.html"


def test_feature_page_reads_prose_and_leaves_furniture() -> None:
    article = load_article(str(FEATURE))
    assert article.title == "The lighthouse keepers who never left"
    said = " ".join(article.paragraphs)
    # the standfirst leads, once
    assert article.paragraphs[0].startswith("Three generations of one family")
    assert said.count("Three generations of one family") == 1
    # footnote markers go, the sentence stays
    assert "Her grandmother kept a diary of every storm. Its pages record" in said
    assert "[1]" not in said and "[2]" not in said
    # table cells that are sentences are read; names, years and headers are not
    assert "She turned the lens by hand through the great storm of 1953." in article.paragraphs
    assert "He rebuilt the landing stage after the winter gales took it away." in article.paragraphs
    for furniture in (
        "Agnes Holt",
        "1948",
        "Remembered for",
        "Release Date",
        "affiliate",
        "compensation",
        "Sign up here",
        "inbox",
        "©",
    ):
        assert furniture not in said, furniture


def test_recall_paragraphs_fill_gaps_only_inside_the_article() -> None:
    from radio.words.ingest.html import _fill_gaps

    kept = ["First paragraph of the story, as the strict mode found it.", "Third paragraph, also found."]
    wider = [
        "Sign up for our newsletter and never miss a story again today.",  # before the story
        kept[0],
        "Second paragraph, which only the recall mode found in its odd box.",
        "Share this",  # not prose
        kept[1],
        "Readers also liked this other story about something else entirely.",  # after the story
    ]
    assert _fill_gaps(kept, wider) == [kept[0], wider[2], kept[1]]
    assert _fill_gaps(kept, [kept[0]]) == kept  # one anchor: nothing to fill between


def test_standfirst_is_added_only_when_printed_and_new() -> None:
    from radio.words.ingest.html import _with_standfirst

    body = ["The first paragraph of the story tells what happened on the pier."]
    summary = "A short summary of the whole story that the page prints under its headline."
    head = f"<html><head><meta name='description' content='{summary}'></head><body><h1>Pier news</h1>"
    printed = f"{head}<p>{summary}</p></body>"
    meta_only = f"{head}<p>x</p></body>"
    far_away = f"{head}<p>{'Other text. ' * 200}</p><p>{summary}</p></body>"
    assert _with_standfirst(body, summary, printed) == [summary, *body]
    assert _with_standfirst(body, summary, meta_only) == body
    assert _with_standfirst(body, summary, far_away) == body  # printed, but not under the headline
    unpunctuated = summary.rstrip(".")  # a standfirst often has no full stop
    assert _with_standfirst(body, unpunctuated, printed.replace(summary, unpunctuated)) == [unpunctuated, *body]
    assert _with_standfirst([summary, *body], summary, printed) == [summary, *body]
    assert _with_standfirst(body, "A summary cut short with an ellipsis, as metadata often is…", printed) == body


def test_story_only_in_structured_data_is_read_from_its_article_body() -> None:
    # a page built in the browser: the markup holds a loading message, the story is in JSON-LD
    article = load_article(str(FIXTURES / "app-shell.html"))
    assert article.title == "Night buses return to the valley towns"
    said = " ".join(article.paragraphs)
    assert article.paragraphs[0].startswith("Buses will run through the night")  # the summary is not printed
    assert "Buses will run through the night between Ashby Vale" in said
    assert "“I have walked home at three in the morning more times than I can count,” said Dana Pruitt" in said
    assert article.paragraphs[-1] == (
        "The authority will publish the timetable next month and review the route after a year."
    )
    assert len(article.paragraphs) == 5
    for furniture in ("Loading", "©", "&ldquo;", "__APP__", "Sport"):
        assert furniture not in said, furniture


def test_structured_data_body_is_used_only_when_the_page_says_too_little() -> None:
    from radio.words.ingest.structured import _split_long
    from radio.words.ingest.structured import ld_article_body as _ld_article_body

    body = '"articleBody": "<p>One.</p><p>Two &amp; three.</p>"'
    page = f'<script type="application/ld+json">{{"@graph": [{{{body}}}]}}</script>'
    assert _ld_article_body(page) == ["One.", "Two & three."]
    assert _ld_article_body("<p>No structured data here.</p>") == []
    assert _ld_article_body('<script type="application/ld+json">{"articleBody": </script>') == []  # broken JSON
    # a body given as one run of text is cut after sentences, never after "Mr."
    run = " ".join(f"Sentence number {n} says something about Mr. Hale and the harbour." for n in range(40))
    chunks = _split_long(run)
    assert len(chunks) > 3 and " ".join(chunks) == run
    assert all(chunk.endswith("harbour.") for chunk in chunks)
    # the article page, whose markup has the story, does not take it from elsewhere
    assert load_article(str(ARTICLE)).paragraphs[0].startswith("Crews from the estuary ferry service")


def test_drop_cap_in_its_own_element_stays_with_its_word() -> None:
    article = load_article(str(FIXTURES / "dropcap.html"))
    assert article.paragraphs[0].startswith("When the frost came in the last week of April")
    from radio.words.ingest.html import _join_drop_caps

    assert _join_drop_caps("<span>T</span><p>urkey</p>") == "<p>Turkey</p>"
    assert _join_drop_caps("<span>A</span><p>Another</p>") == "<span>A</span><p>Another</p>"  # not a drop cap
    assert _join_drop_caps("<em>B</em><p>ut</p>") == "<p>But</p>"
    assert _join_drop_caps("<li>B</li><p>ut</p>") == "<li>B</li><p>ut</p>"  # a list item, not a drop cap


def test_recall_adds_a_titled_section_right_after_the_last_kept_paragraph() -> None:
    from radio.words.ingest.html import _fill_gaps

    kept = ["First paragraph of the page, as the strict mode found it.", "Second paragraph, the last it kept."]
    section = ["Our Programmes", "The programmes bring schools and museums together in eleven towns."]
    assert _fill_gaps(kept, [*kept, *section, "Privacy", "Terms"]) == [*kept, *section]
    # no heading first: a note, a biography or a related story, not the article
    bio = "Our reporter covers the harbour and has written about ferries for ten years."
    assert _fill_gaps(kept, [*kept, bio]) == kept
    # after a label rather than a sentence, the article has ended already
    ended = [kept[0], "RELATED STORIES"]
    assert _fill_gaps(ended, [*ended, *section]) == ended


def test_slideshow_reads_every_slide_from_the_page_data() -> None:
    # the markup shows the first slide; a script holds all of them as HTML strings
    article = load_article(str(FIXTURES / "slideshow.html"))
    said = " ".join(article.paragraphs)
    assert article.paragraphs[0] == "The Bell in the Marsh"
    assert "For forty years the people of Saltmere heard a bell" in said
    assert "a note about a bell that was never recovered." in said
    assert article.paragraphs[-1].startswith("The bell now hangs in the village hall")
    assert "lighthouse keepers" not in said  # another story's teaser in another script
    assert "Next" not in said


def test_script_paragraphs_must_contain_what_the_page_shows() -> None:
    from radio.words.ingest.structured import script_paragraphs as _script_paragraphs

    shown = ["The page shows this one paragraph of its story, and nothing else at all."]
    other = "A different story entirely, told at some length in the data of a widget on the page. " * 3
    page = '<script>var x = {"body": "&lt;p&gt;' + other + '&lt;/p&gt;"};</script>'
    assert _script_paragraphs(page, shown) == []
    same = '<script>var x = {"body": "&lt;p&gt;' + shown[0] + "&lt;/p&gt;&lt;p&gt;" + other + '&lt;/p&gt;"};</script>'
    assert _script_paragraphs(same, shown) == [shown[0], other.strip()]


def test_structured_data_headline_wins_when_the_page_prints_it() -> None:
    from radio.words.ingest.structured import ld_headline as _ld_headline

    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Tide mill turns again"}</script>'
    assert _ld_headline(ld, ["The Harbour Courier", "Tide mill turns again"]) == "Tide mill turns again"
    assert _ld_headline(ld, ["A different headline on the page"]) is None  # not printed: metadata only
    assert _ld_headline("<p>no data</p>", ["Tide mill turns again"]) is None


def test_a_program_listing_in_the_story_is_not_read(tmp_path: Path) -> None:
    story = [
        "The harbour office published the script it uses to predict the height of each spring tide.",
        "Engineers said the old spreadsheet had made the same rounding mistake every winter for years.",
        "The new model, written over the summer, reads the gauge at the quay every ten minutes instead.",
        "Staff will compare its forecasts with the printed tables until the end of the storm season.",
    ]
    listing = "def height(level_cm):\n    return round(level_cm * 1.04 + TIDE_OFFSET, 1)  # [cm]"
    page = (
        "<html><head><title>Harbour tide model goes public</title></head><body><article>"
        "<h1>Harbour tide model goes public</h1>"
        + "".join(f"<p>{line}</p>" for line in story[:2])
        + f"<pre><code>{listing}</code></pre>"
        + "".join(f"<p>{line}</p>" for line in story[2:])
        + "</article></body></html>"
    )
    path = tmp_path / "tides.html"
    path.write_text(page, encoding="utf-8")
    article = load_article(str(path))
    text = " ".join(article.paragraphs)
    assert "TIDE_OFFSET" not in text and "def height" not in text
    assert all(line in text for line in story)


def test_a_page_laid_out_in_a_table_keeps_its_paragraphs_apart(tmp_path: Path) -> None:
    """An old-style page sets its headline, byline and story in one table cell: each paragraph is read on its
    own (they were run together, "...the pier.The council..."), and the byline's date is not part of a name."""
    story = [
        "The harbour board agreed on Tuesday to rebuild the north pier, which storms have closed for two winters"
        " and which the fishing fleet says it cannot do without for much longer.",
        "The council will pay for half of the work, and the board expects the other half from the national"
        " fund for coastal towns, which opens for bids in the spring of next year.",
        "Work on the foundations could start in the summer if the bid succeeds, the board's chair told members,"
        " and the pier would reopen to boats about eighteen months after that.",
    ]
    paragraphs = "".join(f"<p>{p}</p>\n" for p in story)
    page = tmp_path / "table.html"
    page.write_text(
        "<html><head><title>Board backs a new north pier</title></head><body>"
        '<table width="100%"><tr><td width="20%"><a href="/">Home</a></td><td>'
        '<h1 class="headline">Board backs a new north pier</h1>'
        '<h3 class="byline">by Nia Okafor<br><span class="datetime">Monday, November 18, 2019</span></h3>'
        f"{paragraphs}</td></tr></table></body></html>",
        encoding="utf-8",
    )
    article = load_article(str(page))
    assert article.title == "Board backs a new north pier"
    for text in story:
        assert text in article.paragraphs
    assert article.byline is None or "Monday" not in article.byline
    assert not any(p.startswith("by Nia Okafor") for p in article.paragraphs)  # a byline, not read


def test_numbered_references_to_studies_are_not_read(tmp_path: Path) -> None:
    """A health site cites its sources as "(3)" or "(4, 5)" after each claim; a listener cannot follow
    them, so an article citing in that style loses them. A lone bracketed figure (an age) stays."""
    claims = [
        "Snacking between meals is one of the habits people most often say they would like to change, and"
        " several small studies suggest a few simple routines can help with it.",
        "Drinking a large glass of water before meals helped people eat less at lunch and dinner in a small"
        " trial of adults who were trying to lose weight (1).",
        "Sleeping at least seven hours a night was linked to fewer cravings for sweet and salty food the next"
        " day in two larger studies that followed people for several weeks (2, 3).",
        "Short walks of ten or fifteen minutes after dinner lowered blood sugar in older volunteers, which may"
        " in turn make a late snack less tempting (4).",
        "The lead researcher of the walking trial, Dana Whitlow (52), said more work was needed before anyone"
        " could say how large the effect is over months rather than days.",
    ]
    page = tmp_path / "health.html"
    body = "".join(f"<p>{c}</p>" for c in claims)
    page.write_text(
        f"<html><head><title>Four habits that curb snacking</title></head><body><article>"
        f"<h1>Four habits that curb snacking</h1>{body}</article></body></html>",
        encoding="utf-8",
    )
    paragraphs = load_article(str(page)).paragraphs
    assert any(p.endswith("who were trying to lose weight.") for p in paragraphs)
    assert any(p.endswith("followed people for several weeks.") for p in paragraphs)
    assert not any("(1)" in p or "(2, 3)" in p or "(4)" in p for p in paragraphs)
    assert any("Dana Whitlow (52)" in p for p in paragraphs)


_TITLE_STORY = "".join(
    f"<p>{line}</p>"
    for line in (
        "Children given small amounts of ground nuts before their first birthday were far less likely to develop"
        " an allergy by the age of five, a study of six hundred families found.",
        "The researchers said parents should talk to a doctor first, especially when a child already has severe"
        " eczema, because a test may be needed before the first taste.",
        "Earlier advice told families to wait until the age of three, and the authors now think that advice may"
        " have raised the number of children with the allergy.",
    )
)


@pytest.mark.parametrize(
    ("head", "body", "headline"),
    [
        (  # the <h1> names the site's section; the page's own <title> is printed above the story as an <h2>
            "<title>Early peanuts may prevent allergy</title>",
            "<h1>Allergy Health Centre</h1><div><h2>Early peanuts may prevent allergy</h2>{story}</div>",
            "Early peanuts may prevent allergy",
        ),
        (  # no <title>; the social-card title is not printed; a menu's <h2> comes first, the story's <h1> after
            '<title></title><meta property="og:title" content="Why your child should meet peanuts early">',
            "<nav><h2>Book a family trip with us this spring</h2></nav>"
            "<article><h1>Early peanuts may prevent allergy</h1>{story}</article>",
            "Early peanuts may prevent allergy",
        ),
        (  # "Title - Site": the site's name in an <h1> of its own is no headline
            '<title>Early peanuts may prevent allergy - THE CLINIC</title><meta property="og:site_name"'
            ' content="THE CLINIC">',
            "<header><h1>THE CLINIC</h1></header><article>{story}</article>",
            "Early peanuts may prevent allergy",
        ),
        (  # the only <h1> is a button: the social-card title stays, though not printed
            '<title>Early peanuts may prevent allergy - The Clinic</title><meta property="og:title"'
            ' content="Early peanuts may prevent allergy">',
            "<header><h1>Log In</h1></header><article>{story}</article>",
            "Early peanuts may prevent allergy",
        ),
        (  # a site search's empty result page left in the markup: its <h1> is a UI string, not the story's
            '<title>Early peanuts may prevent allergy - The Clinic</title><meta property="og:title"'
            ' content="Early peanuts may prevent allergy">',
            '<div class="search"><h1>No matches for your search</h1></div><article><div class="title">Early'
            " peanuts may prevent allergy</div>{story}</article>",
            "Early peanuts may prevent allergy",
        ),
    ],
)
def test_the_headline_is_the_title_the_page_gives_itself_where_it_prints_it(
    tmp_path: Path, head: str, body: str, headline: str
) -> None:
    page = tmp_path / "peanuts.html"
    page.write_text(f"<html><head>{head}</head><body>{body.format(story=_TITLE_STORY)}</body></html>", "utf-8")
    assert load_article(str(page)).title == headline


def test_a_wiki_page_is_read_without_its_edit_links_and_end_matter(tmp_path: Path) -> None:
    """A wiki's section headings carry "[edit]"; after the story, "See also" and "References" hold lists of
    links and sources that no listener wants read ("^ 'Tide tables'. Harbour Office. Retrieved 2012-08-18.")."""
    story = [
        "The tide mill at Eling is one of the last working mills of its kind, grinding wheat with the power of"
        " the sea as the water flows out of its pond at low tide.",
        "A mill has stood on the causeway since the Middle Ages, and the present building was restored by"
        " volunteers over ten years before it opened to visitors again.",
    ]
    sources = [
        '^ "Tide mills of the south coast". Harbour Office. Retrieved 2012-08-18.',
        '^ Marsh, Ada (4 April 2014). "Grinding with the tide". The Coastal Review. Retrieved 2014-07-01.',
    ]
    page = tmp_path / "mill.html"
    page.write_text(
        "<html><head><title>Eling Tide Mill - Wiki</title></head><body><main><h1>Eling Tide Mill</h1>"
        f"<h2>History[edit]</h2><p>{story[0]}</p><h2>Restoration[edit]</h2><p>{story[1]}</p>"
        "<h2>See also[edit]</h2><ul><li>Tide mill</li><li>List of watermills in England</li></ul>"
        "<h2>References[edit]</h2><ol>" + "".join(f"<li>{s}</li>" for s in sources) + "</ol>"
        "</main></body></html>",
        encoding="utf-8",
    )
    article = load_article(str(page))
    text = "\n".join(article.paragraphs)
    assert all(line in text for line in story)
    assert "[edit]" not in text and "Retrieved" not in text and "watermills" not in text


def test_a_story_split_around_advertisements_is_read_to_its_end() -> None:
    """The page closes the story's container before each advertisement and opens another like it after; the
    extractor may stop at the first (a benchmark page lost 13 of its 24 paragraphs): every later part is read,
    in order; reader comments in containers of the same kind, after a heading and a prompt, are not."""
    from radio.words.ingest.continued import continued_body

    parts = [
        [
            "The ferry between the two islands will run twice a day from April, the council said on Monday,"
            " after a winter in which storms cancelled one crossing in three.",
            "A second boat, leased from a mainland operator, will cover the morning sailing while the old vessel"
            " is in dry dock for repairs to its engines and its ramp.",
        ],
        [
            "Islanders have asked for a reliable service for years, and the harbour master said the new"
            " timetable was the first in a decade that the crews could keep all year round.",
            "Fares will stay the same until the end of next year, although the council warned that fuel costs"
            " could force a review of the price of a return ticket for cars.",
        ],
        [
            "The council will ask residents for their views on a third daily sailing in the summer, when"
            " visitors fill the boats and the queue for the ramp reaches the village.",
        ],
    ]
    body = (
        '<div class="grid grid-layout--rail"><div class="grid--item body story-part">{}</div>'
        '<div class="grid--item grid-layout__aside"><div class="ad ad--rail"><div class="ad__slot"></div></div>'
        "</div></div>"
    )
    ad = (
        '<div class="row full-bleed-ad"><div class="ad ad--mid"><span class="ad-label">Advertisement</span></div></div>'
    )
    story = ad.join(body.format("".join(f"<p>{p}</p>" for p in part)) for part in parts)
    comments = (
        "<h2>Reader comments</h2><p>Join the conversation: sign in to leave a comment below, and please keep it"
        " civil and on the subject of the story.</p>"
        + body.format(
            "<p>I have taken this ferry for forty years and it has never been as bad as it was this winter.</p>"
            "<p>Another boat is welcome but the council should have acted two years ago when we all asked.</p>"
        )
    )
    page = f"<html><body><article><h1>Island ferry to run twice a day</h1>{story}{comments}</article></body></html>"
    assert continued_body(page, parts[0]) == parts[1] + parts[2]
    assert continued_body(page, parts[0] + parts[1] + parts[2]) == []  # the comments are no part of it
    single = page.replace(ad.join(body.format("".join(f"<p>{p}</p>" for p in part)) for part in parts[1:]), "")
    assert continued_body(single, parts[0]) == []


def test_a_message_printed_as_preformatted_text_is_read(tmp_path: Path) -> None:
    """A mailing list's archived message: the whole story in <pre>, wrapped by hand; it had no article.
    Its wrapped lines are joined, a quoted reply and the signature are not read."""
    message = (
        "Dear members,\n\n"
        "The harbour office will publish the spring ferry timetable on Friday. From April the\n"
        "boat will sail twice a day, at eight in the morning and at four in the\n"
        "afternoon, and the Saturday crossing will run all year for the first time.\n\n"
        "Fares stay the same until the end of the year. The office thanks everyone who wrote\n"
        "in during the consultation; more than two hundred letters arrived in six weeks.\n\n"
        "> Will the winter timetable change as well?\n"
        "> Several of us asked at the last meeting.\n\n"
        "The winter timetable will be reviewed in the autumn, once the new boat has done a\n"
        "full season and the crews have reported on the crossings.\n\n"
        "-- \nAnn Lee\nHarbour office, Eling quay\n"
    )
    page = tmp_path / "message.html"
    page.write_text(
        "<html><head><title>[harbour-news] Spring ferry timetable</title></head><body>"
        "<h1>[harbour-news] Spring ferry timetable</h1><b>Ann Lee</b> <i>Mon Mar 2 09:12:44 UTC 2020</i>"
        "<ul><li>Previous message: [harbour-news] Quay works</li><li>Messages sorted by: [ date ] [ thread ]</li>"
        f"</ul><hr><pre>{message}</pre><hr><ul><li>Next message: [harbour-news] Meeting notes</li></ul>"
        "</body></html>",
        encoding="utf-8",
    )
    article = load_article(str(page))
    text = "\n".join(article.paragraphs)
    assert "at eight in the morning and at four in the afternoon, and the Saturday crossing" in text
    assert "two hundred letters arrived in six weeks." in text
    assert "reviewed in the autumn" in text
    assert "Several of us asked" not in text and "Eling quay" not in text


def test_a_dateline_whose_place_stands_on_its_own_line_above_it_is_not_read(tmp_path: Path) -> None:
    """Wire pages print the dateline's place alone above the first paragraph ("PORTHAVEN", then "PORTHAVEN
    (Wire) - ..."): neither the place line nor the dateline is read."""
    story = [
        "PORTHAVEN",
        "PORTHAVEN (Coastal Wire) - Three harbour councils voted on Tuesday to share one ferry timetable from"
        " the spring, ending years of missed connections for commuters on the estuary.",
        "The councils said the single timetable would be printed in the summer and that fares would not rise"
        " before the autumn, when the new boats are due to arrive from the yard.",
        "Passenger groups welcomed the vote but asked for a later last crossing on Fridays and Saturdays, when"
        " most complaints about stranded travellers are made to the operator.",
    ]
    page = tmp_path / "ferry.html"
    page.write_text(
        "<html><head><title>Councils agree one ferry timetable</title></head><body><article>"
        "<h1>Councils agree one ferry timetable</h1>"
        + "".join(f"<p>{p}</p>" for p in story)
        + "</article></body></html>",
        "utf-8",
    )
    article = load_article(str(page))
    assert article.paragraphs[0].startswith("Three harbour councils voted on Tuesday")
