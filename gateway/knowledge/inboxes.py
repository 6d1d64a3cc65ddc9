"""Where the mail is kept, said to be empty: mail that did not come in.

"вхідні порожні з учора", "пошта порожня з ранку", "в пошті пусто", "inbox empty since
morning": the inbox, the mail or the mailbox said empty is mail that did not arrive. The
empty word was the print article's ("друкує порожні сторінки": blank pages) and, beside
the inbox, offered it. A print, a scan or paper said anywhere keeps the empty word theirs
("pressed scan on the copier, inbox empty", "в ящике для бумаги пусто"), and a letter said
empty is its body ("письма приходят пустые"), no inbox.

In English the mail's not coming in is as often said with a plain "get" or "have" denied
("not getting mail from customers", "haven't had a single email since 8am"): the user
not getting mail is mail that did not arrive, not mail that did not go out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from gateway.knowledge.morphology import Token
from gateway.knowledge.printing import PRINTING
from gateway.knowledge.vocabulary import (
    EMPTY_PLACE_WORDS,
    HE_SHE_WORDS,
    MAIL_PLACE_WORDS,
    MAIL_WORDS,
    NEGATION_WORDS,
    PHONE_PLACES,
    SELF_SUBJECT_WORDS,
    THEY_WORDS,
)

_REACH = 3  # words between the inbox and its empty word ("у вхідних з ранку порожньо")
_PAPER = re.compile(r"бумаг|папер|папір|аркуш|лоток|лотк|paper|tray")


def empty_inbox(text: str, words: Sequence[Token]) -> frozenset[int]:
    """Positions of the words that say mail did not come in: the empty words said of the
    inbox, the mail or the mailbox (`_empty_places`) and the user's getting of mail denied
    (`mail_not_got`)."""
    return _empty_places(text, words) | mail_not_got(words)


def _empty_places(text: str, words: Sequence[Token]) -> frozenset[int]:
    """Positions of the empty words said of the inbox, the mail or the mailbox within
    _REACH words, when no print, scan or paper is said."""
    lowered = text.lower()
    if PRINTING.search(lowered) or _PAPER.search(lowered):
        return frozenset()
    places = [i for i, t in enumerate(words) if t.word in MAIL_PLACE_WORDS]
    return frozenset(
        i
        for i, t in enumerate(words)
        if t.word in EMPTY_PLACE_WORDS and any(abs(i - at) <= _REACH for at in places)
    )


# Getting mail, by lemma (Snowball for English: getting, got -> get; received -> receiv;
# "haven't had" -> not, had), and the words that may stand between it and the mail ("not
# getting any new emails", "haven't had a single email").
_GETTING = frozenset({"get", "had", "have", "receiv"})
_GOTTEN_BETWEEN = frozenset({"singl", "new", "incom", "extern", "more"})
_GOT_REACH = 3


def mail_not_got(words: Sequence[Token]) -> frozenset[int]:
    """Positions of the English verbs of getting mail that the user denies ("I'm not
    getting emails from outside", "not getting mail from customers", "haven't had a single
    email since 8am", "we never got any mail today"): mail that did not come in. Not when
    others are whom the mail does not reach ("they're not getting my emails": the user's
    mail did not go out), nor when a phone is said (the phone's mail is set up there:
    phones.py)."""
    if any(t.word in PHONE_PLACES or t.lemma in PHONE_PLACES for t in words):
        return frozenset()
    found: set[int] = set()
    for at, token in enumerate(words):
        if token.word not in MAIL_WORDS or not token.word.isascii():
            continue
        for verb in range(at - 1, max(at - 1 - _GOT_REACH, 0) - 1, -1):
            if words[verb].lemma in _GETTING:
                break
            if not (words[verb].stop or words[verb].lemma in _GOTTEN_BETWEEN):
                verb = -1
                break
        else:
            continue
        if verb < 1 or words[verb - 1].word not in NEGATION_WORDS:
            continue
        if verb >= 2 and _others(words[verb - 2]):
            continue
        found.add(verb)
    return frozenset(found)


def _others(token: Token) -> bool:
    """Whether the word before a denied getting names someone other than the user: a
    pronoun for others, or any word that says something ("customers not getting …")."""
    if token.word in SELF_SUBJECT_WORDS:
        return False
    return token.word in THEY_WORDS or token.word in HE_SHE_WORDS or not token.stop
