"""Turning mail bytes into text when the declared charset is missing, wrong or unknown.

Russian and Ukrainian mail still arrives in koi8-r, koi8-u and windows-1251, sometimes
labelled with a name Python does not know, sometimes not labelled at all, and sometimes
with 8-bit bytes straight in the headers. The guess between the Cyrillic single-byte
charsets uses a fact of the text: most letters are lower case, and each of these
charsets puts lower-case letters in a different byte range.
"""

from __future__ import annotations

import codecs

CYRILLIC_CANDIDATES = ("cp1251", "koi8-u", "koi8-r")
# Labels seen in the wild that Python's codec registry does not resolve by itself.
ALIASES = {
    "win-1251": "cp1251",
    "windows1251": "cp1251",
    "x-cp1251": "cp1251",
    "cp-1251": "cp1251",
    "x-mac-cyrillic": "mac-cyrillic",
    "utf8": "utf-8",
    "unicode-1-1-utf-8": "utf-8",
    "x-unknown": "",
    "unknown-8bit": "",
    "x-user-defined": "",
    "default": "",
}


def codec_for(label: str | None) -> str:
    """A Python codec name for a MIME charset label, or "" when it is unknown."""
    name = (label or "").strip().strip('"').lower()
    if not name:
        return ""
    name = ALIASES.get(name, name)
    if not name:
        return ""
    try:
        return codecs.lookup(name).name
    except LookupError:
        return ""


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Decode a body: the declared charset if it fits, else UTF-8, else the best guess."""
    codec = codec_for(declared)
    if codec and codec not in ("ascii", "us-ascii"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            pass
        else:
            if codec in ("utf-8", "utf_8") or not _looks_misdeclared(text, data):
                return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if data.isascii():
        return data.decode("ascii")
    return guess_single_byte(data)


def guess_single_byte(data: bytes) -> str:
    """The Cyrillic single-byte reading with the most lower-case letters."""
    best, best_score = data.decode("cp1251", errors="replace"), -1.0
    for codec in CYRILLIC_CANDIDATES:
        text = data.decode(codec, errors="replace")
        score = _lowercase_share(text)
        if score > best_score + 0.05:  # cp1251 wins ties: it is the most common
            best, best_score = text, score
    return best


def _lowercase_share(text: str) -> float:
    letters = [c for c in text if "\u0400" <= c <= "\u04ff"]
    if not letters:
        return 0.0
    return sum(1 for c in letters if c.islower()) / len(letters)


def _looks_misdeclared(text: str, data: bytes) -> bool:
    """A Cyrillic single-byte label on text that reads as mostly capitals is wrong."""
    if data.isascii():
        return False
    letters = [c for c in text if "\u0400" <= c <= "\u04ff"]
    return len(letters) >= 8 and _lowercase_share(text) < 0.35


def fix_raw_headers(raw: bytes) -> bytes:
    """Re-encode an 8-bit header block that is not UTF-8 (raw cp1251/koi8-r) as UTF-8.

    The standard parser reads raw UTF-8 headers (RFC 6532) but turns any other 8-bit
    header into replacement characters; decoding the block first keeps the words.
    """
    end = _header_end(raw)
    head = raw[:end]
    if head.isascii():
        return raw
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return guess_single_byte(head).encode("utf-8") + raw[end:]
    return raw


def _header_end(raw: bytes) -> int:
    positions = [p for p in (raw.find(b"\r\n\r\n"), raw.find(b"\n\n")) if p >= 0]
    return min(positions) if positions else len(raw)
