"""Self-service against the directory: link a channel identity to an account by a one-time
code, unlock the account, and hand out single-use password-reset links.

A service beside `operations.py`: the dialog engine asks through `AccountAction` events,
this service answers with `AccountResult`s. Directory calls run in a thread (ldap3 blocks).
Every completed action is audited and becomes a ticket resolved at first line, so reports
count it as deflected and admins see it in the console. No password passes through here:
the reset page hands it straight to the directory port.

Against guessing and enumeration (NIST SP 800-63B): codes are random digits, kept only as
a salted digest, valid for minutes, for a few attempts, once. A code request gets the
same answer and the same work whether or not the account exists (an unknown login gets a
decoy record no code can match), and is counted per identity, per account and per client
address. An e-mail From address is never proof: only the code is.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gateway.client_blocks import counted_as
from gateway.config import Settings
from gateway.dialogs.account_requests import same_login
from gateway.dialogs.accounts import AccountOutcome, AccountResult
from gateway.dialogs.events import AccountAction
from gateway.directory import Account, Directory, DirectoryUnavailable, PasswordRefusal
from gateway.models import Level, Priority, SupportGroup, Ticket, TicketStatus
from gateway.reports.recorder import ReportRecorder
from gateway.store import Store, Transaction
from gateway.texts import Texts
from gateway.web.auth import Signer, new_token, session_secret

if TYPE_CHECKING:
    from gateway.self_service_mail import SelfServiceMail

log = logging.getLogger(__name__)

RESET_PATH = "/account/password/"
RESET_PURPOSE = "password-reset-link"
DAY = 86_400
HOUR = 3_600
BOT = "bot"
SAME_FORM_WAIT_SECONDS = 15.0  # a form sent twice at once: how long the second waits
SAME_FORM_POLL_SECONDS = 0.1
POLICY_SECONDS = 600.0  # the directory's minimum length is read again after this
LONGEST_LOGIN = 80  # of a login named in a request, as the audit and the ticket keep it
ASKER_SECONDS = 7 * DAY  # an old link's page speaks its conversation's language this long


@dataclass(frozen=True)
class Requester:
    """Who asks: the channel identity (a conversation), its language and client address."""

    channel: str
    chat_id: str
    language: str = "en"
    address: str = ""  # the client's IP address when the channel knows it (web chat)

    @property
    def identity(self) -> str:
        return f"{self.channel}:{self.chat_id}"


@dataclass(frozen=True)
class Grant:
    """What a valid reset link may do: change the password of `login`, once."""

    nonce: str
    login: str
    channel: str
    chat_id: str
    language: str


@dataclass(frozen=True)
class PasswordResult:
    """The reset page's outcome: changed, refused by the policy (and why), or neither."""

    changed: bool = False
    refusal: PasswordRefusal | None = None
    invalid: bool = False  # the link is gone, used or busy
    unavailable: bool = False
    repeated: bool = False  # changed by this form sent before (its answer was lost)


class SelfService:
    """Linking, unlock and reset links for the dialog; password changes for the page."""

    def __init__(
        self,
        settings: Settings,
        store: Store,
        directory: Directory,
        texts: Texts,
        reports: ReportRecorder,
        mail: SelfServiceMail,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.settings = settings
        self.conf = settings.directory
        self.store = store
        self.records = store.self_service
        self.directory = directory
        self.texts = texts
        self.reports = reports
        self.clock = clock
        secret = settings.web.session_secret
        self.signer = Signer(
            session_secret(secret.get_secret_value() if secret else None, "password reset link"),
            RESET_PURPOSE,
        )
        self.mail = mail
        self._policy_minimum: tuple[float, int] | None = None  # (read at, length)

    # --- the dialog's requests -----------------------------------------------------------

    async def carry_out(self, who: Requester, event: AccountAction) -> AccountResult:
        """Do what the engine asked; a directory outage reads as "unavailable"."""
        handlers = {
            "request_code": lambda: self.request_code(who, event.login),
            "enter_code": lambda: self.enter_code(who, event.code),
            "unlock": lambda: self.unlock(who),
            "reset": lambda: self.reset_link(who),
            "forget": lambda: self.forget(who),
        }
        handler = handlers.get(event.action)
        if handler is None:
            return AccountResult(event.action, AccountOutcome.UNAVAILABLE)
        try:
            if event.action in ("unlock", "reset") and event.login.strip():
                other = await self._someone_else(who, event.action, event.login.strip())
                if other is not None:
                    return other
            return await handler()
        except DirectoryUnavailable as exc:
            log.warning("directory unavailable", extra={"action": event.action, "error": str(exc)})
            # the person who takes it over needs the account: the linked one (our record,
            # not the directory's), else the bot asks the user for it
            login = event.login.strip()  # request_code: the one the user typed
            if event.action in ("unlock", "reset"):
                login = await self.linked_login(who.identity)
            return AccountResult(event.action, AccountOutcome.UNAVAILABLE, login=login)

    async def request_code(self, who: Requester, login: str) -> AccountResult:
        """Send a code to the account's recovery contact, if there is such an account."""
        action, login = "request_code", login.strip()
        limits = self.conf.limits
        counts = [
            await self.records.hit("code-identity", who.identity, HOUR)
            > limits.codes_per_hour_per_identity,
            await self.records.hit("code-account", login.lower()[:256], HOUR)
            > limits.codes_per_hour_per_account,
        ]
        if who.address:
            hits = await self.records.hit("code-address", counted_as(who.address), HOUR)
            counts.append(hits > limits.codes_per_hour_per_address)
        if any(counts):
            await self._audit(who, action, login, "throttled")
            return AccountResult(action, AccountOutcome.THROTTLED)
        account = await asyncio.to_thread(self.directory.find, login)
        code = "".join(secrets.choice("0123456789") for _ in range(self.conf.code_length))
        salt = secrets.token_hex(16)
        real = account is not None and bool(account.contact)
        # An unknown login gets a record too, whose digest no code can match.
        digest = _digest(salt, code) if real else secrets.token_hex(32)
        ttl = self.conf.code_minutes * 60
        await self.records.put_code(
            who.identity,
            account.login if real and account else "",
            salt,
            f"{digest}:{self.clock() + ttl}",
            self.conf.code_attempts,
            ttl,
        )
        if real and account is not None:
            self.mail.send_code(account, code, who.language, self.conf.code_minutes)
        await self._audit(who, action, login, "sent" if real else "no_such_account")
        return AccountResult(action, AccountOutcome.CODE_SENT, minutes=self.conf.code_minutes)

    async def enter_code(self, who: Requester, code: str) -> AccountResult:
        """Link the identity when the code is right, in time, and not used yet."""
        action = "enter_code"
        record = await self.records.code(who.identity)
        refused = AccountResult(action, AccountOutcome.CODE_REFUSED)
        if record is None:
            await self._audit(who, action, "", "no_code")
            return refused
        digest, _, expires = record.get("digest", "").partition(":")
        login = record.get("login", "")
        fresh = _float(expires) > self.clock()
        right = hmac.compare_digest(digest, _digest(record.get("salt", ""), code))
        if not (fresh and right and login):
            await self.records.spend_attempt(who.identity)
            await self._audit(who, action, login, "expired" if not fresh else "wrong")
            return refused
        if not await self.records.drop_code(who.identity):
            return refused  # another request used it first
        now = self.clock()
        await self.records.link(who.identity, login, now, self.conf.link_days * DAY)
        await self._resolved_ticket(who, "link", login, "linked")
        return AccountResult(action, AccountOutcome.LINKED)

    async def linked_login(self, identity: str) -> str:
        """The account this identity is linked to now ("" when none or expired)."""
        link = await self.records.linked(identity)
        if link is None:
            return ""
        if _float(link.get("expires_at")) <= self.clock():
            await self.records.unlink(identity)
            return ""
        return str(link.get("login", ""))

    async def known_as(self, identity: str) -> frozenset[str]:
        """The `UserIdentities` port: every identity linked now to the same account as
        `identity` (the identity alone when it is not linked)."""
        login = await self.linked_login(identity)
        if not login:
            return frozenset({identity})
        same = {identity}
        for other in await self.records.identities_of(login):
            if other != identity and await self.linked_login(other) == login:
                same.add(other)
        return frozenset(same)

    async def forget(self, who: Requester) -> AccountResult:
        """The user undoes the link ("forget me")."""
        login = await self.linked_login(who.identity)
        if not login or not await self.records.unlink(who.identity):
            return AccountResult("forget", AccountOutcome.NOTHING_TO_FORGET)
        await self._audit(who, "forget", login, "forgotten")
        return AccountResult("forget", AccountOutcome.FORGOTTEN)

    async def revoke(self, identity: str, admin: str, action_id: str = "") -> bool:
        """An admin removes a link from the console; False if there is none. The admin's
        action `action_id` (one click) removes it once: sent again, it is answered True."""
        login = await self.linked_login(identity)
        removed = await self.records.unlink(identity, f"{admin}:{action_id}" if action_id else "")
        if removed == 1:
            channel, _, chat_id = identity.partition(":")
            await self._audit(Requester(channel, chat_id), "revoke", login, f"by {admin}")
        return removed > 0

    async def _someone_else(self, who: Requester, action: str, named: str) -> AccountResult | None:
        """A request that names an account other than the one linked to this chat ("unlock
        petrov"): a person does it; the bot never acts on the linked account instead."""
        login = await self.linked_login(who.identity)
        if not login or same_login(named, login):
            return None  # not linked: linking comes first, by a code to the account's owner
        await self._audit(who, action, named[:LONGEST_LOGIN], "someone_else")
        return AccountResult(action, AccountOutcome.SOMEONE_ELSE, login=named[:LONGEST_LOGIN])

    async def unlock(self, who: Requester) -> AccountResult:
        action = "unlock"
        account, refusal = await self._linked_account(who, action)
        if account is None:
            return refusal
        if not account.locked:
            await self._audit(who, action, account.login, "not_locked")
            return AccountResult(action, AccountOutcome.NOT_LOCKED)
        day = await self.records.hit("unlock-day", account.login, DAY)
        if day > self.conf.limits.unlocks_per_day:
            await self._audit(who, action, account.login, "daily_limit")
            return AccountResult(action, AccountOutcome.LIMIT)
        if not await asyncio.to_thread(self.directory.unlock, account.login):
            await self._audit(who, action, account.login, "not_locked")
            return AccountResult(action, AccountOutcome.NOT_LOCKED)
        await self._resolved_ticket(who, action, account.login, "unlocked")
        return AccountResult(action, AccountOutcome.UNLOCKED)

    async def reset_link(self, who: Requester) -> AccountResult:
        """A single-use signed link to the reset page, valid for minutes."""
        action = "reset"
        account, refusal = await self._linked_account(who, action, fresh=self.conf.reset_needs_code)
        if account is None:
            return refusal
        day = await self.records.hit("reset-day", account.login, DAY)
        if day > self.conf.limits.resets_per_day:
            await self._audit(who, action, account.login, "daily_limit")
            return AccountResult(action, AccountOutcome.LIMIT)
        nonce = new_token().replace(".", "")
        grant = {"login": account.login, "channel": who.channel, "chat_id": who.chat_id,
                 "language": who.language, "expires_at": self.clock() + self._link_ttl}  # fmt: skip
        await self.records.put_grant(nonce, grant, self._link_ttl)
        await self.records.remember_asker(nonce, who.identity, ASKER_SECONDS)
        await self._audit(who, action, account.login, "link_sent")
        url = self.settings.http.public(RESET_PATH + self.signer.sign(nonce)) or (
            RESET_PATH + self.signer.sign(nonce)
        )
        return AccountResult(action, AccountOutcome.RESET_LINK, link=url,
                             minutes=self.conf.reset_link_minutes)  # fmt: skip

    # --- the reset page ------------------------------------------------------------------

    async def grant(self, token: str) -> Grant | None:
        """What the link may do, while it is valid and unused, and the chat it was given
        to is still linked to its account: a link undone (/forget, an admin's revoke, its
        `link_days` over) takes the reset links it gave with it."""
        nonce = self.signer.unsign(token, self._link_ttl)
        record = await self.records.grant(nonce) if nonce else None
        if nonce is None or record is None:
            return None
        if _float(record.get("expires_at")) <= self.clock():
            return None
        asker = f"{record.get('channel', '')}:{record.get('chat_id', '')}"
        if (await self.linked_login(asker)).lower() != str(record.get("login", "")).lower():
            return None
        return Grant(nonce, record["login"], record["channel"], record["chat_id"],
                     record.get("language", "en"))  # fmt: skip

    async def link_language(self, token: str) -> str:
        """The language of the conversation that asked for this link, while the link (ours,
        expired or used, up to `ASKER_SECONDS` old) still names it; else ""."""
        nonce = self.signer.unsign(token, ASKER_SECONDS)
        asker = await self.records.asker(nonce) if nonce else ""
        return await self.store.conversations.language(asker) if asker else ""

    async def changed_by_form(self, token: str, form_id: str) -> str:
        """The page's language when its form `form_id` is the one that changed the
        password with this link (sent again after its answer was lost); else ""."""
        nonce = self.signer.unsign(token, self._link_ttl)
        return await self.records.form_used_it(nonce, form_id) if nonce else ""

    async def min_password_length(self) -> int:
        """The length the page asks for: the configured minimum, or the directory's policy
        when it asks more (read every `POLICY_SECONDS`); 0 when neither says one."""
        now = time.monotonic()
        if self._policy_minimum is None or now - self._policy_minimum[0] > POLICY_SECONDS:
            read = await asyncio.to_thread(self.directory.min_password_length)
            self._policy_minimum = (now, read)
        return max(self.conf.password_min_length, self._policy_minimum[1])

    async def set_password(
        self, token: str, password: str, address: str, form_id: str = ""
    ) -> PasswordResult:
        """Set the new password of the link's account (and only that one), once.

        `form_id` is the page's id of the form sent: the same form sent again (its answer
        was lost, a double click) is answered "changed" when it changed the password, and
        while it is still being changed, waits for that (before: "this link is used")."""
        grant = await self.grant(token)
        nonce = grant.nonce if grant else self.signer.unsign(token, self._link_ttl)
        if nonce and await self.records.form_used_it(nonce, form_id):
            return PasswordResult(changed=True, repeated=True)
        if grant is None:
            return PasswordResult(invalid=True)
        if len(password) < self.conf.password_min_length:  # the deployment's own floor
            who = Requester(grant.channel, grant.chat_id, grant.language, address)
            await self._audit(who, "password", grant.login, "refused: too_short")
            return PasswordResult(refusal=PasswordRefusal.TOO_SHORT)
        if not await self._claim(grant.nonce, form_id):
            if await self.records.form_used_it(grant.nonce, form_id):
                return PasswordResult(changed=True, repeated=True)
            return PasswordResult(invalid=True)
        who = Requester(grant.channel, grant.chat_id, grant.language, address)
        try:
            refusal = await asyncio.to_thread(
                self.directory.set_password,
                grant.login,
                password,
                must_change=self.conf.must_change_at_next_logon,
            )
        except DirectoryUnavailable as exc:
            await self.records.release_grant(grant.nonce)
            log.warning("directory unavailable", extra={"action": "password", "error": str(exc)})
            return PasswordResult(unavailable=True)
        if refusal is not None:
            await self.records.release_grant(grant.nonce)
            await self._audit(who, "password", grant.login, f"refused: {refusal.value}")
            return PasswordResult(refusal=refusal)
        await self.records.spend_grant(grant.nonce, form_id, self._link_ttl, grant.language)
        await self._resolved_ticket(who, "password", grant.login, "changed")
        account = await asyncio.to_thread(self.directory.find, grant.login)
        if account is not None and account.mail:
            self.mail.send_changed(account, grant.language)
        return PasswordResult(changed=True)

    async def drain(self) -> None:
        """Wait for letters being sent (tests, shutdown)."""
        await self.mail.drain()

    # --- helpers -------------------------------------------------------------------------

    async def _claim(self, nonce: str, form_id: str) -> bool:
        """Hold the grant for this request. Another request holds it: the same form sent
        twice waits (a while) for the first to end, then this form finds it used or takes
        the grant the policy gave back (sent again, it is refused the same way)."""
        waited = 0.0
        while await self.records.claim_grant(nonce, 120) is None:
            if not form_id or waited >= SAME_FORM_WAIT_SECONDS:
                return False
            if await self.records.form_used_it(nonce, form_id):
                return False
            if await self.records.grant(nonce) is None:
                return False
            await asyncio.sleep(SAME_FORM_POLL_SECONDS)
            waited += SAME_FORM_POLL_SECONDS
        return True

    @property
    def _link_ttl(self) -> int:
        return self.conf.reset_link_minutes * 60

    async def _linked_account(
        self, who: Requester, action: str, *, fresh: bool = False
    ) -> tuple[Account | None, AccountResult]:
        """The identity's account when the bot may act on it, else the answer why not.
        `fresh`: the link must be newer than a code's lifetime (policy: reset needs a code)."""
        link = await self.records.linked(who.identity)
        login = await self.linked_login(who.identity)
        too_old = (
            fresh
            and link is not None
            and (self.clock() - _float(link.get("linked_at")) > self.conf.code_minutes * 60)
        )
        if not login or too_old:
            return None, AccountResult(action, AccountOutcome.NOT_LINKED)
        account = await asyncio.to_thread(self.directory.find, login)
        if account is None:
            await self.records.unlink(who.identity)
            await self._audit(who, action, login, "account_gone")
            return None, AccountResult(action, AccountOutcome.NOT_LINKED)
        if account.protected:
            await self._audit(who, action, login, "protected")
            return None, AccountResult(action, AccountOutcome.PROTECTED, login=account.login)
        return account, AccountResult(action, AccountOutcome.UNAVAILABLE)

    async def _audit(self, who: Requester, action: str, login: str, result: str) -> None:
        entry = {"at": self.clock(), "identity": who.identity, "channel": who.channel,
                 "address": who.address, "action": action, "login": login,
                 "result": result}  # fmt: skip
        await self.records.audit(entry)
        log.info("self-service", extra=entry)

    async def _resolved_ticket(self, who: Requester, action: str, login: str, result: str) -> None:
        """The action as a ticket resolved at first line by the bot (deflected), audited."""
        await self._audit(who, action, login, result)
        now = self.clock()
        ticket = Ticket(
            id=await self.store.tickets.next_id(),
            conversation_key=who.identity,
            channel=who.channel,
            chat_id=who.chat_id,
            subject=self.texts.get(who.language, f"account_problem_{action}")
            if action != "password"
            else self.texts.get(who.language, "account_problem_reset"),
            group=SupportGroup.ACCOUNTS,
            priority=Priority.P4,
            topic=f"self_service_{action}",
            language=who.language,
            level=Level.L1,
            status=TicketStatus.RESOLVED,
            assignee=BOT,
            fields={"account": login},
            reason="self_service",
            created_at=now,
            updated_at=now,
            resolved_at=now,
        )
        tx = Transaction()
        tx.save_ticket(ticket)
        tx.ticket_event(ticket.id, BOT, "self_service", f"{action}: {login}: {result}")
        tx.ticket_event(ticket.id, BOT, "resolved", "done by self-service")
        tx.outcome(who.identity, "resolved_l1", by="self_service")
        self.reports.self_served(tx, ticket, action)
        await self.store.commit(tx)


def _digest(salt: str, code: str) -> str:
    return hmac.new(salt.encode(), code.strip().upper().encode(), hashlib.sha256).hexdigest()


def _float(value: object) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0.0
