"""Events serialise to plain JSON with their name, as the chat stream and transcript need."""

from __future__ import annotations

import json

from gateway.dialogs.events import (
    ChecklistQuestion,
    CsatCommented,
    CsatRecorded,
    CsatRequest,
    FaqAnswered,
    FaqChoices,
    Handoff,
    Resolved,
    TicketRequested,
)


def test_events_to_dict() -> None:
    assert FaqAnswered("printer_offline", 91.5).to_dict() == {
        "event": "faq_answered", "topic": "printer_offline", "score": 91.5,
    }  # fmt: skip
    assert FaqChoices(("a", "b")).to_dict() == {"event": "faq_choices", "topics": ["a", "b"]}
    assert ChecklistQuestion("os").to_dict() == {"event": "checklist_question", "field": "os"}
    assert Resolved("bot").to_dict() == {"event": "resolved", "by": "bot"}
    assert CsatRequest().to_dict() == {"event": "csat_request"}
    assert CsatRecorded(5, "ok", "HD-000007").to_dict() == {
        "event": "csat_recorded",
        "score": 5,
        "comment": "ok",
        "ticket_id": "HD-000007",
    }
    assert CsatCommented("quick").to_dict() == {
        "event": "csat_commented",
        "comment": "quick",
        "ticket_id": "",
    }
    assert Handoff("upset").to_dict() == {"event": "handoff", "reason": "upset"}
    request = TicketRequested(
        topic="no_sound", group="hardware", priority="P3", level="L1",
        fields={"problem": "нет звука"}, subject="нет звука", reason="not_solved", language="ru",
    )  # fmt: skip
    data = request.to_dict()
    assert data["event"] == "ticket_requested"
    assert data["fields"] == {"problem": "нет звука"}
    assert json.loads(json.dumps(data)) == data
