"""No article answers an IT problem: the bot names the nearest articles and asks to be told
more, before any question of the checklist, as a first-line engineer would. The reply,
whether a pick and then "did it help?", or more typed in the user's own words, is read for
every fact, and the first message stays what is broken."""

from __future__ import annotations

from dialogs.driver import Chat
from gateway.dialogs.events import FaqAnswered, FaqChoices, Handoff

PORTAL = "у диспетчера парковки не открывается личный кабинет оператора в браузере"
REPLY = "нет, Chrome пишет NET::ERR_CERT_COMMON_NAME_INVALID, я и кэш чистил, не помогло"


def test_the_nearest_articles_come_before_any_question(chat: Chat) -> None:
    chat.send(PORTAL)
    assert chat.questions == []
    (offered,) = chat.named("faq_choices")
    assert isinstance(offered, FaqChoices)
    assert offered.topics == ("website_wont_open", "password_reset")
    assert "Готового ответа у меня нет" in chat.text
    assert "что вы уже пробовали" in chat.text  # the free reply is asked for too
    assert chat.payloads[-1] == "faq:none"


def test_a_picked_guess_is_offered_and_its_reply_gives_the_facts(chat: Chat) -> None:
    chat.send(PORTAL)
    chat.press("faq:website_wont_open")
    assert [e.topic for e in chat.named("faq_answered") if isinstance(e, FaqAnswered)] == [
        "website_wont_open"
    ]
    chat.send(REPLY)
    assert "tried" not in chat.questions and "error" not in chat.questions
    assert "product" not in chat.questions
    fields = chat.state.fields
    assert "ERR_CERT_COMMON_NAME_INVALID" in fields["error"]
    assert "Chrome" in fields["product"] and "кэш чистил" in fields["tried"]


def test_more_typed_instead_of_a_pick_keeps_the_first_message_and_every_fact(
    chat: Chat,
) -> None:
    chat.send(PORTAL)
    chat.send("там Chrome пишет NET::ERR_CERT_COMMON_NAME_INVALID, кэш уже чистил")
    assert chat.state.problem.startswith(PORTAL)  # what is broken is still the portal
    assert "кэш уже чистил" in chat.state.problem
    fields = chat.state.fields
    assert "ERR_CERT_COMMON_NAME_INVALID" in fields["error"]
    assert "Chrome" in fields["product"] and "кэш" in fields["tried"]
    assert chat.questions and not {"tried", "error", "product"} & set(chat.questions)
    assert chat.named("faq_choices") == []  # no second guess after the user told more


def test_none_of_these_goes_to_the_checklist(chat: Chat) -> None:
    chat.send(PORTAL)
    chat.press("faq:none")
    assert chat.questions == ["tried"]
    assert chat.state.problem == PORTAL


def test_a_person_asked_for_instead_of_a_pick_keeps_the_problem(chat: Chat) -> None:
    chat.send(PORTAL)
    chat.send("оператора!")
    assert [e.reason for e in chat.named("handoff") if isinstance(e, Handoff)] == [
        "asked_for_person"
    ]
    assert chat.state.problem == PORTAL


def test_with_nothing_near_the_checklist_starts_at_once(chat: Chat) -> None:
    chat.send("при проведении накладной в программе склада выскакивает ошибка 3807")
    assert chat.named("faq_choices") == []
    assert chat.questions == ["tried"]


def test_more_typed_in_reply_to_choices_joins_the_problem(chat: Chat) -> None:
    chat.send("принтер печатает полосами")
    assert chat.named("faq_choices")
    chat.send("на экране пишет J-0102, картридж уже вынимала и ставила обратно")
    assert chat.state.problem.startswith("принтер печатает полосами")  # not dropped
    assert chat.state.fields["error"] == "J-0102"
    assert "вынимала" in chat.state.fields["tried"]
