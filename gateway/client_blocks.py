"""What a per-client-address limit counts a client as.

An IPv4 client is its address. An IPv6 host is given a whole /64 and may use any address
of it (privacy addresses change by themselves; anyone can take a new one per request), so
an IPv6 client is its /64: counted per exact address it would never reach a limit. An
IPv4 address seen through a dual-stack socket (`::ffff:192.0.2.7`) is that IPv4 address.
Only the counting uses this; logs and records keep the exact address.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

IPV6_CLIENT_PREFIX = 64


@lru_cache(maxsize=4096)  # every chat message asks it of its sender's address
def counted_as(address: str) -> str:
    """The name a per-address limit counts `address` under (text that is no address, such
    as "unknown", is itself)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])  # a zone ("fe80::1%eth0") too
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, IPV6_CLIENT_PREFIX), strict=False))
    return str(ip)
