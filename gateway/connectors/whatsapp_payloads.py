"""WhatsApp Cloud API JSON: webhook changes → `InboundMessage`/`DeliveryStatus`, and
`OutboundMessage` → the bodies of `POST /{phone-number-id}/messages`.

Buttons: up to 3 with titles of at most 20 characters are interactive reply buttons;
more (up to 10), or longer titles (up to 24, the rest in the row's description), are a
list message; anything beyond is numbered text the user answers by number.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from gateway.connectors.base import buttons_as_text, split_text
from gateway.connectors.meta_webhook import (
    DeliveryStatus,
    Received,
    each_part,
    epoch,
)
from gateway.models import Attachment, Button, InboundMessage
from gateway.untrusted import UntrustedInput, ident, items, obj, parse_json, text

CHANNEL = "whatsapp"
OBJECT = "whatsapp_business_account"
TEXT_LIMIT = 4096
INTERACTIVE_BODY_LIMIT = 1024
REPLY_BUTTONS_MAX = 3
BUTTON_TITLE_MAX = 20
BUTTON_ID_MAX = 256
LIST_ROWS_MAX = 10
ROW_TITLE_MAX = 24
ROW_DESCRIPTION_MAX = 72
ROW_ID_MAX = 200
TEMPLATE_PARAMETER_MAX = 900  # a template body is at most 1024 characters in all
MEDIA_KINDS = {
    "image": "photo",
    "document": "document",
    "audio": "audio",
    "video": "video",
    "sticker": "photo",
}
# "unsupported" (a poll, a video note...) is taken, empty: the user is told it was not seen
IGNORED_TYPES = frozenset({"reaction", "system", "order", "request_welcome"})
FLOW_TOKEN = "flow_token"  # in a Flow's answers: the sender's id of the form, not the user's
STATUSES = frozenset({"sent", "delivered", "read", "failed"})


def inbound_from_payload(payload: dict[str, Any], phone_number_id: str) -> list[Received]:
    """Every message and status of a webhook POST, in order; bad parts as Unreadable."""
    out: list[Received] = []
    for entry in items(payload, "entry"):
        if not isinstance(entry, dict):
            raise UntrustedInput("entry: objects are expected")
        for change in items(entry, "changes"):
            if not isinstance(change, dict) or change.get("field") != "messages":
                continue  # account updates, template reviews...: acknowledged, not ours
            value = obj(change, "value")
            number = text(obj(value, "metadata"), "phone_number_id")
            if number and phone_number_id and number != phone_number_id:
                continue  # another number of the same business account
            names = _contact_names(value)
            read = functools.partial(_message, names=names)
            out += each_part(value.get("messages"), read, "messages")
            out += each_part(value.get("statuses"), _status, "statuses")
    return out


def _contact_names(value: dict[str, Any]) -> dict[str, str]:
    names: dict[str, str] = {}
    contacts = value.get("contacts")
    for contact in contacts if isinstance(contacts, list) else ():  # names only: optional
        if isinstance(contact, dict) and isinstance(contact.get("profile"), dict):
            name = contact["profile"].get("name")
            if isinstance(name, str) and isinstance(contact.get("wa_id"), str):
                names[contact["wa_id"]] = name
    return names


def _message(message: dict[str, Any], names: dict[str, str]) -> InboundMessage | None:
    kind = text(message, "type", required=True)
    if not kind:
        raise UntrustedInput("type: required")
    if kind in IGNORED_TYPES:
        return None
    sender = ident(message, "from", required=True)
    said, payload = "", ""
    attachments: tuple[Attachment, ...] = ()
    if kind == "text":
        said = text(obj(message, "text"), "body")
    elif kind == "interactive":
        said, payload = _interactive(obj(message, "interactive"))
    elif kind == "button":  # a quick-reply button of a template
        button = obj(message, "button")
        said, payload = text(button, "text"), text(button, "payload")
    elif kind in MEDIA_KINDS:
        media = obj(message, kind)
        said = text(media, "caption")
        attachments = (
            Attachment(
                kind=MEDIA_KINDS[kind],
                file_id=ident(media, "id", required=True),
                name=text(media, "filename"),
                mime_type=text(media, "mime_type"),
            ),
        )
    elif kind == "location":
        where = obj(message, "location")
        place = " ".join(p for p in (text(where, "name"), text(where, "address")) if p)
        said = f"{where.get('latitude')},{where.get('longitude')} {place}".strip()
    elif kind == "contacts":
        said = ", ".join(_shared_contact(c) for c in items(message, "contacts"))
    context = obj(message, "context")
    meta = {"type": kind}
    if context.get("id"):
        meta["reply_to"] = text(context, "id")
    return InboundMessage(
        channel=CHANNEL,
        chat_id=sender,
        message_id=ident(message, "id", required=True),
        text=said,
        user_id=sender,
        user_name=names.get(sender, ""),
        payload=payload,
        attachments=attachments,
        timestamp=epoch(message, "timestamp"),
        meta=meta,
    )


def _interactive(reply: dict[str, Any]) -> tuple[str, str]:
    kind = text(reply, "type", required=True)
    if kind == "nfm_reply":
        return _flow_answers(obj(reply, "nfm_reply")), ""
    if kind not in ("button_reply", "list_reply"):
        # A reply to something we never send (a type added later): taken empty like
        # "unsupported", so the user is told it was not seen rather than hearing nothing.
        return "", ""
    chosen = obj(reply, kind)
    return text(chosen, "title"), text(chosen, "id", required=True)


def _flow_answers(reply: dict[str, Any]) -> str:
    """A submitted Flow (sent by another tool on the same number): what the user filled in,
    one value a line. Its field names are that tool's ids, and its token is no words; a
    form with nothing readable comes through empty, and the user is told so."""
    try:
        answers = parse_json(text(reply, "response_json"))
    except UntrustedInput:
        return ""
    if not isinstance(answers, dict):
        return ""
    lines: list[str] = []
    for name, value in answers.items():
        values = value if isinstance(value, list) else [value]
        if name != FLOW_TOKEN:
            lines += [str(v).strip() for v in values if _readable(v)]
    return "\n".join(line for line in lines if line)


def _readable(value: Any) -> bool:
    """A typed or chosen value; a ticked box (true/false) says nothing by itself."""
    return isinstance(value, str | int | float) and not isinstance(value, bool)


def _shared_contact(contact: Any) -> str:
    if not isinstance(contact, dict):
        raise UntrustedInput("contacts: objects are expected")
    name = text(obj(contact, "name"), "formatted_name")
    phones = [text(p, "phone") for p in items(contact, "phones") if isinstance(p, dict)]
    return " ".join([name, *phones]).strip()


def _status(status: dict[str, Any]) -> DeliveryStatus | None:
    name = text(status, "status", required=True)
    if name not in STATUSES:
        return None  # "deleted", "warning"...: nothing to record
    code, title = 0, ""
    errors = items(status, "errors")
    if errors and isinstance(errors[0], dict):
        raw_code = errors[0].get("code")
        code = raw_code if isinstance(raw_code, int) and not isinstance(raw_code, bool) else 0
        title = text(errors[0], "title") or text(errors[0], "message")
    return DeliveryStatus(
        message_id=ident(status, "id", required=True),
        chat_id=ident(status, "recipient_id", required=True),
        status=name,
        timestamp=epoch(status, "timestamp"),
        error_code=code,
        error_title=title[:200],
    )


# Outbound


def free_form(
    to: str, text_: str, buttons: tuple[Button, ...], choose: str
) -> list[dict[str, Any]]:
    """The message bodies for a reply inside the 24-hour window, in sending order."""
    how = button_layout(buttons)
    if how == "text":
        text_ = buttons_as_text(text_, buttons)
    parts = split_text(text_, TEXT_LIMIT) if how == "text" else _with_short_last(text_)
    bodies = [_text_body(to, part) for part in parts[:-1]]
    last = parts[-1]
    if how == "buttons":
        bodies.append(_envelope(to, "interactive", _reply_buttons(last, buttons)))
    elif how == "list":
        bodies.append(_envelope(to, "interactive", _list(last, buttons, choose)))
    else:
        bodies.append(_text_body(to, last))
    return bodies


def _with_short_last(text_: str) -> list[str]:
    """Parts for a message with buttons: an interactive body holds 1024 characters, so a
    long text goes first as plain messages and its last paragraph (the question) carries
    the buttons."""
    if len(text_) <= INTERACTIVE_BODY_LIMIT:
        return [text_]
    head, _, tail = text_.rpartition("\n\n")
    if head.strip() and tail.strip() and len(tail) <= INTERACTIVE_BODY_LIMIT:
        return [*split_text(head, TEXT_LIMIT), tail]
    return split_text(text_, INTERACTIVE_BODY_LIMIT)


def button_layout(buttons: tuple[Button, ...]) -> str:
    """ "buttons", "list" or "text": what WhatsApp can carry for these buttons."""
    if not buttons:
        return "text"
    if len(buttons) <= REPLY_BUTTONS_MAX and all(
        len(b.label) <= BUTTON_TITLE_MAX and len(b.payload) <= BUTTON_ID_MAX for b in buttons
    ):
        return "buttons"
    if len(buttons) <= LIST_ROWS_MAX and all(
        len(b.label) <= ROW_DESCRIPTION_MAX and len(b.payload) <= ROW_ID_MAX for b in buttons
    ):
        return "list"
    return "text"


def _reply_buttons(body: str, buttons: tuple[Button, ...]) -> dict[str, Any]:
    return {
        "type": "button",
        "body": {"text": body},
        "action": {
            "buttons": [
                {"type": "reply", "reply": {"id": b.payload, "title": b.label}} for b in buttons
            ]
        },
    }


def _list(body: str, buttons: tuple[Button, ...], choose: str) -> dict[str, Any]:
    rows = []
    for b in buttons:
        row = {"id": b.payload, "title": b.label[:ROW_TITLE_MAX]}
        if len(b.label) > ROW_TITLE_MAX:
            row["title"] = b.label[: ROW_TITLE_MAX - 1] + "…"
            row["description"] = b.label[:ROW_DESCRIPTION_MAX]
        rows.append(row)
    return {
        "type": "list",
        "body": {"text": body},
        "action": {"button": choose[:BUTTON_TITLE_MAX], "sections": [{"rows": rows}]},
    }


def template_body(
    to: str, name: str, language: str, parameter: str, buttons: tuple[Button, ...]
) -> dict[str, Any]:
    """An approved template: `parameter` fills {{1}} of the body (when given), and the
    buttons' payloads go to the template's quick-reply buttons, in order."""
    components: list[dict[str, Any]] = []
    if parameter:
        components.append(
            {"type": "body", "parameters": [{"type": "text", "text": template_text(parameter)}]}
        )
    for index, button in enumerate(buttons[:LIST_ROWS_MAX]):
        components.append(
            {
                "type": "button",
                "sub_type": "quick_reply",
                "index": str(index),
                "parameters": [{"type": "payload", "payload": button.payload}],
            }
        )
    template: dict[str, Any] = {"name": name, "language": {"code": language}}
    if components:
        template["components"] = components
    return _envelope(to, "template", template)


def template_text(value: str) -> str:
    """A template parameter may not hold newlines, tabs or 4+ spaces in a row."""
    flat = re.sub(r"\s*\n\s*", " · ", value.strip())
    flat = re.sub(r"[\t ]{2,}", " ", flat.replace("\t", " "))
    if len(flat) > TEMPLATE_PARAMETER_MAX:
        flat = flat[: TEMPLATE_PARAMETER_MAX - 1].rstrip() + "…"
    return flat


def _text_body(to: str, body: str) -> dict[str, Any]:
    return _envelope(to, "text", {"preview_url": False, "body": body})


def _envelope(to: str, kind: str, content: dict[str, Any]) -> dict[str, Any]:
    return {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": to,
        "type": kind,
        kind: content,
    }
