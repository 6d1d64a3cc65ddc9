"""Viber keyboards sent before their serials were signed (session 25; "yes|kb:3fa9c1", six hex
digits) stay on users' screens for up to `KEYBOARD_TTL`: a press of one is an earlier
keyboard's press, never today's answer (real gateway, emulated Viber API; outside pass,
session 26)."""

from __future__ import annotations

from connectors.test_channel_conversations import QUESTION, Gateway, ru, viber_gateway, viber_user

from emulators.server import eventually
from emulators.viber import ViberEmulator
from gateway.dialogs.state import DialogState, Phase

__all__ = ["viber_gateway"]  # the fixture used below


async def test_a_press_of_a_keyboard_sent_before_signed_serials_answers_nothing(
    viber_gateway: Gateway, viber_api: ViberEmulator
) -> None:
    """Before, "yes|kb:3fa9c1" of a keyboard sent before the upgrade was read as the user
    typing it, and "yes" in it answered today's "did it help?": the conversation was
    closed as solved by the bot while the problem was not."""
    for n, payload in enumerate(("yes", "csat:5", "dunno")):
        user_id = f"legacy-kb-{n}=="
        user = viber_user(viber_api, user_id)
        await user.say(QUESTION)
        seen = await user.sees(ru("did_it_help"))
        viber_api.send_text(user_id, f"{payload}|kb:3fa9c{n}")  # the old keyboard's body
        seen = await user.sees(ru("stale_button"), after=seen)
        assert not any(ru("resolved_by_bot") in t for t in user.texts())
        conv = await viber_gateway.rt.store.conversations.get(user.conversation_key)
        assert conv is not None and DialogState.from_dict(conv.state).phase == Phase.CONFIRM
        await user.press(ru("btn_yes"))  # today's keyboard still answers it
        await user.sees(ru("resolved_by_bot"), after=seen)


async def test_the_last_keyboard_sent_before_the_upgrade_still_answers_when_untracked(
    viber_gateway: Gateway, viber_api: ViberEmulator
) -> None:
    """A client that echoes no tracking data (a second device, an old app) pressing the
    keyboard last sent before the upgrade: it is today's question, and the press answers it.
    Before, its payload was the whole body ("yes|kb:3fa9c1"), which answers nothing."""
    user_id = "legacy-kb-kept=="
    user = viber_user(viber_api, user_id)
    await user.say(QUESTION)
    seen = await user.sees(ru("did_it_help"))
    store = viber_gateway.rt.store
    key = f"keyboard:{user_id}"
    # The gateway keeps the keyboard it sent just after Viber took it (the user may already
    # see it): replace it only once it is kept, or the gateway's write overwrites ours.
    shown = viber_api.sent[user_id][-1].keyboard or {}
    today = {b["ActionBody"]: b["Text"] for b in shown.get("Buttons", [])}
    assert today, "today's question comes with a keyboard"

    async def kept() -> bool:
        return await store.channel_get("viber", key) == today

    await eventually(kept, what="the keyboard kept")
    old = {"yes|kb:3fa9c1": ru("btn_yes"), "no|kb:3fa9c1": ru("btn_no")}
    await store.channel_put("viber", key, old, 3600)
    viber_api.users[user_id].tracking_data = ""  # this client echoes none
    viber_api.send_text(user_id, "yes|kb:3fa9c1")
    await user.sees(ru("resolved_by_bot"), after=seen)
