"""What the load benchmarks share: a free loopback port, latency statistics, the CPU
time and memory of a group of processes (from /proc), the web chat's questions and varied
user texts, and the real runtime on a fresh redis-server."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# The benches import `gateway` from this checkout, not from the tree the venv's editable
# install points at: run from another worktree, a bench's own redis-server and in-process
# runtimes were the other tree's code (serve, started with `-m` here, was this one's).
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
EVAL = ROOT / "tests" / "fixtures" / "eval"
QUESTIONS = [  # what each web-chat visitor asks, in turn
    "my printer shows offline and nothing prints",
    "I forgot my password",
    "no sound on my laptop",
    "outlook does not send mail",
]


def varied_texts(eval_dir: Path = EVAL) -> list[tuple[str, str]]:
    """Every question of the FAQ dev and tuning sets, (text, language), each once: with a
    text not seen before in each message, memos cannot hide what a new message costs."""
    files = [eval_dir / "faq_dev.jsonl", *sorted((eval_dir / "blind").glob("faq_tune*.jsonl"))]
    seen: dict[str, str] = {}
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                seen.setdefault(row["q"], row["lang"])
    return list(seen.items())


@contextlib.asynccontextmanager
async def embedded_runtime(prefix: str, **settings_env: str) -> AsyncIterator[Any]:
    """The real runtime (config/firstline.yaml, the repository's faq/) on a fresh
    redis-server in a temporary directory, removed afterwards; `settings_env`: more
    settings, as environment variables."""
    from gateway.config import load_settings
    from gateway.runtime import open_runtime
    from gateway.store.embedded import EmbeddedRedis

    workdir = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        with EmbeddedRedis(workdir / "redis", appendonly=False) as url:
            env = {
                "REDIS_URL": url,
                "FIRSTLINE_DATA_DIR": str(workdir / "data"),
                "FIRSTLINE_FAQ_DIR": str(ROOT / "faq"),
                "FIRSTLINE__LOGGING__LEVEL": "WARNING",
                **settings_env,
            }
            settings = load_settings(ROOT / "config" / "firstline.yaml", env)
            async with open_runtime(settings) as rt:
                yield rt
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LoadResult:
    """Latencies (seconds) of the requests one server answered in one timed run."""

    name: str
    seconds: float
    latencies: list[float] = field(default_factory=list)
    failures: int = 0
    cpu_seconds: float = 0.0  # of the serving processes, when measured

    @property
    def cpu_per_request(self) -> float:
        """CPU seconds the serving processes spent per answered request (0: not measured)."""
        return self.cpu_seconds / len(self.latencies) if self.latencies else 0.0

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    @property
    def median(self) -> float:
        return statistics.median(self.latencies) if self.latencies else float("nan")

    def quantile(self, q: float) -> float:
        lat = sorted(self.latencies)
        return lat[min(len(lat) - 1, int(len(lat) * q))] if lat else float("nan")

    def line(self) -> str:
        return (
            f"{self.name:<10} {self.rate:>8.0f} req/s   median {self.median * 1000:6.2f} ms"
            f"   p99 {self.quantile(0.99) * 1000:6.2f} ms   failures {self.failures}"
            + (f"   CPU {self.cpu_per_request * 1000:.3f} ms/req" if self.cpu_seconds else "")
        )


BARE_STREAM = "bench:bare"


def bare_xadd_app(redis_url: str, *paths: str) -> Any:
    """The floor every ingest figure is compared with: parse the JSON body, XADD it, 200."""
    import redis.asyncio as aioredis
    from aiohttp import web

    client = aioredis.Redis.from_url(redis_url)

    async def handle(request: web.Request) -> web.Response:
        payload = json.loads(await request.read())
        await client.xadd(BARE_STREAM, {"m": json.dumps(payload)})
        return web.Response()

    app = web.Application()
    for path in paths:
        app.router.add_post(path, handle)
    return app


def connector_app(store: Any, connector: Any) -> Any:
    """A web app serving one connector's routes, its store and connector started and
    stopped with it, as the gateway wires them."""
    from aiohttp import web

    app = web.Application()
    app.router.add_routes(connector.routes())

    async def lifecycle(app: web.Application):  # type: ignore[no-untyped-def]
        await store.prepare()
        await connector.start(store.inbound.accept)
        yield
        await connector.stop()
        await store.close()

    app.cleanup_ctx.append(lifecycle)
    return app


async def post_all(
    result: LoadResult, url: str, requests: list[tuple[bytes, dict[str, str]]], concurrency: int
) -> LoadResult:
    """POST every (body, headers) with `concurrency` clients; 200s are timed, the rest fail."""
    import aiohttp

    queue: asyncio.Queue[tuple[bytes, dict[str, str]]] = asyncio.Queue()
    for item in requests:
        queue.put_nowait(item)
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=concurrency)) as http:

        async def worker() -> None:
            while not queue.empty():
                body, headers = queue.get_nowait()
                started = time.perf_counter()
                try:
                    async with http.post(url, data=body, headers=headers) as resp:
                        await resp.read()
                        ok = resp.status == 200
                except aiohttp.ClientError:
                    ok = False
                if ok:
                    result.latencies.append(time.perf_counter() - started)
                else:
                    result.failures += 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        result.seconds = time.perf_counter() - started
    return result


@contextlib.contextmanager
def child_server(script: str, kind: str, redis_url: str, path: str) -> Iterator[str]:
    """Run `script --serve kind` on a free loopback port until the block ends; its URL."""
    port = free_port()
    root = Path(script).resolve().parents[1]
    proc = subprocess.Popen(
        [sys.executable, script, "--serve", kind, "--port", str(port), "--redis", redis_url],
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    try:
        deadline = time.monotonic() + 90  # importing aiogram alone can take 20 s on a busy host
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
                break
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError(f"{kind} server did not start")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}{path}"
    finally:
        proc.terminate()
        proc.wait(10)


def process_tree(pid: int) -> list[int]:
    """`pid` and all its descendants (parents read from /proc/*/stat)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(stat.parent.name))
    out, todo = [], [pid]
    while todo:
        out.append(current := todo.pop())
        todo += children.get(current, [])
    return out


def process_memory(pids: list[int]) -> tuple[int, int]:
    """Summed resident set size and proportional set size (shared pages split), bytes."""
    rss = pss = 0
    for pid in pids:
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                name, _, value = line.partition(":")
                if name in ("Rss", "Pss"):
                    kib = int(value.split()[0]) * 1024
                    rss, pss = (rss + kib, pss) if name == "Rss" else (rss, pss + kib)
    return rss, pss


def process_memory_parts(pid: int) -> dict[str, int]:
    """One process's Rss, Pss, private (Private_Clean + Private_Dirty) and shared
    (Shared_Clean + Shared_Dirty: mapped by another process too) bytes; and of its
    anonymous memory (the heap: no file behind it, `Heap`) the shared bytes, `Heap_Shared`
    (pages a forked child still shares with its parent), and the bytes read or written
    since `forget_touches`, `Heap_Touched`."""
    parts = {"Rss": 0, "Pss": 0, "Private": 0, "Shared": 0}
    parts |= {"Heap": 0, "Heap_Shared": 0, "Heap_Touched": 0}
    anonymous = False
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/smaps").read_text().splitlines():
            name, _, value = line.partition(":")
            if " " not in name:  # a field of the mapping above
                key = name.split("_")[0] if name.startswith(("Private_", "Shared_")) else name
                if key in parts:
                    parts[key] += int(value.split()[0]) * 1024
                if anonymous and key in HEAP_PARTS:
                    parts[HEAP_PARTS[key]] += int(value.split()[0]) * 1024
            else:  # a mapping: address range, perms, offset, device, inode[, path]
                fields = line.split()
                anonymous = len(fields) < 6 or fields[5] == "[heap]"
    return parts


# smaps fields of an anonymous mapping, and what `process_memory_parts` sums them as.
HEAP_PARTS = {"Rss": "Heap", "Shared": "Heap_Shared", "Referenced": "Heap_Touched"}


def forget_touches(pid: int) -> bool:
    """Clear the kernel's record of which of the process's pages were read or written
    (`/proc/PID/clear_refs`), so that `Heap_Touched` counts from now on: what a load
    uses of what the process holds. False where the kernel does not allow it (the count
    then runs from the process's start)."""
    try:
        Path(f"/proc/{pid}/clear_refs").write_text("1")
    except OSError:
        return False
    return True


def process_waits(pids: list[int]) -> float:
    """Seconds the processes' threads have spent runnable but waiting for a CPU so far
    (the scheduler's run-queue delay, /proc/PID/task/TID/schedstat): on a shared host,
    what a latency owes to other programs rather than to the processes' own work."""
    total = 0
    for pid in pids:
        for stat in Path(f"/proc/{pid}/task").glob("*/schedstat"):
            with contextlib.suppress(OSError, ValueError, IndexError):
                total += int(stat.read_text().split()[1])
    return total / 1e9


def process_cpu(pids: list[int]) -> float:
    """User + system CPU seconds the processes have used so far."""
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14, 15)
    return total / os.sysconf("SC_CLK_TCK")
