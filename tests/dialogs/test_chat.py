"""`chat --json` and the terminal chat, through the real service, store and knowledge base."""

from __future__ import annotations

import io
import json

from gateway.config import Settings
from gateway.dialogs.chat import run_chat

INPUT = [
    {"text": "на компьютере пропал звук"},
    {"payload": "no"},
    "not json",
    ["a", "list"],
    {"text": 5},
    {"kind": "later"},
    {},
    {"text": "перезагружал, проверял громкость"},
    {"payload": "dunno"},
    {"text": "ноутбук Lenovo"},
    {"text": "Windows 10"},
    {"text": "со вчерашнего дня"},
    {"text": "/status"},
]


async def run_json(settings: Settings, lines: list[object]) -> list[list[dict[str, object]]]:
    """Feed the lines to `chat --json`; the output split into turns."""
    text = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines)
    out = io.StringIO()
    assert await run_chat(settings, True, io.StringIO(text + "\n"), out) == 0
    turns: list[list[dict[str, object]]] = [[]]
    for raw in out.getvalue().splitlines():
        event = json.loads(raw)
        turns[-1].append(event)
        if event["event"] == "turn_end":
            turns.append([])
    assert turns.pop() == []
    return turns


def names(turn: list[dict[str, object]]) -> list[object]:
    return [e["event"] for e in turn]


async def test_json_stream_shapes(settings: Settings) -> None:
    turns = await run_json(settings, INPUT)
    assert len(turns) == len(INPUT)  # exactly one turn_end per input line

    answer = turns[0]
    assert names(answer) == ["message", "faq_answered", "turn_end"]
    assert answer[0]["buttons"] == [
        {"label": "Да, помогло", "payload": "yes"},
        {"label": "Нет", "payload": "no"},
    ]
    assert answer[1]["topic"] == "no_sound"
    assert isinstance(answer[1]["score"], float)

    assert names(turns[1]) == ["message", "message", "checklist_question", "turn_end"]
    assert turns[1][2] == {"event": "checklist_question", "field": "tried"}

    for bad in turns[2:7]:
        assert names(bad) == ["error", "turn_end"]
        assert bad[0]["error"]

    opened = turns[11]
    assert names(opened) == ["message", "ticket_opened", "turn_end"]
    ticket = opened[1]["ticket"]
    assert isinstance(ticket, dict)
    assert set(ticket) == {"id", "topic", "group", "priority", "level", "fields"}
    assert (ticket["topic"], ticket["group"], ticket["priority"], ticket["level"]) == (
        "no_sound", "hardware", "P3", "L1",
    )  # fmt: skip
    assert ticket["fields"] == {
        "problem": "на компьютере пропал звук",
        "tried": "перезагружал, проверял громкость",
        "error": "Не знаю",
        "product": "ноутбук Lenovo",
        "os": "Windows 10",
        "since": "со вчерашнего дня",
    }
    assert str(ticket["id"]) in str(opened[0]["text"])
    assert str(ticket["id"]) in str(turns[12][0]["text"])  # /status


async def test_json_stream_resolved_and_rating(settings: Settings) -> None:
    turns = await run_json(
        settings,
        [
            {"text": "I forgot my password"},
            {"text": "yes"},
            {"payload": "csat:4"},
            {"text": "quick"},
        ],
    )
    assert names(turns[1]) == ["message", "message", "resolved", "csat_request", "turn_end"]
    assert turns[1][2] == {"event": "resolved", "by": "bot"}
    assert [b["payload"] for b in turns[1][1]["buttons"]] == [f"csat:{n}" for n in range(1, 6)]  # type: ignore[union-attr, index]
    assert turns[2][1] == {"event": "csat_recorded", "score": 4, "comment": "", "ticket_id": ""}
    assert turns[3][1] == {"event": "csat_commented", "comment": "quick", "ticket_id": ""}


async def test_json_stream_handoff(settings: Settings) -> None:
    turns = await run_json(settings, [{"text": "соедините с оператором"}])
    assert {"event": "handoff", "reason": "asked_for_person"} in turns[0]
    assert {"event": "checklist_question", "field": "problem"} in turns[0]


async def test_terminal_chat_numbers_press_buttons(settings: Settings) -> None:
    out = io.StringIO()
    typed = "не печатает принтер, пишет что offline\n1\n5\n/quit\n"
    assert await run_chat(settings, False, io.StringIO(typed), out) == 0
    screen = out.getvalue()
    assert "Здравствуйте!" in screen  # greeted on start
    assert "[1] Да, помогло  [2] Нет" in screen
    assert "рад, что помогло" in screen  # "1" pressed the first button
    assert "[1] 1  [2] 2  [3] 3  [4] 4  [5] 5" in screen
    assert "Хотите что-то добавить?" in screen  # "5" pressed the rating button


async def test_a_password_typed_in_the_chat_is_hidden_before_the_ticket(settings: Settings) -> None:
    """Desk34: `firstline chat` wrote a password typed in it into the ticket, the store's
    transcript and the console (every channel's intake hides it; the chat did not), and the
    error was "it's wrong"."""
    said = "my password is Qwerty123! and outlook says it's wrong"
    turns = await run_json(
        settings, [{"text": said}, {"payload": "no"}] + [{"payload": "dunno"}] * 5
    )
    shown = json.dumps(turns, ensure_ascii=False)
    assert "Qwerty123" not in shown
    assert "never send a password" in str(turns[0][1]["text"]).lower()
    ticket = next(e["ticket"] for turn in turns for e in turn if e["event"] == "ticket_opened")
    assert isinstance(ticket, dict)
    assert ticket["fields"]["problem"] == "my password is •••••• and outlook says it's wrong"
    assert ticket["fields"]["error"] == "password is wrong"
