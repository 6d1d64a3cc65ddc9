"""Loading and validating article files: what an IT team sees when a file is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from gateway.knowledge.loader import KnowledgeBaseError, check_articles, load_articles

VALID = """\
id: toner_low
group: hardware
kind: faq
answer_type: steps
title: {ru: Мало тонера, uk: Мало тонера, en: Low toner}
answer:
  ru: "1. Замените картридж."
  uk: "1. Замініть картридж."
  en: "1. Replace the cartridge."
questions:
  ru: [заканчивается тонер]
  uk: [закінчується тонер]
  en: [toner is low]
keywords:
  ru: [тонер]
  uk: [тонер]
  en: [toner]
"""


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_valid_file_loads_with_every_field(tmp_path: Path) -> None:
    write(tmp_path, "team/toner_low.yaml", VALID)
    [article] = load_articles(tmp_path)
    assert article.id == "toner_low"
    assert article.title_for("uk") == "Мало тонера"
    assert article.answer_for("en") == "1. Replace the cartridge."
    assert article.questions["ru"] == ("заканчивается тонер",)
    assert article.keywords["en"] == ("toner",)
    assert check_articles(tmp_path) == []


def test_missing_language_names_file_and_field(tmp_path: Path) -> None:
    path = write(tmp_path, "toner.yaml", VALID.replace('  uk: "1. Замініть картридж."\n', ""))
    assert check_articles(tmp_path) == [
        f"{path}: answer.uk: missing language (every article needs ru, uk and en)"
    ]


def test_duplicate_id_names_both_files(tmp_path: Path) -> None:
    first = write(tmp_path, "a.yaml", VALID)
    second = write(tmp_path, "b.yaml", VALID)
    assert check_articles(tmp_path) == [
        f"{second}: id: duplicate id 'toner_low', also used in {first}"
    ]


def test_unknown_group_and_kind(tmp_path: Path) -> None:
    text = VALID.replace("group: hardware", "group: catering").replace("kind: faq", "kind: memo")
    write(tmp_path, "x.yaml", text)
    problems = check_articles(tmp_path)
    assert any("group: 'catering' is not one of accounts, hardware" in p for p in problems)
    assert any("kind: 'memo' is not one of faq, escalate" in p for p in problems)


def test_faq_without_answer_and_escalate_with_answer(tmp_path: Path) -> None:
    answer = 'answer:\n  ru: "1. Замените картридж."\n  uk: "1. Замініть картридж."\n'
    answer += '  en: "1. Replace the cartridge."\n'
    write(tmp_path, "faq.yaml", VALID.replace(answer, ""))
    escalate = VALID.replace("id: toner_low", "id: other").replace("kind: faq", "kind: escalate")
    write(tmp_path, "esc.yaml", escalate)
    problems = check_articles(tmp_path)
    assert (
        f"{tmp_path / 'faq.yaml'}: answer: missing (a faq article needs an answer in ru, uk and en)"
        in problems
    )
    assert (
        f"{tmp_path / 'esc.yaml'}: answer: an escalate article must not have an answer "
        "(it leads to a ticket)" in problems
    )


def test_empty_questions(tmp_path: Path) -> None:
    path = write(tmp_path, "x.yaml", VALID.replace("en: [toner is low]", "en: []"))
    assert check_articles(tmp_path) == [
        f"{path}: questions.en: empty or missing (give at least one phrase)"
    ]


def test_yaml_syntax_error_reports_line(tmp_path: Path) -> None:
    broken = VALID.replace("questions:\n  ru: [", "questions:\n  ru: [[", 1)
    path = write(tmp_path, "x.yaml", broken)
    [problem] = check_articles(tmp_path)
    assert problem.startswith(f"{path}: line ")
    assert "YAML syntax error" in problem


def test_unknown_field_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "x.yaml", VALID + "questons: {}\n")
    [problem] = check_articles(tmp_path)
    assert problem.startswith(f"{path}: questons: unknown field")


def test_load_raises_with_every_problem(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", VALID.replace("group: hardware", "group: nope"))
    write(tmp_path, "b.yaml", "id: [broken\n")
    with pytest.raises(KnowledgeBaseError) as caught:
        load_articles(tmp_path)
    assert len(caught.value.problems) == 2
    assert "group: 'nope'" in str(caught.value)
    assert "YAML syntax error" in str(caught.value)


def test_missing_or_empty_directory(tmp_path: Path) -> None:
    assert check_articles(tmp_path / "nowhere") == [
        f"{tmp_path / 'nowhere'}: not a directory with article files"
    ]
    assert check_articles(tmp_path) == [f"{tmp_path}: no article files (*.yaml) found"]
