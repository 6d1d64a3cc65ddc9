"""The embedded redis-server keeps data across restarts (append-only file)."""

from __future__ import annotations

from pathlib import Path

from gateway.models import InboundMessage, Priority, SupportGroup, Ticket
from gateway.store import Store, Transaction
from gateway.store.embedded import EmbeddedRedis


async def test_data_survives_a_restart_of_embedded_redis(tmp_path: Path) -> None:
    server = EmbeddedRedis(tmp_path / "data")
    store = Store.from_url(await server.astart(), shards=2)
    await store.prepare()
    assert await store.inbound.accept(InboundMessage("telegram", "1", "u1", text="hi"))
    tx = Transaction()
    tx.save_ticket(
        Ticket(
            id=await store.tickets.next_id(),
            conversation_key="telegram:1",
            channel="telegram",
            chat_id="1",
            subject="no sound",
            group=SupportGroup.HARDWARE,
            priority=Priority.P3,
            created_at=1.0,
            fields={"os": "Windows 10"},
        )
    )
    await store.commit(tx)
    await store.close()
    await server.astop()

    server = EmbeddedRedis(tmp_path / "data")
    store = Store.from_url(await server.astart(), shards=2)
    try:
        ticket = await store.tickets.get("HD-000001")
        assert ticket is not None and ticket.fields == {"os": "Windows 10"}
        assert await store.tickets.next_id() == "HD-000002"
        assert not await store.inbound.accept(InboundMessage("telegram", "1", "u1", text="hi"))
        entries = await store.inbound.read([0, 1], "w", 10, 10)
        assert [e.message.text for e in entries] == ["hi"]
    finally:
        await store.close()
        await server.astop()
