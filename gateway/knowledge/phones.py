"""A phone sunk or gone dead that held the second factor is a phone lost to signing in.

"уронил телефон с аутентификатором в септик, как теперь входить в почту?", "впустив
телефон з автентифікатором у бетономішалку, він здох", "dropped my phone in the cork
soaking tank and it's dead, the MFA app was on it": the drop and the death say how the
phone went, which is what the damage article's samples say of a broken device; what the
user asks is how to sign in without it. So the words of its going read as the phone lost
(the MFA article's word), and the words that it died say nothing more. A phone dropped
with no second factor named ("впустив телефон у калюжу, не вмикається") stays damage.

The mail wanted on a phone ("можно её в смартфон поставить?", "поставила Outlook на
телефон, а він просить сервер і порт", "хочу отримувати робочі листи на телефон") is the
phone's mail set up: putting it there is no program to install, its server no outage, and
getting it no mail that fails to come.
"""

from __future__ import annotations

from collections.abc import Sequence

from gateway.knowledge.morphology import Token
from gateway.knowledge.vocabulary import (
    DAMAGE_WORDS,
    GONE_WORDS,
    MAIL_GETTING_WORDS,
    MAIL_NAMES,
    MAIL_SETUP_WORDS,
    MAIL_WORDS,
    MAILBOX_WORDS,
    NEGATION_WORDS,
    PHONE_PLACES,
    PHONE_WORDS,
    SECOND_FACTOR_CODES,
    SECOND_FACTOR_STEMS,
    SUNK_WORDS,
    TO_PLACE_WORDS,
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


def mail_to_phone(words: Sequence[Token]) -> frozenset[int]:
    """Positions of the words of setting the mail up on a phone ("поставить", "сервер",
    "отримувати"; getting only when nothing is denied: "на телефоне не получаю письма" is
    mail that does not come) when the mail is named and a phone is where it goes ("в
    смартфон", "на телефоні", "on my mobile"), and no second factor is ("код на телефон не
    приходит" signs in)."""
    if not any(_mail(t) for t in words) or any(_factor(t) for t in words):
        return frozenset()
    if not any(
        _either(t, PHONE_PLACES) and any(w.word in TO_PLACE_WORDS for w in words[max(i - 2, 0) : i])
        for i, t in enumerate(words)
    ):
        return frozenset()
    denied = any(t.word in NEGATION_WORDS for t in words)
    return frozenset(
        i
        for i, t in enumerate(words)
        if _either(t, MAIL_SETUP_WORDS) or (not denied and _either(t, MAIL_GETTING_WORDS))
    )


def _mail(token: Token) -> bool:
    return _either(token, MAIL_WORDS | MAILBOX_WORDS | MAIL_NAMES)


def _either(token: Token, words: frozenset[str]) -> bool:
    return token.word in words or token.lemma in words


def _factor(token: Token) -> bool:
    return token.lemma in SECOND_FACTOR_CODES or any(
        token.lemma.startswith(s) or token.word.startswith(s) for s in SECOND_FACTOR_STEMS
    )
