"""The desk's own contact, given when a user asks for it ("дайте номер телефона поддержки").

A real help desk gives the number it has; a deployment without one says how to reach a
person here instead of leaving the question unanswered or reading it as a problem. The
question does not break the conversation: a checklist question still open is put again,
and a problem told in the same message is taken as usual.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gateway.dialogs.checklist import question
from gateway.dialogs.flow import SupportFlow
from gateway.dialogs.payloads import DUNNO
from gateway.dialogs.state import Phase
from gateway.dialogs.turn import Turn
from gateway.models import InboundMessage
from gateway.triage.contact_request import asks_for_contact

# A message this many words longer than its request for the contact tells a problem too.
PROBLEM_WORDS = 3
_PARTS = re.compile(r"[,;!?\n]+|\.(?!\d)")


@dataclass(frozen=True)
class SupportContact:
    """How the desk is reached besides this chat; every part optional."""

    phone: str = ""
    email: str = ""
    hours: str = ""


class ContactFlow:
    """Answers a request for the desk's contact, then carries on where the dialog was."""

    def __init__(self, flow: SupportFlow, contact: SupportContact) -> None:
        self.flow = flow
        self.contact = contact

    def wants(self, turn: Turn, msg: InboundMessage) -> bool:
        """Whether the message asks how to reach the desk (typed, not a button)."""
        text = msg.text.strip()
        return bool(text) and not msg.payload and asks_for_contact(turn.reading(text))

    def handle(self, turn: Turn, msg: InboundMessage) -> None:
        """Give the contact (or how to reach a person here); then go on with the dialog."""
        st, text = turn.state, msg.text.strip()
        if st.phase == Phase.IDLE:
            self.flow.detect_language(turn, text, msg.language_hint)
        else:
            self.flow.follow_language(turn, text)
        problem = st.phase == Phase.IDLE and _tells_more(text)
        if self.contact.phone or self.contact.email or not problem:
            self._tell(turn)  # with nothing to give, the problem's own replies say the way
        if problem:
            self.flow.handle(turn, msg)  # "принтер не печатает, дайте номер поддержки"
        elif st.phase == Phase.CHECKLIST and st.asking:
            buttons = () if st.asking == "problem" else (turn.button("btn_dont_know", DUNNO),)
            turn.send(question(st.asking, st.fields, turn.texts, turn.lang).text, *buttons)

    def _tell(self, turn: Turn) -> None:
        contact = self.contact
        if not (contact.phone or contact.email):
            turn.say("contact_none")
            return
        parts = [
            turn.text(key, **{name: value})
            for key, name, value in (
                ("contact_phone", "phone", contact.phone),
                ("contact_email", "email", contact.email),
                ("contact_hours", "hours", contact.hours),
            )
            if value
        ]
        turn.send(" ".join([*parts, turn.text("contact_here")]))


def _tells_more(text: str) -> bool:
    """Whether `text` says more than its request for the contact: a clause of its own with
    a few words ("Принтер не печатает с утра. Дайте телефон поддержки")."""
    rest = [c for c in _PARTS.split(text) if c.strip() and not asks_for_contact(c)]
    return sum(len(re.findall(r"\w+", c)) for c in rest) >= PROBLEM_WORDS
