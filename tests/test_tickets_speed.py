"""The speed-ups of ticket mining change no result.

The fast path (shortcuts in language guessing and redaction on, batches cleaned, redacted and scored in two
worker processes) and the plain path (shortcuts off, one process) read the same real-length sample: the
fixture exports (quoted replies, HTML, signatures), the hand-written e-mails in seven languages and the
tickets with planted personal details. Every ticket must come out with the same redacted text, language and
topic scores, and the mined artifact (topics, counts, examples, clusters, redaction counts) must be equal.
Nothing is compared with a stored output: the test holds whatever the vocabulary says.
"""

from __future__ import annotations

import csv
import json
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from auditor.analysis import language
from auditor.tickets import analyze_tickets, importers, read_tickets
from auditor.tickets import text as textmod
from auditor.tickets.mining import _scores
from tests.test_tickets_privacy import PLANTED

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "tickets"
EXPORTS = ("zendesk_en.csv", "freshdesk_pl.csv", "generic_ru.csv", "tickets_uk.jsonl", "gorgias_de.csv",
           "helpscout_cs.csv", "support_sk.mbox", "store_topics_en.csv", "store_topics_pl.jsonl")

# a name that only one kind of cue announces (no greeting before it, not in the first-name list)
ONE_CUE = ["the parcel is for my husband Quenby Ashdown-Vale, not for me",
           "Kontoinhaber: Kunibert Wolkenstein, bitte überweisen Sie die Erstattung",
           "Please send the invoice to Mr Thaddeus Crumbleworth at the office",
           "Меня зовут Ярополк Всеволодов, где мой заказ?",
           "Z tej strony Bożydar Kwiatkowski, gdzie jest moja paczka?"]


def _sample(path: Path) -> int:
    """Every real-length message of the fixtures, unredacted (redaction is part of what is compared)."""
    rows: list[tuple[str, str]] = []
    for export in EXPORTS:
        rows += [(t.subject, t.body) for t in read_tickets(FIXTURES / export, redact=False)]
    for file in sorted((FIXTURES / "eval").glob("*.jsonl")):
        for line in file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows.append((row.get("subject", ""), row["text"]))
    rows += [("", text) for _, text, _ in PLANTED] + [("", text) for text in ONE_CUE]
    rows[len(rows) // 3: len(rows) // 3] = [("", "\ufffd" * 12), ("", "  "), ("Re:", "> quoted only")]  # broken, empty
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Created", "Subject", "Message"])
        for i, (subject, body) in enumerate(rows):
            writer.writerow([f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", subject, body])
    return len(rows)


def _run(path: Path, workers: int) -> tuple[list[tuple[str, str, str, dict[str, float]]], dict[str, object]]:
    stream = read_tickets(path)
    tickets = [(t.subject, t.body, t.language, scores) for t, scores in stream.analysed(_scores, workers)]
    return tickets, analyze_tickets(path, workers=workers).model_dump()


def test_fast_paths_and_worker_processes_give_the_plain_result(tmp_path, monkeypatch):
    path = tmp_path / "sample.csv"
    count = _sample(path)
    monkeypatch.setattr(importers, "BATCH", 100)  # several batches go to the workers even on this sample
    assert count > 5 * importers.BATCH
    pools: list[object] = []
    real_pool = importers._pool
    monkeypatch.setattr(importers, "_pool", lambda workers: pools.append(real_pool(workers)) or pools[-1])

    monkeypatch.setattr(textmod, "FAST", False)
    monkeypatch.setattr(language, "FAST", False)
    plain_tickets, plain = _run(path, workers=1)
    assert not pools  # the plain path runs in this process
    monkeypatch.setattr(textmod, "FAST", True)
    monkeypatch.setattr(language, "FAST", True)
    fast_tickets, fast = _run(path, workers=2)
    assert pools and all(pool is not None for pool in pools)  # the batches did go to worker processes

    assert len(fast_tickets) == len(plain_tickets) > 5 * importers.BATCH
    for got, want in zip(fast_tickets, plain_tickets):
        assert got == want
    assert fast == plain
    assert plain["broken_rows"] == 1 and plain["empty"] == 2
    assert plain["redactions"]["name"] and plain["redactions"]["phone"]  # the sample exercises redaction
    assert any(topic["origin"] == "taxonomy" for topic in plain["topics"])


@pytest.mark.parametrize("text", [
    "Where is my order 12345?", "Hello, I am Margaret O'Neill", "", "1234 5678", "Gdzie jest moja paczka?",
    "Kde je moje objednávka?", "Wo ist meine Bestellung?", "Де моє замовлення?", "Где мой заказ?",
    "Hauptstraße", "Gruß ² Musterstraße",
])
def test_language_guess_shortcut_gives_the_same_language(text, monkeypatch):
    fast = language.guess_language(text)
    monkeypatch.setattr(language, "FAST", False)
    assert language.guess_language(text) == fast


def test_a_batch_whose_worker_died_is_done_here():
    records = [importers.RawRecord(subject="Refund", body="Hi, I am Anna Nowak, call me at +48 601 877 947"),
               importers.RawRecord(body="\ufffd" * 12), importers.RawRecord(body=" ")]
    died: Future[object] = Future()
    died.set_exception(BrokenProcessPool("a worker died"))
    outcomes, counts = importers._result(died, records, True, _scores)
    assert outcomes == importers._work(records, True, _scores)[0]
    ticket, scores = outcomes[0]
    assert isinstance(ticket, importers.Ticket) and "[name]" in ticket.body and "[phone]" in ticket.body
    assert "refunds" in scores and [o for o, _ in outcomes[1:]] == [importers.BROKEN, importers.EMPTY]
    assert counts["name"] == 1 and counts["phone"] == 1


class _DyingPool:
    """A pool whose second batch is lost with its worker and which then refuses new batches."""

    def __init__(self) -> None:
        self.submitted = 0

    def submit(self, fn, *args):  # type: ignore[no-untyped-def]
        self.submitted += 1
        if self.submitted > 2:
            raise BrokenProcessPool("the pool is broken")
        future: Future[object] = Future()
        if self.submitted == 2:
            future.set_exception(BrokenProcessPool("a worker died"))
        else:
            future.set_result(fn(*args))
        return future

    def shutdown(self, **_: object) -> None:
        pass


def test_a_pool_that_breaks_midway_leaves_the_result_unchanged(tmp_path, monkeypatch):
    path = tmp_path / "sample.csv"
    _sample(path)
    monkeypatch.setattr(importers, "BATCH", 100)
    plain = [(t.subject, t.body, t.language, s) for t, s in read_tickets(path).analysed(_scores, 1)]
    pool = _DyingPool()
    monkeypatch.setattr(importers, "_pool", lambda workers: pool)
    stream = read_tickets(path)
    broken = [(t.subject, t.body, t.language, s) for t, s in stream.analysed(_scores, 2)]
    assert pool.submitted == 3 and broken == plain and stream.imported == len(plain)
