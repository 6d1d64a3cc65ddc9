"""/console/reports: the desk report as a server-rendered page, and its CSV export.

Admins see every group; an operator with groups sees only those (asking for another is
refused). Every figure is printed with `export.display`, the same text as
`firstline report --format table`, and carries its name in `data-figure`.
"""

from __future__ import annotations

from html import escape
from typing import Any
from urllib.parse import quote

from aiohttp import web

from gateway.models import Channel, SupportGroup
from gateway.reports.commands import query_from
from gateway.reports.counters import WEEKDAYS
from gateway.reports.export import as_csv, display, rows
from gateway.reports.figures import PRIORITIES, ReportQuery
from gateway.reports.service import ReportService
from gateway.runtime import Runtime
from gateway.web.charts import bars, share_with_band
from gateway.web.operators import Account
from gateway.web.sessions import ConsoleSessions

PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}
SECTIONS = (
    ("deflection", "L1 deflection"),
    ("time", "Time to first response and to resolution (working time)"),
    ("sla", "SLA compliance"),
    ("csat", "Satisfaction (CSAT)"),
    ("kb", "Knowledge base"),
)


class ReportsPage:
    """Handlers of /console/reports and /console/reports.csv."""

    def __init__(self, rt: Runtime, sessions: ConsoleSessions) -> None:
        self.rt = rt
        self.sessions = sessions
        self.reports = ReportService(rt.store, rt.settings.sla.timezone)

    def routes(self) -> list[web.RouteDef]:
        return [
            web.get("/console/reports", self.page),
            web.get("/console/reports.csv", self.csv),
        ]

    async def _report(self, request: web.Request) -> tuple[Account, ReportQuery, dict[str, Any]]:
        session = await self.sessions.current(request)
        if session is None:
            raise web.HTTPFound("/console")
        account = session.account
        q = request.query
        try:
            query = query_from(
                q.get("from") or None, q.get("to") or None, [g for g in q.getall("group", []) if g],
                q.get("channel", ""), q.get("operator", ""), q.get("priority", ""),
                self.rt.settings.sla.timezone,
            )  # fmt: skip
        except ValueError as exc:
            raise web.HTTPBadRequest(text=str(exc)) from None
        allowed = visible_groups(account)
        if allowed is not None:
            if query.groups is not None and not query.groups <= allowed:
                raise web.HTTPForbidden(text="you can see reports of your own groups only")
            if query.operator not in ("", account.login):
                # Operator figures span groups: only your own.
                raise web.HTTPForbidden(text="you can filter by yourself only")
            query = ReportQuery(
                query.start, query.end, query.groups or allowed, query.channel,
                query.operator, query.priority,
            )  # fmt: skip
        return account, query, await self.reports.report(query)

    async def page(self, request: web.Request) -> web.Response:
        account, query, report = await self._report(request)
        body = render_page(account, query, report)
        return web.Response(text=body, content_type="text/html", headers=PAGE_HEADERS)

    async def csv(self, request: web.Request) -> web.Response:
        _, query, report = await self._report(request)
        name = f"firstline-report-{query.start}-{query.end}.csv"
        return web.Response(
            text=as_csv(report),
            content_type="text/csv",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )


def visible_groups(account: Account) -> frozenset[str] | None:
    """The groups an account may report on; None = all (admins, operators of every group)."""
    if account.is_admin or not account.groups:
        return None
    return frozenset(account.groups)


def _options(name: str, values: list[str], chosen: str, everything: str) -> str:
    opts = [f'<option value="">{escape(everything)}</option>'] if everything else []
    for value in values:
        selected = " selected" if value == chosen else ""
        opts.append(f'<option value="{escape(value)}"{selected}>{escape(value)}</option>')
    return f'<select name="{name}" id="f-{name}">{"".join(opts)}</select>'


def _filters(account: Account, query: ReportQuery) -> str:
    allowed = visible_groups(account)
    groups = sorted(allowed) if allowed is not None else [g.value for g in SupportGroup]
    chosen = next(iter(query.groups)) if query.groups and len(query.groups) == 1 else ""
    everything = "all my groups" if allowed is not None else "all groups"
    return (
        '<form class="filters" method="get" action="/console/reports">'
        f'<label>From <input type="date" name="from" value="{query.start}"></label>'
        f'<label>To <input type="date" name="to" value="{query.end}"></label>'
        f"<label>Group {_options('group', groups, chosen, everything)}</label>"
        f"<label>Channel {_options('channel', [c.value for c in Channel], query.channel, 'all')}"
        "</label>"
        f'<label>Operator <input name="operator" value="{escape(query.operator)}" size="10">'
        "</label>"
        f"<label>Priority {_options('priority', list(PRIORITIES), query.priority, 'all')}</label>"
        '<button type="submit">Show</button></form>'
    )


def _table(section: str, report: dict[str, Any]) -> str:
    cells = []
    for key, value in rows({section: report[section]}):
        shown = display(key, value)
        cells.append(
            f'<tr><th scope="row">{escape(key.split(".", 1)[1])}</th>'
            f'<td data-figure="{escape(key)}">{escape(shown)}</td></tr>'
        )
    return f'<table class="figures">{"".join(cells)}</table>'


def _charts(section: str, report: dict[str, Any]) -> str:
    if section == "deflection":
        d = report["deflection"]
        text = display("deflection.bot_share", d["bot_share"])
        chart = share_with_band("Resolved by the bot", d["bot_share"], tuple(d["good_range"]), text)
        return chart + '<p class="hint">Band: the 60–90% a good first line reaches.</p>'
    if section == "sla":
        by = report["sla"]["by_priority"]
        rows_ = [
            (p, by[p]["first_response_compliance"],
             display("x.first_response_compliance", by[p]["first_response_compliance"]))
            for p in PRIORITIES
        ]  # fmt: skip
        return bars("First response within SLA, by priority", rows_)
    if section == "csat":
        dist = report["csat"]["distribution"]
        top = max([*dist.values(), 1])
        return bars("Ratings", [(f"{s} ★", n, str(n)) for s, n in dist.items()], float(top))
    return ""


def _heatmap(report: dict[str, Any]) -> str:
    volume = report["volume"]["by_weekday_hour"]
    top = max([max(row) for row in volume] + [1])
    head = "".join(f"<th>{h:02d}</th>" for h in range(24))
    body = []
    for name, hours in zip(WEEKDAYS, volume, strict=True):
        cells = "".join(
            f'<td class="heat-{min(4, (4 * n + top - 1) // top)}" '
            f'data-figure="volume.{name}.{h:02d}">{n}</td>'
            for h, n in enumerate(hours)
        )
        body.append(f'<tr><th scope="row">{name}</th>{cells}</tr>')
    total = report["volume"]["total"]
    return (
        f'<p>Total: <span data-figure="volume.total">{total}</span></p>'
        f'<table class="heatmap"><tr><th></th>{head}</tr>{"".join(body)}</table>'
    )


def render_page(account: Account, query: ReportQuery, report: dict[str, Any]) -> str:
    link = "/console/reports.csv?" + "&".join(
        f"{k}={quote(str(v))}"
        for k, v in (
            ("from", query.start), ("to", query.end), ("channel", query.channel),
            ("operator", query.operator), ("priority", query.priority),
        )
        if v
    ) + "".join(f"&group={quote(g)}" for g in sorted(query.groups or ()))  # fmt: skip
    sections = [
        f'<section id="{name}"><h2>{escape(title)}</h2>{_charts(name, report)}'
        f"{_table(name, report)}</section>"
        for name, title in SECTIONS
    ]
    sections.append(f'<section id="volume"><h2>Volume by weekday and hour</h2>{_heatmap(report)}'
                    "</section>")  # fmt: skip
    who = escape(account.name or account.login)
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>firstline — reports</title>"
        '<link rel="stylesheet" href="/console/static/reports.css"></head><body>'
        f'<header class="top"><a href="/console">← console</a> <strong>Reports</strong> '
        f'<span id="me">{who}</span> <a id="csv" href="{escape(link)}">Export CSV</a></header>'
        f"<main>{_filters(account, query)}{''.join(sections)}</main></body></html>"
    )
