"""Issue 14, round 44 part B: contacts, addresses and codes read on heldout76-78, probed with rows written for them (not
the sets' lines).

- A business signature's block read once (offices.signature_detail, rounds 41 and 43 folded): its head a role, a legal
  form or, now, a team's line ("The Admissions Office", "Service à la clientèle") with only a closing line before it;
  the organisation's street, code and main line stay unmasked, and a role mailbox on a line of contact details alone
  ("1-800-... | support@...") is the organisation's (contact._contact_line_only).
- Addresses abroad: the street's word first (Greece's "Odos", Israel's "Rechov", Bulgaria's "bul." with "et." and
  "ap."), the street named first with its house and floor before its code and town (Sweden, Czechia, the Netherlands,
  Denmark, Greece), Hong Kong's and Edinburgh's floors before the number, Trinidad's "LP", Thailand's "Moo",
  Madagascar's lots, Malaysia's "No 12, Jalan SS 2/24", Indonesia's "Jl.", Kigali's house before the street, a second
  unit ("piso 3 depto A"), Brazil's "210 / 45", Italy's lower-case "via" and its "scala".
- Codes only their country tells apart: Ireland's Eircode (after its label, a county or Dublin's district), Israel's
  seven digits after its town, Madagascar's three before its town, Ghana's GPS code after "GhanaPost GPS".
Each row: the text and the exact (type, value) spans the whole redactor must give, in order.
"""

from __future__ import annotations

import pytest
from quaid_patterns import PatternRedactor
from redaction_cases import assert_finds_exactly

A, P, Z, E, N = "ADDRESS", "PHONE", "POSTAL_CODE", "EMAIL", "PERSON"

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # a team's signature: the organisation's street, code, line and mailbox
    (
        "Regards,\nThe Admissions Office\nNorthgate College\n45 King St E, Hamilton ON L8N 1A1\nT: 905-555-0100\n"
        "admissions@northgate.ca",
        [],
    ),
    (
        "Cordialement,\nService à la clientèle\nMeubles Laval inc.\n3400 boul. Le Carrefour, Laval QC H7T 2K7\n"
        "Tél. : 450 555-0120\nservice@meubleslaval.ca",
        [],
    ),
    ("--\nSupport Team\nNorthwind Freight Ltd.\n1-800-555-0142 | support@northwindfreight.com\nwww.northwindfreight.com", []),
    # near-misses: a unit's line is no team's; a department under a person's name without a line of their own
    (
        "Merci,\nBureau 204\n1200 rue Peel, Montréal H3B 2T6\n514-555-0182",
        [(A, "Bureau 204\n1200 rue Peel"), (Z, "H3B 2T6"), (P, "514-555-0182")],
    ),
    (
        "Thanks,\nJean Roy\nIT Department\n45 King St E, Hamilton ON L8N 1A1\n905-555-0100",
        [(N, "Jean Roy"), (A, "45 King St E"), (Z, "L8N 1A1"), (P, "905-555-0100")],
    ),
    # near-miss: a role mailbox said to be the writer's own
    ("my email address is info@royplomberie.ca", [(E, "info@royplomberie.ca")]),
    # the street's word first
    (
        "hi from Thessaloniki, my address is Odos Tsimiski 43, 546 23 Thessaloniki, cell 697 118 4420",
        [(A, "Odos Tsimiski 43"), (Z, "546 23"), (P, "697 118 4420")],
    ),
    (
        "address: Rechov Herzl 18 apt 4, Haifa 3303123. phone 052-448-1290",
        [(A, "Rechov Herzl 18 apt 4"), (Z, "3303123"), (P, "052-448-1290")],
    ),
    (
        "my mother lives at bul. Tsar Osvoboditel 15, et. 3, ap. 7, 1000 Sofia",
        [(A, "bul. Tsar Osvoboditel 15, et. 3, ap. 7"), (Z, "1000")],
    ),
    # the street named first, its house, then the code and the town
    ("Storgatan 12, 113 59 Stockholm is our flat now", [(A, "Storgatan 12"), (Z, "113 59")]),
    (
        "new address Korunní 1208/74, 101 00 Praha 10, phone +420 602 118 933",
        [(A, "Korunní 1208/74"), (Z, "101 00"), (P, "+420 602 118 933")],
    ),
    ("we moved to Prinsengracht 263-II, 1016 GV Amsterdam last month", [(A, "Prinsengracht 263-II"), (Z, "1016 GV")]),
    (
        "Vesterbrogade 31, 3. th, 1620 København V. tlf 28 11 40 66",
        [(A, "Vesterbrogade 31, 3. th"), (Z, "1620"), (P, "28 11 40 66")],
    ),
    # near-misses: a terminal, a flight, a date, a gate, prices, a room, an airline, a section before a number and a town
    ("Terminal 3, 1000 Brussels", []),
    ("Flight 12, 1200 Geneva tomorrow", []),
    ("the meeting is on June 12, 2024 Montreal time", []),
    ("Gate 5, 2200 people waited", []),
    ("I paid 1200 dollars, 1500 Euro later", []),
    ("Room 12, 2200 Copenhagen hotel", []),
    ("Air Canada 870, 1000 Bruxelles", []),
    ("Section 4, 1100 Lisboa office", []),
    ("the shipment went via Canada Post 3 times", []),
    # a unit, a floor or a pole before the number
    (
        "Flat B, 7/F, 22 Nathan Road, Tsim Sha Tsui. tel 9187 2233",
        [(A, "Flat B, 7/F, 22 Nathan Road"), (P, "9187 2233")],
    ),
    ("mailing: 3F2, 21 Marchmont Road, Edinburgh EH9 1HX", [(A, "3F2, 21 Marchmont Road"), (Z, "EH9 1HX")]),
    (
        "Good day, Anil Ramdial, LP 17 Pasea Main Road, Tunapuna. 1-868-663-2210",
        [(N, "Anil Ramdial"), (A, "LP 17 Pasea Main Road"), (P, "1-868-663-2210")],
    ),
    (
        "my house: 55/7 Moo 8, Phahonyothin Rd, Khlong Luang, Pathum Thani 12120",
        [(A, "55/7 Moo 8, Phahonyothin Rd"), (Z, "12120")],
    ),
    ("adresse: Lot IVM 12 Ter Ambohipo, 101 Antananarivo", [(A, "Lot IVM 12 Ter Ambohipo"), (Z, "101")]),
    ("my address is No 7, Jalan Bukit Bintang, 55100 Kuala Lumpur", [(A, "No 7, Jalan Bukit Bintang"), (Z, "55100")]),
    (
        "Jl. Gatot Subroto No. 12, Bandung 40262, HP 0813-2244-5566",
        [(A, "Jl. Gatot Subroto No. 12"), (Z, "40262"), (P, "0813-2244-5566")],
    ),
    ("n° 12, KN 5 Rd, Kiyovu, Kigali", [(A, "n° 12, KN 5 Rd")]),
    # a second unit, a flat after a spaced slash, Italy's staircase
    ("Av. Rivadavia 5120 piso 3 depto A, C1406 CABA", [(A, "Av. Rivadavia 5120 piso 3 depto A")]),
    ("indirizzo: via Roma 12, scala B, 10121 Torino", [(A, "via Roma 12, scala B"), (Z, "10121")]),
    # codes only their country tells apart
    ("eircode A65 F4E2, address 3 Church Road, Ennis", [(Z, "A65 F4E2"), (A, "3 Church Road")]),
    ("GhanaPost GPS GE-231-4410, Accra", [(Z, "GE-231-4410")]),
    ("new place 〒530-0001 Osaka", [(Z, "530-0001")]),
    ("my postal code in Shiraz is 7134845794", [(Z, "7134845794")]),
    # a micro-district, the Maghreb's alley, Vietnam's street with no street word, Dakar's unit, Morocco's residence
    ("my mom: mkr. Aksay-4, 12, kv. 7, 050000 Almaty", [(A, "mkr. Aksay-4, 12, kv. 7"), (Z, "050000")]),
    ("adresse de ma tante: 14 derb El Ferrane, Fès", [(A, "14 derb El Ferrane")]),
    ("nhà em: 112 Trần Hưng Đạo, Quận 1, TP.HCM", [(A, "112 Trần Hưng Đạo")]),
    ("on habite unité 22 villa n° 45 aux Parcelles Assainies", [(A, "unité 22 villa n° 45")]),
    (
        "j'habite résidence Yasmine, imm 2 appt 5, 40 bd Anfa, Casablanca",
        [(A, "résidence Yasmine, imm 2 appt 5, 40 bd Anfa")],
    ),
    # near-misses: common words before a Vietnamese city
    ("We had 2 Great Days, Hanoi was lovely", []),
    ("I bought 3 Big Bags, Saigon market", []),
    # a form's next field after two blanks ends the address
    ("Adresse : 12, rue Victor Hugo  Ville : Lyon  Pays : France", [(A, "12, rue Victor Hugo")]),
    # a signature: the office's line labelled after its number, the firm before the address on one line, a box below
    # the contacts; with no line of the person's own the office's line stays masked
    (
        "Thanks,\nKaren Olsen\nOwner, Northline Roofing Ltd.\n(416) 555-0144 office | (416) 555-0199 cell",
        [(N, "Karen Olsen"), (P, "(416) 555-0199")],
    ),
    (
        "Best,\nTunde Bello\nHead, Finance\nAcme Holdings Plc | 12 Marina Road, Lagos\nMobile: 0803 555 1234",
        [(N, "Tunde Bello"), (P, "0803 555 1234")],
    ),
    (
        "Regards,\nJohn Doe\nSales Director\nAcme Trading LLC\nM: +971 50 123 4567\nE: john@acme.ae\nPO Box 4411, Dubai",
        [(N, "John Doe"), (P, "+971 50 123 4567"), (E, "john@acme.ae")],
    ),
    # a mission's line in a UCI's shape is the mission's; the client's own UCI stays masked
    ("the embassy in Tokyo number 03-5412-6200 is only for citizens right?", []),
    ("the Mexican consulate phone number: 55-1234-5678, they never answer", []),
    ("the embassy asked for my UCI 11-2233-4455", [("CLIENT_ID", "11-2233-4455")]),
    ("embassy number 11-2233-4455 is my UCI", [("CLIENT_ID", "11-2233-4455")]),
    # an institution's line heads the block; "Board:" is a main line; below the contacts, an address with no dwelling's
    # word is the company's, one with a flat stays the person's
    (
        "Sincerely,\nDr. Meera Nair\nFaculty of Medicine\nRiverside University\n200 College Road, Kingston ON K7L 3N6\n"
        "Office: 613-555-0100\nDirect: 613-555-0142",
        [(N, "Meera Nair"), (P, "613-555-0142")],
    ),
    (
        "Regards,\nRavi Shah\nTeam Lead, Orbit Systems Ltd.\nM: +91 98450 22334\nBoard: +91 80 4000 1000\nravi@orbit.in\n"
        "12 Whitefield Main Road, Bengaluru 560066",
        [(N, "Ravi Shah"), (P, "+91 98450 22334"), (E, "ravi@orbit.in")],
    ),
    (
        "Regards,\nRavi Shah\nTeam Lead, Orbit Systems Ltd.\nM: +91 98450 22334\nravi@orbit.in\n"
        "Flat 12, 40 Whitefield Main Road, Bengaluru 560066",
        [
            (N, "Ravi Shah"),
            (P, "+91 98450 22334"),
            (E, "ravi@orbit.in"),
            (A, "Flat 12, 40 Whitefield Main Road"),
            (Z, "560066"),
        ],
    ),
    (
        "Thanks,\nKaren Olsen\n(416) 555-0144 office | (416) 555-0199 cell",
        [(N, "Karen Olsen"), (P, "(416) 555-0144"), (P, "(416) 555-0199")],
    ),
]


@pytest.fixture(scope="module")
def redactor() -> PatternRedactor:
    return PatternRedactor()


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round44_b(redactor: PatternRedactor, text: str, expected: list[tuple[str, str]]) -> None:
    assert_finds_exactly(redactor.find, text, expected)
