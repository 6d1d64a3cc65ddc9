"""Lua scripts that make multi-key changes atomic on the Redis server."""

from __future__ import annotations

# Dedupe and durable append in one step: a repeat of the same channel message id is
# dropped, a new one is in the stream (and the AOF) before the caller acknowledges.
# A repeat still writes (the dedupe key's TTL), so a WAIT after it also covers the first
# write: a repeat sent because that WAIT timed out is acknowledged only once replicated.
# With rate limits, the message is first counted against them, in the same step (one
# round trip): KEYS[3..] are fixed-window counters, ARGV[3..] each one's limit and TTL.
# Over any of them, {n} (the first one over, from 1) is returned and nothing is stored.
ACCEPT = """
local over = false
for i = 3, #KEYS do
  local hits = redis.call('INCR', KEYS[i])
  redis.call('EXPIRE', KEYS[i], ARGV[2 * i - 2])
  if not over and hits > tonumber(ARGV[2 * i - 3]) then over = i - 2 end
end
if over then return {over} end
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
  return redis.call('XADD', KEYS[2], '*', 'm', ARGV[2])
end
redis.call('EXPIRE', KEYS[1], ARGV[1])
return false
"""

# Apply a batch of writes only if this worker still holds its shard lease (fencing a
# worker that stalled past its lease) and the conversation versions are unchanged
# (optimistic concurrency against operators' actions). All or nothing.
COMMIT = """
if ARGV[1] ~= '' and redis.call('GET', ARGV[1]) ~= ARGV[2] then
  return 'lease_lost'
end
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
return 'ok'
"""

# What a turn reads, in one round trip: the conversation hash and, for each of its
# tickets, the id and its hashes. KEYS: conversation hash, its ticket-id set. ARGV: pairs
# (text before, text after) the ticket id in the names of a ticket's hashes (store/keys.py).
LOAD_CONVERSATION = """
local tickets = {}
for _, id in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  local ticket = {id}
  for i = 1, #ARGV, 2 do
    ticket[#ticket + 1] = redis.call('HGETALL', ARGV[i] .. id .. ARGV[i + 1])
  end
  tickets[#tickets + 1] = ticket
end
return {redis.call('HGETALL', KEYS[1]), tickets}
"""

RENEW_LEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
"""

RELEASE_LEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
"""

# Take a ticket over: exactly one operator wins. Returns {'ok'} or {'taken', holder}.
# KEYS: ticket hash, conversation hash. ARGV: operator login, now, owner tag.
CLAIM_TICKET = """
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return {'missing', ''} end
if status == 'resolved' or status == 'closed' then return {'closed', status} end
local holder = redis.call('HGET', KEYS[1], 'assignee')
if holder and holder ~= '' and holder ~= ARGV[1] then return {'taken', holder} end
local new_status = status
if status == 'new' or status == 'escalated' then new_status = 'open' end
redis.call('HSET', KEYS[1], 'assignee', ARGV[1], 'status', new_status, 'updated_at', ARGV[2])
redis.call('HSET', KEYS[2], 'owner', ARGV[3])
redis.call('HINCRBY', KEYS[2], 'version', 1)
return {'ok', new_status}
"""

# SLA timers (store/sla_timers.py).
# Move up to ARGV[2] entries due by ARGV[1] from the due set to the claimed set.
CLAIM_SLA_TIMERS = """
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])
for _, id in ipairs(due) do
  redis.call('ZREM', KEYS[1], id)
  redis.call('ZADD', KEYS[2], ARGV[3], id)
end
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

# Send a dead letter again: take it off the list and queue its delivery in one step, so
# two admins pressing "retry" at once queue it once.
RETRY_DEAD_LETTER = """
if redis.call('LREM', KEYS[1], 1, ARGV[1]) == 1 then
  redis.call('XADD', KEYS[2], '*', 'd', ARGV[2])
  return 1
end
return 0
"""

# Raise a ticket's "seen up to" mark, never lower it (two tabs may report out of order).
MARK_SEEN = """
local now = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
if tonumber(ARGV[2]) > now then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
return 1
"""
