"""The learned "whose is it?" model of contact details (quaid_patterns.owner_model): its
features on written sentences, public and private details, the gates that keep a detail masked
when the model has nothing to judge it by, the option that turns it off, the shipped model."""

from __future__ import annotations

from quaid_patterns import PatternRedactor, PatternsConfig
from quaid_patterns.owner_model import (
    BODY_AT,
    MINE,
    MODEL,
    PERSON_AT,
    THRESHOLD,
    OwnerModel,
    context_words,
    features,
    judged,
    owner_model,
    probability,
    public_dropped,
)
from quaid_patterns.train_owner import shapes

from quaidcore import Span
from quaidcore.redaction import RedactionChain

ON = PatternRedactor()
OFF = PatternRedactor(PatternsConfig(owner_model=False))

# Written for this test (not taken from the held-out sets): a business's, a school's, a clinic's
# number that the client quotes; the rules mask them, the model leaves them.
PUBLIC = [
    ("the pharmacy called from 613-555-0148 about the medical form, do I need to go?", "613-555-0148"),
    ("the hotel front desk number is 604-555-0110 if the officer asks where we stay?", "604-555-0110"),
    ("the school board phoned from 905-555-0133 about the study permit, what do they need?", "905-555-0133"),
    ("la pharmacie a appelé du 418-555-0139 pour le formulaire médical, est-ce que je dois y aller?", "418-555-0139"),
    ("le bureau de l'école appelle toujours du 418-555-0139 pour les frais de scolarité", "418-555-0139"),
]
# The client's own details, or a relative's, with and without a first-person word.
PRIVATE = [
    ("Please mail the PR card to 221 Ontario Street, Kingston", "221 Ontario Street"),
    ("My new address is 14 Birchmount Crescent, Scarborough.", "14 Birchmount Crescent"),
    ("you can reach me on 647-555-0190 after 5", "647-555-0190"),
    ("mon numéro c'est le 438 555 0177", "438 555 0177"),
    ("I moved to 2250 Lakeshore Blvd last week, please update my file", "2250 Lakeshore Blvd"),
    ("ma fille habite au 45 rue des Érables à Gatineau", "45 rue des Érables"),
    ("Applicant: Lina Haddad, 3 Cedar Lane, Moncton NB E1C 4H7", "E1C 4H7"),
    ("Spouse's phone 514 555 0123, address 88 Rideau St", "514 555 0123"),
    # a public body in the sentence, the detail nearer a word that ties it to a person
    ("the consulate mailed my passport back to 12 Alder Road on friday", "12 Alder Road"),
    ("I phoned the clinic, they can call me at 613-555-0171 tomorrow", "613-555-0171"),
    ("the embassy wants the home address of the applicant, 221 Ontario Street, Kingston", "221 Ontario Street"),
    ("the school needs her home address: 221 Ontario Street", "221 Ontario Street"),
    ("the office asked for his cell number, it is 613-555-0163", "613-555-0163"),
    ("please tell the office to send the card to 221 Ontario Street, Kingston", "221 Ontario Street"),
    ("Service Canada has the wrong phone for the applicant's spouse: 647-555-0190", "647-555-0190"),
    # a correction, a record, where something was sent, a body that reaches or needs the detail
    ("IRCC sent the letter to the wrong address, the right one is 221 Ontario Street", "221 Ontario Street"),
    ("the office wrote to 14 Birchmount Crescent last week but we moved", "14 Birchmount Crescent"),
    ("can the office call 416-555-0182 tomorrow", "416-555-0182"),
    ("the school will contact the family at 416-555-0182", "416-555-0182"),
    ("le bureau a encore l'ancienne adresse, la nouvelle est 45 rue des Érables", "45 rue des Érables"),
]


def _span(text: str, value: str, kind: str = "PHONE") -> tuple[int, int, str]:
    start = text.index(value)
    return start, start + len(value), kind


def _masked_values(redactor: PatternRedactor, text: str) -> list[str]:
    return [text[s.start:s.end] for s in redactor.find(text)]


def test_features_of_a_quoted_number() -> None:
    text = "the pharmacy called from 613-555-0148 about the medical form, do I need to go?"
    attributes = features(text, *_span(text, "613-555-0148"))
    for expected in ("bias", "t=PHONE", "b1:from", "b2:called", "b:pharmacy", "a1:about", "a:medical",
                     "bb:called_from", "ab:about_the", "body_b", "body", "q", "v:digits3"):
        assert expected in attributes, expected
    assert MINE not in attributes  # "I" stands in another clause, after the comma
    assert "fp_sentence" in attributes and "fpb1" not in attributes


def test_features_of_a_client_line() -> None:
    text = "Adresse : 45 rue des Pins\nmy cell 1-800-555-0199 ext. 12 and +33 6 12 34 56 78"
    address = features(text, *_span(text, "45 rue des Pins", "ADDRESS"))
    assert "label" in address and "b:adresse" in address and "pc::" in address
    toll_free = features(text, *_span(text, "1-800-555-0199"))
    assert {"v:tollfree", "v:ext", "poss:my", "fpb1", MINE} <= set(toll_free)
    assert "b:adresse" not in toll_free  # the line break ends its sentence
    plus = features(text, *_span(text, "+33 6 12 34 56 78"))
    assert "v:plus" in plus and "v:tollfree" not in plus


def test_brackets_right_after_the_value_speak_of_it() -> None:
    for text, value in (("Consulat du Mali : 514-555-0131 (mon cell)", "514-555-0131"),
                        ("the clinic, 604-555-0177 (personal line)", "604-555-0177")):
        assert MINE in features(text, *_span(text, value)), text
    text = "the embassy: 613-555-0166 (switchboard), then ask for visas"
    assert MINE not in features(text, *_span(text, "613-555-0166"))
    text = "the embassy: 613-555-0166, (I called twice)"  # brackets after a comma: another clause
    assert MINE not in features(text, *_span(text, "613-555-0166"))


def test_features_read_the_other_spans_masked() -> None:
    text = "Call Marie Tremblay at the embassy, 613-555-0123"
    start, end, _ = _span(text, "613-555-0123")
    others = [Span(5, 19, "PERSON")]
    attributes = features(text, start, end, "PHONE", others)
    assert "b:[person]" in attributes and "other:[person]" in attributes
    assert "b:marie" not in attributes and "org_b" in attributes  # "Call" opens the sentence
    assert "b:marie" in features(text, start, end, "PHONE")


def test_an_organisation_before_the_value() -> None:
    text = "I called the Nigerian High Commission on +234 9 461 2900 twice"
    attributes = features(text, *_span(text, "+234 9 461 2900"))
    assert "org_b" in attributes and MINE not in attributes  # "commission" is nearer than "I"
    plain = "we called them on +234 9 461 2900 twice"
    assert "org_b" not in features(plain, *_span(plain, "+234 9 461 2900"))


def test_public_details_are_left_and_the_rules_alone_masked_them() -> None:
    for text, value in PUBLIC:
        assert value in _masked_values(OFF, text), text
        assert value not in _masked_values(ON, text), text


def test_private_details_stay_masked() -> None:
    for text, value in PRIVATE:
        assert value in _masked_values(ON, text), text


def test_the_model_itself_calls_them_apart() -> None:
    """Through the gates: a public body's word in each sentence, words the model knows, no
    first-person word nearer the value than the body's."""
    model = owner_model()
    for text, value in PUBLIC:
        attributes = features(text, *_span(text, value))
        assert judged(attributes, model.known), text
        assert model.private(attributes) < THRESHOLD, text
    text = "the office said to update the address to 14 Birchmount Crescent, Scarborough ON M1K 1B2"
    attributes = features(text, *_span(text, "M1K 1B2", "POSTAL_CODE"))
    assert MINE in attributes and not judged(attributes, model.known)  # a correction: the client's


def test_the_gates_keep_a_detail_masked() -> None:
    model = owner_model()
    # a word tying the value to a person nearer than the body's: not judged
    for text, value in PRIVATE[-12:]:
        attributes = features(text, *_span(text, value))
        assert MINE in attributes and not judged(attributes, model.known) and model.private(attributes) == 1.0
    # too few words that the model knows around the value, or no public body's word
    for text, value in (
        ("employeur 1-543-824-0543 employeur", "1-543-824-0543"),
        ("Ñâ? 239 490-9523 Ñâ?", "239 490-9523"),
        ("NAME0NAME0NAME (200) 200-0000 ?", "(200) 200-0000"),
        ("Y:HE:A (200) 200-0000 ?", "(200) 200-0000"),
        ("what time works for the interview? 613-555-0175", "613-555-0175"),
    ):
        attributes = features(text, *_span(text, value))
        assert not judged(attributes, model.known), text
        assert model.private(attributes) == 1.0
        assert value in _masked_values(ON, text)
    assert context_words(["b:name", "b:name", "a:the", "a:he", "b:[person]"]) == 2  # different, 3 letters or more


def test_public_dropped_touches_only_contact_details() -> None:
    text, value = PUBLIC[0]
    phone = Span(*_span(text, value))
    other = Span(0, 3, "PERSON")  # not a contact detail: never judged
    assert public_dropped(text, [other, phone]) == [other]
    assert public_dropped(text, [other, phone], threshold=0.0) == [other, phone]
    assert 0.0 <= probability(text, phone, [other]) < THRESHOLD


def test_the_option_off_is_the_old_behaviour() -> None:
    texts = [t for t, _ in PUBLIC + PRIVATE] + ["how long does it take to process a study permit?"]
    for text in texts:
        off, on = OFF.find(text), ON.find(text)
        assert set(on) <= set(off), text  # the model only ever removes spans
        assert [s for s in off if s.type not in ("PHONE", "ADDRESS", "POSTAL_CODE")] == [
            s for s in on if s.type not in ("PHONE", "ADDRESS", "POSTAL_CODE")
        ]
    # with no contact-detail type asked for, the model is not consulted at all
    names_only = PatternRedactor(PatternsConfig(types=["PERSON", "EMAIL"]))
    assert not names_only._owner_model


def test_redacting_twice_changes_nothing() -> None:
    chain = RedactionChain([ON])
    for text, _ in PUBLIC + PRIVATE:
        once = chain.redact(text).text
        assert chain.redact(once).text == once, text


def test_the_model_file_ships_small_and_loads() -> None:
    assert MODEL.is_file()
    assert MODEL.stat().st_size < 1_000_000
    model = OwnerModel(MODEL)
    assert "b:embassy" in model.known and "bias" in model.known
    assert owner_model() is owner_model()  # loaded once


def test_the_shape_pass_ignores_whose_it_is() -> None:
    """The training's negatives come from a pass that applies no public-place rule."""
    text = "the VFS centre at 1200 Bay St, Toronto ON M5R 2A5, phone 416-555-0100"
    found = {(text[s:e], kind) for s, e, kind in shapes(text)}
    assert ("1200 Bay St", "ADDRESS") in found
    assert ("M5R 2A5", "POSTAL_CODE") in found
    assert ("416-555-0100", "PHONE") in found


# Probes written for issue 14 (not taken from the held-out sets). A person AT/CHEZ/IN a body, or at a relative's:
# the detail is where the person is, or the person's own line; it stays masked. Trained with heldout45 and without
# the person-at gate, the model gave P(private) 0.16 to the YMCA shelter's line, 0.11 to the cousin's and 0.05 to the
# hospital's; the shipped model before this gate unmasked the YMCA one (0.34).
PERSONS_AT_BODIES = [
    ("my cousin at the embassy can help, her number is +82 2 3783 6000", "+82 2 3783 6000"),
    ("my cousin at the embassy (+82 10 3783 6000) can vouch for us", "+82 10 3783 6000"),
    ("she's at the YMCA shelter, 1440 rue Stanley, since monday", "1440 rue Stanley"),
    ("she is staying at the women's shelter on 225 Carlton St until the hearing", "225 Carlton St"),
    ("ma mère est à l'hôpital Sainte-Justine, 3175 chemin de la Côte-Sainte-Catherine, chambre 4", "3175 chemin de la Côte-Sainte-Catherine"),
    ("mon frère est hébergé au refuge, 1301 rue Sanguinet, pour l'instant", "1301 rue Sanguinet"),
    ("I'm staying at my uncle's, 12 Maple Ave, Brampton", "12 Maple Ave"),
    ("we are at the Days Inn hotel, 350 Dixon Rd, room 214, until friday", "350 Dixon Rd"),
    ("my husband works at the Tim Hortons, you can reach him there at 905-555-0134", "905-555-0134"),
    ("he is at the hospital now, 1200 Main St W, call him at 905-555-0167", "905-555-0167"),
    ("ma fille est à l'école, elle a son cell 514-555-0192 si vous devez la joindre", "514-555-0192"),
    ("my dad is in the hospital, the ward phone by his bed is 613-555-0176", "613-555-0176"),
    ("I'm at the hostel on 78 Bathurst St for now, is that ok as a mailing address?", "78 Bathurst St"),
    ("nous sommes chez ma tante, 45 rue des Érables, Gatineau", "45 rue des Érables"),
]
# A body's own line or address, quoted: the model calls it public (the rules' own public-place rules already leave
# most of these; the model must agree). Two more bodies' details stay masked, by its gates: "le bureau au 1010 rue
# Sainte-Catherine Ouest ouvre à quelle heure?" (too few words it knows) and "the hospital's switchboard
# 416-555-0100 put me on hold" ("me" after it).
BODIES_OWN = [
    ("the embassy at 45 Rideau St opens at 9, do I need an appointment?", "45 Rideau St"),
    ("is the VFS centre located at 1200 Bay St the right one for biometrics?", "1200 Bay St"),
    ("the clinic is at 2155 rue Guy, do they do the immigration medical?", "2155 rue Guy"),
    ("the pharmacy called from 613-555-0148 about the medical form, do I need to go?", "613-555-0148"),
    ("the consulate's phone line 613-555-0102 never answers, is there an email?", "613-555-0102"),
    ("la clinique médicale au 1560 rue Sherbrooke Est fait-elle l'examen médical?", "1560 rue Sherbrooke Est"),
    ("the hotel front desk number is 604-555-0110 if the officer asks where we stay?", "604-555-0110"),
    ("the Service Canada office at 305 René-Lévesque Blvd W, is it open saturday?", "305 René-Lévesque Blvd W"),
    ("l'ambassade est au 45 rue Rideau, faut-il prendre rendez-vous?", "45 rue Rideau"),
    ("the school board phoned from 905-555-0133 about the study permit, what do they need?", "905-555-0133"),
]


def _kind(value: str) -> str:
    return "PHONE" if value[-1].isdigit() else "ADDRESS"


def test_a_person_at_a_body_is_told_from_the_body_own_detail() -> None:
    text = "she's at the YMCA shelter, 1440 rue Stanley"
    assert PERSON_AT in features(text, *_span(text, "1440 rue Stanley", "ADDRESS"))
    text = "the embassy at 45 Rideau St opens at 9"
    attributes = features(text, *_span(text, "45 Rideau St", "ADDRESS"))
    assert BODY_AT in attributes and PERSON_AT not in attributes
    # the person at the body wins: the shelter's address is where she stays
    text = "she is staying at the women's shelter on 225 Carlton St"
    attributes = features(text, *_span(text, "225 Carlton St", "ADDRESS"))
    assert PERSON_AT in attributes and BODY_AT not in attributes
    # "my appointment at the clinic" is no person at it
    text = "mon rdv à la clinique médicale, 2155 rue Guy"
    assert PERSON_AT not in features(text, *_span(text, "2155 rue Guy", "ADDRESS"))
    # an organisation's name after an article is nearer than "ma"; a name the name rules missed is not
    text = "l'employeur de ma femme c le Provigo au 3421 avenue du Parc"
    attributes = features(text, *_span(text, "3421 avenue du Parc", "ADDRESS"))
    assert BODY_AT in attributes and MINE not in attributes
    text = "please send it to Marie Dupont at 12 Main St"
    assert MINE in features(text, *_span(text, "12 Main St", "ADDRESS"))


def test_persons_at_bodies_stay_masked() -> None:
    model = owner_model()
    for text, value in PERSONS_AT_BODIES:
        attributes = features(text, *_span(text, value, _kind(value)))
        assert model.private(attributes) >= THRESHOLD, text
        if value in _masked_values(OFF, text):  # the rules leave the hotel's and the hospital's
            assert value in _masked_values(ON, text), text


def test_bodies_own_details_are_public() -> None:
    """Where the rules keep a body's own detail, the model judges it and calls it public;
    where the rules leave it, the model may not judge it (too few words it learned), but
    never calls it private when it does. Either way it stays unmasked."""
    model = owner_model()
    for text, value in BODIES_OWN:
        attributes = features(text, *_span(text, value, _kind(value)))
        if value in _masked_values(OFF, text) or judged(attributes, model.known):
            assert judged(attributes, model.known), text
            assert model.private(attributes) < THRESHOLD, text
        assert value not in _masked_values(ON, text), text
