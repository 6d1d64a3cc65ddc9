"""The core of the gateway without the web: Redis, store, knowledge, engine, services."""

from __future__ import annotations

import asyncio
import hashlib
import tempfile
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from gateway.alert_tickets import AlertTickets
from gateway.config import Settings
from gateway.conversations import ConversationService
from gateway.dialogs.engine import DialogEngine
from gateway.incidents import IncidentService
from gateway.knowledge.library import KnowledgeLibrary
from gateway.liveness import StoreWatch
from gateway.models import Priority
from gateway.operations import OperatorDesk
from gateway.sla_timers import SlaTimerService
from gateway.store import Store
from gateway.store.embedded import EmbeddedRedis
from gateway.store.mail import MailThread
from gateway.texts import Texts
from gateway.triage.calendar import BusinessCalendar
from gateway.triage.services import ServiceCatalog
from gateway.triage.sla import ON_DUTY_MAIL_THREAD, EscalationPolicy, SlaPolicy

MAX_SOCKET_PATH = 100  # unix socket paths are limited to ~107 bytes


@dataclass
class Runtime:
    """Everything a process needs to take part: built once, passed down explicitly."""

    settings: Settings
    store: Store
    knowledge: KnowledgeLibrary
    engine: DialogEngine
    service: ConversationService
    desk: OperatorDesk
    timers: SlaTimerService
    alerts: AlertTickets
    incidents: IncidentService
    redis_url: str
    watch: StoreWatch
    redis_server: EmbeddedRedis | None = None  # when this process runs the embedded one


def sla_policy(settings: Settings) -> SlaPolicy:
    """Due times and calendars from the `sla` section."""
    sla = settings.sla
    calendars = {
        name: BusinessCalendar.weekly(name, c.timezone, c.hours, c.holidays)
        for name, c in sla.calendars.items()
    }
    default = calendars[sla.default_calendar] if sla.default_calendar else None
    return SlaPolicy(
        first_response={Priority(p): m * 60 for p, m in sla.first_response_minutes.items()},
        resolution={Priority(p): m * 60 for p, m in sla.resolution_minutes.items()},
        calendars={group: calendars[name] for group, name in sla.group_calendars.items()},
        default_calendar=default or BusinessCalendar.always(sla.timezone),
        p1_around_the_clock=sla.p1_around_the_clock,
        warning_share=sla.warning_share,
        reminder_share=sla.reminder_share,
        timezone=sla.timezone,
        auto_close_seconds=sla.auto_close_days * 86400,
        auto_close_notice_seconds=sla.auto_close_notice_days * 86400,
    )


def escalation_policy(settings: Settings) -> EscalationPolicy:
    """What breaches set off, from the `sla` section."""
    sla = settings.sla
    return EscalationPolicy(
        on_breach={Priority(p): tuple(actions) for p, actions in sla.on_breach.items()},
        leads=dict(sla.leads),
        on_duty_telegram_chat=sla.on_duty_telegram_chat,
        on_duty_mail_thread=ON_DUTY_MAIL_THREAD if on_duty_mail(settings) else "",
        desk_language=sla.desk_language,
    )


def on_duty_mail(settings: Settings) -> str:
    """The on-duty address, when the e-mail channel is there to send to it."""
    return settings.sla.on_duty_email if settings.email.enabled else ""


async def prepare_on_duty_mail(store: Store, settings: Settings, texts: Texts) -> None:
    """The mail thread SLA notices go out on: to `sla.on_duty_email`, with one subject."""
    address = on_duty_mail(settings)
    if not address:
        return
    thread = await store.mail.thread(ON_DUTY_MAIL_THREAD)
    subject = texts.get(settings.sla.desk_language, "duty_mail_subject")
    if thread is None or (thread.address, thread.subject) != (address, subject):
        await store.mail.save_thread(
            MailThread(chat_id=ON_DUTY_MAIL_THREAD, address=address, subject=subject)
        )


def embedded_redis(settings: Settings) -> EmbeddedRedis:
    server = EmbeddedRedis(settings.data_dir / "redis", settings.redis.appendfsync)
    if len(str(server.socket)) > MAX_SOCKET_PATH:
        digest = hashlib.sha1(str(server.data_dir).encode()).hexdigest()[:12]
        server.socket = Path(tempfile.gettempdir()) / f"firstline-{digest}.sock"
    return server


async def redis_for(settings: Settings) -> tuple[str, EmbeddedRedis | None]:
    """The Redis URL to use, and the embedded server when this process started it: the
    configured Redis, else the embedded one another firstline process runs on this data
    dir (joined), else a new embedded one."""
    if settings.redis.url:
        return settings.redis.url, None
    server = embedded_redis(settings)
    url, owner = await server.astart_or_join()
    return url, server if owner else None


@asynccontextmanager
async def open_store(settings: Settings) -> AsyncIterator[Store]:
    """The store for a command-line tool: the configured Redis, the embedded one of a
    running `firstline serve`, or the embedded one started just for this command."""
    url, server = await redis_for(settings)
    store = Store.from_url(url)
    try:
        yield store
    finally:
        await store.close()
        if server is not None:
            await server.astop()


@asynccontextmanager
async def open_runtime(
    settings: Settings, direct_channels: Iterable[str] = ()
) -> AsyncIterator[Runtime]:
    """Start (or connect to) Redis and build the services; stop them on exit.

    An embedded redis-server this process started is supervised (restarted from its
    append-only file if it dies); one another firstline process runs is joined.
    """
    url, server = await redis_for(settings)
    store = Store.from_url(url, settings.worker.shards)
    stopping = asyncio.Event()
    watch = StoreWatch(store.ping, settings.redis.liveness_grace_seconds)
    background = [asyncio.create_task(watch.run(stopping))]
    if server is not None:
        background.append(asyncio.create_task(server.supervise(stopping)))
    try:
        await store.prepare()
        knowledge = KnowledgeLibrary(settings.faq_dir)
        sla = sla_policy(settings)
        catalog = ServiceCatalog.from_config(settings.incidents.services)
        engine = DialogEngine(
            knowledge,
            sla,
            services=catalog,
            incident_similarity=settings.incidents.similarity,
        )
        service = ConversationService(store, engine, sla, direct_channels)
        incidents = IncidentService(
            service, settings.incidents, catalog, settings.sla.desk_language
        )
        service.incidents = incidents
        desk = OperatorDesk(service)
        await prepare_on_duty_mail(store, settings, engine.texts)
        timers = SlaTimerService(
            store,
            desk,
            sla,
            escalation_policy(settings),
            engine.texts,
            poll_seconds=settings.sla.timer_poll_seconds,
            lease_seconds=settings.sla.timer_lease_seconds,
        )
        yield Runtime(
            settings=settings,
            store=store,
            knowledge=knowledge,
            engine=engine,
            service=service,
            desk=desk,
            timers=timers,
            incidents=incidents,
            alerts=AlertTickets(store, settings.alerts, sla, service.reports),
            redis_url=url,
            watch=watch,
            redis_server=server,
        )
    finally:
        stopping.set()
        await asyncio.gather(*background, return_exceptions=True)
        await store.close()
        if server is not None:
            await server.astop()
