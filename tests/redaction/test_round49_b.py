"""Issue 14, round 49 part B: cards, passports and phones, read on heldout98, heldout99 and heldout100, probed with rows
written for each class (not the sets' lines: other numbers, languages, positions).

- A card's expiry word opening the next sentence or line after the number ("... 8812. Expiry: 04/28", "...\\nExp 1/27",
  "Vence: 09/27"): identifiers._AFTER_CARD, _EXPIRY_BARE.
- A business's card, paying for a client or an employee ("the company card", "la carte de l'entreprise", "notre carte
  corporative", "la tarjeta de la empresa"), a card's label holding a word with an apostrophe before its colon ("la
  carte de l'agence :"), a purchase or a charge made with or on the number ("last transaction with ...", "l'achat fait
  avec ma ...", "cobrado a la ..."): identifiers._CUED_CARD. There four groups of four are a card even when they fail
  the Luhn check.
- A passport of Germany's alphabet of letters and digits ending in a letter ("G8K2M5T7X"): identifiers._PASSPORT_CODE.
- A number of another country written with a dash or a dot with a space each side ("06 - 12 - 34 - 56 - 78",
  "0803 . 123 . 4567"): worldphones._CANDIDATE.
Each row: the text and the exact (type, value) spans the whole redactor must give, in order.
"""

from __future__ import annotations

import pytest
from quaid_patterns import PatternRedactor
from redaction_cases import assert_finds_exactly

C, P, PP = "CREDIT_CARD", "PHONE", "PASSPORT"

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # the expiry word opening the next sentence or line
    ("Card number 5500 0055 5555 5559. Expiry: 04/28. Thanks", [(C, "5500 0055 5555 5559"), (C, "04/28")]),
    ("ma carte 4556 7375 8689 9855.\nExpire le 3/29", [(C, "4556 7375 8689 9855"), (C, "3/29")]),
    ("Tarjeta 4111 1111 1111 1111. Vence: 09/27", [(C, "4111 1111 1111 1111"), (C, "09/27")]),
    ("Visa: 4024 0071 5336 2297.\nExp. date 11 2029", [(C, "4024 0071 5336 2297"), (C, "11 2029")]),
    # near-misses: a date in the next sentence with no expiry word
    ("card 5500 0055 5555 5559. On 12/25 I paid twice", [(C, "5500 0055 5555 5559")]),
    ("card 5500 0055 5555 5559. Paid 12 26 dollars", [(C, "5500 0055 5555 5559")]),
    # a business's card (numbers that fail the Luhn check, as in an example)
    ("For our client's fees please use the company card 5412 7730 9981 2206 thanks", [(C, "5412 7730 9981 2206")]),
    ("Pour mon employé, voici la carte de l'entreprise 4716 2290 3318 5520", [(C, "4716 2290 3318 5520")]),
    ("Frais du client : notre carte corporative 4929 1133 8820 0940", [(C, "4929 1133 8820 0940")]),
    ("Para el cliente, la tarjeta de la empresa es 4929 1133 8820 0946", [(C, "4929 1133 8820 0946")]),
    ("pay the fees on the business's visa card: 4532 0098 1276 4410", [(C, "4532 0098 1276 4410")]),
    ("la carte de l'agence : 5258 4410 9937 1206", [(C, "5258 4410 9937 1206")]),
    # near-misses: a company's file or a client's number, no card word
    ("the company file 4556 7310 2284 9911 is closed", []),
    ("client number 4556 7310 2284 9917", [("CLIENT_ID", "4556 7310 2284 9917")]),
    # a purchase or a charge made with or on the number
    ("my last transaction with 5312 4408 7719 2050 was refused", [(C, "5312 4408 7719 2050")]),
    ("l'achat fait en ligne avec ma 4929 3318 0045 7712 a échoué", [(C, "4929 3318 0045 7712")]),
    ("cobrado a la 4024 5561 0093 1188 dos veces", [(C, "4024 5561 0093 1188")]),
    # near-misses: the transaction's own number or reference
    ("transaction number 4716 2289 0045 1123 for the fee", []),
    ("the payment with reference 5312 4408 7719 2050 went through", []),
    # a German passport's number ending in a letter
    ("Reisepass meines Mannes: LH7R2K9CX", [(PP, "LH7R2K9CX")]),
    ("her german passport is G8K2M5T7X, valid to 2031", [(PP, "G8K2M5T7X")]),
    ("passeport allemand n° F3R9TK4LZ", [(PP, "F3R9TK4LZ")]),
    # near-misses: words in capitals, a code without digits enough
    ("passport office GHANAWIDE is busy", []),
    ("PASSPORT RENEWAL FORMS ARE HERE", []),
    # a dash or a dot with a space each side
    ("mon cell 06 . 12 . 34 . 56 . 78 merci", [(P, "06 . 12 . 34 . 56 . 78")]),
    ("my number in Lagos 0803 - 123 - 4567", [(P, "0803 - 123 - 4567")]),
    ("whatsapp +44 7911 - 123 - 456", [(P, "+44 7911 - 123 - 456")]),
    ("mi celular en Guadalajara 33 - 1234 - 5678", [(P, "33 - 1234 - 5678")]),
    # near-misses: years, a date, amounts
    ("from 2019 - 2020 - 2021 - 2022 I studied", []),
    ("the totals were 0803 - 1234 - 5678 - 9012 dollars", []),
    ("pages 0612 - 0645 of the guide", []),
]


@pytest.fixture(scope="module")
def redactor() -> PatternRedactor:
    return PatternRedactor()


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round49_b(redactor: PatternRedactor, text: str, expected: list[tuple[str, str]]) -> None:
    assert_finds_exactly(redactor.find, text, expected)
