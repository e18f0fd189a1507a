"""End to end with the real CLI: support tickets in English, Polish, Ukrainian and Russian against the demo store.

The demo store's FAQ (fixtures/store/README.md, "The FAQ and the support-ticket fixtures") answers order
tracking, delivery time and cost, returns, refunds, payment methods and sizes, and nothing answers invoices,
discount codes, cancelling/changing an order or damaged/wrong items. Every sample export in fixtures/tickets
asks mostly about those eleven topics, so ``faq-gaps`` must name exactly the four unanswered ones
(``demo_gaps`` in fixtures/tickets/expected.json) and none of the answered ones — whatever the tickets'
language: the English store FAQ is matched to Polish, Ukrainian and Russian tickets through the multilingual
topic taxonomy.

One crawl serves most runs: ``clearcart scan URL --tickets zendesk_en.csv`` writes the artifacts, then
``clearcart tickets FILE --faq-artifacts DIR`` reuses them for the other exports; ``clearcart tickets FILE
--site URL`` crawls again for one of them. Every file each run wrote (reports and artifacts) is then searched
for the personal data of the export it read: e-mail addresses, phone numbers, order numbers, IBANs, card
numbers and the names in greetings and signatures (fixtures/tickets/personal.json lists every value the
generator wrote; the values found in the export's own text are the ones searched for).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from fixtures.store.server import DemoStore, variants
from tests.conftest import run_cli

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
TICKETS = ROOT / "fixtures" / "tickets"
EXPECTED = json.loads((TICKETS / "expected.json").read_text(encoding="utf-8"))
PERSONAL = json.loads((TICKETS / "personal.json").read_text(encoding="utf-8"))
DEMO_GAPS = sorted(EXPECTED["demo_gaps"])
DEMO_COVERED = sorted(EXPECTED["demo_covered"])
SCAN = ("--max-pages", "25", "--products", "2")
BINARY = {".png", ".jpg", ".jpeg", ".webp", ".gif", ".pdf"}

# the exports read from the saved crawl, by language (the English one is read by the scan itself)
REUSED = {"pl": "freshdesk_pl.csv", "pl-eml": "eml_pl", "ru": "generic_ru.csv"}
SITE = ("uk", "tickets_uk.jsonl")  # read with `clearcart tickets --site`: a crawl of its own
# store variants in another language, when the demo store has them, with tickets in that language
LOCAL_VARIANTS = {name: file for name, file in (("pl", "freshdesk_pl.csv"), ("uk", "tickets_uk.jsonl"))
                  if name in variants()}


def personal_values(export: str) -> list[str]:
    """The personal data written into one export (decoded as the export is encoded)."""
    path = TICKETS / export
    files = sorted(path.glob("*.eml")) if path.is_dir() else [path]
    encoding = EXPECTED["files"][export]["encoding"]
    if encoding == "per message":
        encoding = "utf-8"
    text = "\n".join(f.read_bytes().decode(encoding, errors="replace") for f in files)
    if path.is_dir():  # e-mails: quoted-printable / base64 parts, decoded the way the importer reads them
        from email import policy
        from email.parser import BytesParser

        parser = BytesParser(policy=policy.default)
        for f in files:
            message = parser.parsebytes(f.read_bytes())
            for part in message.walk():
                if part.get_content_maintype() == "text":
                    text += "\n" + str(part.get_content())
            text += "\n" + str(message.get("subject", "")) + "\n" + str(message.get("from", ""))
    found = [item for item in PERSONAL if item in text]
    assert len(found) >= 50, f"{export}: too few personal values found ({len(found)}) for a meaningful search"
    return found


def leaks(folder: Path, values: list[str]) -> dict[str, list[str]]:
    """Personal values present in any text file under ``folder``: numbers compared digit for digit (so a phone
    re-spaced or re-punctuated still counts), words and e-mail addresses as whole words."""
    found: dict[str, list[str]] = {}
    texts = {f: f.read_bytes().decode("utf-8", errors="replace") for f in folder.rglob("*")
             if f.is_file() and f.suffix.lower() not in BINARY}
    assert texts, f"nothing written under {folder}"
    numbers = {f: [re.sub(r"\D", "", run) for run in re.findall(r"(?<![\d.])\d[\d ()+-]*\d(?![\d.])", t)]
               for f, t in texts.items()}
    for item in values:
        digits = re.sub(r"\D", "", item)
        for f, text in texts.items():
            if re.fullmatch(r"[\d\s()+-]+", item):
                hit = any(digits in run for run in numbers[f]) if len(digits) > 6 else \
                    any(run == digits for run in numbers[f])
            else:
                hit = bool(re.search(rf"(?<!\w){re.escape(item)}(?!\w)", text))
            if hit:
                found.setdefault(item, []).append(str(f.relative_to(folder)))
    return found


def _faq_gaps(out: Path) -> tuple[list[str], dict, dict]:
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    check = next(c for c in report["checks"] if c["id"] == "faq-gaps")
    # one finding per rule: the gaps are the items of the faq-gap finding (each keeps its own evidence)
    gaps = sorted(i["evidence"]["topic"] for f in report["findings"] if f["check"] == "faq-gaps"
                  for i in (f["items"] or [f]))
    return gaps, check, report


def _assert_demo_gaps(out: Path, export: str, store_language: str = "en") -> None:
    gaps, check, report = _faq_gaps(out)
    assert check["status"] == "fail", check["summary"]
    assert gaps == DEMO_GAPS, f"{export}: {check['summary']}"
    rows = {row["id"]: row for row in check["details"]["topics"]}
    for topic in DEMO_COVERED:
        assert rows[topic]["covered"] and not rows[topic]["gap"], (export, topic, rows.get(topic))
    assert check["details"]["store_language"] == store_language
    info = EXPECTED["files"][export]
    tickets = report["tickets"]
    assert (tickets["imported"], tickets["broken_rows"]) == (info["imported"], info["broken_rows"])
    summary = (out / "summary.md").read_text(encoding="utf-8")
    html = (out / "report.html").read_text(encoding="utf-8")
    for finding in (i for f in report["findings"] if f["check"] == "faq-gaps" for i in (f["items"] or [f])):
        assert finding["evidence"]["suggested_question"], finding
        assert finding["title"] in html.replace("&#39;", "'").replace("&amp;", "&")
    assert "faq-gaps" in summary and 'id="tickets"' in html


@pytest.fixture(scope="module")
def store(browser_path):
    with DemoStore("good") as running:
        yield running


@pytest.fixture(scope="module")
def english_scan(store, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("faq-en")
    done = run_cli("scan", store.url, "--tickets", str(TICKETS / "zendesk_en.csv"), "--out", str(out), *SCAN,
                   "--checkout-products", "0")
    assert done.returncode == 0, done.stderr  # the gaps are medium: below the default --fail-on high
    assert "tickets: 400 of 403 imported" in done.stderr
    return out


def test_scan_with_english_tickets_names_exactly_the_uncovered_topics(english_scan):
    _assert_demo_gaps(english_scan, "zendesk_en.csv")
    artifacts = json.loads((english_scan / "artifacts" / "artifacts.json").read_text(encoding="utf-8"))
    assert artifacts["tickets"]["languages"] == {"en": 400}


@pytest.mark.parametrize("language", sorted(REUSED))
def test_other_languages_against_the_saved_crawl(english_scan, tmp_path, language):
    export = REUSED[language]
    done = run_cli("tickets", str(TICKETS / export), "--faq-artifacts", str(english_scan / "artifacts"),
                   "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    _assert_demo_gaps(tmp_path, export)
    _, _, report = _faq_gaps(tmp_path)
    assert [c["id"] for c in report["checks"]] == ["faq-gaps"]  # the tickets command runs only faq-gaps
    lang = EXPECTED["files"][export]["language"]
    assert max(report["tickets"]["languages"], key=report["tickets"]["languages"].get) == lang
    assert not (tmp_path / "artifacts").exists()  # the saved crawl is reused, not repeated
    assert leaks(tmp_path, personal_values(export)) == {}


def test_tickets_command_crawls_the_site_itself(store, tmp_path):
    language, export = SITE
    done = run_cli("tickets", str(TICKETS / export), "--site", store.url, "--out", str(tmp_path), *SCAN)
    assert done.returncode == 0, done.stderr
    _assert_demo_gaps(tmp_path, export)
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert max(report["tickets"]["languages"], key=report["tickets"]["languages"].get) == language
    saved = json.loads((tmp_path / "artifacts" / "artifacts.json").read_text(encoding="utf-8"))
    assert saved["checkout"] == [] and saved["pages"]  # the crawl only: no checkout walk
    assert leaks(tmp_path, personal_values(export)) == {}


def test_nothing_personal_in_the_reports_or_the_artifacts(english_scan):
    values = personal_values("zendesk_en.csv")
    assert leaks(english_scan, values) == {}
    # the search itself finds what it looks for: a report with one value planted in it is caught
    planted = english_scan / "planted"
    planted.mkdir()
    email = next(v for v in values if "@" in v)
    phone = next(v for v in values if v.startswith("+44"))
    (planted / "summary.md").write_text(f"write to {email}, call {phone.replace(' ', '-')}", encoding="utf-8")
    try:
        assert set(leaks(planted, values)) >= {email, phone}
    finally:
        (planted / "summary.md").unlink()
        planted.rmdir()


@pytest.mark.parametrize("variant", sorted(LOCAL_VARIANTS))
def test_local_language_store_variants(variant, tmp_path, browser_path):
    """Where the demo store has a variant in Polish or Ukrainian, its FAQ leaves the same four topics open."""
    export = LOCAL_VARIANTS[variant]
    with DemoStore(variant) as local:
        done = run_cli("scan", local.url, "--tickets", str(TICKETS / export), "--out", str(tmp_path), *SCAN,
                       "--checkout-products", "0", "--only", "faq-gaps")
    assert done.returncode == 0, done.stderr
    _assert_demo_gaps(tmp_path, export, store_language=variant)
    assert leaks(tmp_path, personal_values(export)) == {}
