"""FAQ matching latency on knowledge bases of 50, 1,000 and 10,000 articles.

The bases are the real articles from faq/ plus generated variants: each variant copies a
real article under a new id and adds made-up product and module names to its keywords and
sample questions, so the vocabulary grows the way a real base does. For each size it prints
the median and p99 latency of Matcher.match over real user phrasings (the dev and held-out
evaluation files), and beside it a bare rapidfuzz.process.extractOne over all sample
questions of the same base in the same run, with the ratio matcher/bare. The bare scan gets
a time budget (at least 5 calls), since one call takes seconds at 10,000 articles. Build
times are optimistic: variants share their texts, which the matcher normalises only once.

    python bench/bench_match.py [--sizes 50,1000,10000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gateway.knowledge.articles import LANGUAGES, Article  # noqa: E402
from gateway.knowledge.loader import load_articles  # noqa: E402
from gateway.knowledge.matcher import Matcher  # noqa: E402

_SYLLABLES = {
    lang: tuple(text.split())
    for lang, text in {
        "ru": "ка ло ми ре су та ни во ст пр кр за де бо ку ле",
        "uk": "ка ло мі ре су та ні во ст пр кр за де бо ку лі",
        "en": "ka lo mi re su ta ni vo st pr kr za de bo ku le",
    }.items()
}
_TEMPLATES = {
    "ru": "не работает {} в модуле {}",
    "uk": "не працює {} у модулі {}",
    "en": "{} fails in the {} module",
}


def synthetic_base(real: list[Article], size: int, rng: random.Random) -> list[Article]:
    """The real articles plus variants with made-up names, `size` articles in all."""
    articles = list(real[:size])
    while len(articles) < size:
        source = real[len(articles) % len(real)]
        names = {lang: [_word(lang, rng) for _ in range(3)] for lang in LANGUAGES}
        articles.append(
            replace(
                source,
                id=f"{source.id}_{len(articles)}",
                keywords={lang: (*source.keywords[lang], *names[lang][:2]) for lang in LANGUAGES},
                questions={
                    lang: (
                        *source.questions[lang],
                        _TEMPLATES[lang].format(names[lang][0], names[lang][2]),
                    )
                    for lang in LANGUAGES
                },
            )
        )
    return articles


def _word(lang: str, rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES[lang]) for _ in range(rng.randint(2, 4)))


def load_queries() -> list[tuple[str, str]]:
    """User phrasings with their language from the dev and held-out evaluation files."""
    files = [
        next(
            p
            for p in (ROOT.parent / "shared" / "eval", ROOT / "tests" / "fixtures" / "eval")
            if (p / "faq_dev.jsonl").exists()
        )
        / "faq_dev.jsonl",
        ROOT / "tests" / "knowledge" / "heldout.jsonl",
    ]
    queries = []
    for file in files:
        if file.exists():
            for line in file.read_text(encoding="utf-8").splitlines():
                case = json.loads(line)
                queries.append((case["q"], case["lang"]))
    return queries


def timings(
    run: Callable[[str, str], object],
    queries: list[tuple[str, str]],
    rounds: int,
    budget: float = float("inf"),
) -> list[float]:
    """Milliseconds per call, every query `rounds` times or until `budget` seconds passed."""
    result: list[float] = []
    deadline = time.perf_counter() + budget
    for _ in range(rounds):
        for text, lang in queries:
            start = time.perf_counter()
            run(text, lang)
            result.append((time.perf_counter() - start) * 1000)
            if start > deadline and len(result) >= 5:
                return result
    return result


def p99(values: list[float]) -> float:
    return sorted(values)[min(len(values) - 1, int(len(values) * 0.99))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50,1000,10000")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    real = load_articles(ROOT / "faq")
    queries = load_queries()
    rng = random.Random(417)
    print(f"{len(real)} real articles, {len(queries)} queries x {args.rounds} rounds")
    print("match: Matcher.match; bare: process.extractOne(WRatio) over all sample questions")
    header = (
        f"{'articles':>9} {'build s':>8} {'match p50':>10} {'match p99':>10} "
        f"{'bare p50':>9} {'bare p99':>9} {'bare n':>7} {'p99 ratio':>10}"
    )
    print(header)
    for size in (int(s) for s in args.sizes.split(",")):
        articles = synthetic_base(real, size, rng)
        started = time.perf_counter()
        matcher = Matcher(articles)
        build = time.perf_counter() - started
        questions = [q for a in articles for qs in a.questions.values() for q in qs]
        ours = timings(matcher.match, queries, args.rounds)
        # The bare scan is slow on big bases: it gets a time budget, not every query.
        bare = timings(
            lambda text, _lang, choices=questions: process.extractOne(
                text, choices, scorer=fuzz.WRatio
            ),
            queries,
            args.rounds,
            budget=3.0,
        )
        print(
            f"{size:>9} {build:>8.2f} {statistics.median(ours):>8.3f}ms {p99(ours):>8.3f}ms "
            f"{statistics.median(bare):>7.3f}ms {p99(bare):>7.3f}ms {len(bare):>7} "
            f"{p99(ours) / p99(bare):>10.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
