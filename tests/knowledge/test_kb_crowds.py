"""Many people at once, said by the place, the group or the machines (issue 12)."""

from __future__ import annotations

import pytest
from kbanswers import answered

from gateway.knowledge.clauses import clause_spans
from gateway.knowledge.crowds import (
    QUANTIFIER_WORDS,
    WHERE_CASES,
    english_span,
    everyone_else,
    inanimate_noun,
    placed,
    quantifier,
    stop_matters,
)
from gateway.knowledge.matcher import Matcher
from gateway.knowledge.morphology import tokens
from gateway.knowledge.outages import crowd_failures


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("ни в одном филиале не открывается складская программа, очередь", "ru"),
        ("на жодному компі в пекарні не відкривається облік", "uk"),
        ("на всей лесопилке не работает 1С", "ru"),
        ("на всій пасіці немає інтернету", "uk"),
        ("на всём заводе легла программа учёта", "ru"),
        ("ни на одной лесопилке не работает 1С", "ru"),
        ("вся фабрика іграшок без мережі", "uk"),
        # which place, read as where a place is (asides.of_place): a genitive in the
        # singular too, not only one plural noun ("вся контора водостоків")
        ("вся база отдыха без интернета", "ru"),
        ("вся контора водостоків без мережі", "uk"),
    ],
)
def test_none_of_the_places_or_a_whole_place_no_list_names_is_an_outage(
    matcher: Matcher, text: str, lang: str
) -> None:
    # "ни в одном", "ни на одном" were no "none" as "жоден" is; a machine after "жоден" or
    # "ни один" in the singular was one person's; a place no list names ("солеварня",
    # "лесопилка") after "на всей", "в жодній" was no crowd unless "без" followed it at once
    # ("вся фабрика іграшок без мережі" has the toys between): the outage ranked below the
    # cut, or the one program or the wired network was answered.
    assert answered(matcher, text, lang) == "outage_critical"


@pytest.mark.parametrize(
    ("text", "lang", "topic"),
    [
        # a device or a browser named is that thing's, however many machines see it
        ("ни один компьютер в приёмной не видит принтер", "ru", "printer_offline"),
        ("ни в одном браузере не открывается сайт банка", "ru", "website_wont_open"),
        # other trades' places and things
        ("на всей кухне пахнет газом", "ru", None),
        ("ни в одной аптеке нет этого лекарства", "ru", None),
        ("на всій дачі немає води", "uk", None),
        ("жоден ключ від складу не підходить", "uk", None),
        ("вірус на листках огірків, плями по всій теплиці", "uk", None),
    ],
)
def test_none_of_or_a_whole_place_of_other_things_stays_theirs(
    matcher: Matcher, text: str, lang: str, topic: str | None
) -> None:
    assert answered(matcher, text, lang) == topic


@pytest.mark.parametrize(
    "text",
    [
        "the whole dispatch team can't log in this morning",
        "whole accounts team can't get into the ERP",
        "the whole trout farm lost the network",
        "all the goat farms lost the network",
    ],
)
def test_a_whole_team_named_by_its_work_or_a_whole_farm_is_an_outage(
    matcher: Matcher, text: str
) -> None:
    # "team" is a greeting's word ("hi team") and was skipped after "whole", so the word
    # before it was read as the place; a farm was no place: nothing, or the access article.
    assert answered(matcher, text, "en") == "outage_critical"


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # "at all" is no crowd, whatever place follows it
        ("keyboard not responding at all on the goat farm pc", "keyboard_mouse"),
        ("the whole sales team is at the trade fair today", None),
        ("the whole dairy farm flooded overnight", None),
    ],
)
def test_a_whole_team_or_farm_with_no_failure_of_its_systems_is_no_outage(
    matcher: Matcher, text: str, topic: str | None
) -> None:
    assert answered(matcher, text, "en") == topic


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        (
            "the order system is down for every one of us in the insole workshop, customers "
            "waiting at the counter",
            "outage_critical",
        ),
        ("the booking system won't open for any of us", "outage_critical"),
        ("all of us lost the network at the bakery", "outage_critical"),
        # "of us" with nothing said to fail is people, no outage
        ("half of us are off sick this week", None),
        ("all of us are going to the trade fair on Friday", None),
    ],
)
def test_a_crowd_said_by_of_us_is_everyone(matcher: Matcher, text: str, topic: str | None) -> None:
    # "every one of us", "any of us", "all of us" said no crowd as "for everyone" does: the
    # order system was answered nothing, a program's or the Wi-Fi's article first.
    assert answered(matcher, text, "en") == topic


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("ни на одной флешке не видно файлов", "ru"),
        ("на жодній флешці не видно файлів", "uk"),
        ("ни на одном компе не видно файлов на флешке", "ru"),
        ("ни один сотрудник не пришёл на работу", "ru"),
        ("ни в одном чате не вижу сообщений", "ru"),
        ("в жодному чаті не бачу нових повідомлень", "uk"),
        ("жоден працівник не вийшов на зміну через снігопад", "uk"),
        ("ні на одній флешці не відкриваються файли", "uk"),
        ("ни на одном ноутбуке не видно фото с карты памяти", "ru"),
        ("на всій флешці жодного файлу не видно", "uk"),
    ],
)
def test_not_one_place_or_machine_where_no_work_stopped_is_no_outage(
    matcher: Matcher, text: str, lang: str
) -> None:
    # "ни на одной флешке", "в жодному чаті": a stick or a chat counted by "not one" was a
    # place, and one machine after it every machine, whatever failed there; these were
    # answered the outage (session 31). A crowd no list names is everyone only when the
    # message says work stopped for many, as priority reads it (impact.many_stopped).
    assert answered(matcher, text, lang) != "outage_critical"


@pytest.mark.parametrize(
    ("text", "lang", "said", "where"),
    [
        ("ни в одном отделении нет сети", "ru", "none", True),
        ("ні на одному компі", "uk", "none", True),
        ("жоден комп'ютер не заходить", "uk", "none", False),
        ("на всей солеварне не работает 1С", "ru", "all", True),
        ("все компьютеры склада", "ru", "all", False),
        ("all our shops", "en", "all", False),
        # "ни" before no "один" says no "not one": "ни звука"
        ("ни звука из колонок", "ru", "", False),
    ],
)
def test_what_the_first_quantifier_says_and_whether_a_place_preposition_stands_by_it(
    text: str, lang: str, said: str, where: bool
) -> None:
    words = tokens(text, lang)
    at = next((i for i, t in enumerate(words) if t.word in QUANTIFIER_WORDS), 0)
    assert quantifier(words, at) == said
    assert placed(words, at) == where


@pytest.mark.parametrize(
    ("word", "plural", "cases", "expected"),
    [
        ("солеварне", False, WHERE_CASES, True),  # "на всей солеварне": a place, where
        ("громкость", False, WHERE_CASES, False),  # "на всю громкость": no place
    ],
)
def test_a_place_is_an_inanimate_noun_in_its_case(
    word: str, plural: bool, cases: frozenset[str], expected: bool
) -> None:
    token = tokens(word, "uk" if "і" in word else "ru")[0]
    assert inanimate_noun(token, plural, cases) == expected


@pytest.mark.parametrize(
    ("text", "lang", "matters"),
    [
        ("ни на одной флешке не видно файлов", "ru", True),
        ("жоден комп'ютер не заходить", "uk", True),
        ("на всей солеварне не работает 1С", "ru", True),
        # "весь" with no preposition of place, "all" in English: read from the words alone
        ("весь склад без сети", "ru", False),
        ("все компьютеры в бухгалтерии зависли", "ru", False),
        ("the printer jams all the time", "en", False),
        ("the whole office lost the network", "en", False),
    ],
)
def test_the_crowd_reading_asks_whether_work_stopped_only_where_it_depends_on_it(
    text: str, lang: str, matters: bool
) -> None:
    # Whether work stopped for many is a whole message's reading (impact.many_stopped); it
    # was asked of every message with a quantifier, before the ranking's memo was looked up.
    assert stop_matters(tokens(text, lang)) == matters


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("усі каси в аптеці зависли, люди стоять у черзі", "outage_critical"),
        ("жодна каса в магазині не працює, черга на вулицю", "outage_critical"),
        ("в касі кінотеатру закінчились квитки на вечір", None),
        ("каса в їдальні зачинена на обід", None),
    ],
)
def test_the_ukrainian_till_spelt_with_one_s_is_the_till(
    matcher: Matcher, text: str, topic: str | None
) -> None:
    # "каса" (Russian "касса") met no article's word, so "всі каси стали" was no outage
    # (ranker: a consonant Russian doubles and Ukrainian writes once).
    assert answered(matcher, text, "uk") == topic


@pytest.mark.parametrize(
    ("text", "lang", "topic"),
    [
        ("у всех синий экран после обновления", "ru", "outage_critical"),
        ("у всіх синій екран після оновлення", "uk", "outage_critical"),
        ("everyone gets a blue screen after the update", "en", "outage_critical"),
        ("blue screen after update", "en", "update_stuck"),
        # a blue screen alone says an error, not which problem
        ("синий экран", "ru", None),
    ],
)
def test_a_blue_screen_is_an_error_screen(
    matcher: Matcher, text: str, lang: str, topic: str | None
) -> None:
    # "синий экран" became "bsod", a word no article used: every blue screen was silence.
    assert answered(matcher, text, lang) == topic


@pytest.mark.parametrize(
    ("text", "lang", "topic"),
    [
        ("на сыроварне ни у кого не запускается 1С, отгрузки встали", "ru", "outage_critical"),
        ("на всіх касах пекарні зависла програма, люди чекають", "uk", "outage_critical"),
        ("ВСЕ КАССЫ В ЦВЕТОЧНОМ САЛОНЕ ВСТАЛИ, ПОКУПАТЕЛИ ЖДУТ", "ru", "outage_critical"),
        (
            "ни на одной кассе автомойки не проходят оплаты, программа не отвечает",
            "ru",
            "outage_critical",
        ),
        ("на всех кассах ресторана не отвечает программа, гости ждут", "ru", "outage_critical"),
        (
            "у всіх на меблевій фабриці не запускається облікова програма, відвантаження стоїть",
            "uk",
            "outage_critical",
        ),
        # the crowd is fine, in a clause of its own: one user's program or Wi-Fi
        ("у меня не запускается 1С, у всех остальных работает", "ru", "app_wont_start"),
        ("ноутбук не видит вайфай в цеху, у всех остальных есть", "ru", "wifi_connect"),
        # nothing of IT's fails for the crowd
        ("на всех кассах кинотеатра закончился попкорн", "ru", None),
    ],
)
def test_a_program_failing_for_a_crowd_is_the_outage(
    matcher: Matcher, text: str, lang: str, topic: str | None
) -> None:
    # "не запускается", "зависла", "не отвечает", "встали" said of everyone were the one
    # program's evidence: it ranked first ("не запускается 1С": the program that will not
    # start) or the outage stayed below the cut. In the crowd's clause, with work stopped
    # for many, they are the outage's "лежит" (outages.py).
    assert answered(matcher, text, lang) == topic


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # a place or group no list names, said by "whole", "every", "nobody at", "no one at"
        ("the whole tannery has no email today", "outage_critical"),
        ("the whole tannery is without network", "outage_critical"),
        (
            "the rota system is down for every ranger on duty, visitors are waiting at the gate",
            "outage_critical",
        ),
        (
            "the booking app is down for every instructor at the riding school, lessons can't "
            "start",
            "outage_critical",
        ),
        ("no one at the sawmill can open the shared drive, work has stopped", "outage_critical"),
        # how much, not who: "a whole", a plural; a time; the others report the writer's fault
        ("dropped a whole tray of glasses in the bar", None),
        ("whole trays of seedlings are dying", None),
        ("I spent the whole morning on it, Excel crashes when I save", "app_crash"),
        ("nobody at the front desk can hear me on Teams", "mic_camera"),
    ],
)
def test_an_english_crowd_no_list_names_is_the_outage(
    matcher: Matcher, text: str, topic: str | None
) -> None:
    # "the whole bureau has no email" answered the mail article, "down for every operator
    # on shift" nothing, "nobody at the bow workshop can open 1C or the shared drive, work
    # has completely stopped" the shared drive (faq_tune35:327, faq_frozen35:269,
    # faq_tune34:329): English places and trades are no list's, so the crowd went unread.
    assert answered(matcher, text, "en") == topic


@pytest.mark.parametrize(
    ("text", "quantified", "nouns"),
    [
        ("the whole polling station is down", "whole", ["polling", "station"]),
        ("down for every operator on shift", "every", ["operator"]),
        ("nobody at the bow workshop can open 1C", "nobody", ["bow", "workshop"]),
        ("no one in our glass studio can log in", "no", ["glass", "studio"]),
        ("no one at my bakery can print", "no", ["bakery"]),
        ("lost a whole round of results", "whole", []),
        ("whole trays are dying off", "whole", []),
        ("nobody can open it", "nobody", []),
    ],
)
def test_what_an_english_quantifier_is_said_of(
    text: str, quantified: str, nouns: list[str]
) -> None:
    words = tokens(text, "en")
    index = next(i for i, t in enumerate(words) if t.word == quantified)
    assert [words[i].word for i in english_span(words, index)] == nouns


@pytest.mark.parametrize(
    ("text", "lang", "failed", "denials"),
    [
        ("ни у кого не запускается 1С", "ru", ["запускается"], ["не"]),
        ("все кассы встали, люди ждут", "ru", ["встали"], []),
        # being able says the next verb fails, which is no word of the outage's own
        ("у всіх не може пробити чек", "uk", [], []),
        # a failure in another clause than the crowd's
        ("не видит вайфай, у всех есть", "ru", [], []),
        # what nobody can do
        ("nobody at the mill can open 1C", "en", ["open"], []),
    ],
)
def test_what_fails_in_the_crowds_clause(
    text: str, lang: str, failed: list[str], denials: list[str]
) -> None:
    words = tokens(text, lang)
    crowd = [i for i, t in enumerate(words) if t.word in {"everyone", "все", "nobody"}]
    found, denied = crowd_failures(words, clause_spans(text, lang, words), crowd)
    assert sorted(words[i].word for i in found) == sorted(failed)
    assert sorted(words[i].word for i in denied) == sorted(denials)


@pytest.mark.parametrize(
    ("text", "article"),
    [
        # answered outage_critical before (faq_frozen17:45): "everyone" was the crowd
        ("my PC says the Kyocera is offline but everyone else can print to it", "printer_offline"),
        # offered outage_critical first among the choices before (faq_frozen23:43)
        (
            "printer showing offline on my laptop, everyone else in the tapestry studio can print",
            "printer_offline",
        ),
        ("lost internet on my wired PC, everybody else in the office is fine", "no_internet"),
    ],
)
def test_everyone_else_is_no_crowd(matcher: Matcher, text: str, article: str) -> None:
    assert answered(matcher, text, "en") == article


def test_everyone_without_else_is_still_the_crowd(matcher: Matcher) -> None:
    assert answered(matcher, "email is down for everyone", "en") == "outage_critical"
    said = tokens("the printer works for everyone else, not for me", "en")
    assert [said[i].word for i in sorted(everyone_else(said))] == ["everyone"]
    assert everyone_else(tokens("email is down for everyone", "en")) == frozenset()
