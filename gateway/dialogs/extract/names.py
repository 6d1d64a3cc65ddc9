"""Names of programs no list knows: every office has its own ("Склад 15", "КонсультантПлюс",
"Genesys Cloud desktop 2.41").

A name is read from how it is written, not from a dictionary: a quoted name right after
"программа"/"app" ("складская программа «Склад 15»"), a word with a capital inside it
("КонсультантПлюс", "QuickBooks") with the capitalised words after it ("Технология
ПРОФ"), or capitalised words followed by a dotted version ("Genesys Cloud desktop 2.41").
Ordinary words, sentence starts and error messages are not names.
"""

from __future__ import annotations

import re

from gateway.dialogs.extract import errors
from gateway.dialogs.extract.placed_names import DAYS_AND_MONTHS, dictionary_form, placed_names
from gateway.knowledge.morphology import is_dictionary_word, readings
from gateway.knowledge.vocabulary import PLEASE

_UP = "A-ZА-ЯІЇЄҐ"
_LOW = "a-zа-яіїєґ"
# What a quote holds: an apostrophe between two letters is part of a word ("«Кур'єр-Облік»",
# "'M'yasnyi Dvir'"), never the closing quote. A program's name, short, right after its noun:
# not the screen's words (phrases.SCREEN_QUOTE), which the error reader takes.
_QUOTED_TEXT = r"(?:[^»\"”“'\n]|(?<=\w)'(?=\w))"
# A program noun, then the quoted name: "программа «Склад 15»", "the app "TimeTrack"".
_QUOTED_AFTER_PROGRAM = re.compile(
    r"(?<![\w])(?:программ\w*|приложени\w*|систем\w*|сервис\w*|утилит\w*|конфигураци\w*|"
    r"модул\w*|програм\w*|застосун\w*|сервіс\w*|утиліт\w*|конфігураці\w*|app|application|"
    r"program|software|tool|system|service|platform|module|МИС|МІС|СЭД|СЕД|CRM|ERP|WMS|АБС|(?-i:ПО|ПЗ)|"
    rf"АСУ|АИС|АІС|PMS|HIS|EHR|EMR)\s+[«\"“„']({_QUOTED_TEXT}{{2,40}}?)[»\"”“'](?!\w)",
    re.IGNORECASE,
)
# … or said as what the thing is, at a clause's start: "нет. это «Мастер деклараций» 2.14",
# "Ні. Це «Квитки Онлайн», Windows 10", "it's called "TimeTrack"" (what a screen says follows
# a verb of saying, not "это").
_QUOTED_AS_WHAT_IT_IS = re.compile(
    r"(?:^|(?<=[.,;:!?—–]))\s*(?:это|це|it'?s called|it is called|называется|називається|"
    r"зветься)\s+"
    rf"[«\"“„']({_QUOTED_TEXT}{{2,40}}?)[»\"”“'](?!\w)",
    re.IGNORECASE,
)
# ... with what the program is for between, a noun in the genitive: "программа протоколов
# «ЭмбриоЛаб»", "система обліку «Кошторис»" (not "программа пишет «…»": a verb, what it says).
_QUOTED_AFTER_PROGRAM_OF = re.compile(
    r"(?<![\w])(?:программ\w*|приложени\w*|систем\w*|програм\w*|застосун\w*)\s+"
    rf"([а-яіїєґ']+)\s+[«\"“„']({_QUOTED_TEXT}{{2,40}}?)[»\"”“'](?!\w)",
    re.IGNORECASE,
)
# A system noun, then a capitalised name without quotes: "МИС Медиалог", "в программе
# Парус", "CRM Creatio", "the app TimeTrack". The name is one or two capitalised words.
_AFTER_SYSTEM_NOUN = re.compile(
    rf"(?<![\w])(?i:программ\w*|приложени\w*|систем\w*|конфигураци\w*|програм\w*|"
    rf"застосун\w*|конфігураці\w*|app|application|software|platform)\s+"
    rf"([{_UP}][{_LOW}]+(?:-[{_UP}]?[{_LOW}]+)?(?:\s+[{_UP}][\w]+)?)(?![\w])|"
    rf"(?<![\w])(?:МИС|МІС|СЭД|СЕД|CRM|ERP|WMS|HIS|EHR|EMR)\s+"
    rf"([{_UP}][\w]+(?:-[{_UP}]?[{_LOW}]+)?)(?![\w])"
)
# What is to be installed is a program: "install Carestream CS Imaging 8 on …",
# "встановити Гранд-Кошторис на новий ноутбук", "поставьте мне Notepad++".
_INSTALLED = re.compile(
    r"(?<![\w])(?i:install|re-?install|instal|установить|установите|поставить|поставьте|"
    r"встановити|встановіть|поставити|поставте|інсталювати|инсталлировать)"
    rf"(?:\s+(?i:me|us|the|a|an|мне|мені|нам|{PLEASE}))*\s+"
    rf"([{_UP}][\w.+-]*(?:\s+(?:[{_UP}0-9][\w.+-]*))*)"
)
# What the user wants put on a machine is a program, however its name is written: "I need
# QGIS put on my Dell Latitude", "I'd like Canva desktop installed", "I need R and RStudio on
# the station laptop" (not a person on the phone, nor rights: "I need Admin rights on my PC").
_NAME_WRITTEN = r"(?-i:[A-Z][\w.+-]*(?:\s+[A-Z0-9][\w.+-]*)*)"
_WANTED_ON_A_MACHINE = re.compile(
    r"(?<![\w])(?i:need|needs|want|wants|like|get|getting|request|requesting)\s+"
    rf"({_NAME_WRITTEN}(?:\s+and\s+{_NAME_WRITTEN})?)"
    r"(?=\s+(?i:(?:desktop|app|application|software|program)\s+)?(?i:installed|put on|set up|"
    r"added|on\s+(?:my|our|the|a|this|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:pc|computer|"
    r"laptop|mac|macbook|imac|machine|workstation|desktop|tablet|ipad)s?\b))"
)
# A maker no list knows, a series and a model of letters and digits after "the", "our",
# "from", or before the kind of device it is: "the Focusrite Scarlett 2i2", "our Brady
# BBP12", "Sven SPS-607 speakers" (not "on Monday 3rd", "Room 3b", "error E-607").
_NAMED_MODEL = re.compile(
    r"(?:(?<![\w])(?i:the|my|our|a|an|from|with|on|for|via)\s+|(?P<start>(?<![\w-])))"
    r"(?P<model>(?!(?i:room|floor|office|building|block|level|bay|ward|desk|till|gate|door|hall|"
    r"platform|kitchen|lab|unit|site|shop|store|branch|windows|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)\b)[A-Z][a-z]{2,}(?:\s+[A-Z][a-z]{2,})?\s+"
    r"(?!\d+(?:st|nd|rd|th|am|pm|gb|mb|tb|kb|hz|ghz|mhz|ms|px|min|mins|h|m|s|k)\b)"
    r"(?:\d+[a-z]+\d*[\w]*|[A-Z]{1,3}\d{2,}[A-Za-z]*|[A-Z]{1,5}-\d{2,}[A-Za-z]{0,3}))(?![\w-])"
    # ... or anywhere, with the kind of device after it: "Sven SPS-607 speakers"
    r"(?(start)(?=\s+(?i:speakers?|printers?|scanners?|headsets?|headphones|mics?|microphones?|"
    r"monitors?|routers?|cameras?|webcams?|keyboards?|mouse|mice|laptops?|tablets?|phones?|docks?|"
    r"projectors?|ups|terminals?|readers?|amplifiers?|mixers?|interfaces?|sound ?cards?)\b))"
)
# What a thing is, said of it: "it's a Boca Lemur", "це Optima CRM", "это Zebra GK420":
# a maker no list knows, named with its model in capitals.
# The maker may be written in capitals or lead with a digit ("it's an HID OMNIKEY 5427", "It's
# a 3Shape TRIOS"), and a model number may follow the series.
_IT_IS_A = re.compile(
    r"(?<![\w])(?i:it'?s an?|it is an?|that'?s an?|this is an?|это|це|то)\s+"
    r"((?:[A-Z][a-z]{2,}|[A-Z]{2,6}|\d[A-Za-z]{2,}[\w-]*)\s+(?:[A-Z][a-z]{2,}|(?!0x)[A-Z]*\d[\w-]*|"
    r"[A-Z]{2,}\d*)(?:\s+(?!0x)[A-Z]*\d[\w-]*)?)(?![\w-])"
)
# A Latin word in lower case with a dotted version is a program's name as its makers write
# it: "Это exocad 3.1", "we run dentalcad 2.4" (not a word of English: "version 3.1").
_LOWER_WITH_VERSION = re.compile(
    r"(?<![\w.@/\\-])([a-z][a-z0-9]{2,}[a-z])\s+v?(\d+\.\d+(?:\.\d+)*)(?![\w.]*\w)"
)
# ... and one after a program noun in a Cyrillic message: "программа exocad", "в програмі medok".
_LOWER_AFTER_PROGRAM = re.compile(
    r"(?<![\w])(?i:программ\w*|приложени\w*|систем\w*|програм\w*|застосун\w*)\s+"
    r"([a-z][a-z0-9]{2,}[a-z])(?![\w.@/\\-])"
)
# ... and one alone in a Cyrillic message, no word of English: "exocad вылетает", "в bizhub
# застряг папір" (not a login, a password, a command or a key: "логин ivanova", "ipconfig").
_LOWER_LATIN = re.compile(r"(?<![\w.@/\\:#%&=?+-])([a-z][a-z0-9]{3,}[a-z])(?![\w@/\\+-]|[.:]\w)")
_COMMANDS = frozenset(
    """ipconfig chkdsk gpupdate tracert nslookup netsh regedit msconfig powershell taskmgr dism
    sfc cmd ctrl shift enter escape delete backspace qwerty admin localhost""".split()  # noqa: SIM905
)
_LOGIN_BEFORE = re.compile(
    r"(?:парол\w*|password|pass|пин|pin|код\w*|code|сотрудник\w*|співробітник\w*|юзер\w*|"
    r"команд\w*|command|ввожу|вводжу|вводил\w*|вводив|ввела|ввёл|ввел|typed|type|enter|"
    # a login one signs in as or an account's: "захожу под sidorova", "вхожу як marchenko",
    # "учетная запись melnikova"
    r"(?:вхож\w*|вход\w*|войти|зайти|захож\w*|заход\w*|увійти|входжу|заходжу|зайшл\w*|"
    r"залогин\w*|log(?:ged|ging)?\s+in|sign(?:ed|ing)?\s+in)\s+(?:под|як|как|as)|"
    r"(?:учетн\w*|учётн\w*|облікови\w*)\s+запис\w*|account)\s*:?\s*$",
    re.IGNORECASE,
)
# Capitalised words with a year for a version: "Premiere Pro 2024", "Civil 3D 2023".
_BEFORE_YEAR = re.compile(
    rf"(?<![\w.])((?-i:[{_UP}][\w+-]*)(?:\s+(?-i:[{_UP}0-9][\w+-]*)){{1,2}})\s+(20[1-3]\d)(?![\w.])"
)
# Capitalised halves joined by a hyphen: "Гранд-Смета", "Мастер-Кадры" (not a place), or a
# capitalised word and a number or a 3D: "Компас-3D", "Такси-Мастер", "Парус-8".
_HYPHENATED = re.compile(
    rf"(?<![\w-])(?:[{_UP}][{_LOW}]{{2,}}-(?:[{_UP}][{_LOW}]{{2,}}|\d{{1,2}}[DdДд]?)|"
    # ... in capitals as its makers write it: "КОМПАС-3D" (not "МФУ-2", a numbered device)
    rf"[{_UP}]{{3,}}-[23][DdДд])(?![\w-])"
)
# Two capitalised words joined by a colon or a dot: "Ліга:Закон", "Парус:Зарплата",
# "Контур.Экстерн", "Вчасно.КЕП".
_COLON_NAME = re.compile(rf"(?<![\w.])[{_UP}][{_LOW}]+[:.][{_UP}][{_UP}{_LOW}]+(?![\w])")
# After a dot with no space the next sentence may start: "Outlook.Перезагружала", "Excel.Тоже".
_SENTENCE_START = frozenset(
    {"VERB", "INFN", "ADVB", "PRCL", "CONJ", "PREP", "NPRO", "PRED", "GRND"}
)


def _next_sentence(name: str) -> bool:
    """Whether the word after the dot in `name` reads as a new sentence's first word."""
    if "." not in name:
        return False
    second = name.split(".", 1)[1].lower()
    found = readings(second, "ru") or readings(second, "uk")
    return bool(found) and bool(found[0][1] & _SENTENCE_START)
# A word with a capital inside ("КонсультантПлюс", "QuickBooks"), then capitalised or
# upper-case words that belong to the name ("Технология ПРОФ"), a model's dashed code whole
# ("imageFORMULA DR-M160II", not "imageFORMULA DR").
_INNER_CAPITAL = re.compile(
    rf"(?<![\w])(?:[{_UP}][{_LOW}]+|[a-z]{{3,}})[{_UP}][\w]*"
    rf"(?:\s+(?:[{_UP}][{_UP}]+(?:-[{_UP}0-9][\w]*)?|[{_UP}][{_LOW}]+)(?![\w]))*"
)
# Capitalised words, then a dotted version: "Genesys Cloud desktop 2.41".
_BEFORE_VERSION = re.compile(
    rf"(?<![\w.])([{_UP}][\w-]+(?:\s+[\w-]+){{0,2}}?)\s+v?(\d+\.\d+(?:\.\d+)*)(?![\w.]*\w)"
)
# A software maker, then its product's capitalised name: "Microsoft Authenticator", "Google
# Workspace", "Microsoft Dynamics 365", "Adobe Creative Cloud". The maker's name belongs to it.
_MAKER_NAME = re.compile(
    r"(?<![\w])(?:Microsoft|Google|Adobe|Autodesk|Oracle|Apple|Zoho|Atlassian|Kaspersky|Mozilla|"
    r"IBM|Yandex|Amazon|Dropbox|Cisco|Citrix|Sophos|Fortinet|Bitdefender|Avast|Corel|Trimble)"
    r"((?:\s+[A-Z][\w+-]*[\w+]){1,2})(?:\s+(\d+(?:\.\d+)*))?(?![\w])"
)
_NOT_A_NAME = re.compile(
    r"^(?:error|ошибк\w*|помилк\w*|code|код|version|верси\w*|версі\w*|build|сборк\w*|"
    r"windows|macos|ios|android|ubuntu|linux|the|it|this|that|my|our|i|we|we're|it's|v)$",
    re.IGNORECASE,
)


# Latin words inside a Cyrillic message are names ("не работает Trello", "зависает Power BI"),
# except technology words every message uses.
# A name's first word may be capitals joined by a hyphen: "T-FLEX CAD 17" (not "CAD 17").
_LATIN_NAME = re.compile(
    r"(?<![\w.@/\\-])((?:[A-Z][A-Z0-9]*-[A-Z][A-Z0-9]+(?![\w-])|[A-Z][A-Za-z0-9+]*[a-z0-9+]|"
    r"[a-z]+[A-Z][A-Za-z0-9]*|[0-9][A-Z]{2,}|[A-Z]{3,})"
    r"(?:[ .](?:[A-Z]{1,5}-\d{2,}[A-Za-z]{0,3}|[A-Z][A-Za-z0-9+]*|(?!0x)\d+[a-z]\d+|\d+(?:\.\d+)*)"
    r"(?![\w@/]))*)(?![\w@/\\-]|::)"
)
_TECH_WORDS = frozenset(
    """vpn usb hdmi vga dvi pdf dns ip wi-fi wifi lan wan
    ssd hdd ram cpu gpu bios uefi led id pin ok pc it sms
    qr url http https ssl tls dhcp mac sim 2fa mfa otp tv hd
    bluetooth email e-mail mail wi fi excel word error code windows linux android ios
    macos server client admin internet online offline update login password outbox inbox spam cloud
    desktop app web site portal printer scanner monitor mouse keyboard laptop notebook smart api
    rdp ftp smtp imap pop nas san raid dc ad gpo ou sql db
    html css js pos gps nfc ru ua uk en eu us usa
    camera screen display phone computer sound audio video mic microphone headset headphones
    speaker speakers calendar network connection battery charger file files folder folders disk
    page window search sync system account machine device tablet projector board till kiosk router
    modem dock cable touchpad trackpad power fan upload download attachment attachments
    document documents report reports form link button message messages database license
    licence installation installer install backup spreadsheet sheet scan print meeting meetings
    call calls voicemail extension label labels receipt card terminal payment
    payments certificate browser website boot startup shutdown export
    import everything nothing something anything everyone everybody nobody someone somebody
    this that these those mine all none""".split()  # noqa: SIM905
)
# Codes are errors, not names: "AADSTS50076", "ERR_CONNECTION_RESET", "ZX-417".
_CODE_LIKE = re.compile(r"[A-Z]{1,8}[-_]?\d{3,}\w*|[A-Z0-9]+(?:_[A-Z0-9]+)+|0x[0-9A-Fa-f]+")
# After these a Latin word is an identifier (a login, a host, a folder), not a program.
_IDENTIFIER_BEFORE = re.compile(
    r"(?:логин|логін|login|учетк\w*|учётк\w*|пользовател\w*|користувач\w*|user(?:name)?|account|"
    r"аккаунт\w*|акаунт\w*|ящик\w*|скриньк\w*|адрес\w*|address|сервер\w*|server|host|хост\w*|"
    r"папк\w*|folder|диск\w*|drive|компьютер\w*|комп'ютер\w*|пк|pc|имя|ім'я|name)\s*:?\s*$",
    re.IGNORECASE,
)


def unknown_names(text: str) -> list[tuple[int, str]]:
    """(position, name) of each program name in `text` that is written like one."""
    found: list[tuple[int, str]] = []
    if re.search(r"[а-яіїєґА-ЯІЇЄҐ]", text):
        said = _said_spans(text)
        for match in _LATIN_NAME.finditer(text):
            name = match.group(1).strip(" .")
            # "HDMI-VGA": a cable's ends, no name
            first = name.split()[0].lower()
            if not any(w in _TECH_WORDS for w in (first, *first.split("-"))) and not any(
                match.start() in span for span in said
            ):
                found.append((match.start(), name))
    for pattern in (_QUOTED_AFTER_PROGRAM, _QUOTED_AS_WHAT_IT_IS):
        for match in pattern.finditer(text):
            # not "в программе «Устройство не найдено»", "это «Нет связи»": what a screen says
            if not errors.QUOTE_SAYS.search(match.group(1)):
                found.append((match.start(1), match.group(1).strip()))
    for match in _QUOTED_AFTER_PROGRAM_OF.finditer(text):
        word = match.group(1).lower()
        what = readings(word, "ru")[:1] + readings(word, "uk")[:1]
        if any({"NOUN", "gent"} <= tags for _, tags in what) and not errors.QUOTE_SAYS.search(
            match.group(2)
        ):
            found.append((match.start(2), match.group(2).strip()))
    for match in _AFTER_SYSTEM_NOUN.finditer(text):
        group = 1 if match.group(1) else 2
        found.append((match.start(group), match.group(group).strip()))
    for match in _LOWER_WITH_VERSION.finditer(text):
        if _a_lower_name(match.group(1)):
            found.append((match.start(1), match.group(1)))  # the version is added below
    if re.search(r"[а-яіїєґА-ЯІЇЄҐ]", text):
        for match in _LOWER_AFTER_PROGRAM.finditer(text):
            if _a_lower_name(match.group(1)):
                found.append((match.start(1), match.group(1)))
        said = _said_spans(text)
        for match in _LOWER_LATIN.finditer(text):
            word = match.group(1)
            if (
                _a_lower_name(word)
                and word not in _COMMANDS
                and not _LOGIN_BEFORE.search(text[: match.start()])
                and not any(match.start() in span for span in said)
            ):
                found.append((match.start(1), word))  # "exocad вылетает": as its makers write it
    for match in _INSTALLED.finditer(text):
        found.append((match.start(1), match.group(1).rstrip(".")))
    for match in _WANTED_ON_A_MACHINE.finditer(text):
        for part in re.finditer(_NAME_WRITTEN, match.group(1)):
            name = part.group(0)
            first = name.split()[0].lower()
            if len(name) > 1 and first not in _TECH_WORDS and first not in DAYS_AND_MONTHS:
                found.append((match.start(1) + part.start(), name))
    for match in _BEFORE_YEAR.finditer(text):
        words = match.group(1).split()
        while words and _FUNCTION_WORD.match(words[0]):
            words = words[1:]  # "With Office 2019": the name starts after "with"
        if words and not _NOT_A_NAME.match(words[0]):
            name = " ".join(words)
            found.append((match.start(1) + match.group(1).index(name), f"{name} {match.group(2)}"))
    for match in _NAMED_MODEL.finditer(text):
        found.append((match.start("model"), match.group("model")))
    for match in _IT_IS_A.finditer(text):
        maker, series = match.group(1).split()[:2]
        # a word of English is no maker ("It's a Huge …"), unless it is written in capitals
        # before a series that is no word either ("HID OMNIKEY": not "BIG PROBLEM")
        english = is_dictionary_word(maker.lower(), "en") and not (
            maker.isupper() and not is_dictionary_word(series.lower(), "en")
        )
        if not _NOT_A_NAME.match(maker) and maker.lower() not in _TECH_WORDS and not english:
            found.append((match.start(1), match.group(1)))
    for match in _HYPHENATED.finditer(text):
        if not _is_place(match.group(0)):
            found.append((match.start(), match.group(0)))
    quoted = [
        range(m.start(), m.end())
        for m in re.finditer(rf"[«\"“„']{_QUOTED_TEXT}{{2,160}}?[»\"”“'](?!\w)", text)
    ]
    for match in _COLON_NAME.finditer(text):
        if not _next_sentence(match.group(0)) and not any(match.start() in span for span in quoted):
            found.append((match.start(), match.group(0)))  # not "'System.NullReferenceException'"
    for match in _INNER_CAPITAL.finditer(text):
        if text[max(0, match.start() - 1) : match.start()] == "." or any(
            match.start() in span for span in quoted
        ):
            continue  # "java.lang.NullPointerException", 'SAPGUI has stopped': what was said
        found.append((match.start(), match.group(0).strip()))
    for match in _BEFORE_VERSION.finditer(text):
        words = match.group(1).split()
        if _NOT_A_NAME.match(words[0]) or _NOT_A_NAME.match(words[-1]):
            continue
        first = words[0].lower()
        if is_dictionary_word(first, "en") and not _has_inner_capital(words[0]):
            continue  # "Since 2.3 …", "Version …", "Update 1.2": ordinary words, not names
        found.append((match.start(), f"{match.group(1)} {match.group(2)}"))
    replies = errors.server_replies(text)
    return [
        (start, _with_version(text, start, name))
        for start, name in found
        if not _IDENTIFIER_BEFORE.search(text[:start])
        and not _CODE_LIKE.fullmatch(name)
        and not errors.EXCEPTION.fullmatch(name)
        and not _within(start, name, replies)
    ]


# What a crash window says after the program's name: its title is the program ("'WeighPro has
# stopped working'", "«Coptis не отвечает»"), though a screen's words are no names otherwise.
CRASH_WINDOW_AFTER = (
    r"(?:has stopped working|stopped working|has encountered a problem|is not responding|"
    r"has stopped responding|не отвечает|не відповідає|перестала работать|перестала працювати)"
)
_CRASH_WINDOW = re.compile(
    r"(?<![\w.@/\\-])((?-i:[A-Z][\w+.-]*)(?:[^\S\n](?-i:[A-Z][\w+.-]*)){0,2})[^\S\n]+"
    + CRASH_WINDOW_AFTER,
    re.IGNORECASE,
)


def crash_window_names(text: str) -> list[tuple[int, str]]:
    """(position, name) of each program a crash window names ("WeighPro has stopped working"):
    a Latin name no dictionary knows ("The program has stopped working", "Сервер не отвечает"
    name none)."""
    found = []
    for match in _CRASH_WINDOW.finditer(text):
        name = match.group(1)
        first = name.split()[0]
        if (
            name.isascii()
            and first.lower() not in _TECH_WORDS
            and not _NOT_A_NAME.match(first)
            and (not is_dictionary_word(first.lower(), "en") or _has_inner_capital(first))
        ):
            found.append((match.start(1), name))
    return found


def _a_lower_name(word: str) -> bool:
    """Whether a lower-case Latin word may be a program's name: no technology word, no system
    and no word of English ("version", "chrome" is a name the lists know)."""
    return (
        word not in _TECH_WORDS
        and not _NOT_A_NAME.match(word)
        and not is_dictionary_word(word, "en")
        and not re.match(r"(?:win|mac|ios|android|ubuntu|linux|macos)", word)
    )


def maker_names(text: str) -> list[tuple[range, str]]:
    """(span, name) of each product named with its maker ("Microsoft Authenticator", "Google
    Workspace"), none inside what a screen says ("'Microsoft Word has stopped working'")."""
    said = _said_spans(text)
    found: list[tuple[range, str]] = []
    for match in _MAKER_NAME.finditer(text):
        if any(match.start() in span for span in said):
            continue
        words = match.group(1).split()
        while words and _NOT_A_NAME.match(words[-1]):
            words.pop()  # "Microsoft Windows", "Google Error": a system or a word, no product
        if not words or _NOT_A_NAME.match(words[0]):
            continue
        whole = len(words) == len(match.group(1).split()) and match.group(2)
        name = " ".join([text[match.start() : match.start(1)].strip(), *words])
        found.append((range(match.start(), match.end()), f"{name} {whole}" if whole else name))
    return found


# A maker no list knows, then its model ("our Shure MV7 isn't picked up", "a Behringer
# UMC204HD", "Audio-Technica ATH-M50x", "a Rode NT-USB mic"): a capitalised word no English
# dictionary holds, right before a model token of capitals and digits, or of capitals joined
# by a dash.
_MAKER_MODEL = re.compile(
    r"(?<![\w'’.@/\\-])((?-i:[A-Z][a-z]{2,}(?:-[A-Z][a-z]{2,})?))[^\S\n]+"
    r"((?-i:[A-Z]{1,4}-?\d[A-Za-z0-9-]*|[A-Z]{1,4}-[A-Z]{1,3}\d[A-Za-z0-9-]*|[A-Z]{2,4}-[A-Z]{2,4}))"
    r"(?![\w-])"
)
# … a maker's name that is also an English word ("Rode", "Sven") only as a thing's: after an
# article or a possessive ("it's a Rode NT-USB mic"), or after a word typed in translit
# ("kolonki Sven SPS-611"): "I Rode NT-2" is nobody's way of saying it.
_THING_BEFORE = re.compile(
    r"(?:(?<![\w'’])(?i:a|an|the|my|our|your|their|his|her|its)|(?<![\w'’.@/\\-])(?P<word>[a-z]{4,}))"
    r"[^\S\n]+$"
)
# A maker no list knows said before the kind of device, after an article or a possessive: "the
# Bose speaker plugged into the front PC", "our Sennheiser headset" (the maker is the name).
_MAKER_DEVICE = re.compile(
    r"(?<![\w'’])(?i:a|an|the|my|our|your|their|his|her|its)[^\S\n]+((?-i:[A-Z][a-z]{2,}))"
    r"(?=[^\S\n]+(?i:speakers?|headsets?|headphones|earbuds|earphones|mic|mics|microphones?|"
    r"soundbar|webcam|web ?cam|camera)(?![\w-]))"
)


def maker_models(text: str) -> list[tuple[int, str]]:
    """(position, name) of each unknown maker said with its model, none inside what a screen
    says, none after a place or a person ("from Olena", "in Kyiv")."""
    said = _said_spans(text)
    found: list[tuple[int, str]] = []
    for match in _MAKER_MODEL.finditer(text):
        maker = match.group(1)
        if (
            maker.lower() in _TECH_WORDS
            or (is_dictionary_word(maker.lower(), "en") and not _a_things_maker(text, match))
            or _NOT_A_NAME.match(maker)
            or _WHERE_OR_WHO_BEFORE.search(text[: match.start()])
            or any(match.start() in span for span in said)
        ):
            continue
        found.append((match.start(), f"{maker} {match.group(2)}"))
    for match in _MAKER_DEVICE.finditer(text):
        maker = match.group(1)
        if not (
            maker.lower() in _TECH_WORDS
            or is_dictionary_word(maker.lower(), "en")
            or _NOT_A_NAME.match(maker)
            or any(match.start(1) in span for span in said)
        ):
            found.append((match.start(1), maker))
    return found


def _a_things_maker(text: str, match: re.Match[str]) -> bool:
    """Whether a maker spelt like an English word stands as a thing's: after an article or a
    possessive, or after a word typed in translit (one no English dictionary knows); never a
    place or a numbered thing ("the Room B12 printer", "Gate A-12")."""
    if match.group(1).lower() in _NUMBERED_PLACES:
        return False
    before = _THING_BEFORE.search(text, 0, match.start())
    word = before.group("word") if before else None
    return bool(before) and (word is None or not is_dictionary_word(word, "en"))


_NUMBERED_PLACES = frozenset(
    """room floor level suite office lab ward block building bay gate desk station hall unit
    studio class classroom kiosk window counter till lane zone area wing aisle door line case
    order ticket error code model street platform cabinet table seat row page step""".split()  # noqa: SIM905
)


def names_by_place(text: str) -> list[tuple[int, str]]:
    """(position, name) of names only their place in a sentence reveals ("Salesforce keeps
    logging me out"), with their versions; none inside what a screen says."""
    said = _said_spans(text)
    replies = errors.server_replies(text)
    return [
        (at, dictionary_form(_with_version(text, at, name)))
        for at, name in _with_makers(text, placed_names(text))
        if not any(at in span for span in said)
        and not _within(at, name, replies)
        and name.split()[0].lower() not in _TECH_WORDS
        and not _IDENTIFIER_BEFORE.search(text[:at])
    ]


# A capitalised Latin word no English dictionary knows, right before a name: its maker
# ("Ableton Live", "Bartlett Genesis"), one name with it.
_MAKER_BEFORE = re.compile(r"(?<![\w'’.@/\\-])((?-i:[A-Z][a-z]{2,}))[^\S\n]$")


# "In Kyiv Salesforce …", "from Anna": a place or a person before the name, not its maker
_WHERE_OR_WHO_BEFORE = re.compile(
    r"(?:\b(?:in|at|from|to|for|near|by|of|with|and|or|hi|hello|dear|thanks|thank you)|[,:])\s*$",
    re.IGNORECASE,
)


def _with_makers(text: str, found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """`found` with each name's maker joined to it, and two names side by side made one."""
    joined: list[tuple[int, str]] = []
    for at, name in found:
        if (
            joined
            and joined[-1][0] + len(joined[-1][1]) + 1 == at
            and text[at - 1] == " "
            and not _WHERE_OR_WHO_BEFORE.search(text[: joined[-1][0]])
        ):
            joined[-1] = (joined[-1][0], f"{joined[-1][1]} {name}")  # "Bartlett" "Genesis"
            continue
        maker = _MAKER_BEFORE.search(text[:at])
        word = maker.group(1) if maker else ""
        if (
            word
            and word.lower() not in _TECH_WORDS
            and not is_dictionary_word(word.lower(), "en")
            and not _WHERE_OR_WHO_BEFORE.search(text[: maker.start(1)])
        ):
            at, name = maker.start(1), f"{word} {name}"
        joined.append((at, name))
    return joined


def _within(start: int, name: str, spans: list[range]) -> bool:
    """Whether the name at `start` overlaps one of `spans` ("NDR says 451 4.7.0")."""
    return any(start < span.stop and span.start < start + len(name) for span in spans)


# On the name's line: the next line's number is its own ("2. FortiClient\n3. Windows 11").
_VERSION_AFTER = re.compile(r"[^\S\n]+(v?\d+(?:\.\d+)*)(?![\w]|\.\d|:\d)")


def _with_version(text: str, start: int, name: str) -> str:
    """The name with the version written right after it: "InDesign 2024", "Склад 15"."""
    if re.search(r"\d$", name):
        return name
    version = _VERSION_AFTER.match(text, start + len(name))
    if not version:
        return name
    following = re.match(r"\s+([\w']+)", text[version.end() :])
    if "." not in version.group(1) and following and _counted(following.group(1)):
        return name  # "КонсультантПлюс 3 окна висят": a count, not a version
    return f"{name} {version.group(1)}"


_COUNTED_EN = re.compile(
    r"(?:days?|hours?|minutes?|weeks?|months?|times?|users?|people|files?|windows|tabs?|"
    r"pages?|sheets?|documents?|computers?|pcs|machines?|errors?)$",
    re.IGNORECASE,
)


def _counted(word: str) -> bool:
    """Whether `word` is what a number before it counts ("окна", "дні", "days")."""
    if re.search(r"[а-яіїєґ]", word, re.IGNORECASE):
        found = readings(word.lower(), "ru") or readings(word.lower(), "uk")
        return bool(found) and "NOUN" in found[0][1]
    return bool(_COUNTED_EN.match(word))


def _said_spans(text: str) -> list[range]:
    """Where the message quotes what a screen says: its words are no program names."""
    spans = [
        range(m.start(), m.end())
        for m in re.finditer(r"(?<!\w)[«\"“„'][^»\"”“\n]{2,160}?[»\"”“'](?!\w)", text)
    ]
    says = re.finditer(
        r"(?:пишет|пише|выдает|выдаёт|видає|показывает|показує|ошибк\w*|помилк\w*|надпись|напис|"
        r"сообщение|повідомлення|текстом|(?:в|у|во)\s+(?:лог[аеиу]?|логах|лозі|журнал[еіу]|"
        r"журналах)(?:\s+подій|\s+событий)?)\s*:?\s*((?:[^.;!?,\n]|\.(?=\w)){2,90})",
        text,
        re.IGNORECASE,
    )
    return spans + [range(m.start(1), m.end(1)) for m in says]


_FUNCTION_WORD = re.compile(
    r"^(?:with|in|on|at|for|from|since|my|our|the|and|or|but|after|before|to|using|via|"
    r"в|на|с|з|із|у|для|после|після|и|і|та|но|але)$",
    re.IGNORECASE,
)


_TOWN_ENDING = re.compile(r"(?:ськ|цк|ск|град|город|поль|піль|бург|мир|град)$", re.IGNORECASE)


def _is_place(name: str) -> bool:
    """ "Санкт-Петербург", "Нью-Йорк", "Івано-Франківськ": the dictionary knows the place."""
    if not re.search(r"[а-яіїєґ]", name, re.IGNORECASE):
        return False
    if _TOWN_ENDING.search(name):
        return True  # "Івано-Франківськ", "Ростов-Дон…": a town's ending, no program's
    for part in (name.lower(), *name.lower().split("-")):
        for lang in ("ru", "uk"):
            found = readings(part, lang)
            if found and any("Geox" in tags for _, tags in found):
                return True
    return False


def _has_inner_capital(word: str) -> bool:
    return any(c.isupper() for c in word[1:])
