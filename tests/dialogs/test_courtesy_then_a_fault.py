"""Outside pass (desk33): a courtesy said first, then a fault in a sentence of its own.

"yes thanks. My outlook won't send" after the printer's answer was resolved and rated:
Outlook was lost. After Outlook's own answer it was resolved too, the fault going on
unheard; "да, спасибо. Пишет ошибку 0x80070005" likewise. After a rating, "thanks. My
outlook won't send since Monday, error 0x800CCC0E" was kept as the rating's comment.
Now the other thing is taken as a new problem with every fact of it, and the answer's own
thing failing is a no.
"""

from __future__ import annotations

import pytest

from dialogs.driver import Chat
from gateway.dialogs.answers import split_addition
from gateway.dialogs.engine import DialogEngine
from gateway.dialogs.events import ArticleNotHelped, CsatCommented, FaqAnswered, Resolved
from gateway.dialogs.state import Phase


def offered(chat: Chat) -> list[str]:
    return [e.topic for e in chat.events if isinstance(e, FaqAnswered)]


@pytest.mark.parametrize(
    ("lang", "first", "said"),
    [
        ("en", "the printer is offline", "yes thanks. My outlook won't send"),
        ("en", "the printer is offline", "It works! My Outlook won't send mail though"),
        ("ru", "принтер не печатает", "Спасибо, да! У меня ещё outlook почту не отправляет"),
        ("uk", "принтер не друкує", "так, дякую. У мене Outlook не надсилає пошту"),
    ],
)
def test_another_thing_failing_after_a_yes_is_a_new_problem(
    engine: DialogEngine, lang: str, first: str, said: str
) -> None:
    chat = Chat(engine, lang_hint=lang)
    chat.send(first)
    chat.send(said)
    assert Resolved(by="bot") in chat.events, (said, chat.text)
    assert offered(chat) == ["email_not_sending"], (said, chat.text)
    assert chat.state.phase == Phase.CONFIRM and "outlook" in chat.state.problem.lower()


@pytest.mark.parametrize(
    ("lang", "first", "said", "fact"),
    [
        ("en", "Outlook does not send mail", "yes thanks. My outlook won't send", "product"),
        ("ru", "принтер не печатает", "да, спасибо. Пишет ошибку 0x80070005", "error"),
        ("en", "the printer is offline", "ok. It shows error 49.4C02 now", "error"),
    ],
)
def test_the_answer_s_own_thing_failing_after_a_yes_is_a_no(
    engine: DialogEngine, lang: str, first: str, said: str, fact: str
) -> None:
    chat = Chat(engine, lang_hint=lang)
    chat.send(first)
    topic = chat.state.topic
    chat.send(said)
    assert ArticleNotHelped(topic=topic) in chat.events, (said, chat.text)
    assert not chat.named("resolved"), (said, chat.text)
    assert chat.state.fields.get(fact), (said, chat.state.fields)


def test_a_fault_after_the_thanks_for_the_rating_is_a_new_problem(engine: DialogEngine) -> None:
    chat = Chat(engine, lang_hint="en")
    chat.send("the printer is offline")
    chat.send("yes")
    chat.send("5")
    chat.send("thanks. My outlook won't send since Monday, error 0x800CCC0E")
    assert CsatCommented(comment="thanks", ticket_id="") in chat.events, chat.events
    assert offered(chat) == ["email_not_sending"], chat.text
    assert "0x800CCC0E" in chat.state.fields.get("error", ""), chat.state.fields


@pytest.mark.parametrize(
    ("said", "split"),
    [
        ("yes thanks. My outlook won't send", ("yes thanks", "My outlook won't send")),
        ("Спасибо! У меня сканер не сканирует", ("Спасибо", "У меня сканер не сканирует")),
        # the same sentence goes on, or denies a fault, or is a no: nothing added
        ("да. Но теперь пишет ошибку", None),
        ("ok. still doesn't print", None),
        ("Yes! Not a single error since", None),
        ("yes! no more errors now", None),
        ("так, допомогло. Як не працював, так і не працює", None),
        ("yes thanks. Have a nice day", None),
        ("I restarted it. It does not print", None),  # no courtesy first
    ],
)
def test_split_after_a_courtesy(said: str, split: tuple[str, str] | None) -> None:
    assert split_addition(said) == (split or (said, ""))


def test_thanks_in_irony_then_the_fault_going_on_is_a_no(engine: DialogEngine) -> None:
    chat = Chat(engine, lang_hint="ru")
    chat.send("Outlook не отправляет почту")
    chat.send("Спасибо, очень помогли вашими ссылками. Outlook так и не отправляет письма.")
    assert ArticleNotHelped(topic="email_not_sending") in chat.events, chat.text
    assert not chat.named("resolved") and offered(chat) == [], chat.text


@pytest.mark.parametrize(
    ("lang", "first", "said", "thing"),
    [
        ("ru", "не печатает принтер", "спасибо! А у меня ещё сканер не сканирует", "сканер"),
        ("ru", "не печатает принтер", "Спасибо! У меня сканер не сканирует с понедельника",
         "сканер"),
        ("uk", "не друкує принтер", "дякую! А в мене ще сканер не сканує", "сканер"),
        ("en", "the printer is offline", "thanks! Also my scanner won't scan, error 0x2C",
         "scanner"),
    ],
)  # fmt: skip
def test_thanks_then_another_thing_failing_opens_that_problem(
    engine: DialogEngine, lang: str, first: str, said: str, thing: str
) -> None:
    """Desk34: "спасибо! А у меня ещё сканер не сканирует" at "did it help?" was read as a
    no to the printer's answer (a thanks alone is neither yes nor no) and the specialist's
    questions began about the printer: the scanner was lost. The thanks is for the help
    given, and the scanner is the new problem, with the facts it came with."""
    chat = Chat(engine, lang_hint=lang)
    chat.send(first)
    chat.send(said)
    assert Resolved(by="bot") in chat.events, (said, chat.text)
    assert offered(chat) == ["scanner_not_working"], (said, chat.text)
    assert chat.state.phase == Phase.CONFIRM and thing in chat.state.problem.lower()
    assert not chat.named("article_not_helped")
    if "0x2C" in said:
        assert chat.state.fields.get("error") == "0x2C", chat.state.fields


@pytest.mark.parametrize(
    "said",
    ["спасибо! А принтер всё равно не печатает", "thanks! The printer still shows offline"],
)
def test_thanks_then_the_same_thing_failing_is_no_new_problem(
    engine: DialogEngine, said: str
) -> None:
    chat = Chat(engine, lang_hint="en")
    chat.send("the printer is offline")
    chat.send(said)
    assert not chat.named("resolved") and offered(chat) == [], (said, chat.text)
