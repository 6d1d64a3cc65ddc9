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
