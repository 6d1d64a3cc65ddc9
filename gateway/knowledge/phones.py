"""A phone sunk or gone dead that held the second factor is a phone lost to signing in.

"уронил телефон с аутентификатором в септик, как теперь входить в почту?", "впустив
телефон з автентифікатором у бетономішалку, він здох", "dropped my phone in the cork
soaking tank and it's dead, the MFA app was on it": the drop and the death say how the
phone went, which is what the damage article's samples say of a broken device; what the
user asks is how to sign in without it. So the words of its going read as the phone lost
(the MFA article's word), and the words that it died say nothing more. A phone dropped
with no second factor named ("впустив телефон у калюжу, не вмикається") stays damage.
"""

from __future__ import annotations

from collections.abc import Sequence

from gateway.knowledge.morphology import Token
from gateway.knowledge.vocabulary import (
    DAMAGE_WORDS,
    GONE_WORDS,
    PHONE_WORDS,
    SECOND_FACTOR_CODES,
    SECOND_FACTOR_STEMS,
    SUNK_WORDS,
)

# How far the phone may be from the word of its going: "уронил телефон", "телефон із кодами
# втопила", "my phone fell", "dropped my work phone".
_REACH = 4


def lost_phone(words: Sequence[Token]) -> tuple[frozenset[int], frozenset[int]]:
    """Positions of the words that say how a phone went (dropped, sank) and of those that
    say it died, when the message names the phone's second factor (an authenticator, MFA,
    its codes); empty otherwise."""
    if not any(_factor(t) for t in words):
        return frozenset(), frozenset()
    phones = [i for i, t in enumerate(words) if t.word in PHONE_WORDS or t.lemma in PHONE_WORDS]
    went = frozenset(
        i
        for i, t in enumerate(words)
        if (t.word in DAMAGE_WORDS or t.lemma in SUNK_WORDS)
        and any(abs(i - p) <= _REACH for p in phones)
    )
    if not went:
        return frozenset(), frozenset()
    gone = frozenset(i for i, t in enumerate(words) if t.lemma in GONE_WORDS)
    return went, gone


def _factor(token: Token) -> bool:
    return token.lemma in SECOND_FACTOR_CODES or any(
        token.lemma.startswith(s) or token.word.startswith(s) for s in SECOND_FACTOR_STEMS
    )
