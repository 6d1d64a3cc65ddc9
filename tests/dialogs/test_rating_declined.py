"""The rating refused (outside pass, desk30): "спасибо, ничего" or "no thanks" instead of a score
was answered "send a number from 1 to 5" again and again, and "no comment" or "спасибо, ничего"
instead of a comment was stored as the comment. Now the rating ends without a score, and no
comment is kept. A bare "нет" ends it too (desk32): it was asked for the score again, where
by mail it opened a new request."""

from __future__ import annotations

import pytest

from dialogs.driver import Chat
from dialogs.test_rating_and_stale_buttons import resolved_by_operator
from gateway.dialogs.engine import DialogEngine
from gateway.dialogs.events import CsatCommented
from gateway.dialogs.state import Phase

REFUSED = [
    ("ru", "спасибо, ничего"),
    ("ru", "нет, спасибо"),
    ("ru", "не надо"),
    ("uk", "ні, дякую"),
    ("uk", "дякую, нічого"),
    ("en", "no thanks"),
    ("en", "thanks, nothing"),
    ("en", "skip"),
]


@pytest.mark.parametrize(("lang", "said"), REFUSED)
def test_a_refused_rating_ends_without_asking_for_the_score_again(
    engine: DialogEngine, lang: str, said: str
) -> None:
    chat = Chat(engine, lang_hint=lang)
    resolved_by_operator(chat)  # a conversation in Russian
    chat.send(said)
    assert chat.text == engine.texts.get(chat.state.language, "csat_declined"), (said, chat.text)
    assert chat.events == [] and not chat.buttons
    assert chat.state.phase == Phase.IDLE
    # the bot's own answer's rating too
    chat = Chat(engine, lang_hint=lang)
    chat.send("the printer is offline")
    chat.press("yes")
    chat.send(said)
    assert chat.text == engine.texts.get(lang, "csat_declined"), (said, chat.text)
    assert chat.state.phase == Phase.IDLE


@pytest.mark.parametrize("said", ["нет", "ні", "nope", "Нет."])
def test_a_bare_no_to_the_rating_skips_it(engine: DialogEngine, said: str) -> None:
    chat = Chat(engine, lang_hint="ru")
    resolved_by_operator(chat)
    chat.send(said)
    lang = chat.state.language
    assert chat.text == engine.texts.get(lang, "csat_declined_no"), (said, chat.text)
    assert chat.events == [] and chat.state.phase == Phase.IDLE
    # … and the fault said next still reopens the ticket
    chat.send("всё равно не работает")
    assert chat.named("reopen_requested"), chat.text


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "no comment"),
        ("en", "No comment."),
        ("ru", "спасибо, ничего"),
        ("ru", "ничего"),
        ("uk", "ні, дякую"),
        ("en", "no thanks"),
    ],
)
def test_no_comment_said_is_no_comment_kept(engine: DialogEngine, lang: str, said: str) -> None:
    chat = Chat(engine, lang_hint=lang)
    ticket_id = resolved_by_operator(chat)  # a conversation in Russian
    chat.press("csat:4")
    chat.send(said)
    assert not any(isinstance(e, CsatCommented) for e in chat.events), (said, chat.events)
    assert chat.text == engine.texts.get(chat.state.language, "csat_thanks")
    assert chat.state.phase == Phase.IDLE and chat.state.rated_score == 4
    # a comment is still a comment
    chat = Chat(engine, lang_hint=lang)
    resolved_by_operator(chat)
    chat.press("csat:4")
    chat.send("no comment on the speed, but it works")
    assert chat.events == [
        CsatCommented(comment="no comment on the speed, but it works", ticket_id=ticket_id)
    ]


# "nothing" said to the rating (outside pass, desk31): to the scale or to "anything to add?"
# it read as "still broken" (a bare "nothing" is a no to "Did this help?"), so a rated fix
# was undone and the checklist asked for the error. A no that names no fault is no "still
# broken": to the scale it refuses the rating, to the comment it is no comment.
NAMES_NOTHING = [("en", "nothing"), ("en", "Nothing."), ("en", "no, nothing")]


@pytest.mark.parametrize(("lang", "said"), NAMES_NOTHING)
def test_nothing_said_to_the_scale_refuses_the_rating_and_starts_no_checklist(
    engine: DialogEngine, lang: str, said: str
) -> None:
    chat = Chat(engine, lang_hint=lang)
    chat.send("the printer is offline")
    chat.press("yes")
    chat.send(said)
    assert chat.text == engine.texts.get(lang, "csat_declined"), (said, chat.text)
    assert chat.events == [] and not chat.questions
    assert chat.state.phase == Phase.IDLE
    chat = Chat(engine, lang_hint=lang)
    resolved_by_operator(chat)
    chat.send(said)
    assert chat.events == [], (said, chat.events)  # no reopening
    assert chat.text == engine.texts.get(chat.state.language, "csat_declined")


@pytest.mark.parametrize(("lang", "said"), NAMES_NOTHING)
def test_nothing_said_to_the_comment_is_no_comment(
    engine: DialogEngine, lang: str, said: str
) -> None:
    chat = Chat(engine, lang_hint=lang)
    chat.send("the printer is offline")
    chat.press("yes")
    chat.press("csat:5")
    chat.send(said)
    assert chat.text == engine.texts.get(lang, "csat_thanks"), (said, chat.text)
    assert chat.events == [] and not chat.questions
    assert chat.state.phase == Phase.IDLE and chat.state.rated_score == 5


def test_nothing_to_did_this_help_is_still_a_no(engine: DialogEngine) -> None:
    chat = Chat(engine, lang_hint="en")
    chat.send("the printer is offline")
    chat.send("nothing")
    assert chat.named("article_not_helped") and chat.state.phase != Phase.CSAT_SCORE
