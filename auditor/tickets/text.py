"""Ticket text: HTML to text, quoted replies and signatures stripped, a fast language guess, month parsing,
and the stemming tokenizer clustering and FAQ similarity share.

Everything here runs once per ticket on exports of a million tickets, so it avoids per-call parsing where a
regular expression decides: HTML is parsed (lxml) only when the text has tags.
"""

from __future__ import annotations

import html
import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import cache

from auditor import lexicon
from auditor.analysis.language import guess_language
from auditor.tickets import stemming

# Shortcuts that skip work which cannot change the result (here and in auditor.tickets.redact); a test turns them
# off and checks that topics and redaction come out the same.
FAST = True

# ---------------------------------------------------------------------------------------------- HTML

_TAG = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?|/[a-zA-Z][a-zA-Z0-9]*\s*)>")
_BR = re.compile(r"<br\s*/?>", re.I)
_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table",
               "ul", "ol", "dt", "dd", "section", "article", "hr"}
_DROP_XPATH = ("//script|//style|//head|//blockquote|//*[contains(concat(' ', normalize-space(@class), ' '), "
               "' gmail_quote ')]|//*[@id='divRplyFwdMsg' or @id='appendonsend']|//*[contains(@class, 'yahoo_quoted')]")


def looks_like_html(text: str) -> bool:
    return "<" in text and _TAG.search(text) is not None


def html_to_text(markup: str) -> str:
    """Visible text of an HTML fragment: quoted blocks (blockquote, Gmail/Outlook quote containers), scripts
    and styles dropped, block elements on their own lines."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return _TAG.sub(" ", markup)
    for node in root.xpath(_DROP_XPATH):
        if node.getparent() is not None:
            node.drop_tree()  # keeps the text that followed the dropped element
    for node in root.iter():
        if not isinstance(node.tag, str):
            continue
        if node.tag in _BLOCK_TAGS:
            node.tail = "\n" + (node.tail or "")
            if node.tag != "br":
                node.text = "\n" + (node.text or "")
    return root.text_content()


# ---------------------------------------------------------------------------------------------- quotes, signatures


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    verbs = lexicon.alternation(lexicon.terms("reply_verb"))
    original = lexicon.alternation(lexicon.terms("original_message"))
    froms = lexicon.alternation(lexicon.terms("header_from"))
    sents = lexicon.alternation(lexicon.terms("header_sent"))
    markers = lexicon.alternation(lexicon.terms("signature_marker"))
    closings = lexicon.alternation(lexicon.terms("closing"))
    return {
        # a reply header: a line (possibly wrapped once) ending with "wrote:" / "napisał(a):" / "пише:"...
        "reply_header": re.compile(
            r"^[^\n]{0,250}?(?<!\w)(?:" + verbs + r")(?:\s*\([^)\n]{0,12}\))?\s*:\s*$", re.I | re.M),
        # "Am 05.03.2024 schrieb Shop <a@b.de>:" — the verb before the sender; needs a date or an address
        "reply_header_mid": re.compile(
            r"^(?=[^\n]*(?:\d|@))[^\n]{0,250}?(?<!\w)(?:" + verbs + r")(?!\w)[^\n]{1,120}:\s*$", re.I | re.M),
        "original": re.compile(r"^[ \t>*_-]*(?:-{2,}|_{2,}|\*{2,})?[ \t]*(?:" + original + r")", re.I | re.M),
        "header_block": re.compile(
            r"^[ \t>*]*(?:" + froms + r")\s*:[^\n]*\n(?:[^\n]*\n){0,2}?[ \t>*]*(?:" + sents + r")\s*:",
            re.I | re.M),
        "separator": re.compile(r"^[ \t]*_{10,}[ \t]*$", re.M),
        "sig_dash": re.compile(r"^-- ?$", re.M),
        "sig_marker": re.compile(r"^[ \t]*(?:" + markers + r")\b[^\n]{0,60}$", re.I | re.M),
        "closing": re.compile(r"^[ \t]*(?:" + closings + r")(?!\w)[ \t,.!:;-]*[^\n]{0,40}$", re.I | re.M),
    }


_QUOTED_LINE = re.compile(r"^[ \t]*>.*(?:\n|$)", re.M)
_BLANKS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")  # three or more line ends with only blanks between
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")


def strip_quotes_and_signature(text: str) -> str:
    """The customer's own words: cut at the first reply header / original-message marker / signature, drop
    ``>`` quoted lines, and cut a closing formula ("Best regards", "Pozdrawiam", "З повагою"...) near the end
    together with what follows it (usually a name and a phone number)."""
    pats = _patterns()
    cut = len(text)
    for name in ("reply_header", "reply_header_mid", "original", "header_block", "separator", "sig_dash",
                 "sig_marker"):
        match = pats[name].search(text, 0, cut)
        if match and match.start() < cut:
            cut = match.start()
    text = text[:cut]
    if ">" in text:
        text = _QUOTED_LINE.sub("", text)
    # a closing formula in the last lines: drop it and the signature after it, keep a one-line ticket whole
    lines = text.rstrip().split("\n")
    if len(lines) > 1:
        tail_start = max(1, len(lines) - 6)
        tail = "\n".join(lines[tail_start:])
        match = pats["closing"].search(tail)
        if match:
            offset = len("\n".join(lines[:tail_start])) + 1 + match.start()
            text = text[:offset]
    return text


def clean_text(text: str) -> str:
    """HTML to text, entities decoded, quotes and signatures stripped, whitespace normalised."""
    if not text:
        return ""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "<" in text and _BR.search(text):  # line breaks need no parser (a thousand <br> cost milliseconds)
        text = _BR.sub("\n", text)
    if looks_like_html(text):
        text = html_to_text(text)
    elif "&" in text and ";" in text:
        text = html.unescape(text)
    # whitespace first: runs of blank lines collapse before the line-anchored patterns look at them, so every
    # step stays linear in the text however many empty lines or <br> it has
    text = _SPACES.sub(" ", text)
    text = _BLANKS.sub("\n\n", text)
    text = strip_quotes_and_signature(text)
    return "\n".join(line.strip() for line in text.strip().split("\n"))


@cache
def _reply_prefix() -> re.Pattern[str]:
    return re.compile(r"^\s*(?:(?:" + lexicon.alternation(lexicon.terms("reply_prefix")) + r")\s*(?:\[\d+\])?\s*:\s*)+",
                      re.I)


def clean_subject(subject: str) -> str:
    subject = _SPACES.sub(" ", (subject or "").replace("\n", " ")).strip()
    return _reply_prefix().sub("", subject).strip()


# ---------------------------------------------------------------------------------------------- dates

_ISO = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?!\d)")
_DMY = re.compile(r"(?<!\d)(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)")


def parse_date(value: object) -> date | None:
    """A date from what exports write: ISO 8601, ``2024-03-05 10:00:00 +0100``, ``05.03.2024``,
    ``03/05/2024`` (US order with slashes unless the first number is above 12), RFC 2822 mail dates and
    Unix timestamps. ``None`` when it cannot be read."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        stamp = float(value)
        if stamp > 1e11:  # milliseconds
            stamp /= 1000
        try:
            return datetime.utcfromtimestamp(stamp).date() if 0 < stamp < 4e9 else None
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    if not text:
        return None
    if text.isdigit() and len(text) in (10, 13):
        return parse_date(int(text))
    match = _ISO.search(text)
    if match:
        year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3) or 1)
        return _safe_date(year, month, day)
    match = _DMY.search(text)
    if match:
        first, sep, second, year_text = match.groups()
        a, b, year = int(first), int(second), int(year_text)
        if year < 100:
            year += 2000
        if sep == "/" and a <= 12 and b <= 31:  # US exports write month first with slashes
            month, day = a, b
            if b <= 12 and a > 12:
                month, day = b, a
        else:
            day, month = a, b
        if month > 12 and day <= 12:
            day, month = month, day
        return _safe_date(year, month, day)
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    if not (1990 <= year <= 2100):
        return None
    try:
        return date(year, month, day)
    except ValueError:
        try:
            return date(year, month, 1)
        except ValueError:
            return None


def month_of(day: date | None) -> str:
    return f"{day.year:04d}-{day.month:02d}" if day else ""


# ---------------------------------------------------------------------------------------------- tokens

_TOKEN = re.compile(r"[^\W\d_]{2,}")
_PLACEHOLDER = re.compile(r"\[[a-z]+\]")


@cache
def stopwords() -> frozenset[str]:
    extra = {w for phrase in lexicon.terms("greeting") + lexicon.terms("closing") for w in phrase.split()}
    return frozenset(lexicon.terms("stopwords")) | frozenset(extra)


def stem(token: str, lang: str = "") -> str:
    """The matching key of a word (:func:`auditor.tickets.stemming.key`: folded, stemmed in ``lang``, guessed
    from the word when not given)."""
    return stemming.key(token, lang or guess_language(token) or "en")


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens without stop words and placeholders (surface forms)."""
    text = _PLACEHOLDER.sub(" ", text.lower())
    stop = stopwords()
    return [t for t in _TOKEN.findall(text) if t not in stop]


def stems(text: str, lang: str = "") -> list[str]:
    """The stems of the non-stop words of ``text``, in its language (guessed once for the whole text)."""
    lang = lang or guess_language(text) or "en"
    return [stemming.key(t, lang) for t in tokens(text)]
