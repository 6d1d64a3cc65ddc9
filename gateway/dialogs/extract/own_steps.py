"""Steps the user took, read from the verb's form, not from a list of fixes.

Once a message has said what is wrong, a clause that opens with a past verb of the user's
own, with no subject before it, says what was done about it, whatever the verb:
"Перепрошил роутер", "Звонила в банк", "Змінила пароль, все одно", "Called the bank",
"Re-synced the mailbox". The form decides: a past tense of a person (not "it": "Отключило
свет"), not a reflexive form (what a thing did by itself), a verb a person does to
something (transitive in the dictionary). What a thing does ("показывал ошибку",
"перестал печатать", "worked until Monday"), a mishap ("уронила", "forgot the password"),
what was seen or received, and a narrative before the trouble is said ("Получила письмо,
вложение не открывается") are not steps.
"""

from __future__ import annotations

import re

from gateway.dialogs.extract.case_blind import case_blind
from gateway.dialogs.extract.judged import LEAD_WORDS, WORD
from gateway.knowledge.morphology import english_past, readings

# Before the step's verb: the words a judged step may open with ("я", "уже", "also",
# "then"), and a few more ("сама", "затем", "i've", "just").
_MORE_LEAD = "сама сам сами раз затем i've we've have just even"
_LEAD = LEAD_WORDS | frozenset(_MORE_LEAD.split())

# The message said something is wrong before this clause: a negation or a failure.
TROUBLE = case_blind(
    r"(?<!\w)(?:не|ни|ні|нет|немає|нема|без|not|no|never|nothing|cannot|dont|cant|wont|didnt|"
    r"doesnt|isnt)(?!\w)|(?<=\w)n[’']t(?!\w)|"
    r"(?<!\w)(?:ошибк|помилк|error|перестал|перестав|stopped|завис|висн|висит|вылет|вилiт|"
    r"вилет|тормоз|гальм|глюч|crash|freez|froze|stuck|hang|пропал|пропав|зник|слетел|злетів|"
    r"злетіл|отвал|відвал|сломал|зламал|broke|dead|fail|пишет|пише|says|shows|полос|"
    r"смуг|black|blank|offline|чорн|черн)",
)

# Lemmas of what a thing does, of mishaps, of seeing and receiving, and of modal verbs: in
# the past with no subject they are no step the user took.
_NOT_STEPS_TEXT = """
    показывать показать выдавать выдать выводить вывести писать написать печатать
    напечатать работать заработать стать перестать начать начинать продолжать требовать
    потребовать просить попросить предлагать предложить сообщать сообщить ругаться грузить
    загрузить зажевать жевать съесть тянуть затянуть выбивать выбить выкидывать выкинуть
    выбрасывать выбросить выдёргивать сбрасывать зависать тормозить глючить пропадать
    перегреваться гудеть пищать мигать моргать светиться гореть
    уронить ронять разбить пролить залить облить сломать потерять терять забыть забывать
    получить получать увидеть видеть заметить замечать обнаружить найти узнать понять
    мочь смочь хотеть захотеть собираться иметь быть бывать успеть перенести переносить
    переехать переезжать перепутать спутать напутать ошибиться ошибаться
    показувати показати видавати видати виводити вивести писати написати друкувати
    надрукувати працювати запрацювати стати перестати почати починати продовжувати вимагати
    просити попросити пропонувати повідомляти повідомити жувати зажувати тягнути
    упустити розбити пролити залити зламати загубити губити забути забувати отримати
    отримувати побачити бачити помітити помічати знайти дізнатися зрозуміти могти змогти
    хотіти захотіти збиратися мати бути встигнути переносити переїхати переїжджати
    переплутати сплутати наплутати помилитися помилятися
"""
_NOT_STEPS = frozenset(_NOT_STEPS_TEXT.split())
# Intransitive verbs that are steps all the same: "звонила в банк", "обращалась в поддержку".
_INTRANSITIVE_TEXT = """звонить позвонить обращаться обратиться ходить сходить ждать подождать
    дзвонити подзвонити звертатися звернутися ходити сходити чекати зачекати почекати"""
_INTRANSITIVE_STEPS = frozenset(_INTRANSITIVE_TEXT.split())
# Words the dictionaries do not know: "перепрошил", "пересобрал", "ребутнул".
_UNKNOWN_PAST = re.compile(r"^(?:пере|ре)\w{3,}(?:л|ла|ли|в|нул|нула|нули)$")

# English: a regular past at the clause start, or one of the irregular pasts people use of
# their own steps against a fault (building, writing, holding a button, shutting down,
# undoing); a "re-" before either is the same step again ("rebuilt", "re-ran", "redid").
# Not what a thing did, and not the other irregular pasts: "Let me know …", "Cut my hand",
# "Brought my laptop from home", "Paid for the plan" are no steps.
_EN_IRREGULAR_TEXT = (
    "made took sent gave set put ran did tried reset used built wrote held shut undid"
)
_EN_IRREGULAR = frozenset(_EN_IRREGULAR_TEXT.split())
_AGAIN = re.compile(r"^re-?(?=[a-z]{3,})")
_EN_NOT_STEPS_TEXT = """
    worked started stopped crashed failed showed displayed happened seemed looked printed
    loaded appeared disappeared froze frozen hung died kept ended began occurred popped
    flashed blinked beeped turned dropped spilled broke lost forgot received got noticed saw
    found realised realized heard wanted needed meant planned decided asked tended
    continued stayed remained went came became opened closed said told connected
    mistyped misspelled saved overwrote mixed confused misread misremembered"""
_EN_NOT_STEPS = frozenset(_EN_NOT_STEPS_TEXT.split())


# Done by mistake: how the trouble came about, not a step against it.
BY_MISTAKE = case_blind(
    r"(?<!\w)(?:случайно|нечаянно|ошибочно|по ошибке|випадково|помилково|by accident|"
    r"accidentally|by mistake|mistakenly)(?!\w)"
)


# The same tried elsewhere: "С телефона тоже не заходит", "Через інший браузер те саме",
# "Same thing in Edge". Whom else it affects ("у коллег тоже") is no step.
_ELSEWHERE = (
    r"(?:с|со|з|із|через|в|во|у|на|on|from|in|via|using|with)\s+(?:\w+\s+)?(?:телефон\w*|"
    r"смартфон\w*|мобильн\w*|мобільн\w*|ноут\w*|комп\w*|браузер\w*|инкогнито|інкогніто|"
    r"incognito|edge|chrome|firefox|safari|opera|хром\w*|эдж\w*|phone|mobile|laptop|browser|"
    r"pc|computer)"
)
_SAME = (
    r"(?:тоже|теж|также|також|то же(?: самое)?|те саме|те ж(?: саме)?|так само|так же|same|"
    r"too|as well|also|одинаково|однаково|identically|either)"
)
# What says the fault was met again, by itself: "то же самое", "те саме", "the same thing".
SAME_RESULT = case_blind(
    r"(?<!\w)(?:то же самое|те саме|те ж саме|так само|одинаково|однаково|"
    r"(?:the )?same (?:thing|error|result|problem|message)|still the same)(?!\w)"
)
ELSEWHERE_TOO = case_blind(
    rf"(?<!\w){_ELSEWHERE}(?!\w).*?(?<!\w){_SAME}(?!\w)|(?<!\w){_SAME}(?!\w).*?(?<!\w)"
    rf"{_ELSEWHERE}(?!\w)"
)


def is_own_step(clause: str) -> bool:
    """Whether `clause` opens with a past verb of the user's own that is no thing's doing:
    "Перепрошил роутер", "Змінила пароль", "Called the bank"; after where it was done ("В
    настройках сбросила кэш"), or after its object and a small word ("Сим-карту себе
    восстановила"). Whether the message said what is wrong before it is the caller's to
    check (`TROUBLE`)."""
    words = [w.lower().replace("’", "'") for w in WORD.findall(clause)]
    while words and words[0] in _LEAD:
        words = words[1:]
    if len(words) < 2 or BY_MISTAKE.search(clause):
        return False  # a bare verb says too little (the attempt lists read those)
    first = words[0]
    if first.isascii():
        return _english_step(first, words[1])
    words = _after_place(words)
    first = words[0]
    # a small word may stand between the object and its verb: "Сим-карту себе восстановила"
    at = 1
    while at < min(3, len(words) - 1) and words[at] in _BETWEEN:
        at += 1
    verb = words[at]
    if _object_first(first, verb):
        return _cyrillic_step(verb)  # "Ключ перезаписувала з флешки"
    return _cyrillic_step(first)


# Words between an object said first and its verb: "Сим-карту себе восстановила", "Драйвер
# я сама переставила" (not "уже": the attempt lists read "батарейки вже міняла").
_BETWEEN_TEXT = "себе собі я сама сам сами ми мы заново наново знову снова"
_BETWEEN = frozenset(_BETWEEN_TEXT.split())


_PLACE_PREPOSITIONS_TEXT = "в во у на из с со з із зі від от до через"
_PLACE_PREPOSITIONS = frozenset(_PLACE_PREPOSITIONS_TEXT.split())


def _after_place(words: list[str]) -> list[str]:
    """The words after where the step was done, said first: a preposition, the noun it
    governs and a name after it ("у налаштуваннях Zoom мікрофон вибирала", "в настройках
    сбросила кэш"); the words themselves when no place opens them."""
    if len(words) < 4 or words[0] not in _PLACE_PREPOSITIONS:
        return words
    place = readings(words[1], "ru") or readings(words[1], "uk")
    if not place or "NOUN" not in place[0][1] or "nomn" in place[0][1]:
        return words
    rest = words[2:]
    return rest[1:] if rest[0].isascii() and len(rest) > 2 else rest


def _object_first(word: str, verb: str) -> bool:
    """Whether `word` is a noun the past `verb` after it does not agree with: its object
    ("Ключ перезаписувала", "Кабель меняли"), not its subject ("Принтер перестал"). A word
    joined by a hyphen is read by its last part ("Сим-карту")."""
    word = word.rsplit("-", 1)[-1]
    noun = readings(word, "ru") or readings(word, "uk")
    done = readings(verb, "ru") or readings(verb, "uk")
    if not noun or not done or "NOUN" not in noun[0][1] or "past" not in done[0][1]:
        return False
    said, form = noun[0][1], done[0][1]
    if not any("nomn" in tags for _, tags in noun):
        return True  # "карту", "настройки сети" read only as what is done to: the object
    if "plur" in form:
        return "plur" not in said
    return not ({"masc", "femn", "neut"} & said & form)


def _cyrillic_step(word: str) -> bool:
    found = readings(word, "ru") or readings(word, "uk")
    if not found:
        return bool(_UNKNOWN_PAST.match(word))
    lemma, grammemes = found[0]
    if "VERB" not in grammemes or "past" not in grammemes or "neut" in grammemes:
        return False
    if lemma in _NOT_STEPS:
        return False
    if lemma in _INTRANSITIVE_STEPS:
        return True
    if word.endswith(("ся", "сь")):
        return False  # "перегрелся": what the thing did by itself
    return "intr" not in grammemes


# Pasts spelt as their base form: with "me" or "us" after them they are asked for ("Put me
# through to someone real", "just put me through to a person", "set us up with access"), a
# request for a person or a service, never a step taken (frozen8, frozen36, tune16, tune23,
# tune26, tune28, tune37, tune38, tune39, probe12 kept the request as what was tried).
_SAME_AS_BASE = frozenset({"put", "set", "reset", "shut"})


def _english_step(word: str, following: str) -> bool:
    if word in _EN_NOT_STEPS or (word == "used" and following == "to"):
        return False
    if word in _SAME_AS_BASE and following in ("me", "us"):
        return False  # "Put me through to someone": asked for, not done
    irregular = word in _EN_IRREGULAR or _AGAIN.sub("", word) in _EN_IRREGULAR
    return irregular or english_past(word)
