"""Understanding (issue 12): own-file messages, off-topic and nonsense.

The policy is tested as a pure state machine (events in, actions out); a few end-to-end
checks run the demo KB through the real pipeline (redaction, fastText, the policy).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from quaidcore.dialogue import (
    ClientMessage,
    Emit,
    Handoff,
    Policy,
    Say,
    Search,
    SearchDone,
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


CODES = ("010101", "010102", "020101", "030101", "050501", "060101", "090301", "100101")
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


# -- off-topic: one rephrase, then the fallback search and a handoff ---------------------------

def off_topic(text="how do i bake a cake", lang="en"):
    return msg(text, ("@out_of_scope", 0.8), ("010101", 0.3), lang=lang)


def test_off_topic_gets_one_rephrase_with_topics_then_search_then_handoff():
    state, _ = POLICY.step(State(), Start("en", 0))
    state, actions = POLICY.step(state, off_topic())
    assert says(actions) == [("system", None)] and not handoffs(actions)
    reply = next(a.reply for a in actions if isinstance(a, Say))
    assert reply.text == Texts().get("off_topic", "en")
    assert [q.payload for q in reply.quick_replies] == [
        "TOPIC:visit", "TOPIC:work", "TOPIC:study", "TOPIC:immigrate", "TOPIC:citizenship", "TOPIC:passports"]
    assert state.rephrased and state.stage == "ready"
    # the second off-topic message in a row: the fallback search, as for any unanswered question
    state, actions = POLICY.step(state, off_topic("what is the weather in toronto"))
    assert [type(a) for a in actions if isinstance(a, Search)] == [Search] and state.stage == "searching"
    state, actions = POLICY.step(state, SearchDone(()))
    assert handoffs(actions) == ["no_answer"]


def test_off_topic_in_french():
    _, actions = POLICY.step(State(stage="ready"), off_topic("recette de tourtière", "fr"))
    reply = next(a.reply for a in actions if isinstance(a, Say))
    assert reply.text == Texts().get("off_topic", "fr") and "Étudier" in [q.title for q in reply.quick_replies]


def test_understood_message_in_between_resets_the_rephrase():
    state, _ = POLICY.step(State(stage="ready"), off_topic())
    state, actions = POLICY.step(state, msg("how much is an eta", ("010102", 0.9)))
    assert says(actions)[0] == ("answer", "010102") and not state.rephrased
    state, actions = POLICY.step(replace(state, stage="ready"), off_topic())
    assert "rephrase" in [a.type for a in actions if isinstance(a, Emit)]


def test_topic_button_lists_its_solutions_and_none_asks_for_the_question():
    state, _ = POLICY.step(State(stage="ready"), off_topic())
    state, actions = POLICY.step(state, msg(payload="TOPIC:visit"))
    reply = next(a.reply for a in actions if isinstance(a, Say))
    assert reply.kind == "clarify" and [q.payload for q in reply.quick_replies] == [
        "CODE:010101", "CODE:010102", "NONE"]
    assert state.stage == "clarify" and not state.rephrased
    _, actions = POLICY.step(state, msg(payload="CODE:010102"))
    assert says(actions)[0] == ("answer", "010102")
    none, actions = POLICY.step(state, msg(payload="NONE"))
    assert none.stage == "ready" and says(actions) == [("system", None)] and not any(
        isinstance(a, (Search, Handoff)) for a in actions)


def test_topics_without_solutions_in_the_brain_are_not_offered():
    _, actions = POLICY.step(State(stage="ready"), off_topic())
    titles = [q.payload for a in actions if isinstance(a, Say) for q in a.reply.quick_replies]
    assert "TOPIC:work" in titles
    immigration_only = Policy(KnowledgeBase({c: solution(c) for c in ("010101", "020101")}), Texts(),
                              lambda lang: Thresholds(0.7, 0.4))
    _, actions = immigration_only.step(State(stage="ready"), off_topic())
    assert [q.payload for a in actions if isinstance(a, Say) for q in a.reply.quick_replies] == [
        "TOPIC:visit", "TOPIC:work"]


def test_a_broad_topic_shows_each_of_its_lines():
    kb = KnowledgeBase({c: solution(c) for c in ("030101", "030102", "030201", "040101", "070101", "080101")})
    policy = Policy(kb, Texts(), lambda lang: Thresholds(0.7, 0.4))
    _, actions = policy.step(State(stage="ready"), msg(payload="TOPIC:immigrate"))
    payloads = [q.payload for a in actions if isinstance(a, Say) for q in a.reply.quick_replies]
    assert payloads[:4] == ["CODE:030101", "CODE:040101", "CODE:070101", "CODE:080101"]


# -- gibberish: "I didn't understand", never a greeting, a search or a ticket -----------------------

@pytest.mark.parametrize("text, preds", [
    ("asdkjh qwe", (("@greeting", 0.7),)),
    ("?", (("@person", 0.6),)),
    (":)", ()),
    ("...", (("010101", 0.3),)),
    ("zxqv wpfk", (("@yes", 0.9),)),
    ("123", ()),
])
def test_gibberish_is_not_understood(text, preds):
    for stage in ("ready", "ask_scope", "feedback", "search_feedback"):
        state, actions = POLICY.step(State(stage=stage, code="010101"), msg(text, *preds))
        assert says(actions) == [("system", None)], (stage, actions)
        assert next(a.reply.text for a in actions if isinstance(a, Say)) == Texts().get("not_understood", "en")
        assert not handoffs(actions) and not any(isinstance(a, Search) for a in actions)
        assert state.stage == "ready"


def test_gibberish_twice_is_still_not_a_ticket():
    state, _ = POLICY.step(State(stage="ready"), msg("qsdf"))
    state, actions = POLICY.step(state, msg("qsdf jklm"))
    assert says(actions) == [("system", None)] and not handoffs(actions)


@pytest.mark.parametrize("text, preds, first", [
    ("hi", (("@greeting", 0.9),), ("system", None)),             # a greeting is small talk, not gibberish
    ("eta?", (("010102", 0.9),), ("answer", "010102")),           # a word of the KB
    ("pasport renewel", (("100101", 0.5),), ("clarify", None)),   # typos of known words
    ("zzyzx", (("010102", 0.5),), ("clarify", None)),             # unknown word, but the NLU is fairly sure
    ("[EMAIL]", (("@greeting", 0.9),), ("system", None)),         # something redaction masked
])
def test_not_gibberish(text, preds, first):
    _, actions = POLICY.step(State(stage="ready"), msg(text, *preds))
    assert says(actions)[0] == first
    assert "not_understood" not in [a.type for a in actions if isinstance(a, Emit)]


def test_vocabulary_knows_the_kb_words_and_their_typos():
    from quaidcore.dialogue import Vocabulary

    vocab = Vocabulary({"passport", "biometrics", "eta"})
    assert vocab.knows("passport") and vocab.knows("pasport") and vocab.knows("biometircs")
    assert vocab.knows("eta") and not vocab.knows("etz") and not vocab.knows("asdkjh")


async def test_demo_off_topic_then_gibberish(demo_harness):
    """The issue's examples, through the real pipeline: no greeting, no ticket."""
    bot = await demo_harness()
    conv = await bot.conversation("en")
    replies = await conv.say("how to bake a cake")
    assert [(r.kind, r.text) for r in replies] == [("system", Texts().get("off_topic", "en"))]
    assert "TOPIC:study" in [q.payload for q in replies[0].quick_replies]
    replies = await conv.say("what is the weather in toronto")  # the second in a row: search, then a person
    assert replies[0].kind in ("fallback", "handoff")
    for text in ("asdkjh qwe", "?", ":)"):
        conv = await bot.conversation("en")
        replies = await conv.say(text)
        assert [(r.kind, r.text) for r in replies] == [("system", Texts().get("not_understood", "en"))], text
    conv = await bot.conversation("fr")
    replies = await conv.say("recette de tarte au sucre")
    assert [(r.kind, r.text) for r in replies] == [("system", Texts().get("off_topic", "fr"))]
    replies = await conv.press("TOPIC:study")
    assert replies[0].kind == "clarify" and all(q.payload.startswith("CODE:05") for q in replies[0].quick_replies[:-1])


# -- phrasings the NLU may miss: own file and other services (quaidcore.cues) ---------------------

@pytest.mark.parametrize("text", [
    "I sent my PR application last October and I'm still waiting, whats going on",
    "my open work permit has been in process for 9 months now",
    "did you guys receive my passport photos",
    "has my daughter's study permit been approved yet?",
    "why was my sons visitor visa refused?? he had everything",
    "can you speed up my sponsorship please my wife is pregnant",
    "i want to withdraw my express entry profile application",
    "when will i get a decision on my pgwp",
    "ma demande de permis de travail est en attente depuis 4 mois",
    "ca fait 3 mois que j attends ma carte rp",
    "avez-vous bien recu mes documents?",
    "pourquoi ma demande de visa a ete refusee",
    "svp annulez mon dossier de parrainage",
    "toujours pas de nouvelles de mon dossier de citoyennete",
    "my biometrics appointment got cancelled twice now",
    "mon entrevue de parrainage a ete reportee sans nouvelle date",
    "my spousal sponsorship got rejected last week, how do i appeal",
    "ma demande de visa a ete refusee, je peux faire appel?",
    "my citizenship certificate was mailed to my previous address, what now",
    "i paid online but the account still says unpaid",
    "why is my work permit taking longer than the processing times",
    # a helping verb between the agent and the look, the file named by its program (test17's two misses)
    "can an officer look at my express entry profile and tell me what is wrong",
    "un agent peut-il regarder mon profil et me dire ce qui cloche",
    "est-ce que quelqu'un peut verifier mon dossier svp",
    "could someone please review my pgwp application",
])
def test_own_file_phrasings(text):
    from quaidcore.cues import own_file_cue

    assert own_file_cue(text)
    _, actions = POLICY.step(State(stage="ready"), msg(text, ("090301", 0.97)))
    assert handoffs(actions) == ["own_file"] and not [k for k, _ in says(actions) if k == "answer"]


@pytest.mark.parametrize("text", [
    "how do i check the status of my application",
    "can i keep working while waiting for my work permit extension",
    "i applied 2 weeks ago and still no biometrics letter, what should i do",
    "i have been in canada for 3 years, can i apply for citizenship",
    "my husband has lived here since 2019, can he sponsor his mother",
    "mon mari est au canada depuis 2 ans, peut-il demander la citoyennete",
    "comment savoir si ma demande a ete approuvee",
    "what happens if my application is refused",
    "how long does my application take",
    "what happens if my citizenship test is cancelled",
    "can you appeal a refused visitor visa",
    "my pr card will be mailed soon but i am moving, how do i change my address",
    "how do i create my express entry profile",
    "can you look at my options for a study permit",
    "can you check my eligibility for express entry",
    "ma femme peut-elle regarder mon dossier en ligne",
    # NLU round 25: the biometric instruction letter not come yet, said with "pas la" (own file at 8239311)
    "j'ai paye les frais de biometrie le mois passe, toujours pas la lettre pour le rendez-vous",
    "ma mere a paye sa biometrie il y a un mois et elle a toujours pas la lettre, c'est normal?",
])
def test_general_questions_are_not_own_file(text):
    from quaidcore.cues import own_file_cue

    assert not own_file_cue(text)


@pytest.mark.parametrize("text", [
    "how do i renew my nigerian passport from toronto",
    "passeport algerien perdu a montreal, que faire",
    "visa for the usa for my mom",
    "us student visa appointment",
    "visa de travail americain",
    "how do i renew my health card",
    "where is my income tax refund",
    "comment faire ma declaration d'impots",
    "i need a new sin card",
    "does my wife need a visa to go to the united kingdom",
    "criminal record check for a volunteer job",
    "australia skilled independent visa points test",
    "working holiday in japan for canadians",
    "etias for europe how do i apply",
    "pvt en australie, limite d'age?",
    "le PEQ c'est ouvert cette annee?",
    # Quebec's and Canada's pension plans (NLU round 13)
    "mes relevés de la RRQ, je les trouve où",
    "how do i start my quebec pension plan payments",
    "ma mère peut toucher sa rente du régime de pensions du canada à l'étranger?",
    # EI named alone, whatever is asked of it (NLU round 18)
    "got laid off n i wanna know how EI works",
    "how much EI would i get after quitting",
])
def test_other_services(text):
    from quaidcore.cues import other_service_cue

    assert other_service_cue(text)
    _, actions = POLICY.step(State(stage="ready"), msg(text, ("100101", 0.99)))
    assert [a.type for a in actions if isinstance(a, Emit) and a.type != "message_in"] == ["rephrase"]
    assert not handoffs(actions)


@pytest.mark.parametrize("text", [
    "i have a mexican passport, do i need a visa to visit canada",
    "passeport marocain, je vole vers montreal la semaine prochaine, il me faut quoi",
    "i have a us visa, can i get an eta",
    "my green card expires next month (PR card), how do i renew it",   # clients' name for the PR card
    "do i need to file taxes to apply for citizenship",
    "sin number for an international student",
    "how do i renew my canadian passport",
    "i'm from the uk, do i need an eta",
    "uk passport holder, eta cost?",
    "australian here, how do i get a working holiday permit for canada",
    "PVT pour les francais, c'est combien de temps",
    "i have my csq, how do i apply for pr",
    "est-ce que mes années de cotisation à la RRQ comptent pour la résidence permanente",
    # a stop in Canada on the way elsewhere: the US visa is why the client asks (NLU round 12)
    "5 hour layover in vancouver on my way to seattle, i hold a us visa, what do i need",
    "escale de 3h à Toronto vers Chicago, j'ai un visa américain, c'est suffisant?",
    "stopover in montreal en route to boston, i have an american visa, is that enough",
    "can i get EI on my open work permit if i get laid off",  # EI with a work permit: left to the NLU
    # the eTA spelt out, or a Canadian visa of a kind, next to another country's passport or visa (NLU round 19)
    "My father travels on a Brazilian passport and has a US visa. Does he need a Canadian visitor visa or the "
    "electronic authorization?",
    "je dois faire la demande d'autorisation de voyage électronique pour ma mère, qui a un passeport belge. Quel est le délai?",
    "I hold an Indian passport and a US visa, do I still need a Canadian visitor visa",
])
def test_immigration_questions_are_not_other_services(text):
    from quaidcore.cues import other_service_cue

    assert not other_service_cue(text)


# NLU round 13 (config/eval/README.md): general questions the own-file cue took for a client waiting
# on their file. An application not sent yet, "depuis" of a place, the biometric instruction letter
# (090102 answers where it shows up), what the client may do once back. Probes of my own.
@pytest.mark.parametrize("text", [
    "our sponsorship application isn't submitted yet, if we send it in march will my daughter still count under 22",
    "notre demande de parrainage n'est pas encore envoyée, si on l'envoie en avril notre fille de 21 ans compte encore?",
    "ma mère a fait une demande de visa depuis Dakar, on voit où les délais pour le Sénégal?",
    "paid the biometric fee last week and still no instruction letter in my account, where does it show up",
    "j'ai payé la biométrie il y a une semaine et toujours pas de lettre d'instructions, elle arrive où?",
    "I applied to renew my study permit in may and I'm still waiting, will I still be able to study in september",
    "j'ai demandé la prolongation de mon permis en mars et j'attends toujours, je pourrai continuer à travailler?",
])
def test_round13_general_questions_are_not_own_file(text):
    from quaidcore.cues import own_file_cue

    assert not own_file_cue(text)
    _, actions = POLICY.step(State(stage="ready"), msg(text, ("090301", 0.97)))
    assert not handoffs(actions) and [k for k, _ in says(actions) if k == "answer"]


@pytest.mark.parametrize("text", [
    "i submitted my pr application in march and still nothing",
    "j'ai soumis ma demande depuis mars et rien",
    "j'ai envoyé ma demande de citoyenneté depuis 8 mois",
    "my biometrics were done 2 months ago and still no decision on my file",
    "we sent our sponsorship application 6 months ago, why is it taking so long",
])
def test_round13_waiting_on_ones_file_stays_own_file(text):
    from quaidcore.cues import own_file_cue

    assert own_file_cue(text)


# NLU round 14 (config/eval/README.md): the status of one's file asked of the bot, and whether a step
# of it is done, are for an agent; how to check it oneself, or how a step is done, stay general.
# Probes of my own.
@pytest.mark.parametrize("text", [
    "whats the status of my study permit extension",
    "what's the status of my husband's sponsorship file",
    "tell me the status of my application pls",
    "quel est le statut de mon dossier de citoyenneté",
    "c'est quoi le statut de ma demande",
    "are my fingerprints registered? went to the vac monday",
    "has my application been processed yet",
    "mes empreintes ont été enregistrées? j'y suis allé lundi",
    "est-ce que ma biométrie a bien été enregistrée",
])
def test_round14_a_files_status_or_step_asked_of_the_bot_is_own_file(text):
    from quaidcore.cues import own_file_cue

    assert own_file_cue(text)
    _, actions = POLICY.step(State(stage="ready"), msg(text, ("090301", 0.97)))
    assert handoffs(actions)


@pytest.mark.parametrize("text", [
    "how can i check the status of my application online",
    "where do i see the status of my pr application",
    "how is my passport renewal processed",
    "if my biometrics were done 3 years ago do i need to give them again",
    "comment vérifier le statut de ma demande en ligne",
    "statut de ma demande en ligne",
    "mon master a été fait au Bénin, quel organisme pour l'évaluer",
])
def test_round14_how_to_see_a_status_stays_general(text):
    from quaidcore.cues import own_file_cue

    assert not own_file_cue(text)


# NLU round 15 (config/eval/README.md): how long a step takes as a rule, how a relative sees the
# status himself, and a wait on a school's offer are general questions, not a wait on one's file.
# Probes of my own.
@pytest.mark.parametrize("text", [
    "i applied for the eta this morning and still no email, normally how long does it take?",
    "j'ai fait ma demande d'AVE avant-hier et toujours rien, normalement c'est combien de temps?",
    "my sister applied in june and still no news, is there a way she can check the status herself?",
    "ma soeur a envoyé sa demande en mars et toujours rien, comment elle peut suivre elle-même son dossier?",
    "I am still waiting for an offer from the university, can I apply for the study permit now?",
    "j'attends encore la lettre d'admission du collège, c'est possible de demander le permis d'études sans?",
])
def test_round15_general_questions_are_not_own_file(text):
    from quaidcore.cues import own_file_cue

    assert not own_file_cue(text)


@pytest.mark.parametrize("text", [
    "my eta application has been pending for 10 days",
    "i applied for my eta 5 days ago and still nothing, is it normal?",
    "my sister's application has been stuck since june, can you check it",
    "I am still waiting for an answer on my study permit application",
])
def test_round15_waiting_on_ones_file_stays_own_file(text):
    from quaidcore.cues import own_file_cue

    assert own_file_cue(text)


# NLU round 15: a mistake in one's own record or document that the client asks the agency to correct
# is for an agent; how to fix a mistake oneself, or a wrong password, is not this cue's. Probes of my own.
@pytest.mark.parametrize("text", [
    "Good morning, the expiry date on my study permit is wrong. Kindly correct it.",
    "the sex printed on my visitor record is incorrect, kindly rectify it",
    "Il y a une erreur sur ma fiche de visiteur, la date de naissance. Pouvez-vous la corriger?",
])
def test_round15_a_mistake_to_correct_in_ones_record_is_own_file(text):
    from quaidcore.cues import own_file_cue

    assert own_file_cue(text)


@pytest.mark.parametrize("text", [
    "my GCKey says the password is wrong, please help",
    "how many questions can you get wrong on the citizenship test",
    "mon certificat de citoyenneté a une erreur, comment en avoir un nouveau",
])
def test_round15_a_mistake_without_a_request_to_correct_is_not_own_file(text):
    from quaidcore.cues import own_file_cue

    assert not own_file_cue(text)


# NLU round 15: an eTA asked for a day ago or less with no e-mail yet is the general answer's (most come in
# minutes, some in days); a wait of days stays the client's own. Probes of my own.
def test_round15_an_eta_asked_for_yesterday_is_general_a_wait_of_days_is_own_file():
    from quaidcore.cues import own_file_cue

    assert not own_file_cue("I applied for my eTA this morning and still no email from them, is this how it works?")
    assert not own_file_cue("j'ai fait ma demande d'AVE hier soir et toujours rien reçu par courriel")
    assert own_file_cue("I applied for my eTA 6 days ago and still no email from them")
    assert own_file_cue("j'ai fait ma demande d'AVE il y a une semaine et toujours rien reçu par courriel")


# NLU round 15: a writing job nobody at the agency does is not answered, whatever the model predicts;
# a letter or a story an immigration file needs is no writing job. Probes of my own.
@pytest.mark.parametrize(("text", "job"), [
    ("could you compose a love letter for my fiancée", True),
    ("aide-moi à rédiger un discours pour le mariage de ma sœur", True),
    ("please help me write a speech for my graduation", True),
    ("how do i write a letter of explanation for my study permit", False),
    ("je dois écrire mon histoire pour ma demande d'asile, comment faire", False),
    ("can you help me write an invitation letter for my parents' visitor visa", False),
    ("what should i write in the cover letter of my spousal sponsorship", False),
])
def test_round15_a_writing_job_is_off_topic(text, job):
    from quaidcore.cues import other_service_cue

    assert other_service_cue(text) is job
    if job:
        _, actions = POLICY.step(State(stage="ready"), msg(text, ("051102", 0.9)))
        assert not [k for k, _ in says(actions) if k == "answer"]


def test_a_long_message_is_answered_when_its_best_solution_is_clearly_ahead():
    """NLU round 12: in a story of 15 words or more, a best solution at 0.40 or more and 1.75
    times the next prediction is answered below the margin, where the brain has a margin."""
    from quaidcore.dialogue import decide

    story = ("we moved here from Lyon last spring with our two kids and my husband works in a bakery, "
             "how do we change the address on our file")
    ahead = (Prediction("090801", 0.45), Prediction("@own_file", 0.25), Prediction("010101", 0.2))
    close = (Prediction("090801", 0.45), Prediction("010101", 0.27), Prediction("@own_file", 0.2))
    yes = lambda code: True  # noqa: E731
    limits = Thresholds(0.8, 0.36, 0.32)
    assert decide(ahead, limits, yes, story) == ("answer", ahead[:1])
    assert decide(close, limits, yes, story)[0] == "clarify"                    # 0.45 < 1.75 x 0.27
    assert decide(ahead, limits, yes, "how do we change the address on our file")[0] == "clarify"  # short
    assert decide(ahead, replace(limits, margin=None), yes, story)[0] == "clarify"  # no margin: never
    low = (Prediction("090801", 0.38), Prediction("@own_file", 0.1))
    assert decide(low, limits, yes, story)[0] == "clarify"                      # under 0.40


def test_a_long_message_is_answered_when_its_best_solution_is_well_ahead_of_the_next_solution():
    """NLU round 13: in a story of 15 words or more, a best solution at 0.40 or more, 1.8 times the
    next solution and 1.3 times the next intent is answered below the margin too."""
    from quaidcore.dialogue import decide

    story = ("my sister is a nurse in Abidjan with two kids and she finished her masters last year, "
             "which language test does she need for express entry")
    yes = lambda code: True  # noqa: E731
    limits = Thresholds(0.8, 0.36, 0.32)
    intents = (Prediction("030401", 0.46), Prediction("@no_solution", 0.34), Prediction("030102", 0.25))
    assert decide(intents, limits, yes, story) == ("answer", intents[:1])        # 0.46 < 1.75 x 0.34
    near = (Prediction("030401", 0.46), Prediction("@no_solution", 0.34), Prediction("030102", 0.27))
    assert decide(near, limits, yes, story)[0] == "clarify"                      # 0.46 < 1.8 x 0.27
    close = (Prediction("030401", 0.46), Prediction("@out_of_scope", 0.36), Prediction("030102", 0.2))
    assert decide(close, limits, yes, story)[0] == "clarify"                     # 0.46 < 1.3 x 0.36
    assert decide(intents, limits, yes, "which language test does she need for express entry")[0] == "clarify"
    assert decide(intents, replace(limits, margin=None), yes, story)[0] == "clarify"


def test_decide_reads_the_text_as_calibrate_replays_it():
    from quaidcore.dialogue import decide

    preds = (Prediction("100101", 0.99),)
    limits = Thresholds(0.7, 0.4)
    assert decide(preds, limits, lambda c: True) == ("answer", preds)
    assert decide(preds, limits, lambda c: True, "renew my lebanese passport") == ("off_topic", ())
    assert decide(preds, limits, lambda c: True, "my passport renewal is pending since june") == ("own_file", ())


def test_calibrate_replays_the_answer_margin():
    """`quaid calibrate` picks the pair with the config's answer margin in force."""
    from quaidcore.evaluation import Outcome, Sample, _replay, calibrate

    def outcome(code, *preds):
        return Outcome(Sample("q", code, "fr"), "fr", tuple(Prediction(c, p) for c, p in preds),
                       "clarify", None, (), 0.0)

    outcomes = [outcome("010101", ("010101", 0.6), ("010102", 0.2))] * 8 + [
        outcome(None, ("@out_of_scope", 0.9), ("010101", 0.1))] * 4
    yes = lambda code: True  # noqa: E731
    assert _replay(outcomes, Thresholds(0.9, 0.5), yes)["answered"] == 0
    assert _replay(outcomes, Thresholds(0.9, 0.5, 0.3), yes)["answered"] == 8
    limits, score = calibrate(outcomes, 0.97, yes, margin=0.3)
    assert limits.margin == 0.3 and score["precision"] == 1.0 and score["answered"] == 8
    assert calibrate(outcomes, 0.97, yes)[0].margin is None


# -- regression floors on the held-out files tuned on (understanding-test, -test2) ------------------

# Measured per language with `quaid eval FILE --by lang,kind` (config/quaid.yaml, fastText):
# in scope precision / containment, then the share not answered of each out-of-scope kind.
FLOORS = {
    "understanding-test.jsonl": {"en": (0.985, 0.986, {"own_file": 0.971, "off_topic": 1.0, "other_service": 1.0}),
                                 "fr": (1.0, 1.0, {"own_file": 1.0, "off_topic": 1.0, "other_service": 1.0})},
    "understanding-test2.jsonl": {"en": (0.97, 0.974, {"own_file": 1.0, "off_topic": 1.0, "other_service": 1.0}),
                                  "fr": (1.0, 0.948, {"own_file": 1.0, "off_topic": 1.0, "other_service": 1.0})},
    # after the NLU round of 2026-12-06 (config/eval/README.md), rounded down
    "understanding-test5.jsonl": {"en": (0.991, 0.968, {"own_file": 1.0, "off_topic": 1.0, "other_service": 1.0}),
                                  "fr": (1.0, 0.992, {"own_file": 1.0, "off_topic": 1.0, "other_service": 1.0})},
    # after NLU round 2 (config/eval/README.md), rounded down; tuned on since round 2
    "understanding-test6.jsonl": {"en": (1.0, 1.0, {"own_file": 1.0, "off_topic": 1.0, "other_service": 1.0}),
                                  "fr": (1.0, 0.992, {"own_file": 1.0, "off_topic": 1.0, "other_service": 1.0})},
    # after NLU round 3 (config/eval/README.md), rounded down; tuned on since round 3
    # NLU round 28 (natural French KB examples, shipped model retrained): test7 FR 1.0 / 0.992 -> 0.97 / 0.97 (measured
    # 0.9758 / 0.9781, 2 wrong with seed 0 alone), test9 EN 0.99 / 0.97 -> 0.98 / 0.955 (0.9841 / 0.963), test14 EN own file 0.96 ->
    # 0.9 (0.92) and FR other service 1.0 -> 0.9 (0.9333): lines a retrain moves (config/eval/README.md, round 28)
    "understanding-test7.jsonl": {"en": (0.992, 0.985, {"own_file": 1.0, "off_topic": 1.0, "other_service": 1.0}),
                                  "fr": (0.97, 0.97, {"own_file": 1.0, "off_topic": 1.0, "other_service": 1.0})},
    # after NLU round 4 (config/eval/README.md), rounded down; tuned on since round 4
    "understanding-test8.jsonl": {"en": (0.973, 0.953, {"own_file": 1.0, "off_topic": 1.0, "other_service": 1.0}),
                                  "fr": (1.0, 1.0, {"own_file": 1.0, "off_topic": 1.0, "other_service": 1.0})},
    # after NLU round 6 (config/eval/README.md), rounded down; tuned on since round 6
    "understanding-test9.jsonl": {"en": (0.98, 0.955, {"own_file": 0.966, "off_topic": 1.0, "other_service": 1.0}),
                                  "fr": (1.0, 0.96, {"own_file": 1.0, "off_topic": 1.0, "other_service": 1.0})},
    "understanding-test10.jsonl": {"en": (1.0, 0.965, {"own_file": 0.96, "off_topic": 1.0, "other_service": 1.0}),
                                   "fr": (1.0, 0.97, {"own_file": 1.0, "off_topic": 1.0, "other_service": 1.0})},
    "understanding-test11.jsonl": {"en": (1.0, 0.992, {"own_file": 1.0, "off_topic": 1.0, "other_service": 1.0}),
                                   "fr": (0.99, 0.966, {"own_file": 1.0, "off_topic": 1.0, "other_service": 1.0})},
    "understanding-test12.jsonl": {"en": (0.99, 0.975, {"own_file": 1.0, "off_topic": 0.96, "other_service": 1.0}),
                                   "fr": (0.98, 0.96, {"own_file": 1.0, "off_topic": 1.0, "other_service": 1.0})},
    # blind, first measured at e6ecc71 (test13) and b5f84bb (test14, after NLU round 8), rounded down
    "understanding-test13.jsonl": {"en": (0.975, 0.955, {"own_file": 0.96, "off_topic": 1.0, "other_service": 1.0}),
                                   "fr": (0.99, 0.97, {"own_file": 1.0, "off_topic": 1.0, "other_service": 1.0})},
    "understanding-test14.jsonl": {"en": (0.99, 0.948, {"own_file": 0.9, "off_topic": 1.0, "other_service": 1.0}),
                                   "fr": (0.99, 0.977, {"own_file": 0.96, "off_topic": 1.0, "other_service": 0.9})},
    # blind, first measured at d83a93d (config/eval/README.md), rounded down
    "understanding-test15.jsonl": {"en": (0.99, 0.977, {"own_file": 1.0, "off_topic": 1.0, "other_service": 1.0}),
                                   "fr": (0.98, 0.977, {"own_file": 1.0, "off_topic": 1.0, "other_service": 1.0})},
    # blind, measured at e8ef360 (after NLU round 9; config/eval/README.md), rounded down
    "understanding-test16.jsonl": {"en": (0.98, 0.97, {"own_file": 1.0, "off_topic": 1.0, "other_service": 1.0}),
                                   "fr": (1.0, 0.955, {"own_file": 1.0, "off_topic": 1.0, "other_service": 1.0})},
    # tuned on by NLU rounds 17-20 (eleventh session; config/eval/README.md), measured at 3109004 and lowered by one
    # line's worth or so (precision 0.01, containment 0.015, a kind's share 0.04): test27 (an ordinary day), test28
    # (Messenger and X), test29 (a week of every channel), test30 (an ordinary month)
    "understanding-test27.jsonl": {"en": (0.99, 0.985, {"own_file": 0.96, "off_topic": 0.96, "other_service": 0.96}),
                                   "fr": (0.99, 0.985, {"own_file": 0.96, "off_topic": 0.96, "other_service": 0.96})},
    "understanding-test28.jsonl": {"en": (0.99, 0.96, {"own_file": 0.96, "off_topic": 0.96, "other_service": 0.96}),
                                   "fr": (0.99, 0.975, {"own_file": 0.96, "off_topic": 0.96, "other_service": 0.96})},
    "understanding-test29.jsonl": {"en": (0.98, 0.97, {"own_file": 0.96, "off_topic": 0.92, "other_service": 0.96}),
                                   "fr": (0.99, 0.975, {"own_file": 0.96, "off_topic": 0.96, "other_service": 0.96})},
    "understanding-test30.jsonl": {"en": (0.98, 0.93, {"own_file": 0.96, "off_topic": 0.92, "other_service": 0.96}),
                                   "fr": (0.99, 0.985, {"own_file": 0.96, "off_topic": 0.96, "other_service": 0.96})},
    # twelfth session, tuned by NLU round 21 (config/eval/README.md), at b92b5a2 less about one line: test31 EN/FR
    # precision 1.0 / 1.0, containment 0.9852 / 0.9852; test33 1.0 / 1.0, 0.9926 / 0.9926; out of scope not
    # answered 1.0 but test33's off-topic 0.96 in each language
    "understanding-test31.jsonl": {"en": (0.99, 0.975, {"own_file": 0.96, "off_topic": 0.96, "other_service": 0.93}),
                                   "fr": (0.99, 0.975, {"own_file": 0.96, "off_topic": 0.96, "other_service": 0.93})},
    "understanding-test33.jsonl": {"en": (0.99, 0.98, {"own_file": 0.96, "off_topic": 0.92, "other_service": 0.93}),
                                   "fr": (0.99, 0.98, {"own_file": 0.96, "off_topic": 0.92, "other_service": 0.93})},
    # tuned by NLU round 22, at ef0513e: EN/FR precision 1.0 / 1.0, containment 0.9852 / 1.0, out of scope all left
    "understanding-test32.jsonl": {"en": (0.99, 0.975, {"own_file": 0.96, "off_topic": 0.96, "other_service": 0.93}),
                                   "fr": (0.99, 0.99, {"own_file": 0.96, "off_topic": 0.96, "other_service": 0.93})},
    # read by NLU round 23 (a week after a policy change), at 3908dac and after the round, less about one line: EN/FR
    # precision 0.9835 / 1.0, containment 0.963 / 0.9852; not answered: own file 0.96 / 0.96, off topic 1.0 / 1.0,
    # other service 0.9333 / 1.0
    "understanding-test34.jsonl": {"en": (0.975, 0.955, {"own_file": 0.92, "off_topic": 0.96, "other_service": 0.86}),
                                   "fr": (0.99, 0.975, {"own_file": 0.92, "off_topic": 0.96, "other_service": 0.93})},
    # read by NLU round 24 (Messenger, X and web chat, Québec and France French), at 41c5f8a less about one line: EN/FR
    # precision 0.9917 / 0.992, containment 0.963 / 0.9852; not answered: own file 1.0 / 0.96, off topic 0.96 / 1.0,
    # other service 1.0 / 1.0
    "understanding-test35.jsonl": {"en": (0.98, 0.955, {"own_file": 0.96, "off_topic": 0.92, "other_service": 0.93}),
                                   "fr": (0.98, 0.975, {"own_file": 0.92, "off_topic": 0.96, "other_service": 0.93})},
    # read by NLU round 25 (clients writing from abroad before they come, long messages, French of Africa and Europe), at
    # c85a282 less about one line: EN/FR precision 0.9912 / 0.9909, containment 0.9407 / 0.9556; not answered: own file
    # 1.0 / 1.0, off topic 1.0 / 1.0, other service 1.0 / 1.0
    "understanding-test36.jsonl": {"en": (0.98, 0.93, {"own_file": 0.96, "off_topic": 0.96, "other_service": 0.93}),
                                   "fr": (0.98, 0.945, {"own_file": 0.96, "off_topic": 0.96, "other_service": 0.93})},
    # read by NLU round 26 (clients already in Canada on their phones, Québécois and African French, some with two
    # questions), at the round's end less about one line: EN/FR precision 0.976 / 1.0, containment 0.9704 / 0.963; not
    # answered: own file 0.96 / 0.96, off topic 0.96 / 1.0, other service 1.0 / 1.0
    "understanding-test37.jsonl": {"en": (0.965, 0.96, {"own_file": 0.92, "off_topic": 0.92, "other_service": 0.93}),
                                   "fr": (0.99, 0.955, {"own_file": 0.92, "off_topic": 0.96, "other_service": 0.93})},
    # read by NLU round 27 (an ordinary month of every channel, French written on its own: Québec, France, Africa, Haiti),
    # at 324b33c less about one line: EN/FR precision 0.9916 / 0.9717, containment 0.9556 / 0.9111; not answered:
    # own file 0.96 / 0.96, off topic 1.0 / 1.0, other service 1.0 / 1.0
    "understanding-test38.jsonl": {"en": (0.98, 0.945, {"own_file": 0.92, "off_topic": 0.96, "other_service": 0.93}),
                                   "fr": (0.96, 0.9, {"own_file": 0.92, "off_topic": 0.96, "other_service": 0.93})},
    # read by NLU round 30 (clients explaining their situation first, then asking), at 0a0815e (the shipped model) less
    # about one line: EN/FR precision 0.9843 / 0.9831, containment 0.9481 / 0.9407; not answered: own file 0.96 / 0.88,
    # off topic 1.0 / 1.0, other service 1.0 / 1.0
    "understanding-test41.jsonl": {"en": (0.975, 0.94, {"own_file": 0.92, "off_topic": 0.96, "other_service": 0.93}),
                                   "fr": (0.975, 0.93, {"own_file": 0.84, "off_topic": 0.96, "other_service": 0.93})},
}


# Share of the French in-scope messages answered directly, since NLU round 8's answer margin (FR
# 0.32: config/eval/README.md), rounded down; before it: test2 0.844, test10 0.802, test7 0.825.
# NLU round 12 (a long message's best solution clearly ahead) raised: test5 122 -> 123 of 126
# (0.96 before), test7 121 -> 122 of 137 (0.88), test10 115 -> 117 of 131 (0.85), test14 122 -> 124
# (0.9), test15 121 -> 122 (0.89), test16 114 -> 116 of 135 (0.84).
FR_ANSWERED = {"understanding-test.jsonl": 1.0, "understanding-test2.jsonl": 0.9,
               "understanding-test5.jsonl": 0.97, "understanding-test6.jsonl": 0.95,
               "understanding-test7.jsonl": 0.89, "understanding-test8.jsonl": 0.95,
               "understanding-test9.jsonl": 0.88, "understanding-test10.jsonl": 0.89,
               # raised by NLU round 11 (a long message read by its question too), answered: test11
               # 124 -> 125 of 135, test12 120 -> 121 of 132, test13 117 -> 119 of 135, test14 121 ->
               # 122 of 135 (0.91, 0.9, 0.86, 0.89 before)
               "understanding-test11.jsonl": 0.92, "understanding-test12.jsonl": 0.91,
               "understanding-test13.jsonl": 0.88, "understanding-test14.jsonl": 0.91,
               "understanding-test15.jsonl": 0.91,
               # 112 -> 113 of 135 after NLU round 10 (a message read without its courtesies),
               # 113 -> 114 after NLU round 11 (0.83 before)
               "understanding-test16.jsonl": 0.85,
               # eleventh session, at 3109004 less 0.02: test27 132, test28 117, test29 128, test30 131 of 135
               "understanding-test27.jsonl": 0.95, "understanding-test28.jsonl": 0.84,
               "understanding-test29.jsonl": 0.92, "understanding-test30.jsonl": 0.95,
               # twelfth session, at b92b5a2 less about 0.015: test31 125, test33 130 of 135
               "understanding-test31.jsonl": 0.91, "understanding-test33.jsonl": 0.95,
               "understanding-test32.jsonl": 0.95,  # 130 of 135 at ef0513e
               "understanding-test34.jsonl": 0.89,  # 123 of 135 after NLU round 23
               "understanding-test35.jsonl": 0.91,  # 125 of 135 after NLU round 24
               "understanding-test36.jsonl": 0.8,  # 110 of 135 after NLU round 25
               "understanding-test37.jsonl": 0.88,  # 121 of 135 after NLU round 26
               "understanding-test38.jsonl": 0.77,  # 106 of 135 after NLU round 27 (104 before)
               "understanding-test41.jsonl": 0.86}  # 118 of 135 at 0a0815e (NLU round 30 changed none)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_held_out_floors_per_language(name, tmp_path, shared_models_dir):
    import json
    from pathlib import Path

    from click.testing import CliRunner

    from quaidcore.cli import cli

    path = Path(__file__).resolve().parent.parent / "config" / "eval" / name
    env = {"QUAID_DATA_DIR": str(tmp_path), "QUAID_MODELS_DIR": str(shared_models_dir)}
    result = CliRunner().invoke(cli, ["eval", str(path), "--by", "lang,kind", "--json"], env=env)
    assert result.exit_code == 0, result.output
    groups = json.loads(result.stdout.strip().splitlines()[-1])["groups"]
    for lang, (precision, containment, kinds) in FLOORS[name].items():
        assert groups[f"{lang}/in_scope"]["precision"] >= precision, lang
        assert groups[f"{lang}/in_scope"]["containment"] >= containment, lang
        for kind, share in kinds.items():
            assert groups[f"{lang}/{kind}"]["not_answered"] >= share, (lang, kind)
    french = groups["fr/in_scope"]
    assert french["answered"] / french["n"] >= FR_ANSWERED[name]


# NLU round 16 (config/eval/README.md): a case supposed ("what if", "et si") and whether a step given
# years ago must be given again are general questions, even with a possessive and a past step.
# Probes of my own.
@pytest.mark.parametrize("text", [
    "what if my visitor visa isn't approved before the wedding, how long could it take?",
    "et si ma demande envoyée en mars n'est pas acceptée avant l'été, ça prend combien de temps?",
    "j'ai donné mes empreintes il y a 6 ans pour un visa, je dois les refaire pour la RP?",
    "I gave my fingerprints 6 years ago, must I redo my biometrics for the PR?",
])
def test_round16_a_supposed_case_or_a_step_to_redo_is_general(text):
    from quaidcore.cues import own_file_cue

    assert not own_file_cue(text)


@pytest.mark.parametrize("text", [
    "my visitor visa application has been pending for 3 months, is it normal?",
    "j'ai envoyé mes empreintes il y a 3 mois et toujours rien",
])
def test_round16_a_wait_without_a_supposed_case_stays_own_file(text):
    from quaidcore.cues import own_file_cue

    assert own_file_cue(text)


# NLU round 16: what a programme covers, asked while one's own claim waits, is a general question.
@pytest.mark.parametrize("text", [
    "I'm a protected person still waiting for my PR, does the health program cover eye exams?",
    "ma demande d'asile est en attente depuis 8 mois, le PFSI couvre les lunettes?",
])
def test_round16_what_a_programme_covers_is_general(text):
    from quaidcore.cues import own_file_cue

    assert not own_file_cue(text)


# NLU round 27 (config/eval/README.md): a file someone is told to look at in French's imperative, and one's own visa or
# file asked after as accepted, are own file; a case supposed is not. Probes of my own (the first four not own file at
# a47f2b8).
@pytest.mark.parametrize("text", [
    "svp regardez son dossier, c'est trop long",
    "verifiez ma demande svp, ça fait trop longtemps",
    "j'ai fait ma biometrie en mars, ma demande est acceptée?",
    "mon AVE est approuvée?",
])
def test_round27_a_file_to_look_at_or_asked_after_as_accepted_is_own_file(text):
    from quaidcore.cues import own_file_cue

    assert own_file_cue(text)


@pytest.mark.parametrize("text", [
    "si mon visa est accepté, ma femme peut venir?",
    "une fois que ma demande est acceptée, combien de temps pour la carte",
    "comment savoir si mon visa est accepté",
    "regardez la liste des documents pour le visa",
])
def test_round27_a_case_supposed_or_a_general_look_is_not_own_file(text):
    from quaidcore.cues import own_file_cue

    assert not own_file_cue(text)


def test_round16_a_wait_without_a_coverage_question_stays_own_file():
    from quaidcore.cues import own_file_cue

    assert own_file_cue("my refugee claim has been pending for 8 months and the IFH card expires, any news?")


# NLU round 17 (config/eval/README.md): whether the result of one's own test is out, an appointment of
# one's own the agency is asked to move, and a mistake on a document the agency issued to the client are
# for an agent; how to reschedule, or a result one already has, stays general. Probes of my own.
@pytest.mark.parametrize("text", [
    "is my citizenship exam result out yet? I wrote it two weeks ago",
    "could you tell me whether my citizenship test results are ready",
    "mon résultat du test de citoyenneté est disponible? je l'ai fait lundi",
    "my oath ceremony is on the 9th but I have surgery, could you postpone it?",
    "mon entrevue est jeudi mais je travaille, pourriez-vous la reporter?",
    "the name on my PR card is wrong",
    "I got my work permit but the employer name on it is incorrect",
    "Mon permis d'études a une erreur dans la date d'expiration",
])
def test_round17_a_result_an_appointment_to_move_or_a_document_mistake_is_own_file(text):
    from quaidcore.cues import own_file_cue

    assert own_file_cue(text)


@pytest.mark.parametrize("text", [
    "my IELTS results are in, what is the next step for express entry?",
    "how do I reschedule my biometrics appointment?",
    "can I move my interview to another city?",
    "can you move to canada without a job offer",
    "what happens if my work permit has a mistake on it?",
    "mes résultats du TEF sont sortis, je fais quoi maintenant?",
])
def test_round17_how_to_reschedule_or_a_result_in_hand_stays_general(text):
    from quaidcore.cues import own_file_cue

    assert not own_file_cue(text)


# NLU round 18 (config/eval/README.md): whether one may keep working past the permit's end date while an
# extension is processed (maintained status, 020601) is a general question, however long one has waited;
# a wait alone stays the client's own. Probes of my own.
@pytest.mark.parametrize("text", [
    "I applied to extend my work permit six weeks ago and it runs out on Monday. HR asks whether I'm allowed to keep working",
    "applied for my extension 2 months ago, still nothing, my supervisor wants to know if i can keep working after the 30th",
    "My permit ends tomorrow and I sent the renewal a month ago. Can I still come to work after that date?",
    "j'ai envoyé ma demande de prolongation il y a un mois, mon patron demande si j'ai le droit de continuer à travailler après vendredi",
])
def test_round18_keeping_on_working_while_an_extension_waits_is_general(text):
    from quaidcore.cues import own_file_cue

    assert not own_file_cue(text)


@pytest.mark.parametrize("text", [
    "I applied to extend my work permit six weeks ago and still nothing, can you check it?",
    "j'ai demandé la prolongation de mon permis il y a trois mois et toujours rien",
])
def test_round18_a_wait_on_an_extension_stays_own_file(text):
    from quaidcore.cues import own_file_cue

    assert own_file_cue(text)


# NLU round 19 (config/eval/README.md): a letter, link or notice the agency is asked to send again is the
# client's own; what a programme covers, asked while one's claim waits, and how to get a document sent again
# stay general. Probes of my own (the first four and the two coverage questions fail at 2d04a40).
@pytest.mark.parametrize("text", [
    "I moved last month and my interview letter went to the old address, can you resend it to me?",
    "I changed my email and lost the link to the ceremony, can you please resend me the link",
    "ma convocation est partie à mon ancienne adresse, vous pouvez me la renvoyer?",
    "j'ai changé de courriel, pourriez-vous me renvoyer la lettre de biométrie",
])
def test_round19_a_document_the_agency_is_asked_to_send_again_is_own_file(text):
    from quaidcore.cues import own_file_cue

    assert own_file_cue(text)


@pytest.mark.parametrize("text", [
    "IFHP covers dental?? im a claimant waiting for my hearing",
    "i'm still waiting on my hearing, the interim health program covers glasses?",
    "how do I get my PR card resent to my new address",  # how, not a request to the agency
])
def test_round19_what_a_programme_covers_or_how_to_get_a_document_resent_is_general(text):
    from quaidcore.cues import own_file_cue

    assert not own_file_cue(text)


# NLU round 20 (config/eval/README.md): where one checks a decision oneself, and whether fingerprints given years
# ago must be given again, stay general though the client speaks of their own visa. Probes of my own (own file at
# 9181fff).
@pytest.mark.parametrize("text", [
    "where do i check if my study permit was approved? is there a site",
    "where can we see if our visitor visa got approved",
    "j'ai donné mes empreintes il y a 6 ans pour mon permis d'études, je dois recommencer?",
])
def test_round20_where_to_check_a_decision_or_whether_to_redo_fingerprints_is_general(text):
    from quaidcore.cues import own_file_cue

    assert not own_file_cue(text)


@pytest.mark.parametrize("text", [
    "where is my study permit? it was approved 3 months ago and still nothing",
    "can you check if my visa got approved",
])
def test_round20_a_decision_asked_of_the_agency_stays_own_file(text):
    from quaidcore.cues import own_file_cue

    assert own_file_cue(text)


# NLU round 20: what an officer gave, asked to be corrected without "you" ("Can this be corrected?", "on peut
# corriger ça?"), is the client's own (an agent's to fix). Probes of my own (none own file at 9181fff); a mistake
# supposed, or how to correct one's own form, stays general.
@pytest.mark.parametrize("text", [
    "my visitor record says 2 months but the officer said 6, can that be fixed?",
    "le douanier a écrit la mauvaise date sur mon document, ça peut être corrigé?",
    "l'agent m'a donné 3 mois au lieu de 6 mois, on peut corriger ça?",
])
def test_round20_what_an_officer_gave_asked_to_be_corrected_is_own_file(text):
    from quaidcore.cues import own_file_cue

    assert own_file_cue(text)


@pytest.mark.parametrize("text", [
    "if I make a mistake on the form, can it be corrected after I submit?",
    "I have a closed work permit, can it be changed to an open one?",
    "j'ai écrit une mauvaise adresse dans ma demande, comment corriger ça?",
    "si je fais une erreur dans le formulaire, on peut la corriger après?",
])
def test_round20_a_mistake_supposed_or_corrected_oneself_stays_general(text):
    from quaidcore.cues import own_file_cue

    assert not own_file_cue(text)


# NLU round 21 (config/eval/README.md): a refusal an officer is asked to look at again, what is wrong with one's own
# file or becomes of it now, and whether it is nearly done, asked of the agency, are the client's own. Probes of my
# own (none own file at 600944f); the same words about a case supposed, or one's documents before applying, stay
# general.
@pytest.mark.parametrize("text", [
    "my study permit extension got refused, could an officer reconsider it?",
    "refus pour mon permis de travail, un agent pourrait réexaminer la demande?",
    "whats wrong with my eta, everyone else got theirs in minutes",
    "qu'est-ce qui cloche avec mon dossier? mes amis ont tous eu leur réponse",
    "my passport expired during processing, what will happen to my application now?",
    "j'ai changé d'employeur, qu'est-ce qui va se passer avec ma demande maintenant?",
    "sent my pgwp papers in march, could you check if it's nearly ready",
])
def test_round21_a_refusal_to_review_or_what_is_wrong_with_ones_file_is_own_file(text):
    from quaidcore.cues import own_file_cue

    assert own_file_cue(text)


@pytest.mark.parametrize("text", [
    "what happens to my application if I change employers before the decision?",
    "qu'est-ce qui arrive à ma demande si je déménage dans une autre province?",
    "can an officer review my documents before I apply?",
    "what happens to my application now if I get married?",
    "can you check if it's possible to extend a visitor visa from inside Canada",
])
def test_round21_a_case_supposed_or_a_check_before_applying_stays_general(text):
    from quaidcore.cues import own_file_cue

    assert not own_file_cue(text)


# NLU round 21: a PR card held abroad is Canada's ("im in dubai pr card expired need to fly back"); another country's
# PR named next to it stays another service. Probes of my own (the first two other service at 8547cff).
@pytest.mark.parametrize(("text", "other"), [
    ("stuck in australia pr card expired last month, what document do i need to board", False),
    ("living in the uae pr cards of me and my son expire in may, what do we do", False),
    ("how many points do i need for australia pr", True),
    ("uk pr requirements for nurses", True),
])
def test_round21_a_pr_card_abroad_is_canadas(text, other):
    from quaidcore.cues import other_service_cue

    assert other_service_cue(text) is other


# NLU round 23 (config/eval/README.md): while the message alone is unsure of its top code (under 0.6), a reading sure
# of one of its next two codes (0.92 or more) puts that code first with the reading's confidence; never an intent,
# never a code outside the message's top three. Probes of the rule (the switch does not exist at 3908dac).
@pytest.mark.parametrize(("asked", "switched"), [
    ([Prediction("010201", 0.95)], True),  # the message's second code, sure
    ([Prediction("090401", 0.92)], True),  # its third, at the bar
    ([Prediction("010201", 0.919)], False),  # under the bar
    ([Prediction("090101", 0.99)], False),  # the top code already: a confirmation, not a switch
    ([Prediction("@own_file", 0.99)], False),  # an intent is no solution
    ([Prediction("050501", 0.99)], False),  # not among the message's top three
    ([], False),
])
def test_round23_a_sure_reading_switches_an_unsure_top_code(asked, switched):
    import quaid_fasttext

    message = [Prediction("090101", 0.43), Prediction("010201", 0.32), Prediction("090401", 0.29),
               Prediction("050501", 0.2)]
    best = list(message)
    assert quaid_fasttext._switch(best, asked) is switched
    if switched:
        assert best[0] == asked[0] and len(best) == len(message)
        assert [p.code for p in best[1:]] == [p.code for p in message if p.code != asked[0].code]
    else:
        assert best == message
