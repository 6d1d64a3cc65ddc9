"""A Viber button pressed on a keyboard no longer shown (a second device still showing it,
a press Viber delivers late), through the real gateway and the emulated Viber API.

Viber echoes the last `tracking_data` the bot sent, whichever keyboard was pressed, and
the button sends its ActionBody as text: an old "Да, помогло" must neither be read as the
user typing "yes" (in English) nor as the answer to today's question."""

from __future__ import annotations

from connectors.test_channel_conversations import QUESTION, Gateway, ru, viber_gateway, viber_user

from emulators.viber import ViberEmulator
from gateway.dialogs.state import DialogState, Phase

__all__ = ["viber_gateway"]  # the fixture used below


async def test_an_earlier_keyboards_yes_is_no_answer_to_a_checklist_question(
    viber_gateway: Gateway, viber_api: ViberEmulator
) -> None:
    user_id = "earlier-checklist=="
    user = viber_user(viber_api, user_id)
    await user.say(QUESTION)
    seen = await user.sees(ru("did_it_help"))
    await user.press(ru("btn_no"))
    seen = await user.sees(ru("ask_tried"), after=seen)
    viber_api.press(user_id, ru("btn_yes"), keyboard=0)  # "did it help?", pressed only now
    seen = await user.sees(ru("stale_button"), after=seen)
    assert user.buttons() == [ru("btn_dont_know")]  # the question still waits, in Russian
    state = await _state(viber_gateway, user.conversation_key)
    assert state.language == "ru" and not state.fields.get("tried")


async def test_an_earlier_keyboards_yes_does_not_answer_todays_did_it_help(
    viber_gateway: Gateway, viber_api: ViberEmulator
) -> None:
    user_id = "earlier-confirm=="
    user = viber_user(viber_api, user_id)
    await user.say(QUESTION)
    seen = await user.sees(ru("did_it_help"))
    await user.say("/start")
    seen = await user.sees(ru("greeting"), after=seen)
    await user.say(QUESTION)  # asked again: the same question, a new keyboard
    seen = await user.sees(ru("did_it_help"), after=seen)
    viber_api.press(user_id, ru("btn_yes"), keyboard=0)  # the first keyboard's "yes"
    seen = await user.sees(ru("stale_button"), after=seen)
    assert user.buttons() == [ru("btn_yes"), ru("btn_no")]
    assert (await _state(viber_gateway, user.conversation_key)).phase == Phase.CONFIRM
    await user.press(ru("btn_yes"))  # today's keyboard answers it
    await user.sees(ru("resolved_by_bot"), after=seen)


async def _state(gw: Gateway, key: str) -> DialogState:
    conv = await gw.rt.store.conversations.get(key)
    assert conv is not None
    return DialogState.from_dict(conv.state)
