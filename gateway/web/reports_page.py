"""/console/reports: the desk report as a server-rendered page, and its CSV export.

Admins see every group; an operator with groups sees only those (asking for another is
refused). Every figure is printed with `export.display`, the same text as
`firstline report --format table`, and carries its name in `data-figure`. Labels come from
the console's texts (`console:` in gateway/texts/<lang>.yaml, keys `rep_*`) in the
operator's console language.
"""

from __future__ import annotations

import codecs
from collections.abc import Awaitable, Callable
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
from gateway.texts import Texts
from gateway.web.charts import bars, share_with_band
from gateway.web.operators import Account
from gateway.web.sessions import ConsoleSessions, Session

PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}
SECTIONS = ("deflection", "time", "sla", "csat", "kb")
Labels = dict[str, str]


class ReportsPage:
    """Handlers of /console/reports and /console/reports.csv."""

    def __init__(
        self,
        rt: Runtime,
        sessions: ConsoleSessions,
        catalog: Texts,
        language: Callable[[web.Request, Session], Awaitable[str]],
    ) -> None:
        self.rt = rt
        self.sessions = sessions
        self.catalog = catalog
        self.language = language
        self.reports = ReportService(rt.store, rt.settings.sla.timezone)

    def routes(self) -> list[web.RouteDef]:
        return [
            web.get("/console/reports", self.page),
            web.get("/console/reports.csv", self.csv),
        ]

    async def _report(self, request: web.Request) -> tuple[Session, ReportQuery, dict[str, Any]]:
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
            raise web.HTTPBadRequest(text=str(exc), headers=PAGE_HEADERS) from None
        allowed = visible_groups(account)
        if allowed is not None:
            if query.groups is not None and not query.groups <= allowed:
                raise web.HTTPForbidden(
                    text="you can see reports of your own groups only", headers=PAGE_HEADERS
                )
            if query.operator not in ("", account.login):
                # Operator figures span groups: only your own.
                raise web.HTTPForbidden(
                    text="you can filter by yourself only", headers=PAGE_HEADERS
                )
            query = ReportQuery(
                query.start, query.end, query.groups or allowed, query.channel,
                query.operator, query.priority,
            )  # fmt: skip
        return session, query, await self.reports.report(query)

    async def page(self, request: web.Request) -> web.Response:
        session, query, report = await self._report(request)
        lang = await self.language(request, session)
        labels = self.catalog.section("console", lang)
        body = render_page(session.account, query, report, labels, lang)
        return web.Response(text=body, content_type="text/html", headers=PAGE_HEADERS)

    async def csv(self, request: web.Request) -> web.Response:
        """The CSV download, with a UTF-8 byte order mark: without it a Russian or Ukrainian
        Excel reads the file in the locale's ANSI code page and garbles Cyrillic comments."""
        _, query, report = await self._report(request)
        name = f"firstline-report-{query.start}-{query.end}.csv"
        return web.Response(
            body=codecs.BOM_UTF8 + as_csv(report).encode("utf-8"),
            content_type="text/csv",
            charset="utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )


def visible_groups(account: Account) -> frozenset[str] | None:
    """The groups an account may report on; None = all (admins, operators of every group)."""
    if account.is_admin or not account.groups:
        return None
    return frozenset(account.groups)


def _options(
    name: str, values: list[str], chosen: str, everything: str, shown: Callable[[str], str] = str
) -> str:
    opts = [f'<option value="">{escape(everything)}</option>'] if everything else []
    for value in values:
        selected = " selected" if value == chosen else ""
        opts.append(f'<option value="{escape(value)}"{selected}>{escape(shown(value))}</option>')
    return f'<select name="{name}" id="f-{name}">{"".join(opts)}</select>'


def _label(t: Labels, prefix: str, name: str) -> str:
    """A name (group, channel, figure part) in the page's language; the name itself if unknown."""
    return t.get(prefix + name, name)


def _filters(account: Account, query: ReportQuery, t: Labels) -> str:
    allowed = visible_groups(account)
    groups = sorted(allowed) if allowed is not None else [g.value for g in SupportGroup]
    chosen = next(iter(query.groups)) if query.groups and len(query.groups) == 1 else ""
    everything = t["rep_all_my_groups"] if allowed is not None else t["rep_all_groups"]
    group = _options("group", groups, chosen, everything, lambda g: _label(t, "group_", g))
    channels = [c.value for c in Channel]
    channel = _options(
        "channel", channels, query.channel, t["all"], lambda c: _label(t, "channel_", c)
    )
    priority = _options("priority", list(PRIORITIES), query.priority, t["all"])
    return (
        '<form class="filters" method="get" action="/console/reports">'
        f"<label>{escape(t['rep_from'])} "
        f'<input type="date" name="from" value="{query.start}"></label>'
        f'<label>{escape(t["rep_to"])} <input type="date" name="to" value="{query.end}"></label>'
        f"<label>{escape(t['group'])} {group}</label>"
        f"<label>{escape(t['col_channel'])} {channel}</label>"
        f"<label>{escape(t['rep_operator'])} "
        f'<input name="operator" value="{escape(query.operator)}" size="10"></label>'
        f"<label>{escape(t['priority'])} {priority}</label>"
        f'<button type="submit">{escape(t["rep_show"])}</button></form>'
    )


def figure_label(key: str, t: Labels) -> str:
    """`sla.by_group.network.breaches` as "by group · network · breaches", in its language."""
    parts = key.split(".")[1:]
    return " · ".join(
        t.get("rep_f_" + p) or t.get("group_" + p) or t.get("channel_" + p) or p for p in parts
    )


def _table(section: str, report: dict[str, Any], t: Labels) -> str:
    cells = []
    for key, value in rows({section: report[section]}):
        shown = display(key, value)
        cells.append(
            f'<tr><th scope="row">{escape(figure_label(key, t))}</th>'
            f'<td data-figure="{escape(key)}">{escape(shown)}</td></tr>'
        )
    return f'<table class="figures">{"".join(cells)}</table>'


def _charts(section: str, report: dict[str, Any], t: Labels) -> str:
    if section == "deflection":
        d = report["deflection"]
        text = display("deflection.bot_share", d["bot_share"])
        band = tuple(d["good_range"])
        chart = share_with_band(t["rep_chart_bot"], d["bot_share"], band, text)
        return chart + f'<p class="hint">{escape(t["rep_band_hint"])}</p>'
    if section == "sla":
        by = report["sla"]["by_priority"]
        rows_ = [
            (p, by[p]["first_response_compliance"],
             display("x.first_response_compliance", by[p]["first_response_compliance"]))
            for p in PRIORITIES
        ]  # fmt: skip
        return bars(t["rep_chart_frt"], rows_)
    if section == "csat":
        dist = report["csat"]["distribution"]
        top = max([*dist.values(), 1])
        ratings = [(f"{s} ★", n, str(n)) for s, n in dist.items()]
        return bars(t["rep_chart_ratings"], ratings, float(top))
    return ""


def _heatmap(report: dict[str, Any], t: Labels) -> str:
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
        body.append(f'<tr><th scope="row">{escape(_label(t, "rep_wd_", name))}</th>{cells}</tr>')
    total = report["volume"]["total"]
    return (
        f'<p>{escape(t["rep_total"])} <span data-figure="volume.total">{total}</span></p>'
        f'<table class="heatmap"><tr><th></th>{head}</tr>{"".join(body)}</table>'
    )


def render_page(
    account: Account, query: ReportQuery, report: dict[str, Any], t: Labels, lang: str
) -> str:
    link = "/console/reports.csv?" + "&".join(
        f"{k}={quote(str(v))}"
        for k, v in (
            ("from", query.start), ("to", query.end), ("channel", query.channel),
            ("operator", query.operator), ("priority", query.priority),
        )
        if v
    ) + "".join(f"&group={quote(g)}" for g in sorted(query.groups or ()))  # fmt: skip
    sections = [
        f'<section id="{name}"><h2>{escape(t["rep_sec_" + name])}</h2>{_charts(name, report, t)}'
        f"{_table(name, report, t)}</section>"
        for name in SECTIONS
    ]
    sections.append(f'<section id="volume"><h2>{escape(t["rep_sec_volume"])}</h2>'
                    f"{_heatmap(report, t)}</section>")  # fmt: skip
    who = escape(account.name or account.login)
    return (
        f'<!doctype html><html lang="{escape(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(t['rep_page_title'])}</title>"
        '<link rel="stylesheet" href="/console/static/reports.css"></head><body>'
        f'<header class="top"><a href="/console">{escape(t["rep_back"])}</a> '
        f'<strong>{escape(t["reports"])}</strong> <span id="me">{who}</span> '
        f'<a id="csv" href="{escape(link)}">{escape(t["rep_export"])}</a></header>'
        f"<main>{_filters(account, query, t)}{''.join(sections)}</main></body></html>"
    )
