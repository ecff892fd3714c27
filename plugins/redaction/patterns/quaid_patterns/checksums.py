"""Checksums and number-plan rules that tell an identifier from a number that only looks like one."""

from __future__ import annotations

# Luhn: the doubled value of each digit, precomputed (doubling then summing the two digits).
_DOUBLED = (0, 2, 4, 6, 8, 1, 3, 5, 7, 9)


def digits_of(text: str) -> str:
    """The ASCII digits of `text`, in order: ``"046 454-286"`` → ``"046454286"``."""
    return "".join(c for c in text if "0" <= c <= "9")


def luhn_valid(digits: str) -> bool:
    """True when the digit string passes the Luhn (mod 10) check: SINs and payment cards."""
    if not digits:
        return False
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = ord(char) - 48
        total += _DOUBLED[value] if index % 2 else value
    return total % 10 == 0


# UPU S10 (postal tracking numbers, "RN 482 719 335 CA"): weights of the eight serial digits.
_S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)


def s10_valid(digits: str) -> bool:
    """True when nine digits are an S10 tracking number's serial and check digit (mod 11)."""
    if len(digits) != 9 or not digits.isdigit():
        return False
    check = 11 - sum(int(d) * w for d, w in zip(digits[:8], _S10_WEIGHTS, strict=True)) % 11
    return int(digits[8]) == {10: 0, 11: 5}.get(check, check)


def nanp_valid(digits: str) -> bool:
    """True for a North American number: 10 digits (or 11 with a leading 1) whose area code
    and exchange do not start with 0 or 1."""
    if len(digits) == 11 and digits[0] == "1":
        digits = digits[1:]
    return len(digits) == 10 and digits[0] not in "01" and digits[3] not in "01"


# North American toll-free area codes: businesses and agencies, never a client's own line.
TOLL_FREE = frozenset(("800", "833", "844", "855", "866", "877", "888"))
# The agency's published lines that are not toll-free: its call centre for callers outside
# Canada ("+1-613-944-4000"). A public number, the agency's to keep up to date.
# Round 53 part B: and the federal lines published for callers abroad, whom a client calls from there as they call the
# agency ("I called +1 613 996 8885 from abroad"): Global Affairs' Emergency Watch and Response Centre (613-996-8885),
# the Passport Program from outside North America (819-997-8338), the CRA's line for non-residents (613-940-8495).
AGENCY_LINES = frozenset(("6139444000", "6139968885", "8199978338", "6139408495"))


def agency_line(digits: str) -> bool:
    """Whether the digits end with a toll-free North American number or one of the agency's
    published lines: never a client's own."""
    return digits[-10:-7] in TOLL_FREE or digits[-10:] in AGENCY_LINES


def card_valid(digits: str) -> bool:
    """A payment card number: 13-19 digits, a known issuer's first digit, Luhn-valid."""
    return (
        13 <= len(digits) <= 19
        and digits[0] in "23456"
        and len(set(digits)) > 1
        and luhn_valid(digits)
    )


def is_year(digits: str) -> bool:
    """A four-digit year between 1900 and 2099."""
    return len(digits) == 4 and digits[:2] in ("19", "20")


def _codes(codes: str) -> frozenset[str]:
    return frozenset(codes.split())


# Round 40 part B: the area codes of Canada's numbering plan (a bare ten-digit number that opens with one is a phone
# here, whatever its exchange: the sets' made-up numbers often have none that is valid, "4161005221").
CANADIAN_AREA_CODES = _codes(
    """204 226 236 249 250 257 263 289 306 343 354 365 367 368 382 387 403 416 418 428 431 437 438 450 460 468 474 506
    514 519 548 568 579 581 584 587 600 604 613 622 633 639 644 647 655 672 677 683 688 705 709 742 753 778 780 782 807
    819 825 867 873 879 902 905 942"""
)


# ICAO 9303 (a passport's machine-readable zone): the check digit of a field, weights 7, 3, 1; "<" counts 0,
# a letter 10 (A) to 35 (Z).
_MRZ_WEIGHTS = (7, 3, 1)


def mrz_check(field: str) -> int:
    """The ICAO 9303 check digit of `field` (digits, capital letters and "<")."""
    total = 0
    for index, char in enumerate(field):
        if "0" <= char <= "9":
            value = ord(char) - 48
        elif "A" <= char <= "Z":
            value = ord(char) - 55
        else:
            value = 0
        total += value * _MRZ_WEIGHTS[index % 3]
    return total % 10
