"""Self-service end to end: the dialog, the directory service, a real slapd, the SMTP sink
and the reset page, as the user, the directory and the store see them."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from email.utils import parsedate_to_datetime

import aiohttp

from directory.conftest import Gateway
from directory.slapd import PEOPLE, Person, Slapd
from emulators.server import in_one_window
from gateway.models import TicketStatus

CODE_SENT = "If this account exists, a one-time code has been sent"
REFUSED = "That code does not work."


def lock_out(slapd: Slapd, person: Person) -> None:
    for _ in range(3):
        assert not slapd.can_bind(person.dn, "wrong-password")


async def test_linking_by_code(gateway: Gateway, make_person: Callable[[], Person]) -> None:
    person = make_person()
    ask = await gateway.say("v1", "/link")
    assert any("What is your login" in r for r in ask)
    sent = await gateway.say("v1", person.login)
    assert any(CODE_SENT in r for r in sent)
    code = await gateway.code_for(person)
    assert len(code) >= 6
    assert code not in " ".join(sent)  # the code goes to the account's address, not the chat
    linked = await gateway.say("v1", code)
    assert any("this chat is now linked" in r for r in linked)
    assert await gateway.rt.accounts.linked_login("webchat:v1") == person.login  # type: ignore[union-attr]
    # Single use: the same code again does nothing.
    await gateway.say("v1", "/link")
    await gateway.say("v1", person.login)
    again = await gateway.say("v1", code)
    assert any(REFUSED in r for r in again)


async def test_wrong_expired_and_unknown_are_answered_alike(
    gateway: Gateway, make_person: Callable[[], Person]
) -> None:
    person = make_person()
    answers: dict[str, tuple[list[str], list[str]]] = {}

    await gateway.say("wrong", "/link")
    sent = await gateway.say("wrong", person.login)
    real = await gateway.code_for(person)
    wrong = "1" * len(real) if real != "1" * len(real) else "2" * len(real)
    answers["wrong"] = (sent, await gateway.say("wrong", wrong))

    await gateway.say("unknown", "/link")
    sent = await gateway.say("unknown", "no-such-user-42")
    answers["unknown"] = (sent, await gateway.say("unknown", real))

    other = make_person()
    await gateway.say("expired", "/link")
    sent = await gateway.say("expired", other.login)
    code = await gateway.code_for(other)
    gateway.now[0] += 11 * 60
    answers["expired"] = (sent, await gateway.say("expired", code))

    assert answers["wrong"] == answers["unknown"] == answers["expired"]
    assert any(CODE_SENT in r for r in answers["wrong"][0])
    assert any(REFUSED in r for r in answers["wrong"][1])
    for chat in ("wrong", "unknown", "expired"):
        assert await gateway.rt.accounts.linked_login(f"webchat:{chat}") == ""  # type: ignore[union-attr]
    assert gateway.sink.to("no-such-user-42") == []


async def test_unlock_after_three_bad_binds_and_the_daily_limit(
    gateway: Gateway, slapd: Slapd, make_person: Callable[[], Person]
) -> None:
    person = make_person()
    await gateway.link("u1", person)
    await in_one_window(86_400, room=120)  # the daily limit's day (UTC): all three unlocks in one
    lock_out(slapd, person)
    assert not slapd.can_bind(person.dn, person.password)
    replies = await gateway.say("u1", "my account is locked, please unlock it")
    assert any("Your account is unlocked" in r for r in replies)
    assert slapd.can_bind(person.dn, person.password)
    assert "pwdAccountLockedTime" not in slapd.search(person.dn, "pwdAccountLockedTime")
    nothing = await gateway.say("u1", "/unlock")
    assert any("is not locked" in r for r in nothing)
    lock_out(slapd, person)
    assert any("unlocked" in r for r in await gateway.say("u1", "/unlock"))
    lock_out(slapd, person)  # the third unlock today is over the limit of two
    limit = await gateway.say("u1", "/unlock")
    assert any("daily limit" in r for r in limit)
    assert not slapd.can_bind(person.dn, person.password)


async def test_unlock_asked_before_linking_links_then_unlocks(
    gateway: Gateway, slapd: Slapd, make_person: Callable[[], Person]
) -> None:
    person = make_person()
    lock_out(slapd, person)
    first = await gateway.say("u2", "Учетная запись заблокирована, разблокируйте пожалуйста")
    assert any("логин" in r for r in first)
    await gateway.say("u2", person.login)
    done = await gateway.say("u2", await gateway.code_for(person))
    assert any("привязан" in r for r in done)
    assert any("разблокирована" in r for r in done)
    assert slapd.can_bind(person.dn, person.password)


async def test_every_action_is_a_ticket_resolved_at_first_line(
    gateway: Gateway, slapd: Slapd, make_person: Callable[[], Person]
) -> None:
    person = make_person()
    await gateway.link("t1", person)
    lock_out(slapd, person)
    await gateway.say("t1", "/unlock")
    store = gateway.rt.store
    tickets = await store.tickets.for_conversation("webchat:t1", active_only=False)
    mine = {t.topic: t for t in tickets}
    assert {"self_service_link", "self_service_unlock"} <= set(mine)
    unlock = mine["self_service_unlock"]
    assert unlock.status == TicketStatus.RESOLVED and unlock.group.value == "accounts"
    assert unlock.fields["account"] == person.login
    audit = await store.self_service.audit_entries()
    expected = {"action": "unlock", "login": person.login, "result": "unlocked"}
    assert expected.items() <= audit[0].items()
    assert audit[0]["channel"] == "webchat"
    # Reports count both as resolved by the bot at first line (deflected).
    day = gateway.rt.service.reports.day(gateway.now[0])
    [counters] = await store.reports.counters([day])

    def count(metric: str) -> int:
        return sum(n for name, n in counters.items() if name.startswith(f"{metric}|accounts|"))

    assert count("bot_resolved") == 2
    assert count("self_service:link") == count("self_service:unlock") == 1


async def test_protected_admin_is_refused_by_the_bot(gateway: Gateway, slapd: Slapd) -> None:
    boss = Person("boss", f"uid=boss,{PEOPLE}", "Boss-pass-0", "boss@example.org")
    await gateway.link("b1", boss)
    refused = await gateway.say("b1", "/reset")
    assert any("protected" in r for r in refused)
    # A person resets it: the ticket says what and for which account, and the bot asks
    # nothing of a problem's checklist ("which program or device?" made no sense here).
    assert not any("?" in r for r in refused), refused
    assert "passing this to a specialist" in refused[1] and "HD-" in refused[-1]
    [ticket] = await gateway.rt.store.tickets.for_conversation("webchat:b1")
    assert ticket.fields == {"problem": "I need a password reset (account boss)"}
    assert ticket.status == TicketStatus.NEW and ticket.group.value == "accounts"
    refused = await gateway.say("b2", "/unlock")  # not linked: asks who first
    assert slapd.can_bind(boss.dn, boss.password)


async def test_reset_through_the_page(
    gateway: Gateway, slapd: Slapd, make_person: Callable[[], Person]
) -> None:
    person = make_person()
    await gateway.link("r1", person)
    replies = await gateway.say("r1", "I forgot my password")
    link = _link(replies)
    async with aiohttp.ClientSession() as http:
        async with http.get(gateway.base_url + link) as page:
            assert page.status == 200
            body = await page.text()
            assert person.login in body and 'type="password"' in body
        short = await _post(http, gateway.base_url + link, "short")
        assert short[0] == 422 and "too short" in short[1]
        reused = await _post(http, gateway.base_url + link, person.password)
        assert reused[0] == 422 and "used this password before" in reused[1]
        done = await _post(http, gateway.base_url + link, "Fresh-pass-2026")
        assert done[0] == 200 and "Your password has been changed" in done[1]
        twice = await _post(http, gateway.base_url + link, "Other-pass-2026")
        assert twice[0] == 410
    assert slapd.can_bind(person.dn, "Fresh-pass-2026")
    assert not slapd.can_bind(person.dn, person.password)
    assert not slapd.can_bind(person.dn, "Other-pass-2026")
    transcript = await gateway.rt.store.conversations.transcript("webchat:r1")
    assert any("Your password has been changed" in e.get("text", "") for e in transcript)
    await gateway.rt.accounts.drain()  # type: ignore[union-attr]
    notices = [m for m in gateway.sink.to(person.mail) if "password was changed" in m["Subject"]]
    assert len(notices) == 1 and person.login in notices[0].text


async def test_the_reset_form_sent_twice_changes_the_password_once_and_says_so_twice(
    gateway: Gateway, slapd: Slapd, make_person: Callable[[], Person]
) -> None:
    """The form was sent, the password changed, the answer lost (or the button clicked
    twice): the form sent again was told "this link is no longer valid", and the user
    believed the password unchanged. Now the same form is answered "changed" (at once or
    later), the user is told once in the chat; another form of the link is refused."""
    person = make_person()
    await gateway.link("r5", person)
    link = gateway.base_url + _link(await gateway.say("r5", "/reset"))
    async with aiohttp.ClientSession() as http:
        forms = []
        for _ in range(2):
            async with http.get(link) as page:
                found = re.search(r'name="form_id" value="([^"]+)"', await page.text())
                assert found
                forms.append(found.group(1))
        assert forms[0] != forms[1]
        sent = {"password": "Fresh-pass-2028", "repeat": "Fresh-pass-2028", "form_id": forms[0]}

        async def post(data: dict[str, str]) -> tuple[int, str]:
            async with http.post(link, data=data) as resp:
                return resp.status, await resp.text()

        at_once = await asyncio.gather(post(sent), post(sent))
        again = await post(sent)
        other = await post(sent | {"form_id": forms[1], "password": "Other-pass-2028",
                                   "repeat": "Other-pass-2028"})  # fmt: skip
    for status, body in (*at_once, again):
        assert status == 200 and "Your password has been changed" in body
    assert other[0] == 410
    assert slapd.can_bind(person.dn, "Fresh-pass-2028")
    transcript = await gateway.rt.store.conversations.transcript("webchat:r5")
    told = [e for e in transcript if "Your password has been changed" in e.get("text", "")]
    assert len(told) == 1


async def test_a_reset_form_that_cannot_be_read_is_asked_again(
    gateway: Gateway, slapd: Slapd, make_person: Callable[[], Person]
) -> None:
    """A POST whose body is not in the form's charset (raw cp1251 bytes) failed with a
    500 reading the form; now it is the form again with a 400, the link still usable."""
    person = make_person()
    await gateway.link("r3", person)
    link = _link(await gateway.say("r3", "/reset"))
    async with aiohttp.ClientSession() as http:
        raw = "password=Пароль-2026&repeat=Пароль-2026".encode("cp1251")
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        async with http.post(gateway.base_url + link, data=raw, headers=headers) as resp:
            assert resp.status == 400
            assert "could not be read" in await resp.text()
        done = await _post(http, gateway.base_url + link, "Fresh-pass-2027")
        assert done[0] == 200 and "Your password has been changed" in done[1]
    assert slapd.can_bind(person.dn, "Fresh-pass-2027")


async def test_an_admins_revoke_resent_after_a_lost_answer_is_answered_as_the_first(
    gateway: Gateway, make_person: Callable[[], Person]
) -> None:
    """The console's "revoke" was applied and its answer lost; the page sends it again
    with the same action id: before, "no such link" (404) for a link it had removed. Now
    answered as the first, audited once; another click (another id) finds no link."""
    person = make_person()
    await gateway.link("v1", person)
    accounts = gateway.rt.accounts
    assert accounts is not None
    assert await accounts.revoke("webchat:v1", "root", "click-0001")
    assert await accounts.revoke("webchat:v1", "root", "click-0001")
    assert not await accounts.revoke("webchat:v1", "root", "click-0002")
    assert not await accounts.revoke("webchat:v1", "anna", "click-0001")  # another admin's
    assert await accounts.linked_login("webchat:v1") == ""
    revokes = [a for a in await accounts.records.audit_entries() if a["action"] == "revoke"]
    assert [a["result"] for a in revokes] == ["by root"]


async def test_an_expired_link_is_refused(
    gateway: Gateway, slapd: Slapd, make_person: Callable[[], Person]
) -> None:
    person = make_person()
    await gateway.link("r2", person)
    link = _link(await gateway.say("r2", "/reset"))
    gateway.now[0] += 16 * 60
    async with aiohttp.ClientSession() as http:
        # Expired, the link still names the English conversation: its page is in English,
        # not in the language of a Russian browser that opens it.
        russian = {"Accept-Language": "ru-RU,ru;q=0.9"}
        async with http.get(gateway.base_url + link, headers=russian) as page:
            assert page.status == 410
            text = await page.text()
            assert '<html lang="en">' in text and "This link is not valid" in text
        status, _ = await _post(http, gateway.base_url + link, "Late-pass-2026")
        assert status == 410
    assert slapd.can_bind(person.dn, person.password)


async def test_a_new_reset_link_ends_the_one_before(
    gateway: Gateway, slapd: Slapd, make_person: Callable[[], Person]
) -> None:
    """Every link given out stayed good for its minutes, however many came after: one
    read by someone else (a forwarded mail, a shared screen) still set the password."""
    person = make_person()
    await gateway.link("r6", person)
    first = gateway.base_url + _link(await gateway.say("r6", "/reset"))
    second = gateway.base_url + _link(await gateway.say("r6", "/reset"))
    assert first != second
    async with aiohttp.ClientSession() as http:
        async with http.get(first) as page:
            assert page.status == 410
        assert (await _post(http, first, "Old-link-pass-2029"))[0] == 410
        done = await _post(http, second, "New-link-pass-2029")
        assert done[0] == 200 and "Your password has been changed" in done[1]
    assert slapd.can_bind(person.dn, "New-link-pass-2029")


async def test_a_reset_link_ends_with_the_chats_link_to_the_account(
    gateway: Gateway, slapd: Slapd, make_person: Callable[[], Person]
) -> None:
    """Outside pass: a reset link is given to a chat because the chat is linked to the
    account. An admin revoked the link (a stolen phone, a shared computer) or the user
    sent /forget, and the link already given out still set the account's password for
    its minutes. Now the page asks whether the chat is still linked to that account."""
    person = make_person()
    accounts = gateway.rt.accounts
    assert accounts is not None
    await gateway.link("f1", person)
    forgotten = gateway.base_url + _link(await gateway.say("f1", "/reset"))
    await gateway.say("f1", "/forget")
    await gateway.link("f2", person)
    revoked = gateway.base_url + _link(await gateway.say("f2", "/reset"))
    assert await accounts.revoke("webchat:f2", "root", "click-0101")
    async with aiohttp.ClientSession() as http:
        for link in (forgotten, revoked):
            async with http.get(link) as page:
                assert page.status == 410 and "This link is not valid" in await page.text()
            assert (await _post(http, link, "Stolen-pass-2031"))[0] == 410
    assert slapd.can_bind(person.dn, person.password)
    assert not slapd.can_bind(person.dn, "Stolen-pass-2031")


async def test_a_link_for_one_account_never_changes_another(
    gateway: Gateway, slapd: Slapd, make_person: Callable[[], Person]
) -> None:
    alice, bob = make_person(), make_person()
    await gateway.link("a1", alice)
    await gateway.link("b1x", bob)
    link = _link(await gateway.say("a1", "/reset"))
    bob_link = _link(await gateway.say("b1x", "/reset"))
    async with aiohttp.ClientSession() as http:
        form = {"password": "Hijack-pass-2026", "repeat": "Hijack-pass-2026",
                "login": bob.login, "uid": bob.login}  # fmt: skip
        async with http.post(gateway.base_url + link, data=form) as resp:
            assert resp.status == 200
        # A token spliced from two links (one's value, the other's signature) is nothing.
        value, stamp, _ = link.rsplit("/", 1)[1].split(".")
        mac = bob_link.rsplit("/", 1)[1].split(".")[2]
        spliced = f"{link.rsplit('/', 1)[0]}/{value}.{stamp}.{mac}"
        status, _ = await _post(http, gateway.base_url + spliced, "Spliced-pass-2026")
        assert status == 410
    assert slapd.can_bind(alice.dn, "Hijack-pass-2026")
    assert slapd.can_bind(bob.dn, bob.password)
    assert not slapd.can_bind(bob.dn, "Hijack-pass-2026")


def _link(replies: list[str]) -> str:
    found = re.search(r"(/account/password/\S+)", "\n".join(replies))
    assert found, replies
    return found.group(1)


async def _post(http: aiohttp.ClientSession, url: str, password: str) -> tuple[int, str]:
    async with http.post(url, data={"password": password, "repeat": password}) as resp:
        return resp.status, await resp.text()


async def test_identities_linked_to_one_account_see_each_others_tickets(
    gateway: Gateway, make_person: Callable[[], Person]
) -> None:
    person = make_person()
    await gateway.link("s1", person)
    await gateway.say("77", "/link", channel="telegram")
    await gateway.say("77", person.login.upper(), channel="telegram")  # the directory's case
    await gateway.say("77", await gateway.code_for(person), channel="telegram")
    accounts = gateway.rt.accounts
    assert accounts is not None
    assert await accounts.known_as("telegram:77") == {"telegram:77", "webchat:s1"}
    assert await accounts.known_as("webchat:other") == {"webchat:other"}
    [ticket] = [
        t
        for t in await gateway.rt.store.tickets.for_conversation("webchat:s1", active_only=False)
        if t.topic == "self_service_link"
    ]
    assert any(ticket.id in r for r in await gateway.say("77", "/status", channel="telegram"))
    stranger = await gateway.say("x9", f"/status {ticket.id}")
    nothing = await gateway.say("x9", "/status HD-999999")
    assert [r.replace(ticket.id, "#") for r in stranger] == [
        r.replace("HD-999999", "#") for r in nothing
    ]
    # "Forget me" on one channel: the other no longer sees the account's tickets as its own.
    await gateway.say("s1", "/forget")
    assert await accounts.known_as("telegram:77") == {"telegram:77"}


async def test_policy_may_ask_a_fresh_code_for_a_reset_and_limits_resets_a_day(
    gateway: Gateway, make_person: Callable[[], Person]
) -> None:
    accounts = gateway.rt.accounts
    assert accounts is not None
    accounts.conf = accounts.conf.model_copy(
        update={
            "reset_needs_code": True,
            "limits": accounts.conf.limits.model_copy(update={"resets_per_day": 2}),
        }
    )
    person = make_person()
    await gateway.link("f1", person)
    await in_one_window(86_400, room=120)  # the daily limit's day (UTC): all three in one
    _link(await gateway.say("f1", "/reset"))  # linked a moment ago: the code is fresh
    gateway.now[0] += 11 * 60
    again = await gateway.say("f1", "/reset")  # a stale link: prove it again first
    assert any("What is your login" in r for r in again)
    await gateway.say("f1", person.login)
    _link(await gateway.say("f1", await gateway.code_for(person)))
    over = await gateway.say("f1", "/reset")  # the third today
    assert any("daily limit" in r for r in over)
    assert not any("/account/password/" in r for r in over)


async def test_an_email_from_address_is_never_proof(
    gateway: Gateway, slapd: Slapd, make_person: Callable[[], Person]
) -> None:
    person = make_person()
    lock_out(slapd, person)
    # Mail "from" the account's own address asks to unlock: the bot still wants the code.
    replies = await gateway.say(person.mail, "Please unlock my account", channel="email")
    assert any("What is your login" in r for r in replies)
    assert await gateway.rt.accounts.linked_login(f"email:{person.mail}") == ""  # type: ignore[union-attr]
    assert not slapd.can_bind(person.dn, person.password)
    await gateway.say(person.mail, person.login, channel="email")
    done = await gateway.say(person.mail, await gateway.code_for(person), channel="email")
    assert any("Your account is unlocked" in r for r in done)
    assert slapd.can_bind(person.dn, person.password)


async def test_a_link_expires(gateway: Gateway, make_person: Callable[[], Person]) -> None:
    person = make_person()
    await gateway.link("x1", person)
    days = gateway.rt.settings.directory.link_days
    gateway.now[0] += days * 86_400 - 60
    assert any("not locked" in r for r in await gateway.say("x1", "/unlock"))  # still linked
    gateway.now[0] += 120
    assert any("What is your login" in r for r in await gateway.say("x1", "/unlock"))
    assert await gateway.rt.accounts.linked_login("webchat:x1") == ""  # type: ignore[union-attr]


async def test_the_letters_are_dated_named_and_marked_automatic(
    gateway: Gateway, make_person: Callable[[], Person]
) -> None:
    """Outside pass: the code letter went out with a bare From, no Date and no Message-ID
    (what spam filters mark: a code in the spam folder leaves the user waiting) and not
    marked automatic, so an out-of-office answer would come back to the desk as mail."""
    person = make_person()
    await gateway.say("m1", "/link")
    await gateway.say("m1", person.login)
    await gateway.code_for(person)
    [letter] = gateway.sink.to(person.mail)
    assert letter["From"] == "IT Support <support@example.org>"
    assert parsedate_to_datetime(letter["Date"]).tzinfo is not None
    assert re.fullmatch(r"<account\.\d+\.[0-9a-f]{16}@example\.org>", letter["Message-ID"])
    assert letter["Auto-Submitted"] == "auto-generated"


class _Unreachable:
    """The directory port while the directory cannot be reached: every call fails."""

    def __getattr__(self, name: str) -> Callable[..., object]:
        def unreachable(*args: object, **kwargs: object) -> object:
            from gateway.directory import DirectoryUnavailable

            raise DirectoryUnavailable("ldap://127.0.0.1:1: connection refused")

        return unreachable


async def test_a_directory_outage_hands_over_for_the_account_it_is_about(
    gateway: Gateway, make_person: Callable[[], Person]
) -> None:
    """Outside pass, session 16: with the directory unreachable the hand-off ticket said
    "My account is locked" for no account, though the chat was linked to one; and while
    linking it failed outright. The linked login goes on the ticket; unlinked, the login
    the user typed does."""
    person = make_person()
    await gateway.link("o1", person)
    assert gateway.rt.accounts is not None
    gateway.rt.accounts.directory = _Unreachable()  # type: ignore[assignment]
    said = await gateway.say("o1", "/unlock")
    assert any("can't reach the directory" in r for r in said), said
    assert not any("?" in r for r in said), said
    [ticket] = await gateway.rt.store.tickets.for_conversation("webchat:o1")
    unlock = f"My account is locked: please unlock it (account {person.login})"
    assert ticket.fields == {"problem": unlock}
    said = await gateway.say("o2", "/reset")
    assert any("What is your login" in r for r in said), said
    said = await gateway.say("o2", person.login)
    assert any("can't reach the directory" in r for r in said), said
    [ticket] = await gateway.rt.store.tickets.for_conversation("webchat:o2")
    assert ticket.fields == {"problem": f"I need a password reset (account {person.login})"}
