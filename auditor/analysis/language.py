"""The language of a page: what ``<html lang>`` declares, else a guess from its text among our seven languages
(en, pl, uk, ru, sk, cs, de).

The guess is the ticket side's detector (:func:`auditor.tickets.text.guess_language`: script, telling letters,
stop words), so a page and a ticket in the same words get the same language; it replaced langdetect, which
can disagree with it and is slower.
"""

from __future__ import annotations

import re

from auditor import lexicon
from auditor.model import PageArtifact


def page_language(declared: str, text: str) -> str:
    """Two-letter language of a page: the html lang attribute, else guessed from the text ('' for too little
    text)."""
    code = (declared or "").strip().lower().replace("_", "-").split("-")[0]
    if re.fullmatch(r"[a-z]{2,3}", code or ""):
        return code
    sample = (text or "")[:3000]
    if len(sample.strip()) < 20:
        return ""
    from auditor.tickets.text import guess_language

    return guess_language(sample)


def lang_of(page: PageArtifact | None) -> str | None:
    """The page's language when it is one of ours, else None (then every language is searched)."""
    code = (page.lang if page else "") or ""
    code = code.lower().split("-")[0]
    return code if code in lexicon.LANGUAGES else None
