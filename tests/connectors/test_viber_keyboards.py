"""What a Viber user sees of their own button presses, through the real gateway.

A reply button sends its ActionBody as the user's message, and Viber shows it in the
chat as theirs unless the button is `Silent` (developers.viber.com, keyboards: "Silent:
determine whether the user action is presented in the conversation", default false).
Our ActionBody is a payload ("no", "dunno", "csat:4"): the user never wrote it.
"""

from __future__ import annotations

from connectors.test_channel_conversations import (
    QUESTION,
    Gateway,
    ru,
    viber_gateway,
    viber_user,
)

from emulators.server import eventually
from emulators.viber import ViberEmulator

__all__ = ["viber_gateway"]  # the fixture used below


async def test_a_pressed_button_shows_no_payload_as_the_users_message(
    viber_gateway: Gateway, viber_api: ViberEmulator
) -> None:
    user_id = "bubbles=="
    user = viber_user(viber_api, user_id)
    await user.say(QUESTION)
    seen = await user.sees(ru("did_it_help"))
    await user.press(ru("btn_no"))
    await user.sees("?", after=seen)
    await eventually(lambda: ru("btn_dont_know") in user.buttons(), what="a checklist question")
    await user.press(ru("btn_dont_know"))
    await eventually(lambda: _said(viber_gateway, user.conversation_key, 3), what="the presses")
    assert viber_api.users[user_id].bubbles == [QUESTION]  # only what the user typed
    buttons = [b for m in viber_api.sent[user_id] if m.keyboard for b in m.keyboard["Buttons"]]
    assert buttons and all(b["Silent"] is True for b in buttons)


async def _said(gw: Gateway, key: str, n: int) -> bool:
    transcript = await gw.rt.store.conversations.transcript(key)
    return len([e for e in transcript if e["direction"] == "in"]) >= n
