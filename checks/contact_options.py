"""Contact options: which channels a shopper can use to reach the store, and where they see them.

What it checks
    Every crawled page is read for the ways a shopper can reach a person:

    * ``phone``: ``tel:`` links and numbers written in the visible text (``phonenumbers``). National numbers
      are read in the region of option ``default_region``, else of the store's country TLD, else of the page
      language (ru pages: UA), else in each of PL, SK, CZ, UA, DE, GB, AT. A number written in national form
      counts only when it is a valid number and is labelled ("tel. …", "Infolinia: …") or — when the region
      is known, not guessed — grouped ("22 123 45 67"), so order numbers, EANs and tax ids are not phones; a
      number in international form ("+421 …") counts whenever it is a possible number. Each number is classified
      (``number_type``): toll-free, fixed line, mobile, shared
      cost, premium rate…
    * ``email``: ``mailto:`` links and addresses in the visible text.
    * ``chat``: chat widgets (script or iframe hosts, JS globals, install snippets; see ``auditor.widgets``).
    * ``messaging``: links that open Messenger, WhatsApp, Telegram, Viber or Instagram.
    * ``contact_form`` (a message form on a contact page) and ``callback_form`` (a form offering a call back):
      recorded, but they are not direct channels — the shopper cannot reach a person through them now.
    * opening hours: a time range written with a colon ("8:00–18:00", "Пн-Пт 9:00-18:00"), any other time
      range ("9-17", "8.00 - 16.00", "с 9 до 18") near an opening-hours word or a day name (lexicon groups
      ``opening_hours``, ``hours_context``), or a round-the-clock phrase (``hours_always``: "24/7",
      "całodobowo", "nonstop").

    The sitewide share is the share of crawled OK pages on which at least one direct channel (phone, e-mail,
    chat, messaging link) is visible — a mere link to the contact page does not count. Rules, in precedence:

    * ``no-direct-channel`` (high): no phone, e-mail, chat widget or messaging-app link anywhere (a contact
      form or callback form alone is not a direct channel). When it fires, ``contact-only-deep``,
      ``contact-not-sitewide`` and ``no-opening-hours`` do not.
    * ``premium-rate-phone`` (high): a number classified PREMIUM_RATE; a SHARED_COST number gives the same rule
      at low. One finding per number; its evidence ``box`` marks the ``tel:`` link in the screenshot of the
      first page it is on, when that link is in view and the page links no other number.
    * ``no-opening-hours`` (medium): a phone or chat is offered but no opening hours are stated anywhere.
    * ``contact-only-deep`` (medium): no direct channel on the home page and the contact page is more than
      ``max_contact_depth`` clicks from home. Without a contact page reached by links, the shallowest page
      showing a direct channel stands in for it (unreachable counts as too deep). Needs a home page.
    * ``contact-not-sitewide`` (low): direct channels visible on fewer than ``min_sitewide_share`` of the
      crawled OK pages.

    Status: ``fail`` with any finding of low or above, else ``pass``; ``not-applicable`` without crawled pages;
    ``needs-review`` when no contact page was read but one was linked and not read (robots.txt, page budget,
    failure, off-site redirect): its channels are unknown, so ``no-direct-channel`` and ``contact-only-deep``
    are not raised.

    ``details``: ``channels`` ({phone|email|chat|messaging|contact_form|callback_form: {present, direct, pages,
    and values / providers / apps / urls}}), ``matrix`` ([{url, type, depth, channels: [...]}], pages x
    channels), ``hours`` ([{text, url}]), ``sitewide_share``, ``home_channels``, ``contact_page``, ``regions``.

Why it matters
    Shoppers buy where they know they can reach a person when something goes wrong, and ask their questions
    on product pages and in the basket. EU law requires the trader's telephone number and e-mail address
    before the contract (Directive 2011/83/EU art. 6(1)(c)), contact details that are easily, directly and
    permanently accessible (e-Commerce Directive 2000/31/EC art. 5(1)), and forbids charging more than the
    basic rate for calls about a concluded contract (Directive 2011/83/EU art. 21).

Failing example
    The only way to reach the store is a form on /contact, three clicks from home → ``no-direct-channel``.
    A hotline "+48 701 234 567" (premium rate) in the footer → ``premium-rate-phone`` (high).

Passing example
    Every footer shows "+48 22 123 45 67 (pon.-pt. 8:00–16:00)" as a ``tel:`` link and "sklep@example.pl" as
    a ``mailto:`` link; the contact page is linked from the header → pass.

Options
    ``min_sitewide_share`` (default 0.5), ``max_contact_depth`` (default 2), ``default_region`` (default "":
    a two-letter region such as "DE" for numbers written in national form).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher, PhoneNumberType

from auditor import details as visual
from auditor import lexicon, widgets
from auditor.analysis.document import document
from auditor.analysis.locate import links_to
from auditor.analysis.site import linked_pages, page_brief, path_text, shallowest, url_key, url_of
from auditor.errors import UsageError
from auditor.model import Artifacts, CheckResult, Finding, PageArtifact
from checks.base import T, finding, not_applicable, result, unread_pages

ID = "contact-options"
TITLE = T('Contact channels shoppers can find')
CATEGORY = "contact"
SEVERITIES = ["high", "medium", "low"]
DEFAULT_OPTIONS: dict[str, Any] = {"min_sitewide_share": 0.5, "max_contact_depth": 2, "default_region": ""}

DIRECT = ("phone", "email", "chat", "messaging")
INDIRECT = ("contact_form", "callback_form")
CHANNELS = DIRECT + INDIRECT
LABELS = {"phone": "phone", "email": "e-mail", "chat": "chat", "messaging": "messaging app",
          "contact_form": "contact form", "callback_form": "callback form"}

# the markets clearcart is used in: national numbers are tried in these regions when nothing else tells
FALLBACK_REGIONS = ("PL", "SK", "CZ", "UA", "DE", "GB", "AT")
# page language -> region of its phone numbers (Russian-language stores among these markets are mostly
# Ukrainian; set default_region otherwise)
LANG_REGIONS = {"pl": "PL", "sk": "SK", "cs": "CZ", "uk": "UA", "ru": "UA", "de": "DE", "en": "GB"}
TLD_ALIASES = {"UK": "GB"}
LABEL_WINDOW = 30  # characters before a national number searched for a phone label ("tel.", "infolinia")
PHONE_SEPARATORS = re.compile(r"[\s\-/().\u00a0]")
TYPE_NAMES = {value: name.lower().replace("_", "-") for name, value in vars(PhoneNumberType).items()
              if name.isupper() and isinstance(value, int)}

EMAIL_RE = re.compile(
    r"(?<![\w.+%-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+"
    r"[A-Za-z]{2,24}(?![\w-])"
)
NOT_EMAIL_TLDS = {"png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "css", "js"}  # "logo@2x.png"

DASHES = re.compile(r"[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
SPACES = re.compile(r"[\u00a0\u2000-\u200b\u202f\u205f]")
HOURS_CONTEXT_BEFORE = 100  # characters before a time range searched for an opening-hours word
HOURS_CONTEXT_AFTER = 20  # "8-18 Uhr erreichbar"; further on, words belong to other sentences
SNIPPET_CHARS = 160
MAX_HOURS_SNIPPETS = 20
MAX_URLS = 10  # URLs listed per value in details and evidence

WHY_NO_CHANNEL = (
    T("Shoppers buy where they know they can reach a person when something goes wrong; a store that offers only a "
      "form looks unaccountable, and every unanswered question becomes an abandoned basket. EU law requires the "
      "trader's telephone number and e-mail address before the contract (Directive 2011/83/EU art. 6(1)(c)) and an "
      "e-mail address allowing rapid, direct contact (e-Commerce Directive 2000/31/EC art. 5(1)(c)).")
)
WHY_PREMIUM = (
    T('A shopper who calls about an order pays a premium rate by the minute, often far more than a normal call. '
      'Directive 2011/83/EU art. 21 forbids charging consumers more than the basic rate for calls about a concluded '
      'contract (the cost of an ordinary geographic or mobile call, CJEU C-568/15 comtech); a premium line also '
      'tells shoppers the store profits from their problems.')
)
WHY_SHARED = (
    T('Shared-cost numbers may cost the caller more than an ordinary call, especially from a mobile phone. Directive '
      '2011/83/EU art. 21 forbids charging consumers more than the basic rate for calls about a concluded contract '
      '(CJEU C-568/15 comtech).')
)
WHY_HOURS = (
    T('A shopper who calls or opens the chat and gets no answer does not know whether anyone ever will; stated '
      'opening hours tell them when a person is there and how soon to expect a reply.')
)
WHY_DEEP = (
    T('Shoppers with a question look at the header and the home page first; when neither shows a way to reach the '
      'store and the contact page is several clicks away, many give up. Contact details must be easily, directly and '
      'permanently accessible (e-Commerce Directive 2000/31/EC art. 5(1)).')
)
WHY_SITEWIDE = (
    T('Questions come up on product pages and in the basket, not on the home page: a phone number, e-mail address or '
      'chat visible there answers them before the shopper leaves. Contact details must be permanently accessible '
      '(e-Commerce Directive 2000/31/EC art. 5(1)).')
)


# --------------------------------------------------------------------------------------------------
# Phone numbers
# --------------------------------------------------------------------------------------------------


@dataclass
class Phone:
    e164: str
    display: str
    type: str
    region: str
    valid: bool
    sources: set[str] = field(default_factory=set)
    urls: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"number": self.display, "e164": self.e164, "type": self.type, "region": self.region,
                "valid": self.valid, "sources": sorted(self.sources), "pages": len(self.urls),
                "urls": self.urls[:MAX_URLS]}


def region_option(value: Any) -> str:
    region = str(value or "").strip().upper()
    region = TLD_ALIASES.get(region, region)
    if region and region not in phonenumbers.SUPPORTED_REGIONS:
        raise UsageError(f"contact-options: default_region '{value}' is not a region code",
                         "use a two-letter country code such as PL, SK, CZ, UA, DE, GB or AT")
    return region


def store_region(artifacts: Artifacts) -> str:
    """The region of the store's country TLD (".pl" → PL, ".co.uk" → GB), or '' for generic TLDs."""
    try:
        host = urlsplit(artifacts.home_url or artifacts.start_url).hostname or ""
    except ValueError:
        host = ""
    tld = host.rsplit(".", 1)[-1].upper() if "." in host else ""
    tld = TLD_ALIASES.get(tld, tld)
    return tld if len(tld) == 2 and tld.isalpha() and tld in phonenumbers.SUPPORTED_REGIONS else ""


def regions_for(page: PageArtifact, option: str, tld_region: str) -> tuple[str, ...]:
    if option:
        return (option,)
    if tld_region:
        return (tld_region,)
    lang = LANG_REGIONS.get((page.lang or "").lower()[:2])
    return (lang,) if lang else FALLBACK_REGIONS


def _type_name(number: phonenumbers.PhoneNumber) -> str:
    return TYPE_NAMES.get(phonenumbers.number_type(number), "unknown")


INTERNATIONAL = re.compile(r"^[(\s]*(?:\+|00[1-9])")  # "+421 …", "0048 …" (not "0000 0712 …" of an IBAN)


def _international(raw: str) -> bool:
    return bool(INTERNATIONAL.match(raw))


def _phone(number: phonenumbers.PhoneNumber, raw: str) -> Phone:
    """A parsed number; an invalid one keeps the store's own writing (phonenumbers cannot group it)."""
    valid = phonenumbers.is_valid_number(number)
    return Phone(
        e164=phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
        display=(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL) if valid
                 else " ".join(raw.split())),
        type=_type_name(number) if valid else "unknown",
        region=phonenumbers.region_code_for_number(number) or "",
        valid=valid,
    )


def parse_tel(raw: str, regions: tuple[str, ...]) -> Phone:
    """A ``tel:`` link's number. Always a phone (the link rings), classified when phonenumbers can read it."""
    value = raw.strip()
    if value.lower().startswith("tel:"):
        value = value[4:]
    value = value.split(";", 1)[0].strip()
    candidates: list[phonenumbers.PhoneNumber] = []
    for region in regions:
        try:
            number = phonenumbers.parse(value, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return _phone(number, value)
        if phonenumbers.is_possible_number(number):
            candidates.append(number)
    if candidates:
        return _phone(candidates[0], value)
    digits = re.sub(r"[^\d+]", "", value) or value
    return Phone(e164=digits, display=value or digits, type="unknown", region="", valid=False)


def _labelled(text: str, start: int, label: re.Pattern[str]) -> bool:
    """A phone label ("tel.", "Infolinia:") right before the number, with no other digits in between."""
    before = text[max(0, start - LABEL_WINDOW): start]
    return any(not re.search(r"\d", before[m.end():]) for m in label.finditer(before))


def text_phones(text: str, regions: tuple[str, ...]) -> list[Phone]:
    """Phone numbers written in visible text (see the module docstring for what counts)."""
    if not text or not re.search(r"\d{2}", text):
        return []
    label = lexicon.pattern("phone_label")
    guessing = regions == FALLBACK_REGIONS
    found: dict[int, Phone] = {}
    for region in regions:
        for match in PhoneNumberMatcher(text, region, leniency=Leniency.POSSIBLE):
            if match.start in found:
                continue
            raw = match.raw_string
            if _international(raw):
                ok = phonenumbers.is_possible_number(match.number)
            else:  # national form: a valid number, labelled, or grouped when the region is known
                labelled = _labelled(text, match.start, label)
                grouped = bool(PHONE_SEPARATORS.search(raw.strip())) and not guessing
                ok = phonenumbers.is_valid_number(match.number) and (labelled or grouped)
            if ok:
                found[match.start] = _phone(match.number, raw)
    return [found[start] for start in sorted(found)]


# --------------------------------------------------------------------------------------------------
# E-mail, forms, opening hours
# --------------------------------------------------------------------------------------------------


def text_emails(text: str) -> list[str]:
    out = []
    for match in EMAIL_RE.finditer(text or ""):
        address = match.group(0).strip(".").lower()
        if address.rsplit(".", 1)[-1] not in NOT_EMAIL_TLDS and address not in out:
            out.append(address)
    return out


def mailto_emails(values: list[str]) -> list[str]:
    out = []
    for value in values:
        for part in re.split(r"[,;]", value or ""):
            address = part.strip().lower()
            if address.startswith("mailto:"):
                address = address[7:]
            address = address.split("?", 1)[0].strip()
            if "@" in address and address not in out:
                out.append(address)
    return out


def _form_words(form: Any) -> str:
    return " ".join([form.text or "", *(f.label for f in form.fields), *(f.name for f in form.fields)])


def is_callback_form(form: Any) -> bool:
    return lexicon.matches("callback", _form_words(form))


def is_message_form(form: Any) -> bool:
    """A form a shopper writes a message in (not a search box or a newsletter sign-up)."""
    types = [(f.type or "").lower() for f in form.fields]
    if "textarea" in types:
        return True
    if len(types) < 2 or "search" in types:
        return False
    return any(t in ("email", "tel") for t in types) and not lexicon.matches("newsletter", _form_words(form))


@lru_cache(maxsize=1)
def _range_re() -> re.Pattern[str]:
    """A time range: "8:00-18:00", "9-17", "8.00 - 16.00", "9 do 17", "8 bis 18" (dashes normalised)."""
    joiners = "|".join(sorted((re.escape(t) for t in lexicon.terms("range_to")), key=len, reverse=True))
    hour = r"[01]?\d|2[0-4]"
    minutes = r"[:.][0-5]\d"
    return re.compile(
        rf"(?<![\w.,:/-])(?P<h1>{hour})(?P<m1>{minutes})?"
        rf"(?:\s*-\s*|\s+(?:{joiners})\s+)"
        rf"(?P<h2>{hour})(?P<m2>{minutes})?(?!\d|[.,:]\d)",
        re.IGNORECASE,
    )


def _plausible(match: re.Match[str]) -> tuple[bool, bool]:
    """(is an opening-time range, is unmistakable on its own: both ends written with a colon)."""
    h1, h2 = int(match["h1"]), int(match["h2"])
    m1, m2 = match["m1"], match["m2"]
    if not 0 <= h1 < h2 <= 24:
        return False, False
    if not m1 and not m2 and h1 < 5 and not (h1 == 0 and h2 == 24):  # "2-4 days", "1-3"
        return False, False
    strong = bool(m1 and m2 and m1.startswith(":") and m2.startswith(":"))
    return True, strong


def _normalise(text: str) -> str:
    return SPACES.sub(" ", DASHES.sub("-", text or ""))


def _snippet(text: str, start: int, end: int) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if line_end - line_start > SNIPPET_CHARS:
        line_start = max(line_start, start - SNIPPET_CHARS // 2)
        line_end = min(line_end, end + SNIPPET_CHARS // 2)
    return " ".join(text[line_start:line_end].split())[:SNIPPET_CHARS]


def find_hours(text: str) -> list[str]:
    """Opening-hours snippets in a page's visible text."""
    norm = _normalise(text)
    if not norm.strip():
        return []
    out: list[str] = []
    hours_words = lexicon.pattern("opening_hours")
    day_words = lexicon.pattern("hours_context", whole=True)
    for match in _range_re().finditer(norm):
        plausible, strong = _plausible(match)
        if not plausible:
            continue
        if not strong:
            context = norm[max(0, match.start() - HOURS_CONTEXT_BEFORE): match.end() + HOURS_CONTEXT_AFTER]
            if not (hours_words.search(context) or day_words.search(context)):
                continue
        snippet = _snippet(norm, match.start(), match.end())
        if snippet not in out:
            out.append(snippet)
    for match in lexicon.pattern("hours_always").finditer(norm):
        snippet = _snippet(norm, match.start(), match.end())
        if snippet not in out:
            out.append(snippet)
    return out


# --------------------------------------------------------------------------------------------------
# Per page, then over the site
# --------------------------------------------------------------------------------------------------


@dataclass
class PageChannels:
    page: PageArtifact
    phones: list[Phone] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    providers: list[str] = field(default_factory=list)
    apps: dict[str, list[str]] = field(default_factory=dict)  # app -> link URLs
    contact_form: bool = False
    callback_form: bool = False
    hours: list[str] = field(default_factory=list)

    def channels(self) -> list[str]:
        present = {"phone": bool(self.phones), "email": bool(self.emails), "chat": bool(self.providers),
                   "messaging": bool(self.apps), "contact_form": self.contact_form,
                   "callback_form": self.callback_form}
        return [name for name in CHANNELS if present[name]]

    @property
    def direct(self) -> bool:
        return bool(self.phones or self.emails or self.providers or self.apps)


def _visible_text(page: PageArtifact) -> str:
    text = page.text or ""
    footer = page.footer_text or ""
    return text if not footer or footer in text else f"{text}\n{footer}"


def read_page(page: PageArtifact, regions: tuple[str, ...]) -> PageChannels:
    text = _visible_text(page)
    phones: dict[str, Phone] = {}
    for raw in page.tel_links:
        phone = parse_tel(raw, regions)
        phone.sources.add("link")
        phones.setdefault(phone.e164, phone).sources.add("link")
    for phone in text_phones(text, regions):
        phones.setdefault(phone.e164, phone).sources.add("text")
    emails = mailto_emails(page.mailto_links)
    emails += [e for e in text_emails(text) if e not in emails]
    apps: dict[str, list[str]] = {}
    for link in page.links:
        app = widgets.messaging_app(link.url)
        if app and link.url not in apps.setdefault(app, []):
            apps[app].append(link.url)
    return PageChannels(
        page=page,
        phones=list(phones.values()),
        emails=emails,
        providers=widgets.chat_providers_in(page.scripts, page.iframes, page.widget_globals,
                                            page.inline_script_hints),
        apps=apps,
        contact_form=page.page_type == "contact" and any(is_message_form(f) for f in page.forms),
        callback_form=any(is_callback_form(f) for f in page.forms),
        hours=find_hours(text),
    )


def _merge_phones(rows: list[PageChannels]) -> dict[str, Phone]:
    merged: dict[str, Phone] = {}
    for row in rows:
        url = url_of(row.page)
        for phone in row.phones:
            known = merged.setdefault(phone.e164, Phone(phone.e164, phone.display, phone.type, phone.region,
                                                        phone.valid))
            known.sources |= phone.sources
            if url not in known.urls:
                known.urls.append(url)
    return dict(sorted(merged.items()))


def _values(rows: list[PageChannels], get: Any) -> dict[str, list[str]]:
    """value -> URLs of the pages it is on, values sorted."""
    out: dict[str, list[str]] = {}
    for row in rows:
        for value in get(row):
            urls = out.setdefault(value, [])
            if url_of(row.page) not in urls:
                urls.append(url_of(row.page))
    return dict(sorted(out.items()))


def _phone_box(artifacts: Artifacts, rows: list[PageChannels], phone: Phone, option_region: str,
               tld_region: str) -> dict[str, float] | None:
    """Where ``phone`` is in the screenshot of the page the finding names (its first page): the box of the first
    tel: link a shopper saw on that page that dials this number (:func:`auditor.analysis.locate.links_to`)."""
    if not phone.urls:
        return None
    row = next((r for r in rows if url_of(r.page) == phone.urls[0]), None)
    if row is None:
        return None
    doc, regions = document(artifacts, row.page), regions_for(row.page, option_region, tld_region)
    link = next((el for el, raw in links_to(doc, "tel") if parse_tel(raw, regions).e164 == phone.e164), None)
    return doc.box(link) if link is not None else None


def _channel_details(rows: list[PageChannels], phones: dict[str, Phone]) -> dict[str, dict[str, Any]]:
    def pages(name: str) -> list[str]:
        return [url_of(r.page) for r in rows if name in r.channels()]

    emails = _values(rows, lambda r: r.emails)
    providers = _values(rows, lambda r: r.providers)
    apps = _values(rows, lambda r: list(r.apps))
    links = _values(rows, lambda r: [u for urls in r.apps.values() for u in urls])
    details: dict[str, dict[str, Any]] = {
        "phone": {"values": [p.as_dict() for p in phones.values()],
                  "toll_free": [p.display for p in phones.values() if p.type == "toll-free"]},
        "email": {"values": [{"address": a, "pages": len(u), "urls": u[:MAX_URLS]} for a, u in emails.items()]},
        "chat": {"providers": [{"name": n, "pages": len(u), "urls": u[:MAX_URLS]} for n, u in providers.items()]},
        "messaging": {"apps": [{"name": n, "pages": len(u), "urls": u[:MAX_URLS],
                                "links": sorted({link for link in links
                                                 if widgets.messaging_app(link) == n})[:MAX_URLS]}
                               for n, u in apps.items()]},
        "contact_form": {},
        "callback_form": {},
    }
    for name in CHANNELS:
        on = pages(name)
        details[name] = {"present": bool(on), "direct": name in DIRECT, "pages": len(on), **details[name]}
        if name in INDIRECT:
            details[name]["urls"] = on[:MAX_URLS]
    return details


def _offered(details: dict[str, dict[str, Any]]) -> str:
    parts = []
    for name in CHANNELS:
        info = details[name]
        if not info["present"]:
            continue
        if name == "phone":
            parts.append(f"phone ({', '.join(v['number'] for v in info['values'][:3])})")
        elif name == "chat":
            parts.append(f"chat ({', '.join(p['name'] for p in info['providers'])})")
        elif name == "messaging":
            parts.append(", ".join(a["name"] for a in info["apps"]))
        else:
            parts.append(LABELS[name])
    return ", ".join(parts)


def run(artifacts: Artifacts, options: dict[str, Any]) -> CheckResult:
    module = sys.modules[__name__]
    pages = linked_pages(artifacts)
    if not pages:
        return not_applicable(module, T('No page was crawled, so there are no contact channels to look for.'))
    option_region = region_option(options.get("default_region"))
    tld_region = store_region(artifacts)
    min_share = float(options["min_sitewide_share"])
    max_depth = int(options["max_contact_depth"])

    rows = [read_page(p, regions_for(p, option_region, tld_region)) for p in pages]
    phones = _merge_phones(rows)
    channels = _channel_details(rows, phones)
    direct = [name for name in DIRECT if channels[name]["present"]]
    hours: list[dict[str, str]] = []
    for row in rows:
        for text in row.hours:
            if all(h["text"] != text for h in hours):
                hours.append({"text": text, "url": url_of(row.page)})
    with_direct = [r for r in rows if r.direct]
    share = round(len(with_direct) / len(rows), 3)
    home = next((r for r in rows if r.page.page_type == "home" or r.page.depth == 0), None)
    contact = shallowest(r.page for r in rows if r.page.page_type == "contact")
    contact_brief = page_brief(contact)
    forms = {name: channels[name]["urls"] for name in INDIRECT if channels[name]["present"]}

    findings: list[Finding] = []
    unread, unread_note = unread_pages(artifacts, "contact") if contact is None else ([], "")
    if not direct:
        where = url_of(contact) if contact is not None else (url_of(home.page) if home else "")
        only = (f"the only way to reach the store is a {' and a '.join(LABELS[n] for n in forms)}" if forms
                else "there is no contact form either")
        findings.append(finding(
            ID, "no-direct-channel", "high", T('No phone, e-mail, chat or messaging app anywhere'),
            T('None of the {n_rows} crawled pages shows a phone number, an e-mail address, a chat widget or a '
              'messaging-app link; {only}.', n_rows=len(rows), only=only),
            url=where, key="direct-channel",
            evidence={"pages_checked": len(rows), "forms": forms, "contact_page": contact_brief},
            why=WHY_NO_CHANNEL,
            recommendation=(T('Show a phone number and an e-mail address as tel: and mailto: links in the footer of '
                              'every page and on the contact page, with the hours someone answers; add a chat or a '
                              'WhatsApp/Messenger link if you can staff it. Keep the form as an extra, not the only '
                              'way.')),
        ))

    for phone in phones.values():
        if phone.type not in ("premium-rate", "shared-cost"):
            continue
        premium = phone.type == "premium-rate"
        kind = "premium-rate" if premium else "shared-cost"
        mark = _phone_box(artifacts, rows, phone, option_region, tld_region)
        findings.append(finding(
            ID, "premium-rate-phone", "high" if premium else "low",
            T("The store's phone number {display} is a {kind} line", display=phone.display, kind=kind),
            T('{display} is a {kind} number ({value}); it is shown on {n_urls} page(s).',
              display=phone.display, kind=kind, value=phone.region or 'unknown region', n_urls=len(phone.urls)),
            url=phone.urls[0] if phone.urls else "", key=phone.e164,
            evidence={"number": phone.display, "type": kind, "region": phone.region,
                      "seen_on": phone.urls[:MAX_URLS], "found_as": sorted(phone.sources),
                      **({"box": mark} if mark else {})},
            why=WHY_PREMIUM if premium else WHY_SHARED,
            recommendation=(T('Replace it with a geographic, mobile or toll-free number for customers (keep a '
                              'premium line only for optional paid services, never for questions about orders, '
                              'returns or complaints), and say what a call costs next to any number you keep.')),
        ))

    if direct:
        voice = [n for n in ("phone", "chat") if channels[n]["present"]]
        if voice and not hours:
            findings.append(finding(
                ID, "no-opening-hours", "medium", T('No opening hours for the phone or chat'),
                T('The store offers {value} but none of the {n_rows} crawled pages says when someone answers.',
                  value=' and '.join(LABELS[n] for n in voice), n_rows=len(rows)),
                url=url_of(contact) if contact is not None else
                next(url_of(r.page) for r in rows if r.phones or r.providers),
                key="opening-hours",
                evidence={"offered": [LABELS[n] for n in voice],
                          "numbers": [v["number"] for v in channels["phone"]["values"]],
                          "chat": [p["name"] for p in channels["chat"]["providers"]],
                          "pages_checked": len(rows)},
                why=WHY_HOURS,
                recommendation=(T('State the hours next to the phone number and in the chat window, in the footer '
                                  'and on the contact page, e.g. “Mon–Fri 8:00–18:00, Sat 9:00–13:00”, and say how '
                                  'soon e-mails are answered.')),
            ))

        if home is not None and not home.direct:
            target = contact
            if target is None or target.depth is None:
                target = shallowest(r.page for r in with_direct)
            if target is None or target.depth is None or target.depth > max_depth:
                what = "contact page" if target is not None and target.page_type == "contact" else \
                    "nearest page with a direct channel"
                depth_text = (f"{target.depth} clicks from home" if target is not None and target.depth is not None
                              else "not reachable by links from home")
                findings.append(finding(
                    ID, "contact-only-deep", "medium", T('Contact channels are hidden deep in the site'),
                    T('The home page shows no phone, e-mail, chat or messaging link, and the {what} is {depth_text} '
                      '(limit {max_depth}).', what=what, depth_text=depth_text, max_depth=max_depth),
                    url=url_of(target) if target is not None else url_of(home.page),
                    key=url_key(url_of(target)) if target is not None else "contact-page",
                    evidence={"home": url_of(home.page), "home_channels": home.channels(),
                              "contact_page": page_brief(target) if target is not None else None,
                              "click_path": path_text(target) if target is not None and target.depth is not None
                              else None,
                              "limit": max_depth},
                    why=WHY_DEEP,
                    recommendation=(T('Show the phone number and e-mail address in the header or footer of every '
                                      'page (the home page included) and link the contact page from the header; it '
                                      'should be at most {max_depth} clicks from anywhere.', max_depth=max_depth)),
                ))

        if share < min_share:
            without = [url_of(r.page) for r in rows if not r.direct]
            findings.append(finding(
                ID, "contact-not-sitewide", "low", T('Contact channels are not visible on most pages'),
                T('A phone, e-mail, chat or messaging link is visible on {n_with_direct} of {n_rows} crawled pages '
                  '({share:.0%}; expected at least {min_share:.0%}).',
                  n_with_direct=len(with_direct), n_rows=len(rows), share=share, min_share=min_share),
                url=without[0] if without else "", key="sitewide",
                evidence={"share": share, "min_share": min_share, "pages_with_channel": len(with_direct),
                          "pages": len(rows), "pages_without": without[:MAX_URLS],
                          "with_channel": [url_of(r.page) for r in with_direct][:MAX_URLS]},
                why=WHY_SITEWIDE,
                recommendation=(T('Put the phone number (tel: link), the e-mail address (mailto: link) and the hours '
                                  'in the footer of every page, or load the chat widget on every page, product pages '
                                  'and the basket included.')),
            ))

    if direct:
        summary = T('Offers {offered}; direct channels on {share:.0%} of {n_rows} pages',
                    offered=_offered(channels), share=share, n_rows=len(rows))
        summary += (T('; opening hours stated.') if hours else T('; no opening hours found.'))
        toll_free = channels["phone"]["toll_free"]
        if toll_free:
            summary += T(' Toll-free: {toll_free}.', toll_free=', '.join(toll_free))
    else:
        summary = (T('No direct contact channel on {n_rows} pages',
                     n_rows=len(rows)) + (T('; only {offered}.', offered=_offered(channels)) if forms else T('.')))
    details: dict[str, Any] = {
        "channels": channels,
        "matrix": [{"url": url_of(r.page), "type": r.page.page_type, "depth": r.page.depth,
                    "channels": r.channels()} for r in rows],
        "hours": hours[:MAX_HOURS_SNIPPETS],
        "sitewide_share": share,
        "pages": len(rows),
        "pages_with_direct_channel": len(with_direct),
        "home_channels": home.channels() if home is not None else None,
        "contact_page": contact_brief,
        "regions": {"option": option_region, "tld": tld_region},
        "limits": {"min_sitewide_share": min_share, "max_contact_depth": max_depth},
    }
    present = {name: bool(value.get("present")) for name, value in channels.items()}
    visuals = [visual.matrix(details["matrix"], present)]
    if unread:  # the contact page was linked but not read: its channels are unknown
        details["unread"] = unread
        findings = [f for f in findings if f.rule not in ("no-direct-channel", "contact-only-deep")]
        return result(module, findings, summary + " " + unread_note, status="needs-review", details=details,
                      visuals=visuals)
    return result(module, findings, summary, details=details, visuals=visuals)
