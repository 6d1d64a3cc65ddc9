"""A score typed again after the rating was thanked for (outside pass, session 25)."""

from __future__ import annotations

from dialogs.driver import Chat
from dialogs.test_rating_and_stale_buttons import resolved_by_operator
from gateway.dialogs.engine import DialogEngine
from gateway.dialogs.events import CsatRecorded
from gateway.dialogs.state import Phase

RECORDED = {"ru": "Ваша оценка 5 уже учтена", "uk": "Вашу оцінку 5 вже враховано",
            "en": "Your rating of 5 is recorded"}  # fmt: skip


def test_a_second_score_after_the_thanks_is_told_kindly_it_is_recorded(chat: Chat) -> None:
    """Before, "4" after "Спасибо за отзыв!" got "Не уверен, что понял, в чём проблема",
    and "3 звезды" or "ставлю 2" opened a new problem's checklist (a ticket in the end)."""
    for again in ("4", "3 звезды", "ставлю 2", "⭐⭐⭐", "5"):
        chat.restart()
        resolved_by_operator(chat)
        chat.send("5")
        chat.send("всё быстро")
        assert chat.state.phase == Phase.IDLE
        chat.send(again)
        assert RECORDED["ru"] in chat.text, (again, chat.text)
        assert chat.events == [] and chat.state.phase == Phase.IDLE, again
        chat.send("1")  # and once more: the same kind answer
        assert RECORDED["ru"] in chat.text
    chat.send("не печатает принтер")  # a problem is a problem again
    assert RECORDED["ru"] not in chat.text and chat.state.phase != Phase.IDLE


def test_in_each_language_and_only_right_after_the_thanks(engine: DialogEngine) -> None:
    for lang, problem, again in (
        ("en", "the printer is offline", "4 stars"),
        ("uk", "принтер не друкує", "4"),
        ("ru", "не печатает принтер", "ставлю 3"),
    ):
        chat = Chat(engine, lang_hint=lang)
        chat.send(problem)
        chat.press("yes")  # the answer helped: the bot asks for a rating
        assert chat.state.phase == Phase.CSAT_SCORE, (lang, chat.text)
        chat.press("csat:5")
        assert chat.events == [CsatRecorded(score=5, ticket_id="")]
        chat.press("skip")
        chat.send(again)
        assert RECORDED[lang] in chat.text, (lang, chat.text)
        assert chat.events == []
        chat.send("the mouse does not work")  # the next message is a message again
        chat.send("2")
        assert RECORDED[lang] not in chat.text
    chat = Chat(engine, lang_hint="en")
    chat.send("4")  # no rating given in this conversation: not a rating
    assert "recorded" not in chat.text
