"""A password or a login given away on a page a mail or a link led to: a phishing report.

"I clicked the link and typed my Microsoft 365 password on the page", "нажала ссылку и ввела
логин и пароль от почты", "ввела пароль на сторінці, що відкрилась": what is broken is the
account's secret, now someone else's; the security group's, whatever the page looked like
(a parcel on hold, a password that expires, a payroll update). The matcher reads such a
message by its bait (the parcel, the expiry, the payroll) as often as by what was given.

Both are needed: the secret typed, entered or given, and a page that is fake or was reached
from a link. Not a password typed at the user's own login ("typed the password three times,
now the account is locked"), nor a new one set from a reset link ("clicked the link in the
reset mail and entered a new password").
"""

from __future__ import annotations

import re

_SECRET = (
    r"(?:passwords?|passcodes?|credentials|log ?in details|sign-?in details|парол\w*|"
    r"логин\w*|логін\w*|(?:учётн|учетн|обліков)\w* (?:данн|дан)\w*)"
)
# typed, entered or given: "typed my Microsoft 365 password there", "ввела логин и пароль",
# "ввів там свій пароль", "put in my work login"
_GIVEN = re.compile(
    r"(?<!\w)(?:typed|entered|put in|keyed in|filled in|gave (?:them|it|away)?|submitted|"
    r"ввел|ввёл|ввела|ввели|вводил\w*|вписал\w*|указал\w*|набрал\w*|"
    r"ввів|вводив|вводила|вписав|вписала|вказав|вказала|набрав|набрала)"
    rf"(?:\s+[\w'’+-]+){{0,5}}?\s+{_SECRET}(?!\w)",
    re.IGNORECASE,
)
# … not a new one set from a reset link: "entered a new password", "ввела новый пароль"
_NEW_ONE = re.compile(
    r"(?<!\w)(?:new|новый|новая|новий|нова|новое|нове)\s+(?:[\w-]+\s+)?"
    r"(?:password|пароль|логин|логін)",
    re.IGNORECASE,
)
# a page that is fake, or one a link led to: "a fake DHL page", "clicked the link", "нажала
# ссылку", "перейшла за посиланням", "led me to a login page"
_LURED = re.compile(
    r"(?<!\w)(?:fake|phish\w*|bogus|spoof\w*|фейк\w*|поддельн\w*|підробн\w*|фальшив\w*|"
    r"фишинг\w*|фішинг\w*)(?!\w)|"
    r"(?<!\w)(?:click\w*|follow\w*|open\w*|tapp\w*|press\w*|нажал\w*|нажа\w*|натисн\w*|"
    r"перешл\w*|перешел|перешёл|перейшл\w*|перейшов|открыл\w*|відкрил\w*|відкрив|клацн\w*|"
    r"клікн\w*|тиснул\w*|ткнул\w*)(?:\s+[\w'’-]+){0,3}?\s+(?:links?|ссылк\w*|посиланн\w*)(?!\w)|"
    r"(?<!\w)(?:led|took|sent|redirected|brought)\s+(?:me\s+)?to\s+(?:a|an|the|some)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:page|site|website|form)(?!\w)",
    re.IGNORECASE,
)


def credentials_given_away(text: str) -> bool:
    """Whether `text` tells of a password or a login typed on a page that is fake or that a
    link led to (see the module's note)."""
    given = _GIVEN.search(text)
    if given is None or _NEW_ONE.search(given.group()):
        return False
    return bool(_LURED.search(text))
