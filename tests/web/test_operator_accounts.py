"""Password hashes, signed tokens and `firstline operator add`."""

from __future__ import annotations

import argparse

from gateway.config import Settings
from gateway.store import Store
from gateway.web.auth import Signer, hash_password, verify_password
from gateway.web.operators import OperatorDirectory, add_operator_command


def test_a_password_hash_verifies_only_its_password() -> None:
    encoded = hash_password("s3cret-pass", n=2**10)
    assert encoded.startswith("scrypt$1024$8$1$")
    assert verify_password("s3cret-pass", encoded)
    assert not verify_password("s3cret-pasS", encoded)
    assert not verify_password("s3cret-pass", "plain-text")
    assert not verify_password("s3cret-pass", None)


def test_a_tampered_or_foreign_token_is_rejected() -> None:
    chat = Signer(b"k" * 32, "webchat")
    token = chat.sign("abc")
    assert chat.unsign(token) == "abc"
    _, stamp, mac = token.split(".")
    assert chat.unsign(f"other.{stamp}.{mac}") is None
    assert Signer(b"k" * 32, "console-session").unsign(token) is None  # another purpose
    assert Signer(b"x" * 32, "webchat").unsign(token) is None  # another secret
    assert chat.unsign(token, max_age=-1) is None


async def test_an_operator_added_from_the_cli_can_sign_in(settings: Settings, store: Store) -> None:
    args = argparse.Namespace(
        login="dave", name="Dave", role="admin", level="L3", groups="network,email",
        password="long enough password",
    )  # fmt: skip
    assert await _run(add_operator_command, args, settings) == 0
    directory = OperatorDirectory(settings, store)
    account = await directory.authenticate("dave", "long enough password")
    assert account is not None
    assert (account.name, account.role, account.level, account.groups) == (
        "Dave", "admin", "L3", ("network", "email"),
    )  # fmt: skip
    assert await directory.authenticate("dave", "wrong password") is None


async def test_the_cli_refuses_a_short_password_and_unknown_groups(
    settings: Settings, store: Store, capsys
) -> None:  # type: ignore[no-untyped-def]
    base = {"login": "erin", "name": "", "role": "operator", "level": "L1"}
    short = argparse.Namespace(**base, groups="", password="short")
    assert await _run(add_operator_command, short, settings) == 2
    assert "at least 8" in capsys.readouterr().err
    bad_group = argparse.Namespace(**base, groups="printers", password="long enough password")
    assert await _run(add_operator_command, bad_group, settings) == 2
    assert "unknown printers" in capsys.readouterr().err
    assert await store.operators.get_account("erin") is None


async def _run(command, args, settings):  # type: ignore[no-untyped-def]
    """The CLI command runs its own event loop: give it a thread."""
    import asyncio

    return await asyncio.to_thread(command, args, settings)
