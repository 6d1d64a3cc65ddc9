"""A sports scoreboard: a display board said with the score or the match is the venue's.

"табло на стадионе не показывает счёт, черный экран", "табло на льодовій арені показує
чорний екран замість рахунку", "the stadium scoreboard went to a black screen in the second
half": a black screen is the display article's symptom, and alone it answered it. Said of a
board that shows a game's score, the board and its screen are the venue's, and their words
are no evidence (a board named with no score or match, "табло в зале ожидания", is left to
the other signals).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from gateway.knowledge.morphology import Token
from gateway.knowledge.vocabulary import BOARD_SCREEN_WORDS, GAME_WORDS, SCOREBOARD_WORDS
from gateway.knowledge.wordlists import said, with_lemmas


def scoreboard_screens(words: Sequence[Token]) -> frozenset[int]:
    """Positions of the scoreboard and its screen's words when the message names a
    scoreboard and a game's score or part: empty otherwise."""
    boards, games, screens = _vocabulary()
    if not any(said(t, boards) for t in words) or not any(said(t, games) for t in words):
        return frozenset()
    return frozenset(i for i, t in enumerate(words) if said(t, boards) or said(t, screens))


@cache
def _vocabulary() -> tuple[frozenset[str], ...]:
    """The word lists with their lemmas (English stems for Latin words, Russian and
    Ukrainian lemmas for Cyrillic ones). Read on first use."""
    return tuple(
        with_lemmas(words) for words in (SCOREBOARD_WORDS, GAME_WORDS, BOARD_SCREEN_WORDS)
    )
