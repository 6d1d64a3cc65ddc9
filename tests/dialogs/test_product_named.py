"""A product the user named in the first message is never asked: a system named by its role
("сервер обліку", "касова програма", "the booking system"), by its acronym ("MES", "ERP",
"АСУ движения"), and a full name with its configuration ("1С:Бухгалтерія"); an OS edition
typed as an answer ("Windows 10 IoT") is the system's, and a shared folder or drive is where
the trouble is, never a product read from a message alone (an access problem takes the folder
named as its product: test_folders.py) (issue 19, the eighteenth blind batch's shapes)."""

from __future__ import annotations

import pytest

from dialogs.driver import Chat
from dialogs.test_checklist import run_checklist
from gateway.dialogs.checklist import fill

# (first message, what the product field must hold)
NAMED_FIRST = [
    ("на складі з ранку ліг сервер обліку, жодна накладна не проходить", "сервер обліку"),
    ("кассовая программа в буфете зависает на оплате картой", "кассовая программа"),
    ("the booking system at the front desk won't load since 8am", "booking system"),
    ("the dispatch client lost the server for every dispatcher", "dispatch client"),
    ("every packing line terminal lost the MES at the same moment", "MES"),
    ("в диспетчерской пропала АСУ движения, на экранах «Нет связи с сервером»", "АСУ движения"),
    ("ERP не проводить замовлення з обіду", "ERP"),
    ("потрібен доступ до 1С:Бухгалтерія для нової бухгалтерки", "1С:Бухгалтерія"),
    ("the webcam is black in OBS and in Teams both", "OBS"),
    # an acronym before what it does wrong (desk30: "CRM gives 500 Internal Server Error" asked
    # "which program or device is it about?")
    ("CRM gives 500 Internal Server Error", "CRM"),
    ("ERP returns an error when I post the invoice", "ERP"),
    ("WMS crashed twice this morning", "WMS"),
    # a maker no list knows with a dashed model, before the kind of device, or spelt like an
    # English word after an article or a translit word (frozen12, tune24, tune26, tune31)
    ("the Bose speaker plugged into the front PC gives no sound at all", "Bose"),
    ("it's a Rode NT-USB mic, in zoom the mic bar doesnt move at all", "Rode NT-USB"),
    ("kolonki Sven SPS-611 molchat s utra", "Sven SPS-611"),
    ("в навушниках Audio-Technica ATH-M50x тиша", "Audio-Technica ATH-M50x"),
]


@pytest.mark.parametrize(("text", "product"), NAMED_FIRST)
def test_a_product_named_first_is_never_asked(chat: Chat, text: str, product: str) -> None:
    chat.send(text)
    for _ in range(8):
        if not chat.questions or chat.tickets:
            break
        chat.send("не знаю")
    assert "product" not in chat.questions
    fields: dict[str, str] = {}
    fill(fields, {}, text, "first message")
    assert product.casefold() in fields.get("product", "").casefold()


# Words that are no product however they stand: a bare role noun, a place, capitals shouted,
# an OS edition answered
NOT_NAMED = [
    "сервер не отвечает с утра",
    "программа зависла и не закрывается",
    "в бухгалтерии не печатает принтер",
    "the server is not responding",
    "the scanner in the repair shop STILL doesn't scan. get me a human NOW",
    "диск C заповнений",
    "не открывается папка passes на сервере, пишет «Отказано в доступе»",
    "the S: drive disappeared for everyone in accounts",
    "Windows 10 IoT",
    # capitals before a verb tell no fault of a system: a document, a figure
    "NDA needs signing by Friday, who do I send it to",
    "KPI reports are wrong in the dashboard",
    # an English word before a code or a device is a place or a verb, not a maker
    "I rode the bus in and the office printer was already jammed",
    "the Room B12 printer is offline",
    "the Kitchen speaker in the canteen plays nothing",
]


@pytest.mark.parametrize("text", NOT_NAMED)
def test_no_product_is_read_where_none_is_named(text: str) -> None:
    fields: dict[str, str] = {}
    fill(fields, {}, text, "first message")
    assert not fields.get("product")


# Outside pass (desk29): an HTTP status's reason phrase is the web server's words, never a
# program's name. "503 Service Unavailable" gave the ticket's product "Service Unavailable",
# "CRM shows Internal Server Error" gave "Internal Server" beside the CRM; the error field
# keeps the status as said.
SERVER_SAYS = [
    ("портал не открывается, 503 Service Unavailable", "", "503 Service Unavailable"),
    ("портал не працює, 503 Service Unavailable", "", "503 Service Unavailable"),
    # the CRM is what gives it (desk30: read as no product, and "which program?" was asked)
    ("CRM gives 500 Internal Server Error since this morning", "CRM", "500 Internal Server Error"),
    ("CRM shows Internal Server Error, nothing saves", "CRM", "Internal Server Error"),
    ("Jira: 503 Service Temporarily Unavailable", "Jira", "503 Service Temporarily Unavailable"),
]


@pytest.mark.parametrize(("text", "product", "error"), SERVER_SAYS)
def test_a_reason_phrase_is_no_product_in_the_tickets_fields(
    chat: Chat, text: str, product: str, error: str
) -> None:
    chat.send(text)
    for _ in range(8):
        if not chat.questions or chat.tickets:
            break
        chat.send("не знаю")
    fields = chat.tickets[-1].fields if chat.tickets else chat.state.fields
    # none named: the product is asked, and "не знаю" is its answer
    assert fields.get("product", "") == (product or "не знаю"), fields
    assert fields.get("error") == error, fields


# A language the user switches to is no program (frozen9, frozen7, frozen14 and 17 more
# readable files: "switching to English" gave the ticket the product "English", and "which
# program or device?" was never asked).
SWITCHED = [
    ("no, it didn't help, can we switch to English?", ""),
    ("sorry, switching to English, my Ukrainian is poor. No, still 'This site can't be reached'",
     ""),
    ("no, sorry, switching to English for my colleague. Jabra Evolve2 30 headset, Windows 11",
     "Jabra Evolve2 30"),
    ("Sorry, switching to English, our Dutch partner is with me: it's a Lenovo IdeaPad 5",
     "Lenovo IdeaPad 5"),
]  # fmt: skip


@pytest.mark.parametrize(("reply", "product"), SWITCHED)
def test_a_language_switched_to_is_no_product(reply: str, product: str) -> None:
    fields: dict[str, str] = {}
    fill(fields, {}, reply, "reply")
    assert fields.get("product", "") == product, fields


def test_after_switching_to_english_the_device_is_still_asked(chat: Chat) -> None:
    chat.send("принтер в ломбарде печатает пустые листы")
    chat.send("no, it didn't help, can we switch to English?")
    asked = run_checklist(chat, {"product": "Brother HL-L2350DW"}, "don't know")
    assert "product" in asked
    assert chat.requested.fields["product"] == "Brother HL-L2350DW"


# A product's name of several words is read whole (frozen28, frozen29, frozen9, frozen15,
# tune30: the ticket showed "iiko, Office", "Office", "Canon, imageFORMULA DR", "Proficy",
# "CAD 17"); two programs the lists know, side by side, stay two.
WHOLE_NAMES = [
    ("нет, не помогло. Программа iiko Office, окно мигнёт и пропадает, Windows 10", "iiko Office"),
    ("no. It's Priva Office on Windows 10, the title bar says 'Not Responding'", "Priva Office"),
    ("ні. Це Canon imageFORMULA DR-M160II, пише «Сканер зайнятий», з ранку",
     "Canon imageFORMULA DR-M160II"),
    ("the Proficy CIMPLICITY viewer crashes on the monthly report", "Proficy CIMPLICITY"),
    ("It's a HyperX QuadCast on Windows 11, the level meter stays flat", "HyperX QuadCast"),
    ("Cannot start Microsoft Outlook", "Microsoft Outlook"),
    ("T-FLEX CAD 17 на Windows 10 виснет при сохранении", "T-FLEX CAD 17"),
    ("кабель HDMI-VGA не показывает картинку", ""),
    ("в Word Excel не відкривається файл", "Word, Excel"),
    ("Zoom Teams both dead since the update", "Zoom, Teams"),
    ("Outlook CRASHED AGAIN, fix it", "Outlook"),
    ("I reinstalled Office 2021 and it still crashes", "Office 2021"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "product"), WHOLE_NAMES)
def test_a_name_of_several_words_is_one_product(text: str, product: str) -> None:
    fields: dict[str, str] = {}
    fill(fields, {}, text, "first message")
    assert fields.get("product", "") == product, fields


def test_a_device_named_whole_in_the_reply_reaches_the_ticket(chat: Chat) -> None:
    chat.send("сканер у канцелярії не сканує")
    chat.send("ні. Це Canon imageFORMULA DR-M160II, пише «Сканер зайнятий», з ранку")
    asked = run_checklist(chat, {}, "не знаю")
    assert "product" not in asked
    assert chat.requested.fields["product"] == "Canon imageFORMULA DR-M160II"


# A crash window's title names the program (tune28, frozen14: "WeighPro has stopped working"
# after "our weighing program" left the product unread, "Coptis has stopped working" kept
# only "formulation software"); named before, it is not named twice.
CRASH_WINDOWS = [
    ("no. It freezes on printing a ticket and shows 'WeighPro has stopped working'.", "WeighPro"),
    ("it flashes and closes with \"QuickBooks Desktop has encountered a problem\"",
     "QuickBooks Desktop"),
    ("InDesign 2023 вылетает, пишет «Adobe InDesign has stopped working».", "InDesign 2023"),
    ("it says The program has stopped working", ""),
    ("пишет «Сервер не отвечает»", ""),
]  # fmt: skip


@pytest.mark.parametrize(("text", "product"), CRASH_WINDOWS)
def test_a_crash_window_names_its_program(text: str, product: str) -> None:
    fields: dict[str, str] = {}
    fill(fields, {}, text, "reply")
    assert fields.get("product", "") == product, fields
