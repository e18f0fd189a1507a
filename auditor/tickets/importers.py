"""Reading support-ticket exports as a stream of cleaned, redacted tickets.

Formats: CSV exports of Zendesk, Freshdesk, Gorgias and Help Scout, any other CSV (subject / body / date /
tag / language columns found by their header names, in our languages too; ``text_column`` overrides the
body), JSON (an array, or an object holding one) and JSON Lines, an ``.mbox`` file, a single ``.eml`` or a
folder of ``.eml`` files.

Text files are decoded in the encoding charset-normalizer detects (UTF-8, UTF-8 with BOM, cp1250, cp1251,
ISO-8859-2, ...), checked against the alphabets of our languages so that Polish ISO-8859-2 is not read as
Western Latin-9. Every ticket is cleaned (HTML, quoted replies and signatures stripped) and redacted before
it leaves this module. Nothing holds all tickets: the stream reads one record at a time (or, when the work is
spread over processes, a bounded number of batches), so an export of a million tickets is read in constant
memory.

An unknown or unreadable file raises :class:`auditor.errors.UsageError`; a broken row (wrong number of
fields, undecodable JSON line, unparsable e-mail) is counted in ``broken_rows`` and skipped.
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import re
import signal
import threading
from collections import Counter, deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import date
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from auditor import lexicon
from auditor.analysis.language import guess_language
from auditor.errors import UsageError
from auditor.tickets import text as textmod
from auditor.tickets.redact import Redactor

SAMPLE_BYTES = 256 * 1024
MAX_FIELD = 16 * 1024 * 1024
MAX_TEXT = 20_000  # characters kept of one ticket's body (a pasted log is not a question)
ENCODINGS = ("utf-8", "cp1250", "iso8859-2", "cp1251", "koi8-r", "koi8-u", "iso8859-5", "cp1252", "iso8859-15",
             "mac-cyrillic", "cp866")
FORMATS = ("zendesk-csv", "freshdesk-csv", "gorgias-csv", "helpscout-csv", "csv", "json", "jsonl", "mbox",
           "eml", "eml-folder")
HINT_FORMATS = ("export the tickets as CSV (Zendesk, Freshdesk, Gorgias, Help Scout or any CSV with a header "
                "row), JSON / JSON Lines, an .mbox file or a folder of .eml files")


@dataclass(slots=True)
class Ticket:
    """One ticket, cleaned and (by default) redacted."""

    subject: str
    body: str
    date: date | None = None
    tags: tuple[str, ...] = ()
    language: str = ""

    @property
    def text(self) -> str:
        if self.subject and self.body:
            return f"{self.subject}\n{self.body}"
        return self.subject or self.body

    @property
    def month(self) -> str:
        return textmod.month_of(self.date)


@dataclass
class RawRecord:
    subject: str = ""
    body: str = ""
    date: Any = None
    tags: Any = None
    language: str = ""
    broken: bool = False


@dataclass
class TicketStream:
    """An iterator of :class:`Ticket` with counters that grow as it is read.

    ``total`` records seen, ``imported`` tickets yielded, ``broken_rows`` malformed records skipped,
    ``empty`` records without any text after cleaning; ``format``, ``encoding`` and ``columns`` (role →
    source column) say how the file was read; ``redactions`` counts the personal data replaced.
    """

    source: str
    format: str
    encoding: str
    columns: dict[str, str] = field(default_factory=dict)
    total: int = 0
    imported: int = 0
    broken_rows: int = 0
    empty: int = 0
    _records: Callable[[], Iterator[RawRecord]] | None = None
    _redactor: Redactor | None = None
    _used: bool = False

    @property
    def redactions(self) -> dict[str, int]:
        return dict(self._redactor.counts) if self._redactor else {}

    def __iter__(self) -> Iterator[Ticket]:
        for ticket, _ in self.analysed(_nothing):
            yield ticket

    def analysed(self, analyse: Callable[[Ticket], R], workers: int = 1) -> Iterator[tuple[Ticket, R]]:
        """Each ticket with ``analyse(ticket)``, in the export's order.

        With ``workers`` > 1, once a first batch of :data:`BATCH` records has shown the export is not small,
        the records are still read here but their cleaning, redaction and ``analyse`` (a module-level function:
        it is sent to the workers by name) run batch by batch in that many processes, with a bounded number of
        batches in flight (memory stays flat). Results are taken in order, so everything computed from them is
        what one process computes. Where processes cannot be used (a daemonic process, a worker that died) the
        work is done here."""
        if self._used:
            raise RuntimeError("a TicketStream can be read once; call read_tickets() again")
        self._used = True
        assert self._records is not None
        records = self._records()
        if workers > 1:
            yield from self._in_processes(records, analyse, workers)
            return
        for record in records:
            yield from self._take([_outcome(record, self._redactor, analyse)])

    def _in_processes(self, records: Iterator[RawRecord], analyse: Callable[[Ticket], R],
                      workers: int) -> Iterator[tuple[Ticket, R]]:
        redact = self._redactor is not None
        pending: deque[tuple[Future[_Batch], list[RawRecord]]] = deque()
        pool: ProcessPoolExecutor | None = None
        started = False
        try:
            for batch in _batches(records, BATCH):
                if not started and self.total >= BATCH:
                    started, pool = True, _pool(workers)
                if pool is None:
                    yield from self._take_batch(_work(batch, redact, analyse))
                    continue
                try:
                    future = pool.submit(_work, batch, redact, analyse)
                except BrokenProcessPool:  # a worker died: what is in flight, then the rest, is done here in order
                    while pending:
                        yield from self._take_batch(_result(*pending.popleft(), redact, analyse))
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = None
                    yield from self._take_batch(_work(batch, redact, analyse))
                    continue
                pending.append((future, batch))
                if len(pending) > AHEAD * workers:
                    yield from self._take_batch(_result(*pending.popleft(), redact, analyse))
            while pending:
                yield from self._take_batch(_result(*pending.popleft(), redact, analyse))
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)

    def _take_batch(self, batch: _Batch) -> Iterator[tuple[Ticket, Any]]:
        outcomes, counts = batch
        if self._redactor is not None:
            self._redactor.counts.update(counts)
        return self._take(outcomes)

    def _take(self, outcomes: list[tuple[Ticket | str, Any]]) -> Iterator[tuple[Ticket, Any]]:
        for outcome, result in outcomes:
            self.total += 1
            if outcome == BROKEN:
                self.broken_rows += 1
            elif outcome == EMPTY:
                self.empty += 1
            elif isinstance(outcome, Ticket):
                self.imported += 1
                yield outcome, result


# ---------------------------------------------------------------------------------------------- per record

BATCH = 1000  # records per batch sent to a worker process
AHEAD = 8  # batches per worker in flight (the workers go on while this process is busy; memory stays bounded)
BROKEN, EMPTY = "broken", "empty"
R = TypeVar("R")
_Batch = tuple[list[tuple["Ticket | str", Any]], Counter[str]]


def _nothing(ticket: Ticket) -> None:
    return None


def _outcome(record: RawRecord, redactor: Redactor | None,
             analyse: Callable[[Ticket], R]) -> tuple[Ticket | str, R | None]:
    """A record as a ticket (cleaned, redacted) and ``analyse`` of it, or :data:`BROKEN` / :data:`EMPTY`."""
    if record.broken:
        return BROKEN, None
    raw_text = _as_text(record.subject) + _as_text(record.body)
    if raw_text.count("\ufffd") > max(3, len(raw_text) // 5):  # undecodable: a mis-encoded row
        return BROKEN, None
    subject = textmod.clean_subject(_as_text(record.subject))[:500]
    body = textmod.clean_text(_as_text(record.body)[: MAX_TEXT * 3])[:MAX_TEXT]
    if not subject and not body:
        return EMPTY, None
    language = _language_code(record.language) or guess_language(f"{subject}\n{body}")
    if redactor is not None:
        subject = redactor.redact(subject, language)
        body = redactor.redact(body, language)
    ticket = Ticket(subject=subject, body=body, date=textmod.parse_date(record.date), tags=_tags(record.tags),
                    language=language)
    return ticket, analyse(ticket)


def _work(records: list[RawRecord], redact: bool, analyse: Callable[[Ticket], Any]) -> _Batch:
    """A batch of records in a worker process: the outcomes and what the redaction replaced."""
    redactor = Redactor() if redact else None
    outcomes = [_outcome(record, redactor, analyse) for record in records]
    return outcomes, (redactor.counts if redactor is not None else Counter())


def _result(future: Future[_Batch], records: list[RawRecord], redact: bool,
            analyse: Callable[[Ticket], Any]) -> _Batch:
    try:
        return future.result()
    except BrokenProcessPool:  # a worker died (killed, out of memory): this batch is done here
        return _work(records, redact, analyse)


def _batches(records: Iterator[RawRecord], size: int) -> Iterator[list[RawRecord]]:
    batch: list[RawRecord] = []
    for record in records:
        batch.append(record)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _worker_signals() -> None:
    """Ctrl-C and SIGTERM are the parent's to handle (it stops the pool and keeps what was gathered); a worker
    ignores Ctrl-C and ends quietly on SIGTERM instead of running the handlers it was forked with."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _pool(workers: int) -> ProcessPoolExecutor | None:
    """A pool of ``workers`` processes, or ``None`` where there cannot be one (a daemonic process: a fleet
    worker). Forked when this process has one thread (the caches of patterns and terms come along), else
    started from a fork server (forking a process that runs threads is unsafe)."""
    if multiprocessing.current_process().daemon:
        return None
    methods = multiprocessing.get_all_start_methods()
    method = "fork" if "fork" in methods and threading.active_count() == 1 else \
        "forkserver" if "forkserver" in methods else "spawn"
    try:
        return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method),
                                   initializer=_worker_signals)
    except (OSError, ValueError, NotImplementedError):
        return None


def cpu_workers() -> int:
    """The processes worth starting for ticket mining: the cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def read_tickets(path: str | os.PathLike[str], text_column: str | None = None, redact: bool = True) -> TicketStream:
    """Open a ticket export and return a :class:`TicketStream` over it (read once).

    Raises :class:`UsageError` for a missing, empty, binary or unknown file, or a CSV without a text column.
    ``redact=False`` is for tests of the importers only: everything else stores redacted text.
    """
    path = Path(path)
    if not path.exists():
        raise UsageError(f"{path} does not exist", HINT_FORMATS)
    redactor = Redactor() if redact else None
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".eml" and p.is_file())
        if not files:
            raise UsageError(f"{path} is a folder without .eml files", HINT_FORMATS)
        return TicketStream(source=str(path), format="eml-folder", encoding="per message",
                            _records=lambda: _eml_records(files), _redactor=redactor)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            sample = handle.read(SAMPLE_BYTES)
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}", "check the path and its permissions") from exc
    if size == 0 or not sample.strip():
        raise UsageError(f"{path} is empty", HINT_FORMATS)
    _refuse_binary(path, sample)
    kind = _detect_kind(path, sample)
    if kind == "mbox":
        return TicketStream(source=str(path), format="mbox", encoding="per message",
                            _records=lambda: _mbox_records(path), _redactor=redactor)
    if kind == "eml":
        return TicketStream(source=str(path), format="eml", encoding="per message",
                            _records=lambda: _eml_records([path]), _redactor=redactor)
    encoding = detect_encoding(sample, complete=size <= len(sample))
    if kind in ("json", "jsonl"):
        first = _first_char(sample.decode(encoding, errors="replace"))
        fmt = "jsonl" if kind == "jsonl" or (first == "{" and _first_line_is_object(path, encoding)) else "json"
        stream = TicketStream(source=str(path), format=fmt, encoding=encoding, _redactor=redactor)
        records = _jsonl_records if fmt == "jsonl" else _json_records
        stream._records = lambda: records(path, encoding, text_column, stream.columns)
        return stream
    return _csv_stream(path, sample, encoding, text_column, redactor)


# ---------------------------------------------------------------------------------------------- detection


def _refuse_binary(path: Path, sample: bytes) -> None:
    if sample.startswith(b"PK\x03\x04"):
        raise UsageError(f"{path} is a zip/Excel file, not a ticket export",
                         "save the sheet as CSV (UTF-8) and pass that file")
    if sample.startswith(b"%PDF"):
        raise UsageError(f"{path} is a PDF, not a ticket export", HINT_FORMATS)
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return  # UTF-16 with BOM: text
    if sample.startswith(b"\xd0\xcf\x11\xe0"):
        raise UsageError(f"{path} is an old Excel/Office file, not a ticket export",
                         "save the sheet as CSV (UTF-8) and pass that file")
    head = sample[:8192]
    # Text in any of our encodings has no NUL and almost no C0 control bytes besides tab, CR, LF (and FF, ESC
    # rarely); compressed files, images and databases are full of them.
    controls = sum(head.count(bytes([b])) for b in (*range(0, 9), 11, *range(14, 27), *range(28, 32)))
    if head.count(b"\x00") > len(head) // 100 + 1 or (len(head) >= 512 and controls > len(head) // 50):
        raise UsageError(f"{path} looks like a binary file, not a ticket export", HINT_FORMATS)


_EML_HEADER = re.compile(rb"^(?:Received|From|To|Subject|Date|Message-ID|MIME-Version|Return-Path|Delivered-To)"
                         rb":", re.I | re.M)


def _detect_kind(path: Path, sample: bytes) -> str:
    ext = path.suffix.lower()
    stripped = sample.lstrip(b"\xef\xbb\xbf").lstrip()
    if ext == ".mbox" or sample.startswith(b"From "):
        return "mbox"
    if ext == ".eml":
        return "eml"
    if ext in (".jsonl", ".ndjson"):
        return "jsonl"
    if ext == ".json":
        return "json"
    if ext in (".csv", ".tsv", ".txt"):
        return "csv"
    if stripped[:1] in (b"[", b"{"):
        return "json"
    if len(_EML_HEADER.findall(sample[:4096])) >= 2:
        return "eml"
    text = sample[:65536].decode("utf-8", errors="replace")
    first_line = text.split("\n", 1)[0]
    if any(d in first_line for d in ",;\t|"):
        return "csv"
    raise UsageError(f"{path}: unknown ticket export format", HINT_FORMATS)


def _plausibility(decoded: str) -> float:
    allowed = _allowed_chars()
    score = 0.0
    for ch in decoded:
        if ch < "\x80":
            if ch < " " and ch not in "\t\n\r":
                score -= 3
            continue
        if ch in allowed:
            score += 1
        elif ch == "\ufffd":
            score -= 5
        elif ch.isalpha():
            score -= 2
        else:
            score -= 3
    # a word mixing Latin and Cyrillic letters, or letters only Polish and only Czech/Slovak/German use, is a
    # wrong code page, not a real word; so is a symbol between two letters
    hints = [set(chars) for chars in lexicon.LETTER_HINTS.values()]
    for word in _MIXED.findall(decoded):
        if _LATIN.search(word) and _CYR.search(word):
            score -= 5
        elif not word.isascii():
            lower = set(word.lower())
            if sum(1 for letters in hints if lower & letters) > 1:
                score -= 5
    score -= 4 * len(_SYMBOL_IN_WORD.findall(decoded))
    return score


_MIXED = re.compile(r"[^\W\d_]{2,}")
_SYMBOL_IN_WORD = re.compile(r"[^\W\d_][»«„“”‚‘’…•·°§×¤¦¨´¸±¶][^\W\d_]")
_LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f]")
_CYR = re.compile(r"[\u0400-\u04ff]")
_ALLOWED: set[str] = set()


def _allowed_chars() -> set[str]:
    if not _ALLOWED:
        for chars in lexicon.ALPHABETS.values():
            _ALLOWED.update(chars)
        _ALLOWED.update("\u00a0\ufeff")
    return _ALLOWED


def detect_encoding(sample: bytes, complete: bool = False) -> str:
    """The encoding of a text sample: a BOM, else strict UTF-8, else the most plausible of charset-normalizer's
    guess and the code pages of our languages (scored against their alphabets)."""
    if sample.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    head = sample if complete else sample[: sample.rfind(b"\n") + 1 or len(sample)]
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(head):
        return "utf-8"  # a few corrupt bytes in a UTF-8 file: those rows are counted as broken
    from charset_normalizer import from_bytes

    candidates: list[str] = []
    guess = from_bytes(head[:65536], cp_isolation=list(ENCODINGS)).best()
    if guess is not None:
        candidates.append(guess.encoding.replace("_", "-"))
    candidates += [e for e in ENCODINGS[1:] if e not in candidates]
    best_encoding, best_score = "", float("-inf")
    for encoding in candidates:
        try:
            decoded = head.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        score = _plausibility(decoded)
        if score > best_score:
            best_encoding, best_score = encoding, score
    return best_encoding or "utf-8"


def _mostly_utf8(head: bytes) -> bool:
    """UTF-8 with a few invalid sequences (a corrupt row), not text in a single-byte code page: the invalid
    sequences are rare and valid multi-byte characters outnumber them, or non-ASCII bytes are rare."""
    decoded = head.decode("utf-8", errors="replace")
    invalid = decoded.count("\ufffd")
    valid = sum(1 for ch in decoded if ch >= "\x80" and ch != "\ufffd")
    non_ascii = sum(1 for b in head if b >= 0x80)
    if invalid > max(8, len(head) // 200):
        return False
    return valid >= 10 * invalid or non_ascii <= max(16, len(head) // 500)


def _first_char(text: str) -> str:
    stripped = text.lstrip("\ufeff \t\r\n")
    return stripped[:1]


def _too_deep(path: Path) -> UsageError:
    return UsageError(f"{path}: a JSON value is nested too deeply to be a ticket export (thousands of levels)",
                      "export the tickets as a flat list of objects (CSV, JSON or JSONL), one object per ticket")


def _loads(text: str, path: Path) -> Any:
    """``json.loads`` that turns pathological nesting into a usage error naming the file."""
    try:
        return json.loads(text)
    except RecursionError:
        raise _too_deep(path) from None


def _first_line_is_object(path: Path, encoding: str) -> bool:
    with path.open(encoding=encoding, errors="replace") as handle:
        for line in handle:
            line = line.strip().lstrip("\ufeff")
            if not line:
                continue
            try:
                return isinstance(_loads(line, path), dict)
            except ValueError:
                return False
    return False


# ---------------------------------------------------------------------------------------------- column roles


def _norm_header(header: str) -> str:
    header = header.replace("\ufeff", "").strip().strip('"').strip().lower()
    return re.sub(r"[\s_\-.]+", " ", header).strip()


def _role_terms(role: str) -> list[str]:
    return [_norm_header(t) for t in lexicon.terms(f"col_{role}")]


def _score(header: str, terms: list[str]) -> int:
    best = 0
    for index, term in enumerate(terms):
        if header == term:
            best = max(best, 1000 - index)
        elif re.search(rf"(?<!\w){re.escape(term)}(?!\w)", header):
            best = max(best, 500 - index)
    return best


def map_columns(headers: list[str], text_column: str | None = None) -> dict[str, int]:
    """Role (subject, body, date, tags, language) → column index, from header names in our languages."""
    normalised = [_norm_header(h) for h in headers]
    roles: dict[str, int] = {}
    if text_column:
        wanted = _norm_header(text_column)
        matches = [i for i, h in enumerate(normalised) if h == wanted]
        if not matches and text_column.isdigit() and 0 < int(text_column) <= len(headers):
            matches = [int(text_column) - 1]
        if not matches:
            raise UsageError(f"no column '{text_column}' in the export",
                             "columns: " + ", ".join(h.strip() for h in headers if h.strip())[:300])
        roles["body"] = matches[0]
    for role in ("body", "subject", "date", "tags", "language"):
        if role in roles:
            continue
        terms = _role_terms(role)
        scored = [(_score(h, terms), i) for i, h in enumerate(normalised) if i not in roles.values()]
        scored = [(s, i) for s, i in scored if s > 0]
        if scored:
            roles[role] = max(scored, key=lambda si: (si[0], -si[1]))[1]
    return roles


def _helpdesk(headers: list[str]) -> str:
    present = set(_norm_header(h) for h in headers)
    for name in ("zendesk", "freshdesk", "gorgias", "helpscout"):
        for signature in lexicon.terms(f"sig_{name}"):
            if all(part in present for part in signature.split("|")):
                return f"{name}-csv"
    return "csv"


# ---------------------------------------------------------------------------------------------- CSV


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    lines = text.split("\n")
    header = lines[0]
    counts = {d: header.count(d) for d in (",", ";", "\t", "|")}
    delimiter = max(counts, key=counts.get)  # type: ignore[arg-type]
    try:
        sniffed = csv.Sniffer().sniff("\n".join(lines[:50]), delimiters=",;\t|")
        if counts.get(sniffed.delimiter, 0) >= counts[delimiter] and counts[delimiter]:
            delimiter = sniffed.delimiter
    except csv.Error:
        pass

    class Dialect(csv.excel):
        pass

    Dialect.delimiter = delimiter
    return Dialect


def _csv_stream(path: Path, sample: bytes, encoding: str, text_column: str | None,
                redactor: Redactor | None) -> TicketStream:
    text = sample.decode(encoding, errors="replace").lstrip("\ufeff")
    dialect = _dialect(text)
    csv.field_size_limit(MAX_FIELD)
    try:
        headers = next(csv.reader(io.StringIO(text), dialect))
    except (StopIteration, csv.Error) as exc:
        raise UsageError(f"{path}: no CSV header row", HINT_FORMATS) from exc
    roles = map_columns(headers, text_column)
    if "body" not in roles and "subject" not in roles:
        raise UsageError(f"{path}: no column with the ticket text",
                         "name it with --text-column; columns: " + ", ".join(h.strip() for h in headers)[:300])
    columns = {role: headers[i].strip().lstrip("\ufeff") for role, i in roles.items()}
    return TicketStream(source=str(path), format=_helpdesk(headers), encoding=encoding, columns=columns,
                        _records=lambda: _csv_records(path, encoding, dialect, roles, len(headers)),
                        _redactor=redactor)


def _csv_records(path: Path, encoding: str, dialect: Any, roles: dict[str, int], width: int) -> Iterator[RawRecord]:
    csv.field_size_limit(MAX_FIELD)
    with path.open(encoding=encoding, errors="replace", newline="") as handle:
        reader = csv.reader(handle, dialect)
        try:
            next(reader)  # the header
        except (StopIteration, csv.Error):
            return
        needed = max(roles.values()) + 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error:
                yield RawRecord(broken=True)
                continue
            if not row or not any(cell.strip() for cell in row):
                continue  # blank line: not a record
            if len(row) > width and not any(cell.strip() for cell in row[width:]):
                row = row[:width]  # a trailing delimiter
            if len(row) != width or len(row) < needed:
                yield RawRecord(broken=True)
                continue
            yield RawRecord(
                subject=row[roles["subject"]] if "subject" in roles else "",
                body=row[roles["body"]] if "body" in roles else "",
                date=row[roles["date"]] if "date" in roles else None,
                tags=row[roles["tags"]] if "tags" in roles else None,
                language=row[roles["language"]] if "language" in roles else "",
            )


# ---------------------------------------------------------------------------------------------- JSON

_NESTED_MESSAGES = ("messages", "threads", "comments", "conversation", "conversation parts", "thread")
_NESTED_TEXT = ("body text", "body", "text", "plain body", "content", "message", "stripped text", "html body",
                "description")


def _json_record(obj: Any, text_column: str | None, columns: dict[str, str]) -> RawRecord:
    if not isinstance(obj, dict):
        return RawRecord(broken=True)
    keys = {_norm_header(str(k)): k for k in obj}
    headers = list(keys)
    values: dict[str, Any] = {}
    if text_column:
        value = _dotted(obj, text_column)
        if value is not None:
            values["body"] = value
    roles = _cached_roles(tuple(headers)) if headers else {}
    for role, index in roles.items():
        if role in values:
            continue
        value = obj[keys[headers[index]]]
        if role in ("body", "subject") and not isinstance(value, str):
            if role == "body":
                continue
            value = "" if value is None else str(value)
        values[role] = value
        columns.setdefault(role, str(keys[headers[index]]))
    if "body" not in values:
        for name in _NESTED_MESSAGES:
            nested = obj.get(keys.get(name, ""), None) if name in keys else None
            if isinstance(nested, list) and nested:
                first = nested[0]
                if isinstance(first, dict):
                    inner = {_norm_header(str(k)): v for k, v in first.items()}
                    for text_key in _NESTED_TEXT:
                        if isinstance(inner.get(text_key), str) and inner[text_key].strip():
                            values["body"] = inner[text_key]
                            columns.setdefault("body", f"{keys[name]}[0].{text_key}")
                            break
                elif isinstance(first, str):
                    values["body"] = first
            if "body" in values:
                break
    if "body" not in values and "subject" not in values:
        return RawRecord(broken=True)
    return RawRecord(subject=values.get("subject") or "", body=values.get("body") or "", date=values.get("date"),
                     tags=values.get("tags"), language=str(values.get("language") or ""))


@lru_cache(maxsize=512)
def _cached_roles(headers: tuple[str, ...]) -> dict[str, int]:
    return map_columns(list(headers))


def _dotted(obj: Any, path: str) -> Any:
    for part in path.split("."):
        if isinstance(obj, dict) and part in obj:
            obj = obj[part]
        else:
            return None
    return obj


def _jsonl_records(path: Path, encoding: str, text_column: str | None, columns: dict[str, str]) -> Iterator[RawRecord]:
    with path.open(encoding=encoding, errors="replace") as handle:
        for line in handle:
            line = line.strip().lstrip("\ufeff")
            if not line:
                continue
            try:
                obj = _loads(line, path)
            except ValueError:
                yield RawRecord(broken=True)
                continue
            yield _json_record(obj, text_column, columns)


def _json_records(path: Path, encoding: str, text_column: str | None, columns: dict[str, str]) -> Iterator[RawRecord]:
    """Stream the objects of the first JSON array in the file (a top-level array, or the list inside a
    wrapper object such as ``{"tickets": [...]}``) without loading the file."""
    decoder = json.JSONDecoder()
    chunk = 1 << 20
    with path.open(encoding=encoding, errors="replace") as handle:
        buffer = handle.read(chunk).lstrip("\ufeff")
        eof = len(buffer) < chunk
        first = _first_char(buffer)
        start = buffer.find("[")
        if first == "{":
            wrapped = _WRAPPED_LIST.search(buffer)
            start = wrapped.end() - 1 if wrapped else -1
        if start < 0:
            # a single object: one ticket
            try:
                yield _json_record(_loads(buffer + handle.read(), path), text_column, columns)
            except ValueError:
                yield RawRecord(broken=True)
            return
        pos = start + 1
        while True:
            while True:  # skip separators, refilling the buffer as needed
                while pos < len(buffer) and buffer[pos] in " \t\r\n,":
                    pos += 1
                if pos < len(buffer) or eof:
                    break
                buffer, pos = handle.read(chunk), 0
                eof = len(buffer) < chunk
            if pos >= len(buffer) or buffer[pos] == "]":
                return
            try:
                obj, end = decoder.raw_decode(buffer, pos)
            except RecursionError:
                raise _too_deep(path) from None
            except ValueError:
                if not eof and len(buffer) - pos < MAX_FIELD:
                    more = handle.read(chunk)  # the object may continue in the next chunk
                    eof = len(more) < chunk
                    buffer, pos = buffer[pos:] + more, 0
                    continue
                yield RawRecord(broken=True)  # broken JSON: count it, resume at the next object
                resume = _NEXT_OBJECT.search(buffer, pos + 1)
                if resume is None:
                    return
                pos = resume.end() - 1
                continue
            yield _json_record(obj, text_column, columns)
            pos = end
            if pos > chunk // 2:
                buffer, pos = buffer[pos:], 0


_NEXT_OBJECT = re.compile(r"\}\s*,\s*\{")
_WRAPPED_LIST = re.compile(r'"[^"\n]{1,60}"\s*:\s*\[(?=\s*[{\]])')


# ---------------------------------------------------------------------------------------------- e-mail

_PARSER = BytesParser(policy=policy.default)


def _email_record(raw: bytes) -> RawRecord:
    try:
        message = _PARSER.parsebytes(raw)
    except Exception:  # noqa: BLE001 - a malformed message is a broken row, never a crash
        return RawRecord(broken=True)
    if not isinstance(message, EmailMessage) or not (message.keys() or message.get_payload()):
        return RawRecord(broken=True)
    try:
        subject = str(message.get("subject", "") or "")
    except Exception:  # noqa: BLE001 - undecodable header
        subject = ""
    try:
        date_header = str(message.get("date", "") or "")
    except Exception:  # noqa: BLE001
        date_header = ""
    body = _email_body(message)
    return RawRecord(subject=subject, body=body, date=date_header,
                     language=str(message.get("content-language", "") or ""))


def _email_body(message: EmailMessage) -> str:
    try:
        part = message.get_body(preferencelist=("plain", "html"))
    except Exception:  # noqa: BLE001
        part = None
    if part is None:
        return ""
    try:
        return str(part.get_content())
    except (LookupError, UnicodeError, AttributeError, ValueError, KeyError):
        payload = part.get_payload(decode=True) or b""
        if isinstance(payload, str):
            return payload
        if not isinstance(payload, bytes):  # a multipart part: its text is in its sub-parts
            return ""
        return payload.decode(detect_encoding(payload[:SAMPLE_BYTES], complete=True), errors="replace")


def _eml_records(files: list[Path]) -> Iterator[RawRecord]:
    for file in files:
        try:
            raw = file.read_bytes()
        except OSError:
            yield RawRecord(broken=True)
            continue
        yield _email_record(raw)


_FROM_ESCAPED = re.compile(rb"^>(>*From )", re.M)


def _mbox_records(path: Path) -> Iterator[RawRecord]:
    """Messages of an mbox file, one at a time (a ``From `` line after a blank line starts each)."""
    with path.open("rb") as handle:
        lines: list[bytes] = []
        previous_blank = True
        for line in handle:
            if line.startswith(b"From ") and previous_blank:
                if lines:
                    yield _email_record(_FROM_ESCAPED.sub(rb"\1", b"".join(lines)))
                lines = []
                previous_blank = False
                continue
            lines.append(line)
            previous_blank = not line.strip()
        if lines and any(line.strip() for line in lines):
            yield _email_record(_FROM_ESCAPED.sub(rb"\1", b"".join(lines)))


# ---------------------------------------------------------------------------------------------- values


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return "\n".join(_as_text(v) for v in value)
    return str(value)


def _tags(value: Any) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, (list, tuple)):
        items = [v.get("name", "") if isinstance(v, dict) else str(v) for v in value]
    else:
        items = re.split(r"[,;|]\s*|\s+", str(value))
    return tuple(dict.fromkeys(t.strip().lower() for t in items if t and t.strip()))[:20]


_LANG_NAMES: dict[str, str] = {}


def _language_code(value: str) -> str:
    value = (value or "").strip().lower()
    if not value:
        return ""
    code = value.replace("_", "-").split("-")[0]
    if code in lexicon.LANGUAGES:
        return code
    if code == "ua":
        return "uk"
    if not _LANG_NAMES:
        for lang, names in lexicon.LEXICON["language_name"].items():
            for name in names:
                _LANG_NAMES[name] = lang
    return _LANG_NAMES.get(value, "")
