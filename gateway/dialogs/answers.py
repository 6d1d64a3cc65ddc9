"""Understanding short typed answers in ru, uk and en, for channels without buttons.

E-mail and plain-text users type "да", "ні", "2", "пять" or "don't know" where
others press a button; each parser returns None when the text is not such an answer.
"""

from __future__ import annotations

import re
from functools import lru_cache

from gateway.dialogs.solved import NOT_SOLVED, SOLVED, says_solved
from gateway.knowledge.morphology import lemma, readings, verb_grammemes
from gateway.knowledge.vocabulary import PLEASE_WORDS
from gateway.triage.phrases import PhraseSet, normalise
from gateway.triage.tone import THANKS

# Said alone, each is a no to a yes/no question; beside other words they may mean anything.
# None names the fault: to the rating's scale "nothing" or "no, not at all" refuses the scale.
ALONE_NO = PhraseSet([
    r"мимо", r"никак", r"ніяк", r"не-не", r"не не", r"negative", r"nothing", r"not at all",
])  # fmt: skip

NO = PhraseSet([
    r"нет", r"неа", r"не-а", r"не помогл\w*", r"не работа(ет|є)", r"не получил\w*", r"не вышло",
    r"ні", r"не допомогл\w*", r"не працює", r"не вийшло", r"не вдалося",
    # the masculine past has no "л": "совет не помог", "не допоміг"
    r"не помог", r"не допоміг",
    r"no", r"nope", r"nah", r"n", r"not really", r"didn'?t (help|work)", r"did not (help|work)",
    r"doesn'?t work", r"does not work", r"not working", r"still broken",
    # it stayed as it was: "увы, всё так же", "те саме", "still the same", "nothing changed"
    r"увы", r"к сожалению", r"на жаль", r"unfortunately", r"не сработал\w*", r"не спрацювал\w*",
    r"(все|всё|все еще|всё ещё|все равно|всё равно) (так же|то же|тоже|не \w+)", r"все равно",
    r"то же самое", r"одно и то же", r"без изменени\w*", r"ничего не (изменилось|поменялось)",
    r"те саме", r"так само", r"те ж саме", r"без змін", r"нічого не (змінилось|змінилося)",
    r"все одно", r"досі", r"(still|same) (the same|thing|error|problem|issue|message)",
    r"still (getting|get|shows?|showing|says|the same|not|doesn'?t|can'?t|won'?t|crash\w*)",
    r"nothing changed", r"no (change|luck|difference)", r"same( here| as before)?",
    r"👎", r"❌",
    r"не (заработал\w*|запрацювал\w*|разблокировал\w*|розблокувал\w*|получилось|вийшло)",
    r"(still|not) (locked|unlocked)", r"(не|ні) норм\w*",
    # typed in translit: "net", "ne pomoglo", "ni, ne dopomohlo"
    r"net", r"nea", r"ne pomogl?\w*", r"ne dopomo[hg]l\w*", r"ne dopomi[hg]", r"ni",
    # spoken forms: "ніт", "нєа", "та нє", "не а"
    r"ніт", r"нєа", r"нє", r"та нє", r"та ні", r"не а",
    # a state that goes on: "still offline", "still down"
    r"still (offline|down|broken|dead|frozen|stuck|slow|blank|black|there|nothing|no \w+|"
    r"failing|crashing|jamming|the same)",
    # it does not help, in the present; it was no use; no effect at all
    r"не (помога\w*|допомага\w*)", r"без (толку|результата|результату)",
    r"толку (ноль|нуль|никакого|жодного|нет|нема|немає)", r"(а|і|и) толку",
    r"бесполезно", r"марно", r"безрезультатно", r"ноль (реакции|эффекта)", r"нуль (реакції|ефекту)",
    r"(ничего|нічого) не (дало|дал|дала|вышло|получилось|вийшло|вдалося)", r"(все|всё) также",
    r"not (fixed|solved|resolved|sorted)( yet)?", r"no (joy|dice|good)",
    *NOT_SOLVED.patterns,  # "не починили", "couldn't fix it", "ще не полагодили"
    r"didn'?t (do anything|change anything|do a thing|make (a|any|much) difference)",
    r"(makes?|made) no difference",
    # what the article said was done before: "это я уже делала", "did all that already"
    r"(это|це|все это|всё это|все це) (я )?(\w+ )?(уже|вже) (делал\w*|пробовал\w*|робил\w*|"
    r"пробувал\w*)",
    r"(i )?(already )?(did|done|tried) (all )?(that|this|those|it) (already|before)",
    r"already (did|done|tried) (all )?(that|this|those|it)", r"been there,? done that",
    r"(that'?s|thats) what i (did|tried)",
    # said alone, each is a no; beside other words they may mean anything
    r"^(да|ну|ну да|та) не$", rf"^({'|'.join(ALONE_NO.patterns)})$",
    r"^(не (особо|очень|дуже|особливо|зовсім))$", r"^(it|that) (didn'?t|did not)$",
    # it helped hardly at all: "не особо помогло", "не дуже допомогло", "not really helped"
    r"(не|не то чтобы|не сильно|не дуже|не так щоб) (особо |очень |сильно |дуже |особливо |"
    r"зовсім )?(помогл\w*|помог|помога\w*|допомогл\w*|допоміг|допомага\w*)",
    r"(not|didn'?t|did not) (really|much|exactly) help\w*",
    # English denies a yes by its subject, with no "not": "nothing worked", "none of the steps
    # helped", "nothing you sent has worked", "it never worked" ("ничего не помогло" has its "не")
    r"(nothing|none|nobody|no ?one|neither|never)( of (it|this|that|these|those|them|the "
    r"(above|steps|tips|suggestions|options|things)))?( (you|i|we) (sent|suggested|said|tried))?"
    r"( (has|have|had|ever|really|actually|even))* (help(s|ed)?|work(s|ed)?|fix(es|ed)?|"
    r"solv(es|ed)|did the trick)",
])  # fmt: skip

YES = PhraseSet([
    r"да", r"ага", r"угу", r"помогл\w*", r"заработал\w*", r"получил\w*", r"работа(ет|є)", r"решено",
    r"помог", r"допоміг",  # the masculine past: "совет помог", "так, допоміг"
    r"так", r"допомогл\w*", r"запрацювал\w*", r"вийшло", r"вдалося", r"працює", r"вирішено",
    r"yes", r"yep", r"yeah", r"y", r"sure", r"helped", r"it helped", r"works", r"worked",
    r"solved", r"fixed", r"ok", r"okay", r"ок", r"👍", r"✅",
    # it is fine again, whoever fixed it: "та вже розблокувалось, дякую, все нормально"
    r"(все|всё|усе) (нормально|хорошо|добре|гаразд|ок|ok|в порядке|в порядку)",
    # slang for it: "вже норм", "всё норм", "норм, дякую"
    r"норм", r"нормас",
    r"разблокировал\w*", r"розблокувал\w*", r"unlocked", r"all good", r"(it'?s )?fine now",
    # "all sorted now", "it's working again" ("not sorted", "not working" are no's, read first)
    r"(all )?sorted( out)?", r"working (now|again|fine|ok|okay|normally)",
    r"da", r"pomogl\w*", r"dopomo[hg]l\w*",
    # solved whoever did it, or no longer needed: "managed to fix it now", "починили", "уже
    # не нужно", "вже полагодили"
    *SOLVED.patterns,
])  # fmt: skip

# It helped only in part or for a while: "да, но теперь пишет 0x80070005", "помогло, но
# ненадолго", "yes, for a minute, then it froze again". Not solved: a person takes it.
PARTLY = PhraseSet([
    r"(но|але|однак\w*|проте|зате|but|though|however|then|потом|потім|а потом|а потім)\b"
    r".{0,60}?(?<!\w)(не|ні|нет|опять|снова|знову|again|still|error|ошибк\w*|помилк\w*|пишет|"
    r"пише|says|shows|crash\w*|froze|freez\w*|вылет\w*|виліт\w*|завис\w*|тормоз\w*|гальму\w*|"
    r"not|\w+n't|only|лишь|только|тільки|ненадолго|ненадовго|slow\w*|медленн\w*|повільн\w*)",
    r"ненадолго", r"ненадовго", r"не совсем", r"не зовсім", r"не до конца", r"не до кінця",
    r"частично", r"частково", r"partly", r"partially", r"for a (minute|moment|while)",
    r"на (пару|несколько|кілька|\d+) (минут\w*|хвилин\w*)", r"на (минуту|хвилину)",
    # it helped for a while only: "помогло только на 5 минут", "worked for a bit then died"
    # (any amount, "5", "пару", "одну", or none: "… только на час", "лише на день")
    r"(только|лишь|тільки|лише) на (\w+ ?)?(минут\w*|"
    r"хвилин\w*|секунд\w*|час|часа|часок|часов|годин\w*|день|дня|раз)(?!\w)",
    r"(for|only for) a (bit|few minutes|second|few seconds|couple of minutes)",
    r"only (for )?(an?|one|\d+|a few|a couple of) (minutes?|hours?|days?|seconds?|while)",
])  # fmt: skip

NONE_OF_THESE = PhraseSet([
    r"ничего( из этого)?", r"ни (одн|один)\w*", r"не то", r"другое", r"нет",
    r"нічого( з цього)?", r"жодн\w*", r"не те", r"інше", r"ні",
    r"none( of (these|them|the above))?", r"neither", r"other", r"something else", r"no",
])  # fmt: skip

SKIP = PhraseSet([
    r"пропустить", r"пропусти", r"нет", r"не надо", r"нечего", r"пропустити", r"ні", r"не треба",
    r"нема", r"skip", r"no", r"nothing", r"no comment", r"-",
])  # fmt: skip

NEW_REQUEST = PhraseSet([
    r"нов\w+ (заявк\w*|проблем\w*|вопрос)", r"друг\w+ (проблем\w*|вопрос)",
    r"нов\w+ (заявк\w*|проблем\w*|питання)", r"інш\w+ (проблем\w*|питання)",
    r"new (request|problem|issue|question)", r"(another|different|other) (problem|issue)",
])  # fmt: skip

GREETING = PhraseSet([
    r"привет\w*", r"здравствуй\w*", r"добр\w+ (день|утро|вечер|ранок|вечір)", r"доброго дня",
    r"привіт\w*", r"вітаю", r"hi", r"hello", r"hey", r"good (morning|afternoon|evening)",
])  # fmt: skip

# Praise of the help, wherever it stands in a reply (`sounds_grateful`: feedback, not a
# complaint; the thanks are triage/tone.THANKS). Not triage/tone.TONE_PRAISE, which is read only
# at a message's head or of a clause of nothing else and so may hold bare words ("help",
# "perfect") that anywhere in a message praise nothing: these are praise wherever they stand
# ("отличн…", "быстро помогли", "quick fix").
FEEDBACK_PRAISE = PhraseSet([
    r"молодц\w*", r"отличн\w*", r"супер", r"быстро (помогли|починили|решили)", r"всё понятно",
    r"чудов\w*", r"швидко (допомогли|полагодили|вирішили)",
    r"great", r"awesome", r"quick(ly)? (help|fix)\w*", r"well done", r"good job",
])  # fmt: skip

_NUMBER_WORDS: dict[str, int] = {
    "один": 1, "одна": 1, "единица": 1, "первый": 1, "перший": 1, "one": 1, "first": 1,
    "два": 2, "две": 2, "дві": 2, "двойка": 2, "второй": 2, "другий": 2, "two": 2, "second": 2,
    "три": 3, "тройка": 3, "третий": 3, "третій": 3, "three": 3, "third": 3,
    "четыре": 4, "четверка": 4, "чотири": 4, "четвертый": 4, "четвертий": 4, "four": 4,
    "fourth": 4, "пять": 5, "пятерка": 5, "п'ять": 5, "пятый": 5, "п'ятий": 5, "five": 5,
    "fifth": 5,
}  # fmt: skip

_RATING_WORDS: dict[str, int] = {
    "ужасно": 1, "жахливо": 1, "terrible": 1, "awful": 1,
    "плохо": 2, "погано": 2, "bad": 2, "poor": 2,
    "нормально": 3, "средне": 3, "так собі": 3, "ok": 3, "okay": 3, "average": 3,
    "хорошо": 4, "добре": 4, "good": 4,
    "отлично": 5, "супер": 5, "чудово": 5, "відмінно": 5, "excellent": 5, "great": 5,
    "perfect": 5,
}  # fmt: skip

_ANSWER_WORDS = 6  # answers are short; a longer text is a new message, not a "yes"


def _words(text: str) -> list[str]:
    # a dash is a word of its own only when it stands alone ("-" to skip), not inside "не-а"
    return re.findall(r"[\w']+|[👍👎❌✅⭐★]|(?<![\w-])-(?![\w-])", normalise(text))


# A courtesy to the desk, neither a no nor a fault: "no worries, works now", "не переживайте,
# уже работает", "не хвилюйтеся, вже все добре" (its "no" and "не" deny nothing)
COURTESY = PhraseSet([
    r"no (worries|worry|probs?|biggie|stress)( at all| mate| whatsoever)?",
    r"(don'?t|dont|do not|not to) (you )?worry( about (it|that|this))?",
    r"не (переживайте|переживай|волнуйтесь|волнуйся|беспокойтесь|беспокойся|хвилюйтеся|"
    r"хвилюйтесь|хвилюйся|турбуйтеся|турбуйтесь|турбуйся)( (так|вы|ви|за меня|за мене))?",
])  # fmt: skip


def without_courtesy(text: str) -> str:
    """`text` without the courtesy it opens or closes with ("no worries, …"), as typed
    when it has none."""
    return COURTESY.remove(text) if text in COURTESY else text


# The fix not tried yet, put off: "thanks, I will try this after lunch", "ок, попробую
# позже", "дякую, спробую після обіду", "haven't tried it yet". Neither a yes nor a no.
DEFERRAL = PhraseSet([
    r"(i'?ll|i will|will|i'?m going to|going to|gonna|let me|i'?ve got to|i need to|i have to)"
    r"( \w+)? (try|test|check|give|have a (go|look|try)|do|look|follow|reboot|restart)\b"
    r"(?!.{0,30}(again|now|\bnot\b|n't))",
    r"(haven'?t|have not|didn'?t|did not|not) (had a chance to |got round to |gotten around to )?"
    r"(try|tried|test|tested|check|checked)( (it|this|that|them))? yet",
    r"(try|test|check) (it|this|that|them) (later|tomorrow|tonight|after|when|once|on monday|"
    r"first thing|in the morning|this (afternoon|evening))",
    r"(попробую|попробуем|проверю|проверим|посмотрю|посмотрим|сделаю|сделаем|попытаюсь|"
    r"спробую|спробуємо|перевірю|перевіримо|подивлюся|подивлюсь|подивимось|подивимося|зроблю|"
    r"зробимо)(?! (ещ[её]|ще) раз)",
    r"(ещ[её]|пока|ще|поки|ещ[её] пока|поки що) не (пробовал\w*|проверял\w*|пробував\w*|"
    r"пробувал\w*|перевіряв\w*|перевірял\w*|успел\w*|встиг\w*)",
])  # fmt: skip
# What says the fix worked, not only that the reply was heard ("ok", "да", "thanks")
_HELPED = re.compile(
    r"(?<!\w)(?:помогл\w*|помог|допомогл\w*|допоміг|заработал\w*|запрацювал\w*|работа(?:ет|є)|"
    r"працює|получилось|вийшло|вдалося|helped|works|worked|working|fixed|solved|sorted|"
    r"норм\w*|fine)(?!\w)"
)


def says_it_helped(text: str) -> bool:
    """Words that the fix worked ("помогло", "works now", "fixed"), not only a yes or
    thanks that the reply was heard ("да", "ok", "yes thanks")."""
    return _HELPED.search(normalise(text)) is not None or says_solved(text)


def defers(text: str) -> bool:
    """The user will try the fix later and says nothing of whether it worked."""
    norm = normalise(without_courtesy(text))
    return norm in DEFERRAL and _HELPED.search(norm) is None


def parse_yes_no(text: str) -> bool | None:
    """True for "yes, it helped", False for "no", None when it is neither (also "thanks,
    I will try this after lunch": not tried yet)."""
    found = _parse_yes_no(without_courtesy(text))
    return None if found and defers(text) else found


def _parse_yes_no(text: str) -> bool | None:
    words = _words(text)
    if _BARE_NE.match(text):
        return False  # "не", "Не.", "не, всё так же": the spoken no, said alone
    found = _verdict(words[:_ANSWER_WORDS])
    if found is None and len(words) > _ANSWER_WORDS:
        # a longer reply answers in a clause of its own, said in no other words: "та
        # почистив кошик, дякую, щас все нормально, помогло", "cleared it, all good now"
        found = _clauses_verdict(text)
    if found and _denied_in_a_clause(text):
        return False  # "Так воно й було, нічого не змінилось", "Yes, did all that, still offline"
    if found and _ironic(text):
        return False  # "Ага, очень помогло 🙄 …", "Oh yes, that worked wonders. Not."
    if found:
        # "да, но теперь пишет …" is not solved; "так, спочатку не виходило, але після … —
        # все працює" is: the reply turns from a failure to a yes and ends there
        return text not in PARTLY or _ends_well(text)
    if found is None and _ends_well(text):
        return True  # "сначала не получалось, но после перезагрузки всё работает"
    if found is None and _done_with_thanks(text):
        return True  # "done, thanks", "спасибо, поменяла" after the steps of a how-to
    if found is False and _AT_FIRST.search(normalise(text)) and _ends_well(text):
        return True  # "didn't work at first, but after forgetting the network it connected fine"
    return found


# "не" alone or set off by a mark is a no in chat ("не", "Не.", "не, так же"); "не знаю",
# "не сразу" go on and are read as they are.
_BARE_NE = re.compile(r"^\s*не\s*(?:[.,!;:)(…]|$)", re.IGNORECASE)


# A yes said in irony means no: an eye roll or a wry face beside it ("Ага, очень помогло 🙄",
# "Ага, дуже допомогло 🙃"), "yeah right", "ну да, как же", or a bare "not" after it as a clause of
# its own ("Oh yes, that worked wonders. Not."). The facts that follow are the no's.
IRONY = PhraseSet([
    r"🙄", r"🙃", r"😒", r"😑", r"🤦", r"🤡",
    r"yeah,? right", r"аж (два|три) раза", r"ну да,? как же",
])  # fmt: skip
_BARE_NOT = re.compile(r"(?:^|[.!?…,]\s*)not\s*(?:[.!?…]+|$)", re.IGNORECASE)


def _ironic(text: str) -> bool:
    """Whether a reply that opens with a yes says it in irony."""
    return text in IRONY or bool(_BARE_NOT.search(text.strip()))


# A later clause that says the fault goes on (never a bare "нет"/"no": "да, нет проблем",
# "yes, no more errors" are yeses).
STILL_NO = PhraseSet([
    r"не помогл\w*", r"не допомогл\w*", r"не работа(ет|є)", r"не працює", r"не вышло",
    r"не вийшло", r"didn'?t (help|work)", r"did not (help|work)", r"doesn'?t work",
    r"not working", r"still broken", r"то же самое", r"те саме", r"так само",
    r"ничего не (изменилось|поменялось)", r"нічого не (змінилось|змінилося)", r"без змін",
    r"без изменени\w*", r"nothing changed", r"no (change|luck|difference)",
    r"still (offline|down|broken|dead|frozen|stuck|slow|blank|black|failing|crashing|the same|"
    r"not|getting|shows?|showing|says|doesn'?t|can'?t|won'?t)",
    # "звука как не было, так и нет", "як не працював, так і не працює": as it was before
    r"(как|як) (\w+ )?не (было|було|был|був|была|була|работал\w*|працював\w*|печатал\w*|"
    r"друкував\w*|открывал\w*|відкривал\w*|включал\w*|вмикав\w*)",
])  # fmt: skip


def _denied_in_a_clause(text: str) -> bool:
    """Whether a later clause of a reply that opens with a yes word says the fault goes on:
    the yes was "yes, I did that" or "так воно й було", not "it helped"."""
    parts = [_words(c) for c in re.split(r"[,.;!?—–]+|\s-\s", text)]
    return any(" ".join(words[:_ANSWER_WORDS]) in STILL_NO for words in parts[1:] if words)


# The trouble said to be gone, a yes although it holds a "no": "да, нет проблем", "yes, no
# more errors", "ошибки больше нет", "it no longer crashes". A bare "no error" is not one:
# "ошибки нет, просто отключается" says what the fault looks like.
TROUBLE_GONE = PhraseSet([
    r"(no|нет|нема|немає) (problems?|issues?|проблем\w*)( anymore| any more| now| теперь| сейчас"
    r"| зараз| тепер)?",
    r"(проблем\w*) (нет|немає|нема)",
    r"(no more|больше нет|більше немає|більше нема|больше никаких|більше жодних|уже нет|вже немає)"
    r" (problems?|errors?|issues?|pop-?ups?|warnings?|проблем\w*|ошиб\w*|помил\w*)",
    r"no (errors?|problems?|issues?|pop-?ups?|warnings?) (anymore|any more)",
    r"(проблем\w*|ошиб\w*|помил\w*) (больше|більше|уже|вже) (нет|немає|нема)",
    r"no longer (crash|freez|hang|happen|appear|show|pop|disconnect|drop|lag|jam|kick)\w*",
])  # fmt: skip


def _verdict(words: list[str]) -> bool | None:
    head = " ".join(words)
    gone = head in TROUBLE_GONE
    if gone:
        head = TROUBLE_GONE.remove(head)
    if not head:
        return True if gone else None
    if head in NO:  # checked first: "не помогло" contains "помогло"
        return False
    if gone:
        return None if _STILL_FAILS.search(head) else True
    # Ukrainian "так" is "yes" only in front: "з ранку так" is "like this since morning"; an
    # interjection before it is no word of the answer ("о, так, запрацював", frozen40)
    first = next((w for w in words if w not in _INTERJECTIONS), "")
    if YES.search(head) == "так" and first != "так":
        return None
    return True if head in YES else None


# Sounds a reply may open with before its yes: "о, так", "ой, так", "ох, так, дякую".
_INTERJECTIONS = frozenset({"о", "ой", "ох", "ого", "ух", "ах"})


# Words that may stand beside a yes in a clause of its own: "щас все нормально", "now it works"
_BESIDE_YES = frozenset({"щас", "сейчас", "зараз", "теперь", "тепер", "уже", "вже", "now", "it",
                         "та", "и", "і", "й", "and", "всё", "все", "усе", "вроде", "наче",
                         "начебто", "ну", "ой"})  # fmt: skip


# A failure said in other words than a no: "still nothing prints", "не друкує", "again"
_STILL_FAILS = re.compile(
    r"(?<!\w)(?:не|ні|ни|нет|немає|нема|not|no|nothing|never|ничего|нічого|still|again|досі|"
    r"опять|снова|знову|все одно|всё равно|все равно)(?!\w)|n't\b"
)


def _clauses_verdict(text: str) -> bool | None:
    """A no in any clause, else a clause that is nothing but a yes or thanks, when nothing
    else in the reply says it still fails."""
    if _STILL_FAILS.search(normalise(text)):
        return None
    verdicts = set()
    for clause in re.split(r"[,.;!?—–]+|\s-\s", text):
        words = _words(clause)
        if not words:
            continue
        if " ".join(words[:_ANSWER_WORDS]) in NO:
            return False
        rest = THANKS.remove(YES.remove(clause)).split()
        yes = " ".join(words) in YES or " ".join(words) in THANKS
        verdicts.add(yes and all(w in _BESIDE_YES for w in rest))
    return True if True in verdicts else None


# The step said done, alone: "done", "all done", "did it", "готово", "зроблено"
DONE = PhraseSet([
    r"(all )?done( it| that)?", r"did (it|that)", r"(that'?s|it'?s) (all )?done",
    r"(все|всё|усе) ?(готово|сделано|зроблено)", r"готово", r"сделано", r"зроблено",
])  # fmt: skip
DONE_WORDS = 2  # "done", "all done", "поменяла": what is left beside the thanks is this short


def _done_with_thanks(text: str) -> bool:
    """A thanks beside the step said done, and nothing failing: "done, thanks", "спасибо,
    поменяла", "зробила, дякую". Said to "did it help?", the user did what the answer said
    and thanks for it: a yes. The step is "done" or a verb in the perfective past
    ("поменяла", "змінив"); not a plan ("спасибо, попробую") or a thanks alone."""
    norm = normalise(text)
    if norm not in THANKS or _STILL_FAILS.search(norm):
        return False
    rest = _words(THANKS.remove(norm))
    if not rest or len(rest) > DONE_WORDS:
        return False
    if " ".join(rest) in DONE:
        return True
    return len(rest) == 1 and any(
        verb_grammemes(rest[0], lang) >= _PERFECTIVE_PAST for lang in ("ru", "uk")
    )


_PERFECTIVE_PAST = frozenset({"VERB", "perf", "past"})  # "поменяла", "змінив": done


# Where a reply turns: "но", "але", "but", "потом", "then", "after"
_TURN = re.compile(
    r"(?<!\w)(?:но|але|однак\w*|проте|but|though|however|then|потом|потім|"
    r"после|після|after|теперь|тепер|now)(?!\w)"
)


# A no said of the start only: "at first", "сначала", "спочатку"
_AT_FIRST = re.compile(
    r"(?<!\w)(?:at first|initially|first|сначала|сперва|вначале|спочатку|"
    r"спершу|попервах)(?!\w)"
)
# A yes said by what works now: "it connected fine", "prints ok now", "підключилось нормально"
_WORKS_NOW = re.compile(
    r"(?<!\w)(?:connected|connects|opened|opens|printed|prints|loaded|loads|synced|syncs|"
    r"подключил\w*|підключил\w*|открыл\w*|відкрил\w*|печата\w+|друку\w+)\s+"
    r"(?:fine|ok|okay|now|again|normally|нормально|сейчас|зараз|теперь|тепер|как надо|як треба)"
    r"(?!\w)"
)


def _ends_well(text: str) -> bool:
    """The reply turns and ends on a yes said in no other words and with no failure in it:
    "at first it didn't, but after I forgot the network — it works", "спочатку не виходило,
    але … все працює" (not "yes, but now it crashes", "помогло, но ненадолго")."""
    if _TURN.search(normalise(text)) is None:
        return False
    # a closing "thanks" is no clause of its own: "… it works now, thanks"
    clauses = [c for c in re.split(r"[,.;!?—–]+|\s-\s", text) if _words(c)]
    while clauses and not re.search(r"\w", THANKS.remove(clauses[-1])):
        clauses.pop()
    if not clauses:
        return False
    last = " ".join(_words(clauses[-1]))
    if _STILL_FAILS.search(last) or last in PARTLY:
        return False
    # the clause ends on the yes: what was done may come before it ("після перезавантаження
    # все працює", "after I forgot the network it works now"), nothing but thanks after it
    ends = [m for m in re.finditer(r"[\w']+", last) if m.group() in YES and m.group() != "так"]
    ends += list(_WORKS_NOW.finditer(last))
    if not ends:
        return False
    ends.sort(key=lambda m: m.end())
    after = THANKS.remove(last[ends[-1].end() :]).split()
    return all(w in _BESIDE_YES for w in after)


def parse_number(text: str, maximum: int) -> int | None:
    """A choice typed as "2", "2.", "#2", "второй" or "two", within 1..maximum."""
    words = _words(text)
    if not words or len(words) > 3:
        return None
    word = words[0]
    value = int(word) if word.isdecimal() else _NUMBER_WORDS.get(word)
    if value is None or not 1 <= value <= maximum:
        return None
    return value


# A pick among offered articles typed in words: ordinals in any gender and case ("вторая",
# "другу", "the 2nd"), the last one, and the words a pick is said with ("давайте второй
# вариант", "the second one", "номер 2", "мабуть перша").
_ORDINALS: dict[str, int] = {
    **{w: 1 for w in ("первый", "первая", "первое", "первую", "перший", "перша", "перше",
                      "першу", "1st")},
    **{w: 2 for w in ("второй", "вторая", "второе", "вторую", "другий", "друга", "друге",
                      "другу", "2nd")},
    **{w: 3 for w in ("третий", "третья", "третье", "третью", "третій", "третя", "третє",
                      "3rd")},
}  # fmt: skip
_LAST = frozenset({"последний", "последняя", "последнее", "последнюю", "останній", "остання",
                   "останнє", "останню", "last"})  # fmt: skip
_PICK_WORDS = PLEASE_WORDS | frozenset({
    "the", "one", "number", "no", "option", "article", "i", "think", "its",
    "it's", "it", "is", "probably", "maybe", "ok", "okay", "номер", "вариант", "варіант",
    "пункт", "статья", "статью", "стаття", "статтю", "давай", "давайте", "наверное", "мабуть",
    "ну", "это", "це", "скорее", "скоріше", "всего", "за", "все",
    "такі", "таки", "вот", "ось", "мне", "мені", "нужен", "нужна", "нужно", "потрібен",
    "потрібна", "потрібно", "й", "-й", "ий", "я", "е",
})  # fmt: skip
PICK_WORDS_AT_MOST = 4
TITLE_WORDS_AT_MOST = 3  # a longer reply says more of the problem: it is matched again


def parse_choice(text: str, titles: list[str]) -> int | None:
    """Which of the offered `titles` (1-based) a short typed reply picks: a number or an
    ordinal among the words a pick is said with ("2", "вторая", "the second one", "номер
    2", "останній"), or words of one title alone ("принтер", "the scanner one"). None when
    it picks none, or could be more than one (a word two titles share)."""
    number = parse_number(text, len(titles))
    if number:
        return number
    words = _words(text)
    if not words or len(words) > PICK_WORDS_AT_MOST:
        return None
    said = [w for w in words if w not in _PICK_WORDS]
    if len(said) == 1 and (value := _ordinal(said[0], len(titles))) is not None:
        return value if 1 <= value <= len(titles) else None
    if said and len(words) <= TITLE_WORDS_AT_MOST:
        return _titled(said, titles)
    return None


def _ordinal(word: str, last: int) -> int | None:
    if word.isdecimal():
        return int(word)
    if word in _LAST:
        return last
    return _ORDINALS.get(word) or _NUMBER_WORDS.get(word)


def _titled(said: list[str], titles: list[str]) -> int | None:
    """The one title that holds a word of every one of `said`, by its stem ("принтер" is
    "Принтер не печатает"; "сканера" is "Сканер …"); a short word as it is ("jam"). When
    no title starts so, the same word in another form, by the shared morphology ("мыши" is
    "… клавиатура или мышь", "миші" "… або миша")."""
    if all(len(w) < 4 for w in said):
        return None  # "или", "or": no word of a title alone
    stems = [w[: max(4, len(w) - 2)] if len(w) > 4 else w for w in said]
    hits = [
        n
        for n, title in enumerate(titles, 1)
        if all(any(t.startswith(stem) for t in _words(title)) for stem in stems)
    ]
    if not hits:
        hits = [
            n
            for n, title in enumerate(titles, 1)
            if all(any(_same_word(w, t) for t in _words(title)) for w in said)
        ]
    return hits[0] if len(hits) == 1 else None


def _same_word(said: str, titled: str) -> bool:
    """Whether two forms are one word, read in the same language (ru, uk; English's stem)."""
    return any(lemma(said, lang) == lemma(titled, lang) for lang in ("ru", "uk"))


# A score and the scale it is given on: "4", "4/5", "3 из 10", "8 out of 10".
_SCORE = re.compile(
    r"\s*(\d+)(?:[.,]\d+)?\s*(?:(?:/|из|з|of|out of)\s*(\d+))?(?=\W|$)", re.IGNORECASE
)
# The words a score is given with, before it: thanks, "оценка:", "ставлю", "I give it a", "на".
_SCORE_LEAD = re.compile(
    r"\s*(?:(?:спасибо|спасибі|дякую|thanks|thank you)[\s,!.:]+)?"
    r"(?:(?:(?:моя|my)\s+)?(?:оценка|оцінка|rating|score|mark)\s*[:\-–—]?\s*"
    r"|(?:ставлю|даю|поставлю|i\s+give(?:\s+(?:it|you))?(?:\s+an?)?|i\s+rate(?:\s+it)?)\s+"
    r"|на\s+(?=\d|отлично|відмінно|чудово|хорошо|добре))?",
    re.IGNORECASE,
)
_ON = re.compile(r"на\s+$", re.IGNORECASE)
_BARE_SCORE = re.compile(r"[\s\d/.,!)(⭐★☆\ufe0f\u20e3]+")
_NEXT_WORD = re.compile(r"[ \t]*([^\W\d_]+)")
# What a score is counted in: "5 звёзд", "4 бали", "5 stars", "3 points".
_SCORE_UNITS = frozenset({"звезда", "зірка", "балл", "бал", "star", "stars", "point", "points"})


def parse_rating(text: str) -> int | None:
    """A 1-5 rating: a digit, a number word, "отлично"/"good", or a row of stars; also
    after the words it is given with ("оценка 4", "ставлю 5", "на отлично", "спасибо, 5").

    A number is a score only on the scale of five, and not when it counts what follows it:
    "5 дней не работает", "2 раза звонил", "3 printers" say how many, not how good."""
    lead = _SCORE_LEAD.match(text)
    rest = text[lead.end() :] if lead else ""
    if lead and lead.end() and rest.strip():
        if _ON.search(lead.group()) and _where_or_what(rest):
            return None
        return _rating(rest)
    return _rating(text)


def _where_or_what(text: str) -> bool:
    """A number after "на" with a thing right after it says where or on what, not how good:
    "на 3 этаже не печатает", "на 2 компьютерах нет сети" ("на 5 баллов" is a score)."""
    found = _SCORE.match(text)
    word = _NEXT_WORD.match(text, found.end()) if found else None
    if word is None or word.group(1).lower() in _SCORE_UNITS:
        return False
    read = readings(normalise(word.group(1)), "ru")
    units = any(lemma in _SCORE_UNITS for lemma, _ in read)
    return not units and bool(read) and {"NOUN", "inan"} <= read[0][1]


def _rating(text: str) -> int | None:
    stars = sum(text.count(s) for s in "⭐★")
    if stars and re.search(r"\d", text):
        # "5⭐", "4 ★": the number is the score and the star its unit, not a row of one
        text = re.sub("[⭐★]", " ", text).strip()
    elif 1 <= stars <= 5:
        return stars
    found = _SCORE.match(text)
    if found:
        score, scale = int(found.group(1)), found.group(2)
        if not 1 <= score <= 5 or (scale is not None and scale != "5"):
            return None
        word = _NEXT_WORD.match(text, found.end())
        if word and _counts(score, normalise(word.group(1))):
            return None
        return score
    head = normalise(text).strip(" .!,")
    for phrase, value in _RATING_WORDS.items():
        if head == phrase or head.startswith(phrase + " ") or head.startswith(phrase + ","):
            return value
    return parse_number(text, 5)


def is_bare_score(text: str) -> bool:
    """Nothing but a score in digits or stars ("5", "4/5", "⭐⭐⭐", "5️⃣"): after a rating,
    the rating said again, not a comment."""
    return parse_rating(text) is not None and bool(_BARE_SCORE.fullmatch(text))


def _counts(number: int, word: str) -> bool:
    """Whether `word`, right after `number`, is what the number counts: a noun in the form
    the number asks for (1 принтер; 2 раза, 3 дні; 5 дней, 5 хвилин), or for a Latin word a
    plural ("5 days"); the units a score is given in are no count ("5 звёзд", "5 stars")."""
    if word in _SCORE_UNITS or sounds_grateful(word):
        return False
    found = readings(word, "ru")
    if not found:
        return number > 1 and len(word) > 2 and word.endswith("s") and word.isascii()
    if any(lemma in _SCORE_UNITS for lemma, _ in found):
        return False
    wanted = {1: ({"nomn", "sing"}, {"accs", "sing"})}.get(
        number, ({"gent", "sing"}, {"nomn", "plur"}) if number < 5 else ({"gent", "plur"},)
    )
    return any("NOUN" in tags and any(w <= tags for w in wanted) for _, tags in found)


def is_none_of_these(text: str) -> bool:
    return _whole(text, NONE_OF_THESE)


def is_skip(text: str) -> bool:
    return _whole(text, SKIP)


# A no that says nothing of what it refuses: "нет", "ні", "nope". Where it answers no
# yes/no question (the rating's scale) it may refuse the question itself.
BARE_NO = PhraseSet([
    r"нет", r"неа", r"не-а", r"не а", r"не", r"ні", r"ніт", r"нєа", r"нє", r"та ні", r"та нє",
    r"no", r"nope", r"nah", r"n", r"net", r"nea", r"ni",
])  # fmt: skip


# What refuses the rating besides the skip words: "нет, спасибо", "спасибо, ничего", "no thanks"
_DECLINE = PhraseSet([*SKIP.patterns, *THANKS.patterns, *BARE_NO.patterns, r"ничего", r"нічого"])


def declines(text: str) -> bool:
    """The user will not rate or comment: "нет, спасибо", "спасибо, ничего", "ні, дякую", "no
    thanks", "не надо", "skip"; not a bare "нет" (it may say the fix failed) nor thanks alone
    (glad of the fix)."""
    return _whole(text, _DECLINE) and not _whole(text, BARE_NO) and not _whole(text, THANKS)


def skips_rating(text: str) -> bool:
    """Said instead of a score, the rating refused: the words of `declines`, or a bare no
    ("нет", "ні", "nope"), which says no more of the fault than that (in a chat and by mail
    alike; the fault said to go on reopens, `says_still_broken`)."""
    return declines(text) or _whole(text, BARE_NO)


def says_only_no(text: str) -> bool:
    """The message is a no and nothing else ("нет", "ні, не допомогло", "nope, didn't help"):
    it names no thing and no time."""
    return _whole(text, NO)


def says_still_broken(text: str) -> bool:
    """A no that names the fault going on ("не помогло", "всё равно не работает", "still
    broken", "nope, not fixed"), not a no that names nothing ("нет", "nothing", "no, not at
    all") nor a no to the rating itself ("нет, спасибо", "no thanks", "ні, все добре"): what
    follows a no must be a no of its own."""
    if _whole(text, _NAMES_NO_FAULT):
        return False
    opening = _OPENING_NO.match(text)
    return parse_yes_no(text[opening.end() :] if opening else text) is False


_NAMES_NO_FAULT = PhraseSet([*BARE_NO.patterns, *ALONE_NO.patterns])


# The no a reply opens with, set off from what it goes on to say: "нет, не заработало",
# "nope, not fixed", "не, всё так же" (not the "не" of "не помогло")
_OPENING_NO = re.compile(
    r"^\s*(?:(?:нет|неа|не-а|ні|ніт|нєа|нє|та ні|та нє|no|nope|nah|net|nea|ni)(?![\w'-])|"
    r"не(?=\s*[,.!;:—–-]))[\s,.!;:—–-]*",
    re.IGNORECASE,
)


# The fault said to go on, not only denied: "всё равно", "все одно", "still", "again", "та
# сама помилка", "same error". Beside a device or a topic it says that thing is what stays
# broken ("всё равно не печатает"), not a new problem.
STILL = PhraseSet([
    r"вс[её] равно", r"вс[её] ещ[её]", r"до сих пор", r"по-прежнему", r"опять", r"снова",
    r"вновь", r"так и не", r"как и (раньше|было)", r"т(а|у|о) же( самая| самую| самое)?",
    r"тоже самое",
    r"(в|у)с[еі] одно", r"все ще", r"досі", r"знову", r"як і (раніше|було)", r"так і не",
    r"(та|ту|те) сам(а|у|е)", r"таж сама",
    r"still", r"again", r"(the )?same (error|problem|issue|thing|message|fault)",
    r"as before", r"no change",
])  # fmt: skip


def says_it_goes_on(text: str) -> bool:
    """The message says the fault goes on or is back ("всё равно", "та сама помилка",
    "still", "again")."""
    return bool(STILL.search(text))


def is_new_request(text: str) -> bool:
    return bool(NEW_REQUEST.search(text)) and len(_words(text)) <= _ANSWER_WORDS


def sounds_grateful(text: str) -> bool:
    """Thanks or praise anywhere in the message: feedback, not a complaint."""
    return bool(THANKS.search(text) or FEEDBACK_PRAISE.search(text))


# A word that says something fails or is missing: thanks with one of these may bring news
# of another fault ("thanks, but now the vpn doesn't work"): what says a reply still fails,
# and the verbs of a fault
_TROUBLE = re.compile(
    rf"{_STILL_FAILS.pattern}|(?<!\w)(?:cannot|error\w*|fail\w*|ошибк\w*|помилк\w*|сбо\w+|"
    r"збо\w+|зависа\w+|завис\w*|виса\w+|вылета\w+|виліта\w+|crash\w*|broke\w*|stuck)(?!\w)"
)
# "Thanks again": the thanks said once more, not the fault back
_THANKS_AGAIN = re.compile(r"(?<!\w)(?:thanks?(?: you)?|thx|ty)\s+(?:once\s+)?again(?!\w)")


# A fault said to be gone: "больше не глючит", "вже не зависає", "it doesn't freeze anymore",
# "the error is gone" (its "не"/"not" says no fault, not a new one)
_FAULT_GONE = re.compile(
    r"(?<!\w)(?:(?:больше|уже|більше|вже)\s+не\s+(?:глюч\w*|зависа\w*|виса\w*|вылета\w*|"
    r"виліта\w*|тормоз\w*|гальму\w*|выда\w*\s+ошибк\w*|пиш\w*\s+(?:ошибк|помилк)\w*)|"
    r"(?:the\s+)?(?:error|errors|problem|issue|glitch\w*)\s+(?:is\s+|are\s+|has\s+)?gone|"
    r"(?:doesn't|does not|won't|no longer)\s+(?:freez|crash|hang|lag)\w*(?:\s+any\s?more)?)"
    r"(?!\w)",
    re.IGNORECASE,
)


def without_fault_gone(text: str) -> str:
    """`text` without the fault it says is gone ("дякую, більше не зависає" is "дякую, "):
    those words name no other thing to help with."""
    return _FAULT_GONE.sub(" ", text)


def tells_a_fault(text: str) -> bool:
    """`text` says something fails or is missing ("принтер не друкує", "error 0x11b"), not
    only that a fault is gone ("більше не зависає")."""
    return _TROUBLE.search(_FAULT_GONE.sub(" ", normalise(text))) is not None


def says_it_works_now(text: str) -> bool:
    """Thanks for a fix, or word that it works ("thanks again, the printer works now", "ещё
    раз спасибо, принтер теперь работает", "ще раз дякую, все працює"), with no fault in
    it: feedback on the help, not a new problem."""
    verdict = parse_yes_no(text)
    if verdict is True:
        return True
    rest = _THANKS_AGAIN.sub(" ", _FAULT_GONE.sub(" ", normalise(without_courtesy(text))))
    return verdict is None and sounds_grateful(text) and _TROUBLE.search(rest) is None


def says_it_is_solved(text: str) -> bool:
    """The message says the problem is solved or no longer needed, whoever solved it
    ("managed to fix it now, thanks", "не переживайте, починили", "вже не треба"), and says
    nothing else fails: said while the checklist asks or a ticket waits, it ends the
    conversation. Not a bare "yes", "ok" or "works" (they answer a question)."""
    text = without_courtesy(text)
    if not says_solved(text) or parse_yes_no(text) is not True:
        return False
    return _TROUBLE.search(normalise(SOLVED.remove(without_fault_gone(text)))) is None


# Another matter added after the answer: "да, помогло. А ещё сканер не сканирует", "так,
# дякую, до речі VPN не підключається", "yes, thanks. Also my VPN is down". Set off by a mark
# or a joining word, so "всё ещё не работает" (still) is no addition.
_ADDED = re.compile(
    r"(?:[.!?;,:\n]+\s*|\s[-—–]+\s*|\s)(?:(?:а|и|і|й|но|але|and|but)\s+)"
    r"(?:ещ[её]|ще|також|также|кстати|до речі|also|plus)(?![\w'])(?!\s+раз(?!\w))[\s,:—–-]*"
    r"|(?:[.!?;,:\n]+\s*|\s[-—–]+\s*)(?:(?:а|и|і|й|но|але|and|but)\s+)?"
    r"(?:ещ[её]|ще|також|также|кроме того|крім того|кстати|до речі|also|plus|btw|by the way|"
    r"one more thing|another thing|on another note)(?![\w'])(?!\s+раз(?!\w))[\s,:—–-]*",
    re.IGNORECASE,
)


def split_addition(text: str) -> tuple[str, str]:
    """The reply and the other matter it adds ("да, помогло", "сканер не сканирует"), or
    (`text`, "") when it adds none."""
    found = _ADDED.search(text)
    if found is None or not re.search(r"\w", text[: found.start()]):
        return _after_a_courtesy(text)
    return text[: found.start()].strip(), text[found.end() :].strip()


# Where a sentence ends: the courtesy said first is one ("yes thanks.", "спасибо!")
_SENTENCE_END = re.compile(r"[.!?\n]+\s*")
# A sentence that goes on with the fault answered, not another one: "but now it says …",
# "still …", "теперь пишет …" (read with the yes before it: not solved, or only partly)
_GOES_ON = re.compile(
    r"(?:but|though|however|still|again|now|then|yet|но|але|однак\w*|проте|зате|всё|все|"
    r"опять|снова|знову|досі|теперь|тепер|потом|потім|пока|поки)(?!\w)"
)
# … or one that denies a fault, as the yes did: "Yes! Not a single error since", "да. Ни
# одной ошибки"
_DENIES = re.compile(r"(?:not|no|never|nothing|zero|ни|ні|нет|немає|нема|ничего|нічого|без)(?!\w)")


def _after_a_courtesy(text: str) -> tuple[str, str]:
    """A courtesy or a yes said as a sentence of its own, then a fault told in the next
    ("yes thanks. My outlook won't send", "Спасибо! У меня сканер не сканирует"): the
    courtesy and that other matter; else (`text`, "")."""
    end = _SENTENCE_END.search(text.strip())
    if end is None:
        return text, ""
    said, rest = text.strip()[: end.start()], text.strip()[end.end() :]
    opening = normalise(rest)
    if not rest or _GOES_ON.match(opening) or _DENIES.match(opening) or not tells_a_fault(rest):
        return text, ""
    if parse_yes_no(text) is False:
        return text, ""  # "так, допомогло. Як не працював, так і не працює": a no
    if rest in TROUBLE_GONE or parse_yes_no(rest) is True:
        return text, ""  # "yes! no more errors": the same yes, said again
    courtesy = is_small_talk(said) or _whole(said, COURTESY) or parse_yes_no(said) is True
    if not courtesy or len(_words(said)) > _ANSWER_WORDS:
        return text, ""
    return said.strip(), rest.strip()


def is_small_talk(text: str) -> str:
    """Say "greeting" or "thanks" when that is all the message says, else ""."""
    if _whole(text, GREETING):
        return "greeting"
    if _whole(text, THANKS) or (len(_words(text)) <= 3 and THANKS.search(text)):
        return "thanks"
    return ""


def _whole(text: str, phrases: PhraseSet) -> bool:
    """The message says nothing but one of the phrases (and punctuation)."""
    rest = phrases.remove(text)
    if phrases.search(text) and not re.search(r"\w", rest):
        return True
    # A phrase begun by a shorter one of the set ("no comment" by "no"): the shorter one
    # matched first and left the rest of it ("comment") standing as if something more was said
    short = len(text) <= _WHOLE_CHARS
    return short and _phrases_only(phrases).fullmatch(normalise(text)) is not None


_WHOLE_CHARS = 200  # a message of phrases only is short


@lru_cache(maxsize=64)
def _phrases_only(phrases: PhraseSet) -> re.Pattern[str]:
    """A text that is one or more of `phrases` and punctuation, each phrase tried in full."""
    joined = "|".join(f"(?:{p})" for p in phrases.patterns)
    return re.compile(rf"\W*(?:(?<![\w/])(?:{joined})(?!\w)\W*)+")
