"""Outside pass (desk33): a user who says the problem is solved, in their own words.

- At "Did this help?": "managed to fix it now, thanks" was handed to a person as upset ("I'm
  sorry about the trouble …", Outlook's questions); "не переживайте, починили", "вже
  полагодили, дякую", "уже не нужно" were asked "yes or no?" again.
- While the checklist asks: "managed to fix it now, thanks" was stored as what was tried and
  a ticket opened for a fixed laptop.
- While the ticket waits: "сам починил, спасибо" was added to the ticket as a note.
Now each is resolved and rated, and a repair denied ("не починили", "couldn't fix it") is not.
Also the other verbs of repair ("наладили", "відремонтували", "repaired it") and word that it
works now ("уже работает", "вже працює"); "уже не работает" is a no.
"""

from __future__ import annotations

import pytest

from dialogs.driver import Chat
from gateway.config import Settings
from gateway.dialogs.answers import parse_yes_no, says_it_is_solved
from gateway.dialogs.chat import CHANNEL, ChatSession
from gateway.dialogs.engine import DialogEngine
from gateway.dialogs.events import ArticleNotHelped, Resolved, TicketRequested
from gateway.dialogs.letters import says_solved
from gateway.dialogs.state import Phase
from gateway.models import TicketStatus
from gateway.runtime import open_runtime
from gateway.texts import Texts

PRINTER = {"ru": "принтер не печатает", "uk": "принтер не друкує", "en": "the printer is offline"}
BROKEN = {"ru": "розбив экран ноутбука", "uk": "розбив екран ноутбука", "en": "spilled tea on it"}

SOLVED = [
    ("en", "managed to fix it now, thanks"),
    ("en", "I was able to sort it myself"),
    ("en", "fixed it myself"),
    ("en", "got it working, cheers"),
    ("en", "it works again"),
    ("en", "never mind, figured it out"),
    ("en", "all sorted, don't need it anymore"),
    ("ru", "не переживайте, починили"),
    ("ru", "сам разобрался, спасибо"),
    ("ru", "заработало"),
    ("ru", "уже не нужно"),
    ("ru", "всё, отбой, коллега починил"),
    ("uk", "вже полагодили, дякую"),
    ("uk", "запрацювало"),
    ("uk", "розібралася сама"),
    ("uk", "вже не треба, дякую"),
    # other verbs of repair, and word that it works now (lead33f)
    ("en", "repaired it, thanks"),
    ("en", "the problem's gone"),
    ("ru", "наладили, спасибо"),
    ("ru", "уже работает, спасибо"),
    ("uk", "відремонтували"),
    ("uk", "вже працює, дякую"),
    # surzhyk: a Russian verb or thanks said the Ukrainian way
    ("uk", "вже работає, спасібо"),
]
NOT_SOLVED = [
    ("en", "couldn't fix it"),
    ("en", "I fixed the cable but it still doesn't print"),
    ("ru", "не починили"),
    ("ru", "починил кабель, но всё равно не печатает"),
    ("uk", "ще не полагодили"),
    ("en", "it hasn't been fixed yet"),
    ("ru", "не отремонтировали"),
    ("ru", "уже не работает"),
    ("uk", "вже не працює"),
    ("uk", "все одно не работає"),
    ("uk", "спасібо, але все одно не работає"),
]


@pytest.mark.parametrize(("lang", "said"), SOLVED)
def test_solved_in_any_words_is_the_yes_to_did_it_help(
    engine: DialogEngine, lang: str, said: str
) -> None:
    chat = Chat(engine, lang_hint=lang)
    chat.send(PRINTER[lang])
    chat.send(said)
    assert chat.named("resolved") == [Resolved(by="bot")], (said, chat.text)
    assert chat.state.phase == Phase.CSAT_SCORE, (said, chat.text)
    assert not chat.named("handoff"), (said, chat.text)


@pytest.mark.parametrize(("lang", "said"), NOT_SOLVED)
def test_a_repair_denied_is_a_no(engine: DialogEngine, lang: str, said: str) -> None:
    chat = Chat(engine, lang_hint=lang)
    chat.send(PRINTER[lang])
    chat.send(said)
    assert ArticleNotHelped(topic="printer_offline") in chat.events, (said, chat.text)
    assert not chat.named("resolved")


@pytest.mark.parametrize(("lang", "said"), SOLVED)
def test_solved_while_the_checklist_asks_opens_no_ticket(
    engine: DialogEngine, lang: str, said: str
) -> None:
    chat = Chat(engine, lang_hint=lang)
    chat.send(BROKEN[lang])
    assert chat.state.phase == Phase.CHECKLIST, chat.text
    chat.send(said)
    assert chat.named("resolved") == [Resolved(by="user")], (said, chat.text)
    assert engine.texts.get(lang, "resolved_by_user") in chat.text
    assert chat.state.phase == Phase.CSAT_SCORE and not chat.tickets
    chat.send("5")
    assert chat.named("csat_recorded"), chat.text


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        *NOT_SOLVED,
        ("en", "restarted it, works now for a minute then dies"),
        ("ru", "перезагружал, заработало на 5 минут"),
        ("ru", "да"),
        ("en", "ok"),
        ("en", "it worked fine until Monday"),
    ],
)
def test_an_answer_that_is_not_solved_goes_on_with_the_checklist(
    engine: DialogEngine, lang: str, said: str
) -> None:
    chat = Chat(engine, lang_hint=lang)
    chat.send(BROKEN[lang])
    chat.send(said)
    assert not chat.named("resolved"), (said, chat.text)
    assert chat.named("checklist_question") or chat.named("ticket_requested"), chat.text


@pytest.mark.parametrize(
    ("said", "solved"),
    [
        ("managed to fix it now, thanks", True),
        ("не переживайте, починили", True),
        ("вже не треба", True),
        ("never mind", True),
        ("yes", False),  # a bare yes answers a question
        ("ok thanks", False),
        ("works", False),
        ("fixed it, but now the scanner doesn't scan", False),
        ("couldn't fix it", False),
        ("не разобрался", False),
        ("теперь всё работает, спасибо", True),
        ("уже работает, но очень медленно", False),
        ("принтер уже работает, а сканер нет", False),
    ],
)
def test_says_it_is_solved(said: str, solved: bool) -> None:
    assert says_it_is_solved(said) is solved


@pytest.mark.parametrize(
    ("said", "verdict"),
    [
        ("I managed to fix it", True),
        ("ще не полагодили", False),
        # surzhyk: a Russian verb or thanks said the Ukrainian way (frozen29)
        ("Шо, так просто було? Батарейки поміняла, все работає, спасібі!", True),
        ("все одно не работає", False),
        # an interjection before the Ukrainian "так" leaves it the yes (frozen40's "о, так,
        # запрацював" was read as neither); "так" after other words is still no yes
        ("ой, так, принтер знову друкує", True),
        ("ох, так, допомогло, дякую", True),
        ("о, так, все гаразд", True),
        ("ой, з обіду так", None),
    ],
)
def test_the_repair_is_a_yes_or_a_no(said: str, verdict: bool | None) -> None:
    assert parse_yes_no(said) is verdict


async def test_solved_while_the_ticket_waits_resolves_it_and_asks_the_rating(
    settings: Settings,
) -> None:
    """Through the real service: the ticket is resolved as its card's "solved" does, the
    user is told so and rates it."""
    texts = Texts.load()
    async with open_runtime(settings, direct_channels={CHANNEL}) as rt:
        session = ChatSession(rt.service)
        turn = await session.turn({"text": "my laptop screen is cracked"})
        for _ in range(8):
            if any(e["event"] == "ticket_opened" for e in turn):
                break
            turn = await session.turn({"payload": "dunno"})
        (ticket,) = await rt.store.tickets.recent()
        turn = await session.turn({"text": "managed to fix it myself now, thanks"})
        told = [e["text"] for e in turn if e["event"] == "message"]
        assert texts.get("en", "ticket_resolved", ticket_id=ticket.id) in told, told
        assert texts.get("en", "csat_ask") in told, told
        stored = await rt.store.tickets.get(ticket.id)
        assert stored is not None and stored.status == TicketStatus.RESOLVED
        turn = await session.turn({"text": "5"})
        assert any(e["event"] == "csat_recorded" and e["score"] == 5 for e in turn), turn


def test_no_ticket_is_requested_for_a_problem_solved_meanwhile(engine: DialogEngine) -> None:
    chat = Chat(engine, lang_hint="en")
    chat.send(BROKEN["en"])
    chat.send("managed to fix it now, thanks")
    assert not [e for e in chat.events if isinstance(e, TicketRequested)]


@pytest.mark.parametrize(
    ("letter", "solved"),
    [
        ("Решено, спасибо! Заработал.", True),
        ("Managed to fix it myself, thanks", True),
        ("Добрий день!\nВже полагодили, дякую.", True),
        ("Добрый день. Не переживайте, починили сами.", True),
        ("Hi,\n\nnever mind, it works again.\n\nRegards, Ivan", True),
        ("Не помогло. Перезагружал принтер", False),
        ("Добрый день. Починил кабель, но всё равно не печатает.", False),
        ("> Решено\nне помогло", False),  # the quoted history is not what the letter says
    ],
)
def test_a_letter_says_it_is_solved_in_its_own_words(letter: str, solved: bool) -> None:
    assert says_solved(letter) is solved
