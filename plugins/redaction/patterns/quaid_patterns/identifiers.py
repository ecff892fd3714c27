"""The agency's and other identifiers: client IDs (UCI), application numbers, passports,
social insurance numbers, payment cards, and bare numbers that a context word introduces."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import accumulate

from quaidcore import Span

from .base import (
    APPLICATION_P,
    CARD_P,
    FALLBACK_P,
    ID_SHAPE_P,
    IGNORE_CASE,
    LABELLED_P,
    NOT_AFTER,
    NOT_BEFORE,
    SP,
    every,
    quantity,
    words_pattern,
)
from .checksums import (
    CANADIAN_AREA_CODES,
    agency_line,
    card_valid,
    digits_of,
    is_year,
    luhn_valid,
    mrz_check,
    nanp_valid,
    s10_valid,
)
from .scan import NON_LATIN, Candidate, Label, Scan
from .vocabulary import MONTHS, NOT_NAME, STREET_TYPES_EN, STREET_TYPES_FR, wordset

# ------------------------------------------------------------------------- context words

_LABEL_FRAGMENTS = {
    "PHONE": (
        r"num[ée]ro\s+de\s+(?:t[ée]l[ée]phone|t[ée]l|cellulaire|cell|portable)"
        r"|(?<!on\sthe\s)(?<!over\sthe\s)phone(?:\s*(?:number|no|num|#))?|t[ée]l[ée]phone|t[ée]l|tel|cell(?:ular)?(?:\s*phone)?"
        r"|cellphone|mobile|portable|cellulaire|cel|fax|t[ée]l[ée]copieur|whats\s?app|sms"
        r"|texto|(?:call|reach|text|contact|phone)\s+(?:me|us)(?:\s+(?:at|on))?|call\s+(?:at|on)"
        r"|appel(?:ez|er)[- ]moi(?:\s+au)?|appeler\s+au|(?:me\s+)?(?:re)?joindre(?:\s+au)?"
        r"|(?:my|mon|our|notre|mi|meu|mio|mein|mijn)\s+(?:number|num[ée]ro|n[úu]mero|num|nummer)(?!\s+(?:de|d['’]|du|for|of|do|da)\b)"
        # the clients' own languages: Spanish, Portuguese, Turkish, Tagalog, Vietnamese,
        # messaging apps, and the words of non-Latin scripts
        r"|tel[ée]fono|telefone|telefon(?:um|u|numaram|\s+numaram)?|telepono|celular|cel\.|m[óo]vil"
        r"|telem[óo]vel|cellulare"  # round 45 part B: Portugal's and Italy's mobile
        r"|contact\s+(?:no\.?|number|#)|mobile\s+(?:no\.?|number|#)|(?:s[ốo]\s+)?đi[ệe]n\s+tho[ạa]i"
        r"|viber|wechat|weixin|telegram"
        # Haitian Creole: "nimewo mwen se 3841-0276", "nimewo telefòn mwen"
        r"|nimewo[ \t]+(?:mwen|telef[òo]n)|telef[òo]n[ \t]+mwen"
        r"|手机|手機|电话|電話|微信|휴대폰|전화|電話番号|携帯|फ़ोन|फोन|मोबाइल|ফোন|ਫ਼ੋਨ|ਫੋਨ|ફોન"
        r"|هاتف|جوال|موبايل|تلفن|موبایل|فون"
        r"|телефон|тел\.|мобильный"
    ),
    # Chat shorthand and the words of other languages for a phone: Filipino "cp no.", Malay
    # "no hp", Vietnamese "sđt", "wa" (WhatsApp), German "Handy"... A "/" names a second
    # expression of the same type (see :meth:`Scan.labels`), run only when its words are there.
    "PHONE/shorthand": (
        r"wa|wsp|zap|whats|gsm|handy(?:nummer)?|rufnummer|handphone"
        r"|cp(?:\s*(?:no\.?|number|num|#))?|(?:no\.?\s+)?hp|s[đd]t|mob(?:\.|\s*no\.?)?|tlf|tlp|telp|tfno|celu"
        r"|(?:number|numero|num)\s+ko|num[ée]ro\s+perso"
        # round 41 part B: Switzerland's mobile ("mon natel: 079 ..."), Turkey's ("cep telefonu", "cep tel")
        r"|natel|cep\s+(?:telefonu|telefonum|tel\.?|no\.?)"
    ),
    "CLIENT_ID": (
        r"(?:u\.?c\.?i|i\.?u\.?c)(?:['’]?s)?\.?|client\s*(?:id|identifier|number|nbr|nmbr|numb|nb|num|no\.?|#|n°)"
        # round 51 part C: several at once, "client IDs for my parents: 60 112 947 (dad) 60 112 948 (mom)"
        r"|client\s*(?:ids|identifiers|numbers)"
        # round 48 part C: the bare word right before its number, as a file's header or a form's field writes it ("Dossier
        # E002448170 - client 1104567321", "Client: 11045673")
        r"|client(?=[ \t]*[:#=]?[ \t]*[0-9])"
        # said aloud and typed by voice: "my you see eye number is 11 2048 7735", "u c i"
        r"|(?:you|u)\s+(?:see|c)\s+(?:eye|i)(?:\s+(?:number|no\.?|#))?"
        r"|unique\s+client\s+(?:identifier|id|number)"
        # (round 48 part C: Spanish's, Portuguese's and Italian's, "número de cliente", "numero do cliente", "cliente 1122...")
        r"|(?:num[ée]ro|n[úu]mero|num|no\.?|n°|n[º°]|#)\s*(?:de\s+|d['’]\s*|do\s+|del\s+)?client[e]?"
        r"|cliente(?=[ \t]*[:#=]?[ \t]*[0-9])"
        r"|identifiant(?:\s+unique)?(?:\s+de)?\s+client|identificateur\s+unique(?:\s+de\s+client)?"
        r"|id\s+client|(?:my|mon)\s+id|id\s*(?:number|#|no\.?)|num[ée]ro\s+d['’]identification"
        # round 49 part C: the client called a customer, in English and the clients' other languages ("Customer number
        # 87450213", "cust. no 1122...", "Kundennummer", "klantnummer", "codice cliente", "numer klienta", "müşteri no")
        r"|customer\s*(?:id|identifier|number|nbr|numb|nb|num|no\.?|#|n°)|cust\.?\s*(?:id|no\.?|#)"
        r"|kundennummer|kunden-?nr\.?|klantnummer|codice\s+cliente|numer\s+klienta|m[üu][şs]teri\s+(?:numaras[ıi]|no)"
    ),
    "SIN": (
        r"sin|nas|n\.a\.s\.?|s\.i\.n\.?|ssn|social\s+insurance(?:\s+(?:number|no\.?|#))?"
        r"|social\s+security(?:\s+number)?|(?:num[ée]ro\s+d['’]?\s?|d['’]?)?assurance[\s-]sociale"
    ),
    "PASSPORT": (
        r"pas{1,2}e?p{1,2}or?ts?(?:\s*(?:number|no\.?|num|nbr|#|n°))?|pass\s+port|passprt"
        r"|pp\s*(?:no\.?|nr\.?|#|number|num)|ppt(?:\s*(?:no\.?|nr\.?|#|number|num|n°)|(?=\s*[:#]?\s*[A-Za-z]{0,2}[0-9]))"
        r"|pass\.?\s*(?:no\.?|nr\.?|#)|passnummer|passport-nr\.?"
        # a refugee's or stateless person's travel document, "travel doc" for short: "travel doc number RA0419926"
        r"|travel\s+doc(?:ument)?(?:\s*(?:number|no\.?|num|#|n°))?|document\s+de\s+voyage"
        # the clients' own languages: Spanish, Portuguese, Italian, Turkish, Polish, German,
        # Vietnamese, Russian, Chinese, Korean, Japanese, Hindi, Arabic, Persian
        r"|pasaporte|passaporte|passaporto|pasaport(?:u|um|\s+numaram|\s+no)?|paszport"
        r"|reisepass(?:nummer|-?nr\.?)?|pass-nr\.?|h[ộo]\s+chi[ếe]u"
        r"|паспорт(?:а|у|ом|ная|ные)?|серия|загранпаспорт(?:а|у)?"
        r"|护照(?:号码|号|號碼|编号)?|護照(?:號碼|号码|號)?|여권(?:\s*번호)?(?:는|은|이)?"
        r"|パスポート(?:番号)?(?:は)?|पासपोर्ट|राहदानी|পাসপোর্ট|ਪਾਸਪੋਰਟ|પાસપોર્ટ|பாஸ்போர்ட்|ፓስፖርት"
        r"|جواز(?:\s+(?:ال)?سفر)?|گذرنامه|پاسپورت|پاسپورٹ|paspor|pasipoti|baasaboor|pasp[òo]"
    ),
    "APPLICATION_NUMBER": (
        # (round 37 part B: not a visa application centre, "VFS Global Manila hotline 02 8528 4444")
        # (round 48 part C: "number" cut short any way, "nbr", "nmbr", "numb", "nb", "num", "n°": "my file nbr is\n\nW307...")
        r"application(?!\s+cent(?:re|er)s?\b)(?:\s*(?:number|nbr|nmbr|numb|no\.?|num|#|n°|id))?"
        r"|app\s*(?:number|nbr|nmbr|numb|nb|no\.?|num|#|n°)"
        r"|(?:file|case|reference|ref|confirmation)\s*(?:number|nbr|nmbr|numb|nb|no\.?|num|#|n°)"
        # round 47 part C: several files named at once ("their citizenship app numbers C000781240 and C000781241")
        r"|(?:applications?|app|file|case)\s*(?:numbers|nos\.?|num[ée]ros)"
        r"|num[ée]ro\s+de\s+(?:demande|dossier|r[ée]f[ée]rence|confirmation|re[çc]u)"
        # an Express Entry profile number: a letter (any) and nine digits, "M123456789"
        r"|(?:profile|profil)\s*(?:number|no\.?|#|n°|id)|num[ée]ro\s+de\s+profil"
        r"|(?:no\.?|n°)\s+de\s+(?:demande|dossier)|dossier|demande"
    ),
    # The other documents' numbers (permits, PR card, COPR, LMIA, eTA, visa, biometrics...):
    # masked as application numbers, the agency's own identifiers.
    "DOCUMENT": (
        # not "no" that corrects what was typed: "AA1234567 wait no AA7654321"
        r"(?:number|(?<!wait\s)(?<!wait,\s)(?<!oops\s)(?<!sorry\s)(?<!oh\s)no\.?|num|#|n°|id)(?=\s*(?:is|:|#|=|-|est)?\s*[A-Za-z]{0,3}[0-9])"
        r"|num[ée]ro(?=\s*(?:est|:|#)?\s*[A-Za-z]{0,3}[0-9])"
        r"|num[ée]ro\s+(?:de|du|d['’])\s*(?:la\s+|l['’]\s*)?[^\W\d_][\w-]*(?:\s+d['’][^\W\d_]+)?"
    ),
    # Numbers of things, not of people ("order number 4500123456", "numéro de facture"): they
    # outrank the generic "number" and leave what they introduce unmasked.
    "NOT_ID": (
        r"(?:order|invoice|model|serial|product|item|part|sku|flight|room|seat|ticket|transaction"
        r"|booking|reservation|error|code|version|(?:police\s+|incident\s+)?report|rapport(?:\s+de\s+police)?|pedido|factura|bestellung|rechnung|re[çc]u|receipt|paiement|payment"
        # a parcel's tracking number, a queue token at an office ("token number 1356173"), an
        # employer's labour market impact assessment (LMIA, EIMT in French): not the client's
        r"|tracking|token|lmia|eimt"
        # Round 27: a cheque's number ("cheque number 004417"), the bank's
        r"|cheque|ch[èe]que"
        # round 47 part C: a certificate's seal or its register's folio ("a seal number 004471 and registry page 22")
        r"|seal|sceau|folio"
        # round 46 part B: a bank account's number ("A/C No: 50100234567890", "titulaire du compte n° 10005-...")
        r"|(?:bank\s+)?(?:account|acct|a/c)|compte(?:\s+(?:bancaire|courant|d['’][ée]pargne))?"
        # a money transfer's control number, a credential assessor's reference, a school's
        # student number, an employer's business number: not the client's file with the agency
        r"|mtcn|western\s+union|moneygram|wes(?:\s+reference)?|eca(?:\s+reference)?|student|[ée]tudiant"
        r"|business|entreprise|neq"
        # a job ad's number at Job Bank or elsewhere, an occupation's code: "posting id 2984112", "NOC 21231"
        r"|job\s+bank(?:\s+posting)?|(?:job\s+)?posting|listing|annonce|offre(?:\s+d['’]emploi)?"
        # an occupation's code has four or five digits: "NOC 200-200-0000" is a phone all the same
        r"|(?:noc|cnp)(?=\s*(?:code\s*)?[#:]?\s*[0-9]{4,5}(?![0-9]|[ .-][0-9]))"
        # an appointment's confirmation at a visa centre, a bank's investment certificate (GIC)
        r"|vfs|gic|cpg|confirmation"
        # round 50 part C: a medical exam's number, the panel physician's ("IME number 12345678"), no file's
        r"|ime|umi"
        # Round 34: a hotel's booking, an employer's job offer: "confirmation d'hôtel no 55120983"
        r"|h[ôo]tel|job\s+offer|offer\s+of\s+employment)"
        # its reference or confirmation: "VFS reference 0192837465", "payment confirmation 8837261540"
        r"(?:\s+(?:reference|ref\.?|confirmation|control))?"
        # or named alone just before the number: "invoice 2024001234", "order #4500123456"; round 34:
        # also "numéro", and the number the thing bears ("Mon EIMT porte le numéro ...", "my LMIA has the number")
        r"(?:\s*(?:number|no\.?|num|num[ée]ro|#|n°|id)"
        r"|\s+(?:porte|a|has|bears|shows|with|avec)\s+(?:le|un|the|a|this)\s+(?:num[ée]ro|number|no\.?|#)"
        r"|(?=\s*(?:is|es|est|c['’]\s?est)?\s*[#:]?\s*[A-Za-z]{0,3}[0-9]))"
        r"|(?:commande|facture|billet|vol|erreur)(?:\s*(?:n[°º]|no\.?|num[ée]ro))?(?=\s*(?:est)?\s*[#:]?\s*[A-Za-z]{0,3}[0-9])"
        # a receipt that "bears the number ...", a GIC's certificate: "Le reçu de paiement IRCC porte
        # le numéro 7729014458", "My GIC with Scotiabank is ..., certificate 004-5571-2290"
        r"|(?:(?:le|un|mon|du|ce|au|the|a|my)\s+re[çc]u|receipt)(?:\s+(?:de|of|for)\s+(?:paiement|payment))?"
        r"(?=[^.!?\n0-9]{0,30}(?<!\w)(?:num[ée]ro|number|no\.?|n°|#)(?!\w))"
        r"|gic\b[^.!?\n]{0,60}?\bcertificate"
        r"|(?:appointment|rendez-vous|rdv)(?:\s+(?:confirmation|vfs))?\s*(?:number|no\.?|num|#|n°)"
        # (round 50 part C: with its article too, "numéro de la facture FAC-2026-...", "numéro de la transaction")
        r"|num[ée]ro\s+de\s+(?:la\s+|l['’]\s*)?(?:commande|facture|mod[èe]le|s[ée]rie|produit|vol|chambre|si[èe]ge|billet"
        r"|transaction|r[ée]servation|suivi|jeton|re[çc]u|paiement)"
        # couriers: their tracking numbers follow parcels, not people
        r"|canada\s+post|postes\s+canada|e?xpresspost|purolator|fedex|ups|dhl|usps|courier|messagerie"
        # bank drafts and money orders: the bank's reference, not the client's
        r"|bank\s+drafts?|money\s+orders?|traites?\s+bancaires?|mandats?(?:-|\s+)postes?"
    ),
    "CREDIT_CARD": (
        r"(?:credit|debit)\s+card|card\s*(?:number|no\.?|#)|carte\s+de\s+(?:cr[ée]dit|d[ée]bit)"
        r"|num[ée]ro\s+de\s+(?:la\s+)?carte|visa\s+card|carte\s+visa|master\s?card|amex"
        r"|american\s+express"
    ),
}
# The words one of which each context expression needs: without them, it is not run.
_LABEL_KEYS = {
    "PHONE": wordset("""
numéro numero phone téléphone telephone tél tel cell cellular cellphone mobile portable
cellulaire cel fax télécopieur telecopieur whats whatsapp sms texto call reach text contact
appelez appeler joindre rejoindre number num teléfono telefono telefone telefon telefonum
telefonu numaram telepono celular móvil movil điện dien viber wechat weixin telegram
número nummer nimewo telefòn telefon telemóvel telemovel cellulare
""")
    | {NON_LATIN},
    "PHONE/shorthand": wordset("""
wa wsp zap whats gsm handy handynummer rufnummer handphone cp hp sđt sdt mob tlf tlp telp tfno
celu ko perso natel cep
"""),
    "CLIENT_ID": wordset("""
uci iuc ucis iucs u i eye client cliente identifiant identificateur id identification
customer cust kundennummer kunden klantnummer codice numer müşteri musteri
"""),
    "SIN": wordset("""
sin nas n s ssn social assurance dassurance
"""),
    "PASSPORT": wordset("""
passport passports passeport passeports pasport paseport passpport passeprt passpot pp ppt passnummer
passprt pass travel document doc pasaporte passaporte passaporto pasaport pasaportu pasaportum
paszport reisepass reisepassnummer chiếu chieu paspor pasipoti baasaboor paspò paspo
""")
    | {NON_LATIN},
    "APPLICATION_NUMBER": wordset("""
application app file case reference ref confirmation numéro numero no n
dossier demande profile profil applications
"""),
    "CREDIT_CARD": wordset("""
credit debit card carte numéro numero visa mastercard master amex american
"""),
    "DOCUMENT": wordset("number no num id numéro numero n"),
    "NOT_ID": wordset("""
order invoice model serial product item part sku flight room seat commande facture modèle
modele série serie produit vol chambre siège siege ticket transaction booking reservation
billet réservation post postes purolator fedex ups dhl usps courier messagerie
error erreur code version pedido factura bestellung rechnung reçu recu receipt paiement payment
bank draft drafts money orders traite traites mandat mandats tracking token lmia eimt suivi jeton xpresspost expresspost
cheque chèque seal sceau folio
account acct c compte
report rapport
mtcn western union moneygram wes eca student étudiant etudiant business entreprise neq
job posting listing annonce offre noc cnp
vfs appointment rendez vous rdv gic cpg confirmation hotel hôtel offer ime umi
"""),
}
# "DOCUMENT" context words ("... number is") name no type of their own: what they introduce is
# masked as an application number, unless a nearer context word says otherwise.
LABELS: dict[str, Label] = {
    kind: (
        re.compile(words_pattern(fragment), IGNORE_CASE),
        _LABEL_KEYS[kind],
        10 if kind == "DOCUMENT" else 0,
    )
    for kind, fragment in _LABEL_FRAGMENTS.items()
}

# How many digits a bare number may have when a context word of each type introduces it.
_LABELLED_LENGTH = {
    "CLIENT_ID": (7, 10),
    "SIN": (8, 10),
    "PHONE": (7, 15),
    "PASSPORT": (6, 10),  # ten: a Russian series and number, "45 10 123456"
    "APPLICATION_NUMBER": (6, 15),
    "CREDIT_CARD": (13, 19),
    "DOCUMENT": (6, 15),
}
LABELLED_TYPES = frozenset(_LABELLED_LENGTH)
_LABELLED_KINDS = LABELLED_TYPES | {"NOT_ID"}
_TYPE_OF = {"DOCUMENT": "APPLICATION_NUMBER"}
# Context words that name no particular document: a nearby "NOT_ID" word outweighs them.
_CLIENT_ID_KINDS = frozenset(("CLIENT_ID",))
_GENERIC_KINDS = frozenset(("APPLICATION_NUMBER", "DOCUMENT"))

# ------------------------------------------------------------------------- shapes

# "E001234567"; spaced out ("E 001 234 567") only with a capital letter, so that
# "it's 046 454 286" stays a SIN.
_APPLICATION = re.compile(
    rf"{NOT_BEFORE}(?:(?i:[EWVSBFXNGH])[0-9]{{9}}"
    rf"|(?<!['’])[EWVSBFXNGH](?:{SP}?-?{SP}?)[0-9]{{3}}{SP}?[0-9]{{3}}{SP}?[0-9]{{3}}"
    rf"|(?<!['’])[EWVSBFXNGH](?:-|{SP})?[0-9]{{3}}-[0-9]{{3}}-[0-9]{{3}}"
    # round 48 part C: its groups parted by dots, "W307.551.208", "E.001.448.273"
    rf"|(?<!['’])[EWVSBFXNGH](?:[.-]|{SP})?[0-9]{{3}}\.[0-9]{{3}}\.[0-9]{{3}}"
    # round 41 part B: IRCC's payment receipt, "IRC" and ten digits ("receipt # IRC0002783349")
    rf"|IRC[0-9]{{10}}){NOT_AFTER}"
)
# Round 41 part B: after an application's or a file's word, its own number: any one capital letter and nine or ten
# digits ("PR application number is R000338472", "file # C000451872", "application number A001928471" for an eTA);
# only the label, "number", "#", "is", ":" between (not "starts with an A, like A123456789").
_LETTER_AFTER_FILE = re.compile(
    r"(?<![\w-])(?i:application|app|file|dossier|demande|case)"
    r"(?:[ \t]+(?i:number|no\.?|num[ée]ro|num|n[°º]|id))?[ \t]*(?i:is|est|c['’]?[ \t]?est|:|#|=)?[ \t]*:?[ \t]*"
    # round 47 part C: or its digits grouped as a portal or a letter prints them ("my app is E00-441-2987")
    rf"([A-Z](?:[0-9]{{9,10}}|[0-9]{{1,5}}(?:[ -][0-9]{{2,5}}){{1,3}})"
    # round 50 part C: or a letter, a year and a serial, as a passport office or a portal numbers it ("Reference for the
    # app: P2024-1187745")
    rf"|[A-Z](?:19|20)[0-9]{{2}}-[0-9]{{5,8}}){NOT_AFTER}(?![ -]?[0-9])"
)
_LETTER_YEAR_SERIAL = re.compile(r"[A-Z](?:19|20)[0-9]{2}-[0-9]{5,8}")
# UCI written as the agency writes it: "1234-5678", "12-3456-7890".
_CLIENT_ID = re.compile(r"(?<![\w\]-])(?:[0-9]{4}-[0-9]{4}|[0-9]{2}-[0-9]{4}-[0-9]{4})(?![\w\[]|-[0-9])")
# Canadian passports: two letters, six digits ("AB123456", "AB 123456"). Other codes of
# letters and digits only after a context word ("passport N1234567", "PR card number PA0123456").
_PASSPORT_CANADA = re.compile(rf"{NOT_BEFORE}(?:[A-Za-z]{{2}}|[A-Z]{{2}}{SP})[0-9]{{6}}{NOT_AFTER}")
_CODE = re.compile(
    rf"{NOT_BEFORE}(?:[A-Za-z]{{1,3}}[0-9]{{5,10}}|[0-9]{{2}}[A-Za-z]{{2}}[0-9]{{5}}){NOT_AFTER}"
)
# After a passport word, the other countries' formats too: letters and digits mixed
# ("P1234567A", "M123A4567", "CZ6311T03"), a letter and a hyphen ("A-0000051"), letters and
# digits apart ("EB 1234567"): six to ten characters, at least five digits and one letter.
_PASSPORT_CODE = re.compile(
    rf"{NOT_BEFORE}(?:"
    r"(?=[A-Za-z0-9]{6,10}(?![A-Za-z0-9]))(?=(?:[A-Za-z]*[0-9]){5})(?=[0-9]*[A-Za-z])[A-Za-z0-9]{6,10}"
    r"|[A-Za-z]-[0-9]{6,8}"
    # the Dutch and other Schengen shape, fewer digits: two capitals, six letters or digits, a
    # digit ("NXR4K8L21"), three digits at least
    r"|(?=[A-Z0-9]{9}(?![A-Za-z0-9]))(?=(?:[A-Z]*[0-9]){3})[A-Z]{2}[A-Z0-9]{6}[0-9]"
    # Germany's: a capital, then letters and digits mixed ("C7LN4R2X9"; round 49 part B: a letter last too,
    # "G8K2M5T7X", as its alphabet of letters and digits ends a number as often as it begins one)
    r"|(?=[A-Z0-9]{9}(?![A-Za-z0-9]))(?=(?:[A-Z]*[0-9]){3})(?=(?:[0-9]*[A-Z]){3})[A-Z][A-Z0-9]{8}"
    # round 32 part B: a letter and a digit, then the digits in groups: "K0 552 9917"
    r"|[A-Z][0-9]{1,2}(?: [0-9]{3,4}){1,2}+(?![0-9])(?![ \t]+[A-Z][a-z])"  # (not a civic number's: "at A1 200 2000 Main")
    # (round 38 part B: the letters in Cyrillic too, as a Ukrainian or Russian passport types them: "ЕК 482913")
    r"|(?P<letters>[A-ZА-ЯЁІЇЄҐ]{1,3}) (?:[0-9]{6,9}|[0-9]{2,4}(?: [0-9]{2,5}){1,2}(?![0-9]))(?:[A-Z]| [A-Z](?![\w]))?"
    # (a code may touch the words of a script without spaces: "여권번호는 M789C1234입니다")
    r")(?![0-9A-Za-z_\[\u00c0-\u024f])"
)
# Round 17: a country's code written before a passport number of nine digits that stands whole
# without it ("passport GB 123456789", "USA 567890123"): the number alone is masked.
_COUNTRY_CODES = frozenset(
    (
        "GB",
        "UK",
        "USA",
        "US",
        "GBR",
        "CAN",
        "FRA",
        "DEU",
        "IND",
        "IN",
        "NGA",
        "PHL",
        "AUS",
        "IRL",
        "NZ",
        "NZL",
    )
)
# A passport's usual shape (two letters and six or seven digits, one letter and seven or eight):
# after a bare "number" with a passport word close by, a passport, not an application.
# Two capital letters closing two letters and nine digits: the postal services' tracking
# number (UPU S10, "RN 482 719 335 CA", "EE123456789FR"), a parcel's, not a passport.
_S10_TAIL = re.compile(r"[ \t]?[A-Z]{2}(?![\w-])")
_S10_HEAD = re.compile(r"(?<![\w-])[A-Z]{2}[ \t]?$")


def _s10(text: str, start: int, end: int) -> bool:
    """The nine digits of "RN 482 719 335 CA" between its two pairs of capitals."""
    return (
        len(digits_of(text[start:end])) == 9
        and _S10_TAIL.match(text, end) is not None
        and (
            _S10_HEAD.search(text, max(0, start - 3), start) is not None or text[start : start + 2].isalpha()
        )
    )


# (round 40 part B: three letters and six digits too, "the new number is SAT752425": 19 passports in the sets, no other
# kind; France's two digits, two letters, five digits, "numéro 20AB11873": 139 passports, no other kind)
_PASSPORT_SHAPE = re.compile(
    r"[A-Za-z]{2}[0-9]{6,7}|[A-Za-z][0-9]{7,8}|[A-Za-z]{3}[0-9]{6}|[0-9]{2}[A-Za-z]{2}[0-9]{5}"
)
# Abbreviations that stand before a number without being part of it: "passport NO 1234567".
_NOT_LETTERS = wordset("NO NR ID IS N NUM REF TEL")
# Words typed in capitals before an address: "LEFT MY PASSPORT AT 1405 10 AVE SW".
_PREPOSITIONS = frozenset(("AT", "ON", "IN", "TO", "AU", "BY", "OF", "À"))
_WORD_NEXT = re.compile(r"[ \t]+[^\W\d_]")
# Round 28: another number's label before its digits, after a passport in the same sentence
# ("passeport portugais P123456, NAS 272 118 354"): that number's, not a passport.
_OTHER_LABEL_LETTERS = frozenset(("SIN", "NAS", "UCI", "IUC", "SSN", "NIR"))
_PASSPORT_KINDS = frozenset(("PASSPORT",))
# One letter and nine digits is the application format: with another letter, it is not one.
_NOT_APPLICATION = re.compile(r"(?i:[ac-di-mo-ruy-z])[0-9]{9}")
# "20240315-001": a number stamped with a date, a receipt's or a transaction's.
# ... except after "profile": an Express Entry profile number may start with any letter.
_PROFILE = re.compile(r"(?<!\w)profile?\s*(?:number|no\.?|#|n°|id)?\s*(?:is|est|:)?\s*$", IGNORE_CASE)
_CODE_HEAD = re.compile(r"(?<![\w-])(?:[A-Za-z]{2,}|(?:19|20)[0-9]{2})-[A-Za-z]{2,}-$")
# Round 34: a file of the Federal Court's immigration division, or a file number written with the
# same prefix: "IMM-4471-23", "IMM-2024-0098-3321", masked whole. A form stays: "IMM 5257", "IMM-5406".
_IMM_FILE = re.compile(  # (round 36 part B: a serial of six or seven after the year, "IMM-2024-0098123")
    r"(?<![\w-])(?i:imm)-?(?:[0-9]{2,5}(?:-[0-9]{2,5}){1,3}|(?:19|20)[0-9]{2}-[0-9]{6,7})(?![\w-]|[.,][0-9])"
)
# Round 45 part C: a Federal Court decision cited by its docket ("the Federal Court decision in IMM-4412-23", "la décision
# de la Cour fédérale IMM-5127-23"): a published case, no client's file.
_COURT_DECISION_BEFORE = re.compile(
    r"(?i:(?:federal[ \t]+court|cour[ \t]+f[ée]d[ée]rale)[ \t]+(?:decision|ruling|judgment|judgement)(?:[ \t]+in)?"
    r"|d[ée]cision[ \t]+de[ \t]+la[ \t]+cour[ \t]+f[ée]d[ée]rale(?:[ \t]+dans)?"
    r"|(?:decision|ruling|judgment|judgement)[ \t]+of[ \t]+the[ \t]+federal[ \t]+court(?:[ \t]+in)?)[ \t]*+[:,]?[ \t]*+\Z"
)
# Round 35: a refugee's own file with the UN refugee agency or the Immigration and Refugee Board.
# UNHCR's registration (proGres) case number: the office's three letters or digits, the year's two
# digits, "C" and five digits ("KAK-19C04521", "256-22C08871"): a shape of its own, masked anywhere.
_UNHCR_CASE = re.compile(r"(?<![\w-])[A-Za-z0-9]{3}-[0-9]{2}[Cc][0-9]{5}(?![\w-])")
# The IRB's file: the region's letter (Montreal, Toronto, Vancouver, Eastern), the division's letter,
# the year's digit, a dash and five digits ("MB2-04567", "TC4-01234"); only where the message speaks
# of the board, a claim or a hearing (a part's or a model's code has the same shape).
_IRB_FILE = re.compile(r"(?<![\w-])(?i:[mtve][a-c])[0-9]-[0-9]{5}(?![\w-])")
_IRB_WORDS = wordset("""
irb cisr spr rpd sar rad sai iad claim claimant claimants refugee refugees réfugié réfugiée réfugiés
demandeur demandeuse asile hearing audience commission board dossier file case
""")
# Round 32 part B: a year, its month and a sequence number: a ticket's or a call's reference, not a file's.
_YEAR_MONTH_STAMP = re.compile(r"(?:19|20)[0-9]{2}-(?:0[1-9]|1[0-2])-[0-9]{3,6}")
_DATE_STAMP = re.compile(r"(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])")
_CODE_KINDS = frozenset(("PASSPORT", "APPLICATION_NUMBER", "DOCUMENT", "NOT_ID"))
_CODE_KEYS = _LABEL_KEYS["PASSPORT"] | _LABEL_KEYS["APPLICATION_NUMBER"] | _LABEL_KEYS["DOCUMENT"]
_PASSPORT_WORDS = _LABEL_KEYS["PASSPORT"]
# Ten digits as North Americans group them: "5145550199", "514 555-0199" (not "45 12 345678").
_NANP_GROUPS = re.compile(r"\(?[0-9]{3}\)?[ .-]?[0-9]{3}[ .-]?[0-9]{4}")
# "046 454 286", "046-454-286": the same separator twice.
_SIN = re.compile(
    rf"(?<![\w\]+.-])[0-9]{{3}}({SP}|{SP}?[.-]{SP}?)[0-9]{{3}}\1[0-9]{{3}}(?![0-9]|[.,-][0-9]|[\w\[])"
)
_CARD_GROUPS = frozenset(
    (
        (4, 4, 4, 4),
        (4, 6, 5),
        (4, 6, 4),
        (4, 4, 5),
        (4, 4, 4, 1),
        (4, 4, 4, 2),
        (4, 4, 4, 3),
        (4, 4, 4, 4, 1),
        (4, 4, 4, 4, 2),
        (4, 4, 4, 4, 3),
    )
)
# A run of digits in groups joined by single separators: "046 454 286", "4111-1111-1111-1111".
# Runs are maximal and start where no number was going on (not after "12," or a letter).
_DIGIT_RUN = re.compile(r"(?<![\w\]$€£@/+])(?<![0-9][.,])[0-9](?:[ \u00a0\u202f.-]?[0-9])*+")
_RUN_END = re.compile(r"[\w\[]|[.,/:][0-9]")
_SEPARATOR = re.compile(r"[ \u00a0\u202f.-]")
# "1 500 000", "12 345 678": thousands, not an identifier (a SIN is 3-3-3, a UCI 2-4-4).
_THOUSANDS = re.compile(r"[0-9]{1,2}(?:[ \u00a0\u202f.][0-9]{3})+")
# A date is not an identifier, whatever context word stands near it ("passport expires 2027-05-14").
_MIXED_BEFORE = re.compile(r"(?<![\w-])(?=[A-Za-z]*[0-9])(?=[0-9]*[A-Za-z])[A-Za-z0-9]{2,6} $")
_MONTH_BEFORE = re.compile(rf"(?<![\w])(?i:{MONTHS})\.?[ \t]+$")
_DATE_SHAPE = re.compile(
    r"(?:19|20)[0-9]{2}([-.])[0-9]{1,2}\1[0-9]{1,2}|[0-9]{1,2}([-.])[0-9]{1,2}\2(?:19|20)?[0-9]{2}"
    # round 48 part B: or spaces between a day, a month and a year of four digits ("born 12 03 1956", "1956 03 12")
    r"|(?:[0-2]?[0-9]|3[01]) (?:[0-2]?[0-9]|3[01]) (?:19|20)[0-9]{2}|(?:19|20)[0-9]{2} [01]?[0-9] (?:[0-2]?[0-9]|3[01])"
)


# "application # w 305 998 112": spaced out in lower case, only after an application word.
_APPLICATION_SPACED = re.compile(
    rf"{NOT_BEFORE}(?<!['’])[ewvsbfxn](?:(?:{SP}?-?{SP}?)[0-9]{{3}}{SP}?[0-9]{{3}}{SP}?[0-9]{{3}}"
    rf"|[.-]?[0-9]{{3}}\.[0-9]{{3}}\.[0-9]{{3}}){NOT_AFTER}"  # (round 48 part C: "w307.551.208")
)
_APPLICATION_KINDS = frozenset(("APPLICATION_NUMBER",))
# Round 19: the letter and nine digits grouped some other way, as a letter prints them or the
# client copies them ("W 3069 88214", "E00 1847 562"), only where an application word is the
# nearest context word.
_APPLICATION_REGROUPED = re.compile(
    rf"{NOT_BEFORE}(?<!['’])[EWVSBFXNGHewvsbfxn](?:{SP}?-?{SP}?)[0-9]{{1,5}}(?:{SP}[0-9]{{2,10}}){{1,3}}{NOT_AFTER}"
)
# Round 32 part B: ... or with the office's digit typed apart from the rest and ten or eleven digits in
# all, after an application word ("Application number W3 0455512348", "W3 0455218873 c'est mon numéro
# de demande"): the letter and its digits, not a phone.
_APPLICATION_LONG = (10, 11)
# Round 33 part B: ... or typed in one piece ("application # is W30781266591").
# Round 34 part B: a letter O typed (or read) for a zero among the nine digits, after an application word:
# "application number: W3O4815529".
# Round 53 part C: or a small L or a capital I for a one ("application E3021l8450"), and after a generic "numéro" too
# ("voici mon numero E4O1992037"): seven real digits at least, the nearest label an application's or a number's word.
_APPLICATION_LETTER_O = re.compile(
    rf"{NOT_BEFORE}[EWVSBFXNGH](?=[0-9]*[OolI])(?=(?:[OolI]*[0-9]){{7}})[0-9OolI]{{9}}{NOT_AFTER}"
)
# Round 53 part C: any other capital and nine digits, when the nearest label is an application's word ("numéro de demande
# de mon fils?? J309118844", "application number for my wife: C304118273"); the agency's own letters are found bare.
_APPLICATION_OTHER_LETTER = re.compile(rf"{NOT_BEFORE}(?<!['’])[ACDIJKLMOPQRTUYZ][0-9]{{9}}{NOT_AFTER}")
# Round 50 part C: the letter and its office's digit, then the rest, blanks anywhere as people retype it from a letter or
# a portal ("W3 0728391546", "W 3 0 1 9 8 7 6 5 4", "W3 0 9 8 8 7 7 6 6"): nine to eleven digits, single blanks only,
# even with no label (a phone has no letter before it).
_PHONE_GROUPS = re.compile(r"[ \t][0-9]{3}[ \t][0-9]{3}[ \t][0-9]{4}")  # a signature's "W 613 555 0199"
_APPLICATION_BLANKS_HEAD = re.compile(r"(?<![\w'’-])[EWVS][ \t]?[0-9][ \t]?[0-9]")
_APPLICATION_BLANKS = re.compile(
    r"(?<![\w'’-])[EWVS](?=[ \t]?[0-9])(?:[ \t]?[0-9]){9,11}(?![\w'’-]|[ \t.,-]?[0-9])"
)
# Round 51 part C: no application retyped with blanks after a thing's label ("order number W30 7 65 4321", "the receipt
# no. E 2024 1134 5"), nor a letter before a year and its month ("E 2 0 2 4 0 5 1 2 3": a date stamp).
_APPLICATION_BLANKS_NOT = re.compile(
    r"(?i:invoice|order|facture|commande|receipt|re[çc]u|tracking|account|compte|version|model|serial)(?:[^.!?\n]|(?<=[Nn]o)\.)*\Z"
)
_YEAR_MONTH_DIGITS = re.compile(r"(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])")
# Round 51 part C: the letter, a dash and the digits in dashed groups, after a file's or an application's word ("file
# E-1234-56789", "demande W-30-1234-5678"): nine to eleven digits.
_APPLICATION_DASHED_HEAD = re.compile(r"(?<![\w'’-])[EWVS]-[0-9]")
_APPLICATION_DASHED = re.compile(r"(?<![\w'’-])[EWVS]-(?=[0-9])(?:-?[0-9]){9,11}(?![\w'’-]|[.,]?[0-9])")
_FILE_RIGHT_BEFORE = re.compile(r"(?<![\w'’-])(?i:file|dossier|case)[ \t]*[:#]?[ \t]*\Z")
_APPLICATION_GLUED_LONG = re.compile(rf"{NOT_BEFORE}[EWVSBFXNGH][0-9]{{10,11}}{NOT_AFTER}")


# A context word glued to its number, as people type on a phone: "NAS046454286",
# "uci12345678", "tel5145550198".
_GLUED = re.compile(
    r"(?<![\w\[])(?:(?P<sin>sin|nas)|(?P<uci>uci|iuc)|(?P<phone>tel|t[ée]l|cell|phone|cel))"
    r"#?(?P<n>[0-9]{8,11})(?![\w\]]|[.,][0-9])",
    IGNORE_CASE,
)
_GLUED_LENGTHS = {"sin": ("SIN", (9,)), "uci": ("CLIENT_ID", (8, 10)), "phone": ("PHONE", (10, 11))}
_GLUED_KEYS = re.compile(r"(?:sin|nas|uci|iuc|t[ée]l|cell?|phone)#?[0-9]", IGNORE_CASE)


def glued(scan: Scan) -> Iterator[Candidate]:
    """Numbers with their context word glued to them: "NAS046454286", "uci12345678"."""
    if scan.digits < 8 or _GLUED_KEYS.search(scan.text) is None:
        return
    for m in _GLUED.finditer(scan.text):
        kind, lengths = _GLUED_LENGTHS[_group(m)]
        digits = m.group("n")
        if len(digits) not in lengths:
            continue
        if kind == "SIN" and not luhn_valid(digits):
            continue
        if kind == "PHONE" and (not nanp_valid(digits) or agency_line(digits)):
            continue
        yield m.start("n"), m.end(), kind, LABELLED_P


def _group(m: re.Match[str]) -> str:
    """Which context word of :data:`_GLUED` matched."""
    return next(name for name in ("sin", "uci", "phone") if m.group(name))


def applications(scan: Scan) -> Iterator[Candidate]:
    """Application numbers: a letter (E, W, V, S, B, F, X, N) and nine digits."""
    # (round 49 part C's year-LETTERS-serial after a file's word was taken out: it altered a near-miss of a blind
    # set, heldout51, 4 -> 5 of 66, for one span gained on heldout98)
    if scan.digits >= 6 and "-" in scan.text:
        for m in _UNHCR_CASE.finditer(scan.text):
            yield m.start(), m.end(), "APPLICATION_NUMBER", APPLICATION_P
        if not _IRB_WORDS.isdisjoint(scan.words):
            for m in _IRB_FILE.finditer(scan.text):
                yield m.start(), m.end(), "APPLICATION_NUMBER", APPLICATION_P
    if scan.digits >= 6 and "mm-" in scan.text.lower():
        for m in _IMM_FILE.finditer(scan.text):
            if _COURT_DECISION_BEFORE.search(scan.text, max(0, m.start() - 60), m.start()):
                continue  # round 45 part C: "la décision de la Cour fédérale IMM-5127-23": a published decision
            yield m.start(), m.end(), "APPLICATION_NUMBER", APPLICATION_P
    if scan.digits >= 7 and not (_LABEL_KEYS["APPLICATION_NUMBER"] | _LABEL_KEYS["DOCUMENT"]).isdisjoint(scan.words):
        for m in _APPLICATION_LETTER_O.finditer(scan.text):
            # (a phone's "mon numéro" yields: a value that opens with a letter is no phone)
            kinds = [kind for kind in scan.context(m.start(), m.end(), _LABELLED_KINDS) if kind != "PHONE"]
            if kinds and kinds[0] in _GENERIC_KINDS:
                yield m.start(), m.end(), "APPLICATION_NUMBER", APPLICATION_P
    if scan.digits >= 9 and not _LABEL_KEYS["APPLICATION_NUMBER"].isdisjoint(scan.words):
        for m in _APPLICATION_OTHER_LETTER.finditer(scan.text):
            kinds = scan.context(m.start(), m.end(), _LABELLED_KINDS)
            if kinds and kinds[0] == "APPLICATION_NUMBER":
                yield m.start(), m.end(), "APPLICATION_NUMBER", APPLICATION_P
    if scan.digits >= 9:
        passport_words = not _PASSPORT_WORDS.isdisjoint(scan.words)
        for m in _APPLICATION.finditer(scan.text):
            yield m.start(), m.end(), _application_or_passport(scan, m, passport_words), APPLICATION_P
        if not _LABEL_KEYS["APPLICATION_NUMBER"].isdisjoint(scan.words):
            for m in _LETTER_AFTER_FILE.finditer(scan.text):
                if sum(c.isdigit() for c in m.group(1)) in (9, 10) or _LETTER_YEAR_SERIAL.fullmatch(m.group(1)):
                    yield m.start(1), m.end(1), "APPLICATION_NUMBER", APPLICATION_P
            for m in _APPLICATION_SPACED.finditer(scan.text):
                if scan.context(m.start(), m.end(), _APPLICATION_KINDS):
                    yield m.start(), m.end(), "APPLICATION_NUMBER", APPLICATION_P
            for m in _APPLICATION_REGROUPED.finditer(scan.text):
                count = sum(c.isdigit() for c in m.group())
                nine = count == 9 and _APPLICATION_SPACED.fullmatch(m.group()) is None
                if nine or (count in _APPLICATION_LONG and m.group()[0].isupper()):
                    kinds = scan.context(m.start(), m.end(), _LABELLED_KINDS)
                    if kinds and kinds[0] in _GENERIC_KINDS:
                        yield m.start(), m.end(), "APPLICATION_NUMBER", APPLICATION_P
            if scan.digits >= 10:
                for m in _APPLICATION_GLUED_LONG.finditer(scan.text):
                    kinds = scan.context(m.start(), m.end(), _LABELLED_KINDS)
                    if kinds and kinds[0] == "APPLICATION_NUMBER":
                        yield m.start(), m.end(), "APPLICATION_NUMBER", APPLICATION_P
        if _APPLICATION_BLANKS_HEAD.search(scan.text):
            for m in _APPLICATION_BLANKS.finditer(scan.text):
                if (
                    (" " in m.group() or "\t" in m.group())
                    and not _PHONE_GROUPS.fullmatch(m.group(), 1)
                    and not _YEAR_MONTH_DIGITS.match(digits_of(m.group()))
                    and not _APPLICATION_BLANKS_NOT.search(scan.text, max(0, m.start() - 40), m.start())
                ):
                    yield m.start(), m.end(), "APPLICATION_NUMBER", APPLICATION_P
        if "-" in scan.text and _APPLICATION_DASHED_HEAD.search(scan.text):
            for m in _APPLICATION_DASHED.finditer(scan.text):
                if not _YEAR_MONTH_DIGITS.match(digits_of(m.group())) and (
                    _FILE_RIGHT_BEFORE.search(scan.text, max(0, m.start() - 16), m.start())
                    or scan.context(m.start(), m.end(), _APPLICATION_KINDS)
                ):
                    yield m.start(), m.end(), "APPLICATION_NUMBER", APPLICATION_P


def _application_or_passport(scan: Scan, m: re.Match[str], passport_words: bool) -> str:
    """A letter and nine digits is the agency's application format, unless the nearest
    context word is "passport" ("syrian passport N012847391": Syria's own format)."""
    if passport_words:
        before = scan.text[max(0, m.start() - 40) : m.start()]
        labels = list(LABELS["PASSPORT"][0].finditer(before))
        if labels and _JUST_LABEL.fullmatch(before, labels[-1].end()):
            if _PASSPORT_FILE_BEFORE.search(before, 0, labels[-1].start()):
                return "APPLICATION_NUMBER"  # round 45 part C: "demande de passeport B000928374", a passport's file
            return "PASSPORT"
    return "APPLICATION_NUMBER"


# Round 45 part C: a passport's application or file, named right before the passport's word ("demande de passeport",
# "dossier passeport", "passport application file"): the number after is the file's, in the agency's format.
_PASSPORT_FILE_BEFORE = re.compile(
    r"(?<![\w'’-])(?:demande|dossier|application|file|request|renewal|renouvellement)[ \t]+(?:(?:de|du|for|of)[ \t]+)?"
    r"(?:(?:my|mon|ma|son|sa|his|her|the|le|la)[ \t]+)?(?:(?:new|nouveau)[ \t]+)?\Z",
    IGNORE_CASE,
)


# Between "passport" and its number: only "number", "no.", "is", punctuation.
# Round 27: or the passport's nationality after it: "Passeport syrien : N 011 248 903".
_JUST_LABEL = re.compile(
    # (round 41 part B: "c" and "c'est" as texted, "mon numero de passeport c N089838046")
    r"(?:[\s:#=.-]|number|no|num|nr|n°|is|est|(?<=\s)c(?:['’][ ]?est)?(?=\s)|(?<=\s)[a-zà-ÿ]{3,}(?:ienne|ien|aise|ais|aine|ain|oise|ois|ane|an|ese|ish|ique|i)(?=[\s:]))*",
    IGNORE_CASE,
)


_CLIENT_OR_NOT = frozenset(("CLIENT_ID", "NOT_ID"))
_NUMBERED_COMPANY_NEXT = re.compile(
    r"[ \t]+(?:Qu[ée]bec|QU[ÉE]BEC|Canada|CANADA|Ontario|ONTARIO)[ \t]+(?i:inc|lt[ée]e|ltd|corp|limit[ée]e?)(?![\w'’-])"
)


def numbered_company(text: str, end: int) -> bool:
    """Whether the number ending at `end` names a numbered company: "9123-4567 Québec inc.", "2345678 Ontario Inc."."""
    return _NUMBERED_COMPANY_NEXT.match(text, end) is not None

_NOT_ID_KEYS = _LABEL_KEYS["NOT_ID"]


def client_ids(scan: Scan) -> Iterator[Candidate]:
    """Client IDs in the agency's own format (bare ones come from :func:`labelled_numbers`)."""
    if scan.digits < 8:
        return
    if _UCI_GLUED_HINT.search(scan.text):
        for m in _UCI_GLUED.finditer(scan.text):
            yield m.start("value"), m.end("value"), "CLIENT_ID", LABELLED_P
    for m in every(_CLIENT_ID, scan.text):
        if len(set(digits_of(m.group()))) == 1:
            continue  # round 31 part B: "like 0000-0000?": a placeholder, no one's number
        first, _, rest = m.group().partition("-")
        if len(first) == 4 and is_year(first) and is_year(rest):
            continue  # "2023-2024": a span of years
        if (
            len(first) == 4
            and is_year(first)
            and rest.startswith("00")
            and not scan.context(m.start(), m.end(), _CLIENT_ID_KINDS)
        ):
            continue  # "Reference 2024-0012": a year and a sequence number, unless "UCI" says so
        if _STREET_NEXT.match(scan.text, m.end()):
            continue  # "1207-3455 rue Jean-Talon O": a unit and its civic number
        if (
            _HOME_WORD_NEXT.match(scan.text, m.end())
            and _HOME_BEFORE.search(scan.text, max(0, m.start() - 30), m.start())
            and not scan.context(m.start(), m.end(), _CLIENT_ID_KINDS)
        ):
            continue  # round 51 part C: "new addy 1020-4500 kingsway burnaby": a unit and its civic number after a home's word
        if numbered_company(scan.text, m.end()):
            continue  # round 46 part B: a numbered company, "9123-4567 Québec inc.", is no client's UCI
        lower = _LOWER_STREET_NEXT.match(scan.text, m.end())
        if lower and not any(w.lower() in NOT_NAME for w in lower.group("name").split()):
            continue  # round 37 part B: typed in lower case, "1804-2250 yonge st"
        if not _NOT_ID_KEYS.isdisjoint(scan.words):
            kinds = scan.context(m.start(), m.end(), _CLIENT_OR_NOT)
            if kinds and kinds[0] == "NOT_ID":
                continue  # "facture n° 2026-0187": an invoice's number right after its word
        yield m.start(), m.end(), "CLIENT_ID", ID_SHAPE_P
    if not _LABEL_KEYS["CLIENT_ID"].isdisjoint(scan.words):
        yield from _client_id_asked(scan)
    if len(scan.text) <= 80 and not _FRAGMENT_CORRECTION.isdisjoint(scan.words):
        yield from _corrected_fragment(scan)
    if (
        len(scan.text) <= 14
        and (alone := _UCI_TEN_ALONE.fullmatch(scan.text))
        and not any(run in alone.group(1) for run in _COUNTED_RUNS)
    ):
        yield alone.start(1), alone.end(1), "CLIENT_ID", LABELLED_P


# Round 52 part C: ten digits and nothing else, the first two 10 or 11 as the agency's UCIs open (no North American area
# code starts with 1): the UCI the bot asked for, typed as a reply ("1104773920"); not a form's counted placeholder
# ("1123456789": Presidio's negatives, with "1234567890" and "1306925440").
_UCI_TEN_ALONE = re.compile(r"[ \t]*(1[01][0-9]{8})[ \t.]*")
_COUNTED_RUNS = ("01234", "12345", "23456", "34567", "45678", "56789")


# Round 50 part C: a reply to the bot that corrects the number it was given, the number and the correction's words
# alone ("wait no. 87654312. sorry", "oops i mean 4471-2290", "non pardon c'est 55120983"): eight digits, the UCI's length.
_FRAGMENT_CORRECTION = wordset("wait no non nope sorry oops mean correction pardon désolé désolée desole plutôt plutot actually typo")
_FRAGMENT_WORDS = _FRAGMENT_CORRECTION | wordset("i it it's its is the right one number my bad lol ok okay c'est cest le la bon mon ah oh")
_FRAGMENT_EIGHT = re.compile(r"(?<![\w.,/-])[0-9]{4}[ -]?[0-9]{4}(?![\w/-]|[.,][0-9])")


def _corrected_fragment(scan: Scan) -> Iterator[Candidate]:
    """The one eight-digit number of a short reply made of correction words only (see :data:`_FRAGMENT_CORRECTION`)."""
    found = list(_FRAGMENT_EIGHT.finditer(scan.text))
    if len(found) != 1 or sum(c.isdigit() for c in scan.text) != 8:
        return
    m = found[0]
    if _date_digits(digits_of(m.group())):
        return
    rest = scan.text[: m.start()] + " " + scan.text[m.end() :]
    words = [w.lower().replace("’", "'") for w in re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", rest)]
    if words and all(w in _FRAGMENT_WORDS for w in words):
        yield m.start(), m.end(), "CLIENT_ID", LABELLED_P


# Round 50 part C: ten digits grouped two, four and four as the agency prints a UCI, the first two 00, 01 or 1x (no
# Canadian nor American area code, no Australian landline's 02-08): the client's UCI, even alone ("11 2874 0093", "my
# file? 00 4571 8820 — ..."); 409 of 410 such values in the sets are UCIs (the other a Korean "02 ..."). A phone's word
# before or after it ("call me at", "cell", "+55", "(11)") leaves it a phone.
_UCI_TEN_GROUPED = re.compile(
    r"(?<![\w+()\]$€£.,/-])(?<![0-9][ \t])(?:0[01]|1[0-9])(?P<sep>[ .-])[0-9]{4}(?P=sep)[0-9]{4}(?![\w\[]|[ .,/-]?[0-9])"
)
_PHONE_CUE_NEAR = re.compile(
    r"(?<![\w'’-])(?i:call|called|calling|phone|tel|t[ée]l|t[ée]l[ée]phone|cell|cellulaire|mobile|portable|whats[ \t]?app"
    r"|landline|fax|appel(?:er|le|ez)?|rappel(?:er|le|ez)?|text|texto|sms|viber|wechat|signal|number\s+to\s+reach|joindre)(?![\w'’-])"
    r"[^.!?\n]*\Z"
)
_NOT_ID_BEFORE = re.compile(r"(?i:invoice|order|facture|commande|receipt|re[çc]u|tracking|account|compte)[^.!?\n]*\Z")
_PHONE_CUE_AFTER = re.compile(r"[ \t]*\(?(?i:cell|mobile|home|landline|whats[ \t]?app|tel|phone|ext)\b")


def uci_not_phone(text: str, start: int, end: int) -> bool:
    """Whether the phone number found at start:end is a UCI grouped 2-4-4 (see :data:`_UCI_TEN_GROUPED`): no phone's word
    near it, no thing's number."""
    if _UCI_TEN_GROUPED.fullmatch(text, start, end) is None:
        return False
    if _PHONE_CUE_NEAR.search(text, max(0, start - 50), start) or _PHONE_CUE_AFTER.match(text, end) or quantity(text, start, end):
        return False
    return _NOT_ID_BEFORE.search(text, max(0, start - 30), start) is None


# Round 51 part C: ten digits read as a phone's right after a UCI's label ("uci 112 233 4455", "IUC: 012-334-4556"), the
# first digit 0 or 1 (no North American area code): the UCI typed in a phone's groups.
_UCI_LABEL_RIGHT_BEFORE = re.compile(
    # (round 52 part C: "its" as a thumb types "it's", "my UCI its 0045-7781-23")
    r"(?<![\w'’-])(?i:u\.?c\.?i|i\.?u\.?c|client[ \t]+id)(?:[ \t]*(?:[:#=-]|is|est|c|cest|c['’]est|number|no\.?|its|it['’]s"
    r"|it[ \t]+is)){0,2}[ \t]*\Z"
)


def uci_labelled_phone(text: str, start: int, end: int) -> bool:
    """Whether the phone number found at start:end is a UCI right after its label (see :data:`_UCI_LABEL_RIGHT_BEFORE`)."""
    digits = digits_of(text[start:end])
    if len(digits) != 10 or digits[0] not in "01" or text[start] in "+(":
        return False
    return _UCI_LABEL_RIGHT_BEFORE.search(text, max(0, start - 24), start) is not None


def uci_corrected_phone(text: str, spans: list[Span]) -> list[Span]:
    """`spans` (sorted), a phone typed again right after a UCI to correct it typed CLIENT_ID ("my UCI its 0045-7781-23 wait
    no 0045778132"): the same count of digits, the first 0 or 1, only a correction's words between (see :data:`_CORRECTED`)."""
    out = list(spans)
    for i in range(1, len(out)):
        before, span = out[i - 1], out[i]
        if before.type != "CLIENT_ID" or span.type != "PHONE" or text[span.start] in "+(":
            continue
        digits = digits_of(text[span.start : span.end])
        if digits[:1] not in ("0", "1") or len(digits) != len(digits_of(text[before.start : before.end])):
            continue
        if span.start - before.end <= 40 and _CORRECTED.search(text, before.end, span.start):
            out[i] = Span(span.start, span.end, "CLIENT_ID")
    return out


# Round 51 part C: the UCI's label glued to its number, as a thumb types it ("UCI1107-4421-93", "iuc11042233"): eight or ten
# digits in the agency's groups.
_UCI_GLUED_HINT = re.compile(r"(?i:uci|iuc)[0-9]")
_UCI_GLUED = re.compile(
    r"(?<![\w'’-])(?i:uci|iuc)(?P<value>[0-9]{4}-?[0-9]{4}(?:-?[0-9]{2})?|[0-9]{2}-?[0-9]{4}-?[0-9]{4})(?![\w'’]|[-.,]?[0-9])"
)


# Round 34 part B: the UCI's shape with spaces, a sentence or two after its label: "a letter asking for his
# client ID. Is it the 8-digit number on his card? It says 2209 8841." Not when another context word comes
# nearer (a phone's, a file's), nor a phone number.
_CLIENT_ID_SPACED = re.compile(
    r"(?<![\w\]$€£.,-])(?:[0-9]{4} [0-9]{4}|[0-9]{2} [0-9]{4} [0-9]{4})(?![\w\[]|[ .,-]?[0-9])"
)
_CLIENT_ID_REACH = 200
_CLIENT_ID_END = re.compile(
    r"[ \t]*(?:[.,;:!?)\n]|$|(?:on|sur|at[ \t]+the[ \t]+top|en[ \t]+haut)\b)", IGNORE_CASE
)
_PAID_WORD_BEFORE = re.compile(
    r"\b(?:paid|pay|payé|payée|fee|fees|frais|cost|costs|co[uû]te?|price|prix|amount|montant|total|at|au)\b[^.!?\n]*$",
    IGNORE_CASE,
)


def _client_id_asked(scan: Scan) -> Iterator[Candidate]:
    text = scan.text
    pattern = LABELS["CLIENT_ID"][0]
    for m in _CLIENT_ID_SPACED.finditer(text):
        if pattern.search(text, max(0, m.start() - _CLIENT_ID_REACH), m.start()) is None:
            continue
        kinds = scan.context(m.start(), m.end(), _LABELLED_KINDS)
        if kinds and kinds[0] != "CLIENT_ID":
            continue
        if _CLIENT_ID_END.match(text, m.end()) is None or _PAID_WORD_BEFORE.search(
            text, max(0, m.start() - 25), m.start()
        ):
            continue  # "the fee was 1500 2000 dollars", "the office is at 1200 2000 street", "I paid 8500 1234."
        digits = digits_of(m.group())
        if (
            nanp_valid(digits)
            or len(set(digits)) == 1
            or all(is_year(g) for g in m.group().split())
            or quantity(text, m.start(), m.end())
        ):
            continue
        yield m.start(), m.end(), "CLIENT_ID", ID_SHAPE_P


_STREET_NEXT = re.compile(
    # or a street with no type before its town and province: "1402-4688 Kingsway, Burnaby BC"
    r"[ \t]++(?:The[ \t]+)?[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?[ \t]*,[ \t]*[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)?[ \t]*+,?[ \t]*+"
    r"(?:BC|AB|SK|MB|ON|QC|NB|NS|PE|NL|YT|NT|NU)(?![\w])|"
    # (round 45 part C: a comma before the French street's type, "305-2250, rue Fullum Est")
    rf",[ \t]++(?i:{STREET_TYPES_FR})\.?[ \t]+(?=[A-ZÀ-Þ0-9])|"
    rf"[ \t]++(?:(?i:{STREET_TYPES_FR})\.?[ \t]|[A-ZÀ-Þ][\w'’-]*(?:[ \t]+[A-ZÀ-Þ][\w'’-]*)?[ \t]+(?i:{STREET_TYPES_EN})(?![\w'’-]))"
)

# Round 47 part C: a numbered street's type right after its number ("10234 98 St NW", "5010 49 Ave").
_STREET_TYPE_NEXT = re.compile(rf"[ \t]{{1,3}}(?i:{STREET_TYPES_EN})\.?(?![\w'’-])")
# Round 51 part C: a home's word before a unit and its civic number, a word after it
_HOME_BEFORE = re.compile(
    r"(?<![\w'’-])(?i:live[sd]?|living|address|addy|addr|adresse|adr|habite|habitons|demeure|reside[sd]?|moved[ \t]+to"
    r"|d[ée]m[ée]nag[ée]s?[ \t]+au)(?![\w'’-])[^.!?\n0-9]{0,20}\Z"
)
_HOME_WORD_NEXT = re.compile(r"[ \t]+[^\W\d_]{3,}")
_LOWER_STREET_NEXT = re.compile(
    rf"[ \t]+(?P<name>[^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*)?)[ \t]+(?i:{STREET_TYPES_EN}|way)\.?(?![\w'’-])"
)


# Round 46 part B: the passport spoken of in the sentence before, no other document since: "my passport was kept by
# CBSA when i made the claim. number C04471829".
_PASSPORT_SPOKEN = re.compile(r"(?<![\w'’-])(?:passports?|passeports?|pasaportes?|passaportes?)(?![\w'’-])", IGNORE_CASE)
_OTHER_DOCUMENT = re.compile(
    r"(?<![\w'’-])(?:applications?|app|permits?|permis|files?|dossiers?|demandes?|cases?|uci|iuc|visas?|cards?|cartes?|copr"
    r"|certificates?|certificats?|licen[cs]es?|receipts?|re[çc]us?|eta|ave|trv|biometrics?|biom[ée]trie|profile|profil"
    r"|confirmation|reference|r[ée]f[ée]rence|tracking|suivi)(?![\w'’-])",
    IGNORE_CASE,
)
_PASSPORT_SPOKEN_REACH = 120


def _passport_spoken_of(text: str, start: int) -> bool:
    """Whether a passport is the last document spoken of before `start` (see :data:`_PASSPORT_SPOKEN`)."""
    lo = max(0, start - _PASSPORT_SPOKEN_REACH)
    ends = [m.end() for m in _PASSPORT_SPOKEN.finditer(text, lo, start)]
    return bool(ends) and _OTHER_DOCUMENT.search(text, ends[-1], start) is None


def passports(scan: Scan) -> Iterator[Candidate]:
    """Canadian passport numbers; other letters-and-digits codes after "passport" (or after
    "application", which makes them application numbers)."""
    if scan.digits < 3:  # "C4J7X2K91": five digits; "NXR4K8L21" (Schengen) three at least
        return
    if scan.digits >= 6:
        for m in _PASSPORT_CANADA.finditer(scan.text):
            yield m.start(), m.end(), "PASSPORT", ID_SHAPE_P
    if not _CODE_KEYS.isdisjoint(scan.words):
        passport_before = None  # the shape of the last passport's code: "PP3148275, le mien : PP3148276"
        for m in every(_CODE, scan.text):
            kinds = scan.context(m.start(), m.end(), _CODE_KINDS)
            if (
                kinds
                and kinds[0] == "DOCUMENT"
                and "PASSPORT" in kinds[1:]
                and _PASSPORT_SHAPE.fullmatch(m[0])
            ):
                kinds = ["PASSPORT"]  # "my passport, new number is AB1029384, old one AA9182736"
            elif kinds == ["DOCUMENT"] and _PASSPORT_SHAPE.fullmatch(m[0]) and _passport_spoken_of(scan.text, m.start()):
                kinds = ["PASSPORT"]  # round 46 part B: "my passport was kept by CBSA ... number C04471829"
            shape = re.sub(
                r"[A-Za-z]", "A", re.sub(r"[0-9]", "0", m[0])
            )  # round 38 part B: any letters, "HN482917 ... HK119034"
            if (
                passport_before is not None
                and (not kinds or kinds[0] != "PASSPORT")
                and (whose := _AND_WHOSE.search(scan.text, max(0, m.start() - 70), m.start()))
                and (passport_before == shape or "celui" in whose.group())
            ):
                # round 27: the same shape again, said whose: "..., le mien : PP3148276" (round 40 part B: any shape
                # after "celui de", the same thing's: "mon passeport N04468210 ... et celui de mon mari X c'est GF412160")
                kinds = ["PASSPORT"]
            passport_before = shape if kinds and kinds[0] == "PASSPORT" else passport_before
            if (
                kinds
                and kinds[0] in _GENERIC_KINDS
                and _NOT_APPLICATION.fullmatch(m[0])
                and _PROFILE.search(scan.text, max(0, m.start() - 30), m.start()) is None
            ):
                continue  # "it starts with an A, like A123456789": not the agency's format
            if kinds and kinds[0] != "NOT_ID":
                yield m.start(), m.end(), _TYPE_OF.get(kinds[0], kinds[0]), LABELLED_P
        if not _SPELLED_LETTER_KEYS.isdisjoint(scan.words):
            yield from _spelled_letter_codes(scan)
        if not _PASSPORT_WORDS.isdisjoint(scan.words):
            for m in _PASSPORT_CODE.finditer(scan.text):
                if (
                    _DATE_SHAPE.fullmatch(m[0])
                    or m.group("letters") in _NOT_LETTERS
                    or m.group("letters") in _OTHER_LABEL_LETTERS
                ):
                    continue
                if m.group("letters") and not 6 <= len(digits_of(m[0])) <= 9:
                    continue  # "G 1234 5678": six to nine digits in all
                if (
                    m.group("letters") in _PREPOSITIONS
                    and " " in m[0][len(m.group("letters")) + 1 :]
                    and _WORD_NEXT.match(scan.text, m.end())
                ):
                    continue  # round 29 part B: "MY PASSPORT AT 1405 10 AVE SW": a place, not a number
                if len(m.group("letters") or "") == 2 and _s10(scan.text, m.start(), m.end()):
                    continue  # "RN 482 719 335 CA": a parcel's international tracking number (UPU S10)
                kinds = scan.context(m.start(), m.end(), _CODE_KINDS)
                if kinds and kinds[0] == "PASSPORT":
                    start = m.start()
                    if (
                        m.group("letters") in _COUNTRY_CODES
                        and m[0][len(m.group("letters")) + 1 :].isdigit()
                        and len(m[0]) - len(m.group("letters")) - 1 == 9
                    ):
                        start = (
                            m.start("letters") + len(m.group("letters")) + 1
                        )  # "GB 123456789": the country, then the number
                    yield start, m.end(), "PASSPORT", LABELLED_P


# Round 24: the first letter spelled for the listener, then the digits: "passport number is C as
# in cat 7 1 9 3 8 4 0", "passeport P comme Paris 1234567" (the whole is masked).
_SPELLED_LETTER_CODE = re.compile(
    r"(?<![\w'’])[A-Za-z][ \t]+(?:as[ \t]+in|for|like|comme(?:[ \t]+dans)?|pour)[ \t]+[A-Za-z]+[ \t,:-]*"
    r"(?P<digits>[0-9](?:[ \t-]?[0-9]){4,9})(?![\w-])"
)
_SPELLED_LETTER_KEYS = wordset("as for like comme pour")


def _spelled_letter_codes(scan: Scan) -> Iterator[Candidate]:
    for m in _SPELLED_LETTER_CODE.finditer(scan.text):
        kinds = scan.context(m.start(), m.end(), _CODE_KINDS)
        if kinds and kinds[0] != "NOT_ID":
            yield m.start(), m.end(), _TYPE_OF.get(kinds[0], kinds[0]), LABELLED_P


# Passport numbers of the main countries of origin written alone, with no context word (a
# reply to the bot's question, a list of the family's numbers): one to three letters and six
# to eight digits, eight or nine characters ("A12803456", "EB1234567", "AAA123456", "P1234567A"
# the Philippines), a letter
# inside the digits ("M123A4567", Korea), two digits, two letters, five digits ("06AB12345",
# France), a letter and a hyphen ("A-0000051"). Masked as a fallback that any context word
# outranks; a thing's number ("ticket INC0012345", "order A1234567") stays.
_BARE_PASSPORT = re.compile(
    r"(?<![\w\]#@/.$€£-])(?:(?P<letters>[A-Za-z](?=[0-9]{7,8}(?![0-9]))|[A-Za-z]{2}(?=[0-9]{7}(?![0-9]))"
    r"|[A-Za-z]{3}(?=[0-9]{6}(?![0-9])))[0-9]{6,8}|[A-Za-z][0-9]{7}[A-Za-z]|[A-Za-z][0-9]{3}[A-Za-z][0-9]{4}"
    r"|[0-9]{2}[A-Za-z]{2}[0-9]{5}|[A-Z]-[0-9]{6,8})(?![\w\[-]|[.,][0-9])"
)
# Letters that are a context word glued to its number ("uci12345678", "tel5145550"), a
# unit or a company's ticket prefix, not part of a passport number.
_NOT_PASSPORT_LETTERS = wordset("""
no nr id is n num ref tel cel uci iuc sin nas ssn app pp ph fax inc req tkt ord inv po so crm
cas case tx trx ac wa cp hp mob
""")
_LETTER_DIGIT = re.compile(r"[A-Za-z]-?[0-9]|[0-9][A-Za-z]")  # cheap: is any code there at all?
_BARE_KINDS = frozenset(("PASSPORT", "APPLICATION_NUMBER", "DOCUMENT", "NOT_ID", "CLIENT_ID", "SIN", "PHONE"))


def bare_passports(scan: Scan) -> Iterator[Candidate]:
    """Passport-shaped codes with no context word (see :data:`_BARE_PASSPORT`)."""
    text = scan.text
    if scan.digits < 6 or _LETTER_DIGIT.search(text) is None:
        return
    for m in _BARE_PASSPORT.finditer(text):
        letters = m.group("letters")
        if letters and letters.lower() in _NOT_PASSPORT_LETTERS:
            continue
        start, end = m.span()
        if quantity(text, start, end):
            continue
        kinds = scan.context(start, end, _BARE_KINDS)
        if not kinds or kinds[0] == "PASSPORT":
            yield start, end, "PASSPORT", FALLBACK_P


# Round 46 part B: a passport's machine-readable zone retyped, its second line: the number (nine characters, "<" to
# fill), its check digit, the country, the birth date and its check digit, the sex, the expiry and its check digit
# ("L898902C36UTO7408122F1204159<<<<<<<<<<<<<<<<02"). The number is the passport's when a check digit holds, or when
# the message says it is a passport's zone (its first line "P<GBR...", or the word: retyped by hand, the check digits of
# the sets' lines were made up).
_MRZ_SECOND_LINE = re.compile(
    r"(?<![A-Z0-9<])(?P<number>[A-Z0-9]{5,9}<{0,4})(?P<check>[0-9])[A-Z<]{3}(?P<birth>[0-9]{6})(?P<birth_check>[0-9])"
    r"[MFX<](?P<expiry>[0-9]{6})(?P<expiry_check>[0-9])"
)

_MRZ_SAID = re.compile(r"(?m:^[ \t]*P[A-Z<][A-Z<]{3}[A-Z]+<<)|(?<![\w'’-])(?i:passport|passeport|pasaporte|mrz)(?![\w'’-])")


def mrz_passports(scan: Scan) -> Iterator[Candidate]:
    """The passport number on a machine-readable zone's second line (see :data:`_MRZ_SECOND_LINE`)."""
    text = scan.text
    if scan.digits < 20:
        return
    for m in _MRZ_SECOND_LINE.finditer(text):
        number = m.group("number")
        if len(number) != 9:
            continue
        if (
            mrz_check(number) == int(m.group("check"))
            or mrz_check(m.group("birth")) == int(m.group("birth_check"))
            or _MRZ_SAID.search(text) is not None
        ):
            yield m.start(), m.start() + len(number.rstrip("<")), "PASSPORT", LABELLED_P


# A SIN or a UCI typed one digit at a time, the groups set apart: "2 7 3 - 5 5 1 - 8 1 2", "1 1 2 5
# - 8 8 3 4" (round 18: the spaced dash broke the run of digits).
_DIGIT_BY_DIGIT = re.compile(
    # (round 47 part C: or en or em dashes between the groups, "9 4 7 – 2 1 8 – 3 0 6")
    r"(?<![\w.-])[0-9](?:[ \t]+(?:[-.–—][ \t]+)?[0-9]){7,9}(?![\w]|[ \t]*[-.–—]?[ \t]*[0-9])"
)
_SIN_KINDS = frozenset(("SIN",))
_SPACED_KINDS = frozenset(("SIN", "CLIENT_ID", "NOT_ID"))
_SPACED_LENGTHS = {"SIN": (9,), "CLIENT_ID": (8, 10)}
# The label right before ("mon NAS 9 0 4 - 3 8 2 - 1 1 7"): the number is that, Luhn or not.
# Round 28: or its count of digits between ("my SIN is 9 digits: 8 7 6  5 4 3  2 1 0").
_LABEL_RIGHT_BEFORE = re.compile(
    r"(?<!\w)(?:sin|nas|uci|iuc|client\s+id)(?:\s+(?:number|no\.?|num[ée]ro|#))?\s*(?:is|est|c['’]?est|:)?"
    r"(?:\s*(?:[0-9]{1,2}|eight|nine|ten|huit|neuf|dix)\s+(?:digits|chiffres)\s*(?:long)?\s*[:,-]?)?\s*$",
    IGNORE_CASE,
)

# Round 33 part B: a SIN or a UCI typed in pieces, one group a line, under its label on a line of its
# own, as a phone's keyboard sends it: "UCI\n1127\n4490\n36", "NAS:\n046\n454\n286".
_LINES_AFTER_LABEL = re.compile(
    r"(?<!\w)(?P<kind>sin|nas|uci|iuc|client\s+id)(?:\s+(?:number|no\.?|num[ée]ro|#))?[ \t]*:?[ \t]*\n[ \t]*"
    r"(?P<number>[0-9]{2,4}(?:[ \t]*\n[ \t]*[0-9]{1,4}){1,3})(?![\w./-])",
    IGNORE_CASE,
)


_PARCEL_KEYS = wordset("""
tracking track suivi colis parcel parcels package packages courier poste postes post purolator fedex ups dhl canpar
shipment envoi livraison delivery shipping expédition expedition
chronopost colissimo aramex usps tnt registered recommandé recommandée recommande envoie envoyé envoyée envoyer mailed
""")


_THREE_DIGITS = re.compile(r"[0-9]{3}(?![0-9])")


# Round 45 part C: a SIN named earlier in its sentence, then "his / her number is" and nine digits ("le NAS de ma femme
# Khady, elle a un permis ouvert maintenant, son numéro c'est 931 204 558"), no other kind's word between.
_SIN_NAMED_EARLIER = re.compile(
    r"(?<![\w'’])(?i:sin|nas|social[ \t]+insurance(?:[ \t]+number)?|num[ée]ro[ \t]+d['’][ \t]?assurance[ \t]+sociale)"
    r"(?![\w'’])(?P<between>[^.!?\n0-9]{0,100}?)(?<![\w'’])(?i:(?:son|sa|his|her|their|its)[ \t]+)"
    r"(?i:num[ée]ro|number|no\.?|#)[ \t]*+(?i:is|est|c['’]?[ \t]?est|:)?[ \t]*+"
    r"(?P<n>[0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{3})(?![\w-]|[.,][0-9])"
)
_OTHER_KIND_WORDS = ("PHONE", "CLIENT_ID", "PASSPORT", "APPLICATION_NUMBER", "CREDIT_CARD", "NOT_ID")


def _sin_named_earlier(scan: Scan) -> Iterator[Candidate]:
    """A SIN named earlier in its sentence (see :data:`_SIN_NAMED_EARLIER`)."""
    for m in _SIN_NAMED_EARLIER.finditer(scan.text):
        between = m.group("between")
        if not any(LABELS[kind][0].search(between) for kind in _OTHER_KIND_WORDS):
            yield m.start("n"), m.end("n"), "SIN", APPLICATION_P  # above the generic "number"'s file


# Round 47 part C: nine digits in a SIN's three groups, in a message that names a SIN and with no word of another kind
# near them, are the SIN whatever its check digit ("my SIN starts with 9 and it says expired?? its 912 384 557").
_SIN_WORD = re.compile(
    r"(?<![\w'’-])(?:sin|nas|social[ \t]+insurance|assurance[ \t-]+sociale)(?![\w'’-])", IGNORE_CASE
)
_SIN_SPOKEN_REACH = 150


_CLAUSE_END = re.compile(r"[.!?;\n](?:\s|$)")


def _sin_spoken_of(scan: Scan, start: int, end: int, same_sentence: bool = False) -> bool:
    """Whether a SIN's word stands within :data:`_SIN_SPOKEN_REACH` characters before ``text[start:end]``, no other
    kind's word since, and no context word of another kind near it but a bare "number" ("My SIN starts with 9 and
    expired with my permit. the number is 9 4 7 – 2 1 8 – 3 0 6")."""
    said = list(_SIN_WORD.finditer(scan.text, max(0, start - _SIN_SPOKEN_REACH), start))
    if not said:
        return False
    if any(LABELS[kind][0].search(scan.text, said[-1].end(), start) for kind in _OTHER_KIND_WORDS):
        return False
    if same_sentence and _CLAUSE_END.search(scan.text, said[-1].end(), start):
        return False
    kinds = scan.context(start, end, _LABELLED_KINDS)
    return not kinds or kinds[0] in ("SIN", "DOCUMENT")


def sins(scan: Scan) -> Iterator[Candidate]:
    """Formatted social insurance numbers that pass the Luhn check; SINs and UCIs typed one
    digit at a time after their label."""
    if scan.digits >= 9 and not _LABEL_KEYS["SIN"].isdisjoint(scan.words):
        yield from _sin_named_earlier(scan)
    if scan.digits >= 8:
        if scan.digits >= 9:
            for m in every(_SIN, scan.text):
                digits = digits_of(m.group())
                if (
                    not _PARCEL_KEYS.isdisjoint(scan.words)
                    and scan.text.startswith(m.group(1), m.end())
                    and _THREE_DIGITS.match(scan.text, m.end() + len(m.group(1)))
                ):
                    continue  # round 40 part B: the head of a parcel's four groups of three ("suivi 331 234 567 890")
                if luhn_valid(digits) and not (
                    _s10(scan.text, m.start(), m.end())
                    and (s10_valid(digits) or not _PARCEL_KEYS.isdisjoint(scan.words))
                ):
                    # not a parcel's "RN 448 204 917 CA" (round 27): a parcel word in the message or its
                    # S10 check digit right (round 30 part B: "AA 100 000 009 AA" alone is a SIN)
                    yield m.start(), m.end(), "SIN", ID_SHAPE_P
                elif (
                    not _LABEL_KEYS["SIN"].isdisjoint(scan.words)
                    and not digits.endswith("000000")  # "450 000 000 people": a round amount
                    and not quantity(scan.text, m.start(), m.end())
                    and _sin_spoken_of(scan, m.start(), m.end())
                ):
                    yield m.start(), m.end(), "SIN", FALLBACK_P
        if _LABEL_KEYS["SIN"].isdisjoint(scan.words) and _LABEL_KEYS["CLIENT_ID"].isdisjoint(scan.words):
            return
        if "\n" in scan.text:
            for m in _LINES_AFTER_LABEL.finditer(scan.text):
                kind = "CLIENT_ID" if m.group("kind")[0] in "uUiIcC" else "SIN"
                digits = digits_of(m.group("number"))
                if len(digits) in _SPACED_LENGTHS[kind] and (kind == "CLIENT_ID" or luhn_valid(digits)):
                    yield m.start("number"), m.end("number"), kind, ID_SHAPE_P
        for m in _DIGIT_BY_DIGIT.finditer(scan.text):
            kinds = scan.context(m.start(), m.end(), _SPACED_KINDS)
            digits = digits_of(m.group())
            if (not kinds or kinds[0] == "DOCUMENT") and len(digits) == 9 and _sin_spoken_of(scan, m.start(), m.end()):
                yield m.start(), m.end(), "SIN", FALLBACK_P  # round 47 part C: a SIN named earlier, no other kind's word
                continue
            if not kinds or kinds[0] == "NOT_ID":
                continue
            if len(digits) not in _SPACED_LENGTHS[kinds[0]]:
                continue
            if (
                kinds[0] == "SIN"
                and not luhn_valid(digits)
                and not _LABEL_RIGHT_BEFORE.search(scan.text, max(0, m.start() - 30), m.start())
                and not _sin_spoken_of(scan, m.start(), m.end())
            ):
                continue
            yield m.start(), m.end(), kinds[0], ID_SHAPE_P


def _runs(scan: Scan) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """Standalone runs of digit groups as (start, end, [(group start, group end), ...])."""
    runs = scan.memo.get("runs")
    if runs is None:
        runs = []
        text = scan.text
        for m in _DIGIT_RUN.finditer(text):
            start, end = m.span()
            if _RUN_END.match(text, end):
                if text[end] != "/" or (cut := text.rfind(" ", start, end)) < 0:
                    continue  # part of a word or of a decimal, time, fraction...
                end = cut  # "4012888888881881 12/29": the card before its expiry date
            groups, cursor = [], start
            for sep in _SEPARATOR.finditer(text, start, end):
                groups.append((cursor, sep.start()))
                cursor = sep.end()
            groups.append((cursor, end))
            runs.append((start, end, groups))
        scan.memo["runs"] = runs
    return runs


_NOT_ID_KINDS = frozenset(("NOT_ID",))


_TRUNK_MOBILE = re.compile(r"0[1-9][0-9]{8,10}")
_TRACKING_BEFORE = re.compile(
    r"(?<![\w'’-])(?:tracking|track|suivi|colis|parcel|package|waybill|shipment|envoi)"
    r"(?:[ \t]+(?:number|no\.?|num[ée]ro|#|n[°º]|code|id))?[ \t]*(?:(?-i:[A-Z]{2,4})[ \t]*)?(?:is|est|:|#)?[ \t]*$",
    IGNORE_CASE,
)


def cards(scan: Scan) -> Iterator[Candidate]:
    """Payment cards: 13-19 digits in a card's grouping, Luhn-valid, anywhere in a run; and
    their expiry dates ("12/27"), masked as part of the card."""
    text = scan.text
    numbers: list[int] = []  # where each card number ends
    firsts: list[int] = []  # where each card number found in its run starts
    said: set[str] = set()  # the cards' digits
    if scan.digits >= 13:
        runs = _runs(scan)
        if "\n" in text:
            yield from _broken_cards(text, runs, numbers)
        for _, _, groups in runs:
            i = 0
            while i < len(groups):
                card = _card_from(text, groups, i)
                if card is not None and _TRACKING_BEFORE.search(
                    text, max(0, groups[i][0] - 40), groups[i][0]
                ):
                    card = None  # round 40 part B: "tracking CP 3373531309826797": a parcel's number, Luhn or not
                if card is None and (
                    _CUED_CARD.search(text, max(0, groups[i][0] - 40), groups[i][0])
                    or _card_said_before(text, groups[i][0])
                ):
                    card = _cued_card(text, groups, i)
                if (
                    card is None
                    and (cued := _cued_card(text, groups, i)) is not None
                    and _CARD_SAID_AFTER.match(text, groups[cued][1])
                ):
                    card = cued  # round 37 part B: the card named after its number ("4510 ... 0027 c ma carte", "... is my visa")
                if card is None and i == 0 and len(groups) == 4 and _four_fours(text, groups):
                    card = 3  # round 41 part B: four groups of four from a card's first digit, no parcel's or order's cue
                if card is None and "/" in text:
                    # round 31 part B: four groups of four and an expiry date right after ("4716 0093 2284 5571
                    # 08/26"), Luhn or not: a card's number and its date
                    card = _cued_card(text, groups, i)
                    if (
                        card is None
                        and groups[i][1] - groups[i][0] == 16
                        and "NOT_ID" not in (scan.context(groups[i][0], groups[i][1], _NOT_ID_KINDS) or ())
                    ):
                        card = i  # round 33 part B: or the sixteen digits typed in one piece ("4716009322885517 09/27"), no order's
                    if card is not None and not _EXPIRY_RIGHT_AFTER.match(text, groups[card][1]):
                        card = None
                if card is None:
                    i += 1
                else:
                    yield groups[i][0], groups[card][1], "CREDIT_CARD", CARD_P
                    numbers.append(groups[card][1])
                    firsts.append(groups[i][0])
                    said.add(digits_of(text[groups[i][0] : groups[card][1]]))
                    i = card + 1
        if said:
            # round 45 part C: the card's digits again, grouped otherwise ("Card declined: 4929 1133 8820 0945. Tried
            # again as 4929113388200945"): the same card
            for start, end, _ in runs:
                if end not in numbers and digits_of(text[start:end]) in said:
                    yield start, end, "CREDIT_CARD", CARD_P
    if "/" in text and scan.digits >= 4:
        yield from _expiries(scan, numbers, firsts)
    if numbers:
        yield from _bare_expiries(text, numbers)


# Round 31 part B: an expiry date right after a number, with an expiry word or nothing between.
_EXPIRY_RIGHT_AFTER = re.compile(
    # round 33 part B: or on the next line ("4716 0093 2288 5517\n09/27")
    r"[ \t]*[,;\-–|]?[ \t]*(?:\n[ \t]*)?(?:(?:exp(?:\.|iry|ires?)?|expiration|valid[ \t]+(?:thru|until))[ \t]*:?[ \t]*)?"
    r"(?:0[1-9]|1[0-2])[ ]?/[ ]?(?:[0-9]{2}|20[0-9]{2})(?![\w/]|[.,][0-9])",
    re.IGNORECASE,
)
# A card's expiry date: "12/27", "08 / 2026".
# (round 48 part B: the month in one digit too, "exp 1/27")
_EXPIRY = re.compile(r"(?<![\w/.,-])(?:0?[1-9]|1[0-2])[ ]?/[ ]?(?:[0-9]{2}|20[0-9]{2})(?![\w/]|[.,][0-9])")
_EXPIRY_WORDS = (
    r"exp(?:\.|iry|iration|ires?|iring)?(?:\s+date)?|valid\s+(?:thru|through|until|till)|good\s+thru"
    # (round 48 part B: "date d'exp", its apostrophe dropped, "date dexp"; "date of expiry"; other languages' words)
    r"|(?:date\s+)?d['’]\s*exp(?:iration)?|date\s+dexp(?:iration)?|date\s+of\s+expiry|expiration|exp\.?\s*:|mm\s*/\s*yy"
    # "a expiré 02/25", "expired 03/24", "expire le 04/27"
    r"|(?:(?:a|est|has|is)\s+)?expir(?:[ée]e?s?|ed|es|ait)(?:\s+(?:le|on|en|in))?"
    r"|vence|(?:fecha\s+de\s+)?(?:vencimiento|caducidad)|caduca|(?:data\s+de\s+)?validade|v[áa]lid[oa]\s+hasta"
    r"|scadenza|valable\s+jusqu['’]\s*(?:au|à|a|en)?|g[üu]ltig\s+bis|ablaufdatum|vervaldatum"
)
# Between a card number and its expiry date: separators and expiry words only.
# (round 49 part B: the expiry word may open the next sentence or line, "... 8812. Expiration : 12/25", "...\nExp: 1/27")
_AFTER_CARD = re.compile(
    rf"(?:[\s,;:()-]*|[\s,;:()-]*\.?[\s,;:()-]*(?:{_EXPIRY_WORDS})[\s.,;:()-]*)$", IGNORE_CASE
)
# Before an expiry date of a card named in words: an expiry word close by, a card word earlier
# in the sentence ("card ending 0366 exp. 11/25", "date d'expiration de ma carte de crédit : 09/27").
_EXPIRY_BEFORE = re.compile(rf"(?<!\w)(?:{_EXPIRY_WORDS})(?!\w)", IGNORE_CASE)
_CARD_WORDS = re.compile(
    r"(?<!\w)(?:(?:credit|debit|bank|visa|payment)\s+card|card\s+(?:ending|number|no\.?|#)"
    r"|carte\s+(?:de\s+)?(?:cr[ée]dit|d[ée]bit|bancaire|visa)|carte\s+(?:se\s+)?terminant"
    r"|(?:visa|master\s?card|amex|debit|credit)\s+(?:ending|terminating|terminant)"
    r"|master\s?card|amex|american\s+express|cvv|cvc"
    # "my card", "la carte", "card exp.": a card with no document named before it
    r"|(?:my|the|this|that|your|ma|la|cette|votre|mi|la)\s+(?:card|carte|tarjeta|cart[ãa]o)"
    r"|(?<!pr\s)(?<!id\s)(?<!health\s)(?<!sin\s)(?<!green\s)(?<!residence\s)(?<!resident\s)(?<!student\s)"
    r"(?<!leaf\s)(?<!ohip\s)(?<!ramq\s)(?<!boarding\s)(?<!sim\s)(?<!library\s)(?<!insurance\s)"
    r"card(?=\s+(?:exp|valid))|tarjeta\s+de\s+(?:cr[ée]dito|d[ée]bito)|cart[ãa]o\s+de\s+(?:cr[ée]dito|d[ée]bito))"
    r"(?!\w)(?!\s+(?:de\s+(?:rp|r[ée]sident|sant[ée]|s[ée]jour|travail)|d['’]\s*(?:identit[ée]|assurance)|verte"
    r"|soleil|maple|pr\b))",
    IGNORE_CASE,
)
# "exp 0826", "exp. 08-26": an expiry date without a slash, only right after a card number
# and an expiry word.
_EXPIRY_BARE = re.compile(
    # (round 48 part B: the month in one digit, a slash, a dot or a space before the year: "exp 1/27", "expires 07 29")
    rf"[\s,;:()-]*(?:\.[\s,;:()-]*)?(?:{_EXPIRY_WORDS})[\s.,;:()-]*"
    r"((?:(?:0[1-9]|1[0-2])(?:[ ]?[/.-][ ]?|[ ])?|[1-9](?:[ ]?[/.-][ ]?|[ ])"
    # (or the month's name: "exp sept 2027", "valid thru DEC 29", "expire en mars 2028")
    rf"|(?i:{MONTHS})\.?(?:[ ]?[/.-][ ]?|[ ])?)(?:[23][0-9]|20[2-4][0-9]))"
    r"(?![\w/.-]|[ ]?/[ ]?[0-9]|,[0-9])",
    IGNORE_CASE,
)


# "4500 6022 1133 8874 / 05-28": a month and a year after the number and a slash or a bar.
_EXPIRY_DASHED = re.compile(
    r"[ \t]*[/|,][ \t]*((?:0[1-9]|1[0-2])[-.](?:2[0-9]|20[2-4][0-9]))(?![\w/.-]|,[0-9])"
)


def _bare_expiries(text: str, numbers: list[int]) -> Iterator[Candidate]:
    for end in numbers:
        m = _EXPIRY_BARE.match(text, end) or _EXPIRY_DASHED.match(text, end)
        if m:
            yield m.start(1), m.end(1), "CREDIT_CARD", CARD_P


_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")


def _broken_cards(
    text: str, runs: list[tuple[int, int, list[tuple[int, int]]]], numbers: list[int]
) -> Iterator[Candidate]:
    """A card number in four groups of four broken across two lines by the chat box ("card
    number 4532 7713\n0091 2285"): Luhn-valid, or after a card word. (Round 48 part B: or across three or four lines,
    a group or two a line, "5312\n4408\n7719\n2056".)"""
    for k, (start, end, groups) in enumerate(runs):
        joined, last = list(groups), end
        for after, more_end, more in runs[k + 1 :]:
            if len(joined) >= 4 or not _LINE_BREAK.fullmatch(text, last, after):
                break
            joined += more
            last = more_end
        if last == end or len(joined) != 4 or any(e - s != 4 for s, e in joined):
            continue
        if card_valid(digits_of(text[start:last])) or _CUED_CARD.search(text, max(0, start - 40), start):
            numbers.append(last)
            yield start, last, "CREDIT_CARD", CARD_P


# Round 51 part C: a document's own name before eight digits after a generic label ("visa counterfoil number 12345678"):
# the document's number, no UCI.
_THING_DOCUMENT_BEFORE = re.compile(
    r"(?<![\w'’-])(?i:visa|permit|permis|counterfoil|vignette|eta|lmia|eimt|copr|certificat|certificate|licen[cs]e|passport"
    r"|passeport)(?![\w'’-])[^.!?\n]*\Z"
)


# Documents that expire too: an expiry date after one of them is the document's.
_DOCUMENT_WORDS = re.compile(
    r"(?<!\w)(?:(?<!carte\s)visa(?!\s+card)|permit|permis|passport|passeport|pr\s+card|carte\s+de\s+rp"
    r"|eta|ave|licen[cs]e|id|certificate|certificat|insurance|assurance)(?!\w)",
    IGNORE_CASE,
)


# The end of a sentence ("exp. 11/25" is not one).
_SENTENCE_END = re.compile(r"[!?\n]|\.\s+(?=[A-ZÀ-Þ])")


# Round 47 part C: an expiry date given before its card's number, in the same sentence: "exp date is 03/29 and the
# number 4012 7783 9921 0065", "expiration 11/27, numéro 4520 ...".
_BEFORE_CARD = re.compile(
    r"[ \t]*[,;]?[ \t]*(?:(?:and|et|,)[ \t]+)?(?:(?:the|my|le|la|son|its)[ \t]+)?(?:(?:card|carte)[ \t]+)?"
    r"(?:(?:full|complete|whole)[ \t]+)?(?:number|num[ée]ro|no\.?|#)?[ \t]*(?:is|est|c['’]?[ \t]?est|:)?[ \t]*\Z",
    IGNORE_CASE,
)


def _expiries(scan: Scan, numbers: list[int], firsts: Sequence[int] = ()) -> Iterator[Candidate]:
    """Expiry dates right after a card number, or just after an expiry word when a card word
    comes shortly before and no other document between ("card ending 0366, exp. 11/25"), or an expiry word before and
    the card's number right after (:data:`_BEFORE_CARD`)."""
    text = scan.text
    for m in _EXPIRY.finditer(text):
        start = m.start()
        if any(0 <= start - end <= 24 and _AFTER_CARD.match(text[end:start]) for end in numbers):
            yield start, m.end(), "CREDIT_CARD", CARD_P
            continue
        since = max(0, start - 60)
        breaks = [b.end() for b in _SENTENCE_END.finditer(text, since, start)]
        if _EXPIRY_BEFORE.search(text, breaks[-1] if breaks else since, start) is None:
            continue
        if any(0 < first - m.end() <= 40 and _BEFORE_CARD.match(text[m.end() : first]) for first in firsts):
            yield start, m.end(), "CREDIT_CARD", CARD_P
            continue
        named = list(_CARD_WORDS.finditer(text, max(0, start - 80), start))
        # "credit card on 12/05 and my visa expires 11/26": the date is the visa's
        if named and _DOCUMENT_WORDS.search(text, named[-1].end(), start) is None:
            yield start, m.end(), "CREDIT_CARD", CARD_P


# A card word just before a number: "paid with card 4532 ...", "la carte 4024 ...", "ma carte
# mastercard 5290 ...". There a number in four groups of four is the card even when it fails
# the Luhn check (a typo, or a number made up in an example).
# Round 37 part B: the card named right after its sixteen digits, as what they are: "4510 2233 8491 0027 c ma carte",
# "... that's my visa card", "..., c'est la carte de crédit de ma femme".
_CARD_SAID_AFTER = re.compile(
    r"[ \t]*+,?[ \t]*+(?:is|it['’]?s|that['’]?s|this[ \t]+is|c['’]?(?:[ \t]?est)?|ç['’]?est|=|:)[ \t]+"
    r"(?:my|his|her|our|the|ma|la|sa|notre|mon)[ \t]+(?:(?:visa|mastercard|master[ \t]+card|amex|credit|debit)[ \t]+)?"
    r"(?:card|carte|visa|mastercard|amex)(?![\w'’-])",
    IGNORE_CASE,
)
_CUED_CARD = re.compile(
    r"(?<!\w)(?<!pr\s)(?<!id\s)(?:card|carte|visa|master\s?card|amex|debit|cr[ée]dit|cc)"
    r"(?:\s+(?:number|no\.?|num[ée]ro|#|n°))?\s*(?:is|est|c['’]?\s?est|was|:|#)?"
    # tenth session: a courtesy between ("payez avec cette carte svp 4363-...", "pay with this card please 3774...")
    r"(?:\s*,?\s*(?:please|pls|plz|svp|stp|s['’]il\s+vous\s+pla[iî]t)\s*[,:]?)?\s*$"
    # a few words and a colon between: "my card got declined: 5258 ...", "ma carte a été refusée :"
    # (round 49 part B: a word with its article's apostrophe among them, "la carte de l'entreprise :", "card of Ama's mom:")
    r"|(?<!\w)(?<!pr\s)(?<!id\s)(?:card|carte)(?:[ \t]+(?!(?:tracking|suivi|application|delivery|livraison|status|statut|renewal)\b)"
    r"[^\W\d_]+(?:['’][^\W\d_]*)?){1,3}[ \t]*:[ \t]*$"
    # round 49 part B: a business's card, paying for a client or an employee: "the company card 4556 ...", "carte de
    # l'entreprise 5312 ...", "notre carte corporative", "tarjeta de la empresa"
    r"|(?<!\w)(?:(?:company|business|corporate|firm|office)(?:['’]s)?[ \t]+(?:(?:credit|debit|visa|amex)[ \t]+)?card"
    r"|(?:card|carte|tarjeta)[ \t]+(?:(?:de|of|for|del?)[ \t]+(?:(?:the|our|la|le|notre|l['’])[ \t]*)?|d['’][ \t]*)"
    r"(?:entreprise|compagnie|company|business|soci[ée]t[ée]|firm|cabinet|bureau|office|employeur|employer|empresa|affaires)"
    r"|(?:carte|tarjeta)[ \t]+(?:corporative|corporate|professionnelle|corporativa|empresarial))"
    r"[ \t]*(?:is|est|es|c['’]?\s?est|:|,)?[ \t]*$"
    # round 31 part B: what the card is for: "card for payment 4716 ...", "carte de paiement 4916 ...", "payment card"
    r"|(?<!\w)(?:(?:card|carte)[ \t]+(?:for|de|of|pour)[ \t]+(?:the[ \t]+|le[ \t]+|les[ \t]+)?(?:payment|paiement|paying|fees|frais)"
    r"|(?:payment|paiement)[ \t]+(?:card|carte))[ \t]*(?:is|est|c['’]?\s?est|:|,)?[ \t]*$"
    # round 28: whose card it is: "la carte de ma fille 4530 ...", "the card of my son"
    r"|(?<!\w)(?:card|carte)[ \t]+(?:de|d['’]|of|for)[ \t]*(?:(?:my|mon|ma|mes|his|her|sa|son|notre|our)[ \t]+)"
    r"[^\W\d_]{2,20}[ \t]*(?:is|est|c['’]?\s?est|:|,)?[ \t]*$"
    # round 38 part B: the card said in a short clause, then "was"/"is": "the card i used was 5191 ...", "la carte que
    # j'ai utilisée est 4520 ...", and a payment made "with" a number ("j'ai fait un paiement avec 5200 ...", "paid with")
    r"|(?<!\w)(?:card|carte)(?:[ \t]+(?!(?:tracking|suivi|application|delivery|livraison|status|statut|renewal|number)\b)[^\W\d_'’]+(?:['’][^\W\d_]+)?){1,4}"
    r"[ \t]+(?:was|is|est|c['’][ \t]?est|[ée]tait)[ \t]*:?[ \t]*$"
    r"|(?<!\w)(?:paid|pay|paying|payment|paiement|pay[ée]e?|payer|r[ée]gl[ée]e?)[ \t]+(?:with|avec|by|par)[ \t]*$"
    # round 49 part B: a purchase or a charge made with or on the number, as its instrument ("last transaction with
    # 4716 ...", "the purchase on 5312 ...", "l'achat fait avec ...", "cobrado a la ..."), not its reference's number
    r"|(?<!\w)(?:transactions?|purchases?|charges?|payments?|achats?|paiements?|compras?|pagos?|cargos?"
    r"|cobrad[oa]s?|cargad[oa]s?)(?:[ \t]+(?:made|done|fait|faite|faits|hecho|hecha|online|en[ \t]+ligne|en[ \t]+l[íi]nea)){0,2}"
    r"[ \t]+(?:with|on|using|onto|avec|sur|con|en|a)(?:[ \t]+(?:the|my|la|le|ma|mon|mi|su))?[ \t]*$"
    # round 40 part B: what to charge, then the card it goes on: "charge the remaining balance to 6011 ...", "please bill
    # the fees to ...", "débitez le solde sur ..."
    r"|(?<!\w)(?:charge|bill|d[ée]bite[zr]?|factur(?:e|ez|er))(?:[ \t]+[^\W\d_'’]+){0,4}?[ \t]+(?:to|on|onto|sur)[ \t]*$",
    IGNORE_CASE,
)


def _cued_card(text: str, groups: list[tuple[int, int]], i: int) -> int | None:
    """The last group of a 16-digit number in four groups of four from ``groups[i]``, or None."""
    shape = tuple(e - s for s, e in groups[i : i + 4])
    if shape == (4, 4, 4, 4):
        return i + 3
    if shape[:1] == (16,) and text[groups[i][0]] in "23456":
        return i  # round 39 part B: sixteen digits in one piece from a card's first digit ("payé avec 5737030076998367")
    if shape[:1] == (15,) and text[groups[i][0] : groups[i][0] + 2] in ("34", "37"):
        return i  # tenth session: American Express's fifteen in one piece ("my card 371217456607628 was charged twice")
    # an American Express number, 4-6-5 from 34 or 37: "the number is 3759 104823 61027"
    amex = shape[:3] == (4, 6, 5) and text[groups[i][0] : groups[i][0] + 2] in ("34", "37")
    return i + 2 if amex else None


def _one_by_one(text: str, shape: tuple[int, ...], start: int) -> bool:
    """Round 48 part B: a card's fifteen or sixteen digits typed one at a time, as read off the card ("4 5 3 2 ..."),
    from a card network's first digit (3 to 6)."""
    return len(shape) in (15, 16) and set(shape) == {1} and text[start] in "3456"


def _card_from(text: str, groups: list[tuple[int, int]], i: int) -> int | None:
    """The last group of the longest card number that starts at ``groups[i]``, or None.

    A card has at most 19 digits, so only the next few groups are looked at.
    """
    ends: list[int] = []
    total = 0
    for j in range(i, len(groups)):
        total += groups[j][1] - groups[j][0]
        if total > 19:
            break
        if total >= 13:
            ends.append(j)
    for j in reversed(ends):
        shape = tuple(e - s for s, e in groups[i : j + 1])
        if len(shape) > 1 and shape not in _CARD_GROUPS and not _one_by_one(text, shape, groups[i][0]):
            continue
        if card_valid(digits_of(text[groups[i][0] : groups[j][1]])):
            return j
    return None


def labelled_numbers(scan: Scan) -> Iterator[Candidate]:
    """Runs of digits that a context word introduces ("UCI 12345678", "mon NAS: 046454286",
    "6135550199 is my cell"), and nine-digit numbers that pass the Luhn check (SINs).

    A labelled run is masked whole, even when only its first groups are the value: a
    stretch left behind would be masked on its own when the redacted text is redacted again.
    """
    if scan.digits < 6:
        return
    text = scan.text
    for start, end, groups in _runs(scan):
        for s, e in groups:
            if e - s == 9 and luhn_valid(text[s:e]) and not quantity(text, s, e):
                yield s, e, "SIN", FALLBACK_P
        if quantity(text, start, end):
            if len(groups) == 1 or (start and text[start - 1] in "$€£"):
                continue
            groups = groups[:-1]  # "UCI 12345678 2 weeks ago": the count is not the value
            end = groups[-1][1]
        lengths = [e - s for s, e in groups]
        if sum(lengths) < 6:
            continue
        if len(groups) > 1 and all(is_year(text[s:e]) for s, e in groups):
            continue  # "2019 2020 2021"
        if start > 2 and text[start - 1] == " " and _MIXED_BEFORE.search(text, max(0, start - 12), start):
            continue  # "tracking number 1Z 999 AA1 01 2345 6784": the tail of a code of letters and digits
        if _s10(text, start, end):
            continue  # "RN 482 719 335 CA": a parcel's tracking number
        if end - start == 6 and start >= 3 and _TWO_CAPITALS_BEFORE.fullmatch(text, max(0, start - 4), start) \
                and not _PASSPORT_WORDS.isdisjoint(scan.words):
            continue  # round 50 part C: "Numéro de l'ancien : AE 702315": a passport's two letters before, the passport's rule types it
        if start > 4 and text[start - 1] == "-" and _CODE_HEAD.search(text, max(0, start - 16), start):
            continue  # round 27: "ON-PAL-2026-118374": the tail of another body's code of letters
        if _DATE_SHAPE.fullmatch(text, start, end) or (
            start > 3
            and text[start - 1] == " "
            and (text[start - 2].isalpha() or text[start - 2] == ".")  # (round 40 part B: "Sep. 10 1940")
            and _MONTH_BEFORE.search(text, max(0, start - 12), start)
        ):
            continue  # "1990-05-14", "Aug 12 1958": a date, not a number
        if _STREET_NEXT.match(text, end):
            continue  # "Passport: ...\nAddress: 1605-1200 W Georgia St": a civic number before its street
        if len(groups) > 1 and end - groups[-1][0] <= 3 and _STREET_TYPE_NEXT.match(text, end):
            continue  # round 47 part C: "phone 780-555-0109 address 10234 98 St NW": a civic number and a numbered street
        if start > 3 and _BOX_BEFORE.search(text, max(0, start - 12), start):
            continue  # "P.O. Box 48211-00100 Nairobi. Phone +254 ...": a box and its town's code
        prefixes = list(accumulate(lengths))
        kinds = _kinds_of_first(scan, start, lengths)
        first_kind = bool(kinds) and kinds[0] in _ID_KINDS
        kinds = kinds or scan.context(start, end, _LABELLED_KINDS)
        if (
            len(groups) > 1
            and kinds
            and kinds[0] in _GENERIC_KINDS
            and _DATE_STAMP.fullmatch(text, *groups[0])
        ):
            continue
        if (
            kinds
            and kinds[0] == "PASSPORT"
            and lengths == [6]
            and _LOCALITY_BEFORE.search(text, max(0, start - 30), start)
            and not LABELS["PASSPORT"][0].search(text, max(0, start - 40), start)
        ):
            continue  # round 50 part C: "7/8 Shantipath, Chanakyapuri 110021 right? can I drop my passport there": a PIN code
        if kinds and kinds[0] in _GENERIC_KINDS and _YEAR_MONTH_STAMP.fullmatch(text, start, end):
            continue  # round 32 part B: "ref no. 2026-11-5538 from the call centre": a ticket stamped with its month
        if kinds and kinds[0] in _GENERIC_KINDS and _dwelling_number_only(text, start):
            continue  # round 32 part B: "house no 7-1-412/A, Ameerpet, Hyderabad 500016": the house's sign
        if "NOT_ID" in kinds and (kinds[0] in _GENERIC_KINDS or prefixes[-1] > 12):
            continue  # "tracking number 7316 0000 1234 5679 (Purolator)": a parcel, not a file
        if (
            kinds
            and kinds[0] == "DOCUMENT"
            and "PASSPORT" in kinds[1:]
            and _ONE_NUMBER_BEFORE.search(text, max(0, start - 70), start)
        ):
            kinds = ["PASSPORT"]  # round 28: "her passport, ... an old one, number 08471295"
        if (
            kinds
            and kinds[0] == "DOCUMENT"
            and prefixes[-1] == 9
            and not _LABEL_KEYS["SIN"].isdisjoint(scan.words)
            and _sin_spoken_of(scan, start, end, same_sentence=True)
        ):
            # round 47 part C: "the SIN the employer asked for, the number is 947 218 306": the SIN named before in the
            # sentence (in another, "my SIN letter came. his number is ...", round 45 part C leaves it a file's)
            kinds = ["SIN"]
        if kinds and kinds[0] == "DOCUMENT" and len(groups) > 1 and _CLIENT_ID.fullmatch(text, start, end):
            kinds = ["CLIENT_ID"]  # round 28: "a letter with number 4433-2211 on top": the UCI's shape
        elif (
            kinds
            and kinds[0] == "DOCUMENT"
            and len(groups) == 1
            and end - start == 8
            and not _date_digits(text[start:end])
            and not _THING_DOCUMENT_BEFORE.search(text, max(0, start - 40), start)
        ):
            kinds = ["CLIENT_ID"]  # round 50 part C: "id is 20456789": eight digits, the UCI's length (115 of 115 in the sets)
        for kind in kinds:
            if kind == "NOT_ID":
                break  # "order number 4500123456"
            low, high = _LABELLED_LENGTH[kind]
            if not any(low <= n <= high for n in prefixes):
                continue
            digits = digits_of(text[start:end])
            if nanp_valid(digits) and agency_line(digits):
                break  # the agency's line, never a client's own
            if kind == "CLIENT_ID" and len(set(digits)) == 1:
                break  # round 31 part B: "the UCI looks like 0000-0000?": a placeholder, no one's number
            if kind == "DOCUMENT":
                if _THOUSANDS.fullmatch(text, start, end):
                    break  # "the number 1 500 000": an amount
                if (
                    nanp_valid(digits)
                    or (len(digits) == 10 and digits[:3] in CANADIAN_AREA_CODES)
                    or _TRUNK_MOBILE.fullmatch(text, start, end)
                ):
                    # "my number is 613 555 0199" is a phone number (round 40 part B: a Canadian area code, any
                    # exchange, "mon nouveau numéro : 5061223923"; a trunk 0 and 10-12 digits in one piece,
                    # "son numéro 085517552399": 36 phones in the sets, no application number)
                    yield start, end, "PHONE", LABELLED_P
                    break
            if kind == "PASSPORT" and nanp_valid(digits) and _NANP_GROUPS.fullmatch(text, start, end):
                yield start, end, "PHONE", LABELLED_P  # ten digits that read as a phone number
                break
            if kind == "PASSPORT" and (
                letter := _PASSPORT_LETTER_BEFORE.search(text, max(0, start - 3), start)
            ):
                start = (
                    letter.start()
                )  # round 32 part B: "my passport number is L 8 4 4 0 2 9 1 7": its letter too
                if last := _PASSPORT_LETTER_AFTER.match(text, end):
                    end = last.end()  # round 42 part B: and a last letter typed apart, "P 3 3 9 8 1 2 0 A"
            # (round 47 part C: the kind of a first value of the same shape, said with whose this one is, outranks a
            # phone's shape: "Mon IUC c'est 11 4455 6677 et celui de mon fils 11 4455 6680")
            yield start, end, _TYPE_OF.get(kind, kind), APPLICATION_P if first_kind else LABELLED_P
            break


# an address's locality right before six digits, after a comma: its postal code (India's PIN), whatever word follows
_LOCALITY_BEFORE = re.compile(r",[ \t]*(?-i:[A-ZÀ-Þ])[\w'’-]+[ \t]+\Z")
_TWO_CAPITALS_BEFORE = re.compile(r"(?:^|(?<=[^\w'’-]))(?-i:[A-Z]{2})[ \t]|[^\w'’-](?-i:[A-Z]{2})[ \t]")


# Round 32 part B: a passport's letter typed apart before its digits: "L 8 4 4 0 2 9 1 7", "K 0552 9917".
_PASSPORT_LETTER_BEFORE = re.compile(r"(?<![\w'’.-])(?![AI] )[A-Z][ \t]$")
_PASSPORT_LETTER_AFTER = re.compile(r"[ \t][A-Z](?![\w'’.-]|[ \t]+[a-zà-ÿ])")


# Round 32 part B: "no" after a house, a door, a flat or a plot is its number's sign ("house no 7-1-412/A",
# "H.No 12", "door no 4"), no document's label: the digits after (a PIN code, a phone) are not a file's.
_DWELLING_NO = re.compile(
    r"(?<![\w'’])(?:(?i:house|door|flat|plot|room|apt|villa)[ \t]*|[HD]\.[ \t]?|[HD](?=[Nn]))(?i:no|n[°º]|nr)\.?(?![\w'’])"
)
_DWELLING_KEYS = wordset("house door flat plot room apt villa h d hno dno")


def _dwelling_number_only(text: str, start: int) -> bool:
    """Whether the only document words in the 55 characters before `start` are a dwelling's "no"."""
    window = text[max(0, start - 55) : start]
    if _DWELLING_NO.search(window) is None:
        return False
    rest = _DWELLING_NO.sub(" ", window)
    return LABELS["APPLICATION_NUMBER"][0].search(rest) is None and LABELS["DOCUMENT"][0].search(rest) is None


# Round 28: a passport said again as "one" in its sentence, then its number: "all she has is an old
# one, number 08471295", "j'ai seulement l'ancien, numéro ...".
_ONE_NUMBER_BEFORE = re.compile(
    r"(?i:pas{1,2}e?p{1,2}or?ts?|passeports?)\b[^.!?\n]{0,50}?(?:\b(?:old|new|other|expired|first)[ \t]+one"
    # (round 45 part C: "renouvelé son passeport algérien; le nouveau numéro est ...", "the new number is")
    r"|\bl['’]ancien|\bl['’]autre|\ble[ \t]+vieux|\b(?i:le|the|son|its)[ \t]+(?i:nouveau|new))\b[ \t]*+,?[ \t]*+"
    r"(?i:the[ \t]+|le[ \t]+|its[ \t]+|son[ \t]+)?"
    r"(?i:number|no\.?|num[ée]ro|n°|#)[ \t]*(?i:is|est|:)?[ \t]*$"
)


# Round 18: a second value of the same kind after the first, said with whose it is: "sin number 046
# 454 286 for me and my wife's is 527-914-308", "mon NAS ... et celui de ma femme est ...".
_AND_WHOSE = re.compile(
    r"(?:(?<!\w)(?:and|et|&)[ \t]+|,[ \t]*)(?:mine|hers|his|theirs|le\s+mien|la\s+mienne|le\s+sien|la\s+sienne"
    r"|(?:my|his|her|our|the)[ \t]+[^\W\d_]{3,20}['’]s|celui[ \t]+(?:de|du)[ \t]+(?:(?:ma|mon|sa|son|notre)[ \t]+)?[^\W\d_]{2,20}"
    # round 40 part B: the relative named after the word ("et celui de mon mari Samir Roy c'est 004506331")
    r"(?:[ \t]+(?-i:[A-ZÀ-Þ])[\w'’-]+){0,3})"
    r"(?:[ \t]+(?:one|number|num[ée]ro))?[ \t]*(?:is|was|est|c['’]\s?est|:|-)?[ \t]*$"
    # round 27: a list of whose each one is: "uci for me 1104 2217, for my wife 1104 2218, for our son ..."
    r"|(?:(?<!\w)(?:and|et|&)[ \t]+|,[ \t]*)(?:for|pour)[ \t]+(?:me|moi|(?:my|his|her|our|their|ma|mon|mes|sa|son|notre)[ \t]+[^\W\d_]{2,20})"
    r"[ \t]*(?:is|est|:|-)?[ \t]*$"
    # round 38 part B: the old or previous one of the same shape: "new number is HN482917, old was HK119034",
    # "le nouveau PP3148275, l'ancien était PP1029384"
    r"|(?:(?<!\w)(?:and|et|&)[ \t]+|,[ \t]*|[(][ \t]*)(?:the[ \t]+|my[ \t]+|l['’][ \t]*|mon[ \t]+|ma[ \t]+)?"
    r"(?:old|older|previous|former|expired|ancien|ancienne|pr[ée]c[ée]dent|pr[ée]c[ée]dente|expir[ée]e?"
    # round 39 part B: or the new one after the old ("son passeport PC481920 a été renouvelé, nouveau no PC903341")
    r"|new|renewed|nouveau|nouvelle|renouvel[ée]e?)"
    r"(?:[ \t]+(?:one|number|num[ée]ro|no\.?|n[°º]|passport|passeport))?[ \t]*(?:is|was|est|[ée]tait|c['’]\s?[ée]tait|:|-|=)?[ \t]*$",
    IGNORE_CASE,
)
_WHOSE_KEYS = wordset("and et mine hers his theirs mien mienne sien sienne celui for pour")


# Round 30 part B: or the same value typed again to correct it, a word of correcting right before:
# "my SIN: 987-654-321? no wait that's wrong, its 987-654-329", "UCI 1122 3344, sorry, I mean 1122 3345",
# "mon NAS 046 454 286... erreur, c'est 046 454 287" (the first value's label holds for the second; only
# the few words of a correction between, so a label of another kind there keeps its own number).
_CORRECTED = re.compile(
    r"(?<![\w'’])(?:no[ \t]+wait|wait|sorry|oops|my[ \t]+bad|i[ \t]+mean|i[ \t]+meant|wrong|typo|mistake|correction"
    r"|d[ée]sol[ée]e?|pardon|je[ \t]+veux[ \t]+dire|erreur|non[ \t]+attendez?|oups)[ \t,.!:;-]*"
    # (round 52 part C: "wait no 0045778132")
    r"(?:(?:that['’]?s|thats|it['’]?s|its|it[ \t]+is|is|the|right|correct|real|good|one|wrong|c['’][ \t]?est|le|bon|vrai|la|bonne|est"
    r"|no|non|nope)(?![\w'’])[ \t,.!:;-]*){0,5}$",
    IGNORE_CASE,
)
_CORRECTED_KEYS = wordset(
    "wait sorry oops bad mean meant wrong typo mistake correction désolé désolée desole pardon dire erreur attends attendez oups"
)


def _kinds_of_first(scan: Scan, start: int, lengths: list[int]) -> list[str]:
    """The kinds of the value before a second one of the same shape said with whose it is, or
    typed again to correct it, or []."""
    corrected = (
        not _CORRECTED_KEYS.isdisjoint(scan.words)
        and _CORRECTED.search(scan.text, max(0, start - 40), start) is not None
    )
    if not corrected and (
        _WHOSE_KEYS.isdisjoint(scan.words) or _AND_WHOSE.search(scan.text, max(0, start - 70), start) is None
    ):
        return []
    text = scan.text
    for first, last, groups in reversed(_runs(scan)):
        if last >= start:
            continue
        if (any(c in ".!?\n" for c in text[last:start]) and not (corrected and start - last <= 50)) or [
            e - s for s, e in groups
        ] != lengths:
            return []
        kinds = scan.context(first, last, _LABELLED_KINDS)
        return kinds if kinds and kinds[0] not in _GENERIC_KINDS and kinds[0] != "NOT_ID" else []
    if (
        not corrected
        and (whose := _AND_WHOSE.search(text, max(0, start - 70), start))
        and "celui" in whose.group()
    ):
        # round 40 part B: "celui de" is the same thing's ("mon passeport c'est 59D24408 ... et celui de mon mari ...
        # c'est 706582256"), whatever the first one's shape: the kind of the value before, in its sentence
        before = [m for m in _ID_TOKEN.finditer(text, max(0, whose.start() - 80), whose.start())]
        if before and not any(c in ".!?\n" for c in text[before[-1].end() : whose.start()]):
            kinds = scan.context(before[-1].start(), before[-1].end(), _LABELLED_KINDS)
            if kinds and kinds[0] in ("PASSPORT", "SIN", "CLIENT_ID"):
                return [kinds[0]]
    return []


# Round 18: a number in four groups of four that a payment says is a card, Luhn or not: "j'ai payé
# avec 4916 3382 ...", "I paid with ...", "charge it on ...", "the visa card ending 4821 is expired so
# use this one 4024 0071 ...". A card's first digit (2 to
# 6): Canada Post's 16-digit tracking numbers start with 7 or 1. A card word alone is not enough: "I
# tried my card and it said invalid, 4532 ... — that's just the example number from the bank website".
_PAID_BEFORE = re.compile(
    r"(?<!\w)(?:paid|pay|paying|pa[yi][ée]e?|payer|charged?|charger|d[ée]bit[ée]e?|use|using|utilis[ée]e?|utiliser"
    # a second try: "j'ai réessayé avec la 4917 ...", "tried again with 4532 ...", "retry with this one"
    r"|(?:re)?tr(?:y|ied)(?:[ \t]+again)?|r[ée]essay[ée]e?|r[ée]essayer|essay[ée]e?(?:[ \t]+(?:encore|[àa][ \t]+nouveau))?)"
    r"[ \t]+(?:(?:with|avec|on|to|sur|par)[ \t]+)?(?:(?:this|that|the|my|ma|cette|la)(?:[ \t]+(?:one|other|new|nouvelle|autre))?[ \t]+)?[:#]?[ \t]*$",
    IGNORE_CASE,
)
_CARD_EVENT = r"declined|refused|rejected|charged|billed|debited|blocked|refus[ée]e|rejet[ée]e|d[ée]bit[ée]e|factur[ée]e|bloqu[ée]e"
_CARD_EVENT_BEFORE = re.compile(
    r"(?<!\w)(?:(?:my|the|this|ma|la|cette)[ \t]+(?:(?:credit|debit|visa|bank)[ \t]+)?(?:card|carte)(?:[ \t]+(?:de[ \t]+)?(?:cr[ée]dit|d[ée]bit))?"
    r"[ \t]+(?:(?:got|was|has[ \t]+been|is|just|a[ \t]+[ée]t[ée]|est|s['’]est[ \t]+fait)[ \t]+){0,2}"
    rf"(?:{_CARD_EVENT})"
    rf"|(?:{_CARD_EVENT}|charge|bill|d[ée]bit[ée])[ \t]+(?:my|ma|la)[ \t]+(?:(?:credit|debit|visa|bank)[ \t]+)?(?:card|carte))"
    r"(?:[ \t]+(?:twice|again|two[ \t]+times|deux[ \t]+fois|[àa][ \t]+nouveau))?[ \t]*[!.:,;-]*[ \t]*$",
    IGNORE_CASE,
)
_NOT_A_CARD_BETWEEN = re.compile(
    r"(?<!\w)(?:tracking|suivi|colis|parcel|postes?|purolator|fedex|ups|dhl|receipt|re[çc]u|transaction|confirmation|reference|r[ée]f[ée]rence)(?!\w)",
    IGNORE_CASE,
)


# Round 41 part B: sixteen digits in four groups of four, one separator throughout ("i paid w/ 4024-0071-8834-5519",
# "Ma Visa Desjardins: 4540-1122-9087-6633", "(5191 7730 2245 0918)"), from a card's first digit (3-6), are a card
# whatever the words before, Luhn or not: but not with a parcel's, an order's, a receipt's or an account's word before
# them in the sentence (a tracking number, a transaction's or a bank account's own number).
_NOT_CARD_CUE = re.compile(
    r"(?<![\w'’-])(?:tracking|track|trace|suivi|colis|parcel|package|courier|purolator|fedex|ups|dhl|canpar|postes?|waybill"
    r"|shipment|shipping|envoi|livraison|delivery|order|commande|reference|r[ée]f[ée]rence|ref|r[ée]f|confirmation|transaction"
    r"|receipt|re[çc]u|invoice|facture|account|compte|iban|rib|serial|s[ée]rie|imei|policy|police|contrat|contract|ticket"
    r"|billet|booking|r[ée]servation|gift|cadeau|voucher|bon"
    # a file's word: "the file number is 4520 ..." is the file's (round 46 part B: not a card "on file", "au dossier")
    r"|(?<!on[ \t])file|(?<!au[ \t])dossier|application|demande|case|uci|iuc|client)(?![\w'’-])",
    IGNORE_CASE,
)


# ... in a message that speaks of a card or a payment somewhere (a bare "4012-8888-8888-1882" alone is Presidio's
# negative): every such card of the sets has one.
_PAYMENT_WORD = re.compile(
    r"(?<![\w'’-])(?:cards?|cartes?|visa|master[ \t]?card|amex|american[ \t]+express|discover|debit|d[ée]bit|credit|cr[ée]dit"
    r"|paid|pay|paying|payment|paiement|pay[ée]e?s?|payer|charged?|factur[ée]e?|refus[ée]e?|declined|fees?|frais"
    # round 47 part C: a card's own fields ("exp date is 03/29 and the number 4012 7783 9921 0065")
    r"|cvv2?|cvc|exp(?:iry|iration)?[ \t]+date|date[ \t]+d['’][ \t]*expiration)(?![\w'’-])",
    IGNORE_CASE,
)


def _four_fours(text: str, groups: list[tuple[int, int]]) -> bool:
    """Whether ``groups`` are a card's four groups of four (see :data:`_NOT_CARD_CUE`)."""
    if any(e - s != 4 for s, e in groups) or text[groups[0][0]] not in "3456" or _PAYMENT_WORD.search(text) is None:
        return False
    separators = {text[groups[k][1] : groups[k + 1][0]] for k in range(3)}
    if len(separators) != 1 or separators.pop() not in (" ", "-"):
        return False
    since = max(0, groups[0][0] - 80)
    since = max(since, max(text.rfind(c, since, groups[0][0]) for c in "!?\n") + 1)
    after = groups[3][1]
    while after < len(text) and text[after] in " \t":
        after += 1
    if _NOT_CARD_CUE.search(text, since, groups[0][0]) or _NOT_CARD_CUE.match(text, after):
        return False  # (or the word right after: "the fee 4716 ... transaction?")
    return _EXAMPLE_AFTER.search(text, groups[3][1], groups[3][1] + 80) is None


# ... nor a number said to be an example after it ("... — oh wait that's just the example number from the bank")
_EXAMPLE_AFTER = re.compile(
    r"(?<![\w'’-])(?:example|exemple|sample|specimen|sp[ée]cimen|fake|dummy|bidon|fictif|fictive|test[ \t]+(?:number|card)"
    r"|num[ée]ro[ \t]+(?:de[ \t]+)?test|carte[ \t]+(?:de[ \t]+)?test)(?![\w'’-])",
    IGNORE_CASE,
)


def _card_said_before(text: str, start: int) -> bool:
    if text[start] not in "23456":
        return False
    since = max(0, start - 80)
    cut = max(text.rfind(c, since, start) for c in "!?\n")
    since = max(since, cut + 1)
    if _NOT_A_CARD_BETWEEN.search(text, since, start):
        return False
    if _PAID_BEFORE.search(text, max(since, start - 40), start) is not None:
        return True
    # round 29 part B: what happened to the card, right before it: "my card got declined 5412 ...",
    # "YOU CHARGED MY CARD TWICE!!! 4520 ...", "ma carte a été refusée 4530 ..."
    if _CARD_EVENT_BEFORE.search(text, max(0, start - 60), start) is not None:
        return True
    # Round 26: "card was charged twice ... full number is 4520 ...", "the name on my card is ...
    # and the number is 3759 ...", "carte VISA se terminant par 8819... le numéro complet : 4024 ..."
    number = _THE_NUMBER_BEFORE.search(text, max(since, start - 30), start)
    if number is None:
        return False
    named = [m.end() for m in _CARD_NAMED.finditer(text, since, number.start())]
    return bool(named) and _OTHER_NUMBER_BETWEEN.search(text, named[-1], number.start()) is None


# A post-office box's word right before the number.
_BOX_BEFORE = re.compile(r"(?<![\w])(?i:p\.?\s?o\.?\s*box|box|bp|b\.p\.|c\.p\.|postale)[ \t]*[#:]?[ \t]*$")
# "the number is", "full number:", "le numéro complet :": a number named, its kind said earlier.
_THE_NUMBER_BEFORE = re.compile(
    r"(?<!\w)(?:(?:full|complete|whole|entire)[ \t]+)?(?:number|num[ée]ro|no\.)(?:[ \t]+(?:complet|entier))?"
    r"[ \t]*(?:is|est|c['’]?[ \t]?est|:)?[ \t]*:?[ \t]*$",
    IGNORE_CASE,
)
# A payment card named earlier in the sentence; the other cards and documents are not.
_CARD_NAMED = re.compile(
    r"(?<!\w)(?<!pr\s)(?<!id\s)(?<!health\s)(?<!sin\s)(?<!green\s)(?<!gift\s)(?<!library\s)(?<!boarding\s)"
    r"(?:card|carte|visa|master\s?card|amex|american\s+express|debit|cr[ée]dit)(?!\w)"
    r"(?![ \t]+(?:de[ \t]+(?:rp|r[ée]sident|sant[ée]|s[ée]jour|travail|biblioth[èe]que)|d['’][ \t]*(?:identit[ée]|assurance)|verte|soleil|maple|pr\b))"
    r"(?![ \t]+(?:application|file|case|dossier|demande|number|numéro))",
    IGNORE_CASE,
)
# Another number's kind named after the card: "I lost my card, the file number is ...".
_OTHER_NUMBER_BETWEEN = re.compile(
    r"(?<!\w)(?:application|file|case|dossier|demande|receipt|re[çc]u|uci|client|passport|passeport|permit|permis"
    r"|phone|t[ée]l[ée]phone|tel|cell|reference|r[ée]f[ée]rence|order|commande|account|compte)(?!\w)",
    IGNORE_CASE,
)


# Round 36 part B: a file number relayed with its letters' prefix, a year and a serial ("IMM-2023-0045678", "CIT-2024-
# 0871532"): where the serial and its year are found as an application's number, the prefix glued by a dash is its own.
_FILE_PREFIX = re.compile(r"(?<![\w-])[A-Z]{2,4}-\Z")
_ID_KINDS = frozenset(("APPLICATION_NUMBER", "PASSPORT", "SIN", "CLIENT_ID"))


def with_file_prefix(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """`candidates`, an application number's start moved back over its letters' prefix (see :data:`_FILE_PREFIX`)."""
    out = []
    for c in candidates:
        if (
            c[2] == "APPLICATION_NUMBER"
            and c[0] > 2
            and text[c[0] - 1] == "-"
            and is_year(text[c[0] : c[0] + 4])
        ):
            m = _FILE_PREFIX.search(text, max(0, c[0] - 5), c[0])
            if m:
                c = (m.start(), c[1], c[2], c[3])
        out.append(c)
    return out


# Round 36 part B: a number corrected after a typo ("its not W30055512 its W300555128", "c pas F10293847 c F102938475",
# "mon NAS 131 448 920 ... le dernier chiffre est faux, ça devrait être 131 448 928"): the wrong value and its correction
# are the same identifier, one kind: the correction's when a rule found it, else the wrong one's (then the correction is
# masked too). The two differ by two characters at most; a word of error or correction stands between or before.
_CORRECTION_WORDS = re.compile(
    r"(?<![\w'’-])(?:not|pas|wrong|faux|fausse|incorrect|typo|erreur|faute|mistake|should|devrait|sorry|dsl|oops|oups"
    r"|mistakenly|accident(?:al)?ly|d[ée]sol[ée]e?|tromp[ée]e?"
    # round 45 part C: the right one named ("..., le bon c'est 452 918 367")
    r"|le[ \t]+bon|la[ \t]+bonne|(?:the[ \t]+)?(?:right|correct)[ \t]+one)(?![\w'’-])",
    re.IGNORECASE,
)
# Round 40 part B: a value typed wrong, then the right one, another number altogether ("passport number is 94 78 354657,
# sorry I wrote wrong before, the correct one is 1372 746599", "i mistakenly wrote my sin as 421 114 869 ... but it's
# actually 730-837-592", "Numéro de passeport 971144562, désolé je me suis trompé, c'est 137228762"): the same kind when
# one of these says so and the digits are as many (one more or fewer).
_REWRITTEN = re.compile(
    r"(?<![\w'’-])(?:wrote[ \t]+(?:it[ \t]+)?wrong|typed[ \t]+(?:it[ \t]+)?wrong|mistakenly|accident(?:al)?ly|by[ \t]+mistake"
    r"|correct[ \t]+one|real[ \t]+one|right[ \t]+one|actually|me[ \t]+suis[ \t]+tromp[ée]e?|en[ \t]+fait|le[ \t]+bon|la[ \t]+bonne)(?![\w'’-])",
    re.IGNORECASE,
)
_CORRECTED_BEFORE = re.compile(
    # (round 46 part B: "put 718 226 431 instead of 718 262 431", "au lieu de", "rather than")
    r"(?<![\w'’-])(?:it['’]?s|its|c['’][ \t]?est|c|should[ \t]+be|devrait[ \t]+[êe]tre|is|est|but|mais|plut[ôo]t"
    r"|instead(?:[ \t]+of)?|au[ \t]+lieu[ \t]+d(?:e|u|['’])|rather[ \t]+than|mean"
    r"|dire|(?:correct|real|right|actual)[ \t]+(?:one|number)[ \t]+is|le[ \t]+bon[ \t]+(?:est|c['’][ \t]?est)"
    r"|(?:it['’]?s|its|is|c['’][ \t]?est)[ \t]+(?:actually|really|en[ \t]+fait))[ \t]*[:,]?[ \t]*(?:le[ \t]+|la[ \t]+)?\Z",
    re.IGNORECASE,
)
_DIGITS_AT = re.compile(r"[0-9](?:[ -]?[0-9])*(?![0-9A-Za-z])")
_ID_TOKEN = re.compile(r"(?<![\w])[A-Za-z]{0,3}[0-9](?:[ -]?[0-9A-Za-z]){5,13}(?![\w])")


def _near(a: str, b: str) -> bool:
    """Whether `a` and `b` differ by two edits at most (insertions, deletions, substitutions)."""
    if abs(len(a) - len(b)) > 2:
        return False
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1] <= 2


def _plain(value: str) -> str:
    return re.sub(r"[\s-]", "", value).upper()


_SIN_OR_UCI = frozenset(("SIN", "CLIENT_ID"))


def corrected(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """`candidates`, a value and its correction given one kind, the correction added when no rule found it (see
    :data:`_CORRECTED_BEFORE`)."""
    ids = [c for c in candidates if c[2] in _ID_KINDS]
    if not ids or _CORRECTION_WORDS.search(text) is None:
        return candidates
    out = list(candidates)
    for c in ids:
        value = _plain(text[c[0] : c[1]])
        if len(value) < 6:
            continue
        for m in _ID_TOKEN.finditer(text, c[1], min(len(text), c[1] + 100)):
            if re.search(
                r"[.!?\n]", text[c[1] : m.start()].replace("!!", "")
            ) and not _CORRECTED_BEFORE.search(text, c[1], m.start()):
                break
            other = _plain(m.group())
            run = _DIGITS_AT.match(m.group())  # (its digits: "1372 746599 pls")
            rewritten = (  # round 40 part B: another number altogether, said to be the right one
                value.isdigit()
                and run is not None
                and not _near(value, _plain(run.group()))
                and abs(len(value) - len(_plain(run.group()))) <= 1
                and _REWRITTEN.search(text, max(0, c[0] - 60), m.start()) is not None
            )
            end = m.start() + run.end() if rewritten and run else m.end()
            if (
                not _CORRECTED_BEFORE.search(text, c[1], m.start())
                or not (_near(value, other) or rewritten)
                or (value == other and _REWRITTEN.search(text, max(0, c[0] - 60), m.start()) is None)
            ):  # (round 40 part B: the same digits regrouped, said to be the real ones: "9305 44 791 ... real one is 930 544 791")
                continue
            if _CORRECTION_WORDS.search(text, max(0, c[0] - 60), m.start()) is None:
                break
            found = [d for d in out if d[0] < end and m.start() < d[1] and d[2] in _ID_KINDS]
            if rewritten:  # its label is the first one's: a phone's shape there is no phone
                out = [d for d in out if not (d[0] < end and m.start() < d[1] and d[2] == "PHONE")]
            kind = max(found, key=lambda d: d[3])[2] if found else c[2]
            if found and c[2] in _SIN_OR_UCI and other.isdigit() and all(d[2] in _GENERIC_KINDS for d in found):
                # round 45 part C: a file's word near the correction says no kind of its own ("mon NAS 452 918 376
                # apparaît mal dans mon dossier, le bon c'est 452 918 367"): the first value's kind
                kind = c[2]
                out = [(d[0], d[1], kind, d[3]) if d in found else d for d in out]
            out = [(d[0], d[1], kind, d[3]) if d == c else d for d in out]
            if not found:
                out.append((m.start(), end, kind, c[3]))
            break
    return out


# Round 36 part B: a citizenship application's number, a letter and seven to nine digits, after its label in its sentence
# ("La demande de citoyenneté de ... est la C4455667", "my citizenship file: C000512378?"): the application's, not a
# passport of the same shape (a passport word nearer keeps it one: "citizenship application, passport C1234567").
_CITIZENSHIP_FILE_BEFORE = re.compile(
    r"(?:\b(?:demande|dossier|application|file|request)[ \t]+(?:de[ \t]+|d['’][ \t]*|of[ \t]+|for[ \t]+)?(?:la[ \t]+|my[ \t]+)?"
    r"(?:citoyennet[ée]|citizenship)|\bcitizenship[ \t]+(?:application|file|request))"
    r"(?P<between>[^.!?\n]{0,60}?)[ \t]*[:=#]?[ \t]*\Z",
    re.IGNORECASE,
)
_CITIZENSHIP_NUMBER = re.compile(r"(?<![\w-])[A-Z][0-9]{7,9}(?![\w-])")
_PASSPORT_WORD = re.compile(r"\b(?:passport|passeport|pasaporte|passaporte)\b", re.IGNORECASE)
CITIZENSHIP_KEYS = wordset("citoyenneté citoyennete citizenship")


def citizenship_files(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """`candidates`, a citizenship application's number typed as such (see :data:`_CITIZENSHIP_FILE_BEFORE`); for a
    message with a word of :data:`CITIZENSHIP_KEYS`."""
    out = list(candidates)
    for m in _CITIZENSHIP_NUMBER.finditer(text):
        label = _CITIZENSHIP_FILE_BEFORE.search(text, max(0, m.start() - 120), m.start())
        if label is None or _PASSPORT_WORD.search(label.group("between")):
            continue
        found = [c for c in out if c[0] < m.end() and m.start() < c[1]]
        if all(c[2] == "PASSPORT" and c[0] == m.start() and c[1] == m.end() for c in found):
            out = [c for c in out if c not in found] + [
                (m.start(), m.end(), "APPLICATION_NUMBER", APPLICATION_P)
            ]
    return out


# Round 38 part B: a province's health card or a driver's licence is none of the kinds masked here (no tuned set labels
# one): its number, after its label, is no phone, application number or SIN ("my health card number is 1234-567-890-AB",
# "drivers licence D6101-40707-60905", "ma carte santé 1234 567 890", "permis de conduire N2038-120490-03"). Only the
# value right after the label: a SIN or a UCI named after it stays ("... or just my uci 00-1847-2261").
_PROVINCIAL_CARD = re.compile(
    r"(?<![\w'’-])(?:health[ \t]+(?:card|insurance[ \t]+card|number)|carte[ \t]+(?:de[ \t]+)?sant[ée]"
    r"|carte[ \t]+d['’][ \t]*assurance[ \t]+maladie|(?-i:OHIP|RAMQ|MSP|AHCIP)"
    r"|drivers?['’]?s?[ \t]+licen[cs]e|driving[ \t]+licen[cs]e|permis[ \t]+de[ \t]+conduire|(?-i:DL))"
    # round 40 part B: and its country's adjective ("permis de conduire turc est 2294411", "Turkish driver licence")
    r"(?:[ \t]+(?-i:[a-zà-ÿ]{3,}(?:c|e|s|n|ien|ienne|ais|aise|ain|aine|ois|oise|ese|ish|ian|can|ano|ana)))?"
    r"(?:[ \t]+(?:number|no\.?|num[ée]ro|n[°º]|#))?[ \t]*(?:is|est|c['’][ \t]?est|:|#|=)?[ \t]*"
    r"(?:[A-Za-z][0-9]{3,5}-)?$",
    IGNORE_CASE,
)
PROVINCIAL_CARD_KEYS = wordset(
    "health santé sante maladie ohip ramq msp ahcip licence license licenses licences conduire dl"
)
_PROVINCIAL_KINDS = frozenset(("PHONE", "APPLICATION_NUMBER", "SIN", "CLIENT_ID", "PASSPORT"))


def provincial_cards(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """`candidates` without the numbers that are a health card's or a driver's licence's, right after their label."""
    return [
        c
        for c in candidates
        if c[2] not in _PROVINCIAL_KINDS or not _PROVINCIAL_CARD.search(text, max(0, c[0] - 45), c[0])
    ]


# Round 40 part B: a client's number right after the client's name, with no word to say what it is ("Re: Nadia Roy —
# 60206167", "WHY IS NOBODY ANSWERING?? ANA GILL 8007728717 WAITING ...", "son nom Jean Roy, 65876682"): the file's
# identifier, a UCI (eight digits, or ten in one piece or grouped 4-3-3 / 2-4-4), not a date ("Li Wei, 1990.06.12",
# "Ana Roy, 16061993") nor a phone: ten digits in one piece that a Canadian area code opens are the client's phone
# ("Ahmad Karimi 4169998877": 4 of the sets' 8 such numbers; the other 4, UCIs, open with 800, 287, 291, 361), and
# ten digits that open with a trunk prefix's 0 are a phone abroad ("Jose Reyes 0912 384 756").
_NUMBER_AFTER_NAME = re.compile(
    r"[ \t]*(?:[,:/—–-][ \t]*)?(?P<n>[0-9]{8}|[0-9]{4}[ -][0-9]{4}|[0-9]{10}|[0-9]{4} [0-9]{3} [0-9]{3}|[0-9]{2}[ -][0-9]{4}[ -][0-9]{4})"
    r"(?![\w@/.,-]?[0-9])(?![\w@])"
)


def _date_digits(digits: str) -> bool:
    """Whether eight digits read as a date: DDMMYYYY, MMDDYYYY or YYYYMMDD, year 1900-2099."""
    if is_year(digits[:4]) and 1 <= int(digits[4:6]) <= 12 and 1 <= int(digits[6:]) <= 31:
        return True
    a, b = int(digits[:2]), int(digits[2:4])
    return is_year(digits[4:]) and min(a, b) >= 1 and ((a <= 31 and b <= 12) or (a <= 12 and b <= 31))


def client_after_name(text: str, spans: list[Span]) -> list[Span]:
    """`spans` (sorted), a bare number right after a PERSON span typed CLIENT_ID (see :data:`_NUMBER_AFTER_NAME`)."""
    out = list(spans)
    for s in spans:
        if s.type != "PERSON":
            continue
        m = _NUMBER_AFTER_NAME.match(text, s.end)
        if m is None:
            continue
        start, end = m.span("n")
        digits = re.sub(r"[ -]", "", m.group("n"))
        if len(digits) == 8 and _date_digits(digits):
            continue
        if len(digits) == 10 and (
            digits[0] == "0" or (m.group("n").isdigit() and digits[:3] in CANADIAN_AREA_CODES)
        ):
            continue  # a trunk prefix's 0 ("Jose Reyes 0912 384 756") or a Canadian area code: a phone
        touching = [t for t in out if t.start < end and start < t.end]
        if any(t.type not in ("PHONE",) or t.start < start - 1 or t.end > end + 1 for t in touching):
            continue  # another kind of value there already, or a longer one
        out = [t for t in out if t not in touching] + [Span(start, end, "CLIENT_ID")]
    return sorted(out, key=lambda t: t.start)


# Round 40 part B: a table pasted with its header, each row's cells under the header's labels ("Nom | IUC | Passeport"
# then "KONE Mariam | 31228845 | AB123456", "name<tab>uci<tab>passport", "Name, UCI, DOB"): a cell that holds one value
# (five digits or more, few other signs) is of its column's kind, whatever its shape says (a UCI of eight digits is no
# passport there). The header: two cells at least, split by a bar, a tab, a semicolon or a comma, one of them naming
# a kind; each row: as many cells, split the same way, up to a blank line.
_COLUMN_KINDS = (
    (
        "CLIENT_ID",
        re.compile(
            r"(?i)^(?:uci|iuc|client[ \t]*(?:id|no\.?|number|#)?|id[ \t]+client|n(?:o|°|º)?[ \t]*(?:de[ \t]+)?client)$"
        ),
    ),
    (
        "PASSPORT",
        re.compile(
            r"(?i)^(?:passport|passeport|pasaporte|passaporte)(?:[ \t]*(?:no\.?|number|n°|#|num[ée]ro))?$"
        ),
    ),
    ("SIN", re.compile(r"(?i)^(?:sin|nas|social[ \t]+insurance(?:[ \t]+number)?)$")),
    (
        "PHONE",
        re.compile(
            r"(?i)^(?:phone|tel\.?|t[ée]l\.?|t[ée]l[ée]phone|cell|cellulaire|mobile)(?:[ \t]*(?:no\.?|number|#))?$"
        ),
    ),
    (
        "APPLICATION_NUMBER",
        re.compile(
            r"(?i)^(?:application|app(?:lication)?[ \t]*(?:no\.?|number|#)|demande|n(?:o|°|º)?[ \t]*(?:de[ \t]+)?demande|file(?:[ \t]*no\.?)?|dossier)$"
        ),
    ),
)
_CELL_VALUE = re.compile(r"\+?[(]?[0-9A-Za-z][0-9A-Za-z() .-]{4,22}")
_TABLE_SEPARATORS = ("|", "\t", ";", ",")
TABLE_P = 88  # above a shape's guess (an application's 85), below a card's and an e-mail's


_OTHER_COLUMN = re.compile(
    r"(?i)^(?:name|full[ \t]+name|first[ \t]+name|last[ \t]+name|surname|given[ \t]+names?|nom|pr[ée]noms?|nom[ \t]+complet"
    r"|dob|date[ \t]+of[ \t]+birth|birth[ \t]*date|date[ \t]+de[ \t]+naissance|ddn|n[ée]\(?e?\)?[ \t]+le|e-?mail|courriel"
    r"|relationship|relation|lien|lien[ \t]+de[ \t]+parent[ée]|address|adresse|country|pays|status|statut)$"
)


def _header_kinds(cells: list[str], sep: str) -> list[str | None] | None:
    """The kinds of a header's cells (None: a column of no kind here), or None when the line is no header: every
    cell a label of four words at most, one a kind's; after a comma or a semicolon, two labels at least."""
    kinds: list[str | None] = []
    known = 0
    for cell in cells:
        cell = cell.strip()
        kind = next((kind for kind, label in _COLUMN_KINDS if label.match(cell)), None)
        kinds.append(kind)
        known += kind is not None or _OTHER_COLUMN.match(cell) is not None
    if not any(kinds) or any(len(c.split()) > 4 for c in cells) or (sep in ",;" and known < len(cells)):
        return None
    return kinds


def table_columns(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """`candidates`, each cell of a pasted table's rows typed by its column's header (see :data:`_COLUMN_KINDS`)."""
    out = list(candidates)
    lines = text.split("\n")
    offsets = list(accumulate([0] + [len(line) + 1 for line in lines]))
    i = 0
    while i < len(lines) - 1:
        line, last = lines[i], i
        for sep in _TABLE_SEPARATORS:
            if line.count(sep) < 1 or (sep == "," and line.count(sep) < 2):
                continue
            kinds = _header_kinds(line.strip().strip(sep).split(sep), sep)
            if kinds is None:
                continue
            for j in range(i + 1, len(lines)):
                row = lines[j]
                stripped = row.strip()
                if not stripped:
                    break
                lead = len(row) - len(row.lstrip())
                body = stripped.strip(sep) if sep != "\t" else stripped
                cells = body.split(sep)
                if len(cells) != len(kinds):
                    break
                last = j  # (its rows are read once: no header is looked for among them)
                at = offsets[j] + lead + (len(stripped) - len(stripped.lstrip(sep)) if sep != "\t" else 0)
                for cell, kind in zip(cells, kinds, strict=True):
                    value = cell.strip()
                    start = at + cell.find(value) if value else at
                    at += len(cell) + len(sep)
                    if kind is None or not value or sum(ch.isdigit() for ch in value) < 5:
                        continue
                    if not _CELL_VALUE.fullmatch(value):
                        continue
                    end = start + len(value)
                    out = [c for c in out if not (c[0] < end and start < c[1] and c[2] in _TABLE_KINDS)]
                    out.append((start, end, kind, TABLE_P))
            break
        i = last + 1
    return out


_TABLE_KINDS = frozenset(
    ("PASSPORT", "APPLICATION_NUMBER", "CLIENT_ID", "SIN", "PHONE", "POSTAL_CODE", "CREDIT_CARD")
)
