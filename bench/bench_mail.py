"""E-mail intake: the parser over the fixture corpus, and IMAP intake from a real dovecot.

Two figures, each beside a baseline measured in the same run:

- `parse`: `parse_mail` (MIME with policy.default, charset repair, HTML to text, quote
  and signature separation, attachments, robot and bounce rules, ticket token) over the
  50-message corpus in tests/fixtures/email/, against bare
  `email.message_from_bytes(raw, policy=policy.default)` on the same bytes;
- `imap`: messages/s taken in by `ImapMailbox` (UID search, RFC822.SIZE and BODY.PEEK[]
  fetches in batches, parse, Message-ID dedupe, original and attachments kept, durable
  XADD, \\Seen flag, cursor in Redis after each message) against a bare imapclient loop
  (SELECT, UID SEARCH, FETCH BODY.PEEK[] in the same batches, nothing else), both reading
  the same number of messages from the same dovecot (started unprivileged on a free port,
  as in the tests) with a fresh redis-server.

    python bench/bench_mail.py [--rounds 20] [--messages 1000]
"""

from __future__ import annotations

import argparse
import asyncio
import email
import logging
import shutil
import sys
import tempfile
import time
from email import policy
from pathlib import Path

from imapclient import IMAPClient
from pydantic import SecretStr

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from emulators.dovecot import PASSWORD, USER, Dovecot  # noqa: E402
from gateway.config import EmailSettings, ImapSettings  # noqa: E402
from gateway.connectors.mail.imap import FETCH_BATCH, ImapMailbox  # noqa: E402
from gateway.connectors.mail.intake import MailIntake  # noqa: E402
from gateway.connectors.mail.parse import parse_mail  # noqa: E402
from gateway.store import Store  # noqa: E402
from gateway.store.embedded import EmbeddedRedis  # noqa: E402

CORPUS = sorted((ROOT / "tests" / "fixtures" / "email").glob("*.eml"))


def bench_parse(rounds: int) -> tuple[float, float]:
    messages = [p.read_bytes() for p in CORPUS]
    total = len(messages) * rounds

    def timed(fn) -> float:  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        for _ in range(rounds):
            for raw in messages:
                fn(raw)
        return total / (time.perf_counter() - start)

    bare = timed(lambda raw: email.message_from_bytes(raw, policy=policy.default))
    ours = timed(parse_mail)
    return ours, bare


def unique_copies(n: int) -> list[bytes]:
    """Corpus messages with fresh Message-IDs, so none is dropped as a repeat."""
    out = []
    for i in range(n):
        raw = CORPUS[i % len(CORPUS)].read_bytes()
        header = f"Message-ID: <bench-{i}@bench.firstline>\r\n".encode()
        lines = [ln for ln in raw.split(b"\n") if not ln.lower().startswith(b"message-id:")]
        out.append(header + b"\n".join(lines))
    return out


def fill_mailbox(dovecot: Dovecot, folder: str, messages: list[bytes]) -> None:
    with dovecot.client() as c:
        if not c.folder_exists(folder):
            c.create_folder(folder)
        for raw in messages:
            c.append(folder, raw)


def bare_fetch_loop(dovecot: Dovecot, folder: str) -> int:
    with IMAPClient("127.0.0.1", port=dovecot.port, ssl=False) as c:
        c.login(USER, PASSWORD)
        c.select_folder(folder)
        uids = sorted(c.search(["UID", "1:*"]))
        count = 0
        for start in range(0, len(uids), FETCH_BATCH):
            for _uid, data in c.fetch(uids[start : start + FETCH_BATCH], ["BODY.PEEK[]"]).items():
                count += len(data[b"BODY[]"]) > 0
        return count


async def bench_imap(n: int) -> tuple[float, float]:
    messages = unique_copies(n)
    dovecot = Dovecot()
    workdir = Path(tempfile.mkdtemp(prefix="fl-bench-mail-"))
    try:
        dovecot.start()
        fill_mailbox(dovecot, "Bare", messages)
        fill_mailbox(dovecot, "Ours", messages)
        start = time.perf_counter()
        got = await asyncio.to_thread(bare_fetch_loop, dovecot, "Bare")
        bare = got / (time.perf_counter() - start)
        with EmbeddedRedis(workdir / "redis") as url:
            store = Store.from_url(url, shards=16)
            await store.prepare()
            settings = EmailSettings(enabled=True, address="support@helpdesk.example.com")

            async def on_message(message: object) -> bool:
                return await store.inbound.accept(message)  # type: ignore[arg-type]

            intake = MailIntake(settings, store, on_message)
            imap = ImapSettings(
                enabled=True, host="127.0.0.1", port=dovecot.port, security="none",
                username=USER, password=SecretStr(PASSWORD),
            )  # fmt: skip
            mailbox = ImapMailbox(imap, "Ours", store, intake.take)
            start = time.perf_counter()
            taken = await mailbox.sync_once()
            ours = taken / (time.perf_counter() - start)
            await store.close()
        assert taken == n, (taken, n)
        return ours, bare
    finally:
        dovecot.close()
        shutil.rmtree(workdir, ignore_errors=True)


def main() -> int:
    logging.basicConfig(level=logging.ERROR)  # corpus bounces warn "no known thread"
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=20, help="passes over the corpus")
    parser.add_argument("--messages", type=int, default=1000, help="messages in the mailbox")
    args = parser.parse_args()
    ours, bare = bench_parse(args.rounds)
    print(f"parse  corpus={len(CORPUS)} msgs x {args.rounds} rounds")
    print(f"  bare email.message_from_bytes: {bare:10.0f} msg/s")
    print(f"  firstline parse_mail:          {ours:10.0f} msg/s   ratio {ours / bare:.2f}")
    ours, bare = asyncio.run(bench_imap(args.messages))
    print(f"imap   {args.messages} messages from dovecot")
    print(f"  bare imapclient FETCH loop:    {bare:10.0f} msg/s")
    print(f"  firstline ImapMailbox intake:  {ours:10.0f} msg/s   ratio {ours / bare:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
