"""Faults at the engine and process boundary: a hung, crashing or silent engine,
a full disk, interrupts and kills at several moments, and the rerun after them.

The faults come from a third-party plugin engine (tests/plugins), resolved
through the real registry and run in the real worker process; ffmpeg, pydub
and pyttsx3 run for real.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from radio.config import Settings, validate
from radio.errors import ConfigError, EngineError
from radio.sound.engines import get_engine
from radio.sound.engines.fake import FakeEngine
from radio.sound.engines.worker import WorkerEngine
from radio.sound.voice import voice_piece
from radio.workdir import OWNER_FILE, process_start, remove_stale, work_folder

ROOT = Path(__file__).resolve().parent.parent
PLUGINS = ROOT / "tests" / "plugins"
WORKER = "radio.sound.engines.worker"  # in the command line of an engine's worker process
sys.path.insert(0, str(PLUGINS))

from radio_test_faults import FaultyEngine, FullDiskPyttsx3Engine  # noqa: E402

ARTICLE = """Harbour lights return after the winter repairs

The harbour lights were switched on again on Friday evening after three months of repairs.

"We waited a long time for this," said Mara Quist, who keeps the lighthouse on the point.

The council said the lights would stay on every night from dusk until dawn.

Fishing crews said the new lamps could be seen from far out at sea.

The work cost less than the council had planned, the treasurer said.
"""


def env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(PLUGINS), **extra}


def radio(*args: str, cwd: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "radio", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env(XDG_CONFIG_HOME=str(cwd), **extra),
        timeout=300,
        check=False,
    )


PROGRESS = ("radio: voicing ", "radio: mixed ")  # log lines of the stages that did finish


def one_line(stderr: str) -> str:
    lines = [line for line in stderr.strip().splitlines() if not line.startswith(PROGRESS)]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def article(tmp_path: Path, extra: str = "") -> Path:
    path = tmp_path / "harbour.txt"
    path.write_text(ARTICLE + extra, encoding="utf-8")
    return path


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir()) if out.is_dir() else []


# --- processes, read from /proc -----------------------------------------------------------


def _stat(pid: int) -> tuple[int, str, int] | None:
    """(parent pid, state, start time) of a live process."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    fields = text[text.rfind(")") + 2 :].split()
    return int(fields[1]), fields[0], int(fields[19])


def descendants(pid: int) -> dict[int, int]:
    """Every live process below ``pid``: pid -> start time."""
    parents: dict[int, list[int]] = {}
    starts: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (stat := _stat(int(entry.name))) and stat[1] != "Z":
            parents.setdefault(stat[0], []).append(int(entry.name))
            starts[int(entry.name)] = stat[2]
    found: dict[int, int] = {}
    todo = [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found[child] = starts[child]
            todo.append(child)
    return found


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def survivors(snapshot: dict[int, int], wait_s: float = 10.0) -> list[str]:
    """The processes of ``snapshot`` still running (not zombies) after up to ``wait_s``."""
    deadline = time.monotonic() + wait_s
    while True:
        alive = [pid for pid, start in snapshot.items() if (s := _stat(pid)) and s[1] != "Z" and s[2] == start]
        if not alive or time.monotonic() > deadline:
            return [cmdline(pid) for pid in alive]
        time.sleep(0.1)


def wait_for(condition: Callable[[], bool], what: str, timeout_s: float = 120.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.005)


needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc (Linux)")


# --- the worker, in-process tests ------------------------------------------------------------


def test_the_registry_runs_engines_in_a_worker_except_the_fake_one() -> None:
    assert isinstance(get_engine("fake"), FakeEngine)
    engine = get_engine("pyttsx3")
    assert isinstance(engine, WorkerEngine)
    assert engine.name == "pyttsx3" and engine.max_chars_per_call == 1500
    assert engine.cast_voices == engine.engine.cast_voices


def test_a_hung_engine_is_stopped_retried_once_then_fails_naming_the_text(tmp_path: Path) -> None:
    engine = WorkerEngine(FaultyEngine())
    text = "The tide came in zzhang and the harbour wall held against every wave of the storm."
    workers = {p for p in descendants(os.getpid()) if WORKER in cmdline(p)}  # other tests' engines
    with pytest.raises(EngineError) as caught:
        engine.voice_file(text, "fake-f1", tmp_path / "a.wav")
    message = str(caught.value)
    assert "did not finish within 3 s" in message and "tried 2 times" in message
    assert "“The tide came in zzhang and the harbour wall" in message and "…”" in message  # quoted, shortened
    assert "\n" not in message
    assert {p for p in descendants(os.getpid()) if WORKER in cmdline(p)} <= workers  # both hung workers are gone
    # the engine goes on working in a fresh worker; a hang that clears is saved by the retry
    engine.voice_file("zzonce zzhang then fine", "fake-f1", tmp_path / "b.wav")
    engine.voice_file("All clear.", "fake-f1", tmp_path / "c.wav")
    assert (tmp_path / "c.wav").stat().st_size > 1000
    engine.close()


def test_a_crashing_engine_is_retried_in_a_fresh_worker_then_fails(tmp_path: Path) -> None:
    engine = WorkerEngine(FaultyEngine())
    with pytest.raises(EngineError, match=r"engine faulty crashed \(SIGSEGV\) on “zzcrash now”, tried 2 times"):
        engine.voice_file("zzcrash now", "fake-f1", tmp_path / "a.wav")
    engine.voice_file("zzonce zzcrash", "fake-f1", tmp_path / "b.wav")  # one crash, then the retry works
    assert (tmp_path / "b.wav").stat().st_size > 1000
    engine.close()


def test_an_engine_error_comes_back_as_it_was(tmp_path: Path) -> None:
    engine = WorkerEngine(FaultyEngine())
    with pytest.raises(EngineError, match="unknown voice 'fake-x9'"):
        engine.check_voice("fake-x9")
    engine.close()


def test_a_full_disk_at_the_write_boundary_fails_at_once(tmp_path: Path) -> None:
    engine = WorkerEngine(FaultyEngine())
    with pytest.raises(OSError) as caught:
        engine.voice_file("zzfull", "fake-f1", tmp_path / "a.wav")
    assert caught.value.errno == errno.ENOSPC
    engine.close()


def test_a_full_disk_inside_pyttsx3s_callback_fails_instead_of_hanging(tmp_path: Path) -> None:
    """espeak's callback raises ENOSPC where pyttsx3 swallows it and runAndWait never
    returns: the worker answers with the write error (a hang would say "did not finish")."""
    engine = WorkerEngine(FullDiskPyttsx3Engine())
    with pytest.raises(OSError) as caught:
        engine.voice_file("The tide turned at noon.", "gmw/en-us", tmp_path / "a.wav")
    assert caught.value.errno == errno.ENOSPC
    engine.close()


def test_an_empty_clip_is_voiced_again_then_fails_with_its_text(tmp_path: Path) -> None:
    engine = FaultyEngine()  # in-process: the retry lives in the voice stage, for every engine
    clip = voice_piece(engine, "zzonce zzsilent, then speech", "fake-f1", tmp_path / "a.audio", 44100, 1)
    assert len(clip) > 500
    with pytest.raises(EngineError) as caught:
        voice_piece(engine, "Six p.m. zzsilent", "fake-f1", tmp_path / "b.audio", 44100, 1)
    assert "empty clip for “Six p.m. zzsilent” (voice fake-f1), 2 times" in str(caught.value)
    assert "b.audio" not in str(caught.value)


# --- the command line ---------------------------------------------------------------------


def test_a_hung_engine_fails_one_segment_with_one_line(tmp_path: Path) -> None:
    source = article(tmp_path, "\nA last line that never ends zzhang.\n")
    proc = radio("episode", str(source), "--engine", "faulty", "--out", "out", cwd=tmp_path)
    assert proc.returncode == 1
    line = one_line(proc.stderr)
    assert line.startswith("radio: error: engine faulty did not finish within 3 s on “")
    assert "zzhang" in line
    assert leftovers(tmp_path / "out") == []


def test_a_full_disk_while_voicing_gives_one_line_and_no_temporary_folder(tmp_path: Path) -> None:
    proc = radio("episode", str(article(tmp_path)), "--engine", "full-disk", "--out", "out", cwd=tmp_path)
    assert proc.returncode == 1
    assert one_line(proc.stderr) == "radio: error: no space left in out; free some space and run again"
    assert leftovers(tmp_path / "out") == []


@pytest.fixture
def small_filesystem(tmp_path: Path) -> Iterator[Path]:
    """A real 128 KB tmpfs: a disk that fills up while pyttsx3 writes (root only, where mounting is allowed)."""
    mount = tmp_path / "small"
    mount.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small filesystem needs root")
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=128k", "tmpfs", str(mount)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode(errors='replace').strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_real_full_filesystem_with_the_real_engine_gives_one_line(tmp_path: Path, small_filesystem: Path) -> None:
    """pyttsx3 and espeak-ng for real: pyttsx3 swallowed the write error and never returned,
    so this hung until the 300 s timeout of ``radio`` here; now one line at once."""
    out = small_filesystem / "out"
    proc = radio("episode", str(article(tmp_path)), "--engine", "pyttsx3", "--out", str(out), cwd=tmp_path)
    assert proc.returncode == 1
    assert one_line(proc.stderr) == f"radio: error: no space left in {out}; free some space and run again"
    assert leftovers(out) == []  # no temporary folder, nothing under a final name


def test_a_full_disk_while_encoding_gives_one_line(tmp_path: Path) -> None:
    """ffmpeg stands in for a full disk when it encodes the MP3 (a stub at the program
    boundary that runs the real ffmpeg for everything else)."""
    stubs = tmp_path / "bin"
    stubs.mkdir()
    real = shutil.which("ffmpeg")
    (stubs / "ffmpeg").write_text(
        "#!/bin/sh\n"
        'case "$*" in *libmp3lame*) echo "out.mp3: No space left on device" >&2; exit 1;; esac\n'
        f'exec {real} "$@"\n',
        encoding="utf-8",
    )
    (stubs / "ffmpeg").chmod(0o755)
    path = f"{stubs}{os.pathsep}{os.environ['PATH']}"
    proc = radio("episode", str(article(tmp_path)), "--engine", "fake", "--out", "out", cwd=tmp_path, PATH=path)
    assert proc.returncode == 1
    assert one_line(proc.stderr) == "radio: error: no space left in out; free some space and run again"
    assert leftovers(tmp_path / "out") == []


def test_say_into_a_folder_it_cannot_write_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "RO").write_text("a file, not a folder", encoding="utf-8")
    proc = radio("say", "hello", "--engine", "fake", "--out", "RO/x.mp3", cwd=tmp_path)
    assert proc.returncode == 1
    expected = "cannot write RO/x.mp3: RO is a file, not a folder; choose another --out"
    assert one_line(proc.stderr) == f"radio: error: {expected}"
    if os.geteuid() != 0:
        (tmp_path / "RO2").mkdir(mode=0o555)
        target = "RO2/x.mp3"
    elif Path("/sys/kernel").is_dir():
        target = "/sys/x.mp3"  # root writes anywhere, but not there
    else:  # pragma: no cover
        pytest.skip("no folder this user cannot write to")
    proc = radio("say", "hello", "--engine", "fake", "--out", target, cwd=tmp_path)
    assert proc.returncode == 1
    assert one_line(proc.stderr) == f"radio: error: cannot write {target}: Permission denied; choose another --out"
    assert not Path(target).parent.joinpath(".x.mp3.partial").exists()


@pytest.mark.parametrize(("target", "needle"), [("-5", "use -30 to -12 LUFS"), ("-40", "use -30 to -12 LUFS")])
def test_an_unreachable_loudness_target_is_refused_before_any_work(tmp_path: Path, target: str, needle: str) -> None:
    proc = radio("episode", str(article(tmp_path)), "--engine", "fake", "--target-lufs", target, cwd=tmp_path)
    assert proc.returncode == 1
    assert needle in one_line(proc.stderr)
    assert not (tmp_path / "output").exists()


def test_the_reachable_target_follows_the_true_peak_ceiling() -> None:
    assert validate(Settings(target_lufs=-12.0)).target_lufs == -12.0
    with pytest.raises(ConfigError, match="-3 dBTP true-peak ceiling; use -30 to -14 LUFS"):
        validate(Settings(target_lufs=-13.0, max_true_peak_dbtp=-3.0))


def test_usage_errors_and_help_keep_their_behaviour(tmp_path: Path) -> None:
    proc = radio("episode", "--no-such-option", cwd=tmp_path)
    assert proc.returncode == 1 and "No such option" in proc.stderr
    proc = radio("--help", cwd=tmp_path)
    assert proc.returncode == 0 and "episode" in proc.stdout


# --- interrupts and kills at several moments, then a rerun --------------------------------


def start(tmp_path: Path, *args: str, group: bool = False, **extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "radio", "episode", str(article(tmp_path)), "--out", "out", *args],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env(XDG_CONFIG_HOME=str(tmp_path), **extra),
        start_new_session=group,  # a process group of its own, as a terminal gives a command
    )


def voicing(proc: subprocess.Popen[str], out: Path) -> Callable[[], bool]:
    """True once the engine's worker runs and a voiced segment is in the mix (each
    segment's file is removed once decoded, so the mix file is what shows it)."""
    return lambda: any(out.glob(".radio-*/programme.pcm")) and any(WORKER in cmdline(p) for p in descendants(proc.pid))


def encoding(proc: subprocess.Popen[str]) -> Callable[[], bool]:
    """True while ffmpeg encodes the MP3 (the encoder and the meter on its output)."""

    def check() -> bool:
        commands = [cmdline(p) for p in descendants(proc.pid)]
        return any("libmp3lame" in c for c in commands) and any("pipe:0" in c for c in commands)

    return check


def assert_rerun_succeeds(tmp_path: Path) -> None:
    proc = radio("episode", str(article(tmp_path)), "--engine", "fake", "--out", "out", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    names = leftovers(tmp_path / "out")
    assert not [n for n in names if n.startswith(".")], names
    assert any(n.endswith(".mp3") for n in names)


@needs_proc
@pytest.mark.parametrize(
    ("moment", "sig", "engine", "group"),
    [
        ("voicing", signal.SIGINT, "faulty", False),
        ("voicing", signal.SIGINT, "faulty", True),
        ("encoding", signal.SIGINT, "fake", False),
        ("encoding", signal.SIGINT, "fake", True),
        ("encoding", signal.SIGTERM, "fake", False),
    ],
)
def test_an_interrupt_stops_every_child_and_leaves_nothing(
    tmp_path: Path, moment: str, sig: signal.Signals, engine: str, group: bool
) -> None:
    """To radio's own process (as `kill` sends it) or to its whole group (Ctrl-C in a terminal)."""
    out = tmp_path / "out"
    proc = start(tmp_path, "--engine", engine, group=group, RADIO_TEST_DELAY_S="0.3")
    ready = voicing(proc, out) if moment == "voicing" else encoding(proc)
    wait_for(lambda: ready() or proc.poll() is not None, moment)
    assert proc.poll() is None, proc.communicate()
    children = descendants(proc.pid)
    if group:
        os.killpg(proc.pid, sig)
    else:
        os.kill(proc.pid, sig)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 128 + sig, stderr
    word = "interrupted" if sig == signal.SIGINT else "stopped (SIGTERM)"
    assert one_line(stderr) == f"radio: {word}; nothing was written under a final name"
    assert survivors(children) == []
    assert leftovers(out) == []
    assert_rerun_succeeds(tmp_path)


@needs_proc
@pytest.mark.parametrize("moment", ["voicing", "encoding"])
def test_after_sigkill_the_children_die_and_the_next_run_removes_the_folder(tmp_path: Path, moment: str) -> None:
    out = tmp_path / "out"
    engine = "faulty" if moment == "voicing" else "fake"
    proc = start(tmp_path, "--engine", engine, RADIO_TEST_DELAY_S="0.3")
    ready = voicing(proc, out) if moment == "voicing" else encoding(proc)
    wait_for(lambda: ready() or proc.poll() is not None, moment)
    children = descendants(proc.pid)
    assert children, "radio runs a child at this moment"
    proc.kill()
    proc.communicate(timeout=60)
    assert survivors(children) == []  # they die with radio (PR_SET_PDEATHSIG, the worker's pipe)
    stale = [p for p in out.iterdir() if p.name.startswith(".radio-")]
    assert len(stale) == 1 and json.loads((stale[0] / OWNER_FILE).read_text())["pid"] == proc.pid
    assert not any(p.suffix == ".mp3" for p in out.iterdir())
    rerun = radio("episode", str(article(tmp_path)), "--engine", "fake", "--out", "out", cwd=tmp_path)
    assert rerun.returncode == 0, rerun.stderr
    assert f"removed out/{stale[0].name}, left behind by an interrupted run (process {proc.pid})" in rerun.stderr
    assert not stale[0].exists()
    assert not [n for n in leftovers(out) if n.startswith(".")]


# --- stale folders: only a dead run's --------------------------------------------------------


def test_only_folders_of_dead_runs_are_removed(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(dead.stdout)
    host = socket.gethostname()
    folders = {
        "live": {"pid": os.getpid(), "started": process_start(os.getpid()), "host": host},
        "dead": {"pid": dead_pid, "started": 1, "host": host},
        "reused": {"pid": os.getpid(), "started": -1, "host": host},  # our pid, another start time
        "elsewhere": {"pid": dead_pid, "started": 1, "host": "another-machine"},
    }
    for name, owner in folders.items():
        (tmp_path / f".radio-{name}").mkdir()
        (tmp_path / f".radio-{name}" / OWNER_FILE).write_text(json.dumps(owner))
    (tmp_path / ".radio-fresh-unowned").mkdir()  # an older radio's, or one being made right now
    old = tmp_path / ".radio-old-unowned"
    old.mkdir()
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    (tmp_path / "radio-not-ours").mkdir()
    removed = {p.name for p in remove_stale(tmp_path)}
    expected = {".radio-dead", ".radio-old-unowned"} | ({".radio-reused"} if process_start(os.getpid()) else set())
    assert removed == expected
    assert {p.name for p in tmp_path.iterdir()} == {
        ".radio-live",
        ".radio-elsewhere",
        ".radio-fresh-unowned",
        "radio-not-ours",
    } | ({".radio-reused"} - expected)


def test_a_folder_whose_owner_record_is_missing_is_judged_by_its_name(tmp_path: Path) -> None:
    """A run killed between making its folder and writing the record, or while removing the
    folder, leaves no owner.json: the host and pid in the name still tell whether it is dead."""
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    here = f"{zlib.crc32(socket.gethostname().encode()):08x}"
    names = {
        "dead": f".radio-{here}.{int(dead.stdout)}.ab_c1",
        "live": f".radio-{here}.{os.getpid()}.ab_c2",
        "elsewhere": f".radio-{zlib.crc32(b'another-machine'):08x}.{int(dead.stdout)}.ab_c3",
    }
    for name in names.values():
        (tmp_path / name).mkdir()
        (tmp_path / name / "segment-001.audio").write_bytes(b"x")
    removed = {p.name for p in remove_stale(tmp_path)}
    assert removed == {names["dead"]}


def test_a_work_folder_removes_its_owner_record_last(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A kill part-way through the removal leaves the owner record, so the next run removes the rest."""
    removed: list[str] = []
    real_unlink = os.unlink

    def unlink(path: str | os.PathLike[str], *args: object, **kwargs: object) -> None:
        removed.append(Path(path).name)
        real_unlink(path)

    with work_folder(tmp_path) as folder:
        for name in ("a.audio", "b.audio", "c.wav"):
            (folder / name).write_bytes(b"x")
        assert folder.name.startswith(f".radio-{zlib.crc32(socket.gethostname().encode()):08x}.{os.getpid()}.")
        monkeypatch.setattr(os, "unlink", unlink)
    monkeypatch.undo()
    assert removed[-1] == OWNER_FILE and sorted(removed[:-1]) == ["a.audio", "b.audio", "c.wav"]
    assert not folder.exists()


@needs_proc
def test_a_dead_child_not_yet_reaped_is_dead(tmp_path: Path) -> None:
    """In a container whose first process reaps no orphans, a killed worker stays a zombie."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    wait_for(lambda: Path(f"/proc/{child.pid}/stat").read_text().split(") ")[1].startswith("Z"), "a zombie")
    folder = tmp_path / ".radio-zombie"
    folder.mkdir()
    owner = {"pid": child.pid, "started": process_start(child.pid), "host": socket.gethostname()}
    (folder / OWNER_FILE).write_text(json.dumps(owner))
    try:
        assert [p.name for p in remove_stale(tmp_path)] == [".radio-zombie"]
    finally:
        child.wait()


@needs_proc
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_a_program_radio_runs_dies_when_radio_is_killed(tmp_path: Path) -> None:
    """Without PR_SET_PDEATHSIG the sleep below would outlive its killed parent by a minute."""
    code = "from radio.tools import run; run(['sleep', '120'], 'sleeping')"
    parent = subprocess.Popen([sys.executable, "-c", code])
    wait_for(lambda: any("sleep 120" in cmdline(p) for p in descendants(parent.pid)), "the child")
    children = descendants(parent.pid)
    parent.kill()
    parent.wait()
    assert survivors(children, wait_s=5) == []


def test_a_library_script_without_a_main_guard_can_use_a_worker(tmp_path: Path) -> None:
    """The worker never imports the caller's main module (multiprocessing's spawn would,
    and run this script again), and it finds what the caller found on a path set at run time."""
    script = tmp_path / "bulletin.py"
    script.write_text(
        f"import sys\n"
        f"sys.path.insert(0, {str(PLUGINS)!r})\n"
        "from pathlib import Path\n"
        "from radio.sound.engines.worker import WorkerEngine\n"
        "from radio_test_faults import FaultyEngine\n"
        "engine = WorkerEngine(FaultyEngine())\n"
        f"engine.voice_file('Top of the hour.', 'fake-f1', Path({str(tmp_path / 'a.wav')!r}))\n"
        "print('voiced')\n",
        encoding="utf-8",
    )
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=environment, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "voiced\n"
    assert (tmp_path / "a.wav").stat().st_size > 1000


def test_say_works_in_a_folder_of_its_own_and_removes_a_dead_runs(tmp_path: Path) -> None:
    temp = tmp_path / "tmp"
    stale = temp / ".radio-killed"
    stale.mkdir(parents=True)
    (stale / OWNER_FILE).write_text(json.dumps({"pid": 2**22 + 1, "started": 1, "host": socket.gethostname()}))
    proc = radio("say", "hello", "--engine", "fake", "--out", "x.wav", cwd=tmp_path, TMPDIR=str(temp))
    assert proc.returncode == 0, proc.stderr
    assert f"removed {stale}, left behind by an interrupted run" in proc.stderr
    assert list(temp.iterdir()) == []


def test_a_forked_child_before_exec_leaves_the_interrupt_to_radio() -> None:
    """Ctrl-C reaches the whole group, so a child forked to run ffmpeg may get it while still running
    radio's Python (its preexec_fn). Raising there fails the child's start with a SubprocessError, and
    radio reported an error instead of the interrupt; the child now leaves the signal to radio."""
    from radio import cli

    cli._main_pid[0] = os.getpid()
    pid = os.fork()
    if pid == 0:  # the child: as between fork and exec
        try:
            cli._interrupt(signal.SIGINT, None)
        except BaseException:
            os._exit(1)
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    saved = list(cli._interrupted)
    cli._interrupted.clear()
    try:
        with pytest.raises(cli.Interrupted):
            cli._interrupt(signal.SIGINT, None)  # radio's own process still raises it
    finally:
        cli._interrupted[:] = saved
