"""The shipped knowledge base covers every topic, in every language, with real answers."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from evaldata import EVAL_DIR

from gateway.knowledge.articles import LANGUAGES, Article
from gateway.knowledge.loader import check_articles, load_articles

ROOT = Path(__file__).resolve().parents[2]
TOPICS = EVAL_DIR / "topics.yaml"


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    return {a.id: a for a in load_articles(ROOT / "faq")}


def test_shipped_base_is_valid() -> None:
    assert check_articles(ROOT / "faq") == []


def test_every_topic_has_an_article_with_its_group_and_kind(articles: dict[str, Article]) -> None:
    topics = yaml.safe_load(TOPICS.read_text(encoding="utf-8"))["topics"]
    assert len(topics) == 30
    for topic in topics:
        article = articles.get(topic["id"])
        assert article is not None, f"no article for topic {topic['id']}"
        assert (article.group, article.kind) == (topic["group"], topic["kind"]), topic["id"]


def test_each_article_speaks_all_languages(articles: dict[str, Article]) -> None:
    for article in articles.values():
        for lang in LANGUAGES:
            assert article.title[lang], (article.id, lang)
            assert len(article.questions[lang]) >= 5, (article.id, lang)
            assert len(set(article.questions[lang])) == len(article.questions[lang])
            assert article.keywords[lang], (article.id, lang)


def test_faq_answers_are_numbered_steps_with_what_to_send(articles: dict[str, Article]) -> None:
    # The last paragraph says what to send if the steps did not help.
    asks_for = {
        "ru": ("пришлите", "напишите", "укажите"),
        "uk": ("надішліть", "напишіть", "вкажіть"),
        "en": ("send", "write", "give"),
    }
    for article in articles.values():
        if article.escalates:
            assert article.answer is None and article.answer_for("ru") is None
            continue
        for lang in LANGUAGES:
            answer = article.answer_for(lang) or ""
            assert answer.startswith("1. ") and "\n2. " in answer and "\n3. " in answer
            last = answer.splitlines()[-1].lower()
            assert any(verb in last for verb in asks_for[lang]), (article.id, lang)


def test_ukrainian_answers_are_not_russian(articles: dict[str, Article]) -> None:
    for article in articles.values():
        if article.answer:
            assert not set("ыэъё") & set(article.answer["uk"].lower()), article.id
            assert set("іїє") & set(article.answer["uk"].lower()), article.id
