"""Who speaks on pages of other sites: the general causes of wrong speakers
found reading the quotes of real news pages (press releases, sport, local
news, magazine features), each in a short article of our own.  Each test
fails without the rule it names."""

from __future__ import annotations

from radio.words.quotes import find_parts


def _said(paras: list[str]) -> list[tuple[str, str | None]]:
    return [(p.text[:24], p.speaker) for p in find_parts(paras) if p.kind == "quote"]


def test_a_name_after_the_verb_then_its_title_in_capitals_speaks() -> None:
    # a press release: '..., said Priya Lund, Regional Director, Northern Europe, Calder Hotels.' -- the name
    # speaks, not the title-case title after it (a name's last letter in lower case is no description)
    paras = [
        "“We are proud to open our first lodge in the fjords this spring,” said Priya Lund, Regional Director,"
        " Northern Europe, Calder Hotels. “Guests have asked for it for years.”"
    ]
    assert _said(paras) == [("We are proud to open our", "Priya Lund")]
