"""Self-service in the dialog: link this chat to a directory account by a one-time code,
then unlock the account or get a password-reset link.

The engine never talks to the directory: it emits `AccountAction` and the service answers
with an `AccountResult` through `DialogEngine.account_result`. The answer to a code
request is the same whether or not the account exists, and every refused code reads
alike (wrong, expired or for an unknown account).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from gateway.dialogs.account_requests import (
    COMMANDS,
    FORGET,
    LINK,
    RESET,
    UNLOCK,
    account_request,
    for_someone_else,
    named_login,
    typed_code,
)
from gateway.dialogs.events import AccountAction
from gateway.dialogs.flow import SupportFlow
from gateway.dialogs.state import DialogState, Phase
from gateway.dialogs.turn import Turn
from gateway.models import InboundMessage

REQUEST_CODE, ENTER_CODE = "request_code", "enter_code"
LONGEST_NAME = 80  # of an account name as the user gave it, on the ticket
TRAILING_MARKS = " .,;:!?\"'«»“”"  # around a name typed as a sentence or quoted
MAX_CODE_TRIES = 3  # codes typed in a row before the bot stops asking for one
OPEN_PHASES = (Phase.IDLE, Phase.TICKET, Phase.CSAT_SCORE, Phase.CSAT_COMMENT)


class AccountOutcome(StrEnum):
    """What the directory service did with an `AccountAction`."""

    CODE_SENT = "code_sent"  # or not: the same answer whether the account exists
    THROTTLED = "throttled"
    LINKED = "linked"
    CODE_REFUSED = "code_refused"
    NOT_LINKED = "not_linked"
    PROTECTED = "protected"
    NOT_LOCKED = "not_locked"
    UNLOCKED = "unlocked"
    LIMIT = "limit"
    UNAVAILABLE = "unavailable"
    RESET_LINK = "reset_link"
    FORGOTTEN = "forgotten"
    NOTHING_TO_FORGET = "nothing_to_forget"
    PASSWORD_CHANGED = "password_changed"
    SOMEONE_ELSE = "someone_else"  # the request named another account than the linked one


@dataclass(frozen=True)
class AccountResult:
    """The service's answer: the outcome, and the reset link with its lifetime."""

    action: str
    outcome: AccountOutcome
    link: str = ""
    minutes: int = 0
    login: str = ""  # the linked account, when a person must act on it (protected)


class AccountFlow:
    """The self-service steps of a conversation."""

    def __init__(self, flow: SupportFlow) -> None:
        self.flow = flow

    def wants(self, state: DialogState, msg: InboundMessage, command: tuple[str, str] | None,
              directory: bool) -> str:  # fmt: skip
        """The self-service action this message asks for ("" for none). Without a
        directory only the commands count: the words go to the support flow as before."""
        if command is not None and state.phase == Phase.ACCOUNT_NAME and command[0] == "operator":
            return state.phase.value  # a person at once: the request without a name
        if command is not None:
            return COMMANDS.get(command[0], "")
        if state.phase in (Phase.LINK_LOGIN, Phase.LINK_CODE):
            return state.phase.value
        if state.phase == Phase.ACCOUNT_NAME and not msg.payload:  # any typed answer, once
            return state.phase.value  # (an old button pressed is no name: the engine's)
        if directory and state.phase in OPEN_PHASES and msg.text.strip():
            return account_request(msg.text) or ""
        return ""

    def handle(self, turn: Turn, action: str, msg: InboundMessage) -> None:
        st = turn.state
        if st.phase not in (Phase.LINK_LOGIN, Phase.LINK_CODE, Phase.ACCOUNT_NAME):
            words = "" if msg.text.lstrip().startswith("/") else msg.text
            self.flow.detect_language(turn, words, msg.language_hint)
        if action == Phase.ACCOUNT_NAME.value:
            self._account_named(turn, msg.text)
        elif action == Phase.LINK_LOGIN.value:
            self._login_given(turn, msg.text.strip())
        elif action == Phase.LINK_CODE.value:
            self._code_given(turn, msg.text)
        elif not turn.ctx.directory:
            self._to_person(turn, action, "account_no_directory")
        elif action == LINK:
            st.start_flow()
            self._ask_login(turn, "")
        elif action in (UNLOCK, RESET) and for_someone_else(msg.text):
            st.start_flow()  # never a link for the user's own account: a person does it
            self._to_person(turn, action, "account_someone_else")
        else:
            st.start_flow()
            named = named_login(msg.text) if action in (UNLOCK, RESET) else ""
            turn.emit(AccountAction(action=action, login=named))

    def result(self, turn: Turn, res: AccountResult) -> None:
        """Tell the user what the directory service did, and go on from there."""
        st, out = turn.state, res.outcome
        if out == AccountOutcome.NOT_LINKED and res.action in (UNLOCK, RESET):
            self._ask_login(turn, res.action)
        elif out == AccountOutcome.CODE_SENT:
            st.phase, st.code_tries = Phase.LINK_CODE, 0
            turn.say("account_code_sent", minutes=res.minutes)
        elif out == AccountOutcome.CODE_REFUSED:
            st.code_tries += 1
            if st.code_tries >= MAX_CODE_TRIES:
                st.start_flow()
                turn.say("account_code_refused_final")
            else:
                turn.say("account_code_refused")
        elif out == AccountOutcome.LINKED:
            then, st.account_next = st.account_next, ""
            st.start_flow()
            turn.say("account_linked")
            if then:
                turn.emit(AccountAction(action=then))
        elif out == AccountOutcome.RESET_LINK:
            st.start_flow()
            turn.say("account_reset_link", link=res.link, minutes=res.minutes)
        elif out == AccountOutcome.SOMEONE_ELSE:
            st.start_flow()  # a person does it, for the account named
            self._to_person(turn, res.action, "account_someone_else", res.login)
        elif out in (AccountOutcome.PROTECTED, AccountOutcome.UNAVAILABLE):
            # a code's step failing is the request it was for (a KeyError on
            # 'account_problem_request_code' before: the directory down while linking)
            action = res.action if res.action in COMMANDS.values() else (st.account_next or LINK)
            self._to_person(turn, action, f"account_{out.value}", res.login)
        else:
            st.start_flow()
            turn.say(f"account_{out.value}")

    # --- steps ---------------------------------------------------------------------------

    def _ask_login(self, turn: Turn, then: str) -> None:
        st = turn.state
        st.phase, st.account_next, st.code_tries = Phase.LINK_LOGIN, then, 0
        turn.say("account_ask_login")

    def _login_given(self, turn: Turn, login: str) -> None:
        if not login or len(login.split()) > 1:
            turn.say("account_ask_login_again")
            return
        turn.emit(AccountAction(action=REQUEST_CODE, login=login))

    def _code_given(self, turn: Turn, text: str) -> None:
        code = typed_code(text)
        if not code:
            turn.say("account_ask_code_again")
            return
        turn.emit(AccountAction(action=ENTER_CODE, code=code))

    def _to_person(self, turn: Turn, action: str, text_key: str, login: str = "") -> None:
        """A person does it: the bot says why and opens a ticket for the request.

        The request is the whole of what a person needs (what to do, to which account): a
        problem's checklist ("which program or device?", "an error message?") means nothing
        for an account, so nothing is asked; but an unlock or a reset for no account names
        nobody (no directory, or an identity linked to none): the account is asked once."""
        st = turn.state
        turn.say(text_key)
        if not login and action in (UNLOCK, RESET):
            st.start_flow()
            st.phase, st.account_next = Phase.ACCOUNT_NAME, action
            turn.say("account_ask_name")
            return
        self._hand_over(turn, action, login)

    def _account_named(self, turn: Turn, text: str) -> None:
        """The answer to "which account?", whatever it is, goes on the ticket: asked once."""
        action = turn.state.account_next or UNLOCK
        name = "" if text.lstrip().startswith("/") else " ".join(text.split())
        if len(name) > LONGEST_NAME:
            name = name[: LONGEST_NAME - 1].rstrip() + "…"
        self._hand_over(turn, action, name.strip(TRAILING_MARKS))

    def _hand_over(self, turn: Turn, action: str, login: str) -> None:
        st = turn.state
        problem = turn.text(f"account_problem_{action}")
        if login:
            problem = turn.text("account_problem_of", problem=problem, login=login)
        st.start_flow(problem)
        st.sources["problem"] = "self-service request"
        self.flow.to_person(turn, "asked_for_person", None, ask=False)


__all__ = ["FORGET", "LINK", "RESET", "UNLOCK", "AccountFlow", "AccountOutcome", "AccountResult"]
