"""The built-in taxonomy of e-commerce support topics, in en, pl, uk, ru, sk, cs, de.

Each topic has phrases and stems per language, a human label and a suggested FAQ question per language, and
(where one applies) the legal reason a shop must tell shoppers about it up front.

Term syntax: a term matches at a word start and, like the lexicon, as a prefix of its last word (``"dostaw"``
matches ``dostawa``, ``dostawy``); ``"=vat"`` matches the whole word only. ``"term:3"`` gives the term a weight
(default 1 for one word, 2 for a phrase): a ticket's score for a topic is the sum of the weights of the
distinct terms of that topic it contains, and the highest score wins, ties going to the topic listed first
in :data:`PRIORITY` (the more specific one). All languages are matched at once: support mail mixes them.

The matcher compiles every term of every topic into one trie-shaped regular expression, so a ticket costs one
pass of the regex engine however many terms there are (a million tickets in well under a minute).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

TOPIC_IDS = (
    "order-status", "delivery-time", "delivery-cost", "returns", "refunds", "exchange", "size-fit",
    "product-details", "availability", "payment-problem", "payment-methods", "discount-codes", "invoices",
    "cancel-change-order", "damaged-wrong-item", "account-login", "contact-hours",
)

# tie-break order: the more specific topic first
PRIORITY = (
    "damaged-wrong-item", "cancel-change-order", "invoices", "discount-codes", "payment-problem", "refunds",
    "exchange", "account-login", "returns", "size-fit", "payment-methods", "order-status", "delivery-cost",
    "delivery-time", "availability", "product-details", "contact-hours",
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
            "en": ["where is my order:3", "where's my order:3", "where is my package:3", "where is my parcel:3",
                   "where is my delivery:3", "order status:3", "status of my order:3", "track my order:3",
                   "track my package:3", "track my parcel:3", "tracking:2", "track:2", "not arrived:2",
                   "hasn't arrived:2", "has not arrived:2", "haven't arrived:2", "didn't arrive:2",
                   "did not arrive:2", "not received:2", "haven't received:2", "have not received:2",
                   "never received:2", "never arrived:2", "still waiting:2", "still not here:2",
                   "not been delivered:2", "not delivered:2", "when will my order:3", "when will i receive my:3",
                   "when will i get my order:3", "has my order shipped:3", "has my order been:2",
                   "been shipped:2", "been dispatched:2", "shipped yet:2", "dispatched yet:2", "where is it:2",
                   "hasn't come:2", "no update:1", "courier:1", "parcel:1", "package:1", "arrive:1"],
            "pl": ["gdzie jest moje zamówienie:3", "gdzie jest moja paczka:3", "gdzie jest paczka:3",
                   "gdzie jest zamówienie:3", "gdzie moja paczka:3", "gdzie moje zamówienie:3",
                   "gdzie jest moja przesyłka:3", "status zamówienia:3", "status przesyłki:3", "statusu zamówienia:3",
                   "śledzeni:2", "śledzić:2", "numer przesyłki:2", "numer śledzenia:2", "link do śledzenia:3",
                   "nie dotarł:2", "nie dotarła:2", "nie dotarło:2", "nie doszł:2", "nie doszedł:2",
                   "nie przyszł:2", "nie przyszed:2", "nie otrzymał:2", "nie dostałam paczki:3",
                   "nie dostałem paczki:3", "nie dostałam zamówienia:3", "nie dostałem zamówienia:3",
                   "nadal czekam:2", "wciąż czekam:2", "dalej czekam:2", "kiedy dotrze:2", "kiedy przyjdzie:2",
                   "kiedy dostanę zamówienie:3", "kiedy dostanę paczkę:3", "czy zostało wysłane:3",
                   "czy paczka została wysłana:3", "zostało wysłane:2", "została wysłana:2", "paczk:1",
                   "przesyłk:1", "kurier:1"],
            "uk": ["де моє замовлення:3", "де замовлення:3", "де моя посилка:3", "де посилка:3",
                   "статус замовлення:3", "відстеж:2", "трекінг:2", "трек-номер:2", "трек номер:2", "номер ттн:2",
                   "=ттн:1", "не отримала:2", "не отримав:2", "не прийшл:2", "не прийшов:2", "не надійшл:2",
                   "досі не:2", "досі чекаю:2", "все ще чекаю:2", "коли прийде:2", "коли буде доставлено:2",
                   "чи відправлено:3", "чи відправили:3", "вже відправили:2", "коли я отримаю:2", "коли отримаю:2", "в дорозі:2", "посилк:1", "кур'єр:1", "курʼєр:1"],
            "ru": ["где мой заказ:3", "где заказ:3", "где моя посылка:3", "где посылка:3", "статус заказа:3",
                   "отслежива:2", "отследить:2", "трек-номер:2", "трек номер:2", "трекинг:2", "не пришел:2",
                   "не пришёл:2", "не пришла:2", "не получил:2", "не получила:2", "до сих пор не:2",
                   "до сих пор жду:2", "все еще жду:2", "всё ещё жду:2", "когда придет:2", "когда придёт:2",
                   "отправлен ли:3", "отправили ли:3", "уже отправили:2", "в пути:2", "когда доставят:2", "когда я получу:2", "посылк:1", "курьер:1"],
            "sk": ["kde je moja objednávka:3", "kde je moja zásielka:3", "kde je objednávka:3", "stav objednávky:3",
                   "sledovanie zásielky:3", "sledovani:2", "sledovacie číslo:2", "nedorazil:2", "nedorazila:2",
                   "neprišl:2", "neprišiel:2", "nedostal:2", "stále čakám:2", "kedy príde:2", "bola odoslaná:2",
                   "bola odoslaná:2", "zásielk:1", "kuriér:1"],
            "cs": ["kde je moje objednávka:3", "kde je moje zásilka:3", "kde je objednávka:3", "stav objednávky:3",
                   "sledování zásilky:3", "sledování:2", "sledovací číslo:2", "nedorazil:2", "nedorazila:2",
                   "nepřišl:2", "nepřišel:2", "nedostal:2", "stále čekám:2", "pořád čekám:2", "kdy přijde:2",
                   "byla odeslána:2", "zásilk:1", "kurýr:1"],
            "de": ["wo ist meine bestellung:3", "wo bleibt meine bestellung:3", "wo ist mein paket:3",
                   "wo bleibt mein paket:3", "bestellstatus:3", "status meiner bestellung:3",
                   "sendungsverfolgung:2", "sendungsnummer:2", "nicht angekommen:2", "noch nicht angekommen:2",
                   "nicht erhalten:2", "noch nicht erhalten:2", "nicht geliefert:2", "warte noch:2",
                   "warte immer noch:2", "wann kommt meine:3", "wann kommt mein:3", "schon verschickt:2",
                   "bereits versandt:2", "schon versendet:2", "paket:1"],
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
            "en": ["how long does delivery:3", "how long does shipping:3", "how long will delivery:3",
                   "how long will shipping:3", "how long will it take:2", "how long does it take:2",
                   "how long:1", "delivery time:3", "shipping time:3", "delivery take:2", "shipping take:2",
                   "when will it arrive:2", "how many days:2", "business days:1", "working days:1", "next day:1",
                   "express delivery:2", "express shipping:2", "dispatch time:3", "when do you ship:3",
                   "when do you dispatch:3", "when will you ship:2", "ship to:1", "deliver to:1",
                   "international shipping:2", "delivery estimate:3", "estimated delivery:3", "arrive by:2", "arrive in time:3",
                   "arrive before:2", "in time for:2", "delivery:1", "deliver:1", "shipping:1"],
            "pl": ["ile trwa dostawa:3", "ile trwa wysyłka:3", "ile trwa przesyłka:3", "ile trwa:2",
                   "czas dostawy:3", "czas wysyłki:3", "czas realizacji:3", "termin dostawy:3",
                   "termin wysyłki:3", "kiedy wyślecie:3", "kiedy wysyłacie:3", "kiedy zostanie wysłane:2",
                   "ile dni:2", "jak długo:2", "dni robocz:1", "dostawa ekspresowa:2", "wysyłka za granicę:2",
                   "wysyłacie do:2", "dostarczacie do:2", "na kiedy:2", "zdąży:2", "przed świętami:2", "czy dotrze:2", "dotrze przed:3",
                   "dostaw:1", "wysyłk:1"],
            "uk": ["скільки часу:2", "скільки триває доставка:3", "скільки йде:3", "термін доставки:3",
                   "терміни доставки:3", "строк доставки:3", "строки доставки:3", "скільки днів:2",
                   "як довго:2", "коли відправите:3", "коли відправляєте:3", "робочих днів:1",
                   "експрес-доставк:2", "доставляєте в:2", "встигне:2", "доставк:1", "відправк:1"],
            "ru": ["сколько времени:2", "сколько идет:3", "сколько идёт:3", "срок доставки:3", "сроки доставки:3",
                   "время доставки:3", "сколько дней:2", "как долго:2", "когда отправите:3",
                   "когда отправляете:3", "рабочих дней:1", "экспресс-доставк:2", "доставляете в:2",
                   "успеет:2", "доставк:1", "отправк:1"],
            "sk": ["ako dlho trvá doručenie:3", "ako dlho trvá:2", "ako dlho:2", "doba doručenia:3",
                   "čas doručenia:3", "dodacia lehota:3", "koľko dní:2", "pracovných dní:1", "kedy odošlete:3",
                   "doručujete do:2", "expresné doručenie:2", "doručeni:1", "dodani:1", "doprav:1"],
            "cs": ["jak dlouho trvá doručení:3", "jak dlouho trvá:2", "jak dlouho:2", "doba doručení:3",
                   "dodací lhůta:3", "doba dodání:3", "kolik dní:2", "pracovních dní:1", "kdy odešlete:3",
                   "doručujete do:2", "expresní doručení:2", "doručení:1", "dodání:1", "doprav:1"],
            "de": ["wie lange dauert der versand:3", "wie lange dauert die lieferung:3", "wie lange dauert:2",
                   "wie lange:2", "lieferzeit:3", "lieferdauer:3", "versanddauer:3", "wann wird versendet:3",
                   "wann versenden sie:3", "wie viele tage:2", "werktage:1", "liefern sie nach:2",
                   "versenden sie nach:2", "rechtzeitig:2", "lieferung:1", "versand:1"],
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
            "en": ["shipping cost:3", "delivery cost:3", "delivery charge:3", "shipping fee:3", "delivery fee:3",
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
                   "darmow:1"],
            "uk": ["вартість доставки:3", "ціна доставки:3", "скільки коштує доставка:3",
                   "скільки коштує відправка:3", "безкоштовна доставка:3", "безкоштовної доставки:3",
                   "безкоштовну доставку:3", "платна доставка:2", "коштуватиме:2", "коштуватиме доставка:3", "оплата доставки:2", "за доставку:2",
                   "вартість:1", "коштує:1", "безкоштовн:1"],
            "ru": ["стоимость доставки:3", "цена доставки:3", "сколько стоит доставка:3",
                   "сколько стоит отправка:3", "бесплатная доставка:3", "бесплатной доставки:3",
                   "бесплатную доставку:3", "платная доставка:2", "будет стоить:2", "оплата доставки:2", "за доставку:2",
                   "стоимость:1", "стоит:1", "бесплатн:1"],
            "sk": ["cena dopravy:3", "cena doručenia:3", "cena poštovného:3", "koľko stojí doprava:3",
                   "koľko stojí doručenie:3", "koľko stojí poštovné:3", "poštovné:2", "doprava zadarmo:3",
                   "doprava zdarma:3", "doručenie zadarmo:3", "poplatok za dopravu:3", "za dopravu:2", "stojí:1", "zadarmo:1"],
            "cs": ["cena dopravy:3", "cena doručení:3", "kolik stojí doprava:3", "kolik stojí doručení:3",
                   "kolik stojí poštovné:3", "poštovné:2", "doprava zdarma:3", "doručení zdarma:3",
                   "poplatek za dopravu:3", "dopravné:2", "za dopravu:2", "stojí:1", "zdarma:1"],
            "de": ["versandkosten:3", "lieferkosten:3", "was kostet der versand:3", "was kostet die lieferung:3",
                   "kostenloser versand:3", "kostenlose lieferung:3", "versandkostenfrei:3", "porto:2",
                   "versandgebühr:3", "liefergebühr:3", "kostet:1", "kostenlos:1", "gebühr:1"],
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
                   "oddać:1"],
            "uk": ["повернути:2", "повернення:2", "повернення товару:3", "як повернути:3", "відправити назад:2",
                   "поверну:2", "повертаю:2"],
            "ru": ["вернуть:2", "возврат:2", "возврат товара:3", "как вернуть:3", "отправить обратно:2",
                   "верну:2", "возвращаю:2"],
            "sk": ["vrátiť:2", "vrátenie:2", "vrátenie tovaru:3", "ako vrátiť:3", "poslať späť:2",
                   "odstúpenie od zmluvy:3", "odstúpiť:2", "vrátim:2"],
            "cs": ["vrátit:2", "vrácení:2", "vrácení zboží:3", "jak vrátit:3", "poslat zpět:2",
                   "odstoupení od smlouvy:3", "odstoupit:2", "vrátím:2", "vratk:2"],
            "de": ["rücksendung:2", "zurückschicken:2", "zurücksenden:2", "zurückzuschicken:2",
                   "zurückzusenden:2", "retoure:2", "retourniere:2", "retournieren:2", "rückgabe:2",
                   "widerruf:2", "zurückgeben:2", "rücksendeetikett:3", "retourenschein:3"],
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
            "en": ["refund:3", "money back:3", "my money:2", "reimburs:3", "credited back:3", "credit back:2",
                   "get my money:3", "paid back:2", "refunded:3"],
            "pl": ["zwrot pieniędzy:4", "zwrot środków:4", "zwrot kasy:4", "zwrotu pieniędzy:4",
                   "zwrotu środków:4", "zwrot należności:4", "zwrot płatności:4", "pieniądze:2", "pieniędzy:2",
                   "środki:1", "środków:1", "oddanie pieniędzy:3", "przelew zwrotny:3", "zwrócicie pieniądze:4",
                   "kiedy dostanę pieniądze:4", "zwrócone środki:4", "zwrócone pieniądze:4", "na konto:1", "na kartę:1"],
            "uk": ["повернуться кошти:4", "кошти повернуться:4", "повернуться гроші:4", "повернення коштів:4",
                   "повернення грошей:4", "повернути гроші:4", "повернути кошти:4",
                   "повернете гроші:4", "повернете кошти:4", "гроші:2", "грошей:2", "кошти:2", "коштів:2",
                   "на картку:1", "на рахунок:1"],
            "ru": ["вернутся деньги:4", "деньги вернутся:4", "возврат денег:4", "возврат средств:4", "вернуть деньги:4", "вернуть средства:4",
                   "вернете деньги:4", "вернёте деньги:4", "деньги:2", "денег:2", "средства:1", "средств:1",
                   "на карту:1", "на счет:1", "на счёт:1"],
            "sk": ["vrátenie peňazí:4", "vrátiť peniaze:4", "vrátenie platby:4", "vrátite peniaze:4",
                   "peniaze:2", "peňazí:2", "refundáci:3", "na účet:1", "na kartu:1"],
            "cs": ["vrácení peněz:4", "vrátit peníze:4", "vrácení platby:4", "vrátíte peníze:4", "peníze:2",
                   "peněz:2", "refundac:3", "na účet:1", "na kartu:1"],
            "de": ["rückerstattung:4", "erstattung:3", "geld zurück:4", "mein geld:3", "geld:2", "gutschrift:2",
                   "zurückerstattet:4", "erstattet:3"],
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
                   "mniejszy rozmiar:2", "inny kolor:2", "na większy:2", "na mniejszy:2"],
            "uk": ["обмін:3", "обміня:3", "поміняти:3", "заміна:2", "замінити на:2", "інший розмір:2",
                   "більший розмір:2", "менший розмір:2", "інший колір:2"],
            "ru": ["обмен:3", "обменя:3", "поменять:3", "замена:2", "заменить на:2", "другой размер:2",
                   "больший размер:2", "меньший размер:2", "другой цвет:2", "на размер больше:3",
                   "на размер меньше:3"],
            "sk": ["výmen:3", "vymeniť:3", "zameniť:3", "inú veľkosť:2", "väčšiu veľkosť:2", "menšiu veľkosť:2",
                   "inú farbu:2"],
            "cs": ["výměn:3", "vyměnit:3", "zaměnit:3", "jinou velikost:2", "větší velikost:2",
                   "menší velikost:2", "jinou barvu:2"],
            "de": ["umtausch:3", "umtauschen:3", "tauschen:3", "andere größe:2", "größere größe:2",
                   "kleinere größe:2", "eine nummer größer:3", "eine nummer kleiner:3", "andere farbe:2"],
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
                   "długość wkładki:3", "wkładk:2", "rozmiarach:1"],
            "uk": ["таблиця розмірів:3", "таблицю розмірів:3", "розмірна сітка:3", "розмірну сітку:3",
                   "розмірна таблиця:3", "який розмір:3", "розмір:1", "маломір:3", "великомір:3", "замалий:1",
                   "завеликий:1", "довжина устілки:3", "устілк:2", "обхват:2"],
            "ru": ["таблица размеров:3", "таблицу размеров:3", "размерная сетка:3", "размерную сетку:3",
                   "какой размер:3", "размер:1", "маломер:3", "большемер:3", "маловат:1", "великоват:1",
                   "длина стельки:3", "стельк:2", "обхват:2"],
            "sk": ["tabuľka veľkostí:3", "tabuľku veľkostí:3", "veľkostná tabuľka:3", "akú veľkosť:3",
                   "aká veľkosť:3", "veľkosť:1", "veľkosti:1", "sedí:1"],
            "cs": ["tabulka velikostí:3", "tabulku velikostí:3", "velikostní tabulka:3", "jakou velikost:3",
                   "jaká velikost:3", "velikost:1", "velikosti:1", "padne:1"],
            "de": ["größentabelle:3", "größenberater:3", "welche größe:3", "fällt klein aus:3", "fällt groß aus:3",
                   "größe:1", "größen:1", "passform:2", "passt:1", "zu klein:1", "zu groß:1"],
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
            "pl": ["materiał:2", "z jakiego materiału:3", "skład:2", "wymiary:2", "wodoodporn:2", "jak prać:3",
                   "prani:2", "prać:2", "bawełn:1", "skór:1", "wełn:1", "specyfikacj:2", "parametr:1",
                   "czy nadaje się:2", "szczegóły produktu:3", "gramatur:2"],
            "uk": ["матеріал:2", "склад:2", "габарит:2", "водонепроникн:2", "як прати:3", "прання:2",
                   "бавовн:1", "шкір:1", "вовн:1", "характеристик:2", "чи підходить:2", "тканин:2"],
            "ru": ["материал:2", "состав:2", "из чего:2", "габарит:2", "водонепроницаем:2", "как стирать:3",
                   "стирк:2", "хлопок:1", "хлопк:1", "кожа:1", "кожи:1", "шерст:1", "характеристик:2", "=ткань:2", "=ткани:2",
                   "подходит ли:2"],
            "sk": ["materiál:2", "zloženie:2", "rozmery:2", "vodeodoln:2", "ako prať:3", "pranie:2", "bavln:1",
                   "koža:1", "vlna:1", "parametr:1", "hodí sa:1"],
            "cs": ["materiál:2", "složení:2", "rozměry:2", "voděodoln:2", "jak prát:3", "praní:2", "bavln:1",
                   "kůže:1", "vlna:1", "parametr:1", "hodí se:1"],
            "de": ["material:2", "=stoff:2", "aus welchem:2", "zusammensetzung:2", "=maße:2", "abmessungen:2",
                   "wasserdicht:2", "waschen:2", "pflegehinweis:3", "baumwolle:1", "leder:1", "wolle:1",
                   "eigenschaften:1", "geeignet:1", "produktdetails:3"],
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
                   "powiadom:1"],
            "uk": ["в наявності:3", "немає в наявності:3", "наявн:2", "коли з'явиться:3", "коли зʼявиться:3",
                   "розпродан:2", "знову буде:2", "коли буде:1"],
            "ru": ["в наличии:3", "нет в наличии:3", "наличи:2", "когда появится:3", "распродан:2",
                   "снова будет:2", "в продаже:2", "в продажу:2", "поступлени:2", "когда будет:1"],
            "sk": ["skladom:3", "na sklade:3", "nie je skladom:3", "nedostupn:2", "vypredan:2", "naskladn:3",
                   "dostupn:1", "kedy bude:1"],
            "cs": ["skladem:3", "na skladě:3", "není skladem:3", "nedostupn:2", "vyprodan:2", "naskladn:3",
                   "dostupn:1", "kdy bude:1"],
            "de": ["auf lager:3", "nicht vorrätig:3", "vorrätig:2", "nicht verfügbar:2", "lieferbar:2",
                   "wieder da:3", "wieder verfügbar:3", "ausverkauft:3", "wann wieder:2", "verfügbar:1"],
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
            "en": ["payment failed:4", "payment didn't go through:4", "payment did not go through:4",
                   "payment was declined:4", "card was declined:4", "card declined:4", "declined:2",
                   "charged twice:4", "double charged:4", "charged me twice:4", "paid twice:4",
                   "payment error:4", "payment problem:4", "problem with payment:4", "problem with my payment:4",
                   "can't pay:3", "cannot pay:3", "unable to pay:3", "paid but:3", "money was taken:3",
                   "money has been taken:3", "taken from my account:3", "transaction failed:4",
                   "error when paying:4", "payment not confirmed:3", "payment pending:3", "payment:1"],
            "pl": ["płatność nie przeszła:4", "płatność nie powiodła:4", "nieudana płatność:4",
                   "płatność została odrzucona:4", "odrzucon:2", "karta odrzucona:4", "pobrano dwa razy:4",
                   "pobraliście dwa razy:4", "zapłaciłam dwa razy:4", "zapłaciłem dwa razy:4", "podwójnie:2",
                   "dwukrotnie:2", "błąd płatności:4", "problem z płatnością:4", "nie mogę zapłacić:3",
                   "zapłaciłam, a:3", "zapłaciłem, a:3", "pieniądze zeszły:3", "pobrano pieniądze:3",
                   "płatność wisi:3", "płatnoś:1"],
            "uk": ["оплата не пройшла:4", "платіж не пройшов:4", "платіж відхилено:4", "відхилен:2",
                   "списали двічі:4", "двічі списали:4", "оплатила двічі:4", "оплатив двічі:4",
                   "помилка оплати:4", "помилка при оплаті:4", "проблема з оплатою:4", "не можу оплатити:3",
                   "гроші списали:3", "списали гроші:3", "кошти списано:3", "оплатила, але:3",
                   "оплатив, але:3", "не проходить:3", "помилка:2", "оплат:1", "платіж:1"],
            "ru": ["оплата не прошла:4", "платеж не прошел:4", "платёж не прошёл:4", "платеж отклонен:4",
                   "отклонен:2", "списали дважды:4", "дважды списали:4", "оплатила дважды:4",
                   "оплатил дважды:4", "ошибка оплаты:4", "ошибка при оплате:4", "проблема с оплатой:4",
                   "не могу оплатить:3", "деньги списали:3", "списали деньги:3", "деньги списались:3",
                   "оплатил, но:3", "оплатила, но:3", "не проходит:3", "ошибка:2", "оплат:1", "платеж:1", "платёж:1"],
            "sk": ["platba neprešla:4", "platba zlyhala:4", "platba bola zamietnutá:4", "zamietnut:2",
                   "strhli dvakrát:4", "zaplatila som dvakrát:4", "zaplatil som dvakrát:4", "chyba platby:4",
                   "problém s platbou:4", "neviem zaplatiť:3", "nemôžem zaplatiť:3", "peniaze mi strhli:3",
                   "platb:1"],
            "cs": ["platba neprošla:4", "platba selhala:4", "platba byla zamítnuta:4", "zamítnut:2",
                   "strhli dvakrát:4", "zaplatila jsem dvakrát:4", "zaplatil jsem dvakrát:4", "chyba platby:4",
                   "problém s platbou:4", "nemohu zaplatit:3", "nemůžu zaplatit:3", "peníze mi strhli:3",
                   "strhli peníze:3", "platb:1"],
            "de": ["zahlung fehlgeschlagen:4", "zahlung ist fehlgeschlagen:4", "zahlung abgelehnt:4",
                   "karte abgelehnt:4", "abgelehnt:2", "doppelt abgebucht:4", "zweimal abgebucht:4",
                   "doppelt bezahlt:4", "zahlungsfehler:4", "problem mit der zahlung:4", "kann nicht bezahlen:3",
                   "geld wurde abgebucht:3", "abgebucht:2", "zahlung:1"],
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
            "en": ["payment methods:4", "payment method:4", "payment options:4", "can i pay:3", "pay with:3",
                   "pay by:3", "pay via:3", "paypal:3", "apple pay:3", "google pay:3", "klarna:3",
                   "cash on delivery:4", "bank transfer:3", "instalments:3", "installments:3", "pay later:3",
                   "accept cards:3", "do you accept:3", "credit card:2", "debit card:2", "=visa:2",
                   "mastercard:2", "=blik:3"],
            "pl": ["metody płatności:4", "metod płatności:4", "formy płatności:4", "forma płatności:4",
                   "formę płatności:4", "sposoby płatności:4", "sposób płatności:4", "czy mogę zapłacić:3",
                   "zapłacić kartą:3", "zapłacić blikiem:3", "płatność przy odbiorze:4", "za pobraniem:4",
                   "przelewem:2", "przelew tradycyjny:3", "=raty:3", "na raty:3", "=blik:3", "blikiem:3",
                   "przelewy24:3", "=payu:3", "=paypo:3", "odroczona płatność:3"],
            "uk": ["способи оплати:4", "спосіб оплати:4", "варіанти оплати:4", "чи можна оплатити:3",
                   "оплатити карткою:3", "оплата карткою:3", "накладений платіж:4", "накладеним платежем:4",
                   "післяплат:4", "оплата при отриманні:4", "розстрочк:3", "частинами:2"],
            "ru": ["способы оплаты:4", "способ оплаты:4", "варианты оплаты:4", "можно ли оплатить:3",
                   "можно оплатить:3", "оплатить картой:3", "оплата картой:3", "наложенный платеж:4",
                   "наложенный платёж:4", "наложенным платежом:4", "оплата при получении:4", "рассрочк:3",
                   "частями:2", "=сбп:3"],
            "sk": ["spôsoby platby:4", "spôsob platby:4", "možnosti platby:4", "môžem zaplatiť:3",
                   "platba kartou:3", "zaplatiť kartou:3", "dobierk:4", "bankovým prevodom:3", "splátk:3"],
            "cs": ["způsoby platby:4", "způsob platby:4", "možnosti platby:4", "mohu zaplatit:3",
                   "můžu zaplatit:3", "platba kartou:3", "zaplatit kartou:3", "dobírk:4", "bankovním převodem:3",
                   "splátk:3"],
            "de": ["zahlungsarten:4", "zahlungsart:4", "zahlungsmethoden:4", "zahlungsmöglichkeiten:4",
                   "kann ich bezahlen:3", "bezahlen mit:3", "per nachnahme:4", "nachnahme:4",
                   "kauf auf rechnung:4", "auf rechnung:4", "vorkasse:3", "sofortüberweisung:3",
                   "ratenzahlung:3", "kreditkarte:2"],
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
                   "kodu nie działa:4", "promocj:2"],
            "uk": ["промокод:4", "промо-код:4", "код знижки:4", "знижк:3", "купон:3", "подарунковий сертифікат:3",
                   "сертифікат:2", "код не працює:4", "акці:2"],
            "ru": ["промокод:4", "промо-код:4", "код скидки:4", "скидк:3", "купон:3", "подарочный сертификат:3",
                   "сертификат:2", "код не работает:4", "акци:2"],
            "sk": ["zľavový kód:4", "zľavového kódu:4", "zľav:3", "kupón:3", "poukážk:3", "poukaz:3",
                   "kód nefunguje:4", "darčekov:2"],
            "cs": ["slevový kód:4", "slevového kódu:4", "slev:3", "kupón:3", "kupon:3", "poukaz:3", "poukázk:3",
                   "kód nefunguje:4", "dárkov:2"],
            "de": ["rabattcode:4", "gutscheincode:4", "gutschein:3", "rabatt:3", "aktionscode:4",
                   "code funktioniert nicht:4", "geschenkgutschein:3", "geschenkkarte:3"],
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
            "en": ["invoice:4", "vat invoice:4", "receipt:3", "tax invoice:4", "vat number:3", "vat id:3",
                   "company details:2", "proof of purchase:3", "=vat:1", "tax id:3"],
            "pl": ["faktur:4", "paragon:3", "=nip:3", "na firmę:3", "dane do faktury:4", "duplikat:2"],
            "uk": ["рахунок-фактур:4", "рахунок фактур:4", "податкова накладна:4", "податкову накладну:4",
                   "видаткова накладна:4", "видаткову накладну:4", "=чек:3", "фіскальний чек:4", "=єдрпоу:3",
                   "=іпн:3", "для юридичн:2", "=пдв:2", "документи для бухгалтерії:4"],
            "ru": ["счет-фактур:4", "счёт-фактур:4", "счет фактур:4", "счёт фактур:4", "=чек:3",
                   "кассовый чек:4", "закрывающие документы:4", "=инн:3", "=ндс:2", "для юрлиц:3",
                   "для юридическ:2", "товарная накладная:4", "товарную накладную:4", "счет на оплату:3",
                   "счёт на оплату:3", "квитанци:2", "документы для бухгалтерии:4"],
            "sk": ["faktúr:4", "daňový doklad:4", "pokladničný doklad:3", "bloček:3", "=ičo:3", "=dič:3",
                   "ič dph:3", "na firmu:3"],
            "cs": ["faktur:4", "daňový doklad:4", "účtenk:3", "=ičo:3", "=dič:3", "na firmu:3"],
            "de": ["rechnung:4", "rechnungskopie:4", "quittung:3", "=beleg:2", "kassenbon:3", "ust-id:3",
                   "umsatzsteuer:2", "=mwst:2", "firmenrechnung:4"],
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
            "en": ["cancel:4", "change my order:4", "change the order:3", "modify my order:4", "edit my order:4",
                   "change my address:3", "change the address:3", "change the delivery address:3",
                   "change the shipping address:3", "wrong address:3", "change the size in my order:4",
                   "add an item to my order:4", "add something to my order:4", "add to my order:4",
                   "remove an item from my order:4", "update my order:4", "ordered by mistake:3",
                   "stop the order:3", "stop my order:3", "=amend:3"],
            "pl": ["anulow:4", "anulacj:4", "rezygnacj:3", "rezygnuję:3", "zrezygnować:3",
                   "zmienić zamówienie:4", "zmiana zamówienia:4", "zmienić adres:3", "zmiana adresu:3",
                   "zły adres:3", "błędny adres:3", "dodać do zamówienia:4", "usunąć z zamówienia:4",
                   "edytować zamówienie:4", "zmodyfikować zamówienie:4", "przez pomyłkę:3", "wstrzymać:3"],
            "uk": ["скасув:4", "скасуй:4", "відмінити замовлення:4", "відмінити:3", "змінити замовлення:4",
                   "змінити адресу:3", "зміна адреси:3", "неправильну адресу:3", "додати до замовлення:4",
                   "додати в замовлення:4", "прибрати з замовлення:4", "помилково замовил:3",
                   "помилково замовив:3", "відмовитися від замовлення:4"],
            "ru": ["отмен:4", "изменить заказ:4", "изменение заказа:4", "поменять адрес:3", "изменить адрес:3",
                   "неправильный адрес:3", "добавить в заказ:4", "добавить к заказу:4", "убрать из заказа:4",
                   "по ошибке:3", "отказаться от заказа:4"],
            "sk": ["zrušiť:4", "zrušeni:4", "stornov:4", "zmeniť objednávku:4", "zmena objednávky:4",
                   "zmeniť adresu:3", "zmena adresy:3", "nesprávnu adresu:3", "pridať do objednávky:4",
                   "odstrániť z objednávky:4", "omylom:2"],
            "cs": ["zrušit:4", "zrušení:4", "stornov:4", "změnit objednávku:4", "změna objednávky:4",
                   "změnit adresu:3", "změna adresy:3", "špatnou adresu:3", "přidat do objednávky:4",
                   "odebrat z objednávky:4", "omylem:2"],
            "de": ["stornieren:4", "stornierung:4", "=storno:4", "storniere:4", "bestellung ändern:4",
                   "bestellung abändern:4", "adresse ändern:3", "lieferadresse ändern:3", "falsche adresse:3",
                   "zur bestellung hinzufügen:4", "aus der bestellung entfernen:4", "versehentlich bestellt:3",
                   "abbestellen:4"],
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
            "en": ["damaged:4", "broken:4", "defective:4", "faulty:4", "wrong item:4", "wrong product:4",
                   "wrong colour:3", "wrong color:3", "wrong size was sent:4", "sent the wrong:4",
                   "sent me the wrong:4", "not what i ordered:4", "missing item:4", "item missing:4",
                   "missing from my order:4", "is missing:3", "incomplete:3", "torn:3", "ripped:3", "stain:3",
                   "scratch:3", "cracked:3", "hole in:3", "complaint:3", "doesn't work:2", "does not work:2",
                   "stopped working:3", "fell apart:4", "poor quality:3", "smashed:4", "dented:3"],
            "pl": ["uszkodz:4", "zniszcz:4", "zepsut:4", "zepsuł:4", "wadliw:4", "=wada:3", "wadę:3",
                   "reklamacj:4", "reklamować:4", "zły produkt:4", "zły kolor:3", "nie ten produkt:4",
                   "nie to, co zamówi:4", "nie to co zamówi:4", "inny produkt niż:4", "brakuje:3",
                   "niekompletn:3", "rozdart:3", "=dziura:3", "dziurę:3", "=plama:3", "=plamy:3", "porysowan:3",
                   "pęknięt:4", "pękł:4", "popęka:4", "rozbit:4", "nie działa:2", "przestał działać:3", "słaba jakość:3",
                   "pogniecion:3"],
            "uk": ["пошкодж:4", "зламан:4", "розбит:4", "=брак:3", "бракован:4", "бракує:3", "дефект:4",
                   "рекламаці:4", "не той товар:4", "не той розмір:3", "не той колір:3", "прийшов інший:4",
                   "прийшла інша:4", "неповн:2", "порван:3", "дірк:3", "=пляма:3", "=плями:3", "подряпин:3",
                   "тріщин:4", "не працює:2", "перестав працювати:3", "погана якість:3", "неякісн:3"],
            "ru": ["поврежд:4", "сломан:4", "разбит:4", "бракован:4", "=брак:3", "дефект:4", "рекламаци:4",
                   "претензи:3", "не тот товар:4", "не тот размер:3", "не тот цвет:3", "прислали другой:4",
                   "пришел другой:4", "пришёл другой:4", "пришла другая:4", "не хватает:3", "некомплект:3",
                   "порван:3", "дырк:3", "=пятно:3", "=пятна:3", "царапин:3", "трещин:4", "не работает:2",
                   "перестал работать:3", "плохое качество:3", "некачествен:3"],
            "sk": ["poškoden:4", "rozbit:4", "zničen:4", "pokazen:4", "chybn:3", "vadn:4", "reklamáci:4",
                   "reklamovať:4", "nesprávny tovar:4", "nesprávnu veľkosť:3", "nesprávnu farbu:3",
                   "iný tovar:4", "chýba:3", "nekompletn:3", "roztrhn:3", "=diera:3", "škvrn:3",
                   "poškriaban:3", "prasknut:4", "nefunguje:2", "zlá kvalita:3"],
            "cs": ["poškozen:4", "rozbit:4", "zničen:4", "vadn:4", "reklamac:4", "reklamovat:4",
                   "špatné zboží:4", "jiné zboží:4", "špatnou velikost:3", "špatnou barvu:3", "chybí:3",
                   "nekompletn:3", "roztržen:3", "=díra:3", "skvrn:3", "poškrában:3", "prasklin:4",
                   "nefunguje:2", "špatná kvalita:3"],
            "de": ["beschädigt:4", "kaputt:4", "defekt:4", "mangelhaft:4", "reklamation:4", "reklamieren:4",
                   "falscher artikel:4", "falschen artikel:4", "falsche größe geliefert:4", "falsche farbe:3",
                   "falsch geliefert:4", "nicht das, was ich bestellt:4", "nicht das was ich bestellt:4",
                   "=fehlt:3", "unvollständig:3", "zerrissen:3", "=loch:3", "=fleck:3", "kratzer:3", "=riss:3",
                   "gebrochen:4", "funktioniert nicht:2", "schlechte qualität:3"],
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
            "en": ["my account:3", "log in:3", "login:3", "sign in:3", "password:4", "create an account:4",
                   "register:3", "registration:3", "delete my account:4", "unsubscribe:2", "newsletter:1",
                   "verification email:3", "can't access:2"],
            "pl": ["konto:2", "konta:2", "kontem:2", "koncie:2", "zalogowa:4", "logowani:4", "hasło:4",
                   "hasła:4", "rejestracj:3", "zarejestrowa:3", "usunąć konto:4", "newsletter:1", "wypisać:2"],
            "uk": ["обліковий запис:4", "обліков:3", "акаунт:3", "особистий кабінет:4", "кабінет:2",
                   "пароль:4", "увійти:3", "=вхід:2", "зареєструв:3", "реєстраці:3", "видалити акаунт:4",
                   "розсилк:1"],
            "ru": ["аккаунт:3", "учетн:3", "учётн:3", "личный кабинет:4", "кабинет:2", "пароль:4", "войти:3",
                   "=вход:2", "зарегистр:3", "регистраци:3", "удалить аккаунт:4", "рассылк:1"],
            "sk": ["účet:2", "účtu:2", "prihlás:4", "prihlasov:4", "heslo:4", "hesla:4", "registráci:3",
                   "zaregistr:3", "zrušiť účet:4", "newsletter:1"],
            "cs": ["účet:2", "účtu:2", "přihlás:4", "přihlaš:4", "heslo:4", "hesla:4", "registrac:3",
                   "zaregistr:3", "zrušit účet:4", "newsletter:1"],
            "de": ["konto:2", "kundenkonto:4", "anmelden:3", "anmeldung:3", "einloggen:4", "login:3",
                   "passwort:4", "kennwort:4", "registrier:3", "konto löschen:4", "newsletter:1"],
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
            "en": ["phone number:1", "call you:3", "speak to someone:3", "speak to a person:3",
                   "talk to someone:3", "opening hours:4", "are you open:4", "customer service hours:4",
                   "business hours:4", "contact you:3", "how can i contact:4", "how do i contact:4",
                   "reach you:3", "live chat:3", "contact:1", "open on:2"],
            "pl": ["numer telefonu:1", "zadzwonić:3", "dodzwonić:3", "godziny otwarcia:4", "godziny pracy:4",
                   "w jakich godzinach:4", "czy jesteście otwarci:4", "kontakt:2", "skontaktowa:3", "infolini:3", "biuro obsługi:3", "nie odbiera:2",
                   "=czat:2", "porozmawiać z:3"],
            "uk": ["номер телефону:1", "зателефонувати:3", "подзвонити:3", "додзвонитися:3", "години роботи:4",
                   "графік роботи:4", "зв'язатися:3", "зв’язатися:3", "звʼязатися:3", "контакт:2",
                   "гаряча лінія:3", "=чат:2", "поговорити з:3"],
            "ru": ["номер телефона:1", "позвонить:3", "дозвониться:3", "часы работы:4", "график работы:4",
                   "связаться:3", "контакт:2", "горячая линия:3", "=чат:2", "поговорить с:3"],
            "sk": ["telefónne číslo:1", "zavolať:3", "dovolať:3", "otváracie hodiny:4", "pracovná doba:4",
                   "kontaktovať:3", "kontakt:2", "infolinka:3", "=chat:2"],
            "cs": ["telefonní číslo:1", "zavolat:3", "dovolat:3", "otevírací doba:4", "provozní doba:4",
                   "kontaktovat:3", "kontakt:2", "infolinka:3", "=chat:2"],
            "de": ["telefonnummer:1", "anrufen:3", "erreichen:3", "öffnungszeiten:4", "geschäftszeiten:4",
                   "servicezeiten:4", "kontaktieren:3", "kontakt:2", "hotline:3", "=chat:2"],
        },
    ),
]}

assert tuple(TOPICS) == TOPIC_IDS and set(PRIORITY) == set(TOPIC_IDS)
_RANK = {topic_id: rank for rank, topic_id in enumerate(PRIORITY)}


# ------------------------------------------------------------------------------------------ the matcher

_NORMALISE = re.compile(r"[\s\u00a0]+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "ё": "е"})


def normalise(text: str) -> str:
    """Lower case, one space between words, one kind of apostrophe, ё as е (Russian writes both)."""
    return _NORMALISE.sub(" ", text.lower().translate(_APOSTROPHES))


def _parse(term: str) -> tuple[str, int, bool]:
    whole = term.startswith("=")
    term = term.lstrip("=")
    weight = 0
    if ":" in term:
        head, _, tail = term.rpartition(":")
        if tail.isdigit():
            term, weight = head, int(tail)
    term = normalise(term).strip()
    return term, weight or (2 if " " in term else 1), whole


_END_PREFIX, _END_WHOLE = "\x00p", "\x00w"


def _trie_regex(node: dict) -> str:
    children = sorted(k for k in node if not k.startswith("\x00"))
    alternatives = [re.escape(ch) + _trie_regex(node[ch]) for ch in children]
    if _END_WHOLE in node:
        alternatives.append(r"(?!\w)")
    if _END_PREFIX in node:
        alternatives.append("")
    if len(alternatives) == 1:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + ")"


class Matcher:
    """One trie-shaped regex over every term; a match maps back to (topic, weight) pairs."""

    def __init__(self, topics: Iterable[Topic]):
        self.lookup: dict[tuple[str, bool], list[tuple[str, int]]] = {}
        trie: dict = {}
        for topic in topics:
            for terms in topic.terms.values():
                for raw in terms:
                    term, weight, whole = _parse(raw)
                    if not term:
                        continue
                    entries = self.lookup.setdefault((term, whole), [])
                    if all(t != topic.id for t, _ in entries):
                        entries.append((topic.id, weight))
                    node = trie
                    for ch in term:
                        node = node.setdefault(ch, {})
                    node[_END_WHOLE if whole else _END_PREFIX] = True
        self.regex = re.compile(r"(?<!\w)" + _trie_regex(trie))

    def scores(self, text: str) -> dict[str, int]:
        """Topic → sum of the weights of the distinct terms found in ``text``."""
        text = normalise(text)
        found: set[tuple[str, bool]] = set()
        for match in self.regex.finditer(text):
            term, end = match.group(0), match.end()
            found.add((term, False))
            if end == len(text) or not (text[end].isalnum() or text[end] == "_"):
                found.add((term, True))  # ends at a word end: whole-word terms count too
        scores: dict[str, int] = {}
        for key in found:
            for topic_id, weight in self.lookup.get(key, ()):
                scores[topic_id] = scores.get(topic_id, 0) + weight
        return scores


@lru_cache(maxsize=1)
def matcher() -> Matcher:
    return Matcher(TOPICS.values())


def scores(text: str) -> dict[str, int]:
    return matcher().scores(text)


def best(score_map: dict[str, int]) -> str | None:
    if not score_map:
        return None
    return min(score_map, key=lambda t: (-score_map[t], _RANK[t]))


def assign(text: str) -> str | None:
    """The one topic of a ticket (``None`` when no term of any topic is in it)."""
    return best(scores(text))


def topics_of(text: str, min_ratio: float = 0.5, min_score: int = 1) -> list[str]:
    """Every topic a short text (an FAQ question, a heading, a page title) is about: the best one and any
    scoring at least ``min_ratio`` of it, best first."""
    score_map = scores(text)
    if not score_map:
        return []
    top = max(score_map.values())
    if top < min_score:
        return []
    chosen = [t for t, s in score_map.items() if s >= max(min_score, top * min_ratio)]
    return sorted(chosen, key=lambda t: (-score_map[t], _RANK[t]))


def label(topic_id: str, lang: str = "en") -> str:
    topic = TOPICS.get(topic_id)
    return topic.label(lang) if topic else topic_id


def question(topic_id: str, lang: str = "en") -> str:
    topic = TOPICS.get(topic_id)
    return topic.question(lang) if topic else ""
