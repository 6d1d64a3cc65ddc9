"""Mail moved away on an IMAP server without UIDPLUS or MOVE (real dovecot announcing
neither): our EXPUNGE removes only what we moved, never a message the user's own mail
client marked deleted and kept (Outlook's "mark for deletion", Thunderbird's "just mark")."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from emulators.dovecot import Dovecot
from emulators.harness import Intake, stored_inbound
from emulators.mail import MailSink, user_mail
from gateway.config import Settings
from gateway.connectors.mail.imap import ImapMailbox
from gateway.connectors.mail.intake import MailIntake
from gateway.store import Store

from .conftest import SUPPORT
from .test_imap import imap_settings

OLD = "IMAP4rev1 LITERAL+ SASL-IR LOGIN-REFERRALS ID ENABLE IDLE AUTH=PLAIN AUTH=LOGIN"


@pytest.fixture
def old_dovecot() -> Iterator[Dovecot]:
    server = Dovecot(capability=OLD)
    server.start()
    yield server
    server.close()


def mail(n: int) -> bytes:
    return user_mail("olga@corp.example.com", SUPPORT, f"Request {n}", f"problem {n}").as_bytes()


async def test_moving_taken_mail_expunges_nothing_the_user_marked_deleted(
    settings: Settings, store: Store, sink: MailSink, old_dovecot: Dovecot
) -> None:
    with old_dovecot.client() as c:
        assert not c.has_capability("UIDPLUS") and not c.has_capability("MOVE")
    # read before: the user's mail client marked it deleted and keeps it (undo, or purge later)
    await asyncio.to_thread(old_dovecot.deliver, mail(1), "INBOX", (b"\\Seen", b"\\Deleted"))
    await asyncio.to_thread(old_dovecot.deliver, mail(2))
    await asyncio.to_thread(old_dovecot.deliver, mail(3))
    s = imap_settings(settings, sink, old_dovecot, after="move")
    take = MailIntake(s.email, store, Intake(store)).take
    box = ImapMailbox(s.email.imap, "INBOX", store, take)
    await box.sync_once()
    assert sorted(m.text for m in await stored_inbound(store)) == ["problem 2", "problem 3"]
    assert await asyncio.to_thread(old_dovecot.uids, "Processed") == [1, 2]
    # the user's message is where they left it, still marked as they marked it
    assert await asyncio.to_thread(old_dovecot.uids, "INBOX") == [1]
    assert await asyncio.to_thread(old_dovecot.uids, "INBOX", "DELETED") == [1]
