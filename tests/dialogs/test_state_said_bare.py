"""A state the screen names in its own fixed words is the error even said bare, with no verb
of showing: "принтер з ранку офлайн", "…, access denied" are not asked "what does the screen
say?" (issue 19: frozen30 and tune26 asked it again). English "offline" alone is the user's
word, and what the screen says is still asked."""

from __future__ import annotations

import pytest

from dialogs.driver import Chat
from dialogs.test_checklist import run_checklist


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("принтер для накладних з ранку офлайн, жодна накладна не друкується", "офлайн"),
        ("договор не печатается, принтер в автономном режиме", "автономном режиме"),
        ("не открывается папка с договорами, отказано в доступе", "отказано в доступе"),
        ("can't get into the shared folder with the test records, access denied", "access denied"),
    ],
)
def test_a_state_said_bare_is_not_asked_again(chat: Chat, text: str, error: str) -> None:
    chat.send(text)
    chat.send("нет")
    asked = run_checklist(chat, {})
    assert "error" not in asked
    assert chat.requested.fields["error"] == error


def test_offline_in_english_words_still_asks_what_the_screen_says(chat: Chat) -> None:
    chat.send("the label printer in the parcel room is offline again")
    chat.send("no")
    asked = run_checklist(chat, {}, default="don't know")
    assert "error" in asked
