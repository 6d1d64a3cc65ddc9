"""The conversation across messages (issue 19, i19-flow23).

A message typed before the user read the question it crossed fills every field it speaks to
and answers the question only with its own words; "не знаю" to a field already known keeps
what is known (and the field is never asked again); an answer that says the whole office is
stopped makes the rest of the checklist the urgent one; and a pick among offered articles may
be typed as a person types it ("вторая", "the second one", "сканер").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dialogs.driver import Chat
from dialogs.test_engine import answer_checklist
from gateway.dialogs.answers import parse_choice
from gateway.dialogs.checklist import fill
from gateway.dialogs.events import FaqAnswered
from gateway.dialogs.state import Phase
from gateway.knowledge.library import KnowledgeLibrary

FAQ = Path(__file__).resolve().parents[2] / "faq"

# ---- "не знаю" to a field already known keeps it ---------------------------------------------

# (known product, the answer to "which version of <it>?")
DONT_KNOW_MORE = [
    ("Chrome", "не знаю"),
    ("Chrome", "Не знаю"),  # the "don't know" button's text
    ("Outlook", "не помню"),
    ("Outlook", "без понятия, какая там версия"),
    ("Canon", "не пам'ятаю, він старий"),
    ("Viber", "хз яка версія"),
    ("Viber", "не в курсі"),
    ("Firefox", "no idea"),
    ("Firefox", "not sure"),
    ("Zoom", "dunno, whatever IT installed"),
]  # fmt: skip


@pytest.mark.parametrize(("known", "answer"), DONT_KNOW_MORE)
def test_dont_know_to_a_known_field_keeps_what_is_known(known: str, answer: str) -> None:
    fields, sources = {"product": known}, {"product": "answer to tried"}
    fill(fields, sources, answer, "answer to product", answering="product")
    assert fields["product"] == known
    assert sources["product"] == "answer to tried"


@pytest.mark.parametrize(
    ("known", "answer", "kept"),
    [
        ("", "не знаю", "не знаю"),  # nothing known: the answer says so, and stays
        ("", "no idea", "no idea"),
        ("Chrome", "не знаю, вроде 120", "120"),  # a value of its own still counts
        ("Chrome", "Chrome 120", "Chrome 120"),
        ("не знаю", "Outlook 2019", "Outlook 2019"),  # a later answer fills an unknown
    ],
)
def test_an_answer_with_a_value_or_to_an_empty_field_is_kept(
    known: str, answer: str, kept: str
) -> None:
    fields = {"product": known} if known else {}
    fill(fields, {}, answer, "answer to product", answering="product")
    assert kept in fields["product"]


@pytest.mark.parametrize(
    ("first", "reply", "tried", "dont_know", "named"),
    [
        ("почта не отправляет письма", "нет", "перезапускала Outlook", "не знаю", "Outlook"),
        ("не друкує принтер", "ні", "перевстановлювала драйвер HP", "не пам'ятаю", "HP"),
        ("mail won't send", "no", "restarted Outlook twice", "no idea", "Outlook"),
    ],
)
def test_the_product_named_in_passing_is_asked_once_and_kept(
    chat: Chat, first: str, reply: str, tried: str, dont_know: str, named: str
) -> None:
    chat.send(first)
    chat.send(reply)
    assert chat.questions == ["tried"]
    chat.send(tried)
    assert chat.questions == ["error"]
    chat.send("нет ошибки")
    assert chat.questions == ["product"]  # which version of it
    asked = answer_checklist(chat, dont_know)
    assert asked[0] == "product" and asked.count("product") == 1
    assert named in chat.requested.fields["product"]


# ---- a message that crossed the question ------------------------------------------------------

# (the question open, a message typed before it was read, the fields it gives)
CROSSED = [
    ("error", "стоит Windows 7, и с пятницы так", {"os": "Windows 7", "since": "пятниц"}),
    ("error", "у нас стоїть віндовс 10, з понеділка", {"os": "10", "since": "понеділка"}),
    ("error", "we have Windows 11 installed, since Monday", {"os": "11", "since": "Monday"}),
    ("tried", "установлена Windows 10, с утра так", {"os": "Windows 10", "since": "утра"}),
]  # fmt: skip


@pytest.mark.parametrize(("asked", "text", "given"), CROSSED)
def test_a_message_that_crossed_the_question_fills_its_own_fields_only(
    asked: str, text: str, given: dict[str, str]
) -> None:
    fields: dict[str, str] = {"problem": "не открывается программа"}
    fill(fields, {}, text, f"answer to {asked}", answering=asked)
    assert asked not in fields  # left open, and not asked again: the checklist moves on
    for name, part in given.items():
        assert part in fields[name]


@pytest.mark.parametrize(
    ("asked", "text"),
    [
        ("error", "просто закрывается"),
        ("error", "стоит и не двигается"),  # the words answer the question
        ("error", "a blank grey window"),
        ("tried", "перезагружала, стоит Windows 10"),
    ],
)
def test_an_answer_in_words_of_its_own_still_answers(asked: str, text: str) -> None:
    fields: dict[str, str] = {"problem": "не открывается программа"}
    fill(fields, {}, text, f"answer to {asked}", answering=asked)
    assert fields.get(asked)


@pytest.mark.parametrize(
    ("asked", "text", "kept"),
    [
        # a bare no at "which program?", "which system?", "since when?" is the reply to "did
        # it help?" typed before the question was read (frozen37's ticket named its product
        # with it): it names nothing, the field stays open
        ("product", "нет, не помогло", False),
        ("os", "ні", False),
        ("since", "nope, didn't help", False),
        ("product", "ні, не допомогло", False),
        # … a no to what was tried or what the screen says answers it: nothing, none
        ("tried", "нет", True),
        ("error", "no", True),
        ("product", "нет такой программы, это сайт", True),
    ],
)
def test_a_bare_no_names_no_product_system_or_start(asked: str, text: str, kept: bool) -> None:
    fields: dict[str, str] = {"problem": "не открывается программа"}
    fill(fields, {}, text, f"answer to {asked}", answering=asked)
    assert bool(fields.get(asked)) == kept


# ---- a stop of work said in an answer: the urgent checklist from then on ---------------------


@pytest.mark.parametrize(
    ("first", "no", "stopped"),
    [
        ("не печатает принтер", "нет",
         "нет, и во всём отделении никто не может печатать, клиенты ждут"),
        ("не друкує принтер", "ні",
         "ні, і в усьому відділенні ніхто не може друкувати, клієнти чекають"),
        ("the printer does not print", "no",
         "no, and nobody in the whole branch can print, customers are waiting"),
    ],
)  # fmt: skip
def test_an_answer_that_says_many_are_stopped_caps_the_questions(
    chat: Chat, first: str, no: str, stopped: str
) -> None:
    chat.send(first)
    chat.send(no)
    assert chat.questions == ["tried"]
    chat.send(stopped)
    asked = ["tried", *answer_checklist(chat)]
    assert chat.requested.priority == "P1"
    assert len(asked) <= 2


def test_an_ordinary_answer_keeps_the_whole_checklist(chat: Chat) -> None:
    chat.send("не печатает принтер")
    chat.send("нет")
    asked = answer_checklist(chat)
    assert chat.requested.priority != "P1"
    assert len(asked) >= 4


# ---- a pick among offered articles, typed ------------------------------------------------------


@pytest.fixture(scope="module")
def library() -> KnowledgeLibrary:
    return KnowledgeLibrary(FAQ)


def titles(library: KnowledgeLibrary, lang: str, *topics: str) -> list[str]:
    found = [library.article(t) for t in topics]
    return [a.title_for(lang) for a in found if a is not None]


# (language, offered topics, typed, the pick (1-based) or None)
PICKS = [
    ("ru", ("printer_paper_jam", "printer_offline"), "вторая", 2),
    ("ru", ("printer_paper_jam", "printer_offline"), "давайте второй вариант", 2),
    ("ru", ("printer_paper_jam", "printer_offline"), "номер 2", 2),
    ("ru", ("printer_paper_jam", "printer_offline"), "последний", 2),
    ("ru", ("printer_paper_jam", "printer_offline"), "замятие", 1),
    ("ru", ("printer_offline", "scanner_not_working"), "сканер", 2),
    ("ru", ("printer_offline", "scanner_not_working"), "принтер", 1),
    ("uk", ("printer_paper_jam", "printer_offline"), "другу", 2),
    ("uk", ("printer_paper_jam", "printer_offline"), "мабуть перша", 1),
    ("uk", ("printer_paper_jam", "printer_offline"), "останній", 2),
    ("uk", ("printer_offline", "scanner_not_working"), "сканер", 2),
    ("en", ("printer_paper_jam", "printer_offline"), "the second one", 2),
    ("en", ("printer_paper_jam", "printer_offline"), "2nd", 2),
    ("en", ("printer_paper_jam", "printer_offline"), "paper jam", 1),
    ("en", ("printer_offline", "scanner_not_working"), "the scanner one", 2),
    # a word of a title in another form, where no title starts with its first letters: the
    # shared morphology reads it ("мыши" is "мышь", "дыма" "дым", "черга" "черзі", "jammed"
    # "jam")
    ("ru", ("printer_offline", "keyboard_mouse"), "мыши", 2),
    ("ru", ("hardware_broken", "printer_paper_jam"), "дыма", 1),
    ("uk", ("printer_paper_jam", "printer_offline"), "папір", 1),
    ("uk", ("printer_offline", "printer_paper_jam"), "черга", 1),
    ("en", ("printer_paper_jam", "printer_offline"), "jammed", 1),
    ("en", ("printer_offline", "scanner_not_working"), "scanning", 2),
    # none picked: a word both titles share, a number not offered, a longer reply (matched
    # again as more detail), a yes or a no, "another one"
    ("ru", ("printer_paper_jam", "printer_offline"), "принтер", None),
    ("ru", ("email_not_sending", "email_not_receiving"), "письма", None),
    ("ru", ("email_not_receiving", "email_setup_phone"), "почта", None),
    ("en", ("printer_offline", "printer_paper_jam"), "printers", None),
    ("uk", ("printer_offline", "no_internet"), "мережа", None),
    ("ru", ("printer_paper_jam", "printer_offline"), "третий", None),
    ("ru", ("printer_paper_jam", "printer_offline"), "принтер печатает пустые листы", None),
    ("ru", ("printer_paper_jam", "printer_offline"), "нет", None),
    ("ru", ("printer_paper_jam", "printer_offline"), "другой", None),
    ("uk", ("printer_paper_jam", "printer_offline"), "так", None),
    ("en", ("printer_paper_jam", "printer_offline"), "or", None),
    ("en", ("printer_paper_jam", "printer_offline"), "none of them", None),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "topics", "typed", "pick"), PICKS)
def test_a_pick_typed_in_words(
    library: KnowledgeLibrary, lang: str, topics: tuple[str, ...], typed: str, pick: int | None
) -> None:
    assert parse_choice(typed, titles(library, lang, *topics)) == pick


@pytest.mark.parametrize("typed", ["вторая", "the second one", "другу", "номер 2"])
def test_a_typed_pick_opens_that_article(chat: Chat, typed: str) -> None:
    chat.send("принтер печатает полосами")
    assert chat.state.phase == Phase.CHOOSE
    chat.send(typed)
    assert chat.named("faq_answered") == [FaqAnswered(topic="printer_offline", score=89.0)]


def test_none_of_these_typed_is_still_none(chat: Chat) -> None:
    chat.send("принтер печатает полосами")
    chat.send("ни один")
    assert chat.named("faq_answered") == []
    assert chat.questions == ["tried"]
