"""`radio batch`: isolation, resumption, incremental runs, concurrent runs, Dask. The fake engine
(through the real registry) stands at the engine boundary; everything after it runs for real."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from radio.batch import find_articles, run_batch
from radio.config import Settings
from radio.publish.catalog import CATALOG_NAME, Catalog
from radio.publish.lock import FolderLock
from radio.sound.engines.fake import CRASH_MARKER, HANG_MARKER
from tests.helpers import radio_wide as radio

ROOT = Path(__file__).resolve().parent.parent

STORY = """{title}
By Sam Ortega
SANDHOLM, Norway — The {thing} returned on Monday after {weeks} weeks of repairs.
“We missed it more than we expected,” said Ingrid Vale, who runs the island's only shop.
The operator said crossings would run every {hours} hours from {day}.
{extra}
"""


def write_story(folder: Path, name: str, title: str, extra: str = "", **facts: object) -> Path:
    values = {"thing": "ferry", "weeks": 4, "hours": 2, "day": "Tuesday", **facts}
    path = folder / name
    path.write_text(STORY.format(title=title, extra=extra, **values), encoding="utf-8")
    return path


def start_radio(*args: str, cwd: Path, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "radio", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "COLUMNS": "300", **env},
    )


def assert_consistent(out: Path) -> list[str]:
    """Every done row points at complete files whose checksum matches; every MP3 has one row;
    nothing temporary is left under the output folder. Returns the MP3 names."""
    mp3s = sorted(p.name for p in out.glob("*.mp3"))
    with Catalog.open(out) as catalog:
        done = catalog.episodes()
    assert sorted(e.mp3_name for e in done) == mp3s
    assert len({e.source for e in done}) == len(done)
    for entry in done:
        assert hashlib.sha256((out / entry.mp3_name).read_bytes()).hexdigest() == entry.mp3_sha256
        assert (out / entry.mp3_name).stat().st_size == entry.size_bytes
        for name in entry.sidecars.values():
            assert (out / name).is_file()
        report = json.loads((out / entry.sidecars["report"]).read_text(encoding="utf-8"))
        assert report["mp3"]["size_bytes"] == entry.size_bytes
    leftovers = [p.name for p in out.iterdir() if p.name.startswith(".radio-") or p.name.endswith(".tmp")]
    assert leftovers == []
    return mp3s


def assert_nothing_half_written(out: Path) -> None:
    """Every file under a final name is whole: each MP3 decodes to its end, each JSON sidecar parses,
    each subtitle file is complete; every done row matches its files (a killed run may leave finished
    files without a row, never a row without its files)."""
    with Catalog.open(out) as catalog:
        done = catalog.episodes()
    for entry in done:
        assert hashlib.sha256((out / entry.mp3_name).read_bytes()).hexdigest() == entry.mp3_sha256
        assert all((out / name).is_file() for name in entry.sidecars.values())
    for mp3 in out.glob("*.mp3"):
        decoded = subprocess.run(
            ["ffmpeg", "-v", "error", "-xerror", "-i", str(mp3), "-f", "null", "-"], capture_output=True, text=True
        )
        assert decoded.returncode == 0 and decoded.stderr == "", (mp3.name, decoded.stderr)
    for sidecar in out.glob("*.json"):
        json.loads(sidecar.read_text(encoding="utf-8"))
    for vtt in out.glob("*.vtt"):
        assert vtt.read_text(encoding="utf-8").startswith("WEBVTT")
    assert {p.stem for p in out.glob("*.mp3")} >= {e.mp3_name[:-4] for e in done}


def test_find_articles_takes_every_format_and_skips_hidden_and_output(tmp_path: Path) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    every = ["a.txt", "b.md", "c.html", "d.htm", "h.markdown", "i.mdown", "j.mkd", "k.xhtml", "l.shtml", "M.TXT"]
    for name in (*every, "e.pdf", "n.mp3", ".hidden.txt", "sub/f.txt"):
        (tmp_path / "in" / name).write_text("x", encoding="utf-8")
    (tmp_path / "in" / "out").mkdir()
    (tmp_path / "in" / "out" / "g.txt").write_text("x", encoding="utf-8")
    (tmp_path / "in" / "folder.txt").mkdir()  # a folder named like an article is not one
    names = [Path(p).name for p in find_articles([str(tmp_path / "in")])]
    assert names == sorted(every)  # every format radio episode reads, whatever the case of the name
    deep = find_articles([str(tmp_path / "in")], recursive=True, skip=tmp_path / "in" / "out")
    assert [Path(p).name for p in deep] == [*sorted(every), "f.txt"]
    assert [Path(p).name for p in find_articles([str(tmp_path / "in")], ["*.md"])] == ["b.md"]
    direct = find_articles([str(tmp_path / "in" / "e.pdf"), str(tmp_path / "in" / "a.txt")])
    assert [Path(p).name for p in direct] == ["e.pdf", "a.txt"]


def test_mixed_folder_good_ones_become_episodes_the_others_fail_with_reasons(tmp_path: Path) -> None:
    folder = tmp_path / "tonight"
    folder.mkdir()
    write_story(folder, "ferry.txt", "Ferry service returns to the island")
    write_story(folder, "bridge.txt", "Bridge reopens after the storm", thing="bridge", weeks=6)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "nav.html").write_text(
        "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a> <a href='/news'>News</a>"
        "</nav></body></html>",
        encoding="utf-8",
    )
    write_story(folder, "hangs.txt", "Harbour dredging begins", extra=f"The survey boat was called {HANG_MARKER}.")
    write_story(folder, "crashes.txt", "Quay crane fails", extra=f"The crane's name is {CRASH_MARKER}.")
    out = tmp_path / "out"
    args = ("batch", str(folder), "--out", str(out), "-e", "fake", "--workers", "2", "--timeout-s", "25")
    proc = radio(*args, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    assert sorted(p.name for p in out.glob("*.mp3")) == [
        "bridge-reopens-after-the-storm.mp3",
        "ferry-service-returns-to-the-island.mp3",
    ]
    assert_consistent(out)
    with Catalog.open(out) as catalog:
        rows = {Path(e.source).name: e for e in catalog.episodes(include_failed=True)}
    assert {name for name, e in rows.items() if e.status == "done"} == {"ferry.txt", "bridge.txt"}
    assert "is empty" in (rows["empty.txt"].reason or "")
    assert "binary" in (rows["binary.txt"].reason or "")
    assert "no article found" in (rows["nav.html"].reason or "")
    assert "timed out after 25 s" in (rows["hangs.txt"].reason or "")
    assert "exited with status 70" in (rows["crashes.txt"].reason or "")
    summary = proc.stdout
    assert "2 done, 0 unchanged, 5 failed" in summary
    for reason in ("is empty", "binary", "no article found", "timed out", "exited with status 70"):
        assert reason in summary, reason
    empty = str((folder / "empty.txt").resolve())
    assert f"failed {empty}: is empty" in proc.stderr  # the reason without the article's name again
    # Not a terminal: plain log lines, one per finished article.
    assert proc.stderr.count("] done ") == 2 and proc.stderr.count("] failed ") == 5


def test_second_run_redoes_nothing_and_an_edit_redoes_only_its_article(tmp_path: Path, fake_settings: Settings) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    stories = [write_story(folder, f"s{i}.txt", f"Story number {i} of the night", weeks=i + 2) for i in range(3)]
    out = tmp_path / "out"
    sources = find_articles([str(folder)])
    first = run_batch(sources, out, fake_settings, workers=2, timeout_s=120)
    assert len(first.of("done")) == 3
    assert all(o.cache_misses >= 2 for o in first.of("done"))  # the quote and the outro are shared: voiced once
    stamps = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    with Catalog.open(out) as catalog:
        ids = {e.source: (e.episode_id, e.number) for e in catalog.episodes()}

    second = run_batch(sources, out, fake_settings, workers=2, timeout_s=120)
    assert [o.status for o in second.outcomes] == ["unchanged"] * 3
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.suffix == ".mp3"} == {
        k: v for k, v in stamps.items() if k.endswith(".mp3")
    }

    text = stories[1].read_text(encoding="utf-8")
    stories[1].write_text(text.replace("Tuesday", "Wednesday"), "utf-8")
    third = run_batch(sources, out, fake_settings, workers=2, timeout_s=120)
    (redone,) = third.of("done")
    assert redone.source == str(stories[1]) and len(third.of("unchanged")) == 2
    assert redone.cache_misses == 1 and redone.cache_hits >= 4  # only the edited paragraph is voiced again
    with Catalog.open(out) as catalog:
        assert {e.source: (e.episode_id, e.number) for e in catalog.episodes()} == ids
    assert_consistent(out)

    louder = run_batch(sources, out, fake_settings.with_overrides(target_lufs=-23.0), workers=2, timeout_s=120)
    assert len(louder.of("done")) == 3  # a setting changed: every episode redone...
    assert all(o.cache_misses == 0 for o in louder.of("done"))  # ...but not one segment voiced again


def test_a_changed_title_replaces_the_old_files(tmp_path: Path, fake_settings: Settings) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    story = write_story(folder, "s.txt", "Old headline for the ferry")
    out = tmp_path / "out"
    run_batch([str(story)], out, fake_settings, workers=1, timeout_s=120)
    write_story(folder, "s.txt", "New headline for the ferry")
    run_batch([str(story)], out, fake_settings, workers=1, timeout_s=120)
    assert assert_consistent(out) == ["new-headline-for-the-ferry.mp3"]
    assert not list(out.glob("old-headline*"))


def test_two_articles_with_one_title_do_not_overwrite_each_other(tmp_path: Path, fake_settings: Settings) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write_story(folder, "a.txt", "Same headline twice", weeks=2)
    write_story(folder, "b.txt", "Same headline twice", weeks=9)
    summary = run_batch(find_articles([str(folder)]), tmp_path / "out", fake_settings, workers=2, timeout_s=120)
    assert len(summary.of("done")) == 1
    (failed,) = summary.of("failed")
    assert "has the same title" in (failed.reason or "")
    assert_consistent(tmp_path / "out")


def _wait_for(condition: object, timeout_s: float = 120.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.05)


def _done_rows(out: Path) -> int:
    if not (out / CATALOG_NAME).exists():
        return 0
    try:
        with sqlite3.connect(out / CATALOG_NAME, timeout=5) as db:
            return int(db.execute("SELECT count(*) FROM episodes WHERE status = 'done'").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT, signal.SIGTERM], ids=["kill-9", "ctrl-c", "kill"])
def test_a_killed_batch_leaves_nothing_half_written_and_the_rerun_completes(
    tmp_path: Path, how: signal.Signals
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(6):
        write_story(folder, f"s{i}.txt", f"Night story {i}", weeks=i + 1, extra="A longer closing paragraph. " * 6)
    out = tmp_path / "out"
    args = ("batch", str(folder), "--out", str(out), "-e", "fake", "--workers", "2")
    run = start_radio(*args, cwd=tmp_path)
    _wait_for(lambda: _done_rows(out) >= 1)
    run.send_signal(how)
    _, err = run.communicate(timeout=60)
    assert _done_rows(out) < 6
    if how != signal.SIGKILL:
        assert run.returncode == 128 + how and "Traceback" not in err
        assert err.strip().splitlines()[-1] == (
            f"radio: {'interrupted' if how == signal.SIGINT else 'stopped (SIGTERM)'}; finished episodes are kept "
            "and catalogued, nothing half-written is left under a final name; run the same command again to continue"
        )
        assert FolderLock(out).holder() is None  # released on the way out
    time.sleep(1.5)  # the orphaned workers notice their parent is gone and stop
    assert_nothing_half_written(out)  # as the kill left it, before any rerun tidies up
    rerun = radio(*args, cwd=tmp_path)
    assert rerun.returncode == 0, rerun.stderr
    assert len(assert_consistent(out)) == 6
    assert "0 failed" in rerun.stdout


def test_two_runs_at_once_the_second_names_the_first_or_waits(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(4):
        write_story(folder, f"s{i}.txt", f"Concurrent story {i}", weeks=i + 1)
    out = tmp_path / "out"
    args = ("batch", str(folder), "--out", str(out), "-e", "fake", "--workers", "1")
    first = start_radio(*args, cwd=tmp_path)
    _wait_for(lambda: FolderLock(out).holder() is not None)
    refused = radio(*args, cwd=tmp_path)
    assert refused.returncode == 1
    assert f"is in use by run pid {first.pid} (radio batch" in refused.stderr
    assert "Traceback" not in refused.stderr
    queued = radio(*args, "--wait", cwd=tmp_path)
    _, first_err = first.communicate(timeout=600)
    assert first.returncode == 0, first_err
    assert queued.returncode == 0, queued.stderr
    assert "0 done, 4 unchanged, 0 failed" in queued.stdout
    assert len(assert_consistent(out)) == 4
    assert_episode_refused_while_batch_holds(out, tmp_path)


def assert_episode_refused_while_batch_holds(out: Path, cwd: Path) -> None:
    lock = FolderLock(out, "radio batch /somewhere")
    lock.acquire()
    try:
        story = write_story(cwd, "single.txt", "A single episode")
        proc = radio("episode", str(story), "--out", str(out), "-e", "fake", cwd=cwd)
        assert proc.returncode == 1
        assert f"in use by run pid {os.getpid()} (radio batch /somewhere)" in proc.stderr
    finally:
        lock.release()


def test_episode_is_catalogued_and_a_batch_then_skips_it(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    story = write_story(folder, "one.txt", "The one story")
    out = tmp_path / "out"
    proc = radio("episode", str(story), "--out", str(out), "-e", "fake", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    listed = radio("list", str(out), "--json", cwd=tmp_path)
    (row,) = [json.loads(line) for line in listed.stdout.splitlines()]
    assert row["source"] == str(story) and row["status"] == "done" and row["mp3_name"] == "the-one-story.mp3"
    again = radio("batch", str(folder), "--out", str(out), "-e", "fake", "--quiet", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "0 done, 1 unchanged, 0 failed" in again.stdout
    assert again.stderr == ""  # --quiet: only the summary
    (out / CATALOG_NAME).write_bytes(b"garbage" * 1000)
    broken = radio("list", str(out), cwd=tmp_path)
    assert broken.returncode == 1 and "radio catalog rebuild" in broken.stderr
    rebuilt = radio("catalog", "rebuild", str(out), cwd=tmp_path)
    assert rebuilt.returncode == 0 and "1 episodes" in rebuilt.stdout
    relisted = radio("list", str(out), "--json", cwd=tmp_path)
    assert json.loads(relisted.stdout)["episode_id"] == row["episode_id"]


def test_dask_local_cluster_makes_the_same_episodes(tmp_path: Path, fake_settings: Settings) -> None:
    from dask import distributed  # in the test extra: this test runs wherever the suite does, never skipped

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        write_story(folder, f"s{i}.txt", f"Cluster story {i}", weeks=i + 3)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    sources = find_articles([str(folder)])
    local = run_batch(sources, tmp_path / "local", fake_settings, workers=2, timeout_s=120)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        remote = run_batch(
            sources, tmp_path / "dask", fake_settings, workers=2, timeout_s=120, scheduler=cluster.scheduler_address
        )

    def shape(summary: object) -> list[tuple[str, str, str]]:
        return sorted((o.source, o.status, o.mp3_name) for o in summary.outcomes)  # type: ignore[attr-defined]

    assert shape(remote) == shape(local)
    assert len(remote.of("done")) == 3
    by_source = {o.source: o.duration_ms for o in local.of("done")}
    assert {o.source: o.duration_ms for o in remote.of("done")} == by_source
    assert assert_consistent(tmp_path / "dask") == assert_consistent(tmp_path / "local")
    for name in assert_consistent(tmp_path / "local"):
        script = name.replace(".mp3", ".script.json")
        assert (tmp_path / "dask" / script).read_text(encoding="utf-8") == (tmp_path / "local" / script).read_text(
            encoding="utf-8"
        )


def test_a_full_disk_and_a_failed_quality_check_fail_their_articles_alone(tmp_path: Path) -> None:
    """ffmpeg stands in for a full disk while one article's MP3 is encoded (a stub at the program
    boundary that runs the real ffmpeg for everything else); the other articles are made. Then a
    setting that puts dead air in every episode: each is recorded as failed, not fit to air, with the
    check that failed, and its files are kept."""
    folder = tmp_path / "in"
    folder.mkdir()
    write_story(folder, "ferry.txt", "Ferry service returns")
    write_story(folder, "crane.txt", "Quay crane fails", thing="crane")
    stubs = tmp_path / "bin"
    stubs.mkdir()
    (stubs / "ffmpeg").write_text(
        "#!/bin/sh\n"
        'case "$*" in *libmp3lame*quay-crane-fails*) echo "quay-crane-fails.mp3: No space left on device" >&2; '
        "exit 1;; esac\n"
        f'exec {shutil.which("ffmpeg")} "$@"\n',
        encoding="utf-8",
    )
    (stubs / "ffmpeg").chmod(0o755)
    out = tmp_path / "out"
    args = ("batch", str(folder), "--out", str(out), "-e", "fake", "--workers", "2")
    full = start_radio(*args, cwd=tmp_path, PATH=f"{stubs}{os.pathsep}{os.environ['PATH']}")
    stdout, stderr = full.communicate(timeout=600)
    assert full.returncode == 1 and "Traceback" not in stderr
    assert "1 done, 0 unchanged, 1 failed" in stdout
    with Catalog.open(out) as catalog:
        rows = {Path(e.source).name: e for e in catalog.episodes(include_failed=True)}
    assert rows["ferry.txt"].status == "done"
    assert rows["crane.txt"].status == "failed" and "no space left" in (rows["crane.txt"].reason or "")
    assert assert_consistent(out) == ["ferry-service-returns.mp3"]

    (tmp_path / "radio.toml").write_text("[audio]\npause_between_paragraphs_ms = 4000\n", encoding="utf-8")
    dead_air = radio(*args, cwd=tmp_path)
    assert dead_air.returncode == 1 and "Traceback" not in dead_air.stderr
    assert "0 done, 0 unchanged, 2 failed" in dead_air.stdout
    assert dead_air.stdout.count("not fit to air: dead_air") == 2
    listed = radio("list", str(out), cwd=tmp_path)
    assert listed.stdout.count("FAILED") == 2 and "not fit to air: dead_air" in listed.stdout
    assert sorted(p.name for p in out.glob("*.mp3")) == ["ferry-service-returns.mp3", "quay-crane-fails.mp3"]
    with Catalog.open(out) as catalog:
        assert catalog.episodes() == []  # nothing fit to air: nothing for the feed


def test_on_a_terminal_a_live_display_and_one_worker_per_core_by_default(tmp_path: Path) -> None:
    """Standard error on a terminal (a pseudo-terminal here): the live display shows the overall bar,
    done/failed/left, minutes of audio, time left and what each worker does. No --workers: one
    worker per core (as many as there are articles at most)."""
    import pty
    import threading

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        write_story(folder, f"s{i}.txt", f"Terminal story {i}", weeks=i + 2)
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "radio", "batch", str(folder), "--out", str(tmp_path / "out"), "-e", "fake"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=follower,
        text=True,
        env={**os.environ, "COLUMNS": "200", "TERM": "xterm"},
    )
    os.close(follower)
    screen: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the other end closed
                return
            if not chunk:
                return
            screen.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    stdout, _ = proc.communicate(timeout=600)
    reader.join(10)
    os.close(leader)
    shown = b"".join(screen).decode("utf-8", errors="replace")
    assert proc.returncode == 0, shown
    for needle in ("done 3", "failed 0", "left 0", "min of audio made", "time left", "worker 1", "voicing"):
        assert needle in shown, needle
    workers = min(os.cpu_count() or 1, 3)
    assert f"on {workers} workers" in stdout
    if workers > 1:
        assert "worker 2" in shown
    assert "[1/3]" not in shown  # the live display, not the plain log lines


def test_a_worker_loads_the_engine_once_for_all_its_articles(
    tmp_path: Path, fake_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a batch worker process runs for each job: the engine (with its model, for Piper) is made
    on the first article and kept for the next ones."""
    import radio.sound.engines
    from radio.batch import work

    made: list[str] = []
    real = radio.sound.engines.get_engine

    def counting(name: str, *args: object, **kwargs: object) -> object:
        made.append(name)
        return real(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(radio.sound.engines, "get_engine", counting)
    monkeypatch.setattr(work, "_STATES", {})
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(2):
        story = write_story(folder, f"s{i}.txt", f"Worker story {i}", weeks=i + 2)
        result = work.render_article(work.Job(str(story), work.content_hash(story)), tmp_path / "out", fake_settings)
        assert result.ok, result.reason
    assert made == ["fake"]


def test_what_decides_an_episode_decides_whether_it_is_redone(fake_settings: Settings) -> None:
    """The settings key: another engine or voice version, or a setting that changes the sound, redoes
    the episode; how the batch runs (workers, timeout, cache size) does not."""
    from radio.batch.work import settings_key

    key = settings_key(fake_settings, "espeak-ng 1.51")
    assert settings_key(fake_settings, "espeak-ng 1.52") != key  # the engine was upgraded
    assert settings_key(fake_settings.with_overrides(rate_wpm=170), "espeak-ng 1.51") != key
    assert settings_key(fake_settings.with_overrides(target_lufs=-23.0), "espeak-ng 1.51") != key
    run_only = fake_settings.with_overrides(workers=7, article_timeout_s=60.0, cache_limit_mb=10)
    assert settings_key(run_only, "espeak-ng 1.51") == key
