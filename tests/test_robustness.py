"""Whatever text comes in, the text stages end in an Article and a script or in
InputError, never in a crash."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from radio.errors import InputError
from radio.words.ingest import voiceable
from radio.words.ingest.text import clean_text
from radio.words.quotes import find_parts
from radio.words.speech import to_spoken

NEWS_BITS = st.sampled_from(
    ['"', "“", "”", "'", "‘", "’", "«", "»", "said", "he", "She", "Jane Doe", "Mr.", "U.S.", "$5", "1,500", "10:03",
     "a.m.", "—", "–", "...", "…", "(sic)", "[the plan]", "\n", "\n\n", "http://x.y/z", "a@b.co", "2024", "'90s",
     "XIV", "I", "St.", "5", "%", "#", "&", "/", ":", ",", ".", "?", "!", "NATO", "COVID-19", "½", "\ue000", "\t", " ",
     "🙂", "👍🏽", "🇬🇧", "1️⃣", "\u202e", "\u200f", "\u200b", "\x00", "\x07", "\x1b", "\x85", "مرحبا", "שלום", "中文",
     "Путин", "Δ", "\ufeff", "\u00ad"]
)  # fmt: skip
TEXT = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=300),
    st.lists(NEWS_BITS, max_size=80).map(" ".join),
    st.lists(NEWS_BITS, max_size=80).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(TEXT)
def test_text_stages_never_crash(text: str) -> None:
    spoken = to_spoken(text, None, "pyttsx3")
    assert "\ue000" not in spoken and "http://" not in spoken
    assert_voiceable(spoken)
    try:
        article = voiceable(clean_text("A headline for the test run\n\n" + text, "fuzz.txt"))
    except InputError:
        return
    for part in find_parts(article.paragraphs):
        if part.kind == "quote":  # a quotation split around its attribution is joined: its words, in order
            rest = article.paragraphs[part.paragraph]
            for word in part.text.split():
                assert word.rstrip(",.") in rest
                rest = rest[rest.index(word.rstrip(",.")) + len(word.rstrip(",.")) :]
        assert_voiceable(to_spoken(part.text, None, "pyttsx3"))


def assert_voiceable(spoken: str) -> None:
    """No control or format character, no emoji, no Arabic, Hebrew or CJK letter."""
    for ch in spoken:
        category = unicodedata.category(ch)
        assert category not in ("Cc", "Cf") or ch == "\n", repr(spoken)
        assert not (category == "So" and ord(ch) >= 0x2190), repr(spoken)
        assert not ("\u0590" <= ch <= "\u06ff" or "\u4e00" <= ch <= "\u9fff"), repr(spoken)
