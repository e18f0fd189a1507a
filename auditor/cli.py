"""The `clearcart` command line: thin Typer commands over library functions.

Exit codes: 0 no finding at or above --fail-on; 1 such findings exist; 2 usage or config error;
3 the audit could not run (unreachable store, no browser, the store blocks automation).
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Any, Optional

import typer

from auditor import __version__
from auditor.defaults import DEFAULTS
from auditor.errors import EXIT_CANNOT_RUN, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, ClearcartError, UsageError

app = typer.Typer(
    name="clearcart",
    help="Audit an online store for checkout transparency and self-service content, in a real browser.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


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


def _split(values: Optional[list[str]]) -> list[str]:
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


class _Console:
    """Progress on a terminal (rich); quiet in CI, when piped, or with --quiet."""

    def __init__(self, quiet: bool):
        from rich.console import Console

        self.err = Console(stderr=True, highlight=False)
        self.enabled = not quiet and self.err.is_terminal and not os.environ.get("CI")
        self.quiet = quiet
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> "_Console":
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
        if event == "page":
            self._progress.update(self._task, url=str(data.get("url", ""))[-70:])
        elif event == "done":
            self._progress.update(self._task, completed=data.get("pages"), total=data.get("total"))
        elif event == "stage":
            self._progress.update(self._task, description=str(data.get("name", "")), completed=0,
                                  total=data.get("total"))

    def say(self, message: str) -> None:
        if not self.quiet:
            self.err.print(message, markup=False)


def _report_and_exit(result: Any, out: Path, formats: list[str], fail_on: str, console: _Console,
                     fail_on_new: bool = False, lang: str = "en", assets_dir: Optional[Path] = None) -> None:
    from reports import write_reports

    written = write_reports(result, out, formats, lang=lang, assets_dir=assets_dir)
    counts: dict[str, int] = {}
    for f in result.findings:
        counts[f.severity] = counts.get(f.severity, 0) + 1
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
    failing = [] if fail_on == "never" else result.failing_findings(fail_on, only_new=fail_on_new)
    if failing:
        what = "new finding(s)" if fail_on_new else "finding(s)"
        console.say(f"{len(failing)} {what} at or above '{fail_on}': exit {EXIT_FINDINGS}")
        raise typer.Exit(EXIT_FINDINGS)
    raise typer.Exit(EXIT_OK)


def _evaluate(artifacts: Any, config: Any, fail_on: str, only: list[str], skip: list[str],
              baseline: Optional[Path]) -> Any:
    """Checks, then the configuration's ignore rules, then the baseline comparison."""
    from auditor.baseline import compare
    from auditor.config import apply_ignores
    from auditor.runner import finish, run_checks

    threshold = "critical" if fail_on == "never" else fail_on
    disabled = [*skip, *config.scan.get("disable", [])]
    result = run_checks(artifacts, check_options=config.checks, only=only or None, skip=disabled or None,
                        fail_on=threshold)
    result.warnings += apply_ignores(result, config.ignore)
    if baseline is not None:
        compare(result, baseline)
    return finish(result)  # grouping, scores and top fixes: after ignores and baseline (they match items)


def _fail_on(config: Any, cli_value: Optional[FailOn]) -> str:
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
REPORT_LANG_HELP = f"Language of report.html: en, pl, uk or de (config file: report-lang). Default: {DEFAULTS.report_lang}."


def _settings(config_file: Optional[Path], fmt: Optional[str], fail_on: Optional[FailOn],
              report_lang: Optional[str]) -> tuple[Any, list[str], str, str]:
    """What every reporting command reads first: the config file, then the formats, the failure threshold and the
    report language (each: CLI beats the file, the file beats the default); any of them wrong is a usage error."""
    from auditor.config import load_config

    config = load_config(config_file)
    formats = _formats(config.value("format", fmt, "all"))
    return config, formats, _fail_on(config, fail_on), _report_lang(config, report_lang)


def _report_lang(config: Any, cli_value: Optional[str]) -> str:
    """The report language: CLI beats the config file, the file beats "en"; an unknown one is a usage error."""
    from reports.i18n import check_language

    return check_language(config.value("report-lang", cli_value, DEFAULTS.report_lang))
TICKETS_HELP = ("A support-ticket export (CSV of Zendesk, Freshdesk, Gorgias, Help Scout or any CSV; JSON, JSON "
                "Lines, .mbox, .eml or a folder of .eml files): faq-gaps compares its topics with the site's FAQ. "
                "Personal data is redacted before anything is stored.")
TEXT_COLUMN_HELP = ("The column (CSV) or key (JSON, dotted for nested) holding the ticket text, when it is not "
                    "found by its name. Config file: text-column in the tickets table.")


def _ticket_options(config: Any, tickets: Optional[Path], text_column: Optional[str]) -> dict[str, Any]:
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


def _say_tickets(console: "_Console", artifacts: Any) -> None:
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
    max_pages: Optional[int] = typer.Option(None, "--max-pages", min=1, max=5000,
                                            help=f"Page budget of the crawl. Default: {DEFAULTS.max_pages}."),
    concurrency: Optional[int] = typer.Option(None, "--concurrency", min=1, max=16,
                                              help=f"Pages loaded at once. Default: {DEFAULTS.concurrency}."),
    products: Optional[int] = typer.Option(None, "--products", min=0, max=1000,
                                           help=f"Product pages sampled across categories. Default: {DEFAULTS.products}."),
    ignore_robots: bool = typer.Option(False, "--ignore-robots", help="Ignore robots.txt (your own store only)."),
    checkout_products: Optional[int] = typer.Option(None, "--checkout-products", min=0, max=20,
                                                    help="Products walked through checkout, never ordering "
                                                         f"(0: no walk). Default: {DEFAULTS.checkout_products}."),
    journey: Optional[Path] = typer.Option(None, "--journey", help="A Chrome DevTools Recorder JSON export to "
                                           "replay instead of the checkout heuristics."),
    journey_rebase: bool = typer.Option(False, "--journey-rebase", help="Replay the journey on the scanned "
                                        "store's address (it was recorded on staging or another port)."),
    tickets: Optional[Path] = typer.Option(None, "--tickets", help=TICKETS_HELP),
    text_column: Optional[str] = typer.Option(None, "--text-column", help=TEXT_COLUMN_HELP),
    gather_only: bool = typer.Option(False, "--gather-only",
                                     help="Stop after saving artifacts; run `clearcart check` later."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help=FORMAT_HELP),
    report_lang: Optional[str] = typer.Option(None, "--report-lang", help=REPORT_LANG_HELP),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", help=FAIL_ON_HELP),
    only: Optional[list[str]] = typer.Option(None, "--only",
                                             help="Run only these checks (ids, repeatable or comma-separated)."),
    skip: Optional[list[str]] = typer.Option(None, "--skip", help="Skip these checks."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help=BASELINE_HELP),
    fail_on_new: bool = typer.Option(False, "--fail-on-new", help=FAIL_NEW_HELP),
    config_file: Optional[Path] = typer.Option(None, "--config", help=CONFIG_HELP),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress display."),
) -> None:
    """Crawl a store in a real browser, walk its checkout (never ordering), run every check, write the reports."""
    from auditor.gather import gather
    from auditor.model import CrawlSettings

    config, formats, threshold, lang = _settings(config_file, fmt, fail_on, report_lang)
    only_ids, skip_ids = _split(only), _split(skip)
    _validate_check_ids(only_ids + skip_ids)
    if fail_on_new and baseline is None:
        raise UsageError("--fail-on-new needs --baseline", "pass the report.json of an earlier run with --baseline")
    if baseline is not None:
        from auditor.baseline import load_baseline

        load_baseline(baseline)  # a bad baseline is a usage error before any browsing
    ticket_options = _ticket_options(config, tickets, text_column)  # a bad export too
    settings = CrawlSettings(
        max_pages=config.value("max-pages", max_pages, DEFAULTS.max_pages),
        concurrency=config.value("concurrency", concurrency, DEFAULTS.concurrency),
        products=config.value("products", products, DEFAULTS.products),
        respect_robots=False if ignore_robots else config.value("respect-robots", None, DEFAULTS.respect_robots),
    )
    customer = None
    if config.customer:
        from auditor.checkout import TestCustomer

        customer = TestCustomer(**config.customer)
    artifacts_dir = out / "artifacts"
    with _Console(quiet) as console:
        console.say(f"clearcart {__version__}: auditing {url}")
        artifacts = gather(url, artifacts_dir, settings,
                           checkout_products=config.value("checkout-products", checkout_products, DEFAULTS.checkout_products),
                           journey=journey, journey_rebase=journey_rebase, customer=customer, progress=console,
                           tickets=tickets, ticket_options=ticket_options)
    console.say(f"{len(artifacts.pages)} pages in {artifacts.duration_s:.1f} s; artifacts: {artifacts_dir}")
    _say_tickets(console, artifacts)
    for error in artifacts.errors[:5]:
        console.say(f"warning: {error}")
    if gather_only:
        typer.echo(f"artifacts: {artifacts_dir}")
        raise typer.Exit(EXIT_OK)
    result = _evaluate(artifacts, config, threshold, only_ids, skip_ids, baseline)
    _report_and_exit(result, out, formats, threshold, console, fail_on_new, lang=lang, assets_dir=artifacts_dir)


@app.command()
def check(
    artifacts_dir: Path = typer.Argument(..., help="An artifacts folder written by `clearcart scan` (OUT/artifacts)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o",
                                       help="Folder for the reports (default: beside the artifacts)."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help=FORMAT_HELP),
    report_lang: Optional[str] = typer.Option(None, "--report-lang", help=REPORT_LANG_HELP),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", help=FAIL_ON_HELP),
    only: Optional[list[str]] = typer.Option(None, "--only", help="Run only these checks."),
    skip: Optional[list[str]] = typer.Option(None, "--skip", help="Skip these checks."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help=BASELINE_HELP),
    fail_on_new: bool = typer.Option(False, "--fail-on-new", help=FAIL_NEW_HELP),
    config_file: Optional[Path] = typer.Option(None, "--config", help=CONFIG_HELP),
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
    result = _evaluate(artifacts, config, threshold, only_ids, skip_ids, baseline)
    _report_and_exit(result, target, formats, threshold, _Console(quiet), fail_on_new, lang=lang,
                     assets_dir=Path(artifacts.base_dir) if artifacts.base_dir else None)


@app.command("tickets")
def tickets_command(
    file: Path = typer.Argument(..., help=TICKETS_HELP),
    site: Optional[str] = typer.Option(None, "--site", help="Crawl this store for its FAQ and help pages "
                                       "(the crawl only: no checkout walk)."),
    faq_artifacts: Optional[Path] = typer.Option(None, "--faq-artifacts", help="Reuse the artifacts folder of an "
                                                 "earlier scan (OUT/artifacts) instead of crawling."),
    text_column: Optional[str] = typer.Option(None, "--text-column", help=TEXT_COLUMN_HELP),
    out: Path = typer.Option(Path("clearcart-report"), "--out", "-o",
                             help="Folder for the reports; with --site, artifacts go to OUT/artifacts."),
    max_pages: Optional[int] = typer.Option(None, "--max-pages", min=1, max=5000,
                                            help=f"With --site: page budget of the crawl. Default: {DEFAULTS.max_pages}."),
    products: Optional[int] = typer.Option(None, "--products", min=0, max=1000,
                                           help=f"With --site: product pages sampled. Default: {DEFAULTS.products}."),
    ignore_robots: bool = typer.Option(False, "--ignore-robots", help="Ignore robots.txt (your own store only)."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help=FORMAT_HELP),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", help=FAIL_ON_HELP),
    config_file: Optional[Path] = typer.Option(None, "--config", help=CONFIG_HELP),
    report_lang: Optional[str] = typer.Option(None, "--report-lang", help=REPORT_LANG_HELP),
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
                respect_robots=False if ignore_robots else config.value("respect-robots", None, DEFAULTS.respect_robots),
            )
            console.say(f"clearcart {__version__}: reading the help pages of {site}")
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
    tickets: Optional[Path] = typer.Option(None, "--tickets", help="A ticket export to check the FAQ against. "
                                           "Default: the bundled sample export in the store's language."),
    no_tickets: bool = typer.Option(False, "--no-tickets", help="Audit without support tickets."),
    report_lang: Optional[str] = typer.Option(None, "--report-lang", help=REPORT_LANG_HELP),
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


@app.command("checks")
def list_checks(check_id: Optional[str] = typer.Argument(None, help="A check id: print its full documentation.")) -> None:
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
    try:
        returned = app(args=argv, prog_name="clearcart", standalone_mode=False)
        return returned if isinstance(returned, int) else EXIT_OK
    except typer.Exit as done:
        return done.exit_code
    except typer.Abort:
        print("clearcart: interrupted", file=sys.stderr)
        return 130
    except ClearcartError as exc:
        print(f"clearcart: error: {_printable(exc.message)}", file=sys.stderr)
        if exc.hint:
            print(f"  hint: {_printable(exc.hint)}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("clearcart: interrupted; artifacts gathered so far were kept", file=sys.stderr)
        return 130
    except Exception as exc:  # never a traceback for the user; CLEARCART_DEBUG=1 shows it
        if _usage_error(exc):
            ctx = getattr(exc, "ctx", None)
            if type(exc).__name__ == "NoArgsIsHelpError":
                print(exc.format_message())
                return EXIT_USAGE
            command = ctx.command_path.split(" ", 1)[1] if ctx is not None and " " in ctx.command_path else ""
            message = exc.format_message().strip().splitlines()[0]
            print(f"clearcart: error: {message}", file=sys.stderr)
            print(f"  hint: run `clearcart {command + ' ' if command else ''}--help`", file=sys.stderr)
            return EXIT_USAGE
        if os.environ.get("CLEARCART_DEBUG"):
            raise
        print(f"clearcart: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        print("  hint: run again with CLEARCART_DEBUG=1 for details and report it", file=sys.stderr)
        return EXIT_CANNOT_RUN


if __name__ == "__main__":
    raise SystemExit(main())
