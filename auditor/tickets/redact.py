"""Redaction of personal data in ticket text, before anything is stored or shown.

Replaced with placeholders: links (``[url]``), e-mail addresses (``[email]``), IBANs and Polish 26-digit
account numbers checked with ISO 7064 mod 97 (``[iban]``), card-like numbers checked with Luhn (``[card]``),
order and tracking numbers after an order word in any of our languages or after ``#``/``№`` (``[order]``),
phone numbers (phonenumbers, per the ticket's language region, plus any remaining phone-shaped digit run:
``[phone]``), other long digit runs (``[number]``), and names after greetings ("Hi Anna,", "Dzień dobry Pani
Anno,", "Добрый день, Иван", "Dobrý deň pán Novák", "Hallo Herr Müller"), after introductions ("my name is",
"меня зовут") and on a closing name line (``[name]``).

It errs on the side of privacy: a capitalised word after a greeting is taken for a name.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache

from auditor import lexicon
from auditor.tickets import text as text_module

PLACEHOLDERS = ("url", "email", "iban", "card", "order", "customer", "date", "address", "postcode", "phone", "number",
                "name")
REGIONS = {"en": ("GB", "US"), "pl": ("PL",), "uk": ("UA",), "ru": ("RU",), "sk": ("SK",), "cs": ("CZ",),
           "de": ("DE", "AT")}

_DIGIT = re.compile(r"\d")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+", re.I)
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_IBAN = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{2,4}){2,8}(?![A-Za-z0-9])")
_NRB = re.compile(r"(?<!\d)\d{2}(?:[ -]?\d{4}){6}(?!\d)")
_CARD = re.compile(r"(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)")
_HASH_NUMBER = re.compile(r"(?:#|№|No\.|Nr\.?)\s?[A-Za-z]{0,3}-?\d{3,}[\w-]*", re.I)
_PHONE_SHAPE = re.compile(r"(?<![\w+])(?:\+|00)?\d[\d \-()/.]{6,}\d(?!\w)")
_PHONE_FALLBACK = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d[\d \-()]{7,}\d(?!\w)")
_LONG_NUMBER = re.compile(r"(?<![\w\[])(?=[A-Za-z0-9-]*\d{6})[A-Za-z0-9][A-Za-z0-9-]{5,}(?![\w\]])")
_NAME_WORD = r"[^\W\d_]+(?:['’-][^\W\d_]+)*"
_CAPITALISED = re.compile(r"(?<![\w'’-])[^\W\d_a-zа-яёіїєґß][^\W\d_'’-]*(?:['’-][^\W\d_]+)*")
_DATE = (r"(?:\d{1,2}[./-] ?\d{1,2}[./-] ?(?:19|20)\d{2}|(?:19|20)\d{2}-\d{1,2}-\d{1,2}"
         r"|\d{1,2}\.?\s+[^\W\d_]{3,12}\.?\s+(?:19|20)\d{2}|[^\W\d_]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2})")
_ANY_DATE = re.compile(rf"(?<![\w/.-]){_DATE}(?![\w/-])")
_BIRTH_YEARS = (1900, 2012)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_HOUSE = (r"\d{1,4}[a-zA-Zа-я]?(?:\s*/\s*\d{1,4}[a-zA-Z]?)?"
          r"(?:,?\s*(?:m\.|kv\.|кв\.?|apt\.?|flat|lok\.|byt)\s*\d{1,4})?")
_SLAVIC_STREET = re.compile(
    r"(?<![\w-])[A-ZŁŚŻŹĆŃÓČŠŽŘĎŤŇĽ][a-ząćęłńóśźżáčďéěíňóřšťúůýžäôľĺŕ]{2,}"
    r"(?:owa|ska|cka|ego|ova|ová|ská|cká|ní|ná|ého|ovo|ové)\s+" + _HOUSE + r"(?![\d/])")
_POSTCODES = (
    re.compile(r"(?<![\d-])\d{2}-\d{3}(?![\d-])"),  # pl
    re.compile(r"(?<!\d)(?<!\d )\d{3} \d{2}(?=\s+[A-ZČŠŽŘÁÉÍÚ])"),  # cs, sk (before the town)
    re.compile(r"(?<![\d.,-])(?:D-)?\d{5}(?=\s+[A-ZÄÖÜ][a-zäöüß])"),  # de (before the town)
    re.compile(r"(?<![A-Za-z0-9])[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}(?![A-Za-z0-9])"),  # gb
    re.compile(r"(?<![A-Za-z])(?<=[A-Z]{2} )\d{5}(?:-\d{4})?(?!\d)"),  # us, after the state
)


def luhn_ok(digits: str) -> bool:
    total, parity = 0, len(digits) % 2
    for index, ch in enumerate(digits):
        d = ord(ch) - 48
        if index % 2 == parity:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def iban_ok(candidate: str) -> bool:
    compact = re.sub(r"[ -]", "", candidate).upper()
    if not (15 <= len(compact) <= 34) or not compact[:2].isalpha() or not compact[2:4].isdigit():
        return False
    rearranged = compact[4:] + compact[:4]
    try:
        number = int("".join(str(int(ch, 36)) for ch in rearranged))
    except ValueError:
        return False
    return number % 97 == 1


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    order_words = lexicon.alternation(lexicon.terms("order_word"))
    number_words = r"(?:no|nr|number|numer|номер|číslo|č|nummer|n°|id|ref)\.?"
    greetings = lexicon.alternation(lexicon.terms("greeting"))
    honorifics = lexicon.alternation(lexicon.terms("honorific"))
    intros = lexicon.alternation(lexicon.terms("introduction"))
    street_en = lexicon.alternation(lexicon.terms("street_after", "en"))
    street_de = lexicon.alternation(lexicon.terms("street_after", "de"))
    name = rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}}"
    name_starts = [*lexicon.terms("greeting"), *lexicon.terms("honorific"), *lexicon.terms("introduction"),
                   *lexicon.terms("name_cue")]
    return {
        "order": re.compile(
            rf"(?<!\w)((?:{order_words}))(\s*(?:{number_words}\s*)?(?:[#№:]\s*)?)"
            r"((?=[A-Za-z0-9/-]*\d{3})[A-Za-z]{0,4}[-/]?\d[\dA-Za-z/-]{2,})(?!\w)", re.I),
        # greeting [,] [honorific] Name [Name] followed by punctuation or the end of the line
        "greeting": re.compile(
            rf"(?<!\w)(?i:{greetings})[ \t]*,?[ \t]*((?i:{honorifics})[ \t]+)?({name})(?=[ \t]*(?:[,!.:;]|$))",
            re.M),
        # greeting + honorific + Name: the honorific alone says a name follows
        "honorific": re.compile(rf"(?<!\w)(?i:{greetings})[ \t]*,?[ \t]*(?i:{honorifics})[ \t]+({name})"),
        "intro": re.compile(rf"(?<!\w)(?i:{intros})[ \t]*({name})"),
        # a title anywhere: "Mr David Clarke", "Frau Müller", "пан Олег"
        "title": re.compile(rf"(?<!\w)(?i:{honorifics})\.?[ \t]+({name})"),
        # "my husband David Clarke", "Kontoinhaber: Klaus Müller", "I am Margaret O'Neill"
        "cue": re.compile(rf"(?<!\w)(?i:{lexicon.alternation(lexicon.terms('name_cue'))})[ \t]*[:,-]?[ \t]*({name})"),
        "name_start": re.compile(rf"(?<!\w)(?i:{lexicon.alternation(name_starts)})"),
        "customer": re.compile(
            rf"(?<!\w)((?i:{lexicon.alternation(lexicon.terms('customer_word'))}))(\s*(?:is|[:#№.]|no\.?|nr\.?)?\s*)"
            r"((?=[A-Za-z0-9/ -]*\d{3})[A-Za-z0-9][A-Za-z0-9/-]{2,}(?: ?\d{2,})*)(?!\w)"),
        "birth": re.compile(rf"(?<!\w)(?i:{lexicon.alternation(lexicon.terms('birth_cue'))})[^\n\d]{{0,20}}({_DATE})"),
        "street_before": re.compile(
            rf"(?<!\w)(?i:{lexicon.alternation(lexicon.terms('street_before'))})[ \t]*"
            rf"(?:[^\W_][\w'’.-]*[ \t,]+){{0,3}}?(?:(?i:д|дом|буд|будинок|nr|č)\.?[ \t]*)?{_HOUSE}(?![\d/])"),
        "street_hint": re.compile(rf"(?i:{lexicon.alternation(lexicon.terms('street_after'))})"),
        "street_after": re.compile(
            rf"(?<![\w/])(?:{_HOUSE}[ \t]+(?:[A-Z][\w'’-]*[ \t]+){{1,3}}(?i:{street_en})"
            rf"|[A-ZÄÖÜ][\wäöüß-]*(?i:{street_de})(?:[ \t]+\d{{1,4}}[a-zA-Z]?)?"
            rf"|[A-ZÄÖÜ][\wäöüß-]+[ \t]+(?i:straße|strasse|str\.|weg|allee|platz|gasse)[ \t]+\d{{1,4}}[a-zA-Z]?)"
            rf"(?![\w])"),
    }


def _capitalised(name: str) -> bool:
    parts = name.split()
    return bool(parts) and all(p[0].isupper() for p in parts)


def _plain(word: str) -> str:
    return word.lower().rstrip(".")


@cache
def _not_names() -> frozenset[str]:
    honorifics = {h.rstrip(".") for h in lexicon.terms("honorific")}
    return frozenset(lexicon.terms("not_a_name")) | frozenset(lexicon.terms("stopwords")) | frozenset(honorifics)


def _name_span(name: str) -> str:
    """The leading run of capitalised words of ``name`` that are not common words ('' when none)."""
    kept: list[str] = []
    for part in name.split():
        if not part[0].isupper() or _plain(part) in _not_names():
            break
        kept.append(part)
    return " ".join(kept)


class Redactor:
    """Redacts text and counts what it replaced (``counts``: kind → number)."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def __call__(self, text: str, lang: str = "") -> str:
        return self.redact(text, lang)

    def _sub(self, kind: str, pattern: re.Pattern[str], text: str, check=None) -> str:
        def repl(match: re.Match[str]) -> str:
            if check is not None and not check(match.group(0)):
                return match.group(0)
            self.counts[kind] += 1
            return f"[{kind}]"

        return pattern.sub(repl, text)

    def redact(self, text: str, lang: str = "") -> str:
        if not text:
            return text
        pats = _patterns()
        if "http" in text or "www." in text:
            text = self._sub("url", _URL, text)
        if "@" in text:
            text = self._sub("email", _EMAIL, text)
        has_digits = _DIGIT.search(text) is not None if text.isascii() else any(map(str.isdigit, text))
        if has_digits:
            text = self._sub("iban", _IBAN, text, iban_ok)
            text = self._sub("iban", _NRB, text, lambda s: iban_ok("PL" + re.sub(r"\D", "", s)))
            text = self._sub("card", _CARD, text, lambda s: luhn_ok(re.sub(r"\D", "", s)))
            text = self._keep_word(text, pats["customer"], "customer")
            text = self._orders(text, pats["order"])
            text = self._sub("order", _HASH_NUMBER, text)
            if _YEAR.search(text):
                text = self._dates(text, pats["birth"])
            text = self._sub("address", pats["street_before"], text)
            if pats["street_hint"].search(text):
                text = self._sub("address", pats["street_after"], text)
            text = self._sub("address", _SLAVIC_STREET, text)
            text = self._phones(text, lang)
            for pattern in _POSTCODES:
                text = self._sub("postcode", pattern, text)
            text = self._sub("number", _LONG_NUMBER, text)
        text = self._names(text, pats)
        return text

    def _keep_word(self, text: str, pattern: re.Pattern[str], kind: str) -> str:
        def repl(match: re.Match[str]) -> str:
            self.counts[kind] += 1
            return f"{match.group(1)}{match.group(2)}[{kind}]"

        return pattern.sub(repl, text)

    def _dates(self, text: str, birth: re.Pattern[str]) -> str:
        """Dates after a birth word, and any full date with a birth year."""
        def after_cue(match: re.Match[str]) -> str:
            self.counts["date"] += 1
            start = match.start(1) - match.start(0)
            return match.group(0)[:start] + "[date]"

        def birth_year(match: re.Match[str]) -> str:
            year = int(re.findall(r"(?:19|20)\d{2}", match.group(0))[-1])
            if _BIRTH_YEARS[0] <= year <= _BIRTH_YEARS[1]:
                self.counts["date"] += 1
                return "[date]"
            return match.group(0)

        return _ANY_DATE.sub(birth_year, birth.sub(after_cue, text))

    def _orders(self, text: str, pattern: re.Pattern[str]) -> str:
        def repl(match: re.Match[str]) -> str:
            self.counts["order"] += 1
            return f"{match.group(1)}{match.group(2)}[order]"

        return pattern.sub(repl, text)

    def _phones(self, text: str, lang: str) -> str:
        if not _PHONE_SHAPE.search(text):
            return text
        from phonenumbers import Leniency, PhoneNumberMatcher

        spans: list[tuple[int, int]] = []
        for region in REGIONS.get(lang, ("PL",)):
            for match in PhoneNumberMatcher(text, region, leniency=Leniency.VALID):
                if not any(s <= match.start < e for s, e in spans):
                    spans.append((match.start, match.end))
        for start, end in sorted(spans, reverse=True):
            text = text[:start] + "[phone]" + text[end:]
            self.counts["phone"] += 1

        def fallback(match: re.Match[str]) -> str:
            digits = sum(ch.isdigit() for ch in match.group(0))
            if 9 <= digits <= 15:
                self.counts["phone"] += 1
                return "[phone]"
            return match.group(0)

        return _PHONE_FALLBACK.sub(fallback, text)

    def _names(self, text: str, pats: dict[str, re.Pattern[str]]) -> str:
        def with_honorific(match: re.Match[str]) -> str:
            name = _name_span(match.group(1))
            if not name:
                return match.group(0)
            self.counts["name"] += 1
            start = match.start(1) - match.start(0)
            return match.group(0)[:start] + "[name]" + match.group(0)[start + len(name):]

        def after_greeting(match: re.Match[str]) -> str:
            name = match.group(2)
            if not _capitalised(name) or _name_span(name) != name:
                return match.group(0)
            self.counts["name"] += 1
            start = match.start(2) - match.start(0)
            return match.group(0)[:start] + "[name]"

        # each of these five starts with a greeting, a title, an introduction or a cue word: one scan for any of
        # them tells whether the five are worth running
        if not text_module.FAST or pats["name_start"].search(text):
            text = pats["honorific"].sub(with_honorific, text)
            text = pats["greeting"].sub(after_greeting, text)
            text = pats["intro"].sub(with_honorific, text)
            text = pats["title"].sub(with_honorific, text)
            text = pats["cue"].sub(with_honorific, text)
        text = self._first_names(text)
        # a closing line that is only a name ("Anna Kowalska") at the very end
        lines = text.rstrip().split("\n")
        last = lines[-1].strip() if lines else ""
        parts = last.split()
        if len(lines) > 1 and 2 <= len(parts) <= 3 and all(re.fullmatch(_NAME_WORD, p) for p in parts) \
                and _name_span(last) == last:
            lines[-1] = "[name]"
            self.counts["name"] += 1
            text = "\n".join(lines)
        return text


    def _first_names(self, text: str) -> str:
        """A capitalised first name anywhere, with the capitalised surname after it (and one before it at the
        start of a line: "Kowalska Anna")."""
        spans: list[tuple[int, int]] = []
        words_found = list(_CAPITALISED.finditer(text))
        for index, match in enumerate(words_found):
            if not is_first_name(match.group(0)):
                continue
            start, end = match.start(), match.end()
            following = index + 1
            while following < len(words_found) and following <= index + 2:
                nxt = words_found[following]
                if text[end:nxt.start()].strip(" \t") or _plain(nxt.group(0)) in _not_names():
                    break
                end = nxt.end()
                following += 1
            if index > 0:
                before = words_found[index - 1]
                line_start = text.rfind("\n", 0, before.start()) + 1
                if not text[line_start:before.start()].strip() and not text[before.end():start].strip(" \t") \
                        and _plain(before.group(0)) not in _not_names() and not is_first_name(before.group(0)):
                    start = before.start()
            if spans and start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
            else:
                spans.append((start, end))
        for start, end in reversed(spans):
            text = text[:start] + "[name]" + text[end:]
            self.counts["name"] += 1
        return text


@cache
def _first_name_sets() -> tuple[frozenset[str], tuple[str, ...]]:
    from auditor.tickets.stemming import fold

    names = {fold(n) for n in lexicon.terms("first_name")}
    return frozenset(names), tuple(sorted(n for n in names if len(n) >= 4))


@lru_cache(maxsize=50_000)
def is_first_name(word: str) -> bool:
    """A first name of one of our languages, inflected Slavic forms included ("Anny", "Pawłem", "Олегу")."""
    from auditor.tickets.stemming import fold

    folded = fold(word)
    exact, stems = _first_name_sets()
    if folded in exact:
        return True
    if len(folded) < 5:
        return False
    return any(folded.startswith(name[:-1] if name[-1] in "aeiouyаяоеиіуюй" else name) and
               len(folded) - len(name) <= 3 for name in stems if name[:2] == folded[:2])


def redact(text: str, lang: str = "") -> str:
    """Redact one text (see the module docstring)."""
    return Redactor().redact(text, lang)
