"""Files people send each other through the desk: what we accept and how we hand them out.

A file's type is read from its first bytes, never taken from the sender's word, and only
the configured types are kept. Names are reduced to a safe file name. Files are always
served as downloads (`Content-Disposition: attachment`, `nosniff`), so a browser never
runs or renders something a user uploaded inside our origin.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote

from gateway.models import InboundMessage

MAX_NAME_CHARS = 120
# Unicode categories no file name shows: controls, format characters (bidi overrides and
# isolates, zero-width ones), line and paragraph separators.
HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')

# Magic numbers of the types a support desk needs: screenshots, documents, logs, archives.
_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "image/png"),
    (b"\xff\xd8\xff", 0, "image/jpeg"),
    (b"GIF87a", 0, "image/gif"),
    (b"GIF89a", 0, "image/gif"),
    (b"WEBP", 8, "image/webp"),
    (b"%PDF-", 0, "application/pdf"),
    (b"PK\x03\x04", 0, "application/zip"),
)
EXTENSIONS = {
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "application/pdf": ".pdf",
    "application/zip": ".zip",
    "text/plain": ".txt",
}


class FileRefused(ValueError):
    """The file may not be kept: `code` is `too_large`, `bad_type` or `empty`."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code


@dataclass(frozen=True)
class FileRules:
    """What a deployment accepts (from `web.upload_*` in the configuration)."""

    max_bytes: int
    types: tuple[str, ...]

    def check(self, data: bytes) -> str:
        """The file's real type, if it may be kept; else FileRefused."""
        if not data:
            raise FileRefused("empty", "the file is empty")
        if len(data) > self.max_bytes:
            raise FileRefused("too_large", f"the file is larger than {self.max_bytes} bytes")
        kind = sniff(data)
        if kind is None or kind not in self.types:
            raise FileRefused("bad_type", f"files of this type are not accepted: {kind or '?'}")
        return kind


def sniff(data: bytes) -> str | None:
    """The MIME type the bytes really are, or None if not one we know."""
    for magic, offset, kind in _SIGNATURES:
        if data[offset : offset + len(magic)] == magic:
            if kind == "image/webp" and not data.startswith(b"RIFF"):
                continue
            return kind
    head = data[:4096]
    if b"\x00" in head:
        return None
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # a character cut at the end of the sample is fine
            return None
    return "text/plain"


# Endings that are honest names for a type's bytes: office documents are ZIP containers,
# and these plain-text formats open as text, so a mailed report.docx or data.csv keeps its
# name. Anything else gets the type's own ending (page.html sent as text becomes .html.txt).
_ALSO_ENDS = {
    "image/jpeg": (".jpeg",),
    "application/zip": (".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp"),
    "text/plain": (".csv", ".log", ".md", ".json", ".ini", ".conf", ".cfg", ".yaml", ".yml"),
}


def plain_name(name: str) -> str:
    """A file's name as it may be shown and saved: without control characters, line or
    paragraph separators, and format characters: a right-to-left override made
    "invoice\u202egpj.exe" read "invoiceexe.jpg" on the console and in the saved name."""
    name = unicodedata.normalize("NFC", name)
    return "".join(ch for ch in name if unicodedata.category(ch) not in HIDDEN_CATEGORIES)


def with_plain_names(message: InboundMessage) -> InboundMessage:
    """The message with its files' names plain (`plain_name`), whatever channel sent them
    (a mail's, a Telegram or Viber document's): the console shows them as they are."""
    plain = tuple(dataclasses.replace(a, name=plain_name(a.name)) for a in message.attachments)
    if plain == message.attachments:
        return message
    return dataclasses.replace(message, attachments=plain)


def safe_name(name: str, kind: str) -> str:
    """A file name with no path, control or shell-special characters, ending as its type."""
    # A header's undecodable bytes arrive as surrogates: they are no text to keep or send.
    name = name.encode("utf-8", "replace").decode("utf-8")
    name = plain_name(name).replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE.sub("_", name).strip(" .")[:MAX_NAME_CHARS] or "file"
    extension = EXTENSIONS.get(kind, "")
    if extension and not name.lower().endswith((extension, *_ALSO_ENDS.get(kind, ()))):
        name += extension
    return name


def kind_of(mime_type: str) -> str:
    """The attachment kind channels use: photo for images, document for the rest."""
    return "photo" if mime_type.startswith("image/") else "document"


def download_headers(name: str, mime_type: str, size: int) -> dict[str, str]:
    """Headers that make a browser save the file, never display or sniff it."""
    ascii_name = name.encode("ascii", "replace").decode().replace("?", "_").replace('"', "_")
    return {
        "Content-Type": mime_type or "application/octet-stream",
        "Content-Disposition": f"attachment; filename=\"{ascii_name}\"; "
        f"filename*=UTF-8''{quote(name, safe='')}",
        "Content-Length": str(size),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Cache-Control": "private, no-store",
    }
