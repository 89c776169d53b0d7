"""The report's transcript_matches_voice check: the words a listener reads (the transcript) and the
words voiced agree, segment by segment; an episode where they do not is not fit to air."""

from __future__ import annotations

import json
from pathlib import Path

from radio.models import Script, Segment
from radio.publish.report import transcript_check
from radio.words.speech import to_spoken
from tests.test_cli import radio

TEXTS = (
    ("intro", "This is The Radio Bulletin. I'm Alex Morgan. Ferries sail again."),
    ("anchor", "The island ferry sailed again on Monday after 31 days in dry dock."),
    ("quote", "Siobhan Kelly said the shop had missed its deliveries."),
)


def _script(spoken: dict[int, str] | None = None) -> Script:
    segments = tuple(
        Segment(kind, text, (spoken or {}).get(n, to_spoken(text)), "v", "Siobhan Kelly" if kind == "quote" else None)
        for n, (kind, text) in enumerate(TEXTS)
    )
    return Script("test", "Ferries", None, "The Radio Bulletin", "Alex Morgan", "fake", segments)


def _transcript(script: Script) -> str:
    return "\n".join(f"someone: {seg.text}" for seg in script.segments)


def test_spoken_derived_from_the_text_passes() -> None:
    script = _script()
    check = transcript_check(script, _transcript(script))
    assert check.passed and check.detail == "3 segments voiced as derived from their text, 0 edited by hand"


def test_a_quote_said_with_a_full_stop_for_its_comma_is_derived_not_edited() -> None:
    """The script says '"We sail again," she said' with a full stop; that is radio's own derivation."""
    quote = Segment("quote", "We sail again,", "We sail again.", "v", "Siobhan Kelly")
    script = Script("test", "Ferries", None, "The Radio Bulletin", "Alex Morgan", "fake", (quote,))
    check = transcript_check(script, _transcript(script))
    assert check.passed and check.detail == "1 segments voiced as derived from their text, 0 edited by hand"


def test_a_respelled_name_is_a_hand_edit_that_passes() -> None:
    respelled = to_spoken(TEXTS[2][1]).replace("Siobhan", "shi-VAWN")
    script = _script({2: respelled})
    check = transcript_check(script, _transcript(script))
    assert check.passed, check.detail
    assert check.detail.endswith("2 segments voiced as derived from their text, 1 edited by hand")


def test_audio_that_tells_another_story_fails_naming_the_segment() -> None:
    script = _script({1: "The council approved a new bus route through the harbour district yesterday."})
    check = transcript_check(script, _transcript(script))
    assert not check.passed
    assert check.detail.startswith("segment 2 (anchor, Alex Morgan): the audio says 'The council approved")
    assert "the transcript 'The island ferry sailed again" in check.detail


def test_a_segment_missing_from_the_transcript_fails() -> None:
    script = _script()
    check = transcript_check(script, _transcript(script).replace("dry dock", "dry land"))
    assert not check.passed and "segment 2 (anchor, Alex Morgan): its text is not in the transcript" in check.detail


def test_an_old_script_whose_text_was_rewritten_is_not_fit_to_air(tmp_path: Path, short_article: Path) -> None:
    """A script written before fingerprints (no 'spoken_from'), its story rewritten and its 'spoken'
    left as it was: the audio would tell the old story under the new transcript."""
    made = radio("script", str(short_article), "--json", "--engine", "fake", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    data = json.loads(made.stdout)
    story = next(seg for seg in data["segments"] if seg["kind"] == "anchor")
    story["text"] = "The bridge to the mainland closes for repairs in June, the council said in a statement."
    for seg in data["segments"]:
        del seg["spoken_from"]
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data), encoding="utf-8")
    proc = radio("episode", "--script", str(edited), "--engine", "fake", "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert proc.returncode == 3, proc.stderr
    assert "not fit to air: transcript_matches_voice: segment" in proc.stderr
    report = json.loads(next((tmp_path / "out").glob("*.report.json")).read_text(encoding="utf-8"))
    assert report["checks"]["transcript_matches_voice"]["passed"] is False and report["fit_to_air"] is False
