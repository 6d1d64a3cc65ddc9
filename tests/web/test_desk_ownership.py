"""Who holds a ticket: escalation hands it to the target queue, leads and admins reassign or
force-take, holders transfer; replies on resolved tickets reopen them, blocked users are
never "answered". Everything through the console's HTTP API, checked in the store."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import aiohttp
from harness import Console, Gateway, seed_ticket

from gateway.models import TicketStatus
from gateway.store import Store, Transaction


@asynccontextmanager
async def signed_in(gw: Gateway, *logins: str) -> AsyncIterator[list[Console]]:
    sessions = [
        aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) for _ in logins
    ]
    try:
        consoles = [Console(s, gw) for s in sessions]
        for console, login in zip(consoles, logins, strict=True):
            assert (await console.sign_in(login))[0] == 200
        yield consoles
    finally:
        for s in sessions:
            await s.close()


async def history(console: Console, ticket_id: str) -> list[tuple[str, str, str]]:
    _, page = await console.get(f"/console/api/tickets/{ticket_id}")
    return [(e["actor"], e["action"], e["detail"]) for e in page["events"]]


async def said_to_user(store: Store, conversation_key: str) -> list[str]:
    transcript = await store.conversations.transcript(conversation_key)
    return [e["text"] for e in transcript if e["direction"] == "out"]


async def test_escalation_hands_the_ticket_to_l2_who_takes_it_and_an_admin_reassigns(
    gateway: Gateway, store: Store
) -> None:
    ticket = await seed_ticket(store)
    url = f"/console/api/tickets/{ticket.id}"
    async with signed_in(gateway, "bob", "alice", "root", "dave") as (bob, alice, root, dave):
        assert (await bob.post(url + "/take"))[0] == 200
        status, body = await bob.post(url + "/update", {"level": "L2"})
        # The escalating L1 is told what happened, not "no ticket".
        assert status == 200
        assert body["visible"] is False
        assert body["notice"] == (
            f"{ticket.id} handed to the hardware · L2 queue; it has left your queue"
        )
        stored = await store.tickets.get(ticket.id)
        assert stored is not None
        assert (stored.assignee, stored.level, stored.status) == ("", "L2", "escalated")
        conv = await store.conversations.get(ticket.conversation_key)
        assert conv is not None and conv.owner == "bot"
        assert (await bob.get(url))[0] == 404  # an L1 no longer sees it

        status, body = await alice.post(url + "/take")  # L2 takes it: no "taken by bob"
        assert status == 200 and body["ticket"]["assignee"] == "alice"
        assert body["ticket"]["status"] == "open"
        assert (await alice.post(url + "/reply", {"text": "Replacing the scanner today"}))[0] == 200

        status, body = await bob.post(url + "/assign", {"to": "bob"})
        assert status == 404  # bob cannot even see it
        status, body = await root.post(url + "/assign", {"to": "bob"})
        assert status == 409 and "bob cannot work on hardware L2" in body["error"]
        status, body = await root.post(url + "/assign", {"to": "dave"})
        assert status == 200 and body["notice"] == f"{ticket.id} reassigned to Dave Lead"
        stored = await store.tickets.get(ticket.id)
        assert stored is not None and stored.assignee == "dave"
        conv = await store.conversations.get(ticket.conversation_key)
        assert conv is not None and conv.owner == "operator:dave"
        events = await history(dave, ticket.id)
        assert ("bob", "updated", "level L1→L2; released by bob") in events
        assert ("root", "assigned", "reassigned: alice → dave") in events
        assert any("передан" in t or "passed" in t for t in await said_to_user(
            store, ticket.conversation_key
        ))


async def test_a_holder_transfers_to_a_colleague_and_others_cannot(
    gateway: Gateway, store: Store
) -> None:
    ticket = await seed_ticket(store)
    url = f"/console/api/tickets/{ticket.id}"
    async with signed_in(gateway, "bob", "alice") as (bob, alice):
        _, colleagues = await bob.get(f"/console/api/operators?ticket={ticket.id}")
        logins = [o["login"] for o in colleagues["operators"]]
        assert "carol" not in logins and {"alice", "bob", "dave", "root"} <= set(logins)
        await bob.post(url + "/take")
        status, body = await alice.post(url + "/assign", {"to": "alice"})
        assert status == 409 and "take the ticket over first" in body["error"]
        status, body = await bob.post(url + "/assign", {"to": "alice"})
        assert status == 200 and body["notice"] == f"{ticket.id} transferred to Alice Smith"
        assert ("bob", "assigned", "transferred: bob → alice") in await history(bob, ticket.id)
        # Now alice holds the conversation: she can reply, bob cannot.
        assert (await alice.post(url + "/reply", {"text": "Hello"}))[0] == 200
        assert (await bob.post(url + "/reply", {"text": "Hello"}))[0] == 409


async def test_a_lead_force_takes_and_an_operator_cannot(gateway: Gateway, store: Store) -> None:
    ticket = await seed_ticket(store)
    url = f"/console/api/tickets/{ticket.id}"
    async with signed_in(gateway, "bob", "alice", "dave") as (bob, alice, dave):
        await bob.post(url + "/take")
        status, body = await alice.post(url + "/take", {"force": True})
        assert status == 409 and "lead or an admin" in body["error"]
        status, body = await dave.post(url + "/take", {"force": True})
        assert status == 200 and body["ticket"]["assignee"] == "dave"
        assert ("dave", "force_taken", "from bob") in await history(dave, ticket.id)
        conv = await store.conversations.get(ticket.conversation_key)
        assert conv is not None and conv.owner == "operator:dave"


async def test_a_colleague_cannot_resolve_or_reroute_a_ticket_someone_holds(
    gateway: Gateway, store: Store
) -> None:
    """Outside pass: reply and hand back were refused to a colleague of the holder, but
    resolve and update were not: any operator who saw the ticket in the queue could mark
    it solved (the user asked to rate it mid-conversation with bob) or send it to another
    group (bob's ticket gone from under him). Now they are the holder's, or a lead's or
    admin's of its group; a note stays anyone's (internal, for the holder to read)."""
    ticket = await seed_ticket(store)
    url = f"/console/api/tickets/{ticket.id}"
    async with signed_in(gateway, "bob", "erin", "dave") as (bob, erin, dave):
        assert (await bob.post(url + "/take"))[0] == 200
        told = await said_to_user(store, ticket.conversation_key)
        for action, body in (
            ("resolve", {"comment": "done"}),
            ("update", {"group": "network"}),
            ("update", {"level": "L2"}),
            ("update", {"priority": "P1"}),
        ):
            status, refused = await erin.post(url + "/" + action, body)
            assert (status, refused["key"], refused["params"]) == (
                409, "held_by_other", {"name": "bob"}
            ), action
        assert (await erin.post(url + "/note", {"text": "the printer is on floor 3"}))[0] == 200
        stored = await store.tickets.get(ticket.id)
        assert stored is not None
        assert (stored.status, stored.group, stored.priority, stored.assignee) == (
            TicketStatus.OPEN, ticket.group, ticket.priority, "bob"
        )
        assert await said_to_user(store, ticket.conversation_key) == told  # nothing said
        assert [a for _, a, _ in await history(bob, ticket.id)] == ["taken", "note"]
        # The lead of its group may; so may the holder.
        assert (await dave.post(url + "/update", {"priority": "P1"}))[0] == 200
        assert (await bob.post(url + "/resolve", {"comment": "done"}))[0] == 200


async def test_replying_on_a_resolved_ticket_reopens_it_only_when_asked(
    gateway: Gateway, store: Store
) -> None:
    ticket = await seed_ticket(store)
    url = f"/console/api/tickets/{ticket.id}"
    async with signed_in(gateway, "bob") as (bob,):
        await bob.post(url + "/take")
        assert (await bob.post(url + "/resolve", {"comment": "replaced the cable"}))[0] == 200
        assert ("bob", "resolved", "replaced the cable") in await history(bob, ticket.id)
        status, body = await bob.post(url + "/reply", {"text": "One more thing"})
        assert status == 409 and "reopen it to reply" in body["error"]
        assert "One more thing" not in await said_to_user(store, ticket.conversation_key)

        status, body = await bob.post(url + "/reply", {"text": "One more thing", "reopen": True})
        assert status == 200 and body["ticket"]["status"] == "waiting_for_user"
        said = await said_to_user(store, ticket.conversation_key)
        reopened = next(i for i, t in enumerate(said) if "reopened" in t or "открыт" in t)
        assert said.index("One more thing") > reopened
        assert ("bob", "replied", "reopened") in await history(bob, ticket.id)
        stored = await store.tickets.get(ticket.id)
        assert stored is not None and stored.resolved_at == 0 and stored.assignee == "bob"


async def test_a_reply_to_a_user_who_blocked_the_bot_is_refused_and_not_a_response(
    gateway: Gateway, store: Store
) -> None:
    ticket = await seed_ticket(store)
    conv = await store.conversations.get(ticket.conversation_key)
    assert conv is not None
    conv.blocked = True
    tx = Transaction()
    store.conversations.save(tx, conv, conv.updated_at)
    await store.commit(tx)
    url = f"/console/api/tickets/{ticket.id}"
    async with signed_in(gateway, "bob") as (bob,):
        await bob.post(url + "/take")
        _, page = await bob.get(url)
        assert page["conversation"]["blocked"] is True
        status, body = await bob.post(url + "/reply", {"text": "Did it work?"})
        assert status == 409 and "blocked the bot on webchat" in body["error"]
    stored = await store.tickets.get(ticket.id)
    assert stored is not None
    assert stored.first_response_at == 0 and stored.status == TicketStatus.OPEN
    assert "Did it work?" not in await said_to_user(store, ticket.conversation_key)


async def test_an_admin_without_a_display_name_is_not_shown_to_users_by_login(
    gateway: Gateway, store: Store
) -> None:
    ticket = await seed_ticket(store)
    url = f"/console/api/tickets/{ticket.id}"
    async with signed_in(gateway, "sysadmin") as (admin,):
        await admin.post(url + "/take")
        assert (await admin.post(url + "/reply", {"text": "Checking now"}))[0] == 200
    transcript = await store.conversations.transcript(ticket.conversation_key)
    reply = next(e for e in transcript if e["text"] == "Checking now")
    assert reply["author_name"] == "Operator"  # never "sysadmin"
    assert all("sysadmin" not in e["text"] for e in transcript)


async def test_escalation_to_a_queue_nobody_works_says_so(gateway: Gateway, store: Store) -> None:
    """Outside pass: an L2 escalated to L3 with no L3 operator of the group; the console said
    "handed to the hardware · L3 queue" and the ticket waited where only admins look."""
    ticket = await seed_ticket(store)
    url = f"/console/api/tickets/{ticket.id}"
    async with signed_in(gateway, "bob") as (bob,):
        assert (await bob.post(url + "/take"))[0] == 200
        status, body = await bob.post(url + "/update", {"level": "L3"})
        assert status == 200 and body["notice_key"] == "requeued_unwatched"
        assert body["notice"] == (
            f"{ticket.id} handed to the hardware · L3 queue; no operator works that queue, "
            "only admins see it; it has left your queue"
        )
