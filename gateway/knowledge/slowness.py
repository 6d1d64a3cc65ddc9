"""A slow machine said in other words (see normalize.py): a mouse that jerks while the
machine is slow, a 100 % load that Task Manager shows.
"""

from __future__ import annotations

import re

from gateway.knowledge.vocabulary import (
    LOAD_READING,
    LOAD_TOOLS,
    LOAD_WORDS,
    MACHINE_SLOW,
    POINTER_LAG_STEMS,
    POINTER_WORDS,
)

_CLAUSE_BREAK = re.compile(r"[,.;!?:()]+|\s[—–-]\s")
_FULL_LOAD = "100"
_LOAD_REACH = 3  # "процессор загружен на 100": the load word this close to the number


def read_pointer_jerks(text: str) -> str:
    """`_pointer_read`, where a machine is said slow at all (`MACHINE_SLOW`)."""
    if MACHINE_SLOW.search(text):
        text = _pointer_read(text)
    return text


def read_load(words: list[str]) -> list[str]:
    """`_load_read`, where a 100 is said."""
    if _FULL_LOAD in words:
        words = _load_read(words)
    return words


def _pointer_read(text: str) -> str:
    """A mouse's jerks while the machine is slow as the slowness: "комп тупит, мышка
    двигается рывками" -> "комп тупит, тормозит". Only when another clause says the
    machine is slow without naming the mouse, and the mouse's own clause says no slowness
    ("мышь лагает, курсор прыгает" is the mouse's lag)."""
    clauses = _CLAUSE_BREAK.split(text)
    if len(clauses) < 2:
        return text
    pointer = [not POINTER_WORDS.isdisjoint(clause.split()) for clause in clauses]
    slow = [bool(MACHINE_SLOW.search(clause)) for clause in clauses]
    if not any(s and not p for s, p in zip(slow, pointer, strict=True)):
        return text
    lagging = [
        clause
        for clause, p, s in zip(clauses, pointer, slow, strict=True)
        if p and not s and any(w.startswith(POINTER_LAG_STEMS) for w in clause.split())
    ]
    for clause in lagging:
        text = text.replace(clause, f" {LOAD_READING} ", 1)
    return text


def _load_read(words: list[str]) -> list[str]:
    """A 100 % a monitor shows is the machine's load: "диспетчер задач показывает цп 100%",
    "100% disk in task manager" say it is slow. The number is read as the slow word when a
    load word is near it or Task Manager is named; any other 100 stays a number."""
    tool = not LOAD_TOOLS.isdisjoint(words)
    return [
        LOAD_READING
        if word == _FULL_LOAD and (tool or not LOAD_WORDS.isdisjoint(_near(words, i)))
        else word
        for i, word in enumerate(words)
    ]


def _near(words: list[str], index: int) -> list[str]:
    return words[max(index - _LOAD_REACH, 0) : index + _LOAD_REACH + 1]
