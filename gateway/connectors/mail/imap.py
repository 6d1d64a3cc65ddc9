"""Reading one IMAP folder (imapclient), durably and without duplicates.

imapclient is blocking, so every IMAP call runs in a worker thread; the event loop only
awaits. The cursor (UIDVALIDITY, last UID stored) lives in Redis and moves only after a
message is stored and marked, so a crash, an outage or a stopped gateway never loses a
message: the next session fetches everything after the cursor (backfill). When the
server's UIDVALIDITY changes, the folder is read again from the start and the Message-ID
drops what was already taken. IDLE is used where the server offers it (re-issued before
the 29 minutes RFC 2177 allows), polling otherwise. A message that cannot be processed
is kept aside as a dead letter operators see, and the next one is read.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from collections.abc import Awaitable, Callable
from typing import Any

from imapclient import IMAPClient

from gateway.config import ImapSettings
from gateway.connectors.backoff import Backoff, Progress, serve_forever
from gateway.store import STORE_UNAVAILABLE, Store
from gateway.store.mail import ImapCursor

log = logging.getLogger(__name__)

Take = Callable[[bytes, str | None], Awaitable[Any]]
# Told of a message over the size limit, by its header and size: what the SMTP listener's
# 552 tells a sender's server (our mail server took it already; nobody else will say).
TooLarge = Callable[[bytes, int], Awaitable[Any]]
FETCH_BATCH = 25
UIDS_PER_COMMAND = 500  # in one STORE: a command line stays short on any server
# An oversized message's header, read to answer its sender: its first 64 KiB at most (a
# header can be as large as the message the limit keeps out).
HEAD, HEAD_FETCHED = "BODY.PEEK[HEADER]<0.65536>", b"BODY[HEADER]<0>"
IDLE_SLICE = 1.0  # seconds per idle_check, so a stop is noticed quickly
SEEN = b"\\Seen"
DELETED = b"\\Deleted"
RECONNECT = Backoff(base=1.0, cap=60.0)


class ImapMailbox:
    """One folder of one mailbox, read for as long as the gateway runs."""

    def __init__(
        self,
        settings: ImapSettings,
        folder: str,
        store: Store,
        take: Take,
        *,
        max_message_bytes: int = 25 * 1024 * 1024,
        retention_days: int = 90,
        backoff: Backoff = RECONNECT,
        too_large: TooLarge | None = None,
    ) -> None:
        self.settings = settings
        self.too_large = too_large
        self.folder = folder
        self.retention_seconds = retention_days * 86400
        self.store = store
        self.take = take
        self.max_message_bytes = max_message_bytes
        self.backoff = backoff
        self.name = f"{settings.username}@{settings.host}:{settings.port}"
        self.fetched = 0
        self.idle_sessions = 0
        self.polls = 0
        self._wake = threading.Event()

    def wake(self) -> None:
        """End an IDLE or a poll wait now (used at stop)."""
        self._wake.set()

    async def run(self, stopping: asyncio.Event) -> None:
        self._wake.clear()
        await serve_forever(
            lambda progress: self._session(progress, stopping),
            self.backoff,
            stopping,
            f"imap {self.name}/{self.folder}",
        )

    async def sync_once(self) -> int:
        """Connect, take in everything new, disconnect; returns the number taken in."""
        client = await asyncio.to_thread(self._connect)
        try:
            return await self._sync(client)
        finally:
            await asyncio.to_thread(_logout, client)

    async def _session(self, progress: Progress, stopping: asyncio.Event) -> bool:
        client = await asyncio.to_thread(self._connect)
        try:
            idle = self.settings.idle and client.has_capability("IDLE")
            log.info("imap connected", extra={"mailbox": self.name, "folder": self.folder,
                                              "idle": idle})  # fmt: skip
            while not stopping.is_set():
                await self._sync(client)
                progress.ok()
                if stopping.is_set():
                    break
                if idle:
                    if await asyncio.to_thread(_announced_new_mail, client):
                        continue  # arrived after our last search: read it before idling
                    self.idle_sessions += 1
                    await asyncio.to_thread(self._idle, client)
                else:
                    self.polls += 1
                    await asyncio.to_thread(self._wake.wait, self.settings.poll_seconds)
                    await asyncio.to_thread(client.noop)
            return True
        finally:
            await asyncio.to_thread(_logout, client)

    def _connect(self) -> IMAPClient:
        s = self.settings
        client = IMAPClient(s.host, port=s.port, ssl=s.security == "tls", timeout=s.timeout)
        if s.security == "starttls":
            client.starttls()
        password = s.password.get_secret_value() if s.password else ""
        client.login(s.username, password)
        return client

    async def _sync(self, client: IMAPClient) -> int:
        info = await asyncio.to_thread(client.select_folder, self.folder)
        validity = int(info[b"UIDVALIDITY"])
        cursor = await self.store.mail.cursor(self.name, self.folder)
        if cursor.uidvalidity != validity:
            if cursor.uidvalidity:
                log.warning(
                    "imap UIDVALIDITY changed; reading the folder again (Message-ID dedupes)",
                    extra={"folder": self.folder, "was": cursor.uidvalidity, "now": validity},
                )
            cursor = ImapCursor(validity, 0)
            await self.store.mail.set_cursor(self.name, self.folder, cursor)
        taken = 0
        if cursor.last_uid == 0 and self.settings.first_sync == "unseen":
            taken, cursor = await self._first_sync(client, validity, info)
        while True:  # until a search finds nothing new: mail may arrive while we work
            uids = await self._new_uids(client, cursor.last_uid)
            if not uids:
                break
            for start in range(0, len(uids), FETCH_BATCH):
                batch = uids[start : start + FETCH_BATCH]
                await self._take_batch(client, batch, validity)
                taken += len(batch)
            cursor = ImapCursor(validity, uids[-1])
        self.fetched += taken
        return taken

    async def _first_sync(
        self, client: IMAPClient, validity: int, info: dict[bytes, Any]
    ) -> tuple[int, ImapCursor]:
        """Take the unread mail present now, then start the cursor past everything present.

        The cursor moves only at the end: after a crash the UNSEEN search runs again, and
        what was taken is already \\Seen or moved (and its Message-ID dedupes anyway).
        """
        uid_next = int(info.get(b"UIDNEXT", 0))
        if uid_next <= 0:
            present = await asyncio.to_thread(client.search, ["ALL"])
            uid_next = max(present, default=0) + 1
        if uid_next <= 1:
            return 0, ImapCursor(validity, 0)
        criteria = ["UNSEEN", "UID", f"1:{uid_next - 1}"]
        unseen = sorted(await asyncio.to_thread(client.search, criteria))
        for start in range(0, len(unseen), FETCH_BATCH):
            batch = unseen[start : start + FETCH_BATCH]
            await self._take_batch(client, batch, validity, advance=False)
        cursor = ImapCursor(validity, uid_next - 1)
        await self.store.mail.set_cursor(self.name, self.folder, cursor)
        log.info(
            "imap first sync: took the unread mail, left the read mail alone",
            extra={"folder": self.folder, "unseen": len(unseen), "cursor": cursor.last_uid},
        )
        return len(unseen), cursor

    async def _new_uids(self, client: IMAPClient, last_uid: int) -> list[int]:
        # "UID n:*" always includes the last message, even below n (RFC 3501 6.4.8).
        found = await asyncio.to_thread(_search_announcing, client, ["UID", f"{last_uid + 1}:*"])
        return sorted(u for u in found if u > last_uid)

    async def _take_batch(
        self, client: IMAPClient, batch: list[int], validity: int, *, advance: bool = True
    ) -> None:
        sizes = await asyncio.to_thread(client.fetch, batch, ["RFC822.SIZE"])
        small = [u for u in batch
                 if int(sizes.get(u, {}).get(b"RFC822.SIZE", 0)) <= self.max_message_bytes]
        bodies = await asyncio.to_thread(client.fetch, small, ["BODY.PEEK[]"]) if small else {}
        large = [u for u in batch if u in sizes and u not in small]
        heads = await asyncio.to_thread(client.fetch, large, [HEAD]) if large else {}
        unread = [u for u in small if bodies.get(u, {}).get(b"BODY[]") is None]
        gone = await asyncio.to_thread(_gone, client, unread) if unread else set()
        for uid in batch:
            if uid in gone:
                # Another client deleted it after our SEARCH: nothing to read, nothing lost.
                log.info("a message was deleted on the server before we read it; skipped",
                         extra={"folder": self.folder, "uid": uid})  # fmt: skip
                continue
            raw = bodies.get(uid, {}).get(b"BODY[]")
            if raw is None and await self.store.mail.set_aside_before(
                self.name, self.folder, validity, uid
            ):
                continue  # kept aside (and its sender told) before a crash: not again
            await self._take_one(uid, validity, raw, sizes.get(uid, {}))
            if raw is not None:
                continue
            first = await self.store.mail.set_aside(
                self.name, self.folder, validity, uid, self.retention_seconds
            )
            head = heads.get(uid, {}).get(HEAD_FETCHED)
            if head and first and self.too_large is not None:
                await self._tell_too_large(head, int(sizes[uid].get(b"RFC822.SIZE", 0)))
        # Every message of the batch is stored (or kept aside): mark them, then move the
        # cursor. A crash in between only means they are read again and dropped as repeats.
        await asyncio.to_thread(self._mark_processed, client, batch)
        if advance:
            await self.store.mail.set_cursor(
                self.name, self.folder, ImapCursor(validity, batch[-1])
            )

    async def _take_one(
        self, uid: int, validity: int, raw: bytes | None, size: dict[Any, Any]
    ) -> None:
        if raw is None:
            over = int(size.get(b"RFC822.SIZE", 0)) > self.max_message_bytes
            reason = "over the size limit" if over else "no body returned"
            await self._dead(uid, validity, reason, b"", int(size.get(b"RFC822.SIZE", 0)))
        else:
            try:
                await self.take(raw, None)
            except STORE_UNAVAILABLE:
                # An outage, or a write no replica confirmed in time (the store still
                # answers a ping then): not a bad message. Keep the cursor, read it again.
                raise
            except Exception as exc:
                if not await self._store_is_up():
                    raise  # an outage, not a bad message: keep the cursor, retry later
                log.exception("a mail could not be processed; kept as a dead letter")
                await self._dead(uid, validity, f"{type(exc).__name__}: {exc}", raw, len(raw))

    async def _tell_too_large(self, head: bytes, size: int) -> None:
        assert self.too_large is not None
        try:
            await self.too_large(head, size)
        except Exception:  # the dead letter is kept: operators still see it
            log.exception("the sender of a mail over the size limit could not be told")

    async def _store_is_up(self) -> bool:
        try:
            return await self.store.ping()
        except Exception:
            return False

    async def _dead(self, uid: int, validity: int, reason: str, raw: bytes, size: int) -> None:
        original = f"<imap-{validity}-{uid}.{self.folder}@dead-letter.firstline>"
        if raw:
            await self.store.mail.keep_original(original, raw, self.retention_seconds)
        await self.store.mail.dead_letter(
            {"source": "imap", "mailbox": self.name, "folder": self.folder, "uid": uid,
             "uidvalidity": validity, "reason": reason, "size": size,
             "original": original if raw else "", "at": time.time()}
        )  # fmt: skip

    def _mark_processed(self, client: IMAPClient, uids: list[int]) -> None:
        if self.settings.after == "move":
            if not client.folder_exists(self.settings.move_to):
                client.create_folder(self.settings.move_to)
            if client.has_capability("MOVE"):
                client.move(uids, self.settings.move_to)
            else:
                client.copy(uids, self.settings.move_to)
                client.delete_messages(uids)
                if client.has_capability("UIDPLUS"):
                    client.uid_expunge(uids)
                else:
                    _expunge_only(client, uids)
        else:
            client.add_flags(uids, [SEEN])

    def _idle(self, client: IMAPClient) -> None:
        """IDLE until new mail, a stop, or the re-issue time; then DONE."""
        client.idle()
        try:
            deadline = time.monotonic() + self.settings.idle_seconds
            while not self._wake.is_set() and time.monotonic() < deadline:
                started = time.monotonic()
                responses = client.idle_check(timeout=IDLE_SLICE)
                if not responses and time.monotonic() - started < IDLE_SLICE / 2:
                    # imapclient swallows EOF in idle_check: a readable socket that gave
                    # nothing is a closed connection. Reconnect instead of idling forever.
                    raise ConnectionError("the IMAP server closed the connection during IDLE")
                if any(len(r) > 1 and r[1] in (b"EXISTS", b"RECENT") for r in responses):
                    return
        finally:
            client.idle_done()


def _expunge_only(client: IMAPClient, uids: list[int]) -> None:
    """EXPUNGE without UIDPLUS removes every message marked deleted, also those the user's
    own mail client marked and keeps (Outlook's "mark for deletion"): their mark is lifted
    for the EXPUNGE and put back after it."""
    theirs = uid_sets(sorted(set(client.search(["DELETED"])) - set(uids)))
    try:
        # inside: a set refused halfway leaves no mark lifted (putting one back is harmless)
        for part in theirs:
            client.remove_flags(part, [DELETED], silent=True)
        client.expunge()
    finally:
        for part in theirs:
            client.add_flags(part, [DELETED], silent=True)


def uid_sets(uids: list[int], most: int = UIDS_PER_COMMAND) -> list[str]:
    """Sorted `uids` as IMAP sets ("3:7,9"), at most `most` UIDs a set: a server refuses a
    command line past its limit (dovecot: 64 KiB, some 8 KiB), and a mailbox may hold
    thousands a user's client marked deleted and kept."""
    sets: list[str] = []
    for start in range(0, len(uids), most):
        part, ranges = uids[start : start + most], []
        first = last = part[0]
        for uid in part[1:]:
            if uid != last + 1:
                ranges.append(f"{first}:{last}" if last > first else str(first))
                first = uid
            last = uid
        ranges.append(f"{first}:{last}" if last > first else str(first))
        sets.append(",".join(ranges))
    return sets


def _gone(client: IMAPClient, uids: list[int]) -> set[int]:
    """Which of `uids` are no longer in the folder (expunged by another client)."""
    present = client.search(["UID", ",".join(str(u) for u in uids)])
    return set(uids) - set(present)


def _search_announcing(client: IMAPClient, criteria: list[str]) -> list[int]:
    """SEARCH, with the server's announcements counted from its start: the EXISTS kept from
    earlier commands (the SELECT's count) are dropped first."""
    _announcements(client).pop("EXISTS", None)
    return list(client.search(criteria))


def _announced_new_mail(client: IMAPClient) -> bool:
    """Did the server announce new messages since our last SEARCH began, to it, to the
    commands after it, or to a NOOP now? A server answers a SEARCH from the mailbox as it
    was when the command came and announces mail that arrived meanwhile at its end
    (dovecot does): that search missed it, and IDLE would never hear of it again."""
    client.noop()
    return bool(_announcements(client).pop("EXISTS", None))


def _announcements(client: IMAPClient) -> dict[str, list[bytes]]:
    """The untagged responses the connection kept, by name, since each was last read.
    imapclient reads them only for the command that asked (a SEARCH's result, a SELECT's
    counts) and keeps no public view of the rest: this is imaplib's own table."""
    return client._imap.untagged_responses


def _logout(client: IMAPClient) -> None:
    try:
        client.logout()
    except Exception:
        with contextlib.suppress(Exception):
            client.shutdown()
