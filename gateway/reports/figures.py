"""The report: sums of the daily counters of a period, filtered, turned into figures.

Pure: it gets the counters, kept notes and live SLA tickets, and returns plain JSON, so
the console page, the CSV export and `firstline report` print the same numbers.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from gateway.reports.counters import NONE, WEEKDAYS, Dims, bucket_upper, cover, parse

GOOD_DEFLECTION = (0.6, 0.9)  # what a good first line reaches
PRIORITIES = ("P1", "P2", "P3", "P4")
TOP = 10
OPERATOR_METRICS = ("frt_", "res_", "resolved_", "csat_", "reopened")


@dataclass(frozen=True)
class ReportQuery:
    """A period (whole days, inclusive, in the desk's zone) and filters ("" = all)."""

    start: date
    end: date
    groups: frozenset[str] | None = None  # None: every group, and the bot's conversations
    channel: str = ""
    operator: str = ""
    priority: str = ""

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("the period ends before it starts")
        if (self.end - self.start).days > 3660:
            raise ValueError("the period is longer than ten years")

    def days(self) -> list[str]:
        count = (self.end - self.start).days + 1
        return [(self.start + timedelta(days=i)).isoformat() for i in range(count)]

    def units(self) -> list[str]:
        """The day, week and month hashes that make up the period exactly."""
        return cover(self.start, self.end)

    def admits(self, dims: Dims) -> bool:
        """Whether a counter of the (group, channel, priority) series is in the filters.

        Counters kept without a channel or priority (volume, KB) are not narrowed by that
        filter.
        """
        if self.groups is not None and dims.group not in self.groups:
            return False
        if self.channel and dims.channel not in (self.channel, NONE):
            return False
        return not (self.priority and dims.priority not in (self.priority, NONE))

    def admits_note(self, note: dict[str, Any]) -> bool:
        """A kept comment or question: every filter applies exactly."""
        wanted = (
            ("group", None), ("channel", self.channel), ("priority", self.priority),
            ("operator", self.operator),
        )  # fmt: skip
        if self.groups is not None and str(note.get("group", NONE)) not in self.groups:
            return False
        return all(not want or str(note.get(k, NONE)) == want for k, want in wanted if k != "group")

    def describe(self) -> dict[str, Any]:
        return {
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "groups": sorted(self.groups) if self.groups is not None else "all",
            "channel": self.channel or "all",
            "operator": self.operator or "all",
            "priority": self.priority or "all",
        }


@dataclass
class Sums:
    """Counters added up overall and along each breakdown the report shows."""

    total: Counter[str] = field(default_factory=Counter)
    by: dict[str, dict[str, Counter[str]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(Counter))
    )

    def add(self, metric: str, dims: Dims, n: int) -> None:
        self.total[metric] += n
        for name in ("group", "channel", "priority", "operator"):
            value = getattr(dims, name)
            if value != NONE:
                self.by[name][value][metric] += n


def ratio(part: float, whole: float) -> float | None:
    return round(part / whole, 4) if whole else None


def percentile(histogram: Counter[int], q: float) -> float | None:
    """The upper edge of the histogram bucket holding the q-th value (nearest rank)."""
    n = sum(histogram.values())
    if not n:
        return None
    rank, seen = max(1, math.ceil(q * n)), 0
    for k in sorted(histogram):
        seen += histogram[k]
        if seen >= rank:
            return round(bucket_upper(k), 1)
    return None  # pragma: no cover - rank <= n


def build_report(
    query: ReportQuery,
    units: Iterable[dict[str, int]],
    comments: list[dict[str, Any]],
    unmatched: list[dict[str, Any]],
    live: dict[str, list[dict[str, Any]]],
) -> dict[str, Any]:
    """Every figure of the report for `query`."""
    sums = Sums()
    histograms: dict[str, Counter[int]] = {"frt": Counter(), "res": Counter()}
    volume = [[0] * 24 for _ in WEEKDAYS]
    kb: dict[str, Counter[str]] = {"answered": Counter(), "not_helped": Counter()}
    by_operator: dict[str, Counter[str]] = defaultdict(Counter)

    def take(metric: str, dims: Dims, n: int) -> None:
        if metric.startswith(("frt_b", "res_b")):
            histograms[metric[:3]][int(metric[5:])] += n
        elif metric.startswith("vol:"):
            _, weekday, hour = metric.split(":")
            volume[int(weekday)][int(hour)] += n
        elif metric.startswith("kb_"):
            kind, topic = metric[3:].split(":", 1)
            kb[kind][topic] += n
        else:
            sums.add(metric, dims, n)

    for name, n in _summed(units).items():  # each counter name parsed once per report
        metric, dims = parse(name)
        if dims.operator != NONE:  # the operator series
            if query.groups is None:
                by_operator[dims.operator][metric] += n
            if dims.operator == query.operator:
                take(metric, dims, n)
        elif query.operator and metric.startswith(OPERATOR_METRICS):
            continue  # taken from the operator's own series instead
        elif query.admits(dims):
            take(metric, dims, n)
    sums.by["operator"] = by_operator
    t = sums.total
    return {
        "query": query.describe(),
        "deflection": _deflection(t),
        "time": {
            "first_response": _time(t, "frt", histograms["frt"]),
            "resolution": {**_time(t, "res", histograms["res"]), "reopened": t["reopened"]},
        },
        "sla": _sla(sums, live),
        "csat": _csat(sums, query, comments),
        "kb": _kb(kb, t["unmatched"], query, unmatched),
        "volume": {
            "weekdays": list(WEEKDAYS),
            "by_weekday_hour": volume,
            "total": sum(map(sum, volume)),
        },
    }


def _summed(units: Iterable[dict[str, int]]) -> dict[str, int]:
    """The units' counters added up by name (every figure is a sum, so this comes first)."""
    units = list(units)
    if len(units) == 1:
        return units[0]
    total: Counter[str] = Counter()
    for counters in units:
        total.update(counters)
    return total


def _deflection(t: Counter[str]) -> dict[str, Any]:
    concluded = t["bot_resolved"] + t["opened"]
    resolved_by_operators = t["resolved_l1"] + t["resolved_up"]
    return {
        "conversations": concluded,
        "bot_resolved": t["bot_resolved"],
        "tickets": t["opened"],
        "bot_share": ratio(t["bot_resolved"], concluded),
        "good_range": list(GOOD_DEFLECTION),
        "operator_resolved": resolved_by_operators,
        "l1_resolved": t["resolved_l1"],
        "escalated_resolved": t["resolved_up"],
        "l1_share": ratio(t["resolved_l1"], resolved_by_operators),
        "reopened": t["reopened"],
        "auto_closed": t["autoclosed"],
    }


def _time(t: Counter[str], name: str, histogram: Counter[int]) -> dict[str, Any]:
    return {
        "count": t[f"{name}_n"],
        "median_seconds": percentile(histogram, 0.5),
        "p90_seconds": percentile(histogram, 0.9),
        "within_sla": ratio(t[f"{name}_met"], t[f"{name}_n"]),
    }


def _compliance(c: Counter[str]) -> dict[str, Any]:
    return {
        "first_response": {"count": c["frt_n"], "met": c["frt_met"]},
        "first_response_compliance": ratio(c["frt_met"], c["frt_n"]),
        "resolution": {"count": c["res_n"], "met": c["res_met"]},
        "resolution_compliance": ratio(c["res_met"], c["res_n"]),
        "reopened": c["reopened"],
        "warnings": c["first_response_warning"] + c["resolution_warning"],
        "breaches": c["first_response_breach"] + c["resolution_breach"],
    }


def _sla(sums: Sums, live: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    by_priority = {p: _compliance(sums.by["priority"].get(p, Counter())) for p in PRIORITIES}
    by_group = {g: _compliance(c) for g, c in sorted(sums.by["group"].items())}
    return {
        "overall": _compliance(sums.total),
        "by_priority": by_priority,
        "by_group": by_group,
        "breached_now": live.get("breached", []),
        "near_breach_now": live.get("near_breach", []),
    }


def _csat_of(c: Counter[str]) -> dict[str, Any]:
    scores = {s: c[f"csat_{s}"] for s in range(1, 6)}
    responses = sum(scores.values())
    total = sum(s * n for s, n in scores.items())
    return {
        "responses": responses,
        "asked": c["csat_asked"],
        "response_rate": ratio(responses, c["csat_asked"]),
        "average": round(total / responses, 2) if responses else None,
        "distribution": {str(s): n for s, n in scores.items()},
    }


def _csat(sums: Sums, query: ReportQuery, comments: list[dict[str, Any]]) -> dict[str, Any]:
    out = _csat_of(sums.total)
    for name in ("group", "operator", "channel"):
        rows = {k: _csat_of(c) for k, c in sorted(sums.by[name].items())}
        out[f"by_{name}"] = {k: v for k, v in rows.items() if v["responses"] or v["asked"]}
    out["comments"] = [c for c in comments if query.admits_note(c)][:100]
    return out


def _kb(
    kb: dict[str, Counter[str]], count: int, query: ReportQuery, unmatched: list[dict[str, Any]]
) -> dict[str, Any]:
    answered, not_helped = kb["answered"], kb["not_helped"]
    questions = [u for u in unmatched if query.admits_note(u)]
    return {
        "top_topics": [{"topic": t, "answered": n} for t, n in answered.most_common(TOP)],
        "not_helped": [
            {"topic": t, "not_helped": n, "of_answered": ratio(n, answered[t])}
            for t, n in not_helped.most_common(TOP)
        ],
        "unmatched_count": count,
        "unmatched": questions[:50],
    }
