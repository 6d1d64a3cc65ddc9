"""One reading of a message shared by every triage rule gives the verdicts of its text."""

from __future__ import annotations

import pytest

from gateway.triage import reading as reading_module
from gateway.triage.mood import detect_handoff
from gateway.triage.priority import assess_priority
from gateway.triage.reading import MessageReading


@pytest.mark.parametrize(
    "text",
    [
        "жду уже третий час, сколько можно?!",
        "у всей бухгалтерии не работает 1С, сдаём отчёт сегодня",
        "Вже годину чекаю. Каса не працює, клієнти стоять у черзі!",
        "the whole call centre can't log in and customers are waiting",
        "принтер не печатает",
        "I am really frustrated, this is the third time I'm writing",
    ],
)
def test_a_shared_reading_gives_the_verdicts_of_the_text(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = detect_handoff(text), assess_priority(text)
    calls: list[str] = []
    read_words = reading_module.read_words

    def counted(part: str, lang: str) -> list[reading_module.Word]:
        calls.append(part)
        return read_words(part, lang)

    monkeypatch.setattr(reading_module, "read_words", counted)
    shared = MessageReading(text)
    # mood, then urgency twice (the new problem, then its classification), as a turn does
    assert (detect_handoff(shared), assess_priority(shared)) == expected
    assert assess_priority(shared, "outage_critical").priority.value == "P1"
    first = len(calls)
    assert detect_handoff(shared) == expected[0] and assess_priority(shared) == expected[1]
    assert len(calls) == first  # the words were read once, whichever rule asked first


def test_a_rule_asked_again_of_a_reading_gives_its_verdict_without_reading_again() -> None:
    calls: list[tuple[str, bool]] = []

    @reading_module.read_once
    def says_printer(reading: MessageReading, *, strict: bool = False) -> bool:
        calls.append((reading.text, strict))
        return "принтер" in reading.norm

    shared = MessageReading("Принтер не печатает")
    assert says_printer(shared) and says_printer(shared)
    assert says_printer(shared, strict=True)  # other arguments: a verdict of its own
    assert calls == [("Принтер не печатает", False), ("Принтер не печатает", True)]
    # a text given as a string is read anew: nothing is kept for it
    assert not says_printer("нет звука") and not says_printer("нет звука")
    assert len(calls) == 4


def test_a_short_text_is_read_once_per_process_and_a_long_one_for_each_message() -> None:
    short = "не помогло, кличте людину"
    assert reading_module.shared_reading(short) is reading_module.shared_reading(short)
    long_text = "принтер не печатает " * 20
    assert len(long_text) > reading_module.SHARED_UP_TO
    first, again = (reading_module.shared_reading(long_text) for _ in range(2))
    assert first is not again and first.text == again.text


def test_the_checklist_fields_of_a_text_are_the_callers_own() -> None:
    """What the extractors found is kept per text; a caller that changes its copy (the
    slot filler replaces a product with its detail) changes nobody else's."""
    from gateway.dialogs.extract import extract_fields

    text = "Outlook 2016 не отправляет письма, ошибка 0x800CCC0F, перезагружал"
    found = extract_fields(text)
    expected = dict(found)
    found["product"] = "something else"
    found.clear()
    assert extract_fields(text) == expected and expected
