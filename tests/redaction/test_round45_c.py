"""Issue 14, round 45 part C: values typed in pieces or partly spelled in words (quaid_patterns/pieces.py) and file
numbers named by their purpose (identifiers.py), probed with sentences written for them (not the sets' lines).

New this round: a file's letter glued to digits that stray spaces split ("W41 3 88 2207"); a file's word right before
its letter outweighing another cue after it; "numéro" alone before a letter and nine digits typed apart; a passport's
two capitals typed apart and its digits one at a time; a double dash between pieces; a file's letter and first digits
typed, the rest said in words; "tel" alone before a phone partly in words; a card after "mastercard" with one or two
digit words among its typed groups. Near-misses: the same shapes cut short, after no cue or after another thing's
number (an order, a room), dates and counts in pieces.
Each row: the text and the exact (type, value) spans the whole redactor must give, in order (an empty list: nothing
masked).
"""

from __future__ import annotations

import pytest
from quaid_patterns import PatternRedactor
from redaction_cases import assert_finds_exactly, assert_unmasked

P, PP, C, U, S, AN = ("PHONE", "PASSPORT", "CREDIT_CARD", "CLIENT_ID", "SIN", "APPLICATION_NUMBER")

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # a file's letter glued to digits split by stray spaces
    ("hey my app W41 3 88 2207 any news??", [(AN, "W41 3 88 2207")]),
    ("app E002 5 5 1 8 3 9 pls check", [(AN, "E002 5 5 1 8 3 9")]),
    ("ma demande B001 227 4 6 1 est bloquée", [(AN, "B001 227 4 6 1")]),
    # the file's word right before outweighs a cue after
    ("app F000 7 1 2 9 4 4 uci 22 31 90 18", [(AN, "F000 7 1 2 9 4 4"), (U, "22 31 90 18")]),
    # "numéro" alone before a letter and nine digits typed apart
    ("allo encore moi, numero E 0 0 4 7 1 9 2 6 3", [(AN, "E 0 0 4 7 1 9 2 6 3")]),
    # a passport's two capitals apart, its digits one at a time
    ("my passport is H T 7 7 2 0 1 5 thx", [(PP, "H T 7 7 2 0 1 5")]),
    ("passeport LM 5 0 2 8 8 1 merci", [(PP, "LM 5 0 2 8 8 1")]),
    # a double dash between pieces; a file's word before the letter of a run in pieces
    ("uci 2 0 7 7 -- 4 1 3 9 thanks", [(U, "2 0 7 7 -- 4 1 3 9")]),
    ("mon iuc 2 0 7 7 4 1 3 9, app W 3 0 5 - 1 1 8 - 6 4 2", [(U, "2 0 7 7 4 1 3 9"), (AN, "W 3 0 5 - 1 1 8 - 6 4 2")]),
    # a file's letter and first digits typed, the rest said
    ("application number W30 four four one 7726 sorry", [(AN, "W30 four four one 7726")]),
    ("mon dossier E00 neuf trois 2 2 5 1 8", [(AN, "E00 neuf trois 2 2 5 1 8")]),
    ("app no is V 300 eight eight one 552", [(AN, "V 300 eight eight one 552")]),
    # "tel" alone before a phone partly in words
    ("mon tel 819 555 zéro 4 1 7", [(P, "819 555 zéro 4 1 7")]),
    # a card after "mastercard", one or two digit words among its groups
    ("mastercard 5300 four four 12 7781 0092", [(C, "5300 four four 12 7781 0092")]),
    # the agency's file number under any capital, its digits opened by zeros, a file's cue nearest
    ("the kids' application nos R000418227 & R000418235", [(AN, "R000418227"), (AN, "R000418235")]),
    ("sa demande de résidence est toujours en cours, P000227319", [(AN, "P000227319")]),
    # a passport's application or file named before the passport's word: the number is the file's
    ("suivi de ma demande de passeport W300418552 svp", [(AN, "W300418552")]),
    ("mon dossier passeport V300512237 est bloqué", [(AN, "V300512237")]),
    # a SIN corrected near a file's word: the right one stays a SIN
    ("mon NAS 731 228 405 est mal écrit dans mon dossier, le bon c'est 731 228 450",
     [(S, "731 228 405"), (S, "731 228 450")]),
    # a passport renewed, then "the new number": the passport's
    ("j'ai renouvelé mon passeport marocain; le nouveau numéro est 448120937", [(PP, "448120937")]),
    # a unit and civic number before a comma and a French street's type: an address, no UCI
    ("notre logement au 1204-3390, boulevard Rosemont depuis mai", [("ADDRESS", "1204-3390, boulevard Rosemont")]),
    # a card's digits again, grouped otherwise: the same card
    ("payment failed with card 5412 7790 3318 2046, tried 5412779033182046 too", [(C, "5412 7790 3318 2046"), (C, "5412779033182046")]),
    # a SIN named earlier in its sentence, then "his / her number is"
    ("about my husband's SIN, he got it last week, his number is 482 113 907", [(S, "482 113 907")]),
    ("pour le NAS de mon père, il est retraité, son numéro c'est 577-210-384 merci", [(S, "577-210-384")]),
    # near-misses: another kind's word between, another sentence, another thing's digits repeated
    ("for the SIN of my son, his passport number is 482 113 907", [(PP, "482 113 907")]),
    ("my SIN letter came. his number is 482 113 907", [(AN, "482 113 907")]),
    ("order 5412779033182046 shipped, the courier has it", []),
    # the Philippines' letter, seven digits and letter, typed apart
    ("passport ko P 7 7 0 2 1 5 8 A po salamat", [(PP, "P 7 7 0 2 1 5 8 A")]),
    # a passport's two capitals set apart, its digits split over lines: one span
    ("passport\nGT 44\n19027", [(PP, "GT 44\n19027")]),
    # a passport's letters glued to digits that a blank splits
    ("pp# kd447 2019 thx", [(PP, "kd447 2019")]),
    # near-miss: a province's letters before a phone in pieces stay out of it
    ("my cell is QC 438\n221\n0976", [(P, "438\n221\n0976")]),
    # near-misses: a Federal Court decision cited by its docket
    ("the Federal Court decision in IMM-7719-22 says what about dual intent?", []),
    ("la décision de la Cour fédérale IMM-3302-21 s'applique-t-elle aux visiteurs?", []),
    ("my lawyer filed IMM-6610-24 at the Federal Court last week", [(AN, "IMM-6610-24")]),
    # near-misses: another thing's number of that shape, a passport's
    ("order number R000123456 from amazon", []),
    ("my passport number is C00123456 ok", [(PP, "C00123456")]),
    ("mon passeport syrien N012847391 expire bientôt", [(PP, "N012847391")]),
    # near-misses: the shapes cut short, no cue, another thing's number, dates and counts
    ("numero W 3 0 8 4 4 1 2", []),
    ("room number B 3 0 8 4 4 1 2 7 5 at the hotel", []),
    ("order number W30 7 65 4321 from amazon", []),
    ("the app shows E 2 0 2 4 0 5 1 2 3 in the corner", []),
    ("app store version B 1 2 3 4 5 6 7 8 9 crashed", []),
    ("Gate B 4 4 1 9 0 2 at the airport", []),
    ("passport G K 4 4 1 only partial", []),
    ("the fee was 1 1 3 4 -- 5 6 2 2 dollars", []),
    ("app number E00 three nine one sorry", []),
    ("app W30 9 sept 2024 I applied", []),
    ("demande faite le 9 sept 2 1 1 4 0 jours", []),
    ("tel heures 9 à 17, cinq jours sur 7", []),
    ("mastercard fees were two two 00 dollars on 1144 orders", []),
    ("flight AC 8 5 3 2 1 0 boarding tomorrow", []),
]


@pytest.fixture(scope="module")
def redactor() -> PatternRedactor:
    return PatternRedactor()


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round45_c(redactor: PatternRedactor, text: str, expected: list[tuple[str, str]]) -> None:
    if expected:
        assert_finds_exactly(redactor.find, text, expected)
    else:
        assert_unmasked(redactor.find, text)
