"""Emulated Telegram and Viber servers for the connector tests."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from emulators.harness import VIBER_TOKEN, meta_emulator
from emulators.meta import MetaEmulator
from emulators.telegram import TelegramEmulator
from emulators.viber import ViberEmulator


@pytest.fixture
async def telegram_api() -> AsyncIterator[TelegramEmulator]:
    emulator = TelegramEmulator()
    await emulator.start()
    yield emulator
    await emulator.stop()


@pytest.fixture
async def viber_api() -> AsyncIterator[ViberEmulator]:
    emulator = ViberEmulator(VIBER_TOKEN)
    await emulator.start()
    yield emulator
    await emulator.stop()


@pytest.fixture
async def meta_api() -> AsyncIterator[MetaEmulator]:
    emulator = meta_emulator()
    await emulator.start()
    yield emulator
    await emulator.stop()
