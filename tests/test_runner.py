"""The check runner and the check contract: explicit list, isolation of failures, options, docs."""

from __future__ import annotations

import inspect
import re
import types
import typing

import pytest

import checks as registry
from auditor.errors import UsageError
from auditor.model import Artifacts, CheckResult, PageArtifact
from auditor.runner import run_check, run_checks
from checks.base import finding, result

ID_RE = re.compile(r"^[a-z]+(-[a-z]+)*$")


def _artifacts() -> Artifacts:
    return Artifacts(start_url="https://shop.example/", pages=[
        PageArtifact(url="https://shop.example/", final_url="https://shop.example/", status=200, depth=0,
                     page_type="home", title="Shop"),
    ])


@pytest.mark.parametrize("module", registry.CHECKS, ids=lambda m: m.ID)
def test_every_check_follows_the_contract(module):
    assert ID_RE.match(module.ID)
    assert module.__name__ == "checks." + module.ID.replace("-", "_")
    assert module.TITLE and module.CATEGORY
    assert set(module.SEVERITIES) <= {"critical", "high", "medium", "low", "info"}
    assert isinstance(module.DEFAULT_OPTIONS, dict)
    doc = inspect.cleandoc(module.__doc__ or "").lower()
    for section in ("why it matters", "fail", "pass", "option"):
        assert section in doc, f"{module.ID} docstring lacks '{section}'"
    for option in module.DEFAULT_OPTIONS:
        assert option in doc, f"{module.ID} docstring does not document option {option}"
    # typed: ``run`` returns a CheckResult (not Any), so mypy checks what every caller does with it
    hints = typing.get_type_hints(module.run)
    assert hints.get("return") is CheckResult, f"{module.ID}.run is annotated -> {hints.get('return')}"
    # a check never imports another check: what two checks share lives in auditor/
    imported = re.findall(r"^\s*(?:from|import)\s+checks\.(\w+)", inspect.getsource(module), re.M)
    assert set(imported) <= {"base"}, f"{module.ID} imports checks.{', checks.'.join(sorted(set(imported)))}"


@pytest.mark.parametrize("module", registry.CHECKS, ids=lambda m: m.ID)
def test_every_check_survives_empty_artifacts(module):
    outcome = run_check(module, Artifacts(start_url="https://shop.example/"))
    assert outcome.status != "error", outcome.error


def test_ids_unique_and_stable():
    assert len(set(registry.ids())) == len(registry.ids())
    assert {"click-depth", "contact-options"} <= set(registry.ids())


def test_a_raising_check_becomes_error_and_others_still_run(monkeypatch):
    broken = types.ModuleType("checks.broken")
    broken.ID, broken.TITLE, broken.CATEGORY, broken.SEVERITIES, broken.DEFAULT_OPTIONS = (
        "broken", "Broken", "navigation", ["low"], {})

    def run(artifacts, options):
        raise ZeroDivisionError("boom")

    broken.run = run
    monkeypatch.setattr(registry, "CHECKS", [broken, *registry.CHECKS])
    outcome = run_checks(_artifacts())
    statuses = {c.id: c.status for c in outcome.checks}
    assert statuses["broken"] == "error"
    assert "ZeroDivisionError: boom" in outcome.checks[0].error
    assert all(s != "error" for cid, s in statuses.items() if cid != "broken")


def test_unknown_check_and_option_are_usage_errors():
    with pytest.raises(UsageError):
        run_checks(_artifacts(), only=["no-such-check"])
    with pytest.raises(UsageError) as info:
        run_checks(_artifacts(), check_options={"click-depth": {"no_such_option": 1}})
    assert "known options" in info.value.hint


def test_result_status_follows_findings():
    module = registry.CHECKS[0]
    low = finding(module.ID, "r", "low", "t", "m", url="https://shop.example/a")
    info = finding(module.ID, "r", "info", "t", "m", url="https://shop.example/b")
    assert result(module, [low], "s").status == "fail"
    assert result(module, [info], "s").status == "pass"
    assert low.id == finding(module.ID, "r", "high", "t2", "m2", url="https://shop.example/a").id
    assert low.id != info.id


def test_failing_findings_threshold():
    low = finding("click-depth", "r", "low", "t", "m", url="a")
    high = finding("click-depth", "r", "high", "t", "m", url="b")
    outcome = run_checks(_artifacts())
    outcome.findings = [low, high]
    assert outcome.failing_findings("high") == [high]
    assert outcome.failing_findings("low") == [low, high]


def test_artifacts_round_trip(tmp_path):
    original = _artifacts()
    original.save(tmp_path)
    loaded = Artifacts.load(tmp_path)
    assert loaded.pages == original.pages and loaded.base_dir == str(tmp_path)
    (tmp_path / "artifacts.json").write_text("{not json")
    with pytest.raises(UsageError):
        Artifacts.load(tmp_path)
