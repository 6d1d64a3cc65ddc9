"""A program asked for in plain words (English, Russian, Ukrainian) is a program to install
(issue 12)."""

from __future__ import annotations

import pytest
from kbanswers import answered

from gateway.knowledge.installs import install_asked, install_rights, program_put
from gateway.knowledge.matcher import Matcher
from gateway.knowledge.morphology import tokens


@pytest.mark.parametrize(
    "text",
    [
        "could you pop Krita on my laptop please",
        "stick GIMP on my computer please",
        "wish I had a decent video editor for the gym promos, could IT put one on",
        "request: Scribus for the church newsletter",
        "requesting FreeCAD for the workshop jigs, manager approved",
        "i really wish this laptop had Darktable, the raw photos open so slowly in the viewer",
        # a request of a program said as one, or of the one the message needs
        "how can I request new software for the bakery tills",
        "request: Figma desktop app for the cafe menus",
        "we need Adobe Acrobat for the contracts, where do I request it",
    ],
)
def test_a_program_asked_for_in_plain_words_is_installed(matcher: Matcher, text: str) -> None:
    # Putting, popping, having and requesting were no word of the software article: the
    # message read as its place and purpose, and nothing was answered (or a slow computer).
    assert answered(matcher, text, "en") == "software_install"


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("could you put the poster on my wall", None),
        ("wish I had a bigger desk by the computer", None),
        ("could someone put a sticker on my laptop", None),
        ("requesting read access to the Orders folder", "new_access_request"),
        # a request for access to a system or a folder stays one
        ("how do I request access to the Payroll app", "new_access_request"),
        ("I need the Stock folder, how do I request it?", "new_access_request"),
    ],
)
def test_what_is_no_program_is_not_installed(matcher: Matcher, text: str, topic: str) -> None:
    assert answered(matcher, text, "en") == topic


def test_the_words_that_ask_for_a_program_are_found() -> None:
    for text, word in (
        ("could someone put OBS Studio on my work machine?", "put"),
        ("wish this laptop had XnView", "had"),
        ("request: Inkscape for the signage", "request"),
    ):
        words = tokens(text, "en")
        assert [words[i].word for i in install_asked(words, frozenset())] == [word], text
    for text in (
        "put Bob on the night rota please",  # no computer
        "I can't put Zoom on my laptop",  # a failure, not a request
        "requesting Bob's account unlocked",  # no program's name alone
        "wish I had Monday off",  # no computer
    ):
        assert install_asked(tokens(text, "en"), frozenset()) == frozenset(), text


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("мріяла б про Inkscape на робочому ноуті, склад ялинкових іграшок", "uk"),
        ("було б класно мати Scribus у друкарні, кому писати?", "uk"),
        ("мечтаю о Darktable для фото тортов", "ru"),
        ("было бы здорово иметь Krita на ноутбуке в мастерской", "ru"),
        ("мрію про нормальний графічний редактор, поставите Krita?", "uk"),
        # any form of the verb dreams, not the few a list spelt out
        ("ми давно мріяли про Krita на ноутбуках у майстерні", "uk"),
        ("мы мечтали о Darktable на ноутбуке в мастерской", "ru"),
    ],
)
def test_a_program_dreamt_of_in_russian_or_ukrainian_is_installed(
    matcher: Matcher, text: str, lang: str
) -> None:
    # "Wish I had" said the Slavic way: a dream, or the having in the conditional; and the
    # question "поставите …?" asks as "поставте" does.
    assert answered(matcher, text, lang) == "software_install"


def test_the_dream_asks_only_for_a_program_right_after_it() -> None:
    for text, word in (
        ("мріяла б про Canva на робочому ноуті", "мріяла"),
        ("було б класно мати GIMP на компі", "мати"),
        ("ви теж мрієте про Canva на робочих ноутах?", "мрієте"),  # read as мріти first
    ):
        words = tokens(text, "uk")
        assert [words[i].word for i in install_asked(words, frozenset())] == [word], text
    for text in (
        "мрію про відпустку на Bali",  # no program right after the dream
        "треба мати Excel відкритим, коли друкую",  # the having not wished
        "було б добре мати другий монітор",  # a device
    ):
        assert install_asked(tokens(text, "uk"), frozenset()) == frozenset(), text


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("поставте програму щоб відкрити ці файли, бо самій не дає", "uk"),
        ("Поставьте программу, чтобы открыть их файлы, самому не даёт", "ru"),
        ("для драйвера термопринтера Windows просит админа, дайте права или поставьте сами", "ru"),
    ],
)
def test_rights_an_installing_lacks_are_the_installing(
    matcher: Matcher, text: str, lang: str
) -> None:
    # In a request to install, "самій не дає" (Windows won't let me myself) and "дайте права"
    # beside an administrator say the rights it needs: "сам" read as a program closing "by
    # itself" and "не" with "відкрити" answered app_crash, "права" the access request.
    assert answered(matcher, text, lang) == "software_install"


def test_only_a_request_to_install_makes_a_letting_denied_a_right() -> None:
    words = tokens("поставьте программу, мне самой Windows не даёт", "ru")
    rights, doing = install_rights(words)
    assert [words[i].word for i in rights] == ["дает"]  # ё read as е
    assert [words[i].word for i in sorted(doing)] == ["самой", "не"]
    for text in (
        "Outlook сам закрывается и не даёт",  # no installing asked for
        "поставьте доступ, Windows не даёт зайти в папку",  # what it does not let do
    ):
        assert install_rights(tokens(text, "ru")) == (frozenset(), frozenset()), text


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Krita ставлю на робочий ноут, а Windows вимагає пароль адміністратора", "uk"),
        ("нужна программа для учёта пряжи, кто её ставит?", "ru"),
    ],
)
def test_a_program_put_on_in_the_imperfective_is_installed(
    matcher: Matcher, text: str, lang: str
) -> None:
    # "ставлю", "ставит" were no word of installing: the administrator's password was read
    # as the user's own, or nothing was answered.
    assert answered(matcher, text, lang) == "software_install"


def test_only_a_program_put_on_is_read_as_installed() -> None:
    words = tokens("нужна программа для учёта пряжи, кто её ставит?", "ru")
    assert [words[i].word for i in program_put(words, set())] == ["ставит"]
    for text, lang in (
        ("винда ставит обновления второй час, программа висит", "ru"),
        ("клава ставит кавычку вместо собаки", "ru"),
        ("куди ставити машину біля складу?", "uk"),
    ):
        assert program_put(tokens(text, lang), set()) == frozenset(), text
