"""Names of programs no list knows, read from where they stand in the sentence.

"Salesforce keeps logging me out", "the Dentrix imaging module", "I open Notion", "в
Медиалоге не открывается карта": a capitalised word that a program's verb follows, a
program's noun follows, a use verb governs, or a version follows. What a person or a place
is ("Dr. Patel's office in Kyiv", "Kate from sales", "our branch in Lviv") is left out by
the same reading: a title or an introduction before it, a place noun before "in", a
possessive office after it. The dictionaries (pymorphy3 ru/uk, the English word list) say
which words are ordinary: an ordinary English word ("Notion", "Epic") needs a program's
noun, a use verb or a program-only verb; a word a Cyrillic dictionary knows is no name here.
"""

from __future__ import annotations

import re
from functools import cache

from gateway.dialogs.extract import systems
from gateway.knowledge.domain import LineCounts
from gateway.knowledge.morphology import is_dictionary_word, read_as, readings, tokens
from gateway.knowledge.vocabulary import PLACE_WORDS
from gateway.triage.routing import Routing

_ROUTING = Routing()

_I = re.IGNORECASE
# "Salesforce", "Dentrix", "HubSpot", optionally with an edition word ("Premiere Pro").
_LATIN = re.compile(
    r"(?<![\w'’.@/\\-])((?-i:[A-Z][a-z]{2,}(?:[A-Z][a-z]+)*(?:\d{1,3}(?![\d.]))?(?:\s+[A-Z]\d{1,2}(?!\w))?)"
    r"(?:\s+(?-i:Pro|Cloud|Desktop|Online|Web|Studio|Suite|Reader|Hub|BI|Sheets|Docs|Drive|"
    r"Meet|Manager|Server|Plus|Express|Enterprise|Connect|Hyperspace|Imaging|Sign|Flow|Classic|"
    r"POS|CRM|ERP|PMS|HR|Payroll|Mobile)(?:\s+(?-i:II|III|IV)(?![\w-]))?)?)"
    r"(?![\w@/\\-]|['’](?!s\b)|\.\w)"  # "Rightmove's upload page": the name before 's
)
_CYRILLIC = re.compile(r"(?<![\w'’.-])([А-ЯІЇЄҐ][а-яіїєґ'’]{2,})(?![\w'’-])")

# What a program does and a person does not: "crashes", "won't load", "logs me out".
_THING_VERB_EN = re.compile(
    r"^\s*(?:(?:keeps|kept|still|just|now|also|suddenly|constantly|always|randomly)\s+)?"
    r"(?:crash\w*|freez\w*|froze|hangs|hung|lags|errors?\b|errored|"
    r"(?:won'?t|wont|isn'?t|wasn'?t|will not|is not)\s+"
    r"(?:load\w*|open\w*|start\w*|launch\w*|sync\w*|connect\w*|save\w*|print\w*|work\w*|let\b|"
    r"show\w*|recogni[sz]\w*|respond\w*|accept\w*|find\w*|update\w*|send\w*|run\w*|"
    r"see\b|read\b|export\w*|import\w*|submit\w*)|"
    # what a person does too ("Oksana can't open it", "Patel didn't send it") is left out
    r"(?:doesn'?t|didn'?t|does not|did not)\s+(?:load|start|launch|sync|respond|work)\b|"
    r"stopped (?:working|syncing|loading|responding|opening|sending|printing|connecting)|"
    r"fails?\b|failed|throws|threw|displays|shows|showed|says|said|gives|gave|"
    r"times? out|timed out|pops up|popped up|is down|went down|goes down|"
    r"(?:logs|signs|kicks|kicked|logged|signed|throws) (?:me|us|everyone|users) out|"
    r"keeps (?:crashing|freezing|logging|signing|asking|kicking|closing|showing|throwing|"
    r"saying|loading|hanging)|is (?:stuck|frozen|showing|giving|asking|throwing|saying|"
    r"loading|down|not (?:loading|opening|working|syncing|responding))|asks (?:for|me)|"
    r"reports? (?:an? )?error|closes|quits|spins)\b",
    _I,
)
_THING_VERB_CYR = re.compile(
    r"^\s*(?:(?:опять|снова|знову|постоянно|постійно|вже|уже|ещё|еще|досі|все ещё|все еще|"
    r"до сих пор|сьогодні|сегодня|с утра|з ранку|зранку)\s+)?"
    r"(?:не\s+(?:открыва|откро|запуска|запуст|работа|груз|загружа|сохраня|печата|отправля|"
    r"принима|вид|пуска|відкрива|відкри|працю|завантаж|зберіга|друку|надсила|прийма|бач|"
    r"провод|подписыва|підпису|синхрон|обновля|оновлю|відповіда|отвеча|реагу|вход|заход|"
    r"пуска|пуст|логин|підключа|подключа|соедин|з'єдну|формир|форму|выгруж|вивантаж|"
    r"подтягива|підтягу)\w*|"
    r"вылета\w*|вылетел\w*|вилітає|вилітає|вилета\w*|вилітав|висне\w*|виснет|зависа\w*|"
    r"завис\w*|глюч\w*|тормоз\w*|гальму\w*|пише\w*|пишет|выда[её]т|выдавал\w*|видає|"
    r"показыва\w*|показу\w*|ругается|лага\w*|падает|пада\w*|упал\w*|впав|закрыва\w*|"
    r"закрива\w*|выкидыва\w*|викида\w*|требует|вимагає|просит|просить|выбивает|вибиває|"
    r"перестал\w*|перестав\w*|сбоит|збоїть|лежит|лежить)(?![\w])",
    _I,
)
# What a program says: a quote, a colon, an error or a blank screen.
_SAID_WHAT = re.compile(
    r"\s*(?::|[«\"“'])|\s+(?:me\s+)?(?:an?\s+|the\s+)?(?:error|message|warning|code|blank|black|white|"
    r"nothing|only|empty|loading|spinning)\b",
    _I,
)
# The nouns of a program: "the Dentrix imaging module", "my Salesforce dashboard".
_PROGRAM_NOUN_EN = re.compile(
    r"^\s+(?:[a-z]+\s+)?(?:app|apps|application|client|dashboard|module|account|portal|sync|site|"
    r"website|"
    r"login|log-in|sign-in|page|pages|report|reports|database|plugin|plug-in|add-in|extension|"
    r"desktop app|web app|licen[cs]e|installer|integration|calendar|inbox|workspace|software|"
    r"program|session|profile|template|templates|bridge|agent|launcher|editor|viewer|server|"
    r"instance|tenant|record|records|ticket|tickets|screen|window|tab|export|import|update|"
    r"upload|widget|form|forms|notification|notifications)\b",
    _I,
)
# A program's noun right before it names it: "our PMS (Cloudbeds)", "the app Notion".
_PROGRAM_NOUN_BEFORE = re.compile(
    r"\b(?:app|application|system|software|program|platform|portal|tool|crm|erp|cms|pms|his|"
    r"ehr|emr|wms|lms)\s*(?:\(\s*|,\s*|called\s+|named\s+)?$",
    _I,
)
# Where it runs: "Dentrix on my PC shows …", "Notion on the front desk laptop".
_ON_DEVICE = re.compile(
    r"^\s+(?:on|at)\s+(?:my|our|the|a|this|that|his|her|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:pc|computer|laptop|mac|macbook|imac|machine|workstation|desktop|tablet|ipad|phone|"
    r"iphone|terminal|server|till|kiosk)s?\b",
    _I,
)
# A verb that uses a program, right before its name: "open Notion", "logged into Dentrix".
_USE_BEFORE_EN = re.compile(
    r"(?:\b(?:open|opens|opening|opened|launch\w*|start|starts|starting|started|"
    r"(?:re)?install\w*|updat\w*|upgrad\w*|use|uses|using|used|load|loading|run|running|ran|"
    r"access\w*|(?:log|logs|logging|logged|sign|signs|signing|signed) (?:in ?to|into|on to|onto)|"
    r"(?:sync\w*|connect\w*|export\w*|import\w*|upload\w*|attach\w*) (?:with|to|from|into)|"
    r"switch\w* to|work(?:s|ing)? in|"
    r"(?:error|message|crash|problem|issue|bug|prompt|popup|pop-up|warning)s? (?:in|from|on))"
    r")\s+(?:the\s+|my\s+|our\s+|a\s+)?$",
    _I,
)
# "in Dentrix": the program's name, unless a place or a person stands around it.
_IN_BEFORE = re.compile(r"\b(?:in|into|inside|within|via|through)\s+(?:the\s+)?$", _I)
# Words before "in" that make what follows a place: "our branch in Lviv", "I'm in Kyiv".
_PLACE_WORDS = """i'm im am we're are based located live lives living work works working stay
    staying travel travelling traveling trip here there everyone everybody people staff colleagues
    users branch branches office offices clinic clinics site sites store stores shop shops hospital
    school schools campus hotel hotels warehouse warehouses city town country region street
    somewhere back arrived moved flight meeting conference visit visiting born team teams practice
    department dept pharmacy pharmacies outlet restaurant plant factory depot lab labs house home
    apartment flat building floor room""".split()  # noqa: SIM905
_PLACE_BEFORE = re.compile(
    rf"\b(?:{'|'.join(map(re.escape, _PLACE_WORDS))})\s+(?:in|into|inside|within|via|through)"
    r"\s+(?:the\s+)?$",
    _I,
)
# Before a person's name: a title, a greeting, an introduction.
_PERSON_BEFORE = re.compile(
    r"(?:\b(?:dr|mr|mrs|ms|miss|prof|dear|hi|hello|hey|thanks|thank you|regards|cheers|best|"
    r"sincerely|this is|i'?m|i am|my name is|name'?s|ask|asked|tell|told|call|called|cc|"
    r"colleague|manager|boss|nurse|doctor|patient|client|customer|guest|mister|madam|sir|"
    r"from|with|by|for|and|to)\.?,?\s+|[,\n]\s*)$",
    _I,
)
_PERSON_AFTER = re.compile(
    r"^(?:'s?|’s?)\s+(?:office|desk|room|clinic|practice|team|laptop|computer|pc|phone|"
    r"surgery|chair|station|workstation|account|mailbox)|^\s+(?:from|here|at the|of the)\b|"
    r"^\s*,\s*(?-i:[A-Z])[a-z]+\s*(?:$|[.,;])|^\s*$",
    _I,
)
_PLACE_AFTER = re.compile(
    r"^\s+(?:office|branch|site|store|shop|clinic|hospital|campus|warehouse|street|avenue|"
    r"road|city|region|oblast|district|airport|station)\b",
    _I,
)
# A version or an error right after the name: "Dentrix 11", "Dentrix error 1603".
_VERSION_OR_ERROR = re.compile(
    r"^\s+(?:v?\d+(?:\.\d+)*(?![\w:])|(?:error|ошибк\w*|помилк\w*|code|код)\b)", _I
)
# The days and months, and the days next to today: capitalised, yet no program's name.
DAYS_AND_MONTHS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december today tomorrow""".split()  # noqa: SIM905
)
_CALENDAR = DAYS_AND_MONTHS | frozenset(
    "yesterday please thanks hello hi dear regards team sir madam it the mac".split()  # noqa: SIM905
)
# The languages a user switches to or writes in: "switching to English, my colleague is
# typing", "can we switch to English?" name no program (the ticket showed "English" as the
# product, and the product was not asked).
_LANGUAGE_NAMES = frozenset(
    """english russian ukrainian polish german french spanish italian dutch portuguese turkish
    czech romanian hungarian greek hebrew arabic chinese japanese korean swedish danish
    norwegian finnish estonian latvian lithuanian belarusian georgian armenian kazakh
    uzbek surzhyk cyrillic latin""".split()  # noqa: SIM905
)
# Cyrillic: a use verb and its preposition before the name ("зайти в Медиалог").
_USE_BEFORE_CYR = re.compile(
    r"(?:открыва\w*|открыть|открою|запуска\w*|запустить|захожу|зайти|войти|вхожу|"
    r"работаю|работаем|відкрива\w*|відкрити|запуска\w*|запустити|заходжу|зайти|увійти|"
    r"входжу|працюю|працюємо|установил\w*|встановил\w*|обновил\w*|оновил\w*)\s+"
    r"(?:в\s+|у\s+|во\s+)?$",
    _I,
)


_ENTER_BEFORE_CYR = re.compile(
    r"(?:открыва\w*|открыть|открою|запуска\w*|запустить|захожу|зайти|заходить|войти|вхожу|"
    r"відкрива\w*|відкрити|запустити|заходжу|увійти|входжу|зайти)\s+(?:в|у|во)\s+$",
    _I,
)


def placed_names(text: str) -> list[tuple[int, str]]:
    """(position, name) of each program name that its place in the sentence reveals.

    A system named by its acronym ("АБС не принимает платежи", "the CRM is down") is read
    in `roles.acronym_names`: the user named it, and it is not asked again (session 18).
    """
    found = [(m.start(1), m.group(1)) for m in _LATIN.finditer(text) if _latin_is_program(text, m)]
    found += [
        (m.start(1), m.group(1)) for m in _CYRILLIC.finditer(text) if _cyrillic_is_program(text, m)
    ]
    return found


def _sentence_start(before: str) -> bool:
    stripped = before.rstrip()
    return not stripped or stripped[-1] in '.!?:\n«"“(' or stripped.endswith("--")


def _latin_is_program(text: str, match: re.Match[str]) -> bool:
    name = match.group(1)
    first = name.split()[0].lower()
    if first in _CALENDAR or first in _LANGUAGE_NAMES or systems.extract(name):
        return False
    before, after = text[: match.start(1)], text[match.end(1) :]
    ordinary = is_dictionary_word(first, "en")
    if re.search(r"\b(?:dr|mr|mrs|ms|prof)\.?\s+$", before, _I) or _PERSON_AFTER.match(after):
        return False
    if _PLACE_AFTER.match(after):
        return False
    if _PROGRAM_NOUN_BEFORE.search(before):
        return True  # "our PMS (Cloudbeds)", "the booking software Kareo"
    possessive = re.match(r"['’]s\b", after)
    if possessive:  # "Rightmove's upload page keeps timing out"; not "Patel's office"
        return bool(_PROGRAM_NOUN_EN.match(after[possessive.end() :])) and not ordinary
    if _PROGRAM_NOUN_EN.match(after) or _USE_BEFORE_EN.search(before) or _ON_DEVICE.match(after):
        if ordinary and _TITLED_WORD.match(after):
            return False  # "ran Check Data", "clicked Send Receive": a command named in title case
        return not ordinary or not _sentence_start(before)
    if _THING_VERB_EN.match(after):
        if _PERSON_BEFORE.search(before) and not _IN_BEFORE.search(before):
            return False
        if ordinary and _sentence_start(before) and name.endswith("ing"):
            return False  # "Printing fails": an act, not a name
        speech = re.match(r"\s*(?:says|said|shows|showed|gives|gave|displays)\b", after)
        # "Okafor says the printer is offline": a person tells; "Notion says 'You are
        # offline'": a program shows. An ordinary word at a sentence start ("Notion won't
        # load") is a name here: the things a desk looks after ("Printer", "Screen") are
        # left out by their names (`names._TECH_WORDS`)
        return not speech or bool(_SAID_WHAT.match(after, speech.end()))
    if ordinary:
        # "Sage 50 freezes", "Tally 9 crashes": an ordinary word, a bare number and what a
        # program does make a name; "Station 14 freezes", "Till 2 crashes", "Booth 2 won't
        # start" are places or things the desk looks after, numbered
        numbered = re.match(r"\s+\d{1,3}(?![\w.:,]\d|[\w%])", after)
        if numbered and _LIFE_EN.match(after[numbered.end() :]) and not _numbered_place(name):
            return True
        # "Premiere Pro 24.1", "Sage Accounts 2024": an edition word and a version make a
        # name of an ordinary word; "Room 305", "Till 2" stay places
        return " " in name and bool(re.match(r"\s+v?(?:\d+\.\d+|20[1-3]\d)\b", after))
    if _VERSION_OR_ERROR.match(after):
        return True
    if " " in name and _OWNED_BEFORE.search(before):
        return True  # "Our Rodecaster Pro II": a word no dictionary knows, an edition
    return bool(_IN_BEFORE.search(before)) and not _PLACE_BEFORE.search(before)


_OWNED_BEFORE = re.compile(r"\b(?:the|our|my|their|a|an|this)\s+$", _I)


# What a program does when started and used (not a page: "Chapter 5 won't print").
_LIFE_EN = re.compile(
    r"^\s*(?:(?:keeps|kept|still|just|now|also|suddenly|constantly|always|randomly)\s+)?"
    r"(?:crash\w*|freez\w*|froze|hangs|hung|(?:won'?t|wont|will not|doesn'?t|does not)\s+"
    r"(?:open|start|launch|load|run|respond)\b|(?:is|goes|went) not responding|"
    r"stopped (?:working|responding)|closes|quits)",
    _I,
)
# An ordinary word in title case right after a name's first word: "Check Data", "Send Receive".
_TITLED_WORD = re.compile(r"\s+(?-i:[A-Z][a-z]+)(?![\w'’-])")
# Places and seats that are numbered ("booth 2", "bed 4", "lane 3") beside the desk's own things.
_NUMBERED = frozenset(
    """unit units booth cabin stall bed pod cubicle aisle seat row section level zone bay lane
    gate court pitch hall line platform floor room desk station window counter table""".split()  # noqa: SIM905
)


def _numbered_place(name: str) -> bool:
    word = name.split()[0]
    return word.lower() in _NUMBERED or word.lower() in PLACE_WORDS or desk_thing(word)


def _cyrillic_is_program(text: str, match: re.Match[str]) -> bool:
    word = match.group(1)
    if systems.extract(word):
        return False
    before, after = text[: match.start(1)], text[match.end(1) :]
    if is_dictionary_word(word.lower(), "ru"):
        # "зайти в Контур": an ordinary word, capitalised inside a sentence after a use verb;
        # "В Парусе не проводятся документы", "у Гармонії не відкривається картка": a thing's
        # noun capitalised inside a sentence, a program's verb after it. Never a person, a
        # place or a department ("В Бухгалтерии не работает принтер", "У Марии …").
        if _person_or_place(word):
            return False
        if _DOTTED_VERSION.match(after) and _capitalised_thing(word):
            return True  # "Парус 8.5 не запускается": a version makes a name of a word
        if _sentence_start(before):
            # "Скарб не запускається", "Парус висне": a noun the desk's own words do not
            # know, launching, hanging or crashing like a program; "Принтер не запускається"
            # is a thing the desk looks after. A capital the same word keeps inside a
            # sentence elsewhere ("… вчора в Скарбі все працювало") says it is a name too.
            if not _capitalised_thing(word) or desk_thing(word):
                return False
            return _written_as_name_elsewhere(text, match) or _acts_like_program(after)
        if _ENTER_BEFORE_CYR.search(before):
            return True
        return _capitalised_thing(word) and bool(_THING_VERB_CYR.match(after))
    if _misspelt_word(word.lower(), _verb_number(after)):
        return False  # "Моніктор пише …": a typo of an ordinary word, not a name
    if _VERSION_OR_ERROR.match(after) or _USE_BEFORE_CYR.search(before):
        return True
    return bool(_THING_VERB_CYR.match(after))


_CYRILLIC_LETTERS = "абвгдеєжзиіїйклмнопрстуфхцчшщьюяыэъ"


def _misspelt_word(word: str, number: str = "") -> bool:
    """Whether one letter too many, one swapped pair or one wrong letter make `word` a word
    the dictionaries know ("моніктор" → "монітор", "пороль" → "пароль"). With the `number`
    of the verb that follows ("sing", "plur"), the word meant must be a noun that can be its
    subject: "Радарио не открывает" is no typo of "радари" (plural) or "радарно" (no noun)."""
    if len(word) < 5:
        return False
    edits = {word[:i] + word[i + 1 :] for i in range(len(word))}
    edits |= {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    edits |= {word[:i] + c + word[i + 1 :] for i in range(len(word)) for c in _CYRILLIC_LETTERS}
    meant = [e for e in edits - {word} if is_dictionary_word(e, "ru")]
    if not number:
        return bool(meant)
    other = "plur" if number == "sing" else "sing"
    return any(
        "NOUN" in tags and "nomn" in tags and other not in tags
        for e in meant
        for _, tags in readings(e, "ru") + readings(e, "uk")
    )


_PARTICLES = frozenset("не ні ни уже вже опять снова знову ещё еще ще все всё досі".split())  # noqa: SIM905


def _verb_number(after: str) -> str:
    """ "sing" or "plur": the number of the verb right after a name ("не открывает" -> sing)."""
    for word in re.findall(r"[а-яіїєґ']+", after.lower())[:4]:
        if word in _PARTICLES:
            continue
        tags = [t for _, t in readings(word, "ru") + readings(word, "uk") if "VERB" in t]
        numbers = {n for t in tags for n in ("sing", "plur") if n in t}
        return numbers.pop() if len(numbers) == 1 else ""
    return ""


# Rooms a message names as where it happens; with PLACE_WORDS no program's name.
_ROOMS = frozenset(
    """кабинет кабінет аудитория аудиторія лаборатория лабораторія учительская учительська
    ординаторская ординаторська канцелярия канцелярія деканат ректорат бухгалтерия бухгалтерія
    переговорная переговорна столовая їдальня""".split()  # noqa: SIM905
)


def _capitalised_thing(word: str) -> bool:
    """A capitalised noun of a thing (inanimate, no organisation, place or room): "Парусе",
    "Контуре"."""
    if not (word[:1].isupper() and word[1:].islower()):
        return False
    found = readings(word.lower(), "ru") + readings(word.lower(), "uk")
    if not found or "NOUN" not in found[0][1] or found[0][1] & {"anim", "Orgn"}:
        return False  # "письма от Минздрава": who sent them, not a program
    return not any(lemma in PLACE_WORDS or lemma in _ROOMS for lemma, _ in found)


# What a program does when it is started and used, and a document or a person does not:
# it starts, hangs, crashes, lags, loads ("Скарб не запускається", "Парус висне").
_PROGRAM_LIFE = re.compile(
    r"^\s*(?:(?:опять|снова|знову|постоянно|постійно|вже|уже|ещё|еще|досі|все ещё|все еще|"
    r"сегодня|сьогодні|с утра|з ранку|зранку|вдруг|раптом)\s+)?"
    r"(?:не\s+(?:запуска|запуст|старту|стартов|грузит|грузя|загружа|загрузит|завантаж|вантаж)\w*|"
    r"висне\w*|виснет|зависа\w*|завис\w*|вылета\w*|вылетел\w*|вилітає|вилітав\w*|вилета\w*|"
    r"глюч\w*|тормоз\w*|гальму\w*|лага\w*|крашит\w*|крашнул\w*|падает|пада[єю]\w*|"
    r"закрыва\w*|закрива\w*|перестал\w* запуска\w*|перестав\w* запуска\w*|"
    # what it shows when it fails: "Скарб пише помилку", "Парус выдаёт «…»"
    r"(?:пише|пишет|выда[её]т|видає|показу\w*|показыва\w*|ругается|лается)\s+(?:\w+\s+)?"
    r"(?:ошибк\w*|помилк\w*|(?=[«\"“'])))(?![\w])",
    _I,
)
# Where or when, between the name and its verb: "Парус у бухгалтерии висне", "Гармонія після
# оновлення вилітає", "Скарб на новому ноуті не запускається".
_BETWEEN = re.compile(
    r"\s*(?:(?:сегодня|сьогодні|вчера|вчора|опять|снова|знову|постоянно|постійно)\s+)?"
    r"(?:з|із|зі|с|со|у|в|во|на|після|после|до|від|от|при|під|под|через|за)"
    r"(?P<words>(?:\s+[\w'’-]+){1,2})",
    _I,
)


def _acts_like_program(after: str) -> bool:
    """Whether what follows a word says it starts, hangs or crashes, right after it or after
    a place or a time."""
    if _PROGRAM_LIFE.match(after):
        return True
    between = _BETWEEN.match(after)
    if not between:
        return False
    words = list(re.finditer(r"\s+[\w'’-]+", between.group("words")))
    start = between.start("words")
    return any(_PROGRAM_LIFE.match(after[start + w.end() :]) for w in words)


_DOTTED_VERSION = re.compile(r"^\s+v?\d+\.\d+(?:\.\d+)*(?![\w])", _I)
# A word the desk's own labelled problem lines use ("Отчет", "Экран", "Прога") names a
# thing the desk looks after, not a program's name.
DESK_LINES = 1


def desk_thing(word: str) -> bool:
    """Whether `word` is a common noun of the things a support desk looks after: a device or
    system the routing knows ("принтер", "табло", "касса"), a word the desk's labelled
    problem lines use ("компьютер", "отчет", "прога"), or one of everyday life ("машина")."""
    lowered = word.lower()
    if _ROUTING.recognises(lowered):
        return True
    counts = _desk_counts()
    read = {t.lemma for lang in ("ru", "uk") for t in tokens(lowered, lang)}  # as counted
    return any(counts.it.get(x, 0) >= DESK_LINES or counts.other.get(x, 0) for x in read)


@cache
def _desk_counts() -> LineCounts:
    return LineCounts.load()


def _written_as_name_elsewhere(text: str, match: re.Match[str]) -> bool:
    """Whether the same word stands elsewhere in `text` as a name is written: capitalised
    inside a sentence or quoted ("Скарб не запускається. Учора в Скарбі …", "«Скарб»")."""
    word = match.group(1).lower()
    own = {name for name, _ in readings(word, "ru") + readings(word, "uk")} | {word}
    for other in _CYRILLIC.finditer(text):
        if other.start() == match.start(1):
            continue
        found = other.group(1).lower()
        if found != word and own.isdisjoint(
            name for name, _ in readings(found, "ru") + readings(found, "uk")
        ):
            continue
        before, after = text[: other.start(1)], text[other.end(1) :]
        if not _sentence_start(before) or re.match(r"[»\"”]", after):
            return True  # "… в Скарбі …", "«Скарб»": not the start of what a screen says
    return False


def dictionary_form(name: str) -> str:
    """A one-word Cyrillic name as the dictionary has it, with the form typed: "Парус
    (Парусе)"; other names as they are."""
    if " " in name or not _CYRILLIC.fullmatch(name):
        return name
    found = readings(name.lower(), "ru") + readings(name.lower(), "uk")
    base = found[0][0] if found and "NOUN" in found[0][1] else ""
    if not base or base == name.lower():
        return name
    return f"{base.capitalize()} ({name})"


_PERSON_OR_PLACE = frozenset({"Name", "Surn", "Patr", "Geox"})


def _person_or_place(word: str) -> bool:
    return read_as(word, _PERSON_OR_PLACE)
