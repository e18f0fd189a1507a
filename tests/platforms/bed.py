"""The platform test bed: start a real store platform from platforms/<name>/ and scan it with the real CLI.

Each platform folder has an idempotent setup.sh (installs into platforms/.cache, migrates, seeds) and a
serve.sh PORT that serves the shop on 127.0.0.1 in the foreground. Tests here are marked `platform` and run with
`make test-platforms`, never in `make test` (they install real platforms from the package registries).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

PLATFORMS = ROOT / "platforms"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, timeout: float, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"{url}: the platform server exited ({proc.returncode}); log: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:
                if resp.status < 500:
                    return
        except urllib.error.HTTPError as exc:
            if exc.code < 500:
                return
        except OSError:
            pass
        time.sleep(1)
    pytest.fail(f"{url} did not answer within {timeout:.0f} s; log: {log.read_text()[-2000:]}")


class Platform:
    """setup.sh, then serve.sh on a free port for the life of the context; the server's process group is ended."""

    def __init__(self, name: str, log_dir: Path, ready_path: str = "/", ready_timeout: float = 120,
                 setup_timeout: float = 1800) -> None:
        self.name, self.dir, self.log_dir = name, PLATFORMS / name, log_dir
        self.ready_path, self.ready_timeout, self.setup_timeout = ready_path, ready_timeout, setup_timeout
        self.port = 0
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def __enter__(self) -> Platform:
        setup_log = self.log_dir / f"{self.name}-setup.log"
        with setup_log.open("w") as out:
            done = subprocess.run(["bash", str(self.dir / "setup.sh")], stdout=out, stderr=subprocess.STDOUT,
                                  timeout=self.setup_timeout)
        if done.returncode != 0:
            pytest.fail(f"{self.name}: setup.sh exited {done.returncode}: {setup_log.read_text()[-3000:]}")
        self.port = free_port()
        serve_log = self.log_dir / f"{self.name}-serve.log"
        self.proc = subprocess.Popen(["bash", str(self.dir / "serve.sh"), str(self.port)],
                                     stdout=serve_log.open("w"), stderr=subprocess.STDOUT, start_new_session=True)
        try:
            wait_http(self.url + self.ready_path.lstrip("/"), self.ready_timeout, self.proc, serve_log)
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)


@dataclass
class Scan:
    """One real `clearcart scan` of a platform: exit code, report.json, artifacts.json."""

    returncode: int
    stdout: str
    report: dict
    artifacts: dict
    out: Path
    pages: list[dict] = field(default_factory=list)

    def check(self, check_id: str) -> dict:
        return next(c for c in self.report["checks"] if c["id"] == check_id)

    def page_types(self, pattern) -> dict[str, str]:
        """{url: page_type} of crawled pages whose URL matches the compiled regex `pattern`."""
        return {p["url"]: p["page_type"] for p in self.artifacts["pages"] if pattern.search(p["url"])}

    def walks(self) -> list[dict]:
        return self.artifacts.get("checkout") or []


def scan(url: str, out: Path, *extra: str, timeout: int = 600) -> Scan:
    done = run_cli("scan", url, "--out", str(out), "--max-pages", "40", *extra, timeout=timeout)
    report_file, artifacts_file = out / "report.json", out / "artifacts" / "artifacts.json"
    if not report_file.exists() or not artifacts_file.exists():
        pytest.fail(f"scan of {url} wrote no report (exit {done.returncode}): "
                    f"{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return Scan(done.returncode, done.stdout, json.loads(report_file.read_text()),
                json.loads(artifacts_file.read_text()), out)


def ledger(step: dict) -> dict[str, float]:
    """{line kind: summed amount} of a walk step's price lines, items included."""
    got: dict[str, float] = {}
    for line in step.get("price_lines") or []:
        got[line["kind"]] = round(got.get(line["kind"], 0.0) + (line["amount"] or 0.0), 2)
    return got


def describe(s: Scan) -> str:
    """A short account of what a scan recorded: page types, walks, check statuses (for failure messages)."""
    lines = [f"exit {s.returncode}"]
    for p in s.artifacts["pages"]:
        lines.append(f"  {p['page_type']:<9} {p['url']}  ({'; '.join(p.get('type_reasons') or [])})")
    for w in s.walks():
        lines.append(f"walk from {w['product_url']}: completed={w['completed']} stuck={w['stuck_reason']!r}")
        for st in w["steps"]:
            lines.append(f"  step {st['kind']:<8} {st['url']} button={st['order_button']!r} ledger={ledger(st)}")
    for c in s.report["checks"]:
        lines.append(f"check {c['id']}: {c['status']}: {c['summary']}")
    return "\n".join(lines)


def walk_from(urls: list[tuple[str, str]], out: Path, post_payment_step: bool = False) -> list[dict]:
    """Walk the checkout from each given (product URL, page language) as if the crawl had recognised it as a
    product page: isolates the walker from page typing. ``post_payment_step`` is the user's permit
    (``--post-payment-step``). Returns the walks as JSON-ready dicts."""
    import asyncio

    from auditor.browser import launch
    from auditor.checkout import Walker
    from auditor.model import PageArtifact

    async def run() -> list[dict]:
        walks = []
        async with launch() as browser:
            for i, (url, lang) in enumerate(urls):
                product = PageArtifact(url=url, final_url=url, status=200, page_type="product", lang=lang)
                walk = await Walker(out / f"walk{i}", post_payment_step=post_payment_step).walk(browser, product, 0)
                walks.append(walk.model_dump(mode="json"))
        return walks

    return asyncio.run(run())


def describe_walk(walk: dict) -> str:
    lines = [f"walk from {walk['product_url']}: completed={walk['completed']} stuck={walk['stuck_reason']!r}"]
    for st in walk["steps"]:
        lines.append(f"  step {st['kind']:<8} {st['url']} button={st['order_button']!r} ledger={ledger(st)}")
        lines.append(f"      {st['text_excerpt'][:300]!r}")
    return "\n".join(lines)
