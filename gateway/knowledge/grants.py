"""What a request for access asks to be let into.

"need read access to the Flights folder on the S drive", "can u give me jira access", "pls
add me to the projects calendar", "who do I ask to get into the stock system", "нужен
доступ к папке отдела на диске S": the folder, drive, system or calendar named is what the
user wants opened to them, not a thing that fails. Named so, it stands for the access asked
for (the ranker reads it as the access request's word too), and an application named so is
no program to install ("need Jira permissions" is no request for Jira itself). A message
that says something fails or was lost ("access denied", "can't get into the S drive
anymore", "lost access", "нет доступа") asks for nothing new: the drive is what fails.
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from gateway.knowledge.morphology import Token
from gateway.knowledge.vocabulary import (
    ACCESS_KINDS,
    ACCESS_NOUNS,
    ADD_WORDS,
    ADMIN_WORDS,
    ASKED_FOR_WORDS,
    ASKING_ACCESS_WORDS,
    ENTRY_VERBS,
    ENTRY_WORDS,
    GRANT_FAILURE_WORDS,
    GRANT_PREPOSITIONS,
    NEGATION_WORDS,
    NOT_YET_WORDS,
    PLEASE_WORDS,
    PURPOSE_END_WORDS,
    SELF_OBJECT_WORDS,
    STOPPED_WORDS,
)

# Words a request's object runs through at most (a folder's name, its drive, the server).
_OBJECT_REACH = 8
# An asking word this close before the access noun opens what is asked for: "need jira access".
_BEFORE_REACH = 3


def granted(
    words: Sequence[Token], spans: Sequence[range], installing: Container[str]
) -> frozenset[int]:
    """Positions of the content words naming what a request for access asks to be let
    into, and of the access asked for ("access", "permissions"), in the clause that asks
    (`spans`: the clauses' positions, empty for one clause); none when the message says
    something fails, or asks for admin rights or for a program to be installed
    (`installing`: the lemmas of installing)."""
    said = {t.word for t in words} | {t.lemma for t in words}
    if not said.isdisjoint(NEGATION_WORDS | STOPPED_WORDS | GRANT_FAILURE_WORDS):
        return frozenset()
    found: set[int] = set()
    for span in _joined_over_please(words, spans) or [range(len(words))]:
        clause = [(i, words[i]) for i in span]
        if any(t.word in ADMIN_WORDS for _, t in clause):
            continue
        opened = _opening(clause)
        if opened is None:
            continue
        before, after = opened
        named = before + _object(clause, after)
        if any(words[i].lemma in installing for i in named):
            continue  # "permission to install Blender": a program asked for
        found.update(named)
    return frozenset(found)


def _joined_over_please(words: Sequence[Token], spans: Sequence[range]) -> list[range]:
    """The clauses with one that only asks nicely joined to those on both sides of it:
    "додайте мене, будь ласка, до календаря" is one request."""
    joined: list[range] = []
    glue = False
    for span in spans:
        nicely = all(words[i].word in PLEASE_WORDS for i in span)
        if joined and (nicely or glue):
            joined[-1] = range(joined[-1].start, span.stop)
        else:
            joined.append(span)
        glue = nicely
    return joined


def _opening(clause: list[tuple[int, Token]]) -> tuple[list[int], int] | None:
    """Where the clause asks for access: the access noun and the content words said before
    it (back to the asking word, "need jira access"), and the place in `clause` its object
    begins at; None when it asks for none."""
    for k, (_, token) in enumerate(clause):
        if token.word in ACCESS_NOUNS and not token.quoted and _asked(clause, k):
            before = [clause[k][0]]
            for j in range(k - 1, max(k - 1 - _BEFORE_REACH, -1), -1):
                at, word = clause[j]
                if word.word in ASKED_FOR_WORDS or word.word in ADD_WORDS:
                    break
                if not word.stop:
                    before.append(at)
            return before, k + 1
        if token.word in ADD_WORDS and _added(clause, k):
            return [clause[k][0]], k + 1  # "add me to": the access asked for
        if token.word in ENTRY_WORDS and _entered(clause, k):
            return [], k + 1  # "get into the stock system", "let me into the share"
    return None


def _asked(clause: list[tuple[int, Token]], k: int) -> bool:
    """The access noun at `k` is asked for: a word of asking before it in the clause
    ("need …", "can I get …", "дайте …") or the kind of access right before it ("read
    access to", "edit rights on"); not an error's words ("EXCEPTION_ACCESS_VIOLATION")."""
    if k and clause[k - 1][1].word in ACCESS_KINDS:
        return True
    return any(t.word in ASKED_FOR_WORDS for _, t in clause[:k])


def _added(clause: list[tuple[int, Token]], k: int) -> bool:
    """Someone added to something ("add me to", "add us in", "get added to", "добавьте
    меня в"), asked nicely on the way ("добавьте меня, пожалуйста, в общий ящик", "додайте
    мене, будь ласка, до календаря"), not a thing added ("add my mail to my phone")."""
    ahead = [t.word for _, t in clause[k + 1 :] if t.word not in PLEASE_WORDS][:2]
    if ahead and ahead[0] in SELF_OBJECT_WORDS:
        ahead = ahead[1:]
    return bool(ahead) and ahead[0] in GRANT_PREPOSITIONS


def _entered(clause: list[tuple[int, Token]], k: int) -> bool:
    """The way in asked for ("get into", "let me into"; the word before, past "me")."""
    before = [t.word for _, t in clause[max(k - 2, 0) : k]]
    if before and before[-1] in SELF_OBJECT_WORDS:
        before = before[:-1]
    return bool(before) and before[-1] in ENTRY_VERBS


def _object(clause: list[tuple[int, Token]], start: int) -> list[int]:
    """The content words after the access asked for, up to what it is for ("for the new
    pilot", "для отчётов") or the clause's end."""
    found: list[int] = []
    for at, token in clause[start : start + _OBJECT_REACH]:
        if token.word in PURPOSE_END_WORDS:
            break
        if not token.stop and token.word not in SELF_OBJECT_WORDS:
            found.append(at)
    return found


def access_refused(words: Sequence[Token], spans: Sequence[range]) -> frozenset[int]:
    """Positions of the English access nouns in a clause that says access fails, in a
    message that asks for none: "no access to the team share", "Getting 'Access is
    denied'", "lost access to the S drive" (not "no access to Jira yet, please give me
    some", "I never had access to it"). Russian and Ukrainian deny a grant with the same
    "не" ("доступ мне никто не оформлял"): their failures are the articles' own phrases
    ("нет доступа", "немає доступу")."""
    if any(t.word in ASKING_ACCESS_WORDS or t.word in NOT_YET_WORDS for t in words):
        return frozenset()
    found: set[int] = set()
    for span in spans or [range(len(words))]:
        said = {words[i].word for i in span} | {words[i].lemma for i in span}
        if not said.isdisjoint(NEGATION_WORDS | STOPPED_WORDS | GRANT_FAILURE_WORDS):
            found.update(
                i for i in span if words[i].word in ACCESS_NOUNS and words[i].word.isascii()
            )
    return frozenset(found)
