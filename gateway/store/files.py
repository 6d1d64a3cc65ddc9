"""Files uploaded by visitors and operators, kept in Redis with a time to live.

Each file is one hash: its metadata (JSON) and its bytes. The owner is the conversation
the file belongs to; who may read it is decided by the web layer from that.
"""

from __future__ import annotations

import json
import secrets
import time
from dataclasses import asdict, dataclass

import redis.asyncio as aioredis

from gateway.store import keys


@dataclass(frozen=True)
class StoredFile:
    """What is known about a kept file, without its bytes."""

    id: str
    conversation: str
    name: str
    mime_type: str
    size: int
    uploaded_by: str
    at: float


class FileStore:
    """Put and get files; the id is random and unguessable."""

    def __init__(self, redis: aioredis.Redis) -> None:
        self._redis = redis

    async def put(
        self,
        conversation: str,
        name: str,
        mime_type: str,
        data: bytes,
        uploaded_by: str,
        ttl_seconds: int,
        upload_id: str = "",
    ) -> StoredFile:
        """Keep a file. `upload_id` is the client's id of this upload: the same upload sent
        again (its answer was lost) is answered the file it was kept as, not kept twice;
        two at once are kept once, under the id the first one claimed."""
        file_id = secrets.token_urlsafe(18)
        if upload_id:
            mark = keys.file_upload(conversation, uploaded_by, upload_id)
            if not await self._redis.set(mark, file_id, nx=True, ex=ttl_seconds):
                held = await self._redis.get(mark)
                file_id = held.decode() if held is not None else file_id
                kept = await self.meta(file_id)
                if kept is not None:
                    return kept
        meta = StoredFile(
            id=file_id,
            conversation=conversation,
            name=name,
            mime_type=mime_type,
            size=len(data),
            uploaded_by=uploaded_by,
            at=time.time(),
        )
        key = keys.stored_file(meta.id)
        pipe = self._redis.pipeline(transaction=True)
        pipe.hset(key, mapping={"meta": json.dumps(asdict(meta), ensure_ascii=False), "data": data})
        pipe.expire(key, ttl_seconds)
        await pipe.execute()
        return meta

    async def meta(self, file_id: str) -> StoredFile | None:
        raw = await self._redis.hget(keys.stored_file(file_id), "meta")
        return StoredFile(**json.loads(raw)) if raw is not None else None

    async def get(self, file_id: str) -> tuple[StoredFile, bytes] | None:
        raw_meta, data = await self._redis.hmget(keys.stored_file(file_id), ["meta", "data"])
        if raw_meta is None or data is None:
            return None
        return StoredFile(**json.loads(raw_meta)), bytes(data)
