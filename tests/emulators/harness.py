"""Glue between the emulators and the gateway under test: settings, intake, stored rows."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from aiohttp import web
from pydantic import SecretStr

from emulators.meta import MetaEmulator, Template
from emulators.server import LoopbackServer
from emulators.telegram import TelegramEmulator
from emulators.viber import ViberEmulator
from gateway.config import Settings
from gateway.connectors.backoff import Backoff
from gateway.models import InboundMessage, RateLimit
from gateway.store import Store, Transaction
from gateway.store import keys as store_keys

FAST_BACKOFF = Backoff(base=0.05, cap=0.3)
TG_SECRET = "s3cret_TOKEN-for-tests"
VIBER_TOKEN = "4453b6ac12345678-e02c5f12174805f9-daec9cbb5448c51r"
META_APP_SECRET = "6f1b0c5e2a9d4e7f8a3b2c1d0e9f8a7b"
META_VERIFY_TOKEN = "verify-me_42"
META_TOKENS = {
    "whatsapp": "EAAG-whatsapp-system-user-token",
    "messenger": "EAAG-page-token-messenger",
    "instagram": "EAAG-page-token-instagram",
}
# The approved templates, as created in WhatsApp Manager (README), per language.
META_TEMPLATES = {
    ("ticket_update", "ru"): Template("Новости по вашей заявке: {{1}}"),
    ("ticket_update", "en_US"): Template("An update on your request: {{1}}"),
    ("csat_request", "ru"): Template(
        "Ваша заявка решена. Оцените помощь от 1 до 5.", ["1", "2", "3", "4", "5"]
    ),
}


def with_telegram(settings: Settings, api: TelegramEmulator, **extra: Any) -> Settings:
    telegram = settings.telegram.model_copy(
        update={
            "enabled": True,
            "token": SecretStr(api.token),
            "api_base": api.base_url,
            "polling_timeout": 1,
            # Conversations are not paced at Telegram's 1 message/s per chat here, which
            # only made every bot message wait a second: the pacing is test_ratelimit's
            # (simulated clock) and test_telegram_burst's (the real limiter) subject.
            "per_chat_rate": 1000.0,
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


def meta_emulator() -> MetaEmulator:
    api = MetaEmulator(
        app_secret=META_APP_SECRET, verify_token=META_VERIFY_TOKEN, tokens=dict(META_TOKENS)
    )
    api.templates.update(META_TEMPLATES)
    return api


def with_meta(settings: Settings, api: MetaEmulator, *channels: str, **extra: Any) -> Settings:
    """Settings with the given Meta channels on the emulator; `extra` per channel section."""
    meta = settings.meta.model_copy(
        update={
            "app_secret": SecretStr(api.app_secret),
            "verify_token": SecretStr(api.verify_token),
            "graph_base": api.base_url,
            "graph_version": api.version,
        }
    )
    update: dict[str, Any] = {"meta": meta}
    ids = {"whatsapp": api.phone_number_id, "messenger": api.page_id, "instagram": api.ig_id}
    for channel in channels:
        fields: dict[str, Any] = {
            "enabled": True,
            "access_token": SecretStr(api.tokens[channel]),
            **extra.get(channel, {}),
        }
        if channel == "whatsapp":
            fields["phone_number_id"] = ids[channel]
            fields.setdefault(
                "templates",
                {
                    "ticket_update": {
                        "ru": {"name": "ticket_update", "language": "ru"},
                        "en": {"name": "ticket_update", "language": "en_US"},
                    },
                    "csat_request": {"ru": {"name": "csat_request", "language": "ru"}},
                },
            )
        else:
            fields["page_id"] = ids[channel]
        section = getattr(settings, channel).model_validate(
            {**getattr(settings, channel).model_dump(), **fields}
        )
        update[channel] = section
    return settings.model_copy(update=update)


class Intake:
    """`on_message` backed by the real store, remembering what it accepted."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.accepted: list[InboundMessage] = []
        self.repeats = 0
        self.fail_next = 0

    async def __call__(self, message: InboundMessage, limits: Sequence[RateLimit] = ()) -> bool:
        if self.fail_next:
            self.fail_next -= 1
            raise ConnectionError("redis is down (simulated)")
        stored = await self.store.inbound.accept(message, limits)
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


async def every_stored_value(store: Store) -> str:
    """Everything Redis keeps, as one text: each key and the repr of its value (strings,
    lists, hashes, streams, sets), so an ASCII secret shows as written."""
    redis = store.redis
    out: list[str] = []
    async for key in redis.scan_iter(match="*"):
        kind = (await redis.type(key)).decode()
        value: object = None
        if kind == "string":
            value = await redis.get(key)
        elif kind == "list":
            value = await redis.lrange(key, 0, -1)
        elif kind == "hash":
            value = await redis.hgetall(key)
        elif kind == "stream":
            value = await redis.xrange(key)
        elif kind == "set":
            value = await redis.smembers(key)
        elif kind == "zset":
            value = await redis.zrange(key, 0, -1)
        out.append(f"{key!r} {value!r}")
    return "\n".join(out)


async def serve_connector(
    connector: Any, store: Store, api: MetaEmulator, channel: str
) -> tuple[Intake, LoopbackServer, str]:
    """Serve a Meta connector's webhook on loopback, started, subscribed in the emulator."""
    app = web.Application()
    app.router.add_routes(connector.routes())
    server = LoopbackServer(app)
    await server.start()
    intake = Intake(store)
    await connector.start(intake)
    url = f"{server.url}/webhooks/{channel}"
    assert await api.subscribe(channel, url)
    return intake, server, url


async def user_wrote(
    store: Store, channel: str, chat_id: str, at: float, language: str = "ru"
) -> None:
    """What a worker records when a user's message is processed: when they last wrote."""
    conv = await store.conversations.get_or_new(f"{channel}:{chat_id}", channel, chat_id)
    conv.last_user_at, conv.language = at, language
    tx = Transaction()
    store.conversations.save(tx, conv, at)
    await store.commit(tx)
