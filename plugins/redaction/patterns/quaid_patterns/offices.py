"""The agency's public offices: addresses that clients quote without them being theirs.

"the Ottawa office at 365 Laurier Ave W", "room 302, 25 St Clair Ave E is the passport
office right?": a public office's address says nothing about the client, so it stays. The
list holds the civic number and the street's own name of offices open to the public (IRCC,
passport and case-processing offices); the street type and direction may be written any way.
It is the agency's to keep up to date (a public list, nothing personal in it).

Round 31 part B adds the other organisations' details by their context, not by a list:
:func:`organisation_block` (an organisation's name, then its address, town, phone and e-mail in a
row), :func:`body_line` (a body's line said with "their"/"leur" or its HR's) and
:func:`workplace_line` (a workplace's line after its name and address).
"""

from __future__ import annotations

import re

from .vocabulary import wordset

# (civic number, the street's name as an expression), one per public office.
PUBLIC_OFFICES: tuple[tuple[str, str], ...] = (
    ("365", r"laurier"),  # Ottawa: IRCC headquarters
    ("240", r"sparks"),  # Ottawa: passport office
    ("25", r"(?:st\.?|saint)[ -]?clair"),  # Toronto: IRCC and passport office
    ("1010", r"(?:rue\s+)?(?:st|saint)[ -]antoine"),  # Montréal: IRCC
    ("200", r"(?:boul(?:evard)?\.?\s+|bd\s+)?ren[ée][ -]l[ée]vesque"),  # Montréal: Complexe Guy-Favreau
    ("1148", r"hornby"),  # Vancouver: IRCC
    ("757", r"(?:west\s+|w\.?\s+)?hastings"),  # Vancouver: Sinclair Centre
    ("9700", r"jasper"),  # Edmonton: Canada Place
    ("220", r"4(?:th)?\s+ave(?:nue)?\s+s\.?e"),  # Calgary: Harry Hays Building
    ("49", r"dorchester"),  # Sydney: case processing centre
    ("6212", r"55(?:th)?\s+ave(?:nue)?"),  # Vegreville: case processing centre
)

# The post-office boxes of the case processing centres, where applications are mailed.
PUBLIC_BOXES: tuple[str, ...] = (
    "7000",  # Sydney NS: citizenship applications
    "10020",  # Sydney NS: permanent resident cards
)
_BOX = r"(?:p\.?\s?o\.?\s*box|post\s+office\s+box|case\s+postale|c\.\s?p\.|bo[iî]te\s+postale)\s*#?\s*"

_TYPE_FIRST = r"(?:(?:avenue|av\.?|rue|boulevard|boul\.?|bd|chemin|ch\.|promenade|place)\s+(?:de\s+la\s+|du\s+|des\s+|de\s+)?)?"
_OFFICE = re.compile(
    # (round 50 part C: the street's type may come first, as French writes it: "365, avenue Laurier Ouest")
    r"(?<![\w-])(?:" + "|".join(rf"{number},?\s+{_TYPE_FIRST}{street}" for number, street in PUBLIC_OFFICES)
    + rf"|{_BOX}(?:" + "|".join(PUBLIC_BOXES) + r"))(?![\w'’-])",
    re.IGNORECASE,
)
_NUMBERS = frozenset(number for number, _ in PUBLIC_OFFICES) | frozenset(PUBLIC_BOXES)
_NUMBER = re.compile(r"[0-9]+")
_BOX_WORD = re.compile(r"(?i:box|postale|c\.[ \t]?p\.)")


# Round 45 part B: a box the writer sends or mails to, or was told to, is the recipient's ("on m'a dit d'envoyer à la
# Case postale 9000, Sydney", "I mailed my application to PO Box 4500", "should I send it to P.O. Box 1500?"); not after
# "you", "they" or "IRCC" sending ("can you send it to my PO Box 45" names the writer's own too).
_SENT_TO_BOX = re.compile(
    r"(?:(?<![\w'’-])(?i:i|we|je|j['’]|nous|d['’]|to|où|ou|where)[ \t]*+(?:(?i:have|'ve|ai|avons|should|do|will|can|must|dois"
    r"|vais|need[ \t]++to)[ \t]++)?)"
    r"(?i:send|sent|mail|mailed|post|posted|courier|couriered|envoyer|envoy[ée]e?s?|poster|post[ée]e?s?|exp[ée]dier|exp[ée]di[ée]e?s?)"
    r"(?:[ \t]++(?i:it|them|my|the|mes|les|le|la|ma|mon|documents?|application|forms?|papers?|dossier|demande|formulaires?"
    r"|preuve|proof|card|carte)){0,3}[ \t]++(?i:to|à|au|a)[ \t]++(?:(?i:the|la|le)[ \t]++)?"
    rf"((?i:{_BOX})[0-9]{{1,6}})(?![\w'’-])",
)


def public_offices(text: str) -> list[tuple[int, int]]:
    """Where the text quotes one of :data:`PUBLIC_OFFICES` or :data:`PUBLIC_BOXES`, or a box sent to (see
    :data:`_SENT_TO_BOX`), as (start, end)."""
    sent = [m.span(1) for m in _SENT_TO_BOX.finditer(text)] if _BOX_WORD.search(text) else []
    if _NUMBERS.isdisjoint(_NUMBER.findall(text)):
        return sent
    return sorted([m.span() for m in _OFFICE.finditer(text)] + sent)


# Round 31 part B: an organisation's contact block. A client (or someone writing for one) quotes an office's,
# a clinic's, a school's, a firm's or an embassy's details in a row right after its name, between commas,
# slashes or brackets: "the assistant at Brennan & Koh Immigration Law, 1200 Bay St Suite 900, Toronto, tel
# 416-...", "je suis son intervenante au SANC, 1575 boul. Henri-Bourassa Est, 514-...", "the mexican consulate
# in Toronto (416-...)", "Clinique Médicale Saint-Denis 514-...", "la clinique c 438-...", "the embassy in
# Beirut is at Coolrite Bldg, tel +961 ...". Those details are the organisation's; a first-person word, a
# possessive, a home, a room, a client or a patient between the name and the detail ends the block ("the
# clinic, her cell 416-...", "Maple Clinic, our client Ana, 613-..." stay masked), and so does a place where
# someone lives or is lodged ("we are at Welcome Centre 3, 255 Main St, room 407", "elle vit au CHSLD, ...").
_ORG_WORD = (
    r"(?:clinic|clinique|centre|center|services|legal|avocats?|avocates?|consulting|immigration|college|coll[èe]ge"
    r"|c[ée]gep|[ée]cole|school|secondary|secondaire|academy|acad[ée]mie|hospital|h[ôo]pital|embassy|ambassade"
    r"|consulate|consulat|high[ \t]+commission|haut[ \t-]+commissariat|firm|cabinet|agency|agence|organisme"
    r"|associates|associ[ée]s|university|universit[ée]|pharmacy|pharmacie|institute|institut|association|society|foundation|fondation"
    r"|ministry|minist[èe]re|landlord[ \t]+company|property[ \t]+management|management[ \t]+company"
    r"|gestion[ \t]+immobili[èe]re|(?:immigration|family|criminal)[ \t]+law"
    r"|law[ \t]+(?:firm|office|group|corporation|professional[ \t]+corporation)"
    r"|chamber[ \t]+of[ \t]+commerce|chambre[ \t]+de[ \t]+commerce"  # round 36 part B
    # round 46 part B: Quebec's boards and their acronyms, "la Régie de l'assurance maladie (RAMQ), 1125, Grande Allée
    # Ouest", "la Régie du logement, 5199 ..."
    r"|r[ée]gie(?:[ \t]+(?:de[ \t]+l['’][ \t]?|de[ \t]+la|du|des|de)[ \t]*[^\W\d_]{3,}(?:[ \t]+(?-i:[a-zà-ÿ]{3,}))?)?"
    r"(?:[ \t]*\((?-i:[A-Z]{2,6})\))?"
    r"|(?-i:IRCC|CIC|MIFI|VFS|VAC|TLS|BLS|CRDV|CLSC|CIUSSS|CISSS)|tlscontact"
    # round 50 part C: a community house named after its people or place, "la Maison d'Haïti", "Maison du Père", "Maison
    # de la famille" (capitalised: "la maison de ma tante" is a home)
    r"|(?-i:Maison)(?=[ \t]+(?:de[ \t]+la|de|du|des|d['’])[ \t]*(?-i:[A-ZÀ-Þ]|famille|culture|l['’])))"
)
# After the word, its name and town and the office's desk: "Centre for Immigrants", "du Vieux Montréal", "de la
# RDC à Ottawa", "médicale du Plateau", "at Sunnybrook", "of canada in addis", "registrar", "office".
_ORG_TAIL = (
    r"(?:[ \t]+(?:(?:in|of|à|de|en)[ \t]+(?-i:[a-zà-ÿ]{3,})|(?-i:[A-ZÀ-Þ])[\w'’&.-]*|of|for|de|du|des|d['’][\w'’-]+|la|le"
    r"|l['’][\w'’-]+|in|at|à|au|en|and|et|&|m[ée]dicale?s?|medical|dentaire|dental|familiale?|family|community"
    r"|communautaire|registrar|admissions?|office|offices|reception|r[ée]ception|secr[ée]tariat|accueil|front[ \t]+desk"
    r"|main|address|adresse"
    r"|sociale?s?|sociaux|d['’]aide|aide|aux|immigrants?|r[ée]fugi[ée]s|refugees|newcomers|nouveaux[ \t]+arrivants"
    r"|m[ée]tropolitaine?|metropolitan|r[ée]gionale?|regional|nationale?|national|internationale?|international)(?![\w'’-])){0,5}"
)
_ORG_NAME = re.compile(
    # the word and its name: "Maple Grove Family Clinic", "Singh Legal Services", "l'ambassade de la RDC à Ottawa"
    rf"(?:(?<![\w'’-])|(?<=(?<![\w'’-])[lLdD]['’]))(?:(?:(?-i:[A-ZÀ-Þ])(?:[^\W\d]|['’&-])*[ \t]+|&[ \t]+){{0,4}}{_ORG_WORD}(?![\w'’-]){_ORG_TAIL}"
    # an organisation's acronym where one is, works or calls from: "au SANC", "at ISANS", "l'équipe du PROMIS"
    r"|(?<=[ \t])(?:at|au|chez|from|du)[ \t]+(?!(?:UCI|IUC|SIN|NAS|DOB|DDN|PR|RP|ID|PIN|NIP|IMM|CAQ|CSQ|LMIA|EIMT|TRV|ETA|AVE"
    r"|COPR|CRP|ECA|NOC|CNP|BIL|PGWP|PTPD|SOWP|OWP|EE|CRS|CHSLD|CHSL|YMCA|YWCA)(?![\w'’-]))(?-i:[A-Z]{3,7})(?![\w'’-]))",
    re.IGNORECASE,
)
# How the detail may follow the name: after a comma, a bracket, a colon, a dash, a label, "is at", "c'est", or
# "gave us" ("the embassy in Abuja gave us +234 ...", "le centre VFS de Dakar nous a donné le +221 ..."), or
# an emergency's line ("through the Korean embassy only in emergencies (+82 ...)").
_BLOCK_START = re.compile(
    r"[ \t]*(?:[,(:/–—=-]|(?=[0-9+]))"
    r"|[ \t]+(?:(?:phone|tel|t[ée]l|fax|t[ée]l[ée]copieur|number|num[ée]ro|line|ligne|hotline|helpline|switchboard|standard)\b|\+|[0-9])"
    r"|[ \t]+(?:(?:is|est|c['’][ \t]?est|c|are|sont)(?:[ \t]+bien)?[ \t]+(?:(?:located|situ[ée]e?)[ \t]+)?(?:(?:at|au|à|on|sur)\b|(?=[0-9+(]))"
    r"|(?:is|est|c['’][ \t]?est)[ \t]*:)"
    # round 32 part B: its place asked after the name: "le CRDV de Dakar c'est où? route des Almadies? tel ..."
    r"|[ \t]+(?:c['’][ \t]?est[ \t]+o[uù]|(?:is[ \t]+)?where(?:[ \t]+is[ \t]+it)?)[ \t]*\?"
    r"|[ \t]+(?:gave|gives|give)(?:[ \t]+(?:us|me))?[ \t]+(?:(?:the|this)[ \t]+(?:number[ \t]+)?)?(?=[+(0-9])"
    r"|[ \t]+(?:nous|m['’]|leur|lui)[ \t]*(?:a|ont)[ \t]+donn[ée]e?[ \t]+(?:le[ \t]+)?(?=[+(0-9])"
    r"|[ \t]+(?:only[ \t]+)?(?:in[ \t]+(?:an?[ \t]+)?emergenc(?:y|ies)|seulement[ \t]+en[ \t]+(?:cas[ \t]+d['’])?urgence|en[ \t]+cas[ \t]+d['’]urgence)[ \t]*\(",
    re.IGNORECASE,
)
# A sentence ends at ! ? a line break, or a dot after a word of five letters or more or before a label
# ("Vancouver). Client: ..."); "tél.", "boul.", "St." go on.
_BLOCK_STOP = re.compile(r"[!?\n]|([\w'’-]*)\.(?![\w,])")
_BLOCK_OWNER = wordset("""
my mine me i i'm we us our mon ma mes moi je j' nous notre nos his her him he she son sa ses il elle lui your votre vos
home maison domicile cell cellulaire cellphone mobile portable perso personal personnel personnelle client cliente
clients clientes patient patiente applicant demandeur demandeuse lives live habite habitent reside resides
room chambre ch their leur leurs them eux
parent parents student students élève eleve étudiant étudiante etudiant child children kid kids enfant enfants daughter
mother father mom mum dad wife husband sister brother cousin mère mere père pere femme mari sœur soeur frère frere fils
fille relative
""")
# Said by the block's start, where the owner's words are expected: "gave us", "nous a donné".
_BLOCK_GIVEN = re.compile(r"[ \t]+(?:gave|gives|give|nous|m['’]|leur|lui)\b", re.IGNORECASE)
# Where one lives or is lodged, before the name: the place is a home then, its address the person's.
_LODGED_BEFORE = re.compile(
    r"\b(?:live[sd]?|living|stay(?:s|ing|ed)?|reside[sd]?|residing|lodged|housed|h[ée]berg[ée]e?s?|vit|vivent|vivons|habite"
    r"|habitent|habitons|r[ée]side|r[ée]sident|log[ée]e?s?|shelter|refuge|r[ée]sidence|moved|d[ée]m[ée]nag[ée]e?s?)\b[^.!?\n]*\Z"
    # or is there, right before: "we are at Welcome Centre 3", "je suis au refuge", "elle est au ..."
    r"|\b(?:(?:we|i|he|she|they|il|elle|ils|elles|nous|je|on)[ \t]+(?:are|am|is|were|was|sommes|suis|est|sont|[ée]tait|[ée]taient)"
    r"|(?:we|i|they)['’](?:re|m))[ \t]+(?:now[ \t]+|still[ \t]+|maintenant[ \t]+|toujours[ \t]+)?(?:at|au|chez|à|in)[ \t]+"
    r"(?:(?:the|le|la|l['’])[ \t]*)?\Z",
    re.IGNORECASE,
)
# A possessive or an identifier's label right before the name: "my clinic, ...", "mon numéro de client IRCC 77..."
_OWN_BEFORE_NAME = re.compile(
    r"\b(?:my|our|mon|ma|mes|notre|nos|client|uci|iuc|id|dossier|file|application|demande|case|receipt|re[çc]u"
    r"|confirmation)[ \t]*(?:(?:de|du|of|d['’])[ \t]*)?\Z"
    # someone of the family at the place: "my cousin at the embassy (+82 ...)", "ma sœur au CHUM, ..."
    r"|\b(?:my|our|his|her|their|mon|ma|mes|notre|nos|son|sa|ses|leur)[ \t]+(?:cousin|cousine|brother|sister|mother|father|mom|mum"
    r"|dad|wife|husband|son|daughter|parents?|uncle|aunt|child|kid|grand(?:ma|pa|mother|father)|fr[èe]re|s(?:œ|oe)ur|m[èe]re|p[èe]re"
    r"|femme|mari|fils|fille|oncle|tante|grand-m[èe]re|grand-p[èe]re|enfant)[ \t]+(?:at|au|à|chez|from|de|of|in)[ \t]+"
    r"(?:(?:the|le|la|l['’])[ \t]*)?\Z",
    re.IGNORECASE,
)
# Round 40 part B: the body greeted is the one written to, not the detail's owner ("Dear IRCC, mailing address: PO Box
# 5465, ...", "Bonjour IRCC, mon adresse ..."); the greeting may be read as the name's first word ("Dear IRCC").
_GREETED_BEFORE = re.compile(
    r"(?<![\w'’-])(?:dear|hello|hi|hey|good[ \t]+(?:morning|afternoon|evening)|bonjour|bonsoir|cher|ch[èe]re|chers|salut"
    r"|allo|all[ôo])[ \t,]*\Z",
    re.IGNORECASE,
)
# Round 40 part B: a lone role word in lower case right after a capitalised name and a comma is the person's role
# (a signature: "Me Carlos Roy, avocate, 1-905-738-4828"), not an organisation's name.
_LONE_GENERIC = frozenset(("services", "legal", "consulting", "associates", "associés", "associes"))
_ROLE_WORD = re.compile(r"(?-i:avocat|avocate|avocats|avocates|lawyer|attorney|consultant|consultante|notaire|notary)")
_NAME_COMMA_BEFORE = re.compile(r"(?-i:[A-ZÀ-Þ])[\w'’-]+[ \t]*,[ \t]*\Z")
_GREETING_HEAD = re.compile(
    r"(?:dear|hello|hi|hey|bonjour|bonsoir|cher|ch[èe]re|chers|salut|allo|all[ôo])[ \t]+", re.IGNORECASE
)
_BLOCK_WORD = re.compile(r"[^\W\d_]+['’]?")
# A street's type after the word: the word names a street, not a body ("12 College St", "100 Academy Rd").
_STREET_AFTER = re.compile(
    r"[ \t]+(?:st|street|ave|avenue|blvd|boulevard|rd|road|dr|drive|cres|crescent|way|lane|ln|pl|place|ct|court|sq|square"
    r"|rue|chemin|ch|boul|av|terrace|pkwy|parkway|hwy|highway)\b\.?",
    re.IGNORECASE,
)
_ORG_KEYS = wordset("""
clinic clinique centre center services legal avocats avocat avocate avocates consulting immigration college collège
cégep cegep école ecole school secondary secondaire academy académie hospital hôpital hopital embassy ambassade
consulate consulat commission haut-commissariat commissariat firm cabinet agency agence organisme university
université pharmacy pharmacie institute institut association society foundation fondation ministry ministère
associates associés associes landlord management gestion law chamber chambre régie regie maison ircc cic mifi vfs vac tls bls crdv clsc ciusss cisss tlscontact at au chez from du
""")


_CHAMBER = re.compile(r"chambre[ \t]+de[ \t]+commerce", re.IGNORECASE)
_HOUSE_OF = re.compile(r"(?<![\w'’-])Maison(?=[ \t]+(?:de|du|des|d['’]))")
_ASKED_REACH = 60  # characters between the name and the detail where a question mark goes on


def organisation_block(text: str, start: int, words: frozenset[str] | set[str]) -> bool:
    """Whether the detail at `start` stands in an organisation's contact block: its name (see
    :data:`_ORG_NAME`) before it in its sentence, and between them only its other details, its town and
    their labels (no word of :data:`_BLOCK_OWNER`); `words`: the message's lower-case words."""
    if _ORG_KEYS.isdisjoint(words):
        return False
    lo = max(0, start - 130)
    last = None
    for m in _ORG_NAME.finditer(text, lo, start):
        if m.end() <= start and not _STREET_AFTER.match(text, m.end()) \
                and not re.search(r"[0-9][\w-]*[ \t]+\Z", text[max(0, m.start() - 12):m.start()]):
            last = m
    if last is None:
        return False
    before = text[max(0, last.start() - 60):last.start()]
    lead = re.match(r"(?:at|au|chez|from|du)[ \t]+", last.group(), re.IGNORECASE)
    led = before + (lead.group() if lead else "")
    if _LODGED_BEFORE.search(led) or _OWN_BEFORE_NAME.search(led):
        return False
    if _GREETED_BEFORE.search(led) or _GREETING_HEAD.match(last.group()):
        return False
    if last.group().strip().lower() in _LONE_GENERIC:
        return False  # round 40 part B: "SERVICES 200-200-0000": a generic word alone names no body
    if _ROLE_WORD.fullmatch(last.group()) and _NAME_COMMA_BEFORE.search(text, max(0, last.start() - 40), last.start()):
        return False  # round 40 part B: a person's role after the name ("Me Carlos Roy, avocate, 1-905-..."): no body
    name = _CHAMBER.sub(" ", last.group())  # round 36 part B: a chamber of commerce is no room ("chambre")
    name = _HOUSE_OF.sub(" ", name)  # round 50 part C: "la Maison d'Haïti" is no home ("maison")
    tail_words = [w.lower() for w in _BLOCK_WORD.findall(name)]
    if any(w in _BLOCK_OWNER for w in tail_words):
        return False
    between = text[last.end():start]
    opening = _BLOCK_START.match(text, last.end())
    if opening is None or opening.end() > start:
        return False
    for stop in _BLOCK_STOP.finditer(between):
        word = stop.group(1)
        if stop.group() == "?" and len(between) <= _ASKED_REACH:
            continue  # round 32 part B: a question on the way ("c'est où? route des Almadies? tel ...")
        if word is None or len(word) > 4 or re.match(r"[ \t]+[A-Z][a-z]*:", between[stop.end():]):
            return False
    rest = text[opening.end():start] if _BLOCK_GIVEN.match(between) else between
    return all(w.lower().replace("’", "'").rstrip("'") not in _BLOCK_OWNER and w.lower().replace("’", "'") not in _BLOCK_OWNER
               for w in _BLOCK_WORD.findall(rest))


# Round 31 part B: a body's line said with "their"/"leur" or as its HR's, the body named before, perhaps in the
# sentence before: "Does the VFS in Lagos open at 8am? their line +234 ...", "a rdv au CRDV de Beyrouth, leur
# ligne +961 ...", "we booked biometrics at the VAC Beijing, their hotline is +86 ...", "RH au 514-...", "their hr
# number is 416-...". Not when people could be "they" ("my parents live in Lagos, their number is ..."): no
# plural person's word before it in reach.
_THEIR_LINE_BEFORE = re.compile(
    r"\b(?:(?:their|leur|its)[ \t]+(?:(?:main|phone|hr|rh|office|front[ \t]+desk)[ \t]+)?"
    r"(?:line|ligne|number|num[ée]ro|hotline|helpline|phone|t[ée]l[ée]phone|tel|t[ée]l|standard|switchboard)"
    r"|(?<!my[ \t])(?<!mon[ \t])(?:hr|rh|human[ \t]+resources|ressources[ \t]+humaines)"
    r"(?:[ \t]+(?:dept|department|service|office|bureau))?(?:[ \t]+(?:line|ligne|number|num[ée]ro|phone|t[ée]l))?)"
    r"(?:[ \t]+(?:is|est|c['’][ \t]?est|c))?[ \t]*(?:at|au|:|=)?[ \t]*\+?\Z",
    re.IGNORECASE,
)
_HR = re.compile(r"\b(?:hr|rh|human|ressources)\b", re.IGNORECASE)
_PLURAL_PEOPLE = wordset("""
parents children kids family families grandparents friends relatives cousins sisters brothers sons daughters neighbours
neighbors hosts sponsors in-laws they them both people enfants famille amis amies voisins grands-parents frères freres
sœurs soeurs cousines beaux-parents filles ils elles eux tous
""")
_BODY_NAMED = re.compile(
    rf"(?:(?<![\w'’-])|(?<=(?<![\w'’-])[lLdD]['’])){_ORG_WORD}(?![\w'’-])|\b(?:store|shop|magasin|office|bureau|company|compagnie"
    r"|entreprise|employer|employeur|works?|worked|travaille|pharmacy|restaurant|hotel|h[ôo]tel|bank|banque)\b",
    re.IGNORECASE,
)


def body_line(text: str, start: int) -> bool:
    """Whether the phone number at `start` is said to be a body's line by "their ..."/"leur ..." or its HR's,
    with a body or a workplace named before it and no plural person's word in reach (see
    :data:`_THEIR_LINE_BEFORE`)."""
    cue = _THEIR_LINE_BEFORE.search(text, max(0, start - 45), start)
    if cue is None:
        return False
    lo = max(0, cue.start() - 150)
    if _HR.match(text, cue.start()) is None and not any(w.lower() in _PLURAL_PEOPLE for w in _BLOCK_WORD.findall(text[lo:cue.start()])):
        return _BODY_NAMED.search(text, lo, cue.start()) is not None
    return _HR.search(text, cue.start(), start) is not None and _BODY_NAMED.search(text, lo, cue.start()) is not None


# Round 50 part C: a body's address said with "their"/"leur"/"its", the body named before it, perhaps in the sentence
# before ("l'ambassade de France peut légaliser mes documents? leur adresse 42 promenade Sussex, Ottawa", "the VFS
# centre in Lagos, their address is 12 ..."); not when people could be "they" (no plural person's word in reach).
_THEIR_ADDRESS_BEFORE = re.compile(
    r"(?<![\w'’-])(?:their|leur|its)[ \t]+(?:(?:new|nouvelle|main|mailing|postal|street|civic|civique)[ \t]+)?"
    r"(?:address|adresse)(?:[ \t]+(?:postale|civique))?(?:[ \t]+(?:is|est|c['’][ \t]?est|c))?[ \t]*(?:[:=][ \t]*)?(?:(?:at|au|le)[ \t]+)?\Z",
    re.IGNORECASE,
)


def body_address(text: str, start: int) -> bool:
    """Whether the address at `start` is said to be a body's by "their address"/"leur adresse", a body named before it and
    no plural person's word in reach (see :data:`_THEIR_ADDRESS_BEFORE`)."""
    cue = _THEIR_ADDRESS_BEFORE.search(text, max(0, start - 40), start)
    if cue is None:
        return False
    lo = max(0, cue.start() - 150)
    if any(w.lower() in _PLURAL_PEOPLE for w in _BLOCK_WORD.findall(text[lo:cue.start()])):
        return False
    return _BODY_NAMED.search(text, lo, cue.start()) is not None


# Round 31 part B: a workplace named, then its address, then the phone: the business's line ("l'employeur de ma
# femme c le Provigo au 3421 avenue du Parc, (514) 555-...", "my wife's employer is Tim Hortons, store at 874
# Sheppard Ave W, (416) 555-..."). The address between is needed: "my employer is John Smith, 416-..." stays.
_WORKPLACE = re.compile(
    r"\b(?:(?:employer|employeur)(?:['’]s)?(?:[ \t]+(?:de|of|d['’])[ \t]*(?:[\w'’-]+[ \t]+){0,2}?[\w'’-]+)?[ \t]+(?:is|est|c['’]?[ \t]?est|c)"
    r"|(?:works?|worked|working|travaille|travaillait|bosse)[ \t]+(?:at|for|chez|à|au|pour))[ \t]+"
    r"(?:(?:the|le|la|l['’])[ \t]*)?(?-i:[A-ZÀ-Þ])[\w'’&.-]*(?:[ \t]+(?-i:[A-ZÀ-Þ])[\w'’&.-]*){0,3}",
    re.IGNORECASE,
)
_CIVIC_STREET = re.compile(
    r"[0-9]{1,6}[ \t]+(?:[\w'’.-]+[ \t]+){0,3}?(?:st|street|ave|avenue|blvd|boulevard|rd|road|dr|drive|rue|chemin|boul|av|way"
    r"|lane|cres|crescent|pkwy|hwy|place|court)\b|[0-9]{1,6}[ \t]+(?:rue|avenue|av|boul|boulevard|chemin|ch)\b"
    r"|\[ADDRESS\]",  # the address masked by an earlier pass
    re.IGNORECASE,
)
_WORK_KEYS = wordset("employer employeur work works worked working travaille travaillait bosse")


def workplace_line(text: str, start: int, words: frozenset[str] | set[str]) -> bool:
    """Whether the phone number at `start` follows a workplace's name and its address in its sentence, with
    only the block's words between (see :data:`_WORKPLACE`)."""
    if _WORK_KEYS.isdisjoint(words):
        return False
    last = None
    for m in _WORKPLACE.finditer(text, max(0, start - 120), start):
        last = m
    if last is None:
        return False
    between = text[last.end():start]
    if _CIVIC_STREET.search(between) is None or not re.match(r"[ \t]*(?:,|(?:at|au|on|sur|à)\b)", between, re.IGNORECASE):
        return False
    for stop in _BLOCK_STOP.finditer(between):
        word = stop.group(1)
        if word is None or len(word) > 4:
            return False
    return all(w.lower().replace("’", "'") not in _BLOCK_OWNER for w in _BLOCK_WORD.findall(between))


# Round 36 part B: a company's contacts, not the writer's. A signature or a message gives the work contacts beside the
# person's own: the company's office, its address, postal code and switchboard are public, the person's mobile, e-mail
# and home stay masked. Three cues:
# - the company spoken of as "our"/"notre" (or "my company"), then its details in a row, in its sentence: "Our Madrid
#   office is at Paseo de la Castellana 95, planta 12, 28046 Madrid, switchboard +34 ...", "notre siège est au 12 avenue
#   ..., 75008 Paris", "Notre filiale coréenne: 15F, ...", "My company is Brenner Logistik GmbH, Leopoldstraße 250, ...",
#   "Our office is +81 3-...": a private word between ("home", "perso", "cell", "mobile", "my", "I live") ends the block;
# - a company line's label before the number or in brackets after it: "switchboard +49 ...", "standard 01 53 ...", "the
#   reception at our Toronto branch is 416-...", "office PBX +57 ...", "Tel. (main) ...", "... (switchboard)",
#   "(reception)";
# - an office's line beside a personal one: "Cell. perso : 581 ...\nBureau : 418 ...", "M: ... T: ... (office)": with
#   a personal line's label in the message, a number labelled office/bureau/work/travail is the company's ("office
#   line is 905-... ext. 32" alone stays masked: nothing says it is not the writer's own desk).
_COMPANY_NOUN = (
    r"(?:offices?|bureaux?|si[èe]ge(?:[ \t]+social)?|head[ \t]+office|headquarters|(?-i:HQ)|company|companies|soci[ée]t[ée]"
    r"|entreprise|compagnie|firm|filiale|subsidiary|branch|succursale|organisme|organi[sz]ation|plant|usine|factory|group|groupe)"
)
_COMPANY_NAMED = re.compile(
    rf"(?<![\w'’-])(?:(?:our|notre|nos)[ \t]+(?:[\w'’.-]+[ \t]+){{0,3}}?{_COMPANY_NOUN}"
    rf"|(?:my|mon|ma)[ \t]+(?:[\w'’-]+[ \t]+)?(?:company|companies|soci[ée]t[ée]|entreprise|compagnie|firm|filiale|subsidiary))"
    r"(?:['’]s)?(?![\w'’-])"
    # its name, town or kind: "Our Mexico City office", "My company is Brenner Logistik GmbH", "notre siège est au"
    r"(?:[ \t]+(?:(?-i:[A-ZÀ-Þ])[\w'’&.-]*|(?-i:[a-zà-ÿ]+(?:aise?s?|ienne?s?|ane?s?|ique|oise?s?|ean|ese|ish))"
    r"|in|at|au|à|a|en|de|du|des|of|is|est|are|sont|c['’][ \t]?est|located|situ[ée]e?|based|bas[ée]e?"
    r"|registration|address|adresse|details|coordonn[ée]es|info)(?![\w'’-])){0,6}"
    r"[ \t]*[:,(=–—-]?",
    re.IGNORECASE,
)
_COMPANY_KEYS = wordset("""
our notre nos my mon ma
""")
_PRIVATE_WORDS = wordset("""
my mine me i i'm we we've us nous mon ma mes moi je j' his her him he she son sa ses il elle lui your votre vos
home maison domicile cell cellulaire cellphone mobile mob portable perso personal personnel personnelle private privé
privée whatsapp lives live living habite habitent reside resides résidence residence apartment appartement apt appt
""")
_PRIVATE_LINE = re.compile(
    r"(?<![\w'’-])(?:cell|cellulaire|cellphone|mobile|mob|portable|perso|personal|personnel(?:le)?|private|priv[ée]e?"
    r"|whats[ \t]?app|(?-i:M))(?![\w'’-])[^\n0-9+\[]{0,20}(?:[+(0-9]|\[(?-i:PHONE)\])",
    re.IGNORECASE,
)
_COMPANY_LINE_BEFORE = re.compile(
    r"(?<![\w'’-])(?:switchboard|standard(?:[ \t]+t[ée]l[ée]phonique)?|r[ée]ception|accueil|(?:office[ \t]+)?(?-i:PBX)"
    r"|central(?:ita)?|zentrale|centrale)(?![\w'’-])"
    r"(?:[^\n.!?0-9]{0,35}?(?<![\w'’-])(?:is|est|c['’][ \t]?est)(?![\w'’-]))?[ \t]*[:=.-]?[ \t]*(?:\+[ \t]?)?\Z"
    r"|(?<![\w'’-])t[ée]l(?:[ée]phone)?\.?[ \t]*\([ \t]*(?:main|switchboard|standard|reception|r[ée]ception|office|bureau"
    r"|si[èe]ge)[ \t]*\)[ \t]*[:=.-]?[ \t]*(?:\+[ \t]?)?\Z",
    re.IGNORECASE,
)
_COMPANY_LINE_AFTER = re.compile(
    r"[ \t]*\([ \t]*(?:the[ \t]+|le[ \t]+|la[ \t]+)?(?:switchboard|standard|reception|r[ée]ception|accueil|main(?:[ \t]+line)?"
    r"|head[ \t]+office|si[èe]ge|company|entreprise|soci[ée]t[ée])[ \t]*\)",
    re.IGNORECASE,
)
_OFFICE_LINE_BEFORE = re.compile(
    r"(?:^|[\n,;|/(])[ \t]*(?:(?:the|le|la|l['’]|and|et|my|mon)[ \t]*)?(?:office|bureau|work|travail|business)"
    r"(?:[ \t]+(?:line|phone|number|num[ée]ro|tel|t[ée]l|(?-i:PBX)))?[ \t]*(?:is|est|c['’][ \t]?est)?[ \t]*[:=.-]?[ \t]*(?:\+[ \t]?)?\Z",
    re.IGNORECASE,
)
_COMPANY_LINE_KEYS = wordset("""
switchboard standard reception réception accueil pbx central centralita zentrale centrale main office bureau work
travail business
""")


# A flat or a unit in the address: a home's, or labelled as the client's by the older sets ("employed at our trucking
# company at 7150 Torbram Road, Unit 12, ...", heldout40; round 34's employer rule reads it the same way).
_FLAT_WORD = re.compile(r"(?<![\w'’-])(?:app|appt|apt|apto|appartement|apartment|logement|unit|unité|depto|dpto)(?![\w'’-])", re.IGNORECASE)
# A company named in the message, for an office's line beside a personal one: its legal form or its kind.
_COMPANY_IN_MESSAGE = re.compile(
    r"(?<![\w'’-])(?:(?-i:Inc|Ltd|Ltée|GmbH|AG|SA|S\.A|SAS|SARL|SpA|S\.p\.A|BV|NV|LLC|LLP|Pty|PLC|Plc|Co|Corp|KK|AS|AB|Oy|ApS|Srl|S\.L|SL|Ltda)"
    r"(?![\w'’-])|cabinet|firm|company|soci[ée]t[ée]|entreprise|compagnie|group|groupe|corporation)",
    re.IGNORECASE,
)


# Round 49 part C: a representative's own office, the file's mailing address: counsel, a consultant, a lawyer writing for
# the applicant ("I am counsel for the applicant ... Our office: 1200 Bay Street, Suite 904, Toronto ...", "Je suis
# l'avocate de Mme ... Notre bureau : 480 rue ...") gives the office, unnamed, as where to reach the client; a firm named
# before its details stays a company's ("Our firm: Maple Leaf Immigration Consulting, 300-1 Place Ville Marie").
_REPRESENTATIVE_KEYS = wordset("""
counsel lawyer lawyers attorney attorneys avocat avocate avocats consultant consultante rcic representative représentant
représentante representant representante procureur procureure procureurs paralegal parajuriste represent represents
representing représente représentons represente representons
""")
_OWN_OFFICE_NAMED = re.compile(
    r"(?<![\w'’-])(?:our|notre)[ \t]+(?:office|bureau|cabinet|firm|practice)(?:[ \t]+(?:is|est|c['’][ \t]?est))?"
    r"(?:[ \t]+(?:located[ \t]+)?(?:at|au|à))?[ \t]*[:,=–—-]?[ \t]*(?=[0-9])",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?][ \t]+[A-ZÀ-Þ]|\n[ \t]*\n")


_REPRESENTATIVE_HINT = re.compile(r"(?i:counsel|lawyer|attorney|avocat|consultant|rcic|repr[ée]sent|procureur|paralegal|parajuriste)")


def representative_words(text: str) -> bool:
    """A quick test: whether `text` may name a representative (see :func:`representative_office`)."""
    return _REPRESENTATIVE_HINT.search(text) is not None


def representative_office(text: str, start: int, words: frozenset[str] | set[str]) -> bool:
    """Whether the detail at `start` is in the address a representative gives right after the words of their own office,
    unnamed, in the same sentence (see :data:`_OWN_OFFICE_NAMED`)."""
    if _REPRESENTATIVE_KEYS.isdisjoint(words):
        return False
    last = None
    for m in _OWN_OFFICE_NAMED.finditer(text, max(0, start - 120), start + 1):
        last = m
    return last is not None and _SENTENCE_END.search(text, last.end(), start) is None


def _company_block(text: str, start: int) -> bool:
    last = None
    for m in _COMPANY_NAMED.finditer(text, max(0, start - 150), start):
        last = m
    if last is None:
        return False
    between = text[last.end():start]
    for stop in _BLOCK_STOP.finditer(between):
        word = stop.group(1)
        if word is None or len(word) > 4:
            return False
    return all(w.lower().replace("’", "'") not in _PRIVATE_WORDS for w in _BLOCK_WORD.findall(between))


# Rounds 41 and 43 (issue 14): a business signature's block. Its head line names the person's role ("Head of
# Procurement", "Directrice export – Lactalis International", "Associé | Raymond Chabot Grant Thornton") or the firm's
# legal form ("Gauthier & Frères inc.", "Brenner Logistik GmbH", "... JSC", "Bankole & Co. Chartered Accountants"); the
# company's street, town and code and its main line ("T 819 ...", "Tél :", "Phone:", "Hotline:", "... office", a bare
# number beside a labelled mobile) follow, and the person's own line is somewhere in the block ("M:", "Cell. :",
# "Mobile", "Cel", "GSM", "HP", "DID", "Direct", "C 514 ...", "(personal)"): the company's details, not the writer's.
# With no line of the person's own, the block's street and line are the writer's. A line with a private word
# ("Home:", "adresse perso", "(private, ...", "my ..."), a form's labelled field ("Adresse :", "Contact :" of a contact
# person) and an address below the contacts (a home: "...@accenture.com\nBlk 5 Lot 12 ...") stay theirs; a blank line
# ends the block.
# The role's words, one form a word ("_" for a blank; the capitals' short forms match in capitals only).
_ROLE_TERMS = wordset("""
manager managing director directora directrice directeur diretor diretora gerente jefe jefa leiter leiterin
geschäftsführer geschäftsführerin geschaftsfuhrer geschaftsfuhrerin head_of lead partner associé associée associe
associee ingeniero ingeniera ingénieur ingénieure ingenieur ingenieure engineer responsable officer consultant
président présidente president presidente founder fondateur fondatrice owner supervisor superviseur chef analyst
analyste specialist spécialiste specialiste coordinator coordinateur coordinatrice coordonnateur coordonnatrice advisor
adviser conseiller conseillère conseillere accountant comptable gérant gérante gerant gerante secretary secrétaire
secretaire administrator administrateur administratrice executive exécutif exécutive executif vice_president
vice-president vp
""")
_ROLE_CAPITALS = wordset("CEO CFO CTO COO CPA HR RH")
# The firm's legal forms, in the case written ("& Co.", "& Associés" in any case).
_LEGAL_FORMS = wordset("""
Inc inc INC Ltée ltée Ltd LTD GmbH AG SA S.A SAS SARL LLC LLP Corp Srl S.R.L SpA S.p.A Pty PLC Plc Ltda JSC Pvt BV NV KK
AB Oy ApS Bhd S.E.N.C SENC
""")
_LEGAL_PARTNERS = wordset("co cie associés associes associates partners frères freres fils")


def _alternation(terms: frozenset[str]) -> str:
    return "|".join(re.escape(t).replace("_", r"[ \t]+") for t in sorted(terms, key=lambda t: (-len(t), t)))


_ROLE_LINE = re.compile(
    rf"(?<![\w'’-])(?:(?i:{_alternation(_ROLE_TERMS)})|(?-i:{_alternation(_ROLE_CAPITALS)}))(?![\w'’-])"
)
# a role line's firm after the role and a separator (the line opens with the role, in capitals): "Associé | Raymond Chabot Grant Thornton", "Supervisor, Accenture"
ROLE_LINE_BEFORE = re.compile(
    r"[ \t]*+(?:(?-i:[A-ZÀ-Þ&])[\w&.'’-]*[ \t]++){0,5}" + _ROLE_LINE.pattern + r"[^\n|,–—:]{0,30}?[ \t]*+(?:\||,|–|—)[ \t]*+\Z"
)
_FIRM_LINE = re.compile(
    rf"(?<![\w'’-])(?:(?-i:{_alternation(_LEGAL_FORMS)})\.?(?![\w'’-])|&[ \t]+(?i:{_alternation(_LEGAL_PARTNERS)})(?![\w'’-]))"
)
# the person's own line: its label, then the number (or its placeholder), or the label opening the line
_OWN_LABEL = (
    r"m|mob|mobile|cell|cel|cellulaire|cellphone|gsm|hp|did|direct|directe|portable|perso|personal|personnel|personnelle"
    r"|private|priv[ée]e?|whats[ \t]?app|zalo|globe|c"
)
_OWN_LINE = re.compile(
    rf"(?<![\w'’-])(?i:{_OWN_LABEL})(?![\w'’-])[ \t]*+\.?[ \t]*+(?:[:/)]|ligne|(?i:line)[ \t]*+:?)?[ \t]*+(?:\+|\(?[0-9]|\[(?-i:PHONE)\])"
    # round 44 part B: the label after the number, "(902) 555-0199 cell", "... (mobile)"
    r"|(?<=[0-9\]])[ \t]*+\(?(?i:cell|cellulaire|mobile|mob|gsm|portable|perso|personal|private|direct|whats[ \t]?app)\)?(?![\w'’-])"
    r"|\((?i:personal|perso|cell|mobile|gsm|private|priv[ée]e?)\)"
    r"|^[ \t]*+(?i:home|maison|m|mob|mobile|cell|cellulaire|cellphone|portable|perso|personal|personnel(?:le)?|direct|private"
    r"|priv[ée]e?|whats[ \t]?app)(?![\w'’-])",
    re.MULTILINE,
)
# Round 44 part B: a block signed by a team, a department or a service, no person's name above it ("Regards,\nThe
# Mobility Team\nAcme Relocation Services Inc.\n100 King St W ...", "Cordialement,\nL'équipe Admissions
# internationales\nCollège ...", "Service des ressources humaines"): the organisation's block, no own line needed.
_TEAM_LINE = re.compile(
    r"[ \t]*+(?:(?i:the|our|l['’]|la|le|les|el|equipo|das)[ \t]*+)?(?:[\w'’&.-]++[ \t]++){0,4}?"
    r"(?i:team|teams|[ée]quipe|department|dept|d[ée]partement|service|services|desk|secretariat|secr[ée]tariat|office|bureau"
    r"|direction|division|unit|unité)(?:[ \t]++[\w'’&.-]++){0,5}[ \t]*+"
)
_PRIVATE_IN_LINE = re.compile(
    r"(?<![\w'’-])(?i:home|maison|domicile|perso|personal|personnel(?:le)?|private|priv[ée]e?|my|mon|ma|mes|i|je|j|moi|me"
    r"|live|habite|p\.?s)(?![\w'’-])"
)
_LABELLED_LINE = re.compile(r"(?m)^[ \t]*(?i:address|adresse|addr|contact|personne-ressource)\.?[ \t]*:")
# a main line's segment: its label or none, then the number
_MAIN_SEGMENT = re.compile(
    r"[ \t]*+(?:(?i:t|tel|tél|téléphone|telephone|phone|ph|main|hotline|standard|switchboard|board|office|bureau|t[ée]l\.?[ \t]++bureau"
    r"|reception|réception|accueil|fax|f|sans[ \t]+frais|toll[ \t]+free)\.?[ \t]*+:?[ \t]*+)?\+?[ \t]*+\(?[0-9]"
)
# ... or after it: "(902) 555-0144 office", "+91 22 2576 7200 (Department)"
_MAIN_AFTER = re.compile(
    r"[ \t]*+\(?(?i:office|bureau|main|switchboard|standard|reception|r[ée]ception|department|d[ée]partement|head[ \t]+office"
    r"|si[èe]ge)\)?[ \t]*+"
)
_CONTACT_LINE = re.compile(r"@|[0-9][0-9 \t().-]{6,24}[0-9]")
# an institution's line under the person's name heads the block too ("Department of Chemical Engineering", "Faculty of
# Law", "School of Nursing", "Institute of ...")
_INSTITUTION_LINE = re.compile(
    r"[ \t]*+(?i:department|dept\.?|d[ée]partement|faculty|facult[ée]|school|[ée]cole|institute|institut|university|universit[ée]"
    r"|college|coll[èe]ge)(?![\w'’-])"
)
# below the contacts, an address with a dwelling's word may be the person's home ("Flat 302, Lake View Apartments",
# "Blk 5 Lot 12 ..."); an office park's or a road's is the company's ("Electronics City, Hosur Road, Bengaluru 560100")
_DWELLING = re.compile(
    r"(?<![\w'’-])(?i:flat|apt|apartments?|apto|appt?|appartement|house|home|villa|blk|block|lot|unit|room|chambre|logement"
    r"|maison|casa|r[ée]sidence|residency|condo|suite|floor|étage|piso|depto)(?![\w'’-])"
)
# a post-office box is no home: below the contacts too it is the company's ("E: ...@gulfhorizon.ae\nPO Box 118293, Dubai")
_BOX = re.compile(r"(?i:p\.?[ \t]?o\.?[ \t]*box|post[ \t]+office[ \t]+box|b\.?p\.?|case[ \t]+postale|c\.p\.|postfach|apartado)[ \t]*[0-9]")
# Round 45 part B: a firm writing for its clients. A consultant's, a lawyer's or a clinic's letter says so ("We represent
# the sponsor", "I am counsel for", "à titre de représentante autorisée", "our firm", "notre cabinet", "our client",
# "Notre clinique"); its closing block then gives the firm's name ("Passerelle Immigration Avocats", "Borealis Law LLP",
# "Westend Legal Clinic", "The team at Maplewood Settlement & Immigration Services") and under it the firm's office and
# switchboard: public, not the writer's, even with no line of the person's own (the person's own e-mail is in the body,
# "reply to me directly at ...", and a "Direct:" or "Cell:" line in the block stays theirs).
_FIRM_VOICE = re.compile(
    r"(?<![\w'’-])(?i:(?:our|notre|nos)[ \t]++(?:firm|law[ \t]++firm|cabinet|clinic|clinique|practice|client|cliente|clients"
    r"|clientes)|we[ \t]++(?:represent|act[ \t]++(?:as|for)|are[ \t]++(?:an?[ \t]++)?(?:[\w-]++[ \t]++){0,2}?(?:law[ \t]++)?firm)"
    r"|nous[ \t]++(?:repr[ée]sentons|agissons)|i[ \t]++(?:represent|am[ \t]++counsel)|counsel[ \t]++for"
    r"|(?:authori[sz]ed|paid)[ \t]++representative|repr[ée]sentant(?:e)?[ \t]++autoris[ée]e?|question[ \t]++from[ \t]++our[ \t]++office)"
    r"(?![\w'’-])"
)
# the firm's name on its line (or before " — " on the address's line): a firm's word, capitalised, and no digit
_FIRM_NAME_WORD = re.compile(
    r"(?<![\w'’-])(?:(?-i:Law|Legal|Lawyers|Avocats|Avocates|Avocat|Droit|Immigration|Consulting|Consultants|Conseil|Conseils"
    r"|Clinic|Clinique|Group|Groupe|Services|Corporation|Cabinet|Chambers|Notaires|Associates|Associés|Partners)"
    r"|S\.E\.N\.C\.R\.L\.?|s\.e\.n\.c\.r\.l\.?)(?![\w'’-])"
)
_NAME_SEGMENT_END = re.compile(r"(?<![ \t])[ \t]++[—–|][ \t]")


# ... and in such a letter, the line said to stay, its sentence naming no one: "Telephone remains 613-...", "Le numéro de
# téléphone demeure le 613 ..." (the firm's; "Her telephone remains ..." names the client and stays masked)
_FIRM_LINE_STAYS = re.compile(
    r"(?:\A|[.!?\n])[ \t]*+(?:(?i:our|notre|the|le|la)[ \t]++)?(?i:telephone|phone|t[ée]l[ée]phone|num[ée]ro[ \t]++de[ \t]++t[ée]l[ée]phone"
    r"|main[ \t]++line)(?:[ \t]++(?i:number))?[ \t]++(?i:remains|stays|is[ \t]++still|is[ \t]++unchanged|demeure|reste"
    r"|est[ \t]++toujours)(?:[ \t]++(?i:le|the[ \t]++same|inchang[ée]))?[ \t]*+[:,]?[ \t]*+\Z"
)

# (the firm's own news, no client spoken of: "our firm has moved", "notre cabinet a déménagé")
_FIRM_OWN_NEWS = re.compile(r"(?<![\w'’-])(?i:our|notre|nos)[ \t]++(?i:law[ \t]++)?(?i:firm|cabinet|office|offices|bureau|bureaux|practice)(?![\w'’-])")
_CLIENT_WORD = re.compile(
    r"(?<![\w'’-])(?i:clients?|clientes?|applicants?|sponsors?|demandeurs?|demanderesses?|répondants?|repondants?|appellants?"
    r"|his|her|son|sa|ses|mr|mrs|ms|m|mme)(?![\w'’-])"
)


def _firm_name_line(text: str, a: int, b: int) -> bool:
    """Whether the line a:b (up to a dash or a bar) names a firm (see :data:`_FIRM_NAME_WORD`)."""
    cut = _NAME_SEGMENT_END.search(text, a, b)
    b = cut.start() if cut else b
    segment = text[a:b]
    if any(c.isdigit() for c in segment) or "@" in segment or len(segment) > 90:
        return False
    return _FIRM_NAME_WORD.search(segment) is not None


_SIGNATURE_KEYS = frozenset(
    [re.findall(r"[^\W\d_]+", t)[0] for t in _ROLE_TERMS] + [t.lower() for t in _ROLE_CAPITALS]
    + [w for t in _LEGAL_FORMS for w in re.findall(r"[^\W\d_]+", t.lower())] + [*_LEGAL_PARTNERS]
    + [*wordset("team teams équipe equipe department dept département departement service services desk secretariat")]
    + [*wordset("secrétariat office bureau direction division unit unité")]
    + [*wordset("department dept département faculty faculté school école institute institut university université college collège")]
    + [*wordset("represent représentons representative représentante counsel cabinet firm clinique clinic remains demeure")]
)


def _block_lines(text: str, line_start: int, line_end: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The lines of the block above and below the line line_start:line_end, up to a blank line or 8 lines each way."""
    above: list[tuple[int, int]] = []
    lo = line_start
    for _ in range(8):
        if lo <= 0:
            break
        previous = text.rfind("\n", 0, lo - 1) + 1
        if not text[previous : lo - 1].strip():
            break
        above.insert(0, (previous, lo - 1))
        lo = previous
    below: list[tuple[int, int]] = []
    hi = line_end
    for _ in range(8):
        if hi >= len(text):
            break
        following = text.find("\n", hi + 1)
        following = len(text) if following < 0 else following
        if not text[hi + 1 : following].strip():
            break
        below.append((hi + 1, following))
        hi = following
    return above, below


def _signed_by_team(text: str, above: list[tuple[int, int]], i: int) -> bool:
    """Whether the block's line `i` is a team's (see :data:`_TEAM_LINE`) with only a closing line before it."""
    a, b = above[i]
    if _TEAM_LINE.fullmatch(text, a, b) is None or any(c.isdigit() for c in text[a:b]):
        return False  # "Bureau 204", "Unit 5" are a unit's, no team's
    if i == 0:
        return True  # the block's first line: a blank line or the message's start before it
    # or after a closing line alone ("Regards,", "Cordialement,", "--")
    closing = text[above[0][0] : above[0][1]].strip()
    return i == 1 and len(closing) <= 40 and (closing.endswith((",", "!")) or closing.strip("-—_ ") == "")


def signature_detail(text: str, start: int, end: int, kind: str) -> bool:
    """Whether the detail at start:end is the company's in a business signature (see :data:`_ROLE_LINE`,
    :data:`_FIRM_LINE`, :data:`_OWN_LINE`)."""
    line_start = text.rfind("\n", 0, end) + 1  # a learned address can begin on the line above ("R&D, Nestlé S.A.\nAvenue ...")
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if line_start == 0:
        return False
    above, below = _block_lines(text, line_start, line_end)
    voice = _FIRM_VOICE.search(text) is not None
    head = next(
        (
            i
            for i, (a, b) in enumerate(above)
            if (voice and _firm_name_line(text, a, b))
            or _ROLE_LINE.search(text, a, b)
            or _FIRM_LINE.search(text, a, b)
            or _INSTITUTION_LINE.match(text, a, b)
            or _signed_by_team(text, above, i)
        ),
        None,
    )
    if head is None:
        bar = max(text.rfind("|", line_start, start), text.rfind("–", line_start, start))
        if voice:
            bar = max(bar, text.rfind(" — ", line_start, start))  # "Stonebridge Law — 1 King St W, ..."
        if bar < 0 or not (
            _ROLE_LINE.search(text, line_start, bar)
            or _FIRM_LINE.search(text, line_start, bar)
            or (voice and _firm_name_line(text, line_start, bar))
        ):
            return False
        above, head = [*above, (line_start, bar)], len(above)  # round 44 part B: "Crestline Bank Plc | Plot 84 ..."
    between = above[head + 1 :]
    if _LABELLED_LINE.search(text, above[head][0], start):
        return False  # a form's labelled field ("Adresse : ...", "Tel: ..." of a contact person) is not a signature's line
    if kind != "PHONE" and (
        _PRIVATE_IN_LINE.search(text, line_start, line_end)
        or (
            any(_CONTACT_LINE.search(text, a, b) for a, b in between)
            and not _BOX.match(text, start)
            and _DWELLING.search(text, line_start, line_end) is not None
        )
    ):
        return False  # an address below the contacts may be the person's home
    if (
        not voice
        and not any(_OWN_LINE.search(text, a, b) for a, b in [*above[head:], (line_start, line_end), *below])
        and not any(_signed_by_team(text, above, i) for i in range(head + 1))
    ):
        return False  # no line of their own: the block's street and line are the writer's
    if kind != "PHONE":
        return True
    # a phone: its own segment (between "|" and the number) is a main line's, and not the person's own
    seg = max(text.rfind("|", line_start, start), line_start - 1) + 1
    if voice:  # "Stonebridge Law — 1 King St W, ... — (905) 525-3300"
        dash = text.rfind(" — ", seg, start)
        seg = dash + 3 if dash >= 0 else seg
    seg_end = text.find("|", end, line_end)
    seg_end = line_end if seg_end < 0 else seg_end
    if _OWN_LINE.search(text, seg, seg_end) or _PRIVATE_IN_LINE.search(text, seg, seg_end):
        return False
    first = next((i for i in range(start, end) if text[i].isdigit()), start)
    return _MAIN_SEGMENT.match(text, seg, first + 1) is not None or _MAIN_AFTER.fullmatch(text, end, seg_end) is not None


def company_detail(text: str, start: int, end: int, kind: str, words: frozenset[str] | set[str]) -> bool:
    """Whether the phone number, address or postal code at start:end is a company's, not the writer's own (see
    :data:`_COMPANY_NAMED`, :data:`_COMPANY_LINE_BEFORE`, :data:`_OFFICE_LINE_BEFORE`); `words`: the message's
    lower-case words."""
    if "\n" in text and not _SIGNATURE_KEYS.isdisjoint(words) and signature_detail(text, start, end, kind):
        return True
    if not _COMPANY_KEYS.isdisjoint(words) and _company_block(text, start) \
            and (kind == "PHONE" or _FLAT_WORD.search(text, max(0, start - 60), end) is None) \
            and (kind == "PHONE" or not representative_office(text, start, words)):
        return True
    if (
        kind == "PHONE"
        and _FIRM_LINE_STAYS.search(text, max(0, start - 70), start) is not None
        and _FIRM_OWN_NEWS.search(text) is not None
        and _CLIENT_WORD.search(text) is None
    ):
        return True  # round 45 part B: "our firm has moved ... Telephone remains 613-..."
    if kind != "PHONE" or _COMPANY_LINE_KEYS.isdisjoint(words):
        return False
    lo = max(0, start - 60)
    if _COMPANY_LINE_BEFORE.search(text, lo, start) or _COMPANY_LINE_AFTER.match(text, end):
        return True
    if _OFFICE_LINE_BEFORE.search(text, max(0, start - 25), start) is None or _COMPANY_IN_MESSAGE.search(text) is None:
        return False  # "my cell is ..., office is 905-..." (heldout20, 21 label it): no company named, the writer's own desk
    return any(m.start() < start - 25 or m.start() > end for m in _PRIVATE_LINE.finditer(text))


# Round 36 part B: a company's registration, tax or business number after its label: "SIREN 552 100 554", "numéro
# Siret 552 100 554 00013", "VAT ID is ESB12345678", "company reg HRB 198765", "business registration no. is 220-81-62517",
# "corporate reg. no. 110111-1234567", "NIT 900.123.456-7", "ICE 001525874000088, RC 123456", "Japanese corporate number
# 1234567890123", "GST/HST 12345 6789 RT0001", "ABN 51 824 753 556": not the person's SIN, phone or file number.
_REGISTRATION_BEFORE = re.compile(
    r"(?:(?<![\w'’-])(?-i:SIREN|SIRET|VAT|TVA|USt-IdNr|NIF|NIT|CIF|RFC|CNPJ|ICE|RC|HRB|HRA|GST|HST|QST|TVQ|ABN|ACN|UEN|EIN"
    r"|NEQ|KvK|KVK|RCS|TIN|GSTIN)(?![\w'’-])"
    r"|\b(?:siret|siren|vat|tva)\b"
    r"|\b(?:(?:company|corporate|business|commercial|trade|tax|firm|employer)[ \t]+(?:reg(?:istration)?\.?|registry|register"
    r"|id(?:entification)?|number|no\.?|tax)|registre[ \t]+(?:du|de)[ \t]+commerce|num[ée]ro[ \t]+(?:d['’][ \t]?entreprise"
    r"|de[ \t]+soci[ée]t[ée]|d['’][ \t]?immatriculation|fiscal|de[ \t]+TVA|SIRE[NT])|(?:business|corporate)[ \t]+number"
    # an event's number, no one's file: "numéro d'événement 2025-118", "event no. 4471"
    r"|num[ée]ro[ \t]+d['’][ \t]?[ée]v[ée]nement|event[ \t]+(?:number|no\.?|id|code)))"
    r"(?:[ \t]+(?:reg(?:istration)?\.?|registry|id|no\.?|nr\.?|number|num[ée]ro|n[°º]|#|(?-i:HRB|HRA|DE|ES|FR)))*"
    r"[ \t]*(?:(?:is|est|c['’][ \t]?est|:|=|#|n[°º])[ \t]*)*\Z",
    re.IGNORECASE,
)
_REGISTRATION_KEYS = wordset("""
siren siret vat tva ust-idnr nif nit cif rfc cnpj ice rc hrb hra gst hst qst tvq abn acn uen ein neq kvk rcs tin
gstin company corporate business commercial trade tax firm employer registre numéro numero event
""")


def registration_number(text: str, start: int, words: frozenset[str] | set[str]) -> bool:
    """Whether the number at `start` follows a company's registration or tax number's label (see
    :data:`_REGISTRATION_BEFORE`)."""
    if _REGISTRATION_KEYS.isdisjoint(words):
        return False
    return _REGISTRATION_BEFORE.search(text, max(0, start - 50), start) is not None


_ANY_COMPANY_KEYS = _COMPANY_KEYS | _COMPANY_LINE_KEYS | _REGISTRATION_KEYS | _SIGNATURE_KEYS


def company_words(words: frozenset[str] | set[str]) -> bool:
    """Whether the message has a word that :func:`company_detail` or :func:`registration_number` start from."""
    return not _ANY_COMPANY_KEYS.isdisjoint(words)
