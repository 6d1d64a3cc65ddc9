"""The bait, and a password or a login given away on a page a mail or a link led to.

One owner for both readings: the dialog's phishing report (`credentials_given_away`, read by
dialogs/matching.py) and what the checklist does not count as a step against the fault
(`baited`, `called_fake`, `took_the_bait`, read by dialogs/extract/tried.py).

"I clicked the link and typed my Microsoft 365 password on the page", "нажала ссылку и ввела
логин и пароль от почты", "ввела пароль на сторінці, що відкрилась": what is broken is the
account's secret, now someone else's; the security group's, whatever the page looked like
(a parcel on hold, a password that expires, a payroll update). The matcher reads such a
message by its bait (the parcel, the expiry, the payroll) as often as by what was given.

Both are needed: the secret typed, entered or given, and a page that is fake or was reached
from a link. Not a password typed at the user's own login ("typed the password three times,
now the account is locked"), nor a new one set from a reset link ("clicked the link in the
reset mail and entered a new password").

The bait: a letter or a message that is called a fake or brings a link or an attachment, or
any page called a fake or reached from a link ("Пришло письмо якобы от банка, я перешла по
ссылке", "I think I typed my password into a fake Microsoft login page"). Taking it is a
link followed or clicked, an attachment or a file opened or run, a login or a password typed
on its page: how the incident happened, never a step against it.
"""

from __future__ import annotations

import re
from functools import cache

# A login, a password, the sign-in's details, or the data a page asked for
_SECRET = (
    r"(?:passwords?|passcodes?|credentials|log ?in details|sign-?in details|logins?|парол\w*|"
    r"логин\w*|логін\w*|(?:учётн|учетн|обліков)\w* (?:данн|дан)\w*|дан\w*)"
)
# typed, entered or given: "typed my Microsoft 365 password there", "ввела логин и пароль",
# "ввів там свій пароль", "put in my work login"
_ENTERED = (
    r"(?:typed|entered|put in|keyed in|filled in|gave(?: them| it| away)?|submitted|"
    r"ввел\w*|ввёл|вводил\w*|вписал\w*|указал\w*|набрал\w*|"
    r"ввів|вводив|вводила|вписав|вписала|вказав|вказала|набрав|набрала)"
)
# … the secret a few words or a short stretch of the clause after the verb
_GIVEN = (
    rf"(?<!\w){_ENTERED}(?!\w)(?:(?:\s+[\w'’+-]+){{0,5}}?\s+|[^.;!?\n]{{0,40}}?)"
    rf"(?<!\w){_SECRET}(?!\w)"
)
# … not a new one set from a reset link: "entered a new password", "ввела новый пароль"
_NEW_ONE = (
    r"(?<!\w)(?:new|новый|новая|новий|нова|новое|нове)\s+(?:[\w-]+\s+)?"
    r"(?:password|пароль|логин|логін)"
)
# A letter or a message
_LETTER = (
    r"(?<!\w)(?:письм\w*|лист(?:а|і|ом)?|email\w*|e-mail\w*|mail(?:s)?|message|сообщени\w*|"
    r"повідомлен\w*|смс|sms)(?!\w)"
)
# … called a fake: "a fake DHL page", "a phishing link", "фішинговий лист" (a page so called is
# a lure); or said to come from someone it does not: "письмо якобы от банка", "an address
# pretending to be a regular client"; or only doubted: "a suspicious email", "looked like"
_FAKE = (
    r"fake|phish\w*|bogus|spoof\w*|фейк\w*|поддельн\w*|підробн\w*|фальшив\w*|фишинг\w*|фішинг\w*"
)
_CLAIMED = r"якобы|будто|нібито|начебто|pretending|posing"
_DOUBTED = r"looked like|looks (?:like|off)|подозрит\w*|підозріл\w*|strange|suspicious"
_CALLED_FAKE = rf"(?<!\w)(?:{_FAKE}|{_CLAIMED}|{_DOUBTED})"
# what a letter brings: a link, an attachment, an archive
_BROUGHT = r"ссылк\w*|посиланн\w*|link|вложени\w*|вкладенн\w*|attachment|архив\w*|архів\w*"
_BAIT_SIGN = rf"(?<!\w)(?:{_FAKE}|{_CLAIMED}|{_DOUBTED}|{_BROUGHT})"
# … a link or an attachment from something called a fake or said to be from someone it is
# not, with no letter named: "clicked a link in a fake invoice", "opened an invoice attachment
# from an address pretending to be a regular client"
_FAKE_BROUGHT = rf"(?<!\w)(?:{_FAKE}|{_CLAIMED})(?!\w)", rf"(?<!\w)(?:{_BROUGHT})"
# a page that is fake, or one a link led to: "a fake DHL page", "clicked the link", "нажала
# ссылку", "перейшла за посиланням", "led me to a login page"
_CLICKED = (
    r"click\w*|follow\w*|open\w*|tapp\w*|press\w*|нажал\w*|нажа\w*|натисн\w*|перешл\w*|"
    r"перешел|перешёл|перейшл\w*|перейшов|открыл\w*|відкрил\w*|відкрив|клацн\w*|клікн\w*|"
    r"кликн\w*|тиснул\w*|ткнул\w*|тыкнул\w*"
)
# … said as done, what taking the bait needs ("clicked", "перешла", "відкрила"; not "when I
# open the link", "нажать")
_CLICKED_DONE = (
    r"clicked|followed|opened|tapped|pressed|перешл\w*|перешел|перешёл|перейшл\w*|перейшов|"
    r"нажал\w*|натиснул\w*|натиснув|клацнул\w*|клацнув|кликнул\w*|клікнул\w*|клікнув|"
    r"тыкнул\w*|ткнул\w*|тиснул\w*|открыл\w*|відкрил\w*|відкрив"
)
_LURED = (
    rf"(?<!\w)(?:{_FAKE})(?!\w)|"
    rf"(?<!\w)(?:{_CLICKED})(?:\s+[\w'’-]+){{0,3}}?\s+(?:links?|ссылк\w*|посиланн\w*)(?!\w)|"
    r"(?<!\w)(?:led|took|sent|redirected|brought)\s+(?:me\s+)?to\s+(?:a|an|the|some)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:page|site|website|form)(?!\w)"
)
# Taking the bait: a link followed or clicked, an attachment, a file or its macros opened or
# run, near what was taken; or a secret given (`_GIVEN`).
_FOLLOWED = (
    rf"(?<!\w)(?:{_CLICKED_DONE}|запустил\w*|запустив|ran|enabled|включил\w*|увімкнул\w*)"
    rf"(?!\w)[^.;!?\n]{{0,60}}?(?:{_BROUGHT}|файл\w*|file|exe|макрос\w*|macros?|content)(?!\w)"
)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """`pattern`, ignoring case, compiled on first use (a process may never read it)."""
    return re.compile(pattern, re.IGNORECASE)


def _secret_given(text: str) -> bool:
    """A secret typed, entered or given, not a new one set ("entered a new password")."""
    return any(
        not _compiled(_NEW_ONE).search(given.group()) for given in _compiled(_GIVEN).finditer(text)
    )


def credentials_given_away(text: str) -> bool:
    """Whether `text` tells of a password or a login typed on a page that is fake or that a
    link led to (see the module's note)."""
    return _secret_given(text) and bool(_compiled(_LURED).search(text))


def called_fake(text: str) -> bool:
    """Whether `text` calls a letter or a page a fake, or doubts it ("якобы от банка", "a
    fake login page", "a suspicious email")."""
    return bool(_compiled(_CALLED_FAKE).search(text))


def baited(text: str) -> bool:
    """Whether `text` tells of a bait: a letter called a fake or bringing a link or an
    attachment; a link or an attachment from something called a fake; or a secret given
    away (a link clicked, alone, is no bait: "clicked the link for another sign-in
    method")."""
    if _compiled(_LETTER).search(text) and _compiled(_BAIT_SIGN).search(text):
        return True
    fake, brought = (_compiled(p) for p in _FAKE_BROUGHT)
    return bool(fake.search(text) and brought.search(text)) or credentials_given_away(text)


def took_the_bait(clause: str) -> bool:
    """Whether `clause` tells of the bait taken: a link followed, an attachment or a file
    opened or run, a secret given ("перешла по ссылке и ввела пароль", "opened the
    attachment and enabled content")."""
    return bool(_compiled(_FOLLOWED).search(clause)) or _secret_given(clause)
