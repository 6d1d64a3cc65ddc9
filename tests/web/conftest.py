"""A running gateway (the real app, real Redis) and a headless Chromium for web tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from harness import PASSWORD, Gateway, running_gateway
from playwright.async_api import expect

from emulators.server import WAIT_SECONDS
from gateway.config import OperatorAccount, Settings
from gateway.web.auth import hash_password

# Several engineers' suites share two cores: give the page time before calling it broken
# (the same wait as eventually's; an expectation met returns at once).
expect.set_options(timeout=WAIT_SECONDS * 1000)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]  # fmt: skip

OPERATORS = [
    OperatorAccount(
        login="alice", name="Alice Smith", password_hash=hash_password(PASSWORD), level="L2"
    ),
    OperatorAccount(login="bob", name="Bob Jones", password_hash=hash_password(PASSWORD)),
    OperatorAccount(
        login="carol", name="Carol", password_hash=hash_password(PASSWORD), groups=["network"]
    ),
    OperatorAccount(
        login="root", name="Admin", password_hash=hash_password(PASSWORD), role="admin"
    ),
    OperatorAccount(
        login="dave",
        name="Dave Lead",
        password_hash=hash_password(PASSWORD),
        role="lead",
        level="L2",
        groups=["hardware"],
    ),
    OperatorAccount(login="erin", name="Erin Fox", password_hash=hash_password(PASSWORD)),
    OperatorAccount(login="sysadmin", password_hash=hash_password(PASSWORD), role="admin"),
]


@pytest.fixture
def web_settings(settings: Settings) -> Settings:
    web_cfg = settings.web.model_copy(update={"messages_per_minute": 30, "max_message_chars": 500})
    return settings.model_copy(update={"operators": OPERATORS, "web": web_cfg})


@pytest.fixture
async def gateway(web_settings: Settings) -> AsyncIterator[Gateway]:
    async with running_gateway(web_settings) as gw:
        yield gw


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
        yield session


@pytest.fixture
async def browser() -> AsyncIterator[Any]:
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        chromium = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        await chromium.close()
