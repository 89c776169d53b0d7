"""Cues timed from the audio: one sentence splitter that knows abbreviations, segments voiced
sentence by sentence, cues starting where each sentence is heard, none under a second.
The last test renders a real episode (pyttsx3/espeak-ng, ffmpeg) and listens for the onsets."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from radio.models import Placement, Script, Segment
from radio.publish.sidecars import MIN_CUE_MS, cues, merge_short, sentence_runs, split_run
from radio.sound.cache import SegmentCache
from radio.sound.engines.fake import FakeEngine
from radio.sound.voice import (
    EDGE_SILENCE_KEEP_MS,
    SENTENCE_GAP_MS,
    SegmentTiming,
    voice_script,
    voiced_sentences,
)
from radio.words.sentences import split_sentences
from radio.words.speech.names import sentences as names_sentences
from tests.helpers import RecordingEngine


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Head librarian Dr. Karen Holt said: the doors open at nine.", 1),
        ("The board meets on Feb. 10. It will vote then.", 2),
        ("Mr. and Mrs. Okafor arrived. Prof. Lee followed.", 2),
        ("J. K. Rowling wrote the book. It sold well.", 2),
        ("Prices rose 3.6 percent. Then they fell.", 2),
        ("He waited... then he left.", 1),
        ("He waited… Nobody came.", 2),
        ("“Why?” she asked. Nobody answered.", 2),
        ("The plant moved to the U.S. The jobs went with it.", 2),
        ("U.S. President Lee spoke at 9 a.m. Monday.", 1),
        ("The doors open at 9 a.m. She will be there.", 2),
        ("Shares of Acme Inc. The company fell.", 2),
        ("Shares of Acme Inc. fell sharply.", 1),
        ("No. 5 Main St. is empty. The answer was no. The vote failed.", 3),
        ("He chose plan B. The council agreed.", 2),
        ("Wow! What a day? Yes.", 3),
        ("It's Monday, November thirtieth. thirty-one people came.", 2),
        ("The wall is 5 ft. tall and the doors open at 9 a.m. tomorrow.", 1),
        ("He paid about $5 etc. and left.", 1),
    ],
)
def test_the_splitter_knows_abbreviations_initials_decimals_and_ellipses(text: str, expected: int) -> None:
    found = split_sentences(text)
    assert len(found) == expected, found
    assert " ".join(found) == text  # nothing lost but the space between sentences


def test_a_closing_quote_stays_with_its_sentence() -> None:
    assert split_sentences('He said "Yes." Then he left.') == ['He said "Yes."', "Then he left."]
    assert split_sentences("“We lost it all.” The mayor paused.") == ["“We lost it all.”", "The mayor paused."]


def test_radio_names_uses_the_same_splitter() -> None:
    text = "Head librarian Dr. Karen Holt said it on Feb. 10. The archive moved."
    assert names_sentences([text]) == split_sentences(text)
    assert len(names_sentences([text])) == 2


def test_wordless_pieces_join_a_sentence_so_no_empty_clip_is_asked_for() -> None:
    assert voiced_sentences("It rained. ... Then it stopped.") == ["It rained. ...", "Then it stopped."]
    assert voiced_sentences("...") == ["..."]


def _one_segment(text: str, spoken: str | None = None) -> Script:
    segment = Segment("anchor", text, text if spoken is None else spoken, "fake-anchor", paragraph=0)
    return Script("x", "T", None, "S", "A", "fake", (segment,))


def test_each_sentence_is_voiced_and_its_start_recorded(tmp_path: Path) -> None:
    text = "Dr. Karen Holt opened the doors. The children ran in. It was loud."
    engine = RecordingEngine()
    timings: list[SegmentTiming] = []
    (clip,) = voice_script(_one_segment(text), engine, tmp_path, 22050, 1, timings=timings)
    starts = [t.sentence_starts_ms for t in timings]
    assert engine.calls == ["Dr. Karen Holt opened the doors.", "The children ran in.", "It was loud."]
    gap = SENTENCE_GAP_MS - 2 * EDGE_SILENCE_KEEP_MS  # the fake voice has no edge silence to trim
    lengths = [FakeEngine.duration_ms(t) for t in engine.calls]
    expected = (0, lengths[0] + gap, lengths[0] + lengths[1] + 2 * gap)
    assert len(starts) == 1
    assert all(abs(a - b) <= 3 for a, b in zip(starts[0], expected, strict=True)), starts
    assert abs(len(clip) - (sum(lengths) + 2 * gap)) <= 3


def test_the_cache_keys_each_sentence(tmp_path: Path) -> None:
    cache = SegmentCache(tmp_path / "cache")
    engine = RecordingEngine()
    voice_script(_one_segment("The bridge opened. Cars crossed it."), engine, tmp_path, 22050, 1, cache=cache)
    engine.calls.clear()
    timings: list[SegmentTiming] = []
    edited = _one_segment("The bridge opened. Buses crossed it.")
    voice_script(edited, engine, tmp_path, 22050, 1, cache=cache, timings=timings)
    starts = [t.sentence_starts_ms for t in timings]
    assert engine.calls == ["Buses crossed it."]  # the unchanged sentence came from the cache
    assert len(starts[0]) == 2 and starts[0][1] > FakeEngine.duration_ms("The bridge opened.")


def test_short_runs_merge_into_a_neighbour() -> None:
    runs = [(0, 400, "Yes."), (400, 3000, "The vote passed."), (3000, 3600, "Twice."), (3600, 6000, "It ends.")]
    assert merge_short(runs) == [(0, 3600, "Yes. The vote passed. Twice."), (3600, 6000, "It ends.")]
    assert merge_short([(0, 500, "Hi.")]) == [(0, 500, "Hi.")]  # nothing to merge with in its segment
    assert merge_short([(0, 1000, "One."), (1000, 2500, "Two.")]) == [(0, 1000, "One."), (1000, 2500, "Two.")]
    merged = merge_short([(0, 300, "A."), (300, 600, "B."), (600, 900, "C."), (900, 5000, "D.")])
    assert merged == [(0, 5000, "A. B. C. D.")]


def test_runs_start_at_the_heard_sentence_starts() -> None:
    text = "Head librarian Dr. Karen Holt said the doors open on Feb. 10. Families queued early."
    placement = Placement(0, 10_000, 16_000, sentence_starts_ms=(0, 4200))
    assert sentence_runs(text, placement) == [
        (10_000, 14_200, "Head librarian Dr. Karen Holt said the doors open on Feb. 10."),
        (14_200, 16_000, "Families queued early."),
    ]


def test_runs_when_the_spoken_text_splits_otherwise() -> None:
    # three sentences written, four heard (the second was said as two): every run starts at a
    # heard start, each near its share of the text
    text = "The first one is here. The second one. The third sentence ends it."
    placement = Placement(0, 0, 10_000, sentence_starts_ms=(0, 3300, 4500, 6000))
    runs = sentence_runs(text, placement)
    assert [r[2] for r in runs] == split_sentences(text)
    assert {r[0] for r in runs} <= {0, 3300, 4500, 6000}
    assert runs[1][0] == 3300 and runs[2][0] == 6000
    # fewer heard than written: the sentence with no start joins the one before
    fewer = sentence_runs(text, dataclasses.replace(placement, sentence_starts_ms=(0, 6000)))
    assert fewer == [(0, 6000, "The first one is here. The second one."), (6000, 10_000, "The third sentence ends it.")]


def test_cues_follow_the_heard_starts_and_none_is_under_a_second() -> None:
    quote = "Yes. We will reopen the library on Feb. 10. It took a year."
    segments = (
        Segment("anchor", "Head librarian Dr. Karen Holt said:", "Head librarian Doctor Karen Holt said:", "a", None),
        Segment("quote", quote, quote.replace("Feb. 10", "February tenth"), "b", "Karen Holt"),
    )
    script = Script("x", "T", None, "S", "Anchor", "fake", segments)
    placements = [Placement(0, 0, 900, (0,)), Placement(1, 1300, 7000, (0, 500, 4000))]
    vtt = cues(script, placements, 65)
    assert [(c.start_ms, " ".join(c.lines)) for c in vtt] == [
        (0, "Head librarian Dr. Karen Holt said:"),
        (1300, "Yes. We will reopen the library on Feb. 10."),
        (5300, "It took a year."),
    ]
    assert all(c.end_ms - c.start_ms >= MIN_CUE_MS for c in vtt)
    assert vtt[0].end_ms == 1000  # a segment that short stays up into the pause after it
    srt = cues(script, placements, 32, name_speakers=True)
    assert " ".join(srt[0].lines).startswith("Anchor: Head librarian")
    assert any(" ".join(c.lines).startswith("Karen Holt: Yes.") for c in srt)
    assert {c.start_ms for c in srt} >= {0, 1300, 5300}


# --- real audio: pyttsx3 / espeak-ng voices, ffmpeg encodes, pydub listens -------------------

ARTICLE = "\n".join(
    [
        "Riverside clinic opens a night ward after a long wait",
        "By Tessa Marlow",
        "The Riverside clinic opened its night ward on Feb. 10, after two years of fund-raising. "
        "Head nurse Dr. Amara Quill said the ward would take twelve patients.",
        '"We waited a long time for this. It changes how we work at night," said Dr. Quill. '
        '"Families can stay. That matters."',
        "The ward cost 1.4 million pounds. Most of it came from a local trust run by Mr. J. R. Penhale.",
        "The ward, which took two years of jumble sales and sponsored walks to pay for, will be open every "
        "night of the week from seven in the evening until seven in the morning.",
    ]
)


def _cue_starts(vtt: str) -> list[tuple[float, float]]:
    found = re.findall(r"(\d\d):(\d\d):(\d\d)\.(\d{3}) --> (\d\d):(\d\d):(\d\d)\.(\d{3})", vtt)
    out = []
    for g in found:
        a = int(g[0]) * 3600 + int(g[1]) * 60 + int(g[2]) + int(g[3]) / 1000
        b = int(g[4]) * 3600 + int(g[5]) * 60 + int(g[6]) + int(g[7]) / 1000
        out.append((a, b))
    return out


def test_vtt_cues_start_when_the_words_are_heard(tmp_path: Path) -> None:
    from pydub import AudioSegment
    from pydub.silence import detect_nonsilent

    from radio.config import Settings
    from radio.pipeline import make_script, render_episode
    from radio.sound.engines import get_engine

    source = tmp_path / "clinic.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    settings = Settings(music_enabled=False)  # the voice alone: its pauses are the onsets to meet
    engine = get_engine("pyttsx3")
    script = make_script(str(source), settings, engine)
    episode = render_episode(script, settings, tmp_path / "out", engine)
    audio = AudioSegment.from_file(episode.mp3_path)
    floor = audio.dBFS - 20  # speech is far above this; the pauses and any bed under it below
    onsets = [start / 1000 for start, _ in detect_nonsilent(audio, min_silence_len=120, silence_thresh=floor)]
    vtt = Path(episode.sidecars["vtt"]).read_text(encoding="utf-8")
    times = _cue_starts(vtt)
    assert len(times) >= 8
    offsets = [min(abs(start - onset) for onset in onsets) for start, _ in times]
    assert max(offsets) <= 0.25, list(zip(times, offsets, strict=True))
    assert all(end - start >= MIN_CUE_MS / 1000 - 0.001 for start, end in times), times
    assert "Dr. Amara Quill said" in vtt  # the abbreviation did not split the cue


def test_a_long_sentence_is_cut_where_the_voice_pauses() -> None:
    text = "Orchards across the upper valley are picking half their crop this autumn, after a frost killed the blossom."
    run = (10_000, 17_000, text)
    # the voice resumes after the comma at 14.1 s, and after a short stop inside a word run at 11.2 s
    pieces = split_run(run, [11_200, 14_100], 45, 2)  # 108 characters: three lines of 45
    assert [(s, e) for s, e, _ in pieces] == [(10_000, 14_100), (14_100, 17_000)]
    assert " ".join(pieces[1][2]).startswith("after a frost")
    # no heard pause: cut between lines, balanced, timed by characters
    unheard = split_run(run, [], 32, 2)
    assert len(unheard) == 2 and all(e - s >= MIN_CUE_MS for s, e, _ in unheard)
    assert all(len(lines) <= 2 and all(len(line) <= 32 for line in lines) for _, _, lines in unheard)


def test_the_speaker_name_leads_the_first_cue_and_is_never_cut_off() -> None:
    run = (0, 6000, "The rock was not where the old surveys said it would be.")
    pieces = split_run(run, [], 32, 2, prefix="Rhys Morgan: ")
    assert " ".join(pieces[0][2]).startswith("Rhys Morgan: The rock")
    assert all(e - s >= MIN_CUE_MS for s, e, _ in pieces)


def test_a_short_cue_holds_into_the_pause_or_nudges_the_next() -> None:
    from radio.publish.sidecars import MAX_LATE_MS, Cue, hold_short

    held = hold_short([Cue(0, 600, "A", ("She said:",)), Cue(1500, 4000, "B", ("We are ready.",))])
    assert (held[0].end_ms, held[1].start_ms) == (1000, 1500)  # the pause was long enough
    nudged = hold_short([Cue(0, 600, "A", ("She said:",)), Cue(900, 4000, "B", ("We are ready.",))])
    assert nudged[0].end_ms == 1000 and nudged[1].start_ms == 1000 <= 900 + MAX_LATE_MS
