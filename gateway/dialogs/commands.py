"""Slash commands: /start, /help, /status, /operator, /cancel, /lang.

Buttons may carry a command as their payload (the language picker sends "/lang uk").
"""

from __future__ import annotations

import re

from gateway.dialogs.flow import SupportFlow
from gateway.dialogs.state import Phase
from gateway.dialogs.status import StatusFlow
from gateway.dialogs.status_question import ticket_numbers
from gateway.dialogs.turn import Turn
from gateway.models import REOPENED, Button, InboundMessage, ticket_id_for
from gateway.texts import LANGUAGES

_COMMAND = re.compile(r"^/([a-z_]+)(?:@\w+)?(?:\s+(.*))?$", re.IGNORECASE | re.DOTALL)


def parse_command(msg: InboundMessage) -> tuple[str, str] | None:
    """(name, argument) when the message is a command, typed or pressed."""
    for source in (msg.payload, msg.text):
        found = _COMMAND.match(source.strip())
        if found:
            return found.group(1).lower(), (found.group(2) or "").strip()
    return None


class Commands:
    """Carries out slash commands on a turn."""

    def __init__(self, flow: SupportFlow, tickets: StatusFlow) -> None:
        self.flow = flow
        self.tickets = tickets

    def run(self, turn: Turn, name: str, arg: str, msg: InboundMessage) -> None:
        handler = {
            "start": self.start,
            "help": self.help,
            "status": self.status,
            "operator": self.operator,
            "cancel": self.cancel,
            "lang": self.lang,
        }.get(name)
        if handler is None:
            turn.say("unknown_command")
        else:
            handler(turn, arg, msg)

    def start(self, turn: Turn, arg: str, msg: InboundMessage) -> None:
        """First contact or a fresh start: greet and wait for the problem. A user who only
        opened again a conversation in progress (Viber, from the chat list) goes on from where
        it was: the question or the offer they were answering stays."""
        st = turn.state
        if msg.meta.get(REOPENED) == "1" and st.phase not in (Phase.IDLE, Phase.TICKET):
            return
        if not st.language and not st.language_locked:
            hint = msg.language_hint[:2].lower()
            st.language = hint if hint in LANGUAGES else self.flow.default_language
        self.flow.abandon(turn)
        turn.say("greeting")

    def help(self, turn: Turn, arg: str, msg: InboundMessage) -> None:
        turn.say("help")

    def status(self, turn: Turn, arg: str, msg: InboundMessage) -> None:
        """The user's tickets (or the one named) with their state, as the store has them."""
        arg = arg.strip().lstrip("#№")
        numbers = [ticket_id_for(int(arg))] if arg.isdecimal() else ticket_numbers(arg)
        self.tickets.ask(turn, numbers[0] if numbers else "")

    def operator(self, turn: Turn, arg: str, msg: InboundMessage) -> None:
        """A person, now: keep what the user has said, collect the rest of the checklist."""
        st = turn.state
        if st.phase == Phase.TICKET:
            turn.say("ticket_already_with_person", ticket_id=st.ticket_id)
        elif st.phase == Phase.CHECKLIST:
            st.reason = "asked_for_person"
            self.flow.request_ticket(turn)
        else:
            if st.phase not in (Phase.CONFIRM, Phase.CHOOSE):
                self.flow.abandon(turn)
                st.start_flow()
            topic = st.topic if st.phase == Phase.CONFIRM else ""
            article = self.flow.knowledge.article(topic) if topic else None
            self.flow.to_person(turn, "asked_for_person", article)

    def cancel(self, turn: Turn, arg: str, msg: InboundMessage) -> None:
        st = turn.state
        if st.phase == Phase.TICKET:
            turn.say("cancel_ticket_open", ticket_id=st.ticket_id)
        elif self.flow.abandon(turn):
            turn.say("cancelled")
        else:
            turn.say("nothing_to_cancel")

    def lang(self, turn: Turn, arg: str, msg: InboundMessage) -> None:
        """`/lang uk` switches for good; `/lang` alone offers the languages as buttons."""
        choice = arg.lower()[:2]
        if choice in LANGUAGES:
            turn.state.language, turn.state.language_locked = choice, True
            turn.say("lang_switched")
            return
        buttons = [
            Button(label=turn.texts.get(lang, "lang_native"), payload=f"/lang {lang}")
            for lang in LANGUAGES
        ]
        turn.say("lang_choose", *buttons)
