"""Operator accounts: from the config file and from `firstline operator add` (kept in Redis).

An account created with the CLI takes precedence over one of the same login in the
config, so a password can be changed without editing the file.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import re
import sys
from dataclasses import asdict, dataclass, field
from typing import Any

from gateway.config import Settings
from gateway.models import Level, SupportGroup, Ticket
from gateway.store import Store
from gateway.web.auth import hash_password, verify_password

LOGIN_RE = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
MIN_PASSWORD = 8
ROLES = ("operator", "lead", "admin")


@dataclass(frozen=True)
class Account:
    """Who may sign in to the console, and what they may see."""

    login: str
    password_hash: str
    name: str = ""
    role: str = "operator"  # operator | lead (of its groups) | admin
    level: str = "L1"
    groups: tuple[str, ...] = field(default_factory=tuple)
    language: str = ""  # the console's language; "" = the browser's

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    def can_see(self, ticket: Ticket) -> bool:
        """Admins see everything; operators their groups (all if none) up to their level."""
        return self.sees(ticket.group.value, ticket.level.value)

    def sees(self, group: str, level: str) -> bool:
        """Whether tickets of `group` at `level` are this account's to see."""
        if self.is_admin:
            return True
        if self.groups and group not in self.groups:
            return False
        return level <= self.level

    def public(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("password_hash")
        data["groups"] = list(self.groups)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Account:
        return cls(
            login=data["login"],
            password_hash=data.get("password_hash", ""),
            name=data.get("name", ""),
            role=data.get("role", "operator"),
            level=data.get("level", "L1"),
            groups=tuple(data.get("groups") or ()),
            language=str(data.get("language") or ""),
        )


class OperatorDirectory:
    """Looks accounts up in Redis first, then in the config."""

    def __init__(self, settings: Settings, store: Store) -> None:
        self._configured = {a.login: Account.from_dict(a.model_dump()) for a in settings.operators}
        self._store = store

    async def get(self, login: str) -> Account | None:
        stored = await self._store.operators.get_account(login)
        if stored is not None:
            return Account.from_dict(stored)
        return self._configured.get(login)

    async def everyone(self) -> list[Account]:
        """All accounts, the command line's winning over the config's, by login."""
        accounts = dict(self._configured)
        for stored in await self._store.operators.accounts():
            account = Account.from_dict(stored)
            accounts[account.login] = account
        return sorted(accounts.values(), key=lambda a: a.login)

    async def authenticate(self, login: str, password: str) -> Account | None:
        """The account when the password matches; None otherwise (same cost either way)."""
        account = await self.get(login) if LOGIN_RE.match(login) else None
        ok = await asyncio.to_thread(
            verify_password, password, account.password_hash if account else None
        )
        return account if ok and account is not None else None


def make_account(
    login: str,
    password: str,
    *,
    name: str = "",
    role: str = "operator",
    level: str = "L1",
    groups: str = "",
) -> Account:
    """Validate the CLI's input and build an account with a fresh password hash."""
    if not LOGIN_RE.match(login):
        raise ValueError("login: use 1-64 letters, digits, '.', '_' or '-'")
    if len(password) < MIN_PASSWORD:
        raise ValueError(f"password: use at least {MIN_PASSWORD} characters")
    if role not in ROLES:
        raise ValueError(f"role: one of {', '.join(ROLES)}")
    Level(level)
    group_list = tuple(g.strip() for g in groups.split(",") if g.strip())
    known = {g.value for g in SupportGroup}
    unknown = [g for g in group_list if g not in known]
    if unknown:
        known_list = ", ".join(sorted(known))
        raise ValueError(f"groups: unknown {', '.join(unknown)} (known: {known_list})")
    return Account(login, hash_password(password), name, role, level, group_list)


def add_operator_command(args: argparse.Namespace, settings: Settings) -> int:
    """`firstline operator add LOGIN ...`: create or update an account in Redis."""
    password = args.password
    if getattr(args, "password_stdin", False):
        password = sys.stdin.readline().rstrip("\r\n")
    elif password is None:
        if not sys.stdin.isatty():
            print(
                "operator add: no terminal to ask for the password; "
                "pipe it in with --password-stdin",
                file=sys.stderr,
            )
            return 2
        try:
            password = getpass.getpass(f"Password for {args.login}: ")
            repeated = getpass.getpass("Repeat: ")
        except EOFError:
            print("operator add: the password was not entered twice", file=sys.stderr)
            return 2
        if password != repeated:
            print("operator add: the passwords differ", file=sys.stderr)
            return 1
    try:
        account = make_account(
            args.login,
            password,
            name=args.name,
            role=args.role,
            level=args.level,
            groups=args.groups,
        )
    except ValueError as exc:
        print(f"operator add: {exc}", file=sys.stderr)
        return 2
    asyncio.run(_save(settings, account))
    print(f"operator {account.login} saved ({account.role}, {account.level})")
    return 0


async def _save(settings: Settings, account: Account) -> None:
    from gateway.runtime import open_store

    async with open_store(settings) as store:
        await store.operators.put_account(asdict(account) | {"groups": list(account.groups)})
