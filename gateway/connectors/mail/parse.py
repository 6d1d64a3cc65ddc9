"""One parser for every way mail comes in (IMAP, SMTP): raw bytes to `ParsedMail`.

MIME is left to the standard `email` package with `policy.default`; this module only
chooses what matters to a helpdesk: who wrote, what they wrote now (without quoted
history and signature), the full original for operators, attachments within a size cap,
threading headers, the ticket token in the subject, and whether a machine wrote it.
"""

from __future__ import annotations

import binascii
import contextlib
import email
import hashlib
import re
from dataclasses import dataclass, field
from email import policy
from email.header import decode_header, make_header
from email.message import EmailMessage, Message
from email.utils import getaddresses
from typing import Any

from gateway.connectors.mail.charsets import decode_text, fix_raw_headers
from gateway.connectors.mail.html_text import html_to_text
from gateway.connectors.mail.languages import language_hint
from gateway.connectors.mail.quotes import split_reply
from gateway.connectors.mail.robots import (
    MAILER_DAEMON,
    auto_submitted_reason,
    is_read_receipt,
    is_report,
)
from gateway.disclosed_passwords import STEMS
from gateway.mail_subjects import TICKET_TOKEN

MESSAGE_ID = re.compile(r"<[^<>\s]+>")
FOLD = re.compile(r"\r?\n[ \t]*")
UNSENDABLE = re.compile(r"[\x00-\x20\x7f]")  # what an SMTP command argument cannot hold
NAME_BREAKS = re.compile(r"[\x00-\x20\x7f]+")  # in a name: line breaks, controls, runs of spaces
ENCODED_WORD = re.compile(r"=\?[^?\s]+\?[bqBQ]\?[^?\s]*\?=")
UU_BLOCK = re.compile(
    r"^begin [0-7]{3,4} (?P<name>[^\r\n]+)\r?\n(?P<body>.*?)^end\s*$", re.M | re.S
)
BOUNCE_SUBJECT = re.compile(
    r"undeliver|delivery status notification|mail delivery failed|returned mail|"
    r"delivery failure|недоставлен|не доставлен|не вдалося доставити|не доставлено",
    re.I,
)
DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_ATTACHMENTS = 20
MAX_RENDERING_BYTES = 2 * 1024 * 1024


def format_ticket_ref(number: int) -> str:
    return f"HD-{number:06d}"


@dataclass(frozen=True)
class MailAttachment:
    """A file in the mail; `data` is None when it was over the size cap (kept as a note)."""

    filename: str
    content_type: str
    size: int
    inline: bool = False
    content_id: str = ""
    data: bytes | None = field(default=None, repr=False)

    def describe(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "filename": self.filename,
            "content_type": self.content_type,
            "size": self.size,
        }
        if self.inline:
            out["inline"] = True
        if self.data is None:
            out["dropped"] = "over the size cap"
        return out


@dataclass(frozen=True)
class Bounce:
    """What a delivery report says: who could not be reached, why, about which mail."""

    recipients: tuple[str, ...] = ()
    status: str = ""
    original_message_id: str = ""
    permanent: bool = True


@dataclass(frozen=True)
class ParsedMail:
    """Everything the e-mail channel uses from one message."""

    from_email: str
    from_name: str
    to: tuple[str, ...]
    cc: tuple[str, ...]
    reply_to: str
    subject: str
    message_id: str
    in_reply_to: str
    references: tuple[str, ...]
    date: str
    text: str  # the new part only: what reaches the dialog engine
    quoted: str
    signature: str
    full_text: str  # the whole body as text, for operators
    forwarded: bool
    attachments: tuple[MailAttachment, ...]
    auto_submitted: bool
    auto_submitted_reason: str
    bounce: Bounce | None
    ticket_ref: str
    language_hint: str = ""
    # Every Authentication-Results header as written, unfolded (whose to trust is the
    # intake's choice: `authentication.failed_for_sender`).
    authentication_results: tuple[str, ...] = ()
    # The body's other renderings as written (the HTML of a multipart/alternative whose
    # plain text is the body), for what must read all of the mail (password hiding).
    other_renderings: tuple[str, ...] = field(default=(), repr=False)
    # The body was longer than is read, and what was not read names a password: the
    # original must not be kept (intake), as when one is found in what was read.
    unread_password_word: bool = False

    @property
    def is_bounce(self) -> bool:
        return self.bounce is not None

    @property
    def thread_ids(self) -> tuple[str, ...]:
        """Message-IDs this mail answers, nearest first (In-Reply-To, then References)."""
        ids = [self.in_reply_to] if self.in_reply_to else []
        ids += [r for r in reversed(self.references) if r not in ids]
        return tuple(ids)

    def describe(self) -> dict[str, Any]:
        """The JSON shape `firstline email parse --json` prints."""
        out: dict[str, Any] = {
            "from_email": self.from_email,
            "from_name": self.from_name,
            "to": list(self.to),
            "cc": list(self.cc),
            "subject": self.subject,
            "message_id": self.message_id,
            "in_reply_to": self.in_reply_to,
            "references": list(self.references),
            "text": self.text,
            "quoted": self.quoted,
            "signature": self.signature,
            "forwarded": self.forwarded,
            "attachments": [a.describe() for a in self.attachments],
            "auto_submitted": self.auto_submitted,
            "auto_submitted_reason": self.auto_submitted_reason,
            "bounce": self.is_bounce,
            "ticket_ref": self.ticket_ref,
        }
        if self.bounce is not None:
            out["bounce_recipients"] = list(self.bounce.recipients)
            out["bounce_status"] = self.bounce.status
            out["bounce_original_message_id"] = self.bounce.original_message_id
        return out


# More MIME parts than any person's mail has (twenty attachments, each with its
# alternatives, are under a hundred): Python's parser spends about a millisecond on each,
# on the event loop, so a 25 MB mail of 700,000 empty parts held the gateway for minutes.
MAX_MIME_PARTS = 500
# What is read of a body as the sender's words (the dialog's text, the quote, what
# operators see): nobody writes more to a help desk, and reading it costs a second or
# more a megabyte (HTML, reply splitting) on the event loop. The kept original has all.
MAX_BODY_CHARS = 100_000
MAX_BODY_HTML_CHARS = 500_000
CUT = "\n[…]"


class UnreadableMail(ValueError):
    """Mail beyond what the parser can take (nesting deeper than Python can recurse,
    more than `MAX_MIME_PARTS` parts)."""


class _TooManyParts(Exception):
    pass


def _counted_parts(limit: int) -> Any:
    """A message factory for the parser that stops it at the part after `limit`, before
    it reads further."""
    made = 0

    def make(policy: Any = policy.default) -> EmailMessage:
        nonlocal made
        made += 1
        if made > limit + 1:  # the parser makes one at its start to learn the factory
            raise _TooManyParts
        return EmailMessage(policy=policy)

    return make


def parse_mail(
    raw: bytes,
    *,
    envelope_from: str | None = None,
    max_attachment_bytes: int = DEFAULT_MAX_ATTACHMENT_BYTES,
    max_attachments: int = DEFAULT_MAX_ATTACHMENTS,
) -> ParsedMail:
    """Parse one raw message, reading what it can of malformed mail.

    Raises `UnreadableMail` only for pathological structure (MIME nested so deep that
    parsing exhausts the recursion limit, more than `MAX_MIME_PARTS` parts); callers keep
    such mail aside.
    """
    try:
        return _parse(raw, envelope_from, max_attachment_bytes, max_attachments)
    except RecursionError:
        raise UnreadableMail("MIME structure nested too deeply to read") from None
    except _TooManyParts:
        raise UnreadableMail(f"more than {MAX_MIME_PARTS} MIME parts") from None


def _parse(
    raw: bytes, envelope_from: str | None, max_attachment_bytes: int, max_attachments: int
) -> ParsedMail:
    factory = _counted_parts(MAX_MIME_PARTS)
    msg = email.message_from_bytes(fix_raw_headers(raw), factory, policy=policy.default)
    _mend_boundaries(msg, factory, [2 * len(raw)])
    header = _header_reader(msg)
    from_name, from_email = _first_address(header("from") or header("sender"))
    if not from_email and envelope_from and envelope_from != "<>":
        from_email = envelope_from.strip("<>").lower()
    body_part = _body_part(msg)
    full_text, unread = _part_text(body_part, cut=True) if body_part is not None else ("", "")
    attachments: list[MailAttachment] = []
    full_text = _extract_uuencoded(full_text, attachments, max_attachment_bytes)
    _collect_attachments(msg, body_part, attachments, max_attachment_bytes, max_attachments)
    split = split_reply(full_text)
    reason = auto_submitted_reason(header, from_email, envelope_from)
    bounce = _bounce(msg, header, from_email, envelope_from)
    if bounce is not None and not reason:
        reason = "delivery report"
    if not reason and is_read_receipt(msg.get_content_type(), _type_params(msg)):
        reason = "read receipt"
    subject = header("subject")
    token = TICKET_TOKEN.search(subject)
    message_id = _ids(header("message-id"))
    return ParsedMail(
        from_email=from_email,
        from_name=from_name,
        to=tuple(a for _, a in _addresses(header("to"))),
        cc=tuple(a for _, a in _addresses(header("cc"))),
        reply_to=_first_address(header("reply-to"))[1],
        subject=subject,
        message_id=message_id[0] if message_id else _synthetic_id(raw),
        in_reply_to=next(iter(_ids(header("in-reply-to"))), ""),
        references=tuple(_ids(header("references"))),
        date=header("date"),
        text=split.text,
        quoted=split.quoted,
        signature=split.signature,
        full_text=full_text,
        forwarded=split.forwarded,
        attachments=tuple(attachments),
        auto_submitted=bool(reason),
        auto_submitted_reason=reason,
        bounce=bounce,
        ticket_ref=format_ticket_ref(int(token.group(1))) if token else "",
        language_hint=language_hint(msg, header, from_name, (a.filename for a in attachments)),
        authentication_results=tuple(
            FOLD.sub(" ", str(value))
            for name, value in msg.raw_items()
            if name.lower() == "authentication-results"
        ),
        other_renderings=_other_renderings(msg, body_part),
        unread_password_word=bool(unread) and any(stem in unread.lower() for stem in STEMS),
    )


def _other_renderings(msg: Message, body: Message | None) -> tuple[str, ...]:
    """Text parts beside the body that are no attachment (an alternative's HTML), decoded
    as written, up to `MAX_RENDERING_BYTES` each."""
    out = []
    for part in msg.walk():
        if part is body or part.get_content_maintype() != "text" or _is_attachment(part):
            continue
        data = _part_bytes(part)
        if data and len(data) <= MAX_RENDERING_BYTES:
            out.append(decode_text(data, part.get_content_charset()))
    return tuple(out)


# Headers read decoded (encoded words, addresses); the rest are flags read as written,
# which spares the policy's full header parse (most of the cost of reading a message).
DECODED_HEADERS = frozenset({"subject", "from", "to", "cc", "reply-to", "sender"})


def _header_reader(msg: Message) -> Any:
    raw: dict[str, str] = {}
    for name, value in msg.raw_items():
        raw.setdefault(name.lower(), str(value))
    seen: dict[str, str] = {}

    def get(name: str) -> str:
        if name in seen:
            return seen[name]
        value: Any = raw.get(name, "")
        if name in DECODED_HEADERS and value:
            # A header the policy cannot parse is kept as written.
            with contextlib.suppress(Exception):
                value = msg.get(name)
        seen[name] = re.sub(r"\s+", " ", clean_text(str(value or ""))).strip()
        return seen[name]

    return get


SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(value: str) -> str:
    """Text that encodes as UTF-8: raw 8-bit bytes in headers (kept by the parser as
    surrogate escapes) are read as UTF-8, and what is still not text becomes U+FFFD."""
    # A lone surrogate that is no escaped byte (from a decoded encoded word) cannot be
    # re-encoded; it is replaced below.
    with contextlib.suppress(UnicodeEncodeError):
        value = value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return SURROGATE.sub("\ufffd", value)


def _addresses(value: str) -> list[tuple[str, str]]:
    """(name, address) pairs; an address no SMTP command could carry (a control
    character or a space in it) is no address: nobody could be answered there."""
    out = []
    for name, addr in getaddresses([value]) if value else []:
        addr = addr.strip().strip("<>").lower()
        if addr and not UNSENDABLE.search(addr):
            out.append((_name(name), addr))
    return out


def _name(value: str) -> str:
    """A display name as words: an encoded word the header parser left alone (it decodes
    to a line break) is decoded, and line breaks and control characters are spaces, so a
    name can neither stop our replies nor carry a header into them."""
    if ENCODED_WORD.search(value):
        with contextlib.suppress(LookupError, UnicodeError, ValueError, binascii.Error):
            value = str(make_header(decode_header(value)))
    return clean_text(NAME_BREAKS.sub(" ", value)).strip().strip('"').strip()


def _first_address(value: str) -> tuple[str, str]:
    found = _addresses(value)
    return found[0] if found else ("", "")


def _ids(value: str) -> list[str]:
    return MESSAGE_ID.findall(value or "")


def _synthetic_id(raw: bytes) -> str:
    """A stable id for mail that has none, so a re-fetch is still recognised."""
    return f"<{hashlib.sha256(raw).hexdigest()[:32]}@no-message-id.firstline>"


# A line that opens a part: "--" and a boundary (RFC 2046: 1-70 characters, no space at
# the end).
_OPENING = re.compile(r"^--([^\s]{1,70})[ \t]*\r?$", re.M)


def _mend_boundaries(part: Message, factory: Any, budget: list[int]) -> None:
    """Read a multipart whose header names no boundary (a broken mailer's) as its mailer
    meant it, as mail programs do: parts split at the first "--boundary" line of its
    body, or, with no such line, its body as plain text. The standard parser keeps such
    a part as one opaque string, so the user's words became an attachment nobody read
    and the message reached the bot empty. Parts mended inside mended parts are parsed
    again each: `budget` bounds the bytes parsed so (twice the mail's), so that a mail of
    such parts nested hundreds deep costs what two readings of it do, not one per level."""
    if part.get_content_maintype() != "multipart":
        return
    payload = part.get_payload()
    if isinstance(payload, list):
        for child in payload:
            if isinstance(child, Message):
                _mend_boundaries(child, factory, budget)
        return
    body = _part_bytes(part)  # the body's bytes as sent (a str payload hides 8-bit ones)
    opening = _OPENING.search(body.decode("latin-1")) if len(body) <= budget[0] else None
    budget[0] -= len(body)
    if opening is None:
        part.set_type("text/plain")  # its parameters (a charset) kept
        return
    head = f'Content-Type: {part.get_content_type()}; boundary="{opening.group(1)}"\n\n'
    mended = email.message_from_bytes(head.encode("latin-1") + body, factory, policy=policy.default)
    children = mended.get_payload()
    if not isinstance(children, list):
        part.set_type("text/plain")  # its parameters (a charset) kept
        return
    part.set_param("boundary", opening.group(1))
    part.set_payload(children)
    for child in children:
        if isinstance(child, Message):
            _mend_boundaries(child, factory, budget)


def _body_part(msg: EmailMessage) -> EmailMessage | None:
    if msg.get_content_type() == "multipart/report":
        parts = msg.get_payload()
        first = parts[0] if isinstance(parts, list) and parts else None
        if isinstance(first, EmailMessage):
            return _body_part(first) if first.is_multipart() else first
    try:
        found = msg.get_body(preferencelist=("plain", "html"))
    except Exception:
        found = None
    if found is None and msg.get_content_maintype() == "text" and not _is_attachment(msg):
        found = msg
    return found if isinstance(found, EmailMessage) else None


def _part_bytes(part: Message) -> bytes:
    try:
        data = part.get_payload(decode=True)
    except Exception:
        data = None
    if isinstance(data, bytes):
        return data
    payload = part.get_payload()
    return payload.encode("utf-8", "surrogateescape") if isinstance(payload, str) else b""


def _part_text(part: Message, cut: bool = False) -> tuple[str, str]:
    """The part as text, and (with `cut`, past `MAX_BODY_CHARS` or, for HTML,
    `MAX_BODY_HTML_CHARS`) what was left unread of it, decoded as written."""
    text = decode_text(_part_bytes(part), part.get_content_charset())
    html = part.get_content_subtype() == "html"
    unread = ""
    if cut:
        most = MAX_BODY_HTML_CHARS if html else MAX_BODY_CHARS
        text, unread = text[:most], text[most:]
    if html:
        text = html_to_text(text)
    else:
        text = text.replace("\r\n", "\n")
        if str(part.get_param("format", "")).lower() == "flowed":
            text = _unflow(text, str(part.get_param("delsp", "")).lower() == "yes")
    return (text + CUT if unread else text), unread


def _unflow(text: str, delsp: bool) -> str:
    """RFC 3676: a line ending in a space continues on the next one (not "-- ")."""
    out: list[str] = []
    joining = False
    for line in text.split("\n"):
        if joining and out:
            out[-1] += line
        else:
            out.append(line)
        joining = line.endswith(" ") and line != "-- " and not line.startswith(">")
        if joining and delsp:
            out[-1] = out[-1][:-1]
    return "\n".join(out)


def _is_attachment(part: Message) -> bool:
    return (part.get_content_disposition() or "") == "attachment" or bool(_filename(part))


def _filename(part: Message) -> str:
    try:
        name = part.get_filename() or ""
    except Exception:
        name = ""
    return clean_text(name).replace("/", "_").replace("\\", "_").strip()


def _collect_attachments(
    part: Message,
    body: Message | None,
    out: list[MailAttachment],
    cap: int,
    limit: int,
) -> None:
    if part is body:
        return
    ctype = part.get_content_type()
    if ctype == "message/rfc822" or ctype == "message/global":
        inner = part.get_payload()
        inner_msg = inner[0] if isinstance(inner, list) and inner else None
        data = inner_msg.as_bytes() if isinstance(inner_msg, Message) else _part_bytes(part)
        subject = str(inner_msg.get("subject", "")) if isinstance(inner_msg, Message) else ""
        name = _filename(part) or f"{subject or 'message'}.eml"
        _add(out, name, ctype, data, False, "", cap, limit)
        return
    if part.is_multipart():
        for child in part.iter_parts() if isinstance(part, EmailMessage) else []:
            _collect_attachments(child, body, out, cap, limit)
        return
    if ctype in ("message/delivery-status", "text/rfc822-headers", "message/rfc822-headers"):
        return
    disposition = part.get_content_disposition() or ""
    name = _filename(part)
    if part.get_content_maintype() == "text" and not name and disposition != "attachment":
        return  # another rendering of the body (multipart/alternative)
    data = _part_bytes(part)
    cid = str(part.get("content-id", "")).strip("<> ")
    inline = disposition == "inline" or (not disposition and bool(cid))
    _add(out, name or _unnamed(ctype, len(out)), ctype, data, inline, cid, cap, limit)


def _unnamed(ctype: str, index: int) -> str:
    ext = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif"}.get(ctype, "bin")
    return f"attachment-{index + 1}.{ext}"


def _add(
    out: list[MailAttachment],
    name: str,
    ctype: str,
    data: bytes,
    inline: bool,
    cid: str,
    cap: int,
    limit: int,
) -> None:
    keep = len(data) <= cap and len(out) < limit
    out.append(MailAttachment(name, ctype, len(data), inline, cid, data if keep else None))


def _extract_uuencoded(text: str, out: list[MailAttachment], cap: int) -> str:
    """Old mailers put files in the body as uuencode blocks; take them out as files."""

    def take(found: re.Match[str]) -> str:
        data = bytearray()
        for line in found.group("body").splitlines():
            if not line.strip() or line.strip() == "`":
                continue
            try:
                data += binascii.a2b_uu(line)
            except binascii.Error:
                nbytes = (((ord(line[0]) - 32) & 63) * 4 + 5) // 3
                data += binascii.a2b_uu(line[:nbytes])
        name = found.group("name").strip()
        _add(out, name, "application/octet-stream", bytes(data), False, "", cap, 10**6)
        return ""

    return UU_BLOCK.sub(take, text).strip() if "begin " in text else text


def _bounce(
    msg: EmailMessage, header: Any, from_email: str, envelope_from: str | None
) -> Bounce | None:
    report = is_report(msg.get_content_type(), _type_params(msg))
    local = from_email.split("@", 1)[0]
    null_sender = envelope_from is not None and envelope_from.strip() in ("", "<>")
    daemon = bool(MAILER_DAEMON.match(local)) or null_sender or header("return-path") == "<>"
    classic = daemon and (
        bool(header("x-failed-recipients")) or bool(BOUNCE_SUBJECT.search(header("subject")))
    )
    if not report and not classic:
        return None
    recipients: list[str] = []
    status, original = "", ""
    action_failed = True
    for part in msg.walk():
        ctype = part.get_content_type()
        if ctype in ("message/delivery-status", "message/global-delivery-status"):
            for block in part.get_payload() if part.is_multipart() else []:
                final = str(block.get("final-recipient", "") or block.get("original-recipient", ""))
                if final:
                    recipients.append(final.split(";", 1)[-1].strip().strip("<>").lower())
                status = status or str(block.get("status", "")).strip()
                action = str(block.get("action", "")).strip().lower()
                if action and action not in ("failed",):
                    action_failed = False
        elif ctype in ("message/rfc822", "text/rfc822-headers", "message/rfc822-headers"):
            original = original or _original_id(part)
    for failed in header("x-failed-recipients").split(","):
        if failed.strip() and failed.strip().lower() not in recipients:
            recipients.append(failed.strip().lower())
    if not original:
        body = _body_part(msg)
        text = _part_text(body, cut=True)[0] if body is not None else ""
        found = re.search(r"^message-id:\s*(<[^>\s]+>)", text, re.I | re.M)
        original = found.group(1) if found else ""
    permanent = action_failed and not status.startswith("4")
    return Bounce(tuple(recipients), status, original, permanent)


def _type_params(msg: EmailMessage) -> dict[str, str]:
    """The Content-Type's parameters (report-type, charset...), names in lower case."""
    if not msg["content-type"]:
        return {}
    return {k.lower(): str(v) for k, v in msg["content-type"].params.items()}


def _original_id(part: Message) -> str:
    payload = part.get_payload()
    if isinstance(payload, list) and payload and isinstance(payload[0], Message):
        return next(iter(_ids(str(payload[0].get("message-id", "")))), "")
    text = decode_text(_part_bytes(part), "utf-8")
    found = re.search(r"^message-id:\s*(<[^>\s]+>)", text, re.I | re.M)
    return found.group(1) if found else ""
