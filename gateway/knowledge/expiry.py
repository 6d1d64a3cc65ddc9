"""A licence, a subscription or a trial that ran out has expired.

"the antivirus licence ran out", "our subscription runs out today", "the trial period is
over", "Антивірус каже, що підписка спливла вчора": the licence article says "expired",
"закінчилась", "истекла"; running out, being over and "спливти" (which of anything else
is a window popping up: "спливло вікно з помилкою") are no word of it. Read so only beside
a licence, a subscription or a trial: "we ran out of toner", "the meeting is over" and
"спливло вікно" are left as they are. A password runs out as a licence does ("how do I change
my password before it runs out? got the 5 days left warning"): it expires, and the disk's
"running out of space" is no word of it.
"""

from __future__ import annotations

from collections.abc import Sequence

from gateway.knowledge.morphology import Token, readings
from gateway.knowledge.vocabulary import (
    BEING_OVER_WORDS,
    ENDED_WORDS,
    ENDING_WORDS,
    EXPIRING_SECRET_WORDS,
    LICENCE_WORDS,
    RUN_OUT_WORDS,
    RUN_WORDS,
    SPENT_WORDS,
    TRIAL_ADJECTIVES,
    TRIAL_KINDS,
    TRIAL_PERIODS,
    TRIAL_WORDS,
)

# How many content words may lie between the licence and the words of its running out:
# "the antivirus licence on the barometer pc ran out".
_REACH = 4


def ran_out(words: Sequence[Token]) -> tuple[frozenset[int], frozenset[int]]:
    """Positions of the words that say a licence, a subscription, a trial or a password ran
    out ("ran" of "ran out", "over" of "is over", "спливла"), and of the words that only
    complete them ("out"); empty when no such word is near one."""
    content = [i for i, t in enumerate(words) if not t.stop]
    licences = [n for n, i in enumerate(content) if _licence(words, content, n)]
    if not licences:
        return frozenset(), frozenset()
    said: set[int] = set()
    completing: set[int] = set()
    for n, i in enumerate(content):
        if not any(abs(n - m) <= _REACH for m in licences):
            continue
        token = words[i]
        after = words[i + 1] if i + 1 < len(words) else None
        before = words[i - 1] if i > 0 else None
        if token.lemma in SPENT_WORDS or (
            token.lemma in ENDED_WORDS
            and any(
                abs(n - m) <= _REACH and not _other_subject(words, content, n, m, licences)
                for m in licences
            )
        ):
            said.add(i)
        elif token.lemma in RUN_WORDS and after is not None and after.word in RUN_OUT_WORDS:
            # "ran out of credit" is the thing's being used up, no licence's end
            beyond = words[i + 2] if i + 2 < len(words) else None
            if beyond is None or beyond.word != "of":
                said.add(i)
                completing.add(i + 1)
        elif token.word == "over" and before is not None and before.word in BEING_OVER_WORDS:
            said.add(i)
    return frozenset(said), frozenset(completing)


def _other_subject(
    words: Sequence[Token], content: list[int], a: int, b: int, licences: Sequence[int] = ()
) -> bool:
    """Whether a noun in the nominative, no licence's, stands between the a-th and the b-th
    content words: the verb of ending has a subject of its own ("пробную версию скачал,
    установка завершилась с ошибкой", "минув тиждень, як купили ліцензію"), so it is no end
    of the licence or the trial."""
    for n in range(min(a, b) + 1, max(a, b)):
        i = content[n]
        if n in licences or (i and _preposition(words[i - 1].word)):
            continue  # the licence itself; a noun after a preposition is no subject
        tags = _likeliest_tags(words[i].word)
        if {"NOUN", "nomn"} <= tags and not tags & {"plur", "Fixd"}:
            return True
    return False


def _preposition(word: str) -> bool:
    return "PREP" in _likeliest_tags(word)


def _likeliest_tags(word: str) -> frozenset[str]:
    """The grammemes of the word's likeliest reading, Russian or Ukrainian; none if unknown."""
    found = readings(word, "ru") or readings(word, "uk")
    return found[0][1] if found else frozenset()


def ended_trial(words: Sequence[Token]) -> dict[int, str]:
    """The version words of a trial version said to end ("пробна версія скінчилась",
    "закончилась пробная версия") by position, each with the period word it is read as (the
    article's "пробний період"); a trial version installed or asked for is left as it is."""
    content = [i for i, t in enumerate(words) if not t.stop]
    ends = [n for n, i in enumerate(content) if words[i].lemma in ENDING_WORDS]
    found: dict[int, str] = {}
    for n, i in enumerate(content[:-1]):
        version = words[content[n + 1]]
        if (
            words[i].lemma in TRIAL_ADJECTIVES
            and version.lemma in TRIAL_PERIODS
            and any(
                abs(n - m) <= _REACH and not _other_subject(words, content, n + 1, m) for m in ends
            )
        ):
            found[content[n + 1]] = TRIAL_PERIODS[version.lemma]
    return found


def _licence(words: Sequence[Token], content: list[int], n: int) -> bool:
    """Whether the n-th content word is a licence, a subscription, a software trial or an
    English password."""
    token = words[content[n]]
    if token.lemma in LICENCE_WORDS or token.lemma in EXPIRING_SECRET_WORDS:
        return True
    near = [words[content[m]].word for m in (n - 1, n + 1) if 0 <= m < len(content)]
    return token.lemma in TRIAL_WORDS and any(w in TRIAL_KINDS for w in near)
