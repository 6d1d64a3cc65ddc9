"""Every Redis key the gateway uses. Nothing else builds key names."""

from __future__ import annotations

PREFIX = "fl"

INBOUND_GROUP = "workers"
OUTBOUND_GROUP = "senders"

WORKERS = f"{PREFIX}:workers"  # zset: worker id -> last heartbeat
TICKET_SEQ = f"{PREFIX}:ticket:seq"
TICKETS_ALL = f"{PREFIX}:tickets"  # zset: ticket id -> created_at
EVENTS_CHANNEL = f"{PREFIX}:events"  # pub/sub: live updates for consoles
DEAD_LETTERS = f"{PREFIX}:out:dead"  # list of failed deliveries, newest first
CONVERSATIONS = f"{PREFIX}:convs"  # zset: conversation key -> last activity
SLA_TIMERS = f"{PREFIX}:sla:due"  # zset: ticket id -> when its next SLA timer is due
SLA_CLAIMED = f"{PREFIX}:sla:claimed"  # zset: ticket id -> lease deadline of its claimer


def inbound_stream(shard: int) -> str:
    return f"{PREFIX}:in:{shard}"


def shard_lease(shard: int) -> str:
    return f"{PREFIX}:in:{shard}:lease"


def seen(channel: str, message_id: str) -> str:
    return f"{PREFIX}:seen:{channel}:{message_id}"


def outbound_stream(channel: str) -> str:
    return f"{PREFIX}:out:{channel}"


def delivered(delivery_id: str) -> str:
    return f"{PREFIX}:out:done:{delivery_id}"


def conversation(key: str) -> str:
    return f"{PREFIX}:conv:{key}"


def transcript(key: str) -> str:
    return f"{PREFIX}:conv:{key}:log"


def ticket(ticket_id: str) -> str:
    return f"{PREFIX}:ticket:{ticket_id}"


def ticket_fields(ticket_id: str) -> str:
    return f"{PREFIX}:ticket:{ticket_id}:fields"


def ticket_sources(ticket_id: str) -> str:
    """Where each checklist field of the ticket came from (field -> source)."""
    return f"{PREFIX}:ticket:{ticket_id}:sources"


def ticket_hashes_around_id() -> list[str]:
    """The names of a ticket's three hashes (ticket, fields, sources) as the text before
    and after its id, in pairs: for a server-side script that builds them."""
    mark = "\x00"
    return [
        part for name in (ticket, ticket_fields, ticket_sources) for part in name(mark).split(mark)
    ]


def ticket_events(ticket_id: str) -> str:
    return f"{PREFIX}:ticket:{ticket_id}:events"


def ticket_notes(ticket_id: str) -> str:
    return f"{PREFIX}:ticket:{ticket_id}:notes"


def group_queue(group: str) -> str:
    return f"{PREFIX}:queue:{group}"


def conversation_tickets(key: str) -> str:
    return f"{PREFIX}:conv:{key}:tickets"


def channel_cursor(channel: str, name: str) -> str:
    return f"{PREFIX}:cursor:{channel}:{name}"


def channel_state(channel: str, name: str) -> str:
    """Small per-channel records (e.g. blocked users, web-chat sessions)."""
    return f"{PREFIX}:chan:{channel}:{name}"


def channel_record(channel: str, name: str) -> str:
    """A hash of fields written independently (e.g. a sent message's delivery statuses)."""
    return f"{PREFIX}:chan:{channel}:rec:{name}"


OUTCOMES = f"{PREFIX}:outcomes"  # stream: resolved at first line, CSAT scores
INBOUND_DEAD = f"{PREFIX}:in:dead"  # list: inbound messages that failed processing
INBOUND_UNREADABLE = f"{PREFIX}:in:unreadable"  # list: channel payloads we could not read

OPERATORS = f"{PREFIX}:operators"  # hash: login -> operator account JSON (from the CLI)


def stored_file(file_id: str) -> str:
    """An uploaded file: hash of `meta` (JSON) and `data` (bytes), with a TTL."""
    return f"{PREFIX}:file:{file_id}"


def operator_preferences(login: str) -> str:
    """Hash of an operator's console choices (language)."""
    return f"{PREFIX}:operator:{login}:prefs"


def operator_seen(login: str) -> str:
    """Hash: ticket id -> how much of its conversation the operator has seen (entries)."""
    return f"{PREFIX}:operator:{login}:seen"


def web_session(session_id: str) -> str:
    """An operator's console session: login and CSRF token, with a TTL."""
    return f"{PREFIX}:web:session:{session_id}"


def rate_window(scope: str, name: str, window: int) -> str:
    """A counter of hits in one fixed time window (rate limits)."""
    return f"{PREFIX}:rate:{scope}:{name}:{window}"


# Reports: counters aggregated as events happen, one hash per day of the desk's zone.
SLA_BREACHED_ACTIVE = f"{PREFIX}:sla:breached"  # set: active tickets that breached
SLA_WARNED_ACTIVE = f"{PREFIX}:sla:warned"  # set: active tickets warned, not yet breached


def report_day(unit: str) -> str:
    """hash: "metric|group|channel|priority|operator" -> count, for one day (YYYY-MM-DD),
    ISO week (YYYY-Www) or month (YYYY-MM)."""
    return f"{PREFIX}:rep:{unit}"


def report_notes(day: str, kind: str) -> str:
    """list of JSON entries of one day: CSAT comments, unmatched questions."""
    return f"{PREFIX}:rep:{day}:{kind}"


# The e-mail channel: threads, Message-ID index, originals, attachments, intake cursors.
MAIL_UNDELIVERABLE = f"{PREFIX}:mail:undeliverable"  # hash: address -> why (JSON)
MAIL_DEAD = f"{PREFIX}:mail:dead"  # list: mail that could not be taken in (JSON), newest first


def mail_message(id_digest: str) -> str:
    """Which conversation (thread) a Message-ID belongs to."""
    return f"{PREFIX}:mail:msgid:{id_digest}"


def mail_thread(chat_id: str) -> str:
    """A mail thread: address, subject, Message-ID chain (JSON)."""
    return f"{PREFIX}:mail:thread:{chat_id}"


def mail_original(id_digest: str) -> str:
    """The raw message as received, for operators."""
    return f"{PREFIX}:mail:raw:{id_digest}"


def mail_attachment(attachment_id: str) -> str:
    """One attachment's bytes and metadata (hash)."""
    return f"{PREFIX}:mail:att:{attachment_id}"


def mail_rating_used(nonce: str) -> str:
    """A rating link already clicked (single use)."""
    return f"{PREFIX}:mail:rated:{nonce}"


def mail_cursor(mailbox: str, folder: str) -> str:
    """IMAP UIDVALIDITY and the last UID stored, per mailbox and folder (hash)."""
    return f"{PREFIX}:mail:cursor:{mailbox}:{folder}"


def signin_failures(scope: str, name: str) -> str:
    """Failed console sign-ins of one client address or one login, recently."""
    return f"{PREFIX}:signin:fail:{scope}:{name}"


def signin_not_before(scope: str, name: str) -> str:
    """When the next console sign-in from that address or for that login may be tried."""
    return f"{PREFIX}:signin:wait:{scope}:{name}"


# Monitoring alerts: which ticket an alert (source + dedupe key) is on, and its details.
ALERTS_FIRING = f"{PREFIX}:alert:firing"  # hash: ticket id -> service of a firing alert


def alert_ticket(source: str, dedupe_key: str) -> str:
    """The ticket an alert is on (string), kept while it may fire again."""
    return f"{PREFIX}:alert:{source}:{dedupe_key}"


def alert_details(ticket_id: str) -> str:
    """hash: an alert ticket's source, labels (JSON), link, state, fire count, times."""
    return f"{PREFIX}:ticket:{ticket_id}:alert"


# Mass incidents: a parent ticket per outage, its subscribers, children and timeline.
INCIDENTS_OPEN = f"{PREFIX}:incidents:open"  # zset: incident (parent ticket) id -> declared at
INCIDENTS_ALL = f"{PREFIX}:incidents"  # zset: incident id -> declared at
INCIDENTS_PROPOSED = f"{PREFIX}:incidents:proposed"  # hash: signature -> proposal (JSON)
# zset: conversation key -> when it last reported a problem (the detection window)
INCIDENT_REPORTS = f"{PREFIX}:incidents:reports"


def incident(incident_id: str) -> str:
    """hash: title, services, topic, status, public messages (JSON), declared by/at."""
    return f"{PREFIX}:incident:{incident_id}"


def incident_subscribers(incident_id: str) -> str:
    """set: conversation keys told when the incident changes (each once per change)."""
    return f"{PREFIX}:incident:{incident_id}:subs"


def incident_children(incident_id: str) -> str:
    """set: users' tickets linked to the incident's parent ticket."""
    return f"{PREFIX}:incident:{incident_id}:children"


def incident_timeline(incident_id: str) -> str:
    """list: what happened, oldest first (JSON entries)."""
    return f"{PREFIX}:incident:{incident_id}:timeline"


def incident_report(conversation_key: str) -> str:
    """string (JSON, expires with the detection window): the latest problem a user
    reported, as detection weighs it (gateway.triage.outage_reports.OutageReport)."""
    return f"{PREFIX}:incident:report:{conversation_key}"


def incident_signature(signature: str) -> str:
    """The open incident declared for a signature ("service:crm"): one at a time."""
    return f"{PREFIX}:incident:sig:{signature}"


def incident_told(incident_id: str, round_: str) -> str:
    """set: conversations already sent one broadcast ("resolved", "update:3") of an incident,
    so a broadcast split into several commits, or retried, tells each once."""
    return f"{PREFIX}:incident:{incident_id}:told:{round_}"


# Self-service against the directory: one-time codes, linked identities, reset links, audit.
IDENTITY_LINKS = f"{PREFIX}:dir:links"  # zset: channel identity -> when its link expires
DIRECTORY_AUDIT = f"{PREFIX}:dir:audit"  # list of JSON entries, newest first (capped)


def link_code(identity: str) -> str:
    """The one-time code an identity is waiting to enter (hash: login, digest, attempts)."""
    return f"{PREFIX}:dir:code:{identity}"


def identity_link(identity: str) -> str:
    """The directory account a channel identity is linked to (JSON), with a TTL."""
    return f"{PREFIX}:dir:link:{identity}"


def account_identities(login: str) -> str:
    """The channel identities linked to one directory account (set)."""
    return f"{PREFIX}:dir:account:{login}"


def reset_grant(nonce: str) -> str:
    """What one password-reset link may do (JSON: login, identity, language), with a TTL."""
    return f"{PREFIX}:dir:reset:{nonce}"


def reset_claim(nonce: str) -> str:
    """Set while one request uses the reset link, so two at once cannot both use it."""
    return f"{PREFIX}:dir:reset:{nonce}:busy"
