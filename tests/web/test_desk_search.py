"""The console's search, as an operator types it: a ticket number, a user, their words."""

from __future__ import annotations

import aiohttp
from harness import Console, Gateway, seed_ticket

from gateway.store import Store


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
