"""Attempts told as a done verb on a thing or a helper, for the "tried" reader.

"висмикнула шнур з розетки", "звонила в поддержку", "switched the monitor to the other port",
"called the ISP": the verb's form says it is done and the user's, a closed class of things
(cables, devices, the software's pieces) and of helpers says what its object is.
"""

from __future__ import annotations

import re

from gateway.dialogs.extract.step_cues import (
    EN_NOT_DONE,
    IS_NOW,
    NEGATED,
    RETRIED,
    WHEN_DOING,
)
from gateway.dialogs.extract.words import fold
from gateway.knowledge.morphology import readings

_I = re.IGNORECASE


# A done verb of any stem whose object is the thing or a helper ("висмикнула шнур",
# "звонила в поддержку", "телефонувала провайдеру"): the dictionaries read the verb's form
# (past, any person, gender, aspect, prefix), a closed class says what its object is.
# The things a user handles to fix a fault: cables and sockets, the devices and their parts,
# the software's pieces (a driver, the cache, a profile, the settings); lemmas, ru and uk.
_HANDLED_TEXT = """
    кабель шнур провод провід дріт штекер штепсель вилка розетка разъём роз'єм порт юсб usb
    удлинитель подовжувач блок адаптер зарядка зарядник батарейка батарея аккумулятор
    акумулятор роутер маршрутизатор модем свитч коммутатор комутатор точка приёмник приймач
    флешка донгл картридж тонер лоток кассета касета бумага папір барабан
    монитор монітор принтер мфу сканер компьютер комп комп'ютер ноутбук ноут системник
    мышь мышка миша мишка клавиатура клавіатура наушники навушники гарнитура гарнітура
    колонка камера вебка микрофон мікрофон телефон смартфон планшет терминал термінал
    док док-станция док-станція экран екран дисплей вентилятор кулер
    драйвер кэш кеш куки профиль профіль настройка налаштування параметр учётка учетка
    программа програма приложение додаток браузер антивирус антивірус служба сервіс
    сервис обновление оновлення сеть мережа вайфай wi-fi роз'єднання соединение з'єднання
    питание живлення прошивка блютуз bluetooth
"""
_HANDLED = frozenset(_HANDLED_TEXT.split())
# The people a user turns to: "звонила в поддержку", "дзвонила адміну", "писал провайдеру".
_HELPERS_TEXT = """
    поддержка техподдержка підтримка техпідтримка провайдер админ адмін администратор
    адміністратор сисадмин сисадмін айтишник айтішник хелпдеск helpdesk оператор
    сервис-центр сервісний производитель виробник
    владелец власник руководитель керівник начальник
"""
_HELPERS = frozenset(_HELPERS_TEXT.split())
# Verbs said of the thing that are how the trouble came about or what was got, never a fix:
# dropped, spilled, broke, lost, bought ("уронили ноутбук", "купили роутер"), and verbs of
# using it ("открыла программу — вылетает", "надрукувала документ").
_NOT_FIXES_TEXT = """
    уронить выронить упустить впустить пролить разлить залить облить разбить сломать повредить
    поцарапать потерять забыть купить заказать получить принести отдать увидеть видеть
    открыть напечатать распечатать отправить прислать отсканировать использовать
    подарить взять нести найти дать оставить поставить ввести набрать вбить
    упустити впустити розлити пролити залити облити розбити зламати пошкодити подряпати
    загубити забути купити замовити отримати принести віддати побачити бачити відкрити
    надрукувати роздрукувати відправити надіслати відсканувати використати подарувати
    взяти знайти дати залишити поставити ввести набрати вбити
    быть стать мочь хотеть начать сказать работать бути стати могти хотіти почати сказати
    працювати
    задеть зацепить наступить перегрызть погрызть перевезти перенести переместить передвинуть
    привезти выдать сменить зачепити наступити перегризти перевезти перенести перемістити
    пересунути привезти видати змінити
    открывать печатать распечатывать отправлять получать покупать ронять проливать разливать
    заливать ломать терять брать приносить давать оставлять ставить вводить набирать смотреть
    выдавать привозить переносить перемещать задевать скачать скачивать
    відкривати друкувати роздруковувати надсилати відправляти отримувати купувати впускати
    розливати заливати ламати губити брати приносити давати залишати ставити вводити
    набирати дивитися видавати привозити переносити скачати завантажити завантажувати
    використовувати
"""
_NOT_FIXES = frozenset(_NOT_FIXES_TEXT.split())
_CYR_WORDS = re.compile(r"[а-яіїєґё'-]+|[a-z-]+", _I)
_PREPOSITIONS_TEXT = "в во до к ко у из с со з із от від на"
_PREPOSITIONS = frozenset(_PREPOSITIONS_TEXT.split())
_FILLERS_TEXT = """
    уже вже ещё еще ще его её ее їх их його свой свою свій свого все всё усе весь сам сами
"""
_FILLERS = frozenset(_FILLERS_TEXT.split())


# "в другую розетку", "в інший порт": the thing after a preposition is tried elsewhere.
_OTHER = ("друг", "інш", "сосед", "сусід")


def _dictionary_readings(word: str) -> tuple[tuple[str, frozenset[str]], ...]:
    for lang in ("ru", "uk"):
        found = readings(word, lang)
        if found:
            return found
    if word.startswith("пере") and len(word) > 7:
        return _dictionary_readings(word[4:])  # "перепрошивал": the dictionary has "прошивал"
    return ()


def _thing_as_subject(word: str) -> bool:
    """A thing, a program or a system named before the verb is its subject: "принтер
    зажевал бумагу", "Windows обновила драйвер"."""
    if re.fullmatch(r"[a-z][a-z0-9-]*", word) or word in _IT_PRONOUNS:
        return True  # "он опять зажевал бумагу": the printer, said as "он"
    found = _dictionary_readings(word)
    return bool(found) and {"NOUN", "nomn", "inan"} <= found[0][1]


def _direct_object(verb: frozenset[str], noun: tuple[tuple[str, frozenset[str]], ...]) -> bool:
    """Whether the noun after the verb can be its object: the verb takes one, and the noun
    reads as an accusative ("висмикнула шнур"), never as the subject after its verb
    ("погас экран", "злетіла програма")."""
    if "intr" in verb:
        return False
    return not noun or any("accs" in tags for _, tags in noun)


_GENDERS = frozenset({"masc", "femn", "neut"})
_IT_PRONOUNS_TEXT = "он она оно они він вона воно вони"
_IT_PRONOUNS = frozenset(_IT_PRONOUNS_TEXT.split())
# What may stand before the user's own verb: the user, "already", "also", when and how often.
_LEADS_TEXT = """
    я мы ми уже вже тоже теж також ещё еще ще и і й а сам сама сами вчера вчора сегодня
    сьогодні утром зранку вечером ввечері потом потім сначала спочатку дважды двічі трижды
    тричі несколько кілька раз разів раза рази пару два три опять знову снова заново
"""
_LEADS = frozenset(_LEADS_TEXT.split())


def _may_be_subject(verb: frozenset[str], noun: tuple[tuple[str, frozenset[str]], ...]) -> bool:
    """Whether the noun after a past verb agrees with it as its subject could ("згас екран":
    masculine both, and "екран" reads as a nominative)."""
    number = "plur" if "plur" in verb else "sing"
    gender = verb & _GENDERS
    return any(
        "nomn" in tags
        and (number in tags or (number == "sing" and "plur" not in tags))
        and (not gender or gender <= tags)
        for _, tags in noun
    )


def _user_leads(before: list[str]) -> bool:
    """Whether only the user, "already", times and counts come before the verb in its clause
    ("вже двічі перепрошивав роутер"), not a place ("у нас згас екран")."""
    return all(word in _LEADS or word.isdigit() for word in before)


def _user_named(verb: frozenset[str], before: list[str]) -> bool:
    """Whether a verb that may have the noun after it as its subject is still the user's: the
    dictionary says it takes an object ("перезагрузил роутер"), or the user or "already" is
    said before it ("я вже перепрошивав роутер"); "Зранку зависнув комп" is the machine's."""
    return "tran" in verb or bool({"я", "мы", "ми", "уже", "вже"} & set(before))


# Verbs of handling a thing by hand to get it going: shaking, jiggling, pulling at it ("шнур
# дёргала", "картридж трясла", "штекер пошатав", "кабель смикала"). Said by the user of a
# cable, a plug or a part, each is a step whether or not the message judges it: nobody
# jiggles a cable but to make it work. A single pull ("дёрнула", "висмикнула") may be how it
# came about, and is a step only judged. Lemmas, ru and uk (ё read as е).
_BY_HAND_TEXT = """
    дергать подергать трясти потрясти вытрясти встряхнуть встряхивать шатать пошатать
    теребить потеребить шевелить пошевелить поправить поправлять прижать прижимать
    смикати посмикати трусити потрусити витрусити струсити трусить потрусить хитати похитати
    ворушити поворушити притиснути притискати
"""
_BY_HAND = frozenset(_BY_HAND_TEXT.split())
_LATIN = re.compile(r"[a-z][a-z0-9-]*")


def _past_verb(lemma_: str, tags: frozenset[str]) -> bool:
    """A past verb form; a Ukrainian past in -ав the Russian dictionary reads as a gerund
    ("пошатав", "потрусив") for the verbs of handling by hand."""
    if "past" not in tags:
        return False
    return "VERB" in tags or ("GRND" in tags and fold(lemma_) in _BY_HAND)


def _thing_before(
    before: list[str], verb: frozenset[str], by_hand: bool, after: list[str]
) -> bool:
    """Whether a handled thing said before the user's past verb is its object: "шнур
    дёргала", "мы роутер уже дёргали", "Штекер HDMI пошатав"; only the user, "already" and
    counts around it. A thing that agrees with the verb may be its subject ("принтер
    зажевал"): it is the object only after "я"/"мы", or with a verb of handling by hand."""
    rest = list(before)
    while rest and rest[-1] in _LEADS:
        rest.pop()
    while len(rest) > 1 and _LATIN.fullmatch(rest[-1]):
        rest.pop()  # "штекер HDMI": the thing's own name after it
    if not rest or not _user_leads(rest[:-1]):
        return False
    noun = _dictionary_readings(rest[-1])
    lemma_ = noun[0][0] if noun else rest[-1]
    if lemma_ not in _HANDLED and rest[-1] not in _HANDLED:
        return False
    if not _direct_object(verb, noun):
        return False
    if any(_not_fix(word) for word in after):
        return False  # "ноут трясла в руках и уронила": the story of the fault
    if {"я", "мы", "ми"} & set(before) or not _may_be_subject(verb, noun):
        return True
    # "кабель дёргал, не помогло"; "принтер дёргал бумагу" has its own object: the thing did it
    return by_hand and not any(_accusative_noun(word) for word in after)


# How a thing came to harm, told after handling it: "трясла в руках и уронила".
_HARMED_TEXT = """
    уронить выронить упустить пролить разлить залить облить разбить сломать повредить
    порвать оборвать упасть впустити упустити розлити пролити залити облити розбити зламати
    пошкодити порвати обірвати впасти
"""
_HARMED = frozenset(_HARMED_TEXT.split())


def _not_fix(word: str) -> bool:
    found = _dictionary_readings(word)
    return bool(found) and "VERB" in found[0][1] and found[0][0] in _HARMED


def _accusative_noun(word: str) -> bool:
    return any({"NOUN", "accs"} <= tags for _, tags in _dictionary_readings(word))


def acts_on_thing(lowered: str, *, judged: bool = True) -> bool:
    """Whether a done verb of the user's, in the past, has the thing or a helper as its
    object: "висмикнула шнур з розетки", "звонила в поддержку", "телефонувала провайдеру".
    The verb's own forms come from the dictionaries (any prefix or aspect); a reflexive or
    an impersonal neuter form is what the machine did ("перезагрузился сам", "сбросило")."""
    words = _CYR_WORDS.findall(lowered)
    # a thing handled is a fix when the message judges a step ("не помогло", "то же самое")
    # or the clause says it was done again ("і ввімкнула знову"); alone it may be what
    # happened to it, told as the story of the fault
    retried = judged or bool(RETRIED.search(lowered))
    for at, word in enumerate(words):
        found = _dictionary_readings(word)
        if not found or not _past_verb(*found[0]):
            continue
        verb, tags = found[0]
        reflexive = verb.endswith(("ся", "сь"))
        if "neut" in tags or verb in _NOT_FIXES:
            continue
        if at and words[at - 1] in ("не", "ні", "ни"):
            continue
        by_hand = fold(verb) in _BY_HAND
        if (
            (retried or by_hand)
            and not reflexive
            and _thing_before(words[:at], tags, by_hand, words[at + 1 :])
        ):
            return True  # "шнур дёргала", "мы роутер дёргали", "картридж трясла"
        if any(_thing_as_subject(w) for w in words[:at]):
            continue  # "принтер зажевал бумагу": the thing did it
        preposition = other = False
        for nxt in words[at + 1 : at + 4]:
            if nxt in _FILLERS:
                continue
            if nxt in _PREPOSITIONS and not preposition:
                preposition = True
                continue
            if nxt.startswith(_OTHER):
                other = True
                continue
            noun = _dictionary_readings(nxt)
            lemma_ = noun[0][0] if noun else nxt
            if (lemma_ in _HELPERS or nxt in _HELPERS) and (
                not preposition
                or (
                    "у" not in words[at + 1 : at + 4]
                    and not {"на", "от", "від", "из", "із"} & set(words[at + 1 : at + 3])
                )
            ):
                return True  # "звонила в поддержку", "зверталась до адміна"
            if (
                (lemma_ in _HANDLED or nxt in _HANDLED)
                and not reflexive
                and (
                    other
                    or ((retried or by_hand) and not preposition and _direct_object(tags, noun))
                )
                and _user_leads(words[:at])
                and not (_may_be_subject(tags, noun) and not _user_named(tags, words[:at]))
            ):
                return True
            if noun and noun[0][1] & {"ADJF", "ADJS", "NPRO", "ADVB"}:
                continue
            break
    return False


# English: a past form whose object is the thing or a helper ("switched the monitor to the
# other port", "called the ISP", "looked in the recycle bin"). Irregular pasts are few.
_EN_THINGS = (
    r"cables?|cords?|plugs?|sockets?|ports?|adapters?|chargers?|batter(?:y|ies)|routers?|"
    r"modems?|switch(?:es)?|dongles?|receivers?|cartridges?|toner|trays?|drums?|monitors?|"
    r"printers?|scanners?|pcs?|computers?|laptops?|mouse|mice|keyboards?|headsets?|headphones|"
    r"speakers?|cameras?|webcams?|mics?|microphones?|phones?|tablets?|terminals?|docks?|"
    r"docking station|screens?|displays?|fans?|drivers?|cache|cookies|profiles?|settings|"
    r"apps?|programs?|browsers?|antivirus|services?|spooler|print spooler|updates?|network|"
    r"wi-?fi|connections?|vpn|usb|hdmi|firmware|bluetooth|(?:airplane|flight|safe) mode"
)
_EN_HELPERS = (
    r"support|tech support|it support|it (?:team|department|guys?)|helpdesk|help desk|"
    r"service desk|isp|provider|admin|"
    r"vendor|manufacturer|hotline|technician|the shop|the store"
)
_EN_PLACES = r"recycle bin|trash|bin|backups?|spam|junk|quarantine|deleted items"
_EN_IRREGULAR = r"took|put|rang|made|gave|held|shook|set|tore|threw|got"  # "swapped": -ed
_EN_NOT_FIXES_TEXT = """
    dropped spilled broke lost bought ordered received opened printed sent used needed reported
    mentioned wanted started loaded noticed saw got made gave sat connected plugged-in attached
    paired owned rented borrowed installed downloaded locked
"""
_EN_NOT_FIXES = frozenset(_EN_NOT_FIXES_TEXT.split())
_EN_ACTS = re.compile(
    rf"\b(?P<verb>[a-z]{{3,}}ed|{_EN_IRREGULAR})\s+(?:(?:it|them|up|out|off|back|in)\s+)?"
    r"(?:(?P<det>the|my|our|their|his|her|its|a|an|this|that|both|all|every|another|other)\s+)?"
    r"(?:[\w-]+\s+)?"
    rf"(?:(?P<thing>{_EN_THINGS})|(?P<helper>{_EN_HELPERS}))\b"
    r"(?!\s+(?:problem|issue|error|thing|trouble)s?\b)|"
    rf"\b(?P<look>looked|searched|checked|dug|went)\s+(?:(?:in|into|through)\s+)"
    rf"(?:(?:the|my|our)\s+)?(?P<place>{_EN_PLACES})\b",
    _I,
)
# Participles that stand before a noun as adjectives: "Unidentified network", "a wired
# keyboard", "the shared printer" (un- forms other than undoing a step are adjectives).
_EN_ADJECTIVE = re.compile(
    r"un(?!plugg|install|pair|mount|check|block|lock)\w+|wired|shared|mapped|networked|"
    r"connected|locked|jammed|detected|used|attached|built|integrated|dedicated|embedded|"
    r"required|supported|wireless|limited|managed|unmanaged|named|listed|selected|saved|cached",
    _I,
)
_EN_SUBJECT_OR_START = re.compile(
    r"(?:^|\b(?:i|we|i've|we've|ive|weve|already|and|then|also|just|even|so|have|had|"
    r"colleague|admin|someone|somebody)\s+(?:(?:have|had|already|also|just|even)\s+)*)\s*$",
    _I,
)


def en_acts_on_thing(lowered: str) -> bool:
    """Whether an English past form of the user's has the thing, a helper or a place a lost
    file is looked for as its object (the verb's own spelling says it is done)."""
    for found in _EN_ACTS.finditer(lowered):
        verb = (found.group("verb") or found.group("look")).lower()
        if verb in _EN_NOT_FIXES:
            continue
        before = lowered[: found.start()]
        if (
            NEGATED.search(before)
            or IS_NOW.search(before)
            or EN_NOT_DONE.search(before)
            or WHEN_DOING.search(before)
        ):
            continue  # "it is connected", "please restart", "broke when we updated it"
        if not _EN_SUBJECT_OR_START.search(before) and not found.group("helper"):
            continue
        if found.group("thing") and not found.group("det") and _EN_ADJECTIVE.fullmatch(verb):
            continue  # "Unidentified network", "wired keyboard": an adjective, no step
        return True
    return False
