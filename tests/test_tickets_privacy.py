"""No planted personal detail survives the real `clearcart tickets … --faq-artifacts` path.

Tickets in en, pl, uk, ru, sk, cs and de carry names wherever people write them (in the middle of a sentence,
after a title, "my husband …", "Kontoinhaber: …", "I am …", surname first in a signature), street addresses,
postcodes of every format, dates of birth, customer / account numbers, e-mail addresses, phone numbers and
IBANs. The command runs on a saved crawl of the fixture site (no browser); every file it writes is searched:
numbers digit for digit (a re-spaced number still counts), words as whole words, case-insensitively.
"""

from __future__ import annotations

import csv
import re

from tests.conftest import run_cli

# (language, ticket text, the personal details planted in it)
PLANTED: list[tuple[str, str, list[str]]] = [
    ("en", "Hello, I am Margaret O'Neill and I still have not received my order. Please deliver it to "
           "14 Elm Road, London SW1A 1AA. My date of birth is 12/03/1985 if you need to verify me.",
     ["Margaret", "O'Neill", "14 Elm Road", "SW1A 1AA", "12/03/1985"]),
    ("en", "My husband David Clarke ordered the boots last week and the tracking has not updated. "
           "Customer number CX-448812, phone 07700 900461.",
     ["David", "Clarke", "CX-448812", "07700 900461"]),
    ("en", "Where is my parcel? It was meant for Mrs Jennifer Hawkins at 221B Baker Street. "
           "You can reach me at j.hawkins@example.org.",
     ["Jennifer", "Hawkins", "221B Baker Street", "j.hawkins@example.org"]),
    ("en", "I want a refund to my account GB29 NWBK 6016 1331 9268 19, account holder: Peter Walsh. "
           "Thanks, Sophie Turner",
     ["GB29 NWBK 6016 1331 9268 19", "Peter", "Walsh", "Sophie", "Turner"]),
    ("pl", "Dzień dobry, paczka dla Anny Kowalskiej nie dotarła. Adres: ul. Lipowa 12/5, 00-950 Warszawa. "
           "Numer klienta 88123-77. Pozdrawiam",
     ["Anny", "Kowalskiej", "Lipowa 12/5", "00-950", "88123-77"]),
    ("pl", "Witam, mój mąż Piotr Nowak zamówił kurtkę, gdzie jest przesyłka? Data urodzenia męża: 05.11.1978, "
           "telefon 601 877 947.",
     ["Piotr", "Nowak", "05.11.1978", "601 877 947"]),
    ("pl", "Chciałabym zwrócić buty. Zamawiała je Pani Agnieszka Wiśniewska, ul. Kwiatowa 3, 31-042 Kraków, "
           "e-mail a.wisniewska@example.pl",
     ["Agnieszka", "Wiśniewska", "Kwiatowa 3", "31-042", "a.wisniewska@example.pl"]),
    ("uk", "Добрий день, посилка для Оксани Коваль досі не прийшла. Адреса: вул. Шевченка 10, кв. 4, "
           "79000 Львів, телефон +380 67 392 8770.",
     ["Оксани", "Коваль", "Шевченка 10", "+380 67 392 8770"]),
    ("uk", "Вітаю, я хочу повернути товар. Замовляла пані Ірина Бондаренко, дата народження 14.02.1990, "
           "номер клієнта 5512093.",
     ["Ірина", "Бондаренко", "14.02.1990", "5512093"]),
    ("uk", "Мій чоловік Андрій Мельник оплатив замовлення двічі, поверніть кошти на UA213223130000026007233566001.",
     ["Андрій", "Мельник", "UA213223130000026007233566001"]),
    ("ru", "Здравствуйте, где мой заказ? Получатель: Ольга Петрова, ул. Ленина, д. 5, кв. 12, 101000 Москва. "
           "Телефон +7 916 319 4521.",
     ["Ольга", "Петрова", "Ленина", "101000", "+7 916 319 4521"]),
    ("ru", "Добрый день, мой муж Сергей Иванов хочет вернуть куртку, дата рождения 21.06.1982, "
           "номер клиента 7734-221.",
     ["Сергей", "Иванов", "21.06.1982", "7734-221"]),
    ("ru", "Прошу вернуть деньги, господин Дмитрий Соколов оплатил заказ, почта d.sokolov@example.ru",
     ["Дмитрий", "Соколов", "d.sokolov@example.ru"]),
    ("sk", "Dobrý deň, zásielka pre Zuzanu Kováčovú ešte neprišla. Adresa: Hlavná 12, 811 01 Bratislava, "
           "telefón +421 905 223 533.",
     ["Zuzanu", "Kováčovú", "Hlavná 12", "811 01", "+421 905 223 533"]),
    ("sk", "Chcem vrátiť tovar, objednával ho môj manžel Martin Horváth, dátum narodenia 3. 9. 1975 "
           "a zákaznícke číslo 66120045.",
     ["Martin", "Horváth", "1975", "66120045"]),
    ("sk", "Kedy mi vrátite peniaze? Majiteľ účtu: Peter Baláž, IBAN SK31 1200 0000 1987 4263 7541.",
     ["Peter", "Baláž", "SK31 1200 0000 1987 4263 7541"]),
    ("cs", "Dobrý den, kde je moje objednávka? Doručit na Vinohradská 12/345, 120 00 Praha 2, pro "
           "Lenku Dvořákovou, telefon 601 812 548.",
     ["Vinohradská 12/345", "120 00", "Lenku", "Dvořákovou", "601 812 548"]),
    ("cs", "Chci vrátit boty, objednávala je moje manželka Jana Nováková, datum narození 30.01.1988, "
           "číslo zákazníka 44-12093.",
     ["Jana", "Nováková", "30.01.1988", "44-12093"]),
    ("cs", "Prosím o vrácení peněz na účet, majitel účtu: Tomáš Procházka, e-mail tomas.p@example.cz",
     ["Tomáš", "Procházka", "tomas.p@example.cz"]),
    ("de", "Guten Tag, mein Paket ist nicht angekommen. Kontoinhaber: Klaus Müller, Hauptstraße 5, "
           "10115 Berlin. Kundennummer 4711-0815.",
     ["Klaus", "Müller", "Hauptstraße 5", "10115", "4711-0815"]),
    ("de", "Hallo, ich möchte die Jacke zurückschicken. Bestellt hat sie meine Frau Sabine Schneider, "
           "geboren am 17.08.1980, Telefon +49 171 9373607.",
     ["Sabine", "Schneider", "17.08.1980", "+49 171 9373607"]),
    ("de", "Wann bekomme ich mein Geld zurück? Die Rückerstattung bitte an Herrn Jürgen Becker, "
           "IBAN DE89 3704 0044 0532 0130 00.",
     ["Jürgen", "Becker", "DE89 3704 0044 0532 0130 00"]),
]


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def test_planted_personal_details_appear_in_no_output(tmp_path):
    from fixtures.tickets.sites import site_artifacts

    planted = [value for _, _, values in PLANTED for value in values]
    assert len(planted) >= 80
    saved = tmp_path / "saved"
    site_artifacts("en", saved).save(saved)
    export = tmp_path / "tickets.csv"
    with export.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Created", "Subject", "Description"])
        for copy in range(4):  # every topic frequent enough to be reported with examples
            for number, (_, text, _) in enumerate(PLANTED):
                writer.writerow([f"2024-0{1 + copy}-{10 + number % 18:02d}", "", text])
    out = tmp_path / "out"
    done = run_cli("tickets", str(export), "--faq-artifacts", str(saved), "--out", str(out))
    assert done.returncode in (0, 1), done.stderr
    texts = {f: f.read_bytes().decode("utf-8", errors="replace") for f in out.rglob("*")
             if f.is_file() and f.suffix.lower() not in {".png", ".jpg", ".jpeg", ".webp"}}
    assert any(f.name == "report.json" for f in texts) and len(texts) >= 3
    assert "[name]" in "".join(texts.values())  # the examples are there, redacted
    runs = {path: [_digits(run) for run in re.findall(r"\d[\d \-+()/.]*\d", text)] for path, text in texts.items()}
    leaks: dict[str, list[str]] = {}
    for value in planted:
        digits = _digits(value)
        for path, text in texts.items():
            has_letters = re.search(r"[^\W\d_]", value) is not None
            if (has_letters and re.search(r"(?<!\w)" + re.escape(value) + r"(?!\w)", text, re.I)) or \
                    (len(digits) >= 4 and (not has_letters or len(digits) >= 5) and
                     any(digits in run for run in runs[path])):
                leaks.setdefault(path.name, []).append(value)
    assert leaks == {}
