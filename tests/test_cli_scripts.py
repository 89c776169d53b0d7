"""Scripts from the command line: short inputs, --title, JSON Lines, voices named by segment."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli import assert_one_line_error, radio


def _story(tmp_path: Path) -> Path:
    path = tmp_path / "one.txt"
    path.write_text("Council votes on bike lanes. The vote was 7-2.\n", encoding="utf-8")
    return path


def test_one_paragraph_without_headline_is_titled_from_its_first_sentence(tmp_path: Path) -> None:
    proc = radio("script", str(_story(tmp_path)), "--json", "--engine", "fake", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    script = json.loads(proc.stdout)
    assert script["title"] == "Council votes on bike lanes"
    assert any("seven to two" in s["spoken"] for s in script["segments"] if s["kind"] == "anchor")


def test_title_option_sets_the_title(tmp_path: Path) -> None:
    proc = radio(
        "script", str(_story(tmp_path)), "--json", "--engine", "fake", "--title", "Bike lanes vote", cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr
    script = json.loads(proc.stdout)
    assert script["title"] == "Bike lanes vote" and "Bike lanes vote." in script["segments"][0]["text"]
    proc = radio(
        "episode", str(_story(tmp_path)), "--engine", "fake", "--dry-run", "--title", "Late vote", cwd=tmp_path
    )
    assert proc.returncode == 0 and "Late vote" in proc.stdout, proc.stderr


def test_json_lines_of_scripts_need_an_index(tmp_path: Path, short_article: Path) -> None:
    story = _story(tmp_path)
    proc = radio("script", str(short_article), str(story), "--json", "--engine", "fake", cwd=tmp_path)
    jsonl = tmp_path / "scripts.jsonl"
    jsonl.write_text(proc.stdout, encoding="utf-8")
    proc = radio("episode", "--script", str(jsonl), "--dry-run", cwd=tmp_path)
    assert_one_line_error(proc, "JSON Lines with 2 scripts")
    assert "--index" in proc.stderr
    proc = radio("episode", "--script", str(jsonl), "--index", "2", "--dry-run", "--title", "Bikes", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "seven to two" in proc.stdout
    assert_one_line_error(radio("episode", "--script", str(jsonl), "--index", "3", "--dry-run", cwd=tmp_path), "1 to 2")


def test_unknown_voice_names_the_segment(tmp_path: Path, short_article: Path) -> None:
    proc = radio("script", str(short_article), "--json", "--engine", "fake", cwd=tmp_path)
    script = json.loads(proc.stdout)
    script["segments"][2]["voice"] = "fake-nobody"
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(script), encoding="utf-8")
    proc = radio("episode", "--script", str(edited), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert_one_line_error(proc, "segment 3")
    assert "unknown voice 'fake-nobody'" in proc.stderr
