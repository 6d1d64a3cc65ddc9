"""A screen that shields is a guard, no display.

"захисний екран на копрі тріснув", "защитный экран на бензопиле для льда треснул", "the
spray screen on the ice chainsaw is cracked", "the blast screen on the piling rig": a screen
said as protective, or as a guard against spray, blasts, sparks or heat, is a machine's
guard. Read as a display it answered the broken hardware article ("cracked") for another
trade's machine. The screen is read as a guard, an everyday word (everyday.py) no article
uses; a program's "splash screen" is no guard and is left as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from gateway.knowledge.morphology import Token
from gateway.knowledge.vocabulary import SHIELD_SCREEN_WORDS, SHIELDING_WORDS
from gateway.knowledge.wordlists import said, with_lemmas


def shield_screens(words: Sequence[Token]) -> frozenset[int]:
    """Positions of each screen said right after a word that makes it a guard ("захисний
    екран", "spray screen"); empty when there is none."""
    screens, shielding = _vocabulary()
    return frozenset(
        at
        for at, token in enumerate(words)
        if at and said(token, screens) and said(words[at - 1], shielding)
    )


@cache
def _vocabulary() -> tuple[frozenset[str], ...]:
    """The word lists with their lemmas. Read on first use."""
    return with_lemmas(SHIELD_SCREEN_WORDS), with_lemmas(SHIELDING_WORDS)
