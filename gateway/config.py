"""Settings: a YAML file plus environment overrides, validated at start.

Secrets (tokens, passwords, signing keys) never come from the committed YAML: they are
read from the environment or from a secrets file (`FIRSTLINE_SECRETS_FILE`, same shape
as the YAML). Any environment variable `FIRSTLINE__SECTION__KEY=value` overrides
`section.key`; a few common ones have short names (`REDIS_URL`, `TELEGRAM_BOT_TOKEN`...).
"""

from __future__ import annotations

import ipaddress
import os
import re
import sys
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

DEFAULT_CONFIG = Path("config/firstline.yaml")
DEFAULT_FAQ_DIR = Path("faq")
FAQ_SETTING_HINT = "set faq_dir in the config or FIRSTLINE_FAQ_DIR to the directory of articles"
ENV_PREFIX = "FIRSTLINE__"

# Short environment names for the settings people set most.
ENV_ALIASES: dict[str, tuple[str, ...]] = {
    "REDIS_URL": ("redis", "url"),
    "REDIS_PASSWORD": ("redis", "password"),
    "REDIS_SENTINEL_PASSWORD": ("redis", "sentinel_password"),
    "FIRSTLINE_DATA_DIR": ("data_dir",),
    "FIRSTLINE_FAQ_DIR": ("faq_dir",),
    "FIRSTLINE_HTTP_PORT": ("http", "port"),
    "FIRSTLINE_LOG_JSON": ("logging", "json"),
    "TELEGRAM_BOT_TOKEN": ("telegram", "token"),
    "TELEGRAM_WEBHOOK_SECRET": ("telegram", "webhook_secret"),
    "VIBER_AUTH_TOKEN": ("viber", "auth_token"),
    "META_APP_SECRET": ("meta", "app_secret"),
    "META_VERIFY_TOKEN": ("meta", "verify_token"),
    "WHATSAPP_ACCESS_TOKEN": ("whatsapp", "access_token"),
    "MESSENGER_PAGE_TOKEN": ("messenger", "access_token"),
    "INSTAGRAM_ACCESS_TOKEN": ("instagram", "access_token"),
    "FIRSTLINE_SESSION_SECRET": ("web", "session_secret"),
    "EMAIL_SMTP_PASSWORD": ("email", "smtp", "password"),
    "EMAIL_IMAP_PASSWORD": ("email", "imap", "password"),
    "DIRECTORY_PASSWORD": ("directory", "password"),
}

SECRET_KEYS = frozenset(
    {
        "token",
        "auth_token",
        "webhook_secret",
        "password",
        "session_secret",
        "app_secret",
        "verify_token",
        "access_token",
        "hmac_secret",
        "sentinel_password",
    }
)


class ConfigError(Exception):
    """A configuration that cannot start the gateway; the message names the key."""


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _web_address(value: str) -> str:
    """"" or an http(s) URL with a host: a bare "support.example.com" made webhook
    addresses Viber, Meta and Telegram refuse, and links in letters nobody could open."""
    if not value:
        return value
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        host, parts = None, None
    if parts is None or parts.scheme not in ("http", "https") or not host or " " in value:
        raise ValueError(
            f"an http:// or https:// address, e.g. https://support.example.com (got {value!r})"
        )
    return value


def _numeric_id(value: str) -> str:
    """"" or the digits Meta shows for a Page, an Instagram account or a phone number."""
    if value and not value.isdecimal():
        raise ValueError(f"the numeric id Meta shows, e.g. 104060809205587 (got {value!r})")
    return value


WebAddress = Annotated[str, AfterValidator(_web_address)]
MetaId = Annotated[str, AfterValidator(_numeric_id)]


def _host_port(value: str) -> str:
    host, sep, port = value.rpartition(":")
    if not sep or not host or not port.isdecimal() or not 0 < int(port) < 65536:
        raise ValueError(f"not host:port: {value!r}")
    return value


class RedisSettings(_Section):
    """Which Redis: `topology` single (`url`, or an embedded one without it), sentinel
    (a primary watched by Sentinel) or cluster (Redis/Valkey Cluster)."""

    topology: Literal["single", "sentinel", "cluster"] = "single"
    url: str | None = None
    appendfsync: Literal["always", "everysec"] = "everysec"
    # /healthz says "not alive" once Redis has been unreachable this long.
    liveness_grace_seconds: float = Field(30.0, gt=0)
    sentinels: list[str] = []  # sentinel: "host:port" of each sentinel
    service: str = "firstline"  # sentinel: the monitored primary's name
    cluster_nodes: list[str] = []  # cluster: "host:port" of some nodes (seeds)
    username: str | None = None
    password: SecretStr | None = None  # of the data nodes (REDIS_PASSWORD)
    sentinel_password: SecretStr | None = None  # of the sentinels, if they ask for one
    tls: bool = False
    tls_ca_file: str = ""
    # Durable acknowledgement: a write counts once this many replicas have it (WAIT).
    wait_replicas: int = Field(0, ge=0, le=16)
    wait_timeout_ms: int = Field(1000, ge=1)
    socket_timeout: float = Field(5.0, gt=0)

    @field_validator("sentinels", "cluster_nodes")
    @classmethod
    def _addresses(cls, value: list[str]) -> list[str]:
        return [_host_port(v.strip()) for v in value]

    @model_validator(mode="after")
    def _topology_has_what_it_needs(self) -> RedisSettings:
        if self.topology == "sentinel" and not (self.sentinels and self.service):
            raise ValueError("redis.sentinels and redis.service: required for topology sentinel")
        if self.topology == "cluster" and not self.cluster_nodes:
            raise ValueError("redis.cluster_nodes: required for topology cluster")
        return self

    @property
    def embedded(self) -> bool:
        """No Redis named: the gateway runs its own."""
        return self.topology == "single" and not self.url


class HttpSettings(_Section):
    host: str = "127.0.0.1"
    port: int = Field(8080, ge=0, le=65535)
    public_url: WebAddress = ""
    # Reverse proxies whose X-Forwarded-For is believed (addresses or networks).
    trusted_proxies: list[str] = []
    # A request body that stops arriving this long, or is not all there after the
    # other, is refused 408 (a slow-body client holds a connection no longer).
    body_idle_seconds: float = Field(20.0, gt=0)
    body_seconds: float = Field(120.0, gt=0)

    @field_validator("trusted_proxies")
    @classmethod
    def _networks(cls, value: list[str]) -> list[str]:
        for entry in value:
            try:
                ipaddress.ip_network(entry, strict=False)
            except ValueError:
                raise ValueError(f"not an address or network: {entry!r}") from None
        return value

    def public(self, path: str) -> str:
        """The address the outside world reaches `path` at; empty without a public URL."""
        return self.public_url.rstrip("/") + path if self.public_url else ""


class WorkerSettings(_Section):
    """Inbound processing: the stream is split into shards, each leased by one worker."""

    shards: int = Field(16, ge=1, le=1024)
    lease_seconds: float = Field(10.0, gt=0)
    batch: int = Field(50, ge=1)
    block_ms: int = Field(1000, ge=10)
    in_process: bool = True
    # `serve` processes: 1 takes turns inside the serve process; N > 1 starts N - 1
    # supervised worker processes for them; 0 means one per CPU.
    processes: int = Field(0, ge=0, le=256)


class OutboundSettings(_Section):
    max_attempts: int = Field(6, ge=1)
    backoff_base: float = Field(1.0, gt=0)
    backoff_max: float = Field(60.0, gt=0)
    send_timeout: float = Field(15.0, gt=0)


class CalendarSettings(_Section):
    """Business hours: per weekday (mon..sun) "09:00-13:00, 14:00-18:00"; holidays as dates."""

    timezone: str = "UTC"
    hours: dict[str, str] = {}
    holidays: list[date] = []

    @model_validator(mode="after")
    def _valid_calendar(self) -> CalendarSettings:
        from gateway.triage.calendar import BusinessCalendar

        BusinessCalendar.weekly("calendar", self.timezone, self.hours, self.holidays)
        return self


BreachAction = Literal["raise_priority", "next_level", "notify_lead"]


class SlaSettings(_Section):
    """Working minutes to first response and resolution per priority; calendars; timers."""

    first_response_minutes: dict[str, int] = {"P1": 10, "P2": 30, "P3": 240, "P4": 1440}
    resolution_minutes: dict[str, int] = {"P1": 240, "P2": 480, "P3": 4320, "P4": 7200}
    timezone: str = "UTC"  # the desk's zone: report days and hours, times told to users
    calendars: dict[str, CalendarSettings] = {}
    default_calendar: str = ""  # calendar of groups not in group_calendars; "" = 24/7
    group_calendars: dict[str, str] = {}  # support group -> calendar name
    p1_around_the_clock: bool = True
    warning_share: float = Field(0.75, gt=0, lt=1)
    reminder_share: float = Field(0.5, gt=0, lt=1)
    on_breach: dict[str, list[BreachAction]] = {
        "P1": ["next_level", "notify_lead"],
        "P2": ["next_level", "notify_lead"],
        "P3": ["raise_priority"],
        "P4": ["raise_priority"],
    }
    leads: dict[str, str] = {}  # support group -> login of its lead
    on_duty_telegram_chat: str = ""  # Telegram chat told of every warning and breach
    on_duty_email: str = ""  # address mailed every warning and breach (needs `email`)
    desk_language: Literal["ru", "uk", "en"] = "en"  # language of the on-duty messages
    timers: bool = True  # run the SLA timer service in `firstline serve`
    auto_close_days: float = Field(7.0, gt=0)
    auto_close_notice_days: float = Field(1.0, ge=0)
    timer_poll_seconds: float = Field(1.0, gt=0)
    timer_lease_seconds: float = Field(30.0, gt=0)

    @field_validator("on_duty_email")
    @classmethod
    def _one_address(cls, value: str) -> str:
        value = value.strip()
        local, at, domain = value.partition("@")
        if value and (not at or not local or "." not in domain or any(c.isspace() for c in value)):
            raise ValueError(f"on_duty_email: not an e-mail address: {value!r}")
        return value

    @model_validator(mode="after")
    def _calendars_exist(self) -> SlaSettings:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"sla.timezone: unknown time zone {self.timezone!r}") from None
        from gateway.models import SupportGroup

        groups = {g.value for g in SupportGroup}
        for section in ("group_calendars", "leads"):
            unknown = set(getattr(self, section)) - groups
            if unknown:
                raise ValueError(f"sla.{section}: unknown support groups {sorted(unknown)}")
        named = {f"group_calendars.{group}": name for group, name in self.group_calendars.items()}
        if self.default_calendar:
            named["default_calendar"] = self.default_calendar
        for where, name in named.items():
            if name not in self.calendars:
                raise ValueError(f"sla.{where}: no calendar named {name!r} in sla.calendars")
        bad = set(self.on_breach) - {"P1", "P2", "P3", "P4"}
        if bad:
            raise ValueError(f"sla.on_breach: unknown priorities {sorted(bad)}")
        if self.auto_close_notice_days >= self.auto_close_days:
            raise ValueError("sla.auto_close_notice_days: must be less than auto_close_days")
        return self

    @field_validator("first_response_minutes", "resolution_minutes")
    @classmethod
    def _every_priority(cls, value: dict[str, int]) -> dict[str, int]:
        expected = {"P1", "P2", "P3", "P4"}
        if set(value) != expected:
            raise ValueError(f"needs exactly the priorities P1, P2, P3, P4 (got {sorted(value)})")
        if any(minutes <= 0 for minutes in value.values()):
            raise ValueError("minutes must be positive")
        return value


class TelegramSettings(_Section):
    enabled: bool = False
    token: SecretStr | None = None
    api_base: WebAddress = "https://api.telegram.org"
    mode: Literal["polling", "webhook"] = "polling"
    webhook_url: WebAddress = ""
    webhook_secret: SecretStr | None = None
    polling_timeout: int = Field(25, ge=0, le=50)
    # Replies are paced to stay within Telegram's published limits (a 429 costs more).
    per_chat_rate: float = Field(1.0, gt=0)  # messages a second to one chat
    global_rate: float = Field(30.0, gt=0)  # messages a second over all chats


class ViberSettings(_Section):
    enabled: bool = False
    auth_token: SecretStr | None = None
    api_base: WebAddress = "https://chatapi.viber.com/pa"
    webhook_url: WebAddress = ""
    bot_name: str = "IT Support"
    bot_avatar: WebAddress = ""


class MetaSettings(_Section):
    """The Meta app behind WhatsApp, Messenger and Instagram: webhook secrets, Graph API."""

    app_secret: SecretStr | None = None  # signs every webhook POST (X-Hub-Signature-256)
    verify_token: SecretStr | None = None  # echoed in the subscription handshake
    graph_base: WebAddress = "https://graph.facebook.com"
    graph_version: str = Field("v21.0", pattern=r"^v\d+\.\d+$")


class WhatsAppTemplate(_Section):
    """An approved message template: its name and language code in WhatsApp Manager."""

    name: str = Field(min_length=1, max_length=512)
    language: str = Field(min_length=2)  # e.g. en_US, ru, uk


TEMPLATE_PURPOSES = ("ticket_update", "csat_request")


class WhatsAppSettings(_Section):
    enabled: bool = False
    phone_number_id: MetaId = ""
    access_token: SecretStr | None = None
    webhook_url: WebAddress = ""
    # purpose (ticket_update, csat_request) -> conversation language (ru, uk, en) -> template
    templates: dict[str, dict[str, WhatsAppTemplate]] = {}

    @field_validator("templates")
    @classmethod
    def _known_purposes(
        cls, value: dict[str, dict[str, WhatsAppTemplate]]
    ) -> dict[str, dict[str, WhatsAppTemplate]]:
        unknown = set(value) - set(TEMPLATE_PURPOSES)
        if unknown:
            raise ValueError(
                f"unknown template purposes {sorted(unknown)}; use {', '.join(TEMPLATE_PURPOSES)}"
            )
        return value


class MessengerSettings(_Section):
    """A Facebook Page (Messenger) or an Instagram professional account on the Send API."""

    enabled: bool = False
    page_id: MetaId = ""  # the Page id, or the Instagram account id; "" sends via /me
    access_token: SecretStr | None = None  # the Page access token
    webhook_url: WebAddress = ""
    human_agent: bool = False  # the app has the Human Agent feature: answer for 7 days
    profile_names: bool = True  # ask Graph for the user's name (user profile call), cached


class SmtpSettings(_Section):
    """Where our mail goes out (a relay or the site's mail server)."""

    host: str = "localhost"
    port: int = Field(25, ge=1, le=65535)
    security: Literal["none", "starttls", "tls"] = "none"
    username: str = ""
    password: SecretStr | None = None
    timeout: float = Field(30.0, gt=0)


class SmtpListenerSettings(_Section):
    """An optional SMTP server of our own, for sites that route support mail to us."""

    enabled: bool = False
    host: str = "127.0.0.1"
    port: int = Field(2525, ge=0, le=65535)
    hostname: str = ""  # the name in our greeting; the machine's name when empty
    recipients: list[str] = []  # accepted RCPT TO addresses; empty: email.address only
    # Per client address (its IP), counted by this listener; past one the client is told
    # to try later (421 at connection, 451 at RCPT). 0: no limit of that kind. Mail
    # relayed by the site's MTA all comes from its address: set these above its traffic.
    connections_at_once_per_address: int = Field(20, ge=0)
    connections_per_minute_per_address: int = Field(120, ge=0)
    recipients_per_minute_per_address: int = Field(120, ge=0)


class ImapSettings(_Section):
    """A mailbox we read (any IMAP server; with Gmail, Exchange, Yandex use an app password)."""

    enabled: bool = False
    host: str = ""
    port: int = Field(993, ge=1, le=65535)
    security: Literal["tls", "starttls", "none"] = "tls"
    username: str = ""
    password: SecretStr | None = None
    folders: list[str] = ["INBOX"]
    after: Literal["seen", "move"] = "seen"  # what happens to a processed message
    move_to: str = "Processed"
    # The first sync of a folder (no cursor yet, or after a UIDVALIDITY change) takes only
    # unread mail, so years of read mail open no tickets; "all" takes everything there.
    first_sync: Literal["unseen", "all"] = "unseen"
    idle: bool = True  # use IDLE when the server offers it (off: always poll)
    poll_seconds: float = Field(60.0, gt=0)  # when the server has no IDLE, or idle is off
    idle_seconds: float = Field(1380.0, gt=0)  # re-issue IDLE before 29 minutes (RFC 2177)
    timeout: float = Field(60.0, gt=0)


class EmailSettings(_Section):
    """The support mailbox: intake by IMAP and/or our SMTP listener, replies by SMTP."""

    enabled: bool = False
    address: str = ""  # our support address: From of replies, and mail from it is ignored
    display_name: str = "IT Support"
    own_addresses: list[str] = []  # other addresses of ours (aliases) to ignore mail from
    ignore_addresses: list[str] = []  # senders to ignore; "*@domain" patterns work
    max_message_bytes: int = Field(25 * 1024 * 1024, ge=1024)
    max_attachment_bytes: int = Field(10 * 1024 * 1024, ge=0)
    auto_replies_per_hour: int = Field(5, ge=1)  # per address, so robots cannot ping-pong
    # Mail from one sender past this in an hour is kept on its thread like a robot's (no
    # ticket, no answer): one flooding sender cannot fill the queue others wait in.
    mails_per_hour_per_sender: int = Field(30, ge=1)
    # The authserv-id(s) of the mail server that receives our mail and writes
    # Authentication-Results (RFC 8601), e.g. "mx.example.com". When set, a mail its
    # header says failed SPF, DKIM or DMARC for the From domain does not join a thread by
    # its [HD-…] token (a forged From); it opens a conversation of its own.
    trusted_authserv_ids: list[str] = []
    rating_link_days: int = Field(30, ge=1)
    file_retention_days: int = Field(90, ge=1)  # originals and attachments kept this long
    smtp: SmtpSettings = SmtpSettings()
    listener: SmtpListenerSettings = SmtpListenerSettings()
    imap: ImapSettings = ImapSettings()

    @property
    def domain(self) -> str:
        return self.address.rsplit("@", 1)[-1] if "@" in self.address else "localhost"


class WebSettings(_Section):
    """Web chat widget and operator console."""

    session_secret: SecretStr | None = None
    allowed_origins: list[str] = []
    max_message_chars: int = Field(4000, ge=1)
    messages_per_minute: int = Field(30, ge=1)  # per visitor session
    # Opening sessions is free, so the limits also count per client address.
    messages_per_minute_per_address: int = Field(120, ge=1)
    new_sessions_per_minute_per_address: int = Field(10, ge=1)
    # Chat sockets open at once from one client address (in the serving process): a
    # resumed session opens one for free, so without it one client could hold any number.
    sockets_at_once_per_address: int = Field(100, ge=1)
    # Files sent through the widget and attached by operators (kept in Redis).
    upload_max_mb: float = Field(10.0, gt=0, le=50)
    upload_types: list[str] = Field(
        default_factory=lambda: [
            "image/png", "image/jpeg", "image/gif", "image/webp",
            "application/pdf", "text/plain", "application/zip",
        ]
    )  # fmt: skip
    uploads_per_minute: int = Field(10, ge=1)  # per visitor session
    uploads_per_minute_per_address: int = Field(30, ge=1)  # sessions are free to open
    file_retention_days: int = Field(90, ge=1)
    # Public links for channels that fetch files by URL (Viber): valid this long.
    file_link_hours: int = Field(24, ge=1, le=720)

    @property
    def upload_max_bytes(self) -> int:
        return int(self.upload_max_mb * 1024 * 1024)

    @field_validator("upload_types")
    @classmethod
    def _known_types(cls, value: list[str]) -> list[str]:
        from gateway.attachments import EXTENSIONS

        unknown = sorted(set(value) - set(EXTENSIONS))
        if unknown:
            raise ValueError(f"unknown {unknown}; choose from {sorted(EXTENSIONS)}")
        return value


GroupName = Literal["accounts", "hardware", "network", "software", "email", "security"]


class SharedService(_Section):
    """A service many people use at once: the words users call it by, its group."""

    words: list[str] = Field(min_length=1)  # matched at word starts, any case
    group: GroupName = "software"


def _default_services() -> dict[str, SharedService]:
    return {
        "crm": SharedService(words=["crm", "црм", "срм", "bitrix", "битрикс"], group="software"),
        "erp": SharedService(words=["1с", "1c", "sap", "erp"], group="software"),
        "email": SharedService(
            words=["почт", "пошт", "outlook", "аутлук", "e-mail", "email", "mail"], group="email"
        ),
        "vpn": SharedService(words=["vpn", "впн", "forticlient", "anyconnect"], group="network"),
        "internet": SharedService(words=["интернет", "інтернет", "internet"], group="network"),
        "wifi": SharedService(words=["wi-fi", "wifi", "вайфай", "вай-фай"], group="network"),
        "teams": SharedService(words=["teams", "тимс", "тімс"], group="software"),
    }


class IncidentSettings(_Section):
    """Mass incidents: many users reporting one outage become one parent ticket."""

    enabled: bool = True
    reports: int = Field(5, ge=2)  # users reporting the same service/topic within the window
    window_minutes: int = Field(15, ge=1)
    auto_declare: bool = True  # false: the console proposes, an operator declares
    alert_counts: bool = True  # a firing alert for the service counts as one report
    priority: Literal["P1", "P2", "P3", "P4"] = "P1"
    similarity: int = Field(85, ge=50, le=100)  # text match for messages naming no service
    services: dict[str, SharedService] = Field(default_factory=_default_services)


class AlertSource(_Section):
    """One monitoring system's endpoint: a bearer token, an HMAC secret, or both (each
    one configured is required on every call)."""

    enabled: bool = False
    token: SecretStr | None = None  # Authorization: Bearer <token>
    # X-Signature-256: sha256=<hex HMAC of "<X-Signature-Timestamp>:<body>">
    hmac_secret: SecretStr | None = None
    # A signature this far from now is refused (a replay); 0: the body alone is signed
    # (a sender that cannot sign a time: a captured call stays good to replay).
    max_age_seconds: int = Field(300, ge=0, le=24 * 3600)


class AlertRule(_Section):
    """Labels that all match (values in any case) set the group and/or the priority."""

    match: dict[str, str] = Field(min_length=1)
    group: Literal["accounts", "hardware", "network", "software", "email", "security"] | None = None
    priority: Literal["P1", "P2", "P3", "P4"] | None = None


class GenericAlertFields(_Section):
    """Where the generic endpoint finds each field in the posted JSON (dotted paths)."""

    title: str = "title"
    text: str = "message"
    severity: str = "severity"
    dedupe_key: str = "id"
    service: str = "service"
    status: str = "status"
    link: str = "url"
    resolved_values: list[str] = ["resolved", "ok", "up", "recovered"]


# Every monitoring source, each an endpoint `/alerts/<source>` with its own credentials.
ALERT_SOURCES = ("alertmanager", "zabbix", "grafana", "generic")


class AlertSettings(_Section):
    """Monitoring alerts as an intake source: Alertmanager, Zabbix, Grafana, generic JSON."""

    alertmanager: AlertSource = AlertSource()
    zabbix: AlertSource = AlertSource()
    grafana: AlertSource = AlertSource()
    generic: AlertSource = AlertSource()
    generic_fields: GenericAlertFields = GenericAlertFields()
    resolve_on_recovery: bool = True  # Alertmanager "resolved" resolves (Zabbix recovery always)
    reopen_within_minutes: int = Field(60, ge=0)  # fired again this soon: the same ticket
    flapping_after: int = Field(3, ge=2)  # fired this often: recoveries stop resolving it
    default_group: Literal["accounts", "hardware", "network", "software", "email", "security"] = (
        "network"
    )
    default_priority: Literal["P1", "P2", "P3", "P4"] = "P2"
    rules: list[AlertRule] = []
    language: Literal["ru", "uk", "en"] = "en"  # of alert tickets (the desk's)

    def source_problems(self) -> list[tuple[str, str]]:
        """Each enabled source without its credentials, as (alerts.<source>, why)."""
        out = []
        for name in ALERT_SOURCES:
            source: AlertSource = getattr(self, name)
            secrets = [s for s in (source.token, source.hmac_secret) if s is not None]
            if source.enabled and not any(s.get_secret_value() for s in secrets):
                why = (f"alerts.{name}: token or hmac_secret required when enabled "
                       f"(FIRSTLINE__ALERTS__{name.upper()}__TOKEN)")  # fmt: skip
                out.append((f"alerts.{name}", why))
        return out


class SelfServiceLimits(_Section):
    """How often codes may be asked for, and how many unlocks and resets a day."""

    codes_per_hour_per_identity: int = Field(5, ge=1)
    codes_per_hour_per_account: int = Field(5, ge=1)
    codes_per_hour_per_address: int = Field(20, ge=1)
    unlocks_per_day: int = Field(3, ge=1)  # per account
    resets_per_day: int = Field(3, ge=1)  # per account


UNESCAPED_COMMA = re.compile(r"(?<!\\),")  # between a DN's RDNs (an escaped comma is a value's)


class DirectorySettings(_Section):
    """The LDAP directory for account unlock and password reset (OpenLDAP or AD).

    The gateway binds as a service account that may only clear locks and set passwords
    under `base_dn`; members of `protected_groups` are never touched.
    """

    enabled: bool = False
    kind: Literal["openldap", "ad"] = "openldap"
    url: str = ""  # ldap://host:389 (with start_tls) or ldaps://host:636; AD needs LDAPS
    start_tls: bool = False
    ca_file: str = ""  # the CA that signed the directory's certificate; "" = the system's
    tls_name: str = ""  # the name in that certificate, when `url` names the host otherwise
    bind_dn: str = ""  # the service account
    password: SecretStr | None = None  # its password (DIRECTORY_PASSWORD)
    base_dn: str = ""  # where accounts live
    login_attribute: str = ""  # "" = uid (OpenLDAP) or sAMAccountName (AD)
    contact_attribute: str = "mail"  # where the one-time code is sent (a recovery address)
    mail_attribute: str = "mail"  # told by e-mail when the password changed
    protected_groups: list[str] = []  # group DNs whose members the bot never touches
    timeout: float = Field(10.0, gt=0)
    code_length: int = Field(8, ge=6, le=12)  # NIST SP 800-63B: at least 6 random characters
    code_minutes: int = Field(10, ge=1, le=10)  # at most 10 minutes
    code_attempts: int = Field(3, ge=1, le=10)
    link_days: int = Field(90, ge=1)  # a channel identity stays linked this long
    reset_link_minutes: int = Field(15, ge=1, le=60)
    reset_needs_code: bool = False  # a reset also needs a fresh code, not only a link
    must_change_at_next_logon: bool = False  # pwdReset (OpenLDAP) / pwdLastSet=0 (AD)
    # The reset page says the minimum length: this one (shorter is refused before the
    # directory is asked), or the directory's when it is longer (OpenLDAP: `pwdMinLength`
    # of `password_policy_dn`, the overlay's ppolicy_default; AD: the domain's minPwdLength).
    password_min_length: int = Field(0, ge=0, le=128)
    password_policy_dn: str = ""
    limits: SelfServiceLimits = SelfServiceLimits()

    @field_validator("protected_groups")
    @classmethod
    def _full_group_dns(cls, groups: list[str]) -> list[str]:
        """Each a group's whole DN. A YAML flow list splits an unquoted DN at its commas
        (`[cn=admins,ou=groups,dc=example,dc=org]` is four items, none of them a group),
        which protected nobody while the bot believed it did."""
        for dn in groups:
            parts = [p.strip() for p in UNESCAPED_COMMA.split(dn)]
            if len(parts) < 2 or not all("=" in p and not p.startswith("=") for p in parts):
                raise ValueError(
                    f"{dn!r} is not a group's full DN; quote each DN in the YAML list, "
                    '["cn=admins,ou=groups,dc=example,dc=org"] (unquoted, a list splits a '
                    "DN at its commas)"
                )
        return groups

    @property
    def login_attr(self) -> str:
        return self.login_attribute or ("sAMAccountName" if self.kind == "ad" else "uid")


class OperatorAccount(_Section):
    login: str
    name: str = ""
    password_hash: str
    role: Literal["operator", "lead", "admin"] = "operator"
    level: Literal["L1", "L2", "L3"] = "L1"
    groups: list[str] = []
    language: Literal["", "ru", "uk", "en"] = ""  # the console's; "" = the browser's


class TicketStatusSettings(_Section):
    """ "Where is my ticket?": what a user sees of their tickets and may do with them."""

    reopen_days: float = Field(7.0, gt=0)  # "still broken" reopens a ticket resolved this recently
    shown: int = Field(5, ge=1, le=20)  # tickets listed when the user names none


class SupportContactSettings(_Section):
    """How a user reaches the desk besides this chat, told when they ask ("дайте номер
    телефона поддержки"); empty: they are told how to reach a person here."""

    phone: str = ""  # "+380 44 123 45 67", "ext. 555"
    email: str = ""  # "helpdesk@example.com"
    hours: str = ""  # "Mon-Fri 8:00-20:00", shown as written


class LoggingSettings(_Section):
    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    json_format: bool = Field(False, alias="json")

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Settings(_Section):
    """Everything the gateway needs to start."""

    data_dir: Path = Path("data")
    faq_dir: Path = Field(DEFAULT_FAQ_DIR, validate_default=True)
    faq_reload_seconds: float = Field(5.0, ge=0)
    # Labelled phrasings a new sample question is reviewed against (faq/README.md).
    faq_eval_dir: Path = Path("tests/fixtures/eval")
    # What a conversation is answered in when nothing tells its language: no words, and no
    # hint from the channel (the Telegram app's language, a mail's Content-Language).
    default_language: Literal["ru", "uk", "en"] = "ru"
    redis: RedisSettings = RedisSettings()
    http: HttpSettings = HttpSettings()
    worker: WorkerSettings = WorkerSettings()
    outbound: OutboundSettings = OutboundSettings()
    sla: SlaSettings = SlaSettings()
    telegram: TelegramSettings = TelegramSettings()
    email: EmailSettings = EmailSettings()
    viber: ViberSettings = ViberSettings()
    meta: MetaSettings = MetaSettings()
    whatsapp: WhatsAppSettings = WhatsAppSettings()
    messenger: MessengerSettings = MessengerSettings()
    instagram: MessengerSettings = MessengerSettings()
    web: WebSettings = WebSettings()
    alerts: AlertSettings = AlertSettings()
    incidents: IncidentSettings = IncidentSettings()
    operators: list[OperatorAccount] = []
    directory: DirectorySettings = DirectorySettings()
    ticket_status: TicketStatusSettings = TicketStatusSettings()
    support_contact: SupportContactSettings = SupportContactSettings()
    logging: LoggingSettings = LoggingSettings()

    @field_validator("faq_dir")
    @classmethod
    def _bundled_faq_by_default(cls, value: Path) -> Path:
        """The default `faq` outside a checkout means the knowledge base shipped with us."""
        if value == DEFAULT_FAQ_DIR and not value.is_dir():
            return bundled_faq_dir() or value
        return value

    @model_validator(mode="after")
    def _channels_have_what_they_need(self, info: ValidationInfo) -> Settings:
        """What the channels, the alert endpoints, the mail and the directory need to run;
        not asked of a command that runs none of them (`load_settings(..., channels=False)`)."""
        if info.context is not None and info.context.get("channels") is False:
            return self
        problems = self.service_problems()
        if problems:
            raise ValueError(problems[0][1])
        return self

    def service_problems(self) -> list[tuple[str, str]]:
        """Every enabled channel or service missing what it needs to run, as (service,
        why), in the order start-up names the first (`config check` lists them all)."""
        out: list[tuple[str, str]] = []
        tg, vb = self.telegram, self.viber
        if tg.enabled and not (tg.token and tg.token.get_secret_value()):
            why = "telegram.token: required when telegram is enabled (TELEGRAM_BOT_TOKEN)"
            out.append(("telegram", why))
        if tg.enabled and tg.mode == "webhook":
            if not (tg.webhook_url or self.http.public_url):
                out.append(
                    ("telegram", "telegram.webhook_url: webhook mode needs it or http.public_url")
                )
            if not (tg.webhook_secret and tg.webhook_secret.get_secret_value()):
                out.append(("telegram", "telegram.webhook_secret: required in webhook mode "
                                        "(TELEGRAM_WEBHOOK_SECRET)"))  # fmt: skip
        if vb.enabled and not (vb.auth_token and vb.auth_token.get_secret_value()):
            out.append(
                ("viber", "viber.auth_token: required when viber is enabled (VIBER_AUTH_TOKEN)")
            )
        out += self._meta_channel_problems()
        out += self.alerts.source_problems()
        d = self.directory
        if d.enabled and not (d.url and d.bind_dn and d.base_dn and d.password):
            why = ("directory.url, directory.bind_dn, directory.base_dn and directory.password "
                   "(DIRECTORY_PASSWORD): required when the directory is enabled")
            out.append(("directory", why))
        if d.enabled and d.kind == "ad" and not (d.url.startswith("ldaps://") or d.start_tls):
            why = "directory.url: Active Directory sets passwords only over LDAPS"
            out.append(("directory", why))
        em = self.email
        if em.enabled and "@" not in em.address:
            out.append(
                ("email", "email.address: required when email is enabled (support@your.domain)")
            )
        if em.enabled and em.imap.enabled and not (em.imap.host and em.imap.username):
            out.append(
                ("email", "email.imap.host and email.imap.username: required for IMAP intake")
            )
        if em.enabled and em.imap.enabled and not (
            em.imap.password and em.imap.password.get_secret_value()
        ):  # it would start, then fail every login in the background (outside pass, s16)
            why = "email.imap.password: required for IMAP intake (EMAIL_IMAP_PASSWORD)"
            out.append(("email", why))
        return out

    def _meta_channel_problems(self) -> list[tuple[str, str]]:
        channels = {
            "whatsapp": (self.whatsapp, "WHATSAPP_ACCESS_TOKEN"),
            "messenger": (self.messenger, "MESSENGER_PAGE_TOKEN"),
            "instagram": (self.instagram, "INSTAGRAM_ACCESS_TOKEN"),
        }
        out: list[tuple[str, str]] = []
        enabled = [name for name, (section, _) in channels.items() if section.enabled]
        for name in enabled:
            section, env_name = channels[name]
            if not (section.access_token and section.access_token.get_secret_value()):
                out.append(
                    (name, f"{name}.access_token: required when {name} is enabled ({env_name})")
                )
        for key, env_name in (
            ("app_secret", "META_APP_SECRET"),
            ("verify_token", "META_VERIFY_TOKEN"),
        ):
            value = getattr(self.meta, key)
            if enabled and not (value and value.get_secret_value()):
                for name in enabled:  # each Meta channel needs the app's secrets
                    out.append((name, f"meta.{key}: required when {name} is enabled ({env_name})"))
        if self.whatsapp.enabled and not self.whatsapp.phone_number_id:
            out.append(("whatsapp", "whatsapp.phone_number_id: required when whatsapp is enabled"))
        return out


def bundled_faq_dir() -> Path | None:
    """The knowledge base that comes with the code: beside the package in a checkout or
    an editable install, or under `<prefix>/share/firstline/faq` from a wheel."""
    package = Path(__file__).resolve().parent
    for candidate in (
        package.parent / "faq",
        Path(sys.prefix) / "share" / "firstline" / "faq",
    ):
        if candidate.is_dir() and any(candidate.glob("*.yaml")):
            return candidate
    return None


def load_settings(
    path: Path | None = None,
    env: Mapping[str, str] | None = None,
    *,
    channels: bool = True,
) -> Settings:
    """Read the YAML file (if any), the secrets file and the environment; validate.

    `channels=False` is for a command that runs no channel, mail or directory (a report,
    the knowledge base, the terminal chat, an operator account): it needs none of their
    secrets, so a shell without the bot's token can run it."""
    env = os.environ if env is None else env
    path = path or (Path(env["FIRSTLINE_CONFIG"]) if env.get("FIRSTLINE_CONFIG") else None)
    if path is None and DEFAULT_CONFIG.exists():
        path = DEFAULT_CONFIG
    data: dict[str, Any] = {}
    if path is not None:
        data = _read_yaml(path)
        _refuse_committed_secrets(data, str(path))
    secrets_file = env.get("FIRSTLINE_SECRETS_FILE")
    if secrets_file:
        _deep_merge(data, _read_yaml(Path(secrets_file)))
    _deep_merge(data, _env_overrides(env))
    try:
        return Settings.model_validate(data, context={"channels": channels})
    except ValidationError as exc:
        raise ConfigError(_describe(exc, str(path) if path else "configuration")) from None


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: file not found") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: not valid YAML: nested too deeply") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text: {exc.reason}") from None
    if loaded is None:
        return {}
    if not isinstance(loaded, dict):
        raise ConfigError(f"{path}: the top level must be a mapping of settings")
    return loaded


def _refuse_committed_secrets(data: Any, source: str, where: str = "") -> None:
    if isinstance(data, dict):
        for key, value in data.items():
            dotted = f"{where}.{key}" if where else str(key)
            if key in SECRET_KEYS and value not in (None, ""):
                raise ConfigError(
                    f"{source}: {dotted}: secrets must not be in the config file; set it in "
                    f"the environment or in FIRSTLINE_SECRETS_FILE"
                )
            _refuse_committed_secrets(value, source, dotted)


def _env_overrides(env: Mapping[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, dotted in ENV_ALIASES.items():
        if env.get(name):
            _set_path(out, dotted, env[name])
    for name, value in env.items():
        if name.startswith(ENV_PREFIX):
            parts = tuple(p.lower() for p in name[len(ENV_PREFIX) :].split("__") if p)
            if parts:
                _set_path(out, parts, _env_value(value))
    return out


def _env_value(value: str) -> Any:
    """Lists and mappings can be given as YAML/JSON; plain strings stay strings."""
    if value[:1] in "[{":
        try:
            return yaml.safe_load(value)
        except yaml.YAMLError:
            return value
    return value


def _set_path(target: dict[str, Any], dotted: tuple[str, ...], value: Any) -> None:
    for part in dotted[:-1]:
        target = target.setdefault(part, {})
    target[dotted[-1]] = value


def _deep_merge(base: dict[str, Any], extra: dict[str, Any]) -> None:
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            _deep_merge(base[key], value)
        else:
            base[key] = value


def _describe(exc: ValidationError, source: str) -> str:
    lines = [f"{source}: invalid configuration"]
    for err in exc.errors():
        key = ".".join(str(p) for p in err["loc"])
        got = err.get("input")
        shown = "" if isinstance(got, dict | list) or got is None else f" (got {got!r})"
        if err["type"] == "extra_forbidden":
            lines.append(f"  {key}: unknown setting")
        elif not key:  # a rule across several settings names its keys itself
            lines.append(f"  {err['msg'].removeprefix('Value error, ')}")
        else:
            lines.append(f"  {key}: {err['msg']}{shown}")
    return "\n".join(lines)
