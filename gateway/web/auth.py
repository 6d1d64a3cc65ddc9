"""Passwords, signed tokens and CSRF tokens, with the standard library only.

Password hashes look like `scrypt$16384$8$1$<salt b64>$<hash b64>`. Make one without the
gateway installed: `python -m gateway.web.auth` (or run this file directly).
"""

from __future__ import annotations

import base64
import getpass
import hashlib
import hmac
import logging
import secrets
import sys
import time

log = logging.getLogger(__name__)

SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SCRYPT_DKLEN = 32

# Verifying an unknown login costs the same as a wrong password: no timing oracle.
_DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$" + "A" * 43


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def hash_password(password: str, *, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> str:
    """A salted scrypt hash in the `scrypt$n$r$p$salt$hash` format the config expects."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(
        password.encode(), salt=salt, n=n, r=r, p=p, dklen=SCRYPT_DKLEN, maxmem=2**26
    )
    return f"scrypt${n}${r}${p}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, encoded: str | None) -> bool:
    """True when `password` matches the hash; malformed or missing hashes never match."""
    try:
        scheme, n, r, p, salt, expected = (encoded or _DUMMY_HASH).split("$")
        if scheme != "scrypt":
            return False
        digest = hashlib.scrypt(
            password.encode(),
            salt=_unb64(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(_unb64(expected)),
            maxmem=2**26,
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(digest, _unb64(expected)) and encoded is not None


class Signer:
    """HMAC-SHA256 signatures for short values, with a purpose so tokens can't be swapped."""

    def __init__(self, secret: bytes, purpose: str) -> None:
        self._key = hmac.new(secret, purpose.encode(), hashlib.sha256).digest()

    def _mac(self, value: str) -> str:
        return _b64(hmac.new(self._key, value.encode(), hashlib.sha256).digest())

    def sign(self, value: str) -> str:
        """`value.timestamp.mac`; the value must not contain dots."""
        stamped = f"{value}.{int(time.time())}"
        return f"{stamped}.{self._mac(stamped)}"

    def unsign(self, token: str | None, max_age: float | None = None) -> str | None:
        """The signed value, or None when the token is forged, malformed or too old."""
        if not token or not token.isascii() or token.count(".") != 2:
            return None  # ours are ASCII (str comparison of other text raises TypeError)
        value, stamp, mac = token.split(".")
        if not hmac.compare_digest(mac, self._mac(f"{value}.{stamp}")):
            return None
        if max_age is not None:
            try:
                if time.time() - int(stamp) > max_age:
                    return None
            except ValueError:
                return None
        return value

    def digest(self, value: str) -> str:
        """A deterministic MAC of `value` (for CSRF tokens tied to a session nonce)."""
        return self._mac(value)


def session_secret(configured: str | None, used_for: str) -> bytes:
    """The configured signing secret, or a random one (sessions then die with the process)."""
    if configured:
        return configured.encode()
    log.warning(
        "FIRSTLINE_SESSION_SECRET is not set: %s sessions are signed with a random key and "
        "will not survive a restart or work across several processes",
        used_for,
    )
    return secrets.token_bytes(32)


def new_token() -> str:
    """A random url-safe id for sessions, nonces and CSRF tokens."""
    return secrets.token_urlsafe(24)


def same_token(given: str | None, expected: str) -> bool:
    """Constant-time equality of a token a client sent (any text, even a header's
    undecodable bytes) and ours."""
    offered = str(given or "").encode("utf-8", "surrogateescape")
    return bool(offered) and hmac.compare_digest(offered, expected.encode())


def main() -> int:
    """Prompt for a password twice and print its hash (for `operators:` in the config)."""
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Repeat: "):
        print("passwords differ", file=sys.stderr)
        return 1
    if len(first) < 8:
        print("use at least 8 characters", file=sys.stderr)
        return 1
    print(hash_password(first))
    return 0


if __name__ == "__main__":
    sys.exit(main())
