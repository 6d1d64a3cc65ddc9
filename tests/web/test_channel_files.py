"""Files users sent on WhatsApp, fetched through the Graph API when an operator asks."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest
from harness import Console, Gateway, running_gateway

from emulators.harness import meta_emulator, with_meta
from emulators.meta import MetaEmulator
from gateway.config import Settings

MEDIA_ID = "1037543291543636"


@pytest.fixture
async def meta_api() -> AsyncIterator[MetaEmulator]:
    api = meta_emulator()
    await api.start()
    yield api
    await api.stop()


@pytest.fixture
async def whatsapp_gateway(
    web_settings: Settings, meta_api: MetaEmulator
) -> AsyncIterator[Gateway]:
    async with running_gateway(with_meta(web_settings, meta_api, "whatsapp")) as gw:
        yield gw


async def test_an_operator_downloads_a_users_whatsapp_photo(
    whatsapp_gateway: Gateway, meta_api: MetaEmulator, http: aiohttp.ClientSession
) -> None:
    meta_api.media[MEDIA_ID] = b"\xff\xd8\xff a screenshot of the error"
    path = f"/console/files/whatsapp/{MEDIA_ID}"
    async with http.get(whatsapp_gateway.url + path) as resp:
        assert resp.status == 401  # signed-in operators only
    console = Console(http, whatsapp_gateway)
    assert (await console.sign_in("bob"))[0] == 200
    async with http.get(whatsapp_gateway.url + path) as resp:
        assert resp.status == 200
        assert resp.headers["Content-Type"] == "application/octet-stream"
        assert resp.headers["Content-Disposition"] == "attachment"
        assert await resp.read() == b"\xff\xd8\xff a screenshot of the error"
    for missing in (
        "/console/files/whatsapp/404404",
        "/console/files/viber/1",
        "/console/files/x/1",
    ):
        async with http.get(whatsapp_gateway.url + missing) as resp:
            assert resp.status == 404
