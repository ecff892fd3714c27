"""The ``patterns`` redactor on nineteen held-out sets, each written by someone who had not read
its rules (then used to fix general gaps, so the floors here guard against regressions):

- ``heldout.jsonl``: messy EN/FR typing, several items per message, 80 near-misses;
- ``heldout2.jsonl``: pasted forms, parents about children, third parties, signatures with
  contact lines, spelled-out e-mails, international phones. Its labels stop an address at the
  street and a phone before its extension, while the redactor masks units and extensions too,
  so ADDRESS and PHONE score below 1.0 there by convention only;
- ``heldout3.jsonl``: names (lower case, capitals, compound, relatives), addresses with units
  and rural routes, phones with extensions;
- ``heldout4.jsonl``: two thirds French (Québec and France), misspelled introductions,
  copy-pasted forms and transcripts, French near-misses ("85$", "1 095 jours", "IMM 5257F").
- ``heldout5.jsonl``: Messenger and X direct messages: emoji next to values, @handles and
  hashtags (not personal), ALL-CAPS, values in brackets, odd separators, "o" typed for zero;
  near-misses include courier tracking numbers (not personal data). Its labels count the
  agency's toll-free line with an extension as a phone and "priya(at)gmail.com" as no e-mail,
  where the redactor does the opposite: PHONE recall and EMAIL precision stay below 1.0.
- ``heldout6.jsonl``: long stories (3-8 sentences) with personal data among many numbers that
  are not (fees, travel dates, scores, flights, NOC, form numbers, ages); answers to the bot;
  employers and schools (not personal); agents and lawyers named by the client ("agent
  Thompson", "Me Bouchard") labelled PERSON. Its labels leave "the" out of "the 5th of June
  1979" and count biometrics and medical-exam numbers ("BIL number 1234567") as not personal,
  where the redactor does the opposite: DATE_OF_BIRTH and APPLICATION_NUMBER stay below 1.0.
- ``heldout7.jsonl``: PERSON only: lower-case names after relatives ("my son marco rossi needs"),
  "Nguyen Thi Lan here", names in apposition ("to me, Arjun Mehta,", "The agent on the phone,
  Jessica,"), sign-offs closing a sentence ("... thank you Sarah Lee"); 66 near-misses.
- ``heldout8.jsonl`` (issue 14; written by the session that wrote that round's rules, before
  they were run on it, so not by someone who had not read them): clients abroad on Messenger
  and X, EN/FR: phone numbers of
  some 25 countries in their own formats, passports of many countries after context words in
  English, French and the clients' languages (pasaporte, 护照, पासपोर्ट, паспорт...), names with
  titles and middle initials, cards with their expiry dates; 64 near-misses (fees, travel
  dates such as "12/27", IMM forms, ticket numbers, processing times, scores). Written before
  its rules were run on it and measured once: its floors are the first measured figures
  (recall 0.973, precision 0.984; 1 near-miss of 64 altered: "Mr. Lube", a business).
  After the second round of issue 14 (general rules for names after "M.", introductions and
  sign-offs in the clients' languages, expiry dates far after a card word, a context word
  belonging to the value right after it): recall 1.000, precision 0.995; heldout6 0.983 ->
  0.987. Its floors are now those figures, as regression floors (no longer a fresh measure).
- ``heldout9.jsonl`` (issue 14, round 3; written blind): 254 messages, EN/FR, Messenger and X,
  72 near-misses. Measured once before any fix: recall 0.927, precision 0.964 (PERSON 0.79,
  ADDRESS 0.79, APPLICATION_NUMBER 0.88, EMAIL 0.90, PASSPORT 0.97, PHONE 0.98), 4 of 72
  near-misses altered (a format example "A1A 1A1", "product code K2B 8X1", two public office
  addresses). Then fixed against, by general rules (names after greetings and "po", "<name>
  here" with three words, lower-case names with particles before a verb, signatures above
  "Sent from my iPhone", "name <Name>", e-mails with chez/point/arroba/(a), national numbers
  of a country the message names, "ppt", profile numbers, units before the number, public
  offices): recall 1.000, precision 1.000, 0 near-misses altered. Its floors are those
  figures, as regression floors; a fresh blind set must measure the rules again.
- ``heldout10.jsonl`` (issue 14, round 5; written blind): 265 messages, EN/FR, clients abroad,
  75 near-misses. Measured once before any fix: recall 0.862, precision 0.975 (PERSON 0.67,
  ADDRESS 0.77, APPLICATION_NUMBER 0.87, POSTAL_CODE 0.88, EMAIL 0.92, CREDIT_CARD 0.95,
  DATE_OF_BIRTH 0.96), 0 of 75 near-misses altered. Then fixed against, by general rules
  (relatives as a form's fields, names before their details, in brackets, after "under",
  informal relatives and sign-offs, a gazetteer of given and family names from Faker that only
  confirms names in those contexts; streets abroad with the type first, "No.", "Blk/Lot",
  "House N, Street N"; foreign postal codes after an address; G/H application numbers;
  "(dot)", full-width @; expiry "0826"; a value on the line under its label; a passport's
  shape after a bare "number" with a passport word close by): recall 0.990, precision 1.000,
  0 near-misses altered. Its floors are those figures; still missed (PERSON 0.96): a repeated
  lower-case name ("Its Anjali. anjali mehta."), "my uncle bui van long who", "same guy, arjun,".

- ``heldout11.jsonl`` (issue 14, round 6; written blind): 267 messages, EN/FR, clients in
  Canada and abroad, 76 near-misses. Measured once before round 5: recall 0.800, precision
  0.960, 1 of 76 near-misses altered; on round 5's rules, still blind: 0.877 / 0.969, 2 of 76
  (PERSON 0.74, POSTAL_CODE 0.83, DATE_OF_BIRTH 0.88, CLIENT_ID 0.89, ADDRESS 0.87). After
  round 6 (names of the lists with no trigger, lower-case listed names after a word that
  introduces a person, units before and after a street abroad, postal codes after an address
  or a label, corrected birth dates, "UCIs", employers and pets): recall 0.967, precision
  0.997, 0 of 76 altered; still missed: PERSON 0.89 (lower-case names that are common words,
  "grace ann villanueva"; one word alone, "Ravi here again", "ask for Grace").
- ``heldout12.jsonl`` (issue 14, round 6; written blind): 260 messages, 40 % French, 75
  near-misses. Measured once on round 5's rules: recall 0.738, precision 0.932, 3 of 75
  near-misses altered. After round 6: recall 0.958, precision 0.994, 0 of 75 altered; still
  missed: PERSON 0.91,
  DATE_OF_BIRTH 0.94 ("10 November 1992" restating a birth date, "01/01/1951" in brackets after
  "born 1951").
- ``heldout13.jsonl`` (issue 14, round 7; written blind): 263 messages, one third French, 75
  near-misses, one-value chat answers, pasted signatures, reversed "SURNAME Given", 20+
  countries. Measured on round 6's rules: recall 0.841, precision 0.966, 2 of 75 near-misses
  altered. After round 7: recall 0.962, precision 0.994, 0 of 75 altered; still missed: PERSON
  0.94 ("amaka's brother", "la soeur de gislaine"), DATE_OF_BIRTH 0.97, POSTAL_CODE 0.94.

- ``heldout15.jsonl`` (issue 14, round 10; written blind): 260 messages, 103 French, 77
  near-misses (last four card digits, 16-digit tracking numbers, the agency's line for callers
  abroad, "A1A 1A1", office addresses). Measured once on round 9's rules: recall 0.862,
  precision 0.959, 6 of 77 near-misses altered. After round 10 (the agency's line abroad and
  mailing boxes, employers' addresses, tracking/token/LMIA numbers; birth dates restated in
  another format; a street before a postal code; names in lists with ages, after "the daughter
  of", restated in their own script or with the family name): recall 0.946, precision 0.997,
  0 of 77 altered; still missed: PERSON 0.86 ("it's Will. Will Thompson.", "Rose from the
  front desk", lower-case names opening a message with no trigger).
- ``heldout16.jsonl`` (issue 14, round 10; written blind, fresh): 272 messages, 106 French, 79
  near-misses. Measured only, never worked against: 0.872 / 0.961 on round 9's rules, 0.880 /
  0.962 on round 10's (PERSON 0.74 -> 0.76, ADDRESS 0.83), 1 of 79 near-misses altered.
  Round 11 worked against it (0.915 / 0.960 with the name tagger -> 0.959 / 0.991, 0 of 79).
- ``heldout17.jsonl`` (issue 14, round 11; written blind): 255 messages, 100 French, 76
  near-misses; names that are common words, sloppy Canadian addresses. Measured once with the
  tagger: 0.867 / 0.956 (without it 0.831 / 0.961), 2 of 76 near-misses altered. Its writer
  labelled card expiry dates with their cue ("exp 11/26"); the 4 are relabelled to the date
  alone, the project's convention. After round 11: 0.966 / 1.000, 0 of 76.
- ``heldout18.jsonl`` (issue 14, round 12; written blind): 263 messages, 104 French, 75
  near-misses, 32 countries. Measured at d79a7b4 (rules r10, tagger v1): 0.903 / 0.963, 1 of 75
  near-misses altered; after round 11 and tagger v2: 0.917 / 0.976 (CREDIT_CARD 0.60, ADDRESS
  0.88, DATE_OF_BIRTH 0.89). After round 12: 0.974 / 0.994, 0 of 75 altered; still missed:
  PERSON 0.94 (lower-case or common-word names with no trigger) and one phone whose label
  leaves out "ext 2" (the project masks the extension with the number).
- ``heldout19.jsonl`` (issue 14, round 13; written blind): 268 messages, 101 French, 76
  near-misses, ~29 countries. Measured once at 82ce17e: 0.873 / 0.960, 1 of 76 near-misses
  altered (PERSON 0.77, ADDRESS 0.78, DATE_OF_BIRTH 0.88). After round 13 (names the sentence
  shows with no cue word: a listed given name asked about, joined to "me" or to another name,
  an owner, a subject opening a message, the person one calls or helps; kinship words left out
  of the name; Indian, Vietnamese and Italian addresses; birth dates in brackets after a name):
  0.989 / 0.991, 0 of 76 altered; still missed: three ADDRESS spans by label convention only
  (its writer leaves the barangay, sector or neighbourhood out) and a "yy/mm/dd" birth date.
Since round 5 (heldout10's convention), a foreign postal code after an address is POSTAL_CODE:
heldout8's and heldout9's "75002 Paris" rows now label it.

Since round 10 a name's spelling in its own script is PERSON (heldout15's convention):
heldout5's "Wei Zhang 张伟" and heldout9's "Chen Jing (陈静)" now label it; and an LMIA number
is the employer's, not the client's (the table's "Job offer LMIA number" expects nothing).
Since issue 14 a card's expiry date is masked with the card: the labels of heldout1-6 and of
the table, written before, now count "exp 09/27" after a card number as CREDIT_CARD too.

Per set: overall floors, per-type floors (recall, precision), every near-miss unmasked, and
(where labels and redactor agree on what to cover) every expected value inside a mask.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from heldout_eval import evaluate, load

HERE = Path(__file__).parent
EXACT = {"APPLICATION_NUMBER", "CLIENT_ID", "CREDIT_CARD", "EMAIL", "PASSPORT", "POSTAL_CODE", "SIN"}


def floors(**special: tuple[float, float]) -> dict[str, tuple[float, float]]:
    """Per-type (recall, precision) floors: 1.0 for the exact formats unless said otherwise."""
    return {**{kind: (1.0, 1.0) for kind in EXACT}, **special}


SETS = {
    "heldout.jsonl": {"overall": (0.97, 0.97), "min_rows": 200, "types": {}},
    "heldout2.jsonl": {"overall": (0.95, 0.95), "min_rows": 200, "types": floors(
        ADDRESS=(0.65, 0.65), DATE_OF_BIRTH=(1.0, 1.0), PERSON=(0.97, 0.97), PHONE=(0.85, 0.85))},
    "heldout3.jsonl": {"overall": (0.96, 0.98), "min_rows": 180, "types": {
        "ADDRESS": (0.97, 0.97), "APPLICATION_NUMBER": (1.0, 1.0), "DATE_OF_BIRTH": (1.0, 1.0),
        "EMAIL": (1.0, 1.0), "PERSON": (0.90, 0.97), "PHONE": (0.97, 0.97), "POSTAL_CODE": (1.0, 1.0)}},
    "heldout4.jsonl": {"overall": (0.98, 0.98), "min_rows": 180, "types": floors(
        ADDRESS=(0.94, 0.94), DATE_OF_BIRTH=(0.95, 1.0), PERSON=(0.95, 0.97), PHONE=(0.95, 0.95))},
    "heldout5.jsonl": {"overall": (0.99, 0.98), "min_rows": 180, "types": floors(
        ADDRESS=(1.0, 1.0), DATE_OF_BIRTH=(1.0, 1.0), EMAIL=(1.0, 0.94), PERSON=(0.97, 1.0),
        PHONE=(0.96, 1.0))},
    "heldout6.jsonl": {"overall": (0.985, 0.98), "min_rows": 150, "types": floors(
        ADDRESS=(1.0, 1.0), APPLICATION_NUMBER=(1.0, 0.93), DATE_OF_BIRTH=(0.95, 0.95),
        PASSPORT=(0.94, 1.0), PERSON=(0.87, 1.0), PHONE=(1.0, 1.0))},
    "heldout7.jsonl": {"overall": (0.95, 0.99), "min_rows": 150, "types": {"PERSON": (0.95, 0.99)}},
    "heldout8.jsonl": {"overall": (0.995, 0.99), "min_rows": 200, "near_misses_altered": 1, "types": floors(
        ADDRESS=(1.0, 1.0), APPLICATION_NUMBER=(1.0, 1.0), CREDIT_CARD=(1.0, 1.0), DATE_OF_BIRTH=(1.0, 1.0),
        PERSON=(1.0, 0.97), PHONE=(1.0, 1.0))},
    "heldout9.jsonl": {"overall": (1.0, 1.0), "min_rows": 250, "types": floors(
        ADDRESS=(1.0, 1.0), DATE_OF_BIRTH=(1.0, 1.0), PERSON=(1.0, 1.0), PHONE=(1.0, 1.0))},
    "heldout10.jsonl": {"overall": (0.99, 1.0), "min_rows": 260, "types": floors(
        ADDRESS=(1.0, 1.0), DATE_OF_BIRTH=(1.0, 1.0), PERSON=(0.96, 1.0), PHONE=(1.0, 1.0))},
    "heldout11.jsonl": {"overall": (0.965, 0.995), "min_rows": 260, "types": floors(
        ADDRESS=(1.0, 1.0), DATE_OF_BIRTH=(1.0, 1.0), PERSON=(0.88, 0.99), PHONE=(1.0, 1.0))},
    "heldout12.jsonl": {"overall": (0.955, 0.99), "min_rows": 255, "types": floors(
        ADDRESS=(1.0, 1.0), DATE_OF_BIRTH=(0.93, 1.0), PERSON=(0.90, 0.98),
        PHONE=(1.0, 1.0))},
    "heldout13.jsonl": {"overall": (0.96, 0.99), "min_rows": 260, "types": floors(
        ADDRESS=(0.95, 1.0), DATE_OF_BIRTH=(0.97, 1.0), PERSON=(0.93, 0.99), PHONE=(0.98, 0.98),
        POSTAL_CODE=(0.96, 1.0))},
    # Blind, measured once (after round 7: 0.808 / 0.937, near-misses 4/79); rounds 8 and 9
    # worked against it (round 8: 0.860 / 0.972): floors are round 9's figures.
    # (round 38 part B: ADDRESS precision 0.95 -> 0.93: "Shibuya-ku", "Seocho-gu" after the street now inside the
    # address, as the tuned sets label a ward after its street: -ku 3 in, 1 out; -gu 3 in, 1 out; heldout14 the 1)
    "heldout14.jsonl": {"overall": (0.92, 0.98), "min_rows": 265, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.91, 0.93), DATE_OF_BIRTH=(0.90, 1.0), EMAIL=(1.0, 1.0),
        PERSON=(0.83, 0.96), PHONE=(0.98, 1.0), POSTAL_CODE=(0.96, 1.0))},
    # Blind, measured once (0.862 / 0.959, near-misses 6/77); round 10 worked against it.
    "heldout15.jsonl": {"overall": (0.94, 0.99), "min_rows": 255, "near_misses_altered": 0, "types": floors(
        ADDRESS=(1.0, 1.0), DATE_OF_BIRTH=(1.0, 1.0), PERSON=(0.86, 0.98), PHONE=(1.0, 1.0))},
    # Blind, measured once (0.872 / 0.961 on round 9's rules, 0.880 / 0.962 after round 10,
    # 0.915 / 0.960 with the name tagger); round 11 worked against it: floors are its figures.
    "heldout16.jsonl": {"overall": (0.95, 0.99), "min_rows": 270, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.87, 0.95), DATE_OF_BIRTH=(1.0, 0.96), PASSPORT=(0.95, 1.0),
        PERSON=(0.94, 0.99), PHONE=(1.0, 1.0), POSTAL_CODE=(0.90, 1.0))},
    # Blind, measured once with the tagger (0.867 / 0.956, near-misses 2/76); its card expiry
    # spans relabelled to the date alone; round 11 worked against it: floors are its figures.
    "heldout17.jsonl": {"overall": (0.96, 0.99), "min_rows": 250, "near_misses_altered": 0, "types": floors(
        ADDRESS=(1.0, 1.0), DATE_OF_BIRTH=(1.0, 1.0), PERSON=(0.91, 0.99), PHONE=(1.0, 1.0))},
    # Blind, measured twice (0.903 / 0.963 on round 10's rules, 0.917 / 0.976 after round 11);
    # round 12 worked against it: floors are its figures.
    "heldout18.jsonl": {"overall": (0.97, 0.99), "min_rows": 260, "near_misses_altered": 0, "types": floors(
        ADDRESS=(1.0, 1.0), DATE_OF_BIRTH=(1.0, 1.0), PERSON=(0.94, 0.99), PHONE=(0.97, 0.97))},
    # Blind, measured once at 82ce17e (0.873 / 0.960, near-misses 1/76); round 13 worked against
    # it: floors are its figures. Its ADDRESS labels leave out the neighbourhood, sector or
    # barangay that the redactor masks with the street (the earlier sets' convention).
    "heldout19.jsonl": {"overall": (0.98, 0.99), "min_rows": 265, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.90, 0.90), DATE_OF_BIRTH=(0.97, 1.0), PERSON=(1.0, 1.0), PHONE=(1.0, 1.0))},
    # Blind, measured at 2e0479c (0.917 / 0.963, near-misses 4/80) and at 148b237 (0.929 / 0.961);
    # round 14 worked against it (and the tagger now learns from it): floors are its figures.
    "heldout20.jsonl": {"overall": (1.0, 1.0), "min_rows": 265, "near_misses_altered": 0, "types": floors(
        ADDRESS=(1.0, 1.0), DATE_OF_BIRTH=(1.0, 1.0), PERSON=(1.0, 1.0), PHONE=(1.0, 1.0))},
    # Blind, measured at 18fbc96 (0.893 / 0.976, near-misses 2/75); round 14 worked against it.
    # Its ADDRESS labels leave out the barangay and keep an employer's address (which the
    # redactor leaves, a business's); a postal code after a Malagasy city missed.
    "heldout21.jsonl": {"overall": (0.97, 0.99), "min_rows": 260, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.91, 0.96), DATE_OF_BIRTH=(0.97, 1.0), PERSON=(0.97, 1.0), PHONE=(1.0, 1.0),
        POSTAL_CODE=(0.96, 1.0))},
    # Blind, measured by the lead at 75f5e8b (0.955 / 0.958, near-misses 7/78); round 15 worked
    # against it (and the tagger now learns from it; rules alone 0.979 / 1.000).
    "heldout22.jsonl": {"overall": (1.0, 1.0), "min_rows": 270, "near_misses_altered": 0, "types": floors(
        ADDRESS=(1.0, 1.0), DATE_OF_BIRTH=(1.0, 1.0), PERSON=(1.0, 1.0), PHONE=(1.0, 1.0))},
    # Blind, measured by the lead at 6a99964 (0.944 / 0.968, near-misses 6/85, hard ones); round 16
    # worked against it (and the tagger now learns from it; rules alone 0.947 / 1.000).
    "heldout23.jsonl": {"overall": (0.99, 1.0), "min_rows": 270, "near_misses_altered": 0, "types": floors(
        ADDRESS=(1.0, 1.0), DATE_OF_BIRTH=(1.0, 1.0), PERSON=(0.97, 1.0), PHONE=(1.0, 1.0),
        POSTAL_CODE=(1.0, 1.0))},
    # Blind, measured by the lead at 2a44999 (0.963 / 0.968, near-misses 4/62); round 17 worked
    # against it (and the tagger now learns from it; rules alone 0.973 / 1.000).
    "heldout24.jsonl": {"overall": (1.0, 1.0), "min_rows": 200, "near_misses_altered": 0, "types": floors(
        ADDRESS=(1.0, 1.0), DATE_OF_BIRTH=(1.0, 1.0), PERSON=(1.0, 1.0), PHONE=(1.0, 1.0),
        POSTAL_CODE=(1.0, 1.0))},
    # Blind, measured by the lead at dec3222 (0.906 / 0.963, near-misses 1/77); round 18 part A
    # worked against its names, birth dates, SINs, client IDs and cards (rules alone 0.976 / 0.986;
    # not yet in the tagger's data). Its card expiry dates are unlabelled (CREDIT_CARD precision);
    # a French phone spelled in words is missed.
    # PERSON 0.99 since the tagger's retraining with heldout54/56 (eighth session): "Thank you Mercy and Rose at the
    # Vegreville office" loses "Rose" (the tagger's P under its threshold); heldout28 likewise loses "Karim" in "mon
    # conseiller chez l'agence, Karim, ne repond plus" (agency staff, which these two writers label)
    "heldout26.jsonl": {"overall": (0.99, 0.98), "min_rows": 235, "near_misses_altered": 0, "types": floors(
        ADDRESS=(1.0, 1.0), CREDIT_CARD=(1.0, 0.8), DATE_OF_BIRTH=(1.0, 1.0), PERSON=(0.99, 0.98),
        PHONE=(0.96, 1.0))},
    # Blind, measured by the lead at dec3222 (0.856 / 0.905, near-misses 1/74); round 18 part B
    # worked against its addresses, codes, phones and e-mails. Its ADDRESS labels keep the
    # neighbourhood after the street (colonia, quartier, ward, "Victoria Island"), which the other
    # sets and the redactor leave out; its card expiry dates are unlabelled (CREDIT_CARD precision).
    "heldout27.jsonl": {"overall": (0.95, 0.94), "min_rows": 240, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.76, 0.76), CREDIT_CARD=(1.0, 0.75), DATE_OF_BIRTH=(1.0, 1.0), PERSON=(0.95, 0.92),
        PHONE=(1.0, 1.0))},
    # Blind, measured by the lead at 8051b9c (0.934 / 0.961, near-misses 1/75); round 19 part A
    # worked against its names and birth dates (not yet in the tagger's data; 0.969 / 0.978 with
    # part A's files alone), part B against the other types (1.000 / 0.991; the writer leaves
    # card expiry dates unlabelled, the README's convention masks them: CREDIT_CARD 0.75).
    "heldout28.jsonl": {"overall": (0.99, 0.99), "min_rows": 235, "near_misses_altered": 0, "types": floors(
        ADDRESS=(1.0, 1.0), CREDIT_CARD=(1.0, 0.75), DATE_OF_BIRTH=(1.0, 1.0), PERSON=(0.98, 1.0),
        PHONE=(1.0, 1.0))},
    # round 20: heldout29 (written to be hard) 0.996 / 0.987; the 3 CREDIT_CARD false positives are
    # expiry dates its writer left unlabelled, the PERSON miss "a Hamidou" after "envoyé les docs"
    "heldout29.jsonl": {"overall": (0.99, 0.98), "min_rows": 235, "near_misses_altered": 0, "types": floors(
        ADDRESS=(1.0, 1.0), CREDIT_CARD=(1.0, 0.66), DATE_OF_BIRTH=(1.0, 1.0), PERSON=(0.98, 1.0),
        PHONE=(1.0, 1.0))},
    # round 21: heldout30 (an ordinary week of chats; blind 0.976 / 0.988 after round 20) 1.000 / 0.992;
    # the 2 CREDIT_CARD false positives are expiry dates its writer left unlabelled
    "heldout30.jsonl": {"overall": (1.0, 0.99), "min_rows": 230, "near_misses_altered": 0, "types": floors(
        ADDRESS=(1.0, 1.0), CREDIT_CARD=(1.0, 0.8), DATE_OF_BIRTH=(1.0, 1.0), PERSON=(1.0, 1.0),
        PHONE=(1.0, 1.0))},
    # round 22: heldout31 (a real inbox, ~30 countries; blind 0.861 / 0.960 after round 21) 1.000 / 0.9898
    # (part A names and birth dates, part B the other types); the 2 CREDIT_CARD false positives are
    # expiry dates its writer left unlabelled
    "heldout31.jsonl": {"overall": (1.0, 0.98), "min_rows": 225, "near_misses_altered": 0, "types": floors(
        ADDRESS=(1.0, 1.0), CREDIT_CARD=(1.0, 0.71), DATE_OF_BIRTH=(1.0, 1.0), PERSON=(1.0, 1.0),
        PHONE=(1.0, 1.0), POSTAL_CODE=(1.0, 1.0))},
    # round 23 part A: heldout32 (blind 0.906 / 0.948 after round 22, ten writing habits) 0.906 / 0.953,
    # near-misses altered 2 -> 0 of 67 (a parcel's S10 tracking number, a department's support
    # mailbox); misses left for later rounds; the 3 CREDIT_CARD false positives are expiry dates its
    # writer left unlabelled; round 24 part A (names, birth dates) 0.906 / 0.953 -> 0.919 / 0.962
    # round 24 part B (addresses, codes, phones, e-mails, passports, client IDs) 0.906 / 0.953 -> 0.961 / 0.974;
    # both parts 0.974 / 0.982; part A's "attn" and spelled-year rules after them: 0.979 / 0.984
    "heldout32.jsonl": {"overall": (0.97, 0.98), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.95, 0.95), APPLICATION_NUMBER=(1.0, 1.0), CLIENT_ID=(1.0, 1.0), CREDIT_CARD=(1.0, 0.66),
        DATE_OF_BIRTH=(0.97, 1.0), EMAIL=(1.0, 1.0), PASSPORT=(1.0, 1.0), PERSON=(0.95, 0.99),
        PHONE=(1.0, 1.0), POSTAL_CODE=(1.0, 1.0), SIN=(1.0, 1.0))},
    # round 25: heldout33 (clients abroad; blind 0.901 / 0.957 after round 24, near-misses 0 of 71);
    # part A (names, birth dates) PERSON 0.92 / 0.97 -> 1.0 / 1.0, DATE_OF_BIRTH 0.92 -> 1.0: 0.930 / 0.966;
    # part B (addresses, codes, phones, IDs) ADDRESS 0.64 / 0.82 -> 0.89 / 0.93, POSTAL_CODE 0.68 -> 1.0,
    # SIN 0.80 -> 1.0, PHONE 0.96 -> 1.0, CLIENT_ID precision 0.82 -> 1.0: both 0.989 / 0.985; the 3 ADDRESS
    # misses: a sector and a hay its writer leaves out (convention), "26 of July St"; the 2 CREDIT_CARD
    # false positives are expiry dates its writer left unlabelled
    "heldout33.jsonl": {"overall": (0.98, 0.98), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.89, 0.92), CREDIT_CARD=(1.0, 0.71), DATE_OF_BIRTH=(1.0, 1.0),
        PERSON=(1.0, 1.0), PHONE=(1.0, 1.0))},
    # round 25: heldout34 (phone chat and pasted forms; blind 0.962 / 0.962 after round 24, near-misses
    # 1 of 70); part A PERSON 0.93 / 0.95 -> 1.0 / 1.0, DATE_OF_BIRTH 0.97 -> 1.0; part B the other
    # types; both 1.000 / 0.9916, near-misses 0; the 2 CREDIT_CARD false positives are unlabelled expiry dates
    "heldout34.jsonl": {"overall": (1.0, 0.99), "min_rows": 215, "near_misses_altered": 0, "types": floors(
        ADDRESS=(1.0, 1.0), CREDIT_CARD=(1.0, 0.77), DATE_OF_BIRTH=(1.0, 1.0), PERSON=(1.0, 1.0),
        PHONE=(1.0, 1.0))},
    # round 26: heldout35 (a busy inbox's day; blind 0.978 / 0.978 after rounds 24 and 25, near-misses 0 of
    # 74); part A's first rules 0.986 / 0.984, part B (cards named before "the number is", Luhn or not)
    # CREDIT_CARD recall 0.62 -> 1.0, APPLICATION_NUMBER precision 0.92 -> 1.0: 0.995 / 0.989; the 3
    # CREDIT_CARD false positives are expiry dates its writer left unlabelled; part A's later rules (PERSON 0.98 ->
    # 1.0, DATE_OF_BIRTH 0.95 / 0.95 -> 1.0 / 0.97): 1.000 / 0.989; the DATE_OF_BIRTH false positive is "(jan 5th)"
    # restating the date without its year, unlabelled
    "heldout35.jsonl": {"overall": (1.0, 0.98), "min_rows": 230, "near_misses_altered": 0, "types": floors(
        ADDRESS=(1.0, 1.0), APPLICATION_NUMBER=(1.0, 1.0), CLIENT_ID=(1.0, 1.0), CREDIT_CARD=(1.0, 0.72),
        DATE_OF_BIRTH=(1.0, 0.97), EMAIL=(1.0, 1.0), PASSPORT=(1.0, 1.0), PERSON=(1.0, 1.0), PHONE=(1.0, 1.0),
        POSTAL_CODE=(1.0, 1.0), SIN=(1.0, 1.0))},
    # round 26: heldout36 (60% French, formal letters, writing for someone else; blind 0.914 / 0.957 after
    # round 25, near-misses 0 of 73); part B ADDRESS 0.72 / 0.87 -> 0.86 / 0.94, POSTAL_CODE 0.86 / 0.96 ->
    # 0.93 / 1.0 (with part A's work so far 0.956 / 0.976); the 2 CREDIT_CARD false positives are unlabelled
    # expiry dates; "Delmas 33, rue ..." is a district its writer leaves out (convention); part A PERSON 0.92 /
    # 0.95 -> 0.99 / 0.99, DATE_OF_BIRTH 0.83 / 0.97 -> 0.91 / 0.97: 0.967 / 0.982 (its writer labels a birth
    # year alone, "née en 1951", which heldout12, 16 and 26 leave unlabelled: convention, not chased)
    "heldout36.jsonl": {"overall": (0.96, 0.98), "min_rows": 225, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.88, 0.94), APPLICATION_NUMBER=(1.0, 1.0), CLIENT_ID=(1.0, 1.0), CREDIT_CARD=(1.0, 0.77),
        DATE_OF_BIRTH=(0.91, 0.96), EMAIL=(1.0, 1.0), PASSPORT=(1.0, 1.0), PERSON=(0.99, 0.99), PHONE=(1.0, 1.0),
        POSTAL_CODE=(0.93, 1.0), SIN=(1.0, 1.0))},
    # round 27 part B: heldout37 (a regional office's Monday; blind 0.922 / 0.954, near-misses 3 of 72):
    # ADDRESS 0.77 / 0.86 -> 0.96 / 1.0, EMAIL 0.91 -> 1.0, CLIENT_ID 0.95 -> 1.0, PHONE, SIN and
    # APPLICATION_NUMBER precision 0.96 / 0.90 / 0.96 -> 1.0; with part A's names so far 0.988 / 0.991, 0 of
    # 72; left: two farm employers' addresses after "employer address" (an employer's address is a business's
    # in earlier sets: convention); 2 CREDIT_CARD false positives are unlabelled expiry dates (convention)
    # round 27 part A: PERSON 0.96 / 0.96 -> 0.99 / 0.99, DATE_OF_BIRTH 0.78 / 1.0 -> 1.0 / 1.0 (with part B's:
    # 0.993 / 0.993); left: "(little Bia)"; "the Oliveira family" masked, unlabelled here ("Famille Haidari"
    # is labelled in heldout39: convention, not chased)
    "heldout37.jsonl": {"overall": (0.99, 0.99), "min_rows": 225, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.96, 1.0), APPLICATION_NUMBER=(1.0, 1.0), CLIENT_ID=(1.0, 1.0), CREDIT_CARD=(1.0, 0.75),
        DATE_OF_BIRTH=(1.0, 1.0), EMAIL=(1.0, 1.0), PASSPORT=(1.0, 1.0), PERSON=(0.99, 0.99), PHONE=(1.0, 1.0),
        POSTAL_CODE=(1.0, 1.0), SIN=(1.0, 1.0))},
    # round 27 part B: heldout39 (families and refugees; blind 0.829 / 0.916, 3 of 66): ADDRESS 0.53 / 0.63 ->
    # 1.0 / 1.0, APPLICATION_NUMBER 0.83 / 0.88 -> 1.0 / 0.95, CLIENT_ID 0.83 -> 0.96, SIN 0.89 -> 1.0,
    # PASSPORT 0.89 -> 1.0, EMAIL 0.90 -> 1.0, PHONE 0.98 -> 1.0, 0 of 66; left: a UCI corrected after it
    # ("claim number is 4371-2219? no thats UCI sorry")
    # round 27 part A: PERSON 0.88 / 0.93 -> 0.98 / 0.99, DATE_OF_BIRTH 0.75 / 0.97 -> 0.97 / 0.99 (with part B's:
    # 0.985 / 0.989); left: a year alone after DOB ("DOB 1955", convention as heldout36's), "the" of a spelled
    # date (earlier sets leave it out), "we put 01/01/1985" after a tazkira with no birth word, "WOOD-LEY
    # CHARLES", "victoria" (a town's name as a child's, lower case); "the Osman family" (convention)
    "heldout39.jsonl": {"overall": (0.98, 0.98), "min_rows": 222, "near_misses_altered": 0, "types": floors(
        ADDRESS=(1.0, 1.0), APPLICATION_NUMBER=(1.0, 0.94), CLIENT_ID=(0.95, 1.0), CREDIT_CARD=(1.0, 0.8),
        DATE_OF_BIRTH=(0.96, 0.98), EMAIL=(1.0, 1.0), PASSPORT=(1.0, 1.0), PERSON=(0.98, 0.99), PHONE=(1.0, 1.0),
        POSTAL_CODE=(1.0, 1.0), SIN=(1.0, 1.0))},
    # round 27 part B: heldout40 (students and temporary workers; blind 0.942 / 0.938, 5 of 69): ADDRESS 0.89
    # / 0.84 -> 1.0 / 1.0, EMAIL 0.95 -> 1.0; with part A's so far 0.986 / 0.971, 3 of 69. By convention, not
    # chased: this writer leaves a phone's extension out (4 PHONE misses and false positives; heldout3-6, 37
    # and 39 include it) and permit, case and document numbers unlabelled (earlier sets label them
    # APPLICATION_NUMBER: the 3 near-misses altered and 4 of the 5 false positives); 2 expiry dates
    # round 27 part A: PERSON 0.91 / 0.93 -> 0.99 / 1.0, DATE_OF_BIRTH 0.93 / 1.0 -> 1.0 / 1.0 (with part B's:
    # 0.986 / 0.974); left: "should I put Mohammadi or my father's name" (a family name asked about).
    # Round 48 part B masks "date d'exp 08/29" after a card, which this writer leaves unlabelled and heldout89-92
    # and 95 label (CREDIT_CARD precision 0.867 -> 0.812: a convention, not a regression)
    "heldout40.jsonl": {"overall": (0.98, 0.97), "min_rows": 220, "near_misses_altered": 3, "types": floors(
        ADDRESS=(1.0, 1.0), APPLICATION_NUMBER=(1.0, 0.81), CLIENT_ID=(1.0, 1.0), CREDIT_CARD=(1.0, 0.81),
        DATE_OF_BIRTH=(1.0, 1.0), EMAIL=(1.0, 1.0), PASSPORT=(1.0, 1.0), PERSON=(0.99, 1.0), PHONE=(0.89, 0.89),
        POSTAL_CODE=(1.0, 1.0), SIN=(0.94, 1.0))},
    # round 28 part B: heldout38 (night DMs, clients abroad; blind 0.947 / 0.949, near-misses 8 of 71): ADDRESS
    # 1.0 / 0.76 -> 1.0 / 1.0, PHONE precision 0.97 -> 1.0, POSTAL_CODE 0.93 -> 1.0, EMAIL 0.95 -> 1.0 (offices',
    # embassies', VFS's addresses and numbers quoted); 0.949 / 0.964 with part A's names as committed, 1 of 71
    # (the PERSON "Paseo de la Reforma" after "c'est", part A's); 2 CREDIT_CARD false positives are
    # unlabelled expiry dates (convention)
    # round 28 part A: PERSON 0.89 / 0.93 -> 1.0 / 1.0, DATE_OF_BIRTH 0.92 / 0.97 -> 1.0 / 0.98 (names in their own
    # script on the next line, a record's lines, handles, "-- Name", "nam", "bro Segun"; dates after another
    # calendar's); overall with part B's 1.000 / 0.992, 0 of 71; by convention, not chased: "(april 5)" restating a
    # birth date without its year, unlabelled as heldout35's writer did
    "heldout38.jsonl": {"overall": (1.0, 0.99), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(1.0, 1.0), APPLICATION_NUMBER=(1.0, 1.0), CLIENT_ID=(1.0, 1.0), CREDIT_CARD=(1.0, 0.77),
        DATE_OF_BIRTH=(1.0, 0.98), EMAIL=(1.0, 1.0), PASSPORT=(1.0, 1.0), PERSON=(1.0, 1.0), PHONE=(1.0, 1.0),
        POSTAL_CODE=(1.0, 1.0), SIN=(1.0, 1.0))},
    # round 28 part B: heldout41 (older clients and helpers; blind 0.901 / 0.919, 3 of 69): ADDRESS 0.81 / 0.78
    # -> 0.97 / 0.97, SIN 0.77 -> 1.0, EMAIL 0.91 / 0.95 -> 1.0 / 1.0, PASSPORT 0.96 / 0.96 -> 1.0 / 1.0,
    # CLIENT_ID 0.91 -> 0.96, APPLICATION_NUMBER 0.95 / 0.86 -> 1.0 / 0.95, CREDIT_CARD recall 0.88 -> 1.0,
    # PHONE precision 0.95 -> 0.98; 0.935 / 0.953 with part A's names as committed, 0 of 69. By convention, not
    # chased: "Case postale 412" labelled without its station (heldout37-40 include it), a phone's extension
    # left out, 2 expiry dates; left: "My sponsor number, not the application number, is it 12345678?"
    # round 28 part A: DATE_OF_BIRTH 0.77 / 1.0 -> 1.0 / 1.0 (the year said first, Ethiopian and Hebrew months, a
    # Japanese era then "=", "00/00/1940", "D.N."), PERSON 0.92 / 0.90 -> 0.98 / 0.96; overall with part B's 0.986 /
    # 0.974, 0 of 69. By convention, not chased: a married name after "épouse" / "viuda de" labelled whole (heldout17
    # and heldout32 label the two names apart), a family name restated in brackets left unlabelled ("(nom de famille
    # Pham)", "(Li is the surname)"); left: "(Vovó Lina to everyone)"
    "heldout41.jsonl": {"overall": (0.98, 0.97), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.96, 0.96), APPLICATION_NUMBER=(1.0, 0.95), CLIENT_ID=(0.95, 1.0), CREDIT_CARD=(1.0, 0.8),
        DATE_OF_BIRTH=(1.0, 1.0), EMAIL=(1.0, 1.0), PASSPORT=(1.0, 1.0), PERSON=(0.98, 0.96), PHONE=(0.97, 0.97),
        POSTAL_CODE=(1.0, 1.0), SIN=(1.0, 1.0))},
    # round 29 part A: heldout42 (urgent and angry messages, representatives; blind 0.969 / 0.976, after rounds
    # 27-28 and the retraining 0.971 / 0.978, 3 of 66): PERSON 0.97 / 0.97 -> 1.0 / 1.0 (a reversed name after
    # "full name" or signing after a dash, "- the Carters", a given name alone as a sentence, a representative in
    # brackets with a role, "Jasper" as a town and a park); DATE_OF_BIRTH 1.0 / 1.0; 0.982 / 0.988 and 2 of 66
    # on part B's pre-round files; with part B's committed: 1.000 / 0.998, 0 of 66
    # round 29 part B: ADDRESS 0.87 / 0.93 -> 1.0 / 1.0 (General Delivery and poste restante before a town and its
    # code, "Box 45, Site 3, RR 1", "basement suite" after the street, a lawyer's firm's address kept), CREDIT_CARD
    # 0.75 / 0.86 -> 1.0 / 0.89 (a card's event before its number, Luhn or not), APPLICATION_NUMBER 0.96 -> 1.0 (its
    # letter spelled, "E as in echo zero one ..."), PASSPORT and PHONE precision 0.97 -> 1.0 (a preposition in
    # capitals before an address, a lawyer's office line); 0.988 / 0.988 and 1 of 66 with part A's names as
    # committed before; with both parts 1.000 / 0.998, 0 of 66. By convention, not chased: a card's expiry date
    # ("exp 09/28") left unlabelled
    "heldout42.jsonl": {"overall": (1.0, 0.99), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(1.0, 1.0), APPLICATION_NUMBER=(1.0, 1.0), CLIENT_ID=(1.0, 1.0), CREDIT_CARD=(1.0, 0.88),
        DATE_OF_BIRTH=(1.0, 1.0), EMAIL=(1.0, 1.0), PASSPORT=(1.0, 1.0), PERSON=(1.0, 1.0), PHONE=(1.0, 1.0),
        POSTAL_CODE=(1.0, 1.0), SIN=(1.0, 1.0))},
    # round 30 part A: heldout43 (a mixed day of the inbox, quoted offices, clinics and toll-free numbers; blind
    # 0.980 / 0.958, 8 of 71): PERSON 0.99 / 0.97 -> 1.0 / 0.99 (a word-name from a body who told or said something,
    # "Mark from the settlement agency told me"; a saint's name before a possessive, "St. Luke's Medical Center";
    # "Ho Chi Minh-Ville" a town), DATE_OF_BIRTH 0.93 -> 1.0 (a birth date asked about, then given in the next
    # sentence; "1995-13-02", the year, a day, the month); 0.991 / 0.964 and 7 of 71 with part B's modules as
    # committed before the round. By convention, not chased: "the Friedman family" (an employer's family name) left
    # unlabelled; a card's expiry date ("exp 09/28") left unlabelled
    # round 30 part B: ADDRESS 0.96 / 0.79 -> 1.0 / 1.0 (a workplace after "I work at", an event with its day between,
    # a church's name after a comma, "la clinique médicale du ...", the Red Cross; a unit said in words), PHONE
    # precision 0.94 -> 1.0 (a public place described in its sentence, then "phone"/"their number is"), EMAIL 0.95 ->
    # 1.0 (a business's role mailbox, "hr@..."), SIN 0.91 -> 1.0 (a value typed again to correct it), POSTAL_CODE
    # 0.95 -> 1.0 (said in words after its label). With both parts: 1.000 / 0.992, 0 of 71 altered
    "heldout43.jsonl": {"overall": (1.0, 0.99), "min_rows": 200, "near_misses_altered": 0, "types": floors(
        ADDRESS=(1.0, 1.0), APPLICATION_NUMBER=(1.0, 1.0), CLIENT_ID=(1.0, 1.0), CREDIT_CARD=(1.0, 0.81),
        DATE_OF_BIRTH=(1.0, 1.0), EMAIL=(1.0, 1.0), PASSPORT=(1.0, 1.0), PERSON=(1.0, 0.99), PHONE=(1.0, 1.0),
        POSTAL_CODE=(1.0, 1.0), SIN=(1.0, 1.0))},
    # round 31: heldout45 (people writing for someone else, with the public contact details of offices, embassies,
    # clinics, schools and businesses quoted beside the family's; blind 0.956 / 0.854, 15 of 68). Part A: PERSON
    # 0.95 / 0.97 -> 1.0 / 1.0. Part B: PHONE 0.96 / 0.51 -> 1.0 / 0.98, ADDRESS 0.90 / 0.67 -> 0.90 / 0.88, EMAIL
    # precision 0.79 -> 1.0, CREDIT_CARD 0.78 -> 1.0, POSTAL_CODE 0.97 -> 1.0, CLIENT_ID precision 0.93 -> 1.0 (an
    # organisation's contact block after its name; a body's number it gave, or said with "their"/"leur" or its HR's;
    # a workplace's line and address; a mission's mailbox named by its town; a card's number before its expiry; a
    # phone typed digit by digit after a person's "number"; Argentina's CPA); with both parts 0.987 / 0.980, 3 of 68.
    # By convention, not chased: an employer's address after "employer is" (labelled private in heldout40, public
    # here), a file number of the MIFI and an Interac confirmation left unlabelled, an address's town or "house"
    # inside its span, a UCI alone as a message ("1123874410": Presidio's negatives hold bare numbers like it)
    "heldout45.jsonl": {"overall": (0.98, 0.97), "min_rows": 220, "near_misses_altered": 3, "types": floors(
        ADDRESS=(0.89, 0.87), APPLICATION_NUMBER=(1.0, 0.91), CLIENT_ID=(0.92, 1.0), CREDIT_CARD=(1.0, 1.0),
        DATE_OF_BIRTH=(1.0, 0.97), EMAIL=(1.0, 1.0), PASSPORT=(1.0, 1.0), PERSON=(1.0, 1.0), PHONE=(1.0, 0.97),
        POSTAL_CODE=(1.0, 1.0), SIN=(1.0, 1.0))},
    # round 32: heldout47 (clients of South and East Asia, the Middle East and Latin America writing English late at
    # night: passports and phones of their countries, addresses abroad, names in every order; blind at ac5dc96 0.900 /
    # 0.897, 9 of 71). Part A: PERSON 0.88 / 0.87 -> 1.0 / 1.0, DATE_OF_BIRTH 0.97 -> 1.0 (a name family names first
    # with two family names or in brackets; "s/o"; a name in Han or Hangul after its label; a mall named like a
    # person; a full date alone). Part B: ADDRESS 0.69 / 0.67 -> 0.91 / 0.83, POSTAL_CODE 0.78 -> 0.96,
    # APPLICATION_NUMBER 0.77 / 0.77 -> 1.0 / 0.93, PASSPORT 0.94 / 0.97 -> 1.0 / 1.0, PHONE precision 0.87 -> 0.97,
    # EMAIL precision 0.93 -> 1.0 (Singapore's, Malaysia's and Thailand's streets and flats, the building before the
    # street, a lot in an estate; a house's "no"; an application's office digit apart; a passport's letter apart; an
    # office's line asked about; a mission's service mailbox; a call's reference); with both parts 0.986 / 0.972, 3
    # of 71. Not chased: by convention the barangay and the phuong inside the span, an employer's address and line, a
    # hotel where the client stays; for privacy the client's own file number at a firm; a postal code after an
    # address only the learned tagger finds ("..., n° 6, Bab Ezzouar 16024")
    "heldout47.jsonl": {"overall": (0.98, 0.97), "min_rows": 220, "near_misses_altered": 3, "types": floors(
        ADDRESS=(0.90, 0.82), APPLICATION_NUMBER=(1.0, 0.92), CLIENT_ID=(1.0, 1.0), CREDIT_CARD=(1.0, 1.0),
        DATE_OF_BIRTH=(1.0, 1.0), EMAIL=(1.0, 1.0), PASSPORT=(1.0, 1.0), PERSON=(1.0, 1.0), PHONE=(1.0, 0.97),
        POSTAL_CODE=(0.95, 1.0), SIN=(1.0, 1.0))},
    # round 33: heldout49 (people writing for their family: names of every tradition, several birth dates, relatives'
    # addresses; blind 0.958 / 0.975, 2 of 66) and heldout50 (terse X/Messenger typing, local number styles,
    # corrections, near-misses full of public numbers; blind 0.949 / 0.960, 6 of 66). Part A: a verb without its
    # apostrophe ends a name, a widow's "vda. de", the writer as "la sœur de X", a remark in brackets after a
    # relative, a pasted record's first line, birth dates after a relative and a name, on one's papers, changed by a
    # court; part B: a code on the envelope's next line, flats before a building or after the number, a UCI/SIN one
    # group a line, Belgian numbers, a card's expiry on the next line or after a dash, "[.]" e-mails; public: a
    # post's or a visa centre's line with its town, an office named by its street, a parcel's carrier. With both
    # parts and the models retrained on both sets: 1.000 / 1.000 and 0.996 / 0.996, 0 of 66 each. Not chased: the
    # barangay inside an address's span ("Blk 7 Lot 22 Mabuhay St. Brgy San Isidro", by convention since round 22)
    "heldout49.jsonl": {"overall": (1.0, 1.0), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(1.0, 1.0), APPLICATION_NUMBER=(1.0, 1.0), CLIENT_ID=(1.0, 1.0), CREDIT_CARD=(1.0, 1.0),
        DATE_OF_BIRTH=(1.0, 1.0), EMAIL=(1.0, 1.0), PASSPORT=(1.0, 1.0), PERSON=(1.0, 1.0), PHONE=(1.0, 1.0),
        POSTAL_CODE=(1.0, 1.0), SIN=(1.0, 1.0))},
    "heldout50.jsonl": {"overall": (0.99, 0.99), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.96, 0.96), APPLICATION_NUMBER=(1.0, 1.0), CLIENT_ID=(1.0, 1.0), CREDIT_CARD=(1.0, 1.0),
        DATE_OF_BIRTH=(1.0, 1.0), EMAIL=(1.0, 1.0), PASSPORT=(1.0, 1.0), PERSON=(1.0, 1.0), PHONE=(1.0, 1.0),
        POSTAL_CODE=(1.0, 1.0), SIN=(1.0, 1.0))},
    # round 34 (eighth session), parts A and B, then the three models retrained with the three sets: heldout52
    # (clients in a hurry, nicknames beside full names; blind 0.937 / 0.937, 10 of 66), heldout53 (caregivers and
    # farm workers, forms pasted; blind 0.911 / 0.944, 4 of 66) and heldout55 (older clients' letters, birth dates
    # in words; blind 0.911 / 0.930, 8 of 66; both with the town trimmed out of ADDRESS, tests/redaction/README.md).
    # Part A: titles and honorifics out of names, married and maiden names, families ("the Tremblays"), nicknames
    # beside full names, ordinal birth dates in words; part B: IMM- court files whole, K1A codes after a federal
    # body, an employer's home address, wards, nagar, estates, purok. After: 0.996 / 0.986, 2 of 66; 0.981 / 0.975,
    # 1 of 66; 0.980 / 0.980, 1 of 66. By convention, not chased: officers' names ("Officer Tremblay", unlabelled
    # here, labelled in heldout15/26/28: the near-misses left in heldout52), a district or town first (Iran,
    # Lebanon) or a commune after the street, an incorporated employer's address (public in heldout53, private in
    # heldout12/40), a card's expiry
    "heldout52.jsonl": {"overall": (0.99, 0.98), "min_rows": 220, "near_misses_altered": 2, "types": floors(
        ADDRESS=(0.96, 0.96), APPLICATION_NUMBER=(1.0, 1.0), CLIENT_ID=(1.0, 1.0), CREDIT_CARD=(1.0, 1.0),
        DATE_OF_BIRTH=(1.0, 1.0), EMAIL=(1.0, 1.0), PASSPORT=(1.0, 1.0), PERSON=(1.0, 0.96), PHONE=(1.0, 1.0),
        POSTAL_CODE=(1.0, 1.0), SIN=(1.0, 1.0))},
    "heldout53.jsonl": {"overall": (0.98, 0.97), "min_rows": 220, "near_misses_altered": 1, "types": floors(
        ADDRESS=(0.85, 0.83), APPLICATION_NUMBER=(1.0, 1.0), CLIENT_ID=(1.0, 1.0), CREDIT_CARD=(1.0, 0.8),
        DATE_OF_BIRTH=(0.97, 1.0), EMAIL=(1.0, 1.0), PASSPORT=(1.0, 1.0), PERSON=(1.0, 1.0), PHONE=(1.0, 1.0),
        POSTAL_CODE=(1.0, 0.95), SIN=(1.0, 1.0))},
    "heldout55.jsonl": {"overall": (0.97, 0.97), "min_rows": 220, "near_misses_altered": 1, "types": floors(
        ADDRESS=(0.8, 0.82), APPLICATION_NUMBER=(1.0, 1.0), CLIENT_ID=(1.0, 1.0), CREDIT_CARD=(1.0, 1.0),
        DATE_OF_BIRTH=(1.0, 1.0), EMAIL=(1.0, 1.0), PASSPORT=(1.0, 1.0), PERSON=(1.0, 0.99), PHONE=(1.0, 1.0),
        POSTAL_CODE=(1.0, 1.0), SIN=(1.0, 1.0))},
    # round 35 (eighth session), parts A and B, then the models retrained with both sets: heldout54 (students mixing
    # EN and FR; blind 0.957 / 0.967, 5 of 66; 0.970 / 0.970, 4 of 66 after round 34) and heldout56 (refugees and
    # sponsors; blind 0.932 / 0.962, 6 of 66; 0.938 / 0.962 after round 34; both with the town trimmed out of
    # ADDRESS). Part A: "Hajji", a listed given name then the relative, an emoji ending a lower-case name, user
    # names of two listed names, a saint's charity, a street named after someone, public figures' statements; part
    # B: UNHCR case and IRB file numbers, campus, college, hotel and bodies' addresses public, a quarter before the
    # street, "1800 Wesbrook Mall". After: 1.000 / 0.993 and 0.991 / 0.994, 0 of 66 each. By convention, not chased:
    # a card's expiry, a year alone after "DOB", the town after the street
    "heldout54.jsonl": {"overall": (0.99, 0.99), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(1.0, 1.0), APPLICATION_NUMBER=(1.0, 1.0), CLIENT_ID=(1.0, 1.0), CREDIT_CARD=(1.0, 0.83),
        DATE_OF_BIRTH=(1.0, 0.97), EMAIL=(1.0, 1.0), PASSPORT=(1.0, 1.0), PERSON=(1.0, 1.0), PHONE=(1.0, 1.0),
        POSTAL_CODE=(1.0, 1.0), SIN=(1.0, 1.0))},
    "heldout56.jsonl": {"overall": (0.99, 0.99), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.95, 0.95), APPLICATION_NUMBER=(1.0, 1.0), CLIENT_ID=(1.0, 1.0), CREDIT_CARD=(1.0, 0.8),
        DATE_OF_BIRTH=(0.95, 1.0), EMAIL=(1.0, 1.0), PASSPORT=(1.0, 1.0), PERSON=(1.0, 0.99), PHONE=(1.0, 1.0),
        POSTAL_CODE=(1.0, 1.0), SIN=(1.0, 1.0))},
    # PERSON precision 0.99 for heldout56 since the tagger's retraining with heldout57/58 (ninth session): "I fled
    # from Venezuela" after a full name, one span.
    # round 36 (ninth session), parts A and B, then the three models retrained with both sets: heldout57 (an
    # interpreter relaying clients, values typed as heard, names spelled letter by letter; blind 0.926 / 0.945, 5 of
    # 66) and heldout58 (executives on the road: a signature's work contacts beside the person's own; blind 0.915 /
    # 0.857, 22 of 66). Left by convention: officers' names after "agent"/"Officer" (masked, labelled in heldout6/26/28,
    # left in 55/57/58: the near-misses left), a birth date's year (heldout57 leaves it after "born in 1990, on april
    # 10"), districts inside ADDRESS ("-gu", "Col.", "Jardins": heldout58 labels them, heldout12-56 mostly not).
    "heldout57.jsonl": {"overall": (0.98, 0.97), "min_rows": 220, "near_misses_altered": 2, "types": floors(
        ADDRESS=(0.9, 0.9), CREDIT_CARD=(1.0, 0.6), DATE_OF_BIRTH=(0.95, 0.95), PERSON=(1.0, 0.98), PHONE=(1.0, 1.0), SIN=(0.8, 1.0))},
    "heldout58.jsonl": {"overall": (0.96, 0.95), "min_rows": 220, "near_misses_altered": 1, "types": floors(
        ADDRESS=(0.55, 0.55), APPLICATION_NUMBER=(1.0, 0.95), CREDIT_CARD=(1.0, 0.85), DATE_OF_BIRTH=(1.0, 1.0),
        PASSPORT=(0.97, 1.0), PERSON=(1.0, 0.98), PHONE=(1.0, 1.0), POSTAL_CODE=(0.96, 0.96))},
    # round 37 (ninth session), parts A and B, then the three models retrained with both sets: heldout59 (X direct
    # messages, terse, numbers of 8 countries; blind 0.908 / 0.956, 2 of 66) and heldout60 (dictated or OCR'd
    # Messenger, numbers and dates in words; blind 0.912 / 0.931, 5 of 66). Left by convention: a card's expiry
    # (labelled CREDIT_CARD in heldout1-52, not in 59/60: the false positives), "FAMILY, Given" as one name (heldout60
    # splits it), "the" inside a date in words (heldout60 keeps it).
    "heldout59.jsonl": {"overall": (0.99, 0.98), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.9, 0.95), CREDIT_CARD=(1.0, 0.75), DATE_OF_BIRTH=(1.0, 1.0), PERSON=(1.0, 1.0), PHONE=(1.0, 1.0))},
    "heldout60.jsonl": {"overall": (0.98, 0.97), "min_rows": 220, "near_misses_altered": 1, "types": floors(
        ADDRESS=(1.0, 1.0), CREDIT_CARD=(1.0, 0.65), DATE_OF_BIRTH=(0.95, 0.95), PERSON=(0.97, 0.98),
        PHONE=(1.0, 1.0))},
    # round 38 (tenth session), parts A and B, then the three models retrained with both sets: heldout61 (clients in
    # every province: rural routes, PO boxes, basements, postal codes typed every way; blind 0.968 / 0.957, 5 of 66)
    # and heldout62 (clients abroad, addresses the local way; blind 0.925 / 0.943, 0 of 66). Left: heldout62's
    # districts without a designator and its colonias / quartiers inside ADDRESS (the tuned sets' majority leaves them
    # out), a card's expiry (labelled in heldout1-52, not here).
    "heldout61.jsonl": {"overall": (0.99, 0.98), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.97, 0.97), CREDIT_CARD=(1.0, 0.8), DATE_OF_BIRTH=(1.0, 1.0), PERSON=(1.0, 1.0),
        POSTAL_CODE=(1.0, 0.95), PHONE=(1.0, 1.0))},
    "heldout62.jsonl": {"overall": (0.96, 0.96), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.7, 0.7), CREDIT_CARD=(1.0, 0.8), DATE_OF_BIRTH=(1.0, 1.0), PERSON=(1.0, 1.0), PHONE=(1.0, 1.0))},
    # round 39 (tenth session), parts A and B and the lead's cards, then the three models retrained with the three
    # sets: heldout63 (francophones of Africa, the Maghreb, Haiti, Belgium, Switzerland, Québec; blind 0.952 / 0.947, 4
    # of 66), heldout64 (family sponsorship, pasted forms; 0.921 / 0.942, 0 of 66), heldout65 (South, East and South-East
    # Asia, the Middle East; 0.905 / 0.914, 3 of 66). Left by convention: heldout64 leaves a corrected wrong value
    # unlabelled (the other sets label both), a card's expiry (masked, as the issue asks), staff after "Mr."/"M."
    # (heldout65 leaves them).
    "heldout63.jsonl": {"overall": (0.98, 0.96), "min_rows": 220, "near_misses_altered": 2, "types": floors(
        ADDRESS=(0.93, 0.96), APPLICATION_NUMBER=(1.0, 0.95), CLIENT_ID=(0.93, 1.0), CREDIT_CARD=(1.0, 0.8),
        DATE_OF_BIRTH=(0.9, 0.9), PERSON=(0.98, 0.95), PHONE=(1.0, 1.0), POSTAL_CODE=(1.0, 0.95))},
    "heldout64.jsonl": {"overall": (0.97, 0.97), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.9, 0.9), CLIENT_ID=(1.0, 0.95), DATE_OF_BIRTH=(0.96, 0.96), PASSPORT=(0.96, 0.96),
        PERSON=(0.96, 0.98), PHONE=(1.0, 1.0))},
    "heldout65.jsonl": {"overall": (0.96, 0.96), "min_rows": 220, "near_misses_altered": 2, "types": floors(
        ADDRESS=(0.9, 0.92), CLIENT_ID=(0.85, 1.0), CREDIT_CARD=(1.0, 0.85), DATE_OF_BIRTH=(0.96, 0.9),
        PERSON=(0.96, 0.93), PHONE=(0.96, 0.94), POSTAL_CODE=(0.95, 1.0))},
    # round 40 (eleventh session), parts A and B, on heldout66 (a plain inbox; blind 0.981 / 0.984 at 362d107, 0.977 /
    # 0.984 at 74d40ef) and heldout67 (people writing for clients, complaints; 0.961 / 0.983, then 0.966 / 0.983); round
    # 41 on heldout68 (Messenger and X of 15 countries; blind 0.964 / 0.961), heldout69 (mostly French, signatures;
    # 0.957 / 0.961) and heldout70 (a plain week; 0.967 / 0.969); then the three models retrained with all five.
    # Measured at the retraining (tests/redaction/README.md), type floors rounded down (0.01 under for the rules'
    # looser types). Left by convention: a card's expiry (masked, as the issue asks), receipts of digits only.
    "heldout66.jsonl": {"overall": (0.99, 0.98), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.99, 0.99), CREDIT_CARD=(1.0, 0.84), DATE_OF_BIRTH=(0.99, 0.99), PERSON=(0.99, 0.99),
        PHONE=(0.99, 0.99))},
    "heldout67.jsonl": {"overall": (0.98, 0.99), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.91, 0.99), CLIENT_ID=(0.98, 1.0), CREDIT_CARD=(1.0, 0.84), DATE_OF_BIRTH=(0.99, 0.99),
        PERSON=(0.99, 0.99), PHONE=(0.99, 0.97), POSTAL_CODE=(0.92, 1.0))},
    "heldout68.jsonl": {"overall": (0.99, 0.98), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.99, 0.99), APPLICATION_NUMBER=(0.94, 1.0), CREDIT_CARD=(1.0, 0.73), DATE_OF_BIRTH=(0.99, 0.99),
        PERSON=(0.99, 0.99), PHONE=(0.99, 0.99))},
    "heldout69.jsonl": {"overall": (0.98, 0.98), "min_rows": 220, "near_misses_altered": 1, "types": floors(
        ADDRESS=(0.96, 0.96), APPLICATION_NUMBER=(0.94, 1.0), CREDIT_CARD=(1.0, 0.73), DATE_OF_BIRTH=(0.99, 0.99),
        PERSON=(0.99, 0.97), PHONE=(0.99, 0.99))},
    "heldout70.jsonl": {"overall": (0.99, 0.98), "min_rows": 220, "near_misses_altered": 1, "types": floors(
        ADDRESS=(0.99, 0.99), CREDIT_CARD=(1.0, 0.8), DATE_OF_BIRTH=(0.99, 0.99), PERSON=(0.97, 0.97),
        PHONE=(0.99, 0.94))},
    # twelfth session, tuned by round 42 (README), measured at 7cb482e less about one span a type
    "heldout71.jsonl": {"overall": (0.99, 0.98), "min_rows": 220, "near_misses_altered": 1, "types": floors(
        ADDRESS=(0.98, 0.96), APPLICATION_NUMBER=(0.91, 0.85), CREDIT_CARD=(1.0, 0.64), DATE_OF_BIRTH=(0.99, 0.99),
        PERSON=(0.99, 0.98), PHONE=(0.99, 0.99))},
    "heldout72.jsonl": {"overall": (0.99, 0.98), "min_rows": 220, "near_misses_altered": 2, "types": floors(
        ADDRESS=(0.98, 0.98), CREDIT_CARD=(1.0, 0.7), DATE_OF_BIRTH=(0.98, 0.98), PERSON=(0.99, 0.97),
        PHONE=(0.98, 0.98))},
    "heldout73.jsonl": {"overall": (0.99, 0.98), "min_rows": 220, "near_misses_altered": 1, "types": floors(
        ADDRESS=(0.97, 0.97), CREDIT_CARD=(1.0, 0.73), DATE_OF_BIRTH=(0.98, 0.98), PERSON=(0.99, 0.97),
        PHONE=(0.98, 0.98))},
    "heldout74.jsonl": {"overall": (0.99, 0.98), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.98, 0.98), CREDIT_CARD=(1.0, 0.7), DATE_OF_BIRTH=(0.98, 0.98), PERSON=(0.99, 0.99),
        PHONE=(0.98, 0.98))},
    "heldout75.jsonl": {"overall": (0.99, 0.98), "min_rows": 220, "near_misses_altered": 2, "types": floors(
        ADDRESS=(0.92, 0.92), CREDIT_CARD=(1.0, 0.81), DATE_OF_BIRTH=(0.99, 0.99), PERSON=(0.99, 0.97),
        PHONE=(0.98, 0.98))},
    # thirteenth session: heldout76-78 tuned by round 44, heldout79-82 (fresh this session) by round 45 (README);
    # measured at d356125 less about one span a type
    "heldout76.jsonl": {"overall": (0.97, 0.97), "min_rows": 220, "near_misses_altered": 1, "types": floors(
        ADDRESS=(0.92, 0.92), APPLICATION_NUMBER=(1.0, 0.92), CLIENT_ID=(0.93, 1.0), CREDIT_CARD=(1.0, 0.8), DATE_OF_BIRTH=(0.97, 0.97), PASSPORT=(0.93, 1.0), PERSON=(0.99, 0.97), PHONE=(0.94, 0.94), SIN=(0.75, 1.0))},
    "heldout77.jsonl": {"overall": (0.98, 0.97), "min_rows": 220, "near_misses_altered": 3, "types": floors(
        ADDRESS=(0.93, 0.92), CREDIT_CARD=(1.0, 0.44), DATE_OF_BIRTH=(0.97, 0.97), PASSPORT=(1.0, 0.94), PERSON=(0.99, 0.98), PHONE=(0.99, 0.99), SIN=(0.71, 1.0))},
    "heldout78.jsonl": {"overall": (0.97, 0.97), "min_rows": 220, "near_misses_altered": 1, "types": floors(
        ADDRESS=(0.92, 0.93), CREDIT_CARD=(1.0, 0.4), DATE_OF_BIRTH=(0.96, 0.92), PERSON=(0.99, 0.98), PHONE=(0.98, 0.99), POSTAL_CODE=(0.97, 1.0))},
    "heldout79.jsonl": {"overall": (0.96, 0.96), "min_rows": 220, "near_misses_altered": 1, "types": floors(
        ADDRESS=(0.86, 0.88), CLIENT_ID=(1.0, 0.88), CREDIT_CARD=(1.0, 0.57), DATE_OF_BIRTH=(0.97, 0.97), PASSPORT=(1.0, 0.92), PERSON=(0.98, 0.99), PHONE=(0.99, 0.99), POSTAL_CODE=(0.96, 1.0))},
    "heldout80.jsonl": {"overall": (0.99, 0.98), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.97, 0.97), CREDIT_CARD=(0.92, 0.86), DATE_OF_BIRTH=(0.98, 0.98), PERSON=(0.98, 0.98), PHONE=(0.93, 0.93))},
    "heldout81.jsonl": {"overall": (0.97, 0.97), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.89, 0.89), APPLICATION_NUMBER=(1.0, 0.97), CREDIT_CARD=(1.0, 0.76), DATE_OF_BIRTH=(0.97, 0.98), PERSON=(0.97, 0.98), PHONE=(0.97, 0.94), POSTAL_CODE=(0.94, 0.89))},
    "heldout82.jsonl": {"overall": (0.99, 0.99), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.94, 0.94), DATE_OF_BIRTH=(0.97, 0.97), PERSON=(0.96, 0.98), PHONE=(0.96, 0.96))},
    # heldout83-85 (fresh, blind through rounds 44-45) tuned by round 46, measured at 6a6792b less about one span a type
    "heldout83.jsonl": {"overall": (0.98, 0.98), "min_rows": 220, "near_misses_altered": 1, "types": floors(
        ADDRESS=(0.96, 0.96), CREDIT_CARD=(1.0, 0.76), DATE_OF_BIRTH=(0.97, 0.98), PERSON=(0.98, 0.98), PHONE=(0.98, 0.98))},
    "heldout84.jsonl": {"overall": (0.96, 0.97), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.96, 0.96), APPLICATION_NUMBER=(1.0, 0.92), CREDIT_CARD=(1.0, 0.78), DATE_OF_BIRTH=(0.95, 0.97), PERSON=(0.91, 0.95), PHONE=(0.97, 0.97))},
    "heldout85.jsonl": {"overall": (0.98, 0.98), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.94, 0.94), CREDIT_CARD=(1.0, 0.75), DATE_OF_BIRTH=(0.98, 0.96), PERSON=(0.98, 0.99), PHONE=(0.95, 0.95))},
    # heldout86-90 and 92 tuned by round 47 (fourteenth session), measured at 204f9dc less about one span a type
    "heldout86.jsonl": {"overall": (0.99, 0.98), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.93, 0.97), CREDIT_CARD=(1.0, 0.66), DATE_OF_BIRTH=(0.97, 0.97), PERSON=(0.98, 0.97), PHONE=(0.97, 0.97))},
    "heldout87.jsonl": {"overall": (0.98, 0.98), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.97, 0.97), CREDIT_CARD=(1.0, 0.72), DATE_OF_BIRTH=(0.97, 0.97), PERSON=(0.96, 0.98), PHONE=(0.95, 0.95))},
    "heldout88.jsonl": {"overall": (0.99, 0.99), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.97, 0.97), CREDIT_CARD=(1.0, 0.7), DATE_OF_BIRTH=(0.97, 0.97), PERSON=(0.99, 0.97), PHONE=(0.97, 0.97))},
    "heldout89.jsonl": {"overall": (0.99, 0.99), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.97, 0.97), DATE_OF_BIRTH=(0.97, 0.97), PERSON=(0.97, 0.97), PHONE=(0.97, 0.97))},
    "heldout90.jsonl": {"overall": (0.99, 0.99), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.97, 0.97), DATE_OF_BIRTH=(0.97, 0.97), PERSON=(0.97, 0.97), PHONE=(0.97, 0.97))},
    "heldout92.jsonl": {"overall": (0.96, 0.98), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.87, 0.87), DATE_OF_BIRTH=(0.9, 0.97), PERSON=(0.98, 0.97), PHONE=(0.97, 0.97))},
    # heldout91 (blind through round 47), 95 and 97 (fresh) tuned by round 48 (fifteenth session), measured at
    # 1a22146 (1.000 / 1.000, 1.000 / 1.000, 0.981 / 0.981) less about one span a type; heldout97's six ADDRESS
    # misses are districts after the street ("Brgy. San Isidro", "Hay Riad"), labelled both ways by the sets
    "heldout91.jsonl": {"overall": (0.99, 0.99), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.95, 0.95), DATE_OF_BIRTH=(0.97, 0.97), PERSON=(0.98, 0.98), PHONE=(0.97, 0.97))},
    "heldout95.jsonl": {"overall": (0.99, 0.99), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.94, 0.94), DATE_OF_BIRTH=(0.96, 0.96), PERSON=(0.98, 0.98), PHONE=(0.96, 0.96))},
    "heldout97.jsonl": {"overall": (0.97, 0.97), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.77, 0.77), DATE_OF_BIRTH=(0.96, 0.96), PERSON=(0.98, 0.98), PHONE=(0.97, 0.97))},
    # heldout98-100 (fresh; first measured after round 48: 0.982 / 1.000, 0.984 / 0.984, 0.977 / 1.000) tuned by
    # round 49, measured at its end (0.993 / 1.000, 1.000 / 1.000, 0.993 / 1.000) less about one span a type
    "heldout98.jsonl": {"overall": (0.98, 0.99), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.94, 0.94), APPLICATION_NUMBER=(0.96, 0.96), DATE_OF_BIRTH=(0.95, 0.95), PERSON=(0.97, 0.98),
        PHONE=(0.97, 0.97))},
    "heldout99.jsonl": {"overall": (0.99, 0.99), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.96, 0.96), DATE_OF_BIRTH=(0.96, 0.96), PERSON=(0.98, 0.98), PHONE=(0.97, 0.97))},
    "heldout100.jsonl": {"overall": (0.98, 0.99), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.96, 0.96), DATE_OF_BIRTH=(0.97, 0.97), EMAIL=(0.95, 1.0), PERSON=(0.99, 0.99),
        PHONE=(0.95, 0.97))},
    # heldout44, 48, 51 (blind from the eleventh session through round 49) and the fresh 101, 103, 105 tuned by round 50;
    # the fresh 102, 104, 106, 108 by round 51 (sixteenth session); measured at fa0092a less about one span a type.
    # First measured (f18e72a): 44 0.983 / 0.976 (3 near-misses altered), 48 0.989 / 0.974 (5), 51 0.985 / 0.968 (4),
    # 101 0.971 / 0.971, 102 0.948 / 0.972, 103 0.961 / 0.990, 104 0.962 / 0.983, 105 0.975 / 0.980 (2), 106 0.951 /
    # 0.988, 108 0.903 / 0.961; heldout44 labels a card's expiry after its number as no card (the issue asks it masked)
    "heldout44.jsonl": {"overall": (0.99, 0.98), "min_rows": 200, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.97, 0.97), CREDIT_CARD=(1.0, 0.83), DATE_OF_BIRTH=(0.97, 0.97), PERSON=(0.97, 0.97), PHONE=(0.97, 0.97))},
    "heldout48.jsonl": {"overall": (0.99, 0.99), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.97, 0.97), DATE_OF_BIRTH=(0.97, 0.97), PERSON=(0.97, 0.97), PHONE=(0.97, 0.97))},
    "heldout51.jsonl": {"overall": (0.99, 0.99), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.97, 0.97), APPLICATION_NUMBER=(1.0, 0.92), DATE_OF_BIRTH=(0.97, 0.97), PERSON=(0.97, 0.97), PHONE=(0.97, 0.97))},
    "heldout101.jsonl": {"overall": (0.99, 0.99), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.97, 0.97), DATE_OF_BIRTH=(0.97, 0.97), PERSON=(0.97, 0.97), PHONE=(0.97, 0.97))},
    "heldout102.jsonl": {"overall": (0.99, 0.99), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.93, 0.96), DATE_OF_BIRTH=(0.97, 0.97), PERSON=(0.97, 0.97), PHONE=(0.97, 0.97))},
    "heldout103.jsonl": {"overall": (0.99, 0.99), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.97, 0.97), DATE_OF_BIRTH=(0.97, 0.97), PERSON=(0.97, 0.97), PHONE=(0.97, 0.97))},
    "heldout104.jsonl": {"overall": (0.99, 0.99), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.97, 0.97), CLIENT_ID=(0.95, 1.0), DATE_OF_BIRTH=(0.97, 0.97), PERSON=(0.97, 0.97), PHONE=(0.97, 0.97))},
    "heldout105.jsonl": {"overall": (0.98, 0.99), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.96, 0.96), DATE_OF_BIRTH=(0.97, 0.97), PASSPORT=(0.95, 0.95), PERSON=(0.97, 0.97), PHONE=(0.97, 0.97))},
    "heldout106.jsonl": {"overall": (0.98, 0.98), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.86, 0.86), APPLICATION_NUMBER=(0.95, 1.0), DATE_OF_BIRTH=(0.97, 0.97), PERSON=(0.97, 0.97), PHONE=(0.97, 0.97))},
    "heldout108.jsonl": {"overall": (0.99, 0.99), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.94, 0.97), DATE_OF_BIRTH=(0.96, 0.96), PERSON=(0.97, 0.97), PHONE=(0.97, 0.97))},
    # round 52 (seventeenth session) read heldout109 and 110 (blind since the sixteenth) and the fresh heldout114, 115,
    # 117 (ADDRESS cut to the street part before anyone measured them); first measured: 109 0.967 / 0.961, 110 0.972 /
    # 0.980 (3), 114 0.976 / 0.986, 115 0.970 / 0.990, 117 0.953 / 0.983; floors measured at 87e2e01, less a span a type
    "heldout109.jsonl": {"overall": (0.99, 0.98), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.88, 0.88), DATE_OF_BIRTH=(0.97, 0.97), PERSON=(0.97, 0.97), PHONE=(0.97, 0.97))},
    "heldout110.jsonl": {"overall": (0.99, 0.99), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.94, 0.94), DATE_OF_BIRTH=(0.97, 0.97), PERSON=(0.97, 0.97), PHONE=(0.97, 0.97))},
    "heldout114.jsonl": {"overall": (0.98, 0.99), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.91, 0.91), DATE_OF_BIRTH=(0.97, 0.97), PERSON=(0.97, 0.97), PHONE=(0.92, 0.92))},
    "heldout115.jsonl": {"overall": (0.99, 0.99), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.95, 0.95), DATE_OF_BIRTH=(0.97, 0.97), PERSON=(0.97, 0.97), PHONE=(0.96, 0.96))},
    "heldout117.jsonl": {"overall": (0.99, 0.99), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.95, 0.95), CREDIT_CARD=(0.86, 1.0), DATE_OF_BIRTH=(0.97, 0.97), PERSON=(0.97, 0.97), PHONE=(0.96, 0.96))},
    # round 53 read heldout94 (blind since the fourteenth session) and the fresh heldout113, 116, 118; first measured: 94
    # 0.974 / 0.980 (1), 113 0.982 / 0.988, 116 0.966 / 0.988, 118 0.953 / 0.981; floors measured at 53a9be4
    "heldout94.jsonl": {"overall": (0.98, 0.98), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.88, 0.88), DATE_OF_BIRTH=(0.97, 0.97), PERSON=(0.97, 0.97), PHONE=(0.96, 0.96))},
    "heldout113.jsonl": {"overall": (0.99, 0.99), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.96, 0.96), DATE_OF_BIRTH=(0.97, 0.97), PERSON=(0.98, 0.98), PHONE=(0.96, 0.96))},
    "heldout116.jsonl": {"overall": (0.99, 0.99), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.90, 0.90), DATE_OF_BIRTH=(0.97, 0.97), PERSON=(0.98, 0.98), PHONE=(0.96, 0.96))},
    "heldout118.jsonl": {"overall": (0.99, 0.99), "min_rows": 220, "near_misses_altered": 0, "types": floors(
        ADDRESS=(0.95, 0.95), DATE_OF_BIRTH=(0.97, 0.97), PERSON=(0.98, 0.98), PHONE=(0.93, 0.93))},
}
CONTAINED = {"heldout2.jsonl": 1.0, "heldout3.jsonl": 0.96}  # share of values inside a mask


def rows(name: str) -> list[dict]:
    return load(HERE / name)


@pytest.mark.parametrize("name", SETS)
def test_set_is_sound(name: str) -> None:
    data, spec = rows(name), SETS[name]
    assert len(data) >= spec["min_rows"]
    assert sum(1 for row in data if not row["spans"]) >= 60
    for row in data:
        assert row["lang"] in ("en", "fr")
        for span in row["spans"]:
            assert not spec["types"] or span["type"] in spec["types"], span
            assert span["value"] in row["text"], (span, row["text"])


@pytest.mark.parametrize("name", SETS)
def test_recall_and_precision(name: str) -> None:
    result, spec = evaluate(rows(name)), SETS[name]
    recall, precision = spec["overall"]
    assert result["recall"] >= recall and result["precision"] >= precision, result
    for kind, (want_recall, want_precision) in spec["types"].items():
        got = result["types"][kind]
        assert got["recall"] >= want_recall and got["precision"] >= want_precision, (kind, got)


@pytest.mark.parametrize("name", SETS)
def test_near_misses_stay_unmasked(name: str) -> None:
    from quaid_patterns import PatternRedactor

    redactor = PatternRedactor()
    masked = [(row["text"], redactor.find(row["text"])) for row in rows(name) if not row["spans"]]
    altered = [(text, spans) for text, spans in masked if spans]
    assert len(altered) <= SETS[name].get("near_misses_altered", 0), altered


@pytest.mark.parametrize("name", CONTAINED)
def test_expected_values_lie_inside_masks(name: str) -> None:
    """Whatever the convention on units and extensions, personal data is covered by a mask."""
    from quaid_patterns import PatternRedactor

    redactor = PatternRedactor()
    missed, total = [], 0
    for row in rows(name):
        text, spans = row["text"], redactor.find(row["text"])
        for want in row["spans"]:
            total += 1
            start = text.find(want["value"])
            end = start + len(want["value"])
            if not any(s.type == want["type"] and s.start <= start and end <= s.end for s in spans):
                missed.append((want, text))
    assert 1 - len(missed) / total >= CONTAINED[name], missed
