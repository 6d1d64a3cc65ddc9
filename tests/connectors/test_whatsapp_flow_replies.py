"""A WhatsApp Flow's answers (`interactive` / `nfm_reply`), through the real gateway.

firstline sends no Flows, but a business number often does (a form sent from another
tool or a template's flow button); the user's submitted form then reaches us. Outside pass
(session 22): it was set aside as unreadable and the user heard nothing. What they filled
in is their words; a form with nothing to read is told, like any empty message.
"""

from __future__ import annotations

import json
from typing import Any

from connectors.test_channel_conversations import Gateway, meta_gateway, ru, whatsapp_user

from emulators.meta import MetaEmulator

__all__ = ["meta_gateway"]  # the fixture used below


def flow_reply(answers: dict[str, Any], name: str = "flow") -> dict[str, Any]:
    """The `interactive` content WhatsApp sends when a user submits a Flow."""
    body = {"name": name, "body": "Sent", "response_json": json.dumps(answers)}
    return {"type": "nfm_reply", "nfm_reply": body}


async def test_a_submitted_flow_is_read_as_what_the_user_filled_in(
    meta_gateway: Gateway, meta_api: MetaEmulator
) -> None:
    wa_id = "380501112233"
    user = whatsapp_user(meta_api, wa_id)
    answers = {
        "flow_token": "unused-8f2c",
        "screen_0_Problem_0": "не печатает принтер, пишет offline",
        "screen_0_Floor_1": 3,
        "screen_0_Agree_2": True,  # a ticked box: no words
    }
    meta_api.wa_send(wa_id, "interactive", flow_reply(answers))
    await user.sees(ru("did_it_help"))
    assert user.buttons() == [ru("btn_yes"), ru("btn_no")]
    transcript = await meta_gateway.rt.store.conversations.transcript(user.conversation_key)
    said = [e["text"] for e in transcript if e["direction"] == "in"]
    assert said == ["не печатает принтер, пишет offline\n3"]  # no flow token
    assert await meta_gateway.rt.store.inbound.unreadable_list() == []


async def test_a_flow_with_nothing_to_read_is_told_not_dropped(
    meta_gateway: Gateway, meta_api: MetaEmulator
) -> None:
    wa_id = "380501112244"
    user = whatsapp_user(meta_api, wa_id)
    meta_api.wa_send(wa_id, "interactive", flow_reply({"flow_token": "t-1"}))
    await user.sees(ru("unreadable"))
    broken = {"type": "nfm_reply", "nfm_reply": {"name": "flow", "response_json": "{oops"}}
    meta_api.wa_send(wa_id, "interactive", broken)
    await user.sees(ru("unreadable"), after=1)
    assert await meta_gateway.rt.store.inbound.unreadable_list() == []


async def test_an_interactive_reply_of_an_unknown_kind_is_told_not_dropped(
    meta_gateway: Gateway, meta_api: MetaEmulator
) -> None:
    wa_id = "380501112255"
    user = whatsapp_user(meta_api, wa_id)
    later = {"type": "call_permission_reply", "call_permission_reply": {"response": "accept"}}
    meta_api.wa_send(wa_id, "interactive", later)
    await user.sees(ru("unreadable"))
    assert await meta_gateway.rt.store.inbound.unreadable_list() == []
