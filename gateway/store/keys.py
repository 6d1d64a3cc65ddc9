"""Every Redis key the gateway uses. Nothing else builds key names.

Hash tags (the part in braces) say which keys share a Redis Cluster hash slot, so that
every atomic step (a script, a transaction) touches one slot. They follow what moves
together: a conversation with its transcript and its ticket ids (`{<conversation>}`); a
ticket with its fields, sources, events, notes and alert details (`{<ticket id>}`); an
inbound shard with its lease and its dedupe keys (`{<shard>}`); an outbound stream per
channel (`{<channel>}`); the desk's indexes (all tickets, group queues, conversations,
SLA timers: `{desk}`). Shards and channels each hash to their own slot, so intake and
delivery spread over the cluster's primaries. On one server the tags change nothing but
the names: a store written before them is renamed once at start (store/migration.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable

PREFIX = "fl"
LAYOUT = f"{PREFIX}:layout"  # which key layout the store is in (see TAGGED_LAYOUT)
TAGGED_LAYOUT = "2"  # 2: hash tags; before it (no key): names without tags

INBOUND_GROUP = "workers"
OUTBOUND_GROUP = "senders"

WORKERS = f"{PREFIX}:workers"  # zset: worker id -> last heartbeat
TICKET_SEQ = f"{PREFIX}:ticket:seq"
TICKETS_ALL = f"{PREFIX}:{{desk}}:tickets"  # zset: ticket id -> created_at
EVENTS_CHANNEL = f"{PREFIX}:events"  # pub/sub: live updates for consoles
LIVE_NEWS = f"{PREFIX}:events:news"  # list: commits' live news waiting for their PUBLISH
DEAD_LETTERS = f"{PREFIX}:out:dead"  # list of failed deliveries, newest first
CONVERSATIONS = f"{PREFIX}:{{desk}}:convs"  # zset: conversation key -> last activity
SLA_TIMERS = f"{PREFIX}:{{desk}}:sla:due"  # zset: ticket id -> when its next SLA timer is due
SLA_CLAIMED = f"{PREFIX}:{{desk}}:sla:claimed"  # zset: ticket id -> lease deadline of claimer
# hash: channel -> JSON {reason, since, host} while the channel refuses the bot (every host's)
CHANNELS_DOWN = f"{PREFIX}:{{desk}}:channels:down"


def inbound_stream(shard: int) -> str:
    return f"{PREFIX}:in:{{{shard}}}"


def shard_of_stream(name: str) -> int:
    """The shard an inbound stream's name is of (`fl:in:{3}` -> 3)."""
    return int(name.rsplit("{", 1)[1].rstrip("}"))


def shard_lease(shard: int) -> str:
    return f"{PREFIX}:in:{{{shard}}}:lease"


def shard_holder(shard: int) -> str:
    """The worker that took the shard last (no expiry): what a turn's commit is fenced by."""
    return f"{PREFIX}:in:{{{shard}}}:holder"


def seen(shard: int, channel: str, message_id: str) -> str:
    """A channel message id already accepted: beside its shard's stream (one slot)."""
    return f"{PREFIX}:in:{{{shard}}}:seen:{channel}:{message_id}"


def seen_before_tags(channel: str, message_id: str) -> str:
    """The dedupe key's name before hash tags (a store upgraded in place still has them
    for their TTL; a single server checks them too)."""
    return f"{PREFIX}:seen:{channel}:{message_id}"


def outbound_stream(channel: str) -> str:
    return f"{PREFIX}:out:{{{channel}}}"


def delivered(channel: str, delivery_id: str) -> str:
    """A delivery already sent (beside its channel's stream: retired in one step)."""
    return f"{PREFIX}:out:{{{channel}}}:done:{delivery_id}"


def dead_letter_retried(channel: str, record_digest: str) -> str:
    """Set when one dead letter (by its record's digest) was queued again: two admins
    pressing "retry" at once queue it once."""
    return f"{PREFIX}:out:{{{channel}}}:retried:{record_digest}"


def conversation(key: str) -> str:
    return f"{PREFIX}:conv:{{{key}}}"


def transcript(key: str) -> str:
    return f"{PREFIX}:conv:{{{key}}}:log"


def ticket(ticket_id: str) -> str:
    return f"{PREFIX}:ticket:{{{ticket_id}}}"


def ticket_fields(ticket_id: str) -> str:
    return f"{PREFIX}:ticket:{{{ticket_id}}}:fields"


def ticket_sources(ticket_id: str) -> str:
    """Where each checklist field of the ticket came from (field -> source)."""
    return f"{PREFIX}:ticket:{{{ticket_id}}}:sources"


def ticket_hashes_around_id() -> list[str]:
    """The names of a ticket's three hashes (ticket, fields, sources) as the text before
    and after its id, in pairs: for a server-side script that builds them."""
    mark = "\x00"
    return [
        part for name in (ticket, ticket_fields, ticket_sources) for part in name(mark).split(mark)
    ]


def ticket_events(ticket_id: str) -> str:
    return f"{PREFIX}:ticket:{{{ticket_id}}}:events"


def ticket_notes(ticket_id: str) -> str:
    return f"{PREFIX}:ticket:{{{ticket_id}}}:notes"


def group_queue(group: str) -> str:
    return f"{PREFIX}:{{desk}}:queue:{group}"


def conversation_tickets(key: str) -> str:
    return f"{PREFIX}:conv:{{{key}}}:tickets"


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


def file_upload(conversation: str, uploaded_by: str, upload_id: str) -> str:
    """The id of the file a client's upload `upload_id` was stored as (sent again after
    its answer was lost, it is that file, not a second one)."""
    return f"{PREFIX}:upload:{conversation}:{uploaded_by}:{upload_id}"


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
SLA_BREACHED_ACTIVE = f"{PREFIX}:{{desk}}:sla:breached"  # set: active tickets that breached
SLA_WARNED_ACTIVE = f"{PREFIX}:{{desk}}:sla:warned"  # set: active tickets warned, not breached


def report_day(unit: str) -> str:
    """hash: "metric|group|channel|priority|operator" -> count, for one day (YYYY-MM-DD),
    ISO week (YYYY-Www) or month (YYYY-MM)."""
    return f"{PREFIX}:rep:{unit}"


REPORTS_AMENDED = f"{PREFIX}:rep:amended"  # counter: changes to counters of past days


def report_notes(day: str, kind: str) -> str:
    """list of JSON entries of one day: CSAT comments, unmatched questions."""
    return f"{PREFIX}:rep:{day}:{kind}"


# The e-mail channel: threads, Message-ID index, originals, attachments, intake cursors.
MAIL_UNDELIVERABLE = f"{PREFIX}:mail:undeliverable"  # hash: address -> why (JSON)
MAIL_DEAD = f"{PREFIX}:mail:dead"  # list: mail that could not be taken in (JSON), newest first


def mail_message(id_digest: str) -> str:
    """Which conversation (thread) a Message-ID belongs to."""
    return f"{PREFIX}:mail:msgid:{id_digest}"


def mail_first_copy(id_digest: str) -> str:
    """The content digest of the first mail taken with a Message-ID (see store/mail.copy_of)."""
    return f"{PREFIX}:mail:first:{id_digest}"


def mail_thread(chat_id: str) -> str:
    """A mail thread: address, subject, Message-ID chain (JSON)."""
    return f"{MAIL_THREAD_PREFIX}{chat_id}"


MAIL_THREAD_PREFIX = f"{PREFIX}:mail:thread:"
# Set when every thread kept is in its sender's `mail_threads_by` (store/mail.index_threads).
MAIL_THREADS_INDEXED = f"{PREFIX}:mail:threads-indexed"


def mail_threads_by(address: str) -> str:
    """Zset: the chat ids of the mail threads an address began -> when each last had mail
    (for "where is my ticket?")."""
    return f"{PREFIX}:mail:threads:{address}"


def mail_threads_from(address: str) -> str:
    """The set `mail_threads_by` replaced (no times: which were newest was unknown); only
    removed now, by store/mail.index_threads."""
    return f"{PREFIX}:mail:from:{address}"


def mail_original(id_digest: str) -> str:
    """The raw message as received, for operators."""
    return f"{PREFIX}:mail:raw:{id_digest}"


def mail_attachment(attachment_id: str) -> str:
    """One attachment's bytes and metadata (hash)."""
    return f"{PREFIX}:mail:att:{attachment_id}"


def mail_rating_used(nonce: str) -> str:
    """A rating link already clicked (single use)."""
    return f"{PREFIX}:mail:rated:{nonce}"


def mail_rating_asked(chat_id: str) -> str:
    """The nonce of the rating links a mail thread was sent last: older ones are stale."""
    return f"{PREFIX}:mail:rating-asked:{chat_id}"


def mail_cursor(mailbox: str, folder: str) -> str:
    """IMAP UIDVALIDITY and the last UID stored, per mailbox and folder (hash)."""
    return f"{PREFIX}:mail:cursor:{mailbox}:{folder}"


def mail_set_aside(mailbox: str, folder: str, uidvalidity: int, uid: int) -> str:
    """An IMAP message kept aside as a dead letter (and its sender told): read again after
    a crash, it is not kept or answered twice (string)."""
    return f"{PREFIX}:mail:set-aside:{mailbox}:{folder}:{uidvalidity}:{uid}"


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


def alert_run(source: str, dedupe_key: str) -> str:
    """hash: the status an alert's notifications last had at intake, since when (ms), the
    time the notification that began it was signed at, and whether it is final (its run:
    AlertStore.run_of)."""
    return f"{PREFIX}:alert:run:{source}:{dedupe_key}"


def alert_details(ticket_id: str) -> str:
    """hash: an alert ticket's source, labels (JSON), link, state, fire count, times."""
    return f"{PREFIX}:ticket:{{{ticket_id}}}:alert"


# Mass incidents: a parent ticket per outage, its subscribers, children and timeline.
INCIDENTS_OPEN = f"{PREFIX}:incidents:open"  # zset: incident (parent ticket) id -> declared at
INCIDENTS_ALL = f"{PREFIX}:incidents"  # zset: incident id -> declared at
INCIDENTS_PROPOSED = f"{PREFIX}:incidents:proposed"  # hash: signature -> proposal (JSON)
# zset: conversation key -> when it last reported a problem (the detection window)
INCIDENT_REPORTS = f"{PREFIX}:incidents:reports"
# stream: the conversation of each report counted, in the order of the commits, so that a
# worker reads only what was counted since it last looked. Tagged with the window's whole
# name: in the window's Cluster slot, so a report's two entries are written in one step.
INCIDENT_REPORT_LOG = f"{{{INCIDENT_REPORTS}}}:log"


def incident(incident_id: str) -> str:
    """hash: title, services, topic, status, public messages (JSON), declared by/at."""
    return f"{PREFIX}:incident:{incident_id}"


def incident_around_id() -> list[str]:
    """The name of an incident's hash as the text before and after its id: for a
    server-side script that builds it."""
    mark = "\x00"
    return incident(mark).split(mark)


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
    return f"{PREFIX}:incident:report:{{{conversation_key}}}"  # in the conversation's slot


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


def reset_current(login: str) -> str:
    """The nonce of an account's newest reset link (an older one stops working)."""
    return f"{PREFIX}:dir:reset-current:{login}"


def reset_asker(nonce: str) -> str:
    """The conversation that asked for a reset link, kept days past the link's life: the
    page of an expired or used link speaks that conversation's language."""
    return f"{PREFIX}:dir:reset-asker:{nonce}"


def reset_claim(nonce: str) -> str:
    """Set while one request uses the reset link, so two at once cannot both use it."""
    return f"{PREFIX}:dir:reset:{nonce}:busy"


# Spanning commits on a cluster (store/slot_steps.py): a commit whose writes fall in
# several slots records the steps still to apply as an intent in its home slot.
INTENTS = f"{PREFIX}:intents"  # zset: JSON [intents key, intent id] -> when it was made


def slot_tag(key: str) -> str:
    """The part of a key name Redis Cluster hashes: the text in its first non-empty
    braces, or the whole name."""
    start = key.find("{")
    if start >= 0:
        end = key.find("}", start + 1)
        if end > start + 1:
            return key[start + 1 : end]
    return key


def intents(home_key: str) -> str:
    """hash: intent id -> steps still to apply (JSON), in the slot of `home_key`."""
    return f"{PREFIX}:intents:{{{slot_tag(home_key)}}}"


def step_done(key: str, intent_id: str) -> str:
    """Set once the step of an intent that writes in `key`'s slot has been applied."""
    return f"{PREFIX}:done:{{{slot_tag(key)}}}:{intent_id}"


def check_lock(key: str) -> str:
    """Held while a spanning commit that checked a version in `key`'s slot has yet to write
    there (a few seconds at most: it expires if that process died)."""
    return f"{PREFIX}:lock:{{{slot_tag(key)}}}"


def applied_entry(home_key: str) -> str:
    """The last inbound entry (stream and id) whose turn was committed in the slot of
    `home_key` (a conversation): a turn replayed after a crash is not applied twice."""
    return f"{PREFIX}:applied:{{{slot_tag(home_key)}}}"


def once_mark(home_key: str, commit_id: str) -> str:
    """Set (with the commit's outcome, for a while) once the commit `commit_id` has been
    applied in the slot of `home_key`: the same commit sent again (a client's retry, an
    operator's action repeated by the console) is not applied twice."""
    return f"{PREFIX}:once:{{{slot_tag(home_key)}}}:{commit_id}"


# Names before hash tags -> names now (store/migration.py renames an existing store once).
_NO_TAG = r"([^{}]+)"
_OLD_NAMES: list[tuple[re.Pattern[str], Callable[..., str]]] = [
    (re.compile(rf"{PREFIX}:in:(\d+)"), lambda s: inbound_stream(int(s))),
    (re.compile(rf"{PREFIX}:in:(\d+):lease"), lambda s: shard_lease(int(s))),
    (re.compile(rf"{PREFIX}:out:(?!dead$)([^:{{}}]+)"), outbound_stream),
    (re.compile(rf"{PREFIX}:conv:{_NO_TAG}:log"), transcript),
    (re.compile(rf"{PREFIX}:conv:{_NO_TAG}:tickets"), conversation_tickets),
    (re.compile(rf"{PREFIX}:conv:{_NO_TAG}"), conversation),
    (re.compile(rf"{PREFIX}:ticket:(?!seq$)([A-Za-z0-9_-]+)"), ticket),
    (re.compile(rf"{PREFIX}:ticket:([A-Za-z0-9_-]+):fields"), ticket_fields),
    (re.compile(rf"{PREFIX}:ticket:([A-Za-z0-9_-]+):sources"), ticket_sources),
    (re.compile(rf"{PREFIX}:ticket:([A-Za-z0-9_-]+):events"), ticket_events),
    (re.compile(rf"{PREFIX}:ticket:([A-Za-z0-9_-]+):notes"), ticket_notes),
    (re.compile(rf"{PREFIX}:ticket:([A-Za-z0-9_-]+):alert"), alert_details),
    (re.compile(rf"{PREFIX}:queue:([^:{{}}]+)"), group_queue),
    (re.compile(rf"{PREFIX}:tickets"), lambda: TICKETS_ALL),
    (re.compile(rf"{PREFIX}:convs"), lambda: CONVERSATIONS),
    (re.compile(rf"{PREFIX}:sla:due"), lambda: SLA_TIMERS),
    (re.compile(rf"{PREFIX}:sla:claimed"), lambda: SLA_CLAIMED),
    (re.compile(rf"{PREFIX}:sla:breached"), lambda: SLA_BREACHED_ACTIVE),
    (re.compile(rf"{PREFIX}:sla:warned"), lambda: SLA_WARNED_ACTIVE),
]


def tagged_name(old: str) -> str | None:
    """The name a key written before hash tags has now; None if it keeps its name."""
    if "{" in old:
        return None
    for pattern, new in _OLD_NAMES:
        found = pattern.fullmatch(old)
        if found:
            name = new(*found.groups())
            return name if name != old else None
    return None
