"""Report latency and SLA timer throughput, each beside a baseline from the same run.

Reports: N tickets' worth of events (opened, first response, resolution, rating; a third
of the conversations resolved by the bot) are recorded through `ReportRecorder` over 30
days, then a 30-day report is built with `ReportService` (the console's and the CLI's
path). Baselines in the same Redis: the bare read of the same day hashes (no figures),
and the naive report, a pipelined HGETALL of every ticket hash.

Timers: N tickets whose SLA warning is due at once; `SlaTimerService.tick` runs until all
fired (claim, read ticket and conversation, commit, release: the real path). Baseline:
a bare loop of ZRANGEBYSCORE + ZREM + HSET per ticket.

    python bench/bench_reports.py [--tickets 10000 100000] [--timers 10000]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's gateway, not the venv's install

from gateway.conversations import ConversationService  # noqa: E402
from gateway.dialogs.engine import DialogEngine  # noqa: E402
from gateway.knowledge.library import KnowledgeLibrary  # noqa: E402
from gateway.models import Channel, Priority, SupportGroup, Ticket  # noqa: E402
from gateway.operations import OperatorDesk  # noqa: E402
from gateway.reports.figures import ReportQuery  # noqa: E402
from gateway.reports.recorder import Rating, ReportRecorder  # noqa: E402
from gateway.reports.service import ReportService  # noqa: E402
from gateway.sla_timers import SlaTimerService  # noqa: E402
from gateway.store import Conversation, Store, Transaction, keys  # noqa: E402
from gateway.store.embedded import EmbeddedRedis  # noqa: E402
from gateway.triage import sla_clock  # noqa: E402
from gateway.triage.sla import EscalationPolicy, SlaPolicy  # noqa: E402

DAYS = 30
FIRST_DAY = date(2026, 10, 1)
CHANNELS = [Channel.TELEGRAM.value, Channel.VIBER.value, Channel.WEBCHAT.value, "email"]
OPERATORS = [f"op{i}" for i in range(20)]


async def record_tickets(store: Store, count: int, rng: random.Random) -> None:
    """Events of `count` tickets (and half as many bot resolutions) spread over DAYS."""
    policy = SlaPolicy.default()
    recorder = ReportRecorder(policy)
    base = time.mktime(FIRST_DAY.timetuple())
    tx = Transaction()
    for i in range(count):
        opened = base + rng.random() * DAYS * 86400
        ticket = Ticket(
            id=f"HD-{i:07d}", conversation_key=f"telegram:{i}", channel=rng.choice(CHANNELS),
            chat_id=str(i), subject="bench", group=rng.choice(list(SupportGroup)),
            priority=rng.choice(list(Priority)), topic=f"topic{rng.randrange(60)}",
            reason=rng.choice(["not_solved", "no_answer", "asked_for_person", "urgent"]),
            created_at=opened, updated_at=opened,
        )  # fmt: skip
        sla_clock.start_clocks(ticket, policy, opened)
        operator = rng.choice(OPERATORS)
        ticket.assignee = operator
        recorder.ticket_opened(tx, ticket, f"question {i % 500}")
        recorder.first_response(tx, ticket, operator, opened + rng.expovariate(1 / 1800))
        recorder.resolved(tx, ticket, operator, opened + rng.expovariate(1 / 20000))
        if rng.random() < 0.4:
            score, comment = rng.randint(1, 5), "ok" * (i % 3)
            recorder.csat(tx, Rating(opened + 30000, score, comment, ticket.channel, ticket))
        if i % 2 == 0:
            recorder.bot_resolved(tx, opened, rng.choice(CHANNELS), ticket.group.value)
            recorder.faq_answered(tx, opened, ticket.channel, ticket.group.value, ticket.topic)
        # The naive baseline needs the tickets themselves.
        tx.hset(keys.ticket(ticket.id), {"group": ticket.group.value, "created_at": opened})
        if len(tx.ops) > 5000:
            await store.commit(tx)
            tx = Transaction()
    await store.commit(tx)


async def timed(fn, repeat: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        await fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


async def bench_reports(store: Store, count: int) -> None:
    await store.redis.flushall()
    await record_tickets(store, count, random.Random(count))
    query = ReportQuery(FIRST_DAY, FIRST_DAY + timedelta(days=DAYS - 1))
    units = query.units()

    async def report() -> None:  # cold: a new service each time, as `firstline report`
        await ReportService(store).report(query)

    warm_service = ReportService(store)
    await warm_service.report(query)

    async def warm() -> None:  # the console's service, past days already read once
        await warm_service.report(query)

    async def raw_read() -> None:
        await store.reports.counters(units)

    async def naive() -> None:
        pipe = store.redis.pipeline(transaction=False)
        for i in range(count):
            pipe.hgetall(keys.ticket(f"HD-{i:07d}"))
        await pipe.execute()

    t_report, t_raw, t_warm = await timed(report), await timed(raw_read), await timed(warm)
    t_naive = await timed(naive, repeat=1 if count > 20000 else 3)
    fields = sum(len(d) for d in await store.reports.counters(units))
    print(
        f"report over {count:>7,} tickets, {DAYS} days ({fields:,} counters): "
        f"{t_report * 1000:8.1f} ms | raw counter read {t_raw * 1000:7.1f} ms "
        f"(x{t_report / t_raw:.1f}) | naive scan of every ticket {t_naive * 1000:8.1f} ms "
        f"(report is x{t_naive / t_report:.1f} faster) | warm (past days kept) "
        f"{t_warm * 1000:6.1f} ms"
    )


async def bench_timers(store: Store, count: int) -> None:
    await store.redis.flushall()
    policy = SlaPolicy.default()
    now = time.time()
    tx = Transaction()
    for i in range(count):
        ticket = Ticket(
            id=f"HD-{i:07d}", conversation_key=f"webchat:{i}", channel="webchat", chat_id=str(i),
            subject="bench", group=SupportGroup.HARDWARE, priority=Priority.P2, language="en",
            created_at=now - 1500, updated_at=now - 1500,
        )  # fmt: skip
        sla_clock.start_clocks(ticket, policy, now - 1500)  # 25 of 30 minutes gone: warning due
        tx.save_ticket(ticket)
        conv = Conversation(key=ticket.conversation_key, channel="webchat", chat_id=str(i))
        store.conversations.save(tx, conv, now)
        if len(tx.ops) > 3000:
            await store.commit(tx)
            tx = Transaction()
    await store.commit(tx)
    engine = DialogEngine(KnowledgeLibrary(ROOT / "faq"), policy)
    service = ConversationService(store, engine, policy, direct_channels={"webchat"})
    timers = SlaTimerService(
        store, OperatorDesk(service), policy, EscalationPolicy(), engine.texts, batch=500
    )
    start = time.perf_counter()
    fired = 0
    while await store.sla_timers.next_due() is not None and fired < count:
        fired += await timers.tick()
    t_timers = time.perf_counter() - start
    warned = await store.redis.scard(keys.SLA_WARNED_ACTIVE)

    # Baseline: the bare minimum per timer, with no ticket logic at all.
    await store.redis.zadd("bench:due", {str(i): now for i in range(count)})
    start = time.perf_counter()
    done = 0
    while done < count:
        ids = await store.redis.zrangebyscore("bench:due", "-inf", now, start=0, num=500)
        pipe = store.redis.pipeline(transaction=False)
        for member in ids:
            pipe.zrem("bench:due", member)
            pipe.hset(f"bench:t:{member.decode()}", "fired", "1")
        await pipe.execute()
        done += len(ids)
    t_bare = time.perf_counter() - start
    print(
        f"timers: {count:,} due at once, {warned:,} warned: {count / t_timers:8.0f} fired/s "
        f"| bare ZRANGEBYSCORE+ZREM+HSET {count / t_bare:8.0f}/s "
        f"(ratio {t_bare / t_timers:.3f})"
    )


async def main(args: argparse.Namespace) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="fl-bench-reports-"))
    try:
        with EmbeddedRedis(workdir, appendonly=False) as url:
            store = Store.from_url(url)
            try:
                for count in args.tickets:
                    await bench_reports(store, count)
                await bench_timers(store, args.timers)
            finally:
                await store.close()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tickets", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--timers", type=int, default=10_000)
    asyncio.run(main(parser.parse_args()))
