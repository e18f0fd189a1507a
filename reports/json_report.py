"""report.json: the stable contract other tools read.

It is the result model as JSON (``AuditResult.model_dump(mode="json")``: tool, target, pages, checks,
findings, fail_on, errors, ...) with a ``summary`` object added right after ``target``::

    "summary": {"fail_on": "high", "failing": 2, "verdict": "fail", "findings": 7,
                "by_severity": {"critical": 0, "high": 2, "medium": 3, "low": 1, "info": 1},
                "checks": 4, "by_status": {"pass": 1, "fail": 2, "needs-review": 1, "not-applicable": 0,
                "error": 0}, "pages": 31, "errors": 0, "suppressed": 0, "new": 0, "fixed": 0}

``failing`` counts the findings at or above ``fail_on``. Key order is fixed, so the same result always
gives the same bytes. Non-finite numbers become null (JSON has no NaN).
"""

from __future__ import annotations

import json
import math
from typing import Any

from auditor.model import AuditResult
from auditor.safety import order_warning
from reports.common import summary


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


def report_data(result: AuditResult) -> dict[str, Any]:
    """The report.json object."""
    dumped = result.model_dump(mode="json", fallback=str)  # free-form evidence/details never break it
    data: dict[str, Any] = {}
    if result.order_suspected:  # first, in plain words: the walk may have placed an order
        data["warning"] = [order_warning(s.url, s.evidence) for s in result.order_suspected]
    for key, value in dumped.items():
        data[key] = value
        if key == "target":
            data["summary"] = summary(result)
    data.setdefault("summary", summary(result))
    return _finite(data)


def render_json(result: AuditResult) -> str:
    return json.dumps(report_data(result), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
