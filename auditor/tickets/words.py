"""The words of the tickets package, for en, pl, uk, ru, sk, cs, de, in one place.

Like :mod:`auditor.lexicon` (which holds the words of the crawl and the checks), every multilingual literal
that ticket import, redaction, cleaning, clustering and FAQ extraction look for lives here, grouped by
purpose and language, so that the other modules of the package carry none. The topic taxonomy itself (topic
phrases, labels and suggested FAQ questions) is in :mod:`auditor.tickets.taxonomy`.

Terms are lower-case; matching is case-insensitive. ``group(name)`` returns the union over all languages
(support mail mixes languages: a Polish customer replies above an English quote).
"""

from __future__ import annotations

import re

LANGUAGES = ("en", "pl", "uk", "ru", "sk", "cs", "de")

WORDS: dict[str, dict[str, list[str]]] = {
    # ---------------------------------------------------------------- export column headers (normalised)
    "col_subject": {
        "en": ["subject", "title", "topic", "summary", "ticket subject", "conversation subject"],
        "pl": ["temat", "tytuł", "tytul"],
        "uk": ["тема", "заголовок"],
        "ru": ["тема", "заголовок"],
        "sk": ["predmet", "téma", "nadpis"],
        "cs": ["předmět", "predmet", "téma", "nadpis"],
        "de": ["betreff", "titel", "thema"],
    },
    "col_body": {
        "en": ["description", "body", "message", "first message", "text", "content", "question", "comment",
               "comments", "preview", "customer message", "initial message", "ticket description",
               "body text", "description text", "body_text", "description_text", "message body", "plain body"],
        "pl": ["opis", "treść", "tresc", "wiadomość", "wiadomosc", "pytanie", "treść wiadomości",
               "treść zgłoszenia", "zgłoszenie", "komentarz"],
        "uk": ["опис", "текст", "повідомлення", "текст звернення", "звернення", "питання", "коментар"],
        "ru": ["описание", "текст", "сообщение", "текст обращения", "обращение", "вопрос", "комментарий"],
        "sk": ["popis", "text", "správa", "sprava", "otázka", "komentár", "obsah"],
        "cs": ["popis", "text", "zpráva", "zprava", "dotaz", "komentář", "obsah"],
        "de": ["beschreibung", "nachricht", "inhalt", "text", "frage", "kommentar", "anfrage"],
    },
    "col_date": {
        "en": ["created at", "created", "date", "created time", "created datetime", "created date", "timestamp",
               "submitted", "received", "opened", "created_at", "createdat", "created_datetime", "sent"],
        "pl": ["data", "data utworzenia", "utworzono", "data zgłoszenia", "data wysłania"],
        "uk": ["дата", "дата створення", "створено", "дата звернення"],
        "ru": ["дата", "дата создания", "создано", "дата обращения"],
        "sk": ["dátum", "datum", "vytvorené", "dátum vytvorenia"],
        "cs": ["datum", "vytvořeno", "datum vytvoření"],
        "de": ["datum", "erstellt", "erstellt am", "erstellungsdatum", "eingang"],
    },
    "col_tags": {
        "en": ["tags", "tag", "labels", "label", "categories", "category"],
        "pl": ["tagi", "etykiety", "kategoria"],
        "uk": ["теги", "мітки", "категорія"],
        "ru": ["теги", "метки", "категория"],
        "sk": ["štítky", "značky", "kategória"],
        "cs": ["štítky", "značky", "kategorie"],
        "de": ["schlagwörter", "stichwörter", "kategorie"],
    },
    "col_language": {
        "en": ["language", "locale", "lang"],
        "pl": ["język", "jezyk"], "uk": ["мова"], "ru": ["язык"], "sk": ["jazyk"], "cs": ["jazyk"],
        "de": ["sprache"],
    },
    # language column values: names of our languages as exports write them
    "language_name": {
        "en": ["english", "angielski", "англійська", "английский", "anglický", "anglicky", "englisch"],
        "pl": ["polish", "polski", "польська", "польский", "poľský", "polský", "polnisch"],
        "uk": ["ukrainian", "ukraiński", "українська", "украинский", "ukrajinský", "ukrajinsky", "ukrainisch"],
        "ru": ["russian", "rosyjski", "російська", "русский", "ruský", "rusky", "russisch"],
        "sk": ["slovak", "słowacki", "словацька", "словацкий", "slovenský", "slovenčina", "slowakisch"],
        "cs": ["czech", "czeski", "чеська", "чешский", "český", "čeština", "tschechisch"],
        "de": ["german", "niemiecki", "німецька", "немецкий", "nemecký", "německý", "deutsch"],
    },
    # ---------------------------------------------------------------- helpdesk signatures (normalised headers)
    # a format is recognised when every header of one of its sets is present
    "sig_zendesk": {"en": ["requester|via", "requester email|subject", "requester id|subject",
                           "ticket type|via", "summation column"]},
    "sig_freshdesk": {"en": ["ticket id|created time", "ticket id|due by time", "ticket id|resolved time",
                             "ticket id|last update time"]},
    "sig_gorgias": {"en": ["channel|created datetime", "channel|first message", "ticket id|messages count"]},
    "sig_helpscout": {"en": ["conversation id|mailbox", "mailbox|preview", "conversation id|preview",
                             "mailbox|customer email"]},
    # ---------------------------------------------------------------- e-mail subjects
    "reply_prefix": {
        "en": ["re", "fw", "fwd"], "pl": ["odp", "pd", "przekaż", "przek"], "uk": ["відп", "пересл"],
        "ru": ["ответ", "отв", "пересл"], "sk": ["odp", "fw", "preposlať"], "cs": ["odp", "fw", "př"],
        "de": ["aw", "wg", "antw"],
    },
    # ---------------------------------------------------------------- quoted replies
    # a line ending with one of these verbs and a colon opens the quoted previous message
    "reply_verb": {
        "en": ["wrote"],
        "pl": ["napisał", "napisała", "napisał(a)", "pisze"],
        "uk": ["пише", "написав", "написала", "написав(ла)"],
        "ru": ["пишет", "написал", "написала", "написал(а)"],
        "sk": ["napísal", "napísala", "napísal(a)", "píše"],
        "cs": ["napsal", "napsala", "napsal(a)", "píše"],
        "de": ["schrieb", "hat geschrieben"],
    },
    "original_message": {
        "en": ["original message", "forwarded message", "reply above this line", "please type your reply above"],
        "pl": ["wiadomość oryginalna", "oryginalna wiadomość", "przekazana wiadomość",
               "odpowiedz powyżej tej linii"],
        "uk": ["оригінальне повідомлення", "вихідне повідомлення", "пересланий лист"],
        "ru": ["исходное сообщение", "пересланное сообщение", "оригинальное сообщение"],
        "sk": ["pôvodná správa", "preposlaná správa"],
        "cs": ["původní zpráva", "přeposlaná zpráva"],
        "de": ["ursprüngliche nachricht", "weitergeleitete nachricht", "originalnachricht"],
    },
    # an Outlook-style header block: "From:" followed within three lines by one of "header_sent"
    "header_from": {
        "en": ["from"], "pl": ["od"], "uk": ["від"], "ru": ["от"], "sk": ["od"], "cs": ["od"], "de": ["von"],
    },
    "header_sent": {
        "en": ["sent", "date", "to", "subject"], "pl": ["wysłano", "data", "do", "temat"],
        "uk": ["надіслано", "дата", "кому", "тема"], "ru": ["отправлено", "дата", "кому", "тема"],
        "sk": ["odoslané", "dátum", "komu", "predmet"], "cs": ["odesláno", "datum", "komu", "předmět"],
        "de": ["gesendet", "datum", "an", "betreff"],
    },
    # ---------------------------------------------------------------- signatures
    "signature_marker": {
        "en": ["sent from my", "sent from outlook", "get outlook for", "sent from mail for", "sent with"],
        "pl": ["wysłane z", "wysłano z", "wysłane za pomocą", "pobierz outlook"],
        "uk": ["відправлено з", "надіслано з"],
        "ru": ["отправлено с", "отправлено из", "послано с"],
        "sk": ["odoslané z", "odoslané zo"],
        "cs": ["odesláno z", "odesláno ze"],
        "de": ["von meinem", "gesendet von", "gesendet mit"],
    },
    "closing": {
        "en": ["best regards", "kind regards", "warm regards", "regards", "best wishes", "best", "cheers",
               "thanks", "thank you", "many thanks", "thanks in advance", "sincerely", "yours sincerely",
               "yours faithfully", "all the best"],
        "pl": ["pozdrawiam", "serdecznie pozdrawiam", "z poważaniem", "z wyrazami szacunku", "pozdrowienia",
               "dziękuję", "dziękuje", "dzięki", "z góry dziękuję", "miłego dnia"],
        "uk": ["з повагою", "дякую", "заздалегідь дякую", "з найкращими побажаннями", "гарного дня",
               "щиро"],
        "ru": ["с уважением", "спасибо", "заранее спасибо", "всего доброго", "всего хорошего",
               "хорошего дня", "благодарю"],
        "sk": ["s pozdravom", "s úctou", "ďakujem", "vďaka", "pekný deň"],
        "cs": ["s pozdravem", "s úctou", "děkuji", "díky", "hezký den"],
        "de": ["mit freundlichen grüßen", "mit freundlichen grüssen", "freundliche grüße", "viele grüße",
               "beste grüße", "liebe grüße", "lg", "mfg", "danke", "vielen dank", "danke im voraus"],
    },
    # ---------------------------------------------------------------- names (redaction)
    "greeting": {
        "en": ["hi", "hello", "hey", "dear", "good morning", "good afternoon", "good evening", "greetings",
               "morning"],
        "pl": ["dzień dobry", "dzien dobry", "dobry wieczór", "witam", "witaj", "cześć", "czesc", "hej",
               "szanowna", "szanowny", "szanowni", "droga", "drogi"],
        "uk": ["добрий день", "доброго дня", "добрий вечір", "доброго ранку", "привіт", "вітаю", "здрастуйте",
               "шановна", "шановний", "шановні"],
        "ru": ["добрый день", "доброе утро", "добрый вечер", "здравствуйте", "привет", "приветствую",
               "уважаемый", "уважаемая", "уважаемые", "дорогой", "дорогая"],
        "sk": ["dobrý deň", "dobry den", "dobrý večer", "ahoj", "zdravím", "vážený", "vážená", "milý", "milá"],
        "cs": ["dobrý den", "dobry den", "dobrý večer", "ahoj", "zdravím", "vážený", "vážená", "milý", "milá"],
        "de": ["hallo", "guten tag", "guten morgen", "guten abend", "liebe", "lieber", "sehr geehrte",
               "sehr geehrter", "servus", "moin", "grüß gott"],
    },
    "honorific": {
        "en": ["mr", "mrs", "ms", "miss", "dr", "mr.", "mrs.", "ms.", "dr."],
        "pl": ["pan", "pani", "panie", "panno", "państwo"],
        "uk": ["пане", "пані", "пан"],
        "ru": ["господин", "госпожа"],
        "sk": ["pán", "pani", "pane", "pán.", "p."],
        "cs": ["pan", "paní", "pane", "p."],
        "de": ["herr", "frau", "hr.", "fr."],
    },
    "introduction": {
        "en": ["my name is", "this is", "name:"],
        "pl": ["nazywam się", "mam na imię", "z tej strony", "imię i nazwisko:"],
        "uk": ["мене звати", "моє ім'я", "моє імʼя", "піб:"],
        "ru": ["меня зовут", "моё имя", "мое имя", "моя фамилия", "фио:"],
        "sk": ["volám sa", "moje meno je", "meno:"],
        "cs": ["jmenuji se", "jmenuju se", "moje jméno je", "jméno:"],
        "de": ["ich heiße", "ich heisse", "mein name ist", "name:"],
    },
    # capitalised words after a greeting that are not a person's name
    "not_a_name": {
        "en": ["i", "team", "there", "all", "everyone", "support", "guys", "folks", "sir", "madam", "customer",
               "service", "thanks", "thank", "again", "please", "sorry", "yes", "no", "ok", "okay", "shop", "store"],
        "pl": ["państwo", "zespole", "wszystkim", "wszystkich", "sklep", "obsługo", "dziękuję", "proszę"],
        "uk": ["команда", "магазин", "підтримка", "дякую", "будь"],
        "ru": ["команда", "магазин", "поддержка", "спасибо", "подскажите", "скажите"],
        "sk": ["tím", "obchod", "podpora", "ďakujem", "prosím"],
        "cs": ["týme", "obchod", "podpora", "děkuji", "prosím"],
        "de": ["team", "zusammen", "shop", "support", "danke", "bitte"],
    },
    # first names (redaction of names wherever they stand; inflected Slavic forms match by prefix). Names that
    # are also common words of the language ("Will", "May", "Bill", "Rose", "Mark") are left out on purpose.
    "first_name": {
        "en": ["james", "john", "robert", "michael", "david", "richard", "joseph", "thomas", "charles", "christopher",
               "daniel", "matthew", "anthony", "steven", "andrew", "paul", "joshua", "kevin", "brian", "george",
               "edward", "ronald", "timothy", "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric",
               "jonathan", "stephen", "larry", "justin", "scott", "brandon", "benjamin", "samuel", "gregory",
               "patrick", "peter", "oliver", "harry", "jack", "charlie", "william", "henry", "mary", "patricia",
               "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen", "nancy", "lisa",
               "betty", "margaret", "sandra", "ashley", "kimberly", "emily", "donna", "michelle", "dorothy", "carol",
               "amanda", "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura", "cynthia", "kathleen",
               "amy", "shirley", "angela", "helen", "anna", "brenda", "pamela", "nicole", "emma", "samantha",
               "katherine", "christine", "debra", "rachel", "catherine", "carolyn", "janet", "maria", "heather",
               "diane", "julie", "joyce", "victoria", "kelly", "christina", "lauren", "joan", "evelyn", "olivia",
               "judith", "megan", "cheryl", "martha", "andrea", "frances", "hannah", "jacqueline", "gloria",
               "teresa", "kathryn", "sara", "janice", "julia", "sophie", "sophia", "chloe", "lucy", "charlotte",
               "amelia", "isla", "ava", "mia", "kate", "claire", "fiona", "siobhan", "sean", "liam", "noah",
               "ethan", "mason", "logan", "lucas", "aiden", "connor", "declan", "niamh", "aoife", "clarke"],
        "pl": ["anna", "maria", "katarzyna", "małgorzata", "agnieszka", "barbara", "ewa", "krystyna", "elżbieta",
               "zofia", "teresa", "magdalena", "joanna", "janina", "monika", "danuta", "jadwiga", "aleksandra",
               "halina", "irena", "beata", "marta", "dorota", "karolina", "jolanta", "iwona", "grażyna", "natalia",
               "justyna", "paulina", "agata", "urszula", "sylwia", "renata", "izabela", "patrycja", "kinga",
               "weronika", "martyna", "julia", "zuzanna", "oliwia", "wiktoria", "kasia", "gosia", "basia", "ola",
               "piotr", "krzysztof", "andrzej", "tomasz", "paweł", "michał", "marcin", "stanisław", "jakub",
               "adam", "marek", "łukasz", "grzegorz", "mateusz", "wojciech", "mariusz", "dariusz", "zbigniew",
               "jerzy", "maciej", "rafał", "kamil", "robert", "kazimierz", "jacek", "sławomir", "bartosz",
               "przemysław", "sebastian", "szymon", "dawid", "filip", "kacper", "wiktor", "igor", "bogdan",
               "ryszard", "tadeusz", "józef", "zdzisław", "artur", "damian", "leszek", "witold"],
        "uk": ["олександр", "андрій", "сергій", "володимир", "олег", "тарас", "дмитро", "михайло", "іван",
               "юрій", "віктор", "василь", "петро", "богдан", "назар", "максим", "ярослав", "роман", "віталій",
               "олена", "наталія", "оксана", "ірина", "тетяна", "світлана", "юлія", "марія", "катерина", "ольга",
               "анна", "галина", "людмила", "надія", "вікторія", "софія", "христина", "мар'яна", "леся", "ганна",
               "валентина", "лариса", "інна", "алла", "дарина", "анастасія"],
        "ru": ["александр", "сергей", "дмитрий", "андрей", "алексей", "максим", "евгений", "иван", "михаил",
               "николай", "владимир", "павел", "артём", "артем", "денис", "игорь", "константин", "олег", "виктор",
               "юрий", "антон", "вадим", "никита", "григорий", "анна", "мария", "елена", "ольга", "наталья",
               "наталия", "татьяна", "ирина", "светлана", "екатерина", "юлия", "анастасия", "марина", "людмила",
               "галина", "ксения", "дарья", "валентина", "надежда", "вера", "любовь", "полина", "алина", "софья",
               "виктория", "кристина", "евгения", "оксана"],
        "sk": ["ján", "peter", "jozef", "michal", "martin", "tomáš", "marek", "lukáš", "juraj", "milan", "miroslav",
               "pavol", "štefan", "ladislav", "igor", "róbert", "matej", "dominik", "samuel", "filip", "mária",
               "anna", "zuzana", "katarína", "jana", "eva", "lucia", "monika", "martina", "veronika", "andrea",
               "ivana", "simona", "lenka", "silvia", "alžbeta", "kristína", "natália", "petra", "barbora", "michaela",
               "viera", "helena", "dana", "gabriela", "ľubica", "ľubomír", "vladimír", "dušan", "branislav"],
        "cs": ["jiří", "jan", "petr", "josef", "pavel", "martin", "tomáš", "jaroslav", "miroslav", "zdeněk",
               "václav", "michal", "františek", "jakub", "milan", "karel", "lukáš", "david", "vojtěch", "ondřej",
               "marie", "jana", "eva", "hana", "anna", "lenka", "kateřina", "lucie", "věra", "alena", "petra",
               "veronika", "jaroslava", "tereza", "martina", "michaela", "jitka", "ivana", "zuzana", "markéta",
               "monika", "barbora", "klára", "kristýna", "radka", "šárka", "dagmar", "vlasta", "božena"],
        "de": ["peter", "michael", "thomas", "andreas", "wolfgang", "klaus", "jürgen", "stefan", "frank", "bernd",
               "uwe", "günter", "dieter", "horst", "manfred", "werner", "gerhard", "hans", "heinz", "helmut",
               "walter", "karl", "matthias", "markus", "christian", "tobias", "florian", "sebastian", "jan",
               "lukas", "leon", "felix", "maximilian", "jonas", "paul", "ursula", "monika", "petra", "sabine",
               "renate", "helga", "karin", "brigitte", "ingrid", "gisela", "susanne", "claudia", "andrea",
               "birgit", "stefanie", "julia", "katharina", "lena", "laura", "lea", "hannah", "anja", "heike",
               "jutta", "gabriele", "angelika", "christa", "elke", "silke", "nicole", "martina", "kerstin",
               "marie", "sophie", "jens", "sven", "dirk", "jörg", "ralf", "rainer", "holger", "torsten"],
    },
    # words after which a name follows wherever they stand: "my husband David Clarke", "Kontoinhaber: Klaus
    # Müller", "I am Margaret O'Neill" (a capitalised word that is not a common word must follow)
    "name_cue": {
        "en": ["my husband", "my wife", "my son", "my daughter", "my partner", "my mother", "my mum", "my mom",
               "my father", "my dad", "my sister", "my brother", "my friend", "my colleague", "account holder:",
               "account holder", "cardholder:", "card holder:", "recipient:", "addressee:", "customer name:",
               "full name:", "i am", "i'm", "signed", "from:", "c/o", "attn:", "attention:"],
        "pl": ["mój mąż", "moja żona", "mój syn", "moja córka", "mój partner", "moja mama", "mój tata",
               "moja siostra", "mój brat", "mąż", "żona", "właściciel konta:", "posiadacz konta:", "odbiorca:",
               "adresat:", "jestem", "imię:", "nazwisko:", "dane:"],
        "uk": ["мій чоловік", "моя дружина", "мій син", "моя донька", "моя мама", "мій тато", "моя сестра",
               "мій брат", "власник рахунку:", "отримувач:", "одержувач:", "я —", "прізвище:", "ім'я:"],
        "ru": ["мой муж", "моя жена", "мой сын", "моя дочь", "моя мама", "мой папа", "моя сестра", "мой брат",
               "владелец счёта:", "владелец счета:", "получатель:", "фамилия:", "имя:"],
        "sk": ["môj manžel", "moja manželka", "môj syn", "moja dcéra", "moja mama", "môj otec", "moja sestra",
               "môj brat", "majiteľ účtu:", "príjemca:", "adresát:", "som", "priezvisko:"],
        "cs": ["můj manžel", "moje manželka", "moje žena", "můj syn", "moje dcera", "moje máma", "můj táta",
               "moje sestra", "můj bratr", "majitel účtu:", "příjemce:", "adresát:", "jsem", "příjmení:"],
        "de": ["mein mann", "meine frau", "mein sohn", "meine tochter", "mein partner", "meine partnerin",
               "meine mutter", "mein vater", "meine schwester", "mein bruder", "kontoinhaber:", "kontoinhaberin:",
               "kontoinhaber", "karteninhaber:", "empfänger:", "empfängerin:", "ich bin", "vorname:", "nachname:"],
    },
    # customer and account numbers (redaction: "[customer]")
    "customer_word": {
        "en": ["customer number", "customer no", "customer id", "customer ref", "client number", "client id",
               "account number", "account no", "account id", "membership number", "member number", "member id",
               "loyalty number", "card number", "passport number", "id number", "national insurance number"],
        "pl": ["numer klienta", "nr klienta", "numer konta", "nr konta", "numer karty", "pesel", "numer dowodu",
               "nr dowodu", "id klienta", "numer członkowski"],
        "uk": ["номер клієнта", "номер рахунку", "особовий рахунок", "номер картки", "номер паспорта", "іпн"],
        "ru": ["номер клиента", "номер счёта", "номер счета", "лицевой счёт", "лицевой счет", "номер карты",
               "номер паспорта", "снилс"],
        "sk": ["zákaznícke číslo", "číslo zákazníka", "číslo účtu", "číslo karty", "rodné číslo", "číslo op"],
        "cs": ["zákaznické číslo", "číslo zákazníka", "číslo účtu", "číslo karty", "rodné číslo", "číslo op"],
        "de": ["kundennummer", "kunden-nr", "kundennr", "kunden-id", "kontonummer", "mitgliedsnummer",
               "kartennummer", "ausweisnummer", "versichertennummer"],
    },
    # dates of birth (redaction: a date after these, "[date]"; any full date with a birth year is redacted too)
    "birth_cue": {
        "en": ["date of birth", "dob", "d.o.b.", "born on", "born", "birthday", "birth date"],
        "pl": ["data urodzenia", "urodzona", "urodzony", "ur."],
        "uk": ["дата народження", "народилася", "народився", "народження"],
        "ru": ["дата рождения", "родилась", "родился", "рождения"],
        "sk": ["dátum narodenia", "narodená", "narodený", "nar."],
        "cs": ["datum narození", "narozena", "narozen", "nar."],
        "de": ["geburtsdatum", "geboren am", "geboren", "geb."],
    },
    # street addresses (redaction: "[address]"): words before the street name, and street-type words after it
    "street_before": {
        "en": [],
        "pl": ["ul.", "ulica", "ulicy", "al.", "aleja", "alei", "os.", "osiedle", "pl.", "plac"],
        "uk": ["вул.", "вулиця", "вулиці", "просп.", "проспект", "пров.", "провулок", "бульв.", "бульвар", "пл."],
        "ru": ["ул.", "улица", "улице", "пр.", "просп.", "проспект", "пер.", "переулок", "бул.", "бульвар", "пл."],
        "sk": ["ul.", "ulica", "ulici", "nám.", "námestie", "trieda"],
        "cs": ["ul.", "ulice", "ulici", "nám.", "náměstí", "nábřeží", "třída"],
        "de": [],
    },
    "street_after": {
        "en": ["street", "st", "st.", "road", "rd", "rd.", "avenue", "ave", "ave.", "lane", "ln", "drive",
               "close", "way", "court", "place", "crescent", "terrace", "gardens", "grove", "boulevard", "blvd",
               "square", "row", "hill", "park", "walk", "mews"],
        "de": ["straße", "strasse", "str.", "weg", "allee", "platz", "gasse", "ring", "damm", "ufer", "chaussee"],
    },
    # ---------------------------------------------------------------- order / tracking numbers (redaction)
    "order_word": {
        "en": ["order", "order no", "order number", "order id", "order ref", "purchase", "invoice", "tracking",
               "tracking number", "tracking no", "parcel", "package", "reference", "ref"],
        "pl": ["zamówienie", "zamówienia", "zamówieniu", "zamówieniem", "zamowienie", "zamowienia",
               "nr zamówienia", "numer zamówienia", "przesyłka", "przesyłki", "przesyłką", "paczka", "paczki",
               "list przewozowy", "listu przewozowego", "faktura", "faktury", "numer", "nr"],
        "uk": ["замовлення", "номер замовлення", "ттн", "накладна", "накладної", "посилка", "посилки",
               "рахунок", "номер", "№"],
        "ru": ["заказ", "заказа", "заказу", "заказом", "заказе", "номер заказа", "ттн", "трек", "трек-номер",
               "трек номер", "посылка", "посылки", "накладная", "накладной", "счёт", "счет", "номер", "№"],
        "sk": ["objednávka", "objednávky", "objednávku", "objednávke", "objednávkou", "číslo objednávky",
               "zásielka", "zásielky", "faktúra", "faktúry", "číslo", "č"],
        "cs": ["objednávka", "objednávky", "objednávku", "objednávce", "objednávkou", "číslo objednávky",
               "zásilka", "zásilky", "faktura", "faktury", "číslo", "č"],
        "de": ["bestellung", "bestellnummer", "auftrag", "auftragsnummer", "sendung", "sendungsnummer",
               "paket", "rechnung", "rechnungsnummer", "nummer", "nr"],
    },
    # ---------------------------------------------------------------- clustering: words that never label a topic
    "stopwords": {
        "en": ["use", "check", "see", "find", "tell", "give", "take", "put", "say", "go", "come", "look", "try", "trying", "able", "possible", "thing", "things", "something", "anything", "everything", "could", "might", "may", "must", "got", "getting", "im", "i'm", "it's", "dont", "don't", "can't", "cant", "didn't", "doesn't", "isn't", "won't", "wanna", "gonna", "ur", "u", "ya", "assistance", "support", "info", "information", "someone", "anyone", "every", "each", "last", "next", "since", "until", "though", "however", "maybe", "sure", "around", "back", "going", "said", "says", "seen", "also", "own", "same", "both", "few", "via", "per", "hey", "hello", "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at",
               "be", "because", "been", "before", "being", "but", "by", "can", "could", "did", "do", "does",
               "doing", "don", "done", "for", "from", "get", "got", "had", "has", "have", "having", "he", "her",
               "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "know",
               "like", "me", "more", "most", "my", "no", "not", "now", "of", "off", "on", "one", "only", "or",
               "other", "our", "out", "over", "please", "so", "some", "still", "such", "than", "that", "the",
               "their", "them", "then", "there", "these", "they", "this", "those", "to", "too", "up", "us", "very",
               "want", "was", "we", "were", "what", "when", "where", "which", "while", "who", "why", "will",
               "with", "would", "you", "your", "yours", "hi", "hello", "hey", "dear", "thanks", "thank", "regards",
               "best", "kind", "team", "ve", "ll", "re", "let", "would", "should", "need", "asap", "help",
               "question", "ask", "wanted", "wondering", "today", "yesterday", "week", "day", "days", "time",
               "way", "much", "many", "lot", "good", "great", "ok", "okay", "yes", "sir", "madam", "morning",
               "afternoon", "evening", "really", "already", "yet", "ever", "even", "well", "make", "made", "mail",
               "email", "reach", "name", "mr", "mrs", "ms", "tel"],
        "pl": ["czym", "mogę", "mogła", "mógł", "mogli", "możecie", "możliwe", "muszę", "trzeba", "chciałem", "chciała", "chciał", "coś", "wszystko", "jednak", "więc", "tego", "tej", "tych", "tę", "ten", "te", "tam", "tutaj", "jakiś", "jakie", "jaka", "jakiej", "jakim", "kto", "gdzie", "zawsze", "nigdy", "bo", "nam", "nas", "mój", "moją", "moich", "mną", "państwa", "pani", "proszę", "bardzo", "dlaczego", "czemu", "który", "której", "którego", "będę", "jestem", "byłam", "byłem", "miałam", "miałem", "zrobić", "wiem", "chce", "czy", "a", "aby", "albo", "ale", "bardzo", "bez", "bo", "być", "był", "była", "było", "były", "będzie",
               "chce", "chcę", "chciałam", "chciałbym", "chciałabym", "co", "czy", "czyli", "dla", "do", "dzień",
               "dobry", "dziękuję", "dzięki", "gdy", "gdzie", "go", "i", "ich", "ile", "im", "jak", "jaki",
               "jakie", "jest", "jestem", "jeszcze", "jeśli", "już", "ja", "je", "jej", "jego", "kiedy", "która",
               "które", "który", "ma", "mam", "mi", "mnie", "moje", "moja", "mój", "może", "można", "na", "nad",
               "nie", "nic", "niż", "o", "od", "oraz", "po", "pod", "pozdrawiam", "proszę", "przez", "przy",
               "się", "sobie", "są", "ta", "tak", "też", "to", "tu", "tylko", "tym", "u", "w", "we", "witam",
               "z", "za", "ze", "że", "żeby", "pani", "pan", "państwo", "moim", "mojej", "mojego", "bym", "by",
               "było", "temu", "teraz", "dnia", "dni", "cześć", "hej", "informację", "informacji", "pytanie",
               "sprawie", "sprawa", "odpowiedź", "szybką", "wam", "was", "wasz", "wasze", "gdyby", "ok", "panie",
               "panno", "mail", "email", "telefon", "tel", "nazywam", "imię", "mieć"],
        "uk": ["чим", "можете", "може", "будь", "щось", "все", "цього", "цей", "ця", "ці", "тому", "там", "тут", "який", "яка", "яке", "які", "чому", "де", "коли", "також", "мною", "нам", "нас", "ваш", "ваша", "ваше", "ваші", "буде", "було", "була", "хочу", "хотів", "хотіла", "знаю", "зробити", "підкажіть", "скажіть", "а", "але", "би", "був", "була", "було", "були", "бути", "в", "вам", "вас", "ви", "від", "вже",
               "все", "всі", "для", "до", "добрий", "день", "доброго", "дня", "дякую", "є", "же", "з", "за",
               "зі", "і", "й", "із", "й", "коли", "котрий", "мені", "мене", "ми", "мій", "моє", "моя", "мої",
               "на", "над", "не", "немає", "ні", "но", "про", "по", "під", "при", "привіт", "так", "також",
               "там", "те", "теж", "то", "тут", "у", "це", "цей", "ця", "чи", "що", "щоб", "як", "який", "яка",
               "які", "я", "будь", "ласка", "вітаю", "шановні", "повагою", "питання", "можна", "можу", "хочу",
               "хотіла", "хотів", "потрібно", "треба", "дуже", "ще", "тому", "вже", "його", "її", "їх", "ок",
               "пане", "пані", "mail", "телефон", "звати"],
        "ru": ["чем", "можете", "может", "что-то", "всё", "этого", "этот", "эта", "эти", "поэтому", "там", "тут", "какой", "какая", "какое", "какие", "почему", "где", "когда", "также", "мной", "нам", "нас", "будет", "было", "была", "знаю", "сделать", "мог", "могла", "могли", "вообще", "а", "без", "бы", "был", "была", "было", "были", "быть", "в", "вам", "вас", "весь", "во", "вот",
               "все", "всё", "вы", "где", "да", "для", "до", "добрый", "день", "его", "ее", "её", "если", "есть",
               "еще", "ещё", "же", "за", "здравствуйте", "и", "из", "или", "им", "их", "к", "как", "когда",
               "который", "ли", "мне", "меня", "мой", "моя", "моё", "мои", "мы", "на", "над", "не", "нет", "ни",
               "но", "о", "об", "от", "по", "под", "пожалуйста", "при", "привет", "про", "с", "со", "спасибо",
               "так", "также", "там", "то", "тоже", "только", "у", "уже", "уважением", "что", "чтобы", "это",
               "этот", "эта", "я", "хочу", "хотела", "хотел", "можно", "могу", "нужно", "надо", "очень",
               "подскажите", "скажите", "вопрос", "заранее", "сейчас", "тогда", "ок", "ваш", "ваша", "ваше",
               "mail", "телефон", "зовут"],
        "sk": ["môžete", "môže", "niečo", "všetko", "tento", "táto", "toto", "tieto", "preto", "tam", "tu", "aký", "aká", "aké", "prečo", "kde", "kedy", "tiež", "nám", "nás", "váš", "vaša", "vaše", "bude", "bolo", "viem", "urobiť", "mať", "mám", "máte", "a", "aj", "ak", "ako", "ale", "alebo", "som", "si", "je", "sú", "bol", "bola", "bolo", "boli",
               "by", "byť", "čo", "do", "deň", "dobrý", "ďakujem", "pre", "pri", "na", "nad", "nie", "o", "od",
               "po", "pod", "s", "so", "sa", "ten", "tá", "to", "tie", "tu", "už", "v", "vo", "z", "zo", "že",
               "kde", "kedy", "koľko", "môj", "moja", "moje", "mi", "ma", "mňa", "vám", "vás", "vy", "prosím",
               "pozdravom", "chcem", "chcela", "chcel", "môžem", "potrebujem", "ešte", "veľmi", "tak", "len",
               "aby", "či", "ktorý", "ktorá", "ktoré", "ok", "pán", "pani", "pane", "mail", "telefón", "volám"],
        "cs": ["můžete", "může", "něco", "všechno", "tento", "tato", "toto", "tyto", "proto", "tam", "tady", "jaký", "jaká", "jaké", "proč", "kde", "kdy", "také", "nám", "nás", "váš", "vaše", "bude", "bylo", "vím", "udělat", "mít", "mám", "máte", "a", "aby", "ale", "ani", "být", "byl", "byla", "bylo", "byly", "by", "co", "do", "den",
               "dobrý", "děkuji", "pro", "při", "na", "nad", "ne", "není", "o", "od", "po", "pod", "s", "se",
               "si", "jsem", "jsou", "je", "ten", "ta", "to", "ty", "tu", "už", "v", "ve", "z", "ze", "že",
               "kde", "kdy", "kolik", "můj", "moje", "mi", "mě", "mně", "vám", "vás", "vy", "prosím",
               "pozdravem", "chci", "chtěla", "chtěl", "mohu", "můžu", "potřebuji", "ještě", "velmi", "tak",
               "jen", "jak", "jestli", "zda", "který", "která", "které", "ok", "pan", "paní", "pane", "mail",
               "telefon", "jmenuji"],
        "de": ["dieses", "dieser", "diesem", "diesen", "eines", "einem", "man", "gibt", "wird", "werden", "wurde", "sein", "ihnen", "könnte", "müssen", "muss", "soll", "sollte", "etwas", "alles", "hier", "dort", "wieder", "immer", "hatte", "hätte", "wäre", "bin", "bei", "über", "unter", "gegen", "weil", "ob", "warum", "weiß", "machen", "mfg", "lg", "grüßen", "freundlichen", "zusammen", "damen", "herren", "aber", "alle", "als", "also", "am", "an", "auch", "auf", "aus", "bei", "bin", "bis", "bitte",
               "da", "danke", "dann", "das", "dass", "dem", "den", "der", "des", "die", "dies", "diese", "doch",
               "du", "ein", "eine", "einen", "einer", "es", "für", "geehrte", "geehrter", "grüße", "gruß",
               "guten", "tag", "hallo", "hat", "habe", "haben", "ich", "ihr", "ihre", "im", "in", "ist", "ja",
               "kann", "können", "mein", "meine", "meinen", "meiner", "mich", "mir", "mit", "nach", "nicht",
               "noch", "nur", "oder", "schon", "sehr", "sie", "sind", "so", "und", "uns", "von", "vor", "war",
               "was", "wenn", "wie", "wir", "wo", "zu", "zum", "zur", "freundlichen", "viele", "vielen", "möchte",
               "würde", "frage", "ok", "gerne", "leider", "bereits", "herr", "frau", "mail", "erreichen",
               "name", "heiße"],
    },
    # ---------------------------------------------------------------- FAQ headings phrased as questions
    "question_word": {
        "en": ["how", "what", "when", "where", "why", "which", "who", "can", "could", "do", "does", "is", "are",
               "will", "should", "may", "must", "is there", "are there"],
        "pl": ["jak", "co", "kiedy", "gdzie", "dlaczego", "czy", "ile", "jaki", "jaka", "jakie", "który", "która",
               "które", "kto", "w jaki sposób", "na czym"],
        "uk": ["як", "що", "коли", "де", "чому", "чи", "скільки", "який", "яка", "які", "хто", "можна",
               "навіщо"],
        "ru": ["как", "что", "когда", "где", "почему", "сколько", "какой", "какая", "какие", "кто", "можно",
               "зачем", "ли"],
        "sk": ["ako", "čo", "kedy", "kde", "prečo", "koľko", "aký", "aká", "aké", "kto", "môžem", "dá sa",
               "je možné", "môžu"],
        "cs": ["jak", "co", "kdy", "kde", "proč", "kolik", "jaký", "jaká", "jaké", "kdo", "mohu", "můžu",
               "lze", "je možné"],
        "de": ["wie", "was", "wann", "wo", "warum", "welche", "welcher", "welches", "wer", "kann", "können",
               "gibt es", "muss", "darf", "bekomme", "ist"],
    },
    # ---------------------------------------------------------------- FAQ blocks: class names of accordions
    "accordion_class": {
        "en": ["accordion", "faq", "collapse", "collapsible", "toggle", "question", "expand", "qa-", "q-and-a",
               "disclosure"],
    },
    "answer_class": {
        "en": ["answer", "accordion-body", "accordion-content", "accordion-panel", "panel", "content", "collapse",
               "faq-a", "response", "body"],
    },
}

# Characters of the alphabets of our languages beyond ASCII: an encoding that decodes a sample into these is
# more plausible than one that decodes it into symbols or letters of other languages.
ALPHABETS: dict[str, str] = {
    "pl": "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ",
    "cs": "áčďéěíňóřšťúůýžÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ",
    "sk": "áäčďéíĺľňóôŕšťúýžÁÄČĎÉÍĹĽŇÓÔŔŠŤÚÝŽ",
    "de": "äöüßÄÖÜ",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ",
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯʼ’",
    "punct": "„“”‚‘’«»–—…€№•·°§×",
}

# Letters that tell one language from its neighbours (language guess without a model; fast on a million
# tickets). Cyrillic: і/ї/є/ґ are Ukrainian, ы/э/ъ/ё Russian; Latin: each set is (nearly) unique to one.
LETTER_HINTS: dict[str, str] = {
    "uk": "іїєґ",
    "ru": "ыэъё",
    "pl": "ąęłńśźż",
    "cs": "ěřů",
    "sk": "ľĺŕô",
    "de": "öüß",
}

# Cluster topics have no taxonomy question: the FAQ suggestion is this template around their label.
CLUSTER_QUESTION: dict[str, str] = {
    "en": "What should I know about “{label}”?",
    "pl": "Co warto wiedzieć o „{label}”?",
    "uk": "Що потрібно знати про «{label}»?",
    "ru": "Что нужно знать о «{label}»?",
    "sk": "Čo potrebujem vedieť o „{label}“?",
    "cs": "Co potřebuji vědět o „{label}“?",
    "de": "Was muss ich über „{label}“ wissen?",
}


def alternation(terms: list[str]) -> str:
    """A regular expression matching any of ``terms`` (lower-cased: use it case-insensitively), shaped as a
    trie so that trying it at a position costs the length of the match, not the number of terms (hundreds of
    greetings, titles and cue words are tried at every position of every ticket). Longest match first."""
    trie: dict = {}
    for term in {t.lower() for t in terms if t}:
        node = trie
        for ch in term:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alternatives = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            alternatives.append("")
        if len(alternatives) == 1:
            return alternatives[0]
        return "(?:" + "|".join(alternatives) + ")"

    return build(trie)


def group(name: str, lang: str | None = None) -> list[str]:
    """The terms of a group in ``lang``, or in every language (deduplicated, in language order)."""
    entry = WORDS[name]
    if lang and lang in entry:
        return list(entry[lang])
    seen: dict[str, None] = {}
    for language in (*LANGUAGES, *[k for k in entry if k not in LANGUAGES]):
        for term in entry.get(language, []):
            seen.setdefault(term, None)
    return list(seen)
