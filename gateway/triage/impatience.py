"""A user who has run out of patience, heard in any wording, not only in swear words.

People rarely say "I am upset". They say how long they have waited ("жду уже третий
час", "I've been waiting for hours"), refuse more self-help ("хватит вопросов", "не буду
ничего перезагружать", "stop sending me articles", "just fix it"), ask what nobody can
answer ("вы вообще работаете?", "когда это закончится?", "where is your technician?"),
say how they feel ("я очень недоволен", "набридло", "frustrated"), or that they wrote
before ("втретє пишу"). Each cue is looked for by lemma, so its every form counts. How the
message is written counts too (`tone`): shouted words, sarcastic thanks, a complaint about
the bot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from gateway.knowledge.vocabulary import PLEASE
from gateway.triage.phrases import PhraseSet, normalise
from gateway.triage.reading import MessageReading, Word, lemma_keys, read_once, read_words
from gateway.triage.tone import read_tone, users_own

# Phrases whose words only together say it (a lemma alone would be too wide).
LOST_PATIENCE = PhraseSet([
    # at the end of one's strength: "сил моих больше нет", "немає вже сил", "at my wits' end"
    r"(сил|терпения|терпіння) (\w+ )?(\w+ )?(нет|нету|немає|нема|не осталось|не лишилось)",
    r"(нет|нету|немає|нема) (\w+ )?(сил|терпения|терпіння)",
    r"(end of my (rope|tether)|wits'? end)", r"can'?t take (it|this) (any ?more|much longer)",
    # how long they have waited
    r"(сколько|скільки) (еще|ще|можно|можна|мне|мені) (ждать|чекати)",
    r"how long (do|must|should) i",
    r"(i'?ve|i have|we'?ve|we have) been waiting", r"(still|keep) waiting",
    # self-help refused
    r"хватит (\w+ )?(вопрос\w*|спрашивать|задавать)", r"досить (\w+ )?(питан\w*|питати)",
    r"(не надо|не нужно|не треба|не потрібно) (мне |мені |нам )?(\w+ )?"
    r"(инструкц\w*|стат\w+|ссыл\w+|советов|інструкц\w*|посилан\w*|порад\w*|вопрос\w*|питан\w*)",
    r"не (буду|стану|хочу|збираюсь|збираюся) (ничего|нічого|больше|більше) \w+",
    r"((i|we) (don'?t|do not|won'?t|will not)( want to| wanna)?|(i'?m|i am|we'?re|we are) not "
    r"(going to|gonna)) (restart|reboot|reinstall|try|check|read|click|fiddle|do) ?(anything|"
    r"any more|anymore|again|more|it|that|this)",
    r"не (буду|стану) (\w+ )?(перезагружа\w*|переустанавлива\w*|пробовать|проверять|"
    r"перезавантажувати|перевстановлювати|пробувати|перевіряти)",
    r"(stop|quit) (sending|asking|giving)( me)?", r"no more (questions|articles|links|bots?)",
    # "I'm not answering twenty questions", "not doing another checklist"
    r"(i'?m|i am|we'?re|we are) not (answering|doing|filling in|going through) (\w+ )?(\w+ )?"
    r"(questions|checklists?|forms?|articles)",
    r"i don'?t (have|need) (time|articles|instructions|links) for", r"wast\w+ my time",
    r"(just|please just) (fix|send|get|call|do|sort|log)", r"(просто|тупо) (почин\w+|пришл\w+|"
    r"сдела\w+|исправ\w+|полагод\w+|виправ\w+|зроб\w+|надішл\w+|пришліть)",
    r"(некогда|нема коли|немає часу|нет времени) (мне )?(\w+ )?(отвеча\w*|відповіда\w*|"
    r"разбира\w*|розбира\w*|на это|на це|на ваши|на ваші)",
    r"i (don'?t|do not) have time", r"no time for (this|that|your)",
    r"(мне|мені|нам) (некогда|ніколи|не до (этого|того|цього))",
    r"(хватит|досить|годі|перестаньте|припиніть) (\w+ )?(присылать|слать|отправлять|кидать|"
    r"надсилати|кидати|скидати)",
    # "do something": "сделайте уже что-нибудь", "зробіть хоч щось", "do something about it"
    r"(сделайте|зробіть|do) (уже |вже |же |хоть |хоч |already )*(что-нибудь|что-то|щось|"
    r"що-небудь|something)",
    # hurry
    rf"(можно|можна|давайте|давай|{PLEASE}|ну|а) (побыстрее|быстрее|поскорее|швидше|"
    r"скоріше|хутчіше)", r"побыстрее", r"поскорее", r"хутчіше", r"поторопит\w*", r"поспішіть",
    r"hurry( up)?", r"as fast as possible",
    # "fix it now", "I need this fixed NOW"; "fixed now", "all sorted now" alone say it is done,
    # and so does a fix one managed: "managed to fix it now", "was able to sort it now"
    r"как можно (скорее|быстрее)", r"якнайшвидше",
    r"(?<!managed to )(?<!able to )(fix|sort|do) (it |this |that )?now",
    r"(need|want|get|have) (it|this|that) (fixed|sorted|done) (right )?now",
    r"(right )?now!+",
    # promised and not done
    r"(никто|ніхто) (так и |так і |мне |мені )?(не )?(перезвонил|перезвонив|передзвонив|ответил|"
    r"відповів|пришел|пришёл|прийшов|подошел|подошёл|підійшов)",
    r"(nobody|no one|no-one) (has )?(called|came|come|answered|replied|got back)",
    r"(nobody|no one|no-one) (has |have )?(ever |even )?(fixed|fixes|sorted|solved|resolved|"
    r"looked at|bothered)",
    r"(никто|ніхто) (так и |так і )?(не )?(починил|исправил|сделал|полагодив|виправив|зробив)",
    # not understood, and tired of it
    r"это (уже )?не смешно", r"це (вже )?не смішно", r"(this is|it'?s) not funny( anymore)?",
    r"(ничего|нічого) не (понятно|зрозуміло)", r"(можете|можна) (\w+ )?(нормально|по-человечески|"
    r"по-людськи)",
    # questions nobody can answer
    r"вы (вообще|там вообще|вообще там) (работаете|что-то делаете|читаете)",
    r"ви (взагалі|там взагалі) (працюєте|щось робите|читаєте)",
    r"(где|де) (же )?(ваш|ваши|ваші|этот|цей) (специалист|спеціаліст|админ|техник|айтишник|"
    r"айтішник|мастер|майстер)\w*",
    r"(когда|коли) (же )?(это|це) (уже |вже )?(законч\w+|прекрат\w+|скінч\w+|припин\w+)",
    # … or how long it goes on: "сколько это будет продолжаться", "how long is this going on"
    r"(сколько|скільки) (же )?(это|це|всё это|все это|усе це|все це) (\w+ )?(будет|буде|может|"
    r"може) (\w+ )?(продолжаться|длиться|тянуться|"
    r"тривати|продовжуватися|тягнутися)",
    r"how long (is|will) (this|it) (going to |gonna )?(go on|last|continue|drag on)",
    r"(когда|коли) (уже|вже|же|нарешті|наконец)( \w+)? (почин\w+|полагод\w+|сдела\w+|"
    r"зроб\w+|исправ\w+|виправ\w+|отремонт\w+)",
    r"(where is|where's) (the |your |my |that )?(technician|engineer|specialist|admin|person)",
    r"(when|how long) (will|is) (this|it|that) (ever |finally )?(be fixed|end|stop|take)",
    r"why (is|does) (this|it) (always|keep|never)",
    # … not a calm question about the request: "is anyone working on my ticket?" asks its
    # status ("is anyone even working on this?" is impatience)
    r"(are|is) any(one|body) even (there|working|reading)", r"(are|is) any(one|body) (there|"
    r"reading)", r"(are|is) any(one|body) working(?! on)",
    r"(is|are) (anyone|anybody|someone|somebody) (actually |ever |even )*(going to|gonna) (fix|"
    r"look|help|do|respond|answer|come|sort)",
    # how they feel
    r"сыт\w* по горло", r"ситий по горло", r"(не|ні) в (какие|які) ворота",
    r"(sick|tired) (and tired )?of", r"at my wits'? end", r"had enough", r"last straw",
    r"(losing|lost) my mind", r"driv\w+ me (crazy|nuts|mad|insane|up the wall)",
    r"(схожу|сойду|сходить|сойти) с ума", r"с ума (схожу|сойду|сойти|сходить)",
    r"(з'?їду|з'?їхати|зійду|зійти|сходжу) з (глузду|розуму)",
    # they wrote before
    r"(я |мы )?(вам |вже |уже )*(пишу|пишем|звоню|звертаюсь|обращаюсь) (уже |вже )?"
    r"(\w+ )?(раз|день|дня|дні|тиждень|неделю|годину|час)",
    r"(this is|it'?s) (the |my )?(second|third|fourth|\d+(nd|rd|th)) time (i|we)",
    r"(third|fourth|fifth|\d+(rd|th)) time (contacting|writing|calling|reporting|asking|"
    r"raising|i|we|i'?m|we'?re)",
    r"(уже |вже )?(третий|четвертый|пятый|третій|четвертий|п'ятий|\d+-?й) раз (вам )?(пишу|пишем|"
    r"звоню|обращаюсь|звертаюсь|звертаємось|пишемо|телефоную|дзвоню)",
    r"(i'?m|i am|we'?re|we are) (done|finished) with (the |your )?(self-?help|articles|links|"
    r"bots?|this|instructions|steps|troubleshooting|questions|checklists?)",
    r"(i'?m|i am|we'?re|we are) not (going through|doing) (all )?(this|that|it) (all )?again",
    # instructions sent back: "оставьте свои инструкции себе", "keep your articles"
    r"(оставьте|залиште|залишіть) себе (свои |свої |ваши |ваші )?(инструкци\w*|совет\w*|"
    r"стат\w+|ссылк\w*|інструкці\w*|порад\w*|посилан\w*)",
    r"(оставьте|залиште|залишіть) (свои |свої |ваши |ваші )?(инструкци\w*|совет\w*|стат\w+|"
    r"ссылк\w*|інструкці\w*|порад\w*|посилан\w*) (себе|при себе)",
    r"keep your (articles|instructions|links|tips|steps)",
    r"(хватит|досить|достаточно|годі) (с меня |з мене )?(ваших |ваші )?(инструкций|инструкциями|"
    r"статей|ссылок|советов|інструкцій|статей|посилань|порад)",
    r"(i|we) (already|have already) (reported|wrote|called|opened|raised)",
])  # fmt: skip
# A rhetorical "?!" or a row of exclamation marks is one cue; with another, it is anger.
_PUNCH = re.compile(r"\?+!|!\?|!{2,}|\?{3,}")


@dataclass(frozen=True)
class _Feelings:
    """Words that say the user is angry or fed up, as lemma keys."""

    angry: frozenset[str]
    weak: frozenset[str]
    duration: frozenset[str]
    ordinals: frozenset[str]
    contacts: frozenset[str]
    writing: frozenset[str]
    responding: frozenset[str]


@cache
def _feelings() -> _Feelings:
    return _Feelings(
        angry=lemma_keys("недовольный недоволен возмущенный возмущен раздражать бесить злить "
                         "достать надоесть задолбать невыносимый кошмар ужас позор безобразие "
                         "отвратительный издеваться бардак цирк перебор офигеть обалдеть "
                         "капец разочарованный разочарован разочаровать", "ru")
        | lemma_keys("незадоволений обурений дратувати бісити злити дістати набриднути "
                     "задовбати нестерпний кошмар жах ганьба неподобство знущатися бардак "
                     "цирк капець розчарований розчарувати", "uk")
        | lemma_keys("frustrated frustrating annoyed annoying angry furious ridiculous "
                     "unbelievable pathetic nightmare disgrace outrageous infuriating "
                     "unacceptable ugh argh absurd insane disappointed disappointing", "en"),
        # alone these say little; with a "?!" or another cue they add up
        weak=lemma_keys("опять снова вообще сколько серьезно", "ru")
        | lemma_keys("знову взагалі скільки серйозно", "uk")
        | lemma_keys("again seriously really ever", "en"),
        duration=lemma_keys("уже час минута день неделя сколько долго полдня", "ru")
        | lemma_keys("вже година хвилина день тиждень скільки довго", "uk"),
        # "third ticket", "п'яте звернення": which time the user writes (Russian ordinals
        # are told by the dictionary's Anum, the others by lemma)
        ordinals=lemma_keys("другий третій четвертий п'ятий шостий сьомий восьмий десятий "
                            "черговий", "uk")
        | lemma_keys("second third fourth fifth sixth seventh eighth tenth umpteenth", "en")
        | lemma_keys("очередной энный", "ru"),
        # not "раз"/"time": "уже третий раз за час" counts crashes, not messages
        contacts=lemma_keys("заявка обращение тикет письмо сообщение запрос жалоба", "ru")
        | lemma_keys("заявка звернення тікет лист повідомлення запит скарга", "uk")
        | lemma_keys("ticket request message email complaint", "en"),
        # … or "раз"/"time" when the user says they write: "не первый раз пишу"
        # what the desk was to do for the user: "никто не реагирует", "ніхто не відповідає"
        responding=lemma_keys("реагировать отвечать ответить перезванивать перезвонить "
                              "приходить прийти подходить подойти помогать помочь позвонить",
                              "ru")
        | lemma_keys("реагувати відповідати відповісти передзвонювати передзвонити приходити "
                     "прийти підходити підійти допомагати допомогти подзвонити зателефонувати",
                     "uk")
        | lemma_keys("responds responded answers answered replies replied helps helped "
                     "comes came", "en"),
        writing=lemma_keys("писать обращаться звонить сообщать жаловаться", "ru")
        | lemma_keys("писати звертатися дзвонити повідомляти скаржитися", "uk")
        | lemma_keys("writing contacting reporting asking raising calling", "en"),
    )  # fmt: skip


@read_once
def lost_patience(reading: MessageReading) -> bool:
    """Whether a message says the user has had enough: one strong cue or two weak ones."""
    text = reading.text
    if text in LOST_PATIENCE:
        return True
    tone = read_tone(reading)  # shouting, sarcasm, a complaint about the bot
    if tone.strong:
        return True
    words = reading.words
    feelings = _feelings()
    angry = (
        _is_feeling(w, feelings.angry) and not _says_how_much(words, at)
        for at, w in enumerate(words)
    )
    if any(angry) or _waited(words):
        return True
    if _writes_again(words) or any(nobody_responds(found) for _, found in reading.clauses):
        return True
    # the user's own words: a screen's "try again" quoted is none of their "again"
    own = users_own(text)
    said = words if own == text else read_words(normalise(own), reading.lang)
    weak = sum(w.lemma in feelings.weak for w in said) + bool(_PUNCH.search(own)) + tone.weak
    return weak >= 2


def _waited(words: list[Word]) -> bool:
    """ "жду уже третий час", "я вже годину чекаю": waiting, said with how long."""
    waits = any(w.lemma in ("ждать", "чекати") and w.has("1per") for w in words)
    return waits and any(w.lemma in _feelings().duration for w in words)


_NOBODY = frozenset({"никто", "ніхто", "nobody"})
_BETWEEN = frozenset({"не", "ні", "мне", "мені", "нам", "так", "и", "і", "даже", "навіть",
                      "has", "have", "even", "ever", "to", "me"})  # fmt: skip


def nobody_responds(words: list[Word]) -> bool:
    """ "никто не реагирует", "ніхто так і не відповів", "nobody answers": the desk has not
    done what it was to do, in any tense ("никто не может войти" is many stopped)."""
    for i, word in enumerate(words):
        if word.text in _NOBODY:
            rest = [w for w in words[i + 1 : i + 5] if w.text not in _BETWEEN]
            if rest and rest[0].among(_feelings().responding):
                # to the writer or their tickets, not to others: "никто не отвечает на
                # звонки клиентов", "nobody comes to work" say something else
                at = words.index(rest[0], i)
                said = []
                for w in words[at + 1 : at + 4]:
                    if w.text in _JOINS:
                        break
                    said.append(w)
                return not any(_someone_elses(w) for w in said)
    return False


_JOINS = frozenset({"and", "but", "и", "і", "й", "а", "но", "але"})


_MINE = frozenset({"мне", "мені", "me", "my", "мои", "мої", "мою", "мой", "мій", "на",
                   "the", "a", "our", "us", "нам", "наши", "наші", "уже", "вже", "already",
                   "yet", "for", "since", "за", "с", "з", "по"})  # fmt: skip


def _someone_elses(word: Word) -> bool:
    """A thing after a verb of responding that is neither the writer nor their contact."""
    if word.text in _MINE or word.among(_feelings().contacts) or word.among(_feelings().duration):
        return False
    return word.is_noun or not word.tags


_FIRST = frozenset({"первый", "перший", "first"})
# "ни одного письма", "ні одного листа": one is a count (none came), not which time one writes
_ONE = frozenset({"один"})
_SPANS = frozenset({"день", "неделя", "сутки", "месяц", "тиждень", "доба", "місяць", "day",
                    "days", "week", "weeks", "month"})  # fmt: skip
_NOT = frozenset({"не", "not", "ні"})


def _writes_again(words: list[Word]) -> bool:
    """ "это уже третья заявка", "п'яте звернення", "the fourth ticket I am opening", "не
    первый раз пишу": a contact counted by an ordinal (not the first) is one of many."""
    feelings = _feelings()
    for i, word in enumerate(words):
        before = [w.text for w in words[max(0, i - 2) : i]]
        first = word.lemma in _FIRST and bool(before) and (
            before[-1] in _NOT or before == ["not", "the"]
        )
        ordinal = word.has("Anum") and word.lemma not in _FIRST and word.lemma not in _ONE
        counted = ordinal or word.among(feelings.ordinals)
        counted = counted or bool(re.fullmatch(r"\d+-?(?:й|th|rd|nd|ий|ій)", word.text))
        if not (counted or first):
            continue
        if any(w.among(feelings.contacts) for w in words[i + 1 : i + 2]):
            return True
        # … or a day, a week of it: "третий день вам пишу", "пишу вам уже второй тиждень"
        times = [w.text for w in words[i + 1 : i + 2]] in (["раз"], ["time"]) or any(
            w.lemma in _SPANS or w.text in _SPANS for w in words[i + 1 : i + 2]
        )
        # the user's own writing ("пишу", "I'm writing"), not what a screen "пише"
        mine = [w for w in words if w.has("1per") or not w.tags]
        if times and any(w.among(feelings.writing) for w in mine):
            return True
    return False


# "ужас как тормозит", "жах яка повільна", "кошмар до чего медленный": the word says how
# bad the thing is, as "жутко тормозит" does.
_HOW = frozenset({"как", "какой", "какая", "какое", "какие", "як", "який", "яка", "яке", "які",
                  "до"})  # fmt: skip


def _says_how_much(words: list[Word], at: int) -> bool:
    """An angry word used for how much, of a thing, not of the desk: "ridiculously slow",
    "unbelievably loud" (an English adverb of it), "ужас как тормозит", "жах як гальмує"."""
    word = words[at]
    if not word.tags and word.text.endswith("ly") and at + 1 < len(words):
        return True
    return at + 1 < len(words) and words[at + 1].text in _HOW


# A word of anger that is also a workplace: "что за цирк" is anger, "в цирке в бухгалтерии
# комп тормозит", "у цирку", "директор цирка" a place of work, said in another case.
_ALSO_A_PLACE = frozenset({"цирк"})


def _is_feeling(word: Word, angry: frozenset[str]) -> bool:
    # "меня достали", "набридли ваші інструкції" — but "достать флешку" is not anger
    if word.lemma in ("достать", "дістати"):
        return word.has("past", "plur") or word.has("PRTS")
    if word.lemma in _ALSO_A_PLACE:
        return word.has("nomn") or word.has("accs")
    return word.lemma in angry or word.text in angry
