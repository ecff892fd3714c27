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
from bisect import bisect_left
from collections.abc import Iterator

from .apart import passports_apart
from .base import CARD_P, ID_SHAPE_P, IGNORE_CASE, LABELLED_P, PHONE_P, Recognizer
from .checksums import digits_of, luhn_valid, nanp_valid
from .contact import MINE_KEYS, client_mine, emails, phone_pieces, phones, spelled_phones
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
from .vocabulary import wordset
from .worldphones import world_phones

# Round 50 part B: a card's expiry date after an expiry word anywhere later in the message that gave the card's number,
# whatever recognizer found the card and however far it is ("my card 5500-... was declined 3 times on your portal, and
# charged once. expiry 11/26", a card typed digit by digit then ", date d'exp. : 07-27", "Mastercard 5412 ... échéance
# 12/2025"). The month and the year a slash, a dash or a dot apart, or the year first ("exp. 2027-09"). Never when a
# document that expires too is named between the card and the date ("... my passport expires 03/28").
_NUMBER_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
)
_MONTH_WORDS = "|".join(sorted(set(_NUMBER_WORDS), key=len, reverse=True))
_WORD_VALUE = {w: i % 12 + 1 for i, w in enumerate(_NUMBER_WORDS)}


def _expiry_month_year(date: str) -> bool:
    """Whether an expiry date read with letters for digits or in words has a month 1 to 12 and a year of two digits or
    20xx (see :data:`_LATER_EXPIRY`)."""
    words = re.findall(r"[^\W\d_]{3,}|un", date.lower())
    if words and words[0] in _WORD_VALUE:
        return True  # "twelve/twenty-six": the pattern took a month's number and a year's words
    if sum(c.isdigit() for c in date) < 2:
        return False  # "exp lo/lo": letters more than digits
    month, _, year = date.replace(" ", "").translate(_DIGIT_LETTERS).partition("/")
    if not (month.isdigit() and year.isdigit()):
        return True  # the digits' own shapes, "2027-09", "09-27", checked by the pattern
    if len(month) == 4:
        month, year = year, month
    return 1 <= int(month) <= 12 and (len(year) == 2 or year.startswith("20"))


_CARD_DIGITS = re.compile(r"(?<![0-9])[3-6](?:[ \t.-]{0,3}[0-9]){12,18}(?![0-9])")
_LATER_EXPIRY = re.compile(
    rf"(?<![\w'’])(?:{_EXPIRY_WORDS}|(?:date[ \t]+d['’][ \t]?)?[ée]ch[ée]ance|valid[ \t]+to|valide[ \t]+jusqu['’][ \t]?(?:au|à|a|en)?)"
    # (round 52 part B: a word for the month's end or the date's own between, "expire fin 10/27", "expires end of 11/27",
    # "exp date is 04/29", "validade até 07/28", "vence a fines de 05/27")
    r"[ \t.,;:()=-]{0,4}(?:(?:(?:[àa][ \t]+la[ \t]+)?fin(?:[ \t]+(?:de|du))?|(?:at[ \t]+)?(?:the[ \t]+)?end(?:[ \t]+of)?|date|is|est"
    r"|c['’][ \t]?est|at[ée]|hasta|a[ \t]+fin(?:al)?es[ \t]+de|until|till|jusqu['’][ \t]?(?:à|a|au|en))[ \t.,;:=-]{1,3}){0,2}"
    # (or the year first, as a form's date field writes it: "exp. 2027-09")
    r"(?P<date>(?:0?[1-9]|1[0-2])[ ]?[/.-][ ]?(?:[0-9]{2}|20[0-9]{2})|20[2-4][0-9][/.-](?:0[1-9]|1[0-2])"
    # (round 52 part B: the month and the year as four digits, no separator, "exp 0929", after a card's word or an
    # expiry word: "(amex) exp 0929")
    r"|(?:0[1-9]|1[0-2])(?:2[3-9]|3[0-9])"
    # (round 51 part B: a letter o for a zero, an l or an I for a one, as a phone's keyboard or autocorrect types them,
    # "exp 1o/29", "exp o2/27", "1l/26"; every digit a blank apart, "exp 0 4 / 2 8"; the month and the year in words,
    # "exp twelve/twenty-six": read back by _expiry_month_year, a month 1 to 12)
    r"|[0-9oOlI]{1,2}[ ]?/[ ]?[0-9oOlI]{2}(?:[0-9oOlI]{2})?|[0-9oOlI][ ][0-9oOlI][ ]?/[ ]?[0-9oOlI][ ][0-9oOlI]"
    rf"|(?:{_MONTH_WORDS})[ ]?/[ ]?(?:twenty|vingt)(?:[ -]?(?:twenty|vingt))?[ -]?(?:et[ -]un|{_MONTH_WORDS}))"
    r"(?![\w/]|[.,/-][0-9])",
    IGNORE_CASE,
)
_PLAIN_EXPIRY = re.compile(r"(?:0?[1-9]|1[0-2])[ ]?/[ ]?(?:[0-9]{2}|20[0-9]{2})")
_DIGIT_LETTERS = str.maketrans("oOlI", "0011")
_IDENTIFIERS_EXPIRY = re.compile(rf"(?:{_EXPIRY_WORDS})[ \t.,;:()=-]{{0,4}}[0-9]", IGNORE_CASE)
_SENTENCE_BREAK = re.compile(r"[!?\n]|\.(?:\s|$)")
_ASIDE = re.compile(r"[ \t]*,?[ \t]*[^\W\d_]+(?:[ \t]+[^\W\d_]+)?[ \t]*[,;:]?[ \t]*")
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
    # (round 52 part B: the documents' words found once, not searched again between the card and each date: "exp 09/27 "
    # repeated to 5,000 characters took 0.09-0.2 s)
    documents = [(d.start(), d.end()) for d in _DOCUMENT_WORDS.finditer(text, cards[0])]
    starts = [start for start, _ in documents]
    for m in _LATER_EXPIRY.finditer(text, cards[0]):
        last = max(end for end in cards if end <= m.start()) if any(end <= m.start() for end in cards) else None
        if last is None:
            continue
        k = bisect_left(starts, last)
        if k < len(documents) and documents[k][1] <= m.start():
            continue  # a document named between the card and the date ("... my passport expires 03/28")
        if not _expiry_month_year(m.group("date")):
            continue
        if (
            _PLAIN_EXPIRY.fullmatch(m.group("date"))
            and _IDENTIFIERS_EXPIRY.match(m.group())
            and (
                (m.start() - last < 30 and _SENTENCE_BREAK.search(text, last, m.start()) is None)
                or _BARE_EXP.match(m.group())
            )
            # (round 52 part B: unless a word or two alone stand between, an aside, "5500 ... 5559 instead, exp 7/27",
            # "... svp, exp 4/28": the card's date, which identifiers' shapes leave; the older sets that label no expiry
            # leave a longer clause there, "declined at payment step, expiry ...")
            and _ASIDE.fullmatch(text, last, m.start()) is None
        ):
            continue  # "... 4410 cvv 123 exp 09/27", "... 4410 expires 09/27": identifiers' own words and shape, theirs to judge
        yield m.start("date"), m.end("date"), "CREDIT_CARD", CARD_P

# Round 53 part B: a card's expiry with no card number in the message, the month and a year to come after an expiry
# noun: the bot's question answered alone ("exp 11/26", "expiration 05/29", "date d'expiration : 03/29"), or a card named
# anywhere in the message ("cc exp is 03/28 btw, for the number i sent yesterday", "expiry 11/26. its my dads card"). The
# sets that label a card's expiry label these; never when a document that expires is named (a passport, a permit, a PR
# card, a visa alone: "passport exp 03/28"), nor after a verb ("my 90 days expire on 04/10").
_LONE_EXPIRY = re.compile(
    r"(?<![\w'’])(?:exp(?:iry|iration)?(?:[ \t]+date)?|exp\.(?:[ \t]*date)?|date[ \t]+(?:d['’][ \t]?|de[ \t]+|of[ \t]+)?exp(?:iry|iration)?)"
    r"[ \t]*+(?:(?:is|est|c['’]?[ \t]?est|c)(?![\w'’])[ \t]*+)?[:=-]?[ \t]*+"
    r"(?P<date>(?:0?[1-9]|1[0-2])[ ]?/[ ]?(?:2[3-9]|3[0-9]|20[23][0-9]))(?![\w/]|[.,][0-9])",
    IGNORE_CASE,
)
_LONE_EXPIRY_KEYS = frozenset(("exp", "expiry", "expiration", "dexp", "dexpiration"))
_LONE_CARD = re.compile(
    r"(?<![\w'’-])(?:cc|cards?|cartes?|tarjeta|cart[ãa]o|credit|cr[ée]dit|debit|d[ée]bit|master[ \t]?card|amex|cvv|cvc)(?![\w'’-])",
    IGNORE_CASE,
)
_LONE_OPENING = re.compile(r"[ \t]*(?:(?:and|et|ok|oh|oops|also|aussi|the|la|sorry|dsl|\+|&)[ \t,]*)*", IGNORE_CASE)


def lone_expiries(scan: Scan) -> Iterator[Candidate]:
    """A card's expiry with no card number in the message (see :data:`_LONE_EXPIRY`)."""
    if _LONE_EXPIRY_KEYS.isdisjoint(scan.words) or not 3 <= scan.digits < 12:
        return  # a card's number, typed in any way: the other rules' (identifiers, later_expiries)
    text = scan.text
    if "[CREDIT_CARD]" in text or _DOCUMENT_WORDS.search(text):
        return  # a card's number masked already (the redactor reads its masked text again); a document that expires
    carded = _LONE_CARD.search(text) is not None
    for m in _LONE_EXPIRY.finditer(text):
        if carded or (len(text.strip()) <= 40 and _LONE_OPENING.fullmatch(text, 0, m.start())):
            yield m.start("date"), m.end("date"), "CREDIT_CARD", CARD_P


# Round 51 part B: a SIN or a phone typed with a letter o / O for a zero and an l / I for a one in its groups, as a
# phone's keyboard or autocorrect leaves them ("sin 4o1 9o2 8o3", "SIN 4O2 77I 88O", "cell: (514) 555-O199"), where the
# redactor's own reading of an "o" (redactor.zeros_for_oh) wants seven real digits and no "I": three groups of three
# after a SIN's word, ten digits of a North American number after a phone's word or with its area code in brackets.
_LETTERED_HINT = re.compile(r"[0-9][oOlI]|[oOlI][0-9]")
_LETTERED = re.compile(
    r"(?<![\w@.+-])(?P<open>\()?(?P<a>[0-9oOlI]{3})(?(open)\)[ ]?|[ .-]?)(?P<b>[0-9oOlI]{3})[ .-]?(?P<c>[0-9oOlI]{3,4})"
    r"(?![\w@]|[.-][0-9oOlI])"
)
_SIN_CUE_BEFORE = re.compile(
    r"(?<![\w'’])(?i:sins?|nas|s\.i\.n\.?|social[ \t]+insurance(?:[ \t]+(?:number|no\.?|#))?|assurance[ \t]+sociale)"
    r"(?![\w'’])[^\n.!?0-9]{0,16}$"
)
_PHONE_CUE_BEFORE = re.compile(
    r"(?<![\w'’])(?i:phone|cell|cellulaire|mobile|tel|t[ée]l|t[ée]l[ée]phone|num[ée]ro|number|call|text|whatsapp|portable|cel)"
    r"(?![\w'’])[^\n.!?0-9]{0,16}$"
)


def lettered_numbers(scan: Scan) -> Iterator[Candidate]:
    """SINs and phones with letters for digits in their groups (see :data:`_LETTERED`)."""
    text = scan.text
    if scan.digits < 5 or _LETTERED_HINT.search(text) is None:
        return
    for m in _LETTERED.finditer(text):
        groups = (m.group("a"), m.group("b"), m.group("c"))
        letters = sum(not ch.isdigit() for g in groups for ch in g)
        if not 1 <= letters <= 3 or any(not any(ch.isdigit() for ch in g) for g in groups):
            continue  # no letter at all (the digits' own recognizers), or a group of letters alone ("lol")
        digits = "".join(groups).translate(_DIGIT_LETTERS)
        before = text[max(0, m.start() - 40) : m.start()]
        if len(digits) == 9 and not m.group("open") and _SIN_CUE_BEFORE.search(before):
            yield m.start(), m.end(), "SIN", LABELLED_P
        elif len(digits) == 10 and nanp_valid(digits) and (m.group("open") or _PHONE_CUE_BEFORE.search(before)):
            yield m.start(), m.end(), "PHONE", PHONE_P


# Round 51 part B: a family's SINs in one list after the plural word ("my kids SINs are 612 884 203 and 612-884-229",
# "SINs: ..., ..."), that the singular's cue ("my SIN is ...") does not take: each number of nine digits, three groups
# of three or in one piece, the list's own words between (and, et, &, a comma, a slash), from the word's sentence.
_SINS_WORD = re.compile(r"(?<![\w'’-])(?i:sins|s\.i\.n\.s|sin[ \t]+(?:numbers|nos\.?|#s))(?![\w'’])")
_SINS_LIST = re.compile(
    r"[^\n.!?0-9]{0,30}?(?P<first>(?<![\w-])[0-9]{3}([ .-]?)[0-9]{3}\2[0-9]{3}(?![\w-]|[.,][0-9]))"
)
_SINS_NEXT = re.compile(
    r"[ \t]*(?:,|/|&|;|\b(?:and|et|y|e)\b)[ \t]*(?:(?:and|et)[ \t]+)?(?:[^\W\d_]+['’]?s?[ \t]*:?[ \t]*)?"
    r"(?P<next>(?<![\w-])[0-9]{3}([ .-]?)[0-9]{3}\2[0-9]{3}(?![\w-]|[.,][0-9]))"
)


def listed_sins(scan: Scan) -> Iterator[Candidate]:
    """SINs listed after the plural word (see :data:`_SINS_WORD`)."""
    if scan.digits < 18 or ("sins" not in scan.words and "sin" not in scan.words):
        return
    text = scan.text
    end = 0
    for w in _SINS_WORD.finditer(text):
        if w.start() < end:
            continue  # inside the list that an earlier word opened
        m = _SINS_LIST.match(text, w.end())
        if m is None:
            continue
        yield m.start("first"), m.end("first"), "SIN", LABELLED_P
        end = m.end()
        while (n := _SINS_NEXT.match(text, end)) is not None:
            yield n.start("next"), n.end("next"), "SIN", LABELLED_P
            end = n.end()


# Round 51 part B: a Canadian passport's two letters in either case, then its six digits in pairs or triples apart
# (blanks, dashes, dots), after a passport's word a few words before ("my passport is hk 98 76 54", "passeport:
# xy-12-34-56"): the letters with the digits, where the codes' shapes take upper-case letters or the digits alone.
_PASSPORT_WORD = re.compile(r"(?<![\w'’])(?i:passports?|passeports?|pasaportes?|passaportes?)(?![\w'’])")
_PASSPORT_PAIRS = re.compile(
    r"[^\n.!?0-9]{0,24}?(?<![\w'’-])(?P<code>[A-Za-z]{2}([ .-]?)[0-9]{2}([ .-])[0-9]{2}\3[0-9]{2}"
    # (not a parcel's tracking code, its digits going on, "RN 482 719 335 CA")
    r"|[A-Za-z]{2}([ .-]?)[0-9]{3}([ .-])[0-9]{3})(?![\w-]|[ \t]*[.,-]?[ \t]*[0-9])"
)
_PASSPORT_KEYS = frozenset(("passport", "passports", "passeport", "passeports", "pasaporte", "passaporte"))
# ... not a two-letter word of the sentence before the digits ("fee is 12 34 56", "got to me on 12 03 24")
_TWO_LETTER_WORDS = frozenset(
    ["is", "on", "at", "in", "of", "to", "ok", "my", "me", "it", "no", "so", "an", "as", "by", "or", "be", "do", "go", "he", "we", "us", "up", "if", "am", "ca", "ce", "il", "le", "la", "de", "du", "au", "en", "et", "ou", "un", "sa", "se", "ma", "mi", "mo", "ta", "te", "tu", "va", "vu", "ni", "ne", "oh", "eh", "ya", "yo", "es", "el", "lo", "su", "al", "y"]
)


def passport_pairs(scan: Scan) -> Iterator[Candidate]:
    """Canadian passports' letters and digits in pairs or triples after a passport word (see :data:`_PASSPORT_PAIRS`)."""
    if scan.digits < 6 or _PASSPORT_KEYS.isdisjoint(scan.words):
        return
    text = scan.text
    for w in _PASSPORT_WORD.finditer(text):
        if (m := _PASSPORT_PAIRS.match(text, w.end())) is not None and m.group("code")[:2].lower() not in _TWO_LETTER_WORDS:
            yield m.start("code"), m.end("code"), "PASSPORT", ID_SHAPE_P


# Round 51 part B: France's "CB" (carte bancaire) as a card's label right before its number, Luhn or not ("CB : 5412 ...",
# "CB n° 4970-..."): sixteen digits in four groups of four or in one piece from a card network's first digit.
_CB_CARD = re.compile(
    r"(?<![\w'’-])(?:CB|C\.B\.|[cC][bB](?=[ \t]*[:#]))[ \t]*(?:[:#=]|n[°º]|no\.?)?[ \t]*"
    r"(?P<card>[3-6][0-9]{3}([ .-]?)[0-9]{4}\2[0-9]{4}\2[0-9]{4})(?![\w-]|[.,][0-9])"
)


def cb_cards(scan: Scan) -> Iterator[Candidate]:
    """Cards labelled "CB" (see :data:`_CB_CARD`)."""
    if scan.digits < 16 or ("cb" not in scan.words and "C.B." not in scan.text):
        return
    for m in _CB_CARD.finditer(scan.text):
        yield m.start("card"), m.end("card"), "CREDIT_CARD", CARD_P


# Round 51 part B: a value's groups joined by an underscore, an asterisk or a comma, as a message typed on a phone's
# symbols' keyboard leaves them ("cell 514_555_0199", "sin 046*454*286", "card 4532_0151_1283_0366"), the separators
# the shapes of every other recognizer leave out: after the value's word (a card Luhn-valid without one).
_ODD_HINT = re.compile(r"[0-9][_*,][0-9]")
_ODD_SEPARATED = re.compile(
    r"(?<![\w*,.])(?:(?P<card>[3-6][0-9]{3}([_*,])[0-9]{4}\2[0-9]{4}\2[0-9]{4})"
    r"|(?P<phone>[0-9]{3}([_*,])[0-9]{3}\4[0-9]{4})|(?P<sin>[0-9]{3}([_*,])[0-9]{3}\6[0-9]{3}))(?![\w*]|[,.][0-9])"
)
_CARD_CUE_BEFORE = re.compile(
    r"(?<![\w'’])(?i:card|carte|visa|master[ \t]?card|amex|cb|cr[ée]dit|d[ée]bit|tarjeta)(?![\w'’])[^\n.!?0-9]{0,16}$"
)


def odd_separated(scan: Scan) -> Iterator[Candidate]:
    """Phones, SINs and cards whose groups an underscore, an asterisk or a comma joins (see :data:`_ODD_SEPARATED`)."""
    text = scan.text
    if scan.digits < 9 or _ODD_HINT.search(text) is None:
        return
    for m in _ODD_SEPARATED.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()]
        digits = digits_of(m.group())
        if m.group("card"):
            if luhn_valid(digits) or _CARD_CUE_BEFORE.search(before):
                yield m.start(), m.end(), "CREDIT_CARD", CARD_P
        elif m.group("phone"):
            if nanp_valid(digits) and _PHONE_CUE_BEFORE.search(before):
                yield m.start(), m.end(), "PHONE", PHONE_P
        elif _SIN_CUE_BEFORE.search(before):
            yield m.start(), m.end(), "SIN", LABELLED_P


# Round 52 part B: a card's sixteen digits in one piece (fifteen for American Express) after the card's word, a copula and
# an article or a word for which one ("Ma carte c'est la 5312...", "my card is the 4929...", "mi tarjeta es la ...", "la
# carte c la nouvelle ..."), Luhn or not: identifiers' cue wants the copula right before the digits (and its four groups
# of four need no cue). Not a card of another kind ("sim card is the 8901...", "gift card", "carte santé").
_ARTICLE_CARD = re.compile(
    r"(?<![\w'’-])(?i:card|carte|tarjeta|cart[ãa]o|visa|master[ \t]?card|amex)"
    r"(?P<between>(?:[ \t]+[^\W\d_]+){0,2}?)[ \t]*,?[ \t]*(?i:is|was|est|c['’]?[ \t]?est|c|es|era|é|[ée]tait)[ \t]+"
    r"(?i:the|la|le|a|une|my|ma|mi|mon|o|this|that|cette|celle|esta|new|nouvelle|nueva|nova)"
    r"(?:[ \t]+(?i:one|number|num[ée]ro|n[úu]mero|nouvelle|new|nueva|nova|card|carte))?[ \t]*[:#]?[ \t]*"
    r"(?P<card>[3-6][0-9]{15}|3[47][0-9]{13})(?![\w-]|[.,][0-9])"
)
_OTHER_CARD_WORDS = wordset(
    """sim gift cadeau health santé sante ohip ramq rp pr id identité identite library bibliothèque presto opus compass
    membership loyalty fidélité fidelite boarding embarquement tracking suivi student étudiant etudiant insurance
    assurance residence résident resident green verte bus metro métro transit sin nas maple leaf"""
)


def article_cards(scan: Scan) -> Iterator[Candidate]:
    """Cards in one piece after the card's word, a copula and an article (see :data:`_ARTICLE_CARD`)."""
    if scan.digits < 15 or _CARD_KEYS.isdisjoint(scan.words):
        return
    text = scan.text
    for m in _ARTICLE_CARD.finditer(text):
        before = text[max(0, m.start() - 12) : m.start()].lower().split()
        if not _OTHER_CARD_WORDS.isdisjoint(m.group("between").lower().split()) or (
            before and before[-1] in _OTHER_CARD_WORDS
        ):
            continue
        yield m.start("card"), m.end("card"), "CREDIT_CARD", CARD_P


__all__ = ["LABELS", "RECOGNIZERS", "Recognizer"]

# Round 53 part B: the writer's own client ID after another's, "UCI 0034829157 that's my husband's. mine is 0034829165",
# "IUC 0098112345 (celui de ma femme), le mien c'est 0098112399" (contact.CLIENT_MINE_BEFORE): eight to ten digits in
# one piece or in groups, as many as the first (one more or fewer); a North American phone's ten digits stay a phone.
_MINE_VALUE = re.compile(r"(?<![\w+.-])[0-9]{2,4}(?:[ -]?[0-9]{2,4}){0,3}(?![\w-]|[.,][0-9])")


def mine_after_client(scan: Scan) -> Iterator[Candidate]:
    """The writer's own client ID after another's (see :data:`_MINE_VALUE`)."""
    if scan.digits < 16 or MINE_KEYS.isdisjoint(scan.words):
        return
    text = scan.text
    for m in _MINE_VALUE.finditer(text):
        digits = digits_of(m.group())
        if 8 <= len(digits) <= 10 and not (len(digits) == 10 and nanp_valid(digits)) and client_mine(
            text, m.start(), m.end()
        ):
            yield m.start(), m.end(), "CLIENT_ID", PHONE_P + 1


RECOGNIZERS: tuple[Recognizer, ...] = (
    Recognizer("email", frozenset({"EMAIL"}), emails, needs_digit=False),
    Recognizer("phone", frozenset({"PHONE"}), phones),
    Recognizer("world_phone", frozenset({"PHONE"}), world_phones),
    Recognizer("spelled_phone", frozenset({"PHONE"}), spelled_phones, needs_digit=False),
    # round 47 part B: a phone sent in pieces that words join ("06 puis 71 puis 34 puis 56 puis 89", "+91 then 98140 ...")
    Recognizer("phone_pieces", frozenset({"PHONE"}), phone_pieces),
    Recognizer("application", frozenset({"APPLICATION_NUMBER"}), applications),
    Recognizer("client_id", frozenset({"CLIENT_ID"}), client_ids),
    Recognizer("mine_after_client", frozenset({"CLIENT_ID"}), mine_after_client),
    Recognizer("passport", frozenset({"PASSPORT", "APPLICATION_NUMBER"}), passports),
    Recognizer("bare_passport", frozenset({"PASSPORT"}), bare_passports),
    Recognizer("mrz_passport", frozenset({"PASSPORT"}), mrz_passports),
    # round 48 part B: a passport's code typed apart after a passport word ("A02 7731 45", "G2 3 4 5 6 7 8 9", "P438\n2196A")
    Recognizer("passport_apart", frozenset({"PASSPORT"}), passports_apart),
    # round 48 part B: a phone or a passport glued to the words of a script without spaces ("电话13912345678")
    Recognizer("script_glued", frozenset({"PHONE", "PASSPORT"}), script_glued),
    Recognizer("sin", frozenset({"SIN"}), sins),
    Recognizer("lettered_number", frozenset({"SIN", "PHONE"}), lettered_numbers),
    Recognizer("listed_sins", frozenset({"SIN"}), listed_sins),
    Recognizer("passport_pairs", frozenset({"PASSPORT"}), passport_pairs),
    Recognizer("cb_card", frozenset({"CREDIT_CARD"}), cb_cards),
    Recognizer("article_card", frozenset({"CREDIT_CARD"}), article_cards),
    Recognizer("odd_separated", frozenset({"PHONE", "SIN", "CREDIT_CARD"}), odd_separated),
    Recognizer("spelled_id", frozenset({"SIN", "CLIENT_ID", "APPLICATION_NUMBER", "PHONE"}), spelled_ids, needs_digit=False),
    Recognizer("dictated_number", frozenset({"PASSPORT", "CREDIT_CARD", "SIN", "POSTAL_CODE"}), dictated_numbers, needs_digit=False),
    Recognizer("split_id", frozenset({"SIN", "CLIENT_ID"}), split_ids),
    # round 42 part B: a value sent in pieces after its cue ("my cell is 438\n291\n7736", "uci 1187 then 6620")
    Recognizer("pieces", frozenset({"PHONE", "SIN", "CLIENT_ID", "APPLICATION_NUMBER", "PASSPORT", "CREDIT_CARD"}), pieces),
    Recognizer("credit_card", frozenset({"CREDIT_CARD"}), cards),
    Recognizer("later_expiry", frozenset({"CREDIT_CARD"}), later_expiries),
    Recognizer("lone_expiry", frozenset({"CREDIT_CARD"}), lone_expiries),
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
