"""Reading JSON that came from outside (webhooks, web-chat frames, console requests).

Anything a sender controls is parsed here before it reaches a connector's translator:
bounded nesting (no RecursionError), no `Infinity`/`NaN` (no OverflowError later), no
lone surrogates (they cannot be encoded as UTF-8, so Redis could not store them), and a
bounded size. What passes is plain JSON any later code can serialise and store.
"""

from __future__ import annotations

import json
import math
import re
import time
from typing import Any

MAX_DEPTH = 32  # real payloads (Telegram updates, Viber callbacks) nest < 10 deep
MAX_BYTES = 1024**2


class UntrustedInput(ValueError):
    """The bytes are not JSON we accept; the message says why, for a 4xx or an error frame."""


def parse_json(
    body: bytes | str, *, max_depth: int = MAX_DEPTH, max_bytes: int = MAX_BYTES
) -> Any:
    """Decode and check a JSON document, or raise UntrustedInput."""
    if len(body) > max_bytes:
        raise UntrustedInput("too large")
    try:
        text = body.decode("utf-8") if isinstance(body, bytes) else body
        value = _DECODER.decode(text)
    except RecursionError:
        raise UntrustedInput("nested too deeply") from None
    except (ValueError, TypeError) as exc:  # UnicodeDecodeError and JSONDecodeError included
        raise UntrustedInput(f"not JSON: {str(exc)[:100]}") from None
    if _may_break_rules(text, max_depth):
        check_value(value, max_depth=max_depth)
    return value


def _may_break_rules(text: str, max_depth: int) -> bool:
    """False when the text alone shows `check_value` would pass, which is the common case
    and saves walking every value of a webhook: too few brackets to nest too deeply, no
    escaped surrogate, no surrogate in the text itself, no number with a fraction or an
    exponent (1e999 decodes to infinity). Otherwise the walk decides."""
    if text.count("{") + text.count("[") > max_depth or _SURROGATE_ESCAPE.search(text):
        return True
    if _FLOAT.search(text):
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_FLOAT = re.compile(r"[0-9][.eE]")


def check_value(value: Any, *, max_depth: int = MAX_DEPTH) -> None:
    """Raise UntrustedInput if `value` nests deeper than allowed or holds unencodable text."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            check_text(item)
        elif isinstance(item, dict | list):
            if depth > max_depth:
                raise UntrustedInput("nested too deeply")
            if isinstance(item, dict):
                for key, child in item.items():
                    check_text(key)
                    stack.append((child, depth + 1))
            else:
                stack.extend((child, depth + 1) for child in item)
        elif isinstance(item, float) and not math.isfinite(item):
            raise UntrustedInput("numbers must be finite")


def check_text(text: str) -> None:
    """Text must be encodable as UTF-8 (JSON allows lone surrogates like "\\ud800")."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise UntrustedInput("text with an unpaired surrogate") from None


def is_clean_text(text: Any) -> bool:
    """A str that can be stored as UTF-8."""
    if not isinstance(text, str):
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


_DECODER = json.JSONDecoder(parse_constant=_no_constants)  # built once, not per document


# Typed reads from a decoded JSON object: a wrong type anywhere is UntrustedInput, never
# a TypeError three calls later (or a number stored where text belongs).


def obj(parent: dict[str, Any], key: str, *, required: bool = False) -> dict[str, Any]:
    """A nested object; {} when absent (or null) and not required."""
    value = parent.get(key)
    if value is None and not required:
        return {}
    if not isinstance(value, dict):
        raise UntrustedInput(f"{key}: an object is expected")
    return value


def items(parent: dict[str, Any], key: str) -> list[Any]:
    """A list; [] when absent or null."""
    value = parent.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise UntrustedInput(f"{key}: a list is expected")
    return value


def text(parent: dict[str, Any], key: str, *, required: bool = False) -> str:
    """A string; "" when absent (or null) and not required."""
    value = parent.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise UntrustedInput(f"{key}: text is expected")
    return value


# No channel's ids come near this (Telegram's file ids, the longest, are ~100 characters):
# a longer one is no id, and would be stored in keys and written to logs whole.
ID_LIMIT = 1024


def ident(parent: dict[str, Any], key: str, *, required: bool = False) -> str:
    """An id given as an integer or a non-empty string of at most `ID_LIMIT` characters, as
    text; "" when absent."""
    value = parent.get(key)
    if value is None and not required:
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and 0 < len(value) <= ID_LIMIT:
        return value
    raise UntrustedInput(f"{key}: an id is expected")


# Before this, no channel's time is one a message was really sent at ("date": 0).
PLAUSIBLE_SINCE = 946_684_800  # 2000-01-01 UTC


def sent_at(parent: dict[str, Any], key: str, *, millis: bool = False) -> float:
    """The time a channel says a message was sent (Unix seconds, or `millis`); when it
    gives none that can be one (absent, not a number, before 2000, past 2242), now."""
    value = parent.get(key)
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        seconds = value / 1000 if millis else float(value)
        if PLAUSIBLE_SINCE <= seconds < 2**33:
            return seconds
    return time.time()


def coordinate(parent: dict[str, Any], key: str) -> str:
    """A latitude or longitude as text ("" when absent); anything but a number is refused."""
    value = parent.get(key)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise UntrustedInput(f"{key}: a number is expected")
    return str(value)


def count(parent: dict[str, Any], key: str) -> int:
    """A non-negative whole number (sizes, dimensions); 0 when absent."""
    value = parent.get(key)
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise UntrustedInput(f"{key}: a number is expected")
    if not math.isfinite(value) or value < 0 or value > 2**63:
        raise UntrustedInput(f"{key}: out of range")
    return int(value)
