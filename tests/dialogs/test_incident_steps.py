"""The dialog engine during a declared outage: a pure step given the open incidents in its
context. Reports of the outage are told at once (no checklist), other problems are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from gateway.config import IncidentSettings
from gateway.dialogs.engine import DialogEngine, StepContext
from gateway.dialogs.events import ChecklistQuestion, IncidentDeclined, IncidentJoined
from gateway.dialogs.extract import product
from gateway.dialogs.incidents import SOMETHING_ELSE
from gateway.dialogs.outages import OpenIncident
from gateway.dialogs.state import DialogState, Phase
from gateway.knowledge.library import KnowledgeLibrary
from gateway.knowledge.ranker import Ranker
from gateway.models import InboundMessage
from gateway.triage.services import ServiceCatalog
from gateway.triage.sla import SlaPolicy

FAQ = Path(__file__).resolve().parents[2] / "faq"
CRM = OpenIncident(
    id="HD-000042",
    title="CRM",
    services=frozenset({"crm"}),
    samples=("CRM не открывается",),
    notices={"uk": "Постачальник відновлює CRM.", "en": "The vendor is restoring the CRM."},
)
PASSWORDS = OpenIncident(id="HD-000043", title="passwords", topic="password_reset")


@pytest.fixture(scope="module")
def engine() -> DialogEngine:
    catalog = ServiceCatalog.from_config(IncidentSettings().services)
    return DialogEngine(KnowledgeLibrary(FAQ), SlaPolicy.default(), services=catalog)


def step(engine: DialogEngine, text: str, state: DialogState | None = None, payload: str = ""):  # type: ignore[no-untyped-def]
    msg = InboundMessage(
        channel="webchat", chat_id="u1", message_id="m", text=text, payload=payload
    )
    ctx = StepContext(now=1_800_000_000.0, incidents=(CRM, PASSWORDS))
    return engine.step(state or DialogState(), msg, ctx)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("CRM не открывается с утра", "ru"),
        ("У нас не працює CRM", "uk"),
        ("the crm is down again", "en"),
        ("црм висит", "ru"),
    ],
)
def test_a_report_of_the_outage_is_told_at_once_in_the_users_language(
    engine: DialogEngine, text: str, lang: str
) -> None:
    before = DialogState()
    result = step(engine, text, before)
    assert [type(e) for e in result.events] == [IncidentJoined]
    assert result.events[0] == IncidentJoined(incident_id="HD-000042", text=text)
    (reply,) = result.replies
    assert reply.text.startswith(engine.texts.get(lang, "incident_known", title="CRM"))
    assert [b.payload for b in reply.buttons] == [SOMETHING_ELSE]
    assert result.state.incident == "HD-000042" and result.state.phase == Phase.IDLE
    assert before == DialogState()  # pure: the caller's state is untouched


def test_the_public_message_comes_in_the_users_language_or_english(engine: DialogEngine) -> None:
    assert "Постачальник відновлює CRM." in step(engine, "CRM не працює").replies[0].text
    assert "The vendor is restoring the CRM." in step(engine, "CRM не работает").replies[0].text


@pytest.mark.parametrize(
    "text",
    ["my printer is down", "не печатает принтер", "VPN не подключается", "Outlook не отправляет"],
)
def test_other_problems_are_not_joined(engine: DialogEngine, text: str) -> None:
    result = step(engine, text)
    assert not any(isinstance(e, IncidentJoined) for e in result.events)
    assert result.state.incident == ""


def test_a_topic_incident_joins_by_the_knowledge_base_topic(engine: DialogEngine) -> None:
    result = step(engine, "забыл пароль, не могу войти")
    assert [e.incident_id for e in result.events if isinstance(e, IncidentJoined)] == ["HD-000043"]


def test_something_else_continues_the_normal_dialog_and_never_asks_again(
    engine: DialogEngine,
) -> None:
    joined = step(engine, "CRM не открывается, а ещё не печатает принтер")
    assert joined.state.incident == "HD-000042"
    other = step(engine, "", joined.state, payload=SOMETHING_ELSE)
    assert other.events[0] == IncidentDeclined(incident_id="HD-000042")
    assert other.replies[0].text == engine.texts.get("ru", "incident_something_else")
    assert other.state.incident == "" and other.state.incidents_declined == ["HD-000042"]
    assert len(other.replies) >= 2  # the normal dialog went on with the problem
    again = step(
        engine,
        "CRM всё ещё не открывается",
        other.state.__class__.from_dict({**other.state.to_dict(), "phase": "idle"}),
    )
    assert not any(isinstance(e, IncidentJoined) for e in again.events)


def test_without_incidents_the_checklist_runs_as_before(engine: DialogEngine) -> None:
    msg = InboundMessage(channel="webchat", chat_id="u1", message_id="m", text="CRM is down")
    result = engine.step(DialogState(), msg, StepContext(now=1_800_000_000.0))
    assert not any(isinstance(e, IncidentJoined) for e in result.events)
    assert any(isinstance(e, ChecklistQuestion) for e in result.events)


@pytest.mark.parametrize(
    "text",
    [
        "Сканер Zebra DS2208 на складе 7 не читает штрихкоды",  # another problem: not joined
        "Принтер HP LaserJet у бухгалтерії 12 жує папір",
        "Outlook 2019 on the reception PC 31 keeps asking for my password",
        "CRM не открывается на кассе 5",  # the outage's: joined
    ],
)
def test_one_text_from_many_users_during_an_outage_is_read_once(
    engine: DialogEngine, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    """A mass outage brings one text from many users: each gets the same answer, and the
    knowledge base's ranking and the products' reading of it are done for the first only
    (a turn weighs a new problem against the open incidents, then answers it: one text)."""
    calls: list[str] = []

    def counted(name: str, real):  # type: ignore[no-untyped-def]
        def call(*args, **kwargs):  # type: ignore[no-untyped-def]
            calls.append(name)
            return real(*args, **kwargs)

        return call

    monkeypatch.setattr(Ranker, "rank", counted("rank", Ranker.rank))
    monkeypatch.setattr(product, "extract_all", counted("products", product.extract_all))
    first = step(engine, text)
    read_for_the_first = list(calls)
    for _ in range(3):
        again = step(engine, text)
        assert again.replies == first.replies and again.state == first.state
    assert calls == read_for_the_first
