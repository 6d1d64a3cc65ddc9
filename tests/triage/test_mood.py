"""When self-help stops: a request for a person, anger, a problem that keeps coming back."""

from __future__ import annotations

import pytest

from gateway.triage.mood import describes_problem, detect_handoff


@pytest.mark.parametrize(
    "text",
    [
        "соедините с оператором", "хочу поговорить с живым человеком", "дайте специалиста",
        "оператор", "/operator", "з'єднайте з оператором", "покличте людину",
        "хочу поговорити з живою людиною",
        "I want to talk to a human", "agent please", "can I speak to someone",
        # a person called real in any word (session 17)
        "Could I talk to an actual person please? Teams crashes whenever I share my screen",
        "can I speak with a real human", "let me chat to a live agent", "operator pls",
    ],
)  # fmt: skip
def test_request_for_a_person(text: str) -> None:
    signal = detect_handoff(text)
    assert signal is not None and signal.reason == "asked_for_person"


@pytest.mark.parametrize(
    "text",
    ["да бля, опять", "задолбал этот бот", "ты тупой бот", "this is useless", "wtf is this",
     "ЭТО НЕВОЗМОЖНО, НИЧЕГО НЕ РАБОТАЕТ ЦЕЛЫЙ ДЕНЬ"],
)  # fmt: skip
def test_anger(text: str) -> None:
    signal = detect_handoff(text)
    assert signal is not None and signal.reason == "upset"


@pytest.mark.parametrize(
    "text",
    [
        "опять не работает принтер",
        "уже третий раз за неделю",
        "знову не працює",
        "it's still not working",
        # back again, whatever the verb
        "опять не грузит отчёт",
        "знову відвалюється вайфай в аудиторії",
        "Outlook опять зависает",
        "мзт опять отвалился",
        "the label printer is jamming again",
        "VPN won't connect again",
        "I cant log in again",
    ],
)
def test_repeated_failure(text: str) -> None:
    signal = detect_handoff(text)
    assert signal is not None and signal.reason == "repeated_failure"


@pytest.mark.parametrize(
    "text",
    [
        "нет соединения с интернетом", "страхуем данные", "требуется доступ к папке",
        "SCCM agent does not start", "не печатает принтер", "СРОЧНО! упал сервер",
        "нова людина в команді, потрібен доступ",
        # "again" of what the user did, or a fix that works again, is no trouble coming back
        "sent it again", "I tried again", "перезагрузил снова, не помогло",
        "принтер снова работает, спасибо", "yes, for a minute, then it froze again",
        "I talked to the admin yesterday about it, still broken",
    ],
)  # fmt: skip
def test_ordinary_problems_are_not_handoffs(text: str) -> None:
    assert detect_handoff(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "комп знову сам перезавантажується, я нічого тиснути не буду, кличте людину",
        "зовите уже человека, сколько можно", "викличте майстра до каси",
        "вызовите мастера, сканер снова не видит бумагу", "давайте админа сюда",
        "дайте мне наконец живого специалиста", "найдите мне админа, почта стоит",
        "надішліть техніка на третій поверх",
        # a person wanted, needed, or to come or call; a ticket to be opened
        "мне нужен живой админ, а не инструкции", "хочу живого специалиста",
        "пусть кто-нибудь подойдёт к кассе", "хай мені подзвонить фахівець",
        "нехай хтось підійде до реєстратури", "подзовите кого-нибудь из айтишников",
        "переключите на специалиста", "передайте специалисту", "просто создайте заявку",
        "відкрийте заявку, мені не треба поради",
        "put me through to IT", "let me talk to your manager", "need a tech here",
        "I want someone from IT to look at it", "just open a ticket", "how do I reach a person",
        "Оператор!", "дайте оператора", "з живим оператором", "I want an operator",
        "I'm done with the steps, get someone to fix it",
        # a person named with no verb, only words of address beside it, or called alive in the
        # next sentence (frozen7, frozen8 and frozen12 asked the whole checklist)
        "person please. shared drive gone again.", "Tech please. printer jammed",
        "оператор. живой. монитор черный, ничего не вижу",
        "Бездротова мишка не працює, батарейки міняла. Можна просто людину?",
        "Специалиста хотя бы. Принтер стоит", "людина! жива! каса не пробиває",
    ],
)  # fmt: skip
def test_a_command_to_bring_a_person_in_any_form(text: str) -> None:
    signal = detect_handoff(text)
    assert signal is not None and signal.reason == "asked_for_person"


@pytest.mark.parametrize(
    "text",
    [
        # a person as what the request is for, or the thing to be sent is no person
        "добавьте нового сотрудника в рассылку", "дайте доступ сотруднику к папке",
        "создайте учётку для нового сотрудника", "пришлите инструкцию по VPN",
        "дайте, будь ласка, доступ новому працівнику бухгалтерії",
        "подключите сотрудника к VPN",
        "нужен доступ к папке бухгалтерии", "новому сотруднику нужен ноутбук",
        "пусть сотрудник зайдёт в почту", "создайте папку для отдела",
        "need admin rights to install Notepad++", "I want someone from HR to get access",
        "we need a new admin account for the intern",
        # an operator as staff, the subject or the one spoken of
        "В колл-центре ни один оператор не может принять звонок",
        "у оператора не работает гарнитура", "the operator can't log in",
        "клієнт скаржиться на оператора, кому передати?",
        # … or said alone as who writes, or as the subject: no address words, nobody alive
        "Оператор. У меня не работает гарнитура", "у нас новый оператор. живой вопрос: где отчёт",
        "the person please check the printer", "новий оператор не може зайти в програму",
        # … or told to do something: the sentence goes on after "please" (review27: these asked
        # for a person once "Tech please. printer jammed" did)
        "Tech please check the printer in room 5", "specialist please reset my password",
        "Engineer please look at the build server",
    ],
)  # fmt: skip
def test_people_as_the_object_of_a_request_ask_for_nobody(text: str) -> None:
    assert detect_handoff(text) is None


def test_describes_problem() -> None:
    assert not describes_problem("соедините с оператором, пожалуйста")
    assert not describes_problem("I want to talk to a human")
    assert describes_problem("принтер не печатает, дайте оператора")
    assert not describes_problem("просто создайте заявку")
    assert not describes_problem("зовите человека, пожалуйста")
    assert describes_problem("почта не уходит, зовите человека")



@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("ноут не включается, дайте нормального специалиста, а не бота", "asked_for_person"),
        ("Принтер не друкує. Дайте нормальну людину", "asked_for_person"),
        ("I want a real person, not a bot", "asked_for_person"),
        ("вы издеваетесь? третий день без почты", "upset"),
        ("да сколько можно, опять без интернета", "upset"),
        ("are you kidding me, the VPN is down again", "upset"),
        ("Я вже втретє пишу про принтер", "repeated_failure"),
        ("я вам уже писала про почту", "repeated_failure"),
    ],
)
def test_impatience_in_other_words(text: str, reason: str) -> None:
    signal = detect_handoff(text)
    assert signal is not None and signal.reason == reason


@pytest.mark.parametrize(
    "text",
    ["Операторы колл-центра не слышат клиентов", "оператори не чують клієнтів",
     "operators cannot hear callers"],
)  # fmt: skip
def test_operators_named_as_staff_ask_for_nobody(text: str) -> None:
    assert detect_handoff(text) is None


# Lost patience without a swear word: how long they waited, self-help refused, questions
# nobody can answer, how they feel, or that they wrote before.
@pytest.mark.parametrize(
    "text",
    [
        "Я уже третий час жду, принтер так и не печатает!",
        "Сколько ещё ждать? Почта не работает с утра",
        "Мне некогда отвечать на ваши вопросы, просто почините VPN",
        "Хватит задавать вопросы, ноут не включается",
        "Вы вообще работаете? Третий день без интернета",
        "Я не буду ничего перезагружать, просто пришлите кого-нибудь",
        "не надо мне инструкций, нужен тот кто починит",
        "Ну и где ваш специалист? Компьютер так и не включается",
        "Когда это уже закончится? Опять нет интернета",
        "невозможно работать, сколько можно ждать?",
        "Серьёзно?! Опять то же самое",
        "я очень недоволен, почта не работает",
        "Я сыт по горло вашей поддержкой",
        "Я вже годину чекаю! Принтер досі не друкує",
        "Скільки можна чекати? Пошта не працює",
        "Набридли ваші інструкції, просто полагодьте",
        "I don't have time for this, Outlook is broken again",
        "I've been waiting for hours, nobody fixed my laptop",
        "Just fix it, the printer is jammed again",
        "Why is this always broken?! Teams crashes every hour",
        "This is the third time I'm reporting the same VPN issue",
        "stop sending me articles, I need a technician",
        "your bot is wasting my time",
        "I am extremely frustrated, Zoom keeps dropping",
        "I don't want to restart anything, the screen flickers",
        "I'm not going to reboot again, send someone",
        "Не хочу ничего перезагружать, монитор мигает",
        "Не хочу більше нічого пробувати, сканер не сканує",
        # no time, hurry, promises not kept, not understood
        "Мне некогда, сделайте что-нибудь с принтером",
        "Мені ніколи відповідати на питання, полагодьте ноут",
        "это уже не смешно, опять нет интернета",
        "можно быстрее? у меня клиент ждёт",
        "Поторопитесь пожалуйста, не работает 1С",
        "hurry up please, my laptop won't start",
        "I need this fixed NOW, Outlook is dead",
        "Я звонила вчера, никто не перезвонил, принтер так и не работает",
        "Нормально можете объяснить? ничего не понятно, сеть не работает",
        "хватит присылать инструкции",
        # someone to come or be sent
        "хочу поговорить с айтишником",
        "можна когось з IT до мене підійти?",
        "can someone come to my desk? the monitor is dead",
        "please send a technician, the projector is broken",
        "пришлите кого-нибудь, сканер не работает",
        # how they feel, in a word of its own
        "Это просто цирк какой-то. Почта не отправляется с утра",
        "Это уже перебор! Монитор снова гаснет каждые 5 минут",
        "Офигеть, третий раз за неделю отваливается вайфай",
        "Ugh. Printer. Again. Nothing prints.",
        "I've reset my password three times and it STILL says locked. This is absurd.",
        # "do something"
        "Я вже тричі перезавантажувала, нічого не допомагає, зробіть хоч щось",
        "сделайте уже что-нибудь с этим сканером", "the VPN is dead again, do something",
    ],
)
def test_lost_patience_in_everyday_words(text: str) -> None:
    signal = detect_handoff(text)
    assert signal is not None and signal.reason in ("upset", "asked_for_person")


@pytest.mark.parametrize(
    "text",
    [
        "Принтер не печатает!! HP LaserJet M404, Windows 10, с утра",
        "Outlook again asks for the password",
        "достала флешку и вставила обратно, не помогло",
        "я жду письмо от клиента, а оно не приходит",
        "we are waiting for a delivery of new laptops",
        "не буду скрывать, я уже переустанавливала драйвер",
        "the screen is awful blurry since the update",
        "Серьёзно, не открывается Excel",
        "how long does it take to get a new laptop?",
        "заблочило после неверных вводов, сколько ждать пока само разблочится?",
        "компьютер стал работать быстрее после чистки, но принтер не печатает",
        "после обновления ноут греется быстрее",
        "Teams won't let me call my colleagues",
        "I can't call anyone on Teams",
        "how do I send an email to someone outside",
        "the reader came with the wrong cable",
        # how bad the fault is, not impatience with the desk
        "невозможно работать, всё тормозит",
        "Ноут так гальмує, що неможливо працювати",
        "нереально работать, принтер жуёт каждый лист",
        # "ни одного письма": none came, not the user's Nth message
        "с пятницы не пришло ни одного письма от поставщиков",
        "за весь день в систему не пришло ни одной заявки",
    ],
)
def test_plain_reports_are_not_lost_patience(text: str) -> None:
    signal = detect_handoff(text)
    assert signal is None or signal.reason == "repeated_failure"


@pytest.mark.parametrize(
    "text",
    [
        "VPN ERROR 809 L2TP IPSEC",  # a terse, monitoring-style report
        "SAP GUI ERROR RFC CONNECTION",
        "Пишет: ACCESS DENIED FOR USER ADMIN",  # what the screen says
    ],
)
def test_capitals_that_are_names_codes_or_screen_text_are_no_shout(text: str) -> None:
    assert detect_handoff(text) is None


@pytest.mark.parametrize(
    "text", ["ПОЧЕМУ У МЕНЯ ОПЯТЬ НИЧЕГО НЕ РАБОТАЕТ", "WHY IS NOTHING EVER WORKING HERE"]
)
def test_a_message_shouted_in_dictionary_words_is_upset(text: str) -> None:
    signal = detect_handoff(text)
    assert signal is not None and signal.reason == "upset"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # swearing masked or misspelt
        ("бл*ть, опять этот впн отвалился", "upset"),
        ("заепало уже, каждый день одно и то же с почтой", "upset"),
        ("the f*cking printer jammed again", "upset"),
        ("fck this laptop, the screen is black", "upset"),
        # a contact counted by an ordinal: the user wrote before
        ("это уже третья заявка про сканер в приёмной", "upset"),
        ("п'яте звернення за тиждень, пошта не приходить", "upset"),
        ("This is the fourth ticket I am opening about the same printer jam", "upset"),
        ("не первый раз пишу, принтер не печатает", "upset"),
        # the help said to be no help
        ("That's not helpful at all. The shared drive still says access denied.", "upset"),
        ("вы ничем не помогли, 1С так и вылетает", "upset"),
        # praise taken back by blame
        ("браво, айтишники, после вашего обновления ни один документ не открывается", "upset"),
        ("Well done, your update broke Outlook and it won't open", "upset"),
        # a person asked for with the verb left out, or by a number to call
        ("оператора мені. ноут впав і тепер не вмикається", "asked_for_person"),
        ("специалиста мне! монитор не включается", "asked_for_person"),
        ("людину сюди, будь ласка", "asked_for_person"),
        ("дайте номер телефона поддержки, у меня не запускается сбис", "asked_for_person"),
        ("what's the phone number for IT support? my laptop won't boot", "asked_for_person"),
        # the desk's number read by the contact reading, its one reading
        ("куди подзвонити в техпідтримку? не працює сканер", "asked_for_person"),
        ("is there a number I can call? my monitor is dead", "asked_for_person"),
    ],
)
def test_upset_or_asking_in_more_shapes(text: str, reason: str) -> None:
    signal = detect_handoff(text)
    assert signal is not None and signal.reason == reason


@pytest.mark.parametrize(
    "text",
    [
        "ivanov@mail.ru не получает почту",
        "у оператора не работает гарнитура",
        "доступ для оператора",
        "the first time I open Outlook it asks for a password",
        "в первый раз вижу такую ошибку",
        "второй монитор не работает",
        "the second monitor is black",
        "перезагружала два раза, не помогло",
        "сломался погрузчик на складе, кому звонить",
        "People on the call can't hear me. This is the third client call today.",
        "телефонный сервис не работает",
    ],
)
def test_ordinary_words_near_those_shapes_are_calm(text: str) -> None:
    signal = detect_handoff(text)
    assert signal is None or signal.reason == "repeated_failure"


@pytest.mark.parametrize(
    "text",
    [
        "I want this escalated to a manager, my account is locked",
        "Nobody has fixed my account lockout in two days",
        "who do I call to get this sorted? my laptop won't charge",
        "никто так и не починил принтер в приёмной",
    ],
)
def test_escalation_or_nothing_done_hands_over(text: str) -> None:
    assert detect_handoff(text) is not None


@pytest.mark.parametrize(
    ("text", "described"),
    [
        ("I'm fed up with this. Get me someone who can actually help.", False),
        ("та скільки можна чекати, покличте когось живого", False),
        ("позовите админа, не печатает принтер", True),
        ("Third time contacting you about the printer jamming in the sales office", True),
    ],
)
def test_how_the_user_feels_describes_no_problem(text: str, described: bool) -> None:
    assert describes_problem(text) is described


@pytest.mark.parametrize(
    ("text", "upset"),
    [
        # nobody of the desk responds, in any tense
        ("Я уже час сижу без почты и никто не реагирует", True),
        ("ніхто не відповідає, а пошта не працює", True),
        ("nobody answers my tickets and the VPN is down", True),
        # … not nobody answering others, nor nobody able to work
        ("никто не отвечает на звонки клиентов, телефония лежит", False),
        ("никто не может войти в 1С", False),
    ],
)
def test_nobody_responding_to_the_writer_is_lost_patience(text: str, upset: bool) -> None:
    assert (detect_handoff(text) is not None) is upset


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # a person asked for as a question
        ("А можно поговорить с кем-нибудь из ваших специалистов? У меня не печатает принтер",
         "asked_for_person"),
        ("Чи можна поговорити з кимось? Не вмикається монітор", "asked_for_person"),
        ("Could an engineer take a look at my PC? It keeps freezing", "asked_for_person"),
        ("Would somebody from IT have a look at the scanner?", "asked_for_person"),
        ("Есть ли у вас живой оператор? Не запускается 1С", "asked_for_person"),
        ("Є живий фахівець? Пошта не працює", "asked_for_person"),
        ("Можно мне специалиста? Не работает сканер", "asked_for_person"),
        # disappointed, or nobody even called
        ("Чесно, я розчарована, не працює сканер", "upset"),
        ("Я разочарован, ноутбук опять не видит док-станцию", "upset"),
        ("I'm really disappointed, my docking station doesn't work", "upset"),
        ("Тиждень не працює сканер, а ніхто навіть не подзвонив", "upset"),
        ("Неделю не работает сканер, и никто даже не позвонил", "upset"),
    ],
)  # fmt: skip
def test_a_person_asked_as_a_question_disappointment_and_no_call(text: str, reason: str) -> None:
    signal = detect_handoff(text)
    assert signal is not None and signal.reason == reason


@pytest.mark.parametrize(
    "text",
    [
        "Can someone help me reset my password?",
        "Could you check why outlook is slow?",
        "никто не может позвонить клиентам, телефония упала",
        "Можно специалиста по 1С?",  # not asked alone: read by the rest of the message
    ],
)
def test_questions_to_the_desk_and_calls_that_fail_ask_for_nobody(text: str) -> None:
    assert detect_handoff(text) is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("А людина може мені набрати? Не працює пошта на ноуті", "asked_for_person"),
        ("Кто-нибудь может подойти в 305 кабинет? Не включается компьютер", "asked_for_person"),
        ("Is anyone from IT around today? My docking station isn't charging the laptop",
         "asked_for_person"),
        ("ring me on ext. 2214 when you can, outlook keeps crashing", "asked_for_person"),
        ("Honestly, I've lost count of how many times I've reported this printer",
         "repeated_failure"),
        ("Я уже сбилась со счёта, сколько раз писала про этот сканер", "repeated_failure"),
    ],
)  # fmt: skip
def test_someone_able_to_come_a_call_on_a_number_and_lost_count(text: str, reason: str) -> None:
    signal = detect_handoff(text)
    assert signal is not None and signal.reason == reason


@pytest.mark.parametrize(
    "text",
    ["никто не может подойти к телефону, телефония упала", "Teams won't let anyone call me"],
)
def test_nobody_able_to_answer_calls_asks_for_nobody(text: str) -> None:
    assert detect_handoff(text) is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Would it be possible for someone to phone me? The scanner is dead", "asked_for_person"),
        ("Сил моих больше нет с этим принтером, третью неделю жую бумагу", "upset"),
        ("Вже немає сил з цим ноутбуком, він постійно вимикається", "upset"),
        ("I'm at the end of my rope with this laptop, it keeps shutting down", "upset"),
    ],
)  # fmt: skip
def test_someone_possible_to_phone_and_no_strength_left(text: str, reason: str) -> None:
    signal = detect_handoff(text)
    assert signal is not None and signal.reason == reason


@pytest.mark.parametrize(
    ("text", "reason", "described"),
    [
        # translit and the wrong keyboard layout are read as the words meant
        ("vy izdevaetes? tretiy den ne rabotaet pochta, dayte operatora", "asked_for_person",
         True),
        ("lfqnt jgthfnjhf", "asked_for_person", False),
        ("pozovite admina, printer ne pechataet", "asked_for_person", True),
        # the root of people typed with a bare u: "ludynu" is людину, not the rare лудину
        ("daite ludynu", "asked_for_person", False),
        ("daite ludynu bud laska", "asked_for_person", False),
        ("dajte ludynu, u kabineti printer ne drukuie", "asked_for_person", True),
    ],
)  # fmt: skip
def test_a_person_asked_for_in_translit_or_the_wrong_layout(
    text: str, reason: str, described: bool
) -> None:
    signal = detect_handoff(text)
    assert signal is not None and signal.reason == reason
    assert describes_problem(text) is described


@pytest.mark.parametrize("text", ["printer ne pechataet", "ne rabotaet internet v ofise"])
def test_a_problem_in_translit_is_no_handoff(text: str) -> None:
    assert detect_handoff(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # IT as the person asked for, whom to talk to, a live one there, the bot skipped
        "I need to speak with IT",
        "get me IT on the phone",
        "з ким можна поговорити?",
        "живой есть кто?",
        "skip the bot please",
        # someone asked for bare, or to have look at it
        "I'm not doing another checklist. Nobody can hear me in Teams calls since this "
        "morning. Get me someone.",
        "have someone look at it",
        "let someone call me",
        "get someone to call me",
    ],
)
def test_a_person_asked_for_in_other_shapes(text: str) -> None:
    signal = detect_handoff(text)
    assert signal is not None and signal.reason == "asked_for_person"


@pytest.mark.parametrize(
    "text",
    [
        "I can't talk to it over Bluetooth",
        "the printer won't talk to it",
        # someone given something, or already looking
        "can you get me someone a new mouse",
        "I have someone looking at it already",
    ],
)
def test_it_as_a_pronoun_asks_for_nobody(text: str) -> None:
    assert detect_handoff(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # the questions themselves refused, or the ticket wanted without them
        "I'm not answering twenty questions, the scanner is dead, sort it out",
        "I'm not doing another checklist, the VPN is down",
        "just log it, the printer is jammed",
    ],
)
def test_questions_refused_in_english_are_impatience(text: str) -> None:
    signal = detect_handoff(text)
    assert signal is not None and signal.reason == "upset"


@pytest.mark.parametrize(
    "text", ["I'm not doing anything different, the printer stopped", "please sort out my access"]
)
def test_calm_requests_are_no_impatience(text: str) -> None:
    assert detect_handoff(text) is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # a person asked for in more wordings (i19-ask13's exploration lines)
        ("Свяжите меня с айтишником", "asked_for_person"),
        ("свяжитесь со мной, не работает почта", "asked_for_person"),
        ("Вы можете просто прислать кого-нибудь?", "asked_for_person"),
        ("Кто-нибудь живой тут есть? принтер не печатает", "asked_for_person"),
        ("Please have IT call me, my screen is black", "asked_for_person"),
        ("the mouse is dead, get someone over here", "asked_for_person"),
        ("someone needs to look at the printer, it's jammed", "asked_for_person"),
        # impatience in more wordings
        ("Is anyone actually going to fix this? The scanner has been broken for a week.", "upset"),
        ("I'm losing my mind here, Outlook crashed again", "upset"),
        ("wifi keeps dropping, it's driving me nuts", "upset"),
        ("я скоро с ума сойду, опять принтер", "upset"),
        ("оставьте свои инструкции себе, компьютер не включается", "upset"),
        ("I'm not going through all this again. Printer won't print.", "upset"),
        ("I'm done with troubleshooting. Printer won't print.", "upset"),
    ],
)
def test_a_person_or_impatience_in_more_wordings(text: str, reason: str) -> None:
    signal = detect_handoff(text)
    assert signal is not None and signal.reason == reason


@pytest.mark.parametrize(
    "text",
    [
        "свяжите принтер с ноутбуком по Wi-Fi",
        "someone needs access to the shared folder",
        "I'm not going to the office today, the VPN won't connect",
        "have it print double-sided",
        "оставьте ссылку на инструкцию, не могу найти",
    ],
)
def test_the_same_words_in_plain_requests_are_calm(text: str) -> None:
    assert detect_handoff(text) is None


@pytest.mark.parametrize(
    ("text", "described"),
    [
        # a short name with a digit is a word: "1С висит" is a problem, "1С" alone is not
        ("1С висит. оператора!", True),
        ("M4 не грузит, дайте человека", True),
        ("1С, дайте человека", False),
        ("Windows 10, дайте человека", False),
    ],
)
def test_a_short_name_with_a_digit_counts_in_the_problem(text: str, described: bool) -> None:
    assert describes_problem(text) is described


@pytest.mark.parametrize("text", ["printer jammed. operator.", "Printer jammed. Operator please"])
def test_operator_said_as_a_sentence_after_the_problem_asks_for_a_person(text: str) -> None:
    signal = detect_handoff(text)
    assert signal is not None and signal.reason == "asked_for_person"


@pytest.mark.parametrize("text", ["the operator can't log in", "call the operator"])
def test_an_operator_named_in_the_problem_asks_for_nobody(text: str) -> None:
    assert detect_handoff(text) is None


def test_a_person_asked_for_in_the_wrong_layout_with_a_key_for_a_letter() -> None:
    # "jgthfnjhf ,elm kfcrf" is "оператора будь ласка": "," stands for "б"
    text = "jgthfnjhf ,elm kfcrf"
    assert not describes_problem(text)
    signal = detect_handoff(text)
    assert signal is not None and signal.reason == "asked_for_person"


@pytest.mark.parametrize(
    ("text", "described"),
    [
        # the bot refused or blamed is about the conversation, not what broke
        ("pls give me real person. no bot", False),
        ("no chatbot. human.", False),
        ("person. no more bot talk", False),
        ("give me human, bot no help", False),
        ("бота не надо, дайте человека", False),
        ("без бота, людину дайте", False),
        ("цей бот нічого не розуміє, дайте людину", False),
        ("ne nado bota, dayte cheloveka", False),
        ("no bot, printer not print", True),
        ("бот не надо, принтер не печатает", True),
        ("наш чат-бот на сайте не отвечает клиентам", True),
        # … and so is the rest of the talk (the person, the talking, the desk, the wish for
        # it), greetings and thanks; translit is read in the writer's language
        ("Не хочу я з ботом переписуватись. Покличте людину", False),
        ("Добрий день! Чи можна одразу поговорити з людиною з ІТ-відділу? Дякую.", False),
        ("з'єднайте з адміном, бот мені тут не допоможе", False),
        ("позовите оператора, мне некогда с ботом переписываться", False),
        ("мне нужен нормальный сотрудник а не автоответчик соедините с кем нибудь", False),
        ("dobryi den, mozhna pohovoryty z kymos z IT viddilu, a ne z botom?", False),
        ("Could I please speak to someone from IT rather than the assistant? Thank you.", False),
        ("Sorry, I'd really rather talk to an actual person. Could you put me through?", False),
        ("hello, please i want speak with person from support, not robot. is possible?", False),
        ("Can I talk to someone real? Bots never get it.", False),
        # … and a clause that only says how the user feels about the help, as the problem's
        # statement leaves it out
        ("хватит мне ссылки кидать, переключите на сотрудника", False),
        ("мені треба живого оператора, бот ваш нічо не розуміє", False),
        ("dobryj den, soedinite menya s chelovekom iz IT pozhalujsta, botu pisat ne budu", False),
        ("бот не помог, принтер сломан, дайте человека", True),
        # a thing named, with its fault or the work it stopped, is the problem; frustration at
        # a device is no request for a person and describes it
        ("Через ваш сканер вся моя робота стоїть, з'єднайте з фахівцем", True),
        ("да сколько можно, почта опять не работает, соедините с нормальным админом", True),
        ("person please. shared drive gone again.", True),
        ("хочу поговорити з людиною, бо ноутбук не бачить вайфай", True),
        ("I want to talk to someone, Outlook keeps crashing", True),
        ("этот принтер меня достал, опять мнёт бумагу", True),
    ],
)  # fmt: skip
def test_the_bot_refused_describes_no_problem(text: str, described: bool) -> None:
    assert describes_problem(text) is described


@pytest.mark.parametrize(
    "text", ["людину, не бота", "нет бота, человека!", "person not robot", "no bot, human"]
)
def test_a_person_set_against_the_bot_is_asked_for(text: str) -> None:
    signal = detect_handoff(text)
    assert signal is not None and signal.reason == "asked_for_person"


@pytest.mark.parametrize(
    "text",
    [
        "Could somebody from IT please take this over? My account keeps locking.",
        "can support pick this up, the scanner is dead",
        "someone please take it over",
        # … or just to take it, asked as a question (frozen27, frozen28)
        "Sorry to be blunt, I'm exhausted: the lab PC can't open the shared results folder. "
        "Could a person take this, please?",
        "The packing line laptop won't join the Wi-Fi and I can't face a troubleshooting guide. "
        "Can a person take this?",
        "could someone take this one? the scanner is dead",
    ],
)
def test_someone_to_take_it_over_is_a_person_asked_for(text: str) -> None:
    signal = detect_handoff(text)
    assert signal is not None and signal.reason == "asked_for_person"


@pytest.mark.parametrize(
    "text",
    [
        # a thing to be carried somewhere, or taken into account, is no one asked for
        "could someone take it home for repair",
        "can anyone take this to the printer room?",
        "Could a technician take this laptop back?",
        "could you take this into account",
        "can I take this laptop home?",
    ],
)
def test_a_thing_taken_somewhere_asks_for_nobody(text: str) -> None:
    assert detect_handoff(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # the Ukrainian "робота" (work) is no robot: what else is said is the problem
        "без роботи сидимо, не працює 1С",
        "Я вже дві години без роботи сиджу, пошта не відкривається",
        "Сидимо без роботи вже годину, склад не відвантажує",
        "роботи багато, а принтер не друкує",
    ],
)
def test_work_in_ukrainian_is_no_robot(text: str) -> None:
    from gateway.triage.mood import ABOUT_THE_BOT

    assert text not in ABOUT_THE_BOT
    assert describes_problem(text)


@pytest.mark.parametrize(
    "text",
    [
        "не хочу з роботом",
        "без робота, будь ласка",
        "робот мені не потрібен",
        "не потрібен робот",
        "ваш робот нічого не розуміє",
        "без роботов",
        "не робот",
        "not a robot",
        "бота не надо",
    ],
)
def test_the_robot_refused_in_its_own_forms(text: str) -> None:
    from gateway.triage.mood import ABOUT_THE_BOT

    assert text in ABOUT_THE_BOT


@pytest.mark.parametrize(
    "text",
    [
        # work stopped with nothing named that stopped it: the problem is still to be asked
        "без роботи, дайте людину",
        "сидим без работы, дайте человека",
        "не можемо працювати, дайте людину",
        "we cannot work, get me a person",
        "work has stopped, get me a person",
        "Немає роботи, з'єднайте з фахівцем",
        "неможливо працювати, дайте людину",
        "невозможно работать, позовите специалиста",
    ],
)
def test_work_stopped_with_nothing_named_describes_no_problem(text: str) -> None:
    assert not describes_problem(text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # the bot refused as someone to talk to, someone asked for before the verb, anyone
        # there at all (issue 19)
        ("I don't want to chat with a machine. Printer jammed.", "asked_for_person"),
        ("I won't talk to a bot, the scanner is broken", "asked_for_person"),
        ("Можно с кем-то поговорить? У меня ошибка в 1С", "asked_for_person"),
        ("З кимось можна поговорити? Не відкривається M.E.Doc", "asked_for_person"),
        ("Is there anyone there? Teams keeps crashing", "asked_for_person"),
        ("Эй, живые есть? Почта не работает", "asked_for_person"),
        ("Є тут живі? Принтер не друкує", "asked_for_person"),
        # the bot told it does not understand
        ("Робот, ти мене не розумієш. Не працює пошта", "upset"),
        ("Вы меня не понимаете, у меня не печатает принтер", "upset"),
        ("You don't understand me, the VPN is down", "upset"),
    ],
)
def test_the_bot_refused_anyone_there_or_not_understanding_hands_over(
    text: str, reason: str
) -> None:
    signal = detect_handoff(text)
    assert signal is not None and signal.reason == reason


@pytest.mark.parametrize(
    "text",
    [
        "Я не понимаю, что за ошибка в 1С",
        "Windows says you don't have permission to open the folder",
        "The printer doesn't understand the paper size",
        "живая очередь есть, а терминал не работает",
        "There is someone else's printer on my list",
    ],
)
def test_not_understanding_oneself_or_a_live_queue_is_no_handoff(text: str) -> None:
    assert detect_handoff(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # a strong word about a thing is no anger at the desk
        "в бухгалтерии комп жутко тормозит, всё виснет",
        "на рибному господарстві ноут страшенно гальмує",
        "the PC at the racecourse office is dreadfully slow",
        # a circus as the workplace, in any case but the one anger names it in
        "в цирке в бухгалтерии комп жутко тормозит, всё виснет",
        "у цирку в бухгалтерії комп страшенно гальмує",
        "звоню из цирка, принтер не печатает",
    ],
)  # fmt: skip
def test_a_strong_word_about_a_thing_or_a_circus_to_work_at_is_no_anger(text: str) -> None:
    assert detect_handoff(text) is None


@pytest.mark.parametrize(
    "text", ["что за цирк, третий день принтер не печатает", "це цирк якийсь, а не підтримка"]
)
def test_a_circus_said_of_the_support_is_still_anger(text: str) -> None:
    signal = detect_handoff(text)
    assert signal is not None and signal.reason == "upset"


@pytest.mark.parametrize(
    "text",
    [
        # a word of anger used for how much, of a thing (issue 19, session 24)
        "the till printer at the ferry office is ridiculously slow",
        "our new barcode scanner is unbelievably slow to wake up",
        "ужас как тормозит ноутбук на складе",
        "у планетарії жах як гальмує комп на касі",
        # a calm question about the request asks its status (the status flow answers it)
        "is anyone working on my request?",
        "Hi, is anybody working on my ticket about the scanner?",
    ],
)  # fmt: skip
def test_anger_words_for_how_much_and_a_status_question_are_calm(text: str) -> None:
    assert detect_handoff(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "is anyone even working on this???",
        "is anyone working here at all?",
        "this is ridiculous, the printer is down again",
        "ужас какой-то, третий день принтер не работает",
    ],
)  # fmt: skip
def test_impatience_at_the_desk_is_still_upset(text: str) -> None:
    signal = detect_handoff(text)
    assert signal is not None and signal.reason == "upset"


@pytest.mark.parametrize(
    "text",
    [
        # writing again, counted in days or weeks; how long it goes on, asked of the desk
        "третий день вам пишу, в регистратуре сканер так и не работает",
        "я вже другий тиждень вам пишу про цей принтер",
        "this is the third day I'm writing about the label printer",
        "принтер не печатает, сколько это будет продолжаться",
        "скільки це буде тривати, інтернет на складі знову зник",
        "how long is this going to go on? the vpn keeps dropping",
    ],
)  # fmt: skip
def test_writing_again_for_days_or_asking_how_long_it_goes_on_is_upset(text: str) -> None:
    signal = detect_handoff(text)
    assert signal is not None and signal.reason == "upset"


@pytest.mark.parametrize(
    "text",
    [
        # how long a fault has lasted, or how long a process takes, is calm
        "третий день не работает сканер в регистратуре",
        "третю добу принтер пише помилку 0x80070005",
        "сколько будет длиться обновление Windows на ноутбуке?",
    ],
)  # fmt: skip
def test_how_long_a_fault_lasted_or_a_process_takes_is_calm(text: str) -> None:
    assert detect_handoff(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # a member of the staff, or the assistant set aside (session 28)
        "Hi, may I speak to a member of staff instead of the chatbot please?",
        "I'd rather talk with someone from the IT team than with a virtual assistant",
        "could I chat with a staff member? the label printer is jammed",
        "connect me to a real technician, the projector is dead",
        "put me through to a live agent please",
        "who do I complain to? nobody fixed the VPN",
        # the person needed with the impersonal word, said in any case
        "нам треба людина, принтер знову жує папір",
        "мне надо живого человека, а не инструкции",
        "нужно специалиста вызвать, плоттер не включается",
        # someone called alive, whoever they are
        "позовіть вже когось живого",
        "пришлите хоть кого-нибудь живого, касса не работает",
        # the bot refused as someone to talk to, or set against a person
        "с роботом разговаривать не буду, принтер в бухгалтерии не печатает",
        "з'єднайте мене з фахівцем, а не з чат-ботом",
        # whether there are people at all
        "люди у вас вообще работают?",
        "люди тут вообще есть",
        "живі люди там є?",
        "are there any actual people there at all",
    ],
)  # fmt: skip
def test_a_person_asked_for_in_still_more_wordings(text: str) -> None:
    signal = detect_handoff(text)
    assert signal is not None and signal.reason == "asked_for_person"


@pytest.mark.parametrize(
    "text",
    [
        # needed, but not as the one to talk to: denied, given something, or to be acted on
        "мне не надо человека, просто скажите как очистить кэш",
        "нужно админа права дать на папку отдела",
        "надо администратора добавить в группу рассылки",
        "треба оператору дати доступ до CRM",
        # someone or something else to speak with, or the assistant as a program in use
        "I need to speak to my manager about the licence first",
        "I'd rather use Chrome than the assistant for this",
        "put me through to the finance team's shared mailbox setup guide",
        "who do I send the invoice to?",
        "люди у вас в отделе работают с 9?",
        # the user's own people, working or there, beside what is broken (review28)
        "у нас люди работают, а 1С не открывается",
        "в офисе люди есть, а интернета нет",
        "люди працюють, а сервер лежить",
        "у нас люди є, а принтер не друкує",
    ],
)  # fmt: skip
def test_those_words_in_other_requests_ask_for_nobody(text: str) -> None:
    signal = detect_handoff(text)
    assert signal is None or signal.reason != "asked_for_person"


@pytest.mark.parametrize(
    "text",
    [
        "Hello, could I speak with a member of staff rather than the assistant? Thanks.",
        "Good morning, I would rather talk to a staff member than to the bot, if that's possible.",
    ],
)
def test_a_polite_request_for_a_member_of_staff_describes_no_problem(text: str) -> None:
    assert describes_problem(text) is False


@pytest.mark.parametrize(
    ("text", "upset"),
    [
        # desk32: "fixed now", "all sorted now" say it is done (they were lost patience, and
        # "no worries, it's fixed now" to "Did this help?" went to a person as upset)
        ("thanks, it's fixed now", False), ("no worries, all sorted now", False),
        ("fixed now, thanks", False), ("ok, done now, works", False), ("is it fixed now?", False),
        ("FIX IT NOW", True), ("I need this fixed NOW, Outlook is dead", True),
        ("just sort it now", True), ("want it done now", True),
    ],
)  # fmt: skip
def test_done_now_is_no_impatience_and_do_it_now_is(text: str, upset: bool) -> None:
    signal = detect_handoff(text)
    assert (signal is not None and signal.reason == "upset") is upset, (text, signal)


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        # a person to talk with, in translit and in Ukrainian (frozen29: "pogovorit" reads as
        # "поговорит"); the bot refused with the verb left out, as speech leaves it (frozen34);
        # a person on the chat asked for as a question (tune34)
        ("dobryy den, mozhno pogovorit s nastoyashchim chelovekom iz tehpodderzhki?", True),
        ("mozhna pogovoryty z spravzhnoyu lyudynoyu?", True),
        ("слухайте, а можна шо-небудь людське, оператора там якогось? з роботом я не буду", True),
        ("с ботом не хочу!", True),
        ("з роботом я не буду, дайте людину", True),
        ("is there an actual person on this chat? I'd rather explain it to someone", True),
        ("is there a real human behind this?", True),
        ("are there any humans reading these messages?", True),
        # … not frustration at a device, a talk had, nor a person asked about for a thing
        ("з цим принтером я не буду більше возитися, він знову жує папір", False),
        ("с этим ноутбуком не хочу больше мучиться, он опять виснет", False),
        ("вчера говорили с мастером, сказал менять картридж", False),
        ("Is there a person assigned to my ticket yet", False),
        ("is there a printer on this floor that works?", False),
    ],
)  # fmt: skip
def test_a_person_to_talk_with_the_bot_refused_or_asked_for_on_the_chat(
    text: str, asks: bool
) -> None:
    signal = detect_handoff(text)
    assert (signal is not None and signal.reason == "asked_for_person") is asks


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        # someone of the desk asked to reach the writer (the shape of dialogs_frozen37's
        # formal request, dialogs_own and probe22p's "can someone call me", probe13a's "ring me")
        ("Good morning. I would rather not use the automated assistant; could a member of the "
         "IT department contact me, please?", True),
        ("Can somebody from the service desk just ring me?", True),
        ("Could someone from support get back to me?", True),
        ("I'd like one of your engineers to call me", True),
        ("please have someone contact us", True),
        # … not the writer's own message asked for, what was or will be done, nor a call
        # that is someone else's
        ("could you email me the guide", False),
        ("the IT team will contact me tomorrow, they said", False),
        ("someone from IT called me yesterday", False),
        ("can anyone reach the shared drive?", False),
        ("Teams won't let anyone call me", False),
    ],
)  # fmt: skip
def test_someone_of_the_desk_asked_to_reach_the_writer(text: str, asks: bool) -> None:
    signal = detect_handoff(text)
    assert (signal is not None and signal.reason == "asked_for_person") is asks


@pytest.mark.parametrize(
    "text",
    [
        "Hi. I would rather not use the automated assistant, could someone from the IT team "
        "contact us?",
        # the bot's buttons refused, as its links and articles are (dialogs_frozen37: the
        # request was kept as the problem and the problem never asked)
        "можна шоб нам просто людина допомогла, без оцих ваших кнопочок?",
    ],
)
def test_a_bare_request_in_other_words_describes_no_problem(text: str) -> None:
    assert not describes_problem(text)


def test_a_button_that_breaks_is_a_problem() -> None:
    assert describes_problem("позовите админа, кнопка питания на ноутбуке не нажимается")


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        # a real man, an IT guy: how English learners and chat ask for a person (the shape
        # of frozen30's, tune20's and tune32's requests, read only as upset by their other
        # words; said calmly, nobody was asked for)
        ("hi, i need speak with real man, computer not start", True),
        ("need normal IT guy, the printer is broken", True),
        ("can i talk to a live guy please", True),
        # … not a man or a guy named in what happened
        ("The IT guy came yesterday and fixed it", False),
        ("the delivery man can't sign on the tablet", False),
    ],
)  # fmt: skip
def test_a_real_man_or_an_it_guy_asked_for(text: str, asks: bool) -> None:
    signal = detect_handoff(text)
    assert (signal is not None and signal.reason == "asked_for_person") is asks


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        # a person asked for politely, without the word "person": a call or a visit to have,
        # the request handed on to the desk, being put in touch
        ("Can I get a call from IT?", True),
        ("I'd appreciate a call back from someone in support", True),
        ("Please pass this to a technician", True),
        ("Could you pass this on to someone in IT?", True),
        ("Please forward my request to the IT team", True),
        ("Can you put me in touch with someone?", True),
        ("I'd like to be put through to someone", True),
        ("Is there someone I can talk to?", True),
        ("is there a real person I could speak with", True),
        # … not a call that came or is awaited, nor the writer's own passing on of a thing
        ("I got a call from IT yesterday about the update", False),
        ("I tried to forward it to someone but Outlook fails", False),
        ("I can't send it to support, the mail bounces", False),
        ("Please forward this to my manager", False),
        ("I want to pass this file to the printer", False),
    ],
)  # fmt: skip
def test_a_person_asked_for_politely_in_english(text: str, asks: bool) -> None:
    signal = detect_handoff(text)
    assert (signal is not None and signal.reason == "asked_for_person") is asks


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        # a wish about what the staff should stop doing is no request to talk to them
        ("I want the IT guy to stop changing my settings", False),
        ("I need the IT guys to not reboot my PC at lunch", False),
        # … a wish for them to come still is
        ("I need an IT guy to come and look at the printer", True),
        ("I want the IT guy to stop by my desk", True),
    ],
)  # fmt: skip
def test_a_wish_about_the_it_guy_is_no_request(text: str, asks: bool) -> None:
    signal = detect_handoff(text)
    assert (signal is not None and signal.reason == "asked_for_person") is asks


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        # whether a person exists at all, asked of the desk or as a question, and someone
        # asked for as real (session 43: the whole checklist was asked of these)
        ("Дякую, боте. А людина у вас хоч є? Сканер не сканує.", True),
        ("Есть ли у вас живой человек? Не отправляется почта.", True),
        ("Ну і що, людина тут є?", True),
        ("Слушайте, человек там вообще есть?", True),
        ("так шо, нема жодної живої людини? принтер не друкує", True),
        ("А можно кого-нибудь настоящего? Outlook не открывается.", True),
        ("А можна когось справжнього з айтішників?", True),
        # … not the writer's own people, nor an ordinary question to the bot
        ("у нас человек есть, а компьютера для него нет", False),
        ("на складе нет человека, который умеет менять картридж", False),
        ("Есть ли способ вернуть удалённое письмо?", False),
        ("А можна якось змінити пароль самостійно?", False),
        ("Is there a way to recover a deleted email?", False),
    ],
)  # fmt: skip
def test_whether_a_person_exists_asked(text: str, asks: bool) -> None:
    signal = detect_handoff(text)
    assert (signal is not None and signal.reason == "asked_for_person") is asks
