"""Issue 14, round 52 part B: cards and client IDs typed where a phone's shape stood, read on heldout109, heldout110,
heldout114, heldout115 and heldout117, probed with rows written for each class (not the sets' lines: other numbers,
languages, positions).

- A card's expiry date after an expiry word later in the card's message, a word or two alone between the card and the
  word, an aside ("please charge 5500 ... again, exp 7/27", "... svp, exp 4/28"); a longer clause or another number
  between stays identifiers' to judge (the sets that label no expiry: "declined at payment step, expiry ...", "code 123
  expires ..."): recognizers.later_expiries, _ASIDE.
- A word for the month's end or for the date itself between the expiry word and the date ("expire à la fin de 10/27",
  "expires end of 11/28", "validade até 07/28"): recognizers._LATER_EXPIRY.
- The month and the year as four digits with no separator after a later expiry word ("(amex) exp 0929"), a month 01-12
  and a year 23-39 ("exp 2028" is a year): recognizers._LATER_EXPIRY.
- A card's sixteen digits in one piece after the card's word, a copula and an article ("ma carte de crédit c'est la
  5312...", "my card is the ...", "mi tarjeta es la nueva ..."), Luhn or not; not another kind of card ("gift card",
  "carte santé"): recognizers.article_cards.
- A client ID opening with "00" after "UCI its" / "it's", or its correction after a correction's words ("UCI its
  0045-8812-33 i mean 0045881234"): no call to Denmark (contact._CLIENT_LABEL_BEFORE).
Each row: the text and the exact (type, value) spans the whole redactor must give, in order.
"""

from __future__ import annotations

import pytest
from quaid_patterns import PatternRedactor
from redaction_cases import assert_finds_exactly

C, P, U = "CREDIT_CARD", "PHONE", "CLIENT_ID"

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # a later expiry after an aside; not a document's, nor after a code's number (identifiers' to judge)
    ("please charge 5500 0055 5555 5559 again, exp 7/27", [(C, "5500 0055 5555 5559"), (C, "7/27")]),
    ("utilisez plutôt la 4111 1111 1111 1111 svp, exp 4/28", [(C, "4111 1111 1111 1111"), (C, "4/28")]),
    ("card 4111 1111 1111 1111, my passport expires 3/27", [(C, "4111 1111 1111 1111")]),
    ("carte 5500 0055 5555 5559 code 741 expire 10/28", [(C, "5500 0055 5555 5559")]),
    # a word for the month's end or the date between the expiry word and the date
    (
        "Numéro de carte 4111 1111 1111 1111 — expire à la fin de 10/27",
        [(C, "4111 1111 1111 1111"), (C, "10/27")],
    ),
    ("visa 4111 1111 1111 1111, expires end of 11/28", [(C, "4111 1111 1111 1111"), (C, "11/28")]),
    ("cartão 5500 0055 5555 5559 recusado, validade até 07/28", [(C, "5500 0055 5555 5559"), (C, "07/28")]),
    ("card 4111 1111 1111 1111 paid, my permit expires end of 10/27", [(C, "4111 1111 1111 1111")]),
    # the month and the year in four digits
    ("new card 3714 496353 98431 (amex) exp 0929 pls", [(C, "3714 496353 98431"), (C, "0929")]),
    ("my visa 4111 1111 1111 1111 (new one) exp. 1128", [(C, "4111 1111 1111 1111"), (C, "1128")]),
    ("card 4111 1111 1111 1111 (visa) exp 2028", [(C, "4111 1111 1111 1111")]),
    # a card in one piece after the card's word, a copula and an article
    ("ma carte de crédit c'est la 5312448812906677", [(C, "5312448812906677")]),
    ("my card is the 4929113388200946 thanks", [(C, "4929113388200946")]),
    ("mi tarjeta es la nueva 4716009322845572", [(C, "4716009322845572")]),
    ("the card was a 5312448812906677, the bank says", [(C, "5312448812906677")]),
    ("my gift card is the 6050110010041234", []),
    ("ma carte santé c'est la 4540112290873351", []),
    # a UCI opening with 00 after "its", or its correction
    ("my uci it's 0032-4418-57", [(U, "0032-4418-57")]),
    ("mon IUC 0098-1123-45 euh non 0098112354", [(U, "0098-1123-45"), (U, "0098112354")]),
    ("UCI its 0045-8812-33 i mean 0045881234", [(U, "0045-8812-33"), (U, "0045881234")]),
    ("my uci is 1102-7739-84, call me at 0044 20 7946 0958", [(U, "1102-7739-84"), (P, "0044 20 7946 0958")]),
]


@pytest.fixture(scope="module")
def redactor() -> PatternRedactor:
    return PatternRedactor()


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round52_b(redactor: PatternRedactor, text: str, expected: list[tuple[str, str]]) -> None:
    assert_finds_exactly(redactor.find, text, expected)
