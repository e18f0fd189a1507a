"""Configuration: precedence, unknown keys, ignore rules with reasons and expiry; baselines."""

from __future__ import annotations

import json
from datetime import date

import pytest

from auditor.baseline import compare
from auditor.config import STARTER, IgnoreRule, apply_ignores, load_config
from auditor.errors import UsageError
from auditor.model import AuditResult, CheckResult, TargetInfo
from checks.base import finding


def write(tmp_path, text, name="clearcart.toml"):
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path / name


def test_no_file_means_defaults(tmp_path):
    config = load_config(cwd=tmp_path)
    assert config.path == "" and config.value("max-pages", None, 60) == 60


def test_file_beats_default_and_cli_beats_file(tmp_path):
    write(tmp_path, '[scan]\nmax-pages = 25\nfail-on = "medium"\n[checks.click-depth]\nmax_product_depth = 5\n')
    config = load_config(cwd=tmp_path)
    assert config.value("max-pages", None, 60) == 25
    assert config.value("max-pages", 80, 60) == 80
    assert config.value("concurrency", None, 4) == 4
    assert config.checks == {"click-depth": {"max_product_depth": 5}}


def test_pyproject_tool_section(tmp_path):
    write(tmp_path, '[project]\nname = "x"\n[tool.clearcart.scan]\nproducts = 3\n', "pyproject.toml")
    assert load_config(cwd=tmp_path).value("products", None, 12) == 3


@pytest.mark.parametrize("text, message", [
    ("[scan]\nmax_pagez = 3\n", "unknown key scan.max_pagez"),
    ("[scna]\n", "unknown section"),
    ("[scan]\nmax-pages = 'many'\n", "must be int"),
    ("[checks.no-such-check]\nx = 1\n", "is not a check"),
    ("[checks.click-depth]\nmax_depth = 1\n", "unknown option checks.click-depth.max_depth"),
    ("[[ignore]]\ncheck = 'click-depth'\n", "no reason"),
    ("[[ignore]]\nreason = 'x'\n", "needs a fingerprint or a check"),
    ("[[ignore]]\ncheck = 'click-depth'\nreason = 'x'\nexpires = 'soon'\n", "expires must be a date"),
    ("[scan]\ndisable = ['nope']\n", "unknown check 'nope'"),
    ("[scan\n", "not valid TOML"),
])
def test_bad_config_is_a_usage_error(tmp_path, text, message):
    write(tmp_path, text)
    with pytest.raises(UsageError) as info:
        load_config(cwd=tmp_path)
    assert message in info.value.message and info.value.exit_code == 2 and "clearcart init" in info.value.hint


def test_starter_file_loads_clean(tmp_path):
    write(tmp_path, STARTER)
    assert load_config(cwd=tmp_path).path.endswith("clearcart.toml")


def _result(*findings):
    check = CheckResult(id="click-depth", title="t", category="navigation", status="fail", findings=list(findings))
    return AuditResult(target=TargetInfo(url="u", started_at="s", duration_s=0), checks=[check],
                       findings=list(findings))


def test_ignore_rules_by_fingerprint_and_pattern_with_expiry():
    a = finding("click-depth", "product-too-deep", "medium", "t", "m", url="https://s.example/outlet/1")
    b = finding("click-depth", "product-too-deep", "medium", "t", "m", url="https://s.example/p/2")
    c = finding("click-depth", "cart-too-deep", "high", "t", "m", url="https://s.example/cart")
    result = _result(a, b, c)
    rules = [IgnoreRule(reason="outlet is newsletter-only", check="click-depth", url="*/outlet/*"),
             IgnoreRule(reason="accepted", fingerprint=c.id, expires=date(2020, 1, 1))]
    warnings = apply_ignores(result, rules, today=date(2026, 11, 22))
    assert [f.id for f in result.findings] == [b.id, c.id]  # the expired rule no longer hides c
    assert [f.suppressed_reason for f in result.suppressed] == ["outlet is newsletter-only"]
    assert warnings and "expired" in warnings[0]
    assert result.checks[0].status == "fail"


def test_ignoring_every_finding_passes_the_check():
    a = finding("click-depth", "product-too-deep", "medium", "t", "m", url="https://s.example/p/1")
    result = _result(a)
    apply_ignores(result, [IgnoreRule(reason="known", fingerprint=a.id)])
    assert result.findings == [] and result.checks[0].status == "pass"


def test_baseline_marks_new_unchanged_fixed(tmp_path):
    old = finding("click-depth", "product-too-deep", "medium", "t", "m", url="https://s.example/p/1")
    gone = finding("click-depth", "cart-too-deep", "high", "t", "m", url="https://s.example/cart")
    (tmp_path / "old.json").write_text(json.dumps({"findings": [old.model_dump(), gone.model_dump()]}))
    new = finding("click-depth", "help-page-too-deep", "high", "t", "m", url="https://s.example/contact")
    result = compare(_result(old.model_copy(), new), tmp_path / "old.json")
    assert {f.rule: f.change for f in result.findings} == {"product-too-deep": "unchanged",
                                                           "help-page-too-deep": "new"}
    assert [f.rule for f in result.fixed] == ["cart-too-deep"]
    assert [f.rule for f in result.failing_findings("high", only_new=True)] == ["help-page-too-deep"]
    assert result.failing_findings("medium", only_new=True) == [new]


def test_bad_baseline_is_usage_error(tmp_path):
    (tmp_path / "b.json").write_text("[]")
    with pytest.raises(UsageError):
        compare(_result(), tmp_path / "b.json")
    with pytest.raises(UsageError):
        compare(_result(), tmp_path / "missing.json")
