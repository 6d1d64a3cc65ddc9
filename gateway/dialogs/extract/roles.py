"""Systems named by what they are rather than by a brand: "the MES", "CRM is down", "OBS",
"АСУ движения", "АСУ ТП".

A user who writes "every terminal lost the MES" or "в OBS чёрный экран" has named the thing
that is broken: a first-line engineer writes it down and does not ask "which program?". An
acronym in capitals is such a name unless it is a word of the trade every message uses (PDF,
VPN, USB), a title or an office ("CEO", "HR"), a time or a note ("ASAP", "UTC"), a code, a
login or a folder's name, or what a screen says. Cyrillic acronyms are mostly not systems
(ФОП, НДС, ЦНАП, ПК), so only the kinds of systems are read ("АСУ", "СЕД", "МИС", "АБС"),
with what they are for after them ("АСУ движения", "АСУ ТП"). An acronym right before a
name ("CRM Creatio", "МИС Медиалог") is that name's kind: the name is the product.
"""

from __future__ import annotations

import re

from gateway.dialogs.answers import tells_a_fault
from gateway.dialogs.extract import errors, systems
from gateway.dialogs.extract.names import _IDENTIFIER_BEFORE, _TECH_WORDS, _said_spans
from gateway.knowledge.morphology import english_past, is_dictionary_word, lemma, readings

# Capitals that name no system: people's titles and offices, times, notes, firms' forms,
# mail and network words, what a message says of itself.
_NOT_SYSTEMS = frozenset(
    """asap fyi ceo cfo cto coo cio ciso vip hr pa gp md utc gmt cet eet est pst bst eod eta tbd
    atm faq gdpr hq nhs ok am pm usa ltd llc inc plc gmbh ngo diy pto ooo btw imo lol omg pls
    plz thx ty urgent help ndr nb ps re fw fwd cc bcc aka etc tv dvd cd mp mba phd dr mr mrs
    ms sos xl xxl mfp mfu icu er ups dhl fedex sslvpn anpr cctv""".split()  # noqa: SIM905
)
# The noun of a system's part joined to its acronym: "SCADA-клиенты", "связь со SCADA-сервером",
# "lost the MES screens", "the MES terminals" (frozen16, tune19, tune26, frozen31): the acronym
# names the system they belong to, by a hyphen too.
_PART_NOUN = (
    r"(?i:server|client|screen|terminal|console|database|module|сервер|клиент|клієнт|"
    r"терминал|термінал|экран|екран|пульт|модул)\w*"
)
_PART_AFTER = re.compile(rf"(?:-|\s+){_PART_NOUN}")
_LATIN_ACRONYM = re.compile(
    rf"(?<![\w.@/\\#'’-])([A-Z]{{3,6}})(?![\w@/\\'’]|-(?!{_PART_NOUN})|:\d|::)"
)
# Where a system's acronym stands: after "the", "our", "in", "to" ("lost the MES", "in OBS",
# "access to CRM"), or before what a system does ("CRM is down", "ERP не проводит").
_SYSTEM_BEFORE = re.compile(
    r"(?<![\w'’])(?i:the|our|my|their|your|in|into|to|from|via|with|в|у|до|из|із|з)\s+$"
)
_SYSTEM_AFTER = re.compile(
    r"\s+(?:(?i:is|isn'?t|was|won'?t|wont|will|keeps|has|just|crash\w*|froze|freez\w*|hangs|"
    r"shows|says|went|goes|stopped|not|не|ні|перестал\w*|перестав\w*|завис\w*|вылет\w*|"
    r"вилітає|упал\w*|ліг|лег\w*|лежит|лежить|висит|висить|тормоз\w*|гальму\w*))\b"
)
# … or before any English verb that tells a fault of it, in a form said of the thing before
# it ("CRM gives 500 Internal Server Error", "ERP returns an error", "CRM doesn't load"): the
# list above is the words said of words in capitals the dictionary knows too; with no fault
# told ("NDA needs signing", "KPI reports are wrong") the capitals name no system.
_VERB_AFTER = re.compile(r"\s+(?:([a-z]{3,}(?:s|ed))|(?i:doesn'?t|didn'?t|can'?t|cannot))\b")
# Capitals a shouting user types ("STILL", "AGAIN", "NOW", "the THIRD time") are words of
# English; one stands for a system only after "the" or "in" with what it does after it.
# What may follow a system's name: a stop, a time, a preposition ("lost the MES about 20
# minutes ago", "the MES at the same moment").
_AFTER_NAME = re.compile(
    r"\s*(?:[.,;:!?)]|$|(?i:about|at|since|on|in|for|from|with|again|today|yesterday|this|"
    r"and|or|but|when|while|after|before|so|because)\b)"
)
_ORDINAL = re.compile(r"(?i:first|second|third|fourth|fifth|last|next|only)$")
# Kinds of systems Cyrillic users name by their acronyms; another word in capitals may follow
# ("АСУ ТП"), or a noun saying what it is for ("АСУ движения", "СЕД підприємства").
_CYRILLIC_KINDS = re.compile(
    r"(?<![\w-])(АСУ(?:П|ТП)?|СЕД|СЭД|МИС|МІС|АБС|СКУД|ЭДО|ЕДО|АИС|АІС|ЛИС|ЛІС|РИС|ГИС|ГІС|АРМ)"
    r"(?:\s+([А-ЯІЇЄҐ]{2,4})(?![\w-]))?(?![\w-])"
)
# A workplace's system ("АРМ страховика", "АРМ ламповщицы", frozen5, probe13b and a tuning
# line) is named by whose it is; alone it is a workstation, as "ПК" is.
_WORKPLACE = "АРМ"
_NEXT_WORD = re.compile(r"\s+([а-яіїєґё']{3,})(?![\w-])")
# A name right after the acronym: its kind, then the name ("CRM Creatio", "PMS (Cloudbeds)").
_NAME_AFTER = re.compile(r"\s*[«\"“„'(]?\s*[A-ZА-ЯІЇЄҐ]")


def acronym_names(text: str) -> list[tuple[int, str]]:
    """(position, name) of each system named by its acronym in `text`."""
    letters = [c for c in text if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) * 2 > len(letters):
        return []  # a message in capitals shouts: its words are no acronyms
    said = _said_spans(text)
    replies = errors.server_replies(text)
    found: list[tuple[int, str]] = []
    for match in _LATIN_ACRONYM.finditer(text):
        word = match.group(1)
        if word.lower() in _TECH_WORDS or word.lower() in _NOT_SYSTEMS or systems.extract(word):
            continue
        before, after = text[: match.start(1)], text[match.end(1) :]
        placed_before = bool(_SYSTEM_BEFORE.search(before))
        placed_after = bool(_SYSTEM_AFTER.match(after) or _PART_AFTER.match(after))
        if is_dictionary_word(word.lower(), "en"):
            if _ORDINAL.match(word) or not placed_before:
                continue  # "STILL doesn't scan", "the THIRD time", "get me a human NOW"
            if not placed_after and not _AFTER_NAME.match(after):
                continue  # "the BIG problem": an English word before its noun
        elif not (placed_before or placed_after or _verb_after(after)):
            continue  # "pretending to be DHL", "ANPR camera": no system's place
        found.append((match.start(1), word))
    for match in _CYRILLIC_KINDS.finditer(text):
        name = match.group(0)
        if not match.group(2):
            purpose = _NEXT_WORD.match(text, match.end())
            if purpose and _genitive_noun(purpose.group(1)):
                name = text[match.start() : purpose.end()]  # "АСУ движения", "СЕД підприємства"
        if name == _WORKPLACE:
            continue  # "ни один АРМ не видит": a workstation, named only by whose it is
        found.append((match.start(), name))
    return [
        (start, name)
        for start, name in found
        if not any(start in span for span in said)
        and not any(span.start <= start < span.stop for span in replies)
        and not _IDENTIFIER_BEFORE.search(text[:start])
        and not _named_after(text, start + len(name))
    ]


def _verb_after(after: str) -> bool:
    """Whether `after` opens with an English verb said of the thing before it ("gives",
    "returned", "doesn't": a word the dictionary knows, inflected) and tells a fault."""
    verb = _VERB_AFTER.match(after)
    if verb is None or not tells_a_fault(after):
        return False
    word = verb.group(1)
    if word is None:  # "doesn't", "cannot"
        return True
    base = lemma(word, "en")
    return base != word and is_dictionary_word(base, "en")


def _readings(word: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The readings of `word` in the first of Russian and Ukrainian that knows it."""
    for lang in ("ru", "uk"):
        found = readings(word.lower(), lang)
        if found:
            return found
    return ()


def _genitive_noun(word: str) -> bool:
    """Whether `word` is a noun that reads as a genitive ("движения", "обліку", "бронювання"):
    what a system is for; never a verb ("ліг" is "lay down" before it is "of leagues")."""
    found = _readings(word)
    return (
        bool(found)
        and "NOUN" in found[0][1]
        and any({"NOUN", "gent"} <= tags for _, tags in found)
        and not any("VERB" in tags for _, tags in found)
    )


def _genitive_word(word: str) -> bool:
    """A noun or an adjective in the genitive, going on what a system is for ("сервер бази
    даних", "программа сдачи отчётности")."""
    found = _readings(word)
    return any("gent" in tags and tags & {"NOUN", "ADJF"} for _, tags in found) and not any(
        "VERB" in tags for _, tags in found
    )


def _a_noun(word: str) -> bool:
    found = _readings(word)
    return bool(found) and "NOUN" in found[0][1]


_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct"})
_GENDERS = frozenset({"masc", "femn", "neut"})


def _agrees(adjective: str, noun: str) -> bool:
    """Whether the adjective can stand in the noun's case, number and gender ("складская
    программа", "облікові програми"; not "в ординаторской программу", nor "у філігранній
    майстерні програма", where "майстерні" is the workshop's noun, its adjective reading
    plural beside one program)."""
    for lang in ("ru", "uk"):
        its, mine = readings(adjective, lang), readings(noun, lang)
        if its and mine:
            return any(
                _same_form(tags, form)
                for _, tags in its
                if "ADJF" in tags or not tags & {"NOUN", "VERB"}
                for _, form in mine
            )
    return True


def _same_form(adjective: frozenset[str], noun: frozenset[str]) -> bool:
    """Whether an adjective's reading and a noun's share a case, a number and (in the
    singular) a gender."""
    if not adjective & noun & _CASES:
        return False
    if ("plur" in adjective) != ("plur" in noun):
        return False
    genders = adjective & _GENDERS, noun & _GENDERS
    return "plur" in noun or not all(genders) or bool(genders[0] & genders[1])


def _named_after(text: str, end: int) -> bool:
    """Whether a capitalised name follows at once: "CRM Creatio", "МИС Медиалог"."""
    after = _NAME_AFTER.match(text, end)
    return bool(after) and not re.match(r"\s*\n", text[end:])


# ---- systems named by their role ("сервер обліку", "касова програма", "the booking system").
# A shared folder or drive ("папка Верстка", "диск P:", "the S: drive") is where the trouble
# is, not the product: the blind writers still ask which computer or program opens it
# (tune5, tune14, tune17 expect that question), so none is read here.
# What a system is: a program, a server, a client, a database, a portal.
_ROLE_CYR = (
    r"программ\w*|програм[аиуіо]\w*|систем\w*|сервер\w*|портал\w*|приложени\w*|застосун\w*|"
    r"модул\w*"
)
_CYR_WORD = r"[а-яіїєґё'-]+"
# "складская программа", "касова програма": a word before the system noun (its adjective).
_ADJECTIVE_ROLE = re.compile(rf"(?<![\w'-])([А-ЯІЇЄҐ]?{_CYR_WORD})\s+((?i:{_ROLE_CYR}))(?![\w'-])")
# "сервер обліку", "система бронювання", "АСУ движения": the noun, then what it is for.
_ROLE_OF = re.compile(rf"(?<![\w'-])((?i:{_ROLE_CYR}))\s+({_CYR_WORD})(?![\w'-])")
# Adjectives that say nothing of what the system does: "наша программа", "новая система",
# "общая папка", "та же программа" (their own readings say so: pronoun-like "Apro").
_GENERIC_CYR = frozenset(
    """новый новий старый старий другой інший основной основний главный головний рабочий
    робочий нужный потрібний общий спільний сетевой мережевий весь вся каждый кожний любой
    будь-який этот цей той такой такий сам самий один одна целый цілий тот же
    облачный хмарний локальный локальний удаленный віддалений платный платний бесплатный
    безкоштовний лицензионный ліцензійний стандартный стандартний обычный звичайний
    специальный спеціальний свой свій любимый улюблений странный дивний""".split()  # noqa: SIM905
)
# English: up to three words before the system noun, after "the", "our" or a sentence start
# ("clients" are a firm's customers: "the carriage hire clients").
_ROLE_EN = (
    r"systems?|client|apps?|software|servers?|portals?|databases?|platforms?|modules?|"
    r"programs?|programmes?"
)
_ENGLISH_ROLE = re.compile(
    r"(?:(?<![\w'’-])(?i:the|our|my|your|their|this|that|his|her|its)\s+|(?P<start>^|(?<=[.!?:\n]\s)))"
    r"(?P<what>(?:(?!(?i:the|our|my|a|an|and|or|of|in|on|at|to|for|is|was|are|it|no|any|"
    r"some|both|all|every|each|several|many|first|second|third|fourth|last|next)\b)"
    r"[A-Za-z][a-z-]+\s+){1,3}?)"
    rf"(?P<role>(?i:{_ROLE_EN}))(?![\w'’-])"
)
_GENERIC_EN = frozenset(
    """shared common network new old whole entire main same other company office work internal
    online web local remote only current computer mobile desktop windows it usual public
    private personal team default one two three every each big small wrong right
    hard external flash mapped usb system""".split()  # noqa: SIM905
)


def role_names(text: str) -> list[tuple[int, str]]:
    """(position, name) of each system named by its role, as the user typed it."""
    said = _said_spans(text)
    found: list[tuple[int, str]] = []
    for match in _ADJECTIVE_ROLE.finditer(text):
        word = match.group(1).lower()
        if not _agrees(word, match.group(2).lower()):
            continue  # "в ординаторской программу": a place's adjective, not the program's
        if _an_adjective(word) and not _named_after(text, match.end()):
            found.append((match.start(), match.group(0)))
    for match in _ROLE_OF.finditer(text):
        on_server = match.group(1).lower().startswith("сервер")
        if on_server and re.search(r"(?i:на|у|в)\s+$", text[: match.start()]):
            continue  # "на сервере станции": where a folder lies, not what broke
        if not _a_noun(match.group(1)) or not _genitive_noun(match.group(2)):
            continue  # "системного блока": the role word is no noun here
        if _animate(match.group(2)):
            continue
        end = match.end()
        for _ in range(2):  # "программа сдачи отчётности", "програма обліку донорів"
            more = _NEXT_WORD.match(text, end)
            if not more or not _genitive_word(more.group(1)):
                break
            end = more.end()
        if not _named_after(text, end):  # "программа бронирования Servio HMS": the name
            found.append((match.start(), text[match.start() : end]))
    for match in _ENGLISH_ROLE.finditer(text):
        role = match.group("role").lower()
        before = text[: match.start()]
        if role.startswith("server") and re.search(r"(?i:on|at|from|to)\s+(?:\S+\s+)?$", before):
            continue  # "on the station server": where it lies
        words = match.group("what").split()
        if match.group("start") is not None:
            words[0] = words[0].lower()  # a sentence's first word: "Booking system won't load"
        if any(_english_verb(w) for w in words) or _named_after(text, match.end()):
            continue
        capitalised = [w for w in words if w[0].isupper()]
        if capitalised:
            continue  # "the Outlook app", "the Dell laptop": the name is read elsewhere
        while words and words[0].lower() in _GENERIC_EN:
            words = words[1:]  # "the shared booking system": what it does is the name
        if not words:
            continue
        at = match.end("what") - len(" ".join(words)) - 1
        found.append((at, text[at : match.end()]))
    return [(at, name) for at, name in found if not any(at in span for span in said)]


def _an_adjective(word: str) -> bool:
    """Whether `word` is an adjective saying what a system does ("складская", "касова"), not
    a pronoun's ("наша", "эта") nor one that says nothing of it ("новая", "общая")."""
    found = _readings(word)
    if not found:
        return False
    lemma, tags = found[0]
    return (
        "ADJF" in tags
        and not tags & {"Apro", "Anph"}
        # a verb's past with a participle's spelling: "зникла система" (the system is gone)
        and not any("VERB" in other for _, other in found)
        and lemma not in _GENERIC_CYR
        and word not in _GENERIC_CYR
    )


def _animate(word: str) -> bool:
    found = _readings(word)
    return bool(found) and "anim" in found[0][1]


_VERB_EN = re.compile(
    r"^(?:is|was|are|were|be|been|has|have|had|do|does|did|can|could|will|would|won't|can't|"
    r"keeps|kept|lost|got|gets|shows|says|needs|need|use|used|uses|open|opened|restart\w*|"
    r"reboot\w*|tried|try|please|just|still|also|now|again|since|when|why|how|what|which|who)$",
    re.IGNORECASE,
)


def _english_verb(word: str) -> bool:
    return bool(_VERB_EN.match(word)) or english_past(word)
