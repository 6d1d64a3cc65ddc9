"""The running gateway picks up edited articles without a restart."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from gateway.knowledge import dictionaries, morphology
from gateway.knowledge.library import KnowledgeLibrary
from gateway.knowledge.loader import KnowledgeBaseError

ARTICLE = """\
id: {id}
group: hardware
kind: faq
answer_type: steps
title: {{ru: "{word}", uk: "{word}", en: "{word}"}}
answer: {{ru: "1. {answer}", uk: "1. {answer}", en: "1. {answer}"}}
questions: {{ru: ["{word} не работает"], uk: ["{word} не працює"], en: ["{word} is broken"]}}
keywords: {{ru: ["{word}"], uk: ["{word}"], en: ["{word}"]}}
"""


def write(path: Path, article_id: str, word: str, answer: str = "Перезагрузите.") -> None:
    text = ARTICLE.format(id=article_id, word=word, answer=answer)
    path.write_text(text, encoding="utf-8")
    # Make the change visible to an mtime scan even within the same clock tick.
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


@pytest.fixture
def library(tmp_path: Path) -> KnowledgeLibrary:
    write(tmp_path / "plotter.yaml", "plotter", "плоттер")
    return KnowledgeLibrary(tmp_path)


def test_loads_and_matches(library: KnowledgeLibrary) -> None:
    assert [a.id for a in library.articles] == ["plotter"]
    assert library.article("plotter") is not None
    assert library.article("nope") is None
    assert library.match("плоттер не работает", "ru").outcome == "answer"


def test_unchanged_files_are_not_reloaded(library: KnowledgeLibrary) -> None:
    assert library.reload_if_changed() is False


def test_new_and_edited_files_are_picked_up(library: KnowledgeLibrary, tmp_path: Path) -> None:
    (tmp_path / "team").mkdir()
    write(tmp_path / "team" / "badge.yaml", "badge_reader", "считыватель")
    assert library.reload_if_changed() is True
    assert library.match("считыватель не работает", "ru").candidates[0].article.id == "badge_reader"

    write(tmp_path / "plotter.yaml", "plotter", "плоттер", answer="Замените бумагу.")
    assert library.reload_if_changed() is True
    assert library.article("plotter").answer_for("ru") == "1. Замените бумагу."  # type: ignore[union-attr]

    (tmp_path / "team" / "badge.yaml").unlink()
    assert library.reload_if_changed() is True
    assert library.article("badge_reader") is None


def test_broken_edit_keeps_the_old_base(
    library: KnowledgeLibrary, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "plotter.yaml").write_text("id: plotter\ngroup: [oops\n", encoding="utf-8")
    with caplog.at_level(logging.ERROR, logger="gateway.knowledge.library"):
        assert library.reload_if_changed() is False
    assert "YAML syntax error" in caplog.text
    assert library.match("плоттер не работает", "ru").outcome == "answer"
    # The same broken files are not re-read on every scan.
    assert library.reload_if_changed() is False

    write(tmp_path / "plotter.yaml", "plotter", "плоттер", answer="Исправлено.")
    assert library.reload_if_changed() is True
    assert library.article("plotter").answer_for("en") == "1. Исправлено."  # type: ignore[union-attr]


def test_explicit_reload(library: KnowledgeLibrary) -> None:
    assert library.reload() is True


def test_invalid_base_at_start_fails_fast(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("id: a\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="group"):
        KnowledgeLibrary(tmp_path)


def test_a_text_matched_before_a_reload_is_matched_against_the_new_base(
    library: KnowledgeLibrary, tmp_path: Path
) -> None:
    """Rankings are memoised on the normalised words, per loaded base: the same question
    asked after an edit finds the new article, and spelling or case never changes it."""
    assert library.match("Считыватель НЕ работает!!", "ru").outcome == "none"
    write(tmp_path / "badge.yaml", "badge_reader", "считыватель")
    assert library.reload_if_changed() is True
    found = library.match("Считыватель НЕ работает!!", "ru")
    assert found.outcome == "answer" and found.candidates[0].article.id == "badge_reader"
    assert library.match("считыватель не работает", "ru") == found


def test_a_library_that_indexes_late_checks_its_files_now_and_reads_words_at_the_first_match(
    tmp_path: Path,
) -> None:
    """What serve beside its worker processes holds: the articles, checked at start and
    reloaded when edited, and no dictionaries until something is matched."""
    (tmp_path / "a.yaml").write_text("id: a\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="group"):
        KnowledgeLibrary(tmp_path, index_now=False)
    (tmp_path / "a.yaml").unlink()
    write(tmp_path / "plotter.yaml", "plotter", "плоттер")
    morphology.release()
    library = KnowledgeLibrary(tmp_path, index_now=False)
    write(tmp_path / "badge.yaml", "badge_reader", "считыватель")
    assert library.reload_if_changed() is True
    assert [a.id for a in library.articles] == ["badge_reader", "plotter"]
    assert dictionaries.count_loaded() == 0
    found = library.match("считыватель не работает", "ru")
    assert found.outcome == "answer" and found.candidates[0].article.id == "badge_reader"
    assert dictionaries.count_loaded() > 0
