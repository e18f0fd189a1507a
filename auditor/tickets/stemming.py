"""Word stems per language, for topic matching, clustering and FAQ similarity.

A ticket word and a taxonomy term match when their *keys* are equal: the word is stemmed with the stemmer of
its language and folded (lower case, diacritics dropped, ``ł`` → ``l``, ``ё`` → ``е``, apostrophes removed:
customers often type without diacritics, so ``zamowienia`` and ``zamówienia`` must meet):

* en, de, ru, pl, cs: the Snowball stemmers (``snowballstemmer``, which uses the C ``PyStemmer`` when it is
  installed). Snowball 3 has Polish and Czech; both handle the case endings that matter here
  (``zamówienia/zamówieniu`` → ``zamowien``, ``zásilku/zásilky`` → ``zasilk``);
* sk and uk: no Snowball stemmer exists, and the lemmatizers on PyPI that cover them either load hundreds of
  megabytes of dictionaries (simplemma: ~0.9 GB and 20 s for seven languages, too much for an export of a
  million tickets) or need a dictionary package per language (pymorphy3 covers uk but not sk). So these two
  have a documented light suffix stripper below: the longest case / adjective / infinitive ending of
  :data:`SUFFIXES` is removed when at least :data:`MIN_STEM` letters stay (``objednávky`` → ``objednavk``,
  ``посилку`` → ``посилк``). Verb conjugation endings are not stripped: they would merge unrelated words.

Keys are cached per (language, word): a million tickets repeat the same few tens of thousands of words.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

import snowballstemmer

SNOWBALL = {"en": "english", "de": "german", "ru": "russian", "pl": "polish", "cs": "czech"}

# longest first is applied by key(); endings are folded (no diacritics)
SUFFIXES: dict[str, tuple[str, ...]] = {
    "sk": ("ovia", "iami", "iach", "ieho", "iemu", "ami", "ach", "ovi", "ych", "ymi", "eho", "emu", "ich", "imi",
           "ovat", "ej", "om", "ou", "ov", "ia", "ie", "iu", "ii", "ym", "im", "at", "it", "et", "a", "e", "i",
           "o", "u", "y"),
    "uk": ("ями", "ами", "ові", "еві", "ого", "ому", "ими", "ати", "яти", "ити", "іти", "ути", "ій", "их", "ім",
           "ою", "ею", "ах", "ях", "ів", "ям", "ам", "ом", "ем", "ий", "ої", "ти", "а", "я", "у", "ю", "і", "и",
           "о", "е", "ь", "ї", "й", "є"),
}
SUFFIXES = {lang: tuple(sorted(ends, key=len, reverse=True)) for lang, ends in SUFFIXES.items()}
MIN_STEM = 3

_FOLD = str.maketrans({"ł": "l", "Ł": "l", "ё": "е", "'": None, "’": None, "ʼ": None, "`": None, "ß": "ss"})
_LATIN_MARK = re.compile(r"[\u0300-\u036f]")


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Lower case without diacritics (Latin) and with one spelling of ё/е and apostrophes (Cyrillic)."""
    word = word.lower().translate(_FOLD)
    if word.isascii():
        return word
    if any("\u0400" <= ch <= "\u04ff" for ch in word):
        # й and ї are letters of their own, not и/і with a mark: keep Cyrillic as it is
        return word
    return _LATIN_MARK.sub("", unicodedata.normalize("NFD", word))


@cache
def _snowball(lang: str):
    return snowballstemmer.stemmer(SNOWBALL[lang])


@lru_cache(maxsize=400_000)
def key(word: str, lang: str) -> str:
    """The matching key of ``word`` in ``lang``: its folded stem."""
    if lang in SNOWBALL:  # the Snowball rules know the diacritics of their language ("-ów", "-ě"): fold after
        return fold(_snowball(lang).stemWord(word.lower().replace("ё", "е")))
    folded = fold(word)
    suffixes = SUFFIXES.get(lang)
    if suffixes:
        for suffix in suffixes:
            if folded.endswith(suffix) and len(folded) - len(suffix) >= MIN_STEM:
                return folded[: -len(suffix)]
    return folded
