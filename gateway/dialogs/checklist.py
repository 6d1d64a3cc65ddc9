"""The first-line checklist: what a person needs before taking a ticket.

Fields are `CHECKLIST_FIELDS` (problem, tried, error, product, os, since). Whatever the
user has already said is picked out of their messages so it is never asked again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from gateway.models import CHECKLIST_FIELDS

_I = re.IGNORECASE

_OS_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:windows|win|винд(?:овс|оуз|а|е|у|ы)?)\s*[-]?\s*(server\s*)?"
                r"(xp|vista|7|8\.1|8|10|11|20(?:08|12|16|19|22|25))?(?![\w.])", _I), "Windows"),
    (re.compile(r"\b(?:mac\s?os(?:\s?x)?|os\s?x|макос)\s*(\d+(?:\.\d+)*|sonoma|ventura|"
                r"monterey|big sur|sequoia|catalina)?", _I), "macOS"),
    (re.compile(r"\b(ubuntu|debian|fedora|linux mint|astra linux|centos|linux|убунту|линукс|"
                r"лінукс)\s*(\d+(?:\.\d+)*)?", _I), ""),
    (re.compile(r"\b(android|андроид|андроїд)\s*(\d+(?:\.\d+)?)?", _I), "Android"),
    (re.compile(r"\b(ios|ipados)\s*(\d+(?:\.\d+)*)?(?![\w])", _I), ""),
    (re.compile(r"\bchrome\s?os\b", _I), "ChromeOS"),
)  # fmt: skip

_ERROR_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\b0x[0-9a-f]{4,8}\b", _I),
    re.compile(r"(?<![\w-])[A-Z]{1,6}-\d{2,6}(?![\w-])"),
    re.compile(r"(?:error|err|ошибк\w*|помилк\w*|код\w*|code)\s*(?:code|кодом|код)?\s*[:#№]?\s*"
               r"([A-Za-z]{0,4}\d[\w.-]*)", _I),
    re.compile(r"[«“„\"]([^«»“”„\"]{3,120})[»”“\"]"),
)  # fmt: skip

_SINCE = re.compile(
    r"(?:(?:начиная )?со? |з |із |від |since )?(?:"
    r"вчерашн\w+ (?:дня|утра|вечера)|позавчера\w*|вчера(?: (?:утром|вечером|днем))?|"
    r"(?:сегодняшн\w+ )?утра|сегодня(?: утром| днем)?|обеда|понедельник\w*|вторник\w*|"
    r"сред[аыу]|четверг\w*|пятниц\w*|суббот\w*|воскресень\w*|прошл\w+ недел\w+|"
    r"(?:последне\w+ )?обновлени\w+|перезагрузки|переезда|"
    r"учора(?: вранці| ввечері)?|вчора(?: вранці| ввечері)?|ранку|зранку|сьогодні(?: зранку)?|"
    r"понеділ\w+|вівтор\w+|серед\w+|четвер\w*|п'ятниц\w+|субот\w+|неділ\w+|минул\w+ тижн\w+|"
    r"оновлення|"
    r"yesterday(?: (?:morning|evening))?|this morning|today|last (?:week|night)|"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|the (?:last )?update|"
    r"(?:уже |вже |for |about )?(?:\d+|пару|несколько|кілька|два|две|три|two|three|a few|"
    r"several) (?:минут\w*|час\w*|дн\w+|дні|недел\w+|хвилин\w*|годин\w*|тиж\w+|minutes?|"
    r"hours?|days?|weeks?)(?: назад| тому| ago)?|"
    r"только что|щойно|just now)(?![\w])",
    _I,
)

_PRODUCTS = re.compile(
    r"(?<![\w])(?:"
    r"outlook|excel|word|powerpoint|onenote|onedrive|sharepoint|teams|zoom|skype|"
    r"(?:ms |microsoft )?office(?: 365)?|microsoft 365|1[сc](?::[\w ]+)?|sap(?: \w+)?|"
    r"bitrix24|битрикс\w*|jira|confluence|slack|chrome|firefox|safari|opera|"
    r"(?:adobe )?acrobat(?: reader)?|photoshop|autocad|thunderbird|anydesk|teamviewer|citrix|"
    r"forticlient|anyconnect|openvpn|wireguard|globalprotect|медок|m\.e\.doc|"
    r"(?:hp|canon|kyocera|xerox|epson|brother|ricoh|samsung|lenovo|dell|asus|acer|apple|"
    r"logitech|jbl|sony|philips|huawei|xiaomi|mikrotik|tp-link|keenetic|macbook|imac|iphone|"
    r"ipad)(?:\s+(?:laserjet|officejet|deskjet|pixma|i-sensys|ecosys|taskalfa|workcentre|"
    r"versalink|thinkpad|latitude|vostro|inspiron|optiplex|elitebook|probook|pro|air|"
    r"[a-z]*-?\d[\w-]*))*"
    r")(?![\w])",
    _I,
)

_TRIED = re.compile(
    r"перезагруж\w*|перезагрузил\w*|перезапуска\w*|перезапустил\w*|пробовал\w*|"
    r"попробовал\w*|переустанавлива\w*|переустановил\w*|проверял\w*|проверил\w*|"
    r"выключал\w*|включал\w*|обновлял\w*|переподключал\w*|переподключил\w*|"
    r"перезавантаж\w*|перезапускав\w*|перезапустив\w*|пробував\w*|спробував\w*|"
    r"перевстанов\w*|перевіряв\w*|перевірив\w*|вимикав\w*|вмикав\w*|"
    r"\btried\b|restarted|rebooted|reinstalled|re-installed|checked|unplugged|"
    r"turned (?:it )?off|power[- ]cycled",
    _I,
)
_CLAUSE = re.compile(r"[^.;!?\n,]+")


def extract_fields(text: str) -> dict[str, str]:
    """Checklist fields that `text` already answers (never `problem`)."""
    found: dict[str, str] = {}
    products = _products(text)
    if products:
        found["product"] = ", ".join(products)
    for name, value in (
        ("os", _os(text)),
        ("error", _errors(text, products)),
        ("since", _since(text)),
        ("tried", _tried(text)),
    ):
        if value:
            found[name] = value
    return found


def missing_fields(fields: Mapping[str, str], skip: Iterable[str] = ()) -> list[str]:
    """Checklist fields still without an answer, in the order they are asked."""
    skipped = set(skip)
    return [f for f in CHECKLIST_FIELDS if not fields.get(f, "").strip() and f not in skipped]


def _os(text: str) -> str:
    for pattern, name in _OS_PATTERNS:
        found = pattern.search(text)
        if not found:
            continue
        parts = [p for p in found.groups() if p]
        if name:
            return " ".join([name, *(p.strip().title() if p.isalpha() else p for p in parts)])
        return found.group(0).strip()
    return ""


def _errors(text: str, products: list[str]) -> str:
    codes: list[str] = []
    for pattern in _ERROR_PATTERNS:
        for found in pattern.finditer(text):
            code = (found.group(1) if pattern.groups else found.group(0)).strip()
            inside_product = any(code.lower() in p.lower() for p in products)
            if code and not inside_product and not any(code in c or c in code for c in codes):
                codes.append(code)
    return "; ".join(codes)


def _since(text: str) -> str:
    found = _SINCE.search(text)
    return found.group(0).strip() if found else ""


def _products(text: str) -> list[str]:
    seen: list[str] = []
    for found in _PRODUCTS.finditer(text):
        name = found.group(0).strip()
        if name.lower() not in (s.lower() for s in seen):
            seen.append(name)
    return seen


def _tried(text: str) -> str:
    clauses = [c.strip() for c in _CLAUSE.findall(text) if _TRIED.search(c)]
    return "; ".join(clauses)
