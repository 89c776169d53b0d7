"""The command line, run as a user runs it: a subprocess, real exit codes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mutagen.id3 import ID3

ROOT = Path(__file__).resolve().parent.parent


def radio(
    *args: str, cwd: Path, env: dict[str, str] | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "XDG_CONFIG_HOME": str(cwd), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "radio", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=full_env,
        input=stdin,
        timeout=300,
        check=False,
    )


def assert_one_line_error(proc: subprocess.CompletedProcess[str], needle: str) -> None:
    assert proc.returncode == 1, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("radio: error: ") and needle in lines[0], lines[0]
    assert "Traceback" not in proc.stderr


def test_script_prints_the_running_order(tmp_path: Path, short_article: Path) -> None:
    proc = radio("script", str(short_article), "--engine", "fake", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Ferry service returns to the island after a month of repairs" in proc.stdout
    assert "quote" in proc.stdout and "Ingrid Vale" in proc.stdout


def test_script_json_one_object_per_article(tmp_path: Path, short_article: Path, sample_article: Path) -> None:
    proc = radio("script", str(short_article), str(sample_article), "--json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    objects = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["source"] for o in objects] == [str(short_article), str(sample_article)]
    first = objects[0]
    assert first["title"] == "Ferry service returns to the island after a month of repairs"
    assert first["date"] == "2026-03-03"
    kinds = [s["kind"] for s in first["segments"]]
    assert kinds[0] == "intro" and kinds[-1] == "outro" and "quote" in kinds
    for seg in first["segments"]:
        assert set(seg) >= {"kind", "speaker", "voice", "text", "spoken"}
        assert (seg["speaker"] is None) == (seg["kind"] != "quote")
    quote = next(s for s in first["segments"] if s["kind"] == "quote")
    assert quote["text"] == "We missed the boat more than we expected,"
    assert quote["voice"] != first["segments"][0]["voice"]


def test_sample_article_clutter_is_gone(tmp_path: Path, sample_article: Path) -> None:
    proc = radio("script", str(sample_article), "--json", cwd=tmp_path)
    script = json.loads(proc.stdout)
    body = " ".join(s["text"] for s in script["segments"])
    for clutter in (
        "Skip to main content",
        "Listen Live",
        "Donate",
        "0:00",
        "Getty Images",
        "Tomas Hale",
        "Updated November",
        "PORTHAVEN, Wales",
        "Advertisement",
        "Read more",
        "©",
        "All rights reserved",
        "covers climate",
        "By Priya",
        "Workers lower the last steel gate",
    ):
        assert clutter not in body, clutter
    assert script["title"] == "Harbour town finishes its tidal barrier a week before the winter storms"
    assert script["date"] == "2026-11-26"
    assert "Engineers in this small harbour town" in body
    speakers = {s["speaker"] for s in script["segments"] if s["kind"] == "quote"}
    assert {"Gwen Alder", "Rhys Morgan", "Daniel Price"} <= speakers
    voices = {s["speaker"]: s["voice"] for s in script["segments"] if s["kind"] == "quote"}
    anchor_voice = script["segments"][0]["voice"]
    assert anchor_voice not in voices.values() and len(set(voices.values())) == len(voices)


def test_episode_end_to_end_with_the_real_engine(tmp_path: Path, short_article: Path) -> None:
    """pyttsx3 + espeak-ng + ffmpeg for real, from the command line."""
    out = tmp_path / "out"
    proc = radio("episode", str(short_article), "--out", str(out), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    mp3 = Path(proc.stdout.strip())
    assert mp3 == out / "ferry-service-returns-to-the-island-after-a-month-of-repairs.mp3"
    report = json.loads(mp3.with_suffix(".report.json").read_text(encoding="utf-8"))
    assert report["fit_to_air"], report["checks"]
    assert abs(report["loudness"]["integrated_lufs"] + 16) <= 1 and report["loudness"]["true_peak_dbtp"] <= -1
    tags = ID3(mp3)
    assert str(tags["TIT2"]).startswith("Ferry service returns")
    chapters = json.loads(mp3.with_suffix(".chapters.json").read_text(encoding="utf-8"))["chapters"]
    assert len(tags.getall("CHAP")) == len(chapters) >= 3  # intro, the story, Ingrid Vale, (the outro)
    assert "Ingrid Vale" in {str(c.sub_frames["TIT2"]).split(",")[0] for c in tags.getall("CHAP")}
    assert not list(out.glob(".radio-*")), "temporary files left behind"


def test_edited_script_is_voiced_as_edited(tmp_path: Path, short_article: Path) -> None:
    proc = radio("script", str(short_article), "--json", "--engine", "fake", cwd=tmp_path)
    script = json.loads(proc.stdout)
    script["segments"][1]["text"] = "The island ferry is back."
    script["segments"][1]["spoken"] = "The island ferry is back."
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(script), encoding="utf-8")
    out = tmp_path / "out"
    proc = radio("episode", "--script", str(edited), "--out", str(out), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    mp3 = Path(proc.stdout.strip())
    assert "The island ferry is back." in ID3(mp3).getall("USLT")[0].text


@pytest.mark.parametrize(
    ("make", "needle"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a directory"),
        (lambda d: _write(d / "empty.txt", b""), "is empty"),
        (lambda d: _write(d / "blank.txt", b"  \n\t\n  "), "is empty"),
        (lambda d: _write(d / "binary.txt", bytes(range(256)) * 20), "binary"),
        (lambda d: _write(d / "chrome.txt", b"Home\nNews\nListen Live\n0:00\nAdvertisement\n"), "no article text"),
    ],
)
def test_bad_articles_fail_cleanly(tmp_path: Path, make, needle: str) -> None:  # type: ignore[no-untyped-def]
    source = make(tmp_path)
    out = tmp_path / "out"
    for command in (["script"], ["episode", "--out", str(out)]):
        proc = radio(*command, str(source), "--engine", "fake", cwd=tmp_path)
        assert_one_line_error(proc, needle)
    assert not out.exists() or not any(out.iterdir())


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_unknown_engine_and_voice(tmp_path: Path, short_article: Path) -> None:
    assert_one_line_error(radio("script", str(short_article), "--engine", "nope", cwd=tmp_path), "unknown engine")
    proc = radio("script", str(short_article), "--json", "--engine", "fake", cwd=tmp_path)
    script = json.loads(proc.stdout)
    script["segments"][1]["voice"] = "fake-nobody"
    edited = _write(tmp_path / "edited.json", json.dumps(script).encode())
    out = tmp_path / "out"
    assert_one_line_error(radio("episode", "--script", str(edited), "--out", str(out), cwd=tmp_path), "unknown voice")
    assert not any(p.suffix == ".mp3" for p in out.rglob("*"))


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("{not json", "not valid JSON"),
        ("[]", "JSON object"),
        ('{"title": "x", "segments": []}', "non-empty list"),
        ('{"title": "x", "segments": [{"kind": "chorus", "text": "a", "voice": "fake-anchor"}]}', "'kind'"),
        ('{"title": "x", "segments": [{"kind": "quote", "text": "a", "voice": "fake-f1"}]}', "speaker"),
        ('{"title": "x", "segments": [{"kind": "anchor", "text": "", "voice": "fake-anchor"}]}', "'text'"),
    ],
)
def test_malformed_edited_script(tmp_path: Path, content: str, needle: str) -> None:
    edited = _write(tmp_path / "edited.json", content.encode())
    assert_one_line_error(radio("episode", "--script", str(edited), "--engine", "fake", cwd=tmp_path), needle)


def test_missing_ffmpeg_says_what_to_install(tmp_path: Path, short_article: Path) -> None:
    bare = tmp_path / "bin"
    bare.mkdir()
    proc = radio(
        "episode",
        str(short_article),
        "--engine",
        "fake",
        "--out",
        str(tmp_path / "out"),
        cwd=tmp_path,
        env={"PATH": str(bare)},
    )
    assert_one_line_error(proc, "apt-get install ffmpeg")


def test_missing_espeak_says_what_to_install(tmp_path: Path, short_article: Path) -> None:
    bare = tmp_path / "bin"
    bare.mkdir()
    for tool in ("ffmpeg", "ffprobe"):
        (bare / tool).symlink_to(shutil.which(tool) or f"/usr/bin/{tool}")
    proc = radio("episode", str(short_article), "--out", str(tmp_path / "out"), cwd=tmp_path, env={"PATH": str(bare)})
    assert_one_line_error(proc, "apt-get install espeak-ng")


def test_windows_1252_and_bom_articles(tmp_path: Path) -> None:
    text = (
        "Council votes on the harbour budget tonight\n\n"
        "“We will decide it tonight,” said Ana Ruiz, the council’s leader.\n"
    )
    for name, data in (
        ("cp1252.txt", text.encode("cp1252")),
        ("bom.txt", b"\xef\xbb\xbf" + text.encode("utf-8")),
    ):
        path = _write(tmp_path / name, data)
        proc = radio("script", str(path), "--json", "--engine", "fake", cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        script = json.loads(proc.stdout)
        assert script["title"] == "Council votes on the harbour budget tonight"
        assert any(s["text"] == "We will decide it tonight," for s in script["segments"])


def _png(width: int, height: int) -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x20\x40\x60" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def test_a_failed_quality_check_keeps_the_files_and_exits_3(tmp_path: Path, short_article: Path) -> None:
    config = _write(tmp_path / "radio.toml", b"[audio]\npause_between_paragraphs_ms = 4000\n")  # dead air
    out = tmp_path / "out"
    proc = radio(
        "episode", str(short_article), "--engine", "fake", "--config", str(config), "--out", str(out), "--json",
        cwd=tmp_path,
    )  # fmt: skip
    assert proc.returncode == 3 and "Traceback" not in proc.stderr  # rendered, but not fit to air
    shown = json.loads(proc.stdout)
    assert shown["fit_to_air"] is False and shown["failed_checks"][0].startswith("dead_air")
    last = proc.stderr.strip().splitlines()[-1]  # after the progress log: one line that says what failed
    assert last.startswith("radio: error: not fit to air: dead_air: longest silence"), last
    report = json.loads(next(out.glob("*.report.json")).read_text(encoding="utf-8"))
    assert report["fit_to_air"] is False and report["checks"]["dead_air"]["passed"] is False
    assert len(list(out.glob("*.mp3"))) == 1


def test_a_cover_of_the_wrong_size_is_refused_before_any_audio_work(tmp_path: Path, short_article: Path) -> None:
    small = _write(tmp_path / "small.png", _png(600, 600))
    out = tmp_path / "out"
    proc = radio(
        "episode", str(short_article), "--engine", "fake", "--cover", str(small), "--out", str(out), cwd=tmp_path
    )
    assert_one_line_error(proc, "is 600x600 px; use a square JPEG or PNG of 1400-3000 px")
    assert not out.exists()


def test_cover_that_is_not_an_image(tmp_path: Path, short_article: Path) -> None:
    bad = _write(tmp_path / "cover.png", b"GIF89a not really")
    out = tmp_path / "out"
    proc = radio(
        "episode", str(short_article), "--engine", "fake", "--cover", str(bad), "--out", str(out), cwd=tmp_path
    )
    assert_one_line_error(proc, "not a readable PNG or JPEG")
    assert not out.exists() or not any(out.iterdir())


def test_episode_from_standard_input(tmp_path: Path) -> None:
    from tests.conftest import SHORT_ARTICLE

    out = tmp_path / "out"
    proc = radio("episode", "-", "--engine", "fake", "--out", str(out), cwd=tmp_path, stdin=SHORT_ARTICLE)
    assert proc.returncode == 0, proc.stderr
    assert Path(proc.stdout.strip()).name == "ferry-service-returns-to-the-island-after-a-month-of-repairs.mp3"


def test_names_lists_what_the_lexicon_does_not_cover(tmp_path: Path, sample_article: Path) -> None:
    proc = radio("names", str(sample_article), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    words = {line.split("\t")[0] for line in proc.stdout.splitlines()}
    assert {"Porthaven", "Gwen Alder", "Elden"} <= words
    (tmp_path / "radio.toml").write_text('[lexicon]\nPorthaven = "porth-HAY-ven"\n', encoding="utf-8")
    proc = radio("names", str(sample_article), cwd=tmp_path)
    assert "Porthaven" not in {line.split("\t")[0] for line in proc.stdout.splitlines()}


def test_say_writes_the_phrase_through_the_lexicon(tmp_path: Path) -> None:
    from mutagen.mp3 import MP3

    (tmp_path / "radio.toml").write_text('[lexicon]\nPorthaven = "porth-HAY-ven"\n', encoding="utf-8")
    out = tmp_path / "say.mp3"
    proc = radio("say", "Porthaven", "on", "Oct.", "16", "--out", str(out), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "said: porth-hay-ven on October sixteenth" in proc.stderr
    assert 0.5 < MP3(str(out)).info.length < 5


def test_say_rejects_an_unknown_file_type(tmp_path: Path) -> None:
    proc = radio("say", "hello", "--out", str(tmp_path / "x.doc"), "--engine", "fake", cwd=tmp_path)
    assert_one_line_error(proc, "use .mp3, .wav")
