"""Cues around a verb that say whether it is the user's done step, for the "tried" readers.

Shared by `tried` (attempt verbs and nouns) and `handled` (a done verb whose object is a
thing or a helper): a negation before it, a present "be" (a state), a request or a plan, "when
I …" (when it fails), and what makes a verb of using a retry ("заново", "от имени").
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

# English negations typed without the apostrophe ("isnt", "didnt", "doesnt"): many users
# write them so, and a verb after one is no more done than after "isn't".
BARE_NEGATIONS = (
    r"isnt|arent|wasnt|werent|dont|doesnt|didnt|cant|couldnt|wont|wouldnt|havent|hasnt|hadnt|"
    r"shouldnt"
)
# A negation just before the verb: "не перезагружал", "haven't restarted", "isnt picked up".
NEGATED = re.compile(rf"(?:\bне|\bні|\bnot|n't|\bnever|\b(?:{BARE_NEGATIONS}))\s*(?:\S+\s+)?$", _I)

# A present "be" in any spelling: "is", "it's", "isn't", "isnt" (a state said of the thing).
BE_NOW = r"(?:\b(?:is|are|am|isn't|aren't|isnt|arent)|'s|'re)"

# A participle after a present "be" or "get" says how things are, not what the user did.
IS_NOW = re.compile(
    rf"(?:{BE_NOW}|\b(?:gets|get|getting|becomes|seems))\s+"
    r"(?:(?:\w+ly|also|now|still|just|all|already|always)\s+)?$",
    _I,
)

# A request, a question or a plan before an English verb: "please restart", "I'll reinstall".
EN_NOT_DONE = re.compile(
    r"\b(?:please|pls|can you|could you|would you|(?:should|shall|can|could|may|do) (?:i|we)|"
    r"how (?:do|can|to)|"
    r"need to|needs to|want to|wants|going to|gonna|will|won't|'ll|able to|have to|must|"
    # a wish: "I'd like to try reinstalling the driver", "we would love to update it"
    r"(?:would|'d|’d) (?:like|love) to|"
    r"is it ok to|may i|without|before)\b[^.;!?]*$|\?\s*$|^(?:restart|reboot|reinstall|clear|"
    r"check|update)\b",
    _I,
)

# When it fails, not a step: "freezes every time we check a guest in".
WHEN_DOING = re.compile(
    r"\b(?:every time|each time|whenever|when|as soon as|once|if|while)(?:\s+(?:i|we|you|they|"
    r"someone|anyone|users?|people)(?:\s+(?:try to|try and|want to|go to))?)?\s+$",
    _I,
)

# Said with a verb of using, what makes it a retry: "запускаю от имени администратора",
# "захожу заново", "відкриваю через інший браузер", "запускаю — не помогает".
RETRIED = re.compile(
    r"(?<!\w)(?:заново|снова|знову|ещ[её] раз|ще раз|повторно|от имени|від імені|через друг\w+|"
    r"через інш\w+|с другого|з іншого|в другом|в іншому|в режиме|в режимі|не помога\w*|"
    r"не помог\w*|не допомага\w*|не допом[оі]г\w*|без толку|то же самое|те саме|те ж саме)(?!\w)"
)
