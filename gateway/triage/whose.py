"""Whose a broken thing is: the company's IT, or a machine nobody at the IT desk looks after.

A first-line desk tells the user, politely, that a coffee machine, a dishwasher, a washing
machine in the laundry, a treadmill in the gym, a kiln or a sewing machine is not IT's, and
opens no ticket: what such a machine is for (making coffee, washing, running, firing clay,
sewing) says whose it is, whatever its screen shows or whether it switches on ("кофемашина
мигает красной каплей", "the gelato machine is showing E3", "бігова доріжка не вмикається").
So is a public service the writer uses as a customer: a machine that took their own coins or
would not read their own ticket at a stop or a station ("the ticket machine at the tram stop
swallowed my coins", "the subway gate won't read my ticket").

Its screen, buttons, program (a washing machine's cycle) and its not switching on are the
machine's own; anything else IT named beside it (a tablet, a till, the network, a program of
the desk's) keeps the message IT's ("на кухне экран заказов не показывает", "the fridge's
temperature tablet lost the wifi"). A screen, a board or a reader that is the thing itself
(a scoreboard, a queue display, a card reader at a desk) is IT and never matched here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from gateway.triage.phrases import SCREEN_QUOTE, PhraseSet, normalise

# Kitchen, laundry, building and gym machines: the office manager's (facilities).
APPLIANCES = PhraseSet([
    r"кофемашин\w*", r"кофеварк\w*", r"кавомашин\w*", r"кавоварк\w*",
    r"(?:кофейн|кавов)\w* (?:аппарат|апарат|машин)\w*", r"coffee (?:machines?|makers?|grinders?)",
    r"espresso machines?", r"(?:электро|електро)?чайник\w*", r"kettles?",
    r"холодильник\w*", r"морозильник\w*", r"морозилк\w*",
    r"(?:холодильн|морозильн)\w* (?:камер|шкаф|шаф|витрин|вітрин|ларь|лар)\w*",
    r"fridges?", r"refrigerators?", r"freezers?", r"cold rooms?",
    r"микроволнов\w*", r"мікрохвильов\w*", r"свч-?печ\w*", r"microwaves?",
    r"духовк\w*", r"духов\w* шкаф\w*", r"пароконвектомат\w*", r"конвектомат\w*",
    r"(?:электро|електро|газов|индукционн|індукційн|варочн|варильн)\w* (?:плит|панел)\w*",
    r"плит[аиуеі](?= (?:не|на|в|у|перестал\w*|погасл\w*))", r"печ[ьи]", r"печк\w*", r"піч",
    r"пічк\w*", r"ovens?", r"stoves?", r"hobs?", r"kilns?", r"фритюрниц\w*", r"(?:deep )?fryers?",
    r"тостер\w*", r"toasters?", r"тестомес\w*", r"тістоміс\w*", r"тестомесильн\w*",
    r"тістомісильн\w*", r"(?:dough|stand|planetary) mixers?", r"блендер\w*", r"blenders?",
    r"мясорубк\w*", r"м'ясорубк\w*", r"льдогенератор\w*", r"льодогенератор\w*",
    r"ice (?:machines?|makers?)", r"слайсер\w*", r"слайсер",
    r"посудомо\w*", r"посудоми\w*", r"dishwashers?", r"glass ?washers?",
    r"стиральн\w* машин\w*", r"стиралк\w*", r"пральн\w* машин\w*", r"пралк\w*",
    r"сушильн\w* (?:машин|барабан|шкаф|шаф)\w*", r"сушилк\w*", r"сушарк\w*",
    r"washing machines?", r"(?:tumble )?dryers?", r"laundry machines?",
    r"пылесос\w*", r"пилосос\w*", r"vacuum(?: cleaner)?s?", r"hoovers?",
    r"кондиционер\w*", r"кондиціонер\w*", r"air ?con\w*", r"a/c units?",
    r"обогревател\w*", r"обігрівач\w*", r"бойлер\w*", r"водонагревател\w*", r"водонагрівач\w*",
    r"heaters?", r"boilers?", r"water coolers?",
    r"бегов\w* дорожк\w*", r"бігов\w* доріжк\w*", r"велотренаж[её]р\w*", r"орбитрек\w*",
    r"орбітрек\w*", r"treadmills?", r"exercise bikes?", r"cross ?trainers?", r"ellipticals?",
    r"rowing machines?", r"vending machines?", r"вендингов\w* (?:автомат|апарат)\w*",
    r"(?:торгов|снеков|кофейн)\w* автомат\w*",
])  # fmt: skip
# Other trades' machines: their own service's, not IT's ("швейная машина рвёт нитку", "the
# CNC machine shows error E7", "машинка для стрижки не заряжается").
TRADE_MACHINES = PhraseSet([
    r"(?:швейн|вышивальн|вишивальн|стегальн|стьобальн|в'язальн|вязальн|колеровочн|"
    r"колерувальн|ледозаливочн|льодозаливн|поломоечн|поломийн|доильн|доїльн|тату)\w* "
    r"машин\w*",
    # any other machine told by an adjective of its trade, made from what it does or works
    # on ("темперирующая машина", "халвоотсадочная машина", "ледозаливна машина", "офсетная
    # машина"), not one a computer is told by ("виртуальная машина", "рабочая машина",
    # "хостовая", "мощная", "терминальная", "сервисная машина": IT's speech for a computer)
    r"(?!(?:виртуальн|віртуальн|вычислительн|обчислювальн|рабоч|робоч|локальн|удаленн|"
    r"удалённ|віддален|гостев|гостьов|клиентск|клієнтськ|тестов|домашн|серверн|нов|стар|"
    r"друг|перв|втор|перш|одна|кажд|кожн|люб|котор|котр|един|єдин|следующ|наступн|"
    r"предыдущ|попередн|лишн|зайв|терминальн|термінальн|персональн|физическ|фізичн|основн|"
    r"сборочн)\w*(?:ая|яя|ую|юю|ой|ей|ої|ій|на|ня|ну|ню)\s)"
    r"\w{2,}(?:ющ|ащ|ящ|чн|льн|тн|вн|бн|ськ|цьк|ск)(?:ая|яя|ую|юю|ой|ей|ої|ій|а|я|у|ю) "
    r"машин(?:а|у|ы|е|ой|і|ою|к\w*)(?!\w)",
    # a machine for a task ("машинка для стрижки", "машина для відкачки септиків"), not for
    # a computer's work ("машина для тестов", "машина для сборки": a computer)
    r"бормашин\w*",
    r"машин(?:к)?\w* для (?!(?:тест|разраб|розроб|сборк|збірк|рендер|билд|білд|виртуал|"
    r"віртуал|вычисл|обчисл|расч[её]т|розрахун|бэкап|бекап|резервн|моделир|моделюв|"
    r"компил|компіл|обучени|навчання|нейр|ci\b|сервер|хостинг|клиент|клієнт)\w*)\w+",
    r"оверлок\w*", r"станк\w* чпу", r"станок\w*", r"верстат\w* чпу",
    r"(?:sewing|embroidery|knitting|cnc|welding|popcorn|gelato|ice cream|slush|candy floss|"
    r"cotton candy|wave|key cutting|tattoo|pasta|bread|milking|lathe|floor cleaning|"
    r"ice resurfacing|tinting|paint mixing) machines?",
    r"lathes?", r"sewing machines?",
])  # fmt: skip
# What is the machine's own when it is named: its screen, buttons, program or cycle, not
# switching on, freezing ("у пральної машини завис екран", "the coffee machine screen is
# frozen", "застряла посередині програми").
# Hanging and glitching said in slang ("традос виснет намертво", "все подвисает", "1С глючит"):
# a program's fault (routing reads it as software's), a machine's own beside one that is no
# IT's ("кофемашина глючит"). Not "виснажений" (tired).
HANGS_IN_SLANG = [
    r"висн(?:ет|ут|е|уть|ул\w*|ув|уло|ла|ли)", r"подвиса\w*", r"подвис(?:ла|ло|ли)?",
    r"глюч\w*", r"глюк\w*",
]  # fmt: skip
# Slowness said of a thing ("ноут тормозит", "комп гальмує", "the laptop is crawling", "the
# PC is so slow"): a program's fault (routing reads it as software's, so a slow laptop is no
# dead one), a machine's own beside one that is no IT's ("кофемашина тормозит"). Not "lagoon".
SLOWNESS = [
    r"тормоз(?:ит|ят|ил\w*|ить|ит\w*)", r"(?:под|при)тормаж\w*", r"гальму\w*", r"пригальмов\w*",
    r"slow(?:s|ly|er|est|ness|ing|ed)?", r"crawl(?:s|ing|ed)?", r"lag(?:s|gy|ging|ged)?",
    r"sluggish\w*",
]  # fmt: skip
_ITS_OWN = PhraseSet([
    r"screens?", r"экран\w*", r"екран\w*", r"дисплей\w*", r"displays?", r"панел\w*",
    r"panels?", r"touch ?screens?", r"сенсорн\w*", r"кнопк\w*", r"buttons?",
    r"не включа\w*", r"не вмика\w*", r"won'?t (?:turn|switch|power) on", r"завис\w*",
    r"зависа\w*", r"freez\w*", r"frozen", r"not responding", r"не отвечает", r"не відповідає",
    # a washing program is its own; "программа учёта" beside a freezer is the desk's
    r"программ\w* (?:стирк|сушк|полоскан|отжим|мойк|мытья)\w*",
    r"програм\w* (?:прання|сушіння|полоскання|віджим\w*|миття)",
    r"(?:wash|washing|drying|rinse|spin) (?:programs?|cycles?)", r"установ\w*", r"встанов\w*",
    r"(?:lost|loses) power", *HANGS_IN_SLANG, *SLOWNESS,
])  # fmt: skip
# A machine and the make after it ("швейная машинка Juki", "тестомес Sinmag").
_MACHINE_AND_MAKE = re.compile(
    r"(?<!\w)(?:" + "|".join((*APPLIANCES.patterns, *TRADE_MACHINES.patterns)) + r")(?!\w)"
    r"(?:\s+[a-z][\w-]*(?:\s+[a-z0-9][\w-]*\d[\w-]*)?)?"
)
_CYRILLIC = re.compile(r"[а-яёіїєґ]", re.IGNORECASE)
_LATIN_LETTER = re.compile(r"[a-z]", re.IGNORECASE)
_LATIN_NAME = re.compile(r"(?<![\w-])[a-z][a-z-]+[a-z](?![\w-])")
# A file, a flash drive or a card it reads, firmware, Bluetooth: IT's beside any machine.
_IT_MEDIA = re.compile(
    r"(?<![\w-])(?:флешк\w*|флеш-?накопител\w*|флеш-?накопичувач\w*|usb|файл\w*|files?|"
    r"flash ?drives?|memory sticks?|usb sticks?|sd ?-?cards?|карт\w* памят\w*|карт\w* пам'ят\w*|"
    r"bluetooth|блютуз\w*|прошивк\w*|firmware)(?!\w)"
)
# Signing in beside a machine is IT's ("dropped my phone in the brew kettle, Duo was on it.
# how do i log in now").
_SIGNING_IN = re.compile(
    r"(?<![\w-])(?:log ?in|logging in|sign ?in|signing in|password|passcode|2fa|mfa|"
    r"authenticator|парол\w*|войти|залогин\w*|авториз\w*|увійти|учётн\w* запис\w*|"
    r"учетн\w* запис\w*|обліков\w* запис\w*)(?!\w)"
)
_CAPITALS = re.compile(r"(?<![\w-])[A-Z]{3,}(?![\w-])")
# The writer's own ticket, card, coins or money at a public machine of a stop, a station or
# the street ("swallowed my coins", "не читает мой билет", "не пропускає мою картку").
_MY_OWN = re.compile(
    r"(?<!\w)(?:my|мо[йюиеё]|мої|мій|мою|моєї|моя|мне|мені)\s+(?:\w+\s+)?"
    r"(?:tickets?|cards?|coins?|money|cash|change|pass|билет\w*|карт\w*|монет\w*|деньг\w*|"
    r"гроші|грошей|квит\w*|картк\w*|проїзн\w*|проездн\w*)(?!\w)",
    re.IGNORECASE,
)
_PUBLIC_PLACE = re.compile(
    r"(?<!\w)(?:метро|subway|underground|tube|tram|trams|трамва\w*|автобус\w*|buses|bus|"
    r"тролейбус\w*|троллейбус\w*|маршрутк\w*|train|поезд\w*|потяг\w*|електричк\w*|электричк\w*|"
    r"stops?|остановк\w*|зупинк\w*|station|станци\w*|станці\w*|вокзал\w*|street|улиц\w*|"
    r"вулиц\w*)(?!\w)",
    re.IGNORECASE,
)
_PUBLIC_MACHINE = re.compile(
    r"(?<!\w)(?:gates?|turnstiles?|barriers?|validators?|machines?|терминал\w*|термінал\w*|"
    r"автомат\w*|апарат\w*|аппарат\w*|турникет\w*|турнікет\w*|валидатор\w*|валідатор\w*|"
    r"банкомат\w*|atms?|cash machines?)(?!\w)",
    re.IGNORECASE,
)


@lru_cache(maxsize=1024)
def machine_service(text: str) -> str | None:
    """Whose the machine `text` names is: "facilities" for a kitchen, laundry, building or
    gym machine, "" for another trade's machine or a public service the writer used as a
    customer, None when it names none of these."""
    said = normalise(text)
    if APPLIANCES.search(said):
        return "facilities"
    if TRADE_MACHINES.search(said) or _used_as_a_customer(said):
        return ""
    return None


def without_machines(text: str) -> str:
    """`text` without the machines that are not IT's, their own parts (screen, buttons,
    program, not switching on) and the writer's own ticket or coins at a public machine: what
    is left to read for anything IT named beside them."""
    said = normalise(text)
    rest = _MACHINE_AND_MAKE.sub(" ", said)
    if rest != said:
        rest = SCREEN_QUOTE.sub(" ", rest)  # what it shows is its own: "пишет «очистите систему»"
    if _used_as_a_customer(said):
        rest = _PUBLIC_MACHINE.sub(" ", _MY_OWN.sub(" ", rest))
    return _ITS_OWN.remove(rest)


# Where one clause ends and the next begins: "Экран зависает, рядом поставили кондиционер",
# "the screen freezes whenever the microwave is on".
_CLAUSE_END = re.compile(
    r"[,.;:!?]|(?<!\w)(?:когда|коли|поки|пока|как только|щойно|when|whenever|while|as soon as)"
    r"(?!\w)"
)


def before_the_machine(text: str) -> str:
    """The clauses of `text` said before the one that names its machine ("экран зависает" of
    "Экран зависает, рядом поставили кондиционер"): a thing broken there is what the message
    is about, the machine only its surroundings. "" when the machine is in the first clause
    ("завис экран у кофемашины", "Пральна машина зупинилась, на екрані код F21")."""
    said = normalise(text)
    machine = _MACHINE_AND_MAKE.search(said)
    if machine is None:
        return ""
    ends = list(_CLAUSE_END.finditer(said, 0, machine.start()))
    return said[: ends[-1].start()] if ends else ""


def names_a_product(text: str, rest: str) -> bool:
    """Whether `rest` (`text` without its machines) names a product by its own name: a Latin
    word in a Cyrillic message, or one in capitals in an English one ("не открывается LIMS,
    … печь стоит и ждёт", "the MES is down, the ovens wait"); not an error code ("E12")."""
    if _IT_MEDIA.search(rest) or _SIGNING_IN.search(rest):
        return True  # "вишивальна машина не бачить флешку": what it reads is IT's
    if len(_CYRILLIC.findall(text)) > len(_LATIN_LETTER.findall(text)):
        return bool(_LATIN_NAME.search(rest))
    words = set(re.findall(r"[\w-]+", rest))
    return any(w.lower() in words for w in _CAPITALS.findall(text))


def _used_as_a_customer(said: str) -> bool:
    """Whether the writer used a public machine as a customer: their own ticket, card or
    coins at a stop, a station or in the street."""
    mine = _MY_OWN.search(said) and _PUBLIC_PLACE.search(said)
    return bool(mine and _PUBLIC_MACHINE.search(said))
