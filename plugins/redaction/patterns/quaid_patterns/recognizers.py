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

import re
from collections.abc import Iterator

from .apart import passports_apart
from .base import CARD_P, IGNORE_CASE, Recognizer
from .checksums import digits_of, luhn_valid
from .contact import emails, phone_pieces, phones, spelled_phones
from .dates import births, spelled_births
from .identifiers import (
    _DOCUMENT_WORDS,
    _EXPIRY_WORDS,
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
from .scan import Candidate, Scan
from .worldphones import world_phones

# Round 50 part B: a card's expiry date after an expiry word anywhere later in the message that gave the card's number,
# whatever recognizer found the card and however far it is ("my card 5500-... was declined 3 times on your portal, and
# charged once. expiry 11/26", a card typed digit by digit then ", date d'exp. : 07-27", "Mastercard 5412 ... échéance
# 12/2025"). The month and the year a slash, a dash or a dot apart, or the year first ("exp. 2027-09"). Never when a
# document that expires too is named between the card and the date ("... my passport expires 03/28").
_CARD_DIGITS = re.compile(r"(?<![0-9])[3-6](?:[ \t.-]{0,3}[0-9]){12,18}(?![0-9])")
_LATER_EXPIRY = re.compile(
    rf"(?<![\w'’])(?:{_EXPIRY_WORDS}|(?:date[ \t]+d['’][ \t]?)?[ée]ch[ée]ance|valid[ \t]+to|valide[ \t]+jusqu['’][ \t]?(?:au|à|a|en)?)"
    # (or the year first, as a form's date field writes it: "exp. 2027-09")
    r"[ \t.,;:()=-]{0,4}(?P<date>(?:0?[1-9]|1[0-2])[ ]?[/.-][ ]?(?:[0-9]{2}|20[0-9]{2})|20[2-4][0-9][/.-](?:0[1-9]|1[0-2]))"
    r"(?![\w/]|[.,/-][0-9])",
    IGNORE_CASE,
)
_IDENTIFIERS_EXPIRY = re.compile(rf"(?:{_EXPIRY_WORDS})[ \t.,;:()=-]{{0,4}}[0-9]", IGNORE_CASE)
_SENTENCE_BREAK = re.compile(r"[!?\n]|\.(?:\s|$)")
_BARE_EXP = re.compile(r"exp[.:]?[ \t.,;:()=-]*[0-9]", IGNORE_CASE)
_LATER_EXPIRY_KEYS = frozenset(
    ("exp", "expiry", "expiration", "expires", "expire", "expiring", "expired", "expiré", "expirée", "valid", "valide",
     "thru", "échéance", "echeance", "vence", "vencimiento", "caducidad", "caduca", "validade", "scadenza", "valable",
     "gültig", "ablaufdatum", "vervaldatum", "dexp", "dexpiration", "mm", "good")
)
_CARD_KEYS = frozenset(
    ("card", "carte", "visa", "mastercard", "master", "amex", "tarjeta", "cartão", "cartao", "crédit", "credit", "debit",
     "débit", "cvv", "cvc")
)


def later_expiries(scan: Scan) -> Iterator[Candidate]:
    """Expiry dates after an expiry word later in a message that gave a card's number (see :data:`_LATER_EXPIRY`)."""
    if scan.digits < 15 or _LATER_EXPIRY_KEYS.isdisjoint(scan.words):
        return
    text = scan.text
    carded = not _CARD_KEYS.isdisjoint(scan.words)
    cards = [
        m.end()
        for m in _CARD_DIGITS.finditer(text)
        if 15 <= len(digits := digits_of(m.group())) <= 16 and (carded or luhn_valid(digits))
    ]
    if not cards:
        return
    for m in _LATER_EXPIRY.finditer(text, cards[0]):
        last = max(end for end in cards if end <= m.start()) if any(end <= m.start() for end in cards) else None
        if last is None or _DOCUMENT_WORDS.search(text, last, m.start()) is not None:
            continue
        if (
            "/" in m.group("date")
            and _IDENTIFIERS_EXPIRY.match(m.group())
            and (
                (m.start() - last < 30 and _SENTENCE_BREAK.search(text, last, m.start()) is None)
                or _BARE_EXP.match(m.group())
            )
        ):
            continue  # "... 4410 cvv 123 exp 09/27", "... 4410 expires 09/27": identifiers' own words and shape, theirs to judge
        yield m.start("date"), m.end("date"), "CREDIT_CARD", CARD_P

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
    Recognizer("later_expiry", frozenset({"CREDIT_CARD"}), later_expiries),
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
