"""Files users sent on WhatsApp, fetched through the Graph API when an operator asks, only
through a ticket the operator can see."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest
from harness import Console, Gateway, running_gateway, seed_ticket

from emulators.harness import with_meta
from emulators.meta import MetaEmulator
from gateway.app import RUNTIME
from gateway.config import Settings
from gateway.store import Transaction

MEDIA_ID = "1037543291543636"
PHOTO = b"\xff\xd8\xff\xe0 a screenshot of the error"


@pytest.fixture
async def whatsapp_gateway(
    web_settings: Settings, meta_api: MetaEmulator
) -> AsyncIterator[Gateway]:
    async with running_gateway(with_meta(web_settings, meta_api, "whatsapp")) as gw:
        yield gw


async def test_a_users_whatsapp_photo_goes_only_to_operators_who_see_the_ticket(
    whatsapp_gateway: Gateway, meta_api: MetaEmulator, http: aiohttp.ClientSession
) -> None:
    gw = whatsapp_gateway
    meta_api.media[MEDIA_ID] = PHOTO
    store = gw.app[RUNTIME].store
    ticket = await seed_ticket(store, channel="whatsapp", chat_id="380501112233")  # hardware
    tx = Transaction()
    tx.transcript(ticket.conversation_key, {"direction": "in", "attachments": [
        {"kind": "photo", "file_id": MEDIA_ID, "name": "", "mime_type": "image/jpeg",
         "size": 0, "url": ""}]})  # fmt: skip
    await store.commit(tx)
    url = f"{gw.url}/console/api/tickets/{ticket.id}/files/1/0"
    async with http.get(url) as resp:
        assert resp.status == 401  # signed-in operators only

    carol = Console(http, gw)  # network only: not this ticket's group
    assert (await carol.sign_in("carol"))[0] == 200
    for path in (url, f"{gw.url}/console/files/whatsapp/{MEDIA_ID}"):  # the old bare-id route
        async with http.get(path) as resp:
            assert resp.status == 404
            assert await resp.read() != PHOTO
    await carol.post("/console/api/logout")

    bob = Console(http, gw)  # every group
    assert (await bob.sign_in("bob"))[0] == 200
    async with http.get(url) as resp:
        assert resp.status == 200
        assert await resp.read() == PHOTO
        assert resp.headers["Content-Type"] == "image/jpeg"  # what the bytes are
        assert resp.headers["Content-Disposition"].startswith("attachment;")
        assert resp.headers["X-Content-Type-Options"] == "nosniff"
        assert resp.headers["Content-Security-Policy"] == "default-src 'none'; sandbox"
        assert resp.headers["Cache-Control"] == "private, no-store"
    for missing in ("files/1/1", "files/0/0", "files/9/0"):
        async with http.get(f"{gw.url}/console/api/tickets/{ticket.id}/{missing}") as resp:
            assert resp.status == 404
    async with http.get(f"{gw.url}/console/files/whatsapp/{MEDIA_ID}") as resp:
        assert resp.status == 404  # no route hands out a file by its bare id
    meta_api.media.clear()
    async with http.get(url) as resp:
        assert resp.status == 502  # Meta no longer has it: the operator is told why
