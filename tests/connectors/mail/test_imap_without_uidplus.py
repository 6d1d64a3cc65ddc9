"""Mail moved away on an IMAP server without UIDPLUS or MOVE (real dovecot announcing
neither): our EXPUNGE removes only what we moved, never a message the user's own mail
client marked deleted and kept (Outlook's "mark for deletion", Thunderbird's "just mark")."""

from __future__ import annotations

import asyncio
import imaplib
from collections.abc import Iterator
from typing import cast

import pytest
from imapclient import IMAPClient

from emulators.dovecot import USER, Dovecot
from emulators.harness import Intake, stored_inbound
from emulators.mail import MailSink, user_mail
from gateway.config import Settings
from gateway.connectors.mail.imap import ImapMailbox, _expunge_only, uid_sets
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


async def test_thousands_the_user_marked_deleted_do_not_stop_the_mailbox(
    settings: Settings, store: Store, sink: MailSink, old_dovecot: Dovecot
) -> None:
    """Outside pass, session 25: with 13,000 messages the user's client marked deleted and
    kept (written into the maildir as their client leaves them: 13,000 APPENDs would take
    minutes), lifting their marks was one 'UID STORE 2,3,...' past dovecot's 64 KiB line:
    'BAD Too long argument', every sync. Each retry copied the taken mail to the folder
    again and nothing was expunged. The marks go in short UID sets now."""
    await asyncio.to_thread(old_dovecot.deliver, mail(0), "INBOX", (b"\\Seen", b"\\Deleted"))
    maildir = old_dovecot.root / "mail" / USER / "cur"
    kept = mail(0)
    for n in range(13_000):
        (maildir / f"1700000000.M{n}P1.host:2,ST").write_bytes(kept)
    await asyncio.to_thread(old_dovecot.deliver, mail(1))
    await asyncio.to_thread(old_dovecot.deliver, mail(2))
    s = imap_settings(settings, sink, old_dovecot, after="move")
    take = MailIntake(s.email, store, Intake(store)).take
    box = ImapMailbox(s.email.imap, "INBOX", store, take)
    await box.sync_once()
    assert sorted(m.text for m in await stored_inbound(store)) == ["problem 1", "problem 2"]
    assert await asyncio.to_thread(old_dovecot.uids, "Processed") == [1, 2]
    deleted = await asyncio.to_thread(old_dovecot.uids, "INBOX", "DELETED")
    assert len(deleted) == 13_001  # the user's marks, as they left them
    assert len(await asyncio.to_thread(old_dovecot.uids, "INBOX")) == 13_001
    await box.sync_once()  # nothing new: nothing copied again
    assert await asyncio.to_thread(old_dovecot.uids, "Processed") == [1, 2]


def test_uid_sets_are_ranges_in_parts() -> None:
    assert uid_sets([1, 2, 3, 5, 7, 8, 9, 20]) == ["1:3,5,7:9,20"]
    assert uid_sets([1, 3, 5, 7], most=2) == ["1,3", "5,7"]
    assert uid_sets([]) == []


class HalfwayRefusing:
    """A mailbox whose server drops the connection at the second UID STORE that lifts marks."""

    def __init__(self, deleted: list[int]) -> None:
        self.deleted = set(deleted)
        self.lifted = 0

    def search(self, criteria: list[str]) -> list[int]:
        return sorted(self.deleted)

    def remove_flags(self, uids: str, flags: list[bytes], silent: bool = False) -> None:
        self.lifted += 1
        if self.lifted == 2:
            raise imaplib.IMAP4.abort("socket error: EOF")
        self.deleted -= _members(uids)

    def add_flags(self, uids: str, flags: list[bytes], silent: bool = False) -> None:
        self.deleted |= _members(uids)

    def expunge(self) -> None:
        raise AssertionError("never with the user's marks half lifted")


def _members(uid_set: str) -> set[int]:
    found: set[int] = set()
    for part in uid_set.split(","):
        first, _, last = part.partition(":")
        found.update(range(int(first), int(last or first) + 1))
    return found


def test_a_store_refused_halfway_leaves_every_mark_the_user_made() -> None:
    """Review, session 25: the marks are lifted in parts; a connection lost after the first
    part left its 500 messages unmarked for good (the next sync no longer sees them as the
    user's deleted ones). Every mark is put back whatever part fails."""
    theirs = list(range(2, 1302))
    mailbox = HalfwayRefusing([1, *theirs])
    with pytest.raises(imaplib.IMAP4.abort):
        _expunge_only(cast(IMAPClient, mailbox), [1])
    assert mailbox.deleted == {1, *theirs}
