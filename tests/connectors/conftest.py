"""The emulated Meta (WhatsApp, Messenger, Instagram) server for the connector tests;
Telegram and Viber emulators are shared from tests/conftest.py."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from emulators.harness import meta_emulator
from emulators.meta import MetaEmulator


@pytest.fixture
async def meta_api() -> AsyncIterator[MetaEmulator]:
    emulator = meta_emulator()
    await emulator.start()
    yield emulator
    await emulator.stop()
