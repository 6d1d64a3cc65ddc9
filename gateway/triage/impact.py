"""Who is stopped and what is at stake, read from the words' lemmas, in any wording.

Priority needs three facts that users state in endless ways: whether work stopped
("не пробивають", "лежит", "can't", "went dark"), whether many are affected ("касири",
"операторы", "ни у кого", "the whole floor", "20 человек") and whether money, customers or a
deadline are at stake ("покупці йдуть", "заказов нет", "сдаём отчётность сегодня",
"payroll is due today"). Each is looked for by lemma, so every case, tense and person of a
word counts, and people are told from things by the dictionary: a plural animate noun
("касири", "сотрудников", "nurses") is a group of people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from gateway.knowledge.crowds import ENGLISH_DETERMINERS
from gateway.knowledge.morphology import english_past, lemma, meant_text
from gateway.knowledge.vocabulary import NOUN_DETERMINERS
from gateway.triage.impatience import nobody_responds
from gateway.triage.language import CYRILLIC
from gateway.triage.phrases import PhraseSet, normalise
from gateway.triage.reading import (
    MessageReading,
    Word,
    read_message,
    read_once,
    read_words,
    shared_reading,
)
from gateway.triage.reading import lemma_keys as _keys

# A word set off by a colon, comma or dash: a label or an address, not a subject.
# It starts only where a word starts (the leftmost match does anyway): tried inside a long
# word too, a word of thousands of letters cost time quadratic in its length.
_LABEL = re.compile(r"(?<![\w'-])([\w'-]+)\s*[:,—–]")
# A few words that open a clause before a colon: a label, "Отдел кадров: …", "Front desk: …".
_LABEL_PHRASE = re.compile(r"^\s*((?:[\w'-]+\s+){0,2}[\w'-]+)\s*:")
# … or a longer place the message opens with, told by commas, names and numbers ("Отдел кадров
# азотного завода: …", "Грибная ферма, склад «Восток», кабинет 214: …"): what follows it is
# said there, by the writer; it says no stop of its own (`_opening_place`)
_OPENING = re.compile(r"^\s*([^:;.!?\n]{1,90}?)\s*:(?!\d)")
MAX_OPENING_WORDS = 7
_VERB_TAGS = frozenset({"VERB", "INFN", "PRTS", "GRND"})
# A word glued to a name by a colon is a product: "1С:Бухгалтерия", "1С:Склад".
_NAMED = re.compile(r"\w:([\w'-]+)")
# … and people in an English plural possessive name whose thing it is, not who is stopped:
# "cleaning supervisors' shared inbox stopped getting emails", "the nurses' station printer"
_POSSESSIVE = re.compile(r"(?<![\w'-])([a-z]+s)['’](?!\w)")
# … and a place a message opens with, words only ("Puppet theatre:", not "о 14:00")
_PLACE_LABEL = re.compile(r"^\s*(?:[^\W\d_]+[\s'-]+){0,2}[^\W\d_]+\s*:(?!\d)")
_NEGATION = frozenset({"не", "ні", "not", "never", "cannot", "can't", "won't", "isn't", "aren't",
                       "doesn't", "don't", "didn't", "wasn't", "weren't", "couldn't", "hasn't",
                       "haven't"})  # fmt: skip
# Words between "не" and its verb: "не вообще работает", "не всі відкриваються".
_BETWEEN = frozenset({"вообще", "совсем", "взагалі", "зовсім", "ещё", "еще", "ще", "уже", "вже",
                      "могут", "может", "можуть", "може", "can", "really", "even"})  # fmt: skip
_WHOLE_FORMS = frozenset({"весь", "вся", "всего", "всей", "всему", "всём", "всю", "увесь", "ввесь",
                          "уся", "всього", "усього", "всієї", "усієї", "всій", "усій",
                          "всьому", "усьому", "усю"})  # fmt: skip
_ALL_FORMS = frozenset({"все", "всё", "всем", "всех", "всеми", "всі", "усі", "всім", "всіх",
                        "усіх", "всіма"})  # fmt: skip
_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct"})
_GENDERS = frozenset({"masc", "femn", "neut"})
_CANNOT = [["может"], ["могут"], ["можем"], ["може"], ["можуть"], ["можемо"]]
# "not able" said as a state: "не в состоянии", "не в змозі", "не в силах"
_ABLE_STATE = frozenset({"состоянии", "змозі", "силах", "силі"})
_COUNT_WORDS = frozenset({"have", "has", "had", "about", "over", "all", "the", "our", "with",
                          "than", "around", "nearly", "almost", "some", "and", "are", "were",
                          "any", "those", "these", "for", "least", "like"})  # fmt: skip
_GROUP_VERBS = [["has"], ["have"], ["is"], ["are"], ["can"], ["can't"], ["cannot"], ["lost"],
                ["isn't"], ["doesn't"], ["hasn't"], ["went"]]  # fmt: skip
_FEW = frozenset({"один", "одна", "одно", "два", "две", "оба", "обе", "полтора", "дві",
                  "обидва", "обидві", "півтора"})  # fmt: skip
_ME = frozenset({"меня", "мене", "мне", "мені", "me"})
_FOR = frozenset({"for", "для"})
_ONE = frozenset({"one", "один", "одна", "одно", "одного", "одной", "одній", "одну", "одном",
                  "одним", "одному", "одною"})  # fmt: skip
_ABLE = frozenset({"can", "could", "is", "are", "gets", "get", "has", "have", "works", "work"})
# … labels too: they sit in a queue as print jobs do ("the labels for the sale sit in the queue")
_PRINT = ("печат", "друк", "print", "документ", "задани", "job", "файл", "file", "этикет",
          "етикет", "label")  # fmt: skip
_PREPOSITIONS = frozenset({"в", "во", "на", "у", "из", "із", "з", "с", "со", "по", "к", "до",
                           "для", "от", "від", "при", "in", "at", "on", "from", "to", "for",
                           "of", "by"})  # fmt: skip


# The keys of one keyboard in English, as written ("none of the keys work"; not "key card").
_KEYS_PRESSED_EN = frozenset({"keys", "buttons"})
# Words of place or of standing in for a thing that take the genitive: "вместо кассы", "біля
# каси" (one till, however its genitive reads).
_INSTEAD_OR_BESIDE = frozenset({"вместо", "замість", "возле", "около", "біля", "коло"})


# People in English, as written: their stems are shared with things ("accounts" and
# "accountants", "operations" and "operators", "management" and "managers").
_PEOPLE_EN = ("users people staff employees colleagues coworkers agents operators cashiers nurses "
              "doctors drivers clerks managers accountants teachers students guests visitors "
              "customers clients patients callers members")  # fmt: skip
# … and the staff named by their work, which English has no dictionary to tell from things:
# "every recruiter", "all six dispatchers", "none of the packers" (as "усі диспетчери" are
# people to the dictionary); forms only, their stems are verbs ("recruit", "dispatch")
_WORKERS_EN = ("workers staffers technicians engineers dispatchers recruiters packers pickers "
               "loaders sorters tellers bankers brokers bookkeepers receptionists secretaries "
               "assistants administrators admins coordinators supervisors foremen planners "
               "schedulers pharmacists dentists surgeons paramedics medics midwives carers "
               "caregivers therapists radiographers chemists technologists scientists "
               "researchers analysts developers programmers designers editors reporters "
               "journalists lawyers paralegals solicitors notaries consultants advisers advisors "
               "instructors trainers tutors lecturers professors trainees interns "
               "volunteers waiters waitresses bartenders baristas chefs cooks cleaners "
               "housekeepers porters guards wardens rangers lifeguards stewards attendants "
               "pilots officers salespeople salesmen sellers stylists hairdressers "
               "barbers coaches referees timekeepers surveyors "
               "electricians mechanics fitters welders machinists labourers laborers "
               "warehousemen storekeepers stockers librarians archivists "
               "translators interpreters")  # fmt: skip
_PEOPLE_FORMS = frozenset(_PEOPLE_EN.split()) | frozenset(_WORKERS_EN.split())


@dataclass(frozen=True)
class _Vocabulary:
    """Concept words as lemma keys, built once (pymorphy loads lazily)."""

    not_a_stop: frozenset[str]
    stop_verbs: frozenset[str]
    lacking: frozenset[str]
    lacking_en: frozenset[str]
    not_lacked: frozenset[str]
    many: frozenset[str]
    every: frozenset[str]
    groups: frozenset[str]
    people: frozenset[str]
    shared_devices: frozenset[str]
    stake: frozenset[str]
    plural_stake: frozenset[str]
    kept: frozenset[str]
    not_people: frozenset[str]
    deadline: frozenset[str]
    queue: frozenset[str]
    near: frozenset[str]
    whole: frozenset[str]
    not_a_unit: frozenset[str]
    numbers: frozenset[str]
    obliged: frozenset[str]
    collapse: frozenset[str]
    tried_in_turn: frozenset[str]
    waiting: frozenset[str]
    standing: frozenset[str]
    public: frozenset[str]
    visitors: frozenset[str]
    show_verbs: frozenset[str]
    errors: frozenset[str]
    event_verbs: frozenset[str]
    one_machine_sees: frozenset[str]
    vehicles: frozenset[str]
    held: frozenset[str]
    screens: frozenset[str]
    goods: frozenset[str]
    spoil: frozenset[str]
    arriving: frozenset[str]
    outlets: frozenset[str]
    containers: frozenset[str]
    departing: frozenset[str]
    leaving: frozenset[str]
    windows: frozenset[str]
    counters: frozenset[str]
    serving: frozenset[str]
    closing: frozenset[str]
    mail: frozenset[str]
    helpers: frozenset[str]
    bodies: frozenset[str]
    couriers: frozenset[str]
    collecting: frozenset[str]
    entrances: frozenset[str]
    rooms: frozenset[str]
    wages: frozenset[str]


@cache
def _vocabulary() -> _Vocabulary:
    ru, uk, en = "ru", "uk", "en"
    return _Vocabulary(
        # "не знаю", "не помогло" say nothing about work stopping.
        not_a_stop=_keys("знать помнить понимать понять хотеть думать помочь помогать "
                         "получиться подсказать видно", ru)
        | _keys("знати пам'ятати розуміти зрозуміти хотіти думати допомогти допомагати "
                "вийти підказати", uk)
        | _keys("know remember understand want think help sure mind", en),
        stop_verbs=_keys("стоять встать упасть лежать лечь погаснуть гаснуть зависнуть "
                         "пропасть отвалиться сломаться умереть сдохнуть отключиться слететь "
                         "вылетать вылететь накрыться отказать остановиться простаивать "
                         "закрываться закрыться перестать переставать "
                         # a till that hangs: "касса висит", "каса висне"
                         "висеть виснуть "
                         # a device that gives nothing: "принтер с утра молчит"
                         "молчать замолчать "
                         # an account locked keeps its user out: "учётку заблокировало"
                         "заблокировать заблокироваться", ru)
        | _keys("стояти впасти лягти лежати згаснути погаснути зависнути зависати "
                "перестати переставати мовчати замовкнути "
                "злетіти зникнути відвалитися зламатися вилітати вилетіти відключитися здохнути "
                "зупинитися простоювати пропасти пропадати зникати закриватися закритися "
                "висіти виснути "
                "заблокувати заблокуватися", uk)
        | _keys("stop stopped down dead died frozen froze freeze crash crashed crashing fail "
                "failed "
                "unreachable "
                "failing lost blank dark offline standstill closes shuts bounce bounces jammed "
                "bounced bouncing reject rejects rejected undeliverable", en)
        | _keys("отклонять отклоняться", ru) | _keys("відхиляти відхилятися", uk)
        # what the screen says is out of reach: "сервер недоступен", "host unreachable"
        | _keys("недоступный", ru) | _keys("недоступний", uk),
        # "нет связи", "без інтернету", "no orders": work stopped for want of it.
        lacking=_keys("нет нету без", ru) | _keys("немає нема без", uk),
        # English has no noun tags here: "no" stops work only before what work needs.
        lacking_en=_keys("order orders signal connection network internet sound power calls sale "
                         "sales payments access picture display image service wifi light "
                         "dial tone", en),
        not_lacked=_keys("ошибка сообщение проблема", ru) | _keys("помилка повідомлення "
                                                                  "проблема", uk),
        many=_keys("никто никого никому многие", ru) | _keys("ніхто нікого", uk)
        | _keys("nobody none everyone everybody", en),  # not "noone": its stem is "noon"
        # quantifiers that count only before people, a group or shared devices
        every=_keys("весь все всё целый каждый несколько половина много", ru)
        | _keys("весь ввесь всі усі увесь цілий кожен кожний кілька декілька половина багато "
                "жоден жодний", uk)
        | _keys("all every whole entire half many several multiple", en),
        groups=_keys("отдел офис этаж филиал команда бухгалтерия склад магазин зал компания "
                     "колл-центр смена цех отделение регистратура департамент подразделение "
                     "клиника школа зона", ru)
        | _keys("відділ офіс поверх філія команда бухгалтерія склад магазин зал компанія "
                "колл-центр зміна цех відділення реєстратура департамент підрозділ клініка "
                "школа зона", uk)
        | _keys("department office floor branch team store shop site warehouse shift building "
                "company clinic ward desk", en),
        people=_keys(_PEOPLE_EN, en)
        | _keys("человек люди сотрудник пользователь коллега", ru)
        | _keys("людина люди співробітник користувач колега", uk),
        shared_devices=_keys("касса терминал сканер тсд табло компьютер пк принтер телефон "
                             "ноутбук планшет", ru)
        | _keys("каса термінал сканер тсд табло комп'ютер пк принтер телефон ноутбук планшет",
                uk)
        | _keys("tills registers terminals scanners kiosks computers pcs machines printers "
                "phones screens laptops tablets workstations copier copiers mfp scanner printer "
                "checkout checkouts desktop desktops",
                en),
        stake=_keys("оплата оплатить платеж платить чек продажа выручка покупатель "
                    "отгрузка отгружать отгрузить погрузка доставка поставка зарплата выплата "
                    "штраф очередь талон пациент фура водитель гость пассажир посетитель "
                    "зритель слушатель больной", ru)
        | _keys("оплата оплатити платіж платити чек продаж виручка покупець "
                "відвантаження відвантажити доставка поставка зарплата виплата "
                "штраф черга талон пацієнт фура водій гість пасажир відвідувач глядач "
                "слухач хворий", uk)
        | _keys("payment pay paying checkout receipt sale revenue shipment "
                "shipping delivery invoice invoicing billing payroll salary wages penalty "
                "queue patient patients appointment truck driver guests passengers visitors "
                "audience", en),
        # … of them, the people (and their queue, their vehicles) kept waiting by a stop
        kept=_keys("покупатель очередь талон пациент фура водитель гость пассажир посетитель "
                   "зритель слушатель больной клиент", ru)
        | _keys("покупець черга талон пацієнт фура водій гість пасажир відвідувач глядач "
                "слухач хворий клієнт", uk)
        | _keys("queue patient patients truck driver guests passengers visitors audience "
                "customers clients", en),
        # customers count when they are many: "клиенты уходят", not "почтовый клиент".
        # customers and orders count when they are many: "клиенты уходят", "заказов нет",
        # not "почтовый клиент" or "заказ картриджа"
        # animate to the dictionary, but not people
        not_people=_keys("наушник робот бот вирус динамик", ru) | _keys("навушник робот бот "
                                                                      "вірус", uk),
        plural_stake=_keys("клиент заказ", ru) | _keys("клієнт замовлення", uk)
        | _keys("customers clients orders", en),
        # handing something in: a report alone is no deadline ("вылетает при отчёте")
        deadline=_keys("сдать сдавать подать подавать сдача подача дедлайн срок закрытие", ru)
        | _keys("здати здавати подати подавати здача подання дедлайн термін закриття", uk)
        | _keys("submit submission due deadline close closes closing", en),
        queue=_keys("очередь", ru) | _keys("черга", uk) | _keys("queue", en),
        near=_keys("сегодня завтра", ru) | _keys("сьогодні завтра", uk)
        | _keys("today tonight tomorrow eod", en),
        # "весь комп'ютерний клас", "вся стоматологія", "the whole lab": a unit stopped as one
        whole=_keys("весь целый", ru) | _keys("весь увесь ввесь цілий", uk)
        | _keys("whole entire", en),
        # … but a whole day, a whole screen or a whole file is no unit of people
        not_a_unit=_keys("день утро вечер ночь неделя месяц год час время раз экран текст "
                         "файл документ список лист диск отчёт", ru)
        | _keys("день ранок вечір ніч тиждень місяць рік година час раз екран текст файл "
                "документ список аркуш диск звіт", uk)
        | _keys("day morning afternoon evening night week weekend month year hour time screen "
                "text file document list sheet disk report thing inbox mailbox", en),
        numbers=_keys("три четыре пять шесть семь восемь девять десять", ru)
        | _keys("три чотири п'ять шість сім вісім дев'ять десять", uk)
        | _keys("three four five six seven eight nine ten dozen", en),
        # an obligation before a near time is a deadline: "has to reach the bank by 3pm"
        # … and so is an event at that time: "a client demo in 30 minutes", "о 12:00 екзамен"
        obliged=_keys("надо нужно должен обязан экзамен презентация демо заседание лекция урок "
                      "эфир вебинар защита аудит ревизия инспекция тендер сделка", ru)
        | _keys("треба потрібно мусити повинен екзамен презентація демо засідання лекція урок "
                "ефір вебінар захист аудит ревізія інспекція тендер угода", uk)
        | _keys("must exam presentation demo lecture broadcast webinar pitch live air launch "
                "premiere kickoff audit inspection tender deal surgery", en)
        # a patient on the table: "операция через 20 минут", "surgery in 20 minutes"
        | _keys("операция", ru) | _keys("операція", uk)
        | _keys("запуск релиз премьера", ru) | _keys("запуск реліз прем'єра", uk)
        # a ceremony held then: "церемония в 12:00", "прощання о 14:00", "the funeral at 2"
        | _keys("церемония похороны прощание венчание свадьба выпускной", ru)
        | _keys("церемонія похорон прощання вінчання весілля випускний", uk)
        | _keys("ceremony funeral wedding graduation memorial", en)
        # a stream, an interview or a print run held then: "через 40 минут трансляция", "15
        # interviews booked this afternoon", "через час отправляем в печать тираж"
        | _keys("трансляция стрим собеседование интервью тираж", ru)
        | _keys("трансляція стрим співбесіда інтерв'ю наклад тираж", uk)
        | _keys("stream livestream interview interviews", en)
        # … or anything that starts then: "the print run starts in an hour", "начинается в 9"
        | _keys("начинаться начаться стартовать", ru) | _keys("починатися початися", uk)
        | _keys("starts begins start begin", en),
        # what everything does at once in an outage: "всё упало", "усе лягло", "all down";
        # not "всё зависло", which is one slow machine as often as not
        collapse=_keys("упасть лечь рухнуть накрыться грохнуться обвалиться отвалиться "
                       "вырубиться", ru)
        | _keys("впасти лягти гепнутися накритися обвалитися відвалитися вирубитися", uk)
        | _keys("down crashed collapsed", en),
        # what one user tries in turn: "ни в одном браузере", "in none of the apps"; so are
        # the keys of one keyboard ("ни одна клавиша не нажимается", "жодна кнопка", "none of
        # the keys work": one dead keyboard, not many stopped), and the sticks and chats one
        # user opens ("ни на одной флешке", "в жодному чаті")
        tried_in_turn=_keys("сайт браузер программа приложение вкладка файл документ папка "
                            "письмо страница режим вариант способ клавиша кнопка флешка чат",
                            ru)
        | _keys("сайт браузер програма застосунок вкладка файл документ папка лист сторінка "
                "режим варіант спосіб клавіша кнопка флешка чат", uk)
        | _keys("site website browser app application program tab file document folder email "
                "page mode way step steps suggestion suggestions tip tips link links article "
                "articles fix fixes option options solution solutions attempt attempts try "
                "tries", en),
        # what one machine shows, finds or holds: "не бачить жодної мережі", "жодних помилок не
        # видає", "жодного аркуша всередині нема"
        one_machine_sees=_keys("ошибка сообщение проблема сеть сигнал лист страница окно", ru)
        | _keys("помилка повідомлення проблема мережа сигнал аркуш сторінка вікно", uk)
        | _keys("error message problem network signal sheet page window", en),
        # people kept waiting at a counter: "клиент ждёт", "тридцять дітей чекають",
        # "a client sitting at my desk waiting to sign", "trucks are queuing at the dock"
        waiting=_keys("ждать ожидать дожидаться ожидание", ru)
        | _keys("чекати очікувати очікування", uk)
        | _keys("wait waits waiting queue queuing queueing", en),
        # … and the public standing or sitting there: "люди стоять з папірцями"
        standing=_keys("стоять сидеть толпиться", ru) | _keys("стояти сидіти юрмитися", uk)
        | _keys("standing sitting stand sit", en),
        # … auditors and inspectors too: "а аудитори вже сидять у нас"
        public=_keys("люди народ посетитель клиент покупатель пациент больной аудитор ревизор "
                     "инспектор родитель родственник хозяин владелец семья", ru)
        | _keys("люди народ відвідувач клієнт покупець пацієнт хворий аудитор ревізор "
                "інспектор батьки родичі родич власник господар сім'я", uk)
        | _keys("people customers clients patients visitors guests folks customer client "
                "patient guest visitor auditor auditors inspector inspectors parents relatives "
                "families owners", en),
        # who comes as a group or a booking, besides the public: "a birthday party of 40 kids
        # arriving at 3", "група школярів приїде о 10", "экскурсия придёт в 12"
        visitors=_keys("дети ребенок школьник группа экскурсия класс делегация туристы", ru)
        | _keys("діти дитина школяр група екскурсія клас делегація туристи", uk)
        | _keys("kids children pupils party group class tour delegation tourists", en),
        # what an event does at its time: "рейс вылетает через час", "the show opens at 7"
        # (not "вылетает", "закрывается", "opens": a program does those every minute)
        # a screen that shows an error: "the site shows NET::ERR_CERT…", "1С пише помилку"
        show_verbs=_keys("писать выдавать выдать показывать показать выводить", ru)
        | _keys("писати видавати видати показувати показати виводити", uk)
        | _keys("shows says displays throws gives returns", en),
        # … and a refusal the screen says: "'Access is denied'", "доступ запрещён", "відмовлено"
        errors=_keys("ошибка запретить отказать", ru) | _keys("помилка заборонити відмовити", uk)
        | _keys("error errors denied", en),
        # a vehicle held up by it: "молоковоз стоит на весовой", "вантажівка чекає біля
        # воріт", "the tanker is standing idle" (goods and a driver waiting)
        vehicles=_keys("фура грузовик молоковоз бензовоз автобус автомобиль цистерна вагон "
                       "машина автовоз рефрижератор трамвай троллейбус маршрутка", ru)
        | _keys("фура вантажівка молоковоз бензовоз автобус автомобіль цистерна вагон машина "
                "рефрижератор трамвай тролейбус маршрутка", uk)
        | _keys("truck trucks lorry lorries tanker tankers van vans bus buses vehicle vehicles "
                "trailer trailers cars tram trams trolleybus trolleybuses", en),
        held=_keys("стоять простаивать ждать", ru) | _keys("стояти простоювати чекати", uk)
        | _keys("standing idle idling waiting stuck queuing queueing", en)
        # "cars are backing up at the exit", "the trucks are piling up"
        | frozenset({"backing", "piling"}),
        # screens counted by "all": "погасли все мониторы" (one user says "оба монитора")
        screens=_keys("монитор экран дисплей табло", ru) | _keys("монітор екран дисплей табло", uk)
        | _keys("monitors displays screens", en),
        # goods that spoil while it stands: "товар на рампе тает", "молоко греется"
        # … and what lives or rises: "растения сохнут", "тесто перестаивает", "the seedlings
        # are drying out", "the chicks are getting cold"
        goods=_keys("товар продукция продукт молоко мясо рыба груз вакцина заморозка растение "
                    "рассада урожай тесто цыплёнок животное", ru)
        | _keys("товар продукція продукт молоко м'ясо риба вантаж вакцина рослина розсада "
                "урожай тісто курча тварина", uk)
        | _keys("goods stock products produce food milk meat fish cargo vaccines plants "
                "seedlings crop crops dough chicks animals", en),
        spoil=_keys("таять растаять портиться испортиться пропадать пропасть греться нагреться "
                    "течь сохнуть засохнуть засыхать погибать погибнуть гибнуть мёрзнуть "
                    "замерзать перестаивать перестоять", ru)
        | _keys("танути розтанути псуватися зіпсуватися пропадати пропасти грітися нагрітися "
                "сохнути засохнути засихати гинути загинути мерзнути замерзати перестоювати "
                "перестояти", uk)
        | _keys("spoil spoils spoiling spoiled melting melts thawing thaws warming drying "
                "dying freezing overproofing wilting", en),
        # a client coming at a near time: "клієнт приїде підписувати о 15:00"
        # … or comes to collect what is being done for them: "a client collects the theses at
        # 3pm", "клиент заберёт заказ в 15:00", "клієнт забирає о 16"
        arriving=_keys("приехать прийти подойти приходить приезжать подходить забрать забирать",
                       ru)
        | _keys("приїхати прийти підійти приходити приїжджати підходити забрати забирати", uk)
        | _keys("arrive arrives arriving coming comes collect collects collecting", en),
        # places of one network counted by "all": "на всех точках", "at every station"
        outlets=_keys("точка пункт станция касса стойка", ru)
        | _keys("точка пункт станція каса стійка", uk)
        | _keys("station stations location locations outlet outlets point points counter "
                "counters booth booths", en),
        # what holds or shows a list of things: "таблиця з клієнтами", "программа электронной
        # очереди", "шаблон напоминания": a stake word after one says what it is about
        containers=_keys("таблица папка файл отчет программа список документ шаблон база "
                         "реестр журнал выгрузка приложение справочник", ru)
        | _keys("таблиця папка файл звіт програма список документ шаблон база реєстр журнал "
                "вивантаження застосунок довідник", uk),
        event_verbs=_keys("начинаться начаться стартовать отправляться приехать прийти", ru)
        | _keys("починатися початися відправлятися приїхати прийти", uk)
        | _keys("starts begins leaves departs boards sails is are", en),
        # people who go away unserved: "покупатели уходят", "клієнти йдуть до конкурентів"
        leaving=_keys("уходить уйти разворачиваться развернуться ругаться возмущаться "
                      "жаловаться нервничать", ru)
        | _keys("йти піти іти розвертатися розвернутися сваритися обурюватися скаржитися "
                "нервувати", uk),
        # what a ship, a flight or a coach does at its time: "за пів години відлітає чартер"
        departing=_keys("вылетать вылететь отлетать улетать отходить отойти отплывать "
                        "отчаливать прибывать прибыть приезжать уезжать отъезжать", ru)
        | _keys("вилітати вилетіти відлітати відлетіти відходити відійти відпливати "
                "прибувати прибути приїжджати від'їжджати", uk),
        # a window is a service counter when it serves: "ни одно окно не может принять
        # посылку", "жодне вікно не приймає документи"; a program's window opens and hangs
        windows=_keys("окно", ru) | _keys("вікно", uk) | _keys("window windows", en),
        # … or a counter or a desk that serves them: "біля прилавка", "у стойки выдачи"
        counters=_keys("прилавок стойка окошко", ru) | _keys("прилавок стійка віконце", uk)
        | _keys("counter counters", en),
        serving=_keys("мочь принимать принять обслуживать обслужить выдавать выдать оформлять "
                      "оформить проводить провести продавать продать пробивать пробить "
                      "работать", ru)
        | _keys("могти приймати прийняти обслуговувати обслужити видавати видати оформлювати "
                "оформити проводити провести продавати продати пробивати пробити працювати",
                uk)
        | _keys("can can't cannot accept take serve issue process sell work", en),
        # what closes is a deadline itself: "закрывается подача", "the tender closes at 6"
        closing=_keys("закрываться закрыться истекать истечь", ru)
        | _keys("закриватися закритися зачинятися зачинитися спливати спливти", uk)
        | _keys("closes close closing expires", en),
        # mail, whose addressee is no one kept waiting ("письма клиентам")
        mail=_keys("письмо сообщение рассылка почта", ru)
        | _keys("лист повідомлення розсилка пошта", uk)
        | _keys("email emails mail mails message messages newsletter newsletters", en),
        # the desk's own people, whose coming is help on its way: "мастер придёт в 14:00"
        helpers=_keys("техник мастер админ администратор айтишник сисадмин специалист инженер "
                      "программист", ru)
        | _keys("технік майстер адмін адміністратор айтішник сисадмін спеціаліст фахівець "
                "інженер програміст", uk)
        | _keys("technician tech engineer admin", en),
        # a body that sits or meets at its time: "the shale mine board meets at 10", "правление
        # собирается в 11", "комісія засідає о 12"
        bodies=_keys("правление комиссия жюри коллегия", ru)
        | _keys("правління комісія журі колегія", uk)
        | _keys("board committee council jury commission shareholders trustees", en),
        # who comes to collect what is sent: "о 14:00 кур'єр забирає 60 посилок", "the courier
        # picks up at 3" (not one who brings: "курьер привезёт картридж")
        couriers=_keys("курьер", ru) | _keys("кур'єр", uk) | _keys("courier couriers", en),
        collecting=_keys("забрать забирать", ru) | _keys("забрати забирати", uk)
        | _keys("collect collects collecting pick picks picking", en),
        # where someone from outside waits to be let go: "катафалк уже ждёт у входа", "водій
        # чекає біля воріт", "the courier is waiting outside" (not a print job in a queue)
        entrances=_keys("вход дверь ворота подъезд крыльцо улица проходная шлагбаум", ru)
        | _keys("вхід двері ворота під'їзд ґанок вулиця прохідна шлагбаум", uk)
        | _keys("door doors gate gates entrance outside downstairs lobby kerb curb", en),
        # a room people gather in, whose count is its size ("в зале на 40 людей"); the
        # workplaces among the groups employ those counted ("в офисе на 15 сотрудников")
        rooms=_keys("зал", ru) | _keys("зал", uk) | _keys("hall", en),
        # what people are paid: left without it they are what is at stake, not stopped ("люди
        # без зарплаты на праздники", "60 staff won't get paid on time")
        wages=_keys("зарплата зарплатка выплата получка аванс премия деньги", ru)
        | _keys("зарплата зарплатня виплата аванс премія гроші", uk)
        | _keys("pay paid salary salaries wages paycheck paychecks money", en),
    )  # fmt: skip


# Only the writer is stopped, whoever else is named: "у меня одной", "тільки в мене",
# "only mine", "works for everyone else", "у коллег всё нормально".
_ONLY_ME = re.compile(
    r"(?:только|лишь|тільки|лише)\s+(?:у|в)\s+(?:меня|мене)|(?:у|в)\s+(?:меня|мене)\s+"
    r"(?:одн(?:ой|ого|ієї|ого)|одн\w+)|(?:у|в)\s+(?:остальных|других|коллег|решти|інших|колег)"
    # … or the rest of the place: "в других отделах всё работает", "в інших кабінетах працює"
    # (a few machines in one room are that room's fault, not many stopped)
    r"(?:\s+(?!все\b|всё\b|усе\b)\w+)?"
    r"\s+(?:все\s+|всё\s+|усе\s+)?(?:работает|нормально|ок|працює|гаразд)|"
    r"\b(?:in|on|at)\s+(?:the\s+)?other\s+\w+\s+(?:everything\s+|it\s+)?"
    r"(?:works|is fine|is ok|is working)|"
    # "у всіх інших друкує", "у всех остальных печатает": the others' machines do the work
    r"(?:у|в)\s+(?:всех|всіх|усіх)\s+(?:остальных|других|інших|решти)\s+(?:все\s+|всё\s+|усе\s+)?"
    r"(?:\w+(?:ает|яет|ит|ет|ёт|ется|ится|ує|ює|ить|ать|ять)|нормально|ок|гаразд)\b|"
    r"\b(?:everyone|everybody|the others|others)\s+else\s+(?:can|could)\s+\w+|"
    # "у соседа есть", "у соседей всё работает": someone else has what the writer lacks
    # … also with where they sit between: "у коллег в соседнем кабинете есть", "у сусідів
    # усе працює"
    r"\b(?:у|в)\s+(?!меня|мене|нас|всех|всіх)\w+(?:\s+(?:в|у|на)\s+\w+(?:\s+\w+)?)?\s+"
    r"(?:все\s+|всё\s+|усе\s+)?(?:есть|є|работает|працює)\b|"
    # … or the other devices or places work: "інші каси працюють", "другие кассы работают"
    r"\b(?:другие|остальные|інші|решта)\s+(?:\w+\s+)?(?:все\s+|всё\s+|усі\s+)?(?:работают|"
    r"працюють|в порядке|в нормі)\b|"
    # … or nobody else has it: "none of my colleagues have this problem, only I can't
    # print", "ни у кого из коллег такой проблемы нет", "тільки я не можу друкувати"
    r"\b(?:nobody|no one|none of (?:my|the) \w+)\s+(?:else\s+)?(?:has|have|is having|are having)"
    r"\s+(?:this|the same|that|such an?|any such)\s+(?:problem|issue)|"
    r"\bonly i\b|(?:только|лишь|тільки|лише)\s+я\b|"
    r"(?:ни у кого|ні в кого|ні у кого)\s+(?:\w+\s+){0,2}?(?:больше\s+|більше\s+)?(?:такой\s+"
    r"проблемы|такого|такої проблеми)\s+(?:нет|немає|нема)\b|"
    r"\b(?:only|just)\s+(?:me|mine|my|on my|for me)\b|кроме меня|крім мене|"
    # "nobody can hear me", "никто меня не слышит": the others report the writer's fault
    r"\b(?:nobody|no one|никто|ніхто)\s+(?:\S+\s+){0,3}?(?:me|меня|мене)\b|"
    r"\bexcept (?:me|mine|for me|for mine)\b|"
    r"\b(?:works|working|is fine|are fine|fine)\s+for\s+(?:everyone|everybody|all)\s+else|"
    r"\b(?:everyone|everybody|the others|others)\s+(?:else\s+)?(?:is|are|can|works?)\s+"
    r"(?:fine|ok|okay|working)"
)


# How many are stopped is read here once, for priority and impact alike (session 17: it
# was read twice, by these phrases in priority and by `_many` below, so one rule, "на 40
# людей", had to be written in both). The phrases say it whole ("у всех", "весь офис",
# "работа стоит", "упал сервер"); `_many` reads who is counted as the subject of a stop.
MANY_STOPPED = PhraseSet([
    r"(не работает|не работают|упал\w*|лежит|недоступ\w*) у (всех|всего \w+|всей \w+)",
    r"у всех", r"у всіх", r"весь (офис|отдел|офіс|відділ|филиал|філіал)",
    r"(вся|весь|все) [\w-]+ (стоит|стоят|стоять|встала|встал|стала|став)"
    # … not kept waiting at a window, a door or in a queue: "вся смена стоит у окна"
    r"(?! (у|біля|возле|около|перед|в|под|під) (окн|вікн|вход|вхід|двер|ворот|очеред|черз))",
    # … the team's work, not the writer's own: "вся моя робота стоїть" is one person
    r"(?<!моя )(?<!мою )работа стоит", r"все стоит", r"никто не (может|могут) \w+",
    r"ніхто не може \w*",
    r"(?<!моя )робота стоїть", r"все стоїть",
    r"(?<!моя )(работа|робота) (остановилась|встала|зупинилась|стала)",
    r"у (всего|всей|всього|всієї) (офиса|отдела|офісу|відділу|бухгалтерии|бухгалтерії)",
    r"(упал|лежит|сдох) сервер\w*", r"сервер\w* (упал|лежит)",
    r"(впав|ліг|лежить) сервер\w*", r"сервер\w* (впав|ліг|лежить)",
    # a production line, a conveyor or a shop floor stopped stops everyone on it: "линия
    # розлива стоит", "стоїть весь конвеєр", "the bottling line is down"
    r"(линия|лінія|конвейер|конвеєр|цех|производство|виробництво)( \w+){0,2} (стоит|стоїть|"
    r"встала|встал|стала|став|остановил\w*|зупинил\w*)"
    # … not how a line is drawn: "линия таблицы стоит криво"
    r"(?! (криво|косо|ровно|рівно|неправильно|не так|не там|не на месте|не на місці))",
    r"(стоит|стоїть|встала|встал|стала|став) (вся |весь |наша |наш )?(линия|лінія|конвейер|"
    r"конвеєр|цех|производство|виробництво)",
    # … whatever it makes ("the dough line at our bakery stopped"); not a phone, power or
    # data line, nor a line of text
    r"\b(?!(?:phone|telephone|land|hot|help|command|subject|power|dsl|fibre|fiber|leased|queue|"
    r"voip|isdn|data|internet|broadband|the|a|an|this|that|each|one|first|last|next|top|bottom|"
    r"front|time|tab|status|grid|dotted|red|blue|new|whole|signature|order|bus|tram|metro|"
    r"subway|train|credit|product|with|of|and|or|some|few|many|two|three|white|black|grey|gray|"
    r"vertical|horizontal|thin|thick|faint|dark|light|\d+)\b)[a-z]+ (line|belt|conveyor)s?"
    r"( (at|in) (the |our )?\w+)? (is |are |has |have |just |suddenly )*(down|stopped|at a "
    r"standstill|not moving)(?! (the|a|an|my|our|its|this|that|each|every|one|both|through|to|"
    r"into|along|across|over|on|in|at)\b)",
    # a whole unit idle, or nobody served: "весь ресепшн сидит без дела", "сидимо без роботи",
    # "никого не можем оформить", "не можемо обслужити жодного клієнта", "we can't check
    # anyone in", "we can't serve anyone"
    r"(вся|весь|все|уся|увесь) [\w-]+ (сидит|сидят|сидить|сидять)( \w+)? без (дела|работы|діла|"
    r"роботи)", r"(сидим|сидимо) без (дела|работы|діла|роботи)",
    r"(никого|нікого) не (можем|можемо|получается|виходить) \w+",
    r"не (можем|можемо) (\w+ )?(никого|нікого|ни одного (клиента|пациента|покупателя|гостя|"
    r"посетителя)|жодного (клієнта|пацієнта|покупця|гостя|відвідувача))",
    r"(?<!\bi )(?<!\bi'm )(?<!\bi am )(can'?t|cannot|unable to|not able to) (\w+ ){1,2}"
    r"(anyone|anybody|"
    r"any (customers|clients|patients|guests|visitors)|a single (customer|client|patient|guest|"
    r"visitor))",
    # … or a system that lets nobody in: "won't let anyone log in", "никого не пускает"
    r"(won'?t|doesn'?t|does not|will not|didn'?t) let (anyone|anybody|any of us)",
    r"(никого|нікого) не (впуска\w*|пуска\w*)",
    # what the place does stands: "полёты стоят", "рейсы стоят", "прийом зупинився", "all
    # flights are grounded"
    r"(полеты|рейсы|вылеты|поезда|продажи|приемка|прием|польоти|рейси|вильоти|потяги|продажі|"
    r"приймання|прийом)( \w+)? (стоят|стоит|встали|встал|остановил\w*|стоять|стоїть|стали|"
    r"став|зупинил\w*)", r"(flights|departures|sales|trains) (are |have been )?(all )?(grounded|"
    r"on hold|halted|stopped)",
    # the team back on paper for want of the system: "работаем на бумаге", "пишемо все від
    # руки", "the whole ward is on paper now", "we're writing everything by hand"
    r"(работаем|пишем|ведем|оформляем|принимаем|записываем|считаем|перешли)( \w+){0,2} "
    r"(на бумаг\w*|вручную|от руки|на листочк\w*)",
    r"(працюємо|пишемо|ведемо|оформлюємо|приймаємо|записуємо|рахуємо|перейшли)( \w+){0,2} "
    r"(на папер\w*|вручну|від руки|на листочк\w*)",
    r"(we'?re|we are|we'?ve gone|we have gone|everyone is|everybody is|we'?re all|we are all)"
    r"( \w+){0,2} (on paper|by hand|back to paper|on pen and paper|to pen and paper)",
    r"(we'?re|we are|everyone is)( \w+){0,2} (writing|doing|taking|recording)( \w+){0,2} by hand",
    r"everyone", r"everybody", r"nobody can \w+", r"no one can \w+",
    r"(whole|entire) (office|team|department|floor)", r"all users",
    r"servers? (is |are )?down", r"work (has )?stopped",
])  # fmt: skip

_TRIED_IN_TURN = (
    r"(?:браузер|програм|приложени|застосунк|вкладк|файл|документ|папк|письм|лист|"
    r"страниц|сторінк|сайт|режим|вариант|варіант)"
)

# Many people or many machines: "all tills", "у 15 человек", "каси" ("ни одна касса", "жоден
# термінал" are read in `impact`, which tells a till from a document).
MANY = PhraseSet([
    r"все (\w+ )?(компьютер|компы|пк|кассы|терминалы|принтеры|сотрудники|пользователи)\w*",
    r"всі (\w+ )?(комп'ютери|компи|каси|термінали|принтери|співробітники|користувачі)\w*",
    # … not what one user tries in turn: "во всех браузерах", "в усіх програмах"
    r"(у|на) (всех|всіх) (?!" + _TRIED_IN_TURN + r")\w+", r"во всех(?! " + _TRIED_IN_TURN + ")",
    r"в усіх(?! " + _TRIED_IN_TURN + ")", r"по всему \w+", r"по всьому \w+",
    r"(кассы|каси|терминалы|термінали|банкоматы|банкомати) (в|у|на|во|по) \w+",
    # our people counted; clients, calls or orders counted are at stake, not stopped
    r"(кассы|каси|терминалы|термінали) не",
    # … not counted in a queue said before them: "очередь из 15 человек", "черга з 10 людей"
    # … nor the size of an event or a booking: "корпоратив на 40 людей", "банкет на 50 человек"
    r"(?<!очередь из )(?<!очереди из )(?<!черга з )(?<!черга із )(?<!черзі з )(?<!на )"
    r"\d{2,} (человек|людей|сотрудник\w*|пользовател\w*|"
    r"співробітник\w*|користувач\w*|users|people|employees|staff)"
    # … not the public kept waiting ("вже 15 людей сидять у черзі"), a stake read as one
    r"(?! (уже |вже |already )?(сидят|сидять|стоят|стоять|ждут|чекають|в очеред|у черз|"
    # … with the verb agreeing with the group they are counted in: "смена 120 человек стоит"
    r"сидит|стоит|сидить|стоїть|ждет|чекає|"
    r"are waiting|waiting|queu))",
    # both shifts, crews or tills: "обидві зміни не можуть", "both shifts can't"
    r"(обе|оба|обидві|обидва) (смены|зміни|бригады|бригади|команды|команди|кассы|каси|"
    r"филиала|філії|склада|склади)", r"both (shifts|teams|crews|tills|branches|registers)",
    r"all (the |our )?(tills|registers|terminals|"
    r"computers|pcs|machines|printers|users|staff|screens|kiosks)", r"every (till|register|"
    r"terminal|computer|pc|machine|printer|user|screen)",
    # … not a stretch of time or one thing whole: "I've spent the whole morning on this",
    # "the entire screen is frozen" (nor a thing a verb acts on: `all_of_things` marks it)
    r"(whole|entire) (?!(day|morning|afternoon|evening|night|week|weekend|month|year|hour|"
    r"time|screen|display|text|file|document|list|sheet|disk|report|thing|page|message|"
    r"process|lot|inbox|mailbox|folder|desktop|profile|calendar|account)\b)\w+",
])  # fmt: skip

_WAGES = (
    r"(зарплат\w*|выплат\w*|виплат\w*|получк\w*|аванс\w*|прем(ия|ии|ію|ії|ій)|денег|деньги|"
    r"грошей|гроші|pay|salar\w*|wages|paychecks?|money)"
)
# People left unpaid, and the payroll they are on: what is at stake, not many stopped ("60
# staff won't get paid on time", "люди без зарплаты на праздники", "120 прибиральниць сьогодні
# без зарплати", "ведомость на всех сотрудников")
UNPAID = PhraseSet([
    r"(\d+ |all |all the |our |все |всі |усі )?(\w+ )?(people|staff|employees|workers|"
    r"cleaners|drivers|nurses|teachers)( \w+){0,2} (won'?t|will not|don'?t|do not|didn'?t|"
    r"did not|can'?t|cannot) (get|be|receive) (paid|their (pay|salar\w*|wages))",
    r"(\d+ |все |всі |усі )?(\w+ )?[\w'-]+( \w+){0,2} (без|without) " + _WAGES,
    r"(\d+ |все |всі |усі )?(\w+ )?[\w'-]+( \w+){0,2} (не|ні) (получ\w*|отрима\w*|"
    r"дождут\w*|дочекают\w*) (\w+ )?" + _WAGES,
    r"(ведомост\w*|відомост\w*|payroll|" + _WAGES[1:-1] + r")( \w+){0,2} (на|для|for) "
    r"(всех|всіх|усіх|all)( (the|our))?( \w+){1,2}",
])  # fmt: skip

# Work stops: something does not work at all (not slow, not a question).
STOPPED = PhraseSet([
    r"не (\w+ )?(работа\w*|може\w*|могут|пробива\w*|печата\w*|открыва\w*|провод\w*|"
    r"проход\w*|включа\w*|загружа\w*|отправля\w*|принима\w*|запуска\w*|приход\w*|"
    r"працю\w*|можуть|друку\w*|відкрива\w*|вмика\w*|надсила\w*|прийма\w*|надход\w*)",
    r"нет (связи|сети|интернета|заказов|звонков)", r"немає (зв'язку|мережі|інтернету|замовлень)",
    r"(молчит|молчат|замолч\w*|мовчить|мовчать|замовк\w*)",
    r"(упал\w*|лежит|погас\w*|стоит|стоят|встал\w*|зависл\w*|впав|лежить|згас\w*|стоїть|стоять)",
    r"(висит|висят|висять|висить|виснет|висне)(?! (в|у|во) )",
    r"(пропал\w*|отвал\w*|пропав|зник\w*|відвал\w*|lost|dropped|gone)",
    r"(никто|ніхто|nobody|no one)( \w+){0,5} (не )?(може\w*|могут|можуть|can|could)",
    r"can'?t", r"cannot", r"unable", r"won'?t", r"(?<!slow )(?<!slowed )down", r"stopped",
    r"(?<!battery )(?<!nearly )(?<!almost )died",
    r"(went|is) dark",
    # a card terminal that turns every payment away: "keeps declining everything",
    # "отклоняет все карты", "відхиляє всі оплати"
    r"declin\w* (every\w*|all|each|any)", r"(отклоня\w*|відхиля\w*) (все|всі|усі|каждую|кожну)",
    r"no (orders|connection|network|internet|signal)", r"not working", r"doesn'?t work",
    r"(has|have) seen no",
    # what the business sends out is held: "all orders are stuck", "nothing ships today",
    # "заказы зависли", "ничего не отгружается"
    r"(orders|shipments|payments|deliveries|parcels|invoices) (are |have been )?(all )?stuck",
    r"nothing (ships|goes out|gets out|is shipping)",
    r"(заказы|отгрузки|платежи|замовлення|платежі|відвантаження) (\w+ )?(зависли|застряли|"
    r"зависли|стоят|стоять)", r"(ничего|нічого) не (отгружа\w*|відвантажу\w*|отправля\w*|"
    r"відправля\w*)",
])  # fmt: skip


@dataclass(frozen=True)
class Impact:
    """What a message says about the harm: work stopped, many affected, money/deadline at stake."""

    stopped: bool
    many: bool
    at_stake: bool
    # someone kept waiting on it (customers, patients, a queue, a truck at the gate) or its
    # time close ahead (a show in ten minutes, a filing due by 11), not money or goods named
    # alone ("a till's receipt printer", "the labels for the plant sale"): what makes a
    # stake pressing for the one who writes
    pressing: bool = False
    # a time close ahead that something is due by or happens at ("the price list goes to our
    # distributor at 5pm", "the exhibition opens tonight"): a deadline, whoever waits
    due: bool = False


@read_once
def read_impact(reading: MessageReading) -> Impact:
    """Read the three facts from a message. Many is read here alone, for priority too: said
    whole by a phrase, or counted in a clause where work stopped."""
    norm = reading.norm
    # an outage said as over ("вчера у всех падала почта, сегодня всё работает"): its
    # clauses in the past tell what was, not who is stopped now
    over = [
        part
        for clause, _ in reading.clauses
        if not _ONGOING.search(clause)
        for part in _PARTS.split(clause)
        if _over(part, read_words(part, reading.lang))
    ] if _RESTORED.search(norm) else []
    if over:
        for part in over:
            norm = norm.replace(part, " ", 1)
        reading = read_message(norm)
    stopped_any = many_stopped = stake = pressing = timed = False
    # the public standing by is a stop only beside a stop of its own ("на кассах не проходит
    # оплата, люди стоят в очереди" is read as before, many and on the outage); alone it
    # waits on nothing stopped ("принтер печатает бледно, люди стоят в очереди")
    public = any(
        _stops_at(words, i, public=False)
        for _, words in reading.clauses
        for i in range(len(words))
    )
    near = _near_deadline(norm)
    # a queue in a message about printing is the print queue, in whichever clause it is
    printing = any(_printing(w) for w in reading.words)
    for clause, words in reading.clauses:
        if not words:
            continue
        stops = [i for i in range(len(words)) if _stops_at(words, i, public=public)]
        # an error on the screen stops work when a deadline is near: "the bank's website
        # shows NET::ERR_CERT_… and payroll is due by 5pm" (alone, "1С выдаёт ошибку при
        # проведении оплаты" is one user's fault)
        if near and not stops:
            stops = [
                i for i in range(len(words)) if _shows_error(words, i) or _error_named(words, i)
            ]
        stopped_any |= bool(stops)
        # the people of an event ahead are at stake, not stopped: "Туристы вылетают в 19:40",
        # "a group of 30 students arrives tomorrow at 9" (read below as the event); the clause
        # is read for many without it
        held, held_words, held_stops = clause, words, stops
        unheld = _without_events_ahead(clause, reading.lang)
        if unheld != clause:
            held, held_words = unheld, read_words(unheld, reading.lang)
            held_stops = [
                i for i in range(len(held_words)) if _stops_at(held_words, i, public=public)
            ]
        labels = set(_LABEL.findall(held)) | set(_NAMED.findall(held))
        labels |= {w for phrase in _LABEL_PHRASE.findall(held) for w in phrase.split()}
        labels |= _opening_place(held, reading.lang)
        labels |= set(_POSSESSIVE.findall(held))
        many_stopped |= bool(held_stops) and _many(
            held_words,
            last_stop=held_stops[-1] if held_stops else -1,
            labels=labels,
            starts=_part_starts(held, reading.lang),
        )
        many_stopped |= _all_collapsed(words)
        # an event may stand in a part of its own set off by a comma: "we can't issue
        # boarding passes, the flight leaves in 40 minutes"
        # the place a message opens with is no part of the event: "Puppet theatre: the show
        # starts in ten minutes" (as "the show starts in ten minutes")
        told = _PLACE_LABEL.sub("", clause, count=1)
        soon = (
            _event_soon(told, reading.lang)
            or any(
                _event_soon(part, reading.lang, acts=True)
                for part in _PARTS.split(told)
                for part in [part, *_JOINED_EVENT.split(part)[1:]]
            )
            # … or opens a clause joined to what people do: "сеанс о 19:30 і люди вже
            # тягнуться в хол" (the people's verb is no fault of the show's)
            or _event_soon(_JOINED_EVENT.split(told)[0], reading.lang)
        )
        named = {w.text for w in read_words(" ".join(_NAME_SPAN.findall(clause)), reading.lang)}
        # the department a message opens with, after its place: "gypsum board plant, sales."
        opening = clause is reading.clauses[0][0]
        department = _OPENING_DEPARTMENT.fullmatch(clause) if opening else None
        if department and not stops:
            named.add(department.group(1))
        due = (near and _deadline(words)) or soon or _due(clause, words)
        stake |= _at_stake(words, printing, named) or due
        pressing |= due or _at_stake(words, printing, named, people_only=True)
        timed |= bool(due)
    # … or said whole by a phrase ("у всех", "весь офис", "работа стоит"), or a count of
    # people or machines beside a stop ("все кассы не работают"); "у всех заданий статус
    # «Ошибка»" counts jobs, nobody stopped
    text = all_of_things(reading)
    counted = UNPAID.remove(text)  # "60 staff won't get paid": what is at stake, not who stopped
    many_stopped |= counted in MANY_STOPPED or (text in STOPPED and counted in MANY)
    many_stopped = many_stopped and not only_me(text)
    return Impact(
        stopped=stopped_any, many=many_stopped, at_stake=stake, pressing=pressing, due=timed
    )


def many_stopped(text: str, lang: str | None = None) -> bool:
    """Whether a message says work stopped for many, as priority reads it (`read_impact`),
    typed in translit or not. The knowledge base asks it before it reads a crowd no list of
    its own names as the outage's everyone: a place said by the grammar ("на всей солеварне",
    "ни в одном отделении") or one machine after "not one" ("жоден комп'ютер"); "ни на одной
    флешке не видно файлов" names no work stopped, and no crowd."""
    return read_impact(shared_reading(meant_text(text, lang))).many


# Work back now: "сегодня всё работает", "уже все працює", "everything works again", "it's
# back up", "заработало", "запрацювала", "починили"
# (a whole word first: "firewall is back" is no "all is back"; "up" after "is" or "are":
# "set it up", "set them all up" are no "it's up")
_RESTORED = re.compile(
    r"(?<!не )(?<!ні )(?:\b(?:всё|все|усе|всі|усі|оно|она|воно|вона|everything|it|it's|all|"
    r"почта|пошта|сеть|мережа|интернет|інтернет)\s+(?:(?:уже|вже|снова|знову|опять|again|now|"
    r"is|are|has|been|back|normally|нормально)\s+)*(?:работает|работают|працює|працюють|"
    r"works|working|(?:(?<=is )|(?<=are )|(?<=it's )|(?<=been ))up|back)\b|"
    r"\bзаработал[аио]?\b|\bзапрацювал[аио]?\b|"
    r"\b(?:починили|восстановили|відновили|полагодили|fixed|restored)\b|back to normal|"
    # … or said to be fine now: "сегодня норм", "зараз все ок", "all good now", "fine today"
    r"\b(?:сегодня|сейчас|уже|зараз|сьогодні|вже|now|today)\s+(?:(?:всё|все|усе|уже|вже|"
    r"is|it's|all|everything)\s+)*(?:норм\w*|ок|ok|okay|fine|good|в порядке|гаразд)\b|"
    r"\b(?:all|everything'?s?|it'?s)\s+(?:is\s+)?(?:fine|good|ok|okay)\s+(?:now|today)\b|"
    r"\b(?:is|are|came|come) back\b)"
)
# … said of a time gone: "вчера", "вчора", "yesterday", "last night", "на прошлой неделе"
# (not as when it began: "since yesterday", "со вчера", "з учора" go on now)
_GONE = re.compile(
    r"(?<!\bsince )(?<!\bfrom )(?<!\bс )(?<!\bсо )(?<!\bз )(?<!\bіз )(?<!\bвід )"
    r"\b(?:вчера|вчора|позавчера|позавчора|yesterday|last (?:night|week|friday|monday)|"
    r"на прошлой неделе|минулого тижня|на минулому тижні|утром было|зранку було)\b"
)

# … not when its sentence says it goes on: "вчера пропал интернет и до сих пор нет, почта
# работает", "yesterday the server went down, it is still down" (`ё` is folded)
_ONGOING = re.compile(r"\b(?:до сих пор|до сих пір|досі|still|все еще)\b")


# An opening clause of a place and one word after a comma, nothing said of either: the
# department ("gypsum board plant, sales", "завод, збут")
_OPENING_DEPARTMENT = re.compile(r"\s*[^,]{1,60},\s*([\w'-]+)\s*")


def _opening_place(clause: str, lang: str) -> set[str]:
    """The words of the place a clause opens with before a colon, when that opening says
    no stop of its own: no negation, no verb ("Склад стоит: …" is a stop, not a place)."""
    found = _OPENING.match(clause)
    if found is None:
        return set()
    words = read_words(found.group(1), lang)
    if not words or len(words) > MAX_OPENING_WORDS:
        return set()
    if any(w.text in _NEGATION or (w.tags and w.tags[0] & _VERB_TAGS) for w in words):
        return set()
    return {w.text for w in words}


def without_events_ahead(text: str) -> str:
    """`text` without its parts that name an event close ahead ("у кінотеатрі каса не друкує
    квитки, сеанс за десять хвилин" is left with the till): the fault alone, to tell whether
    it stops anyone by itself."""
    reading = read_message(text)
    kept = (_without_events_ahead(clause, reading.lang) for clause, _ in reading.clauses)
    return ". ".join(part for part in kept if part)


def _without_events_ahead(clause: str, lang: str) -> str:
    """`clause` without its parts that name an event close ahead with who takes part, in a
    verb of their own ("Туристы вылетают в 19:40", "a group of 30 students arrives tomorrow
    at 9", "Licensing exam for 12 reactor operators begins at 9:00"): those people are what
    is at stake, not who is stopped. The parts are the event's own (after a comma or a dash,
    and either side of "and", "а", "і")."""
    halves = [half for part in _PARTS.split(clause) for half in _JOINED_EVENT.split(part)]
    kept = [half for half in halves if not _event_soon(half, lang, acts=True)]
    return clause if len(kept) == len(halves) else ", ".join(kept)


def _over(clause: str, words: list[Word]) -> bool:
    """A stop said of a time gone in a message that says work is back: "вчера у всех падала
    почта, сегодня всё работает, но у меня не приходят письма" (the writer's own fault is
    what is left). A clause that itself says work is back is none of it."""
    if not _GONE.search(clause) or _RESTORED.search(clause):
        return False
    return any(w.is_verb and _past(w) for w in words) or not any(w.is_verb for w in words)


@read_once
def crowd_at_a_counter(reading: MessageReading) -> bool:
    """Whether people or a group stand or wait at a window, a door or in a queue ("смена 120
    человек стоит у окна"): kept waiting by one station, not a service down for them all."""
    return any(
        (_is_group(w) or _is_people(w) or _people_word(w) or w.text.isdecimal())
        and _kept_at_a_counter(words, i)
        for _, words in reading.clauses
        for i, w in enumerate(words)
    )


_SENTENCE_PARTS = re.compile(r"[,.;:!?\n]+(?!\d)")


def without_crowds(text: str) -> str:
    """`text` without its parts that say a crowd waits at a counter ("не открывается программа
    выдачи посылок, курьеры стоят в очереди у стойки" is left with the program): what stops
    besides them tells whether many are stopped."""
    parts = _SENTENCE_PARTS.split(text)
    return ". ".join(p for p in parts if p.strip() and not crowd_at_a_counter(read_message(p)))


def names_a_deadline(clause: str) -> bool:
    """Whether a clause says what is due or what happens at a near time ("Через час
    закрывается подача на тендер", "в 15:00 онлайн-заседание"): the stake, not the fault."""
    reading = read_message(clause)
    words = reading.words
    if not words or not (_NEAR_TIME.search(reading.norm) or _SOON.search(reading.norm)):
        return False
    # a fault of its own keeps it a problem ("payroll is due by 3pm and nobody can log in");
    # what closes is the deadline itself ("закрывается подача", "the tender closes at 6")
    closing = _vocabulary().closing
    faults = [w for i, w in enumerate(words) if _stops_at(words, i) and not w.among(closing)]
    if faults:
        return False
    return (
        _deadline(words)
        or _event_soon(reading.norm, reading.lang)
        or _due(reading.norm, words)
    )


_PARTS = re.compile(r"\s*[,—–]\s*|\s+-\s+")
# … and an event joined by "and" after the fault: "the display is dead and the show is at 7"
_JOINED_EVENT = re.compile(r"\s+(?:and|а|и|і|й)\s+(?=(?:the|our|a|наш\w*)?\s*\w)")


def _part_starts(clause: str, lang: str) -> frozenset[int]:
    """The index of the first word of each part of `clause` after a comma or a dash."""
    starts, count = set(), 0
    for part in _PARTS.split(clause):
        if count:
            starts.add(count)
        count += len(read_words(part, lang))
    return frozenset(starts)
# "до 14:00", "by 2pm", "к обеду": the time a thing named before it is due by (a clock time:
# "памяти до 4 ГБ" is no time)
_DUE_BY = re.compile(
    r"(?<!\w)(?:до|by|к)\s+(?:\d{1,2}(?:[:.]\d{2}|\s?(?:am|pm))|noon|midday|обеда|обіду|"
    r"полудня|опівдня)(?!\w)"
)


def _due(clause: str, words: list[Word]) -> bool:
    """A thing named with no verb, and a time it is due by: "у нас зарплатна відомість до
    14:00", "отчёт в налоговую к 12" (not "не работал до 14:00": a verb says until when)."""
    found = _DUE_BY.search(clause)
    if found is None or any(w.is_verb for w in words):
        return False
    before = read_words(clause[: found.start()], "ru" if CYRILLIC.search(clause) else "en")
    return any(w.is_noun for w in before)


_ALL_OF = frozenset({"всех", "всіх", "усіх"})


@read_once
def all_of_things(reading: MessageReading) -> str:
    """The message's normal form with an "all" that counts things, not people, marked
    ("у всех заданий статус «Ошибка»", "у всіх файлів": jobs and files in the genitive), so
    the phrase rules for everyone ("у всех …") pass it by. An "all" of people, groups or
    devices, or of places ("во всех кабинетах"), stays. An English "whole" said of a thing a
    verb acts on is marked too ("I lose the whole basket": `_whole_thing`)."""
    vocab = _vocabulary()
    things = {
        after.text
        for word, after in pairwise(reading.words)
        if word.text in _ALL_OF
        and after.tags
        and {"NOUN", "inan", "gent", "plur"} <= after.tags[0]
        and not (_is_group(after) or after.lemma in vocab.shared_devices)
    }
    norm = reading.norm
    if things:
        named = "|".join(re.escape(t) for t in sorted(things))
        norm = re.sub(rf"\b({'|'.join(_ALL_OF)})(\s+(?:{named}))\b", r"\1_\2", norm)
    whole = {
        words[at + 1].text
        for clause, words in reading.clauses
        for at in range(len(words) - 1)
        if _whole_thing(words, at, _part_starts(clause, reading.lang))
    }
    if whole:
        named = "|".join(re.escape(t) for t in sorted(whole))
        norm = re.sub(rf"\b(whole|entire)(\s+(?:{named}))\b", r"\1_\2", norm)
    # … and a till said as one thing's genitive ("Компьютер кассы на Windows 10", "на
    # терміналі каси в лабіринті"), so "кассы на …", "каси не …" count no tills
    said = [
        (w.text, _genitive_of_one(words, at, _part_starts(clause, reading.lang)))
        for clause, words in reading.clauses
        for at, w in enumerate(words)
        if w.lemma in vocab.shared_devices
    ]
    ones = {t for t, one in said if one} - {t for t, one in said if not one}
    if ones:
        named = "|".join(re.escape(t) for t in sorted(ones))
        norm = re.sub(rf"\b({named})\b", r"\1_", norm)
    return norm


def only_me(text: str) -> bool:
    """The writer says they alone are stopped ("у меня одной", "works for everyone else")."""
    return bool(_ONLY_ME.search(normalise(text)))


def _stops_at(words: list[Word], i: int, *, public: bool = True) -> bool:
    """Whether work stops at word `i`: a stop verb, a negated verb, a lack of something
    (the public standing by, "люди стоят", only when `public`)."""
    vocab, word = _vocabulary(), words[i]
    if word.among(vocab.stop_verbs):
        where = [w.text for w in words[i + 1 : i + 2]]
        if word.lemma in ("лежать", "лежати") and where and where[0] in ("в", "на", "у", "во"):
            return False  # "документы лежат в папке" is where they are
        if word.lemma in ("висеть", "висіти") and where and where[0] in ("в", "у", "во"):
            return False  # "висят в очереди", "висять у вихідних": where, read by the topic
        if not public and word.among(vocab.standing) and _public_stands(words, i):
            return False  # "люди стоят в очереди": waiting, read as at stake
        # "the fan never stops", "не упал" say the opposite
        return not (i and (words[i - 1].text in _NEGATION or words[i - 1].text == "never"))
    if word.text in ("не", "ні") and [w.text for w in words[i + 1 : i + 2]] in _CANNOT:
        return True  # "не может залогиниться": "cannot", whatever verb the dictionary lacks
    ability = _next_text(words, i) in ("в", "у") and _next_text(words, i + 1) in _ABLE_STATE
    if word.text in ("не", "ні") and ability:
        return True  # "не в состоянии зайти", "не в змозі відкрити"
    if word.text == "black" and i and words[i - 1].text in ("went", "gone", "turned", "go"):
        return True  # "the score screens all went black": dark, said in another colour
    if word.text == "black" and _next_text(words, i) in _PICTURES:
        return True  # "has shown only a black picture", "a black screen" (not "black streaks")
    if word.among(_BLACK) and i + 1 < len(words) and words[i + 1].among(_PICTURES_RU_UK):
        return True  # "камера показывает чёрный экран", "чорне зображення": no picture
    if _said_black(words, i):
        return True  # "the picture from my C270 is black", "екран електронної черги чорний"
    if word.text == "unable" or (word.text == "locked" and _next_text(words, i) == "out"):
        return True  # "have been unable to log in", "are locked out": cannot, said otherwise
    owner = [w.text.removesuffix("'s") for w in words[max(0, i - 4) : i]]
    if word.text == "locked" and any(w in _ACCOUNTS for w in owner):
        return True  # "my account got locked", "my account's been locked" (not "the screen
        # locked itself")
    # the subject "none" or "not one" heads reaches its verb however long it is, the place
    # said with it ("None of the nest cameras or the ward PCs at the stork rescue centre can
    # reach the network"): the rest of the clause
    subject = words[i + 1 :]
    nobody = word.text in ("nobody", "none", "noone") or (
        word.text == "no" and [w.text for w in words[i + 1 : i + 2]] == ["one"]
    )
    if nobody and any(w.text in _ABLE for w in subject):
        return True  # "none of the nurses can open it", "None of the 40 sim and briefing PCs
        # at the flight school can log in"
    if _not_one(words, i) > i and any(_acts(w) for w in subject):
        return True  # "not one keeper can log in", "not a single scanner connects"
    if word.text in _NEGATION or word.text.endswith("n't"):
        following = [w for w in words[i + 1 : i + 4] if w.text not in _BETWEEN]
        return _negated_work(word, following, words)
    if word.text == "nothing" and _does_its_work(_next_text(words, i)):
        return True  # "nothing works for anyone", "nothing comes in", "nothing prints"
    if word.text == "none" and _none_of_them_do(subject):
        return True  # "none of the handheld scanners in the warehouse connect", "None of the
        # four turnstiles at the speedway stadium read tickets": the place said between
    if word.text == "no" and _no_device_works(subject):
        return True  # "No register at any of our car wash sites can take card payments"
    if word.text == "nothing" and i and _does_nothing(words[i - 1].text):
        return True  # "the projector shows nothing", "the till does nothing"
    if word.lemma in vocab.lacking:
        if i + 1 < len(words) and words[i + 1].among(vocab.wages):
            return False  # "люди без зарплаты", "120 прибиральниць без зарплати": a stake
        near = words[max(0, i - 2) : i] + words[i + 1 : i + 3]
        return any(w.is_noun and w.lemma not in vocab.not_lacked for w in near)
    # "no orders", and past one word that says which: "no new orders reach any of our
    # consoles", "no card payments go through"
    lacked = words[i + 1 : i + 2]
    if lacked and lacked[0].lemma not in vocab.lacking_en and _next_text(words, i + 1):
        lacked = words[i + 2 : i + 3]
    return word.text in ("no", "without") and any(w.lemma in vocab.lacking_en for w in lacked)


# What a screen or a camera gives: "a black picture" is none
# … or its shape where one should be: "the camera shows a black square", "чорний прямокутник"
_PICTURES = frozenset({"picture", "image", "screen", "display", "video", "feed", "preview",
                       "square", "rectangle", "box"})  # fmt: skip
_ACCOUNTS = frozenset({"account", "accounts", "login", "logins", "profile", "user"})
_BLACK = frozenset({"чёрный", "черный", "чорний"})
_PICTURES_RU_UK = frozenset({"экран", "екран", "изображение", "зображення", "картинка",
                             "видео", "відео", "квадрат", "прямоугольник",
                             "прямокутник"})  # fmt: skip
# What shows a picture, said black with a verb of being: "the monitor stays black", "the
# video tile stays black", "the picture from my Logitech C270 is black"
_SHOWING = _PICTURES | frozenset({"monitor", "monitors", "screens", "displays", "camera",
                                  "webcam", "tile", "tv", "projector"})  # fmt: skip
_BEING = frozenset({"is", "are", "was", "were", "stays", "stay", "stayed", "remains", "remain",
                    "goes", "turns", "just", "only", "completely", "totally", "all", "pitch",
                    "pitch-black"})  # fmt: skip
_SHOWING_RU_UK = _PICTURES_RU_UK | frozenset({"монитор", "монітор", "дисплей", "табло",
                                              "камера"})  # fmt: skip


def _said_black(words: list[Word], i: int) -> bool:
    """A picture or what shows one said black, with a verb of being between: no picture, as
    "a black screen" is ("the monitor on my desk stays black", "экран с расписанием
    кормлений чёрный"; not "black streaks", "the cartridge is black")."""
    word = words[i]
    if word.text == "black" and i and words[i - 1].text in _BEING:
        return any(w.text in _SHOWING for w in words[max(0, i - 8) : i])
    if word.among(_BLACK) and i and word.has("ADJF"):
        # after its noun, in its case and number, the noun's own words between: "екран
        # електронної черги чорний" (not "на мониторе чёрные полосы": what it shows)
        return any(
            w.among(_SHOWING_RU_UK) and _same_form(word, w) for w in words[max(0, i - 5) : i]
        )
    return False


def _same_form(a: Word, b: Word) -> bool:
    """Some reading of each shares case, and number or gender (the Ukrainian dictionary
    marks no singular): an adjective said of its noun."""
    forms = _GENDERS | {"sing", "plur"}
    return any(ta & tb & _CASES and ta & tb & forms for ta in a.tags for tb in b.tags)


# What a machine is said to do, in English, when it does no work: "connect", "print", "load".
_WORK_VERBS = frozenset({"connect", "work", "print", "open", "load", "start", "respond", "boot",
                         "sync", "scan", "see", "reach", "show", "get", "pay", "send", "receive",
                         "ring", "dial", "log", "sign", "register", "read", "turn", "power",
                         "go", "come", "take", "accept", "process"})  # fmt: skip
# Their past forms: "none of the drivers got their duties", "none of the tills took cards"
_WORK_PAST = frozenset({"got", "took", "went", "came", "saw", "rang", "paid", "sent", "read",
                        "showed", "logged", "signed"})  # fmt: skip


def _a_work_verb(text: str) -> bool:
    """A work verb, plain or past: "connect", "connected", "got", "printed"."""
    regular = text.endswith("ed") and (text[:-2] in _WORK_VERBS or text[:-1] in _WORK_VERBS)
    return text in _WORK_VERBS or text in _WORK_PAST or regular


def _shows_error(words: list[Word], i: int) -> bool:
    """A screen showing an error at word `i`: "shows NET::ERR_…", "выдаёт ошибку 0x1F"."""
    shown = words[i].among(_vocabulary().show_verbs)
    # … with its article and code between: "shows a 500 error", "выдаёт какую-то ошибку"
    return shown and any(_an_error(w) for w in words[i + 1 : i + 4])


def _error_named(words: list[Word], i: int) -> bool:
    """An error said with no verb that shows it, its word or its code: "Outlook keeps it in
    the outbox: 'Sending reported error (0x800CCC0F)'"; not one denied ("no error", "без
    ошибок", "жодної помилки")."""
    word = words[i]
    named = word.among(_vocabulary().errors) or word.text.startswith(("0x", "err_"))
    denied = (i > 0 and words[i - 1].text in _DENIED_ERROR) or _next_text(words, i) in _DENIED_ERROR
    return named and not denied


_DENIED_ERROR = frozenset({"no", "not", "without", "any", "none", "без", "нет", "нету", "не",
                           "ни", "ні", "никаких", "ніяких", "жодної", "жодних", "немає",
                           "нема"})  # fmt: skip


def _an_error(word: Word) -> bool:
    """An error named or its code: "ошибку", "помилка", "error", "err_cert_…", "0x80070005"."""
    text = word.text
    code = any(c.isdigit() for c in text) and any(c.isalpha() for c in text)
    return word.among(_vocabulary().errors) or text.startswith("err") or "_" in text or code


def _next_text(words: list[Word], i: int) -> str:
    return words[i + 1].text if i + 1 < len(words) else ""


def _none_of_them_do(after: list[Word]) -> bool:
    """ "none of the scanners connect", "none of the drivers got their duties": a work verb
    after the things counted; not "none of the steps worked" (a verdict on tries, read as no
    stop)."""
    if not after or after[0].text != "of":
        return False
    # past a count: "none of the four turnstiles", "none of the three links"
    named = [
        w
        for w in after[1:]
        if w.text not in ("the", "our", "their", "these", "those")
        and not (w.text.isdecimal() or w.lemma in _vocabulary().numbers)
    ]
    if named and _tried_in_turn(named[0]):
        return False
    return any(_a_work_verb(w.text) for w in named[1:])


def _no_device_works(after: list[Word]) -> bool:
    """ "no register … can take cards", "no till works": "no" before a device many share (past
    one word that says which: "no self-service till"), then what it cannot do; not "no error
    shows" or "no printer is listed" (a thing one machine lacks)."""
    vocab = _vocabulary()
    device = next(
        (n for n, w in enumerate(after[:2]) if w.lemma in vocab.shared_devices and not w.tags), -1
    )
    return device >= 0 and any(
        w.text in ("can", "could", "will") or _a_work_verb(w.text) for w in after[device + 1 :]
    )


def _tried_in_turn(word: Word) -> bool:
    """What one user tries in turn (`tried_in_turn`); in English the keys and buttons of one
    keyboard as written ("none of the keys work"): their stem is a key card's too."""
    return word.among(_vocabulary().tried_in_turn) or word.text in _KEYS_PRESSED_EN


# What arrives, as the work verbs go or come: "nothing arrives", "nothing happens"
_ARRIVE_VERBS = frozenset({"arrive", "happen"})


def _does_its_work(verb: str) -> bool:
    """A work verb in the present after "nothing", as "ничего не приходит" is read: "nothing
    works", "nothing comes in", "nothing loads", "nothing arrives" (not "nothing else")."""
    if verb == "is":
        return True
    plain = verb[:-2] if verb.endswith("es") and verb[:-2] in _WORK_VERBS else verb[:-1]
    return verb.endswith("s") and (plain in _WORK_VERBS or plain in _ARRIVE_VERBS)


def _does_nothing(verb: str) -> bool:
    """A machine's verb before "nothing": "shows nothing", "prints nothing", "does nothing";
    not what the user did ("I did nothing", "tried nothing", "changed nothing")."""
    machine = verb.endswith("s") and len(verb) > 3 and verb not in ("was", "has", "says")
    return machine or verb == "does"


# Coming in to work: "не пришёл на работу", "не вышел на смену", "не вийшов на роботу".
_GOING_OUT = frozenset({"выйти", "выходить", "вийти", "виходити"})
_TO_WORK = [["на", "работу"], ["на", "смену"], ["на", "роботу"], ["на", "зміну"]]
# Getting what one is paid: "get paid", "be paid", "получат зарплату", "отримають зарплату"
_RECEIVE = frozenset({"get", "be", "receiv", "получить", "получать", "отримати", "отримувати"})


def _negated_work(negation: Word, following: list[Word], words: list[Word]) -> bool:
    """ "не пробивають", "can't", "doesn't work"; not "не знаю", "not sure", "не помогло"."""
    verb = following[0] if following else None
    vocab = _vocabulary()
    if verb is not None and (verb.lemma in vocab.not_a_stop or verb.among(vocab.stop_verbs)):
        return False  # "не знаю"; "never stops", "не завис" say work goes on
    if negation.text in ("didn't", "did"):
        return False  # "didn't click": what the user did not do
    if verb is not None and verb.lemma in _RECEIVE and any(
        w.among(vocab.wages) for w in following[1:3]
    ):
        return False  # "60 staff won't get paid", "не получат зарплату": unpaid, a stake
    if negation.text in ("cannot", "can't", "won't"):
        return True
    if verb is None:
        return False
    if (verb.among(vocab.arriving) or verb.among(_GOING_OUT)) and [
        w.text for w in following[1:3]
    ] in _TO_WORK:
        return False  # "не пришёл на работу", "не вийшов на зміну": who came in, not work
        # stopped
    if negation.text in ("не", "ні"):
        # "я не открывал" tells what the user did not do; "не открывается" is a stop
        return verb.is_verb and not (verb.has("past") and _first_person(words))
    return not CYRILLIC.search(verb.text) and verb.text not in ("yet", "sure")


def _many(
    words: list[Word],
    last_stop: int,
    labels: set[str] = frozenset(),
    starts: frozenset[int] = frozenset(),
) -> bool:
    """Many are stopped: nobody can, every till, 20 people, or people or a whole group named
    before the stop as its subject ("касири не можуть", "склад не может отгрузить")."""
    vocab = _vocabulary()
    # "студенти мене не чують", "clients can't see me": they report the writer's fault
    about_me = any(w.text in _ME for w in words)
    # "ни в одном чате не вижу сообщений", "на жодному компі не можу зайти": what the writer
    # alone sees or cannot do in each place "not one" counts, not work stopped for many
    # there ("ни у кого не работает, я не могу зайти" still counts everyone)
    by_me = any(w.tags and {"VERB", "1per", "sing"} <= w.tags[0] for w in words)
    for i, word in enumerate(words):
        after = words[i + 1 : i + 4]
        before = words[i - 1].text if i else ""
        if not _is_people(word) and _kept_at_a_counter(words, i):
            continue  # "(вся) смена 120 человек стоит у окна": kept waiting, a stake (read there)
        # "nobody can hear me", "никто меня не слышит": they report the writer's own fault
        tries = word.text == "none" and not _none_of_them_do(after + words[i + 4 : i + 9])
        tries = tries and [w.text for w in after[:1]] == ["of"] and any(
            _tried_in_turn(w) for w in after[1:3]
        )  # "none of the links work": what the user tried in turn
        # "none of my files open in Word": the writer's own things, not many ("none of my
        # staff can log in" are people)
        mine = word.text == "none" and [w.text for w in after[:2]] == ["of", "my"]
        mine = mine and not any(_is_people(w) or _people_word(w) for w in words[i + 3 : i + 5])
        if word.among(vocab.many) and not _nobody_acts(word, before, after) and not about_me:
            if tries or mine:
                continue
            return True
        counted = words[i + 1 : i + 7]
        alone = by_me and _one_counted(counted)
        if word.text in ("no", "ни", "ні") and _no_one(counted) and not alone:
            return True  # "no one", "ни одна касса", "ни у кого", "ні в кого"
        one = _not_one(words, i)
        counted = _past_of_the(words[one + 1 :]) if one > i else []
        counted = [] if counted and counted[0].text in _WHOSE else counted
        if counted and any(_acts(w) for w in counted[1:]) and _none_of(words[one], counted):
            return True  # "not one keeper can log in", "not a single till takes cards"
        none = word.text == "жоден" or word.text.startswith("жодн")
        none = none and before not in ("без", "without") and not by_me
        if none and _none_of(word, words[i + 1 : i + 4]):
            return True  # "жоден автобус не виїхав", "не можуть пробити жодного чеку"
        if word.text in ("anyone", "anybody") and before in ("for", "to"):
            return True  # "nothing works for anyone"
        counted_by_all = _counted_by_all(words, i)
        if word.text == "all" and before == "at":
            counted_by_all = []  # "won't open at all on the QA laptop"
        # "Kyocera перестал печатать со всех компов": the machines jobs come from, one printer
        from_all = before in ("с", "со", "з", "із", "from")
        # "the whole screen", "весь экран": one thing whole, not many ("the whole lab" is)
        one_whole = (word.text in _WHOLE_FORMS or word.text in ("whole", "entire")) and not (
            _whole_unit(after, word)
        )
        if (word.among(vocab.every)) and not from_all and not one_whole and any(
            _is_group(w) or _is_people(w) or w.lemma in vocab.shared_devices
            # English counts one by "every": "down for every recruiter", "every nurse"
            or (not w.tags and _people_word(w))
            or _counted_people(w, counted_by_all[n + 1 : n + 2])
            or w.among(vocab.screens) or w.among(vocab.outlets)
            for n, w in enumerate(counted_by_all)
        ):
            return True  # "все мониторы", "at every station", "every handheld ticket scanner"
        # "в обоих магазинах", "in both of our shops": two places; "на обоих мониторах" is one
        # user's two screens
        both = word.text in _BOTH and not any(
            w.among(vocab.screens) or w.lemma in vocab.shared_devices for w in counted_by_all
        )
        if word.text in _EVERY_OF and before in _PREPOSITIONS and _places_of_a_chain(
            counted_by_all
        ) and (word.text not in _BOTH or both):
            return True  # "на всех наших автомойках", "в усіх наших пекарнях"
        if both and before in _PREPOSITIONS and any(_english_place(w) for w in counted_by_all):
            return True  # "in both of our shops the POS is frozen"
        # "в 8:30 ноутбук упал": numbers in a row are a time, a date or a version, no count
        in_row = bool(after) and after[0].text.isdecimal()
        number = word.text.isdecimal() and int(word.text) >= 3 and not _version_of(before)
        # "до 14 висел компьютер", "since 9 the tills": a clock hour, no count
        number = number and not in_row and before not in _BEFORE_AN_HOUR
        # "Jabra Evolve2 40 headset", "кабинет 214: принтер", "Аптека №14, принтер": a
        # model's or a room's number, no count of what follows it
        number = number and not _a_name_number(word, before, after)
        # "Zoom 5.17", "Windows 11" no count; a numeral from three up does ("у двадцяти")
        numeral = word.has("NUMR") and word.lemma not in _FEW
        counted = number or word.lemma in vocab.numbers or numeral
        # "at ten minutes the laptop shuts down", "через десять хвилин": a stretch of time
        counted = counted and not (after and _a_stretch_of_time(after[0]))
        # "a webinar for 300 clients", "20 студентів мене не чують" count an audience
        audience = before in _FOR or about_me
        # "корпоратив на 40 людей", "зал на 40 людей", "стіл на 12 осіб": the size of an event,
        # a room or a booking; "на 15 сотрудников не работает почта" counts those stopped
        audience = audience or (
            before == "на"
            and _sized(words, i - 1)
            and any(
                _is_people(w) or _people_word(w) or w.text in _PEOPLE_AT_LARGE for w in after[:1]
            )
        )
        waiting = any(
            w.among(vocab.waiting) or w.among(vocab.standing) or w.among(vocab.queue)
            for w in words[i + 1 : i + 6]
        )  # "вже 15 людей сидять у черзі": the public kept waiting, a stake, read there
        # … or counted in the queue said before them: "a line of 20 customers", "очередь из 15
        # человек", "черга з 10 людей"
        lead = words[i - 2] if i > 1 else None
        waiting = waiting or (
            before in ("of", "из", "з", "із")
            and lead is not None
            and (lead.text in ("line", "queue") or lead.lemma in vocab.queue)
        )
        # "35 staff won't get paid", "120 прибиральниць без зарплати": unpaid, at stake
        waiting = waiting or _unpaid(words[i + 2 : i + 6])
        # … its noun in its own part: "на «Работа с обновлениями 27%», не выключайте
        # компьютер" and "висит на 35%, Windows 10, ноут" count no machine
        own = words[i + 1 : min((s for s in starts if s > i), default=len(words))][:3]
        if counted and not audience and not waiting and (
            _counts_people_or_machines(own) or _workplaces(own)
        ):
            return True  # "20 человек", "three front desk PCs", "на 8 робочих місцях"
        if counted and not audience and i < last_stop and _counted_subject(words, i, starts) and (
            not waiting
        ):
            return True  # "all four sales reps have been unable …", "three of our tellers can't"
        # "весь отдел"; not "вся почта у меня" (the writer's own, whole) nor "I lose the whole
        # basket" (a thing a verb acts on)
        if _whole(word) and _whole_unit(after, word) and not about_me and not (
            _whole_thing(words, i, starts)
        ):
            return True
        if word.text == "any" and after and after[0].text == "of":
            return True  # "isn't responding on any of the PCs"
        # "кассы не работают"; not "Я з каси магазину", "на ПК" (indeclinable, one or many)
        devices = _plural_thing(word) and word.lemma in vocab.shared_devices
        singular = any("plur" not in t for t in word.tags)
        # … nor one till in the genitive after a noun it belongs to or a word of place:
        # "програма каси вилітає", "ноут вместо кассы"
        owner = i > 0 and bool(words[i - 1].tags) and bool(
            {"NOUN", "nomn"} <= words[i - 1].tags[0] or {"NOUN", "accs"} <= words[i - 1].tags[0]
        )
        owner = owner and (i < 2 or words[i - 2].text not in _PREPOSITIONS)  # "в магазине кассы"
        genitive = any("gent" in t and "plur" not in t for t in word.tags)
        one = word.has("Fixd") or (before in _PREPOSITIONS and singular)
        one = one or (genitive and (owner or before in _INSTEAD_OR_BESIDE))
        # … nor one said as another thing's genitive: "вивіска з номером каси згасла" is one
        # till's, as "вивіска з номером зали згасла" is one hall's
        of_another = _genitive_of_one(words, i, starts)
        one = one or of_another
        if devices and word.has("nomn", "plur") and not one:
            return True
        # English plural devices as the subject: "our POS terminals stopped printing"
        near = {w.text for w in words[max(0, i - 3) : i]}
        owned = not near & {"my", "i", "me", "his", "her"} and before not in _PREPOSITIONS
        if devices and not word.tags and i < last_stop and owned and word.text.endswith("s"):
            return True
        # the noun past its adjectives ("у старших медсестер", "на ноутбуке старшей медсестры")
        adjectives = _adjectives_before(words, i)
        head = words[i - 1 - len(adjectives)] if i > len(adjectives) else None
        lead = head.text if head is not None else ""
        subject = i < last_stop or lead in ("у", "в")
        # "касири не можуть", "у кассиров не"; not "у відділі кадрів" (a department's name)
        # "у кассиров" is many, "у медсестри" (a genitive singular) is one nurse
        if lead in ("у", "в"):
            as_subject = not word.tags or word.has("plur", "gent")
        else:
            as_subject = (
                not word.tags or "nomn" in word.tags[0] or word.has("NOUN", "anim", "plur", "nomn")
            )
        # "шара відділу логістики": a noun after a noun is its attribute, not the subject; an
        # adjective with no plural reading says its noun is one ("старшей медсестры")
        attribute = head is not None and lead not in _PREPOSITIONS and head.is_noun
        attribute = (attribute and word.has("gent")) or any(not a.has("plur") for a in adjectives)
        # "a lecture for 200 students": whom it is for
        for_them = before in _FOR or (before.isdecimal() and i > 1 and words[i - 2].text in _FOR)
        # "Уважаемые коллеги, программа …": whom the message is addressed to, set off by a comma
        addressed = word.text in labels
        people = subject and as_subject and _is_people(word) and not (about_me or attribute)
        people = people and not addressed
        # "20 человек стоят в очереди": the public counted in a queue, a stake (read there)
        after_count = i > 0 and (words[i - 1].text.isdecimal() or words[i - 1].has("NUMR"))
        people = people and not for_them and not (waiting and after_count)
        # "в зале на 40 человек": the people a room holds, counted as its size
        people = people and not (
            after_count and i > 1 and words[i - 2].text == "на" and _sized(words, i - 2)
        )
        # "люди не можуть підтвердити оплату": people who cannot pay are the public, at stake
        # (as "клієнти не можуть оплатити" are), not our staff stopped
        paying = word.text in _PEOPLE_AT_LARGE and any(
            w.lemma in _PAYING for w in words[i + 1 : i + 6]
        )
        people = people and not paying
        # "сотрудники не получат зарплату", "staff won't get paid": unpaid, what is at stake
        people = people and not _unpaid(words[i + 1 : i + 5])
        # "директора никто не слышит": the verb is said of one ("слышит"), so the plural-looking
        # "директора" is its object, not people stopped
        # ("у юристов не открывается программа": after "у" the verb is the thing's)
        people = people and not (lead not in ("у", "в") and _verb_of_one(words[i + 1 : i + 5]))
        if people and before not in ("от", "від", "from"):
            return True
        # Cyrillic only: an English "office" or "team" alone is too often a product or a place
        nominative = bool(word.tags) and "nomn" in word.tags[0]
        # "у бухгалтерії поштового відділення": an adjective with no nominative reading says
        # its noun is no subject (a genitive naming the place), whatever the noun's first reading
        nominative = nominative and not any(
            a.tags and not any("nomn" in t for t in a.tags) for a in adjectives
        )
        label = word.text in labels  # "Бухгалтерия: письма не уходят" names who writes
        # "склад не может отгрузить", "офис сидит без интернета"; not "з номером зали згасла"
        named = subject and _is_group(word) and nominative and not label and not of_another
        if named and before not in _PREPOSITIONS:
            return True
        said_of = [w.text for w in after[:1]] in _GROUP_VERBS
        ours = "our" in (before, words[i - 2].text if i > 1 else "")
        # "the copier in our office doesn't send": where a device stands, not who is stopped;
        # "the internet in our office is down" is the office's service, stopped for all in it
        placed = before == "our" and i > 1 and words[i - 2].text in _PREPOSITIONS
        ours = ours and not (placed and i > 2 and words[i - 3].lemma in vocab.shared_devices)
        if subject and _is_group(word) and ours and said_of:
            return True  # "our clinic has no internet": an English group said as ours
    return False


def _unpaid(after: list[Word]) -> bool:
    """People said to go without their pay: "не получат зарплату", "без зарплати", "won't
    get paid"."""
    without = any(w.lemma in _RECEIVE or w.text in ("без", "without") for w in after[:3])
    return without and any(w.among(_vocabulary().wages) for w in after)


def _genitive_of_one(words: list[Word], i: int, starts: frozenset[int] = frozenset()) -> bool:
    """Whether the plural-looking noun at `i` is one thing's genitive, not things counted:
    said after a noun, a preposition or an adjective of one, and no plural verb after it
    ("Компьютер кассы на Windows 10", "на пошту театральної каси не приходять листи" (its
    adjective), "вивіска з номером зали згасла", "на терміналі каси в лабіринті заблокувало
    запис"). The dictionary may know only the plural ("зали" of "зал", not the genitive of
    "зала"): then a verb said of one must follow. Not "в магазине кассы не работают", "на
    всіх точках каси не пробивають": their verbs are plural."""
    word = words[i]
    before = words[i - 1] if i and i not in starts else None  # "в пельменной, кассы на …"
    if before is None or not any("plur" in t for t in word.tags):
        return False
    if before.tags and all("ADJF" in t and "plur" not in t for t in before.tags):
        return True  # "театральної каси": its adjective says one
    if not (before.text in _PREPOSITIONS or before.is_noun):
        return False
    verb = next((w for w in words[i + 1 : i + 5] if w.is_verb), None)
    said = [t for t in verb.tags if "VERB" in t] if verb is not None else []
    if any("plur" in t for t in said):
        return False
    # a verb said of one, or none at all with a singular reading ("Компьютер кассы на …")
    return bool(said) or (verb is None and any("plur" not in t for t in word.tags))


def _verb_of_one(after: list[Word]) -> bool:
    """The first verb after a subject is said of one in every reading ("слышит", "не може"):
    a plural noun before it is no subject of it."""
    verb = next((w for w in after if w.is_verb), None)
    return (
        verb is not None
        and bool(verb.tags)
        and all("sing" in t for t in verb.tags if t & {"VERB"})
        and any(t & {"VERB"} for t in verb.tags)
    )


_BOTH = frozenset({"обоих", "обеих", "обох", "both"})
_EVERY_OF = frozenset({"всех", "всіх", "усіх", "всем", "всім", "усім"}) | _BOTH


def _places_of_a_chain(counted: list[Word]) -> bool:
    """Whether what "all" counts after a preposition is the places of one chain: a plural
    Cyrillic noun past "наших"/"наших" that is none of one user's tries or a span of time
    ("на всех наших автомойках"; not "во всех браузерах", "во всех файлах", "все дни")."""
    vocab = _vocabulary()
    nouns = [w for w in counted if w.tags and not w.has("ADJF") and not w.has("NPRO")]
    if not nouns:
        return False
    noun = nouns[0]
    return (
        noun.has("NOUN", "plur", "loct")
        and noun.has("NOUN", "inan")
        and not noun.among(vocab.tried_in_turn)
        and not noun.among(vocab.not_a_unit)
        and not noun.among(vocab.one_machine_sees)
    )


_COUNTED_SKIP = frozenset({"the", "our", "of", "its", "их"})
_CONJUNCTIONS = frozenset({"and", "but", "or", "и", "і", "й", "а", "но", "але", "или", "або"})


def _counted_by_all(words: list[Word], at: int) -> list[Word]:
    """What "all", "every", "весь" at `at` may count: the next two words past "the", "our",
    "of" (three in English, which writes its nouns in a row: "every handheld ticket scanner",
    "in all 9 of our bookshops"), up to a conjunction, a preposition or a span of time ("all
    morning and the scanner …" counts no scanner)."""
    limit = 2 if words[at].tags else 3
    found: list[Word] = []
    for word in words[at + 1 : at + 7]:
        if word.text in _COUNTED_SKIP:
            continue
        if word.text in _CONJUNCTIONS or (word.text in _PREPOSITIONS and not word.tags):
            break
        found.append(word)
        if len(found) == limit or word.lemma in _vocabulary().not_a_unit:
            break
    return found


def _adjectives_before(words: list[Word], at: int) -> list[Word]:
    """The adjectives right before the noun at `at` ("старшей", "нових"), nearest last."""
    found: list[Word] = []
    for word in reversed(words[:at]):
        if not word.tags or not {"ADJF", "PRTF"} & word.tags[0]:
            break
        found.insert(0, word)
    return found


# Between "everything" and its verb: "всё у нас упало", "everything is down again".
_EVERYTHING_FILLER = frozenset({"у", "в", "нас", "вообще", "совсем", "взагалі", "зовсім",
                                "опять", "снова", "знову", "просто", "уже", "вже", "is", "has",
                                "have", "went", "just", "again", "here", "are", "'s"})  # fmt: skip
_EVERYTHING = frozenset({"всё", "все", "усе", "everything", "all"})


def _all_collapsed(words: list[Word]) -> bool:
    """Everything fell at once: "всё упало", "у нас усе лягло", "all down", "everything is
    down"; the writer's own machine ("у меня всё упало", "my PC: all down") is one."""
    if any(w.text in _ME or w.text in ("мой", "мій", "my", "i") for w in words):
        return False
    for i, word in enumerate(words):
        if word.text not in _EVERYTHING:
            continue
        rest = [w for w in words[i + 1 : i + 5] if w.text not in _EVERYTHING_FILLER]
        if rest and rest[0].among(_vocabulary().collapse):
            return not (i and words[i - 1].text in _NEGATION)
    return False


def _whole(word: Word) -> bool:
    """ "whole" in any case and gender ("у всьому ЦНАПі", "всей смены"); the forms it shares
    with "all" and "everything" ("все", "всем" for "всём") only when a noun agrees."""
    return word.text in _WHOLE_FORMS or word.lemma in _vocabulary().whole


def _agrees(a: Word, b: Word) -> bool:
    """Some reading of each shares case and gender: "всем автосервисе" (всём), not "всё,
    программа" or "все крышки"."""
    return any(ta & tb & _CASES and ta & tb & _GENDERS for ta in a.tags for tb in b.tags)


def _whole_unit(after: list[Word], whole: Word) -> bool:
    """ "весь комп'ютерний клас", "вся стоматологія", "the whole lab": a noun that names a
    place or a unit (not a day, a screen or a file) after "whole"."""
    vocab = _vocabulary()
    for word in after[:3]:
        if word.lemma in vocab.not_a_unit:
            return False
        if word.tags:
            first = word.tags[0]
            if "NOUN" in first:
                if whole.text in _ALL_FORMS:
                    return "plur" not in first and _agrees(whole, word)
                # "у всій редакції": a singular whole form takes a noun that can be singular
                return any("plur" not in t for t in word.tags if "NOUN" in t)
            if not first & {"ADJF", "PRTF", "ADJ"}:
                return False  # "все стоит", "всё равно": no unit follows
            continue  # an adjective before its noun: "комп'ютерний клас"
        if word.text not in _PREPOSITIONS and word.text not in ("the", "a", "our", "my"):
            return not word.text.endswith("ly")
    return False


# Before an English "whole" said of whom it stops: a preposition ("down for the whole team"), a
# conjunction ("Reception and the whole front office"), "is" ("it's the whole company") or an
# owner ("the client's whole team").
_BEFORE_WHOM = _PREPOSITIONS | _CONJUNCTIONS | frozenset(
    {"across", "throughout", "over", "around", "is", "was", "it's", "that's"}
)


def _whole_thing(words: list[Word], at: int, starts: frozenset[int] = frozenset()) -> bool:
    """English "whole" or "entire" at `at` said of what a verb acts on, with no group, place or
    people named in it: "I lose the whole basket", "the client loses the whole install slot",
    "spilt a whole mug of coffee", "the shared drive where the whole application is": a thing
    at stake, not who is stopped. Its subject ("the whole office is down", "whole building
    down" after a comma), whom a stop is for ("down for the whole team") and a group named
    ("took down the whole office") count everyone in it."""
    if words[at].tags or words[at].text not in ("whole", "entire"):
        return False
    lead = at - 1
    while lead >= 0 and words[lead].text in NOUN_DETERMINERS:
        lead -= 1
    if lead < 0 or lead + 1 in starts:
        return False  # it opens its part: the subject
    before = words[lead].text
    if before in _BEFORE_WHOM or before.endswith(("'s", "s'")):
        return False
    named = []
    for word in words[at + 1 : at + 4]:
        if word.text in _PREPOSITIONS or word.text in _CONJUNCTIONS:
            break
        named.append(word)
    return not any(
        _is_group(w) or _is_people(w) or _people_word(w) or _english_place(w) for w in named
    )


def _version_of(before: str) -> bool:
    """A number right after a name or a number is a version: "Windows 11 laptop", "5.17"."""
    if before.isdecimal():
        return True
    latin = before.isascii() and before.isalpha() and len(before) > 2
    return latin and before not in _COUNT_WORDS


# Short English words a count may follow ("on 30 PCs", "at 5 tills", "of 12 laptops"); any
# other two-letter Latin word before a number names a model ("ZT 410", "OS 12000").
_SHORT_BEFORE_COUNT = frozenset({"at", "in", "on", "of", "to", "by", "or", "so", "up", "we",
                                 "us", "is", "be", "as", "if", "my", "no", "an", "it"})  # fmt: skip


def _a_name_number(word: Word, before: str, after: list[Word]) -> bool:
    """A number in digits that names rather than counts: it follows a model's name with digits
    in it or a two-letter Latin series ("Evolve2 40 headset", "ZT 410 printer"), or the noun
    after it does not agree with a count ("кабинет 214: принтер", "№14, принтер": a count of
    printers says "принтеров", "принтера"). The counted nouns of "20 человек", "3 компа", "на
    30 компах", "21 компьютер" agree."""
    mixed = before.isascii() and before.isalnum() and not before.isdecimal() and not (
        before.isalpha()
    )
    series = before.isascii() and before.isalpha() and len(before) == 2 and (
        before not in _SHORT_BEFORE_COUNT
    )
    if mixed or series:
        return True
    noun = after[0] if after else None
    if noun is None or not noun.tags or not noun.is_noun or not word.text.isdecimal():
        return False
    value = int(word.text)
    one = value % 10 == 1 and value % 100 != 11  # "21 компьютер" agrees
    return not one and not noun.has("plur") and not noun.has("gent")


def _nobody_acts(word: Word, before: str, after: list[Word]) -> bool:
    """ "ніхто нічого не робить", "доступ мне никто не оформлял": nobody did something for the
    writer, which says nothing about who is stopped; "не пускає нікого" names an object."""
    if word.text in ("никого", "нікого") and before not in ("у", "в", "ни", "ні"):
        return True
    if word.text not in ("никто", "ніхто", "nobody"):
        return False
    # English past participles carry no tags: "nobody has fixed", "nobody has come"
    done = [w for w in after[:2] if w.text not in ("has", "have", "had", "ever", "even")]
    english = bool(done) and not done[0].tags and (
        english_past(done[0].text) or done[0].text in ("done", "come", "got", "gotten")
    )
    # "никто не реагирует", "ніхто не відповідає", "nobody answers": nobody of the desk
    responds = nobody_responds([word, *after])
    # "тренера ніхто не чує на відеодзвінку", "nobody hears her in Teams": one speaker's
    # microphone, whoever listens (not "никто не видит диск", which is theirs)
    heard = any(w.lemma in _HEARING or w.text in _HEARING for w in after)
    return english or responds or heard or any(
        w.text in ("ничего", "нічого", "nothing") or (w.is_verb and w.has("past"))
        for w in after
    )


_HEARING = frozenset({"слышать", "услышать", "чути", "почути", "hear", "hears"})


def _first_person(words: list[Word]) -> bool:
    return any(w.text in ("я", "i", "мы", "ми", "we") for w in words)


def _no_one(after: list[Word]) -> bool:
    """ "ни у кого", "no one"; "ни одна касса" (shared devices, people), not "ни один сайт"."""
    rest = [w for w in after if w.text not in _PREPOSITIONS]
    if not rest:
        return False
    if rest[0].lemma in ("кто", "хто") or (rest[0].text == "one" and after[0] is rest[0]):
        return True
    # the noun counted, past its adjectives; a workplace is a device: "ни на одном рабочем месте"
    if [w.lemma for w in rest[1:3]] in (["рабочий", "место"], ["робочий", "місце"]):
        return rest[0].text in _ONE
    # past "наших", "трьох": "ни в одном из наших трёх салонов" counts the salons
    counted = [w for w in rest[1:4] if not (w.tags and {"ADJF", "NUMR", "NPRO"} & w.tags[0])][:1]
    if rest[0].text in _ONE and counted and rest[0] is not after[0] and _a_place(counted[0]):
        return True  # "ни в одной аптеке сети", "ні в одному магазині": in none of the places
    return rest[0].text in _ONE and _none_of(rest[0], rest[1:])


def _not_one(words: list[Word], i: int) -> int:
    """Where the "one" of an English "not one" or "not a single" at word `i` stands (the
    "ни один" of Russian, "жоден" of Ukrainian), or -1: "not one keeper can log in", "not one
    of us can log on", "not a single till works"; not "not one but two"."""
    said = [w.text for w in words[i + 1 : i + 3]]
    if words[i].text != "not" or not said:
        return -1
    one = i + 1 if said[0] == "one" else i + 2 if said == ["a", "single"] else -1
    return -1 if one < 0 or "but" in [w.text for w in words[one + 1 : one + 3]] else one


# "not one of ours", "not one of them": whose a thing is, or what was said before, no count
_WHOSE = frozenset({"ours", "mine", "yours", "theirs", "his", "hers", "them", "it"})


def _acts(word: Word) -> bool:
    """An English verb a subject counted by "not one" works with, in any person: "can",
    "connects", "connected", "took"."""
    text = word.text
    return text in _ABLE or _a_work_verb(text) or (text.endswith("s") and text[:-1] in _WORK_VERBS)


def _past_of_the(words: list[Word]) -> list[Word]:
    """The words a count counts, past "of" and a determiner: "(not one) of the scanners";
    the determiners every English quantifier is said of (`crowds.ENGLISH_DETERMINERS`)."""
    rest = list(words)
    while rest and rest[0].text in ENGLISH_DETERMINERS:
        rest = rest[1:]
    return rest


def _one_counted(after: list[Word]) -> bool:
    """ "ни один", "ні в одному": what follows "ни" counts things by "один" (not "ни у кого")."""
    rest = [w for w in after if w.text not in _PREPOSITIONS]
    return bool(rest) and rest[0].text in _ONE


def _none_of(quantifier: Word, after: list[Word]) -> bool:
    """What "ни один"/"жоден" counts, past its adjectives. As the subject, anything that
    works for many: a till, an operator, a bus ("ни один оператор не может", "жоден автобус
    не виїхав"), not one user's tries in turn ("ни один документ", "жоден сайт"). As an
    object, only people, groups, shared devices or what is at stake ("не можуть пробити
    жодного чеку"; not "без жодної помилки", "не бачить жодної мережі")."""
    vocab = _vocabulary()
    for at, word in enumerate(after[:3]):
        if word.tags and {"ADJF", "PRTF"} & word.tags[0]:
            continue
        if word.among(vocab.windows):
            # a counter that serves, not a program's window that opens
            return any(w.among(vocab.serving) for w in after[at + 1 : at + 4])
        if not quantifier.tags or "nomn" in quantifier.tags[0]:
            return (word.is_noun or not word.tags) and not word.among(vocab.tried_in_turn)
        # the genitive of a negation is a subject too ("ни одного звонка не проходит", "не
        # можем принять ни одного заказа"), but not what one machine shows or sees
        return (word.is_noun or not word.tags) and not (
            word.among(vocab.tried_in_turn) or word.among(vocab.one_machine_sees)
        )
    return False


def _a_place(word: Word) -> bool:
    """A noun one works at, not one of the things a single user tries in turn ("ни в одном
    браузере", "ні на одному сайті" are one person's tries)."""
    return word.is_noun and not word.among(_vocabulary().tried_in_turn)


def _english_place(word: Word) -> bool:
    """An English plural place of work: "shops", "stores", "branches", "bookshops"."""
    return not word.tags and (
        word.text in _ENGLISH_PLACES or bool(_COMPOUND_PLACE.fullmatch(word.text))
        or (word.text.endswith("s") and _is_group(word))
    )


_ENGLISH_PLACES = frozenset({"shops", "stores", "branches", "offices", "sites", "clinics",
                             "pharmacies", "restaurants", "cafes", "salons", "depots",
                             "warehouses", "outlets", "locations", "hotels",
                             "schools"})  # fmt: skip
# English compounds of a place of one chain: "bookshops", "drugstores", "our coffeeshop"
_COMPOUND_PLACE = re.compile(r"[a-z]{3,}(?:shop|store)s?")


def _is_group(word: Word) -> bool:
    if word.lemma in _vocabulary().groups:
        return True
    return not word.tags and bool(_COMPOUND_PLACE.fullmatch(word.text))


_PEOPLE_AT_LARGE = frozenset({"люди", "людей", "людям", "people"})
# … and what they cannot do that makes them the public: pay, book, buy
_PAYING = frozenset({"оплата", "оплатить", "оплатити", "платить", "платити", "платеж", "платіж",
                     "забронировать", "забронювати", "купить", "купити", "pay", "payment",
                     "book", "buy", "checkout"})  # fmt: skip


def _is_people(word: Word) -> bool:
    """A plural animate noun ("касири", "сотрудников", "nurses"): a group of people."""
    vocab = _vocabulary()
    if word.lemma in vocab.plural_stake or word.lemma in vocab.stake:
        return False  # customers, patients, drivers waiting: what is at stake, not our staff
    if word.tags:
        # an animate noun first, plural in some reading: the Ukrainian dictionary lists
        # "учні" as a locative singular first
        return (
            {"NOUN", "anim"} <= word.tags[0]
            and word.lemma not in vocab.not_people
            and any(
                {"NOUN", "anim", "plur"} <= tags and not tags & {"Name", "Surn", "Patr"}
                for tags in word.tags
            )
        )
    return _people_word(word) and word.text.endswith("s")


def _counted_people(word: Word, next_words: list[Word]) -> bool:
    """People counted by "половина", "кілька", "все": a plural animate noun in any reading
    (the Ukrainian dictionary reads "лікарів" first as "the doctor's"), not a name, and not
    an adjective before its noun ("нескольких неверных вводов")."""
    if next_words and next_words[0].is_noun:
        return False
    return any(
        {"NOUN", "anim", "plur"} <= tags and not tags & {"Name", "Surn", "Patr"}
        for tags in word.tags
    ) and word.lemma not in _vocabulary().not_people and not word.lemmas & _vocabulary().stake


def _people_word(word: Word) -> bool:
    """One of the people words: by lemma in Russian and Ukrainian, as written (plural or
    singular) in English, whose stems are shared with things."""
    if CYRILLIC.search(word.text):
        return word.lemma in _vocabulary().people
    return word.text in _PEOPLE_FORMS or f"{word.text}s" in _PEOPLE_FORMS


def _plural_thing(word: Word) -> bool:
    if word.tags:
        return word.has("NOUN", "plur")
    plural = word.text.endswith("s") and len(word.text) > 3
    return plural and word.lemma in _vocabulary().shared_devices


def _sized(words: list[Word], at: int) -> bool:
    """Whether a count after "на" (at `at`) is the size of the noun right before it ("зал на
    40 людей", "корпоратив на 40 людей", "забронювали стіл на 12 осіб"), also when a
    preposition or an adjective leads the noun ("в зале на 40 людей не работает проектор",
    "в малом зале на 40 людей", "в переговорці на 12 осіб"): those counted are what it holds,
    not who is stopped. Not a workplace, whose people those counted are ("в офисе на 15
    сотрудников не работает почта"), nor "у нас", "в страховой" or nothing before "на"."""
    if at < 1:
        return False
    head = words[at - 1]
    if not (head.is_noun or not head.tags) or head.text.isdecimal():
        return False
    lead = words[at - 2] if at > 1 else None
    if lead is None or lead.text not in _PREPOSITIONS:
        return True
    # a place led by a preposition: a room people gather in holds them ("в зале"), a
    # workplace employs them ("в офисе", "на складе", "у відділі"); a noun by its first
    # reading ("в страховой" is first an adjective: the company, a workplace)
    if head.tags and "NOUN" not in head.tags[0]:
        return False
    return not _is_group(head) or head.among(_vocabulary().rooms)


def _counts_people_or_machines(after: list[Word]) -> bool:
    """What a count counts: its first noun, past the adjectives ("20 рабочих ПК", "three front
    desk PCs"). A noun that is neither people nor machines ends it: "заказ на 50 стульев,
    принтер пишет замятие" counts chairs, and the printer after them is one; so does any
    other word the dictionary knows ("27 %, не вимикайте комп'ютер", "З пів на восьму
    ноутбук висить": a percentage and a clock time count nothing)."""
    for word in after[:3]:
        if _counted(word):
            return True
        if word.tags and (word.is_noun or not word.tags[0] & _BEFORE_ITS_NOUN):
            return False
    return False


# What stands between a count and its noun: adjectives and participles ("20 рабочих ПК",
# "трьох нових ноутбуків"), a numeral's own word ("двадцять п'ять людей").
_BEFORE_ITS_NOUN = frozenset({"ADJF", "PRTF", "NUMR", "Anum"})


def _workplaces(after: list[Word]) -> bool:
    """Workplaces counted like the machines at them: "на 8 робочих місцях", "12 рабочих мест"."""
    return [w.lemma for w in after[:2]] in (["рабочий", "место"], ["робочий", "місце"])


# The slang a count of machines is said with ("на 30 компах не работает интернет", "на 25
# ноутах"): counted after a number only; alone, "на компи" is one user's machine as often as not.
_SLANG_DEVICES = frozenset({"комп", "ноут"})


_TIME_UNITS = frozenset({"second", "seconds", "secs", "minute", "minutes", "mins", "min",
                         "hour", "hours", "hrs", "day", "days", "week", "weeks", "month",
                         "months"})  # fmt: skip


def _a_stretch_of_time(word: Word) -> bool:
    """A unit of time after a count: the count is of minutes or days, not of people or
    machines ("ten minutes", "десять хвилин", "пять дней")."""
    return word.text in _TIME_UNITS or word.among(_units())


@cache
def _units() -> frozenset[str]:
    return _keys("секунда минута час день неделя месяц", "ru") | _keys(
        "секунда хвилина година день тиждень місяць", "uk"
    )


def _counted(word: Word) -> bool:
    vocab = _vocabulary()
    return (
        _people_word(word)
        or word.lemma in vocab.shared_devices
        or word.lemma in _SLANG_DEVICES
        or word.lemma in vocab.plural_stake
        or _is_people(word)
        or word.lemma in _keys("человек", "ru")
        # after "три", "чотири" an animate noun stands in the genitive singular; not a
        # proper name ("35% і далі не йде": "далі" read as the painter's name)
        or (
            bool(word.tags)
            and {"NOUN", "anim"} <= word.tags[0]  # the first reading: "и" is no noun
            and not {"Surn", "Name", "Patr"} & word.tags[0]
            and word.has("gent")
            and word.lemma not in vocab.not_people
        )
    )


# What may stand before a count that opens its clause as the subject: "all four", "our three"
_SUBJECT_LEAD = frozenset({"all", "our", "the", "these", "those", "of", "и", "і", "and"})
_PLACE_LEAD = frozenset({"in", "at"})  # "at the depot", "in our shop" before the count
_PLACE_WORDS = 6


def _counted_subject(words: list[Word], at: int, starts: frozenset[int] = frozenset()) -> bool:
    """English, which the dictionary here does not tag: a count that opens its clause and a
    plural after it are the clause's subject ("all four sales reps have been unable to log
    in", "three of our tellers can't"), people or machines, many either way. Not what one
    user tries in turn ("all three links"), nor a span of time ("three days"). A place may
    come first: "At the car park office all three exit pay stations stopped taking payments",
    and a part set off by a comma is a clause of its own ("the system went down, all 16 lanes
    are dark"; `starts`: where such parts begin)."""
    lead = words[max((s for s in starts if s <= at), default=0) : at]
    while lead and lead[-1].text in _SUBJECT_LEAD:
        lead = lead[:-1]
    placed = bool(lead) and lead[0].text in _PLACE_LEAD and len(lead) <= _PLACE_WORDS
    placed = placed and all(w.text.isalpha() and not w.tags for w in lead)
    if words[at].tags or (lead and not placed):
        return False
    vocab = _vocabulary()
    for word in words[at + 1 : at + 5]:
        if word.text in _SUBJECT_LEAD:
            continue
        if word.tags or word.among(vocab.tried_in_turn) or word.among(vocab.not_a_unit):
            return False
        if word.text.endswith("s") and len(word.text) > 3 and not word.text.endswith("ss"):
            return True
    return False


# A name in quotes or a path: "папка «Рецепти клієнтів»", "\\buh-srv\Клиенты"
_NAME_SPAN = re.compile(r"[«\"“„][^»\"”“]{1,60}[»\"”“]|\\\\?[\w.$-]+(?:\\[\w.$ -]+)+")
# When something fails, not what is at stake: "посеред продажу квитків", "during checkout"
_AMID = frozenset({"посеред", "посреди", "під", "во", "при", "during", "mid", "amid"})
_AMID_NEXT = frozenset({"час", "время"})


# A driver that is software: a device's ("the printer driver", "graphics drivers": the shared
# devices and the parts that have drivers) or one updated, installed or rolled back ("the
# driver update failed", "reinstalled the driver").
_DRIVER = frozenset({"driver", "drivers"})
_DRIVEN_PARTS = frozenset(
    {
        *("graphics", "video", "audio", "sound", "network", "wifi", "bluetooth", "usb"),
        *("device", "display", "camera", "webcam", "touchpad", "keyboard", "mouse", "card"),
        *("chipset", "nvidia", "amd", "intel", "realtek", "hp", "canon", "epson", "brother"),
        "kyocera",
    }
)
_DRIVER_WORK = frozenset(
    {
        *("update", "updated", "updates", "updating", "install", "installed", "installing"),
        *("reinstall", "reinstalled", "version", "outdated", "rollback", "rolled"),
        *("download", "downloaded", "corrupt", "corrupted"),
    }
)


def _a_device_driver(words: list[Word], i: int) -> bool:
    """The driver at `i` is software: a device named right before it, or an update, an
    install or a version said within two words of it."""
    before = words[i - 1] if i else None
    if before is not None and (
        before.text in _DRIVEN_PARTS or before.among(_vocabulary().shared_devices)
    ):
        return True
    near = words[max(i - 2, 0) : i] + words[i + 1 : i + 3]
    return any(w.text in _DRIVER_WORK for w in near)


def _at_stake(
    words: list[Word],
    printing: bool = False,
    named: set[str] = frozenset(),
    *,
    people_only: bool = False,
) -> bool:
    """Whether the words put something at stake: money, goods, papers, or people kept
    waiting; `people_only`: people (or their vehicles) kept waiting, not money or goods."""
    vocab = _vocabulary()
    mine = any(_my_own_payment(words, i) for i in range(len(words)))
    for i, word in enumerate(words):
        before = words[i - 1].text if i else ""
        if word.text in named:
            continue  # "доступ до папки «Рецепти клієнтів»": a folder's name, no client
        if word.among(vocab.stake) and (_amid(words, i) or _my_act_when_it_fails(words, i)):
            continue  # "зависає посеред продажу квитків", "every time I post invoices"
        if word.among(vocab.stake) and _perceived(words, i):
            continue  # "не чую клієнтів у гарнітурі": the writer's own hearing
        if word.among(vocab.stake) and ((mine and _money(word)) or _denied(words, i)):
            continue  # "я не могу оплатить счёт за интернет", "очереди нет"
        if word.among(vocab.stake) and people_only and not word.among(vocab.kept):
            continue  # "чек", "продажа", "payment": money or goods, nobody kept waiting
        if word.among(vocab.stake):
            if i + 1 < len(words) and _is_group(words[i + 1]):
                continue  # "the sales office" named as a place, not a sale
            if i + 1 < len(words) and words[i + 1].text in _PROGRAMS:
                continue  # "my invoicing app", "the billing software": what the program is for
            if word.text == "patient" and before in _BE:
                continue  # "I've been patient", "be patient": no patient waits
            if word.text in _DRIVER and _a_device_driver(words, i):
                continue  # "the printer driver is broken": software, no driver waits
            if before in _ABOUT or _in_a_container(words, i):
                continue  # "шаблон напоминания об оплате": what a document is about
            if i and _is_group(words[i - 1]) and word.has("gent"):
                continue  # "в отделе продаж", "відділ оплати": a department's name
            if _names_the_writers_job(words, i):
                continue  # "у менеджера по продажам", "sales rep here", "в отгрузке не печатает"
            if word.lemma in vocab.queue and (printing or any(_printing(w) for w in words)):
                continue  # a print queue ("документы стоят в очереди") is not people waiting
            if _people_at_ease(words, i):
                continue  # "гости смотрят ролик в тишине": they are not kept waiting
            if _served_by_a_thing(words, i):
                continue  # "моноблок для посетителей", "вайфай для гостей": what it is for
            return True
        if (
            word.lemma in vocab.plural_stake
            and not (people_only and not word.among(vocab.kept))
            and (word.has("plur") or word.text.endswith("s"))
            and before not in ("от", "від", "from", "in", "of")
            and not _one_after_a_preposition(words, i)
            and not _perceived(words, i)
            and not _in_a_container(words, i)
            and not (i + 1 < len(words) and words[i + 1].text in _PROGRAMS)
            and not _addressee(words, i)
            and not _served_by_a_thing(words, i)
        ):  # "in order to", "out of order"
            return True
        if word.among(vocab.waiting) and _someone_waits(words, i):
            return True
        if word.among(vocab.waiting) and _waits_at_the_door(words, i):
            return True
        if word.among(vocab.standing) and _public_stands(words, i):
            return True
        if (_is_group(word) or _is_people(word)) and _kept_at_a_counter(words, i):
            return True  # "смена стоит у окна выдачи": our people kept waiting by one station
        if _client_present(words, i):
            return True
        if _vehicle_held(words, i):
            return True
        if people_only:
            continue
        if word.among(vocab.goods) and any(w.among(vocab.spoil) for w in words[i + 1 : i + 5]):
            return True  # "товар на рампе тает", "the stock is thawing"
    return False


# The people a thing is there for, said with "для" / "for" after it: "компьютер для
# посетителей", "вайфай для гостей", "the kiosk for visitors", "терминал для наших клиентов".
# What the thing is for says nobody is kept waiting (a stake needs them waiting, queueing,
# leaving, or the money or the deadline itself).
_SERVED_OWNERS = frozenset({"our", "the", "its", "their", "наших", "своих", "своїх", "нашим",
                            "своїм"})  # fmt: skip


def _served_by_a_thing(words: list[Word], i: int) -> bool:
    """Whether `words[i]` names the people a thing is for ("моноблок для посетителей"), not
    people kept waiting: "для" / "for" before them, a possessive between at most, and a
    noun before that (not "ждём для клиентов"; "waiting for customers" is no thing's)."""
    if not words[i].among(_vocabulary().kept):
        return False
    at = i - 1
    if at > 0 and words[at].text in _SERVED_OWNERS:
        at -= 1
    if at < 1 or words[at].text not in _FOR:
        return False
    thing = words[at - 1]
    return thing.has("NOUN") or (not thing.tags and thing.text not in _WAITING_EN)


_WAITING_EN = frozenset({"waiting", "wait", "waits", "waited", "queueing", "queuing", "ready",
                         "open", "closed", "available", "unavailable", "time"})  # fmt: skip


# Who does a job, named by the work ("менеджер по продажам", "менеджерка з продажу"), and
# English words for such a person or team after it ("sales rep", "payroll clerk")
_ROLE_BETWEEN = frozenset({"по", "з", "із", "с"})
_ROLES_EN = frozenset({"rep", "reps", "representative", "manager", "managers", "clerk", "clerks",
                       "assistant", "lead", "director", "officer", "team", "staff", "admin",
                       "coordinator", "agent", "agents"})  # fmt: skip
# A plant's shipping said as where one works: "в отгрузке не печатает принтер", "сканер на
# відвантаженні", "на участке отгрузки"
_SHIPPING = frozenset({"отгрузка", "погрузка", "відвантаження", "навантаження"})
_SHIPPING_AREAS = frozenset({"участок", "ділянка", "дільниця", "зона", "цех", "пост"})


def _names_the_writers_job(words: list[Word], at: int) -> bool:
    """A stake word that names a person's job, a team or a department where the writer works,
    not money or people waiting (as "the sales office" is a place, not a sale): "у менеджера по
    продажам", "Менеджерка з продажу", "Zeolite plant sales rep here", "the payroll clerk",
    "в отгрузке не печатает принтер", "на участке отгрузки"."""
    word, before = words[at], words[at - 1].text if at else ""
    lead = words[at - 2] if at > 1 else None
    vocab = _vocabulary()
    # one person by the work they do ("менеджер по продажам"); not the public with what they
    # hold ("люди з талонами", "клієнтка з оплатою")
    one = lead is not None and bool(lead.tags) and {"NOUN", "anim"} <= lead.tags[0]
    one = one and lead is not None and "plur" not in lead.tags[0]
    if before in _ROLE_BETWEEN and one and lead is not None and not (
        lead.among(vocab.stake) or lead.among(vocab.plural_stake) or lead.among(vocab.public)
    ):
        return True
    if at + 1 < len(words) and words[at + 1].text in _ROLES_EN:
        return True  # "sales rep", "payroll clerk", "accounts team"
    shipping = word.lemma in _SHIPPING
    if shipping and before in ("в", "во", "на", "у") and word.has("loct"):
        return True  # "в отгрузке", "на відвантаженні": the department
    return shipping and at > 0 and words[at - 1].lemma in _SHIPPING_AREAS  # "участок отгрузки"


def _addressee(words: list[Word], at: int) -> bool:
    """Whom mail goes to, not who is kept waiting: "Outlook не отправляет письма клиентам",
    "не надсилає листи клієнтам", "won't send emails to clients" (one mailbox's fault)."""
    before = words[max(0, at - 3) : at]
    if not any(w.among(_vocabulary().mail) for w in before):
        return False
    if words[at].tags:
        return words[at].has("datv") and not words[at].has("nomn")
    return any(w.text == "to" for w in before)


def _amid(words: list[Word], at: int) -> bool:
    """A stake word after "посеред", "під час", "во время", "при", "during": the moment
    something fails, not what is at stake ("вылетает во время оплаты", "при продаже")."""
    texts = [w.text for w in words[max(0, at - 2) : at]]
    if texts[-1:] and texts[-1] in _AMID and texts[-1] not in ("під", "во"):
        return True
    return len(texts) == 2 and texts[0] in ("під", "во") and texts[1] in _AMID_NEXT


_WHEN = frozenset({"time", "whenever", "when", "once", "коли", "когда", "раз", "щоразу"})
_I_WE = frozenset({"i", "we", "я", "мы", "ми"})
_TAKEN_AT_A_TILL = frozenset({"оплата", "оплатить", "платеж", "платёж", "платить", "чек",
                              "продажа", "оплатити", "платіж", "платити", "продаж", "payment",
                              "payments", "pay", "paying", "checkout", "receipt", "sale",
                              "sales"})  # fmt: skip


def _my_act_when_it_fails(words: list[Word], at: int) -> bool:
    """A stake word as what the writer does when it fails: "Sage 50 freezes every time I
    post a batch of supplier invoices", "вылетает, когда я провожу накладные": the moment it
    fails, one user's work, not money or people waiting. A payment or a sale taken then is
    money changing hands with someone there ("the POS crashes every time I take a card
    payment"): still at stake."""
    if words[at].among(_TAKEN_AT_A_TILL):
        return False
    for k in range(at - 1, max(-1, at - 7), -1):
        if words[k].text in _I_WE:
            return any(w.text in _WHEN for w in words[max(0, k - 2) : k])
    return False


_PAYS = frozenset({"оплатить", "заплатить", "оплачивать", "платить", "оплатити", "заплатити",
                   "оплачувати", "платити", "pay"})  # fmt: skip
_MY = frozenset({"я", "i", "мне", "мені"})
# … and what it pays, or the page it is paid on: "сторінка оплати", "my phone bill"
_MONEY = frozenset({*_PAYS, "оплата", "платеж", "платёж", "платіж", "payment", "payments",
                    "paying", "bill", "bills", "billing"})  # fmt: skip


def _my_own_payment(words: list[Word], at: int) -> bool:
    """The writer paying, not money taken from anyone: "я не могу оплатить счёт за интернет",
    "не можу оплатити рахунок", "I can't pay my phone bill" (one user's errand; "покупатели не
    могут оплатить", "we can't take card payments" are kept as they were)."""
    if words[at].lemma not in _PAYS and words[at].text not in _PAYS:
        return False
    return any(w.text in _MY for w in words[max(0, at - 4) : at])


def _money(word: Word) -> bool:
    return word.lemma in _MONEY or word.text in _MONEY


# No one waiting, said outright: "очереди нет", "клієнтів немає", "there's no queue"
_NONE = frozenset({"нет", "нету", "немає", "нема", "no"})


def _denied(words: list[Word], at: int) -> bool:
    """A queue or the public said to be absent: "вторая касса работает, очереди нет",
    "no queue at the moment"; the stake they would be is not there."""
    word = words[at]
    if not (word.among(_vocabulary().queue) or word.has("NOUN", "anim")):
        return False
    near = [w.text for w in words[max(0, at - 1) : at]] + [w.text for w in words[at + 1 : at + 2]]
    return any(t in _NONE for t in near)


# Verbs of the writer's own hearing and seeing: "не слышу клиентов", "не бачу пацієнтів"
_PERCEIVE = frozenset({"слышу", "слышим", "чую", "чуємо", "вижу", "видим", "бачу", "бачимо",
                       "hear", "see"})  # fmt: skip


def _perceived(words: list[Word], at: int) -> bool:
    """The stake word is what the writer does not hear or see: "не чую клієнтів", "can't
    hear the customers" (the writer's headset, not customers kept waiting)."""
    return any(w.text in _PERCEIVE for w in words[max(0, at - 3) : at])


def _one_after_a_preposition(words: list[Word], at: int) -> bool:
    """A word that may be one or many ("замовлення"), after a preposition: when something
    fails, not what is at stake ("вилітає посеред замовлення", "при оформленні замовлення";
    not "сидимо без замовлень")."""
    if not at or not words[at - 1].has("PREP") or words[at - 1].text in ("без", "without"):
        return False
    return any("plur" not in tags for tags in words[at].tags)


def _people_at_ease(words: list[Word], at: int) -> bool:
    """People named as a stake whose own verb says they go on with what they came for:
    "гости смотрят ролик про виноградники в тишине", "відвідувачі слухають без звуку". Not
    waiting, standing, leaving or unable ("пацієнти чекають", "покупатели уходят",
    "пассажиры не могут купить билет"): those are kept from it."""
    vocab, word = _vocabulary(), words[at]
    if not word.tags or not word.has("NOUN", "anim", "plur"):
        return False
    for verb in words[at + 1 : at + 3]:
        if verb.text in _NEGATION or verb.among(vocab.leaving) or verb.among(vocab.arriving):
            return False  # "гости приезжают в 15:00": an event ahead
        if verb.is_verb:
            ongoing = verb.has("pres") or verb.has("impf")
            kept = verb.among(vocab.waiting) or verb.among(vocab.standing)
            return ongoing and not kept and not verb.among(vocab.held)
    return False


def _vehicle_held(words: list[Word], at: int) -> bool:
    """A vehicle as the subject, held up: "молоковоз стоит на весовой", "машина простаивает",
    "бензовоз простоює", "the tanker is standing idle" (not "на машине стоит Windows": a
    vehicle after a preposition is where something is)."""
    vocab, word = _vocabulary(), words[at]
    if not word.among(vocab.vehicles) or (at and words[at - 1].text in _PREPOSITIONS):
        return False
    if at and words[at - 1].text in ("мой", "моя", "мій", "my", "моё", "моє"):
        return False  # "моя машина стоит": the writer's own machine, as often a computer
    if word.tags and not word.has("nomn"):
        return False
    return any(w.among(vocab.held) for w in words[at + 1 : at + 4]) or _sent_without(words, at)


_GOING = frozenset({"выходить", "выезжать", "уходить", "уезжать", "ехать", "виходити", "виїжджати",
                    "їхати", "йти", "leave", "leaves", "leaving", "go", "goes", "going", "run",
                    "running", "depart", "departs", "departing", "head", "heading"})  # fmt: skip
_WITHOUT = frozenset({"без", "without"})


def _sent_without(words: list[Word], at: int) -> bool:
    """Vehicles going out without what the dispatch gives them: "трамваї виходять на лінію без
    нарядів", "buses are leaving without their run sheets" (the service runs blind)."""
    after = words[at + 1 : at + 7]
    going = [i for i, w in enumerate(after) if w.lemma in _GOING or w.text in _GOING]
    return bool(going) and any(w.text in _WITHOUT for w in after[going[0] + 1 :])


# English nouns of a program or a document: a stake word before one names what it is for or
# about ("invoicing app", "the delivery notes folder", "the customers spreadsheet")
_PROGRAMS = frozenset({"app", "apps", "application", "program", "programme", "software", "tool",
                       "module", "folder", "folders", "file", "files", "report", "reports",
                       "template", "templates", "list", "spreadsheet", "sheet", "notes", "table",
                       "document", "documents", "archive", "dashboard", "records", "record",
                       "database", "db", "card", "cards"})  # fmt: skip
_WITH = frozenset({"с", "со", "з", "із", "зі", "of", "with"})


def _in_a_container(words: list[Word], at: int) -> bool:
    """A stake word said of what a table, a folder, a program or a screen holds: "таблиця з
    клієнтами", "в программе электронной очереди", "табло очереди", "шаблон напоминания"
    (its adjectives and a "с"/"з" between), or what it does with them, a genitive of a
    genitive or after "для":
    "програма запису клієнтів", "база учёта заказов", "программа для оплаты"."""
    vocab = _vocabulary()
    of_what = words[at].has("gent")
    for word in reversed(words[max(0, at - 3) : at]):
        if word.among(vocab.containers):
            return True
        if of_what and word.among(vocab.screens):
            return True  # "екран електронної черги": the screen the queue is shown on
        if word.text in _WITH or (word.tags and {"ADJF", "PRTF"} & word.tags[0]):
            continue
        if of_what and word.tags and {"NOUN", "gent"} <= word.tags[0]:
            continue
        if word.text in _FOR and (of_what or not words[at].tags):
            continue  # "программа для записи пациентов", "an app for customers"
        return False
    return False
_ABOUT = frozenset({"об", "о", "про", "about", "regarding"})
_BE = frozenset({"be", "been", "am", "is", "are", "was", "were", "so", "very", "too", "more",
                 "stay", "remain", "i'm", "we're", "you're"})  # fmt: skip


# Verb prefixes before a word of printing: "напечатал", "распечатать", "роздрукувати"
_PRINT_PREFIXES = ("на", "рас", "рос", "раз", "роз", "над", "пере", "ви", "до", "re")


def _printing(word: Word) -> bool:
    """A word of printing, with a verb prefix ("напечатал", "роздрукувати", "reprint"), or
    a job or a file: a queue near one is a print queue (not "fingerprints")."""
    text = word.text
    stems = [text] + [text[len(p) :] for p in _PRINT_PREFIXES if text.startswith(p)]
    return any(stem.startswith(_PRINT) for stem in stems)


_WE = frozenset({"я", "мы", "ми", "i", "i'm", "we", "we're", "me", "us", "меня", "мене", "нас",
                 "you", "вы", "ви"})  # fmt: skip
_COUNTER = frozenset({"at", "in", "by", "у", "в", "за", "на", "перед", "возле", "біля", "около",
                      "під", "под", "sitting", "standing", "waiting"})  # fmt: skip
_SOFTWARE_CLIENT = frozenset({"mail", "email", "e-mail", "vpn", "desktop", "web", "ftp", "sftp",
                              "torrent", "rdp", "citrix", "thin", "git", "api"})  # fmt: skip


def _someone_waits(words: list[Word], at: int) -> bool:
    """Someone other than the writer waits: the nearest person before a verb of waiting is
    not "I"/"we" ("пацієнти чекають", "a client … waiting to sign"; not "я жду ответа")."""
    if words[at].has("1per") or words[at].has("2per"):
        return False
    for word in reversed(words[max(0, at - 6) : at]):
        if word.text in _WE:
            return False
        if _is_people(word) or word.among(_vocabulary().stake) or _a_person(word):
            return True
        if word.among(_vocabulary().public):
            return True  # "families are waiting", "родичі чекають"
    return False


def _waits_at_the_door(words: list[Word], at: int) -> bool:
    """Someone or something from outside waits at the door or the gate, kept there by the
    fault: "Катафалк уже ждёт у входа", "the courier is waiting outside" (a hearse, a
    courier, a taxi: whoever came for what cannot be handed over). Not the writer ("я жду у
    входа") and not a wait somewhere else ("задание ждёт в очереди")."""
    if words[at].has("1per") or words[at].has("2per"):
        return False
    if any(w.text in _WE for w in words[max(0, at - 4) : at]):
        return False
    return any(w.among(_vocabulary().entrances) for w in words[at + 1 : at + 4])


def _kept_at_a_counter(words: list[Word], at: int) -> bool:
    """People or a group that stand or wait at a window, a door or in a queue: kept waiting
    by one station's fault, a stake and not many stopped ("смена 120 человек стоит у окна":
    the lamp room's program is down, the shift waits for it; "склад стоит" is stopped)."""
    vocab = _vocabulary()
    for v in range(at + 1, min(at + 5, len(words))):
        verb = words[v]
        if verb.among(vocab.standing) or verb.among(vocab.waiting) or verb.among(vocab.held):
            place = _past_what_they_hold(words, v + 1)
            return any(w.text in _COUNTER for w in place[:1]) and any(
                w.among(vocab.windows) or w.among(vocab.entrances) or w.lemma in vocab.queue
                or w.among(vocab.counters)
                for w in place
            )
        # only its group, count and people stand between: "вся смена 120 человек стоит"; not "каси
        # продажу квитків, пасажири стоять у черзі" (the tills are another subject)
        if not (verb.text.isdecimal() or verb.has("NUMR") or verb.text in _ALREADY or (
            verb.lemma in vocab.people or _people_word(verb) or _is_group(verb)
        )):
            return False
    return False


def _past_what_they_hold(words: list[Word], at: int) -> list[Word]:
    """The two words from `at`, past what the people hold ("стоять з рецептами біля
    прилавка", "стоят с посылками у окна", "waiting with their parcels at the counter")."""
    if at < len(words) and words[at].text in _WITH:
        held = at + 1
        while held < len(words) and words[held].text in ("their", "the", "своими", "своїми"):
            held += 1
        if held < len(words) and (words[held].has("ablt") or not words[held].tags):
            at = held + 1
    return words[at : at + 2]


_BEFORE_AN_HOUR = frozenset({"до", "после", "після", "с", "со", "з", "із", "від", "от", "о", "об",
                             "until", "till", "since", "by", "at", "after"})  # fmt: skip
_ALREADY = frozenset({"уже", "вже", "already", "still", "всё", "все", "ещё", "досі"})


def _public_stands(words: list[Word], at: int) -> bool:
    """The public stands or sits by, waiting: "люди стоять з папірцями", "хворі сидять під
    кабінетами", "customers standing at the till" (not "сотрудники сидят без интернета",
    which is our people stopped, read as many)."""
    # … with what they hold between: "люди з посилками стоять", "хозяева с животными сидят"
    near = words[max(0, at - 4) : at] + words[at + 1 : at + 2]
    return any(w.among(_vocabulary().public) for w in near)


def _a_person(word: Word) -> bool:
    """One person, to the dictionary or to English: "клиент", "a client", "customer"."""
    if word.tags:
        return {"NOUN", "anim"} <= word.tags[0] and word.lemma not in _vocabulary().not_people
    return _people_word(word) or word.lemma in _vocabulary().plural_stake


def _client_present(words: list[Word], at: int) -> bool:
    """One client or customer at the counter: "a client at the desk", "клиент сидит у меня";
    not a mail client ("почтовый клиент", "the VPN client")."""
    word = words[at]
    if word.lemma not in _vocabulary().plural_stake or not _a_person(word):
        return False
    if word.tags and "nomn" not in word.tags[0]:
        return False  # "у клиента на авто": the client's, not a client at the counter
    if word.lemma in ("заказ", "замовлення", "order"):
        return False
    before = words[at - 1] if at else None
    if before is not None and (before.text in _SOFTWARE_CLIENT or before.has("ADJF")):
        return False
    return any(w.text in _COUNTER or w.among(_vocabulary().waiting) for w in words[at + 1 : at + 3])


# A time close ahead: "через час", "за десять хвилин", "in half an hour", "at 7", "о 18:00"
_SOON = re.compile(
    r"(?<!\w)(?:через|за|in|within)\s+(?:\d+|пол|пів|півгодини|полчаса|an?|one|two|half an?|"
    r"десять|пять|п'ять|двадцять|тридцять|сорок|пятнадцать|п'ятнадцять|\w+)?\s*"
    r"(?:час\w*|годин\w*|минут\w*|хвилин\w*|hours?|minutes?|полчаса|півгодини|"
    # … a unit cut short only after a number: "in 20 min", "за 5 хв" (not "in depot HR", "in
    # admin": a place)
    r"(?:(?<=\d)|(?<=\d\s))(?:мин|хв|hrs?|mins?))(?!\w)|"
    r"(?<!\w)(?:at|о|об|в|к)\s+(?:[01]?\d|2[0-3])(?:[:.]\d{2})?(?:\s?(?:am|pm))?"
    r"(?![\w%.,]\d|[\w%])"
)
_NOT_AHEAD = frozenset({"после", "після", "after", "назад", "тому", "ago", "работы", "роботи",
                        "of"})  # fmt: skip
# Words before an event that do not name it: the English determiners that say which one
# (vocabulary's NOUN_DETERMINERS), the Russian and Ukrainian owners, and "в"/"у"/"на".
_DETERMINERS = NOUN_DETERMINERS | frozenset({"наш", "наша", "наше", "наші", "ваш", "мой", "мій",
                                             "моя", "в", "у", "на"})  # fmt: skip


def _event_soon(clause: str, lang: str, *, acts: bool = False) -> bool:
    """An event named with a time close ahead, as a clause of its own: "рейс через час",
    "урок за десять хвилин", "the show is at 7", "the flight boards in 40 minutes". Not a
    time inside what breaks ("через 5 минут после включения", "it crashed at 9")."""
    found = _SOON.search(clause)
    if found is None:
        return False
    after = _without_ours(_held_events(read_words(clause[found.end() :], lang), lang))
    if after and after[0].text in _NOT_AHEAD:
        return False
    vocab = _vocabulary()
    before = clause[: found.start()].strip(" ,.—–-")
    if not before:
        return _departs_after(after) or _event_named_after(after)
    if not _without_ours(read_words(before, lang)) and (
        _departs_after(after) or _event_named_after(after)
    ):
        return True  # "у нас через час совещание": whose it is, then the time
    if any(w.is_verb and not w.has("futr") and not w.among(vocab.event_verbs) for w in after):
        return False  # "комп через 10 минут зависает": what it does each time
    head = _held_events(read_words(clause[: found.start()], lang), lang)
    named = [w for w in head if w.text not in _DETERMINERS]
    if len(named) > 3:
        return _acts_at_its_time(named)
    if not named:
        return False
    if any(w.among(vocab.helpers) for w in named):
        return False  # "техник приедет в 15:00": help on its way, no event at stake
    if not any(w.is_noun or not w.tags for w in named if not w.among(vocab.event_verbs)):
        return False
    # people or a place as the subject do what a program does not: "група туристів вилітає
    # о 6", "офіс зачиняється за годину" (not "Outlook вилітає о 9")
    who = any(_is_people(w) or _is_group(w) for w in named)
    if acts and not (who or any(w.among(vocab.event_verbs) for w in named)):
        # a part set off by a comma: "…, помилка о 10:15" is when it failed; a time said
        # ahead ("через час", "за десять хвилин") after nouns of an event is one: "принтер не
        # печатает, рейс через час"
        return _named_ahead(found.group(0), named)
    return all(
        w.among(vocab.event_verbs) or _names_a_thing(w) or (who and w.is_verb) for w in named
    )


# What people, a group or a body do at their time, in English (no tags tell a verb): "a group
# of 140 boards our buses in an hour", "the board meets at 10", "the fair opens at 9"
_EVENT_ACTS_EN = frozenset({"meets", "meet", "boards", "board", "arrives", "arrive", "lands",
                            "collects", "picks", "comes", "visits", "leaves", "departs",
                            "sails", "starts", "begins", "opens", "gathers", "convenes",
                            "sits", "flies", "checks"})  # fmt: skip


def _acts_at_its_time(named: list[Word]) -> bool:
    """People, a group or a body, named with what tells who they are, doing at a near time
    what they come for, in a verb of its own: "A cruise-ship group of 140 boards our buses in
    an hour", "The shale mine board meets at 10", "група туристів із сорока людей вилітає о
    6". Not a machine or a program, not the desk's own people, and no stop."""
    vocab = _vocabulary()
    acts = [
        at
        for at, w in enumerate(named)
        if at
        and (
            (w.tags and w.is_verb and not _past(w) and not w.has("INFN"))
            or (not w.tags and w.text in _EVENT_ACTS_EN)
        )
    ]
    if any(
        w.lemma in vocab.shared_devices
        or w.among(vocab.helpers)
        or w.text in _NEGATION
        or w.text in _WE
        for w in named
    ):
        return False
    # a verb, and what it acts on in a few words ("the board" is a noun before "meets"); the
    # verb may be any, as people do what a program does not ("вилітає"), the rest no stop
    return any(
        len(named) - at - 1 <= 3
        and not any(w.among(vocab.stop_verbs) for w in named[:at] + named[at + 1 :])
        and any(
            _is_people(w) or _is_group(w) or w.among(vocab.visitors) or w.among(vocab.bodies)
            for w in named[:at]
        )
        for at in acts
    )


_AHEAD_WORDS = frozenset({"через", "за"})
# Whose the event is, said between its time and its name: "через час у нас онлайн-олимпиада",
# "о 16:00 у нас екскурсія", "в 11 у меня защита" (as "через час олимпиада").
_OURS = frozenset({("у", "нас"), ("в", "нас"), ("у", "меня"), ("у", "мене"), ("в", "мене")})


def _without_ours(words: list[Word]) -> list[Word]:
    """`words` without the "у нас" / "у меня" they open with: whose the event that follows is."""
    if len(words) >= 2 and (words[0].text, words[1].text) in _OURS:
        return words[2:]
    return words


def _named_ahead(time: str, named: list[Word]) -> bool:
    """Nouns the dictionary knows, then a time that can only be ahead ("рейс через час",
    "урок за десять хвилин", "поезд через 20 минут"): an event, with no verb needed. Not an
    error or what one machine shows ("ошибка через минуту"), and not English, whose words
    carry no tags to tell a noun from a verb ("reconnects in 5 minutes")."""
    if time.split()[0] not in _AHEAD_WORDS:
        return False
    vocab = _vocabulary()
    return all(
        w.tags
        and (w.is_noun or w.has("ADJF"))
        and not w.is_verb
        and not _an_error(w)
        and not w.among(vocab.one_machine_sees)
        and not w.among(vocab.stop_verbs)
        for w in named
    )


def _departs_after(after: list[Word]) -> bool:
    """The time first, then a vehicle's departure or an event with its subject: "за пів
    години відлітає вантажний чартер", "через час начинается приём", "через 20 минут
    отходит паром"; not a program or a machine ("через 10 минут вылетает программа", "через
    минуту отключается компьютер": what it does each time)."""
    vocab = _vocabulary()
    if not after or not (after[0].among(vocab.departing) or after[0].among(vocab.event_verbs)):
        return False
    subject = [w for w in after[1:4] if not (w.tags and {"ADJF", "PRTF"} & w.tags[0])]
    if not subject or not subject[0].tags:
        return False  # "вылетает 1С", "closes Outlook": no dictionary noun, a product
    noun = subject[0]
    return (
        noun.has("NOUN", "nomn")
        and not noun.among(vocab.containers)
        and noun.lemma not in vocab.shared_devices
        and noun.lemma not in vocab.not_a_unit
    )


def _event_named_after(after: list[Word]) -> bool:
    """The time first, then an event named by a noun with no verb: "через 40 минут сеанс
    связи со спутником", "о 14:00 виїзд на опис майна", "в 15:00 совещание у директора".
    Not an error or what a machine shows ("через минуту ошибка"), not a device or a program
    ("о 9:00 принтер …"), and not a verb anywhere in the part: "через 10 минут экран гаснет"
    is what a machine does each time, "в 9:00 было отключение" is past."""
    if not after or not after[0].tags or any(w.is_verb for w in after):
        return False
    vocab, noun = _vocabulary(), after[0]
    return (
        {"NOUN", "inan"} <= noun.tags[0]
        and noun.has("NOUN", "nomn")  # "совещание" is first read as the accusative
        and not _an_error(noun)
        and not noun.among(vocab.one_machine_sees)
        and not noun.among(vocab.containers)
        and not noun.among(vocab.not_a_unit)
        and noun.lemma not in vocab.shared_devices
        and noun.lemma not in _SLANG_DEVICES
    )


def _names_a_thing(word: Word) -> bool:
    """A noun or its adjective, not a verb or what breaks ("forticlient fails at 98%")."""
    return (
        (word.is_noun or word.has("ADJF") or not word.tags)
        and not word.is_verb
        and not english_past(word.text)
        and word.text not in _WE
        and not word.among(_vocabulary().stop_verbs)
    )



# A count of minutes said in words: "через сорок минут", "за двадцять хвилин", "in forty
# minutes" (a count in digits was read already).
_TENS = (
    r"пять|десять|пятнадцать|двадцать|тридцать|сорок|пятьдесят|п'ять|п'ятнадцять|двадцять|"
    r"тридцять|п'ятдесят|five|ten|fifteen|twenty|thirty|forty|fifty"
)
_NEAR_TIME = re.compile(
    r"(?<!\w)(?:до|by|at|before|к|о|об)\s+\d{1,2}(?:[:.]\d{2})?(?:\s?(?:am|pm))?(?![\w%])|"
    r"(?<!\w)(?:в|у|во)\s+\d{1,2}[:.]\d{2}(?![\w%.,]\d|[\w%])|"
    r"(?:до|by|at|before|к)\s+(?:noon|midday|обеда|полудня|обіду|опівдня)(?!\w)|"
    # … said in a word for its hour: "в полдень примерка", "опівдні нарада", "at lunchtime"
    r"(?<!\w)(?:(?:в|у)\s+полдень|опівдні|(?:о|в|у)\s+півдні|at\s+lunchtime)(?!\w)|"
    r"(?:через|за|within|in)\s+(?:the\s+next\s+|the\s+coming\s+|ближайш\w+\s+|найближч\w+\s+)?"
    r"(?:\d+\s+|пол|пів|півгодини|an?\s+|one\s+|two\s+|полчаса|half\s+(?:an?\s+)?|"
    r"(?:два|две|дві|три|чотири|четыре|пару|пара|кілька|несколько|a couple of|couple of|"
    r"three|a few|" + _TENS + r")\s+)?"
    r"(?:час\w*|годин\w*|минут\w*|мин|хвилин\w*|хв|hours?|hrs?|minutes?|mins?|полчаса|"
    r"півгодини)(?!\w)|"
    r"(?:до|by)\s+(?:конца|кінця|end of)\s+(?:дня|the day|рабочего дня|робочого дня)|"
    r"end of (?:the )?(?:day|month|quarter)|month[- ]end|quarter[- ]end|eod|"
    # … or booked for later today: "15 interviews booked this afternoon", "this evening's
    # stream" (not when it failed: "it froze this afternoon")
    r"(?:booked|scheduled|planned|lined up|set) (?:for )?(?:later )?(?:today|this afternoon|"
    r"this evening|tonight)|this (?:afternoon|evening)'s|later today"
)


def near_time(norm: str) -> bool:
    """Whether a normalised message names a time close ahead ("до 15:00", "через час",
    "сегодня"): a stake is now."""
    return _near_deadline(norm)


def _near_deadline(norm: str) -> bool:
    # not a time after which something fails: "closes in five minutes after I open it",
    # "через 5 минут после включения"
    for found in _NEAR_TIME.finditer(norm):
        after = norm[found.end() :].split(maxsplit=1)
        if not after or after[0].strip(",.;:!?") not in _NOT_AHEAD:
            return True
    near = _vocabulary().near
    return any(lemma(w, "ru") in near or w in near for w in norm.split())


_AFTER = frozenset({"после", "після", "after", "since", "від", "от", "on", "upon", "при"})


def _deadline(words: list[Word]) -> bool:
    vocab = _vocabulary()
    texts = [w.text for w in words]
    # an event after which or at which something fails is no event ahead: "вылетает после
    # запуска", "crashes on start", "при запуске"
    # … and so is one said in the English past ("it started last night")
    # … and so is one said in the past ("началось в 9:00", "почалося о 10") and what fails
    # itself ("it won't start", "не начинается")
    ahead = [
        w
        for at, w in enumerate(words)
        if not (at and texts[at - 1] in _AFTER)
        and not (not w.tags and english_past(w.text))
        and not _past(w)
        and not (at and texts[at - 1] in _NEGATION)
    ]
    obliged = any(_an_event(w, vocab.obliged) for w in ahead) or any(
        a in _OBLIGED_BEFORE_TO and b == "to" for a, b in pairwise(texts)
    ) or any(t in ("має", "мають", "маю", "маємо") for t in texts)
    # a court "hearing" by its own form: the stem is that of "hear" ("nobody can hear me")
    obliged = obliged or any(t in ("hearing", "hearings") for t in texts)
    obliged = obliged or _mine_to_do(words) or _presenting(ahead) or _sent_to_me(ahead)
    obliged = obliged or _sent_out(ahead)
    return (
        obliged
        or any(w.among(vocab.deadline) for w in words)
        or _awaited(words)
        or _client_arrives(words)
    )


# An English obligation said before "to", as "надо", "нужно", "треба" say it: "has to reach the
# bank by 3pm", "the quotes need to go today", "the venue is supposed to email the contract by
# 3pm", "is meant to be signed by noon".
_OBLIGED_BEFORE_TO = frozenset({"has", "have", "had", "need", "needs", "supposed", "meant"})


# The writer showing or presenting something to someone: the event of "презентация", "demo",
# "pitch" said by its verb ("За годину показую замовнику нову колекцію", "в 15:00 презентую
# проект совету", "I'm presenting to the board in an hour")
_PRESENT_VERBS = frozenset({"показывать", "показать", "презентовать", "демонстрировать",
                            "продемонстрировать", "показувати", "показати", "презентувати",
                            "демонструвати", "продемонструвати"})  # fmt: skip
_PRESENT_EN = re.compile(r"(?<!\w)(?:i'?m|i am|we'?re|we are|i|we) (?:presenting|pitching|demoing|"
                         r"present|pitch|demo)(?!\w)")  # fmt: skip


def _presenting(words: list[Word]) -> bool:
    """The writer's own showing at the near time, in the first person, not in the past:
    "показую замовнику колекцію", "презентуем проект", "I'm presenting to the board" (not
    "монитор показывает «Нет сигнала»": a screen's verb is in the third person)."""
    if any(w.lemma in _PRESENT_VERBS and w.has("1per") for w in words):
        return True
    return bool(_PRESENT_EN.search(" ".join(w.text for w in words)))


# Someone else sending the writer what they wait for at the near time: "the buyer is sending
# the signed contract in the next half hour", "лаборатория пришлёт результаты к 12",
# "постачальник надішле рахунок о 15:00" (not the writer's own sending: "I send the invoices")
_SEND_VERBS = frozenset({"прислать", "присылать", "выслать", "высылать", "прислати",
                         "присилати", "надіслати", "надсилати", "вислати", "висилати"})  # fmt: skip
_SENT_EN = re.compile(
    r"(?<!\bi )(?<!\bwe )(?<!\bi'm )(?<!\bwe're )(?<!\bam )(?:is|are|will be|'s) sending|"
    r"(?<!\bi )(?<!\bwe )(?:will send|sends)"
)


def _sent_to_me(words: list[Word]) -> bool:
    """Someone else sends the writer something at the near time (`_SEND_VERBS`, `_SENT_EN`):
    not in the first person, not in the past."""
    if any(w.lemma in _SEND_VERBS and not w.has("1per") for w in words):
        return True
    return bool(_SENT_EN.search(" ".join(w.text for w in words)))


# What the writer's business sends out at the near time, said in the present: the writer's
# own sending in the first person ("В 10:30 отправляю группу на воздушной подушке", "о 15:00
# відправляємо машину", "we ship at 4", "I'm sending the offer at noon") or the thing going
# out to whom it is for ("the price list goes to our distributor at 5pm"): a deadline, as "has
# to go out by 3pm" is (not in the past, not denied: `_deadline` reads only what is ahead).
_SEND_OUT_VERBS = frozenset({"отправлять", "отправить", "отгружать", "отгрузить", "высылать",
                             "выслать", "отвозить", "отвезти", "відправляти", "відправити",
                             "відвантажувати", "відвантажити", "висилати", "вислати",
                             "відвозити", "відвезти", "надсилати", "надіслати"})  # fmt: skip
_SENT_OUT_EN = re.compile(
    r"(?<!\w)(?:(?:i|we)(?:'ll| will)? (?:send|ship|dispatch)|(?:i'?m|i am|we'?re|we are) "
    r"(?:sending|shipping|dispatching)|(?:goes|go|is going|are going) (?:out )?to (?!sleep|"
    r"standby|hibernat|spam|junk|voicemail)(?:[\w'-]+ ){1,3}(?:at|by|before) \d{1,2}"
    r"(?:[:.]\d{2})?(?: ?[ap]m)?)(?!\w)"
)


def _sent_out(words: list[Word]) -> bool:
    """The writer's business sends something out at the near time (`_SEND_OUT_VERBS` in the
    first person, `_SENT_OUT_EN`); not someone sending to the writer (`_sent_to_me`)."""
    if any(w.lemma in _SEND_OUT_VERBS and w.has("1per") for w in words):
        return True
    return bool(_SENT_OUT_EN.search(" ".join(w.text for w in words)))


_TO_ME = frozenset({"мне", "мені", "нам"})
_TIME_BETWEEN = frozenset({"через", "за", "в", "во", "о", "об", "до", "к", "уже", "вже", "пол",
                           "пів", "полчаса", "півгодини", "час", "часа", "годину", "години",
                           *_TENS.split("|")})  # fmt: skip


def _mine_to_do(words: list[Word]) -> bool:
    """The writer's own task said by the dative and an infinitive, the time between or
    around: "через 40 минут мне отправлять накладную", "Мені за сорок хвилин віддавати
    аудиторам сертифікати" (an obligation, as "надо" says it; not "мне некогда отвечать")."""
    for at, word in enumerate(words):
        if word.text not in _TO_ME:
            continue
        for following in words[at + 1 : at + 6]:
            if following.has("INFN") or following.has("infn"):  # the Ukrainian tag set's
                return True
            timed = following.text.isdecimal() or following.has("NUMR")
            if not (timed or following.text in _TIME_BETWEEN or _a_stretch_of_time(following)):
                break
    return False


# A hearing, a lesson or a broadcast held online or by video is the same event: "онлайн-
# заседание", "відеозасідання", "videoconference".
_MEDIUM = re.compile(r"^(?:онлайн|видео|відео|video|online|теле|tele|веб|web)-?(?=\w{4,})")


def _held_events(words: list[Word], lang: str) -> list[Word]:
    """Words with an event compounded with how it is held ("онлайн-брифінг", "відеонарада",
    "веб-семинар"), which the dictionary does not know, read as the bare event: an online
    briefing is a briefing."""
    return [_bare_event(w, lang) if not w.tags else w for w in words]


def _bare_event(word: Word, lang: str) -> Word:
    bare = _MEDIUM.sub("", word.text)
    if bare == word.text:
        return word
    found = read_words(bare, lang)
    return found[0] if len(found) == 1 and found[0].is_noun else word


def _an_event(word: Word, events: frozenset[str]) -> bool:
    """Whether `word` is one of `events`, also compounded with how it is held."""
    if word.among(events):
        return True
    bare = _MEDIUM.sub("", word.text)
    if bare == word.text:
        return False
    return any(lemma(bare, lang) in events for lang in ("ru", "uk", "en"))


def _client_arrives(words: list[Word]) -> bool:
    """A client, customer or patient arriving at the near time: "клієнт приїде підписувати о
    15:00", "the customer is coming at 3 to collect it" (not a technician coming)."""
    vocab = _vocabulary()
    for at, word in enumerate(words):
        someone = word.among(vocab.public) and word.text not in ("люди", "people", "народ")
        # … or a vehicle come to collect: "машина за партией приедет в 15:00"
        someone = someone or word.among(vocab.vehicles) or word.among(vocab.visitors)
        if someone and any(w.among(vocab.arriving) for w in words[at + 1 : at + 5]):
            return True
        # … or a courier who collects: "о 14:00 кур'єр Нової пошти забирає 60 посилок"
        if word.among(vocab.couriers) and any(
            w.among(vocab.collecting) for w in words[at + 1 : at + 5]
        ):
            return True
    return False


def _past(word: Word) -> bool:
    """A verb whose first reading is in the past tense ("началось", "чекали")."""
    return bool(word.tags) and {"VERB", "past"} <= word.tags[0]


_EXPECTING = frozenset({"expects", "expecting", "expect", "awaits", "awaiting"})


def _awaited(words: list[Word]) -> bool:
    """Someone other than the writer waits for it by a near time: "банк ждёт выписку до
    18:00", "клієнт чекає на договір сьогодні", "the auditor expects the file by noon"
    (not "жду ответа до 18:00", "I'm waiting for it until 6")."""
    vocab = _vocabulary()
    for at, word in enumerate(words):
        if not (word.among(vocab.waiting) or word.text in _EXPECTING):
            continue
        if word.has("1per") or word.has("2per") or word.has("impr") or _past(word):
            continue  # … nor "выдёргивали питание и ждали по 20 минут": a wait that was done
        if not any(w.text in _WE for w in words[:at]):
            return True
    return False
