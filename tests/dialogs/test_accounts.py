"""Self-service in the pure dialog step: what the engine asks the directory service for,
and what it says with each answer. The service itself is tested on a real slapd in
tests/directory/."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from dialogs.driver import Chat
from gateway.dialogs.accounts import AccountOutcome, AccountResult
from gateway.dialogs.engine import DialogEngine, StepContext
from gateway.dialogs.events import AccountAction
from gateway.dialogs.state import Phase


@dataclass
class DirectoryChat(Chat):
    """A chat on a gateway with a directory configured."""

    @property
    def ctx(self) -> StepContext:
        return StepContext(now=self.now, directory=True)

    def answer(self, action: str, outcome: AccountOutcome, **extra: object) -> list[str]:
        """The service's answer comes back: what the user reads."""
        result = self.engine.account_result(
            self.state,
            AccountResult(action, outcome, **extra),
            self.ctx,  # type: ignore[arg-type]
        )
        self.state, self.events = result.state, list(result.events)
        return [r.text for r in result.replies]


def actions(chat: Chat) -> list[AccountAction]:
    return [e for e in chat.events if isinstance(e, AccountAction)]


def test_without_a_directory_the_command_goes_to_a_person_with_the_account_named(
    engine: DialogEngine,
) -> None:
    """Outside pass, session 16: the hand-off opened a ticket "My account is locked: please
    unlock it" for no account at all (no directory, so no linked login), and the person
    who took it had to write back and ask whose. The bot asks once, for the login and never
    the password, and the ticket carries the answer."""
    chat = Chat(engine, lang_hint="en")
    chat.send("/unlock")
    assert "a specialist will do it" in chat.replies[0].text
    assert "Which account is it? Send its login" in chat.replies[1].text
    assert "Never send your password" in chat.replies[1].text
    # an account's request is all a person needs besides whose: no program, device or error
    assert not chat.questions and not chat.named("ticket_requested")
    chat.send("ivanova")
    assert not chat.questions and "?" not in chat.text  # asked once, nothing after it
    unlock_of_ivanova = "My account is locked: please unlock it (account ivanova)"
    assert chat.requested.fields == {"problem": unlock_of_ivanova}
    assert chat.requested.reason == "asked_for_person"
    assert not actions(chat)


def test_the_account_is_asked_once_in_the_user_s_language_and_any_answer_goes_on(
    engine: DialogEngine,
) -> None:
    chat = Chat(engine, lang_hint="ru")
    chat.send("/reset")
    assert "Пришлите её логин" in chat.text and "Пароль не присылайте" in chat.text
    chat.send("«petrov.a»")
    assert chat.requested.fields == {"problem": "Нужно сбросить пароль (учётная запись petrov.a)"}
    # An answer that is not one word is not asked again: it goes on the ticket as said.
    chat = Chat(engine, lang_hint="en")
    chat.send("/reset")
    chat.send("I think it is  petrov.a  or apetrov")
    assert "?" not in chat.text and not chat.questions
    assert chat.requested.fields == {
        "problem": "I need a password reset (account I think it is petrov.a or apetrov)"
    }
    # /operator instead of a name: a person at once, for the request as it stands
    chat = Chat(engine, lang_hint="en")
    chat.send("/unlock")
    chat.send("/operator")
    assert chat.requested.fields == {"problem": "My account is locked: please unlock it"}
    assert chat.state.phase == Phase.TICKET
    # An old button pressed meanwhile is no name: told it is old, the question still open
    chat = Chat(engine, lang_hint="en")
    chat.send("/unlock")
    chat.send("Yes, it helped", payload="helped:yes")
    assert "no longer works" in chat.text and not chat.named("ticket_requested")
    chat.send("ivanova")
    assert chat.requested.fields["problem"].endswith("(account ivanova)")
    # /cancel cancels, as at any other question
    chat = Chat(engine, lang_hint="en")
    chat.send("/unlock")
    chat.send("/cancel")
    assert "stopped" in chat.text and chat.state.phase == Phase.IDLE
    assert not chat.named("ticket_requested")


def test_without_a_directory_words_go_to_the_knowledge_base_as_before(
    engine: DialogEngine,
) -> None:
    chat = Chat(engine, lang_hint="en")
    chat.send("I forgot my password")
    assert chat.named("faq_answered") and not actions(chat)


def test_with_a_directory_words_ask_the_service(engine: DialogEngine) -> None:
    for text, action in (
        ("I forgot my password", "reset"),
        ("Забыла пароль от почты", "reset"),
        ("Скиньте, будь ласка, пароль", "reset"),
        ("my account is locked", "unlock"),
        ("Учётная запись заблокирована", "unlock"),
        ("Розблокуйте мій обліковий запис", "unlock"),
        ("forget me please", "forget"),
    ):
        chat = DirectoryChat(engine, lang_hint="en")
        chat.send(text)
        assert [a.action for a in actions(chat)] == [action], text
        assert chat.replies == []  # the service answers


@pytest.mark.parametrize(
    "text",
    [
        "my password expired",
        "Windows says my password has expired, I can't sign in",
        "expired password on my laptop",
        "истёк срок действия пароля",
        "пароль просрочен, не могу войти",
        "у меня пароль устарел, пишет что надо сменить",
        "термін дії пароля закінчився",
        "пароль прострочений, не пускає в пошту",
    ],
)
def test_an_expired_password_gets_the_reset_link(engine: DialogEngine, text: str) -> None:
    """Desk34: "my password expired" got the knowledge base's article (change it at the
    sign-in window) though a directory was configured: an expired password is one to set
    anew, as a forgotten one is, and the reset link sets it."""
    chat = DirectoryChat(engine, lang_hint="en")
    chat.send(text)
    assert [a.action for a in actions(chat)] == ["reset"], text


@pytest.mark.parametrize(
    "text",
    [
        "my Zoom password expired",
        "пароль от 1С просрочен",
        "the certificate has expired",
        "got an email saying my password expires today, with a link",
        "пришло письмо, что срок действия пароля истекает, я нажала ссылку",
    ],
)
def test_what_expires_elsewhere_is_no_reset(engine: DialogEngine, text: str) -> None:
    chat = DirectoryChat(engine, lang_hint="en")
    chat.send(text)
    assert not actions(chat), text


def test_the_password_of_another_program_is_not_the_directorys(engine: DialogEngine) -> None:
    """The bot can reset only the directory account: a program with its own sign-in
    is a problem like any other (checklist or knowledge base), never a reset link."""
    for text in (
        "Забыл пароль от 1С",
        "I forgot my Zoom password, how do I reset it?",
        "Заблокували обліковий запис у Jira",
        "сбросьте пароль в битрикс24",
    ):
        chat = DirectoryChat(engine, lang_hint="en")
        chat.send(text)
        assert not actions(chat), text
        assert chat.replies, text
    for text in ("Забыл пароль от Outlook", "reset my Windows password"):
        chat = DirectoryChat(engine, lang_hint="en")
        chat.send(text)
        assert [a.action for a in actions(chat)] == ["reset"], text


def test_another_persons_account_goes_to_a_person_never_the_users_own_link(
    engine: DialogEngine,
) -> None:
    """Outside pass, session 24: a linked user who wrote "my colleague forgot her password,
    please reset it" or "сбросьте пароль пользователю Петров" was sent a reset link for
    their own account. The bot acts only on the account linked to the chat: it says so,
    asks whose account, and a person takes the request."""
    for text, lang, said in (
        ("my colleague forgot her password, please reset it", "en", "another person's account"),
        ("please reset the password for user ivanov", "en", "another person's account"),
        ("he is locked out, unlock his account", "en", "another person's account"),
        ("reset Anna's password", "en", "another person's account"),
        ("сбросьте пароль пользователю Петров", "ru", "другого человека"),
        ("у него заблокирована учётная запись, разблокируйте", "ru", "другого человека"),
        ("новому сотруднику нужно сменить пароль", "ru", "другого человека"),
        ("скиньте пароль колезі", "uk", "іншої людини"),
        ("розблокуйте обліковий запис користувачу Петренко", "uk", "іншої людини"),
        ("у неї заблокований акаунт", "uk", "іншої людини"),
    ):
        chat = DirectoryChat(engine, lang_hint=lang)
        chat.send(text)
        assert not actions(chat), text
        assert said in chat.replies[0].text, (text, chat.text)
        assert chat.state.phase == Phase.ACCOUNT_NAME, text
        chat.send("petrov")
        assert "petrov" in chat.requested.fields["problem"], text
    for text, action in (  # the user's own account: the service is asked, as before
        ("I forgot my password", "reset"),
        ("reset my password for my user account", "reset"),
        ("my account is locked, please unlock it", "unlock"),
        ("забыл пароль от почты, сбросьте его", "reset"),
        ("сбросьте мне пароль", "reset"),
        ("забула пароль, скиньте його будь ласка", "reset"),
        ("мій обліковий запис заблоковано", "unlock"),
    ):
        chat = DirectoryChat(engine, lang_hint="en")
        chat.send(text)
        assert [a.action for a in actions(chat)] == [action], text


def test_linking_dialog(engine: DialogEngine) -> None:
    chat = DirectoryChat(engine, lang_hint="en")
    chat.send("/reset")
    said = chat.answer("reset", AccountOutcome.NOT_LINKED)
    assert "What is your login" in said[0] and chat.state.phase == Phase.LINK_LOGIN
    chat.send("Ivan Petrov")
    assert "only your login" in chat.text and not actions(chat)
    chat.send("ivanova")
    assert actions(chat) == [AccountAction("request_code", login="ivanova")]
    said = chat.answer("request_code", AccountOutcome.CODE_SENT, minutes=10)
    assert "If this account exists" in said[0] and "10 min" in said[0]
    chat.send("12 34-56")
    assert actions(chat) == [AccountAction("enter_code", code="123456")]
    said = chat.answer("enter_code", AccountOutcome.LINKED)
    assert "now linked" in said[0]
    assert actions(chat) == [AccountAction("reset")]  # what the user asked for in the first place
    said = chat.answer("reset", AccountOutcome.RESET_LINK, link="https://x/a", minutes=15)
    assert "https://x/a" in said[0] and "15 min" in said[0]
    assert chat.state.phase == Phase.IDLE


def test_three_refused_codes_end_the_attempt(engine: DialogEngine) -> None:
    chat = DirectoryChat(engine, lang_hint="en")
    chat.send("/link")
    chat.send("ivanova")
    chat.answer("request_code", AccountOutcome.CODE_SENT, minutes=10)
    for _ in range(3):
        chat.send("000000")
        said = chat.answer("enter_code", AccountOutcome.CODE_REFUSED)
    assert "either" in said[0] and chat.state.phase == Phase.IDLE
    chat.send("/cancel")
    assert "nothing to cancel" in chat.text.lower()


def test_protected_account_goes_to_a_person(engine: DialogEngine) -> None:
    chat = DirectoryChat(engine, lang_hint="en")
    chat.send("/unlock")
    said = chat.answer("unlock", AccountOutcome.PROTECTED, login="boss")
    assert "protected" in said[0]
    # Outside pass: the hand-off went on to "Which program or device is it about?"
    assert not any("?" in text for text in said), said
    assert "already told me everything they need" in said[1]
    assert not chat.named("checklist_question") and chat.state.phase == Phase.TICKET
    requested = chat.requested
    assert requested.fields == {"problem": "My account is locked: please unlock it (account boss)"}
    assert requested.reason == "asked_for_person"


def test_a_directory_outage_hands_over_with_the_account_known_or_asked(
    engine: DialogEngine,
) -> None:
    """The directory unreachable: the linked account goes on the ticket (the service passes
    it); with none the account is asked once. While linking, the login the user typed goes
    on it (before, that step failed with KeyError 'account_problem_request_code')."""
    chat = DirectoryChat(engine, lang_hint="en")
    chat.send("/unlock")
    said = chat.answer("unlock", AccountOutcome.UNAVAILABLE, login="ivanova")
    assert "can't reach the directory" in said[0] and "?" not in " ".join(said)
    unlock_of_ivanova = "My account is locked: please unlock it (account ivanova)"
    assert chat.requested.fields == {"problem": unlock_of_ivanova}
    chat = DirectoryChat(engine, lang_hint="en")
    chat.send("/reset")
    said = chat.answer("reset", AccountOutcome.UNAVAILABLE)
    assert "Which account is it?" in said[1] and chat.state.phase == Phase.ACCOUNT_NAME
    chat.send("ivanova")
    assert chat.requested.fields == {"problem": "I need a password reset (account ivanova)"}
    chat = DirectoryChat(engine, lang_hint="en")
    chat.send("/unlock")
    chat.answer("unlock", AccountOutcome.NOT_LINKED)
    chat.send("ivanova")
    said = chat.answer("request_code", AccountOutcome.UNAVAILABLE, login="ivanova")
    assert "can't reach the directory" in said[0]
    unlock_of_ivanova = "My account is locked: please unlock it (account ivanova)"
    assert chat.requested.fields == {"problem": unlock_of_ivanova}


def test_a_login_named_in_the_request_goes_to_the_service_to_compare(
    engine: DialogEngine,
) -> None:
    """Outside pass, session 25: "unlock jsmith" asked the service to unlock the chat's own
    account. The login named goes with the request: the service acts only when it is the
    linked one; the words of the request and the things people sign in to name no login."""
    for text, action, login in (
        ("unlock jsmith", "unlock", "jsmith"),
        ("/unlock petrov", "unlock", "petrov"),
        ("разблокируй учетку petrov", "unlock", "petrov"),
        ("розблокуй обліковий запис o.kovalenko", "unlock", "o.kovalenko"),
        ("сбрось пароль ivanov", "reset", "ivanov"),
        ("reset password for CORP\\jsmith", "reset", "CORP\\jsmith"),
        ("my account is locked, please unlock it", "unlock", ""),
        ("unlock my AD account asap", "unlock", ""),
        ("reset my windows password please", "reset", ""),
        ("I forgot my password for Outlook, can you reset it?", "reset", ""),
        ("reset password for vpn", "reset", ""),
        ("Учетная запись заблокирована, разблокируйте пожалуйста", "unlock", ""),
        ("сбросьте мне пароль от windows", "reset", ""),
        ("забула пароль, скиньте його будь ласка", "reset", ""),
    ):
        chat = DirectoryChat(engine, lang_hint="en")
        chat.send(text)
        assert [(a.action, a.login) for a in actions(chat)] == [(action, login)], text


def test_the_service_saying_someone_else_hands_over_for_that_account(
    engine: DialogEngine,
) -> None:
    chat = DirectoryChat(engine, lang_hint="en")
    chat.send("unlock jsmith")
    said = chat.answer("unlock", AccountOutcome.SOMEONE_ELSE, login="jsmith")
    assert "another person's account" in said[0]
    assert "jsmith" in chat.requested.fields["problem"]


def test_everyday_words_after_the_request_name_no_login(engine: DialogEngine) -> None:
    """Review, session 25: "password reset needed", "Please reset password. Thank you",
    "unlock acount pls" named the logins "needed", "Thank", "acount", and a linked user's own
    request went to a person as someone else's. A word of the next sentence, a request word
    misspelt by a letter and everyday English in lower case name no login; a login does."""
    for text, action, login in (
        ("password reset needed", "reset", ""),
        ("Please reset password. Thank you", "reset", ""),
        ("Hi! Can you reset my password? Thanks, Anna", "reset", ""),
        ("account unlock request", "unlock", ""),
        ("unlock acount pls", "unlock", ""),
        ("unlock account kindly", "unlock", ""),
        ("unlock my accont please", "unlock", ""),
        ("сбросьте пароль ivanov", "reset", "ivanov"),
        ("password reset for jsmith", "reset", "jsmith"),
        ("unlock account of John Smith", "unlock", "John"),
        ("reset password for user2", "reset", "user2"),
        ("розблокуйте обліковий запис petrenko", "unlock", "petrenko"),
    ):
        chat = DirectoryChat(engine, lang_hint="en")
        chat.send(text)
        assert [(a.action, a.login) for a in actions(chat)] == [(action, login)], text


def test_a_latin_login_after_the_request_or_its_asides_is_the_account(
    engine: DialogEngine,
) -> None:
    """Outside pass, session 26: "разблокируй petrov" read the Latin word among Cyrillic ones
    as a program's name (no request at all), and "unlock asap jsmith" or "разблокируйте,
    пожалуйста, petrov" named no login (the writer's own account was unlocked). A login is
    named after the request's words and what is said between ("пожалуйста", "будь ласка",
    "asap", "срочно"); a program the catalogue knows stays that program's account."""
    for text, action, login in (
        ("разблокируй petrov", "unlock", "petrov"),
        ("розблокуй ivanenko", "unlock", "ivanenko"),
        ("разблокируйте, пожалуйста, petrov", "unlock", "petrov"),
        ("розблокуйте, будь ласка, ivanenko", "unlock", "ivanenko"),
        ("разблокируй срочно petrov", "unlock", "petrov"),
        ("unlock asap jsmith", "unlock", "jsmith"),
        ("please reset password please a.smith", "reset", "a.smith"),
        ("разблокируйте пожалуйста мой аккаунт", "unlock", ""),
        ("розблокуйте терміново, будь ласка", "unlock", ""),
        ("unlock my account please asap", "unlock", ""),
        ("разблокируй мне VPN", "unlock", ""),
    ):
        chat = DirectoryChat(engine, lang_hint="en")
        chat.send(text)
        assert [(a.action, a.login) for a in actions(chat)] == [(action, login)], text
    for text in ("разблокируй jira", "разблокируйте, пожалуйста, SAP", "розблокуй 1c"):
        chat = DirectoryChat(engine, lang_hint="en")
        chat.send(text)
        assert actions(chat) == [], text  # that program's own account: the checklist's


def test_a_persons_name_in_cyrillic_is_another_persons_account(engine: DialogEngine) -> None:
    """Review, session 25: "разблокируй учетку petrov" went to a person, but "разблокируй
    учетку Петрова" unlocked the writer's own account: only Latin logins were read. A first
    name, surname or patronymic right after the request's words is another person's; the
    writer signing after a comma or a full stop is not."""
    for text, lang, said in (
        ("разблокируй учетку Петрова", "ru", "другого человека"),
        ("сбросьте пароль для Марины Сергеевны", "ru", "другого человека"),
        ("розблокуйте обліковий запис Коваленка", "uk", "іншої людини"),
        ("скиньте пароль для Олени", "uk", "іншої людини"),
    ):
        chat = DirectoryChat(engine, lang_hint=lang)
        chat.send(text)
        assert not actions(chat), text
        assert said in chat.replies[0].text, (text, chat.text)
    for text, action in (
        ("Сбросьте пароль. Марина", "reset"),
        ("Забыл пароль, Иван", "reset"),
        ("Разблокируйте Учетную запись", "unlock"),
        ("Я Петров, разблокируйте учетку", "unlock"),
        ("Скиньте пароль, будь ласка. Олена", "reset"),
    ):
        chat = DirectoryChat(engine, lang_hint="ru")
        chat.send(text)
        assert [a.action for a in actions(chat)] == [action], text


def test_whose_account_reads_the_same_words_as_whose_ticket(engine: DialogEngine) -> None:
    """One list of the people a request may be for (review, session 25): the status
    question's words (a manager, a head, in any form) now also keep self-service off the
    user's own account, and the forms the account's own list had still do."""
    for text, lang in (
        ("руководителю нужно сбросить пароль", "ru"),
        ("у начальницы заблокирована учётная запись, разблокируйте", "ru"),
        ("сотруднице нужно сменить пароль", "ru"),
        ("керівниці заблокували обліковий запис, розблокуйте", "uk"),
        ("скиньте пароль колезі", "uk"),
        ("my manager forgot the password, please reset it", "en"),
        ("reset Anna's password", "en"),
        ("my co-worker is locked out, unlock the account", "en"),
    ):
        chat = DirectoryChat(engine, lang_hint=lang)
        chat.send(text)
        assert not actions(chat), text
        assert chat.state.phase == Phase.ACCOUNT_NAME, text
    for text in ("it's locked, unlock my account", "let's reset my password", "reset my password"):
        chat = DirectoryChat(engine, lang_hint="en")
        chat.send(text)
        assert len(actions(chat)) == 1, text
