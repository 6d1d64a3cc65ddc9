"""What `firstline faq check|match` and `firstline eval faq` do; each returns an exit code."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from gateway.knowledge.articles import LANGUAGES
from gateway.knowledge.loader import KnowledgeBaseError, check_articles, load_articles
from gateway.knowledge.matcher import Matcher
from gateway.triage.language import detect_language


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


@dataclass
class _Tally:
    answerable: int = 0
    top1: int = 0
    exact: int = 0
    choices: int = 0
    off_topic: int = 0
    wrongly_answered: int = 0
    misses: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, float | int]:
        return {
            "answerable": self.answerable,
            "top1_accuracy": _share(self.top1, self.answerable),
            "answer_exact": _share(self.exact, self.answerable),
            "choices_top1": _share(self.choices, self.answerable),
            "off_topic": self.off_topic,
            "off_topic_answered": _share(self.wrongly_answered, self.off_topic),
        }


def eval_faq(path: Path, eval_file: Path) -> int:
    """Print top-1 accuracy and wrongly answered off-topic share, overall and per language."""
    matcher = Matcher(load_articles(path))
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    for number, line in enumerate(eval_file.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        case = json.loads(line)
        result = matcher.match(case["q"], case.get("lang"))
        first = result.candidates[0].article.id if result.candidates else None
        for tally in (tallies["all"], tallies[case.get("lang") or "?"]):
            if case.get("topic") is None:
                tally.off_topic += 1
                if result.outcome != "none":
                    tally.wrongly_answered += 1
                    tally.misses.append(f"{number}: {case['q']!r} -> {result.outcome} {first}")
                continue
            tally.answerable += 1
            if first == case["topic"]:
                tally.top1 += 1
                tally.exact += result.outcome == "answer"
                tally.choices += result.outcome == "choices"
            elif tally is tallies["all"]:
                tally.misses.append(
                    f"{number}: {case['q']!r} expected {case['topic']}, "
                    f"got {result.outcome} {first}"
                )
    _print_table(tallies)
    print(json.dumps({k: t.summary() for k, t in tallies.items()}, ensure_ascii=False))
    return 0


def _print_table(tallies: dict[str, _Tally]) -> None:
    columns = ["all", *(lang for lang in LANGUAGES if lang in tallies)]
    columns += sorted(set(tallies) - set(columns))
    print(f"{'':24}" + "".join(f"{c:>9}" for c in columns))
    rows = [
        ("answerable queries", "answerable", "{:>9}"),
        ("top-1 accuracy", "top1_accuracy", "{:>8.1%} "),
        ("  answered exactly", "answer_exact", "{:>8.1%} "),
        ("  first of choices", "choices_top1", "{:>8.1%} "),
        ("off-topic queries", "off_topic", "{:>9}"),
        ("off-topic answered", "off_topic_answered", "{:>8.1%} "),
    ]
    summaries = {c: tallies[c].summary() for c in columns}
    for label, key, fmt in rows:
        print(f"{label:24}" + "".join(fmt.format(summaries[c][key]) for c in columns))
    misses = tallies["all"].misses
    if misses:
        print(f"\nmisses ({len(misses)}):")
        for miss in misses:
            print(f"  {miss}")


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0
