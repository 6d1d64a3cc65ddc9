"""Fixtures of the dialog engine tests: the table knowledge double and a chat driver."""

from __future__ import annotations

import pytest

from dialogs.driver import Chat, TableKnowledge
from gateway.dialogs.engine import DialogEngine
from gateway.triage.sla import SlaPolicy


@pytest.fixture
def knowledge() -> TableKnowledge:
    return TableKnowledge()


@pytest.fixture
def engine(knowledge: TableKnowledge) -> DialogEngine:
    return DialogEngine(knowledge, SlaPolicy.default())


@pytest.fixture
def chat(engine: DialogEngine) -> Chat:
    return Chat(engine)
