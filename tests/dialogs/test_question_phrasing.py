"""The checklist speaks for what is already known: no questions promised when none follow,
no "no error" quoted as an error, no description named as if it were a program."""

from __future__ import annotations

import pytest

from dialogs.driver import Chat
from gateway.dialogs.checklist import device_name, question
from gateway.texts import Texts

TEXTS = Texts.load()


def test_a_user_who_gave_every_fact_is_told_so_not_promised_questions(chat: Chat) -> None:
    chat.send(
        "Принтер HP LaserJet 1020 на Windows 10 с утра не печатает, пишет 0x00000709. "
        "Перезагружала и компьютер, и принтер"
    )
    chat.send("нет")
    assert chat.questions == []
    assert TEXTS.get("ru", "intake_not_solved_ready") in chat.text
    assert TEXTS.get("ru", "intake_not_solved") not in chat.text
    assert chat.requested.reason == "not_solved"


def test_an_upset_user_who_gave_every_fact_is_handed_over_without_a_promise(chat: Chat) -> None:
    chat.send(
        "Да сколько можно! Outlook 2016 на Windows 11 с понедельника не отправляет почту, "
        "ошибка 0x800CCC0E, перезапускала три раза"
    )
    assert chat.questions == []
    assert TEXTS.get("ru", "intake_upset_ready") in chat.text
    assert chat.requested.reason == "upset"


def test_questions_still_open_are_promised(chat: Chat) -> None:
    chat.send("не печатает принтер")
    chat.send("нет")
    assert chat.questions == ["tried"]
    assert TEXTS.get("ru", "intake_not_solved") in chat.text


@pytest.mark.parametrize(
    ("lang", "error"),
    [("ru", "ошибок нет"), ("uk", "помилок немає"), ("en", "no error, it just closes")],
)
def test_since_never_quotes_a_no_error_answer(lang: str, error: str) -> None:
    asked = question("since", {"error": error}, TEXTS, lang).text
    assert asked == TEXTS.get(lang, "ask_since")


@pytest.mark.parametrize(
    ("lang", "error"),
    [
        ("uk", "немає"),
        ("uk", "нема"),
        ("uk", "нічого"),
        ("uk", "жодної"),
        ("ru", "нету"),
        ("ru", "ничего"),
        ("ru", "никакой"),
        ("ru", "нет."),
        ("en", "none"),
        ("en", "nothing at all"),
        ("en", "no"),
    ],
)
def test_since_never_quotes_a_bare_none(lang: str, error: str) -> None:
    """A user who said there is no message was asked "Відколи з'являється «немає»?"."""
    asked = question("since", {"error": error}, TEXTS, lang).text
    assert asked == TEXTS.get(lang, "ask_since")


@pytest.mark.parametrize(
    ("lang", "error"),
    [("en", "no signal"), ("ru", "Нет доступа"), ("ru", "нет сети"), ("uk", "Немає мережі")],
)
def test_a_message_that_starts_with_no_is_still_quoted(lang: str, error: str) -> None:
    assert f"«{error}»" in question("since", {"error": error}, TEXTS, lang).text.replace(
        "“", "«"
    ).replace("”", "»")


def test_since_quotes_what_the_screen_says() -> None:
    fields = {"error": "пишет 0x00000709, с утра"}
    assert "«0x00000709»" in question("since", fields, TEXTS, "ru").text
    fields = {"error": "Отказано в доступе"}  # an answer typed without quotes
    assert "«Отказано в доступе»" in question("since", fields, TEXTS, "ru").text


@pytest.mark.parametrize(
    ("product", "named"),
    [
        ("общий диск P: на сервере fs02", ""),  # a description, not a program
        ("HP LaserJet 1020 в бухгалтерии", "HP LaserJet 1020"),  # the name read in the answer
        ("Zoom (зум)", "Zoom"),
        ("МИС", "МИС"),
    ],
)
def test_a_question_names_the_product_only_as_a_name(product: str, named: str) -> None:
    asked = question("tried", {"product": product}, TEXTS, "ru").text
    if named:
        assert asked == TEXTS.get("ru", "ask_tried_for", subject=named)
    else:
        assert asked == TEXTS.get("ru", "ask_tried")


@pytest.mark.parametrize(
    ("lang", "fields"),
    [
        ("uk", {"product": "HP LaserJet M404", "problem": "HP LaserJet M404 не друкує"}),
        ("ru", {"product": "Canon", "problem": "принтер Canon жуёт бумагу"}),
        ("en", {"product": "Logitech MX Keys", "problem": "my keyboard stopped typing"}),
        ("ru", {"product": "Kyocera ECOSYS M2040dn", "problem": "не сканирует в папку"}),
    ],
)
def test_the_os_asked_of_a_device_with_none_is_the_computer_s(
    lang: str, fields: dict[str, str]
) -> None:
    """A printer, a keyboard or a scanner runs no OS the user knows: "which OS does HP
    LaserJet M404 run on?" is asked of the computer they use it from."""
    assert question("os", fields, TEXTS, lang).text == TEXTS.get(lang, "ask_os_computer")


def test_the_os_asked_of_a_program_names_it() -> None:
    fields = {"product": "Zoom (зум)", "problem": "зум вылетает при входе в конференцию"}
    assert question("os", fields, TEXTS, "ru").text == TEXTS.get("ru", "ask_os_for", subject="Zoom")



_DUNNO = {"ru": "не знаю", "uk": "не знаю", "en": "don't know"}


def _answer_until(chat: Chat, field: str, lang: str) -> None:
    """Answer "don't know" to every question until `field` is asked (or none is left)."""
    for _ in range(8):
        if chat.state.asking == field or chat.named("ticket_requested"):
            return
        chat.send(_DUNNO[lang] if chat.state.asking else {"ru": "нет", "uk": "ні"}.get(lang, "no"))


@pytest.mark.parametrize(
    ("lang", "first", "tried", "version"),
    [
        ("ru", "не отправляется почта", "перезапускала аутлук", "Outlook 2019"),
        ("uk", "не відправляється пошта", "перевстановлювала аутлук", "Outlook 2016"),
        ("en", "my mail won't send", "restarted Outlook twice", "Outlook 365"),
        ("ru", "не открывается таблица", "переустанавливал эксель", "Excel 2016"),
    ],
)
def test_a_product_named_in_passing_is_kept_and_asked_for_its_version(
    chat: Chat, lang: str, first: str, tried: str, version: str
) -> None:
    chat.send(first)
    _answer_until(chat, "tried", lang)
    chat.send(tried)
    assert chat.state.fields["product"].startswith(version.split()[0])  # kept at once
    _answer_until(chat, "product", lang)
    assert TEXTS.get(lang, "ask_product_version_for", subject=version.split()[0]) in chat.text
    chat.send(version)
    _answer_until(chat, "", lang)
    assert chat.requested.fields["product"] == version


def test_a_product_named_with_its_version_in_passing_is_not_asked(chat: Chat) -> None:
    chat.send("не отправляется почта")
    _answer_until(chat, "tried", "ru")
    chat.send("перезапускала Outlook 2019")
    _answer_until(chat, "product", "ru")
    assert chat.requested.fields["product"] == "Outlook 2019"  # done, never asked


@pytest.mark.parametrize(
    ("lang", "first", "answer", "named"),
    [
        # a program the lists know, said as what shows the message, where it shows, or what it
        # is, in the answer to another question, is the product given (probe22f, tune37 and
        # probe25k asked it again): a name inside what was tried is said in passing
        ("ru", "не открывается сайт", "пишет ERR_CERT_AUTHORITY_INVALID, в Хроме", "Chrome"),
        ("uk", "не відкривається сайт банку", "Хром пише ERR_CONNECTION_TIMED_OUT", "Chrome"),
        ("en", "the catalogue site won't open", "Chrome says NET::ERR_CERT_DATE_INVALID", "Chrome"),
        ("en", "Teams keeps dropping the board call", "sorry, it's actually Zoom, not Teams",
         "Zoom"),
    ],
)  # fmt: skip
def test_a_product_named_outside_what_was_tried_is_not_asked_again(
    chat: Chat, lang: str, first: str, answer: str, named: str
) -> None:
    chat.send(first)
    _answer_until(chat, "tried", lang)
    chat.send(answer)
    assert named in chat.state.fields["product"]
    _answer_until(chat, "product", lang)
    assert chat.requested.fields["product"].startswith(named)  # kept, never asked again


def test_a_program_named_by_its_role_in_an_answer_is_still_asked(chat: Chat) -> None:
    # "программа кассира" names no program: which one is still asked (the shape of tune37's
    # till)
    chat.send("на кассе чековый принтер перестал печатать")
    _answer_until(chat, "error", "ru")
    chat.send("программа кассира пишет «Принтер чеков не отвечает»")
    _answer_until(chat, "product", "ru")
    assert chat.state.asking == "product"


@pytest.mark.parametrize(
    ("text", "lang", "device"),
    [
        # a device after "на", "в", "at" is where the thing that fails stands
        ("сломалась мышка на кассе", "ru", "мышь"),
        ("на кассе не печатает принтер", "ru", "принтер"),
        ("камера на ноуте не работает", "ru", "камера"),
        ("the keyboard at the checkout stopped typing", "en", "keyboard"),
        ("не працює миша на касі", "uk", "миша"),
        # with no device said as the subject, the place is all there is
        ("в ноутбуке пропал звук", "ru", "ноутбук"),
        ("касса не печатает чеки", "ru", "касса"),
    ],
)
def test_a_question_names_the_device_that_fails_not_where_it_stands(
    text: str, lang: str, device: str
) -> None:
    assert device_name(text, lang) == device


@pytest.mark.parametrize(
    ("lang", "problem"),
    [
        ("ru", "при печати выскакивает какая-то ошибка"),
        ("uk", "Outlook видає помилку при відправці"),
        ("en", "Outlook throws an error when I send"),
        ("en", "a warning pops up and Excel closes"),
    ],
)
def test_an_error_said_without_its_words_is_asked_for_its_words(lang: str, problem: str) -> None:
    """The user said an error shows: the bot asks what it says, not whether there is one."""
    asked = question("error", {"problem": problem, "product": "Outlook"}, TEXTS, lang).text
    assert asked == TEXTS.get(lang, "ask_error_text")


@pytest.mark.parametrize(
    ("lang", "problem", "device"),
    [
        ("ru", "принтер не печатает", "принтер"),
        ("uk", "каса не пробиває чеки", "каса"),
        ("en", "the router keeps dropping", "router"),
    ],
)
def test_the_error_is_asked_of_what_the_device_shows(lang: str, problem: str, device: str) -> None:
    asked = question("error", {"problem": problem}, TEXTS, lang).text
    assert asked == TEXTS.get(lang, "ask_error_for_device", device=device)


@pytest.mark.parametrize(
    ("lang", "problem"),
    [
        ("ru", "по ошибке удалила файл"),  # by mistake: no error shows
        ("uk", "зник звук на комп'ютері"),  # a computer: asked as before
        ("en", "my laptop is slow"),
    ],
)
def test_the_error_is_asked_plainly_otherwise(lang: str, problem: str) -> None:
    assert question("error", {"problem": problem}, TEXTS, lang).text == TEXTS.get(
        lang, "ask_error"
    )
