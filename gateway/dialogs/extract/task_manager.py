"""A program ended by hand from the Task Manager: a step the user took, for "tried".

"закрывала через диспетчер задач", "приходится снимать через диспетчер задач", "закривав
через диспетчер задач", "closed it in Task Manager and opened it again", "have to kill it in
Task Manager": the hung program ended from the Task Manager, done or kept up. Not a step: the
Task Manager only looked in ("в диспетчере задач память 95%", "Task Manager shows disk at
100%"), a request or a question ("закройте через диспетчер задач", "should I end it in Task
Manager?"), or a step not taken ("не снимала через диспетчер задач").
"""

from __future__ import annotations

from gateway.dialogs.extract.case_blind import case_blind
from gateway.triage.phrases import SCREEN_QUOTE

_TASK_MANAGER = r"(?:диспетчер\w*\s+(?:задач|завдань)|task\s*manager|диспетчер\w*\s+задач\w*)"
# Ending a program, done: in the past (any person), or kept up in the infinitive after
# "приходится" / "доводиться" / "have to" (frozen24: "приходится снимать")
_ENDED = (
    r"(?:закрывал\w*|закрыл[аи]?|снимал\w*|снял[аи]?|завершал\w*|завершил\w*|убивал\w*|"
    r"убил[аи]?|вырубал\w*|вырубил\w*|"
    r"закривал\w*|закривав|закрив|закрил[аи]|знімал\w*|зняв|зняла|зняли|завершувал\w*|завершував|"
    r"завершив|завершил[аи]|вбивал\w*|вбив|вбила|вбили|вирубал\w*|вирубав|"
    r"closed|ended|killed|force[- ]?quit(?:ted)?|force[- ]?closed|"
    r"(?:(?:приходится|приходилось|доводиться|доводилось|доводилося|доводится)\s+"
    r"(?:(?:каждый раз|постоянно|кожного разу|постійно|щоразу|всегда|завжди)\s+)?"
    r"(?:закрывать|снимать|завершать|убивать|закривати|знімати|завершувати|вбивати))|"
    r"(?:have to|had to|has to|keep having to|must)\s+(?:close|end|kill|force[- ]?quit))"
)
_ENDED_BY_HAND = case_blind(
    rf"(?<!\w)(?<!не )(?<!ні )(?<!not )(?:{_ENDED})(?!\w)(?:\s+[\w'.-]+){{0,3}}?\s+"
    rf"(?:через|в|у|во|из|з|із|from|in|via|with|using|through)\s+(?:the\s+)?{_TASK_MANAGER}"
)


def ended_by_hand(clause: str) -> bool:
    """Whether `clause` says a program was ended from the Task Manager, as a step."""
    return not clause.rstrip().endswith("?") and _ENDED_BY_HAND.search(clause) is not None


def step_of(clause: str) -> str:
    """The step in a clause that says it: from the ending verb on when a quoted message comes
    before it ("goes 'Not Responding' and I have to end it in Task Manager": the quote is the
    error, not part of the step), else the whole clause."""
    found = _ENDED_BY_HAND.search(clause)
    if found and SCREEN_QUOTE.search(clause[: found.start()]):
        return clause[found.start() :]
    return clause
