"""A mail over the size limit (read over IMAP, real dovecot) is answered once: the reader
that told the sender and died before marking the mail read must not tell them again."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from imapclient import IMAPClient

from emulators.dovecot import Dovecot
from emulators.mail import MailSink
from emulators.server import eventually
from gateway.config import Settings
from gateway.connectors.mail.imap import ImapMailbox
from gateway.store import Store

from .conftest import started
from .test_imap import imap_settings
from .test_imap_races import big_mail

OLGA = "olga@corp.example.com"


class DyingMailbox(ImapMailbox):
    """Our reader, its process gone (or the connection cut) before it marks the batch read."""

    def _mark_processed(self, client: IMAPClient, uids: list[int]) -> None:
        raise ConnectionError("the gateway died before it marked the mail read")


async def test_the_sender_of_a_mail_over_the_size_limit_is_told_once_across_a_crash(
    settings: Settings, store: Store, sink: MailSink, dovecot: Dovecot
) -> None:
    await asyncio.to_thread(dovecot.deliver, big_mail(OLGA, "Скриншоты ошибки", language="ru"))
    s = imap_settings(settings, sink, dovecot, first_sync="all")
    s = s.model_copy(update={"email": s.email.model_copy(update={"max_message_bytes": 50_000})})
    off = s.email.model_copy(update={"imap": s.email.imap.model_copy(update={"enabled": False})})
    async with started(s.model_copy(update={"email": off}), store) as conn:
        kw: dict[str, Any] = {"max_message_bytes": 50_000, "too_large": conn.answer_too_large}
        dying = DyingMailbox(s.email.imap, "INBOX", store, conn.take, **kw)
        with pytest.raises(ConnectionError):
            await dying.sync_once()
        await eventually(lambda: len(sink.to(OLGA)) >= 1, what="Olga told")
        # the gateway starts again and reads the folder from where its cursor stood
        again = ImapMailbox(s.email.imap, "INBOX", store, conn.take, **kw)
        await again.sync_once()
        await asyncio.sleep(0.5)
    assert await asyncio.to_thread(dovecot.seen) == [1]
    assert len(sink.to(OLGA)) == 1  # told once, not once per reading
    assert [d["uid"] for d in await store.mail.dead_letters()] == [1]
