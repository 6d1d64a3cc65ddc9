"""A request for a person, read by its shape: a message's clauses are read only when one of
its words can start a shape, and that shortcut never changes a verdict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from gateway.triage import person_request
from gateway.triage.person_request import calls_for_person
from gateway.triage.reading import MessageReading

EVAL = Path(__file__).resolve().parents[1] / "fixtures" / "eval"


def users_texts() -> list[str]:
    """What users say in the FAQ questions and the dialog scenarios (first messages, replies
    and answers): thousands of texts in ru, uk and en, some of them asking for a person."""
    texts: set[str] = set()
    for path in [EVAL / "faq_dev.jsonl", *sorted((EVAL / "blind").glob("faq_tune*.jsonl"))]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.add(json.loads(line)["q"])
    for path in [EVAL / "dialogs_own.yaml", *sorted((EVAL / "blind").glob("dialogs_tune*.yaml"))]:
        for scenario in yaml.safe_load(path.read_text(encoding="utf-8"))["scenarios"]:
            texts.add(scenario["say"])
            texts.update(str(r) for r in scenario.get("replies") or ())
            texts.update(str(a) for a in (scenario.get("answers") or {}).values())
    return sorted(texts)


def every_clause_read(text: str) -> bool:
    """The verdict with no shortcut: every clause of the message read for a shape."""
    return any(
        person_request._asks(words) or person_request._named_alone(words)
        for _, words in MessageReading(text).clauses
    )


def test_reading_clauses_only_where_a_shape_can_start_changes_no_verdict() -> None:
    texts = users_texts()
    asked = [text for text in texts if every_clause_read(text)]
    assert len(texts) > 1000 and asked  # requests for a person are among them
    assert [text for text in texts if calls_for_person(text)] == asked


@pytest.mark.parametrize(
    "text",
    ["принтер не печатает с утра", "Не відкривається Excel, одразу закривається",
     "outlook does not send mail", "у всей бухгалтерии не работает 1С, а у коллег работает"],
)  # fmt: skip
def test_a_message_no_shape_can_start_in_has_its_clauses_left_unread(text: str) -> None:
    reading = MessageReading(text)
    assert not calls_for_person(reading)
    assert "clauses" not in vars(reading)  # a cached property, worked out when first asked


@pytest.mark.parametrize(
    "text",
    ["принтер не печатает, позовите специалиста", "нехай хтось підійде до реєстратури",
     "просто создайте заявку", "мне нужен живой админ, а не инструкции"],
)  # fmt: skip
def test_a_request_for_a_person_is_still_read_from_its_clauses(text: str) -> None:
    assert calls_for_person(text)


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        # a call back from whoever is on duty, said impersonally or as a command to call me
        ("сканер опять не сканирует, пусть мне перезвонят", True),
        ("нехай мені передзвонять, бо пошта не працює", True),
        ("чтобы со мной связались сегодня", True),
        ("наберіть мене, будь ласка", True),
        ("позвоните мне на мобильный", True),
        ("зайдіть до мене в 204 кабінет", True),
        # a person to answer or help the writer, "шоб" as surzhyk writes "щоб"
        # (dialogs_frozen37's bare request got the whole checklist)
        ("а можна шоб нам хоч якась людина відповіла?", True),
        ("хочу, чтобы мне ответил живой человек", True),
        ("нехай нам допоможе фахівець", True),
        # … not what the writer says was done, nor a command about something else
        ("мне позвонили из банка и сказали сменить пароль", False),
        ("наберите пароль ещё раз, пишет ошибку", False),
        ("подивіться, будь ласка, мені не приходить пошта", False),
        ("зайдите в настройки и там пусто", False),
        ("щоб оператор відповів клієнту, треба гарнітура", False),
        ("пусть специалист ответит, когда будет время", False),
    ],
)  # fmt: skip
def test_a_call_back_asked_for_in_any_form(text: str, asks: bool) -> None:
    assert calls_for_person(text) is asks


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        # the person before the verb, as word order allows
        ("у меня 1С выкидывает каждые полчаса, достало, специалиста позовите", True),
        ("сканер знову не сканує, людину покличте", True),
        ("оператора дайте", True),
        # … not whose access is asked for, nor a person after a preposition
        ("у нового оператора дайте доступ к CRM", False),
        ("для оператора дайте права на папку", False),
        ("администратора дайте доступ к папке бухгалтерии", False),
    ],
)  # fmt: skip
def test_a_person_asked_for_before_the_verb(text: str, asks: bool) -> None:
    assert calls_for_person(text) is asks


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        # Ukrainian short forms the dictionary reads as full adjectives (tune10's sarcastic
        # user got the whole checklist)
        ("о, чудово, знову бот. мені потрібен оператор. камера не працює", True),
        ("мені потрібна людина, а не бот", True),
        ("нам потрібен адмін, принтер не друкує", True),
        # … not a thing needed, nor a person's help with a thing
        ("мені потрібен доступ до папки", False),
        ("нам потрібен новий принтер", False),
        ("для оператора потрібен новий монітор", False),
    ],
)  # fmt: skip
def test_a_person_needed_in_ukrainian(text: str, asks: bool) -> None:
    assert calls_for_person(text) is asks


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        # a person to talk with, "с"/"з" and the person in the instrumental, any word order
        # (dialogs_frozen29: the translit "pogovorit" reads as "поговорит", the regex's
        # "поговорить с (\w+ )?человеком" missed it and the adjective before the person)
        ("добрый день, можно поговорит с настоящим человеком из техподдержки?", True),
        ("хочу пообщаться с живым специалистом", True),
        ("с настоящим человеком можно поговорить?", True),
        ("с кем-нибудь из ваших специалистов можно поговорить?", True),
        ("можна поговорити зі справжньою людиною?", True),
        ("хотів би порозмовляти з фахівцем", True),
        # … not a talk that was or is being had, the writer's own plan, or a line that fails
        ("вчера поговорил с админом, он сказал перезагрузить", False),
        ("оператор говорит с клиентом, а гарнитура хрипит", False),
        ("я поговорю с админом и напишу", False),
        ("не могу связаться с мастером, телефон молчит", False),
        ("поговорити з бухгалтером про звіт не можу, пошта не працює", False),
    ],
)  # fmt: skip
def test_a_person_to_talk_with(text: str, asks: bool) -> None:
    assert calls_for_person(text) is asks


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        # a command said softly: an infinitive after "можно", "можете", "прошу" is read as the
        # imperative (dialogs_frozen38's tired Ukrainian request got the whole checklist)
        ("Вибачте, а можна мене просто передати живій людині?", True),
        ("Можно меня переключить на оператора?", True),
        ("Можна викликати майстра?", True),
        ("Прошу связаться со мной", True),
        ("Прошу зв'язатися зі мною", True),
        ("Можете мне перезвонить?", True),
        ("Прошу передать заявку специалисту", True),
        ("Прошу когось надіслати, з принтера іде дим", True),
        ("можно создать заявку?", True),
        # … and an imperative keeps its person behind the words of address
        ("Передайте це, будь ласка, фахівцю", True),
        # … not what cannot be done, what is to be done to a thing, or the writer's own deed
        ("не можна передати файл адміністратору, пошта не працює", False),
        ("Можно переключить принтер на другой лоток?", False),
        ("Прошу установить Zoom", False),
        ("мне нужно передать отчёт администратору, а почта не работает", False),
    ],
)  # fmt: skip
def test_a_request_said_softly(text: str, asks: bool) -> None:
    assert calls_for_person(text) is asks


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        # a person's service asked for, the person after it
        ("Можно консультацию специалиста?", True),
        ("Потрібна консультація спеціаліста", True),
        ("Нужна помощь специалиста, ноутбук не видит сеть", True),
        ("прошу выезд мастера в 12 кабинет", True),
        # … not a service without a person, nor one that was had
        ("Можно консультацию по Excel?", False),
        ("консультация специалиста не помогла, принтер не печатает", False),
    ],
)  # fmt: skip
def test_a_persons_service_asked_for(text: str, asks: bool) -> None:
    assert calls_for_person(text) is asks


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        # a wish about what the staff should do is no person wanted (CLOSING39)
        ("надо, чтобы операторы отвечали на звонки быстрее", False),
        ("Хочу, чтобы техник перестал менять мне настройки", False),
        ("треба, щоб оператори швидше брали трубку", False),
        # … but a person wished to come or answer the writer is
        ("надо, чтобы специалист подошёл к нам", True),
        ("хочу, щоб мені відповіла людина", True),
    ],
)  # fmt: skip
def test_a_wish_about_the_staff_is_no_request(text: str, asks: bool) -> None:
    assert calls_for_person(text) is asks


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        # a question softened by "бы", "ли" is asked, not denied
        ("Не могли бы вы позвать специалиста?", True),
        ("Не могли б ви покликати фахівця?", True),
        ("Нельзя ли позвать специалиста?", True),
        # the verb left out: to a person, or someone from the desk
        ("можна до людини?", True),
        ("можно к оператору?", True),
        ("можно кого-нибудь из IT?", True),
        ("можна когось з айтішників?", True),
        # … not what cannot be done, nor a person in what is told
        ("нельзя позвать специалиста, телефон не работает", False),
        ("к оператору не подключается гарнитура", False),
        ("у оператора из бухгалтерии не печатает принтер", False),
    ],
)  # fmt: skip
def test_a_request_softened_or_with_the_verb_left_out(text: str, asks: bool) -> None:
    assert calls_for_person(text) is asks
