"""A vocabulary word list is said in any form of its words, in ru, uk and en."""

from __future__ import annotations

from gateway.knowledge.morphology import tokens
from gateway.knowledge.wordlists import said, with_lemmas


def test_a_list_word_is_said_in_any_of_its_forms() -> None:
    windows = with_lemmas(frozenset({"окно", "вікно", "window"}))
    for text, lang in (
        ("нет окон", "ru"),
        ("вікна не відчиняються", "uk"),
        ("the window is stuck", "en"),
    ):
        assert any(said(t, windows) for t in tokens(text, lang)), text
    assert not any(said(t, windows) for t in tokens("дверь не закрывается", "ru"))
