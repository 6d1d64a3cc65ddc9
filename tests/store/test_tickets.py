"""Tickets in the store: ids, queues by priority then age, atomic take-over."""

from __future__ import annotations

import asyncio

from gateway.models import Priority, SupportGroup, Ticket, TicketStatus
from gateway.store import Conversation, ConversationAddress, Store, Transaction


def ticket(tid: str, priority: Priority, created: float, group=SupportGroup.HARDWARE) -> Ticket:  # type: ignore[no-untyped-def]
    return Ticket(
        id=tid,
        conversation_key=f"telegram:{tid}",
        channel="telegram",
        chat_id=tid,
        subject="printer",
        group=group,
        priority=priority,
        created_at=created,
        updated_at=created,
        fields={"os": "Windows 11", "error": "0x1"},
    )


async def save(store: Store, *tickets: Ticket) -> None:
    tx = Transaction()
    for t in tickets:
        tx.save_ticket(t)
    await store.commit(tx)


async def test_ids_are_readable_and_sequential(store: Store) -> None:
    assert [await store.tickets.next_id() for _ in range(3)] == [
        "HD-000001",
        "HD-000002",
        "HD-000003",
    ]


async def test_group_queue_orders_by_priority_then_age(store: Store) -> None:
    await save(
        store,
        ticket("a", Priority.P3, 100.0),
        ticket("b", Priority.P1, 300.0),
        ticket("c", Priority.P3, 50.0),
        ticket("d", Priority.P2, 10.0),
        ticket("e", Priority.P1, 200.0),
        ticket("n", Priority.P1, 1.0, group=SupportGroup.NETWORK),
    )
    assert [t.id for t in await store.tickets.queue("hardware")] == ["e", "b", "d", "c", "a"]
    stored = await store.tickets.get("a")
    assert stored is not None and stored.fields == {"os": "Windows 11", "error": "0x1"}
    assert stored.sources == {}


async def test_each_field_keeps_its_source_in_the_store(store: Store) -> None:
    t = ticket("s", Priority.P3, 1.0)
    t.sources = {"os": "first message", "error": "answer to tried (correction)"}
    await save(store, t)
    stored = await store.tickets.get("s")
    assert stored is not None
    assert stored.sources == {"os": "first message", "error": "answer to tried (correction)"}


async def test_resolved_and_regrouped_tickets_leave_the_old_queue(store: Store) -> None:
    t = ticket("a", Priority.P3, 1.0)
    await save(store, t)
    t.group = SupportGroup.SOFTWARE
    await save(store, t)
    assert [x.id for x in await store.tickets.queue("hardware")] == []
    assert [x.id for x in await store.tickets.queue("software")] == ["a"]
    t.status = TicketStatus.RESOLVED
    await save(store, t)
    assert await store.tickets.queue("software") == []


async def test_two_operators_take_over_at_once_exactly_one_wins(store: Store) -> None:
    t = ticket("HD-000009", Priority.P2, 1.0)
    await save(store, t)
    for _ in range(20):
        await store.redis.hset("fl:ticket:{HD-000009}", mapping={"assignee": "", "status": "new"})
        results = await asyncio.gather(
            store.tickets.claim(t, "anna", 2.0), store.tickets.claim(t, "boris", 2.0)
        )
        winners = [r for r in results if r.won]
        losers = [r for r in results if not r.won]
        assert len(winners) == 1 and len(losers) == 1
        assert losers[0].holder == winners[0].holder
        stored = await store.tickets.get("HD-000009")
        assert stored is not None and stored.assignee == winners[0].holder
        assert stored.status == TicketStatus.OPEN
        conv = await store.conversations.get(t.conversation_key)
        assert conv is not None and conv.owner == f"operator:{winners[0].holder}"


async def test_a_turn_starts_from_the_conversations_open_tickets_only(store: Store) -> None:
    """A conversation keeps every ticket it ever had; a turn reads the ones still open,
    in both of its reads (one conversation, and a shard's group of them)."""
    statuses = {
        "HD-000001": TicketStatus.CLOSED,
        "HD-000002": TicketStatus.RESOLVED,
        "HD-000003": TicketStatus.WAITING_FOR_USER,
        "HD-000004": TicketStatus.ESCALATED,
        "HD-000005": TicketStatus.NEW,
    }
    tickets = []
    for n, (tid, status) in enumerate(statuses.items()):
        t = ticket(tid, Priority.P3, float(n))
        t.conversation_key, t.chat_id, t.status = "telegram:77", "77", status
        tickets.append(t)
    await save(store, *tickets)
    open_ = ["HD-000003", "HD-000004", "HD-000005"]

    _, loaded = await store.conversations.load("telegram:77", "telegram", "77")
    assert [(t.id, t.status) for t in loaded] == [(tid, statuses[tid]) for tid in open_]
    assert loaded[0].fields == {"os": "Windows 11", "error": "0x1"}
    address = ConversationAddress("telegram:77", "telegram", "77")
    other = ConversationAddress("telegram:78", "telegram", "78")
    (_, group_loaded), (_, none) = await store.conversations.load_many([address, other])
    assert [t.id for t in group_loaded] == open_ and none == []
    # Reopened, a ticket is read again.
    tickets[1].status = TicketStatus.OPEN
    await save(store, tickets[1])
    _, loaded = await store.conversations.load("telegram:77", "telegram", "77")
    assert [t.id for t in loaded] == ["HD-000002", *open_]


async def test_a_saved_ticket_reads_back_whole_and_its_saved_form_is_a_copy(store: Store) -> None:
    saved = ticket("whole", Priority.P2, 123.5)
    saved.sources = {"os": "first message", "error": "answer to error"}
    saved.status, saved.csat, saved.sla_paused_seconds = TicketStatus.WAITING_FOR_USER, 4, 7.25
    data = saved.to_dict()
    data["fields"]["os"], data["sources"]["os"] = "changed", "changed"
    assert saved.fields["os"] == "Windows 11" and saved.sources["os"] == "first message"
    await save(store, saved)
    assert await store.tickets.get("whole") == saved


async def test_a_ticket_number_is_drawn_in_the_round_trip_of_other_calls(store: Store) -> None:
    """A turn that opens a ticket draws its number while other shards' turns read and
    commit: on a single server the number goes in their round trip (it had one of its
    own), and each number is still drawn once, in order."""
    addresses = [ConversationAddress("webchat:a", "webchat", "a")]
    assert await store.tickets.next_id() == "HD-000001"  # the scripts loaded
    await store.turn_reads(addresses, incidents=True)
    redis = store.redis
    round_trips: list[str] = []
    command, pipeline = redis.execute_command, redis.pipeline

    async def one_command(*args, **options):  # type: ignore[no-untyped-def]
        round_trips.append(str(args[0]))
        return await command(*args, **options)

    def counted_pipeline(*args, **options):  # type: ignore[no-untyped-def]
        pipe = pipeline(*args, **options)
        execute = pipe.execute

        async def counted_execute(*a, **o):  # type: ignore[no-untyped-def]
            round_trips.append("pipeline")
            return await execute(*a, **o)

        pipe.execute = counted_execute
        return pipe

    redis.execute_command, redis.pipeline = one_command, counted_pipeline  # type: ignore[method-assign]
    try:
        first, _, second = await asyncio.gather(
            store.tickets.next_id(), store.turn_reads(addresses, incidents=True),
            store.tickets.next_id(),
        )  # fmt: skip
    finally:
        del redis.execute_command, redis.pipeline
    assert (first, second) == ("HD-000002", "HD-000003")
    if not store.cluster:
        assert round_trips == ["pipeline"]


async def test_a_search_page_reads_tickets_with_their_users_and_transcripts_in_one_reply(
    store: Store,
) -> None:
    """desk37: the console's search read five replies a ticket (three hashes, the
    conversation, the transcript); a page is now one reply of tickets with their users'
    names and one of transcripts."""
    await _search_page_read(store)


async def test_a_search_page_reads_the_same_on_a_cluster(cluster_store: Store) -> None:
    """On a cluster the keys are in other slots: pipelines, read the same."""
    await _search_page_read(cluster_store)


async def _search_page_read(store: Store) -> None:
    named, nameless = ticket("HD-000001", Priority.P3, 1.0), ticket("HD-000002", Priority.P3, 2.0)
    named.sources = {"os": "first message"}
    tx = Transaction()
    for t in (named, nameless):
        tx.save_ticket(t)
    conv = Conversation(key=named.conversation_key, channel="telegram", chat_id=named.chat_id)
    conv.user_name = "Олена Ткачук"
    store.conversations.save(tx, conv, 1.0)
    for text in ("принтер «offline»", 'a "quoted" word', "third"):
        tx.transcript(conv.key, {"direction": "in", "text": text})
    await store.commit(tx)
    page = await store.tickets.with_user_names(["HD-000002", "HD-404", "HD-000001", "a:b"])
    assert [(t.id, name) for t, name in page] == [
        ("HD-000002", ""), ("HD-000001", "Олена Ткачук")
    ]  # fmt: skip
    assert page[1][0].fields == named.fields and page[1][0].sources == named.sources
    read = await store.conversations.transcripts(
        [(conv.key, 0), (conv.key, 2), (nameless.conversation_key, 0)]
    )
    assert [[e["text"] for e in entries] for entries in read] == [
        ["принтер «offline»", 'a "quoted" word', "third"], ["third"], []
    ]  # fmt: skip
