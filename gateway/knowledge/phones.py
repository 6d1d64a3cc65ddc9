"""A phone sunk, dead, taken or swapped that held the second factor is a phone lost to signing
in.

"уронил телефон с аутентификатором в септик, как теперь входить в почту?", "впустив
телефон з автентифікатором у бетономішалку, він здох", "dropped my phone in the cork
soaking tank and it's dead, the MFA app was on it": the drop and the death say how the
phone went, which is what the damage article's samples say of a broken device; what the
user asks is how to sign in without it. So the words of its going read as the phone lost
(the MFA article's word), and the words that it died say nothing more. A phone dropped
with no second factor named ("впустив телефон у калюжу, не вмикається") stays damage.
The other ways a phone goes are read so too, when the factor is plain (named, or codes to
sign in with): taken ("phone nicked on the bus"), run over, swapped or wiped ("switched
from Android to iPhone", "онук перепрошив мені телефон, програма з кодами зникла"); a phone
named by its make or as a handset is then the phone.

The mail wanted on a phone ("можно её в смартфон поставить?", "поставила Outlook на
телефон, а він просить сервер і порт", "хочу отримувати робочі листи на телефон") is the
phone's mail set up: putting it there is no program to install, its server no outage, and
getting it no mail that fails to come. Wanted in English words ("would love the boomerang
shop mail on my phone so I can answer orders on the go", "want the chinchilla farm mailbox on
my personal phone too"), the wanting is the setting up asked for: the mail said to want and
what it is for say no more than "set up".
"""

from __future__ import annotations

from collections.abc import Sequence

from gateway.knowledge.morphology import Token
from gateway.knowledge.spills import damage_word
from gateway.knowledge.vocabulary import (
    FACTOR_SIGN_IN_WORDS,
    GONE_PHONE_WORDS,
    GONE_WORDS,
    INBOX_WORDS_ENGLISH,
    MAIL_GETTING_WORDS,
    MAIL_NAMES,
    MAIL_SETUP_WORDS,
    MAIL_WANTING_WORDS,
    MAIL_WORDS,
    MAILBOX_WORDS,
    NEGATION_WORDS,
    NEW_WORDS,
    NOT_SET_UP_STEMS,
    PHONE_GONE_WORDS,
    PHONE_OWNERS,
    PHONE_PLACES,
    PHONE_RUN_WORDS,
    PHONE_STEMS,
    PHONE_WORDS,
    SECOND_FACTOR_CODES,
    SECOND_FACTOR_COUNTS,
    SECOND_FACTOR_STEMS,
    SECOND_FACTOR_STEPS,
    SIGN_IN_WORDS,
    SUNK_WORDS,
    TO_PLACE_WORDS,
    WRONG_WORDS,
)

# How far the phone may be from the word of its going: "уронил телефон", "телефон із кодами
# втопила", "my phone fell", "dropped my work phone"; or in content words, the factor
# between them said at length ("the phone with my sign-in codes slipped into the tank").
_REACH = 4
_CONTENT_REACH = 3
# How many content words may name whose mail it is between the wanting and the mail: "want
# the chinchilla farm mailbox", "would love the boomerang shop mail".
_OWNER_REACH = 3
# A denial this close before the wanting takes it back: "I do not want the shop mail on it".
_DENIAL_REACH = 3


def lost_phone(words: Sequence[Token]) -> tuple[frozenset[int], frozenset[int]]:
    """Positions of the words that say how a phone went (dropped, sank, taken, run over,
    swapped or wiped) and of those that say it died, when the message names the phone's
    second factor (an authenticator, MFA, its codes); empty otherwise."""
    if not any(_factor_at(words, i) for i in range(len(words))):
        return frozenset(), frozenset()
    phones = [i for i, t in enumerate(words) if _either(t, GONE_PHONE_WORDS)]
    content = [i for i, t in enumerate(words) if not t.stop]

    def near(i: int) -> bool:
        return any(
            abs(i - p) <= _REACH
            or (
                i in content
                and p in content
                and abs(content.index(i) - content.index(p)) <= _CONTENT_REACH
            )
            for p in phones
        )

    # The ways of going that are not damage ("switched my phone to silent", "my phone ran
    # over its data plan") need the factor plain: named, or codes to sign in with.
    named = any(
        _factor_at(words, i) and words[i].lemma not in SECOND_FACTOR_CODES
        for i in range(len(words))
    )
    plain = named or any(
        t.lemma in FACTOR_SIGN_IN_WORDS or t.word in FACTOR_SIGN_IN_WORDS for t in words
    )
    went = frozenset(
        i
        for i, t in enumerate(words)
        if ((_sunk(t) or (plain and _went(words, i))) and near(i))
        or (plain and _new_phone(words, i))
    )
    if not went:
        return frozenset(), frozenset()
    gone = frozenset(i for i, t in enumerate(words) if t.lemma in GONE_WORDS)
    return went, gone


def phone_makes(words: Sequence[Token]) -> frozenset[int]:
    """Positions of the words that name a phone by its make or as a handset ("Android",
    "iPhone", "handset"), not as a phone."""
    return frozenset(
        i
        for i, t in enumerate(words)
        if _either(t, GONE_PHONE_WORDS) and not _either(t, PHONE_WORDS)
    )


def mail_to_phone(words: Sequence[Token]) -> frozenset[int]:
    """Positions of the words of setting the mail up on a phone ("поставить", "сервер",
    "отримувати"; getting only when nothing is denied: "на телефоне не получаю письма" is
    mail that does not come) when the mail is named and a phone is where it goes ("в
    смартфон", "на телефоні", "on my mobile"), and no second factor is ("код на телефон не
    приходит" signs in)."""
    if not any(_mail(t) for t in words) or any(_factor_at(words, i) for i in range(len(words))):
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


def inboxes_to_phone(words: Sequence[Token]) -> frozenset[int]:
    """Positions of the English word "inbox" said to go on a phone right after it ("can I
    get the crew inbox on my phone", "any chance of getting the box office inbox on my
    mobile?"): the mailbox set up on the phone, as the phone's mail article says it ("put
    the team mailbox on my private phone"), not an inbox that gets no mail. Not when anything
    is denied ("the inbox on my phone isn't updating"), nor beside a second factor."""
    if any(t.word in NEGATION_WORDS for t in words) or any(
        _factor_at(words, i) for i in range(len(words))
    ):
        return frozenset()
    return frozenset(
        i for i, t in enumerate(words) if t.word in INBOX_WORDS_ENGLISH and _goes_to_phone(words, i)
    )


def mail_wanted_on_phone(words: Sequence[Token]) -> frozenset[int]:
    """Positions of the English words that want the mail on a phone ("want", "love" of
    "would love", "need"): the wanting word right before the mail named, but for the words
    of whose mail it is ("want the chinchilla farm mailbox on my personal phone", "would love
    the rattan workshop mail on my phone"), the phone where it goes right after it. Not a
    wanting denied ("don't want the shop mail on my phone"), nor beside a second factor."""
    if any(_factor_at(words, i) for i in range(len(words))):
        return frozenset()
    found: set[int] = set()
    for i, token in enumerate(words):
        if token.word not in MAIL_WANTING_WORDS:
            continue
        if any(t.word in NEGATION_WORDS for t in words[max(i - _DENIAL_REACH, 0) : i]):
            continue
        owners = 0
        for at in range(i + 1, len(words)):
            if _mail(words[at]):
                if _goes_to_phone(words, at):
                    found.add(i)
                break
            if not words[at].stop:
                owners += 1
                if owners > _OWNER_REACH or not words[at].word.isascii():
                    break
    return frozenset(found)


def _goes_to_phone(words: Sequence[Token], at: int) -> bool:
    """Whether the mail at `at` is said to go on a phone right after it: "mail on my phone",
    "mailbox on my personal phone", "inbox onto my mobile"."""
    ahead = words[at + 1 : at + 5]
    if not ahead or ahead[0].word not in TO_PLACE_WORDS:
        return False
    for token in ahead[1:]:
        if _either(token, PHONE_PLACES):
            return True
        if not token.stop and token.word not in PHONE_OWNERS:
            return False
    return False


def mail_sign_in_on_phone(words: Sequence[Token]) -> frozenset[int]:
    """Positions of the words of signing in and of the password refused ("неправильний
    пароль", "can't sign in", "не удается проверить учетную запись") when the mail is named
    on a phone ("айфон", "в телефонному аутлуці", "Outlook mobile", "на телефоне") and the
    sign-in is refused (a denial, the password wrong): the phone's mail set up. Not when the
    account is locked, the password forgotten, the phone gone or a second factor named:
    those are the account's or the phone's ("залочился акк … в Outlook на телефоне")."""
    if not any(_mail(t) for t in words):
        return frozenset()
    if not any(_either(t, PHONE_PLACES) or t.word.startswith(PHONE_STEMS) for t in words):
        return frozenset()
    if not any(t.word in NEGATION_WORDS or _either(t, WRONG_WORDS) for t in words):
        return frozenset()  # "…, а через нього я підтверджувала вхід у пошту": nothing refused
    if any(
        _factor(t) or t.word.startswith(NOT_SET_UP_STEMS) or t.lemma in SUNK_WORDS
        or damage_word(t)
        for t in words
    ):
        return frozenset()
    return frozenset(i for i, t in enumerate(words) if _either(t, SIGN_IN_WORDS | WRONG_WORDS))


def _mail(token: Token) -> bool:
    return _either(token, MAIL_WORDS | MAILBOX_WORDS | MAIL_NAMES)


def _either(token: Token, words: frozenset[str]) -> bool:
    return token.word in words or token.lemma in words


def _sunk(token: Token) -> bool:
    """Whether the word says a phone was damaged: "dropped", "уронил", "slipped"."""
    return damage_word(token) or token.lemma in SUNK_WORDS


def _went(words: Sequence[Token], i: int) -> bool:
    """Whether the word at `i` says a phone went otherwise: "nicked", "swapped", "wiped",
    the "ran" of "ran over"."""
    token = words[i]
    if token.lemma in PHONE_GONE_WORDS:
        return True
    return token.lemma in PHONE_RUN_WORDS and i + 1 < len(words) and words[i + 1].word == "over"


def _new_phone(words: Sequence[Token], i: int) -> bool:
    """Whether the word at `i` says the phone beside it is a new one: "купив новий
    смартфон", "новый айфон", "телефон новий", "new phone" (the old one went)."""
    if not _either(words[i], NEW_WORDS):
        return False
    return any(_either(t, GONE_PHONE_WORDS) for t in words[max(i - 1, 0) : i + 2 : 2])


def _factor_at(words: Sequence[Token], i: int) -> bool:
    """Whether the word at `i` names a second factor: an authenticator, MFA, a code, the
    step of "2 step"."""
    if words[i].lemma in SECOND_FACTOR_STEPS:
        return i > 0 and words[i - 1].word in SECOND_FACTOR_COUNTS
    return _factor(words[i])


def _factor(token: Token) -> bool:
    return token.lemma in SECOND_FACTOR_CODES or any(
        token.lemma.startswith(s) or token.word.startswith(s) for s in SECOND_FACTOR_STEMS
    )
