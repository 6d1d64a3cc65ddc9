"""Attachments in the console: operators download what users sent on any channel, and
upload files to attach to their replies.

Every file an operator can fetch goes through a ticket they can see: attachment `n` of
transcript entry `index` of that ticket's conversation (or, for mail, the message as it
came). Another group's operator gets the same 404 as for a missing file.

Web-chat files and operators' files are kept in the store. Telegram, Viber and WhatsApp
keep users' files themselves, mail attachments are kept at intake: those are fetched
through the channel's connector when an operator asks for them.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

from aiohttp import web

from gateway.attachments import FileRefused, safe_name, sniff
from gateway.connectors.base import DeliveryError
from gateway.disclosed_passwords import hide_in_file_name
from gateway.models import Attachment, Ticket
from gateway.runtime import Runtime
from gateway.web.desk_api import ACTION_ID, DeskApi
from gateway.web.files import file_response, read_upload, refusal, rules_of
from gateway.web.sessions import Session, refuse

log = logging.getLogger(__name__)
MAX_POSITION_DIGITS = 9  # a transcript entry's or an attachment's position in a URL


class ChannelFiles(Protocol):
    """A connector that can fetch a file a user sent (Telegram getFile, Viber media URL)."""

    channel: str

    async def fetch_file(self, attachment: Attachment) -> bytes: ...


class ChannelOriginals(Protocol):
    """A connector that keeps each received message as it came (mail's .eml)."""

    channel: str

    async def original(self, message_id: str) -> bytes | None: ...


class DownloadById:
    """A connector that downloads a user's file by its channel id (WhatsApp media id)."""

    def __init__(self, connector: object) -> None:
        self.channel = str(getattr(connector, "channel", ""))
        self._download = getattr(connector, "download")  # noqa: B009 - checked by the caller

    async def fetch_file(self, attachment: Attachment) -> bytes:
        data: bytes = await self._download(attachment.file_id)
        return data


class DeskFiles:
    """Handlers for /console/api/tickets/{id}/files...; each receives the session."""

    def __init__(self, rt: Runtime, desk: DeskApi) -> None:
        self.rt = rt
        self.desk = desk
        self.channels: dict[str, ChannelFiles] = {}
        self.originals: dict[str, ChannelOriginals] = {}

    async def upload(self, request: web.Request, session: Session) -> web.Response:
        """A file to attach to a reply on this ticket; answers its id for the reply."""
        ticket = await self.desk.visible_ticket(request.match_info["ticket_id"], session)
        # The console's id of this upload (console.js, one per chosen file): sent again
        # after a lost answer it is answered the same file id, so the reply that names the
        # files is the same action and is sent once.
        upload_id = request.headers.get("X-Upload-Id", "")
        if upload_id and not ACTION_ID.fullmatch(upload_id):
            raise refuse(400, "X-Upload-Id: 8 to 64 letters, digits, '-' or '_'")
        settings = self.rt.settings.web
        rules = rules_of(settings)
        try:
            name, mime_type, data = await read_upload(request, rules)
        except FileRefused as exc:
            return refusal(exc, rules)
        if hide_in_file_name(name)[1]:
            # A reply naming it would be refused (password_in_reply); the file is not
            # kept either, so the password does not wait in the store for its retention.
            raise refuse(
                409,
                "the file's name holds a password: passwords never go in the chat",
                key="password_in_file_name",
            )
        meta = await self.rt.store.files.put(
            ticket.conversation_key,
            name,
            mime_type,
            data,
            uploaded_by=f"operator:{session.account.login}",
            ttl_seconds=settings.file_retention_days * 86400,
            upload_id=upload_id,
        )
        return web.json_response(
            {"id": meta.id, "name": meta.name, "size": meta.size, "mime_type": meta.mime_type}
        )

    async def _entry(self, request: web.Request, session: Session) -> tuple[Ticket, dict[str, Any]]:
        """The ticket (if this operator may see it) and its transcript entry `index`."""
        ticket = await self.desk.visible_ticket(request.match_info["ticket_id"], session)
        index = _position(request.match_info["index"])
        entries = await self.rt.store.conversations.transcript(
            ticket.conversation_key, index, index
        )
        if not entries:
            raise refuse(404, "no such attachment")
        return ticket, entries[0]

    async def download(self, request: web.Request, session: Session) -> web.Response:
        """Attachment `n` of transcript entry `index` of the ticket's conversation."""
        ticket, entry = await self._entry(request, session)
        items = entry.get("attachments") or []
        n = _position(request.match_info["n"])
        if n >= len(items):
            raise refuse(404, "no such attachment")
        attachment = Attachment(**items[n])
        kept = await self.rt.store.files.get(attachment.file_id) if attachment.file_id else None
        if kept is not None and kept[0].conversation == ticket.conversation_key:
            return file_response(kept[0].name, kept[0].mime_type, kept[1])
        channel = self.channels.get(ticket.channel)
        if channel is None or entry.get("direction") != "in":
            raise refuse(404, "the file is no longer kept")
        try:
            data = await channel.fetch_file(attachment)
        except Exception as exc:  # the channel's API or network failed; the operator is told
            if not isinstance(exc, DeliveryError | OSError):
                log.exception("file download from %s failed", ticket.channel)
            log.warning("file download failed", extra={"channel": ticket.channel})
            raise refuse(502, f"{ticket.channel} did not hand over the file: {exc}") from None
        # The channel's word on the type is not trusted: what the bytes are is sent.
        mime_type = sniff(data) or "application/octet-stream"
        name = safe_name(attachment.name or attachment.kind, mime_type)
        return file_response(name, mime_type, data)

    async def original(self, request: web.Request, session: Session) -> web.Response:
        """The message of transcript entry `index` as the channel delivered it (mail: .eml)."""
        ticket, entry = await self._entry(request, session)
        keeper = self.originals.get(ticket.channel)
        message_id = str(entry.get("message_id") or "")
        raw = None
        if keeper is not None and entry.get("direction") == "in" and message_id:
            raw = await keeper.original(message_id)
        if raw is None:
            raise refuse(404, "the message is not kept as it came")
        return file_response("original.eml", "message/rfc822", raw)


def _position(value: str) -> int:
    """A position named in a URL: ASCII digits of a count a transcript can reach (Redis
    refuses an index past 64 bits with an error, not as "none"); else 404."""
    if not (value.isascii() and value.isdigit() and len(value) <= MAX_POSITION_DIGITS):
        raise refuse(404, "no such attachment")
    return int(value)
