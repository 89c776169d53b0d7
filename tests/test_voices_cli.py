"""`radio voices`, run as a user runs it: a subprocess, real exit codes, real audio."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from mutagen.mp3 import MP3

ROOT = Path(__file__).resolve().parent.parent
# Run radio with piper-tts hidden, as on a machine without the extra.
WITHOUT_PIPER = "import sys; sys.modules['piper'] = None; from radio.cli import main; sys.argv[0] = 'radio'; main()"


def radio(*args: str, cwd: Path, code: str | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", code, *args] if code else [sys.executable, "-m", "radio", *args]
    env = {**os.environ, "XDG_CONFIG_HOME": str(cwd), "RADIO_VOICES_DIR": str(cwd / "voices")}
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env, timeout=300, check=False)


def test_lists_every_engine_with_its_voices(tmp_path: Path) -> None:
    proc = radio("voices", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert any(line.startswith("pyttsx3 (installed, default)") for line in lines)
    assert any(line.startswith("piper (installed): pip install 'radio-bulletin[piper]'") for line in lines)
    assert any(line.split()[:2] == ["anchor", "gmw/en-us"] and "anchor only" in line for line in lines)
    assert any(line.split()[:2] == ["quote", "en_US-joe-medium@-3"] and line.endswith("quotes") for line in lines)


def test_json_has_language_gender_and_quote_use(tmp_path: Path) -> None:
    proc = radio("voices", "--json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    engines = {e["name"]: e for e in json.loads(proc.stdout)["engines"]}
    assert set(engines) >= {"pyttsx3", "piper", "fake"}
    pyttsx3 = engines["pyttsx3"]
    assert pyttsx3["installed"] and pyttsx3["default"] and pyttsx3["anchor_voice"] == "gmw/en-us"
    quotes = [v for v in pyttsx3["voices"] if v["role"] == "quote"]
    assert quotes and all(v["usable_for_quotes"] and v["language"].startswith("en") for v in quotes)
    assert {v["gender"] for v in quotes} >= {"female", "male"}
    joe = engines["piper"]["voices"][0]
    assert joe == {
        "id": "en_US-joe-medium",
        "language": "en_US",
        "gender": "male",
        "role": "anchor",
        "usable_for_quotes": False,
    }


def test_an_engine_that_is_not_installed_says_what_to_install(tmp_path: Path) -> None:
    # piper hidden from the command and from the engine's worker process alike
    shadow = tmp_path / "shadow" / "piper"
    shadow.mkdir(parents=True)
    (shadow / "__init__.py").write_text("raise ImportError(\"No module named 'piper'\")\n", encoding="utf-8")
    code = f"import sys; sys.path.insert(0, {str(shadow.parent)!r}); " + WITHOUT_PIPER.split("; ", 1)[1]
    proc = radio("voices", "--json", cwd=tmp_path, code=code)
    assert proc.returncode == 0, proc.stderr
    piper = next(e for e in json.loads(proc.stdout)["engines"] if e["name"] == "piper")
    assert piper["installed"] is False and piper["voices"] == []
    assert piper["detail"] == "the piper engine needs piper-tts; pip install 'radio-bulletin[piper]'"
    text = radio("voices", "--engine", "piper", cwd=tmp_path, code=code)
    assert text.stdout.startswith("piper (not installed, default): pip install 'radio-bulletin[piper]'")


def test_preview_writes_the_sample_sentence(tmp_path: Path) -> None:
    out = tmp_path / "preview.mp3"
    proc = radio("voices", "--preview", "gmw/en-gb-x-rp+f3", "--out", str(out), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == str(out)
    assert 3.0 < MP3(str(out)).info.length < 12.0  # one sentence


def test_preview_of_an_unknown_voice_is_one_clear_error(tmp_path: Path) -> None:
    proc = radio("voices", "--engine", "piper", "--preview", "en_GB-nobody-low", "--out", "x.wav", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr.startswith("radio: error: Piper voice 'en_GB-nobody-low' not found")
    assert len(proc.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.wav").exists()
