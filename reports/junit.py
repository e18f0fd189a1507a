"""junit.xml: one test case per check, for CI systems that show JUnit results.

``<testsuites>`` holds one ``<testsuite name="clearcart">`` with one
``<testcase classname="clearcart.<category>" name="<check id>">`` per check:

* fail → ``<failure type="fail" message="summary">`` whose text lists the check's findings;
* error → ``<error type="error" message="...">`` with the check's error;
* not-applicable → ``<skipped message="not applicable: ...">``;
* needs-review → ``<skipped message="needs review: ...">``;
* pass → no child; findings below the check's failing level (if any) go to ``<system-out>``.

Built with xml.etree, so it is always well-formed; characters XML 1.0 forbids are dropped from store text.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from auditor.model import AuditResult, Finding
from reports.common import clean, findings_by_check, format_duration

MESSAGE_LIMIT = 1000  # attribute text; the full text is in the element body


def _short(text: str) -> str:
    text = " ".join(clean(text).split())
    return text if len(text) <= MESSAGE_LIMIT else text[: MESSAGE_LIMIT - 1] + "…"


def _finding_text(f: Finding) -> str:
    lines = [f"[{f.severity.upper()}] {clean(f.title)}"]
    if f.url:
        lines.append(f"  URL: {clean(f.url)}")
    if f.message:
        lines.append(f"  {clean(f.message)}")
    if f.recommendation:
        lines.append(f"  How to fix: {clean(f.recommendation)}")
    lines.append(f"  id: {clean(f.id)} (rule {clean(f.rule)})")
    if f.items:
        lines.append(f"  found on {len(f.items)} pages or products:")
        lines += [f"    [{i.severity.upper()}] {clean(i.title)} — {clean(i.url)} (id {clean(i.id)})" for i in f.items]
    return "\n".join(lines)


def render_junit(result: AuditResult) -> str:
    grouped, orphans = findings_by_check(result)
    counts = {"tests": len(result.checks), "failures": 0, "errors": 0, "skipped": 0}
    total_time = sum(max(c.duration_ms, 0) for c in result.checks) / 1000
    suites = ET.Element("testsuites", {"name": "clearcart"})
    suite = ET.SubElement(suites, "testsuite", {
        "name": "clearcart",
        "timestamp": clean(result.target.started_at),
        "hostname": "clearcart",
    })
    props = ET.SubElement(suite, "properties")
    for name, value in (("target", result.target.url), ("tool_version", result.tool.version),
                        ("fail_on", result.fail_on), ("pages", len(result.pages)),
                        ("crawl_duration", format_duration(result.target.duration_s))):
        ET.SubElement(props, "property", {"name": name, "value": clean(value)})

    for check in result.checks:
        findings = grouped.get(check.id, [])
        case = ET.SubElement(suite, "testcase", {
            "classname": f"clearcart.{clean(check.category) or 'other'}",
            "name": clean(check.id),
            "time": f"{max(check.duration_ms, 0) / 1000:.3f}",
        })
        listing = "\n\n".join(_finding_text(f) for f in findings)
        if check.status == "fail":
            counts["failures"] += 1
            failure = ET.SubElement(case, "failure", {
                "type": "fail",
                "message": _short(check.summary or f"{len(findings)} finding(s)"),
            })
            failure.text = listing or clean(check.summary)
        elif check.status == "error":
            counts["errors"] += 1
            error = ET.SubElement(case, "error", {
                "type": "error",
                "message": _short(check.error or check.summary or "the check could not run"),
            })
            error.text = clean(check.error or check.summary)
        elif check.status == "not-applicable":
            counts["skipped"] += 1
            ET.SubElement(case, "skipped", {"message": _short(f"not applicable: {check.summary}")})
        elif check.status == "needs-review":
            counts["skipped"] += 1
            ET.SubElement(case, "skipped", {"message": _short(f"needs review: {check.summary}")})
        if check.status != "fail" and listing:
            ET.SubElement(case, "system-out").text = listing

    if result.errors or orphans:
        out = [f"run error: {clean(e)}" for e in result.errors]
        out += [_finding_text(f) for f in orphans]
        ET.SubElement(suite, "system-err").text = "\n".join(out)

    for element in (suites, suite):
        for key, value in counts.items():
            element.set(key, str(value))
        element.set("time", f"{total_time:.3f}")
    ET.indent(suites, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
