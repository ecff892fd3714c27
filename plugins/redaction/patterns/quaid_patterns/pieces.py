"""Values typed in pieces or spelled in words, after their cue word: a UCI or a SIN spelled in words, given in two
named pieces, sent in pieces (one group a line, "..." or "then" between), and passports, cards, SINs and postal codes
dictated (moved from identifiers.py in round 44, part C)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .base import APPLICATION_P, CARD_P, IGNORE_CASE, LABELLED_P, quantity
from .checksums import agency_line, digits_of, is_year, nanp_valid
from .contact import _DIGIT_WORDS, _SPELLED_CONTEXT, _SPELLED_KEYS, _spelled_digits
from .identifiers import _CUED_CARD, _DATE_SHAPE, _STREET_NEXT, _TYPE_OF, _runs
from .scan import Candidate, Scan
from .vocabulary import wordset

# Round 18: a UCI or a SIN spelled in words by voice-to-text, after its label: "my uci is one one
# zero four five two eight eight three seven", "mon NAS c'est zéro quatre six ...": eight or ten
# digits (a UCI), nine (a SIN).
_SPOKEN_DIGITS = _DIGIT_WORDS  # the same words as a phone spelled out (contact.py)
# Round 20: or two digits at a time ("eleven twenty three forty five sixty seven"): a teen is two
# digits, a ten is two with the unit after it ("twenty three" 23) or without ("twenty" 20).
_SPOKEN_TEENS = {
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "thirteen": "13",
    "fourteen": "14",
    "fifteen": "15",
    "sixteen": "16",
    "seventeen": "17",
    "eighteen": "18",
    "nineteen": "19",
    "dix": "10",
    "onze": "11",
    "douze": "12",
    "treize": "13",
    "quatorze": "14",
    "quinze": "15",
    "seize": "16",
}
_SPOKEN_TENS = {
    "twenty": "2",
    "thirty": "3",
    "forty": "4",
    "fifty": "5",
    "sixty": "6",
    "seventy": "7",
    "eighty": "8",
    "ninety": "9",
    "vingt": "2",
    "trente": "3",
    "quarante": "4",
    "cinquante": "5",
    "soixante": "6",
}
_SPOKEN_DIGIT = "|".join(sorted([*_SPOKEN_DIGITS, *_SPOKEN_TEENS, *_SPOKEN_TENS], key=len, reverse=True))
# Round 24: the groups joined by a said dash ("one one five two dash eight eight zero three",
# "un un zero sept tiret huit deux deux neuf").
_SPOKEN_DASH = r"(?:[ \t]+(?:dash|hyphen|tiret|trait[ \t]+d['’]union))?"
# Round 44 part C: a digit said twice or three times ("double 5", "triple zéro", "double oh"); a group of three said as
# a hundred ("neuf cent douze", "five hundred twelve"), a French compound with its "et" ("soixante et onze") and
# "quatre-vingts": read by contact._spelled_digits.
_MULTIPLIERS = {"double": 2, "doublé": 2, "triple": 3, "triplé": 3}
_SPOKEN_MULTIPLIED = (
    r"(?:double|doubl[ée]|triple|tripl[ée])[ \t-]+(?:"
    + "|".join(sorted(_SPOKEN_DIGITS, key=len, reverse=True))
    + r"|[0-9])(?![\w'’])"
)
_SPOKEN_TOKEN = (
    rf"(?:{_SPOKEN_MULTIPLIED}|{_SPOKEN_DIGIT}|[0-9]{{1,4}}|cents?|hundred|vingts"
    r"|et(?=[ \t]+(?:un|onze)(?![\w'’])))"
)
_SPOKEN_NUMBER = re.compile(
    # digits typed among the words too, in groups of up to four: "my sin is 912 three three four 567"
    rf"(?<![\w'’-])(?:{_SPOKEN_MULTIPLIED}|{_SPOKEN_DIGIT}|[0-9]{{1,4}})"
    # (round 44 part C: or "..." and line breaks between the groups: "six four two ... three three eight ...")
    rf"(?:{_SPOKEN_DASH}(?:[ \t,…/-]|\.\.++|\r?\n)++{_SPOKEN_TOKEN}(?![\w'’])){{2,16}}",
    IGNORE_CASE,
)
_COMPOUND_WORDS = frozenset(("cent", "cents", "hundred", "vingts", "et"))
_SAID_DASH = re.compile(r"(?<!\w)(?:dash|hyphen|tiret|trait[ \t]+d['’]union)(?!\w)", IGNORE_CASE)


def _expanded(tokens: list[str]) -> tuple[list[str], bool]:
    """`tokens` with each digit said twice or three times written out ("double 5" 5 5), and whether one was."""
    out: list[str] = []
    times = 1
    for token in tokens:
        n = _MULTIPLIERS.get(token.lower())
        if n is not None:
            times = n
            continue
        out.extend([token] * times)
        times = 1
    return out, len(out) != len(tokens) - sum(1 for t in tokens if t.lower() in _MULTIPLIERS)


def _spoken_digits(tokens: list[str]) -> str:
    """The digits that `tokens` (digits and number words) spell."""
    digits: list[str] = []
    for i, token in enumerate(tokens):
        low = token.lower()
        if token.isdigit():
            if (
                i
                and tokens[i - 1].lower() in _SPOKEN_TENS
                and len(token) == 1
                and digits
                and digits[-1].endswith("0")
            ):
                digits[-1] = digits[-1][0] + token  # "twenty 3"
            else:
                digits.append(token)
        elif low in _SPOKEN_TEENS:
            digits.append(_SPOKEN_TEENS[low])
        elif low in _SPOKEN_TENS:
            digits.append(_SPOKEN_TENS[low] + "0")
        elif i and tokens[i - 1].lower() in _SPOKEN_TENS and low not in ("zero", "zéro", "oh"):
            digits[-1] = digits[-1][0] + _SPOKEN_DIGITS[low]  # "twenty three"
        else:
            digits.append(_SPOKEN_DIGITS[low])
    return "".join(digits)


_SPOKEN_LABEL = re.compile(
    r"(?<!\w)(?P<kind>uci|iuc|client\s+id|sin|nas|you\s+see\s+eye|u\s+c\s+i"
    # Round 27: the label in words: "numéro (de) client", "numéro d'assurance sociale", "social insurance number"
    r"|num[ée]ro\s+(?:de\s+)?client|client\s+(?:number|no)|num[ée]ro\s+d['’]\s?assurance\s+sociale|social\s+insurance)"
    r"(?:[ \t]+(?:number|no|num[ée]ro))?"
    # the label's owner or where it was read between: "numéro client de mon mari :", "the client id on the phone:"
    r"(?:[ \t]+(?:de|of|for|on|over|au)[ \t]+(?:(?:mon|ma|my|his|her|the|le|la|son|sa)[ \t]+)?[^\W\d_]+)?"
    # round 37 part B: "c" for "c'est" as texted ("mon IUC c zéro zéro, ...")
    r"[ \t]*(?:is|est|c['’]?\s?est|c|:)?[ \t]*(?:(?:le|la)[ \t]+)?$",
    IGNORE_CASE,
)
# Round 27: a file number read aloud, its letter then nine digits in words after a number's word
# ("mon numéro de dossier c'est E zéro zéro un, trois trois sept, ...", "it is E zero one two, ...");
# a phone number in words after its label ("mon numéro de téléphone c'est le cinq un quatre ...").
# (round 29 part B: the letter spelled for the listener first: "E as in echo zero one two ...")
_SPOKEN_LETTER = re.compile(  # (round 37 part B: or a file's letter in lower case, as dictation types it: "e zero zero one ...")
    r"(?<![\w'’-])([A-Z]|[ewvsbfxngh])(?:[ \t]+(?:as[ \t]+in|for|like|comme(?:[ \t]+dans)?|pour)[ \t]+[^\W\d_]{2,12})?[ \t,]+$"
)
_SPOKEN_FILE_BEFORE = re.compile(
    # (round 45 part C: "app", "app no is B 000 two two seven 914")
    r"(?<!\w)(?:num[ée]ro|number|dossier|file|application|app|demande)(?![\w])[^\n]{0,40}$", IGNORE_CASE
)
# Round 45 part C: ... or its letter and first digits typed, glued, then the rest said ("app number E00 three nine one
# 8824", "ma demande E00 deux sept 1 4 4 9 0", "app W30 9 sept 2 1 1 4 0").
_SPOKEN_FILE_HEAD = re.compile(r"(?<![\w'’.-])(?:[EWVSBFXNGH]|[ewvsbfxngh])(?P<d>[0-9]{1,5})[ \t]+$")
_SPOKEN_PHONE_LABEL = re.compile(
    # (round 45 part C: "tel" alone, "yo tel 873 555 zero 2 4 1")
    r"(?<!\w)(?:num[ée]ro\s+de\s+(?:t[ée]l[ée]phone|t[ée]l|cellulaire|cell)|phone(?:\s+number)?|t[ée]l[ée]phone|cell|t[ée]l\.?)"
    # (round 44 part C: its owner after it: "le numéro de téléphone de ma mère c'est le ...", "the phone of my son is")
    r"(?:[ \t]+(?:de|of|du|d['’])[ \t]*(?:(?:mon|ma|my|his|her|the|le|la|son|sa)[ \t]+)?"
    r"(?!(?:bureau|office|agence|agency|ircc|cic|service|clinic|clinique|school|[ée]cole|ambassade|embassy)(?![\w'’]))[^\W\d_]+)?"
    r"[ \t]*(?:is|est|c['’]?\s?est|:)?[ \t]*(?:(?:le|au)[ \t]+)?$",
    IGNORE_CASE,
)
# (round 44 part C: the words of a phone said with a digit doubled, before it or after it)
_PHONE_SAID_BEFORE = re.compile(
    r"(?<![\w'’])(?:ring|reach|whatsapp|joindre|mobile)(?![\w'’])[^.!?\n0-9]{0,20}\Z", IGNORE_CASE
)
_PHONE_SAID_AFTER = re.compile(
    r"[ \t,;:—–-]*+(?:(?:that['’]?s|that[ \t]++is|it['’]?s|is|c['’]?[ \t]?est)[ \t]++)?(?:(?:my|mon|his|her|son|sa)[ \t]++)?"
    r"(?:[^\W\d_]{2,8}[ \t]++)?(?:mobile|cell|phone|number|num[ée]ro|portable|cellulaire)(?![\w'’])",
    IGNORE_CASE,
)
_SPOKEN_KEYS = wordset(
    "uci iuc client sin nas eye c assurance insurance numéro numero number dossier file phone téléphone telephone cell"
    # round 37 part B: the labels of dictated_numbers (the gate reads these words with the number words)
    " passport passeport pp card carte credit crédit zip postal postcode code mastercard"
    # round 44 part C: a phone said with a digit doubled
    " ring reach whatsapp joindre mobile"
    # round 45 part C: a file's words ("app number E00 three nine one 8824"), "tel"
    " app application demande tel tél"
)
_SPOKEN_WORDS = wordset(" ".join([*_SPOKEN_DIGITS, *_SPOKEN_TEENS, *_SPOKEN_TENS, *_MULTIPLIERS, "cent", "hundred"]))


def _typed_digits(tokens: list[str]) -> str:
    """The digits typed before the first word of `tokens`."""
    out = []
    for t in tokens:
        if not t.isdigit():
            break
        out.append(t)
    return "".join(out)


def _whole_edge(edges: tuple[str, str], lengths: tuple[int, ...]) -> bool:
    """Whether the digits typed at either end (see :func:`spelled_ids`) make a whole value of `lengths` alone."""
    return any(len(edge) in lengths for edge in edges)


def _spoken_groups(text: str) -> Iterator[list[re.Match[str]]]:
    """The numbers said in words, each with the pieces that words join to it (round 44 part C: "my sin is six four two
    then three three eight then one zero nine", one span a piece)."""
    found = list(_SPOKEN_NUMBER.finditer(text))
    i = 0
    while i < len(found):
        group = [found[i]]
        while (
            i + 1 < len(found)
            and found[i + 1].start() - group[-1].end() <= _PIECE_GAP_LONGEST
            and _PIECE_GAP.fullmatch(text, group[-1].end(), found[i + 1].start())
        ):
            i += 1
            group.append(found[i])
        i += 1
        yield group


def _spans(group: list[re.Match[str]], start: int, kind: str, priority: int) -> Iterator[Candidate]:
    """One span a piece of `group`, the first from `start`."""
    for k, m in enumerate(group):
        yield (start if k == 0 else m.start()), m.end(), kind, priority


def spelled_ids(scan: Scan) -> Iterator[Candidate]:
    """Client IDs and SINs spelled in words, right after their label."""
    if (_SPOKEN_KEYS.isdisjoint(scan.words) and _SPELLED_KEYS.isdisjoint(scan.words)) or _SPOKEN_WORDS.isdisjoint(
        scan.words
    ):
        return
    for group in _spoken_groups(scan.text):
        found = list(_spelled_group(scan, group))
        if not found and len(group) > 1:  # pieces joined by words that make no value: each on its own
            found = [c for m in group for c in _spelled_group(scan, [m])]
        yield from found


def _spelled_group(scan: Scan, group: list[re.Match[str]]) -> Iterator[Candidate]:
    """The value that the numbers said in words of `group` make, one span a piece (see :func:`spelled_ids`)."""
    text = scan.text
    start, end = group[0].start(), group[-1].end()
    said = re.findall(r"[^\s,.…/-]+", _SAID_DASH.sub(" ", " ".join(g.group() for g in group)))
    tokens, multiplied = _expanded(said)
    words = sum(1 for t in said if not t.isdigit())
    if not words:
        return  # digits alone are the other recognizers'
    # round 44 part C: one or two digit words among typed digits ("my uci is 1104 55 eight 2", "my cell is 514 555 oh
    # 199"), when the digits typed before the first word or after the last do not make the whole value alone (not
    # "uci 1104 5582 forty ...")
    edges = (_typed_digits(said), _typed_digits(said[::-1])) if words < 3 and not multiplied else ("", "")
    # the two readings: digit by digit, two at a time ("eleven twenty three"), and the French compounds said whole
    # ("soixante-dix-sept" 77, "quatre-vingt-deux" 82, round 37 part B; "neuf cent douze", "soixante et onze")
    spelled = _spelled_digits(tokens) or ""
    readings = (spelled,) if any(t.lower() in _COMPOUND_WORDS for t in tokens) else (_spoken_digits(tokens), spelled)

    def reading(lengths: tuple[int, ...], readings: tuple[str, ...] = readings) -> str:
        """The first reading of `lengths` ('' when none is)."""
        return next((r for r in readings if len(r) in lengths), "")

    label = _SPOKEN_LABEL.search(text, max(0, start - 60), start)
    if label is None:
        letter = _SPOKEN_LETTER.search(text, max(0, start - 30), start)
        head = _SPOKEN_FILE_HEAD.search(text, max(0, start - 12), start)
        digits = reading((10, 11))
        if (
            head
            and reading(tuple(n - len(head.group("d")) for n in (9, 10)))
            and _SPOKEN_FILE_BEFORE.search(text, max(0, head.start() - 60), head.start())
        ):
            yield from _spans(group, head.start(), "APPLICATION_NUMBER", APPLICATION_P)
        elif (
            letter
            and reading((9, 10))
            and not _whole_edge(edges, (9, 10))
            and _SPOKEN_FILE_BEFORE.search(text, max(0, letter.start() - 60), letter.start())
        ):
            yield from _spans(group, letter.start(1), "APPLICATION_NUMBER", APPLICATION_P)  # over a phone's words
        elif digits and not _whole_edge(edges, (10, 11)) and (
            _SPOKEN_PHONE_LABEL.search(text, max(0, start - 40), start)
            # round 44 part C: a phone said with a digit doubled ("call me at four one six, double 5, ...", "ring me
            # on oh seven seven ..., nine double oh, ... that's my mobile"), a North American number or one that a
            # trunk prefix's 0 opens, a phone's word before it or after it
            or (
                multiplied
                and (nanp_valid(digits) or digits[0] == "0")
                and (
                    _SPELLED_CONTEXT.search(text, max(0, start - 40), start)
                    or _PHONE_SAID_BEFORE.search(text, max(0, start - 40), start)
                    or _PHONE_SAID_AFTER.match(text, end)
                )
            )
        ):
            yield from _spans(group, start, "PHONE", LABELLED_P)
        return
    kind = label.group("kind").lower()
    kind = "SIN" if kind in ("sin", "nas") or "assurance" in kind or "insurance" in kind else "CLIENT_ID"
    lengths = (9,) if kind == "SIN" else (8, 10)
    if reading(lengths) and not _whole_edge(edges, lengths):
        # the label said: over a phone's words ("client id on the phone:")
        yield from _spans(group, start, kind, APPLICATION_P)


# Round 19: a SIN or a UCI sent in two pieces, each said as such after the label: "SIN first part
# is 472 and the rest is 118 903", "my UCI starts with 1109 and ends with 3372", "mon NAS commence
# par 472 et finit par 118 903". Both pieces are masked when their digits make the whole
# number's length (a SIN's nine, a UCI's eight or ten); a lone "ends with 3372" is left, as a
# card's last four digits are.
_SPLIT_LABEL = re.compile(r"(?<!\w)(?P<kind>sin|nas|uci|iuc|client\s+id)(?!\w)", IGNORE_CASE)
_PIECE_VERB_ONLY = r"(?:[ \t]+(?:is|are|was|est|c['’]?[ \t]?est|sont|would\s+be))?[ \t]*:?[ \t]*"
_PIECE_VERB = r"(?:[ \t]+(?:is|are|was|est|c['’]?[ \t]?est|sont|would\s+be))?[ \t]*:?[ \t]*$"
_FIRST_PIECE = re.compile(
    r"(?<!\w)(?:first(?:[ \t]+(?:part|half|piece|bit|(?:[0-9]|three|four|five)[ \t]+digits?))?|starts?[ \t]+with|begins?[ \t]+with"
    r"|premi[eè]re?s?(?:[ \t]+(?:partie|moiti[ée]|(?:[0-9]|trois|quatre|cinq)[ \t]+chiffres?))?|commence[ \t]+par|d[ée]bute[ \t]+par)"
    + _PIECE_VERB,
    IGNORE_CASE,
)
_LAST_PIECE = re.compile(
    r"(?<!\w)(?:rest|remainder|ends?[ \t]+with|last(?:[ \t]+(?:part|half|piece|bit|(?:(?:[0-9]|three|four|five|six)[ \t]+)?digits?))?"
    r"|second(?:[ \t]+(?:part|half|piece))?|reste|suite|finit[ \t]+par|(?:se[ \t]+)?termine[ \t]+par"
    r"|derni[eè]re?s?(?:[ \t]+(?:partie|moiti[ée]|(?:(?:[0-9]|trois|quatre|cinq|six)[ \t]+)?chiffres?))?"
    r"|deuxi[eè]me(?:[ \t]+(?:partie|moiti[ée]))?)" + _PIECE_VERB,
    IGNORE_CASE,
)
# "the last 4 digits are", "les 6 derniers chiffres": a count, not a piece
_DIGITS_WORD = r"[ \t]+(?:(?:premiers|derniers)[ \t]+)?(?:digits?|chiffres?)(?!\w)"
_HOW_MANY_DIGITS = re.compile(_DIGITS_WORD, IGNORE_CASE)
_COUNT_OF_DIGITS = re.compile(rf"(?<![0-9])[0-9]{{1,2}}(?={_DIGITS_WORD})", IGNORE_CASE)
# the first piece named before the label: "the first 3 digits of my SIN are", "les 3 premiers chiffres de mon NAS sont"
_FIRST_BEFORE = re.compile(
    r"(?<!\w)(?:first(?:[ \t]+(?:[0-9]|three|four|five))?[ \t]+(?:digits?|part|half)"
    r"|(?:(?:[0-9]|trois|quatre|cinq)[ \t]+)?premi[eè]re?s?[ \t]+(?:chiffres?|partie|moiti[ée])"
    r"|(?:premi[eè]re?s?|d[ée]but)[ \t]+(?:partie|moiti[ée]))"
    r"[ \t]+(?:of|de|du|d['’])[ \t]*(?:(?:my|mon|ma|the|le|la|l['’])[ \t]*)?$",
    IGNORE_CASE,
)
_ONLY_VERB = re.compile(_PIECE_VERB_ONLY, IGNORE_CASE)
_SPLIT_KEYS = wordset("sin nas uci iuc client")
_PIECE_KEYS = wordset(
    "first starts start begins begin premier premiers première premiere premières premieres commence débute debute"
)
_SPLIT_LENGTHS = {"SIN": (9,), "CLIENT_ID": (8, 10)}


def split_ids(scan: Scan) -> Iterator[Candidate]:
    """A SIN or a UCI given in two pieces after its label, each piece named as such."""
    if scan.digits < 8 or _SPLIT_KEYS.isdisjoint(scan.words) or _PIECE_KEYS.isdisjoint(scan.words):
        return
    text = scan.text
    runs = _runs(scan)
    for label in _SPLIT_LABEL.finditer(text):
        after = [(s, e) for s, e, _ in runs if s >= label.end() and not _HOW_MANY_DIGITS.match(text, e)][:2]
        if len(after) < 2:
            continue
        (s1, e1), (s2, e2) = after
        between = _COUNT_OF_DIGITS.sub("n", text[label.end() : s1] + " " + text[e1:s2])
        if any(c in "!?\n" or c.isdigit() for c in between) or s1 - label.end() > 40 or s2 - e1 > 50:
            continue
        named_first = _FIRST_PIECE.search(text, label.end(), s1) or (
            _FIRST_BEFORE.search(text, max(0, label.start() - 40), label.start())
            and _ONLY_VERB.fullmatch(text, label.end(), s1)
        )
        if not named_first or _LAST_PIECE.search(text, e1, s2) is None:
            continue
        first, second = digits_of(text[s1:e1]), digits_of(text[s2:e2])
        kind = "SIN" if label.group("kind").lower() in ("sin", "nas") else "CLIENT_ID"
        if min(len(first), len(second)) >= 2 and len(first) + len(second) in _SPLIT_LENGTHS[kind]:
            yield s1, e1, kind, LABELLED_P
            yield s2, e2, kind, LABELLED_P


# Round 42 part B: a value sent in pieces after its cue word, as a night's chat sends it: one group a line ("my cell is
# 438\n291\n7736"), "..." or "…" between ("mon nas est 9 0 2 ... 4 4 1 ... 6 7 3"), "then", "and then", "et", "puis",
# "wait", "sorry" between ("uci 1187 then 6620", "app number is E0012 and then 84419", "mon uci c 11-03... attendez...
# 22-7488"); or a run whose groups are set apart by spaced dashes or slashes ("SIN 7 21 - 4 08 - 3 19", "carte 4 5 1 0 /
# 2 2 9 8 / ..."). The nearest cue word before the first piece says the kind, and the pieces' digits together must
# make that kind's whole shape: a phone's ten (eleven after a 1), a SIN's nine, a UCI's eight or ten, one letter and
# nine or ten for a file or an application, one or two letters and six to eight for a passport, fifteen or sixteen
# for a card. A run with no break is one span. Round 44 part C (the convention settled): pieces joined only by blanks,
# line breaks, dots, dashes, slashes or ellipses are one span, from the first piece's first character to the last's
# last ("my cell is 438\n291\n7736", "mon nas est 9 0 2 ... 4 4 1 ... 6 7 3", "E30\n1234567"); pieces joined by words
# ("then", "et", "puis", "wait", a remark in brackets) are one span a piece ("uci 1187 then 6620"). Fees, dates, times and counts carry no cue of these kinds or not the shape.
_PIECE = re.compile(
    # (not after a lone dot, a decimal's; after "..." it is a piece: "642...338...109")
    # (a file's letter glued to its digits, "E0012", or set apart, "W 30"; not "A" nor "I")
    # (round 44 part C: or an area code in brackets, "my cell (514)\n555\n0199")
    # (round 45 part C: or a passport's two capitals set apart, "passport\nAB 12\n34567")
    r"(?<![\w$€£@+/,:#\]-])(?<![^.]\.)"
    r"(?:\([0-9]{3}\)(?:[ \t]++[0-9]++(?:(?:[ \t]*+[-–—/][ \t]*+|,?[ \t]++)[0-9]++)*+)?"
    r"|(?:[A-Za-z]{1,2}(?=[0-9])|(?![AI][ \t])[A-Z]{1,2}[ \t](?=[0-9]))?[0-9]++(?:(?:[ \t]*+[-–—/][ \t]*+|,?[ \t]++)[0-9]++)*+)"
    r"(?![\w\[]|[.,:/][0-9]|[ \t]*+[-–—/][ \t]*+[0-9])"
)
# What may stand between two pieces: a line break, dots, and a few words of waiting or going on.
_PIECE_FILLERS = (
    r"then|and|et|puis|ensuite|wait|attendez|attends|attend|sorry|pardon|oops|oups|dsl|d[ée]sol[ée]e?|ok|okay|hmm+|euh"
    r"|uh|um|the[ \t]+rest|rest|le[ \t]+reste|reste|next|apr[èe]s|after|continued|suite|ensuite"
    # round 44 part C: Québec's "pis", a pause, a laugh; "the rest is", "le reste c'est"
    r"|pis|hold[ \t]+on|hang[ \t]+on|one[ \t]+sec|sec|lol|mdr|bref|is|are|est|c['’]?[ \t]?est"
)
# (round 44 part C: or a remark in brackets, words only: "uci 1104 (first part) 5582", "mon cell 514 (cell) 772 0931")
_PIECE_REMARK = r"\([^\W\d_][^()\n0-9]{0,28}\)"
_PIECE_GAP = re.compile(
    rf"(?:[ \t]*+(?:\r?\n|\.{{2,}}|\.(?=[ \t]*+\r?\n)|…|--|[-–—&,:](?=[ \t])|{_PIECE_REMARK}|(?<![\w'’])(?i:{_PIECE_FILLERS})(?![\w'’]))[ \t]*+)++"
)
_PIECE_HINT = re.compile(
    # (round 45 part C: or a double dash, "uci 1 1 3 4 -- 5 6 2 2")
    rf"[0-9](?:[ \t]*+(?:\.[ \t]*+)?\r?\n|[ \t]*+(?:\.\.|…|&[ \t]|--[ \t]*+[0-9]|{_PIECE_REMARK}[ \t]*+[0-9])"
    rf"|,?[ \t]++(?:[-–—&][ \t]++)?(?i:{_PIECE_FILLERS})(?![\w'’]))"
)
# (round 44 part C: or by slashes without blanks, "cell: 514/555/0199", a date's shape left out)
_SLASHED = re.compile(r"[0-9]/[0-9]")
_SPACED_APART = re.compile(r"[ \t][-–—/]|[-–—/][ \t]|–|—|[0-9],[ \t]|[0-9]/[0-9]")
_PIECE_KINDS = frozenset(("PHONE", "SIN", "CLIENT_ID", "APPLICATION_NUMBER", "DOCUMENT", "PASSPORT", "CREDIT_CARD", "NOT_ID"))
_PIECE_GAP_LONGEST = 40
# round 44 part C: what joins two pieces into one span (no word between them)
_SIGNS_ONLY = re.compile(r"[\s.…\-–—/]*+")
_LIST_ITEM = re.compile(r"[.)][ \t]")
_NANP_COUNTRY_BEFORE = re.compile(r"(?<![\w+])\+[ \t]?1[ \t]+\Z")


def _pieces_shape(kind: str, letters: str, digits: str) -> bool:
    """Whether `letters` then `digits`, the pieces put together, make a whole value of `kind`."""
    n = len(digits)
    if kind == "PHONE":
        return not letters and nanp_valid(digits) and not agency_line(digits[-10:])
    if kind == "SIN":
        return not letters and n == 9
    if kind == "CLIENT_ID":
        return not letters and n in (8, 10) and len(set(digits)) > 1
    if kind in ("APPLICATION_NUMBER", "DOCUMENT"):
        return len(letters) == 1 and n in (9, 10)
    if kind == "PASSPORT":
        return bool(letters) and 6 <= n <= 8
    if kind == "CREDIT_CARD":
        return not letters and n in (15, 16) and digits[0] in "3456"
    return False


# Round 44 part C: a file's letter typed apart from its digits, the digits one at a time or in groups with stray spaces
# ("Mon numéro de demande c W 3 0 7 1 2 5 9 9 8", "file w 300 123 456"): the letter is the number's too. One letter
# (in lower case only a file's own letters), nine or ten digits, a file's or an application's cue nearest.
_LETTER_APART = re.compile(
    # (round 45 part C: or glued to digits that stray spaces split, "app W30 7 65 4321", "demande E001 448 9 0 2")
    r"(?<![\w'’.-])(?:[A-Z]|[ewvsbfxngh])(?:[ \t]+|(?=[0-9]{1,5}[ \t][0-9]))(?P<d>[0-9](?:[ \t]?[0-9]){8,9})"
    r"(?![\w.,/-]?[0-9]|[ \t][0-9]|\w)"
)
_FILE_KINDS = frozenset(("APPLICATION_NUMBER", "DOCUMENT"))
_NOT_FILE_KINDS = frozenset(("PASSPORT", "NOT_ID", "CREDIT_CARD", "PHONE"))
# (or right after a file's word that is no context word of its own: "file w 300 123 456")
_FILE_WORD_BEFORE = re.compile(
    # (round 45 part C: or a number's word alone, "numero W 3 0 8 4 4 1 2 7 5"; "#", "# de demande")
    r"(?<![\w'’-])(?:(?:file|dossier|application|app|demande)(?:[ \t]+(?:number|nbr|num|no\.?|num[ée]ro|n[°º]|#))?"
    r"|num[ée]ro|number|nbr)[ \t]*"
    r"(?:is|est|c['’]?[ \t]?est|c|:|#)?[ \t]*\Z",
    IGNORE_CASE,
)


# ... and a passport's one or two letters typed apart, in lower case too ("passport no: hk 1234567", "mon passeport c'est
# le x 1234567"): six to eight digits, a passport's cue nearest; not a short word ("passport no 1234567").
_PASSPORT_APART = re.compile(
    # (round 45 part C: or two capitals typed apart, the digits one at a time: "G K 4 4 1 9 0 2", "ZH 4 4 0 1 9 8")
    # (or glued to digits that a blank splits: "pp# ab123 4567", "passport AB123 4567")
    r"(?<![\w'’.-])(?:(?:[A-Za-z]{1,2}|[A-Z][ \t][A-Z])[ \t]+|[A-Za-z]{1,2}(?=[0-9]{2,4}[ \t][0-9]))"
    r"(?P<d>[0-9](?:[ \t][0-9]){5,7}|[0-9]{2,4}[ \t]?[0-9]{3,4}|[0-9]{6,8})(?![\w.,/-]?[0-9]|[ \t][0-9]|\w)"
)
_LAST_LETTER = re.compile(r"[ \t][A-Z](?![\w'’.-])")
_NOT_PASSPORT_LETTERS = wordset(
    """a i y o no nr nb id is it in on at to of or my me we he be by do go so up us an as am if ok et ou le la de du un en
    au ma je tu il ne se ce sa ta mi mo pp"""
)


def _letters_apart(scan: Scan) -> Iterator[Candidate]:
    """A file's letter set apart from its digits (see :data:`_LETTER_APART`); a passport's letters likewise
    (:data:`_PASSPORT_APART`)."""
    text = scan.text
    for m in _PASSPORT_APART.finditer(text):
        letters = m.group()[: m.start("d") - m.start()].strip()
        if letters.lower().replace(" ", "").replace("\t", "") in _NOT_PASSPORT_LETTERS or not 6 <= len(digits_of(m.group("d"))) <= 8:
            continue
        if letters.isupper() and len(letters) == 1 and letters in "AI":
            continue
        kinds = scan.context(m.start("d"), m.end("d"), _PIECE_KINDS)
        if kinds and kinds[0] == "PASSPORT" and not quantity(text, m.start("d"), m.end("d")):
            end = m.end()
            if len(letters) == 1 and len(digits_of(m.group("d"))) == 7 and (last := _LAST_LETTER.match(text, end)):
                end = last.end()  # round 45 part C: the Philippines' letter, seven digits and letter ("P 3 3 9 8 1 2 0 A")
            yield m.start(), end, "PASSPORT", LABELLED_P
    for m in _LETTER_APART.finditer(text):
        if m.group()[0] in "AI" and m.group()[0] == text[m.start()]:
            continue  # "A" and "I" are words
        kinds = scan.context(m.start("d"), m.end("d"), _PIECE_KINDS)
        if quantity(text, m.start("d"), m.end("d")):
            continue
        if (kinds and kinds[0] in _FILE_KINDS) or (
            # (round 45 part C: the file's word right before outweighs a cue after, "app E001 9 9 2 0 6 4 uci ...")
            (not kinds or kinds[0] not in _NOT_FILE_KINDS)
            and _FILE_WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        ):
            yield m.start(), m.end(), "APPLICATION_NUMBER", APPLICATION_P


# Round 45 part C: the agency's file number under any capital, its digits opened by zeros as the agency prints them
# ("application numbers are C000612390 and C000612391", "une demande de carte RP en cours P000412835"), a file's cue
# nearest: identifiers skips a letter outside E, W, V, S, B, F, X, N, G, H after a generic cue ("it starts with an A,
# like A123456789"), which zeros after the letter do not open.
_AGENCY_ZEROS = re.compile(r"(?<![\w'’.-])[A-Z]00[0-9]{7,8}(?![\w-]|[.,/][0-9])")


def _agency_files(scan: Scan) -> Iterator[Candidate]:
    """The agency's file numbers under any capital (see :data:`_AGENCY_ZEROS`)."""
    for m in _AGENCY_ZEROS.finditer(scan.text):
        kinds = scan.context(m.start(), m.end(), _PIECE_KINDS)
        if kinds and kinds[0] in _FILE_KINDS:
            yield m.start(), m.end(), "APPLICATION_NUMBER", APPLICATION_P


def pieces(scan: Scan) -> Iterator[Candidate]:
    """A value sent in pieces after its cue word, each piece masked; a run with its groups set apart by spaced dashes
    or slashes, masked whole (see :data:`_PIECE`); a file's letter set apart from its digits (:data:`_LETTER_APART`);
    the agency's file number under any capital (:data:`_AGENCY_ZEROS`)."""
    if scan.digits >= 6:
        yield from _letters_apart(scan)
    if scan.digits >= 9 and "00" in scan.text:
        yield from _agency_files(scan)
    yield from _chains(scan)


def _chains(scan: Scan) -> Iterator[Candidate]:
    """The values sent in pieces (see :func:`pieces`)."""
    if scan.digits < 6:
        return
    text = scan.text
    chained = _PIECE_HINT.search(text) is not None
    if not chained and _SPACED_APART.search(text) is None:
        return
    found = list(_PIECE.finditer(text))
    i = 0
    while i < len(found):
        chain = [found[i]]
        while (
            chained
            and i + 1 < len(found)
            and found[i + 1].start() - chain[-1].end() <= _PIECE_GAP_LONGEST
            and _PIECE_GAP.fullmatch(text, chain[-1].end(), found[i + 1].start())
        ):
            i += 1
            chain.append(found[i])
        i += 1
        spans = _chain_spans(scan, chain)
        if not spans and len(chain) > 2:
            # round 44 part C: two values one after the other, words between ("uci 1104\n5582 and my wife's 2233\n4455"
            # is read as one chain): each stretch of pieces joined by signs only, on its own
            part = [chain[0]]
            for m in chain[1:]:
                if not _SIGNS_ONLY.fullmatch(text, part[-1].end(), m.start()):
                    spans.extend(_chain_spans(scan, part) if len(part) > 1 else [])
                    part = []
                part.append(m)
            spans.extend(_chain_spans(scan, part) if len(part) > 1 else [])
        yield from spans


def _chain_spans(scan: Scan, chain: list[re.Match[str]]) -> list[Candidate]:
    """The spans of a value sent in the pieces `chain`, or none."""
    text = scan.text
    if len(chain) == 1 and not _SPACED_APART.search(chain[0].group()):
        return []  # one run of plain groups: the other recognizers'
    if any(m.group()[0].isalpha() for m in chain[1:]) or any(quantity(text, m.start(), m.end()) for m in chain):
        return []
    if _STREET_NEXT.match(text, chain[-1].end()):
        return []  # round 47 part C: "UCI 1160-0021, 99 Victoria Rd": the last piece is the civic number of a street
    start = chain[0].start()
    window = text[max(0, start - 8) : start]
    before = window.rstrip(" \t")
    country = _NANP_COUNTRY_BEFORE.search(window)
    if country is not None:
        start += country.start() - len(window)  # "+1 514\n772\n0931": its country's code too
    elif before[-1:].isdigit() or before[-1:] == "+":
        return []  # "+52 1 55\n5555 1234": the tail of a number begun before, not its head
    if any(_LIST_ITEM.match(text, m.end()) and "\n" in text[max(0, m.start() - 3) : m.start()] for m in chain[1:]):
        return []  # "passport LP385108\n3. Fille: ...": a list's next item, no piece
    first = chain[0].group()
    letters = first[: len(first) - len(first.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))]
    digits = ("1" if country else "") + "".join(digits_of(m.group()) for m in chain)
    if len(chain) == 1 and _DATE_SHAPE.fullmatch(first):
        return []
    groups = re.findall(r"[0-9]+", first)
    if _SLASHED.search(first) and (any(len(g) < 3 for g in groups[1:]) or any(is_year(g) for g in groups)):
        return []  # "12/05/2024", "2019/2020": a date's or years' slashes, no pieces (a UCI's "08/5547/1067" is)
    kinds = scan.context(chain[0].start(), chain[0].end(), _PIECE_KINDS)
    if (not kinds or kinds[0] != "NOT_ID") and _pieces_shape("CREDIT_CARD", letters, digits) and _CUED_CARD.search(
        text, max(0, start - 40), start
    ):
        kinds = ["CREDIT_CARD"]  # "carte 4 5 1 0 / 2 2 9 8 / ...": a card word right before
    if (
        letters
        and (not kinds or kinds[0] not in _NOT_FILE_KINDS)
        and _FILE_WORD_BEFORE.search(text, max(0, start - 30), start)
    ):
        kinds = ["APPLICATION_NUMBER"]  # round 45 part C: "app E 0 0 1 - 6 6 2 - 7 3 0" (a UCI's cue before "app")
    if not kinds or kinds[0] == "NOT_ID":
        return []
    if letters and first[len(letters)] in " \t" and not _pieces_shape(kinds[0], letters, digits):
        letters, start = "", start + len(letters) + 1  # a letter set apart that is no part of a phone or a SIN
    if not _pieces_shape(kinds[0], letters, digits):
        return []
    if len(chain) > 1 and kinds[0] == "PASSPORT" and len(digits_of(first)) >= 6:
        return []  # the first piece a whole passport already: what follows is something else
    kind = _TYPE_OF.get(kinds[0], kinds[0])
    spans: list[Candidate] = []
    end = chain[0].end()
    for m in chain[1:]:
        if not _SIGNS_ONLY.fullmatch(text, end, m.start()):
            spans.append((start, end, kind, LABELLED_P))
            start = m.start()
        end = m.end()
    spans.append((start, end, kind, LABELLED_P))
    return spans


# Round 37 part B: numbers read out by dictation or copied from a photographed form, after their
# label, digits in words or one at a time, letters spaced: a passport's one or two letters then
# its digits ("passport number A B one two three ...", "passeport H Z quatre cinq ...", "the
# passport is P K 9 9 8 ..."), a card's fifteen or sixteen digits in words ("card five four one
# two, ..."), a SIN after its spelled label ("s i n is 9 1 2 ..."), a ZIP code in words ("my zip
# is nine zero two one zero") and a Canadian postal code with its digits in words after "code"
# or "postal" ("code h two v three k one").
_SAID_DIGIT = rf"(?:{_SPOKEN_DIGIT}|[0-9])"
# (round 44 part C: digits typed among the words in groups of up to four, a digit said twice or three times: "card four
# five one nine, 0301 2234 8876", "passport A B double 7 ...")
_SAID_GROUP = rf"(?:{_SPOKEN_MULTIPLIED}|{_SPOKEN_DIGIT}|[0-9]{{1,4}})"
_SAID_RUN = rf"{_SAID_GROUP}(?:[ \t]*+[,-]?[ \t]*+{_SAID_GROUP}(?![\w'’]))*"
_DICTATION_VERB = (
    r"(?:[ \t]+(?:number|no\.?|num[ée]ro|#))?[ \t]*+(?:(?:is|est|c['’]?[ \t]?est|c|:)[ \t]*+)?(?:(?:le|la)[ \t]+)?"
)
_DICTATED = re.compile(
    rf"(?<![\w'’])(?:(?P<pp>passport|passeport|pp)(?:[ \t]+(?:of|de|du)[ \t]+(?:my|mon|ma|his|her|son|sa)[ \t]+[^\W\d_]+)?{_DICTATION_VERB}"
    rf"(?P<ppv>[A-Za-z](?:[ \t]+[A-Za-z])?[ \t]+{_SAID_RUN})"
    # (round 45 part C: "mastercard 5500 two two 00 ...")
    rf"|(?P<card>(?:master[ \t]?)?card|carte|cr[ée]dit){_DICTATION_VERB}(?P<cardv>{_SAID_RUN})"
    rf"|(?P<sin>s[ .]i[ .]n|n[ .]a[ .]s)\.?{_DICTATION_VERB}(?P<sinv>{_SAID_RUN})"
    rf"|(?P<zip>zip(?:[ \t]+code)?){_DICTATION_VERB}(?P<zipv>{_SAID_RUN})"
    rf"|(?P<code>code(?:[ \t]+postal)?|postal(?:[ \t]+code)?|postcode){_DICTATION_VERB}"
    rf"(?P<codev>[ABCEGHJ-NPRSTVXYabceghj-nprstvxy][ \t]+{_SAID_DIGIT}[ \t]+[A-Za-z][ \t,]+{_SAID_DIGIT}[ \t]+[A-Za-z][ \t]+{_SAID_DIGIT}))"
    r"(?![\w'’])",
    IGNORE_CASE,
)
_DICTATED_KEYS = wordset(
    "passport passeport pp card carte credit crédit s n zip code postal postcode mastercard"
)  # s i n, n a s


def _said(value: str) -> tuple[str, str]:
    """The letters and the digits that a dictated value spells (digits None-safe: '' when it does not)."""
    tokens, _ = _expanded(re.findall(r"[^\s,-]+", value))
    letters = "".join(t for t in tokens if len(t) == 1 and t.isalpha())
    said = [t for t in tokens if not (len(t) == 1 and t.isalpha())]
    return letters, (_spelled_digits(said) or "") if said else ""


def dictated_numbers(scan: Scan) -> Iterator[Candidate]:
    """Passports, cards, SINs and postal codes dictated after their label (digits in words or spaced)."""
    if _DICTATED_KEYS.isdisjoint(scan.words):
        return
    for m in _DICTATED.finditer(scan.text):
        kind = next(k for k in ("pp", "card", "sin", "zip", "code") if m.group(k))
        start, end = m.span(kind + "v")
        letters, digits = _said(m.group(kind + "v"))
        words = sum(1 for t in re.findall(r"[^\s,-]+", m.group(kind + "v")) if not t.isdigit())
        if (
            kind == "pp"
            and 1 <= len(letters) <= 2
            and 6 <= len(digits) <= 8
            and len(letters) + len(digits) in (8, 9)
        ):
            yield start, end, "PASSPORT", LABELLED_P
        elif (
            # (round 45 part C: one or two words among typed groups too, "5500 two two 00 1144 7788")
            kind == "card" and not letters and len(digits) in (15, 16) and words >= 1 and digits[0] in "3456"
        ):
            # a card named right before and read out in words: its number, the check digit misheard or not
            yield start, end, "CREDIT_CARD", CARD_P
        elif kind == "sin" and not letters and len(digits) == 9:
            yield start, end, "SIN", LABELLED_P
        elif (kind == "zip" and not letters and len(digits) in (5, 9) and words >= 3) or (
            kind == "code" and len(letters) == 3 and len(digits) == 3 and words >= 1
        ):
            yield (
                start,
                end,
                "POSTAL_CODE",
                LABELLED_P,
            )  # a ZIP in words; a Canadian code, its digits in words
