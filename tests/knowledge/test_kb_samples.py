"""A user's question becomes a sample question only when the evaluation does not get worse."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from gateway.knowledge.loader import load_articles
from gateway.knowledge.samples import SampleError, review_sample

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT / "tests" / "fixtures" / "eval"


@pytest.fixture
def base(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the knowledge base and a small evaluation set (dev + tuning lines)."""
    faq = tmp_path / "faq"
    shutil.copytree(ROOT / "faq", faq)
    sets = tmp_path / "eval"
    (sets / "blind").mkdir(parents=True)
    dev = (EVAL / "faq_dev.jsonl").read_text("utf-8").splitlines()
    tune = (EVAL / "blind" / "faq_tune.jsonl").read_text("utf-8").splitlines()
    off_topic = [line for line in tune if json.loads(line)["topic"] is None]
    (sets / "faq_dev.jsonl").write_text("\n".join(dev[::3]) + "\n", "utf-8")
    (sets / "blind" / "faq_tune.jsonl").write_text(
        "\n".join(tune[::6] + off_topic) + "\n", "utf-8"
    )
    return faq, sets


def test_a_good_question_is_written_into_the_article(base: tuple[Path, Path]) -> None:
    faq, sets = base
    review = review_sample(faq, sets, "printer_offline", "ru", "принтер пишет: автономная работа")
    assert review.added, review
    assert review.after is not None and review.before is not None
    assert review.after.at_least(review.before)
    article = next(a for a in load_articles(faq) if a.id == "printer_offline")
    assert article.questions["ru"][-1] == "принтер пишет: автономная работа"
    again = review_sample(faq, sets, "printer_offline", "ru", "принтер  пишет: автономная работа")
    assert not again.added and again.reason == "already a sample question of this article"


def test_a_question_that_makes_the_eval_worse_is_refused(base: tuple[Path, Path]) -> None:
    faq, sets = base
    before = (faq / "app_wont_start.yaml").read_text("utf-8")
    # Close to an off-topic line of the tuning part ("my car won't start in the parking
    # lot"): as a sample of the app article it makes the evaluation worse.
    sample = "my car will not start in the parking lot"
    review = review_sample(faq, sets, "app_wont_start", "en", sample)
    assert not review.added
    assert review.reason == "the evaluation would get worse"
    assert review.before is not None and review.after is not None
    assert not review.after.at_least(review.before)
    assert (faq / "app_wont_start.yaml").read_text("utf-8") == before


def test_unknown_article_or_empty_question(base: tuple[Path, Path]) -> None:
    faq, sets = base
    with pytest.raises(SampleError, match="no article"):
        review_sample(faq, sets, "coffee_machine", "ru", "кофе")
    with pytest.raises(SampleError, match="question"):
        review_sample(faq, sets, "printer_offline", "ru", "   ")
