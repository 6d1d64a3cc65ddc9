"""File names operators and users download: cleaned, and ending as what the bytes are."""

from __future__ import annotations

import pytest

from gateway.attachments import safe_name, sniff

DOCX = b"PK\x03\x04" + b"\x00" * 40  # an office document is a ZIP container
CSV = "дата;сумма\n01.12;100\n".encode()


@pytest.mark.parametrize(
    ("sent", "data", "downloaded"),
    [
        ("Отчёт за ноябрь.docx", DOCX, "Отчёт за ноябрь.docx"),
        ("budget.XLSX", DOCX, "budget.XLSX"),
        ("archive", DOCX, "archive.zip"),
        ("payroll.exe", DOCX, "payroll.exe.zip"),
        ("export.csv", CSV, "export.csv"),
        ("app.log", CSV, "app.log"),
        ("page.html", CSV, "page.html.txt"),
        ("script.js", CSV, "script.js.txt"),
        ("photo.jpeg", b"\xff\xd8\xff\xe0" + b"\x00" * 20, "photo.jpeg"),
        ("photo.png", b"\xff\xd8\xff\xe0" + b"\x00" * 20, "photo.png.jpg"),
        ("../../etc/passwd", CSV, "passwd.txt"),
    ],
)
def test_a_download_keeps_an_honest_name_and_never_a_misleading_one(
    sent: str, data: bytes, downloaded: str
) -> None:
    kind = sniff(data)
    assert kind is not None
    assert safe_name(sent, kind) == downloaded
