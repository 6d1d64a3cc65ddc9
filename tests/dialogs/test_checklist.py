"""The checklist as a slot filler: every message fills every field it speaks to."""

from __future__ import annotations

import pytest

from dialogs.driver import Chat
from gateway.dialogs.checklist import fill, network_is_out, open_questions
from gateway.dialogs.engine import DialogEngine
from gateway.dialogs.events import Handoff
from gateway.dialogs.state import Phase
from gateway.texts import Texts


def run_checklist(chat: Chat, answers: dict[str, str], default: str = "не знаю") -> list[str]:
    asked: list[str] = []
    for _ in range(10):
        if not chat.questions:
            break
        asked += chat.questions
        chat.send(answers.get(chat.questions[0], default))
    return asked


def test_the_reply_to_did_it_help_fills_the_fields_it_names(chat: Chat) -> None:
    chat.send("не печатает принтер")
    chat.send("нет, я уже переустанавливал драйвер и он всё равно пишет 0x00000709")
    asked = run_checklist(chat, {"product": "HP LaserJet 1020", "os": "Windows 10"})
    assert "tried" not in asked and "error" not in asked
    fields = chat.requested.fields
    assert "переустанавливал драйвер" in fields["tried"]
    assert fields["error"] == "0x00000709"
    assert chat.state.sources == {}  # a new flow after the ticket
    assert asked == ["product", "os", "since"]


def test_every_field_keeps_where_it_came_from(chat: Chat) -> None:
    chat.send("Outlook на Windows 11 не отправляет почту")
    chat.send("нет")
    sources = chat.state.sources
    assert sources["problem"] == sources["os"] == sources["product"] == "first message"
    assert chat.questions == ["tried"]
    chat.send("перезапускал аутлук, пишет 0x800CCC0E")
    assert chat.state.sources["tried"] == "answer to tried"
    assert chat.state.sources["error"] == "answer to tried"
    assert chat.state.fields["error"] == "0x800CCC0E"
    assert chat.questions == ["since"]  # the only field still missing
    assert "«0x800CCC0E»" in chat.text
    chat.send("с понедельника")
    # the answer's own part answers the question; its code went to "error"
    assert chat.requested.fields["tried"] == "перезапускал аутлук"
    # The ticket carries the provenance of every field it carries, for the operator.
    assert chat.requested.sources == {
        "problem": "first message",
        "os": "first message",
        "product": "first message",
        "tried": "answer to tried",
        "error": "answer to tried",
        "since": "answer to since",
    }


def test_a_correction_replaces_the_earlier_value(chat: Chat) -> None:
    chat.send("при проведении накладной ошибка ZX-417")
    assert chat.questions == ["tried"]
    chat.send("перезапускал, на Windows 10")
    assert chat.state.fields["os"] == "Windows 10"
    chat.send("нет, не 10, а 11")  # the answer to "product", correcting the OS
    assert chat.state.fields["os"] == "Windows 11"
    assert chat.state.sources["os"] == "answer to product (correction)"


def test_a_later_answer_fills_a_field_answered_dont_know() -> None:
    fields: dict[str, str] = {"os": "не знаю"}
    sources: dict[str, str] = {"os": "answer to os"}
    changed = fill(fields, sources, "а, это macOS 14. Перезагружал", "answer to since")
    assert fields["os"] == "macOS 14"
    assert "tried" in changed and sources["tried"] == "answer to since"


def test_accumulating_fields_gather_new_mentions() -> None:
    fields = {"tried": "перезагружал", "error": "0x80070005"}
    sources: dict[str, str] = {}
    fill(fields, sources, "ещё переустановил драйвер, теперь пишет 0x8007000d", "message")
    assert fields["tried"] == "перезагружал; ещё переустановил драйвер"
    assert fields["error"] == "0x80070005; 0x8007000d"


def test_questions_are_phrased_for_what_is_known() -> None:
    texts = Texts.load()
    fields = {"problem": "не печатает принтер", "error": "0x00000709"}
    asked = {q.field: q.text for q in open_questions(fields, texts, "ru")}
    assert list(asked) == ["tried", "product", "os", "since"]
    assert asked["product"].startswith("Что за принтер")
    assert "«0x00000709»" in asked["since"]
    assert asked["os"] == texts.get("ru", "ask_os_computer")  # a printer's is the computer's
    fields = {"problem": "Outlook won't send", "product": "Outlook 2016"}
    asked = {q.field: q.text for q in open_questions(fields, texts, "en")}
    assert "Outlook 2016" in asked["tried"] and "Outlook 2016" in asked["os"]


def test_what_a_phishing_letter_says_is_not_asked_again(chat: Chat) -> None:
    # the letter's words, quoted, are what the user saw (frozen19, frozen25: "what does the
    # message say?" was asked of a user who had quoted it)
    chat.send(
        "Главбух. Пришло письмо якобы от банка «Ваш счёт временно заблокирован», я перешла по "
        "ссылке и ввела логин и пароль от почты, потом дошло. Outlook 2019, Windows 10, минут 15 "
        "назад. Ничего пока не делала, жду что скажете"
    )
    assert chat.questions == []
    assert chat.requested.fields["error"] == "Ваш счёт временно заблокирован"
    # an ordinary letter's subject is its name, not a message on the screen
    fields: dict[str, str] = {}
    fill(fields, {}, "Пришло письмо «Акт сверки», вложение не открывается", "first message")
    assert "error" not in fields


def test_a_first_message_with_every_fact_is_asked_only_what_is_missing(chat: Chat) -> None:
    chat.send(
        "Outlook 2016 на Windows 11 не отправляет почту, ошибка 0x800CCC0E с понедельника. "
        "Перезапускал и переустанавливал, не помогло"
    )
    chat.send("нет")
    assert chat.questions == []
    fields = chat.requested.fields
    assert fields["os"] == "Windows 11" and fields["error"] == "0x800CCC0E"
    assert fields["product"] == "Outlook 2016" and fields["since"] == "с понедельника"


def test_an_upset_user_gets_at_most_two_questions_chosen_by_what_is_missing(chat: Chat) -> None:
    chat.send("да задолбал этот принтер, опять не печатает, пишет offline")
    assert chat.named("handoff") == [Handoff(reason="upset")]
    asked = run_checklist(chat, {})
    assert asked == ["product", "since"]  # what a person needs first; the error was given
    assert chat.requested.reason == "upset"


@pytest.mark.parametrize(
    "first",
    ["опять не печатает принтер", "знову відвалюється вайфай в аудиторії",
     "the label printer is jamming again"],
)  # fmt: skip
def test_trouble_that_keeps_coming_back_gets_at_most_two_questions(
    chat: Chat, first: str
) -> None:
    chat.send(first)
    assert chat.named("handoff") == [Handoff(reason="repeated_failure")]
    assert chat.named("faq_answered") == []  # no self-help that did not hold before
    asked = run_checklist(chat, {})
    assert asked == ["product", "error"]  # what a person needs most
    assert chat.requested.reason == "repeated_failure"


def test_a_person_asked_to_take_it_gets_at_most_two_questions(chat: Chat) -> None:
    # frozen27, frozen28: "Could a person take this, please?" was given the whole checklist
    chat.send(
        "Sorry, I'm running on empty. The packing line printer won't print and I can't face a "
        "troubleshooting guide. Can a person take this?"
    )
    assert chat.named("handoff") == [Handoff(reason="asked_for_person")]
    asked = run_checklist(chat, {})
    assert len(asked) <= 2
    assert chat.requested.reason == "asked_for_person"


def test_a_request_for_a_person_with_most_facts_asks_only_what_is_left(chat: Chat) -> None:
    chat.send("дайте оператора. Outlook на Windows 11 с утра пишет 0x800CCC0E, перезапускал")
    assert chat.named("handoff") == [Handoff(reason="asked_for_person")]
    assert chat.questions == []
    assert chat.requested.fields["since"] == "с утра"


def test_the_reply_language_follows_the_last_message(chat: Chat) -> None:
    chat.send("при проведении накладной ошибка ZX-417")
    assert chat.state.language == "ru"
    chat.send("перезапускав програму, не допомогло")  # switches to Ukrainian
    assert chat.state.language == "uk"
    assert "Про яку програму" in chat.text
    chat.send("Windows 10")  # a name carries no language
    assert chat.state.language == "uk"
    chat.send("I don't know, it started yesterday")
    assert chat.state.language == "en"
    assert chat.requested.language == "en"


def test_what_the_screen_says_pasted_in_english_keeps_the_users_language(chat: Chat) -> None:
    """Asked to copy the error, a Ukrainian user pastes "Unable to establish the VPN
    connection": the screen's words, not a switch to English (the ticket and the replies
    stay Ukrainian); the writer's own English there still switches."""
    chat.send("вже третій раз не друкує принтер, з'єднайте з адміном")
    assert chat.state.language == "uk"
    for _ in range(4):
        if chat.questions[:1] == ["error"]:
            break
        chat.send("не знаю")
    assert chat.questions[:1] == ["error"]
    chat.send("Unable to establish the connection to the printer")
    assert chat.state.language == "uk"
    assert chat.requested.language == "uk"


def test_a_name_answered_to_the_product_question_keeps_an_english_conversation(
    chat: Chat,
) -> None:
    """Asked which program, an English user answers "the Orderbird app": a name, not
    Ukrainian translit (the shape of probe20r's answer, whose last reply came in Ukrainian)."""
    chat.send("our till tablet shows no new orders at all, please get a person")
    assert chat.state.language == "en"
    for _ in range(4):
        if chat.questions[:1] == ["product"]:
            break
        chat.send("don't know")
    assert chat.questions[:1] == ["product"]
    chat.send("the Orderbird app")
    assert chat.state.language == "en"


def test_the_writers_own_english_to_the_error_question_switches(chat: Chat) -> None:
    chat.send("принтер не печатает, дайте человека")
    for _ in range(4):
        if chat.questions[:1] == ["error"]:
            break
        chat.send("не знаю")
    assert chat.questions[:1] == ["error"]
    chat.send("it says nothing, the light is just green")
    assert chat.state.language == "en"


@pytest.mark.parametrize(
    "text",
    [
        "табло в зале ожидания погасло",
        "касса не открывает смену",
        "термінал самообслуговування показує синій екран",
        "the queue display in the lobby is frozen",
    ],
)
def test_it_that_does_not_look_like_it_is_taken_as_a_request(chat: Chat, text: str) -> None:
    chat.send(text)
    assert chat.questions, chat.text  # the checklist starts: no "tell me more" first
    assert chat.state.phase.value == "checklist"


# A repair without "не X, а Y" or a cue word: an apology or "no" around the new value.
# (fields before, message, fields after); the message answers none of the question asked.
BARE_REPAIRS = [
    # ru
    ({"os": "Windows 10"}, "11, извините", {"os": "Windows 11"}),
    ({"os": "Windows 10"}, "ой, 11-я винда", {"os": "Windows 11 (11-я винда)"}),
    ({"os": "Windows 10"}, "нет, 11", {"os": "Windows 11"}),
    ({"product": "1С 8.3.22"}, "упс, 8.3.24", {"product": "1С 8.3.24"}),
    ({"since": "с понедельника"}, "ой, со вторника", {"since": "со вторника"}),
    ({"os": "Windows 10", "product": "Outlook 2016"}, "пардон, Outlook 2019",
     {"os": "Windows 10", "product": "Outlook 2019"}),
    # uk
    ({"os": "Windows 10"}, "11, перепрошую", {"os": "Windows 11"}),
    ({"os": "Windows 10"}, "ой, 11-та вінда", {"os": "Windows 11 (11-та вінда)"}),
    ({"os": "Windows 10"}, "ні, 11", {"os": "Windows 11"}),
    ({"since": "з понеділка"}, "вибачте, з вівторка", {"since": "з вівторка"}),
    ({"error": "0x80070005"}, "ой, 0x80070006", {"error": "0x80070006"}),
    # en
    ({"os": "Windows 10"}, "11, sorry", {"os": "Windows 11"}),
    ({"os": "Windows 10"}, "oops, Windows 11", {"os": "Windows 11"}),
    ({"os": "macOS 13"}, "no, 14", {"os": "macOS 14"}),
    ({"product": "Outlook 2016"}, "my bad, Outlook 2019", {"product": "Outlook 2019"}),
    ({"since": "since Monday"}, "sorry, since Tuesday", {"since": "since Tuesday"}),
]  # fmt: skip
# Not repairs: the same words carrying a new message, a less specific mention, or nothing new.
NOT_REPAIRS = [
    ({"os": "Windows 10"}, "нет, не помогло"),
    ({"product": "Outlook 2016"}, "нет, аутлук не открывается"),
    ({"os": "Windows 10"}, "нет, Windows 10"),
    ({"os": "Windows 10"}, "ні, не допомогло, так само"),
    ({"os": "Windows 10"}, "sorry, I don't know"),
    ({"os": "Windows 10"}, "no, it still fails every time I open it"),
    ({"os": "Windows 10"}, "11"),  # a bare number with no apology is an answer, not a repair
]


@pytest.mark.parametrize(("before", "text", "after"), BARE_REPAIRS)
def test_a_bare_repair_replaces_the_value_it_repairs(
    before: dict[str, str], text: str, after: dict[str, str]
) -> None:
    fields, sources = dict(before), {}
    changed = fill(fields, sources, text, "answer to tried", answering="tried")
    assert fields == after  # "tried" does not take the repair as its answer
    assert changed == [name for name in after if after[name] != before.get(name)]
    assert all(sources[name] == "answer to tried (correction)" for name in changed)


@pytest.mark.parametrize(("before", "text"), NOT_REPAIRS)
def test_the_same_words_without_a_bare_value_are_no_repair(
    before: dict[str, str], text: str
) -> None:
    fields: dict[str, str] = dict(before)
    fill(fields, {}, text, "answer to tried", answering="tried")
    assert {k: fields[k] for k in before} == before
    assert fields["tried"] == text


def test_a_repair_in_the_conversation_is_not_taken_as_the_answer(chat: Chat) -> None:
    chat.send("Outlook на Windows 10 не отправляет почту")
    chat.send("нет")
    assert chat.questions == ["tried"]
    chat.send("ой, 11-я винда")
    assert chat.state.fields["os"] == "Windows 11 (11-я винда)"  # the user's words kept
    assert chat.state.sources["os"] == "answer to tried (correction)"
    assert not chat.state.fields.get("tried")


def test_a_correction_given_as_the_answer_corrects_and_answers_nothing_else(chat: Chat) -> None:
    chat.send("Outlook на Windows 10 не отправляет почту")
    chat.send("нет")
    assert chat.questions == ["tried"]
    chat.send("ой, не 10, а 11")
    assert chat.state.fields["os"] == "Windows 11"
    assert "tried" not in chat.state.fields or not chat.state.fields["tried"]


def test_an_answer_with_other_facts_keeps_each_in_its_field(chat: Chat) -> None:
    chat.send("VPN won't connect since Monday")
    assert chat.questions == ["tried"]
    chat.send("actually it started on Tuesday, I rebooted")
    assert chat.state.fields["since"] == "started on Tuesday"
    assert chat.state.fields["tried"] == "I rebooted"


def test_a_fuller_os_in_a_later_message_refines_the_vaguer_one() -> None:
    fields: dict[str, str] = {}
    sources: dict[str, str] = {}
    fill(fields, sources, "винда не грузится после обновления", "first message")
    fill(fields, sources, "нет, Windows 11 23H2, с понедельника", "reply to did-it-help")
    assert fields["os"] == "Windows 11 23H2"
    assert sources["os"] == "reply to did-it-help"
    fill(fields, sources, "Windows 10", "answer to tried")
    assert fields["os"] == "Windows 11 23H2"  # another version is no refinement


@pytest.mark.parametrize(
    "text",
    ["ноут асус, винда 11", "комп HP, Windows 10", "ноутбук Lenovo, вінда 10",
     "laptop Dell, Windows 11"],
)
def test_a_device_and_its_system_to_the_error_question_leave_the_error_open(text: str) -> None:
    # the device's word goes with its maker's name: no part of the answer says what shows
    fields: dict[str, str] = {"problem": "не работает звук"}
    fill(fields, {}, text, "answer to error", answering="error")
    assert "error" not in fields
    assert fields["product"] and fields["os"]


@pytest.mark.parametrize(
    "first",
    [
        "Веб-камера Logitech C270 в Zoom показывает чёрный квадрат. Windows 11, со вчера, "
        "камеру переподключала.",
        "Камера Logitech C920 у Teams показує чорний екран. Windows 10, з понеділка, "
        "перезавантажувала ноутбук.",
        "My Logitech C270 webcam shows only a black picture in Zoom. Windows 11, since "
        "yesterday, I unplugged it and plugged it back in.",
    ],
)
def test_a_black_picture_is_how_the_camera_looks_and_its_message_is_still_asked(
    chat: Chat, first: str
) -> None:
    # the writers ask "is there a message?" after a black picture (frozen22, frozen27, tune26)
    chat.send(first)
    assert chat.questions == ["error"]  # the only field not given
    chat.send("no message, just black")
    assert chat.requested.fields["error"] == "no message, just black"  # the answer, whole


@pytest.mark.parametrize(
    ("first", "step"),
    [
        (
            "Потрібен доступ до папки з гастролями на SharePoint, там «Потрібен дозвіл». Ноут на "
            "Windows 11, з понеділка. Запит через кнопку на сторінці відправляла, тиждень тиші.",
            "Запит через кнопку на сторінці відправляла",
        ),
        (
            "I need edit access to our SharePoint site for a new marshal, he's on Windows 11 and "
            "gets 'Access required' since Monday. Asked the site owner, she said write to IT.",
            "Asked the site owner",
        ),
        (
            "хочу робочу пошту на телефон, iPhone 12, iOS 17, з учора. додавав обліковий запис "
            "у «Пошті», а вона пише «Не вдалося перевірити ідентичність сервера»",
            "додавав обліковий запис у «Пошті»",
        ),
    ],
)
def test_a_step_taken_to_get_set_up_or_let_in_is_not_asked_again(
    chat: Chat, first: str, step: str
) -> None:
    # the access request sent, the owner asked, the account added (frozen18, frozen20, frozen21)
    chat.send(first)
    asked = run_checklist(chat, {})
    assert "tried" not in asked
    assert chat.requested.fields["tried"] == step


@pytest.mark.parametrize(
    ("first", "start"),
    [
        (
            "Відучора ноутбук HP 250 G9 на Windows 11 не може оновитися: Windows Update падає з "
            "0x800f0988. Двічі запускала засіб усунення неполадок і перезавантажувала.",
            "Відучора",
        ),
        (
            "Ноутбук Lenovo ThinkPad T14 с Windows 11 с сегодняшней ночи висит на «Подготовка "
            "Windows», уже два раза выключала кнопкой.",
            "с сегодняшней ночи",
        ),
        (
            "В выходные уронил ноутбук Dell Latitude 5430 на Windows 11, теперь при включении "
            "пишет «No bootable device». Перезагружал дважды.",
            "В выходные",
        ),
    ],
)
def test_a_day_or_a_night_said_in_another_form_is_when_it_started(
    chat: Chat, first: str, start: str
) -> None:
    # frozen15, frozen7, frozen27 asked "since when" of users who had said it
    chat.send(first)
    asked = run_checklist(chat, {})
    assert "since" not in asked
    assert start in chat.requested.fields["since"]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "the whole office has no internet, nobody can work"),
        ("en", "the whole third floor has had no network since lunch, people are just sitting"),
        ("ru", "во всём офисе нет интернета, никто не может работать"),
        ("ru", "у всех в отделе пропала сеть, работа стоит"),
        ("uk", "в усьому офісі немає інтернету, ніхто не може працювати"),
        ("uk", "у відділі продажів зникла мережа на всіх комп'ютерах"),
    ],
)
def test_the_network_out_for_many_is_asked_no_program_or_device(
    engine: DialogEngine, lang: str, said: str
) -> None:
    """Desk34: "the whole office has no internet, nobody can work" was asked "Which program
    or device is it about?": an outage of the network itself has none to name. The other
    questions a person needs are asked as before."""
    chat = Chat(engine, lang_hint=lang)
    asked = answer_dont_know(chat, said)
    assert asked and "product" not in asked, (said, asked)
    assert chat.tickets, (said, chat.text)


@pytest.mark.parametrize(
    "said",
    [
        "the network printer on our floor is offline for everyone, nobody can print",
        "у меня на ноутбуке нет интернета",
    ],
)
def test_a_device_or_one_machine_is_still_asked_its_name(
    engine: DialogEngine, said: str
) -> None:
    chat = Chat(engine, lang_hint="en")
    asked = answer_dont_know(chat, said)
    assert "product" in asked, (said, asked)


def answer_dont_know(chat: Chat, said: str) -> list[str]:
    """Send `said`, answer every question "don't know" (a "no" to an answer); the fields
    asked."""
    chat.send(said)
    asked = list(chat.questions)
    for _ in range(8):
        if chat.state.asking:
            chat.press("dunno")
        elif chat.state.phase == Phase.CONFIRM:
            chat.press("no")
        else:
            break
        asked += chat.questions
    return asked


@pytest.mark.parametrize(
    ("problem", "out"),
    [
        ("нет сети на всех компах", True),
        ("the wifi is down for everyone", False),  # its access point is asked
        ("во всех салонах сети не работает касса", False),  # a chain of salons
        ("в аптеках мережі не проходить оплата", False),
        ("the network drive is gone for everyone", False),
        ("the network printer is offline", False),
        ("our teams can't join, laptops say 'Can't connect to this network'", False),
        ("nobody can get on the Wi-Fi, we forgot the network on two laptops", False),
    ],
)
def test_the_network_itself_named_as_out(problem: str, out: bool) -> None:
    assert network_is_out(problem) is out
