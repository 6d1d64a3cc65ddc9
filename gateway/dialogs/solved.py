"""The user says the problem is solved, in the words people use for it.

Not only "yes, it helped": "managed to fix it now", "fixed it myself", "got it working",
"it works again", "sorted", "never mind, figured it out"; "починили", "сам разобрался",
"заработало", "уже не нужно"; "полагодили", "запрацювало", "вже не треба". Whoever fixed
it, the user, a colleague or the bot's article, and whether it is fixed or no longer
needed, the conversation is over: resolved, and rated.
"""

from __future__ import annotations

from gateway.triage.phrases import PhraseSet

# The past stems of the verbs of fixing, said after who fixed it in `SOLVED` and denied in
# `NOT_SOLVED`: one list for both.
_RU_REPAIRED = "починил|исправил|наладил|разобрал|настроил|решил|справил"
_UK_REPAIRED = (
    "полагодив|полагодил|виправив|виправил|налагодив|налагодил|розібрав|розібрал|вирішив|"
    "вирішил|впорав|впорал"
)
_OTHER_REPAIRED = "отремонтировал|пофиксил|устранил|відремонтува"

# A repair done, in the perfective past of the verbs of fixing (every person and gender:
# "починил", "починила", "починили"; "полагодив", "полагодила"; "fixed", "sorted") or after
# the words that say one managed it ("managed to fix it", "was able to sort it", "got it
# working"); the fault that went by itself ("само прошло", "саме минуло", "went away").
SOLVED = PhraseSet([
    # English: done by someone, or managed
    r"(managed|was able|were able|been able) to (fix|sort|solve|resolve|get) (it|this|that|"
    r"things|everything|the (problem|issue|thing))",
    r"(fixed|sorted|solved|resolved|repaired) (it|this|that|things|everything)( out)?",
    r"(fixed|sorted|solved|resolved|repaired) (now|already)",
    r"(it|this|that|everything|the (problem|issue|thing))('?s| is| has| was)( been)? (fixed|sorted|"
    r"solved|resolved|repaired)", r"(problem|issue)('?s| is| has)? (gone|disappeared)",
    r"(figured|worked) (it )?out", r"got (it|this|that|everything) (working|sorted|fixed|"
    r"going|to work|running|back)",
    r"(it'?s|it is|all|everything'?s|everything is|it'?s all) (working|fine|good|ok|okay|sorted|"
    r"fixed|back to normal) (now|again)", r"(works|working|running) (now|again)",
    r"back to normal", r"(fixed|sorted|resolved) (itself|on its own|by itself)",
    r"(went|gone) away( by itself| on its own)?", r"problem (solved|resolved|fixed|sorted)",
    r"never ?mind", r"nvm", r"false alarm",
    # it started working: "заработало", "запрацював", "it's working again"
    r"заработал\w*", r"запрацювал\w*", r"запрацював",
    r"(don'?t|do not|no longer) need (it|this|that|help|anything|a ticket)( any ?more| now)?",
    r"(not|no longer) needed( any ?more)?",
    # Russian: "починили", "сам исправил", "разобралась", "наладилось", "уже не нужно"
    r"(починил|исправил|наладил|разобрал|настроил|решил|справил)\w*(ся|сь)? (сам|сама|сами|"
    r"проблему|вопрос|все|всё)",
    rf"(сам|сама|сами|уже|все|всё|коллега|коллеги) ({_RU_REPAIRED})\w*",
    r"починил\w*", r"исправил\w*", r"разобрал\w*(ся|сь)", r"справил\w*(ся|сь)",
    r"(наладил|отремонтировал|пофиксил|устранил)\w*",
    r"(уже|теперь|снова|опять) (\w+ )?работает", r"работает (уже|теперь|снова|опять)",
    r"(починил|исправил|наладил|уладил)(ось|ся|ась|ись)", r"само (прошло|починилось|заработало|"
    r"наладилось|исправилось)", r"(все|всё) (прошло|наладилось|уладилось)",
    r"(уже|больше) (не нужно|не надо|не нужна|не нужен|не требуется|не актуально|неактуально)",
    r"вопрос (снят|решен|закрыт)", r"проблема (решена|ушла|исчезла|снята)", r"отбой",
    # Ukrainian: "полагодили", "сам виправив", "розібралася", "налагодилось", "вже не треба"
    r"(полагодив|полагодил|виправив|виправил|налагодив|налагодил|розібрав|розібрал|налаштував|"
    r"налаштувал|вирішив|вирішил|впорав|впорал)\w*(ся|сь)? (сам|сама|самі|проблему|питання|все|"
    r"усе)",
    rf"(сам|сама|самі|вже|уже|все|усе|колега|колеги) ({_UK_REPAIRED})\w*",
    r"полагодил\w*", r"полагодив\w*", r"виправил\w*", r"виправив\w*", r"розібрал\w*(ся|сь)",
    r"розібрався", r"впорал\w*(ся|сь)", r"впорався", r"відремонтува\w*",
    # … and in surzhyk, a Russian stem with the Ukrainian ending: "вже работає"
    r"(вже|уже|тепер|знову|знов) (\w+ )?(працює|работає)",
    r"(працює|работає) (вже|уже|тепер|знову|знов)",
    r"(полагодил|виправил|налагодил)(ось|ося|ася|ися)", r"само (минуло|пройшло|запрацювало|"
    r"полагодилось|налагодилось)", r"(все|усе) (минуло|пройшло|налагодилось)",
    r"(вже|уже|більше) (не треба|не потрібно|не потрібен|не потрібна|неактуально|не актуально)",
    r"питання (знято|вирішено|закрито)", r"проблема (вирішена|зникла|пішла)", r"відбій",
])  # fmt: skip

# The repair denied or not yet done: "не починили", "couldn't fix it", "haven't sorted it",
# "ще не полагодили". Read before `SOLVED`: each holds a word of it.
NOT_SOLVED = PhraseSet([
    rf"(не|ни|ні|ещ[её] не|ще не|пока не|поки не|так и не|так і не) (\w+ )?({_RU_REPAIRED}|"
    rf"{_UK_REPAIRED}|{_OTHER_REPAIRED})\w*",
    r"(couldn'?t|could not|can'?t|cannot|didn'?t|did not|haven'?t|have not|hasn'?t|has not|"
    r"wasn'?t able to|weren'?t able to|unable to|not able to|failed to|never)( manage to| yet)?"
    r" (fix|sort|solv|resolv|figur(e|ed) (it )?out|work(ed)? (it )?out|get (it|this|that) "
    r"(working|to work|going|running|sorted|fixed))\w*",
    r"not (fixed|sorted|solved|resolved|repaired) (it|this|that|itself)",
    r"(not|never|isn'?t|wasn'?t|hasn'?t been|hasn'?t|haven'?t been) (been )?(fixed|sorted|solved|"
    r"resolved|repaired|gone)",
    r"(still|yet) (need|needed)",
])  # fmt: skip


def says_solved(text: str) -> bool:
    """The words that say the problem is solved or no longer needed, not denied."""
    return text in SOLVED and text not in NOT_SOLVED
