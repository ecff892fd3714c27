"""Phone numbers of every country, found with libphonenumber (the ``phonenumbers`` package).

North American numbers keep their own expressions (:mod:`quaid_patterns.contact`); this
module finds the others: "+63 (917) 123 4567", "0917 123 4567", "0532 123 45 67",
"(11) 98765-4321", "13912345678". A stretch of digits and separators is a candidate; the
regions whose numbering plan it could belong to are picked with cheap checks (length and
general pattern of each region's metadata), then ``PhoneNumberMatcher`` with
``Leniency.VALID`` decides, region by region, in the order of :data:`REGIONS`.

Whether a valid number is masked depends on how much it says about itself:

- written with its country code ("+63 ...", "0063 ..."): always (after "+" even when a
  context word names another kind of number);
- with the region's trunk prefix ("0917 ...", "0532 ..."): from ten digits, from nine
  after a phone word;
- with its country code but no "+": grouped after the code ("91 98765 43210") or after a
  phone word;
- without either ("5321234567", "55 8765 4321"): ten digits or more, grouped or after a
  phone word; bare, only a number that the plan of one of the main countries of origin
  calls mobile (not "fixed line or mobile", as Mexico's), and then as a fallback that any
  other context word outranks.

A context word that names another kind of number ("UCI", "order number", "case number")
keeps the number what that word says. Toll-free, premium and shared-cost numbers belong to
businesses, never to a client: they are left alone.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import phonenumbers
from phonenumbers import Leniency, PhoneMetadata, PhoneNumberMatcher, PhoneNumberType, number_type

from .base import FALLBACK_P, PHONE_P, POSTAL_AFTER_P, quantity
from .checksums import agency_line, card_valid, digits_of, nanp_valid
from .scan import Candidate, Scan

# The agency's default region, then its clients' main countries of origin, then others
# from which many write. The first region whose plan makes the number valid names it.
REGIONS: tuple[str, ...] = (
    "CA",
    "PH",
    "IN",
    "CN",
    "NG",
    "FR",
    "MA",
    "DZ",
    "TR",
    "MX",
    "BR",
    "PK",
    "IR",
    "VN",
    "GB",
    "KR",
    "CO",
    "BD",
    "EG",
    "UA",
    "CM",
    "SN",
    "CI",
    "HT",
    "TN",
    "LB",
    "SY",
    "IQ",
    "AF",
    "NP",
    "LK",
    "ER",
    "ET",
    "GH",
    "KE",
    "JM",
    "AE",
    "SA",
    "JO",
    "RU",
    "ES",
    "PT",
    "BE",
    "PE",
    "VE",
    "CU",
    "SV",
    "GT",
    "HN",
    "DO",
    "CD",
    "RW",
    "BI",
    "ML",
    "BF",
    "BJ",
    "TG",
    "GN",
    "MG",
    "MU",
    "TW",
    "HK",
    "MY",
    "TH",
    # round 47 part B: more of Africa and the Middle East, whose clients name their country or city beside a
    # relative's number ("mon frère au Tchad 66 12 34 56", "my dad in Yemen 77 123 4567")
    "TD",
    "NE",
    "MR",
    "GA",
    "CG",
    "CF",
    "DJ",
    "KM",
    "GQ",
    "AO",
    "MZ",
    "ZM",
    "ZW",
    "MW",
    "UG",
    "TZ",
    "SL",
    "LR",
    "GM",
    "GW",
    "CV",
    "SO",
    "SD",
    "SS",
    "LY",
    "YE",
    "PS",
)
# Germany, Italy, Indonesia, Japan, Australia... are left out: their plans accept most
# strings of digits, which would make any long number somebody's phone.
# Bare mobile numbers, without trunk prefix or grouping, only for the main countries.
BARE_REGIONS = frozenset(REGIONS[:14])

_SEP = "[ \u00a0\u202f.\\-–]"
# Digits with single separators, optional "+" or "00" in front, parentheses around a group:
# "+63 (917) 123 4567", "0 532 123 45 67", "(11) 98765-4321". The stretch must stand alone:
# not inside a word, a decimal, an amount, a date ("12/27"), a time or another number.
_CANDIDATE = re.compile(
    rf"(?<![\w\]@/$€£#%])(?<![0-9][.,:])(?<![^\W\d_]-)"
    rf"(?:\(\+[0-9]{{1,3}}\){_SEP}?|\+{_SEP}?|(?<![0-9])00{_SEP}?)?"
    # (round 49 part B: or a dash or a dot with a space each side, "06 - 12 - 34 - 56 - 78", "0803 . 123 . 4567")
    rf"(?:\([0-9]{{1,5}}\)|[0-9])(?:(?:{_SEP}{{0,2}}|[ \u00a0][.\-–][ \u00a0])(?:\([0-9]{{1,5}}\)|[0-9]))*"
)
_CODE_THEN_AREA = re.compile(r"\+[ \t]?[1-9][0-9]{0,2}[ \t]?\([0-9]{2,4}\)[ \t]?[0-9]")
# Round 40 part B: a country's code, then the area's with its trunk 0 in brackets, as Ukraine and others write it
# ("+38(067) 709-18-56", "+38 (044) 123 45 67"): a phone's own way of writing, with or without a phone word (not "+1
# (000) 000-0000", a placeholder: North America has no trunk 0).
_CODE_THEN_TRUNK_AREA = re.compile(
    r"\+[ \t]?[2-9][0-9]{0,2}[ \t]?\(0(?=[0-9]{0,3}[1-9])[0-9]{1,4}\)[ \t]?[0-9]"
)
_END = re.compile(r"[\w\[/%€$£]|[.,:][0-9]")
# A post-office box's number before the town's code: "P.O. Box 45210-00100, Nairobi", not a phone.
_BOX_BEFORE = re.compile(r"(?<![\w])(?i:box|bp|b\.p\.|c\.p\.|postale)[ \t]*[#:]?[ \t]*$")
_GROUP = re.compile(r"[0-9]+")
# Round 51 part B: a local number of eight digits, and a phone's word right before it (a few short words between, no
# digit, no sentence's end): see world_phones.
_LOCAL_EIGHT = re.compile(r"[2-9][0-9]{3}[ .\-][0-9]{4}|[2-9][0-9](?:[ .\-][0-9]{2}){3}")
_PHONE_WORD_RIGHT_BEFORE = re.compile(
    r"(?<![\w'’])(?i:phone|cell|cellphone|mobile|tel|t[ée]l|t[ée]l[ée]phone|num[ée]ro|numero|nouvo[ \t]+num[ée]ro|whatsapp"
    r"|portable|cellulaire|gsm|number)(?![\w'’])[ \t]*(?:(?:is|est|c|c['’]est|cé|:|#|=|au|at|n[°º]|no\.?|à|a)[ \t]*){0,2}$"
)
# Shapes that belong to other recognizers: a UCI ("1234-5678", "12-3456-7890"), a SIN
# ("046 454 286"), a date ("2024-02-17", "17.02.2024").
_OTHER_SHAPE = re.compile(
    r"[0-9]{4}-[0-9]{4}|[0-9]{2}-[0-9]{4}-[0-9]{4}"
    r"|[0-9]{3}([ .-])[0-9]{3}\1[0-9]{3}"
    r"|(?:19|20)[0-9]{2}([-.])[0-9]{1,2}\2[0-9]{1,2}|[0-9]{1,2}([-.])[0-9]{1,2}\3(?:19|20)?[0-9]{2}"
)
# Written as North Americans write their numbers: 3-3-4, an optional 1 in front.
_NANP_SHAPE = re.compile(r"(?:1[ .-]?)?(?:\([0-9]{3}\)|[0-9]{3})[ .-]?[0-9]{3}[ .-]?[0-9]{4}")
_BUSINESS = frozenset(
    (
        PhoneNumberType.TOLL_FREE,
        PhoneNumberType.PREMIUM_RATE,
        PhoneNumberType.SHARED_COST,
        PhoneNumberType.UAN,
        PhoneNumberType.VOICEMAIL,
    )
)
# Context words that say a number is something else. The generic "number"/"no." does not.
_CONTEXT_KINDS = frozenset(
    (
        "PHONE",
        "CLIENT_ID",
        "SIN",
        "PASSPORT",
        "APPLICATION_NUMBER",
        "CREDIT_CARD",
        "NOT_ID",
        "DOCUMENT",
    )
)
# libphonenumber's matcher costs about 0.1 ms a call: at most this many calls for one
# candidate (the first regions whose plan fits, in the order of REGIONS) and for one message
# (a pasted table of numbers must not take seconds; what is left goes to contact.py's rules).
CALLS_PER_NUMBER = 6
CALLS_PER_MESSAGE = 120
_PHONE_WORDS = frozenset(("PHONE",))
_NOT_PHONE_WORDS = frozenset(("CLIENT_ID", "SIN", "PASSPORT", "APPLICATION_NUMBER", "CREDIT_CARD", "NOT_ID"))


def _locale_data() -> dict[str, dict[str, str]]:
    """libphonenumber's country names by language (``phonenumbers/geodata/locale.py``), loaded
    from its file alone: importing ``phonenumbers.geodata.locale`` runs the geodata package,
    whose area-code tables add ~100 MB to every process (measured: quaid_patterns' import
    101.5 MB with it, 1.8 MB for this file alone)."""
    path = Path(phonenumbers.__file__).parent / "geodata" / "locale.py"
    spec = importlib.util.spec_from_file_location("phonenumbers.geodata.locale", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"phonenumbers ships no {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.LOCALE_DATA


def _country_names() -> dict[str, tuple[str, str]]:
    """The names of the countries of :data:`REGIONS` in the clients' languages, as shipped
    with libphonenumber: the last word of each name → (the whole name, its region)."""
    names: dict[str, tuple[str, str]] = {}
    locale_data = _locale_data()
    for region in REGIONS:
        localised = locale_data.get(region, {})
        for language in ("en", "fr", "es", "pt", "de", "it", "nl"):
            name = localised.get(language, "")
            while name.startswith("*"):  # "*en": the same as another language's name
                name = localised.get(name[1:], "")
            name = name.lower().replace("’", "'")
            if name and region != "CA":
                names.setdefault(_LAST_WORD.findall(name)[-1], (name, region))
    for city, region in _CITIES.items():
        key = _LAST_WORD.findall(city)[-1]
        if key not in names or city in names[key][0]:
            # round 47 part B: the city alone, where a country's name ends with it ("Congo - Kinshasa": "à Kinshasa")
            names[key] = (city, region)
    return names


# The cities clients name instead of their country ("77 555 12 34 in Dakar"): capitals and
# the largest cities of the regions above, as they are written in English and French.
_CITIES = {
    "dakar": "SN",
    "thiès": "SN",
    "bamako": "ML",
    "abidjan": "CI",
    "yaoundé": "CM",
    "yaounde": "CM",
    "douala": "CM",
    "kinshasa": "CD",
    "lubumbashi": "CD",
    "conakry": "GN",
    "lomé": "TG",
    "lome": "TG",
    "cotonou": "BJ",
    "ouagadougou": "BF",
    "ouaga": "BF",
    "kigali": "RW",
    "bujumbura": "BI",
    "antananarivo": "MG",
    "tunis": "TN",
    "sfax": "TN",
    "alger": "DZ",
    "algiers": "DZ",
    "oran": "DZ",
    "casablanca": "MA",
    "rabat": "MA",
    "marrakech": "MA",
    "fès": "MA",
    "lagos": "NG",
    "abuja": "NG",
    "accra": "GH",
    "nairobi": "KE",
    "mombasa": "KE",
    "addis": "ET",
    "asmara": "ER",
    "cairo": "EG",
    "caire": "EG",
    "beirut": "LB",
    "beyrouth": "LB",
    "damascus": "SY",
    "damas": "SY",
    "baghdad": "IQ",
    "kabul": "AF",
    "kaboul": "AF",
    "tehran": "IR",
    "téhéran": "IR",
    "karachi": "PK",
    "lahore": "PK",
    "islamabad": "PK",
    "dhaka": "BD",
    "kathmandu": "NP",
    "colombo": "LK",
    "manila": "PH",
    "hanoi": "VN",
    "hanoï": "VN",
    "saigon": "VN",
    "seoul": "KR",
    "séoul": "KR",
    "istanbul": "TR",
    "ankara": "TR",
    "kyiv": "UA",
    "kiev": "UA",
    "moscow": "RU",
    "moscou": "RU",
    "bogotá": "CO",
    "bogota": "CO",
    "medellín": "CO",
    "medellin": "CO",
    "lima": "PE",
    "caracas": "VE",
    "havana": "CU",
    "havane": "CU",
    "kingston": "JM",
    "dubai": "AE",
    "dubaï": "AE",
    "riyadh": "SA",
    "amman": "JO",
    "mumbai": "IN",
    "delhi": "IN",
    "bangalore": "IN",
    "bengaluru": "IN",
    "chennai": "IN",
    "hyderabad": "IN",
    "kolkata": "IN",
    "shanghai": "CN",
    "beijing": "CN",
    "pékin": "CN",
    "guangzhou": "CN",
    "port-au-prince": "HT",
    # round 47 part B
    "n'djamena": "TD",
    "niamey": "NE",
    "nouakchott": "MR",
    "libreville": "GA",
    "brazzaville": "CG",
    "bangui": "CF",
    "luanda": "AO",
    "maputo": "MZ",
    "lusaka": "ZM",
    "harare": "ZW",
    "kampala": "UG",
    "freetown": "SL",
    "monrovia": "LR",
    "banjul": "GM",
    "mogadishu": "SO",
    "khartoum": "SD",
    "juba": "SS",
    "sanaa": "YE",
    "cap-haïtien": "HT",
}


CITY_NAMES: frozenset[str] = frozenset(_CITIES)  # also where foreign postal codes are looked for
_LAST_WORD = re.compile(r"[^\W\d_]+")
_COUNTRIES = _country_names()
_COUNTRY_WORDS = frozenset(_COUNTRIES)


def _hinted_regions(scan: Scan) -> tuple[str, ...]:
    """Regions that the message names ("numero cameroun 6 77 12 34 56", "au Sénégal")."""
    found = _COUNTRY_WORDS & scan.words
    if not found:
        return ()
    text = scan.text.lower().replace("’", "'")
    return tuple(_COUNTRIES[w][1] for w in sorted(found) if _COUNTRIES[w][0] in text)


@cache
def _plan(region: str) -> tuple[str, str | None, frozenset[int], re.Pattern[str]] | None:
    """A region's country code, trunk prefix, possible national lengths and general pattern."""
    metadata = PhoneMetadata.metadata_for_region(region)
    if metadata is None or metadata.general_desc is None or not metadata.general_desc.national_number_pattern:
        return None
    return (
        str(metadata.country_code),
        metadata.national_prefix or None,
        frozenset(metadata.general_desc.possible_length or ()),
        re.compile(metadata.general_desc.national_number_pattern),
    )


def _regions_for(digits: str, first: tuple[str, ...] = ()) -> Iterator[tuple[str, str, bool, bool]]:
    """Regions whose plan the digits could belong to, as (region, its country code, with
    trunk prefix, with country code but no "+"); the regions `first` before the others."""
    for region in (*first, *REGIONS) if first else REGIONS:
        plan = _plan(region)
        if plan is None:
            continue
        code, trunk, lengths, pattern = plan
        options: list[tuple[str, bool, bool]] = [(digits, False, False)]
        if trunk and digits.startswith(trunk):
            options.insert(0, (digits[len(trunk) :], True, False))
        if digits.startswith(code):
            options.append((digits[len(code) :], False, True))
        for national, with_trunk, with_code in options:
            if len(national) in lengths and pattern.fullmatch(national):
                yield region, code, with_trunk, with_code
                break


def trunk_number(digits: str, hints: tuple[str, ...] = (), trunk: bool = True) -> bool:
    """Whether `digits`, opened by a region's trunk prefix ("0791 ...", "06 71 ..."), are a valid number of one of the
    regions `hints` names or of :data:`REGIONS` (not a business's; North America has no trunk prefix), trying at most
    :data:`CALLS_PER_NUMBER` regions. Without `trunk`: a national number without its prefix, of a region of `hints`
    only ("6 77 12 34 56" in a message about Cameroon)."""
    calls = 0
    for region, code, with_trunk, with_code in _regions_for(digits, hints):
        if code == "1" or with_trunk != trunk or with_code or (not trunk and region not in hints):
            continue
        if calls == CALLS_PER_NUMBER:
            break
        calls += 1
        try:
            number = phonenumbers.parse(digits, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number) and number_type(number) not in _BUSINESS:
            return True
    return False


def international_number(digits: str) -> bool:
    """Whether `digits` after a "+" are a valid number of its country (not a business's). (Round 48 part B: Mexico's
    mobiles with the "1" its plan dropped in 2019 and its people still type, "+52 1 55 5555 1234", read without it.)"""
    if len(digits) == 13 and digits.startswith("521"):
        digits = "52" + digits[3:]
    try:
        number = phonenumbers.parse("+" + digits)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(number) and number_type(number) not in _BUSINESS


def hinted_regions(scan: Scan) -> tuple[str, ...]:
    """Regions that the message names, by country or city (see :func:`_hinted_regions`)."""
    return _hinted_regions(scan)


def _plausible_groups(text: str) -> bool:
    """Groups as people write phone numbers: single digits only at the start ("0 532 ...",
    "+33 6 12 ...", "+63 2 8123 ..."), not "7.5 7.0 6.5 7.0" nor "2 8 9 - 5 5 5"."""
    groups = _GROUP.findall(text)
    singles = [i for i, g in enumerate(groups) if len(g) == 1]
    return len(singles) <= 2 and all(i <= 2 for i in singles)


def _whole(text: str, start: int, end: int, region: str) -> int | None:
    """The type of the one valid number that ``PhoneNumberMatcher`` finds for `region`
    spanning the whole candidate (parentheses and "+" aside), or None."""
    window = text[start:end]
    for match in PhoneNumberMatcher(window, region, leniency=Leniency.VALID):
        inner = window[match.start : match.end]
        rest = window[: match.start] + window[match.end :]
        if digits_of(inner) == digits_of(window) and not rest.strip(" ()+"):
            return number_type(match.number)
    return None


def _national(digits: str, region: str) -> int | None:
    """The type of `digits` read as a valid national number of `region` (its trunk prefix left out), or None."""
    try:
        number = phonenumbers.parse(digits, region)
    except phonenumbers.NumberParseException:
        return None
    return number_type(number) if phonenumbers.is_valid_number(number) else None


def _mobile_as_written_there(raw: str, region: str) -> bool:
    """Whether `raw` is a valid mobile number of `region` grouped exactly as `region` writes
    its national numbers."""
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return False
    if number_type(number) != PhoneNumberType.MOBILE:
        return False
    written = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return _GROUP.findall(written) == _GROUP.findall(raw)


# An extension after the number: "(02) 8123 4567 local 204", "+52 55 1234 5678 ext. 12".
_EXTENSION = re.compile(
    r"[ \t]*+,?[ \t]*+(?i:local|loc\.|ext\.?|extension|x|poste|anexo|ramal)[ \t]*[0-9]{1,5}(?![\w/-])"
)


def _with_extension(text: str, end: int) -> int:
    m = _EXTENSION.match(text, end)
    return m.end() if m else end


def _toll_free(digits: str) -> bool:
    """Whether the digits, read as a North American number, are a toll-free one."""
    return (len(digits) == 10 or (len(digits) == 11 and digits[0] == "1")) and agency_line(digits)


# A number with its country code broken across lines by the chat box: "+63 917\n555 0182"
# (North American ones: contact.py).
_BROKEN = re.compile(
    r"(?<![\w\]+])\+[ \t]?[2-9][0-9]{0,2}(?:[ .-]?[0-9]{1,5}){0,3}[ \t]*\n[ \t]*[0-9]{1,5}(?:[ .-]?[0-9]{1,5}){0,3}(?![0-9]|[\w\[])"
)


# Round 48 part B: ... or opened by a region's trunk prefix, after a phone's word, the break anywhere, inside a group too
# ("phone 0300 4417 2\n19", "mon numéro 06 71 34\n56 89", "my number 0803 123\n4567").
_BROKEN_TRUNK = re.compile(
    r"(?<![\w\]+.,/-])0[1-9][0-9]{0,4}(?:[ .-]?[0-9]{1,5}){0,4}[ \t]*\n[ \t]*[0-9]{1,5}(?:[ .-]?[0-9]{1,5}){0,4}"
    r"(?![0-9]|[.,/-][0-9]|[\w\[])"
)
_PHONE_KINDS = frozenset(("PHONE",))


def _broken_phones(text: str) -> Iterator[Candidate]:
    for m in _BROKEN.finditer(text):
        digits = digits_of(m.group())
        if 8 <= len(digits) <= 15 and international_number(digits):
            yield m.start(), m.end(), "PHONE", PHONE_P


def _broken_trunk_phones(scan: Scan) -> Iterator[Candidate]:
    """Numbers with a trunk prefix broken across lines after a phone's word (see :data:`_BROKEN_TRUNK`): valid joined,
    and not before the break alone when ten digits or more stand there (a whole number that ends its line leaves the next
    line to something else)."""
    text = scan.text
    for m in _BROKEN_TRUNK.finditer(text):
        digits = digits_of(m.group())
        if not 9 <= len(digits) <= 13:
            continue
        first = digits_of(text[m.start() : text.index("\n", m.start())])
        hints = _hinted_regions(scan)
        if (
            scan.context(m.start(), m.end(), _PHONE_KINDS)
            and trunk_number(digits, hints)
            and not (len(first) >= 10 and trunk_number(first, hints))
        ):
            yield m.start(), m.end(), "PHONE", PHONE_P


def world_phones(scan: Scan) -> Iterator[Candidate]:
    """Phone numbers of other countries (see the module's docstring)."""
    if scan.digits < 8:
        return
    text = scan.text
    if "\n" in text and "+" in text:
        yield from _broken_phones(text)
    if "\n" in text and "0" in text:
        yield from _broken_trunk_phones(scan)
    budget = CALLS_PER_MESSAGE
    hints: tuple[str, ...] | None = None
    for m in _CANDIDATE.finditer(text):
        if budget <= 0:
            return
        start, end = m.span()
        while end > start and not text[end - 1].isdigit() and text[end - 1] != ")":
            end -= 1  # a separator at the end belongs to the sentence
        if _END.match(text, end) or _BOX_BEFORE.search(text, max(0, start - 12), start):
            continue
        raw = text[start:end]
        digits = digits_of(raw)
        if not 8 <= len(digits) <= 15:
            continue
        international = raw.startswith(("+", "(+", "00"))
        if international:
            digits = digits[2:] if raw.startswith("00") else digits
        elif _OTHER_SHAPE.fullmatch(raw) or quantity(text, start, end):
            continue
        if not _plausible_groups(raw) or (len(digits) >= 13 and card_valid(digits)):
            continue
        if not international and (_toll_free(digits) or (_NANP_SHAPE.fullmatch(raw) and nanp_valid(digits))):
            continue  # North American ("613-555-0199", "1-888-242-2100"): contact.py's rules
        grouped = any(not c.isdigit() for c in raw.lstrip("+"))
        head = _GROUP.match(raw)
        kinds = scan.context(start, end, _CONTEXT_KINDS)
        nearest = kinds[0] if kinds else None
        if nearest in _NOT_PHONE_WORDS and not raw.startswith(("+", "(+")):
            continue  # "UCI 1122334455", "order number 4500123456", "case number ..."
        labelled = nearest in _PHONE_WORDS
        if international:
            if len(digits) == 11 and digits[0] == "1" and agency_line(digits):
                continue  # "+1-613-944-4000": the agency's line for callers abroad
            budget -= 1
            # any region parses "+63 ..."; "0063 ..." needs one whose international prefix is 00
            kind = _whole(text, start, end, "FR" if raw.startswith("00") else "CA")
            if kind is not None and kind not in _BUSINESS:
                yield start, _with_extension(text, end), "PHONE", PHONE_P
            elif (
                kind is None
                and raw.startswith("+")
                and 9 <= len(digits) <= 13
                and _CODE_THEN_AREA.match(raw)
                and (labelled or (_CODE_THEN_TRUNK_AREA.match(raw) and len(digits) >= 10))
            ):
                # round 39 part B: a country's code, then an area's in brackets, after a phone word, that the plan
                # does not know ("Phone +63 (902) 637 7393", "tel +90 (520) 256 58 19"): a phone as typed
                yield start, end, "PHONE", PHONE_P
            continue
        if len(digits) == 13 and digits.startswith(("044", "045")) and grouped:
            # Mexico's old mobile prefixes, still typed: "044 55 1234 5678"
            budget -= 1
            national = _GROUP.search(text, start + raw.index("04") + 3, end)
            if national and _whole(text, national.start(), end, "MX") in (
                PhoneNumberType.FIXED_LINE_OR_MOBILE,
                PhoneNumberType.MOBILE,
            ):
                yield start, end, "PHONE", PHONE_P
                continue
        if (
            len(digits) == 8
            and _LOCAL_EIGHT.fullmatch(raw)
            and _PHONE_WORD_RIGHT_BEFORE.search(text, max(0, start - 36), start)
        ):
            # round 51 part B: eight digits in two groups of four or four pairs right after a phone word, as the many
            # plans of eight digits write a line at home (Haiti, Lebanon, Gabon, Mali, Tunisia): "my phone 3721 0485",
            # "mon nouvo numéro c 4812 3390", "tel 77 45 12 89"; the country named or not. The phone's word outranks a
            # postal code's shape after an address ("..., Haiti, my phone 4893 2210")
            yield start, _with_extension(text, end), "PHONE", POSTAL_AFTER_P + 1
            continue
        calls = 0
        if hints is None:
            hints = _hinted_regions(scan)
        for region, code, with_trunk, with_code in _regions_for(digits, hints):
            if code == "1":
                continue  # North American numbers: the expressions of contact.py
            # a country named in the message: its national numbers as written there, grouped
            # or after a phone word, from eight digits ("cameroun 6 77 12 34 56")
            hinted = region in hints and (grouped or labelled)
            if with_trunk:
                if len(digits) < (9 if labelled else 10) and not hinted:
                    continue
            elif with_code:
                if not labelled and not (grouped and head and head.group() == code):
                    continue  # "639171112233" without "+": after a phone word or as "63 917 ..."
            elif len(digits) < 10 and not hinted and not (len(digits) == 9 and grouped):
                continue
            if len(digits) == 9 and not (with_trunk or with_code or hinted):
                # nine digits, no country named: a mobile grouped as its country writes it
                # ("70 123 45 67" in Senegal, "6 99 12 34 56" in Cameroon)
                budget -= 1
                if _mobile_as_written_there(raw, region):
                    yield start, _with_extension(text, end), "PHONE", PHONE_P
                    break
                continue
            if calls == CALLS_PER_NUMBER:
                break
            calls += 1
            budget -= 1
            kind = _whole(text, start, end, region)
            if kind is None and hinted and not with_trunk and not with_code:
                # round 47 part B: the matcher wants the trunk prefix where the region writes it ("0812 345 678");
                # a client names the country and leaves it out ("mon frère à Kinshasa 81 234 5678")
                kind = _national(digits, region)
            if kind is None or kind in _BUSINESS:
                continue
            if with_trunk or grouped or labelled:
                yield start, _with_extension(text, end), "PHONE", PHONE_P
                break
            if kind == PhoneNumberType.MOBILE and region in BARE_REGIONS:
                yield start, end, "PHONE", FALLBACK_P
                break
