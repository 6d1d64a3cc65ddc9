"""Fixtures shared by the connectors' tests."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from emulators.harness import FAST_BACKOFF, Intake, with_viber
from emulators.server import LoopbackServer, eventually, free_port
from emulators.viber import ViberEmulator
from gateway.config import Settings
from gateway.connectors.viber import WEBHOOK_PATH, ViberConnector
from gateway.store import Store


@pytest.fixture
async def viber(
    settings: Settings, store: Store, viber_api: ViberEmulator
) -> AsyncIterator[tuple[ViberConnector, Intake, str]]:
    """A started Viber connector behind a loopback server, its webhook registered with the
    emulated API: the connector, what it took in, and the webhook's URL."""
    port = free_port()
    config = with_viber(settings, viber_api)
    config = config.model_copy(
        update={"http": config.http.model_copy(update={"public_url": f"http://127.0.0.1:{port}"})}
    )
    connector = ViberConnector(config, store, backoff=FAST_BACKOFF)
    app = web.Application()
    app.router.add_routes(connector.routes())
    server = LoopbackServer(app, port)
    await server.start()
    intake = Intake(store)
    await connector.start(intake)
    await eventually(lambda: viber_api.webhook_url, what="webhook registered")
    yield connector, intake, server.url + WEBHOOK_PATH
    await connector.stop()
    await server.stop()
