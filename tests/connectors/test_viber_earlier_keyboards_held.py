"""A Viber button of an earlier keyboard pressed while a person holds the conversation,
through the real gateway and the emulated Viber API (outside pass, session 24)."""

from __future__ import annotations

from connectors.test_channel_conversations import (
    ANNA,
    Gateway,
    open_ticket,
    ru,
    viber_gateway,
    viber_user,
)

from emulators.server import eventually
from emulators.viber import ViberEmulator
from gateway.models import TicketStatus

__all__ = ["viber_gateway"]  # the fixture used below


async def test_an_earlier_keyboards_press_while_a_person_holds_it_is_the_bots_not_theirs(
    viber_gateway: Gateway, viber_api: ViberEmulator
) -> None:
    """Before, it reached the person as an empty line whose console text was the raw
    payload 'earlier:yes', and it counted as the user's answer: a ticket waiting for the
    user was worked on again, its SLA clock running, for a press that says nothing. The
    user is told the button no longer works; the person's ticket is untouched."""
    user_id = "earlier-held=="
    user = viber_user(viber_api, user_id)
    ticket, seen = await open_ticket(viber_gateway, user)
    assert (await viber_gateway.rt.desk.take_over(ticket.id, ANNA)).won
    seen = await user.sees(ru("ticket_taken", ticket_id=ticket.id), after=seen)
    await viber_gateway.rt.desk.reply(ticket.id, ANNA, "Пришлите фото экрана принтера")
    seen = await user.sees("Пришлите фото экрана принтера", after=seen)
    waiting = await viber_gateway.rt.store.tickets.get(ticket.id)
    assert waiting is not None and waiting.status == TicketStatus.WAITING_FOR_USER

    viber_api.press(user_id, ru("btn_yes"), keyboard=0)  # "did it help?", pressed only now
    seen = await user.sees(ru("stale_button"), after=seen)
    after = await viber_gateway.rt.store.tickets.get(ticket.id)
    assert after is not None and after.status == TicketStatus.WAITING_FOR_USER
    entries = await viber_gateway.rt.store.conversations.transcript(user.conversation_key)
    assert entries[-1]["direction"] == "out" and entries[-1]["text"] == ru("stale_button")

    await user.say("вот фото")  # the user's real answer still reaches the person
    await eventually(
        lambda: _status_is(viber_gateway, ticket.id, TicketStatus.OPEN), what="worked on again"
    )


async def _status_is(gw: Gateway, ticket_id: str, status: TicketStatus) -> bool:
    ticket = await gw.rt.store.tickets.get(ticket_id)
    return ticket is not None and ticket.status == status
