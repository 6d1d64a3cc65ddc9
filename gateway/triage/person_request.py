"""A request for a person or a ticket, read from the sentence's shape, not a phrase list.

People ask for a person in endless words: "кличте людину", "зовите человека", "мне нужен
живой админ", "пусть кто-нибудь подойдёт", "хай мені подзвонить фахівець", "просто создайте
заявку". Each is one of a few shapes, read by lemma and grammemes so that every form and
synonym of its verb counts:
- a command that brings or connects a person: an imperative of a bringing verb with a
  person as its object ("викличте майстра", "переключите на специалиста");
- a person wanted or needed ("хочу специалиста", "нужен админ", "потрібна людина");
- a person who is to come, call or look ("пусть кто-нибудь подойдёт", "чтобы мне позвонил
  специалист"), or to answer or help the writer ("шоб мені просто людина відповіла", "чтобы
  мне помог специалист");
- a ticket to be opened or passed on ("создайте заявку", "відкрийте заявку"): a ticket is
  a person's work;
- a person to talk with ("можно поговорить с настоящим человеком?", "хочу поспілкуватися
  зі справжньою людиною", "с кем-нибудь из специалистов связаться"), the person after "с" or
  "з" in the instrumental, before the verb or after it;
- a person's service asked for: "можно консультацию специалиста?", "потрібна допомога
  фахівця", "прошу выезд мастера".

A command is given politely as often as bluntly: an infinitive after "можно", "можете",
"прошу" is the imperative said softly ("можна мене просто передати людині?", "прошу
связаться со мной", "можете мне перезвонить?", "можно вызвать мастера?"), and is read as one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, cached_property

from gateway.knowledge.vocabulary import PLEASE_WORDS
from gateway.triage.reading import MessageReading, Word, lemma_keys, read_once


@dataclass(frozen=True)
class _Shapes:
    """The words of each shape, as lemma keys."""

    bring: frozenset[str]
    hand_to: frozenset[str]
    want: frozenset[str]
    need: frozenset[str]
    come: frozenset[str]
    reply: frozenset[str]
    let: frozenset[str]
    people: frozenset[str]
    someone: frozenset[str]
    open_verbs: frozenset[str]
    ticket: frozenset[str]
    talk: frozenset[str]
    service: frozenset[str]

    @cached_property
    def openers(self) -> frozenset[str]:
        """The words a shape starts from (bar "пусть"): a bringing, handing, wanting, coming
        or opening verb, or "нужен"."""
        return (
            self.bring | self.hand_to | self.want | self.need | self.open_verbs | self.come
            | self.talk | self.service
        )  # fmt: skip


@cache
def _shapes() -> _Shapes:
    ru, uk = "ru", "uk"
    return _Shapes(
        bring=lemma_keys("звать позвать подозвать вызвать прислать дать давать соединить "
                         "пригласить найти направить отправить переключить перевести", ru)
        | lemma_keys("кликати покликати викликати прислати надіслати дати давати з'єднати "
                     "запросити знайти направити відправити переключити перевести", uk),
        # whom a request is handed to: "передайте специалисту"
        hand_to=lemma_keys("передать передавать", ru) | lemma_keys("передати передавати", uk),
        want=lemma_keys("хотеть", ru) | lemma_keys("хотіти", uk),
        need=lemma_keys("нужный необходимый", ru) | lemma_keys("потрібний необхідний", uk),
        come=lemma_keys("подойти прийти зайти позвонить перезвонить посмотреть глянуть "
                        "связаться приехать набрать", ru)
        | lemma_keys("підійти прийти зайти подзвонити передзвонити зателефонувати "
                     "подивитися глянути зв'язатися приїхати набрати", uk),
        # … or to answer or help: said of the writer only ("чтобы мне ответил человек"; not
        # "чтобы операторы отвечали на звонки", the user's own staff at work)
        reply=lemma_keys("ответить помочь", ru) | lemma_keys("відповісти допомогти", uk),
        # with the spellings of speech and surzhyk: "шоб", "штоб"
        let=frozenset({"пусть", "пускай", "чтобы", "чтоб", "штобы", "штоб", "нехай", "хай",
                       "щоб", "щоби", "шоб", "шоби"}),
        # not "сотрудник", "працівник": a colleague is who access is asked for
        people=lemma_keys("человек специалист админ администратор сисадмин техник мастер "
                          "оператор айтишник консультант", ru)
        | lemma_keys("людина спеціаліст фахівець адмін адміністратор сисадмін технік майстер "
                     "оператор айтішник консультант", uk),
        someone=lemma_keys("кто-нибудь кто-то кто-либо", ru)
        | lemma_keys("хтось хто-небудь", uk) | frozenset({"когось", "кого-небудь"}),
        open_verbs=lemma_keys("создать открыть оформить завести зарегистрировать", ru)
        | lemma_keys("створити відкрити оформити завести зареєструвати", uk),
        ticket=lemma_keys("заявка тикет обращение", ru) | lemma_keys("заявка тікет звернення", uk),
        talk=lemma_keys("поговорить говорить пообщаться общаться побеседовать связаться "
                        "переписываться", ru)
        | lemma_keys("поговорити говорити поспілкуватися спілкуватися побалакати балакати "
                     "порозмовляти розмовляти зв'язатися листуватися", uk),
        # what a person does for the writer, asked for with the person after it: "консультация
        # специалиста", "допомога фахівця", "выезд мастера" (not "помощь" alone: any help)
        service=lemma_keys("консультация помощь звонок визит выезд", ru)
        | lemma_keys("консультація допомога дзвінок візит виїзд", uk),
    )  # fmt: skip


AFTER_VERB = 3  # "дайте мне наконец живого специалиста": the person comes soon after
_WRITER = frozenset({"мне", "мені", "меня", "мене", "мной", "мною", "нам", "нас", "нами"})
# A request said softly: "можно", "можете", "прошу" before an infinitive make it a command
# ("можно вызвать мастера?", "прошу связаться со мной", "можете передать специалисту?");
# not "нужно", "надо": the writer's own deed as often as another's ("мне нужно передать отчёт
# админу")
_POLITELY = frozenset({"можно", "можна", "можете", "можешь", "можеш", "могли", "сможете",
                       "зможете", "прошу", "просим", "просимо", "попрошу", "просьба",
                       "прохання", "хотелось", "хотілося", "хотілось"})  # fmt: skip
POLITE_REACH = 4  # "можна мене просто передати": the infinitive a few words after
# Words of address, which put no distance between a verb and whom it takes: "передайте,
# пожалуйста, специалисту", "передайте це, будь ласка, фахівцю"
_ADDRESS = PLEASE_WORDS


@read_once
def calls_for_person(reading: MessageReading) -> bool:
    """Whether the message asks for a person or a ticket in one of the shapes above."""
    # Each shape starts at a word of its own, and a clause's words are the message's words
    # (less the conjunctions that part clauses): a message without such a word asks for
    # nobody, and its clauses are not read. A person named alone ("оператора мені") starts
    # a shape of its own, read in a short clause only.
    shapes = _shapes()
    opens = any(
        w.text in shapes.let or w.text in _NEED_SAID or w.among(shapes.openers)
        for w in reading.words
    )
    named = any(_person(w, shapes) for w in reading.words)
    if not (opens or named):
        return False
    clauses = reading.clauses
    if named and any(_named_alone(words) for _, words in clauses if len(words) <= ALONE_WORDS):
        return True
    if named and any(
        _called_alive(words, clauses[at + 1][1]) for at, (_, words) in enumerate(clauses[:-1])
    ):
        return True
    return opens and any(_asks(words) for _, words in clauses)


_TO_ME = frozenset({"мне", "мені", "нам", "сюда", "сюди", "срочно", "терміново", "скорее",
                    "швидше", "быстрее", "пожалуйста", "будь", "ласка", "уже", "вже", "живого",
                    "живу", "живую", "можно", "можна", "а", "просто", "хоть", "хотя", "бы",
                    "хоча", "б", "ну", "нормального", "нормальну", "нормальную"})  # fmt: skip
# … and a person alone in the nominative is asked for when the next sentence only says
# "alive": "оператор. живой. монитор черный"
_ALIVE = frozenset({"живой", "живий", "живая", "жива", "живого", "живу", "живую", "живих",
                    "живых", "живі", "живые"})  # fmt: skip
ALONE_WORDS = 4  # "оператора мені", "живого специалиста сюда!": a clause of a few words


# … from where, said after the person ("кого-нибудь из IT", "когось з айтішників"); and the
# person one is to be put through to, asked softly ("можна до людини?", "можно к оператору?")
_FROM = frozenset({"из", "з", "із", "зі", "от", "від"})
_TOWARD = frozenset({"к", "ко", "до"})


def _named_alone(words: list[Word]) -> bool:
    """A person asked for with the verb left out: "оператора мені", "специалиста мне!",
    "людину сюди", "можно кого-нибудь из IT?", "можна до людини?": the person as an object,
    no verb, only words of address beside it (not "у оператора не работает гарнитура",
    "доступ для оператора")."""
    if not words or len(words) > ALONE_WORDS:
        return False
    shapes = _shapes()
    rest = [w for w in words if w.text not in _TO_ME]
    if len(rest) == 3 and rest[1].text in _FROM:
        rest = rest[:1]
    toward = len(rest) == 2 and rest[0].text in _TOWARD
    if toward and any(w.text in ("можно", "можна") for w in words):
        rest = rest[1:]
    if len(rest) != 1 or rest[0].is_verb or not _person(rest[0], shapes):
        return False
    if toward:
        return rest[0].has("gent") or rest[0].has("datv")  # "до людини", "к оператору"
    return rest[0].has("accs") and (not rest[0].has("nomn") or len(words) > 1)


def _called_alive(words: list[Word], following: list[Word]) -> bool:
    """A person named as a sentence of its own and called alive in the next: "оператор.
    живой.", "людина! жива!" (what else the nominative alone may be, a role or a subject,
    is never followed by "alive" alone)."""
    shapes = _shapes()
    return (
        len(words) == 1
        and _person(words[0], shapes)
        and 0 < len(following) <= 2
        and all(w.text in _ALIVE or w.text in _TO_ME for w in following)
        and any(w.text in _ALIVE for w in following)
    )


def _asks(words: list[Word]) -> bool:
    shapes = _shapes()
    for at, word in enumerate(words):
        after = words[at + 1 : at + 1 + AFTER_VERB]
        if word.text in _NEED_SAID and not _need_of_person(words, at, shapes):
            continue
        ordered, softly = _ordered(words, at)
        takes = _takes(word, shapes, ordered=ordered)
        addressed = _until_wish(w for w in words[at + 1 :] if w.text not in _ADDRESS)
        if any(_person(w, shapes) and wants(w) for w in addressed for wants in takes):
            return True
        # the person before the verb, as word order allows: "оператора дайте", "людину
        # покличте", "специалиста хочу"
        if takes and _person_before(words, at, after, shapes):
            return True
        if any(w.among(shapes.ticket) and w.has("accs") for w in after) and (
            ordered and word.among(shapes.open_verbs)
        ):
            return True  # "просто создайте заявку", "відкрийте заявку", "можно создать заявку?"
        if word.among(shapes.service) and _service_asked(words, at, shapes):
            return True  # "можно консультацию специалиста?", "потрібна допомога фахівця"
        if word.text in shapes.let:  # "пусть кто-нибудь подойдёт", "хай подзвонить фахівець"
            rest = words[at + 1 : at + 1 + 2 * AFTER_VERB]
            comes = [w for w in rest if w.among(shapes.come)]
            person = any(_person(w, shapes) and w.has("nomn") for w in rest)
            if comes and person:
                return True
            # … to answer or help the writer: "шоб мені просто людина відповіла"
            to_writer = any(w.text in _WRITER for w in rest)
            if person and to_writer and any(w.among(shapes.reply) for w in rest):
                return True
            # they, unnamed, are to call the writer: "пусть мне перезвонят", "нехай мені
            # передзвонять", "чтобы со мной связались"
            they = any(w.has("plur") and (w.has("3per") or w.has("past")) for w in comes)
            if they and any(w.text in _WRITER for w in rest):
                return True
        if ordered and word.among(shapes.come) and (_to_writer(after) or _to_writer(softly)):
            return True  # "позвоните мне", "наберіть мене", "можете мне перезвонить?"
        if word.among(shapes.talk) and _talk_wanted(words, at) and _with_person(words, at):
            return True  # "можно поговорить с живым специалистом?", "зі справжньою людиною"
    return False


# A talk wanted is said by the infinitive, a command or the perfective future ("хочу
# поговорить", "поговорите со мной", translit "pogovorit" read as "поговорит"); the past and
# the present tell what was or is being done ("поговорил с мастером, он сказал …", "оператор
# говорит с клиентом"), the writer's own future what they will do ("поговорю с админом")
_WANTED_FORMS = ("INFN", "infn", "impr", "futr")
_WITH = frozenset({"с", "со", "з", "із", "зі", "зо"})
TALK_REACH = 6  # "с кем-нибудь из ваших специалистов можно поговорить": the person this near


def _talk_wanted(words: list[Word], at: int) -> bool:
    """The talk verb at `at` in a form that asks for a talk, not denied ("не могу связаться
    с оператором": a line that fails)."""
    verb = words[at]
    denied = any(w.text in _NOT for w in words[max(0, at - 2) : at])
    wanted = any(verb.has(form) for form in _WANTED_FORMS)
    return wanted and not denied and not verb.has("past") and not verb.has("1per")


def _with_person(words: list[Word], at: int) -> bool:
    """A person after "с"/"з" in the instrumental, near the verb on either side: "поговорить
    с настоящим человеком", "с кем-нибудь из специалистов связаться"."""
    shapes = _shapes()
    for j in range(max(0, at - TALK_REACH), min(len(words), at + TALK_REACH + 1)):
        if words[j].text in _WITH:
            led = words[j + 1 : j + 3]  # "с настоящим человеком": an adjective may come first
            if any(_person(w, shapes) and w.has("ablt") for w in led):
                return True
    return False


def _person_before(words: list[Word], at: int, after: list[Word], shapes: _Shapes) -> bool:
    """A person as the object right before the verb, governed by no preposition, and no
    thing given after it ("у оператора дайте доступ", "администратора дайте доступ к папке":
    whose access)."""
    if any(w.is_noun and w.has("accs") and not _person(w, shapes) for w in after[:2]):
        return False
    for j in range(max(0, at - 2), at):
        led = j > 0 and words[j - 1].has("PREP")
        if _person(words[j], shapes) and _object(words[j]) and not led:
            return True
    return False


def _until_wish(words: Iterable[Word]) -> list[Word]:
    """The first words after a verb of wanting or needing (`AFTER_VERB`), up to a "чтобы":
    a person after it is the subject of what is wished, not the person wanted ("хочу, чтобы
    техник перестал менять настройки", "надо, чтобы операторы отвечали быстрее"); whether
    that person is to come or answer the writer is the "пусть" shape's to read."""
    shapes, kept = _shapes(), []
    for word in words:
        if word.text in shapes.let or len(kept) == AFTER_VERB:
            break
        kept.append(word)
    return kept


def _to_writer(after: list[Word]) -> bool:
    """The writer right after a verb, maybe behind a preposition: "мне", "ко мне", "до мене"
    (not "подивіться, будь ласка, мені не приходить пошта": whose mail)."""
    texts = [w.text for w in after[:2]]
    if texts[:1] and texts[0] in ("ко", "к", "до", "со", "с", "з", "із", "зі") and len(texts) > 1:
        return texts[1] in _WRITER
    return bool(texts) and texts[0] in _WRITER


def _ordered(words: list[Word], at: int) -> tuple[bool, list[Word]]:
    """Whether the verb at `at` is a command: an imperative, or an infinitive asked for
    softly ("можно вызвать мастера?", "прошу связаться"); with the words between the soft
    request and the verb ("можете мне перезвонить?": whom it is to reach)."""
    word = words[at]
    if word.has("impr"):
        return True, []
    if not _infinitive(word):
        return False, []
    for j in range(at - 1, max(-1, at - 1 - POLITE_REACH), -1):
        # a question softened by "бы", "ли": "не могли бы вы позвать …?", "нельзя ли …?"
        softened = words[j + 1].text in _SOFTENED
        if words[j].text in _POLITELY or (words[j].text == "нельзя" and softened):
            # "не можна передати": it cannot be
            denied = j > 0 and words[j - 1].text in _NOT and not softened
            return not denied, words[j + 1 : at]
    return False, []


_SOFTENED = frozenset({"бы", "б", "ли"})


# The grammemes of a finite verb; a Ukrainian infinitive is sometimes read with none of them
# and no "infn" ("викликати": VERB, perf)
_FINITE = frozenset({"1per", "2per", "3per", "past", "pres", "futr", "impr"})


def _infinitive(word: Word) -> bool:
    return (
        word.has("INFN")
        or word.has("infn")
        or any("VERB" in tags and not tags & _FINITE for tags in word.tags)
    )


def _service_asked(words: list[Word], at: int, shapes: _Shapes) -> bool:
    """A person's service asked for: the service, a person of the desk in the genitive right
    after it ("консультацию специалиста", "допомогу фахівця", "выезд мастера"), and the clause
    asks for it softly or says it is needed or wanted, not denied ("можно …?", "прошу …",
    "нужна …", "хочу …"; not "консультация специалиста не помогла")."""
    if not any(_person(w, shapes) and w.has("gent") for w in words[at + 1 : at + 3]):
        return False
    for j, w in enumerate(words):
        asked = w.text in _POLITELY or w.text in _NEED_SAID or w.among(shapes.need)
        if asked or (w.among(shapes.want) and w.has("1per")):
            return not (j > 0 and words[j - 1].text in _NOT)
    return False


def _takes(word: Word, shapes: _Shapes, *, ordered: bool) -> list[Callable[[Word], bool]]:
    """In which form a person after `word` is asked for: "кличте людину", "переключите на
    специалиста", "хочу живого специалиста" (an object); "передайте специалисту" (also the
    dative); "нужен живой админ" (the subject). `ordered`: `word` is a command."""
    if (ordered and word.among(shapes.bring)) or (word.among(shapes.want) and word.has("1per")):
        return [_object]
    if ordered and word.among(shapes.hand_to):
        return [_object, lambda w: w.has("datv")]
    if word.text in _NEED_SAID:  # "мені треба людина!!", "мне надо живого человека"
        return [lambda w: w.has("nomn") or w.has("accs")]
    if word.among(shapes.need) and (word.has("ADJS") or word.text in _NEEDED_UK):
        return [lambda w: w.has("nomn") or not (w.tags and _CASES & w.tags[0])]
    return []


# "треба", "надо": a person needed, said with the impersonal word and the person as its subject
# or object ("мені треба людина", "нам надо специалиста"); not denied ("мне не надо человека")
# and not the object of another deed ("надо администратора добавить в группу": who is to be
# added; "нужно админа права дать": whose rights), unless that deed brings the person ("нужно
# специалиста вызвать")
_NEED_SAID = frozenset({"треба", "надо", "нужно", "потрібно", "необхідно"})
_NOT = frozenset({"не", "ні", "ни"})


def _need_of_person(words: list[Word], at: int, shapes: _Shapes) -> bool:
    if at and words[at - 1].text in _NOT:
        return False
    after = _until_wish(words[at + 1 :])
    for j, w in enumerate(after):
        if _person(w, shapes):
            deed = after[j + 1] if j + 1 < len(after) else None
            # … the person as the object, then a thing: "нужно админа права дать"
            thing = deed is not None and deed.is_noun and not deed.has("PREP")
            if thing and not w.has("nomn") and not _person(deed, shapes):
                return False  # "нужно админа права дать": whose rights
            return deed is None or not deed.has("INFN") or deed.among(shapes.bring | shapes.come)
    return False


# Ukrainian short forms the dictionary reads as full adjectives: "мені потрібен оператор"
_NEEDED_UK = frozenset({"потрібен", "потрібна", "потрібні", "потрібно", "необхідний",
                        "необхідна"})  # fmt: skip
# A noun whose first reading has no case ("оператор" in the Ukrainian dictionary) may be the
# subject.
_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct", "voct"})


def _person(word: Word, shapes: _Shapes) -> bool:
    return word.among(shapes.people) or word.among(shapes.someone)


def _object(word: Word) -> bool:
    return word.has("accs") or word.has("gent")


def of_the_talk(word: Word) -> bool:
    """Whether a word only asks for the talk with a person, and says nothing of what is
    broken: the person, whoever ("специалиста", "кимось", "a member of the IT team"), the
    talking ("поговорити", "балакати", "explain", "put me through"), the wish for it ("I'd
    rather", "хочу", "need"), the bot set against them ("ботом", "bots", "автоответчик") or
    the desk asked ("працівником техпідтримки", "someone from support")."""
    shapes = _shapes()
    return (
        _person(word, shapes)
        or word.among(shapes.talk)
        or word.among(shapes.want)
        or word.lemma in _talked_to()
    )


@cache
def _talked_to() -> frozenset[str]:
    """The talk's words besides the shapes' own, as lemma keys: the bot and the desk (not
    "робот": its forms are those of work; not "сервис", "служба": a program's service is a
    thing that breaks), roles the shapes leave out, "someone" in parts, how live or real the
    person is to be, the self-help refused ("хватит мне ссылки кидать"), English words."""
    return (
        lemma_keys("бот автоответчик чатбот чат поддержка техподдержка хелпдеск сотрудник "
                   "инженер компьютерщик кто нибудь живой нормальный настоящий ссылка статья "
                   "инструкция совет", "ru")
        | lemma_keys("бот автовідповідач чатбот чат підтримка техпідтримка хелпдеск "
                     "працівник інженер хто небудь живий нормальний справжній посилання стаття "
                     "інструкція порада", "uk")
        | lemma_keys("bot robot chatbot assistant support helpdesk person human operator agent "
                     "engineer specialist technician tech representative man member team staff "
                     "someone somebody anyone anybody talk speak chat explain connect transfer "
                     "put through want need prefer rather like real live actual link article "
                     "instruction", "en")
    )  # fmt: skip
