"""Known third-party widgets a shopper can use to reach a store: chat providers and messaging apps.

The crawler records which markers it saw (script hosts, inline snippets, JS globals, iframes); the
``contact-options`` check maps them back to provider names with :func:`chat_providers_in`.
"""

from __future__ import annotations

from urllib.parse import urlsplit

# name -> markers. hosts: script/iframe host suffixes; globals: window properties the widget defines;
# snippets: lower-case strings found in inline <script> code of the vendor's install snippet.
CHAT_PROVIDERS: dict[str, dict[str, list[str]]] = {
    "Smartsupp": {"hosts": ["smartsuppchat.com", "smartsupp.com"], "globals": ["smartsupp", "_smartsupp"],
                  "snippets": ["smartsupp"]},
    "LiveChat": {"hosts": ["livechatinc.com", "livechat.com"], "globals": ["LiveChatWidget", "__lc"],
                 "snippets": ["livechatinc", "__lc.license"]},
    "Tidio": {"hosts": ["tidio.co", "tidiochat.com"], "globals": ["tidioChatApi", "tidioIdentify"],
              "snippets": ["tidio"]},
    "Zendesk": {"hosts": ["zdassets.com", "zendesk.com", "zopim.com"], "globals": ["zE", "$zopim"],
                "snippets": ["zdassets", "ze-snippet", "zopim"]},
    "Intercom": {"hosts": ["intercom.io", "intercomcdn.com", "widget.intercom.io"], "globals": ["Intercom"],
                 "snippets": ["intercomsettings", "widget.intercom.io"]},
    "Crisp": {"hosts": ["crisp.chat"], "globals": ["$crisp", "CRISP_WEBSITE_ID"], "snippets": ["crisp_website_id"]},
    "tawk.to": {"hosts": ["tawk.to"], "globals": ["Tawk_API"], "snippets": ["tawk_api", "embed.tawk.to"]},
    "Gorgias": {"hosts": ["gorgias.chat", "gorgias.io"], "globals": ["GorgiasChat"], "snippets": ["gorgias"]},
    "Freshchat": {"hosts": ["freshchat.com", "wchat.freshchat.com", "freshworks.com"],
                  "globals": ["fcWidget", "FreshworksWidget"], "snippets": ["fcwidget", "freshchat"]},
    "JivoChat": {"hosts": ["jivosite.com", "jivochat.com"], "globals": ["jivo_api", "jivo_config"],
                 "snippets": ["jivosite", "jivo_api"]},
    "HubSpot chat": {"hosts": ["js.usemessages.com", "hs-scripts.com"], "globals": ["HubSpotConversations"],
                     "snippets": ["hubspotconversations"]},
    "Drift": {"hosts": ["drift.com", "js.driftt.com"], "globals": ["drift"], "snippets": ["js.driftt.com"]},
}

# messaging apps reached by a link: name -> URL prefixes / host suffixes
MESSAGING_LINKS: dict[str, list[str]] = {
    "Messenger": ["m.me/", "messenger.com/", "facebook.com/messages"],
    "WhatsApp": ["wa.me/", "api.whatsapp.com/", "whatsapp://", "web.whatsapp.com/", "chat.whatsapp.com/"],
    "Telegram": ["t.me/", "telegram.me/", "tg://"],
    "Viber": ["viber://", "invite.viber.com/"],
    "Instagram": ["instagram.com/", "ig.me/"],
}


def all_globals() -> list[str]:
    return sorted({g for p in CHAT_PROVIDERS.values() for g in p["globals"]})


def all_snippets() -> list[str]:
    return sorted({s for p in CHAT_PROVIDERS.values() for s in p["snippets"]})


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def chat_providers_in(scripts: list[str], iframes: list[str], globals_: list[str], snippets: list[str]) -> list[str]:
    """Provider names evidenced by any marker: script/iframe hosts, JS globals or inline snippets."""
    found = []
    hosts = {_host(u) for u in [*scripts, *iframes]}
    lowered = {s.lower() for s in snippets}
    for name, markers in CHAT_PROVIDERS.items():
        if (
            any(h == m or h.endswith("." + m) for h in hosts for m in markers["hosts"])
            or any(g in globals_ for g in markers["globals"])
            or any(s in lowered for s in markers["snippets"])
        ):
            found.append(name)
    return found


def messaging_app(url: str) -> str | None:
    """The messaging app a link opens (WhatsApp, Telegram…), or None."""
    lowered = url.lower()
    stripped = lowered.split("://", 1)[-1].removeprefix("www.")
    for name, prefixes in MESSAGING_LINKS.items():
        for prefix in prefixes:
            if lowered.startswith(prefix) or stripped.startswith(prefix):
                return name
    return None
