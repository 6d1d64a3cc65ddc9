"""The core of the gateway without the web: Redis, store, knowledge, engine, services."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import tempfile
import time
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from pydantic import SecretStr

from gateway.alert_tickets import AlertTickets
from gateway.config import Settings
from gateway.conversations import ConversationService
from gateway.dialogs.contact import SupportContact
from gateway.dialogs.engine import DialogEngine
from gateway.identities import ChannelIdentityOnly, UserIdentities
from gateway.incidents import IncidentService
from gateway.knowledge.library import KnowledgeLibrary
from gateway.liveness import StoreWatch, TopologyWatch
from gateway.mail_identities import SameSenderThreads
from gateway.models import Priority
from gateway.operations import OperatorDesk
from gateway.reports.recorder import ReportRecorder
from gateway.self_service import SelfService
from gateway.sla_timers import SlaTimerService
from gateway.store import STORE_UNAVAILABLE, RedisTarget, Store, TopologyView
from gateway.store.embedded import EmbeddedRedis
from gateway.store.mail import MailThread
from gateway.store.topology import parse_address
from gateway.texts import Texts
from gateway.ticket_status import TicketStatusDesk
from gateway.triage.calendar import BusinessCalendar
from gateway.triage.services import ServiceCatalog
from gateway.triage.sla import DAY, ON_DUTY_MAIL_THREAD, EscalationPolicy, SlaPolicy

log = logging.getLogger(__name__)

MAX_SOCKET_PATH = 100  # unix socket paths are limited to ~107 bytes
STORE_WAIT_MAX_SECONDS = 5.0  # between tries, at most, while the store is down at start


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
    accounts: SelfService | None = None  # unlock and password reset, with a directory
    # False in `serve` beside worker processes (or with `worker.in_process` off): it keeps
    # no dictionaries after work that reads words (a knowledge reload, a sample review).
    takes_turns: bool = True


def self_service(
    settings: Settings, store: Store, texts: Texts, sla: SlaPolicy
) -> SelfService | None:
    """Self-service against the configured directory; None when there is none."""
    if not settings.directory.enabled:
        return None
    # Imported here: LDAP and SMTP are loaded only where a directory is configured.
    from gateway.directory.ldap import LdapDirectory
    from gateway.self_service_mail import SelfServiceMail

    directory = LdapDirectory(settings.directory)
    mail = SelfServiceMail(settings, texts)
    return SelfService(settings, store, directory, texts, ReportRecorder(sla), mail)


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


def ticket_status_desk(
    settings: Settings, store: Store, sla: SlaPolicy, identities: UserIdentities | None = None
) -> TicketStatusDesk:
    """ "Where is my ticket?" over the store; a user is known by `identities` (their channel
    identity alone unless directory linking supplies more)."""
    section = settings.ticket_status
    return TicketStatusDesk(
        store,
        sla,
        identities or ChannelIdentityOnly(),
        reopen_seconds=section.reopen_days * DAY,
        shown=section.shown,
        operator_names={a.login: a.name for a in settings.operators},
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


def _secret(value: SecretStr | None) -> str | None:
    return (value.get_secret_value() or None) if value is not None else None


def redis_target(settings: Settings, url: str) -> RedisTarget:
    """Where the store connects: the `redis` settings, with `url` for a single server."""
    rs = settings.redis
    return RedisTarget(
        kind=rs.topology,
        url=url,
        sentinels=tuple(parse_address(a) for a in rs.sentinels),
        service=rs.service,
        cluster_nodes=tuple(parse_address(a) for a in rs.cluster_nodes),
        username=rs.username,
        password=_secret(rs.password),
        sentinel_password=_secret(rs.sentinel_password),
        tls=rs.tls,
        tls_ca_file=rs.tls_ca_file,
        socket_timeout=rs.socket_timeout,
        wait_replicas=rs.wait_replicas,
        wait_timeout_ms=rs.wait_timeout_ms,
    )


async def redis_for(settings: Settings) -> tuple[RedisTarget, EmbeddedRedis | None]:
    """The Redis to use, and the embedded server when this process started it: the
    configured Redis (a server, Sentinel or Cluster), else the embedded one another
    firstline process runs on this data dir (joined), else a new embedded one."""
    if not settings.redis.embedded:
        return redis_target(settings, settings.redis.url or ""), None
    server = embedded_redis(settings)
    url, owner = await server.astart_or_join()
    return redis_target(settings, url), server if owner else None


async def found_topology(settings: Settings) -> TopologyView:
    """What the configured external Redis is now: primary, replicas, slot coverage."""
    store = Store.connect(redis_target(settings, settings.redis.url or ""))
    try:
        return await store.topology()
    finally:
        await store.close()


@asynccontextmanager
async def open_store(settings: Settings) -> AsyncIterator[Store]:
    """The store for a command-line tool: the configured Redis, the embedded one of a
    running `firstline serve`, or the embedded one started just for this command."""
    target, server = await redis_for(settings)
    store = Store.connect(target, settings.worker.shards)
    try:
        yield store
    finally:
        await store.close()
        if server is not None:
            await server.astop()


async def prepare_once_reachable(store: Store) -> None:
    """`store.prepare()`, tried again with backoff for as long as the store cannot be
    reached: a worker started during an outage waits for the store (and says so), as a
    running one rides an outage out, instead of failing, exiting and being replaced."""
    delay, waiting_since = 0.1, 0.0
    while True:
        try:
            await store.prepare()
        except STORE_UNAVAILABLE as exc:
            if not waiting_since:
                waiting_since = time.monotonic()
                error = {"error": repr(exc)}
                log.warning("store unreachable at start; waiting for it", extra=error)
            await asyncio.sleep(delay)
            delay = min(STORE_WAIT_MAX_SECONDS, delay * 2)
            continue
        if waiting_since:
            waited = round(time.monotonic() - waiting_since, 1)
            log.warning("store reachable; starting", extra={"after": waited})
        return


@asynccontextmanager
async def open_runtime(
    settings: Settings,
    direct_channels: Iterable[str] = (),
    knowledge: KnowledgeLibrary | None = None,
    takes_turns: bool = True,
    wait_for_store: bool = False,
) -> AsyncIterator[Runtime]:
    """Start (or connect to) Redis and build the services; stop them on exit.

    An embedded redis-server this process started is supervised (restarted from its
    append-only file if it dies); one another firstline process runs is joined.
    `knowledge`: the knowledge base when it is loaded already (before worker processes
    were forked, so they share it); else it is loaded here. `takes_turns`: whether this
    process answers conversations (see `Runtime.takes_turns`). `wait_for_store`: an
    unreachable store is waited for (a worker), not an error (serve, a command).
    """
    target, server = await redis_for(settings)
    store = Store.connect(target, settings.worker.shards, takes_turns=takes_turns)
    stopping = asyncio.Event()
    watch = StoreWatch(store.ping, settings.redis.liveness_grace_seconds)
    background = [
        asyncio.create_task(watch.run(stopping)),
        asyncio.create_task(store.keep_commits_whole(stopping)),
        asyncio.create_task(TopologyWatch(store.topology).run(stopping)),
    ]
    if server is not None:
        background.append(asyncio.create_task(server.supervise(stopping)))
    service: ConversationService | None = None
    try:
        await (prepare_once_reachable(store) if wait_for_store else store.prepare())
        knowledge = knowledge or KnowledgeLibrary(settings.faq_dir, index_now=takes_turns)
        sla = sla_policy(settings)
        catalog = ServiceCatalog.from_config(settings.incidents.services)
        engine = DialogEngine(
            knowledge,
            sla,
            Texts.load(default=settings.default_language),
            default_language=settings.default_language,
            services=catalog,
            incident_similarity=settings.incidents.similarity,
            contact=SupportContact(**settings.support_contact.model_dump()),
        )
        accounts = self_service(settings, store, engine.texts, sla)
        known = accounts or ChannelIdentityOnly()
        if settings.email.enabled:  # a mail user is every thread their address began
            known = SameSenderThreads(store, known)
        tickets = ticket_status_desk(settings, store, sla, known)
        service = ConversationService(
            store, engine, sla, direct_channels, tickets=tickets, accounts=accounts
        )
        incidents = IncidentService(
            service, settings.incidents, catalog, settings.sla.desk_language
        )
        service.incidents = incidents
        alerts = AlertTickets(store, settings.alerts, sla, service.reports)
        alerts.incidents = incidents  # alerts of an incident's service become its children
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
            alerts=alerts,
            incidents=incidents,
            redis_url=target.url,
            watch=watch,
            redis_server=server,
            accounts=accounts,
            takes_turns=takes_turns,
        )
    finally:
        if service is not None:
            service.close()  # the engine's thread
        stopping.set()
        await asyncio.gather(*background, return_exceptions=True)
        await store.close()
        if server is not None:
            await server.astop()
