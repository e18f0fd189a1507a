"""The distributed engine: each store is a Celery task over Redis; `clearcart worker` runs the workers.

Delivery guarantees come from Celery and the store, not from code of ours:

* ``task_acks_late`` + ``task_reject_on_worker_lost``: a task is acknowledged only after the audit is stored; a
  worker killed mid-audit leaves the message unacknowledged and Redis hands it to another worker once the
  ``visibility_timeout`` has passed (set it above the longest audit; ``--visibility-timeout``). A task that
  runs longer than that may be delivered twice: the host lock and the idempotent store keep it to one run.
* ``worker_prefetch_multiplier = 1``: a worker holds only the task it is running, so the others take the rest.
* Idempotence: every task is keyed by ``(fleet run id, store URL)`` (also its task id); the run table is unique
  on that key, and a task whose run is stored returns it without auditing (see :mod:`auditor.fleet.task`).
* Retries: a failing audit is retried ``retries`` times (``countdown`` seconds apart), then stored as failed
  with its error.
* Politeness: one audit per store host at a time across every worker, by a Redis lock per host (``SET NX`` with
  a TTL that a heartbeat thread extends while the audit runs, so a killed worker's lock expires by itself).
* Redis restarts: workers and the fleet command reconnect; the fleet command watches the database, not the
  broker, for finished stores. Run Redis with ``appendonly yes`` so queued tasks survive its restart.

The fleet command publishes one task per store and waits for every store's run to appear in the database.
"""

from __future__ import annotations

import os
import threading
from typing import Any

from celery import Celery

from auditor.fleet.task import audit_job, describe, record_failure

QUEUE = "clearcart-fleet"
TASK = "clearcart.audit_store"
DEFAULT_VISIBILITY = 3600  # seconds: above the longest audit
DEFAULT_LOCK_TTL = 120  # seconds: a dead worker's host lock expires after this
LOCK_WAIT = 30  # seconds a task waits for its host before going back to the queue



def transport_options(visibility_timeout: int) -> dict[str, int]:
    """Redis transport options: a task whose worker died is handed out again ``visibility_timeout`` seconds
    after delivery, found by a sweep every third of that (at most 10 s) on every worker."""
    return {"visibility_timeout": visibility_timeout, "unacked_restore_throttle": 1,
            "unacked_restore_interval": max(1, min(10, visibility_timeout // 3))}


app = Celery("clearcart")
app.conf.update(
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    worker_prefetch_multiplier=1,
    task_serializer="json",
    accept_content=["json"],
    task_ignore_result=True,  # results live in the fleet database
    task_default_queue=QUEUE,
    broker_connection_retry_on_startup=True,
    broker_connection_max_retries=None,  # a restarting Redis is waited for
    broker_transport_options=transport_options(DEFAULT_VISIBILITY),
    worker_hijack_root_logger=False,
    worker_cancel_long_running_tasks_on_connection_loss=False,
)


def configure(broker: str, visibility_timeout: int | None = None, lock_ttl: int | None = None) -> Celery:
    """Point the app at ``broker`` (``redis://HOST:PORT/DB``)."""
    from auditor.errors import UsageError

    if not broker.startswith(("redis://", "rediss://")):
        raise UsageError(f"'{broker}' is not a Redis URL", "pass --broker redis://HOST:PORT/0")
    app.conf.broker_url = broker
    app.conf.broker_transport_options = transport_options(visibility_timeout or DEFAULT_VISIBILITY)
    if lock_ttl:
        os.environ["CLEARCART_LOCK_TTL"] = str(lock_ttl)  # read by the pool's child processes too
    return app


class HostLock:
    """One audit per store host at a time, over every worker: a Redis lock that a heartbeat keeps alive."""

    def __init__(self, broker: str, host: str, ttl: int):
        import redis

        self.client = redis.Redis.from_url(broker)
        self.lock = self.client.lock(f"clearcart:host:{host}", timeout=ttl, thread_local=False)
        self.ttl = ttl
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def acquire(self, wait: float) -> bool:
        if not self.lock.acquire(blocking=True, blocking_timeout=wait):
            return False
        self._thread = threading.Thread(target=self._beat, daemon=True)
        self._thread.start()
        return True

    def _beat(self) -> None:
        while not self._stop.wait(self.ttl / 3):
            try:
                self.lock.reacquire()
            except Exception:  # Redis restarting, or the lock expired: the audit goes on
                pass

    def release(self) -> None:
        self._stop.set()
        try:
            if self._thread is not None:
                self.lock.release()
        except Exception:  # expired or lost with a Redis restart
            pass
        self.client.close()


@app.task(name=TASK, bind=True, acks_late=True, reject_on_worker_lost=True, max_retries=None)  # attempts: ours
def audit_store_task(self: Any, job: dict[str, Any], attempt: int = 1) -> dict[str, Any]:
    from celery.exceptions import Retry

    from auditor.fleet.task import already_stored

    lock: HostLock | None = None
    try:
        stored = already_stored(job)
        if stored is not None:
            return stored
        lock = HostLock(self.app.conf.broker_url, job["store"]["host"],
                        int(os.environ.get("CLEARCART_LOCK_TTL", DEFAULT_LOCK_TTL)))
        if not lock.acquire(LOCK_WAIT):  # another audit of this host runs: back to the queue, no attempt used
            raise self.retry(kwargs={"job": job, "attempt": attempt}, countdown=5)
        return audit_job(job, attempt)
    except Retry:
        raise
    except Exception as exc:  # the audit, the database or Redis failed: retry, or store the failure
        if attempt > int(job.get("retries", 2)):
            return record_failure(job, describe(exc), attempt)
        raise self.retry(kwargs={"job": job, "attempt": attempt + 1},
                         countdown=int(job.get("retry_delay", 10))) from exc
    finally:
        if lock is not None:
            lock.release()


def publish(jobs: list[dict[str, Any]]) -> None:
    """One task per store, its id the idempotence key; publishing waits out a restarting Redis."""
    from auditor.fleet.task import slug

    policy = {"max_retries": 60, "interval_start": 0.5, "interval_step": 0.5, "interval_max": 2}
    for job in jobs:
        audit_store_task.apply_async(kwargs={"job": job, "attempt": 1}, retry=True, retry_policy=policy,
                                     task_id=f"{job['fleet_run_id']}:{slug(job['store']['url'])}")


def start_worker(concurrency: int, name: str | None = None, loglevel: str = "INFO") -> None:
    """Run a Celery worker in this process (blocks): a prefork pool of ``concurrency`` processes."""
    import socket

    argv = ["worker", f"--loglevel={loglevel}", f"--concurrency={concurrency}", "-Q", QUEUE,
            "-n", name or f"clearcart-{os.getpid()}@{socket.gethostname()}",
            "--without-gossip", "--without-mingle", "--without-heartbeat"]
    app.worker_main(argv=argv)
