"""The learned "whose is it?" model of contact details (quaid_patterns.owner_model): its
features on written sentences, public and private details, the gates that keep a detail masked
when the model has nothing to judge it by, the option that turns it off, the shipped model."""

from __future__ import annotations

from quaid_patterns import PatternRedactor, PatternsConfig
from quaid_patterns.owner_model import (
    MINE,
    MODEL,
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
