"""A password or a login typed on a page that is fake or that a link led to (issue 19,
session 42): the phishing report, whatever bait the page used."""

from __future__ import annotations

import pytest

from gateway.dialogs.extract import tried
from gateway.triage.given_away import baited, credentials_given_away


@pytest.mark.parametrize(
    "text",
    [
        "A mail about an unpaid toll took me to a sign-in page and I entered my work password",
        "I clicked the link in the 'mailbox full' notice and typed my password on the page",
        "opened the link from the courier SMS and put in my Office login and password",
        "there was a fake invoice portal, I gave it my email password before I noticed",
        "перешла по ссылке из письма про штраф и ввела там пароль от почты",
        "нажал на ссылку в письме «обновите данные» и ввёл логин с паролем",
        "натиснула посилання в листі про зарплату і ввела свій логін та пароль",
        "на підробній сторінці банку вписала пароль від клієнт-банку",
    ],
)
def test_a_password_typed_on_a_lure_is_given_away(text: str) -> None:
    assert credentials_given_away(text)


@pytest.mark.parametrize(
    "text",
    [
        # the user's own sign-in, however many times the password was typed
        "typed the password three times and now the account is locked",
        "ввела пароль от вайфая, а ноутбук не подключается",
        "I entered my password in Outlook and it keeps asking again",
        # a new password set from a reset link
        "clicked the link in the reset mail and entered a new password, it says invalid",
        "перейшла за посиланням для скидання і ввела новий пароль, пише помилку",
        # a link clicked, nothing typed: for the matcher to read
        "clicked a link in a strange email, nothing happened",
        "прийшов фішинговий лист, я нічого не вводила",
        # "дан" inside a word ("задания", "завдання") is no data given (struct43)
        "перешла по ссылке на портал заказчика и ввела номер задания, пишет ошибка 500",
        "відкрила посилання на портал і ввела код завдання, висить",
    ],
)
def test_no_password_given_on_a_lure(text: str) -> None:
    assert not credentials_given_away(text)


# One owner for the bait and the secret given (CLOSING42's addendum 1, struct43): the
# checklist's "tried" and the phishing report read the same words.
@pytest.mark.parametrize(
    "text",
    [
        # a login, or a card's data, given (tried's words, now the report's too)
        "A text about an unpaid parking fine took me to a form and I entered my bank login there",
        "натиснув посилання в смс про штраф і ввів дані банківської картки",
        "перешла по ссылке из смс про доставку и указала данные карты",
    ],
)
def test_a_login_or_a_card_given_on_a_lure_is_given_away(text: str) -> None:
    assert credentials_given_away(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a page called a fake, with no letter named, is the bait: typing on it is no step
        ("I'm fairly sure I typed my Okta password on a fake payroll page", ""),
        ("opened a zip attachment from a sender posing as our courier and ran the file inside", ""),
        (
            "A text about an unpaid parking fine took me to a form and I entered my bank login "
            "there. I already changed the password.",
            "I already changed the password",
        ),
        # a link clicked, alone, is no bait: the step stays
        (
            "clicked the link for the other verification option, it just loops back",
            "clicked the link for the other verification option",
        ),
    ],
)
def test_the_bait_taken_is_no_step(text: str, kept: str) -> None:
    assert tried.extract(text) == kept
    assert baited(text) == (kept != "clicked the link for the other verification option")
