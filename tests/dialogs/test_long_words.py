"""A message of one very long word costs a turn time in proportion to its length.

Outside pass (hard-out19): a Viber message of 100,000 letters (Viber and mail bound no
length; the web chat allows 4,000) stopped the gateway: three patterns were tried at every
position inside a word and backtracked over the rest of it, so a turn cost time quadratic in
the word's length (4,000 letters: 2.5 s of CPU, 8,000: 7.6 s; the serving process, whose
worker took the turn, answered nothing for more than ten minutes). Each now starts only
where a word starts, as its leftmost match always did.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from dialogs.driver import Chat
from gateway.dialogs.engine import DialogEngine
from gateway.knowledge.library import KnowledgeLibrary
from gateway.triage.sla import SlaPolicy

FAQ = Path(__file__).resolve().parents[2] / "faq"


@pytest.fixture(scope="module")
def library() -> KnowledgeLibrary:
    return KnowledgeLibrary(FAQ)


@pytest.mark.parametrize(
    "word",
    [
        "я" * 30_000,  # one Cyrillic word (was quadratic in the product-model pattern)
        "a" * 30_000,  # one Latin word (in the label pattern of impact)
        "абв-" * 7_500,  # hyphenated parts (in the department pattern of routing)
    ],
    ids=["cyrillic", "latin", "hyphens"],
)
def test_one_long_word_is_answered_in_time_in_proportion_to_it(
    library: KnowledgeLibrary, word: str
) -> None:
    chat = Chat(DialogEngine(library, SlaPolicy.default()))
    chat.send("привет")
    began = time.process_time()
    chat.send(word)
    took = time.process_time() - began
    assert chat.text, "answered"
    # about 0.3 s here; the quadratic patterns took minutes at this length (2.5 s at 4,000)
    assert took < 10, f"one turn took {took:.1f} s of CPU"
