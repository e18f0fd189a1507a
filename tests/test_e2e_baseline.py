"""The CI baseline flow end to end with the real CLI (docs/ci.md), and the CI recipes in docs/ci.md themselves.

1. A first scan of the demo store writes report.json (the baseline a team keeps).
2. A scan of the unchanged store with ``--baseline first/report.json --fail-on-new`` exits 0.
3. The store on the same address gains a defect (variant ``no-contact``: no direct contact channel, a high
   finding): the same command exits 1, and summary.md names the new finding.
4. The defect is fixed again: exit 0, and the baseline's finding of step 3 is reported fixed.

Finding ids are fingerprints of check, rule and page URL, so every scan uses the same port.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from fixtures.store.server import DemoStore
from tests.conftest import run_cli

ROOT = Path(__file__).resolve().parent.parent
CI_DOC = ROOT / "docs" / "ci.md"
SCAN = ("--max-pages", "25", "--products", "2", "--checkout-products", "0", "--format", "json,md,junit")
NEW_FINDING = "No phone, e-mail, chat or messaging app anywhere"  # contact-options / no-direct-channel


def _report(out: Path) -> dict:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


@pytest.mark.browser
def test_baseline_flow_on_the_demo_store(tmp_path, browser_path):
    first, same, worse, fixed = (tmp_path / name for name in ("first", "same", "worse", "fixed"))
    with DemoStore("good") as store:
        port = store.port
        done = run_cli("scan", store.url, "--out", str(first), *SCAN)
        assert done.returncode == 0, done.stderr
        baseline = first / "report.json"
        assert _report(first)["findings"], "the demo store has findings below 'high' to carry over"
        done = run_cli("scan", store.url, "--out", str(same), *SCAN, "--baseline", str(baseline), "--fail-on-new")
    assert done.returncode == 0, done.stderr
    report = _report(same)
    assert report["baseline"] == str(baseline)
    # the crawl picks its pages in link order whatever the timing: an unchanged store is an unchanged report
    assert {f["change"] for f in report["findings"]} == {"unchanged"}, [
        (f["change"], f["check"], f["rule"], f["url"]) for f in report["findings"] if f["change"] != "unchanged"]
    assert not report.get("fixed"), report.get("fixed")
    assert "Against the baseline:" in (same / "summary.md").read_text(encoding="utf-8")

    with DemoStore("no-contact", port=port) as store:  # the same address, one defect more
        done = run_cli("scan", store.url, "--out", str(worse), *SCAN, "--baseline", str(baseline),
                       "--fail-on-new")
    assert done.returncode == 1, done.stderr
    assert "new finding(s) at or above 'high': exit 1" in done.stderr
    report = _report(worse)
    new_high = [f for f in report["findings"] if f["change"] == "new" and f["severity"] in ("high", "critical")]
    assert [(f["check"], f["rule"]) for f in new_high] == [("contact-options", "no-direct-channel")]
    summary = (worse / "summary.md").read_text(encoding="utf-8")
    # the finding's own line (summary.md names it first among the top fixes, then in the findings list)
    line = next(x for x in summary.splitlines() if NEW_FINDING in x and x.startswith("- "))
    assert line.startswith("- **HIGH**") and "*(new)*" in line, line
    assert re.search(r"Against the baseline: [1-9]\d* new, \d+ unchanged, \d+ fixed\.", summary), summary
    junit = (worse / "junit.xml").read_text(encoding="utf-8")
    assert 'name="contact-options"' in junit and "<failure" in junit

    # without --fail-on-new the old findings count too; and once the defect is gone it is reported fixed
    with DemoStore("good", port=port) as store:
        done = run_cli("scan", store.url, "--out", str(fixed), *SCAN, "--baseline", str(worse / "report.json"),
                       "--fail-on-new")
    assert done.returncode == 0, done.stderr
    assert "no-direct-channel" in {f["rule"] for f in _report(fixed)["fixed"]}


def test_baseline_usage_errors(tmp_path):
    (tmp_path / "not-a-report.json").write_text("[]", encoding="utf-8")
    for args in (["--fail-on-new"], ["--baseline", str(tmp_path / "missing.json")],
                 ["--baseline", str(tmp_path / "not-a-report.json")]):
        done = run_cli("scan", "http://127.0.0.1:9/", "--out", str(tmp_path / "out"), *args)
        assert done.returncode == 2, (args, done.stderr)  # before any browsing: the closed port would be exit 3
        assert done.stderr.startswith("clearcart: error: ") and "hint:" in done.stderr


# ------------------------------------------------------------------------------------------------ docs/ci.md


def _yaml_blocks(title: str) -> list[dict]:
    import yaml

    text = CI_DOC.read_text(encoding="utf-8")
    section = text.split(f"## {title}", 1)[1].split("\n## ", 1)[0]
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", section, re.S)]


def _options_used(script: str) -> set[str]:
    return set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", " ".join(
        line for line in script.splitlines() if "clearcart scan" in line or line.strip().startswith("--"))))


def test_ci_doc_github_actions_job_is_complete():
    (workflow,) = _yaml_blocks("GitHub Actions")
    assert "deployment_status" in workflow[True]  # YAML 1.1 reads the key `on` as True
    (job,) = workflow["jobs"].values()
    assert "success" in job["if"]
    assert "bookworm" in str(job["container"])  # Debian: apt's chromium is a real package there
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    assert "apt-get install" in runs and "chromium" in runs and "pip install" in runs
    assert re.search(r'clearcart scan "\$STORE_URL"', runs) and "--baseline" in runs
    assert "$GITHUB_STEP_SUMMARY" in runs and "summary.md" in runs
    uploads = [s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/upload-artifact")]
    assert uploads and uploads[0]["if"] == "always()"
    summary_steps = [s for s in job["steps"] if "GITHUB_STEP_SUMMARY" in s.get("run", "")]
    assert summary_steps and summary_steps[0]["if"] == "always()"
    _assert_real_options(runs)


def test_ci_doc_gitlab_job_is_complete():
    (pipeline,) = _yaml_blocks("GitLab CI")
    jobs = {k: v for k, v in pipeline.items() if isinstance(v, dict) and "script" in v}
    (job,) = jobs.values()
    assert "bookworm" in job["image"]
    commands = "\n".join(job.get("before_script", []) + job["script"])
    assert "apt-get install" in commands and "chromium" in commands and "pip install" in commands
    assert re.search(r'clearcart scan "\$STORE_URL"', commands) and "--baseline" in commands
    assert job["artifacts"]["when"] == "always"
    assert job["artifacts"]["reports"]["junit"].endswith("junit.xml")
    assert "deploy" in str(job["needs"])  # runs after the deploy job
    _assert_real_options(commands)


def _assert_real_options(script: str) -> None:
    """Every option the recipe passes to `clearcart scan` exists."""
    help_text = run_cli("scan", "--help").stdout
    used = _options_used(script)
    assert {"--baseline", "--out"} <= used
    assert not [o for o in used if o not in help_text], used


def test_ci_doc_explains_every_exit_code():
    text = CI_DOC.read_text(encoding="utf-8")
    for code in ("0", "1", "2", "3"):
        assert re.search(rf"^\|\s*`?{code}`?\s*\|", text, re.M), f"exit code {code} not in the table"
