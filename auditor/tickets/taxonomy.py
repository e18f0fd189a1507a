"""The built-in taxonomy of e-commerce support topics, in en, pl, uk, ru, sk, cs, de.

Each topic has phrases and stems per language, a human label and a suggested FAQ question per language, and
(where one applies) the legal reason a shop must tell shoppers about it up front.

Term syntax (see :class:`Matcher`): words match on their stem in the term's language
(:mod:`auditor.tickets.stemming`: ``delivery`` meets ``deliveries``, ``zamówienie`` meets ``zamowienia``, but
``fee`` never meets ``feedback``); a Slavic bare stem that the stemmer leaves unchanged (``paczk``) also
matches words at most six letters longer, any other Slavic word of five letters or more words at most three
letters longer (:data:`MAX_STEM_EXTRA`, :data:`MAX_WORD_EXTRA`); ``"=vat"`` matches the word exactly; ``"versand*"`` is a prefix
(German compounds); a phrase matches consecutive words. ``"term:3"`` gives a weight (default 1 for a word,
2 for a phrase). A ticket's score for a topic is the sum of the weights of the distinct terms of that topic
it contains (each word counted once per topic), negated terms of :data:`NEGATABLE` topics left out ("not
damaged"); ties are settled by
evidence — the strongest single term, then the earliest position (the subject comes first) — and a ticket
whose evidence is tied on everything stays unassigned. Terms of the ticket's language (and of its close
neighbour: cs/sk, uk/ru) are matched, and brand names (``all``: PayPal, DHL) in every language.

The matcher tokenises a ticket once and looks up, for each word, the terms anchored on it (an index by stem,
cached per word), so a ticket costs time linear in its length however many terms there are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from auditor import lexicon
from auditor.tickets import stemming

TOPIC_IDS = (
    "order-status", "delivery-time", "delivery-cost", "delivery-options", "delivery-address", "returns", "refunds", "exchange", "size-fit",
    "product-details", "availability", "payment-problem", "payment-methods", "discount-codes", "invoices",
    "cancel-change-order", "damaged-wrong-item", "account-login", "contact-hours",
)

@dataclass(frozen=True)
class Topic:
    id: str
    labels: dict[str, str]
    questions: dict[str, str]
    terms: dict[str, list[str]]
    why: str = ""
    legal: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    def label(self, lang: str = "en") -> str:
        return self.labels.get(lang) or self.labels["en"]

    def question(self, lang: str = "en") -> str:
        return self.questions.get(lang) or self.questions["en"]


_CRD = "Directive 2011/83/EU on consumer rights, Art. 6(1)"

TOPICS: dict[str, Topic] = {t.id: t for t in [
    Topic(
        id="order-status",
        labels={"en": "Order status and tracking", "pl": "Status zamówienia i śledzenie przesyłki",
                "uk": "Статус замовлення та відстеження", "ru": "Статус заказа и отслеживание",
                "sk": "Stav objednávky a sledovanie zásielky", "cs": "Stav objednávky a sledování zásilky",
                "de": "Bestellstatus und Sendungsverfolgung"},
        questions={"en": "Where is my order and how can I track it?",
                   "pl": "Gdzie jest moje zamówienie i jak mogę śledzić przesyłkę?",
                   "uk": "Де моє замовлення і як відстежити посилку?",
                   "ru": "Где мой заказ и как отследить посылку?",
                   "sk": "Kde je moja objednávka a ako môžem sledovať zásielku?",
                   "cs": "Kde je moje objednávka a jak mohu sledovat zásilku?",
                   "de": "Wo ist meine Bestellung und wie kann ich die Sendung verfolgen?"},
        why="“Where is my order?” is the most common support question in e-commerce; a tracking page or FAQ "
            "answer stops it before it is asked.",
        terms={
            "all": ["=tracking:2"],
            "en": ["locate my order:3", "locate order:3", "locate purchase:3", "locate my purchase:3", "status of order:3", "status of purchase:3", "status of my purchase:3", "purchase status:3", "current status:2", "check status:2", "shipment status:3", "tracking number:3", "where is my purchase:3", "package lost:3", "parcel lost:3", "lost in transit:3", "eta of order:4", "eta of my order:4", "eta of purchase:4", "where is my order:3", "where's my order:3", "where is my package:3", "where is my parcel:3",
                   "where is my delivery:3", "order status:3", "status of my order:3", "track my order:3",
                   "track my package:3", "track my parcel:3", "tracking:2", "track:2", "not arrived:2",
                   "hasn't arrived:2", "has not arrived:2", "haven't arrived:2", "didn't arrive:2",
                   "did not arrive:2", "not received:2", "haven't received:2", "have not received:2",
                   "never received:2", "never arrived:2", "still waiting:2", "still not here:2",
                   "not been delivered:2", "not delivered:2", "when will my order:3", "when will i receive my:3",
                   "when will i get my order:3", "has my order shipped:3", "has my order been:2",
                   "been shipped:2", "been dispatched:2", "shipped yet:2", "dispatched yet:2", "where is it:2",
                   "hasn't come:2", "no update:1", "courier:1", "parcel:1", "package:1"],
            "pl": ["w drodze:2", "w śledzeniu:3", "gdzie jest moje zamówienie:3", "gdzie jest moja paczka:3", "gdzie jest paczka:3",
                   "gdzie jest zamówienie:3", "gdzie moja paczka:3", "gdzie moje zamówienie:3",
                   "gdzie jest moja przesyłka:3", "status zamówienia:3", "status przesyłki:3", "statusu zamówienia:3",
                   "śledzeni:2", "śledzić:2", "numer przesyłki:2", "numer śledzenia:2", "link do śledzenia:3",
                   "nie dotarł:2", "nie dotarła:2", "nie dotarło:2", "nie doszł:2", "nie doszedł:2",
                   "nie przyszł:2", "nie przyszed:2", "nie otrzymał:2", "nie dostałam paczki:3",
                   "nie dostałem paczki:3", "nie dostałam zamówienia:3", "nie dostałem zamówienia:3",
                   "nadal czekam:2", "wciąż czekam:2", "dalej czekam:2", "kiedy dotrze:2", "kiedy przyjdzie:2",
                   "kiedy dostanę zamówienie:3", "kiedy dostanę paczkę:3", "czy zostało wysłane:3",
                   "czy paczka została wysłana:3", "zostało wysłane:2", "została wysłana:2", "paczk:1",
                   "przesyłk:1", "kurier:1",
                   "nadal nie dotarł:3", "nadal nie dotarła:3", "jeszcze nie dotarł:3", "nie dostałam:2",
                   "nie dostałem:2", "ciągle czekam:3", "w realizacji:3", "nic się nie dzieje:3", "nie rusza:3",
                   "stoi w:2", "utknęła:3", "utknęło:3", "sortowni:3", "numer nadania:3", "list przewozowy:3",
                   "wysłane:1", "nadane:2", "kiedy wyślecie:3", "kiedy zostanie wysłane:3", "co się dzieje z:3",
                   "co z moim zamówieniem:4", "zamówieniem:1"],
            "uk": ["=ттн:2", "немає оновлень:3", "де моє замовлення:3", "де замовлення:3", "де моя посилка:3", "де посилка:3",
                   "статус замовлення:3", "відстеж:2", "трекінг:2", "трек-номер:2", "трек номер:2", "номер ттн:2",
                   "=ттн:1", "не отримала:2", "не отримав:2", "не прийшл:2", "не прийшов:2", "не надійшл:2",
                   "досі не:2", "досі чекаю:2", "все ще чекаю:2", "коли прийде:2", "коли буде доставлено:2",
                   "чи відправлено:3", "чи відправили:3", "вже відправили:2", "коли я отримаю:2", "коли отримаю:2", "в дорозі:2", "посилк:1", "кур'єр:1", "курʼєр:1",
                   "досі не отримала:3", "досі не отримав:3", "статус:2", "обробляється:3", "в обробці:3",
                   "не рухається:3", "стоїть:2", "застрягла:3", "номер посилки:3", "накладн:1",
                   "коли відправите:3", "що з моїм замовленням:4", "що з замовленням:4", "коли відправлять:3",
                   "трек:2"],
            "ru": ["не обновляется:3", "где посылка:3", "где мой заказ:3", "где заказ:3", "где моя посылка:3", "где посылка:3", "статус заказа:3",
                   "отслежива:2", "отследить:2", "трек-номер:2", "трек номер:2", "трекинг:2", "не пришел:2",
                   "не пришёл:2", "не пришла:2", "не получил:2", "не получила:2", "до сих пор не:2",
                   "до сих пор жду:2", "все еще жду:2", "всё ещё жду:2", "когда придет:2", "когда придёт:2",
                   "отправлен ли:3", "отправили ли:3", "уже отправили:2", "в пути:2", "когда доставят:2", "когда я получу:2", "посылк:1", "курьер:1",
                   "до сих пор не получил:3", "до сих пор не получила:3", "статус:2", "в обработке:3",
                   "не двигается:3", "висит:2", "застряла:3", "трек:2", "номер отправления:3",
                   "когда отправите:3", "когда отправят:3", "что с моим заказом:4", "что с заказом:4",
                   "информации об отправке:3"],
            "sk": ["sledovanie zásielky:3", "kde je môj balík:3", "balík:1", "kde je moja objednávka:3", "kde je moja zásielka:3", "kde je objednávka:3", "stav objednávky:3",
                   "sledovanie zásielky:3", "sledovani:2", "sledovacie číslo:2", "nedorazil:2", "nedorazila:2",
                   "neprišl:2", "neprišiel:2", "nedostal:2", "stále čakám:2", "kedy príde:2", "bola odoslaná:2",
                   "bola odoslaná:2", "zásielk:1", "kuriér:1",
                   "stále nemám:3", "ešte neprišl:3", "v akom stave:4", "čo sa deje:2", "v akom je stave:4",
                   "kedy odošlete:3", "kedy bude odoslan:3", "sledovania:2", "sledovanie:2", "číslo zásielky:3",
                   "depe:2"],
            "cs": ["sledování zásilky:3", "kde se balík:3", "balík:1", "kde je moje objednávka:3", "kde je moje zásilka:3", "kde je objednávka:3", "stav objednávky:3",
                   "sledování zásilky:3", "sledování:2", "sledovací číslo:2", "nedorazil:2", "nedorazila:2",
                   "nepřišl:2", "nepřišel:2", "nedostal:2", "stále čekám:2", "pořád čekám:2", "kdy přijde:2",
                   "byla odeslána:2", "zásilk:1", "kurýr:1",
                   "pořád nemám:3", "stále nemám:3", "ještě nepřišl:3", "v jakém stavu:4", "ve stavu:3",
                   "co se děje:2", "kdy odešlete:3", "kdy bude odeslán:3", "kdy od vás odejde:3",
                   "číslo zásilky:3", "na depu:3", "informaci o odeslání:3"],
            "de": ["keinen neuen status:3", "verloren gegangen:3", "verloren:2", "wo ist meine bestellung:3", "wo bleibt meine bestellung:3", "wo ist mein paket:3",
                   "wo bleibt mein paket:3", "bestellstatus:3", "status meiner bestellung:3",
                   "sendungsverfolgung:2", "sendungsnummer:2", "nicht angekommen:2", "noch nicht angekommen:2",
                   "nicht erhalten:2", "noch nicht erhalten:2", "nicht geliefert:2", "warte noch:2",
                   "warte immer noch:2", "wann kommt meine:3", "wann kommt mein:3", "schon verschickt:2",
                   "bereits versandt:2", "schon versendet:2", "paket:1",
                   "immer noch nicht angekommen:4", "noch nicht da:3", "warte seit:3", "in bearbeitung:3",
                   "status:2", "bewegt sich nicht:3", "verteilzentrum:3", "paketzentrum:3", "sendung:2",
                   "wann wird verschickt:3", "wann geht raus:3", "wann wird versendet:3", "nachfragen:1",
                   "versandbestätigung:3"],
        },
    ),
    Topic(
        id="delivery-time",
        labels={"en": "Delivery time", "pl": "Czas dostawy", "uk": "Терміни доставки", "ru": "Сроки доставки",
                "sk": "Doba doručenia", "cs": "Doba doručení", "de": "Lieferzeit"},
        questions={"en": "How long does delivery take?", "pl": "Ile trwa dostawa?",
                   "uk": "Скільки триває доставка?", "ru": "Сколько идёт доставка?",
                   "sk": "Ako dlho trvá doručenie?", "cs": "Jak dlouho trvá doručení?",
                   "de": "Wie lange dauert die Lieferung?"},
        why="Shoppers decide whether to buy by when the order will arrive; an unclear delivery time loses "
            "time-bound purchases and brings “when will it arrive?” tickets.",
        legal=f"{_CRD}(g): the time by which the trader undertakes to deliver must be given before the order.",
        terms={
            "en": ["arrive:1", "how soon:3", "delivery period:3", "how long it takes:3", "take to arrive:3", "takes to arrive:3", "long does it take:2", "when will my:1", "expect my:1", "expect the:1", "eta:2", "how long does delivery:3", "how long does shipping:3", "how long will delivery:3",
                   "how long will shipping:3", "how long will it take:2", "how long does it take:2",
                   "how long:1", "delivery time:3", "shipping time:3", "delivery take:2", "shipping take:2",
                   "when will it arrive:2", "how many days:2", "business days:1", "working days:1", "next day:1",
                   "dispatch time:3", "when do you ship:3",
                   "when do you dispatch:3", "when will you ship:2", "delivery estimate:3", "estimated delivery:3", "arrive by:2", "arrive in time:3",
                   "arrive before:2", "in time for:2", "delivery:1", "deliver:1", "shipping:1"],
            "pl": ["ile trwa dostawa:3", "ile trwa wysyłka:3", "ile trwa przesyłka:3", "ile trwa:2",
                   "czas dostawy:3", "czas wysyłki:3", "czas realizacji:3", "termin dostawy:3",
                   "termin wysyłki:3", "kiedy wyślecie:3", "kiedy wysyłacie:3", "kiedy zostanie wysłane:2",
                   "ile dni:2", "jak długo:2", "dni robocz:1", "na kiedy:2", "zdąży:2", "przed świętami:2", "czy dotrze:2", "dotrze przed:3",
                   "dostaw:1", "wysyłk:1",
                   "jak szybko:3", "kiedy dotrze:3", "kiedy przyjdzie:3", "kiedy dojdzie:3", "dni roboczych:3",
                   "dni robocze:3", "zdążę:3", "zdążycie:3", "najpóźniej:2", "tego samego dnia:3", "jutro:1",
                   "na piątek:2", "na sobotę:2", "czas oczekiwania:3"],
            "uk": ["скільки часу:2", "скільки триває доставка:3", "скільки йде:3", "термін доставки:3",
                   "терміни доставки:3", "строк доставки:3", "строки доставки:3", "скільки днів:2",
                   "як довго:2", "коли відправите:3", "коли відправляєте:3", "робочих днів:1",
                   "встигне:2", "доставк:1", "відправк:1",
                   "як швидко:3", "коли прийде:3", "коли доставите:3", "за скільки:3", "встигнете:3",
                   "до суботи:2", "до п'ятниці:2", "завтра:1", "терміни:3", "їде:2", "йде:1"],
            "ru": ["сколько времени:2", "сколько идет:3", "сколько идёт:3", "срок доставки:3", "сроки доставки:3",
                   "время доставки:3", "сколько дней:2", "как долго:2", "когда отправите:3",
                   "когда отправляете:3", "рабочих дней:1", "успеет:2", "доставк:1", "отправк:1",
                   "как быстро:3", "когда придет:3", "когда доставите:3", "через сколько:3", "успеете:3",
                   "к пятнице:2", "к субботе:2", "завтра:1", "сроки:3", "едет:2", "идет:1"],
            "sk": ["ako dlho trvá doručenie:3", "ako dlho trvá:2", "ako dlho:2", "doba doručenia:3",
                   "čas doručenia:3", "dodacia lehota:3", "koľko dní:2", "pracovných dní:1", "kedy odošlete:3",
                   "doručeni:1", "dodani:1", "doprav:1",
                   "ako rýchlo:3", "kedy príde:3", "kedy dorazí:3", "za aký čas:3", "za koľko dní:3",
                   "stihnete:3", "do piatku:2", "zajtra:1", "trvá:2", "dojde:2", "dorazí:2"],
            "cs": ["jak dlouho trvá doručení:3", "jak dlouho trvá:2", "jak dlouho:2", "doba doručení:3",
                   "dodací lhůta:3", "doba dodání:3", "kolik dní:2", "pracovních dní:1", "kdy odešlete:3",
                   "doručení:1", "dodání:1", "doprav:1",
                   "jak rychle:3", "kdy přijde:3", "kdy dorazí:3", "za kolik dní:3", "stihnete:3", "do neděle:2",
                   "do pátku:2", "zítra:1", "trvá:2", "dorazí:2", "nejdřív:2"],
            "de": ["wie lange dauert der versand:3", "wie lange dauert die lieferung:3", "wie lange dauert:2",
                   "wie lange:2", "lieferzeit:3", "lieferdauer:3", "versanddauer:3", "wann wird versendet:3",
                   "wann versenden sie:3", "wie viele tage:2", "werktage:1", "rechtzeitig:2", "lieferung:1", "versand:1",
                   "wie schnell:3", "wann kommt:3", "wann ist:1", "wann wäre:2", "wann wird geliefert:3",
                   "bis freitag:2", "bis samstag:2", "morgen:1", "unterwegs:1", "ankommt:2", "dauert:2"],
        },
    ),
    Topic(
        id="delivery-cost",
        labels={"en": "Delivery cost", "pl": "Koszt dostawy", "uk": "Вартість доставки", "ru": "Стоимость доставки",
                "sk": "Cena dopravy", "cs": "Cena dopravy", "de": "Versandkosten"},
        questions={"en": "How much does delivery cost?", "pl": "Ile kosztuje dostawa?",
                   "uk": "Скільки коштує доставка?", "ru": "Сколько стоит доставка?", "sk": "Koľko stojí doprava?",
                   "cs": "Kolik stojí doprava?", "de": "Wie hoch sind die Versandkosten?"},
        why="Unexpected delivery costs are the most cited reason shoppers abandon a basket.",
        legal=f"{_CRD}(e): delivery charges must be stated before the order.",
        terms={
            "en": ["=free:1", "is shipping free:3", "is delivery free:3", "shipping free:3", "shipping cost:3", "delivery cost:3", "delivery charge:3", "shipping fee:3", "delivery fee:3",
                   "how much is shipping:3", "how much is delivery:3", "how much is the shipping:3",
                   "how much is the delivery:3", "how much does shipping:3", "how much does delivery:3",
                   "how much for shipping:3", "how much for delivery:3", "cost of delivery:3",
                   "cost of shipping:3", "free shipping:3", "free delivery:3", "postage:2", "shipping price:3",
                   "delivery price:3", "shipping charge:3", "charged for shipping:3", "charged for delivery:3",
                   "pay for shipping:3", "pay for delivery:3", "minimum order:2", "cost:1", "fee:1",
                   "delivery:1", "shipping:1"],
            "pl": ["koszt dostawy:3", "koszt wysyłki:3", "koszty dostawy:3", "koszty wysyłki:3",
                   "kosztu dostawy:3", "kosztu wysyłki:3", "ile kosztuje dostawa:3", "ile kosztuje wysyłka:3",
                   "ile kosztuje przesyłka:3", "ile za dostawę:3", "ile za wysyłkę:3", "darmowa dostawa:3",
                   "darmowa wysyłka:3", "darmowej dostawy:3", "darmowej wysyłki:3", "darmową dostaw:3",
                   "bezpłatna dostawa:3", "bezpłatnej dostawy:3", "cena dostawy:3", "cena wysyłki:3",
                   "opłata za dostawę:3", "opłata za wysyłkę:3", "płatna dostawa:2", "koszt:1", "koszt przesyłki:3", "kosztu przesyłki:3", "bezpłatn:1", "kosztuje:1",
                   "darmow:1",
                   "ile zapłacę za:3", "ile wynosi opłata:3", "opłata za przesyłkę:4", "za przesyłkę:2",
                   "za wysyłkę:2", "za dostawę:2", "kosztował transport:3", "darmowa:3", "za darmo:2", "gratis:2",
                   "od jakiej kwoty:4", "od jakiej sumy:4", "bez opłat:2", "dopłata:1", "płacę za przesyłkę:4"],
            "uk": ["вартість доставки:3", "ціна доставки:3", "скільки коштує доставка:3",
                   "скільки коштує відправка:3", "безкоштовна доставка:3", "безкоштовної доставки:3",
                   "безкоштовну доставку:3", "платна доставка:2", "коштуватиме:2", "коштуватиме доставка:3", "оплата доставки:2", "за доставку:2",
                   "вартість:1", "коштує:1", "безкоштовн:1",
                   "скільки коштуватиме:3", "з якої суми:4", "від якої суми:4", "за пересилку:3", "плачу за:2"],
            "ru": ["стоимость доставки:3", "цена доставки:3", "сколько стоит доставка:3",
                   "сколько стоит отправка:3", "бесплатная доставка:3", "бесплатной доставки:3",
                   "бесплатную доставку:3", "платная доставка:2", "будет стоить:2", "оплата доставки:2", "за доставку:2",
                   "стоимость:1", "стоит:1", "бесплатн:1",
                   "сколько будет стоить:3", "от какой суммы:4", "с какой суммы:4", "за пересылку:3",
                   "плачу за:2"],
            "sk": ["cena dopravy:3", "cena doručenia:3", "cena poštovného:3", "koľko stojí doprava:3",
                   "koľko stojí doručenie:3", "koľko stojí poštovné:3", "poštovné:2", "doprava zadarmo:3",
                   "doprava zdarma:3", "doručenie zadarmo:3", "poplatok za dopravu:3", "za dopravu:2", "stojí:1", "zadarmo:1",
                   "koľko stojí:2", "od akej sumy:4", "účtujete:2", "platím:1"],
            "cs": ["cena dopravy:3", "cena doručení:3", "kolik stojí doprava:3", "kolik stojí doručení:3",
                   "kolik stojí poštovné:3", "poštovné:2", "doprava zdarma:3", "doručení zdarma:3",
                   "poplatek za dopravu:3", "dopravné:2", "za dopravu:2", "stojí:1", "zdarma:1",
                   "kolik stojí:2", "od kolika:3", "od jaké částky:4", "připočítali:2", "zaplatím za:2"],
            "de": ["versandkosten:3", "lieferkosten:3", "was kostet der versand:3", "was kostet die lieferung:3",
                   "kostenloser versand:3", "kostenlose lieferung:3", "versandkostenfrei:3", "porto:2",
                   "versandgebühr:3", "liefergebühr:3", "kostet:1", "kostenlos:1", "gebühr:1",
                   "was kostet:2", "gratis:2", "ab welchem bestellwert:4", "ab welchem betrag:4", "berechnet:2",
                   "fürs verschicken:3"],
        },
    ),
    Topic(
        id="delivery-options",
        labels={"en": "Delivery options", "pl": "Formy dostawy", "uk": "Способи доставки", "ru": "Способы доставки",
                "sk": "Možnosti doručenia", "cs": "Způsoby dopravy", "de": "Versandarten"},
        questions={"en": "Which delivery options do you offer and where do you ship?",
                   "pl": "Jakie formy dostawy oferujecie i dokąd wysyłacie?",
                   "uk": "Які способи доставки ви пропонуєте і куди відправляєте?",
                   "ru": "Какие способы доставки вы предлагаете и куда отправляете?",
                   "sk": "Aké možnosti doručenia ponúkate a kam posielate?",
                   "cs": "Jaké způsoby dopravy nabízíte a kam posíláte?",
                   "de": "Welche Versandarten bieten Sie an und wohin liefern Sie?"},
        why="Shoppers choose a shop by how they can receive the parcel (pick-up point, locker, courier, abroad); "
            "when the options are not shown before checkout they ask or leave.",
        legal=f"{_CRD}(g): the arrangements for delivery must be given before the order.",
        terms={
            "en": ["delivery options:4", "shipping options:4", "shipment options:4", "delivery methods:4",
                   "shipping methods:4", "shipment methods:4", "delivery method:4", "shipping method:4",
                   "methods for shipment:4", "methods of delivery:4", "ways to ship:4", "do you ship to:4",
                   "do you deliver to:4", "ship to:2", "deliver to:2", "deliveries to:3", "shipments to:3",
                   "ship internationally:4", "international shipping:3", "international delivery:3",
                   "ship abroad:4", "express delivery:3", "express shipping:3", "next day delivery:3",
                   "pickup point:4", "pick up point:4", "parcel locker:4", "collect in store:4",
                   "click and collect:4", "store pickup:4", "pick it up:3", "collect it:2", "which courier:3",
                   "which carrier:3", "carrier:2", "order from:2"],
            "pl": ["formy dostawy:4", "sposoby dostawy:4", "sposób dostawy:4", "metody dostawy:4",
                   "opcje dostawy:4", "formy wysyłki:4", "sposób wysyłki:4", "rodzaje dostawy:4", "paczkomat:4",
                   "odbiór osobisty:4", "odbioru osobistego:4", "odebrać osobiście:4", "punkt odbioru:4",
                   "wysyłka za granicę:3", "za granicę:2", "wysyłacie do:3", "wysyłacie też:3",
                   "dostarczacie do:3", "dostawa ekspresowa:3", "kurierem:2",
                   "odebrać sam:3", "do niemiec:2", "dostawa w sobotę:4", "w sobotę:2", "wieczorem:1", "kurier:1",
                   "opcja paczkomatu:4", "realizujecie zamówienia do:4"],
            "uk": ["способи доставки:4", "спосіб доставки:4", "варіанти доставки:4", "самовивіз:4",
                   "відділення:3", "відділенні:3", "поштомат:4", "нова пошта:3", "новою поштою:3", "укрпошт:3",
                   "доставляєте в:3", "відправляєте в:3", "за кордон:2", "кур'єром:2",
                   "самому забрати:4", "забрати самост:4", "забрати з магазину:4", "відправляєте:3",
                   "відправляєте до:4", "укрпоштою:4", "в суботу:2", "у суботу:2"],
            "ru": ["способы доставки:4", "способ доставки:4", "варианты доставки:4", "самовывоз:4",
                   "пункт выдачи:4", "постамат:4", "почтой россии:3", "доставляете в:3", "отправляете в:3",
                   "за границу:2", "курьером:2",
                   "забрать самому:4", "забрать из магазина:4", "отправляете ли:4", "отправляете:3",
                   "пункты выдачи:4", "в субботу:2", "возите:3"],
            "sk": ["spôsoby dopravy:4", "spôsob dopravy:4", "možnosti dopravy:4", "možnosti doručenia:4",
                   "spôsoby doručenia:4", "výdajné miesto:4", "výdajného miesta:4", "osobný odber:4",
                   "posielate aj:3", "posielate do:3", "doručujete do:3", "do zahraničia:2", "kuriérom:2",
                   "osobne vyzdvihnúť:4", "vyzdvihnúť:3", "výdajného boxu:4", "v sobotu:2", "z-boxu:4",
                   "packety:4"],
            "cs": ["způsoby dopravy:4", "způsob dopravy:4", "možnosti dopravy:4", "způsoby doručení:4",
                   "výdejní místo:4", "výdejního místa:4", "osobní odběr:4", "posíláte i:3", "posíláte do:3",
                   "doručujete do:3", "do zahraničí:2", "kurýrem:2",
                   "vyzvednout osobně:4", "vyzvednout:3", "výdejního boxu:4", "posílate:3", "v sobotu:2",
                   "zásilkovnu:4", "na prodejně:3"],
            "de": ["versandarten:4", "versandart:4", "versandoptionen:4", "liefermöglichkeiten:4",
                   "lieferoptionen:4", "packstation:4", "abholung:3", "selbst abholen:4", "abholen:2",
                   "expressversand:4", "liefern sie nach:3", "liefern sie auch:3", "versenden sie nach:3",
                   "versenden sie mit:3", "ins ausland:3",
                   "filiale:2", "liefert ihr auch:4", "verschickt ihr auch:4", "verschicken sie auch:4",
                   "in die schweiz:3", "nach österreich:3", "samstags:2", "am samstag:2", "paketshop:4",
                   "zustellung am:3"],
            "all": ["=dhl:1", "=dpd:1", "=ups:1", "=gls:1", "=inpost:3", "=packeta:3", "=zasilkovna:3", "=hermes:1",
                    "=fedex:1", "=ppl:1", "=сдэк:1", "=z-box:3"],
        },
    ),
    Topic(
        id="delivery-address",
        labels={"en": "Delivery address", "pl": "Adres dostawy", "uk": "Адреса доставки", "ru": "Адрес доставки",
                "sk": "Adresa doručenia", "cs": "Doručovací adresa", "de": "Lieferadresse"},
        questions={"en": "How do I set up or change my delivery address?",
                   "pl": "Jak ustawić lub zmienić adres dostawy?",
                   "uk": "Як вказати або змінити адресу доставки?",
                   "ru": "Как указать или изменить адрес доставки?",
                   "sk": "Ako nastaviť alebo zmeniť adresu doručenia?",
                   "cs": "Jak nastavit nebo změnit doručovací adresu?",
                   "de": "Wie hinterlege oder ändere ich meine Lieferadresse?"},
        why="A wrong or outdated address sends a parcel astray; shoppers need to know how and until when they "
            "can correct it.",
        terms={
            "en": ["delivery address:5", "shipping address:5", "postal address:3", "change my address:4",
                   "change the address:4", "change address:4", "update my address:4", "address update:4",
                   "wrong address:4", "new address:3", "another address:3", "different address:3",
                   "address:2", "moved house:3", "house number:3"],
            "pl": ["adres dostawy:5", "adres do wysyłki:4", "adres wysyłki:4", "zmienić adres:4",
                   "zmiana adresu:4", "zły adres:4", "błędny adres:4", "poprawić adres:4", "nowy adres:3",
                   "inny adres:3", "numer domu:3", "adres:2",
                   "zły numer mieszkania:4", "numer mieszkania:3", "na adres:2", "adres mojej pracy:4",
                   "przekierować:3", "przekierowanie:3", "przeprowadziłam:3", "przeprowadziłem:3",
                   "stary adres:4", "wybrałem zły paczkomat:4", "zły paczkomat:4"],
            "uk": ["адреса доставки:5", "адресу доставки:5", "змінити адресу:4", "зміна адреси:4",
                   "неправильну адресу:4", "виправити адресу:4", "нову адресу:3", "номері будинку:3", "адреса:2",
                   "адресу:2",
                   "номер квартири:4", "номер будинку:3", "іншу адресу:4", "інше відділення:4", "стара адреса:4",
                   "стару адресу:4", "переїхала:3", "переїхав:3", "перенаправити:3", "не те відділення:4"],
            "ru": ["адрес доставки:5", "изменить адрес:4", "поменять адрес:4", "исправить адрес:4",
                   "неправильный адрес:4", "новый адрес:3", "номере квартиры:3", "номер дома:3", "адрес:2",
                   "номер квартиры:4", "другой адрес:4", "на адрес:2", "старый адрес:4", "переехала:3",
                   "переехал:3", "перенаправить:3", "не тот пункт выдачи:4", "адрес моей работы:4"],
            "sk": ["adresa doručenia:5", "adresu doručenia:5", "doručovaciu adresu:5", "doručovacia adresa:4",
                   "zmeniť adresu:4", "zmena adresy:4", "nesprávnu adresu:4", "zlú adresu:4", "opraviť adresu:4",
                   "novú adresu:3", "číslo domu:3", "adresa:2",
                   "zlé číslo domu:4", "číslo bytu:3", "inú adresu:4", "na adresu:2", "starú adresu:4",
                   "stará adresa:4", "presťahovala:3", "presťahoval:3", "presmerovať:3", "zlé výdajné miesto:4",
                   "namiesto domov:3"],
            "cs": ["doručovací adresa:5", "doručovací adresu:4", "adresa doručení:5", "adresu doručení:5",
                   "změnit adresu:4", "změna adresy:4", "špatnou adresu:4", "opravit adresu:4", "novou adresu:3",
                   "číslo domu:3", "adresa:2",
                   "starou adresu:4", "stará adresa:4", "číslo bytu:3", "jinou adresu:4", "na adresu:2",
                   "přestěhovala:3", "přestěhoval:3", "přesměrovat:3", "špatné výdejní místo:4",
                   "místo doručení:4", "na novou:2"],
            "de": ["lieferadresse:5", "adresse ändern:4", "falsche adresse:4", "neue adresse:3", "anschrift:3",
                   "hausnummer:3", "adresse:2",
                   "falsche hausnummer:4", "andere adresse:4", "an meine arbeitsstelle:4", "arbeitsadresse:4",
                   "adresse korrigieren:4", "alte adresse:4", "alte anschrift:4", "umgezogen:3", "umleiten:3",
                   "falsche packstation:4", "statt nach hause:3"],
        },
    ),
    Topic(
        id="returns",
        labels={"en": "Returns", "pl": "Zwroty", "uk": "Повернення товару", "ru": "Возврат товара",
                "sk": "Vrátenie tovaru", "cs": "Vrácení zboží", "de": "Rücksendung"},
        questions={"en": "How do I return an item?", "pl": "Jak zwrócić produkt?", "uk": "Як повернути товар?",
                   "ru": "Как вернуть товар?", "sk": "Ako vrátiť tovar?", "cs": "Jak vrátit zboží?",
                   "de": "Wie kann ich einen Artikel zurücksenden?"},
        why="A clear returns procedure is what makes first-time shoppers willing to buy.",
        legal=f"{_CRD}(h): the conditions, time limit and procedures for the right of withdrawal must be given.",
        terms={
            "en": ["return:2", "send back:2", "send it back:2", "send them back:2", "return label:3",
                   "return policy:3", "returns policy:3", "how do i return:3", "can i return:3",
                   "return an item:3", "withdraw from:2", "withdrawal:2", "cooling-off:2", "send the item back:3",
                   "ship it back:2", "prepaid label:2"],
            "pl": ["zwrot:2", "zwróc:2", "zwrocic:2", "zwracać:2", "zwrotu towaru:3", "zwrot towaru:3",
                   "odesłać:2", "odeślę:2", "odsyłam:2", "odstąpieni:2", "odstąpić:2", "formularz zwrotu:3",
                   "etykieta zwrotna:3", "etykietę zwrotną:3", "jak zwrócić:3", "jak zrobić zwrot:3",
                   "oddać:1",
                   "oddam:2", "chcę oddać:3", "zwrócić towar:4", "nie podobają:2", "nie podoba:2",
                   "odstąpienie od umowy:4", "odstąpić od umowy:4", "na wyprzedaży:1"],
            "uk": ["повернути:2", "повернення:2", "повернення товару:3", "як повернути:3", "відправити назад:2",
                   "поверну:2", "повертаю:2",
                   "здати:3", "відіслати назад:4", "відмовитися від покупки:4", "не сподобал:2",
                   "не подобається:2", "бланк повернення:4", "розпакован:1"],
            "ru": ["вернуть:2", "возврат:2", "возврат товара:3", "как вернуть:3", "отправить обратно:2",
                   "верну:2", "возвращаю:2",
                   "сдать:3", "отказаться от покупки:4", "не понравил:2", "не нравится:2", "бланк возврата:4",
                   "распаковывал:1"],
            "sk": ["vrátiť:2", "vrátenie:2", "vrátenie tovaru:3", "ako vrátiť:3", "poslať späť:2",
                   "odstúpenie od zmluvy:3", "odstúpiť:2", "vrátim:2",
                   "poslat spat:4", "odstúpiť od zmluvy:4", "nepáčia:2", "nepáči:2", "formulár:2"],
            "cs": ["vrátit:2", "vrácení:2", "vrácení zboží:3", "jak vrátit:3", "poslat zpět:2",
                   "odstoupení od smlouvy:3", "odstoupit:2", "vrátím:2", "vratk:2",
                   "poslat zpátky:4", "odstoupit od smlouvy:4", "odstoupit od kupní smlouvy:4", "nelíbí:2",
                   "nesedí:1", "formulář:2"],
            "de": ["rücksendung:2", "zurückschicken:2", "zurücksenden:2", "zurückzuschicken:2",
                   "zurückzusenden:2", "retoure:2", "retourniere:2", "retournieren:2", "rückgabe:2",
                   "widerruf:2", "zurückgeben:2", "rücksendeetikett:3", "retourenschein:3",
                   "vom kauf zurücktreten:4", "zurücktreten:3", "gefällt mir nicht:2", "gefällt mir doch nicht:3",
                   "rücksendeschein:4", "etikett:2", "originalverpackt:2"],
        },
    ),
    Topic(
        id="refunds",
        labels={"en": "Refunds", "pl": "Zwrot pieniędzy", "uk": "Повернення коштів", "ru": "Возврат денег",
                "sk": "Vrátenie peňazí", "cs": "Vrácení peněz", "de": "Rückerstattung"},
        questions={"en": "When will I get my refund?", "pl": "Kiedy otrzymam zwrot pieniędzy?",
                   "uk": "Коли я отримаю повернення коштів?", "ru": "Когда вернутся деньги?",
                   "sk": "Kedy dostanem peniaze späť?", "cs": "Kdy dostanu peníze zpět?",
                   "de": "Wann erhalte ich meine Rückerstattung?"},
        why="Shoppers who do not know when their money comes back write, call and dispute the payment.",
        legal="Directive 2011/83/EU Art. 13: refunds are due within 14 days of withdrawal, by the same means of "
              "payment.",
        terms={
            "en": ["reimburse:3", "reimbursement:3", "reimbursed:3", "compensation:3", "rebate:3", "restitution:3", "refund policy:4", "money refunded:3", "refund:3", "money back:3", "my money:2", "credited back:3", "credit back:2",
                   "get my money:3", "paid back:2", "refunded:3"],
            "pl": ["=środki:1", "=środków:1", "zwrot pieniędzy:4", "zwrot środków:4", "zwrot kasy:4", "zwrotu pieniędzy:4",
                   "zwrotu środków:4", "zwrot należności:4", "zwrot płatności:4", "pieniądze:2", "pieniędzy:2",
                   "oddanie pieniędzy:3", "przelew zwrotny:3", "zwrócicie pieniądze:4",
                   "kiedy dostanę pieniądze:4", "zwrócone środki:4", "zwrócone pieniądze:4", "na konto:1", "na kartę:1",
                   "pieniądze za:3", "środki wrócą:4", "wrócą na konto:4", "przelewu:2", "przelew:1",
                   "kiedy oddacie:3", "oddaliście:3", "nie oddaliście:3", "całości:2",
                   "kiedy mogę się spodziewać pieniędzy:4", "na jakie konto:3"],
            "uk": ["повернуться гроші:4", "повернуться кошти:4", "кошти повернуться:4", "повернуться гроші:4", "повернення коштів:4",
                   "повернення грошей:4", "повернути гроші:4", "повернути кошти:4",
                   "повернете гроші:4", "повернете кошти:4", "гроші:2", "грошей:2", "кошти:2", "коштів:2",
                   "на картку:1", "на рахунок:1",
                   "гроші за:3", "коли повернете:4", "повернете:3", "не надійшли:2", "всю суму:3",
                   "на який рахунок:3", "повернули не:3"],
            "ru": ["вернутся деньги:4", "вернутся деньги:4", "деньги вернутся:4", "возврат денег:4", "возврат средств:4", "вернуть деньги:4", "вернуть средства:4",
                   "вернете деньги:4", "вернёте деньги:4", "деньги:2", "денег:2", "средства:1", "средств:1",
                   "на карту:1", "на счет:1", "на счёт:1",
                   "деньги за:3", "когда вернете:4", "вернете:3", "не пришли:2", "всю сумму:3", "на какой счет:3",
                   "вернули не:3", "деньги не пришли:4"],
            "sk": ["vrátite peniaze:4", "vrátenie peňazí:4", "vrátiť peniaze:4", "vrátenie platby:4", "vrátite peniaze:4",
                   "peniaze:2", "peňazí:2", "refundáci:3", "na účet:1", "na kartu:1",
                   "peniaze za:3", "kedy mi príd:3", "kedy ich môžem čakať:3", "celú sumu:3", "na aký účet:3",
                   "naspäť na účet:4", "späť na účet:4", "vrátili ste:2", "peniaze mi zatiaľ neprišli:4"],
            "cs": ["vrátíte peníze:4", "vrátit peníze:4", "vrácení peněz:4", "vrátit peníze:4", "vrácení platby:4", "vrátíte peníze:4", "peníze:2",
                   "peněz:2", "refundac:3", "na účet:1", "na kartu:1",
                   "peníze za:3", "peníze mi:2", "peníze zpět:4", "kdy mi je pošlete:3", "celou částku:3",
                   "na jaký účet:3", "částka vrátí:4", "se mi částka vrátí:4", "vrátili jste:2"],
            "de": ["betrag zurück:4", "bekomme ich den betrag:4", "rückerstattung:4", "erstattung:3", "geld zurück:4", "mein geld:3", "geld:2", "gutschrift:2",
                   "zurückerstattet:4", "erstattet:3",
                   "geld für:2", "wann bekomme ich das geld:4", "vollen betrag:3", "auf welches konto:3",
                   "noch nicht auf meinem konto:4", "das geld ist noch nicht:4"],
        },
    ),
    Topic(
        id="exchange",
        labels={"en": "Exchanges", "pl": "Wymiana", "uk": "Обмін", "ru": "Обмен", "sk": "Výmena",
                "cs": "Výměna", "de": "Umtausch"},
        questions={"en": "Can I exchange an item for another size or colour?",
                   "pl": "Czy mogę wymienić produkt na inny rozmiar lub kolor?",
                   "uk": "Чи можна обміняти товар на інший розмір або колір?",
                   "ru": "Можно ли обменять товар на другой размер или цвет?",
                   "sk": "Môžem vymeniť tovar za inú veľkosť alebo farbu?",
                   "cs": "Mohu vyměnit zboží za jinou velikost nebo barvu?",
                   "de": "Kann ich einen Artikel gegen eine andere Größe oder Farbe umtauschen?"},
        why="A shopper unsure of the size buys when swapping it later is easy and explained.",
        terms={
            "en": ["exchange:3", "swap:3", "replace it with:2", "different size:2", "bigger size:2",
                   "smaller size:2", "larger size:2", "another size:2", "another colour:2", "another color:2",
                   "different colour:2", "different color:2", "size up:2", "size down:2"],
            "pl": ["wymian:3", "wymieni:3", "zamieni:3", "zamiana:3", "inny rozmiar:2", "większy rozmiar:2",
                   "mniejszy rozmiar:2", "inny kolor:2", "na większy:2", "na mniejszy:2",
                   "zamienić:3", "podmienić:3", "wymienić:3", "na inny kolor:3", "na inny rozmiar:3",
                   "dopłacić różnicę:3", "w sklepie stacjonarnym:1"],
            "uk": ["обмін:3", "обміня:3", "поміняти:3", "заміна:2", "замінити на:2", "інший розмір:2",
                   "більший розмір:2", "менший розмір:2", "інший колір:2",
                   "обміняти:3", "замінити:3", "на менший:2", "на більший:2", "доплатити різницю:3"],
            "ru": ["обмен:3", "обменя:3", "поменять:3", "замена:2", "заменить на:2", "другой размер:2",
                   "больший размер:2", "меньший размер:2", "другой цвет:2", "на размер больше:3",
                   "на размер меньше:3",
                   "обменять:3", "заменить:3", "с доплатой:3", "доплатить:2"],
            "sk": ["výmen:3", "vymeniť:3", "zameniť:3", "inú veľkosť:2", "väčšiu veľkosť:2", "menšiu veľkosť:2",
                   "inú farbu:2",
                   "za menšiu:2", "za väčšiu:2", "doplatiť rozdiel:3"],
            "cs": ["výměn:3", "vyměnit:3", "zaměnit:3", "jinou velikost:2", "větší velikost:2",
                   "menší velikost:2", "jinou barvu:2",
                   "za větší:2", "za menší:2", "doplatit rozdíl:3", "jiný kus:2"],
            "de": ["umtausch:3", "umtauschen:3", "tauschen:3", "andere größe:2", "größere größe:2",
                   "kleinere größe:2", "eine nummer größer:3", "eine nummer kleiner:3", "andere farbe:2",
                   "lieber blau:1", "draufzahlen:3", "aufzahlen:3"],
        },
    ),
    Topic(
        id="size-fit",
        labels={"en": "Size and fit", "pl": "Rozmiar i dopasowanie", "uk": "Розмір", "ru": "Размер",
                "sk": "Veľkosť", "cs": "Velikost", "de": "Größe und Passform"},
        questions={"en": "Which size should I choose?", "pl": "Jaki rozmiar wybrać?", "uk": "Який розмір обрати?",
                   "ru": "Какой размер выбрать?", "sk": "Akú veľkosť si mám vybrať?",
                   "cs": "Jakou velikost si mám vybrat?", "de": "Welche Größe soll ich wählen?"},
        why="Size doubt is the main reason fashion shoppers hesitate, ask, or buy two sizes and return one.",
        terms={
            "en": ["size chart:3", "size guide:3", "sizing guide:3", "sizing chart:3", "size table:3",
                   "which size:3", "what size:3", "true to size:3", "runs small:3", "runs large:3",
                   "run small:3", "run large:3", "fits small:3", "fits large:3", "size:1", "sizing:2", "fit:1",
                   "measurements:2", "waist:1", "too small:1", "too big:1", "too tight:1", "too large:1",
                   "shoe size:3", "my size:2", "come up small:3", "come up big:3", "big or small:2"],
            "pl": ["tabela rozmiarów:3", "tabelę rozmiarów:3", "tabeli rozmiarów:3", "jaki rozmiar:3",
                   "rozmiarówk:3", "rozmiar:1", "pasuje:1", "za mały:1", "za duży:1", "za ciasn:1", "obwód:2",
                   "długość wkładki:3", "wkładk:2", "rozmiarach:1",
                   "wzrostu:3", "ważę:2", "noszę:2", "stopę:2", "na wąską stopę:3", "szeroką stopę:3", "luźny:2",
                   "dopasowany:2", "obcisł:2", "uciskać:2", "latały:2", "zgodne z rozmiarem:4",
                   "o jeden większe:3", "o rozmiar większ:3", "większy rozmiar:2", "mniejszy rozmiar:2",
                   "który rozmiar:4", "l czy xl:3", "m czy l:3", "s czy m:3", "tabel rozmiar:3"],
            "uk": ["таблиця розмірів:3", "таблицю розмірів:3", "розмірна сітка:3", "розмірну сітку:3",
                   "розмірна таблиця:3", "який розмір:3", "розмір:1", "маломір:3", "великомір:3", "замалий:1",
                   "завеликий:1", "довжина устілки:3", "устілк:2", "обхват:2",
                   "зріст:3", "вага:1", "ношу:2", "на широку ногу:3", "широку ногу:3", "стопа:2", "маломірить:4",
                   "великомірить:4", "відповідають розміру:4", "на один більше:3", "m чи l:3", "l чи xl:3",
                   "s чи m:3", "таблицею:2", "злітали:2"],
            "ru": ["таблица размеров:3", "таблицу размеров:3", "размерная сетка:3", "размерную сетку:3",
                   "какой размер:3", "размер:1", "маломер:3", "большемер:3", "маловат:1", "великоват:1",
                   "длина стельки:3", "стельк:2", "обхват:2",
                   "рост:3", "вес:1", "ношу:2", "на широкую стопу:3", "широкую стопу:3", "стопа:2", "маломерит:4",
                   "большемерит:4", "соответствуют размеру:4", "на один больше:3", "m или l:3", "l или xl:3",
                   "s или m:3", "по вашей таблице:3", "слетали:2"],
            "sk": ["tabuľka veľkostí:3", "tabuľku veľkostí:3", "veľkostná tabuľka:3", "akú veľkosť:3",
                   "aká veľkosť:3", "veľkosť:1", "veľkosti:1", "sedí:1",
                   "mám cm:2", "nosím:2", "širokú nohu:3", "nohu:1", "ako vychádzajú:4", "vychádzajú:3",
                   "skôr menšie:3", "skôr väčšie:3", "sedia na veľkosť:4", "o číslo väčšie:3", "l alebo xl:3",
                   "m alebo l:3", "s alebo m:3", "tabuľky:2", "padali z päty:3"],
            "cs": ["tabulka velikostí:3", "tabulku velikostí:3", "velikostní tabulka:3", "jakou velikost:3",
                   "jaká velikost:3", "velikost:1", "velikosti:1", "padne:1",
                   "měřím:3", "nosím:2", "nohu dlouhou:3", "širokou nohu:3", "jak vycházejí:4", "vycházejí:3",
                   "spíš menší:3", "spíš větší:3", "sedí na velikost:4", "o číslo větší:3", "s nebo m:3",
                   "l nebo xl:3", "m nebo l:3", "tabulky:2", "padaly z paty:3"],
            "de": ["größentabelle:3", "größenberater:3", "welche größe:3", "fällt klein aus:3", "fällt groß aus:3",
                   "größe:1", "größen:1", "passform:2", "passt:1", "zu klein:1", "zu groß:1",
                   "groß und wiege:4", "wiege:2", "trage sonst:3", "trage:1", "breite füße:3", "füße:1",
                   "fallen klein aus:4", "fallen normal aus:4", "normal aus:3", "nummer größer:2", "m oder l:3",
                   "l oder xl:3", "s oder m:3", "laut ihrer tabelle:3", "rutschen:2"],
        },
    ),
    Topic(
        id="product-details",
        labels={"en": "Product details and materials", "pl": "Szczegóły produktu i materiały",
                "uk": "Характеристики та матеріали", "ru": "Характеристики и материалы",
                "sk": "Detaily produktu a materiály", "cs": "Detaily produktu a materiály",
                "de": "Produktdetails und Material"},
        questions={"en": "What is the product made of and how do I care for it?",
                   "pl": "Z czego jest wykonany produkt i jak o niego dbać?",
                   "uk": "З чого виготовлено товар і як за ним доглядати?",
                   "ru": "Из чего сделан товар и как за ним ухаживать?",
                   "sk": "Z čoho je produkt vyrobený a ako sa oň starať?",
                   "cs": "Z čeho je produkt vyroben a jak o něj pečovat?",
                   "de": "Woraus besteht der Artikel und wie pflege ich ihn?"},
        why="Missing product facts (material, dimensions, care) make shoppers ask or buy elsewhere.",
        legal=f"{_CRD}(a): the main characteristics of the goods must be given.",
        terms={
            "en": ["material:2", "fabric:2", "made of:2", "made from:2", "cotton:1", "leather:1", "wool:1",
                   "dimensions:2", "waterproof:2", "care instructions:3", "how to wash:3", "how do i wash:3",
                   "washing:1", "machine wash:2", "ingredients:2", "specification:2", "specs:2",
                   "product details:3", "more information about:2", "compatible:1", "is it suitable:1"],
            "pl": ["=skład:2", "=składu:2", "skład materiału:3", "z czego jest:3", "z czego zrobion:3", "nieprzemakaln:2", "materiał:2", "z jakiego materiału:3", "wymiary:2", "wodoodporn:2", "jak prać:3",
                   "prani:2", "prać:2", "bawełn:1", "skór:1", "wełn:1", "specyfikacj:2", "parametr:1",
                   "czy nadaje się:2", "szczegóły produktu:3", "gramatur:2",
                   "z czego:3", "wełna:2", "akryl:2", "moc:2", "mocy:2", "waży:2", "pojemność:2", "bateri:2",
                   "akumulator:2", "działać z:3", "kompatybil:3", "wymiarach:3", "lite drewno:3",
                   "litego drewna:3", "okleina:3", "parametry:3", "w opisie nie ma:3", "w opisie jest tylko:3",
                   "spienia:2"],
            "uk": ["матеріал:2", "склад:2", "габарит:2", "водонепроникн:2", "як прати:3", "прання:2",
                   "бавовн:1", "шкір:1", "вовн:1", "характеристик:2", "чи підходить:2", "тканин:2",
                   "з якої тканини:4", "тканини:2", "потужність:3", "важить:2", "ємність:2", "акумулятор:2",
                   "батаре:2", "працюватиме з:3", "сумісн:3", "розміри:2", "з масиву:3", "шпон:3", "в описі:2",
                   "характеристики:3"],
            "ru": ["материал:2", "состав:2", "из чего:2", "габарит:2", "водонепроницаем:2", "как стирать:3",
                   "стирк:2", "хлопок:1", "хлопк:1", "кожа:1", "кожи:1", "шерст:1", "характеристик:2", "=ткань:2", "=ткани:2",
                   "подходит ли:2",
                   "из какой ткани:4", "из какого материала:4", "ткани:2", "мощность:3", "весит:2", "емкость:2",
                   "аккумулятор:2", "батаре:2", "будет работать с:3", "совместим:3", "размеры:2", "из массива:3",
                   "шпон:3", "в описании:2", "характеристики:3", "режим:2"],
            "sk": ["materiál:2", "zloženie:2", "rozmery:2", "vodeodoln:2", "ako prať:3", "pranie:2", "bavln:1",
                   "koža:1", "vlna:1", "parametr:1", "hodí sa:1",
                   "z čoho:3", "z akého materiálu:4", "výdrž:3", "batéri:2", "batérie:2", "výkon:3", "váži:2",
                   "ide to aj s:3", "kompatibil:3", "z masívu:3", "dyha:3", "v popise:2", "prať v práčke:3"],
            "cs": ["materiál:2", "složení:2", "rozměry:2", "voděodoln:2", "jak prát:3", "praní:2", "bavln:1",
                   "kůže:1", "vlna:1", "parametr:1", "hodí se:1",
                   "z čeho:3", "z jakého materiálu:4", "výdrž:3", "baterie:2", "výkon:3", "váží:2",
                   "vhodná i na:3", "vhodná na:2", "fungovat s:3", "kompatibil:3", "z masivu:3", "dýha:3",
                   "v popisu:2", "kolik litrů:3", "voděodolný:3"],
            "de": ["material:2", "=stoff:2", "aus welchem:2", "zusammensetzung:2", "=maße:2", "abmessungen:2",
                   "wasserdicht:2", "waschen:2", "pflegehinweis:3", "baumwolle:1", "leder:1", "wolle:1",
                   "eigenschaften:1", "geeignet:1", "produktdetails:3",
                   "aus welchem stoff:4", "aus welchem material:4", "stoff:2", "watt:3", "akku:3",
                   "wiegt:2", "kompatibel:3", "funktioniert das mit:3", "maße:3", "massivholz:3", "furniert:3",
                   "in der beschreibung:2", "waschmaschine:2", "schnellladen:2"],
        },
    ),
    Topic(
        id="availability",
        labels={"en": "Stock and availability", "pl": "Dostępność", "uk": "Наявність товару",
                "ru": "Наличие товара", "sk": "Dostupnosť", "cs": "Dostupnost", "de": "Verfügbarkeit"},
        questions={"en": "When will an out-of-stock item be available again?",
                   "pl": "Kiedy niedostępny produkt znów będzie dostępny?",
                   "uk": "Коли товар знову з'явиться в наявності?",
                   "ru": "Когда товар снова появится в наличии?",
                   "sk": "Kedy bude vypredaný tovar opäť skladom?", "cs": "Kdy bude vyprodané zboží znovu skladem?",
                   "de": "Wann ist ein ausverkaufter Artikel wieder verfügbar?"},
        why="Shoppers who find an item sold out leave unless told when it returns or how to be notified.",
        terms={
            "en": ["in stock:3", "out of stock:3", "back in stock:3", "restock:3", "sold out:3",
                   "availability:2", "will you have:2", "be available again:3", "when will it be available:3",
                   "pre-order:2", "preorder:2", "notify me:2", "available:1"],
            "pl": ["brak na stanie:3", "na stanie:2", "niedostępn:2", "kiedy będzie dostępn:3",
                   "czy będzie dostępn:3", "w magazynie:2", "wyprzedan:2", "ponownie dostępn:3", "na stan:2", "dostępn:1",
                   "powiadom:1",
                   "macie jeszcze:4", "czy będzie:2", "kiedy będzie:2", "wróci do sprzedaży:4",
                   "ostatnie sztuki:3", "niedostępny:3", "niedostępna:3", "niedostępne:3", "sprowadzić:3",
                   "dodruk:3", "wyprzedał:3", "powiadomić:2", "czekam na:1"],
            "uk": ["в наявності:3", "немає в наявності:3", "наявн:2", "коли з'явиться:3", "коли зʼявиться:3",
                   "розпродан:2", "знову буде:2", "коли буде:1",
                   "чи є ще:4", "чи лишились:4", "лишились:3", "знову з'явиться:4", "з'явиться:3", "у продажу:2",
                   "на складі:3", "допечатка:3", "розкупили:3", "поставка:3", "закінчився:3", "повідомити:2"],
            "ru": ["в наличии:3", "нет в наличии:3", "наличи:2", "когда появится:3", "распродан:2",
                   "снова будет:2", "в продаже:2", "в продажу:2", "поступлени:2", "когда будет:1",
                   "есть ли еще:4", "остались ли:4", "остались:3", "снова появится:4", "появится:3",
                   "на складе:3", "допечатка:3", "раскупили:3", "поставка:3", "закончился:3", "сообщить:2"],
            "sk": ["skladom:3", "na sklade:3", "nie je skladom:3", "nedostupn:2", "vypredan:2", "naskladn:3",
                   "dostupn:1", "kedy bude:1",
                   "máte ešte:4", "mate este:4", "kedy budete mať:4", "znova:2", "opäť:2", "posledné kusy:3",
                   "vypredaná:3", "naskladnenie:4", "dotlač:3", "v ponuke:3", "dať vedieť:2"],
            "cs": ["skladem:3", "na skladě:3", "není skladem:3", "nedostupn:2", "vyprodan:2", "naskladn:3",
                   "dostupn:1", "kdy bude:1",
                   "máte ještě:4", "budete ještě:3", "kdy bude znovu:4", "znovu:2", "naskladňovat:4",
                   "nedostupné:3", "momentálně nedostupné:4", "k mání:3", "dotisk:3", "poslední kusy:3",
                   "dát vědět:2"],
            "de": ["auf lager:3", "nicht vorrätig:3", "vorrätig:2", "nicht verfügbar:2", "lieferbar:2",
                   "wieder da:3", "wieder verfügbar:3", "ausverkauft:3", "wann wieder:2", "verfügbar:1",
                   "wieder lieferbar:4", "wieder zu haben:4", "wann gibt es:3", "noch da:3", "noch auf lager:4",
                   "nachdruck:3", "nachschub:3", "bescheid geben:2", "war nach einer stunde weg:3"],
        },
    ),
    Topic(
        id="payment-problem",
        labels={"en": "Payment problems", "pl": "Problemy z płatnością", "uk": "Проблеми з оплатою",
                "ru": "Проблемы с оплатой", "sk": "Problémy s platbou", "cs": "Problémy s platbou",
                "de": "Zahlungsprobleme"},
        questions={"en": "What should I do if my payment failed or I was charged twice?",
                   "pl": "Co zrobić, gdy płatność nie przeszła lub pobrano ją dwa razy?",
                   "uk": "Що робити, якщо оплата не пройшла або кошти списали двічі?",
                   "ru": "Что делать, если оплата не прошла или деньги списали дважды?",
                   "sk": "Čo robiť, ak platba neprešla alebo mi ju strhli dvakrát?",
                   "cs": "Co dělat, když platba neprošla nebo mi byla stržena dvakrát?",
                   "de": "Was tun, wenn die Zahlung fehlgeschlagen ist oder doppelt abgebucht wurde?"},
        why="A failed or double payment is an order lost or a chargeback unless the shopper knows what to do.",
        terms={
            "en": ["issue with payment:4", "issue with my payment:4", "error with payment:4", "errors with payment:4", "payment errors:4", "payment issue:4", "issue paying:4", "problem paying:4", "trouble with payment:4", "trouble paying:4", "online payment:3", "can't make payments:4", "cannot make payments:4", "can't make a payment:4", "payment won't go through:4", "payment failed:4", "payment didn't go through:4", "payment did not go through:4",
                   "payment was declined:4", "card was declined:4", "card declined:4", "declined:2",
                   "charged twice:4", "double charged:4", "charged me twice:4", "paid twice:4",
                   "payment error:4", "payment problem:4", "problem with payment:4", "problem with my payment:4",
                   "can't pay:3", "cannot pay:3", "unable to pay:3", "paid but:3", "money was taken:3",
                   "money has been taken:3", "taken from my account:3", "transaction failed:4",
                   "error when paying:4", "payment not confirmed:3", "payment pending:3", "payment:1"],
            "pl": ["płatność nie przeszła:4", "płatność nie powiodła:4", "nieudana płatność:4",
                   "płatność została odrzucona:4", "odrzucon:2", "karta odrzucona:4", "pobrano dwa razy:4",
                   "pobraliście dwa razy:4", "zapłaciłam dwa razy:4", "zapłaciłem dwa razy:4", "podwójnie:4",
                   "dwukrotnie:4", "błąd płatności:4", "problem z płatnością:4", "nie mogę zapłacić:3",
                   "zapłaciłam, a:3", "zapłaciłem, a:3", "pieniądze zeszły:3", "pobrano pieniądze:3",
                   "płatność wisi:3", "płatnoś:1",
                   "błąd:3", "błąd przy płaceniu:4", "wyskakuje błąd:4", "nie przeszła:4", "odrzuca:3",
                   "odrzuca moją kartę:4", "zeszły z konta:4", "z konta zeszły:4", "pobrano:3", "pobrano mi:4",
                   "dwa razy:3", "nadpłat:3", "oczekujące na wpłatę:4", "oczekuje na płatność:4", "nieopłacone:3",
                   "płacić jeszcze raz:4", "zapłacić jeszcze raz:4", "zapłaciłem:1", "zapłaciłam:1"],
            "uk": ["двічі:4", "оплата не пройшла:4", "платіж не пройшов:4", "платіж відхилено:4", "відхилен:2",
                   "списали двічі:4", "двічі списали:4", "оплатила двічі:4", "оплатив двічі:4",
                   "помилка оплати:4", "помилка при оплаті:4", "проблема з оплатою:4", "не можу оплатити:3",
                   "гроші списали:3", "списали гроші:3", "кошти списано:3", "оплатила, але:3",
                   "оплатив, але:3", "не проходить:3", "помилка:2", "оплат:1", "платіж:1",
                   "помилку:3", "не пройшла:4", "відхиляє:3", "відхиляє мою картку:4", "зняли:3",
                   "з рахунку зняли:4", "списали:3", "переплат:3", "неоплачене:4", "очікує оплату:4",
                   "ще раз платити:4", "оплатив:1", "оплатила:1"],
            "ru": ["дважды:4", "двойное списание:4", "оплата не прошла:4", "платеж не прошел:4", "платёж не прошёл:4", "платеж отклонен:4",
                   "отклонен:2", "списали дважды:4", "дважды списали:4", "оплатила дважды:4",
                   "оплатил дважды:4", "ошибка оплаты:4", "ошибка при оплате:4", "проблема с оплатой:4",
                   "не могу оплатить:3", "деньги списали:3", "списали деньги:3", "деньги списались:3",
                   "оплатил, но:3", "оплатила, но:3", "не проходит:3", "ошибка:2", "оплат:1", "платеж:1", "платёж:1",
                   "ошибку:3", "выдало ошибку:4", "не прошла:4", "отклоняет:3", "отклоняет мою карту:4",
                   "сняли:3", "списались:3", "списали:3", "переплат:3", "ожидает оплаты:4", "ждет оплаты:4",
                   "платить еще раз:4", "оплатил:1", "оплатила:1"],
            "sk": ["dvakrát:4", "platba neprešla:4", "platba zlyhala:4", "platba bola zamietnutá:4", "zamietnut:2",
                   "strhli dvakrát:4", "zaplatila som dvakrát:4", "zaplatil som dvakrát:4", "chyba platby:4",
                   "problém s platbou:4", "neviem zaplatiť:3", "nemôžem zaplatiť:3", "peniaze mi strhli:3",
                   "platb:1",
                   "chybu:3", "chyba:3", "hlási chybu:4", "neprešla:4", "zamieta:3", "odišli:2",
                   "z účtu odišli:4", "stiahli:3", "preplatk:3", "nezaplatená:4", "čaká na úhradu:4",
                   "zaplatiť znova:4", "zaplatil som:1", "zaplatila som:1"],
            "cs": ["dvakrát:4", "platba neprošla:4", "platba selhala:4", "platba byla zamítnuta:4", "zamítnut:2",
                   "strhli dvakrát:4", "zaplatila jsem dvakrát:4", "zaplatil jsem dvakrát:4", "chyba platby:4",
                   "problém s platbou:4", "nemohu zaplatit:3", "nemůžu zaplatit:3", "peníze mi strhli:3",
                   "strhli peníze:3", "platb:1",
                   "chybu:3", "chyba:3", "napsalo chybu:4", "neprošla:4", "zamítá:3", "strhly:3", "strhli:3",
                   "odešly:2", "přeplatk:3", "čeká na zaplacení:4", "stale ceka na zaplaceni:4",
                   "variabilní symbol:4", "dorazily vám peníze:3", "zaplatila jsem:1", "zaplatil jsem:1"],
            "de": ["zweimal:4", "doppelt:4", "zahlung fehlgeschlagen:4", "zahlung ist fehlgeschlagen:4", "zahlung abgelehnt:4",
                   "karte abgelehnt:4", "abgelehnt:2", "doppelt abgebucht:4", "zweimal abgebucht:4",
                   "doppelt bezahlt:4", "zahlungsfehler:4", "problem mit der zahlung:4", "kann nicht bezahlen:3",
                   "geld wurde abgebucht:3", "abgebucht:2", "zahlung:1",
                   "fehlermeldung:4", "fehler:3", "lehnt meine karte ab:4", "trotzdem abgebucht:4", "abgezogen:3",
                   "zu viel gezahlt:4", "zahlung ausstehend:4", "nochmal zahlen:4", "noch einmal zahlen:4",
                   "bezahlt, aber:2", "ging nicht durch:4"],
        },
    ),
    Topic(
        id="payment-methods",
        labels={"en": "Payment methods", "pl": "Metody płatności", "uk": "Способи оплати", "ru": "Способы оплаты",
                "sk": "Spôsoby platby", "cs": "Způsoby platby", "de": "Zahlungsarten"},
        questions={"en": "Which payment methods do you accept?", "pl": "Jakie metody płatności akceptujecie?",
                   "uk": "Які способи оплати ви приймаєте?", "ru": "Какие способы оплаты вы принимаете?",
                   "sk": "Aké spôsoby platby prijímate?", "cs": "Jaké způsoby platby přijímáte?",
                   "de": "Welche Zahlungsarten akzeptieren Sie?"},
        why="Shoppers who do not see their payment method before checkout abandon or ask.",
        legal=f"{_CRD}(g): the arrangements for payment must be given before the order.",
        terms={
            "all": ["=paypal:3", "=klarna:3", "=mastercard:2", "=przelewy24:3", "=sofort:2"],
            "en": ["payment modalities:4", "payment modality:4", "accepted payment:4", "available payment:3", "pay in instalments:4", "pay in installments:4", "payment methods:4", "payment method:4", "payment options:4", "can i pay:3", "pay with:3",
                   "pay by:3", "pay via:3", "apple pay:3", "google pay:3", "cash on delivery:4", "bank transfer:3", "instalments:3", "installments:3", "pay later:3",
                   "accept cards:3", "do you accept:3", "credit card:2", "debit card:2", "=visa:2"],
            "pl": ["płacić:2", "zapłacić przy odbiorze:4", "metody płatności:4", "metod płatności:4", "formy płatności:4", "forma płatności:4",
                   "formę płatności:4", "sposoby płatności:4", "sposób płatności:4", "czy mogę zapłacić:3",
                   "zapłacić kartą:3", "zapłacić blikiem:3", "płatność przy odbiorze:4", "za pobraniem:4",
                   "przelewem:2", "przelew tradycyjny:3", "=raty:3", "na raty:3", "=blik:3", "blikiem:3",
                   "=payu:3", "=paypo:3", "odroczona płatność:3",
                   "czy można zapłacić:4", "zapłacić gotówką:4", "gotówką:3", "przy odbiorze:3",
                   "przelewem na konto:3", "zwykłym przelewem:4", "raty:3", "rozłożyć:3", "google pay:4",
                   "apple pay:4", "revolut:3", "przyjmujecie:3"],
            "uk": ["оплатити через:3", "оплата через:3", "способи оплати:4", "спосіб оплати:4", "варіанти оплати:4", "чи можна оплатити:3",
                   "оплатити карткою:3", "оплата карткою:3", "накладений платіж:4", "накладеним платежем:4",
                   "післяплат:4", "оплата при отриманні:4", "розстрочк:3", "частинами:2",
                   "оплатити при отриманні:4", "при отриманні:3", "готівкою:3", "оплата частинами:4",
                   "google pay:4", "apple pay:4", "переказом на рахунок:4", "розрахуватися:3", "розрахуватись:3"],
            "ru": ["оплатить через:3", "оплата через:3", "способы оплаты:4", "способ оплаты:4", "варианты оплаты:4", "можно ли оплатить:3",
                   "можно оплатить:3", "оплатить картой:3", "оплата картой:3", "наложенный платеж:4",
                   "наложенный платёж:4", "наложенным платежом:4", "оплата при получении:4", "рассрочк:3",
                   "частями:2", "=сбп:3",
                   "при получении:3", "наличными:3", "рассрочка:4", "google pay:4", "apple pay:4",
                   "переводом на счет:4", "расплатиться:3", "сплит:3"],
            "sk": ["platiť:2", "platba prevodom:3", "prevodom:2", "spôsoby platby:4", "spôsob platby:4", "možnosti platby:4", "môžem zaplatiť:3",
                   "platba kartou:3", "zaplatiť kartou:3", "dobierk:4", "bankovým prevodom:3", "splátk:3",
                   "dá sa zaplatiť:4", "zaplatiť až:3", "pri prevzatí:3", "dobierka:4", "na splátky:4",
                   "splátky:3", "google pay:4", "apple pay:4", "prevodom na účet:4", "cez paypal:3",
                   "platobnú bránu:2"],
            "cs": ["platit:2", "platba převodem:3", "převodem:2", "způsoby platby:4", "způsob platby:4", "možnosti platby:4", "mohu zaplatit:3",
                   "můžu zaplatit:3", "platba kartou:3", "zaplatit kartou:3", "dobírk:4", "bankovním převodem:3",
                   "splátk:3",
                   "dá se platit:4", "platit až:3", "při převzetí:3", "dobírka:4", "na splátky:4", "google pay:4",
                   "apple pay:4", "převodem na účet:4", "platební bránu:2"],
            "de": ["bezahlen:1", "zahlen:1", "zahlungsarten:4", "zahlungsart:4", "zahlungsmethoden:4", "zahlungsmöglichkeiten:4",
                   "kann ich bezahlen:3", "bezahlen mit:3", "per nachnahme:4", "nachnahme:4",
                   "kauf auf rechnung:4", "auf rechnung:4", "vorkasse:3", "sofortüberweisung:3",
                   "ratenzahlung:3", "kreditkarte:2",
                   "auf rechnung bezahlen:4", "google pay:4", "apple pay:4", "per überweisung:4", "überweisung:2",
                   "bezahlseite:2", "geht bei euch:1"],
        },
    ),
    Topic(
        id="discount-codes",
        labels={"en": "Discount codes and vouchers", "pl": "Kody rabatowe", "uk": "Промокоди та знижки",
                "ru": "Промокоды и скидки", "sk": "Zľavové kódy", "cs": "Slevové kódy",
                "de": "Rabattcodes und Gutscheine"},
        questions={"en": "How do I use a discount code, and why doesn't my code work?",
                   "pl": "Jak użyć kodu rabatowego i dlaczego mój kod nie działa?",
                   "uk": "Як використати промокод і чому він не працює?",
                   "ru": "Как применить промокод и почему он не работает?",
                   "sk": "Ako použiť zľavový kód a prečo môj kód nefunguje?",
                   "cs": "Jak použít slevový kód a proč můj kód nefunguje?",
                   "de": "Wie löse ich einen Gutscheincode ein und warum funktioniert mein Code nicht?"},
        why="A code that fails at checkout is a basket abandoned at the last step; the conditions "
            "(minimum order, exclusions, one per order) answer most of these tickets.",
        terms={
            "en": ["discount code:4", "promo code:4", "promotional code:4", "coupon:4", "voucher:3",
                   "gift card:3", "code doesn't work:3", "code does not work:3", "code isn't working:3",
                   "code is not working:3", "code not working:3", "discount:2", "=promo:2", "promotion:2",
                   "newsletter discount:4", "first order discount:4", "apply the code:3", "student discount:4",
                   "birthday discount:4", "=code:1"],
            "pl": ["kod rabatowy:4", "kodu rabatowego:4", "kodem rabatowym:4", "kod promocyjny:4",
                   "kodu promocyjnego:4", "kod zniżkowy:4", "kodu zniżkowego:4", "rabat:3", "zniżk:3", "kupon:3",
                   "bon podarunkowy:3", "karta podarunkowa:3", "kartę podarunkową:3", "kod nie działa:4",
                   "kodu nie działa:4", "promocj:2",
                   "kod:2", "kodu:2", "kuponu:3", "kupony:3", "zniżkę:3", "zniżki:3", "bez zniżki:3",
                   "nieprawidłowy:2", "naliczyć:2", "odjąć:2", "na pierwsze zakupy:3", "-15%:2", "połączyć dwa:3"],
            "uk": ["промокод:4", "промо-код:4", "код знижки:4", "знижк:3", "купон:3", "подарунковий сертифікат:3",
                   "сертифікат:2", "код не працює:4", "акці:2",
                   "код:2", "знижку:3", "знижка:3", "без знижки:3", "недійсний:3", "врахувати:2",
                   "на першу покупку:3", "поєднати:3"],
            "ru": ["промокод:4", "промо-код:4", "код скидки:4", "скидк:3", "купон:3", "подарочный сертификат:3",
                   "сертификат:2", "код не работает:4", "акци:2",
                   "код:2", "скидку:3", "скидка:3", "без скидки:3", "недействителен:3", "учесть:2", "применить:2",
                   "на первую покупку:3", "совместить:3"],
            "sk": ["zľavový kód:4", "zľavového kódu:4", "zľav:3", "kupón:3", "poukážk:3", "poukaz:3",
                   "kód nefunguje:4", "darčekov:2",
                   "kód:2", "zľavu:3", "zľava:3", "bez zľavy:3", "neplatný:3", "uplatniť:3", "odpočítať:2",
                   "na prvý nákup:3", "skombinovať:3"],
            "cs": ["slevový kód:4", "slevového kódu:4", "slev:3", "kupón:3", "kupon:3", "poukaz:3", "poukázk:3",
                   "kód nefunguje:4", "dárkov:2",
                   "kód:2", "slevu:3", "sleva:3", "bez slevy:3", "neplatí:2", "uplatnit:3", "odečíst:2",
                   "na první nákup:3", "zkombinovat:3"],
            "de": ["rabattcode:4", "gutscheincode:4", "gutschein:3", "rabatt:3", "aktionscode:4",
                   "code funktioniert nicht:4", "geschenkgutschein:3", "geschenkkarte:3",
                   "code:3", "gutscheine:3", "ungültig:3", "nachträglich abziehen:4", "abziehen:2",
                   "auf den ersten einkauf:3", "kombinieren:3", "10%-code:4"],
        },
    ),
    Topic(
        id="invoices",
        labels={"en": "Invoices and VAT", "pl": "Faktury", "uk": "Рахунки та документи", "ru": "Счета и документы",
                "sk": "Faktúry", "cs": "Faktury", "de": "Rechnungen"},
        questions={"en": "How do I get an invoice (VAT invoice) for my order?",
                   "pl": "Jak otrzymać fakturę VAT do zamówienia?",
                   "uk": "Як отримати рахунок-фактуру або чек до замовлення?",
                   "ru": "Как получить счёт-фактуру или чек к заказу?", "sk": "Ako získam faktúru k objednávke?",
                   "cs": "Jak získám fakturu k objednávce?", "de": "Wie erhalte ich eine Rechnung für meine Bestellung?"},
        why="Business buyers need an invoice with their company details; when the site does not say how to "
            "get one (and until when), every such order becomes a ticket.",
        terms={
            "en": ["bill:3", "billing:2", "invoices:4", "invoice:4", "vat invoice:4", "receipt:3", "tax invoice:4", "vat number:3", "vat id:3",
                   "company details:2", "proof of purchase:3", "=vat:1", "tax id:3"],
            "pl": ["faktur:4", "paragon:3", "=nip:3", "na firmę:3", "dane do faktury:4", "duplikat:2",
                   "faktura:4", "fakturę:4", "faktury:4", "fakturze:4", "paragonu:3", "rachunku:2", "rachunek:2",
                   "dowodu zakupu:4", "dowód zakupu:4", "nazwa firmy:3", "korektę:3", "duplikatu:3",
                   "dokument zakupu:4"],
            "uk": ["рахунок-фактур:4", "рахунок фактур:4", "податкова накладна:4", "податкову накладну:4",
                   "видаткова накладна:4", "видаткову накладну:4", "=чек:3", "фіскальний чек:4", "=єдрпоу:3",
                   "=іпн:3", "для юридичн:2", "=пдв:2", "документи для бухгалтерії:4",
                   "рахунок на фоп:4", "на фоп:4", "фоп:3", "чека:3", "чек:3", "документ про покупку:4",
                   "накладна:3", "накладної:3", "назву компанії:3", "виставити:3", "копія:2"],
            "ru": ["счет-фактур:4", "счёт-фактур:4", "счет фактур:4", "счёт фактур:4", "=чек:3",
                   "кассовый чек:4", "закрывающие документы:4", "=инн:3", "=ндс:2", "для юрлиц:3",
                   "для юридическ:2", "товарная накладная:4", "товарную накладную:4", "счет на оплату:3",
                   "счёт на оплату:3", "квитанци:2", "документы для бухгалтерии:4",
                   "счет на организацию:4", "на организацию:3", "чека:3", "чек:3", "документ о покупке:4",
                   "накладная:3", "накладной:3", "название компании:3", "выставить:3", "реквизиты:3", "копия:2"],
            "sk": ["faktúr:4", "daňový doklad:4", "pokladničný doklad:3", "bloček:3", "=ičo:3", "=dič:3",
                   "ič dph:3", "na firmu:3",
                   "faktúru:4", "faktúre:4", "faktúry:4", "doklad o kúpe:4", "doklad:3", "názov firmy:3",
                   "vystaviť:3", "kópiu:2"],
            "cs": ["faktur:4", "daňový doklad:4", "účtenk:3", "=ičo:3", "=dič:3", "na firmu:3",
                   "fakturu:4", "faktuře:4", "faktury:4", "doklad:3", "název firmy:3", "vystavit:3", "kopii:2",
                   "ič a dič:3"],
            "de": ["rechnung:4", "rechnungskopie:4", "quittung:3", "=beleg:2", "kassenbon:3", "ust-id:3",
                   "umsatzsteuer:2", "=mwst:2", "firmenrechnung:4",
                   "beleg:3", "firmenadresse:3", "ust-idnr:4", "firmenname:3", "duplikat:3", "ausstellen:3"],
        },
    ),
    Topic(
        id="cancel-change-order",
        labels={"en": "Cancelling or changing an order", "pl": "Anulowanie lub zmiana zamówienia",
                "uk": "Скасування або зміна замовлення", "ru": "Отмена или изменение заказа",
                "sk": "Zrušenie alebo zmena objednávky", "cs": "Zrušení nebo změna objednávky",
                "de": "Bestellung stornieren oder ändern"},
        questions={"en": "Can I cancel or change my order after placing it?",
                   "pl": "Czy mogę anulować lub zmienić złożone zamówienie?",
                   "uk": "Чи можна скасувати або змінити оформлене замовлення?",
                   "ru": "Можно ли отменить или изменить оформленный заказ?",
                   "sk": "Môžem zrušiť alebo zmeniť odoslanú objednávku?",
                   "cs": "Mohu zrušit nebo změnit odeslanou objednávku?",
                   "de": "Kann ich meine Bestellung stornieren oder ändern?"},
        why="Shoppers who made a mistake need to act within minutes; without a stated way (and deadline) to "
            "cancel or change an order, it ships wrong and comes back as a return.",
        terms={
            "en": ["cancellation fee:5", "cancellation charge:5", "cancellation penalty:5", "termination fee:5", "termination charge:5", "termination penalty:5", "early termination:4", "exit fee:4", "exit charge:4", "exit penalty:4", "early exit:4", "withdrawal penalty:5", "withdrawal charge:5", "withdrawal fee:5", "modify order:4", "edit order:4", "change order:4", "update order:4", "correct order:4", "correcting order:4", "items from order:3", "item from order:3", "item of order:3", "article of order:3", "items from my order:3", "cancel order:5", "cancel my order:5", "cancel purchase:5", "cancel the order:5", "cancel:4", "change my order:4", "change the order:3", "modify my order:4", "edit my order:4",
                   "change the size in my order:4",
                   "add an item to my order:4", "add something to my order:4", "add to my order:4",
                   "remove an item from my order:4", "update my order:4", "ordered by mistake:3",
                   "stop the order:3", "stop my order:3", "=amend:3"],
            "pl": ["anulowanie zamówienia:5", "dodać do zamówienia:4", "anulow:4", "anulacj:4", "rezygnacj:3", "rezygnuję:3", "zrezygnować:3",
                   "zmienić zamówienie:4", "zmiana zamówienia:4", "dodać do zamówienia:4", "usunąć z zamówienia:4",
                   "edytować zamówienie:4", "zmodyfikować zamówienie:4", "przez pomyłkę:3", "wstrzymać:3",
                   "zrezygnować z zamówienia:4", "anulowanie:4", "anulować:4", "dorzucić:3",
                   "w zamówieniu zaznaczyłam:3", "poprawić przed:2", "przez przypadek:3", "pomyłkowo:3",
                   "nie wysyłajcie:4", "nie wysyłać:3", "rozmyśliłam:3", "rozmyśliłem:3", "kupiłam dwa razy:3"],
            "uk": ["скасув:4", "скасуй:4", "відмінити замовлення:4", "відмінити:3", "змінити замовлення:4",
                   "додати до замовлення:4",
                   "додати в замовлення:4", "прибрати з замовлення:4", "помилково замовил:3",
                   "помилково замовив:3", "відмовитися від замовлення:4",
                   "скасувати:4", "скасуйте:4", "передумала:3", "передумав:3", "додати ще:3", "випадково:3",
                   "не відправляйте:4", "до пакування:2"],
            "ru": ["добавить в заказ:4", "отмен:4", "изменить заказ:4", "изменение заказа:4", "добавить в заказ:4", "добавить к заказу:4", "убрать из заказа:4",
                   "по ошибке:3", "отказаться от заказа:4",
                   "отменить:4", "отмените:4", "передумала:3", "передумал:3", "добавить еще:3", "случайно:3",
                   "не отправляйте:4", "до упаковки:2"],
            "sk": ["do objednávky pridať:4", "zrušiť:4", "zrušeni:4", "stornov:4", "zmeniť objednávku:4", "zmena objednávky:4",
                   "pridať do objednávky:4",
                   "odstrániť z objednávky:4", "omylom:2",
                   "zrušte:4", "zrušiť objednávku:4", "rozmyslela:3", "rozmyslel:3", "pridať:2", "neposielajte:4",
                   "pred zabalením:2"],
            "cs": ["přidat do objednávky:4", "do objednávky přidat:4", "zrušit:4", "zrušení:4", "stornov:4", "změnit objednávku:4", "změna objednávky:4",
                   "přidat do objednávky:4",
                   "odebrat z objednávky:4", "omylem:2",
                   "zrušení objednávky:4", "zrušte:4", "rozmyslela:3", "rozmyslel:3", "upravit v objednávce:4",
                   "v objednávce upravit:4", "neposílejte:4", "před zabalením:2"],
            "de": ["stornieren:4", "stornierung:4", "=storno:4", "storniere:4", "bestellung ändern:4",
                   "bestellung abändern:4", "zur bestellung hinzufügen:4", "aus der bestellung entfernen:4", "versehentlich bestellt:3",
                   "abbestellen:4",
                   "anders überlegt:3", "hinzufügen:3", "noch einen artikel:3", "aus versehen:3",
                   "versehentlich:3", "nicht losschicken:4", "vor dem packen:2"],
        },
    ),
    Topic(
        id="damaged-wrong-item",
        labels={"en": "Damaged, faulty or wrong items", "pl": "Uszkodzony lub niewłaściwy produkt, reklamacje",
                "uk": "Пошкоджений або не той товар", "ru": "Повреждённый или не тот товар",
                "sk": "Poškodený alebo nesprávny tovar, reklamácie", "cs": "Poškozené nebo špatné zboží, reklamace",
                "de": "Beschädigte oder falsche Artikel"},
        questions={"en": "What should I do if my item arrived damaged, faulty or wrong?",
                   "pl": "Co zrobić, gdy produkt dotarł uszkodzony lub niezgodny z zamówieniem?",
                   "uk": "Що робити, якщо товар прийшов пошкодженим або не той?",
                   "ru": "Что делать, если товар пришёл повреждённым или не тот?",
                   "sk": "Čo robiť, ak tovar prišiel poškodený alebo nesprávny?",
                   "cs": "Co dělat, když zboží dorazilo poškozené nebo špatné?",
                   "de": "Was tun, wenn mein Artikel beschädigt, defekt oder falsch ankam?"},
        why="A shopper with a broken or wrong item needs the complaint procedure at once; without it the "
            "problem escalates to reviews and chargebacks.",
        legal=f"{_CRD}(l) and Directive (EU) 2019/771: shoppers must be reminded of the legal guarantee of "
              "conformity and how to claim it.",
        terms={
            "en": ["wrong item:4", "wrong items:4", "damaged:4", "broken:4", "defective:4", "faulty:4", "wrong item:4", "wrong product:4",
                   "wrong colour:3", "wrong color:3", "wrong size was sent:4", "sent the wrong:4",
                   "sent me the wrong:4", "not what i ordered:4", "missing item:4", "item missing:4",
                   "missing from my order:4", "is missing:3", "incomplete:3", "torn:3", "ripped:3", "stain:3",
                   "scratch:3", "cracked:3", "hole in:3", "complaint:3", "doesn't work:2", "does not work:2",
                   "stopped working:3", "fell apart:4", "poor quality:3", "smashed:4", "dented:3"],
            "pl": ["brak:1", "uszkodz:4", "zniszcz:4", "zepsut:4", "zepsuł:4", "wadliw:4", "=wada:3", "wadę:3",
                   "reklamacj:4", "reklamować:4", "zły produkt:4", "zły kolor:3", "nie ten produkt:4",
                   "nie to, co zamówi:4", "nie to co zamówi:4", "inny produkt niż:4", "brakuje:3",
                   "niekompletn:3", "rozdart:3", "=dziura:3", "dziurę:3", "=plama:3", "=plamy:3", "porysowan:3",
                   "pęknięt:4", "pękł:4", "popęka:4", "rozbit:4", "nie działa:2", "przestał działać:3", "słaba jakość:3",
                   "pogniecion:3",
                   "pęknięty:4", "zgnieciony:3", "rozbity:4", "uszkodzon:4", "pomylił:3", "pomyliliście:3",
                   "nie to co zamawiałem:4", "innej firmy:2", "a przyszły:2", "zamiast:1", "brakuje części:4",
                   "brakuje śrub:4", "śmierdzi:2", "zareklamować:4"],
            "uk": ["не вистачає:3", "бракує:3", "пошкодж:4", "зламан:4", "розбит:4", "=брак:3", "бракован:4", "бракує:3", "дефект:4",
                   "рекламаці:4", "не той товар:4", "не той розмір:3", "не той колір:3", "прийшов інший:4",
                   "прийшла інша:4", "неповн:2", "порван:3", "дірк:3", "=пляма:3", "=плями:3", "подряпин:3",
                   "тріщин:4", "не працює:2", "перестав працювати:3", "погана якість:3", "неякісн:3",
                   "розбита:4", "розбитий:4", "пом'ята:3", "пошкоджен:4", "переплутали:4", "не те що замовляв:4",
                   "іншої марки:2", "а прийшли:2", "бракує деталей:4", "рекламацію:4", "пахне горілим:3"],
            "ru": ["не хватает:3", "не та:2", "не того:2", "поврежд:4", "сломан:4", "разбит:4", "бракован:4", "=брак:3", "дефект:4", "рекламаци:4",
                   "претензи:3", "не тот товар:4", "не тот размер:3", "не тот цвет:3", "прислали другой:4",
                   "пришел другой:4", "пришёл другой:4", "пришла другая:4", "не хватает:3", "некомплект:3",
                   "порван:3", "дырк:3", "=пятно:3", "=пятна:3", "царапин:3", "трещин:4", "не работает:2",
                   "перестал работать:3", "плохое качество:3", "некачествен:3",
                   "помята:3", "поврежден:4", "перепутали:4", "не то что заказывал:4", "другой марки:2",
                   "а пришли:2", "не хватает деталей:4", "претензию:3", "пахнет горелым:3"],
            "sk": ["poškoden:4", "rozbit:4", "zničen:4", "pokazen:4", "chybn:3", "vadn:4", "reklamáci:4",
                   "reklamovať:4", "nesprávny tovar:4", "nesprávnu veľkosť:3", "nesprávnu farbu:3",
                   "iný tovar:4", "chýba:3", "nekompletn:3", "roztrhn:3", "=diera:3", "škvrn:3",
                   "poškriaban:3", "prasknut:4", "nefunguje:2", "zlá kvalita:3",
                   "rozbité:4", "črepy:4", "zámene:4", "zámena:4", "prišli zlé:2", "chýbajú:3",
                   "prestal fungovať:4", "smrdí:2"],
            "cs": ["poškozen:4", "rozbit:4", "zničen:4", "vadn:4", "reklamac:4", "reklamovat:4",
                   "špatné zboží:4", "jiné zboží:4", "špatnou velikost:3", "špatnou barvu:3", "chybí:3",
                   "nekompletn:3", "roztržen:3", "=díra:3", "skvrn:3", "poškrában:3", "prasklin:4",
                   "nefunguje:2", "špatná kvalita:3",
                   "rozbitá:4", "rozbité:4", "prasklé:4", "promáčknut:3", "poplet:3", "spletl:3", "chybí díly:4",
                   "přestal fungovat:4", "smrdí:2"],
            "de": ["falsche artikel:4", "falsches produkt:4", "falsch:2", "fehlt ein:4", "fehlen:3", "beschädigung:4", "beschädigt:4", "kaputt:4", "defekt:4", "mangelhaft:4", "reklamation:4", "reklamieren:4",
                   "falscher artikel:4", "falschen artikel:4", "falsche größe geliefert:4", "falsche farbe:3",
                   "falsch geliefert:4", "nicht das, was ich bestellt:4", "nicht das was ich bestellt:4",
                   "=fehlt:3", "unvollständig:3", "zerrissen:3", "=loch:3", "=fleck:3", "kratzer:3", "=riss:3",
                   "gebrochen:4", "funktioniert nicht:2", "schlechte qualität:3",
                   "zerbrochen:4", "eingedrückt:3", "vertauscht:4", "verwechselt:4", "geliefert wurden:2",
                   "teile fehlen:4", "ging nicht mehr:4", "reklamiere:4", "riecht verbrannt:3"],
        },
    ),
    Topic(
        id="account-login",
        labels={"en": "Account and login", "pl": "Konto i logowanie", "uk": "Обліковий запис і вхід",
                "ru": "Аккаунт и вход", "sk": "Účet a prihlásenie", "cs": "Účet a přihlášení",
                "de": "Konto und Anmeldung"},
        questions={"en": "How do I log in, reset my password or delete my account?",
                   "pl": "Jak się zalogować, zresetować hasło lub usunąć konto?",
                   "uk": "Як увійти, скинути пароль або видалити обліковий запис?",
                   "ru": "Как войти, сбросить пароль или удалить аккаунт?",
                   "sk": "Ako sa prihlásiť, obnoviť heslo alebo zrušiť účet?",
                   "cs": "Jak se přihlásit, obnovit heslo nebo zrušit účet?",
                   "de": "Wie melde ich mich an, setze mein Passwort zurück oder lösche mein Konto?"},
        why="Shoppers locked out of their account cannot reorder or see their orders.",
        terms={
            "en": ["account:2", "profile:2", "sign up:3", "signup:3", "open an account:4", "open account:4", "close my account:5", "delete account:5", "delete my account:5", "cancel my account:5", "account cancellation:5", "account termination:5", "account deletion:5", "=pin:2", "pin code:3", "forgot my password:4", "forgotten password:4", "reset my password:4", "access key:3", "login details:4", "can't log in:4", "cannot log in:4", "user account:4", "username:3", "user name:3", "my account:3", "log in:3", "login:3", "sign in:3", "password:4", "create an account:4",
                   "register:3", "registration:3", "delete my account:4", "verification email:3", "can't access:2"],
            "pl": ["konto:1", "konta:1", "kontem:2", "koncie:1", "zalogowa:4", "logowani:4", "hasło:4",
                   "hasła:4", "rejestracj:3", "zarejestrowa:3", "usunąć konto:4", "newsletter:1", "wypisać:2",
                   "zalogować:4", "zalogowac:4", "wejść na konto:4", "link aktywacyjny:4",
                   "linku aktywacyjnego:4", "aktywacyjn:3", "zablokowane:3", "odblokować:3", "usunięcie konta:4",
                   "usunięcie profilu:4", "profilu:3", "profil:3", "moich danych:2", "zmienić e-mail:3",
                   "reset hasła:4", "założyłem konto:4", "założyłam konto:4"],
            "uk": ["обліковий запис:4", "обліков:3", "акаунт:3", "особистий кабінет:4", "кабінет:2",
                   "пароль:4", "увійти:3", "=вхід:2", "зареєструв:3", "реєстраці:3", "видалити акаунт:4",
                   "розсилк:1",
                   "увійти в особистий кабінет:4", "особистому кабінеті:4", "лист для відновлення:4",
                   "відновлення паролю:4", "активації:3", "заблокували:3", "розблокувати:3", "профілі:3",
                   "профіль:3", "змінити email:3", "зареєструвався:3", "зареєструвалась:3"],
            "ru": ["аккаунт:3", "учетн:3", "учётн:3", "личный кабинет:4", "кабинет:2", "пароль:4", "войти:3",
                   "=вход:2", "зарегистр:3", "регистраци:3", "удалить аккаунт:4", "рассылк:1",
                   "зайти в личный кабинет:4", "письмо для восстановления:4", "восстановление пароля:4",
                   "активации:3", "заблокировали:3", "разблокировать:3", "профиле:3", "профиль:3",
                   "поменять почту:3", "зарегистрировался:3", "зарегистрировалась:3"],
            "sk": ["účet:1", "účtu:1", "prihlás:4", "prihlasov:4", "heslo:4", "hesla:4", "registráci:3",
                   "zaregistr:3", "zrušiť účet:4", "newsletter:1",
                   "prihlásiť:4", "dostať do svojho účtu:4", "do svojho účtu:4", "obnovenie:3", "aktivačný:3",
                   "zablokoval:3", "odblokovať:3", "registrácie:3", "zmazanie údajov:4", "zmeniť e-mail:3",
                   "založil účet:4"],
            "cs": ["účet:1", "účtu:1", "přihlás:4", "přihlaš:4", "heslo:4", "hesla:4", "registrac:3",
                   "zaregistr:3", "zrušit účet:4", "newsletter:1",
                   "přihlásit:4", "dostat do svého účtu:4", "do svého účtu:4", "u svého účtu:4", "obnovu:3",
                   "aktivační:3", "zablokoval:3", "odblokovat:3", "registrace:3", "zapomněla jsem heslo:4",
                   "změnit email:3", "založil účet:4"],
            "de": ["konto:1", "kundenkonto:4", "anmelden:3", "anmeldung:3", "einloggen:4", "login:3",
                   "passwort:4", "kennwort:4", "registrier:3", "konto löschen:4", "newsletter:1",
                   "komme nicht mehr in mein kundenkonto:4", "zurücksetzen:3", "aktivierungslink:4", "gesperrt:3",
                   "entsperren:3", "profil:3", "e-mail-adresse ändern:4", "registriert:3", "zugang:3",
                   "passworteingaben:4"],
        },
    ),
    Topic(
        id="contact-hours",
        labels={"en": "Contact and opening hours", "pl": "Kontakt i godziny pracy",
                "uk": "Контакти та години роботи", "ru": "Контакты и часы работы",
                "sk": "Kontakt a otváracie hodiny", "cs": "Kontakt a otevírací doba", "de": "Kontakt und Servicezeiten"},
        questions={"en": "How can I contact you and when are you available?",
                   "pl": "Jak się z wami skontaktować i w jakich godzinach?",
                   "uk": "Як з вами зв'язатися і коли ви працюєте?", "ru": "Как с вами связаться и когда вы работаете?",
                   "sk": "Ako vás môžem kontaktovať a kedy ste k dispozícii?",
                   "cs": "Jak vás mohu kontaktovat a kdy jste k dispozici?",
                   "de": "Wie kann ich Sie erreichen und wann sind Sie erreichbar?"},
        why="Shoppers who cannot find how and when to reach the shop do not buy from it.",
        legal=f"{_CRD}(c): the trader's address and telephone number (and e-mail) must be given.",
        terms={
            "en": ["phone number:1", "customer service:3", "customer support:3", "customer assistance:3", "customer care:3", "human:3", "agent:3", "live agent:4", "human agent:4", "real person:4", "speak with:2", "speak to:2", "talk to:2", "talk with:2", "get in touch:3", "what hours:3", "operator:3", "contact somebody:3", "contact someone:3", "chat with:2", "call customer:3", "reach customer:3", "call you:3", "speak to someone:3", "speak to a person:3",
                   "talk to someone:3", "opening hours:4", "are you open:4", "customer service hours:4",
                   "business hours:4", "contact you:3", "how can i contact:4", "how do i contact:4",
                   "reach you:3", "live chat:3", "contact:1", "open on:2"],
            "pl": ["numer telefonu:1", "konsultant:3", "konsultantem:3", "obsługa klienta:3", "obsługą klienta:3", "biuro obsługi klienta:3", "infolinia:3", "zadzwonić:3", "dodzwonić:3", "godziny otwarcia:4", "godziny pracy:4",
                   "w jakich godzinach:4", "czy jesteście otwarci:4", "kontakt:2", "skontaktowa:3", "infolini:3", "biuro obsługi:3", "nie odbiera:2",
                   "=czat:2", "porozmawiać z:3",
                   "pod jakim numerem:4", "telefonicznie:4", "porozmawiać:3", "infolinia zajęta:4", "godzinach:2",
                   "do której:3", "czynni:3", "czynne:3", "w weekendy:3", "w weekend:2", "czat:3", "whatsapp:3",
                   "żywym człowiekiem:4", "z człowiekiem:3", "nikt nie odpowiada:3"],
            "uk": ["номер телефону:1", "оператор:3", "оператором:3", "живою людиною:3", "служба підтримки:3", "службу підтримки:3", "підтримк:2", "зателефонувати:3", "подзвонити:3", "додзвонитися:3", "години роботи:4",
                   "графік роботи:4", "зв'язатися:3", "зв’язатися:3", "звʼязатися:3", "контакт:2",
                   "гаряча лінія:3", "=чат:2", "поговорити з:3",
                   "за яким номером:4", "поговорити голосом:4", "в які години:4", "працюватимете:3", "працюєте:3",
                   "чат:3", "вайбер:3", "з живою людиною:4", "ніхто не відповідає:3"],
            "ru": ["номер телефона:1", "оператор:3", "оператором:3", "живым человеком:3", "служба поддержки:3", "службу поддержки:3", "поддержк:2", "позвонить:3", "дозвониться:3", "часы работы:4", "график работы:4",
                   "связаться:3", "контакт:2", "горячая линия:3", "=чат:2", "поговорить с:3",
                   "по какому номеру:4", "объяснить голосом:4", "в какие часы:4", "будете ли вы работать:3",
                   "работаете:3", "чат:3", "телеграм:3", "с живым человеком:4", "никто не отвечает:3"],
            "sk": ["telefónne číslo:1", "operátor:3", "operátorom:3", "četovať:2", "chatovať:2", "zákaznícka linka:3", "zákaznícku linku:3", "zákaznícky servis:3", "zavolať:3", "dovolať:3", "otváracie hodiny:4", "pracovná doba:4",
                   "kontaktovať:3", "kontakt:2", "infolinka:3", "=chat:2",
                   "na aké číslo:4", "linka:3", "dokedy:3", "otvorené:3", "k dispozícii:3", "chat:3",
                   "whatsapp:3", "porozprávať:3", "nikto neodpovedá:3"],
            "cs": ["telefonní číslo:1", "operátor:3", "operátorem:3", "chatovat:2", "zákaznická linka:3", "zákaznickou linku:3", "zákaznický servis:3", "zavolat:3", "dovolat:3", "otevírací doba:4", "provozní doba:4",
                   "kontaktovat:3", "kontakt:2", "infolinka:3", "=chat:2",
                   "na jakém čísle:4", "po telefonu:4", "linka:3", "v kolik hodin:4", "otevřeno:3", "zastihnu:3",
                   "chat:3", "whatsapp:3", "spojit:3", "nikdo neodpovídá:3"],
            "de": ["telefonnummer:1", "ich sie erreichen:3", "erreiche ich:3", "erreichbar:3", "erreichen kann:3", "mitarbeiter:2", "telefonieren:3", "kundenservice:3", "kundendienst:3", "mit einem menschen:3", "=chatten:2", "anrufen:3", "öffnungszeiten:4", "geschäftszeiten:4",
                   "servicezeiten:4", "kontaktieren:3", "kontakt:2", "hotline:3", "=chat:2",
                   "unter welcher nummer:4", "am telefon:4", "besetzt:3", "geöffnet:3", "chat:3", "whatsapp:3",
                   "mit einem echten menschen:4", "keiner antwortet:3", "komme nicht durch:3"],
        },
    ),
]}

assert tuple(TOPICS) == TOPIC_IDS

# Not a support topic: the words of messages a shop's support inbox gets that no FAQ answers (job applications,
# offers of cooperation, advertising and SEO, surveys, thanks). When they outweigh every topic's evidence the
# ticket stays unassigned instead of landing on a topic through a word such as "warehouse" ("Lager", "склад",
# "magazyn" also mean stock). Never a topic, never a gap.
OFF_TOPIC = Topic(
    id="off-topic", labels={"en": "Not a support topic"}, questions={"en": ""},
    terms={
        "en": ["job application:4", "apply for a job:4", "vacancy:3", "vacancies:3", "my cv:3", "resume:2",
               "cooperation:3", "collaboration:3", "partnership:3", "advertising:3", "advertise:3", "=seo:3",
               "our agency:3", "marketing agency:3", "survey:3", "questionnaire:3", "just wanted to say thank:4",
               "wanted to thank:3", "our products to your:3", "price list:2", "wholesale offer:3"],
        "pl": ["pracowników:3", "podejmę pracę:4", "oferta pracy:4", "=cv:3", "współprac:3", "reklam:3",
               "influencer:3", "agencj:2", "=seo:3", "ankiet:3", "pracę magisterską:4", "chciałam tylko:3",
               "chciałem tylko:3", "podziękować:3", "jestem bardzo zadowolona:3", "jestem bardzo zadowolony:3",
               "zaproponować:2", "hurtow:2"],
        "uk": ["працівників:3", "резюме:3", "вакансі:3", "співпрац:3", "реклам:3", "=seo:3", "агенці:2",
               "опитуван:3", "подякувати:3", "запропонувати:2", "підписників:3"],
        "ru": ["сотрудник:3", "резюме:3", "ваканси:3", "сотрудничеств:3", "реклам:3", "=seo:3", "продвижени:3",
               "агентств:2", "опрос:3", "поблагодарить:3", "предложить:2", "прайс:2"],
        "sk": ["brigád:3", "pracovník:3", "ľudí do skladu:4", "životopis:3", "spoluprác:3", "reklam:3",
               "=seo:3", "poďakovať:3", "ponúknuť:2", "cenník:2", "výrobca:2"],
        "cs": ["brigád:3", "pracovník:3", "někoho do skladu:4", "životopis:3", "spoluprác:3", "reklam:3",
               "=seo:3", "poděkovat:3", "nabídnout:2", "nabízíme:2", "katalog:2", "výrobce:2"],
        "de": ["bewerb:3", "aushilf:3", "lebenslauf:3", "kooperation:3", "zusammenarbeit:3", "werbung:3",
               "=seo:3", "marketingagentur:3", "umfrage:3", "danke sagen:4", "wollte nur:2", "preisliste:2",
               "hersteller:2", "sortiment:2", "followern:3"],
    },
)


# ------------------------------------------------------------------------------------------ the matcher

# Words that turn a following term around: "not damaged", "nie chcę zwrotu", "keine Rückerstattung". Only the
# topics of NEGATABLE are affected ("I can't log in" is still about logging in; "not damaged" is not about
# damage). A negator counts when it stands right before the term (an article or "want/need" may sit between).
NEGATORS: dict[str, tuple[str, ...]] = {
    "en": ("not", "no", "never", "don't", "dont", "doesn't", "didn't", "isn't", "wasn't", "aren't", "without"),
    "pl": ("nie", "bez", "żaden", "żadnego", "żadnej"),
    "uk": ("не", "без", "жодного", "жодних"),
    "ru": ("не", "без", "никакого", "никаких"),
    "sk": ("nie", "bez", "žiadny", "žiadne", "nechcem", "nepotrebujem"),
    "cs": ("ne", "bez", "žádný", "žádné", "nechci", "nepotřebuji"),
    "de": ("nicht", "kein", "keine", "keinen", "ohne"),
}
_NEGATION_FILLERS = frozenset({"a", "an", "the", "any", "want", "need", "chcę", "potrzebuję", "хочу", "треба",
                               "нужно", "надо", "potřebuji", "potrebujem", "möchte", "will", "brauche", "eine",
                               "einen", "to"})
NEGATABLE = frozenset({"damaged-wrong-item", "refunds", "returns", "exchange"})
SIBLINGS = {"cs": ("cs", "sk"), "sk": ("sk", "cs"), "uk": ("uk", "ru"), "ru": ("ru", "uk")}
SLAVIC = frozenset({"pl", "uk", "ru", "sk", "cs"})
LATIN = ("en", "pl", "cs", "sk", "de")
# A Slavic term word that the stemmer leaves unchanged is a stem written on purpose ("paczk", "поврежд"): it also
# matches words that start with it and are at most MAX_STEM_EXTRA letters longer ("paczkami", "повреждёнными");
# any other Slavic term word of five letters or more matches words at most MAX_WORD_EXTRA longer ("скасуйте" for
# "скасуй"): Slavic stemmers miss consonant alternations and long participle endings.
MAX_STEM_EXTRA = 6
MAX_WORD_EXTRA = 3
# At most this many other words may stand between two words of a phrase term (see Matcher._phrase_at).
PHRASE_GAP = 2

_NORMALISE = re.compile(r"[\s\u00a0]+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "ё": "е"})
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def normalise(text: str) -> str:
    """Lower case, one space between words, one kind of apostrophe, ё as е (Russian writes both)."""
    return _NORMALISE.sub(" ", text.lower().translate(_APOSTROPHES))


def words_of(text: str) -> list[str]:
    """The word tokens of ``text`` (lower case; "where's" and "кур'єр" stay one word, hyphens split)."""
    return _TOKEN.findall(normalise(text))


@dataclass(frozen=True)
class _Word:
    kind: str  # "key" (stem equality, Slavic bare stems also as bounded prefix), "exact", "prefix"
    value: str  # the key, or the folded surface for exact/prefix
    bare: str = ""  # folded surface of a Slavic term word (bounded-prefix match), else ""
    extra: int = 0  # how many letters longer a word it matches as a prefix may be


@dataclass(frozen=True)
class Term:
    text: str
    topic: str
    weight: int
    words: tuple[_Word, ...]
    anchor: int = 0  # the word the index finds it by: its longest word that is not a stop word
    tight: tuple[bool, ...] = ()  # per word: a stop word, which must stand right next to its neighbour


def _parse(raw: str, lang: str) -> Term | None:
    text = raw
    weight = 0
    head, sep, tail = text.rpartition(":")
    if sep and tail.isdigit():
        text, weight = head, int(tail)
    words: list[_Word] = []
    for token in text.split():
        exact, prefix = token.startswith("="), token.endswith("*")
        pieces = words_of(token.strip("=*"))
        for i, piece in enumerate(pieces):
            folded = stemming.fold(piece)
            if exact:
                words.append(_Word("exact", folded))
            elif prefix and i == len(pieces) - 1:
                words.append(_Word("prefix", folded))
            else:
                k = stemming.key(piece, lang)
                extra = (MAX_STEM_EXTRA if k == folded else MAX_WORD_EXTRA if len(folded) >= 5 else 0) \
                    if lang in SLAVIC else 0
                words.append(_Word("key", k, folded if extra else "", extra))
    if not words:
        return None
    return Term(text=text.strip("=* "), topic="", weight=weight or (2 if len(words) > 1 else 1),
                words=tuple(words))


class Matcher:
    """Every term of every topic, indexed per language by the key of its anchor word (its longest word that is
    not a stop word: "where is my order" is found by "order", not by every "where"), plus Slavic bare stems and
    prefix terms by their first three letters. Terms of the pseudo-language ``all`` (brand names: PayPal, DHL)
    are in every language's index. A ticket is tokenised once; each word looks up (and caches) the terms
    anchored on it, so the cost is linear in the ticket's length whatever the vocabulary's size."""

    def __init__(self, topics: Iterable[Topic]):
        self._cache: dict[str, dict[str, tuple[Term, ...]]] = {}
        self.by_key: dict[str, dict[str, list[Term]]] = {}
        self.by_start: dict[str, dict[str, list[Term]]] = {}
        stop = frozenset(stemming.fold(w) for w in lexicon.terms("stopwords"))
        for topic in topics:
            for lang, raws in topic.terms.items():
                for raw in raws:
                    term = _parse(raw, lang)
                    if term is None:
                        continue
                    parts = term.words
                    content = [i for i, w in enumerate(parts) if (w.bare or w.value) not in stop] or [0]
                    anchor = max(content, key=lambda i: len(parts[i].value))
                    tight = tuple(i not in content for i in range(len(parts)))
                    term = Term(term.text, topic.id, term.weight, parts, anchor, tight)
                    first = term.words[anchor]
                    if first.kind == "key":
                        self.by_key.setdefault(lang, {}).setdefault(first.value, []).append(term)
                        if first.bare:
                            self.by_start.setdefault(lang, {}).setdefault(first.bare[:3], []).append(term)
                    else:
                        index = self.by_key if first.kind == "exact" else self.by_start
                        slot = first.value if first.kind == "exact" else first.value[:3]
                        index.setdefault(lang, {}).setdefault(("=" if first.kind == "exact" else "") + slot,
                                                              []).append(term)
        for index in (self.by_key, self.by_start):
            shared = index.pop("all", {})
            for lang in lexicon.LANGUAGES:
                own = index.setdefault(lang, {})
                for slot, terms in shared.items():
                    own.setdefault(slot, []).extend(terms)

    @staticmethod
    def _word_matches(word: _Word, surface: str, k: str) -> bool:
        if word.kind == "key":
            if k == word.value:
                return True
            return bool(word.bare) and surface.startswith(word.bare) and \
                len(surface) - len(word.bare) <= word.extra
        if word.kind == "exact":
            return surface == word.value
        return surface.startswith(word.value)

    def evidence(self, text: str, lang: str | None = None,
                 tokens: list[str] | None = None) -> dict[str, list[tuple[str, int, int]]]:
        """Topic → the (term, weight, word position) of the terms found, best first: each word counts once per
        topic (in its heaviest term: "konto" inside "usunąć konto" is not counted twice), negated terms of
        :data:`NEGATABLE` topics are left out. Terms of ``lang`` (guessed when not given) and its close
        neighbour are matched; when nothing matches in a Latin-script ticket (the guess of a short text without
        diacritics is weak), the other Latin-script languages are tried."""
        tokens = words_of(text) if tokens is None else tokens
        if not tokens:
            return {}
        if not lang or lang not in lexicon.LANGUAGES:
            from auditor.analysis.language import guess_language
            lang = guess_language(text) or "en"
        tried = SIBLINGS.get(lang, (lang,))
        found = self._find(tokens, tried)
        if not found:  # the language given may be the page's or the export's, not this text's
            from auditor.analysis.language import guess_language
            guessed = guess_language(text)
            if guessed and guessed not in tried:
                more = SIBLINGS.get(guessed, (guessed,))
                found = self._find(tokens, more)
                tried = (*tried, *more)
        if not found and (lang in LATIN or not any("\u0400" <= ch <= "\u04ff" for ch in text)):
            found = self._find(tokens, tuple(x for x in LATIN if x not in tried))
        return found

    def _starting(self, language: str, token: str) -> tuple[Term, ...]:
        """The terms of ``language`` whose anchor word matches ``token`` (cached: tickets repeat their words)."""
        cache = self._cache.setdefault(language, {})
        terms = cache.get(token)
        if terms is None:
            if len(cache) > 200_000:
                cache.clear()
            surface, k = stemming.fold(token), stemming.key(token, language)
            by_key, by_start = self.by_key.get(language, {}), self.by_start.get(language, {})
            candidates = by_key.get(k, []) + by_key.get("=" + surface, []) + by_start.get(surface[:3], [])
            terms = tuple(t for t in candidates if self._word_matches(t.words[t.anchor], surface, k))
            cache[token] = terms
        return terms

    def _phrase_at(self, term: Term, i: int, folded: list[str], keys: list[str]) -> tuple[int, ...] | None:
        """The word positions of a phrase ``term`` whose anchor word is at ``i``, or ``None``. Its words come in
        their order, with at most :data:`PHRASE_GAP` other words between two content words ("płatność kartą
        nie przeszła", "Zahlung ist leider fehlgeschlagen", "zrušte mi objednávku"): Slavic and German word
        order puts pronouns, particles and auxiliaries inside what English writes as one phrase. A stop word of
        a phrase ("z czego", "nie przeszła") must stand right next to its neighbour, or "z" and "czego" would
        meet anywhere in a sentence. The tokens carry no punctuation, so a gap is bounded, not sentence-aware."""
        places = [i]
        for j in range(term.anchor - 1, -1, -1):  # words before the anchor, nearest first
            word = term.words[j]
            gap = 0 if term.tight[j] or term.tight[j + 1] else PHRASE_GAP
            hit = next((p for p in range(places[0] - 1, max(-1, places[0] - 2 - gap), -1)
                        if self._word_matches(word, folded[p], keys[p])), None)
            if hit is None:
                return None
            places.insert(0, hit)
        for j in range(term.anchor + 1, len(term.words)):
            word = term.words[j]
            gap = 0 if term.tight[j] or term.tight[j - 1] else PHRASE_GAP
            hit = next((p for p in range(places[-1] + 1, min(len(folded), places[-1] + 2 + gap))
                        if self._word_matches(word, folded[p], keys[p])), None)
            if hit is None:
                return None
            places.append(hit)
        return tuple(places)

    def _find(self, tokens: list[str], languages: tuple[str, ...]) -> dict[str, list[tuple[str, int, int]]]:
        matches: list[tuple[int, int, tuple[int, ...], Term]] = []  # (-weight, start, word positions, term)
        folded: list[str] | None = None
        for language in languages:
            negators = NEGATORS.get(language, ())
            keys: list[str] | None = None
            cache = self._cache.setdefault(language, {})
            for i, token in enumerate(tokens):
                terms = cache.get(token)  # most words anchor no term: no call for them
                if terms is None:
                    terms = self._starting(language, token)
                for term in terms:
                    places: tuple[int, ...] = (i,)
                    if len(term.words) > 1:
                        if keys is None:
                            keys = [stemming.key(t, language) for t in tokens]
                        if folded is None:
                            folded = [stemming.fold(t) for t in tokens]
                        found_at = self._phrase_at(term, i, folded, keys)
                        if found_at is None:
                            continue
                        places = found_at
                    start = places[0]
                    if term.topic in NEGATABLE and _negated(tokens, start, negators):
                        continue
                    matches.append((-term.weight, start, places, term))
        found: dict[str, list[tuple[str, int, int]]] = {}
        covered: dict[str, set[int]] = {}
        texts: dict[str, set[str]] = {}
        for neg_weight, start, places, term in sorted(matches, key=lambda m: (m[0], m[1])):
            taken = covered.setdefault(term.topic, set())
            if term.text in texts.setdefault(term.topic, set()) or any(p in taken for p in places):
                continue
            taken.update(places)
            texts[term.topic].add(term.text)
            found.setdefault(term.topic, []).append((term.text, -neg_weight, start))
        return found

    def scores(self, text: str, lang: str | None = None) -> dict[str, float]:
        """Topic → score: the sum of the weights of the distinct terms found, plus tie-breaking evidence in the
        fraction (never a fixed topic order): a tenth of the strongest single term (specific beats generic),
        then a little for how early the first term stands (the subject comes first)."""
        tokens = words_of(text)
        evidence = self.evidence(text, lang, tokens)
        total_words = max(1, len(tokens))
        out: dict[str, float] = {}
        for topic, terms in evidence.items():
            strongest = max(w for _, w, _ in terms)
            first = min(p for _, _, p in terms)
            out[topic] = sum(w for _, w, _ in terms) + strongest / 10 + (1 - first / total_words) / 100
        off = out.pop(OFF_TOPIC.id, None)
        if off is not None and off >= max(out.values(), default=0.0):
            return {}  # a job application, an offer, a thank-you: no topic (see OFF_TOPIC)
        return out



def _negated(tokens: list[str], i: int, negators: tuple[str, ...]) -> bool:
    """A negator right before position ``i``, possibly with one or two fillers ("not a", "don't want a")."""
    if not negators:
        return False
    if tokens[i] in negators:  # the term itself starts with the negator ("not delivered")
        return False
    j = i - 1
    skipped = 0
    while j >= 0 and tokens[j] in _NEGATION_FILLERS and skipped < 2:
        j -= 1
        skipped += 1
    return j >= 0 and tokens[j] in negators


@lru_cache(maxsize=1)
def matcher() -> Matcher:
    return Matcher([*TOPICS.values(), OFF_TOPIC])


def scores(text: str, lang: str | None = None) -> dict[str, float]:
    return matcher().scores(text, lang)


def best(score_map: dict[str, float]) -> str | None:
    """The topic with the highest score; ``None`` when there is none or when two are tied on all evidence
    (an honest "unassigned" rather than a guess)."""
    if not score_map:
        return None
    ranked = sorted(score_map.items(), key=lambda item: -item[1])
    if len(ranked) > 1 and abs(ranked[0][1] - ranked[1][1]) < 1e-9:
        return None
    return ranked[0][0]


def assign(text: str, lang: str | None = None) -> str | None:
    """The one topic of a ticket (``None`` when no term of any topic is in it, or evidence is tied)."""
    return best(scores(text, lang))


def topics_of(text: str, min_ratio: float = 0.5, min_score: int = 1, lang: str | None = None) -> list[str]:
    """Every topic a short text (an FAQ question, a heading, a page title) is about: the best one and any
    scoring at least ``min_ratio`` of it, best first."""
    score_map = scores(text, lang)
    if not score_map:
        return []
    top = max(score_map.values())
    if top < min_score:
        return []
    chosen = [t for t, s in score_map.items() if s >= max(min_score, top * min_ratio)]
    return sorted(chosen, key=lambda t: -score_map[t])


def label(topic_id: str, lang: str = "en") -> str:
    topic = TOPICS.get(topic_id)
    return topic.label(lang) if topic else topic_id


def question(topic_id: str, lang: str = "en") -> str:
    topic = TOPICS.get(topic_id)
    return topic.question(lang) if topic else ""
