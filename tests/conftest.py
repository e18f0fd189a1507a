"""Shared fixtures: the demo store served locally and scans of it in a real browser."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def browser_path() -> str:
    from auditor.browser import find_browser

    path = find_browser()
    if not path:
        pytest.fail("no Chromium found: run `make test`, which installs one")  # never skip silently
    return path


@pytest.fixture(scope="session")
def scans(tmp_path_factory, browser_path):
    """Crawl each demo store variant once per session: {variant: (artifacts, result, store_url)}."""
    from auditor.crawl import crawl
    from auditor.model import CrawlSettings
    from auditor.runner import run_checks
    from fixtures.store.server import DemoStore

    cache: dict[str, tuple] = {}

    def get(variant: str):
        if variant not in cache:
            out = tmp_path_factory.mktemp(f"scan-{variant}")
            with DemoStore(variant) as store:
                artifacts = crawl(store.url, out / "artifacts", CrawlSettings())
                orders, url = store.orders, store.url
            cache[variant] = (artifacts, run_checks(artifacts), url, orders)
        return cache[variant]

    return get


def run_cli(*args: str, cwd: Path | None = None, timeout: int = 240) -> subprocess.CompletedProcess:
    """Run the real `clearcart` entry point in a subprocess (CI mode: no progress display)."""
    env = dict(os.environ, CI="true", PYTHONUNBUFFERED="1")
    env.pop("CLEARCART_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "auditor.cli", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=cwd or ROOT, env=env)
