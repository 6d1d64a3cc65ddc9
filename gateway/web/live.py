"""Live updates for browsers: one pub/sub subscription per process, fanned out to sockets.

A commit's news on a transcript carries the entries it wrote and where the transcript
ends after them. A transcript listener sends the entries past its own cursor in one frame,
taken from the news when they follow the cursor, else read from the store (a gap: news
missed, or a process that only says *that* something changed), so a socket never misses
an entry or gets one twice, whichever process committed it. Ticket changes are loaded
once per burst and handed to listeners.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from aiohttp import web

from gateway.logs import log_failure
from gateway.models import Ticket
from gateway.store import Store

log = logging.getLogger(__name__)

RECONNECT_MAX_SECONDS = 10.0
# Live sockets do not compress (permessage-deflate, which every browser offers): their
# frames are a few hundred bytes, and each compressing socket keeps its zlib state, ~100
# KiB resident against ~15 KiB for the whole socket without it (1,000 widgets: ~100 MiB).
SOCKET_COMPRESSION = False
MAX_HAVE = 10**7  # entries a client may say it has seen (a transcript is far shorter)
# Frames as JSON text: one encoder for all (`json.dumps` with options builds a new one each call).
encode_frame = json.JSONEncoder(ensure_ascii=False, default=str).encode


@dataclass(frozen=True, slots=True)
class Added:
    """Entries a commit added to a transcript: from index `start` on; the conversation's
    language after the commit."""

    start: int
    entries: list[dict[str, Any]]
    language: str

    @property
    def end(self) -> int:
        return self.start + len(self.entries)

    @classmethod
    def of(cls, event: dict[str, Any]) -> Added | None:
        """What a transcript's news says was added; None if it says only that it changed."""
        entries, end = event.get("entries"), event.get("end")
        if not isinstance(entries, list) or not isinstance(end, int):
            return None
        return cls(end - len(entries), entries, str(event.get("language") or ""))

    def after(self, earlier: Added | None) -> Added:
        """These entries joined to `earlier` when they follow it, else these alone."""
        if earlier is None or earlier.end != self.start:
            return self
        return Added(earlier.start, earlier.entries + self.entries, self.language)


class Listener(Protocol):
    """A socket interested in conversations or tickets; callbacks must not block."""

    def transcript_changed(self, conversation_key: str) -> None: ...

    def transcript_added(self, conversation_key: str, added: Added) -> None: ...

    def ticket_changed(self, ticket: Ticket) -> None: ...

    def typing(
        self, conversation_key: str, who: str, name: str, stopped: bool = False
    ) -> None: ...

    def sla_alert(self, event: dict[str, Any]) -> None: ...

    def activity(self, conversation_key: str) -> None: ...

    def incidents_changed(self) -> None: ...


class LiveHub:
    """Fans committed changes out to the listeners of this process."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._by_conversation: dict[str, set[Listener]] = defaultdict(set)
        self._all_tickets: set[Listener] = set()
        self._dirty_tickets: set[str] = set()
        self._incidents_changed = False
        self._wake = asyncio.Event()
        self._tasks: set[asyncio.Task[None]] = set()
        self._users = 0  # started and not yet stopped by as many (the web chat, the console)
        self.subscribed = asyncio.Event()  # set while committed changes reach this hub

    def start(self) -> None:
        """Listen, for one more user (the first starts the subscription)."""
        self._users += 1
        if self._users > 1:
            return
        for coro in (self._listen(), self._load_tickets()):
            task = asyncio.create_task(coro)
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def stop(self) -> None:
        """One user is done; the last one ends the subscription."""
        self._users -= 1
        if self._users > 0:
            return
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    def follow(self, conversation_key: str, listener: Listener) -> None:
        self._by_conversation[conversation_key].add(listener)

    def unfollow(self, conversation_key: str, listener: Listener) -> None:
        listeners = self._by_conversation.get(conversation_key)
        if listeners is not None:
            listeners.discard(listener)
            if not listeners:
                del self._by_conversation[conversation_key]

    def follow_all_tickets(self, listener: Listener) -> None:
        self._all_tickets.add(listener)

    def unfollow_all_tickets(self, listener: Listener) -> None:
        self._all_tickets.discard(listener)

    def poke(self, conversation_key: str) -> None:
        """Tell local listeners a conversation changed (also used by the web-chat send)."""
        for listener in list(self._by_conversation.get(conversation_key, ())):
            listener.transcript_changed(conversation_key)

    def dispatch(self, event: dict[str, Any]) -> None:
        kind = event.get("type")
        if kind == "transcript":
            key = str(event.get("conversation", ""))
            added = Added.of(event)
            if added is None:
                self.poke(key)
            else:
                for listener in list(self._by_conversation.get(key, ())):
                    listener.transcript_added(key, added)
            for listener in list(self._all_tickets):  # queues count unread messages
                listener.activity(key)
        elif kind == "typing":
            key = str(event.get("conversation", ""))
            who, name = str(event.get("who", "")), str(event.get("name", ""))
            stopped = event.get("stopped") is True
            for listener in list(self._by_conversation.get(key, ())):
                listener.typing(key, who, name, stopped)
        elif kind == "ticket" and event.get("ticket"):
            self._dirty_tickets.add(str(event["ticket"]))
            self._wake.set()
        elif kind == "sla_alert":
            for listener in list(self._all_tickets):
                listener.sla_alert(event)
        elif kind == "incidents":  # told once per pass, however many commits changed them
            self._incidents_changed = True
            self._wake.set()

    async def _listen(self) -> None:
        """Subscribe, and re-subscribe with backoff when Redis drops the connection. Once
        Redis confirms a subscription every listener catches up: what was committed
        before (while the process started, or in the gap) was published to nobody here."""
        attempt = 0
        while True:
            resync = asyncio.create_task(self._resync_once_subscribed())
            try:
                async for event in self._store.live_events(self.subscribed):
                    attempt = 0
                    self.dispatch(event)
                raise ConnectionError("live events ended")
            except asyncio.CancelledError:
                raise
            except Exception:
                self.subscribed.clear()
                attempt += 1
                delay = min(RECONNECT_MAX_SECONDS, 0.2 * 2**attempt) * random.uniform(0.5, 1)
                log.warning("live updates lost; resubscribing in %.1fs", delay)
                await asyncio.sleep(delay)
            finally:
                resync.cancel()

    async def _resync_once_subscribed(self) -> None:
        await self.subscribed.wait()
        self._resync_everyone()

    def _resync_everyone(self) -> None:
        """After a gap nobody knows what was missed: make every listener catch up."""
        for key in list(self._by_conversation):
            self.poke(key)

    async def _load_tickets(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            ids, self._dirty_tickets = self._dirty_tickets, set()
            incidents, self._incidents_changed = self._incidents_changed, False
            if incidents:
                for listener in list(self._all_tickets):
                    listener.incidents_changed()
            if not ids or (not self._all_tickets and not self._by_conversation):
                continue
            tickets: list[Ticket] = []
            with contextlib.suppress(Exception):  # every ticket changed: one round trip
                tickets = await self._store.tickets.many(sorted(ids))
            for ticket in tickets:
                self._fan_out_ticket(ticket)

    def _fan_out_ticket(self, ticket: Ticket) -> None:
        listeners = self._all_tickets | self._by_conversation.get(ticket.conversation_key, set())
        for listener in listeners:
            listener.ticket_changed(ticket)


EntryView = Callable[[dict[str, Any]], dict[str, Any] | None]


def seen_count(value: Any) -> int | None:
    """A client's count of the entries it has seen (a cursor into a transcript, read
    with LRANGE: past 64 bits Redis refuses it), or None when it is not one."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_HAVE:
        return None
    return value


class TranscriptSocket:
    """A WebSocket that follows one conversation: sends each entry past its cursor once.

    Subclasses say how an entry looks to their reader and what a ticket change sends.
    An idle socket holds no task of its own: a change starts one catch-up, which runs
    until the socket has everything (one at a time, so entries go out once and in order)
    and ends. Thousands of open widgets then cost their state alone (`__slots__`).
    """

    __slots__ = (
        "_added", "_behind", "_catching_up", "_gone", "_lock", "_must_read", "_store",
        "cursor", "key", "ws",
    )  # fmt: skip

    def __init__(self, ws: web.WebSocketResponse, key: str = "", cursor: int = 0) -> None:
        self.ws = ws
        self.key = key
        self.cursor = cursor
        self._store: Store | None = None  # set by `start`: catch-ups read from it
        self._behind = bool(key)  # there may be entries past the cursor
        self._must_read = True  # ... which the news did not bring: read them
        self._added: Added | None = None  # entries the news brought, not yet sent
        self._catching_up: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()
        self._gone = False  # a write found the reader gone: nothing more is written

    def start(self, store: Store) -> None:
        """Send what is past the cursor now, and from then on whenever it changes."""
        self._store = store
        if self._behind:
            self._catch_up()

    async def stop(self) -> None:
        """Stop sending (the socket is closing): a catch-up under way is cancelled."""
        self._store = None
        task = self._catching_up
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    def transcript_changed(self, conversation_key: str) -> None:
        self._catch_up()

    def transcript_added(self, conversation_key: str, added: Added) -> None:
        """A commit added these entries: sent from here, unread, when they follow what
        the socket has (else the catch-up reads what is missing)."""
        if conversation_key != self.key:
            self._catch_up()
        elif added.end > self.cursor:
            self._added = added.after(self._added)
            self._catch_up(read=False)

    def _catch_up(self, *, read: bool = True) -> None:
        """Mark the socket behind; start a catch-up unless one is running (it reads
        again before it ends, so a change during its read is not missed). `read`: the
        entries must be read from the store (not all of them came with the news)."""
        self._behind = True
        self._must_read = self._must_read or read
        if (
            self._catching_up is None
            and self._store is not None
            and not (self.ws.closed or self._gone)
        ):
            self._catching_up = asyncio.ensure_future(self._send_until_current(self._store))

    def ticket_changed(self, ticket: Ticket) -> None:
        frame = self.ticket_frame(ticket)
        if frame is not None:
            self._send_soon(frame)

    def _send_soon(self, frame: dict[str, Any]) -> None:
        task = asyncio.ensure_future(self.send(frame))
        task.add_done_callback(lambda t: t.cancelled() or t.exception())

    def ticket_frame(self, ticket: Ticket) -> dict[str, Any] | None:
        return None

    def typing(
        self, conversation_key: str, who: str, name: str, stopped: bool = False
    ) -> None:
        """Someone in the conversation is typing (or, `stopped`, is no longer to be shown
        typing): tell this reader if it cares."""
        frame = self.typing_frame(who, name)
        if frame is not None and conversation_key == self.key:
            frame |= {"type": "typing", "conversation": conversation_key}
            self._send_soon(frame | ({"stopped": True} if stopped else {}))

    def typing_frame(self, who: str, name: str) -> dict[str, Any] | None:
        return None

    def sla_alert(self, event: dict[str, Any]) -> None:
        frame = self.alert_frame(event)
        if frame is not None:
            self._send_soon(frame)

    def activity(self, conversation_key: str) -> None:
        """Something was written in some conversation (queues update their unread counts)."""
        frame = self.activity_frame(conversation_key)
        if frame is not None:
            self._send_soon(frame)

    def activity_frame(self, conversation_key: str) -> dict[str, Any] | None:
        return None

    def incidents_changed(self) -> None:
        """Incidents or proposals changed (readers that show them reload them)."""
        frame = self.incidents_frame()
        if frame is not None:
            self._send_soon(frame)

    def incidents_frame(self) -> dict[str, Any] | None:
        return None

    def alert_frame(self, event: dict[str, Any]) -> dict[str, Any] | None:
        return None

    def view(self, entry: dict[str, Any]) -> dict[str, Any] | None:
        return entry

    async def send(self, frame: dict[str, Any]) -> None:
        """Write a frame; a reader that has gone (closed its tab, lost its network) is
        expected: one INFO line, and nothing more is written to it. It loses nothing: a
        widget or console coming back resumes from its own cursor and resends what was
        not acknowledged."""
        async with self._lock:
            if self.ws.closed or self._gone:
                return
            try:
                await self.ws.send_str(encode_frame(frame))
            except ConnectionResetError as exc:  # aiohttp's "Cannot write to closing transport"
                self._gone = True
                log.info(
                    "live socket: its reader left before a frame reached it",
                    extra={"conversation": self.key, "frame": frame.get("type"), "error": str(exc)},
                )

    def retarget(self, key: str, cursor: int) -> None:
        """Follow another conversation (a console opening another ticket)."""
        self.key, self.cursor, self._added = key, cursor, None
        self._catch_up()

    async def _send_until_current(self, store: Store) -> None:
        """Send every transcript entry past the cursor, each exactly once, in order, until
        no change is left unread.

        If the store fails, the socket is closed: the client reconnects and resumes
        from its own cursor, which loses nothing.
        """
        try:
            while self._behind and not (self.ws.closed or self._gone):
                self._behind = False
                await self._send_new_entries(store)
        except asyncio.CancelledError:
            raise
        except Exception:
            log_failure(log, "live transcript failed; closing the socket so the client resyncs")
            with contextlib.suppress(Exception):
                await self.ws.close(code=1011, message=b"try again")
        finally:
            self._catching_up = None

    async def _send_new_entries(self, store: Store) -> None:
        """Everything past the cursor in one `entries` frame: one write however many
        entries a turn (or a burst of turns) added. Taken from the news when it brought
        them all, else read (news that arrives during the read is kept for after it)."""
        key, start = self.key, self.cursor
        if not key:
            return
        added = self._added
        if self._must_read or added is None or added.start > start:
            self._must_read, self._added = False, None
            page = await store.conversations.read_since(key, start)
            entries, language = page.entries, page.language
            if (self.key, self.cursor) != (key, start):
                return  # retargeted meanwhile (its own wake-up reads the new conversation)
        else:
            self._added = None
            entries, language = added.entries[start - added.start :], added.language
        if not entries:
            return
        shown = [
            {"index": index, "entry": view}
            for index, view in enumerate(map(self.view, entries), start)
            if view is not None
        ]
        self.cursor = start + len(entries)
        if shown:
            await self.send({"type": "entries", "conversation": key, "entries": shown})
        await self.entries_sent(store, language)

    async def entries_sent(self, store: Store, language: str) -> None:
        """Called after new entries went out (a reader may follow up, e.g. with the
        conversation's `language`, read with them)."""
