"""Photos sent together (an album: one message each on the channel, the caption on the first)
are one message to the dialog, and an edited message is no answer (issue 19; seen in session
21: an album during "did it help?" got "didn't understand" twice, in the checklist each photo
answered a question of its own, and an edit during "did it help?" was taken as "not helped")."""

from __future__ import annotations

import pytest

from dialogs.driver import Chat
from gateway.dialogs.state import Phase
from gateway.models import ALBUM, Attachment
from gateway.texts import Texts

TEXTS = Texts.load()
PHOTO = (Attachment("photo", file_id="AgACbig0001"),)
NOT_HELPED = {
    "ru": "нет, вот что на экране",
    "uk": "ні, ось що на екрані",
    "en": "no, here's my screen",
}
PRINTER = {"ru": "не печатает принтер", "uk": "не друкує принтер", "en": "printer won't print"}
PROBLEMS = {
    "ru": "при проведении накладной ошибка ZX-417",
    "uk": "при проведенні накладної помилка ZX-417",
    "en": "posting the invoice fails with error ZX-417",
}


def album(chat: Chat, caption: str = "", parts: int = 3, group: str = "13981") -> list[str]:
    """Send an album; the texts of the replies to each part."""
    shown = []
    for n in range(parts):
        text = caption if n == 0 else ""
        result = chat.send(text, attachments=PHOTO, **{ALBUM: group})
        shown.append("\n".join(r.text for r in result.replies))
    return shown


@pytest.mark.parametrize("lang", ["ru", "uk", "en"])
def test_a_captioned_album_answers_did_it_help_once(chat: Chat, lang: str) -> None:
    chat.send(PRINTER[lang])
    assert chat.state.phase == Phase.CONFIRM
    first, *rest = album(chat, NOT_HELPED[lang])
    assert TEXTS.get(lang, "intake_not_solved") in first
    assert rest == ["", ""]  # neither "didn't understand" nor another question
    assert chat.state.phase == Phase.CHECKLIST and chat.state.asked == ["tried"]


@pytest.mark.parametrize("lang", ["ru", "uk", "en"])
def test_an_album_answers_one_checklist_question(chat: Chat, lang: str) -> None:
    chat.send(PROBLEMS[lang])
    first_question = chat.state.asking
    first, *rest = album(chat)
    assert first and rest == ["", ""]
    assert chat.state.asked == [first_question, chat.state.asking]
    assert chat.state.fields[first_question] == TEXTS.get(lang, "attachment_noted")


def test_a_second_album_is_a_message_of_its_own(chat: Chat) -> None:
    chat.send(PROBLEMS["ru"])
    album(chat, group="1")
    asked = list(chat.state.asked)
    first, *rest = album(chat, group="2")
    assert first and rest == ["", ""] and len(chat.state.asked) == len(asked) + 1


def test_a_later_part_with_words_is_read(chat: Chat) -> None:
    """A caption put on another photo of the album is something the user wrote."""
    chat.send("не печатает принтер")
    chat.send(attachments=PHOTO, **{ALBUM: "7"})
    assert chat.state.phase == Phase.CONFIRM  # a photo alone: not yet an answer
    chat.send("нет, не помогло", attachments=PHOTO, **{ALBUM: "7"})
    assert chat.state.phase == Phase.CHECKLIST


@pytest.mark.parametrize("lang", ["ru", "uk", "en"])
def test_an_edit_during_did_it_help_is_no_answer(chat: Chat, lang: str) -> None:
    edits = {
        "ru": "не печатает принтер на втором этаже",
        "uk": "не друкує принтер на другому поверсі",
        "en": "the printer on the second floor won't print",
    }
    chat.send(PRINTER[lang])
    chat.send(edits[lang], kind="edited")
    assert chat.replies == [] and chat.events == []
    assert chat.state.phase == Phase.CONFIRM and chat.state.failed_answers == 0
    chat.press("yes")
    assert chat.named("resolved")


def test_an_edit_answers_no_checklist_question_but_its_facts_are_kept(chat: Chat) -> None:
    chat.send(PROBLEMS["ru"])
    assert chat.state.phase == Phase.CHECKLIST
    asking, asked = chat.state.asking, list(chat.state.asked)
    chat.send("при проведении накладной ошибка ZX-417, Windows 11", kind="edited")
    assert chat.replies == [] and chat.state.asking == asking and chat.state.asked == asked
    assert chat.state.fields.get("os") == "Windows 11"
    assert chat.state.sources["os"] == "edited message"
    assert asking not in chat.state.fields or asking == "os"


def test_an_edit_is_no_rating(chat: Chat) -> None:
    chat.send("не печатает принтер")
    chat.press("yes")
    assert chat.state.phase == Phase.CSAT_SCORE
    chat.send("не печатает принтер 2", kind="edited")
    assert chat.state.phase == Phase.CSAT_SCORE and not chat.named("csat_recorded")
