"""How a message is written, when the shape says the user is upset more than the words do.

Angry users seldom name a feeling. They shout a few words in capitals ("STOP sending me
links", "DO NOT send me another article"), thank the bot for what did not help ("Спасибо,
очень помогли. Outlook так и не отправляет", "Great, another link. Teams still won't
start"), complain about the bot itself ("Ваш бот ничего не понимает", "ЗАБЕРИТЕ ЭТОГО
БОТА") or ask what kind of support this is. Each shape is read from the message's form:
the case of whole dictionary words, praise followed by a failure that persists, the bot or
its self-help as the subject or object of a complaint.

What a screen says is not the user shouting: capitals inside quotes or after "says",
"пишет", "error:" ("пишет PAPER JAM", 'shows "NO SIGNAL"') do not count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

from gateway.knowledge.morphology import is_dictionary_word, readings
from gateway.knowledge.vocabulary import (
    IN_ADVANCE_WORDS,
    PRODUCT_WORDS,
    THANKS_WORDS,
    WORDS,
    WORKING_AGAIN_WORDS,
    WORKS_NOW_LEMMAS,
    WORKS_NOW_WORDS,
)
from gateway.triage.phrases import PhraseSet, normalise
from gateway.triage.reading import (
    MessageReading,
    Word,
    lemma_keys,
    read_once,
    read_words,
    shared_reading,
)

# Quoted text and whatever follows a "says"-verb or a colon: what a screen or a dialog says.
# Not phrases.SCREEN_QUOTE on purpose: a quote left open runs to the line's end (the rest is
# the screen's, not the user's tone), and two letters are a quote.
_QUOTED = re.compile(r"[«“„\"][^«»“”„\"\n]*[»”“\"]?|'[^'\n]{2,}'")
# The verbs a screen says what it says with ("пишет", "показує", "says").
_SAYING = (
    r"пишет|пише|пишут|пишуть|выдает|выдаёт|видає|показывает|показує|says|shows|displays|reads"
)
_SAID = re.compile(
    rf"(?i)(?:\b(?:{_SAYING}|error|errors|ошибк\w*|помилк\w*|сообщени\w*|повідомленн\w*|"
    r"message)\b|:)[^.!?\n]*"
)
# A verb of saying and what the screen says after it, to the sentence's end or a quote (read
# by `_QUOTED`): "It says Getting Windows ready, Don't turn off your computer".
_SAYS = re.compile(rf"(?i)\b(?:{_SAYING})\b(?:(?!\s[«“„\"'])[^.!?\n])*")
_SHOUTED = re.compile(r"\b[A-ZА-ЯЁІЇЄҐ][A-ZА-ЯЁІЇЄҐ'’-]+\b")
# Short words that are words, not acronyms, when shouted ("DO NOT", "MY", "НЕ")
_SHORT_WORDS = frozenset({"do", "no", "my", "me", "we", "us", "so", "go", "не", "ні", "ну", "вы",
                          "ви", "мы", "ми", "да", "так", "вже", "уже"})  # fmt: skip
# Acronyms that happen to be English words
_ACRONYMS = frozenset({"it", "id", "ok", "ram", "wan", "lan", "ups", "pin", "asap", "eta", "sap"})
# What devices print in capitals ("PAPER OUT", "NO SIGNAL", "НЕТ БУМАГИ"): a screen quoted
# without quotes; a shout needs a word besides these.
_SCREEN_WORDS = frozenset({
    "no", "not", "out", "of", "paper", "jam", "jammed", "signal", "input", "error", "access",
    "denied", "found", "low", "toner", "ink", "offline", "online", "ready", "fail", "failed",
    "failure", "system", "disk", "boot", "device", "insert", "load", "letter", "replace",
    "cartridge", "service", "call", "door", "open", "cover", "tray", "empty", "fatal", "invalid",
    "expired", "locked", "connection", "network", "cable", "battery", "update", "warning",
    "blue", "screen", "check", "press", "key", "any", "restart", "reboot", "start", "unknown",
    "нет", "немає", "бумаги", "бумага", "паперу", "папір", "ошибка", "помилка", "сигнала",
    "сигналу", "замятие", "тонер", "доступ", "отказано", "заборонено", "сети", "мережі",
})  # fmt: skip
CYRILLIC_SHOUT = 4  # shorter Cyrillic capitals are mostly acronyms (МИС, СЕД, ЦНАП)
SHOUTED_WORDS = 2  # whole dictionary words in capitals that make a shout on their own
SHOUTED_ALONE = 4  # letters of one capitalised word that make it one cue among others

# A failure that persists after the bot's help: "так и не", "still", "again".
PERSISTS = PhraseSet([
    r"так и не", r"так і не", r"все (еще|равно|одно)", r"до сих пор", r"по-прежнему", r"досі",
    r"опять", r"снова", r"знову", r"як і (раніше|було)", r"как и (раньше|было)",
    r"still", r"again", r"same (problem|thing|error)", r"nothing (changed|works|happen\w*)",
    r"ничего не (изменилось|поменялось|работает)", r"нічого не (змінилось|змінилося|працює)",
])  # fmt: skip
# Thanks, as a phrase: the one table of its words (vocabulary.THANKS_WORDS), "thank" and
# "thanks" with the "you" after them. Not the British "ta" alone: in a chat it is far more
# often the Ukrainian "та" typed in Latin ("ta ni", "ta ne pratsyuye"); the matcher reads
# it only beside words of working again.
THANKS = PhraseSet([
    r"thanks?( you)?",
    *sorted(word for word in THANKS_WORDS if word not in ("thank", "thanks", "ta")),
])  # fmt: skip
# Thanks and praise as the tone of a short stretch: the head of a message taken back after it
# (`sarcastic`), a sentence that judges the bot kindly (`complains_of_bot`), a clause of nothing
# else (`only_tone`). Not dialogs/answers.FEEDBACK_PRAISE: read only where the stretch is short,
# it may hold bare words ("help", "perfect", "класс") that anywhere in a message praise nothing
# ("need help with", "the print is perfect but"); and it holds the thanks.
TONE_PRAISE = PhraseSet([
    *THANKS.patterns,
    r"(очень|дуже|так|ну) (помогли|помогло|помог|допомогли|допомогло|допоміг)",
    r"(very|so|really) helpful", r"(big |great )?help(ed)?( a lot)?",
    r"отлично", r"замечательно", r"прекрасно", r"великолепно", r"супер", r"класс",
    r"чудово", r"відмінно", r"чудесно", r"клас",
    r"great", r"wonderful", r"perfect", r"brilliant", r"awesome", r"fantastic", r"lovely",
    r"браво", r"молодцы", r"молодці", r"гениально", r"геніально", r"bravo", r"well done",
    r"(nice|good|great) job", r"(nice|good) one",
])  # fmt: skip
_IN_ADVANCE = PhraseSet(
    "in advance" if word == "advance" else word for word in sorted(IN_ADVANCE_WORDS)
)
# What the service is, asked of in disbelief.
RHETORICAL = PhraseSet([
    r"(что|що) (это |це )?за (поддержк|сервис|служб|підтримк|сервіс|обслуживани|обслуговуванн|"
    r"техподдержк|техпідтримк|бот|цирк|бардак)\w*",
    r"what (kind|sort) of (support|service|help ?desk|helpdesk|help|bot|joke)",
    r"(вы|ви) (что,? |шо,? |що,? )?(серьезно|серйозно)", r"are you (serious|joking)",
    r"you (can'?t|cannot) be serious", r"is this (a joke|serious|normal)",
    r"(это|це) (вообще|взагалі) (нормально|норма)",
    r"(ну и|ну і|вот это|от це|оце) (поддержк|підтримк|сервис|сервіс|помощ|допомог)\w*",
    r"some (support|help|service) (this is|you are|you guys are)",
    r"how (hard|difficult) (can|could|is) it", r"(неужели|невже) (так |это так |це так )?"
    r"(сложно|трудно|важко|складно)", r"(что|що) (тут|там) (сложного|складного|важкого)",
    # anyone there at all
    r"(есть|є) (тут |там )?(кто|хто|хоть кто|хоч хтось)[\w-]* (живой|живий|живые|живі)",
    r"(is|are) (there )?any(one|body) (real|alive|human|awake)( there| here)?",
    r"(кто-нибудь|кто-то|хтось|хто-небудь) (вообще |взагалі )?(это |це )?"
    r"(читает|читає|видит|бачить|отвечает|відповідає)",
    # waiting until far off, asked in disbelief
    r"(ждать|чекати|wait) (до|until|till) (вечера|вечора|завтра|tomorrow|понедельника|"
    r"понеділка|monday|обеда|обіду|конца дня|кінця дня|the end of the day)",
])  # fmt: skip
# The user asks the service what it is doing, in the second person, in disbelief: "Вы там
# спите что ли?", "Ви там що, заснули?", "Вы вообще читаете?".
_YOU = frozenset({"вы", "ви", "you"})
_DISBELIEF = frozenset({"там", "вообще", "взагалі", "ли", "что", "що", "шо", "even", "all"})
_NEGATIONS = frozenset({"не", "ні", "ни", "not", "no", "never", "nothing", "ничего", "нічого"})
_MORE = frozenset({"another", "more", "enough", "stop", "хватит", "достаточно", "досить", "годі",
                   "очередная", "очередную", "очередной", "очередные", "чергова", "чергову",
                   "черговий", "чергові"})  # fmt: skip
_YOURS = frozenset({"ваш", "ваша", "ваши", "ваших", "вашими", "вашу", "ваші", "вашої", "your",
                    "вашего", "вашей", "вашему", "вашим", "вашем", "вашого", "вашій", "вашому",
                    "yours"})  # fmt: skip


@dataclass(frozen=True)
class ToneReading:
    """The cues of an upset tone a message carries; `strong` ones decide alone."""

    strong: int
    weak: int


@dataclass(frozen=True)
class _SelfHelp:
    """The bot, and the self-help it sends, as lemma keys."""

    bot: frozenset[str]
    sent: frozenset[str]
    desk: frozenset[str]
    wanted: frozenset[str]

    @cached_property
    def named(self) -> frozenset[str]:
        """Any: a message with none of them complains of none."""
        return self.bot | self.sent | self.desk


@cache
def _self_help() -> _SelfHelp:
    return _SelfHelp(
        # not "робот": its forms are those of work ("роботи", "роботу")
        bot=lemma_keys("бот автоответчик чатбот", "ru")
        | lemma_keys("бот автовідповідач чатбот", "uk")
        | lemma_keys("bot robot chatbot", "en"),
        desk=lemma_keys("поддержка техподдержка сервис служба хелпдеск", "ru")
        | lemma_keys("підтримка техпідтримка сервіс служба хелпдеск", "uk")
        | lemma_keys("support helpdesk", "en"),
        wanted=lemma_keys("хотеть нужный надо нужно", "ru")
        | lemma_keys("хотіти потрібний треба потрібно", "uk") | lemma_keys("want need", "en"),
        # … and the bot's buttons, in the scornful diminutive: "без цих ваших кнопочок" (not
        # "кнопка", a thing that breaks)
        sent=lemma_keys("ссылка статья инструкция совет кнопочка", "ru")
        | lemma_keys("посилання стаття інструкція порада кнопочка", "uk")
        | lemma_keys("link links article articles instruction instructions", "en"),
    )


@read_once
def read_tone(reading: MessageReading) -> ToneReading:
    """Count the shapes of an upset message."""
    text = reading.text
    strong = weak = 0
    shouted = shouted_words(text)
    if all(normalise(w) in _SCREEN_WORDS for w in shouted):
        shouted = []
    if len(shouted) >= SHOUTED_WORDS:
        strong += 1
    elif any(len(w) >= SHOUTED_ALONE for w in shouted):
        weak += 1
    strong += sarcastic(text) + complains_of_bot(reading) + bool(RHETORICAL.search(text))
    strong += asks_what_you_do(reading)
    return ToneReading(strong=strong, weak=weak)


def users_own(text: str) -> str:
    """`text` less what a screen says in it, quoted or after "says", "пишет": its "try
    again", "Don't turn off your computer" are the screen's words, not the user's tone."""
    return _QUOTED.sub(" ", _SAYS.sub(" ", text))


def shouted_words(text: str) -> list[str]:
    """Whole dictionary words typed in capitals by the user (not acronyms, product names or
    what a screen says): "STOP", "DO NOT", "ЗАБЕРИТЕ"."""
    own = _SAID.sub(" ", _QUOTED.sub(" ", text))
    out = []
    for word in _SHOUTED.findall(own):
        low = normalise(word).strip("'-")
        if low in PRODUCT_WORDS or low in WORDS or low in _ACRONYMS:
            continue
        if low.isascii():
            if (len(low) >= 3 or low in _SHORT_WORDS) and is_dictionary_word(low, "en"):
                out.append(word)
        elif (len(low) >= CYRILLIC_SHOUT or low in _SHORT_WORDS) and _plain_word(low):
            out.append(word)
    return out


def _plain_word(word: str) -> bool:
    """A Cyrillic dictionary word that is no abbreviation ("ЦНАП" is one)."""
    found = readings(word, "ru") or readings(word, "uk")
    return bool(found) and not any("Abbr" in tags for _, tags in found)


def _back_at_work(rest: str, start: int, end: int) -> bool:
    """The persisting word at rest[start:end] is an "again" beside a word of working that
    nothing denies: the thing works again ("thanks, the printer works again", "спасибо, снова
    работает", "дякую, знову працює"), no failure that persists."""
    if rest[start:end] not in WORKING_AGAIN_WORDS:
        return False
    before = re.findall(r"[\w']+", rest[:start])[-2:]
    after = re.findall(r"[\w']+", rest[end:])[:1]
    if before and _working(before[-1]) and not (before[:-1] and _denies(before[0])):
        return True
    return bool(after) and _working(after[0])


def _working(word: str) -> bool:
    if word in WORKS_NOW_WORDS:
        return True
    found = readings(word, "ru") + readings(word, "uk")
    return any(lemma in WORKS_NOW_LEMMAS for lemma, _ in found)


def _denies(word: str) -> bool:
    return word in _NEGATIONS or word.endswith("n't")


def sarcastic(text: str) -> bool:
    """Praise or thanks that open the message, then a failure that persists: "Спасибо,
    очень помогли. Сканер так и не сканует", "Great, another link. Teams still won't start".
    What a screen says is not the user's ("Didn't help. It says Don't turn off your
    computer")."""
    norm = normalise(users_own(text))
    head = re.split(r"[.!?]|,|\s[-—–]\s", norm, maxsplit=1)[0]
    if not TONE_PRAISE.search(head) or _IN_ADVANCE.search(norm) or len(head.split()) > 6:
        return False
    rest = norm[len(head) :]
    if any(not _back_at_work(rest, *span) for span in PERSISTS.spans(rest)):
        return True
    # the praise taken back by blame: "браво, после вашего обновления ничего не открывается"
    words = set(re.findall(r"[\w']+", rest))
    denied = words & _NEGATIONS or any(w.endswith("n't") for w in words)
    return bool(words & _YOURS) and bool(denied)


@read_once
def complains_of_bot(reading: MessageReading) -> bool:
    """The bot or its self-help are what the user objects to: "Ваш бот ничего не понимает",
    "ЗАБЕРИТЕ ЭТОГО БОТА", "DO NOT send me another article", "хватит ваших ссылок". A link
    the user followed ("перешёл по ссылке, теперь не работает") is no complaint."""
    kinds = _self_help()
    if not any(word.lemma in kinds.named for word in reading.words):
        return False  # neither the bot nor its help is named (the sentences' words are these)
    # the screen's own words ("I tried the 'sign in another way' link") are not the user's
    for sentence in re.split(r"[.!?;\n]+", _QUOTED.sub(" ", reading.norm)):
        words = read_words(sentence, reading.lang)
        texts = {w.text for w in words}
        said_no = texts & _NEGATIONS or texts & _MORE or any(t.endswith("n't") for t in texts)
        for at, word in enumerate(words):
            # the first reading: "роботи" is work (робота) before it is robots
            if word.lemma in kinds.bot and (said_no or _ordered(word, words)):
                return True
            judged = _judged(at, words, kinds.bot)
            if word.lemma in kinds.bot and judged and not TONE_PRAISE.search(sentence):
                return True
            # the desk itself, as yours: "ваша підтримка нікуди не годиться", "your support
            # is useless" (not "поддержка банка не отвечает", someone else's)
            yours = at > 0 and words[at - 1].text in _YOURS
            if word.lemma in kinds.desk and yours and (said_no or _judged(at, words, kinds.desk)):
                return not TONE_PRAISE.search(sentence)
            if word.lemma in kinds.sent and (texts & _MORE or texts & _YOURS):
                return True
            # self-help refused: "I don't want articles", "не треба мені статей"
            refused = said_no and any(w.among(kinds.wanted) for w in words)
            if word.lemma in kinds.sent and refused:
                return True
    return False


_COPULA = frozenset({"is", "are", "'s", "was", "seems", "feels"})


def _judged(at: int, words: list[Word], named: frozenset[str]) -> bool:
    """The bot or the desk (`named`) as the subject of a verdict on it: a predicate adjective
    after it ("ваш бот бесполезен", "цей бот марний", "your bot is useless", "this bot is a
    joke"). Praise is told apart by the caller; what it does ("бот написал", "the bot sent")
    is no verdict."""
    bot, after = words[at], words[at + 1 : at + 4]
    if bot.text not in named:
        return False  # "бота", "боту": the bot as an object is `_ordered`'s
    if not bot.tags:  # English: "bot is …", "bot's …"
        return bool(after) and after[0].text in _COPULA and len(after) > 1
    for word in after:
        if word.has("ADJS") or (word.has("ADJF", "nomn") and not word.has("Apro")):
            return True
        if word.text not in ("у", "в", "вас", "нас", "просто", "вообще", "взагалі", "совсем",
                             "зовсім", "абсолютно", "совершенно", "цілком"):  # fmt: skip
            return False
    return False


def _ordered(bot: Word, words: list[Word]) -> bool:
    """A command with the bot as its object: "заберите бота", "turn off this bot"."""
    inflected = bot.text not in _self_help().bot  # "бота", not the subject "бот"
    return inflected and any(w.has("impr") and not w.has("incl") for w in words)


TONE_CLAUSE_WORDS = 6  # a clause this short that carries a tone says nothing of the problem


def only_tone(clause: str) -> bool:
    """A short clause that only says how the user feels about the help: "What kind of
    support is this?!", "Great", "another link", "Ваш бот ничего не понимает"."""
    if len(clause.split()) > TONE_CLAUSE_WORDS:
        return False
    # a clause this short is one many users write: its reading (and verdict) is kept
    if RHETORICAL.search(clause) or complains_of_bot(shared_reading(clause)):
        return True
    return TONE_PRAISE.remove(clause).strip(" .,!?") == ""


@read_once
def asks_what_you_do(reading: MessageReading) -> bool:
    """A question to the service about what it is doing, with a particle of disbelief:
    "Вы там спите что ли?", "Ви там що, заснули?", "are you even reading this?"."""
    said = {w.text for w in reading.words}  # every question's words are among them
    if not said & _YOU or not said & _DISBELIEF:
        return False
    for question in re.findall(r"[^.!?\n]+\?", reading.norm):
        words = read_words(question, reading.lang)
        texts = {w.text for w in words}
        if not texts & _YOU or not texts & _DISBELIEF:
            continue
        if any(w.has("2per", "plur") or w.has("past", "plur") for w in words):
            return True
        if "you" in texts and re.search(r"\b(are|do) you (even|all) \w+", question):
            return True
    return False
