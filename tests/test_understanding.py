"""Understanding (issue 12): own-file messages, off-topic and nonsense.

The policy is tested as a pure state machine (events in, actions out); a few end-to-end
checks run the demo KB through the real pipeline (redaction, fastText, the policy).
"""

from __future__ import annotations

import pytest

from quaidcore.dialogue import (
    ClientMessage,
    Emit,
    Handoff,
    Policy,
    Say,
    Search,
    Start,
    State,
    Thresholds,
)
from quaidcore.kb import Bilingual, Examples, KnowledgeBase, Solution
from quaidcore.messages import Prediction
from quaidcore.texts import Texts


def solution(code: str) -> Solution:
    text = Bilingual(en=f"answer {code}", fr=f"réponse {code}")
    return Solution(code=code, topic=text, title=Bilingual(en=f"title {code}", fr=f"titre {code}"),
                    answer=text, link=Bilingual(en="https://x.org/en", fr="https://x.org/fr"),
                    examples=Examples(en=["e"] * 12, fr=["f"] * 12), bot=True)


CODES = ("010101", "010102", "020101", "050501", "060101", "090301", "100101")
KB = KnowledgeBase({c: solution(c) for c in CODES})
POLICY = Policy(KB, Texts(), lambda lang: Thresholds(0.7, 0.4), timeout_s=100)


def msg(text="q", *preds, payload=None, lang="en"):
    return ClientMessage(text, lang, 1.0, payload, tuple(Prediction(c, p) for c, p in preds))


def says(actions):
    return [(a.reply.kind, a.reply.code) for a in actions if isinstance(a, Say)]


def handoffs(actions):
    return [a.reason for a in actions if isinstance(a, Handoff)]


# -- own file ------------------------------------------------------------------------------

@pytest.mark.parametrize("stage", ["ask_scope", "ready", "feedback", "clarify", "search_feedback", "survey"])
def test_own_file_intent_hands_off_at_any_stage(stage):
    state = State(stage=stage, code="090301", candidates=("090301",))
    new, actions = POLICY.step(state, msg("my pr file is stuck since march", ("@own_file", 0.8), ("090301", 0.5)))
    assert handoffs(actions) == ["own_file"] and new.stage == "handed_off" and new.owner == "agent"
    assert says(actions) == [("handoff", None)]
    assert next(a.reply.text for a in actions if isinstance(a, Say)) == Texts().get("handoff_own_file", "en")


def test_own_file_without_the_scope_question():
    """A client who skips the scope question and types about their file is handed off."""
    state, _ = POLICY.step(State(), Start("fr", 0))
    assert state.stage == "ask_scope"
    _, actions = POLICY.step(state, msg("mon dossier est bloqué depuis 6 mois", ("@own_file", 0.6),
                                          ("090301", 0.45), lang="fr"))
    assert handoffs(actions) == ["own_file"]
    assert next(a.reply.text for a in actions if isinstance(a, Say)) == Texts().get("handoff_own_file", "fr")
    no_scope = Policy(KB, Texts(), lambda lang: Thresholds(0.7, 0.4), ask_scope=False)
    state, _ = no_scope.step(State(), Start("en", 0))
    assert state.stage == "ready"
    _, actions = no_scope.step(state, msg("still nothing on my work permit", ("@own_file", 0.55)))
    assert handoffs(actions) == ["own_file"]


@pytest.mark.parametrize("text", [
    "my uci is [CLIENT_ID], how do i check my status",
    "[APPLICATION_NUMBER]",
    "verifiez [APPLICATION_NUMBER] svp",
])
def test_a_file_identifier_is_never_answered_with_a_general_solution(text):
    _, actions = POLICY.step(State(stage="ready"), msg(text, ("090301", 0.99)))
    assert handoffs(actions) == ["own_file"] and not [k for k, _ in says(actions) if k == "answer"]
    _, actions = POLICY.step(State(stage="ask_scope"), msg(text, ("@greeting", 0.9)))
    assert handoffs(actions) == ["own_file"]


def test_other_placeholders_do_not_hand_off():
    _, actions = POLICY.step(State(stage="ready"), msg("i live at [ADDRESS], how do i renew my passport",
                                                      ("100101", 0.9)))
    assert says(actions)[0] == ("answer", "100101") and not handoffs(actions)


def test_own_file_below_the_clarify_threshold_or_outranked_by_a_solution_is_not_handed_off():
    _, actions = POLICY.step(State(stage="ready"), msg("q", ("090301", 0.9), ("@own_file", 0.6)))
    assert says(actions)[0] == ("answer", "090301")
    _, actions = POLICY.step(State(stage="ready"), msg("q", ("@own_file", 0.3), ("090301", 0.2)))
    assert not handoffs(actions)


def test_a_quick_reply_is_not_read_as_own_file():
    """Payloads are buttons: only typed text is checked for identifiers and the intent."""
    new, actions = POLICY.step(State(stage="feedback", code="090301"), msg(payload="YES"))
    assert not handoffs(actions) and new.stage == "ready"


def test_own_file_handoff_emits_its_reason():
    _, actions = POLICY.step(State(stage="ready"), msg("[CLIENT_ID]"))
    assert [a.data for a in actions if isinstance(a, Emit) and a.type == "handoff"] == [{"reason": "own_file"}]
    assert not any(isinstance(a, Search) for a in actions)


# -- end to end on the demo KB (real redaction and fastText) --------------------------------------

async def test_demo_own_file_messages_are_handed_off(demo_harness):
    bot = await demo_harness()
    for text, lang in (("my UCI is 1234-5678, any news?", "en"),
                       ("mon numéro de demande est E001234567, ça avance?", "fr")):
        conv = await bot.conversation()
        replies = await conv.say(text)
        assert [(r.kind, r.text) for r in replies] == [("handoff", Texts().get("handoff_own_file", lang))]
        events = await bot.quaid.store.events(conv.id)
        assert [e.data for e in events if e.type == "handoff"] == [{"reason": "own_file"}]
