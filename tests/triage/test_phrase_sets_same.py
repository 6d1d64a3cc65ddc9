"""Every phrase set gives the same answers as the straightforward form of its regex
(issue 13): the sets are compiled with look-aheads on the characters a match can begin
with, which only saves `re` work and must never change what `search`, `findall`, `spans`
and `remove` return. Checked over every line of the readable eval files (never the frozen
parts) and over generated text: word edges, apostrophes, hyphens, slashes, Cyrillic and
Latin, digits."""

from __future__ import annotations

import gc
import importlib
import json
import re
from functools import cache
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from gateway.triage.phrases import PhraseSet, normalise

EVAL = Path(__file__).resolve().parents[1] / "fixtures" / "eval"
MODULES = [
    "gateway.dialogs.answers", "gateway.dialogs.problem", "gateway.knowledge.vocabulary",
    "gateway.knowledge.morphology", "gateway.knowledge.ranker", "gateway.triage.mood",
    "gateway.triage.routing", "gateway.triage.impact", "gateway.triage.impatience",
    "gateway.triage.reading", "gateway.triage.tone", "gateway.triage.priority",
]


@cache
def phrase_sets() -> list[PhraseSet]:
    """Every phrase set the product builds (the modules that define them, imported)."""
    for module in MODULES:
        importlib.import_module(module)
    return [s for s in gc.get_objects() if isinstance(s, PhraseSet) and s.patterns]


def reference(phrase_set: PhraseSet) -> re.Pattern[str]:
    """The set's regex as it was written before the look-aheads."""
    joined = "|".join(f"(?:{p})" for p in phrase_set.patterns)
    return re.compile(rf"(?<![\w/])(?:{joined})(?!\w)")


def answers(phrase_set: PhraseSet, text: str) -> tuple:
    return (
        phrase_set.search(text), phrase_set.findall(text),
        phrase_set.spans(text), phrase_set.remove(text),
    )


def reference_answers(regex: re.Pattern[str], text: str) -> tuple:
    text = normalise(text)
    found = regex.search(text)
    return (
        found.group(0) if found else "", regex.findall(text),
        [m.span() for m in regex.finditer(text)], " ".join(regex.sub(" ", text).split()),
    )


def strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def readable_lines() -> list[str]:
    """Every text of the readable eval files: dev, tuning parts, probes, own dialogs,
    extractor tables. The frozen parts are never opened."""
    paths = [
        *EVAL.glob("*.jsonl"), *EVAL.glob("*.yaml"), *EVAL.glob("extractors/*.yaml"),
        *(EVAL / "blind").glob("*tune*"),
    ]
    texts: set[str] = set()
    for path in paths:
        assert "frozen" not in path.name
        raw = path.read_text(encoding="utf-8")
        if path.suffix == ".jsonl":
            texts.update(s for line in raw.splitlines() if line.strip()
                         for s in strings(json.loads(line)))
        else:
            texts.update(strings(yaml.safe_load(raw)))
    return sorted({normalise(text) for text in texts})  # the sets read the normalised text


def test_every_set_answers_as_before_on_every_readable_eval_line():
    lines = readable_lines()
    assert len(lines) > 5000
    for phrase_set in phrase_sets():
        regex = reference(phrase_set)
        for text in lines:
            assert answers(phrase_set, text) == reference_answers(regex, text), (
                phrase_set.patterns[:3], text)


def pattern_words() -> list[str]:
    """Words of the sets' patterns: generated text then meets real phrases."""
    words = {w for s in phrase_sets() for p in s.patterns for w in re.findall(r"[^\W\d_]+", p)}
    return sorted(w for w in words if len(w) > 1)


SEPARATORS = [" ", " ", " ", "-", "'", "’", "/", ", ", "! ", "?", ".", "", " 2 ", "\n", "ʼ"]
PIECES = ["a", "я", "ї", "ё", "Й", "x1", "42", "n't", "don't", "*", "е-", "_"]


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_every_set_answers_as_before_on_generated_text(data):
    words = st.sampled_from(pattern_words()) | st.sampled_from(PIECES) | st.text(
        alphabet="абвгдеёжзийклмнопрстуфхцчшщыьэюяіїєґabcdefghijklmnopqrstuvwxyz0123456789'-/",
        max_size=6)
    parts = data.draw(st.lists(st.tuples(words, st.sampled_from(SEPARATORS)), max_size=12))
    text = "".join(word.upper() if len(word) % 5 == 0 else word + sep for word, sep in parts)
    for phrase_set in phrase_sets():
        assert answers(phrase_set, text) == reference_answers(reference(phrase_set), text)
