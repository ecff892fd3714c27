"""The ``patterns`` redactor: runs the recognizers and turns their candidates into spans."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from quaidcore import Span

from .address_model import TYPES as ADDRESS_TYPES
from .address_model import use_rules, with_learned_addresses
from .base import CUSTOM_P, ID_SHAPE_P, IGNORE_CASE, LABELLED_P, POSTAL_AFTER_P, Recognizer, words_pattern
from .config import CustomPattern, PatternsConfig
from .contact import looked_up, public_line
from .gate import nothing_to_find
from .identifiers import (
    CITIZENSHIP_KEYS,
    PROVINCIAL_CARD_KEYS,
    citizenship_files,
    client_after_name,
    corrected,
    numbered_company,
    provincial_cards,
    table_columns,
    uci_corrected_phone,
    uci_labelled_phone,
    uci_not_phone,
    with_file_prefix,
)
from .keyboards import plain_keys
from .names_model import learned_names
from .offices import (
    company_detail,
    company_words,
    registration_number,
    representative_office,
    representative_words,
)
from .owner_model import CONTACT_TYPES, public_dropped
from .people import not_a_person, repeated_names, without_labels
from .places import address_edges, disowned_code, disowned_words, no_code_place, town_code_after
from .recognizers import LABELS, RECOGNIZERS
from .scan import PLACEHOLDER, Candidate, Label, Scan
from .scan import masked_text as _masked
from .scan import unmask as _unmask
from .spoken import hint as said_hint
from .spoken import with_said_numbers
from .vocabulary import STREET_TYPES_EN, STREET_TYPES_FR


def resolve(candidates: list[Candidate]) -> list[Span]:
    """Non-overlapping spans: overlapping candidates are masked as one span (their union),
    typed by the candidate with the highest priority (the longest on a tie)."""
    if not candidates:
        return []
    candidates.sort()
    spans: list[Span] = []
    start, end, kind, priority = candidates[0]
    best = (priority, end - start)
    for s, e, k, p in candidates[1:]:
        if s < end:
            if (p, e - s) > best:
                kind, best = k, (p, e - s)
            end = max(end, e)
        else:
            spans.append(Span(start, end, kind))
            start, end, kind, best = s, e, k, (p, e - s)
    spans.append(Span(start, end, kind))
    return spans


class CustomRecognizer:
    """An agency's own identifier from the config."""

    def __init__(self, pattern: CustomPattern, index: int) -> None:
        self.type = pattern.type
        self.regex = re.compile(pattern.regex, re.IGNORECASE if pattern.ignore_case else 0)
        self.kinds: frozenset[str] | None = None
        self.labels: dict[str, Label] = {}
        if pattern.context:
            words = "|".join(re.escape(w) for w in pattern.context)
            label = f"custom-{index}"  # its own context words, even if another pattern shares its type
            self.labels = {label: (re.compile(words_pattern(words), IGNORE_CASE), None, 0)}
            self.kinds = frozenset((label,))

    def find(self, scan: Scan) -> Iterator[Candidate]:
        """Matches of the pattern, near a context word when the config asks for one."""
        for m in self.regex.finditer(scan.text):
            start, end = m.span()
            if end <= start:
                continue
            if self.kinds is None or scan.context(start, end, self.kinds):
                yield start, end, self.type, CUSTOM_P


class PatternRedactor:
    """Finds e-mails, phone numbers, client IDs, application numbers, passports, SINs, cards,
    postal codes, street addresses, dates of birth and names, in English and French.

    Pure and synchronous; follows :class:`quaidcore.Redactor`.
    """

    def __init__(self, config: PatternsConfig | None = None) -> None:
        config = config or PatternsConfig()
        self.types = frozenset(config.types)
        chosen = [r for r in RECOGNIZERS if r.types & self.types]
        self._digit_recognizers: tuple[Recognizer, ...] = tuple(chosen)
        self._plain_recognizers: tuple[Recognizer, ...] = tuple(r for r in chosen if not r.needs_digit)
        self._custom = [CustomRecognizer(p, i) for i, p in enumerate(config.custom)]
        self._labels: dict[str, Label] = dict(LABELS)
        for custom in self._custom:
            self._labels.update(custom.labels)
        self._address_types = "ADDRESS" in self.types
        self._learned_names = config.learned_names and "PERSON" in self.types
        self._learned_addresses = (
            self.types & frozenset(ADDRESS_TYPES) if config.learned_addresses else frozenset()
        )
        self._owner_model = config.owner_model and not CONTACT_TYPES.isdisjoint(self.types)
        self._said_numbers = config.said_numbers
        # the quick "nothing to mask" test (see gate), measured with the default config: fewer
        # types or no learned tagger find no more; an agency's own expressions may match any
        # word, and without the owner model a contact detail it would drop stays: both turn it off
        self.gate = not self._custom and (self._owner_model or CONTACT_TYPES.isdisjoint(self.types))

    def find(self, text: str) -> list[Span]:
        """Spans of `text` to mask, typed, sorted and non-overlapping.

        Masking can change what the text around a span looks like (a number next to a
        placeholder now stands alone). So the redactor looks again at its own masked text
        and adds what it finds there: redacting the redacted text then changes nothing.
        """
        text = plain_keys(text)  # round 48 part B: full-width digits and letters, Unicode hyphens (see keyboards)
        if not text or (self.gate and nothing_to_find(text)):
            return []  # most messages: no word that a rule or a model could start from (see gate)
        if self._said_numbers and said_hint(text):  # dictation: numbers said in words, read as typed (see spoken)
            return with_said_numbers(text, self._find_typed(text), self._find_typed)
        return self._find_typed(text)

    def _find_typed(self, text: str) -> list[Span]:
        """:meth:`find` of a text already through the gate, its said numbers left as they are."""
        if "\n" in text:
            kept = split_value_breaks(text)
            if kept is not None:  # round 39 part B: a value broken over two lines, read joined
                joined = "".join(text[i] for i in kept)
                return [Span(kept[s.start], kept[s.end - 1] + 1, s.type) for s in self.find(joined)]
        text = zeros_for_oh(text)
        if "\n" in text and self._address_types:
            text = address_line_breaks(text)
        spans = self._with_names(text, self.rule_spans(text))
        if self._learned_addresses:  # the addresses no rule found (see address_model)
            before = len(spans)
            spans = with_learned_addresses(text, spans, self._learned_addresses)
            if len(spans) > before and self._learned_names:
                # the names' tagger reads the new addresses' placeholders, as the next redaction of
                # the redacted text will ("addR 00 0,Lara Lao" -> "addR [ADDRESS],Lara Lao")
                spans = self._with_names(text, spans, frozenset(spans))
            if len(spans) > before:  # round 41 part B: a building's door code is no postal code
                spans = [s for s in spans if s.type != "POSTAL_CODE" or not _door_code(text, s.start, s.end)]
            if len(spans) > before and any(
                s.type in ADDRESS_TYPES for s in spans
            ):  # not a company's (round 36 part B)
                words = Scan(text, {}).words
                spans = [
                    s
                    for s in spans
                    if s.type not in ADDRESS_TYPES or not company_detail(text, s.start, s.end, s.type, words)
                ]
        if self._address_types and any(s.type == "ADDRESS" for s in spans):
            spans = _address_edges(
                text, spans
            )  # round 40 part B: "rua augusta, n.º 108, 2.º esq.", "Số 42 ..."
            if "POSTAL_CODE" in self.types:  # round 41 part B: "..., Ap. 56, Tirana 1069." after the tagger's address too
                codes = [c for s in spans if s.type == "ADDRESS" and (c := town_code_after(text, s.end)) is not None]
                codes = [c for c in codes if not any(x.start < c[1] and c[0] < x.end for x in spans)]
                if codes:
                    spans = sorted(spans + [Span(a, b, "POSTAL_CODE") for a, b in codes], key=lambda s: s.start)
        if any(s.type == "POSTAL_CODE" and s.end - s.start == 4 for s in spans):
            # round 48 part C: four digits before a town of a country with no postal codes, the tagger's too ("Hamdallaye
            # ACI 2000 Bamako"): a quarter's number
            spans = [
                s for s in spans if s.type != "POSTAL_CODE" or s.end - s.start != 4 or not no_code_place(text, s.start, s.end)
            ]
        if self._address_types and sum(s.type == "ADDRESS" for s in spans) == 1:
            spans = _street_again(text, spans)  # round 50 part C: "12-340 Dufferin Street ... sent to 340 Dufferin"
        if any(s.type in _DISOWNED_KINDS for s in spans) and disowned_words(text):
            # round 50 part C: "K1A 0B1 no wait thats the govt one": a code said not to be the writer's (see places)
            # (round 53 part C: a UCI or a file's number too, "UCI 1234-5678?? no thats the example lol mine is ...")
            spans = [s for s in spans if s.type not in _DISOWNED_KINDS or not disowned_code(text, s.end)]
        if self._owner_model and spans:
            # last, so that it reads the message as the next redaction of the redacted text
            # will, every other span masked: a contact detail that its context calls a public
            # body's or a business's stays (see owner_model)
            kept = public_dropped(text, spans)
            if len(kept) < len(spans) and representative_words(text):
                # round 49 part C: a representative's own office, the file's mailing address (see offices); its line
                # stays the owner model's (an office's line beside the person's own, heldout81)
                words = Scan(text, {}).words
                kept = [
                    s
                    for s in spans
                    if s in kept or (s.type in ADDRESS_TYPES and representative_office(text, s.start, words))
                ]
            if len(kept) < len(spans) and any(s.type == "ADDRESS" for s in kept):
                kept = _moved_to(text, spans, kept)  # round 41 part B
            spans = kept
        if "CLIENT_ID" in self.types and any(s.type == "PHONE" and s.end - s.start == 12 for s in spans):
            # round 50 part C: a phone's shape grouped 2-4-4 with no area code's first two, "11 2874 0093": a UCI (see
            # identifiers.uci_not_phone)
            spans = [Span(s.start, s.end, "CLIENT_ID") if s.type == "PHONE" and uci_not_phone(text, s.start, s.end) else s for s in spans]
        if "CLIENT_ID" in self.types and any(s.type == "PHONE" for s in spans):
            # round 51 part C: a UCI typed in a phone's groups right after its label, "uci 112 233 4455": no area code
            spans = [Span(s.start, s.end, "CLIENT_ID") if s.type == "PHONE" and uci_labelled_phone(text, s.start, s.end) else s for s in spans]
            if any(s.type == "CLIENT_ID" for s in spans):
                # round 52 part C: "my UCI its 0045-7781-23 wait no 0045778132": the number typed again to correct it
                spans = uci_corrected_phone(text, spans)
        return spans

    def _with_names(self, text: str, spans: list[Span], known: frozenset[Span] | None = None) -> list[Span]:
        """`spans` and the names the tagger and the names found repeat, without the labels and
        the names that are no person's, and what their placeholders leave. `known`: spans already
        through this step (the tagger then reads their placeholders again, and only the new
        names are looked at)."""
        ruled = len(spans)
        if self._learned_names:
            spans = _with_learned_names(text, spans)
        if known is not None:
            if len(spans) == ruled:
                return spans
            new = [s for s in spans if s not in known]
            spans = sorted([s for s in spans if s in known] + _persons_only(text, new), key=lambda s: s.start)
        elif "PERSON" in self.types and any(s.type == "PERSON" for s in spans):
            spans = _persons_only(text, spans)
        if "PERSON" in self.types and any(s.type == "PERSON" for s in spans):
            spans = _with_repeated_names(text, spans)
        if self._learned_names and len(spans) > ruled:
            # a name the rules did not find is masked: look again at what its placeholder leaves
            # ("KARA-0100000000" -> "[PERSON]-0100000000", where the number now stands alone)
            masked, stretches = _masked(text, spans)
            more = [_unmask(span, stretches) for span in self._find_once(masked) if span.type != "PERSON"]
            if more:
                spans = sorted(spans + more, key=lambda s: s.start)
        if "CLIENT_ID" in self.types and any(s.type == "PERSON" for s in spans):
            spans = client_after_name(text, spans)  # round 40 part B: "Re: Nadia Roy — 60206167"
        return spans

    def rule_spans(self, text: str) -> list[Span]:
        """The spans the rules find in `text` (after :func:`zeros_for_oh`), before the learned
        names and the repeated ones."""
        spans = self._find_once(text)
        for _ in range(3):
            if not spans:
                break
            masked, stretches = _masked(text, spans)
            more = self._find_once(masked)
            if not more:
                break
            spans = sorted(spans + [_unmask(span, stretches) for span in more], key=lambda s: s.start)
        return spans

    def _find_once(self, text: str) -> list[Span]:
        scan = Scan(text, self._labels)
        candidates: list[Candidate] = []
        types = self.types
        for recognizer in self._digit_recognizers if scan.has_digit else self._plain_recognizers:
            candidates.extend(recognizer.find(scan))
        if candidates:  # one filter for all: some recognizers find more types than asked
            candidates = [c for c in candidates if c[2] in types]
        for custom in self._custom:
            candidates.extend(custom.find(scan))
        if scan.has_digit:  # round 36 part B: "IMM-2023-0045678", "its not W30055512 its W300555128", "demande de citoyenneté ..."
            if candidates:
                candidates = corrected(
                    text, with_file_prefix(text, candidates) if "-" in text else candidates
                )
            if "\n" in text and ("|" in text or "\t" in text or ";" in text or "," in text):
                candidates = [c for c in table_columns(text, candidates) if c[2] in types]  # round 40 part B
            if "APPLICATION_NUMBER" in types and not CITIZENSHIP_KEYS.isdisjoint(scan.words):
                candidates = citizenship_files(text, candidates)
            if candidates and not PROVINCIAL_CARD_KEYS.isdisjoint(
                scan.words
            ):  # round 38 part B: "carte santé 1234 567 890"
                candidates = provincial_cards(text, candidates)
        if scan.placeholders and candidates:
            candidates = [c for c in candidates if not scan.blocked(c[0], c[1])]
        if scan.has_digit and candidates:  # a public body's line: "le numéro du MIFI ? 514 864-9191"
            public = [
                (c[0], c[1])
                for c in candidates
                if (c[2] == "PHONE" and public_line(scan, c[0], c[1]) and not _named_line(text, c[0], candidates))
                or (
                    c[2] in _LOOKED_UP_KINDS
                    and looked_up(scan, c[0], c[1], c[2])
                    and not (c[2] == "ADDRESS" and _PERSON_AT_BEFORE.search(text, max(0, c[0] - 40), c[0]))
                )
                or (c[2] == "CLIENT_ID" and _mission_line(text, c[0], c[1]))
            ]
            if (
                public
            ):  # and no piece of that line is another kind of number ("l'ambassade ... +221 33 889 47 00")
                candidates = [c for c in candidates if not any(s <= c[0] and c[1] <= e for s, e in public)]
        if (
            scan.has_digit and candidates and company_words(scan.words)
        ):  # round 36 part B: a company's line, address, number
            company = [(c[0], c[1]) for c in candidates if _company_value(scan, c)]
            if company:
                candidates = [c for c in candidates if not any(s <= c[0] and c[1] <= e for s, e in company)]
        if scan.has_digit and candidates and (text.count("0") >= 5 or "123" in text):
            candidates = [c for c in candidates if not _zeros_only(text, c)]
        if scan.has_digit and candidates and not _COMPANY_PLACES.isdisjoint(scan.words):
            candidates = [c for c in candidates if c[2] not in _ZERO_KINDS or not numbered_company(text, c[1])]
        if scan.has_digit and candidates and scan.digits >= 16:
            candidates = _same_digits_again(text, candidates)
        if scan.has_digit and len(candidates) > 1:
            candidates = same_value_twice(text, codes_apart(text, candidates))
        return resolve(candidates)


_DISOWNED_KINDS = frozenset(("POSTAL_CODE", "CLIENT_ID", "APPLICATION_NUMBER"))


# Round 46 part B: a phone right after a person's name and a comma in brackets is that person's, whatever body or firm
# the brackets follow ("Locateur : Gestion Immobilière X (Pierre X, 514 555-0144)").
_NAME_TO_LINE = re.compile(r"[ \t]*,[ \t]*(?:(?:tel|t[ée]l|ph|phone|cell)\.?[ \t]*:?[ \t]*)?\Z", re.IGNORECASE)
_BRACKET_BEFORE = re.compile(r"\([ \t]*\Z")


# Round 49 part C: where people are, said right before the address ("... biometrics letters resent, they are at 14 Gandhi
# Nagar 2nd Street", "elles sont maintenant au 12 rue ...", "we're staying at ..."): their home, even when an appointment's
# word comes earlier in the sentence (not the venue, "the biometrics are at", whose subject is no person).
_PERSON_AT_BEFORE = re.compile(
    r"(?<![\w'’-])(?:(?:they|he|she|we|i)[ \t]+(?:(?:are|is|am|were|was|now|still|currently|both|all|staying|living)[ \t]+){1,3}"
    r"|(?:they|he|she|we|i)['’](?:re|s|m)[ \t]+(?:(?:now|still|currently|both|all|staying|living)[ \t]+){0,2}"
    r"|(?:ils|elles|il|elle|nous|je|on)[ \t]+(?:(?:sont|est|suis|sommes|restent|reste|restons|logent|loge|maintenant|toujours"
    r"|actuellement|tous|toutes|deux)[ \t]+){1,3})"
    r"(?:at|au|à|a)[ \t]*\Z",
    re.IGNORECASE,
)


def _named_line(text: str, start: int, candidates: list[Candidate]) -> bool:
    """Whether the phone at `start` follows a person's name found in brackets (see :data:`_NAME_TO_LINE`)."""
    return any(
        c[2] == "PERSON"
        and c[1] <= start
        and _NAME_TO_LINE.search(text, c[1], start) is not None
        and _BRACKET_BEFORE.search(text, max(0, c[0] - 3), c[0]) is not None
        for c in candidates
    )


# Round 46 part B: a number all of zeros ("passport number 'AB000000'", "SIN 000 000 000") is a form's sample, no one's.
_ZERO_KINDS = frozenset(("PASSPORT", "APPLICATION_NUMBER", "CLIENT_ID", "SIN", "CREDIT_CARD"))
_COMPANY_PLACES = frozenset(("québec", "quebec", "canada", "ontario"))  # a numbered company's (see numbered_company)


# ... said to be one: a client who types "Numero de demande W000000000" gives a number (a writer's stand-in for theirs:
# the own-file cue needs it masked), a guide's "passport no. XY000000 as an example" does not (round 48 part C: the word
# after an elided article too, "l'exemple du site").
_SAMPLE_WORD = re.compile(
    r"(?<![\w-])(?:example|exemple|e\.g\.|eg|ex[.:]|sample|specimen|sp[ée]cimen|template|mod[èe]le|placeholder|dummy"
    r"|fictif|fictive|fictitious|format)(?![\w'’-])",
    re.IGNORECASE,
)


# Round 47 part C: or right after a word that gives an instance ("the form says application number like E000000000",
# "le formulaire demande un numéro genre E000000000", "write your SIN like 123-456-789"): the form's sample. Its digits
# must be a stand-in's, all zeros or counting up from 1 ("123 456 789"), which no one's number is.
_LIKE_BEFORE = re.compile(
    r"(?<![\w'’-])(?:like|genre|comme|such[ \t]+as|say|style|type|i\.e\.)[ \t]*[:\"'«“‘(]?[ \t]*\Z", re.IGNORECASE
)
_COUNTING = "1234567890"


def _zeros_only(text: str, candidate: Candidate) -> bool:
    """Whether `candidate` is an identifier whose digits (five or more) are all zeros, with a word that says it is a
    sample within 80 characters of it; or whose digits are all zeros or count up from 1, right after "like"."""
    if candidate[2] not in _ZERO_KINDS:
        return False
    digits = "".join(ch for ch in text[candidate[0] : candidate[1]] if ch.isdigit())
    if len(digits) < 5:
        return False
    zeros = set(digits) == {"0"}
    counting = len(digits) >= 8 and _COUNTING.startswith(digits)
    # round 48 part C: or the agency's zeros, then counting up from 1 ("E001234567", "W000123456"): a stand-in too,
    # when a word says it is a sample ("the example on the site says E001234567"); "like" before it as for counting
    padded = len(digits) >= 8 and digits[0] == "0" and len(digits.lstrip("0")) >= 5 and _COUNTING.startswith(digits.lstrip("0"))
    if not zeros and not counting and not padded:
        return False
    before = candidate[0]
    while before > 0 and (text[before - 1].isalpha() or text[before - 1] in "-<"):
        before -= 1  # the number's letters ("E000000000"): the word before them
    if _LIKE_BEFORE.search(text[max(0, before - 30) : before]) is not None:
        return True
    return (zeros or padded) and _SAMPLE_WORD.search(text, max(0, candidate[0] - 80), candidate[1] + 80) is not None


# Round 46 part B: an identifier's digits written again in another grouping ("the uci on my permit is 11-0056-7788 but
# my COPR has 1100567788"): the same value, the same type.
_AGAIN_KINDS = frozenset(("APPLICATION_NUMBER", "CLIENT_ID", "SIN", "CREDIT_CARD"))


def _same_digits_again(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """`candidates`, and each other writing of an identifier's digits (eight or more; dashes and blanks between them
    aside) that no candidate covers, typed as that identifier."""
    more: list[Candidate] = []
    seen: set[str] = set()
    for start, end, kind, priority in candidates:
        if kind not in _AGAIN_KINDS:
            continue
        digits = "".join(ch for ch in text[start:end] if "0" <= ch <= "9")
        if len(digits) < 8 or digits in seen:
            continue
        seen.add(digits)
        again = re.compile(r"(?<![\w-])" + "[ -]?".join(digits) + r"(?![\w]|[ -][0-9])")
        for m in again.finditer(text):
            if not any(c[0] < m.end() and m.start() < c[1] for c in candidates + more):
                more.append((m.start(), m.end(), kind, priority))
    return candidates + more if more else candidates


# Round 41 part B: a move from one address to the next ("on déménage du 3445 rue Ontario Est app 2 au 2280 av.
# Bennett", "we're moving from 12 Oak St to 48 Pine Ave"): when the first is the client's, the second is too, whatever
# the owner model reads around it.
_FROM_BEFORE = re.compile(r"(?<![\w'’-])(?:from|du|de|d['’]|depuis)[ \t]*(?:the[ \t]+|le[ \t]+|l['’][ \t]?)?$", IGNORE_CASE)
_TO_BETWEEN = re.compile(r"[ \t]*+,?[ \t]*+(?:to|au|à|a|vers|into|jusqu['’]au)[ \t]+(?:the[ \t]+|le[ \t]+)?", IGNORE_CASE)


def _moved_to(text: str, spans: list[Span], kept: list[Span]) -> list[Span]:
    """`kept`, and the address moved to after a kept address moved from (see :data:`_FROM_BEFORE`)."""
    back = []
    for i, s in enumerate(spans):
        if s.type != "ADDRESS" or s in kept or i == 0:
            continue
        first = spans[i - 1]
        if (
            first.type == "ADDRESS"
            and first in kept
            and _TO_BETWEEN.fullmatch(text, first.end, s.start)
            and _FROM_BEFORE.search(text, max(0, first.start - 20), first.start)
        ):
            back.append(s)
    return sorted(kept + back, key=lambda s: s.start) if back else kept


# Round 41 part B: a building's door or gate code ("Code d'accès 4812B", "door code 4471#", "digicode 12A45", "buzzer
# 1502"): what the address tagger may read as a postal code, said with its word.
_DOOR_CODE = re.compile(
    r"(?<![\w'’-])(?:code[ \t]+(?:d['’][ \t]?acc[èe]s|de[ \t]+(?:la[ \t]+)?porte|porte|portail|immeuble|entr[ée]e)|digicode|interphone"
    r"|(?:door|gate|entry|access|building|lobby)[ \t]+code|buzzer|buzz)[ \t]*(?:is|est|c['’][ \t]?est|:|#)?[ \t]*$",
    IGNORE_CASE,
)


def _door_code(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is, or ends, a door code said with its word (see :data:`_DOOR_CODE`)."""
    first = next((i for i in range(start, end) if text[i].isdigit()), start)
    return _DOOR_CODE.search(text, max(0, first - 30), first) is not None


# Round 44 part B: a mission's line in a UCI's shape (Japan's, Mexico's 2-4-4): "the embassy in Tokyo number 03-5412-6200".
_MISSION_LINE_BEFORE = re.compile(
    r"(?<![\w'’-])(?:embassy|consulate|high[ \t]+commission|ambassade|consulat|embajada|consulado)"
    r"(?:[ \t]+(?:in|of|at|de|du|d['’]|à|en)[ \t]+(?:the[ \t]+)?[^\W\d_][\w'’-]*+)?[ \t]*+(?:phone[ \t]+)?"
    r"(?:number|no\.?|line|num[ée]ro|t[ée]l[ée]phone|phone|tel|t[ée]l)[ \t]*+(?:is|est|c['’][ \t]?est|:)?[ \t]*+\Z",
    IGNORE_CASE,
)
_SAID_MINE_AFTER = re.compile(r"[ \t]*+,?[ \t]*+(?:is|est|c['’][ \t]?est|=)[ \t]+(?:my|mon|ma|mine)(?![\w'’-])", IGNORE_CASE)
_PHONE_SHAPED_UCI = re.compile(r"0?[0-9]{1,2}-[0-9]{4}-[0-9]{4}")


def _mission_line(text: str, start: int, end: int) -> bool:
    """Whether the client ID's shape at start:end is a mission's line (see :data:`_MISSION_LINE_BEFORE`)."""
    return (
        _PHONE_SHAPED_UCI.fullmatch(text, start, end) is not None
        and _MISSION_LINE_BEFORE.search(text, max(0, start - 60), start) is not None
        and _SAID_MINE_AFTER.match(text, end) is None
    )


# Round 41 part B: what a number or an address looked up on a body's website or a map is (see contact.looked_up).
_LOOKED_UP_KINDS = frozenset(("PHONE", "ADDRESS", "POSTAL_CODE", "APPLICATION_NUMBER"))


# Round 41 part B: a foreign postal code found by its label or its place (priority POSTAL_AFTER_P) inside a longer
# candidate that would type their union: a passport's shape taking the label's letters ("Bogotá CP 110221" is no
# passport "CP 110221"), an address read from the code over a comma ("CEP 04538-132, Rua Funchal, 418 apto 71": the
# street starts after the code). The code stands alone, the longer candidate is cut after it or dropped.
_IDS_AROUND_CODES = frozenset(("PASSPORT", "APPLICATION_NUMBER", "CLIENT_ID"))
_AFTER_CODE = re.compile(r"[ \t]*,[ \t]*(?=[^\W\d_])")


def codes_apart(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """`candidates`, a longer one around a foreign postal code cut or dropped (see :data:`_IDS_AROUND_CODES`)."""
    codes = [(c[0], c[1]) for c in candidates if c[2] == "POSTAL_CODE" and c[3] >= POSTAL_AFTER_P]
    if not codes:
        return candidates
    out: list[Candidate] = []
    for c in candidates:
        start, end, kind, priority = c
        if kind in _IDS_AROUND_CODES and priority < POSTAL_AFTER_P:
            if any(start < s and e == end and text[start:s].strip().isalpha() for s, e in codes):
                continue
        elif kind == "ADDRESS":
            code = next(((s, e) for s, e in codes if s == start and e < end), None)
            if code is not None:
                after = _AFTER_CODE.match(text, code[1], end)
                if after is None:
                    continue
                c = (after.end(), end, kind, priority)
        out.append(c)
    return out


# Round 41 part B: a value written twice. (1) A number of an identifier's shape whose digits end a phone written with
# its country's code in the same message is that phone written locally ("my new # in Mexico 33-1987-4402, or +52 1
# 33 1987 4402"); (2) a number whose digits are those of a client ID, SIN, passport or application number just before
# it, "or" / "ou" / a slash between, is the same value regrouped ("IUC 0091 2873 44 ou 0091287344"), not a phone.
# (3) The UCI's own shape, two, four and four digits with dashes, after a file's generic word ("on a un dossier
# ensemble 11-2290-4413") stays a client ID: every such number in the sets is a UCI or a phone.
_TWICE_KINDS = frozenset(("CLIENT_ID", "SIN", "PASSPORT", "APPLICATION_NUMBER"))
# (round 48 part C: its blanks possessive: a value, 5,000 blanks and the same value took minutes)
_OR_BETWEEN = re.compile(r"[ \t]*+(?:,|/|\(|\b(?:or|ou|o|i\.e\.|soit|donc|so)\b)?[ \t]*+(?:(?:written|écrit|typed|sans|without)[^0-9]{0,25})?$", IGNORE_CASE)
_UCI_DASHED = re.compile(r"[0-9]{2}-[0-9]{4}-[0-9]{4}")


def same_value_twice(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """`candidates`, a value written twice typed once (see :data:`_TWICE_KINDS`)."""
    valued = [(c, "".join(ch for ch in text[c[0] : c[1]] if ch.isdigit())) for c in candidates]
    phones = [(c, d) for c, d in valued if c[2] == "PHONE" and "+" in text[max(0, c[0] - 1) : c[1]] and len(d) >= 10]
    uci_shapes = {(c[0], c[1]) for c in candidates if c[2] == "CLIENT_ID" and c[3] == ID_SHAPE_P}
    out: list[Candidate] = []
    for c, digits in valued:
        start, end, kind, priority = c
        if len(digits) >= 8:
            if kind in _TWICE_KINDS and any(
                len(d) > len(digits) and d.endswith(digits) and p[0] > end for p, d in phones
            ):
                c = (start, end, "PHONE", priority)
            elif kind == "PHONE" and "+" not in text[max(0, start - 1) : end]:
                first = next(
                    (
                        o
                        for o, d in valued
                        if o[2] in _TWICE_KINDS and d == digits and o[1] <= start
                        and _OR_BETWEEN.match(text[o[1] : start]) is not None
                    ),
                    None,
                )
                if first is not None:
                    c = (start, end, first[2], max(priority, first[3]))
            elif (
                kind == "APPLICATION_NUMBER"
                and priority == LABELLED_P
                and (start, end) in uci_shapes
                and _UCI_DASHED.fullmatch(text, start, end)
            ):
                continue
        out.append(c)
    if len(out) > 1:
        out = _old_one(text, out)
    return out


# Round 41 part B: a value said to be the old or the new one right after another value is the same kind of thing ("numéro
# changé : 4500622498 (l'ancien 55-9020-7145 ne marche plus)": the old phone, not a UCI), as many digits (±2).
_OLD_ONE_BEFORE = re.compile(
    r"[ \t]*(?:\(|,|;|\.|-|–|—)?[ \t]*(?:(?:the|my|mon|ma|le|la|l['’])[ \t]*)?(?:old|previous|former|new|ancien|ancienne|nouveau|nouvelle|vieux"
    r"|pr[ée]c[ée]dent|pr[ée]c[ée]dente)(?:[ \t]+(?:one|number|num[ée]ro|no\.?))?[ \t]*(?:is|was|est|[ée]tait|c['’][ \t]?est|c|:)?[ \t]*$",
    IGNORE_CASE,
)
_OLD_ONE_KINDS = frozenset(("PHONE", "CLIENT_ID", "SIN", "PASSPORT", "APPLICATION_NUMBER"))
# Round 53 part C: ... but a phone in its own groups, three, three and four digits with the area code and the exchange
# of a North American line, is no UCI's new number ("UCI 9981-0034, my new number is 403-617-2290": no UCI has that
# shape).
_NANP_GROUPED = re.compile(r"\(?[2-9][0-9]{2}\)?[ .-]?[2-9][0-9]{2}[ .-][0-9]{4}")


def _old_one(text: str, candidates: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    for c in candidates:
        before = [o for o in candidates if o[1] <= c[0] and o[2] in _OLD_ONE_KINDS]
        if c[2] in _OLD_ONE_KINDS and before:
            first = max(before, key=lambda o: (o[1], o[3]))
            if (
                first[2] in _OLD_ONE_KINDS
                and first[2] != c[2]
                and first[1] <= c[0] <= first[1] + 40
                and not (c[2] == "PHONE" and first[2] == "CLIENT_ID" and _NANP_GROUPED.fullmatch(text, c[0], c[1]))
                and _OLD_ONE_BEFORE.fullmatch(text, first[1], c[0])
                and abs(sum(ch.isdigit() for ch in text[first[0] : first[1]]) - sum(ch.isdigit() for ch in text[c[0] : c[1]])) <= 2
            ):
                c = (c[0], c[1], first[2], max(c[3], first[3]))
        out.append(c)
    return out


# Round 36 part B: the kinds a company's registration number is taken for ("SIREN 552 100 554" a SIN, "VAT ID
# ESB12345678" an application number, "business registration no. 220-81-62517" a phone).
_REGISTERED_KINDS = frozenset(
    ("PHONE", "SIN", "APPLICATION_NUMBER", "PASSPORT", "CLIENT_ID", "CREDIT_CARD", "POSTAL_CODE")
)


def _address_edges(text: str, spans: list[Span]) -> list[Span]:
    """`spans`, each address's edges moved (see places.address_edges), never over the span before or after."""
    out: list[Span] = []
    for i, s in enumerate(spans):
        if s.type == "ADDRESS":
            start, end = address_edges(text, s.start, s.end)
            if (start, end) != (s.start, s.end) and (
                (i + 1 == len(spans) or end <= spans[i + 1].start)
                and (not out or out[-1].end <= start)
                and end > start
            ):
                s = Span(start, end, s.type)
        out.append(s)
    return out


# Round 50 part C: a street named again in the message, its civic number and its name without the type ("we live at
# 12-340 Dufferin Street, the letter was sent to 340 Dufferin without the unit"): the same address.
_STREET_NAMED = re.compile(
    rf"(?:[0-9]{{1,5}}[ \t]*-[ \t]*)?([0-9]{{1,6}})[A-Za-z]?,?[ \t]+((?-i:[A-ZÀ-Þ])[\w'’-]+(?:[ \t]+(?-i:[A-ZÀ-Þ])[\w'’-]+)?)"
    rf"[ \t]+(?i:{STREET_TYPES_EN})\.?(?![\w'’-])"
)


def _street_again(text: str, spans: list[Span]) -> list[Span]:
    """`spans`, with the one address's civic number and street name written again elsewhere without the type (see
    :data:`_STREET_NAMED`)."""
    address = next(s for s in spans if s.type == "ADDRESS")
    named = _STREET_NAMED.match(text, address.start, address.end)
    if named is None or text.count(named.group(2)) < 2:
        return spans
    again = re.compile(rf"(?<![\w'’/-]){re.escape(named.group(1))}[ \t]+{re.escape(named.group(2))}(?![\w'’-])")
    more = [
        Span(m.start(), m.end(), "ADDRESS")
        for m in again.finditer(text)
        if not any(s.start < m.end() and m.start() < s.end for s in spans)
    ]
    return sorted(spans + more, key=lambda s: s.start) if more else spans


def _company_value(scan: Scan, candidate: Candidate) -> bool:
    start, end, kind = candidate[0], candidate[1], candidate[2]
    first = next(
        (i for i in range(start, end) if scan.text[i].isdigit()), start
    )  # the label inside it: "RC 123456"
    if kind in _REGISTERED_KINDS and (
        registration_number(scan.text, start, scan.words)
        or (
            first > start + 1
            and scan.text[first - 1] in " \t:#"
            and registration_number(scan.text, first, scan.words)
        )
    ):
        return True
    return kind in CONTACT_TYPES and company_detail(scan.text, start, end, kind, scan.words)


def _with_learned_names(text: str, spans: list[Span]) -> list[Span]:
    """`spans` and the names the CRF finds where they overlap nothing found. The tagger reads
    the text masked as the core masks it, as the next redaction of the redacted text will:
    redacting it again then changes nothing."""
    for _ in range(3):
        masked, stretches = _masked(text, spans)
        placeholders = [Span(m.start(), m.end(), m.group()[1:-1]) for m in PLACEHOLDER.finditer(masked)]
        more = [_unmask(span, stretches) for span in learned_names(masked, placeholders)]
        if not more:
            break
        spans = sorted(spans + more, key=lambda s: s.start)
    return spans


def _persons_only(text: str, spans: list[Span]) -> list[Span]:
    """`spans` without the PERSON spans that name a public figure, a place or a body (see
    people.not_a_person), and without a form's label word inside a name's span."""
    kept: list[Span] = []
    for span in spans:
        if span.type == "PERSON":
            start, end = without_labels(text, span.start, span.end)
            if start >= end or not_a_person(text, start, end):
                continue
            if (start, end) != (span.start, span.end):
                span = Span(start, end, "PERSON")
        kept.append(span)
    return kept


def _with_repeated_names(text: str, spans: list[Span]) -> list[Span]:
    """`spans` and the other occurrences of the names among them (see people.repeated_names)."""
    names = [(s.start, s.end) for s in spans if s.type == "PERSON"]
    more = [
        (s, e) for s, e in repeated_names(text, names) if not any(x.start < e and s < x.end for x in spans)
    ]
    if not more:
        return spans
    return sorted(spans + [Span(s, e, "PERSON") for s, e in more], key=lambda s: s.start)


# Round 39 part B: a value a keyboard or a phone's screen broke over two lines: a number's hyphen
# closing the first line and its digits going on ("carte 5191-7730-\n2284-6619", "+880-1911-\n557203",
# "2307-\n35 Charles St W"), or a passport's letters (and first digits) alone on their line, its
# digits on the next, after a passport word ("passport EJ\n4471902", "passeport\nL90\n44127").
# Round 42 part B: or opening the second line ("UCI: 1098\n-7734").
_HYPHEN_BREAK = re.compile(r"(?<=[0-9]-)[ \t]*\r?\n[ \t]*(?=[0-9])|(?<=[0-9])[ \t]*\r?\n[ \t]*(?=-[0-9])")
_PASSPORT_WORD = re.compile(r"\bpass(?:port|eport|e-port)", re.IGNORECASE)
_PASSPORT_BREAK = re.compile(r"(?:^|(?<=[\n ]))[A-Z]{1,2}[0-9]{0,3}(\r?\n)[0-9]{3,8}(?![^\W_])")


def split_value_breaks(text: str) -> list[int] | None:
    """The indexes of `text` kept when the line breaks inside a broken value are taken out
    (None when there is none): spans found in the joined text map back through them, and a
    span across a break keeps it (as the sets label it)."""
    dropped: set[int] = set()
    if "-" in text:
        for m in _HYPHEN_BREAK.finditer(text):
            dropped.update(range(m.start(), m.end()))
    if _PASSPORT_WORD.search(text):
        for m in _PASSPORT_BREAK.finditer(text):
            letters_digits = m.end() - m.start() - len(m.group(1))
            if 7 <= letters_digits <= 10 and m.start() > 0:
                dropped.update(range(m.start(1), m.end(1)))
    if not dropped:
        return None
    return [i for i in range(len(text)) if i not in dropped]


# Round 40 part B: an address whose civic number (or unit word) ends the label's line, the street on the next: "Adresse :
# 9545\nrue Jean-Talon Ouest", "Address: 9080\nOak Dr, Apt 664", "Address: Unit\n13, 2909 Lakeshore Blvd". The
# break is read as a space (the text keeps its length, so spans need no mapping; the span keeps the break, as the sets
# label it); only after an address's label, and only when the next line holds a street's type among its first words.
_STREET_TYPE_WORD = rf"(?i:{STREET_TYPES_EN}|{STREET_TYPES_FR})\.?(?![\w'’-])"
# Round 48 part C: after any home's words too ("I live at 1234\nMaple Street", "on demeure au 45\nrue ..."), a label
# misspelt or in the client's language ("adress", "indirizzo", "adres"); and a break inside the street's words, before
# its type ("new address 77 Birch\nCrescent") or after a French type ("mon adresse 1200 boul.\nRené-Lévesque O").
_BREAK_LABEL = (
    r"(?<![\w-])(?i:address|adress|adresse|addr|domicile|direcci[óo]n|endere[çc]o|indirizzo|adres|adresa"
    r"|(?:live|living|reside|residing|stay|staying)[ \t]+at|moved[ \t]+to|(?:habite|demeure|r[ée]side|reste)[ \t]+(?:au|à|a))"
    r"[ \t]*:?[ \t]*(?:(?i:is|est|c['’][ \t]?est)[ \t]*:?[ \t]*)?"
)
_STREET_TYPE_FR_WORD = rf"(?i:{STREET_TYPES_FR})\.?"
_ADDRESS_NUMBER_BREAK = re.compile(
    _BREAK_LABEL
    + r"(?:(?i:unit|apt|app|suite|unité|unite|bureau)(?P<unit>[ \t]*\n[ \t]*)[0-9]{1,5}[A-Za-z]?[ \t]*+,?[ \t]*+)?"
    r"[0-9]{1,6}[A-Za-z]?,?(?:(?P<civic>[ \t]*\n[ \t]*)"
    rf"(?=(?:[^\W\d_][\w'’.-]*[ \t]+){{0,3}}{_STREET_TYPE_WORD}"
    rf"|{_STREET_TYPE_WORD})"
    rf"|[ \t]+(?!{_STREET_TYPE_WORD})(?:[^\W\d_][\w'’.-]*[ \t]+){{0,2}}[^\W\d_][\w'’.-]*(?P<name>[ \t]*\n[ \t]*)"
    rf"(?=(?:[^\W\d_][\w'’.-]*[ \t]+){{0,2}}{_STREET_TYPE_WORD})"
    rf"|[ \t]+{_STREET_TYPE_FR_WORD}(?P<type>[ \t]*\n[ \t]*)(?=(?-i:[A-ZÀ-Þ])[\w'’-]*))"
    r"|(?<![\w-])(?i:address|adresse|addr|domicile)[ \t]*:?[ \t]*(?i:unit|apt|app|suite|unité|unite|bureau)"
    r"(?P<unit2>[ \t]*\n[ \t]*)(?=[0-9]{1,5}[A-Za-z]?[ \t]*,?[ \t]+[0-9]{1,6}[A-Za-z]?[ \t]+[^\W\d_])"
)


def address_line_breaks(text: str) -> str:
    """`text`, the line breaks inside an address after its label made spaces (see :data:`_ADDRESS_NUMBER_BREAK`)."""
    chars = None
    for m in _ADDRESS_NUMBER_BREAK.finditer(text):
        for group in ("unit", "civic", "name", "type", "unit2"):
            if m.group(group):
                chars = chars or list(text)
                for i in range(*m.span(group)):
                    if chars[i] == "\n":
                        chars[i] = " "
    return "".join(chars) if chars else text


# A letter "o" typed for a zero inside a number: "6o4-555-o187", "514-555-O199".
_OH_HINT = re.compile(r"[0-9][oO]|[oO][0-9]|[0-9]l[0-9]|(?<![\w'’-])l[0-9]")
# round 28: and an "l" typed for a one between two digits ("social insurance 9l2 345 678")
# (round 51 part C: right after an application's letter, "W3O 765 4321"; an "l" first before a digit, "uci l1-2233-4455")
_OH_NUMBER = re.compile(
    r"(?:(?<![^\W\d_])|(?<=(?<![\w'’-])[EWVS]))(?:[0-9oO]|l(?=[0-9]))"
    r"(?:[0-9oO]|(?<=[0-9])l(?=[0-9])|[ .-](?=[0-9oO]))*(?![^\W\d_])"
)


_GROUPED = re.compile(r"[0-9oO][ .-][0-9oO]")


def zeros_for_oh(text: str) -> str:
    """`text` with each "o" that stands for a zero in a long number written as "0", and each "l"
    between two of its digits as "1" (same length, so spans found in it are spans of `text`).
    A number needs at least seven real digits and at most three such letters ("room 1o4",
    "2o23" stay as they are)."""
    if _OH_HINT.search(text) is None:
        return text
    parts: list[str] = []
    cursor = 0
    for m in _OH_NUMBER.finditer(text):
        token = m.group()
        ohs = token.count("o") + token.count("O") + token.count("l")
        digits = sum(c.isdigit() for c in token)
        # (round 48 part B: an "O" first too, a digit after it, in a number typed in groups: the trunk's or a SIN's zero,
        # "O6 12 34 56 78", "O46 454 286"; not a DLI's own "O" before its eleven digits in one piece, "O19395677032")
        if (
            ohs
            and ohs <= 3
            and digits >= 7
            and (token[0] not in "oOl .-" or (token[0] in "oOl" and token[1:2].isdigit() and _GROUPED.search(token)))
            and (token[0] != "l" or digits >= 8)  # (round 51 part C: "l1-2233-4455", not a typo corrected after, "l234-5678?")
            # (round 51 part C: after an application's letter only in groups, "W3O 765 4321"; "W3O4815529" in one piece is
            # identifiers._APPLICATION_LETTER_O's)
            and (m.start() == 0 or not text[m.start() - 1].isalpha() or _GROUPED.search(token))
        ):
            parts.append(text[cursor : m.start()])
            parts.append(token.replace("o", "0").replace("O", "0").replace("l", "1"))
            cursor = m.end()
    if not parts:
        return text
    parts.append(text[cursor:])
    return "".join(parts)


@cache
def _plain_rules() -> PatternRedactor:
    return PatternRedactor(PatternsConfig(learned_names=False, learned_addresses=False))


# The address tagger asks the rules whether they know an address's shape (address_model.known_shape);
# handed over here, as it cannot import this module (which imports it) without a circle.
use_rules(lambda text: _plain_rules().rule_spans(text))
