"""Redaction of personal data, in several languages, and nothing personal left in mined topics."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from auditor.tickets import analyze_tickets
from auditor.tickets.redact import Redactor, iban_ok, luhn_ok, redact

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "tickets"


@pytest.mark.parametrize("text,lang,gone,kinds", [
    ("Hi Anna,\nwhere is order #12345? Call +44 7911 123456 or anna.smith@example.com", "en",
     ["Anna", "12345", "7911", "anna.smith"], {"name", "order", "phone", "email"}),
    ("Dzień dobry Pani Anno,\nzamówienie nr 123456 nie dotarło. Tel. 601 234 567. Konto PL61 1090 1014 0000 0712 "
     "1981 2874", "pl", ["Anno", "123456", "601 234 567", "PL61"], {"name", "order", "phone", "iban"}),
    ("Proszę o zwrot na 61 1090 1014 0000 0712 1981 2874, zapłaciłam kartą 4111 1111 1111 1111", "pl",
     ["1090 1014", "4111"], {"iban", "card"}),
    ("Добрый день, Иван\nзаказ №45678 не пришел. Мой номер 8 (916) 123-45-67", "ru",
     ["Иван", "45678", "123-45-67"], {"name", "order", "phone"}),
    ("Добрий день, Оксано!\nзамовлення № 987654, телефон +380 67 123 4567", "uk",
     ["Оксано", "987654", "123 4567"], {"name", "order", "phone"}),
    ("Dobrý deň pán Novák,\nobjednávka č. 2024-5567 nedorazila", "sk", ["Novák", "5567"], {"name", "order"}),
    ("Dobrý den paní Nováková, prosím o fakturu k objednávce 99887766", "cs", ["Nováková", "99887766"],
     {"name", "order"}),
    ("Hallo Herr Müller,\nBestellung Nr. 556677 fehlt. IBAN DE89 3704 0044 0532 0130 00", "de",
     ["Müller", "556677", "DE89"], {"name", "order", "iban"}),
    ("Меня зовут Мария Петрова, заказ 778899", "ru", ["Мария", "Петрова", "778899"], {"name", "order"}),
    ("My name is John Smith. Tracking: https://track.example/?id=99&name=john", "en", ["John", "Smith", "john"],
     {"name", "url"}),
])
def test_every_kind_is_redacted(text, lang, gone, kinds):
    redactor = Redactor()
    out = redactor.redact(text, lang)
    for token in gone:
        assert token not in out, out
    assert kinds <= set(redactor.counts), (out, redactor.counts)


def test_ordinary_text_is_kept():
    text = "Hello, I ordered the shoes 2 weeks ago and paid 1 299,00 zł on 05.03.2024. Thanks!"
    assert redact(text, "en") == text
    plain = "Dzień dobry,\nChciałabym zapytać o rozmiar 38."
    assert redact(plain, "pl") == plain
    assert redact("Hello Team,\nwhere is it?", "en") == "Hello Team,\nwhere is it?"


def test_checksums():
    assert luhn_ok("4111111111111111") and not luhn_ok("4111111111111112")
    assert iban_ok("PL61 1090 1014 0000 0712 1981 2874") and not iban_ok("PL61 1090 1014 0000 0712 1981 2875")


def test_nothing_personal_reaches_the_artifact():
    """Every name, e-mail, phone, order, IBAN and card the generator wrote is gone from what is stored."""
    personal = json.loads((FIXTURES / "personal.json").read_text(encoding="utf-8"))
    stored = []
    for name in ("zendesk_en.csv", "freshdesk_pl.csv", "generic_ru.csv", "tickets_uk.jsonl", "support_sk.mbox",
                 "store_topics_en.csv"):
        artifact = analyze_tickets(FIXTURES / name)
        assert sum(artifact.redactions.values()) > artifact.imported  # every ticket carried personal data
        stored.append(artifact.model_dump_json())
    dump = "\n".join(stored)
    runs = [re.sub(r"\D", "", run) for run in re.findall(r"\d[\d ()+-]*\d", dump)]
    for item in personal:
        if re.fullmatch(r"[\d\s()+-]+", item):
            assert not any(re.sub(r"\D", "", item) in run for run in runs), item
        else:
            assert not re.search(rf"(?<!\w){re.escape(item)}(?!\w)", dump), item
