"""Recognising "where is my ticket?" in ru, uk and en, with or without a ticket number.

Words are compared by lemma (gateway.knowledge.morphology), so every form of a word
counts: "заявка", "заявки", "заявкой", "моїм зверненням", "tickets". A status question
names a ticket (a noun such as заявка/звернення/request, or a number such as HD-000042)
together with what the user wants to know about it: its status, where it is, what is
happening with it, when it will be done. A request to *create* a ticket is not one.

Where the conversation waits for nothing else (`bare`), a question names no ticket at all:
"есть новости?", "когда уже сделают", "скільки ще чекати", "is someone looking at this",
"still waiting...", "уже третий день жду!". It is read by its class (news asked for; when
it is done; how long to wait; whether anyone is on it; waiting told alone), with nothing
else said beside it, so "жду загрузки, а Excel висит" or "когда сделают обновление Windows,
у меня всё сломалось" stay problems. A question about someone else's ticket ("заявка
Петрова", "my colleague's request") is not one about the user's own.

A word no dictionary knows that is one letter off a cue word ("кагда", "заявкаа", "wher is
my tiket") is read as that word; a real word is never read as another.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise

from rapidfuzz import process
from rapidfuzz.distance import OSA

from gateway.dialogs.extract.words import TEXTS_KEPT
from gateway.dialogs.other_person import OTHER_PERSON_WORDS, possessive
from gateway.knowledge.morphology import Token, lemma, stem, tokens
from gateway.models import ticket_id_for

# Written as people write them; compared by lemma, so one form of each word is enough.
TICKET_NOUNS = {
    "ru": "заявка тикет обращение запрос инцидент",
    "uk": "заявка тікет звернення запит інцидент",
    "en": "ticket request case incident",
}
STATUS_WORDS = {
    "ru": "статус состояние стадия этап прогресс новость движение продвижение",
    "uk": "статус стан стадія етап прогрес новина рух",
    "en": "status state stage progress news update",
}
# A question that names no ticket: what it asks (see `bare` in status_question).
NEWS_WORDS = {
    "ru": "новость новенькое движение подвижка прогресс апдейт",
    "uk": "новина новини новенького рух зрушення прогрес апдейт",
    "en": "news update progress eta headway",
}
WHEN_WORDS = {"ru": "когда скоро", "uk": "коли скоро", "en": "when soon"}
DONE_WORDS = {
    "ru": "сделать починить исправить решить быть ответить закончить готовый готово доделать "
    "отремонтировать настроить",
    "uk": "зробити полагодити виправити вирішити вирішать бути відповісти закінчити готовий готово "
    "доробити відремонтувати налаштувати",
    "en": "done fix ready resolve sort finish be answer repair",
}
HOW_LONG_WORDS = {"ru": "долго сколько", "uk": "довго скільки", "en": "long longer"}
WAIT_WORDS = {
    "ru": "ждать подождать дождаться",
    "uk": "чекати зачекати дочекатися",
    "en": "wait waiting take",
}
SOMEONE_WORDS = {
    "ru": "кто нибудь кто-то",
    "uk": "хто небудь хтось",
    "en": "who anyone someone anybody somebody",
}
ON_IT_WORDS = {
    "ru": "заниматься смотреть посмотреть работать взять делать",
    "uk": "займатися дивитися подивитися працювати взяти робити",
    "en": "work look handle take deal",
}
WHAT_WORDS = {"ru": "что как", "uk": "що як", "en": ""}  # "ну что там?", "як там?"
THERE_WORDS = {"ru": "там", "uk": "там", "en": ""}
# Said beside such a question and telling no problem: time waited, greetings, fillers.
ASIDE_WORDS = {
    "ru": "день неделя час минута месяц утро третий второй два три ответ уже еще ещё всё "
    "вообще наконец ну же",
    "uk": "день тиждень година хвилина місяць ранок третій другий два три відповідь вже ще "
    "взагалі нарешті ну ж якийсь",
    "en": "day week hour minute month morning answer reply response still yet more much "
    "any some already it this",
}
MAX_BARE_WORDS = 8
BARE_CUES = ("news", "when", "done", "how_long", "wait", "someone", "on_it", "what", "there")
# "Maria's ticket", "заявка Петрова": a name beside the ticket noun.
_POSSESSIVE = possessive("ticket|request|case")
_NAMED_OWNER = re.compile(
    r"(?<!\w)(?i:заявк|обращени|звернен|запрос|запит|тикет|тікет)\w*\s+(?:(?i:от|від)\s+)?"
    r"[А-ЯЁІЇЄҐ][а-яёіїєґ'’]+"
)
# Asking after a ticket: where it is, what happens to it, when it is done, who has it.
ASKING_WORDS = {
    "ru": (
        "где что как когда скоро долго кто сколько решить решать рассмотреть рассматривать "
        "обработать обрабатывать заниматься ответить взять ждать посмотреть почему "
        "закрыть"
    ),
    "uk": (
        "де що як коли скоро довго хто скільки вирішити вирішувати розглянути розглядати "
        "обробити обробляти займатися відповісти взяти чекати переглянути чому "
        "закрити"
    ),
    "en": (
        "where what how when soon long who why handle process resolve answer take pick look "
        "wait close anyone someone anybody somebody"
    ),
}
# "Покажи мои заявки": only with nothing else said ("ticket printer shows error" is a problem).
SHOW_WORDS = {
    "ru": "показать покажи проверить глянуть список",
    "uk": "показати покажи перевірити глянути список",
    "en": "show list check see view",
}
OWN_WORDS = {"ru": "мой свой", "uk": "мій свій", "en": "my mine"}
# "Создайте заявку", "хочу подать обращение": a new request, not a question about one.
CREATE_WORDS = {
    "ru": "создать создавать оформить подать оставить открыть завести зарегистрировать новый",
    "uk": "створити створювати оформити подати залишити відкрити завести зареєструвати новий",
    "en": "create open submit file raise log new make",
}
# Words before "request" that make it the verb ("I request", "to request", "can request").
VERB_LEADS = frozenset({"i", "we", "you", "to", "can", "could", "should", "must", "please", "pls"})
# An English "ticket" that a venue sells or prints, not the user's request: before the thing it
# qualifies ("the ticket pc is stuck", "Ticket office", "the ticketing app") or after the
# printing ("won't print tickets"); its "status" and "updates" are then the machine's.
VENUE_TICKET_HEADS = frozenset({
    "pc", "pcs", "computer", "laptop", "machine", "machines", "office", "booth", "counter",
    "kiosk", "terminal", "till", "gate", "window", "printer", "printers", "scanner", "scanners",
    "app", "apps", "system", "software",
})  # fmt: skip
# The verbs that print, scan or sell such a ticket, as lemmas ("printing", "scanned").
PRINTING_VERBS = frozenset({"print", "scan", "sell"})
# A question about a ticket is short; a long message naming a ticket tells a problem.
MAX_WORDS = 14
MAX_OTHER_WORDS = 2  # besides the number and the cues, e.g. "HD-000042, what's up?"
MAX_ASIDE_WORDS = 4  # "кто взял заявку на доступ к 1С?": what the ticket was about

# A typo is read as a cue word one edit off it (by stem, so any form counts); a shorter
# stem ("где", "как") is too near too many words to be guessed from a typo.
TYPO_SHORTEST = 4

# HD-000042, hd 42, НД-42 (typed in Cyrillic); "#42", "№42" only next to a ticket noun.
_ID = re.compile(r"(?<![\w-])(?:hd|нд)[\s#№-]*0*(\d{1,9})(?!\d)", re.I)
_NUMBER = re.compile(r"[#№]\s*0*(\d{1,9})(?!\d)")


@dataclass(frozen=True)
class StatusQuestion:
    """The user asks how their tickets are going; `ticket_id` when they named one."""

    ticket_id: str = ""


def ticket_numbers(text: str, numbered: bool = False) -> list[str]:
    """Ticket ids named in the text, as stored: "hd 42", "HD-000042" → HD-000042; with
    `numbered` also "#42", "№42" (when the text says it speaks of a ticket)."""
    patterns = (_ID, _NUMBER) if numbered else (_ID,)
    found = [int(m.group(1)) for p in patterns for m in p.finditer(text)]
    return list(dict.fromkeys(ticket_id_for(n) for n in found if n > 0))


@lru_cache(maxsize=TEXTS_KEPT)
def status_question(text: str, lang: str, bare: bool = False) -> StatusQuestion | None:
    """The status question in `text`, or None when the message says something else; with
    `bare` also one that names no ticket ("есть новости?", "when will it be fixed?").

    Asked of every message a bot-owned conversation gets, and of the text alone: kept per
    text, as users write the same short texts again and again."""
    if len(text.split()) > MAX_WORDS:
        return None
    words = [_meant(t) for t in tokens(_NUMBER.sub(" ", _ID.sub(" ", text)), lang)]
    if len(words) > MAX_WORDS:
        return None
    seen = {t.lemma for t in words}
    cues = _cues()
    noun = any(
        t.lemma in cues["noun"] and not _venue_ticket(words, i) for i, t in enumerate(words)
    )
    if seen & cues["other"] or _POSSESSIVE.search(text) or _NAMED_OWNER.search(text):
        return None  # "заявка Петрова", "my colleague's request": not the user's own
    numbers = ticket_numbers(text, numbered=noun)
    status = bool(seen & cues["status"])
    if (seen & cues["create"] or _verb_use(words, cues["noun"])) and not status:
        return None
    asking = bool(seen & (cues["asking"] | cues["status"]))
    cue_words = cues["noun"] | cues["status"] | cues["asking"] | cues["own"] | cues["show"]
    others = [t for t in words if not t.stop and t.lemma not in cue_words]
    if numbers:
        return StatusQuestion(numbers[0]) if asking or len(others) <= MAX_OTHER_WORDS else None
    if not noun:
        return StatusQuestion() if bare and _bare_question(words, seen, cues) else None
    own = bool(seen & cues["own"])
    if asking and (own or status or len(others) <= MAX_ASIDE_WORDS):
        return StatusQuestion()
    if (own or seen & cues["show"]) and not others:  # "мои заявки", "show my tickets"
        return StatusQuestion()
    return None


def _bare_question(words: list[Token], seen: set[str], cues: dict[str, frozenset[str]]) -> bool:
    """A short question after one's ticket that names none: news asked for, when it is
    done, how long to wait, whether anyone is on it, or waiting told alone; nothing else."""
    if len(words) > MAX_BARE_WORDS:
        return False
    others = [
        t for t in words
        if t.lemma not in _bare_cues() and t.lemma not in cues["aside"]
        and not t.word.isdigit() and not t.stop
    ]  # fmt: skip
    if others:
        return False
    return bool(
        seen & cues["news"]
        or (seen & cues["when"] and seen & cues["done"])
        or (seen & cues["how_long"] and seen & (cues["wait"] | cues["aside"]))
        or (seen & cues["someone"] and seen & cues["on_it"])
        or (seen & cues["wait"] and seen & cues["aside"])  # "still waiting", "третий день жду"
        or (seen & cues["what"] and seen & cues["there"] and len(words) <= 3)
    )


def _meant(token: Token) -> Token:
    """A word no dictionary knows, read as the one cue word it is a typo of ("кагда" is
    когда, "tiket" ticket); itself when it is a real word, a name, or near none or several."""
    word = token.word
    if token.known or token.name or token.stop or len(word) < TYPO_SHORTEST:
        return token
    if not word.isalpha():
        return token
    stems = _typo_stems()
    near = process.extract(stem(word), list(stems), scorer=OSA.distance, score_cutoff=1,
                           limit=None)  # fmt: skip
    meant = {found for s, _, _ in near for found in stems[s]}
    if len(meant) > 1 and meant <= _cues()["asking"]:
        # "wher" is where or when: a question word either way, read as the one that says
        # least ("where" asks; "when" would also ask when it is done)
        meant = {min(meant, key=lambda m: (sum(m in c for c in _cues().values()), m))}
    return token._replace(lemma=meant.pop()) if len(meant) == 1 else token


@cache
def _typo_stems() -> dict[str, frozenset[str]]:
    """The cue words' stems (long enough to tell a typo by), each with its lemmas: what the
    user asks after and how, not the words that say it is someone else's or a new one."""
    tables = (TICKET_NOUNS, STATUS_WORDS, ASKING_WORDS, OWN_WORDS, SHOW_WORDS, NEWS_WORDS,
              WHEN_WORDS, DONE_WORDS, HOW_LONG_WORDS, WAIT_WORDS, SOMEONE_WORDS, ON_IT_WORDS)
    found: dict[str, set[str]] = {}
    for table in tables:
        for lang, words in table.items():
            for word in words.split():
                key = stem(word)
                if len(key) >= TYPO_SHORTEST:
                    found.setdefault(key, set()).add(lemma(word, lang))
    return {key: frozenset(lemmas) for key, lemmas in found.items()}


def _venue_ticket(words: list[Token], at: int) -> bool:
    """The English ticket noun at `at` is a venue's ticket: "the ticket pc", "print tickets"."""
    if not words[at].word.isascii():
        return False
    after = words[at + 1].word if at + 1 < len(words) else ""
    return after in VENUE_TICKET_HEADS or (at > 0 and words[at - 1].lemma in PRINTING_VERBS)


def _verb_use(words: list[Token], nouns: frozenset[str]) -> bool:
    """An English noun used as the verb: "how do I request access" asks for something new."""
    return any(
        t.lemma in nouns and t.word.isascii() and before.word in VERB_LEADS
        for before, t in pairwise(words)
    )


@cache
def _cues() -> dict[str, frozenset[str]]:
    """The cue words of every language, as lemmas."""
    tables = {
        "noun": TICKET_NOUNS,
        "status": STATUS_WORDS,
        "asking": ASKING_WORDS,
        "own": OWN_WORDS,
        "show": SHOW_WORDS,
        "create": CREATE_WORDS,
        "news": NEWS_WORDS,
        "when": WHEN_WORDS,
        "done": DONE_WORDS,
        "how_long": HOW_LONG_WORDS,
        "wait": WAIT_WORDS,
        "someone": SOMEONE_WORDS,
        "on_it": ON_IT_WORDS,
        "what": WHAT_WORDS,
        "there": THERE_WORDS,
        "aside": ASIDE_WORDS,
        "other": OTHER_PERSON_WORDS,
    }
    cues = {
        name: frozenset(
            lemma(word, lang) for lang, words in table.items() for word in words.split()
        )
        for name, table in tables.items()
    }
    return cues


@cache
def _bare_cues() -> frozenset[str]:
    """Every cue word of a question that names no ticket (`BARE_CUES`), as lemmas."""
    cues = _cues()
    return frozenset().union(*(cues[name] for name in BARE_CUES))


__all__ = ["StatusQuestion", "status_question", "ticket_numbers"]
