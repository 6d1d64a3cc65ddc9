"""An SMTP sink for our outgoing mail, and e-mail settings pointing at it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from emulators.mail import MailSink
from gateway.config import EmailSettings, Settings

SUPPORT = "support@helpdesk.example.com"


@pytest.fixture
async def sink() -> AsyncIterator[MailSink]:
    server = MailSink()
    await server.start()
    yield server
    await server.stop()


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
