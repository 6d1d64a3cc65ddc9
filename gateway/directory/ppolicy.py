"""The password policy response control (draft-behera-ldap-password-policy), as OpenLDAP's
ppolicy overlay sends it with a refused change: which rule the new password broke."""

from __future__ import annotations

from gateway.directory import PasswordRefusal

CONTROL_OID = "1.3.6.1.4.1.42.2.27.8.5.1"

# PasswordPolicyResponseValue.error, ENUMERATED
ERRORS = {
    3: PasswordRefusal.NOT_ALLOWED,  # passwordModNotAllowed
    5: PasswordRefusal.QUALITY,  # insufficientPasswordQuality
    6: PasswordRefusal.TOO_SHORT,  # passwordTooShort
    7: PasswordRefusal.TOO_YOUNG,  # passwordTooYoung
    8: PasswordRefusal.IN_HISTORY,  # passwordInHistory
}
_ERROR_TAG = 0x81  # [1] IMPLICIT ENUMERATED
_SEQUENCE = 0x30


def _length(data: bytes, at: int) -> tuple[int, int]:
    """A BER length at `at`: (length, where the content starts)."""
    first = data[at]
    if first < 0x80:
        return first, at + 1
    size = first & 0x7F
    return int.from_bytes(data[at + 1 : at + 1 + size], "big"), at + 1 + size


def policy_error(value: bytes | None) -> int | None:
    """The `error` of a PasswordPolicyResponseValue, or None when it names none."""
    if not value or value[0] != _SEQUENCE:
        return None
    try:
        length, at = _length(value, 1)
        end = min(len(value), at + length)
        while at < end:
            tag = value[at]
            size, start = _length(value, at + 1)
            if start + size > end:
                return None  # truncated
            if tag == _ERROR_TAG:
                return int.from_bytes(value[start : start + size], "big")
            at = start + size
    except IndexError:
        return None
    return None


def refusal(controls: dict[str, dict[str, object]] | None) -> PasswordRefusal:
    """What the response's ppolicy control says was wrong; a plain quality refusal when the
    control is missing or names a reason we have no text for."""
    control = (controls or {}).get(CONTROL_OID) or {}
    raw = control.get("value")
    error = policy_error(raw if isinstance(raw, bytes) else None)
    return ERRORS.get(error or -1, PasswordRefusal.QUALITY)
