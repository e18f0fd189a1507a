"""The faq-gaps check on artifacts of fixture sites with saved HTML, for tickets in several languages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import checks
import checks.faq_gaps as faq_gaps
from auditor.model import Artifacts, TicketsArtifact, TicketTopic
from auditor.runner import run_check
from auditor.tickets import analyze_tickets
from fixtures.tickets.sites import site_artifacts

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "tickets"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
MINED: dict[str, TicketsArtifact] = {}


def mined(name: str) -> TicketsArtifact:
    if name not in MINED:
        MINED[name] = analyze_tickets(FIXTURES / name)
    return MINED[name]


def test_registered():
    assert faq_gaps in checks.CHECKS
    assert faq_gaps.ID == "faq-gaps" and faq_gaps.CATEGORY == "self-service"


def test_not_applicable_without_tickets(tmp_path):
    result = run_check(faq_gaps, site_artifacts("en", tmp_path))
    assert result.status == "not-applicable" and not result.findings


@pytest.mark.parametrize("tickets", ["zendesk_en.csv", "freshdesk_pl.csv", "generic_ru.csv", "tickets_uk.jsonl",
                                     "eml_pl", "support_sk.mbox"])
def test_demo_store_faq_gaps_are_exactly_the_unanswered_frequent_topics(tmp_path, tickets):
    artifacts = site_artifacts("en", tmp_path)
    artifacts.tickets = mined(tickets)
    result = run_check(faq_gaps, artifacts)
    assert result.status == "fail", result.error
    found = [f.evidence["topic"] for f in result.findings]
    assert sorted(found) == sorted(EXPECTED["demo_gaps"])
    assert not set(found) & set(EXPECTED["demo_covered"])
    counts = {f.evidence["topic"]: f.evidence["count"] for f in result.findings}
    assert [f.evidence["rank"] for f in sorted(result.findings, key=lambda f: f.evidence["rank"])] == [1, 2, 3, 4]
    ranked = sorted(result.findings, key=lambda f: f.evidence["rank"])
    assert [counts[f.evidence["topic"]] for f in ranked] == sorted(counts.values(), reverse=True)
    for finding in result.findings:
        assert finding.rule == "faq-gap" and finding.why and finding.recommendation
        assert finding.evidence["store_language"] == "en"
        assert finding.evidence["suggested_question"].endswith("?")
        assert finding.evidence["help_pages"] and len(finding.evidence["examples"]) == 3
        share = finding.evidence["share"]
        assert finding.severity == ("high" if share >= 0.10 else "medium" if share >= 0.05 else "low")
    details = {t["id"]: t for t in result.details["topics"]}
    for topic_id in EXPECTED["demo_covered"]:
        assert details[topic_id]["covered"] and details[topic_id]["answered_by"]["url"].startswith("https://")
    assert details["size-fit"]["answered_by"]["url"].endswith("size-guide.html")


def test_gaps_follow_the_site_polish_store_and_question_in_polish(tmp_path):
    artifacts = site_artifacts("pl", tmp_path)
    artifacts.tickets = mined("generic_ru.csv")  # Russian tickets against a Polish FAQ
    result = run_check(faq_gaps, artifacts)
    found = {f.evidence["topic"]: f for f in result.findings}
    assert set(found) == {"order-status", "refunds", "size-fit", "cancel-change-order", "damaged-wrong-item"}
    assert found["order-status"].severity == "high"
    assert found["refunds"].evidence["suggested_question"] == "Kiedy otrzymam zwrot pieniędzy?"


def test_russian_store_accordion_faq(tmp_path):
    artifacts = site_artifacts("ru", tmp_path)
    artifacts.tickets = mined("tickets_uk.jsonl")
    found = {f.evidence["topic"] for f in run_check(faq_gaps, artifacts).findings}
    assert found == {"invoices", "discount-codes", "size-fit", "payment-methods"}


def test_store_specific_topics_are_matched_by_similarity(tmp_path):
    artifacts = site_artifacts("en", tmp_path)
    artifacts.tickets = mined("store_topics_en.csv")
    result = run_check(faq_gaps, artifacts)
    clusters = {f.evidence["label"]: f for f in result.findings if f.evidence["origin"] == "cluster"}
    details = {t["label"]: t for t in result.details["topics"] if t["origin"] == "cluster"}
    assert details["gift wrapping"]["covered"] and details["gift wrapping"]["answered_by"]["via"] == "similarity"
    assert "loyalty points" in clusters and any("engrav" in label for label in clusters)
    assert clusters["loyalty points"].evidence["suggested_question"] == "What should I know about “loyalty points”?"


def test_min_share_option_and_empty_site(tmp_path):
    artifacts = site_artifacts("en", tmp_path)
    artifacts.tickets = mined("zendesk_en.csv")
    low = run_check(faq_gaps, artifacts, {"min_share": 0.005})
    assert {"account-login", "availability"} <= {f.evidence["topic"] for f in low.findings}
    bare = Artifacts(start_url="https://nothing.example/")
    bare.tickets = TicketsArtifact(imported=100, topics=[
        TicketTopic(id="invoices", label="Invoices and VAT", count=12, share=0.12, examples=["x"])])
    result = run_check(faq_gaps, bare)
    assert [(f.evidence["topic"], f.severity) for f in result.findings] == [("invoices", "high")]
    assert "no FAQ or help page" in result.findings[0].message
