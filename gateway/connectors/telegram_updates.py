"""Telegram Update JSON → `InboundMessage`, and buttons → an inline keyboard.

Works on the plain decoded JSON (dicts), not on aiogram's models, so the webhook can
store an update without validating the whole object first; polling hands over
`update.model_dump(by_alias=True)`, which has the same shape.
"""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from gateway.models import ALBUM, Attachment, Button, InboundMessage
from gateway.untrusted import (
    UntrustedInput,
    coordinate,
    count,
    ident,
    items,
    obj,
    sent_at,
    text,
)

log = logging.getLogger(__name__)

CHANNEL = "telegram"
CALLBACK_DATA_MAX_BYTES = 64
HASHED_PAYLOAD_PREFIX = "h:"  # callback_data standing for a payload too long to embed
KEYBOARD_MESSAGE = "keyboard_message_id"  # meta: the bot message whose button was pressed
ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"]
SHORT_LABEL_CHARS = 4  # buttons this short (ratings, digits) share one keyboard row


class MalformedUpdate(ValueError):
    """The JSON is not a Telegram Update we can read (missing ids, wrong types)."""


def update_id_of(update: Any) -> int:
    """The update's id, or MalformedUpdate."""
    if not isinstance(update, dict):
        raise MalformedUpdate("an update must be a JSON object")
    update_id = update.get("update_id")
    if not isinstance(update_id, int) or isinstance(update_id, bool):
        raise MalformedUpdate("update_id is missing or not an integer")
    return update_id


UNTYPED = {"video_note": "video/mp4"}  # files whose update names no type


def inbound_from_update(update: Any) -> InboundMessage | None:
    """Translate one update; None for update types the gateway does not use.

    `update` is checked JSON (`parse_json`, or `check_value` for one that came another
    way). Every field read is type-checked: an update with a wrong type anywhere we look
    is a MalformedUpdate, so only well-formed messages reach the store.
    """
    update_id = update_id_of(update)
    try:
        if "message" in update:
            return _from_message(update_id, obj(update, "message", required=True), edited=False)
        if "edited_message" in update:
            edited = obj(update, "edited_message", required=True)
            return _from_message(update_id, edited, edited=True)
        if "callback_query" in update:
            return _from_callback(update_id, obj(update, "callback_query", required=True))
        if "my_chat_member" in update:
            return _from_member_change(update_id, obj(update, "my_chat_member", required=True))
    except UntrustedInput as exc:
        raise MalformedUpdate(f"update {update_id}: {exc}") from None
    return None


def callback_query_id(update: dict[str, Any]) -> str:
    """The id to answer with answerCallbackQuery, or "" when the update is no button press."""
    query = update.get("callback_query")
    return ident(query, "id") if isinstance(query, dict) else ""


def _one_person(chat: dict[str, Any], update_id: int) -> bool:
    """Whether the chat is one person's (a private chat with the bot).

    A conversation is a chat: in a group every member would be one "user", each seeing
    the others' tickets ("where is my ticket?"), commenting on, solving or reopening them,
    pressing the buttons sent for someone else, and reading the answers meant for one
    person. Messages and button presses from groups, supergroups and channels are not
    taken in (confirmed to Telegram, stored nowhere)."""
    kind = text(chat, "type")
    if kind == "private":
        return True
    log.info("telegram update from a %s chat not taken in", kind or "typeless",
             extra={"update_id": update_id})  # fmt: skip
    return False


def _from_message(
    update_id: int, message: dict[str, Any], *, edited: bool
) -> InboundMessage | None:
    chat = obj(message, "chat", required=True)
    user = obj(message, "from")
    body = text(message, "text") or text(message, "caption") or _shared_as_text(message)
    kind = "edited" if edited else "message"
    meta = {"message_id": ident(message, "message_id", required=True),
            "chat_type": text(chat, "type")}  # fmt: skip
    album = ident(message, "media_group_id")
    if album:
        meta[ALBUM] = album
    if not edited and _is_start_command(body):
        kind = "start"
        start_param = body.partition(" ")[2].strip()
        if start_param:
            meta["start_param"] = start_param
    inbound = InboundMessage(
        channel=CHANNEL,
        chat_id=ident(chat, "id", required=True),
        message_id=str(update_id),
        text=body,
        user_id=ident(user, "id"),
        user_name=_display_name(user),
        attachments=_attachments(message),
        language_hint=text(user, "language_code"),
        kind=kind,
        timestamp=sent_at(message, "edit_date" if edited else "date"),
        meta=meta,
    )
    return inbound if _one_person(chat, update_id) else None


def _shared_as_text(message: dict[str, Any]) -> str:
    """What a message without text shared, as text (as Viber's are): a location or venue,
    a contact card, a sticker's emoji. Without it the message reaches the dialog and the
    operator's transcript empty, and the address or phone number the user sent is lost."""
    venue = obj(message, "venue")
    where = obj(venue, "location") if venue else obj(message, "location")
    if where:
        point = f"{coordinate(where, 'latitude')},{coordinate(where, 'longitude')}"
        if venue:
            place = ", ".join(p for p in (text(venue, "title"), text(venue, "address")) if p)
            return f"{place} ({point})" if place else point
        return point
    contact = obj(message, "contact")
    if contact:
        name = " ".join(p for p in (text(contact, "first_name"), text(contact, "last_name")) if p)
        return " ".join(p for p in (name, text(contact, "phone_number")) if p)
    return text(obj(message, "sticker"), "emoji")


def _is_start_command(body: str) -> bool:
    command = body.split(maxsplit=1)[0] if body.strip() else ""
    return command == "/start" or command.startswith("/start@")


def _attachments(message: dict[str, Any]) -> tuple[Attachment, ...]:
    found: list[Attachment] = []
    photos = [p for p in items(message, "photo") if _is_object(p)]
    if photos:
        # Several sizes of one picture: keep the largest.
        best = max(photos, key=lambda p: (count(p, "file_size"), count(p, "width")))
        found.append(
            Attachment(
                kind="photo",
                file_id=ident(best, "file_id", required=True),
                mime_type="image/jpeg",
                size=count(best, "file_size"),
            )
        )
    for field, kind in (
        ("document", "document"),
        ("video", "video"),
        ("audio", "audio"),
        ("voice", "audio"),
        ("video_note", "video"),  # a round video message: what a user records to show a fault
    ):
        item = obj(message, field)
        if item:
            found.append(
                Attachment(
                    kind=kind,
                    file_id=ident(item, "file_id", required=True),
                    name=text(item, "file_name"),
                    # a round video message says no type: Telegram's are MPEG-4
                    mime_type=text(item, "mime_type") or UNTYPED.get(field, ""),
                    size=count(item, "file_size"),
                )
            )
    return tuple(found)


def _is_object(value: Any) -> bool:
    if not isinstance(value, dict):
        raise UntrustedInput("an object is expected in the list")
    return True


def _from_callback(update_id: int, query: dict[str, Any]) -> InboundMessage | None:
    user = obj(query, "from", required=True)
    message = obj(query, "message")
    user_id = ident(user, "id", required=True)
    chat = obj(message, "chat")
    chat_id = ident(chat, "id") or user_id
    data = text(query, "data")
    # A press on a message of a group: anyone in it may press what was sent for another.
    if chat and not _one_person(chat, update_id):
        return None
    return InboundMessage(
        channel=CHANNEL,
        chat_id=chat_id,
        message_id=str(update_id),
        text=_label_of(message, data),
        user_id=user_id,
        user_name=_display_name(user),
        payload=data,
        language_hint=text(user, "language_code"),
        meta={
            "callback_query_id": ident(query, "id", required=True),
            KEYBOARD_MESSAGE: ident(message, "message_id"),
        },
    )


def _label_of(message: dict[str, Any], data: str) -> str:
    """The pressed button's text, read back from the keyboard the user pressed it on."""
    markup = obj(message, "reply_markup")
    for row in items(markup, "inline_keyboard"):
        if not isinstance(row, list):
            raise UntrustedInput("inline_keyboard: rows must be lists")
        for button in row:
            if _is_object(button) and button.get("callback_data") == data:
                return text(button, "text")
    return ""


def _from_member_change(update_id: int, change: dict[str, Any]) -> InboundMessage | None:
    """In private chats this update only says: the user blocked or unblocked the bot."""
    chat = obj(change, "chat", required=True)
    if chat.get("type") != "private":
        return None
    status = obj(change, "new_chat_member").get("status")
    if status == "kicked":
        kind = "blocked"
    elif status == "member":
        kind = "unblocked"
    else:
        return None
    user = obj(change, "from")
    return InboundMessage(
        channel=CHANNEL,
        chat_id=ident(chat, "id", required=True),
        message_id=str(update_id),
        user_id=ident(user, "id"),
        user_name=_display_name(user),
        kind=kind,
    )


def _display_name(user: dict[str, Any]) -> str:
    name = " ".join(p for p in (text(user, "first_name"), text(user, "last_name")) if p)
    return name or text(user, "username")


def callback_data_for(payload: str) -> str:
    """`payload` itself when it fits Telegram's 64 bytes, else a stable short stand-in."""
    if len(payload.encode()) <= CALLBACK_DATA_MAX_BYTES:
        return payload
    return HASHED_PAYLOAD_PREFIX + hashlib.sha256(payload.encode()).hexdigest()[:40]


def is_hashed_payload(data: str) -> bool:
    return data.startswith(HASHED_PAYLOAD_PREFIX) and len(data) == len(HASHED_PAYLOAD_PREFIX) + 40


def keyboard_rows(buttons: tuple[Button, ...]) -> list[list[tuple[str, str]]]:
    """(label, callback_data) rows: short labels side by side, others one per row."""
    if buttons and all(len(b.label) <= SHORT_LABEL_CHARS for b in buttons) and len(buttons) <= 8:
        return [[(b.label, callback_data_for(b.payload)) for b in buttons]]
    return [[(b.label, callback_data_for(b.payload))] for b in buttons]
