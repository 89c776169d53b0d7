"""Edited scripts stay true: the words voiced are the words shown."""

from __future__ import annotations

import json
import logging

import pytest

from radio.words.script import script_from_json, script_to_json
from tests.helpers import tiny_script


def _edited(mutate) -> str:  # type: ignore[no-untyped-def]
    data = json.loads(script_to_json(tiny_script()))
    mutate(data["segments"][1])
    return json.dumps(data)


def test_script_json_records_what_spoken_was_derived_from() -> None:
    data = json.loads(script_to_json(tiny_script()))
    assert all(isinstance(seg["spoken_from"], str) and seg["spoken_from"] for seg in data["segments"])


def test_edited_text_with_stale_spoken_is_derived_again(caplog: pytest.LogCaptureFixture) -> None:
    def edit(seg: dict[str, object]) -> None:
        seg["text"] = "The council approved 12 new bus lanes."

    with caplog.at_level(logging.WARNING, logger="radio"):
        script = script_from_json(_edited(edit), "edited.json")
    assert script.segments[1].spoken == "The council approved twelve new bus lanes."
    assert "segment 2" in caplog.text and "'text' was edited" in caplog.text


def test_spoken_edited_on_purpose_is_kept(caplog: pytest.LogCaptureFixture) -> None:
    def edit(seg: dict[str, object]) -> None:
        seg["spoken"] = "A respelled line, said on purpose."

    with caplog.at_level(logging.WARNING, logger="radio"):
        script = script_from_json(_edited(edit), "edited.json")
    assert script.segments[1].spoken == "A respelled line, said on purpose."
    assert "'text' was edited" not in caplog.text


def test_both_edited_keeps_the_edited_spoken_when_no_fingerprint() -> None:
    def edit(seg: dict[str, object]) -> None:
        seg["text"] = "New words."
        seg["spoken"] = "New words, respelled."
        del seg["spoken_from"]

    assert script_from_json(_edited(edit), "edited.json").segments[1].spoken == "New words, respelled."


def test_both_edited_keeps_the_edited_spoken() -> None:
    def edit(seg: dict[str, object]) -> None:
        seg["text"] = "New words."
        seg["spoken"] = "New words, respelled."

    assert script_from_json(_edited(edit), "edited.json").segments[1].spoken == "New words, respelled."
