"""A reopened ticket in the reports: solved once (its last resolution), reopens on their own.

desk38 found every operator resolution counted and a reopen taking nothing back: a ticket
resolved, reopened twice and resolved again counted three resolutions. Played through the
real services on the real redis-server, as the other report tests are.
"""

from __future__ import annotations

import json
import re
from datetime import date

from desk_seed import DAY_ONE, Desk

from gateway import metrics
from gateway.dialogs.events import ReopenRequested, SolvedByUser
from gateway.models import Priority, SupportGroup
from gateway.operations import Actor
from gateway.reports.figures import ReportQuery
from gateway.reports.service import ReportService
from gateway.store import Store, Transaction, keys

DAY, NEXT_DAY = date(2026, 11, 10), date(2026, 11, 11)
MINUTE = 60


async def test_resolved_reopened_twice_and_resolved_again_is_one_resolution(
    store: Store,
) -> None:
    """Reopened once by the user's "still broken" at the rating, once by an operator's
    reply: one resolution (the last), two reopens, the time to resolution counted once."""
    d = Desk.build(store)
    before = reopens_shown()
    ticket = await d.ticket("telegram", "u1", SupportGroup.SOFTWARE, Priority.P3, "no_answer")
    await d.reply(ticket, "bob", 10 * MINUTE)
    await d.resolve(ticket, "bob", 30 * MINUTE, 0)
    await d.say("telegram", "u1", "still broken")  # at the rating: the ticket reopens
    stored = await store.tickets.get(ticket.id)
    assert stored is not None and stored.status.is_active
    assert stored.resolution_counted == ""  # what was counted is taken back
    await d.desk.take_over(ticket.id, Actor("bob", "Bob"))
    await d.resolve(ticket, "bob", 60 * MINUTE, 0)
    d.clock.now += 5 * MINUTE
    await d.desk.reply(ticket.id, Actor("bob", "Bob"), "One more thing.", reopen=True)
    await d.resolve(ticket, "bob", 90 * MINUTE, 0)

    report = await ReportService(store).report(ReportQuery(DAY, DAY))
    flow = report["deflection"]
    assert (flow["l1_resolved"], flow["operator_resolved"], flow["reopened"]) == (1, 1, 2)
    resolution = report["time"]["resolution"]
    assert (resolution["count"], resolution["reopened"]) == (1, 2)
    # the last resolution's time, not the first one's 30 minutes
    assert resolution["median_seconds"] is not None and resolution["median_seconds"] > 60 * 60
    assert report["sla"]["by_priority"]["P3"]["resolution"]["count"] == 1
    assert report["sla"]["by_priority"]["P3"]["reopened"] == 2
    assert report["csat"]["asked"] == 3  # a rating was asked at each resolution
    mine = await ReportService(store).report(ReportQuery(DAY, DAY, operator="bob"))
    assert mine["deflection"]["l1_resolved"] == 1 and mine["time"]["resolution"]["count"] == 1
    assert reopens_shown() == before + 2  # on /metrics, with bounded labels

    final = await store.tickets.get(ticket.id)
    assert final is not None
    counted = json.loads(final.resolution_counted)
    assert (counted["level"], counted["operator"], counted["day"]) == (
        "resolved_l1",
        "bob",
        "2026-11-10",
    )
    assert counted["seconds"] > 60 * 60


async def test_a_user_solved_ticket_reopened_takes_nothing_off(store: Store) -> None:
    """The user marked it solved (no operator resolution counted); a reopen counts as a
    reopen and takes off no one's resolution."""
    d = Desk.build(store)
    other = await d.ticket("telegram", "u2", SupportGroup.SOFTWARE, Priority.P3, "no_answer")
    await d.reply(other, "bob", 10 * MINUTE)
    await d.resolve(other, "bob", 20 * MINUTE, 0)  # a resolution that stands
    ticket = await d.ticket("telegram", "u1", SupportGroup.SOFTWARE, Priority.P3, "no_answer")
    await d.reply(ticket, "bob", 10 * MINUTE)
    carry = d.service.tickets

    async def act(action: SolvedByUser | ReopenRequested) -> str:
        conv, _ = await store.conversations.load("telegram:u1", "telegram", "u1")
        tx = Transaction()
        done = (await carry.carry_out(tx, conv, action, d.clock.now)).done
        await store.commit(tx)
        return done

    assert await act(SolvedByUser(ticket_id=ticket.id)) == "solved"
    d.clock.now += 5 * MINUTE
    assert await act(ReopenRequested(ticket_id=ticket.id)) == "reopened"

    report = await ReportService(store).report(ReportQuery(DAY, DAY))
    assert report["deflection"]["l1_resolved"] == 1  # the other ticket's, untouched
    assert report["time"]["resolution"]["count"] == 1
    assert report["deflection"]["reopened"] == 1


async def test_a_reopen_on_a_later_day_amends_the_day_of_the_resolution(store: Store) -> None:
    """Resolved on day one, reopened on day two: day one loses that resolution (also in a
    report service that kept day one as a closed day), day two counts the reopen."""
    d = Desk.build(store)
    service = ReportService(store)
    ticket = await d.ticket("telegram", "u1", SupportGroup.HARDWARE, Priority.P3, "no_answer")
    await d.reply(ticket, "bob", 10 * MINUTE)
    await d.resolve(ticket, "bob", 30 * MINUTE, 0)
    d.clock.now = DAY_ONE + 86400 + 60 * MINUTE  # the next day
    first = await service.report(ReportQuery(DAY, DAY))  # day one is over: kept
    assert first["deflection"]["l1_resolved"] == 1 and first["time"]["resolution"]["count"] == 1
    await d.desk.reply(ticket.id, Actor("bob", "Bob"), "Let me look again.", reopen=True)

    day_one = await service.report(ReportQuery(DAY, DAY))
    assert day_one["deflection"]["l1_resolved"] == 0
    assert day_one["time"]["resolution"]["count"] == 0
    assert day_one["deflection"]["reopened"] == 0
    day_two = await service.report(ReportQuery(NEXT_DAY, NEXT_DAY))
    assert day_two["deflection"]["reopened"] == 1
    assert day_two["deflection"]["l1_resolved"] == 0


async def test_a_ticket_stored_without_the_field_loads_and_reopens(store: Store) -> None:
    """A ticket resolved before `resolution_counted` existed loads; its reopen is counted
    and takes nothing off (nothing says what was counted)."""
    d = Desk.build(store)
    ticket = await d.ticket("telegram", "u1", SupportGroup.SOFTWARE, Priority.P3, "no_answer")
    await d.reply(ticket, "bob", 10 * MINUTE)
    await d.resolve(ticket, "bob", 30 * MINUTE, 0)
    await store.redis.hdel(keys.ticket(ticket.id), "resolution_counted")
    stored = await store.tickets.get(ticket.id)
    assert stored is not None and stored.resolution_counted == ""
    d.clock.now += 5 * MINUTE
    await d.desk.reply(ticket.id, Actor("bob", "Bob"), "Again.", reopen=True)
    report = await ReportService(store).report(ReportQuery(DAY, DAY))
    assert (report["deflection"]["l1_resolved"], report["deflection"]["reopened"]) == (1, 1)


def reopens_shown() -> float:
    """`firstline_tickets_reopened_total` of software/telegram/P3 as /metrics shows it."""
    text = metrics.render()[0].decode()
    pattern = (
        r'^firstline_tickets_reopened_total\{channel="telegram",group="software",'
        r'priority="P3"\} (\S+)$'
    )
    found = re.search(pattern, text, re.M)
    return float(found.group(1)) if found else 0.0


async def test_a_reopen_is_the_operator_s_whose_resolution_it_undid(store: Store) -> None:
    """CLOSING38 left `firstline report --operator` showing every reopen of the desk. A
    reopen says a resolution did not hold: it is the figure of the operator who resolved
    (the one who reopens may be someone else), and a ticket the user marked solved is
    nobody's."""
    d = Desk.build(store)
    bobs = await d.ticket("telegram", "u1", SupportGroup.SOFTWARE, Priority.P3, "no_answer")
    await d.reply(bobs, "bob", 10 * MINUTE)
    await d.resolve(bobs, "bob", 30 * MINUTE, 0)
    await d.say("telegram", "u1", "still broken")  # reopened by the user at the rating
    await d.desk.take_over(bobs.id, Actor("ann", "Ann"))
    await d.resolve(bobs, "ann", 60 * MINUTE, 0)
    d.clock.now += 5 * MINUTE
    await d.desk.reply(bobs.id, Actor("bob", "Bob"), "One more thing.", reopen=True)
    anns = await d.ticket("telegram", "u2", SupportGroup.HARDWARE, Priority.P2, "no_answer")
    await d.reply(anns, "ann", 10 * MINUTE)
    await d.resolve(anns, "ann", 20 * MINUTE, 0)
    d.clock.now += 5 * MINUTE
    await d.desk.reply(anns.id, Actor("ann", "Ann"), "Checking again.", reopen=True)

    service = ReportService(store)
    every = await service.report(ReportQuery(DAY, DAY))
    bob = await service.report(ReportQuery(DAY, DAY, operator="bob"))
    ann = await service.report(ReportQuery(DAY, DAY, operator="ann"))
    nobody = await service.report(ReportQuery(DAY, DAY, operator="carol"))
    assert every["deflection"]["reopened"] == 3
    assert bob["deflection"]["reopened"] == 1  # his resolution, reopened at the rating
    assert ann["deflection"]["reopened"] == 2  # both of hers, one reopened by Bob
    assert nobody["deflection"]["reopened"] == 0
    assert bob["time"]["resolution"]["reopened"] == 1
    assert bob["sla"]["overall"]["reopened"] == 1
