"""Glue between the emulators and the gateway under test: settings, intake, stored rows."""

from __future__ import annotations

import json
from typing import Any

from pydantic import SecretStr

from emulators.telegram import TelegramEmulator
from emulators.viber import ViberEmulator
from gateway.config import Settings
from gateway.connectors.backoff import Backoff
from gateway.models import InboundMessage
from gateway.store import Store
from gateway.store import keys as store_keys

FAST_BACKOFF = Backoff(base=0.05, cap=0.3)
TG_SECRET = "s3cret_TOKEN-for-tests"
VIBER_TOKEN = "4453b6ac12345678-e02c5f12174805f9-daec9cbb5448c51r"


def with_telegram(settings: Settings, api: TelegramEmulator, **extra: Any) -> Settings:
    telegram = settings.telegram.model_copy(
        update={
            "enabled": True,
            "token": SecretStr(api.token),
            "api_base": api.base_url,
            "polling_timeout": 1,
            **extra,
        }
    )
    return settings.model_copy(update={"telegram": telegram})


def with_viber(settings: Settings, api: ViberEmulator, **extra: Any) -> Settings:
    viber = settings.viber.model_copy(
        update={
            "enabled": True,
            "auth_token": SecretStr(api.auth_token),
            "api_base": f"{api.base_url}/pa",
            **extra,
        }
    )
    return settings.model_copy(update={"viber": viber})


class Intake:
    """`on_message` backed by the real store, remembering what it accepted."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.accepted: list[InboundMessage] = []
        self.repeats = 0
        self.fail_next = 0

    async def __call__(self, message: InboundMessage) -> bool:
        if self.fail_next:
            self.fail_next -= 1
            raise ConnectionError("redis is down (simulated)")
        stored = await self.store.inbound.accept(message)
        if stored:
            self.accepted.append(message)
        else:
            self.repeats += 1
        return stored


async def stored_inbound(store: Store) -> list[InboundMessage]:
    """Everything in the inbound streams, as the workers would read it."""
    out: list[InboundMessage] = []
    for shard in range(store.inbound.shards):
        for _, fields in await store.redis.xrange(store_keys.inbound_stream(shard)):
            out.append(InboundMessage.from_dict(json.loads(fields[b"m"])))
    return out
