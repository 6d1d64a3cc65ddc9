"""Commands packed into the Redis protocol by hiredis's C packer.

redis-py's asyncio connections pack every command in Python (an encoder call, a few
byte joins and a length's `str().encode()` per argument), while its sync connections use
`hiredis.pack_command` whenever hiredis is installed, as it is here for the reply
parser. A turn's commit and its reads are scripts with a dozen long arguments each, so
packing was 4-5 % of a worker process's samples and ~2 % of serve's (py-spy, web chat at
400 msg/s, 2026-12-03); hiredis packs the same bytes about three times faster (a commit's
arguments: 11.8 -> 4.2 µs, micro).

The bytes are redis-py's own (checked by tests/store/test_packing.py): strings as UTF-8,
integers and floats as `repr`, a first argument with spaces ('CONFIG GET') split into
words. What hiredis does not take (a bool, None, a memoryview) goes to redis-py's own
packer, which packs or refuses it as before.
"""

from __future__ import annotations

import codecs
from typing import Any

import hiredis
from redis.asyncio.connection import AbstractConnection


class HiredisPacking(AbstractConnection):
    """A connection whose commands are packed by hiredis (when it encodes as UTF-8)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        encoder = self.encoder
        self._packs_utf8 = (
            codecs.lookup(encoder.encoding).name == "utf-8" and encoder.encoding_errors == "strict"
        )

    def pack_command(self, *args: Any) -> list[bytes]:
        if not self._packs_utf8:
            return super().pack_command(*args)
        name = args[0]
        if isinstance(name, str):
            args = (*name.encode().split(), *args[1:])
        elif isinstance(name, bytes) and b" " in name:
            args = (*name.split(), *args[1:])
        try:
            return [hiredis.pack_command(args)]
        except TypeError:
            return super().pack_command(*args)
