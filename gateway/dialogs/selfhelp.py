"""Self-help: the article offered and "did it help?", or the close articles to choose from."""

from __future__ import annotations

import dataclasses

from gateway.dialogs.answers import (
    defers,
    is_none_of_these,
    is_small_talk,
    parse_choice,
    parse_yes_no,
    says_it_goes_on,
    says_it_helped,
    says_it_works_now,
    split_addition,
    tells_a_fault,
)
from gateway.dialogs.checklist import fill
from gateway.dialogs.events import ArticleNotHelped, FaqAnswered, FaqChoices, Resolved
from gateway.dialogs.matching import MAX_CHOICES, Hint, without_topic
from gateway.dialogs.other_problem import other_problem
from gateway.dialogs.payloads import FAQ_PREFIX, NO, NONE_OF_THESE, YES
from gateway.dialogs.ports import ArticleLike, Knowledge, MatchLike
from gateway.dialogs.state import Phase
from gateway.dialogs.turn import Turn
from gateway.models import Button, InboundMessage
from gateway.triage.mood import describes_problem, detect_handoff
from gateway.triage.routing import Routing

DETAIL_WORDS = 4  # an unparseable answer this long is treated as more detail


class SelfHelp:
    """The self-help steps of `SupportFlow`: an answer to confirm, or choices to pick from."""

    knowledge: Knowledge
    routing: Routing
    outage_topic: str

    def _offer_article(self, turn: Turn, article: ArticleLike, score: float) -> None:
        st = turn.state
        answer = article.answer_for(turn.lang)
        if article.kind == "escalate" or not answer:
            self.to_person(turn, "escalate_topic", article)
            return
        self._classify(turn, article)
        st.phase, st.offered = Phase.CONFIRM, {article.id: score}
        text = turn.text("faq_answer", title=article.title_for(turn.lang), answer=answer.strip())
        if article.link:
            text += f"\n{article.link}"
        turn.send(f"{text}\n\n{turn.text('did_it_help')}", *self._yes_no(turn))
        turn.emit(FaqAnswered(topic=article.id, score=round(float(score), 1)))

    def _offer_choices(self, turn: Turn, match: MatchLike, intro: str = "choices_intro") -> None:
        st = turn.state
        st.offered = {c.article.id: float(c.score) for c in match.candidates[:MAX_CHOICES]}
        st.phase = Phase.CHOOSE
        lines = [f"{n}. {title}" for n, title in enumerate(self._titles(turn), 1)]
        turn.send(
            "\n".join([turn.text(intro), *lines, turn.text("choices_hint")]),
            *self._choice_buttons(turn),
        )
        turn.emit(FaqChoices(topics=tuple(st.offered)))

    def _confirm(self, turn: Turn, msg: InboundMessage) -> None:
        """The answer to "did this help?"."""
        st, text = turn.state, msg.text.strip()
        if not msg.payload and self._another_matter_beside_yes(turn, msg):
            return
        helped = {YES: True, NO: False}.get(msg.payload) if msg.payload else parse_yes_no(text)
        if helped and not msg.payload and self._fault_beside_yes(turn, text):
            helped = False  # "yes thanks. My outlook won't send" of Outlook's answer
        signal = detect_handoff(turn.reading(text)) if text else None
        # "thanks, I will try this after lunch": not tried yet, no detail of the problem
        later = helped is None and bool(text) and defers(text)
        told: list[str] = []
        if text and not helped and not later:
            told = fill(st.fields, st.sources, text, "reply to did-it-help")
        # "спасибо вам большое за помощь", "thank you very much": thanks that name nothing
        # and no fault are no more detail, however long; they are asked yes or no as "спасибо"
        detail = len(text.split()) >= DETAIL_WORDS and not later and not (
            helped is None and says_it_works_now(text) and not self.routing.recognises(text)
        )
        if not helped and (signal or helped is False or detail):
            turn.emit(ArticleNotHelped(topic=st.topic))  # every "no", whatever follows
        # who is stopped may come only now: "ні, і в усьому офісі теж немає", "no, and it's
        # the whole company": the reply raises the priority, never lowers it
        urgent = bool(text) and not helped and self._reply_urgent(turn, text)
        if signal:
            self.to_person(turn, signal.reason, self._article(st.topic))
            self._raise_priority(turn, urgent)
        elif urgent:
            self.to_person(turn, "urgent", self._article(st.topic))
            self._raise_priority(turn, urgent)
        elif not helped and text and self._another_article(turn, text):
            pass  # "нет, принтер печатает, это сканер не сканирует": that problem's article
        elif helped:
            st.failed_answers, st.follows = 0, ""  # solved: no ticket goes on from the old one
            turn.emit(Resolved(by="bot"))
            st.bot_resolved_at = turn.ctx.now
            turn.say("resolved_by_bot")
            self.ask_rating(turn)
        elif later:
            turn.say("confirm_later", *self._yes_no(turn))  # the answer stays, asked later
        elif helped is False or detail:
            if helped is None:  # "it still says offline": more detail, not a yes
                st.problem = st.fields["problem"] = f"{st.problem}\n{text}".strip()
            st.failed_answers += 1
            shown = self._screen_says_another(turn, told)
            self.to_person(turn, "not_solved", shown or self._article(st.topic))
        else:
            turn.say("ask_yes_no", *self._yes_no(turn))

    def _screen_says_another(self, turn: Turn, told: list[str]) -> ArticleLike | None:
        """The article a "no" shows the problem to be by what the screen says, told only now
        ("ні. Зверху жовта смуга «Продукт не активовано»" after the article on a program that
        hangs, "на екрані «Принтер не в мережі»" after the paper jam's): the problem read
        again with the screen's words, when that answers another article of the same group
        with confidence. The ticket is that article's; the one shown stays answered. The
        screen tells which of the thing's faults it is, not whose the thing is: a message
        that reads as another group's ("Send Failed" from a scanner) leaves the article.
        None when the reply gives no screen's words or they leave the article as it was."""
        st = turn.state
        shown = self._article(st.topic)
        if "error" not in told or shown is None:
            return None
        match = self._match(f"{st.problem}\n{st.fields['error']}", turn.lang)
        top = match.candidates[0].article if match.candidates else None
        if match.outcome != "answer" or top is None or top.id in (st.topic, self.outage_topic):
            return None
        return top if str(top.group) == str(shown.group) else None

    def _another_matter_beside_yes(self, turn: Turn, msg: InboundMessage) -> bool:
        """A yes or a thanks with another problem added ("да, помогло. А ещё сканер не
        сканирует", "yes, thanks. Also my VPN is down", "спасибо! А у меня ещё сканер не
        сканирует"): the answer's problem is resolved, and the other one is taken as a new
        problem with its facts (no rating asked in between). A thanks said alone is asked yes
        or no; with another thing's fault after it, it thanks for the help given. False when
        there is none."""
        st = turn.state
        said, added = split_addition(msg.text.strip())
        thanked = parse_yes_no(said) is True or is_small_talk(said) == "thanks"
        if not added or not thanked or not self.is_new_problem(turn, added):
            return False
        if not self.names_another(turn, added):
            return False  # the answer's own thing: `_fault_beside_yes`
        st.failed_answers, st.follows = 0, ""
        turn.emit(Resolved(by="bot"))
        turn.say("resolved_by_bot")
        st.start_flow()
        self.new_problem(turn, dataclasses.replace(msg, text=added))
        return True

    def _fault_beside_yes(self, turn: Turn, text: str) -> bool:
        """A yes or thanks that does not say the fix worked, then a fault of the answer's
        own thing ("yes thanks. My outlook won't send" of Outlook's answer, "да. Пишет
        ошибку 0x80070005"), or one said to go on ("Спасибо, очень помогли. Outlook так и
        не отправляет письма"): the yes was to the steps tried, and the fault goes on."""
        said, added = split_addition(text)
        return (
            bool(added)
            and (not says_it_helped(said) or says_it_goes_on(added))
            and tells_a_fault(added)
            and not self.names_another(turn, added)
        )

    def _another_article(self, turn: Turn, text: str) -> bool:
        """Offer the article of the problem a "no" says it is instead ("no, wifi is not the
        problem, the wired desktop has no internet at all"); False when the reply says no other
        problem, or one the knowledge base does not answer apart from the article shown.
        A "no" with facts about the same problem gets the person's questions, not an article."""
        st = turn.state
        other = other_problem(text)
        if not other:
            return False
        match = self._match(other, turn.lang)
        rest = without_topic(match, st.topic)
        if match.outcome == "answer" and rest and rest[0] is match.candidates[0]:
            st.problem = st.fields["problem"] = f"{other}\n{st.problem}".strip()
            self._offer_article(turn, rest[0].article, rest[0].score)
            return True
        if match.outcome == "choices" and rest:
            st.problem = st.fields["problem"] = f"{other}\n{st.problem}".strip()
            self._offer_choices(turn, Hint(rest))
            return True
        return False

    def _choose(self, turn: Turn, msg: InboundMessage) -> None:
        """The pick among offered articles: a button, a number or an ordinal typed ("вторая",
        "the second one"), words of one title ("принтер"), or "none of these"."""
        st, text = turn.state, msg.text.strip()
        topics = list(st.offered)
        picked = msg.payload[len(FAQ_PREFIX) :] if msg.payload.startswith(FAQ_PREFIX) else ""
        number = parse_choice(text, self._titles(turn)) if text else None
        if text and is_none_of_these(text):
            picked = "none"
        elif number:
            picked = topics[number - 1]
        article = self._article(picked) if picked in st.offered else None
        if picked == "none":
            self.to_person(turn, "no_answer", None)
        elif article is not None:
            self._offer_article(turn, article, st.offered[picked])
        elif text and (detect_handoff(turn.reading(text)) or len(text.split()) >= DETAIL_WORDS):
            self._more_detail(turn, text)
        else:
            turn.say("choices_again", *self._choice_buttons(turn))

    def _more_detail(self, turn: Turn, text: str) -> None:
        """A typed reply to the offered articles instead of a pick: more about the same
        problem ("нет, там пишет «сертификат недействителен», кэш уже чистил"), or a wish
        for a person. The first message stays what is broken; the reply joins it, gives
        every fact it holds, and the whole is matched again."""
        st = turn.state
        signal = detect_handoff(turn.reading(text))
        fill(st.fields, st.sources, text, "more detail")
        if describes_problem(text) or not (signal and signal.reason == "asked_for_person"):
            st.problem = st.fields["problem"] = f"{st.problem}\n{text}".strip()
        self._take(turn, st.problem, signal, more=True)

    def _titles(self, turn: Turn) -> list[str]:
        titles = []
        for topic in turn.state.offered:
            article = self._article(topic)
            titles.append(article.title_for(turn.lang) if article else topic)
        return titles

    def _choice_buttons(self, turn: Turn) -> list[Button]:
        buttons = [
            Button(label=f"{n}. {title}", payload=FAQ_PREFIX + topic)
            for n, (topic, title) in enumerate(
                zip(turn.state.offered, self._titles(turn), strict=True), 1
            )
        ]
        return [*buttons, turn.button("btn_none", NONE_OF_THESE)]

    @staticmethod
    def _yes_no(turn: Turn) -> tuple[Button, Button]:
        return turn.button("btn_yes", YES), turn.button("btn_no", NO)
