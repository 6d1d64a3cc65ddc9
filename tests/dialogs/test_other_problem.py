"""A second article after "did it help?" only when the "no" says the answer was about another
problem (issue 19): "нет, принтер печатает, это сканер не сканирует в почту" gets the scanner's
article; a "no" that adds facts about the same problem gets the person's questions."""

from __future__ import annotations

import pytest

from dialogs.driver import Chat
from gateway.dialogs.other_problem import other_problem
from gateway.dialogs.state import Phase

# (reply to "did it help?", the problem it says it is instead; "" for none)
LINES = [
    ("нет, принтер печатает, это сканер на нём не сканирует в почту",
     "это сканер на нём не сканирует в почту"),
    ("нет, это не принтер, а сканер не сканирует", "сканер не сканирует"),
    ("нет, дело не в принтере, сканер не сканирует", "сканер не сканирует"),
    ("не помогло, проблема не с почтой, у меня не открывается сайт", "у меня не открывается сайт"),
    ("нет, я про другое: пропал звук в колонках", "пропал звук в колонках"),
    ("ні, справа не в мишці, клавіатура не друкує", "клавіатура не друкує"),
    ("ні, у мене не мишка, а клавіатура не друкує", "клавіатура не друкує"),
    ("ні, принтер друкує, сканер не сканує", "сканер не сканує"),
    ("ні, це інша проблема, пропав інтернет на комп'ютері", "пропав інтернет на комп'ютері"),
    ("no, wifi is not the problem, the wired desktop has no internet at all",
     "the wired desktop has no internet at all"),
    ("no, it's not the wifi, it's the cable", "it's the cable"),
    ("nope, the printer works fine, the scanner won't scan", "the scanner won't scan"),
    ("no, different problem: Outlook won't send", "Outlook won't send"),
    # the same problem, with facts: no other problem
    ("нет, всё так же пишет «Принтер отключен»", ""),
    ("нет, не помогло, кэш чистила", ""),
    ("нет, это не работает", ""),
    ("нет, у меня другое", ""),
    ("ні, з понеділка так само", ""),
    ("ні, не допомогло, пише «Відмовлено в доступі»", ""),
    ("no, I already reinstalled it and it still says 0x8007000d", ""),
    ("no, still not working, the printer shows offline", ""),
    ("didn't help. It's an LG 24MK430, Windows 10, it says 'No Signal'", ""),
]  # fmt: skip


@pytest.mark.parametrize(("reply", "other"), LINES)
def test_the_other_problem_a_reply_names(reply: str, other: str) -> None:
    assert other_problem(reply) == other


PRINTER = {"ru": "не печатает принтер", "uk": "не друкує принтер", "en": "the printer won't print"}
SCANNER = {
    "ru": "нет, принтер печатает, это сканер на нём не сканирует",
    "uk": "ні, справа не в принтері, сканер не сканує",
    "en": "no, the printer is not the problem, the scanner does not scan",
}
SAME = {
    "ru": "нет, перезагружала, всё так же не печатает",
    "uk": "ні, перезавантажувала, так само не друкує",
    "en": "no, restarted it, still won't print",
}


@pytest.mark.parametrize("lang", ["ru", "uk", "en"])
def test_a_no_that_names_another_problem_gets_its_article(chat: Chat, lang: str) -> None:
    chat.send(PRINTER[lang])
    assert [e.topic for e in chat.named("faq_answered")] == ["printer_offline"]  # type: ignore[attr-defined]
    chat.send(SCANNER[lang])
    assert [e.topic for e in chat.named("faq_answered")] == ["scanner_not_working"]  # type: ignore[attr-defined]
    assert chat.state.phase == Phase.CONFIRM and chat.state.language == lang
    chat.press("no")
    chat.send("не знаю" if lang != "en" else "don't know")
    while chat.questions:
        chat.send("не знаю" if lang != "en" else "don't know")
    assert chat.tickets[0].topic == "scanner_not_working"
    assert chat.tickets[0].group.value == "hardware"


@pytest.mark.parametrize("lang", ["ru", "uk", "en"])
def test_a_no_with_facts_on_the_same_problem_gets_the_questions(chat: Chat, lang: str) -> None:
    chat.send(PRINTER[lang])
    chat.send(SAME[lang])
    assert not chat.named("faq_answered") and chat.state.phase == Phase.CHECKLIST
    assert "tried" in chat.state.fields and "tried" not in chat.questions
