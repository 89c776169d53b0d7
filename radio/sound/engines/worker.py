"""Run an engine in a worker process, where a hang or a crash can be stopped.

One long-lived worker per engine: the engine (pickled: its settings, not a
loaded model) is rebuilt there once, so pyttsx3/espeak initialise once and a
model-based engine loads its model once per worker. Every call has a timeout.
A call that hangs, or that kills the worker (espeak can segfault on very long
text), is tried once more in a fresh worker, then fails with one line that
quotes the text. A write error inside the engine (a full disk) fails at once,
even when the engine swallows it on one of its own threads (pyttsx3 reports
espeak's callback errors as "Exception ignored" and never returns): the
worker watches for such errors and answers for the stuck call.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import queue
import signal
import sys
import threading
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from radio.errors import EngineError, RadioError
from radio.sound.engines import Engine, quoted
from radio.tools import die_with_parent

START_TIMEOUT_S = 60.0  # starting Python and unpickling the engine
ATTEMPTS = 2  # a call that hangs or crashes is tried once more in a fresh worker
_MIRRORED = ("name", "sample_rate_hz", "anchor_voice", "cast_voices", "install_hint", "max_chars_per_call")


class WorkerEngine(Engine):
    """Another engine, run in a worker process; the same voices and limits."""

    in_worker = False  # this is the front; the engine it wraps runs in the worker

    def __init__(self, engine: Engine, timeout_s: float | None = None) -> None:
        super().__init__(engine.rate_wpm)
        self.engine = engine
        self.timeout_s = timeout_s or engine.call_timeout_s
        for attr in _MIRRORED:
            setattr(self, attr, getattr(engine, attr))
        try:
            self._payload = pickle.dumps(engine)
        except (pickle.PicklingError, TypeError, AttributeError) as exc:
            raise EngineError(f"engine {engine.name} cannot run in a worker process ({exc})") from None
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None

    def __getattr__(self, attr: str) -> Any:  # anything else the wrapped engine offers
        if attr.startswith("_") or attr == "engine":
            raise AttributeError(attr)
        return getattr(self.engine, attr)

    def check_voice(self, voice: str) -> None:
        self._call(("check", voice), f"checking the voice {voice}")

    def synthesize_to_file(self, text: str, voice: str, path: Path) -> None:
        self._call(("synthesize", text, voice, str(path)), quoted(text))

    def close(self) -> None:
        """Stop the worker (a new one starts if the engine is used again)."""
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if conn is not None:
            conn.close()  # the worker reads the end of its pipe and leaves
        if process is not None:
            process.join(2)
            if process.is_alive():
                process.kill()
                process.join(5)

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            self.close()

    def _call(self, request: tuple[Any, ...], what: str) -> None:
        failures: list[str] = []
        for _ in range(ATTEMPTS):
            try:
                reply = self._exchange(request)
            except BaseException:  # an interrupt: the worker may be writing into a folder about to go
                self._kill()
                raise
            if reply[0] == "ok":
                return
            if reply[0] == "radio":  # the engine's own clear error (an unknown voice)
                raise reply[1]
            if reply[0] == "oserror":  # a write error: a retry would only fail the same way
                raise OSError(*reply[1])
            failures.append(reply[1])
            if reply[0] != "error":  # hung or died: start afresh
                self._kill()
        reasons = failures[0] if failures[0] == failures[-1] else " then ".join(failures)
        raise EngineError(
            f"engine {self.name} {reasons} on {what}, tried {ATTEMPTS} times; "
            "shorten or reword that text, or try another voice or engine"
        )

    def _exchange(self, request: tuple[Any, ...]) -> tuple[str, Any]:
        conn, process = self._start()
        try:
            conn.send(request)
        except OSError:
            return "died", _death(process)
        ready = wait([conn, process.sentinel], self.timeout_s)
        if conn in ready:
            try:
                reply: tuple[str, Any] = conn.recv()
            except (EOFError, OSError):
                return "died", _death(process)
            return reply
        if ready:
            return "died", _death(process)
        return "hung", f"did not finish within {self.timeout_s:g} s"

    def _start(self) -> tuple[Connection, multiprocessing.process.BaseProcess]:
        if self._process is not None and self._conn is not None and self._process.is_alive():
            return self._conn, self._process
        self._kill()
        context = multiprocessing.get_context("spawn")  # no fork: the parent may hold threads and locks
        ours, theirs = context.Pipe()
        process = context.Process(
            target=serve, args=(theirs, self._payload, os.getpid()), name=f"radio-{self.name}", daemon=True
        )
        process.start()
        theirs.close()
        self._process, self._conn = process, ours
        try:
            if not ours.poll(START_TIMEOUT_S):
                raise EngineError(f"engine {self.name} did not start within {START_TIMEOUT_S:g} s")
            status, detail = ours.recv()
        except (EOFError, OSError):
            status, detail = "error", _death(process)
        except BaseException:
            self._kill()
            raise
        if status != "ready":
            self._kill()
            raise EngineError(f"engine {self.name} could not start in a worker process: {detail}")
        return ours, process

    def _kill(self) -> None:
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if process is not None and process.is_alive():
            process.kill()
        if process is not None:
            process.join(5)
        if conn is not None:
            conn.close()


def _death(process: multiprocessing.process.BaseProcess) -> str:
    process.join(5)
    code = process.exitcode
    if code is not None and code < 0:
        with contextlib.suppress(ValueError):
            return f"crashed ({signal.Signals(-code).name})"
    return f"stopped (exit status {code})"


# --- in the worker process ---------------------------------------------------------------


def serve(conn: Connection, payload: bytes, parent_pid: int) -> None:
    """The worker's loop: rebuild the engine once, then answer calls until the pipe closes."""
    die_with_parent()
    if os.getppid() != parent_pid:  # the parent died before the line above
        os._exit(1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: radio decides
    _silence_output()
    try:
        engine: Engine = pickle.loads(payload)
    except Exception as exc:
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", None))
    calls: queue.Queue[_Call] = queue.Queue()
    current: list[_Call] = []
    sys.unraisablehook = lambda unraisable: _swallowed(unraisable, current)
    threading.Thread(target=_engine_thread, args=(engine, calls), daemon=True).start()
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        call = _Call(request)
        current[:] = [call]
        calls.put(call)
        call.done.wait()
        conn.send(call.reply)
        if call.reply[0] == "oserror" and call.swallowed:
            os._exit(0)  # the engine is stuck in its own error: a fresh worker takes the next call


class _Call:
    def __init__(self, request: tuple[Any, ...]) -> None:
        self.request = request
        self.reply: tuple[str, Any] = ("error", "no answer")
        self.done = threading.Event()
        self.swallowed = False

    def finish(self, reply: tuple[str, Any], swallowed: bool = False) -> None:
        if not self.done.is_set():
            self.reply, self.swallowed = reply, swallowed
            self.done.set()


def _engine_thread(engine: Engine, calls: queue.Queue[_Call]) -> None:
    while True:
        call = calls.get()
        call.finish(_answer(engine, call.request))


def _answer(engine: Engine, request: tuple[Any, ...]) -> tuple[str, Any]:
    try:
        if request[0] == "check":
            engine.check_voice(request[1])
        else:
            _, text, voice, path = request
            engine.synthesize_to_file(text, voice, Path(path))
    except RadioError as exc:
        return "radio", exc
    except OSError as exc:
        if exc.errno is not None:
            return "oserror", (exc.errno, exc.strerror, exc.filename)
        return "error", f"failed ({exc})"
    except Exception as exc:
        return "error", f"failed ({type(exc).__name__}: {exc})"
    return "ok", None


def _swallowed(unraisable: Any, current: list[_Call]) -> None:
    """An error the engine raised where nobody catches it (a callback on its own thread):
    a write error ends the current call at once."""
    error: BaseException | None = unraisable.exc_value
    while error is not None and not (isinstance(error, OSError) and error.errno is not None):
        error = error.__cause__ or error.__context__
    if isinstance(error, OSError) and current:
        current[0].finish(("oserror", (error.errno, error.strerror, error.filename)), swallowed=True)


def _silence_output() -> None:
    """Standard output belongs to radio's results; the engine's chatter goes nowhere."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    for fd in (1, 2):
        with contextlib.suppress(OSError):
            os.dup2(devnull, fd)
    os.close(devnull)
