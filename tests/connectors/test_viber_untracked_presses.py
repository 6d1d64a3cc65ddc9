"""Viber keyboard presses that come back without `tracking_data`, through the real gateway.

Viber echoes the last `tracking_data` the bot sent with the user's next message; a client
that drops it, or a message the bot sent after the keyboard, leaves a press as bare text:
the button's ActionBody. The user pressed a button; they never typed "csat:5".
"""

from __future__ import annotations

from connectors.test_channel_conversations import (
    ANNA,
    Gateway,
    open_ticket,
    ru,
    taken,
    viber_gateway,
    viber_user,
)

from emulators.server import eventually
from emulators.viber import ViberEmulator

__all__ = ["viber_gateway"]  # the fixture used below


def press_untracked(api: ViberEmulator, user_id: str, label: str) -> None:
    """Press a shown button as a client that echoes no tracking data does."""
    api.users[user_id].tracking_data = ""
    api.press(user_id, label)


async def test_a_rating_pressed_without_tracking_data_is_a_rating(
    viber_gateway: Gateway, viber_api: ViberEmulator
) -> None:
    user_id = "untracked-rating=="
    user = viber_user(viber_api, user_id)
    ticket, seen = await open_ticket(viber_gateway, user)
    assert (await viber_gateway.rt.desk.take_over(ticket.id, ANNA)).won
    await viber_gateway.rt.desk.reply(ticket.id, ANNA, "Переподключил принтер")
    seen = await user.sees("Переподключил принтер", after=seen)
    await user.say("заработало")
    await taken(viber_gateway, user, "заработало")
    await viber_gateway.rt.desk.resolve(ticket.id, ANNA, "спулер")
    seen = await user.sees(ru("csat_ask"), after=seen)

    press_untracked(viber_api, user_id, "4")
    await user.sees(ru("csat_comment_ask"), after=seen)
    press_untracked(viber_api, user_id, ru("btn_skip"))
    await user.sees(ru("csat_thanks"), after=seen)

    done = await viber_gateway.rt.store.tickets.get(ticket.id)
    assert done is not None and done.csat == 4
    assert done.csat_comment == ""
    assert not any("csat:" in t for t in user.texts())
    transcript = await viber_gateway.rt.store.conversations.transcript(user.conversation_key)
    said = [e["text"] for e in transcript if e["direction"] == "in"]
    assert not any(":" in s and s.split(":")[0] in ("csat", "faq") for s in said)
    assert said[-2:] == ["4", ru("btn_skip")]  # the presses, by their labels


async def test_did_it_help_pressed_without_tracking_data_runs_the_checklist(
    viber_gateway: Gateway, viber_api: ViberEmulator
) -> None:
    user_id = "untracked-no=="
    user = viber_user(viber_api, user_id)
    await user.say("не печатает принтер, пишет offline")
    seen = await user.sees(ru("did_it_help"))
    press_untracked(viber_api, user_id, ru("btn_no"))
    await user.sees("?", after=seen)
    await eventually(lambda: ru("btn_dont_know") in user.buttons(), what="a checklist question")
    transcript = await viber_gateway.rt.store.conversations.transcript(user.conversation_key)
    said = [e["text"] for e in transcript if e["direction"] == "in"]
    assert said[-1] == ru("btn_no")
