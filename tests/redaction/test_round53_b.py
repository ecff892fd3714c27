"""Issue 14, round 53 part B: phones, e-mails and cards on heldout94, heldout113, heldout116 and heldout118, probed with
rows written for each class (not the sets' lines: other numbers, languages, positions).

- A card's expiry with no card number in the message: the bot's question answered alone ("expiration 05/29"), or a card
  named anywhere in the message ("cc exp is ..."); not a document's, nor after a verb: recognizers.lone_expiries.
- The country's code in brackets before a number its plan does not know ("(+44) 7700 900 123"), the bracket in the
  span: contact._PHONE_INTERNATIONAL.
- The area code's closing bracket alone ("647)555-0178"), an area code's: contact._PHONE_NANP.
- A phone's word glued to the "+" ("phone+1-604-...", "tel+33 6 ..."), no other word: contact._GLUED_PHONE_WORD.
- The writer's own client ID after another's ("UCI 00... that's my husband's. mine is 00..."): no call abroad, the same
  label's (contact.CLIENT_MINE_BEFORE, recognizers.mine_after_client).
- An e-mail with its dots said and its host's end left out ("jp dot morales at gmail"): contact._EMAIL_HOST_SAID.
- The federal lines published for callers abroad are no client's (checksums.AGENCY_LINES).
Each row: the text and the exact (type, value) spans the whole redactor must give, in order.
"""

from __future__ import annotations

import pytest
from quaid_patterns import PatternRedactor
from redaction_cases import assert_finds_exactly

C, P, U, E = "CREDIT_CARD", "PHONE", "CLIENT_ID", "EMAIL"

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # a card's expiry alone, or with a card named in the message
    ("expiration 04/30", [(C, "04/30")]),
    ("oh and exp date 7/27", [(C, "7/27")]),
    ("date d'expiration : 03/29", [(C, "03/29")]),
    ("credit card exp is 12/27, i sent the number by mail", [(C, "12/27")]),
    ("exp 09/28. it's my wife's card", [(C, "09/28")]),
    ("la carte de mon fils, exp. 10/28", [(C, "10/28")]),
    ("my pr card exp 11/26", []),
    ("passport exp 03/28", []),
    ("exp 08/31 for my permit", []),
    ("my visa exp 09/27", []),
    ("my 90 days expire on 04/10", []),
    ("exp 11/19", []),
    ("the promo on your website exp 11/26 or something, is that right? i want to apply now", []),
    # the country's code in brackets, the plan not knowing the number
    ("whatsapp (+44) 7700 900 456 pls", [(P, "(+44) 7700 900 456")]),
    ("mi número (+52) 55 0000 1234 gracias", [(P, "(+52) 55 0000 1234")]),
    # the area code's closing bracket alone
    ("cell 416)555-0199 thx", [(P, "416)555-0199")]),
    ("rappelez au 514)272-9001 svp", [(P, "514)272-9001")]),
    ("(ref 123)456-7890", []),
    # a phone's word glued to the "+"
    ("text my son phone+1-587-555-0123", [(P, "+1-587-555-0123")]),
    ("tel+33 6 12 34 56 78", [(P, "+33 6 12 34 56 78")]),
    # the writer's own client ID after another's
    ("IUC 0098112345 (celui de ma femme), le mien c'est 0098112399", [(U, "0098112345"), (U, "0098112399")]),
    ("uci 0061234567 is my sons. mine is 0061234599", [(U, "0061234567"), (U, "0061234599")]),
    ("client id 1122-3344 is my moms, and mine is 1122-3399", [(U, "1122-3344"), (U, "1122-3399")]),
    ("UCI 1102773984 is my sons. mine is 0044 20 7946 0958", [(U, "1102773984"), (P, "0044 20 7946 0958")]),
    ("UCI 1102773984 is my sons. mine is 416 555 0199", [(U, "1102773984"), (P, "416 555 0199")]),
    # an e-mail with its dots said, the host's end left out
    ("its jp dot morales at gmail", [(E, "jp dot morales at gmail")]),
    ("mon courriel c'est k point diallo chez yahoo merci", [(E, "k point diallo chez yahoo")]),
    ("write to amara underscore b at hotmail", [(E, "amara underscore b at hotmail")]),
    ("the point is at gmail they block you", []),
    # the federal lines for callers abroad
    ("I tried +1 613 996 8885 twice from Lagos, no answer", []),
    ("j'ai appelé le 819-997-8338 depuis Paris pour mon passeport", []),
    ("called 613-940-8495 about my taxes as a non resident", []),
    ("my cell is 613 996 8855", [(P, "613 996 8855")]),
]


@pytest.fixture(scope="module")
def redactor() -> PatternRedactor:
    return PatternRedactor()


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round53_b(redactor: PatternRedactor, text: str, expected: list[tuple[str, str]]) -> None:
    assert_finds_exactly(redactor.find, text, expected)
