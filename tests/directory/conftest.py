"""A real slapd for the directory tests, and settings that point the gateway at it."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest

from gateway.config import DirectorySettings
from tests.directory.slapd import (
    ADMINS_DN,
    BASE,
    PEOPLE,
    SERVICE_DN,
    SERVICE_PASSWORD,
    Slapd,
    admins_ldif,
    running_slapd,
    user_ldif,
)

_serial = itertools.count(1)


@dataclass(frozen=True)
class Person:
    """A test account: its login, DN, current password and address."""

    login: str
    dn: str
    password: str
    mail: str


@pytest.fixture(scope="session")
def slapd() -> Iterator[Slapd]:
    """Debian's slapd with the test directory (an administrator in cn=admins)."""
    with running_slapd() as server:
        server.ldif(user_ldif("boss", "Boss-pass-0", "boss@example.org") + admins_ldif("boss"))
        yield server


@pytest.fixture
def make_person(slapd: Slapd) -> Callable[[], Person]:
    """Adds a fresh account (tests change passwords and locks: each gets its own)."""

    def make() -> Person:
        n = next(_serial)
        login = f"user{n}"
        person = Person(login, f"uid={login},{PEOPLE}", f"Start-pass-{n}", f"{login}@example.org")
        slapd.ldif(user_ldif(login, person.password, person.mail))
        return person

    return make


@pytest.fixture
def directory_settings(slapd: Slapd) -> DirectorySettings:
    return DirectorySettings(
        enabled=True,
        kind="openldap",
        url=slapd.url,
        bind_dn=SERVICE_DN,
        password=SERVICE_PASSWORD,
        base_dn=BASE,
        protected_groups=[ADMINS_DN],
    )
