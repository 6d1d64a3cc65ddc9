"""A message's clauses, as the ranker's readers of them see them."""

from __future__ import annotations

import pytest

from gateway.knowledge import clauses
from gateway.knowledge.clauses import clause_spans, directions, ruled_out, said_fine
from gateway.knowledge.morphology import tokens


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("пошта не надсилає, а вхідні приходять", "uk"),
        ("комп не выдаёт звук, а видео идёт", "ru"),
        ("клиенты говорят, что отправили, а у меня ничего нет", "ru"),
        ("outgoing mail is stuck, but incoming arrives", "en"),
    ],
)
def test_one_rankings_readers_of_the_clauses_read_them_once(
    text: str, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What is said to work, what is ruled out, who does what and where each clause is are
    all read from the same clauses: a chat-sized text is cut and its clauses read once, and
    each reader answers as it did."""
    words = tokens(text, lang)
    expected = (
        said_fine(text, lang, words),
        ruled_out(text, lang, words),
        directions(text, lang, words),
        clause_spans(text, lang, words),
    )
    calls: list[str] = []
    real = clauses.tokens

    def counted(part: str, *args):  # type: ignore[no-untyped-def]
        calls.append(part)
        return real(part, *args)

    monkeypatch.setattr(clauses, "tokens", counted)
    again = (
        said_fine(text, lang, words),
        ruled_out(text, lang, words),
        directions(text, lang, words),
        clause_spans(text, lang, words),
    )
    assert again == expected
    assert calls == []
    # a text normalised otherwise than its words still has no clauses to answer in
    assert clause_spans(text, lang, words[:-1]) == []
