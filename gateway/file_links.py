"""Signed, expiring public links to one kept file, for channels that take files only from a
URL (Viber downloads an operator's file from the address in the message).

A link names one file id and the time it was made, signed with HMAC-SHA256 keyed by
FIRSTLINE_SESSION_SECRET (for this purpose only): nothing is listed, nothing else can be
reached from it, and a forged, altered or expired link gets the same 404 as a missing file.
"""

from __future__ import annotations

from aiohttp import web

from gateway.attachments import download_headers
from gateway.config import Settings
from gateway.store import Store
from gateway.web.auth import Signer, session_secret

LINK_PATH = "/files/public/"
PURPOSE = "public-file-link"


class FileLinks:
    """Makes public links to kept files and serves them while they are valid."""

    def __init__(self, settings: Settings, store: Store) -> None:
        secret = settings.web.session_secret
        self._signer = Signer(
            session_secret(secret.get_secret_value() if secret else None, "public file link"),
            PURPOSE,
        )
        self._http = settings.http
        self._max_age = settings.web.file_link_hours * 3600
        self._store = store

    def url(self, file_id: str) -> str:
        """The public address of this file for the next `file_link_hours` ("" without
        `http.public_url`, or for an id a link cannot carry)."""
        if not file_id or "." in file_id:
            return ""
        return self._http.public(LINK_PATH + self._signer.sign(file_id))

    def routes(self) -> list[web.RouteDef]:
        return [web.get(LINK_PATH + "{token}", self.serve)]

    async def serve(self, request: web.Request) -> web.Response:
        """The file a valid link names, as a download; 404 for anything else."""
        file_id = self._signer.unsign(request.match_info["token"], self._max_age)
        kept = await self._store.files.get(file_id) if file_id else None
        if kept is None:
            raise web.HTTPNotFound(text="no such file")
        meta, data = kept
        headers = download_headers(meta.name, meta.mime_type, len(data))
        return web.Response(body=data, headers=headers)
