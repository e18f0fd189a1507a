"""Reading what a text says: store words in seven languages, sentences and clauses, durations, readability.

Shared by the content checks (``size-chart``, ``return-policy``, ``delivery-info``, ``product-info``). Every
word comes from :mod:`auditor.lexicon`; this module only holds language-independent patterns (numbers,
size tokens such as ``XL`` or ``EU 38``, percentages) and the HTML conventions of web pages.

Language: ``auditor.analysis.language.lang_of(page)`` is the page's two-letter language when it is one of ours
(the crawl takes it
from ``<html lang>``, else detects it from the text). Term groups are then matched in that language plus
English (stores mix in English labels); for an unknown language in all seven. Terms of three letters or
fewer match whole words only, longer terms match on word starts (stems: ``"sukienk"`` finds ``sukienka``,
``sukienki``).

Durations: ``durations("Dostawa 2–4 dni robocze")`` → one Duration of 2 to 4 days. Understood: digits
("14 dni", "30 days", "14 днів", "14 дней", "14 dní", "30 Tage", "24h", "2 tygodnie", "1 Monat"),
ranges ("2-4", "2 to 4", "od 2 do 4", "2 až 4", "2 bis 4", "від 2 до 4"), a qualifier between number and
unit ("14 working days", "14 kalendářních dní"), an amount in words in brackets ("14 (czternastu) dni"),
adjectives ("30-day", "30-dniowy", "30denní", "30-tägig") and the numbers 7, 14 and 30 written as words
("vierzehn Tagen", "fourteen days", "четырнадцати дней"), which legal model texts use.

Readability: textstat, with ``textstat.set_lang(lang)`` for the page's language. textstat has calibrated
Flesch reading-ease constants only for English, German (Amstad) and Russian among our languages; for
Polish, Ukrainian, Slovak and Czech it would silently apply the English constants, which mean nothing
there. For those languages (and for unknown ones) the measure is therefore LIX (``textstat.lix``: words per
sentence plus the share of words longer than six letters), which does not depend on syllables or on
language-specific constants. textstat counts English syllables with NLTK's cmudict, which it downloads on
first use; a check never touches the network, so when cmudict is not installed locally the English Flesch
score is computed with textstat's own formula constants and pyphen's hyphenation-based syllable counts
(pyphen is what textstat itself uses for words cmudict lacks). Either way both scales are read in bands of
ten points (Flesch 90–100 very easy … 0–30 very hard; LIX <30 very easy … >60 very hard), and two texts are
only compared when they were measured the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import unquote, urlsplit

from auditor import lexicon, textstat_light


def _term_regex(term: str) -> str:
    escaped = re.escape(term.lower())
    return escaped + r"(?!\w)" if len(term) <= 3 else escaped


# German writes compounds ("Leinenkleid", "Lederhandschuhe", "Schuhgröße"): in these groups a German term of five
# letters or more also matches inside a word.
COMPOUND_GROUPS = (
    "kind_apparel",
    "kind_bag",
    "kind_electronics",
    "kind_furniture",
    "kind_accessory",
    "material",
    "size_word",
    "price_shipping",  # "Standardversand", "Expressversand", "Paketzustellung"
)


@cache
def term_pattern(group: str, lang: str | None = None) -> re.Pattern[str]:
    """A regex for ``group`` in ``lang`` plus English (all languages when ``lang`` is None)."""
    if lang in lexicon.LANGUAGES:
        words = lexicon.terms(group, lang) + [t for t in lexicon.terms(group, "en") if lang != "en"]
    else:
        words = lexicon.terms(group)
    inside = set()
    if group in COMPOUND_GROUPS and lang in (None, "de"):
        inside = {t for t in lexicon.terms(group, "de") if len(t) >= 5}
    anchored = sorted({_term_regex(t) for t in words if t not in inside}, key=len, reverse=True)
    pattern = r"(?<!\w)(?:" + "|".join(anchored) + ")"
    if inside:
        pattern += "|(?:" + "|".join(sorted((re.escape(t) for t in inside), key=len, reverse=True)) + ")"
    return re.compile(pattern, re.IGNORECASE)


def has(group: str, text: str, lang: str | None = None) -> bool:
    return bool(text) and term_pattern(group, lang).search(text) is not None


def find(group: str, text: str, lang: str | None = None) -> list[str]:
    return [m.group(0) for m in term_pattern(group, lang).finditer(text or "")]


@cache
def name_pattern(group: str, lang: str | None = None, max_ending: int = 3) -> re.Pattern[str]:
    """A regex for ``group`` whose terms are names (brands, fixed phrases), not stems: a term matches a whole word
    or a word with a short case ending ("PayPalem", "BLIK-iem", "післяплатою"), never the start of a longer
    word ("visačiek", a Slovak word for price tags, is not Visa)."""
    words = (
        lexicon.terms(group, lang) + [t for t in lexicon.terms(group, "en") if lang != "en"]
        if lang in lexicon.LANGUAGES
        else lexicon.terms(group)
    )
    alternatives = sorted({re.escape(t.lower()) for t in words}, key=len, reverse=True)
    return re.compile(
        r"(?<!\w)(?:" + "|".join(alternatives) + rf")(?:-?[^\W\d_]{{0,{max_ending}}})?(?!\w)", re.IGNORECASE
    )


def find_names(group: str, text: str, lang: str | None = None) -> list[str]:
    """The terms of a group of names found in ``text`` (see :func:`name_pattern`), as written there."""
    return [m.group(0) for m in name_pattern(group, lang).finditer(text or "")]


def looked_for(group: str, lang: str | None, limit: int = 6) -> list[str]:
    """Example terms of a group for evidence ("what was looked for"), page language first."""
    words = lexicon.terms(group, lang) if lang in lexicon.LANGUAGES else []
    words += [t for t in lexicon.terms(group, "en") if t not in words]
    return words[:limit]


def slug_text(value: str) -> str:
    """An attribute value or URL path made comparable to slug_* terms: lower-case, camelCase and underscores
    split with hyphens (``product__price--old`` → ``product--price--old``, ``oldPrice`` → ``old-price``)."""
    value = re.sub(r"([a-z])([A-Z])", r"\1-\2", value or "")
    return unquote(value).lower().replace("_", "-")


def url_path(url: str) -> str:
    try:
        return slug_text(urlsplit(url).path)
    except ValueError:
        return ""


# ------------------------------------------------------------------------------------------ sentences

# a middle dot or bullet between spaces ends a statement too: "Lieferzeit: 2–3 Werktage · Versand 4,90 €"
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…;])\s+|\n+|\s+[·•]\s+")
_CLAUSE_SPLIT = re.compile(r",\s+|\s+[–—]\s+|:\s+|\s*\|\s*")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_SPLIT.split(text or "") if s and s.strip()]


def clauses(text: str) -> list[str]:
    """Sentences split further at commas, dashes and colons: "30 days to return, refund in 14 days" is two."""
    out = []
    for sentence in sentences(text):
        out += [c.strip() for c in _CLAUSE_SPLIT.split(sentence) if c and c.strip()]
    return out


def prose(text: str, min_words: int = 6) -> str:
    """Only the lines that read as sentences (menus, buttons and prices are short lines)."""
    lines = [line.strip() for line in (text or "").splitlines()]
    return "\n".join(line for line in lines if len(re.findall(r"\w+", line)) >= min_words)


def word_count(text: str) -> int:
    return len(re.findall(r"[^\W\d_][\w'’-]*", text or ""))


# ------------------------------------------------------------------------------------------ durations


@dataclass(frozen=True)
class Duration:
    low: float
    high: float
    unit: str  # "day" (weeks and months are converted to days) or "hour"
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"low": self.low, "high": self.high, "unit": self.unit, "text": self.text}


_UNITS = (("unit_day", "day", 1), ("unit_week", "day", 7), ("unit_month", "day", 30), ("unit_hour", "hour", 1))
_WORD_NUMBERS = (("num_7", 7), ("num_14", 14), ("num_30", 30))


def group_regex(group: str, lang: str | None) -> str:
    """The terms of a group as a regex alternation (no word-start anchor), to build larger patterns."""
    return "(?:" + term_pattern(group, lang).pattern.removeprefix(r"(?<!\w)") + ")"


_alternation = group_regex


@cache
def _duration_pattern(lang: str | None) -> re.Pattern[str]:
    words = "|".join(f"(?P<w{n}>{_alternation(group, lang)}[^\\W\\d_]*)" for group, n in _WORD_NUMBERS)
    number = rf"(?:(?P<low>\d{{1,3}})|{words})"
    upto = _alternation("range_to", lang)
    rng = rf"(?:\s*(?:[-–—]|{upto})\s*(?P<high>\d{{1,3}}))?"
    paren = r"(?:\s*\([^()\d]{1,40}\))?"
    qualifier = r"(?:[\s-]*[^\W\d_]{3,20}(?=\s))?"
    units = "|".join(f"(?P<u{i}>{_alternation(group, lang)})" for i, (group, _, _) in enumerate(_UNITS))
    return re.compile(rf"(?<![\w.,]){number}{rng}{paren}{qualifier}[\s-]*(?:{units})[^\W\d_]*", re.IGNORECASE)


def durations(text: str, lang: str | None = None) -> list[Duration]:
    """Every stated duration in days or hours ("2–4 dni", "30 Tage", "24h", "2 weeks" = 14 days)."""
    return [d for d, _, _ in duration_spans(text, lang)]


def duration_spans(text: str, lang: str | None = None) -> list[tuple[Duration, int, int]]:
    """Like :func:`durations`, with where each one stands in ``text`` (start, end)."""
    out = []
    for m in _duration_pattern(lang if lang in lexicon.LANGUAGES else None).finditer(text or ""):
        if m.group("low"):
            low = float(m.group("low"))
        else:
            low = float(next(n for _, n in _WORD_NUMBERS if m.group(f"w{n}")))
        high = float(m.group("high")) if m.group("high") else low
        index = next(i for i in range(len(_UNITS)) if m.group(f"u{i}"))
        _, unit, factor = _UNITS[index]
        if high < low:
            low, high = high, low
        out.append((Duration(low * factor, high * factor, unit, m.group(0).strip()), m.start(), m.end()))
    return out


def day_counts(text: str, lang: str | None = None) -> list[Duration]:
    """Durations in days (weeks and months converted): "14 dni", "30 days", "14 днів", "vierzehn Tagen"."""
    return [d for d in durations(text, lang) if d.unit == "day"]


# ---------------------------------------------------------------------------------------- readability

FLESCH_LANGS = ("en", "de", "ru")  # textstat's calibrated Flesch reading-ease constants among our languages
_EN_FLESCH = (206.835, 1.015, 84.6)


@dataclass
class Readability:
    method: str  # "flesch" (higher is easier) or "lix" (higher is harder)
    score: float
    lang: str
    words: int
    sentences: int
    words_per_sentence: float
    long_word_share: float  # words longer than six letters
    note: str = ""

    @property
    def difficulty(self) -> float:
        """Bands of ten points, higher is harder, comparable only between texts of the same method."""
        return (100.0 - self.score) / 10.0 if self.method == "flesch" else self.score / 10.0

    def harder_than(self, other: Readability) -> float | None:
        """How many bands harder this text reads than ``other`` (None when measured differently)."""
        if self.method != other.method:
            return None
        return round(self.difficulty - other.difficulty, 2)

    def as_dict(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "score": round(self.score, 1),
            "lang": self.lang,
            "words": self.words,
            "sentences": self.sentences,
            "words_per_sentence": round(self.words_per_sentence, 1),
            "long_word_share": round(self.long_word_share, 3),
            "note": self.note,
        }


_cmudict_installed = textstat_light.cmudict_installed


def _english_flesch_offline(text: str) -> float:
    import pyphen

    textstat = textstat_light.load()
    words = textstat.lexicon_count(text)
    sentences_ = max(1, textstat.sentence_count(text))
    if not words:
        return 0.0
    hyphenator = pyphen.Pyphen(lang="en_US")
    syllables = sum(len(hyphenator.positions(w)) + 1 for w in re.findall(r"[A-Za-z']+", text))
    base, per_sentence, per_syllable = _EN_FLESCH
    return base - per_sentence * (words / sentences_) - per_syllable * (syllables / words)


def readability(text: str, lang: str | None) -> Readability | None:
    """Readability of ``text`` in ``lang`` (see the module docstring); None when there is nothing to read."""
    textstat = textstat_light.load()

    text = (text or "").strip()
    words = textstat.lexicon_count(text) if text else 0
    if not words:
        return None
    code = lang if lang in lexicon.LANGUAGES else ""
    textstat.set_lang(code or "en")
    count = textstat.sentence_count(text)
    long_share = textstat.long_word_count(text) / words
    per_sentence = words / max(1, count)
    if code in FLESCH_LANGS:
        if code == "en" and not _cmudict_installed():
            score = _english_flesch_offline(text)
            note = "Flesch reading ease (English; syllables by pyphen, NLTK cmudict not installed)"
        else:
            score = float(textstat.flesch_reading_ease(text))
            note = f"Flesch reading ease (textstat, language {code})"
        return Readability("flesch", score, code, words, count, per_sentence, long_share, note)
    score = float(textstat.lix(text))
    why = f"textstat has no Flesch constants for '{code}'" if code else "language unknown"
    return Readability(
        "lix", score, code, words, count, per_sentence, long_share, f"LIX (words per sentence and long words; {why})"
    )
