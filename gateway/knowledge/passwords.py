"""A new password the system refuses is the password's changing, not a locked account.

"new password keeps getting rejected, too short or something??", "new password gets
rejected for complexity", "changing it from the lock screen fails with a policy error": the
user is changing the password and the rules refuse the new one. The password article says
"change password"; rejecting, refusing and the rules' words (complexity, policy, too short)
are no word of it, and the account article's "wrong password" or "lock" were all that
matched. The refusal reads as the changing when the password is said new or being changed,
or a rule of passwords is named.
"""

from __future__ import annotations

from collections.abc import Sequence

from gateway.knowledge.morphology import Token
from gateway.knowledge.vocabulary import (
    FAILING_WORDS,
    PASSWORD_RULE_WORDS,
    PASSWORD_WORDS,
    REFUSAL_WORDS,
)

_NEW_WORDS = frozenset({"new", "changing", "change", "changed", "set", "setting", "reset"})


def new_password_refused(words: Sequence[Token]) -> tuple[frozenset[int], frozenset[int]]:
    """Positions of the words that refuse a new password (read as its changing) and of the
    rules' words that say why (no more than why): "new password gets rejected for complexity"
    -> ({rejected}, {complexity}); with a rule named, failing refuses too ("changing it fails
    with a policy error"). Empty when no password is named, or it is not said new, changed
    or measured by a rule."""
    if not any(t.word in PASSWORD_WORDS for t in words):
        return frozenset(), frozenset()
    rules = frozenset(i for i, t in enumerate(words) if t.word in PASSWORD_RULE_WORDS)
    refusing = REFUSAL_WORDS | (FAILING_WORDS if rules else frozenset())
    refusals = frozenset(i for i, t in enumerate(words) if t.word in refusing)
    if not refusals or (not rules and not any(t.word in _NEW_WORDS for t in words)):
        return frozenset(), frozenset()
    # "what's wrong with that": the user asks what the rules want, no wrong password typed
    asked = frozenset(
        i
        for i, t in enumerate(words)
        if t.word == "wrong" and not (i + 1 < len(words) and words[i + 1].word in PASSWORD_WORDS)
    )
    return refusals, rules | asked
