"""The `firstline` command: serve, worker, config, faq, chat, eval, operator."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import sys
from collections.abc import Coroutine
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from gateway.config import (
    ALERT_SOURCES,
    FAQ_SETTING_HINT,
    ConfigError,
    Settings,
    load_settings,
)
from gateway.knowledge.loader import KnowledgeBaseError

if TYPE_CHECKING:
    from gateway.worker_processes import WorkerProcesses


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    what = "firstline " + args.func.__name__.lstrip("_").replace("_", " ")
    try:
        return int(args.func(args) or 0)
    except ConfigError as exc:
        return _fail(f"configuration error: {exc}", 2)
    except KnowledgeBaseError as exc:
        problems = "; ".join(exc.problems[:3]) + ("; ..." if len(exc.problems) > 3 else "")
        return _fail(f"knowledge base: {problems} ({FAQ_SETTING_HINT})", 2)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head` and the like
        return 0
    except OSError as exc:  # a port in use, an unreadable file, Redis unreachable...
        return _fail(f"{what}: {exc.strerror or exc}", 1)
    except Exception as exc:  # a clean line, never a traceback
        return _fail(f"{what}: {type(exc).__name__}: {exc}", 1)


def _fail(message: str, code: int) -> int:
    """Print one line naming the problem, as every CLI error should be."""
    print(" ".join(message.split()), file=sys.stderr)
    return code


class _Parser(argparse.ArgumentParser):
    """Usage mistakes are one line too, naming where to look."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _count(text: str) -> int:
    """A count of things to run or show: 1 or more (0 or -2 ran nothing and said nothing)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid int value: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more (got {value})")
    return value


def _port(text: str) -> int:
    """A TCP port, as `http.port` is checked in a config file (0: any free one)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid int value: {text!r}") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"a port is 0-65535 (got {value})")
    return value


def _days(text: str) -> float:
    """A period back from now, in days: more than 0."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid number of days: {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be more than 0 days (got {text})")
    return value


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="firstline", description=__doc__)
    p.add_argument("-c", "--config", type=Path, help="YAML config (default config/firstline.yaml)")
    sub = p.add_subparsers(metavar="COMMAND")

    s = sub.add_parser("serve", help="run the gateway: web endpoints, channels and workers")
    s.add_argument("--host")
    s.add_argument("--port", type=_port)
    s.add_argument(
        "--processes",
        type=int,
        help="processes sharing the work: N > 1 adds N - 1 supervised worker processes "
        "(default: worker.processes, else one per CPU)",
    )
    s.set_defaults(func=_serve)

    w = sub.add_parser("worker", help="run extra inbound workers against the same Redis")
    w.add_argument("--count", type=_count, default=1, help="workers in this process")
    w.set_defaults(func=_worker)

    cfg = sub.add_parser("config", help="configuration tools").add_subparsers(metavar="ACTION")
    c = cfg.add_parser("check", help="validate a config file without starting")
    c.add_argument("file", type=Path, nargs="?")
    c.set_defaults(func=_config_check)

    faq = sub.add_parser("faq", help="knowledge-base tools").add_subparsers(metavar="ACTION")
    fc = faq.add_parser("check", help="validate the knowledge-base files")
    fc.add_argument("--dir", type=Path)
    fc.set_defaults(func=_faq_check)
    fm = faq.add_parser("match", help="print the best matching articles as JSON")
    fm.add_argument("text")
    fm.add_argument("--lang", choices=["ru", "uk", "en"])
    fm.add_argument("--top", type=_count, default=5)
    fm.add_argument("--dir", type=Path)
    fm.set_defaults(func=_faq_match)
    fg = faq.add_parser(
        "gaps", help="questions the bot could not answer or the user said no to, clustered"
    )
    fg.add_argument("--days", type=_days, default=7.0, help="look this many days back")
    fg.add_argument("--json", action="store_true", help="one JSON object per gap")
    fg.set_defaults(func=_faq_gaps)

    ch = sub.add_parser("chat", help="talk to the bot in the terminal (same engine and store)")
    ch.add_argument("--json", action="store_true", help="JSON lines in and out, for scripts")
    ch.set_defaults(func=_chat)

    evp = sub.add_parser("eval", help="evaluate matching, dialogs and the checklist extractors")
    evp.set_defaults(func=_eval_extractors, dir=None)
    ev = evp.add_subparsers(metavar="WHAT")
    ef = ev.add_parser(
        "faq", help="FAQ matching accuracy: dev, tuning part (cross-validated), frozen part"
    )
    ef.add_argument("file", type=Path, nargs="?", help="evaluate only this JSONL file")
    ef.add_argument("--dir", type=Path)
    ef.add_argument("--sets", type=Path, default=Path("tests/fixtures/eval"))
    ef.add_argument("--fit", action="store_true", help="refit the decision, write decision.json")
    ef.set_defaults(func=_eval_faq)
    ed = ev.add_parser("dialogs", help="run dialog scenarios from a YAML file")
    ed.add_argument("file", type=Path)
    ed.set_defaults(func=_eval_dialogs)
    ex = ev.add_parser("extractors", help="score the checklist extractors on their tables")
    ex.add_argument("dir", type=Path, nargs="?", help="tables directory (default: the repo's)")
    ex.set_defaults(func=_eval_extractors)

    em = sub.add_parser("email", help="e-mail channel tools").add_subparsers(metavar="ACTION")
    ep = em.add_parser("parse", help="show what the mail parser understood of a message file")
    ep.add_argument("file", type=Path, help="a raw message (.eml); - reads standard input")
    ep.add_argument("--json", action="store_true", help="print JSON")
    ep.add_argument("--max-attachment-bytes", type=int, default=10 * 1024 * 1024)
    ep.set_defaults(func=_email_parse)

    rp = sub.add_parser("report", help="desk report: deflection, times, SLA, CSAT, KB, volume")
    rp.add_argument("--from", dest="start", help="first day, YYYY-MM-DD (default: 6 days ago)")
    rp.add_argument("--to", dest="end", help="last day, YYYY-MM-DD (default: today)")
    rp.add_argument("--group", action="append", default=[], help="support group (repeatable)")
    rp.add_argument("--channel", default="")
    rp.add_argument("--operator", default="")
    rp.add_argument("--priority", default="", choices=["", "P1", "P2", "P3", "P4"])
    rp.add_argument("--format", default="table", choices=["table", "json", "csv"])
    rp.set_defaults(func=_report)

    op = sub.add_parser("operator", help="operator accounts").add_subparsers(metavar="ACTION")
    oa = op.add_parser("add", help="create or update an operator account")
    oa.add_argument("login")
    oa.add_argument("--name", default="")
    oa.add_argument("--role", choices=["operator", "lead", "admin"], default="operator")
    oa.add_argument("--level", choices=["L1", "L2", "L3"], default="L1")
    oa.add_argument("--groups", default="", help="comma-separated support groups")
    secret = oa.add_mutually_exclusive_group()
    secret.add_argument("--password", help="read from the terminal when omitted")
    secret.add_argument(
        "--password-stdin", action="store_true", help="read the password from the first stdin line"
    )
    oa.set_defaults(func=_operator_add)
    return p


def _settings(args: argparse.Namespace, *, runs_channels: bool = False) -> Settings:
    """The settings; the channels' secrets are asked for only by what runs channels (serve,
    worker): a report or an operator account is made from a shell without the bot's token."""
    return load_settings(args.config, channels=runs_channels)


def _configure_logs(settings: Settings) -> None:
    from gateway import logs

    secrets = [
        s.get_secret_value()
        for s in (
            settings.telegram.token,
            settings.telegram.webhook_secret,
            settings.viber.auth_token,
            settings.web.session_secret,
            settings.meta.app_secret,
            settings.meta.verify_token,
            settings.whatsapp.access_token,
            settings.messenger.access_token,
            settings.instagram.access_token,
            *(
                getattr(getattr(settings.alerts, source), kind)
                for source in ALERT_SOURCES
                for kind in ("token", "hmac_secret")
            ),
        )
        if s is not None
    ]
    logs.configure(settings.logging.level, settings.logging.json_format, secrets)


def _serve(args: argparse.Namespace) -> int:
    settings = _settings(args, runs_channels=True)
    http = settings.http.model_copy(
        update={k: v for k, v in (("host", args.host), ("port", args.port)) if v is not None}
    )
    settings = settings.model_copy(update={"http": http})
    _configure_logs(settings)
    children = _worker_processes(args, settings)
    if children is not None and settings.worker.in_process:
        # Before the event loop and any thread, and before the web stack is imported: a
        # worker process has no use for aiohttp, the console or the channels' connectors.
        children.fork_preloaded(settings)
    from aiohttp import web

    from gateway.app import create_app

    web.run_app(
        create_app(settings, children),
        host=settings.http.host,
        port=settings.http.port,
        print=lambda line: print(line, file=sys.stderr),
        shutdown_timeout=30,
    )
    return 0


def _worker_processes(args: argparse.Namespace, settings: Settings) -> WorkerProcesses | None:
    """The worker processes `serve` runs beside itself, if more than one process."""
    if args.processes is not None and args.processes < 1:
        raise ConfigError("--processes must be 1 or more")
    processes = args.processes or settings.worker.processes or os.cpu_count() or 1
    if processes < 2:
        return None
    from gateway.metrics_sharing import share_metrics_between_processes

    share_metrics_between_processes()  # before the worker code imports the metrics
    from gateway.worker_processes import WorkerProcesses, worker_env

    return WorkerProcesses(processes - 1, worker_env(str(args.config) if args.config else None))


def _worker(args: argparse.Namespace) -> int:
    settings = _joined(_settings(args, runs_channels=True), "worker")
    if settings is None:
        return 2
    _configure_logs(settings)
    from gateway.turns import run_workers

    return asyncio.run(run_workers(settings, args.count))


def _joined(settings: Settings, command: str) -> Settings | None:
    """Settings that reach the running gateway's Redis (its embedded one, if no URL)."""
    if not settings.redis.embedded:
        return settings
    from gateway.runtime import embedded_redis

    socket = embedded_redis(settings).socket
    if not socket.exists():
        print(
            f"{command}: set REDIS_URL, or start `firstline serve` first so its embedded "
            f"Redis ({socket}) is running",
            file=sys.stderr,
        )
        return None
    return settings.model_copy(
        update={"redis": settings.redis.model_copy(update={"url": f"unix://{socket}"})}
    )


def _report(args: argparse.Namespace) -> int:
    from gateway.reports.commands import print_report

    settings = _joined(_settings(args), "report")
    if settings is None:
        return 2
    return asyncio.run(print_report(settings, args, sys.stdout))


def _config_check(args: argparse.Namespace) -> int:
    """Validate the settings; with an external Redis, also say what topology it has."""
    path = args.file or args.config
    try:
        settings = load_settings(path)
    except ConfigError:
        # Say what each channel and service would be before the first problem's line:
        # every misconfigured one, not only the first start-up would stop at.
        _show_states(load_settings(path, channels=False))
        raise
    redis_kind = "embedded" if settings.redis.embedded else settings.redis.topology
    print(f"OK: {path or 'configuration'} is valid (redis: {redis_kind})")
    _show_states(settings)
    if settings.redis.embedded:
        return 0
    from gateway.runtime import found_topology

    view = asyncio.run(found_topology(settings))
    print(f"redis topology found: {json.dumps(view.as_dict())}")
    if not view.ready:
        return _fail(f"redis: {'; '.join(view.problems)}", 1)
    if view.degraded:
        print(f"WARNING: redis degraded: {'; '.join(view.degraded)}", file=sys.stderr)
    return 0


def _show_states(settings: Settings) -> None:
    """Each channel and service: on, off or misconfigured and why (no secret printed)."""
    from gateway.service_states import service_states

    found = service_states(settings)
    width = max(len(state.name) for state in found)
    print("channels and services:")
    for state in found:
        print(state.line(width))


def _faq_dir(args: argparse.Namespace) -> Path:
    return args.dir or _settings(args).faq_dir


def _faq_check(args: argparse.Namespace) -> int:
    from gateway.knowledge.commands import faq_check

    return faq_check(_faq_dir(args))


def _faq_match(args: argparse.Namespace) -> int:
    from gateway.knowledge.commands import faq_match

    return faq_match(_faq_dir(args), args.text, args.lang, args.top)


def _faq_gaps(args: argparse.Namespace) -> int:
    from gateway.knowledge.commands import faq_gaps
    from gateway.runtime import open_store

    async def run() -> int:
        async with open_store(_settings(args)) as store:
            return await faq_gaps(store, args.days, args.json)

    return asyncio.run(run())


def _eval_faq(args: argparse.Namespace) -> int:
    from gateway.knowledge.commands import eval_faq

    return eval_faq(_faq_dir(args), args.file, args.sets, args.fit)


def _chat(args: argparse.Namespace) -> int:
    from gateway.dialogs.chat import run_chat

    return asyncio.run(
        _until_terminated(run_chat(_settings(args), args.json, sys.stdin, sys.stdout))
    )


async def _until_terminated(main: Coroutine[Any, Any, int]) -> int:
    """Run `main`; SIGTERM or SIGINT cancels it, so its `finally` blocks (stopping an
    embedded Redis) run before the process exits."""
    task = asyncio.ensure_future(main)
    terminated = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, terminated.set)
    stop = asyncio.ensure_future(terminated.wait())
    await asyncio.wait({task, stop}, return_when=asyncio.FIRST_COMPLETED)
    stop.cancel()
    if task.done():
        return task.result()
    # A library may swallow one cancellation mid-call: cancel until the task has ended.
    while not task.done():
        task.cancel()
        await asyncio.wait({task}, timeout=1.0)
    return 128 + signal.SIGTERM


def _eval_dialogs(args: argparse.Namespace) -> int:
    from gateway.dialogs.evaluation import eval_dialogs

    return asyncio.run(_until_terminated(eval_dialogs(_settings(args), args.file, sys.stdout)))


def _eval_extractors(args: argparse.Namespace) -> int:
    from gateway.dialogs.extract.tables import TABLES_DIR, eval_extractors

    return eval_extractors(args.dir or TABLES_DIR, sys.stdout)


def _email_parse(args: argparse.Namespace) -> int:
    from gateway.connectors.mail.commands import parse_command

    return parse_command(args.file, args.json, args.max_attachment_bytes)


def _operator_add(args: argparse.Namespace) -> int:
    from gateway.web.operators import add_operator_command

    return add_operator_command(args, _settings(args))


__all__ = ["main"]
