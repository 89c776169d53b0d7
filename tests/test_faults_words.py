"""Fault injection on the words side, run as a user runs radio: a subprocess,
real exit codes. Each bad input gives one line ``radio: error: ...``, exit
status 1, and nothing under a final name; each input that is only partly bad
is read with a warning and the bad part dropped."""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.test_cli import assert_one_line_error, radio

STORY = (
    "Harbour wall approved after a long night of debate\n\n"
    "The council voted on Tuesday to build a new harbour wall before the winter storms.\n\n"
    "“We cannot wait another year,” said Mara Lind, who chairs the harbour board.\n\n"
    "Work is due to start in March and to take about eight months.\n"
)


def nothing_published(out: Path) -> bool:
    """No file under a final name (and no temporary folder) in the output folder."""
    return not out.exists() or not any(out.iterdir())


def episode(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    out = tmp_path / "out"
    return radio("episode", *args, "--engine", "fake", "--out", str(out), cwd=tmp_path), out


def script_json(tmp_path: Path, article: Path) -> tuple[subprocess.CompletedProcess[str], dict]:  # type: ignore[type-arg]
    proc = radio("script", str(article), "--json", "--engine", "fake", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    return proc, json.loads(proc.stdout)


def warnings(proc: subprocess.CompletedProcess[str]) -> list[str]:
    lines = proc.stderr.strip().splitlines()
    assert all(line.startswith("radio: ") for line in lines), proc.stderr
    assert "Traceback" not in proc.stderr
    return lines


def edited(tmp_path: Path, **changes: object) -> Path:
    """A valid edited script with the second segment changed."""
    second = {"kind": "anchor", "text": "The wall is approved.", "voice": "fake-anchor", "paragraph": 0}
    second.update(changes)
    data = {
        "title": "Harbour wall approved",
        "engine": "fake",
        "segments": [
            {"kind": "intro", "text": "This is Test Radio.", "voice": "fake-anchor"},
            second,
            {"kind": "anchor", "text": "Work starts in March.", "voice": "fake-anchor", "paragraph": 1},
        ],
    }
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


# --- item 2: a segment with nothing to say ---------------------------------------


def test_an_edited_segment_with_no_words_is_dropped_with_a_warning(tmp_path: Path) -> None:
    script = edited(tmp_path, text=".", spoken=".")
    proc, out = episode(tmp_path, "--script", str(script), "--dry-run")
    assert proc.returncode == 0, proc.stderr
    assert [line for line in warnings(proc) if "no words to say" in line] != []
    assert "anchor" in proc.stdout and "Work starts in March." in proc.stdout
    assert "said:    .\n" not in proc.stdout  # the "." segment is not in the running order
    assert sum(line.startswith("     said: ") for line in proc.stdout.splitlines()) == 2
    assert nothing_published(out)


def test_an_edited_spoken_text_is_cleaned_before_voicing(tmp_path: Path) -> None:
    script = edited(tmp_path, spoken="The wall\x00 is 🙂 approved \u202e مرحبا بكم today.")
    proc, out = episode(tmp_path, "--script", str(script), "--dry-run")
    assert proc.returncode == 0, proc.stderr
    assert warnings(proc) == [
        f"radio: {script}: segment 2: dropped 2 words in Arabic script, which the voice cannot read"
    ]
    assert "  2  anchor " in proc.stdout and "     said:    The wall is approved today.\n" in proc.stdout
    assert nothing_published(out)


def test_an_edited_script_with_only_empty_segments_is_refused(tmp_path: Path) -> None:
    data = {
        "title": "Nothing",
        "segments": [{"kind": "anchor", "text": "…", "spoken": "…", "voice": "fake-anchor", "paragraph": 0}],
    }
    path = tmp_path / "empty.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    proc, out = episode(tmp_path, "--script", str(path))
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines()[-1].startswith("radio: error: ")
    assert "no anchor or quote segment with words to say" in proc.stderr
    assert nothing_published(out)


# --- items 5 and 13: malformed edited scripts --------------------------------------


def test_a_script_nested_100000_levels_deep(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"segments": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    proc, out = episode(tmp_path, "--script", str(path))
    assert_one_line_error(proc, "nested too deeply")
    assert nothing_published(out)


def test_an_oversized_edited_script_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as fh:  # a sparse gigabyte
        fh.truncate(2**30)
    proc, out = episode(tmp_path, "--script", str(path))
    assert_one_line_error(proc, "larger than 64 MB; is this really an edited script?")
    assert nothing_published(out)


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        ({"speaker_title": 5}, "'speaker_title' must be a string or null"),
        ({"speaker_title": ["a"]}, "'speaker_title' must be a string or null"),
        ({"speaker_title": "x" * 301}, "longer than 300 characters"),
        ({"paragraph": 10**30}, "'paragraph' must be -1 (intro, outro) or an article paragraph 0 to 100000"),
        ({"paragraph": -5}, "not -5"),
        ({"paragraph": 100_001}, "not 100001"),
    ],
)
def test_out_of_range_fields_in_an_edited_script(tmp_path: Path, change: dict[str, object], needle: str) -> None:
    proc, out = episode(tmp_path, "--script", str(edited(tmp_path, **change)))
    assert_one_line_error(proc, needle)
    assert nothing_published(out)


# --- item 7: a UTF-8 article with a few bad bytes ------------------------------------


def test_one_invalid_byte_leaves_an_article_utf8(tmp_path: Path) -> None:
    data = STORY.replace("eight months", "eight months \udcff").encode("utf-8", errors="surrogateescape")
    article = tmp_path / "story.txt"
    article.write_bytes(data)
    proc, script = script_json(tmp_path, article)
    assert warnings(proc) == [f"radio: {article}: 1 invalid UTF-8 sequence; read as UTF-8 with it replaced"]
    quotes = [s for s in script["segments"] if s["kind"] == "quote"]
    assert [q["text"] for q in quotes] == ["We cannot wait another year,"]
    assert all("â" not in s["text"] and "\ufffd" not in s["spoken"] for s in script["segments"])


def test_a_real_windows_1252_article_is_still_read_as_such(tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_bytes(STORY.replace("Work", "Café work").encode("cp1252"))
    proc, script = script_json(tmp_path, article)
    assert warnings(proc) == []
    assert [s["text"] for s in script["segments"] if s["kind"] == "quote"] == ["We cannot wait another year,"]
    assert any("Café work" in s["text"] for s in script["segments"])


# --- item 8: emoji, controls, bidi, scripts the voice cannot read ---------------------


def test_emoji_controls_and_bidi_marks_are_never_voiced(tmp_path: Path) -> None:
    story = STORY.replace("Tuesday", "Tuesday 🙂👍🏽").replace("eight months", "eight\u202e months\x00 of work")
    story = story.replace("harbour board", "harbour\u200b board 🇬🇧")
    article = tmp_path / "story.txt"
    article.write_text(story, encoding="utf-8")
    _, script = script_json(tmp_path, article)
    spoken = " ".join(s["spoken"] for s in script["segments"])
    text = " ".join(s["text"] for s in script["segments"])
    for bad in ("🙂", "👍", "🏽", "\u202e", "\x00", "\u200b", "🇬"):
        assert bad not in spoken and bad not in text
    assert "eight months of work" in text  # the NUL no longer cuts the paragraph short
    assert "Mara Lind" in [s["speaker"] for s in script["segments"]]


def test_words_in_a_script_the_voice_cannot_read_are_dropped_with_a_warning(tmp_path: Path) -> None:
    story = STORY.replace("before the winter storms.", "before the winter storms. مرحبا بكم في الميناء")
    article = tmp_path / "story.txt"
    article.write_text(story, encoding="utf-8")
    proc, script = script_json(tmp_path, article)
    assert warnings(proc) == [f"radio: {article}: dropped 4 words in Arabic script, which the voice cannot read"]
    assert all(not any("\u0600" <= ch <= "\u06ff" for ch in s["spoken"] + s["text"]) for s in script["segments"])
    assert any(s["text"].endswith("before the winter storms.") for s in script["segments"])


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_an_english_paragraph_ending_in_arabic_keeps_its_english(tmp_path: Path, suffix: str) -> None:
    """Story finding once took the quote's paragraph, with Arabic after it, for page chrome:
    the quote and every paragraph after it went, with no warning."""
    story = STORY.replace("harbour board.", "harbour board. مرحبا بكم في الميناء الجديد")
    story += "\nمرحبا بكم\n\nThe first stones arrive next week.\n"  # and a line of nothing else
    article = tmp_path / f"story{suffix}"
    article.write_text(story if suffix == ".txt" else f"# {story}", encoding="utf-8")
    proc, script = script_json(tmp_path, article)
    assert warnings(proc) == [f"radio: {article}: dropped 7 words in Arabic script, which the voice cannot read"]
    assert [s["text"] for s in script["segments"] if s["kind"] == "quote"] == ["We cannot wait another year,"]
    texts = [s["text"] for s in script["segments"]]
    assert "Work is due to start in March and to take about eight months." in texts
    assert "The first stones arrive next week." in texts
    assert not any("\u0600" <= ch <= "\u06ff" for s in script["segments"] for ch in s["spoken"] + s["text"])


@pytest.mark.parametrize("suffix", [".html", ".md"])
def test_a_headline_all_in_another_script_gives_way_to_the_first_sentence(tmp_path: Path, suffix: str) -> None:
    """The Greek words went and left ":" (HTML) or "#:" (Markdown) as the title, read in the intro."""
    headline = "Νέα γέφυρα: Ελλάδα"
    body = [
        "The new bridge over the river opened on Monday morning after three years of building work.",
        "Traffic moved freely across it within an hour, and the mayor promised a festival on the banks.",
        "Shops along the quay stayed open late, and the old ferry made its last trip at dusk.",
    ]
    article = tmp_path / f"bridge{suffix}"
    if suffix == ".html":
        paragraphs = "".join(f"<p>{p}</p>" for p in body)
        page = f"<html><head><title>{headline}</title></head><body><article><h1>{headline}</h1>{paragraphs}"
        article.write_text(page + "</article></body></html>", encoding="utf-8")
    else:
        article.write_text(f"# {headline}\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
    proc, script = script_json(tmp_path, article)
    assert proc.returncode == 0, proc.stderr
    assert script["title"].startswith("The new bridge over the river opened")
    intro = script["segments"][0]["spoken"]
    assert "#" not in intro and ":." not in intro and "Ν" not in intro


def test_an_article_mostly_in_another_script_is_refused(tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    arabic = "قال المجلس يوم الثلاثاء إنه سيبني جدارا جديدا للميناء قبل عواصف الشتاء."
    article.write_text(f"Harbour news\n\n{arabic}\n\n{arabic} Work starts in March.\n", encoding="utf-8")
    proc, out = episode(tmp_path, str(article))
    assert_one_line_error(proc, "most of the article is in Arabic script, which the voice cannot read")
    assert nothing_published(out)


# --- item 9: a table is not an article -----------------------------------------------


@pytest.mark.parametrize(
    "table",
    [
        "| Team | Points |\n| --- | --- |\n| Reds | 12 |\n| Blues | 9 |\n",
        "Team | Points\n--- | ---\nReds | 12\nBlues | 9\n",
    ],
)
def test_a_markdown_file_that_is_only_a_table_is_refused(tmp_path: Path, table: str) -> None:
    article = tmp_path / "table.md"
    article.write_text(table, encoding="utf-8")
    proc, out = episode(tmp_path, str(article))
    assert_one_line_error(proc, "no article text left after cleaning")
    assert nothing_published(out)
    proc = radio("script", "-", "--engine", "fake", cwd=tmp_path, stdin=table)  # no file name to go by
    assert_one_line_error(proc, "no article text left after cleaning")


# --- markup that never closes: linear time, not a hang -----------------------------

HOSTILE_MARKDOWN = {
    "a list nested 2,500 deep": "".join("  " * depth + "- item\n" for depth in range(2500)),
    "emphasis never closed": "*a " * 100_000,
    "links never closed": "[a](" * 400_000,
    "a heading with a long gap": "## a" + " " * 100_000 + "b",
}


@pytest.mark.parametrize("markup", list(HOSTILE_MARKDOWN))
def test_markdown_that_never_closes_is_read_without_hanging(tmp_path: Path, markup: str) -> None:
    """Each took hours (cubic or quadratic backtracking in the Markdown patterns); the
    300 s timeout of ``radio`` below is the hang guard, not a speed target."""
    article = tmp_path / "story.md"
    article.write_text(f"# {STORY}\n{HOSTILE_MARKDOWN[markup]}\n", encoding="utf-8")
    _, script = script_json(tmp_path, article)
    assert [s["text"] for s in script["segments"] if s["kind"] == "quote"] == ["We cannot wait another year,"]


HOSTILE_SAMPLES = {  # format detection reads the first 64 KB
    "links never closed": "[a](" * 16_000,
    "strong emphasis never closed": "**a " * 16_000,
    "a table row, then a long gap": "a -| b\n" + " " * 64_000 + "x",
}


@pytest.mark.parametrize("sample", list(HOSTILE_SAMPLES))
def test_format_detection_of_markup_that_never_closes_does_not_hang(sample: str) -> None:
    """Each took a minute or more of backtracking (quadratic in the 64 KB sample) and now
    takes milliseconds; the 20 s timeout is a hang guard, not a speed target."""
    code = "import sys; from radio.words.ingest.detect import detect_format as d; print(d(sys.stdin.buffer.read()))"
    proc = subprocess.run(
        [sys.executable, "-c", code], input=HOSTILE_SAMPLES[sample], capture_output=True, text=True, timeout=20
    )
    assert proc.returncode == 0 and proc.stdout == "text\n", proc.stderr


# --- item 13: third-party log lines, names in a batch, size -------------------------


def test_third_party_log_lines_stay_quiet(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><body></body></html>", encoding="utf-8")
    proc, out = episode(tmp_path, str(page))
    assert_one_line_error(proc, "no article in the page")  # and no "radio: discarding data: None"
    assert nothing_published(out)


def test_names_reports_each_bad_article_and_carries_on(tmp_path: Path) -> None:
    good = tmp_path / "story.txt"
    good.write_text(STORY, encoding="utf-8")
    proc = radio("names", str(tmp_path / "missing.txt"), str(good), str(tmp_path), cwd=tmp_path)
    assert proc.returncode == 1
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 2 and all(line.startswith("radio: error: ") for line in errors), proc.stderr
    assert "no such file" in errors[0] and "is a directory" in errors[1]
    assert f"# {good}" in proc.stdout and "Mara" in proc.stdout


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    article = tmp_path / "huge.txt"
    with article.open("wb") as fh:  # a sparse gigabyte: refused on its size, not read
        fh.truncate(2**30)
    proc, out = episode(tmp_path, str(article))
    assert_one_line_error(proc, "larger than 10 MB")
    assert nothing_published(out)


def test_oversized_standard_input_is_refused(tmp_path: Path) -> None:
    proc = radio("script", "-", "--engine", "fake", cwd=tmp_path, stdin="word " * (2 * 2**20 + 10))
    assert_one_line_error(proc, "larger than 10 MB")


# --- item 4: a slow server -----------------------------------------------------------


class Dribbler(BaseHTTPRequestHandler):
    """Sends a page one byte at a time, never faster than the read timeout."""

    protocol_version = "HTTP/1.1"
    interval_s = 0.4

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        with contextlib.suppress(OSError):
            if self.path == "/headers":
                for byte in b"HTTP/1.1 200 OK\r\nX-Padding: " + b"x" * 10_000:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(self.interval_s)
                return
            body = STORY.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body) if self.path == "/body" else len(body) + 500))
            self.end_headers()
            if self.path == "/short":  # promises 500 bytes more than it sends, then closes
                self.wfile.write(body)
                self.wfile.flush()
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            for byte in body:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(self.interval_s)


@pytest.fixture(scope="module")
def dribbler() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Dribbler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("path", ["/body", "/headers"])
def test_a_dribbling_server_fails_within_the_configured_deadline(tmp_path: Path, dribbler: str, path: str) -> None:
    (tmp_path / "radio.toml").write_text("[ingest]\nfetch_timeout_s = 2\n", encoding="utf-8")
    start = time.monotonic()
    proc, out = episode(tmp_path, dribbler + path)
    elapsed = time.monotonic() - start
    assert_one_line_error(proc, "the download took longer than 2 s")
    assert elapsed < 60  # not the hours a byte every 0.4 s would take (the benchmark keeps timings)
    assert nothing_published(out)


def test_a_body_shorter_than_its_content_length(tmp_path: Path, dribbler: str) -> None:
    proc, out = episode(tmp_path, dribbler + "/short")
    assert_one_line_error(proc, f"the download was cut short ({len(STORY.encode())} of")
    assert nothing_published(out)


def test_the_fetch_deadline_setting_is_checked(tmp_path: Path) -> None:
    (tmp_path / "radio.toml").write_text("[ingest]\nfetch_timeout_s = 0\n", encoding="utf-8")
    proc = radio("script", "-", cwd=tmp_path, stdin=STORY)
    assert_one_line_error(proc, "fetch_timeout_s must be between 1 and 600 seconds")
