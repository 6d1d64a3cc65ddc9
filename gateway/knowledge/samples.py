"""Adding a user's real question to an article, reviewed by the evaluation first.

An operator who resolved a ticket can offer the user's first message as a new sample
question of an article. The change is kept only when the evaluation is not worse with it
than without: top-1 on the dev set, cross-validated top-1 on the blind tuning part, and
the share of off-topic lines answered (faq/README.md, "Evaluation protocol"). Then the
question is written into the article's file; the running gateway reloads it.
"""

from __future__ import annotations

import asyncio
import fcntl
import multiprocessing
import re
from collections.abc import AsyncIterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from gateway.knowledge.articles import LANGUAGES, Article
from gateway.knowledge.evaluation import (
    DEV_FILE,
    TUNE_FILE,
    Case,
    Tally,
    cross_validate,
    evaluate,
    load_cases,
)
from gateway.knowledge.loader import article_files, check_articles, load_articles
from gateway.knowledge.matcher import Matcher

MAX_QUESTION = 300
LOCK_FILE = ".samples.lock"  # in the FAQ folder: one review at a time on this host
LOCK_POLL_SECONDS = 0.05


@dataclass(frozen=True)
class Score:
    """The figures a sample question must not make worse."""

    dev_top1: float
    tune_top1: float
    off_topic_answered: float

    def at_least(self, other: Score) -> bool:
        """Not worse than `other` on any figure."""
        return (
            self.dev_top1 >= other.dev_top1
            and self.tune_top1 >= other.tune_top1
            and self.off_topic_answered <= other.off_topic_answered
        )


@dataclass(frozen=True)
class SampleReview:
    """What happened to a proposed sample question, with the figures before and after."""

    added: bool
    reason: str
    before: Score | None = None
    after: Score | None = None


class SampleError(ValueError):
    """The proposal cannot be reviewed (unknown article, empty or duplicate question)."""


@asynccontextmanager
async def one_review_at_a_time(faq_dir: Path) -> AsyncIterator[None]:
    """Hold the FAQ folder's sample lock (every process of this host) while inside.

    A review reads the base, evaluates it with the question and appends the question:
    two at once could both find it missing and both append it. Waited for without
    blocking the loop (a request given up while waiting holds nothing)."""
    with open(faq_dir / LOCK_FILE, "a+b") as lock:
        while True:
            try:
                fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                await asyncio.sleep(LOCK_POLL_SECONDS)
        try:
            yield
        finally:
            fcntl.flock(lock.fileno(), fcntl.LOCK_UN)


async def review_apart(
    faq_dir: Path, eval_dir: Path, article_id: str, lang: str, question: str
) -> SampleReview:
    """`review_sample` in a Python process of its own, started afresh (spawned, not forked).

    The review is minutes of CPU, and its cross-validation forks a pool of its own. Run in
    the serving process, a forked pool worker inherited the event loop's signal wake-up
    socket: the pool's SIGTERM to its workers at the end reached serve as its own, and the
    gateway stopped (with a worker that forked while a lock was held, it never exited).
    Apart, serve's loop is never starved by the review nor holds its words."""
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
    try:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            pool, review_sample, faq_dir, eval_dir, article_id, lang, question
        )
    finally:
        pool.shutdown(wait=False)


def review_sample(
    faq_dir: Path, eval_dir: Path, article_id: str, lang: str, question: str
) -> SampleReview:
    """Evaluate the base with and without `question`; write it to the article if not worse.
    Callers run it inside `one_review_at_a_time` (the check and the write are one step)."""
    question = " ".join(question.split())
    if not question or len(question) > MAX_QUESTION:
        raise SampleError(f"question: 1 to {MAX_QUESTION} characters")
    if lang not in LANGUAGES:
        raise SampleError(f"lang: one of {', '.join(LANGUAGES)}")
    articles = load_articles(faq_dir)
    found = [a for a in articles if a.id == article_id]
    if not found:
        raise SampleError(f"article: no article {article_id!r}")
    article = found[0]
    if question.lower() in (q.lower() for q in article.questions[lang]):
        return SampleReview(False, "already a sample question of this article")
    dev = load_cases(eval_dir / DEV_FILE)
    tune = load_cases(eval_dir / TUNE_FILE)
    before = _score(articles, dev, tune)
    grown = replace(
        article, questions={**article.questions, lang: (*article.questions[lang], question)}
    )
    after = _score([grown if a.id == article_id else a for a in articles], dev, tune)
    if not after.at_least(before):
        return SampleReview(False, "the evaluation would get worse", before, after)
    file = _article_file(faq_dir, article_id)
    original = file.read_text(encoding="utf-8")
    _append_question(file, lang, question)
    if check_articles(faq_dir):  # never leave a broken base behind
        file.write_text(original, encoding="utf-8")
        return SampleReview(False, "the article file could not take the question", before, after)
    return SampleReview(True, "added", before, after)


def _score(articles: list[Article], dev: list[Case], tune: list[Case]) -> Score:
    matcher = Matcher(articles)
    dev_tally = evaluate(matcher, dev)["all"]
    tune_tally = cross_validate(matcher, tune, dev)["all"]
    off_topic = _off_topic(dev_tally, tune_tally)
    return Score(
        float(dev_tally.summary()["top1_accuracy"]),
        float(tune_tally.summary()["top1_accuracy"]),
        off_topic,
    )


def _off_topic(*tallies: Tally) -> float:
    lines = sum(t.off_topic for t in tallies)
    return round(sum(t.wrongly_answered for t in tallies) / lines, 4) if lines else 0.0


def _article_file(faq_dir: Path, article_id: str) -> Path:
    for file in article_files(faq_dir):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        if isinstance(data, dict) and data.get("id") == article_id:
            return file
    raise SampleError(f"article: no file for {article_id!r}")


def _append_question(file: Path, lang: str, question: str) -> None:
    """Add one line to the article's question list, keeping the rest of the file as it is."""
    lines = file.read_text(encoding="utf-8").split("\n")
    start = lines.index("questions:")
    at = next(i for i in range(start + 1, len(lines)) if re.match(rf"\s+{lang}:\s*$", lines[i]))
    indent = " " * (len(lines[at]) - len(lines[at].lstrip()) + 2)
    end = at + 1
    while end < len(lines) and lines[end].startswith(f"{indent}- "):
        end += 1
    lines.insert(end, f"{indent}- {_scalar(question)}")
    file.write_text("\n".join(lines), encoding="utf-8")


def _scalar(text: str) -> str:
    """`text` as one YAML scalar on one line, quoted when YAML needs it."""
    return yaml.safe_dump(text, allow_unicode=True, width=1_000_000).splitlines()[0]
