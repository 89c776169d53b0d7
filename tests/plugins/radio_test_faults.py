"""Fault-injection engines for the tests, registered as a third-party plugin
(``radio_test_faults-1.0.dist-info`` beside this file: put this folder on
``PYTHONPATH`` and ``radio --engine faulty`` finds them through the real
registry, and runs them in the real worker process).

``faulty`` is the fake engine plus faults named by words in the text:

- ``zzhang``: never returns; ``zzcrash``: the process dies of SIGSEGV;
- ``zzfull``: the write fails with ENOSPC after a few bytes;
- ``zzsilent``: writes a clip of 10 ms (empty to the voice stage);
- ``zzonce``: the fault strikes only the first try of that file;
- ``RADIO_TEST_DELAY_S`` (environment): every call takes that long.

``full-disk`` is the real pyttsx3 engine whose file writes fail with ENOSPC
at the write boundary (``open``), inside espeak's callback thread.
"""

from __future__ import annotations

import builtins
import errno
import os
import signal
import time
import wave
from pathlib import Path
from typing import Any

from radio.sound.engines.fake import FakeEngine
from radio.sound.engines.pyttsx3_engine import Pyttsx3Engine


def _no_space(path: Path) -> OSError:
    return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))


class FaultyEngine(FakeEngine):
    name = "faulty"
    in_worker = True
    call_timeout_s = 3.0

    def synthesize_to_file(self, text: str, voice: str, path: Path) -> None:
        time.sleep(float(os.environ.get("RADIO_TEST_DELAY_S", "0")))
        tried = path.with_name(path.name + ".tried")
        if "zzonce" in text and tried.exists():
            return super().synthesize_to_file(text, voice, path)
        tried.touch()
        if "zzhang" in text:
            time.sleep(3600)
        if "zzcrash" in text:
            os.kill(os.getpid(), signal.SIGSEGV)
        if "zzfull" in text:
            with path.open("wb") as out:
                out.write(b"RIFF")
                raise _no_space(path)
        if "zzsilent" in text:
            with wave.open(str(path), "wb") as out:
                out.setnchannels(1)
                out.setsampwidth(2)
                out.setframerate(self.sample_rate_hz)
                out.writeframes(b"\0\0" * (self.sample_rate_hz // 100))
            return None
        return super().synthesize_to_file(text, voice, path)


class _FullFile:
    """A file on a full disk: opening works, writing fails."""

    def __init__(self, real: Any, path: Path) -> None:
        self._real, self._path = real, path

    def write(self, data: bytes) -> int:
        raise _no_space(self._path)

    def __getattr__(self, attr: str) -> Any:
        return getattr(self._real, attr)

    def __enter__(self) -> _FullFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._real.close()


class FullDiskPyttsx3Engine(Pyttsx3Engine):
    name = "full-disk"

    def synthesize_to_file(self, text: str, voice: str, path: Path) -> None:
        real_open = builtins.open
        folder = str(path.parent)

        def full_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
            handle = real_open(file, mode, *args, **kwargs)
            if isinstance(file, str | os.PathLike) and str(file).startswith(folder) and "w" in mode:
                return _FullFile(handle, Path(file))
            return handle

        builtins.open = full_open  # in the worker process only: it exits after a write error
        super().synthesize_to_file(text, voice, path)
