"""The multilingual lexicon: every word clearcart looks for, in one place, for en, pl, uk, ru, sk, cs, de.

Heuristics never carry their own literals: they ask this module for a term group (``terms("contact")``)
or a compiled pattern (``pattern("contact")``). Terms are matched case-insensitively on word starts, so a
stem such as ``"dostaw"`` matches ``dostawa``, ``dostawy``, ``dostawie``.

Each group maps a language code to a list of stems/phrases. ``terms(group)`` returns all languages
(stores mix languages; a Polish store has English button labels), ``terms(group, lang)`` one language.
"""

from __future__ import annotations

import re
from functools import lru_cache

LANGUAGES = ("en", "pl", "uk", "ru", "sk", "cs", "de")

LEXICON: dict[str, dict[str, list[str]]] = {
    # ---------------------------------------------------------------- page types
    "cart": {
        "en": ["cart", "basket", "shopping bag", "my bag"],
        "pl": ["koszyk"],
        "uk": ["кошик"],
        "ru": ["корзин"],
        "sk": ["košík"],
        "cs": ["košík"],
        "de": ["warenkorb", "einkaufswagen"],
    },
    "checkout": {
        "en": ["checkout", "check out", "proceed to checkout"],
        "pl": ["kasa", "zamówienie", "zamawiam", "przejdź do kasy", "do kasy"],
        "uk": ["оформлення замовлення", "оформити замовлення", "оформити"],
        "ru": ["оформление заказа", "оформить заказ", "оформить"],
        "sk": ["pokladňa", "objednávka", "k pokladni", "pokračovať v objednávke"],
        "cs": ["pokladna", "objednávka", "k pokladně", "pokračovat v objednávce"],
        "de": ["kasse", "zur kasse", "bestellung"],
    },
    "contact": {
        "en": ["contact", "contact us", "get in touch", "customer service", "customer care"],
        "pl": ["kontakt", "obsługa klienta", "biuro obsługi"],
        "uk": ["контакт", "зв'яжіться", "звʼязатися", "служба підтримки"],
        "ru": ["контакт", "связаться", "служба поддержки"],
        "sk": ["kontakt", "zákaznícky servis", "zákaznícka podpora"],
        "cs": ["kontakt", "zákaznický servis", "zákaznická podpora"],
        "de": ["kontakt", "kundenservice", "kundendienst"],
    },
    "faq": {
        "en": ["faq", "frequently asked", "help", "help centre", "help center", "questions"],
        "pl": ["faq", "pytania", "najczęściej zadawane", "pomoc", "centrum pomocy"],
        "uk": ["питання", "часті питання", "допомога", "поширені запитання"],
        "ru": ["вопрос", "частые вопросы", "помощь", "чаво"],
        "sk": ["časté otázky", "otázky", "pomoc", "najčastejšie otázky"],
        "cs": ["časté dotazy", "dotazy", "otázky", "nápověda", "pomoc"],
        "de": ["faq", "häufige fragen", "hilfe", "fragen"],
    },
    "returns": {
        "en": ["return", "returns", "refund", "withdrawal", "exchange"],
        "pl": ["zwrot", "zwroty", "odstąpienie", "wymian", "reklamac"],
        "uk": ["поверненн", "повернути", "обмін"],
        "ru": ["возврат", "обмен"],
        "sk": ["vrátenie", "vrátiť", "odstúpenie", "výmen", "reklamáci"],
        "cs": ["vrácení", "vrátit", "odstoupení", "výměn", "reklamac"],
        "de": ["rückgabe", "retour", "widerruf", "umtausch", "rücksendung"],
    },
    "policy": {
        "en": ["terms", "conditions", "privacy", "policy", "shipping policy", "legal", "imprint"],
        "pl": ["regulamin", "polityka prywatności", "polityka", "warunki"],
        "uk": ["умови", "політика", "конфіденційн", "оферт"],
        "ru": ["условия", "политика", "конфиденциальн", "оферт"],
        "sk": ["obchodné podmienky", "podmienky", "ochrana osobných"],
        "cs": ["obchodní podmínky", "podmínky", "ochrana osobních"],
        "de": ["agb", "datenschutz", "impressum", "bedingungen"],
    },
    "category": {
        "en": ["category", "categories", "collection", "shop all", "products"],
        "pl": ["kategori", "kolekcj", "produkty"],
        "uk": ["категорі", "колекці", "товари"],
        "ru": ["категори", "коллекци", "товары", "каталог"],
        "sk": ["kategóri", "kolekci", "produkty"],
        "cs": ["kategori", "kolekce", "produkty"],
        "de": ["kategorie", "kollektion", "produkte", "sortiment"],
    },
    "add_to_cart": {
        "en": ["add to cart", "add to basket", "add to bag", "buy now"],
        "pl": ["dodaj do koszyka", "do koszyka", "kup teraz"],
        "uk": ["додати в кошик", "додати до кошика", "в кошик", "купити"],
        "ru": ["добавить в корзину", "в корзину", "купить"],
        "sk": ["pridať do košíka", "do košíka", "kúpiť"],
        "cs": ["přidat do košíku", "do košíku", "koupit"],
        "de": ["in den warenkorb", "jetzt kaufen", "kaufen"],
    },
    # ---------------------------------------------------------------- URL slugs (ASCII, as stores write paths)
    "slug_product": {
        "en": ["product", "products/", "item", "/p/", "dp/"],
        "pl": ["produkt"], "uk": ["tovar", "product"], "ru": ["tovar", "product"],
        "sk": ["produkt", "tovar"], "cs": ["produkt", "zbozi"], "de": ["produkt", "artikel"],
    },
    "slug_category": {
        "en": ["category", "categories", "collections", "collection", "shop/", "catalog"],
        "pl": ["kategoria", "kategorie", "kolekcja"], "uk": ["katehoriia", "kategoriya", "catalog"],
        "ru": ["kategoriya", "katalog", "catalog"], "sk": ["kategoria", "kategorie"],
        "cs": ["kategorie"], "de": ["kategorie", "kollektion"],
    },
    "slug_cart": {
        "en": ["cart", "basket"], "pl": ["koszyk"], "uk": ["koshyk", "cart"], "ru": ["korzina", "cart"],
        "sk": ["kosik"], "cs": ["kosik"], "de": ["warenkorb"],
    },
    "slug_checkout": {
        "en": ["checkout", "order"], "pl": ["kasa", "zamowienie"], "uk": ["oformlennia", "checkout"],
        "ru": ["oformlenie", "checkout"], "sk": ["pokladna", "objednavka"], "cs": ["pokladna", "objednavka"],
        "de": ["kasse", "bestellung"],
    },
    "slug_contact": {
        "en": ["contact"], "pl": ["kontakt"], "uk": ["kontakty", "contacts"], "ru": ["kontakty", "contacts"],
        "sk": ["kontakt"], "cs": ["kontakt"], "de": ["kontakt"],
    },
    "slug_faq": {
        "en": ["faq", "help", "support"], "pl": ["pomoc", "faq", "pytania"], "uk": ["dopomoha", "faq"],
        "ru": ["pomosch", "voprosy", "faq"], "sk": ["pomoc", "caste-otazky"], "cs": ["napoveda", "caste-dotazy"],
        "de": ["hilfe", "faq"],
    },
    "slug_returns": {
        "en": ["return", "refund", "withdrawal"], "pl": ["zwrot", "odstapienie", "reklamacj"],
        "uk": ["povernennia", "povernennya", "obmin"], "ru": ["vozvrat", "obmen"],
        "sk": ["vratenie", "odstupenie", "reklamaci"], "cs": ["vraceni", "odstoupeni", "reklamac"],
        "de": ["widerruf", "rueckgabe", "retoure", "rucksendung"],
    },
    "slug_policy": {
        "en": ["terms", "privacy", "policy", "legal", "shipping", "delivery", "imprint"],
        "pl": ["regulamin", "polityka", "dostawa"], "uk": ["umovy", "polityka", "oferta", "dostavka"],
        "ru": ["usloviya", "politika", "oferta", "dostavka"], "sk": ["obchodne-podmienky", "doprava"],
        "cs": ["obchodni-podminky", "doprava"], "de": ["agb", "datenschutz", "impressum", "versand"],
    },
    "slug_skip": {
        "en": ["add-to-cart", "add_to_cart", "cart/add", "logout", "log-out", "signout", "remove", "wishlist/add",
               "compare/add"],
        "pl": ["wyloguj"], "uk": ["vyhid"], "ru": ["vyhod"], "sk": ["odhlasit"], "cs": ["odhlasit"],
        "de": ["abmelden"],
    },
    # ---------------------------------------------------------------- price lines (checkout ledger)
    "price_total": {
        "en": ["total", "grand total", "order total", "amount due", "to pay", "total to pay"],
        "pl": ["razem", "suma", "do zapłaty", "łącznie", "wartość zamówienia", "kwota do zapłaty"],
        "uk": ["разом", "всього", "до сплати", "загалом", "сума замовлення"],
        "ru": ["итого", "всего", "к оплате", "сумма заказа"],
        "sk": ["spolu", "celkom", "na úhradu", "celková suma", "suma"],
        "cs": ["celkem", "k úhradě", "celková cena", "součet"],
        "de": ["gesamt", "gesamtsumme", "summe", "zu zahlen", "endbetrag", "gesamtbetrag"],
    },
    "price_subtotal": {
        "en": ["subtotal", "sub-total", "items", "products", "merchandise"],
        "pl": ["wartość produktów", "produkty", "suma częściowa", "wartość koszyka", "podsuma"],
        "uk": ["проміжний підсумок", "товари", "вартість товарів", "підсумок"],
        "ru": ["промежуточный итог", "товары", "стоимость товаров", "подытог"],
        "sk": ["medzisúčet", "tovar", "produkty", "cena tovaru"],
        "cs": ["mezisoučet", "zboží", "produkty", "cena zboží"],
        "de": ["zwischensumme", "artikel", "warenwert"],
    },
    "price_shipping": {
        "en": ["shipping", "delivery", "postage", "carriage", "courier"],
        "pl": ["dostaw", "wysyłk", "koszt dostawy", "przesył", "kurier"],
        "uk": ["доставк", "вартість доставки", "пересилан", "кур'єр"],
        "ru": ["доставк", "стоимость доставки", "пересылк", "курьер"],
        "sk": ["doprav", "doručen", "poštovn", "kuriér"],
        "cs": ["doprav", "doručen", "poštovn", "dopravn", "kurýr"],
        "de": ["versand", "lieferung", "versandkosten", "porto", "zustellung"],
    },
    "price_fee": {  # named surcharges: a line with one of these is a fee even when it mentions delivery
        "en": ["handling", "surcharge", "service", "processing", "insurance", "packaging", "protection",
               "cash on delivery", "payment fee", "small order", "administration"],
        "pl": ["obsług", "manipulac", "ubezpieczen", "pakowan", "za pobraniem", "prowizj", "serwisow",
               "administracyjn"],
        "uk": ["обробк", "страхуван", "пакуван", "післяплат", "сервісн", "адміністративн"],
        "ru": ["обработк", "страховк", "упаковк", "наложенн", "сервисн", "административн"],
        "sk": ["manipulačn", "poisten", "baln", "dobierk", "servisn", "spracovan", "administratívn"],
        "cs": ["manipulačn", "pojištěn", "baln", "dobírk", "servisn", "zpracován", "administrativn"],
        "de": ["bearbeitung", "zuschlag", "aufpreis", "versicherung", "verpackung", "nachnahme", "service",
               "mindermengen", "verwaltung"],
    },
    "price_fee_generic": {  # the word "fee" itself: a fee unless the line is about delivery
        "en": ["fee", "charge"],
        "pl": ["opłat", "dopłat"],
        "uk": ["збір", "комісі", "доплат", "плата"],
        "ru": ["сбор", "комисси", "доплат", "плата"],
        "sk": ["poplat", "príplat"],
        "cs": ["poplat", "příplat"],
        "de": ["gebühr", "entgelt"],
    },
    "price_tax": {
        "en": ["vat", "tax", "sales tax"],
        "pl": ["vat", "podatek"],
        "uk": ["пдв", "податок"],
        "ru": ["ндс", "налог"],
        "sk": ["dph", "daň"],
        "cs": ["dph", "daň"],
        "de": ["mwst", "mehrwertsteuer", "ust", "steuer"],
    },
    "price_discount": {
        "en": ["discount", "coupon", "promo", "voucher", "you save", "saving"],
        "pl": ["rabat", "zniżka", "kupon", "kod rabatowy", "promocja", "oszczędzasz"],
        "uk": ["знижка", "купон", "промокод", "акція", "економія"],
        "ru": ["скидка", "купон", "промокод", "акция", "экономия"],
        "sk": ["zľava", "kupón", "zľavový kód", "akcia", "ušetríte"],
        "cs": ["sleva", "kupón", "slevový kód", "akce", "ušetříte"],
        "de": ["rabatt", "gutschein", "nachlass", "ersparnis", "sie sparen", "aktionscode"],
    },
    "price_free": {
        "en": ["free"], "pl": ["gratis", "bezpłatn", "darmow"], "uk": ["безкоштовн"], "ru": ["бесплатн"],
        "sk": ["zadarmo", "bezplatn"], "cs": ["zdarma", "bezplatn"], "de": ["kostenlos", "gratis", "frei"],
    },
    # ---------------------------------------------------------------- checkout walk
    "continue": {
        "en": ["continue", "next", "proceed", "go to", "save and continue", "continue to", "next step"],
        "pl": ["dalej", "przejdź dalej", "kontynuuj", "przejdź do", "następny krok", "zapisz i kontynuuj"],
        "uk": ["далі", "продовжити", "перейти до", "наступний крок"],
        "ru": ["далее", "продолжить", "перейти к", "следующий шаг"],
        "sk": ["pokračovať", "ďalej", "ďalší krok", "prejsť na"],
        "cs": ["pokračovat", "dále", "další krok", "přejít na"],
        "de": ["weiter", "fortfahren", "weiter zu", "nächster schritt"],
    },
    "order_final": {  # the button whose click would place the order or pay: never clicked
        "en": ["place order", "order with obligation to pay", "order and pay", "buy now", "pay now", "pay",
               "complete order", "complete purchase", "confirm order", "confirm purchase", "submit order",
               "order now", "purchase"],
        "pl": ["zamawiam", "zamawiam i płacę", "kupuję i płacę", "zamówienie z obowiązkiem zapłaty",
               "złóż zamówienie", "potwierdź zamówienie", "zapłać", "płacę", "kupuję"],
        "uk": ["замовлення з обов'язком оплати", "підтвердити замовлення", "оплатити", "сплатити",
               "оформити замовлення", "замовити", "купити зараз"],
        "ru": ["заказ с обязательством оплаты", "подтвердить заказ", "оплатить", "оформить заказ", "заказать",
               "купить сейчас"],
        "sk": ["objednávka s povinnosťou platby", "objednať s povinnosťou platby", "objednať a zaplatiť",
               "záväzne objednať", "zaplatiť", "odoslať objednávku", "potvrdiť objednávku"],
        "cs": ["objednávka zavazující k platbě", "objednat s povinností platby", "objednat a zaplatit",
               "závazně objednat", "zaplatit", "odeslat objednávku", "dokončit objednávku", "potvrdit objednávku"],
        "de": ["zahlungspflichtig bestellen", "kostenpflichtig bestellen", "jetzt kaufen", "kaufen",
               "bestellung abschicken", "bestellen", "jetzt bezahlen", "bezahlen", "bestellung absenden"],
    },
    "order_obligation": {  # wording that says ordering means paying (Directive 2011/83/EU art. 8(2))
        "en": ["order with obligation to pay", "buy now", "pay now", "confirm purchase", "order and pay",
               "place order and pay", "purchase now"],
        "pl": ["zamówienie z obowiązkiem zapłaty", "zamawiam z obowiązkiem zapłaty", "kupuję i płacę",
               "zamawiam i płacę", "kupuję i płacę", "zamówienie z obowiązkiem płatności", "kupuję"],
        "uk": ["замовлення з обов'язком оплати", "замовлення із зобов'язанням оплати", "купити та оплатити",
               "оплатити замовлення"],
        "ru": ["заказ с обязательством оплаты", "купить и оплатить", "оплатить заказ"],
        "sk": ["objednávka s povinnosťou platby", "objednať s povinnosťou platby", "objednať a zaplatiť",
               "objednávka zaväzujúca k platbe", "kúpiť a zaplatiť"],
        "cs": ["objednávka zavazující k platbě", "objednat s povinností platby", "objednat a zaplatit",
               "koupit a zaplatit", "závazně objednat a zaplatit"],
        "de": ["zahlungspflichtig bestellen", "kostenpflichtig bestellen", "jetzt kaufen", "kaufen",
               "jetzt bezahlen", "zahlungspflichtig kaufen"],
    },
    "guest": {
        "en": ["guest", "continue as guest", "checkout as guest", "without an account", "without registration"],
        "pl": ["gość", "jako gość", "bez rejestracji", "bez zakładania konta", "bez logowania"],
        "uk": ["гість", "як гість", "без реєстрації"],
        "ru": ["гость", "как гость", "без регистрации"],
        "sk": ["hosť", "bez registrácie", "nakúpiť bez registrácie"],
        "cs": ["host", "bez registrace", "nakoupit bez registrace"],
        "de": ["gast", "als gast", "ohne kundenkonto", "ohne registrierung", "gastbestellung"],
    },
    "account_required": {
        "en": ["log in to continue", "sign in to continue", "create an account to continue", "login required",
               "please log in", "please sign in", "you must be logged in", "register to continue", "create account"],
        "pl": ["zaloguj się, aby", "zaloguj się aby", "załóż konto, aby", "wymagane logowanie", "zarejestruj się",
               "załóż konto"],
        "uk": ["увійдіть, щоб", "увійдіть щоб", "зареєструйтеся", "потрібно увійти", "створіть обліковий запис"],
        "ru": ["войдите, чтобы", "войдите чтобы", "зарегистрируйтесь", "необходимо войти", "создайте аккаунт"],
        "sk": ["prihláste sa", "zaregistrujte sa", "vytvorte si účet", "vyžaduje prihlásenie"],
        "cs": ["přihlaste se", "zaregistrujte se", "vytvořte si účet", "vyžaduje přihlášení"],
        "de": ["melden sie sich an", "bitte anmelden", "konto erstellen", "registrieren sie sich",
               "anmeldung erforderlich"],
    },
    "progress_step": {
        "en": ["step", "of"], "pl": ["krok", "etap"], "uk": ["крок", "етап"], "ru": ["шаг", "этап"],
        "sk": ["krok"], "cs": ["krok"], "de": ["schritt"],
    },
    "terms_accept": {
        "en": ["terms", "conditions", "i accept", "i agree", "privacy"],
        "pl": ["regulamin", "akceptuję", "zapoznałem", "zapoznałam", "polityk"],
        "uk": ["умови", "погоджуюсь", "приймаю", "оферт"],
        "ru": ["условия", "согласен", "принимаю", "оферт"],
        "sk": ["obchodné podmienky", "súhlasím", "podmienk"],
        "cs": ["obchodní podmínky", "souhlasím", "podmínk"],
        "de": ["agb", "bedingungen", "akzeptiere", "datenschutz", "widerrufsbelehrung"],
    },
    "newsletter": {
        "en": ["newsletter", "marketing", "offers by e-mail", "subscribe"],
        "pl": ["newsletter", "marketing", "oferty", "subskryb"],
        "uk": ["розсилк", "новини", "маркетинг"],
        "ru": ["рассылк", "новости", "маркетинг"],
        "sk": ["newsletter", "novinky", "marketing"],
        "cs": ["newsletter", "novinky", "marketing"],
        "de": ["newsletter", "werbung", "marketing"],
    },
    # ---------------------------------------------------------------- consent and pop-ups
    "consent_accept": {
        "en": ["accept all", "accept", "allow all", "agree", "i agree", "got it", "ok"],
        "pl": ["akceptuj wszystkie", "akceptuję", "akceptuj", "zgadzam się", "zaakceptuj", "przejdź do serwisu"],
        "uk": ["прийняти все", "прийняти", "погоджуюсь", "згоден", "зрозуміло"],
        "ru": ["принять все", "принять", "согласен", "понятно", "хорошо"],
        "sk": ["prijať všetko", "prijať", "súhlasím", "povoliť všetko", "rozumiem"],
        "cs": ["přijmout vše", "přijmout", "souhlasím", "povolit vše", "rozumím"],
        "de": ["alle akzeptieren", "akzeptieren", "zustimmen", "einverstanden", "alle zulassen"],
    },
    "close": {
        "en": ["close", "no thanks", "not now", "dismiss", "maybe later"],
        "pl": ["zamknij", "nie, dziękuję", "nie dziękuję", "później"],
        "uk": ["закрити", "ні, дякую", "пізніше"],
        "ru": ["закрыть", "нет, спасибо", "позже"],
        "sk": ["zavrieť", "nie, ďakujem", "neskôr"],
        "cs": ["zavřít", "ne, děkuji", "později"],
        "de": ["schließen", "nein danke", "später"],
    },
    # ---------------------------------------------------------------- contact
    "opening_hours": {
        "en": ["opening hours", "business hours", "hours", "mon-fri", "monday", "open from", "available from",
               "mon–fri", "weekdays", "24/7"],
        "pl": ["godziny", "godz.", "pon.-pt.", "pon-pt", "poniedziałek", "od poniedziałku", "w dni robocze",
               "czynne"],
        "uk": ["години роботи", "графік роботи", "пн-пт", "понеділок", "з понеділка", "щодня"],
        "ru": ["часы работы", "график работы", "пн-пт", "понедельник", "с понедельника", "ежедневно"],
        "sk": ["otváracie hodiny", "hodiny", "po-pi", "pondelok", "v pracovné dni"],
        "cs": ["otevírací doba", "provozní doba", "po-pá", "pondělí", "v pracovní dny"],
        "de": ["öffnungszeiten", "erreichbar", "mo-fr", "montag", "werktags", "geschäftszeiten"],
    },
    "callback": {
        "en": ["call me back", "callback", "request a call", "we will call you"],
        "pl": ["zadzwonimy", "oddzwonimy", "zamów rozmowę", "prośba o kontakt telefoniczny"],
        "uk": ["передзвонимо", "зворотний дзвінок", "замовити дзвінок"],
        "ru": ["перезвоним", "обратный звонок", "заказать звонок"],
        "sk": ["zavoláme vám", "spätné volanie"],
        "cs": ["zavoláme vám", "zpětné volání"],
        "de": ["rückruf", "wir rufen sie an"],
    },
    "phone_label": {
        "en": ["phone", "tel", "call us", "hotline"],
        "pl": ["telefon", "tel", "zadzwoń", "infolinia"],
        "uk": ["телефон", "тел", "зателефонуйте", "гаряча лінія"],
        "ru": ["телефон", "тел", "позвоните", "горячая линия"],
        "sk": ["telefón", "tel", "zavolajte", "infolinka"],
        "cs": ["telefon", "tel", "zavolejte", "infolinka"],
        "de": ["telefon", "tel", "rufen sie", "hotline"],
    },
}


def terms(group: str, lang: str | None = None) -> list[str]:
    """The terms of ``group`` in ``lang`` (or in every language when ``lang`` is None/unknown)."""
    entry = LEXICON[group]
    if lang and lang in entry:
        return list(entry[lang])
    seen: dict[str, None] = {}
    for language in LANGUAGES:
        for term in entry.get(language, []):
            seen.setdefault(term, None)
    return list(seen)


@lru_cache(maxsize=None)
def _compiled(group: str, lang: str | None, whole: bool) -> re.Pattern[str]:
    alternatives = sorted({re.escape(t.lower()) for t in terms(group, lang)}, key=len, reverse=True)
    tail = r"(?!\w)" if whole else ""
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + ")" + tail, re.IGNORECASE)


def pattern(group: str, lang: str | None = None, whole: bool = False) -> re.Pattern[str]:
    """A compiled regex matching any term of the group at a word start (``whole``: also at a word end)."""
    return _compiled(group, lang if lang in LANGUAGES else None, whole)


def matches(group: str, text: str, lang: str | None = None, whole: bool = False) -> bool:
    return bool(text) and pattern(group, lang, whole).search(text) is not None


def find_all(group: str, text: str, lang: str | None = None) -> list[str]:
    return [m.group(0) for m in pattern(group, lang).finditer(text or "")]
