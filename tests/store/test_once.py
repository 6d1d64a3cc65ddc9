"""Every commit is applied once, however often it is sent: redis-py sends a command again
after a connection error, also when the server had applied it and could not answer."""

from __future__ import annotations

from lost_answers import lost_answers

from gateway.models import Delivery, InboundMessage, OutboundMessage
from gateway.store import Store, Transaction, scripts
from gateway.store.conversations import ConversationStore
from gateway.store.outbound import OutboundEntry


async def test_a_commit_without_checks_sent_again_is_applied_once(store: Store) -> None:
    """An operator's note, a self-service record: nothing to check, so the same commit
    sent again used to be applied again (the note kept twice)."""
    tx = Transaction()
    tx.ticket_note("HD-000007", {"author": "bob", "text": "socket 2 is dead"})
    tx.ticket_event("HD-000007", "bob", "note")
    await store.commit(tx)
    await store.commit(tx)  # sent again

    assert [n["text"] for n in await store.tickets.notes("HD-000007")] == ["socket 2 is dead"]
    assert [e.action for e in await store.tickets.events("HD-000007")] == ["note"]


async def test_a_checked_commit_sent_again_is_done_not_a_conflict(store: Store) -> None:
    """An operator's reply: its commit raises the conversation's version, so the same
    commit sent again failed its check and the reply was computed and queued again."""
    conv, _ = await store.conversations.load("telegram:5", "telegram", "5")
    tx = Transaction()
    tx.transcript(conv.key, {"direction": "out", "text": "Try the other socket."})
    tx.deliver("telegram", "5", OutboundMessage(text="Try the other socket."))
    ConversationStore.save(tx, conv, 1.0)
    await store.commit(tx)
    await store.commit(tx)  # sent again: no CommitConflict
    assert [e["text"] for e in await store.conversations.transcript(conv.key)] == [
        "Try the other socket."
    ]
    assert await store.outbox.pending("telegram") == 1


async def test_an_action_is_applied_once_by_its_id_and_keeps_its_outcome(store: Store) -> None:
    """The same action computed twice (the console repeating it with its id) is applied
    once, and what it answered the first time is kept."""
    assert await store.applied_outcome("telegram:6", "assign:bob:click-1") is None
    for n in range(2):
        conv, _ = await store.conversations.load("telegram:6", "telegram", "6")
        tx = Transaction()
        tx.transcript(conv.key, {"direction": "out", "text": f"transferred ({n})"})
        ConversationStore.save(tx, conv, 1.0 + n)
        tx.apply_once("assign:bob:click-1", conv.key, "transferred")
        await store.commit(tx)
    assert [e["text"] for e in await store.conversations.transcript("telegram:6")] == [
        "transferred (0)"
    ]
    assert await store.applied_outcome("telegram:6", "assign:bob:click-1") == "transferred"


async def test_an_alert_commit_opening_a_ticket_sent_again_is_applied_once(store: Store) -> None:
    """A monitoring alert that opens a ticket checks no version; on a single server its
    commit did not record the inbound entry it acknowledges, and sent again it was
    applied again (its log line and history kept twice)."""
    alert = InboundMessage("alerts", "zabbix", "zbx-1", text="disk full", kind="alert")
    assert await store.inbound.accept(alert)
    [entry] = await store.inbound.read([store.inbound.shard_of("alerts:zabbix")], "w", 10, 10)
    tx = Transaction()
    tx.transcript("alerts:zabbix", {"direction": "in", "text": "[firing] disk full"})
    tx.ticket_event("HD-000008", "monitoring", "opened")
    tx.ops.extend(store.inbound.ack_ops(entry))
    await store.commit(tx)
    await store.commit(tx)  # sent again

    assert len(await store.conversations.transcript("alerts:zabbix")) == 1
    assert [e.action for e in await store.tickets.events("HD-000008")] == ["opened"]
    assert await store.inbound.backlog() == 0


async def test_a_link_used_once_whose_answer_was_lost_is_this_request_s(redis_url: str) -> None:
    """A mail rating link confirmed, a reset link held: the SET NX was applied and its
    answer lost, and sent again it found the key set. Before, the request took that for
    someone else's: the rating was refused as used (and lost), the link as busy."""
    async with lost_answers(redis_url) as proxy:
        store = Store.from_url(proxy.url, shards=4)
        try:
            proxy.arm("rated:nonce-r7")
            assert await store.mail.use_rating("nonce-r7", 600)
            assert proxy.lost == 1
            assert not await store.mail.use_rating("nonce-r7", 600)  # a second use is refused

            await store.self_service.put_grant("nonce-g7", {"login": "ivanova"}, 600)
            proxy.arm("nonce-g7:busy")
            assert await store.self_service.claim_grant("nonce-g7", 120) == {"login": "ivanova"}
            assert proxy.lost == 2
            assert await store.self_service.claim_grant("nonce-g7", 120) is None  # held
        finally:
            await store.close()


async def a_reply_read(store: Store, chat: str, text: str) -> tuple[Delivery, OutboundEntry]:
    """A Telegram reply queued and read by a sender (to be given up on)."""
    await store.outbox.ensure_group("telegram")
    tx = Transaction()
    delivery = tx.deliver("telegram", chat, OutboundMessage(text=text))
    await store.commit(tx)
    [entry] = await store.outbox.read("telegram", "sender-test", 10, 100)
    return delivery, entry


async def test_a_dead_letter_retry_whose_answer_was_lost_says_queued(redis_url: str) -> None:
    """The retry script queued the reply and its answer was lost; sent again it found its
    mark set and said "not queued": the admin was told 'no such dead letter (already
    retried?)' for a reply that had been queued."""
    async with lost_answers(redis_url) as proxy:
        store = Store.from_url(proxy.url, shards=4)
        try:
            delivery, entry = await a_reply_read(store, "4243", "Printer is back")
            await store.outbox.dead("telegram", entry, "Forbidden", 1.0)

            await store.redis.script_load(scripts.RETRY_DEAD_LETTER)  # sent as EVALSHA
            proxy.arm("Printer is back")  # the retry's call (the list was read before)
            assert await store.outbox.retry_dead(delivery.delivery_id)
            assert proxy.lost == 1
            assert await store.outbox.pending("telegram") == 1  # queued once
            assert await store.outbox.dead_letters() == []
            assert not await store.outbox.retry_dead(delivery.delivery_id)  # gone now
        finally:
            await store.close()


async def test_a_reply_given_up_whose_answer_was_lost_is_listed_once(redis_url: str) -> None:
    """Listing a dead letter was applied and its answer lost; redis-py sent it again and
    the letter was listed twice (two rows for one reply; the second's retry a 404). A
    reply that dies again after a retry is still listed again."""
    async with lost_answers(redis_url) as proxy:
        store = Store.from_url(proxy.url, shards=4)
        try:
            delivery, entry = await a_reply_read(store, "4244", "VPN is ready")
            await store.redis.script_load(scripts.DEAD_LETTER)  # sent as EVALSHA
            proxy.arm("Forbidden: bot was blocked")
            await store.outbox.dead("telegram", entry, "Forbidden: bot was blocked", 1.0)
            assert proxy.lost == 1
            assert [r["delivery_id"] for r in await store.outbox.dead_letters()] == [
                delivery.delivery_id
            ]
            assert await store.outbox.pending("telegram") == 0
            assert await store.outbox.retry_dead(delivery.delivery_id)
            [again] = await store.outbox.read("telegram", "sender-test", 10, 100)
            await store.outbox.dead("telegram", again, "Forbidden: still blocked", 2.0)
            assert [r["error"] for r in await store.outbox.dead_letters()] == [
                "Forbidden: still blocked"
            ]
        finally:
            await store.close()


async def test_a_ticket_number_whose_answer_was_lost_is_not_skipped(redis_url: str) -> None:
    """The INCR that draws a ticket number was applied and its answer lost; sent again it
    drew another: the ticket got the next number and one was never used."""
    async with lost_answers(redis_url) as proxy:
        store = Store.from_url(proxy.url, shards=4)
        try:
            assert await store.tickets.next_id() == "HD-000001"
            proxy.arm("ticket:seq")  # the call that draws the next number
            assert await store.tickets.next_id() == "HD-000002"
            assert proxy.lost == 1
            assert await store.tickets.next_id() == "HD-000003"
        finally:
            await store.close()
