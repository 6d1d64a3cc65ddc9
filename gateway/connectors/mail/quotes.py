"""Separating what the sender wrote now from quoted history and the signature.

Recognised, in Russian, Ukrainian and English mailers:
- Outlook: a "From:/От:/Від:" header block (with Sent/Date/To/Subject lines), an
  "-----Original Message-----" line or the underscore separator it puts before them;
- Gmail, Thunderbird, Apple Mail: an attribution line ("On ... wrote:", "... написал:",
  "... пише:", Gmail's "пн, 1 дек. 2026 г. в 10:00, Имя <a@b>:") followed by "> " lines;
- forwards ("Forwarded message", "Пересылаемое сообщение", "Begin forwarded message:"),
  whose content is the request itself and so stays in the text;
- signatures: the "-- " delimiter, "Sent from my iPhone" lines, and a closing
  ("С уважением,", "З повагою,", "Best regards,") followed by a few short lines and maybe
  the company's legal notice ("This e-mail is confidential… received it in error…"); what
  the writer adds under the name ("Regards, John" then "Also my VPN is down", "P.S. …") is
  said again, not signature.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_I = re.IGNORECASE
ORIGINAL_LINE = re.compile(
    r"^\s*-{2,}\s*(original message|исходное сообщение|оригинальное сообщение|"
    r"оригінальне повідомлення|вихідне повідомлення|початкове повідомлення)\s*-{2,}\s*$",
    _I,
)
FORWARD_LINE = re.compile(
    r"^\s*(-{2,}\s*(forwarded message|пересылаемое сообщение|перенаправленное сообщение|"
    r"переслане повідомлення|пересланий лист|пересланное сообщение)\s*-{2,}|"
    r"begin forwarded message:|начало переадресованного сообщения:|"
    r"початок пересланого повідомлення:)\s*$",
    _I,
)
SEPARATOR_LINE = re.compile(r"^\s*_{10,}\s*$")
HEADER_FROM = re.compile(r"^\s*\*?(from|от|від|von|de)\s*:\*?\s*\S", _I)
HEADER_OTHER = re.compile(
    r"^\s*\*?(sent|date|to|cc|subject|отправлено|дата|кому|копия|тема|надіслано|"
    r"відправлено|копія)\s*:",
    _I,
)
ATTRIBUTION = re.compile(
    r"(\bwrote|написал\(а\)|написала|написал|пишет|пише|писав\(ла\)|написав\(ла\)|"
    r"написав\(-?ла\)|написав|написала|писала|писав)\s*:\s*$"
    r"|^\d{1,2}\.\d{1,2}\.\d{2,4},?\s.*:\s*$"
    r"|\d{4}\s*(г\.|р\.)\s*(в|о)\s*\d{1,2}:\d{2}.*:\s*$",
    _I,
)
SIGNATURE_DELIMITER = re.compile(r"^-- ?$")
MOBILE_SIGNATURE = re.compile(
    r"^\s*(sent from my \w+|sent from (mail|outlook) for \w+|get outlook for \w+|"
    r"отправлено (с|из) .{2,40}|надіслано (з|із) .{2,40}|"
    r"sent from yandex.*|отправлено из мобильной .*)\s*$",
    _I,
)
CLOSING = re.compile(
    r"^\s*(с уважением|с наилучшими пожеланиями|всего доброго|з повагою|з найкращими "
    r"побажаннями|best regards|kind regards|regards|best wishes|cheers|br|"
    r"thanks and regards|с уважением и благодарностью|thanks|thank you|many thanks|"
    r"спасибо|заранее спасибо|дякую|заздалегідь дякую)\s*[,.!]?\s*$",
    _I,
)
# What a company's legal notice under every letter says, one kind a pattern: the letter is
# confidential; it is meant for its addressee; received in error; using it is prohibited;
# delete it, tell the sender. Two kinds in one paragraph after a closing make it the notice:
# its words ("virus", "immediately", "error", "delete") would read as an incident's.
NOTICE_KINDS = tuple(
    re.compile(pattern, _I)
    for pattern in (
        r"confidential|privileged|конфиденциальн|конфіденційн",
        r"intended (solely |only |exclusively )?for|addressee|адресат|предназначен|призначен",
        r"in error|by mistake|по ошибке|ошибочно|помилково|через помилку",
        r"prohibited|unauthori[sz]ed|запрещ|заборон|несанкционирован|без дозволу",
        r"delete|destroy|notify the sender|удалите|уничтожьте|сообщите отправителю|"
        r"уведомите отправителя|видаліть|знищіть|повідомте відправника",
    )
)
NOTICE_MIN_KINDS = 2
# … and it speaks of "this e-mail", "the sender", "you": a paragraph where the writer says
# "I" is their own ("P.S. Я по ошибке отправил конфиденциальный файл не тому адресату")
FIRST_PERSON = re.compile(
    r"(?<!\w)(i|i'm|i've|i'd|me|my|я|мне|меня|мой|моя|моё|мою|мені|мене|мій|моє)(?!\w)", _I
)
# What the writer adds under their name: "P.S. …", "Also my VPN is down", "Кстати, …", "Ще
# одне: …", or a sentence of their own ("My VPN is down too."): no part of the signature.
POSTSCRIPT = re.compile(
    r"^\s*(p\.?\s?s\b|п\.?\s?с\b|also\b|and also\b|btw\b|by the way\b|one more thing\b|"
    r"oh,? and\b|plus\b|ещ[её]\b|а ещ[её]\b|и ещ[её]\b|кстати\b|также\b|забыл\w*|"
    r"ще\b|і ще\b|а ще\b|також\b|до речі\b|забув\w*)",
    _I,
)
# A sentence of one's own: "I", "my", "у меня" with four words or more, and nothing of a
# card (a number, an address, a link, a label with a colon)
CARD_LINE = re.compile(r"\d|@|https?:|www\.|:")
OWN_SENTENCE_WORDS = 4
SIGNATURE_MAX_LINES = 7
SIGNATURE_LINE_CHARS = 72
LOOKAHEAD = 7


@dataclass(frozen=True)
class ReplySplit:
    """The new words, the quoted history, the signature, and whether it was a forward."""

    text: str
    quoted: str
    signature: str
    forwarded: bool


def split_reply(body: str) -> ReplySplit:
    """Split a plain-text body (HTML already turned into text) into its parts."""
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cut, forwarded = _history_start(lines)
    head, history = lines[:cut], lines[cut:]
    own = [line for line in head if not line.lstrip().startswith(">")]
    inline_quotes = [line for line in head if line.lstrip().startswith(">")]
    own, signature = _split_signature(own)
    quoted_lines = inline_quotes + ([] if forwarded else history)
    text = _tidy(own)
    if forwarded:  # a forward's content is what the sender wants us to read
        text = _tidy([*own, "", *_without_forward_headers(history)])
    return ReplySplit(
        text=text,
        quoted=_tidy(quoted_lines),
        signature=_tidy(signature),
        forwarded=forwarded,
    )


def _history_start(lines: list[str]) -> tuple[int, bool]:
    for i, line in enumerate(lines):
        if FORWARD_LINE.match(line):
            return i, True
        if ORIGINAL_LINE.match(line):
            return i, False
        if SEPARATOR_LINE.match(line) and _header_block_within(lines, i + 1, 3):
            return i, False
        if HEADER_FROM.match(line) and _header_block_at(lines, i):
            return i, False
        if _is_attribution(lines, i):
            return i, False
    return len(lines), False


def _header_block_at(lines: list[str], i: int) -> bool:
    following = [ln for ln in lines[i + 1 : i + 1 + LOOKAHEAD] if ln.strip()]
    return sum(1 for ln in following if HEADER_OTHER.match(ln)) >= 2


def _header_block_within(lines: list[str], start: int, span: int) -> bool:
    return any(
        HEADER_FROM.match(lines[j]) and _header_block_at(lines, j)
        for j in range(start, min(len(lines), start + span))
    )


def _is_attribution(lines: list[str], i: int) -> bool:
    """An attribution line (maybe wrapped onto two lines) followed by quoted lines."""
    line = lines[i].strip()
    if not line or line.startswith(">"):
        return False
    candidates = [line]
    if i + 1 < len(lines) and lines[i + 1].strip() and not lines[i + 1].lstrip().startswith(">"):
        candidates.append(f"{line} {lines[i + 1].strip()}")
    for n, text in enumerate(candidates):
        # Every attribution ends with a colon: a line that does not is not searched (the
        # search costs about a millisecond a kilobyte: a 25 MB body took half a minute).
        if not text.endswith(":"):
            continue
        if ATTRIBUTION.search(text) and _quote_follows(lines, i + n + 1):
            return True
    return False


def _quote_follows(lines: list[str], start: int) -> bool:
    for line in lines[start : start + 3]:
        if line.strip():
            return line.lstrip().startswith(">")
    return False


def _split_signature(lines: list[str]) -> tuple[list[str], list[str]]:
    for i, line in enumerate(lines):
        if SIGNATURE_DELIMITER.match(line) or MOBILE_SIGNATURE.match(line):
            return _keep_if_empty(lines, i)
    for i in range(len(lines) - 1, -1, -1):
        if CLOSING.match(lines[i]):
            rest = [ln for ln in _without_notice(lines[i + 1 :]) if ln.strip()]
            after = _postscript_at(lines, i + 1)
            if after < len(lines):
                # "Regards, John" and then "Also my VPN is down": the name is the signature,
                # what follows it is said (less a legal notice under it)
                own, signature = _keep_if_empty(lines[:after], i)
                return [*own, "", *_without_notice(lines[after:])], signature
            if len(rest) <= SIGNATURE_MAX_LINES and all(
                len(ln) <= SIGNATURE_LINE_CHARS for ln in rest
            ):
                return _keep_if_empty(lines, i)
            break
    return lines, []


def _postscript_at(lines: list[str], start: int) -> int:
    """Where, after a closing at `start - 1`, the writer speaks again (`len(lines)` when
    nowhere): a postscript ("P.S.", "Also …", "Кстати …") or a sentence of their own."""
    for j in range(start, len(lines)):
        line = lines[j].strip()
        if not line:
            continue
        if POSTSCRIPT.match(line):
            return j
        own = FIRST_PERSON.search(line) and not CARD_LINE.search(line)
        if own and len(line.split()) >= OWN_SENTENCE_WORDS and not _in_notice(lines, j):
            return j
    return len(lines)


def _in_notice(lines: list[str], at: int) -> bool:
    """Whether line `at` belongs to a paragraph of a legal notice."""
    start = at
    while start > 0 and lines[start - 1].strip():
        start -= 1
    end = at
    while end < len(lines) and lines[end].strip():
        end += 1
    return not _without_notice(lines[start:end])


def _without_notice(lines: list[str]) -> list[str]:
    """The lines after a closing less the paragraphs of a legal notice (however long its
    lines, or however many when wrapped)."""
    kept: list[str] = []
    paragraph: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            paragraph.append(line)
            continue
        said = " ".join(paragraph)
        kinds = sum(bool(kind.search(said)) for kind in NOTICE_KINDS)
        if kinds < NOTICE_MIN_KINDS or FIRST_PERSON.search(said):
            kept += paragraph
        paragraph = []
    return kept


def _keep_if_empty(lines: list[str], i: int) -> tuple[list[str], list[str]]:
    """A "signature" that would leave nothing said is the message itself."""
    if not _tidy(lines[:i]):
        return lines, []
    return lines[:i], lines[i:]


def _without_forward_headers(history: list[str]) -> list[str]:
    out = list(history[1:]) if history and FORWARD_LINE.match(history[0]) else list(history)
    while out and (not out[0].strip() or HEADER_FROM.match(out[0]) or HEADER_OTHER.match(out[0])):
        out.pop(0)
    return out


def _tidy(lines: list[str]) -> str:
    text = "\n".join(line.rstrip() for line in lines).strip()
    return re.sub(r"\n{3,}", "\n\n", text)
