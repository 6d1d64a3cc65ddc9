"""A request for the desk's own contact is read by its shape, in any wording."""

from __future__ import annotations

import pytest

from gateway.triage.contact_request import asks_for_contact


@pytest.mark.parametrize(
    "text",
    [
        "дайте номер телефона поддержки",
        "Скиньте телефон техподдержки, пожалуйста",
        "какой номер у айтишников?",
        "Подскажите, куда позвонить по поводу принтера",
        "как связаться со специалистом по телефону?",
        "есть ли горячая линия поддержки?",
        "дайте ваш номер",
        "підкажіть номер техпідтримки",
        "куди подзвонити, якщо не працює каса?",
        "Дайте телефон адміністратора",
        "як зв'язатися з підтримкою?",
        "is there a phone number I can call?",
        "what's the helpdesk phone number",
        "How do I contact support?",
        "who do I call about the printer?",
        "give me your number please",
        "I need the support hotline",
    ],
)
def test_a_request_for_the_desks_contact_is_read(text: str) -> None:
    assert asks_for_contact(text)


@pytest.mark.parametrize(
    "text",
    [
        "поменяйте номер телефона в учётке",
        "коды приходят на старый номер телефона",
        "не работает телефон на ресепшене",
        "IP-телефон не звонит",
        "номер телефона в подписи Outlook не отображается",
        "я звонила в поддержку вчера, никто не взял трубку",
        "не приходить смс на номер",
        "my phone number changed and the codes go to the old SIM",
        "the desk phone can't call out",
        "Teams won't let me call external numbers",
        "please call me back",
        "принтер не печатает",
    ],
)
def test_a_number_or_a_call_of_the_users_own_asks_for_no_contact(text: str) -> None:
    assert not asks_for_contact(text)


@pytest.mark.parametrize(
    "text",
    [
        # what a screen says, quoted: the program asks to contact someone, not the user
        "No. It's WineDirect POS 4.2, the exact message is 'Your subscription has expired, "
        "please contact your administrator'. I logged out and back in.",
        "нет, пишет «Обратитесь к администратору по телефону»",
    ],
)
def test_a_screen_quoted_asking_to_contact_someone_is_no_request(text: str) -> None:
    assert not asks_for_contact(text)


def test_a_request_beside_a_quoted_screen_is_still_read() -> None:
    assert asks_for_contact("it says \"access denied\", what's the support number?")
