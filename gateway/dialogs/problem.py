"""The problem statement inside a long message, for the matcher.

"Принтер не печатает. Перезагружал, пишет 0x00000709, с утра. Дайте человека!" is about
the printer; what was tried, the codes, the time, the OS and the request for a person are
kept in their checklist fields or handled elsewhere, and must not dilute the match.
Coverage must not punish context: the matcher is asked about the statement too.
"""

from __future__ import annotations

import re
from functools import lru_cache

from gateway.dialogs.extract import errors, product, since, systems, tried
from gateway.dialogs.extract.words import TEXTS_KEPT, clauses, words
from gateway.knowledge.morphology import meant_text, readings
from gateway.knowledge.vocabulary import APPLICATION_WORDS, HAD_THINGS, NOUN_DETERMINERS
from gateway.triage.contact_request import asks_for_contact
from gateway.triage.impact import names_a_deadline, read_impact
from gateway.triage.impatience import LOST_PATIENCE
from gateway.triage.mood import ASKS_FOR_PERSON, UPSET, describes_problem
from gateway.triage.person_request import calls_for_person
from gateway.triage.tone import only_tone

_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_CONTENT = re.compile(r"\w{3,}")
_LONG_WORD = re.compile(r"\w{4,}")
_COMMA = re.compile(r"\s*,\s*")
_SHORT = re.compile(r"(?<!\w)\w{2}(?!\w)")
_JOINED = re.compile(r"\s+(?:and|but|while|а|але|но|однак|однако|проте)\s+", re.IGNORECASE)
# A quotation mark of any kind, paired or not (not a quote's words: phrases.SCREEN_QUOTE).
_QUOTES = re.compile(r"[«»“”„\"]|(?<!\w)'|'(?!\w)")
MIN_CONTENT_WORDS = 2
MIN_REQUEST_LEFT = 3  # what a request for a person must leave to be a problem as well
_SAID_ONLY = re.compile(
    r"^\W*(?:\w+\s+){0,2}?(?:пишет|пише|выдает|выдаёт|видає|показывает|показує|says|shows|"
    r"displays|error|ошибка|помилка)\s*:?\s*[«\"“„'][^»\"”“']+[»\"”“']\W*$",
    re.IGNORECASE,
)


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# What a clause says still works is context, not the problem: "Принтер рядом печатает", "сеть
# есть", "друкує нормально", "пошта приходить і відправляється", "the webcam works", "sound
# from the speakers is fine" (alone each matches the article of what it names). Closed
# classes: the verbs that say a thing does its job (lemmas, ru and uk; English forms), the
# words that say it is fine, and the words that may close such a clause.
_WORKING_LEMMAS = _word_set(
    "работать функционировать печатать сканировать копировать открываться открывать "
    "грузиться загружаться грузить загружать запускаться включаться ловить подключаться "
    "коннектиться соединяться ходить приходить уходить доходить отправляться отправлять "
    "поступать видеть слышать светиться синхронизироваться пинговаться заходить отвечать "
    "есть быть мочь "
    "працювати функціонувати друкувати сканувати копіювати відкриватися відкривати "
    "вантажитися завантажуватися завантажувати запускатися вмикатися вмикати включатися "
    "ловити підключатися під'єднуватися з'єднуватися ходити приходити доходити надходити "
    "відправлятися відправляти бачити чути світитися синхронізуватися пінгуватися заходити "
    "відповідати бути могти".replace("'", "")
)
_WORKING_EN = _word_set(
    "work works working print prints printing scan scans opens open loads load "
    "connects connect arrive arrives arriving send sends sending receive receives "
    "boots boot starts start syncs sync responds pings charges charge comes come goes go "
    "browse see sees hear hears log sign access reach is are can"
)
# "Есть" / "є" / "is" say a thing works only of what one has: a network, a signal, sound,
# power, a picture ("сеть есть", "інтернет є"); "замятие бумаги есть" says a fault is there.
_BEING = _word_set("есть быть бути is are")
_FINE = _word_set(
    "fine ok okay normally perfectly good great ок норм нормально хорошо отлично "
    "прекрасно штатно добре чудово відмінно гаразд справно исправно"
)
# … and may stand after the verb without saying anything of it
_CLOSING = _word_set(
    "too also again now already everywhere well as in on through out up for me everyone "
    "everybody тоже также теж також уже вже сейчас зараз теперь тепер везде скрізь всюду "
    "всегда завжди у в меня мене нас них"
)
_FINE_PHRASES = re.compile(
    r"(?<!\w)(?:без (?:проблем|ошибок|помилок|сбоев|збоїв)|no problems?|without (?:any )?"
    r"(?:problems?|issues?)|в порядке|в порядку|как надо|як треба|як слід|as usual|"
    r"как обычно|як завжди|as it should)(?!\w)"
)
# A no, a fault, a stop, a part or a doubt anywhere in the clause: it tells the problem
# ("печатает пустые листы" is not closed by the verb; "медленно работает", "работает
# только по кабелю", "stopped working", "сам включается", "still loading" are faults).
_NOT_WORKING = re.compile(
    r"(?<!\w)(?:не|ни|ні|нет|нету|немає|нема|никак|ніяк|без|no|not|never|nothing|none|nobody|"
    r"cannot|without|unable|(?:won|don|doesn|can|isn|aren|didn|wasn|weren|haven|hasn|couldn|"
    r"wouldn|ain)t|ничего|нічого|никто|ніхто|only|just|только|лишь|тільки|лише|"
    r"ошиб\w*|помил\w*|error\w*|fail\w*|сбо\w*|збо\w*|збій|проблем\w*|problem\w*|issue\w*|"
    r"глюч\w*|глюк\w*|bug\w*|перестал\w*|перестав\w*|перестає|перестает|stop\w*|refus\w*|"
    r"отказ\w*|відмов\w*|медленно|повільно|slow\w*|долго|довго|еле|ледве|ледь|иногда|"
    r"інколи|іноді|sometimes|periodically|периодически|періодично|intermittent\w*|плохо|"
    r"погано|badly|криво|странно|дивно|weird\w*|strange\w*|постоянно|постійно|constantly|"
    r"keeps?|бесконечно|нескінченно|endless\w*|forever|вечно|still|досі|ещё|еще|ще|"
    r"сам|сама|само|сами|itself|themselves|вместо|замість|instead|почему|чому|why|"
    r"а|но|але|проте|однак|однако|зато|but|while|whereas|though|however|then|until|"
    r"after|before|when|so|and|потом|потім|после|після|когда|коли)(?!\w)|n't"
)


def says_it_works(clause: str) -> bool:
    """Whether `clause` only says that something works now: every verb in it is one of doing
    a job, in the present, and it ends on such a verb or on a word that says it is fine
    ("вчера интернет был" names what is broken now, and is kept)."""
    if _QUOTES.search(clause) or "?" in clause:
        return False  # a quoted message is what the screen says; a question asks
    text = _FINE_PHRASES.sub(" fine ", " ".join(words(clause)))
    if _NOT_WORKING.search(text):
        return False
    said = _closed(words(text))
    if not said or len(said) > MAX_WORKING_WORDS:
        return False
    fine = said[-1] in _FINE
    if fine:
        said = _closed(said[:-1])
    verbs = [_verb(w) for w in said]
    if not all(v in _WORKING_LEMMAS or v in _WORKING_EN for v in verbs if v):
        return False  # "вентилятор шумит", "Outlook вылетает и потом работает"
    if not fine and all(v in _BEING for v in verbs if v) and not any(map(HAD_THINGS.match, said)):
        return False  # "замятие бумаги есть", "синий экран есть": a fault that is there
    if said and said.count(said[-1]) > 1:
        return False  # "грузится и грузится"
    return fine or bool(said and verbs[-1])


MAX_WORKING_WORDS = 8  # a longer clause says more than that something works


def _closed(said: list[str]) -> list[str]:
    """`said` less the words that may close a clause of what works ("теж", "for me")."""
    end = len(said)
    while end and said[end - 1] in _CLOSING:
        end -= 1
    return said[:end]


@lru_cache(maxsize=TEXTS_KEPT)
def _verb(word: str) -> str:
    """The lemma of `word` when it reads likeliest as a verb (ru, uk), marked "past" when it
    is said in the past; an English word is itself when it is a working form; else ""."""
    if word.isascii():
        return word if word in _WORKING_EN else ""
    found = readings(word, "ru")
    if not found or not found[0][1] & _VERB_TAGS:
        return ""
    # "уходят" reads first as the perfective "to wear out"; the present of a working verb wins
    for lemma, tags in found:
        if lemma in _WORKING_LEMMAS and tags & {"pres", "INFN", "infn"}:
            return lemma
    lemma, tags = found[0]
    return lemma if tags & {"pres", "INFN", "infn"} else f"{lemma} past"


_VERB_TAGS = frozenset({"VERB", "INFN", "infn"})


def without_working(text: str) -> str:
    """`text` without the clauses that only say what still works ("Принтер рядом печатает,
    сеть есть"): the matcher is asked about what is broken. All of it if nothing is left."""
    rest = text
    for clause in clauses(text):
        if says_it_works(clause):
            rest = re.sub(re.escape(clause) + r"[\s.!?,;:…]*", " ", rest, count=1)
    rest = rest.strip()
    if _ELLIPSIS.search(rest):
        return text  # "У коллег интернет работает, у меня нет": the rest denies what it named
    said = _LEADING_CONJUNCTION.sub("", rest)  # "але не підключається" says as much as "но …"
    return rest if _content_words(said) >= MIN_CONTENT_WORDS else text


_LEADING_CONJUNCTION = re.compile(
    r"^(?:а|и|і|й|та|но|але|проте|однак|однако|зато|but|and|yet)\s+", re.IGNORECASE
)


# What is left ends on a bare denial: it says no to the working clause's own thing ("у меня
# нет", "а мой нет", "mine doesn't"), which only that clause names.
_ELLIPSIS = re.compile(
    r"(?<!\w)(?:нет|ні|не|no|not|(?:doesn|don|isn|aren|won|can|didn)['’]?t)[\s.!?,;:…)]*$",
    re.IGNORECASE,
)


# What should have been there is not what broke: "shows 'This site can't be reached' instead
# of the welcome screen", "на табло вместо расписания надпись «…»", "замість меню чорний
# екран". The words after "instead of" / "вместо" / "замість" name what is missing, and must
# not pick its article (the welcome screen is no monitor fault): the words before it that
# say which one (vocabulary's NOUN_DETERMINERS) are not counted.
_INSTEAD = re.compile(r"(?<!\w)(?:instead of|вместо|заместо|замість|замiсть)\s+", re.IGNORECASE)
_EN_PHRASE_ENDS = _word_set(
    "it there i we they he she and but or so then shows says is are was appears comes "
    "displays pops"
)
MAX_INSTEAD_WORDS = 3


def without_instead(text: str) -> str:
    """`text` without what "instead of" names (up to its phrase's end): the matcher is asked
    about what is there, not about what should be."""
    found = _INSTEAD.search(text)
    if found is None:
        return text
    start, rest = found.start(), text[found.end() :]
    taken = 0
    for word in re.finditer(r"[«\"'][^«»\"']*[»\"']|[\w'-]+|[^\w\s]", rest):
        token = word.group()
        lowered = token.lower()
        if taken >= MAX_INSTEAD_WORDS or (not token[0].isalnum() and token[0] not in "«\"'"):
            break
        if token[0] in "«\"'":
            taken += 1  # "вместо «Готов» пишет …": the text that should be shown
        elif token.isascii():
            if lowered in _EN_PHRASE_ENDS:
                break
            taken += lowered not in NOUN_DETERMINERS
        elif not _genitive(lowered):
            break
        else:
            taken += 1
        end = word.end()
    else:
        end = len(rest)
    if not taken:
        return text
    cut = " ".join((text[:start] + " " + rest[end:]).split())
    return without_instead(re.sub(r"\s+(?=[,.;:!?])", "", cut))


def _genitive(word: str) -> bool:
    """Whether a Cyrillic word reads as a genitive noun or adjective (what "вместо" takes)."""
    return any(
        "gent" in tags and tags & {"NOUN", "ADJF", "NPRO"}
        for lang in ("ru", "uk")
        for _, tags in readings(word, lang)
    )


def without_tone(text: str) -> str:
    """`text` without the clauses that only say how the user feels about the bot ("DO NOT
    send me another article. My laptop won't charge."): their words describe nothing broken,
    so they must not pick an article ("send" is no mail problem). All of it if nothing else
    is left."""
    rest = text
    for clause in clauses(text):
        if only_tone(clause):
            rest = re.sub(re.escape(clause) + r"[\s.!?,;:…]*", " ", rest, count=1)
    rest = rest.strip()
    return rest if _CONTENT.search(rest) else text


def problem_statement(text: str) -> str:
    """`text` without the clauses that only give checklist facts or say how the user feels."""
    kept = [clause for clause, _ in _problem_clauses(text)]
    return ". ".join(kept) if kept else text


@lru_cache(maxsize=TEXTS_KEPT)
def _problem_clauses(text: str) -> tuple[tuple[str, str], ...]:
    """Each clause that states the problem, with the same clause stripped of its facts."""
    kept: list[tuple[str, str]] = []
    for clause in clauses(text):
        if tried.extract(clause) and not tried.only_not_tried(clause):
            continue
        if only_tone(clause):
            continue  # "What kind of support is this?!", "Спасибо, очень помогли"
        if says_it_works(clause):
            continue  # "принтер рядом печатает", "the webcam works": not what broke
        # read as the words meant when typed in translit: "pozovite admina" asks for a person
        meant = meant_text(clause)
        asking = calls_for_person(meant) or asks_for_contact(meant)
        if asking and not describes_problem(clause):
            continue  # "пусть мне перезвонят", "оформите заявку": whom they want, not what broke
        # "принтер не печатает, дайте номер поддержки": the problem, less the number asked
        rest = ", ".join(p for p in _COMMA.split(clause) if not asks_for_contact(p))
        # "опять не работает" keeps its problem; only the feelings and requests go
        for phrases in (ASKS_FOR_PERSON, UPSET, LOST_PATIENCE):
            rest = phrases.remove(rest) if phrases.search(rest) else rest
        asked = rest != clause and not UPSET.search(clause)
        short = len(_LONG_WORD.findall(rest)) < MIN_REQUEST_LEFT
        if asked and short and not read_impact(rest).stopped:
            continue  # "соедините с нормальным админом": whom they want, not what broke
        # … but "open a ticket: my laptop won't charge" says what broke in a few words
        for value in (_codes(clause), since.extract(clause), systems.extract(clause)):
            for part in filter(None, (v.strip() for v in value.split(";"))):
                rest = re.sub(re.escape(part), " ", rest, flags=re.IGNORECASE)
        if _content_words(rest) >= MIN_CONTENT_WORDS:
            kept.append((clause, " ".join(_QUOTES.sub(" ", rest).split())))
    # "Через час закрывается подача на тендер, а сайт не открывается": what is due is the
    # stake (priority reads it), the fault is the other clause
    faults = [(clause, bare) for clause, bare in kept if not names_a_deadline(clause)]
    return tuple(faults or kept)


def _content_words(rest: str) -> int:
    """The words of `rest` that say something, a two-letter abbreviation or name among them:
    "ПК не включается", "1С висит", "PC won't boot" state a problem as "Outlook висит" does."""
    return len(_CONTENT.findall(rest)) + sum(_abbreviation(w) for w in _SHORT.findall(rest))


def _abbreviation(word: str) -> bool:
    """A two-letter word that names a thing: with a digit ("1С"), a Latin acronym in
    capitals ("PC", "TV"), or a Cyrillic abbreviation to the dictionary ("ПК", "ОС", "БД")."""
    if any(c.isdigit() for c in word):
        return any(c.isalpha() for c in word)
    if word.isascii():
        return word.isupper()
    low = word.lower()
    return any("Abbr" in tags for lang in ("ru", "uk") for _, tags in readings(low, lang))


def problem_readings(text: str) -> list[str]:
    """What to ask the matcher besides the whole message: the statement, then each of its
    sentences (a long message carries the problem in one sentence among others)."""
    statement = problem_statement(text)
    readings = [statement] if statement != text else []
    sentences = [s.strip() for s in _SENTENCE.split(statement.replace(". ", ".\n")) if s.strip()]
    if len(sentences) > 1:
        readings += [s for s in sentences if len(_CONTENT.findall(s)) >= MIN_CONTENT_WORDS]
    # Last, each clause without its facts: "VPN has been broken (for two days)". A clause
    # that only quotes the screen ("пишет «Нет доступных подключений»") is the error, not
    # the problem, when other clauses state the problem.
    found = _problem_clauses(text)
    stated = [(clause, bare) for clause, bare in found if not _SAID_ONLY.match(clause)]
    readings += [bare for clause, bare in (stated or found) if bare != clause]
    return readings


def without_names(text: str) -> str:
    """The problem's clauses without their facts and the names of the things they speak of
    ("планшет Samsung Galaxy Tab A8 на Android 13 відвалюється від вайфаю" is a tablet that
    drops the Wi-Fi): a device's name with its model is the product field, no problem of its
    own. What the screen says stays (it tells the problem), and so do the names of programs,
    systems and services ("VPN", "1С", "Excel 2016"); "" when nothing was taken out."""
    kept, taken = [], False
    for clause, bare in _problem_clauses(text):
        for name in filter(_a_models_name, product.names(clause)):
            left = re.sub(re.escape(name.split(" (")[0]), " ", bare, flags=re.IGNORECASE)
            taken, bare = taken or left != bare, left
        kept.append(" ".join(bare.split()))
    free = ". ".join(k for k in kept if _content_words(k) >= MIN_CONTENT_WORDS)
    return free if taken else ""


# A model's code: letters and digits in one word ("A8", "S6", "Active3", "P2419H", "G8")
_MODEL_CODE = re.compile(r"(?<![\w.])(?=[^\W_]*\d)(?=[^\W_]*[^\W\d_])[^\W_]+(?![\w.])")


def _a_models_name(name: str) -> bool:
    """A device's name with its model's code ("Samsung Galaxy Tab A8"), not what a program,
    a system or a service is called ("VPN", "1С 8.3", "Excel 2016"): those are the subject
    of the problem, and stay in it."""
    first = name.split()[0].casefold().replace("с", "c")
    return bool(_MODEL_CODE.search(name)) and first not in APPLICATION_WORDS


def problem_halves(text: str) -> list[str]:
    """The halves of the problem's clauses joined by "and"/"а"/"але": "the payroll file has
    to reach the bank by 3pm and Excel closes the moment I open it" has it in one half."""
    halves: list[str] = []
    for clause, _ in _problem_clauses(text):
        parts = [h.strip() for h in _JOINED.split(clause) if h.strip()]
        if len(parts) > 1:
            halves += [h for h in parts if len(_CONTENT.findall(h)) > MIN_CONTENT_WORDS]
    return halves


def _codes(clause: str) -> str:
    """Error codes of a clause, but not the messages the screen shows, quoted or not: those
    describe the problem ("пишет замятие бумаги", "says your mailbox is full" tell it as
    "«Paper jam»" does); a code with a word for an error ("помилку 500") is a code."""
    quoted = re.findall(r"[«“„\"']([^«»“”„\"\n]{3,160})[»”“\"']", clause)
    return "; ".join(
        c for c in errors.extract(clause).split("; ") if c not in quoted and not _in_words(c)
    )


# A word of a message, not of a code: letters only, three or more ("E-05", "0x80070643",
# "502" and a word that only says "error" are not)
_MESSAGE_WORD = re.compile(r"(?<![\w-])[^\W\d_]{3,}(?![\w-])")
_ERROR_WORDS = _word_set(
    "ошибка ошибку ошибки ошибкой код кода помилка помилку помилки помилкою error errors code"
)


def _in_words(message: str) -> bool:
    """Whether an extracted error is a message in words ("замятие бумаги", "обліковий запис
    заблоковано", "your mailbox is full"), not a code, bare or labelled."""
    said = [w for w in _MESSAGE_WORD.findall(message) if w.lower() not in _ERROR_WORDS]
    return len(said) >= MIN_CONTENT_WORDS
