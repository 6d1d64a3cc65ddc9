"""Passwords users write into a chat, found and hidden before the message is kept.

A password sent in a chat is no longer a secret: it would sit in the transcript operators
read, in the console's search, in a ticket's first message (and so in a sample question
of the FAQ), in the inbound stream and in the logs' samples. It is hidden at intake, in
every channel, before the message is stored; the bot then tells the user it was hidden
and that they should change it (`/reset`).

Found only where the writer says it is one, so that error codes, model numbers and
ticket numbers are left alone:
- a password word and a colon or equals sign, a few words at most between them
  ("пароль: Qwerty123", "пароль от почты = zima2024", "password for VPN: hunter22");
- a password word and, at once or after "is" / "это" / "це" / a dash, something only a
  password looks like: no spaces, 6 to 64 characters, letters with digits or symbols, or
  digits only ("мой пароль Qwerty123", "my password is S3cret!x", "пароль - 482910").
"""

from __future__ import annotations

import re

HIDDEN = "••••••"
PASSWORD_HIDDEN = "password_hidden"  # an inbound message's meta: how many were hidden
# The word as it names the password itself ("ошибка смены пароля 0x80070005" names an
# error: the other cases of the noun are left out).
WORD = r"(?:пароль|passwords?|passwd|pwd|passcode|pass|пасворд)"
# A password after a colon or an equals sign: any run without spaces, 3 to 64 long.
SAID = re.compile(
    rf"(?<![\w@./]){WORD}(?P<between>(?:[ \t]+[^\s:=]{{1,20}}){{0,3}})[ \t]*[:=][ \t]*"
    r"(?P<secret>[^\s]{3,64})",
    re.IGNORECASE,
)
# A password named by its word: only what looks like one.
NAMED = re.compile(
    rf"(?<![\w@./]){WORD}[ \t]+(?:(?:is|это|це|—|–|-)[ \t]+)?(?P<secret>[^\s]{{6,64}})",
    re.IGNORECASE,
)
TRAILING = ".,;:)»\"'"
URL_OR_MAIL = re.compile(r"^(?:https?://|www\.)|@|^[a-z]:\\|/", re.IGNORECASE)
# Codes a screen shows (0x80070005, 8007000D, ERR-1234, KB5034441), never a password.
ERROR_CODE = re.compile(r"^(?:0[xX][0-9A-Fa-f]+|[0-9A-F]{8}|[A-Z]{1,5}[-_]?\d{1,8})$")


def hide_passwords(text: str) -> tuple[str, int]:
    """`text` with each password the writer gives replaced by `HIDDEN`, and how many."""
    spans: list[tuple[int, int]] = []
    for match in SAID.finditer(text):
        secret = match.group("secret").rstrip(TRAILING)
        end = match.start("secret") + len(secret)
        # A word that the sentence goes on after ("неверный пароль: Error 0x1") is
        # screen text; a password ends its clause, or looks like one.
        ends_clause = not text[end:].strip() or text[end:].lstrip(" \t")[:1] in ",.;!?\n"
        if (
            secret
            and not URL_OR_MAIL.search(secret)
            and (ends_clause or _looks_like_a_password(secret, shortest=4))
        ):
            spans.append((match.start("secret"), end))
    for match in NAMED.finditer(text):
        secret = match.group("secret").rstrip(TRAILING)
        start = match.start("secret")
        if _looks_like_a_password(secret) and not any(a <= start < b for a, b in spans):
            spans.append((start, start + len(secret)))
    if not spans:
        return text, 0
    out, last = [], 0
    for start, end in sorted(spans):
        if start < last:
            continue
        out.append(text[last:start])
        out.append(HIDDEN)
        last = end
    out.append(text[last:])
    return "".join(out), len(out) // 2


def _looks_like_a_password(token: str, shortest: int = 6) -> bool:
    """6 to 64 characters that no word is: letters with digits or symbols, or digits only."""
    if not shortest <= len(token) <= 64 or URL_OR_MAIL.search(token) or ERROR_CODE.match(token):
        return False
    letters = sum(c.isalpha() for c in token)
    digits = sum(c.isdigit() for c in token)
    symbols = len(token) - letters - digits
    if digits == len(token):
        return True
    return letters > 0 and (digits > 0 or symbols > 0) and not token.isupper()
