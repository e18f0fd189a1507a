"""Shared pieces of every check: the finding builder and the result builder.

A check is a module with:

* a module docstring (the spec: what it checks, why it matters, a failing and a passing example, options);
* ``ID`` (stable kebab-case), ``TITLE``, ``CATEGORY``, ``SEVERITIES`` (the severities its findings can
  have) and ``DEFAULT_OPTIONS`` (a dict);
* ``run(artifacts, options) -> CheckResult``: a pure function over saved artifacts. It never touches the
  browser or the network.
"""

from __future__ import annotations

from typing import Any

from auditor.model import SEVERITY_ORDER, CheckResult, Finding, Message, fingerprint


class T(str):
    """A translatable English text: ``T("Only {count} image(s) of “{name}”", count=1, name=title)`` *is* the
    English sentence (a ``str``) and remembers its template (the gettext message id, extracted by pybabel with
    the keyword ``T``) and parameters, so every report language can show it.

    Parameters are store text or numbers (never translated) or themselves ``T`` (translated too). Format specs
    work (``{amount:.2f}``). ``T + T`` (and ``T + str``) is ``T("{a}{b}")`` of the two parts, each translated
    on its own.
    """

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, **params: Any) -> T:
        obj = super().__new__(cls, template.format(**params) if params else template)
        obj.template = template
        obj.params = params
        return obj

    def __add__(self, other: Any) -> T:
        if isinstance(other, str):
            return T("{a}{b}", a=self, b=other)  # each part is translated on its own
        return NotImplemented

    def __radd__(self, other: Any) -> T:
        if isinstance(other, str):
            return T("{a}{b}", a=other, b=self)
        return NotImplemented

    def message(self) -> Message:
        return Message(id=self.template, params={k: _param(v) for k, v in self.params.items()})


def _param(value: Any) -> Any:
    if isinstance(value, T):
        return value.message().model_dump()
    return value if value is None or isinstance(value, (str, int, float, bool)) else str(value)


def texts_of(**fields: Any) -> dict[str, Message]:
    """The translatable forms of the given texts (those built with :class:`T`)."""
    return {name: value.message() for name, value in fields.items() if isinstance(value, T)}


def finding(
    check_id: str,
    rule: str,
    severity: str,
    title: str,
    message: str,
    *,
    url: str = "",
    key: str = "",
    evidence: dict[str, Any] | None = None,
    why: str = "",
    recommendation: str = "",
) -> Finding:
    """Build a finding whose id is a fingerprint of check, rule and ``key`` (default: the URL).

    ``key`` must name the defect, not the run: use a URL path or a label, never a count or a time.
    """
    return Finding(
        id=fingerprint(check_id, rule, key or url),
        check=check_id,
        rule=rule,
        severity=severity,  # type: ignore[arg-type]
        title=title,
        message=message,
        url=url,
        evidence=evidence or {},
        why=why,
        recommendation=recommendation,
        texts=texts_of(title=title, message=message, why=why, recommendation=recommendation),
    )


def result(
    module: Any,
    findings: list[Finding],
    summary: str,
    *,
    status: str | None = None,
    details: dict[str, Any] | None = None,
    visuals: list[Any] | None = None,
    fail_at: str = "low",
) -> CheckResult:
    """Build a check result. Without an explicit ``status`` it is ``fail`` when any finding is at or
    above ``fail_at`` severity, else ``pass``."""
    if status is None:
        level = SEVERITY_ORDER[fail_at]
        status = "fail" if any(SEVERITY_ORDER[f.severity] >= level for f in findings) else "pass"
    return CheckResult(
        id=module.ID,
        title=module.TITLE,
        category=module.CATEGORY,
        status=status,  # type: ignore[arg-type]
        summary=summary,
        findings=sorted(findings, key=lambda f: (-SEVERITY_ORDER[f.severity], f.url, f.rule)),
        details=details or {},
        visuals=visuals or [],
        texts=texts_of(title=T(module.TITLE) if isinstance(module.TITLE, str) else module.TITLE, summary=summary),
    )


def unread_pages(artifacts: Any, topic: str) -> tuple[list[dict[str, str]], str]:
    """The linked pages of a help ``topic`` ("returns", "contact", "faq") the crawl did not read (robots.txt, page
    budget, failure, off-site redirect), as evidence, and a sentence naming them ('' when there are none). A
    check that needed such a page says needs-review instead of pass, fail on absence, or not-applicable."""
    unread = artifacts.unread_about(topic) if hasattr(artifacts, "unread_about") else []
    if not unread:
        return [], ""
    why = {"robots": T("blocked by robots.txt"), "budget": T("over the page budget"), "failed": T("failed to load"),
           "offsite": T("redirected to another site")}
    listed = [{"url": u.url, "reason": u.reason, "link_text": u.link_text, "detail": u.detail} for u in unread[:10]]
    names: str = ""
    for u in unread[:3]:
        named = T("{url} ({why})", url=u.url, why=why.get(u.reason, u.reason))
        names = named if not names else names + "; " + named
    sentence = {
        "returns": T("The returns page linked from the store was not read: {names}, so this could not be checked "
                     "there. Needs review.", names=names),
        "contact": T("The contact page linked from the store was not read: {names}, so this could not be checked "
                     "there. Needs review.", names=names),
        "faq": T("The FAQ page linked from the store was not read: {names}, so this could not be checked there. "
                 "Needs review.", names=names),
    }.get(topic) or T("The {topic} page linked from the store was not read: {names}, so this could not be checked "
                      "there. Needs review.", topic=topic, names=names)
    return listed, sentence


def not_applicable(module: Any, summary: str, details: dict[str, Any] | None = None,
                   visuals: list[Any] | None = None) -> CheckResult:
    return result(module, [], summary, status="not-applicable", details=details, visuals=visuals)


def not_seen(module: Any, artifacts: Any, summary: str, details: dict[str, Any] | None = None) -> CheckResult:
    """The check could not see what it needs (no product page, no walk): ``needs-review`` when the store plainly
    sells (prices with a basket were seen), else ``not-applicable``. Never a silent pass."""
    from auditor.coverage import store_sells

    if store_sells(artifacts):
        return result(module, [], T("{summary} The store sells, so this needs a review (see audit-coverage).",
                                    summary=summary), status="needs-review", details=details)
    return not_applicable(module, summary, details)


def options_with_defaults(module: Any, options: dict[str, Any] | None) -> dict[str, Any]:
    """Merge user options over the check's defaults; unknown option names are an error."""
    from auditor.errors import UsageError

    merged = dict(getattr(module, "DEFAULT_OPTIONS", {}))
    for name, value in (options or {}).items():
        if name not in merged:
            known = ", ".join(sorted(merged)) or "none"
            raise UsageError(f"unknown option '{name}' for check {module.ID}", f"known options: {known}")
        merged[name] = value
    return merged
