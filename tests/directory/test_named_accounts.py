"""A request that names an account: the bot acts only on the one linked to the chat, as the
user, a real slapd and the store see it (outside pass, session 25)."""

from __future__ import annotations

from collections.abc import Callable

from directory.conftest import Gateway
from directory.slapd import PEOPLE, Person, Slapd, user_ldif

SOMEONE_ELSE = {
    "en": "only the account linked to this chat",
    "ru": "только владельцу учётной записи",
    "uk": "лише власнику облікового запису",
}


def lock_out(slapd: Slapd, person: Person) -> None:
    for _ in range(3):
        assert not slapd.can_bind(person.dn, "wrong-password")


async def test_another_persons_login_is_never_the_writers_own_account(
    gateway: Gateway, slapd: Slapd, make_person: Callable[[], Person]
) -> None:
    """Before, 'разблокируй user2' unlocked the writer's own account and said 'unlocked',
    and 'reset password for user2' gave the writer a reset link for their own account:
    the colleague's request went nowhere. A person gets it, for the account named."""
    me, other = make_person(), make_person()
    await gateway.link("n1", me)
    lock_out(slapd, me)
    lock_out(slapd, other)
    asked = {
        "ru": f"разблокируй {other.login}",
        "en": f"unlock {other.login}",
        "uk": f"розблокуй обліковий запис {other.login}",
    }
    for lang, text in asked.items():
        replies = await gateway.say("n1", text)
        assert any(SOMEONE_ELSE[lang] in r for r in replies), (text, replies)
    for text in (f"reset password for {other.login}", f"сбрось пароль для CORP\\{other.login}"):
        replies = await gateway.say("n1", text)
        assert not any("/account/password/" in r for r in replies), (text, replies)
        assert any(SOMEONE_ELSE["en"] in r or SOMEONE_ELSE["ru"] in r for r in replies)
    assert not slapd.can_bind(me.dn, me.password)  # nobody's account was touched
    assert not slapd.can_bind(other.dn, other.password)
    assert gateway.sink.to(other.login) == []
    store = gateway.rt.store
    tickets = await store.tickets.for_conversation("webchat:n1", active_only=False)
    handed = [t for t in tickets if t.status.is_active]
    assert len(handed) == 5 and all(other.login in t.subject for t in handed)
    audit = await store.self_service.audit_entries()
    assert {(a["login"], a["result"]) for a in audit if a["action"] in ("unlock", "reset")} == {
        (other.login, "someone_else"),
        (f"CORP\\{other.login}", "someone_else"),
    }


async def test_the_writers_own_login_named_is_theirs(
    gateway: Gateway, slapd: Slapd, make_person: Callable[[], Person]
) -> None:
    me = make_person()
    await gateway.link("n2", me)
    lock_out(slapd, me)
    replies = await gateway.say("n2", f"unlock account {me.login.upper()} please")
    assert any("Your account is unlocked" in r for r in replies)
    assert slapd.can_bind(me.dn, me.password)
    link = await gateway.say("n2", f"reset password for {me.login}@example.org")
    assert any("/account/password/" in r for r in link)


def person_called(slapd: Slapd, login: str) -> Person:
    """An account whose login is a surname in Latin letters, as directories name people."""
    person = Person(login, f"uid={login},{PEOPLE}", f"Start-pass-{login}", f"{login}@example.org")
    slapd.ldif(user_ldif(login, person.password, person.mail))
    return person


async def test_a_latin_login_alone_in_cyrillic_is_the_account_not_a_program(
    gateway: Gateway, slapd: Slapd
) -> None:
    """Before, 'разблокируй petrov' read the lone Latin word as a program's name ("the
    directory cannot help with another program's account") and went to a person as a
    problem, nobody's account touched: the user linked to petrov stayed locked out, and a
    user linked to another account got a ticket that did not say whose account it was."""
    owner, colleague = person_called(slapd, "petrov"), person_called(slapd, "kovalenko")
    await gateway.link("p1", owner)
    await gateway.link("p2", colleague)
    for text in ("разблокируй petrov", "розблокуйте petrov"):  # the daily limit is 2
        lock_out(slapd, owner)
        replies = await gateway.say("p1", text)
        assert any("разблокирован" in r or "розблоковано" in r for r in replies), (text, replies)
        assert slapd.can_bind(owner.dn, owner.password), text
    lock_out(slapd, owner)
    lock_out(slapd, colleague)
    asked = ("разблокируйте petrov пожалуйста", "розблокуй petrov", "разблокируйте, пожалуйста, "
             "petrov", "розблокуйте, будь ласка, petrov", "разблокируй срочно petrov")  # fmt: skip
    for text in asked:
        replies = await gateway.say("p2", text)
        assert any(SOMEONE_ELSE["ru"] in r or SOMEONE_ELSE["uk"] in r for r in replies), replies
    assert not slapd.can_bind(owner.dn, owner.password)  # a person does it
    assert not slapd.can_bind(colleague.dn, colleague.password)
    replies = await gateway.say("p2", "please unlock asap petrov")  # not the writer's own
    assert any(SOMEONE_ELSE["en"] in r for r in replies), replies
    assert not slapd.can_bind(colleague.dn, colleague.password)
    tickets = await gateway.rt.store.tickets.for_conversation("webchat:p2", active_only=False)
    assert len([t for t in tickets if t.status.is_active and "petrov" in t.subject]) == 6
    audit = await gateway.rt.store.self_service.audit_entries()
    assert ("petrov", "someone_else") in {(a["login"], a["result"]) for a in audit}
    # an unlinked user is asked for their login first, as for "unlock petrov"
    replies = await gateway.say("p3", "разблокируй petrov")
    assert any("Какой у вас логин" in r for r in replies), replies
    # a program the catalogue knows is still that program's own account
    for text in ("разблокируй jira", "разблокируйте мне SAP"):
        replies = await gateway.say("p1", text)
        assert not any("разблокирован" in r or SOMEONE_ELSE["ru"] in r for r in replies), replies
