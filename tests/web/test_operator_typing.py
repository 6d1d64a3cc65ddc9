"""An operator's "typing…" shown to the web-chat visitor ends when the ticket leaves that
operator (reassigned, escalated, resolved, handed back), and their typing on it is no
longer shown. The real gateway, real Redis, both sockets as the widget and console.js."""

from __future__ import annotations

from typing import Any

import aiohttp
import pytest
from harness import Console, Gateway, Visitor, seed_ticket

from gateway.store import Store

LEAVING = {
    "hand_back": {},
    "assign": {"to": "erin"},
    "update": {"level": "L2"},  # escalated out of Bob's L1 queue
    "resolve": {"comment": "done"},
}


async def operator_socket(http: aiohttp.ClientSession, gateway: Gateway, ticket_id: str) -> Any:
    ws = await http.ws_connect(gateway.url + "/console/ws", headers={"Origin": gateway.url})
    await ws.send_json({"type": "watch", "ticket": ticket_id, "have": 0})
    return ws


async def typed_and_processed(ws: Any) -> None:
    """A typing frame, then a frame whose answer says the socket has handled the first."""
    await ws.send_json({"type": "typing"})
    await ws.send_json({"type": "watch", "ticket": "HD-999999"})
    while (msg := await ws.receive(timeout=20)).type == aiohttp.WSMsgType.TEXT:
        if msg.json().get("error") == "no such ticket":
            return
    raise AssertionError(f"console socket closed: {msg}")


@pytest.mark.parametrize("action", list(LEAVING))
async def test_typing_shown_to_the_user_ends_when_the_ticket_leaves_the_operator(
    action: str, gateway: Gateway, http: aiohttp.ClientSession, store: Store
) -> None:
    visitor = Visitor(await http.ws_connect(gateway.ws_url, origin=gateway.url))
    await visitor.hello()
    ticket = await seed_ticket(store, chat_id=visitor.token.split(".")[0])
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as bob_http:
        bob = Console(bob_http, gateway)
        assert (await bob.sign_in("bob"))[0] == 200
        assert (await bob.post(f"/console/api/tickets/{ticket.id}/take"))[0] == 200
        ws = await operator_socket(bob_http, gateway, ticket.id)
        await ws.send_json({"type": "typing"})
        shown = await visitor.frame("typing")
        assert (shown["name"], shown.get("stopped")) == ("Bob Jones", None)

        status, _ = await bob.post(f"/console/api/tickets/{ticket.id}/{action}", LEAVING[action])
        assert status == 200
        ended = await visitor.frame("typing")
        assert (ended["name"], ended.get("stopped")) == ("Bob Jones", True)
        if action != "hand_back":
            return

        # Bob goes on typing in the box: the user is not shown it any more. Erin, who
        # takes the ticket next, is (her frame comes after anything Bob's would have).
        await typed_and_processed(ws)
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as erin_http:
            erin = Console(erin_http, gateway)
            assert (await erin.sign_in("erin"))[0] == 200
            assert (await erin.post(f"/console/api/tickets/{ticket.id}/take"))[0] == 200
            await typed_and_processed(await operator_socket(erin_http, gateway, ticket.id))
            assert (await visitor.frame("typing"))["name"] == "Erin Fox"
