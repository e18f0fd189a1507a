"""Redis and PostgreSQL on this machine, for tests, the benchmark and trying fleet mode on one machine.

``python -m auditor.fleet.services --ensure`` (run by ``make test``) installs the Debian packages
``redis-server`` and ``postgresql`` when their programs are missing, as root with apt (like
``python -m auditor.browser --ensure`` for the browser); it does nothing when they are there.

:class:`RedisServer` and :class:`PostgresCluster` start a private server on a free loopback port in a temporary
folder and stop it (context managers). PostgreSQL refuses to run as root: as root the cluster is created and run
as the ``postgres`` system user (``runuser``), which the Debian package creates.
"""

from __future__ import annotations

import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PACKAGES = {"redis-server": "redis-server", "initdb": "postgresql"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def find_program(name: str) -> str | None:
    """A program on PATH, or PostgreSQL's in Debian's /usr/lib/postgresql/<version>/bin (newest first)."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
                        key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0, reverse=True)
    return candidates[0] if candidates else None


def missing() -> list[str]:
    return [package for program, package in PACKAGES.items() if find_program(program) is None]


def ensure() -> int:
    needed = missing()
    if not needed:
        print("clearcart: redis-server and PostgreSQL are installed")
        return 0
    if not (hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get")):
        print(f"clearcart: error: missing {', '.join(needed)}\n  hint: install the Debian package(s) "
              f"{' '.join(needed)} (apt-get install as root)", file=sys.stderr)
        return 3
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    print(f"clearcart: apt-get install {' '.join(needed)}", file=sys.stderr)
    subprocess.run(["apt-get", "update", "-qq"], env=env, check=False)
    subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *needed], env=env, check=False)
    left = missing()
    if left:
        print(f"clearcart: error: could not install {', '.join(left)}", file=sys.stderr)
        return 3
    return 0


def _wait_port(port: int, seconds: float, proc: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"the server exited with code {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {seconds} s")


class RedisServer:
    """``redis-server`` on 127.0.0.1, append-only file on (queued tasks survive a restart); ``restart()``
    stops and starts it on the same port and data folder."""

    def __init__(self, port: int | None = None):
        program = find_program("redis-server")
        if program is None:
            raise RuntimeError("redis-server is not installed (Debian package redis-server; `make test` installs it)")
        self.program = program
        self.port = port or free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="clearcart-redis-"))
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        self.proc = subprocess.Popen(
            [self.program, "--bind", "127.0.0.1", "--port", str(self.port), "--dir", str(self.dir),
             "--appendonly", "yes", "--appendfsync", "always", "--save", "", "--protected-mode", "yes"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _wait_port(self.port, 15, self.proc)
        return self

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def restart(self, down_for: float = 0.0) -> None:
        self.stop()
        time.sleep(down_for)
        self.start()

    def __enter__(self) -> RedisServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


class PostgresCluster:
    """A throw-away PostgreSQL cluster (initdb in a temporary folder, pg_ctl) on 127.0.0.1, trust auth for
    the loopback only; ``url`` names its ``clearcart`` database."""

    def __init__(self, port: int | None = None):
        initdb, pg_ctl = find_program("initdb"), find_program("pg_ctl")
        if initdb is None or pg_ctl is None:
            raise RuntimeError("PostgreSQL is not installed (Debian package postgresql; `make test` installs it)")
        self.initdb, self.pg_ctl = initdb, pg_ctl
        self.port = port or free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="clearcart-pg-"))
        self.data = self.dir / "data"
        self.as_user: list[str] = []
        if hasattr(os, "geteuid") and os.geteuid() == 0:  # postgres refuses root
            shutil.chown(self.dir, "postgres", "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]

    @property
    def url(self) -> str:
        return f"postgresql://clearcart@127.0.0.1:{self.port}/clearcart"

    def _run(self, *cmd: str) -> None:
        done = subprocess.run([*self.as_user, *cmd], capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"{Path(cmd[0]).name} failed: {(done.stderr or done.stdout).strip()[-500:]}")

    def start(self) -> PostgresCluster:
        self._run(self.initdb, "-D", str(self.data), "-U", "clearcart", "--auth=trust", "-E", "UTF8",
                  "--no-locale", "--no-sync")
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.dir} -c fsync=off"
        self._run(self.pg_ctl, "-D", str(self.data), "-l", str(self.dir / "log"), "-o", options, "-w", "-t", "60",
                  "start")
        import psycopg

        with psycopg.connect(f"postgresql://clearcart@127.0.0.1:{self.port}/postgres", autocommit=True) as conn:
            conn.execute("CREATE DATABASE clearcart")
        return self

    def stop(self) -> None:
        if self.data.exists():
            try:
                self._run(self.pg_ctl, "-D", str(self.data), "-m", "fast", "-w", "stop")
            except (RuntimeError, subprocess.TimeoutExpired):
                pass

    def __enter__(self) -> PostgresCluster:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--ensure" in argv:
        return ensure()
    left = missing()
    print("clearcart: " + (f"missing {', '.join(left)}" if left else "redis-server and PostgreSQL are installed"))
    return 3 if left else 0


if __name__ == "__main__":
    raise SystemExit(main())
