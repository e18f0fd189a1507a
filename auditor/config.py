"""Configuration: ``clearcart.toml`` or ``[tool.clearcart]`` in ``pyproject.toml``.

Precedence: built-in defaults < the file < command-line options. Unknown keys are an error (exit 2), so a
typo never silently does nothing. Ignore rules need a reason and may expire.
"""

from __future__ import annotations

import fnmatch
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from auditor.defaults import DEFAULTS
from auditor.errors import UsageError

if TYPE_CHECKING:
    from auditor.model import Finding

SCAN_KEYS: dict[str, Any] = {
    "max-pages": int, "concurrency": int, "products": int, "checkout-products": int, "respect-robots": bool,
    "fail-on": str, "disable": list, "report-lang": str, "format": str, "page-timeout": (int, float), "walk": str,
    "allow-incomplete": bool, "post-payment-step": bool,
}
SCAN_RANGES = {  # the same bounds as the command-line options
    "max-pages": (1, 5000), "concurrency": (1, 16), "products": (0, 1000), "checkout-products": (0, 20),
    "page-timeout": (5, 600),
}
CUSTOMER_KEYS = {"email", "first-name", "last-name", "street", "city", "postcode", "phone", "company", "country"}
IGNORE_KEYS = {"fingerprint", "check", "rule", "url", "reason", "expires"}
TICKETS_KEYS = {"text-column": str}  # options of ticket imports (`scan --tickets`, `clearcart tickets`)
TOP_KEYS = {"scan", "customer", "checks", "ignore", "tickets"}

_STARTER = '''# clearcart configuration. Precedence: defaults < this file < command-line options.
# Unknown keys are an error. `clearcart checks ID` documents each check's options.

[scan]
# max-pages = {d.max_pages:<13} # page budget of the crawl
# concurrency = {d.concurrency:<11} # pages loaded at once
# products = {d.products:<14} # product pages sampled across categories
# checkout-products = {d.checkout_products:<5} # products walked through checkout (0: none)
# walk = {walk:<18} # the checkout walk: checkout (to the last step before ordering), basket, off
# post-payment-step = {post:<5} # true: post what a checkout sends after a payment choice is shown (own store)
# respect-robots = {robots:<8} # false only for your own store
# page-timeout = {d.page_timeout_s:<10g} # seconds one page may take (load to snapshot) before it is abandoned as failed
# fail-on = {fail_on:<15} # exit 1 at or above: critical, high, medium, low, info, never
# disable = []              # check ids not to run, e.g. ["faq-gaps"]
# allow-incomplete = {incomplete:<6} # true: an audit that could not recognise or walk a product is a low finding
# report-lang = {report_lang:<11} # report language: en, pl, uk, de

[customer]                  # clearly fake test data the checkout walk types into guest forms
# email = "clearcart-test@example.invalid"
# first-name = "Test"
# last-name = "Clearcart"
# street = "Testowa 1"
# city = "Warszawa"
# postcode = "00-950"
# phone = "+48 500 000 000"

[tickets]                   # support-ticket imports (`scan --tickets FILE`, `clearcart tickets FILE`)
# text-column = "Description"   # the column (or JSON key) holding the ticket text; default: found by name

# [checks.click-depth]      # per-check options
# max_product_depth = 3
# max_help_depth = 2

# [[ignore]]                # accepted findings: a fingerprint, or a check (+ rule) and a URL pattern
# fingerprint = "contact-options:0123456789ab"
# reason = "premium line is the supplier's, change planned"   # required
# expires = 2027-03-31      # optional: the rule stops applying after this date
#
# [[ignore]]
# check = "click-depth"
# url = "*/outlet/*"
# reason = "outlet pages are reached from the newsletter"
'''
STARTER = _STARTER.format(d=DEFAULTS, robots=str(DEFAULTS.respect_robots).lower(), fail_on=f'"{DEFAULTS.fail_on}"',
                          report_lang=f'"{DEFAULTS.report_lang}"', walk=f'"{DEFAULTS.walk}"',
                          incomplete=str(DEFAULTS.allow_incomplete).lower(),
                          post=str(DEFAULTS.post_payment_step).lower())



@dataclass
class IgnoreRule:
    reason: str
    fingerprint: str = ""
    check: str = ""
    rule: str = ""
    url: str = ""
    expires: date | None = None

    def expired(self, today: date | None = None) -> bool:
        return self.expires is not None and (today or date.today()) > self.expires

    def matches(self, finding: Any) -> bool:
        if self.fingerprint:
            return finding.id == self.fingerprint
        if self.check and finding.check != self.check:
            return False
        if self.rule and finding.rule != self.rule:
            return False
        return fnmatch.fnmatchcase(finding.url or "", self.url or "*")

    def describe(self) -> str:
        return self.fingerprint or f"{self.check}{'/' + self.rule if self.rule else ''} {self.url or '*'}"


@dataclass
class Config:
    path: str = ""
    scan: dict[str, Any] = field(default_factory=dict)
    customer: dict[str, str] = field(default_factory=dict)
    checks: dict[str, dict[str, Any]] = field(default_factory=dict)
    ignore: list[IgnoreRule] = field(default_factory=list)
    tickets: dict[str, Any] = field(default_factory=dict)

    def ticket_value(self, key: str, cli_value: Any, default: Any = None) -> Any:
        """A [tickets] option: CLI beats the file, the file beats the default."""
        return cli_value if cli_value is not None else self.tickets.get(key, default)

    def value(self, key: str, cli_value: Any, default: Any) -> Any:
        """CLI beats the file, the file beats the default."""
        if cli_value is not None:
            return cli_value
        return self.scan.get(key, default)


def _check_option(path: Path, key: str, value: Any, default: Any) -> None:
    """A check option must have the type of its default (an integer is fine where a number is expected); a
    number must not be negative."""
    if default is None:
        return
    if isinstance(default, bool):
        ok = isinstance(value, bool)
    elif isinstance(default, (int, float)):
        ok = isinstance(value, (int, float)) and not isinstance(value, bool) and (
            isinstance(default, float) or isinstance(value, int))
        if ok and value < 0:
            raise _fail(path, f"{key} = {value!r} is out of range (must not be negative)")
    else:
        ok = isinstance(value, type(default))
    if not ok:
        raise _fail(path, f"{key} must be {type(default).__name__} like its default {default!r}, not {value!r}")


def _fail(path: Path, message: str) -> UsageError:
    return UsageError(f"{path}: {message}", "run `clearcart init` for a commented example of every key")


def find_config(explicit: str | Path | None = None, cwd: Path | None = None) -> Path | None:
    if explicit:
        path = Path(explicit)
        if not path.exists():
            raise UsageError(f"config file {path} not found", "check the path, or run `clearcart init`")
        return path
    here = cwd or Path.cwd()
    if (here / "clearcart.toml").exists():
        return here / "clearcart.toml"
    pyproject = here / "pyproject.toml"
    if pyproject.exists():
        try:
            if "clearcart" in tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {}):
                return pyproject
        except (tomllib.TOMLDecodeError, UnicodeDecodeError):
            return None
    return None


def load_config(explicit: str | Path | None = None, cwd: Path | None = None) -> Config:

    path = find_config(explicit, cwd)
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise _fail(path, f"not valid TOML ({exc})") from exc
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("clearcart", {})
    return config_from_dict(data, path)


def config_from_dict(data: dict[str, Any], path: Path) -> Config:
    """A configuration from parsed TOML (``path`` names where it came from, for messages)."""
    import checks as registry

    unknown = set(data) - TOP_KEYS
    if unknown:
        raise _fail(path, f"unknown section(s) {', '.join(sorted(unknown))}")
    config = Config(path=str(path))
    for key, value in (data.get("scan") or {}).items():
        if key not in SCAN_KEYS:
            raise _fail(path, f"unknown key scan.{key}")
        kind = SCAN_KEYS[key]
        numeric = kind is int or kind == (int, float)
        if not isinstance(value, kind) or (numeric and isinstance(value, bool)):
            name = "a number" if kind == (int, float) else kind.__name__
            raise _fail(path, f"scan.{key} must be {name}, not {value!r}")
        if key in SCAN_RANGES and not SCAN_RANGES[key][0] <= value <= SCAN_RANGES[key][1]:
            low, high = SCAN_RANGES[key]
            raise _fail(path, f"scan.{key} = {value!r} is out of range ({low} to {high})")
        if key == "disable" and not all(isinstance(v, str) for v in value):
            raise _fail(path, "scan.disable must be a list of check ids (strings)")
        config.scan[key] = value
    for check_id in config.scan.get("disable", []):
        if registry.by_id(check_id) is None:
            raise _fail(path, f"scan.disable names an unknown check '{check_id}'")
    if "walk" in config.scan:
        from auditor.safety import WALK_MODES

        if config.scan["walk"] not in WALK_MODES:
            raise _fail(path, f"scan.walk must be one of {', '.join(WALK_MODES)}")
    if "report-lang" in config.scan:
        from reports.i18n import LANGUAGES

        if config.scan["report-lang"] not in LANGUAGES:
            raise _fail(path, f"scan.report-lang must be one of {', '.join(LANGUAGES)}")
    for key, value in (data.get("tickets") or {}).items():
        if key not in TICKETS_KEYS:
            raise _fail(path, f"unknown key tickets.{key} (known: {', '.join(TICKETS_KEYS)})")
        if not isinstance(value, TICKETS_KEYS[key]) or not str(value).strip():
            raise _fail(path, f"tickets.{key} must be a non-empty {TICKETS_KEYS[key].__name__}")
        config.tickets[key] = value
    for key, value in (data.get("customer") or {}).items():
        if key not in CUSTOMER_KEYS:
            raise _fail(path, f"unknown key customer.{key}")
        config.customer[key.replace("-", "_")] = str(value)
    for check_id, options in (data.get("checks") or {}).items():
        module = registry.by_id(check_id)
        if module is None:
            raise _fail(path, f"[checks.{check_id}] is not a check")
        if not isinstance(options, dict):
            raise _fail(path, f"checks.{check_id} must be a table of options")
        for name, value in options.items():
            if name not in module.DEFAULT_OPTIONS:
                raise _fail(path, f"unknown option checks.{check_id}.{name} "
                                  f"(known: {', '.join(module.DEFAULT_OPTIONS) or 'none'})")
            _check_option(path, f"checks.{check_id}.{name}", value, module.DEFAULT_OPTIONS[name])
        config.checks[check_id] = dict(options)
    for number, rule in enumerate(data.get("ignore") or [], 1):
        unknown = set(rule) - IGNORE_KEYS
        if unknown:
            raise _fail(path, f"ignore rule {number}: unknown key(s) {', '.join(sorted(unknown))}")
        if not str(rule.get("reason", "")).strip():
            raise _fail(path, f"ignore rule {number} has no reason (a reason is required)")
        if not rule.get("fingerprint") and not rule.get("check"):
            raise _fail(path, f"ignore rule {number} needs a fingerprint or a check")
        if rule.get("check") and registry.by_id(rule["check"]) is None:
            raise _fail(path, f"ignore rule {number} names an unknown check '{rule['check']}'")
        expires = rule.get("expires")
        if isinstance(expires, str):
            try:
                expires = date.fromisoformat(expires)
            except ValueError as exc:
                raise _fail(path, f"ignore rule {number}: expires must be a date (YYYY-MM-DD)") from exc
        elif expires is not None and not isinstance(expires, date):
            raise _fail(path, f"ignore rule {number}: expires must be a date (YYYY-MM-DD)")
        config.ignore.append(IgnoreRule(reason=str(rule["reason"]), fingerprint=str(rule.get("fingerprint", "")),
                                        check=str(rule.get("check", "")), rule=str(rule.get("rule", "")),
                                        url=str(rule.get("url", "")), expires=expires))
    return config


def apply_ignores(result: Any, rules: list[IgnoreRule], today: date | None = None) -> list[str]:
    """Move findings matched by a live ignore rule to ``result.suppressed``; returns warnings (expired rules)."""
    warnings = []
    live = []
    for rule in rules:
        if rule.expired(today):
            warnings.append(f"ignore rule '{rule.describe()}' expired on {rule.expires}; it no longer applies")
        else:
            live.append(rule)
    kept: list[Finding] = []
    for finding in result.findings:
        matched = next((r for r in live if r.matches(finding)), None)
        if matched is None:
            kept.append(finding)
        else:
            finding.suppressed_reason = matched.reason
            result.suppressed.append(finding)
    result.findings = kept
    suppressed_ids = {f.id for f in result.suppressed}
    for check in result.checks:
        before = len(check.findings)
        check.findings = [f for f in check.findings if f.id not in suppressed_ids]
        if check.status == "fail" and before and not any(f.severity != "info" for f in check.findings):
            check.status = "pass"
            check.summary += f" ({before - len(check.findings)} finding(s) ignored by configuration)"
    return warnings
