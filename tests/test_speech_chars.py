"""Characters no voice should read, scripts it cannot read, and what counts as
something to say (radio.words.speech.chars), through to_spoken, write_script
and ingest."""

from __future__ import annotations

import logging
import sys
import unicodedata

import pytest

from radio.config import Settings
from radio.errors import InputError
from radio.models import Article
from radio.words.ingest import voiceable
from radio.words.ingest.decode import decode_bytes, decode_html
from radio.words.script import write_script
from radio.words.speech import is_speakable, to_spoken
from radio.words.speech.chars import clean_characters, drop_foreign


@pytest.mark.parametrize(
    ("written", "spoken"),
    [
        ("Great news 🙂👍🏽 today.", "Great news today."),
        ("Flags 🇬🇧🇫🇷 flew.", "Flags flew."),
        ("Call 1️⃣ now.", "Call one now."),
        ("It was ✅ done ➡️ next.", "It was done next."),
        ("evil\u202egnp text", "evilgnp text"),
        ("zero\u200bwidth soft\u00adhyphen", "zerowidth softhyphen"),
        ("cut\x00 short? no", "cut short? no"),
        ("bell\x07 and\x1b escape", "bell and escape"),
        ("form\x0cfeed", "form feed"),
        ("It is 5°C and ©2024 Acme™.", "It is five degrees Celsius and ©two thousand twenty-four Acme."),
    ],
)
def test_to_spoken_drops_what_no_voice_should_read(written: str, spoken: str) -> None:
    assert to_spoken(written) == spoken


def test_every_control_and_format_character_is_removed() -> None:
    keep = {"\t", "\n", "\r", "\x85"}
    for cp in range(sys.maxunicode + 1):
        if cp < 0x20000 or 0xE0000 <= cp < 0xE0200:
            ch = chr(cp)
            if unicodedata.category(ch) in ("Cc", "Cf") and ch not in keep:
                assert clean_characters(f"a{ch}b").replace(" ", "") == "ab", hex(cp)


@pytest.mark.parametrize(
    ("written", "spoken", "script"),
    [
        ("She said مرحبا بكم and left.", "She said and left.", "Arabic"),
        ("The sign read שלום in blue.", "The sign read in blue.", "Hebrew"),
        ("Tokyo (東京) is large.", "Tokyo is large.", "CJK"),
        ("He wrote “你好，世界。” on the wall.", "He wrote on the wall.", "CJK"),
        ("Путин spoke on Tuesday.", "spoke on Tuesday.", "Cyrillic"),
        ("The motto Καλημέρα κόσμε was read.", "The motto was read.", "Greek"),
    ],
)
def test_scripts_the_voice_cannot_read_are_dropped(written: str, spoken: str, script: str) -> None:
    assert to_spoken(written) == spoken
    assert script in drop_foreign(written)[2]


def test_a_lone_greek_letter_and_latin_accents_stay() -> None:
    assert to_spoken("The Δ variant reached Zürich and Kraków.") == "The Δ variant reached Zürich and Kraków."
    assert drop_foreign("The Δ variant")[1] == 0


@pytest.mark.parametrize("text", [".", "…", " — ", "?!", "“ ”", "", "\u200b"])
def test_nothing_to_say(text: str) -> None:
    assert not is_speakable(to_spoken(text))


@pytest.mark.parametrize("text", ["6 p.m.", "Yes.", "7", "OK!"])
def test_something_to_say(text: str) -> None:
    assert is_speakable(to_spoken(text))


def _cast(parts: object) -> tuple[str, dict[str, str]]:
    return "fake-anchor", {}


def test_write_script_drops_a_segment_with_no_words(caplog: pytest.LogCaptureFixture) -> None:
    article = Article("bulletin.txt", "Harbour news", ("The wall is approved.", ".", "Work starts in March at 6 p.m."))
    with caplog.at_level(logging.WARNING, logger="radio"):
        script = write_script(article, Settings(engine="fake"), "fake", _cast)
    assert [s.text for s in script.segments if s.kind == "anchor"] == [
        "The wall is approved.",
        "Work starts in March at 6 p.m.",
    ]
    assert [r.getMessage() for r in caplog.records] == [
        "bulletin.txt: dropped segment 3 (anchor), it has no words to say: '.'"
    ]


def test_a_quote_cut_before_its_attribution_is_said_as_a_finished_sentence() -> None:
    article = Article(
        "a.txt", "Harbour news", ('"We will rebuild the quay by spring," said Ama Mensah, the harbour master.',)
    )
    script = write_script(article, Settings(engine="fake"), "fake", lambda parts: ("anchor", {"Ama Mensah": "guest"}))
    quote = next(s for s in script.segments if s.kind == "quote")
    assert quote.text == "We will rebuild the quay by spring,"  # word for word, its mark kept
    assert quote.spoken == "We will rebuild the quay by spring."


def test_ingest_cleans_the_article_and_counts_what_it_drops(caplog: pytest.LogCaptureFixture) -> None:
    article = Article("a.txt", "Harbour 🌊 news", ("Wall approved 👍.", "Sign: مرحبا بكم.", "🙂", "Done."))
    with caplog.at_level(logging.WARNING, logger="radio"):
        clean = voiceable(article)
    assert clean.title == "Harbour news"
    assert clean.paragraphs == ("Wall approved.", "Sign:.", "Done.")
    assert [r.getMessage() for r in caplog.records] == [
        "a.txt: dropped 2 words in Arabic script, which the voice cannot read"
    ]


def test_ingest_refuses_an_article_mostly_in_another_script() -> None:
    article = Article("a.txt", "Новости", ("Совет утвердил новую стену гавани во вторник.", "Yes."))
    with pytest.raises(InputError, match="most of the article is in Cyrillic script"):
        voiceable(article)


def test_mostly_utf8_bytes_are_read_as_utf8(caplog: pytest.LogCaptureFixture) -> None:
    text = "“We cannot wait,” said Mara Lind — the café’s owner.\n" * 3
    data = text.encode()
    broken = data[:40] + b"\xff\xfe" + data[40:]
    with caplog.at_level(logging.WARNING, logger="radio"):
        decoded = decode_bytes(broken, "x.txt")
        page = decode_html(broken, "x.html")
    assert decoded == text  # the bad bytes replaced, and the replacement character never voiced
    assert page.replace("\ufffd", "") == text  # a page's characters are cleaned once its article is found
    assert "x.txt: 2 invalid UTF-8 sequences; read as UTF-8 with them replaced" in caplog.messages


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_single_byte_text_is_still_read(encoding: str) -> None:
    text = "Crème brûlée for £5 at the café, said Zoë.\n" * 3
    assert decode_bytes(text.encode(encoding), "x.txt") == text


def test_a_stray_nul_is_removed_but_binary_is_refused() -> None:
    assert decode_bytes(b"Harbour news\n\nThe wall\x00 is approved.\n", "x.txt") == (
        "Harbour news\n\nThe wall is approved.\n"
    )
    with pytest.raises(InputError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x05x\x00\x00\x05x\x08\x02\x00\x00\x00", "x.png")
    with pytest.raises(InputError, match="binary"):
        decode_bytes("Harbour news without a BOM".encode("utf-16-le"), "x.txt")


def test_write_script_refuses_an_article_with_no_words_to_say() -> None:
    article = Article("debris.txt", "Harbour news", (".", "…", "?!"))
    with pytest.raises(InputError, match=r"debris\.txt: the article has no words to say"):
        write_script(article, Settings(engine="fake"), "fake", _cast)
