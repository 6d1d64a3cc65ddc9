"""Recognising "where is my ticket?" in ru, uk and en, with or without a ticket number.

Words are compared by lemma (gateway.knowledge.morphology), so every form of a word
counts: "заявка", "заявки", "заявкой", "моїм зверненням", "tickets". A status question
names a ticket (a noun such as заявка/звернення/request, or a number such as HD-000042)
together with what the user wants to know about it: its status, where it is, what is
happening with it, when it will be done. A request to *create* a ticket is not one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise

from gateway.dialogs.extract.words import TEXTS_KEPT
from gateway.knowledge.morphology import Token, lemma, tokens
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
        "wait close"
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
# A question about a ticket is short; a long message naming a ticket tells a problem.
MAX_WORDS = 14
MAX_OTHER_WORDS = 2  # besides the number and the cues, e.g. "HD-000042, what's up?"
MAX_ASIDE_WORDS = 4  # "кто взял заявку на доступ к 1С?": what the ticket was about

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
def status_question(text: str, lang: str) -> StatusQuestion | None:
    """The status question in `text`, or None when the message says something else.

    Asked of every message a bot-owned conversation gets, and of the text alone: kept per
    text, as users write the same short texts again and again."""
    if len(text.split()) > MAX_WORDS:
        return None
    words = tokens(_NUMBER.sub(" ", _ID.sub(" ", text)), lang)
    if len(words) > MAX_WORDS:
        return None
    seen = {t.lemma for t in words}
    cues = _cues()
    noun = bool(seen & cues["noun"])
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
        return None
    own = bool(seen & cues["own"])
    if asking and (own or status or len(others) <= MAX_ASIDE_WORDS):
        return StatusQuestion()
    if (own or seen & cues["show"]) and not others:  # "мои заявки", "show my tickets"
        return StatusQuestion()
    return None


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
    }
    return {
        name: frozenset(
            lemma(word, lang) for lang, words in table.items() for word in words.split()
        )
        for name, table in tables.items()
    }


__all__ = ["StatusQuestion", "status_question", "ticket_numbers"]
