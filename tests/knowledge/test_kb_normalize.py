"""Normalisation makes different spellings of one word agree (lemmas: test_kb_morphology)."""

from __future__ import annotations

from gateway.knowledge.morphology import lemmas, tokens
from gateway.knowledge.normalize import from_cyrillic_layout, from_wrong_layout, normalize_text


def test_case_yo_apostrophes_punctuation_and_emoji() -> None:
    assert normalize_text("Пароль ИСТЁК!!! 😡") == "пароль истек"
    assert normalize_text("комп’ютер") == normalize_text("комп'ютер") == "компютер"
    assert normalize_text("  не   работает\t\nпочта ") == "не работает почта"


def test_slang_and_split_spellings_are_unified() -> None:
    assert normalize_text("вай-фай") == normalize_text("Wi-Fi") == "wifi"
    assert normalize_text("e-mail") == "email"
    assert normalize_text("впн") == "vpn"
    assert normalize_text("диск S пропал") == "netdrive пропал"
    # "log into" is "log in" with its preposition: the couriers who "can't log into the app".
    assert normalize_text("can't log into the app") == normalize_text("can't log in") + " the app"


def test_room_in_a_mailbox_is_its_quota() -> None:
    # A mailbox named and no disk: the room it has no more of is its quota too.
    assert normalize_text("ящик переполнен, нет места") == "ящик переполнен нет места quota"
    assert normalize_text("у скриньці немає місця") == "у скриньці немає місця quota"
    assert normalize_text("на диске нет места") == "на диске нет места"
    assert normalize_text("ящик полный, на диске нет места") == "ящик полный на диске нет места"


def test_a_name_split_by_its_hyphen_is_one_word() -> None:
    # "7-Zip": the hyphen went with the punctuation and left a number and "zip".
    assert normalize_text("поставьте 7-Zip") == "поставьте 7zip"
    assert normalize_text("потрібен 7 зип") == "потрібен 7zip"


def test_repeated_letters_and_mixed_scripts() -> None:
    assert normalize_text("принтерррр") == "принтер"
    assert normalize_text("пpинтep") == "принтер"  # Latin p and e inside a Cyrillic word


def test_wrong_layout() -> None:
    assert from_wrong_layout("ghbynth") == ("принтер",)
    assert from_wrong_layout("принтер") == ()
    # The Ukrainian layout has і ї є where the Russian one has ы ъ э.
    assert from_wrong_layout("ghfw.'")[-1] == "працює"
    assert from_wrong_layout("dcs[")[-1] == "всіх"


def test_ukrainian_typed_in_the_wrong_layout_reads_as_meant() -> None:
    assert lemmas("vsrhjajy yt ghfw.'", "uk") == ["мікрофон", "не", "працювати"]
    assert lemmas("ytvf' synthytne", "uk") == ["немає", "інтернет"]


def test_english_typed_in_the_cyrillic_layout_reads_as_meant() -> None:
    assert lemmas("мзт не працює", "uk")[0] == "vpn"
    assert lemmas("щгедщщл не открывается", "ru")[0] == "outlook"


def test_a_whole_english_message_in_the_cyrillic_layout_keeps_its_short_words() -> None:
    # "еру" (the), "шт" (in), "ше" (it) are words a Cyrillic dictionary knows; in a message
    # whose other words all read as English typed in the wrong layout they are English too.
    words = [t.word for t in tokens("еру ысфттук шт ьн щаашсу шы тще цщклштп, дщщл фе ше", "en")]
    assert " ".join(words) == "the scanner in my office is not working look at it"
    # A Russian message with two products typed in the layout keeps its Russian words.
    words = [t.word for t in tokens("не работает щгедщщл и мзт", "ru")]
    assert words == ["не", "работает", "outlook", "и", "vpn"]


def test_the_comma_and_stop_typed_in_the_cyrillic_layout_are_punctuation() -> None:
    # "б" and "ю" are the comma and full stop keys: "цшашб" was no word, and the message's
    # wifi, printer or account was lost ("wifi," read as a Cyrillic non-word).
    assert from_cyrillic_layout("цшашб") == "wifi"
    assert from_cyrillic_layout("зкштеукю") == "printer"
    assert lemmas("фссщгте дщслувб здуфыу рудз", "en")[:2] == ["account", "lock"]
    assert from_cyrillic_layout("б") is None  # a comma alone is no word


def test_latin_i_inside_a_ukrainian_word() -> None:
    assert normalize_text("пiсля") == "після"


def test_drive_letters_and_network_paths_are_a_network_drive() -> None:
    assert normalize_text("Z: відключений") == "netdrive відключений"
    path = r"cannot access \\fileserver\projects"
    assert normalize_text(path) == "not access netdrive projects"  # cannot is "not"
    assert normalize_text("C: full, 10:30") == "c full 10 30"  # the local disk, a time


def test_error_code_families_add_the_problem_they_name() -> None:
    # Outlook send/receive, activation, Windows Update, browser certificate/connection,
    # and an SMTP bounce; a version number is not a bounce.
    assert normalize_text("помилка 0x800CCC0F").endswith(" email")
    assert normalize_text("0xC004F074").split() == ["0xc004f074", "activation"]
    assert "update" in normalize_text("0x800f0922 again").split()
    assert normalize_text("NET::ERR_CERT_DATE_INVALID").endswith(" certificate")
    assert normalize_text("ERR_CONNECTION_TIMED_OUT").endswith(" website")
    assert "netdrive" in normalize_text("помилка 0x80070035 при відкритті папки").split()
    assert "bounce" in normalize_text("550 5.7.1 relay denied").split()
    assert "bounce" not in normalize_text("версия 5.1.2").split()


def test_a_crash_code_said_at_the_start_reads_as_a_launch_code() -> None:
    # Windows shows 0xc0000005 at a launch as "The application was unable to start
    # correctly": with the start said it is the launch codes' word, else a crash's.
    for text in (
        "Word при запуске выдаёт 0xc0000005",
        "при відкритті програми помилка 0xc0000005",
        "won't start, error 0xc0000005",
        "prohrama ne startuie, pomylka 0xc0000005",
    ):
        assert "launch" in normalize_text(text).split(), text
        assert "crash" not in normalize_text(text).split(), text
    for text in ("вылетает с ошибкой 0xc0000005 во время работы", "crashed mid-export, 0xc0000005"):
        assert "crash" in normalize_text(text).split(), text


def test_an_http_status_is_read_as_a_website_answer_only_in_its_shapes() -> None:
    for text in (
        "shows a 502",
        "gives HTTP 500",
        "ошибка 503 на портале",
        "сайт пише 504",
        "404 Not Found",
        "502 bad gateway",
    ):
        assert "website" in normalize_text(text).split(), text
    for text in ("кабинет 502", "в 404 аудиторії", "50 человек без сети", "room 403"):
        assert "website" not in normalize_text(text).split(), text


def test_english_negative_contractions_are_not_with_or_without_the_apostrophe() -> None:
    assert lemmas("won't start", "en") == lemmas("wont start", "en") == lemmas("not start", "en")
    assert lemmas("it isn't printing", "en") == lemmas("it is not printing", "en")
    assert lemmas("I'm locked out", "en") == lemmas("I locked out", "en")  # "im" is no word


def test_english_clitics_leave_the_word_they_follow() -> None:
    # "they've", "it'll", "ok'd" were words of their own ("theyv", "itll", "okd") that no
    # article knows, each weighing as much as the problem; "n't" is still a negation.
    assert normalize_text("they've sent it, it'll bounce") == "they send it it bounce"
    assert normalize_text("ok'd by the printer's owner") == "ok by the printer owner"
    assert lemmas("theyve emailed me, itll crash", "en") == lemmas("emailed me, crash", "en")
    assert normalize_text("don't") == "not"
    # Apostrophes inside Ukrainian words and their transliteration are only dropped.
    assert normalize_text("п'ять листів, pis'ma") == "пять листів pisma"


def test_a_name_written_with_its_initials_is_one_word() -> None:
    # "М.Е.Док" was read as "м", "е" and "док" (a docking station's word).
    assert normalize_text("М.Е.Док не відкривається").split()[0] == "medoc"
    assert normalize_text("M.E.Doc won't open").split()[0] == "medoc"
    # Abbreviations in lower case and version numbers stay as they were.
    assert normalize_text("и т.д.") == "и т д"
    assert normalize_text("версия 5.7.1").startswith("версия 5 7 1")


def test_a_full_load_a_monitor_shows_is_read_as_slow() -> None:
    # Task Manager's 100 % is the machine's load (slow_computer's word), said of the CPU or
    # memory, or of the disk when Task Manager is named; a full disk or a room stays a number.
    for text in (
        "диспетчер задач показывает цп 100%",
        "в диспетчері задач диск 100%",
        "100% disk in task manager",
        "CPU at 100% all day",
        "процессор загружен на 100%",
    ):
        assert "тормозит" in normalize_text(text).split(), text
    for text in ("диск C заполнен на 100%", "в кабинете 100 нет света", "disk is 100% full"):
        words = normalize_text(text).split()
        assert "100" in words and "тормозит" not in words, text


def test_payment_fraud_pretexts_and_the_sim_are_one_word_each() -> None:
    # "bank details" is the fraud's "реквизиты", never the word "bank"; gift cards asked for
    # are one word; a SIM in any spelling is one word the second-factor article knows.
    assert normalize_text("change the supplier's bank details").split()[-1] == "реквизиты"
    assert "bank" not in normalize_text("new bank account details for the invoice").split()
    assert normalize_text("my bank card is blocked").split()[1] == "bank"
    assert "giftcard" in normalize_text("asks me to buy gift cards").split()
    assert "giftcard" in normalize_text("просит купить подарочные карты").split()
    # "карти" beside "картки", "карточки" beside "карты": the same cards
    for text in ("про подарункові карти", "п'ять подарункових карт", "подарочные карточки"):
        assert "giftcard" in normalize_text(text).split(), text
    for text in ("код приходить на стару сімку", "новая сим-карта", "the old SIM", "SIM card"):
        assert "simcard" in normalize_text(text).split(), text


def test_the_phone_by_its_other_names_and_a_relay_refusal() -> None:
    for text in ("вкрали мобільний", "пошта на мобілці", "почта на мобиле", "my personal mobile"):
        assert "телефон" in normalize_text(text).split(), text
    assert "мобильный" in normalize_text("мобильный интернет не работает").split()
    assert normalize_text("Relay access denied").split() == ["bounce"]
    assert normalize_text("the mic's dead").split()[1] == "microphone"


def test_entering_a_system_said_word_for_word_is_logging_in() -> None:
    # "войти в аккаунт" said in English word for word: "enter" was the phishing article's
    # word (a password entered on a page) and "I cannot enter in my account" answered it.
    said = lemmas("I cannot enter in my account", "en")
    assert said == lemmas("I cannot log in my account", "en")
    assert lemmas("can't enter to the system", "en") == lemmas("can't log in the system", "en")
    assert "login" not in lemmas("I entered my password on a fake page", "en")


def test_a_verb_of_stopping_before_a_gerund_is_a_negation() -> None:
    # "keys stopped typing" says what "keys are not typing" says; "stop" weighed as a word of
    # its own (the outage's, a program's) and the keyboard explained less of the message.
    assert normalize_text("the keys stopped typing") == "the keys not typing"
    assert normalize_text("Teams just stops responding") == "teams just not responding"
    assert normalize_text("Outlook quit syncing") == "outlook not syncing"
    assert normalize_text("scanner has stopped working") == "scanner has not working"
    # A word in -ing that is no gerund, and a stop with no gerund, stay as they are.
    assert normalize_text("it stopped during the call") == "it stopped during the call"
    assert normalize_text("the print job stopped") == "the print job stopped"


def test_a_machine_that_runs_like_a_thing_is_slow() -> None:
    # "runs like a potato": whatever the thing, a machine that runs like it is slow.
    assert normalize_text("pc runs like a potato since last week") == (
        "computer runs slow since last week"
    )
    assert normalize_text("laptop is running like an old tractor") == "laptop is running slow"
    # Praise, an explanation and "like crazy" are no likeness of speed.
    assert normalize_text("vpn works like a charm now") == "vpn works like a charm now"
    assert normalize_text("it works like this") == "it works like this"
    assert normalize_text("the fan is running like crazy") == "the fan is running like crazy"


def test_marks_over_letters_make_no_other_word() -> None:
    # A stress mark ("при́нтер", "паро́ль", "інтернѐт") is dropped; a letter typed in two code
    # points (и + U+0306, і + U+0308, e + U+0301) is the letter: the words are the plain
    # ones, not "при" and "нтер" (issue 12).
    for marked, plain in (
        ("При\u0301нтер не печа\u0301тает", "принтер не печатает"),
        ("забыл паро\u0301ль, мо\u0438\u0306 аккаунт", "забыл пароль мой аккаунт"),
        ("мі\u0301й ноутбук не бачить мережу\u0300", "мій ноутбук не бачить мережу"),
        ("\u0456\u0308нтернет зник", "їнтернет зник"),
        ("интерн\u0450т не работает", "интернет не работает"),
        ("the cafe\u0301 wifi is down", "the caf\u00e9 wifi is down"),
    ):
        assert normalize_text(marked) == normalize_text(plain), marked
        assert lemmas(marked, "ru" if "ы" in plain else None) == lemmas(
            plain, "ru" if "ы" in plain else None
        ), marked
