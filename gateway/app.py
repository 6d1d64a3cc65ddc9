"""The composition root: `create_app(settings)` builds and wires everything.

One aiohttp application serves webhooks, the web chat and the operator console, and
runs in-process workers, the outbound senders and the knowledge-base reloader as
background tasks started and stopped by one cleanup context.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence

from aiohttp import web

from gateway import metrics
from gateway.attachments import with_plain_names
from gateway.channel_health import LIVENESS_READ_SECONDS, ChannelHealth, shared_view
from gateway.config import Settings
from gateway.connectors.base import Connector, OnMessage
from gateway.delivery import ChannelSender
from gateway.disclosed_passwords import hidden_in_message
from gateway.file_links import FileLinks
from gateway.models import (
    UNANSWERED_CHANNELS,
    UNDELIVERED,
    Delivery,
    InboundMessage,
    RateLimit,
)
from gateway.process_memory import give_back_after_work
from gateway.refusals import refusals_logged
from gateway.request_bodies import body_deadline
from gateway.runtime import Runtime, open_runtime
from gateway.store import STORE_UNAVAILABLE, answered_within
from gateway.turns import reload_knowledge, start_workers
from gateway.worker import InboundWorker
from gateway.worker_processes import WorkerProcesses

log = logging.getLogger(__name__)

RUNTIME = web.AppKey("runtime", Runtime)
CONNECTORS = web.AppKey("connectors", list[Connector])
FILE_LINKS = web.AppKey("file_links", FileLinks)
WORKERS = web.AppKey("workers", list[InboundWorker])
STOPPING = web.AppKey("stopping", asyncio.Event)
CHANNEL_HEALTH = web.AppKey("channel_health", list[ChannelHealth])  # one per answered channel

IN_PROCESS_WORKERS = 1  # one worker consumes all its shards concurrently
SHUTDOWN_GRACE_SECONDS = 20.0
OUTAGE_RETRY_AFTER = 5
# A Redis that accepts connections and does not answer (paused, swapping, a half-open
# link) would hold `/readyz` for every retry's socket timeout (~26 s with the default 5 s):
# a probe gets "not ready" within this instead, as the liveness watch sees it (2 s).
READY_PING_SECONDS = 3.0


def build_connectors(settings: Settings, rt: Runtime, links: FileLinks) -> list[Connector]:
    """The channels enabled in the configuration (`links`: public links to kept files)."""
    connectors: list[Connector] = []
    try:
        from gateway.connectors.webchat import WebChatConnector
    except ImportError:  # the widget is optional while it is being built
        WebChatConnector = None  # type: ignore[assignment,misc]
    if WebChatConnector is not None:
        connectors.append(WebChatConnector(settings, rt.store))
    if settings.telegram.enabled:
        from gateway.connectors.telegram import TelegramConnector

        connectors.append(TelegramConnector(settings, rt.store))
    if settings.viber.enabled:
        from gateway.connectors.viber import ViberConnector

        connectors.append(ViberConnector(settings, rt.store, links=links))
    if settings.whatsapp.enabled:
        from gateway.connectors.whatsapp import WhatsAppConnector

        connectors.append(WhatsAppConnector(settings, rt.store))
    for channel in ("messenger", "instagram"):
        if getattr(settings, channel).enabled:
            from gateway.connectors.messenger import MessengerConnector

            connectors.append(MessengerConnector(settings, rt.store, channel))
    if settings.email.enabled:
        from gateway.connectors.mail.connector import EmailConnector

        connectors.append(EmailConnector(settings, rt.store, rt.engine.texts))
    from gateway.connectors.alerts import AlertConnector

    if AlertConnector.enabled(settings):
        connectors.append(AlertConnector(settings, rt.store))
    return connectors


def create_app(
    settings: Settings, worker_processes: WorkerProcesses | None = None
) -> web.Application:
    """Build the gateway application; nothing starts until the app runs.

    With `worker_processes`, turns are taken by those (started and supervised here)
    instead of a worker inside this process, which then serves the web and channels.
    """
    app = web.Application(
        client_max_size=1024**2,
        middlewares=[
            refusals_logged(settings.http.trusted_proxies),
            body_deadline(settings.http.body_idle_seconds, settings.http.body_seconds),
            _store_outage,
        ],
    )
    app[STOPPING] = asyncio.Event()
    app.cleanup_ctx.append(_lifecycle(settings, worker_processes))
    app.router.add_get("/healthz", _healthz)
    app.router.add_get("/readyz", _readyz)
    app.router.add_get("/metrics", _metrics)
    app.on_shutdown.append(_on_shutdown)
    return app


def _lifecycle(
    settings: Settings, children: WorkerProcesses | None
) -> Callable[[web.Application], AsyncIterator[None]]:
    async def lifecycle(app: web.Application) -> AsyncIterator[None]:
        preloaded = children.knowledge if children is not None else None
        turns_here = settings.worker.in_process and children is None
        async with open_runtime(settings, knowledge=preloaded, takes_turns=turns_here) as rt:
            app[RUNTIME] = rt
            app[FILE_LINKS] = links = FileLinks(settings, rt.store)
            connectors = build_connectors(settings, rt, links)
            app[CONNECTORS] = connectors
            app.router.add_routes(links.routes())
            senders = [
                ChannelSender(
                    rt.store,
                    c,
                    consumer=f"sender-{c.channel}",
                    on_blocked=_mark_blocked(rt),
                    on_dead=_note_undelivered(rt),
                    max_attempts=settings.outbound.max_attempts,
                    backoff_base=settings.outbound.backoff_base,
                    backoff_max=settings.outbound.backoff_max,
                    send_timeout=settings.outbound.send_timeout,
                )
                for c in connectors
                if c.channel not in UNANSWERED_CHANNELS
            ]
            app[CHANNEL_HEALTH] = [sender.health for sender in senders]
            for health in app[CHANNEL_HEALTH]:
                health.share(rt.store.channel_states)  # every host shows what one found
            _mount_web(app, rt, connectors)
            tasks: set[asyncio.Task[None]] = set()
            workers = start_workers(rt, IN_PROCESS_WORKERS if turns_here else 0)
            app[WORKERS] = workers
            for runner in [*workers, *senders]:
                _spawn(tasks, runner.run())
            if children is not None and settings.worker.in_process:
                # The embedded Redis is this process's: children join it by its socket.
                embedded = rt.redis_url if settings.redis.embedded else None
                _spawn(tasks, children.run(embedded))
            _spawn(tasks, reload_knowledge(rt, app[STOPPING]))
            _spawn(tasks, give_back_after_work(app[STOPPING]))
            if settings.sla.timers:
                _spawn(tasks, rt.timers.run())
            accept = _counted(rt.store.inbound.accept, settings.redis.socket_timeout)
            for connector in connectors:
                await connector.start(accept)
            log.info(
                "gateway started",
                extra={
                    "channels": [c.channel for c in connectors],
                    "workers": len(workers),
                    "worker_processes": children.count if children else 0,
                },
            )
            await _tell_if_nobody_signs_in(settings, rt)
            try:
                yield
            finally:
                # The web server has stopped taking requests; let workers finish the turn
                # in hand and senders drain, then stop polling and close channel sessions.
                for runner in [*workers, *senders, rt.timers]:
                    runner.stop()
                if children is not None:
                    children.stop()
                _, pending = (
                    await asyncio.wait(set(tasks), timeout=SHUTDOWN_GRACE_SECONDS)
                    if tasks
                    else (set(), set())
                )
                for task in pending:
                    task.cancel()
                await asyncio.gather(*pending, return_exceptions=True)
                for connector in connectors:
                    await _quietly(connector.stop())
                log.info("gateway stopped", extra={"unfinished_tasks": len(pending)})

    return lifecycle


def _mount_web(app: web.Application, rt: Runtime, connectors: list[Connector]) -> None:
    """Routes of the connectors (webhooks, web chat) and of the operator console."""
    for connector in connectors:
        routes = connector.routes()
        if routes:
            app.router.add_routes(routes)
    if rt.accounts is not None:
        from gateway.web.client_address import trusted_networks
        from gateway.web.password_page import PasswordPage

        trusted = trusted_networks(rt.settings.http.trusted_proxies)
        page = PasswordPage(rt.accounts, rt.engine.texts, rt.service.account_news, trusted)
        app.router.add_routes(page.routes())
    try:
        from gateway.web.console import setup_console
    except ImportError:
        return
    setup_console(app, rt)


def _counted(accept: OnMessage, answer_within: float) -> OnMessage:
    """What every channel hands a message to: its files' names plain, passwords in it
    hidden (never stored), then stored (or "store unavailable" after `answer_within`
    seconds), then counted."""

    async def on_message(message: InboundMessage, limits: Sequence[RateLimit] = ()) -> bool:
        message = with_plain_names(message)
        hidden = hidden_in_message(message)
        if hidden is not message:
            message = hidden
            log.info("a password in a message was hidden", extra={"channel": message.channel})
        # A Redis that accepts connections and does not answer (paused, swapping, a
        # half-open link) would hold the channel for every retry's socket timeout (~26 s,
        # 42 s waiting for a pooled connection): a webhook's sender has given up or is
        # about to (Meta's partners allow 5-10 s). One socket timeout, then "try again":
        # a 503 with Retry-After, a web-chat socket closed 1013, mail left for later.
        # A write Redis runs later all the same is a repeat when the channel resends.
        stored = await answered_within(answer_within, accept(message, limits))
        metrics.INBOUND.labels(message.channel, "new" if stored else "repeat").inc()
        return stored

    return on_message


def _mark_blocked(rt: Runtime) -> Callable[[Delivery], Awaitable[None]]:
    async def mark(delivery: Delivery) -> None:
        # Through the inbound stream, so it is ordered with the user's own messages.
        await rt.store.inbound.accept(
            InboundMessage(
                channel=delivery.channel,
                chat_id=delivery.chat_id,
                kind="blocked",
                message_id=f"blocked:{time.time_ns()}",
                meta={UNDELIVERED: delivery.delivery_id},
            )
        )

    return mark


def _note_undelivered(rt: Runtime) -> Callable[[Delivery, str], Awaitable[None]]:
    async def note(delivery: Delivery, error: str) -> None:
        # In the conversation's transcript, where the operator reads what the user was
        # sent: "delivery failed: Bad Request: chat not found" under the reply that did
        # not arrive (an admin can send it again from the dead letters).
        await rt.store.inbound.accept(
            InboundMessage(
                channel=delivery.channel,
                chat_id=delivery.chat_id,
                kind="delivery_failed",
                text=error[:300],
                message_id=f"undelivered:{delivery.delivery_id}",
                meta={UNDELIVERED: delivery.delivery_id},
            )
        )

    return note


async def _tell_if_nobody_signs_in(settings: Settings, rt: Runtime) -> None:
    """A fresh install has no operator account: say how to make one, at start."""
    from gateway.web.operators import OperatorDirectory
    from gateway.web.sessions import NO_ACCOUNTS

    if not await OperatorDirectory(settings, rt.store).everyone():
        log.warning("the console has nobody to sign in: %s", NO_ACCOUNTS)


def _spawn(tasks: set[asyncio.Task[None]], coro: Awaitable[None]) -> None:
    task: asyncio.Task[None] = asyncio.ensure_future(coro)
    tasks.add(task)
    task.add_done_callback(tasks.discard)


async def _quietly(awaitable: Awaitable[None]) -> None:
    try:
        await awaitable
    except Exception:
        log.exception("error while stopping")


async def _on_shutdown(app: web.Application) -> None:
    app[STOPPING].set()


async def _healthz(request: web.Request) -> web.Response:
    """Liveness: not alive once the store has been unreachable longer than the grace. A
    channel that refuses the bot's credentials is named (`channels_down`), but the process
    stays alive: a restart mends no token, and the other channels work."""
    rt = request.app.get(RUNTIME)
    if rt is not None and not rt.watch.alive():
        away = round(rt.watch.unreachable_for())
        return web.json_response(
            {"status": "store unreachable", "unreachable_seconds": away}, status=503
        )
    # The shared state (what any host found), unless the store is already known away.
    wait = LIVENESS_READ_SECONDS if rt is None or rt.watch.reachable else 0.0
    seen = await shared_view(request.app.get(CHANNEL_HEALTH, []), wait)
    down = [c for c in seen if c["status"] == "down"]
    return web.json_response({"status": "ok", "channels_down": down} if down else {"status": "ok"})


@web.middleware
async def _store_outage(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    """While Redis is unreachable every request that needs it gets a 503 to retry later,
    never a 500: nothing was stored, and the channels redeliver."""
    try:
        return await handler(request)
    except STORE_UNAVAILABLE as exc:
        log.warning("store unavailable", extra={"path": request.path, "error": repr(exc)})
        return web.json_response(
            {"error": "temporarily unavailable, try again"},
            status=503,
            headers={"Retry-After": str(OUTAGE_RETRY_AFTER)},
        )


async def _readyz(request: web.Request) -> web.Response:
    app = request.app
    if app[STOPPING].is_set():
        return web.json_response({"status": "stopping"}, status=503)
    try:
        async with asyncio.timeout(READY_PING_SECONDS):
            await app[RUNTIME].store.ping()
        topology = await app[RUNTIME].store.topology()
        backlog = await app[RUNTIME].store.inbound.backlog()
        seen = await shared_view(app.get(CHANNEL_HEALTH, []))
    except Exception as exc:
        # The detail (a socket path, a host) is for the log, not for whoever asks.
        log.warning("readiness check: redis unavailable", extra={"error": repr(exc)})
        return web.json_response({"status": "redis unavailable"}, status=503)
    if not topology.ready:
        # Writes would be refused (no durable acknowledgement possible, slots uncovered).
        log.warning("readiness check: redis degraded", extra={"problems": topology.problems})
        return web.json_response(
            {"status": "redis degraded", "redis": topology.as_dict()}, status=503
        )
    if topology.degraded:
        # Served, but with fewer replica copies than configured: for an alert, not a 503.
        log.warning("readiness check: redis degraded", extra={"degraded": topology.degraded})
    return web.json_response(
        {
            "status": "degraded" if topology.degraded else "ready",
            "channels": [c.channel for c in app[CONNECTORS]],
            "channels_down": [c for c in seen if c["status"] == "down"],
            "inbound_backlog": backlog,
            "redis": topology.as_dict(),
        }
    )


async def _metrics(request: web.Request) -> web.Response:
    await shared_view(request.app.get(CHANNEL_HEALTH, []))  # firstline_channel_up of every host
    body, content_type = metrics.render()
    return web.Response(body=body, headers={"Content-Type": content_type})
