"""The directory port: what self-service needs from LDAP, and nothing more.

`gateway.directory.ldap.LdapDirectory` talks to OpenLDAP or Active Directory; the
self-service code sees accounts by login only, never a DN or a connection. The methods
block (ldap3 is synchronous): callers run them off the event loop.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


class DirectoryUnavailable(Exception):
    """The directory could not be reached or refused the service account."""


class PasswordRefusal(StrEnum):
    """Why the directory's policy refused a new password (texts: `reset_refused_<value>`)."""

    TOO_SHORT = "too_short"
    IN_HISTORY = "in_history"
    QUALITY = "quality"
    TOO_YOUNG = "too_young"
    NOT_ALLOWED = "not_allowed"


@dataclass(frozen=True)
class Account:
    """A directory account as self-service sees it."""

    login: str
    contact: str  # where one-time codes go (the recovery address)
    mail: str  # where "your password was changed" goes
    locked: bool
    protected: bool  # a member of a protected group: the bot never touches it


class Directory(Protocol):
    """Reads accounts, clears locks and sets passwords through the service account."""

    def find(self, login: str) -> Account | None: ...

    def unlock(self, login: str) -> bool: ...

    def set_password(
        self, login: str, password: str, *, must_change: bool
    ) -> PasswordRefusal | None: ...

    def min_password_length(self) -> int: ...
