""" "callback": the number the user asks to be called back on.

"перезвоните мне на 067 123 45 67", "мій внутрішній 214", "call me on ext. 214", "my mobile
is +44 7700 900123": a person who asks for a call gives the number the operator needs, and
it is kept as a ticket field of its own instead of staying somewhere in the problem text.
Only a number said as the user's own or as the one to call counts: an error code, an order
number or a time ("ошибка 0x80070005", "заказ 1234567", "в 14:30") is never a call-back.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from gateway.dialogs.extract.words import TEXTS_KEPT
from gateway.knowledge.vocabulary import PLEASE

# A phone number: an optional +, then digits in groups (spaces, hyphens, brackets, dots
# between them), seven digits at least; or an extension of two to five digits after its label.
_PHONE = r"\+?\(?\d[\d\s().-]{5,18}\d(?!\d)"
_EXTENSION_LABEL = (
    r"(?:ext\.?|extension|x|доб\.?|добавочн\w*|вн\.?|внутр\.?|внутренн\w*|внутрішн\w*|"
    r"внутр\w*\s+номер\w*)"
)
_EXTENSION = rf"{_EXTENSION_LABEL}\s*(?:номер\s*)?[:#№]?\s*\d{{2,5}}(?!\d)"
_NUMBER = rf"(?:{_EXTENSION}|{_PHONE})"

# Asking to be called, then where: "перезвоните мне на", "наберіть мене за номером", "call me
# on", "ring me at", "reach me at".
_CALL_ME = (
    r"(?:перезвон\w*|позвон\w*|звон\w*|набер\w*|наберіть|зателефонуй\w*|подзвон\w*|"
    r"передзвон\w*|дзвон\w*|телефонуй\w*|свяж\w*|зв'яж\w*|call|ring|phone|reach|contact|"
    r"text)"
    rf"(?:\s+(?:мне|мені|меня|мене|me|us|нам|back|{PLEASE}|пожалуйста,))*"
    r"(?:\s+(?:на|по|за|в|at|on|via|to))?"
    r"(?:\s+(?:номер\w*|телефон\w*|мобильн\w*|мобільн\w*|the|my|мой|мій|number|mobile|phone|"
    r"this|этот|цей|цьому|этому))*"
)
# The number named as the user's own: "мой номер", "мій мобільний", "my number is", "тел.".
_MINE = (
    r"(?:(?:мой|мій|моя|my|наш|our)\s+(?:рабоч\w+\s+|робоч\w+\s+|work\s+|desk\s+|direct\s+)?"
    r"(?:номер\w*|телефон\w*|тел\.?|мобильн\w*|мобільн\w*|number|phone|mobile|cell|"
    r"extension|внутренн\w*|внутрішн\w*)(?:\s+(?:телефона|is|-|—|:))?|"
    r"(?:тел\.?|phone|моб\.?|mob\.?)\s*:)"
)
_CUE = re.compile(rf"(?<![\w])(?:{_CALL_ME}|{_MINE})\s*[:—–-]?\s*({_NUMBER})", re.IGNORECASE)
# An extension said on its own is the user's: "ext. 214", "вн. 214", "доб. 35".
_BARE_EXTENSION = re.compile(
    r"(?<![\w])((?:ext\.?|extension|доб\.?|добавочн\w*|вн\.|внутр\.)\s*[:#№]?\s*\d{2,5})(?!\d)",
    re.IGNORECASE,
)
# An extension named as the user's own: "мій внутрішній 214", "my extension is 2145".
_MY_EXTENSION = re.compile(
    r"(?<![\w])(?:мой|мій|my)\s+((?:внутренн\w*|внутрішн\w*|extension|ext\.?)(?:\s+(?:номер|is))?"
    r"\s*[:—–-]?\s*\d{2,5})(?!\d)",
    re.IGNORECASE,
)
_TIME = re.compile(r"^\d{1,2}[:.]\d{2}$")


@lru_cache(maxsize=TEXTS_KEPT)
def extract(text: str) -> str:
    """The call-back number as the user wrote it; "" when none is given."""
    found = _CUE.search(text) or _MY_EXTENSION.search(text) or _BARE_EXTENSION.search(text)
    if not found:
        return ""
    # As written, but in one line of plain digits: the operator reads it on the console
    # and dials it. Line breaks, control characters and spaces of any kind (all `\s` to the
    # pattern) become one space; look-alike digits (fullwidth, mathematical) become theirs,
    # and a number in another script's digits is no number to dial.
    number = " ".join(unicodedata.normalize("NFKC", found.group(1)).split())
    number = number.strip(" .,;-()")
    if any(ch.isdigit() and not ch.isascii() for ch in number):
        return ""
    if _TIME.match(number):
        return ""  # "позвоните в 14:30": when, not where
    digits = re.sub(r"\D", "", number)
    extension = re.match(rf"{_EXTENSION_LABEL}|мой|мій|my", number, re.IGNORECASE) is not None
    extension = extension or found.re is _MY_EXTENSION
    if not extension and len(digits) < 7:
        return ""
    return number
