"""faq-gaps: frequent support-ticket topics the store's FAQ and help pages do not answer.

What it checks: the topics mined from the store's support tickets (``clearcart scan URL --tickets FILE``) —
order status, delivery time and cost, returns, refunds, sizes, payment, discount codes, invoices,
cancellations, damaged items and the store's own topics found by clustering — against every answer the
crawled site gives: FAQPage structured data, ``details/summary``, ``dl``, accordions, question headings, and
help pages such as a size guide, a returns page or a delivery page. Entries are classified into the same
multilingual taxonomy as the tickets (so Polish tickets meet an English FAQ); store-specific topics are
matched by lexical similarity. A topic asked in at least ``min_share`` of the tickets with no adequate answer
is a gap: one finding per gap, ranked by ticket volume, with the FAQ question to add in the store's language.

Why it matters: every frequent question without an answer on the site is asked again and again — by the
shoppers who write, and silently by those who give up and leave before buying. A self-service answer cuts
tickets and abandoned baskets; for some topics (delivery costs and times, payment arrangements, the right of
withdrawal, the legal guarantee) the answer is also owed to consumers before the contract (Directive
2011/83/EU, Art. 6(1)).

Failing example: 9% of tickets ask for an invoice and no page mentions invoices → "invoices" gap (medium).
Passing example: 12% of tickets ask where their order is and the FAQ has "How can I track my order?" with an
answer → covered, no finding.

Demand is measured on merged topics: clusters of unexplained tickets that overlap a taxonomy topic count for
that topic (see ``auditor/tickets/mining.py``), so a topic split into fragments is not missed. A topic the
site only mentions without answering (a near-miss: "delivery costs" named in the answer about delivery
options) is a finding too, explained as such. Every decision — gap, near-miss or answered — names the FAQ entry
it was compared with and the score (finding evidence ``compared_with``, the check's details per topic).

Severity from the share of tickets: >= 10% high (a quarter of all tickets is high), >= 5% medium, else low.
Not applicable when no tickets were imported. ``needs-review`` when an FAQ page was linked but not read
(robots.txt, page budget, failure, off-site redirect): a gap may be answered there.

Options: ``min_share`` (default 0.03) — the share of tickets from which an unanswered topic is a gap;
``similarity`` (default measured, see ``auditor/tickets/coverage.py``) — the cosine similarity at which an FAQ
entry answers a store-specific topic; ``min_answer_chars`` (default 40) — shorter answers do not count.
"""

from __future__ import annotations

import sys
from typing import Any

from auditor import details as visual
from auditor.model import Artifacts, CheckResult
from auditor.tickets import coverage as cov
from auditor.tickets import taxonomy
from checks.base import T, finding, not_applicable, result, unread_pages

ID = "faq-gaps"
TITLE = T('FAQ answers what shoppers ask support')
CATEGORY = "self-service"
SEVERITIES = ("high", "medium", "low")
DEFAULT_OPTIONS: dict[str, Any] = {
    "min_share": cov.MIN_SHARE,
    "similarity": cov.SIMILARITY,
    "min_answer_chars": cov.MIN_ANSWER_CHARS,
}

WHY = (T('Shoppers ask support what the site does not answer; every such question is a ticket to handle and, for the '
         'shoppers who do not write, a reason to leave before buying.'))


def severity(share: float) -> str:
    if share >= 0.10:
        return "high"
    if share >= 0.05:
        return "medium"
    return "low"


def run(artifacts: Artifacts, options: dict[str, Any]) -> CheckResult:
    tickets = artifacts.tickets
    if tickets is None:
        return not_applicable(sys.modules[__name__],
                              T('No support tickets were imported (pass --tickets FILE to check FAQ coverage).'))
    module = sys.modules[__name__]
    if not tickets.topics:
        return result(module, [], T('{imported} tickets imported; no topic stood out.', imported=tickets.imported),
                      details=_details(tickets, None, options))
    coverage = cov.assess(artifacts, tickets, min_share=float(options["min_share"]),
                          similarity=float(options["similarity"]),
                          min_answer_chars=int(options["min_answer_chars"]))
    pages = coverage.help_pages
    findings = []
    for rank, row in enumerate(coverage.gaps, start=1):
        topic = row.topic
        legal = taxonomy.TOPICS[topic.id].legal if topic.origin == "taxonomy" else ""
        topic_why = taxonomy.TOPICS[topic.id].why if topic.origin == "taxonomy" else ""
        listed = ", ".join(p["title"] or p["url"] for p in pages[:5]) + ("…" if len(pages) > 5 else "")
        where = (T("The site's help pages ({n_pages}: {listed}) do not answer it.", n_pages=len(pages), listed=listed)
                 if pages else T("The crawl found no FAQ or help page at all."))
        if row.state == "near-miss" and row.closest is not None:
            where = T("The site mentions it (in “{question}”, {url}) but no FAQ entry or help page answers the "
                      "question.", question=row.closest.question, url=row.closest.url)
        approx = "about " if topic.estimated else ""
        findings.append(finding(
            ID, "faq-gap", severity(topic.share),
            T('Frequent question only mentioned, not answered, on the site: {label}', label=topic.label)
            if row.state == "near-miss" else
            T('Frequent question not answered on the site: {label}', label=topic.label),
            T('{approx}{count} of {imported} support tickets ({share:.0%}) ask about {lower}. {where}',
              approx=approx, count=topic.count, imported=tickets.imported, share=topic.share,
              lower=topic.label.lower() if topic.origin == 'taxonomy' else '“' + topic.label + '”', where=where),
            url=pages[0]["url"] if pages else (artifacts.home_url or artifacts.start_url),
            key=topic.id,
            evidence={
                "rank": rank, "topic": topic.id, "label": topic.label, "origin": topic.origin,
                "count": topic.count, "share": topic.share, "estimated": topic.estimated,
                "by_month": topic.by_month, "examples": topic.examples, "terms": topic.terms,
                "suggested_question": row.question, "store_language": coverage.store_lang,
                "help_pages": pages[:10], "state": row.state, "merged": list(topic.merged),
                "compared_with": _compared(row),
            },
            why=" ".join(x for x in (topic_why, WHY, f"Legal basis: {legal}" if legal else "") if x),
            recommendation=(T('Add to the FAQ: “{question}” and answer it in a sentence or two, with a link to the '
                              'page that has the details; mark the FAQ up as schema.org FAQPage so search engines '
                              'and assistants show the answer too. Examples of how customers ask are in the evidence.',
                              question=row.question)),
        ))
    covered = sum(1 for r in coverage.rows if r.covered)
    frequent = [r for r in coverage.rows if r.topic.share >= float(options["min_share"])]
    if findings:
        topics = ", ".join(r.topic.label for r in coverage.gaps[:4]) + ("…" if len(findings) > 4 else "")
        summary = T("{n_findings} of {n_frequent} frequent ticket topics have no answer on the site: {topics}.",
                    n_findings=len(findings), n_frequent=len(frequent), topics=topics)
    else:
        summary = T('Every frequent ticket topic ({n_frequent}) is answered on the site ({covered} topics covered).',
                    n_frequent=len(frequent), covered=covered)
    details = _details(tickets, coverage, options)
    visuals = [visual.bars(details["topics"], float(options["min_share"]))]
    unread, unread_note = unread_pages(artifacts, "faq")
    if unread:  # an FAQ page was linked but not read: a gap may be answered there
        return result(module, findings, summary + " " + unread_note, status="needs-review",
                      details={**details, "unread": unread}, visuals=visuals)
    return result(module, findings, summary, details=details, visuals=visuals)


def _compared(row: cov.TopicCoverage) -> dict[str, Any] | None:
    """The FAQ entry the decision compared the topic with, how it was found and its score."""
    entry = row.answer or row.closest
    if entry is None:
        return None
    return {**entry.as_dict(), "via": row.via, "score": round(row.score, 3)}


def _details(tickets: Any, coverage: cov.Coverage | None, options: dict[str, Any]) -> dict[str, Any]:
    return {
        "tickets": {"source": tickets.source, "format": tickets.format, "encoding": tickets.encoding,
                    "total": tickets.total, "imported": tickets.imported, "broken_rows": tickets.broken_rows,
                    "empty": tickets.empty, "unexplained": tickets.unexplained, "languages": tickets.languages,
                    "redactions": tickets.redactions},
        "topics": [r.as_dict() for r in coverage.rows] if coverage else [],
        "store_language": coverage.store_lang if coverage else "",
        "help_pages": coverage.help_pages if coverage else [],
        "faq_entries": coverage.faq_entries if coverage else 0,
        "min_share": options["min_share"],
        "similarity": options["similarity"],
    }
