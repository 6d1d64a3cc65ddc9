"""What the knowledge base is missing: questions the bot could not answer, or answered
wrongly, grouped so that authors get a to-do list (`firstline faq gaps [--days N]`).

The evidence is the tickets the bot opened: reason "no_answer" (nothing matched, or the
user picked "none of these") and "not_solved" (the user said the offered article did not
help). The user's first message is the question. Similar questions (by lemmas: "VPN
отваливается" and "впн постоянно отваливается") form one gap; the biggest come first.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from gateway.dialogs.answers import is_small_talk
from gateway.knowledge.morphology import lemmas
from gateway.models import Ticket

GAP_REASONS = ("no_answer", "not_solved")
# A ticket opened after the bot offered an article: the chat user said it did not help
# (not_solved), or the reply to a mail carried it (faq_offered). Any other ticket's topic
# is only the classifier's guess, not an answer anyone saw.
OFFERED_REASONS = ("not_solved", "faq_offered")
SIMILAR = 60.0  # token-set similarity of lemmas (0-100) that puts two questions together
_EXAMPLES = 3


@dataclass(frozen=True)
class Miss:
    """One question the bot did not answer well."""

    ticket_id: str
    question: str
    lang: str
    reason: str  # no_answer | not_solved
    offered: str  # the article the user said "no" to; empty for no_answer
    at: float


@dataclass
class Gap:
    """Similar questions: what one missing (or wrong) article would have answered."""

    key: str  # the lemmas of the first question, what the others are compared with
    misses: list[Miss] = field(default_factory=list)

    def summary(self) -> dict[str, object]:
        """The gap as operators read it (also the --json output)."""
        offered = Counter(m.offered for m in self.misses if m.offered)
        return {
            "count": len(self.misses),
            "questions": [m.question for m in self.misses[:_EXAMPLES]],
            "languages": sorted({m.lang for m in self.misses}),
            "no_answer": sum(m.reason == "no_answer" for m in self.misses),
            "not_solved": sum(m.reason == "not_solved" for m in self.misses),
            "offered": dict(offered.most_common()),
            "tickets": [m.ticket_id for m in self.misses],
        }


def offered_article(ticket: Ticket) -> str:
    """The article the bot offered before this ticket was opened; "" when it offered none."""
    return ticket.topic if ticket.reason in OFFERED_REASONS else ""


def misses(tickets: Iterable[Ticket], since: float) -> list[Miss]:
    """The tickets opened since `since` because the bot had no (helpful) answer."""
    found = []
    for ticket in tickets:
        if ticket.reason not in GAP_REASONS or ticket.created_at < since:
            continue
        question = first_message(ticket)
        if question:
            offered = offered_article(ticket)
            found.append(
                Miss(
                    ticket.id,
                    question,
                    ticket.language,
                    ticket.reason,
                    offered,
                    ticket.created_at,
                )
            )
    return sorted(found, key=lambda m: m.at)


def cluster(found: Sequence[Miss]) -> list[Gap]:
    """Similar questions together, the biggest gap first."""
    gaps: list[Gap] = []
    for miss in found:
        key = " ".join(sorted(set(lemmas(miss.question, miss.lang))))
        best = max(gaps, key=lambda g: fuzz.token_set_ratio(key, g.key), default=None)
        if best is not None and key and fuzz.token_set_ratio(key, best.key) >= SIMILAR:
            best.misses.append(miss)
        else:
            gaps.append(Gap(key, [miss]))
    return sorted(gaps, key=lambda g: (-len(g.misses), g.misses[0].at))


def render(gaps: Sequence[Gap], days: float, as_json: bool) -> str:
    """The to-do list as text (or JSON lines) for `firstline faq gaps`."""
    if as_json:
        return "\n".join(json.dumps(g.summary(), ensure_ascii=False) for g in gaps)
    total = sum(len(g.misses) for g in gaps)
    lines = [
        f"{total} unanswered or unhelpful question(s) in {len(gaps)} gap(s), last {days:g} days"
    ]
    for number, gap in enumerate(gaps, 1):
        ms = gap.misses
        offered = Counter(m.offered for m in ms if m.offered).most_common()
        said_no = sum(m.reason == "not_solved" for m in ms)
        lines.append(
            f"\n{number}. {len(ms)} question(s) [{'/'.join(sorted({m.lang for m in ms}))}]"
            f" no answer: {len(ms) - said_no}, said no: {said_no}"
            + (f" (offered: {', '.join(f'{t} x{n}' for t, n in offered)})" if offered else "")
        )
        lines += [f"   - {m.question}" for m in ms[:_EXAMPLES]]
    return "\n".join(lines)


def first_message(ticket: Ticket) -> str:
    """The user's first message: the first line of the problem they described that is not
    only a greeting (a mail's "Добрий день!" line, a chat's "привет" before the problem)."""
    problem = ticket.fields.get("problem", "") or ticket.subject
    lines = [line.strip() for line in problem.splitlines() if line.strip()]
    said = [line for line in lines if is_small_talk(line) != "greeting"]
    return (said or lines or [""])[0]
