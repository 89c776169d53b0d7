"""Normalisation: the table of cases, the lexicon, and the name finder."""

from __future__ import annotations

import importlib
import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from radio.errors import ConfigError
from radio.words.speech import Lexicon, load_lexicon, load_user_lexicon, to_spoken, user_lexicon_path
from radio.words.speech.names import NameEntry, unreviewed_names
from radio.words.speech.numbers import cardinal, ordinal, year

CASES = Path(__file__).parent / "data" / "speech_cases.tsv"
SAMPLE = Path(__file__).parent.parent / "radio" / "assets" / "sample-article.txt"


def _cases() -> list[tuple[str, str, str]]:
    rows = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        group, text, expected = line.split("\t")
        rows.append((group, text, expected))
    return rows


TABLE = _cases()


def test_table_is_big_enough() -> None:
    assert len(TABLE) >= 300
    groups = {g for g, _, _ in TABLE}
    assert {"cardinal", "money", "date", "time", "acronym", "roman", "symbol"} <= groups


IDS = [f"{group}-{i}" for i, (group, _, _) in enumerate(TABLE)]


@pytest.mark.parametrize(("group", "text", "expected"), TABLE, ids=IDS)
def test_table(group: str, text: str, expected: str) -> None:
    assert to_spoken(text) == expected


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "zero"),
        (15, "fifteen"),
        (40, "forty"),
        (1000, "one thousand"),
        (10**6 + 1, "one million one"),
    ],
)
def test_cardinal(n: int, words: str) -> None:
    assert cardinal(n) == words


def test_ordinal_and_year() -> None:
    assert ordinal(12) == "twelfth"
    assert ordinal(40) == "fortieth"
    assert year(2000) == "two thousand"
    assert year(1999) == "nineteen ninety-nine"
    assert year(2024) == "twenty twenty-four"


def test_normalisation_is_fast() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    to_spoken(text)
    start = time.perf_counter()
    for _ in range(5):
        to_spoken(text)
    assert (time.perf_counter() - start) / 5 < 0.05


def test_idempotent_enough_on_sample() -> None:
    spoken = to_spoken(SAMPLE.read_text(encoding="utf-8"))
    assert "£" not in spoken and "http" not in spoken
    assert "forty-eight million pound tidal barrier" in spoken
    assert "eleven million pounds over budget" in spoken
    assert "eighteen nineties" in spoken


# --- lexicon ---------------------------------------------------------------------


def test_lexicon_whole_words_and_possessives() -> None:
    lex = load_lexicon({"Zelenskyy": "zeh-LEN-skee"})
    assert to_spoken("Zelenskyy spoke.", lex) == "zeh-LEN-skee spoke."
    assert to_spoken("Zelenskyy's plan.", lex) == "zeh-LEN-skee's plan."
    assert to_spoken("Zelenskyy’s plan.", lex) == "zeh-LEN-skee’s plan."
    assert to_spoken("Zelenskyyite spoke.", lex) == "Zelenskyyite spoke."


def test_lexicon_case_aware() -> None:
    lex = load_lexicon({"Nice": "NEESE", "gif": "jif"})
    assert to_spoken("They met in Nice.", lex) == "They met in NEESE."
    assert to_spoken("It was nice.", lex) == "It was nice."
    assert to_spoken("A GIF and a gif.", lex) == "A jif and a jif."


def test_lexicon_respelling_is_not_read_again() -> None:
    lex = load_lexicon({"Siobhan": "shi-VAWN"})
    assert to_spoken("Siobhan won 3 races.", lex) == "shi-VAWN won three races."


def test_lexicon_engine_phonemes() -> None:
    lex = load_lexicon({"Siobhan": {"say": "shi-VAWN", "espeak": "[[S@v'O:n]]"}})
    assert to_spoken("Siobhan spoke.", lex, engine="pyttsx3") == "[[S@v'O:n]] spoke."
    assert to_spoken("Siobhan's car.", lex, engine="pyttsx3") == "[[S@v'O:nz]] car."
    assert to_spoken("Siobhan spoke.", lex, engine="fake") == "shi-VAWN spoke."
    assert to_spoken("Siobhan spoke.", lex) == "shi-VAWN spoke."


def test_lexicon_respelling_lowercased_for_espeak() -> None:
    lex = load_lexicon({"Zelenskyy": "zeh-LEN-skee"})
    assert to_spoken("Zelenskyy spoke.", lex, engine="pyttsx3") == "zeh-len-skee spoke."


def test_lexicon_multi_word_entries() -> None:
    lex = load_lexicon({"Des Moines": "deh MOYN"})
    assert to_spoken("Des Moines voted.", lex) == "deh MOYN voted."


def test_lexicon_file_and_override(tmp_path: Path) -> None:
    user = tmp_path / "lexicon.toml"
    user.write_text('Siobhan = "shuh-VON"\nPorthaven = "PORTH-hay-ven"\n', encoding="utf-8")
    lex = load_lexicon({"Siobhan": "shi-VAWN"}, [user])
    assert to_spoken("Siobhan in Porthaven.", lex) == "shi-VAWN in PORTH-hay-ven."


def test_lexicon_file_with_table(tmp_path: Path) -> None:
    user = tmp_path / "lexicon.toml"
    entry = 'Siobhan = { say = "shi-VAWN", espeak = "S@v\'O:n" }'
    user.write_text(f"[lexicon]\n{entry}\n", encoding="utf-8")
    lex = load_lexicon({}, [user])
    assert lex.lookup("Siobhan") is not None
    assert lex.entries["Siobhan"].espeak == "[[S@v'O:n]]"


def test_user_lexicon_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert user_lexicon_path() == tmp_path / "radio" / "lexicon.toml"
    assert load_user_lexicon({}).entries == {}
    (tmp_path / "radio").mkdir()
    user_lexicon_path().write_text('Alder = "AWL-der"\n', encoding="utf-8")
    assert load_user_lexicon({}).covers("Alder")
    assert load_user_lexicon({"Alder": "AL-der"}).entries["Alder"].say == "AL-der"


def test_user_lexicon_path_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    assert user_lexicon_path() == Path.home() / ".config" / "radio" / "lexicon.toml"


@pytest.mark.parametrize(
    "entries",
    [
        {"Siobhan": 3},
        {"Siobhan": ""},
        {"Siobhan": {"espeak": "x"}},
        {"Siobhan": {"say": "a", "ipa": "b"}},
        {" ": "x"},
        {"Siobhan": {"say": "a", "espeak": 5}},
    ],
)
def test_bad_entries_raise_config_error(entries: dict[str, object]) -> None:
    with pytest.raises(ConfigError):
        load_lexicon(entries)


def test_bad_lexicon_file_raises_config_error(tmp_path: Path) -> None:
    bad = tmp_path / "lexicon.toml"
    bad.write_text("Siobhan = \n", encoding="utf-8")
    with pytest.raises(ConfigError, match="lexicon"):
        load_lexicon({}, [bad])
    with pytest.raises(ConfigError):
        load_lexicon({}, [tmp_path / "missing.toml"])


def test_lexicon_is_frozen_and_comparable() -> None:
    a = load_lexicon({"Nice": "NEESE"})
    b = load_lexicon({"Nice": "NEESE"})
    assert a == b
    assert isinstance(a, Lexicon)
    with pytest.raises(AttributeError):
        a.entries = {}  # type: ignore[misc]


# --- names ------------------------------------------------------------------------

PARAGRAPHS = [
    "PORTHAVEN, Wales — Engineers lowered the gate in the Elden estuary on Tuesday.",
    "“We waited years,” said Mayor Gwen Alder. Engineers cheered. The NHS and NATO sent staff.",
    "Nobody here slept. Rhys Morgan said the rock moved. Morgan added more.",
    "Twice the sea broke through, said Siobhan Kelly, who lives in Cardiff.",
]


def _by_word(entries: list[NameEntry]) -> dict[str, NameEntry]:
    return {e.word: e for e in entries}


def test_unreviewed_names_lists_names_places_and_acronyms() -> None:
    found = _by_word(unreviewed_names(PARAGRAPHS, load_lexicon({})))
    assert found["Gwen Alder"].kind == "name"  # a full name is one entry
    assert "Gwen" not in found and "Alder" not in found
    assert found["Cardiff"].kind == "place"
    assert found["Elden"].kind == "place"
    assert found["NHS"].kind == "acronym"
    assert found["Rhys Morgan"].count == 2  # "Morgan added" counts towards the full name
    assert found["Rhys Morgan"].example.startswith("Rhys Morgan said")
    assert found["PORTHAVEN"].kind != "acronym"  # written as a lexicon key must match it, not "Porthaven"


def test_unreviewed_names_skips_ordinary_words_and_covered_words() -> None:
    lex = load_lexicon({"Siobhan Kelly": "shi-VAWN KEL-ee", "Gwen Alder": "gwen AWL-der", "NHS": "N H S"})
    found = _by_word(unreviewed_names(PARAGRAPHS, lex))
    skipped = ("Engineers", "Nobody", "Twice", "Tuesday", "The", "Mayor", "Siobhan Kelly", "Gwen Alder", "NHS", "I")
    for word in skipped:
        assert word not in found
    assert "Rhys Morgan" in found and "NATO" in found


def test_unreviewed_names_uses_lowercase_evidence() -> None:
    text = ["Harbour walls held. The harbour is safe."]
    found = _by_word(unreviewed_names(text, load_lexicon({})))
    assert "Harbour" not in found


# --- fast paths: each must agree with the plain pattern it stands in for ---------

_FAST_ALPHABET = "aAnN_x1290 \t\n.,-–—/:%$£¢½IVXLCMDJFSOTrsthdvoe'’“()"


@given(st.text(alphabet=_FAST_ALPHABET, max_size=30), st.text(alphabet=_FAST_ALPHABET, max_size=5))
@settings(max_examples=400, deadline=None)
def test_attributive_matches_the_article_pattern(before: str, amount: str) -> None:
    measures = importlib.import_module("radio.words.speech.measures")
    text = before + "£5" + amount
    m = re.compile("£5").search(text, len(before))
    assert m is not None
    expected = bool(re.search(r"\b[Aa]n?\s+$", text[: m.start()]))
    assert measures._attributive(m) is expected


@given(st.text(alphabet=_FAST_ALPHABET, max_size=40))
@settings(max_examples=400, deadline=None)
def test_rules_skipped_only_when_they_cannot_match(text: str) -> None:
    """Each hint (a cheap test run before a rule) is found wherever the rule matches,
    and each rule compiled with ``starting`` matches as the plain pattern does."""
    measures = importlib.import_module("radio.words.speech.measures")
    rules = importlib.import_module("radio.words.speech.rules")
    pairs = [
        (rules._DIGIT_DASH_HINT, rules._DIGIT_DASH),
        (rules._DOTS_HINT, re.compile(r"\.\s?\.\s?\.(?:\s?\.)*")),
        (rules._ISO_DATE_HINT, rules._ISO_DATE),
        (rules._MDY_HINT, rules._MDY),
        (rules._DMY_HINT, rules._DMY),
        (rules._AM_PM_HINT, re.compile(r"\b\d{1,2}(?::\d{2})?\s?[AaPp]\.?\s?[Mm]\b")),
        (measures._YEAR_RANGE_HINT, measures._YEAR_RANGE),
        (measures._RANGE_HINT, measures._RANGE),
        (measures._UNIT_HINT, measures._UNIT),
        (measures._ROMAN_HINT, measures._ROMAN),
        (measures._YEAR_HINT, measures._YEAR),
        (measures._CAPS_RUN_HINT, measures._CAPS_RUN),
    ]
    for hint, rule in pairs:
        if rule.search(text):
            assert hint.search(text), (hint.pattern, text)
    for rule in (rules._DASH, rules._TIME, rules._DMY, measures._NUMBER, measures._PERCENT, measures._DECADE):
        plain = re.compile(rule.pattern.split(")(?:", 1)[1][:-1])
        assert [m.span() for m in rule.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert rules.has_digit(text) is bool(re.search(r"\d", text))
    assert to_spoken(text) == to_spoken(text)  # runs every path without raising
