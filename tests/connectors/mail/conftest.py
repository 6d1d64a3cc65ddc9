"""An SMTP sink for our outgoing mail, and e-mail settings pointing at it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from emulators.harness import Intake
from emulators.mail import MailSink
from gateway.config import EmailSettings, Settings
from gateway.connectors.mail.connector import EmailConnector
from gateway.store import Store

SUPPORT = "support@helpdesk.example.com"


def with_email(settings: Settings, sink: MailSink, **extra: object) -> Settings:
    base = EmailSettings()
    email = base.model_copy(
        update={
            "enabled": True,
            "address": SUPPORT,
            "smtp": base.smtp.model_copy(update={"host": "127.0.0.1", "port": sink.port}),
            "listener": base.listener.model_copy(update={"enabled": True, "port": 0}),
            **extra,
        }
    )
    return settings.model_copy(update={"email": email})


@asynccontextmanager
async def started(settings: Settings, store: Store) -> AsyncIterator[EmailConnector]:
    """An e-mail connector running on `settings`, stopped on the way out."""
    conn = EmailConnector(settings, store)
    await conn.start(Intake(store))
    try:
        yield conn
    finally:
        await conn.stop()
