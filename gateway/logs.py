"""Structured logging: plain or JSON lines, with secrets redacted from every record.

At info level the gateway logs what happened (channel, ids, outcome), never whole message
bodies; texts appear only at debug level.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
from collections.abc import Iterable

from gateway.store import STORE_UNAVAILABLE

_STANDARD = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}
# Paths whose last part is a one-time credential (a password-reset link, a mail rating
# link, a public file link): whoever reads it in a log could use it. The path names are
# self_service.RESET_PATH, mail ratings' RATE_PATH and file_links.LINK_PATH.
ONE_TIME_PATHS = ("/account/password/", "/email/rate/", "/files/public/")
ONE_TIME_LINK = re.compile("(" + "|".join(map(re.escape, ONE_TIME_PATHS)) + r")[^\s\"'<>?#]+")
FIELD_CHARS = 500  # a structured field's text is cut here: senders control much of it
FIELD_ITEMS = 50
MESSAGE_CHARS = 2000


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message and any `extra` fields."""

    def format(self, record: logging.LogRecord) -> str:
        payload = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        payload.update({k: v for k, v in record.__dict__.items() if k not in _STANDARD})
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            payload["exc"] = record.exc_text
        return json.dumps(payload, ensure_ascii=False, default=str)


class PlainFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        base = super().format(record)
        extra = {k: v for k, v in record.__dict__.items() if k not in _STANDARD}
        return f"{base} {extra}" if extra else base


class RedactSecrets(logging.Filter):
    """Replaces any configured secret with *** in every part of a record (the message, its
    arguments, every structured field, the traceback), and caps the structured fields, whose
    values often come from senders (an error text quoting a payload, a webhook event)."""

    def __init__(self, secrets: Iterable[str], field_chars: int = FIELD_CHARS) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s and len(s) >= 6]
        self.field_chars = field_chars

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        redacted = self._text(text)
        if len(redacted) > MESSAGE_CHARS:
            redacted = redacted[:MESSAGE_CHARS] + f"...[{len(redacted) - MESSAGE_CHARS} more]"
        if redacted != text:
            record.msg, record.args = redacted, None
        for name, value in list(record.__dict__.items()):
            if name not in _STANDARD:
                setattr(record, name, self._field(value, 0))
        if self.secrets:
            if record.exc_info and not record.exc_text:
                record.exc_text = logging.Formatter().formatException(record.exc_info)
                record.exc_info = None
            if record.exc_text:
                record.exc_text = self._text(record.exc_text)
            if record.stack_info:
                record.stack_info = self._text(record.stack_info)
        return True

    def _text(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "***")
        return ONE_TIME_LINK.sub(r"\1***", text) if "/" in text else text

    def _field(self, value: object, depth: int) -> object:
        if isinstance(value, bool | int | float) or value is None:
            return value
        if depth < 3 and isinstance(value, dict):
            items = list(value.items())[:FIELD_ITEMS]
            return {self._field(str(k), 3): self._field(v, depth + 1) for k, v in items}
        if depth < 3 and isinstance(value, list | tuple | set | frozenset):
            return [self._field(v, depth + 1) for v in list(value)[:FIELD_ITEMS]]
        text = self._text(value if isinstance(value, str) else str(value))
        if len(text) > self.field_chars:
            text = text[: self.field_chars] + f"...[{len(text) - self.field_chars} more]"
        return text


def configure(level: str = "INFO", json_format: bool = False, secrets: Iterable[str] = ()) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        JsonFormatter()
        if json_format
        else PlainFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    )
    handler.addFilter(RedactSecrets(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("aiohttp.access",):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))


def log_failure(logger: logging.Logger, message: str, *args: object) -> None:
    """Log the exception being handled: a store outage (expected, retried by the caller) as a
    warning without a traceback, anything else with its traceback."""
    exc = sys.exc_info()[1]
    if isinstance(exc, STORE_UNAVAILABLE):
        logger.warning(message + " (store unreachable)", *args, extra={"error": repr(exc)})
    else:
        logger.exception(message, *args)
