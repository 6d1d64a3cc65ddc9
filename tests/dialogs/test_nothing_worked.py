"""A no said by its subject (outside pass, desk31): "nothing worked", "none of the steps
helped", "it never worked" to "Did this help?" read as a yes ("worked", "helped"): the bot said
"Great, glad it helped!", counted the request as resolved by the bot and asked for a rating.
English denies with "nothing", "none", "nobody", "never" and no "not"; these are a no now."""

from __future__ import annotations

import pytest

from dialogs.driver import Chat
from gateway.dialogs.engine import DialogEngine
from gateway.dialogs.state import Phase

DENIED = [
    "nothing worked",
    "Nothing worked.",
    "nothing has worked",
    "none of the steps helped",
    "none of it worked",
    "nothing you sent helped",
    "it never worked",
    "nobody helped",
]


@pytest.mark.parametrize("said", DENIED)
def test_a_no_said_by_its_subject_is_a_no(engine: DialogEngine, said: str) -> None:
    chat = Chat(engine, lang_hint="en")
    chat.send("the printer is offline")
    chat.send(said)
    assert chat.named("article_not_helped"), (said, chat.text)
    assert not chat.named("resolved") and not chat.named("csat_request")
    assert chat.state.phase != Phase.CSAT_SCORE


@pytest.mark.parametrize(
    "said", ["never mind, it works now", "nothing, it works now", "it works, nothing else needed"]
)
def test_a_yes_beside_such_a_word_stays_a_yes(engine: DialogEngine, said: str) -> None:
    chat = Chat(engine, lang_hint="en")
    chat.send("the printer is offline")
    chat.send(said)
    assert chat.named("resolved") and chat.state.phase == Phase.CSAT_SCORE, (said, chat.text)


@pytest.mark.parametrize("said", ["no worries, works now", "no prob, it works now"])
def test_no_worries_is_no_no(engine: DialogEngine, said: str) -> None:
    """Outside pass (desk31): "no worries, works now" read as a no ("no"): "Sorry it didn't
    help" and the specialist's questions."""
    chat = Chat(engine, lang_hint="en")
    chat.send("the printer is offline")
    chat.send(said)
    assert chat.named("resolved") and chat.state.phase == Phase.CSAT_SCORE, (said, chat.text)
