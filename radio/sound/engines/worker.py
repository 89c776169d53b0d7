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

The worker is ``python -m radio.sound.engines.worker``, talking pickles over
its standard input and output (not multiprocessing, whose spawn start would
import the caller's main module again, the whole command line, in every
worker, and start a resource-tracker process as well). It starts like every
other child of radio (radio.tools): on Linux the kernel kills it if radio
dies, and it leaves by itself when its input closes.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import queue
import signal
import struct
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, Any

from radio.errors import EngineError, RadioError
from radio.sound.engines import Engine, quoted
from radio.tools import child_options

START_TIMEOUT_S = 60.0  # starting Python and unpickling the engine
ATTEMPTS = 2  # a call that hangs or crashes is tried once more in a fresh worker
_MIRRORED = ("name", "sample_rate_hz", "anchor_voice", "cast_voices", "install_hint", "max_chars_per_call")


class WorkerEngine(Engine):
    """Another engine, run in a worker process; the same voices and limits."""

    in_worker = False  # this is the front; the engine it wraps runs in the worker

    def __init__(self, engine: Engine, timeout_s: float | None = None) -> None:
        super().__init__(engine.rate_wpm)
        self.voice_rates_wpm = engine.voice_rates_wpm
        self.engine = engine
        self.timeout_s = timeout_s or engine.call_timeout_s
        for attr in _MIRRORED:
            setattr(self, attr, getattr(engine, attr))
        try:
            self._payload = pickle.dumps(engine)
        except (pickle.PicklingError, TypeError, AttributeError) as exc:
            raise EngineError(f"engine {engine.name} cannot run in a worker process ({exc})") from None
        self._process: subprocess.Popen[bytes] | None = None
        self._replies: queue.Queue[tuple[str, Any] | None] = queue.Queue()

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
        process, self._process = self._process, None
        if process is None:
            return
        with contextlib.suppress(OSError):
            process.stdin.close()  # type: ignore[union-attr]  # the worker sees the end of its input and leaves
        try:
            process.wait(2)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)

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
                raise _radio_error(*reply[1])
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
        process = self._start()
        try:
            _send(process.stdin, request)  # type: ignore[arg-type]
        except OSError:
            return "died", _death(process)
        try:
            reply = self._replies.get(timeout=self.timeout_s)
        except queue.Empty:
            return "hung", f"did not finish within {self.timeout_s:g} s"
        return reply if reply is not None else ("died", _death(process))

    def _start(self) -> subprocess.Popen[bytes]:
        if self._process is not None and self._process.poll() is None:
            return self._process
        self._kill()
        search_path = os.pathsep.join(p for p in sys.path if p)  # radio itself may be found by a path set at run time
        process = subprocess.Popen(
            [sys.executable, "-m", "radio.sound.engines.worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": search_path},
            **child_options(),
        )
        self._process, self._replies = process, queue.Queue()
        threading.Thread(target=_read_replies, args=(process.stdout, self._replies), daemon=True).start()
        try:
            _send(process.stdin, (sys.path, self._payload))  # type: ignore[arg-type]
            reply = self._replies.get(timeout=START_TIMEOUT_S)
        except queue.Empty:
            reply = ("error", f"no answer within {START_TIMEOUT_S:g} s")
        except OSError:
            reply = None
        except BaseException:
            self._kill()
            raise
        if reply is None:
            reply = ("error", _death(process))
        if reply[0] != "ready":
            self._kill()
            raise EngineError(f"engine {self.name} could not start in a worker process: {reply[1]}")
        return process

    def _kill(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(5)
        for pipe in (process.stdin, process.stdout):
            with contextlib.suppress(OSError):
                pipe.close()  # type: ignore[union-attr]


def _death(process: subprocess.Popen[bytes]) -> str:
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(5)
    code = process.returncode
    if code is not None and code < 0:
        with contextlib.suppress(ValueError):
            return f"crashed ({signal.Signals(-code).name})"
    return f"stopped (exit status {code})"


def _radio_error(kind: type[RadioError], message: str) -> RadioError:
    try:
        return kind(message)
    except Exception:  # a subclass with other arguments: the message is what counts
        return EngineError(message)


def _send(pipe: IO[bytes], message: object) -> None:
    data = pickle.dumps(message)
    pipe.write(struct.pack(">Q", len(data)) + data)
    pipe.flush()


def _receive(pipe: IO[bytes]) -> Any:
    """The next message; EOFError when the other side has gone."""
    head = pipe.read(8)
    if len(head) < 8:
        raise EOFError
    size = struct.unpack(">Q", head)[0]
    data = pipe.read(size)
    if len(data) < size:
        raise EOFError
    return pickle.loads(data)


def _read_replies(pipe: IO[bytes], replies: queue.Queue[tuple[str, Any] | None]) -> None:
    """The parent's reader: every reply into the queue, then None when the worker is gone."""
    try:
        while True:
            replies.put(_receive(pipe))
    except Exception:  # the end of the pipe, or a reply that cannot be read: the worker is done for
        replies.put(None)


# --- in the worker process ---------------------------------------------------------------


def serve() -> None:
    """The worker: rebuild the engine once, then answer calls until the input closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: radio decides
    requests, replies = _private_channel()
    try:
        sys_path, payload = _receive(requests)
    except (EOFError, OSError):
        return
    sys.path[:] = sys_path  # where the parent found the engine (a plugin, a test folder)
    try:
        engine: Engine = pickle.loads(payload)
    except Exception as exc:
        _send(replies, ("error", f"{type(exc).__name__}: {exc}"))
        return
    _send(replies, ("ready", None))
    calls: queue.Queue[_Call] = queue.Queue()
    current: list[_Call] = []
    sys.unraisablehook = lambda unraisable: _swallowed(unraisable, current)
    threading.Thread(target=_engine_thread, args=(engine, calls), daemon=True).start()
    while True:
        try:
            request = _receive(requests)
        except (EOFError, OSError):
            return
        call = _Call(request)
        current[:] = [call]
        calls.put(call)
        call.done.wait()
        _send(replies, call.reply)
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
        return "radio", (type(exc), str(exc))
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


def _private_channel() -> tuple[IO[bytes], IO[bytes]]:
    """Move the protocol off file descriptors 0 and 1, so that nothing the engine
    reads or prints (pyttsx3 prints "Audio saved to ...") can mix with it."""
    requests = os.fdopen(os.dup(0), "rb")
    replies = os.fdopen(os.dup(1), "wb")
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1):
        os.dup2(devnull, fd)
    os.close(devnull)
    return requests, replies


if __name__ == "__main__":
    serve()
