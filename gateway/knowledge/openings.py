"""A program that dies as it opens, said in English: it did not start.

"Teams crashes on startup", "program shuts the moment I open it", "closes itself right after
the logo shows up", "the timesheet app opens briefly and then disappears": the crash is the
opening's, so the program won't start (topics.yaml: one that closes at start is
app_wont_start; one that dies while working is app_crash). The Russian and Ukrainian readings
are `clauses.crashed_at_start`'s. What is opened after the program is up says a crash while
working: "crashes the moment I open an attachment", "closes as soon as I open the big price
list", and so does a time of work ("halfway through", "mid-call", "while I'm typing").
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from gateway.knowledge.morphology import Token
from gateway.knowledge.vocabulary import (
    BRIEF_WORDS_ENGLISH,
    DETERMINER_WORDS_ENGLISH,
    DYING_VERBS_ENGLISH,
    FLASH_WORDS_ENGLISH,
    INSTANT_WORDS_ENGLISH,
    ITSELF_WORDS_ENGLISH,
    OPENING_NOUNS_ENGLISH,
    OPENING_PREPOSITIONS_ENGLISH,
    OPENING_SIGHTS_ENGLISH,
    OPENING_VERBS_ENGLISH,
    RIGHT_AFTER_WORDS_ENGLISH,
    WORKING_TIME_ENGLISH,
)

# How far after "the moment", "as soon", "right after" the verb of opening may come: "the
# moment I open it", "as soon as I launch it", "right after I double click it".
_VERB_REACH = 4


def died_opening(words: Sequence[Token], programs: Container[str] = frozenset()) -> frozenset[int]:
    """Positions of the English words of dying ("crashes", "closes", "vanishes") in a
    message that says the program died as it opened; empty when it died at work or nothing
    says the opening. `programs` holds the lemmas that name a program ("the moment I launch
    Excel" is its opening)."""
    dying = [i for i, t in enumerate(words) if t.lemma in DYING_VERBS_ENGLISH]
    if not dying or not WORKING_TIME_ENGLISH.isdisjoint(t.word for t in words):
        return frozenset()
    if _flashed(words, dying[0]) or any(_opening_at(words, i, programs) for i in range(len(words))):
        return frozenset(dying)
    return frozenset()


def _opening_at(words: Sequence[Token], index: int, programs: Container[str]) -> bool:
    """Whether the words from `index` say the opening: "on startup", "the moment I open
    it", "as soon as I launch it", "right after I start it", "right after the logo"."""
    word = words[index].word
    after = words[index + 1].word if index + 1 < len(words) else ""
    if word in OPENING_PREPOSITIONS_ENGLISH and after in OPENING_NOUNS_ENGLISH:
        # "on opening" and "on launching" take what is opened: "crashes on opening any
        # central model" dies at work.
        return not after.endswith("ing") or _itself(words[index + 2 :], programs)
    right_after = (
        word == "after" and index > 0 and words[index - 1].word in RIGHT_AFTER_WORDS_ENGLISH
    )
    if word in INSTANT_WORDS_ENGLISH or right_after:
        for at in range(index + 1, min(index + 1 + _VERB_REACH, len(words))):
            if right_after and words[at].word in OPENING_SIGHTS_ENGLISH:
                return True
            if words[at].lemma in OPENING_VERBS_ENGLISH:
                return _itself(words[at + 1 :], programs)
    return False


def _itself(rest: Sequence[Token], programs: Container[str]) -> bool:
    """Whether what follows a verb of opening is nothing or the program itself ("open it",
    "launch Revit", "start the app"), not a thing opened in it ("open an attachment")."""
    named = [t for t in rest if t.word not in DETERMINER_WORDS_ENGLISH]
    if not named:
        return True
    token = named[0]
    # ("crashes on opening and …", "the moment I open it": nothing else opened)
    return token.stop or token.word in ITSELF_WORDS_ENGLISH or token.name or token.lemma in programs


def _flashed(words: Sequence[Token], first: int) -> bool:
    """Whether it showed for a moment before it died: "flashes a window and closes",
    "opens briefly and then disappears", "opens for a second then closes"."""
    before = words[:first]
    if not FLASH_WORDS_ENGLISH.isdisjoint(t.word for t in before):
        return True
    opened = [i for i, t in enumerate(before) if t.lemma in OPENING_VERBS_ENGLISH]
    return bool(opened) and not BRIEF_WORDS_ENGLISH.isdisjoint(t.word for t in before[opened[-1] :])
