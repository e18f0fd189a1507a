"""audit-coverage and the report's coverage block, on artifacts built in the test (no browser)."""

from __future__ import annotations

import checks
import checks.audit_coverage as check
from auditor.model import Artifacts, CheckoutStep, CheckoutWalk, PageArtifact
from auditor.runner import run_check, run_checks

HOME = "https://shop.example/"
SHOPPER = {"prices": 6, "buy_controls": 0, "buy_in_cards": 0, "basket_link": True}


def page(path, kind, depth=1, shopper=None, reasons=()):
    return PageArtifact(url=HOME + path, final_url=HOME + path, status=200, depth=depth, page_type=kind,
                        shopper=shopper or {}, type_reasons=list(reasons))


def artifacts(*pages, walks=()):
    return Artifacts(start_url=HOME, pages=[page("", "home", 0, SHOPPER), *pages], checkout=list(walks))


def walk(completed, stuck="", kind="details", reason=""):
    step = CheckoutStep(url=HOME + "checkout", kind=kind, unreadable_reason=reason)
    return CheckoutWalk(product_url=HOME + "p/1", steps=[step], completed=completed, stuck_reason=stuck)


def test_module_contract_and_in_the_explicit_list():
    assert check in checks.CHECKS and check.ID == "audit-coverage"
    for rule in ("no-products", "no-walk", "ledger-unreadable", "allow_incomplete"):
        assert rule in check.__doc__


def test_a_shop_without_recognised_products_is_high_and_lowered_when_allowed():
    res = run_check(check, artifacts(page("category/a", "category", shopper=SHOPPER)))
    assert res.status == "fail" and [(f.rule, f.severity) for f in res.findings] == [("no-products", "high")]
    assert res.details["coverage"]["sells"] is True and res.details["coverage"]["products_recognised"] == 0
    low = run_check(check, artifacts(page("category/a", "category", shopper=SHOPPER)), {"allow_incomplete": True})
    assert [(f.rule, f.severity) for f in low.findings] == [("no-products", "low")]


def test_a_site_that_does_not_sell_is_not_applicable():
    site = Artifacts(start_url=HOME, pages=[page("", "home", 0), page("about", "other")])
    assert run_check(check, site).status == "not-applicable"


def test_no_walk_reached_the_last_step_names_where_and_why():
    res = run_check(check, artifacts(page("p/1", "product"), walks=[walk(False, "no button to continue found")]))
    assert [(f.rule, f.severity) for f in res.findings] == [("no-walk", "high")]
    assert "details step: no button to continue found" in res.findings[0].message


def test_a_completed_walk_passes_and_an_unreadable_ledger_is_reported():
    assert run_check(check, artifacts(page("p/1", "product"), walks=[walk(True, kind="review")])).status == "pass"
    res = run_check(check, artifacts(page("p/1", "product"),
                                     walks=[walk(True, kind="review", reason="the lines add up to 9.00")]))
    assert [(f.rule, f.severity) for f in res.findings] == [("ledger-unreadable", "low")]


def test_blind_checks_say_needs_review_when_the_store_sells_and_the_coverage_block_lists_them():
    result = run_checks(artifacts(page("category/a", "category", shopper=SHOPPER)))
    status = {c.id: c.status for c in result.checks}
    assert status["hidden-costs"] == status["size-chart"] == status["product-info"] == "needs-review"
    cover = result.coverage
    assert cover["pages_by_type"] == {"category": 1, "home": 1} and cover["walks_started"] == 0
    assert {c["check"] for c in cover["checks_not_judged"]} >= {"hidden-costs", "size-chart", "product-info"}
    # a site that does not sell keeps not-applicable
    quiet = run_checks(Artifacts(start_url=HOME, pages=[page("", "home", 0), page("about", "other")]))
    assert {c.id: c.status for c in quiet.checks}["hidden-costs"] == "not-applicable"


def test_an_audit_that_could_not_walk_ranks_first_among_the_top_fixes():
    """A walk that could not run hides everything it would have shown: it outranks a late fee on many products."""
    from auditor.model import AuditResult, CheckResult, TargetInfo
    from auditor.runner import finish
    from checks.base import finding

    res = run_check(check, artifacts(page("p/1", "product"), walks=[walk(False, "no button to continue found")]))
    fees = [finding("hidden-costs", "late-fee", "critical", "Fee", "", url=f"{HOME}p/{i}") for i in range(6)]
    costs = CheckResult(id="hidden-costs", title="Hidden costs", category="costs", status="fail", findings=fees)
    checks_ = [costs, res]
    result = finish(AuditResult(target=TargetInfo(url=HOME, started_at="2025-03-01T10:15:00+00:00", duration_s=1.0),
                                checks=checks_,
                                findings=[f for c in checks_ for f in c.findings]))
    assert [(x.check, x.rule) for x in result.top_fixes][:2] == [("audit-coverage", "no-walk"),
                                                                   ("hidden-costs", "late-fee")]
    # allowed to be incomplete (low), it no longer hides the costs
    low = run_check(check, artifacts(page("p/1", "product"), walks=[walk(False, "stuck")]), {"allow_incomplete": True})
    checks_ = [costs, low]
    result = finish(AuditResult(target=TargetInfo(url=HOME, started_at="2025-03-01T10:15:00+00:00", duration_s=1.0),
                                checks=checks_,
                                findings=[f for c in checks_ for f in c.findings]))
    assert result.top_fixes[0].check == "hidden-costs"


def test_the_coverage_block_is_a_typed_table_the_report_draws_in_its_language(tmp_path):
    from lxml import html as lxml_html

    import reports
    from auditor.model import AuditResult, TableDetails, TargetInfo

    res = run_check(check, artifacts(page("p/1", "product"), walks=[walk(False, "no button to continue found")]))
    table = next(v for v in res.visuals if isinstance(v, TableDetails))
    counts = {row["what"]["id"]: row["count"] for row in table.rows}
    assert counts["Pages read"] == 2 and counts["Product pages recognised"] == 1
    assert counts["Checkout walks started"] == 1 and counts["Checkout walks that reached the last step"] == 0
    result = AuditResult(target=TargetInfo(url=HOME, started_at="2025-03-01T10:15:00+00:00", duration_s=1.0),
                         checks=[res], findings=list(res.findings))
    doc = lxml_html.document_fromstring(reports.render_html(result, lang="de", assets_dir=tmp_path))
    text = " ".join(doc.text_content().split())
    assert "Was das Audit sehen konnte" in text and "Begonnene Durchläufe des Bestellvorgangs" in text


def test_coverage_says_whether_the_audit_was_complete():
    """The fleet marks a run incomplete from ``coverage.complete``: no products, or no walk reaching the end."""
    from auditor.coverage import coverage

    product = page("p/1", "product", shopper=SHOPPER, reasons=["structured data: Product"])
    assert coverage(artifacts(product, walks=[walk(True)]))["complete"] is True
    assert coverage(artifacts(product, walks=[walk(False, "no button to continue")]))["complete"] is False
    assert coverage(artifacts(page("category/a", "category", shopper=SHOPPER)))["complete"] is False
    assert coverage(artifacts(product))["complete"] is True  # no walk asked for (--walk off)


def test_a_walk_the_guard_stopped_names_the_users_permit(tmp_path):
    """The never-order guard stopped the walk (the store posts its payment choice before the summary): the finding
    recommends --post-payment-step and says what it risks; `clearcart check` prints the hint after the first line."""
    from tests.conftest import run_cli

    stopped = walk(False, "the payment step's next action was stopped by the safety guard (POST …)", kind="payment")
    stopped.guard_stop = True
    arts = artifacts(page("p/1", "product"), walks=[stopped])
    res = run_check(check, arts)
    assert [(f.rule, f.severity) for f in res.findings] == [("no-walk", "high")]
    assert "--post-payment-step" in res.findings[0].recommendation and "places the order" in \
        res.findings[0].recommendation
    assert res.details["coverage"]["walks_stuck"][0]["safety_stop"] is True
    plain = run_check(check, artifacts(page("p/1", "product"), walks=[walk(False, "no button to continue found")]))
    assert "--post-payment-step" not in plain.findings[0].recommendation
    folder = tmp_path / "artifacts"
    folder.mkdir()
    (folder / "artifacts.json").write_text(arts.model_dump_json(), encoding="utf-8")
    done = run_cli("check", str(folder), "--only", "audit-coverage", "--format", "json", "--out", str(tmp_path / "r"))
    lines = [" ".join(line.split()) for line in done.stderr.splitlines() if line.strip()]
    first = next(i for i, line in enumerate(lines) if line.startswith("incomplete audit:"))
    assert lines[first + 1].startswith("hint: the never-order guard stopped the walk") and \
        "--post-payment-step" in lines[first + 1]
    assert done.returncode == 1


def test_an_unreadable_last_step_the_guard_caused_names_the_users_permit():
    """A one-page checkout whose delivery the guard kept from being priced: the ledger-unreadable finding
    recommends --post-payment-step; an unreadable ledger for another reason does not."""
    guarded = walk(True, kind="review", reason="the delivery charge is not shown at the last step ('Shipping: "
                                               "Select shipping method'); the never-order guard stopped what the page "
                                               "sent (POST …/addresses)")
    guarded.guard_stop = True
    res = run_check(check, artifacts(page("p/1", "product"), walks=[guarded]))
    assert [(f.rule, f.severity) for f in res.findings] == [("ledger-unreadable", "high")]
    assert "--post-payment-step" in res.findings[0].recommendation
    other = run_check(check, artifacts(page("p/1", "product"),
                                       walks=[walk(True, kind="review", reason="the lines add up to 9.00")]))
    assert "--post-payment-step" not in other.findings[0].recommendation
