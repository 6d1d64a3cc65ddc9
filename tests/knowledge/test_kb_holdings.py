"""What a mapped drive holds, said after it is gone, is what is at stake, not what is wrong."""

from __future__ import annotations

import pytest
from kbanswers import answered

from gateway.knowledge.clauses import clause_spans
from gateway.knowledge.holdings import held_on_drive
from gateway.knowledge.matcher import Matcher
from gateway.knowledge.morphology import tokens


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("пропав диск P після вихідних, а там усі файли відділу", "uk"),
        ("диск S пропал из «Этот компьютер», а там вся бухгалтерия склада", "ru"),
        ("диск Z исчез, а там все документы отдела", "ru"),
    ],
)
def test_what_a_gone_drive_holds_is_no_word_of_the_problem(
    matcher: Matcher, text: str, lang: str
) -> None:
    # The files were the recovery article's, the department or the accounting with "all"
    # the outage's crowd: the drive that went was answered otherwise or offered among them.
    assert answered(matcher, text, lang) == "shared_drive_access"


def held(text: str, lang: str) -> list[str]:
    words = tokens(text, lang)
    return [words[i].word for i in sorted(held_on_drive(words, clause_spans(text, lang, words)))]


def test_the_clause_of_what_a_drive_holds() -> None:
    assert held("зник диск S, а там всі документи відділу", "uk") == [
        "там",
        "все",
        "документи",
        "відділу",
    ]
    # No mapped drive named: a phone's codes are the second factor lost with it.
    assert held("уронил телефон в трещину, а там все коды для входа", "ru") == []
    # A denial says what is wrong: the drive is there and empty.
    assert held("диск Z на месте, а там всё пусто и ничего нет", "ru") == []
