"""Web pages and the Wi-Fi said in everyday words (see normalize.py).

A web page named in one compound or failing with a blank page or a timeout ("вебпортал висить на
білому екрані": a website), the internet missing on the Wi-Fi, and a password or security key
refused about the Wi-Fi (the Wi-Fi's key, not an account's).
"""

from __future__ import annotations

import re

from gateway.knowledge.printing import PRINTING

# A web page named in one compound ("вебпортал", "веб-програма", "онлайн-каталог",
# "интернет-магазин", "web shop", "online store") is a website: the compound was a word no
# article knew, and "интернет" in "интернет-магазин" no lost connection ("web app", "web
# portal" are two words the articles know, and stay). An online till or a bank
# ("онлайн-касса", "online banking") is no web page and stays as said, nor is a shop one
# buys from ("заказала в интернет-магазине платье, а пришло не то", "my online shop order
# never arrived": a purchase said beside it).
_WEB_THING = re.compile(
    r"\b(?:веб|онлайн|интернет|інтернет)\s?(?:портал\w*|програм\w*|прог[аиуі]\b|сайт\w*|"
    r"каталог\w*|верси[яиюей]\b|версі[яїюєй]\b|интерфейс\w*|інтерфейс\w*|сервис\w*|"
    r"сервіс\w*|кабинет\w*|кабінет\w*|запис\w*|приложени\w*|додат\w*|систем\w*)\b"
)
_WEB_SHOP = re.compile(
    r"\b(?:веб|web|онлайн|online|интернет|інтернет)\s?(?:магазин\w*|shops?|stores?)\b"
)
_PURCHASE = re.compile(
    r"\b(?:заказ\w*|замов\w*|купил\w*|купив\w*|купл\w*|order\w*|bought|buy\w*|purchas\w*|"
    r"доставк\w*|посылк\w*|посилк\w*|parcel\w*|deliver\w*|refund\w*|возврат\w*|"
    r"повернен\w*|пришл\w*|прийшл\w*|arrived)\b"
)
# What a web page fails with, said of one ("висить на білому екрані", "a blank page",
# "падає з тайм-аутом", "the web shop times out"): a white or empty page and a timeout are
# the website not loading. Only beside a site, a portal or a browser, or a page where
# nothing is printed: a laptop's white screen is the screen's, a printer's blank pages
# ("печатает пустые страницы", "prints blank pages") are the printer's, and a VPN or mail
# that times out stays as said.
_WEB_NAMED = re.compile(
    r"\b(?:website|web|сайт\w*|портал\w*|sites?|portals?|браузер\w*|browsers?|chrome|"
    r"хром[еі]?|firefox)\b"
)
_BROWSER = re.compile(r"\b(?:браузер\w*|browsers?|chrome|хром\w*|гугл|google|firefox)\b")
_WEB_PAGE = re.compile(r"\b(?:сторінк\w*|страниц\w*|pages?)\b")
_WEB_FAILURE = re.compile(
    r"\b(?:(?:бел|біл|пуст|порожн)\w*\s+(?:экран\w*|екран\w*)|(?:blank|white|empty)\s+screens?|"
    r"тайм\s?аут\w*|таймаут\w*|time\s?outs?|(?:times|timing|(?<!connection )timed)\s+out)\b"
)
# A blank page is a printer's too ("pages come out blank"): one only beside a site.
_BLANK_PAGE = re.compile(
    r"\b(?:(?:бел|біл|пуст|порожн)\w*\s+(?:страниц\w*|сторінк\w*)|"
    r"(?:blank|white|empty)\s+pages?)\b"
)
# Chrome's page for a crashed tab by its Russian and Ukrainian titles, "Опаньки…" and "От
# халепа!" ("Aw, Snap!" in English, which the articles' crash reads): said where a browser is
# named ("хром показывает «Опаньки»") they are the page, not the everyday exclamation.
_CRASH_PAGE = re.compile(r"\b(?:опаньки|от халепа)\b")
_CRASH_WORD = "crash"
# "вайфай підключений, але інтернету немає", "подключено, без доступа к интернету на
# вайфае", "Wi-Fi є, а інтернету нема": the internet missing on the Wi-Fi one is on is the
# Wi-Fi's problem (the Wi-Fi article's "connected, no internet"), not a cable's: its
# internet reads as the Wi-Fi's ("wifi інтернету"). Not when a cable, a wired or desk
# machine, a phone or a neighbour is said ("інет по кабелю нема, ноут по вайфаю працює"),
# nor when the Wi-Fi is said to work ("на ноуте по вайфаю есть", "the laptop on wifi is
# fine"): then the Wi-Fi is where it works.
_WIFI_WORD = r"(?:wifi|wlan|вайфа\w*|вифи|вафл\w*)"
_WIFI = re.compile(rf"\b{_WIFI_WORD}\b")
_WIRED = re.compile(
    r"кабел|провод|дрот|дріт|дроті|wired|cable|ethernet|\blan\b|стац|desktop|"
    r"сосед|сусід|телефон|phone|neighbou?r"
)
_WORKING = r"(?<!не )(?<!not )(?:працю\w*|работа\w*|fine|ok|ок|норм\w*|works?|working)"
_WIFI_WORKS = re.compile(
    rf"\b(?:по|на|через|on|via)\s+{_WIFI_WORD}\s+(?:\w+\s+){{0,2}}?(?:{_WORKING}|"
    r"(?<!не )(?:есть|є))\b"
    rf"|\b{_WIFI_WORD}\s+(?:\w+\s+){{0,2}}?{_WORKING}\b"
    rf"|\b(?:{_WORKING}|есть|є)\s+(?:\w+\s+)?(?:по|на|через|on|via)\s+{_WIFI_WORD}\b"
)
_INTERNET = re.compile(r"\b(?:интернет\w*|інтернет\w*|инет\w*|інет\w*|internet)\b")
# "пишет неверный ключ безопасности сети", "вайфай не принимает ключ", "вайфай є, але каже
# неправильний пароль": Windows asks a Wi-Fi's password as its "network security key", and a
# password or key refused in a message about the Wi-Fi is the Wi-Fi's ("ключ wifi"), not an
# account's: unless an account, a login, Windows, the mail, the VPN or a program is said
# ("после смены пароля от учётки вайфай не подключается" keeps its account).
_SECURITY_KEY = re.compile(
    r"\bключ\w* (?:безопасности|безпеки)(?: (?:сети|мережі|мережи))?\b|\bnetwork security key\b"
)
_WIFI_KEY = re.compile(r"\b(?:пароль|пароля|паролю|паролі|ключ|ключа|ключу|ключі)\b")
_ACCOUNT_SAID = re.compile(
    r"уч[её]т|облік|логин|логін|login|account|windows|винд|вінд|почт(?!и\b)|пошт|outlook|vpn|"
    r"впн|домен|1[сc]\b|сайт|site|програм|прог[аиу]\b|телефон|phone|роутер\w* (?:админ|адмін)|"
    r"teams|zoom|telegram|телеграм|viber|вайбер|crm|срм|приложени|застосун|додат\w*\b|банк|"
    # a sign-in: "не могу войти", "зайти в crm"
    r"\b(?:войти|войду|войд[её]т|зайти|зайду|захожу|заход[ия]т|увійти|увійду|заходжу)\b"
)
# The password or key of something named that is not the Wi-Fi ("пароль от ноутбука", "пароль
# на компе", "пароль від компа", "ключ от серверной") is that thing's.
_KEY_OF = re.compile(
    r"\b(?:пароль|пароля|паролю|паролі|ключ|ключа|ключу|ключі) (?:от|від|на|до|в|у|для) "
    r"((?:\w+ )?\w+)"
)
_KEY_OF_WIFI = re.compile(rf"{_WIFI_WORD}|сет|мереж|роутер|гост|точк")


def read_web_pages(text: str) -> str:
    """A web page named in one compound, or failing with a white page or a timeout beside a
    site, as a website: "вебпортал" -> "website"."""
    text = _WEB_THING.sub("website", text)
    if not _PURCHASE.search(text):
        text = _WEB_SHOP.sub("website", text)
    if _WEB_NAMED.search(text):
        text = _BLANK_PAGE.sub("website", _WEB_FAILURE.sub("website", text))
    elif _WEB_PAGE.search(text) and not PRINTING.search(text):
        text = _WEB_FAILURE.sub("website", text)
    return text


def read_crash_page(text: str) -> str:
    """Chrome's crashed tab by its Russian or Ukrainian title, where a browser is named, as
    the crash it is: "хром показывает опаньки" -> "хром показывает crash"."""
    if _CRASH_PAGE.search(text) and _BROWSER.search(text):
        text = _CRASH_PAGE.sub(_CRASH_WORD, text)
    return text


def read_wifi_internet(text: str) -> str:
    """The internet missing on the Wi-Fi as the Wi-Fi's: "вайфай є а інтернету нема" ->
    "вайфай є а wifi інтернету нема"."""
    if _WIFI.search(text) and not (_WIRED.search(text) or _WIFI_WORKS.search(text)):
        text = _INTERNET.sub(r"wifi \g<0>", text)
    return text


def read_wifi_key(text: str) -> str:
    """A network security key, and a password or key refused about the Wi-Fi with no account
    said, as the Wi-Fi's key ("ключ wifi")."""
    if "ключ" in text or "security key" in text:
        text = _SECURITY_KEY.sub("ключ wifi", text)
    if _WIFI.search(text) and not _ACCOUNT_SAID.search(text) and not _another_key(text):
        text = _WIFI_KEY.sub("ключ wifi", text)
    return text


def _another_key(text: str) -> bool:
    """A password or key said to be of something that is not the Wi-Fi ("пароль от ноутбука")."""
    return any(
        not _KEY_OF_WIFI.search(found.group(1)) for found in _KEY_OF.finditer(text)
    )
