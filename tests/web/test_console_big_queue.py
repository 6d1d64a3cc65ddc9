"""The console's queue under hundreds of active tickets (real gateway, real Redis): an
operator's own tickets are all in "mine" wherever they stand in the group's order, and
the queue says how many tickets it does not show instead of hiding them silently."""

from __future__ import annotations

from typing import Any

import aiohttp
from harness import Console, Gateway, seed_ticket, sign_in
from playwright.async_api import expect

from gateway.models import Priority, SupportGroup
from gateway.store import Store

SHOWN_PER_GROUP = 200  # what one read of a group's queue shows


async def test_mine_holds_every_ticket_of_mine_and_the_queue_counts_what_it_hides(
    gateway: Gateway, store: Store, http: aiohttp.ClientSession
) -> None:
    # a flood in hardware (an outage's morning), the oldest and most urgent first
    urgent = [await seed_ticket(store, subject=f"urgent {n}", priority=Priority.P2)
              for n in range(SHOWN_PER_GROUP)]  # fmt: skip
    later = [await seed_ticket(store, subject=f"later {n}") for n in range(30)]
    vpn = await seed_ticket(store, subject="vpn", group=SupportGroup.NETWORK)
    console = Console(http, gateway)
    await console.sign_in("bob")
    for ticket in (urgent[3], later[-1]):  # Bob works a ticket far down the order too
        assert (await console.post(f"/console/api/tickets/{ticket.id}/take"))[0] == 200

    status, mine = await console.get("/console/api/tickets?mine=1")
    assert status == 200
    assert {t["id"] for t in mine["tickets"]} == {urgent[3].id, later[-1].id}
    assert mine["more"] == 0

    _, queue = await console.get("/console/api/tickets")
    ids = [t["id"] for t in queue["tickets"]]
    assert urgent[0].id in ids and vpn.id in ids and later[0].id not in ids
    assert queue["more"] == len(later)  # told, not hidden: 30 more than shown
    _, network = await console.get("/console/api/tickets?group=network")
    assert [t["id"] for t in network["tickets"]] == [vpn.id] and network["more"] == 0


async def test_the_console_says_how_many_tickets_the_queue_does_not_show(
    gateway: Gateway, store: Store, browser: Any
) -> None:
    for n in range(SHOWN_PER_GROUP + 7):
        await seed_ticket(store, subject=f"printer {n}")
    page = await (await browser.new_context()).new_page()
    await sign_in(page, gateway, "bob")
    await expect(page.locator("#queue tbody tr")).to_have_count(SHOWN_PER_GROUP)
    more = page.locator("#queue-more")
    await expect(more).to_be_visible()
    await expect(more).to_contain_text("7 more tickets")
    await page.locator("#filters [name=mine]").check()
    await expect(more).to_be_hidden()
