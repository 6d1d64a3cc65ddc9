"""A dialog state's copy and its stored form share nothing with it: the engine steps on
a copy, and the service stores `to_dict()`; a change to either must never reach the
state it came from (a turn that fails would otherwise leave its half-made changes)."""

from __future__ import annotations

import copy
from dataclasses import fields

from gateway.dialogs.state import DialogState, Phase


def full_state() -> DialogState:
    return DialogState.from_dict(
        {
            "language": "uk",
            "phase": "checklist",
            "problem": "не друкує принтер",
            "offered": {"printer_offline": 0.7},
            "fields": {"problem": "не друкує принтер", "os": "Windows 11"},
            "sources": {"problem": "first message"},
            "asked": ["os"],
            "buttons": ["yes", "no"],
            "button_labels": ["Так", "Ні"],
            "incidents_declined": ["inc-1"],
            "updated_at": 12.5,
        }
    )


def test_a_copy_and_the_stored_form_share_no_container() -> None:
    state = full_state()
    before = copy.deepcopy(vars(state))
    containers = [f.name for f in fields(DialogState) if isinstance(before[f.name], dict | list)]
    assert len(containers) == 7
    for other in (state.copy().to_dict(), state.to_dict(), vars(state.copy())):
        for name in containers:
            value = other[name]
            if isinstance(value, dict):
                value["added"] = "x"
            else:
                value.append("added")
    assert vars(state) == before


def test_the_stored_form_loads_back_equal() -> None:
    state = full_state()
    again = DialogState.from_dict(state.to_dict())
    assert again == state and again.phase is Phase.CHECKLIST
