"""A mail with a pasted log against a short mail: how long each takes to become a ticket.

Both go the whole way a mail goes in one process, on a fresh redis-server: `MailIntake`
(the MIME parse off the event loop, the thread, the original kept, the durable inbound
stream skipped) hands the message to the conversation service, whose turn reads it,
opens the ticket and commits. Short and long mails alternate, each from a sender of its
own with a problem of its own (no thread, no hourly limit, no outage among them), and
the medians are printed with their ratio: the time a pasted log holds the worker, and
so every mail behind it. A log of 190 KB took 25.7 s under load (session 34), each
reader of the dialog about 2 s on 100,000 characters; the dialog now reads a message's
first `READ_CHARS` (gateway/dialogs/extract) and keeps the whole on the ticket.

    python bench/bench_long_mail.py [--rounds 5] [--kilobytes 200]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import random
import statistics
import sys
import time
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from loadstats import embedded_runtime  # noqa: E402

from gateway.config import EmailSettings  # noqa: E402
from gateway.connectors.mail.intake import MailIntake  # noqa: E402
from gateway.models import InboundMessage  # noqa: E402

SUPPORT = "support@helpdesk.example.com"
# What users write above a log: one problem per mail, so no outage is seen among them.
PROBLEMS = (
    "Outlook не отправляет письма, висят в исходящих. Лог ниже.",
    "Принтер на 3 этаже пишет offline, журнал драйвера ниже.",
    "VPN отключается каждые 10 минут, вот лог клиента:",
    "1С не запускается после обновления, прикладываю технологический журнал.",
    "Teams doesn't connect to meetings since this morning, log below.",
    "Не працює сканер, ось журнал служби:",
)


def log_lines(kilobytes: int, seed: int) -> str:
    """A pasted log of about `kilobytes` KB, as an application writes one."""
    rng = random.Random(seed)
    lines: list[str] = []
    size = 0
    while size < kilobytes * 1024:
        line = (
            f"2026-12-05 10:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
            f".{rng.randint(0, 999):03d} ERROR [worker-{rng.randint(1, 16)}]"
            " 0x800CCC0F connection to server lost,"
            f" retry {rng.randint(1, 9)} host=mail{rng.randint(1, 9)}.corp.local"
            f" session={rng.getrandbits(48):012x}"
        )
        lines.append(line)
        size += len(line) + 1
    return "\n".join(lines)


def mail(n: int, kilobytes: int) -> bytes:
    """The n-th mail: a problem, and with `kilobytes` a log under it."""
    problem = PROBLEMS[n % len(PROBLEMS)]
    msg = EmailMessage()
    msg["From"] = f"user{n}@corp.example.com"
    msg["To"] = SUPPORT
    msg["Subject"] = ""
    msg["Date"] = formatdate()
    msg["Message-ID"] = make_msgid(domain="corp.example.com")
    body = f"Добрый день!\n{problem}\n\n{log_lines(kilobytes, n)}" if kilobytes else problem
    msg.set_content(f"{body}\n\n-- \nИван Петров, бухгалтерия")
    return msg.as_bytes()


async def run(rounds: int, kilobytes: int) -> None:
    async with embedded_runtime("fl-bench-long-mail-") as rt:
        settings = EmailSettings(enabled=True, address=SUPPORT)

        async def on_message(message: InboundMessage) -> bool:
            await rt.service.handle(message)
            return True

        intake = MailIntake(settings, rt.store, on_message)
        await intake.take(mail(10_000, 0))  # warm-up: caches, scripts loaded
        times: dict[str, list[float]] = {"short": [], "long": []}
        sizes: dict[str, int] = {}
        for n in range(rounds * 2):
            kind = "long" if n % 2 else "short"
            raw = mail(n, kilobytes if kind == "long" else 0)
            sizes[kind] = len(raw)
            started = time.perf_counter()
            await intake.take(raw)
            times[kind].append(time.perf_counter() - started)
        tickets = await _tickets(rt)
        assert len(tickets) == rounds * 2 + 1, len(tickets)
        longest = max(len(t.fields.get("problem", "")) for t in tickets)
        short, long = statistics.median(times["short"]), statistics.median(times["long"])
        print(f"mail to ticket, {rounds} of each, alternating (median, all)")
        print(f"  short mail ({sizes['short']:>7} bytes): {short * 1e3:8.0f} ms   "
              + " ".join(f"{t * 1e3:.0f}" for t in times["short"]))  # fmt: skip
        print(f"  pasted log ({sizes['long']:>7} bytes): {long * 1e3:8.0f} ms   "
              + " ".join(f"{t * 1e3:.0f}" for t in times["long"]))  # fmt: skip
        print(f"  ratio long / short: {long / short:.1f}")
        print(f"  longest problem kept on a ticket: {longest} characters")


async def _tickets(rt: Any) -> list[Any]:
    ids = [f"HD-{n:06d}" for n in range(1, 100)]
    found = [await rt.store.tickets.get(i) for i in ids]
    return [t for t in found if t is not None]


def main() -> None:
    logging.basicConfig(level=logging.ERROR)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="mails of each kind")
    parser.add_argument("--kilobytes", type=int, default=200, help="the pasted log's size")
    args = parser.parse_args()
    asyncio.run(run(args.rounds, args.kilobytes))


if __name__ == "__main__":
    main()
