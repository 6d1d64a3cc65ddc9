"""How many are stopped: one reader (`read_impact(...).many`) that priority decides by.

Session 17: "many" was read twice, by priority's phrases and by impact's `_many`, and the
priority consulted both, so a rule ("на 40 людей" is the size of an event) had to be written
in both. Now the impact reads it once and priority's "many_stopped" is exactly that reading.
"""

from __future__ import annotations

import pytest

from gateway.models import Priority
from gateway.triage import priority
from gateway.triage.impact import read_impact
from gateway.triage.priority import assess_priority
from gateway.triage.reading import read_message

MANY = [
    # said whole by a phrase
    "у всех не работает 1С",
    "у всіх лежить пошта",
    "не работает у всех интернет",
    "весь отдел без почты, работа стоит",
    "упал сервер",
    "впав сервер, всі стоять",
    "the whole office is down",
    "everyone lost the network",
    "nobody can log in to CRM",
    "линия розлива стоит",
    "the bottling line is down",
    # counted beside a stop
    "все кассы не работают",
    "на всех компьютерах не открывается сайт",
    "20 человек не могут зайти в CRM",
    "all the tills are down",
    # read by lemma in a clause where work stopped
    "касири не можуть пробити чек",
    "ни одна касса не пробивает",
    "ни у кого не работает 1С, я тоже не могу зайти",
    "жоден термінал не приймає картки",
    "none of the nurses can log in",
    "у двадцяти операторів не працює телефонія",
    "весь комп'ютерний клас без інтернету",
    "у нас усе лягло",
    # counted after "на": those the failure is on (session 17), people, machines (also in
    # slang) or workplaces
    "на 15 сотрудников не работает почта",
    "В страховой на 12 сотрудников не открывается CRM",
    "в офисе на 15 сотрудников не работает почта",
    "на 30 компах не работает интернет",
    "в языковой школе на 25 ноутах в классах не ловит вайфай",
    "у паспортному сервісі на 8 робочих місцях не працює інтернет",
    # those counted are the subject of what stopped, or a workplace's people (session 18)
    "30 людей не можуть працювати",
    "nobody on the floor can log in",
    "15 people in the office can't log in",
    "в офисе на 15 человек не работает интернет",
    "у відділі на 12 людей не працює пошта",
    "на складе на 20 человек нет сети",
    "в кол-центре на 40 операторов нет телефонии",
    "в читальном зале на 30 компьютерах нет интернета",
    # a line stopped whatever it makes (session 17)
    "The dough line at our bakery stopped because the control PC keeps restarting",
    "our packing belt has stopped",
    # English staff named by their work, and one counted by "every" (issue 19, session 31:
    # each was one user's, or only at stake)
    "Our applicant tracking system is down for every recruiter in the agency",
    "the label system is down for every packer on line two",
    "the dispatch app shows 'Stream offline' on every camera, all six dispatchers are blind",
    "none of the tellers at the branch can log in",
    "every receptionist is locked out of the booking system",
    "the VPN is down for every user",
    # … a count past the adjectives before its noun still counts (session 38)
    "на трьох нових ноутбуках у класі не працює вайфай",
    "у двадцяти п'яти операторів не відкривається CRM",
]
NOT_MANY = [
    "не печатает принтер",
    "у меня одной не работает почта, у остальных всё работает",
    "works for everyone else, not for me",
    "корпоратив на 40 людей, а проектор не включается",
    "банкет на 50 человек, колонка хрипит",
    "a webinar for 300 clients and my camera is black",
    "у всех заданий статус «Ошибка»",
    "Zoom 5.17 не запускается",
    "в 8:30 ноутбук упал",
    "I've spent the whole morning on this, Outlook won't open",
    "у меня всё упало",
    "3 days now I can't log in",
    "очередь из 15 человек, а касса не печатает чек",
    # the size of a room, an event or a booking said before "на" (session 17)
    "зал на 40 людей, проектор не работает",
    "группа на 25 детей, принтер не печатает",
    # … also when a preposition or an adjective leads the room, and whatever the people are
    # called (session 18: "в зале на 40 людей" was 40 people stopped)
    "в зале на 40 людей не работает проектор",
    "в малом зале на 40 людей не работает проектор",
    "в переговорке на 12 человек не работает телевизор",
    "в коворкінгу в переговорці на 12 осіб телевізор не бачить мій ноутбук по HDMI",
    "у конференц-залі на 80 осіб не працює проектор",
    "в автобусе на 50 мест не работает валидатор",
    "the projector in our 200-seat hall does not work",
    "in the hall for 40 people the projector is dead",
    # an order's size, and a count whose noun is no people nor machine
    "заказ на 50 штук не проходит",
    "не печатается накладная на заказ на 50 стульев, принтер пишет замятие бумаги",
    # a few machines while the rest of the place works: that room's fault
    "В бухгалтерии на трёх компах пропал интернет, в других отделах всё работает",
    "no internet on 3 PCs in accounts, in the other offices everything works",
    # slang alone is one user's machine
    "nemaie internetu na kompi v ofisi",
    # lines that are no production line
    "printouts come out faded with lines down the page",
    "the phone line is down",
    "the bus line stopped running",
    # people in a plural possessive are whose thing it is, not who is stopped (session 31)
    "cleaning supervisors' shared inbox stopped getting emails",
    "the nurses' station printer stopped printing",
    # what the writer alone sees or cannot do wherever "not one" counts, and staff who did
    # not come in, are no work stopped for many (session 32: each was many stopped)
    "ни в одном чате не вижу сообщений",
    "в жодному чаті не бачу повідомлень",
    "на жодному компі не можу зайти в 1С",
    "ни один сотрудник не пришёл на работу",
    "жоден працівник не вийшов на зміну",
    "ні на одній флешці не відкриваються файли",
    # a percentage or a clock time in words counts nothing: its noun is past a comma, a verb
    # or a preposition (session 38: each was many stopped)
    "Висит «Работа с обновлениями 40%», не выключайте компьютер",
    "на екрані «Оновлення 35%», не вимикайте комп'ютер, висить уже годину",
    "диск заповнений на 100% і комп'ютер не встигає нічого",
    "з пів на дев'яту ноутбук касирки висить на оновленні",
]


@pytest.mark.parametrize("text", MANY)
def test_many_are_stopped(text: str) -> None:
    assert read_impact(read_message(text)).many
    assessed = assess_priority(text)
    assert (assessed.priority, assessed.reason) == (Priority.P1, "many_stopped")


@pytest.mark.parametrize("text", NOT_MANY)
def test_not_many(text: str) -> None:
    assert not read_impact(read_message(text)).many
    assert assess_priority(text).reason != "many_stopped"


def test_priority_reads_many_through_the_impact_alone() -> None:
    # one reader: no phrase list of its own for many in priority
    assert not hasattr(priority, "MANY") and not hasattr(priority, "MANY_STOPPED")
