"""`radio say` without --out: a missing sound device is one error line, not a success."""

from __future__ import annotations

from pathlib import Path

from tests.test_cli import assert_one_line_error, radio


def test_no_sound_device_is_an_error_suggesting_out(tmp_path: Path) -> None:
    proc = radio("say", "Porthaven", "--engine", "fake", cwd=tmp_path, env={"SDL_AUDIODRIVER": "no-such-driver"})
    assert_one_line_error(proc, "give --out FILE.mp3")


def test_a_working_device_plays(tmp_path: Path) -> None:
    proc = radio("say", "Porthaven", "--engine", "fake", cwd=tmp_path, env={"SDL_AUDIODRIVER": "dummy"})
    assert proc.returncode == 0, proc.stderr
    assert "said: Porthaven" in proc.stderr
