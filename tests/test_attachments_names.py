"""File names operators and users download: cleaned, and ending as what the bytes are."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gateway.attachments import download_headers, safe_name, sniff, with_plain_names
from gateway.models import Attachment, InboundMessage

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


@settings(max_examples=300, deadline=None, database=None)
@given(
    name=st.text(max_size=80) | st.sampled_from(["\udcff\udcfe.png", "a\ud800b", "\x00/..\\"]),
    kind=st.sampled_from(["image/png", "application/pdf", "text/plain", ""]),
)
def test_any_name_a_sender_gives_is_stored_and_downloaded_as_text(name: str, kind: str) -> None:
    """A name arrives as any text, also a header's undecodable bytes (surrogates): the
    name kept is UTF-8 text with no path or control characters, and its download headers
    can be written (before, a surrogate made the upload a 500)."""
    kept = safe_name(name, kind)
    kept.encode("utf-8")
    assert kept and not set(kept) & {"/", "\\", "\x00", "\n", "\r"}
    assert download_headers(kept, kind, 1)["Content-Disposition"].isascii()


@pytest.mark.parametrize(
    ("sent", "kept"),
    [
        ("invoice\u202egpj.exe", "invoicegpj.exe"),  # shown "invoiceexe.jpg" before
        ("scan\u2066\u2067\u2069\u200f.pdf", "scan.pdf"),
        ("report\u2028\u2029\x85.txt", "report.txt"),
        ("zero\u200bwidth\ufeff.png", "zerowidth.png"),
        ("Отчёт за ноябрь.docx", "Отчёт за ноябрь.docx"),
    ],
)
def test_a_file_name_shows_and_saves_as_it_reads(sent: str, kept: str) -> None:
    """Bidi overrides and isolates, zero-width and separator characters in a name made it
    read as another (an .exe as a .jpg) on the console and in the saved file's name."""
    assert safe_name(sent, "") == kept
    assert download_headers(kept, "", 1)["Content-Disposition"].endswith(quote(kept, safe=""))
    document = Attachment("document", "f", sent)
    message = InboundMessage("telegram", "42", "42:9", attachments=(document,))
    assert [a.name for a in with_plain_names(message).attachments] == [kept]
