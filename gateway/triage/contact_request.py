"""A request for the support desk's own contact, read from the sentence's shape.

"дайте номер телефона поддержки", "какой телефон у айтишников?", "куди подзвонити в
техпідтримку?", "is there a phone number I can call?", "how do I contact IT support?". Each
is a request or a question (an imperative of giving or telling, a question word, a question
mark) about one of two things, read by lemma so every form counts:
- a way of reaching someone (a phone, a number, a contact, a hotline) of the desk ("support",
  "IT", "вас", "your");
- reaching someone (call, ring, contact, связаться) at the desk or at an open place ("куда",
  "кому", "who", "where").

A phone number or a contact that is the user's own ("поменяйте номер телефона в учётке",
"codes go to my old number") or a call inside a program ("how do I call out from Teams")
names no desk, and is no request for its contact.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from gateway.triage.phrases import SCREEN_QUOTE
from gateway.triage.reading import MessageReading, lemma_keys, read_once


@dataclass(frozen=True)
class _Words:
    """The words of the shapes, as lemma keys."""

    contact: frozenset[str]
    desk: frozenset[str]
    yours: frozenset[str]
    reach: frozenset[str]
    asking: frozenset[str]
    open_place: frozenset[str]


@cache
def _words() -> _Words:
    ru, uk, en = "ru", "uk", "en"
    return _Words(
        contact=lemma_keys("телефон номер контакт контакты горячая линия", ru)
        | lemma_keys("телефон номер контакт контакти гаряча лінія", uk)
        | lemma_keys("phone number contact contacts hotline extension", en),
        desk=lemma_keys("поддержка техподдержка айтишник айти ит хелпдеск сервисдеск админ "
                        "администратор специалист оператор", ru)
        | lemma_keys("підтримка техпідтримка айтішник айті іт хелпдеск сервісдеск адмін "
                     "адміністратор спеціаліст фахівець оператор", uk)
        | lemma_keys("support helpdesk servicedesk admin technician", en),
        # "ваш номер", "your number": the desk's, when it is the one asked
        yours=lemma_keys("ваш", ru) | lemma_keys("ваш", uk) | frozenset({"your", "yours"}),
        reach=lemma_keys("позвонить звонить дозвониться связаться", ru)
        | lemma_keys("подзвонити дзвонити додзвонитися зателефонувати телефонувати "
                     "зв'язатися", uk)
        | lemma_keys("call ring reach", en)
        | frozenset({"contact"}),  # "how do I contact support": the verb, as typed
        asking=lemma_keys("дать дайте скинуть скиньте подсказать подскажите сказать скажите "
                          "написать напишите какой где куда как кому есть", ru)
        | lemma_keys("дати дайте скинути скиньте підказати підкажіть сказати скажіть "
                     "написати напишіть який де куди як кому є чи", uk)
        | lemma_keys("give send tell what where how who whom which is there need", en)
        | frozenset({"what's", "whats", "where's", "who's"}),
        open_place=lemma_keys("куда кому", ru)
        | lemma_keys("куди кому", uk)
        | lemma_keys("who whom where", en),
    )



@read_once
def asks_for_contact(reading: MessageReading, *, open_place: bool = True) -> bool:
    """Whether the message asks how to reach the support desk by phone or otherwise.

    With `open_place` False, only a request that names the desk or its number counts:
    "кому звонить" beside a broken forklift asks whose job it is, not for IT."""
    own = SCREEN_QUOTE.sub(" ", reading.text)  # the screen's request is not the user's
    if own != reading.text:  # "it says 'Licence expired, please contact your administrator'"
        return asks_for_contact(own, open_place=open_place)
    words = _words()
    # every shape needs a contact or a verb of reaching, and a clause's words are the
    # message's: without one, the clauses are not read
    if not any(w.among(words.contact) or w.among(words.reach) for w in reading.words):
        return False
    for clause, found in reading.clauses:
        asked = clause.rstrip().endswith("?") or "?" in reading.norm
        asked = asked or any(w.among(words.asking) for w in found)
        if not asked:
            continue
        desk = any(w.among(words.desk) for w in found)
        contacts = [i for i, w in enumerate(found) if w.among(words.contact)]
        # a word is one or the other: "contact" is a noun or the verb, "phone" a thing
        reach = any(w.among(words.reach) for i, w in enumerate(found) if i not in contacts)
        if contacts and (desk or reach or any(w.among(words.yours) for w in found)):
            return True  # "дайте номер поддержки", "is there a number I can call?"
        place = open_place and any(w.among(words.open_place) for w in found)
        if reach and (desk or place):
            return True  # "куди подзвонити?", "how do I contact support?"
    return False
