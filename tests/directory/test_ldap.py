"""The LDAP module against a real OpenLDAP slapd with the ppolicy overlay."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pydantic import SecretStr

from directory.slapd import PEOPLE, Person, Slapd
from gateway.config import DirectorySettings
from gateway.directory import DirectoryUnavailable, PasswordRefusal
from gateway.directory.ldap import LdapDirectory
from gateway.directory.ppolicy import policy_error


def lock_out(slapd: Slapd, person: Person) -> None:
    """Three bad binds: the policy locks the account."""
    for _ in range(3):
        assert not slapd.can_bind(person.dn, "wrong-password")


def test_find_reads_contact_lock_and_protection(
    slapd: Slapd, directory_settings: DirectorySettings, make_person: Callable[[], Person]
) -> None:
    directory = LdapDirectory(directory_settings)
    person = make_person()
    account = directory.find(person.login)
    assert account is not None
    assert (account.login, account.contact, account.mail) == (
        person.login,
        person.mail,
        person.mail,
    )
    assert not account.locked and not account.protected
    boss = directory.find("boss")
    assert boss is not None and boss.protected
    assert directory.find("nobody-here") is None
    assert directory.find("*") is None  # a filter character is a login, not a wildcard
    assert directory.find("user1)(uid=*") is None


def test_unlock_after_three_bad_binds(
    slapd: Slapd, directory_settings: DirectorySettings, make_person: Callable[[], Person]
) -> None:
    directory = LdapDirectory(directory_settings)
    person = make_person()
    lock_out(slapd, person)
    assert not slapd.can_bind(person.dn, person.password)  # locked: the right one fails too
    account = directory.find(person.login)
    assert account is not None and account.locked
    assert directory.unlock(person.login)
    assert "pwdAccountLockedTime" not in slapd.search(person.dn, "pwdAccountLockedTime")
    assert slapd.can_bind(person.dn, person.password)
    assert not directory.unlock(person.login)  # nothing to unlock any more


def test_new_password_binds_and_old_does_not(
    slapd: Slapd, directory_settings: DirectorySettings, make_person: Callable[[], Person]
) -> None:
    directory = LdapDirectory(directory_settings)
    person = make_person()
    assert directory.set_password(person.login, "Brand-new-pass-7", must_change=False) is None
    assert slapd.can_bind(person.dn, "Brand-new-pass-7")
    assert not slapd.can_bind(person.dn, person.password)
    assert "pwdReset" not in slapd.search(person.dn, "pwdReset")


def test_must_change_at_next_logon_sets_pwd_reset(
    slapd: Slapd, directory_settings: DirectorySettings, make_person: Callable[[], Person]
) -> None:
    directory = LdapDirectory(directory_settings)
    person = make_person()
    assert directory.set_password(person.login, "Brand-new-pass-8", must_change=True) is None
    assert "pwdReset: TRUE" in slapd.search(person.dn, "pwdReset")


def test_policy_refusals_name_the_rule(
    slapd: Slapd, directory_settings: DirectorySettings, make_person: Callable[[], Person]
) -> None:
    directory = LdapDirectory(directory_settings)
    person = make_person()
    assert directory.set_password(person.login, "short", must_change=False) == (
        PasswordRefusal.TOO_SHORT
    )
    assert directory.set_password(person.login, person.password, must_change=False) == (
        PasswordRefusal.IN_HISTORY
    )
    assert slapd.can_bind(person.dn, person.password)  # nothing changed


def test_the_policy_s_minimum_length_is_read(directory_settings: DirectorySettings) -> None:
    """The reset page says the length the directory asks for: OpenLDAP's pwdMinLength of
    the policy entry named in the settings; 0 (say nothing) without one or unreachable."""
    assert LdapDirectory(directory_settings).min_password_length() == 8
    unnamed = directory_settings.model_copy(update={"password_policy_dn": ""})
    assert LdapDirectory(unnamed).min_password_length() == 0
    gone = directory_settings.model_copy(update={"url": "ldap://127.0.0.1:1", "timeout": 2.0})
    assert LdapDirectory(gone).min_password_length() == 0


def test_protected_account_is_refused_by_the_bot_and_the_directory(
    slapd: Slapd, directory_settings: DirectorySettings
) -> None:
    import ldap3

    directory = LdapDirectory(directory_settings)
    assert directory.set_password("boss", "Taken-over-9", must_change=False) == (
        PasswordRefusal.NOT_ALLOWED
    )
    assert not directory.unlock("boss")
    assert slapd.can_bind(f"uid=boss,{PEOPLE}", "Boss-pass-0")
    # The ACL holds on its own too: the service account cannot write the admin's password.
    conn = ldap3.Connection(
        ldap3.Server(slapd.url),
        directory_settings.bind_dn,
        directory_settings.password.get_secret_value() if directory_settings.password else "",
        auto_bind=True,
    )
    conn.extend.standard.modify_password(f"uid=boss,{PEOPLE}", None, "Taken-over-9")
    assert conn.result["result"] == 50
    conn.unbind()
    assert slapd.can_bind(f"uid=boss,{PEOPLE}", "Boss-pass-0")


def test_unreachable_or_refused_service_account(
    directory_settings: DirectorySettings,
) -> None:
    wrong = directory_settings.model_copy(update={"password": SecretStr("not-the-password")})
    with pytest.raises(DirectoryUnavailable):
        LdapDirectory(wrong).find("boss")
    gone = directory_settings.model_copy(update={"url": "ldap://127.0.0.1:1", "timeout": 2.0})
    with pytest.raises(DirectoryUnavailable):
        LdapDirectory(gone).find("boss")


def test_policy_control_decoding() -> None:
    assert policy_error(b"0\x03\x81\x01\x06") == 6
    assert policy_error(b"0\x08\xa0\x03\x80\x01\x05\x81\x01\x08") == 8
    assert policy_error(b"0\x00") is None
    assert policy_error(b"") is None
    assert policy_error(b"0\x05\x81\x09") is None
