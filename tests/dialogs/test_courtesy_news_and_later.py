"""Outside pass (desk32) at "Did this help?" and the rating.

- A courtesy is neither a no nor anger: "no worries, it's fixed now" was handed to a person
  as upset ("I'm sorry about the trouble …", the printer's questions), "no worries, sorted"
  and "не переживайте, я перезагрузил и всё заработало" were asked again or taken as detail.
- A yes with another problem lost the other problem: "да, помогло. А ещё сканер не сканирует"
  was resolved and rated, the scanner never heard of.
- A fix put off was a yes: "thanks, I will try this after lunch" was resolved and rated.
"""

from __future__ import annotations

import pytest

from dialogs.driver import Chat
from gateway.dialogs.engine import DialogEngine
from gateway.dialogs.events import (
    ArticleNotHelped,
    CsatCommented,
    CsatRecorded,
    FaqAnswered,
    Resolved,
)
from gateway.dialogs.state import Phase

PRINTER = {"ru": "принтер не печатает", "uk": "принтер не друкує", "en": "the printer is offline"}


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "no worries, it's fixed now"),
        ("en", "no worries, all sorted now"),
        ("en", "no worries, it's working now, thanks"),
        ("en", "thanks, it's fixed now"),
        ("en", "no stress, it works now"),
        ("ru", "не переживайте, я перезагрузил и всё заработало, спасибо"),
        ("ru", "не переживайте так, всё уже норм"),
        ("uk", "не хвилюйтеся, вже все добре"),
    ],
)
def test_a_courtesy_beside_a_yes_is_a_yes(engine: DialogEngine, lang: str, said: str) -> None:
    chat = Chat(engine, lang_hint=lang)
    chat.send(PRINTER[lang])
    chat.send(said)
    assert chat.named("resolved") and chat.state.phase == Phase.CSAT_SCORE, (said, chat.text)
    assert not chat.named("handoff"), (said, chat.text)


@pytest.mark.parametrize(
    ("lang", "said"),
    [("en", "no worries, still broken"), ("uk", "не хвилюйтеся, все одно не друкує")],
)
def test_a_courtesy_beside_a_no_stays_a_no(engine: DialogEngine, lang: str, said: str) -> None:
    chat = Chat(engine, lang_hint=lang)
    chat.send(PRINTER[lang])
    chat.send(said)
    assert ArticleNotHelped(topic="printer_offline") in chat.events, (said, chat.text)
    assert not chat.named("resolved")


@pytest.mark.parametrize(
    ("lang", "said", "other"),
    [
        ("ru", "да, помогло. А ещё сканер не сканирует", "scanner_not_working"),
        ("ru", "да помогло а еще нет звука", "no_sound"),
        ("uk", "так, дякую, і ще сканер не сканує", "scanner_not_working"),
        ("en", "yes, thanks. Also my Outlook won't send mail", "email_not_sending"),
        ("en", "yes it worked, btw the scanner is jammed", "scanner_not_working"),
    ],
)
def test_a_yes_with_another_problem_resolves_one_and_takes_the_other(
    engine: DialogEngine, lang: str, said: str, other: str
) -> None:
    chat = Chat(engine, lang_hint=lang)
    chat.send(PRINTER[lang])
    chat.send(said)
    assert Resolved(by="bot") in chat.events, (said, chat.text)
    assert engine.texts.get(lang, "resolved_by_bot") in chat.text
    assert [e.topic for e in chat.events if isinstance(e, FaqAnswered)] == [other], chat.text
    assert chat.state.phase == Phase.CONFIRM and chat.state.topic == other


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("ru", "да, помогло, ещё раз спасибо"),
        ("ru", "да, но всё ещё не работает"),
        ("en", "yes, thanks. Also thanks for the quick help"),
    ],
)
def test_no_other_problem_no_other_request(engine: DialogEngine, lang: str, said: str) -> None:
    chat = Chat(engine, lang_hint=lang)
    chat.send(PRINTER[lang])
    chat.send(said)
    assert [e.topic for e in chat.events if isinstance(e, FaqAnswered)] == [], (said, chat.text)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "thanks, I will try this after lunch"),
        ("en", "ok, will try tomorrow"),
        ("en", "haven't tried it yet"),
        ("ru", "ок, попробую после обеда"),
        # was asked "yes or no?" (test_thanks_to_did_it_help); not tried yet, it is told so
        ("ru", "Огромное спасибо, сейчас попробую!"),
        ("ru", "спасибо, посмотрю завтра"),
        ("uk", "дякую, спробую після обіду"),
        ("uk", "добре, спробую завтра"),
    ],
)
def test_a_fix_put_off_is_neither_yes_nor_no(engine: DialogEngine, lang: str, said: str) -> None:
    chat = Chat(engine, lang_hint=lang)
    chat.send(PRINTER[lang])
    chat.send(said)
    assert chat.text == engine.texts.get(lang, "confirm_later"), (said, chat.text)
    assert chat.events == [] and chat.state.phase == Phase.CONFIRM
    assert set(chat.state.fields) == {"problem"}, chat.state.fields  # no fact of a plan
    chat.send("yes, it worked" if lang == "en" else "так, допомогло" if lang == "uk" else "помогло")
    assert chat.named("resolved"), chat.text


def test_another_problem_added_to_the_score_or_the_comment_is_taken(
    engine: DialogEngine,
) -> None:
    """"5, а ещё сканер не сканирует" kept the 5 and asked for a comment; "спасибо, а ещё
    сканер не сканирует" was kept as the comment: the scanner was lost both times."""
    chat = Chat(engine, lang_hint="ru")
    chat.send(PRINTER["ru"])
    chat.send("да")
    chat.send("5, а ещё сканер не сканирует")
    assert CsatRecorded(score=5, ticket_id="") in chat.events, chat.events
    assert [e.topic for e in chat.events if isinstance(e, FaqAnswered)] == ["scanner_not_working"]
    chat = Chat(engine, lang_hint="ru")
    chat.send(PRINTER["ru"])
    chat.send("да")
    chat.send("5")
    chat.send("спасибо, а ещё сканер не сканирует")
    assert CsatCommented(comment="спасибо", ticket_id="") in chat.events, chat.events
    assert [e.topic for e in chat.events if isinstance(e, FaqAnswered)] == ["scanner_not_working"]
    assert chat.state.phase == Phase.CONFIRM
