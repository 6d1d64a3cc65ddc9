"""The one module that talks LDAP: OpenLDAP (ppolicy overlay) and Active Directory.

Every call opens a connection, binds as the service account, does one job and unbinds:
self-service is rare, and a fresh bind never carries a stale lock or a dropped socket.
ldap3 is synchronous; callers run these methods in a thread.

- OpenLDAP: a lock is `pwdAccountLockedTime`; unlock deletes it; a new password goes
  through the Password Modify extended operation (RFC 3062) with the ppolicy request
  control, whose response names the rule a refused password broke.
- Active Directory: a lock is `lockoutTime` > 0; unlock sets it to 0; a new password
  replaces `unicodePwd` (the quoted password in UTF-16LE), which AD accepts only over
  an encrypted connection.
"""

from __future__ import annotations

import math
import ssl
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

import ldap3
from ldap3.core.exceptions import LDAPException
from ldap3.utils.conv import escape_filter_chars

from gateway.config import DirectorySettings
from gateway.directory import Account, DirectoryUnavailable, PasswordRefusal
from gateway.directory.ppolicy import CONTROL_OID, refusal

SUCCESS, NO_SUCH_ATTRIBUTE, CONSTRAINT, INSUFFICIENT_RIGHTS, UNWILLING = 0, 16, 19, 50, 53
AD_NESTED_MEMBER = "1.2.840.113556.1.4.1941"  # LDAP_MATCHING_RULE_IN_CHAIN
# LDAP_SERVER_POLICY_HINTS_OID with the flag set: an administrative reset of unicodePwd is
# held to the password history too, as a user's own change is (Windows Server 2012 and
# later). Not critical: Samba 4.17 does not know it, and checks length and complexity only.
AD_POLICY_HINTS = ("1.2.840.113556.1.4.2239", False, b"\x30\x03\x02\x01\x01")
MAX_LOGIN = 256


def usable_login(login: str) -> bool:
    """A login worth asking the directory about: short, printable, one line."""
    return 0 < len(login) <= MAX_LOGIN and login.isprintable() and login.strip() == login


class LdapDirectory:
    """The `Directory` port over ldap3, for OpenLDAP or AD as `settings.kind` says."""

    def __init__(self, settings: DirectorySettings) -> None:
        self.settings = settings
        self.ad = settings.kind == "ad"

    # --- the port ------------------------------------------------------------------------

    def find(self, login: str) -> Account | None:
        """The account with this login, or None (also for a login that cannot be one)."""
        if not usable_login(login):
            return None
        with self._connection() as conn:
            found = self._entry(conn, login)
            if found is None:
                return None
            dn, attrs = found
            return Account(
                # the login as the directory spells it (one key per account, whatever the case)
                login=_first(attrs.get(self.settings.login_attr)) or login,
                contact=_first(attrs.get(self.settings.contact_attribute)),
                mail=_first(attrs.get(self.settings.mail_attribute)),
                locked=self._locked(attrs),
                protected=self._protected(conn, dn),
            )

    def unlock(self, login: str) -> bool:
        """Clear the lock; False when the account was not locked (or cannot be touched)."""
        with self._connection() as conn:
            dn = self._writable_dn(conn, login)
            if dn is None:
                return False
            if self.ad:
                change = {"lockoutTime": [(ldap3.MODIFY_REPLACE, ["0"])]}
            else:
                change = {"pwdAccountLockedTime": [(ldap3.MODIFY_DELETE, [])]}
            conn.modify(dn, change)
            code = conn.result.get("result")
            if code == NO_SUCH_ATTRIBUTE:
                return False
            self._require_success(conn, "unlock")
            return True

    def set_password(
        self, login: str, password: str, *, must_change: bool
    ) -> PasswordRefusal | None:
        """Set a new password; the policy's refusal, or None when it is set."""
        with self._connection() as conn:
            dn = self._writable_dn(conn, login)
            if dn is None:
                return PasswordRefusal.NOT_ALLOWED
            if self.ad:
                value = f'"{password}"'.encode("utf-16-le")
                change = {"unicodePwd": [(ldap3.MODIFY_REPLACE, [value])]}
                conn.modify(dn, change, controls=[AD_POLICY_HINTS])
            else:
                conn.extend.standard.modify_password(
                    dn, None, password, controls=[(CONTROL_OID, False, None)]
                )
            code = conn.result.get("result")
            if code in (CONSTRAINT, UNWILLING):
                if self.ad:
                    return _ad_refusal(str(conn.result.get("message") or ""))
                return refusal(conn.result.get("controls"))
            if code == INSUFFICIENT_RIGHTS:
                return PasswordRefusal.NOT_ALLOWED
            self._require_success(conn, "password change")
            if must_change:
                self._require_change_at_logon(conn, dn)
            return None

    def min_password_length(self) -> int:
        """The policy's minimum length, for the reset page to say: OpenLDAP's `pwdMinLength`
        of `password_policy_dn`, AD's `minPwdLength` of the domain; 0 when unknown."""
        try:
            with self._connection() as conn:
                if self.ad:
                    dn = _first(self._read(conn, "", "defaultNamingContext"))
                    attribute = "minPwdLength"
                else:
                    dn, attribute = self.settings.password_policy_dn, "pwdMinLength"
                value = _first(self._read(conn, dn, attribute)) if dn else ""
        except DirectoryUnavailable:
            return 0
        return int(value) if value.isdigit() else 0

    # --- helpers -------------------------------------------------------------------------

    @staticmethod
    def _read(conn: ldap3.Connection, dn: str, attribute: str) -> object:
        """One attribute of one entry (the root DSE for ""); None when unreadable."""
        conn.search(dn, "(objectClass=*)", search_scope=ldap3.BASE, attributes=[attribute])
        for entry in conn.response or []:
            if entry.get("type") == "searchResEntry":
                return (entry.get("attributes") or {}).get(attribute)
        return None

    @contextmanager
    def _connection(self) -> Iterator[ldap3.Connection]:
        s = self.settings
        secure = s.url.startswith("ldaps://") or s.start_tls
        tls = (
            ldap3.Tls(
                validate=ssl.CERT_REQUIRED,
                ca_certs_file=s.ca_file or None,
                valid_names=[s.tls_name] if s.tls_name else None,
            )
            if secure
            else None
        )
        try:
            server = ldap3.Server(
                s.url,
                use_ssl=s.url.startswith("ldaps://"),
                tls=tls,
                connect_timeout=s.timeout,
                get_info=ldap3.NONE,
            )
            conn = ldap3.Connection(
                server,
                user=s.bind_dn,
                password=s.password.get_secret_value() if s.password else "",
                receive_timeout=max(1, math.ceil(s.timeout)),  # ldap3 packs it as an int
                auto_referrals=False,
                raise_exceptions=False,
            )
            conn.open()
            if s.start_tls and not conn.start_tls():
                raise DirectoryUnavailable("StartTLS refused by the directory")
            if not conn.bind():
                raise DirectoryUnavailable(
                    f"the service account's bind was refused: {conn.result.get('description')}"
                )
        except LDAPException as exc:
            raise DirectoryUnavailable(f"directory unreachable: {type(exc).__name__}") from None
        try:
            yield conn
        except LDAPException as exc:
            raise DirectoryUnavailable(f"directory failed: {type(exc).__name__}") from None
        finally:
            with suppress(LDAPException):
                conn.unbind()

    def _entry(self, conn: ldap3.Connection, login: str) -> tuple[str, dict[str, Any]] | None:
        """The DN and attributes of the one account with this login; None if not exactly one."""
        s = self.settings
        lock_attr = "lockoutTime" if self.ad else "pwdAccountLockedTime"
        conn.search(
            s.base_dn,
            f"({s.login_attr}={escape_filter_chars(login)})",
            search_scope=ldap3.SUBTREE,
            attributes=sorted({s.login_attr, s.contact_attribute, s.mail_attribute, lock_attr}),
            size_limit=2,
        )
        entries = [e for e in conn.response or [] if e.get("type") == "searchResEntry"]
        if len(entries) != 1:
            return None
        entry = entries[0]
        return str(entry["dn"]), dict(entry.get("attributes") or {})

    def _locked(self, attrs: dict[str, Any]) -> bool:
        if self.ad:
            value = _first(attrs.get("lockoutTime"))
            return value not in ("", "0") and not value.startswith("1601-01-01")
        return bool(attrs.get("pwdAccountLockedTime"))

    def _protected(self, conn: ldap3.Connection, dn: str) -> bool:
        """Whether the entry is a member of a protected group (nested groups too in AD)."""
        rule = f":{AD_NESTED_MEMBER}:" if self.ad else ""
        for group in self.settings.protected_groups:
            conn.search(
                group,
                f"(member{rule}={escape_filter_chars(dn)})",
                search_scope=ldap3.BASE,
                attributes=["cn"],
            )
            if any(e.get("type") == "searchResEntry" for e in conn.response or []):
                return True
        return False

    def _writable_dn(self, conn: ldap3.Connection, login: str) -> str | None:
        """The account's DN when the bot may change it: it exists and is not protected."""
        if not usable_login(login):
            return None
        found = self._entry(conn, login)
        if found is None or self._protected(conn, found[0]):
            return None
        return found[0]

    def _require_change_at_logon(self, conn: ldap3.Connection, dn: str) -> None:
        if self.ad:
            conn.modify(dn, {"pwdLastSet": [(ldap3.MODIFY_REPLACE, ["0"])]})
        else:
            conn.modify(dn, {"pwdReset": [(ldap3.MODIFY_REPLACE, ["TRUE"])]})
        self._require_success(conn, "must-change-at-next-logon")

    @staticmethod
    def _require_success(conn: ldap3.Connection, what: str) -> None:
        if conn.result.get("result") != SUCCESS:
            raise DirectoryUnavailable(f"{what} failed: {conn.result.get('description')}")


AD_REASONS = (
    ("too short", PasswordRefusal.TOO_SHORT),
    ("history", PasswordRefusal.IN_HISTORY),
    ("already used", PasswordRefusal.IN_HISTORY),
    ("too young", PasswordRefusal.TOO_YOUNG),
    ("minimum password age", PasswordRefusal.TOO_YOUNG),
)


def _ad_refusal(message: str) -> PasswordRefusal:
    """Windows says only "0000052D: constraint violation" for length, history and
    complexity alike (a quality refusal); Samba's message names the rule."""
    lowered = message.lower()
    return next((why for words, why in AD_REASONS if words in lowered), PasswordRefusal.QUALITY)


def _first(value: object) -> str:
    if isinstance(value, list | tuple):
        return str(value[0]) if value else ""
    return "" if value is None else str(value)
