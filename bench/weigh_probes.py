"""Where, and at what weight, the probes' off-topic lines enter the decision's fit (issue 12).

Leave one probe out: for each probe file X of evaluation.NEGATIVE_FILES, the decision and
the domain counts are fitted as `firstline eval faq --fit` fits them (every tuning part and
dev, ranked held out, the same rankings for every variant) plus the other probes' off-topic
lines as `Negatives(weight, place)`, and X is decided as the matcher would decide it (ranked
by the whole articles, scored by the fitted domain counts): its off-topic lines answered and
its IT lines right. Summed over the probes, that is what a new probe of other trades' senses
would see. `plain` is the refit without negatives (one fit decides every X). With
`--protocol`, each variant's tuning parts pooled, 5-fold and left out, as `eval faq` prints
them. No frozen file is read.

    python bench/weigh_probes.py fit:0.1 cut:0.25 domain:0.1 [--protocol] [--jobs 2]

Verdict (2026-12-04, session 20, i12-refit20): faq/README.md, "The session's final refit
(session 20": fit 0.5 quiets the probes left out (12 of 590 answered, main's decision 38) and
costs the tuning parts 114 lines pooled; not landed, NEGATIVE_WEIGHT stays 0.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gateway.knowledge.decision import fit  # noqa: E402
from gateway.knowledge.domain import Domain, LineCounts  # noqa: E402
from gateway.knowledge.evaluation import (  # noqa: E402
    DEV_FILE,
    NEGATIVE_FILES,
    PLACES,
    TUNING_FILES,
    Negatives,
    _count,
    examples,
    fit_ranked,
    held_out_examples,
    line_counts,
    load_cases,
    pooled,
    protocol_figures,
    scored_apart,
    with_domain,
)
from gateway.knowledge.loader import load_articles  # noqa: E402
from gateway.knowledge.matcher import Matcher  # noqa: E402
from gateway.knowledge.morphology import texts_kept  # noqa: E402
from gateway.knowledge.ranker import Ranker  # noqa: E402

EVAL = ROOT / "tests" / "fixtures" / "eval"
_STATE: dict = {}  # what forked workers read (the rankings, computed once)


def _prepare() -> None:
    articles = load_articles(ROOT / "faq")
    files = {name: load_cases(EVAL / name) for name in (*TUNING_FILES, DEV_FILE)}
    held = held_out_examples(articles, [c for cases in files.values() for c in cases])
    by_file, start = {}, 0
    for name, cases in files.items():
        by_file[name], start = held[start : start + len(cases)], start + len(cases)
    probes = {name: load_cases(EVAL / name) for name in NEGATIVE_FILES}
    whole = Ranker(articles, LineCounts({}, {}))
    _STATE.update(
        articles=articles,
        files=files,
        by_file=by_file,
        probes=probes,
        negatives=Negatives(probes, 1.0).ranked(articles),
        as_matched={name: examples(whole, cases) for name, cases in probes.items()},
        matcher=Matcher(articles),
    )
    # Placed in the fit or the cut, the negatives count in no domain model: every file is
    # scored as without them, once for every variant.
    ranked = _STATE["negatives"]
    _STATE["scored"] = scored_apart(articles, {**by_file, **ranked}, dict.fromkeys(ranked, 0.0))


def _measure(task: tuple[str, float, str | None]) -> tuple[str, float, str | None, dict]:
    """Fit without probe `left` (None: the plain refit, no negatives) and decide the probes
    held out (each when `left` is None, else `left`)."""
    place, weight, left = task
    s = _STATE
    if left is None or weight == 0:
        decision, counts = fit_ranked(s["articles"], s["by_file"], {}, None)
        decided = list(s["probes"])
    else:
        rest = {n: c for n, c in s["probes"].items() if n != left}
        negatives = Negatives(rest, weight, place)
        ranked = {n: s["negatives"][n] for n in rest}
        if place == "domain":
            decision, counts = fit_ranked(s["articles"], s["by_file"], ranked, negatives)
        else:  # as fit_ranked, from the scores computed once
            scored = s["scored"]
            training = [e for name in s["by_file"] for e in scored[name]]
            training += [e for name in ranked for e in negatives.trained(scored[name])]
            decision = fit(training)
            counts = line_counts(e for exs in s["by_file"].values() for e in exs)
        decided = [left]
    domain = Domain(s["articles"], counts)
    judge = s["matcher"].with_decision(decision)
    figures = {}
    for name in decided:
        tallies: dict = defaultdict(_tally)
        scored = with_domain(s["as_matched"][name], domain)
        for case, example in zip(s["probes"][name], scored, strict=True):
            _count(tallies, case, judge.decide(example.ranked))
        a = tallies["all"]
        figures[name] = (a.wrongly_answered, a.off_topic, a.top1, a.answerable)
    figures["_cuts"] = (decision.choices, decision.answer)
    return place, weight, left, figures


def _tally():
    from gateway.knowledge.evaluation import Tally

    return Tally()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("variants", nargs="*", help="place:weight, place one of " + str(PLACES))
    parser.add_argument("--protocol", action="store_true")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    variants = [(p, float(w)) for p, w in (v.split(":") for v in args.variants)]
    with texts_kept(32768):
        _prepare()
        tasks = [("plain", 0.0, None)] + [(p, w, x) for p, w in variants for x in NEGATIVE_FILES]
        results = []
        with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
            for result in pool.imap_unordered(_measure, tasks):
                results.append(result)
                place, weight, left, figures = result
                shown = {n: v for n, v in figures.items() if n != "_cuts"}
                print(f"-- {place}:{weight} without {left}: {shown} cuts {figures['_cuts']}",
                      flush=True)
        table: dict = defaultdict(dict)
        for place, weight, _left, figures in results:
            for name, value in figures.items():
                table[(place, weight)].setdefault(name, []).append(value)
        for (place, weight), figures in table.items():
            off = sum(v[0] for n, vs in figures.items() if n != "_cuts" for v in vs)
            right = sum(v[2] for n, vs in figures.items() if n != "_cuts" for v in vs)
            cuts = figures["_cuts"]
            lo = min(c[0] for c in cuts), max(c[0] for c in cuts)
            print(f"== {place}:{weight}  off-topic answered {off}, IT right {right}  "
                  f"say-anything cut {lo[0]:.3f}-{lo[1]:.3f}", flush=True)
            for name in NEGATIVE_FILES:
                (o, of, r, ans), = figures[name]
                print(f"   {name:28} off {o}/{of}  IT {r}/{ans}")
        if args.protocol:
            for place, weight in [("plain", 0.0), *variants]:
                negatives = (
                    Negatives(_STATE["probes"], weight, place) if place != "plain" else None
                )
                tuning = {n: c for n, c in _STATE["files"].items() if n != DEV_FILE}
                figures = protocol_figures(
                    _STATE["matcher"], tuning, _STATE["files"][DEV_FILE], negatives=negatives
                )
                for title, parts in (("5-fold", figures.folds), ("left out", figures.left_out)):
                    p = pooled(parts.values())
                    langs = " ".join(f"{lang} {p[lang].top1}" for lang in ("ru", "uk", "en"))
                    print(f"== protocol {place}:{weight} pooled {title}: {p['all'].top1} of "
                          f"{p['all'].answerable} ({langs}), off {p['all'].wrongly_answered} of "
                          f"{p['all'].off_topic}", flush=True)
                    for name, tallies in parts.items():
                        t = tallies["all"]
                        print(f"   {title} {name}: {t.top1}/{t.answerable} off "
                              f"{t.wrongly_answered}/{t.off_topic}")


if __name__ == "__main__":
    main()
