"""The command line without a browser: help, version, check docs, usage errors."""

from __future__ import annotations

import checks as registry
from tests.conftest import run_cli


def test_help_and_version():
    done = run_cli("--help")
    assert done.returncode == 0
    for command in ("scan", "check", "demo", "checks"):
        assert command in done.stdout
    version = run_cli("--version")
    assert version.returncode == 0 and version.stdout.startswith("clearcart ")


def test_checks_lists_every_check_and_prints_docs():
    listing = run_cli("checks")
    assert listing.returncode == 0
    for module in registry.CHECKS:
        assert module.ID in listing.stdout
        doc = run_cli("checks", module.ID)
        assert doc.returncode == 0
        first_line = module.__doc__.strip().splitlines()[0]
        assert first_line in doc.stdout
        for option in module.DEFAULT_OPTIONS:
            assert option in doc.stdout


def test_usage_errors_exit_2_without_traceback():
    for args in (["checks", "no-such-check"], ["scan"], ["scan", "http://127.0.0.1:9/", "--max-pages", "0"],
                 ["scan", "http://127.0.0.1:9/", "--fail-on", "sometimes"], ["no-such-command"]):
        done = run_cli(*args)
        assert done.returncode == 2, (args, done.stdout, done.stderr)
        assert "Traceback" not in done.stderr
        assert "hint:" in done.stderr, (args, done.stderr)
