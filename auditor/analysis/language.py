"""The language of a page: what ``<html lang>`` declares, else a guess from its text among our seven languages
(en, pl, uk, ru, sk, cs, de).

:func:`guess_language` is the one detector for pages and tickets (script, telling letters, stop words), so a
page and a ticket in the same words get the same language; it replaced langdetect, which could disagree with it
and is slower, and it is fast enough for a million tickets.
"""

from __future__ import annotations

import re
from functools import cache

from auditor import lexicon
from auditor.model import PageArtifact

# A shortcut that cannot change the result (ASCII text has no Cyrillic and no telling letter); a test turns it off
# and checks that the guesses are the same.
FAST = True


def page_language(declared: str, text: str) -> str:
    """Two-letter language of a page: the html lang attribute, else guessed from the text ('' for too little
    text)."""
    code = (declared or "").strip().lower().replace("_", "-").split("-")[0]
    if re.fullmatch(r"[a-z]{2,3}", code or ""):
        return code
    sample = (text or "")[:3000]
    if len(sample.strip()) < 20:
        return ""
    return guess_language(sample)


def lang_of(page: PageArtifact | None) -> str | None:
    """The page's language when it is one of ours, else None (then every language is searched)."""
    code = (page.lang if page else "") or ""
    code = code.lower().split("-")[0]
    return code if code in lexicon.LANGUAGES else None


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_CS_SK = re.compile(r"[čšžťďňýáíéúČŠŽŤĎŇÝÁÍÉÚ]")
_LATIN_LETTER = re.compile(r"[a-zA-Z\u00c0-\u024f]")


@cache
def _hint_patterns() -> dict[str, re.Pattern[str]]:
    return {lang: re.compile("[" + re.escape(chars) + "]", re.I) for lang, chars in lexicon.LETTER_HINTS.items()}


@cache
def _stopword_sets() -> dict[str, frozenset[str]]:
    return {lang: frozenset(lexicon.terms("stopwords", lang)) for lang in lexicon.LANGUAGES}


_WORD = re.compile(r"[^\W\d_]+")


def guess_language(text: str) -> str:
    """A two-letter guess among en, pl, uk, ru, sk, cs, de ('' when the text has no letters).

    Script first (Cyrillic or Latin), then the letters that tell neighbours apart (і/ї/є for Ukrainian,
    ы/э/ъ for Russian; ą/ę/ł for Polish, ě/ř/ů for Czech, ľ/ô/ä for Slovak, ä/ö/ü/ß for German), then
    stop-word counts. Fast enough for a million tickets; langdetect is not."""
    sample = text[:600]
    if FAST and sample.isascii():  # no Cyrillic, no telling letter, no č/š/ž/ä: the same answer, sooner
        return (_by_stopwords(sample, ("en", "de", "pl", "cs", "sk")) or "en") if _LATIN_LETTER.search(sample) else ""
    cyr = len(_CYRILLIC.findall(sample))
    lat = len(_LATIN_LETTER.findall(sample))
    if not cyr and not lat:
        return ""
    hints = _hint_patterns()
    if cyr > lat:
        uk, ru = len(hints["uk"].findall(sample)), len(hints["ru"].findall(sample))
        if uk != ru:
            return "uk" if uk > ru else "ru"
        return _by_stopwords(sample, ("ru", "uk")) or "ru"
    counts = {lang: len(hints[lang].findall(sample)) for lang in ("pl", "cs", "sk", "de")}
    best = max(counts, key=counts.get)  # type: ignore[arg-type]
    if counts[best] > 0:
        by_words = _by_stopwords(sample, ("pl", "cs", "sk", "de", "en"))
        if by_words in ("cs", "sk") and best in ("cs", "sk"):
            return by_words
        return best
    # no telling letter: Czech and Slovak share č/š/ž/á, German and Slovak share ä; stop words decide
    if _CS_SK.search(sample):
        return _by_stopwords(sample, ("cs", "sk", "pl")) or "cs"
    if "ä" in sample.lower():
        return _by_stopwords(sample, ("de", "sk")) or "de"
    return _by_stopwords(sample, ("en", "de", "pl", "cs", "sk")) or "en"


def _by_stopwords(sample: str, candidates: tuple[str, ...]) -> str:
    tokens = _WORD.findall(sample.lower())
    sets = _stopword_sets()
    scores = {lang: sum(map(sets[lang].__contains__, tokens)) for lang in candidates}
    best = max(candidates, key=lambda lang: scores[lang])
    return best if scores[best] else ""
