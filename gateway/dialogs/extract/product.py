""" "product": programs, devices, models and versions the user names.

"Office 365", "1С:Бухгалтерия 8.3", "HP LaserJet Pro M404dn", "аутлук", "MacBook Air M1".
Only names and model tokens count: an ordinary phrase ("our teams", "in the office", "a
word") is not a product, and the word after a name ("1С не открывается") is not part of it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import OSA

from gateway.dialogs.extract.case_blind import case_blind
from gateway.dialogs.extract.names import (
    crash_window_names,
    maker_models,
    maker_names,
    names_by_place,
    unknown_names,
)
from gateway.dialogs.extract.roles import acronym_names, role_names
from gateway.dialogs.extract.words import TEXTS_KEPT, fold
from gateway.knowledge.morphology import is_dictionary_word

_I = re.IGNORECASE

# Canonical name -> spellings users type (regex, already lower-case; Cyrillic included).
NAMES: dict[str, str] = {
    "Office 365": r"office 365|o365|офис 365|офіс 365",
    "Microsoft 365": r"microsoft 365|m365",
    "Office": r"(?:ms |microsoft )office|офис|офіс|office",
    "Outlook": r"outlook|аутлук\w*|оутлук\w*",
    "Excel": r"excel|эксел\w*|ексел\w*|екзел\w*",
    "Word": r"word|ворд\w*",
    "PowerPoint": r"powerpoint|power point|поинт|паверпоинт\w*",
    "OneDrive": r"one ?drive|ванд?рай\w*",
    "SharePoint": r"share ?point|шарепоинт\w*",
    "Teams": r"(?:ms |microsoft )?teams|тимс\w*|тімс\w*|теамс\w*",
    "Zoom": r"zoom|зум[аеуі]?",
    "Skype": r"skype|скайп\w*",
    "Slack": r"slack|слак\w*",
    "Telegram": r"telegram|телеграм\w*",
    "Viber": r"viber|вайбер\w*",
    "WhatsApp": r"whatsapp|ватсап\w*",
    # a configuration joined by a colon is part of the name, whatever it is ("1С:Бухгалтерія",
    # "1С:Розница", "1С:Медицина"); with a space, the ones people name
    "1С": r"платформ[аиуі]\w*(?= \d+\.\d+\.)|(?:платформ\w* )?1[сc](?::(?=[^\W\d])[\w-]+|"
    r":? ?(?:бухгалтер[иі]\w*|предприятие|підприємство|зуп|ут|erp|документооборот|документообіг|"
    r"розниц[аы]|роздріб|унф|управление торговлей|зарплата и управление персоналом))?",
    "SAP": r"sap(?: (?:gui|erp|hana|s/4hana|b1|business one))?",
    "Bitrix24": r"bitrix ?24|битрикс\w*|бітрікс\w*",
    "Jira": r"jira|джир\w*",
    "Confluence": r"confluence|конфлюенс\w*",
    "Chrome": r"(?:google )?chrome|хром[аеуі]?",
    "Firefox": r"firefox|фаерфокс\w*|файрфокс\w*",
    "Edge": r"(?:microsoft )?edge",
    "Safari": r"safari|сафари|сафарі",
    "Opera": r"opera(?: pms| cloud)?|опер[аиуі](?= pms| cloud|\s+(?:не\s|вылета|вилітає|завис))",
    "Yandex Browser": r"яндекс[ .]?браузер\w*",
    "Acrobat": r"(?:adobe )?acrobat(?: reader)?(?: dc)?|adobe reader|акробат\w*",
    "Photoshop": r"photoshop|фотошоп\w*",
    "Power BI": r"power ?bi(?: desktop| service| report server)?",
    "Premiere Pro": r"(?:adobe )?premiere(?: pro)?|премьер\w*(?= pro)|прем'єр\w*(?= pro)",
    "InDesign": r"(?:adobe )?indesign|индизайн\w*|індизайн\w*",
    "InCopy": r"(?:adobe )?incopy",
    "Illustrator": r"(?:adobe )?illustrator|иллюстратор\w*(?=\s+(?:не|вылета|завис|ви))",
    "After Effects": r"(?:adobe )?after effects|афтер\w*(?: эффект\w*| ефект\w*)?",
    "Lightroom": r"(?:adobe )?lightroom(?: classic)?|лайтрум\w*",
    "Google Meet": r"google meet|гугл мит\w*|гугл міт\w*",
    "Google Docs": r"google docs|гугл док\w*",
    "Google Sheets": r"google sheets|гугл таблиц\w*|гугл таблиц\w*",
    "Salesforce": r"salesforce|сейлсфорс\w*",
    "HubSpot": r"hub ?spot|хабспот\w*",
    "Prozorro": r"prozorro|прозорро|прозоро",
    "ГИС ЖКХ": r"гис жкх|гіс жкг|гіс жкх",
    "AutoCAD": r"autocad|автокад\w*",
    "Revit": r"revit",
    "Thunderbird": r"thunderbird",
    "AnyDesk": r"anydesk|энидеск\w*|енідеск\w*",
    "TeamViewer": r"teamviewer|тимвьюер\w*",
    "Citrix": r"citrix(?: workspace| receiver)?",
    "RDP": r"rdp|удаленн\w+ рабоч\w+ стол\w*|віддален\w+ робоч\w+ стол\w*|remote desktop",
    "FortiClient": r"forti ?client|форти\w*",
    "Cisco AnyConnect": r"(?:cisco )?anyconnect",
    "OpenVPN": r"openvpn",
    "WireGuard": r"wireguard",
    "GlobalProtect": r"globalprotect",
    "M.E.Doc": r"m\.?e\.?doc|м\.?е\.?док\w*|медок\w*|медоц\w*|медк[аеиоуі]\w*",
    "Дія": r"дія|diia",
    "Приват24": r"приват ?24|privat ?24",
    "Клиент-Банк": r"клиент-банк\w*|клієнт-банк\w*",
    "iiko": r"iiko|айко",
    "r_keeper": r"r[_-]?keeper|эркипер\w*",
    "Poster": r"poster pos",
    "Checkbox": r"checkbox|чекбокс\w*",
    "Вчасно": r"вчасно",
    "Windows Defender": r"(?:windows )?defender",
    "Kaspersky": r"kaspersky|касперск\w*",
    "ESET": r"eset|nod ?32",
    "Visual Studio Code": r"vs ?code|visual studio code",
    "Visual Studio": r"visual studio",
    "Git": r"git(?:hub|lab)?",
    "Docker": r"docker",
    "Google Drive": r"google drive|гугл диск\w*",
    "Gmail": r"gmail|гмейл\w*",
    "iPhone": r"айфон\w*",
    "iPad": r"айпад\w*",
    "MacBook": r"макбук\w*",
    # brands as people say them in Cyrillic: "ноут леново", "принтер кэнон", "мышка логитек"
    "Lenovo": r"леново",
    "ASUS": r"асус\w*",
    "Acer": r"асер\w*",
    "Dell": r"делл\w*",
    "HP": r"хп|эйч ?пи|ейч ?пі",
    "Samsung": r"самсунг\w*",
    "Canon": r"к[эе]нон\w*|канон(?=\w{0,2}\s+(?:не|мф|lbp|pixma))",
    "Epson": r"[эе]псон\w*",
    "Kyocera": r"ки?оцер\w*|кіоцер\w*|киосер\w*|кіосер\w*|куосер\w*",
    "Xiaomi": r"сяоми|сяомі|ксиоми",
    "Huawei": r"хуав[еэ]й\w*",
    "Logitech": r"логитек\w*|логітек\w*",
}
# Spellings that are also ordinary English words: a product only when they do not follow
# a determiner ("our teams", "the office", "a word") and are not "zoom in"/"on the edge".
_ORDINARY = frozenset({"office", "word", "teams", "edge", "zoom", "slack", "opera", "git",
                       "safari", "poster", "checkbox", "defender", "офис", "офіс", "premiere",
                       "illustrator"})  # fmt: skip
_DETERMINER = re.compile(
    r"(?:\b(?:our|my|your|their|his|her|the|a|an|all|two|three|other|these|those|both|"
    r"several|some|its|this|that|whole|same|to|of|in|at|from|around|per)|"
    r"(?:в|у|из|із|з|до|по|на|от|від|наш\w*|мо\w+|ваш\w*|сво\w+|этот|этом|цьому|цей|весь|"
    r"всем|всьому|через|к|під|под))\s+$",
    _I,
)
_ORDINARY_AFTER = re.compile(r"\s+(?:in|out|to|of|for|said|meeting|space|building|hours)\b", _I)
# A version after a name: "365", "2019", "8.3", "v5.17", "DC", "Pro".
# "версии 2208", "version 5.17": the word is dropped, the number kept.
# On the name's line only: the next line's number is its own ("2. FortiClient\n3. Windows
# 11", a mail's numbered answers, is FortiClient, not FortiClient 3).
_VERSION_WORD = r"(?:(?:верси[ияюі]|версі[яюї]|version|ver\.?|вер\.)[^\S\n]*)?"
_VERSION = re.compile(
    rf"[^\S\n]*{_VERSION_WORD}(?:v?\d+(?:\.\d+)*(?:\s?(?:sp\d|pro|plus|dc|ltsc|x64|x86))?|"
    r"(?:pro|plus|enterprise|business|professional|standard|home)\b)(?![\w.]*\w)|[^\S\n]*"
    rf"{_VERSION_WORD}v?\d+(?:\.\d+)*(?=[.,]\s|[.,]?$)",
    _I,
)

# The edition of a program named by where it runs: "Outlook for Mac", "Outlook on the web",
# "Teams for iOS", "Word для Mac" (the ticket's engineer needs it: the Mac and web editions
# are other programs); never "for" with anything else ("outlook for some reason").
_EDITION = re.compile(
    r"[^\S\n]+(?:(?:for|для)[^\S\n]+(?:the[^\S\n]+)?(?:mac(?:os)?|windows|ios|ipados|android|"
    r"iphone|ipad|web|мак(?:а|у|ос)?)|on[^\S\n]+the[^\S\n]+web|web[^\S\n]+(?:app|access))(?![\w])",
    _I,
)

BRANDS = (
    r"intel|realtek|nvidia|geforce|radeon|amd|broadcom|qualcomm|killer|"
    r"hp|canon|kyocera|xerox|epson|brother|ricoh|samsung|lenovo|dell|asus|acer|apple|msi|"
    r"logitech|jbl|sony|philips|huawei|xiaomi|mikrotik|tp-link|keenetic|zyxel|cisco|ubiquiti|"
    r"d-link|synology|qnap|sharp|konica minolta|pantum|zebra|datecs|atol|атол|штрих-м|honeywell|"
    r"verifone|ingenico|pax|airpods|fujitsu|toshiba|panasonic|lexmark|oki|dymo|xprinter|bixolon|"
    r"godex|kodak|plustek|avision|sunmi|mindray|"
    r"aoc|benq|lg|viewsonic|iiyama|plantronics|jabra|poly|sennheiser|genius|a4tech|defender|"
    r"microsoft surface|surface|macbook(?: air| pro)?|imac|mac (?:mini|studio|pro)|iphone|ipad|"
    r"galaxy|pixel|"
    r"thinkpad|latitude|vostro|inspiron|optiplex|elitebook|probook|pavilion|ideapad|vivobook|zenbook"
)
# Series names after a brand, and model tokens (letters with digits: M404dn, T14, 5420).
SERIES = (
    r"laserjet|officejet|deskjet|designjet|pixma|i-sensys|imagerunner|ecosys|taskalfa|"
    r"workcentre|versalink|phaser|workforce|ecotank|mfc|dcp|hl|thinkpad|thinkcentre|latitude|"
    r"vostro|inspiron|optiplex|precision|xps|elitebook|probook|pavilion|ideapad|vivobook|"
    r"zenbook|aspire|travelmate|galaxy|redmi|mx|keys|master|pro|air|max|mini|ultra|plus|neo|se"
)
_MODEL_TOKEN = (
    r"(?:[a-z]{0,4}-?\d[\w-]*(?:\.\d+)*(?![\w.]*\w)|[a-z]{1,4}-[a-z]{1,4}\d[\w-]*|[a-z]\d\w*)"
)
# After a brand, a model is also written as capitalised words: "HP ProDesk 400 G7",
# "Ricoh IM C3000", "ThinkPad X1 Carbon", "Cisco AnyConnect" (case-sensitive part).
_CAPITALISED = r"(?-i:[A-Z][A-Za-z]*[A-Z0-9][\w-]*|[A-Z][a-z]{2,}(?=\s+\d|\s+[A-Z]\d|$|[\s,.;)]))"
# A series name no list knows, in lower case before the model: "Konica Minolta bizhub C300i".
_UNKNOWN_SERIES = (
    r"(?!(?:printer|scanner|laptop|notebook|monitor|mouse|keyboard|phone|headset|tablet|"
    r"computer|desktop|router|camera|and|the|with|has|was|is)s?\b)"
    rf"(?-i:[a-z]{{3,12}})(?=\s+(?:{_MODEL_TOKEN})(?![\w]))"
)
_MODEL_PART = rf"(?:(?:{SERIES})(?![\w-])|{_MODEL_TOKEN}(?![\w])|{_CAPITALISED}|{_UNKNOWN_SERIES})"
# The model on the brand's line: the next line's first word is its own (a numbered list).
# A brand is a whole word: "Intellitix" is no Intel.
_BRANDED = re.compile(rf"(?<![\w])(?:{BRANDS})(?![\w])(?:[^\S\n]+{_MODEL_PART})*", _I)
# Words that follow a brand but name something else: "Dell Windows 10", "HP Outlook".
_NOT_MODEL = re.compile(
    r"(?-i:Windows|Office|Outlook|Teams|Excel|Word|Error|Printer|Scanner|Laptop|"
    r"Monitor|The|And|On|In|At|With|Is|Was|It)$"
)
# A device word with a number after it is the model's name: "Surface Laptop 5", "HP Laptop 15".
# (not a printer's: "HP Printer 2 pages then jams" counts pages)
_DEVICE_WORDS = frozenset({"Laptop", "Monitor"})


def _named_model(words: list[str], at: int) -> bool:
    """Whether the device word at `at` is part of the model's name: a number follows it."""
    following = words[at + 1] if at + 1 < len(words) else ""
    return words[at] in _DEVICE_WORDS and following[:1].isdigit()


# An operating system is the "os" field, never a product: "macOS 14", "Sonoma 14.2".
_SYSTEM_NAME = re.compile(
    r"^(?:mac\s?os|os\s?x|i(?:pad)?os|android|windows|win\s?\d+|w1[01]|ubuntu|linux|debian|fedora|chrome\s?os|"
    r"sequoia|sonoma|ventura|monterey|big sur|catalina|mojave|high sierra|tahoe)(?![\w])",
    _I,
)
# The tail of a system's name is the system's, no product: "Ubuntu 22.04 LTS", "Windows 10
# IoT Enterprise", "Chrome OS Flex", "Astra Linux SE".
_SYSTEM_TAIL_WORDS = (
    r"lts|ltsc|iot|enterprise|pro|home|education|server|se|n|flex|single|language|for|"
    r"workstations|insider|preview|datacenter|standard|core|x64|x86|edition"
)
_SYSTEM_TAIL = re.compile(rf"^(?:{_SYSTEM_TAIL_WORDS})(?:\s+(?:{_SYSTEM_TAIL_WORDS}))*$", _I)
_SYSTEM_BEFORE = re.compile(
    r"(?<![\w])(?:windows|win|ubuntu|debian|fedora|linux|mac\s?os|chrome\s?os|android|i(?:pad)?os|"
    r"astra|mint)(?:[^\S\n]+(?:\d[\w.]*|[a-z]+)){0,2}?[^\S\n]+$",
    _I,
)
_OS_AFTER = re.compile(r"[^\S\n]*(?:os|linux)(?![\w])", _I)


def _system_part(text: str, start: int, name: str) -> bool:
    """Whether `name`, read at `start`, is part of a system's name: its tail ("LTS" after
    "Ubuntu 22.04"), a name that is a Linux ("Astra Linux SE"), "Chrome" of "Chrome OS"."""
    if re.search(r"(?<![\w])linux(?![\w])", name, _I):
        return True
    if _OS_AFTER.match(text, start + len(name)) and name.lower() in ("chrome", "astra", "alt"):
        return True
    return bool(_SYSTEM_TAIL.match(name) and _SYSTEM_BEFORE.search(text[:start]))


# A model with no brand, right after the kind of device: "handheld TC21", "принтер ZT410",
# "сканер DS2208" (letters and digits, written in capitals).
_DEVICE_MODEL = re.compile(
    r"(?<![\w])(?:handheld|scanner|printer|terminal|tablet|laptop|phone|headset|monitor|router|"
    r"switch|camera|тсд|сканер\w*|принтер\w*|термінал\w*|терминал\w*|планшет\w*|ноутбук\w*|"
    r"телефон\w*|гарнитур\w*|гарнітур\w*|монитор\w*|монітор\w*|роутер\w*|камер\w*)\s+"
    r"(?-i:([A-Z]{1,5}-?\d{2,5}[A-Za-z]{0,3}(?:\s?(?:Plus|Pro|II|III))?))(?![\w-])",
    _I,
)
# … and before it, after "the" or "our", in English: "the Archer C6 router", "our HL-L2350DW
# printer", "the Zebra-less ZD421 printer" (a series word in capitals may lead the code).
_MODEL_BEFORE_DEVICE = re.compile(
    r"(?<![\w])(?:the|our|my|a|an|this|that|their)\s+"
    r"(?!(?:room|floor|level|suite|office|lab|ward|block|building|bay|gate|desk|station|hall|"
    r"unit|studio|class|classroom|kiosk|window|counter|till|lane|zone|area|wing|aisle)\s)"
    r"(?-i:((?:[A-Z][a-z]{2,}\s+)?(?!A[0-6]\s)[A-Z]{1,5}(?:-[A-Z]{0,3})?\d{1,5}[A-Za-z]{0,3}))\s+"
    r"(?:handheld|scanner|printer|terminal|tablet|laptop|phone|headset|monitor|router|switch|"
    r"camera|access point|mesh|modem|webcam|projector|dock)s?(?![\w-])",
    _I,
)
_NAMED = case_blind(
    r"(?<![\w])(" + "|".join(f"(?P<n{i}>{p})" for i, p in enumerate(NAMES.values())) + r")(?![\w])",
)
_CANONICAL = list(NAMES)
_LISTED = frozenset(name.casefold() for name in NAMES)


def extract_all(text: str) -> list[str]:
    """Each product found in `text`, canonical names with their versions, in order."""
    typed = text
    text = _KEY_CHORD.sub(lambda keys: " " * len(keys.group()), fold(text))
    if len(typed) != len(text):
        typed = text
    found: list[tuple[int, str]] = []
    taken: list[range] = []
    for match in _BRANDED.finditer(text):
        words = match.group(0).split()
        cut = next(
            (
                i
                for i, w in enumerate(words)
                if i and _NOT_MODEL.match(w) and not _named_model(words, i)
            ),
            len(words),
        )
        words = words[:cut]
        if len(words) == 1 and _ordinary_brand(text, match.start(), words[0]):
            continue
        name = _tidy(" ".join(words))
        if name:
            found.append((match.start(), name))
            taken.append(range(match.start(), match.start() + len(" ".join(words))))
    named = list(_NAMED.finditer(text))  # the long list of names is searched once
    for match in named:
        if any(match.start() in span for span in taken):
            continue
        index = int(next(k for k, v in match.groupdict().items() if v is not None)[1:])
        spelled = match.group(0)
        edition = _EDITION.match(text, match.end())
        if (
            spelled.lower() in _ORDINARY
            and _ordinary_use(text, match, spelled)
            # an edition names the program ("Teams for iOS keeps …"), not after a word that
            # makes it a noun: "a word for the web page", "our teams for Android"
            and not (edition and not _DETERMINER.search(text, 0, match.start()))
        ):
            continue
        if spelled == "outlook" and _a_prospect(text, match):
            continue  # "the outlook for today is grim", "not great outlook": what lies ahead
        if spelled.lower() in ("офис", "офіс") and not _office_suite(text, match):
            continue  # "Офис в Санкт-Петербурге": the place, not Microsoft Office
        version = _VERSION.match(text, edition.end() if edition else match.end())
        name = _CANONICAL[index]
        extra = _version_suffix(spelled, name)
        if edition:  # "Outlook for Mac", "Outlook on the web": the edition is the product's
            extra += " " + " ".join(edition.group().split())
        number = (
            re.sub(_VERSION_WORD, "", version.group(0).strip(), count=1, flags=_I)
            if version
            else ""
        )
        if number and not name.endswith(number):
            extra += " " + number
        end = version.end() if version else edition.end() if edition else match.end()
        typed = text[match.start() : end]
        found.append((match.start(), _as_typed((name + extra).strip(), typed.strip())))
    for match in (*_DEVICE_MODEL.finditer(text), *_MODEL_BEFORE_DEVICE.finditer(text)):
        if not any(match.start(1) in span for span in taken):
            found.append((match.start(1), match.group(1)))
            taken.append(range(match.start(1), match.end(1)))
    known = taken + [range(m.start(), m.end()) for m in named]
    for span, name in maker_names(text):
        if not any(span.start in k or k.start in span for k in known):  # "Adobe Reader" is known
            found.append((span.start, name))
            taken.append(span)
    for start, name in maker_models(text):
        if not any(
            start in span or span.start in range(start, start + len(name)) for span in known
        ):
            found.append((start, name))
            taken.append(range(start, start + len(name)))
    for start, name in unknown_names(text):
        if not any(start in span for span in taken):
            found.append((start, name))
    for start, name in names_by_place(text):
        # "Ворд", "Adobe Reader": names it knows; "Olena Zoom keeps crashing": a person (or any
        # word the place reads as a name) before a name it knows is not part of it
        if not any(start in span or start < span.start < start + len(name) for span in known):
            found.append((start, name))
    for start, name in acronym_names(text):
        if not any(start in span for span in known):  # "SAP GUI", "RDP": names it knows
            found.append((start, name))
    for start, name in role_names(text):
        if not any(start in span for span in known):  # as typed: "сервер учёта"
            found.append((start, typed[start : start + len(name)]))
    known_spans = taken + [range(m.start(), m.end()) for m in named]
    for start, name in _misspelt_names(text):
        if not any(start in span for span in known_spans):
            found.append((start, name))
    for start, name in crash_window_names(text):
        said = range(start, start + len(name))
        if not any(start in span or span.start in said for span in known_spans) and not any(
            same_program(name, other) for _, other in found
        ):
            found.append((start, name))
    kept = [
        (start, name)
        for start, name in found
        if not (_SYSTEM_NAME.match(name) or _system_part(text, start, name))
    ]
    names: list[str] = []
    for _, name in _side_by_side(text, kept):
        if not any(name.lower() in n.lower() for n in names):
            names = [n for n in names if n.lower() not in name.lower()]
            names.append(name)
    return names


def same_program(name: str, other: str) -> bool:
    """Whether a crash window's `name` is the program named before: "Adobe InDesign" of
    "InDesign 2023", "SAPGUI" of "SAP GUI 7.70"."""
    words, others = set(name.casefold().split()), set(other.casefold().split())
    return bool(words & others) or name.casefold().replace(" ", "") in other.casefold().replace(
        " ", ""
    )


def _side_by_side(text: str, found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """`found` in order, two names read as typed with one space between them made one:
    "iiko Office", "Canon imageFORMULA DR-M160II" are one program's or device's name, not a
    program "iiko" and Microsoft Office, a maker and a series."""
    joined: list[tuple[int, str]] = []
    for start, name in sorted(found, key=lambda item: (item[0], -len(item[1]))):
        start, name = _whole_name(text, start, name)
        if joined:
            first, before = joined[-1]
            end = first + len(before)
            if (
                end + 1 == start
                and text[end] == " "
                # a system named by its role is no part of a name: "программа эфира mAirList"
                and not (" " in before and before == before.lower())
                # two programs the lists know are two: "Word Excel", "Zoom Teams"; "Office"
                # is also other makers' edition ("iiko Office")
                and not (listed(before) and listed(name) and name.split()[0] != "Office")
                and _as_written(text, first, before)
                and _as_written(text, start, name)
            ):
                joined[-1] = (first, text[first : start + len(name)])
                continue
        joined.append((start, name))
    return joined


def listed(name: str) -> bool:
    """Whether `name` is one the lists know, with its version or edition ("Office 2021")."""
    folded = name.casefold()
    return any(folded == k or folded.startswith(k + " ") for k in _LISTED)


def _as_written(text: str, start: int, name: str) -> bool:
    return text[start : start + len(name)].casefold() == name.casefold()


# A word of capitals no dictionary knows, right after a name, is the rest of it: "the Proficy
# CIMPLICITY viewer" ("Proficy" was the product); "Outlook CRASHED AGAIN" is shouting.
_CAPITALS_AFTER = re.compile(r"[^\S\n]((?-i:[A-Z]{4,}))(?![\w'’-])")
# "Office" after a word no dictionary knows is that maker's program: "iiko Office", "Priva
# Office" (not Microsoft Office); "the back office", "Post Office" stay what they are.
_MAKER_BEFORE_OFFICE = re.compile(r"(?<![\w'’.@/\\-])((?-i:[A-Z][a-z0-9-]{2,}))[^\S\n]$")


def _whole_name(text: str, start: int, name: str) -> tuple[int, str]:
    """The name at `start` with the words of its own name around it, as typed."""
    if not _as_written(text, start, name):
        return start, name
    first, end = start, start + len(name)
    if name.split()[:1] == ["Office"]:
        maker = _MAKER_BEFORE_OFFICE.search(text, 0, start)
        word = maker.group(1).lower() if maker else ""
        if word and word not in _NOT_OFFICE_MAKERS and not is_dictionary_word(word, "en"):
            start = maker.start(1)
    capitals = _CAPITALS_AFTER.match(text, end)
    if capitals and not is_dictionary_word(capitals.group(1).lower(), "en"):
        end = capitals.end(1)
    mark = _PLUS_AFTER.match(text, end) or (None if listed(name) else _BANG_AFTER.match(text, end))
    if mark:
        end = mark.end()
        version = _VERSION.match(text, end) if mark.group().endswith("!") else None
        end = version.end() if version else end
    if (start, end) == (first, first + len(name)):
        return start, name  # as the lists spell it: "Outlook" for "outlook"
    return start, text[start:end]


# The marks a name ends in are its own: "Synology DS220+", "Visual C++", "The Bat! 10" (frozen39,
# tune30, frozen31 and tune21 kept "DS220", "Visual", "The Bat"); never a key chord ("Ctrl+Z",
# "Win+P"). An "!" is the name's only where the sentence goes on after it, with a version or a
# word in lower case ("The Bat! 10", "The Bat! не отправляет"), and never after a name the
# lists know: "Outlook! Again!" is said aloud.
_PLUS_AFTER = re.compile(r"(?:[^\S\n](?-i:[A-Z])(?=\+))?\++(?![\w+])")
_BANG_AFTER = re.compile(r"!(?=[^\S\n]+(?:v?\d|(?-i:[a-zа-яіїєґ])))")
_NOT_OFFICE_MAKERS = frozenset({"ms", "microsoft", "msft", "the", "my", "our", "in", "of"})


# Brands and lines that are ordinary English nouns: "a dead pixel", "the touchpad surface",
# "the Aurora pavilion", "the surface of the desk". Said in lower case with no model after it,
# such a word is the noun when another word qualifies it (an adjective or a noun before it,
# "of" after it); after an article, a possessive or "new" it is still the thing ("switched to
# a pixel", "my new pixel", "our galaxy tab"); capitalised or with its model it is the product.
_NOUN_BRANDS = frozenset({"surface", "pixel", "galaxy", "pavilion"})
_THING_BEFORE = frozenset({
    "a", "an", "the", "my", "our", "your", "his", "her", "their", "new", "old", "this", "that",
    "to", "from", "on", "with", "and", "or", "its", "company", "work", "personal",
})  # fmt: skip
_LINE_MAKERS = frozenset({"google", "samsung", "microsoft", "hp"})
_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)[^\S\n]+$")
_OF_AFTER = re.compile(r"[^\S\n]+of(?![\w])", _I)


def _ordinary_brand(text: str, start: int, word: str) -> bool:
    """Whether the brand `word`, alone at `start`, is the ordinary noun it is spelt like."""
    if word not in _NOUN_BRANDS:
        return False
    if _OF_AFTER.match(text, start + len(word)):
        return True
    before = _WORD_BEFORE.search(text[max(0, start - 30) : start])
    if not before:
        return False
    said = before.group(1).casefold().replace("’", "'")
    # a possessive ("my boss's pixel") or the line's maker ("google pixel") says the thing
    return said not in _THING_BEFORE and said not in _LINE_MAKERS and not said.endswith("'s")


# Keys pressed together are no program: "змінити через Ctrl+Alt+Del пробувала", "Alt+F4".
_KEY = (
    r"(?:ctrl|control|alt|altgr|shift|win|windows|cmd|command|option|fn|del|delete|esc|tab|"
    r"enter|f\d{1,2}|[a-z0-9])"
)
_KEY_CHORD = re.compile(rf"(?<![\w+]){_KEY}(?:\s*\+\s*{_KEY})+(?![\w+])", _I)


# Names users misspell by a letter ("outlok", "exel", "frefox", "skpye"): a Latin word no
# English dictionary knows, one edit (or two neighbours swapped) from a name of five letters
# or more, is that name, with what the user typed: "Outlook (outlok)".
_SPELLABLE = {
    name.casefold(): name
    for name in NAMES
    if " " not in name and len(name) >= 5 and name.isascii() and name.isalpha()
    and name.casefold() not in _ORDINARY
}
_LATIN_WORD = re.compile(r"(?<![\w.@/\\-])[A-Za-z]{4,}(?![\w@/\\-])")


def _misspelt_names(text: str) -> list[tuple[int, str]]:
    found = []
    for match in _LATIN_WORD.finditer(text):
        word = match.group().casefold()
        if word in _SPELLABLE or is_dictionary_word(word, "en"):
            continue
        close = [
            name
            for folded, name in _SPELLABLE.items()
            if abs(len(folded) - len(word)) <= 1 and OSA.distance(word, folded) <= 1
        ]
        if len(close) == 1:
            found.append((match.start(), f"{close[0]} ({match.group()})"))
    return found


@lru_cache(maxsize=TEXTS_KEPT)
def names(text: str) -> tuple[str, ...]:
    """`extract_all`, kept per text, as the other extractors keep theirs: during an open
    incident every new problem is read for its products to weigh it against the outage (and
    the problem's clauses for a model's name to leave out of the match), and many users
    send one text."""
    return tuple(extract_all(text))


def extract(text: str) -> str:
    """The products in `text` joined with ", "; "" when none is named."""
    return ", ".join(names(text))


def _ordinary_use(text: str, match: re.Match[str], spelled: str) -> bool:
    before, after = text[: match.start()], text[match.end() :]
    sentence_start = not before.strip() or before.rstrip()[-1] in ".!?\n"
    if spelled[:1].isupper() and not sentence_start and not spelled.isupper():
        return False  # "... in Word", "our Teams channel": the name, capitalised
    if _DETERMINER.search(before) or _ORDINARY_AFTER.match(after):
        return not _VERSION.match(after) or not after.strip()[:1].isdigit()
    if spelled.islower() and spelled.isascii() and not re.search(r"[а-яіїєґ]", text, _I):
        # all-lower English: "zoom" at a sentence start is still a product, "office" alone is not
        return spelled in ("office", "word", "edge", "opera", "poster", "checkbox", "git")
    return False


# "outlook" as what lies ahead: after a word that rates it, or before "for" and a time ("the
# outlook for today", "outlook for the week"); not "outlook for Mac", "for some reason"
_PROSPECT_BEFORE = re.compile(
    r"(?:great|good|bad|grim|bleak|poor|positive|negative|weather|financial|business|sales|"
    r"economic)\s+$",
    _I,
)
_PROSPECT_AFTER = re.compile(
    r"\s+for\s+(?:today|tonight|tomorrow|(?:the|this|next|that)\s+(?:day|week|weekend|month|"
    r"quarter|year|season|morning|afternoon|evening|shift)\b)",
    _I,
)


def _a_prospect(text: str, match: re.Match[str]) -> bool:
    before, after = text[: match.start()], text[match.end() :]
    return bool(_PROSPECT_BEFORE.search(before) or _PROSPECT_AFTER.match(after))


_SUITE_CONTEXT = re.compile(
    r"(?:установ\w*|устанав\w*|встанов\w*|переустанов\w*|перевстанов\w*|активац\w*|активир\w*|"
    r"активув\w*|лицензи\w*|ліцензі\w*|пакет\w*|ключ\w*|ворд\w*|word|excel|эксел\w*|ексел\w*)",
    _I,
)


def _office_suite(text: str, match: re.Match[str]) -> bool:
    """A Cyrillic "офис" is Microsoft Office only with a version or near install/licence words."""
    if re.match(r"\s*(?:\d|365)", text[match.end() :]):
        return True
    around = text[max(0, match.start() - 40) : match.end() + 40]
    return bool(_SUITE_CONTEXT.search(around))


def _version_suffix(spelled: str, name: str) -> str:
    """Keep what the user added to the name ("1С:Бухгалтерия", "Acrobat Reader DC")."""
    if spelled.lower().startswith("платформ"):
        return ""
    if name in ("1С", "SAP", "Acrobat", "Citrix", "Opera") and len(spelled) > len(name) + 1:
        at = spelled.lower().find(name.lower())
        if at > 0:  # "Adobe Acrobat Pro": what follows the name, not the name again
            return spelled[at + len(name) :].rstrip()
        return spelled[len(spelled.split(":")[0].split()[0]) :].rstrip()
    return ""


def _as_typed(name: str, spelled: str) -> str:
    """The canonical name, with the user's own spelling when it is another one: "Zoom
    (зум)", "M.E.Doc (медоку)". The ticket reads the same for every user, and still shows
    what this one typed."""
    if spelled.lower().startswith("платформ"):  # "платформу 8.3.24" is 1С's, said so
        return name
    if not re.search(r"[а-яіїєґ]", spelled, _I):
        # "Microsoft Teams", "Lightroom Classic": the fuller name as typed, with the
        # canonical spelling of the part that is the name ("microsoft teams" -> "microsoft Teams")
        at = spelled.lower().find(name.lower())
        if at < 0 and re.search(r"[а-яіїєґ]", name, _I):
            return f"{name} ({spelled})"  # "1С 8.3 (1C 8.3)": a Cyrillic name typed in Latin
        if at < 0 or len(spelled) <= len(name):
            return name
        return spelled[:at] + name + spelled[at + len(name) :]
    if name.split()[0].lower() in spelled.lower():
        return name
    return f"{name} ({spelled})"


def _tidy(name: str) -> str:
    words = name.split()
    return " ".join(w if not w.islower() or w.isdigit() else _brand_case(w) for w in words)


def _brand_case(word: str) -> str:
    special = {"hp": "HP", "jbl": "JBL", "msi": "MSI", "lg": "LG", "aoc": "AOC", "imac": "iMac",
               "iphone": "iPhone", "ipad": "iPad", "macbook": "MacBook", "tp-link": "TP-Link",
               "mikrotik": "MikroTik", "thinkpad": "ThinkPad", "laserjet": "LaserJet"}  # fmt: skip
    return special.get(word.lower(), word.capitalize() if word.isalpha() else word)
