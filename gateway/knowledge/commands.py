"""What `firstline faq check|match` and `firstline eval faq` do; each returns an exit code."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import TYPE_CHECKING

from gateway.knowledge.evaluation import (
    DEV_FILE,
    FOLDS,
    FROZEN_FILES,
    TUNING_FILES,
    committed_negatives,
    evaluate,
    fit_committed,
    load_cases,
    pooled,
    print_table,
    protocol_figures,
)
from gateway.knowledge.gaps import cluster, misses, render
from gateway.knowledge.loader import KnowledgeBaseError, check_articles, load_articles
from gateway.knowledge.matcher import Matcher
from gateway.knowledge.morphology import texts_kept
from gateway.triage.language import detect_language

if TYPE_CHECKING:
    from gateway.knowledge.articles import Article
    from gateway.store import Store

GAPS_SCAN = 5000  # the most recent tickets `faq gaps` looks through
# Texts read once and kept through `eval faq`: the knowledge base's and every labelled line.
EVAL_TEXTS_KEPT = 32768
# How a part decided by the other parts and dev only is titled (evaluation.protocol_figures).
LEFT_OUT = "left out (one writer: decided by the other parts and dev)"


def faq_check(path: Path) -> int:
    """Print every problem with the article files, or "OK: N articles"."""
    problems = check_articles(path)
    if problems:
        for problem in problems:
            print(problem)
        print(f"{len(problems)} problem(s) in {path}")
        return 1
    print(f"OK: {len(load_articles(path))} articles in {path}")
    return 0


def faq_match(path: Path, text: str, lang: str | None, top: int = 5) -> int:
    """Print the outcome for `text` and the best `top` candidates as JSON."""
    try:
        matcher = Matcher(load_articles(path))
    except KnowledgeBaseError as exc:
        print(exc)
        return 1
    result = matcher.match(text, lang)
    shown = lang or detect_language(text)
    report = {
        "outcome": result.outcome,
        "chosen": [c.article.id for c in result.candidates],
        "candidates": [
            {"topic": c.article.id, "score": c.score, "title": c.article.title_for(shown)}
            for c in matcher.rank(text, lang, top)
        ],
    }
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0


def eval_faq(path: Path, eval_file: Path | None, eval_dir: Path, refit: bool = False) -> int:
    """Print accuracy per language: one file with the committed decision, or the protocol.

    Without a file: the dev set, each tuning part by cross-validation and left out (its
    writer unseen), both pooled, and the frozen parts
    (see gateway/knowledge/evaluation.py). With `refit` the decision is first fitted on the
    tuning parts and the dev set and written to decision.json, the domain model's line
    counts to domain.json.
    """
    articles = load_articles(path)
    if eval_file is not None:
        print_table(str(eval_file), evaluate(Matcher(articles), load_cases(eval_file)))
        return 0
    with texts_kept(EVAL_TEXTS_KEPT):
        _protocol(articles, eval_dir, refit)
    return 0


def _protocol(articles: list[Article], eval_dir: Path, refit: bool) -> None:
    """The dev set, each tuning part cross-validated, the frozen parts' figures; first the
    refit when asked for."""
    dev = load_cases(eval_dir / DEV_FILE)
    tuning = {
        name: load_cases(eval_dir / name) for name in TUNING_FILES if (eval_dir / name).exists()
    }
    negatives = committed_negatives(eval_dir)
    if refit:
        decision, counts = fit_committed(articles, {**tuning, DEV_FILE: dev}, negatives)
        decision.save()
        counts.save()
        lines = sum(len(cases) for cases in tuning.values())
        print(f"decision and domain model fitted on {lines} tuning + {len(dev)} dev lines", end="")
        if negatives:
            probes = sum(c.topic is None for cases in negatives.files.values() for c in cases)
            weighed = f"at {negatives.weight} a line ({negatives.place})"
            print(f" + {probes} probe off-topic lines {weighed}", end="")
        print(", saved")
    matcher = Matcher(articles)
    print_table(f"dev set {eval_dir / DEV_FILE}", evaluate(matcher, dev))
    figures = protocol_figures(matcher, tuning, dev, negatives=negatives)
    for name, tallies in figures.folds.items():
        print_table(f"tuning part {eval_dir / name}, {FOLDS}-fold cross-validated", tallies)
    for name, tallies in figures.left_out.items():
        print_table(f"tuning part {eval_dir / name}, {LEFT_OUT}", tallies, False)
    print_table(
        f"tuning parts pooled, {FOLDS}-fold cross-validated", pooled(figures.folds.values())
    )
    print_table(f"tuning parts pooled, {LEFT_OUT}", pooled(figures.left_out.values()))
    for name in FROZEN_FILES:
        frozen = eval_dir / name
        if frozen.exists():
            # Only the figures: authors must not tune articles on a frozen part's misses.
            print_table(f"frozen part {frozen}", evaluate(matcher, load_cases(frozen)), False)


async def faq_gaps(store: Store, days: float, as_json: bool, now: float | None = None) -> int:
    """Print the questions the bot could not answer (or the user said "no" to), clustered."""
    since = (time.time() if now is None else now) - days * 86400
    tickets = await store.tickets.recent(limit=GAPS_SCAN)
    print(render(cluster(misses(tickets, since)), days, as_json))
    return 0
