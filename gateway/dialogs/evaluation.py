"""`firstline eval dialogs FILE`: play scripted conversations and check how they end.

Each scenario runs in its own conversation through `ChatSession`, the same path as
`chat --json`. The scripted user answers "did it help?" from `replies` (else "no"), answers
checklist questions from `answers`, and picks the expected topic when several are offered, as
a user who knows their problem would. Replies left when the bot has moved on to its questions
are what the user still had to say: after a reply to "did it help?", the next question gets
the next of them, whatever it asks (a user who typed two messages sends the second before
reading the question the first one brought; the facts it carries are read like any
message's); replies for a "did it help?" never asked go to a question `answers` has nothing
for; then "don't know". A turn that asks nothing the scripted user knows (no question, no
article, no choices: "what exactly is broken?" after "допоможіть, щось не так") is answered
once with the problem in `answers`, as a person who has one tells it; a scenario without it
ends there, as before.

A question at which the scripted user types one of those replies, for a field the scenario
lists as given (`not_asked`) and that the user had not said before it, went unread: the user
typed what they had to say (the writer's "no" and facts for "did it help?") whatever the bot
had just asked, so it counts neither as a question nor as one asked again. A field the user
had said before such a question (the ticket's value is in what they typed earlier) is asked
again as ever.

Besides outcome, topic, group, priority and fields, a scenario may expect `not_asked`
(fields the user already gave: asking one is a re-asked question, counted in the report),
`reply_lang` (the language of the bot's last reply) and `max_questions` (exact for the
kinds `rich_first` and `later_facts`, an upper bound otherwise).

The summary counts, besides passes by kind and questions asked again, the scenarios that
failed each check ('topic 2, field since 1, asked again tried 3, ...'): on a frozen part,
whose lines nobody reads, it says which kind of mechanism fails without showing a line.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from gateway.config import Settings
from gateway.dialogs.chat import ChatService, ChatSession
from gateway.dialogs.extract.tables import yaml_list
from gateway.models import CHECKLIST_FIELDS
from gateway.triage.language import detect_language, reply_language

MAX_TURNS = 30
DONT_KNOW = {"ru": "не знаю", "uk": "не знаю", "en": "don't know"}
NOT_HELPED = {"ru": "нет", "uk": "ні", "en": "no"}
RATING = "5"
# "none": neither, as for a question that is plainly not IT's ("the coffee machine leaks":
# whose it is, and no ticket) or that the bot asks to be told again.
OUTCOMES = frozenset({"resolved", "ticket", "none"})
# Kinds whose `max_questions` is exactly the number of fields not yet given.
EXACT_KINDS = frozenset({"rich_first", "later_facts"})


class ScenarioError(ValueError):
    """The scenario file itself is wrong; the message says where."""


@dataclass
class Scenario:
    name: str
    say: str
    lang: str = "ru"
    replies: list[str] = field(default_factory=list)
    answers: dict[str, str] = field(default_factory=dict)
    expect: dict[str, Any] = field(default_factory=dict)
    kind: str = ""


@dataclass
class Transcript:
    """What happened in one scenario, gathered from the stream events."""

    events: list[dict[str, Any]] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    # a question a scripted reply was typed at: its number and what the user typed before it
    typed_over: dict[int, str] = field(default_factory=dict)
    answered_topics: list[str] = field(default_factory=list)
    ticket: dict[str, Any] | None = None
    resolved_by: str = ""
    errors: list[str] = field(default_factory=list)
    last_reply: str = ""

    def add(self, events: list[dict[str, Any]]) -> None:
        self.events += events
        for event in events:
            kind = event["event"]
            if kind == "message" and event["text"].strip():
                self.last_reply = event["text"]
            elif kind == "checklist_question":
                self.questions.append(event["field"])
            elif kind == "faq_answered":
                self.answered_topics.append(event["topic"])
            elif kind == "ticket_opened":
                self.ticket = event["ticket"]
            elif kind == "resolved":
                self.resolved_by = event["by"]
            elif kind == "error":
                self.errors.append(event["error"])


def load_scenarios(path: Path) -> list[Scenario]:
    """Read and check the YAML file; raise ScenarioError naming the bad entry."""
    items = yaml_list(path, "scenarios", ScenarioError)
    scenarios = []
    for n, item in enumerate(items, 1):
        where = f"{path}: scenario {n}"
        if not isinstance(item, dict) or not isinstance(item.get("say"), str):
            raise ScenarioError(f"{where}: needs a 'say' text")
        expect = item.get("expect") or {}
        if expect.get("outcome") not in OUTCOMES:
            raise ScenarioError(f"{where}: expect.outcome must be one of {sorted(OUTCOMES)}")
        unknown = set(expect.get("not_asked") or ()) - set(CHECKLIST_FIELDS)
        if unknown:
            raise ScenarioError(f"{where}: expect.not_asked names unknown fields {sorted(unknown)}")
        scenarios.append(
            Scenario(
                name=str(item.get("name") or f"scenario {n}"),
                say=item["say"],
                lang=str(item.get("lang") or "ru"),
                replies=[str(r) for r in item.get("replies") or []],
                answers={str(k): str(v) for k, v in (item.get("answers") or {}).items()},
                expect=dict(expect),
                kind=str(item.get("kind") or ""),
            )
        )
    return scenarios


async def play(session: ChatSession, scenario: Scenario) -> Transcript:
    """Talk through one scenario until a ticket opens or the bot resolves the problem."""
    seen = Transcript()
    replies = list(scenario.replies)
    user = _ScriptedUser(scenario.lang)
    typed = [scenario.say]
    last = await session.turn({"text": scenario.say})
    for _ in range(MAX_TURNS):
        seen.add(last)
        if seen.ticket or seen.errors:
            break
        if any(e["event"] == "csat_request" for e in last):
            seen.add(await session.turn({"text": RATING}))
            seen.add(await session.turn({"payload": "skip"}))
            break
        left = len(replies)
        step = _next_input(last, scenario, replies, user)
        if step is None and not seen.resolved_by:
            # "hi, I've got an issue, can someone help": the bot asks what is broken
            step = user.tell_problem(scenario)
        if step is None:
            break
        if len(replies) < left and _asks(last):
            seen.typed_over[len(seen.questions) - 1] = "\n".join(typed)
        typed.append(step.get("text", ""))
        last = await session.turn(step)
    return seen


def _asks(events: list[dict[str, Any]]) -> bool:
    """Whether the last thing these events ask is a checklist question."""
    for event in reversed(events):
        if event["event"] in ("checklist_question", "faq_answered", "faq_choices"):
            return event["event"] == "checklist_question"
    return False


@dataclass
class _ScriptedUser:
    """The language the scripted user writes in: a user who switched to English answers
    "don't know" in English, not in the language the scenario started in."""

    lang: str
    replied: bool = False  # typed a scripted reply to "did it help?": the rest follow it
    told_problem: bool = False  # told `answers.problem` when asked what is wrong

    def tell_problem(self, scenario: Scenario) -> dict[str, str] | None:
        """The problem said once when the bot asks to be told it; None when there is none."""
        problem = scenario.answers.get("problem", "")
        if self.told_problem or not problem:
            return None
        self.told_problem = True
        return {"text": self.typed(problem)}

    def typed(self, text: str) -> str:
        self.lang = reply_language(text, self.lang)
        return text

    def default(self, words: dict[str, str]) -> str:
        return words.get(self.lang, words["en"])


def _next_input(
    events: list[dict[str, Any]], scenario: Scenario, replies: list[str], user: _ScriptedUser
) -> dict[str, str] | None:
    """What the scripted user types after these events; None if the bot asked nothing."""
    for event in reversed(events):
        if event["event"] == "checklist_question":
            # "нет, кэш чистила", then "вот что пишет: ERR_CERT…, с утра": the second message
            # comes whatever the bot asked in between, as it does from a person typing; it is
            # sent before any answer to the checklist, not held back for a question `answers`
            # has nothing for. Replies for a "did it help?" never asked are typed only at a
            # question `answers` has nothing for.
            field = event["field"]
            if user.replied and replies:
                answer = replies.pop(0)
            else:
                answer = scenario.answers.get(field) or (replies.pop(0) if replies else "")
            return {"text": user.typed(answer) if answer else user.default(DONT_KNOW)}
        if event["event"] == "faq_answered":
            user.replied = bool(replies)
            reply = user.typed(replies.pop(0)) if replies else user.default(NOT_HELPED)
            return {"text": reply}
        if event["event"] == "faq_choices":
            wanted = scenario.expect.get("topic")
            return {"payload": f"faq:{wanted}" if wanted in event["topics"] else "faq:none"}
    return None


@dataclass(frozen=True)
class Problem:
    """One way a conversation differs from `expect`: the check that failed ('topic',
    'field since', 'too many questions', 'asked again tried', ...) and what was seen."""

    check: str
    text: str


def check(scenario: Scenario, seen: Transcript) -> list[Problem]:
    """Every way the conversation differs from `expect`; empty when it passed."""
    expect = scenario.expect
    problems = [Problem("error", error) for error in seen.errors]
    outcome = "ticket" if seen.ticket else "resolved" if seen.resolved_by == "bot" else "none"
    if outcome != expect["outcome"]:
        problems.append(Problem("outcome", f"outcome {outcome}, expected {expect['outcome']}"))
    ticket = seen.ticket or {}
    topic = expect.get("topic")
    if topic and topic not in [*seen.answered_topics, ticket.get("topic")]:
        offered = ", ".join(filter(None, [*seen.answered_topics, ticket.get("topic")])) or "none"
        problems.append(Problem("topic", f"topic {topic} expected, got {offered}"))
    for key in ("group", "priority"):
        if key in expect and ticket.get(key) != expect[key]:
            problems.append(Problem(key, f"{key} {ticket.get(key)}, expected {expect[key]}"))
    fields = ticket.get("fields") or {}
    for name, part in (expect.get("fields") or {}).items():
        if str(part).casefold() not in str(fields.get(name, "")).casefold():
            text = f"field {name}={fields.get(name, '')!r} lacks {part!r}"
            problems.append(Problem(f"field {name}", text))
    limit = expect.get("max_questions")
    read = read_questions(scenario, seen)
    asked = len(read)
    if limit is not None and scenario.kind in EXACT_KINDS and asked != int(limit):
        text = f"{asked} questions asked ({read}), exactly {limit} expected"
        few = "too few" if asked < int(limit) else "too many"
        problems.append(Problem(f"{few} questions", text))
    elif limit is not None and asked > int(limit):
        text = f"{asked} questions asked ({read}), max {limit}"
        problems.append(Problem("too many questions", text))
    reasked = reasked_questions(scenario, seen)
    if reasked:
        text = f"asked again for what was already given: {reasked}"
        problems += [Problem(f"asked again {name}", text) for name in reasked]
    wanted = expect.get("reply_lang")
    if wanted:
        got = reply_language_of(seen.last_reply)
        if got != wanted:
            problems.append(Problem("reply language", f"last reply in {got}, expected {wanted}"))
    return problems


def _by_check_kind(kinds_failing: dict[str, dict[str, int]]) -> str:
    """'topic (rich_first 3, urgent 1); group (...)': the kinds of scenario each check fails in."""
    return "; ".join(
        f"{name} ({', '.join(f'{kind} {n}' for kind, n in sorted(kinds.items()))})"
        for name, kinds in sorted(kinds_failing.items())
    )


def read_questions(scenario: Scenario, seen: Transcript) -> list[str]:
    """The questions the user read: all but those a scripted reply was typed at, for a field
    the scenario lists as given that the user had not said before the question (what the
    ticket holds for it is not in what they typed until then)."""
    given = set(scenario.expect.get("not_asked") or ())
    fields = (seen.ticket or {}).get("fields") or {}

    def unread(n: int, name: str) -> bool:
        if n not in seen.typed_over or name not in given:
            return False
        before = seen.typed_over[n].casefold()
        parts = [p.strip() for p in str(fields.get(name, "")).casefold().split("; ")]
        return not any(len(p) > 3 and p in before for p in parts)

    return [name for n, name in enumerate(seen.questions) if not unread(n, name)]


def reasked_questions(scenario: Scenario, seen: Transcript) -> list[str]:
    """Questions for fields the user had already given (`not_asked`) or answered before."""
    given = set(scenario.expect.get("not_asked") or ())
    reasked, asked = [], set()
    for name in read_questions(scenario, seen):
        if name in given or name in asked:
            reasked.append(name)
        asked.add(name)
    return reasked


def reply_language_of(text: str) -> str:
    """The language a bot reply is written in (Latin-only text is English)."""
    return detect_language(text, default="ru")


async def run_scenarios(service: ChatService, scenarios: list[Scenario], stdout: TextIO) -> int:
    """Play and check all scenarios, print PASS/FAIL lines and a summary; failures count."""
    failed = reasked = 0
    by_kind: dict[str, list[int]] = {}
    by_check: dict[str, int] = {}
    kinds_failing: dict[str, dict[str, int]] = {}
    asked_too_much: dict[str, int] = {}
    run = uuid.uuid4().hex[:8]
    for n, scenario in enumerate(scenarios, 1):
        seen = await play(ChatSession(service, chat_id=f"eval-{run}-{n}"), scenario)
        problems = check(scenario, seen)
        failed += bool(problems)
        for name in dict.fromkeys(p.check for p in problems):
            by_check[name] = by_check.get(name, 0) + 1
            kinds = kinds_failing.setdefault(name, {})
            kinds[scenario.kind or "-"] = kinds.get(scenario.kind or "-", 0) + 1
            if name == "too many questions":
                for asked in read_questions(scenario, seen):
                    asked_too_much[asked] = asked_too_much.get(asked, 0) + 1
        reasked += len(reasked_questions(scenario, seen))
        tally = by_kind.setdefault(scenario.kind or "-", [0, 0])
        tally[0] += not problems
        tally[1] += 1
        verdict = (
            f"FAIL  {scenario.name}: {'; '.join(dict.fromkeys(p.text for p in problems))}"
            if problems
            else f"PASS  {scenario.name}"
        )
        stdout.write(verdict + "\n")
    stdout.write(f"\n{len(scenarios) - failed}/{len(scenarios)} scenarios passed\n")
    if len(by_kind) > 1:
        kinds = ", ".join(f"{kind} {ok}/{total}" for kind, (ok, total) in sorted(by_kind.items()))
        stdout.write(f"by kind: {kinds}\n")
    stdout.write(f"questions asked that were already answered: {reasked}\n")
    if by_check:
        checks = ", ".join(f"{name} {n}" for name, n in sorted(by_check.items()))
        stdout.write(f"scenarios failing each check: {checks}\n")
        stdout.write(f"  by kind: {_by_check_kind(kinds_failing)}\n")
    if asked_too_much:
        fields = ", ".join(f"{name} {n}" for name, n in sorted(asked_too_much.items()))
        stdout.write(f"questions asked where there were too many: {fields}\n")
    stdout.flush()
    return failed


async def eval_dialogs(settings: Settings, scenarios_file: Path, stdout: TextIO) -> int:
    """Exit status: 0 when every scenario passes, 1 when any fails, 2 for a bad file."""
    from gateway.runtime import open_runtime

    try:
        scenarios = load_scenarios(scenarios_file)
    except ScenarioError as exc:
        stdout.write(f"error: {exc}\n")
        return 2
    # Scenarios are separate users writing within seconds: mass-incident detection would
    # take many of them for one outage, which is not what a scenario tests.
    alone = settings.incidents.model_copy(update={"enabled": False})
    settings = settings.model_copy(update={"incidents": alone})
    async with open_runtime(settings, direct_channels={"cli"}) as rt:
        failed = await run_scenarios(rt.service, scenarios, stdout)
    return 1 if failed else 0
