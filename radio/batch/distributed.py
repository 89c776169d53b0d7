"""`radio batch --scheduler ADDRESS`: the same work as Dask tasks on a cluster.

Each task renders one article on a Dask worker (which needs radio and the engines installed and
the output folder on shared storage at the same path). The results come back to the client, and
only the client writes the catalog, so SQLite is never shared over the network. A worker keeps
its engine between tasks (``WorkerState``): a model loads once per worker process.
Imported only with --scheduler; ``dask.distributed`` is the optional extra ``radio-bulletin[dask]``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from radio.batch.work import Job, Result, render_article
from radio.config import Settings
from radio.errors import DependencyError, RadioError

CONNECT_TIMEOUT_S = 30


def _client(scheduler: str) -> Any:
    try:
        from dask.distributed import Client
    except ImportError:
        raise DependencyError(
            "--scheduler needs dask.distributed: pip install 'radio-bulletin[dask]' (on the client and every worker)"
        ) from None
    try:
        return Client(scheduler, timeout=CONNECT_TIMEOUT_S)
    except (OSError, TimeoutError) as exc:
        raise RadioError(
            f"cannot reach the Dask scheduler at {scheduler} ({exc}); start it with `dask scheduler` "
            "and check the address"
        ) from None


def run_dask(
    jobs: Sequence[Job],
    out_dir: Path,
    settings: Settings,
    scheduler: str,
    timeout_s: float,
    on_result: Callable[[Result], None],
) -> None:
    """Submit one task per job; call ``on_result`` here, on the client, as each finishes.

    Dask cannot kill the thread that runs a task, so the timeout is for the whole run
    (``timeout_s`` per article); what is left then is cancelled and reported as failed. The
    engine's own per-utterance timeout is what stops a hung engine on a worker.
    """
    if not jobs:
        return
    from dask.distributed import as_completed

    client = _client(scheduler)
    try:
        futures = {
            client.submit(render_article, job, out_dir, settings, None, pure=False, key=f"radio-{i}-{job.source}"): job
            for i, job in enumerate(jobs)
        }
        remaining = dict(futures)
        try:
            for future in as_completed(list(futures), timeout=timeout_s * len(jobs)):
                job = remaining.pop(future)
                try:
                    result = future.result()
                except Exception as exc:  # a task that died on its worker fails its article alone
                    result = Result(job.source, job.content_hash, ok=False, reason=f"the Dask task failed: {exc!r}")
                on_result(result)
        except TimeoutError:
            for future, job in remaining.items():
                future.cancel()
                on_result(Result(job.source, job.content_hash, ok=False, reason="timed out on the cluster"))
    finally:
        client.close()
