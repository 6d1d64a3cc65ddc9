"""When to stop self-help and hand the user to a person.

A person takes over at once when the user asks for one, is angry or swearing, or says
the problem keeps coming back; offering yet another article then only makes it worse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gateway.knowledge.morphology import meant_text
from gateway.knowledge.vocabulary import PLEASE, PLEASE_WORDS, STOP_WORDS
from gateway.triage.contact_request import asks_for_contact
from gateway.triage.impatience import LOST_PATIENCE, lost_patience
from gateway.triage.language import detect_language
from gateway.triage.person_request import calls_for_person, of_the_talk
from gateway.triage.phrases import PhraseSet
from gateway.triage.reading import MessageReading, Word, read_once, read_words
from gateway.triage.tone import only_tone

# The person wanted and the bot refused, as a person set against the bot says them.
_PERSON = r"(человек\w*|людин\w*|оператор\w*|специалист\w*|фахівц\w*|person|human|operator)"
_BOT = r"(бот|робот|bot|robot|chatbot)\w*"
# Someone of the desk, in English: anyone, a person of a role, a member of the team or staff,
# the team itself, from wherever ("a member of the IT team", "one of your engineers",
# "someone from support"); not "it" alone, a pronoun before it is the IT desk.
_SOMEONE_EN = (
    r"(someone|somebody|anyone|anybody|a (real |live |human |actual )?person|a human|"
    r"an? (it )?(engineer|technician|tech|specialist|admin)|an? it person|a staff member|"
    r"(a |one )?members? of (the |your )?(\w+ )?(team|staff|department|desk)|"
    r"one of (your|the) (\w+ )?(staff|team|engineers|technicians|techs|people|colleagues)|"
    r"(the |your )?(support|help ?desk|service ?desk)( team| desk| department| staff)?|"
    r"(the |your )it (team|desk|department|staff|guys))"
    r"( from (the )?\w+( team| desk| department)?)?"
)
# … or of any role, as the one a request is handed to: "pass this to a technician",
# "forward it to the IT team", "send this to someone in IT"
_DESK_EN = (
    rf"(it|{_SOMEONE_EN}|(the|your|a|an) (it |support )?(technicians?|techs?|engineers?|"
    r"specialists?|admins?|experts?|agents?|people|person|human))\b"
)
# … reaching the writer: "contact me", "get back to us", "reply to me"
_REACHES_WRITER = (
    r"(contact|call|ring|phone|email|e-mail|reach|get back to|get in touch with|answer|"
    r"reply to|respond to) (me|us)\b"
)

ASKS_FOR_PERSON = PhraseSet([
    # "оператор" said alone, "с оператором" ("дайте оператора" is read by its shape in
    # person_request); the call centre's "ни один оператор не может …" asks for nobody
    r"/operator", rf"^\W*(оператор\w*|operator)\W*(({PLEASE})\W*)?$",
    r"(с|со|з|із|with|to) (живым |живим |живою |live |human |an |the )?(оператор\w*|operator)",
    r"соедините", r"соедини", r"соединить (с|со)",
    # a live person of any role: "есть ли у вас живой оператор?", "живий фахівець"
    r"жив\w* (человек\w*|люд\w*|специалист\w*|спеціаліст\w*|фахів\w*|оператор\w*|админ\w*|"
    r"адмін\w*|сотрудник\w*|працівник\w*|айтишник\w*|айтішник\w*|инженер\w*|інженер\w*)",
    r"(с|со) (человеком|специалистом|админом|администратором)",
    r"(позовите|позови|дайте|нужен|хочу) (\w+ )?(человека|специалиста|админа|администратора)",
    r"а не (с |со |на )?(чат-?)?(бота|ботом|робота|роботом)",
    r"не (с )?(ботом|роботом) (хочу|буду)",
    r"з'?єднайте", r"з'?єднати", r"(з|із) (живою )?людиною",
    r"(покличте|дайте|потрібна|хочу) (\w+ )?людину", r"(з|із) (фахівцем|адміном|адміністратором)",
    r"(покличте|дайте|потрібен|хочу) (\w+ )?(фахівця|адміна|адміністратора)",
    r"а не (з |із |на )?(чат-?)?(бота|ботом|робота|роботом)",
    # the bot refused as someone to talk to: "с роботом разговаривать не буду", "з ботом
    # розмовляти не хочу" (as "I don't want to chat with a machine", below)
    r"(с|со|з|із) (этим |цим |вашим )?(чат-?)?(ботом|роботом|машиной|машиною) "
    r"(\w+ )?(разговаривать|говорить|общаться|переписываться|розмовляти|говорити|спілкуватися|"
    r"балакати|листуватися) (не буду|не хочу|не стану|не збираюся|не збираюсь)",
    # … with the verb left out, as speech leaves it: "з роботом я не буду", "с ботом не хочу!"
    r"(с|со|з|із|зі) (этим |цим |вашим )?(чат-?)?(ботом|роботом|машиной|машиною),? (я )?"
    r"(не буду|не хочу|не стану|не збираюся|не збираюсь)(?= ?[.!?,;]|$)",
    # someone called alive, whoever they are: "позовіть вже когось живого", "кого-нибудь
    # живого из IT" (a translit "kogo-nibud" keeps no soft sign)
    r"(кого-(нибудь|нибуд|то|либо)|когось|кого-небудь|кого-небуть) (\w+ )?"
    r"жив(ого|ую|у|их|ых)",
    # … or called real: "а можна когось справжнього?", "можно кого-нибудь настоящего?"
    r"(кого-(нибудь|нибуд|то|либо)|когось|кого-небудь|кого-небуть) (\w+ )?"
    r"(справжн|настоящ|реальн)(ього|ого|его|их|іх)",
    # whether there are people at all: "люди у вас вообще работают?", "живі люди у вас є?",
    # "are there any actual people there?"; asked of the desk ("у вас"), with "вообще", or as a
    # question: the user's own people are no question ("у нас люди работают, а 1С не
    # открывается", "в офисе люди есть, а интернета нет")
    r"(люди|живые люди|живі люди) (у вас |в вас )(вообще |взагалі |хоть |хоч )?"
    r"(работают|працюють|есть|є)(?= ?[?!.,]|$)",
    r"(люди|живые люди|живі люди) (там |тут )?(вообще |взагалі |хоть |хоч )"
    r"(работают|працюють|есть|є)(?= ?[?!.,]|$)",
    r"(люди|живые люди|живі люди) (там |тут )?(работают|працюють|есть|є) ?\?",
    # … or one person, asked of the desk or as a question: "а человек у вас вообще есть?",
    # "людина у вас є?", "есть ли у вас живой человек?" (not "у нас человек есть, а …": the
    # user's own people)
    r"(живой |живий |живая |жива |настоящий |справжній |справжня )?(человек|людина) "
    r"((у|в) вас |там |тут )(вообще |взагалі |хоть |хоч |хоть один |хоч одна )?(есть|є)"
    r"(?= ?[?!.,]|$)",
    r"(живой |живий |живая |жива |настоящий |справжній |справжня )?(человек|людина) "
    r"(там |тут )?(вообще |взагалі )?(есть|є) ?\?",
    r"(есть|є) (ли )?(у вас |в вас |там |тут )(вообще |взагалі |хоть |хоч )?(хоть один |хоч "
    r"одна )?(живой |живий |живая |жива |настоящий |справжній |справжня )?(человек|людина) ?\?",
    # … or said missing, as a question: "шо, нема живої людини?", "у вас нет ни одного человека?"
    r"(нет|нема|немає) (у вас |в вас |там |тут )?(вообще |взагалі )?(ни одного |жодної |жодного )?"
    r"(живого |живої |настоящего |справжньої |справжнього )?(человека|людини|чоловіка) ?\?",
    r"(are|is) there (any )?(actual |real |live )?(people|humans|person|human)( working)? "
    r"(there|here|at all)",
    # … or on the chat, asked as a question: "is there an actual person on this chat?", "is
    # there a real human behind this?", "are there any humans reading this?"
    r"(are|is) there (a |an |any )?(actual |real |live |living )?(people|humans|person|human"
    r"( being)?)( (on|in|at|behind|reading|answering) (this|the|these|your)( chat| line| end| "
    r"other end| messages?| service)?)? ?\?",
    # a person set against the bot, either way round: "людину, не бота", "нет бота, человека!",
    # "person not robot", "no bot, human"
    rf"{_PERSON} ?,? (а |but )?(не|ні|нет|not|no) (с |з )?{_BOT}",
    rf"(не|ні|нет|без|not|no) (с |з )?{_BOT} ?,? (а |but |just )?{_PERSON}",
    r"humans?", r"(live|real|human|support) agent",
    # a person named as a sentence of its own, asked for with "please" or "now": "person
    # please. shared drive gone again.", "Operator now!" (as "оператора мені", person_request);
    # the sentence ends there: "Tech please check the printer" asks the reader to check it
    r"(?:^|(?<=[.!?] ))(a |an )?(real |live |actual )?(person|operator|agent|technician|tech|"
    r"engineer|specialist)(,? (please|pls|plz|now|asap))+(?=[.!]+( |$)|$)",
    # "operator" said as a sentence of its own after the problem: "printer jammed. operator."
    r"(?<=[.!?] )(operator|an operator|agent)( please| now)?[.!]*$",
    r"an agent", r"agent,? please", r"real person",
    r"operator,? please", r"(connect|transfer) me", r"not (a|the|this|your) (bot|robot|machine)",
    # … a person called real in any word: "talk to an actual person", "speak with a live human"
    r"(talk|speak|chat) (to|with) (a |an |some|your |the )?((real|actual|live|living|proper|"
    r"human|flesh and blood) )?(person|someone|somebody|technician|admin|manager|supervisor|"
    r"engineer|human|being|tech|agent)",
    # … or a real man, an IT guy, as English learners and chat write it: "i need talk to real
    # man from IT", "need real IT man", "get me a live guy" (asked for: a talk, a need, a wish;
    # not a wish of what the staff should stop or learn: "I want the IT guy to stop changing
    # my settings")
    r"(talk|speak|chat|need|want|get me|find me|give me)( to| with)? (a |an |some |the |your )?"
    r"(real|actual|live|living|proper|normal|it|support|tech) (it )?(man|men|guy|guys|woman|"
    r"lady)\b(?! to (stop(?! by)|quit|leave|not|never|learn|be)\b)",
    r"(put|get|send|transfer|pass|connect) me (through )?to (it|support|someone|somebody|(a |an |"
    r"the )?(real |actual |live |human |proper )?(person|human|technician|engineer|admin|agent|"
    r"operator|specialist|member of staff|staff member))",
    # a member of the staff to speak with, the assistant or bot set aside: "could I please speak
    # to a member of staff rather than the automated assistant?", "I would rather speak with a
    # member of staff than with the automated assistant" (the whole of it, first: it is cut out
    # of what the message says of its problem)
    r"(talk|speak|chat|deal)\b.{0,80}\b(rather than|instead of|than) (with |to )?(the |a |an |"
    r"this |your )?(automated |virtual |ai |digital |chat )?(assistant|bot|chatbot|robot|machine)",
    r"(talk|speak|chat) (to|with) (a |an |one of |someone from |somebody from )?(your |the )?"
    r"((real|actual|live|human) )?(member of (your |the )?(staff|(\w+ )?team)|staff member|"
    r"(it|support|help ?desk) (staff|person|team|team member))",
    r"(need|want|get me|find me) (a |an )?(real |actual |live )?(person|technician|tech|engineer|"
    r"admin|specialist|operator|agent)"
    r"(?!'s| rights| access| account| password| privileges| permissions?| role)",
    r"(need|want|get me|find me) (someone|somebody)( from (it|support|the it \w+))?( to (come|call|"
    r"look|fix|check|help|sort))",
    r"(need|want|get me|find me) (someone|somebody) (from (it|support)|who (knows|can))",
    r"(get|send) (someone|somebody|a technician|a tech) (to|who can) (fix|look|come|check|sort|"
    r"call|ring|phone)",
    # … said bare, or as a thing to have done: "Get me someone.", "have someone look at it"
    r"(get|find|send) me (someone|somebody)(?! (a|an|the|some|new|else)\b)",
    r"(have|let) (someone|somebody|a technician|an engineer|a tech|a person) (look|come|check|"
    r"fix|call|sort)",
    # IT or support itself to call or come: "please have IT call me", "get IT over here"
    r"(have|let|get) (it|support|the it (team|desk|guys)|your (tech|technician|engineer)s?) "
    r"(to )?(call|ring|phone|come|look|contact)",
    r"(get|send) (it|support|someone|somebody|a tech|a technician) (over |down |up )?(here|there)",
    r"(someone|somebody) (needs|has|have) to (come|look|check|fix|see|sort)",
    r"(just |please )?(open|create|raise|log|file) (a |the |me a )?ticket",
    r"how (do|can) i (reach|contact|call|get hold of) (a person|someone|support|a human|it)",
    r"who (do|should|can) (i|we) (call|contact|talk to|speak to|ring|shout at|yell at|scream at|"
    r"complain to)",
    # someone to come, be sent or be spoken with
    r"(поговорить|поговорити|связаться|зв'язатися|побалакати) (с|со|з|із) (\w+ )?"
    r"(айтишник|админ|специалист|техник|мастер|фахівц|спеціаліст|айтішник|адмін|майстр|"
    r"людин|человек)\w*",
    r"(подойд\w*|подойти|прийти|придите|приди|підійд\w*|підійти|прийд\w*|прийти|зайд\w*|зайти|"
    r"зайдіть)( \w+)? (ко мне|до мене|к нам|до нас)",
    r"(ко мне|до мене|к нам|до нас) (\w+ )?(подойти|подойдёт|подойдет|прийти|придёт|придет|"
    r"зайти|зайдёт|зайдет|підійти|підійде|прийде|зайде)",
    r"(пришлите|пришліть|надішліть|направьте|направте|отправьте|відправте|прислать|прислати|"
    r"направить|направити|отправить|відправити|надіслати) (\w+ )?(кого-нибудь|"
    r"кого-то|когось|мастера|майстра|специалиста|спеціаліста|фахівця|техника|техніка|айтишника|"
    r"айтішника|админа|адміна|человека|людину)",
    # "свяжите меня с айтишником", "свяжитесь со мной"
    r"свяжите( меня| нас)? (с|со) \w+", r"(свяжитесь|зв'?яжіться) (со мной|с нами|зі мною|з нами)",
    r"(can|could) (someone|somebody|anyone|a technician|an engineer|you)( from \w+)? (come|look|"
    r"call)( over| by| to| at| and)?",
    # a person asked to see to it, as a question: "could an engineer take a look at my PC?"
    r"(can|could|would) (someone|somebody|anyone|a technician|an engineer|a tech|a person|an? it "
    r"person)( from \w+)? (take a look|have a look|check|fix|pop|stop by|drop by|swing by)",
    # someone to talk to: "поговорить с кем-нибудь из ваших специалистов", "з кимось із вас"
    r"(поговорить|поговорити|связаться|зв'язатися|побалакати|пообщаться) (с|со|з|із) (кем-нибудь|"
    r"кем-то|кем-либо|кимось|кимсь|ким-небудь)",
    r"come (over|by|to my desk|and (look|see|fix|have a look))",
    # someone to take the case over: "Could somebody from IT please take this over?"
    r"(someone|somebody|anyone|a person|an engineer|a technician|it|support)( from \w+)?"
    r"( please)? (take|pick) (this|it) (over|up)",
    # … or just to take it, asked as a question: "Could a person take this, please?", "Can a
    # person take this?" (frozen27, frozen28; frozen26's "Could a real person take this one"
    # was read by "real person")
    r"(can|could|would) (someone|somebody|anyone|a (real |live |human |actual )?person|a human|"
    r"an engineer|a technician|a tech|an? it person)( from \w+)?( please)? take (this|it)"
    r"( one)?( please)?(?= ?[?!.,]|$)",
    r"send (a |an )?(technician|engineer|someone|somebody|person|tech)( over)?",
    # a person able to come or call, asked as a question: "а людина може мені набрати?",
    # "кто-нибудь может подойти в 305 кабинет?", "is anyone from IT around today?"
    r"(людина|человек|хтось|кто-нибудь|кто-то|кто-либо|хто-небудь|специалист|спеціаліст|"
    r"фахівець|админ|адмін|майстер|мастер) (\w+ )?(може|может|можете|зможе|сможет|міг би|"
    r"могла б|мог бы) (\w+ )?(набрати|набрать|подзвонити|позвонить|перезвонить|передзвонити|"
    r"зателефонувати|підійти|подойти|прийти|зайти|глянути|глянуть|посмотреть|подивитися)",
    r"(is|are) (anyone|someone|somebody|anybody) (from (it|support|the it \w+)|in it) "
    r"(around|available|in|there|free|about)",
    # IT as the person asked for, whom to talk to, a live one there, the bot skipped:
    # "I need to speak with IT", "get me IT on the phone", "з ким можна поговорити?",
    # "живой есть кто?", "skip the bot please"
    r"(need|want|have|like|can i|could i|let me|may i) (to )?(speak|talk|chat) (to|with) (it|"
    r"support|the it (team|desk|department|guys)|the helpdesk|the help desk)\b",
    r"(get|put) me (it|support) on the (phone|line)",
    # someone of the desk to reach the writer, asked or wished: "could a member of the IT
    # team contact me, please?", "would someone from support get back to me", "I'd like one
    # of your engineers to call me", "please have someone contact us"
    rf"(can|could|would|will) {_SOMEONE_EN}( please| just| kindly)? {_REACHES_WRITER}",
    rf"(have|get|want|need|like|ask) {_SOMEONE_EN} (to )?{_REACHES_WRITER}",
    # … or to call or come, asked as a thing to have: "can I get a call from IT?", "I'd
    # appreciate a call back from someone in support", "could we arrange a visit from a
    # technician" (not "I got a call from IT", told, nor "waiting for a call from IT")
    r"(get|have|arrange|request|appreciate|like|want|need) (a |an )?(quick |short )?(call|"
    rf"callback|call-back|ring|phone call|visit)( back)? from {_DESK_EN}",
    # the request handed on to the desk, as a request: "please pass this to a technician",
    # "could you forward my request to the IT team?" (not "I tried to forward it to someone",
    # "can't send it to support": a deed of the writer's)
    r"(?<!\bto )(?<!n't )(?<!not )(?<!cannot )(pass|forward|hand|refer|escalate|transfer)"
    r" (this|it|my (request|ticket|issue|case|query|problem|question|message)|the (request|"
    rf"ticket|issue|case|query|problem|question|message))( on| over| along)? to {_DESK_EN}",
    r"(put|get) (me|us) in touch with",
    rf"(be|get) put through to {_DESK_EN}",  # "I'd like to be put through to someone"
    # someone there to talk to: "is there someone I can talk to?", "is there a real person I
    # could speak with?"
    r"(is|are) there (someone|somebody|anyone|anybody|a (real |live |human |actual )?person|"
    r"a human|people)( else| real)? (i|we) (can|could) (talk|speak|chat) (to|with)",
    r"(с|со|з|із) (кем|ким) (можно|можна|мне|мені) (\w+ )?(поговорить|поговорити|связаться|"
    r"зв'язатися)",
    r"жив\w* (\w+ )?(есть|є) (кто|хто)|(есть|є) (кто|хто)(-нибудь|-небудь|сь)? жив\w*",
    r"(кто|хто)(-нибудь|-небудь|-то|сь)? жив\w* (\w+ )?(есть|є)",
    r"(skip|bypass|no more of) (the |this |your )?(bot|chatbot)",
    # the bot refused as someone to talk to: "I don't want to chat with a machine"
    r"(don'?t|do not|won'?t|will not|not going to|refuse to) (want to |going to )?(talk|chat|speak|"
    r"deal|write) (to|with) (a |the |this |your |some )?(machine|bot|robot|chatbot|computer|ai)",
    # someone to talk to, said before the verb: "можно с кем-то поговорить?", "з кимось
    # поговорити можна?"
    r"(с|со|з|із) (кем-нибудь|кем-то|кем-либо|кимось|кимсь|ким-небудь) (\w+ )?(поговорить|"
    r"поговорити|связаться|зв'язатися|побалакати|пообщаться)",
    # anyone there at all: "Is there anyone there?", "anybody out there?", "Эй, живые есть?",
    # "є тут живі?"
    r"(is )?(there )?(anyone|anybody|someone|somebody) (there|out there|real|alive|human)\b",
    r"жив(ые|і|ий|ой) (тут |там )?(есть|є)(?= ?[?!.,]|$)",
    r"(есть|є) (тут |там |кто |хто )?жив(ые|і|ий|ой)(?= ?[?!.,]|$)",
    # a call back or an escalation is a person too
    r"(ring|call|phone) me( back)? (on|at|when|asap|please)", r"give me a (call|ring)",
    r"(possible|able) for (someone|somebody|anyone|a person|an engineer|a technician|a tech) to "
    r"(phone|call|ring|come|look|pop|stop)",
    r"(please )?escalate( this| it)?", r"call ?back", r"call me back",
    r"(want|need|get) (this|it) escalated", r"escalated to (a |the |your )?\w+",
    r"перезвоните( мне)?", r"передзвоніть( мені)?", r"зателефонуйте( мені)?",
    r"(эскалируйте|ескалюйте|передайте (дальше|далі|специалисту|фахівцю|на вторую линию))",
])  # fmt: skip

UPSET = PhraseSet([
    r"бля\w*", r"ху[йяеию]\w*", r"пизд\w*", r"(за|у|на|вы|съ|з|по|от)?[еєи][бп]а[нлт]\w*",
    r"п[иі][зс]дец", r"пипец", r"звиздец", r"херн\w*", r"хрен(ов\w*|ь)",
    # a swear word masked or misspelt: "бл*ть", "f**k", "с*ка", "fck", "fkn"
    r"[^\W\d_]+\*+[^\W\d_]+", r"fck\w*", r"fuk\w*", r"fkn", r"fking", r"effing",
    r"frea?kin\w*", r"frickin\w*", r"crap", r"crappy", r"bloody (hell|thing|printer|laptop|pc)",
    # the help is said to be no help: "not helpful at all", "ничем не помогли"
    r"not (very |at all |really )?helpful", r"unhelpful",
    r"(ничем|нічим) не (помог\w*|допомог\w*)", r"не (помогаете|допомагаєте)",
    r"сук[аи]", r"нахрен", r"задолбал\w*", r"бесит", r"бесполезн\w*",
    r"тупо[йе] бот\w*", r"идиот\w*", r"издевательств\w*", r"безобрази\w*",
    r"задовбал\w*", r"бісить", r"марн\w+ бот", r"знущання",
    r"издеваетесь", r"издеваешься", r"сколько можно", r"достал[ио]", r"надоело", r"безобразие",
    r"знущаєтесь", r"скільки можна", r"дістал[ио]", r"набридло", r"неприпустимо", r"неприемлемо",
    r"fuck\w*", r"shit\w*", r"wtf", r"damn\w*", r"useless", r"stupid bot", r"ridiculous",
    r"fed up", r"sick of", r"(are you|you're|you are) kidding", r"unacceptable",
    r"what the hell", r"(this|it) is a joke",
    # the bot told it does not understand: "Робот, ти мене не розумієш", "вы меня не понимаете",
    # "you don't understand me" (not "я не понимаю", the writer's own)
    r"(ты|ти|вы|ви|you)( \w+)? (меня |мене |нас |me |us )?(не|ні|don'?t|do not|never) "
    r"(понима\w*|розумі\w*|understand)( (me|us|what))?",
])  # fmt: skip

REPEATED = PhraseSet([
    r"(опять|снова|все еще|до сих пор|по-прежнему) не (работает|помогает|печатает|открывается)",
    # the trouble back again, whatever the verb: "опять не грузит", "знову відвалюється"
    r"(опять|снова|вновь|знову|вкотре) не \w+",
    r"(опять|снова|вновь|знову)( \w+){0,2} (завис|вылета|вылете|отвал|висн|виса|виліт|вилета|"
    r"відвал|глюч|пропа|зник|слома|злама|лага|тормоз|гальму|пада|упал|впав|отруб|вируб|выруб|сбо|збо)\w*",
    r"(is|are|keeps|kept) \w+ing again",
    r"(not|\w+n't|dont|doesnt|wont|cant|isnt|arent|didnt|couldnt|wasnt) \w+( \w+)? again",
    r"(уже )?(второй|третий|четвертый|пятый|\d+-?й) раз", r"в который раз", r"не в первый раз",
    r"(знову|досі|все ще|як і раніше) не (працює|допомагає|друкує|відкривається)",
    r"(вже )?(другий|третій|четвертий|\d+-?й) раз", r"вкотре", r"втретє", r"вчетверте",
    r"(я )?(вам )?уже (писал\w*|обращал\w*|звонил\w*)",
    r"(я )?(вам )?вже (писал\w*|писав|звертал\w*)",
    r"still (not|doesn'?t|does not|isn'?t) \w+", r"again and again",
    r"(second|third|\d+(nd|rd|th)) time", r"keep getting bounced( around)?",
    # lost count of the times: "I've lost count of how many times I've reported this"
    r"lost count", r"(сбил\w*|збил\w*|збив\w*) (со|з) (сч[её]та|ліку|рахунку)",
    r"how many times (i'?ve|i have|we'?ve|we have) (reported|written|asked|called|raised)",
    r"(i )?(already )?(wrote|asked|called) (you )?(already|before|twice)",
])  # fmt: skip

# What the user says about the conversation itself, not about anything broken: the bot
# refused ("no bot", "не бота", "без ботов", "бота не надо", "not a robot") and what it fails
# to do ("bot not understand", "бот ничего не понимает", "цей бот не допомагає").
# The robot, in the forms of "робот" (ru, uk): not the Ukrainian "робота" (work), whose
# "роботи", "роботу", "роботі", "роботою" it shares letters with ("без роботи" is without
# work, "без робота" without a robot). "робота" itself is a robot's genitive in both.
_ROBOT = r"(?:бот\w*|робот(?:а|ом|е|ы|ов|ам|ами|ах|ів|ові)?(?!\w))"
ABOUT_THE_BOT = PhraseSet([
    r"(no|not|without|no more|не|ни|ні|без|нет|нема|немає)( (надо|нужно|нужен|треба|потрібен|"
    r"хочу))?( (a|the|this|your|more|stupid|с|со|з|із|ваш\w*|этого|этот|цього|цей|никаких|"
    r"ніяких))? (чат-?)?" + _ROBOT,
    r"(no|not|without|no more)( (a|the|this|your|more|stupid))? (chat ?)?(bots?|robots?|"
    r"chatbots?)( (talk|chat|please|pls))?",
    # … the assistant declined as a thing to use or talk to: "I would rather not use the
    # automated assistant", "I'd prefer not to deal with a bot"
    r"(rather not|prefer not to|don'?t want to|do not want to|won'?t|will not) (use|talk to|"
    r"chat with|deal with|speak to|speak with|write to) (the |this |your |an? )?(automated |"
    r"virtual |ai |digital |chat )?(assistant|bot|chatbot|robot|machine)",
    # … the robot named first: "бота не надо", "робот мені не потрібен" (not "роботи не треба")
    r"(чат-?)?(бот\w*|робот|роботы|робота) (мне |мені )?(не|ні) (надо|нужен|нужно|треба|"
    r"потрібен|хочу)",
    r"(ваш\w* |цей |этот |the |this |your |ur )?(чат-?)?(бот\w*|робот|роботы|bots?|robots?|"
    r"chatbots?) "
    r"(\w+ )?(не|ні|ничего не|нічого не|not|doesn'?t|does not|don'?t|no|can'?t|cannot|never)"
    r"( \w+)? (понима\w*|розумі\w*|understand\w*|помога\w*|допомага\w*|help\w*|know\w*|"
    r"зна\w*)",
])  # fmt: skip

# Work stopped, said with nothing named that stopped it: "сидим без работы", "без роботи",
# "не можемо працювати", "неможливо працювати", "we can't work", "work has stopped". The
# impact, not the problem: a request for a person with only this still gets the problem asked
# ("без роботи, дайте людину"). How bad a fault is, not impatience with the desk: "Комп дуже
# гальмує, неможливо працювати" is told as "не можу працювати" is.
NO_WORK = PhraseSet([
    r"(сидим|сидимо|сижу|сиджу|остались|залишились|залишилися|стоим|стоїмо)? ?без (работы|роботи)"
    r"( (сидим|сидимо|сижу|сиджу|стоим|стоїмо))?",
    r"(нет|немає|нема) (работы|роботи)",
    r"(не|ни|ні) (могу|можем|может|можуть|можу|можемо|може|могут) (нормально )?"
    r"(работать|працювати)",
    r"(невозможно|неможливо|нереально) (нормально )?(работать|працювати)",
    r"(i|we|they|nobody|no one|none of us) (can'?t|cannot|can not) (do any )?work",
    r"(вся |вся наша |вся моя |наша |моя )?(работа|робота) (стоит|стоїть|встала|стала|зупинилась|"
    r"остановилась)", r"(all )?(the |our |my )?work (has )?(stopped|is at a standstill)",
])  # fmt: skip

# Words that only dress up a request for a person; what remains is the problem itself.
_FILLER = PLEASE_WORDS | frozenset({
    "хочу", "хотел", "хотела", "хотів", "хотіла",
    "можно", "можна", "мне", "мені", "me", "меня", "мене", "нужно", "нужен", "треба",
    "потрібно", "talk", "speak", "chat", "with", "to", "can", "could", "i", "a", "an", "the",
    "поговорить", "поговорити", "связать", "зв'язати", "свяжите", "дайте", "позовите",
    "покличте", "give", "get", "someone", "somebody", "person", "who", "actually", "really",
    "help", "just", "this", "that", "i'm", "it's", "это", "це", "уже", "вже", "та",
    # the person wanted, said bare or with how live or real they should be: "человека!",
    # "HUMAN. NOW.", "real person pls", "нормальну людину"
    "человека", "человек", "людину", "людина", "human", "humans", "operator", "оператора",
    "оператор", "agent", "real", "live", "normal", "pls", "plz", "now", "сейчас", "зараз",
    "нормального", "нормальную", "нормальну", "нормальна", "живого", "живую", "живу",
    # greetings, thanks and politeness around the request: "Hello, I would rather …, if that's
    # possible. Thank you.", "вибачте, а можна …", "слушайте, …"
    "hello", "hey", "there", "good", "morning", "afternoon", "evening", "thank", "thanks", "you",
    "would", "may", "might",
    "rather", "possible", "that's", "здравствуйте", "добрый", "доброго", "день", "дня",
    "вибачте", "извините", "простите", "слушайте", "слухайте", "привет", "привіт", "thx",
    "i'd",
    # a negation with nothing it denies: "not the bot", "I'd rather not"
    "not", "no", "don't", "never", "only",
})  # fmt: skip


@dataclass(frozen=True)
class HandoffSignal:
    """Why self-help stops: asked_for_person | upset | repeated_failure."""

    reason: str


@read_once
def asks_for_person(reading: MessageReading) -> bool:
    """Whether the message asks for a person, by a phrase or by its shape ("позовите
    оператора", "кличте людину", "just open a ticket"), or for the desk's number: a number
    to call is a person asked for ("дайте номер телефона поддержки"; in a chat the contact
    flow gives it first, `dialogs.contact`)."""
    return (
        reading.text in ASKS_FOR_PERSON
        or calls_for_person(reading)
        or asks_for_contact(reading, open_place=False)
    )


@read_once
def detect_handoff(reading: MessageReading) -> HandoffSignal | None:
    """The strongest reason in a message to pass the user to a person, if any; a message
    typed in translit or the wrong layout is read as the words meant too ("dayte operatora",
    "lfqnt jgthfnjhf" for "дайте оператора")."""
    text = reading.text
    if asks_for_person(reading):
        return HandoffSignal("asked_for_person")
    if text in UPSET or lost_patience(reading):  # shouting is read by tone, in lost_patience
        return HandoffSignal("upset")
    if text in REPEATED:
        return HandoffSignal("repeated_failure")
    meant = reading.meant
    return detect_handoff(meant) if meant is not None else None


def _asks_anyone(text: str) -> bool:
    return calls_for_person(text) or asks_for_contact(text, open_place=False)


def describes_problem(text: str) -> bool:
    """Whether anything beyond "connect me to an operator" or "кличте людину" was said
    (read as the words meant when typed in translit or the wrong layout: "lfqnt jgthfnjhf")."""
    # the clauses as typed, each read as meant ("vy izdevaetes? …, dayte operatora"); a
    # message in the wrong layout may use , . ; as letters ("lfqnt"), so it is read whole
    # translit is read in the writer's language ("dobryi den, mozhna pohovoryty" is "добрий
    # день, можна поговорити", not the Russian "добрый ден … поховорыты")
    lang = detect_language(text)
    whole = meant_text(text, lang)
    # … and a key that starts a word is a letter there (",elm kfcrf" is "будь ласка")
    if whole != text and not re.search(r"\s[,.;:!?](?![a-z])|[,.;:!?]\s", text):
        clauses = [whole]
    else:
        # … the bot refused as typed, before a Latin "not bot" is taken for translit
        typed = re.split(r"[,.;:!?\n]+(?![a-z])", text)
        clauses = [
            meant_text(ABOUT_THE_BOT.remove(c) if c in ABOUT_THE_BOT else c, lang) for c in typed
        ]
    # … less the clauses that only say how the user feels about the help, as the problem's
    # statement leaves them out ("з ботом у мене не виходить", "хватит мне ссылки кидать")
    typed_out = len(clauses) > 1
    own = [
        c for c in clauses if c.strip() and not _asks_anyone(c) and not (typed_out and only_tone(c))
    ]
    # what only says how the user feels ("fed up with this", "скільки можна чекати") describes
    # no problem either
    rest = LOST_PATIENCE.remove(UPSET.remove(ASKS_FOR_PERSON.remove(" ".join(own))))
    rest = ABOUT_THE_BOT.remove(rest)
    # work stopped says what a thing named beside it did ("через ваш сканер вся моя робота
    # стоїть"); said alone it names nothing ("без роботи, дайте людину")
    stopped = rest in NO_WORK
    words = _problem_words(NO_WORK.remove(rest))
    return len(words) + (stopped and bool(words)) >= 2


def _problem_words(rest: str) -> list[str]:
    """The words of `rest` that may tell a problem: not those that dress the request up
    (`_FILLER`), tell no problem apart (the matcher's stop words: "добрий", "дякую", "there",
    "from") or are the talk itself: the bot, the desk, the person and the talking ("бот мені
    тут не допоможе", "Bots never get it", "поговорити з працівником техпідтримки")."""
    # a short name with a digit is a word of its own: "1С висит", "M4 не грузит"
    words = [
        w
        for w in re.findall(r"[\w']+", rest)
        if (len(w) > 2 or (len(w) == 2 and not w.isdigit() and not w.isalpha()))
        and w not in _FILLER
        and w.lower() not in STOP_WORDS
    ]
    return [w for w in words if not any(of_the_talk(r) for r in _read(w.lower()))]


def _read(word: str) -> list[Word]:
    """A word as each language that writes it reads it (a translit is read as meant, in
    Cyrillic whichever language it is)."""
    if word.isascii():
        return read_words(word, "en")
    return read_words(word, "ru") + read_words(word, "uk")
