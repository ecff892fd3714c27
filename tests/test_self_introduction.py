"""A greeting and a self-introduction (name, e-mail, phone, where the client lives) say who
asks, not what: a general question is answered as it is without them, and a question about
the client's own file still goes to an agent (todo/README.md, "Found in the newcomer check").

The NLU reads the message without the introduction (``cues.without_self_introduction`` in
``Brain.predict``); the end-to-end checks run the demo KB through the real pipeline
(redaction, fastText, the policy).
"""

from __future__ import annotations

import pytest

from quaidcore.cues import without_self_introduction
from quaidcore.texts import Texts


@pytest.mark.parametrize(("text", "read"), [
    ("hi its [PERSON], my email is [EMAIL], how much is a study permit", "how much is a study permit"),
    ("[PERSON] here, I live in Calgary. how do i renew my pr card", "how do i renew my pr card"),
    ("hey, this is [PERSON] ([EMAIL] / [PHONE]). what is the cost of biometrics", "what is the cost of biometrics"),
    ("Hi there, [PERSON], I live at [ADDRESS], Toronto [POSTAL_CODE], how long can I stay as a visitor",
     "how long can I stay as a visitor"),
    ("bonjour c'est [PERSON] de Laval, combien coûte un permis d'études", "combien coûte un permis d'études"),
    ("Bonjour, [PERSON] de Sherbrooke ici, ai-je besoin d'un permis de travail",
     "ai-je besoin d'un permis de travail"),
    ("Salut, ici [PERSON], mon numéro est le [PHONE]. est-ce que je peux travailler",
     "est-ce que je peux travailler"),
    ("bonjour mon nom est [PERSON], j'habite au [ADDRESS], Montréal [POSTAL_CODE], c'est quoi une EIMT",
     "c'est quoi une EIMT"),
    ("est-ce que mon permis de travail a été approuvé? je m'appelle [PERSON]",
     "est-ce que mon permis de travail a été approuvé?"),
    # where the client comes from can change the answer (a visa): kept
    ("hi I'm [PERSON] from India, do I need a visa", "from India, do I need a visa"),
    ("Allô, [PERSON] de Québec, tél [PHONE], c'est quoi le PEQ", "de Québec, c'est quoi le PEQ"),
    ("bonjour c'est [PERSON], j'habite au Québec, c'est quoi le PEQ", "j'habite au Québec, c'est quoi le PEQ"),
    ("hello sir good morning, myself [PERSON] from Hyderabad. my brother invited me to Brampton",
     "my brother invited me to Brampton"),
    # someone else named in the question stays as it is, and so does what the client asks about
    ("my wife [PERSON] wants to visit me", "my wife [PERSON] wants to visit me"),
    ("i got a new phone number [PHONE], how do i update my contact info",
     "i got a new phone number, how do i update my contact info"),
    ("please call me at [PHONE] about my sponsorship application", "please call me about my sponsorship application"),
])
def test_the_nlu_reads_the_question_without_the_introduction(text, read):
    assert without_self_introduction(text) == read


@pytest.mark.parametrize("text", [
    # identifiers that open a file: the agent needs them, the message is read whole
    "check status of my citizenship application please, name [PERSON] dob [DATE_OF_BIRTH]",
    "hi my name is [PERSON], my UCI is [CLIENT_ID] where is my file",
    "bonjour c'est [PERSON], numéro de demande [APPLICATION_NUMBER]",
    "hi its [PERSON], passport [PASSPORT], how do i renew my pr card",
    # nothing but the introduction, or no introduction at all
    "hi its [PERSON]",
    "bonjour, je m'appelle [PERSON], mon courriel est [EMAIL]",
    "hi, how much is a study permit",
])
def test_messages_read_whole(text):
    assert without_self_introduction(text) == text


# -- end to end: real redaction, fastText and the policy on the demo KB ------------------------

# (message, the same question without the introduction, the solution both get)
GENERAL = [
    ("hi its amaka okafor, my email is amaka.okafor@gmail.com, how much is a study permit",
     "how much is a study permit", "090401"),  # the fees (study permit $150), not the funds to show
    ("Hello my name is Rajesh Kumar and my number is 416-555-0199, do I need a visa to visit Canada from India",
     "do I need a visa to visit Canada from India", "010101"),
    ("Wei Zhang here, I live in Calgary. how do i renew my pr card", "how do i renew my pr card", "080101"),
    ("good morning, I'm Fatima Al-Sayed from Mississauga, how many days do I need in Canada to apply for "
     "citizenship", "how many days do I need in Canada to apply for citizenship", "060101"),
    ("hey, this is John Smith (john.smith@outlook.com / 647 555 0134). what is the cost of biometrics",
     "what is the cost of biometrics", "090101"),
    ("Hi there, Maria Garcia, I live at 25 King Street West, Toronto M5H 1A1, how long can I stay in canada "
     "as a visitor", "how long can I stay in canada as a visitor", "010202"),
    ("hello, my name is Olena Petrenko, phone 514-555-0147, what language tests are accepted for express entry",
     "what language tests are accepted for express entry", "030401"),
    ("hi I am Kwame Mensah from Winnipeg, how do I get a police certificate",
     "how do I get a police certificate", "090701"),
    ("Bonjour, je m'appelle Youssef Benali et mon courriel est youssef.benali@hotmail.com, comment renouveler "
     "mon passeport", "comment renouveler mon passeport", "100101"),
    ("Salut, ici Aminata Diallo, mon numéro est le 438 555 0172. est-ce que je peux travailler pendant mes "
     "études", "est-ce que je peux travailler pendant mes études", "050501"),
    ("bonsoir je suis Jean-Pierre Dubois, j'habite à Gatineau, c'est quoi le délai pour un passeport urgent",
     "c'est quoi le délai pour un passeport urgent", "100201"),
    ("bonjour je m'appelle Sophie Martin, courriel sophie.martin@videotron.ca, tél 819-555-0190, quel est le "
     "score CRS minimum pour entrée express", "quel est le score CRS minimum pour entrée express", "030102"),
    ("Bonjour, Karim Haddad de Sherbrooke ici, ai-je besoin d'un permis de travail pour travailler au Canada",
     "ai-je besoin d'un permis de travail pour travailler au Canada", "020101"),
    ("bonjour mon nom est Claire Lefebvre, j'habite au 1200 rue Sherbrooke Ouest, Montréal H3A 1B2, combien de "
     "temps un visiteur peut rester au Canada", "combien de temps un visiteur peut rester au Canada", "010202"),
    ("allo c'est Nadia Boucher, mon cell 450-555-0166, c'est quoi une EIMT", "c'est quoi une EIMT", "020201"),
]

OWN_FILE = [
    "check status of my citizenship application please, name Amaka Okafor dob 12/03/1990",
    "hi my name is Rajesh Kumar, my UCI is 1234-5678, where is my file",
    "Hello, this is Wei Zhang, email wei.zhang@gmail.com. I applied for my PR card in March and still haven't "
    "received it",
    "hi it's John Smith from Calgary, my work permit extension has been pending for 8 months, can someone look at it",
    "Maria Garcia here, phone 647-555-0111, why was my visitor visa refused",
    "hello, Priya Sharma here, priya.sharma@yahoo.com, my passport was sent to ircc 3 months ago for visa "
    "stamping, when will i get it back",
    "bonjour c'est Marie Tremblay de Laval, ma demande de citoyenneté est bloquée depuis 6 mois",
    "Bonjour je m'appelle Youssef Benali, numéro de demande E001234567, où en est mon dossier",
    "salut ici Aminata Diallo, courriel aminata.d@gmail.com, avez-vous bien reçu mes documents?",
    "bonjour, je suis Jean-Pierre Dubois né le 4 mai 1985, pouvez-vous vérifier mon dossier de parrainage",
    "Allô, Fatou Ndiaye de Québec, tél 418-555-0133, toujours pas de nouvelles de ma demande de résidence "
    "permanente",
]


async def _first_reply(bot, text):
    conv = await bot.conversation()
    return await conv.say(text)


async def test_general_questions_with_an_introduction_are_answered(demo_harness):
    bot = await demo_harness()
    wrong = []
    for text, bare, code in GENERAL:
        replies = await _first_reply(bot, text)
        plain = await _first_reply(bot, bare)
        got = [(r.kind, r.code) for r in replies]
        if got[:1] != [("answer", code)] or got != [(r.kind, r.code) for r in plain]:
            wrong.append((text, got, [(r.kind, r.code) for r in plain]))
    assert not wrong


async def test_own_file_messages_with_an_introduction_are_handed_off(demo_harness):
    bot = await demo_harness()
    lang_of = {True: "fr", False: "en"}
    wrong = []
    for text in OWN_FILE:
        replies = await _first_reply(bot, text)
        lang = lang_of[any(w in text.lower() for w in ("bonjour", "salut", "allô"))]
        if [(r.kind, r.text) for r in replies] != [("handoff", Texts().get("handoff_own_file", lang))]:
            wrong.append((text, [(r.kind, r.code) for r in replies]))
    assert not wrong
