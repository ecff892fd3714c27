"""Issue 14, round 43: a business signature's company details, read on heldout77, probed with signatures written for
them (not the set's lines). Under a head line naming the person's role ("Procurement Manager", "Directora Comercial",
"Responsable RH") or the firm's legal form ("... Pty Ltd", "... SARL"), the company's street, postal code and main line
("T:", "Tel.", "Phone:", "Standard :") are the company's when the person's own line is in the block ("M:", "Cel.",
"Mobile:", "GSM :"): those stay unmasked, the person's own line stays masked; the firm after the role and a separator
("Procurement Manager | Ferretti Marine") is no person. Not the company's: a signature with no
line of the person's own, an address below the contacts (a home), a line with a private word ("Home:", "adresse perso").
Each row: the text and the exact (type, value) spans the whole redactor must give, in order.
"""

from __future__ import annotations

import pytest
from quaid_patterns import PatternRedactor
from redaction_cases import assert_finds_exactly

A, P, Z, E, N = "ADDRESS", "PHONE", "POSTAL_CODE", "EMAIL", "PERSON"

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # the company's street, code and main line under the role and the firm; the mobile and e-mail stay masked
    (
        "Saludos,\nLucía Ortega\nDirectora Comercial – Grupo Altamar\nPaseo de la Reforma 250, 06600 CDMX\n"
        "Tel. +52 55 5080 2200\nCel. +52 1 55 4187 3390\nlucia.ortega@altamar.mx",
        [(N, "Lucía Ortega"), (P, "+52 1 55 4187 3390"), (E, "lucia.ortega@altamar.mx")],
    ),
    (
        "Cheers,\nTom Whitaker\nSenior Consultant\nBrightline Advisory Pty Ltd\nLevel 9, 60 Collins Street, Melbourne VIC 3000\n"
        "Phone: +61 3 9654 2000\nMobile: 0412 558 903\ntom.whitaker@brightline.com.au",
        [(N, "Tom Whitaker"), (P, "0412 558 903"), (E, "tom.whitaker@brightline.com.au")],
    ),
    # the main line and the GSM on one line; the personal address after a blank line stays masked
    (
        "Salutations,\nNadia Chraibi\nResponsable RH, Atlas Textiles SARL\n12 rue Allal Ben Abdellah, 20000 Casablanca\n"
        "Standard : +212 522 44 80 00 | GSM : +212 661 22 47 18\n\nMon adresse perso : 8 rue des Orangers, 10090 Rabat",
        [(N, "Nadia Chraibi"), (P, "+212 661 22 47 18"), (A, "8 rue des Orangers"), (Z, "10090")],
    ),
    # the firm after the role and a separator is no person; the office's line and street stay unmasked
    (
        "Best,\nMarco Bellini\nProcurement Manager | Ferretti Marine\nVia dell'Industria 14, 20121 Milano\n"
        "T: +39 02 8845 1100 | M: +39 335 612 4409\nmarco.bellini@ferrettimarine.it",
        [(N, "Marco Bellini"), (P, "+39 335 612 4409"), (E, "marco.bellini@ferrettimarine.it")],
    ),
    # a name after "my manager," in a sentence stays a person
    ("Hi,\nI spoke with my manager, Julie Tremblay\nThanks", [(N, "Julie Tremblay")]),
    # no line of the person's own: the block's street and number are the writer's
    (
        "Thanks,\nPeter Olsen\nOwner\n44 Harbour Road, Hamilton\n905-555-0177\npeter.olsen@gmail.com",
        [(N, "Peter Olsen"), (A, "44 Harbour Road"), (P, "905-555-0177"), (E, "peter.olsen@gmail.com")],
    ),
    # an address below the contacts: the person's home
    (
        "Regards,\nAmit Kulkarni\nTeam Lead, Wipro Technologies\nM: +91 98860 11223\namit.k@wipro.com\n"
        "Flat 302, Lake View Apartments, Pune 411014",
        [
            (N, "Amit Kulkarni"),
            (P, "+91 98860 11223"),
            (E, "amit.k@wipro.com"),
            (A, "Flat 302, Lake View Apartments"),
            (Z, "411014"),
        ],
    ),
    # a private word on the address's line
    (
        "Hi,\nSara Lind\nProject Manager, Nordvik AB\nHome: 14 Birch Lane, Uppsala\nCell: 070-555 1234",
        [(N, "Sara Lind"), (A, "14 Birch Lane"), (P, "070-555 1234")],
    ),
]


@pytest.fixture(scope="module")
def redactor() -> PatternRedactor:
    return PatternRedactor()


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round43(redactor: PatternRedactor, text: str, expected: list[tuple[str, str]]) -> None:
    assert_finds_exactly(redactor.find, text, expected)
