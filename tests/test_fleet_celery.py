"""Fleet mode on the real distributed parts: redis-server, two Celery workers as subprocesses, PostgreSQL.

The same stores file over Redis gives the same findings as the local pool; a worker SIGKILLed in the middle of
an audit leaves its task to be delivered again and every store ends with exactly one stored run; Redis restarted
in the middle of a fleet run, the run completes. `make test` installs redis-server and PostgreSQL (Debian
packages); the tests start private servers on free loopback ports and stop them.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from auditor.fleet.services import PostgresCluster, RedisServer, find_program, free_port
from auditor.fleet.storage import Storage
from fixtures.store.server import DemoStore
from tests.conftest import ROOT
from tests.fleet_support import fingerprints, runs_per_store, stores_toml

pytestmark = pytest.mark.browser

VISIBILITY = 10  # seconds before a dead worker's task is delivered again
ENV = dict(os.environ, CI="true", PYTHONUNBUFFERED="1")


@pytest.fixture(scope="module")
def redis_server():
    if find_program("redis-server") is None:
        pytest.skip("redis-server is not installed: `make test` installs the Debian package redis-server")
    with RedisServer() as server:
        yield server


@pytest.fixture(scope="module")
def postgres():
    if find_program("initdb") is None or find_program("pg_ctl") is None:
        pytest.skip("PostgreSQL is not installed: `make test` installs the Debian package postgresql")
    with PostgresCluster() as cluster:
        yield cluster


class Worker:
    """`clearcart worker` in its own process group (so SIGKILL takes its pool process and browser too)."""

    def __init__(self, broker: str, log: Path):
        self.log = log
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "auditor.cli", "worker", "--broker", broker, "--concurrency", "1",
             "--visibility-timeout", str(VISIBILITY), "--lock-ttl", "6"],
            stdout=log.open("wb"), stderr=subprocess.STDOUT, cwd=ROOT, env=ENV, start_new_session=True)

    def wait_ready(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if " ready." in self.log.read_text(errors="replace"):
                return
            assert self.proc.poll() is None, self.log.read_text(errors="replace")[-3000:]
            time.sleep(0.2)
        pytest.fail("the worker did not start:\n" + self.log.read_text(errors="replace")[-3000:])

    def kill(self) -> None:
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=20)


@pytest.fixture
def workers(redis_server, tmp_path):
    started = [Worker(redis_server.url, tmp_path / f"worker{i}.log") for i in range(2)]
    try:
        for w in started:
            w.wait_ready()
        yield started
    finally:
        for w in started:
            w.stop()


def fleet_cli(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "auditor.cli", "fleet", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT, env=ENV)


def fleet_run_id(stdout: str) -> str:
    return json.loads(Path(stdout.split("portfolio json: ")[1].split()[0]).read_text())["fleet_run"]["id"]


def finish(proc: subprocess.Popen, timeout: float = 400) -> tuple[str, str]:
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        pytest.fail(f"the fleet run did not finish:\n{out}\n{err}")
    assert proc.returncode in (0, 1), err
    return out, err


def test_host_lock_is_exclusive_and_expires_with_its_owner(redis_server):
    from auditor.fleet.distributed import HostLock

    first = HostLock(redis_server.url, "shop.example", ttl=2)
    assert first.acquire(1)
    second = HostLock(redis_server.url, "shop.example", ttl=2)
    other = HostLock(redis_server.url, "other.example", ttl=2)
    assert other.acquire(0.5)  # another host is free
    time.sleep(2.5)  # the heartbeat keeps a live owner's lock past its TTL
    assert not second.acquire(0.5)
    first._stop.set()  # the owner dies: no more heartbeat, the lock expires after its TTL
    assert second.acquire(4)
    for lock in (second, other):
        lock.release()


def test_two_workers_over_redis_find_what_the_local_pool_finds_postgresql(redis_server, postgres, workers,
                                                                         tmp_path):
    stores = [DemoStore(v).start() for v in ("good", "poor-contact")]
    dead = f"http://127.0.0.1:{free_port()}/"
    path = stores_toml(tmp_path / "stores.toml", [(s.url, s.variant.name) for s in stores] + [(dead, "gone")])
    try:
        local = fleet_cli(str(path), "--out", str(tmp_path / "local"), "--workers", "2", "--retries", "1")
        local_out, _ = finish(local)
        remote = fleet_cli(str(path), "--out", str(tmp_path / "remote"), "--broker", redis_server.url,
                           "--db", postgres.url, "--retries", "1", "--retry-delay", "1", "--timeout", "380")
        remote_out, _ = finish(remote)
    finally:
        for s in stores:
            s.stop()
    local_db, local_id = str(tmp_path / "local" / "fleet.db"), fleet_run_id(local_out)
    remote_id = fleet_run_id(remote_out)
    want = fingerprints(local_db, local_id)
    got = fingerprints(postgres.url, remote_id)
    assert set(got) == set(want) == {*(s.url for s in stores), dead}
    assert got == want
    assert runs_per_store(postgres.url, remote_id) == {url: 1 for url in want}
    storage = Storage(postgres.url)
    runs = {r.store.url: r for r in storage.runs_of_fleet(remote_id)}
    assert runs[dead].status == "failed" and runs[dead].attempts == 2 and "cannot reach" in runs[dead].error
    assert {r.status for u, r in runs.items() if u != dead} <= {"complete", "incomplete"}
    assert len({r.worker for r in runs.values()}) == 2  # both workers audited
    storage.dispose()
    assert (tmp_path / "remote" / "portfolio.html").is_file()


def test_a_worker_killed_mid_audit_leaves_exactly_one_run_per_store(redis_server, workers, tmp_path):
    stores = [DemoStore(v).start() for v in ("good", "poor-contact")]
    path = stores_toml(tmp_path / "stores.toml", [(s.url, s.variant.name) for s in stores])
    try:
        fleet = fleet_cli(str(path), "--out", str(tmp_path / "out"), "--broker", redis_server.url, "--timeout", "380")
        deadline = time.monotonic() + 120
        while not all(s.requests for s in stores):  # both workers are auditing (one store each)
            assert time.monotonic() < deadline, "the audits did not start"
            time.sleep(0.1)
        time.sleep(1.0)
        workers[0].kill()
        out, _ = finish(fleet)
        crawls = [sum(1 for _, p in s.requests if p == "/") for s in stores]  # home page loads
    finally:
        for s in stores:
            s.stop()
    run_id = fleet_run_id(out)
    db = str(tmp_path / "out" / "fleet.db")
    assert runs_per_store(db, run_id) == {s.url: 1 for s in stores}
    storage = Storage(db)
    assert all(r.status in ("complete", "incomplete") for r in storage.runs_of_fleet(run_id))
    storage.dispose()
    logs = "\n".join(w.log.read_text(errors="replace")[-2000:] for w in workers)
    assert max(crawls) >= 2, f"no store was audited again after the kill: {crawls}\n{logs}"


def test_redis_restarted_mid_fleet_the_run_completes(redis_server, workers, tmp_path):
    stores = [DemoStore(v).start() for v in ("good", "poor-contact", "no-contact")]
    path = stores_toml(tmp_path / "stores.toml", [(s.url, s.variant.name) for s in stores])
    db = str(tmp_path / "out" / "fleet.db")
    try:
        fleet = fleet_cli(str(path), "--out", str(tmp_path / "out"), "--broker", redis_server.url, "--timeout", "380")
        deadline = time.monotonic() + 200
        while not any(s.requests for s in stores):
            assert time.monotonic() < deadline, "the audits did not start"
            time.sleep(0.1)
        redis_server.restart(down_for=2.0)  # queued and unacknowledged tasks survive in the append-only file
        out, _ = finish(fleet)
    finally:
        for s in stores:
            s.stop()
    run_id = fleet_run_id(out)
    assert runs_per_store(db, run_id) == {s.url: 1 for s in stores}
    storage = Storage(db)
    assert all(r.status in ("complete", "incomplete") for r in storage.runs_of_fleet(run_id))
    storage.dispose()
