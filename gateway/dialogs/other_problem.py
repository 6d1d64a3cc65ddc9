"""A reply to "did it help?" that says the answer was about another problem: "нет, принтер
печатает, это сканер не сканирует в почту", "ні, справа не в мишці, клавіатура не друкує",
"no, wifi is not the problem, the wired desktop has no internet at all".

Only then is a second article right: a "no" that adds facts about the same problem gets the
person's questions. Said without what the problem is instead ("нет, у меня другое"), the
reply names no other problem.
"""

from __future__ import annotations

import re

from gateway.dialogs.answers import parse_yes_no
from gateway.triage.phrases import PhraseSet

# The answer's problem denied, in so many words.
NOT_THIS = PhraseSet([
    # "дело не в принтере", "проблема не с почтой", "речь не о вайфае", "это не про мышку"
    r"(дело|проблема|вопрос|речь|это) не (в|во|с|со|про|о|об) \w+",
    r"(справа|проблема|питання|мова|це) не (в|у|з|із|про|щодо) \w+",
    # "это не принтер, а сканер", "у мене не мишка, а клавіатура"; its first clause alone
    r"(это|у меня|речь|проблема|це|у мене|мова) не \w+,? (а|але)",
    r"^(это|у меня|речь|проблема|це|у мене|мова) не \w+$",
    r"(другая|другой|иная) (проблема|вопрос|беда)",
    r"я (не о том|не про то|про другое|о другом)",
    r"(інша|інше|інший) (проблема|питання|справа|біда)", r"я (не про те|про інше)",
    r"(тут )?ни при ч[её]м", r"(тут )?ні (до чого|при чому)",
    r"(это|все это|це|все це) не (то|те|та статья|та стаття)",
    # "wifi is not the problem", "it's not the printer", "that's not my issue"
    r"(is ?n'?t|is not|'s not|are ?n'?t|are not) the (problem|issue)",
    r"(it'?s|it is|that'?s|that is|this is) not (about |with )?(the|my|a|an|our) \w+",
    r"(another|a different|different) (problem|issue|thing)", r"something else",
    r"wrong (article|answer|topic|thing)", r"not what i (meant|asked|need\w*)",
    r"(the )?(problem|issue) is (with |in )?(the|my) \w+ not",
])  # fmt: skip

# A clause that says the answered thing works: "принтер печатает", "mouse works fine".
WORKS = PhraseSet([
    r"работает", r"печатает", r"в порядке", r"працює", r"друкує", r"в порядку",
    r"works( fine)?", r"is fine", r"prints", r"is working( fine)?", r"is ok",
])  # fmt: skip
_NEGATION = re.compile(r"(?<!\w)(не|ні|нет|not|no)(?!\w)|n't", re.IGNORECASE)
_CLAUSES = re.compile(r"[,;:.!?…]+\s*|\s+[-–—]\s+|\s+(?:а|но|але|but)\s+", re.IGNORECASE)
_JOINED = re.compile(r"^(?:а|але|но|but|and)\s+", re.IGNORECASE)  # "…, а сканер не сканирует"
WORKS_WORDS = 4  # "принтер печатает", "the mouse works fine": the thing and that it works
VERDICT_WORDS = 3  # "нет", "не помогло", "no luck"


def other_problem(text: str) -> str:
    """What a reply to "did it help?" says the problem is instead of the one answered, or ""
    when it does not say the answer was about another problem."""
    if text not in NOT_THIS and not any(_works(c) for c in _CLAUSES.split(text)):
        return ""
    rest = [c.strip() for c in _CLAUSES.split(text) if c and c.strip()]
    rest = [c for c in rest if c not in NOT_THIS and not _works(c) and not _verdict(c)]
    return _JOINED.sub("", ", ".join(rest))


def _works(clause: str) -> bool:
    words = clause.split()
    return 0 < len(words) <= WORKS_WORDS and clause in WORKS and not _NEGATION.search(clause)


def _verdict(clause: str) -> bool:
    """A clause that is only "no" or "it didn't help" said in some words."""
    return len(clause.split()) <= VERDICT_WORDS and parse_yes_no(clause) is not None
