"""Upload and download of attachments over HTTP, shared by the widget and the console.

Uploads are the raw file as the request body, its name in `X-File-Name` (URL-encoded):
no multipart parsing, and the size limit is enforced while reading, before anything
is kept.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from aiohttp import web

from gateway.attachments import FileRefused, FileRules, download_headers, kind_of, safe_name
from gateway.config import WebSettings
from gateway.models import Attachment
from gateway.store import StoredFile

NAME_HEADER = "X-File-Name"
REFUSAL_STATUS = {"too_large": 413, "bad_type": 415, "empty": 400}


def rules_of(settings: WebSettings) -> FileRules:
    return FileRules(settings.upload_max_bytes, tuple(settings.upload_types))


async def read_upload(request: web.Request, rules: FileRules) -> tuple[str, str, bytes]:
    """(safe name, real type, bytes) of the uploaded file, or FileRefused."""
    declared = request.content_length
    if declared is not None and declared > rules.max_bytes:
        raise FileRefused("too_large", f"the file is larger than {rules.max_bytes} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.content.iter_chunked(64 * 1024):
        size += len(chunk)
        if size > rules.max_bytes:
            raise FileRefused("too_large", f"the file is larger than {rules.max_bytes} bytes")
        chunks.append(chunk)
    data = b"".join(chunks)
    mime_type = rules.check(data)
    name = safe_name(unquote(request.headers.get(NAME_HEADER, "")), mime_type)
    return name, mime_type, data


def refusal(exc: FileRefused, rules: FileRules) -> web.Response:
    return web.json_response(
        {"error": exc.code, "detail": str(exc), "limit": rules.max_bytes},
        status=REFUSAL_STATUS.get(exc.code, 400),
    )


def attachment_of(meta: StoredFile) -> Attachment:
    """How a kept file travels in messages and transcripts."""
    return Attachment(
        kind=kind_of(meta.mime_type),
        file_id=meta.id,
        name=meta.name,
        mime_type=meta.mime_type,
        size=meta.size,
    )


def attachment_view(item: dict[str, Any]) -> dict[str, Any]:
    """What a reader of a transcript is told about an attachment (no channel internals)."""
    return {
        "name": str(item.get("name") or ""),
        "mime_type": str(item.get("mime_type") or ""),
        "size": int(item.get("size") or 0),
        "kind": str(item.get("kind") or "document"),
    }


def file_response(name: str, mime_type: str, data: bytes) -> web.Response:
    return web.Response(body=data, headers=download_headers(name, mime_type, len(data)))
