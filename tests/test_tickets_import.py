"""Ticket import: every format, encodings, broken rows, unreadable files, cleaning."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditor.analysis.language import guess_language
from auditor.errors import UsageError
from auditor.tickets import read_tickets
from auditor.tickets.importers import detect_encoding, map_columns
from auditor.tickets.text import clean_text, parse_date

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "tickets"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))["files"]
EXPORTS = [name for name, info in EXPECTED.items() if "format" in info]


@pytest.mark.parametrize("name", EXPORTS)
def test_every_export_imports_with_its_format_encoding_and_counts(name):
    info = EXPECTED[name]
    stream = read_tickets(FIXTURES / name)
    tickets = list(stream)
    assert stream.format == info["format"]
    assert stream.encoding == info["encoding"]
    assert (stream.total, stream.imported, stream.broken_rows, stream.empty) == \
        (info["total"], info["imported"], info["broken_rows"], info["empty"])
    assert len(tickets) == info["imported"]
    assert all(t.subject or t.body for t in tickets)
    if info["language"] != "mixed":
        langs = [t.language for t in tickets]
        assert langs.count(info["language"]) >= 0.95 * len(langs)
    # every export carries dates; the month trend needs them
    assert sum(1 for t in tickets if t.date) >= 0.95 * len(tickets)


def test_mis_encoded_text_is_decoded_not_mangled():
    pl = {t.subject for t in read_tickets(FIXTURES / "freshdesk_pl.csv")}
    ru = {t.subject for t in read_tickets(FIXTURES / "generic_ru.csv")}
    cs = {t.subject for t in read_tickets(FIXTURES / "helpscout_cs.csv")}
    assert "Zwrot pieniędzy" in pl and "Możliwość" not in pl
    assert "Возврат денег" in ru
    assert "Vrácení peněz" in cs


@pytest.mark.parametrize("text,encoding", [
    ("Zażółć gęślą jaźń, proszę o fakturę i zwrot pieniędzy.\n" * 20, "cp1250"),
    ("Zażółć gęślą jaźń, proszę o fakturę i zwrot pieniędzy.\n" * 20, "iso8859-2"),
    ("Съешь же ещё этих мягких французских булок, заказ не пришёл.\n" * 20, "cp1251"),
    ("Příliš žluťoučký kůň úpěl ďábelské ódy, kde je objednávka?\n" * 20, "iso8859-2"),
])
def test_encoding_detection_prefers_the_alphabets_of_our_languages(text, encoding):
    raw = text.encode(encoding)
    detected = detect_encoding(raw, complete=True)
    assert raw.decode(detected) == text


def test_bom_and_utf8():
    assert detect_encoding("\ufeffa,b\n".encode("utf-8")) == "utf-8-sig"
    assert detect_encoding("gdzie jest paczka, zamówienie\n".encode()) == "utf-8"


def test_unreadable_files_are_usage_errors(tmp_path):
    with pytest.raises(UsageError) as missing:
        read_tickets(tmp_path / "nope.csv")
    assert missing.value.exit_code == 2 and missing.value.hint
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(UsageError):
        read_tickets(empty)
    xlsx = tmp_path / "tickets.xlsx"
    xlsx.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    with pytest.raises(UsageError, match="zip/Excel"):
        read_tickets(xlsx)
    binary = tmp_path / "tickets.bin"
    binary.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(UsageError):
        read_tickets(binary)
    import gzip
    import random

    rng = random.Random(7)
    few_nuls = tmp_path / "export.csv.gz"  # compressed text: hardly any NUL byte, many control bytes
    few_nuls.write_bytes(gzip.compress("".join(rng.choice("abcdef ,\n") for _ in range(20000)).encode()))
    assert few_nuls.read_bytes()[:8192].count(b"\x00") <= 8192 // 100 + 1
    with pytest.raises(UsageError, match="binary"):
        read_tickets(few_nuls)
    old_excel = tmp_path / "tickets.xls"
    old_excel.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"x" * 400)
    with pytest.raises(UsageError, match="Excel"):
        read_tickets(old_excel)
    no_text = tmp_path / "numbers.csv"
    no_text.write_text("id,amount,status\n1,20,open\n", encoding="utf-8")
    with pytest.raises(UsageError, match="no column with the ticket text"):
        read_tickets(no_text)
    (tmp_path / "folder").mkdir()
    with pytest.raises(UsageError, match=".eml"):
        read_tickets(tmp_path / "folder")


def test_text_column_override(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("ref,notes,Wiadomość\n1,Gdzie jest moja paczka?,ignored\n", encoding="utf-8")
    assert list(read_tickets(path))[0].body == "ignored"
    assert list(read_tickets(path, text_column="notes"))[0].body == "Gdzie jest moja paczka?"
    with pytest.raises(UsageError, match="no column 'body'"):
        read_tickets(path, text_column="body")


@pytest.mark.parametrize("headers,roles", [
    (["Temat", "Treść wiadomości", "Data utworzenia", "Tagi"], {"subject": 0, "body": 1, "date": 2, "tags": 3}),
    (["Тема", "Текст обращения", "Дата создания"], {"subject": 0, "body": 1, "date": 2}),
    (["Betreff", "Nachricht", "Erstellt am"], {"subject": 0, "body": 1, "date": 2}),
    (["Předmět", "Zpráva", "Datum"], {"subject": 0, "body": 1, "date": 2}),
    (["Ticket ID", "Subject", "Description", "Created time"], {"subject": 1, "body": 2, "date": 3}),
])
def test_columns_are_found_by_header_names_in_our_languages(headers, roles):
    found = map_columns(headers)
    assert {k: v for k, v in found.items() if k in roles} == roles


def test_json_array_with_a_broken_object_and_nested_messages(tmp_path):
    path = tmp_path / "t.json"
    path.write_text('[{"title": "Faktura", "messages": [{"body_text": "Proszę o fakturę VAT."}]},\n'
                    '{"title": "x", "messages": [ broken ]},\n'
                    '{"subject": "Где мой заказ?", "body": "Заказ не пришёл", "created_at": 1709630000}]',
                    encoding="utf-8")
    stream = read_tickets(path)
    tickets = list(stream)
    assert [t.body for t in tickets] == ["Proszę o fakturę VAT.", "Заказ не пришёл"]
    assert stream.broken_rows == 1 and tickets[1].date is not None and tickets[1].language == "ru"


def test_quotes_signatures_and_html_are_stripped():
    text = clean_text("<div><p>Where is my parcel?</p><div class='gmail_quote'>On Mon wrote:<blockquote>"
                      "Our invoice policy</blockquote></div></div>")
    assert text == "Where is my parcel?"
    assert clean_text("Gdzie paczka?\n\nW dniu 5.03.2024 o 10:12, Sklep <a@b.pl> napisał(a):\n> faktura") == \
        "Gdzie paczka?"
    assert clean_text("Где заказ?\n\n5 марта, Магазин пишет:\n> счёт") == "Где заказ?"
    assert clean_text("Wo ist das Paket?\nAm 05.03.2024 schrieb Shop <a@b.de>:\n> Rechnung") == "Wo ist das Paket?"
    assert clean_text("Where is it?\n> old\n> quote\nIt was due Monday.") == "Where is it?\nIt was due Monday."
    assert clean_text("Where is it?\n\nSent from my iPhone") == "Where is it?"
    assert clean_text("Kde je zásilka?\n\nS pozdravem\nJana Nováková\n601 123 456") == "Kde je zásilka?"
    assert clean_text("Paczka?\n\nOd: Sklep\nWysłano: poniedziałek\nDo: ja\n\nfaktura") == "Paczka?"
    assert clean_text("a &amp; b") == "a & b"


@pytest.mark.parametrize("text,lang", [
    ("Where is my order? It has not arrived.", "en"), ("Gdzie jest moja paczka? Nie dotarła.", "pl"),
    ("Де моє замовлення? Воно досі не прийшло.", "uk"), ("Где мой заказ? Он до сих пор не пришёл.", "ru"),
    ("Kde je moja objednávka? Stále nedorazila.", "sk"), ("Kde je moje objednávka? Pořád nedorazila.", "cs"),
    ("Wo ist meine Bestellung? Sie ist nicht angekommen.", "de"),
])
def test_language_guess(text, lang):
    assert guess_language(text) == lang


@pytest.mark.parametrize("value,month", [
    ("2024-03-05T10:00:00Z", "2024-03"), ("05.03.2024 10:12", "2024-03"), ("03/25/2024 10:00", "2024-03"),
    ("Tue, 05 Mar 2024 10:12:00 +0100", "2024-03"), (1709630000, "2024-03"), ("garbage", None),
])
def test_dates(value, month):
    parsed = parse_date(value)
    assert (f"{parsed:%Y-%m}" if parsed else None) == month
