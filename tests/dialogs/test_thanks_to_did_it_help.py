"""Thanks of four words or more to "did this help?" (outside pass, desk31): "спасибо вам
большое за помощь", "thank you very much" read as more detail of the problem: "Sorry it
didn't help", the article counted as not helping and the specialist's questions started.
Thanks that name nothing and no fault are asked yes or no, as "спасибо" alone is."""

from __future__ import annotations

import pytest

from dialogs.driver import Chat
from gateway.dialogs.answers import parse_yes_no
from gateway.dialogs.engine import DialogEngine
from gateway.dialogs.state import Phase


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("ru", "спасибо вам большое за помощь"),
        ("uk", "дякую вам дуже за допомогу"),
        ("en", "thank you very much"),
        ("en", "thank you so much for your help"),
    ],
)
def test_thanks_that_name_nothing_are_asked_yes_or_no(
    engine: DialogEngine, lang: str, said: str
) -> None:
    chat = Chat(engine, lang_hint=lang)
    chat.send("the printer is offline")
    chat.send(said)
    assert chat.text == engine.texts.get(lang, "ask_yes_no"), (said, chat.text)
    assert chat.events == [] and chat.state.phase == Phase.CONFIRM
    chat.press("yes")
    assert chat.named("resolved")


@pytest.mark.parametrize(
    "said", ["thanks, but now outlook does not open", "спасибо, но принтер всё равно пишет offline"]
)
def test_thanks_with_a_fault_or_a_thing_named_are_no_courtesy(
    engine: DialogEngine, said: str
) -> None:
    chat = Chat(engine, lang_hint="en")
    chat.send("the printer is offline")
    chat.send(said)
    assert chat.named("article_not_helped"), (said, chat.text)
    assert chat.state.phase != Phase.CONFIRM


@pytest.mark.parametrize(
    ("said", "verdict"),
    [
        # the step said done, with thanks, after a how-to (the shape of frozen15's "done" and
        # frozen22's "поменяла" with thanks: asked yes or no again and never resolved)
        ("all done, thank you", True),
        ("спасибо, обновила", True),
        ("готово, дякую", True),
        ("зробила, дякую", True),
        # … not a plan, a thanks alone, a done step alone, nor a step done that failed
        ("спасибо, попробую", None),
        ("thanks", None),
        ("done", None),
        ("thanks, done but still offline", False),
        ("спасибо, поменяла, но не печатает", None),
    ],
)  # fmt: skip
def test_a_step_said_done_with_thanks_is_a_yes(said: str, verdict: bool | None) -> None:
    assert parse_yes_no(said) is verdict
