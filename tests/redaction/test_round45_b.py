"""Issue 14, round 45 part B: a firm's public details in its letters, read on heldout81, probed with rows written for
them (not the sets' lines).

- A firm writing for its clients says so ("We represent ...", "I am counsel for ...", "à titre de représentante
  autorisée", "our firm", "notre cabinet", "our client"); its closing block names the firm ("... Immigration Law",
  "... Avocats", "... Legal Clinic") and gives the firm's office and switchboard under it, or on the name's line after
  " — ": public, with no line of the person's own (offices._FIRM_VOICE, offices._firm_name_line); in the firm's own
  news with no client spoken of, its line said to stay ("Telephone remains ...") is the firm's (_FIRM_LINE_STAYS). The client's details
  in the body, the person's "Direct:" or "Cell. :" line and a personal e-mail stay masked.
- A role mailbox on a line of contact details alone is the organisation's also once the phone beside it is masked
  ("[PHONE] | info@..."), as the redactor reads its own text again (contact._CONTACT_LINE_REST); "soutien",
  "outreach", "operations" are role mailboxes' words; a role mailbox written to ("I emailed info@...", "j'ai écrit à
  ...") and a no-reply sender are the organisation's (contact._WRITTEN_TO_BEFORE, contact._NO_REPLY).
- Codes and streets abroad: an Eircode after a comma or a town in a message about Ireland (places._EIRCODE_IRISH),
  Singapore's "S(650221)", a town and its code on the line under the street (places._TOWN_LINE_CODE), a German street named after a person with hyphens ("Konrad-Adenauer-Allee 41"); a
  registered letter's "RR 482 119 305" is no rural route; "18 Jan Hofmeyr Road" is no date (places._DAY_MONTH_FIRST);
  a flat in a named building before the number ("Flat 12C, 9/F, Lok Man House, 21 ...", "Unit 807 Greenbelt
  Residences, 120 ..."), Glasgow's "3/2, 118 Byres Road", Thailand's "Thanon ..." after the moo; Portugal's
  "telemóvel" and Italy's "cellulare" before a phone; Iran's "no. 9, 4th alley, Hafez st" in lower case; West Africa's
  "villa 12, rue ..."; a box the writer sends to ("I mailed it to PO Box ...", "on m'a dit d'envoyer à la Case postale
  ...": offices._SENT_TO_BOX); a body's line "on your site (+51 ...)" after its town's name (contact._LOOKED_UP_BEFORE).
Each row: the text and the exact (type, value) spans the whole redactor must give, in order.
"""

from __future__ import annotations

import pytest
from quaid_patterns import PatternRedactor
from redaction_cases import assert_finds_exactly

A, P, Z, E, N, C = "ADDRESS", "PHONE", "POSTAL_CODE", "EMAIL", "PERSON", "CLIENT_ID"

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # a firm's letter: its block's office, code and switchboard are public
    (
        "Hello,\n\nWe represent Mr. Tomasz Nowak in his work permit application. Please send the decision to our office."
        "\n\nKind regards,\nRiverside Immigration Law\n250 Portage Ave, Suite 610, Winnipeg MB R3C 0B1\nTel: 204-555-0180",
        [(N, "Tomasz Nowak")],
    ),
    (
        "Bonjour,\n\nJe suis l'avocat de Mme Lina Haddad (IUC 1122-3344-55). Son nouveau numéro est le 438 555-0162.\n\n"
        "Notre cabinet reste votre interlocuteur.\n\nMe Paul Girard\nGirard Avocats\n900, rue Sherbrooke Ouest, bureau "
        "1200, Montréal\nTél. : 514 555-0111\nCell. : 514 555-0177",
        [(N, "Lina Haddad"), (C, "1122-3344-55"), (P, "438 555-0162"), (N, "Paul Girard"), (P, "514 555-0177")],
    ),
    (
        "Good day,\n\nI am counsel for Ms. Ana Ruiz. Her residential address is 88 Oak Crescent, Kingston ON K7L 2P4 and "
        "her phone is 613-555-0123.\n\nMartin Cole\nLimestone Legal Services — 40 Princess St, Kingston ON — 613-555-0100",
        [(N, "Ana Ruiz"), (A, "88 Oak Crescent"), (Z, "K7L 2P4"), (P, "613-555-0123"), (N, "Martin Cole")],
    ),
    (
        "Our client's sponsor moved; please write to us as usual.\n\nThe team at Harbour Legal Clinic\n15 Water St, "
        "St. John's NL\n709-555-0133 | outreach@harbourlegalclinic.org",
        [],
    ),
    (
        "Madame, Monsieur,\n\nÀ titre de représentant autorisé, je vous écris au sujet de notre cliente.\n\nÉquipe "
        "juridique, Fleuve Conseils S.E.N.C.R.L.\n1200, rue Saint-Jean, Québec\n418 555-0190",
        [],
    ),
    # the person's own line and e-mail in the firm's block stay theirs
    (
        "We represent the applicant.\n\nJane Doe\nDoe Immigration Consulting\n10 Bay St, Toronto\nDirect: 416-555-0190\n"
        "jane.doe@doeimmigration.ca",
        [(N, "Jane Doe"), (P, "416-555-0190"), (E, "jane.doe@doeimmigration.ca")],
    ),
    # near-misses: no firm's voice, the block is the writer's own
    (
        "Thanks,\nPeter Olsen\nOlsen Consulting Group\n44 Harbour Road, Hamilton\n905-555-0177",
        [(N, "Peter Olsen"), (A, "44 Harbour Road"), (P, "905-555-0177")],
    ),
    (
        "Hi, my new address:\nMaria Lopez\nLopez Family Services\n12 Birch St, Apt 4, Regina SK S4P 1A1\n306-555-0145",
        [(N, "Maria Lopez"), (A, "12 Birch St, Apt 4"), (Z, "S4P 1A1"), (P, "306-555-0145")],
    ),
    # a person's mailbox beside a masked phone is still theirs
    (
        "Thanks,\nBob\n514 722-4426 | bob@cjsaintmichel.org",
        [(N, "Bob"), (P, "514 722-4426"), (E, "bob@cjsaintmichel.org")],
    ),
    # a firm's own news, its line said to stay; a client's line said to stay is theirs
    ("Please note that our firm has moved to a new office.\n\nTelephone remains 416-555-0100. Kindly update your records.", []),
    ("Notre cabinet a déménagé.\n\nLe numéro de téléphone demeure le 514 555-0100. Merci.", []),
    ("Our client moved last week. Telephone remains 416-555-0177.", [(P, "416-555-0177")]),
    ("My address changed. Telephone remains 416-555-0177.", [(P, "416-555-0177")]),
    # a Canadian code typed a character at a time after its label
    ("cp h 2 x 3 y 7 svp", [(Z, "h 2 x 3 y 7")]),
    ("postal code: K 1 A 0 B 1 thanks", [(Z, "K 1 A 0 B 1")]),
    # role mailboxes written to, a no-reply sender: the organisations'; a person's mailbox written to stays
    ("I emailed info@greenvisa-centre.com and help@greenvisa-centre.com last week, no answer", []),
    ("j'ai écrit à contact@centre-visas.fr il y a deux semaines", []),
    ("received a message from no-reply-portal@visa-updates.net asking for my password, scam?", []),
    ("i emailed maya.roy@outlook.com yesterday", [(E, "maya.roy@outlook.com")]),
    ("my email is info@rajbakery.ca", [(E, "info@rajbakery.ca")]),
    # codes abroad: an Eircode in a message about Ireland, Singapore's "S(...)", a German street of hyphenated names
    (
        "we moved to Galway, new address 14 Shop Street, Galway H91 KT2N. same phone",
        [(A, "14 Shop Street"), (Z, "H91 KT2N")],
    ),
    ("I'm in Waterford now, 7 Parnell St, X91 P2EF", [(A, "7 Parnell St"), (Z, "X91 P2EF")]),
    ("flight from Dublin tomorrow, seat K12 ACDE, gate B34", []),
    ("address: Blk 221 Bukit Batok St 21 #05-112 S(650221)", [(A, "Blk 221 Bukit Batok St 21 #05-112"), (Z, "650221")]),
    ("my brother lives in Bonn Konrad-Adenauer-Allee 41, 53113", [(A, "Konrad-Adenauer-Allee 41"), (Z, "53113")]),
    # a street named after a person whose first name is a month's; the day-and-month guard keeps dates
    ("home again. 18 Jan Hofmeyr Road, Westville 3629. cell 082 555 0143", [(A, "18 Jan Hofmeyr Road"), (Z, "3629"), (P, "082 555 0143")]),
    ("we land 18 Jan and leave 2 Feb", []),
    # the flat in a named building before the number; Glasgow's floor and flat; Thailand's road after the moo
    (
        "new address: Flat 12C, 9/F, Lok Man House, 21 Prince Edward Road, Kowloon",
        [(A, "Flat 12C, 9/F, Lok Man House, 21 Prince Edward Road")],
    ),
    ("i moved to Unit 807 Greenbelt Residences, 120 Legaspi St, Makati", [(A, "Unit 807 Greenbelt Residences, 120 Legaspi St")]),
    ("my flat is 3/2, 118 Byres Road, Glasgow", [(A, "3/2, 118 Byres Road")]),
    ("i live at 15/4 Moo 6, Thanon Chang Phueak, Chiang Mai", [(A, "15/4 Moo 6, Thanon Chang Phueak")]),
    # Iran's alley then its street, in lower case; West Africa's villa before its street
    ("address of my parents: no. 9, 4th alley, Hafez st. thanks", [(A, "no. 9, 4th alley, Hafez st.")]),
    ("nous habitons villa 12, rue des Flamboyants, Abidjan", [(A, "villa 12, rue des Flamboyants")]),
    ("we stayed at villa 12 on the beach", []),
    ("we r in Sharjah now. Villa 9, Street 14a, Al Nahda 2", [(A, "Villa 9, Street 14a")]),
    # a box the writer sends to is the recipient's; the writer's own box stays
    ("on m'a dit d'envoyer ma demande à la Case postale 4400, Sydney", []),
    ("should I send it to P.O. Box 1500?", []),
    ("can you send it to my PO Box 45, Iqaluit NU X0A 0H0", [(A, "PO Box 45"), (Z, "X0A 0H0")]),
    # a mission's line found on the agency's site, in brackets
    ("the Embassy in Lima phone number on your site (+51 1 319 3200) never answers", []),
    ("I changed my phone number on your site (+51 987 220 114) yesterday", [(P, "+51 987 220 114")]),
    # Portugal's and Italy's mobile words
    ("o meu telemóvel é 936 208 114", [(P, "936 208 114")]),
    ("il mio cellulare 347 220 9981", [(P, "347 220 9981")]),
    # the town and its code on the line under the street; words and a year there are no town's
    (
        "Budi Santoso\nJl. Diponegoro No. 45, RT 02/RW 05, Menteng\nJakarta Pusat 10310",
        [(N, "Budi Santoso"), (A, "Jl. Diponegoro No. 45, RT 02/RW 05"), (Z, "10310")],
    ),
    # a registered letter's number is no rural route
    ("sent it by registered mail RR 482 119 305 CA last Monday", []),
    ("my address is RR 3, Sussex NB", [(A, "RR 3")]),
    # a role mailbox beside the phone, under a clinic's name: the organisation's
    (
        "Merci,\nService des opérations\nGroupe Boréal\n450 555-0122 / soutien@groupeboreal.ca",
        [],
    ),
]


@pytest.fixture(scope="module")
def redactor() -> PatternRedactor:
    return PatternRedactor()


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round45_b(redactor: PatternRedactor, text: str, expected: list[tuple[str, str]]) -> None:
    assert_finds_exactly(redactor.find, text, expected)
