"""Builds reports from the store: the counters of the period plus the live SLA state."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from gateway.models import Ticket
from gateway.reports.counters import unit_end
from gateway.reports.figures import ReportQuery, build_report
from gateway.store import Store
from gateway.triage.sla_clock import expected_by

LIVE_LIMIT = 200  # breached / near-breach tickets listed
MAX_KEPT_UNITS = 2000  # closed days / weeks / months kept in memory
NOTES_READ = 100  # comments and unmatched questions read per day, newest first


class ReportService:
    """`report(query)`: every figure, read from per-day counters (never every ticket).

    Counters are written on the day an event happens, so a unit (day, week, month) that
    ended before today never changes again: it is read once and kept. The one exception, a
    bot resolution taken back on a later day, is told by a counter (`amended`) that empties
    what is kept.
    """

    def __init__(self, store: Store, timezone: str = "UTC") -> None:
        self.store = store
        self.zone = ZoneInfo(timezone)
        self._closed: dict[str, dict[str, int]] = {}
        self._amended = 0

    async def report(self, query: ReportQuery) -> dict[str, Any]:
        days = query.days()
        counters = await self._counters(query.units())
        comments = await self.store.reports.notes(days, "comments", NOTES_READ)
        unmatched = await self.store.reports.notes(days, "unmatched", NOTES_READ)
        breached, warned = await self.store.reports.live_sla()
        live = {
            "breached": await self._live(breached, query),
            "near_breach": await self._live(warned, query),
        }
        return build_report(query, counters, comments, unmatched, live)

    async def _counters(self, units: list[str]) -> list[dict[str, int]]:
        today = datetime.now(self.zone).date()
        # What is kept is taken before the keep may be emptied; a kept unit without
        # counters ({}) is kept all the same. Past days amended since: all read again.
        found = {u: self._closed[u] for u in units if u in self._closed}
        missing = [u for u in units if u not in found]
        amended, rows = await self.store.reports.amended_and_counters(missing)
        if amended != self._amended:
            self._closed.clear()
            self._amended = amended
            if found:
                return await self._counters(units)
        fetched = dict(zip(missing, rows, strict=True))
        if len(self._closed) > MAX_KEPT_UNITS:
            self._closed.clear()
        for unit, counters in fetched.items():
            if unit_end(unit) < today:
                self._closed[unit] = counters
        found |= fetched
        return [found[u] for u in units]

    async def _live(self, ids: list[str], query: ReportQuery) -> list[dict[str, Any]]:
        out = []
        for ticket in await self.store.tickets.many(ids[: LIVE_LIMIT * 4]):
            if _visible(ticket, query) and ticket.status.is_active:
                out.append(_live_row(ticket))
        out.sort(key=lambda r: (r["priority"], r["due"]))
        return out[:LIVE_LIMIT]


def _visible(ticket: Ticket, query: ReportQuery) -> bool:
    if query.groups is not None and ticket.group.value not in query.groups:
        return False
    if query.channel and ticket.channel != query.channel:
        return False
    if query.priority and ticket.priority.value != query.priority:
        return False
    return not (query.operator and ticket.assignee != query.operator)


def _live_row(ticket: Ticket) -> dict[str, Any]:
    return {
        "id": ticket.id,
        "group": ticket.group.value,
        "priority": ticket.priority.value,
        "level": ticket.level.value,
        "assignee": ticket.assignee,
        "status": ticket.shown_status,  # in_queue: open and nobody holds it
        "subject": ticket.subject,
        "due": expected_by(ticket),
    }
