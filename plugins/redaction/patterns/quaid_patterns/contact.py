"""E-mail addresses and phone numbers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import pairwise

import phonenumbers

from .base import EMAIL_P, FALLBACK_P, IGNORE_CASE, PHONE_P, SP, every, quantity
from .checksums import AGENCY_LINES, CANADIAN_AREA_CODES, agency_line, digits_of, nanp_valid
from .gazetteer import PLACES
from .offices import _ORG_KEYS as ORG_KEYS
from .offices import body_line, organisation_block, workplace_line
from .owner_model import _BODY as BODY_WORDS
from .scan import Candidate, Scan
from .vocabulary import wordset
from .worldphones import CITY_NAMES, hinted_regions, international_number, trunk_number

# ------------------------------------------------------------------------- e-mail

_EMAIL = re.compile(  # round 28: "@@" typed twice ("ali.benomar@@gmail.com")
    # (round 47 part B: a Chinese or Japanese keyboard's full stop, "nguyenthilan@gmail。com")
    # (round 48 part B: or the line broken after the "@", "fatou.sow@\nyahoo.fr")
    r"(?<![\w.+'%\]-])[\w.+'%-]*\w(?: ?\n[ \t]*| )?(?:@@|[@＠])(?: ?\n[ \t]*| )?(?:[^\W_](?:[\w-]*[^\W_])?[.．。｡])+"
    # (round 51 part B: not a mailbox's own name with a dot before its "+tag@" or "@", "reach me @ jo.tremblay+cic@...":
    # the handle's "@" then the address, not an address "me @ jo.tremblay")
    r"[A-Za-z]{2,24}(?![\w\[-]|[+@][\w.])"
)
# Round 48 part B: an address at a known mail host, its end left out in a hurry ("joe.smith@gmail", "awa.diop@yahoo thx").
_BARE_HOST = (
    r"(?i:gmail|hotmail|yahoo|outlook|icloud|protonmail|videotron|sympatico|ymail|rocketmail|googlemail|rediffmail|hanmail"
    r"|naver|yandex|gmx|laposte|wanadoo|aol|msn)"
)
_BARE_HOSTS = wordset(
    "gmail hotmail yahoo outlook icloud protonmail videotron sympatico ymail rocketmail googlemail rediffmail hanmail naver"
    " yandex gmx laposte wanadoo aol msn"
)
_EMAIL_NO_END = re.compile(rf"(?<![\w.+'%\]-])[\w.+'%-]*\w[@＠]{_BARE_HOST}(?![\w@\[-]|[.．。｡][^\W_])")
# ... or said with "at" ("priya.sharma at gmail"); or the account named by its host, the mailbox's name alone ("my gmail
# is priya.sharma88", "mon hotmail c'est awa_diop", "priya.sharma88 (gmail)"): a name with a dot, a digit or an underscore.
_LOCAL = r"(?=[\w.+'%-]*[^\W\d_])(?=[\w.+'%-]*[._0-9])[\w+'%-][\w.+'%-]*\w"
_EMAIL_HOST_SAID = re.compile(
    rf"(?<![\w.+'%\]@-])(?:(?P<local>{_LOCAL})[ \t]+(?i:at|arobase|arroba|chez)[ \t]+{_BARE_HOST}"
    rf"|(?P<local2>{_LOCAL})[ \t]*\({_BARE_HOST}\)"
    # round 53 part B: or its dots said too, the host's end left out ("jpmorales dot 77 at gmail", "k point diallo chez
    # yahoo"): three joints at most
    r"|(?P<local3>[\w+'%-][\w.+'%-]{0,30}(?:[ \t]+(?i:dot|point|punto|underscore|dash|tiret)[ \t]+"
    r"(?!(?i:is|was|est|of|de|du|des|the|le|la|les|and|et|at|chez|à|a|in|en)(?![\w.+'%-]))[\w+'%-][\w.+'%-]{0,30}){1,3})"
    rf"[ \t]+(?i:at|arobase|arroba|chez)[ \t]+{_BARE_HOST}(?![ \t]+(?i:dot|point|punto)(?!\w)))(?![\w@\[-]|[.．。｡][^\W_])"
)
_HOST_ACCOUNT = re.compile(
    rf"(?<![\w'’-])(?i:my|mon|ma|mi|meu|his|her|son|sa|their|leur)[ \t]+{_BARE_HOST}"
    r"(?:[ \t]+(?i:address|adresse|account|compte|id|email|e-mail|mail|courriel))?"
    r"[ \t]*(?i:is|est|es|c['’]?[ \t]?est|=|:)?[ \t]*"
    rf"({_LOCAL})(?![\w@\[-]|[.．。｡][^\W_])"
)
# Round 47 part B: a comma typed for the dot before the domain's end, a known mail host's ("ng.van.an@gmail,com").
_EMAIL_COMMA = re.compile(r"(?<![\w.+'%\]-])[\w.+'%-]*\w[@＠]([^\W_][\w-]*),[ \t]?([A-Za-z]{2,3})(?![\w\[-])")
# Spelled out to dodge filters: "ahmed dot khan at gmail dot com", "jean(at)gmail.com".
# French: "karim point benali arobase gmail point com".
_TLD_WORDS = """
com ca net org fr gouv gov edu info io co uk in ph ng be ch us me de it es ma dz tn sn ci cm
ht mx br cn au nz ae pk bd ir ru ua pl ro
jp kr tr eg et er so pe ve cu lk np af sy rw ke ug dj cd cg ml bj bf tg ne gn mr lb jo iq sa qa
kw om cl ar ec bo ng gh za tz mg mu vn th my sg id ph hk tw
"""
# French "chez" and "point", Spanish "arroba" and "punto", "(a)", "[at]", "{dot}"...
_LOCAL_NUMBER_WORD = (
    "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    "|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand"
)
_EMAIL_SPELLED = re.compile(
    r"(?<![\w.+\]-])((?:[\w.+-]*\w(?:\s+(?:dot|point|punto|underscore|dash|hyphen|tiret)\s+|\s*[(\[{<](?:dot|point|punto|\.)[)\]}>]\s*))*[\w.+-]*\w"
    # "pooja underscore verma 91 at gmail dot com": the digits said apart after a spelled joint
    r"(?:(?<=[^\W\d_])\s+[0-9]{1,4}(?=\s+(?:at|arobase?|arroba|chez)\s))?"
    # Round 24: or said in words: "minh dot nguyen ninety two at gmail dot com"
    rf"(?:(?<=[^\W\d_])(?:\s+(?:{_LOCAL_NUMBER_WORD})){{1,4}}(?=\s+(?:at|arobase?|arroba|chez)\s))?)\s*"
    # issue 14: the blanks before the joint are read once (the lookahead), those after it kept (possessive): linear
    # on "call me at" + 2,000 blanks (0.19 s -> 2 ms), the same matches
    r"(?=[(\[{<]|\s(?:at|arobase?|arroba|chez)\s)([(\[{<](?:at|a|arobase?|arroba)[)\]}>]|\s+(?:at|arobase?|arroba|chez)\s++)\s*+"
    r"((?:[^\W_][\w-]*\s*(?:\.|[(\[{<](?:dot|point|punto|\.)[)\]}>]|\s+(?:dot|point|punto)\s+)\s*)+"
    rf"(?:{'|'.join(_TLD_WORDS.split())}))(?![\w\]])",
    IGNORE_CASE,
)
_TLDS = wordset(_TLD_WORDS)
_HANDLE = re.compile(r"\s[@＠](?!\s)")
# Round 48 part B: the words of a sentence that stand before a mail host named alone ("fatou@yahoo.fr (pas @yahoo.com)",
# "it's on @gmail.com not @hotmail.com", "mon adresse est @outlook.fr"): no one's mailbox, the host's name.
_SENTENCE_WORDS = wordset("""
not no non pas ni nor and or et ou but mais the a an le la les un une des de du on at in en à a au aux sur with avec
without sans is est was était its it's c'est cest also aussi only seulement just juste plus y o con sin el los del
from de chez via by par to vers old new ancien ancienne nouveau nouvelle my mon ma mes your votre ton ta
""")
_MAIL_HOST_ONLY = re.compile(r"[@＠]+[^\W_][\w-]*(?:[.．。｡][A-Za-z]{2,24})+")
_MAIL_HOSTS = wordset("""
gmail hotmail yahoo outlook live icloud me msn aol protonmail proton videotron sympatico
bell rogers shaw telus cogeco eastlink mail yandex qq 163 gmx laposte orange free
ymail rocketmail googlemail rediffmail naver hanmail web libero sfr wanadoo zoho tutanota
fastmail inbox
""")


_SAID_DIGITS = re.compile(
    rf"\s+([0-9]{{1,4}}|(?:{_LOCAL_NUMBER_WORD})(?:\s+(?:{_LOCAL_NUMBER_WORD})){{0,3}})$", IGNORE_CASE
)
_JOINER_WORD = re.compile(r"\s(?:dot|point|punto|underscore|dash|hyphen|tiret)\s", IGNORE_CASE)
_AT_WORDS = wordset("at arobase arobas arroba chez")
_DOT_WORD = re.compile(r"(?<!\w)(?:dot|point|punto)(?!\w)", IGNORE_CASE)


# Spaces around the dots too, with a known mail host: "jp.santos @ gmail . com".
_EMAIL_SPACED = re.compile(
    # the user name typed letter by letter, with spaces: "d i n h . q u a n g @ gmail . com"
    # round 28: or words with spaces around their dots: "lucas . moreau @ videotron . ca"
    r"(?<![\w.+'%\]-])(?:(?:[\w+'%-](?: ?\. ?| ))+(?=[\w+'%-] ?@)|(?:[\w+'%-]+ \. )*[\w.+'%-]*)\w ?@ ?([^\W_][\w-]*) ?\. ?([A-Za-z]{2,24})(?: ?\. ?([A-Za-z]{2,3}))?(?![\w\[-])"
)


# A government department's mailbox, not a person's: "IRCC.DNA-NPR.IRCC@cic.gc.ca",
# "info@mifi.gouv.qc.ca" (a public address; "s.w@work.gc.ca", a person's, stays masked).
_GOVERNMENT_DOMAIN = re.compile(
    r"(?:^|\.)(?:gc\.ca|canada\.ca|gouv\.qc\.ca|gov\.[a-z]{2}\.ca|gnb\.ca)$", IGNORE_CASE
)
_MAILBOX_WORDS = wordset("""
info information contact questions enquiries inquiries renseignements noreply reply no donotreply
nepasrepondre repondre répondre notification notifications courriel
support soutien service services help helpdesk assistance enquiry inquiry
""")
# Round 31 part B: a mission abroad's mailbox is named by its town ("dakar@international.gc.ca"): a town's name
# at a government domain, with a diplomatic post named in the message.
_MISSION_WORDS = wordset("""
embassy embassies consulate consulat consulats ambassade ambassades commission haut-commissariat mission
""")


# Round 32 part B: a mission's service named with its town ("visa-cairo@", "immigration.dakar@").
_MISSION_SERVICES = wordset("""
visa visas immigration consular consulaire passport passeport passports citizenship citoyennete citoyenneté
info general generale
""")


def _public_mailbox(address: str, words: frozenset[str] = frozenset()) -> bool:
    local, _, domain = address.rpartition("@")
    if not _GOVERNMENT_DOMAIN.search(domain):
        return False
    if local.lower() in CITY_NAMES and not _MISSION_WORDS.isdisjoint(words):
        return True  # round 31 part B: "l'ambassade du Canada à Dakar? ... dakar@international.gc.ca"
    parts = [part.lower() for part in re.split(r"[._-]", local) if part]
    if (
        len(parts) > 1
        and all(part in CITY_NAMES or part in _MISSION_SERVICES for part in parts)
        and any(part in CITY_NAMES for part in parts)
        and any(part in _MISSION_SERVICES for part in parts)
    ):
        return True  # round 32 part B: "visa-cairo@international.gc.ca": a mission's service and its town
    if (
        domain.lower() == "international.gc.ca"
        and len(parts) > 1
        and not _MISSION_WORDS.isdisjoint(words)
        and any(part in _MISSION_SERVICES for part in parts)
        and all(part.isalpha() for part in parts)
    ):
        return True  # round 34 part B: "abudhabi-immigration@international.gc.ca": a service, its town in no list
    if re.search(r"[A-Z]{3}", local) and not any(c.islower() for c in local):
        return True  # "IRCC.DNA-NPR.IRCC": a department's acronyms
    # each word, also inside a camel-cased name: "ClientSupport-SoutienClient"
    return not _MAILBOX_WORDS.isdisjoint(
        w.lower() for w in re.findall(r"[A-Z]?[^\W\d_A-Z]+|[A-Z]+(?![^\W\d_A-Z])", local)
    )


# Round 30 part B: a business's or a school's role mailbox, not a person's: "email my employer at
# hr@mapleleafpacking.ca", "the school said write to admissions@seneca.ca" (the whole user name is a
# role, and a business, a school or a body is named before it in the sentence; never at a personal mail
# host, "info@gmail.com", nor said to be the client's: "my email address is info@presidio.site").
_ROLE_MAILBOX_WORDS = wordset("""
hr rh info contact contacts careers career jobs job emplois emploi recruiting recruitment recrutement
admissions admission registrar reception accueil office bureau admin administration payroll paie billing
accounts accounting comptabilite sales ventes hello bonjour support help helpdesk service services
noreply donotreply international students etudiants study immigration
soutien outreach communications media medias presse press operations
""")
_ROLE_PARTS = re.compile(r"[._-]")


_ROLE_OWNER_BEFORE = re.compile(
    r"\b(?:employer|employeur|company|compagnie|entreprise|business|boss|patron|school|[ée]cole|college|coll[èe]ge"
    r"|universit(?:y|é|e)|c[ée]gep|clinic|clinique|office|bureau|agency|agence|organi[sz]ation|organisme|hr|rh"
    r"|store|shop|magasin|hotel|h[ôo]tel|landlord|propri[ée]taire|church|[ée]glise|firm|cabinet|department|d[ée]partement"
    r"|their|leur|them|les|contact|workshop|atelier)\b[^.!?\n]{0,60}$",
    IGNORE_CASE,
)
# Round 45 part B: a role mailbox the writer wrote to or was written from is the organisation's: "i emailed info@... and
# support@...", "j'ai écrit à info@...", "l'adresse support@... m'a demandé"; a no-reply sender is never a person's
# ("noreply-ircc@...").
_WRITTEN_TO_BEFORE = re.compile(
    r"(?<![\w'’-])(?:e-?mailed|wrote[ \t]++to|written[ \t]++to|writing[ \t]++to|[ée]crit[ \t]++(?:à|a)|envoy[ée]e?s?[ \t]++(?:à|a)"
    r"|l['’][ \t]?adresse|the[ \t]++address"
    # round 50 part B: or written from it ("admissions wrote me from admissions@...", "an email from info@...", "m'a écrit
    # depuis rh@...")
    r"|(?:wrote|written|e-?mailed|replied|answered|(?:m['’]|nous)[ \t]*+(?:a|ont)[ \t]++(?:[ée]crit|r[ée]pondu))"
    r"(?:[ \t]++(?:to[ \t]++)?(?:me|us))?[ \t]++(?:from|de|depuis)"
    r"|(?:e-?mails?|messages?|courriels?|repl(?:y|ies)|letters?|answers?)[ \t]++from)"
    r"[ \t]*+:?[ \t]*+(?:[\w.+-]++@[\w.-]++[ \t]*+(?:,|and|et|or|ou)[ \t]*+)?\Z",
    IGNORE_CASE,
)
_NO_REPLY = re.compile(r"(?i:no[._-]?reply|do[._-]?not[._-]?reply|ne[._-]?pas[._-]?r[ée]pondre)(?![^._@-])")
_OWN_MAILBOX_BEFORE = re.compile(
    r"\b(?:my|mon|ma)[ \t]+(?:[\w-]+[ \t]+)?(?:e-?mail|courriel|mail|address|adresse)\b[^.!?\n]{0,30}$"
    r"|\b(?:email|e-mail|write|reach|contact|écri(?:vez|re)|[ée]crivez)[ \t]+(?:me|moi)\b[^.!?\n]{0,20}$",
    IGNORE_CASE,
)


def _words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in re.findall(r"[^\W\d_]+", text))


def _role_mailbox(text: str, start: int, end: int) -> bool:
    local, _, domain = text[start:end].replace("＠", "@").rpartition("@")
    parts = [part for part in _ROLE_PARTS.split(local) if part]
    if not parts or domain.split(".")[0].lower() in _MAIL_HOSTS:
        return False
    if _NO_REPLY.match(local):
        return True
    if not all(part.lower() in _ROLE_MAILBOX_WORDS for part in parts):
        return False
    lo = max(0, start - 80)
    if _OWN_MAILBOX_BEFORE.search(text, lo, start) is not None:
        return False
    # round 31 part B: or in an organisation's contact block ("cabinet Gagnon Avocats, 1000 rue ..., tél. 514-...,
    # info@gagnonavocats.ca")
    return (
        _ROLE_OWNER_BEFORE.search(text, lo, start) is not None
        or _WRITTEN_TO_BEFORE.search(text, lo, start) is not None
        or organisation_block(text, start, _words(text))
        or _contact_line_only(text, start, end)
    )


# Round 44 part B: a role mailbox on a line of contact details alone, a signature's ("1 800 555-0133 |
# rh@groupeboreal.ca", "E: support@...", a line of its own under a company's name): the organisation's. The line holds
# nothing but phone numbers, web addresses, their labels and separators.
_CONTACT_LINE_REST = re.compile(
    # round 45 part B: or a detail already masked ("[PHONE] | info@..."), as the redactor reads its own text again
    r"(?:[ \t|/·•,;:()+.\-–—]++|[0-9]++|\[(?-i:PHONE|EMAIL)\]|(?i:e|t|f|m|p|tel|t[ée]l|phone|fax|ext|poste|email|e-mail|courriel|web|site|www)"
    r"(?![\w'’-])|(?i:https?://)?[\w-]++(?:\.[\w-]++)++(?:/[\w./-]*+)?)*+"
)


def _contact_line_only(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if line_start == 0:
        return False  # a signature's line follows a line break
    return (
        _CONTACT_LINE_REST.fullmatch(text, line_start, start) is not None
        and _CONTACT_LINE_REST.fullmatch(text, end, line_end) is not None
    )


# Round 48 part B: the letters of a script written without spaces (Chinese, Japanese, Korean, Thai) glued to an address
# in Latin letters ("邮箱是liuyang88@163.com", "メールはtanaka.k@docomo.ne.jp"): the sentence's words, not the mailbox's.
_SCRIPT_BEFORE = re.compile(r".*[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def _after_script(text: str, start: int, end: int) -> int:
    """Where the address found at `start` begins once the words of such a script glued before it are left out."""
    if text[start].isascii():
        return start
    at = text.find("@", start, end)
    glued = _SCRIPT_BEFORE.match(text, start, at if at > 0 else end)
    return glued.end() if glued and glued.end() < (at if at > 0 else end) else start


def emails(scan: Scan) -> Iterator[Candidate]:
    """E-mail addresses, also spelled out with "at" and "dot"."""
    text = scan.text
    if scan.has_at or "＠" in text:
        for m in _EMAIL.finditer(text):
            if m.group()[-3:].lower() == ".ca" and _public_mailbox(m.group(), scan.words):
                continue  # a department's mailbox
            if _role_mailbox(text, m.start(), m.end()):
                continue  # round 30 part B: a business's role mailbox
            if _HANDLE.search(m.group()) and m.group().rpartition(".")[2].lower() not in _TLDS:
                continue  # round 28: "it's me again @priya.k.sharma": a word, then a social handle
            if (
                _HANDLE.search(m.group())
                and m.group().split(None, 1)[0].lower() in _SENTENCE_WORDS
                and _MAIL_HOST_ONLY.fullmatch(m.group().split(None, 1)[1])
            ):
                continue  # round 48 part B: "(pas @yahoo.com)", "not @gmail": a word of the sentence, then a host alone
            yield _after_script(text, m.start(), m.end()), m.end(), "EMAIL", EMAIL_P
        for m in _EMAIL_NO_END.finditer(text):
            if len(m.group().partition("@")[0].partition("＠")[0]) >= 3:
                yield _after_script(text, m.start(), m.end()), m.end(), "EMAIL", EMAIL_P
        if "," in text:
            for m in _EMAIL_COMMA.finditer(text):
                if m.group(1).lower() in _MAIL_HOSTS and m.group(2).lower() in _TLDS:
                    yield m.start(), m.end(), "EMAIL", EMAIL_P
        if " ." in text or ". " in text:
            for m in _EMAIL_SPACED.finditer(text):
                if m.group(1).lower() in _MAIL_HOSTS and m.group(2).lower() in _TLDS:
                    end = m.end()
                    if m.group(3) and (
                        (
                            text[m.end(2) : m.start(3)] == ". "
                            and "@ " not in m.group()
                            and ". " not in text[m.start() : m.end(2)]
                        )
                        or m.group(3).lower() not in _TLDS
                    ):
                        # "...@hotmail.com. his name": the sentence ends after the address (round 42 part B: so does
                        # "...@outlook.com . thx": no country's code after the dot)
                        end = m.end(2)
                    yield m.start(), end, "EMAIL", EMAIL_P
    words = scan.words
    if not _BARE_HOSTS.isdisjoint(words):
        for m in _EMAIL_HOST_SAID.finditer(text):
            yield m.start(), m.end("local2") if m.group("local2") else m.end(), "EMAIL", EMAIL_P
        for m in _HOST_ACCOUNT.finditer(text):
            yield m.start(1), m.end(1), "EMAIL", EMAIL_P
    words = scan.words
    if (not _AT_WORDS.isdisjoint(words) or "(a)" in text or "[a]" in text) and not _TLDS.isdisjoint(words):
        for m in every(_EMAIL_SPELLED, text):
            local, at, domain = m.group(1), m.group(2).strip().lower(), m.group(3).lower()
            spelled = at not in ("at", "chez") or _DOT_WORD.search(domain) or _DOT_WORD.search(local)
            # "look at gmail.com" is not an address; "raj.kumar85 at gmail.com" is.
            plausible = (
                any(c in local for c in "._0123456789") and domain.split(".")[0].strip() in _MAIL_HOSTS
            )
            start = m.start()
            tail = _SAID_DIGITS.search(local)
            if tail and not _JOINER_WORD.search(local):
                start += tail.start(1)  # "at 3 at gmail dot com": only a spelled joint takes the words before
            if spelled or plausible:
                yield start, m.end(), "EMAIL", EMAIL_P


# ------------------------------------------------------------------------- phone

_EXTENSION = rf"(?:{SP}*,?{SP}*(?:x|ext\.?|extension|poste|p\.|#)\s*[0-9]{{1,5}})?"
_PHONE_SEP = rf"(?:{SP}?[.\-–—]{SP}?|{SP})"
_PHONE_PAD_SEP = rf"(?:{SP}{{0,2}}[.\-–—]{SP}{{0,2}}|{SP}{{1,2}})"
# North America: "(613) 555-0199", "613.555.0199", "+1 613 555 0199", "6135550199".
_PHONE_NANP = re.compile(
    # (round 53 part B: or a phone's word glued to its "+", "phone+1-604-555-0147": see _GLUED_PHONE_WORD)
    rf"(?:(?<![\w\]+.-])|(?<=[^\W\d_])(?=\+))(?P<main>(?:(?:\+{SP}?1|1){_PHONE_SEP}?)?"
    # tenth session: or a slash after the area code, as Quebec and Europe write it ("514/162-9131")
    # (round 53 part B: or the area code's closing bracket alone, "647)555-0178": see phones)
    rf"(?:\([0-9]{{3}}\)|[0-9]{{3}}\)(?={SP}?[0-9])|[0-9]{{3}})(?:{_PHONE_SEP}?|{SP}?/{SP}?)[0-9]{{3}}{_PHONE_SEP}?[0-9]{{4}}"
    # round 40 part B: or padded as a form's field is ("( 438 ) 629 5310", "514 -  774 - 6712"), two spaces at most
    rf"|\({SP}{{1,2}}[0-9]{{3}}{SP}{{1,2}}\){_PHONE_PAD_SEP}[0-9]{{3}}{_PHONE_PAD_SEP}[0-9]{{4}}"
    rf"|[0-9]{{3}}{_PHONE_PAD_SEP}[0-9]{{3}}{_PHONE_PAD_SEP}[0-9]{{4}}"
    # round 48 part B: or a slash between every group, spaced or not ("416 / 555 / 0199", "514/555/0143")
    rf"|[0-9]{{3}}{SP}{{0,2}}/{SP}{{0,2}}[0-9]{{3}}{SP}{{0,2}}/{SP}{{0,2}}[0-9]{{4}}"
    # round 42 part B: or the area code in brackets and the last four said in pairs ("(306) 714 22 90")
    rf"|\([0-9]{{3}}\){SP}?[0-9]{{3}}{_PHONE_SEP}[0-9]{{2}}{_PHONE_SEP}[0-9]{{2}})"
    # (round 48 part B: or its extension glued to it, "647 555 0123x12", "0123ext4")
    rf"(?![0-9]|[.,-][0-9]|(?!(?:x|ext\.?)[0-9]{{1,5}}(?![\w\[]))[\w\[]){_EXTENSION}",
    IGNORE_CASE,
)
# Elsewhere: "+33 6 12 34 56 78", "+44 20 7946 0958", "0044 20 ...", "+91-98765-43210".
# (round 47 part B: or a slash after the country's code, a spaced dash between groups: "+243/812345678", "+509 3712 -
# 4567"; those only when the plan says the number is valid)
_PHONE_INTERNATIONAL = re.compile(
    # (round 53 part B: a phone's word glued to the "+", "tel+33 6 12 34 56 78"; the country's code in brackets, "(+44)
    # 7700 900 123", where the plan does not know the number)
    rf"(?:(?<![\w\]+])|(?<=[^\W\d_])(?=\+))(?:\+{SP}?|(?<![0-9][-/.])\b00{SP}?)[2-9][0-9]{{0,2}}"
    r"(?:(?<=\(\+[2-9])\)|(?<=\(\+[2-9][0-9])\)|(?<=\(\+[2-9][0-9]{2})\))?"
    rf"(?:{SP}?\(0\))?(?:/(?=[0-9]))?"
    rf"(?:(?:{SP}?[-–]{SP}|{SP}[-–]{SP}?|{SP}|[.-])?(?>[0-9]{{1,5}})){{2,6}}(?![0-9]|[\w\[]){_EXTENSION}",
    IGNORE_CASE,
)
# Round 53 part B: the phone's word a "+" is glued to ("phone+1-604-555-0147", "tel+33 6 ..."); any other word glued to
# a "+" ("C++", "A+") leaves the number alone.
_GLUED_PHONE_WORD = re.compile(
    r"(?<![^\W\d_])(?i:phone|ph|tel|t[ée]l|cell|mobile|mob|whatsapp|wa|number|num|no|call|fax|gsm|portable)\Z"
)
_PHONE_INTERNATIONAL_PLAIN = re.compile(  # the same before round 47 (read when the plan rejects the longer reading)
    rf"(?<![\w\]+])(?:\+{SP}?|(?<![0-9][-/.])\b00{SP}?)[2-9][0-9]{{0,2}}(?:{SP}?\(0\))?"
    rf"(?:(?:{SP}|[.-])?(?>[0-9]{{1,5}})){{2,6}}(?![0-9]|[\w\[]){_EXTENSION}",
    IGNORE_CASE,
)
# Round 50 part B: North America's exit code before another country's code, where a "+" or "00" stands elsewhere ("011 52
# 55 4812 3396", "011-44-20-7946-0958", "composez le 011 33 6 12 34 56 78"): the whole number, when the plan says the
# number after "011" is a valid one of its country.
_PHONE_EXIT_011 = re.compile(
    rf"(?<![\w\]+./-])(?P<main>011(?:{SP}?[.-]{SP}?|{SP})[2-9][0-9]{{0,2}}"
    rf"(?:(?:{SP}?[.-]{SP}?|{SP})(?>[0-9]{{1,5}})){{1,6}})(?![0-9]|[.-][0-9]|[\w\[]){_EXTENSION}",
    IGNORE_CASE,
)
# Round 48 part B: the "+" said in words before the country's code ("call me plus 33 6 12 34 56 78", "plus 1 416 555
# 0199"): part of the phone, when the plan says the number is valid.
_PLUS_WORD = re.compile(
    r"(?<![\w'’-])(?i:plus)[ \t]+[1-9][0-9]{0,2}(?:[ .-]?[0-9]{1,5}){2,6}(?![0-9]|[.,-][0-9]|[\w\[])"
)
_UNUSUAL_SEPARATOR = re.compile(rf"/|{SP}[-–]|[-–]{SP}")
# A number broken across lines by the chat box or the client: "+1 604\n555 0177".
_PHONE_BROKEN = re.compile(
    rf"(?<![\w\]+])\+{SP}?1{_PHONE_SEP}?(?:\([0-9]{{3}}\)|[0-9]{{3}})[ \t]*\n[ \t]*[0-9]{{3}}{_PHONE_SEP}?[0-9]{{4}}(?![0-9]|[\w\[])"
)
# ... or without the country code, after a phone word: "call me 604 555\n0177".
_PHONE_BROKEN_LOCAL = re.compile(
    r"(?i:phone|cell|call|text|tel|mobile|number|num[ée]ro|whatsapp|t[ée]l[ée]phone|cellulaire)\b[^\n0-9]{0,15}"
    rf"((?:(?:\([0-9]{{3}}\)|[0-9]{{3}}){_PHONE_SEP}?[0-9]{{3}}(?:[ \t]*\n[ \t]*|{_PHONE_SEP})[0-9]{{4}}"
    r"|(?:\([0-9]{3}\)|[0-9]{3})[ \t]*\n[ \t]*[0-9]{3}[ .-]?[0-9]{4})(?![0-9]|[\w\[])"
    rf"{_EXTENSION})"  # round 24: "418 555\n0174 poste 3"
)
# France and others that write a trunk 0 and pairs: "06 12 34 56 78".
_PHONE_PAIRS = re.compile(r"(?<![\w\]+.-])0[1-9](?:[ .-][0-9]{2}){4}(?![0-9]|[.-][0-9]|[\w\[])")

# Round 33 part B: Belgium's (and Switzerland's, Austria's) trunk and area code before a slash, the rest
# in pairs or triples: "02/511.44.87", "0475/12.34.56", "081/22 33 44" (nine or ten digits).
_PHONE_SLASH = re.compile(
    # (round 50 part B: not the last group of a number before it, "416 555 0199/647 555 0123": two phones a slash apart)
    r"(?<![\w\]+./-])(?<![0-9][ \t])0[1-9][0-9]{0,2}/[ \t]?[0-9]{2,3}(?:[ .][0-9]{2,3}){1,3}(?![0-9]|[./-][0-9]|[\w\[])"
)


# Round 40 part B: ... or the rest in one run or two (Lebanon's "03/637595", "071/439344"; Serbia's "063/723-3347"),
# eight to ten digits, after a phone word.
_PHONE_SLASH_RUN = re.compile(
    r"(?<![\w\]+./-])(?<![0-9][ \t])0[1-9][0-9]{0,2}/[ \t]?(?:[0-9]{6,7}|[0-9]{3}[ .-][0-9]{3,4})(?![0-9]|[./-][0-9]|[\w\[])"
)


# Digit by digit, after a phone word: "my cell is 2 8 9 - 5 5 5 - 0 1 3 3".
_PHONE_SPACED = re.compile(  # (round 36 part B: eleven digits too, a Chinese mobile typed as heard, "1 3 8 - 1 2 3 4 - ...")
    # (round 37 part B: a comma between the groups as dictation types them, "2 0 4, 5 5 5, 0 1 6 8")
    rf"(?<![\w\]+.,-])(?<![0-9],{SP})[0-9](?:,?{SP}(?:[.-]{SP})?[0-9]){{9,10}}(?![\w\[]|,?{SP}?[.-]?{SP}?[0-9])"
)
_PHONE_DOTTED = re.compile(r"(?<![\w\]+.,/-])[0-9]([.-])[0-9](?:\1[0-9]){8,9}(?![\w\[]|[.,/-][0-9])")
_PHONE_KINDS = frozenset(("PHONE",))
# Round 48 part B: a call's verb, its pronoun glued to it or not ("callme back pls 6 1 3 ...", "textme", "rappelle-moi
# au", "whatsapp me"), earlier on the line of a number typed digit by digit (the context words want "call me" apart).
_CALL_BEFORE = re.compile(
    r"(?<![\w'’-])(?:call|text|txt|ring|reach|whatsapp|wa|sms|appel(?:le|lez|er)?|rappel(?:le|lez|er)?|joins|joignez|joindre"
    r"|texte[rz]?|llama(?:me)?|ll[aá]mame|escr[ií]beme)"
    r"(?:[ \t]*-?[ \t]*(?:me|moi|us|nous))?(?:[ \t]*back)?(?![\w'’-])[^\n0-9]{0,40}+\Z",
    IGNORE_CASE,
)
_GROUP_OF_FOUR_BEFORE = re.compile(r"(?<![0-9])[0-9]{4}[ .-]$")
# "number for my father:", "le numéro de mon père :", "my mom's number is" (a person's number, typed digit by digit).
_PERSONS_NUMBER_BEFORE = re.compile(
    r"(?:(?:my|our|his|her|their)[ \t]+[\w-]+['’]s?[ \t]+number|(?:number|num[ée]ro)[ \t]+(?:for|of|de|du|d['’])[ \t]*"
    r"(?:my|our|his|her|mon|ma|mes|notre|son|sa)[ \t]+[\w-]+)[ \t]*(?:is|est|c['’][ \t]?est|:)?[ \t]*$",
    IGNORE_CASE,
)
_THING_KINDS = frozenset(("PHONE", "NOT_ID"))
# Round 37 part B: "number" right before a North American number typed one digit at a time ("ok number 2 0 4, 5 5 5, ...").
_BARE_NUMBER_BEFORE = re.compile(
    r"(?<!\w)(?:number|num[ée]ro|no\.)[ \t]*(?:is|est|c['’]?[ \t]?est|:)?[ \t]*$", IGNORE_CASE
)


def _thing_number(scan: Scan, start: int, end: int) -> bool:
    """Whether the nearest context word says the number is a thing's ("invoice 2024001234",
    "order #4155550123"), not a phone number."""
    kinds = scan.context(start, end, _THING_KINDS)
    return bool(kinds) and kinds[0] == "NOT_ID"


# Between a thing's word and its number: "MTCN 837 201 4492", "certificate: 004-5571-2290".
_THING_GAP = re.compile(r"[ \t]*(?:(?:is|est|es|c['’]\s?est)[ \t]*)?[#:=]?[ \t]*$", IGNORE_CASE)


# Things that a phone number may follow all the same ("student: 514-555-0199", "my business
# 438 555 0101"): only a thing whose number has a phone's shape counts here.
_PHONE_MAY_FOLLOW = wordset(
    "student étudiant etudiant business entreprise code error erreur version room seat payment paiement report rapport"
)


def _thing_right_before(scan: Scan, start: int) -> bool:
    """Whether a thing's word ends right before the number at `start` ("Western Union, MTCN 837
    201 4492", "GIC ..., certificate 004-5571-2290"): its number, even in a phone's shape."""
    text = scan.text
    return any(
        kind == "NOT_ID"
        and start - 12 <= e <= start
        and _THING_GAP.match(text, e, start)
        and text[s:e].split()[0].lower() not in _PHONE_MAY_FOLLOW
        for s, e, kind, _ in scan.labels()
    )


# A client ID's label right before a bare run of digits that opens with "00".
_UNSIGNED_DIGITS = re.compile(r"[0-9]+(?:[ -][0-9]+)*")  # "0034917265", "0045-8812": no "+"
_CLIENT_LABEL_BEFORE = re.compile(
    r"(?:\bu\.?c\.?i|\bi\.?u\.?c|\bclient\s*(?:id|identifier|number|no\.?|#|n°)|\bid\s+client"
    r"|\bnum[ée]ro\s+(?:de\s+)?client)"  # round 27: "mon numéro de client c'est 0093318842"
    # whose number it is between the label and the number: "UCI de ma fille : 0045-8812"
    r"(?:[ \t]+(?:of|for|de|du|d['’]|pour)[ \t]+(?:(?:my|mon|ma|mes|his|her|son|sa|la|le|l['’])[ \t]*)?[^\W\d_]+)?"
    # "my uci is 0032 4418 57", "mon IUC c'est 0045-8812" (round 52 part B: "its", "it's", "es")
    r"(?:[ \t]+(?:is|was|est|c['’]?[ \t]?est|it['’]?s|it[ \t]+is|es))?[ \t]*[:#=.-]?[ \t]*"
    # round 52 part B: or the label's first number and its correction before this one ("UCI its 0045-8812-33 i mean
    # 0045881234", "mon IUC 0098-1123-45 euh non 0098112354"): the same label's
    r"(?:[0-9]+(?:[ -][0-9]+)*[ \t]*[,.!]*[ \t]*(?:(?:wait|sorry|oops|no|nope|i[ \t]+mean|actually|non|pardon|euh|oups"
    r"|je[ \t]+veux[ \t]+dire|plut[ôo]t|en[ \t]+fait|correction)[ \t]*[,.!:]*[ \t]*){1,3}"
    r"(?:(?:it['’]?s|its|is|c['’]?[ \t]?est)[ \t]*)?)?$",
    re.IGNORECASE,
)


# Round 53 part B: a client ID's label and its first number, said to be another's, then "mine" ("UCI 0034829157 that's my
# husband's. mine is 00348...", "IUC 0098... (celui de ma femme), le mien c'est 0098..."): the next number is the same
# label's, as many digits (one more or fewer), not a call abroad (see recognizers.mine_after_client). The first may be
# masked already ("[CLIENT_ID]": the redactor reads its masked text again).
CLIENT_MINE_BEFORE = re.compile(
    r"(?:\bu\.?c\.?i|\bi\.?u\.?c|\bclient\s*(?:id|identifier|number|no\.?|#|n°)|\bid\s+client|\bnum[ée]ro\s+(?:de\s+)?client)"
    r"(?:[ \t]+(?:is|was|est|c['’]?[ \t]?est|it['’]?s|its|it[ \t]+is|es))?[ \t]*[:#=.-]?[ \t]*"
    r"(?P<first>[0-9]+(?:[ -][0-9]+)*|\[CLIENT_ID\])[^0-9\n\[]{0,40}?(?<![\w'’])(?:(?:and|et|but|mais)[ \t]+)?"
    r"(?:mine|le[ \t]+mien|la[ \t]+mienne|my[ \t]+own(?:[ \t]+one)?)(?:[ \t]*(?:is|['’]s|c['’]?[ \t]?est|est|:|=))?[ \t]*$",
    re.IGNORECASE,
)
MINE_KEYS = wordset("mine mien mienne own")


def client_mine(text: str, start: int, end: int) -> bool:
    """Whether the number at start:end is the writer's own client ID after another's (see :data:`CLIENT_MINE_BEFORE`)."""
    m = CLIENT_MINE_BEFORE.search(text, max(0, start - 110), start)
    if m is None:
        return False
    size = len(digits_of(text[start:end]))
    first = m.group("first")
    return 8 <= size <= 10 if first.startswith("[") else abs(len(digits_of(first)) - size) <= 1


# A public body's line, not the client's: "c'est quoi le numéro de téléphone du MIFI ? 514 864-9191",
# "the number of the embassy is ...", "I called 514-496-1010 (the provincial line)".
_OF_THE_KEYS = wordset("du des de of for")
_PUBLIC_BEFORE = re.compile(
    r"(?:num[ée]ro|number|line|ligne)(?:\s+de\s+t[ée]l[ée]phone|\s+de\s+tel)?\s+(?:du|des|de\s+la|de\s+l['’]|of\s+the|for\s+the)\s*"
    r"(?:(?-i:[A-Z]{2,6})(?![\w'’])|bureau|office|minist[èe]re|ministry|embassy|consulate|ambassade|consulat|service"
    r"|centre|center|government|gouvernement|agency|agence|province|city|ville|mairie|h[ôo]pital|hospital|school|[ée]cole"
    r"|university|college|universit[ée]|coll[èe]ge|c[ée]gep)"  # round 29 part B
    r"(?:[ \t]+(?:in|at|à|a|au|en|de|d['’]|of)[ \t]*[A-ZÀ-Þ][^\W\d_]+)?"  # "the consulate in Lagos"
    r"[ \t?:,.-]{0,6}(?:(?:is|est|c['’]est|:)[ \t]*)?(?:le[ \t]+)?(?:\+[ \t]?[0-9]{1,3}[ \t])?$",
    IGNORE_CASE,
)
# Round 32 part B: the number asked about as a body's line, the body said after it: "is +1 613 555 0100 the
# real number of the passport office?", "le 514 555 0100 c'est bien le numéro du bureau des passeports ?"
_PUBLIC_SAID_AFTER = re.compile(
    r"[ \t]*+,?[ \t]*+(?:(?:is|est|c['’][ \t]?est|c)[ \t]+(?:bien[ \t]+|really[ \t]+|still[ \t]+)?)?(?:(?:the|le|la|l['’])[ \t]*"
    r"(?:(?:real|official|right|correct|actual|main|general|vrai|bon|officiel|actuel|principal)[ \t]+)?"
    r"(?:phone[ \t]+)?(?:number|line|num[ée]ro|ligne)(?:[ \t]+de[ \t]+t[ée]l[ée]phone)?"
    # round 39 part B: "... est celui du bureau de Montréal ?", "is that of the passport office?"
    r"|(?<=[ \t])(?:celui|celle|that|the[ \t]+one))[ \t]+"
    # (round 42 part B: "de" alone, "le 514-... c le numéro de services québec?"; not "de mon bureau")
    r"(?:of|for|du|des|de[ \t]+la|de[ \t]+l['’]|de(?=[ \t]))[ \t]*(?:the[ \t]+)?"
    r"(?!(?:my|mon|ma|mes|notre|nos|son|sa|ses|his|her|our|their|leur)(?![\w'’]))(?:[^\W\d_]+[ \t]+){0,2}?"
    r"(?:(?-i:[A-Z]{2,6})(?![\w'’])|bureau|office|minist[èe]re|ministry|embassy|consulate|ambassade|consulat|service"
    r"|centre|center|government|gouvernement|agency|agence|passports?|passeports?|h[ôo]pital|hospital)",
    IGNORE_CASE,
)
_PUBLIC_AFTER = re.compile(
    r"[ \t]*\((?:the|la|le|l['’])\s*(?!(?:cell|home|mobile|direct|personal|work|landline|cellulaire|maison|personnelle)\b)"
    r"(?:[^\W\d_]+\s+){0,3}(?:line|ligne|office|bureau|switchboard|standard)\)",
    IGNORE_CASE,
)


# A public body named right before the number, or a body's word before "number": "MIFI : 514
# 864-9191", "Services Québec 1 877 644-4545", "the consulate number +33 1 44 43 29 00".
_NUMBER_WORD_GAP = (
    r"[ \t]*(?:(?:a|has|have|got|ont)[ \t]+(?:(?:un|une|a|an|their|its|son|sa|leur)[ \t]+)?)?"  # "le MIFI a un numéro ?", "has phone"
    r"(?:phone[ \t]+)?(?:line|ligne|number|numéro|numero|phone|t[ée]l[ée]phone|tel|tél"
    r"|fax|hotline|helpline|switchboard|standard)"  # round 29 part B: "has fax ...", "VFS Manila hotline ..."
    r"(?:[ \t]+(?:in|at|à|en|for|pour)[ \t]+(?-i:[A-ZÀ-Þ])[\w-]+)?"  # round 28: "the ... number in Nairobi is"
    r"[ \t]*(?:is|est|c['’]est|\?)?"
)
_BODY = (
    r"(?<![\w'’-])(?-i:IRCC|CIC|MIFI|RAMQ|SAAQ|CNESST|CRA|ARC|CBSA|ASFC|ESDC|EDSC|IRB|CISR|RQAP|OHIP|UNHCR)"
    r"|(?<![\w'’-])(?-i:VFS|VAC|TLS|BLS)(?:[ \t]+(?i:global))?(?:[ \t]+(?-i:[A-Z])[\w-]+)?|\btlscontact"  # round 28: "the VFS Lagos number?"
    # round 37 part B: typed in lower case, its town too ("vfs lagos hotline ..."): no word of the language
    r"|(?<![\w'’-])(?-i:vfs|ircc)(?:[ \t]+global)?(?:[ \t]+(?-i:[a-z])[\w-]+)?"
    r"|(?<![\w'’-])(?-i:CLSC|CIUSSS|CISSS)"  # Québec's public clinics
    r"|\bservices?[ \t]+(?:canada|qu[ée]bec|ontario|bc|nl)|\bserviceontario|\bcanada[ \t]+post|\bpostes[ \t]+canada"
)
# Round 37 part B: the body named right after its number, "of" it ("ou le 514 864-9191 du MIFI"), or after a
# number the client called ("called +91 22 6786 6013 vfs mumbai no answer", "j'ai appelé le 1 ... de l'IRCC").
_BODY_RIGHT_AFTER = re.compile(
    rf"[ \t]*+,?[ \t]*+(?P<of>(?:du|de[ \t]+la|de[ \t]+l['’]|d['’]|of[ \t]+the|of)[ \t]*)?(?:the[ \t]+|le[ \t]+|la[ \t]+)?(?:{_BODY})(?![\w'’-])",
)
_DIALLED_BEFORE = re.compile(
    r"(?<![\w'’-])(?:called|call|calling|dialed|dialled|tried|rang|appel[ée]|appeler|appelle|compos[ée])[ \t]+(?:(?:le|au|at)[ \t]+)?\+?[ \t]*$",
    IGNORE_CASE,
)
_BODY_BEFORE = re.compile(
    rf"(?:(?:{_BODY}){_NUMBER_WORD_GAP}"
    # or alone as a line's label: "MIFI : 514 864-9191" (not "I gave IRCC 514 ...")
    rf"|(?:^|\n)[ \t]*(?:(?:the|le|la|l['’])[ \t]*)?(?:{_BODY})[ \t]*[:=-]?"
    # or reached "at" its number: "le MIFI au 514 864-9191", "call IRCC at 1-..."
    rf"|(?:{_BODY})[ \t]+(?:au|at)"
    # a body's word, then its number: "the consulate number +33 ...", "l'ambassade tél : ..."
    r"|\b(?:the|le|la|l['’]|their|leur)[ \t]*(?:(?:settlement|newcomer|immigrant|immigration|refugee|resettlement)[ \t]+)?"
    r"(?:embassy|consulate|ambassade|consulat|ministry|minist[èe]re|government"
    rf"|gouvernement|agency|agence)['’]?s?{_NUMBER_WORD_GAP}"
    # round 28: a public place's, its town or street between: "the clinic has phone ...", "the office
    # at 300 Slater st ottawa has phone ...", "the school's number is ..."
    r"|\b(?:the|le|la|l['’]|their|leur|that|this|ce|cette)[ \t]*(?:(?!(?:my|mon|ma|mes|his|her|our|notre|son|sa|ses|your|votre)\b)[\w-]+[ \t]+){0,2}"
    r"(?:offices?|bureau|clinic|clinique|school|[ée]cole|store|shop|magasin|pharmacy|pharmacie|hospital|h[ôo]pital"
    r"|embassy|consulate|ambassade|consulat|high[ \t]+commission|visa[ \t]+(?:application[ \t]+)?cent(?:re|er)"
    # round 29 part B: a university's or a college's office: "the university's admissions phone ..."
    r"|university|college|universit[ée]|coll[èe]ge|c[ée]gep)['’]?s?(?:[ \t]+(?-i:[A-Z])[\w-]+){0,2}"
    r"(?:[ \t]+(?:admissions?|registrar|reception|front[ \t]+desk|main|international[ \t]+office|student[ \t]+services))?"
    r"(?:(?:[ \t]+(?:at|in|on|à|au|en|de|du|of)(?:[ \t]+(?!(?:my|mon|ma|mes|his|her|their|our|notre|son|sa|ses|your|votre)\b)[\w.'’-]+){1,5}"
    r"(?=[ \t]+(?:has|have|a|got)\b))|[ \t]+(?:in|à|en|de|du|of)[ \t]+(?-i:[A-ZÀ-Þ])[\w-]+)?"
    rf"(?:{_NUMBER_WORD_GAP}"
    # reached "at" its number: "I called the embassy at +91 ...", "appelez le bureau au 514 ..."
    r"|[ \t]+(?:at|au))"
    # round 28: called by its name ("I tried calling VFS Dubai +971 ..."), or "them" after its word
    # in the sentence ("the medical clinic said call them on 905-...")
    rf"|\b(?:call(?:ed|ing)?|phoned?|phoning|dial(?:l?ed|l?ing)?|appel(?:é|er|le|ez|ons))[ \t]+(?:the[ \t]+|le[ \t]+|la[ \t]+|l['’])?(?:{_BODY})"
    r"(?:[ \t]+(?:at|au|on|sur))?"
    r"|\b(?:offices?|bureau|clinic|clinique|school|[ée]cole|store|shop|magasin|pharmacy|pharmacie|hospital|h[ôo]pital"
    r"|embassy|consulate|ambassade|consulat|(?-i:VFS|VAC|CLSC))\b[^.!?\n]{0,30}\b(?:call|phone|text|reach|contact|appelez|appeler)"
    r"[ \t]+(?:them|-les|les)[ \t]+(?:on|at|au)"
    # round 29 part B: a diplomatic post or a visa centre, its town, then its number with no word between:
    # "the Canadian embassy in Abuja +234 9 ...", "I called the consulate, +1 212 ...", "TLScontact Rabat 05 ..."
    r"|\b(?:embass(?:y|ies)|consulate|ambassade|consulat|high[ \t]+commission|haut[ \t-]+commissariat"
    r"|visa[ \t]+(?:application[ \t]+)?cent(?:re|er)|(?-i:VFS|TLS|BLS)(?:[ \t]+global)?|tlscontact)"
    r"(?:[ \t]+(?:(?:in|at|à|en|de|du|of|for|pour)[ \t]+)?(?-i:[A-ZÀ-Þ])[\w-]+){0,2}[ \t]*[,:=-]?"
    # round 29 part B: a professional's office line, not the client's: "my lawyer's office phone is
    # ...", "my consultant's number is ...", "le numéro (du cabinet) de mon avocat est ..."
    r"|\b(?:my|our|his|her|their|mon|ma|notre|son|sa)[ \t]+(?:lawyer|attorney|consultant|accountant|notary|doctor|dentist|family[ \t]+doctor)"
    rf"['’]?s?(?:[ \t]+(?:office|clinic|firm|practice))?(?:{_NUMBER_WORD_GAP}|[ \t]+(?:at|au))"
    r"|\b(?:num[ée]ro|t[ée]l[ée]phone|ligne)(?:[ \t]+(?:du|de[ \t]+la)[ \t]+(?:bureau|cabinet|clinique))?[ \t]+(?:de|d['’])[ \t]*"
    r"(?:mon|ma|notre|son|sa)[ \t]+(?:avocat|avocate|consultant|consultante|comptable|notaire|m[ée]decin|dentiste)"
    r"[ \t]*(?:est|c['’][ \t]?est|:)?"
    rf"|\b(?:cabinet|law[ \t]+firm|law[ \t]+office)[^.!?\n]{{0,30}}?(?:{_NUMBER_WORD_GAP}|[ \t]+(?:at|au))"
    # round 40 part B: a diplomatic post that does not answer at its number ("L'ambassade à Varsovie ne répond pas au
    # +48 ...", "the consulate never answers at ..."), or whose number one found ("The embassy number I found is ...")
    r"|(?<![\w'’])(?:the|l['’]|la|le|their|leur|cette|this)[ \t]*(?<!at the )(?<!à l')(?<!à l’)"
    r"(?:embass(?:y|ies)|consulate|ambassade|consulat|high[ \t]+commission|haut[ \t-]+commissariat)\b[^.!?\n]{0,30}?"
    r"(?:\b(?:ne[ \t]+r[ée]pond(?:ent)?[ \t]+(?:pas|jamais)|doesn['’]?t[ \t]+answer|does[ \t]+not[ \t]+answer|never[ \t]+answers?"
    r"|won['’]?t[ \t]+answer|(?:is|are)(?:n['’]?t|[ \t]+not)[ \t]+answering)[ \t]+(?:au|at|on|sur)"
    r"|\b(?:number|num[ée]ro|phone|t[ée]l[ée]phone)[ \t]+(?:i|we|j['’][ \t]?ai|on[ \t]+a)[ \t]+(?:found|got|have|trouv[ée])[ \t]+(?:is|est|c['’]est))"
    r")"
    r"[ \t]*[:=-]?[ \t]*(?:\+[ \t]?[0-9]{1,3}[ \t])?$",
    IGNORE_CASE,
)
# Round 35 part B: an institution's unit named before its number, even "our" school's ("our campus international
# office number is ...", "the registrar's office line: ..."; "my office number" stays the client's), and a number
# a body gave ("Le PRAIDA m'a donné le numéro ...", "IRCC gave me the number ..."; a relative's stays).
_UNIT_OFFICE_BEFORE = re.compile(
    r"\b(?:campus|international|admissions?|registrar['’]?s?|student|students['’]?|financial[ \t]+aid|housing|reception"
    r"|main|head|intake|(?-i:[A-Z]{2,8}))[ \t]+(?:office|desk|services|centre|center|line)(?:[ \t]+(?:office|desk|line))?"
    r"(?:[ \t]+(?:phone[ \t]+)?(?:number|num[ée]ro|phone|t[ée]l[ée]phone|tel|t[ée]l|fax))?"
    r"[ \t]*(?:is|est|c['’]est)?[ \t]*[:=-]?[ \t]*(?:\+[ \t]?[0-9]{1,3}[ \t])?$"
    r"|(?<![\w'’-])(?:(?:(?:the|le|la|l['’])[ \t]*)?(?-i:[A-Z]{3,8})(?![\w'’-])"
    # round 50 part B: or a body by its word, its country or town after it ("Le Consulat de France à Montréal m'a donné le
    # numéro ...", "the embassy in Lima gave me the number ...")
    r"|(?:the|le|la|l['’])[ \t]*(?:embassy|consulate|ambassade|consulat|high[ \t]+commission|ministry|minist[èe]re"
    r"|clinic|clinique|hospital|h[ôo]pital|school|[ée]cole|agency|agence)"
    r"(?:[ \t]+(?:of|de|du|des|in|at|à|a|en|au)[ \t]+(?:la[ \t]+|l['’])?(?-i:[A-ZÀ-Þ])[\w'’-]+){0,2})[ \t]+"
    r"(?:m['’][ \t]?a|nous[ \t]+a|a|gave[ \t]+(?:me|us)|has[ \t]+given[ \t]+(?:me|us)|sent[ \t]+(?:me|us))[ \t]+"
    r"(?:donn[ée]e?[ \t]+|envoy[ée]e?[ \t]+)?(?:le|the|this|ce|un|a|their|leur|son)[ \t]+(?:phone[ \t]+)?(?:num[ée]ro|number)"
    r"(?:[ \t]+de[ \t]+t[ée]l[ée]phone)?[ \t]*[:=-]?[ \t]*(?:\+[ \t]?[0-9]{1,3}[ \t])?$",
    IGNORE_CASE,
)
# Round 38 part B: a public body named right before its number in brackets or between commas, "the"/"le" and no
# one's ("the Chipewyan Prairie band office (780-...)", "le conseil de bande de Wendake (418-...)", "la clinique du
# médecin désigné sur le boul. Laurier, 418-..."); "my clinic (...)" stays.
_BODY_BRACKETED_BEFORE = re.compile(
    r"\b(?:the|le|la|l['’])[ \t]*(?:(?!(?:my|mon|ma|mes|his|her|our|notre|son|sa|ses|your|votre)\b)[\w'’.-]+[ \t]+){0,4}"
    r"(?:band[ \t]+(?:office|council)|conseil[ \t]+de[ \t]+bande|clinic|clinique|health[ \t]+cent(?:re|er)|centre[ \t]+de[ \t]+sant[ée]"
    r"|hospital|h[ôo]pital|pharmacy|pharmacie|town[ \t]+hall|mairie|city[ \t]+hall|h[ôo]tel[ \t]+de[ \t]+ville)"
    # (round 50 part B: its street between commas, "La clinique médicale désignée, 1200 boul. Saint-Laurent, 514 ...")
    r"(?:,?[ \t]+(?!(?:my|mon|ma|mes|his|her|our|notre|son|sa|ses|your|votre)\b)(?:[\w'’.-]+|\[(?-i:ADDRESS)\])){0,8}?[ \t]*[(,][ \t]*$",
    IGNORE_CASE,
)
_BODY_BRACKETED_KEYS = wordset(
    "band bande clinic clinique health santé sante hospital hôpital hopital pharmacy pharmacie hall mairie ville"
)
_UNIT_OFFICE_KEYS = wordset("office desk services centre center line numéro numero number")
_BODY_KEYS = wordset("""
ircc cic mifi ramq saaq cnesst cra arc cbsa asfc esdc edsc irb cisr rqap ohip unhcr service services
serviceontario post postes embassy consulate ambassade consulat ministry ministère ministere government
gouvernement agency agence vfs vac tls bls tlscontact office offices bureau clinic clinique school école ecole
store shop magasin pharmacy pharmacie hospital hôpital hopital commission centre center clsc ciusss cisss
lawyer attorney consultant accountant notary doctor dentist avocat avocate comptable notaire médecin medecin dentiste
cabinet firm university college université universite collège cégep cegep
""")


# Said to be the client's own right after it: "... 0803 123 4567 is my number", "(mon cell)".
_MINE_AFTER = re.compile(
    r"[ \t,]*(?:(?:is|was|it['’]?s|that['’]?s|c['’][ \t]?est|est)[ \t]+(?:my|mine|mon|ma|le[ \t]+mien)\b"
    r"|\([ \t]*(?:my|mine|mon|ma|moi|me)\b)",
    IGNORE_CASE,
)


# Round 30 part B: a public place described in the sentence (where it is), then its number with a
# third party's cue right before: "the embassy in Seoul is at 21 Jeongdong-gil, phone +82 2 ...", "the
# VFS office in New Delhi is at ..., their number is +91 ...", "The Red Cross in Calgary at 1305 11 Ave
# SW helped me fill forms, phone 403-...". Never when the client speaks of theirs in that sentence ("I",
# "my", "je", "mon": "I went to the embassy, phone 010-..." stays masked).
_PLACE_IN_SENTENCE = re.compile(
    r"\b(?:embass(?:y|ies)|consulate|ambassade|consulat|high[ \t]+commission|haut[ \t-]+commissariat"
    r"|visa[ \t]+(?:application[ \t]+)?cent(?:re|er)|(?-i:VFS|VAC|TLS|BLS|CLSC|YMCA|YWCA)|tlscontact"
    r"|offices?|bureau|clinic|clinique|hospital|h[ôo]pital|pharmacy|pharmacie|library|biblioth[èe]que"
    r"|church|[ée]glise|mosque|mosqu[ée]e|temple|gurdwara|synagogue|red[ \t]+cross|croix[ \t-]+rouge|food[ \t]+bank"
    r"|banque[ \t]+alimentaire|community[ \t]+cent(?:re|er)|centre[ \t]+communautaire"
    r"|(?:settlement|newcomer|immigrant)[ \t]+(?:agency|services|centre|center))\b"
    r"[^.!?\n]*?\b(?:is[ \t]+)?(?:at|in|on|located|au|à|sur|situ[ée]e?)\b[^!?\n]*$",
    IGNORE_CASE,
)
_THIRD_CUE_BEFORE = re.compile(
    r"[,;][ \t]*(?:(?:and[ \t]+|et[ \t]+)?(?:their|its|leur|son|sa)[ \t]+(?:phone[ \t]+)?(?:number|numéro|numero|phone|line|ligne|t[ée]l[ée]phone)"
    r"[ \t]*(?:is|est|:)?|(?:phone|tel|t[ée]l|t[ée]l[ée]phone|ph)\.?)[ \t]*[:#]?[ \t]*\+?$",
    IGNORE_CASE,
)
_FIRST_PERSON = re.compile(
    r"\b(?:I|my|mine|we|our|je|j['’]|mon|ma|mes|nous|notre|nos|moi)(?![\w'’-])", IGNORE_CASE
)
_PLACE_SENTENCE_KEYS = wordset("""
embassy embassies consulate ambassade consulat commission haut-commissariat centre center vfs vac tls bls clsc ymca ywca
tlscontact office offices bureau clinic clinique hospital hôpital hopital pharmacy pharmacie library bibliothèque
bibliotheque church église eglise mosque mosquée mosquee temple gurdwara synagogue cross croix-rouge croix bank banque
""")


# Round 33 part B: a diplomatic post or a visa centre, its town in any case, then its number asked about
# or said, with nothing of the client's between: "VFS lagos number is 0700 ...?", "nigerian high
# commission ottawa 613-236-0521? number dead", "l'ambassade à Dakar c bien le +221 33 ...?".
_POST_TOWN_BEFORE = re.compile(
    r"\b(?:embass(?:y|ies)|consulate|ambassade|consulat|high[ \t]+commission|haut[ \t-]+commissariat"
    r"|visa[ \t]+(?:application[ \t]+)?cent(?:re|er)|(?-i:VFS|TLS|BLS|VAC)(?:[ \t]+global)?|tlscontact)"
    r"((?:[ \t]+(?:(?:in|at|à|a|en|de|du|of|for|pour)[ \t]+)?"
    r"(?!(?:phone|number|num[ée]ro|line|ligne|t[ée]l|is|est|c)(?![\w'’-]))[^\W\d_][\w'’-]*){1,3})[ \t]*[,:=-]?[ \t]*"
    r"(?:(?:(?:phone[ \t]+)?(?:number|num[ée]ro|phone|line|ligne|t[ée]l)[ \t]*)?"
    r"(?:(?:is|est|c['’]?|c['’][ \t]?est)[ \t]+(?:bien[ \t]+|really[ \t]+|still[ \t]+|encore[ \t]+)?(?:le[ \t]+|la[ \t]+|the[ \t]+)?|[:=][ \t]*)?)?"
    r"(?:\+[ \t]?)?$",
    IGNORE_CASE,
)
_PERSON_AFTER = re.compile(
    r"[^\n0-9]{0,4}(?:is|was|it['’]?s|c['’][ \t]?est|est)[ \t]+(?:my|his|her|their|mon|ma|son|sa|leur)\b",
    IGNORE_CASE,
)
_POSSESSIVE = re.compile(
    r"\b(?:my|his|her|our|their|mon|ma|mes|son|sa|ses|notre|leur)(?![\w'’-])", IGNORE_CASE
)
_POST_TOWN_LINKS = wordset("in at à a en de du of for pour")
# the first words of towns of two or three ("new delhi", "abu dhabi", "são paulo", "dar es salaam"): with one of the lists
_TOWN_HEADS = wordset(
    "new san santa santo são sao saint st abu port kuala hong rio city el al la le los las dar es"
)
_TOWNS = CITY_NAMES | PLACES


def _post_town_line(text: str, start: int) -> bool:
    m = _POST_TOWN_BEFORE.search(text, max(0, start - 70), start)
    if m is None:
        return False
    towns = [w for w in m.group(1).lower().split() if w not in _POST_TOWN_LINKS]
    if (
        not any(w in _TOWNS for w in towns)
        or not all(w in _TOWNS or w in _TOWN_HEADS for w in towns)
        or _PERSON_AFTER.match(text, start)
    ):
        return False
    sentence = max(max(text.rfind(c, 0, m.start()) for c in ".!?\n") + 1, 0)
    return (
        _POSSESSIVE.search(text, sentence, m.start()) is None
    )  # "my brother at the high commission ottawa ..."


# Round 34 part B: a diplomatic post or a visa centre named earlier in the message, then its number
# called or said as theirs in a later sentence: "What is the number of the embassy in Mexico City? I
# called 55 5724 7900 and no one answers", "c'est quoi le numéro de l'ambassade à Paris? j'ai appelé le
# 01 ...", "l'Ambassade ... m'a dit de vous écrire. Leur numéro est le 01 ..."; "Tel ..." only in a
# message where the client never speaks of themselves ("Dear Sir, the Embassy in Rabat (...) says ...
# Is that right? Tel +212 ..."). Never when a possessive comes before the post in its sentence ("my
# brother at the embassy in Paris. I called ...") nor a person's word after the number.
_POST_NAMED = re.compile(
    r"\b(?:embass(?:y|ies)|consulate|ambassade|consulat|high[ \t]+commission|haut[ \t-]+commissariat"
    r"|visa[ \t]+(?:application[ \t]+)?cent(?:re|er)|(?-i:VFS|TLS|BLS|VAC)(?:[ \t]+global)?|tlscontact)\b",
    IGNORE_CASE,
)
_CALLED_BEFORE = re.compile(
    r"(?:\b(?:I|we)[ \t]+(?:(?:have|'ve)[ \t]+)?(?:called|dialled|dialed|phoned|tried(?:[ \t]+(?:calling|to[ \t]+call))?)"
    r"(?:[ \t]+(?:it|them))?(?:[ \t]+(?:at|on))?"
    r"|\bj['’][ \t]?ai[ \t]+(?:appel[ée]|compos[ée]|essay[ée])(?:[ \t]+(?:le|au))?"
    r"|\b(?:their|its|leur)[ \t]+(?:phone[ \t]+)?(?:number|num[ée]ro|line|ligne|t[ée]l[ée]phone)"
    r"[ \t]*(?:is|est|:)?(?:[ \t]+(?:le|la))?)[ \t]*[:=]?[ \t]*(?:\+[ \t]?)?$",
    IGNORE_CASE,
)
_PLACE_NAMED = re.compile(
    r"\b(?:clinic|clinique|hospital|h[ôo]pital|pharmacy|pharmacie|(?-i:CLSC)|health[ \t]+cent(?:re|er)|centre[ \t]+de[ \t]+sant[ée]"
    r"|band[ \t]+office|town[ \t]+hall|city[ \t]+hall|mairie|h[ôo]tel[ \t]+de[ \t]+ville)\b",
    IGNORE_CASE,
)
# (round 36 part B: "Le numéro 01 ... ne répond pas", "Phone on the website +49 ...": the number opening its sentence)
_TEL_BEFORE = re.compile(
    r"(?:^|[.!?\n][ \t]*)(?:(?:the|le|leur|their)[ \t]+)?(?:tel|t[ée]l|phone|t[ée]l[ée]phone|number|num[ée]ro)\.?"
    r"(?:[ \t]+(?:on|from|sur|du|de)[ \t]+(?:the[ \t]+|le[ \t]+|leur[ \t]+|their[ \t]+)?(?:web[ \t]?site|site(?:[ \t]+web)?|page|google))?"
    r"[ \t]*[:#]?[ \t]*(?:\+[ \t]?)?$",
    IGNORE_CASE,
)
# Round 36 part B: the number found on the post's website: "J'ai trouvé +221 ... sur le site", "I found 55 ... online".
_FOUND_BEFORE = re.compile(
    r"(?:\b(?:I|we)[ \t]+(?:found|saw)|\bj['’][ \t]?ai[ \t]+(?:trouv[ée]|vu))[ \t]*(?:\+[ \t]?)?$",
    IGNORE_CASE,
)
_ONLINE_AFTER = re.compile(
    r"[ \t]*(?:on|sur|from|du|in|dans)[ \t]+(?:the[ \t]+|le[ \t]+|leur[ \t]+|their[ \t]+|its[ \t]+|son[ \t]+)?"
    r"(?:web[ \t]?site|site(?:[ \t]+web)?|page|google|internet)|[ \t]*(?:online|en[ \t]+ligne)",
    IGNORE_CASE,
)


def _post_called_line(text: str, start: int, end: int) -> bool:
    lo = max(0, start - 40)
    called = _CALLED_BEFORE.search(text, lo, start) is not None or (
        _FOUND_BEFORE.search(text, lo, start) is not None and _ONLINE_AFTER.match(text, end) is not None
    )
    if not called and _TEL_BEFORE.search(text, lo, start) is None:
        return False
    posts = [(a, b) for a, b in _spans_of(_POST_NAMED, text) if b <= start]
    if not posts and not called:
        # round 50 part B: or a public place the message asks about, "Tél ..." after it and no word of the client's own
        # anywhere ("Est-ce que la clinique médicale de la rue ... est un médecin désigné? Tél 514-...")
        posts = [(a, b) for a, b in _spans_of(_PLACE_NAMED, text) if start - 200 <= a and b <= start]
    post = posts[-1][0] if posts else None
    if post is None or _PERSON_AFTER.match(text, start) or _MINE_AFTER.match(text, start):
        return False
    sentence = max(max(text.rfind(c, 0, post) for c in ".!?\n") + 1, 0)
    if _POSSESSIVE.search(text, sentence, post) is not None:
        return False
    # (issue 14: the posts and the first-person words found once a text, not once a number: a text of many numbers)
    return called or not any(b <= start for _, b in _spans_of(_FIRST_PERSON, text)[:1])


@lru_cache(maxsize=16)
def _spans_of(pattern: re.Pattern[str], text: str) -> tuple[tuple[int, int], ...]:
    """Where `pattern` matches in `text`, in order (read once a text by :func:`_post_called_line`)."""
    return tuple(m.span() for m in pattern.finditer(text))


def _place_sentence_line(text: str, start: int) -> bool:
    if _THIRD_CUE_BEFORE.search(text, max(0, start - 40), start) is None:
        return False
    sentence = max(max(text.rfind(c, 0, start) for c in "!?\n") + 1, start - 160)
    return (
        _PLACE_IN_SENTENCE.search(text, sentence, start) is not None
        and _FIRST_PERSON.search(text, sentence, start) is None
    )


# Round 41 part B: a number one found on a body's website or on a search engine ("their number on the website is +84
# ...", "le numéro sur leur site c'est ...", "I see 1200 Rue Peel on google"), or that a body's line does not answer at
# ("l'ambassade ... Le numéro 02 741 06 11 ne répond pas"): public, not the client's.
_LOOKED_UP_BEFORE = re.compile(
    # (round 45 part B: or after the body's or town's name, on "your" site, the number in brackets: "the High Commission in
    # Accra phone number on your site (+233 ...)")
    r"(?<![\w'’-])(?:their|its|the|leur|le|la|l['’]|son|sa|(?-i:[A-Z])[\w'’-]+)[ \t]*(?:phone[ \t]+)?(?:number|num[ée]ro|line|ligne"
    r"|address|adresse)[ \t]+(?:on|sur|from|de|du)[ \t]+(?:the|their|its|le|leur|son|sa|la|l['’]|your|votre)?[ \t]*(?:web[ \t]?site"
    r"|site(?:[ \t]+web)?|web|internet|google(?:[ \t]+maps)?|maps|page|facebook)[ \t]*(?:is|est|c['’][ \t]?est|says|dit|:)?[ \t]*"
    r"(?:le[ \t]+)?\(?[ \t]*(?:\+[ \t]?)?$",
    IGNORE_CASE,
)
# (round 50 part B: or taken "from" the site, or that the site "lists": "phone 519-... from their website", "I called
# 613-... which your website lists", "le 514-... que votre site donne")
_LOOKED_UP_AFTER = re.compile(
    r"[ \t]+(?:on|sur|from)[ \t]+(?:the[ \t]+|le[ \t]+|leur[ \t]+|their[ \t]+|your[ \t]+|votre[ \t]+|its[ \t]+)?"
    r"(?:google(?:[ \t]+maps)?|maps|web[ \t]?site|site(?:[ \t]+web)?|internet)(?![\w'’-])"
    r"|[ \t]*,?[ \t]*(?:which|that|qui|que|qu['’])[ \t]*(?:the[ \t]+|le[ \t]+|leur[ \t]+|their[ \t]+|your[ \t]+|votre[ \t]+|its[ \t]+)"
    r"(?:web[ \t]?site|site(?:[ \t]+web)?|page|google)[ \t]+(?:lists|listed|shows|showed|gives|gave|says|said|has|had"
    r"|affiche|donne|indique|montre|dit)(?![\w'’-])",
    IGNORE_CASE,
)
_MINE_CLOSE_BEFORE = re.compile(r"(?<![\w'’-])(?:my|mine|our|mon|ma|mes|notre|nos)(?![\w'’-])[^.!?\n]{0,30}$", IGNORE_CASE)
_NOT_ANSWERING_AFTER = re.compile(
    r"[ \t]*+,?[ \t]*+(?:ne[ \t]+r[ée]pond[ \t]+(?:pas|jamais|plus)|(?:doesn['’]?t|does[ \t]+not|never|won['’]?t)[ \t]+(?:answer|pick[ \t]+up)"
    r"|(?:is|est)[ \t]+(?:always[ \t]+|toujours[ \t]+)?(?:busy|occup[ée]))(?![\w'’-])",
    IGNORE_CASE,
)


# ... and the agency's own box or street, said "your" to it ("can I send documents to your PO Box 4321 station A?").
_YOURS_BEFORE = re.compile(r"(?<![\w'’-])(?:your|votre|vos)[ \t]+(?:(?:office|bureau|mailing|postal)[ \t]+)?$", IGNORE_CASE)
_BOX_OR_NUMBER = re.compile(r"(?i:p\.?[ \t]?o\.?[ \t]*box|c\.[ \t]?p\.|case[ \t]+postale|box)|[0-9]")


# Round 42 part B: where an appointment takes place, not where the client lives: "my hearing at the IRB is on June 12 at
# 9am at 74 Victoria Street", "mon rendez-vous de biométrie est au 1200 rue ..." (not "... at my place, 12 Oak St").
_VENUE_BEFORE = re.compile(
    r"(?<![\w'’-])(?:hearing|appointment|interview|ceremony|biometrics|rendez-vous|rdv|audience|entrevue|c[ée]r[ée]monie"
    r"|biom[ée]trie|medical[ \t]+exam|examen[ \t]+m[ée]dical|oath)(?![\w'’-])"
    r"(?:(?![ \t]+(?:my|mon|ma|mes|our|notre|chez|home|house|place|address|adresse|live|habite)(?![\w'’-]))[^.!?\n]){0,60}"
    r"(?<![\w'’-])(?:at|au|à|located[ \t]+at|situ[ée]e?[ \t]+au)[ \t]+$",
    IGNORE_CASE,
)
_VENUE_KEYS = wordset(
    "hearing appointment interview ceremony biometrics rendez vous rdv audience entrevue cérémonie ceremonie biométrie biometrie exam examen oath"
)


def looked_up(scan: Scan, start: int, end: int, kind: str = "PHONE") -> bool:
    """Whether the contact detail at start:end was found on a body's website or a search engine, or is a line a public
    body does not answer at (see :data:`_LOOKED_UP_BEFORE`), or an address said "your" to the agency."""
    text = scan.text
    if kind == "ADDRESS" and _YOURS_BEFORE.search(text, max(0, start - 30), start) and _BOX_OR_NUMBER.match(text, start):
        return True
    if kind == "ADDRESS" and not _VENUE_KEYS.isdisjoint(scan.words) and _VENUE_BEFORE.search(text, max(0, start - 120), start):
        return True  # round 42 part B: an appointment's place
    if _LOOKED_UP_BEFORE.search(text, max(0, start - 60), start) or _LOOKED_UP_AFTER.match(text, end):
        return _MINE_AFTER.match(text, end) is None and _MINE_CLOSE_BEFORE.search(text, max(0, start - 40), start) is None
    return not _BODY_KEYS.isdisjoint(scan.words) and _NOT_ANSWERING_AFTER.match(text, end) is not None


# Round 42 part B: a number someone gave the client to call, asked about as the agency's or a body's ("A friend told me
# to call 613-... for emergencies, is that you guys or Global Affairs?", "on m'a dit d'appeler le 514 ..., c'est vous?").
_TOLD_TO_CALL_BEFORE = re.compile(
    r"(?<![\w'’-])(?:told|asked|said|gave)[ \t]+(?:me|us)[ \t]+(?:to[ \t]+)?(?:call|dial|phone|contact|try|this[ \t]+number)"
    r"(?:[ \t]+(?:at|on))?[ \t]*:?[ \t]*$"
    r"|(?<![\w'’-])(?:m['’][ \t]?a|nous[ \t]+a|on[ \t]+m['’][ \t]?a)[ \t]+dit[ \t]+d['’][ \t]?(?:appeler|composer|contacter|essayer)"
    r"(?:[ \t]+(?:le|au))?[ \t]*:?[ \t]*$",
    IGNORE_CASE,
)
_IS_IT_YOU_AFTER = re.compile(
    r"[^.!\n]{0,50}?(?<![\w'’-])(?:(?:is|was)[ \t]+(?:that|this|it)[ \t]+(?:you|your|yours|ircc|the[ \t]+(?:agency|government|embassy|consulate))"
    r"|(?:c['’][ \t]?est|est-ce|c)[ \t]+(?:bien[ \t]+)?(?:vous|chez[ \t]+vous|votre|l['’]ircc))(?![\w'’-])",
    IGNORE_CASE,
)


# Round 47 part B: a form's field that names a person, the person's name, then the number ("École : Lycée Classique
# d'Abidjan — Moyenne : 14,5/20. Tuteur : Seydou Koné, tél. +225 ...", "Embassy of Ghana — Emergency contact: Kofi
# Mensah +233 ..."): the person's line, whatever body the form named before it. Not when the name is a body's
# ("Répondant : Église Saint-Paul, tél. ...").
_PERSON_FIELD_BEFORE = re.compile(
    r"(?<![\w'’-])(?:tut(?:eur|rice)(?:[ \t]+l[ée]gale?)?|(?:legal[ \t]+)?guardian|parents?|p[èe]re|m[èe]re|father|mother"
    r"|conjointe?|spouse|husband|wife|[ée]poux|[ée]pouse|r[ée]pondante?|garante?|emergency[ \t]+contact"
    r"|contact[ \t]+(?:d['’][ \t]?urgence|en[ \t]+cas[ \t]+d['’][ \t]?urgence)"
    r"|personne[ \t]+[àa][ \t]+(?:contacter|joindre|pr[ée]venir)|next[ \t]+of[ \t]+kin|[ée]l[èe]ve|student|[ée]tudiante?"
    r"|nom(?:[ \t]+complet)?|(?:full[ \t]+)?name)"
    r"[ \t]*+:[ \t]*+(?:(?:M|Mme|Mlle|Mr|Mrs|Ms|Dr)\.?[ \t]++)?"
    r"(?P<name>(?-i:[A-ZÀ-Þ])[\w'’-]*+(?:[ \t]++(?-i:[A-ZÀ-Þ])[\w'’-]*+){0,3})"
    r"[ \t]*+[,(—–-]?[ \t]*+(?:(?:t[ée]l[ée]phone|t[ée]l|tel|phone|ph|cell|mobile|portable|cellulaire|whatsapp)\.?[ \t]*+:?[ \t]*+)?\Z",
    IGNORE_CASE,
)


_PERSON_ROLE = (
    r"(?:parents?|p[èe]re|m[èe]re|tut(?:eur|rice)|guardian|father|mother|mom|mum|dad|conjointe?|spouse|husband|wife"
    r"|[ée]poux|[ée]pouse|fr[èe]re|s(?:œ|oe)ur|brother|sister|fils|fille|son|daughter|enfant|child|[ée]l[èe]ve|student"
    r"|[ée]tudiante?|r[ée]pondante?|garante?|emergency[ \t]+contact|contact[ \t]+d['’][ \t]?urgence|family|famille)"
)
# ... or a phone's label that names its owner: "Téléphone du parent :", "Mother's cell:", "Phone (guardian):".
_PERSONS_PHONE_LABEL_BEFORE = re.compile(
    r"(?<![\w'’-])(?:(?:t[ée]l[ée]phone|t[ée]l|tel|phone|cell|cellulaire|mobile|portable|num[ée]ro|whatsapp)\.?[ \t]*+"
    r"(?:(?:du|de[ \t]+la|de[ \t]+l['’]|des|d['’]|de|of[ \t]+the|of)[ \t]*+(?:(?:mon|ma|mes|son|sa|ses|my|his|her)[ \t]++)?"
    rf"|\([ \t]*+(?=[^\W\d_]+[ \t]*+\)))(?:{_PERSON_ROLE})[ \t]*+\)?"
    rf"|(?:{_PERSON_ROLE})['’]s?[ \t]++(?:phone|cell|mobile|number|whatsapp|tel))"
    r"[ \t]*+(?:number[ \t]*+)?(?:is|est|c['’][ \t]?est|:|=)?[ \t]*+\Z",
    IGNORE_CASE,
)


def _person_field(text: str, start: int) -> bool:
    """Whether the number at `start` follows a person's field and name (see :data:`_PERSON_FIELD_BEFORE`) or a phone's
    label naming a person (:data:`_PERSONS_PHONE_LABEL_BEFORE`)."""
    if _PERSONS_PHONE_LABEL_BEFORE.search(text, max(0, start - 60), start):
        return True
    if ":" not in text:
        return False
    field = _PERSON_FIELD_BEFORE.search(text, max(0, start - 110), start)
    return field is not None and not any(
        w in ORG_KEYS or w in BODY_WORDS for w in field.group("name").lower().split()
    )  # ("Répondant : Église Saint-Paul, tél. ...": a body's name)


def public_line(scan: Scan, start: int, end: int) -> bool:
    """Whether the phone number at start:end is a public body's, as its words say."""
    words = scan.words
    text = scan.text
    if _MINE_AFTER.match(text, end):
        return False  # round 29 part B: "the embassy in Abuja, 0803 123 4567 is my number"
    if _person_field(text, start):
        return False  # round 47 part B: "Tuteur : Seydou Koné, tél. +225 ...", "Téléphone du parent : +225 ..."
    if _TOLD_TO_CALL_BEFORE.search(text, max(0, start - 40), start) and _IS_IT_YOU_AFTER.match(text, end):
        return True  # round 42 part B: "... told me to call 613-..., is that you guys or ...?"
    if not _BODY_KEYS.isdisjoint(words) and _BODY_BEFORE.search(text, max(0, start - 50), start) is not None:
        return True
    if (
        not _UNIT_OFFICE_KEYS.isdisjoint(words)
        and _UNIT_OFFICE_BEFORE.search(text, max(0, start - 60), start) is not None
    ):
        return True
    if not _BODY_BRACKETED_KEYS.isdisjoint(words) and _BODY_BRACKETED_BEFORE.search(
        text, max(0, start - 90), start
    ):
        return True  # round 38 part B: "the ... band office (780-...)", "la clinique du médecin désigné ..., 418-..."
    if _BODY_RIGHT_AFTER.match(text, end) and (
        _BODY_RIGHT_AFTER.match(text, end).group("of")
        or _DIALLED_BEFORE.search(text, max(0, start - 25), start)
    ):
        return True  # round 37 part B: "le 514 864-9191 du MIFI", "called +91 22 ... vfs mumbai no answer"
    if not _OF_THE_KEYS.isdisjoint(words) and _PUBLIC_SAID_AFTER.match(text, end):
        return True  # round 32 part B: "is +1 613 555 0100 the real number of the passport office?"
    if organisation_block(text, start, words):
        return True  # round 31 part B: "the mexican consulate in Toronto (416-...)", "au SANC, 1575 boul. ..., 514-..."
    if body_line(text, start) or workplace_line(text, start, words):
        return True  # round 31 part B: "... the VAC Beijing, their hotline is +86 ...", "RH au 514-..."
    if not _PLACE_SENTENCE_KEYS.isdisjoint(words) and (
        _place_sentence_line(text, start)
        or _post_town_line(text, start)
        or _post_called_line(text, start, end)
    ):
        return True
    if "line" not in words and "ligne" not in words and _OF_THE_KEYS.isdisjoint(words):
        # round 28: the body in brackets after it: "their number: 613-555-0167 (the passport office)"
        return "(" in text[end : end + 3] and _PUBLIC_AFTER.match(text, end) is not None
    return (
        _PUBLIC_AFTER.match(text, end) is not None
        or _PUBLIC_BEFORE.search(text, max(0, start - 70), start) is not None
    )


# Round 40 part B: another country's code before a number of the North American shape, that the country's plan does not
# know ("tél : (+57) 306-828-4992", "+52 306 828 4992"): part of the phone.
# The public bodies' toll-free lines (IRCC, Service Canada, the CRA, Services Québec) and the agency's own.
_PUBLIC_TOLL_FREE = AGENCY_LINES | frozenset(
    ("8882422100", "8006226232", "8008086352", "8009598281", "8009595525", "8776444545", "8002067218", "8665222122")
)
_COUNTRY_CODE_BEFORE = re.compile(
    r"(?<![\w+(])(?:\(\+[ \t]?[2-9][0-9]{0,2}\)|\+[ \t]?[2-9][0-9]{0,2})[ \t]?\Z"
)


def phones(scan: Scan) -> Iterator[Candidate]:
    """Phone numbers: formatted ones on their own, a bare ten-digit North American number
    unless it is a count or a price (a context word may still call it something else)."""
    if scan.digits < 7:
        return
    text = scan.text
    for m in every(_PHONE_NANP, text):
        main = m.group("main")
        # A 3-3-4 shape with separators is a phone number even when its exchange is not
        # valid ("555-123-4567"); ten bare digits need a valid area code and exchange.
        digits = digits_of(main)
        if (
            main.isdigit()
            and not nanp_valid(digits)
            and not (len(digits) == 10 and digits[:3] in CANADIAN_AREA_CODES)
        ):
            continue  # (round 40 part B: a Canadian area code, any exchange: "utilisez 4161005221", 7 of 7 in the sets)
        if "/" in main and digits[-10] in "01":
            continue  # tenth session: a slash after a number that is no area code ("pages 100/200-3000")
        if main.count("/") > 1 and not nanp_valid(digits[-10:]):
            continue  # round 48 part B: "250/100/2000": three quantities a slash apart, no exchange
        start, end = m.span()
        if start and text[start - 1].isalpha() and not _GLUED_PHONE_WORD.search(text, max(0, start - 12), start):
            continue  # round 53 part B: a word glued to the "+" that is no phone's
        if ")" in main and "(" not in main and not (
            nanp_valid(digits[-10:]) or digits[-10:-7] in CANADIAN_AREA_CODES
        ):
            continue  # round 53 part B: the area code's closing bracket alone, an area code's ("647)555-0178")
        if agency_line(digits) and not (
            len(digits_of(text[m.end("main") : m.end()])) >= 2 and digits[-10:] not in _PUBLIC_TOLL_FREE
        ):
            # (round 50 part B: a toll-free number with an extension of two digits or more reaches a person, "Payroll Lead |
            # 1-877-555-0110 ext 42", "call 1-800-555-0199 x 301": that person's line; the public bodies' own lines stay out
            # with one, and a menu's one digit, "1-888-242-2100 poste 3")
            continue  # "call 1-888-242-2100": the agency's line, never a client's own
        if len(set(digits[-10:])) == 1:
            continue  # round 28: "+1 (000) 000-0000", a placeholder or a spoofed caller, no one's line
        if not main.isdigit():
            if _thing_right_before(scan, start):
                continue
            code = _COUNTRY_CODE_BEFORE.search(text, max(0, start - 8), start) if "+" in text else None
            yield code.start() if code else start, end, "PHONE", PHONE_P
        elif not quantity(text, start, end) and _thing_number(scan, start, end) is False:
            yield start, end, "PHONE", FALLBACK_P
    if scan.digits >= 10 and (" " in text or "." in text or "-" in text):
        # (round 50 part B: or a dot or a dash between every digit and no blank, "4.1.6.5.5.5.0.1.9.9", "4-1-6-...")
        spaced = _PHONE_SPACED.finditer(text) if " " in text else ()
        dotted = _PHONE_DOTTED.finditer(text) if "." in text or "-" in text else ()
        for m in (*spaced, *dotted):
            digits = digits_of(m.group())
            # round 31 part B: also a French number ("0 6 5 5 5 1 2 8 4 7"), and after "number"/"numéro" said
            # to be a person's ("number for my father: 4 1 6 ...", "le numéro de mon père : 0 6 ...")
            if len(digits) == 11 and not (
                digits[0] == "1" and (nanp_valid(digits[1:]) or digits[1] in "3456789")
            ):
                continue  # eleven: a North American number after its 1, or a Chinese mobile (1, then 3-9)
            if (
                (len(digits) == 11 or nanp_valid(digits) or (digits[0] == "0" and digits[1] != "0"))
                and not agency_line(digits[-10:])
                and (
                    scan.context(m.start(), m.end(), _PHONE_KINDS)
                    or _PERSONS_NUMBER_BEFORE.search(text, max(0, m.start() - 40), m.start())
                    or _CALL_BEFORE.search(text, max(0, m.start() - 60), m.start())
                    or (
                        nanp_valid(digits)
                        and _BARE_NUMBER_BEFORE.search(text, max(0, m.start() - 20), m.start())
                        and not _thing_number(scan, m.start(), m.end())
                    )
                    # round 50 part B: or a Canadian area code's ten digits with no word at all, a reply to the bot's
                    # question ("4 1 6 5 5 5 0 1 9 9"; a UCI's ten open with 0 or 1, no area code)
                    or (
                        len(digits) == 10
                        and digits[:3] in CANADIAN_AREA_CODES
                        and nanp_valid(digits)
                        and not _thing_number(scan, m.start(), m.end())
                    )
                )
            ):
                yield m.start(), m.end(), "PHONE", PHONE_P
    if "+" in text and "\n" in text:
        for m in _PHONE_BROKEN.finditer(text):
            yield m.start(), m.end(), "PHONE", PHONE_P
    if "\n" in text:
        for m in _PHONE_BROKEN_LOCAL.finditer(text):
            if "\n" in m.group(1) and nanp_valid(digits_of(m.group(1))[:10]):  # the extension after
                yield m.start(1), m.end(1), "PHONE", PHONE_P
    if "+" in text or "00" in text:
        for m in every(_PHONE_INTERNATIONAL, text):
            if m.start() and text[m.start() - 1].isalpha() and not _GLUED_PHONE_WORD.search(
                text, max(0, m.start() - 12), m.start()
            ):
                continue
            digits = digits_of(m.group())
            if _UNUSUAL_SEPARATOR.search(m.group()) and not international_number(
                digits[2:] if m.group().startswith("00") else digits
            ):
                plain = _PHONE_INTERNATIONAL_PLAIN.match(text, m.start())
                if plain is None:
                    continue
                m, digits = plain, digits_of(plain.group())  # "+44 7911 123456 - 5 stars": the number before the dash
            if m.group().startswith("00") and len(digits) < 10:
                continue  # "its 0044-1937": "00" and a country code leave too few digits for a phone
            if m.group().startswith("00") and _GROUP_OF_FOUR_BEFORE.search(
                text, max(0, m.start() - 6), m.start()
            ):
                continue  # round 33 part B: "4716 0093 2288 5517": the tail of a card's four groups, no call to Afghanistan
            if len(digits) == 11 and digits[0] == "1" and len(set(digits[1:])) == 1:
                continue  # "+1 (000) 000-0000": a placeholder
            if 8 <= len(digits) <= 18 and not (
                len(digits) == 11 and digits[0] == "1" and agency_line(digits)
            ):
                if _UNSIGNED_DIGITS.fullmatch(m.group()) and _CLIENT_LABEL_BEFORE.search(
                    text, max(0, m.start() - 70), m.start()
                ):
                    continue  # "client id 0034917265": a UCI, not a call to Spain
                if (
                    _UNSIGNED_DIGITS.fullmatch(m.group())
                    and not MINE_KEYS.isdisjoint(scan.words)
                    and client_mine(text, m.start(), m.end())
                ):
                    continue  # round 53 part B: "UCI 0034... that's my husband's. mine is 0034...": the label's
                if _UNSIGNED_DIGITS.fullmatch(m.group()) and _thing_number(scan, m.start(), m.end()):
                    continue  # "certificate 004-5571-2290": a GIC's number, not a call to Denmark
                # (round 53 part B: the bracket that opens "(+44)" with the rest)
                bracketed = m.start() and text[m.start() - 1] == "(" and ")" in m.group()
                yield m.start() - 1 if bracketed else m.start(), m.end(), "PHONE", PHONE_P
    if scan.digits >= 11 and "011" in text:
        for m in _PHONE_EXIT_011.finditer(text):
            if international_number(digits_of(m.group("main"))[3:]):
                yield m.start(), m.end(), "PHONE", PHONE_P
    if "plus" in scan.words and scan.digits >= 8:
        for m in _PLUS_WORD.finditer(text):
            if international_number(digits_of(m.group())):
                yield m.start(), m.end(), "PHONE", PHONE_P
    if scan.digits >= 10:
        for m in _PHONE_PAIRS.finditer(text):
            yield m.start(), m.end(), "PHONE", PHONE_P
    if "/" in text and scan.digits >= 9:
        for m in _PHONE_SLASH.finditer(text):
            if 9 <= len(digits_of(m.group())) <= 10 and not _thing_right_before(scan, m.start()):
                yield m.start(), m.end(), "PHONE", PHONE_P
    if "/" in text and scan.digits >= 8:
        for m in _PHONE_SLASH_RUN.finditer(text):
            if 8 <= len(digits_of(m.group())) <= 10 and scan.context(m.start(), m.end(), _PHONE_KINDS):
                yield m.start(), m.end(), "PHONE", PHONE_P


# Round 47 part B: a phone sent in pieces that words join, as a chat types a number read out ("le numéro de ma mère à
# Lyon c'est 06 puis 71 puis 34 puis 56 puis 89", "my mom's number in Ludhiana is +91 then 98140 then 55632", "Le
# numéro c 418 puis 555 puis 0166"), after a phone's or a number's word. The pieces together must be a valid number:
# with its "+" and country code, North America's ten digits (eleven after a 1), or a region's trunk prefix and a
# national number (worldphones.trunk_number). One span a piece, the convention of round 44 part C for pieces joined by
# words ("..." alone between two pieces joins them into one span). pieces.py finds North American numbers in pieces
# after a phone's own word; this finds the others, and those after "number"/"numéro".
_PIECE_WORD = (
    r"(?:then|puis|ensuite|pis|and[ \t]+then|et[ \t]+(?:puis|ensuite|apr[èe]s)|after[ \t]+that|apr[èe]s|luego"
    r"|y[ \t]+luego|despu[ée]s|depois|e[ \t]+depois|dann|und[ \t]+dann|followed[ \t]+by|suivie?s?[ \t]+de"
    # a bare "and", "et" (three pieces at least: "06 et 98 et 45 et 32 et 17", not "2019 et 2020")
    r"|and|et|y)"
)
_BARE_AND = re.compile(r"[\s,]*(?:and|et|y)[\s,]*", IGNORE_CASE)
_PHONE_PIECE = r"[0-9]{1,5}(?:[ .-][0-9]{1,5}){0,3}"
_PHONE_PIECES = re.compile(
    rf"(?<![\w$€£@/#\]+:-])(?<![0-9][.,])(?:\+[ \t]?)?{_PHONE_PIECE}"
    rf"(?:[ \t]*+,?[ \t]*+(?:(?<![\w'’]){_PIECE_WORD}(?![\w'’])|\.{{2,3}}|…)[ \t]*+,?[ \t]*+{_PHONE_PIECE}){{1,7}}"
    r"(?![\w\[]|[.,:/-]?[0-9])",
    IGNORE_CASE,
)
_PIECES_KEYS = wordset("then puis ensuite pis après apres luego después despues depois dann followed suivi suivie and et y")
_ONE_PIECE = re.compile(r"\+?[0-9]+(?:[ .-][0-9]+)*")
_PIECES_CUE_BEFORE = re.compile(
    r"(?:(?<![\w'’-])(?:numbers?|num[ée]ros?|n[úu]meros?|num|phone|t[ée]l[ée]phone|tel|t[ée]l|cell|cellulaire|cellphone|mobile|portable"
    r"|whatsapp|joindre|reach|call|appeler|appelez|rappeler|rappelez)(?![\w'’-])|(?<![\w'’-])no\.|n[°º]|#)\.?"
    r"[^\n.!?0-9]{0,45}+\Z",
    IGNORE_CASE,
)
_PIECES_KINDS = frozenset(("PHONE", "CLIENT_ID", "SIN", "PASSPORT", "APPLICATION_NUMBER", "CREDIT_CARD", "NOT_ID"))


def phone_pieces(scan: Scan) -> Iterator[Candidate]:
    """A phone sent in pieces that words join (see :data:`_PHONE_PIECES`)."""
    if scan.digits < 8:
        return
    text = scan.text
    if _PIECES_KEYS.isdisjoint(scan.words) and "…" not in text and ".." not in text:
        return
    hints: tuple[str, ...] | None = None
    for m in _PHONE_PIECES.finditer(text):
        start, end = m.span()
        digits = digits_of(m.group())
        if not 8 <= len(digits) <= 15 or quantity(text, start, end):
            continue
        plus = m.group().startswith("+")
        pieces = list(_ONE_PIECE.finditer(text, start, end))
        kinds = scan.context(pieces[0].start(), pieces[0].end(), _PIECES_KINDS)
        if kinds and kinds[0] != "PHONE" and not plus:
            continue  # "uci 1104 then 5582 ...": the identifiers' own
        if not (plus or (kinds and kinds[0] == "PHONE") or _PIECES_CUE_BEFORE.search(text, max(0, start - 60), start)):
            continue  # (a "+" and a country's code say it is a phone)
        if plus:
            valid = international_number(digits)
        elif digits[0] != "0" and len(digits) in (10, 11) and (len(digits) == 10 or digits[0] == "1"):
            valid = nanp_valid(digits[-10:]) and not agency_line(digits[-10:])
        else:
            if hints is None:
                hints = hinted_regions(scan)
            if digits[0] == "0":
                valid = digits[1] != "0" and trunk_number(digits, hints)
            else:  # no trunk prefix: a national number of the country the message names ("au Cameroun ... 6 puis 77 ...")
                valid = bool(hints) and trunk_number(digits, hints, trunk=False)
        if not valid or public_line(scan, start, end):
            continue
        if len(pieces) < 3 and any(_BARE_AND.fullmatch(text, a.end(), b.start()) for a, b in pairwise(pieces)):
            continue  # "2019 et 2020", "514 and 555 ...": a bare "and" joins three pieces at least
        values = [int(digits_of(p.group())) for p in pieces]
        if len(values) > 2 and len({b - a for a, b in pairwise(values)}) == 1:
            continue  # "rooms 06 puis 07 puis 08 puis 09 puis 10": a count, no number read out
        first = pieces[0]
        for prev, piece in pairwise(pieces):
            if any(ch.isalpha() for ch in text[prev.end() : piece.start()]):
                yield first.start(), prev.end(), "PHONE", PHONE_P
                first = piece
        yield first.start(), pieces[-1].end(), "PHONE", PHONE_P


# A phone number spelled in words by voice-to-text, after a phone word: "my number is six one
# three five five five zero one four two", "647 five five five zero nine two two", "mon numéro
# c'est cinq un quatre cinq cinq cinq zéro un deux trois": ten digits (eleven after a 1).
_DIGIT_WORDS = {
    "zero": "0",
    "oh": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "zéro": "0",
    "un": "1",
    "deux": "2",
    "trois": "3",
    "quatre": "4",
    "cinq": "5",
    "sept": "7",
    "huit": "8",
    "neuf": "9",
}
# Round 22: or two digits at a time, as the French say a number ("zéro six quarante huit douze
# trente trois quatre vingt dix": 06 48 12 33 90) and the English sometimes ("six one three, fifty
# five, twenty one ..."): a teen is two digits, a ten two with its unit or a teen after it.
_TEEN_WORDS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
}
_TEN_WORDS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "vingt": 20,
    "vingts": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
}
# Round 42 part B: and a group of three said as a hundred ("418 six cent trois 2291": 603; "five hundred twelve")
_HUNDRED_WORDS = frozenset(("cent", "cents", "hundred"))
_DIGIT_WORD = "|".join(
    sorted([*_DIGIT_WORDS, *_TEEN_WORDS, *_TEN_WORDS, *_HUNDRED_WORDS, "et"], key=len, reverse=True)
)
_SPELLED = re.compile(
    rf"(?<![\w'’-])(?:(?i:plus)[ \t]+|(?<![\w+])\+[ \t]?)?(?:(?i:{_DIGIT_WORD})|[0-9]{{1,4}})(?:(?:[ \t,()-]|\.{{2,3}}|…)+(?:(?i:{_DIGIT_WORD})|[0-9]{{1,4}})(?![\w'’])){{3,14}}"
)
# round 51 part B: an extension after a phone spelled partly in words ("1-four-three-eight-555-0177 ext 2")
_SPELLED_EXTENSION = re.compile(_EXTENSION.removesuffix("?"), IGNORE_CASE)
_SPELLED_CONTEXT = re.compile(
    # (round 47 part B: "mobile", "whatsapp")
    r"(?i:phone|number|cell|call|text|num[ée]ro|t[ée]l[ée]phone|cellulaire|portable|tel|tél|appelle[rz]?|r?appel(?:ez|er)"
    r"|mobile|whatsapp)\b[^.!?\n0-9]{0,20}$"
    # round 36 part B: a number relayed as heard, a remark between ("her cell over the phone so sorry if its wrong: ...",
    # "the number he read: \"...", "le numéro qu'il m'a lu : « ...")
    r"|(?i:phone|number|cell|num[ée]ro)\b[^.!?\n0-9]{0,40}[:\"“«][ \t]*[\"“«]?[ \t]*$"
)
# ... or the phone word after it: "four one six five five five zero one nine three is my number"
_SPELLED_CONTEXT_AFTER = re.compile(
    r"[ \t,:-]*(?:(?:is|was|est|c['’]?[ \t]?est|that['’]?s|that[ \t]+is)[ \t]+)?(?:(?:my|his|her|our|their|mon|son|notre|le|the)[ \t]+)?"
    r"(?:(?:cell|mobile|home|work|phone)[ \t]+)?(?:phone|number|cell|num[ée]ro|t[ée]l[ée]phone|cellulaire|portable)(?![\w'’])",
    IGNORE_CASE,
)
_ID_LABEL_BEFORE = re.compile(
    r"(?i:uci|iuc|sin|nas|client|passport|passeport|dossier|file|application|demande)\b[^.!?\n0-9]{0,15}$"
)
_SPELLED_KEYS = wordset(
    "phone number cell call text numéro numero téléphone telephone cellulaire portable tel tél appelez appeler rappelez rappeler"
    " mobile whatsapp"  # round 47 part B
    " appelle rappelle appelles rappelles"  # round 51 part B: the context's own "appelle(r|z)" ("appelle moi au quatre un huit ...")
)
_SPELLED_DIGITS = wordset(" ".join(_DIGIT_WORDS))


def _below_hundred(words: list[str], k: int) -> tuple[int, int]:
    """The value said from ``words[k]`` after a hundred (a teen, a ten and its unit, a digit; 0 when none) and the
    index after it."""
    word = words[k] if k < len(words) else ""
    if word in _TEEN_WORDS:
        value = _TEEN_WORDS[word]
        if word == "dix" and k + 1 < len(words) and words[k + 1] in ("sept", "huit", "neuf"):
            return value + int(_DIGIT_WORDS[words[k + 1]]), k + 2
        return value, k + 1
    if word in _TEN_WORDS:
        value, k = _TEN_WORDS[word], k + 1
        if k + 1 < len(words) and words[k] == "et" and words[k + 1] in ("un", "onze"):
            k += 1  # "soixante et onze"
        nxt = words[k] if k < len(words) else ""
        if value == 60 and nxt in _TEEN_WORDS:
            return value + _TEEN_WORDS[nxt], k + 1
        if nxt in _DIGIT_WORDS and nxt not in ("zero", "zéro", "oh"):
            return value + int(_DIGIT_WORDS[nxt]), k + 1
        return value, k
    if word in _DIGIT_WORDS and word not in ("zero", "zéro", "oh"):
        return int(_DIGIT_WORDS[word]), k + 1
    return 0, k


def _spelled_digits(tokens: list[str]) -> str | None:
    """The digits that `tokens` (digits, digit words, teens, tens and hundreds) spell, or None."""
    digits: list[str] = []
    words = [t.lower() for t in tokens]
    i = 0
    while i < len(words):
        word = words[i]
        if tokens[i].isdigit():
            digits.append(word)
        elif word in _HUNDRED_WORDS or (
            word in _DIGIT_WORDS and i + 1 < len(words) and words[i + 1] in _HUNDRED_WORDS
        ):
            head = 1  # "cent vingt" 120
            if word in _DIGIT_WORDS:
                if word in ("zero", "zéro", "oh"):
                    return None
                head, i = int(_DIGIT_WORDS[word]), i + 1
            rest, i = _below_hundred(words, i + 1)
            digits.append(f"{head * 100 + rest:03d}")
            continue
        elif word in _DIGIT_WORDS and not (
            word == "quatre" and i + 1 < len(words) and words[i + 1] in ("vingt", "vingts")
        ):
            digits.append(_DIGIT_WORDS[word])
        elif word in _TEEN_WORDS:
            value = _TEEN_WORDS[word]
            if word == "dix" and i + 1 < len(words) and words[i + 1] in ("sept", "huit", "neuf"):
                i += 1
                value += int(_DIGIT_WORDS[words[i]])  # "dix sept" 17
            digits.append(str(value))
        elif word in _TEN_WORDS or word == "quatre":
            if word == "quatre":  # "quatre vingt(s)": eighty
                i += 1
                value = 80
            else:
                value = _TEN_WORDS[word]
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if nxt == "et" and i + 2 < len(words) and words[i + 2] in ("un", "onze"):
                i += 1  # "soixante et onze"
                nxt = words[i + 1]
            if value in (60, 80) and nxt in ("dix", "onze", "douze", "treize", "quatorze", "quinze", "seize"):
                value += _TEEN_WORDS[nxt]  # "soixante douze" 72, "quatre vingt dix" 90
                i += 1
                if nxt == "dix" and i + 1 < len(words) and words[i + 1] in ("sept", "huit", "neuf"):
                    i += 1
                    value += int(_DIGIT_WORDS[words[i]])  # "quatre vingt dix neuf" 99
            elif (
                nxt in _DIGIT_WORDS
                and nxt not in ("zero", "zéro", "oh")
                and not (nxt == "quatre" and i + 2 < len(words) and words[i + 2].startswith("vingt"))
            ):
                value += int(_DIGIT_WORDS[nxt])  # "quarante huit" 48, "twenty three" 23
                i += 1
            digits.append(str(value))
        else:
            return None  # a stray "et"
        i += 1
    return "".join(digits)


def spelled_phones(scan: Scan) -> Iterator[Candidate]:
    """Phone numbers spelled in words, after a phone word or before one."""
    if _SPELLED_KEYS.isdisjoint(scan.words) or _SPELLED_DIGITS.isdisjoint(scan.words):
        return
    text = scan.text
    said = False  # a phone already spelled in this message: "... or try my wife at four one six ..."
    for m in _SPELLED.finditer(text):
        tokens = re.findall(r"[^\s,+.…()-]+", m.group())
        plus = tokens[0].lower() == "plus" or m.group().startswith("+")
        tokens = tokens[1:] if tokens[0].lower() == "plus" else tokens
        end = m.end()
        if tokens[-1].lower() == "et":
            tokens = tokens[:-1]
            end = m.start() + m.group().rstrip(" \t,-").rfind(" ")  # "... neuf deux et celui de": not "et"
        if sum(1 for t in tokens if not t.isdigit()) < 3:
            continue  # digits alone are the other recognizers'
        digits = _spelled_digits(tokens)
        if digits is None:
            continue
        if plus:  # "plus six three nine one seven ...": the country code first
            shaped = 8 <= len(digits) <= 15 and (
                _valid_international(digits) or (said and _country_code(digits))
            )
        else:
            # teens or tens said (round 51 part B: the digits' own groups among the words, "(five one four) 555-0139", are none)
            pairs = len(digits) - sum(len(t) for t in tokens if t.isdigit()) > sum(1 for t in tokens if not t.isdigit())
            shaped = (
                len(digits) == 10
                or (len(digits) == 11 and digits[0] == "1" and not pairs)
                or (11 <= len(digits) <= 13 and not pairs and _valid_international(digits))
                # round 47 part B: a number abroad with its trunk prefix ("my mum's mobile in the UK is oh seven nine
                # one one, two three four, five six seven")
                or (
                    digits[0] == "0"
                    and 9 <= len(digits) <= 12
                    and not pairs
                    and trunk_number(digits, hinted_regions(scan))
                )
            )  # round 36 part B: "nine one, nine eight, ..."
        if digits in "01234567890" or digits in "12345678910":
            continue  # counting "one two three ... ten"
        if said and _ID_LABEL_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue  # "... and my uci is one one zero ...": the identifiers' own
        if shaped and (
            said
            or _SPELLED_CONTEXT.search(text, max(0, m.start() - 60), m.start())
            or _SPELLED_CONTEXT_AFTER.match(text, end)
        ):
            said = True
            if (ext := _SPELLED_EXTENSION.match(text, end)) is not None:
                end = ext.end()
            yield m.start(), end, "PHONE", PHONE_P


def _country_code(digits: str) -> bool:
    """Whether `digits` open with a country's calling code and leave a national number's length."""
    for size in (1, 2, 3):
        if phonenumbers.region_code_for_country_code(int(digits[:size])) != "ZZ":
            return 7 <= len(digits) - size <= 10
    return False


def _valid_international(digits: str) -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse("+" + digits))
    except phonenumbers.NumberParseException:
        return False
