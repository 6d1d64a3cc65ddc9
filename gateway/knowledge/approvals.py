"""Who allowed a request, or who the user is now: said beside it, never the problem.

"need acces to the HR drive, approved by Olena", "можно мне права на просмотр таблицы
заказов? начальник сказал написать вам", "dodajte mene do papky Muliary zvity, bos ne proty",
"kak poluchit dostup k 1C Zarplata? ya teper kadrovik", "хочу программу для раскроя плитки на
комп, бригадир разрешил": the clause that says who said yes or what the user's new job is
tells why the request is fair. Its words (a name, a trade, a farm) are no unknown words
making the message less likely IT's, and its "не" ("бос не проти") denies nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from gateway.knowledge.morphology import Token
from gateway.knowledge.vocabulary import (
    ACCESS_NOUNS,
    ADD_WORDS,
    APPROVAL_WORDS,
    ASKED_FOR_WORDS,
    NEGATION_WORDS,
    NEW_ROLE_WORDS,
    NOT_AGAINST_WORDS,
    NOW_WORDS,
    SAID_WORDS,
    SELF_WORDS,
    WANT_WORDS,
    WRITE_TO_US_WORDS,
    YES_WORDS,
)


def approvals(words: Sequence[Token], spans: Sequence[range]) -> frozenset[int]:
    """Positions of the clauses that say who allowed the request or the user's new job, in
    a message of more than one clause whose other clauses ask for something (a word of
    wanting or asking, an access noun, being added). A clause that asks, or denies
    anything but being against it, is none."""
    if len(spans) < 2:
        return frozenset()
    found: set[int] = set()
    asking = False
    for span in spans:
        clause = [words[i] for i in span]
        if _asks(clause):
            asking = True
        elif _approves(clause):
            found.update(span)
    return frozenset(found) if asking else frozenset()


def _asks(clause: list[Token]) -> bool:
    return any(
        t.word in WANT_WORDS
        or t.word in ASKED_FOR_WORDS
        or t.word in ADD_WORDS
        or t.word in ACCESS_NOUNS
        for t in clause
    )


def _approves(clause: list[Token]) -> bool:
    """Someone said yes ("approved by Olena", "HR signed it off", "начальник сказал
    написать вам", "бос не проти") or the user's job is new ("ya teper kadrovik", "just
    started in the kitchen", "перевели на ферму зоотехником")."""
    said = [t.word for t in clause]
    for k, word in enumerate(said):
        if word in NEGATION_WORDS and not (k + 1 < len(said) and said[k + 1] in NOT_AGAINST_WORDS):
            return False
    if any(w in APPROVAL_WORDS or w in NEW_ROLE_WORDS for w in said):
        return True
    if any(w in NOW_WORDS and k and said[k - 1] in SELF_WORDS for k, w in enumerate(said)):
        return True  # "я тепер відповідаю за весілля", not "тепер пише «заблоковано»"
    if any(w in NOT_AGAINST_WORDS for w in said) and any(w in NEGATION_WORDS for w in said):
        return True
    return any(
        w in SAID_WORDS and any(v in YES_WORDS or v in WRITE_TO_US_WORDS for v in said[k + 1 :])
        for k, w in enumerate(said)
    )


def not_against(words: Sequence[Token], index: int) -> bool:
    """Whether the word at `index` is of "не проти", "не против", "not against": a yes, whose
    "не" denies nothing and whose "проти" is no word of the problem."""
    word = words[index].word
    if word in NOT_AGAINST_WORDS:
        return index > 0 and words[index - 1].word in NEGATION_WORDS
    return (
        word in NEGATION_WORDS
        and index + 1 < len(words)
        and words[index + 1].word in NOT_AGAINST_WORDS
    )
