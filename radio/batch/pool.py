"""Worker processes for a local batch, managed by hand so a hung article can be killed.

Each worker is a process with its own pipe. It loads the engine once (``WorkerState``), then
renders one job at a time, sending progress and a ``Result``. The parent gives each job a
deadline; a worker that passes it is killed (SIGKILL) and replaced by a fresh one, and a worker
that dies (an engine crashing the process) is replaced the same way. The job fails alone.

Workers ignore Ctrl-C (the parent stops them) and exit by themselves when the parent dies, even
by SIGKILL, so no orphan keeps writing into the output folder.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from radio.batch.work import Job, Result, render_article, worker_state
from radio.config import Settings
from radio.errors import RadioError

ORPHAN_CHECK_S = 0.5


@dataclass(frozen=True)
class Progress:
    """What a worker is doing now."""

    worker: int
    source: str
    stage: str
    done: int
    total: int


def _watch_parent(parent_pid: int) -> None:
    while True:
        time.sleep(ORPHAN_CHECK_S)
        if os.getppid() != parent_pid:
            os._exit(1)  # the batch is gone: stop at once, write nothing more


def _worker_main(conn: Connection, out_dir: str, settings: Settings, parent_pid: int) -> None:
    os.setpgrp()  # its own process group: a kill takes any engine process it started along with it
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()
    try:
        worker_state(settings)  # load the engine (and its model) once, before the first job
    except RadioError as exc:
        conn.send(("broken", str(exc)))
        return
    conn.send(("ready", ""))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            job = None
        if job is None:
            worker_state(settings).engine.close()  # an engine's own worker process goes with this one
            return

        def progress(stage: str, done: int, total: int) -> None:
            conn.send(("progress", (stage, done, total)))

        try:
            result = render_article(job, Path(out_dir), settings, progress)
        except Exception as exc:  # a bug must fail this article alone, not the batch; the trace goes to stderr
            traceback.print_exc()
            result = Result(job.source, job.content_hash, ok=False, reason=f"internal error: {exc!r}")
        conn.send(("result", result))


class _Worker:
    def __init__(self, ctx: Any, number: int, out_dir: Path, settings: Settings) -> None:
        self.number = number
        parent_end, child_end = ctx.Pipe()
        self.process = ctx.Process(
            target=_worker_main, args=(child_end, str(out_dir), settings, os.getpid()), daemon=True
        )
        self.process.start()
        child_end.close()
        self.conn: Connection = parent_end
        self.job: Job | None = None
        self.deadline = 0.0
        self.ready = False

    def give(self, job: Job, timeout_s: float) -> None:
        self.job = job
        self.deadline = time.monotonic() + timeout_s
        self.conn.send(job)

    def kill(self) -> None:
        if self.process.is_alive():
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):  # not yet in its own group
                self.process.kill()
        self.process.join(5)
        self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.conn.send(None)
        self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(5)
        self.conn.close()


def _exit_reason(process: Any) -> str:
    code = process.exitcode
    if code is not None and code < 0:
        try:
            return f"the worker process was killed by {signal.Signals(-code).name} (the engine crashed)"
        except ValueError:
            return f"the worker process was killed by signal {-code} (the engine crashed)"
    return f"the worker process exited with status {code} (the engine crashed)"


def run_local(
    jobs: Iterable[Job],
    out_dir: Path,
    settings: Settings,
    workers: int,
    timeout_s: float,
    on_result: Callable[[Result], None],
    on_progress: Callable[[Progress], None] | None = None,
) -> None:
    """Run ``jobs`` on ``workers`` processes; call ``on_result`` in this process for each, in finishing
    order. Raises RadioError only if no worker can start at all (e.g. the engine is not installed)."""
    pending = deque(jobs)
    if not pending:
        return
    ctx = multiprocessing.get_context("spawn")  # no fork of a parent that runs threads (the live display)
    count = max(1, min(workers, len(pending)))
    pool = [_Worker(ctx, number, out_dir, settings) for number in range(count)]
    try:
        while pending or any(w.job is not None for w in pool):
            for worker in pool:
                if worker.ready and worker.job is None and pending:
                    worker.give(pending.popleft(), timeout_s)
                    if on_progress and worker.job:
                        on_progress(Progress(worker.number, worker.job.source, "queued", 0, 1))
            busy = [w.deadline for w in pool if w.job is not None]
            wait_s = max(0.0, min(busy) - time.monotonic()) if busy else 1.0
            ready = wait([w.conn for w in pool], timeout=min(wait_s, 1.0))
            for index, worker in enumerate(pool):
                if worker.conn not in ready:
                    continue
                try:
                    kind, payload = worker.conn.recv()
                except (EOFError, OSError):
                    job = worker.job
                    worker.kill()
                    if job is None and not worker.ready:
                        raise RadioError(
                            "a batch worker could not start; run `radio episode` on one article to see why"
                        ) from None
                    if job is not None:
                        on_result(Result(job.source, job.content_hash, ok=False, reason=_exit_reason(worker.process)))
                    pool[index] = _Worker(ctx, worker.number, out_dir, settings)
                    continue
                if kind == "broken":
                    raise RadioError(f"a batch worker could not load the engine: {payload}")
                if kind == "ready":
                    worker.ready = True
                elif kind == "progress" and on_progress and worker.job:
                    on_progress(Progress(worker.number, worker.job.source, *payload))
                elif kind == "result":
                    worker.job = None
                    on_result(payload)
            now = time.monotonic()
            for index, worker in enumerate(pool):
                if worker.job is not None and now > worker.deadline:
                    job = worker.job
                    worker.kill()
                    on_result(
                        Result(
                            job.source,
                            job.content_hash,
                            ok=False,
                            reason=f"timed out after {timeout_s:g} s (the engine hung?); its worker was restarted",
                        )
                    )
                    pool[index] = _Worker(ctx, worker.number, out_dir, settings)
    finally:
        for worker in pool:
            if worker.job is not None:
                worker.kill()
            else:
                worker.stop()
