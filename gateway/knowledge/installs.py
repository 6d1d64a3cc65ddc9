"""A program asked for in plain English words is a program to install.

"could someone put OBS Studio on my work machine?", "could you pop Notepad++ on my pc",
"wish I had a proper photo editor …, can IT put one on", "wish I had proper Photoshop on the
design pc", "i really wish this laptop had XnView", "request: Inkscape for the yurt camp
signage", "requesting QCAD for the kitchen fitters' office", "how do I request a new
program", "I need Power BI Desktop …, how do I request it?", and the same wish in Russian or
Ukrainian ("мріяла б про Canva на робочому ноуті", "було б класно мати GIMP на компі"): the
software article says "install"; putting, popping, having, dreaming and requesting are no
word of it, so the message was read as little more than its place and its purpose. The
word that asks reads as "install" when what it asks for is a program: a name (written as
one, or in no dictionary) or an application the articles know, put on a computer (or, in a
dream, said right after it). "could you put the poster on my wall",
"put Bob on the night rota", "wish I had a bigger desk by the computer", "requesting read
access to the Orders folder", "I need the Orders folder, how do I request it?" ask for no
program and are left as they are.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from itertools import dropwhile, takewhile

from gateway.knowledge.morphology import Token, readings
from gateway.knowledge.vocabulary import (
    ACCESS_NOUNS,
    ACCESS_RIGHTS_WORDS,
    ADMIN_WORDS,
    CONDITIONAL_PARTICLES,
    DREAMING_VERBS,
    HAVING_WORDS,
    INSTALL_IMPERATIVES,
    INSTALLED_ON_WORDS,
    LETTING_LEMMAS,
    MACHINE_OWNERS,
    NEGATION_WORDS,
    PROGRAM_NOUNS,
    PUT_PROGRAMS,
    PUTTING_LEMMAS,
    PUTTING_ON_WORDS,
    REQUEST_WORDS,
    REQUESTING_WORDS,
    SELF_DOING_WORDS,
    UPDATE_LEMMAS,
    WANT_WORDS,
    WISHED_HAVING,
    WISHING_WORDS,
)

# A request or a wish this many words before the verb asks with it: "could someone put",
# "can IT put one on".
_REQUEST_REACH = 3
# The program put on is said in at most this many words before "on": "put OBS Studio on".
_OBJECT_REACH = 4
# The computer it goes on is said this close after "on": "on my work machine".
_MACHINE_REACH = 4
# What a wish is for is named in at most this many content words after the having: "wish I
# had proper Photoshop", "wish this laptop had XnView".
_WISHED_REACH = 2
_ON_WORDS = frozenset({"on", "onto"})
_PRONOUNS = frozenset({"one", "it", "that", "this"})
_OWN = frozenset({"my", "this"})


def install_asked(words: Sequence[Token], applications: Container[str]) -> frozenset[int]:
    """Positions of the plain words that ask for a program to be put on a computer: a verb
    of putting ("put", "pop") asked for, with a program between it and a computer; the
    having a wish asks for ("wish I had", "love to have") before a program, a computer
    named; a request's own word ("request:", "requesting") right before a program's name,
    no access asked for. `applications`: the lemmas of the programs the articles name."""
    return frozenset(
        i
        for i, token in enumerate(words)
        if (token.word in PUTTING_ON_WORDS and _put_on(words, i, applications))
        or (token.word in WISHED_HAVING and _wished(words, i, applications))
        or (token.word in REQUESTING_WORDS and _requested(words, i, applications))
        or (_dreaming(words, i) and _dreamt_of(words, i, applications))
    )


# A program put on is named this many content words before or after the verb ("Pangolin
# Beyond ставлю", "потрібен новий софт для каси, хто ставить?").
_PUT_REACH = 4


def program_put(words: Sequence[Token], applications: Container[str]) -> frozenset[int]:
    """Positions of the Russian or Ukrainian imperfective "ставить", "ставити" said of a
    program ("Pangolin Beyond ставлю на новий ноут", "нужна программа …, кто ставит?"): it
    is installing it, the software article's "встановити". Not where an update is spoken of
    ("ставит обновления" is the update's), nor of anything else put ("ставит кавычку")."""
    if any(t.lemma in UPDATE_LEMMAS for t in words):
        return frozenset()
    content = [i for i, t in enumerate(words) if not t.stop]
    found: set[int] = set()
    for n, i in enumerate(content):
        if words[i].lemma not in PUTTING_LEMMAS or words[i].word.isascii():
            continue
        near = content[max(n - _PUT_REACH, 0) : n] + content[n + 1 : n + 1 + _PUT_REACH]
        if any(
            words[j].lemma in PUT_PROGRAMS or _program(words[j], applications) for j in near
        ):
            found.add(i)
    return frozenset(found)


def _put_on(words: Sequence[Token], i: int, applications: Container[str]) -> bool:
    """Whether the verb of putting at `i` asks for a program on a computer: "could someone
    put OBS Studio on my work machine", "could you pop Notepad++ on my pc", "wish I had a
    proper photo editor, can IT put one on"."""
    before = words[max(i - _REQUEST_REACH, 0) : i]
    if any(t.word in NEGATION_WORDS for t in before):
        return False
    if i > 0 and not any(t.word in REQUEST_WORDS or t.word in WANT_WORDS for t in before):
        return False
    reach = range(i + 2, min(i + 2 + _OBJECT_REACH, len(words)))
    on = next((j for j in reach if words[j].word in _ON_WORDS), None)
    if on is None or not _goes_on_a_computer(words, on):
        return False
    put = words[i + 1 : on]
    if all(t.word in _PRONOUNS for t in put):
        # "can IT put one on": the one the message wished for before
        return any(t.word in WANT_WORDS or t.word in WISHING_WORDS for t in words[:i])
    return any(_program(t, applications) for t in put)


def _goes_on_a_computer(words: Sequence[Token], on: int) -> bool:
    """Whether "on" at `on` ends the message or names a computer after it: "put one on",
    "on my work machine", "on my pc", "on my tablet"; a machine is a computer only as the
    user's own ("on the machine in the bakery" is the bakery's)."""
    ahead = words[on + 1 : on + 1 + _MACHINE_REACH]
    if not ahead:
        return True
    for n, token in enumerate(ahead):
        if token.word in INSTALLED_ON_WORDS:
            # "the machine in the bakery" is the shop floor's; "my work machine" the user's
            return token.word != "machine" or any(t.word in _OWN for t in ahead[:n])
        if not token.stop and token.word not in MACHINE_OWNERS:
            return False
    return False


def _wished(words: Sequence[Token], i: int, applications: Container[str]) -> bool:
    """Whether the having at `i` is wished ("wish I had", "wish this laptop had", "love to
    have") of a program, a computer named: "wish I had proper Photoshop on the design pc",
    "i really wish this laptop had XnView"."""
    before = [t.word for t in words[max(i - _REQUEST_REACH, 0) : i]]
    if not any(w in WISHING_WORDS for w in before) and before[-2:] not in (
        ["love", "to"],
        ["like", "to"],
    ):
        return False
    if not any(t.word in INSTALLED_ON_WORDS for t in words):
        return False
    wished = [t for t in words[i + 1 :] if not t.stop][:_WISHED_REACH]
    return any(_program(t, applications) for t in wished)


def _dreaming(words: Sequence[Token], i: int) -> bool:
    """Whether the word at `i` dreams ("мрію", "мечтала", "мріяли") or has in the conditional
    ("було б класно мати", "было бы здорово иметь"; not "треба мати права адміна")."""
    # Any reading of the word: "мрію" is read as the noun мрія first, "мріємо" as мріти.
    if any(found in DREAMING_VERBS for found, _ in readings(words[i].word, "uk")):
        return True
    before = words[max(i - _REQUEST_REACH, 0) : i]
    return words[i].word in HAVING_WORDS and any(t.word in CONDITIONAL_PARTICLES for t in before)


def _dreamt_of(words: Sequence[Token], i: int, applications: Container[str]) -> bool:
    """Whether what the dream or the having at `i` is of, its first content word after, is a
    program: "мріяла б про Canva", "було б класно мати Adobe Illustrator" (not "мрію про
    відпустку на Bali", "було б добре мати другий монітор")."""
    wished = [t for t in words[i + 1 :] if not t.stop and t.word not in CONDITIONAL_PARTICLES]
    return bool(wished) and _program(wished[0], applications)


def _requested(words: Sequence[Token], i: int, applications: Container[str]) -> bool:
    """Whether the request's word at `i` asks for a program, no access asked for: opening the
    message before a program's name, said alone or with what it is for ("request: Inkscape
    for the yurt camp signage", "requesting QCAD for the kitchen fitters' office"), or
    before a program said as one ("how do I request a new program", "request the Zoom
    app"), or of one the message needs ("I need Power BI Desktop for the reports, how do I
    request it?"); not access ("requesting read access to …", "how do I request access to
    the Orders folder") nor a name of something else ("requesting Oak shelves")."""
    if any(t.word in ACCESS_NOUNS for t in words) or i + 1 >= len(words):
        return False
    if any(t.word in PROGRAM_NOUNS for t in _named_after(words, i)):
        return True
    if words[i + 1].word in _PRONOUNS:
        return any(_needed_program(words, j, applications) for j in range(i))
    if any(not t.stop for t in words[:i]):
        return False
    name = words[i + 1]
    after = words[i + 2] if i + 2 < len(words) else None
    return _named(name) and (after is None or after.stop)


def _needed_program(words: Sequence[Token], j: int, applications: Container[str]) -> bool:
    """Whether the word at `j` wants what it names as a program, every word of the name one:
    "I need Power BI Desktop for …" (not "I need the Orders folder")."""
    if words[j].word not in WANT_WORDS:
        return False
    named = _named_after(words, j)
    return bool(named) and all(_program(t, applications) for t in named)


def _named_after(words: Sequence[Token], i: int) -> list[Token]:
    """The content words right after `i`, up to the next little word: what a request or a
    need names ("a new program", "Zoom desktop app", "Power BI Desktop")."""
    return list(takewhile(lambda t: not t.stop, dropwhile(lambda t: t.stop, words[i + 1 :])))


def _program(token: Token, applications: Container[str]) -> bool:
    """A program's name: one the articles know, or a Latin word written as a name or in no
    dictionary ("OBS", "anki", "Photoshop", "XnView")."""
    return token.lemma in applications or _named(token)


def _named(token: Token) -> bool:
    return (
        not token.stop
        and token.word.isascii()
        and token.word.isalpha()
        and (token.name or token.acronym or not token.known or token.capital)
    )


def install_rights(words: Sequence[Token]) -> tuple[frozenset[int], frozenset[int]]:
    """In a message that asks, in the imperative, for a program to be installed ("поставьте,
    пожалуйста, программу-просмотрщик", "поставте програму щоб його відкрити", "дайте права
    или поставьте сами"): the positions of the rights it lacks, a letting denied at the end
    of what is said ("мне самой Windows не даёт", "бо самій не дає") and rights beside an
    administrator ("Windows просит админа, дайте права"), and of the words that say who does
    it ("самой", "сами") and the denial itself. Said so, they are the installing's: no
    program that closes "by itself", no access asked for. Empty when nothing asks for an
    installing; a letting with what it lets do after it ("не даёт зайти в папку") is the
    problem, not a right."""
    if not any(t.word in INSTALL_IMPERATIVES for t in words):
        return frozenset(), frozenset()
    rights: set[int] = set()
    said: set[int] = set()
    admin = any(t.word in ADMIN_WORDS for t in words)
    for i, token in enumerate(words):
        if token.word in SELF_DOING_WORDS:
            said.add(i)
        elif admin and token.word in ACCESS_RIGHTS_WORDS:
            rights.add(i)
        elif (
            token.lemma in LETTING_LEMMAS
            and i
            and words[i - 1].word in NEGATION_WORDS
            and all(t.stop for t in words[i + 1 :])
        ):
            rights.add(i)
            said.add(i - 1)
    if not rights:
        return frozenset(), frozenset()
    return frozenset(rights), frozenset(said)
