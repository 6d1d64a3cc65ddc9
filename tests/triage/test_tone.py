"""An upset user told by the shape of the message: shouted words, sarcastic thanks, a
complaint about the bot, a rhetorical question about the support. Lines of our own, in
ru, uk and en; what a screen says in capitals is not a shout."""

from __future__ import annotations

import pytest

from gateway.dialogs import answers
from gateway.dialogs.answers import is_small_talk
from gateway.dialogs.problem import problem_statement, without_tone
from gateway.knowledge.vocabulary import THANKS_WORDS
from gateway.triage import tone
from gateway.triage.mood import detect_handoff
from gateway.triage.tone import read_tone, shouted_words


@pytest.mark.parametrize(
    "text",
    [
        # capitals on whole words, not on acronyms
        "DO NOT send me another article. My laptop won't charge.",
        "FIX MY EMAIL NOW",
        "ЗАБЕРИТЕ ЭТОГО БОТА. У меня не запускается Word",
        "НЕ ПРАЦЮЄ ПРИНТЕР у відділі кадрів, зробіть щось",
        "I TOLD YOU the scanner is broken, the one at the front desk",
        "ОПЯТЬ!!! не открывается 1С, сколько это будет продолжаться???",
        # thanks or praise, then a failure that persists
        "Спасибо, очень помогли вашими ссылками. Outlook так и не отправляет письма.",
        "Дякую, дуже допомогли. Сканер так і не сканує, третій день.",
        "Great, another link. Teams still won't start on my laptop.",
        "Замечательно. Снова синий экран на ноутбуке",
        "Thanks a lot. The VPN drops again every ten minutes",
        "Чудово. Знову немає звуку в навушниках",
        # the bot or its self-help as what the user objects to
        "Ваш бот ничего не понимает. Мышка не работает на компьютере кассира.",
        "Бот нічого не розуміє, пошта не приходить з понеділка",
        "This bot doesn't understand anything, my monitor is black",
        "Хватит ваших ссылок, ноутбук не заряжается",
        # a verdict on the bot
        "Ваш бот бесполезен. Ноутбук не видит док-станцию",
        "Цей бот просто тупий, сканер не сканує",
        "Your bot is a waste of time. The label printer prints blank labels",
        # a verdict on the desk itself, as yours; self-help refused
        "Ваша підтримка нікуди не годиться. Ноутбук не бачить вайфай",
        "your helpdesk is a joke, the VPN drops every hour",
        "I don't want articles. The scanner is dead.",
        "No more of your links please, the projector shows nothing",
        # what kind of support is this
        "What kind of support is this?! The printer has been offline all week.",
        "Что это за поддержка такая, третий день без почты",
        "Що за підтримка? Інтернет знову зник",
        "Are you serious? Outlook crashed and lost my draft",
        "Ну і підтримка у вас. Пошта не надсилається другий день",
        "How hard can it be to fix a printer? Third week it jams on every page",
        # a question to the service in disbelief, or whether anyone is there at all
        "Вы там спите что ли? Третий час нет интернета в кабинете",
        "Ви там що, заснули? Сканер не сканує",
        "Алло, есть кто живой? Принтер не печатает",
        "Is there anyone real there? My mouse stopped working",
        "Хтось взагалі це читає? Ноутбук не заряджається вже тиждень",
        "Ми що, маємо чекати до вечора? Інтернет на складі не працює",
    ],
)
def test_upset_by_the_shape_of_the_message(text: str) -> None:
    signal = detect_handoff(text)
    assert signal is not None and signal.reason in ("upset", "asked_for_person")


@pytest.mark.parametrize(
    "text",
    [
        # a screen or a code quoted in capitals, with or without quotes
        "Принтер пишет PAPER JAM, бумагу вынимала",
        "монитор показывает NO SIGNAL",
        'The printer says "OUT OF PAPER" but the tray is full',
        "PAPER OUT blinking",
        "NO SIGNAL on the second monitor",
        "Ошибка: ACCESS DENIED при входе в папку",
        # acronyms and product names in capitals
        "У нас не работает IT отдел ЦНАП, СЕД и АБС",
        "Windows 10, HP LaserJet, USB, PDF, VPN не работает",
        "RAM upgrade request for my PC",
        # polite thanks, links the user followed, a bot that is the subject of a request
        "Спасибо заранее, принтер снова не печатает",
        "Thanks, the printer in room 5 won't print",
        "Дякую, що відповіли. Принтер не друкує з ранку",
        "Перешёл по ссылке из письма и теперь не работает почта",
        "I clicked a link in an email and now my PC is slow",
        "Бот, помогите с принтером",
        # a link the screen names is no complaint about links
        "Phone stolen. I tried the 'sign in another way' link but it only offers the app",
        "натиснула посилання «Ще один спосіб входу», але там лише застосунок",
        "Excel зависає під час роботи, пише «Не відповідає»",
        "у всього офісу не працює система, робота зупинилась",
        # a question to the service that is a plain question
        "Вы не подскажете, как подключить принтер?",
        "Can you reset my password?",
        "Ви можете встановити Zoom?",
    ],
)
def test_screens_acronyms_and_politeness_are_not_upset(text: str) -> None:
    reading = read_tone(text)
    assert (reading.strong, reading.weak) == (0, 0)


@pytest.mark.parametrize(
    ("text", "upset"),
    [
        # what a screen says, quoted or after "says", is not the user's "again" or "your"
        ("Outlook says 'Something went wrong. Try again later.' I restarted it and tried again.",
         False),
        ("Ноут пишет «Сеть недоступна, попробуйте снова», перезагрузила роутер и попробовала снова",
         False),
        ("Термінал пише «Спробуйте знову пізніше», я почекала і спробувала знову", False),
        ("Didn't help. The laptop says Preparing Windows, don't turn off your computer. Windows 11",
         False),
        # … the user's own words around it still are
        ("It says 'try again' AGAIN?! Seriously", True),
        ("Спасибо, очень помогли. Пишет «Ошибка 0x80070005», и так до сих пор", True),
        # "again" of a thing back at work is thanks, not a failure that persists
        ("Cheers, the label printer works again", False),
        ("thanks, the laptop is working again, legend", False),
        ("Спасибо, сканер снова работает", False),
        ("Дякую, термінал знову запрацював", False),
        ("Thanks. The printer doesn't work again", True),
        ("Спасибо, снова не работает", True),
        ("Дякую, знову зависло", True),
    ],
)
def test_what_a_screen_says_is_not_the_users_tone(text: str, upset: bool) -> None:
    signal = detect_handoff(text)
    assert (signal is not None and signal.reason == "upset") is upset


def test_shouted_words_are_dictionary_words_not_acronyms_or_screens() -> None:
    assert shouted_words("DO NOT send me another link, VPN and PDF are fine") == ["DO", "NOT"]
    assert shouted_words('Outlook says "CANNOT CONNECT". STOP asking') == ["STOP"]
    assert shouted_words("МИС и ЦНАП НЕ РАБОТАЮТ") == ["НЕ", "РАБОТАЮТ"]


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        ("What kind of support is this?! The printer has been offline all week.",
         "The printer has been offline all week"),
        ("Great, another link. Teams still won't start on my laptop.",
         "Teams still won't start on my laptop"),
        ("Ваш бот ничего не понимает. Мышка не работает на компьютере кассира.",
         "Мышка не работает на компьютере кассира"),
        ("Ваш бот бесполезный. ПК гудит и не включается.", "ПК гудит и не включается"),
        ("Your bot is useless. The scanner jams on every page.",
         "The scanner jams on every page"),
        # a short program name states the problem as a long one does
        ("Цей бот марний. 1С висне з обіду, накладні не проводяться.",
         "1С висне з обіду. накладні не проводяться"),
    ],
)  # fmt: skip
def test_the_tone_is_no_part_of_the_problem_statement(text: str, statement: str) -> None:
    assert problem_statement(text) == statement


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        ("Outlook вылетает каждый час, достало уже", "Outlook вылетает каждый час"),
        ("Принтер знову жує папір, дістало вже", "Принтер знову жує папір"),
    ],
)  # fmt: skip
def test_being_fed_up_is_no_part_of_the_problem_statement(text: str, statement: str) -> None:
    """"достало" says how the user feels as "достали" and "надоело" do; kept, it was matched
    on its own and read as the mail article's "доставка" (a shared beginning)."""
    assert problem_statement(text) == statement


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("DO NOT send me another link. The scanner on my desk is dead.",
         "The scanner on my desk is dead."),
        ("Хватит присылать статьи! Ноутбук не заряжается.", "Ноутбук не заряжается."),
        ("What kind of support is this?!", "What kind of support is this?!"),
        ("Принтер не печатает", "Принтер не печатает"),
    ],
)  # fmt: skip
def test_what_is_said_to_the_bot_picks_no_article(text: str, matched: str) -> None:
    """The matcher reads the message without the words about the bot ("send me" is no mail
    problem); a message that is nothing but tone is read whole."""
    assert without_tone(text) == matched


@pytest.mark.parametrize(
    "text",
    [
        "поддержка банка не отвечает, а платёж завис",
        "не могу дозвониться в поддержку провайдера",
        "ваша підтримка дуже швидка, дякую",
        "the link in the email doesn't open",
        "I need the instructions for the VPN",
    ],
)
def test_someone_elses_support_praise_or_a_link_that_fails_is_no_complaint(text: str) -> None:
    assert detect_handoff(text) is None


def test_a_request_for_a_ticket_keeps_the_few_words_of_what_broke() -> None:
    assert problem_statement("I don't want articles. Open a ticket: my laptop won't charge.") == (
        "Open a ticket: my laptop won't charge"
    )


def test_the_desks_number_asked_is_no_part_of_the_problem_statement() -> None:
    assert problem_statement("принтер не печатает, дайте номер поддержки") == (
        "принтер не печатает"
    )


@pytest.mark.parametrize(
    ("text", "statement"),
    [
        # what is due is the stake, not the fault: the matcher is asked about the other clause
        ("Через час закрывается подача на тендер, а сайт площадки не открывается",
         "а сайт площадки не открывается"),
        ("Сьогодні о 16:00 закривається подача пропозицій, а в мене сайт видає помилку",
         "а в мене сайт видає помилку"),
        # … but a clause with a fault of its own stays
        ("payroll has to reach the bank by 3pm today and nobody in finance can get into the "
         "payroll system", "payroll has to reach the bank by 3pm today and nobody in finance "
         "can get into the payroll system"),
    ],
)  # fmt: skip
def test_a_deadline_clause_is_no_problem_statement(text: str, statement: str) -> None:
    assert problem_statement(text) == statement


@pytest.mark.parametrize(
    ("clause", "tone"),
    [
        ("ваш бот ничего не понимает", True),
        ("ваш бот нічого не розуміє", True),
        ("your bot is useless", True),
        ("принтер не печатает", False),
    ],
)
def test_a_short_clause_many_users_write_is_judged_once(
    clause: str, tone: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whether a short clause only complains of the bot is the same for every user who
    writes it: judged once, then the verdict is kept."""
    from gateway.triage import tone as tone_module

    calls: list[str] = []
    real = tone_module._self_help

    def counted():  # type: ignore[no-untyped-def]
        calls.append(clause)
        return real()

    monkeypatch.setattr(tone_module, "_self_help", counted)
    assert tone_module.only_tone(clause) is tone
    first = len(calls)
    assert tone_module.only_tone(clause) is tone_module.only_tone(clause) is tone
    assert len(calls) == first


def test_one_table_of_thanks() -> None:
    """The dialogs, the tone and the matcher read thanks from one table of words."""
    assert answers.THANKS is tone.THANKS
    thanked = {word for word in THANKS_WORDS if tone.THANKS.search(word)}
    assert thanked == THANKS_WORDS - {"ta"}
    assert all(tone.TONE_PRAISE.search(word) for word in thanked)


@pytest.mark.parametrize(
    ("text", "talk"),
    [
        ("cheers", "thanks"),
        ("дякуємо!", "thanks"),
        ("спасібі", "thanks"),
        # the Ukrainian "та" typed in Latin is no thanks
        ("ta ni", ""),
        ("ta ne pratsyuye", ""),
    ],
)
def test_thanks_in_every_word_of_the_table(text: str, talk: str) -> None:
    assert is_small_talk(text) == talk
