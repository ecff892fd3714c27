"""Issue 14, round 51 part B: cards, phones, SINs and e-mails, read on heldout102, heldout104, heldout106 and heldout108,
probed with rows written for each class (not the sets' lines: other numbers, languages, positions).

- A card's expiry date later in the message typed with a letter o for a zero or an l / I for a one ("exp lo/28",
  "expires o7/2o27"), every digit a blank apart ("exp 1 1 / 2 9"), in words ("onze/vingt-huit", "nine/twenty
  twenty-seven"), or the year first right after the card ("expiry 2029/11"): recognizers.later_expiries,
  _expiry_month_year (a month 1 to 12, two real digits at least).
- A SIN or a phone typed with a letter o / O for a zero and an l / I for a one in its groups ("nas 2o4 5l6 7I8",
  "(6o4) 555-O187"): three groups of three after a SIN's word, a North American number's ten digits after a phone's word
  or with its area code in brackets (recognizers.lettered_numbers).
- A phone spelled partly in words and partly in digits, its area code in brackets or its parts dashed, an extension after
  ("(six one three) 555-0142", "1-six-one-three-555-0188 ext 14"): contact.spelled_phones.
- Eight digits in two groups of four or four pairs right after a phone's word, as the plans of eight digits write a line
  (Haiti, Lebanon, Gabon...): "mon nouvo numéro c 4812 3390", "..., Haiti, my phone 4893 2210" (outranking a postal code's
  shape after an address): worldphones.world_phones, _LOCAL_EIGHT, _PHONE_WORD_RIGHT_BEFORE.
- A handle's "@" before an e-mail address with a "+tag" or a dot in its name ("reach me @ jo.tremblay+cic@gmail.com"):
  the address, not "me @ jo.tremblay" (contact._EMAIL).
- A family's SINs listed after the plural word ("my kids SINs are ... and ..."): recognizers.listed_sins.
- A Canadian passport's two letters in either case, then its six digits in pairs or triples apart, after a passport's
  word ("my passport is hk 98 76 54", "passport: xy-12-34-56"), not a two-letter word ("fee is 12 34 56"):
  recognizers.passport_pairs.
- France's "CB" as a card's label right before its sixteen digits, Luhn or not ("CB : 5412 ..."): recognizers.cb_cards.
- A value's groups joined by an underscore, an asterisk or a comma ("cell 514_555_0199", "sin 046*454*286", "card
  4532_0151_1283_0366"), after its word (a card Luhn-valid without one): recognizers.odd_separated.
- "appelle moi au" before a phone spelled in words: contact._SPELLED_KEYS.
Each row: the text and the exact (type, value) spans the whole redactor must give, in order.
"""

from __future__ import annotations

import pytest
from quaid_patterns import PatternRedactor
from redaction_cases import assert_finds_exactly

C, P, S, E = "CREDIT_CARD", "PHONE", "SIN", "EMAIL"

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # a card's expiry with letters for digits, spaced digits, words, the year first
    ("ma visa 4716 0093 2284 5571 exp lo/28 merci", [(C, "4716 0093 2284 5571"), (C, "lo/28")]),
    ("my amex 3759 104823 61027 expires o7/2o27", [(C, "3759 104823 61027"), (C, "o7/2o27")]),
    ("carte 5312 8890 1234 5678 exp 1 1 / 2 9", [(C, "5312 8890 1234 5678"), (C, "1 1 / 2 9")]),
    ("card 4532 0151 1283 0366 expiry 2029/11", [(C, "4532 0151 1283 0366"), (C, "2029/11")]),
    ("la carte 4532-0151-1283-0366 date d'exp. onze/vingt-huit", [(C, "4532-0151-1283-0366"), (C, "onze/vingt-huit")]),
    ("card 4532 0151 1283 0366 exp nine/twenty twenty-seven", [(C, "4532 0151 1283 0366"), (C, "nine/twenty twenty-seven")]),
    ("ok card 4532 0151 1283 0366 exp 0l/3o thanks", [(C, "4532 0151 1283 0366"), (C, "0l/3o")]),
    # ... no month, no digits, a document's date: left
    ("card 4532 0151 1283 0366 exp 13/29", [(C, "4532 0151 1283 0366")]),
    ("carte 5312 8890 1234 5678 exp 3 1 / 2 9", [(C, "5312 8890 1234 5678")]),
    ("card 4532 0151 1283 0366 exp lo/lo", [(C, "4532 0151 1283 0366")]),
    ("card 4532 0151 1283 0366 exp 2031/13", [(C, "4532 0151 1283 0366")]),
    ("card 4532 0151 1283 0366, my passport expires o3/28", [(C, "4532 0151 1283 0366")]),
    # letters for digits in a SIN or a phone
    ("mon nas 2o4 5l6 7I8 svp", [(S, "2o4 5l6 7I8")]),
    ("SIN: 9O3-4l2-88O", [(S, "9O3-4l2-88O")]),
    ("my cell (6o4) 555-O187", [(P, "(6o4) 555-O187")]),
    ("text me 438.55o.2l99 after 5", [(P, "438.55o.2l99")]),
    # ... no cue, a group of letters alone, a room
    ("order 4o1 9o2 8o3 shipped", []),
    ("lol 100 times, sin is coming", []),
    ("room 1o4 floor 2", []),
    # a phone in words and digits
    ("ok chu back lol, my cell is (six one three) 555-0142", [(P, "(six one three) 555-0142")]),
    ("call my cell plz 1-six-one-three-555-0188 ext 14", [(P, "1-six-one-three-555-0188 ext 14")]),
    ("mon numéro c'est (quatre cinq zéro) 555-0123 poste 7", [(P, "(quatre cinq zéro) 555-0123 poste 7")]),
    # eight digits after a phone's word
    ("mon nouvo numéro c 4812 3390", [(P, "4812 3390")]),
    ("tél 77 45 12 89 svp", [(P, "77 45 12 89")]),
    ("i live at Delmas 41, rue Lamarre #7, Haiti, my phone 3721 0485", [("ADDRESS", "Delmas 41, rue Lamarre #7"), (P, "3721 0485")]),
    # ... another number's word: left to it
    ("uci 4812 3390 merci", [("CLIENT_ID", "4812 3390")]),
    ("the order number 4812 3390", []),
    # a handle's "@" before an address
    ("u can reach me @ jo.tremblay+cic@gmail.com", [(E, "jo.tremblay+cic@gmail.com")]),
    ("moi c @ awa.diop+visa@yahoo.fr merci", [(E, "awa.diop+visa@yahoo.fr")]),
    ("reach me @ jo.tremblay@gmail.com", [(E, "jo.tremblay@gmail.com")]),
    # a family's SINs in a list
    ("their SINs are 613 772 408 and 613-772-416", [(S, "613 772 408"), (S, "613-772-416")]),
    ("SINs: 613 772 408, 613 772 416", [(S, "613 772 408"), (S, "613 772 416")]),
    ("our SINs changed? order 613 772 408", []),
    ("the SINs were mailed in 2019 and 2020", []),
    # a passport's letters and its digits in pairs or triples
    ("my passport is gk 12 77 90 lol", [("PASSPORT", "gk 12 77 90")]),
    ("passport: xy-12-34-56", [("PASSPORT", "xy-12-34-56")]),
    ("mon passeport c gk 123 456 merci", [("PASSPORT", "gk 123 456")]),
    # ... not a parcel's tracking code after the passport's word
    ("my tracking number for the passport is PN 317 446 902 CA", []),
    # a card labelled CB
    ("CB : 4970 1234 5678 9012", [(C, "4970 1234 5678 9012")]),
    ("cb: 5412-7534-0098-1276 svp", [(C, "5412-7534-0098-1276")]),
    ("cb 4970 1234", []),
    # odd separators
    ("my cell 438_555_0172 thx", [(P, "438_555_0172")]),
    ("text me 438*555*0172", [(P, "438*555*0172")]),
    ("mon cell: 438,555,0172", [(P, "438,555,0172")]),
    ("sin 046_454_286", [(S, "046_454_286")]),
    ("mon nas: 046,454,286", [(S, "046,454,286")]),
    ("card 4532_0151_1283_0366", [(C, "4532_0151_1283_0366")]),
    ("we sold 514,555,0199 units", []),
    ("total 1,234,567,890", []),
    ("the file_123_456_7890", []),
    # "appelle moi au" before a phone spelled in words
    ("appelle moi au quatre un huit cinq cinq cinq zéro un trois trois", [(P, "quatre un huit cinq cinq cinq zéro un trois trois")]),
    ("rappelle-moi au six un trois, cinq cinq cinq, zéro un quatre deux", [(P, "six un trois, cinq cinq cinq, zéro un quatre deux")]),
    ("j'appelle ma mère un deux trois fois par jour", []),
]


@pytest.fixture(scope="module")
def redactor() -> PatternRedactor:
    return PatternRedactor()


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round51_b(redactor: PatternRedactor, text: str, expected: list[tuple[str, str]]) -> None:
    assert_finds_exactly(redactor.find, text, expected)
