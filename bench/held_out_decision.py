"""Refit or keep the committed decision? A held-out comparison (issue 12, session 34).

A, the committed decision held out: each tuning part it was never fitted on (those after
`--unseen-from` in evaluation.TUNING_FILES; decision.json was last fitted in session 16, on
faq_tune ... faq_tune16 and dev), left out as the protocol leaves it out (ranked by articles
holding none of its phrasings, scored by the domain model of the other files' lines), and
decided by decision.json (`evaluation.committed_left_out`).
B, the refit procedure held out: the same parts' left-out figures in an `eval faq` output
(each decided by a decision fitted on the other parts and dev, as `eval faq --fit` fits);
without one, the same figures fitted here (`committed_left_out(refit=True)`: the protocol's
left-out half alone, about ten minutes on two busy cores instead of the whole protocol).
Both read the same rankings and domain scores; only the decision differs. Per part and
summed: right first answers (top-1), answered directly, off-topic lines answered. The rule,
stated before either was read: B's right >= A's and B's off-topic answered <= A's.
No frozen file is read.

    python bench/held_out_decision.py [PROTOCOL_OUTPUT] [--unseen-from faq_tune17.jsonl]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gateway.knowledge.commands import EVAL_TEXTS_KEPT  # noqa: E402
from gateway.knowledge.evaluation import (  # noqa: E402
    DEV_FILE,
    TUNING_FILES,
    Tally,
    committed_left_out,
    committed_negatives,
    load_cases,
)
from gateway.knowledge.loader import load_articles  # noqa: E402
from gateway.knowledge.matcher import Matcher  # noqa: E402
from gateway.knowledge.morphology import texts_kept  # noqa: E402

EVAL = ROOT / "tests" / "fixtures" / "eval"


Figures = tuple[int, int, int, int]  # right, answered directly, off-topic answered, off-topic


def left_out_printed(protocol: Path) -> dict[str, Figures]:
    """Each part's left-out figures as an `eval faq` output prints them."""
    found: dict[str, Figures] = {}
    name = None
    for line in protocol.read_text(encoding="utf-8").splitlines():
        if line.startswith("== tuning part ") and ", left out" in line:
            name = line.split()[3].rsplit("/", 1)[1].rstrip(",")
        elif line.startswith("{") and name:
            every = json.loads(line)["all"]
            found[name] = (
                round(every["top1_accuracy"] * every["answerable"]),
                round(every["answer_exact"] * every["answerable"]),
                round(every["off_topic_answered"] * every["off_topic"]),
                every["off_topic"],
            )
            name = None
    return found


def counted(tally: Tally) -> Figures:
    return tally.top1, tally.exact, tally.wrongly_answered, tally.off_topic


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "protocol", type=Path, nargs="?", help="an `eval faq` output (B's figures); else fitted"
    )
    parser.add_argument("--unseen-from", default="faq_tune17.jsonl")
    args = parser.parse_args()
    names = [Path(n).name for n in TUNING_FILES]
    unseen = TUNING_FILES[names.index(args.unseen_from) :]
    parts = {name: load_cases(EVAL / name) for name in TUNING_FILES if (EVAL / name).exists()}
    b = left_out_printed(args.protocol) if args.protocol else {}
    missing = [n for n in unseen if Path(n).name not in b]
    if args.protocol and missing:
        print(f"no left-out figures in {args.protocol} for {missing}")
        return 1
    with texts_kept(EVAL_TEXTS_KEPT):
        matcher = Matcher(load_articles(ROOT / "faq"))
        dev, negatives = load_cases(EVAL / DEV_FILE), committed_negatives(EVAL)
        a = committed_left_out(matcher, parts, dev, unseen, negatives=negatives)
        if not args.protocol:
            refits = committed_left_out(
                matcher, parts, dev, unseen, negatives=negatives, refit=True
            )
            b = {Path(name).name: counted(tallies["all"]) for name, tallies in refits.items()}
    print(
        f"{'part':20}{'lines':>7}{'A right':>9}{'B right':>9}{'A exact':>9}{'B exact':>9}"
        f"{'A off':>7}{'B off':>7}{'of':>5}"
    )
    total_a, total_b, lines = [0, 0, 0, 0], [0, 0, 0, 0], 0
    for name in unseen:
        fa, fb = counted(a[name]["all"]), b[Path(name).name]
        answerable = a[name]["all"].answerable
        lines += answerable
        total_a = [t + f for t, f in zip(total_a, fa, strict=True)]
        total_b = [t + f for t, f in zip(total_b, fb, strict=True)]
        print(
            f"{Path(name).name:20}{answerable:>7}{fa[0]:>9}{fb[0]:>9}{fa[1]:>9}{fb[1]:>9}"
            f"{fa[2]:>7}{fb[2]:>7}{fa[3]:>5}"
        )
    print(
        f"{'summed':20}{lines:>7}{total_a[0]:>9}{total_b[0]:>9}{total_a[1]:>9}{total_b[1]:>9}"
        f"{total_a[2]:>7}{total_b[2]:>7}{total_a[3]:>5}"
    )
    refit = total_b[0] >= total_a[0] and total_b[2] <= total_a[2]
    print(
        f"refit {'passes' if refit else 'fails'}: B right {total_b[0]} vs A {total_a[0]}, "
        f"B off-topic answered {total_b[2]} vs A {total_a[2]} of {total_a[3]}"
    )
    for name in unseen:
        for miss in a[name]["all"].misses:
            print(f"A miss {Path(name).name} {miss}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
