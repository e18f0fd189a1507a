"""The command line without a browser: help, version, check docs, usage errors."""

from __future__ import annotations

import checks as registry
from tests.conftest import run_cli


def test_help_and_version():
    done = run_cli("--help")
    assert done.returncode == 0
    for command in ("scan", "check", "demo", "checks"):
        assert command in done.stdout
    version = run_cli("--version")
    assert version.returncode == 0 and version.stdout.startswith("clearcart ")


def test_checks_lists_every_check_and_prints_docs():
    listing = run_cli("checks")
    assert listing.returncode == 0
    for module in registry.CHECKS:
        assert module.ID in listing.stdout
        doc = run_cli("checks", module.ID)
        assert doc.returncode == 0
        first_line = module.__doc__.strip().splitlines()[0]
        assert first_line in doc.stdout
        for option in module.DEFAULT_OPTIONS:
            assert option in doc.stdout


def test_usage_errors_exit_2_without_traceback():
    for args in (["checks", "no-such-check"], ["scan"], ["scan", "http://127.0.0.1:9/", "--max-pages", "0"],
                 ["scan", "http://127.0.0.1:9/", "--fail-on", "sometimes"], ["no-such-command"]):
        done = run_cli(*args)
        assert done.returncode == 2, (args, done.stdout, done.stderr)
        assert "Traceback" not in done.stderr
        assert "hint:" in done.stderr, (args, done.stderr)


# ------------------------------------------------------------------------------------------------ ticket import

from pathlib import Path  # noqa: E402

TICKETS = Path(__file__).resolve().parent.parent / "fixtures" / "tickets"
CLOSED = "http://127.0.0.1:9/"  # nothing listens: reaching the crawl would be exit 3, not 2


def _usage_error(done, *words):
    assert done.returncode == 2, (done.returncode, done.stdout, done.stderr)
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert lines[0].startswith("clearcart: error: ") and lines[1].strip().startswith("hint: "), lines
    assert len(lines) == 2 and "Traceback" not in done.stderr, lines
    assert all(ch.isprintable() for line in lines for ch in line), lines  # no escape sequence reaches a terminal
    for word in words:
        assert word in done.stderr, (word, done.stderr)


def test_bad_ticket_exports_fail_before_the_crawl(tmp_path):
    (tmp_path / "sheet.xlsx").write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "numbers.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (tmp_path / "blank.csv").write_text("Subject,Description\n\n\n", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    (tmp_path / "notes.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(4096))
    (tmp_path / "controls.csv").write_bytes(bytes(range(1, 32)) + b",\x1b[31mred\n1,2\n")
    cases = [
        (tmp_path / "missing.csv", "does not exist"),
        (tmp_path / "folder", "without .eml files"),
        (tmp_path / "sheet.xlsx", "zip/Excel"),
        (tmp_path / "empty.csv", "is empty"),
        (tmp_path / "numbers.csv", "no column with the ticket text"),
        (tmp_path / "blank.csv", "no ticket records"),
        (tmp_path / "notes.bin", "binary"),
        (tmp_path / "controls.csv", "no column with the ticket text"),
    ]
    for path, words in cases:
        _usage_error(run_cli("scan", CLOSED, "--tickets", str(path), "--out", str(tmp_path / "out")), words)
        _usage_error(run_cli("tickets", str(path), "--site", CLOSED, "--out", str(tmp_path / "out")), words)
    assert not (tmp_path / "out").exists()  # nothing was crawled or written
    _usage_error(run_cli("scan", CLOSED, "--tickets", str(TICKETS / "zendesk_en.csv"), "--text-column", "Nope"),
                 "no column 'Nope'", "Description")
    _usage_error(run_cli("scan", CLOSED, "--text-column", "Description"), "--text-column needs --tickets")


def test_tickets_command_needs_exactly_one_source(tmp_path):
    export = str(TICKETS / "zendesk_en.csv")
    _usage_error(run_cli("tickets", export), "--site URL or --faq-artifacts DIR")
    _usage_error(run_cli("tickets", export, "--site", CLOSED, "--faq-artifacts", str(tmp_path)), "one of them")
    _usage_error(run_cli("tickets", export, "--faq-artifacts", str(tmp_path)), "no artifacts.json")


def test_text_column_precedence_defaults_file_cli(tmp_path):
    """[tickets] text-column in clearcart.toml is used; --text-column beats it; unknown keys are errors."""
    export = str(TICKETS / "zendesk_en.csv")
    (tmp_path / "clearcart.toml").write_text('[tickets]\ntext-column = "Nope"\n', encoding="utf-8")
    _usage_error(run_cli("scan", CLOSED, "--tickets", export, cwd=tmp_path), "no column 'Nope'")
    past_the_file = run_cli("scan", CLOSED, "--tickets", export, "--text-column", "Description", cwd=tmp_path)
    assert past_the_file.returncode == 3, past_the_file.stderr  # the export was accepted: the crawl ran
    (tmp_path / "clearcart.toml").write_text('[tickets]\ncolumn = "Description"\n', encoding="utf-8")
    _usage_error(run_cli("scan", CLOSED, "--tickets", export, cwd=tmp_path), "unknown key tickets.column")
    (tmp_path / "clearcart.toml").write_text("[tickets]\ntext-column = 3\n", encoding="utf-8")
    _usage_error(run_cli("scan", CLOSED, "--tickets", export, cwd=tmp_path), "tickets.text-column must be")


def test_config_tickets_section_unit(tmp_path):
    from auditor.config import STARTER, load_config

    assert load_config(cwd=tmp_path).ticket_value("text-column", None) is None  # default: found by name
    (tmp_path / "clearcart.toml").write_text('[tickets]\ntext-column = "Body"\n', encoding="utf-8")
    config = load_config(cwd=tmp_path)
    assert config.ticket_value("text-column", None) == "Body"
    assert config.ticket_value("text-column", "Message") == "Message"
    assert "[tickets]" in STARTER and "text-column" in STARTER


def test_tickets_command_on_saved_artifacts_writes_faq_gaps_reports(tmp_path):
    """`clearcart tickets FILE --faq-artifacts DIR` on a saved crawl of the fixture site, without a browser:
    only faq-gaps runs, the four unanswered topics are its findings, the saved folder is left as it was."""
    import json

    from fixtures.tickets.sites import site_artifacts

    saved = tmp_path / "saved"
    site_artifacts("en", saved).save(saved)
    before = sorted((p.name, p.stat().st_mtime_ns) for p in saved.rglob("*"))
    custom = tmp_path / "custom.csv"  # a text column no header name gives away: --text-column names it
    import csv
    import io

    table = list(csv.reader(io.StringIO((TICKETS / "inbox_en_bom.csv").read_text(encoding="utf-8-sig"))))
    text_index = next(i for i, h in enumerate(table[0]) if h.lower() in ("message", "body", "description",
                                                                         "text", "question", "enquiry"))
    with custom.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "zzz"])
        for number, row in enumerate(table[1:], 1):
            writer.writerow([number, row[text_index]])
    _usage_error(run_cli("tickets", str(custom), "--faq-artifacts", str(saved), "--out", str(tmp_path / "x")),
                 "no column with the ticket text")
    out = tmp_path / "out"
    done = run_cli("tickets", str(custom), "--faq-artifacts", str(saved), "--text-column", "zzz",
                   "--out", str(out), "--fail-on", "medium")
    assert done.returncode == 1, done.stderr  # the gaps are medium
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [c["id"] for c in report["checks"]] == ["faq-gaps"]
    expected = json.loads((TICKETS / "expected.json").read_text(encoding="utf-8"))
    topics = [i["evidence"]["topic"] for f in report["findings"] for i in (f["items"] or [f])]  # grouped by rule
    assert sorted(topics) == sorted(expected["demo_gaps"])
    assert report["tickets"]["columns"]["body"] == "zzz"
    for name in ("report.html", "summary.md", "junit.xml"):
        assert (out / name).stat().st_size > 0
    assert sorted((p.name, p.stat().st_mtime_ns) for p in saved.rglob("*")) == before
