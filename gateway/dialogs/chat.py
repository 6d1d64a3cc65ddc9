"""`firstline chat`: talk to the bot in a terminal, or script it with JSON lines.

Both modes run each line through the real conversation service (engine, store, tickets),
exactly as a channel message would go. The `--json` stream is a stable interface that
knowledge-base authors and `eval dialogs` script against:

in   one object per line: {"text": "..."} or {"payload": "..."} (optionally "kind": "start")
out  one object per line: {"event": "message", "text", "buttons": [{label, payload}]},
     faq_answered, faq_choices, checklist_question, ticket_opened, resolved, csat_request,
     csat_recorded, csat_commented, handoff, error; and after each input line exactly one turn_end.
"""

from __future__ import annotations

import asyncio
import json
import threading
import uuid
from collections.abc import Mapping
from typing import Any, Protocol, TextIO

from gateway.config import Settings
from gateway.disclosed_passwords import hidden_in_message
from gateway.models import Channel, InboundMessage, Ticket

CHANNEL = Channel.CLI.value
INPUT_KINDS = frozenset({"message", "start"})
QUIT_WORDS = frozenset({"/quit", "/exit"})
# Engine events that the stream shows as they are; a ticket request shows as ticket_opened.
STREAMED_EVENTS = frozenset(
    {
        "faq_answered",
        "faq_choices",
        "checklist_question",
        "resolved",
        "csat_request",
        "csat_recorded",
        "csat_commented",
        "handoff",
    }
)


class ChatService(Protocol):
    """The part of ConversationService a chat needs."""

    async def handle(self, msg: InboundMessage) -> Any: ...


class InputError(ValueError):
    """An input line that is not a chat message; the text is shown to the script."""


class ChatSession:
    """One conversation with the bot, turn by turn, rendered as `chat --json` events."""

    def __init__(self, service: ChatService, chat_id: str | None = None) -> None:
        self.service = service
        self.chat_id = chat_id or f"chat-{uuid.uuid4().hex[:12]}"
        self._sent = 0

    async def turn(self, data: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Send one user input; the events it caused, ending with `turn_end`."""
        try:
            msg = self._message(data)
            outcome = await self.service.handle(msg)
            events = render(outcome)
        except InputError as exc:
            events = [{"event": "error", "error": str(exc)}]
        except Exception as exc:  # a script must see the failure, not lose the stream
            events = [{"event": "error", "error": f"{type(exc).__name__}: {exc}"}]
        return [*events, {"event": "turn_end"}]

    async def turn_line(self, line: str) -> list[dict[str, Any]]:
        """Like `turn`, from one JSON line as typed or piped in."""
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            return [{"event": "error", "error": f"not JSON: {exc.msg}"}, {"event": "turn_end"}]
        if not isinstance(data, dict):
            error = 'expected an object like {"text": "..."}'
            return [{"event": "error", "error": error}, {"event": "turn_end"}]
        return await self.turn(data)

    def _message(self, data: Mapping[str, Any]) -> InboundMessage:
        text, payload = data.get("text", ""), data.get("payload", "")
        kind = data.get("kind", "message")
        if not isinstance(text, str) or not isinstance(payload, str):
            raise InputError('"text" and "payload" must be strings')
        if kind not in INPUT_KINDS:
            raise InputError(f'"kind" must be one of {sorted(INPUT_KINDS)}')
        if kind == "message" and not text.strip() and not payload.strip():
            raise InputError('give "text" or "payload"')
        self._sent += 1
        # hidden as every channel's intake hides it: the chat writes to the same store, and a
        # password typed here would sit in the ticket, the transcript and the console
        return hidden_in_message(
            InboundMessage(
                channel=CHANNEL,
                chat_id=self.chat_id,
                message_id=f"{self.chat_id}-{self._sent}",
                text=text,
                payload=payload,
                user_id=self.chat_id,
                user_name="cli",
                kind=kind,
            )
        )


def render(outcome: Any) -> list[dict[str, Any]]:
    """A service TurnOutcome as stream events: messages first, then what happened."""
    events: list[dict[str, Any]] = [
        {
            "event": "message",
            "text": reply.text,
            "buttons": [{"label": b.label, "payload": b.payload} for b in reply.buttons],
        }
        for reply in outcome.replies
    ]
    events += [e.to_dict() for e in outcome.events if e.name in STREAMED_EVENTS]
    events += [{"event": "ticket_opened", "ticket": ticket_summary(t)} for t in outcome.tickets]
    return events


def ticket_summary(ticket: Ticket) -> dict[str, Any]:
    return {
        "id": ticket.id,
        "topic": ticket.topic,
        "group": ticket.group.value,
        "priority": ticket.priority.value,
        "level": ticket.level.value,
        "fields": dict(ticket.fields),
    }


async def run_chat(
    settings: Settings,
    json_mode: bool,
    stdin: TextIO,
    stdout: TextIO,
    *,
    chat_id: str | None = None,
) -> int:
    """Run a chat until end of input; 0 when it ended normally."""
    from gateway.runtime import open_runtime  # the runtime pulls in the store and Redis

    async with open_runtime(settings, direct_channels={CHANNEL}) as rt:
        session = ChatSession(rt.service, chat_id)
        if json_mode:
            await _json_loop(session, stdin, stdout)
        else:
            await _terminal_loop(session, stdin, stdout)
    return 0


async def _read(stdin: TextIO) -> str:
    """The next line ("" at the end). Read on a daemon thread, so a chat stopped by a
    signal while waiting for input exits at once instead of waiting for a line."""
    loop = asyncio.get_running_loop()
    line: asyncio.Future[str] = loop.create_future()

    def read() -> None:
        try:
            text = stdin.readline()
        except Exception as exc:  # closed or broken input ends the chat like EOF
            loop.call_soon_threadsafe(_settle, line, "", exc)
            return
        loop.call_soon_threadsafe(_settle, line, text, None)

    threading.Thread(target=read, name="chat-stdin", daemon=True).start()
    return await line


def _settle(future: asyncio.Future[str], text: str, error: BaseException | None) -> None:
    if future.done():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(text)


async def _json_loop(session: ChatSession, stdin: TextIO, stdout: TextIO) -> None:
    while line := await _read(stdin):
        if not line.strip():
            continue
        for event in await session.turn_line(line):
            stdout.write(json.dumps(event, ensure_ascii=False) + "\n")
        stdout.flush()


async def _terminal_loop(session: ChatSession, stdin: TextIO, stdout: TextIO) -> None:
    stdout.write("firstline chat. Type your message; a number presses a button; /quit ends.\n")
    buttons = _show(await session.turn({"kind": "start"}), stdout)
    while True:
        stdout.write("> ")
        stdout.flush()
        line = await _read(stdin)
        typed = line.strip()
        if not line or typed.lower() in QUIT_WORDS:
            break
        if not typed:
            continue
        pressed = (
            buttons[int(typed) - 1] if typed.isdecimal() and 0 < int(typed) <= len(buttons) else ""
        )
        data = {"payload": pressed} if pressed else {"text": typed}
        buttons = _show(await session.turn(data), stdout)
    stdout.write("\n")
    stdout.flush()


def _show(events: list[dict[str, Any]], stdout: TextIO) -> list[str]:
    """Print the bot's side of a turn; the payloads of the buttons now on screen."""
    payloads: list[str] = []
    for event in events:
        if event["event"] == "message":
            stdout.write(f"bot: {event['text']}\n")
            if event["buttons"]:
                offset = len(payloads)
                labels = [f"[{offset + n}] {b['label']}" for n, b in enumerate(event["buttons"], 1)]
                stdout.write("     " + "  ".join(labels) + "\n")
                payloads += [b["payload"] for b in event["buttons"]]
        elif event["event"] == "ticket_opened":
            t = event["ticket"]
            stdout.write(f"     (ticket {t['id']}: {t['group']}, {t['priority']}, {t['level']})\n")
        elif event["event"] == "error":
            stdout.write(f"     (error: {event['error']})\n")
    stdout.flush()
    return payloads
