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
  digits only ("мой пароль Qwerty123", "my password is S3cret!x", "пароль - 482910");
- a password word and a colon ending its line, and on the next line (or the one after a
  blank) alone something only a password looks like ("Пароль:\nQwerty123", a mail's
  "<p>Password:</p><p>S3cret!x</p>").
"""

from __future__ import annotations

import dataclasses
import re

from gateway.models import InboundMessage

HIDDEN = "••••••"
PASSWORD_HIDDEN = "password_hidden"  # an inbound message's meta: how many were hidden
# The word as it names the password itself ("ошибка смены пароля 0x80070005" names an
# error: the other cases of the noun are left out).
WORD = r"(?:пароль|passwords?|passwd|pwd|passcode|pass|пасворд)"
# A password after a colon or an equals sign: any run without spaces, 3 to 64 long.
SAID = re.compile(
    rf"{WORD}(?:[ \t]+[^\s:=]{{1,20}}){{0,3}}[ \t]*[:=][ \t]*(?P<secret>[^\s]{{3,64}})",
    re.IGNORECASE,
)
# A password alone on the line after "пароль:" (only what looks like one).
SAID_BELOW = re.compile(
    rf"{WORD}(?:[ \t]+[^\s:=]{{1,20}}){{0,3}}[ \t]*[:=](?:[ \t]*\r?\n){{1,2}}[ \t]*"
    r"(?P<secret>[^\s]{6,64})[ \t]*(?:\r?\n|$)",
    re.IGNORECASE,
)
# A password named by its word: only what looks like one.
NAMED = re.compile(
    rf"{WORD}[ \t]+(?:(?:is|это|це|—|–|-)[ \t]+)?(?P<secret>[^\s]{{6,64}})", re.IGNORECASE
)
WORD_AT = re.compile(WORD, re.IGNORECASE)
STEMS = ("пароль", "pass", "pwd", "пасворд")  # every WORD starts with one of these
WINDOW = 200  # what SAID or NAMED can span from the word on
MOST_WORDS = 200  # the password words read in one text (a flood of them costs no more)
TRAILING = ".,;:)»\"'"
URL_OR_MAIL = re.compile(r"^(?:https?://|www\.)|@|^[a-z]:\\|/", re.IGNORECASE)
# Codes a screen shows (0x80070005, 8007000D, ERR-1234, KB5034441), never a password.
ERROR_CODE = re.compile(r"^(?:0[xX][0-9A-Fa-f]+|[0-9A-F]{8}|[A-Z]{1,5}[-_]?\d{1,8})$")


def hide_passwords(text: str) -> tuple[str, int]:
    """`text` with each password the writer gives replaced by `HIDDEN`, and how many."""
    return _hidden(text, password_spans(text))


def _hidden(text: str, spans: list[tuple[int, int]]) -> tuple[str, int]:
    if not spans:
        return text, 0
    out, last = [], 0
    for start, end in spans:
        out.append(text[last:start])
        out.append(HIDDEN)
        last = end
    out.append(text[last:])
    return "".join(out), len(spans)


def password_spans(text: str) -> list[tuple[int, int]]:
    """Where the passwords the writer gives are in `text`, in order.

    Linear in the text: each of the first `MOST_WORDS` password words is read with the
    `WINDOW` characters after it (a mail body can be megabytes of anything)."""
    spans: list[tuple[int, int]] = []
    for at in _word_starts(text):
        if spans and at < spans[-1][1]:
            continue
        if at and (text[at - 1].isalnum() or text[at - 1] in "_@./"):
            continue  # inside a word, an address or a path
        window = text[at : at + WINDOW]
        found = [
            span
            for span in (
                _said(window),
                _after_the_word(NAMED, window),
                _after_the_word(SAID_BELOW, window),
            )
            if span is not None
        ]
        if found:  # the nearer one ("пароль Qwerty1, а для VPN: X": Qwerty1 first)
            start, end = min(found)
            spans.append((at + start, at + end))
    return spans


def _word_starts(text: str) -> list[int]:
    """Where the first `MOST_WORDS` password words start: found with `str.find` on the
    lower-cased text (a regex with IGNORECASE reads megabytes ten times slower)."""
    # "İ" is the one letter whose lower case is two: kept in place, positions hold.
    low = text.replace("\u0130", "i").lower()
    starts: list[int] = []
    for stem in STEMS:
        at = low.find(stem)
        while at >= 0 and len(starts) < 4 * MOST_WORDS:
            starts.append(at)
            at = low.find(stem, at + 1)
    return sorted(at for at in set(starts) if WORD_AT.match(text, at))[:MOST_WORDS]


def _said(window: str) -> tuple[int, int] | None:
    """The secret's span in "пароль …: X" at the window's start, if it is one."""
    match = SAID.match(window)
    if match is None:
        return None
    secret = match.group("secret").rstrip(TRAILING)
    start = match.start("secret")
    end = start + len(secret)
    # A word that the sentence goes on after ("неверный пароль: Error 0x1") is screen
    # text; a password ends its clause (or the window), or looks like one.
    after = window[end:].lstrip(" \t")
    ends_clause = not after or after[0] in ",.;!?\r\n"
    if not secret or URL_OR_MAIL.search(secret):
        return None
    return (start, end) if ends_clause or _looks_like_a_password(secret, shortest=4) else None


def _after_the_word(pattern: re.Pattern[str], window: str) -> tuple[int, int] | None:
    """The secret's span where `pattern` (NAMED: "пароль X", SAID_BELOW: "пароль:\nX")
    matches at the window's start, if the secret looks like a password."""
    match = pattern.match(window)
    if match is None:
        return None
    secret = match.group("secret").rstrip(TRAILING)
    start = match.start("secret")
    return (start, start + len(secret)) if _looks_like_a_password(secret) else None


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


def hide_in_file_name(name: str) -> tuple[str, int]:
    """A file's name with the passwords it gives hidden ("пароль Qwerty123.txt",
    "password= S3cret!x.png", "пароль_Zima2025.png"), its ending kept; and how many.

    A name's words are often joined by underscores: when the name as written gives none,
    it is read with the underscores up to a point as spaces and the rest kept, so that a
    password with underscores of its own is found whole when it looks like one
    ("пароль_Zima_2025", "password_S3cret_x"); else with each underscore a space
    ("пароль_Zima2025"; "password_reset_guide", "password_reset_2024" give none)."""
    stem, dot, ending = name.rpartition(".")
    if not dot or not stem or len(ending) > 5 or not ending.isalnum():
        stem, dot, ending = name, "", ""
    spans = password_spans(stem) or _underscored_spans(stem)
    hidden_stem, count = _hidden(stem, spans)
    return (hidden_stem + dot + ending, count) if count else (name, 0)


# What follows the password word in a document's name about passwords, not a password:
# "Password_Reset_2024.pdf", "пароль_смена_2024.docx" (an underscore-joined value is taken
# only when it looks like a password, and these are read as the title they are).
TOPIC_WORDS = frozenset(
    (
        "reset", "change", "changes", "recovery", "policy", "policies", "guide", "expired",
        "expiry", "expiration", "manager", "requirements", "rules", "instruction",
        "instructions", "help", "is",
        "сброс", "смена", "восстановление", "политика", "инструкция", "правила", "это",
        "скидання", "зміна", "відновлення", "політика", "інструкція", "це",
    )
)  # fmt: skip


def _underscored_spans(stem: str) -> list[tuple[int, int]]:
    """Passwords in a name whose words are joined by underscores. Read with each underscore
    a space; a password found so that goes on with an underscore is taken whole when the
    whole looks like one ("password_S3cret_x"). Found none, the words up to each underscore
    are read as spaced and the rest as one value, taken when it has an underscore, looks
    like a password and is not a title ("пароль_Zima_2025"; not "Password_Reset_2024").
    A space for an underscore keeps every position: the spans are the stem's."""
    spaced = stem.replace("_", " ")
    spans = password_spans(spaced)
    if spans:
        return [_whole(stem, spaced, a, b) for a, b in spans]
    parts = stem.split("_")
    for cut in range(1, len(parts)):
        if parts[cut].lower() in TOPIC_WORDS:
            continue
        reading = " ".join(parts[:cut]) + " " + "_".join(parts[cut:])
        at = len(reading) - len("_".join(parts[cut:]))
        found = [(a, b) for a, b in password_spans(reading) if a == at]
        if found and _joined_password(reading[found[0][0] : found[0][1]]):
            return found
    return []


def _whole(stem: str, spaced: str, start: int, end: int) -> tuple[int, int]:
    """The password at `start` of the spaced reading, with what its underscores join on."""
    if end >= len(stem) or stem[end] != "_":
        return start, end
    reading = spaced[:start] + stem[start:]
    for a, b in password_spans(reading):
        if a == start and b > end and _joined_password(reading[a:b]):
            return a, b
    return start, end


def _joined_password(value: str) -> bool:
    """An underscore-joined value that only a password looks like: three of lower case,
    capitals, digits and other signs."""
    kinds = (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum() and c != "_")
    return "_" in value and sum(any(kind(c) for c in value) for kind in kinds) >= 3


def hidden_in_message(message: InboundMessage) -> InboundMessage:
    """The message with the passwords in its text and its files' names hidden, and its
    meta's `PASSWORD_HIDDEN` counting them (with any its channel hid before: a web-chat
    file's name is hidden before the file is kept)."""
    text, count = hide_passwords(message.text)
    attachments = []
    for attachment in message.attachments:
        name, in_name = hide_in_file_name(attachment.name)
        count += in_name
        attachments.append(dataclasses.replace(attachment, name=name) if in_name else attachment)
    if not count:
        return message
    before = str(message.meta.get(PASSWORD_HIDDEN, "0"))
    total = count + (int(before) if before.isdigit() else 0)
    return dataclasses.replace(
        message,
        text=text,
        attachments=tuple(attachments),
        meta={**message.meta, PASSWORD_HIDDEN: str(total)},
    )
