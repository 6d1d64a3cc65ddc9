"""A device told by what it does, when no word of the desk's lists names it.

Things at a door, a counter or on a wall are IT whatever they are called: a clock over the
ice, a running line over a pharmacy's door, a hotel's lock, a ski lift's gate, a handheld on
a warehouse floor. What they do tells them, read by lemma (every case, tense and person):

- a reader reads a card, a wristband, a fob or a code ("замок не читает карточку",
  "не зчитують браслети", "won't read the members' fobs", "не видит коды на мешках"), or a
  door opens with a card ("двері не відчиняються карткою", "won't open with the key card");
- a display shows, lights, blinks or goes dark ("часы показывают одни нули", "вивіска
  згасла", "blinks red", "the sign is blank"), unless what it shows is an error or a message,
  which a program shows as often ("показывает ошибку").

A reader is a device's vote wherever it is said; a display only names the device when
nothing else in the message does (`gateway/triage/routing.py`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from gateway.knowledge.morphology import readings, tokens
from gateway.knowledge.vocabulary import NOUN_DETERMINERS

# What a reader is given: cards, wristbands, fobs, badges, passes, tickets, codes.
_CARRIERS = frozenset({
    "карта", "карточка", "картка", "пропуск", "бейдж", "бейджик", "браслет", "брелок",
    "брелк", "метка", "мітка", "абонемент", "билет", "квиток", "талон", "штрихкод",
    "штрих-код", "код", "qr", "qr-код", "card", "badg", "fob", "wristband", "tag", "pass",
    "ticket", "barcod", "code", "qr-code",
})  # fmt: skip
_READS = frozenset({
    "читать", "прочитать", "прочесть", "считывать", "считать", "считываться", "читаться",
    "распознавать", "распознать", "сканировать", "отсканировать",
    "читати", "прочитати", "зчитувати", "зчитати", "зчитуватися", "розпізнавати", "розпізнати",
    "сканувати", "відсканувати",
    "read", "scan", "recogn", "detect",
})  # fmt: skip
# … of which seeing is a reader's only said of codes, and not by the writer ("не вижу код").
_SEES = frozenset({"видеть", "увидеть", "бачити", "побачити", "see"})
_SEEN = frozenset({"штрихкод", "штрих-код", "код", "qr", "qr-код", "barcod", "code", "qr-code"})
_PERSONS = frozenset({"я", "мы", "ми", "вы", "ви", "i", "we", "you", "мне", "мені", "нам"})
# A door or a lock that opens with a card: "не відчиняється карткою", "won't open with the
# key card" (a card said as what opens it, not a map opened: "не открывается карта").
_OPENS = frozenset({
    "открываться", "открыться", "открывать", "открыть", "відчинятися", "відчинитися",
    "відкриватися", "відкритися", "відчиняти", "відкривати", "open", "unlock",
})  # fmt: skip
_WHICH_ONE = "|".join(sorted(NOUN_DETERMINERS, key=lambda w: (-len(w), w)))  # "the", "my"
_WITH_A_CARD = re.compile(
    r"(?<!\w)(?:(?:ключ-?)?(?:карт(?:ой|ою|кой|кою|очкой)|картк(?:ою|ой))|with\s+(?:(?:"
    rf"{_WHICH_ONE})\s+)?(?:[\w'’]+\s+)?(?:key\s?)?cards?)(?!\w)",
    re.IGNORECASE,
)
# What a display does: shows, lights, blinks, goes dark.
_SHOWS = frozenset({
    "показывать", "показать", "отображать", "отобразить", "высвечивать", "высветить",
    "светиться", "мигать", "мигнуть", "моргать", "мерцать", "гаснуть", "погаснуть",
    "потухнуть", "тухнуть", "загораться", "загореться",
    "показувати", "показати", "відображати", "відобразити", "світитися", "блимати",
    "блимнути", "мерехтіти", "гаснути", "згаснути", "погаснути", "загорятися", "загорітися",
    "show", "display", "blink", "flash", "flicker",
})  # fmt: skip
# … and an English display gone dark or blank: "went dark", "is blank", "stays black".
_GONE_DARK = re.compile(
    r"(?<!\w)(?:went|gone|goes|go|going|is|are|was|were|stays?|stayed|turned|has gone)\s+"
    r"(?:completely\s+|totally\s+|all\s+)?(?:dark|blank)(?!\w)",
    re.IGNORECASE,
)
# What a program shows as often as a device: an error, a message, a window, an icon; a
# display said to show one of these names no device.
_SHOWN_BY_PROGRAMS = frozenset({
    "ошибка", "помилка", "error", "сообщение", "повідомлення", "messag", "окно", "вікно",
    "window", "уведомление", "сповіщення", "notif", "warn", "предупреждение", "значок",
    "иконка", "іконка", "icon", "курсор", "cursor", "popup", "pop-up", "экран", "екран",
    "screen", "страница", "сторінка", "page",
})  # fmt: skip
# A lamp, a bulb or a light that blinks or went dark is the building's, an appliance's or a
# car's ("в коридоре мигает лампочка", "the dishwasher light is blinking", "check engine
# light is flashing"), not a display: with no IT thing named, the bot asks what the IT
# problem is ("the light on the router is blinking" names the router).
_LAMPS = frozenset({
    "лампа", "лампочка", "свет", "фонарь", "світло", "ліхтар", "light", "lamp", "bulb",
})  # fmt: skip
_NEAR = 4  # words between a verb and what it reads or opens with
_CLAUSE = re.compile(r"[,.;:!?()\n—–]+|\s-\s|\s(?:а|и|і|й|але|но|and|but)\s")


@lru_cache(maxsize=1024)
def reads_a_card(text: str) -> bool:
    """Whether `text` says something reads or opens with a card, a wristband, a fob or a
    code: a reader's work, whatever the reader is called. Not one that takes cards as
    payment: a card terminal is a public machine (routing.py), a vending machine none."""
    for clause in _CLAUSE.split(text):
        read = [t for t in tokens(clause) if t.lemma not in ("the", "a")]
        found = [t.lemma for t in read]
        if _PERSONS.intersection(found):
            continue  # the writer reads or sees it: "я не вижу код", "I can't read the code"
        for at, word in enumerate(found):
            if _said_by_a_person(read[at].word):
                continue  # "не вижу код", "не бачу штрихкод": the writer's own eyes
            near = found[max(0, at - _NEAR) : at + _NEAR + 1]
            if word in _READS and _CARRIERS.intersection(near):
                return True
            if word in _SEES and _SEEN.intersection(near):
                return True
            if word in _OPENS and _WITH_A_CARD.search(clause):
                return True
    return False


def _said_by_a_person(word: str) -> bool:
    """Whether a Cyrillic verb form is the first or second person ("вижу", "бачимо")."""
    return any(
        {"1per", "2per"} & tags for lang in ("ru", "uk") for _, tags in readings(word, lang)[:1]
    )


@lru_cache(maxsize=1024)
def shows_as_a_display(text: str) -> bool:
    """Whether `text` says something shows, lights, blinks or went dark as a display does,
    and shows no error, message or window, which a program shows as well, nor is a lamp."""
    lemmas = {t.lemma for t in tokens(text)}
    if lemmas & (_SHOWN_BY_PROGRAMS | _LAMPS):
        return False
    return bool(lemmas & _SHOWS) or bool(_GONE_DARK.search(text))
