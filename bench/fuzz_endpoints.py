"""The long fuzz run: >= 10,000 generated cases per inbound endpoint, counts per status.

Same generators and the same gateway as the property tests in `tests/fuzz/` (the real
app on loopback with a real redis-server, Telegram, Viber and Meta emulators), many more
cases. Per endpoint it prints how many requests got each HTTP status (web chat: each
answer frame type and close code), how many broke a property (5xx, a socket closed
with 1011, an unhandled exception logged, a refused request that stored something),
and at the end a real worker processes everything accepted and reports duplicates and
inbound dead letters (both must be 0).

    python bench/fuzz_endpoints.py [--cases 10000]
        [--only telegram,viber,whatsapp,messenger,webchat,console,routes,alerts,mail]
"""

from __future__ import annotations

import argparse
import collections
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "fuzz")]

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from live_gateway import LiveGateway  # noqa: E402
from mail_payloads import raw_mails  # noqa: E402
from payloads import (  # noqa: E402
    ALERT_PAYLOADS,
    ALERT_SOURCES,
    CONSOLE_ACTIONS,
    CONSOLE_BODIES,
    alert_bodies,
    bodies,
    console_requests,
    meta_bodies,
    telegram_bodies,
    viber_bodies,
    webchat_sessions,
)

from gateway.store.embedded import EmbeddedRedis  # noqa: E402


class Tally:
    """Counts per outcome and the cases that broke a property (first few kept)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.outcomes: collections.Counter[str] = collections.Counter()
        self.violations: list[str] = []
        self.cases = 0

    def note(self, outcome: str, violation: str = "") -> None:
        self.cases += 1
        self.outcomes[outcome] += 1
        if violation:
            self.violations.append(violation)

    def line(self) -> str:
        counts = ", ".join(f"{k}: {v}" for k, v in sorted(self.outcomes.items()))
        return f"{self.name:9} {self.cases:6} cases | {counts} | violations: {len(self.violations)}"


def run_cases(strategy: st.SearchStrategy[Any], cases: int, check: Callable[[Any], None]) -> None:
    runner = settings(
        max_examples=cases,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )(given(strategy)(check))
    runner()


def fuzz_telegram(gw: LiveGateway, cases: int) -> Tally:
    tally = Tally("telegram")

    def check(body: bytes) -> None:
        stored, kept = gw.stored_count(), gw.unreadable_count()
        reply = gw.telegram(body)
        new, aside = gw.stored_count() - stored, gw.unreadable_count() - kept
        problems = gw.logs.take()
        bad = reply.status >= 500 or problems or (new, aside) not in ((0, 0), (1, 0), (0, 1))
        tally.note(str(reply.status), f"{reply.status} {problems} {body[:200]!r}" if bad else "")

    run_cases(telegram_bodies(), cases, check)
    return tally


def fuzz_viber(gw: LiveGateway, cases: int) -> Tally:
    tally = Tally("viber")

    def check(case: tuple[bytes, bool]) -> None:
        body, signed = case
        stored = gw.stored_count()
        reply = gw.viber(body, signed=signed)
        new = gw.stored_count() - stored
        problems = gw.logs.take()
        bad = reply.status >= 500 or problems or (reply.status != 200 and new) or new > 1
        tally.note(str(reply.status), f"{reply.status} {problems} {body[:200]!r}" if bad else "")

    run_cases(st.tuples(viber_bodies(), st.sampled_from([True] * 9 + [False])), cases, check)
    return tally


def fuzz_meta(channel: str) -> Callable[[LiveGateway, int], Tally]:
    """WhatsApp or Messenger: forged → 403 and nothing kept; signed → 200/400, each once."""

    def fuzz(gw: LiveGateway, cases: int) -> Tally:
        tally = Tally(channel)

        def check(case: tuple[bytes, bool]) -> None:
            body, signed = case
            stored, kept = gw.stored_count(), gw.unreadable_count()
            reply = gw.meta(channel, body, signed=signed)
            new, aside = gw.stored_count() - stored, gw.unreadable_count() - kept
            again = gw.meta(channel, body, signed=signed) if reply.status == 200 else reply
            repeated = gw.stored_count() - stored - new
            problems = gw.logs.take()
            refused = reply.status != 200 and (new or aside)
            bad = (
                reply.status >= 500
                or problems
                or refused
                or (not signed and reply.status != 403)
                or new > 1
                or again.status != reply.status
                or repeated
            )
            tally.note(
                str(reply.status), f"{reply.status} {problems} {body[:200]!r}" if bad else ""
            )

        strategy = st.tuples(meta_bodies(channel), st.sampled_from([True] * 9 + [False]))
        run_cases(strategy, cases, check)
        return tally

    return fuzz


def fuzz_webchat(gw: LiveGateway, cases: int) -> Tally:
    tally = Tally("webchat")

    def check(session: tuple[str, list[str]]) -> None:
        hello, frames = session
        answers, close_code = gw.webchat(hello, frames)
        problems = gw.logs.take()
        for answer in answers:
            tally.outcomes[f"frame {answer['type']}"] += 1
        outcome = f"close {close_code}" if close_code is not None else "open"
        bad = close_code not in (None, 1000) or problems
        tally.note(outcome, f"{close_code} {problems} {hello[:100]!r}" if bad else "")

    run_cases(webchat_sessions(), cases, check)
    return tally


def fuzz_console(gw: LiveGateway, cases: int) -> Tally:
    tally = Tally("console")
    ids = st.one_of(
        st.just(gw.ticket_id),
        st.sampled_from(["HD-000001:fields", "HD-000001:events", "%00", ".."]),
        st.text(alphabet="ABCDH-0123456789:_.%", min_size=1, max_size=20),
    )

    def check(case: tuple[bytes, str, str]) -> None:
        body, action, ticket = case
        reply = gw.console_post(f"/console/api/tickets/{ticket}/{action}", body)
        problems = gw.logs.take()
        bad = reply.status >= 500 or problems
        tally.note(str(reply.status), f"{reply.status} {problems} {body[:200]!r}" if bad else "")

    cases_of = st.tuples(bodies(CONSOLE_BODIES), st.sampled_from(CONSOLE_ACTIONS), ids)
    run_cases(cases_of, cases, check)
    return tally


def fuzz_routes(gw: LiveGateway, cases: int) -> Tally:
    """Every console route (and /readyz, /metrics): broken bodies, paths and queries."""
    tally = Tally("routes")

    def check(request: tuple[str, bytes | None]) -> None:
        path, body = request
        reply = gw.get(path) if body is None else gw.console_post(path, body)
        problems = gw.logs.take()
        bad = reply.status >= 500 or problems
        tally.note(str(reply.status), f"{reply.status} {problems} {path[:200]!r}" if bad else "")

    run_cases(console_requests(gw.ticket_id), cases, check)
    return tally


def fuzz_alerts(gw: LiveGateway, cases: int) -> Tally:
    """Monitoring endpoints: no or forged credentials → 401/403 and nothing kept; good
    ones → 200 (each alert stored once, a repeat stores nothing) or 400."""
    tally = Tally("alerts")
    sources = st.sampled_from(ALERT_SOURCES)
    credentials = st.sampled_from(["good"] * 7 + ["forged", "wrong_token", "none"])

    def check(case: tuple[str, bytes, str]) -> None:
        source, body, offered = case
        stored = gw.stored_count()
        reply = gw.alert(source, body, offered)
        new = gw.stored_count() - stored
        again = gw.alert(source, body, offered) if reply.status == 200 else reply
        repeated = gw.stored_count() - stored - new
        problems = gw.logs.take()
        expected = (
            {404} if source not in ALERT_PAYLOADS
            else {401} if offered == "none"
            else {403} if offered != "good"
            else {200, 400}
        )  # fmt: skip
        bad = (
            reply.status not in expected
            or problems
            or (reply.status != 200 and new)
            or again.status != reply.status
            or repeated
        )
        tally.note(
            f"{source} {reply.status}", f"{reply.status} {problems} {body[:200]!r}" if bad else ""
        )

    strategy = sources.flatmap(lambda s: st.tuples(st.just(s), alert_bodies(s), credentials))
    run_cases(strategy, cases, check)
    return tally


def fuzz_mail(gw: LiveGateway, cases: int) -> Tally:
    """Raw mail through our SMTP listener: 250 or a 4xx/5xx refusal, each message once."""
    tally = Tally("mail")

    def check(mail: tuple[bytes, str]) -> None:
        raw, sender = mail
        stored = gw.stored_count()
        reply = gw.smtp(raw, sender)
        new = gw.stored_count() - stored
        again = gw.smtp(raw, sender) if reply.code == 250 else reply
        repeated = gw.stored_count() - stored - new
        problems = gw.logs.take()
        bad = (
            not (reply.code == 250 or 400 <= reply.code < 600)
            or reply.code == 451
            or problems
            or (reply.code != 250 and new)
            or new > 1
            or again.code != reply.code
            or repeated
            or not gw.smtp_serving()
        )
        tally.note(str(reply.code), f"{reply.code} {problems} {raw[:200]!r}" if bad else "")

    run_cases(raw_mails(), cases, check)
    return tally


ENDPOINTS = {
    "telegram": fuzz_telegram,
    "viber": fuzz_viber,
    "whatsapp": fuzz_meta("whatsapp"),
    "messenger": fuzz_meta("messenger"),
    "webchat": fuzz_webchat,
    "console": fuzz_console,
    "routes": fuzz_routes,
    "alerts": fuzz_alerts,
    "mail": fuzz_mail,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--only", default=",".join(ENDPOINTS))
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="fl-fuzz-"))
    failed = False
    try:
        with EmbeddedRedis(workdir / "redis") as url, LiveGateway(url, workdir / "data") as gw:
            gw.logs.take()
            for name in args.only.split(","):
                started = time.monotonic()
                tally = ENDPOINTS[name](gw, args.cases)
                print(f"{tally.line()} | {time.monotonic() - started:.0f} s", flush=True)
                for violation in tally.violations[:5]:
                    print(f"    {violation}")
                failed |= bool(tally.violations)
            outcome = gw.drain(timeout=1800)
            print(f"processing everything accepted: {outcome}", flush=True)
            for problem in sorted(set(gw.logs.take()))[:5]:
                print(f"    {problem[:500]}")
            for dead in gw.dead_letters()[:5]:
                print(f"    dead: {dead[:500]!r}")
            failed |= any(outcome.values())
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
