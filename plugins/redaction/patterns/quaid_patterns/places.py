"""Canadian postal codes and street addresses, English and French."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .base import (
    ADDRESS_P,
    IGNORE_CASE,
    NOT_AFTER,
    NOT_BEFORE,
    POSTAL_AFTER_P,
    POSTAL_P,
    SP,
    keywords,
    quantity,
)
from .checksums import nanp_valid
from .gazetteer import HOME_TOWNS, PLACES
from .offices import (
    body_address,
    organisation_block,
    public_offices,
    representative_office,
    representative_words,
)
from .scan import Candidate, Scan
from .vocabulary import (
    MONTHS,
    NOT_NAME,
    NOT_NAME_CAPITALISED,
    NOT_STREET_NAME,
    STREET_DIRECTIONS,
    STREET_PARTICLES,
    STREET_TYPES_EN,
    STREET_TYPES_EN_CAPITALISED,
    STREET_TYPES_FR,
    UNIT_WORDS,
    wordset,
)
from .worldphones import CITY_NAMES

# ------------------------------------------------------------------------- postal code

# "K1A 0B1", "h2x1y4": no D, F, I, O, Q, U anywhere, no W or Z first (round 48 part C: the halves parted by a dot or a
# slash too, "H2X.3K8", "h2x/3k8").
_POSTAL_CODE = re.compile(
    rf"{NOT_BEFORE}[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z](?:{SP}|-|[./][ \t]?|[ \t]*\n[ \t]*)?[0-9][ABCEGHJ-NPRSTV-Z][0-9]{NOT_AFTER}",
    IGNORE_CASE,
)


# A code of the same shape that is a thing's ("product code K2B 8X1", "promo code", "code
# produit"), or a format example ("like A1A 1A1", "e.g. H0H 0H0"): the words just before it.
_THING_BEFORE_CODE = wordset("""
product promo promotional discount coupon gift serial model part item sku access activation
verification error referral voucher booking confirmation
""")
_CODE_WORDS = wordset("code number no")
_CODE_OF_A_THING = wordset("produit promo promotionnel erreur activation accès acces")
_EXAMPLE_WORDS = wordset(
    "format example exemple eg ex like comme genre serial model sku as modèle modele sample"
)
_CODE_AS = wordset("code postcode zip postal address")
_LAST_WORDS = re.compile(r"([^\W\d_]+)[^\w]*([^\W\d_]+)[\s:#.]*$")


def _thing_code(text: str, start: int) -> bool:
    """Whether the words just before `start` make the code a thing's or an example."""
    m = _LAST_WORDS.search(text, max(0, start - 30), start)
    if m is None:
        return False
    first, last = m.group(1).lower(), m.group(2).lower()
    if last == "as" and first in _CODE_AS:
        return (
            False  # round 34 part B: "I wrote my postal code as K2P 1L5 which is wrong": the client's, typed
        )
    return (
        last in _EXAMPLE_WORDS
        or (last in _CODE_WORDS and first in _THING_BEFORE_CODE)
        or (first == "code" and last in _CODE_OF_A_THING)
    )


def _example(code: str) -> bool:
    """ "A1A 1A1", "X0X 0X0", "H0H 0H0": one letter and one digit repeated, a format example."""
    letters = {c for c in code.upper() if c.isalpha()}
    digits = {c for c in code if c.isdigit()}
    if len(letters) == 1 and len(digits) == 1:
        return True
    # round 28: "A1B 2C3", letters and digits each in sequence, as a form shows the shape
    chars = [c for c in code.upper() if c.isalnum()]
    return all(ord(chars[i + 2]) == ord(chars[i]) + 1 for i in range(4))


# A form's field: "Code postal : 33000", "ZIP code: 10001", "postal code 1870".
# (round 35 part B: cut or misspelt, "cod postal 111311", "cód. postal", "code postale", "zipcode", "postal cod")
# (round 40 part B: Venezuela's "zona postal 2375"; the shapes of Portugal "4049-043", Brazil's CEP with its dot "01.498-970"
# or in one piece "55267032", Chile's seven digits "0248336")
# (round 41 part B: "postal" alone after a town's name, "Tehran postal 1591634311")
# (round 48 part C: the label in the clients' other languages: German "PLZ", "Postleitzahl", Italian "CAP", Polish "kod
# pocztowy", Russian and Ukrainian "почтовый индекс", "поштовий індекс", Nordic "postnummer", Finnish "postinumero",
# Turkish "posta kodu", Vietnamese "mã bưu chính", Hungarian "irányítószám", Czech "PSČ", Chinese, Japanese, Korean)
_POSTAL_LABEL = (
    r"(?<![\w-])(?:code\s+postale?|postal\s+code?|post\s*code|zip(?:\s*code)?|c[óo]digo\s+postal|c[óo]d\.?\s+postal|zona\s+postal|cep|pin\s*code"
    r"|plz|postleitzahl|(?-i:CAP)(?=[^0-9\n]{0,30}[0-9]{5}(?![0-9]))|kod\s+pocztowy|почтовый\s+индекс|поштовий\s+індекс|postnummer|postnr\.?|postinumero"
    r"|posta\s+kodu|m[ãa]\s+b[ưu]u\s+(?:ch[íi]nh|[đd]i[ệe]n)|ir[áa]ny[íi]t[óo]sz[áa]m|ps[čc]|邮编|邮政编码|郵便番号|우편번호"
    r"|(?<=[^\W\d_][ \t])(?<![Cc]ode[ \t])postal(?=[ \t]*:?[ \t]*[0-9]))"
)
_DUTCH_CODE = (
    r"[0-9]{4}[ \t]?(?!(?-i:GE|VD|VS|NE|FR|BE|JU|ZH|BS|BL|SO|LU|ZG|SZ|UR|OW|NW|GL|SH|AR|AI|SG|GR|AG|TG|TI)(?![\w'’-]))"
    r"(?-i:[A-Z]{2})(?![\w'’-])"
)
_LONG_CODE = r"[0-9]{2}\.[0-9]{3}-[0-9]{3}|[0-9]{4}-[0-9]{3}|[0-9]{7,8}"
_POSTAL_LABELLED = re.compile(  # (round 48 part C: blanks possessive, "PLZ" + 2,500 blanks took 0.5 s)
    rf"{_POSTAL_LABEL}[ \t]*+[:#=-]?[ \t]*+([0-9]{{5}}-[0-9]{{3,5}}|{_LONG_CODE}|[0-9]{{4}}[ \t][0-9]{{4}}"
    # (round 48 part C: the Netherlands' four digits and two capitals, "postcode 1012 AB", not a Swiss canton's letters;
    # Poland's "00-590"; Sweden's, Czechia's, Slovakia's three and two, "postnummer 114 55", "PSČ 110 00")
    rf"|{_DUTCH_CODE}|[0-9]{{2}}-[0-9]{{3}}|[0-9]{{3}}[ \t][0-9]{{2}}(?![ \t]?[0-9])"
    rf"|[0-9]{{4,6}}|[0-9]{{10}}"
    # the United Kingdom's: "postcode SW9 8LQ"
    # (round 41 part B: Lebanon's four and four, "postal code 1103 2090"; not the head of a longer number, Turkey's
    # "cep 0533 771 2084" is a mobile)
    r"|(?-i:[A-Z]{1,2}[0-9][A-Z0-9]?[ \t]?[0-9][A-Z]{2}))(?![\w/-]|[ \t.][0-9]{2,4}[ \t.-]?[0-9]{2})"
    # a few words between, where and whose: "mon code postal en France c'est 69007 (Lyon)"
    rf"|{_POSTAL_LABEL}(?:[ \t]++(?:in|en|au|aux|for|pour|of|de|du|d['’]|my|mon|ma|the|le|la|l['’]|there|là|is|est|es|é|c['’][ \t]?est|was|était"
    # round 34 part B: whose address: "ZIP code of my US address is 77036"
    r"|address|adresse|home|house|maison"
    # (round 48 part C: the clients' other languages' small words, "meine PLZ ist 80331", "il CAP di mia madre: 20121")
    r"|ist|lautet|von|meiner|meine|mein|unsere|di|del|della|mia|mio|è|mi|su|do|da|minha|meu|nuestro|nuestra"
    # (whose: "the zip code of my mother is ...", "il CAP di mia madre")
    r"|mother|father|mom|mum|dad|wife|husband|sister|brother|parents|m[èe]re|p[èe]re|femme|mari|s(?:oe|œ)ur|fr[èe]re"
    r"|madre|padre|mamma|pap[àa]|m[ãa]e|pai|mutter|vater|eltern"
    # (round 53 part C: the other kin, and where they live: "le code postal de ma fille à Lyon c'est 69003", "the zip code
    # of my son in Austin is 78701"; up to seven words)
    r"|son|daughter|kid|child|grandma|grandmother|grandpa|grandfather|aunt|uncle|cousin|fils|fille|enfant|tante|oncle"
    r"|grand-m[èe]re|grand-p[èe]re|hijo|hija|filho|filha|sohn|tochter|à|a|at|chez|bien|aussi|also|now|maintenant"
    r"|(?-i:[A-ZÀ-Þ][a-zà-ÿ]+|[A-Z]{2,3})"
    # round 34 part B: the country's adjective: "Code postal suisse 1205", "mexican zip code 44100"
    r"|(?-i:[a-zà-ÿ]{3,}(?:sse|ais|aise|ain|aine|ien|ienne|ois|oise|ese|ish|ian|can|ano|ana|ge)))){1,7}[ \t]*+[:=-]?[ \t]*+"
    rf"(?!(?:19|20)[0-9]{{2}}(?![0-9]))([0-9]{{5}}-[0-9]{{3}}|[0-9]{{10}}|{_LONG_CODE}|{_DUTCH_CODE}|[0-9]{{4,6}}|(?-i:[A-Z]{{1,2}}[0-9][A-Z0-9]?[ \t]?[0-9][A-Z]{{2}}))(?![\w/-])",
    IGNORE_CASE,
)
_PVT_PROGRAM = re.compile(r"(?<![\w'’-])PVT(?![\w'’-])")
# Round 50 part C: where the writer is for the day, said with the day ("I'm at 22 de Varennes Street in Gatineau this
# morning and there's 87 people in line", "je suis au 1010 rue X aujourd'hui pour la biométrie"): a place visited, no home
# ("we're now at 45 Elm St", a move, has no day's word).
_VISIT_BEFORE = re.compile(
    r"(?<![\w'’-])(?i:i['’]m|i[ \t]+am|we['’]re|we[ \t]+are|je[ \t]+suis|on[ \t]+est|nous[ \t]+sommes)[ \t]+(?i:at|au|à)[ \t]+\Z"
)
_VISIT_AFTER = re.compile(
    r"[^.!?\n]{0,40}?(?<![\w'’-])(?i:this[ \t]+morning|this[ \t]+afternoon|today|ce[ \t]+matin|cet[ \t]+apr[èe]s-midi"
    r"|aujourd['’][ \t]?hui)(?![\w'’-])"
)
_HOME_WORDS = re.compile(
    r"(?i:moved|move|moving|live|lives|living|d[ée]m[ée]nag|habite|home|maison|domicile|new[ \t]+address|nouvelle[ \t]+adresse"
    r"|chez[ \t]+moi|my[ \t]+address|mon[ \t]+adresse|apartment|appartement|apt|app\.|courier|deliver|livr|mail|send|sent"
    r"|envoy|reach[ \t]+me|joindre)"
)
_THEIR_WORDS = re.compile(r"(?i:their|leur|its)[ \t]")
# Round 50 part C: in a message about a British code (its word "postcode", or "UK", "London", "England"...), a code of
# its shape anywhere, in capitals with its blank: the label may name a first code and the writer's come later ("uk
# postcode SW1A 2AA? no that's downing st. mine EC1V 9HX").
_UK_WORDS = re.compile(r"(?i:postcode|(?<![\w'’-])(?-i:UK|U\.K\.|GB)(?![\w'’-])|london|londres|england|angleterre|britain|britannique|british|scotland|[ée]cosse|wales)")
_UK_CODE = re.compile(r"(?<![\w'’/-])(?-i:[A-Z]{1,2}[0-9][A-Z0-9]?[ \t][0-9][A-Z]{2})(?![\w'’/-])")
# Round 45 part B: a Canadian code typed a character at a time after its label: "cp h 3 w 1 r 4", "postal code: K 1 A 0 B 1".
_POSTAL_SPACED = re.compile(
    rf"(?:{_POSTAL_LABEL}|(?<![\w'’-])(?i:cp|c\.p\.))[ \t]*+[:#=-]?[ \t]*+"
    r"((?i:[A-Z])[ \t][0-9][ \t](?i:[A-Z])[ \t]{1,3}[0-9][ \t](?i:[A-Z])[ \t][0-9])(?![\w'’-])",
    re.IGNORECASE,
)
_POSTAL_KEYS = wordset("postal postale post postcode zip zipcode código codigo cep pin pincode c p cp") | wordset(
    "plz postleitzahl cap pocztowy почтовый поштовий postnummer postnr postinumero kodu bưu buu irányítószám iranyitoszam"
    " psč psc 邮编 邮政编码 郵便番号 우편번호"
)  # (round 48 part C)
# Ghana's digital address (GhanaPostGPS), a district's letters and two numbers, after its label:
# "Digital address GA-492-7731", "my GPS address is AK-039-5028".
_DIGITAL_ADDRESS = re.compile(
    r"(?<![\w-])(?i:digital|gps|ghana\s*post(?:\s*gps)?)(?:[ \t]+(?i:address))?[ \t]*(?:(?i:is|:)[ \t]*)?:?[ \t]*"
    r"([A-Z]{2}-?[0-9]{3,4}-?[0-9]{3,4})(?![\w-])"
)
# Round 40 part B: ... or with no label, in a message that names Ghana or one of its cities ("P.O. Box 94496, Accra
# GA-981-5267"): the shape is GhanaPostGPS's own.
_GHANA_CODE = re.compile(r"(?<![\w-])([A-Z]{2}-[0-9]{3,4}-[0-9]{4})(?![\w-])")
_GHANA_KEYS = wordset("ghana accra kumasi tema takoradi tamale sekondi koforidua ho sunyani madina kasoa")
# India's "PIN: 560038", six digits.
_PIN_LABELLED = re.compile(
    r"(?<![\w-])(?i:pin)[ \t]*[:#-]?[ \t]*([1-8][0-9]{5}|[1-8][0-9]{2}[ \t][0-9]{3})(?![\w/-])"
)
# Mexico's "C.P. 44100" (código postal) after the city: five digits, where a Canadian box
# ("C.P. 1245", case postale) has one to four.
# (round 38 part B: "CP" after the city's name too, "CDMX CP 01900", "Oaxaca CP 68000": a capital first, see
# _WORD_BEFORE_CP)
_WORD_BEFORE_CP = re.compile(r"([^\W\d_]+)[ \t]+$")
_CODIGO_POSTAL = re.compile(
    # (round 41 part B: Colombia's six digits, "Bogotá CP 110221")
    r"(?<![\w.])(?:[Cc]\.[ \t]?[Pp]\.(?=[ \t]*[0-9]{5}(?![0-9]))|(?:(?<=[,\n][ \t])|(?<=[^\W\d_][ \t]))CP(?=[ \t]*[0-9]{5,6}(?![0-9])))[ \t]*([0-9]{5,6})(?![\w/-])"
)


# Postal codes abroad, written next to the city as on an envelope: "Seoul 06591", "Tokyo
# 150-0001", "Moscow 117420", "Dhaka 1209", "400083 Cluj-Napoca", "90-006 Łódź", "34728
# İstanbul": the capitals and large cities of the clients' countries (those of the phone
# rule, and a few more), four to six digits or the Japanese and Polish shapes; never a year.
_POSTAL_CITIES = sorted(
    CITY_NAMES
    | wordset("""
tokyo osaka yokohama pokhara lalitpur giza alexandria alexandrie bucharest bucarest bucurești
bucuresti cluj-napoca timișoara timisoara iași iasi warsaw varsovie warszawa łódź lodz kraków
krakow wrocław poznań gdańsk stanbul izmir bursa habana chittagong sylhet busan incheon
daegu almaty tashkent baku tbilisi yerevan minsk kharkiv lviv odesa odessa novosibirsk
kazan ekaterinburg yekaterinburg petersburg aleppo alep homs mosul basra erbil herat
nagoya kyoto kobe sapporo fukuoka sendai hiroshima kawasaki saitama chiba kitakyushu naha
kandahar peshawar faisalabad rawalpindi quetta multan kandy galle jaffna addis-abeba
beyrouth téhéran teheran medellín medellin bogotá bogota cali barranquilla cartagena
ahmedabad vadodara baroda surat rajkot anand pune nagpur nashik thane jaipur lucknow kanpur chandigarh ludhiana amritsar
jalandhar patiala mohali indore bhopal coimbatore kochi cochin thiruvananthapuram trivandrum visakhapatnam vijayawada
mysore mysuru mangalore mangaluru madurai noida gurgaon gurugram ghaziabad patna bhubaneswar guwahati dehradun
liège liege namur charleroi gent ghent gand antwerpen anvers brugge bruges leuven louvain mons
"""),
    key=len,
    reverse=True,
)
_CITY_KEYS = frozenset(
    max(re.findall(r"[^\W\d_]+", city), key=len) for city in _POSTAL_CITIES
)  # the longest word
_CITY = r"(?:[İI]\s?)?(?i:" + "|".join(re.escape(c) for c in _POSTAL_CITIES) + r")"
# (round 41 part B: Lebanon's four and four, "Beyrouth 1103 2090")
_ABROAD_CODE = r"[0-9]{3}-[0-9]{4}|[0-9]{2}-[0-9]{3}|[0-9]{4}[ \t][0-9]{4}(?![ \t]?[0-9])|[0-9]{4,6}"
_POSTAL_BY_CITY = re.compile(
    # then the end, a stop or a capital (the country): "Lima 1500 soles" is a price
    # (round 42 part B: or a comma and six digits, India's PIN, "still in Vadodara, 390007, +91 ...")
    rf"(?<![\w-]){_CITY}(?:[ \t]+|[ \t]*,[ \t]*(?=[1-9][0-9]{{5}}(?![0-9])))({_ABROAD_CODE})(?![\w/-]|[.,:][0-9])(?=[ \t]*(?:$|[.,;)\n]|[A-ZÀ-Þİ]))"
    rf"|(?<![\w/.,:+-])({_ABROAD_CODE})[ \t]+{_CITY}(?![\w-])"
)
# Round 49 part C: a home's verb before the town, in its clause (see _town_codes).
_HOME_VERB_BEFORE = re.compile(
    r"(?<![\w'’-])(?:vis|vit|vivons|vivent|habite|habitons|habitent|r[ée]side|r[ée]sidons|demeure|demeurons|live|lives|living"
    r"|reside|resides|residing|based|install[ée]e?s?)(?![\w'’-])[^.!?\n,;]{0,25}\Z",
    IGNORE_CASE,
)
_YEAR = re.compile(r"(?:19|20)[0-9]{2}")
_LODGING_BEFORE = re.compile(
    r"(?<![\w'’-])(?-i:[A-Z][\w'’&-]*[ \t]+)+(?:Inn|Hotel|H[ôo]tel|Motel|Suites|Hostel|Auberge)(?:[ \t]+(?-i:[A-Z])[\w'’-]*)*[ \t]*[,(:-]?[ \t]*$"
)
_YEAR_CLAUSE = re.compile(r"(?:19|20)[0-9]{2}[ \t]*,")
_YEAR_IN_BEFORE = re.compile(
    r"(?<![\w'’-])(?:in|en|since|depuis|year|ann[ée]e|born|n[ée]e?)[ \t]+$", IGNORE_CASE
)
_BOX_BEFORE = re.compile(
    r"(?<![\w])(?:b\.?\s?p|box|c\.?\s?p|postale|p\.?\s?o)\.?[ \t]*$", IGNORE_CASE
)  # "BP 4817 Yaoundé"


_HOME_VERB_KEYS = wordset("""
vis vit vivons vivent habite habitons habitent réside reside résidons residons demeure demeurons live lives living
resides residing based installé installée installés installées installe
""")
_MONEY_OR_MEASURE = wordset("""
soles sol francs franc chf fr euros euro eur dollars dollar usd cad pesos naira rupees rs inr php mxn brl reais dirhams dh
mad fcfa cfa xof xaf lira tl hryvnia zloty zł złotych yen yuan rmb won taka pkr km miles metres mètres meters m2 sq sqft
minutes min steps pas habitants inhabitants people
""")


# Round 49 part C: a town's code written right after it in a sentence: in brackets, as France, Switzerland and Belgium
# write it ("je vis à Lausanne (1003)", "based in Lyon (69003)", "Liège (4000), Belgique"), or bare before a word in lower
# case after a home's verb ("I live in Lyon 69003 with my wife", "je vis à Lausanne 1003 depuis 2 ans"). The town is one
# of the lists, or (in brackets) said to be where someone lives; never a year ("Taras (2013)"), a price, a count, nor a
# civic number before its street ("I live in Toronto 1234 main street").
_TOWN_THEN_CODE = re.compile(
    r"(?<![\w'’-])([A-ZÀ-Þ][\w'’]*+(?:[ \t-][A-ZÀ-Þ][\w'’]*+){0,2}+)[ \t]*+"
    r"(?:\([ \t]*+((?:[A-Z]{1,2}-)?[0-9]{4,5})[ \t]*+\)|([0-9]{4,6})(?=[ \t]+[a-zà-ÿ]))(?![\w-])"
)


def _town_codes(scan: Scan) -> Iterator[Candidate]:
    text = scan.text
    home = not _HOME_VERB_KEYS.isdisjoint(scan.words)
    if "(" not in text and not home:
        return
    for m in _TOWN_THEN_CODE.finditer(text):
        group = 2 if m.group(2) else 3
        start, end = m.span(group)
        if (
            _YEAR.fullmatch(text, start, end)
            or quantity(text, start, end)
            or _BOX_BEFORE.search(text, max(0, m.start() - 12), m.start())
        ):
            continue
        town = m.group(1).lower()
        listed = town in _LOWER_TOWNS or town.split()[-1] in _LOWER_TOWNS
        lives = home and _HOME_VERB_BEFORE.search(text, max(0, m.start() - 40), m.start()) is not None
        if (group == 2 and (listed or lives)) or (
            group == 3
            and listed
            and lives
            and not _STREET_AFTER_CODE.match(text, end)
            and text[end:].split(None, 1)[0].lower() not in _MONEY_OR_MEASURE
        ):
            yield start, end, "POSTAL_CODE", POSTAL_AFTER_P


def _postal_by_city(text: str) -> Iterator[Candidate]:
    for m in _POSTAL_BY_CITY.finditer(text):
        group = 1 if m.group(1) else 2
        start, end = m.start(group), m.end(group)
        if _YEAR.fullmatch(m.group(group)) or quantity(text, start, end):
            continue
        if not _BOX_BEFORE.search(text, max(0, start - 12), start):
            yield start, end, "POSTAL_CODE", POSTAL_P


# Round 37 part B: the code that closes an address abroad, typed tersely after its district, city or
# province, whatever the city ("road no 12, banjara hills, hyderabad 500034", "blk 4 lot 2 ilang-ilang
# st, brgy malinta, valenzuela 1440", "rua das flores 220 ap 3 curitiba 80010-010", "calle 5 de mayo 18
# pte puebla 72000 is where i live"): four to six digits or Brazil's CEP (five, a dash, three), after
# one to four words that follow a street's type and a number, in the same sentence.
_ADDRESS_CODE = re.compile(
    r"(?<![\w/.,:+$€£#-])([0-9]{5}-[0-9]{3}|[0-9]{4,6})(?![\w/-]|[.,:][0-9]|[ \t]*(?:%|\$|€|£)|[ \t]+[0-9])"
)
_STREET_TYPE_ABROAD = re.compile(
    rf"(?<![\w'’])(?:(?i:{STREET_TYPES_EN}|{STREET_TYPES_FR}|way|brgy|barangay|colonia|col|bairro|mahallesi|mah|sokak|sk|caddesi|cad"
    r"|vulytsia|vul|nagar|marg|lot|blk)|(?:Lu|Jie|Dajie|Dadao|Hutong))\.?(?![\w'’])"  # (round 47 part C: China's, capitalised)
)
_NOT_PLACE_WORDS = wordset("""
and et or ou the le la les a an un une for pour of de du des is are was were est sont paid pay payé paye fee fees frais
cost costs coûte cout around about environ over under since depuis from to until jusqu in en at à on sur by par with avec
apt apartment appartement unit suite room chambre floor étage etage year years ans an days jours months mois weeks
dollars dollar usd cad eur euros pesos naira rupees rs inr php mxn brl reais dirhams hryvnia lira km kg
""")
_STREET_WITH_NUMBER = re.compile(
    rf"(?<![\w'’-])[0-9]{{1,5}}[A-Za-z]?[ \t]+(?:[^\W\d_][\w'’.-]*[ \t]+){{0,3}}(?:{_STREET_TYPE_ABROAD.pattern})"
    rf"|(?:{_STREET_TYPE_ABROAD.pattern})(?:[ \t]+[^\W\d_][\w'’.-]*){{0,4}}[ \t]+(?i:no\.?[ \t]*|n[°º][ \t]*)?[0-9]{{1,5}}[A-Za-z]?(?![\w'’-])"
)
_UNIT_BEFORE_CODE = wordset("""
apt apto app appt ap apartment appartement dpto depto unit unité unite suite bureau room chambre flat floor piso andar int
lot blk block plot house no nº n° lane street st road rd avenue ave av rue rua calle way box bp cp sector
""")
_STREET_TAILS = wordset("pte ote nte sur norte poniente oriente east west north south est ouest nord")
# Each step atomic and each word possessive: a word cannot be split into several "words" when the match
# fails, which made the fullmatch exponential in a word's length (22 letters before a "/": 3.5 s).
_PLACE_GAP = re.compile(
    r"(?>[ \t]*+,?[ \t]*+(?:(?i:apt|apto|app|appt|ap|apartment|appartement|dpto|depto|unit|unité|suite|flat|int|casa|bloco|bl|room|house)"
    r"\.?[ \t]*[0-9]{1,5}[A-Za-z]?(?![\w'’.-])|[^\W\d_][\w'’.-]*+))+[ \t]*+,?[ \t]*+"
)
_TOWN_HEAD_WORDS = wordset("new san santa santo sao são saint st el al la le los las port")
_SENTENCE_BREAK = re.compile(r"[!?\n;]|\.[ \t]+[A-Z]")


def _codes_after_addresses(scan: Scan) -> Iterator[Candidate]:
    text = scan.text
    for m in _ADDRESS_CODE.finditer(text):
        start, end = m.span(1)
        if _YEAR.fullmatch(m.group(1)) or quantity(text, start, end):
            continue
        lo = max(0, start - 110)
        lo += max((b.end() for b in _SENTENCE_BREAK.finditer(text, lo, start)), default=lo) - lo
        # a street with its number ("45 gen. maxilom ave", "rua augusta 1508", "road no 12"), then only the place's
        # words and a unit's number ("apt 5", "ap 42") up to the code
        if not any(
            _code_closes(text, street.end(), start)
            for street in _STREET_WITH_NUMBER.finditer(text, lo, start)
        ):
            continue
        if (
            _BOX_BEFORE.search(text, max(0, start - 12), start)
            or (end - start == 4 and NO_CODE_TOWN_NEXT.match(text, end))  # round 48 part C
            or _office_code(text, start)
            or _public_address_code(scan, start)
            or _federal_code(text, start)
            # round 52 part C: a street's words after it, the next address's civic number ("app 6, nouvelle 3321 boul.
            # Rosemont")
            or _STREET_AFTER_CODE.match(text, end)
        ):
            continue
        yield start, end, "POSTAL_CODE", POSTAL_AFTER_P


def _code_closes(text: str, after: int, start: int) -> bool:
    """Whether only place words (a unit and its number among them) stand between a street's end and the code."""
    gap = _PLACE_GAP.fullmatch(text, after, start)
    if gap is None:
        return False
    words = [w.lower() for w in re.findall(r"[^\W\d_][\w'’-]*", gap.group())]
    places = [w for w in words if w not in _UNIT_BEFORE_CODE and w not in _STREET_TAILS]
    return (
        0 < len(places) <= 6
        and words[-1] not in _UNIT_BEFORE_CODE  # "apto 1203, Rio ...": a unit's number, not the code
        and not any(w in _NOT_PLACE_WORDS or (w in NOT_NAME and w not in _TOWN_HEAD_WORDS) for w in places)
    )


# The code of a case processing centre's mailing address: "CPC Sydney, PO Box 7500, Sydney NS B1P 0A5".
_AGENCY_BOX_BEFORE = re.compile(
    r"\b(?:cpc|case\s+processing\s+cent(?:re|er))\b[^.!?\n]{0,40}?(?:p\.?\s?o\.?\s*box|case\s+postale|c\.p\.)\s*#?\s*[0-9]{1,6}[^.!?\n0-9]{0,30}$",
    IGNORE_CASE,
)


# Between a public office's street and its code: the street's type and direction, the city and
# province ("365 Laurier Ave W Ottawa K1A 1L1", "25 St Clair Ave E, Toronto, ON M4T 1M2").
# (round 50 part C: the city's line under the box or the street, as a letter's "To:" block writes it: "Case Processing
# Centre\nPO Box 7500\nSydney NS B1P 6C7")
_OFFICE_TO_CODE = re.compile(r"(?:[ \t]*+,?[ \t]*+\n?[ \t]*+[^\W\d_][\w.'’-]*){0,5}[ \t]*+,?[ \t]*+")


_EMPLOYER_NEAR = re.compile(
    r"\b(?:employer|employeur|company|entreprise|compagnie|work|job|travail|boulot|lmia|eimt|farm|ferme|patron|boss)\b",
    IGNORE_CASE,
)


# Round 47 part C: or asked about right after it, the public address's own code: "IRCC Montreal office is at Complexe
# Guy-Favreau, 200 René-Lévesque Blvd W, right? postal code H2Z 1X4?", "..., c'est ça? et le code postal c'est H2Z 1X4?"
_CODE_ASKED_AFTER = re.compile(
    r"[ \t]*+,?[ \t]*+(?:(?:right|correct|yes|yeah|ok|non|oui|c['’][ \t]?est[ \t]+(?:ça|ca|bien[ \t]+ça))[ \t]*+)?[?!.]{1,3}[ \t]*+"
    r"(?:(?:and|et)[ \t]+)?(?:(?:the|its|their|le|son|leur)[ \t]+)?(?:postal[ \t]+code|code[ \t]+postal|zip(?:[ \t]+code)?)"
    r"[ \t]*+(?:is|est|c['’][ \t]?est)?[ \t]*+:?[ \t]*+",
    IGNORE_CASE,
)


def _public_address_code(scan: Scan, start: int) -> bool:
    """Round 33 part B: whether the code at ``start`` closes an address that :func:`addresses` left
    as a public place's ("my appointment at the VAC, 6th floor, 100 King St W, M5X 1C9")."""
    left = scan.memo.get("public_addresses")
    return bool(left) and any(
        end <= start
        and (_OFFICE_TO_CODE.fullmatch(scan.text, end, start) or _CODE_ASKED_AFTER.fullmatch(scan.text, end, start))
        for _, end in left
    )


# Round 48 part C: or an office said to be at a civic number whose street no rule reads as one ("is the passport office
# at 757 W Hastings still open? postal code V6C 1A1 right?", "le bureau au 1550 d'Estimauville, code postal G1J 0C4?"):
# its code, in the office's sentence or asked about in the next, when nothing makes the code or an address the client's.
_OFFICE_AT_NUMBER = re.compile(
    r"\b(?:offices?|bureaux?|embassy|consulate|ambassade|consulat|vac|cvd|service[ \t]+canada|cent(?:re|er)|clinic"
    r"|clinique)\b[^.!?\n]{0,25}?\b(?:at|au|à|on|sur)[ \t]+[0-9]{1,5}[ \t]+[^\W\d_]",
    IGNORE_CASE,
)


def _office_at_code(text: str, start: int) -> bool:
    lo = max(0, start - 120)
    office = max(_OFFICE_AT_NUMBER.finditer(text, lo, start), key=lambda m: m.start(), default=None)
    return (
        office is not None
        # asked about ("... V6C 1A1 right?"), or in the office's own sentence
        and ("?" in text[start : start + 30] or not any(c in ".!?\n" for c in text[office.end() : start]))
        and _OWN_CODE_BEFORE.search(text, office.start(), min(len(text), start + 40)) is None
        and _OWN_ADDRESS.search(text, lo, start) is None
        # round 49 part C: not a representative's own office, the file's mailing address (see offices)
        and not (representative_words(text) and representative_office(text, start, Scan(text, {}).words))
    )


def _office_code(text: str, start: int) -> bool:
    """Whether the postal code at ``start`` closes the address of one of the agency's public offices."""
    return any(
        end <= start and _OFFICE_TO_CODE.fullmatch(text, end, start)
        for _, end in public_offices(text[:start])
    )


# Round 33 part B: an office named by its street, then the code: "le bureau de la rue St-Antoine, H2Z 1X4,
# accepte ...", "the office on Main Street, K2P 1L4".
_OFFICE_STREET_BEFORE = re.compile(
    r"\b(?:offices?|bureaux?|embassy|consulate|ambassade|consulat|clinic|clinique|cent(?:re|er))\b[^.!?\n]{0,12}?"
    r"\b(?:de[ \t]+la|du|on|sur(?:[ \t]+la)?|at|au|in|dans[ \t]+la)[ \t]+"
    r"(?:rue|street|st|avenue|av|ave|boulevard|boul|bd|road|rd|chemin|place)\b\.?[^.!?\n,()0-9]{1,30},?[ \t]*$",
    IGNORE_CASE,
)
_OFFICE_STREET_KEYS = wordset(
    "office offices bureau bureaux embassy consulate ambassade consulat clinic clinique centre center vac cvd service"
)


_CPA = re.compile(r"(?<![\w-])[A-HJ-NP-Z][0-9]{4}[A-Z]{3}(?![\w-])")
_ARGENTINA_KEYS = wordset(
    "argentina argentine argentinian argentino argentina buenos aires caba córdoba cordoba rosario mendoza cpa"
)


# Round 34 part B: "K1A" codes are the federal government's own (Ottawa-Gatineau departments and programs):
# "I mailed it to the Passport Program, Gatineau QC K1A 0G3". Masked still where the sentence makes it the
# client's ("my postal code is K1A 0B1", "my address is 100 Wellington St, Ottawa, ON K1A 0A9").
_OWN_CODE_BEFORE = re.compile(
    r"\b(?:my|mon|our|notre|his|her|son|sa|their|leur)[ \t]+(?:\w+[ \t]+)?(?:postal|code|postcode|zip|address|adresse|home|maison)\b"
    r"|\b(?:i|we|he|she|they|je|j['’]|il|elle|nous)[ \t]*(?:now[ \t]+)?(?:live|lives|living|reside|resides|stay|moved|habite|r[ée]side|demeure|reste)\b"
    # a form's label: "postal: K1A0B1"
    r"|\b(?:postal(?:[ \t]+code)?|code[ \t]+postal|postcode|zip(?:[ \t]+code)?)[ \t]*[:#=]",
    IGNORE_CASE,
)


_FEDERAL_BODY = re.compile(
    r"\b(?:program|programme|office|bureau|centre|center|cpc|ircc|cic|department|ministry|minist[èe]re|government"
    r"|gouvernement|passport[ \t]+canada|service[ \t]+canada|agency|agence|directorate|direction|division|unit|section)\b",
    IGNORE_CASE,
)


def _federal_code(text: str, start: int) -> bool:
    if text[start : start + 3].upper() != "K1A":
        return False
    sentence = max(max(text.rfind(c, 0, start) for c in "!?\n") + 1, start - 120)
    if _FEDERAL_BODY.search(text, sentence, start) is None:
        return False  # a body named before it in its sentence: "the Passport Program, Gatineau QC K1A 0G3"
    after = min(len(text), start + 60)
    return (
        _OWN_CODE_BEFORE.search(text, sentence, after) is None
        and _OWN_ADDRESS.search(text, sentence, start) is None
    )


# Round 38 part B: Brazil's CEP (five digits, a dash, three) after its state's two letters, wherever the street is
# ("Moinhos de Vento, Porto Alegre RS 90570-080"): a code, never a phone's eight digits.
_CEP_AFTER_STATE = re.compile(
    r"(?<![\w-])(?:AC|AL|AP|AM|BA|CE|DF|ES|GO|MA|MT|MS|MG|PA|PB|PR|PE|PI|RJ|RN|RS|RO|RR|SC|SP|SE|TO)"
    r"[ \t]*[,-]?[ \t]*([0-9]{5}-[0-9]{3})(?![\w/-])"
)


# Round 40 part B: codes abroad with no label, by their shape and place.
# - after "CP" / "C.P.", a shape no Canadian box number has: Portugal's four digits, a dash and three ("CP 8538-502"),
#   Chile's seven ("CP 7364067");
_CP_LONG = re.compile(
    r"(?<![\w.])(?:[Cc]\.[ \t]?[Pp]\.|CP|cp)[ \t]*[:#]?[ \t]*([0-9]{4}-[0-9]{3}|[0-9]{7})(?![\w/-]|[.,][0-9])"
)
# - "my CP is ..." (código postal, said as one's own: a box is no one's "CP"), any code's shape;
_CP_SAID = re.compile(
    r"(?<![\w'’])(?i:my|mon|ma|our|notre|mi)[ \t]+(?:CP|C\.P\.|cp)[ \t]+(?i:is|est|c['’][ \t]?est|es|é|:)[ \t]*:?[ \t]*"
    r"([0-9]{4}-[0-9]{3}|[0-9]{5}-[0-9]{3}|[0-9]{4,8})(?![\w/-]|[.,][0-9])"
)
# - Portugal's code before its town, as on an envelope ("8106-507 Porto", "1100-148 Lisboa"): four digits, a dash and
#   three, at a line's start or after a comma, then a capitalised word that is not a street's ("1204-350 Webb Dr" is a
#   unit and its civic number; a phone's groups are three and four, or four and four);
_CODE_BEFORE_TOWN = re.compile(
    r"(?<![\w/.,:+$€£#-])([1-9][0-9]{3}-[0-9]{3})(?![\w/-]|[.,:][0-9])(?=[ \t]+(?-i:[A-ZÀ-Þ])[a-zà-ÿ]{2,})"
)
# - four to six digits (Lebanon's four and four) between a town's capitalised name and a country's ("Jakarta, 16743,
#   Indonesia", "TP.HCM 728521, Vietnam", "Beirut, 7864 1455, Lebanon"), the way an address abroad ends; a state's or
#   city's name may stand between the code and the country.
_COUNTRY_NAMES = (
    r"indonesia|indonésie|malaysia|malaisie|vietnam|viet[ \t]nam|philippines|thailand|thaïlande|cambodia|cambodge|lebanon|liban"
    r"|syria|syrie|jordan|jordanie|iraq|irak|iran|turkey|turquie|türkiye|egypt|égypte|morocco|maroc|algeria|algérie|tunisia"
    r"|tunisie|senegal|sénégal|nigeria|ghana|kenya|ethiopia|éthiopie|cameroon|cameroun|india|inde|pakistan|bangladesh|nepal"
    r"|népal|sri[ \t]lanka|china|chine|taiwan|korea|corée|japan|japon|mexico|mexique|méxico|colombia|colombie|venezuela"
    r"|peru|pérou|perú|chile|chili|argentina|argentine|brazil|brésil|brasil|cuba|portugal|spain|espagne|españa|france|italy"
    r"|italie|italia|germany|allemagne|poland|pologne|romania|roumanie|ukraine|russia|russie|albania|albanie|croatia|croatie"
    r"|serbia|serbie|bosnia|bosnie|greece|grèce|israel|israël|saudi[ \t]arabia|arabie[ \t]saoudite|kazakhstan|uzbekistan"
    r"|ouzbékistan|armenia|arménie|georgia|géorgie|azerbaijan|azerbaïdjan|haiti|haïti|guatemala|honduras|ecuador|équateur"
    r"|bolivia|bolivie|paraguay|uruguay|dominican[ \t]republic|république[ \t]dominicaine|afghanistan|sudan|soudan|somalia"
    r"|somalie|eritrea|érythrée|uganda|ouganda|rwanda|burundi|congo|mali|niger|guinea|guinée|benin|bénin|togo|burkina[ \t]faso"
)
_CODE_BEFORE_COUNTRY = re.compile(
    rf"(?<![\w/.,:+$€£#-])([0-9]{{4,6}}|[0-9]{{4}}[ \t][0-9]{{4}})(?![\w/-]|[.:][0-9])[ \t]*+,?[ \t]*+"
    # (or the state's or city's name between: "El Paraíso, 5993, Mérida, Venezuela")
    r"(?:(?-i:[A-ZÀ-Þ])[\w'’-]*(?:[ \t]+(?-i:[A-ZÀ-Þ])[\w'’-]*)?[ \t]*,[ \t]*)?"
    rf"(?i:{_COUNTRY_NAMES})(?![\w'’-])"
)
_STREET_AFTER_CODE = re.compile(  # "1204-350 Webb Dr": a unit and its civic number
    rf"[ \t]+(?:[\w.'’-]+[ \t]+){{0,3}}?(?i:{STREET_TYPES_EN}|{STREET_TYPES_FR}|way)\.?(?![\w'’-])"
)
_LINE_OR_COMMA_BEFORE = re.compile(r"(?:^|[\n,])[ \t]*$")
_TOWN_BEFORE_CODE = re.compile(r"(?-i:[A-ZÀ-Þ])[\w.'’-]*[ \t]*+,?[ \t]*+$")
_ABROAD_KEYS = re.compile(r"-[0-9]{3}(?![0-9])|[Cc]\.?[ \t]?[Pp]")


def _codes_abroad(text: str) -> Iterator[Candidate]:
    """Codes abroad by their shape and place (see :data:`_CP_LONG`, :data:`_CODE_BEFORE_TOWN`,
    :data:`_CODE_BEFORE_COUNTRY`)."""
    if _ABROAD_KEYS.search(text):
        for m in _CP_LONG.finditer(text):
            yield m.start(1), m.end(1), "POSTAL_CODE", POSTAL_AFTER_P
        for m in _CP_SAID.finditer(text):
            yield m.start(1), m.end(1), "POSTAL_CODE", POSTAL_AFTER_P
        for m in _CODE_BEFORE_TOWN.finditer(text):
            if _LINE_OR_COMMA_BEFORE.search(
                text, max(0, m.start() - 5), m.start()
            ) and not _STREET_AFTER_CODE.match(text, m.end()):
                yield m.start(1), m.end(1), "POSTAL_CODE", POSTAL_AFTER_P
    for m in _CODE_BEFORE_COUNTRY.finditer(text):
        start, end = m.span(1)
        if _YEAR.fullmatch(m.group(1)) or not _TOWN_BEFORE_CODE.search(text, max(0, start - 40), start):
            continue
        if _BOX_BEFORE.search(text, max(0, start - 12), start):
            continue
        yield start, end, "POSTAL_CODE", POSTAL_AFTER_P


# Round 44 part B: codes only their country's context tells apart.
# - Ireland's Eircode, the routing key and four characters, after its label, a county or Dublin's district: "eircode D08
#   XY62", "Dingle, Co. Kerry V92 XK47", "Dublin 8, D08 XY62";
_EIRCODE = re.compile(
    r"(?:(?i:eircode)[ \t]*:?[ \t]*|(?:Co\.?|County)[ \t]+[A-Z][a-z]+[ \t]*+,?[ \t]*+|Dublin[ \t]+[0-9]{1,2}[ \t]*+,?[ \t]*+)"
    r"((?:[AC-FHKNPRTV-Y][0-9]{2}|D6W)[ \t]?[0-9AC-FHKNPRTV-Y]{4})(?![\w-])"
)
_EIRCODE_KEYS = wordset("eircode co county dublin")
# - round 45 part B: an Eircode in a message about Ireland (its towns, "Ireland", "irlandais", "+353"), after a comma or
#   a capitalised word: "23 Ballinlough Rd, Cork T12 XW80", "9 O'Connell Ave, V94 KX27"; a letter among its last four;
_EIRCODE_IRISH = re.compile(
    r"(?:,|(?-i:[A-Z])[a-z]+)[ \t]++((?:[AC-FHKNPRTV-Y][0-9]{2}|D6W)[ \t]?(?=[0-9]{0,3}[AC-FHKNPRTV-Y])(?=[0-9AC-FHKNPRTV-Y]{0,3}[0-9])[0-9AC-FHKNPRTV-Y]{4})"
    r"(?![\w-])"
)
# (round 51 part C: in lower case as a thumb types the whole message, "dublin d08 x2y3")
_EIRCODE_IRISH_LOWER = re.compile(
    r"(?:,|(?<![\w'’-])[a-z]+)[ \t]++((?:[ac-fhknprtv-y][0-9]{2}|d6w)[ \t]?(?=[0-9]{0,3}[ac-fhknprtv-y])(?=[0-9ac-fhknprtv-y]{0,3}[0-9])"
    r"[0-9ac-fhknprtv-y]{4})(?![\w-])"
)
_IRISH_KEYS = wordset("""
eircode ireland irish irlande irlandais irlandaise irlandaises éire eire dublin cork galway limerick waterford kilkenny sligo
athlone drogheda dundalk wexford tralee ennis navan letterkenny
""")
# - Singapore's, "S" and its six digits in brackets: "... #08-1234 S(560456)";
_SINGAPORE_CODE = re.compile(r"(?<![\w'’-])S[ \t]?\(([0-9]{6})\)")
# - Japan's, after its mark: "〒150-0012";
_JAPAN_MARK = re.compile(r"〒[ \t]*([0-9]{3}-?[0-9]{4})(?![\w-])")
# - Israel's seven digits after its town (no phone: a phone has 9-10 digits there): "Tel Aviv 6433222";
_ISRAEL_CODE = re.compile(
    r"(?<![\w'’-])(?:Tel[ -]Aviv(?:[ -]Yafo)?|Jerusalem|Haifa|Ramat[ -]Gan|Petah[ -]Tikva|Netanya|Rishon[ -]LeZion|Be'?er[ -]Sheva"
    r"|Beersheba|Herzliya|Holon|Ashdod|Rehovot|Bnei[ -]Brak|Kfar[ -]Saba|Ra'?anana|Eilat|Nazareth|Bat[ -]Yam|Modi'?in|Givatayim)"
    r"[ \t]*+,?[ \t]*+([0-9]{7})(?![\w-])"
)
_ISRAEL_KEYS = wordset("""
tel aviv jerusalem haifa ramat petah netanya rishon beer be er sheva beersheba herzliya holon ashdod rehovot bnei kfar
raanana ra anana eilat nazareth bat modiin modi in givatayim
""")
# - Madagascar's three digits before its town: "101 Antananarivo".
_MADAGASCAR_CODE = re.compile(
    r"(?<![\w'’-])([1-6][0-9]{2})[ \t]+(?:Antananarivo|Tananarive|Antsirabe|Toamasina|Tamatave|Fianarantsoa|Mahajanga|Majunga"
    r"|Toliara|Tul[ée]ar|Antsiranana|Diego-Suarez)(?![\w'’-])"
)
_MADAGASCAR_KEYS = wordset("antananarivo tananarive antsirabe toamasina tamatave fianarantsoa mahajanga majunga toliara tuléar tulear antsiranana diego")


def _codes_of_a_country(scan: Scan) -> Iterator[Candidate]:
    """Postal codes told apart by their country's context (see :data:`_EIRCODE`, :data:`_ISRAEL_CODE`,
    :data:`_MADAGASCAR_CODE`)."""
    if "〒" in scan.text:
        for m in _JAPAN_MARK.finditer(scan.text):
            yield m.start(1), m.end(1), "POSTAL_CODE", POSTAL_AFTER_P
    for expression, keys in (
        (_EIRCODE, _EIRCODE_KEYS),
        (_ISRAEL_CODE, _ISRAEL_KEYS),
        (_MADAGASCAR_CODE, _MADAGASCAR_KEYS),
    ):
        if not keys.isdisjoint(scan.words):
            for m in expression.finditer(scan.text):
                yield m.start(1), m.end(1), "POSTAL_CODE", POSTAL_AFTER_P


def _irish_or_singapore_codes(scan: Scan) -> Iterator[Candidate]:
    """Eircodes in a message about Ireland, Singapore's codes (see :data:`_EIRCODE_IRISH`, :data:`_SINGAPORE_CODE`)."""
    if "S(" in scan.text or "S (" in scan.text:
        for m in _SINGAPORE_CODE.finditer(scan.text):
            yield m.start(1), m.end(1), "POSTAL_CODE", POSTAL_AFTER_P
    if not _IRISH_KEYS.isdisjoint(scan.words) or "+353" in scan.text:
        for m in _EIRCODE_IRISH.finditer(scan.text):
            yield m.start(1), m.end(1), "POSTAL_CODE", POSTAL_AFTER_P
        for m in _EIRCODE_IRISH_LOWER.finditer(scan.text):
            yield m.start(1), m.end(1), "POSTAL_CODE", POSTAL_AFTER_P


def postal_codes(scan: Scan) -> Iterator[Candidate]:
    """Canadian postal codes, any case, with or without the space (not format examples, nor
    a product's code); another country's code after its label."""
    if scan.digits >= 2:
        text = scan.text
        if not _POSTAL_KEYS.isdisjoint(scan.words):  # "postcode SW9 8LQ": two digits
            for m in _POSTAL_LABELLED.finditer(text):
                group = 1 if m.group(1) else 2
                yield m.start(group), m.end(group), "POSTAL_CODE", POSTAL_AFTER_P
            for m in _POSTAL_SPACED.finditer(text):
                yield m.start(1), m.end(1), "POSTAL_CODE", POSTAL_AFTER_P
            if _UK_WORDS.search(text):  # round 50 part C: "uk postcode SW1A 2AA? no ... mine EC1V 9HX"
                for m in _UK_CODE.finditer(text):
                    yield m.start(), m.end(), "POSTAL_CODE", POSTAL_AFTER_P
            if "pin" in scan.words:
                for m in _PIN_LABELLED.finditer(text):
                    yield m.start(1), m.end(1), "POSTAL_CODE", POSTAL_AFTER_P
            if (
                "c" in scan.words or "cp" in scan.words
            ):  # round 34 part B: Mexico's "CP 68000" without its dots
                for m in _CODIGO_POSTAL.finditer(text):
                    if (
                        text.startswith("CP", m.start())
                        and (word := _WORD_BEFORE_CP.search(text, max(0, m.start() - 40), m.start()))
                        and not word.group(1)[0].isupper()
                    ):
                        continue  # round 38 part B: "CDMX CP 01900", a city's name before it; not "the CP 12345 form"
                    yield m.start(1), m.end(1), "POSTAL_CODE", POSTAL_AFTER_P
        if scan.digits < 3:
            return
        yield from _irish_or_singapore_codes(scan)
        if "digital" in scan.words or "gps" in scan.words:
            for m in _DIGITAL_ADDRESS.finditer(text):
                yield m.start(1), m.end(1), "POSTAL_CODE", POSTAL_AFTER_P
        if not _GHANA_KEYS.isdisjoint(scan.words) and "-" in text:  # round 44 part B: "GhanaPost GPS GA-..." too
            for m in _GHANA_CODE.finditer(text):
                yield m.start(1), m.end(1), "POSTAL_CODE", POSTAL_AFTER_P
        for m in _POSTAL_CODE.finditer(text):
            if (
                _example(m.group())
                or _thing_code(text, m.start())
                or _AGENCY_BOX_BEFORE.search(text, max(0, m.start() - 80), m.start())
                or _office_code(text, m.start())
                or (
                    not _OFFICE_STREET_KEYS.isdisjoint(scan.words)
                    and _OFFICE_STREET_BEFORE.search(text, max(0, m.start() - 70), m.start())
                )
                or _public_address_code(scan, m.start())
                or _federal_code(text, m.start())
                or (not _OFFICE_STREET_KEYS.isdisjoint(scan.words) and _office_at_code(text, m.start()))
            ):
                continue
            yield m.start(), m.end(), "POSTAL_CODE", POSTAL_P
        if scan.digits >= 4 and not _CITY_KEYS.isdisjoint(scan.words):
            yield from _postal_by_city(text)
        if scan.digits >= 4:
            yield from _town_codes(scan)  # round 49 part C
        if scan.digits >= 5:
            yield from _codes_after_addresses(scan)
            yield from _codes_of_a_country(scan)
        if scan.digits >= 4:
            yield from _codes_abroad(text)
        if scan.digits >= 8 and "-" in text:
            for m in _CEP_AFTER_STATE.finditer(text):
                yield m.start(1), m.end(1), "POSTAL_CODE", POSTAL_AFTER_P
        if scan.digits >= 4 and not _ARGENTINA_KEYS.isdisjoint(scan.words):
            # round 31 part B: Argentina's CPA, a province's letter, four digits and three letters ("C1045AAB"),
            # in a message that speaks of Argentina
            for m in _CPA.finditer(text):
                yield m.start(), m.end(), "POSTAL_CODE", POSTAL_AFTER_P


# ------------------------------------------------------------------------- address

# (round 46 part B: nor French function words in lower case, "TS 110, est-ce que mon AVE sera prêt?": an eTA, no
# avenue; "45 Mon Repos Ave" is a street)
_NOT_STREET_NAME_FR = wordset("""
est-ce que qui quoi mon ma mes ton ta tes son sa ses notre nos votre vos leurs je tu il elle nous vous ils elles
avec pour dans mais donc
""")
_NOT_STREET_WORD = (
    r"(?!(?i:" + "|".join(sorted(NOT_STREET_NAME, key=len, reverse=True)) + r")(?![\w'’.-]))"
    r"(?!(?-i:" + "|".join(sorted(_NOT_STREET_NAME_FR, key=len, reverse=True)) + r")(?![\w'’.-]))"
)
# "1234", "12-14", "45B", "45-B", a unit with its letter before the civic number ("12B-340", round 46); never the end of a date or range ("1990-01-01").
_CIVIC = r"(?<![0-9][-–/.])[0-9]{1,6}(?:[A-Za-z](?=[-–][0-9]))?(?:[-–][0-9]{1,6}|/[0-9]{1,3}(?=,?[ \t]+[A-ZÀ-Þ]))?(?:[-–]?[A-Za-z](?![\w'’])|[ \t](?i:bis|ter)(?![\w'’]))?"
_GAP = r"[ \t\u00a0\u202f]+"  # the words of a street stay on one line
_UNIT = rf"(?i:{UNIT_WORDS})\.?(?:{SP}*[0-9]{{1,5}}[A-Za-z]?|{SP}+(?:[A-Z]|[b-df-np-xz])(?![\w'’-]))"
_BUILDING_NAME = (
    r"(?-i:[A-Z])[\w'’-]*(?:[ \t]+(?-i:[A-Z])[\w'’-]*){0,3}?[ \t]+(?-i:Mansions?|Building|Bldg|Court|House|Towers?|Centre"
    r"|Center|Plaza|Gardens?|Estate|Residences?|Residency|Heights|Condominiums?|Apartments)\.?(?![\w'’-])"
)
# "apt 3 - 4040 ...", and a bare unit number before the civic one: "2 - 318 Bloor St W".
_UNIT_BEFORE = (
    # round 44 part B: Hong Kong's floor after the flat, and its tower ("Flat D, 18/F, 12 ...", "Flat C, 12/F, Tower 3, 8
    # ..."), Edinburgh's floor and flat ("2F1, 15 ...")
    rf"(?:(?:{_UNIT}[ \t]*+,[ \t]*+)?(?:[0-9]{{1,3}}|G)/F[ \t]*+,[ \t]*+(?:(?i:tower|block|blk)[ \t]*[0-9]{{1,3}}[A-Z]?[ \t]*+,[ \t]*+)?"
    rf"|(?<![\w'’-])(?:PF|[0-9]{{1,2}}F)[0-9]{{1,2}}[ \t]*+,[ \t]*+(?=[0-9])"
    # Morocco's residence and its building before the flat: "résidence Al Amal, imm 4 appt 12, 23 bd Zerktouni"
    r"|(?:(?i:r[ée]sidence|r[ée]s\.)[ \t]+(?-i:[A-ZÀ-Þ])[\w'’-]*(?:[ \t]+(?-i:[A-ZÀ-Þ])[\w'’-]*){0,2}[ \t]*+,[ \t]*+)?"
    rf"(?i:imm(?:euble)?|bloc|b[âa]t(?:iment)?)\.?[ \t]*[0-9A-Z]{{1,3}}[ \t]*+,?[ \t]*+{_UNIT}[ \t]*+,?[ \t]*+(?=[0-9])"
    # round 45 part B: the flat (and Hong Kong's floor) in a named building before the number: "Flat B, 15/F, Wing Fat
    # Mansion, 88 Nathan Road", "Unit 1204 Avida Towers, 34 ..."; Glasgow's floor and flat: "2/1, 45 Dumbarton Road"
    rf"|{_UNIT}[ \t]*+,?[ \t]*+(?:(?:[0-9]{{1,3}}|G)/F[ \t]*+,[ \t]*+)?{_BUILDING_NAME}[ \t]*+,[ \t]*+(?=[0-9])"
    r"|(?<![\w/'’.-])[0-9]{1,2}/[0-9]{1,2}[ \t]*+,[ \t]*+(?=[0-9]{1,4}[ \t]+(?-i:[A-Z]))"
    # West Africa's villa, its number the house's: "villa 45, rue des Jardins"
    r"|(?<![\w'’-])(?i:villa)[ \t]+(?=[0-9]{1,5}[ \t]*+,?[ \t]*+(?i:rue|avenue|av|bd|boulevard|route|impasse|all[ée]e|chemin)(?![\w'’-]))"
    # (round 48 part C: the blanks possessive, "Flat 2" and 5,000 blanks before ", 12" took 1-5 s in each expression)
    # round 52 part C: the floor's ordinal before the civic number, no comma ("2nd floor 301 Main St"); a flat's number and
    # letter before it, as Lagos writes it ("2B 17 Adeola Odeku St")
    r"|(?<![\w'’-])[0-9]{1,2}(?i:st|nd|rd|th|e|er|ème|eme)[ \t]+(?i:floor|fl|étage|etage)\.?[ \t]++(?=[0-9])"
    r"|(?<![\w'’./-])[0-9]{1,3}[A-Z][ \t](?=[0-9]{1,5}[ \t]+(?-i:[A-Z])[a-z])"
    rf"|{_UNIT}\s*+[,\-–—]?\s*+|#?[0-9]{{1,5}}[A-Za-z]?[ \t]++[-–][ \t]++(?=[0-9]))?"
)
# round 29 part B: the basement after the street, no comma: "2215 Victoria Ave basement suite"
# (round 47 part C: its blanks possessive, a unit's word after them: "Ave" and 2,000 blanks took 1.4 s, shared out among
# the two runs every way)
_UNIT_AFTER = (
    rf"(?:\.?\s*+,?\s*+{_UNIT}(?:[ \t]+{_UNIT})?(?![\w\[])"
    # (round 52 part C: or before its postal code, "3390 Dufferin St basement M6A 2T4")
    r"|[ \t]+(?i:basement[ \t]+(?:unit|apt|apartment|suite)(?![\w\[])|(?:basement|bsmt|sous-sol)"
    r"(?=[ \t]*(?:[,.;:!?)\n]|$)|[ \t]{1,2}[A-Za-z][0-9][A-Za-z][ \t]?[0-9][A-Za-z][0-9](?![\w'’-])))"
    # (round 53 part C: or a rural box, route or site with no comma, as the north writes it: "15 Main St Box 212
    # Norway House MB", "40 Lake Rd RR 3 Thompson"; not before a lower-case word, "12 Main St box 4 of them")
    r"|[ \t]++(?i:box|rr|r\.r\.|site)[ \t]?#?[ \t]?[0-9]{1,6}(?:,?[ \t]{1,2}(?i:site|box|comp)[ \t]?#?[ \t]?[0-9]{1,6})*+"
    r"(?![\w'’-]|[ \t]+[a-zà-ÿ]))?"
)
# (round 47 part C: not the first word of a town named by its side, "1820 Lonsdale Ave north van V7M 2J8", "... North
# York"; those towns' second words, any case)
_SIDE_TOWN_NEXT = r"(?![ \t]+(?i:van|vancouver|york|bay|battleford|saanich|delta|shore|kildonan|gwillimbury)(?![\w'’-]))"
_DIRECTION_WORD = rf"(?i:{STREET_DIRECTIONS})\.?(?![\w'’-]){_SIDE_TOWN_NEXT}"
# (round 28: not a French word of two lower-case letters before another: "rue de la Gauchetière ne veut pas")
_DIRECTION = rf"(?:{_GAP}+(?!(?-i:ne|se|no|so)[ \t]+(?-i:[a-zà-ÿ])){_DIRECTION_WORD})?"  # (round 47 part C: blanks possessive)
_STREET_WORD = rf"{_NOT_STREET_WORD}(?:[0-9]{{1,3}}(?i:st|nd|rd|th|e|er|re)|[^\W\d_][\w'’.-]*)"
# "123 Main Street", "Unit 12, 555 Queen St. W", "456 5th Avenue apt 3", "7788 120 Street".
# Before the civic number abroad: "No. 14, Valiasr Ave", "Blk 3 Lot 5 Mabini St.".
_NUMBER_WORD = (
    # India's house or door number: "H.No. 4-21, MG Road", "D.No 12-3-45, ..."
    r"(?:(?:[HD]\.?[ \t]?(?=No))?(?i:no|n[º°o]|nr|num)\.?[ \t]*(?=[0-9])"
    r"|(?i:blk|block|bldg|phase|ph)\.?[ \t]*[0-9]{1,4}[A-Za-z]?[ \t]*+,?[ \t]*+(?i:lot)\.?[ \t]*(?=[0-9])"
    r"|(?i:lot|plot|house|door)(?:[ \t]*(?i:no)\.?)?\.?[ \t]*(?=[0-9])"
    # round 44 part B: Trinidad's light pole, "LP 42 Cipero Road", "LP#17 ..."
    r"|(?-i:LP)[ \t]*#?[ \t]*(?=[0-9]))?"
)
_ADDRESS_EN = re.compile(
    rf"{NOT_BEFORE}{_UNIT_BEFORE}{_NUMBER_WORD}{_CIVIC},?{_GAP}(?:(?:{_STREET_WORD}{_GAP}){{0,3}}{_STREET_WORD}"
    # a numbered street: "7788 120 Street", "5010 49 Ave"
    rf"|[1-9][0-9]{{0,2}}[A-Z]?(?=[ \t\u00a0\u202f]+(?i:street|st|avenue|ave|av)\b)){_GAP}"
    rf"(?:(?i:{STREET_TYPES_EN})|{STREET_TYPES_EN_CAPITALISED}"
    # Bengaluru's numbered cross and main roads: "14 3rd Cross", "22 5th Main"
    r"|(?<=[0-9]st |[0-9]nd |[0-9]rd |[0-9]th )(?:Cross|Main))(?![\w'’-])(?:\.(?=\s*[,\w]))?"
    rf"{_DIRECTION}{_UNIT_AFTER}"
)
# Not a postal code's first half: "5-1240 av. du Mont-Royal Est H2J 1Y4".
_CAPITALISED_WORD = r"(?![A-Z][0-9][A-Z](?:[ \t-]?[0-9][A-Z][0-9])?(?![\w'’-]))[A-ZÀ-ÖØ-Þ][\w'’-]*"
# Round 24: the apostrophe left out before a vowel: "avenue de l epee", "rue d iberville".
_PARTICLE = rf"(?i:(?:{STREET_PARTICLES})\.?(?:\s+|-)|(?:de\s+l|d|l)(?:['’]\s*|[ \t]+(?=[aeiouyéèêh][\w'’-]*[ \t,]|[aeiouyéèêh][\w'’-]*$)))"
# The city after the street, before its postal code or at the end: "av. Papineau Montréal H2K
# 4J5", "rue des Érables Sherbrooke J1H 3X9" (a known place, not the street's last word).
_CITY_WORDS = sorted(
    {w for w in PLACES | NOT_NAME_CAPITALISED | CITY_NAMES if len(w) > 3}, key=len, reverse=True
)
# (round 53 part C: or a lower-case word or a province's code after the city, when the street's English type is right
# before it: "3-1180 Portage Ave Winnipeg now", "12 Jasper Ave Edmonton AB"; not "45 rue Québec depuis")
_AFTER_ENGLISH_TYPE = "(?:" + "|".join(
    f"(?<=(?<![\\w'’-]){t}{dot}[ \t])" for t in STREET_TYPES_EN.split("|") for dot in ("", r"\.")
) + ")"
_NOT_CITY_LAST = (
    rf"(?!(?i:{'|'.join(map(re.escape, _CITY_WORDS))})(?![\w'’-])"
    # (round 52 part C: or a code typed in lower case or glued, "1450 portage ave winnipeg r3g0w4")
    r"(?=[ \t]+[A-Z][0-9][A-Z]|[ \t]+[A-Za-z][0-9][A-Za-z][ \t]?[0-9][A-Za-z][0-9](?![\w'’-])|[ \t]*(?:[,\n]|$)))"
    rf"(?!(?i:{_AFTER_ENGLISH_TYPE})(?i:{'|'.join(map(re.escape, _CITY_WORDS))})"
    r"[ \t]+(?:[a-z]|(?:AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT)(?![\w'’-])))"
)
_NOT_POSTAL_HALF = r"(?![A-Za-z][0-9][A-Za-z](?:[ \t]?[0-9][A-Za-z][0-9])?(?![\w'’-]))"
# The street's direction ends its name: not "Calgary AB" after "17 Ave SW", nor the city after "O.".
_NOT_DIRECTION = rf"(?!(?i:{STREET_DIRECTIONS})\.?(?![\w'’-]))"
_LAST_DIRECTION = rf"(?=(?i:{STREET_DIRECTIONS})\.?(?![\w'’-])(?![ \t]+[A-ZÀ-Þ]))"  # "310 - 7 Ave SW"
# Round 37 part B: the Maghreb's streets named after a person or a place with its particle, the word
# after it the street's in any case ("7 rue el fourat", "17 rue ibn sina apt 5", "3 avenue ben abdallah").
_ARABIC_PARTICLE = (
    r"(?:(?i:el|al|ibn|ben|bin|abou|abu|sidi|moulay|lalla|oulad|ait|ould|abdel)[ \t]+(?=[^\W\d_]))?"
)
# "45 rue Sainte-Catherine Ouest", "3500, chemin de la Côte-des-Neiges", "app. 4, 1200 boul. René-Lévesque".
# Round 51 part C: a street named after a day of its country's history, "du" then the day and its month ("221 Boulevard
# du 30 Juin", "14 avenue du 24 Novembre", "12, rue du 1er Mai").
_DATE_NAME = (
    r"(?<=[Dd]u[ \t])(?:1er|[12]?[0-9]|3[01])[ \t]+(?i:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre"
    r"|octobre|novembre|d[ée]cembre)(?![\w'’-])"
)
_ADDRESS_FR = re.compile(
    rf"{NOT_BEFORE}{_UNIT_BEFORE}{_CIVIC},?{_GAP}(?i:{STREET_TYPES_FR})(?![\w'’-])\.?{_GAP}"
    # (round 28: a unit and its number is no word of the street: "4521 RUE SAINT-DENIS APP 6")
    rf"(?:(?:{_PARTICLE})+|{_NOT_DIRECTION}|{_LAST_DIRECTION}){_ARABIC_PARTICLE}(?:[^\W\d_][\w'’-]*|{_DATE_NAME})(?:{_GAP}(?:{_PARTICLE})*{_NOT_DIRECTION}{_NOT_CITY_LAST}(?!{_UNIT}(?![\w'’-])){_CAPITALISED_WORD}){{0,3}}"
    rf"{_DIRECTION}{_UNIT_AFTER}"
)
# Abroad, the street's type before its name and the number after: "Rua Augusta 1500, apto 82",
# "Calle 45 #12-34", "Carrera 7 No. 45-10", "Avenida Paulista 1578", "Av. Reforma 222";
# German streets in one word: "Hauptstraße 5", "Bahnhofstr. 12".
_TYPE_FIRST = (
    r"Calle|calle|Carrera|Cra\.?|Cl\.|Avenida|avenida|Av\.|Avda\.?|Rua|rua|R[úu]a|r[úu]a|Travessa|Alameda|Rodovia|Estrada|Jir[óo]n|Jr\."
    r"|Paseo|Calzada|Viale|Piazza|Corso|Camino|Diagonal|Transversal|Callej[óo]n|Pasaje|Praça|Largo"
    r"|ul\.|vul\.|ulica|vulytsia|ulitsa|prosp\.|prospekt|provulok|bulv\."
    # the same in Cyrillic: "вул. Шевченка, 15, кв. 42", "ул. Ленина д. 5"
    r"|вул\.|ул\.|вулиця|улица|просп\.|проспект|пров\.|пер\.|бульв?\.|бульвар"
    # Romania and Turkey: "Str. Mihai Eminescu nr. 17", "Bağdat Cad. No: 214" is name first
    r"|Str\.|Strada|Bulevardul|Calea|Șoseaua|Soseaua|Aleea"
    # round 42 part B: Romania's boulevard cut short, "Bd. Unirii nr. 45, bl. 7, ap. 22", "B-dul Magheru 12"
    r"|Bd\.|B-dul\.?|Bdul\."
    # round 33 part B: Spain's "C/ Mayor 12" (Indonesia's "Jl. Sudirman No. 45" is the address tagger's)
    r"|C/"
    # round 36 part B: Catalonia's "Avinguda del Port 214, pta 9", "Carrer de Mallorca 401", "Passeig de Gràcia 92"
    r"|Avinguda|Avgda\.|Carrer|Passeig"
    # round 44 part B: Greece's "Odos Ermou 56", "Leoforos Kifisias 12", Israel's "Rehov Dizengoff 112", "Sderot Ben
    # Gurion 5", Bulgaria's "bul. Vitosha 89"
    r"|Odos|Odós|odos|Leoforos|Leof\.|Rehov|Rechov|rehov|rechov|Sderot|Derech|bul\.|Bul\.|Bulevard|bulevard"
)
# Round 36 part B: Spain's and Catalonia's door and floor after the number: "..., pta 9", "pis 3", "5è 2a", "4º B".
_CATALAN_UNIT = (
    r"(?:,?[ \t]*(?:(?i:pta|porta|pis|esc)\.?[ \t]*[0-9]{1,3}[A-Za-z]?"
    r"|[0-9]{1,2}(?:è|º|ª|r|n|t)[ \t]+(?:[0-9]{1,2}(?:a|ª)|[A-Z]))(?![\w'’-]))*"
)
_STREET_NAME_WORD = (
    r"(?:[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w'’.-]*|(?:de|da|do|dos|das|del|de\s+la|di|della|la|el)(?=[ \t]+[A-ZÀ-ÖØ-Þ]))"
)
_ADDRESS_TYPE_FIRST = re.compile(
    rf"{NOT_BEFORE}(?:{_TYPE_FIRST}){_GAP}"
    # the number after "nr.", "No:", or the Russian "d." (dom, the house): "ul. Profsoyuznaya, d. 43"
    # (round 40 part B: Portugal's "n.º 114")
    rf"(?:{_STREET_NAME_WORD}{_GAP}){{0,3}}{_STREET_NAME_WORD},?{_GAP}(?:(?i:n\.?[º°o]|no|nr|d|dom|буд|д)\.?:?[ \t]*)?"
    rf"[0-9]{{1,5}}[A-Za-zа-я]?(?:[ \t]?/[ \t]?[0-9]{{1,4}})?"
    # the Colombian plate: "#12-34", "No. 45-10", "# 88-64"
    rf"(?:(?:{_GAP})?(?:#|(?i:n[º°o]|no)\.?)(?:{_GAP})?[0-9]{{1,3}}[A-Za-z]?[ \t]*[-–][ \t]*[0-9]{{1,3}})?"
    rf"(?:,?{_GAP}(?:m|lok|kv|ap|et|кв|корп|к)\.[ \t]*[0-9]{{1,4}}[A-Za-z]?)*"  # Poland's flat: "ul. Piotrkowska 118 m. 24"
    rf"(?![\w'’-]){_UNIT_AFTER}{_CATALAN_UNIT}"
)
# Round 40 part B: Indonesia's and Malaysia's street first, its number after "No." ("Jalan Sudirman No.123", an alley's
# number between: "Jalan Kenanga Gg. 5 No. 112"): 13 of the sets' 14 such streets are labelled addresses ("Jl." stays
# the address tagger's, as test_address_model has it).
_ADDRESS_JALAN = re.compile(
    rf"{NOT_BEFORE}(?:Jalan|Jln\.?|Jl\.){_GAP}(?:{_STREET_NAME_WORD}{_GAP}){{0,3}}"
    r"(?:(?:Gg|Gang)\.?[ \t]*[0-9]{1,3}[ \t]+)?(?i:no)\.?[ \t]*[0-9]{1,4}[A-Za-z]?(?![\w'’-])"
)
# Round 44 part B: Malaysia's house before its street, the street's name a code ("No 12, Jalan SS 2/24", "No. 3, Jalan
# Tun Razak").
_JALAN_NUMBER_FIRST = re.compile(
    r"(?<![\w'’-])(?i:no)\.?[ \t]*[0-9]{1,4}[A-Za-z]?(?:-[0-9]{1,3})?[ \t]*,[ \t]*(?:Jalan|Jln\.?|Jl\.)[ \t]+[A-Z][\w'’-]*"
    r"(?:[ \t]+(?:[A-Z][\w'’-]*|[0-9]{1,3}(?:/[0-9]{1,3})?[A-Za-z]?(?![\w'’/-]))){0,4}"
)
# Round 44 part B: Thailand's house and village ("moo"), then its lane or road: "99/45 Moo 3, Sukhumvit Rd", "12 Mu 4",
# "99/123 Moo 5, Soi Sukhumvit 71".
_ADDRESS_MOO = re.compile(
    r"(?<![\w/-])[0-9]{1,4}(?:/[0-9]{1,4})?[ \t]+(?i:moo|mu)\.?[ \t]*[0-9]{1,2}(?![\w'’-])"
    r"(?:[ \t]*+,?[ \t]*+(?:(?i:soi)[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}(?:[ \t]+[0-9]{1,3}(?:/[0-9]{1,3})?(?![\w'’/-]))?"
    r"|[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}[ \t]+(?i:rd|road|thanon)(?![\w'’-])\.?"
    # round 45 part B: or the road's word first, "Thanon Nimmanhaemin"
    r"|(?i:thanon|th\.)[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}(?![\w'’-])))?"
)
# Round 44 part B: Madagascar's lot, its block in Roman numerals and letters, the house and its quarter: "Lot II J 145
# Bis Ivandry", "lot IVG 204 Antanimena".
_MALAGASY_LOT = re.compile(
    r"(?<![\w'’-])(?i:lot)[ \t]+(?-i:[IVX]{1,4}(?:[ \t]?[A-Z]{1,3})?)[ \t]*[0-9]{1,4}(?:[ \t]+(?i:bis|ter))?"
    r"[ \t]+(?-i:[A-Z][a-z]+)(?![\w'’-])"
)
# Round 44 part B: a street named first, its house after it (and the floor or flat), then its postal code and town, as
# Greece, Czechia, Slovakia, Sweden, the Netherlands, Denmark, Belgium write it: "Ermou 112, 105 53 Athina",
# "Vinohradská 1511/112, 130 00 Praha 3", "Kinkerstraat 212-III, 1053 EN Amsterdam", "Nørrebrogade 44, 2. tv, 2200
# København N". The code and the town are left to the codes' rules.
_NAME_NUMBER_CODE = re.compile(
    rf"(?<![\w'’.-])(?=[A-ZÀ-ÖØ-Þ]){_NOT_STREET_WORD}(?!(?i:{UNIT_WORDS}|room|gate|terminal|flight|platform|box|case|no|nr|tower|block|floor"
    r"|air|airlines?|vol|bus|train|route|line|ligne|exit|section|chapter|article|level|step|phase|stage|week|day|team|group"
    r"|class|grade|page|bill|form|version|model|series|season|episode|part|seat|row|table|item|order|invoice|ticket)(?![\w'’-]))"
    rf"(?!(?i:{MONTHS})(?![\w'’-]))"
    r"(?-i:[A-ZÀ-ÖØ-Þ])[\w.-]+(?:[ \t]+(?-i:[A-ZÀ-ÖØ-Þ])[\w'’.-]+){0,2}[ \t]+[0-9]{1,4}"
    r"(?:[A-Za-z]|/[0-9]{1,4}[A-Za-z]?|-(?:[IVX]{1,4}|hs|bis|[0-9]{1,3}))?(?![\w'’/-])"
    r"(?:[ \t]*,[ \t]*(?:[0-9]{1,2}\.?[ \t]*(?:tv|th|mf|sal)\.?|st\.?[ \t]*(?:tv|th)\.?|(?i:int|interno|scala)\.?[ \t]*[0-9A-Za-z]{1,3})(?![\w'’-]))?"
    r"(?=[ \t]*,[ \t]*(?:[0-9]{3}[ \t][0-9]{2}|[0-9]{4}[ \t]?[A-Z]{2}|(?!(?:19|20)[0-9]{2}(?![0-9]))[0-9]{4,5})[ \t]+(?-i:[A-ZÀ-ÖØ-Þ]))"
)


# ... not inside a longer street's name: "Via dei Mille 8", "Rue Royale 145/3" are the other rules'
_NAME_NUMBER_INSIDE = re.compile(
    r"(?:(?-i:[A-ZÀ-Þ])[\w'’-]*|(?i:dei|de|del|della|delle|degli|di|da|do|dos|das|van|von|der|den|la|le|du|des|el|al|il|lo"
    r"|st|ste|saint|sainte))\.?[ \t]+\Z"
)


# Round 44 part B: Kazakhstan's and Russia's micro-district, its house and flat: "mkr. Samal-2, 58, kv. 41", "мкр. Аксай-4, д. 12".
_MICRODISTRICT = re.compile(
    r"(?<![\w'’-])(?i:mkr|mkrn|микрорайон|мкр|mikrorayon)\.?[ \t]+[A-ZÀ-ÞА-ЯЁ][\w'’-]*(?:[ \t]+[A-ZÀ-ÞА-ЯЁ0-9][\w'’-]*)?[ \t]*+,?[ \t]*+"
    r"(?:(?i:d|dom|д)\.?[ \t]*)?[0-9]{1,4}[A-Za-zА-Яа-я]?(?:[ \t]*+,?[ \t]*+(?i:kv|apt|ap|кв)\.?[ \t]*[0-9]{1,4})?(?![\w'’-])"
)
# Round 44 part B: the Maghreb's alley ("derb", "zenkat") named after the house: "8 derb Sidi Bouloukat", "14 zenkat Fès".
_ADDRESS_DERB = re.compile(
    r"(?<![\w'’/-])[0-9]{1,4}[A-Za-z]?,?[ \t]+(?i:derb|zenkat|znika|impasse)[ \t]+(?-i:[A-ZÀ-Þ])[\w'’-]*(?:[ \t]+(?-i:[A-ZÀ-Þ])[\w'’-]*){0,2}"
)
# Round 44 part B: Vietnam's house and street with no street word, before its district and city: "27 Lý Thường Kiệt, Hoàn
# Kiếm, Hà Nội", "45/12 Nguyễn Đình Chiểu, Quận 3, TP.HCM".
_VIETNAM_CITY = (
    r"H[àa][ \t]+N[ộo]i|Hanoi|HCMC|TP\.?[ \t]?HCM|H[ồo][ \t]+Ch[íi][ \t]+Minh|Ho[ \t]+Chi[ \t]+Minh|Saigon|S[àa]i[ \t]+G[òo]n|[ĐD][àa][ \t]+N[ẵa]ng"
    r"|H[ảa]i[ \t]+Ph[òo]ng|Hu[ếe]|C[ầa]n[ \t]+Th[ơo]|Nha[ \t]+Trang|V[ũu]ng[ \t]+T[àa]u|Bi[êe]n[ \t]+H[òo]a"
)
_ADDRESS_VIETNAM_BARE = re.compile(
    # the house and the lane before it: "so nha 27, ngo 84 Ngoc Khanh", "hẻm 12 ..."
    r"(?<![\w'’/.-])(?:(?i:s[ốo])(?:[ \t]+(?i:nh[àa]))?[ \t]+[0-9]{1,4}[A-Za-z]?[ \t]*+,?[ \t]*+)?"
    r"(?:(?i:ng[õo]|ng[áa]ch|h[ẻe]m|ki[ệe]t)[ \t]+)?"
    r"[0-9]{1,4}[A-Za-z]?(?:/[0-9]{1,4}[A-Za-z]?)*[ \t]+(?:[A-ZĐÀ-Þ][\w'’]*[ \t]+){1,3}[A-ZĐÀ-Þ][\w'’]*"
    rf"(?=[ \t]*,(?:[ \t]*[^\W\d_][\w'’.]*(?:[ \t]+[\w'’.]+){{0,3}}[ \t]*,){{0,2}}[ \t]*(?:{_VIETNAM_CITY})(?![\w'’-]))"
)


# A form's next field on the address's line, set apart by two blanks or more: "N° et rue : 32, rue Carnot  Ville : Dakar".
_NEXT_FIELD = re.compile(r"(?<![ \t])[ \t]{2,}+(?=(?-i:[A-ZÀ-Þ])[^\W\d_]*+(?:[ \t][^\W\d_]++){0,3}[ \t]*:)")


# Round 40 part B: Venezuela's address, a street with no number, then its building and the flat: "Calle Real de Sabana
# Grande, Edif. Caracas, apto 49", "Av. Francisco de Miranda, Qta. Mi Refugio, apto 15", "av. francisco de miranda, res.
# el parque casa n° 69", "Urb. La Florida, calle Los Mangos, Edif. Torre Sur, piso 11, apto 14-B".
_BUILDING_WORDS = r"(?:[^\W\d_][\w'’.-]*+(?:[ \t]+[^\W\d_][\w'’.-]*+){0,4})"
_ADDRESS_BUILDING_FLAT = re.compile(
    rf"(?<![\w'’-])(?:(?i:urb\.|urbanizaci[óo]n)[ \t]+{_BUILDING_WORDS},[ \t]*)?"
    rf"(?i:calle|avenida|av\.|avda\.|carrera|transversal)[ \t]+{_BUILDING_WORDS},[ \t]*"
    rf"(?i:edif\.|edificio|qta\.|quinta|res\.|residencias?|torre|conj\.|conjunto)[ \t]+{_BUILDING_WORDS}"
    r"(?:,[ \t]*(?i:piso)[ \t]*[0-9]{1,2})?,?[ \t]*"
    r"(?i:apto|apt|ap|dpto|depto|casa)\.?[ \t]*(?:(?i:n[°º]|no)\.?[ \t]*)?[0-9]{1,4}(?:-?[A-Za-z])?(?![\w'’-])"
)
# Belgium and Switzerland, the number after the name, then a comma or the end: "Rue de la Loi
# 155, boîte 4", "Rue de Carouge 42, 1205 Genève" (not "Rue Sherbrooke 3 times a week").
_ADDRESS_RUE_FIRST = re.compile(
    # round 39 part B: Belgium's other types and a name after "d'": "Chaussée d'Ixelles 212, bte 5", "Drève de Linkebeek 4"
    rf"{NOT_BEFORE}(?:Rue|Chauss[ée]e|Dr[èe]ve|Quai|Clos){_GAP}(?:d['’])?(?:{_STREET_NAME_WORD}{_GAP}){{0,3}}{_STREET_NAME_WORD}{_GAP}#?[ \t]*[0-9]{{1,4}}[A-Za-z]?"
    # round 42 part B: the box after a slash, "Rue Saint-Gilles 58/3, 4000 Liège"
    r"(?:/[0-9]{1,3}[A-Za-z]?)?"
    rf"(?=[ \t]*(?:,|$|\n|(?i:bo[îi]te|bte)\b)){_UNIT_AFTER}"
)
# Round 22: the same in any case, the street's type first and its number after, then a comma,
# the end or the commune: "chemin des Crêts 7, 1218 Le Grand-Saconnex", "rue kabambare 17
# commune de kinshasa" (not "la rue principale 3 fois").
# (round 40 part B: not across a correction's or a list's words, "chemin de la Côte-des-Neiges et non 6263, chemin ...";
# the same in _ADDRESS_LABELLED, "je demeure au 45, rue Principale et non 47, ...")
_NOT_LINK = (
    r"(?!(?i:et|and|or|ou|non|not|pas|but|mais|instead|plut[ôo]t)(?![\w'’-]))"
    # (round 53 part C: nor a word of time in lower case, "j'habite au 45 rue Principale depuis mai", "... since june")
    r"(?!(?-i:depuis|since|pendant|during|until|jusqu|now|maintenant|today|aujourd|avant|before|after|apr[èe]s)(?![\w-]))"
)
_ADDRESS_TYPE_THEN_NUMBER = re.compile(
    rf"(?<![\w'’-])(?i:rue|chemin|ch\.|avenue|av\.|boulevard|bd|allée|allee|impasse|ruelle|quai|route|rte)[ \t]+"
    rf"(?:(?i:de[ \t]+la|des|du|de|d['’]|l['’]|la|le)[ \t]*)?{_STREET_WORD}(?:{_GAP}(?:(?i:de[ \t]+la|des|du|de|d['’]|la|le)[ \t]*)?{_NOT_LINK}{_STREET_WORD}){{0,2}}"
    r"[ \t]+(?:(?i:n[°º]|no)\.?[ \t]*)?[0-9]{1,4}[A-Za-z]?(?![\w'’-])"
    r"(?=[ \t]*(?:,|$|\n|(?i:commune|quartier|bo[îi]te|bte)\b))"
)
# Numbered streets of West Africa, the door after: "rue 390, porte 122", "Rue 12.345, porte 8".
_ADDRESS_NUMBERED_RUE = re.compile(
    r"(?<![\w'’-])(?i:rue|avenue|av\.)[ \t]+[0-9]{1,3}(?:[.][0-9]{1,3})?[ \t]*+,?[ \t]*+(?i:porte|villa)[ \t]+(?:n[°º]\.?[ \t]*)?[0-9]{1,4}(?![\w'’-])"
)
# Numbered streets (Colombia, Mexico) only with the plate: "Calle 45 #12-34", "Carrera 7 No. 45-10".
_ADDRESS_NUMBERED_STREET = re.compile(
    rf"{NOT_BEFORE}(?:Calle|Carrera|Cra\.?|Cl\.|Kr\.?|Diagonal|Transversal|Avenida|Av\.|Ave\.){_GAP}[0-9]{{1,3}}[A-Za-z]?"
    rf"(?:{_GAP}(?i:bis|sur|norte|este|oeste))?"
    rf"(?:{_GAP})?(?:#|(?i:n[º°o]|no)\.?)(?:{_GAP})?[0-9]{{1,4}}[A-Za-z]?"
    rf"(?:{_GAP}(?i:sur|norte|este|oeste|bis))?"  # round 36 part B: the south side's plate, "# 18 Sur-135"
    rf"(?:[ \t]*[-–][ \t]*[0-9]{{1,3}})?"
    # Cuba's cross streets: "Calle 23 No. 1015 e/ 10 y 12", "entre J e I"
    rf"(?:{_GAP}(?:e/|(?i:entre)){_GAP}?[0-9A-ZÀ-Þ][\w'’-]*{_GAP}[ye]{_GAP}[0-9A-ZÀ-Þ][\w'’-]*)?"
    rf"(?![\w'’-]){_UNIT_AFTER}"
)
# Round 32 part B: Thailand's lanes and roads, the type before the name and the lane's number after:
# "45/2 Soi Sukhumvit 31", "99 Thanon Rama 4" (then the district, the city and the code).
_ADDRESS_SOI = re.compile(
    # (a village's number is no house's: "Moo 4, Soi Ramkhamhaeng 24" is the learned tagger's)
    rf"{NOT_BEFORE}(?<![Mm]oo[ \t])(?<![Mm]u[ \t]){_CIVIC},?{_GAP}(?i:soi|thanon)(?![\w'’-]){_GAP}[A-ZÀ-Þ][\w'’-]*(?:{_GAP}[A-ZÀ-Þ][\w'’-]*){{0,2}}"
    r"(?:[ \t]+[0-9]{1,3}(?:/[0-9]{1,3})?)?(?![\w'’/-])"
)
_ADDRESS_GERMAN = re.compile(
    rf"{NOT_BEFORE}(?:[A-ZÄÖÜ][a-zäöüß-]+(?:stra(?:ß|ss)e|str\.|weg|gasse|platz|allee|ring|damm"
    # round 45 part B: a person's names joined by hyphens before the type: "Karl-Marx-Str. 118", "Konrad-Adenauer-Platz 3"
    r"|(?:[A-ZÄÖÜ][a-zäöüß]+-){1,3}(?:Stra(?:ß|ss)e|Str\.|Weg|Gasse|Platz|Allee|Ring|Damm)"
    # round 36 part B: the street's type a word of its own after a name in "-er": "Schönhauser Allee 76", "Frankfurter Tor 3"
    r"|er[ \t]+(?:Allee|Stra(?:ß|ss)e|Str\.|Platz|Weg|Damm|Ring|Chaussee|Ufer|Tor|Markt)))"
    rf"{_GAP}[0-9]{{1,4}}[a-z]?(?![\w'’-]){_UNIT_AFTER}"
    # the floor: "Hohenzollernring 41, 2. OG", "..., 3. Stock"
    r"(?:,?[ \t]*[0-9]{1,2}\.[ \t]*(?:OG|Obergeschoss|Stock|Etage)(?![\w'’-]))?"
)
# South Asian plots: "House 23, Street 7, F-8/3", "H.No. 12, Street 4, Sector G-9/1".
_ADDRESS_HOUSE = re.compile(
    # any case: "house 23 road 7 dhanmondi"
    r"(?<![\w\]])(?:(?i:house|plot)|H\.?[ \t]?No\.?)[ \t]*(?:No\.?|#)?[ \t]*[0-9]{1,5}[A-Za-z]?(?:[-/][0-9A-Za-z]{1,4})*"
    r"[ \t]*+,?[ \t]*+(?:(?i:street|gali|lane|road)|St\.?)[ \t]*(?:No\.?|#)?[ \t]*[0-9]{1,4}[A-Za-z]?"
    r"(?:[ \t]*,[ \t]*(?:(?:Sector|Block|Phase)[ \t]+[\w/-]{1,6}|[A-Z]{1,2}-[0-9]{1,2}(?:/[0-9]{1,2})?)"
    r"|[ \t]+[A-Z]{1,2}-[0-9]{1,2}/[0-9]{1,2})*(?![\w/-])"  # Round 27: the sector without a comma: "house 23 street 9 F-7/2"
)
# Kigali's coded streets, the district's letters and a number: "KG 11 Ave", "KN 5 Rd", "KK 15 St".
_ADDRESS_KIGALI = re.compile(
    r"(?<![\w-])(?:(?i:n[°º]|no\.?|house)[ \t]*[0-9]{1,4}[ \t]*,[ \t]*)?K[GNK][ \t]?[0-9]{1,4}[ \t]+(?:Ave|Avenue|St|Street|Rd|Road)\b\.?"
)
_ADDRESS_ROUTE = re.compile(
    rf"{NOT_BEFORE}{_CIVIC},?\s+(?:(?i:highway|hwy|route|rte|county\s+(?:road|rd\.?)|regional\s+(?:road|rd\.?)"
    rf"|concession(?:\s+(?:road|rd\.?))?|side\s?road|range\s+road|township\s+road|rural\s+route|rang)\s+[0-9]{{1,4}}"
    # Round 27: Ontario's numbered lines, Quebec's numbered ranks ("6641 Line 34", "45, 3e Rang Ouest")
    rf"|Line\s+[0-9]{{1,4}}|[0-9]{{1,2}}(?i:e|er|ème|eme)\s+(?i:rang)){NOT_AFTER}"
    # the road's side: "County Rd 20 E", "rang 4 Ouest"
    r"(?:[ \t]+(?:[NSEW]|(?i:east|west|north|south|est|ouest|nord|sud))(?![\w'’-]))?"
    # the rural route after it, with or without a comma: "14 concession rd 6 rr 3"
    r"(?:[ \t]*+,?[ \t]*+(?i:rr|r\.r\.|rural\s+route)[ \t]*#?[ \t]*[0-9]{1,3}(?![\w'’-]))?"
)
_PO_BOX = re.compile(
    r"(?<![\w\]])(?:(?i:p\.?\s?o\.?\s*box|post\s+office\s+box|case\s+postale|c\.p\.|bo[iî]te\s+postale)"
    # round 39 part B: West Africa's sorting office before the box: "01 BP 4127, Abidjan 01"
    r"|RR|R\.R\.|(?:[0-9]{2}[ \t]+)?(?:BP|B\.P\.)|(?i:rural\s+route)"
    # round 38 part B: a rural route in lower case before its site or box: "rr 1 site 3 boite 14"
    r"|rr(?=\s*#?\s*[0-9]{1,3}\s*,?\s*(?i:site|box|comp|bo[iî]te)\s*#?\s*[0-9])"
    # round 29 part B: a box or a site first, a site or a rural route after: "Box 45, Site 3, RR 1"
    # (round 38 part B: a compartment too, "Site 12 Comp 8 RR 1")
    r"|(?i:box|site|bo[iî]te)(?=\s*#?\s*[0-9]{1,6}\s*,?\s*(?i:site|comp|rr|r\.r\.)\s*#?\s*[0-9]))"
    r"\s*#?\s*(?:[0-9]{1,6}(?<![Pp]\.[0-9]{5})(?<![Pp]\.[ \t][0-9]{5}))(?![\w\[])"
    # round 45 part B: no registered letter's number in groups ("registered mail RR 123 456 789 IE")
    r"(?![ \t][0-9]{3}[ \t][0-9]{3}(?![0-9]))"
    # "RR 1 Site 5 Box 12", "RR 2, Comp 14", "Box 45, Site 3, RR 1"
    r"(?:\s*,?\s*(?i:site|box|bo[iî]te|comp|compartment|c\.p\.|case\s+postale|rr|r\.r\.)\s*#?\s*[0-9]{1,6}(?![\w\[]))*"
)
# round 29 part B: mail held at the post office of a town, the address of clients without a street
# (the North, the Maritimes): "General Delivery, Iqaluit NU X0A 0H0", "poste restante, Chéticamp NS
# B0E 1H0"; only before a town and its postal code ("can I use general delivery?" stays).
_GENERAL_DELIVERY = re.compile(
    r"(?<![\w'’-])(?i:general[ \t]+delivery|poste[ \t]+restante|livraison[ \t]+g[ée]n[ée]rale)"
    r"(?=[ \t]*[,-]?[ \t]*[A-ZÀ-Þ][^\n0-9]{0,40}?(?<!\w)[A-Za-z][0-9][A-Za-z][ \t-]?[0-9][A-Za-z][0-9](?!\w))"
)
# A rural route or box written before the civic address: "RR 2, 455 Concession Road 7".
_BOX_THEN_ADDRESS = re.compile(r"[ \t]*[,-]?[ \t]*")
# A street's words do not run on past the end of its sentence: after a word of five letters or more
# and a full stop ("I live at 45 Maple Street. How much ...", "j'habite au 45 rue des Érables. Combien
# ..."), nor after an abbreviation's dot when a question or a sentence opens ("45 Maple St. How much").
_NOT_NEXT_SENTENCE = (
    r"(?<![^\W\d_]{5}\.[ \t\u00a0\u202f])"
    r"(?:(?<!\.[ \t\u00a0\u202f])|(?!(?i:how|what|when|where|why|who|which|can|could|do|does|did|is|are|was|will|would"
    r"|should|i|i'm|im|my|we|our|please|pls|thanks|thank|hello|hi|also|and|but|so|if|combien|quand|comment|pourquoi|quel"
    r"|quelle|quels|quelles|est-ce|je|j['’]ai|mon|ma|mes|nous|merci|svp|stp|bonjour|aussi|et|mais|donc|si|est|sont)(?![\w'’-])))"
)
# "I live at 45 Maple", "mon adresse est 12 Elm": a number and words after the context.
_ADDRESS_LABELLED = re.compile(
    r"(?i:\bmy\s+(?:new\s+|home\s+|mailing\s+|current\s+|old\s+|previous\s+)?address(?:\s+(?:in|back\s+in|at\s+home\s+in)\s+[^\W\d_]+(?:\s+[^\W\d_]+)?)?\s*(?:is|:)"
    r"|\baddress\s*:|\bi\s+(?:now\s+)?(?:live|reside|stay)\s+at|\bliving\s+at|\b(?:et|and)\s+(?:address|adresse)(?=[ \t]+[0-9])"
    r"|\bmon\s+adresse\s*(?:est|:)|\badresse\s*:|\bj['’]\s?habite\s+(?:au|à|a)"
    r"|\bje\s+(?:demeure|r[ée]side|reste)\s+(?:au|à|a)"
    # round 48 part C: the home's word in the clients' other languages, as a form's field or said as one's own
    # ("domicilio: ...", "mon domicile : ...", "Anschrift: ...", "minha morada é ...")
    r"|\b(?:(?:my|mon|ma|mi|meu|minha|mein|meine|il\s+mio|la\s+mia)\s+)?(?:domicile|domicilio|morada|direcci[óo]n|endere[çc]o"
    r"|indirizzo|anschrift|wohnadresse|wohnort|adres|adresa|tirahan|home\s+address|residential\s+address)"
    r"\s*(?:est|is|es|é|ist|è|c['’]\s?est|:))"
    # (round 48 part C: the blanks possessive: "address:" and 5,000 blanks took 34 s, shared out among the two runs)
    rf"[ \t]*+:?[ \t]*+({_UNIT_BEFORE}{_CIVIC},?{_GAP}{_STREET_WORD}(?:{_GAP}{_NOT_NEXT_SENTENCE}{_NOT_DIRECTION}{_NOT_CITY_LAST}{_NOT_POSTAL_HALF}(?!{_UNIT}){_NOT_LINK}{_STREET_WORD}){{0,3}}(?:{_GAP}{_NOT_STREET_WORD}{_DIRECTION_WORD})?{_UNIT_AFTER}"
    # round 48 part C: or the street's name first and its number after, no type, as Latin America and much of Europe
    # write it ("domicilio: Los Álamos 245, Santiago", "Anschrift: Lindenhof 4"): the number ends the address's part
    # (not a unit's, a building's or an area's word with its number: "Flat No. 302, Shree Ganesh Residency, ...")
    r"|(?!(?i:flat|apt|apartment|appt|app|unit|suite|room|rm|house|h|block|blk|bloc|plot|lot|villa|ward|sector|secteur|phase"
    r"|floor|level|building|bldg|tower|imm|immeuble|bât|bat|porte|door|box|po|case|chambre|bureau|office|zone|quartier"
    r"|district|area|gate|km|route|highway|hwy|rr|moo|mu|soi)(?![\w'’-]))"
    r"(?-i:[A-ZÀ-Þ])[\w'’-]*+(?:[ \t]++(?:(?-i:[A-ZÀ-Þ])[\w'’-]*+|(?-i:de|del|da|do|dos|la|las|los|di|van|von|der)(?=[ \t]+(?-i:[A-ZÀ-Þ])))){0,3}"
    # (then the end, or after a comma only a town's words or a code: "Moo 4, Soi Ramkhamhaeng 24" is a village's number
    # before the street, the learned tagger's)
    r"[ \t]++(?:(?i:n[°º]|nr|no)\.?[ \t]*)?(?!(?:19|20)[0-9]{2}(?![0-9]))[0-9]{1,5}[A-Za-z]?(?![\w'’/-])"
    r"(?=[ \t]*+(?:[;\n]|$|,[ \t]*+(?:[0-9]{4,6}(?![0-9])|[^\W\d_][\w'’.-]*+(?:[ \t]++[^\W\d_][\w'’.-]*+){0,2}[ \t]*+(?:[,.;!?)\n]|$|[0-9]{4,6}(?![0-9]))))))"
)
# Round 37 part B: a terse label, misspelt or cut short, and no verb ("my adress 7 admiralty way",
# "addr no 5 olu obasanjo way", "adresse 14 rue des lilas"): the number and words up to a street's type,
# in any case ("way" too, a common word elsewhere).
_ADDRESS_TERSE = re.compile(
    # (round 48 part C: the blanks possessive: "my address", 2,500 blanks and "is 12 Main St" took 12 s)
    r"(?<![\w'’-])(?i:(?:my[ \t]+|mon[ \t]+)?(?:address|adress|addres|adresse|addr|adr)\.?)[ \t]*+:?[ \t]*+"
    rf"({_UNIT_BEFORE}{_NUMBER_WORD}{_CIVIC},?{_GAP}(?:{_STREET_WORD}{_GAP}){{0,3}}"
    rf"(?i:{STREET_TYPES_EN}|{STREET_TYPES_FR}|way)(?![\w'’-])\.?{_DIRECTION}{_UNIT_AFTER})"
)
# Round 37 part B: the street's type first abroad, typed in lower case: "calle padre mier 1120 pte",
# "rua augusta 1508 ap 42", "avenida dos andradas 300 apto 12" (words no client writes otherwise).
_TYPE_FIRST_LOWER = re.compile(
    r"(?<![\w'’-])(?:calle|rua|avenida|travessa|alameda|estrada|jir[óo]n|calzada|rodovia)[ \t]+"
    r"(?:(?:de|da|do|dos|das|del|la|el|de[ \t]+la)[ \t]+)?[^\W\d_][\w'’.-]*"
    r"(?:[ \t]+(?:(?:de|da|do|dos|das|del|la|el|de[ \t]+la)[ \t]+)?[^\W\d_][\w'’.-]*){0,2}"
    r"[ \t]*,?[ \t]+(?:(?:n[º°o]|no)\.?[ \t]*)?(?!(?:19|20)[0-9]{2}(?![0-9]))[0-9]{1,5}[A-Za-z]?(?:[ \t]+(?:pte|ote|nte|sur|poniente|oriente|norte))?"
    r"(?:,?[ \t]*(?:ap|apto|apt|int|depto|dpto|casa|bloco|bl)\.?[ \t]*[0-9]{1,5}[A-Za-z]?)?(?![\w'’-])"
)
# Where the address is the agency's, not the client's: "the appointment is at 2:30 at 25 St
# Clair Ave E", "le rendez-vous est au 1010, rue Saint-Antoine".
_OFFICE_BEFORE = re.compile(
    r"\b(?:appointments?|rendez-vous|service\s+(?:canada\s+)?cent(?:re|er)|centre\s+de\s+services?"
    r"|vac|crdv|cpc|vfs|tls(?:contact)?|visa\s+application\s+cent(?:re|er)|biometrics?\s+(?:collection\s+)?(?:site|cent(?:re|er))"
    # the agency's offices: "the Ottawa office at", "your office at", "le bureau des passeports au"
    r"|(?:your|the|ircc|passport|immigration|citizenship|government|federal|votre|vos|le|du)"
    r"(?:\s+[A-ZÀ-Þ][\w-]+)?\s+(?:offices?|bureaux?)(?:\s+(?:des\s+passeports|d['’]\s*ircc|de\s+l['’]\s*immigration))?"
    # Round 27: a clinic, a health centre, a business ("La clinique au 2100 boul. ...", "the medical
    # exam clinic is at ...", "the Amazon fulfillment centre at ...")
    r"|clinics?|cliniques?|centre\s+de\s+sant[ée]|health\s+cent(?:re|er)|hospital|h[ôo]pital|pharmacy|pharmacie"
    r"|(?:fulfil{1,2}ment|distribution|call|medical|exam|test(?:ing)?|shopping)\s+cent(?:re|er)|warehouse|entrep[ôo]t|store|magasin"
    r")\b[^.!?\n]{0,25}?\b(?:at|au|à|located\s+at|situ[ée]e?\s+au|on|sur"
    # round 33 part B: the office named by its street ("le bureau de la rue St-Antoine, immeuble 5")
    r"|de\s+la(?=\s+(?:rue|avenue|av\.|boulevard|boul\.?|bd|route|place)\b))[ \t]*$"
    # an office's address given in brackets: "the IOM office address (Plot 6, Mackinnon Rd)"
    r"|\b(?:office|bureau)\s+(?:address|adresse)\s*\($"
    # the agency's own office named, then a comma: "the IRCC office, 300 Slater Street"
    r"|\b(?:ircc|passport|immigration|citizenship|government|federal|service\s+canada|d['’]\s*ircc"
    r"|des\s+passeports|de\s+l['’]\s*immigration)(?:\s+offices?)?\s*[,:][ \t]*$"
    # a case processing centre's mailing box: "mail it to CPC Sydney, PO Box 7500"
    r"|\b(?:cpc|case\s+processing\s+cent(?:re|er))(?:\s*[-–]?\s*[A-ZÀ-Þ][\w-]+)?"
    r"(?:\s+(?:mailing\s+)?address(?:\s+is)?)?\s*[,:]?[ \t]*$"  # round 33 part B: "the CPC mailing address PO Box ..."
    # an employer's or a school's address: "l'adresse de mon employeur c'est le", "my
    # employer's address is" (a business, not a home)
    r"|\badresse\s+(?:de|du)\s+(?:mon\s+|ma\s+|notre\s+|l['’]\s*)?(?:employeur|entreprise|compagnie|[ée]cole"
    r"|coll[èe]ge|universit[ée]|travail|job|boulot)\b[^.!?\n]{0,15}?(?:est|:|c['’]\s?est(?:\s+(?:le|au))?|au)[ \t]*$"
    r"|\b(?:employer|company|school|college|university|work|job)['’]?s?\s+address\b[^.!?\n]{0,15}?(?:is|:|at)[ \t]*$",
    IGNORE_CASE,
)
# Round 27: an office named in brackets after the address: "180 Dundas St W (that's my lawyer's office not mine)".
# Round 28: or said after it ("1200, boul. René-Lévesque Est, bureau 305... non attendez ça c'est mon
# travail", "500 Main St, that's my work").
# Round 38 part B: a place's opening hours said right after its address: "300 Main St, they close at 4?", "au 12 rue
# X, ils ouvrent à 9 h?" (a service point's, a shop's: no one lives where "they open").
_OPENING_HOURS_AFTER = re.compile(
    r"[ \t]*+[,-]?[ \t]*+(?:(?:do|does|did|will)[ \t]+)?(?:they|it|ils|elles?)[ \t]+"
    r"(?:close|closes|closed|open|opens|ferme|ferment|ouvre|ouvrent)(?![\w'’-])",
    IGNORE_CASE,
)
_OFFICE_AFTER = re.compile(
    r"[ \t]*\((?:that['’]?s|it['’]?s|c['’]est)[^)\n]{0,25}\b(?:office|bureau|clinic|clinique|work|travail)\b",
    IGNORE_CASE,
)
_WORK_AFTER = re.compile(
    r"[^\n0-9]{0,25}?\b(?:(?:ça|ca|that|this|it)[ \t]*(?:['’]s|is|c['’][ \t]?est)|c['’][ \t]?est)[ \t]+"
    r"(?:(?:my|our|his|her|mon|ma|notre|son|sa)[ \t]+)?(?:(?:work|job)(?:place)?|office|travail|boulot|job|lieu[ \t]+de[ \t]+travail)\b",
    IGNORE_CASE,
)
# Round 28: a public place's address quoted by a client, in a message about one: "VFS open sat? the
# one at 1 Dundas St", "le bureau de Mississauga (2 Robert Speck Pkwy)", "l'ambassade du Canada à
# Bogotá, Carrera 7 # 114-33", "le bureau VFS à Mexico c'est Paseo de la Reforma 510?", "the VAC list
# says Edmonton - 10665 Jasper Ave" (kept when the client says it is theirs: "my address is ...").
_PUBLIC_PLACE_KEYS = wordset("""
vfs vac vacs tls tlscontact bls office offices bureau bureaux embassy ambassade consulate consulat commission
haut-commissariat biometric biometrics biométrie biométries biometrie empreintes fingerprints rdv appointment
rendez-vous centre center centres centers clinic clinique clinics cliniques hospital hôpital hopital
serviceontario service services library libraries bibliothèque bibliotheque school schools école écoles ecole
lawyer consultant doctor dentist accountant employer avocat avocate médecin medecin comptable employeur cabinet firm practice notaire notary
interview entrevue entretien oath ceremony cérémonie ceremonie medical examen test testing exam go come went
report aller venir rendre présenter presenter
bank banks banque banques daycare garderie church église eglise mosque mosquée mosquee temple gurdwara synagogue
translator translators traducteur traducteurs traductrice photographer photographers photographe photographes photo studio
imprimerie print pharmacist pharmacien pharmacienne
settlement newcomer immigrant organisme clsc
cross croix-rouge croix food alimentaire community communautaire
campus university université universite college collège cégep cegep committee council association society
société societe foundation fondation institute institut hotel hôtel motel alliance website site
hall mairie courthouse palais justice fiscal fiscaux tax registro registry registrar civil ayuntamiento municipalidad
prefeitura cartório cartorio vital
""")
_WORK_KEYS = wordset("work job workplace travail boulot works worked travaille travaillais")
# Round 29 part B: the place said to be where one works, right after its address: "Walmart at 900
# Dufferin St is where I work", "le Tim Hortons au 55 rue Main où je travaille" (a business, not a home;
# "I live at ..." before keeps it).
_WHERE_WORK_AFTER = re.compile(
    r"[ \t]*+,?[ \t]*+(?:(?:is|c['’][ \t]?est)[ \t]+)?(?:where|l[àa][ \t]+o[ùu]|o[ùu])[ \t]+"
    r"(?:I|we|je|j['’]|nous|(?:my|mon|ma)[ \t]+[^\W\d_]+)[ \t]*(?:work|works|worked|travaille|travaillais|travaillons)\b",
    IGNORE_CASE,
)
_PUBLIC_PLACE = (
    r"(?:embass(?:y|ies)|ambassades?|consulat(?:e|es)?|consulats|high[ \t]+commission|haut[ \t-]+commissariat"
    r"|(?-i:VFS|VACs?|TLS|BLS)|vfs[ \t]+global|tlscontact|visa[ \t]+(?:application[ \t]+)?cent(?:re|er)s?"
    # (round 29 part B: a possessive and two words between: "the immigration consultant's office at")
    r"|(?:the|le|du|your|votre|that|this|ce|cet|their|leur)[ \t]+(?:[\w'’-]+[ \t]+){0,2}(?:offices?|bureau)"
    r"|clinics?|cliniques?|hospital|h[ôo]pital|librar(?:y|ies)|biblioth[èe]que|schools?|[ée]coles?"
    r"|service[ \t]*ontario|service[ \t]+canada(?:[ \t]+cent(?:re|er))?|services[ \t]+qu[ée]bec"
    # a professional's office: "my lawyer's office is at ...", "le bureau de mon avocat au ..."
    r"|(?:my|our|his|her|their|mon|ma|notre|son|sa)[ \t]+(?:lawyer|consultant|doctor|dentist|accountant|employer)['’]s?[ \t]+(?:office|clinic)"
    r"|bureau[ \t]+(?:de|du)[ \t]+(?:mon|ma|notre|son|sa)[ \t]+(?:avocat|avocate|consultant|consultante|m[ée]decin|comptable|employeur)"
    # round 29 part B: a firm's: "le cabinet de mon avocat est au ...", "my lawyer's firm is at ..."
    r"|cabinet[ \t]+(?:de|du|d['’])[ \t]*(?:(?:mon|ma|notre|son|sa)[ \t]+)?(?:avocats?|avocates?|consultants?|consultantes?|m[ée]decins?|comptables?|notaires?|immigration)"
    r"|(?:my|our|his|her|their)[ \t]+(?:lawyer|consultant|accountant|notary)['’]?s?[ \t]+(?:firm|practice)|law[ \t]+(?:firm|office)"
    r"|(?:biometrics?|fingerprints?)[ \t]+(?:site|place|location|cent(?:re|er)s?|office)"
    # a bank, a daycare, a place of worship, a settlement agency: "la banque au 600 rue ...", "the mosque at"
    r"|banks?|banques?|daycare|garderie|church|[ée]glise|mosque|mosqu[ée]e|temple|gurdwara|synagogue"
    # round 34 part B: a trade one pays, "the translator at 1500 Bank St charges $45", "le traducteur agréé au ..."
    r"|(?:the|a|le|la|un|une|that|this|ce|cette)[ \t]+(?:[\w'’-]+[ \t]+)?(?:translators?|traducteurs?|traductrices?|notary|notaire"
    r"|photographers?|photographes?|photo[ \t]+(?:studio|shop)|studio[ \t]+photo|print[ \t]+shop|imprimerie|pharmacist|pharmacien(?:ne)?)"
    r"(?:[ \t]+(?:agr[ée][ée]e?|certifi[ée]e?|certified|accredited))?"
    r"|(?:settlement|newcomer|immigrant)[ \t]+(?:agency|services|centre|center)|organisme|(?-i:CLSC)"
    # round 30 part B: a charity's or a community's place: "The Red Cross in Calgary at ...", "the food bank
    # on ..." (not a YMCA: its shelters and rooms are homes, "je suis au refuge YMCA, 1440 rue Stanley")
    r"|red[ \t]+cross|croix[ \t-]+rouge|food[ \t]+banks?|banques?[ \t]+alimentaires?"
    r"|community[ \t]+cent(?:re|er)s?|centres?[ \t]+communautaires?"
    r"|centres?[ \t]+(?:de[ \t]+)?(?:biom[ée]trie|rendez-vous)|(?:test|testing|exam|medical)[ \t]+cent(?:re|er)s?"
    # an event held there: "the interview is at ...", "la cérémonie de citoyenneté aura lieu au ..."
    r"|interview|entrevue|entretien|oath(?:[ \t]+ceremony)?|ceremony|c[ée]r[ée]monie|medical[ \t]+exam|examen[ \t]+m[ée]dical"
    # round 35 part B: a school's campus, a university, a hotel, a body named by its kind ("the downtown campus
    # 1455 ...", "at the Mennonite Central Committee, 50 Kent Ave", "l'Alliance Française de Lagos, 9 ...",
    # "L'hôtel Le Nouvel, 1740 boul. ..."; "I live at the hotel, ..." stays the client's, see _OWN_ADDRESS)
    r"|campus|universit(?:y|ies|[ée]s?)|coll[eè]ges?|c[ée]gep|(?-i:Committee|Council|Association|Society|Soci[ée]t[ée]"
    r"|Foundation|Fondation|Institute|Institut)|h[ôo]tels?|motels?|alliance[ \t]+fran[çc]aise"
    # round 52 part C: a town's or the state's offices where one marries or files ("Montreal City Hall, 275 ...", "au palais
    # de justice de Québec, 300 ...", "au centre fiscal de Shawinigan, 4695 ...", "the tax centre at ...")
    r"|(?:city|town)[ \t]+hall|h[ôo]tel[ \t]+de[ \t]+ville|mairie|court[ \t]?house|palais[ \t]+de[ \t]+justice"
    r"|tax[ \t]+(?:cent(?:re|er)|office)s?|centres?[ \t]+fiscaux|centre[ \t]+fiscal"
    # ... or its civil registry ("el registro civil de Monterrey, Calle ...", "the registry office, ...", "le Directeur de l'état
    # civil, 2050 ...", "a prefeitura de Campinas, Av. ...")
    r"|registro[ \t]+civil|civil[ \t]+regist(?:ry|rar)(?:[ \t]+office)?|registry[ \t]+office|[ée]tat[ \t]+civil|ayuntamiento"
    r"|municipalidad|prefeitura|cart[óo]rio|vital[ \t]+statistics)"
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?"
    r"|dec(?:ember)?|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre)"
)
_PUBLIC_PLACE_BEFORE = re.compile(
    # named, then where, then the address: "l'ambassade du Canada à Bogotá, ", "le bureau VFS à Mexico
    # c'est ", "le bureau de Mississauga (", "the VAC list says Edmonton - "
    # (round 30 part B: its name after a comma, "St." in it, a plain adjective: "Our church, St. Mary's at",
    # "la clinique médicale du 1001, rue ...")
    rf"\b{_PUBLIC_PLACE}\b(?:(?:[ \t]*,)?[ \t]+(?:du|de|des|of|in|at|à|a|en|au|d['’]|for|pour|in)?[ \t]*(?:the[ \t]+)?(?:(?-i:[A-ZÀ-Þ])[\w'’-]*(?:\.(?=[ \t]+(?-i:[A-ZÀ-Þ])))?|\[(?-i:[A-Z_]+)\]|list|liste|g[ée]n[ée]ral|canadien(?:ne)?|canadian|honorary|honoraire"
    r"|m[ée]dicale?|medical|dentaire|dental|walk-in|public|publique|locale?|main|principale?)){0,3}"
    # round 33 part B: the day one goes there between: "the High Commission in Abuja on the 18th, 15 Bobo Street"
    rf"(?:[ \t]+(?:on|le)[ \t]+(?:the[ \t]+)?(?:{_MONTH}[ \t]+)?[0-9]{{1,2}}(?:st|nd|rd|th|er)?(?:[ \t]+(?:of[ \t]+)?{_MONTH})?)?"
    r"[ \t]*(?:,|\(|:|[-–—]|(?:(?:is|are|est|still|now|toujours|located|situ[ée]e?|se[ \t]+trouve|will|be|sera|aura|lieu|takes|place)[ \t]+){0,3}(?:at|au|à|on|sur|in|du)|(?:is|c['’][ \t]?est|est|says|dit|shows|indique)(?:[ \t]+(?-i:[A-ZÀ-Þ])[\w'’-]*)?[ \t]*[-–—:,]?"
    r"|address[ \t]+(?:is|:)|adresse[ \t]+(?:est|:|c['’][ \t]?est))[ \t]*$"
    # one of several branches picked: "the one at 1 Dundas St", "celui du 1130 rue Sherbrooke"
    r"|\b(?:the[ \t]+one|celui|celle)[ \t]+(?:at|on|in|au|du|sur|de[ \t]+la)[ \t]*$"
    # round 35 part B: what a website or a map gives, a campus right before its number ("website says 923
    # Robie St", "le site dit 2900 ...", "google maps shows ...", "the downtown campus 1455 ...")
    r"|\b(?:(?:web[ \t]*)?site(?:[ \t]+web)?|google(?:[ \t]+maps)?|maps|their[ \t]+page|leur[ \t]+page)[ \t]+"
    r"(?:says|said|shows|showed|lists|gives|dit|indique|donne|affiche)[ \t]*[:,]?[ \t]*$|\bcampus[ \t]*[:,(]?[ \t]*$",
    IGNORE_CASE,
)
# Asked about, in a message about a public place: "rdv biométrie ... c'est au 1130 rue Sherbrooke?"
_QUESTION_AFTER = re.compile(r"[ \t]*\?")
# A street named by one word ending in "way", without a street type: "15-2250 Kingsway",
# "1010 Broadway".
_ADDRESS_WAY = re.compile(
    rf"{NOT_BEFORE}{_UNIT_BEFORE}{_CIVIC},?{_GAP}[A-Z][a-z]{{2,}}way{_DIRECTION}{_UNIT_AFTER}(?![\w'’-])"
)
# A Philippine barangay after the street: "45 Rizal St., Brgy San Jose".
# Round 47 part C: a street's extension, its name's last word in the Philippines ("Rizal Ave Ext", "Taft Avenue
# Extension") before the barangay.
_STREET_EXTENSION = re.compile(r"[ \t]{1,3}(?:Ext|EXT|Extension|EXTENSION)\.?(?=[ \t]{0,3},)")
_BARANGAY = re.compile(
    r"\.?[ \t]*+,?[ \t]*+(?i:brgy\.?|bgy\.?|barangay)[ \t]+[A-ZÀ-Þ0-9][\w'’.-]*(?:[ \t]+[A-ZÀ-Þ0-9][\w'’.-]*){0,2}"
)
# The client's own address, even at an office's number: "I live at ...", "my address is ...".
_OWN_ADDRESS = re.compile(
    # (round 35 part B: "we" too, and staying: "we stay in the motel, 55 Main St", "on habite à l'hôtel, ...")
    # (round 38 part B: "our address", "notre adresse": a family's, "my son got admission at University of ... Our address is")
    r"(?:\b(?:my|our)\s+(?:\w+\s+)?address|\b(?:i|we)(?:['’](?:re|m)|\s+(?:now|are|am))?\s+(?:live|living|reside|stay|staying|moved)"
    r"|\bliving\s+at|\b(?:mon|notre)\s+adresse|\b(?:on|nous)\s+(?:habite|habitons|reste|restons|loge|logeons|vit|vivons)\b"
    r"|\bmy\s+(?:new\s+)?home\b|\bchez\s+(?:moi|nous)\b"  # round 28
    # round 49 part C: where other people live or are ("they are at 14 ...", "she now lives at", "ils sont maintenant au")
    r"|\b(?:they|he|she)(?:['’](?:re|s)|\s+(?:now|are|is|still))?\s+(?:live|lives|living|reside|resides|stay|stays|staying|moved)"
    r"|\b(?:they|he|she)(?:['’](?:re|s)|\s+(?:are|is))\s+(?:now\s+|still\s+|both\s+|all\s+)?at(?=\s*$)"
    r"|\b(?:ils|elles|il|elle)\s+(?:habite|habitent|vit|vivent|reste|restent|demeure|demeurent|loge|logent|r[ée]side|r[ée]sident)"
    r"|\b(?:ils|elles|il|elle)\s+(?:sont|est)\s+(?:maintenant\s+|toujours\s+|actuellement\s+)?(?:au|à)(?=\s*$)"
    r"|\bj['’]\s?habite|\bje\s+(?:demeure|r[ée]side|reste))\b[^.!?\n]*$",
    IGNORE_CASE,
)
# West and North African addresses without a street: "Cité Keur Gorgui, Villa n° 27", "Cité 200
# logements, Bt 12 n° 4": the estate, then the house or the building and its number.
_ESTATE = re.compile(
    r"(?<![\w'’-])(?:Cité|Cite|(?:cité|cite)(?=[ \t]+[\w'’-]+(?:[ \t]+[\w'’-]+){0,2}[ \t]*+,?[ \t]*+(?i:bt|bât|bat|bâtiment|batiment|imm|immeuble|villa|maison)\b)|Lotissement|Résidence|Residence|Quartier)[ \t]+[\w'’-]+(?:[ \t]+[\w'’-]+){0,2}[ \t]*+,?[ \t]*+"
    r"(?i:villa|bt|bât|bat|bâtiment|batiment|imm|immeuble|lot|esc|maison)\.?[ \t]*(?:n[°º]\.?[ \t]*)?(?:[0-9]{1,4}[A-Za-z]?|[A-Z](?![\w'’-]))"
    r"(?:[ \t]*+,?[ \t]*+(?i:n[°º]?|app|appt|apt)\.?[ \t]*[0-9]{1,4})?(?![\w'’-])"  # "cite 500 logements bt 12 n 3"
)
# Round 26: the house and its number first, then the estate: "j'habite villa n°4127 Sicap Liberté 6"
# (only after a word of living there: see addresses).
_VILLA_FIRST = re.compile(
    # round 44 part B: Dakar's unit before it, "unité 15 villa n°284"
    r"(?<![\w'’-])(?:(?i:unit[ée])[ \t]*[0-9]{1,3}[ \t]*+,?[ \t]*+)?(?i:villa|maison)[ \t]*[Nn][°º]\.?[ \t]*[0-9]{1,5}[A-Za-z]?(?![\w'’-])"
    r"(?:[ \t]+[A-ZÀ-Þ][\w'’-]*(?:[ \t]+[A-ZÀ-Þ][\w'’-]*){0,2}(?:[ \t]+[0-9]{1,2}(?![\w'’-]))?"
    # (round 53 part C: or after a comma, the estate with its number, "villa n° 6712, Sicap Liberté 6"; a town after the
    # comma has none)
    r"|[ \t]*,[ \t]*(?!(?i:dakar|abidjan|bamako|lom[ée]|cotonou|conakry|niamey|ouagadougou)(?![\w'’-]))"
    r"[A-ZÀ-Þ][\w'’-]*(?:[ \t]+[A-ZÀ-Þ][\w'’-]*){0,2}[ \t]+[0-9]{1,2}(?![\w'’-]|[.,][0-9]))?"
)
_LIVING_BEFORE = re.compile(
    r"(?<!\w)(?:habit(?:e|es|ent|ons|ez)|r[ée]sid(?:e|es|ent|ons|ez)|demeur(?:e|ent)|adresse|address|live[sd]?|living|reside[sd]?"
    r"|vit|vivent|vivons)"  # round 27: "elle vit à Habitation Lagon"
    r"\b[^.!?\n]{0,25}$",
    IGNORE_CASE,
)
# Addresses without a street, a chain of the ward, the building and the flat: "Woreda 03, House
# No. 1142", "Al Nahda 2, Building 14, Flat 305", "Sicap Liberté 6, Villa n° 6214", "House C-42,
# Block 6", "quartier 4, rue 17, porte 212": two parts at least, the first may be a named
# neighbourhood and its number.
_CHAIN_PART = (
    # English words capitalised as on an envelope ("Room 204, building 3" is an office's)
    r"(?:House|Building|Bldg|Flat|Apt|Villa|Block|Blk|Woreda|Kebele|Ward|Plot|(?i:porte|quartier|rue))\.?[ \t]*"
    r"(?:(?i:no)\.?|n[°º]\.?|#)?[ \t]*(?:[0-9]{1,5}[A-Za-z]?|[A-Z]-[0-9]{1,4})(?![\w'’-])"
)
_CHAIN_LEAD = r"(?!(?i:room|salle|local|office|bureau|gate|terminal|suite|floor|level|étage)\b)[A-ZÀ-Þ][\w'’-]+(?:[ \t]+[A-ZÀ-Þ][\w'’-]+){0,2}[ \t]+[0-9]{1,3}(?![\w'’-])"
_ADDRESS_UNITS = re.compile(
    rf"(?<![\w'’-])(?:{_CHAIN_LEAD}|{_CHAIN_PART})(?:[ \t]*,[ \t]*{_CHAIN_PART})+"
    # the villa, then its named neighbourhood (West Africa): "Villa 214 Sicap Liberté 6"
    r"|(?<![\w'’-])(?:Villa|Maison|Parcelle)[ \t]*(?:n[°º]\.?[ \t]*)?[0-9]{1,5}[A-Za-z]?(?:[ \t]*,[ \t]*|[ \t]+)"
    rf"(?:(?!(?i:district|dist|sector|zone|phase|block|quan|quận)\b){_CHAIN_LEAD}"
    # ... or its estate, named without a number: "Villa 42 Cité Keur Gorgui", "Villa 42, Cité Keur Gorgui"
    r"|(?:Cité|Cite|Lotissement|Résidence|Residence|Quartier|Hay)[ \t]+[A-ZÀ-Þ0-9][\w'’-]*(?:[ \t]+[A-ZÀ-Þ0-9][\w'’-]*){0,2})"
    # round 32 part B: a lot in a named estate (the Maghreb): "Lot 45 Cité Ennasr 2", "lot n° 12, Cité El Bahia"
    r"|(?<![\w'’-])(?i:lot)[ \t]*(?:n[°º]\.?[ \t]*)?[0-9]{1,5}[A-Za-z]?(?:[ \t]*,[ \t]*|[ \t]+)"
    r"(?:Cité|Cite|Lotissement|Résidence|Residence|Quartier|Hay)[ \t]+[A-ZÀ-Þ0-9][\w'’-]*(?:[ \t]+[A-ZÀ-Þ0-9][\w'’-]*){0,2}"
)
# Turkey, the street's name first, then "No:" and the flat: "Bağdat Cad. No: 214 D: 7", "Atatürk
# Blv. No. 12/3", "Gül Sok. No: 5 Kat: 2 Daire: 4".
_ADDRESS_TURKISH = re.compile(
    # the neighbourhood first, the street may be numbered: "Atatürk Mah. 1234. Sok. No:5 D:8", "1203 Sok."
    r"(?<![\w'’-])(?:[A-ZÀ-ÞÇĞİÖŞÜ][\w'’-]*(?:[ \t]+[A-ZÀ-ÞÇĞİÖŞÜ][\w'’-]*){0,2}[ \t]+(?:Mah|Mahallesi)\.?,?[ \t]+)?"
    r"(?:[0-9]{1,5}\.?|[A-ZÀ-ÞÇĞİÖŞÜ][\w'’-]*(?:[ \t]+[A-ZÀ-ÞÇĞİÖŞÜ0-9][\w'’-]*){0,2})[ \t]+"
    r"(?:Cad|Cd|Caddesi|Sok|Sk|Sokak|Sokağı|Blv|Bulvarı|Bul|Mah|Mahallesi)\.?,?[ \t]+(?i:no)[.:]?[ \t]*[0-9]{1,4}[A-Za-z]?(?:/[0-9]{1,4})?"
    r"(?:[ \t]*+,?[ \t]*+(?:D|Daire|K|Kat)[.:]?[ \t]*[0-9]{1,3}(?![\w'’-]))*(?![\w'’-])"
)
# Japan, the block numbers before the district: "3-14-2 Jingumae, Shibuya-ku"; Korea, the road
# after the building and the flat: "101-1203, 45 Banpo-daero", "12 Teheran-ro 4-gil".
_ADDRESS_JAPANESE = re.compile(
    r"(?<![\w/.:-])[0-9]{1,2}-[0-9]{1,2}-[0-9]{1,3}[ \t]+[A-Z][a-z]+(?:-[a-z]+)?"
    r"(?=[ \t]*,[ \t]*[A-Z][a-z]+-(?:ku|shi|cho|machi|gun)\b)"
)
# Round 25: a street whose name has no type ("Kingsway", "Broadway", "The Queensway"), shown by
# what follows it: a town, a province and a Canadian postal code ("1402-4688 Kingsway, Burnaby BC
# V5H 0B2"); the street alone is masked.
_ADDRESS_TYPELESS = re.compile(
    rf"{NOT_BEFORE}{_UNIT_BEFORE}{_CIVIC}[ \t]+(?:The[ \t]+)?[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?"
    r"(?=[ \t]*,[ \t]*[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)?[ \t]*+,?[ \t]*+"
    r"(?:BC|AB|SK|MB|ON|QC|NB|NS|PE|NL|YT|NT|NU)[ \t]*+,?[ \t]*+[A-Z][0-9][A-Z][ \t]?[0-9][A-Z][0-9](?![\w]))"
)
# Korea in Hangul, the road after its district or city (ending in 로 or 길, not the particle 으로),
# its number and the flat: "테헤란로 152, 1203호", "강남대로 10길 5" (the city and district left).
_ADDRESS_HANGUL = re.compile(
    r"(?<=[구군시읍면][ \t])[가-힣0-9]*[가-힣](?<!으)(?:로|길)(?:[ \t]*[0-9]{1,3}번?길)?[ \t]+[0-9]{1,4}(?:-[0-9]{1,4})?"
    # the flat, or a comma, a bracket or the end after the number (not "서울로 3 번": "to Seoul 3 times")
    r"(?:[ \t]*+,?[ \t]*+(?:[0-9]{1,4}동[ \t]*)?[0-9]{1,4}호(?![0-9가-힣])|(?=[ \t]*(?:[,(\n]|$)))"
)
# Côte d'Ivoire and its neighbours, the lot and its block: "lot 1234, îlot 56", "îlot 12 lot 7".
_ADDRESS_ILOT = re.compile(
    r"(?<![\w'’-])(?:(?i:lot)[ \t]*(?:n[°º]\.?[ \t]*)?[0-9]{1,5}[A-Za-z]?[ \t]*+,?[ \t]*+(?i:îlot|ilot)[ \t]*(?:n[°º]\.?[ \t]*)?[0-9]{1,5}"
    r"|(?i:îlot|ilot)[ \t]*(?:n[°º]\.?[ \t]*)?[0-9]{1,5}[ \t]*+,?[ \t]*+(?i:lot)[ \t]*(?:n[°º]\.?[ \t]*)?[0-9]{1,5}[A-Za-z]?)(?![\w'’-])"
)
_ADDRESS_KOREAN = re.compile(
    r"(?<![\w/.:-])(?:[0-9]{1,4}-[0-9]{1,4}[ \t]*,[ \t]*|[0-9]{1,4}-?ho[ \t]*,[ \t]*)?[0-9]{1,4}(?:-[0-9]{1,3})?[ \t]+[A-Z][a-z]+-(?:daero|ro|gil)"
    r"(?:[ \t]+[0-9]{1,3}-gil)?(?![\w'’-])"
)
# A street with no house number, then its building or flat after a comma: "Sheikh Saad St., Bldg
# 12, 3rd floor", "Eastleigh 1st Ave, Apt 6B, Amal Plaza" (only with that unit: see _unit_street).
_STREET_NO_NUMBER = re.compile(
    r"(?<![\w'’-])(?<![0-9][ \t])(?:(?:[A-ZÀ-Þ][\w'’-]+|[0-9]{1,3}(?:st|nd|rd|th))[ \t]+){1,3}"
    r"(?:St|Ave|Rd|Street|Avenue|Road|Blvd|Boulevard|Dr|Drive|Sq|Square)\.?(?=[ \t]*,[ \t]*"
    # an alley between, the house's number: "Valiasr St, Golestan Alley, No. 14, Unit 5"; round 34 part B: the
    # alley's word first, "Valiasr St, Kooche Golha, No. 12", "Vanak Sq, Kh. Gandhi, No. 18"
    r"(?:[A-ZÀ-Þ][\w'’-]*(?:[ \t]+[A-ZÀ-Þ][\w'’-]*){0,2}[ \t]+(?:Alley|Lane|Kuche|Koocheh)[ \t]*,[ \t]*"
    r"|(?:Kooche|Koocheh|Kuche|Kucheh|Kouche|Kh\.|Khiaban|Khiyaban|Alley)[ \t]+[A-ZÀ-Þ][\w'’-]*(?:[ \t]+[A-ZÀ-Þ][\w'’-]*){0,2}[ \t]*,[ \t]*)?"
    r"(?:(?i:apt|flat|bldg|building|block|unit|suite|house)\b|(?i:no|n[°º])\.?:?[ \t]*[0-9])"
    # round 35 part B: the building's number right after the street, no comma: "Khaled Bin Al-Walid St. building 23"
    r"|[ \t]+(?i:bldg|building)\.?[ \t]*(?:(?i:no|n[°º])\.?[ \t]*)?[0-9])"
)
_BUILDING_RIGHT_AFTER = re.compile(
    r"[ \t]+(?i:bldg|building)\.?[ \t]*(?:(?i:no|n[°º])\.?[ \t]*)?[0-9]{1,4}[A-Za-z]?(?![\w'’-])"
)
# A street with no number after its flat and building, the Indian way: "Flat 3B, Sai Krupa
# Apartments, 12th Cross Road", "B-204, Shanti Apartments, MG Road".
_PREFIXED_STREET = re.compile(
    r"(?<![\w'’-])(?:(?i:flat|apt|appt|unit|house|h\.?\s?no)\.?[ \t]*(?:no\.?[ \t]*)?[0-9]{1,5}[A-Za-z]?|[A-Z]-[0-9]{1,4}"
    r"|[0-9]{1,4}/[0-9]{1,4}[A-Za-z]?)[ \t]*+,?[ \t]*+"  # "4/12 Shanti Niwas": flat / building
    r"[A-ZÀ-Þ][\w'’-]+(?:[ \t]+[A-ZÀ-Þ][\w'’-]+){0,2}[ \t]+(?:Apartments|Apts|Residency|Residences|Towers?|Heights|Enclave|Complex|Society|CHS|Nagar|Building|Bldg"
    r"|Niwas|Nivas|Bhavan|Bhawan|Sadan|Kunj|Villa|Chambers|Mansion"
    # round 46 part B: a document typed in capitals, "FLAT 302, SRI SAI RESIDENCY, 14TH CROSS"
    r"|APARTMENTS|APTS|RESIDENCY|RESIDENCES|TOWERS?|HEIGHTS|ENCLAVE|COMPLEX|SOCIETY|NAGAR|BUILDING|BLDG|NIWAS|NIVAS|BHAVAN"
    r"|BHAWAN|SADAN|KUNJ|VILLA|CHAMBERS|MANSION)[ \t]*,[ \t]*"
    r"(?:[0-9]{1,3}(?:st|nd|rd|th|ST|ND|RD|TH)[ \t]+(?:[A-ZÀ-Þ][\w'’-]*[ \t]+){0,3}|(?:[A-ZÀ-Þ][\w'’-]*[ \t]+){1,3})"
    r"(?:Road|Rd|Street|St|Cross|Main|Lane|Marg|Avenue|Ave|ROAD|RD|STREET|ST|CROSS|MAIN|LANE|MARG|AVENUE|AVE)\.?(?![\w'’-])"
    r"(?:[ \t]+(?:Road|Rd|ROAD|RD))?"
)
# Round 38 part B: the flat and its named building with no street after, when a landmark or a town and its six-digit
# PIN follow: "B-14, Shanti Kunj Society, Near Vastrapur Lake, Ahmedabad 380015", "Flat 7, Sai Residency, Pune 411001".
_PREFIXED_BUILDING = re.compile(
    r"(?<![\w'’-])(?:(?i:flat|apt|appt|unit|house|h\.?\s?no)\.?[ \t]*(?:no\.?[ \t]*)?[0-9]{1,5}[A-Za-z]?|[A-Z]-[0-9]{1,4}"
    r"|[0-9]{1,4}/[0-9]{1,4}[A-Za-z]?)[ \t]*+,?[ \t]*+"
    r"[A-ZÀ-Þ][\w'’-]+(?:[ \t]+[A-ZÀ-Þ][\w'’-]+){0,2}[ \t]+(?:Apartments|Apts|Residency|Residences|Towers?|Heights|Enclave|Complex|Society"
    r"|CHS|Niwas|Nivas|Bhavan|Bhawan|Sadan|Kunj|Chambers|Mansion)"
    r"(?=[ \t]*,[ \t]*(?:(?:Near|Opp\.?|Opposite|Behind|Beside)[ \t]"
    # (round 47 part C: or an area, then the town and its PIN, "Flat 402, Sai Residency, Andheri West, Mumbai 400053")
    r"|(?:[A-ZÀ-Þ][\w'’-]*+(?:[ \t]+[A-ZÀ-Þ][\w'’-]*+)?[ \t]*+,[ \t]*+)?"
    r"[A-ZÀ-Þ][\w'’-]*+(?:[ \t]+[A-ZÀ-Þ][\w'’-]*+)?[ \t]*+,?[ \t]*+[0-9]{3}[ \t]?[0-9]{3}(?![\w/-])))"
)
# A numbered cross or main of Bengaluru is named with its locality: "4th Cross, Indiranagar".
_CROSS_LOCALITY = re.compile(
    r"(?<=[0-9]st|[0-9]nd|[0-9]rd|[0-9]th)[ \t]+(?:Cross|Main)[ \t]*,[ \t]*([A-ZÀ-Þ][\w'’-]+(?:[ \t]+[A-ZÀ-Þ][\w'’-]+)?)(?=[ \t]*,)"
)
# Vietnam, a street often named after a person, then its ward or district: "56 Tran Hung Dao,
# Quan 1", "45 Nguyen Hue, Ben Nghe ward", "12 Le Loi, P. Ben Thanh, Q.1".
# Round 47 part C: China's street in pinyin, its type capitalised after the name: "35 Jiefang Lu, Apt 602, Wuhan
# 430030", "8 Wangfujing Dajie", "12 Nanluoguxiang Hutong" (not a surname "Lu" after a first name: a civic number
# before, one or two capitalised words of the name).
_ADDRESS_PINYIN = re.compile(
    r"(?<![\w'’/.:-])[0-9]{1,4}[A-Za-z]?[ \t]+(?:[A-Z][a-z]++[ \t]+){1,2}(?:Lu|Jie|Dajie|Dadao|Hutong)(?![\w'’-])"
    r"(?=[ \t]*(?:[,;\n]|\Z))"  # (its unit, town or the line's end after it: "I met 3 Xiao Lu yesterday" is none)
)
_ADDRESS_WARD_NEXT = re.compile(
    r"(?<![\w'’/.-])[0-9]{1,4}[A-Za-z]?(?:/[0-9]{1,3})?[ \t]+(?:[A-ZÀ-Þ][\w'’-]*[ \t]+){0,3}[A-ZÀ-Þ][\w'’-]*"
    # round 33 part B: or the ward named bare between ("33 Nguyen Du, Ben Nghe, District 1")
    r"(?=[ \t]*,[ \t]*(?:[A-ZÀ-Þ][\w'’-]*(?:[ \t]+[A-ZÀ-Þ][\w'’-]*){0,2}[ \t]*,[ \t]*)?"
    r"(?:(?i:quận|quan|phường|phuong|district|huyện|huyen)[ \t]*[0-9A-ZÀ-Þ]|(?:Q|P)\.[ \t]*[0-9A-ZÀ-Þ]"
    r"|[A-ZÀ-Þ][\w'’-]*(?:[ \t]+[A-ZÀ-Þ][\w'’-]*){0,2}[ \t]+(?i:ward|district)(?![\w'’-])))"
)
# Vietnam, the house, its lane and the street: "Số 18 ngõ 54 phố Hào Nam", "so 18 ngo 54 pho Hao Nam".
_ADDRESS_VIETNAM = re.compile(
    r"(?<![\w'’-])(?:(?i:số|so)[ \t]+[0-9]{1,4}[A-Za-z]?(?:/[0-9]{1,4})*,?"
    r"(?:[ \t]+(?i:ngõ|ngo|ngách|ngach|hẻm|hem|kiệt|kiet)[ \t]+[0-9]{1,4}(?:/[0-9]{1,4})*,?)*"
    r"[ \t]+(?:phố|Phố|pho|đường|Đường|duong|Duong)"
    # round 34 part B: the house's number (and its lane) right before the street's word, with its accents:
    # "45 đường Lê Lợi", "12 ngõ 45 phố Huế"
    r"|(?<![\w'’/.:-])[0-9]{1,4}[A-Za-z]?(?:/[0-9]{1,4})*,?"
    r"(?:[ \t]+(?i:ngõ|ngo|ngách|ngach|hẻm|hem|kiệt|kiet)[ \t]+[0-9]{1,4}(?:/[0-9]{1,4})*,?)*[ \t]+(?:phố|Phố|đường|Đường))"
    r"[ \t]+[A-ZÀ-ÞĐ][\w'’-]*(?:[ \t]+[A-ZÀ-ÞĐ][\w'’-]*){0,3}"
    # round 41 part B: the house and its lane, the street named right after with no street's word ("số 15 ngõ 82 Chùa
    # Láng"), its name's words capitalised
    r"|(?<![\w'’-])(?i:số|so)[ \t]+[0-9]{1,4}[A-Za-z]?(?:/[0-9]{1,4})*,?"
    r"(?:[ \t]+(?i:ngõ|ngo|ngách|ngach|hẻm|hem|kiệt|kiet)[ \t]+[0-9]{1,4}(?:/[0-9]{1,4})*,?)+"
    r"[ \t]+(?!(?i:phố|pho|đường|duong)(?![\w'’-]))[A-ZÀ-ÞĐ][\w'’-]*(?:[ \t]+(?![A-Z]{1,3}(?![\w'’-]))[A-ZÀ-ÞĐ][\w'’-]*){0,3}"
)
# Round 41 part B: Eastern Europe's order, the street's name, its type after it and the house (and flat) after the type:
# "Vukovarska ulica 69", "Tverskaya st. 166-119", "Marszałkowska ul. 12/4".
_NAME_TYPE_NUMBER = re.compile(
    r"(?<![\w'’-])(?-i:[A-ZÀ-ÞŁŚŻŹĆŃ])[\w'’-]{2,}[ \t]+(?:(?i:ulica|ulitsa|utca|ulice)|(?i:ul|st)\.)[ \t]*[0-9]{1,4}[A-Za-z]?"
    r"(?:[-/][0-9]{1,4})?(?![\w'’/-])"
)
# Round 34 part B: the Philippines' purok or sitio (a part of a barangay), then its barangay: "Purok 3, Brgy. San
# Isidro", "sitio 5 barangay Malinao" (the town after it is left).
_ADDRESS_PUROK = re.compile(
    # (round 47 part C: the block or lot before the purok, "Blk 4 Purok 3, Brgy. San Isidro")
    r"(?<![\w'’-])(?:(?i:blk|block|lot)\.?[ \t]*[0-9]{1,4}[A-Za-z]?[ \t]*+,?[ \t]*+)?(?i:purok|sitio)\.?[ \t]*(?:(?i:no)\.?[ \t]*)?[0-9]{1,3}[A-Za-z]?[ \t]*+,?[ \t]*+"
    r"(?i:brgy\.?|bgy\.?|barangay)[ \t]+[A-ZÀ-Þ0-9][\w'’.-]*(?:[ \t]+[A-ZÀ-Þ0-9][\w'’.-]*){0,2}"
)
# Round 34 part B: the Maghreb's estate named like a street, its house's number first, after a word of living
# there: "vit au 7 cité des Oliviers", "j'habite 12 cité El Bahia" (a capital after it: not "3 cité universitaire").
_ADDRESS_CITE = re.compile(
    r"(?<![\w'’/.:-])[0-9]{1,4}[A-Za-z]?[ \t]+(?i:cité|cite)[ \t]+(?:(?i:des|de[ \t]+la|du|de|d['’]|el|al)[ \t]*)?"
    r"[A-ZÀ-Þ][\w'’-]*(?:[ \t]+[A-ZÀ-Þ0-9][\w'’-]*){0,2}"
)
# Round 34 part B: the ward after a Vietnamese street, any case, named or numbered: "27 Nguyen Trai, phuong Ben
# Thanh", "45 đường Lê Lợi, phường Phú Hội" (the district after it is left, as the earlier sets label it).
_VIETNAM_WARD_NEXT = re.compile(
    r"[ \t]*,[ \t]*(?i:phường|phuong|p\.)[ \t]*(?:[0-9]{1,2}(?![\w'’-])|[A-ZÀ-ÞĐ][\w'’-]*(?:[ \t]+(?!(?i:quận|quan|district)\b)[A-ZÀ-ÞĐ][\w'’-]*){0,2})"
)
# Round 24: Mexico's street in any case, its number, then the interior or shop unit, or the
# colonia, zona or code: "calle pedro moreno 1520 int 3", "calle revolucion 845 local 3 zona
# centro" (not "calle ocho 2019", a festival).
_CALLE_ANY_CASE = re.compile(
    r"(?<![\w'’-])(?i:calle|avenida|av\.|avda\.?|rua|carrera|calzada|paseo|privada|andador|cerrada|boulevard|blvd\.?)[ \t]+"
    r"(?:(?i:de[ \t]+la|de[ \t]+los|del|de|la|las|los)[ \t]+)?"
    # round 34 part B: a street named by a date, "calle 5 de Mayo 128", "av. 16 de Septiembre 45"
    r"(?:[0-9]{1,2}[ \t]+(?i:de)[ \t]+(?=[^\W\d_]))?[^\W\d_][\w'’.-]*(?:[ \t]+[^\W\d_][\w'’.-]*){0,3}?"
    r"[ \t]+(?:(?i:no|n[°º]|#)\.?[ \t]*)?[0-9]{1,5}[A-Za-z]?"
    r"(?:[ \t]*+,?[ \t]*+(?i:int|interior|local|loc|depto|dpto|apto|apt|casa|piso|of|oficina)\.?[ \t]*#?[0-9]{1,4}[A-Za-z]?"
    r"|(?=[ \t]*+,?[ \t]*+(?i:col|colonia|zona|fracc|fraccionamiento|barrio|c\.?p)\b))(?![\w'’-])"
)
# The five-digit code after the town or zone of such a street: "guadalajara 44160", "zona centro 22000".
_CODE_AFTER_ZONE = re.compile(r"[ \t]*+,?[ \t]*+(?:[^\W\d_][\w'’.-]*[ \t]*+,?[ \t]*+){1,4}?([0-9]{5})(?![\w/-])")
# Round 24: Iran's alley, plate and street, transliterated: "Kouche 12, Pelak 48, Khiaban Chahar
# Bagh", "khiaban Azadi, kuche Golha, pelak 7" (two parts at least).
_IRAN_PART = (
    # (round 41 part B: "kooche", the street's "Kh." and the plate's "No." before them: "No. 14, Kooche Yas, Kh. Valiasr")
    r"(?:(?i:kouche|koocheh|kooche|kuche|kucheh|pelak|plak|khiaban|khiyaban|kheyabun|vahed|tabaghe|bonbast|bon-bast|meydan)\.?"
    r"|(?i:kh|no)\.)[ \t]+"
    r"(?:[0-9]{1,4}[A-Za-z]?(?![\w'’-])|[^\W\d_][\w'’-]*(?:[ \t]+(?-i:[A-ZÀ-Þ])[\w'’-]*){0,2})"
)
_ADDRESS_IRAN = re.compile(rf"(?<![\w'’-]){_IRAN_PART}(?:[ \t]*+,?[ \t]*+{_IRAN_PART})+")
# China, the road and its number, then the building, entrance and flat: "建国路88号 3单元 502室"
# (after the city and district, which are left).
_ADDRESS_CHINESE = re.compile(
    r"(?:(?<=[市区县镇省])|(?<![\u4e00-\u9fff]))(?:(?![市区县镇省])[\u4e00-\u9fff]){1,8}?(?:路|街|大道|大街|巷|胡同|弄)[ \t]*[0-9]{1,5}[ \t]*号"
    r"(?:[ \t]*+,?[ \t]*+[0-9]{1,5}[ \t]*(?:号楼|栋|幢|座|单元|室|层|楼|号))*"
)
# Round 24: the civic number said in words by voice-to-text: "two hundred eighteen Nguyen Trai
# street", "six cent vingt-cinq boulevard Henri-Bourassa Est appartement deux cent quatre".
_SAID_NUMBER_EN = (
    r"(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|oh|zero)"
)
_SAID_NUMBER_FR = (
    r"(?i:un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?|trente"
    r"|quarante|cinquante|soixante|cents?|mille|zéro|zero)"
)
_SAID_CIVIC_EN = rf"{_SAID_NUMBER_EN}(?:(?:[ \t]+|-)(?:(?i:and)[ \t]+)?{_SAID_NUMBER_EN}){{1,5}}"
_SAID_CIVIC_FR = rf"{_SAID_NUMBER_FR}(?:(?:[ \t]+|-)(?:(?i:et)[ \t-]+)?{_SAID_NUMBER_FR}){{1,5}}"
_ADDRESS_SAID = re.compile(
    rf"(?<![\w'’-])(?:{_SAID_CIVIC_EN}[ \t]+(?:[A-ZÀ-Þ][\w'’-]*[ \t]+){{1,3}}"
    r"(?i:street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|crescent|court|place|way)(?![\w'’-])"
    # round 30 part B: its unit said too: "forty two Elm street apartment six"
    rf"(?:[ \t]+(?i:apartment|apt|unit|suite)\.?[ \t]+(?:[0-9]{{1,5}}[A-Za-z]?|{_SAID_CIVIC_EN}|{_SAID_NUMBER_EN})(?![\w'’-]))?"
    rf"|{_SAID_CIVIC_FR}[ \t]+(?i:rue|avenue|boulevard|boul|chemin|place|rang|montée|montee)[ \t]+"
    r"(?:(?i:de[ \t]+la|des|du|de|d['’]|l['’])[ \t]*)?[A-ZÀ-Þ][\w'’-]*(?:[ \t]+[A-ZÀ-Þ][\w'’-]*){0,2}"
    rf"(?:[ \t]+(?i:appartement|app|appt|apt|unité|unite|bureau|suite)\.?[ \t]+(?:[0-9]{{1,5}}|{_SAID_CIVIC_FR}|{_SAID_NUMBER_FR}))?"
    # round 37 part B: said in English, a French street's name after ("twelve twenty rue Sainte Catherine apartment four")
    rf"|{_SAID_CIVIC_EN}[ \t]+(?i:rue|avenue|boulevard|boul|chemin)[ \t]+(?:(?i:de[ \t]+la|des|du|de|d['’]|l['’])[ \t]*)?"
    r"[A-ZÀ-Þ][\w'’-]*(?:[ \t]+[A-ZÀ-Þ][\w'’-]*){0,2}"
    rf"(?:[ \t]+(?i:apartment|apt|unit|suite|appartement|app)\.?[ \t]+(?:[0-9]{{1,5}}[A-Za-z]?|{_SAID_CIVIC_EN}|{_SAID_NUMBER_EN})(?![\w'’-]))?)"
)
# Round 48 part C: the same said in English with the street's name in lower case, as voice-to-text types it ("my
# address is forty five maple street", "we moved to one twenty three main st apt four"), after a home's or an address's
# word (_LIVING_BEFORE, or "moved", "stay"): one to three words before the street's type.
_ADDRESS_SAID_LOWER = re.compile(
    rf"(?<![\w'’-]){_SAID_CIVIC_EN}[ \t]+"
    # (not a count of minutes, miles, blocks...: "lives twenty five minutes off main road")
    r"(?!(?i:minutes?|mins?|hours?|hrs?|seconds?|km|kms|kilometers?|kilometres?|miles?|meters?|metres?|blocks?|steps?"
    r"|years?|months?|weeks?|days?|dollars?|bucks|people|more|of|from|off|to|on|down|up|min)(?![\w'’-]))"
    rf"(?:(?!{_SAID_NUMBER_EN}(?![\w'’-]))[^\W\d_][\w'’-]*[ \t]+){{1,3}}"
    r"(?i:street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|crescent|court|place|way)(?![\w'’-])"
    rf"(?:[ \t]+(?i:apartment|apt|unit|suite)\.?[ \t]+(?:[0-9]{{1,5}}[A-Za-z]?|{_SAID_CIVIC_EN}|{_SAID_NUMBER_EN})(?![\w'’-]))?"
    # in French, the type first, then its particle and one word of the name ("douze cent vingt boulevard saint-laurent")
    rf"|(?<![\w'’-]){_SAID_CIVIC_FR}[ \t]+(?i:rue|avenue|boulevard|boul|chemin|place|rang|montée|montee)[ \t]+"
    r"(?:(?i:de[ \t]+la|des|du|de|d['’]|l['’])[ \t]*)?[^\W\d_][\w'’-]*"
    rf"(?:[ \t]+(?i:appartement|app|appt|apt|unité|unite)\.?[ \t]+(?:[0-9]{{1,5}}|{_SAID_CIVIC_FR}|{_SAID_NUMBER_FR})(?![\w'’-]))?"
)
_SAID_HOME_BEFORE = re.compile(
    r"(?<!\w)(?:moved|move|moving|stay|stays|staying|ship|send|mail|d[ée]m[ée]nag(?:e|é|er|ons)|reste|restons|envoy\w*)"
    r"\b[^.!?\n]{0,25}$",
    IGNORE_CASE,
)
# Round 30 part B: a Canadian postal code said by voice-to-text after its label, its digits in words:
# "postal code B three H one A one", "code postal H deux X un Y quatre".
_SAID_DIGIT = r"(?:[0-9]|(?i:zero|oh|one|two|three|four|five|six|seven|eight|nine|z[ée]ro|un|deux|trois|quatre|cinq|sept|huit|neuf))"
_SAID_LETTER = r"(?i:[abceghj-nprstvxy])"
_POSTAL_SAID = re.compile(
    r"(?<![\w'’-])(?i:postal[ \t]+code|code[ \t]+postal|post[ \t]*code|zip)(?:[ \t]+(?i:is|est|c['’][ \t]?est))?[ \t]*[:=-]?[ \t]*"
    rf"({_SAID_LETTER}[ \t]+{_SAID_DIGIT}[ \t]+{_SAID_LETTER}[ \t,-]+{_SAID_DIGIT}[ \t]+{_SAID_LETTER}[ \t]+{_SAID_DIGIT})(?![\w'’-])"
)
_SAID_ADDRESS_KEYS = wordset("""
street st avenue ave road rd boulevard blvd drive dr lane crescent court place way rue boul chemin rang montée montee
""")
_SAID_NUMBER_KEYS = wordset("""
one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty seventy eighty ninety
hundred thousand un deux trois quatre cinq sept huit neuf dix onze douze vingt trente quarante cinquante soixante cent
cents mille
""")
# Italy's "Via Roma 15", only before its five-digit code or after an address word ("Via Rail 3
# times" is a train).
_ADDRESS_VIA = re.compile(
    r"(?<![\w'’-])[Vv]ia[ \t]+(?:[A-ZÀ-Þ][\w'’.-]*[ \t]+){0,3}[A-ZÀ-Þ][\w'’.-]*,?[ \t]+[0-9]{1,4}[A-Za-z]?(?:/[0-9A-Za-z]{1,3})?(?![\w'’-])"
    # round 44 part B: the flat or the staircase after it, "via Mazzini 34, int. 8", "Via Roma 12, scala B"
    r"(?:,?[ \t]*(?i:int|interno|scala|sc)\.?[ \t]*[0-9A-Za-z]{1,3}(?![\w'’-]))?"
)
_VIA_CONTEXT = re.compile(
    r"(?i:address|adresse|indirizzo|direcci[óo]n|live|habite|abito|vivo)[^.!?\n]{0,20}$"
)
_VIA_CODE = re.compile(r"[ \t]*+,?[ \t]*+[0-9]{5}(?![\w'’-])")
# "house no 221 sector 15", "h no 45 phase 2": a house and its sector, any case.
_HOUSE_SECTOR = re.compile(
    r"(?<![\w'’-])(?:(?i:house|h)\.?[ \t]*(?i:no|#)\.?[ \t]*[0-9]{1,5}[A-Za-z]?|[A-Za-z]-[0-9]{1,4})"  # "b-14 sector 62"
    r"[ \t]*+,?[ \t]*+(?i:sector|phase|block)[ \t]*[0-9]{1,3}(?:-?[A-Za-z])?(?![\w'’-])"  # "Sector 22-B"
)
# India, the house and its locality: "H.No. 4-56/2, Gandhi Nagar", "D.No 12-3-45, Ram Nagar Colony".
_ADDRESS_LOCALITY = re.compile(
    r"(?<![\w'’-])(?:H\.?[ \t]?No|D\.?[ \t]?No|(?i:house|door|plot)[ \t]+(?i:no))\.?[ \t]*:?[ \t]*[0-9]{1,5}[A-Za-z]?(?:[-/][0-9A-Za-z]{1,4})*"
    r"[ \t]*,[ \t]*(?:[A-ZÀ-Þ][\w'’-]*[ \t]+){0,2}(?:Nagar|Colony|Layout|Puram|Vihar|Enclave|Bagh|Ganj|Pet|Peta|Palya|Halli|Wadi|Gaon|Pada|Basti)(?![\w'’-])"
)
# The Philippines' subdivisions: "Blk 12 Lot 7 Phase 2" (then the barangay).
_ADDRESS_LOT = re.compile(
    r"(?<![\w'’-])(?i:blk|block)\.?[ \t]*[0-9]{1,4}[A-Za-z]?[ \t]*+,?[ \t]*+(?i:lot)\.?[ \t]*[0-9]{1,4}[A-Za-z]?"
    r"(?:[ \t]*+,?[ \t]*+(?i:phase|ph)\.?[ \t]*[0-9]{1,3}[A-Za-z]?)?(?![\w'’-])"
)
# A French street with no number, then its building or flat: "Rue Njo-Njo, immeuble Socar, 2e
# étage" (only with that unit: see the loop in addresses).
_RUE_NO_NUMBER = re.compile(
    r"(?<![\w'’-])(?:[Rr]ue|[Aa]venue|[Bb]oulevard|Bd|Av\.)[ \t]+(?:(?:de[ \t]+la|des|du|de)[ \t]+|(?:de[ \t]+l|d)['’])?"
    r"[A-ZÀ-Þ][\w'’-]*(?:[ \t]+[A-ZÀ-Þ][\w'’-]*){0,2}"
    r"(?=[ \t]*,[ \t]*(?i:immeuble|imm|résidence|residence|villa|bâtiment|batiment|bât|bat|appt|app|apt|porte)\b)"
)
# Round 22: the Philippine subdivision named after the block and lot: "Blk 12 Lot 8 Camella Homes".
_SUBDIVISION = re.compile(
    r"[ \t]*+,?[ \t]*+(?:[A-ZÀ-Þ][\w'’-]*[ \t]+){0,2}[A-ZÀ-Þ][\w'’-]*[ \t]+"
    r"(?:Homes|Village|Subdivision|Subd\.?|Estates?|Heights|Hills|Ville|Residences|Townhomes|Gardens?)(?![\w'’-])"
)
# Round 27: a box alone before its town, province and postal code: "Box 2247, Iqaluit NU X0A 0H0".
_BOX_BEFORE_TOWN = re.compile(
    r"(?<![\w'’-])(?i:box)[ \t]*#?[ \t]*[0-9]{1,6}(?=[ \t]*,[ \t]*[A-ZÀ-Þ][\w'’.-]*(?:[ \t]+[A-ZÀ-Þ][\w'’.-]*)?[ \t]*+,?[ \t]*+"
    r"(?:BC|AB|SK|MB|ON|QC|NB|NS|PE|NL|YT|NT|NU)[ \t]*+,?[ \t]*+[A-Z][0-9][A-Z][ \t]?[0-9][A-Z][0-9](?![\w]))"
)
# Round 27: a camp's or a village's address, its parts numbered one after the other, any case,
# with or without commas: "district 8 street 15 caravan 221", "village 5, bloc C, maison 21",
# "Plot 42, Block C", "zone 3, block 12, shelter 7": two parts at least, one of them a dwelling.
_CAMP_WORD = (
    r"(?:district|sector|section|zone|village|camp|block|bloc|blk|street|st|rue|road|lane|row|avenue|plot|house|maison"
    r"|caravan|caravane|abri|shelter|tent|tente|container|conteneur|hut|cabin|unit|parcelle)"
)
_CAMP_DWELLING = wordset(
    "plot house maison caravan caravane abri shelter tent tente container conteneur hut cabin parcelle"
)
_CAMP_PART = rf"(?i:{_CAMP_WORD})\.?[ \t]*(?:(?i:no)\.?[ \t]*|n[°º]\.?[ \t]*|#[ \t]*)?(?:[0-9]{{1,5}}[A-Za-z]?|[A-Z])(?![\w'’-])"
_CAMP_ADDRESS = re.compile(rf"(?<![\w'’-]){_CAMP_PART}(?:[ \t]*+,?[ \t]*+{_CAMP_PART})+")
# Round 27: a building named or numbered and its floor, a street on either side: "Bldg Haddad, 3rd
# floor, Hay el Sellom street", "Arax street, bldg Kevorkian 2nd floor", "immeuble Abou Khalil, 2e
# étage, rue Mar Elias", "building 14, 2nd floor" (after a word of living there: see addresses).
_BUILDING_FLOOR = re.compile(
    r"(?<![\w'’-])(?:[A-ZÀ-Þ][\w'’-]*(?:[ \t]+[\w'’-]+){0,2}[ \t]+(?i:street|st)\.?[ \t]*,[ \t]*)?"
    r"(?i:building|bldg|immeuble|imm)\.?[ \t]+(?:[0-9]{1,4}[A-Za-z]?|[A-ZÀ-Þ][\w'’-]*(?:[ \t]+[A-ZÀ-Þ][\w'’-]*){0,2})[ \t]*+,?[ \t]*+"
    r"[0-9]{1,2}(?i:e|er|ème|eme|th|st|nd|rd)[ \t]+(?i:floor|étage|etage)(?![\w'’-])"
    r"(?:[ \t]*,[ \t]*(?:(?i:rue|avenue)[ \t]+[A-ZÀ-Þ][\w'’-]*(?:[ \t]+[A-ZÀ-Þ][\w'’-]*){0,2}"
    r"|[A-ZÀ-Þ][\w'’-]*(?:[ \t]+[\w'’-]+){0,3}?[ \t]+(?i:street|st)\.?(?![\w'’-])))?"
)
# Round 27: a plot or lot with no street, after a word of living there: "Our address in Uganda: Plot
# 88", "j'habite lot 1204, Riviera 3", "Adresse : Carré 1127, Maison Hounkpatin" (Benin's plot and
# the family house); Haiti's yards and rural estates, a compound: "habite Lakou Jean-Pierre, route de
# Marchand", "vit à Habitation Lagon", "We live in Compound of Chief Lotara".
_PLOT_ALONE = re.compile(
    r"(?<![\w'’-])(?<!parking )(?<!Parking )(?:(?i:plot|lot|carré|carre|parcelle)[ \t]*(?:n[°º]\.?[ \t]*|(?i:no)\.?[ \t]*)?[0-9]{1,5}[A-Za-z]?(?![\w'’-])"
    # round 46 part B: its section or block in the scheme, "Lot 34 Section C, Enterprise"
    r"(?:[ \t]+(?i:section|sec\.|block|blk\.?|phase)[ \t]*(?:[0-9]{1,3}[A-Z]?|[A-Z])(?![\w'’-]))?"
    r"(?:[ \t]*,[ \t]*(?:(?i:maison|house)[ \t]+[A-ZÀ-Þ][\w'’-]*|[A-ZÀ-Þ][\w'’-]*(?:[ \t]+[A-ZÀ-Þ][\w'’-]*)?[ \t]+[0-9]{1,2}(?![\w'’-]))"
    r"|[ \t]+[A-ZÀ-Þ][a-zà-ÿ'’-]+(?=[ \t]*(?:[,.\n]|$)))?"  # its village: "Lot 12 Stanleytown, East Bank"
    r"|(?:Lakou|Habitation|Compound[ \t]+of(?:[ \t]+Chief)?)[ \t]+[A-ZÀ-Þ][\w'’-]*(?:[ \t]+[A-ZÀ-Þ][\w'’-]*)?"
    r"(?:[ \t]*,[ \t]*(?i:route|chemin|rue)[ \t]+(?:(?i:de[ \t]+la|des|du|de)[ \t]+|(?i:d|l)['’])?[A-ZÀ-Þ][\w'’-]*)?)"
)
# Round 27: a street without its type but with its side, then its unit: "3674 Sainte-Catherine Est,
# room 12"; Islamabad's flat and its sector: "Flat 3B, G-11/2 Markaz".
_TYPELESS_SIDE_UNIT = re.compile(
    r"(?<![\w'’/.-])[0-9]{2,5}[ \t]+[A-ZÀ-Þ][\w'’-]+(?:[ \t]+[A-ZÀ-Þ][\w'’-]+)?[ \t]+(?:Est|Ouest|Nord|Sud|East|West|North|South|E|W|O|N|S)\.?"
    r"(?=[ \t]*,[ \t]*(?i:room|rm|apt|app|appt|unit|chambre|ch|suite|bureau)\.?[ \t]*#?[0-9])"
    r"|(?<![\w'’-])(?i:flat|house|apt)[ \t]*[0-9]{1,4}[A-Za-z]?[ \t]*,[ \t]*[A-Z]-[0-9]{1,2}(?:/[0-9])?(?:[ \t]+Markaz)?(?![\w'’/-])"
)
_FLIGHT_BEFORE = re.compile(r"(?i:flight|vol|bus|train|route|gate|porte|terminal|room|salle|no|#)\.?[ \t]*$")
_LIVING_SENTENCE = re.compile(
    r"(?<!\w)(?:habit\w*|r[ée]sid\w*|demeur\w*|adresse|address|addr|live[sd]?|living|stay(?:s|ing)?|reste|restons|vit|vivons|vivent"
    r"|log[ée]s?|h[ée]berg[ée]e?s?|camp|settlement|families|famille"
    # round 34 part B: a person's contact details, "les coordonnées de mon père : Immeuble Nassar, 2e étage, ..."
    r"|coordonn[ée]es|contact[ \t]+details)(?!\w)[^.!?\n]{0,70}$",
    IGNORE_CASE,
)
_NOT_HOME_BEFORE = re.compile(
    r"(?<!\w)(?:office|bureau|clinic|clinique|hospital|h[ôo]pital|school|[ée]cole|centre|center|store|shop|magasin|company|entreprise"
    r"|employer|employeur|restaurant|church|[ée]glise|mosque|mosqu[ée]e)(?!\w)[^.!?\n]{0,40}$",
    IGNORE_CASE,
)
_NAMED_BUILDING = re.compile(
    r"[ \t]*,[ \t]*[A-ZÀ-Þ][\w'’-]+(?:[ \t]+[A-ZÀ-Þ][\w'’-]+)?[ \t]+(?:Plaza|Tower|Towers|Complex|Apartments|Court|Centre|Center|Mall)(?![\w'’-])"
)


# Round 28: a road named by its number ("6011 No. 3 Road, #1207", Richmond BC's).
_NUMBERED_ROAD = re.compile(
    rf"{NOT_BEFORE}{_UNIT_BEFORE}{_CIVIC},?{_GAP}(?:No\.?|Number){_GAP}?[0-9]{{1,2}}{_GAP}(?:Road|Rd)\.?(?![\w'’-]){_DIRECTION}{_UNIT_AFTER}"
)
# Round 28: a form's address line, all of it after its label: "Address line 1: Apt. 710".
_ADDRESS_LINE = re.compile(
    r"(?i:address[ \t]+line|adresse[ \t]+ligne|ligne[ \t]+d['’]adresse)[ \t]*[12][ \t]*:[ \t]*"
    r"((?=[^\n]{0,60}[0-9])[^\s,;][^\n]{0,58}[^\s,;.])[ \t]*$",
    re.MULTILINE,
)
# Round 46 part B: a flat in a numbered tower or block, no street (India's, the Gulf's housing societies): "Flat 12B,
# Tower 4, ...", "Apt 302, Block C".
_FLAT_TOWER = re.compile(
    r"(?<![\w'’-])(?i:flat|apartment|apt|unit)\.?[ \t]*(?:(?i:no)\.?[ \t]*)?[0-9]{1,4}[A-Z]?[ \t]*,[ \t]*"
    r"(?i:tower|block|blk|wing)\.?[ \t]*(?:(?i:no)\.?[ \t]*)?(?:[0-9]{1,3}[A-Z]?|[A-Z])(?![\w'’-])"
)
# Round 49 part C: a street named without its type, as Montreal writes its long streets: the civic number, the particle,
# the name and its cardinal point ("1000 de la Gauchetière Ouest, suite 2400", "1455 de Maisonneuve O.", "2100 du Parc
# Est, app. 4"), the unit after it too. The cardinal point tells the street from "1000 de la Banque" (a sum).
_ADDRESS_FR_NO_TYPE = re.compile(
    r"(?<![\w'’/.,$€£-])[0-9]{1,5}[A-Za-z]?,?[ \t]+(?:de[ \t]+la|de[ \t]+l['’]|du|des|de)[ \t]*"
    r"(?-i:[A-ZÀ-Þ])[\w'’]*+(?:[ \t-](?!(?:Ouest|Est|Nord|Sud|O|E)(?![\w'’-]))(?-i:[A-ZÀ-Þ])[\w'’]*+){0,2}+[ \t]+"
    r"(?-i:Ouest|Est|Nord|Sud|O\.|E\.)"
    r"(?![\w'’-])(?:[ \t]*+,?[ \t]*+(?i:suite|bureau|app|appt|apt|appartement|unit|unité|local)\.?[ \t]*#?[ \t]*[0-9]{1,5}[A-Za-z]?(?![\w'’-]))?"
)
_EXPRESSIONS = (  # (expression, one of these words must be in the text, group to mask)
    (_ADDRESS_FR_NO_TYPE, wordset("ouest est nord sud o e"), 0),
    (_FLAT_TOWER, wordset("tower block blk wing"), 0),
    (_NUMBERED_ROAD, wordset("road rd"), 0),
    (_ADDRESS_LINE, wordset("line ligne"), 1),
    (_ESTATE, wordset("cité cite lotissement résidence residence quartier"), 0),
    (
        _ADDRESS_EN,
        keywords(STREET_TYPES_EN) | keywords(STREET_TYPES_EN_CAPITALISED) | wordset("cross main"),
        0,
    ),
    (_ADDRESS_FR, keywords(STREET_TYPES_FR), 0),
    (
        _ADDRESS_ROUTE,
        wordset(
            "highway hwy route rte county regional concession side sideroad range township rural rang line"
        ),
        0,
    ),
    (_PO_BOX, wordset("po p box postale boîte boite post rr r rural bp site"), 0),
    (_GENERAL_DELIVERY, wordset("delivery restante livraison"), 0),
    (_ADDRESS_NUMBERED_RUE, wordset("rue porte"), 0),
    (
        _ADDRESS_TYPE_FIRST,
        wordset("""
        calle carrera cra cl avenida av avda rua rúa travessa alameda rodovia estrada jirón jiron jr paseo calzada
        viale piazza corso camino diagonal transversal callejón callejon pasaje praça praca largo
        ul vul ulica vulytsia ulitsa prosp prospekt provulok bulv str strada вул ул вулиця улица просп проспект пров пер бул бульв бульвар bulevardul calea șoseaua soseaua aleea
        c avinguda avgda carrer passeig bd bdul dul odos odós leoforos leof rehov rechov sderot derech bul bulevard
    """),
        0,
    ),
    (_ADDRESS_RUE_FIRST, wordset("rue chaussée chaussee drève dreve quai clos"), 0),
    (
        _ADDRESS_TYPE_THEN_NUMBER,
        wordset("rue chemin ch avenue av boulevard bd allée allee impasse ruelle quai route rte"),
        0,
    ),
    (_ADDRESS_NUMBERED_STREET, wordset("calle carrera cra cl kr diagonal transversal avenida av ave"), 0),
    (_ADDRESS_JALAN, wordset("jalan jln jl"), 0),
    (_JALAN_NUMBER_FIRST, wordset("jalan jln jl"), 0),
    (_ADDRESS_MOO, wordset("moo mu"), 0),
    (_MICRODISTRICT, wordset("mkr mkrn микрорайон мкр mikrorayon"), 0),
    (_ADDRESS_DERB, wordset("derb zenkat znika impasse"), 0),
    (
        _ADDRESS_VIETNAM_BARE,
        wordset("hà ha hanoi hcmc tp hcm hồ ho saigon sài sai đà da hải hai huế hue cần can nha vũng vung biên bien"),
        0,
    ),
    (_MALAGASY_LOT, wordset("lot"), 0),
    (_NAME_TYPE_NUMBER, wordset("ulica ul ulitsa utca ulice st"), 0),
    (
        _ADDRESS_BUILDING_FLAT,
        wordset("edif edificio qta quinta res residencia residencias torre conj conjunto"),
        0,
    ),
    (_ADDRESS_HOUSE, wordset("house h plot"), 0),
    (_HOUSE_SECTOR, wordset("sector phase block"), 0),
    (
        _ADDRESS_LOCALITY,
        wordset(
            "nagar colony layout puram vihar enclave bagh ganj pet peta palya halli wadi gaon pada basti"
        ),
        0,
    ),
    (_ADDRESS_LOT, wordset("lot"), 0),
    (_VILLA_FIRST, wordset("villa maison"), 0),
    (_ADDRESS_ILOT, wordset("îlot ilot"), 0),
    (_ADDRESS_TYPELESS, wordset("bc ab sk mb on qc nb ns pe nl yt nt nu"), 0),
    (_ADDRESS_VIETNAM, wordset("phố pho đường duong ngõ ngo ngách ngach hẻm hem kiệt kiet"), 0),
    (_ADDRESS_PUROK, wordset("purok sitio"), 0),
    (_ADDRESS_CITE, wordset("cité cite"), 0),
    (
        _PREFIXED_STREET,
        wordset(
            "apartments apts residency residences tower towers heights enclave complex society chs nagar building bldg niwas nivas bhavan bhawan sadan kunj villa chambers mansion"
        ),
        0,
    ),
    (
        _PREFIXED_BUILDING,
        wordset(
            "apartments apts residency residences tower towers heights enclave complex society chs niwas nivas bhavan bhawan sadan kunj chambers mansion"
        ),
        0,
    ),
    (_ADDRESS_VIA, wordset("via"), 0),
    (_ADDRESS_IRAN, wordset("kouche koocheh kooche kuche kucheh pelak plak"), 0),
    (
        _CALLE_ANY_CASE,
        wordset(
            "int interior local loc depto dpto apto apt casa piso of oficina col colonia zona fracc fraccionamiento barrio cp c"
        ),
        0,
    ),
    (_ADDRESS_WARD_NEXT, wordset("quận quan q phường phuong p district dist ward huyện huyen"), 0),
    (_ADDRESS_KIGALI, wordset("kg kn kk"), 0),
    (_ADDRESS_PINYIN, wordset("lu jie dajie dadao hutong"), 0),
    (_ADDRESS_TURKISH, wordset("cad cd caddesi sok sk sokak sokağı blv bulvarı bul mah mahallesi"), 0),
    (
        _ADDRESS_UNITS,
        wordset("house building bldg flat apt villa block blk woreda kebele ward plot porte quartier lot"),
        0,
    ),
    (_ADDRESS_SOI, wordset("soi thanon"), 0),
    (
        _ADDRESS_LABELLED,
        wordset(
            "address adresse live reside stay living habite demeure réside reste domicile domicilio morada dirección"
            " direccion endereço endereco indirizzo anschrift wohnadresse wohnort adres adresa tirahan"  # (round 48 part C)
        ),
        1,
    ),
    (_ADDRESS_TERSE, wordset("address adress addres adresse addr adr"), 1),
    (_TYPE_FIRST_LOWER, wordset("calle rua avenida travessa alameda estrada jirón jiron calzada rodovia"), 0),
    (_BOX_BEFORE_TOWN, wordset("box"), 0),
    (_CAMP_ADDRESS, _CAMP_DWELLING, 0),
    (_BUILDING_FLOOR, wordset("floor étage etage"), 0),
    (_PLOT_ALONE, wordset("plot lot carré carre parcelle lakou habitation compound"), 0),
    (_TYPELESS_SIDE_UNIT, wordset("est ouest nord sud east west north south e w o n s flat house apt"), 0),
)


# A postal code of another country after an address, on its line, before or after the city:
# "12 rue des Lilas, 69003 Lyon", "27 Elm Road, London E17 9PL", "São Paulo, SP 01310-100",
# "Bandra West, Mumbai 400050", "Calle Mayor 5, 28013 Madrid", "1012 AB Amsterdam".
# (round 47 part C: every run of blanks possessive; each is followed by a sign, a word or the code, never by a blank.
# "1123 Rizal Ave" + 400 blanks + "Ext, ..." took 11 s: the blanks were shared out among the runs every way)
_POSTAL_AFTER = re.compile(
    r"[ \t]*+[.,]?(?:[ \t]*+[,-]?[ \t]*+(?:[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][^\W\d_]*(?:[.'’/-][^\W\d_]+)*\.?(?![\w])|(?:de|da|do|del|la|le|sur|upon|on|a|à|in|en|at)(?=[ \t]+[A-Z])"
    # a ward or district between the street and the code: "Ben Nghe ward, district 1, 700000"
    r"|(?i:ward|district|dist\.|quận|quan|phường|phuong|sector|phase)(?:[ \t]+[0-9]{1,2}(?![0-9]))?)){0,5}"
    r"[ \t]*+[,-]?[ \t]*+("
    r"[0-9]{5}(?:-[0-9]{5}|-[0-9]{3,4})?|[0-9]{6}|[0-9]{4}[ \t]?[A-Z]{2}|[0-9]{2}-[0-9]{3}|[0-9]{3}[ \t][0-9]{2}"
    r"|[0-9]{4}-[0-9]{3}(?=[ \t]+[A-ZÀ-Þ])"  # round 33 part B: Portugal's, before the town: "1100-420 Lisboa"
    r"|[A-Z]{1,2}[0-9][A-Z0-9]?[ \t]?[0-9][A-Z]{2}"
    # a country's letters before the digits: Haiti "HT6110", Latvia "LV-1010", Moldova "MD-2001"
    r"|(?:HT|LV|LT|MD|AZ|BB|AD)[ \t-]?[0-9]{3,5}"
    # four digits joined to the city by a hyphen (Bangladesh, Nepal): "Dhaka-1213"
    r"|(?<=[^\W\d_]-)[0-9]{4}"
    # Round 27: Iran's ten digits after the city ("Tehran 1966733111"; not a North American phone: see addresses)
    r"|[1-9][0-9]{4}-?[0-9]{5}"
    # four digits before the city (Belgium, Switzerland, Austria, Denmark...): "1040 Etterbeek"
    r"|(?<![0-9])(?<!(?i:apt)[ \t])(?<!(?i:app)[ \t])(?<!(?i:unit)[ \t])(?<!(?i:suite)[ \t])[0-9]{4}(?=[ \t]+[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ])"
    r")(?![\w/-])"
)


# A code in brackets after the address: "테헤란로 152, 1203호 (06236)", "Calle 5 #12 (110111)".
_POSTAL_IN_BRACKETS = re.compile(r"[ \t]*+,?[ \t]*+\(([0-9]{5,6})\)")
# Brazil's CEP on a line of its own under the district and the city: "Rua Augusta, 1508, apto 72 -
# Consolação\nSão Paulo - SP\n01304-001" (lines of words only between).
_CEP_LINES = re.compile(
    r"(?:[^\W\d_]*+[ \t,.'’-]*+)*+\n(?:[ \t]*+(?:[^\W\d_]++[ \t,.'’-]*+)++\n)?[ \t]*(?:CEP[ \t:]*)?([0-9]{5}-[0-9]{3})(?![\w/-])"
)


# Round 33 part B: the code on the envelope's next line, alone or with its city and before the
# city or after it: "24 rue Bara\n44000 Nantes", "Flat 12, 88 Kingsland Road\nE2 8DP",
# "...\nLondon E2 8DP", "...\n1040 Bruxelles" (four digits only before a town, never a year).
_CODE_NEXT_LINE = re.compile(
    # the district or town after a comma on the address's line: "4 Privet Dr, Little Whinging\nSurrey GU1 3AA"
    r"(?:[ \t]*,[ \t]*[A-ZÀ-ÖØ-Þ][^\W\d_]++(?:[-'’][^\W\d_]++)*+(?:[ \t]+[A-ZÀ-ÖØ-Þ][^\W\d_]++(?:[-'’][^\W\d_]++)*+){0,2})?"
    r"[ \t]*+,?[ \t]*+\n[ \t]*"
    # or on the line after the town's: "10 Downing St\nLondon\nSW1A 2AA"
    r"(?:(?:[A-ZÀ-ÖØ-Þ][^\W\d_]++(?:[-'’][^\W\d_]++)*+[ \t]*+,?[ \t]*+){1,3}\n[ \t]*)?(?:"
    r"(?:[A-ZÀ-ÖØ-Þ][^\W\d_]++(?:[-'’][^\W\d_]++)*+[ \t]*+,?[ \t]*+){0,3}"
    # (round 41 part B: the country's letters joined to it on a signature's line, "CH-1205 Genève", "F-75011 Paris")
    r"(?:((?:(?:F|D|I|FR|DE)-)?[0-9]{5}(?:-[0-9]{3,4})?|[0-9]{2}-[0-9]{3})(?![\w/-])(?=[ \t]*(?:$|[\n,.;)(]|[ \t][A-ZÀ-ÖØ-Þ]))"
    r"|([A-Z]{1,2}[0-9][A-Z0-9]?[ \t]?[0-9][A-Z]{2})(?![\w/-]))"
    r"|((?:(?:CH|FL|B|L|A|BE|LU)-)?(?!(?:19|20)[0-9]{2})[0-9]{4})(?=[ \t]+[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ])"
    r")"
)


# A code after a city of the lists in any case: "house no 221 sector 15 chandigarh 160015".
_PIN_AFTER_CITY = re.compile(
    rf"[ \t]*+,?[ \t]*+(?:{_CITY}[ \t]*+,?[ \t]*+([0-9]{{5,6}})"
    r"|(?:(?i:distt?|dist|district|tehsil|teh|taluka|tq)\.?[ \t]+)?[^\W\d_]{3,20}[ \t]*+,?[ \t]*+([0-9]{6}))(?![\w/-])"
)
# Round 39 part B: India's PIN after its state, its six digits typed 3 + 3 too ("..., Ludhiana, Punjab 742 079").
_INDIAN_STATE = (
    r"Punjab|Haryana|Gujarat|Maharashtra|Rajasthan|Karnataka|Kerala|Tamil[ \t]+Nadu|Telangana|Andhra[ \t]+Pradesh"
    r"|Uttar[ \t]+Pradesh|Madhya[ \t]+Pradesh|Himachal[ \t]+Pradesh|Bihar|West[ \t]+Bengal|Odisha|Orissa|Delhi|Uttarakhand"
    r"|Jharkhand|Chhattisgarh|Assam|Goa|U\.?P\.?|M\.?P\.?"
)
_PIN_AFTER_STATE = re.compile(
    rf"[ \t]*+,?[ \t]*+(?:[A-Z][\w'’.-]*[ \t]*,[ \t]*)?(?:{_INDIAN_STATE})[ \t]*+,?[ \t]*+-?[ \t]*([1-9][0-9]{{2}}[ \t]?[0-9]{{3}})(?![\w/-])"
)


# A neighbourhood named after its word (a colonia, quartier, hay, ward, barangay, bairro...).
_NEIGHBOURHOOD_NAME = r"[A-ZÀ-ÞĐ0-9][\w'’.-]*(?:[ \t]+(?:[A-ZÀ-ÞĐ0-9][\w'’.-]*|(?:de|del|la|las|los|do|da|dos|das|el)(?=[ \t]+[A-ZÀ-Þ]))){0,3}"
_NEIGHBOURHOOD = (
    r"(?:Col\.|(?i:colonia|fracc\.|fraccionamiento|barrio|bairro|urb\.|urbanizaci[óo]n|quartier|hay|phường|phuong|brgy\.?|bgy\.?|barangay))"
    rf"[ \t]+{_NEIGHBOURHOOD_NAME}"
)
# What follows a street, each after a comma: "Int. 4", "kv. 12", "bât. B", "3e étage", "appt 16",
# "succ. Place-d'Armes", a named building before its unit ("Résidence Al Amal, Apt 7").
_UNIT_TAIL = re.compile(
    r"[ \t]*,[ \t]*(?:"
    r"(?i:int|interior|kv|apt|app|appt|apto|depto|dpto|flat|unit|suite|room|rm|bât|bat|bt|bâtiment|batiment|esc|escalier"
    # Brazil's office suite, house, block ("conj. 92", "casa 2", "bloco B"), a house number after the street
    r"|conj|cj|sala|casa|bloco|lote|quadra|qd"
    r"|porte|imm|immeuble|villa|bloc|block|blk|bldg|building|piso|floor|fl|ward|phường|phuong"
    # Romania's block, stair, flat ("bl. A3, sc. 2, ap. 41"), Russia's building ("korp. 2"), a house
    r"|bl|sc|ap|et|korp|house|maison"
    # Round 27: a shelter's or a hotel's room, a lot, a camp's shelter ("chambre 314", "ch. 12", "Lot 12", "abri 14")
    r"|chambre|ch|lot|abri|caravan|caravane|tent|tente)\.?(?:(?:(?<=[Bb]lock)|(?<=[Bb]lk)|(?<=[Bb]loc))-(?=[0-9A-Z]))?[ \t]*(?:n[°º]\.?[ \t]*)?"  # round 39: "Block-K"
    r"(?:[0-9]{1,5}[A-Za-z]?|[A-Z][0-9]{1,3}|[A-Z](?![ \t]+[A-ZÀ-Þ][a-zà-ÿ]))(?![\w'’-])"
    r"|[0-9]{1,2}(?i:e|er|ère|ème|eme|th|st|nd|rd)[ \t]+(?i:étage|etage|floor|fl)\.?(?![\w'’-])"
    r"(?:[ \t]+(?i:porte|app|appt|apt)\.?[ \t]*[0-9]{1,4}[A-Za-z]?(?![\w'’-]))?"  # "2e etage porte 5"
    # round 32 part B: the floor's ordinal alone closing the address: "rue Sursock, imm. 14, 2e"
    r"|[0-9]{1,2}(?i:e|er|ère|ème|eme)(?=[ \t]*(?:[.;!\n]|$))"
    # round 28: the floor in Portuguese and Spanish: "Rua das Flores 123, 2º andar", "3er piso"
    r"|[0-9]{1,2}[ \t]?(?:º|°|ª|o|er|do|ro|to)?\.?[ \t]*(?i:andar|piso)(?![\w'’-])"
    r"(?:[ \t]*(?i:esq|dto|dir|esquerdo|direito)\.?(?![\w'’-]))?"
    # round 33 part B: the floor's ordinal and the door, as Portugal and Spain write them: "2º Esq", "3º B", "1.º Dto"
    r"|[0-9]{1,2}[ \t]?\.?[º°ª][ \t]*(?:(?i:esq|dto|dir|esquerdo|direito|izq|izda|dcha)\.?|[A-Z])?(?![\w'’-])"
    # a landmark, as Indian addresses give it: "Near Sai Temple", "Opp. Bus Stand"
    r"|(?:Near|Opp\.?|Opposite|Behind|Beside)[ \t]+[A-ZÀ-Þ][\w'’-]*(?:[ \t]+[A-ZÀ-Þ][\w'’-]*){0,2}"
    # an alley after the street: "Valiasr St, Golestan Alley"
    r"|[A-ZÀ-Þ][\w'’-]*(?:[ \t]+[A-ZÀ-Þ][\w'’-]*){0,2}[ \t]+(?:Alley|Lane|Kuche|Koocheh)(?![\w'’-])"
    # round 34 part B: the alley's word first, "Valiasr St, Kooche Golha", "Vanak Sq, Kh. Gandhi"
    r"|(?:Kooche|Koocheh|Kuche|Kucheh|Kouche|Kh\.|Khiaban|Khiyaban)[ \t]+[A-ZÀ-Þ][\w'’-]*(?:[ \t]+[A-ZÀ-Þ][\w'’-]*){0,2}(?=[ \t]*,)"
    # the rural route after the highway: "1536 Highway 3, RR#1", "RR 2 Site 5 Box 14"
    r"|(?i:no|n[°º])\.?:?[ \t]*[0-9]{1,5}[A-Za-z]?(?![\w'’-])"  # the house after the street: "Valiasr St, No. 14"
    r"|(?:RR|rr|R\.R\.|r\.r\.)[ \t]*#?[ \t]*[0-9]{1,3}(?:[ \t]*+,?[ \t]*+(?i:site|box|comp)[ \t]*#?[ \t]*[0-9]{1,6})*(?![\w'’-])"
    r"|(?i:succ|succursale|station|stn)\.?[ \t]+[A-ZÀ-Þ][\w'’-]*(?:[ \t]+(?:d['’]|de[ \t]+|du[ \t]+|des[ \t]+)?[A-ZÀ-Þ][\w'’-]*)?"
    # Round 27: the basement, a box after the street, a residence hall ("basement unit", "sous-sol",
    # "C.P. 22", "pavillon Parent")
    r"|(?i:basement(?:[ \t]+(?:unit|apt|apartment|suite))?|sous-sol|rez-de-chaussée|rez-de-chaussee)(?![\w'’-])"
    r"|(?i:c\.p\.|case[ \t]+postale|p\.?[ \t]?o\.?[ \t]*box|box)[ \t]*#?[ \t]*[0-9]{1,6}(?![\w'’-])"
    r"|(?i:pavillon)[ \t]+[A-ZÀ-Þ][\w'’-]*(?:[ \t]+[A-ZÀ-Þ][\w'’-]*)?(?=[ \t]*,)"
    r"|(?i:résidence|residence|immeuble|building)[ \t]+[A-ZÀ-Þ][\w'’-]*(?:[ \t]+[A-ZÀ-Þ][\w'’-]*){0,2}"
    r"(?=[ \t]*,[ \t]*(?:(?i:apt|app|appt|imm|bât|bat|esc|villa|flat|unit|room)\b|[0-9]{1,2}(?i:e|er|ème|eme|th|st|nd|rd)[ \t]+(?i:étage|etage|floor)))"
    r")"
)
# What comes before the street abroad: "Flat 4, Block C, ", "Room 1802, Building 3, ", "B-204,
# Shanti Apartments, ", "Résidence Al Amal, Imm. 4, ".
_PREFIX_PART = (
    r"(?:[0-9]{1,2}(?i:e|er|ère|ème|eme|th|st|nd|rd)[ \t]+(?i:étage|etage|floor)"
    r"|(?i:apartment|flat|room|rm|apt|appt|unit|suite|block|bloc|blk|building|bldg|tower|floor|villa|imm|immeuble|bât|bat|bt|esc|house"
    r"|chambre|app|appartement"  # round 28: a residence's room before the address: "chambre 12, 250 boulevard ..."
    r"|bsmt|basement"  # round 38 part B: "bsmt 2, 45 Elm Crescent"
    r"|ward[ \t]+(?i:no)\.?"  # round 39 part B: Nepal's and India's ward before the tole or house: "Ward No. 13, Tole 3"
    r"|can[ \t]+ho|căn[ \t]+hộ|toa[ \t]+nha|tòa[ \t]+nhà)"
    r"\.?[ \t]*(?:n[°º]\.?[ \t]*)?(?:[0-9]{1,5}[A-Za-z]?(?:/[0-9]{1,2})?|[A-Z][0-9]{0,3})"  # round 33 part B: Glasgow's "flat 2/1"
    r"|[A-Z]-[0-9]{1,4}"
    r"|[A-ZÀ-Þ][\w'’-]+(?:[ \t]+[A-ZÀ-Þ][\w'’-]+){0,2}[ \t]+(?:Apartments|Apts|Residency|Residences|Towers?|Heights|Mansions?|Condominiums?|Plaza|Court|Gardens?|Estate)"
    r"|(?:Résidence|Residence|Cité|Cite)[ \t]+[A-ZÀ-Þ0-9][\w'’-]*(?:[ \t]+[\w'’-]+){0,2})"
)
# The neighbourhood after an address without a street: "Résidence Al Amal Imm 4 Appt 12, Hay Riad".
_NEIGHBOURHOOD_NEXT = re.compile(rf"[ \t]*,[ \t]*{_NEIGHBOURHOOD}")
# Round 34 part B: the area after any street, each after a comma: an Indian nagar ("22, 3rd Cross Street, Besant
# Nagar", "B-14, Lajpat Nagar II"), an estate's phase ("Lekki Gardens Estate, Phase 4"); the town after them is
# left, and so are a colonia, a commune and a sector (the earlier sets leave them out: heldout12-52 but 27).
_AREA_NEXT = re.compile(
    r"[ \t]*,[ \t]*(?:(?:[A-ZÀ-Þ][\w'’-]*[ \t]+){1,2}(?:Nagar|Colony|Layout|Enclave|Estate|NAGAR|COLONY|LAYOUT|ENCLAVE|ESTATE)"
    # (round 46 part B: its phase or stage, "JP Nagar 6th Phase", "BTM Layout 2nd Stage")
    r"(?:[ \t]+(?:[IVX]{1,3}|[0-9]{1,2}(?:(?i:st|nd|rd|th)[ \t]+(?i:phase|stage|block|sector))?))?"
    # (round 47 part C: or the nagar's sector, "14 Nehru Nagar, Sector 5"; Sector 5 in / 3 out, round 38's count)
    r"|(?i:phase|sector)[ \t]*[0-9]{1,2}[A-Z]?)(?![\w'’-]|[ \t]+(?i:of|de|du)(?![\w'’-]))"
)
# Round 47 part C: the area and its phase after an address of units with no street ("Plot 12, Block C, Lekki Phase 1"):
# inside, the one thing that places it; after a street ("No 14 Admiralty Way, Lekki Phase 1") heldout68 and 79 leave it.
_PHASE_AREA_NEXT = re.compile(
    r"[ \t]*+,[ \t]*+(?:[A-ZÀ-Þ][\w'’-]*+[ \t]++){1,2}(?:Phase|PHASE)[ \t]*+[0-9]{1,2}[A-Z]?(?![\w'’-])"
)
# Round 38 part B: a district named by its designator after the street, before the town, inside the address, as most
# tuned sets label it (counted over them, per designator: -gu 3 in, 1 out; -ku 3/1; Cité 9/0; GRA, CHS, Society,
# Estate 5/0; an estate's phase 4/0): "45 Sejong-daero, Jongno-gu", "14 Lotissement Essalam, Cité El Malik", "No. 7
# Olaniyan Close, Magodo GRA Phase 2". Not a colonia, a quartier or a district (Col. 9 out, 5 in; quartier 6/4;
# district 11/1), nor a district without a designator ("Banani", "Dzorwulu": the older sets leave them).
_DESIGNATED_DISTRICT = re.compile(
    r"[ \t]*,[ \t]*(?:"
    r"(?:Cité|Cite)[ \t]+[A-ZÀ-Þ][\w'’-]*(?:[ \t]+(?:[A-ZÀ-Þ][\w'’-]*|(?:de|des|du|el|la|les)(?=[ \t]+[A-ZÀ-Þ]))){0,3}"
    r"|[A-ZÀ-Þ][a-zà-ÿ]++-(?:gu|ku|dong)"
    r"|(?:[A-ZÀ-Þ][\w'’-]*+[ \t]+){1,3}(?:GRA|CHS|Society|Estate)(?:[ \t]+(?i:phase)[ \t]*[0-9]{1,2}[A-Z]?)?"
    r")(?![\w'’-])"
)
# Round 38 part B: Brazil's bairro between the street and the city, when a CEP closes the line ("Rua Augusta, 1508,
# apto 12, Consolação, São Paulo, CEP 01304-001", "..., Moinhos de Vento, Porto Alegre RS 90570-080"): inside the
# address, as every tuned set that writes one labels it (8 in; heldout33's "- Consolação" on the city's line, out).
_BRAZIL_STREET = re.compile(r"(?i:rua|avenida|av|alameda|travessa|pra[çc]a|estrada|rodovia)\.?[ \t]")
_BAIRRO_NAME = (
    r"(?!CEP\b)[A-ZÀ-Þ][\w'’-]*+(?:[ \t]+(?:[A-ZÀ-Þ][\w'’-]*+|(?:de|do|da|dos|das)(?=[ \t]+[A-ZÀ-Þ]))){0,3}+"
)
_BAIRRO_NEXT = re.compile(
    rf"[ \t]*,[ \t]*({_BAIRRO_NAME})(?=[ \t]*,[ \t]*{_BAIRRO_NAME}(?:[ \t]*[-/,]?[ \t]*[A-Z]{{2}}(?![\w'’-]))?"
    r"[ \t]*+,?[ \t]*+(?:(?i:cep)[ \t:]*)?[0-9]{5}-?[0-9]{3}(?![\w/-]))"
)
_ESTATE_WORD = re.compile(r"[ \t]+(?:Estate|Estates)(?![\w'’-])")
_NAGAR_NUMBER = re.compile(r"[ \t]+(?:[IVX]{1,3}|[0-9]{1,2}(?:(?i:st|nd|rd|th)[ \t]+(?i:phase|stage|block|sector))?)(?![\w'’-])")
_RURAL_ROUTE = re.compile(r"(?:RR|R\.R\.)[ \t]*#?[ \t]*[0-9]")
_BUILDING_END = re.compile(r"(?<![\w'’-])(?:Bldg|Building|Tower|Block|Blk|Bloc|Immeuble|Imm)\.?\Z")
_BUILDING_NUMBER = re.compile(r"[ \t]+(?:n[°º]\.?[ \t]*)?[0-9]{1,3}[A-Z]?(?![\w'’/-]|[.,][0-9])")
_BLOCK_LETTER_BEFORE = re.compile(r"[A-Z]-(?=[0-9])")
_AREA_KEYS = wordset("nagar colony layout enclave estate phase")
_UNIT_PREFIX = re.compile(rf"(?<![\w'’-])(?:{_PREFIX_PART}[ \t]*,[ \t]*)+$")
# Four-digit codes (the Philippines, Tunisia, Belgium...) after the city, or before it:
# "Taguig City 1634", "Rizal 1870", ", 1001 Tunis".
_POSTAL_FOUR = re.compile(
    r"\.?[ \t]*,?(?:[ \t]*\n(?:[ \t]*(?i:city|town|ville|ciudad|province|municipality)[ \t]*:)?)?(?:[ \t]*+,?[ \t]*+(?!(?i:apt|app|appt|apto|unit|suite|flat|room|rm|bldg|building|floor|box|ste)\.?(?![^\W\d_]))[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:[.'’-][^\W\d_]+)*){1,4}[ \t]+([0-9]{4})(?![\w/-])"
    r"|[ \t]*,[ \t]*([0-9]{4})(?=[ \t]+[A-ZÀ-Þ][a-zà-ÿ])"
)


# Round 22: the city typed in lower case, before a code whose shape says what it is: a state
# and a ZIP ("chicago IL 60659"), a British postcode ("london SW9 8PR"), or four digits after a
# capitalised town ("Bacoor cavite 4102", not a year).
_POSTAL_AFTER_LOWER = re.compile(
    r"[ \t]*+,?[ \t]*+(?:[^\W\d_][\w'’.-]*+[ \t]*+,?[ \t]*+){1,3}(?:"
    r"(?-i:[A-Z]{2})[ \t]*+,?[ \t]*+([0-9]{5}(?:-[0-9]{4})?)"
    r"|([A-Z]{1,2}[0-9][A-Z0-9]?[ \t]?[0-9][A-Z]{2})"
    r")(?![\w/-])"
    r"|[ \t]*+,?[ \t]*+[A-ZÀ-Þ][^\W\d_]+(?:[ \t]*+,?[ \t]*+[^\W\d_]+){1,2}[ \t]*+,?[ \t]*+(?!(?:19|20)[0-9]{2})([0-9]{4})(?![\w/-])"
)


# Round 41 part B: a unit's word right before four digits: the flat's number, not a code.
_UNIT_WORD_END = re.compile(
    r"(?<![\w'’-])(?i:apt|apto|app|appt|apartment|appartement|unit|unité|unite|suite|ste|flat|room|rm|bureau|piso|dpto|depto"
    r"|bldg|building|floor|étage|etage|bloc|block|box|casa|lot)\.?[ \t]*#?[ \t]*$"
)


# An address followed by the hour one is expected there: a convocation, not a home.
_APPOINTMENT_AFTER = re.compile(
    r"[^\n.!?0-9]{0,30}?(?:\b(?:at|à|a)[ \t]+[0-9]{1,2}(?:[:h][0-9]{2})?[ \t]*(?i:am|pm|a\.m\.|p\.m\.|h)"
    r"|\b(?:at|à)[ \t]+[0-9]{1,2}[:h][0-9]{2})(?![\w])",
    IGNORE_CASE,
)


# Round 48 part C: four digits after the street, before a town of the lists typed in lower case, as clients in a hurry
# write Switzerland's, Belgium's, Austria's, Denmark's or Norway's code ("12 rue de carouge 1205 geneve", "22 kongens
# gate 0153 oslo"): the code (a capitalised town is _POSTAL_AFTER's); a town off the lists when no common word, the
# address's last ("8 avenue des arts 1040 etterbeek"; not "45 Main Street 2000 dollars").
_FOUR_BEFORE_LOWER_TOWN = re.compile(
    r"[ \t]*+,?[ \t]*+((?:(?:CH|B|A|L|DK|N)-)?[0-9]{4})[ \t]++([^\W\d_][\w'’-]*+)(?![\w'’-])"
)
_TOWN_CLOSES = re.compile(r"[ \t]*+(?:[,.;!?)\n]|\Z)")  # a town off the lists: its word the address's last
_LOWER_TOWNS = frozenset(
    w.lower() for w in PLACES | CITY_NAMES | HOME_TOWNS | frozenset(_POSTAL_CITIES) if len(w) > 2
)
# Round 48 part C: a street given its civic number before it ("27 rue du marche aux herbes 1000") and four digits after
# its name: not a second civic number but the code (Belgium's, Switzerland's... the town named before or after).
_CIVIC_BEFORE_TYPE = re.compile(r"(?<![\w'’/.,-])[0-9]{1,5}[A-Za-z]?,?[ \t]+\Z")
_FOUR_AT_END = re.compile(r"(?<![0-9])[0-9]{4}\Z")


# Round 48 part C: towns of countries that have no postal codes (Mali, Cameroon, Côte d'Ivoire, Burkina Faso, Benin,
# Togo, the Congos, Rwanda, Burundi, Chad, Gabon, the Gulf's emirates...): four digits right before one of them are a
# quarter's name or a number of the address, not a code ("Hamdallaye ACI 2000, Bamako", "Cité 2000, Abidjan").
_NO_CODE_TOWNS = (
    r"bamako|s[ée]gou|sikasso|mopti|kayes|yaound[ée]|douala|bafoussam|garoua|bamenda|kribi|abidjan"
    r"|bouak[ée]|yamoussoukro|daloa|san[ \t-]p[ée]dro|ouagadougou|ouaga|bobo-dioulasso|cotonou|porto-novo|parakou|abomey-calavi"
    r"|lom[ée]|kara|kinshasa|lubumbashi|goma|bukavu|kisangani|mbuji-mayi|brazzaville|pointe-noire|kigali|bujumbura"
    r"|n['’]?djamena|libreville|port-gentil|dubai|duba[iï]|abu[ \t]dhabi|sharjah|ajman|doha"
)
# Round 49 part C: ... or named before the number in its sentence, the town first as an address abroad is often written
# ("Je réside à Bamako, Rue 312, porte 45, ACI 2000", "we live in Abidjan, Cocody, Cité 2000"); not when a town of the
# lists follows the digits ("... 12 rue de la loi, 1000 Bruxelles": that town's code).
_NO_CODE_TOWN_BEFORE = re.compile(rf"(?<![\w'’-])(?i:{_NO_CODE_TOWNS})(?![\w'’-])[^.!?\n]*\Z")
_WORD_NEXT = re.compile(r"[ \t]*+,?[ \t]*+([^\W\d_][\w'’-]*+)")


def no_code_place(text: str, start: int, end: int) -> bool:
    """Whether four digits at start:end stand in an address of a country with no postal codes: its town named right after
    them (see :data:`NO_CODE_TOWN_NEXT`) or earlier in their sentence."""
    if NO_CODE_TOWN_NEXT.match(text, end):
        return True
    if _NO_CODE_TOWN_BEFORE.search(text, max(0, start - 100), start) is None:
        return False
    town = _WORD_NEXT.match(text, end)
    return town is None or town.group(1).lower() not in _LOWER_TOWNS


NO_CODE_TOWN_NEXT = re.compile(
    # (the town next, or after up to three words of the quarter's name: "Magnambougou 1008 Logements, Bamako")
    r"[ \t]*+,?[ \t]*+(?:[^\W\d_][\w'’-]*+[ \t]*+,?[ \t]*+){0,3}?(?i:bamako|s[ée]gou|sikasso|mopti|kayes|yaound[ée]|douala|bafoussam|garoua|bamenda|kribi|abidjan"
    r"|bouak[ée]|yamoussoukro|daloa|san[ \t-]p[ée]dro|ouagadougou|ouaga|bobo-dioulasso|cotonou|porto-novo|parakou|abomey-calavi"
    r"|lom[ée]|kara|kinshasa|lubumbashi|goma|bukavu|kisangani|mbuji-mayi|brazzaville|pointe-noire|kigali|bujumbura"
    r"|n['’]?djamena|libreville|port-gentil|dubai|duba[iï]|abu[ \t]dhabi|sharjah|ajman|doha)(?![\w'’-])"
)


def _common(word: str) -> bool:
    from .names_model import _known

    return _known(word)


_ROAD_NUMBER = re.compile(
    r"[ \t]+[0-9]{1,3}(?:/[0-9]{1,3})?(?=[ \t]*,[ \t]*[A-ZÀ-Þ][a-zà-ÿ]"
    # round 32 part B: Singapore's and Malaysia's numbered avenues and sections before the flat or
    # at the end: "Blk 231 Ang Mo Kio Ave 3 #08-1142", "18 Jalan SS 2/24, Petaling Jaya"
    r"|[ \t]*+,?[ \t]*+#[ \t]?[0-9]{1,3}-[0-9]{1,5}|[ \t]*$)"
)
# Round 32 part B: the flat as Singapore and Malaysia write it, floor and unit after "#": "#08-1142".
_HASH_UNIT = re.compile(r"[ \t]*+,?[ \t]*+#[ \t]?[0-9]{1,3}-[0-9]{1,5}[A-Za-z]?(?![\w'’/-])")
# Round 32 part B: a number word that starts the address ("Block 231 Ang Mo Kio Ave", "Lot 45 ...").
_HASH_FLOOR_END = re.compile(r"#[ \t]?[0-9]{1,3}$")
_HASH_FLAT = re.compile(r"-[0-9]{1,5}[A-Za-z]?(?![\w'’/-])")
_NUMBER_WORD_FIRST = re.compile(r"(?i:blk|block|bldg|building|lot|plot|house|door|no|n[º°o]|nr)(?![\w'’-])")
# A floor or flat right after the street, without a comma: "45 Bd Zerktouni 3e etage".
_FLOOR_NEXT = re.compile(
    r"[ \t]+[0-9]{1,2}(?i:e|er|ère|ème|eme|th|st|nd|rd)[ \t]+(?i:étage|etage|floor)(?![\w'’-])"
    r"(?:[ \t]+(?i:porte|app|appt|apt)\.?[ \t]*[0-9]{1,4}[A-Za-z]?(?![\w'’-]))?"
)
_BOX_NEXT = re.compile(
    r"(?<=[0-9])[ \t]*,?[ \t]+(?i:bte|boîte|boite|bt)\.?[ \t]*[0-9]{1,4}[A-Za-z]?(?![\w'’/-])"
)
# Haiti's roads before the street: "Delmas 33, rue Charbonnière #17".
_ROAD_BEFORE = re.compile(r"(?<![\w'’-])[A-ZÀ-Þ][\w'’-]+[ \t]+$")
# (round 52 part C: or Abidjan's commune and its quarter, "Cocody Riviera 3, rue des Jardins lot 214")
_COMMUNE_BEFORE_ROAD = re.compile(r"(?<![\w'’-])([A-ZÀ-Þ][\w'’-]+)[ \t]+[A-ZÀ-Þ][\w'’-]+[ \t]+$")
_HOUSE_BEFORE_ROAD = re.compile(
    r"(?:(?<=\ble )|(?<=\bau )|(?<=\bat )|(?<=\bis )|(?<=: )|(?<=:))[0-9]{1,4}[A-Za-z]?[ \t]*,[ \t]*$",
    IGNORE_CASE,
)
_RUE_AFTER_ROAD = re.compile(r"[0-9]{1,3},[ \t]*(?i:rue|ruelle|impasse|avenue|av\.)(?![\w'’-])")


# China, the house and its lane before the street: "No. 16 Lane 300 Huaihai Rd" (the lane's
# number is the street's), "Lane 1218, Changning Rd" has no house.
_LANE_BEFORE = re.compile(
    r"(?<![\w'’-])(?:(?i:no)\.?[ \t]*[0-9]{1,4}[A-Za-z]?[ \t]*+,?[ \t]*+(?i:lane|nong|lòng)|Lane|Nong|Lòng)[ \t]*$"
)


# Round 24: Iran's main street after the alley: "No. 24, Golestan Alley, Shariati Street".
_STREET_AFTER_ALLEY = re.compile(
    # (round 45 part B: in lower case too, "no. 14, 3rd alley, Shariati st")
    r"(?:(?<=[Aa]lley)|(?<=[Ll]ane)|(?<=[Kk]uche)|(?<=[Kk]oocheh))[ \t]*,[ \t]*[A-ZÀ-Þ][\w'’-]*(?:[ \t]+[A-ZÀ-Þ][\w'’-]*){0,2}"
    r"[ \t]+(?:Street|St\.?|Avenue|Ave\.?|Boulevard|Blvd\.?|Road|Rd\.?|street|st\.?|avenue|ave\.?|blvd\.?|road|rd\.?)(?![\w'’-])"
)


# Round 27: a lot before the civic number ("Lot 14 Rang du Nord"), an Indian housing society after
# the street ("12 Shanti Nagar Society").
# Round 33 part B: also the flat before a named building ("Flat 5 Hartley Court, 22 Mill Rd").
_LOT_BEFORE = re.compile(
    r"(?<![\w'’-])(?i:lot|plot|bldg|building|blk|block|immeuble|imm|b[âa]timent|tower|flat|apt|apartment|unit|suite)\.?[ \t]*$"
)
# A road's number is no civic number: "1031 Hwy 3, Hunts Point NS" is not "3, Hunts Point".
_ROAD_WORD_BEFORE = re.compile(
    r"(?<![\w'’-])(?i:hwy|highway|route|rte|rd|road|line|concession|rr|rang)\.?[ \t]+$"
)
_SOCIETY_NEXT = re.compile(r"[ \t]+(?:Society|Colony|Apartments|Residency)(?![\w'’-])")
# The sign before a civic number: "n° 23, rue Larbi Ben M'hidi", "No. 5 Rue ...".
_NUMBER_SIGN_BEFORE = re.compile(r"(?<![\w'’-])(?:[Nn][°º]|N[Oo]\.)[ \t]*$")


# Round 33 part B: the flat right after a number that closes the street, without a comma, as Brazil
# and Spain type it: "Rua Augusta 1508 ap 72", "Calle Mayor 5 dpto 3".
_FLAT_AFTER_NUMBER = re.compile(
    r"(?<=[0-9])[ \t]+(?i:ap|apto|apt|app|appt|apartamento|apartment|dpto|depto|sala|conj|bloco)\.?[ \t]*"
    r"(?:n[°º]\.?[ \t]*)?[0-9]{1,5}[A-Za-z]?(?![\w'’/-])"
)


# Round 39 part B: a code's digits that a longer number goes on from ("00221 77 890 12 45", "0470 12 34 56"): a phone's
# head, no postal code; the country's letters joined to a code by a hyphen, as Europe writes it ("CH-1007", "B-1050").
_NUMBER_GOES_ON = re.compile(r"[ \t.-]?[0-9]{2,4}[ \t.-][0-9]{2}")
_COUNTRY_LETTERS_BEFORE = re.compile(r"(?<![\w'’-])(?:CH|FL|F|B|L|D|A|I|NL|LU|BE|FR|DE)-$")
# A saint's town right before a Canadian code, after a street that has its name already: "312 chemin des Patriotes
# Saint-Denis-sur-Richelieu J0H 1K0" (not "12 rue Saint-Denis H2X 1K4", the street's own name).
_CANADIAN_CODE_NEXT = re.compile(r"[ \t]*+,?[ \t]*+[A-Za-z][0-9][A-Za-z][ \t]?[0-9][A-Za-z][0-9](?![\w-])")
_SAINT_TOWN_END = re.compile(r"[ \t]+(?:Saint|Sainte|St|Ste)-[^\W\d_][\w'’]*(?:-[\w'’]+){0,4}$")
# Round 48 part C: likewise any town of the lists, in any case, after a street named already, the address's last word
# ("145 rue principale saint-jerome", "88 main street moncton"; not "2-1450 Chem. Sainte-Foy", the street's name).
_TOWN_LAST = re.compile(r"[ \t]+([^\W\d_][\w'’]*(?:-[\w'’]+){0,4})$")
_PARTICLE_END = re.compile(r"(?<![\w'’-])(?i:de|du|des|d['’]|la|le|les|l['’]|of|the|el|al|del|da|do|dos|das)$")
_TYPE_LAST = re.compile(rf"(?<![\w'’-])[^\W\d_][\w'’-]*[ \t]+(?i:{STREET_TYPES_EN})\.?$")
_NAMED_STREET = re.compile(
    rf"[^\n]*?(?<![\w'’-])(?i:{STREET_TYPES_FR}|{STREET_TYPES_EN})\.?[ \t]+(?:(?i:de|du|des|de[ \t]+la|d['’])[ \t]*)?[^\W\d_][\w'’.-]*$"
)
_LABEL_THEN_DASH = re.compile(r"(?<![\w'’-])(?i:add?ress?e?|addr)\.?[ \t]*[-–:][ \t]*")
# Round 39 part B: a Canadian code typed in lower case after the town (and its province): "6031 Lakeshore Rd Mississauga
# l3k 5f6", "..., laval qc h7n 2k1".
_CANADIAN_LOWER_AFTER = re.compile(
    r"[ \t]*+,?[ \t]*+(?:[^\W\d_][\w'’.-]*+[ \t]*+,?[ \t]*+){1,3}([a-z][0-9][a-z][ \t]?[0-9][a-z][0-9])(?![\w-])"
)
_HOUSE_LETTER_BEFORE = re.compile(r"(?<![\w'’.-])[HD]\.?[ \t]?$")
_FLOOR_WORD_BEFORE = re.compile(r"(?<![\w'’-])(?i:floor|fl|étage|etage)\.?[ \t]*$")
_COUNTRY_AS_STREET = re.compile(r"(?i:c[ôo]te)[ \t]+d['’][ \t]*(?i:ivoire)")
# An address cut at a preposition is a phrase's head ("2017 / 04 / 15 Place of birth: Baghdad").
# Round 40 part B: the floor and door that close an address in Spain, Portugal and Latin America, after the unit or the
# number: "2.º esq.", "3º Dto", "2º dcha", "r/c", "bajo A", "7° \"A\"", "piso 12 \"B\"", "torre 3 apto 1102", and Cuba's
# cross streets "e/ 10 y 12" ("entre"); Indonesia's "RT 04/RW 03".
_FLOOR_DOOR_AFTER = re.compile(
    r"(?:[ \t]*+,?[ \t]*+(?:[0-9]{1,2}\.?[ºª°]\.?[ \t]*(?i:esq|esqda|dto|dta|dir|dcha|izq|izda|frente|fte|centro)\.?(?![\w'’])"
    r"|(?i:r/c|bajo(?:[ \t]+[A-Z](?![\w'’]))?)(?![\w'’/])"
    r"|(?i:torre|bloco|bloque)[ \t]+[0-9A-Z]{1,3}(?:[ \t]*+,?[ \t]*+(?i:apto|apt|ap|dpto|depto)\.?[ \t]*[0-9]{1,5}[A-Z]?(?:-[0-9A-Z]{1,2})?)?(?![\w'’])"
    r"|(?:e/|(?i:entre)[ \t])[ \t]*[0-9A-ZÀ-Þ][\w'’-]*[ \t]+[ye][ \t]+[0-9A-ZÀ-Þ][\w'’-]*(?![\w'’])))"
    r"|[ \t]*\"[A-Z]\"(?![\w'’])"
    # a box's postal station with no comma: "C.P. 6639 succ. Centre-ville", "PO Box 45 Station A"
    r"|(?<=[0-9])[ \t]+(?i:succ|succursale|station|stn)\.?[ \t]+(?-i:[A-ZÀ-Þ])[\w'’-]*(?![\w'’-])"
    # Indonesia's neighbourhood and hamlet units: "RT 04/RW 03"
    r"|[ \t]*+,?[ \t]*+RT\.?[ \t]*[0-9]{1,3}[ \t]*/[ \t]*RW\.?[ \t]*[0-9]{1,3}(?![\w'’])"
)


def floor_door_end(text: str, end: int) -> int:
    """The end of an address that ends at `end`, its floor and door after it (see :data:`_FLOOR_DOOR_AFTER`)."""
    while tail := _FLOOR_DOOR_AFTER.match(text, end):
        end = tail.end()
    return end


# Round 40 part B: the edges of an address in South-East Asia, counted over every set:
# - the word for "number" before the civic number is the address's (Vietnam's "Số 42 Nguyễn Trãi", "So 18 ngo 54 ...";
#   Malaysia's "No 45 Lorong Mawar 9": 13 in, 0 out);
# - a Malay village after the street is in ("..., Kampung Padang Jawa": 9 in, 1 out), up to a city's name;
# - Vietnam's city after "TP." (thành phố, "TP.HCM", "TP HCM") is out (11 of 11).
_NUMBER_WORD_BEFORE = re.compile(r"(?<![\w'’])(?:S[ốo]|s[ốo]|No\.?|NO\.?)[ \t]*\Z")
_MALAY_TOWN_HEADS = wordset(
    "kuala petaling shah johor george kota ipoh klang seremban melaka penang putrajaya subang"
)
_KAMPUNG_NEXT = re.compile(r"[ \t]*+,?[ \t]*+(?:Kampung|Kampong|Kg\.)(?:[ \t]+(?-i:[A-Z])[\w'’-]*){1,3}")
_CITY_PREFIX_INSIDE = re.compile(r"[ \t]*,?[ \t]+TP\.?[ \t]?(?-i:[A-ZĐ])")


def address_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """An address's `start` and `end` moved over its number's word, its village, its floor and door; cut before a
    Vietnamese city (see :data:`_NUMBER_WORD_BEFORE`, :data:`_KAMPUNG_NEXT`, :data:`_CITY_PREFIX_INSIDE`)."""
    if (
        start
        and text[start].isdigit()
        and (word := _NUMBER_WORD_BEFORE.search(text, max(0, start - 5), start))
    ):
        start = word.start()
    if _LANE_FIRST.match(text, start) and (house := _HOUSE_BEFORE_LANE.search(text, max(0, start - 12), start)):
        start = house.start()  # round 41 part B: the house's number before its lane ("15 Lane 82 Chua Lang St")
    end = floor_door_end(text, end)
    if (alley := _STREET_AFTER_ALLEY.match(text, end)) is not None:
        end = alley.end()  # round 45 part B: the learned address's alley, then its street ("no. 14, 3rd alley, Shariati st.")
    if "," in text[start:end]:
        start, end = _without_districts(text, start, end)
    if _BUILDING_FIRST.match(text, start) and (street := _STREET_PART_BEFORE.search(text, max(0, start - 40), start)):
        start = street.start(1)  # round 41 part B: "rue principale, immeuble Azar, 2e étage"
    if (village := _KAMPUNG_NEXT.match(text, end)) is not None:
        words = village.group().replace(",", " ").split()
        kept = 1
        while kept < len(words) and words[kept].lower() not in _MALAY_TOWN_HEADS:
            kept += 1
        if kept > 1:
            end = village.start() + village.group().index(words[kept - 1]) + len(words[kept - 1])
    if "TP" in text[start:end] and (city := _CITY_PREFIX_INSIDE.search(text, start, end)):
        end = city.start()
    if (lead := _LEAD_NOT_ADDRESS.match(text, start, end)) is not None:
        start = lead.end()  # round 50 part C: "house 215 Avenue M South", "address line 2 is unit 5B"
    return start, end


# Round 50 part C: a form's second address line given as its unit ("address line 2 is suite 410", "ligne 2 : app. 5").
_LINE_TWO_UNIT = re.compile(
    r"(?<![\w'’-])(?i:line|ligne)[ \t]*(?:2|two|deux)[ \t]*(?i:is|est|c['’][ \t]?est|:|=)?[ \t]*+"
    r"((?i:unit|apt|app|appt|suite|ste|apartment|appartement|bureau|flat|room)\.?[ \t]*#?[ \t]*[0-9]{1,5}[A-Za-z]?)(?![\w'’-])"
)


# Round 50 part C: a unit added to the address given before, as a reply corrects it ("forgot to add apt 5", "I also need
# to add unit 1204 to my address", "j'ai oublié l'app. 3", "my apt is 12B"): the unit word and its number.
_UNIT_WORD = r"(?i:unit|apt|apartment|suite|app|appt|appartement|logement)"
_UNIT_ADDED = re.compile(
    r"(?<![\w'’-])(?i:add|added|adding|forgot|forgotten|missing|ajouter|ajout[ée]|oubli[ée]|manque|manquait|my|mon|le[ \t]+num[ée]ro[ \t]+d['’])"
    r"(?:[ \t]+(?i:to[ \t]+add|the|my|l['’]|le|la|mon|d['’]ajouter|ajouter|de[ \t]+mettre|to[ \t]+put))*[ \t]*+[,:–-]?[ \t]*+"
    rf"({_UNIT_WORD}\.?[ \t]*(?:#|(?i:no\.?|n[°º]))?[ \t]*[0-9]{{1,5}}[A-Za-z]?)(?![\w'’-]|[ \t]*(?i:[ap]\.?m|h[0-9]|pm|am)\b)"
)
_UNIT_ADDED_KEYS = wordset("add added adding forgot forgotten missing ajouter ajouté ajoute oublié oublie manque manquait")


# Round 50 part C: words before an address that are not its own: "house" in lower case before the civic number and the
# street's name ("new number ..., house 215 Avenue M South", "their house 9 Ikwerre Road"; "House 22, Road 7" and "House
# No. 14, ..." are a house's number, kept, and so is "house 23 road 7", a numbered road after it), and a form's line number said before a unit ("address line 2 is unit 5B").
_LEAD_NOT_ADDRESS = re.compile(
    r"(?-i:house|home)[ \t]+(?=[0-9]{1,6}[A-Za-z]?[ \t]+(?![^\W\d_]+\.?[ \t]+[0-9])[^\W\d_])"
    r"|[0-9]{1,2}[ \t]+(?i:is|est|=|:)[ \t]+(?=(?i:unit|apt|app|appt|suite|apartment|appartement|bureau|flat|room)(?![\w'’-]))"
)


# Round 41 part B: an address abroad with no civic number, its building, block or floor after the street ("Rue Abdel
# Aziz, bloc C, Hamra, Beyrouth 1103 2090"): when the address read ends inside the postal code (Lebanon's four and
# four), the district and town before it are cut off after the building's part (the tuned sets keep a district that no
# code follows: "Villa 42, Cité Keur Gorgui", "apto 45, Jardim Paulista"); a street's part with no number right
# before a building's word joins it ("rue principale, immeuble Azar, 2e étage").
_BUILDING_WORDS = (
    r"immeuble|imm|bldg|building|bâtiment|batiment|bât|bat|bloc|block|blk|villa|résidence|residence|tower|tour|torre"
    r"|edificio|edif|floor|étage|etage|apt|app|appt|apartment|appartement|suite|unit|unité|porte|door|flat|piso|apto"
)
_BUILDING_PART = re.compile(rf"(?<![\w'’-])(?i:{_BUILDING_WORDS})\.?(?![\w'’-])|[0-9]+(?:st|nd|rd|th|e|er|ème)[ \t]+(?i:floor|étage|etage)")
_BUILDING_FIRST = re.compile(rf"(?i:{_BUILDING_WORDS})\.?[ \t]+[\w-]")
_STREET_TYPE_IN = re.compile(rf"(?<![\w'’-])(?i:{STREET_TYPES_EN}|{STREET_TYPES_FR})\.?(?![\w'’-])")
_LANE_FIRST = re.compile(r"(?i:lane|alley|ngõ|ngo|ngách|ngach|hẻm|hem|kiệt|kiet|soi)[ \t]+[0-9]")
_HOUSE_BEFORE_LANE = re.compile(r"(?<![\w'’/.:,-])[0-9]{1,4}[A-Za-z]?(?:/[0-9]{1,4})?[ \t]+$")
_CODE_GOES_ON = re.compile(r"[ \t][0-9]{3,4}(?![\w-])")

_PLACE_PART = re.compile(r"(?-i:[A-ZÀ-Þ])[\w'’-]*(?:[ \t-]+(?-i:[A-ZÀ-Þ])[\w'’-]*){0,2}(?:[ \t]+[0-9]{4,6}(?:[ \t][0-9]{4})?)?")
_STREET_PART_BEFORE = re.compile(
    rf"(?:^|(?<=[:,][ \t])|(?<=[:,]))[ \t]*((?:(?i:{STREET_TYPES_FR})\.?[ \t]+[^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*)?"
    rf"|(?-i:[A-ZÀ-Þ])[\w'’-]*[ \t]+(?i:{STREET_TYPES_EN})\.?))[ \t]*,[ \t]*$"
)


def _without_districts(text: str, start: int, end: int) -> tuple[int, int]:
    """The address without the district and town after its building when it ends inside their postal code (see
    :data:`_BUILDING_WORDS`)."""
    if not (text[end - 1 : end].isdigit() and _CODE_GOES_ON.match(text, end)):
        return start, end
    parts = [m.span() for m in re.finditer(r"[^,]+", text[start:end])]
    keep = len(parts)
    while keep > 1:
        part = text[start:end][slice(*_stripped(text[start:end], *parts[keep - 1]))]
        if not _PLACE_PART.fullmatch(part) or _STREET_TYPE_IN.search(part):
            break
        keep -= 1
    if keep < len(parts) and _BUILDING_PART.search(text, start + parts[keep - 1][0], start + parts[keep - 1][1]):
        end = start + parts[keep - 1][1]
        while end > start and text[end - 1] in " \t":
            end -= 1
    return start, end


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t":
        start += 1
    while end > start and text[end - 1] in " \t":
        end -= 1
    return start, end


_TIME_BEFORE = re.compile(r"(?<![\w:])[0-9]{1,2}[ \t]?[hH][ \t]?$")
_PREPOSITION_END = re.compile(r"[ \t](?:of|de|du|des)$")  # lower case: "33 Nguyen Du" is a street
# Round 40 part B: the town after "à", read into the street ("799-7204 av. Van Horne à Laval", "7204 rue Saint-Denis à
# Montréal"): cut off when a street's type and a name stand before it.
_TOWN_AFTER_A = re.compile(r"[ \t]+à(?:[ \t]+(?-i:[A-ZÀ-Þ])[\w'’-]*(?:[ \t-]+(?-i:[A-ZÀ-Þ])[\w'’-]*){0,2})?$")
# Round 41 part B: after an address abroad, its town, a comma maybe, and four to six digits that end the sentence or the
# address ("..., Ap. 56, Tirana 1069.", "Vukovarska ulica 69, Zagreb, 10532 but ...", "..., Kazan, 178315."): the code.
_TOWN_COMMA_CODE = re.compile(
    r"[ \t]*,[ \t]*(?-i:[A-ZÀ-Þ])[\w'’-]+(?:[ \t]+(?-i:[A-ZÀ-Þ])[\w'’-]+)?[ \t]*,?[ \t]+([0-9]{4,6})(?![\w/-]|[.,][0-9])"
    r"(?=[ \t]*(?:$|[\n.;!?)]|,[ \t]*(?-i:[A-ZÀ-Þ])|[ \t](?i:but|mais|and|et|now|maintenant)\b))"
)
# Round 45 part B: or on the next line, a line of its own of the town and the code, as a letter's or a form's address
# is written: "Jl. Kemang Raya No. 17, RT 04/RW 02, ...\nJakarta Selatan 12730", "Calle 8 #45-12, Barrio ...\nCali 760042".
_TOWN_LINE_CODE = re.compile(
    r"[^\n]{0,80}+\n[ \t]*+(?-i:[A-ZÀ-Þ])[\w'’-]+(?:[ \t]+(?-i:[A-ZÀ-Þ])[\w'’-]+){0,2}[ \t]+([0-9]{4,6})[ \t]*+(?=\n|\Z)"
)


def town_code_after(text: str, end: int) -> tuple[int, int] | None:
    """The postal code after the town that follows the address ending at `end` (see :data:`_TOWN_COMMA_CODE`,
    :data:`_TOWN_LINE_CODE`)."""
    m = _TOWN_COMMA_CODE.match(text, end)
    if m is None and "\n" in text:
        m = _TOWN_LINE_CODE.match(text, end)
        if m is not None and any(_common(w) for w in text[text.rfind("\n", 0, m.start(1)) + 1 : m.start(1)].split()):
            m = None  # "Since 2019", "Total 2500": words, no town
    if m is None or _YEAR.fullmatch(m.group(1)) or quantity(text, m.start(1), m.end(1)):
        return None
    return m.span(1)


_DAY_MONTH_FIRST = re.compile(
    # round 45 part B: a day of the month, no civic number ("42 Jan Smuts Avenue")
    r"(?:(?:3[01]|[12][0-9]|0?[1-9])(?![0-9])(?:er|st|nd|rd|th|e)?|1º)[ \t]+(?i:january|february|march|april|june|july|august|september|october|november"
    r"|december|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|enero|febrero"
    r"|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|jan|feb|apr|jun|jul|aug|sept|sep|oct|nov"
    r"|dec|janv|f[ée]vr|avr|juil|d[ée]c)\.?(?![\w'’-])"
    rf"(?![ \t]+(?i:{STREET_TYPES_EN}|{STREET_TYPES_FR})\.?(?![\w'’-]))"
    # ... nor a street named after a person whose first name is a month's ("12 Jan Smuts Avenue", "8 June Jordan Road")
    rf"(?![ \t]+(?-i:[A-Z])[a-z]+[ \t]+(?i:{STREET_TYPES_EN}|{STREET_TYPES_FR})\.?(?![\w'’-]))"
)
_TOWN_AFTER_BARE_A = re.compile(r"[ \t]+a((?:[ \t]+(?-i:[A-ZÀ-Þ])[\w'’-]*(?:[ \t-]+(?-i:[A-ZÀ-Þ])[\w'’-]*){0,2}))?$")
_STREET_BEFORE_TOWN = re.compile(
    rf"(?:(?<![\w'’-])(?i:{STREET_TYPES_FR}|{STREET_TYPES_EN})\.?[ \t]+[^\W\d_][\w'’-]*"
    rf"|[0-9]{{1,3}}(?i:e|er|re|ème|eme|th|st|nd|rd)[ \t]+(?i:{STREET_TYPES_FR}|{STREET_TYPES_EN})\.?)$"
)
_CAPITALISED_NEXT = re.compile(r"[ \t]+(?-i:[A-ZÀ-Þ])[a-zà-ÿ]")
_STREET_TYPE_NAMED = re.compile(rf"(?<![\w'’-])(?i:{STREET_TYPES_FR}|{STREET_TYPES_EN})\.?[ \t]+[^\W\d_]")


# Round 38 part B: the basement or unit in brackets after the street ("5523 Dalhousie Dr NW (bsmt)", "3320 av.
# Bourbonnière (sous-sol)"), and the basement's word before the unit ("bsmt unit 2, 88 Hollowcrest Dr").
_BRACKET_UNIT = re.compile(
    r"[ \t]*\((?i:bsmt|basement|sous-sol|rez-de-chauss[ée]e|upper|lower|rear|back|upstairs|downstairs|main[ \t]+floor"
    r"|(?:apt|unit|suite|app|appt|logement)\.?[ \t]*#?[ \t]*[0-9]{1,5}[A-Za-z]?)\)"
)
_BASEMENT_BEFORE = re.compile(
    r"(?<![\w'’-])(?i:bsmt|basement|sous-sol)[ \t]*,?[ \t]+$"
)  # round 39: "Basement, 1734 boul. ..."


def _extend(text: str, start: int, end: int) -> tuple[int, int]:
    """The address with its units before and after the street."""
    while True:
        tail = (
            _UNIT_TAIL.match(text, end)
            or _STREET_AFTER_ALLEY.match(text, end)
            or _FLAT_AFTER_NUMBER.match(text, end)
        )
        if tail is None:
            break
        end = tail.end()
    if (text[start : start + 1].isdigit() or _NUMBER_WORD_FIRST.match(text, start)) and text[
        end - 1 : end
    ].isalpha():
        road = _ROAD_NUMBER.match(text, end)
        if road:  # Haiti's numbered roads: "14, rue Delmas 33, Port-au-Prince"
            end = road.end()
    if hash_unit := _HASH_UNIT.match(text, end):
        end = hash_unit.end()
    elif (
        end - start > 3
        and _HASH_FLOOR_END.search(text, end - 5, end)
        and (flat := _HASH_FLAT.match(text, end))
    ):
        end = flat.end()  # "Bedok North Rd #04-233": the unit's "#04" read, then its flat
    if box := _BOX_NEXT.match(
        text, end
    ):  # Belgium's letter box after the number: "rue Saint-Gilles 182 bte 3"
        end = box.end()
    floor = _FLOOR_NEXT.match(text, end)
    if floor:
        end = floor.end()
        while tail := _UNIT_TAIL.match(text, end):
            end = tail.end()
    if start > 2 and text[start].isdigit() and _RUE_AFTER_ROAD.match(text, start):
        road = _ROAD_BEFORE.search(text, max(0, start - 25), start)
        if road and not _common(road.group().strip()):
            start = road.start()
            commune = _COMMUNE_BEFORE_ROAD.search(text, max(0, start - 25), road.end())
            if commune and not _common(commune.group(1)) and commune.group(1).lower() not in NOT_NAME:
                start = commune.start()
            if house := _HOUSE_BEFORE_ROAD.search(text, max(0, start - 8), start):
                start = (
                    house.start()
                )  # round 36 part B: the house's number before the road, "c'est le 14, Delmas 33, rue ..."
    if start > 5 and text[start].isdigit() and (lane := _LANE_BEFORE.search(text, max(0, start - 25), start)):
        start = lane.start()
    if (
        start > 2
        and text[start].isdigit()
        and (sign := _NUMBER_SIGN_BEFORE.search(text, max(0, start - 6), start))
    ):
        start = sign.start()
    if start > 3 and text[start].isdigit() and (lot := _LOT_BEFORE.search(text, max(0, start - 10), start)):
        start = lot.start()  # round 27: "Lot 14 Rang du Nord"
    if text[end - 1 : end].isalpha() and (society := _SOCIETY_NEXT.match(text, end)):
        end = society.end()  # round 27: "12 Shanti Nagar Society"
    if bracket := _BRACKET_UNIT.match(text, end):
        end = bracket.end()  # round 38 part B: "(bsmt)", "(sous-sol)"
    if (
        start > 1
        and text[start : start + 2].lower() == "no"
        and (house := _HOUSE_LETTER_BEFORE.search(text, max(0, start - 4), start))
    ):
        start = house.start()  # round 39 part B: India's house ("H.No 231, Ward no 4"), its letter read apart
    if (
        start > 3
        and text[start].isdigit()
        and (floor_word := _FLOOR_WORD_BEFORE.search(text, max(0, start - 10), start))
    ):
        start = (
            floor_word.start()
        )  # round 39 part B: a floor's number is no civic one ("Bldg 11, Floor 8, Rue Hamra")
    before = text[max(0, start - 3) : start].rstrip()
    prefix = _UNIT_PREFIX.search(text, max(0, start - 90), start) if before.endswith(",") else None
    start = prefix.start() if prefix else start
    if basement := _BASEMENT_BEFORE.search(text, max(0, start - 12), start):
        start = basement.start()  # round 38 part B: "bsmt unit 2, 88 Hollowcrest Dr"
    return start, end


# Round 35 part B: the quarter before the street, as West Africa writes it: "secteur 15, rue 15.43, porte 217"
# (Ouagadougou), "Quartier Bastos, rue 1.839"; and the area right after an address's label and its colon:
# "mon adresse à Abidjan : Cocody Riviera 3, lot 245", "Our address in Amman: Jabal Al-Hussein, ..." (not a
# town of the lists, which the sets leave: "adresse : Montréal, 1234 rue ...").
_QUARTER_BEFORE = re.compile(
    # (not as a list's element after a comma or a colon: heldout33 leaves "Ouagadougou, secteur 15, rue ...", "adresse
    # : quartier Bastos, rue ...", where heldout14 and 54 label "à Djibouti, quartier 4, rue 17", "a Ouaga secteur 15")
    r"(?<![,:][ \t])(?<![,:])(?<![\w'’-])(?i:secteur|quartier|sector|zone|district|arrondissement)[ \t]+(?:n[°º]\.?[ \t]*)?[\w'’-]+"
    r"(?:[ \t]+[\w'’-]+)?[ \t]*,[ \t]*$"
)
_LABELLED_AREA_BEFORE = re.compile(
    r"(?i:address|adresse|addr)\b[^:\n.!?]{0,30}:[ \t]*"
    r"((?-i:[A-ZÀ-Þ])[\w'’-]*(?:[ \t]+(?:(?-i:[A-ZÀ-Þ])[\w'’-]*|[0-9]{1,2}(?:e|er|ème|st|nd|rd|th)?"
    r"(?:[ \t]+(?i:tranche|phase|extension|[ée]tape))?)){0,3})[ \t]*,?[ \t]+$"
)
_UNIT_FIRST = re.compile(r"(?i:apt|app|appt|apartment|flat|unit|suite|room|chambre|bureau|c/o)\b")
_ACCENTS = str.maketrans("àâäéèêëîïôöùûüçÀÂÄÉÈÊËÎÏÔÖÙÛÜÇ", "aaaeeeeiioouuucAAAEEEEIIOOUUUC")


# Round 35 part B: a street named "Mall" (Vancouver's university streets: "1800 Wesbrook Mall", "6335 Thunderbird
# Crescent"), only where the client says it is their home or dorm ("my dorm is Room 412, 1800 Wesbrook Mall").
_ADDRESS_MALL = re.compile(r"(?<![\w'’/.-])[0-9]{1,5}[ \t]+(?:[A-Z][a-z]+[ \t]+){1,2}Mall(?![\w'’-])")
_MALL_HOME_BEFORE = re.compile(
    r"(?<!\w)(?:dorm|dormitory|residence|r[ée]sidence|habit\w*|adresse|address|live[sd]?|living|stay(?:ing)?|moved)\b[^.!?\n]{0,40}$",
    IGNORE_CASE,
)


def _area_before(text: str, start: int) -> int:
    """Where the address at start begins once its quarter or labelled area before it is read."""
    if start < 4 or text[start - 1] not in " \t,":
        return start
    if text[start - 2 : start].strip() == "," and (
        quarter := _QUARTER_BEFORE.search(text, max(0, start - 40), start)
    ):
        return quarter.start()
    if text[start].isdigit() or _UNIT_FIRST.match(text, start):
        return (
            start  # a numbered street or a flat: a name may come first ("Address: Fatima Khan, 12 Main St")
        )
    if (area := _LABELLED_AREA_BEFORE.search(text, max(0, start - 90), start)) and not any(
        w.lower() in CITY_NAMES or w.lower().translate(_ACCENTS) in PLACES
        for w in (area.group(1), area.group(1).split()[0])
    ):
        return area.start(1)
    return start


def _street_no_number(text: str, words: frozenset[str]) -> Iterator[re.Match[str]]:
    yield from _STREET_NO_NUMBER.finditer(text)
    if not _RUE_KEYS.isdisjoint(words):
        yield from _RUE_NO_NUMBER.finditer(text)


_RUE_KEYS = wordset("rue avenue boulevard bd av")
_ADDRESS_LABEL_INSIDE = re.compile(r"[0-9],?[ \t]+(?i:adresse|address|addr)\b")


# Round 46 part B: a French street whose type follows an adjective, its name the two words: "345 Grande Allée Ouest,
# bureau 200", "12 Grand-Rue", "8, Grande Rue".
_ADDRESS_GRANDE = re.compile(
    rf"{NOT_BEFORE}{_UNIT_BEFORE}{_CIVIC},?{_GAP}(?:Grande?|GRANDE?)[ \t-](?:All[ée]e|ALL[ÉE]E|Rue|RUE|Route|ROUTE)"
    rf"(?![\w'’-]){_DIRECTION}{_UNIT_AFTER}"
)


_BOX_WORD_BEFORE = re.compile(r"(?<![\w'’-])(?i:box|bo[iî]te|rr|site|comp)[ \t]?#?[ \t]?\Z")


def addresses(scan: Scan) -> Iterator[Candidate]:
    """Street addresses (with the unit), post-office boxes, and what follows "I live at"."""
    text = scan.text
    words = scan.words
    found: list[tuple[int, int, bool]] = []
    codes_after: dict[int, tuple[int, int]] = {}  # a code read off the end of a street (round 48 part C)
    if "villa" in words or "maison" in words:
        yield from area_villas(scan)  # round 36 part B
    if ("line" in words or "ligne" in words) and (m := _LINE_TWO_UNIT.search(text)):
        yield m.start(1), m.end(1), "ADDRESS", ADDRESS_P  # round 50 part C: "address line 2 is suite 410"
    if len(text) <= 400 and not _UNIT_ADDED_KEYS.isdisjoint(words):  # (a reply, short, adds a unit or two)
        for _, m in zip(range(3), _UNIT_ADDED.finditer(text), strict=False):
            yield m.start(1), m.end(1), "ADDRESS", ADDRESS_P  # round 50 part C: "forgot to add apt 5"
    expressions = [(p, g) for p, keys, g in _EXPRESSIONS if not keys.isdisjoint(words)]
    if "way" in text:
        expressions.append((_ADDRESS_WAY, 0))
    if "," in text and scan.digits >= 5:
        expressions.append((_NAME_NUMBER_CODE, 0))  # round 44 part B
    if "Mall" in text:
        expressions.append((_ADDRESS_MALL, 0))
    if "rand" in text or "RAND" in text:
        expressions.append((_ADDRESS_GRANDE, 0))
    if "-ku" in text or "-shi" in text or "-cho" in text or "-machi" in text or "-gun" in text:
        expressions.append((_ADDRESS_JAPANESE, 0))
    if "-daero" in text or "-ro" in text or "-gil" in text:
        expressions.append((_ADDRESS_KOREAN, 0))
    if "号" in text:
        expressions.append((_ADDRESS_CHINESE, 0))
    if "로 " in text or "길 " in text:
        expressions.append((_ADDRESS_HANGUL, 0))
    if (
        "str" in text
        or "Str" in text  # round 45 part B: "Karl-Marx-Str. 118"
        or "Weg" in text
        or "Platz" in text
        or "ß" in text
        or "weg" in text
        or "gasse" in text
        or "platz" in text
        or "llee" in text
        or "ring" in text
        or "damm" in text
        or "Ufer" in text
        or "Tor" in text
        or "Markt" in text
    ):
        expressions.append((_ADDRESS_GERMAN, 0))
    if "," in text:
        for m in _street_no_number(text, words):
            building = _BUILDING_RIGHT_AFTER.match(text, m.end())
            start, end = _extend(text, m.start(), building.end() if building else m.end())
            if end > m.end():
                building = _NAMED_BUILDING.match(text, end)
                found.append((start, building.end() if building else end, False))
    for pattern, group in expressions:
        for m in pattern.finditer(text):
            start, end = m.span(group)
            if pattern is _ADDRESS_VIA and not (
                _VIA_CODE.match(text, end) or _VIA_CONTEXT.search(text, max(0, start - 40), start)
            ):
                continue
            if (
                pattern is _ADDRESS_VIETNAM_BARE
                and any(_common(w) for w in re.split(r"[0-9]+[A-Za-z]?[ \t,]*", m.group())[-1].split())
                and not _LIVING_BEFORE.search(text, max(0, start - 40), start)
            ):
                continue  # round 44 part B: "2 Great Days, Hanoi was lovely": common words, no street (round 47 part C:
                # unless an address or a home is spoken of right before, "adresse 56 Le Loi, Quan 1, TP HCM")
            if pattern is _NAME_NUMBER_CODE and _NAME_NUMBER_INSIDE.search(text, max(0, start - 30), start):
                continue  # round 44 part B: a word of a longer street's name before it ("Via dei Mille 8")
            if pattern is _ADDRESS_MALL and not _MALL_HOME_BEFORE.search(text, max(0, start - 60), start):
                continue  # "the store at 220 Yonge Mall": a shopping mall, no one lives there
            if (
                pattern is _VILLA_FIRST
                and not _LIVING_BEFORE.search(text, max(0, start - 60), start)
                and (
                    (area := _area_before(text, start)) == start
                    or not _LIVING_BEFORE.search(text, max(0, area - 60), area)
                )
            ):
                continue  # "la villa n° 3 du complexe hôtelier": no one lives there (round 35: its area read first)
            if pattern is _CAMP_ADDRESS and (
                _CAMP_DWELLING.isdisjoint(w.lower() for w in re.findall(r"[^\W\d_]+", m.group()))
                or _NOT_HOME_BEFORE.search(text, max(0, start - 50), start)
            ):
                continue  # "zone 3, block 4": no dwelling; "the clinic in block 4, house 2": no home
            if pattern is _BUILDING_FLOOR and (
                not _LIVING_SENTENCE.search(text, max(0, start - 80), start)
                or _NOT_HOME_BEFORE.search(text, max(0, start - 50), start)
            ):
                continue  # "the clinic is in building 4, 2nd floor": no one lives there
            if (pattern is _ADDRESS_EN or pattern is _ADDRESS_FR) and _ROAD_WORD_BEFORE.search(
                text, max(0, start - 12), start
            ):
                continue
            if _LODGING_BEFORE.search(text, max(0, start - 40), start) and not _LIVING_BEFORE.search(
                text, max(0, start - 60), start
            ):
                continue  # round 37 part B: "we booked at Holiday Inn 420 Sherbrooke St W": a hotel's, no one's home
            if (
                pattern is _ADDRESS_EN
                and _YEAR_IN_BEFORE.search(text, max(0, start - 12), start)
                and _YEAR_CLAUSE.match(text, start)
            ):
                continue  # round 37 part B: "née en 1995, je peux faire PVT?": a year, then a sentence, no street
            if pattern is _ADDRESS_EN and "PVT" in m.group() and _PVT_PROGRAM.search(m.group()) and not m.group().isupper():
                continue  # round 50 part C: "IUC 1234 5678, demande PVT": the working holiday's "PVT", no private road
            if pattern is _ADDRESS_CITE and not _LIVING_BEFORE.search(text, max(0, start - 60), start):
                continue  # round 34 part B: "on a loué la Villa 2, Cité des Arts": no one said to live there
            if pattern is _PLOT_ALONE and not _LIVING_BEFORE.search(text, max(0, start - 60), start):
                continue  # "lot 3 at the auction", "the Habitation Leclerc hotel": no one said to live there
            if (
                pattern is _TYPELESS_SIDE_UNIT
                and m.group()[0].isdigit()
                and (_common(m.group().split()[1]) or _FLIGHT_BEFORE.search(text, max(0, start - 12), start))
            ):
                continue  # "Flight 3674 Air Canada West, room 12": no street
            if pattern is _ADDRESS_TYPELESS and _common(m.group().split()[-1]):
                continue  # "2400 Dollars, Toronto ON ...": a common word, no street
            if text[start].isdigit() and _BOX_WORD_BEFORE.search(text, max(0, start - 8), start):
                continue  # round 53 part C: "15 Main St Box 212 Norway House": the box's number, no civic one
            if text[start].isdigit() and _TIME_BEFORE.search(text, max(0, start - 8), start):
                continue  # round 40 part B: "à 10 h 30 au Service Canada du boulevard ...": a time's minutes
            if _COUNTRY_AS_STREET.search(text, start, end):
                continue  # round 39 part B: "Abidjan 01, Côte d'Ivoire": a country, no street "Côte"
            if _ADDRESS_LABEL_INSIDE.search(text, start, end):
                continue  # round 34 part B: "Code postal 1205, adresse Rue de Carouge 48": a code, then the label
            if pattern is _ADDRESS_WARD_NEXT and all(_common(w) for w in m.group().split()[1:]):
                continue  # "3 Children, District 9": no street
            if pattern is _PREFIXED_STREET:
                cross = _CROSS_LOCALITY.match(text, text.rfind(" ", start, end - 4))
                if (
                    cross
                    and cross.group(1).lower() not in PLACES
                    and cross.group(1).lower() not in _CITY_KEYS
                ):
                    end = cross.end()
            while text[end - 1] in ".,":
                end -= 1
            if "brgy" in words or "bgy" in words or "barangay" in words:
                if extension := _STREET_EXTENSION.match(text, end):
                    end = extension.end()  # round 47 part C: "1123 Rizal Ave Ext, Brgy. 96"
                barangay = _BARANGAY.match(text, end)
                end = barangay.end() if barangay else end
            start, end = _extend(text, start, end)
            if (
                pattern is _ADDRESS_TYPE_THEN_NUMBER
                and (civic := _CIVIC_BEFORE_TYPE.search(text, max(0, start - 9), start))
                and (four := _FOUR_AT_END.search(text, start, end))
                and not _UNIT_WORD_END.search(text, max(start, four.start() - 14), four.start())
            ):
                street_end = four.start()
                while text[street_end - 1] in " \t,":
                    street_end -= 1
                codes_after[street_end] = four.span()  # round 48 part C: "27 rue du marche aux herbes 1000"
                start, end = civic.start(), street_end
            if pattern is _ADDRESS_LOT and (subdivision := _SUBDIVISION.match(text, end)):
                end = subdivision.end()
            if pattern is _ESTATE or pattern is _ADDRESS_UNITS or pattern is _ADDRESS_LOT:
                area = _NEIGHBOURHOOD_NEXT.match(text, end) or _PHASE_AREA_NEXT.match(text, end)
                end = area.end() if area else end
            elif pattern is _CAMP_ADDRESS and (area := _PHASE_AREA_NEXT.match(text, end)):
                end = area.end()
            elif ("phuong" in words or "phường" in words) and (ward := _VIETNAM_WARD_NEXT.match(text, end)):
                end = ward.end()
            elif not _AREA_KEYS.isdisjoint(words):
                if text[end - 5 : end] == "Nagar" and (suffix := _NAGAR_NUMBER.match(text, end)):
                    end = suffix.end()  # "Lajpat Nagar II"
                if estate := _ESTATE_WORD.match(text, end):
                    end = estate.end()  # "Flat 2B, Lekki Gardens Estate, Phase 4"
                while area := _AREA_NEXT.match(text, end):
                    end = area.end()
            while district := _DESIGNATED_DISTRICT.match(text, end):
                end = (
                    district.end()
                )  # round 38 part B: "Calle Colima 190, Col. Roma Norte", "2-11-3 Akasaka, Minato-ku"
            if _BRAZIL_STREET.match(text, start) and (bairro := _BAIRRO_NEXT.match(text, end)):
                end = bairro.end(1)  # round 38 part B: "Rua Augusta, 1508, apto 12, Consolação"
            if (building := _BUILDING_NUMBER.match(text, end)) and _BUILDING_END.search(
                text, max(start, end - 10), end
            ):
                end = (
                    building.end()
                )  # round 34 part B: the building's number after its name, "Al Qusais Bldg 3"
            if (
                start > 2
                and _BLOCK_LETTER_BEFORE.match(text, start - 2)
                and (start < 3 or not text[start - 3].isalnum())
            ):
                start -= (
                    2  # round 34 part B: the block's letter before the house's number, "B-14, Lajpat Nagar"
                )
            found.append((start, end, pattern is _PO_BOX))
    if found and ("," in text):
        found = [
            (start if _MICRODISTRICT.match(text, start) else _area_before(text, start), end, box)
            for start, end, box in found
        ]  # (round 44 part B: a micro-district is the area itself, "Almaty, mkr. Samal-2, 58")
    if len(found) > 1:  # a box or rural route and the civic address after it: one address
        found.sort()
        for i, (start, end, box) in enumerate(found[:-1]):
            after = found[i + 1][0]
            if box and end <= after and _BOX_THEN_ADDRESS.fullmatch(text, end, after):
                found[i + 1] = (start, found[i + 1][1], found[i + 1][2])
                found[i] = (start, start, box)  # merged: no code looked for after the box alone
        found = [f for f in found if f[1] > f[0]]
        for i in range(
            len(found) - 1
        ):  # round 34 part B: the rural route right after the street, "14 Birch Lane RR2"
            (start, end, box), (after, last, _) = found[i], found[i + 1]
            if (
                end < after
                and text[end:after].isspace()
                and "\n" not in text[end:after]
                and _RURAL_ROUTE.match(text, after)
            ):
                found[i + 1] = (start, last, box)
                found[i] = (start, start, box)
        found = [f for f in found if f[1] > f[0]]
    offices = public_offices(text) if found else []
    public = not _PUBLIC_PLACE_KEYS.isdisjoint(words) or not _WORK_KEYS.isdisjoint(words)
    kept: list[tuple[int, int]] = []
    left: list[tuple[int, int]] = []
    for start, end, _box in found:
        if (
            (
                _OFFICE_BEFORE.search(text, max(0, start - 45), start)
                and not _OWN_ADDRESS.search(text, max(0, start - 40), start)
                and not _employer_home(text, start, end)
            )
            or (
                _APPOINTMENT_AFTER.match(text, end)
                and not _OWN_ADDRESS.search(text, max(0, start - 40), start)
            )
            or _OFFICE_AFTER.match(text, end)
            or (
                _OPENING_HOURS_AFTER.match(text, end)
                and not _OWN_ADDRESS.search(text, max(0, start - 40), start)
            )
            or (public and _public_place(text, start, end))
            or (
                organisation_block(text, start, words)
                and not _OWN_ADDRESS.search(text, max(0, start - 60), start)
            )
            or (_THEIR_WORDS.search(text, max(0, start - 40), start) and body_address(text, start))  # round 50 part C
            or (
                _VISIT_BEFORE.search(text, max(0, start - 20), start)
                and (visit := _VISIT_AFTER.match(text, end))
                and not _HOME_WORDS.search(text, max(0, start - 60), visit.end() + 40)
            )  # round 50 part C
            or (
                any(s < end and start < e for s, e in offices)
                and not _OWN_ADDRESS.search(text, max(0, start - 40), start)
            )
        ):
            # "the appointment is at 25 St Clair Ave E", "your office at ...": an office, not a home;
            # "come to 1 Front Street West Toronto at 9:30 am": a place one is called to;
            # "365 Laurier Ave W": the agency's public office
            left.append((start, end))
        else:
            kept.append((start, end))
    if left:  # round 33 part B: their codes too (see postal_codes), not an employer's (labelled as the set's writer chose)
        scan.memo["public_addresses"] = [
            (s, e) for s, e in left if not _EMPLOYER_NEAR.search(text, max(0, s - 60), s)
        ]
    for start, end in kept:
        if left and any(s < end and start < e for s, e in left):
            continue  # a piece of an office's address ("College Ave, suite 1100" in "1200 McGill College Ave, ...")
        if _PREPOSITION_END.search(text, max(start, end - 4), end):
            continue  # round 39 part B: "15 Place of birth"
        if _DAY_MONTH_FIRST.match(text, start):
            continue  # round 41 part B: a date's day and month, no civic number ("le 3 juin et mon AVE")
        end = floor_door_end(text, end)
        if (
            " à" in text[start:end]
            and (town := _TOWN_AFTER_A.search(text, start, end))
            and _STREET_TYPE_NAMED.search(text, start, town.start())
        ):
            end = town.start()
        if (
            " a" in text[start:end]
            and (town := _TOWN_AFTER_BARE_A.search(text, start, end))
            and (town.group(1) or _CAPITALISED_NEXT.match(text, end))
            and _STREET_BEFORE_TOWN.search(text, start, town.start())
        ):
            end = town.start()  # round 41 part B: "à" typed without its accent, the town after it ("187, 5e Rue a Shawinigan")
        if label := _LABEL_THEN_DASH.search(text, start, min(end, start + 40)):
            start = (
                label.end()
            )  # round 39 part B: the label read as a unit ("Flat addres - Ward No. 13, ...")
        if (
            _CANADIAN_CODE_NEXT.match(text, end)
            and (town := _SAINT_TOWN_END.search(text, start, end))
            and _NAMED_STREET.match(text, start, town.start())
        ):
            end = town.start()  # round 39 part B: the town, no comma, before the code ("1180 rang Saint-Joseph Saint-Hyacinthe J2T 4L5")
        if (
            (town := _TOWN_LAST.match(text, max(text.rfind(" ", start, end), text.rfind("\t", start, end), start), end))
            and town.group(1).lower() in _LOWER_TOWNS
            and (_TOWN_CLOSES.match(text, end) or _CANADIAN_CODE_NEXT.match(text, end))
            and not _PARTICLE_END.search(text, start, town.start())
            and (_NAMED_STREET.match(text, start, town.start()) or _TYPE_LAST.search(text, start, town.start()))
        ):
            end = town.start()  # round 48 part C: a town of the lists, no comma ("145 rue principale saint-jerome")
        if "  " in text[start:end] and (field := _NEXT_FIELD.search(text, start)) and field.start() < end:
            end = field.start()  # round 44 part B: a form's next field after two blanks ("32, rue Carnot  Ville : Dakar")
        yield start, end, "ADDRESS", ADDRESS_P
        if end in codes_after:
            yield codes_after[end][0], codes_after[end][1], "POSTAL_CODE", POSTAL_AFTER_P
            continue
        code = (
            _POSTAL_AFTER.match(text, end)
            or _POSTAL_IN_BRACKETS.match(text, end)
            or _CEP_LINES.match(text, end)
        )
        if code is None and "\n" in text[end : end + 40] and (line := _CODE_NEXT_LINE.match(text, end)):
            yield line.start(line.lastindex), line.end(line.lastindex), "POSTAL_CODE", POSTAL_AFTER_P
            continue
        if code and len(code.group(1)) == 10 and code.group(1).isdigit() and nanp_valid(code.group(1)):
            code = None  # "12 Main St, Toronto 4165550123": a phone
        if code and _NUMBER_GOES_ON.match(text, code.end(1)):
            code = None  # round 39 part B: the head of a longer number ("..., Dakar. Téléphone 00221 77 890 12 45")
        if code is None and _CALLE_ANY_CASE.match(text, start):
            code = _CODE_AFTER_ZONE.match(text, end)
        if (
            code is None
            and (town := _FOUR_BEFORE_LOWER_TOWN.match(text, end))
            and town.group(2).islower()
            and (
                town.group(2) in _LOWER_TOWNS
                or (
                    not _common(town.group(2))
                    and _TOWN_CLOSES.match(text, town.end())
                    and not _YEAR.fullmatch(town.group(1))
                )
            )
            and not quantity(text, town.start(1), town.end(1))
        ):
            code = town  # round 48 part C: "12 rue de carouge 1205 geneve"
        pin = _PIN_AFTER_CITY.match(text, end) if code is None else None
        if code is None and pin is None:
            code = _PIN_AFTER_STATE.match(text, end)
        if code and any(s <= code.start(1) and code.end(1) <= e for s, e in kept if e > end):
            continue
        if code and len(code.group(1)) == 4 and NO_CODE_TOWN_NEXT.match(text, code.end(1)):
            code = None  # round 48 part C: "..., ACI 2000 Bamako": a quarter's number, no code where there are none  # round 38 part B: inside a longer address, its quarter's number ("Porte 45, Quartier Hamdallaye ACI 2000")
        if code:
            country = _COUNTRY_LETTERS_BEFORE.search(text, max(0, code.start(1) - 4), code.start(1))
            # round 39 part B: the country's letters joined to it ("CH-1007 Lausanne", "F-75011 Paris")
            yield country.start() if country else code.start(1), code.end(1), "POSTAL_CODE", POSTAL_AFTER_P
        elif pin:
            group = 1 if pin.group(1) else 2
            yield pin.start(group), pin.end(group), "POSTAL_CODE", POSTAL_AFTER_P
        elif four := _POSTAL_FOUR.match(text, end):
            group = 1 if four.group(1) else 2
            if not any(s <= four.start(group) and four.end(group) <= e for s, e in kept if e > end) and not (
                NO_CODE_TOWN_NEXT.match(text, four.end(group))
            ):
                yield four.start(group), four.end(group), "POSTAL_CODE", POSTAL_AFTER_P
        elif (lower := _POSTAL_AFTER_LOWER.match(text, end)) and not (
            lower.group(3) and _UNIT_WORD_END.search(text, max(0, lower.start(3) - 14), lower.start(3))
        ):  # round 41 part B: not a flat's number ("88 Kingsway Ave, Apt 1204")
            group = next(g for g in (1, 2, 3) if lower.group(g))
            yield lower.start(group), lower.end(group), "POSTAL_CODE", POSTAL_AFTER_P
        elif lower_ca := _CANADIAN_LOWER_AFTER.match(text, end):
            yield lower_ca.start(1), lower_ca.end(1), "POSTAL_CODE", POSTAL_AFTER_P
        elif town_code := town_code_after(text, end):
            yield town_code[0], town_code[1], "POSTAL_CODE", POSTAL_AFTER_P  # round 41 part B


# Round 34 part B: an employer's address that is a home: a private person's ("Adresse de l'employeur
# (particulier) : ..."), a flat in it ("..., app. 5"), or a rural road (a farm: "15 rang Saint-Joseph", "5620
# Concession Rd 7", "2254 Route 2, RR 4"). An office's suite stays the business's ("2000 rue Peel, bureau 800").
_EMPLOYER_LABEL_BEFORE = re.compile(
    r"\b(?:employeur|employer|entreprise|compagnie|company|travail|job|boulot|work)\b[^.!?\n]{0,30}$",
    IGNORE_CASE,
)
_PRIVATE_EMPLOYER = re.compile(
    r"\b(?:particulier|priv[ée]e?|private|individual|individu|personne|family|famille|agricole|farm|ferme)\b",
    IGNORE_CASE,
)
_HOME_IN_ADDRESS = re.compile(
    r"\b(?:app|appt|apt|appartement|apartment|logement|unit[ée]?)\b|(?<![\w-])(?:rang|concession|rr|route|line|chemin|rural)(?![\w'’-])",
    IGNORE_CASE,
)


# ... or named as a person with a title: "Employer name: Dr. Samuel Osei", "my employer is Mrs Chen"
# (round 47 part C: or the person worked for, "my sister works for Mrs. Doreen MacPherson as a live-in caregiver",
# "elle travaille chez Mme Tremblay")
_EMPLOYER_PERSON = re.compile(
    r"\b(?:(?:employer|employeur)(?:[ \t]+(?:name|nom))?[ \t]*(?:is|est|c['’][ \t]?est|:)?"
    r"|(?:works?|worked|working|travaill(?:e|es|ent|ait|er))[ \t]+(?:for|pour|chez))[ \t]*"
    r"(?-i:Dr|Mr|Mrs|Ms|Mme|M|Mlle|Madame|Monsieur|Miss)\b\.?[ \t]+(?-i:[A-ZÀ-Þ])",
    IGNORE_CASE,
)


def _employer_home(text: str, start: int, end: int) -> bool:
    if _EMPLOYER_LABEL_BEFORE.search(text, max(0, start - 45), start) is None:
        return False
    return bool(
        _PRIVATE_EMPLOYER.search(text, max(0, start - 45), start)
        or _HOME_IN_ADDRESS.search(text, start, end)
        or _EMPLOYER_PERSON.search(text, 0, start)
    )


def _public_place(text: str, start: int, end: int) -> bool:
    """Whether the address at start:end is a public place's, quoted by the client (see
    :data:`_PUBLIC_PLACE_BEFORE`): named right before it, or asked about; never after the client
    says it is theirs."""
    line = text.rfind("\n", 0, start) + 1
    if _OWN_ADDRESS.search(text, max(0, start - 60), start) or _OWN_ADDRESS.search(text, line, start):
        return False
    if _PLACE_ADDRESS_LABEL.search(text, max(0, start - 90), start):
        return True  # round 36 part B: "Adresse de l'hôtel pour le congrès : Fairmont Le Reine Elizabeth, 900 boul. ..."
    if (
        _PUBLIC_PLACE_BEFORE.search(text, max(0, start - 50), start)
        or _WORK_AFTER.match(text, end)
        or _WHERE_WORK_AFTER.match(text, end)
    ):
        return True
    if _GO_BEFORE.search(text, max(0, start - 30), start) and _FOR_EVENT_AFTER.match(text, end):
        return True  # "they told me to go to 123 Main St for fingerprints"
    if _WORK_AT_BEFORE.search(text, max(0, start - 60), start) or _EVENT_BEFORE.search(
        text, max(0, start - 60), start
    ):
        return True  # round 30 part B: "I work at Tim Hortons on ...", "The ceremony is on March 4 at 10am at ..."
    return (
        _QUESTION_AFTER.match(text, end) is not None
        and _PUBLIC_PLACE_WORD.search(text, max(0, start - 150), min(len(text), end + 80)) is not None
        and _HOME_CUE.search(text, max(line, start - 60), start) is None
    )


# Round 36 part B: a public place's address as a label, its name or its purpose between: "Adresse de l'hôtel pour le
# congrès : Fairmont ..., 900 boul. ...", "address of the clinic where I had my medical: ..." (not "my address").
_PLACE_ADDRESS_LABEL = re.compile(
    rf"\b(?:address|adresse)[ \t]+(?:of|de|du|for|pour)[ \t]+(?:the[ \t]+|l['’][ \t]*|la[ \t]+|le[ \t]+)?{_PUBLIC_PLACE}\b"
    r"[^.!?\n0-9]{0,60}$",
    IGNORE_CASE,
)


# Round 28: a place one is sent to for an appointment's business: "go to 123 Main St for fingerprints".
_GO_BEFORE = re.compile(
    r"\b(?:go|come|went|report|present[ \t]+yourself|aller|venir|rendre|pr[ée]senter)[ \t]+(?:to|au|à|a)[ \t]*$",
    IGNORE_CASE,
)
_FOR_EVENT_AFTER = re.compile(
    r"[ \t,]*(?:for|pour)[ \t]+(?:the[ \t]+|my[ \t]+|les[ \t]+|la[ \t]+|l['’]|mes[ \t]+|mon[ \t]+|ma[ \t]+)?"
    r"(?:fingerprints|biometrics|interview|oath|medical|test|exam|empreintes|biom[ée]trie|entrevue|examen|serment)",
    IGNORE_CASE,
)


# Round 30 part B: a business named as where one works, then its address: "I work at Tim Hortons on
# 2390 Eglinton Ave", "je travaille chez Metro au 55 rue ..." (a business, not a home).
_WORK_AT_BEFORE = re.compile(
    # round 31 part B: a relative's workplace too, its address after a comma or right after its name: "my husband
    # works at Shoppers Drug Mart 1560 Yonge St", "mon mari travaille chez Jean Coutu, 4885 rue Sherbrooke O."
    r"\b(?:I|we|he|she|they|je|j['’]|il|elle|nous|(?:my|mon|ma|his|her|son|sa|our|notre)[ \t]+(?-i:[a-zà-ÿ-]+))[ \t]*"
    r"(?:work|works|worked|working|travaille|travaillais|travaillons|bosse)[ \t]+"
    r"(?:at|for|in|chez|à|a|au|pour)[ \t]+(?:(?:the|a|le|la|l['’])[ \t]*)?(?:(?-i:[A-ZÀ-Þ])[\w'’&.-]*[ \t]+){0,3}"
    r"(?-i:[A-ZÀ-Þ])[\w'’&.-]*(?:[ \t]*,)?[ \t]*(?:(?:on|at|in|au|sur|à)[ \t]*)?$",
    IGNORE_CASE,
)
# Round 30 part B: an event held at the address, its day or hour between: "The ceremony is on March 4 at
# 10am at 200 Town Centre Court", "l'entrevue est le 3 mai à 9h au 1010 rue ...".
_EVENT_BEFORE = re.compile(
    r"\b(?:the|my|our|his|her|their|your|le|la|l['’]|mon|ma|notre|son|sa|votre)[ \t]*"
    r"(?:[\w-]+[ \t]+)?(?:interview|entrevue|entretien|oath|ceremony|c[ée]r[ée]monie|appointment|rendez-vous|rdv"
    r"|biometrics?|fingerprints|medical[ \t]+exam|examen|test)\b"
    r"[^.!?\n]{0,40}?[ \t](?:at|au|à)[ \t]*$",
    IGNORE_CASE,
)


# The client's home said before an address asked about: "we moved, new place is 77 Birch Ave?"
_HOME_CUE = re.compile(
    r"\b(?:my|our|mon|ma|mes|notre|nos|moved|move|d[ée]m[ée]nag\w*|new[ \t]+(?:place|address|home)|nouvelle[ \t]+adresse"
    r"|chez[ \t]+(?:moi|nous)|home|live|lives|habite|habitons|vivons)\b",
    IGNORE_CASE,
)
# A public place's word anywhere before, for an address asked about.
_PUBLIC_PLACE_WORD = re.compile(
    rf"\b(?:{_PUBLIC_PLACE}|rdv|rendez-vous|appointment|biom[ée]tries?|biometrics?|empreintes|fingerprints)\b",
    IGNORE_CASE,
)


_NAMED_HOME_KEYS = wordset("lakou habitation compound")


def said_addresses(scan: Scan) -> Iterator[Candidate]:
    """Addresses whose civic number is said in words (see :data:`_ADDRESS_SAID`), and homes named
    without a number (see :data:`_PLOT_ALONE`): no digit needed."""
    if not scan.has_digit and not _NAMED_HOME_KEYS.isdisjoint(scan.words):
        for m in _PLOT_ALONE.finditer(scan.text):
            if not m.group()[0].isdigit() and _LIVING_BEFORE.search(
                scan.text, max(0, m.start() - 60), m.start()
            ):
                yield m.start(), m.end(), "ADDRESS", ADDRESS_P
    if "code" in scan.words and not _SAID_NUMBER_KEYS.isdisjoint(scan.words):
        for m in _POSTAL_SAID.finditer(scan.text):  # round 30 part B
            yield m.start(1), m.end(1), "POSTAL_CODE", POSTAL_AFTER_P
    if _SAID_ADDRESS_KEYS.isdisjoint(scan.words) or _SAID_NUMBER_KEYS.isdisjoint(scan.words):
        return
    for m in _ADDRESS_SAID.finditer(scan.text):
        yield m.start(), m.end(), "ADDRESS", ADDRESS_P
    for m in _ADDRESS_SAID_LOWER.finditer(scan.text):
        before = max(0, m.start() - 60)
        if _LIVING_BEFORE.search(scan.text, before, m.start()) or _SAID_HOME_BEFORE.search(scan.text, before, m.start()):
            yield m.start(), m.end(), "ADDRESS", ADDRESS_P  # round 48 part C


# Round 36 part B: an area and its number, then the villa, where someone is said to live earlier in the sentence ("la mère
# de mon client vit à Abidjan, Mme ..., Cocody Riviera 3, villa 45", "she lives in Dakar, Sacré-Coeur 3, villa 12"); not a
# holiday rental ("Hotel Riviera 3, villa 12 was booked": no living word).
_AREA_VILLA = re.compile(
    # (round 52 part C: or no comma, "j'habite à Sicap Liberté 6 villa n° 6523")
    r"(?<![\w'’-])(?:[A-ZÀ-Þ][\w'’-]+[ \t]+){1,3}[0-9]{1,2}(?:[ \t]*,[ \t]*|[ \t]+)(?i:villa|maison)[ \t]+(?:(?i:n)[°º]\.?[ \t]*)?"
    r"[0-9]{1,5}[A-Za-z]?(?![\w'’-])"
)
_LIVES_IN_SENTENCE = re.compile(
    r"\b(?:vit|vivent|vivons|habite|habitent|habitons|demeure|demeurent|r[ée]side|r[ée]sident|lives?|living|resides?|residing"
    r"|adresse|address|domicile|home)\b[^.!?\n]*$",
    IGNORE_CASE,
)


def area_villas(scan: Scan) -> Iterator[Candidate]:
    """A villa after its area and number, in a sentence that says someone lives there (see :data:`_AREA_VILLA`); for a
    message with "villa" or "maison" (see :func:`addresses`)."""
    for m in _AREA_VILLA.finditer(scan.text):
        if _LIVES_IN_SENTENCE.search(
            scan.text, max(0, m.start() - 120), m.start()
        ) and not _PUBLIC_PLACE_WORD.search(scan.text, max(0, m.start() - 120), m.start()):
            yield m.start(), m.end(), "ADDRESS", ADDRESS_P


# Round 50 part C: a postal code the writer says right after is not theirs, a government's or a form's example, a famous
# seat ("K1A 0A1? Thats the government one i think", "K1A 0B1 no wait thats the govt one lol mine is K2P 1L4", "SW1A
# 2AA? no that's downing st haha", "H0H 0H0, c'est l'exemple du formulaire"): the code stays, the writer's own is masked.
_DISOWNED_CUE = re.compile(
    r"(?i:gov|gouv|federal|f[ée]d[ée]ral|exampl|exempl|sample|[ée]chantillon|downing|parliament|parlement|white[ \t]+house"
    r"|maison[ \t]+blanche)"
)
_DISOWNED_AFTER = re.compile(
    r"[?!.,;:)\"'’» \t]{0,4}(?:(?i:no|non|nope|wait|attends|oops|lol|haha|hmm|oh|ah|right|ok|okay|correct|hein|bon)[ \t,.!?]{1,3}){0,3}"
    r"(?i:that['’]?s|thats|that[ \t]+is|it['’]?s|its|this[ \t]+is|c['’][ \t]?est|ç?a[ \t]+c['’][ \t]?est|ce[ \t]+n['’]est)[ \t]+"
    r"(?:(?i:just|only|juste|seulement|probably|probablement|prob|like|comme)[ \t]+)?"
    r"(?:(?i:the|a|an|le|la|l['’]|un|une|du|de)[ \t]*)?"
    r"(?:(?!(?i:my|mine|mon|ma|mes|our|notre|nos|old|ancien|ancienne|new|nouveau|nouvelle)(?![\w'’-]))[^\W\d_]+[ \t]+){0,2}?"
    r"(?i:gov|govt|government|gouvernement|gouv|federal|f[ée]d[ée]ral|example|exemple|sample|[ée]chantillon|downing"
    r"|parliament|parlement|white[ \t]+house|maison[ \t]+blanche)(?![\w'’-])"
)


def disowned_code(text: str, end: int) -> bool:
    """Whether the postal code ending at `end` is said right after to be a government's, an example's or a famous seat's,
    not the writer's (see :data:`_DISOWNED_AFTER`)."""
    return _DISOWNED_AFTER.match(text, end) is not None


def disowned_words(text: str) -> bool:
    """A quick test: whether `text` may disown a code (see :func:`disowned_code`)."""
    return _DISOWNED_CUE.search(text) is not None
