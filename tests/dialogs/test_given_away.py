"""A password typed on a page a mail or a link led to is a phishing report, whatever the
page's bait (issue 19, session 42): the matcher had read such messages as a mailbox, a
password reset or a page that will not open, and routed them there.

Through the real conversation service, store and knowledge base (`chat --json`'s session).
"""

from __future__ import annotations

import pytest

from gateway.config import Settings
from gateway.dialogs.chat import CHANNEL, ChatSession
from gateway.runtime import open_runtime


@pytest.mark.parametrize(
    "text",
    [
        "A mail saying my pension details need updating led me to a login page and I typed "
        "my Microsoft 365 password there. Windows 11 laptop.",
        "Пришло письмо «Ваш ящик будет заблокирован», я перешла по ссылке и ввела логин и "
        "пароль от почты. Outlook, Windows 10.",
    ],
)
async def test_a_password_typed_on_a_lure_is_a_security_ticket(
    settings: Settings, text: str
) -> None:
    async with open_runtime(settings, direct_channels={CHANNEL}) as rt:
        session = ChatSession(rt.service)
        turn = await session.turn({"text": text})
        for _ in range(8):
            if any(e["event"] == "ticket_opened" for e in turn):
                break
            offered = [e for e in turn if e["event"] == "faq_choices"]
            turn = await session.turn({"payload": "faq:none"} if offered else {"text": "no"})
        (ticket,) = await rt.store.tickets.recent()
        assert (ticket.topic, ticket.group.value) == ("phishing_report", "security")
