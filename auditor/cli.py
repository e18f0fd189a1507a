"""The `clearcart` command line: thin Typer commands over library functions.

Exit codes: 0 no finding at or above --fail-on; 1 such findings exist; 2 usage or config error (an unwritable
or full output folder too); 3 the audit could not run (unreachable store, no browser, the store blocks
automation); 130 interrupted by Ctrl-C, 143 stopped by SIGTERM (what was gathered is kept in OUT/artifacts).
"""

from __future__ import annotations

import os
import signal
import sys
from enum import Enum
from pathlib import Path
from typing import Any

import typer

from auditor import __version__
from auditor.defaults import DEFAULTS
from auditor.errors import (
    EXIT_CANNOT_RUN,
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    STOP,
    ClearcartError,
    Terminated,
    UsageError,
    output_error,
)

EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)
EXIT_TERMINATED = 143  # SIGTERM (128 + SIGTERM)
_kept: list[Path] = []  # the artifacts folder of the running scan, named when it is interrupted

app = typer.Typer(
    name="clearcart",
    help="Audit an online store for checkout transparency and self-service content, in a real browser.\n\n"
         "Exit codes: 0 no finding at or above --fail-on; 1 such findings; 2 usage, config or output-folder error; "
         "3 the audit could not run; 130 Ctrl-C, 143 SIGTERM (what was gathered is kept in OUT/artifacts).",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class WalkMode(str, Enum):
    checkout = "checkout"
    basket = "basket"
    off = "off"


class FailOn(str, Enum):
    critical = "critical"
    high = "high"
    medium = "medium"
    low = "low"
    info = "info"
    never = "never"


def _formats(value: str) -> list[str]:
    from reports import FORMATS

    if value.strip().lower() == "all":
        return list(FORMATS)
    chosen = [v.strip().lower() for v in value.split(",") if v.strip()]
    unknown = [v for v in chosen if v not in FORMATS]
    if unknown or not chosen:
        raise UsageError(f"unknown report format '{','.join(unknown) or value}'",
                         f"choose from: all, {', '.join(FORMATS)} (comma-separated)")
    return chosen


def escape(text: str) -> str:
    from rich.markup import escape as rich_escape

    return rich_escape(text)


def redact_url(text: str) -> str:
    from auditor.crawl import redact_url as redact

    return redact(text)


def _writable(folder: Path) -> None:
    """Fail before any browsing when the output folder cannot be created or written (exit 2, the path named)."""
    probe = folder / f".clearcart-write-test-{os.getpid()}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise output_error(exc, folder) from exc


def _say_unread(console: _Console, artifacts: Any) -> None:
    """Name the linked pages the crawl did not read (robots.txt, page budget, failures, off-site redirects)."""
    unread = list(artifacts.unread)
    if not unread:
        return
    by_reason: dict[str, list[Any]] = {}
    for u in unread:
        by_reason.setdefault(u.reason, []).append(u)
    words = {"robots": "blocked by robots.txt", "budget": "over the page budget (--max-pages)",
             "failed": "failed or abandoned", "offsite": "redirected to another site (not audited)"}
    for reason, items in by_reason.items():
        # help pages first: a check that needed one says needs-review
        items = sorted(items, key=lambda u: not u.topic)
        names = ", ".join(u.url + (f" ({u.topic})" if u.topic else "") for u in items[:5])
        more = f" and {len(items) - 5} more" if len(items) > 5 else ""
        console.say(f"not read, {words.get(reason, reason)}: {len(items)} page(s): {names}{more}")


def _split(values: list[str] | None) -> list[str]:
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


class _Console:
    """Progress on a terminal (rich); quiet in CI, when piped, or with --quiet."""

    def __init__(self, quiet: bool, console: Any = None):
        from rich.console import Console

        self.err = console or Console(stderr=True, highlight=False)
        self.enabled = not quiet and self.err.is_terminal and not os.environ.get("CI")
        self.quiet = quiet
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> _Console:
        if self.enabled:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

            self._progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                                      MofNCompleteColumn(), TextColumn("[dim]{task.fields[url]}"),
                                      console=self.err, transient=True)
            self._progress.start()
            self._task = self._progress.add_task("Crawling", total=None, url="")
        return self

    def __exit__(self, *exc: Any) -> None:
        if self._progress is not None:
            self._progress.stop()

    def __call__(self, event: str, **data: Any) -> None:
        if self._progress is None:
            return
        if event == "page":  # a store's URL is text, never console markup
            self._progress.update(self._task, url=escape(redact_url(str(data.get("url", "")))[-70:]))
        elif event == "done":
            self._progress.update(self._task, completed=data.get("pages"), total=data.get("total"))
        elif event == "order-suspected":  # said at once, whatever the display (see _say_orders)
            self._progress.console.print(str(data.get("message", "")), markup=False, highlight=False)
        elif event == "stage":
            self._progress.update(self._task, description=escape(str(data.get("name", ""))), completed=0,
                                  total=data.get("total"))

    def say(self, message: str) -> None:
        """Print a line; store text in it (titles, URLs, errors) is never read as markup or emoji codes."""
        if not self.quiet:
            self.err.print(message, markup=False, emoji=False, highlight=False, soft_wrap=True)


def _say_orders(suspected: list[Any]) -> None:
    """The store may have registered an order: said first, on stdout and stderr, never hidden by --quiet."""
    from auditor.safety import order_warning

    for s in suspected:
        line = _printable(order_warning(s.url, s.evidence))
        typer.echo(line)
        typer.echo(line, err=True)


def _report_and_exit(result: Any, out: Path, formats: list[str], fail_on: str, console: _Console,
                     fail_on_new: bool = False, lang: str = "en", assets_dir: Path | None = None) -> None:
    from reports import write_reports

    _say_orders(result.order_suspected)
    written = write_reports(result, out, formats, lang=lang, assets_dir=assets_dir)
    counts: dict[str, int] = {}
    for f in result.findings:
        counts[f.severity] = counts.get(f.severity, 0) + 1
    incomplete = [f for f in result.findings if f.check == "audit-coverage" and f.severity != "info" and (
        f.rule in ("no-products", "no-walk")
        or (f.rule == "ledger-unreadable" and (f.evidence or {}).get("safety_stop")))]
    if incomplete:
        console.say(f"incomplete audit: {incomplete[0].title.lower()} — {incomplete[0].message}")
        evidence = incomplete[0].evidence or {}
        if evidence.get("safety_stop") or any(s.get("safety_stop") for s in evidence.get("coverage", {}).get(
                "walks_stuck", [])):
            console.say("hint: the never-order guard stopped the walk before the order summary; on your own or a "
                        "staging store, --post-payment-step lets it post that step (README: the user's permit)")
    statuses = ", ".join(f"{c.id}: {c.status}" for c in result.checks)
    console.say(f"checks: {statuses}")
    console.say("findings: " + (", ".join(f"{counts[s]} {s}" for s in ("critical", "high", "medium", "low", "info")
                                          if s in counts) or "none"))
    if result.baseline:
        new = sum(1 for f in result.findings if f.change == "new")
        console.say(f"against the baseline: {new} new, {len(result.findings) - new} unchanged, "
                    f"{len(result.fixed)} fixed")
    for warning in result.warnings:
        console.say(f"warning: {warning}")
    for name in formats:
        typer.echo(f"{name}: {written[name]}")
    if result.order_suspected:  # the walk may have placed an order: the audit did not run as it must
        _say_orders(result.order_suspected)
        raise typer.Exit(EXIT_CANNOT_RUN)
    failing = [] if fail_on == "never" else result.failing_findings(fail_on, only_new=fail_on_new)
    if failing:
        what = "new finding(s)" if fail_on_new else "finding(s)"
        console.say(f"{len(failing)} {what} at or above '{fail_on}': exit {EXIT_FINDINGS}")
        raise typer.Exit(EXIT_FINDINGS)
    raise typer.Exit(EXIT_OK)


def _evaluate(artifacts: Any, config: Any, fail_on: str, only: list[str], skip: list[str],
              baseline: Path | None, allow_incomplete: bool = False) -> Any:
    from auditor.audit import evaluate

    return evaluate(artifacts, config, fail_on, only, skip, baseline, allow_incomplete)


def _fail_on(config: Any, cli_value: FailOn | None) -> str:
    value = config.value("fail-on", cli_value.value if cli_value else None, DEFAULTS.fail_on)
    if value not in FailOn.__members__:
        raise UsageError(f"fail-on = '{value}' in {config.path} is not a severity",
                         f"choose from: {', '.join(FailOn.__members__)}")
    return value


OUT_HELP = "Folder for the reports; artifacts go to OUT/artifacts."
FORMAT_HELP = "Report formats: all, or a comma-separated list of json, html, md, junit."
FAIL_ON_HELP = ("Exit 1 when a finding is at or above this severity ('never': always exit 0 after a run). "
                f"Default: {DEFAULTS.fail_on}.")
CONFIG_HELP = "Configuration file (default: ./clearcart.toml, else [tool.clearcart] in ./pyproject.toml)."
BASELINE_HELP = "An earlier report.json: mark each finding new / unchanged / fixed."
FAIL_NEW_HELP = "With --baseline: only new findings at or above --fail-on fail the run."
POST_PAYMENT_STEP_HELP = ("Let the checkout walk post a step that takes the payment choice before the order summary "
                          "(Shoptet, IdoSell, Shoper, OpenCart do), or let its delivery choice save the address on a "
                          "one-page checkout that shows a payment choice from the start (EverShop), so it reaches the "
                          "summary. Off by default: a store whose neutral button or delivery choice there places the "
                          "order would register one. For your own or a staging store. Config file: "
                          "post-payment-step.")
ALLOW_INCOMPLETE_HELP = ("Report an audit that could not recognise or walk any product as a low finding instead of "
                        "a high one (config: allow-incomplete).")
REPORT_LANG_HELP = (f"Language of report.html: en, pl, uk or de (config file: report-lang). "
                    f"Default: {DEFAULTS.report_lang}.")


def _settings(config_file: Path | None, fmt: str | None, fail_on: FailOn | None,
              report_lang: str | None) -> tuple[Any, list[str], str, str]:
    """What every reporting command reads first: the config file, then the formats, the failure threshold and the
    report language (each: CLI beats the file, the file beats the default); any of them wrong is a usage error."""
    from auditor.config import load_config

    config = load_config(config_file)
    formats = _formats(config.value("format", fmt, "all"))
    return config, formats, _fail_on(config, fail_on), _report_lang(config, report_lang)


def _report_lang(config: Any, cli_value: str | None) -> str:
    """The report language: CLI beats the config file, the file beats "en"; an unknown one is a usage error."""
    from reports.i18n import check_language

    return check_language(config.value("report-lang", cli_value, DEFAULTS.report_lang))
TICKETS_HELP = ("A support-ticket export (CSV of Zendesk, Freshdesk, Gorgias, Help Scout or any CSV; JSON, JSON "
                "Lines, .mbox, .eml or a folder of .eml files): faq-gaps compares its topics with the site's FAQ. "
                "Personal data is redacted before anything is stored.")
TEXT_COLUMN_HELP = ("The column (CSV) or key (JSON, dotted for nested) holding the ticket text, when it is not "
                    "found by its name. Config file: text-column in the tickets table.")


def _ticket_options(config: Any, tickets: Path | None, text_column: str | None) -> dict[str, Any]:
    """The ticket import's options (CLI beats [tickets] in the config file), after checking the export can be
    read at all: a missing, unreadable or unknown file is a usage error before any browsing."""
    column = config.ticket_value("text-column", text_column)
    if tickets is None:
        if text_column is not None:
            raise UsageError("--text-column needs --tickets", "pass the ticket export with --tickets FILE")
        return {}
    from auditor.gather import check_tickets

    check_tickets(tickets, column)
    return {"text_column": column}


def _say_tickets(console: _Console, artifacts: Any) -> None:
    t = artifacts.tickets
    if t is None:
        return
    languages = ", ".join(f"{k} {v}" for k, v in list(t.languages.items())[:4])
    console.say(f"tickets: {t.imported} of {t.total} imported from {t.source} ({t.format}, {t.encoding}"
                f"{'; ' + languages if languages else ''}); {len(t.topics)} topics, {t.broken_rows} broken rows")


@app.command()
def scan(
    url: str = typer.Argument(..., help="The store's home page, e.g. https://shop.example.com/"),
    out: Path = typer.Option(Path("clearcart-report"), "--out", "-o", help=OUT_HELP),
    max_pages: int | None = typer.Option(None, "--max-pages", min=1, max=5000,
                                            help=f"Page budget of the crawl. Default: {DEFAULTS.max_pages}."),
    concurrency: int | None = typer.Option(None, "--concurrency", min=1, max=16,
                                              help=f"Pages loaded at once. Default: {DEFAULTS.concurrency}."),
    products: int | None = typer.Option(None, "--products", min=0, max=1000,
                                           help="Product pages sampled across categories. "
                                                f"Default: {DEFAULTS.products}."),
    ignore_robots: bool = typer.Option(False, "--ignore-robots", help="Ignore robots.txt (your own store only)."),
    page_timeout: float | None = typer.Option(None, "--page-timeout", min=5, max=600,
                                                 help="Hard deadline of one page in seconds: a page still loading "
                                                      "or running a script then is abandoned as failed and the "
                                                      f"crawl goes on. Default: {DEFAULTS.page_timeout_s:g}."),
    checkout_products: int | None = typer.Option(None, "--checkout-products", min=0, max=20,
                                                    help="Products walked through checkout, never ordering "
                                                         f"(0: no walk). Default: {DEFAULTS.checkout_products}."),
    journey: Path | None = typer.Option(None, "--journey", help="A Chrome DevTools Recorder JSON export to "
                                           "replay instead of the checkout heuristics."),
    journey_rebase: bool = typer.Option(False, "--journey-rebase", help="Replay the journey on the scanned "
                                        "store's address (it was recorded on staging or another port)."),
    walk: WalkMode | None = typer.Option(None, "--walk", help="The checkout walk: checkout (to the last step "
                                            "before ordering, never ordering), basket (stop at the basket) or off. "
                                            f"Config file: walk. Default: {DEFAULTS.walk}."),
    tickets: Path | None = typer.Option(None, "--tickets", help=TICKETS_HELP),
    text_column: str | None = typer.Option(None, "--text-column", help=TEXT_COLUMN_HELP),
    gather_only: bool = typer.Option(False, "--gather-only",
                                     help="Stop after saving artifacts; run `clearcart check` later."),
    fmt: str | None = typer.Option(None, "--format", "-f", help=FORMAT_HELP),
    report_lang: str | None = typer.Option(None, "--report-lang", help=REPORT_LANG_HELP),
    fail_on: FailOn | None = typer.Option(None, "--fail-on", help=FAIL_ON_HELP),
    only: list[str] | None = typer.Option(None, "--only",
                                             help="Run only these checks (ids, repeatable or comma-separated)."),
    skip: list[str] | None = typer.Option(None, "--skip", help="Skip these checks."),
    baseline: Path | None = typer.Option(None, "--baseline", help=BASELINE_HELP),
    fail_on_new: bool = typer.Option(False, "--fail-on-new", help=FAIL_NEW_HELP),
    config_file: Path | None = typer.Option(None, "--config", help=CONFIG_HELP),
    allow_incomplete: bool = typer.Option(False, "--allow-incomplete", help=ALLOW_INCOMPLETE_HELP),
    post_payment_step: bool = typer.Option(False, "--post-payment-step", help=POST_PAYMENT_STEP_HELP),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress display."),
) -> None:
    """Crawl a store in a real browser, walk its checkout (never ordering), run every check, write the reports.

    Credentials in the URL (https://user:password@host/) serve HTTP authentication only and are never saved.

    Pages not read (robots.txt, page budget, failure, another site) are named on the console and in the reports.

    Ctrl-C or SIGTERM stops the run; what was gathered is kept in OUT/artifacts.
    """
    from auditor.audit import audit_options, audit_store

    config, formats, threshold, lang = _settings(config_file, fmt, fail_on, report_lang)
    if fail_on_new and baseline is None:
        raise UsageError("--fail-on-new needs --baseline", "pass the report.json of an earlier run with --baseline")
    options = audit_options(config, threshold, max_pages=max_pages, concurrency=concurrency, products=products,
                            ignore_robots=ignore_robots, page_timeout=page_timeout,
                            checkout_products=checkout_products, journey=journey, journey_rebase=journey_rebase,
                            walk=walk.value if walk else None, tickets=tickets, text_column=text_column,
                            only=_split(only), skip=_split(skip), baseline=baseline,
                            allow_incomplete=allow_incomplete, post_payment_step=post_payment_step)
    artifacts_dir = out / "artifacts"
    _writable(artifacts_dir)
    _kept[:] = [artifacts_dir]
    with _Console(quiet) as console:
        console.say(f"clearcart {__version__}: auditing {redact_url(url)}")
        artifacts, result = audit_store(url, out, options, progress=console, gather_only=gather_only)
    suspected = [w.order_suspected for w in artifacts.checkout if w.order_suspected is not None]
    _say_orders(suspected)
    console.say(f"{len(artifacts.pages)} pages in {artifacts.duration_s:.1f} s; artifacts: {artifacts_dir}")
    _say_unread(console, artifacts)
    _say_tickets(console, artifacts)
    for error in artifacts.errors[:5]:
        console.say(f"warning: {error}")
    if result is None:  # --gather-only
        typer.echo(f"artifacts: {artifacts_dir}")
        raise typer.Exit(EXIT_CANNOT_RUN if suspected else EXIT_OK)
    _report_and_exit(result, out, formats, threshold, console, fail_on_new, lang=lang, assets_dir=artifacts_dir)


@app.command()
def check(
    artifacts_dir: Path = typer.Argument(..., help="An artifacts folder written by `clearcart scan` (OUT/artifacts)."),
    out: Path | None = typer.Option(None, "--out", "-o",
                                       help="Folder for the reports (default: beside the artifacts)."),
    fmt: str | None = typer.Option(None, "--format", "-f", help=FORMAT_HELP),
    report_lang: str | None = typer.Option(None, "--report-lang", help=REPORT_LANG_HELP),
    fail_on: FailOn | None = typer.Option(None, "--fail-on", help=FAIL_ON_HELP),
    only: list[str] | None = typer.Option(None, "--only", help="Run only these checks."),
    skip: list[str] | None = typer.Option(None, "--skip", help="Skip these checks."),
    baseline: Path | None = typer.Option(None, "--baseline", help=BASELINE_HELP),
    fail_on_new: bool = typer.Option(False, "--fail-on-new", help=FAIL_NEW_HELP),
    config_file: Path | None = typer.Option(None, "--config", help=CONFIG_HELP),
    allow_incomplete: bool = typer.Option(False, "--allow-incomplete", help=ALLOW_INCOMPLETE_HELP),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only the report paths."),
) -> None:
    """Run the checks and write the reports from saved artifacts, without a browser."""
    from auditor.model import Artifacts

    config, formats, threshold, lang = _settings(config_file, fmt, fail_on, report_lang)
    only_ids, skip_ids = _split(only), _split(skip)
    _validate_check_ids(only_ids + skip_ids)
    if fail_on_new and baseline is None:
        raise UsageError("--fail-on-new needs --baseline", "pass the report.json of an earlier run with --baseline")
    if not artifacts_dir.exists():
        raise UsageError(f"{artifacts_dir} does not exist", "pass the OUT/artifacts folder of a previous scan")
    artifacts = Artifacts.load(artifacts_dir)
    target = out or Path(artifacts.base_dir).parent
    result = _evaluate(artifacts, config, threshold, only_ids, skip_ids, baseline, allow_incomplete)
    _report_and_exit(result, target, formats, threshold, _Console(quiet), fail_on_new, lang=lang,
                     assets_dir=Path(artifacts.base_dir) if artifacts.base_dir else None)


@app.command("tickets")
def tickets_command(
    file: Path = typer.Argument(..., help=TICKETS_HELP),
    site: str | None = typer.Option(None, "--site", help="Crawl this store for its FAQ and help pages "
                                       "(the crawl only: no checkout walk)."),
    faq_artifacts: Path | None = typer.Option(None, "--faq-artifacts", help="Reuse the artifacts folder of an "
                                                 "earlier scan (OUT/artifacts) instead of crawling."),
    text_column: str | None = typer.Option(None, "--text-column", help=TEXT_COLUMN_HELP),
    out: Path = typer.Option(Path("clearcart-report"), "--out", "-o",
                             help="Folder for the reports; with --site, artifacts go to OUT/artifacts."),
    max_pages: int | None = typer.Option(None, "--max-pages", min=1, max=5000,
                                            help="With --site: page budget of the crawl. "
                                                 f"Default: {DEFAULTS.max_pages}."),
    products: int | None = typer.Option(None, "--products", min=0, max=1000,
                                           help=f"With --site: product pages sampled. Default: {DEFAULTS.products}."),
    ignore_robots: bool = typer.Option(False, "--ignore-robots", help="Ignore robots.txt (your own store only)."),
    fmt: str | None = typer.Option(None, "--format", "-f", help=FORMAT_HELP),
    fail_on: FailOn | None = typer.Option(None, "--fail-on", help=FAIL_ON_HELP),
    config_file: Path | None = typer.Option(None, "--config", help=CONFIG_HELP),
    report_lang: str | None = typer.Option(None, "--report-lang", help=REPORT_LANG_HELP),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress display."),
) -> None:
    """Import support tickets and report the frequent questions the site's FAQ does not answer (faq-gaps)."""
    import dataclasses

    from auditor.model import Artifacts, CrawlSettings

    config, formats, threshold, lang = _settings(config_file, fmt, fail_on, report_lang)
    if (site is None) == (faq_artifacts is None):
        raise UsageError("pass either --site URL or --faq-artifacts DIR (one of them)",
                         "--site crawls the store's help pages; --faq-artifacts reuses OUT/artifacts of a scan")
    saved = Artifacts.load(faq_artifacts) if faq_artifacts is not None else None  # a bad folder fails first
    options = _ticket_options(config, file, text_column)
    with _Console(quiet) as console:
        if saved is None:
            from auditor.gather import gather

            assert site is not None
            settings = CrawlSettings(
                max_pages=config.value("max-pages", max_pages, DEFAULTS.max_pages),
                concurrency=config.value("concurrency", None, DEFAULTS.concurrency),
                products=config.value("products", products, DEFAULTS.products),
                respect_robots=False if ignore_robots
                else config.value("respect-robots", None, DEFAULTS.respect_robots),
                page_timeout_s=config.value("page-timeout", None, DEFAULTS.page_timeout_s),
            )
            _writable(out / "artifacts")
            _kept[:] = [out / "artifacts"]
            console.say(f"clearcart {__version__}: reading the help pages of {redact_url(site)}")
            artifacts = gather(site, out / "artifacts", settings, checkout_products=0, tickets=file,
                               ticket_options=options, progress=console)
        else:
            from auditor.gather import import_tickets

            artifacts = saved  # the saved folder is only read: the tickets go into the reports
            console("stage", name="Tickets", total=None)
            artifacts.tickets = import_tickets(file, progress=console, **options)
    _say_tickets(console, artifacts)
    # only faq-gaps runs here, so a [scan] disable list does not apply
    config = dataclasses.replace(config, scan={k: v for k, v in config.scan.items() if k != "disable"})
    result = _evaluate(artifacts, config, threshold, ["faq-gaps"], [], None)
    assets = out / "artifacts" if saved is None else faq_artifacts
    _report_and_exit(result, out, formats, threshold, console, lang=lang, assets_dir=assets)


@app.command()
def init(
    path: Path = typer.Argument(Path("clearcart.toml"), help="Where to write the starter configuration."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
) -> None:
    """Write a commented starter clearcart.toml."""
    from auditor.config import STARTER

    if path.exists() and not force:
        raise UsageError(f"{path} already exists", "pass --force to overwrite it")
    path.write_text(STARTER, encoding="utf-8")
    typer.echo(f"wrote {path}")


@app.command()
def demo(
    variant: str = typer.Option("good", "--variant", help="Demo store variant (see `clearcart demo --list`)."),
    out: Path = typer.Option(Path("clearcart-report/demo"), "--out", "-o", help=OUT_HELP),
    list_variants: bool = typer.Option(False, "--list", help="List the demo store variants and exit."),
    tickets: Path | None = typer.Option(None, "--tickets", help="A ticket export to check the FAQ against. "
                                           "Default: the bundled sample export in the store's language."),
    no_tickets: bool = typer.Option(False, "--no-tickets", help="Audit without support tickets."),
    report_lang: str | None = typer.Option(None, "--report-lang", help=REPORT_LANG_HELP),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress display."),
) -> None:
    """Serve the bundled demo store on 127.0.0.1, audit it, write the report and print its path."""
    from auditor.gather import gather
    from auditor.model import CrawlSettings
    from fixtures.store.server import DemoStore, variants

    names = variants()
    if list_variants:
        for name in names:
            typer.echo(name)
        raise typer.Exit(EXIT_OK)
    if variant not in names:
        raise UsageError(f"unknown demo variant '{variant}'", f"choose from: {', '.join(names)}")
    from reports.i18n import check_language

    lang = check_language(report_lang or DEFAULTS.report_lang)  # the demo reads no config file
    if no_tickets:
        tickets = None
    elif tickets is None:
        tickets = _demo_tickets(variant)
    with DemoStore(variant) as store, _Console(quiet) as console:
        console.say(f"clearcart {__version__}: demo store '{variant}' at {store.url}")
        artifacts = gather(store.url, out / "artifacts", CrawlSettings(), tickets=tickets, progress=console)
    console.say(f"{len(artifacts.pages)} pages in {artifacts.duration_s:.1f} s")
    from auditor.config import Config
    from reports import FORMATS, write_reports

    result = _evaluate(artifacts, Config(), "never", [], [], None)

    written = write_reports(result, out, FORMATS, lang=lang, assets_dir=out / "artifacts")
    for c in result.checks:
        console.say(f"  {c.id:<18} {c.status:<15} {c.summary}")
    typer.echo(f"report: {written['html'].resolve()}")


def _demo_tickets(variant: str) -> Path:
    """The bundled sample ticket export written for the demo store, in the variant's language."""
    from fixtures.store.variants import get

    folder = Path(__file__).resolve().parent.parent / "fixtures" / "tickets"
    by_lang = {"pl": "freshdesk_pl.csv", "uk": "tickets_uk.jsonl", "ru": "generic_ru.csv"}
    return folder / by_lang.get(getattr(get(variant), "lang", "en"), "zendesk_en.csv")


# ------------------------------------------------------------------------------------------------ fleet mode
FLEET_DB_HELP = ("The fleet database: a SQLite file path (default: OUT/fleet.db) or postgresql://user@host/db.")


@app.command()
def fleet(
    file: Path = typer.Argument(..., help="stores.toml (stores with their own options, defaults at the top) or a "
                                "CSV of store URLs. See docs/fleet.md."),
    out: Path = typer.Option(Path("clearcart-fleet"), "--out", "-o", help="Folder for the portfolio and every "
                             "store's reports (OUT/<store>/<run id>/)."),
    db: str | None = typer.Option(None, "--db", help=FLEET_DB_HELP),
    broker: str | None = typer.Option(None, "--broker", help="redis://HOST:PORT/0: run the audits as Celery "
                                         "tasks on `clearcart worker`s instead of the local pool."),
    workers: int | None = typer.Option(None, "--workers", min=1, max=64, help="Local pool: audits at once "
                                          "(one browser each). Default: the CPU count."),
    retries: int = typer.Option(2, "--retries", min=0, max=10, help="Retries of a failing store before it is "
                                "recorded as failed."),
    retry_delay: int = typer.Option(10, "--retry-delay", min=0, max=3600, help="With --broker: seconds between "
                                    "retries."),
    timeout: float | None = typer.Option(None, "--timeout", min=1, help="With --broker: give up waiting after "
                                            "this many seconds (finished stores stay stored)."),
    report_lang: str | None = typer.Option(None, "--report-lang",
                                              help="Language of portfolio.html: en, pl, uk or de."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress display."),
) -> None:
    """Audit every store of a fleet file, store each run in the database, write portfolio.html and .json."""
    from auditor.fleet import load_stores, run_fleet
    from reports.i18n import check_language

    lang = check_language(report_lang or "en")
    stores = load_stores(file)  # every store's options checked before any audit
    with _Console(quiet) as console:
        console.say(f"clearcart {__version__}: fleet of {len(stores)} store(s) from {file}"
                    f" on {'Celery over ' + broker if broker else 'the local pool'}")
        console("stage", name="Stores", total=len(stores))
        finished: list[dict[str, Any]] = []

        def line(o: dict[str, Any]) -> None:
            finished.append(o)
            score = "-" if o["overall"] is None else str(o["overall"])
            tail = f"  {o['error'][:120]}" if o["status"] == "failed" else f"  {o['findings']} finding(s)"
            message = f"{o['status']:<10} {score:>3}  {o['duration_s']:6.1f} s  {o['url']}{tail}"
            if console.enabled:  # above the progress bar
                console.err.print(message, markup=False, highlight=False)
                console("done", pages=len(finished), total=len(stores))
            else:
                typer.echo(_printable(message))

        result = run_fleet(stores, out, db=db, broker=broker, workers=workers, retries=retries,
                           retry_delay=retry_delay, source=str(file), timeout=timeout, lang=lang, on_result=line)
    failed, failing = result.failed, [o for o in result.outcomes if o.get("failing")]
    console.say(f"fleet run {result.fleet_run_id}: {len(result.outcomes)} store(s) in {result.duration_s:.1f} s, "
                f"{len(failed)} failed, {len(failing)} with findings at or above their fail-on")
    for name in ("html", "json"):
        typer.echo(f"portfolio {name}: {result.portfolio[name]}")
    if failed and len(failed) == len(result.outcomes):
        raise typer.Exit(EXIT_CANNOT_RUN)
    raise typer.Exit(EXIT_FINDINGS if failed or failing else EXIT_OK)


@app.command()
def worker(
    broker: str = typer.Option(..., "--broker", help="redis://HOST:PORT/0, the same as `clearcart fleet --broker`."),
    concurrency: int | None = typer.Option(None, "--concurrency", "-c", min=1, max=64,
                                              help="Audits at once (processes, one browser each). Default: CPUs."),
    visibility_timeout: int | None = typer.Option(None, "--visibility-timeout", min=1, help="Seconds before an "
                                                     "unacknowledged task (its worker died) is delivered again; "
                                                     "above the longest audit. Default: 3600."),
    lock_ttl: int | None = typer.Option(None, "--lock-ttl", min=1, help="Seconds a dead worker's store-host "
                                           "lock lives on. Default: 120."),
    loglevel: str = typer.Option("INFO", "--loglevel", help="Celery log level."),
) -> None:
    """Run a Celery worker that audits the stores `clearcart fleet --broker` publishes (Ctrl-C stops)."""
    from auditor.fleet import distributed
    from auditor.fleet.run import default_workers

    distributed.configure(broker, visibility_timeout, lock_ttl)
    distributed.start_worker(concurrency or default_workers(), loglevel=loglevel.upper())


@app.command()
def history(
    url: str = typer.Argument(..., help="A store URL audited by `clearcart fleet`."),
    db: str = typer.Option("clearcart-fleet/fleet.db", "--db", help="The fleet database (file path or "
                           "postgresql://...)."),
    as_json: bool = typer.Option(False, "--json", help="Print the history as JSON."),
) -> None:
    """List a store's runs: score, findings new / unchanged / fixed since the run before, status."""
    import json as jsonlib

    from auditor.fleet.history import store_history
    from auditor.fleet.storage import Storage

    if "://" not in db and not Path(db).exists():
        raise UsageError(f"fleet database {db} not found", "pass --db (the fleet's OUT/fleet.db by default)")
    storage = Storage(db)
    storage.migrate()
    data = store_history(storage, url)
    if as_json:
        typer.echo(jsonlib.dumps(data, ensure_ascii=False, indent=2))
        return
    typer.echo(_printable(f"{data['name']} ({data['url']}): {len(data['runs'])} run(s)"))
    typer.echo(f"{'started':<26} {'fleet run':<24} {'status':<10} {'score':>5} {'found':>5} {'new':>4} "
               f"{'same':>4} {'fixed':>5}")
    for r in data["runs"]:
        score = "-" if r["overall"] is None else str(r["overall"])
        row = (f"{r['started_at']:<26} {r['fleet_run_id']:<24} {r['status']:<10} {score:>5} {r['findings']:>5} "
               f"{len(r['new']):>4} {r['unchanged']:>4} {len(r['fixed']):>5}")
        typer.echo(_printable(row + (f"  {r['error'][:100]}" if r["error"] and r["status"] == "failed" else "")))
# ------------------------------------------------------------------------------------------- end fleet mode


@app.command("checks")
def list_checks(check_id: str | None = typer.Argument(None, help="A check id: print its full documentation.")) -> None:
    """List every check, or print one check's documentation."""
    import inspect

    import checks as registry

    if check_id:
        module = registry.by_id(check_id)
        if module is None:
            raise UsageError(f"unknown check '{check_id}'", f"known checks: {', '.join(registry.ids())}")
        typer.echo(f"{module.ID} — {module.TITLE} (category: {module.CATEGORY})\n")
        typer.echo(inspect.cleandoc(module.__doc__ or ""))
        if getattr(module, "DEFAULT_OPTIONS", None):
            typer.echo("\nDefault options:")
            for name, value in module.DEFAULT_OPTIONS.items():
                typer.echo(f"  {name} = {value!r}")
        return
    for module in registry.CHECKS:
        first = inspect.cleandoc(module.__doc__ or "").splitlines()[0] if module.__doc__ else ""
        typer.echo(f"{module.ID:<20} {module.CATEGORY:<14} {first}")


def _validate_check_ids(names: list[str]) -> None:
    import checks as registry

    unknown = [n for n in names if registry.by_id(n) is None]
    if unknown:
        raise UsageError(f"unknown check '{unknown[0]}'", f"known checks: {', '.join(registry.ids())}")


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"clearcart {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version_callback, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    pass


def _printable(text: str) -> str:
    """One line without control characters: messages quote file names, headers and URLs the user did not
    write, and a terminal must not receive their escape sequences."""
    return "".join(ch if ch.isprintable() else " " for ch in str(text)).strip()


def _usage_error(exc: Exception) -> bool:
    """Click's (or Typer's vendored Click's) UsageError, found by shape rather than by a private import."""
    return any(cls.__name__ == "UsageError" for cls in type(exc).__mro__) and hasattr(exc, "format_message")


def main(argv: list[str] | None = None) -> int:
    """Console entry point: every error is one line plus a hint, never a traceback."""
    STOP.signal = None
    previous = _on_signals()
    try:
        returned = app(args=argv, prog_name="clearcart", standalone_mode=False)
        if STOP.signal is not None:  # Typer turns Ctrl-C (and SIGTERM) into a bare exit code 130
            return _interrupted()
        return returned if isinstance(returned, int) else EXIT_OK
    except typer.Exit as done:
        return _interrupted() if STOP.signal is not None else done.exit_code
    except typer.Abort:
        return _interrupted()
    except ClearcartError as exc:
        print(f"clearcart: error: {_printable(redact_url(exc.message))}", file=sys.stderr)
        if exc.hint:
            print(f"  hint: {_printable(exc.hint)}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt as exc:
        STOP.signal = STOP.signal or (signal.SIGTERM if isinstance(exc, Terminated) else signal.SIGINT)
        return _interrupted()
    except OSError as exc:
        if exc.filename is None or os.environ.get("CLEARCART_DEBUG"):
            return _internal(exc)
        error = output_error(exc)  # a report or artifact that could not be written: the path named
        print(f"clearcart: error: {_printable(error.message)}\n  hint: {error.hint}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # never a traceback for the user; CLEARCART_DEBUG=1 shows it
        if _usage_error(exc):
            ctx = getattr(exc, "ctx", None)
            usage: Any = exc  # Click's UsageError (see _usage_error)
            format_message = usage.format_message
            if type(exc).__name__ == "NoArgsIsHelpError":
                print(format_message())
                return EXIT_USAGE
            command = ctx.command_path.split(" ", 1)[1] if ctx is not None and " " in ctx.command_path else ""
            message = format_message().strip().splitlines()[0]
            print(f"clearcart: error: {message}", file=sys.stderr)
            print(f"  hint: run `clearcart {command + ' ' if command else ''}--help`", file=sys.stderr)
            return EXIT_USAGE
        return _internal(exc)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _internal(exc: Exception) -> int:
    if os.environ.get("CLEARCART_DEBUG"):
        raise exc
    print(f"clearcart: internal error: {type(exc).__name__}: {_printable(redact_url(str(exc)))}", file=sys.stderr)
    print("  hint: run again with CLEARCART_DEBUG=1 for details and report it", file=sys.stderr)
    return EXIT_CANNOT_RUN


def _on_signals() -> dict[int, Any]:
    """Ctrl-C and SIGTERM (a cancelled CI job, ``timeout``) end the run the same way: what was gathered is saved,
    the browser is closed (inside the browser stages :func:`auditor.browser.run_async` does it), and the exit
    names the signal. A signal the parent ignores stays ignored. Returns the handlers to restore."""

    def stop(signum: int, frame: Any) -> None:
        STOP.signal = signum
        raise Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()

    previous: dict[int, Any] = {}
    for signum in (signal.SIGINT, signal.SIGTERM):
        try:
            handler = signal.getsignal(signum)
            if handler is signal.SIG_IGN or handler is None:
                continue
            previous[signum] = signal.signal(signum, stop)
        except (ValueError, OSError):  # not the main thread
            continue
    return previous


def _interrupted() -> int:
    terminated = STOP.signal == signal.SIGTERM
    what = "stopped by SIGTERM" if terminated else "interrupted (Ctrl-C)"
    kept = f"; what was gathered is kept in {_kept[0]}" if _kept and (_kept[0] / "artifacts.json").exists() else ""
    print(f"clearcart: {what}{kept}", file=sys.stderr)
    return EXIT_TERMINATED if terminated else EXIT_INTERRUPTED


if __name__ == "__main__":
    raise SystemExit(main())
