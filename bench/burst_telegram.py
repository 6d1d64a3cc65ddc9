"""A 2,000-chat Telegram reply burst against the emulator, at Telegram's real limits.

One reply is queued for each of 2,000 chats at once; the real ChannelSender drains them
through the real TelegramConnector (aiogram) and its default pacing (30 msg/s overall,
1/s per chat) into the Bot API emulator, which answers at once. Prints how many chats
got their reply exactly once, how many got none or two, the dead letters, the busiest
second the API saw beside the 30/s limit, and the drain time beside the ideal
(chats - burst) / 30 s. Takes a little over a minute.

    python bench/burst_telegram.py [--chats 2000] [--send-timeout 15]
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "connectors")]

from burst import reply_burst  # noqa: E402

from emulators.harness import FAST_BACKOFF, with_telegram  # noqa: E402
from emulators.telegram import TelegramEmulator  # noqa: E402
from gateway.config import load_settings  # noqa: E402
from gateway.connectors.ratelimit import SendRateLimiter  # noqa: E402
from gateway.connectors.telegram import TelegramConnector  # noqa: E402
from gateway.store import Store  # noqa: E402
from gateway.store.embedded import EmbeddedRedis  # noqa: E402

GLOBAL_RATE, GLOBAL_BURST = 30.0, 30  # the limiter's defaults: Telegram's published limit


async def run(url: str, chats: int, send_timeout: float) -> int:
    api = TelegramEmulator()
    await api.start()
    store = Store.from_url(url)
    settings = with_telegram(load_settings(None, {"REDIS_URL": url}), api)
    connector = TelegramConnector(settings, store, backoff=FAST_BACKOFF, limiter=SendRateLimiter())
    try:
        result = await reply_burst(
            store, connector, api, chats=chats, send_timeout=send_timeout, timeout=chats
        )
    finally:
        await connector.stop()
        await store.close()
        await api.stop()
    ideal = (chats - GLOBAL_BURST) / GLOBAL_RATE
    print(f"chats: {result.chats}, delivered exactly once: {result.delivered_once}, "
          f"none: {result.missing}, more than once: {result.repeated}, "
          f"dead letters: {result.dead_letters}")  # fmt: skip
    print(f"busiest second: {result.busiest_second} sends (limit {GLOBAL_RATE:.0f}/s after a "
          f"burst of {GLOBAL_BURST}); drained in {result.seconds:.1f} s vs ideal {ideal:.1f} s "
          f"(ratio {result.seconds / ideal:.2f}); send timeout {send_timeout:g} s")  # fmt: skip
    ok = result.delivered_once == chats and result.dead_letters == 0
    return 0 if ok else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chats", type=int, default=2000)
    parser.add_argument("--send-timeout", type=float, default=15.0)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="fl-burst-"))
    try:
        with EmbeddedRedis(workdir, appendonly=False) as url:
            return asyncio.run(run(url, args.chats, args.send_timeout))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
