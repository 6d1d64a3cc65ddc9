"""`firstline report`: the console's report figures in the terminal, as table, JSON or CSV."""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, timedelta
from typing import TextIO
from zoneinfo import ZoneInfo

from gateway.config import Settings
from gateway.models import Channel, SupportGroup
from gateway.reports.export import as_csv, as_json, as_table
from gateway.reports.figures import PRIORITIES, ReportQuery
from gateway.reports.service import ReportService
from gateway.runtime import redis_target
from gateway.store import Store

DEFAULT_DAYS = 7
# A period is read day by day (notes) and unit by unit: bounded, so that no request
# reads centuries (or reaches the calendar's end, where a month's end overflows).
MAX_DAYS = 3 * 366
EARLIEST = date(2000, 1, 1)


def query_from(
    start: str | None,
    end: str | None,
    groups: list[str],
    channel: str,
    operator: str,
    priority: str,
    timezone: str,
) -> ReportQuery:
    """A query from user input; ValueError says what is wrong."""
    today = datetime.now(ZoneInfo(timezone)).date()
    last = _day(end, "to") if end else today
    first = _day(start, "from") if start else last - timedelta(days=DEFAULT_DAYS - 1)
    if first < EARLIEST or last > today + timedelta(days=366):
        raise ValueError(f"from, to: dates from {EARLIEST} to a year from today")
    if (last - first).days >= MAX_DAYS:
        raise ValueError(f"from, to: a period of at most {MAX_DAYS} days")
    known = {g.value for g in SupportGroup}
    unknown = set(groups) - known
    if unknown:
        raise ValueError(f"group: unknown {sorted(unknown)}; one of {', '.join(sorted(known))}")
    # A channel or priority nobody can have would report zeros that look true: refused.
    channels = sorted(c.value for c in Channel)
    if channel and channel not in channels:
        raise ValueError(f"channel: unknown {channel[:40]!r}; one of {', '.join(channels)}")
    if priority and priority not in PRIORITIES:
        raise ValueError(f"priority: unknown {priority[:40]!r}; one of {', '.join(PRIORITIES)}")
    return ReportQuery(
        start=first,
        end=last,
        groups=frozenset(groups) if groups else None,
        channel=channel,
        operator=operator,
        priority=priority,
    )


def _day(text: str, name: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{name}: a date as YYYY-MM-DD (got {text!r})") from None


async def print_report(settings: Settings, args: argparse.Namespace, out: TextIO) -> int:
    try:
        query = query_from(
            args.start, args.end, args.group, args.channel, args.operator, args.priority,
            settings.sla.timezone,
        )  # fmt: skip
    except ValueError as exc:
        print(f"report: {exc}", file=sys.stderr)
        return 2
    store = Store.connect(redis_target(settings, settings.redis.url or ""), settings.worker.shards)
    try:
        report = await ReportService(store, settings.sla.timezone).report(query)
    finally:
        await store.close()
    render = {"json": as_json, "csv": as_csv, "table": as_table}[args.format]
    out.write(render(report))
    return 0
