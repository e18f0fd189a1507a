"""Baselines for CI: compare this run's findings with a previous report.json by fingerprint."""

from __future__ import annotations

import json
from pathlib import Path

from auditor.errors import UsageError
from auditor.model import AuditResult, Finding


def _per_item(finding: Finding) -> list[Finding]:
    """A grouped finding (one rule on several pages or products) as one finding per affected item, each with its
    own fingerprint: baselines compare items, so fixing one product of twelve shows as fixed."""
    if not finding.items:
        return [finding]
    return [Finding(id=i.id, check=finding.check, rule=finding.rule, severity=i.severity, title=i.title,
                    message=i.message, url=i.url, why=finding.why, recommendation=finding.recommendation,
                    texts=i.texts, evidence=i.evidence)
            for i in finding.items]


def load_baseline(path: str | Path) -> list[Finding]:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        findings = [item for f in data["findings"] for item in _per_item(Finding.model_validate(f))]
    except FileNotFoundError as exc:
        raise UsageError(f"baseline {path} not found", "pass the report.json of an earlier run") from exc
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise UsageError(f"baseline {path} is not a clearcart report.json ({type(exc).__name__})",
                         "pass the report.json of an earlier run") from exc
    return findings


def compare(result: AuditResult, path: str | Path) -> AuditResult:
    """Mark each finding new or unchanged and list the baseline's findings that are gone as fixed."""
    old = {f.id: f for f in load_baseline(path)}
    current = set()
    for finding in result.findings:
        finding.change = "unchanged" if finding.id in old else "new"
        current.add(finding.id)
    for check in result.checks:
        for finding in check.findings:
            finding.change = "unchanged" if finding.id in old else "new"
    result.fixed = [f for fid, f in old.items() if fid not in current]
    for f in result.fixed:
        f.change = None
    result.baseline = str(path)
    return result
