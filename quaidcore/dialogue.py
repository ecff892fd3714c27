"""The conversation policy: a pure state machine, ``(state, event) -> (state, actions)``.

No I/O here. The runtime feeds events in (a client's message with the NLU's predictions
already computed, search results, an agent's reply...) and carries out the actions that
come back (say something, search, hand off, emit an analytics event).

Stages::

    new ─Start→ ask_scope ─general→ ready ─question→ feedback | clarify | searching
    searching ─results→ search_feedback ─no→ handed_off ─resolved→ survey → ready
    any stage ─"talk to a person" / own file→ handed_off;  inactivity → abandoned

Own file: a typed message that holds a client ID or an application number (redaction has
already replaced them with ``[CLIENT_ID]`` / ``[APPLICATION_NUMBER]``), or whose ``@own_file``
prediction reaches the clarify threshold and outranks every solution, is handed to an agent
with reason ``own_file`` at any stage, whether or not the client answered the scope question:
only an agent can look at one client's file, so it is never answered with a general solution.

Off-topic and nonsense: a message whose top prediction is ``@out_of_scope`` (off-topic, or another
department's or government's service) gets a polite "I can only help with visiting, working,
studying, immigrating, citizenship and passports — could you rephrase?" with the main topics
as quick replies, once; a second such message in a row goes to the fallback search (then a
handoff when the search finds nothing, as for any unanswered question). ``@no_solution``
(immigration, but no solution answers it) goes to the fallback search at once. Gibberish (no
letters at all, or no word the knowledge base knows, and no solution predicted at the clarify
threshold) gets "I didn't understand" with the topics, never a greeting, a search or a ticket.
A topic button lists a few of its solutions as a "Did you mean" menu.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .cues import other_service_cue, own_file_cue
from .frozen import quick_init
from .kb import INTENT_PREFIX, KnowledgeBase
from .messages import Link, Prediction, QuickReply, Reply, SearchResult
from .text import normalize
from .texts import Texts

# Quick-reply payloads: stable strings that channels send back.
SCOPE_GENERAL = "SCOPE_GENERAL"
TOPIC_PREFIX = "TOPIC:"
SCOPE_OWN_FILE = "SCOPE_OWN_FILE"
YES, NO, NONE, PERSON = "YES", "NO", "NONE", "PERSON"
CODE_PREFIX, SAT_PREFIX = "CODE:", "SAT:"
OUT_OF_SCOPE = INTENT_PREFIX + "out_of_scope"  # trained on messages no solution answers
OWN_FILE = INTENT_PREFIX + "own_file"  # trained on messages about one client's own application
NO_SOLUTION = INTENT_PREFIX + "no_solution"  # immigration questions no solution answers
# Placeholders that redaction leaves for identifiers of one client's file.
OWN_FILE_PLACEHOLDERS = ("[CLIENT_ID]", "[APPLICATION_NUMBER]")

# The main topics offered as quick replies when the bot asks to rephrase: (name, lines of
# business). The texts ``topic_<name>`` are the buttons' titles.
TOPICS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("visit", ("01",)), ("work", ("02",)), ("study", ("05",)),
    ("immigrate", ("03", "04", "07", "08")), ("citizenship", ("06",)), ("passports", ("10",)),
)
TOPIC_MENU_SIZE = 8  # solutions listed for a topic (Messenger shows at most 13 quick replies)

ACTIVE = {"ask_scope", "ready", "feedback", "clarify", "searching", "search_feedback", "survey"}


@quick_init
@dataclass(frozen=True)
class State:
    """Everything the policy remembers of a conversation (persisted after every turn)."""

    stage: str = "new"
    lang: str = "en"
    owner: str = "bot"
    question: str = ""
    code: str | None = None
    candidates: tuple[str, ...] = ()
    outcome: str | None = None
    last_activity: float = 0.0
    turns: int = 0
    rephrased: bool = False  # the last turn asked the client to rephrase (off-topic, not understood)

    def to_json(self) -> dict[str, Any]:
        """A JSON-able dict (for the store)."""
        data = self.__dict__.copy()
        data["candidates"] = list(self.candidates)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> State:
        """Inverse of :meth:`to_json`; unknown keys are ignored."""
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known["candidates"] = tuple(known.get("candidates", ()))
        return cls(**known)


def replace(state: State, **changes: Any) -> State:
    """``dataclasses.replace`` for :class:`State`, without its generic machinery (it was
    ~40 % of the policy's time: every step replaces the state once or twice). State has no
    ``__post_init__`` and no field outside ``__init__``, so a copy of its ``__dict__`` is
    the same object ``replace`` builds; an unknown field is still a TypeError."""
    if not _STATE_FIELDS.issuperset(changes):  # (no set made when every name is a field)
        raise TypeError(f"State has no field {sorted(changes.keys() - _STATE_FIELDS)[0]!r}")
    new = object.__new__(State)
    values = new.__dict__
    values.update(state.__dict__)
    values.update(changes)
    return new


_STATE_FIELDS = frozenset(State.__dataclass_fields__)


# Events -------------------------------------------------------------------------------


@quick_init
@dataclass(frozen=True)
class Start:
    """A new conversation opens."""

    lang: str
    at: float


@quick_init
@dataclass(frozen=True)
class ClientMessage:
    """A client's (redacted) message, or a quick-reply payload, with NLU predictions."""

    text: str
    lang: str
    at: float
    payload: str | None = None
    predictions: tuple[Prediction, ...] = ()


@quick_init
@dataclass(frozen=True)
class SearchDone:
    """The fallback search's results for the last question."""

    results: tuple[SearchResult, ...]


@quick_init
@dataclass(frozen=True)
class AgentReply:
    """An agent answered the client (free text or a canned solution)."""

    text: str
    code: str | None = None
    agent: str | None = None


@quick_init
@dataclass(frozen=True)
class AgentResolved:
    """The agent resolved the ticket."""

    agent: str | None = None


@quick_init
@dataclass(frozen=True)
class HandoffRequested:
    """A plugin hands the conversation to people (a channel's "talk to a person" button,
    a rule of its own); ignored while an agent already owns the conversation."""

    reason: str


@quick_init
@dataclass(frozen=True)
class Released:
    """The handoff target gives the conversation back to the bot without a survey (a ticket
    closed as spam, a client waiting outside business hours); an agent's reply takes it again."""


@quick_init
@dataclass(frozen=True)
class HandoffFailed:
    """No handoff target took the conversation (none configured, or it failed)."""


@quick_init
@dataclass(frozen=True)
class Tick:
    """Time passes: used to abandon inactive conversations."""

    now: float


# Actions ------------------------------------------------------------------------------


@quick_init
@dataclass(frozen=True)
class Say:
    """Send a reply to the client (`agent`: who wrote it, for an agent's reply)."""

    reply: Reply
    agent: str | None = None


@quick_init
@dataclass(frozen=True)
class Search:
    """Run the fallback search and feed the results back as :class:`SearchDone`."""

    query: str
    lang: str


@quick_init
@dataclass(frozen=True)
class Handoff:
    """Hand the conversation to people (the policy already told the client)."""

    reason: str
    candidates: tuple[Prediction, ...] = ()


@quick_init
@dataclass(frozen=True)
class Forward:
    """Pass a client's message to the agent who owns the conversation."""

    text: str


@quick_init
@dataclass(frozen=True)
class Emit:
    """Record an analytics event."""

    type: str
    data: dict[str, Any] = field(default_factory=dict)


Action = Say | Search | Handoff | Forward | Emit


@quick_init
@dataclass(frozen=True)
class Thresholds:
    """The one visible pair of thresholds, and the optional answer margin: a best solution
    between the clarify and the answer threshold is answered when it leads the next
    prediction of any kind (another solution, ``@out_of_scope``, ``@own_file``...) by at least
    `margin` (None: never below the answer threshold)."""

    answer: float
    clarify: float
    margin: float | None = None


def own_file_predicted(predictions: Sequence[Prediction], clarify: float) -> bool:
    """``@own_file`` reaches `clarify` and no solution is predicted with more confidence."""
    own = next((p for p in predictions if p.code == OWN_FILE), None)
    if own is None or own.confidence < clarify:
        return False
    return all(p.confidence <= own.confidence for p in predictions if not p.code.startswith(INTENT_PREFIX))


def has_file_identifier(text: str) -> bool:
    """The (redacted) text holds a client ID or an application number placeholder."""
    return any(mark in text for mark in OWN_FILE_PLACEHOLDERS)


REPHRASE_EVENTS = ("rephrase", "not_understood")
# Frequent English and French words (normalised: no accents): a message with one of them is
# language, not gibberish, even when the knowledge base is small (the starter KB has five
# solutions).
_COMMON = """
a about after all also am an and any are as ask at be because been before but by can could
did do does dont for from get go going good got had has have he her here him his how i if im
in into is it its just know like me more most my need no not now of on one only or other our
out please she should so some still tell than thank thanks that the their them then there
these they this to too up us very want was we well were what when where which who why will
with would yes you your hi hello hey ok okay bye
a ai au aussi aux avec avoir bien bon ca ce cela ces cest cette comme comment dans de des
dois donc du elle en est et etre faire faut il ils j je jai la le les leur lui ma mais me mes
moi mon ne nest non nous on ont ou oui par pas peut peux plus pour pourquoi puis quand que
quel quelle qui sa se ses si son sont sur ta te tes toi ton tu un une vos votre vous y
bonjour salut allo merci
"""
COMMON_WORDS = frozenset(_COMMON.split())
_WORD = re.compile(r"[^\W\d_]+")
_PLACEHOLDER = re.compile(r"\[[A-Z_]+\]")


class Vocabulary:
    """The words a knowledge base knows (its examples, titles and answers, normalised), and
    every word one deletion away from a known word of five letters or more, so that a typo
    ("pasport", "biometircs") is still a known word."""

    def __init__(self, words: set[str]) -> None:
        self.words = words
        self.deletes = {_delete(w, i) for w in words if len(w) >= 5 for i in range(len(w))}

    @classmethod
    def of(cls, kb: KnowledgeBase) -> Vocabulary:
        """The vocabulary of `kb` (both languages)."""
        texts: list[str] = []
        for solution in kb.solutions.values():
            for lang in ("en", "fr"):
                texts.extend(getattr(solution.examples, lang))
                texts += [solution.title.get(lang), solution.answer.get(lang), solution.topic.get(lang)]
        for intent in kb.intents.values():
            for examples in intent.examples.values():
                texts.extend(examples)
        words = set(COMMON_WORDS)
        for text in texts:
            words.update(_words_of(text))
        return cls(words)

    def knows(self, word: str) -> bool:
        """`word` (normalised) is known, or one typo away from a known word."""
        if word in self.words:
            return True
        if len(word) < 5:
            return False
        return word in self.deletes or any(
            _delete(word, i) in self.words or _delete(word, i) in self.deletes for i in range(len(word)))


@functools.lru_cache(maxsize=32768)
def _words_of(text: str | None) -> tuple[str, ...]:
    """The normalised words of one KB text; cached, since every brain's policy reads the same
    texts at start-up (4 policies over ~7,000 examples: ~0.5 s)."""
    return tuple(_WORD.findall(normalize(text))) if text else ()


def _delete(word: str, index: int) -> str:
    return word[:index] + word[index + 1:]


def decide(predictions: Sequence[Prediction], limits: Thresholds,
           answerable: Callable[[str], bool], text: str = "") -> tuple[str, tuple[Prediction, ...]]:
    """The classification step of the policy, shared with ``quaid calibrate``.

    ``("own_file", ())`` when ``@own_file`` reaches the clarify threshold and outranks every
    solution; ``("off_topic", ())`` when the top prediction is ``@out_of_scope`` (at any
    confidence: nothing is more likely); ``("search", ())`` when it is ``@no_solution``;
    ``("answer", (top,))`` when the best solution reaches the answer threshold, or reaches the
    clarify threshold and leads the next prediction of any kind by at least ``limits.margin``
    (or, with a margin set, is clearly ahead in a long message: :func:`clearly_ahead_in_a_story`);
    ``("clarify", top 2-3)`` when it reaches the clarify threshold; else ``("search", ())``.
    The message's `text`, when given, comes first: own-file phrasings (``cues.own_file_cue``)
    give ``own_file`` and other departments' or countries' services (``cues.other_service_cue``)
    ``off_topic``, whatever the predictions.
    """
    if own_file_predicted(predictions, limits.clarify) or (text and own_file_cue(text)):
        return "own_file", ()
    if text and other_service_cue(text):
        return "off_topic", ()
    if predictions and predictions[0].code == OUT_OF_SCOPE:
        return "off_topic", ()  # at any confidence: no solution is predicted higher
    if predictions and predictions[0].code == NO_SOLUTION:
        return "search", ()
    solutions = [p for p in predictions if not p.code.startswith(INTENT_PREFIX) and answerable(p.code)]
    if solutions and solutions[0].confidence >= limits.answer:
        return "answer", (solutions[0],)
    if solutions and solutions[0].confidence >= limits.clarify:
        if limits.margin is not None and lead(predictions, solutions[0]) >= limits.margin:
            return "answer", (solutions[0],)
        if limits.margin is not None and clearly_ahead_in_a_story(predictions, solutions[0], text):
            return "answer", (solutions[0],)
        floor = limits.clarify * 0.5
        return "clarify", tuple(p for p in solutions[:3] if p.confidence >= floor)
    return "search", ()


# A story dilutes every confidence (fastText averages its words): a message of LONG_WORDS words or
# more whose best solution reaches LONG_CONFIDENCE and LONG_RATIO times the next prediction of any
# kind is answered too, where the brain answers by a margin at all (NLU round 12,
# config/eval/README.md: over the 25 other eval files 36 more right answers, no wrong one). The
# story's words also feed the intents (@no_solution, @out_of_scope, @own_file: who writes, for whom,
# from where) more than another solution, which is what a second subject looks like: a best solution
# LONG_SOLUTION_RATIO times the next solution and LONG_INTENT_RATIO times the next intent is clearly
# ahead too (NLU round 13: no wrong nor out-of-scope answer added with seeds 0, 1 and 2's models).
LONG_WORDS, LONG_CONFIDENCE, LONG_RATIO = 15, 0.40, 1.75
LONG_SOLUTION_RATIO, LONG_INTENT_RATIO = 1.8, 1.3


def clearly_ahead_in_a_story(predictions: Sequence[Prediction], top: Prediction, text: str) -> bool:
    """`top` (one of `predictions`) reaches ``LONG_CONFIDENCE``, in a message of ``LONG_WORDS``
    words or more, and ``LONG_RATIO`` times the next most confident prediction of any kind, or
    ``LONG_SOLUTION_RATIO`` times the next solution and ``LONG_INTENT_RATIO`` times the next intent."""
    if len(text.split()) < LONG_WORDS or top.confidence < LONG_CONFIDENCE:
        return False
    solution = intent = 0.0
    for p in predictions:
        if p is top:
            continue
        if p.code.startswith(INTENT_PREFIX):
            intent = max(intent, p.confidence)
        else:
            solution = max(solution, p.confidence)
    confidence = top.confidence
    return confidence >= LONG_RATIO * max(solution, intent) or (
        confidence >= LONG_SOLUTION_RATIO * solution and confidence >= LONG_INTENT_RATIO * intent)


def lead(predictions: Sequence[Prediction], top: Prediction) -> float:
    """How far `top` (one of `predictions`) leads the next most confident prediction of any
    kind: a solution, not answerable ones included, or an intent (``@out_of_scope``...)."""
    return top.confidence - max((p.confidence for p in predictions if p is not top), default=0.0)


class Policy:
    """The dialogue policy over a knowledge base, bilingual texts and thresholds."""

    def __init__(self, kb: KnowledgeBase, texts: Texts,
                 thresholds: Callable[[str], Thresholds], timeout_s: float = 1800,
                 ask_scope: bool = True, terms_url: dict[str, str] | None = None,
                 bot: bool = True) -> None:
        self.kb, self.texts, self.thresholds = kb, texts, thresholds
        self.timeout_s, self.ask_scope, self.bot = timeout_s, ask_scope, bot
        self.terms_url = terms_url or {}
        self.vocabulary = Vocabulary.of(kb)
        self._topic_cache: dict[str, tuple[str, ...]] = {}

    def step(self, state: State, event: Any) -> tuple[State, list[Action]]:
        """The policy itself: the next state and what to do."""
        if isinstance(event, Start):
            return self._start(state, event)
        if isinstance(event, ClientMessage):
            return self._client(state, event)
        if isinstance(event, SearchDone):
            return self._search_done(state, event)
        if isinstance(event, AgentReply):
            return self._agent_reply(state, event)
        if isinstance(event, AgentResolved):
            return self._agent_resolved(state, event)
        if isinstance(event, HandoffRequested):
            if state.owner == "agent":
                return state, []
            return self._handoff(state, event.reason, ())
        if isinstance(event, Tick):
            return self._tick(state, event)
        if isinstance(event, HandoffFailed):
            return self._handoff_failed(state)
        if isinstance(event, Released):
            return self._released(state)
        raise TypeError(f"unknown event {event!r}")

    # -- opening -------------------------------------------------------------------

    def _start(self, state: State, event: Start) -> tuple[State, list[Action]]:
        if not self.bot:
            return replace(state, stage="ready", lang=event.lang, last_activity=event.at), [
                Emit("conversation_started", {"lang": event.lang})]
        t = self.texts.for_lang(event.lang)
        terms = self.terms_url.get(event.lang) or self.terms_url.get("en")
        greeting = Reply(t("greeting"), "greeting",
                         links=(Link(t("terms_title"), terms),) if terms else ())
        actions: list[Action] = [Emit("conversation_started", {"lang": event.lang}), Say(greeting)]
        stage = "ready"
        if self.ask_scope:
            actions.append(Say(Reply(t("ask_scope"), "system", quick_replies=(
                QuickReply(t("scope_general"), SCOPE_GENERAL),
                QuickReply(t("scope_own_file"), SCOPE_OWN_FILE)))))
            stage = "ask_scope"
        return replace(state, stage=stage, lang=event.lang, last_activity=event.at), actions

    # -- client messages ------------------------------------------------------------

    def _client(self, state: State, event: ClientMessage) -> tuple[State, list[Action]]:
        state = replace(state, lang=event.lang or state.lang, last_activity=event.at,
                        turns=state.turns + 1)
        incoming = Emit("message_in", {"text": event.text, "lang": state.lang,
                                       "payload": event.payload, "stage": state.stage})
        if state.owner == "agent":
            return state, [incoming, Forward(event.text or event.payload or "")]
        if not self.bot:  # a channel without a bot: every conversation is a ticket, silently
            return replace(state, stage="handed_off", owner="agent"), [
                incoming, Handoff("channel_without_bot"), Emit("handoff", {"reason": "channel_without_bot"})]
        if state.stage in ("abandoned", "new"):
            state = replace(state, stage="ready", outcome=None)
        intent = self._intent(event)
        if not event.payload and event.text.strip() and self.gibberish(
                event.text, event.predictions, self.thresholds(state.lang)):
            new, actions = self._not_understood(state)  # whatever intent the NLU made of it
            return new, [incoming, *actions]
        if intent == PERSON:
            new, actions = self._handoff(state, "asked_for_person", event.predictions)
            return new, [incoming, *actions]
        if not event.payload and self.about_own_file(event.text, event.predictions, state.lang):
            new, actions = self._handoff(state, "own_file", ())
            return new, [incoming, *actions]
        handler = {
            "ask_scope": self._on_scope, "feedback": self._on_feedback,
            "clarify": self._on_clarify, "search_feedback": self._on_search_feedback,
            "survey": self._on_survey,
        }.get(state.stage, self._on_question)
        new, actions = handler(state, event, intent)
        if new.rephrased and not any(isinstance(a, Emit) and a.type in REPHRASE_EVENTS for a in actions):
            new = replace(new, rephrased=False)  # understood: the next off-topic message asks again
        return new, [incoming, *actions]

    def _intent(self, event: ClientMessage) -> str | None:
        """A payload, or a system intent the NLU is sure enough of (``YES``, ``PERSON``...)."""
        if event.payload:
            return event.payload
        if not event.predictions:
            return None
        top = event.predictions[0]
        if top.code.startswith(INTENT_PREFIX) and top.confidence >= self.thresholds(event.lang).clarify:
            return top.code[len(INTENT_PREFIX):].upper()
        return None

    def about_own_file(self, text: str, predictions: Sequence[Prediction], lang: str) -> bool:
        """True when a typed message is about the client's own file: it holds a client ID or
        application number placeholder or an own-file phrasing (``cues.own_file_cue``), or
        ``@own_file`` reaches the clarify threshold and no solution is predicted with more confidence."""
        return (has_file_identifier(text) or own_file_predicted(predictions, self.thresholds(lang).clarify)
                or own_file_cue(text))

    def _on_scope(self, state: State, event: ClientMessage, intent: str | None):
        if intent in (SCOPE_OWN_FILE, "OWN_FILE"):
            return self._handoff(state, "own_file", ())
        if intent in (SCOPE_GENERAL, YES):
            t = self.texts.for_lang(state.lang)
            return replace(state, stage="ready"), [Say(Reply(t("ask_question"), "system"))]
        return self._on_question(state, event, intent)

    def _on_feedback(self, state: State, event: ClientMessage, intent: str | None):
        if intent == YES:
            return self._resolved_by_bot(state, "answer_feedback", {"helpful": True, "code": state.code})
        if intent == NO:
            emit = Emit("answer_feedback", {"helpful": False, "code": state.code})
            new, actions = self._search(state)
            return new, [emit, *actions]
        return self._on_question(state, event, intent)

    def _on_clarify(self, state: State, event: ClientMessage, intent: str | None):
        if intent and intent.startswith(CODE_PREFIX):
            code = intent[len(CODE_PREFIX):]
            if code in state.candidates and self.kb.get(code):
                emit = Emit("clarification_chosen", {"code": code})
                new, actions = self._answer(state, code, None)
                return new, [emit, *actions]
        if intent in (NONE, NO):
            emit = Emit("clarification_chosen", {"code": None})
            if not state.question:  # a topic's menu: nothing to search for
                t = self.texts.for_lang(state.lang)
                return replace(state, stage="ready", candidates=()), [emit, Say(Reply(t("ask_question"), "system"))]
            new, actions = self._search(state)
            return new, [emit, *actions]
        return self._on_question(state, event, intent)

    def _on_search_feedback(self, state: State, event: ClientMessage, intent: str | None):
        if intent == YES:
            return self._resolved_by_bot(state, "search_feedback", {"helpful": True})
        if intent == NO:
            new, actions = self._handoff(state, "search_not_helpful", ())
            return new, [Emit("search_feedback", {"helpful": False}), *actions]
        return self._on_question(state, event, intent)

    def _on_survey(self, state: State, event: ClientMessage, intent: str | None):
        if intent and intent.startswith(SAT_PREFIX) and intent[len(SAT_PREFIX):].isdigit():
            score = max(1, min(5, int(intent[len(SAT_PREFIX):])))
            t = self.texts.for_lang(state.lang)
            return replace(state, stage="ready"), [
                Emit("satisfaction", {"score": score}), Say(Reply(t("survey_thanks"), "system"))]
        return self._on_question(state, event, intent)

    def _on_question(self, state: State, event: ClientMessage, intent: str | None):
        t = self.texts.for_lang(state.lang)
        small_talk = {"GREETING": "hello_again", "THANKS": "welcome", "GOODBYE": "goodbye",
                      "YES": "ask_question", "NO": "ask_question"}
        if intent and intent.startswith(TOPIC_PREFIX):
            return self._topic(state, intent[len(TOPIC_PREFIX):])
        limits = self.thresholds(state.lang)
        if intent in small_talk:
            return replace(state, stage="ready"), [Say(Reply(t(small_talk[intent]), "system"))]
        if not event.text.strip():
            return replace(state, stage="ready"), [Say(Reply(t("ask_question"), "system"))]
        state = replace(state, question=event.text)
        step, chosen = decide(event.predictions, limits, self.answerable, event.text)
        if step == "own_file":
            return self._handoff(state, "own_file", ())
        if step == "off_topic":
            if not state.rephrased:
                return self._rephrase(state)
            return self._search(state)
        if step == "answer":
            return self._answer(state, chosen[0].code, chosen[0].confidence)
        if step == "clarify":
            return self._clarify(state, chosen)
        return self._search(state)

    def gibberish(self, text: str, predictions: Sequence[Prediction], limits: Thresholds) -> bool:
        """No letters at all (``?``, ``:)``, ``...``); or no word the knowledge base knows
        while no solution is predicted at the clarify threshold (``asdkjh qwe``)."""
        if _PLACEHOLDER.search(text):  # something redaction masked: an e-mail, a phone, an ID...
            return False
        words = _WORD.findall(normalize(text))
        if not words:
            return True
        if any(p.confidence >= limits.clarify for p in predictions if not p.code.startswith(INTENT_PREFIX)):
            return False
        return not any(self.vocabulary.knows(word) for word in words)

    def answerable(self, code: str) -> bool:
        """True when the bot may answer `code` on its own (in this KB, `bot: true`)."""
        solution = self.kb.get(code)
        return bool(solution and solution.bot)

    # -- steps ---------------------------------------------------------------------

    def _answer(self, state: State, code: str, confidence: float | None):
        solution = self.kb.solutions[code]
        lang, t = state.lang, self.texts.for_lang(state.lang)
        answer = Reply(solution.answer.get(lang), "answer", code=code,
                       links=(Link(solution.title.get(lang), solution.link.get(lang)),))
        ask = Reply(t("did_it_answer"), "survey", quick_replies=self._yes_no(t))
        emit = Emit("solution_sent", {"code": code, "by": "bot", "confidence": confidence})
        return replace(state, stage="feedback", code=code, candidates=()), [emit, Say(answer), Say(ask)]

    def _clarify(self, state: State, choices: Sequence[Prediction]):
        lang, t = state.lang, self.texts.for_lang(state.lang)
        buttons = tuple(QuickReply(self.kb.solutions[p.code].title.get(lang), CODE_PREFIX + p.code)
                        for p in choices)
        reply = Reply(t("clarify"), "clarify", quick_replies=(*buttons, QuickReply(t("none_of_these"), NONE)))
        codes = tuple(p.code for p in choices)
        emit = Emit("clarification", {"candidates": list(codes)})
        return replace(state, stage="clarify", candidates=codes), [emit, Say(reply)]

    def _topics(self, t: Callable[[str], str]) -> tuple[QuickReply, ...]:
        return tuple(QuickReply(t(f"topic_{name}"), TOPIC_PREFIX + name) for name, _ in TOPICS
                     if self._topic_codes(name))

    def _topic_codes(self, name: str) -> tuple[str, ...]:
        """Up to TOPIC_MENU_SIZE answerable solutions of a topic, one line of business at a
        time in turn (so that every line of a broad topic shows). Computed once per policy:
        the KB a policy serves does not change (a retrained KB gets a policy of its own)."""
        codes = self._topic_cache.get(name)
        if codes is None:
            codes = self._topic_cache[name] = tuple(self._topic_codes_of(name))
        return codes

    def _topic_codes_of(self, name: str) -> list[str]:
        lines = dict(TOPICS).get(name, ())
        by_line = [[c for c in sorted(self.kb.solutions) if self.kb.solutions[c].line_of_business == line
                    and self.answerable(c)] for line in lines]
        codes: list[str] = []
        for rank in range(max((len(group) for group in by_line), default=0)):
            codes.extend(group[rank] for group in by_line if rank < len(group))
        return codes[:TOPIC_MENU_SIZE]

    def _rephrase(self, state: State):
        t = self.texts.for_lang(state.lang)
        reply = Reply(t("off_topic"), "system", quick_replies=self._topics(t))
        return replace(state, stage="ready", rephrased=True, candidates=()), [
            Emit("rephrase", {"why": "off_topic"}), Say(reply)]

    def _not_understood(self, state: State):
        t = self.texts.for_lang(state.lang)
        reply = Reply(t("not_understood"), "system", quick_replies=self._topics(t))
        return replace(state, stage="ready", rephrased=True, candidates=()), [
            Emit("not_understood", {}), Say(reply)]

    def _topic(self, state: State, name: str):
        codes = self._topic_codes(name)
        t = self.texts.for_lang(state.lang)
        if not codes:
            return replace(state, stage="ready"), [Say(Reply(t("ask_question"), "system"))]
        lang = state.lang
        buttons = tuple(QuickReply(self.kb.solutions[c].title.get(lang), CODE_PREFIX + c) for c in codes)
        reply = Reply(t("topic_menu"), "clarify", quick_replies=(*buttons, QuickReply(t("none_of_these"), NONE)))
        return replace(state, stage="clarify", candidates=tuple(codes), question=""), [
            Emit("topic_chosen", {"topic": name}), Say(reply)]

    def _search(self, state: State):
        return replace(state, stage="searching"), [Search(state.question, state.lang)]

    def _search_done(self, state: State, event: SearchDone) -> tuple[State, list[Action]]:
        if state.stage != "searching":
            return state, []
        if not event.results:
            return self._handoff(state, "no_answer", ())
        t = self.texts.for_lang(state.lang)
        links = tuple(Link(r.title, r.url) for r in event.results[:3])
        offer = Reply(t("fallback"), "fallback", links=links)
        ask = Reply(t("was_it_helpful"), "survey", quick_replies=self._yes_no(t))
        emit = Emit("fallback_offered", {"urls": [r.url for r in event.results[:3]]})
        return replace(state, stage="search_feedback"), [emit, Say(offer), Say(ask)]

    def _handoff(self, state: State, reason: str, candidates: Sequence[Prediction]):
        t = self.texts.for_lang(state.lang)
        text = t("handoff_own_file") if reason == "own_file" else t("handoff")
        solutions = tuple(p for p in candidates if not p.code.startswith(INTENT_PREFIX))
        return replace(state, stage="handed_off", owner="agent"), [
            Say(Reply(text, "handoff")), Handoff(reason, solutions),
            Emit("handoff", {"reason": reason})]

    def _handoff_failed(self, state: State) -> tuple[State, list[Action]]:
        if not self.bot:  # a channel without a bot keeps its messages for the agents
            return state, [Emit("handoff_failed", {})]
        t = self.texts.for_lang(state.lang)
        return replace(state, stage="ready", owner="bot"), [
            Emit("handoff_failed", {}), Say(Reply(t("handoff_unavailable"), "system"))]

    def _released(self, state: State) -> tuple[State, list[Action]]:
        if not self.bot or state.owner != "agent":  # nothing to give back
            return state, []
        return replace(state, stage="ready", owner="bot", candidates=()), [Emit("released", {})]

    def _resolved_by_bot(self, state: State, event: str, data: dict[str, Any]):
        t = self.texts.for_lang(state.lang)
        return replace(state, stage="ready", outcome="resolved_by_bot"), [
            Emit(event, data), Emit("resolved", {"by": "bot", "code": state.code}),
            Say(Reply(t("glad"), "system"))]

    # -- agents and time -------------------------------------------------------------

    def _agent_reply(self, state: State, event: AgentReply) -> tuple[State, list[Action]]:
        reply = Reply(event.text, "agent", code=event.code)
        emit = Emit("solution_sent", {"code": event.code, "by": "agent", "agent": event.agent})
        return replace(state, owner="agent", stage="handed_off"), [emit, Say(reply, event.agent)]

    def _agent_resolved(self, state: State, event: AgentResolved) -> tuple[State, list[Action]]:
        if state.owner != "agent":  # resolved already (or never handed off): one survey only
            return state, []
        t = self.texts.for_lang(state.lang)
        buttons = tuple(QuickReply(str(n), f"{SAT_PREFIX}{n}") for n in range(1, 6))
        return replace(state, owner="bot", stage="survey", outcome="resolved_by_agent"), [
            Emit("resolved", {"by": "agent", "agent": event.agent}), Say(Reply(t("survey"), "survey", quick_replies=buttons))]

    def _tick(self, state: State, event: Tick) -> tuple[State, list[Action]]:
        idle = event.now - state.last_activity >= self.timeout_s
        if not idle or state.owner == "agent" or state.outcome or state.stage not in ACTIVE:
            return state, []
        return replace(state, stage="abandoned", outcome="abandoned"), [
            Emit("abandoned", {"stage": state.stage})]

    @staticmethod
    def _yes_no(t: Callable[[str], str]) -> tuple[QuickReply, ...]:
        return (QuickReply(t("yes"), YES), QuickReply(t("no"), NO))
