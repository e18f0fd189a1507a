"""The local engine (the default): a pool of processes on this machine, nothing to install or start.

Each worker process runs one audit at a time (one browser). The scheduler in the calling process keeps one
audit per store host at a time (politeness: a store never gets two crawlers from one fleet run), retries a
failing store up to ``retries`` more times and then stores it as failed with its error. A worker process that
dies (killed, out of memory) breaks the pool: the pool is rebuilt and the audits it was running are retried as
failed attempts, so a store always ends with exactly one stored run.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from auditor.fleet.task import audit_job, describe, record_failure


def _pool_audit(job: dict[str, Any], attempt: int) -> dict[str, Any]:
    """Runs in a pool process; any error comes back as one picklable RuntimeError with a readable message."""
    try:
        return audit_job(job, attempt)
    except Exception as exc:
        raise RuntimeError(describe(exc)) from None


def run_local(jobs: list[dict[str, Any]], workers: int, retries: int,
              on_result: Callable[[dict[str, Any]], None],
              target: Callable[[dict[str, Any], int], dict[str, Any]] = _pool_audit) -> None:
    """Run ``target(job, attempt)`` (default: audit and store) for every job on ``workers`` processes."""
    context = multiprocessing.get_context("spawn")  # no inherited threads or browser state
    pending: deque[tuple[dict[str, Any], int]] = deque((job, 1) for job in jobs)
    running: dict[Future, tuple[dict[str, Any], int]] = {}
    busy: set[str] = set()
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    try:
        while pending or running:
            while len(running) < workers:
                ready = next((i for i, (job, _) in enumerate(pending) if job["store"]["host"] not in busy), None)
                if ready is None:
                    break
                job, attempt = pending[ready]
                del pending[ready]
                running[pool.submit(target, job, attempt)] = (job, attempt)
                busy.add(job["store"]["host"])
            done, _ = wait(list(running), return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                job, attempt = running.pop(future)
                busy.discard(job["store"]["host"])
                try:
                    on_result(future.result())
                    continue
                except BrokenProcessPool:
                    broken, error = True, "the worker process died during the audit"
                except Exception as exc:
                    error = str(exc) or type(exc).__name__
                if attempt <= retries:
                    pending.append((job, attempt + 1))
                else:
                    on_result(record_failure(job, error, attempt))
            if broken:
                pool.shutdown(wait=False, cancel_futures=True)
                pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
