""" "tried": what the user already did about the problem, read from any tense or person.

"перезапускала", "вынимал и вставлял обратно", "вже відкочував драйвер", "I've rebooted
twice", "rolled back the update": the clause with the attempt verb is kept with its
objects. Requests, questions and plans ("перезагрузить?", "please reset", "I'll try
reinstalling") are not attempts; "ничего не пробовал" is an answer (nothing tried).
"""

from __future__ import annotations

import re
from functools import lru_cache

from gateway.dialogs.extract import since
from gateway.dialogs.extract.after_fix import said_as_result
from gateway.dialogs.extract.case_blind import case_blind
from gateway.dialogs.extract.failed_options import OPTION_WORD, failed_options
from gateway.dialogs.extract.handled import acts_on_thing, en_acts_on_thing
from gateway.dialogs.extract.judged import SLANG_VERDICT, judged_steps
from gateway.dialogs.extract.others_steps import someone_tried
from gateway.dialogs.extract.own_steps import (
    BY_MISTAKE,
    ELSEWHERE_TOO,
    SAME_RESULT,
    TROUBLE,
    is_own_step,
)
from gateway.dialogs.extract.step_cues import BE_NOW as _BE_NOW
from gateway.dialogs.extract.step_cues import EN_NOT_DONE as _EN_NOT_DONE
from gateway.dialogs.extract.step_cues import IS_NOW as _IS_NOW
from gateway.dialogs.extract.step_cues import NEGATED as _NEGATED
from gateway.dialogs.extract.step_cues import RETRIED as _RETRIED
from gateway.dialogs.extract.step_cues import WHEN_DOING as _WHEN_DOING
from gateway.dialogs.extract.task_manager import ended_by_hand, step_of
from gateway.dialogs.extract.words import CLAUSE as _CLAUSE
from gateway.dialogs.extract.words import TEXTS_KEPT, DoneForms, fold, word_at
from gateway.knowledge.morphology import verb_grammemes
from gateway.knowledge.vocabulary import DETERMINER_WORDS_ENGLISH, NOUN_DETERMINERS
from gateway.triage.given_away import baited, called_fake, took_the_bait
from gateway.triage.phrases import SCREEN_QUOTE

_I = re.IGNORECASE

_ATTEMPT_STEMS = """
    перезагруж перезагруз перезапуск перезапуст переустанавл переустанав переустанов
    перепровер проверя провер пробова попробова перепробова пыта попыта выключа выключ
    включа включ отключа отключ подключа подключ переподключа переподключ выдерг выдёрг
    выдерн вынима вынул вынул выташ вытаск вытащ вставля встав перетык перевтык обновля
    обнов сбрасыва сброси сброс чисти почисти очища очисти вычищ вычист вичищ вичист
    удаля удали откатыва откати перезайт видалит
    перезаход перезаш перелогин вылогин разлогин переключа переключ меня поменя замени
    заменя переставля пересоздава пересозда запуска запусти сканирова просканирова прогоня
    прогна переуста перезавантаж перезапуска перевстанов перевстановлю пробува спробува перепробува
    намага перевіря перевір вимика вимкн вмика увімкн відключа відключ підключа підключ
    перепідключа перепідключ витяга витягну вийма вийня встромля оновлю онови оновл скида
    скину скинув чисти почисти очищ видаля видалил видалив відкочу відкоти відкату перезаходи
    перезайш перелогін вилогін перемика перемкн міня поміня заміню замінюва заміни
    перестворю перестворю запуска запусти скану проскану
    выход заход вийт вийш заходи забыва забув відкрива открыва витяг вытяг держа трима
    перевбира вводи ввод ввёл ввел перевводи перенабир перенабра перенабр перевби
    передерг передёрг передерн передёрн переткн перетика перетикну
    посмотрел посмотре подивив переставил переставив нажима нажал натиска натисн натиснув
    клика кликну клацала клацну
    протира протер протёр протерл продува продул дул чистил
    подожд ждал зачека почека чекал чекав
    ребут рестарт ресет логин
    снес снёс снос знес знос перегруж
    пересади пересаж вытрях витрус трога чіпа продув вытира витира вытер витер
    смыка смика подерга посмика шата поправля поправи
    тыка тыкну потыка повыдерг повыдёрг повитяга
    заряжа заряди заряджа
"""
_REFLEXIVE_STEMS = "перелогин переподключ перепідключ пыта попыта намага перелогін логин"
ATTEMPT_VERBS = DoneForms(_ATTEMPT_STEMS.split(), reflexive=_REFLEXIVE_STEMS.split())
_STEMS = ATTEMPT_VERBS.stems
# English: done forms of attempt verbs (irregular ones listed), and phrasal attempts.
_EN_DONE = case_blind(
    r"\b(?:re-?start(?:ed|ing)|reboot(?:ed|ing)|re-?join(?:ed|ing)|(?:re-?|un)install(?:ed|ing)|"
    r"tried|trying|unplugg(?:ed|ing)|replugg(?:ed|ing)|plugged|reconnect(?:ed|ing)|"
    r"reset(?:ting)?|clear(?:ed|ing)|rolled|rolling|roll(?:ed)? back|updat(?:ed|ing)|"
    r"upgrad(?:ed|ing)|check(?:ed|ing)|power[- ]cycl(?:ed|ing)|"
    r"(?:turn|switch)(?:ed|ing) (?:it |them |the \w+ |(?!it\b|them\b)[\w-]+ )?(?:off|on)\b|"
    r"click(?:ed|ing)|press(?:ed|ing)|"
    r"(?:logg|sign)(?:ed|ing) (?:out|in|off)|ran|"
    # "run Windows Update" is a step; "running Windows 10", "run on Mac" say what it runs
    r"run(?! (?:win\w*(?! update)|mac\w*|ios|android|linux|ubuntu|chrome ?os|on|fine|slow\w*|"
    r"out)\b)|"
    r"running(?! (?:win\w*|mac\w*|ios|android|linux|ubuntu|chrome ?os|on|fine|slow\w*|out)\b)|"
    r"scann(?:ed|ing)|"
    r"swapp(?:ed|ing)|replac(?:ed|ing)|remov(?:ed|ing)|delet(?:ed|ing)|repair(?:ed|ing)|"
    r"flush(?:ed|ing)|re-?creat(?:ed|ing)|re-?add(?:ed|ing)|re-?pair(?:ed|ing)|"
    r"disabl(?:ed|ing)|enabl(?:ed|ing)|chang(?:ed|ing)|cleaned|did|done|taken|put|"
    # "took the tray out" needs no "I" (a bare "took" does: "it took an hour")
    r"took(?: (?:\w+ ){0,3}?(?:out|off|apart))?|"
    r"held|holding|loaded|re-?load(?:ed|ing)|refilled|re-?enter(?:ed|ing)|entered|re-?open(?:ed|ing)|"
    r"closed and (?:re-?)?opened|"
    r"(?:re-?)?select(?:ed|ing)|picked|chose|re-?plugg(?:ed|ing)|(?:re-?)?typ(?:ed|ing)|waited|waiting|re-?seat(?:ed|ing)|"
    r"forg(?:ot|otten|etting) (?:the |this |that |my |our )?(?:wi-?fi |wireless )?"
    r"(?:network|wi-?fi|ssid)|"
    r"open(?:ed|ing) (?:the )?(?:\w+ )?(?:cover|tray|door|lid)s?|"
    # … the safe mode a program was opened in, and the earlier copies a lost file is looked
    # for in: "opened it in safe mode" (tune9, frozen31), "I opened Previous Versions and it
    # says …" (frozen40); never a file or a letter opened ("opened the attachment")
    r"open(?:ed|ing) (?:it |them |the \w+ |\w+ )?in safe mode|"
    r"open(?:ed|ing) (?:the |my )?(?:previous versions|older versions|version history|"
    r"recycle bin)|"
    # hand steps said plainly, with no verdict beside them: "I pulled two crumpled sheets out",
    # "cancelled all the print jobs", "charged it overnight" (room made, "emptied the recycle
    # bin", is a step only when the fault stays: alone it may be how a file was lost)
    r"pull(?:ed|ing) (?:\w+ ){0,3}?out|"
    r"cancel+(?:ed|ing) (?:all |the |every |my )*(?:print(?:ing)? )?(?:jobs?|documents?|queue)|"
    r"charg(?:ed|ing) (?:it|them|the \w+)|"
    # the device handled by hand: "blew the vents out", "wiped the sensor", "jiggled the cable"
    r"bl(?:ew|own|owing) (?:\w+ ){0,3}?(?:out|off|through)|"
    r"wip(?:ed|ing)|jiggl(?:ed|ing)|wiggl(?:ed|ing)|shook|shaking|dust(?:ed|ing)|"
    r"tighten(?:ed|ing)|"
    # left off to cool down or reset: "Left it off overnight", "left it unplugged for an hour"
    r"left (?:it |them |the \w+ )?(?:off|unplugged|switched off|turned off|powered off))\b"
    r"(?! (?:itself|by itself|on its own|randomly|black|blue|red))",
)
# "restart" in the present after I/we: "I restart it every morning".
_EN_HABIT = case_blind(
    r"\b(?:i|we)(?: always| already| usually)? (?:restart|reboot|reinstall|unplug|reset|"
    r"clear|check|turn|switch|log out|sign out)\b|"
    # … and the step told in the English of someone who learnt it late, a bare verb after "am"
    # or "was": "I am restart the Outlook and the laptop", "I was restart printer and computer
    # both", "i am try many time" (no English speaker's present or plan has this shape)
    r"\b(?:i|we|he|she|they) (?:am|was|were|is|are)(?: already| also| again)? (?:restart|reboot|"
    r"reinstall|install|unplug|replug|reset|clear|clean|check|try|remove|delete|update|change|"
    r"replace)\b(?!-)|"
    # … and what is typed in again and again: "I type a new one twice and it just comes back
    # to the same screen", "we enter the code again and again"
    r"\b(?:i|we)(?: always| keep| still)? (?:type|enter|re-?type|re-?enter|put in) "
    r"(?:[\w']+ ){0,3}?(?:twice|again|(?:two|three|four|several|a few|\d+) times)\b",
)
# What the user has to do again and again to work at all: "I have to restart the router
# every morning", "we need to replug it a few times a day" (as "приходится каждый час
# переподключать"); "I need to restart it" alone is a plan, not a step.
_EN_KEPT_UP = case_blind(
    r"\b(?:i|we)(?: still| now)? (?:have to|need to|must|'ve got to|have got to|got to) "
    r"(?:re-?start|reboot|re-?install|unplug|re-?plug|reset|clear|power[- ]cycle|reconnect|"
    r"turn|switch|log out|sign out)\b"
    r"(?=[^.;!?]*\b(?:every|each|daily|nightly|several times|a few times|all the time|"
    r"constantly|twice a day|again and again)\b)",
)
_RU_NOT_DONE = re.compile(
    r"\b(?:нужно|надо|можно|стоит ли|мне|может|пожалуйста|прошу|попробую|попробуем|буду|"
    r"потрібно|треба|чи можна|можна|спробую|будь ласка|прошу|будемо|не|ні)\s+\w*$",
    _I,
)
# "reset my password", "update me": what the user asks for, not what they did.
_EN_REQUEST_OBJECT = re.compile(r"\s+(?:my|me|our)\b", _I)
# ... unless the user is its subject: "I've reset my password", "we already updated our drivers".
_EN_SUBJECT_BEFORE = re.compile(
    r"(?P<when>\b(?:after|since|when|once|before|until|till|because)\s+)?"
    r"\b(?:i|we|i've|we've|ive|weve)\s+(?:(?:have|had|already|just|also|even)\s+){0,2}$",
    _I,
)


def _done_by_user(before: str) -> bool:
    """Whether the user is the subject of what follows, as a step of theirs: "I've reset my
    password"; not "Started after I changed my password" (what set it off)."""
    subject = _EN_SUBJECT_BEFORE.search(before)
    return bool(subject) and not subject.group("when")


# Nouns of attempts that count with a verdict: "перезагрузка не помогла", "reboot didn't help".
# ... and the modes and tools a user starts to fix things: "Безопасный режим не помог", "Safe
# mode didn't help", "відновлення системи нічого не дало".
_ATTEMPT_NOUNS = (
    r"чистк\w*|перезагрузк\w*|переустановк\w*|перезапуск\w*|сброс\w*|откат\w*|очистк\w*|"
    r"перезавантаженн\w*|перевстановленн\w*|скидання|відкат\w*|очищенн\w*|"
    # a part swapped, a password changed: "Заміна картриджа нічого не дала", "смена пароля"
    r"замен[аыеу]|замін[аиу]|смен[аыеу]|replacement|"
    r"безопасн\w*\s+режим\w*|режим\w*\s+безопасн\w*|безпечн\w*\s+режим\w*|"
    r"восстановлени\w*|відновленн\w*|диагностик\w*|діагностик\w*|ребут\w*|рестарт\w*|"
    r"restart\w*|reboot\w*|reinstall\w*|reset\w*|rollbacks?|roll-backs?|update|safe\s+mode|"
    r"(?:вкл|выкл|вимк|увімк|ввімк)\w*\.?\s*(?:[-/]|и|і|та)\s*(?:вкл|выкл|вимк|увімк|ввімк)\w*|"
    r"(?<!\w)(?:off\s*(?:/|and)\s*on|on\s*(?:/|and)\s*off)(?:\s+again)?|"
    r"(?:system\s+)?restore|recovery|repair|troubleshooter|diagnostics?"
)
_STEP_NOUN = case_blind(rf"(?<!\w)(?:{_ATTEMPT_NOUNS})")
# A step the user took to get set up or let in, said in the past: the account added ("додавав
# обліковий запис у «Пошті»", "добавила учётку"; "коли додаю скриньку" is when it fails), an
# access request sent ("Запит через кнопку на сторінці відправляла", "I already sent a
# request", "submitted an access request") or the one who grants access asked ("Asked the
# site owner", "писала керівнику"): frozen18, frozen20, frozen21. Not a request yet to make
# ("хочу отправить запрос") nor one that others sent ("клиенты отправили заявки").
_ADDED = (
    r"(?:добавил|добавлял|додавал|додал)(?:а|и)?|(?:дода|додава)(?:в|ла|ли)|"
    r"(?:added|re-?added)"
)
_ACCOUNT = (
    r"(?:учётн\w*|учетн\w*|обліков\w*|акаунт\w*|аккаунт\w*|учётк\w*|учетк\w*|"
    r"ящик\w*|скриньк\w*|почт\w*|пошт\w*|профил\w*|профіл\w*|account|mailbox|profile)"
)
_REQUEST = r"(?:запрос\w*|запит\w*|заявк\w*\s+на\s+доступ|(?:access\s+)?request)"
_SENT = (
    r"(?:отправил|отправлял|послал|посылал|подал|подавал|создал|создавал|оформил|оформлял|"
    r"направил|направлял)(?:а|и)?|"
    r"(?:відправи|відправля|надісла|надсила|пода|подава|створи|створюва|оформи|оформлю|"
    r"направи|направля)(?:в|ла|ли)|"
    r"sent|submitted|raised|filed|logged|put in|made"
)
_ASKED_OWNER = (
    r"(?:asked|emailed|e-mailed|messaged|contacted|pinged|called|phoned|wrote to)\s+"
    r"(?:the|my|our|her|his|their|a)\s+(?:[\w-]+\s+)?(?:owner|manager|supervisor|boss|"
    r"colleague|co-?worker|admin|administrator)s?|"
    # … in Russian and Ukrainian, the one asked in the genitive after "у" / "в" or as the
    # object ("спросила у руководителя", "запитала в керівника", "попросила коллегу"); never
    # the one who asks ("меня просила коллега")
    r"(?:(?:спросил|спрашивал|попросил|просил)(?:а|и)?|(?:запита|запитува|пита|попроси|проси)"
    r"(?:в|ла|ли))\s+(?:(?:у|в|із|з)\s+)?(?:(?:своего|своей|свого|своєї|моего|моей|мого|моєї|"
    r"нашего|нашей|нашого|нашої|её|ее|його|її)\s+)?(?:руководител(?:я|ю|ей)|начальни(?:ка|ку|цу|цы)|"
    r"керівни(?:ка|ку|кові|цю|ці)|менеджер(?:а|у|ові)|админ(?:а|у)|адмін(?:а|у|ові)|"
    r"администратор(?:а|у)|адміністратор(?:а|у|ові)|владельц(?:а|у)|власни(?:ка|ку|кові|цю|ці)|"
    r"коллег(?:у|и)|колег(?:у|и|і))"
)
_SET_UP_STEP = case_blind(
    rf"(?<!не )(?<!ні )(?<!not )(?<!\w)(?:"
    rf"(?:{_ADDED})\s+(?:(?:уже|вже|again|заново|знову|снова|робоч\w+|рабоч\w+|"
    rf"корпоративн\w+|my|the|our|a|work)\s+){{0,2}}{_ACCOUNT}|"
    rf"{_ACCOUNT}\s+(?:уже\s+|вже\s+)?(?:{_ADDED})|"
    rf"{_REQUEST}(?:\s+[\w«»\"'.-]+){{0,5}}?\s+(?:{_SENT})|"
    rf"(?:{_SENT})\s+(?:(?:a|an|the|my|our|уже|вже|же)\s+)?(?:[\w-]+\s+){{0,2}}?{_REQUEST}|"
    rf"{_ASKED_OWNER})(?!\w)"
)
_VERDICT = case_blind(
    rf"(?:{_ATTEMPT_NOUNS})\s+(?:[\w.-]+\s+|[—–:]\s*){{0,3}}?"
    r"(?:тоже |также |теж |також |also )?"
    # "Перезавантаження — нуль", "Reboot: zero": the result said as a bare nought
    rf"(?:(?<=[—–:-] )(?:ноль|нуль|zero|nada|nothing|ничего|нічого)(?!\w)|{SLANG_VERDICT}|"
    r"не помог\w*|не допом[оі]г\w*|не допомага\w*|ничего не да\w*|нічого не да\w*|"
    r"ничего не измени\w*|нічого не змін\w*|did(?:n'?t| not) help|"
    r"did(?:n'?t| not) (?:do|change|fix|solve|sort) (?:anything|it|that|this|the \w+)|"
    r"did nothing|no luck|doesn'?t help|made no difference|"
    # no result, not solved, or only for a while: "перезагрузка — без результата", "не решила
    # проблему", "Перезагрузка помогает на полчаса", "A reboot fixed it for an hour"
    r"без результат\w*|результат\w* не да\w*|не реши\w*|не решает|не вирішил\w*|не вирішує|"
    r"(?:помога\w*|помог\w*|допомага\w*|допом[оі]г\w*)\s+(?:на |ненадолго|ненадовго|временно|"
    r"тимчасово|ненадолго)|(?:fixed|fixes|helped|helps) (?:it )?(?:for|only for|briefly)|"
    r"didn'?t solve|did not solve)",
)
# An attempt as a noun with how often it was done: "перевстановлення програми — так, двічі",
# "переустановка — два раза", "reinstall x2".
_NOUN_COUNTED = case_blind(
    rf"(?:{_ATTEMPT_NOUNS})(?<!ed)(?<!ing)(?<!s)\s+(?!itself|by itself|on its own|сам)"
    r"(?:[\w.'-]+\s+){0,3}?(?:[—–-]\s*(?:так|да|yes|done)\s*$|"
    r"(?:[—–-]\s*)?(?:(?:так|да|yes),?\s+)?"
    r"(?:двічі|дважды|тричі|трижды|два рази|два раза|три рази|три раза|кілька разів|"
    r"несколько раз|пару раз|twice|x\d|×\d|\d+\s*(?:рази|раза|разів|раз|times))(?!\w))",
)
# A step that "was" already: "Уже была перезагрузка роутера", "Была уже и перезагрузка, и
# переустановка", "перезавантаження вже було" ("ночью была перезагрузка сервера", with no
# "уже", may be the machine's own).
_WAS_ALREADY = case_blind(
    r"(?<!\w)(?:(?:уже|вже)\s+(?:был\w*|було|був|була|були)|(?:был\w*|було|був|була|були)\s+"
    r"(?:уже|вже))\s+(?:(?:и|і|й|тоже|теж)\s+)?(?:" + _ATTEMPT_NOUNS + r")|"
    r"(?:" + _ATTEMPT_NOUNS + r")\s+(?:\w+\s+)?(?:уже|вже)\s+(?:был\w*|було|був|була|були)(?!\w)"
)
# An attempt as a noun with "done": "Reboot done x2", "cache clear done", "reinstall tried".
_NOUN_DONE = case_blind(
    r"\b(?:reboot|restart|reinstall|re-?install|reset|power[- ]?cycle|update|rollback|roll-?back|"
    r"repair|cache clear|clear cache|re-?login)s?\s+(?:(?:has|have|had)\s+(?:already\s+)?been\s+|"
    r"(?:was|were|is)\s+)?(?:already\s+)?(?:done|tried|attempted|"
    r"performed|completed)\b",
)
# A done "make/run" with the attempt as a noun: "сделала сброс настроек", "провёл диагностику".
_DONE_ACTIONS = (
    r"(?:сброс|перезагрузк|переустановк|обновлени|откат|очистк|чистк|проверк|диагностик|"
    r"(?:вкл|выкл|вимк|увімк)\w*\.?\s*[-/]\s*(?:вкл|выкл|вимк|увімк)|"
    r"калибровк|скидання|перезавантаженн|перевстановленн|оновленн|відкат|очищенн|чистк|"
    r"перевірк|діагностик|калібрув|калібровк|"
    # cleaning, flashing, refilling: "Промивку дюз робила", "прочистку сопел делали"
    r"промывк|промивк|промиванн|прочистк|прочищенн|продувк|продуванн|перепрошивк|прошивк|"
    r"заправк|дефрагментаци|дефрагментаці)"
)
_DID_VERBS = (
    r"(?:сделал\w*|делал\w*|провел\w*|проводил\w*|зробил\w*|зробив|робил\w*|робив|провів|"
    r"провела|проводила|проводив)"
)
# … also the noun first: "Калибровку делали, не помогло", "скидання робили"
_DID_ACTION = case_blind(
    rf"{_DID_VERBS}\s+(?:\w+\s+)?{_DONE_ACTIONS}\w*|"
    rf"(?<!\w){_DONE_ACTIONS}\w*\s+(?:\w+\s+)?(?:уже\s+|вже\s+)?{_DID_VERBS}(?!\w)",
)
# The self-help followed ("делала всё по инструкции", "I followed the article"), someone
# already looking or connected ("айтишник уже смотрел", "колега вже дивився", "админ удалённо
# подключался", "IT already had a look"), or a check on another machine ("на другом
# компе работает", "it works from my phone").
_FOLLOWED = case_blind(
    r"(?:сделал\w*|делал\w*|выполнил\w*|выполнял\w*|зробил\w*|зробив|робил\w*|робив|"
    r"виконал\w*|виконав|followed|did|went through|tried)(?:\s+\w+){0,3}?\s+(?:по|за|как|як|in|the|"
    r"what|everything|all)?\s*(?:\w+\s+)?(?:инструкци\w*|стать\w*|написано|советовал\w*|"
    r"сказал\w*|інструкці\w*|статт\w*|порад\w*|article|instructions?|steps|guide|"
    r"you (?:said|suggested)|suggested)|"
    # … or came first: "Приходил мастер", "приходив майстер", "смотрел админ"
    r"(?:приходил\w*|приходив|приезжал\w*|приїжджав\w*|приїздив\w*|смотрел\w*|дивився|"
    r"дивилась|дивилася|дивилися|дивились|перевіряв|проверял\w*)\s+"
    r"(?:(?:уже|вже|наш|наша|вчера|вчора)\s+)*(?:мастер\w*|майст[еє]?р\w*|айтишник\w*|админ\w*|"
    r"сисадмин\w*|айтішник\w*|адмін\w*|технік\w*|техник\w*|провайдер\w*)|"
    r"(?:айтишник\w*|админ\w*|сисадмин\w*|айтішник\w*|адмін\w*|технік\w*|техник\w*|"
    r"мастер\w*|майст[еє]?р\w*|провайдер\w*|"
    r"someone from it|the it guy|it support|technician|(?:our|the) admin|коллег\w*|колег\w*|"
    r"colleague|it already|(?:the|our) it (?:team|department|dept|guys|people)|helpdesk|"
    # (with up to three words between: "Майстер з сервісу вже дивився")
    r"help desk)\s+(?:[\w']+\s+){0,3}?"
    r"(?:смотрел\w*|приходил\w*|проверял\w*|дивився|дивилась|дивилася|дивилися|дивились|приходив|перевіряв|"
    r"приезжал\w*|приїжджав\w*|приїздив\w*|"
    r"подключал\w*|підключав\w*|підключал\w*|looked|came|checked|tried|had a look|connected|"
    r"remoted in|took a look)|"
    # "had IT look at it", "had the admin check it": someone else asked to look
    r"\bhad (?:it|the it guy|our it guy|the admin|our admin|a technician|someone|support|"
    r"the helpdesk|the help desk) (?:look|check|have a look)|"
    r"(?:на|с|со|з|із|в|во|у|через|from|on|in|via|using)\s+(?:другом|другого|другой|другую|"
    r"іншому|іншого|іншій|інший|іншу|another|other|a different|my)\s+(?:\w+\s+)?"
    r"(?:комп\w*|ноут\w*|пк|телефон\w*|браузер\w*|устройств\w*|"
    r"пристро\w*|pc|computer|laptop|phone|browser|device|machine)\s+(?:\w+\s+)?"
    r"(?:работает|заходит|открывается|працює|заходить|відкривається|works|opens|loads|is fine|"
    r"тоже|теж|також|too|also|the same|same|то же|те саме|те ж саме|так само)|"
    r"(?:по|за)\s+(?:вашей\s+|вашій\s+|этой\s+|цій\s+)?(?:инструкци\w*|інструкці\w*|стать\w*|"
    r"статт\w*)\s+(?:\w+\s+)?(?:сделал\w*|зробил\w*|зробив|выполнил\w*|виконал\w*|виконав|"
    r"делал\w*|робил\w*|робив|выполнял\w*|виконувал\w*)|"
    r"(?:сделал\w*|зробил\w*|зробив|did)\s+(?:всё\s+|все\s+|it\s+)?(?:как|як|as)\s+(?:вы|ви|you)\s+"
    r"(?:написали|сказали|советовали|said|wrote|suggested)|"
    r"(?:it )?works (?:from|on) (?:my|another|a different|the other) \w+|"
    # a phone or a tablet is another device by itself: "на телефоні грають", "on my phone it
    # works", "с планшета заходит"
    r"(?:на|с|со|з|із|from|on)\s+(?:моем|моём|моему|моєму|моего|мого|my\s+)?(?:телефон\w*|"
    r"смартфон\w*|мобильн\w*|мобільн\w*|планшет\w*|phone|mobile|tablet|ipad)\s+(?:(?!не\s|ні\s|not\s|doesn|isn)\w+\s+)?"
    r"(?:работа\w*|працю\w*|граю\w*|грают|играю\w*|игра\w*|звуч\w*|открыва\w*|відкрива\w*|"
    r"заход\w*|works|plays|opens|loads|is fine|fine|нормально|норм)(?!\w)|"
    # the network forgotten and joined again: "забула мережу", "забыла эту сеть"
    r"(?:забыл\w*|забул\w*|забув|удалил\w*|видалил\w*|видалив)\s+(?:эту\s+|цю\s+|свою\s+)?"
    r"(?:сеть|мережу|wi-?fi|вай-?фай|wifi)(?!\w)|"
    # print jobs cancelled: "отменила все задания", "скасувала друк" (a delivery cancelled is
    # no step)
    r"(?:отменил\w*|отменял\w*|скасувал\w*|скасував|скасовувал\w*)\s+(?:\w+\s+)?"
    r"(?:задани\w*|завдан\w*|печат\w*|друк\w*|очеред\w*|черг\w*|документ\w*)(?!\w)|"
    # joined again, said of oneself: "підключилась наново", "переподключился заново"
    r"(?:под|пере|пере-?под|під|перепід)ключил(?:ся|ась|ись|ася|ися|вся)\s+"
    r"(?:заново|наново|знову|снова|ещ[её] раз|ще раз|повторно)(?!\w)",
)
_NOTHING_TRIED = case_blind(
    r"\b(?:ничего|ничего ещё|ничего еще|нічого|ще нічого|nothing(?: yet)?)\s*"
    # the thing between: "Ничего с ним не делали", "нічого з ним не робили", "ничего такого"
    r"(?:(?:(?:с|со|з|із)\s+(?:ними|ним|ней|нею|этим|цим)|такого|такого ще|"
    r"такого ещё|такого еще)\s+)?"
    r"(?:(?:пока|ещё|еще|ще|поки|вообще|взагалі|сама|сам|сами)\s+)?"
    r"(?:не (?:пробовал\w*|делал\w*|предпринимал\w*|пробував\w*|пробувал\w*|робил\w*|"
    r"робив\w*|встиг\w*|успел\w*|трогал\w*|чіпал\w*|чіпав\w*|міняв\w*|міняли|менял\w*)|"
    r"(?:yet )?(?:tried|done))|"
    r"\b(?:haven'?t|have not|didn'?t|did not) (?:tried|try|done|do) anything\b|"
    r"\b(?:haven'?t|have not|didn'?t|did not) (?:touched|touch) (?:it|anything|a thing)\b|"
    r"\bnothing (?:has been|had been|was|have been) (?:done|tried)\b|"
    r"^\s*(?:ничего|нічого|nothing(?: yet)?)\s*[.!]?\s*$",
)
# Not having tried answers the question too: "Переустанавливать не пробовали", "I haven't
# tried the other cable", "we didn't change anything". A bare "ещё не перезагружал" does not
# say what was done and stays open.
# "нет, я это уже делала", "вже все робила", "did all of that already": the steps offered
# were followed.
_DID_THAT = case_blind(
    r"(?<!\w)(?:(?:(?:и|і)\s+)?(?:это|це|всё|все|усе|это всё|це все|всё это|все це)\s+"
    r"(?:(?:я|уже|вже|тоже|теж|также|також)\s+){0,2}"
    r"(?:делал\w*|сделал\w*|проделал\w*|робил\w*|робив\w*|зробил\w*|зробив\w*|пробовал\w*|"
    r"пробувал\w*)|(?:это|це|то) (?:было |було )?(?:первое|перше),? (?:что|що) (?:я |мы |ми )?"
    r"(?:сделал|зробил|зробив|делал|робил|робив|пробовал|пробувал)\w*|"
    r"(?:так\s+)?(?:уже|вже)\s+(?:(?:это|це|всё|все|усе|так)\s+)?(?:делал\w*|сделал\w*|робил\w*|"
    r"робив\w*|зробил\w*|зробив\w*))(?!\w)|"
    r"\b(?:did|done|tried|followed)\s+(?:all\s+(?:of\s+)?)?(?:that|this|those|these|them|"
    r"everything|it all|the steps)(?:\s+already)?\b|"
    r"\balready (?:did|done|tried) (?:that|this|it)\b|"
    # "Did the usual: reboot, cache …", "tried all the usual stuff"
    r"\b(?:did|done|tried)\s+(?:all\s+)?the\s+usual\b|"
    r"\b(?:been|went|gone) through (?:(?:all )?(?:of )?(?:that|this|those|these|them|it all)|"
    r"the steps|everything)\b|"
    # "я уже и так и сяк", "что только не делала": every step there is, done
    r"(?<!\w)(?:и так,? и (?:сяк|эдак|этак)|і так,? і (?:сяк|етак)|"
    r"(?:что|що|чего|чого) только не|(?:що|чого) тільки не)"
    r"(?!\w)|"
    # a label before the steps: "Що робили — перезапуск програми", "Done so far: reboot"
    r"^\s*(?:(?:уже |вже )?(?:сделано|зроблено)|done so far|steps taken|tried so far|"
    r"(?:что|що) (?:делал\w*|сделал\w*|робил\w*|робив\w*|зробил\w*|зробив))\s*[:—–-]\s*\w",
)
_NEGATED_ATTEMPT = re.compile(
    r"(?<!\w)(?:не|ни разу не|ні разу не)\s+(?:пробовал\w*|пробував\w*|пробувал\w*|пытал\w*|"
    r"намагал\w*|намагав\w*)(?!\w)|"
    r"\b(?:i|we|i've|we've)?\s*(?:haven'?t|have not|didn'?t|did not|never)\s+(?:yet\s+|even\s+)?"
    r"(?:tried|try|chang\w* anything|touch\w* anything|do(?:ne)? anything)\b",
    _I,
)
# Done forms that are attempts only with the user as their subject ("I waited", "Typed the
# password three times"), not "the page keeps waiting" or "the data entered".
_DONE_BY_PERSON = frozenset(
    {
        "waited",
        "waiting",
        "entered",
        "typed",
        "typing",
        "retyped",
        "loaded",
        "refilled",
        "reloaded",
        "reloading",
        "re-loaded",
    }
)
# What is typed in as a step: an entry the machine asks for ("typed the password again",
# "typed my Microsoft 365 password", "typed it carefully", "typed in the code"). Typing
# anything else is writing this message ("Typing this for our chicory buyer", "typing in
# Russian is slow for me", "not typing my life story to a bot"), no step against the fault.
_TYPED_ENTRY = re.compile(
    r"\s+(?:(?:[\w'-]+\s+){0,3}?(?:password|passcode|passphrase|pin|code|login|username|"
    r"user name|e-?mail|address|url|link|key|number|name|credentials|details|one)s?\b|"
    r"(?:it|them|that|again)\b)",
    _I,
)


def _types_the_message(verb: str, text: str, end: int) -> bool:
    """Whether `verb`, ending at `end` in `text`, is typing with no entry after it: the
    user writing this message, not typing in what the machine asks for."""
    return verb in ("typed", "typing") and not _TYPED_ENTRY.match(text, end)


# A passive participle (ru/uk) says how things are ("отключен", "вимкнено", "удалены"); with
# "уже" or a verdict on it in the message it reports a step ("драйвер уже обновлён").
_PARTICIPLE_ENDINGS = ("ен", "ена", "ено", "ены", "ені", "ений", "ан", "ана", "ано", "аны",
                       "ані", "аний", "ён", "ёна", "ёно", "ёны", "то", "ті", "тий")  # fmt: skip
_ALREADY = re.compile(r"(?<!\w)(?:уже|вже|я|мы|ми|мной|мною|нами)\s+(?:\w+\s+)?$")


# Verbs whose participle only a step makes ("ноут перезагружен", "кабель переткнут",
# "драйвер переустановлен"): no fault leaves a thing in that state, as "отключен" may.
_REDONE = (
    "перезагруж", "перезапущ", "переустановл", "перевстановл", "перезавантаж", "переподключ",
    "перепідключ", "переткн", "передерн", "передёрн", "перевоткн",
)  # fmt: skip


# Someone nobody names did it: "хтось вимкнув", "кто-то выдернул шнур", "someone unplugged
# it": what was done to the thing, how the trouble came about, not a step against it (a
# named helper, "someone from IT looked", is read by `_FOLLOWED`).
_SOMEONE_BEFORE = re.compile(
    r"(?<![\w-])(?:хтось|хто-?сь|хто-небудь|кто-?то|кто-нибудь|кто-либо|someone|somebody)\s+"
    r"(?:(?:його|її|их|їх|его|ее|её|it|them|must have|has|had|just|вже|уже|опять|знову|"
    r"снова|случайно|випадково|accidentally)\s+){0,2}$"
)


# "компьютер был перезагружен обновлением": a story of what happened to it, not a step
_WAS = re.compile(r"(?<!\w)(?:был|была|было|были|був|була|було|були)\s+(?:\w+\s+)?$")


def _passive(word: str) -> bool:
    """Whether `word`, a done form of an attempt verb, is its passive participle."""
    if "PRTS" in verb_grammemes(word, "ru") or "PRTF" in verb_grammemes(word, "ru"):
        return True
    return word.endswith(_PARTICIPLE_ENDINGS)


_ITS_STATE = re.compile(
    rf"(?:\b(?:stuck|keeps|kept|keep|been|constantly|randomly|endlessly|forever|started|"
    rf"starts|begins|began|still)|{_BE_NOW})\s+(?:on\s+)?$",
    _I,
)
# A state of the machine's going on through "and": "has been sitting on '…' and restarting
# over and over", "keeps freezing and restarting": the second verb shares the first's subject.
_ITS_STATE_AND = re.compile(
    r"\b(?:keeps|kept|keep|is|are|was|were|been|constantly|randomly)\s+(?:\w+\s+)?\w+ing\b"
    r"[^.;!?]*\band\s+$",
    _I,
)
_USER_SUBJECT = re.compile(r"\b(?:i|we|i've|we've|ive|weve|i'm|we're)\b", _I)
# "I'm done with menus", "honestly I'm done": fed up, not a step done.
_FED_UP = re.compile(r"\b(?:i'?m|i am|we'?re|we are)\s+(?:(?:so|just|really|totally)\s+)?$", _I)
# ... unless the user is the one who keeps at it: "I've been restarting it every morning", "we
# keep unplugging it", "I kept reinstalling the app": a habit of theirs, an attempt.
_USER_KEEPS = re.compile(
    r"\b(?:i|we|i've|we've|ive|weve|i'm|we're)\s+(?:(?:have|had|been|am|are|was|were|keep|kept|"
    r"always|just|also|still|constantly|already|even|basically|literally)\s+){1,3}$",
    _I,
)
# A fix said as a noun after a doing verb: "forced a restart once", "did a hard reset", "gave
# it a reboot", "ran a repair".
_FIX_DONE_EN = re.compile(
    r"\b(?:forced|did|done|ran|performed|gave it|attempted|tried)\s+(?:a|an|the|another|one)?\s*"
    r"(?:hard |forced? |full |quick |clean |factory |driver |system |disk |windows )?"
    r"(?:restart|reboot|reset|reinstall|repair|"
    r"shutdown|shut ?down|power[- ]?cycle|rollback|roll-?back|scan)s?\b|"
    r"\bforce[- ]?(?:restart|reboot|quit|clos|shut)\w*|"
    r"\bforced (?:it )?(?:off|shut|closed|to restart)\b",
    _I,
)
# An -ing form in a noun phrase, after a determiner and the words that describe, says what kind
# a thing is ("the changing rooms", "the hot springs changing rooms", "the scanning app", "this
# logging laptop"): a noun follows it. Never a step of the user's, which takes its object with
# a determiner or a pronoun ("changing the toner", "restarting it") or is judged ("the cache
# clearing did nothing").
_WHICH_ONE = "|".join(sorted(NOUN_DETERMINERS, key=lambda w: (-len(w), w)))
_DETERMINER_BEFORE = re.compile(
    rf"\b(?:{_WHICH_ONE})\s+"
    r"(?:(?!(?:after|before|by|when|while|and|or|then|for|from|with|without|of|to|in|on|at|is|"
    r"was|are|were|been|be|it|not|no|tried|try|keeps?|kept|still)\b)[a-z]+\s+){0,2}$",
    _I,
)
_DETERMINERS = "|".join(sorted(DETERMINER_WORDS_ENGLISH, key=lambda w: (-len(w), w)))
_ING_NOUN = re.compile(
    rf"\s+(?!(?:{_DETERMINERS}|it|them|him|me|"
    r"us|each|everything|off|out|up|down|back|in|on|did|didn't|does|"
    r"doesn't|do|don't|was|wasn't|were|is|isn't|has|hasn't|had|helped|fixed|solved|made|"
    r"worked|won't|will|would|also|again|twice|too)\b)[a-z]+\b",
    _I,
)
# "I've already run Windows Update": a perfect says a step done, "I run the cat cafe" a business.
_PERFECT = re.compile(r"\b(?:i've|we've|ive|weve|have|has|had)\s+(?:already\s+|just\s+)?$", _I)


@lru_cache(maxsize=TEXTS_KEPT)
def extract(text: str) -> str:
    """The clauses that say what was tried, joined with "; "; "" when none does."""
    found: list[str] = []
    cause = _cause(text)
    started = False
    taken_last = False  # the clause before was taken: a list may go on in the next one
    # the screen's words ("shows 'Trying to connect...'") are blanked, in place, before the
    # message is cut into clauses: neither their verbs nor their full stops are the user's
    masked = SCREEN_QUOTE.sub(_blanked, text)
    spans = [at for at in _CLAUSE.finditer(fold(masked)) if at.group().strip()]
    own_clauses = [masked[at.start() : at.end()].strip() for at in spans]
    judged = judged_steps(
        own_clauses, _STEMS, frozenset(c for c in own_clauses if _VERDICT.search(c))
    )
    judged_fix = bool(_DID_NOT_HELP.search(fold(masked)))
    options = failed_options(masked)
    # a letter that baited the user, and whether it is called a fake: the message's, not a
    # clause's
    bait = baited(text)
    lost = bool(_LOST_DEVICE.search(text))
    fake = called_fake(text)
    for at in spans:
        clause, own = text[at.start() : at.end()].strip(), masked[at.start() : at.end()].strip()
        if not clause:
            continue
        if cause and (
            clause.strip() in cause
            or (clause.startswith(cause) and not _attempt_in(clause[len(cause) :]))
        ):
            continue  # "с тех пор как поменяли роутер", "Відколи переставили стіл — так": when
        if found and taken_last and _LIST_GOES_ON.match(fold(own)) and _names_a_step(own):
            found[-1] += ", " + clause  # "Пробовали и перезагрузку, | и переустановку"
            continue
        taken_last = False
        folded = fold(clause)
        if _AFTER_CHANGE.match(folded) and time_is_start(clause, text):
            continue  # "После того как в среду поменяли роутер, …": what set it off
        after_start, started = started, bool(_STARTED.search(folded))
        if started or (after_start and _WHEN_CLAUSE.match(folded)):
            continue  # "и это началось после того, как поменяли пароль": when, not an attempt
        folded = fold(own)
        change = _AFTER_CHANGE_WITHIN.search(folded)
        if change and time_is_start(clause[change.start() :], text):
            # "Сканер перестал читать после того как обновили Windows": the change that set
            # it off is no step; only what the clause says before it may be
            own, folded = own[: change.start()], folded[: change.start()]
        if BY_MISTAKE.search(folded):
            continue  # "удалила случайно", "deleted them by accident": how it came about
        if _tries_now(own) and not (own in judged or _VERDICT.search(own)):
            continue  # "пытается добавить почту — пишет …": the trouble, tried now
        if _asked(masked, at.end()) and not (own in judged or _VERDICT.search(own)):
            continue  # "Should we try restarting the server?", "Can I try rebooting?": asked
        if _lost_then(folded, text):
            continue  # "deleted it yesterday afternoon": when the file was lost, no fix
        if (
            bait
            and took_the_bait(folded)
            and not _CHANGED_PASSWORD.search(folded)
            and not _CONTAINED.search(folded)
            and not (_opened_elsewhere(folded) and not fake)
        ):
            continue  # "перешла по ссылке и ввела пароль": how the bait was taken, no fix
        if (
            (bait and (_CHANGED_PASSWORD.search(folded) or _CONTAINED.search(folded)))
            or (lost and _BLOCKED.search(folded))
        ) and not _NOT_YET.search(folded):
            # "Пароль уже сменила", "I closed it without typing anything", "Симку уже
            # заблокировала у оператора": the first fix after the bait or the loss
            found.append(clause)
            taken_last = True
            continue
        if (
            own in judged
            or (_within(at, options) and OPTION_WORD.search(own))
            or _NOTHING_TRIED.search(own)
            or _not_tried(own)
            or _DID_THAT.search(folded)
            or _VERDICT.search(own)
            or said_as_result(own, masked[at.end() :])
            or _NOUN_COUNTED.search(own)
            or _DID_ACTION.search(folded)
            or _SET_UP_STEP.search(folded)
            or _NOUN_DONE.search(folded)
            or _WAS_ALREADY.search(folded)
            or _FIX_DONE_EN.search(folded)
            or _FOLLOWED.search(folded)
            or _LOOKED_IN_BIN.search(folded)
            or _LOOKED_IN_BIN.search(fold(_QUOTE_MARKS.sub(" ", clause)))
            or _RENEWED.search(folded)
            or (_PLUGGED.search(folded) and _ELSEWHERE_PLUG.search(folded))
            or someone_tried(folded)
            or ended_by_hand(folded)
            or _attempt_in(own, judged=judged_fix)
            or (_FREED.search(folded) and _STILL.search(fold(masked[at.start() :])))
            or (
                is_own_step(own)
                and (
                    TROUBLE.search(masked[: at.start()]) or SCREEN_QUOTE.search(text[: at.start()])
                )
            )
            or (
                # "в другом браузере то же самое", "з телефона теж не заходить": the same fault
                # met elsewhere says the trouble itself, also in a reply that opens with it
                ELSEWHERE_TOO.search(folded)
                and (
                    TROUBLE.search(masked[: at.end()])
                    or SCREEN_QUOTE.search(text[: at.start()])
                    or SAME_RESULT.search(folded)
                )
            )
        ):
            found.append(step_of(clause) if ended_by_hand(folded) else clause)
            taken_last = True
    return "; ".join(found)


# A list of steps that goes on after a comma, its verb said once: "Пробовали и перезагрузку,
# и переустановку", "Пробували і перепідключити кабель, і перезавантажити комп", "restarted
# the router, and the modem as well" (the clause opens with "и", "і", "та", "а также", "and").
_LIST_GOES_ON = re.compile(
    r"^\s*(?:и|і|й|та|а также|а також|ещё и|еще и|ще й|and|as well as|plus)\s+", _I
)


# … never a clause that says something of its own: a negation, the thing as its subject or
# a verb of its own ("перезагрузила, и теперь вообще не включается", "і знову не
# підключається", "and it keeps restarting"): what it does since, not one more step.
_SAYS_ITS_OWN = re.compile(
    r"(?<![\w'])(?:не|ні|not|never|it|he|she|they|keeps?)(?![\w'])|n't|\w(?:ся|сь)(?!\w)", _I
)


def _names_a_step(clause: str) -> bool:
    """Whether a clause without its own verb names a step: an attempt's noun ("переустановку")
    or an attempt verb in any form ("перезавантажити")."""
    lowered = fold(clause).lower()
    if _SAYS_ITS_OWN.search(lowered):
        return False
    if _STEP_NOUN.search(lowered) or ATTEMPT_VERBS.found(lowered):
        return True
    return any(w.startswith(_STEMS) for w in re.findall(r"[а-яіїєґ']+", lowered))


def _asked(text: str, end: int) -> bool:
    """Whether the clause ending at `end` is a question: a "?" ends it."""
    return text[end : end + 2].lstrip()[:1] == "?"


def _within(clause: re.Match[str], spans: list[range]) -> bool:
    """Whether the clause lies in one of `spans` (in part)."""
    return any(clause.start() < span.stop and span.start < clause.end() for span in spans)


# A lost file looked for in the recycle bin, or said not to be there: "в корзине смотрела —
# пусто", "в корзине её нет", "у кошику її нема, дивилась", "з кошика її теж немає", "it's not
# in the recycle bin" (the first place a user looks: an attempt, not asked again). Never the
# bin only emptied to make room ("emptied the bin and lost a report") nor a shop's cart
# ("в корзине нет кнопки оплаты": the absence must end the clause).
_VERSIONS = (
    r"(?:(?:предыдущ\w+|прежн\w+|попередн\w+|previous|prior|older) (?:верси\w+|версі\w+|versions?)|"
    # … and the list of them: "Version history only shows today's copy", "в истории версий"
    r"(?:version|file) history|истори\w+ (?:верси|изменени)\w+|журнал\w* верси\w+|"
    r"історі\w+ (?:версі|змін)\w+)"
)
# A tab's or a menu's name the user quotes, looked in: "Дивилася «Попередні версії»", "искала
# в «Предыдущих версиях»" (the quote is blanked as the screen's words; its marks alone are)
_QUOTE_MARKS = re.compile(r"[«»“”„\"]")
_BIN = (
    r"(?:(?:папк\w*|папц\w*|вкладк\w*|folder|tab)\s+)?"
    r"(?:корзин\w*|кошик\w*|recycle bin|trash|(?<=the )bin|(?<=my )bin|"
    # … and the other places a lost file or letter is looked for first: its earlier versions,
    # the spam folder ("the Previous Versions tab is empty", "попередні версії там пусті",
    # "nothing in junk either"; frozen12, frozen27, frozen28). Never the inbox: an empty inbox
    # is the trouble itself.
    rf"{_VERSIONS}(?: (?:tab|вкладк\w*))?|"
    r"спам\w*|spam(?: folder)?|junk(?: folder| mail| e-?mail)?|нежелательн\w+)"
)
_LOOKED_FOR = (
    r"(?:смотрел\w*|посмотрел\w*|просмотрел\w*|проверял\w*|проверил\w*|искал\w*|поискал\w*|"
    r"глянул\w*|заглядывал\w*|заглядал\w*|заглянул\w*|рылась|рылся|дивил\w*|подивил\w*|"
    r"переглянул\w*|переглядал\w*|шукал\w*|шукав|пошукал\w*|пошукав|перевіря\w*|перевірил\w*|"
    r"перевірив|зазирал\w*|зазирнул\w*|looked|checked|searched|went through|dug through)"
)
_NOT_THERE = r"(?:нет|нету|нема|немає|немае|пусто|пустая|пуста|порожньо|порожній|порожня)"
_LOOKED_IN_BIN = case_blind(
    rf"(?<!\w)(?:{_LOOKED_FOR}(?:\s+(?:уже|вже|тоже|теж|also|already|и|і))?\s+"
    rf"(?:(?:в|у|во|in|through|the|my)\s+)*{_BIN}|"
    rf"(?:в|у|во)\s+{_BIN}\s+(?:[\w']+\s+){{0,2}}?{_LOOKED_FOR}|"
    rf"{_BIN}\s+(?:[\w']+\s+){{0,2}}?{_LOOKED_FOR}|"
    rf"(?:в|у|во|из|з|із)\s+{_BIN}\s+(?:[\w']+\s+){{0,4}}?{_NOT_THERE}\s*(?:[—–-].*)?$|"
    rf"{_NOT_THERE}\s+(?:[\w']+\s+){{0,2}}?(?:в|у|во|и в|і в|і у)\s+{_BIN}\s*$|"
    # … or the earlier versions said absent, in the genitive: "Попередніх версій у властивостях
    # файлу немає", "предыдущих версий нет" (frozen31; "Корзины на рабочем столе нет" is a
    # missing icon, the trouble itself)
    rf"^{_VERSIONS}\s+(?:[\w']+\s+){{0,4}}?{_NOT_THERE}\s*(?:[—–-].*)?$|"
    # … or holding only the copy that is no use: "Version history only shows today's copy",
    # "в истории версий только сегодняшняя" (frozen39)
    rf"^(?:(?:в|у|in)\s+)?{_VERSIONS}\s+(?:[\w']+\s+){{0,2}}?(?:only|just|только|лишь|тільки|лише)"
    r"(?=\s)|"
    rf"(?:not|isn'?t|wasn'?t|nothing)\s+(?:there\s+)?(?:in|inside)\s+(?:the\s+|my\s+)?{_BIN}|"
    rf"{_BIN}(?:'s|\s+is|\s+was)\s+(?:already\s+)?empty|"
    # … or the bin said empty in a clause of its own: "Корзина пустая, файла нет", "кошик
    # теж порожній" (not "корзина пустая после оплаты", a shop's)
    rf"^{_BIN}\s+(?:(?:там|тоже|теж|уже|вже|также|також|совсем|зовсім)\s+)*(?:пуст\w*|порожн\w*)"
    rf"\s*(?:[—–-].*)?$)(?!\w)"
)
# A part renewed, said by the part alone: "new batteries went in", "new batteries in", "New
# batteries, still nothing", "new batteries didn't help", "dead even with new batteries",
# "нові батарейки не допомогли", "даже с новыми батарейками не работает" (frozen33; a dozen
# FAQ lines say it so). The clause is the part and no more, or the part with a verdict; never
# "since the new toner went in" or "prints stripes with the new cartridge" (how it began).
_NEW_PART = (
    r"(?:brand[- ]new|new|fresh|нов\w*|свеж\w*|свіж\w*)\s+(?:batter(?:y|ies)|cells?|toner|"
    r"cartridges?|ink|rolls?|ribbons?|батаре\w*|батарейк\w*|картридж\w*|тонер\w*|рулон\w*|"
    r"риббон\w*|чернил\w*|фарб\w*)"
)
_RENEWED = case_blind(
    rf"^\W*(?:(?:and|also|then|и|і|й|та|ещё|ще)\s+)?(?:tried\s+)?{_NEW_PART}(?!\w)"
    r"(?:\s+(?:(?:went|go|are|were|is|was|put|popped)\s+)?in|\s+(?:in\s+)?(?:still|didn'?t|"
    r"did not|don'?t|do not|doesn'?t|made no|no luck|не помог\w*|не допом[оі]г\w*|"
    r"ничего не да\w*|нічого не да\w*)\b.*|\W*)$|"
    rf"(?<!\w)(?:even|даже|навіть)\s+(?:with|с|з|із)\s+(?:a\s+)?{_NEW_PART}(?!\w)"
)


# A plug put into another port, said in the everyday verbs: "в другой порт втыкал",
# "приёмник в другой USB втыкали", "вже в другий порт пхали", "другую гарнитуру втыкала"
# (tune28 and frozen18 asked "what did you try?" again; tune18, tune21, probe13b, tune29 said it
# too). Only with somewhere else or again: "наушники воткнула, а звука нет" is how it is
# used, "провод воткнут" how things are, "в другой порт не втыкала" not done.
_PLUGGED = case_blind(
    r"(?<!\w)(?<!не )(?<!ні )(?:втыка\w*|втика\w*|воткнул\w*|воткнув|"
    r"перевоткн\w*|пхал\w*|пхав|пхаю|пхаем|запхал\w*|запхав|запхнул\w*|запхнув|втикал\w*|"
    r"втикав|встромил\w*|встромив)(?!\w)"
)
_ELSEWHERE_PLUG = case_blind(
    r"(?<!\w)(?:друг\w+|інш\w+|соседн\w+|сусідн\w+|задн\w+|передн\w+|все порты|всі порти|"
    r"усі порти|по очереди|по черзі|обратно|назад|заново|глубже|глибше|ещё раз|еще раз|ще раз|"
    r"снова|знову)(?!\w)"
)


# Making room is an attempt when the fault stays ("emptied the recycle bin and it's still
# full", "freed up 10 GB, still the same warning"); alone it is often how a file was lost
# ("emptied the recycle bin and lost a report").
_FREED = case_blind(r"\b(?:empt(?:ied|ying)|freed up|cleared out)\b")
_STILL = case_blind(
    r"\b(?:still|anyway|no luck|didn'?t help|did not help|same (?:thing|warning|"
    r"error|message))\b"
)


def _blanked(quote: re.Match[str]) -> str:
    """The screen's words as spaces, keeping the full stop they end their sentence with: in
    "won't connect: 'The VPN … not be established.' I reinstalled it" the attempt is a
    sentence of its own, not the rest of "won't connect"."""
    said = quote.group()
    ends = said[:-1].rstrip().endswith((".", "!", "?"))
    return " " * (len(said) - 1) + ("." if ends else " ")


def only_not_tried(clause: str) -> bool:
    """Whether the clause only says what was not tried ("Переустанавливать не пробовала",
    "ещё не перезагружала", "I was going to reinstall it"): it answers the question, and the
    fix it names still hints at what kind of problem it is."""
    return _not_tried(clause) and not (
        _VERDICT.search(clause) or _DID_ACTION.search(fold(clause)) or _attempt_in(clause)
    )


def _not_tried(clause: str) -> bool:
    """What the user has not done yet, or only meant to do, answers "what did you try" too."""
    folded = fold(clause)
    return bool(_NEGATED_ATTEMPT.search(folded)) or _own_undone(folded.lower())


# "ещё не перезагружала", "пока не переустанавливал", "ні разу не перевстановлювала": the
# user's own past, negated. "не перезагружается" (what the thing does) is no done form.
_NOT_BEFORE_CYR = re.compile(r"(?:^|\s)(?:не|ні разу не|ни разу не)\s+$")
# "haven't restarted it yet", "I didn't reinstall", "we never cleared the cache": the user
# (a clause start, "I", "we", "and", "but") as the subject, not "it didn't restart".
_NOT_BEFORE_EN = re.compile(
    r"(?:^|[,;:]\s*|\b(?:i|we|and|but|so|also|honestly|yet)\s+)(?:have not|haven'?t|"
    r"did not|didn'?t|had not|hadn'?t|never|not)\s+(?:yet\s+|even\s+|actually\s+)?$"
)
# "хотела переустановить, но …", "was going to reinstall it but …": a plan given up on (the
# conditional, "хотела бы", "хотіла б", is a wish still: no answer).
_MEANT_TO = re.compile(
    r"(?<!\w)(?:хотел[аи]?|собирал(?:ся|ась|ись)|думал[аи]?|хотів|хотіла|хотіли|"
    r"збирав(?:ся)?|збиралас[ья]|збиралися|думав|думала)(?!\s+(?:бы|би|б)(?!\w))\s+"
    r"(?P<cyr>\w+(?:\s+\w+)?)|"
    r"\b(?:was|were) (?:going|about) to (?P<en1>\w+)|"
    r"\b(?:wanted|meant|planned) to (?P<en2>\w+)"
)
_EN_ATTEMPT_BASE = re.compile(
    r"^(?:re-?start|reboot|re-?install|uninstall|reset|clear|roll|update|upgrade|check|"
    r"power[- ]cycle|unplug|reconnect|swap|replace|remove|delete|repair|flush|try)$"
)


def _own_undone(lowered: str) -> bool:
    for word in ATTEMPT_VERBS.found(lowered):
        at = word_at(lowered, word)
        if at >= 0 and _NOT_BEFORE_CYR.search(lowered[:at]) and word.endswith(_PAST):
            return True
    for found in re.finditer(r"[a-z'-]+", lowered):
        verb = found.group(0)
        if _types_the_message(verb, lowered, found.end()):
            continue  # "not typing my life story to a bot": no step left undone
        if (_EN_DONE.fullmatch(verb) or _EN_ATTEMPT_BASE.match(verb)) and _NOT_BEFORE_EN.search(
            lowered[: found.start()]
        ):
            return True
    for plan in _MEANT_TO.finditer(lowered):
        cyr, en = plan.group("cyr"), plan.group("en1") or plan.group("en2")
        if cyr and any(w.startswith(ATTEMPT_VERBS.stems) for w in cyr.split()):
            return True
        if en and _EN_ATTEMPT_BASE.match(en):
            return True
    return False


_PAST = ("л", "ла", "ли", "ло", "в")


# A start named by what happened: "с тех пор как поменяли роутер", "ever since IT replaced".
_CAUSE_START = re.compile(
    r"^(?:с тех пор|с того (?:времени|момента)|відтоді|відколи|з того (?:часу|моменту)|"
    r"ever since|since (?!\d)|after (?:we|they|i|it|you|someone)\b)",
    _I,
)


# "После того как поменяли роутер", "після того як оновили": a change that set it off (a fix
# after it, "После того как перезагрузила, всё равно …", is an attempt).
_AFTER_CHANGE = re.compile(r"^\s*(?:после того,? как|після того,? як|after)\s", _I)


# ... said inside the clause, after what went wrong: "перестал читать после того как обновили"
_AFTER_CHANGE_WITHIN = re.compile(r"\s(?:после того,? как|після того,? як|after)\s", _I)


# A clause that says when it started: "началось после того как …", "it started when I …".
_STARTED = case_blind(
    r"(?<!\w)(?:началось|начался|началась|начались|почалось|почалося|почався|почалася|"
    r"появилось|появилась|появился|з'явилося|з'явилась|it started|this started|started when|"
    r"began when|it began|this began|started (?:right |just )?after|"
    r"began (?:right |just )?after)(?!\w)",
)


# The rest of "почалося після того, | як оновили Windows" after a comma.
_WHEN_CLAUSE = re.compile(r"^\s*(?:как|когда|як|коли|when|after|once)\b", _I)


def _cause(text: str) -> str:
    """The "since when" phrase of `text` when it names an event, else ""."""
    phrase = since.extract(text)
    return phrase if _CAUSE_START.match(fold(phrase)) else ""


# "Перезагружалась уже", "я двічі перезавантажувався": said of oneself, a reboot the user
# made; "комп сам перезагрузился" (a thing before it, "сам") is what the machine did.
_SELF_REBOOT = re.compile(
    r"^(?:(?:я|мы|ми|уже|вже|ещё|еще|ще|и|і|тоже|теж|несколько раз|пару раз|два раза|двічі|"
    r"кілька разів|дважды|трижды|тричі|три рази|три раза|пару разів|много раз|багато разів)\s+)*"
    r"(?:перезагруж|перезагруз|перезавантаж|перезапуск|переустанавл|перевстановл)\w*"
    r"(?:л(?:ся|ась|ось|ись|ася|ися)|вся)(?!\w)"
)


# What was typed in wrong, by a verb of typing ("ввела неправильный пароль", "ввів невірний
# пін", "набрав не той логін"): how an account got locked, as "typed the wrong password" is.
_ENTRY_STEMS = ("ввел", "ввёл", "ввод", "вводи", "ввів", "вві", "набр", "набир", "вбив", "вбил")
_WRONG_ENTRY = re.compile(
    r"\s+(?:\S+\s+){0,2}?(?:неправильн\w*|неверн\w*|невірн\w*|не (?:тот|ту|той|те)|"
    r"стар\w+|чуж\w+|помилков\w*|ошибочн\w*)(?!\w)"
)


# … unless typed again: "Серийный номер вводили заново из старого письма — не принимает" is
# a retry (the old letter is where the number came from).
_TYPED_AGAIN = re.compile(r"\s+(?:заново|снова|знову|ещ[её] раз|ще раз|повторно)(?!\w)")


# Verbs of using a thing, not of fixing it: in the present they say how the user works and
# where it fails ("Журнал відкриваю в Chrome", "запускаю программу — вылетает"); in the past
# they may be an attempt ("открывала заново").
_USE_STEMS = (
    "открыва", "відкрива", "заход", "вход", "ввод", "запуска", "нажима", "натиска", "клика",
    "клаца", "держа", "трима", "выход", "виход", "сканиру", "скану",
)  # fmt: skip


def _in_use(word: str) -> bool:
    """Whether `word` is a present form of a verb of using ("відкриваю", "запускаем")."""
    return word.startswith(_USE_STEMS) and "pres" in verb_grammemes(word, "ru")


# Trying, in the present, to do what fails is the trouble itself, not a step against it:
# "коллега пытается добавить рабочую почту в Outlook — пишет …", "Від учора намагаюся
# підключити робочу пошту", "Trying to set up work email on my new Pixel 8", "I've been trying
# to log in all morning" (what was tried is what was done: "пыталась переустановить", "tried
# to install it myself", "I entered my password twice").
# A fix the user is trying ("пытаюсь перезагрузить", "trying to reconnect") is one: the
# attempt verbs of doing again and of clearing, resetting, updating, rolling back, deleting
# are no goal of their own. They are read from the attempt stems, not from a prefix: "ре-",
# "re-" begin goals too ("пытаюсь редактировать договор", "trying to register on the portal").
_FIX_KINDS = (
    "пере", "ре", "сбр", "скид", "скин", "чист", "почист", "очи", "вычи", "вичи", "обнов", "онов",
    "откат", "відко", "удал", "видал", "снес", "снёс", "снос", "знес", "знос",
)  # fmt: skip
_FIX_STEMS = tuple(stem for stem in _STEMS if stem.startswith(_FIX_KINDS))
# … and in English the verbs of the attempt nouns ("trying to restart", "update", "repair")
# with those of doing again, clearing and switching
_FIX_VERBS = (
    "|".join(_FIX_STEMS) + rf"|(?:{_ATTEMPT_NOUNS})(?<=[a-z])(?!\w)|"
    r"re-?(?:connect|join|pair|add|plug|load|enter|open|map|sync|seat|create|type|log|sign|"
    r"index|image|flash)|clear|unplug|uninstall|turn|switch|roll|power|remove|delete|flush"
)
_TRYING_NOW = re.compile(
    r"(?<!\w)(?:пыта(?:юсь|ется|емся|ются|ешься|етесь)|намага(?:юся|юсь|ється|ємося|ємось|"
    r"ються|єшся|єтеся|єтесь))\s+(?:[\w'-]+\s+)?"
    rf"(?!{_FIX_VERBS})[\w'-]+(?:ть|ться|ти|тися|тись|чь)(?![\w'-])|"
    rf"\btrying\s+to\s+(?!{_FIX_VERBS})",
    _I,
)


def _tries_now(clause: str) -> bool:
    """Whether the attempt `clause` names is only the user's trying, now, to do what fails
    (`_TRYING_NOW`), with no step of its own beside it."""
    lowered = fold(clause).lower()
    goal = _TRYING_NOW.search(lowered)
    return bool(goal) and not _attempt_in(lowered[: goal.start()] + lowered[goal.end() :])


# "приходится каждый час переподключать", "доводиться щоранку перезавантажувати": what the
# user has to keep doing to work at all is done again and again, an attempt in the infinitive.
_HAVE_TO = re.compile(
    r"(?<!\w)(?:приходится|приходилось|приходиться|доводиться|доводилось|доводилося|доводится)"
    r"(?P<then>(?:\s+[\w'-]+){1,4})"
)


def _attempt_in(clause: str, *, judged: bool = True) -> bool:
    """Whether `clause` says the user did something against the fault. `judged`: the message
    says a fix did not help ("всё равно", "still"); without it a passive participle is how
    things are, not a step ("редактирование отключено", "editing is disabled")."""
    lowered = fold(clause).lower()
    reboot = _SELF_REBOOT.match(lowered.strip())
    rest = lowered.strip()[reboot.end() :].split() if reboot else []
    if reboot and len(rest) <= 3 and not {"и", "і", "а", "and"} & set(rest):
        return True  # "перезагрузился и всё пропало" goes on to say what the machine did
    if _EN_KEPT_UP.search(lowered) and not lowered.rstrip().endswith("?"):
        return True  # "I have to restart the router every morning": a step kept up
    for habit in _HAVE_TO.finditer(lowered):
        if any(w.startswith(_STEMS) for w in habit.group("then").split()):
            return True  # "приходится каждый час переподключать вайфай": a step kept up
    for word in ATTEMPT_VERBS.found(lowered):
        before = lowered[: lowered.find(word)]
        if _in_use(word) and not _RETRIED.search(lowered):
            continue  # "Журнал відкриваю в Chrome": how it is used, where it fails
        if (
            not judged
            and _passive(word)
            and not _ALREADY.search(before)
            and not (word.startswith(_REDONE) and not _WAS.search(before))
        ):
            continue  # "Принтер отключен", "редагування вимкнено": a state, unless judged
        after = len(before) + len(word)
        if (
            word.startswith(_ENTRY_STEMS)
            and _WRONG_ENTRY.match(lowered, after)
            and not _TYPED_AGAIN.match(lowered, after)
        ):
            continue  # "ввела неправильный пароль": how it got locked, not a fix
        if _SOMEONE_BEFORE.search(before):
            continue  # "але його хтось вимкнув": what was done to it, how it came about
        if not _RU_NOT_DONE.search(before) and not lowered.rstrip().endswith("?"):
            return True
    if (acts_on_thing(lowered, judged=judged) or en_acts_on_thing(lowered)) and not (
        lowered.rstrip().endswith("?")
    ):
        return True
    for found in (*_EN_DONE.finditer(lowered), *_EN_HABIT.finditer(lowered)):
        before = lowered[: found.start()]
        if _NEGATED.search(before) or re.search(r"\b(?:nothing|nobody|no one)\b", before):
            continue
        if _SOMEONE_BEFORE.search(before):
            continue  # "someone unplugged it overnight": how it came about, no step
        verb = found.group(0)
        if (
            _ITS_STATE.search(before)
            and verb.endswith("ing")
            and verb != "trying"
            and not _USER_KEEPS.search(before)
        ):
            continue  # "laptop stuck updating", "it keeps restarting": what the machine does
        if (
            verb.endswith("ing")
            and _ITS_STATE_AND.search(before)
            and not _USER_SUBJECT.search(before)
        ):
            continue  # "has been sitting on … and restarting": what the machine keeps doing
        if (
            verb.endswith("ing")
            and _DETERMINER_BEFORE.search(before)
            and _ING_NOUN.match(lowered, found.end())
        ):
            continue  # "the changing rooms", "the scanning station": a noun's word, no step
        if verb == "run" and not judged and not _PERFECT.search(before):
            continue  # "I run the cat cafe": a business run; "I run sfc, still …" is a step
        if verb == "done" and (
            _FED_UP.search(before) or re.match(r"\s+with\b", lowered[found.end() :])
        ):
            continue  # "I'm done with menus": fed up
        if verb.endswith("ed") and _IS_NOW.search(before) and not judged:
            continue  # "editing is disabled", "the files are deleted": a state, no step
        if _WHEN_DOING.search(before):
            continue  # "freezes every time we check a guest in": when it fails, not an attempt
        if _EN_NOT_DONE.search(before + found.group(0)) or lowered.rstrip().endswith("?"):
            continue
        if _EN_REQUEST_OBJECT.match(lowered, found.end()) and not _done_by_user(before):
            continue  # "reset my password" is asked for; "I've reset my password" was done
        if found.group(0) in ("put", "done", "set") and _WANTED_DONE.search(before):
            continue  # "I need QGIS put on my laptop": what is asked for, not done
        needs_subject = found.group(0) in ("did", "done", "took", "taken", "put", "run")
        if needs_subject and not re.search(r"\b(?:i|we|i've|we've|already|have|has)\b", before):
            continue
        if found.group(0) in _DONE_BY_PERSON and not re.search(
            r"(?:^|\b(?:i|we|i've|we've|already|have|has|and|then)\b)\s*$", before
        ):
            continue  # "the page keeps waiting", "the data entered": not the user's attempt
        if found.group(0) in _DONE_BY_PERSON and re.search(
            r"\b(?:wrong|incorrect|old|expired|by mistake)\b", lowered[found.end() :]
        ):
            continue  # "typed the wrong password 3 times": how it got locked, not a fix
        if _types_the_message(verb, lowered, found.end()):
            continue  # "Typing this for our chicory buyer": the message, no step
        return True
    return False


# What the user wants done, with its object between: "I need QGIS put on …", "we want it done".
_WANTED_DONE = re.compile(r"\b(?:need|needs|want|wants|like|get)\s+(?:[\w.+-]+\s+){1,4}$", _I)


# A change that may itself have started the trouble: "I changed it on Monday", "вчера
# обновили Windows, теперь не печатает". A fix (reboot, reinstall, reset) never started it.
_CHANGE_CYR = (
    "обнов", "установ", "устанавл", "постав", "поменя", "меня", "замен", "перевел", "перевод",
    "переех", "перенес", "онов", "встанов", "встановл", "поміня", "міня", "замін", "змін",
    "переїх", "подключ", "підключ",
)  # fmt: skip
_CHANGE_EN = re.compile(
    r"\b(?:chang|replac|swapp|updat|upgrad|install|mov|switch|migrat|connect|add)(?:ed|ing)\b|"
    r"\b(?:set up|put in)\b",
    _I,
)
_FIX_EN = re.compile(r"\b(?:re-?install|re-?start|re-?boot|re-?set|re-?connect)\w*", _I)
# Things a person replaces to fix a device, not to change it: "батарейки менял вчера".
_CONSUMABLE = re.compile(
    r"(?<!\w)(?:батаре\w*|батарейк\w*|картридж\w*|тонер\w*|бумаг\w*|папір\w*|папер\w*|чернил\w*|"
    r"фарб\w*|кабел\w*|шнур\w*|batter\w*|toner|cartridges?|ink|paper|cables?)(?!\w)",
    _I,
)
# The message says what followed the change ("теперь", "since then"): it caused the trouble.
_THEN_CAUSED = re.compile(
    r"(?<!\w)(?:теперь|тепер|now|since then|с тех пор|з тих пір|відтоді|после этого|після цього|"
    r"after that|and then|и всё|і все|и все|and it)(?!\w)",
    _I,
)
# The message says the attempt did not help: it was a fix, tried after the trouble began.
_DID_NOT_HELP = re.compile(
    rf"(?<!\w)(?:{SLANG_VERDICT}|"
    r"не помог\w*|не допом[оі]г\w*|без толку|без змін|без изменений|"
    r"вс[её] равно|все одно|вс[её] так же|досі|до сих пор|вс[её] ещ[её]|все ще|знову те саме|"
    r"опять то же|то же самое|те саме|didn'?t help|did not help|doesn'?t help|no luck|"
    r"no change|nothing changed|did nothing|still|same (?:thing|error|problem)|"
    r"результата нет|результату (?:нема|немає)|без результат\w*|no result|nothing happened|"
    r"ничего не произошло|нічого не сталося)(?!\w)",
    _I,
)


def time_is_start(attempt: str, text: str) -> bool:
    """Whether the time said with `attempt` in `text` is when the trouble started.

    "Reinstalled it yesterday", "вчора перевстановлювала", "батарейки менял вчера, не
    помогло": when a fix was tried, after it began. "I changed it on Monday", "вчера
    обновили Windows, теперь не печатает", "перезагрузила вчера, теперь не включается": a
    change, or a step that made it worse, started what is wrong now.
    """
    folded, whole = fold(attempt).lower(), fold(text)
    if _DID_NOT_HELP.search(whole):
        return False  # "батарейки менял вчера, не помогло": a fix, tried after it began
    if _THEN_CAUSED.search(whole):
        return True  # "картридж поменяли в понедельник, теперь полосы", "rebooted, now dead"
    changed = bool(_CHANGE_EN.search(folded)) or any(
        word.startswith(_CHANGE_CYR) for word in ATTEMPT_VERBS.found(folded)
    )
    return changed and not _FIX_EN.search(folded) and not _CONSUMABLE.search(folded)


# A letter or a message that baited the user, and what taking the bait is, are read by
# triage/given_away.py: how the incident happened, never a step against it (the blind writers
# count it so). The password changed after it is the step ("Пароль уже сменила", "Пароль вона
# вже змінила").
# … but where nothing says the letter is a fake, a link or an attachment opened again or in
# another program is a step against a fault: "открыла вложение через другой просмотрщик — то же
# самое", "opened the link in Edge too, no luck" (review27)
_ELSEWHERE_EN = case_blind(
    r"(?<!\w)(?:instead|again|in (?:another|a different|the other|other) \w+|"
    r"(?:in|with|through) (?:chrome|edge|firefox|safari|opera|incognito|acrobat|adobe))(?!\w)"
)


def _opened_elsewhere(folded: str) -> bool:
    return bool(_RETRIED.search(folded) or _ELSEWHERE_EN.search(folded))


# (up to three words between the password and the verb: "Пароль від пошти вже змінила",
# frozen39)
_CHANGED_PASSWORD = case_blind(
    r"(?<!\w)(?:(?:уже|вже|already|сразу|одразу)\s+)?(?:сменил\w*|поменял\w*|змінил\w*|змінив|"
    r"поміняв|поміняла|поміняли|changed|reset)\s+(?:(?:свой|свій|my|the|her|his)\s+)?"
    r"(?:пароль|password)|(?:пароль|password)\s+(?:\w+\s+){0,3}?(?:сменил\w*|поменял\w*|"
    r"змінил\w*|змінив|поміняв|поміняла|поміняли|changed|reset)(?!\w)"
)
# The other first fixes after a bait or a lost phone: the page, the browser or the letter closed
# before anything was typed ("I closed it without typing anything", "He closed the browser and
# came to tell me", "закрыла вкладку сразу"), and the card or the SIM blocked ("Симку уже
# заблокировала у оператора", "банк картку заблокував", "blocked the SIM") (frozen28, tune40,
# frozen39 and frozen40 asked for them again); never a page that closed by itself.
_CLOSED_PAGE = (
    r"(?:^\s*|(?<!\w)(?:i|we|he|she|they|then|and|so|just|immediately|quickly|already)\s+)"
    r"(?:closed|shut)\s+(?:(?:it|them|that|this|the|my|his|her|their|our|down|"
    r"everything|all|right away|straight away|at once)(?:\s+|$))+"
    r"(?:(?:page|tab|browser|window|site|link|attachment|file|letter|e-?mail|mail)s?\b)?|"
    r"(?:закрыл[аи]?|закрил[аи]|закрив)(?!\w)(?!\s+(?:доступ|счёт|счет|рахунок))"
)
_CARD = r"(?:сим\w*|сім\w*|sim(?:\s+card)?|карт(?:у|ку|очку|а|ка|очка)|card)"
_BLOCK = (
    r"(?:заблокировал[аи]?|заблокував|заблокувал[аи]|blocked|froze|frozen|cancell?ed|"
    r"deactivated)"
)
_BLOCKED = case_blind(
    rf"(?<!\w)(?:{_BLOCK}\s+(?:(?:уже|вже|the|my|our|her|his|свою|мою|already)\s+){{0,2}}{_CARD}|"
    rf"{_CARD}\s+(?:[\w']+\s+){{0,2}}?{_BLOCK})(?!\w)"
)
_CONTAINED = case_blind(rf"(?:{_CLOSED_PAGE})|{_BLOCKED.pattern}")
# A phone or a device lost, stolen, drowned or broken: what the blocked SIM is a step against.
_LOST_DEVICE = case_blind(
    r"(?<!\w)(?:посеял\w*|потерял\w*|загубил\w*|загубив|втратил\w*|утопил\w*|украли|вкрали|"
    r"lost|stolen|left (?:it|my phone)|разбил\w*|розбил\w*|розбив)(?!\w)"
)
_NOT_YET = case_blind(
    r"(?<!\w)(?:не|ні|not|haven'?t|didn'?t|ещё не|еще не|ще не)\s+(?:\w+\s+)?"
    r"(?:сменил|поменял|змінил|змінив|поміня|changed|reset|заблок|block|cancel|froze|deactivat|"
    r"closed|shut|закрыл|закрил|закрив)"
)
# What was deleted or overwritten, said with when, and nothing made again after it: how a file
# was lost ("deleted it yesterday afternoon", "стерла вчера вечером", "видалила в п'ятницу"),
# not a fix ("deleted the profile and made a new one", "удалила и заново добавила").
_DESTROYED = case_blind(
    r"(?<!\w)(?:удал(?:ил|ила|или|ял|яла|яли)|стерл[аи]|стер|стёр|затерл?\w*|перезаписал\w*|"
    r"видалил[аи]?|видалив|перезаписав|перезаписал[аи]|deleted|removed|erased|overwr(?:ote|itten)|"
    r"wiped)(?!\w)"
)
_MADE_AGAIN = case_blind(
    r"(?<!\w)(?:заново|знову|наново|снова|again|new one|re-?\w+|"
    r"(?:и|і|й|and|then|потом|потім)\s+(?:\w+\s+)?(?:добавил|поставил|создал|установил|додал|"
    r"встановил|створил|made|created|added|installed|set))\w*"
)


def _lost_then(clause: str, text: str) -> bool:
    """Whether `clause` says when something was deleted, and no more: the loss, not a step."""
    return bool(
        _DESTROYED.search(clause)
        and since.extract(clause)
        and not _MADE_AGAIN.search(clause)
        and not _DID_NOT_HELP.search(fold(text))
    )
