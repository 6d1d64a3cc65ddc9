"""Where the mail is kept, said to be empty: mail that did not come in.

"вхідні порожні з учора", "пошта порожня з ранку", "в пошті пусто", "inbox empty since
morning": the inbox, the mail or the mailbox said empty is mail that did not arrive. The
empty word was the print article's ("друкує порожні сторінки": blank pages) and, beside
the inbox, offered it. A print, a scan or paper said anywhere keeps the empty word theirs
("pressed scan on the copier, inbox empty", "в ящике для бумаги пусто"), and a letter said
empty is its body ("письма приходят пустые"), no inbox.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from gateway.knowledge.morphology import Token
from gateway.knowledge.printing import PRINTING
from gateway.knowledge.vocabulary import EMPTY_PLACE_WORDS, MAIL_PLACE_WORDS

_REACH = 3  # words between the inbox and its empty word ("у вхідних з ранку порожньо")
_PAPER = re.compile(r"бумаг|папер|папір|аркуш|лоток|лотк|paper|tray")


def empty_inbox(text: str, words: Sequence[Token]) -> frozenset[int]:
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
