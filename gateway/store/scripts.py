"""Lua scripts that make multi-key changes atomic on the Redis server."""

from __future__ import annotations

# Dedupe and durable append in one step: a repeat of the same channel message id is
# dropped, a new one is in the stream (and the AOF) before the caller acknowledges.
# A repeat still writes (the dedupe key's TTL), so a WAIT after it also covers the first
# write: a repeat sent because that WAIT timed out is acknowledged only once replicated.
# With rate limits, the message is first counted against them, in the same step (one
# round trip): KEYS[3..] are fixed-window counters, ARGV[3..] each one's limit and TTL
# (set when the window's counter is made, as InboundQueue._count does on a cluster: a
# counter is named by its window, so later hits have no TTL to extend).
# Over any of them, {n} (the first one over, from 1) is returned and nothing is stored;
# the counters after it are not counted: a sender over their own limit (the first, the
# narrowest) does not use up a budget they share with others (their client address).
# The ARGV after the limits, on a single server only: the dedupe key's name before hash
# tags (a store upgraded in place), checked too. (On a cluster the counters are in other
# slots: InboundQueue counts them first, and this script gets none.)
ACCEPT = """
for i = 3, #KEYS do
  local hits = redis.call('INCR', KEYS[i])
  if hits == 1 then redis.call('EXPIRE', KEYS[i], ARGV[2 * i - 2]) end
  if hits > tonumber(ARGV[2 * i - 3]) then return {i - 2} end
end
local before_tags = ARGV[2 * #KEYS - 1]
if before_tags and redis.call('EXISTS', before_tags) == 1 then
  redis.call('EXPIRE', before_tags, ARGV[1])
  return false
end
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
  return redis.call('XADD', KEYS[2], '*', 'm', ARGV[2])
end
redis.call('EXPIRE', KEYS[1], ARGV[1])
return false
"""

# Lua: whether stream entry id `a` is at or before `b` (ids are "ms-seq").
_AT_OR_BEFORE = """
local function at_or_before(a, b)
  local ams, aseq = string.match(a, '(%d+)-(%d+)')
  local bms, bseq = string.match(b, '(%d+)-(%d+)')
  if tonumber(ams) ~= tonumber(bms) then return tonumber(ams) < tonumber(bms) end
  return tonumber(aseq) <= tonumber(bseq)
end
"""

# Apply a batch of writes only if this worker still holds its shard lease (fencing a
# worker that stalled past its lease) and the conversation versions are unchanged
# (optimistic concurrency against operators' actions). All or nothing.
# A turn's commit (one that acknowledges an inbound entry) is applied once: the entry is
# recorded with it, and the same commit sent again (a client retrying after the server
# applied it and died before answering) finds it there and is told 'applied' instead of
# 'conflict', which would have had the turn computed again and its message kept twice.
# Any other commit is applied once by its id: a mark set in the same script (an
# operator's reply sent again would otherwise be delivered twice, or, its version check
# failing, computed again and queued twice).
# Its live news waits in a list for the PUBLISH that ends the pipeline (LIVE_NEWS): one
# message for all the commits of a round trip. A transcript's news is completed here with
# the entries pushed, where the transcript ends now and the conversation's language
# (Transaction.live_news).
# ARGV: lease key, token, checks, ops, applied-entry key ('' for none), stream, entry id,
# once-mark key ('' for none), the outcome it keeps, how long it is kept (seconds), the
# news list ('' for no news), the news: text, then (transcript, conversation, text)...
COMMIT = (
    _AT_OR_BEFORE
    + """
if ARGV[1] ~= '' and redis.call('GET', ARGV[1]) ~= ARGV[2] then
  return 'lease_lost'
end
local behind = false
if ARGV[5] ~= '' then
  local last = redis.call('HMGET', ARGV[5], 'stream', 'entry')
  if last[1] == ARGV[6] and last[2] and at_or_before(ARGV[7], last[2]) then
    -- An older entry still in its stream was never applied (applying deletes it): one a
    -- read handed out but never brought (answered after a store outage) and reclaimed
    -- late. It is applied now, and the mark stays at the newer entry.
    if ARGV[7] == last[2] or #redis.call('XRANGE', ARGV[6], ARGV[7], ARGV[7]) == 0 then
      return 'applied'
    end
    behind = true
  end
end
if ARGV[8] ~= '' and redis.call('EXISTS', ARGV[8]) == 1 then return 'applied' end
local checks = cjson.decode(ARGV[3])
for _, c in ipairs(checks) do
  local v = redis.call('HGET', c[1], c[2])
  if not v then v = '' end
  if v ~= c[3] then return 'conflict' end
end
local ops = cjson.decode(ARGV[4])
for _, op in ipairs(ops) do
  redis.call(unpack(op))
end
if ARGV[5] ~= '' and not behind then
  redis.call('HSET', ARGV[5], 'stream', ARGV[6], 'entry', ARGV[7])
end
if ARGV[8] ~= '' then redis.call('SET', ARGV[8], ARGV[9], 'EX', ARGV[10]) end
if ARGV[11] ~= '' then
  local written = {}
  for i = 13, #ARGV, 3 do written[ARGV[i]] = {} end
  for _, op in ipairs(ops) do
    if op[1] == 'RPUSH' and written[op[2]] then table.insert(written[op[2]], op[3]) end
  end
  local news = {ARGV[12]}
  for i = 13, #ARGV, 3 do
    local language = redis.call('HGET', ARGV[i + 1], 'language') or ''
    news[#news + 1] = '"entries": [' .. table.concat(written[ARGV[i]], ', ') .. '], "end": '
    news[#news + 1] = redis.call('LLEN', ARGV[i]) .. ', "language": ' .. cjson.encode(language)
    news[#news + 1] = ARGV[i + 2]
  end
  redis.call('RPUSH', ARGV[11], table.concat(news))
end
return 'ok'
"""
)

# The live news the commits of a pipeline left (COMMIT), published as one message: a JSON
# list of every change, oldest first. KEYS: the news list. ARGV: the channel.
LIVE_NEWS = """
local news = redis.call('LRANGE', KEYS[1], 0, -1)
if #news == 0 then return 0 end
redis.call('DEL', KEYS[1])
return redis.call('PUBLISH', ARGV[1], '[' .. table.concat(news, ',') .. ']')
"""

# What a turn reads, in one round trip: the conversation hash and, for each of its open
# tickets, the id and its hashes (a ticket that is over is skipped unread: a conversation
# of years keeps every ticket it ever had). KEYS: conversation hash, its ticket-id set.
# ARGV: three pairs (text before, text after) the ticket id in the names of a ticket's
# hashes (store/keys.py), then the statuses of a ticket that is over.
LOAD_CONVERSATION = """
local over = {}
for i = 7, #ARGV do over[ARGV[i]] = true end
local tickets = {}
for _, id in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  local status = redis.call('HGET', ARGV[1] .. id .. ARGV[2], 'status')
  if status and not over[status] then
    local ticket = {id}
    for i = 1, 6, 2 do
      ticket[#ticket + 1] = redis.call('HGETALL', ARGV[i] .. id .. ARGV[i + 1])
    end
    tickets[#tickets + 1] = ticket
  end
end
return {redis.call('HGETALL', KEYS[1]), tickets}
"""

# An incident and whether a conversation is subscribed to it (bringing its user in), as a
# script call: one pipeline with the conversation's read (store/batching.py takes script
# calls). KEYS: the incident's hash, its subscribers' set. ARGV: the conversation.
INCIDENT_SUBSCRIPTION = """
return {redis.call('HGETALL', KEYS[1]), redis.call('SISMEMBER', KEYS[2], ARGV[1])}
"""

# The open incidents, oldest first, in one round trip (on a single server): for each, its
# id and its hash. KEYS: the open incidents' set. ARGV: the text before and after an
# incident's id in the name of its hash (store/keys.py).
OPEN_INCIDENTS = """
local found = {}
for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  found[#found + 1] = {id, redis.call('HGETALL', ARGV[1] .. id .. ARGV[2])}
end
return found
"""

# Shard leases. KEYS: the lease (expires unless renewed), the holder (the worker that
# took the shard last, never expires; commits are fenced by it). A lease that ran out
# while nobody else took the shard is still its holder's: a worker starved past its lease
# (a loaded host) carries on; only another worker taking the shard fences it off.
# ARGV: token, ttl ms.
ACQUIRE_LEASE = """
local current = redis.call('GET', KEYS[1])
if current and current ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('SET', KEYS[2], ARGV[1])
return 1
"""

RENEW_LEASE = """
local current = redis.call('GET', KEYS[1])
if current == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
if not current and redis.call('GET', KEYS[2]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0
"""

RELEASE_LEASE = """
if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
"""

# Take a ticket over: exactly one operator wins. Returns {'ok'} or {'taken', holder}.
# KEYS: ticket hash, conversation hash (on a cluster the ticket only: another slot, the
# caller then hands the conversation over itself). ARGV: operator login, now, owner tag.
CLAIM_TICKET = """
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return {'missing', ''} end
if status == 'resolved' or status == 'closed' then return {'closed', status} end
local holder = redis.call('HGET', KEYS[1], 'assignee')
if holder and holder ~= '' and holder ~= ARGV[1] then return {'taken', holder} end
local new_status = status
if status == 'new' or status == 'escalated' then new_status = 'open' end
redis.call('HSET', KEYS[1], 'assignee', ARGV[1], 'status', new_status, 'updated_at', ARGV[2])
if KEYS[2] then
  redis.call('HSET', KEYS[2], 'owner', ARGV[3])
  redis.call('HINCRBY', KEYS[2], 'version', 1)
end
return {'ok', new_status}
"""

# SLA timers (store/sla_timers.py).
# Move up to ARGV[2] entries due by ARGV[1] from the due set to the claimed set, held
# until ARGV[3]. KEYS[3]: this claim's mark (one slot with the sets), kept ARGV[4]
# seconds when it claimed any: the same call sent again after its answer was lost is
# answered what it claimed (else they would wait in the claimed set for the lease).
CLAIM_SLA_TIMERS = """
local kept = redis.call('GET', KEYS[3])
if kept then return cjson.decode(kept) end
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])
for _, id in ipairs(due) do
  redis.call('ZREM', KEYS[1], id)
  redis.call('ZADD', KEYS[2], ARGV[3], id)
end
if #due > 0 then redis.call('SET', KEYS[3], cjson.encode(due), 'EX', ARGV[4]) end
return due
"""

# Claims whose lease ran out go back to the due set, due now, unless a commit since the
# claim already scheduled the ticket's next moment.
RECOVER_SLA_TIMERS = """
local stale = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])
for _, id in ipairs(stale) do
  redis.call('ZREM', KEYS[2], id)
  redis.call('ZADD', KEYS[1], 'NX', ARGV[1], id)
end
return #stale
"""

# Drop a claim only if it is still ours (same lease deadline).
RELEASE_SLA_TIMER = """
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if score and tonumber(score) == tonumber(ARGV[2]) then
  return redis.call('ZREM', KEYS[1], ARGV[1])
end
return 0
"""

# List a delivery given up on, once per outbound entry: KEYS = the dead-letter list and
# this delivery's listing mark (one slot); ARGV = the record (JSON), how many are kept, how
# long the mark is kept, the entry's stream id. The same call sent again after its answer
# was lost, or the entry given up on again after a crash before it was retired, finds its
# id and lists nothing; a later giving up (after a retry: a new entry) lists it again.
DEAD_LETTER = """
if redis.call('GET', KEYS[2]) == ARGV[4] then return 0 end
redis.call('SET', KEYS[2], ARGV[4], 'EX', ARGV[3])
redis.call('LPUSH', KEYS[1], ARGV[1])
redis.call('LTRIM', KEYS[1], 0, tonumber(ARGV[2]) - 1)
return 1
"""

# Send a dead letter again, once: KEYS = its "retried" mark and its channel's outbound
# stream (one slot); ARGV = the delivery (JSON), how long the mark is kept, this retry's
# token. 1 when this retry queued it: also when the same call is sent again after its
# answer was lost (the mark holds its token); 0 when another retry did. The caller then
# takes it off the dead-letter list (another slot).
RETRY_DEAD_LETTER = """
local held = redis.call('GET', KEYS[1])
if held then
  if held == ARGV[3] then return 1 end
  return 0
end
redis.call('SET', KEYS[1], ARGV[3], 'EX', ARGV[2])
redis.call('XADD', KEYS[2], '*', 'd', ARGV[1])
return 1
"""

# Remove a channel identity's directory link, once per admin action: KEYS = the link and
# the action's mark (one slot); ARGV = how long the mark is kept. 1 when this call removed
# it, 2 when this action had removed it before (the console's resend after a lost answer,
# redis-py's after a lost reply), 0 when there is no link.
UNLINK_ONCE = """
if redis.call('EXISTS', KEYS[2]) == 1 then return 2 end
local removed = redis.call('DEL', KEYS[1])
if removed == 1 then redis.call('SET', KEYS[2], '1', 'EX', ARGV[1]) end
return removed
"""

# The next ticket number, once per call: KEYS = the sequence and this call's mark (one
# slot); ARGV = how long the mark is kept. The same call sent again after its answer was
# lost is answered the number it drew, not a new one (which would leave a gap).
NEXT_TICKET_NUMBER = """
local drawn = redis.call('GET', KEYS[2])
if drawn then return tonumber(drawn) end
local n = redis.call('INCR', KEYS[1])
redis.call('SET', KEYS[2], n, 'EX', ARGV[1])
return n
"""

# Raise a ticket's "seen up to" mark, never lower it (two tabs may report out of order).
MARK_SEEN = """
local now = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
if tonumber(ARGV[2]) > now then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
return 1
"""

# A live socket catching up: the transcript's entries from ARGV[1] on, and the
# conversation's language. KEYS: transcript, conversation hash. Reads only.
READ_SINCE = """
return {redis.call('LRANGE', KEYS[1], ARGV[1], -1), redis.call('HGET', KEYS[2], 'language')}
"""

# Redis Cluster: a commit spanning slots (store/slot_steps.py).
# The home step: in the slot of the versions checked (a conversation). Skips a turn whose
# inbound entry was committed already (replayed after a crash), or another commit whose
# once-mark is set (sent again), checks the versions, applies the home slot's writes,
# and records the steps for other slots as an intent, so they are applied exactly once
# even if this process dies now.
# KEYS: every key the step touches (one slot). ARGV: checks, ops, intents key, intent id,
# intent ('' for none), applied-entry key ('' for none), stream, entry id, the slot's
# check lock (another commit checked versions here and has yet to write), once-mark key
# ('' for none), the outcome it keeps, how long it is kept (seconds).
COMMIT_HOME = (
    _AT_OR_BEFORE
    + """
if ARGV[6] ~= '' then
  local last = redis.call('HMGET', ARGV[6], 'stream', 'entry')
  if last[1] == ARGV[7] and last[2] and at_or_before(ARGV[8], last[2]) then
    return 'applied'
  end
end
if ARGV[10] ~= '' and redis.call('EXISTS', ARGV[10]) == 1 then return 'applied' end
if redis.call('EXISTS', ARGV[9]) == 1 then return 'conflict' end
for _, c in ipairs(cjson.decode(ARGV[1])) do
  local v = redis.call('HGET', c[1], c[2])
  if not v then v = '' end
  if v ~= c[3] then return 'conflict' end
end
for _, op in ipairs(cjson.decode(ARGV[2])) do
  redis.call(unpack(op))
end
if ARGV[5] ~= '' then redis.call('HSET', ARGV[3], ARGV[4], ARGV[5]) end
if ARGV[6] ~= '' then redis.call('HSET', ARGV[6], 'stream', ARGV[7], 'entry', ARGV[8]) end
if ARGV[10] ~= '' then redis.call('SET', ARGV[10], ARGV[11], 'EX', ARGV[12]) end
return 'ok'
"""
)

# One later step of an intent, applied once: KEYS[1] is its done-mark, the rest the keys
# it writes (one slot). ARGV: ops (JSON), how long the mark is kept.
APPLY_ONCE = """
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[2]) then
  for _, op in ipairs(cjson.decode(ARGV[1])) do
    redis.call(unpack(op))
  end
  return 1
end
return 0
"""

# A version check outside the home slot: checked, and the slot locked until the commit's
# step there writes (and unlocks), so nothing checked here changes in between. KEYS[1]:
# the lock, the rest the hashes checked. ARGV: checks (JSON), token, lock time (ms).
CHECK_AND_LOCK = """
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
for _, c in ipairs(cjson.decode(ARGV[1])) do
  local v = redis.call('HGET', c[1], c[2])
  if not v then v = '' end
  if v ~= c[3] then return 0 end
end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1
"""

# What a transaction (MULTI/EXEC) is on a cluster here (store/topology.py): the queued
# commands in one script, on the primary of their one slot. KEYS: each command's key (for
# routing). ARGV[1]: each command's length (JSON); then every command's words, in order.
RUN_QUEUED = """
local lengths = cjson.decode(ARGV[1])
local at, out = 2, {}
for i, n in ipairs(lengths) do
  out[i] = redis.call(unpack(ARGV, at, at + n - 1))
  at = at + n
end
return out
"""


def hash_of(flat: list[bytes]) -> dict[bytes, bytes]:
    """A hash as a script returns it (name, value, name, value...) as a dict."""
    return dict(zip(flat[::2], flat[1::2], strict=True))


# An alert notification's run at intake (AlertStore.run_of): the same status as the last
# one is the same run (a retried delivery, a repeat, an update); another status begins a
# new one, unless it is a late retry: 'stale'. Late by when it was signed (before the
# notification that began the current run: a late retry or a captured call replayed within
# its window), or because the current run is a final recovery (a Zabbix event id is one
# problem: after its recovery, its problem again is a late retry). (An Alertmanager firing
# whose startsAt is before the recovery seen is no late retry: Alertmanager sends one
# group's notifications in order, and an alert it resolved by its resolve_timeout comes
# back with its first startsAt when Prometheus sends it again.) A run is named by when it
# began (ms) and its count, so a run hash lost (a failover) never names a new run as an
# old one.
# KEYS: the alert's run hash. ARGV: status, now (ms), signed at ('' unsigned), TTL,
# '1' when this status is final ('' otherwise).
ALERT_RUN = """
local status = redis.call('HGET', KEYS[1], 'status')
if status == ARGV[1] then
  redis.call('EXPIRE', KEYS[1], ARGV[4])
  return redis.call('HGET', KEYS[1], 'since')
end
if status then
  local run = redis.call('HMGET', KEYS[1], 'signed', 'final')
  if ARGV[3] ~= '' and run[1] and run[1] ~= '' and tonumber(ARGV[3]) < tonumber(run[1]) then
    return 'stale'
  end
  if run[2] == '1' then
    return 'stale'
  end
end
local run = ARGV[2] .. '.' .. redis.call('HINCRBY', KEYS[1], 'runs', 1)
redis.call('HSET', KEYS[1], 'status', ARGV[1], 'since', run, 'signed', ARGV[3],
           'final', ARGV[5])
redis.call('EXPIRE', KEYS[1], ARGV[4])
return run
"""

# The console's search: a page of tickets in one round trip (on a single server), with
# what it matches them by and no more. For each ticket id: its three hashes and its
# conversation's user name ("" with none); a ticket not stored is an empty list. ARGV:
# three pairs (text before, text after) the ticket id in the names of a ticket's hashes,
# the pair around a conversation's key in its hash's name (store/keys.py), then the ids.
SEARCH_PAGE = """
local page = {}
for i = 9, #ARGV do
  local id = ARGV[i]
  local ticket = redis.call('HGETALL', ARGV[1] .. id .. ARGV[2])
  if #ticket == 0 then
    page[#page + 1] = {}
  else
    local conv = false  -- read from the hash just read, not asked for again
    for j = 1, #ticket, 2 do
      if ticket[j] == 'conversation_key' then conv = ticket[j + 1] break end
    end
    local name = conv and redis.call('HGET', ARGV[7] .. conv .. ARGV[8], 'user_name')
    page[#page + 1] = {ticket, redis.call('HGETALL', ARGV[3] .. id .. ARGV[4]),
      redis.call('HGETALL', ARGV[5] .. id .. ARGV[6]), name or ''}
  end
end
return page
"""

# Several transcripts, each from its own start, as one reply (on a single server): a
# pipeline's reply per transcript cost the console's search more than reading them.
# KEYS: the transcripts. ARGV: each one's start.
TRANSCRIPTS = """
local found = {}
for i = 1, #KEYS do found[i] = redis.call('LRANGE', KEYS[i], ARGV[i], -1) end
return found
"""

# A channel found down (store/channel_states.py), in one step: a channel already down keeps
# its first "since" (two hosts finding it at one instant must not leave the later one), with
# the reason and host of the newest finding. An unreadable value is written anew. The since
# kept is written back with 17 digits, so it reads as the same float. KEYS: the hash of
# channels down. ARGV: the channel, the reason, since (seconds), the host, the fingerprint of
# the credentials refused (empty: not told, and not written).
CHANNEL_DOWN = """
local since, text = tonumber(ARGV[3]), ARGV[3]
local old = redis.call('HGET', KEYS[1], ARGV[1])
if old then
  local ok, data = pcall(cjson.decode, old)
  local earlier = ok and type(data) == 'table' and tonumber(data['since'])
  if earlier and earlier < since then text = string.format('%.17g', earlier) end
end
local value = '{"reason": ' .. cjson.encode(ARGV[2]) .. ', "since": ' .. text ..
  ', "host": ' .. cjson.encode(ARGV[4])
if ARGV[5] and ARGV[5] ~= '' then value = value .. ', "credentials": ' .. cjson.encode(ARGV[5]) end
value = value .. '}'
redis.call('HSET', KEYS[1], ARGV[1], value)
return 1
"""

# A channel found working clears its "down" (KEYS[1] the hash, ARGV[1] the channel) unless
# the finding is another host's (ARGV[3]) refusal of other credentials (ARGV[2] this host's
# fingerprint): then the hosts do not share one token, and the refused host's finding stays.
CHANNEL_UP = """
local raw = redis.call('HGET', KEYS[1], ARGV[1])
if not raw then return 0 end
local ok, found = pcall(cjson.decode, raw)
if ok and type(found) == 'table' and ARGV[2] ~= '' then
  local theirs = found['credentials']
  if type(theirs) == 'string' and theirs ~= '' and theirs ~= ARGV[2]
      and found['host'] ~= ARGV[3] then
    return 0
  end
end
return redis.call('HDEL', KEYS[1], ARGV[1])
"""
