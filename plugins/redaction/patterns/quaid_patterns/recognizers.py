"""The table of recognizers, in the manner of Presidio's pattern recognizers: regular
expressions, checksums and English/French context words, one per kind of personal
information.

Each recognizer yields *candidates* ``(start, end, type, priority)``; the redactor resolves
overlaps (the union of overlapping candidates is masked, typed by the highest priority). A
shape that is personal information on its own (an e-mail, a formatted phone number, a
Luhn-valid card) is found without context; a bare number is masked only when a context word
says what it is ("UCI 12345678", "mon NAS : 046454286"), or when its checksum or number plan
leaves little doubt (a Luhn-valid nine-digit number, a ten-digit North American number).
"""

from __future__ import annotations

from .apart import passports_apart
from .base import Recognizer
from .contact import emails, phone_pieces, phones, spelled_phones
from .dates import births, spelled_births
from .identifiers import (
    LABELLED_TYPES,
    LABELS,
    applications,
    bare_passports,
    cards,
    client_ids,
    glued,
    labelled_numbers,
    mrz_passports,
    passports,
    sins,
)
from .keyboards import script_glued
from .people import people
from .pieces import dictated_numbers, pieces, spelled_ids, split_ids
from .places import addresses, postal_codes, said_addresses
from .worldphones import world_phones

__all__ = ["LABELS", "RECOGNIZERS", "Recognizer"]

RECOGNIZERS: tuple[Recognizer, ...] = (
    Recognizer("email", frozenset({"EMAIL"}), emails, needs_digit=False),
    Recognizer("phone", frozenset({"PHONE"}), phones),
    Recognizer("world_phone", frozenset({"PHONE"}), world_phones),
    Recognizer("spelled_phone", frozenset({"PHONE"}), spelled_phones, needs_digit=False),
    # round 47 part B: a phone sent in pieces that words join ("06 puis 71 puis 34 puis 56 puis 89", "+91 then 98140 ...")
    Recognizer("phone_pieces", frozenset({"PHONE"}), phone_pieces),
    Recognizer("application", frozenset({"APPLICATION_NUMBER"}), applications),
    Recognizer("client_id", frozenset({"CLIENT_ID"}), client_ids),
    Recognizer("passport", frozenset({"PASSPORT", "APPLICATION_NUMBER"}), passports),
    Recognizer("bare_passport", frozenset({"PASSPORT"}), bare_passports),
    Recognizer("mrz_passport", frozenset({"PASSPORT"}), mrz_passports),
    # round 48 part B: a passport's code typed apart after a passport word ("A02 7731 45", "G2 3 4 5 6 7 8 9", "P438\n2196A")
    Recognizer("passport_apart", frozenset({"PASSPORT"}), passports_apart),
    # round 48 part B: a phone or a passport glued to the words of a script without spaces ("电话13912345678")
    Recognizer("script_glued", frozenset({"PHONE", "PASSPORT"}), script_glued),
    Recognizer("sin", frozenset({"SIN"}), sins),
    Recognizer("spelled_id", frozenset({"SIN", "CLIENT_ID", "APPLICATION_NUMBER", "PHONE"}), spelled_ids, needs_digit=False),
    Recognizer("dictated_number", frozenset({"PASSPORT", "CREDIT_CARD", "SIN", "POSTAL_CODE"}), dictated_numbers, needs_digit=False),
    Recognizer("split_id", frozenset({"SIN", "CLIENT_ID"}), split_ids),
    # round 42 part B: a value sent in pieces after its cue ("my cell is 438\n291\n7736", "uci 1187 then 6620")
    Recognizer("pieces", frozenset({"PHONE", "SIN", "CLIENT_ID", "APPLICATION_NUMBER", "PASSPORT", "CREDIT_CARD"}), pieces),
    Recognizer("credit_card", frozenset({"CREDIT_CARD"}), cards),
    Recognizer("labelled_number", LABELLED_TYPES | {"SIN"}, labelled_numbers),
    Recognizer("glued_label", frozenset({"SIN", "CLIENT_ID", "PHONE"}), glued),
    # the addresses before the postal codes: a code after an address left as a public place's stays (round 33 part B)
    Recognizer("address", frozenset({"ADDRESS"}), addresses),
    Recognizer("postal_code", frozenset({"POSTAL_CODE"}), postal_codes),
    Recognizer("said_address", frozenset({"ADDRESS"}), said_addresses, needs_digit=False),
    Recognizer("date_of_birth", frozenset({"DATE_OF_BIRTH"}), births),
    Recognizer("spelled_birth", frozenset({"DATE_OF_BIRTH"}), spelled_births, needs_digit=False),
    Recognizer("person", frozenset({"PERSON"}), people, needs_digit=False),
)
