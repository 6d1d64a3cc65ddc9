"""The report as rows (figure, value) for the terminal table, CSV, and the web page.

One flattening and one display format, so the page and `firstline report` show the
same text for every figure.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

PERCENT_KEYS = ("share", "compliance", "response_rate", "within_sla", "of_answered")
# A cell a spreadsheet reads as a formula (Excel, LibreOffice, Google Sheets; the full-width
# signs too): a user's words in the export (a rating comment, an unmatched question, a
# subject) such as "=HYPERLINK(…)" ran when a lead opened the file.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# A formula sign right after a character some reader splits cells or rows at.
_AFTER_SEPARATOR = re.compile("([;,\t\r\n])([=+\\-@\uff1d\uff0b\uff0d\uff20])")


def rows(report: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """("deflection.bot_share", 0.72), ... in a stable order; volume as weekday.hour."""
    for section, body in report.items():
        if section == "volume":
            yield "volume.total", body["total"]
            for name, hours in zip(body["weekdays"], body["by_weekday_hour"], strict=True):
                for hour, n in enumerate(hours):
                    yield f"volume.{name}.{hour:02d}", n
        elif section != "query":
            yield from _flatten(section, body)


def _flatten(prefix: str, value: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _flatten(f"{prefix}.{key}", item)
    elif isinstance(value, list) and value and isinstance(value[0], dict):
        for n, item in enumerate(value, 1):
            yield from _flatten(f"{prefix}.{n}", item)
    elif isinstance(value, list):
        yield prefix, " ".join(str(v) for v in value)
    else:
        yield prefix, value


def display(key: str, value: Any) -> str:
    """How a figure reads: 72.5%, 31m 13s, 4.6, —."""
    if value is None:
        return "—"
    last = key.rsplit(".", 1)[-1]
    if isinstance(value, float) and any(last.endswith(k) for k in PERCENT_KEYS):
        return f"{value * 100:.1f}%"
    if last.endswith("_seconds"):
        return duration(float(value))
    if last == "due":
        return datetime.fromtimestamp(float(value), UTC).strftime("%Y-%m-%d %H:%M UTC")
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def duration(seconds: float) -> str:
    seconds = round(seconds)
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return f"{days}d {hours}h {minutes:02d}m"
    if hours:
        return f"{hours}h {minutes:02d}m"
    return f"{minutes}m {secs:02d}s"


def as_table(report: dict[str, Any]) -> str:
    body = [(k, display(k, v)) for k, v in rows(report)]
    width = max((len(k) for k, _ in body), default=10)
    head = [f"{k}: {v}" for k, v in report["query"].items()]
    return "\n".join(head + [""] + [f"{k.ljust(width)}  {v}" for k, v in body]) + "\n"


def as_csv(report: dict[str, Any]) -> str:
    """The figures as CSV; a text that a spreadsheet would run as a formula is kept as
    text (a leading apostrophe, OWASP's advice); numbers stay numbers."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["figure", "value"])
    for key, value in report["query"].items():
        text = value if isinstance(value, str) else " ".join(value)
        writer.writerow([as_text(f"query.{key}"), as_text(text)])
    for key, value in rows(report):
        writer.writerow([as_text(key), "" if value is None else as_text(value)])
    return out.getvalue()


def as_text(value: Any) -> Any:
    """A text cell that cannot start a formula, wherever a reader splits it; anything else
    as it is.

    A Russian or Ukrainian Excel opens a .csv at ";" (the locale's list separator), and
    LibreOffice offers tab and ";": there "ok;=HYPERLINK(…)" or a line break before "@SUM(…)"
    began a cell of its own, a formula. A formula sign after a separator or line break
    gets the apostrophe too (plain text with "; -" or "; +7" keeps its words)."""
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_STARTS):
        value = "'" + value
    return _AFTER_SEPARATOR.sub(r"\1'\2", value)


def as_json(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
