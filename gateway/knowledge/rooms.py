"""A room's window that will not open or close while the air in the room is bad.

"the windows at the incense factory won't open, it's stifling in here", "окна в мастерской
барометров не закрываются, сквозит": a window that won't open and Windows are the program
articles' words, and alone they answered them. Said beside the room's air (stifling,
boiling, a draught), the window is the building's, and its words are no evidence.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from functools import cache

from gateway.knowledge.morphology import Token
from gateway.knowledge.vocabulary import ROOM_AIR_WORDS, ROOM_WINDOW_WORDS, WINDOW_MOVES
from gateway.knowledge.wordlists import said, with_lemmas


def room_windows(words: Sequence[Token], programs: Container[str] = frozenset()) -> frozenset[int]:
    """Positions of the window words and of their opening or closing when the message says
    a window opens or closes (or does not) and names the room's air: empty otherwise, and
    when it names a program (`programs`: lemmas, "окно 1С", "the Outlook window") or writes
    Windows as a name or in Latin letters among Cyrillic words: the window or the opening
    is the program's."""
    windows, moves, air = _vocabulary()
    found = frozenset(i for i, t in enumerate(words) if said(t, windows))
    if any(t.lemma in programs for t in words) or any(_the_system(words[i], words) for i in found):
        return frozenset()
    moved = frozenset(i for i, t in enumerate(words) if said(t, moves))
    if found and moved and any(said(t, air) for t in words):
        return found | moved
    return frozenset()


@cache
def _vocabulary() -> tuple[frozenset[str], ...]:
    """The word lists with their lemmas (English stems for Latin words, Russian and
    Ukrainian lemmas for Cyrillic ones). Read on first use."""
    return tuple(with_lemmas(words) for words in (ROOM_WINDOW_WORDS, WINDOW_MOVES, ROOM_AIR_WORDS))


def _the_system(window: Token, words: Sequence[Token]) -> bool:
    """Windows written as a name, or in Latin letters among Cyrillic words: the system."""
    return window.capital or (window.word.isascii() and not all(t.word.isascii() for t in words))
