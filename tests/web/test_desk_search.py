"""The console's search, as an operator types it: a ticket number, a user, their words."""

from __future__ import annotations

from typing import Any

import aiohttp
from harness import Console, Gateway, seed_ticket

from gateway.store import Store, Transaction
from gateway.web import desk_search


async def found(console: Console, query: str) -> list[tuple[str, str]]:
    status, body = await console.get(f"/console/api/search?q={query}")
    assert status == 200, body
    return [(row["id"], row["matched"]) for row in body["tickets"]]


async def test_a_mail_users_ticket_is_found_by_their_address(
    gateway: Gateway, http: aiohttp.ClientSession, store: Store
) -> None:
    # A mail thread's chat id is the address and a digest: the address typed found nothing.
    thread = "ivan.petrov@corp.example.com#4b90d91979"
    mail = await seed_ticket(store, channel="email", chat_id=thread, user_name="Ivan Petrov")
    chat = await seed_ticket(store, chat_id="corp-visitor-7", user_name="Olga")
    console = Console(http, gateway)
    assert (await console.sign_in("bob"))[0] == 200
    assert await found(console, "ivan.petrov@corp.example.com") == [(mail.id, "user")]
    assert await found(console, "Ivan.Petrov@Corp.Example.com") == [(mail.id, "user")]
    assert await found(console, "ivan.petrov") == [(mail.id, "user")]
    # a web chat's id stays matched whole only, as before
    assert await found(console, "corp-visitor-7") == [(chat.id, "user")]
    assert await found(console, "corp-visitor") == []


async def words_in_chat(store: Store, ticket_key: str, text: str) -> None:
    tx = Transaction()
    tx.transcript(ticket_key, {"direction": "in", "author": "user", "text": text})
    await store.commit(tx)


async def test_a_search_reads_the_newest_tickets_and_says_where_older_ones_start(
    gateway: Gateway, http: aiohttp.ClientSession, store: Store, monkeypatch: Any
) -> None:
    # A desk bigger than one search reads (2,000 tickets there, 4 here): the oldest
    # ticket's words were not found and nothing said older tickets were left unread.
    monkeypatch.setattr(desk_search, "SEARCHED_TICKETS", 4)
    monkeypatch.setattr(desk_search, "PAGE", 3)
    oldest = await seed_ticket(store, subject="Cannot sign in")
    await words_in_chat(store, oldest.conversation_key, "Kerberos says the clock skew is too big")
    newer = [await seed_ticket(store, subject=f"Scanner {n} jams") for n in range(6)]
    console = Console(http, gateway)
    assert (await console.sign_in("bob"))[0] == 200

    status, first = await console.get("/console/api/search?q=clock%20skew")
    assert status == 200, first
    assert first["tickets"] == [] and first["searched"] == 4
    assert first["more"] == newer[2].id  # the last one read, newest first
    # A ticket opened meanwhile does not shift where the next search starts.
    await seed_ticket(store, subject="Clock skew on the new laptop")
    status, second = await console.get(f"/console/api/search?q=clock%20skew&before={first['more']}")
    assert status == 200, second
    assert [(r["id"], r["matched"]) for r in second["tickets"]] == [(oldest.id, "text")]
    assert "clock skew is too big" in second["tickets"][0]["snippet"]
    assert second["searched"] == 3 and second["more"] is None  # the desk's oldest was read

    # Words on many tickets: the newest read first, the rest where the first search stopped.
    status, newest = await console.get("/console/api/search?q=scanner")
    assert [r["id"] for r in newest["tickets"]] == [t.id for t in newer[:2:-1]]
    status, rest = await console.get(f"/console/api/search?q=scanner&before={newest['more']}")
    assert [r["id"] for r in rest["tickets"]] == [t.id for t in newer[2::-1]]
    assert rest["more"] is None


async def test_a_full_page_of_results_continues_after_its_last_ticket(
    gateway: Gateway, http: aiohttp.ClientSession, store: Store, monkeypatch: Any
) -> None:
    monkeypatch.setattr(desk_search, "MAX_RESULTS", 2)
    monkeypatch.setattr(desk_search, "PAGE", 4)
    tickets = [await seed_ticket(store, subject=f"VPN drops, office {n}") for n in range(5)]
    console = Console(http, gateway)
    assert (await console.sign_in("bob"))[0] == 200
    seen: list[str] = []
    before, searches = "", 0
    while True:
        status, body = await console.get(f"/console/api/search?q=vpn&before={before}")
        assert status == 200, body
        seen += [r["id"] for r in body["tickets"]]
        searches += 1
        if body["more"] is None:
            break
        before = body["more"]
    # each ticket once, newest first, in three searches of at most two
    assert seen == [t.id for t in reversed(tickets)] and searches == 3


async def test_where_to_start_must_be_a_ticket_of_the_desk(
    gateway: Gateway, http: aiohttp.ClientSession, store: Store
) -> None:
    await seed_ticket(store)
    console = Console(http, gateway)
    assert (await console.sign_in("bob"))[0] == 200
    assert (await console.get("/console/api/search?q=scanner&before=x'1"))[0] == 400
    status, body = await console.get("/console/api/search?q=scanner&before=HD-999999")
    assert status == 400 and "no such ticket" in str(body)
