"""Telegram Update JSON → `InboundMessage`, and buttons → an inline keyboard.

Works on the plain decoded JSON (dicts), not on aiogram's models, so the webhook can
store an update without validating the whole object first; polling hands over
`update.model_dump(by_alias=True)`, which has the same shape.
"""

from __future__ import annotations

import hashlib
from typing import Any

from gateway.models import Attachment, Button, InboundMessage

CHANNEL = "telegram"
CALLBACK_DATA_MAX_BYTES = 64
HASHED_PAYLOAD_PREFIX = "h:"  # callback_data standing for a payload too long to embed
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


def inbound_from_update(update: Any) -> InboundMessage | None:
    """Translate one update; None for update types the gateway does not use."""
    update_id = update_id_of(update)
    try:
        if "message" in update:
            return _from_message(update_id, update["message"], edited=False)
        if "edited_message" in update:
            return _from_message(update_id, update["edited_message"], edited=True)
        if "callback_query" in update:
            return _from_callback(update_id, update["callback_query"])
        if "my_chat_member" in update:
            return _from_member_change(update_id, update["my_chat_member"])
    except (KeyError, TypeError, AttributeError) as exc:
        raise MalformedUpdate(f"update {update_id}: {type(exc).__name__}: {exc}") from None
    return None


def callback_query_id(update: dict[str, Any]) -> str:
    """The id to answer with answerCallbackQuery, or "" when the update is no button press."""
    query = update.get("callback_query")
    return str(query.get("id", "")) if isinstance(query, dict) else ""


def _from_message(update_id: int, message: dict[str, Any], *, edited: bool) -> InboundMessage:
    chat = message["chat"]
    user = message.get("from") or {}
    text = message.get("text") or message.get("caption") or ""
    kind = "edited" if edited else "message"
    meta = {"message_id": str(message["message_id"]), "chat_type": str(chat.get("type", ""))}
    if not edited and _is_start_command(text):
        kind = "start"
        start_param = text.partition(" ")[2].strip()
        if start_param:
            meta["start_param"] = start_param
    return InboundMessage(
        channel=CHANNEL,
        chat_id=str(chat["id"]),
        message_id=str(update_id),
        text=text,
        user_id=str(user.get("id", "")),
        user_name=_display_name(user),
        attachments=_attachments(message),
        language_hint=str(user.get("language_code", "")),
        kind=kind,
        meta=meta,
    )


def _is_start_command(text: str) -> bool:
    command = text.split(maxsplit=1)[0] if text.strip() else ""
    return command == "/start" or command.startswith("/start@")


def _attachments(message: dict[str, Any]) -> tuple[Attachment, ...]:
    found: list[Attachment] = []
    photos = message.get("photo")
    if photos:
        # Several sizes of one picture: keep the largest.
        best = max(photos, key=lambda p: (p.get("file_size") or 0, p.get("width") or 0))
        found.append(
            Attachment(
                kind="photo",
                file_id=str(best["file_id"]),
                mime_type="image/jpeg",
                size=int(best.get("file_size") or 0),
            )
        )
    for field, kind in (
        ("document", "document"),
        ("video", "video"),
        ("audio", "audio"),
        ("voice", "audio"),
    ):
        item = message.get(field)
        if item:
            found.append(
                Attachment(
                    kind=kind,
                    file_id=str(item["file_id"]),
                    name=str(item.get("file_name", "")),
                    mime_type=str(item.get("mime_type", "")),
                    size=int(item.get("file_size") or 0),
                )
            )
    return tuple(found)


def _from_callback(update_id: int, query: dict[str, Any]) -> InboundMessage:
    user = query["from"]
    message = query.get("message") or {}
    chat_id = (message.get("chat") or {}).get("id", user["id"])
    data = str(query.get("data", ""))
    return InboundMessage(
        channel=CHANNEL,
        chat_id=str(chat_id),
        message_id=str(update_id),
        text=_label_of(message, data),
        user_id=str(user["id"]),
        user_name=_display_name(user),
        payload=data,
        language_hint=str(user.get("language_code", "")),
        meta={"callback_query_id": str(query["id"])},
    )


def _label_of(message: dict[str, Any], data: str) -> str:
    """The pressed button's text, read back from the keyboard the user pressed it on."""
    markup = message.get("reply_markup") or {}
    for row in markup.get("inline_keyboard") or ():
        for button in row:
            if button.get("callback_data") == data:
                return str(button.get("text", ""))
    return ""


def _from_member_change(update_id: int, change: dict[str, Any]) -> InboundMessage | None:
    """In private chats this update only says: the user blocked or unblocked the bot."""
    chat = change["chat"]
    if chat.get("type") != "private":
        return None
    status = (change.get("new_chat_member") or {}).get("status")
    if status == "kicked":
        kind = "blocked"
    elif status == "member":
        kind = "unblocked"
    else:
        return None
    user = change.get("from") or {}
    return InboundMessage(
        channel=CHANNEL,
        chat_id=str(chat["id"]),
        message_id=str(update_id),
        user_id=str(user.get("id", "")),
        user_name=_display_name(user),
        kind=kind,
    )


def _display_name(user: dict[str, Any]) -> str:
    name = " ".join(p for p in (user.get("first_name"), user.get("last_name")) if p)
    return name or str(user.get("username", ""))


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
