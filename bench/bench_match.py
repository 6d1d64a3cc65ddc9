"""FAQ matching accuracy and latency on knowledge bases of 30, 300 and 1,000 articles.

The bases are the 30 real articles from faq/ plus synthetic per-product articles (see
bench/synthetic_kb.py): distinct (product, problem) pairs with their own titles, keywords
and samples in ru, uk and en, so neighbours are near-duplicates that differ by the
product, as in a real base that grew one article per product or site. For each size it
prints:

- top-1 accuracy on the real labelled phrasings (dev set and the blind tuning part), with
  the committed decision, and the share of their off-topic lines answered: adding
  articles must not make the real questions worse;
- top-1 accuracy on held-out phrasings of the synthetic articles, and how many of them
  were answered directly (the product named: one article clearly fits);
- median and p99 latency of Matcher.match, beside a bare rapidfuzz.process.extractOne over
  all sample questions of the same base in the same run, and the ratio. Latency is the
  CPU time of the calling thread (time.thread_time): on a shared machine wall-clock
  percentiles measure the other processes' load, not the matcher.

    python bench/bench_match.py [--sizes 30,300,1000] [--rounds 2]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from synthetic_kb import Probe, synthetic_base  # noqa: E402

from gateway.knowledge.loader import load_articles  # noqa: E402
from gateway.knowledge.matcher import Matcher  # noqa: E402
from gateway.knowledge.morphology import forget_texts  # noqa: E402

EVAL = ROOT / "tests" / "fixtures" / "eval"


def load_cases() -> list[tuple[str, str, str | None]]:
    """(text, lang, topic) from the dev set and the blind tuning part (never the frozen one)."""
    cases = []
    for file in (EVAL / "faq_dev.jsonl", EVAL / "blind" / "faq_tune.jsonl"):
        for line in file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                cases.append((case["q"], case["lang"], case.get("topic")))
    return cases


def accuracy(matcher: Matcher, cases: list[tuple[str, str, str | None]]) -> tuple[float, float]:
    """Top-1 over on-topic cases and the share of off-topic cases answered."""
    right = on_topic = answered = off_topic = 0
    for text, lang, topic in cases:
        result = matcher.match(text, lang)
        first = result.candidates[0].article.id if result.candidates else None
        if topic is None:
            off_topic += 1
            answered += result.outcome != "none"
        else:
            on_topic += 1
            right += first == topic
    return right / max(on_topic, 1), answered / max(off_topic, 1)


def probe_accuracy(matcher: Matcher, probes: list[Probe]) -> tuple[float, float]:
    """Top-1 on the synthetic articles' held-out phrasings, and the share answered directly."""
    if not probes:
        return float("nan"), float("nan")
    right = direct = 0
    for probe in probes:
        result = matcher.match(probe.text, probe.lang)
        if result.candidates and result.candidates[0].article.id == probe.article_id:
            right += 1
            direct += result.outcome == "answer"
    return right / len(probes), direct / len(probes)


def timings(
    run: Callable[[str, str], object],
    queries: list[tuple[str, str]],
    rounds: int,
    budget: float = float("inf"),
) -> list[float]:
    """CPU milliseconds per call, every query `rounds` times or until `budget` seconds passed."""
    result: list[float] = []
    deadline = time.perf_counter() + budget
    for _ in range(rounds):
        for text, lang in queries:
            start, cpu = time.perf_counter(), time.thread_time()
            run(text, lang)
            result.append((time.thread_time() - cpu) * 1000)
            if start > deadline and len(result) >= 5:
                return result
    return result


def new_message(matcher: Matcher, text: str, lang: str) -> object:
    """Match as a message never seen before: no memoised text or ranking (word lemmas stay
    cached, as they are in a running gateway)."""
    forget_texts()
    matcher.forget()
    return matcher.match(text, lang)


def p99(values: list[float]) -> float:
    return sorted(values)[min(len(values) - 1, int(len(values) * 0.99))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="30,300,1000")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    real = load_articles(ROOT / "faq")
    cases = load_cases()
    queries = [(text, lang) for text, lang, _ in cases]
    print(f"{len(real)} real articles, {len(cases)} labelled real phrasings")
    print("match: Matcher.match; bare: process.extractOne(WRatio) over all sample questions")
    header = (
        f"{'articles':>9} {'build s':>8} {'real top1':>10} {'off-topic':>10} {'synth top1':>11} "
        f"{'direct':>7} {'match p50':>10} {'match p99':>10} {'bare p99':>9} {'p99 ratio':>10}"
    )
    print(header)
    for size in (int(s) for s in args.sizes.split(",")):
        articles, probes = synthetic_base(real, size)
        started = time.perf_counter()
        matcher = Matcher(articles)
        build = time.perf_counter() - started
        real_top1, off_topic = accuracy(matcher, cases)
        synth_top1, direct = probe_accuracy(matcher, probes)
        workload = queries + [(p.text, p.lang) for p in probes[:300]]
        ours = timings(partial(new_message, matcher), workload, args.rounds)
        questions = [q for a in articles for qs in a.questions.values() for q in qs]
        # The bare scan is slow on big bases: it gets a time budget, not every query.
        bare = timings(
            lambda text, _lang, choices=questions: process.extractOne(
                text, choices, scorer=fuzz.WRatio
            ),
            workload,
            1,
            budget=3.0,
        )
        print(
            f"{size:>9} {build:>8.2f} {real_top1:>9.1%} {off_topic:>9.1%} {synth_top1:>10.1%} "
            f"{direct:>6.1%} {statistics.median(ours):>8.3f}ms {p99(ours):>8.3f}ms "
            f"{p99(bare):>7.3f}ms {p99(ours) / p99(bare):>10.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
