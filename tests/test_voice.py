from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from radio.models import Script, Segment
from radio.sound.engines.fake import FakeEngine
from radio.sound.voice import EDGE_SILENCE_KEEP_MS, SENTENCE_GAP_MS, chunks, voice_script
from tests.helpers import RecordingEngine


@given(st.text(alphabet=st.sampled_from("ab .,!?”\n"), max_size=600), st.integers(min_value=5, max_value=200))
def test_chunks_keep_every_word_and_respect_the_limit(text: str, limit: int) -> None:
    pieces = chunks(text, limit)
    assert "".join("".join(pieces).split()) == "".join(text.split())  # nothing lost (a word over the limit is cut)
    assert all(len(p) <= limit for p in pieces)


def test_chunks_split_at_sentences_first() -> None:
    text = 'She said "yes." Then he left! The end came, slowly, at last.'
    assert chunks(text, 30) == ['She said "yes." Then he left!', "The end came, slowly, at last."]
    assert chunks(text, 1000) == [text]


class SmallEngine(RecordingEngine):
    max_chars_per_call = 40


def test_a_long_segment_is_voiced_in_pieces_and_joined(tmp_path: Path) -> None:
    text = "The first sentence is here, with a clause that runs on. The second one follows it."
    script = Script("x", "T", None, "S", "A", "fake", (Segment("anchor", text, text, "fake-anchor", paragraph=0),))
    engine = SmallEngine()
    (clip,) = voice_script(script, engine, tmp_path, 22050, 1)
    # one call per sentence; a sentence over the engine's limit in pieces, joined without a gap
    assert engine.calls == ["The first sentence is here,", "with a clause that runs on.", "The second one follows it."]
    expected = sum(FakeEngine.duration_ms(t) for t in engine.calls) + SENTENCE_GAP_MS - 2 * EDGE_SILENCE_KEEP_MS
    assert abs(len(clip) - expected) <= 3  # the fake voice has no edge silence to trim


def test_pauses_inside_a_clip_are_found_and_its_edges_are_not() -> None:
    from pydub import AudioSegment
    from pydub.generators import Sine

    from radio.sound.voice import PAUSE_MS, pause_ends

    tone = Sine(200).to_audio_segment(duration=1000).set_frame_rate(44100).set_sample_width(2)

    def quiet(ms: int) -> AudioSegment:
        return AudioSegment.silent(ms, 44100)

    clip = quiet(50) + tone + quiet(PAUSE_MS + 50) + tone + quiet(PAUSE_MS - 40) + tone + quiet(300)
    assert pause_ends(clip) == [1050 + PAUSE_MS + 50]  # the short gap is no pause; the edges are none
    assert pause_ends(quiet(500)) == []
