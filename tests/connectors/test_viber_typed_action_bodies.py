"""A button's ActionBody typed by hand on Viber ('yes|kb:…') is the user's words, not an
earlier keyboard's press (real gateway, emulated Viber API; outside pass, session 25)."""

from __future__ import annotations

from connectors.test_channel_conversations import QUESTION, Gateway, ru, viber_gateway, viber_user

from emulators.server import eventually
from emulators.viber import ViberEmulator

__all__ = ["viber_gateway"]  # the fixture used below


async def test_an_action_body_typed_by_hand_is_typed_text_and_a_real_old_press_is_stale(
    viber_gateway: Gateway, viber_api: ViberEmulator
) -> None:
    """Before, any text shaped like an ActionBody was taken for an earlier keyboard's press:
    the user's message was dropped (the transcript kept it empty) and they were told a
    button no longer works. The serial is signed now: only ours reads as a press."""
    # six digits alone are a keyboard sent before serials were signed: test_viber_legacy_keyboards
    for n, typed in enumerate(("yes|kb:3fa9c1e20b", "перезагружал|kb:0123456789")):
        user_id = f"typed-body-{n}=="
        user = viber_user(viber_api, user_id)
        await user.say(QUESTION)
        seen = await user.sees(ru("did_it_help"))
        await user.press(ru("btn_no"))
        seen = await user.sees(ru("ask_tried"), after=seen)
        await user.say(typed)
        await eventually(lambda: len(user.texts()) > seen, what="an answer")  # noqa: B023
        answer = user.texts()[seen:]
        assert not any(ru("stale_button") in t for t in answer), (typed, answer)
        entries = await viber_gateway.rt.store.conversations.transcript(user.conversation_key)
        said = [e for e in entries if e["direction"] == "in" and e.get("text") == typed]
        assert said and said[-1]["payload"] == "", typed
        viber_api.press(user_id, ru("btn_yes"), keyboard=0)  # a real press, of the first one
        await user.sees(ru("stale_button"), after=seen)
