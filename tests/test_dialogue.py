"""The dialogue policy as a pure state machine: every transition, no I/O."""

from __future__ import annotations

from dataclasses import replace

import pytest

from quaidcore.dialogue import (
    AgentReply,
    AgentResolved,
    ClientMessage,
    Emit,
    Forward,
    Handoff,
    HandoffFailed,
    Policy,
    Say,
    Search,
    SearchDone,
    Start,
    State,
    Thresholds,
    Tick,
)
from quaidcore.kb import Bilingual, Examples, KnowledgeBase, Solution
from quaidcore.messages import Prediction, SearchResult
from quaidcore.texts import Texts


def solution(code: str, bot: bool = True) -> Solution:
    text = Bilingual(en=f"answer {code}", fr=f"réponse {code}")
    return Solution(code=code, topic=text, title=Bilingual(en=f"title {code}", fr=f"titre {code}"),
                    answer=text, link=Bilingual(en="https://x.org/en", fr="https://x.org/fr"),
                    examples=Examples(en=["e"] * 12, fr=["f"] * 12), bot=bot)


KB = KnowledgeBase({c: solution(c) for c in ("010101", "010102", "010201")} | {"099999": solution("099999", False)})
POLICY = Policy(KB, Texts(), lambda lang: Thresholds(0.7, 0.4), timeout_s=100)


def msg(text="q", *preds, payload=None, lang="en", at=1.0):
    return ClientMessage(text, lang, at, payload, tuple(Prediction(c, p) for c, p in preds))


def says(actions):
    return [(a.reply.kind, a.reply.code) for a in actions if isinstance(a, Say)]


def emitted(actions):
    return [a.type for a in actions if isinstance(a, Emit)]


def at(stage, **kw):
    return State(stage=stage, **kw)


CASES = [
    # (name, state, event, expected stage, expected replies (kind, code), expected extra action types)
    ("start greets and asks scope", State(), Start("en", 0), "ask_scope",
     [("greeting", None), ("system", None)], []),
    ("own file at scope -> handoff", at("ask_scope"), msg(payload="SCOPE_OWN_FILE"), "handed_off",
     [("handoff", None)], [Handoff]),
    ("own_file intent -> handoff", at("ask_scope"), msg("it's about my file", ("@own_file", 0.9)),
     "handed_off", [("handoff", None)], [Handoff]),
    ("own_file intent without the scope question -> handoff", at("ready"),
     msg("my file is stuck", ("@own_file", 0.6), ("090301", 0.5)), "handed_off", [("handoff", None)], [Handoff]),
    ("client ID placeholder is never answered", at("ready"), msg("[CLIENT_ID] status?", ("010102", 0.99)),
     "handed_off", [("handoff", None)], [Handoff]),
    ("general at scope -> ready", at("ask_scope"), msg(payload="SCOPE_GENERAL"), "ready", [("system", None)], []),
    ("question at scope is classified", at("ask_scope"), msg("eta?", ("010102", 0.9)), "feedback",
     [("answer", "010102"), ("survey", None)], []),
    ("confident -> answer + did it answer", at("ready"), msg("eta?", ("010102", 0.9)), "feedback",
     [("answer", "010102"), ("survey", None)], []),
    ("unsure -> clarify", at("ready"), msg("visa", ("010101", 0.5), ("010201", 0.45), ("010102", 0.1)),
     "clarify", [("clarify", None)], []),
    ("low -> search", at("ready"), msg("what is the weather", ("010101", 0.2)), "searching", [], [Search]),
    ("agents-only solution is never answered", at("ready"), msg("x", ("099999", 0.99)), "searching", [], [Search]),
    ("yes after answer -> resolved", at("feedback", code="010102"), msg(payload="YES"), "ready",
     [("system", None)], []),
    ("no after answer -> search", at("feedback", code="010102", question="q"), msg(payload="NO"),
     "searching", [], [Search]),
    ("'no' typed after answer -> search", at("feedback", code="010102", question="q"),
     msg("no it didn't", ("@no", 0.8)), "searching", [], [Search]),
    ("clarify choice -> answer", at("clarify", candidates=("010101", "010201")),
     msg(payload="CODE:010201"), "feedback", [("answer", "010201"), ("survey", None)], []),
    ("clarify none -> search", at("clarify", candidates=("010101",), question="q"), msg(payload="NONE"),
     "searching", [], [Search]),
    ("search helpful -> resolved", at("search_feedback"), msg(payload="YES"), "ready", [("system", None)], []),
    ("search not helpful -> handoff", at("search_feedback"), msg(payload="NO"), "handed_off",
     [("handoff", None)], [Handoff]),
    ("person mid-flow -> handoff", at("clarify", candidates=("010101",)), msg(payload="PERSON"),
     "handed_off", [("handoff", None)], [Handoff]),
    ("person intent typed -> handoff", at("ready"), msg("agent please", ("@person", 0.95)), "handed_off",
     [("handoff", None)], [Handoff]),
    ("agent owns -> bot silent, forwards", at("handed_off", owner="agent"), msg("hello?", ("010101", 0.99)),
     "handed_off", [], [Forward]),
    ("greeting small talk", at("ready"), msg("hi", ("@greeting", 0.9)), "ready", [("system", None)], []),
    ("survey score -> thanks", at("survey"), msg(payload="SAT:5"), "ready", [("system", None)], []),
]


@pytest.mark.parametrize("name, state, event, stage, replies, extra", CASES, ids=[c[0] for c in CASES])
def test_transition(name, state, event, stage, replies, extra):
    new, actions = POLICY.step(state, event)
    assert new.stage == stage
    assert says(actions) == replies
    for kind in extra:
        assert any(isinstance(a, kind) for a in actions), kind


def test_search_results_offer_pages_then_no_results_hand_off():
    state = at("searching", question="weather")
    results = (SearchResult("Page", "https://x.org/p"),)
    new, actions = POLICY.step(state, SearchDone(results))
    assert new.stage == "search_feedback"
    assert says(actions) == [("fallback", None), ("survey", None)]
    assert next(a.reply.links for a in actions if isinstance(a, Say))[0].url == "https://x.org/p"
    new, actions = POLICY.step(state, SearchDone(()))
    assert new.stage == "handed_off" and any(isinstance(a, Handoff) for a in actions)


def test_agent_reply_and_resolve_then_survey():
    state = at("handed_off", owner="agent")
    new, actions = POLICY.step(state, AgentReply("hello from agent", "010101"))
    assert says(actions) == [("agent", "010101")]
    new, actions = POLICY.step(new, AgentResolved())
    assert new.owner == "bot" and new.stage == "survey" and new.outcome == "resolved_by_agent"
    assert says(actions) == [("survey", None)]
    again, actions = POLICY.step(new, AgentResolved("another agent"))
    assert (again, actions) == (new, []), "resolved twice (both sides of a sync): one survey"
    never, actions = POLICY.step(at("ready"), AgentResolved())
    assert actions == [] and never.owner == "bot" and never.outcome is None


@pytest.mark.parametrize("state, fires", [
    (at("ready", last_activity=0), True),
    (at("clarify", last_activity=0), True),
    (at("ready", last_activity=50), False),
    (at("handed_off", owner="agent", last_activity=0), False),
    (at("ready", last_activity=0, outcome="resolved_by_bot"), False),
    (at("abandoned", last_activity=0), False),
])
def test_inactivity_timeout_abandons(state, fires):
    new, actions = POLICY.step(state, Tick(120))
    assert ("abandoned" in emitted(actions)) is fires
    assert new == (replace(state, stage="abandoned", outcome="abandoned") if fires else state)


def test_language_switch_mid_conversation():
    state, _ = POLICY.step(State(), Start("en", 0))
    state, actions = POLICY.step(state, msg("eta", ("010102", 0.9)))
    assert next(a.reply.text for a in actions if isinstance(a, Say)) == "answer 010102"
    state, actions = POLICY.step(replace(state, stage="ready"), msg("c'est quoi", ("010101", 0.9), lang="fr"))
    assert state.lang == "fr"
    texts = [a.reply.text for a in actions if isinstance(a, Say)]
    assert texts[0] == "réponse 010101" and texts[1] == "Est-ce que cela répond à votre question?"


def test_every_step_is_an_event():
    _, actions = POLICY.step(at("ready"), msg("eta", ("010102", 0.9)))
    assert emitted(actions) == ["message_in", "solution_sent"]
    _, actions = POLICY.step(at("feedback", code="010102"), msg(payload="YES"))
    assert emitted(actions) == ["message_in", "answer_feedback", "resolved"]


def test_state_round_trips_through_json():
    state = State(stage="clarify", lang="fr", candidates=("010101", "010102"), turns=3)
    assert State.from_json(state.to_json()) == state


def test_texts_can_be_overridden():
    texts = Texts({"greeting": {"en": "Hi from the agency"}})
    policy = Policy(KB, texts, lambda lang: Thresholds(0.7, 0.4))
    _, actions = policy.step(State(), Start("en", 0))
    assert actions[1].reply.text == "Hi from the agency"
    with pytest.raises(KeyError, match="no such text"):
        Texts({"nonsense": {"en": "x"}})


def test_out_of_scope_intent_asks_to_rephrase_once_then_searches_instead_of_answering():
    new, actions = POLICY.step(at("ready"), msg("what is the weather", ("@out_of_scope", 0.8), ("010101", 0.75)))
    assert new.stage == "ready" and new.rephrased and says(actions) == [("system", None)]
    assert emitted(actions) == ["message_in", "rephrase"]
    new, actions = POLICY.step(new, msg("what is the weather", ("@out_of_scope", 0.8), ("010101", 0.75)))
    assert new.stage == "searching" and any(isinstance(a, Search) for a in actions)


def test_no_solution_intent_searches_at_once():
    new, actions = POLICY.step(at("ready"), msg("can i sponsor my brother", ("@no_solution", 0.8), ("040201", 0.7)))
    assert new.stage == "searching" and any(isinstance(a, Search) for a in actions)


def test_channel_without_bot_hands_every_conversation_off_silently():
    silent = Policy(KB, Texts(), lambda lang: Thresholds(1, 1), bot=False)
    state, actions = silent.step(State(), Start("en", 0))
    assert says(actions) == [] and emitted(actions) == ["conversation_started"]
    state, actions = silent.step(state, msg("where is my passport", ("100201", 0.99)))
    assert says(actions) == [] and state.owner == "agent"
    assert [a.reason for a in actions if isinstance(a, Handoff)] == ["channel_without_bot"]
    state, actions = silent.step(state, msg("hello?"))
    assert any(isinstance(a, Forward) for a in actions)


def test_failed_handoff_gives_the_conversation_back_to_the_bot():
    new, actions = POLICY.step(at("handed_off", owner="agent"), HandoffFailed())
    assert (new.owner, new.stage) == ("bot", "ready")
    assert says(actions) == [("system", None)] and emitted(actions) == ["handoff_failed"]


def test_state_replace_matches_dataclasses_replace():
    """dialogue.replace (the policy's fast copy of a State) builds what dataclasses.replace
    builds, leaves the original alone and refuses a field State does not have."""
    import dataclasses

    from quaidcore import dialogue

    old = dialogue.State(stage="ready", lang="fr", candidates=("010101",), turns=3)
    new = dialogue.replace(old, stage="clarify", turns=4, rephrased=True)
    assert new == dataclasses.replace(old, stage="clarify", turns=4, rephrased=True)
    assert type(new) is dialogue.State and new is not old
    assert (old.stage, old.turns, old.rephrased) == ("ready", 3, False)
    assert dialogue.State.from_json(new.to_json()) == new
    with pytest.raises(TypeError, match="stag"):
        dialogue.replace(old, stag="typo")
    with pytest.raises(dataclasses.FrozenInstanceError):
        new.stage = "x"  # type: ignore[misc]


def test_answer_margin_answers_a_clear_leader_below_the_answer_threshold():
    """Between the clarify (0.4) and answer (0.7) thresholds, a solution that leads the next
    prediction of any kind by the margin is answered; a closer runner-up, an intent among
    them (here @out_of_scope), or no margin at all still gives "Did you mean"."""
    from quaidcore.dialogue import decide

    def preds(*pairs):
        return tuple(Prediction(c, p) for c, p in pairs)

    yes = lambda code: True  # noqa: E731
    margin = Thresholds(0.7, 0.4, 0.3)
    clear = preds(("010101", 0.65), ("010102", 0.3), ("010201", 0.2))
    assert decide(clear, margin, yes) == ("answer", clear[:1])
    assert decide(clear, Thresholds(0.7, 0.4), yes)[0] == "clarify"          # no margin: as before
    close = preds(("010101", 0.65), ("010102", 0.4))                          # leads by 0.25 < 0.3
    assert decide(close, margin, yes) == ("clarify", close)
    intent = preds(("010101", 0.65), ("@out_of_scope", 0.4), ("010102", 0.2))  # an intent is a rival
    assert decide(intent, margin, yes)[0] == "clarify"
    not_answerable = preds(("010101", 0.65), ("099999", 0.4), ("010102", 0.1))  # so is a bot: false code
    assert decide(not_answerable, margin, lambda code: code != "099999")[0] == "clarify"
    alone = preds(("010101", 0.38))                                            # under the clarify threshold
    assert decide(alone, margin, yes) == ("search", ())
    # through the policy: a French message answered by the margin, an English one clarified
    policy = Policy(KB, Texts(), lambda lang: Thresholds(0.7, 0.4, 0.3 if lang == "fr" else None))
    _, actions = policy.step(at("ready"), msg("q", ("010102", 0.62), ("010101", 0.3), lang="fr"))
    assert says(actions)[0] == ("answer", "010102")
    assert [a.data["confidence"] for a in actions if isinstance(a, Emit) and a.type == "solution_sent"] == [0.62]
    _, actions = policy.step(at("ready"), msg("q", ("010102", 0.62), ("010101", 0.3)))
    assert says(actions)[0][0] == "clarify"


def test_answer_margin_is_read_from_the_config_per_language():
    from quaidcore.brains import _thresholds
    from quaidcore.config import BrainConfig

    brain = BrainConfig.model_validate({"nlu": "fasttext", "thresholds_by_backend": {"fasttext": {
        "answer_threshold": 0.86, "clarify_threshold": 0.32, "answer_margin": 0.4,
        "languages": {"en": {"answer_threshold": 0.56, "clarify_threshold": 0.32},
                      "fr": {"answer_threshold": 0.8, "clarify_threshold": 0.36, "answer_margin": 0.32}}}}})
    limits = _thresholds(brain)
    assert limits("fr") == Thresholds(0.8, 0.36, 0.32)
    assert limits("en") == Thresholds(0.56, 0.32, None)   # a language's own pair: no margin unless set
    assert limits("de") == Thresholds(0.86, 0.32, 0.4)    # the backend's pair, with its margin
    with pytest.raises(ValueError):
        BrainConfig.model_validate({"nlu": "fasttext", "thresholds_by_backend": {"fasttext": {
            "answer_threshold": 0.8, "clarify_threshold": 0.3, "answer_margin": 1.5}}})
