"""`radio names`: each entry written as its lexicon key must be, and only real names."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from radio.words.speech import load_lexicon
from radio.words.speech.names import unreviewed_names
from tests.test_cli import radio

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

STORY = (
    "The NHTSA said Gwen Alder, a Councillor from Porthaven, crossed the Atlantic on Tuesday.",
    "Alder lives on Main St, near the Business Park in Porthaven.",
    "The NHTSA will report in May.",
)


def _words(lexicon: dict[str, str]) -> list[str]:
    return [e.word for e in unreviewed_names(STORY, load_lexicon(lexicon))]


def test_keys_are_written_as_the_lexicon_needs_them() -> None:
    words = _words({})
    assert "NHTSA" in words and "Nhtsa" not in words
    assert "Gwen Alder" in words and "Gwen" not in words


def test_ordinary_capitalised_words_are_not_names() -> None:
    assert not {"Atlantic", "Main", "Business", "Councillor", "St", "Park", "Tuesday"} & set(_words({}))


def test_a_covered_word_is_covered() -> None:
    words = _words({"NHTSA": "nitsa", "Gwen Alder": "gwen AWL-der"})
    assert "NHTSA" not in words and "Gwen Alder" not in words and "Porthaven" in words


def test_toml_stub_is_valid_and_json_lists_entries(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Harbour reopens after repairs\n\n" + "\n\n".join(STORY) + "\n", encoding="utf-8")
    proc = radio("names", str(story), "--toml", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    stub = tomllib.loads(proc.stdout)["lexicon"]
    assert {"NHTSA", "Gwen Alder", "Porthaven"} <= set(stub)
    (tmp_path / "radio.toml").write_text(proc.stdout, encoding="utf-8")  # pasted as it is: a valid lexicon
    proc = radio("names", str(story), "--json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {"source": str(story), "names": []}
