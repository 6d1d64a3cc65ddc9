"""A shared folder named in a request for access, or in access denied, is its product: the
user who wrote "не открывается папка passes на сервере" or "I need access to the Regatta 2027
folder" is not asked "which program or device?"; elsewhere a folder is where a file was, and
a drive's letter names no share, nor a folder on one (issue 19: tune18, tune25, frozen18,
frozen25 and probe18p asked it again)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dialogs.driver import Chat
from gateway.dialogs.checklist import fill, folder_as_product
from gateway.dialogs.engine import DialogEngine
from gateway.dialogs.extract import folders
from gateway.knowledge.library import KnowledgeLibrary
from gateway.models import FOLDER_FIELD
from gateway.triage.sla import SlaPolicy

FAQ = Path(__file__).resolve().parents[2] / "faq"

# (message, the folder read as typed; "" for none)
FOLDERS = [
    ("у меня не открывается папка passes на сервере станции, пишет «Отказано в доступе»",
     "папка passes"),
    ("С понедельника не открывается общая папка Сценарии на сервере", "папка Сценарии"),
    ("через полчаса обход, а не открывается папка рецепты на сервере", "папка рецепты"),
    ("Мне нужен доступ к папке \\\\fs02\\plan и к общему ящику отдела сбыта", "\\\\fs02\\plan"),
    ("нужен доступ к сетевой папке «Договоры 2026», начальник согласовал", "папке «Договоры 2026»"),
    ("ні, не допомогло. Папка \\\\prl-fs\\tech, Windows 10, з учора", "\\\\prl-fs\\tech"),
    ("потрібен доступ до теки «Замовлення» на сервері", "теки «Замовлення»"),
    ("I need read access to the Regatta 2027 folder on the club drive", "Regatta 2027 folder"),
    ("the shared Proofs folder says access denied since Monday", "Proofs folder"),
    ("the shared folder \\\\gym-nas\\members stopped opening, it says 'Access is denied'",
     "\\\\gym-nas\\members"),
    # no name: what the folder does, where it is, a drive's letter
    ("папка не открывается, пишет нет доступа", ""),
    ("папку открыть не могу со вчера", ""),
    ("общая папка на сервере пропала", ""),
    ("the folder is gone from my desktop", ""),
    ("I can't open the S: drive", ""),
    ("не відкривається мережева папка Верстка на диску V:, комп на Windows 10", ""),
    ("the Proofs folder on the S: drive is gone", ""),
    ("I saved it to the folder somewhere", ""),
    ("Зник диск S: з учорашнього вечора", ""),
    ("can't share my screen in Zoom", ""),
]  # fmt: skip


@pytest.mark.parametrize(("text", "folder"), FOLDERS)
def test_a_named_folder_is_read_as_typed(text: str, folder: str) -> None:
    assert folders.extract(text) == folder


def test_only_an_access_topic_takes_the_folder_as_its_product() -> None:
    said = {"problem": "файл лежал в папке Загрузки и пропал", FOLDER_FIELD: "папке Загрузки"}
    fields, sources = dict(said), {FOLDER_FIELD: "first message"}
    folder_as_product(fields, sources, "file_recovery")
    assert "product" not in fields
    folder_as_product(fields, sources, "shared_drive_access")
    assert fields["product"] == "папке Загрузки"
    assert sources["product"] == "first message"
    # a product the user gave stays
    fields = {"product": "1С:Бухгалтерия", FOLDER_FIELD: "папка Обмен"}
    folder_as_product(fields, {}, "new_access_request")
    assert fields["product"] == "1С:Бухгалтерия"


def test_the_folder_is_kept_beside_the_fields_and_is_no_ticket_detail() -> None:
    fields: dict[str, str] = {}
    changed = fill(fields, {}, "нужен доступ к папке \\\\fs02\\plan, начальник согласовал", "mail")
    assert fields[FOLDER_FIELD] == "\\\\fs02\\plan"
    assert FOLDER_FIELD not in changed  # a reply by mail adds no "folder" to the ticket
    assert "product" not in fields


@pytest.fixture(scope="module")
def library() -> KnowledgeLibrary:
    return KnowledgeLibrary(FAQ)


@pytest.mark.parametrize(
    ("text", "product"),
    [
        ("Не открывается общая папка Сценарии на сервере, пишет «Отказано в доступе». "
         "Перезагружала компьютер.", "папка Сценарии"),
        ("Hi, I need read access to the Regatta 2027 folder on the club drive, my manager "
         "said it's fine", "Regatta 2027 folder"),
        ("Потрібен доступ до папки \\\\fs02\\plan, керівник погодив", "\\\\fs02\\plan"),
    ],
)  # fmt: skip
def test_the_folder_of_an_access_problem_is_not_asked_again(
    library: KnowledgeLibrary, text: str, product: str
) -> None:
    chat = Chat(DialogEngine(library, SlaPolicy.default()))
    chat.send(text)
    asked = list(chat.questions)
    for _ in range(8):
        if chat.tickets:
            break
        chat.send("не знаю" if chat.questions else "нет, не помогло")  # to "did it help?"
        asked += chat.questions
    assert chat.tickets, "the conversation must end in a ticket"
    assert chat.tickets[0].topic in ("shared_drive_access", "new_access_request")
    assert "product" not in asked
    assert chat.tickets[0].fields["product"] == product
