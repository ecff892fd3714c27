"""Names of people, where the client introduces them: "my name is ...", "I'm ...",
"je m'appelle ...", "my husband ...", "Mrs. ...", or a sign-off ("Thanks, John")."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator
from difflib import SequenceMatcher
from itertools import accumulate, chain

from .base import IGNORE_CASE, PERSON_P
from .dates import TABLE_BIRTH_HEADERS, TABLE_NAME_HEADERS, slash_label_cells, table_cells
from .gazetteer import (
    COMMON_GIVEN,
    FAMILY_LATIN,
    GIVEN_LATIN,
    HOME_TOWNS,
    PLACES,
    TWO_WORD_PLACES,
    any_listed,
    common_given_name,
    country_at,
    family_name,
    given_name,
)
from .names_model import KIN_FIRST, ROLE_INITIAL_BEFORE, _known, crossing_street, vocabulary
from .offices import ROLE_LINE_BEFORE
from .scan import Candidate, Scan
from .vocabulary import (
    COUNTRIES,
    GROUP_PLURALS,
    MONTHS,
    NAME_PARTICLES,
    NAMES_ENDING_LIKE_WORDS,
    NOT_NAME,
    NOT_NAME_CAPITALISED,
    NOT_NAME_LOWERCASE,
    STREET_TYPES_EN,
    STREET_TYPES_FR,
    wordset,
)
from .worldphones import CITY_NAMES

# Strong triggers: what follows is a name, even in lower case ("my name is john smith").
# Round 42: the label's note without brackets: "Full name as in passport: ...", "Nom complet comme sur le passeport :".
_AS_ON_PAPERS = (
    r"(?:\s+(?:as|comme)\s+(?:(?:it\s+is\s+|written\s+|[ée]crit\s+)?(?:in|on|per|sur|dans|au|à)\s+)?"
    r"(?:(?:the|my|his|her|le|la|l['’]|mon|ma|son|sa)\s*)?(?:passport|passeport|papers|papiers|id|card|carte|documents?))?"
)
_STRONG = re.compile(
    r"(?:\bmy\s+(?:(?:full|first|last|family|given|legal|maiden|middle|real|complete|sur)\s*)?name\s*"
    r"(?:is|was|['’]s|:|=|-|na(?=\s))"  # round 28: the pidgin "my name na Obinna"
    r"|\b(?:[\w-]+['’]s|his|her|their|our)\s+(?:(?:full|first|last|family|given|legal)\s+)?name\s+(?:is|na(?=\s))"
    # round 52: a relative's possessive typed without its apostrophe ("my husbands name is Hope")
    r"|\bmy\s+(?:husband|wife|son|daughter|mother|mom|mum|father|dad|brother|sister|friend|boss|partner|spouse"
    r"|fiance|fiancee|cousin|uncle|aunt|nephew|niece|grandmother|grandfather|grandma|grandpa|baby|kid|child)s\s+name\s+(?:is|was)"
    r"|\b(?:full|first|last|family|given|legal|maiden|middle)\s+names?(?:\s*\(s\))?" + _AS_ON_PAPERS + r"\s*(?:is|:|-)"
    r"|\b(?:my\s+|mon\s+)?(?:nickname|nick\s+name|surnom|apodo|palayaw)\s*(?:is|est|c['’]est|:|-)"
    r"|(?<![\w'’-])name['’]s(?=\s)"
    # round 48: the subject left out, as texts do ("... 0199 name is santiago", "ok. name is Grace Obi")
    r"|(?:^|(?<=[\n.!?,;:0-9)])|(?<=[\n.!?,;:0-9)][ \t]))[ \t]*+name[ \t]+(?:is|was)(?=[ \t])"
    # round 48: a form's label in one word, as databases and short forms write it ("fname: ana", "LastName: Diaz", "l.name")
    r"|(?<![\w.-])(?:[flm]\.?|first|last|full|given|family|middle|sur)_?name(?:\s*\(s\))?\s*[:=]"
    r"|(?<![\w-])(?:name|surname|nom|pr[ée]noms?|postnom|nom\s+de\s+famille|nom\s+complet)(?:[ \t]*\([^()\n]{1,30}\))?" + _AS_ON_PAPERS
    + r"(?:\s*[:=]|\s+[-–]\s)"
    # round 40: the label's own note in brackets ("Name (as in old passport): ...", "Nom (comme au passeport) : ...")
    # round 25: a form's other names: "Nom de naissance : DUBOIS", "Nom d'usage : ...", "birth name:"
    r"|(?<![\w-])(?:nom\s+(?:de\s+naissance|d['’]\s?usage|de\s+jeune\s+fille|d['’]\s?[ée]pouse|marital)"
    r"|(?:birth|married|maiden|previous|former)\s+(?:sur)?name)\s*[:=]"
    # round 34: the same said in a sentence, before a capital ("mon nom d'épouse est Lachance, mon nom de
    # naissance Morin", "mon ancien nom de fille c Robichaud", "her maiden name was Okafor")
    r"|(?<![\w-])(?:(?:mon|son|ma|sa|my|his|her)\s+)?(?:ancien\s+)?(?:nom\s+(?:de\s+naissance|d['’]\s?usage|de\s+jeune\s+fille"
    r"|de\s+fille|d['’]\s?[ée]pouse|de\s+femme\s+mari[ée]e|marital)|(?:birth|married|maiden)\s+(?:sur)?name)"
    r"(?:\s+(?:est|[ée]tait|c['’]?\s?est|c|is|was|:))?(?=\s+(?-i:[A-ZÀ-Þ]))"
    r"|\bsurname\s+is"
    # round 28: a document's name quoted ("on her passport the name is just KANAGAMMAH and no surname")
    r"|\b(?:passport|passeport|card|permit|papers|documents?|certificate|copr|visa)\b[^.!?\n]{0,40}\bthe\s+name\s+is"
    r"(?=\s+(?:(?:just|only|simply)\s+)?(?-i:[A-ZÀ-Þ]))"
    # round 50: "s'appeler", said of someone ("il a dit s'appeler Karim"); not "m'appeler", call me ("m'appeler Lundi")
    r"|\b[ms](?:['’]\s?|\s)?app?ell?(?:e|ait)?(?!\w)|\bs['’]\s?app?ell?er(?!\w)|\bjm['’]?\s?app?ell?e?(?!\w)|\bje\s+me\s+nomm?e"
    r"|\b(?:mon|son|sa)\s+(?:nom|pr[ée]nom)(?:\s+(?:de\s+famille|complet))?\s*(?:est|c['’]?\s?est|c|c['’]?\s?[ée]|:|=|-)(?!\w)"
    r"|\bi\s*['’]?\s*a?m\s+called"
    r"|\bmy\s+names(?=\s+(?-i:[A-ZÀ-Þ]))|\bmy\s+names\s*(?:is|was|:)"
    # round 36: the name spelled out, letter by letter or as the system shows it ("Family name spelled out by
    # client: O-K-O-N-K-W-O", "son prénom épelé par la cliente : ...", "the portal shows my last name as KELLR")
    r"|\b(?:(?:full|first|last|family|given|legal|sur)\s*)?(?:name|nom(?:\s+de\s+famille)?|pr[ée]nom)\s+(?:(?:is|est)\s+)?"
    r"(?:actually\s+|vraiment\s+)?(?:spelled|spelt|[ée]pel[ée]e?)(?:\s+out)?"
    r"(?:\s+(?:by|par)\s+(?:the\s+|my\s+|la\s+|le\s+|ma\s+|mon\s+)?(?:cliente|client|applicant|demandeuse|demandeur|him|her|lui|elle)(?![\w'’-]))?"
    r"(?:\s+(?:as|comme))?"
    r"|\b(?:shows?|showing|says|has|lists?|listed|wrote|writes|typed)\s+(?:my|his|her|their|your|the)\s+"
    r"(?:(?:full|first|last|family|given|sur)\s*)?name\s+as(?=\s+(?-i:[A-ZÀ-Þ]))"
    r")"
    # round 36: "her name is actually spelled A-I-S-S-A-T-O-U", "my husband's name is spelled Joao in the system"
    r"(?:\s+(?:actually\s+)?(?:spelled|spelt|[ée]pel[ée]e?)(?:\s+out)?(?:\s+as)?)?\s*[:\-]?",
    IGNORE_CASE,
)
# Every word of _STRONG has one of these in it, in lower case ("name", "nom", "m'appelle",
# "i am called", "apodo", "palayaw").
_STRONG_HINTS = ("name", "nom", "pel", "called", "apodo", "palayaw")  # "fname", "lastname" hold "name" too
_ASCII_DIGIT = re.compile("[0-9]")
_last_strong: tuple[str, tuple[re.Match[str], ...]] = ("", ())


def _strong_matches(text: str) -> tuple[re.Match[str], ...]:
    """``_STRONG.finditer(text)``, found once for the text that several rules look at."""
    global _last_strong
    if _last_strong[0] == text:
        return _last_strong[1]
    low = text.lower()
    found = tuple(_STRONG.finditer(text)) if any(h in low for h in _STRONG_HINTS) else ()
    _last_strong = (text, found)
    return found


# Cards and form labels, kept apart from _STRONG and run only when their words are there (a
# card word, a line break), so that other messages do not pay for them.
_STRONG_FIELD = re.compile(
    # the name on a card: "name on card MARIA SANTOS", "cardholder: ...", "titulaire de la carte"
    # round 42: or on the papers, "name on it Kamaljeet Kaur Gill", "name on file is MacLeod, Agnes"
    r"(?:\bname\s+on\s+(?:(?:the|my|her|his|their|our)\s+)?(?:card|it|file|passport|record|permit|visa|ticket|account)"
    r"(?:\s+(?:is|was|reads|says))?"
    r"|\bnom\s+(?:au|du|sur\s+(?:le|la|mon|ma|son|sa))\s+(?:dossier|passeport|permis|fichier)(?:\s+(?:est|c['’]\s?est))?|\bcard\s*holder(?:['’]?s)?(?:\s+name)?\s*(?=[:=-]|\s+is)(?:\s+is\b)?"
    r"|\bnom\s+(?:sur|du\s+titulaire\s+de)\s+la\s+carte|\btitulaire\s+de\s+la\s+carte\s*(?=[:=-])"
    # a form's label alone on its line, the name on the next: "name\nLucia Fernández"
    r"|(?:^|(?<=\n))[ \t]*(?:(?:full|first|last|legal|given|family|middle|maiden)\s+)?(?:names?|surname|nom(?:\s+complet|\s+de\s+famille)?|pr[ée]noms?)"
    r"[ \t]*:?[ \t]*\n(?=[ \t]*[^\W\d_])"
    r")\s*[:\-]?",
    IGNORE_CASE,
)
_NAME_ON = re.compile(
    r"(?:\bname\s+on\s+(?:(?:the|my|her|his|their|our)\s+)?(?:card|it|file|passport|record|permit|visa|ticket|account)"
    r"(?:\s+(?:is|was|reads|says))?"
    r"|\bnom\s+(?:au|du|sur\s+(?:le|la|mon|ma|son|sa))\s+(?:dossier|passeport|permis|fichier)(?:\s+(?:est|c['’]\s?est))?)\s*[:\-]?",
    IGNORE_CASE,
)
_INITIAL_FAMILY = re.compile(r"[ \t]*+(?=([A-ZÀ-Þ]))[A-ZÀ-Þ]\.[ \t]?([A-ZÀ-Þ][a-zà-ÿ]{2,}(?:-[A-ZÀ-Þ][a-zà-ÿ]+)?)(?=[ \t]*(?:[,.;!?)\n]|$))")
_STRONG_FIELD_KEYS = wordset("card cardholder holder carte titulaire it file passport record permit visa ticket account dossier passeport permis fichier")
# The same in the clients' own languages: Spanish, Portuguese, Italian, German, Tagalog,
# Turkish, Vietnamese, Malay/Indonesian, Arabic, Persian, Hindi/Urdu (transliterated). Kept
# apart, and run only when one of their words is there, so that English and French messages
# do not pay for them.
_STRONG_OTHER = re.compile(
    r"(?:\bmi\s+(?:nombre|apellido)(?:\s+completo)?\s+es"
    r"|(?<![\w-])(?:nombre|nome|apellidos?|sobrenome|vorname|nachname|pangalan)(?:\s+completo)?\s*[:=]|\bme\s+llamo|\bmi\s+chiamo"
    # round 48: a form's labels in other languages, with their colon ("Cognome: Rossi", "Soyadı: Yılmaz / Adı: Elif",
    # "Họ: Nguyễn / Tên: Thị Hoa", "Nazwisko: Nowak", "Фамилия: Петров", "Apelyido: Santos", "Nama: Siti Aminah")
    r"|(?<![\w-])(?:cognome|familienname|soyad[ıi]|ad[ıi]|h[ọo][ \t]+v[àa][ \t]+t[êe]n|(?-i:H[ọỌ]|h[ọ]|T[êÊ]n|t[ê]n)|nazwisko|imi[ęe]"
    r"|фамилия|имя|отчество|apelyido|nama(?:[ \t]+lengkap)?|ism|naam|nom[ \t]+de[ \t]+famille)[ \t]*(?:\([^()\n]{1,20}\))?[ \t]*[:=]"
    # round 27: another person's name in Spanish and Portuguese: "mi esposa se llama ana maría", "ele se chama João"
    r"|\b(?:esposa|esposo|marido|mujer|hij[oa]|madre|padre|herman[oa]|mam[áa]|pap[áa]|novi[oa]|abuel[oa]|t[íi][oa]|prim[oa]"
    r"|amig[oa]|beb[ée]|niñ[oa]|jef[ea]|filh[oa]|m[ãa]e|pai|irm[ãa]o?|av[óô]|namorad[oa])\s+se\s+(?:llama(?:ba)?|chama)"
    r"|\b(?:o\s+)?meu\s+(?:nome|apelido|sobrenome)(?:\s+completo)?\s+(?:[ée]|eh)(?!\w)|\bme\s+chamo|\bchamo-me"
    r"|\bich\s+hei(?:ß|ss)e|\bmein\s+(?:vor|nach|voller\s+)?name\s+ist"
    r"|\b(?:ang\s+)?(?:buong\s+)?pangalan\s+ko(?:\s+po)?(?:\s+(?:ay|is|-|:))?|\bako\s+(?:po\s+)?(?:ay\s+)?si"
    r"|\b(?:benim\s+)?ad[ıi]m(?!\w)|\bismim|\bnama\s+saya(?:\s+adalah)?"
    r"|\bt[êe]n\s+(?:t[ôo]i|em|m[ìi]nh)\s+l[àa]|\b(?:t[ôo]i|em|m[ìi]nh)\s+t[êe]n\s+(?:l[àa])?"
    r"|\b(?:ana\s+)?(?:ismi|esmi|ismee|esmee|ismy|esmy)(?!\w)|\besm(?:e)?\s+man|\besmam"
    r"|\b(?:mera|meraa)\s+naam(?:\s+hai)?"
    # round 28: Bengali "amar nam", and "nam"/"naam" alone opening a line before a capitalised name ("nam Shuvo")
    r"|\bamar\s+na(?:a)?m(?:\s+(?:holo|hocche))?|(?:^|(?<=\n))[ \t]*(?-i:naa?m)"
    r"(?=[ \t]+(?-i:[A-ZÀ-Þ][a-zà-ÿ]+(?:[ \t]+[A-ZÀ-Þ][a-zà-ÿ]+){0,2})[ \t]*(?:[.!,\n]|\Z))"
    # Hindi/Urdu "whose name": "meri beti ka naam Simran hai"; Darija "smiti"; Haitian Creole
    # "mwen rele", "non mwen se"
    r"|\b(?:ka|ki|ke)\s+naam(?:\s+(?:hai|he|h))?|\b(?:smiti|smitek|smitha|smito|esmiti|ismiti)"
    r"|\b(?:mwen|m|li|yo|an|la)\s+rele|\bnon\s+(?:mwen|m|li|pitit\s+mwen)\s+se"
    # round 41: Swahili, Polish, Romanian, Russian and Ukrainian, Wolof, Lingala, Kinyarwanda, Somali, Yoruba,
    # Hausa, Igbo, Twi, typed in Latin letters ("jina langu ni Amani Juma", "nazywam się Anna Nowak", "mă numesc
    # Ion Popa", "menya zovut Olga", "maa ngi tudd Awa Ndiaye", "nkombo na ngai Grâce", "oruko mi ni Tunde")
    r"|\bjina\s+langu(?:\s+ni)?|\bnaitwa|\bnazywam\s+si[ęe]|\bm[ăa]\s+numesc|\bnumele\s+meu\s+(?:este|e)"
    r"|\bmenya\s+zovut|\bmene\s+(?:zvaty|zvut)|(?<![\w-])(?:меня\s+зовут|мене\s+звати|мо[её]\s+имя|моє\s+ім['’]я)(?:\s*[:—-])?(?=\s*(?-i:[А-ЯЁІЇЄҐ]))|\bmaa?\s+ngi\s+tudd|\bsama\s+tur(?:\s+mooy|\s+moy)?"
    r"|\bnkombo\s+na\s+ngai(?:\s+ezali)?|\bnitwa|\bmagacaygu?(?:\s+waa?)?|\bmagacayga(?:\s+waa?)?"
    r"|\bor[uụ]k[oọ]\s+mi\s+ni|\bsunana|\baha\s+m\s+b[uụ]|\bme\s+din\s+de"
    r")\s*[:\-]?",
    IGNORE_CASE,
)
_STRONG_KEYS = wordset("""
fname lname mname firstname lastname fullname givenname familyname middlename first_name last_name full_name
name nom prénom prenom surname appelle apelle appele apele appel apel nomme nome called
names nickname nick surnom apodo palayaw
mappelle mapelle mappele sappelle sapelle jmappelle jmapelle names appelait sappelait
appeler sappeler
""")
_STRONG_OTHER_KEYS = wordset("""
nombre apellido apellidos vorname nachname llamo chiamo nome apelido sobrenome chamo heiße heisse pangalan ako
llama llamaba chama
adım adim ismim nama tên tôi toi mình minh ismi esmi ismee esmee ismy esmy esme esm esmam naam nam
mein smiti smitek smitha smito esmiti ismiti rele
jina naitwa nazywam numesc numele zovut zvaty zvut tudd tur nkombo nitwa magacaygu magacayga magacay oruko orukọ
sunana aha din
зовут звати имя ім'я cognome familienname soyadı soyadi adı adi họ ho tên ten nazwisko imię imie фамилия имя отчество apelyido ism
""")
# Weak triggers: only capitalised words that are not nationalities, places... ("I'm Maria",
# not "I'm Canadian"). After "I'm" / "this is", a lower-case word that is plainly a name and
# ends the clause also counts ("hi im sarah, ..."; not "I'm confused", "im stuck, ...").
_SELF = re.compile(
    r"(?P<two>\bi\s*['’]?\s*a?m|\bi\s+go\s+by)(?![\w'’])"
    r"|(?:\bthis\s+is|\bit['’]?s|\bmoi\s*,?\s*c['’]?\s?est|\bc['’]?\s?est|\bici|\bjsuis|\bchui)(?![\w'’])"
    r"(?:\s*,?\s*(?:me|moi)(?:\s+(?:again|encore))?\s*,?(?![\w'’]))?",
    IGNORE_CASE,
)
_SELF_KEYS = wordset("m am im iam go this it its s moi c cest est ici jsuis chui")
# "c" typed for "c'est", only where one introduces oneself: "slt c moussa".
_C_EST = re.compile(  # "c moi stéphanie, jvoulais"; round 25: "c moi encore 🙏 yasmine."
    r"\bc[ \t]+(?:mo[iéè][ \t]+(?:encore[ \t]+)?(?:[\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d][ \t]*){0,4}[ \t,]*)?(?=[^\W\d_])",
    IGNORE_CASE,
)
# Greetings and politeness words that may open a message before one introduces oneself:
# English, French and chat shorthand ("slt", "bjr", "cc"), Tagalog "po", and the clients'
# own languages' greetings.
_GREETING = (
    r"hi+|hello|helo|hey|hiya|howdy|yo|bonjour|bonsoir|bjr|bsr|salut|slt|coucou|cc|allo|allô|greetings"
    r"|good\s+(?:morning|afternoon|evening|day)|morning|dear\s+\w+|hola|buen[oa]s(?:\s+(?:d[ií]as|tardes|noches))?"
    r"|ol[áa]|bom\s+dia|boa\s+(?:tarde|noite)|kumusta|magandang\s+(?:umaga|hapon|gabi)|xin\s+ch[àa]o|ch[àa]o"
    r"|salam|salaam|as-?salamu\s+alaykum|assalamu?\s+alaikum|namaste|merhaba|hallo|guten\s+tag"
)
# "soy", "sou", "ich bin": only capitalised names follow.
_SELF_OTHER = re.compile(
    r"(?:\bsoy|\bsou(?:\s+[oa])?|\bich\s+bin|\bsono|\bmwen\s+se|(?-i:\bana(?=[ \t]+[A-ZÀ-Þ][a-zà-ÿ]))|(?<![\w'’-])(?i:myself)(?=[ \t]+(?-i:[A-ZÀ-Þ][a-zà-ÿ]))"  # "myself Ravi from Hyderabad"
    # Persian "man ... hastam" (I am ...), typed in Latin letters
    r"|\b(?i:man|mn)(?=[ \t]+[A-ZÀ-Þ][^\n]{1,40}?[ \t](?i:hastam|hastem|hastm|hasam)\b))(?![\w'’])",
    IGNORE_CASE,
)
_SELF_OTHER_KEYS = wordset("soy sou bin hastam hastem hastm hasam myself ana sono mwen")
# Lower-case names only where people introduce themselves: first, or after a greeting.
_OPENING = re.compile(
    rf"\W*(?:(?:{_GREETING}|yes|yeah|ok|okay|oui|ircc|there|all|everyone|team|po|sir|ma['’]?am|mam|madam"
    r"|madame|monsieur)\W+){0,4}",
    IGNORE_CASE,
)
_WEAK = re.compile(
    r"(?:\bje\s+suis|\bcall\s+me|\bappelez[- ]moi|\b(?:mera|mere|hamara)\s+bet[ae]"  # round 28: "mera beta Arjun"
    r"|\b(?:named|called|nomm[ée]e?|pr[ée]nomm[ée]e?|(?:full|legal|complete)\s+name)"
    r"|\b(?:my|mon|ma|our|notre|his|her|son|sa|mi|mis|meu|minha|their|your|leur|votre"
    # Hindi and Punjabi typed in Latin letters: "main apni wife Simranjeet Kaur nu sponsor karna"
    r"|apni|apna|apne|meri|mera|mere|hamari|hamara|sadi|sada)\s+"
    # a former spouse, a relative's relative: "my ex-husband Marc-Antoine", "my son's girlfriend priyanka"
    r"(?:ex[- ]?|(?:son|daughter|brother|sister|mother|father|mom|mum|dad|wife|husband|cousin|friend)['’]s\s+)?"
    r"(?:husband|wife|spouse|partner|son|daughter|child|mother|mom"
    r"|petite?-fille|petit-fils|grand-fils"
    # round 28: Hindi and Urdu relatives after "meri", "mere", "my" ("meri beti Simran ka passport", "mere pati Rakesh")
    r"|pati|patni|beti|bhai|bhaiya|behen|bahan|didi|ammi|abbu"
    # chat and the clients' own words: "my bf", "my hubby", "mon chum", "mi esposa", "my lola"
    r"|bf|gf|hubby|wifey|fiance|fiancee|mommy|mama|mamma|papa|bro|sis|lil\s+(?:bro|sis|brother|sister)"
    r"|(?:little|younger|older|elder|big|baby|twin)\s+(?:brother|sister|bro|sis)"
    # round 41: a child named by age or rank ("our little one Darius", "my youngest, Sofia,", "notre petit dernier
    # Noah", "ma cadette Inès", "our newborn Amara")
    r"|little\s+one|(?:youngest|eldest|oldest|first[- ]?born|newborn)(?:\s+(?:one|son|daughter|child|kid|boy|girl))?"
    r"|kiddo|toddler|a[îi]n[ée]e?|cadette?|petit\s+dernier|petite\s+derni[èe]re"
    # round 41: the writer's worker ("mon employé temporaire, Luis", "our caregiver Rowena", "my nanny Joy")
    r"|employ[ée]e?s?(?:\s+(?:temporaire|saisonni[èe]re?|[ée]tranger|[ée]trang[èe]re))?|employee|worker|travailleu(?:r|se)"
    r"(?:\s+(?:temporaire|saisonni[èe]re?|[ée]tranger|[ée]trang[èe]re))?|(?:temporary|seasonal|foreign)\s+worker"
    r"|caregiver|nanny|aide[- ]familiale|gardienne"
    r"|chum|blonde|copain|conjoint\s+de\s+fait|conjointe\s+de\s+fait"
    r"|esposa|esposo|marido|mujer|hij[oa]|madre|padre|mam[áa]|pap[áa]|herman[oa]|novi[oa]|suegr[oa]|prim[oa]|t[íi][oa]"
    r"|filh[oa]|m[ãa]e|pai|irm[ãa]o?|namorad[oa]|lola|lolo|tita|tito|kuya|ate"
    r"|mum|father|dad|brother|sister|fianc[ée]e?|girlfriend|boyfriend|cousin|uncle|aunt|nephew|niece"
    r"|friend|grand(?:mother|father|ma|pa|son|daughter|child)|lawyer|consultant|representative|agent"
    r"|buddy|bestie|bff"  # round 53: a friend by a chat word ("my buddy Rocky Balsillie")
    r"|boss|employer|employeur|guardian|tuteur|tutrice|manager|landlord|landlady|sponsor|colleague|neighbou?r|roommate|supervisor"
    r"|(?:beau-|belle-|demi-)?(?:fils|fille|m[èe]re|p[èe]re|fr[èe]re|s(?:oe|œ)ur)"
    r"|step-?(?:son|daughter|mother|father|brother|sister|mom|dad)|half-(?:brother|sister)"
    r"|mari|femme|[ée]pouse|[ée]poux|conjointe?"
    r"|copine?|ami|amie|oncle|tante|neveu|ni[èe]ce|grand-m[èe]re|grand-p[èe]re|avocate?"
    r"|consultante?|repr[ée]sentante?|patronne?|propri[ée]taire|parrain|marraine"
    r"|coll[èe]gue|voisine?|superviseure?"
    # round 49: the in-laws and godparents named in one word ("son gendre, Patrice,", "ma bru Aïcha", "ma cousine Awa",
    # "my goddaughter Zoe", "mi yerno Diego", "o meu genro Paulo")
    r"|gendre|bru|cousine|filleule?|godmother|godfather|godson|goddaughter|yerno|nuera|cu[ñn]ad[oa]|sobrin[oa]"
    r"|abuel[oa]|genro|sogr[oa]|cunhad[oa]"
    # round 31: the person a lawyer, a consultant, a clinic or a settlement worker writes for: "Notre cliente
    # Rima Saab (IUC ...)", "my client Olivia Mwangi", "our patient Thi Hoa Pham"
    r"|client|cliente|patient|patiente)(?:[- ]in[- ]law)?"
    # round 47: how the child came into the family, said after the relative ("mon fils adoptif Samuel", "ma fille
    # adoptive Daphné", "our adopted son"): the adjective is no part of the name
    r"(?:[ \t]+(?:adoptif|adoptive|adopt[ée]e?|adopted|biologique|biological|orphelin|orpheline)(?![\w'’-]))?"
    r"(?:\s+(?:is|est)(?![\w'’]))?"
    # round 44: where the relative lives, then a comma ("ma tante à Djibouti, Hibo Ali Warsama, +253 ...")
    r"(?:[ \t]{1,3}(?:à|au|aux|en|in)[ \t]{1,3}(?-i:[A-ZÀ-Þ][a-zà-ÿ'’-]+)[ \t]{0,3},|\s*(?:,|[-–—](?=\s))?)"
    # a relative without "my", where a clause starts: "ref B234567890, wife Mariam is ..."
    r"|(?:(?<=^)|(?<=[,;(]\s)|(?<=[,;(]))(?:husband|wife|spouse|daughter|brother|sister|mother|father"
    r"|mari|femme|[ée]pouse|fille|fr[èe]re|s(?:oe|œ)ur|m[èe]re|p[èe]re)"
    # round 31: a parent or grandparent listed without "my", each with their details: "parents from
    # pakistan: dad Muhammad Aslam passport ..., mom Nasreen Akhtar passport ...", "grandpa Wen Jun Liu
    # passport ...", "papa Rachid ..., maman Nadia ..." ("Papa" and "Mama" capitalised are given names too)
    r"|(?:(?<=^)|(?<=[,;:(]\s)|(?<=[,;:(\n])|(?<=[.!?]\s)|(?<=\Wand\s)|(?<=\Wet\s)|(?<=&\s))"
    r"(?:mom|mum|dad|grandpa|grandma|grandmother|grandfather|maman|grand-m[èe]re|grand-p[èe]re|(?-i:papa|mama))"
    r"(?=\s+(?-i:[A-ZÀ-Ý][a-zà-ÿ]))"
    # an agent or lawyer named without "my": "agent Smith told me", "l'agente Nathalie Girard"
    r"|(?<![\w-])(?:agent|agente|officer|lawyer|avocate?)(?=\s+(?-i:[A-ZÀ-Ý][a-zà-ÿ]))"
    # round 50: the office's representative on the phone, "your rep Ahmed on ..." (not "my rep is Northern Star
    # Immigration": one's own representative is often a firm)
    r"|(?<![\w-])(?:your|ur|the)\s+rep(?=\s+(?-i:[A-ZÀ-Ý][a-zà-ÿ]))"
    r"|(?<![\w-])(?:applicant|co-applicant|principal\s+applicant|client|sponsor|spouse|signed|signature|from"
    r"|(?:demandeur|demanderesse)\s+principale?|main\s+applicant"  # round 28: "Demandeur principal : Yohannes ..."
    r"|demandeur|demanderesse|requ[ée]rante?|sign[ée])\s*:"
    r")(?![\w'’])"
    r"|(?:\b(?:mrs?|ms|dr|mme|mlle)\.?|(?-i:\bM\.|\bMe(?=\s+[A-ZÀ-Ý][a-zà-ÿ])|\b(?:Madame|Monsieur|Miss|Mister|Ma[îi]tre|Docteure?"
    r"|Professeure?|Professor|Prof\.?"
    # the clients' own titles: Spanish, German, Filipino, Nigerian, Arabic...
    r"|(?:Sr|Sra|Srta|Dra|Atty|Engr|Arch|Rev|Hon)\.?|Herr|Frau|Madam|Sheikh|Alhaji|Hajia?|Chief|Pastor"
    # round 26: a lawyer's or a minister's title before the name ("Barrister Adaeze Nwankwo", "Pasteur Exantus Dorvil")
    r"|Barrister|Solicitor|Pasteur|Reverend|R[ée]v[ée]rend|Imam"
    # round 27: Spanish titles in full ("Señora Lopez called me", "la señora Gómez", "doña Carmen")
    r"|Se[ñn]ora|Se[ñn]or|se[ñn]ora|se[ñn]or|Do[ñn]a|doña)))(?=\s)",
    IGNORE_CASE,
)
_WEAK_KEYS = wordset(
    "name suis moi maman petit petite call appelez named called nommé nommée nomme nommee prénommé prénommée prenomme "
    "prenommee husband wife spouse partner son daughter child mother mom mum father dad brother "
    "sister fiancé fiancée fiance fiancee girlfriend boyfriend cousin uncle aunt nephew niece "
    "friend buddy bestie bff grandmother grandfather grandma grandpa lawyer consultant representative rep agent "
    "employer boss manager landlord landlady sponsor colleague neighbour neighbor roommate "
    "supervisor mari femme épouse epouse époux epoux conjoint conjointe fils fille mère mere "
    "père pere frère frere soeur sœur copin copine ami amie oncle tante neveu nièce niece grand "
    "avocat avocate consultante représentant representant représentante representante employeur "
    "patron patronne propriétaire proprietaire parrain marraine collègue collegue voisin voisine "
    "superviseur superviseure applicant client cliente patient patiente signed from demandeur demanderesse requérant "
    "requerant requérante requerante signé signe signature mr mrs ms dr mme mlle madame monsieur "
    "beau belle demi stepson stepdaughter stepmother stepfather stepbrother stepsister step half "
    "grandson granddaughter grandchild me officer agente miss mister maître maitre docteur docteure professeur professeure professor prof "
    "sr sra srta dra atty engr arch rev hon herr frau madam sheikh alhaji haji hajia chief pastor "
    "barrister solicitor pasteur reverend révérend reverend imam señora senora señor senor doña dona "
    "bf gf hubby wifey mommy mama mamma papa bro sis lil chum blonde copain esposa esposo marido mujer hijo hija "
    "madre padre mamá mama papá papa hermano hermana novio novia suegro suegra primo prima tío tio tía tia filho "
    "filha mãe mae pai irmão irmao irmã irma namorado namorada lola lolo tita tito kuya ate "
    "guardian tuteur tutrice tuteure garant employer employeur parent enfant dependant dependent beneficiary "
    "bénéficiaire beneficiaire holder titulaire contact personne requester apni apna apne meri mera mere hamari hamara sadi sada "
    "pati patni beta bete beti bhai bhaiya behen bahan didi ammi abbu "
    "little youngest eldest oldest firstborn first newborn kiddo toddler aîné aînée aine ainee cadet cadette dernier dernière "
    "derniere employé employée employe employee employés employees worker travailleur travailleuse caregiver nanny aide gardienne "
    "gendre bru cousine filleul filleule godmother godfather godson goddaughter yerno nuera cuñado cuñada cunado cunada "
    "sobrino sobrina abuelo abuela genro sogro sogra cunhado cunhada"
)
# Relatives as a form's fields and "X of <Name>": kept apart from _WEAK, run only when the
# text has a colon or "of" / "de".
_WEAK_FIELD = re.compile(
    # a relative as a form's field: "father: Harbhajan Singh", "mère : Surinder Kaur"
    r"(?:(?<![\w-])(?:husband|wife|spouse|partner|son|daughter|child|mother|father|brother|sister|fianc[ée]e?"
    r"|mari|femme|[ée]pouse|[ée]poux|conjointe?|fils|fille|m[èe]re|p[èe]re|fr[èe]re|s(?:oe|œ)ur"
    r"|guardian|tuteur|tutrice|sponsor|garant|parent|enfant|dependant|dependent|beneficiary|b[ée]n[ée]ficiaire"
    r"|(?:passport\s+|card\s*|account\s+)?holder|titulaire|emergency\s+contact|contact\s+person"
    r"|personne\s+[àa]\s+contacter|requester|demandeur|demanderesse)[ \t]*(?:\([^)\n]{1,20}\))?[ \t]*:"
    # "the guardian of Lucas", "la tutrice de Lucas Van der Berg"
    r"|(?<![\w-])(?:(?:legal\s+)?(?:guardian|tuteur|tutrice|tuteure)(?:\s+l[ée]gale?)?|mother|father|parent|m[èe]re|p[èe]re"
    r"|mom|mum|dad|maman|papa|daughter|son|wife|husband|fille|fils|femme|mari"
    # round 48: the other relatives too ("le frère de Wilda", "the sister of Amina", "la cousine d'Awa")
    r"|brother|sister|cousin|uncle|aunt|nephew|niece|grandson|granddaughter|grandmother|grandfather|fianc[ée]e?"
    r"|fr[èe]re|s(?:oe|œ)ur|cousine|oncle|tante|neveu|ni[èe]ce|petit-fils|petite-fille|grand-m[èe]re|grand-p[èe]re"
    r"|beau-fr[èe]re|belle-s(?:oe|œ)ur|beau-p[èe]re|belle-m[èe]re"
    r"|herman[oa]|hij[oa]|espos[oa]|prim[oa]|t[íi][oa]|sobrin[oa]|niet[oa]|abuel[oa]|irm[ãa]o?|filh[oa]|net[oa]|sobrinh[oa])"
    r"\s+(?:of|de|d['’])(?=\s*[^\W\d_])"
    r")(?![\w'’])",
    IGNORE_CASE,
)
_WEAK_FIELD_HINTS = wordset("of de d")
_OF = re.compile(r"(?:of|de|d['’]|:)\s*$", IGNORE_CASE)
# The line a phone's mail app adds under the signature.
_DEVICE_LINE = (
    r"\s*\n[ \t]*(?i:sent\s+(?:from|with|via)\s+(?:my\s+)?|envoy[ée]\s+(?:de|depuis)\s+(?:mon\s+)?"
    r"|enviado\s+desde\s+(?:mi\s+)?|get\s+outlook\s+for\s+|obtenir\s+outlook\s+pour\s+)[^\n]{1,40}"
)
_DEVICE = rf"(?:{_DEVICE_LINE})?"
# A name alone on the line above that line: "...\n--\nAnh Tran\nSent from my iPhone".
_ABOVE_DEVICE = re.compile(
    r"(?:^|\n)[ \t]*(?:(?:--|—|–)[ \t]*\n[ \t]*)?([A-ZÀ-ÖØ-Þ][^\W\d_]*(?:['’-][^\W\d_]+)*"
    rf"(?:[ \t]+[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:['’-][^\W\d_]+)*){{1,3}})[ \t]*{_DEVICE_LINE}\s*$"
)
_DEVICE_KEYS = wordset("sent envoyé envoye enviado outlook")
# Emoji after a signature's name: "Thanks!\nPriya 🙏", "Merci, Jean 🙂".
_EMOJI = "(?:[ \t]*[\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]){0,8}"
_SIGN_OFF = re.compile(
    r"(?:(?:^|(?<=[\s.!,]))(?i:(?:(?:thanks?|thank)(?:\s+(?:you|u|ya))?(?:\s+(?:a\s+lot|a\s+bunch|a\s+million|a\s+ton"
    r"|(?:so|very)\s+much|again|in\s+advance))?|merci)"
    r"(?:\s+(?:for|pour|de|d['’])\s*[^,.!?\n]{1,30}?)?"
    r"|thanks?(?:\s+you)?(?:\s+(?:so\s+much|again|in\s+advance|a\s+lot|a\s+bunch|a\s+million|a\s+ton))?"
    r"|thx(?:\s+(?:so\s+much|a\s+lot|again))?|regards"
    r"|thank\s+you\s+(?:very\s+much|so\s+much|kindly|again)|many\s+thanks|much\s+appreciated"
    r"|(?:best|kind|warm|warmest)\s+(?:regards|wishes)|best|cheers|sincerely(?:\s+yours)?|yours\s+(?:truly|sincerely|faithfully)"
    r"|faithfully|cordially(?:\s+yours)?"
    r"|respectfully(?:\s+yours)?|take\s+care|all\s+the\s+best"
    r"|signed(?=\s*[,:\-–—\n])|sign[ée]e?(?=\s*[,:\-–—\n])"
    r"|merci(?:\s+beaucoup|\s+d['’]avance|\s+encore)?(?:\s+et\s+bonne\s+(?:journ[ée]e|soir[ée]e))?"
    r"|cordialement|salutations(?:\s+(?:distingu[ée]es|respectueuses))?|sinc[èe]res\s+salutations"
    # round 26: a formal letter's closing ("Respectueusement,", "... mes sentiments distingués.")
    r"|respectueusement|sentiments\s+(?:distingu[ée]s|respectueux)"
    r"|bonne\s+(?:journ[ée]e|soir[ée]e|fin\s+de\s+journ[ée]e)|au\s+plaisir"
    r"|bien\s+à\s+vous|amicalement"
    # the clients' own languages and chat shorthand
    r"|(?:muchas\s+)?gracias|saludos(?:\s+cordiales)?|atentamente|cordialmente|obrigad[oa]|atenciosamente"
    r"|abra[çc]os|(?:maraming\s+)?salamat(?:\s+po)?|(?:vielen\s+)?dank(?:e(?:\s+sch[öo]n)?)?"
    r"|(?:mit\s+)?freundlichen\s+gr[üu](?:ß|ss)en|(?:viele\s+)?gr[üu](?:ß|ss)e|shukran|choukran|merci\s+bcp"
    r"|ty|tysm|thnx|thanx|tnx|tks|thks|tq|thanks?\s+u|rgds|regds|god\s+bless|blessings)[\s,!.\-–—]*"
    r"(?:[\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d][\s,!.]*)*\s"
    r"|(?:^|\n)[ \t]*(?:--|—|–)[ \t]*\n"  # "--" before a signature
    # a dash before the name, on its own line or after a sentence: "...\n- Priya", "... ! —Chen"
    r"|(?:(?<=\n)|(?<=[.!?)\u2600-\u27bf\U0001f000-\U0001faff\ufe0f][ \t])|(?<=[.!?)][ \t]{2}))"
    r"[ \t]*(?:-{1,2}|—|–|~)[ \t]*(?=[^\W\d_]))"
    # then one to four words and the end of the message (atomic words: no backtracking),
    # or only lines of contact details after them ("Ahmed Khan\n514-555-0199")
    r"(?=(?>[^\W\d_]+(?:['’-][^\W\d_]+)*)(?:\.(?=[ \t]+[A-ZÀ-Þ]))?(?:[ \t]+(?>[^\W\d_]+(?:['’-][^\W\d_]+)*)){0,4}[ \t]*[.!]*"
    + _EMOJI +
    r"(?:[ \t]*\n[^\n0-9@]{0,30}[0-9@][^\n]{0,60}){0,3}" + _DEVICE + r"\s*$)"
)
_THANKS_FOR = re.compile(r"\b(?:for|pour|de|d['’])\s*\S", IGNORE_CASE)
# Lines of contact details that may follow the name of a signature, and the line a phone's
# mail app adds ("Sent from my iPhone", "Envoyé de mon iPhone").
_CONTACT_LINES = re.compile(r"[ \t]*[.!]*" + _EMOJI + r"(?:[ \t]*\n[^\n0-9@]{0,30}[0-9@][^\n]{0,60}){0,3}" + _DEVICE + r"\s*$")
_SIGN_OFF_KEYS = wordset("""
thanks thank thx regards best cheers sincerely truly respectfully merci cordialement
salutations vous amicalement many appreciated wishes yours care signed signé signe signée respectueusement sentiments
bonne plaisir faithfully cordially
gracias saludos atentamente cordialmente obrigado obrigada atenciosamente abraços abracos
salamat danke dank freundlichen grüßen grüssen grussen grüße grüsse grusse shukran choukran
bcp ty tysm thnx thanx tnx tks thks tq rgds regds bless blessings
""")
# Wishes that close a message like a name would: "Thanks!! Merry Christmas", "Merci, Bonne Année",
# Tagalog "salamat po, ingat kayo" (take care).
_WISHES = wordset("""
merry christmas xmas happy new year holidays holiday easter eid mubarak diwali ramadan kareem luck weekend
bonne bon année annee noël noel fêtes fetes joyeux joyeuses vacances chance feliz navidad año ano nuevo
ingat
""")
_FINAL_INITIAL = re.compile(r"[ \t]+[A-ZÀ-Þ]\.?(?=[ \t]*(?:\n|$))")
_DASH_HINT = re.compile(r"[-—–~][ \t]*(?:\n|[^\W\d_])")
_LIST_LINE = re.compile(r"[ \t]*(?:[-—–~*•]|[0-9]+[.)])")


def _dash_signature_hint(text: str) -> bool:
    """Whether a dash that could open a signature is there: after a space or a new line,
    before a word or a new line (not "e-mail", "2024-03-02")."""
    if "-" not in text and "—" not in text and "–" not in text and "~" not in text:
        return False
    return any(m.start() == 0 or text[m.start() - 1].isspace() for m in _DASH_HINT.finditer(text))


def _in_list(text: str, pos: int) -> bool:
    """True when the line at `pos` starts with a dash and so does the line before it: the
    last item of a list ("- Passport\n- Photos"), not a signature."""
    line = text.rfind("\n", 0, pos) + 1
    if not _LIST_LINE.match(text, line) or line == 0:
        return False
    previous = text.rfind("\n", 0, line - 1) + 1
    return _LIST_LINE.match(text, previous) is not None


# Given names written short before the rest of the name: "Ma." (María), "Ma. Cristina".
_NAME_ABBREVIATIONS = frozenset(("Ma", "Mª", "Md", "Mohd", "Muhd"))
_CAPITAL_NEXT = re.compile(r"[ \t]+[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]")
_NAME_TOKEN = re.compile(r"[ \t\u00a0]*([^\W\d_]+(?:['’-][^\W\d_]+)*)")
_END = re.compile(r"\s*[.!]*" + _EMOJI + r"\s*$")


# A place in one hyphenated word with "au", "sur", "en"... inside: "Port-au-Prince",
# "Saint-Jean-sur-Richelieu", "Aix-en-Provence" ("Jean-de-Dieu" is a name).
_I_CONTRACTION = re.compile(r"I['’](?:ll|m|d|ve)")
_PLACE_COMPOUND = re.compile(r"\w-(?:au|aux|sur|en|lès|les|sous)-\w")


# Round 22: punctuation said aloud to a phone's dictation, after a name: "my name is jose luis
# ramirez castillo comma my date of birth ...", "je m'appelle marie dubois virgule ...".
_DICTATED = wordset("comma period virgule")


# Round 31: a pronoun and its verb before the name a relative's word announced ("my wife, she's Sofía
# Benítez", "ma mère, elle c'est Awa Diop", "my dad, he is Ali Raza"): never the name's first word.
_PRONOUN_LEAD = re.compile(
    r"[ \t]*(?i:she|he|elle|il|shes|hes)(?:['’]s|[ \t]+(?i:is|est|c['’]est)|(?<=s))[ \t]+(?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ])"
)


# Round 45: a firm's first word after a particle ends the name: who the person works for ("Ici Julie Tremblay de
# Solutions Immigration Laval", "Marc Roy du Cabinet Roy Avocats", "Ana Silva of Global Pathways Consulting").
_FIRM_AFTER_PARTICLE = wordset("""
cabinet clinique groupe group bureau immigration avocats avocat lawyers law legal conseil conseils consultants consultation
services service solutions migration migratoires migratoire centre center association fondation agence agency firm
""")


# Round 48: a middle initial written without its full stop is followed by the name's next word in capitals
# ("name on card MARIA L GONZALEZ", "Peter J Okafor"); "L" and "A" are words of the lists otherwise.
_MIDDLE_INITIAL_NEXT = re.compile(r"[ \t]++[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’-]+(?![\w'’-])")


# Round 48: spoken words that link clauses, never a name's next word ("mathieu tremblay pis mon nas", "genre").
_SPOKEN_LINKS = wordset("pis puis genre faque fak ben tsé tse mettons pi")


# Round 48: a family name that opens with its particle, said first ("my name is De Souza Marcos", "Nom : Van den Broeck
# Guillaume"): a capitalised particle, then (maybe a second particle and) a capitalised word
_ADVERB_BEFORE_NAME = wordset("instead rather plutôt plutot aussi also too")
_LEAD_PARTICLES = wordset("van von de da di dos das del della ter ten le la")
_FAMILY_AFTER_PARTICLE = re.compile(
    r"(?:[ \t]++(?i:den|der|la|los|las|du))?[ \t]++[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{2,}+(?:[ \t]++([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]++(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]++)?))?"
)


def _lead_particle(text: str, pos: int, strong: bool) -> bool:
    """A family name after the particle at `pos`; without a strong trigger, a given name of the lists after it too."""
    m = _FAMILY_AFTER_PARTICLE.match(text, pos)
    return m is not None and (strong or (m.group(1) is not None and given_name(m.group(1))))


def _name_at(
    text: str, pos: int, strong: bool, lowercase: int = 0, titled: bool = False
) -> tuple[int, int] | None:
    """The name that starts at `pos` (after a trigger), as (start, end), or None.

    `strong`: the trigger says a name follows ("my name is"); `lowercase`: after "I'm",
    a lower-case name of up to that many words may stand alone before the end of the clause;
    `titled`: the trigger was a title ("Mr.", "Mme").
    """
    start = end = -1
    count = 0
    particles = 0  # particles ("de", "van") waiting for the next word of the name
    lowercase_name = False
    after_title = False
    initial = -1  # where an initial after a title starts
    lead = -1  # where particles before the first word start
    if not titled and (pronoun := _PRONOUN_LEAD.match(text, pos)) is not None:
        pos = pronoun.end()  # round 31: "for my wife, she's Sofía Benítez": the pronoun and its verb
    while count < 5:
        m = _NAME_TOKEN.match(text, pos)
        if not m:
            break
        word = m.group(1)
        possessive = count > 0 and word.endswith(("'s", "’s"))
        if possessive:
            word = word[:-2]
        if _I_CONTRACTION.fullmatch(word):
            break  # "tell Dr. Hassan I'll bring": the writer, not the name's next word
        low = word.lower()
        if count and low in _DICTATED:
            break  # "my name is jose ramirez comma my date of birth ...": punctuation said aloud
        capital = word[0].isupper()
        if count == 0 and not capital and low in _ADVERB_BEFORE_NAME and _CAPITAL_NEXT.match(text, m.end()):
            pos = m.end()  # round 51: "reply to my husband instead Babajide Adeyemi": the adverb, then the name
            continue
        if count == 0 and (low in _TITLES or (word == "m" and text.startswith(".", m.end()) and not titled
                                              and _NAME_TOKEN.match(text, m.end() + 1))) and not (titled or after_title):
            after_title = True  # "Maître Dubois", "Dr. Hassan Ali": the title is not the name
            pos = m.end() + (text[m.end()] == "." if m.end() < len(text) else 0)
            continue
        if count and word in _NAME_ABBREVIATIONS and text.startswith(".", m.end()) and _CAPITAL_NEXT.match(text, m.end() + 1) \
                and all(given_name(w) or family_name(w) for w in text[start:end].split()):
            end, pos = m.end() + 1, m.end() + 1  # round 48: "Rahman Md. Mizanur": the abbreviated given name inside the name
            continue
        if count == 0 and initial < 0 and word in _NAME_ABBREVIATIONS and text.startswith(".", m.end()) \
                and _CAPITAL_NEXT.match(text, m.end() + 1):
            initial, pos = m.start(1), m.end() + 1  # "Ma. Cristina Dela Cruz": María, abbreviated
            continue
        if (titled or after_title) and count == 0 and initial < 0 and len(word) == 1 and word.isupper() \
                and text.startswith(".", m.end()):
            initial, pos = m.start(1), m.end() + 1  # "Mr. J. Smith": an initial, then the name
            continue
        if (titled or after_title) and count == 0 and capital and low in _SURNAMES_AFTER_TITLE:
            # "Mr. May", "Mrs. English": after a title, a month or a word that is also a
            # common surname is the name
            start, end, count, pos = m.start(1), m.start(1) + len(word), 1, m.end()
            continue
        if count and capital and low in _SURNAMES_AFTER_TITLE and _CLAUSE_END.match(text, m.end()):
            end, count, pos = m.start(1) + len(word), count + 1, m.end()  # "Nguyen Thi Mai,"
            break
        if count == 0 and (titled or after_title) and word in ("le", "la") and not particles:
            break  # round 26: "Monsieur le Directeur", "Madame la Ministre": an office, not a name
        if (count or titled or after_title or (not particles and word[0].isupper() and low in _LEAD_PARTICLES and _lead_particle(text, m.end(), strong)))\
                and (low in NAME_PARTICLES or (particles and low == "den")) and particles < 2:
            if count == 0 and particles == 0:
                lead = m.start(1)  # "Mr van der Berg": the particles begin the name
            particles += 1
            pos = m.end()
            continue
        if count and particles and (low in PLACES or _PLACE_COMPOUND.search(low) or low in _FIRM_AFTER_PARTICLE
                                    or low in _BUSINESS or low in _PLACE_OR_BODY or low in _TEAM_WORDS
                                    or (count > 1 and particles == 1 and (low in HOME_TOWNS or low in COUNTRIES))
                                    or ((count > 1 or not (given_name(word) or family_name(word))) and country_at(text, m.start(1)) >= 0)):
            break  # "Sébastien Lemaire de Bordeaux": where he is from; round 38: "Gabrielle Doiron de Dieppe"; round 44:
            # a country ("Rodrigue Nzeyimana du Burundi"); round 49: any country, as the clients write it ("Issa Ouattara du Burkina", "Awa
            # Koné de la Côte d'Ivoire", "Omar Haddad des Émirats")
        if count and len(word) == 1 and word.isupper() and word != "I" and not particles \
                and _MIDDLE_INITIAL_NEXT.match(text, m.end()):
            end, pos = m.start(1) + 1, m.end()  # round 48: a middle initial without its full stop, "MARIA L GONZALEZ"
            continue
        if count and len(word) == 1 and word.isupper() and word != "I" and not particles and text.startswith(".", m.end()) \
                and _MIDDLE_INITIAL_NEXT.match(text, m.end() + 1):
            pos = m.end() + 1  # round 53: "ANDREW J. MACDONALD": the initial is the name's if the next word is
            continue
        if count and not capital and low in _SPOKEN_LINKS:
            break  # round 48: "mon nom cest mathieu tremblay pis mon nas ...": a spoken link word ends a lower-case name
        hyphen = word.find("-")
        if strong and count and not capital and not lowercase_name and not particles and end - start > 1 \
                and text[start:end].isupper() and given_name(word) and not _plain_word(word):
            pass  # round 48: the family name shouted, then the given name in lower case ("name - SINGH harpreet")
        elif count and not capital and hyphen > 0 and word[:hyphen].lower() in NAME_PARTICLES \
                and word[hyphen + 1:hyphen + 2].isupper():
            pass  # "Karim el-Fassi", "Omar al-Rashid": a lower-case particle joined to the family name
        elif lowercase and not capital and (count == 0 or lowercase_name):
            if (count >= lowercase and not particles) or count > lowercase or not _plain_name(low):
                break
        elif not _name_word(word, low, capital, strong, count, lowercase_name):
            break
        if count == 0:
            start, lowercase_name = (lead if particles and lead >= 0 else m.start(1)), not capital
        end = m.start(1) + len(word)
        count += 1
        particles = 0
        pos = m.end()
        if possessive:
            break  # "John Smith's wife": the possessive ends the name
    if count and lowercase_name and not strong and not _CLAUSE_END.match(text, end) \
            and not (count >= 2 and _verb_next(text, end)):
        return None  # "this is mohammed al-rashid asking about ...": a verb may end it too
    if count == 1 and not strong and not lowercase_name and _adjective(text[start:end].lower()):
        return None  # "this is Ridiculous", "I'm Stuck": a capital does not make a name
    if count and initial >= 0:
        start = initial
    return (start, end) if count else None


def _lower_after_title(text: str, pos: int) -> tuple[int, int] | None:
    """One lower-case word after "mr." / "mrs." / "ms." written with the full stop ("mr.
    sharma is"), when it can only be a name and a verb or the end of the clause follows."""
    m = _NAME_TOKEN.match(text, pos)
    if m is None or not m.group(1).islower() or not _plain_name(m.group(1)):
        return None
    after = _NAME_TOKEN.match(text, m.end())
    if not (_CLAUSE_END.match(text, m.end()) or (after and _verb_like(after.group(1)))
            or (family_name(m.group(1)) and m.group(1) not in vocabulary())):  # "tell mr. okafor I'll bring"
        return None
    return m.span(1)


def _verb_next(text: str, pos: int) -> bool:
    """Whether the word after `pos` is a verb that may follow a name ("asking", "needs")."""
    m = _NAME_TOKEN.match(text, pos)
    if m is None or m.group(1)[0].isupper():
        return False
    low = m.group(1).lower()
    return (len(low) > 4 and low.endswith("ing")) or low in _SUBJECT_VERBS


_PLAIN_TITLES = wordset("mr mrs ms mme mlle madame monsieur")
_EMPLOYERS = wordset("employer employeur")


def _employer_person(words: list[str]) -> bool:
    """An employer named like a person ("Lisa Chang", "Robert King"), not like a company ("Tim
    Hortons", "Maple Leaf Foods"): a given name of the lists first, and a last word that is a
    family name of the lists or does not end like a company's ("-s")."""
    if len(words) < 2 or _like_a_place(words):
        return False
    if not given_name(words[0]):  # round 25: "my ex employer Jasmine Kaur": a family name no word spells
        return len(words) == 2 and family_name(words[-1]) and words[-1].lower() not in vocabulary() \
            and words[0].lower() not in vocabulary() and words[0].lower() not in NOT_NAME
    return family_name(words[-1]) or not words[-1].lower().endswith("s")


def _listed_name(words: list[str]) -> bool:
    """Two to four words, a given name of the lists first and a family name of them last."""
    return 2 <= len(words) <= 4 and given_name(words[0]) and family_name(words[-1])
# Titles that also name a rank or an office ("Sr. Developer", "Hon. Minister"): the word
# after them must not be a role.
_ROLE_TITLES = wordset("sr hon rev madam chief pastor arch barrister solicitor pasteur reverend révérend imam")
# Round 26: titles that also name streets and institutions: no common word may follow them.
_NAMING_TITLES = wordset("barrister solicitor pasteur reverend révérend imam")


def _adjective(low: str) -> bool:
    """A word that, alone after "I'm" / "this is", describes rather than names: a word of the
    lower-case lists or one with an adjective's or participle's ending."""
    if low in NAMES_ENDING_LIKE_WORDS:
        return False
    return low in NOT_NAME_LOWERCASE or (len(low) > 5 and low.endswith(_ADJECTIVE_ENDINGS))


_ROLES = NOT_NAME_LOWERCASE | wordset("""
software senior junior executive president minister secretary director officer assistant
associate lead principal staff general justice speaker canon bishop father mother member
""")

# Titles before a name: skipped, the name is what follows.
_TITLES = wordset("""
mr mrs ms miss mister dr doctor docteur docteure prof professor professeur professeure
maître maitre mme mlle madame monsieur sr sra srta dra atty engr arch rev hon herr frau madam
sheikh alhaji haji hajia chief pastor barrister solicitor pasteur reverend révérend imam
señora senora señor senor doña dona
shri smt shrimati
hajji hadji hajja hajjah alhaja
mle melle sieur dame
""")

_ADJECTIVE_ENDINGS = ("ous", "ful", "able", "ible", "less", "ive", "ing", "ed")

# Words of the lists above that are also surnames: only a title makes them a name.
_SURNAMES_AFTER_TITLE = wordset("""
january february march april may june july august september october november december
english french german irish welsh scott dutch black white young little summer winter love
mai avril juin
""")


_CLAUSE_END = re.compile(r"\s*(?:[,.!?;:)(\n—–]|m['’](?=a\b|ont\b)|-\s|$|(?:at|au|on|sur)[ \t]+(?:\+|\(?[0-9]{3}\)?[ .-]?[0-9]{3}(?![0-9]))|(?:and|from|here|again|btw|lol|haha|pls|plz|et|pis|puis|de|encore|born|dob|d\.o\.b|ddn|née|né|nee|comma|period|virgule)\b)", IGNORE_CASE)
# Endings of adjectives, participles, adverbs and nationalities ("jordanian", "sudanese").
_NOT_NAME_ENDINGS = ("ing", "ous", "ful", "ble", "less", "ive", "ish", "ness")
_ELISION = re.compile(r"(?:[cjlmnst]|qu)['’]")
_DEMONYM_ENDINGS = ("ese", "ian", "ean")  # "korean", "sudanese"; not "jean", "sean"


_PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées")


def _plain_name(low: str) -> bool:
    """A lower-case word that can only be a name: not a word of the lists, no ending of an
    adjective, participle or adverb."""
    if "-" in low:  # "jean-françois", "el-sayed"
        parts = low.split("-")
        return all(
            _plain_name(p)
            or (p in NAME_PARTICLES and i < len(parts) - 1)
            # after "al-", "el-", "ben-": a family name, whatever its ending ("el-sayed")
            or (i > 0 and parts[i - 1] in NAME_PARTICLES and len(p) > 2 and p not in NOT_NAME
                and p not in NOT_NAME_LOWERCASE)
            for i, p in enumerate(parts)
        )
    if _ELISION.match(low):  # "s'appelle", "l'adresse", "j'ai": French, not a name
        return False
    if len(low) < 3 or low in NOT_NAME or low in NOT_NAME_LOWERCASE or low in NOT_NAME_CAPITALISED:
        return False
    if low in NAMES_ENDING_LIKE_WORDS:
        return True
    if low.endswith(_PARTICIPLE_ENDINGS) and len(low) > 4 and not (given_name(low) or family_name(low)):
        return False  # round 26: "jsuis tanné dattendre", "chui fatigué": a French participle
    return not (
        low.endswith(_NOT_NAME_ENDINGS)
        or (low.endswith(_DEMONYM_ENDINGS) and len(low) > 5)
        or (low.endswith("ed") and len(low) > 4)
        or (low.endswith("ly") and len(low) > 5)
    )


def _name_word(word: str, low: str, capital: bool, strong: bool, count: int, lowercase_name: bool) -> bool:
    """Whether `word` can be the next word of a name (see :func:`_name_at`)."""
    if strong:
        if count == 0:
            if not capital and len(low) > 4 and low.endswith(_PARTICIPLE_ENDINGS) and not (given_name(low) or family_name(low)):
                return False  # round 47: "mon nom de famille est composé, ...": a French participle, no name
            return low not in NOT_NAME and not (len(word) >= 6 and low.endswith("ing") and not capital)
        if capital:  # "Nguyen Van An": after "my name is", capitals are the name
            return word != "I" and low not in NOT_NAME_CAPITALISED and low not in _NOT_IN_A_NAME
        return lowercase_name and low not in NOT_NAME and not (len(word) >= 6 and low.endswith("ing"))
    shout = len(word) > 1 and word.isupper()
    return (
        capital and not shout and (count > 0 or len(word) > 1)
        and low not in NOT_NAME and low not in NOT_NAME_CAPITALISED
        and (count > 0 or not _demonym(low))
    )


# Words that end a name typed in capitals after "my name is": "GURPREET SINGH PLEASE HELP".
_NOT_IN_A_NAME = wordset("""
please pls plz help thanks thank urgent asap hello hi sir madam and from with need want merci svp
aide urgence bonjour et je j veux voudrais veut pour avec suis ai besoin parler ici
""")


def _demonym(low: str) -> bool:
    """"jordanian", "burmese": a nationality, unless it is a known name ("Brian", "Thérèse")."""
    # no nationality ends in "jean": "Réjean", "Marie-Jean" are names
    return len(low) >= 6 and low.endswith(("ian", "ean", "ese")) and not low.endswith("jean") \
        and low not in NAMES_ENDING_LIKE_WORDS and not (low.endswith(_ARMENIAN_ENDINGS) and low not in _SSIAN_DEMONYMS) \
        and not (low.endswith("manian") and low != "romanian")  # round 48: "Subramanian", "Balasubramanian": Tamil names


# Round 40: Armenian family names end like a nationality, after sounds that no nationality has before "-ian"
# ("Petrossian", "Sarkissian", "Boghossian", "Tashjian", "Papazian", "Kardashian", "Grigorian"); "russian" does.
_ARMENIAN_ENDINGS = ("ssian", "shian", "jian", "zian", "ghian", "khian", "tsian", "chian", "gorian")
_SSIAN_DEMONYMS = frozenset(("russian", "prussian", "circassian", "belorussian"))


# "the company's name is ...", "file name: ...": names of things, not of people.
_THINGS = wordset("""
company business employer school program programme college university file user account
street city town country province website site organization organisation product course
store shop restaurant bank agency firm form document app platform domain host screen brand
project device computer entreprise compagnie employeur école ecole université universite
fichier utilisateur compte rue ville pays organisme produit cours magasin banque agence
formulaire application plateforme
dog dogs cat cats puppy kitten pet pets horse bird parrot rabbit hamster fish chien chienne
chiens chat chatte chats chiot chaton animal animaux cheval oiseau perroquet lapin poisson
""")
# the word before the trigger, past "'s" and a French "s'" ("mon chien s'appelle")
_LAST_WORD = re.compile(r"([^\W\d_]+)(?:['’]s)?[\s:]*(?:s['’])?$")
_FIRST_WORD = re.compile(r"([^\W\d_]+)")


def _names_a_thing(text: str, start: int, trigger: str) -> bool:
    """True when "name" in the trigger is the name of a thing, not of a person."""
    first = _FIRST_WORD.match(trigger)
    if first and first.group(1).lower() in _THINGS:
        return True
    before = _LAST_WORD.search(text, max(0, start - 30), start)
    # round 42: not a thing's word on the line above the label ("copié de son formulaire:\nNom: ...")
    return before is not None and before.group(1).lower() in _THINGS and "\n" not in text[before.end(1):start]


# "Liam born 2016-06-18", "the baby, Amara, was born on ...", "Lucas, né le 02/05/2011": a
# capitalised name just before "born" / "né(e)" followed by the date or "on", "in", "le"...
_BEFORE_BORN = re.compile(
    r"(?<![\w'’.-])([A-ZÀ-ÖØ-Þ][^\W\d_]*(?:['’-][^\W\d_]+)*"
    r"(?:[ \t]+[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:['’-][^\W\d_]+)*){0,2})"
    r"[ \t]*+,?[ \t]*+(?:(?:who[ \t]++)?(?:was|is|est|a[ \t]++été)[ \t]++)?\(?[ \t]*+"  # round 52: possessive (blanks: cubic)
    r"(?<![\w'’-])(?:born|n[ée]\(e\)|n[ée]e?)(?=[ \t]*[:,]?[ \t]*(?:[0-9]|(?i:on|in|le|en|the|à|a|at)[ \t]))"
)
# Round 22: two or three lower-case words opening the message or a line, right before "born" and
# a date: a name no list knows ("abebe tesfaye born 1 jan 1990"); not "kids born 2015", "baby born".
_LOWER_BEFORE_BORN = re.compile(
    r"(?:^|\n)[ \t]*([a-zà-ÿ]+(?:['’-][a-zà-ÿ]+)*(?:[ \t]+[a-zà-ÿ]+(?:['’-][a-zà-ÿ]+)*){1,2})"
    # round 28: "born" a word of its own, not the end of "phone", "chine" ("Phone 416 ...", "tél chine 0086 ...")
    r"[ \t]*+,?[ \t]*+(?<![\w'’-])(?:born|n[ée]e?)(?=[ \t]*+[:,]?[ \t]*+(?:[0-9]|(?:on|le|the)[ \t]+[0-9]))"
)
_BORN_KEYS = wordset("born né née nee ne")
_MARRIED_KEYS = wordset("épouse epouse ép ep veuve vve")  # round 34: "Fatou Ndiaye épouse Sow"
# Round 28: a name of two to four capitalised words opening the message on its own line, the birth date's
# line under it: a pasted record ("Đặng Quốc Bảo\nborn 05/11/2003 (day first)").
_LINE_THEN_BORN = re.compile(
    r"[ \t]*([A-ZÀ-ÖØ-ÞĐ][^\W\d_]*(?:['’-][^\W\d_]+)*(?:[ \t]+[A-ZÀ-ÖØ-ÞĐ][^\W\d_]*(?:['’-][^\W\d_]+)*){1,3})[ \t]*\n"
    r"[ \t]*(?i:born|n[ée]e?|dob|d\.o\.b\.?|date[ \t]+of[ \t]+birth|birth[ \t]*date|bday|ddn)(?![\w'’-])[ \t]*[:,]?[ \t]*(?:on[ \t]+|le[ \t]+)?[0-9]"
)
# Capitalised words that start a sentence about people born somewhere, not a name.
_NOT_BORN_NAME = wordset("""
children child babies baby kids kid people persons individuals applicants students women men
girls boys twins those anyone someone everyone who whoever enfants enfant bébé bebe personnes
gens ceux celles celui celle tous toutes quiconque il elle ils elles they he she we i you
first last newly new premier première premiere dernier dernière derniere nouveau nouveau-né
""")


_NAME_THEN_TOWN = re.compile(
    r"(?:^|(?<=[\n:|/]))[ \t]*([A-ZÀ-ÖØ-Þ][^\W\d_]*(?:['’-][^\W\d_]+)*(?:[ \t]+[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:['’-][^\W\d_]+)*){1,3})[ \t]*,[ \t]*$"
)
# Round 25: a maiden name after "née" / "born" in brackets, or after "née" before the clause's
# end: "Ngozi Nwosu (née Eze)", "Marie Martin, née Dubois, ..."; not "née le 3 mai", "née à
# Lyon", "(born Toronto)", "née en France".
_MAIDEN = re.compile(
    r"(?:\([ \t]*(?:n[ée]e|born|geb\.?)|(?<![\w'’-])n[ée]e"
    # round 34: a married woman's or a widow's name after her own ("Fatou Ndiaye épouse Sow", "Anne-Marie
    # Lenoir, veuve Boucher", "Maria Silva wife of Santos" is not: only these words, after a capital)
    r"|(?<=[a-zà-ÿ])(?:[ \t]*+,[ \t]++|[ \t]++)(?:[ée]pouse|[ée]p\.|veuve|vve\.?))[ \t]+"
    r"([A-ZÀ-ÖØ-Þ][a-zà-ÿ]+(?:['’-][A-Za-zà-ÿ]+)*|[A-ZÀ-Þ]{2,}(?:['’-][A-ZÀ-Þ]+)*)(?=[ \t]*(?:[),;\n]|\.(?:\s|$)|$"
    # round 34: then a verb ("Aminata Sy épouse Diallo veut venir")
    r"|(?:veut|voudrait|vit|habite|est|a|wants|would|lives|is|has|was|needs)(?![\w'’-])"
    # round 26: then the birth date ("Mme Josiane Lefèvre, née Moreau le 30 septembre 1949")
    r"|(?:le|on)[ \t]+(?:1er|[0-9]{1,2})(?![0-9])))"
)


# Round 34: "(née Colombo)": a family name that is also a town's, alone in brackets after "née", is the maiden name.
_NEE_BRACKET = re.compile(r"\([ \t]*n[ée]e[ \t]")


def _maiden_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _MAIDEN.finditer(text):
        low = m.group(1).lower()
        place = (low in PLACES or low in CITY_NAMES) and not (_NEE_BRACKET.match(m.group()) and text.startswith(")", m.end(1)))
        if low in NOT_NAME or low in NOT_NAME_CAPITALISED or place \
                or _demonym(low) or _CALENDAR.fullmatch(low) or _adjective(low):
            continue
        yield m.span(1)


# A place before "born": "I'm Juan Pablo Restrepo from Medellín, born 1987/04/22".
_FROM_BEFORE = re.compile(r"\b(?:from|in|near|to|at|à|en|au|aux|du|vers)[ \t]+$", IGNORE_CASE)  # round 48: "est au Burundi, né"


def _born_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _BEFORE_BORN.finditer(text):
        if _FROM_BEFORE.search(text, max(0, m.start(1) - 8), m.start(1)) is not None:
            continue
        words = m.group(1).split()
        lows = [w.lower() for w in words]
        if any(w in NOT_NAME or w in NOT_NAME_CAPITALISED or w in _NOT_BORN_NAME for w in lows):
            continue
        if any(len(w) > 1 and w.isupper() for w in words) and len(words) == 1:
            continue
        if _demonym(lows[0]) or (len(words) == 1 and (len(lows[0]) < 2 or _adjective(lows[0]))):
            continue
        if len(words) == 1 and (lows[0] in PLACES or lows[0] in CITY_NAMES or lows[0] in COUNTRIES or _PLACE_COMPOUND.search(lows[0])):
            # round 25: "Wesner Jean-Louis, Port-au-Prince, né ...": the town, the name before it
            name = _NAME_THEN_TOWN.search(text, max(0, m.start(1) - 60), m.start(1))
            if name and not any(w.lower() in NOT_NAME or w.lower() in _NOT_BORN_NAME for w in name.group(1).split()):
                yield name.span(1)
            continue
        yield m.span(1)
    yield from _maiden_names(text)  # called only when a birth's or a marriage's word is there
    if "\n" in text and (m := _LINE_THEN_BORN.match(text)):  # round 28: "Đặng Quốc Bảo\nborn 05/11/2003"
        words = m.group(1).split()
        if not any(_plain_word(w) or _not_a_name_part(w) or w.lower() in _NOT_BORN_NAME for w in words):
            yield m.span(1)
    for m in _LOWER_BEFORE_BORN.finditer(text):  # round 22: "abebe tesfaye born 1 jan 1990"
        words = m.group(1).split()
        if all(_plain_name(w) and w not in vocabulary() and w not in _NOT_BORN_NAME for w in words) \
                and (any(given_name(w) or family_name(w) for w in words) or not any(w.endswith(_WORD_ENDINGS) for w in words)):
            yield m.span(1)


# Two to four words in capitals ("DMITRI IVANOV", "MARY-KATE O'NEIL") before the end of the
# clause: a name typed in capitals, where a capital alone says nothing.
_SHOUTED_PARTICLE = "|".join(sorted(NAME_PARTICLES, key=len, reverse=True))
_SHOUTED = re.compile(
    r"[ \t\u00a0]*((?>[A-ZÀ-ÖØ-Þ]{2,}(?:['’-][A-ZÀ-ÖØ-Þ]+)*)"
    r"(?:[ \t]+(?>[A-ZÀ-ÖØ-Þ]+(?:['’-][A-ZÀ-ÖØ-Þ]+)*"
    rf"|(?i:(?:{_SHOUTED_PARTICLE})(?=[ \t]+[A-ZÀ-ÖØ-Þ])))){{1,3}})"
)
# "Nom: BOUCHARD, Sylvie": the family name, a comma, the given names, and the end of the line.
# Also "Name: Reyes, Ma. Cristina L." (an abbreviated given name, a middle initial) and "LEE,
# Ji-woo (surname first)".
_GIVEN_AFTER = re.compile(
    r",[ \t]*((?:(?:Ma|Mª|Md|Mohd|Muhd)\.[ \t]*)?[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:['’-][^\W\d_]+)*"
    r"(?:[ \t]+(?:(?:Jr|Sr|JR|SR)\.?[ \t]+)?[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:['’-][^\W\d_]+)*)?(?:[ \t]+[A-Z]\.?)?)"
    r"[ \t]*(?=\n|$|\()"
)
# Family members and others named by their relation ("my sister, tran thi mai"), not titles.
_RELATION_WORDS = (
    r"husband|wife|spouse|partner|son|daughter|child|mother|mom|mum|father|dad|brother|sister"
    r"|bf|gf|hubby|wifey|fiance|fiancee|mommy|mama|papa|bro|sis|chum|blonde|copain"
    r"|esposa|esposo|marido|hij[oa]|madre|padre|herman[oa]|novi[oa]|filh[oa]|m[ãa]e|pai|irm[ãa]o?|namorad[oa]"
    r"|fianc[ée]e?|girlfriend|boyfriend|cousin|uncle|aunt|nephew|niece|grand(?:mother|father|ma|pa|son|daughter|child)"
    r"|(?:beau-|belle-|demi-)?(?:fils|fille|m[èe]re|p[èe]re|fr[èe]re|s(?:oe|œ)ur)"
    r"|step-?(?:son|daughter|mother|father|brother|sister|mom|dad)|half-(?:brother|sister)"
    r"|mari|femme|[ée]pouse|[ée]poux|conjointe?"
    r"|oncle|tante|neveu|ni[èe]ce|grand-m[èe]re|grand-p[èe]re|manager|boss|lawyer|consultant|colleague|friend"
    r"|buddy|bestie|bff"  # round 53
    r"|patron|patronne|avocate?|ami|amie"
    r"|gendre|bru|cousine|godmother|godfather|godson|goddaughter|yerno|nuera|cu[ñn]ad[oa]|genro|cunhad[oa]"  # round 49
)
_RELATION = re.compile(rf"\b(?:{_RELATION_WORDS})(?:[- ]in[- ]law)?(?:\s+(?:is|est))?\s*(,)?\s*$", IGNORE_CASE)


_NAMING = wordset("called named nommé nommée nomme nommee")
_PET = re.compile(r"\b(?:dog|dogs|cat|cats|puppy|kitten|pet|bird|parrot|horse|chien|chienne|chat|chatte|chiot|perroquet|cheval)\b[^.!?\n]*$", IGNORE_CASE)

# Relations outside the family: after them only a lower-case given name of the lists is a name.
_NOT_FAMILY = wordset("manager boss lawyer consultant colleague friend patron patronne avocat avocate ami amie")


def _shouted_at(text: str, pos: int) -> tuple[int, int] | None:
    """A name of two to four words in capitals at `pos`, ending its clause, or None."""
    m = _SHOUTED.match(text, pos)
    if not m or not _CLAUSE_END.match(text, m.end()):
        return None
    for word in m.group(1).split():
        low = word.lower()
        if low in NAME_PARTICLES:
            continue
        if low in NOT_NAME or low in NOT_NAME_CAPITALISED or not _plain_name(low.replace("’", "'").replace("'", "")):
            return None
    return m.span(1)


def _several_words(text: str, span: tuple[int, int] | None) -> bool:
    return span is not None and len(text[span[0]:span[1]].split()) >= 2


def _longer(a: tuple[int, int] | None, b: tuple[int, int] | None) -> tuple[int, int] | None:
    if a is None or (b is not None and b[1] > a[1]):
        return b
    return a


# After a relation, a lower-case name may be followed by its verb ("my son marco rossi needs
# a permit", "ma fille chloé tremblay est née"): the verbs that usually follow a subject.
_SUBJECT_VERBS = wordset("""
is was has had needs need wants want got gets lives works will would can could should must did
does just also still never already turned applied passed started starts moved arrived came
a est était etait sera aura veut va doit peut vit habite travaille attend étudie etudie
commence souhaite voudrait aimerait vient arrive cherche n ne
sont ont veulent vont doivent peuvent viennent habitent travaillent
wont won't didnt didn't doesnt doesn't cant can't cannot isnt isn't wasnt wasn't hasnt hasn't never
dont don't aint ain't couldnt wouldnt shouldnt havent haven't werent weren't arent aren't
""")
_FILLERS = wordset("beaucoup encore again much lot so very")
# Round 53: the one to ask for after the thanks is the name, not the verb ("merci, demandez Ginette").
_ASK_AFTER_THANKS = wordset("demandez demander demande demandes ask")
# Round 19: chat words that end a thank-you without being a name ("thx so much, guys").
_NOT_SIGNATURE = wordset("""
guys all everyone everybody team folks fam bro bros sis sir madam maam mam ma'am dear friend friends
lol lmao haha hahaha xoxo xo bye byee cya ttyl later tho though btw ok okay okk kk thanks thx
buddy boss man dude mate hun honey sweetie bestie pls plz please ppl people yall y'all ya u you
ciao goodnight goodbye night morning gm gn namaste salam salaam salut shalom adios adieu amen inshallah
peace bisous bises tchao bonsoir bonjour bonne nuit hola gracias obrigado obrigada salamat
understood noted done received seen known got gotten sent clear perfect great awesome amazing wonderful
excellent sure yes yep yeah yup nope right cool fine alright agreed appreciated gotcha gotit kudos
compris reçu recu noté noter parfait super génial genial entendu daccord d'accord nickel bravo courage
""")


# Round 41: an e-mail's signature block after the name on its own line: the firm, its address, its phones, the
# person's title, each on a short line that does not open in lower case, one line with a digit or "@" ("Merci,\nUzma
# Ferreira\nGauthier & Frères inc.\n2100, rue King Ouest, bureau 300\nSherbrooke (Qc) J1J 2E8\nT 819 563-2211"); or,
# on the name's line, a comma then the person's title ("Regards, Yerlan Achterberg, Barrister & Solicitor").
_BLOCK_LINES = re.compile(r"[ \t]*[.!]?[ \t]*((?:\n[ \t]*[^\s\W\d_a-zà-ÿ][^\n]{0,70}|\n[ \t]*[0-9+(][^\n]{0,70}|\n[ \t]*){1,8})\s*\Z")
_TITLE_TAIL = re.compile(r"[ \t]*,[ \t]*(?-i:[A-Z][a-zA-Z]+)(?:[ \t&,/]+[A-Za-z.]+){0,5}[ \t]*[.!]?[ \t]*\Z")
_TITLE_WORDS = wordset("""
barrister solicitor lawyer attorney avocat avocate notary notaire paralegal consultant consultante rcic ccric risia
director directrice directeur manager coordinator coordonnatrice coordonnateur coordinatrice adviser advisor conseiller
conseillère counsellor counselor caseworker officer agent agente president présidente président owner propriétaire
secretary secrétaire assistant assistante interpreter interprète mp député députée
translator traducteur traductrice interprete specialist spécialiste specialiste
""")  # round 47: the last line


_CLOSING_THEN_NAME = re.compile(
    r"(?:^|(?<=[\n.!?])|(?<=[.!?][ \t]))[ \t]*(?i:merci(?:[ \t]+beaucoup|[ \t]+encore|[ \t]+d['’]avance)?|cordialement|salutations(?:[ \t]+distingu[ée]es)?"
    r"|bien[ \t]+[àa][ \t]+vous|respectueusement|(?:best|kind|warm|warmest)?[ \t]*regards|thanks?(?:[ \t]+you)?|many[ \t]+thanks|sincerely"
    r"|yours[ \t]+(?:truly|sincerely|faithfully)|cheers|best|atentamente|saludos)[ \t]*[,.!]*[ \t]*(?:\n[ \t]*(?:\n[ \t]*)?|(?<=,)[ \t]*)"
    r"([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+)?(?:[ \t]+[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+)?){1,3})"
    r"(?=[ \t]*(?:\n|,))"
)


_CLOSING_KEYS = wordset("merci cordialement salutations bien respectueusement regards thanks thank sincerely yours cheers best atentamente saludos")


# Round 44: a team signing ("Best regards,\n\nHuman Resources Team"): no person.
_TEAM_WORDS = wordset("""
team teams équipe equipe department département departement division human resources ressources humaines service services
support desk office bureau
""")


def _signed_blocks(text: str) -> Iterator[tuple[int, int]]:
    """A name of two to four capitalised words after a closing, followed by its signature's block (see _signature_block)."""
    for m in _CLOSING_THEN_NAME.finditer(text, max(0, len(text) - 400)):
        words = m.group(1).split()  # round 44: a blank line after the sign-off, a particle inside ("Ahmed Al Mansoori")
        if len(words) > 2 and words[1].lower() in _CAPITAL_PARTICLES:
            words = [words[0], *words[2:]]
        if not _plain_word(words[0]) and _name_words27(words, False, unlisted=True) \
                and not any(w.lower() in _PLACE_OR_BODY or w.lower() in _BUSINESS or w.lower() in _TITLE_WORDS
                            or w.lower() in _TEAM_WORDS for w in words) \
                and _signature_block(text, m.start(1), m.end(1)):
            yield m.span(1)


# Round 45: a signature of a given name's initial and the family name, on the line under a sign-off ("Regards\nT.
# Okafor", "Salutations\nP. Ndiaye\n45, rue ...", "J.-R. Pierre-Louis", "F. El Amrani") or after a dash that closes a
# sentence or opens a line ("... pls update. -R. Sandhu, Northgate Legal"), in the message's last 300 characters, then
# the line's end or a comma (a firm or a title). In a French message "M." is Monsieur: the family name alone.
_INITIAL_SIGNED = re.compile(
    r"(?:(?<=\n)|(?<=[.!?][ \t][-—–])|(?<=[.!?][-—–])|(?<=\n[-—–])|(?<=^[-—–]))[ \t]{0,3}"
    r"(?P<initial>[A-ZÀ-Þ]\.(?:-?[ \t]?[A-ZÀ-Þ]\.)?)[ \t]?"
    r"(?P<family>(?:(?:El|Al|Ben|Van|Von|De|Da|Di|Du|Le|La|Ó|Ní|Mac)[ \t])?[A-ZÀ-ÖØ-Þ][^\W\d_]+(?:['’-][A-ZÀ-ÖØ-Þ][^\W\d_]+)?)"
    r"(?=[ \t]*(?:,[^\n]{0,80})?(?:\n|\Z))"
)
_CONTACT_TAIL = re.compile(r"[ \t]*+(?:\n[ \t]*+[^\n]{0,60}[@0-9][^\n]{0,60}){0,2}\s*+")
_SIGN_OFF_LINE = re.compile(r"[^\n]{0,40}\n[ \t]*\Z")
_FRENCH_HINT = re.compile(r"(?<![\w'’-])(?:je|nous|vous|le|la|les|des|du|merci|cordialement|salutations|bonjour|madame|monsieur)(?![\w'’-])", IGNORE_CASE)


def _initial_signatures(text: str) -> Iterator[tuple[int, int]]:
    """An initial and a family name signing the message (see _INITIAL_SIGNED)."""
    for m in _INITIAL_SIGNED.finditer(text, max(0, len(text) - 300)):
        parts = [part for part in re.split(r"['’ -]", m.group("family")) if len(part) > 2]
        if any(part.lower() in _BEFORE_A_LETTER for part in parts):
            continue  # "A. Section", "B. Part"
        if text[m.start() - 1:m.start()] == "\n":
            line = _SIGN_OFF_LINE.search(text, max(0, m.start() - 42), m.start())
            if (line is None or _CLOSING_KEYS.isdisjoint(w.lower() for w in _SPAN_WORDS.findall(line.group()))) \
                    and not (text[m.start() - 2:m.start()] == "\n\n" and _CONTACT_TAIL.fullmatch(text, m.end())
                             and all(given_name(part) or family_name(part) for part in parts)):
                continue  # no sign-off above: a paragraph of its own, names of the lists, only its contact lines after it
        words = m.group("family").split()
        last = words[-1]
        if any(_plain_word(part) or part.lower() in _BUSINESS or part.lower() in _TEAM_WORDS or part.lower() in _TITLE_WORDS
               for part in re.split(r"['’-]", last) if len(part) > 2) \
                or not (family_name(last) or _unknown_capital(last)):
            continue
        if m.group("initial") == "M." and len(_FRENCH_HINT.findall(text)) >= 2:
            yield m.start("family"), m.end("family")  # "Cordialement,\nM. Tremblay": Monsieur
            continue
        yield m.start("initial"), m.end("family")


def _signature_block(text: str, start: int, end: int) -> bool:
    """Whether the name start:end, after a sign-off, is followed by its signature's block (see _BLOCK_LINES)."""
    if (tail := _TITLE_TAIL.match(text, end)) is not None:
        return not _TITLE_WORDS.isdisjoint(w.lower() for w in _SPAN_WORDS.findall(tail.group()))
    if start == 0 or text[start - 1] != "\n" or (block := _BLOCK_LINES.match(text, end)) is None:
        return False
    lines = block.group(1)
    return any(c.isdigit() or c == "@" for c in lines) and "?" not in lines


def _unknown_signature(text: str, low: tuple[int, int], sign_off: re.Match[str]) -> bool:
    """One lower-case word after "thx ...," at the message's end that no list or text knows and
    that ends like a name: "ok thx so much, chidinma"; not "thx so much, guys", "merci infiniment"."""
    word = text[low[0]:low[1]]
    return (
        " " not in word and len(word) > 4 and "," in sign_off.group() and _THANKS_FOR.search(sign_off.group()) is None
        and _plain_name(word) and word not in _NOT_SIGNATURE and not _known(word)
        and not word.endswith(_WORD_ENDINGS) and _WISHES.isdisjoint((word,)) and _END.fullmatch(text, low[1]) is not None
    )


def _verb_like(word: str) -> bool:
    low = word.lower()
    if low in _SUBJECT_VERBS:
        return True
    return (len(low) > 4 and low.endswith("ed")) or (
        len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is")) and low not in NOT_NAME
    )


def _lower_before_verb(text: str, pos: int) -> tuple[int, int] | None:
    """Two or three lower-case name words after a relation, then a verb ("my son marco rossi
    needs ...", "mon fils antoine dufour a ...")."""
    ends: list[int] = []
    start = -1
    particles = 0
    while len(ends) < 4:
        m = _NAME_TOKEN.match(text, pos)
        if not m:
            break
        word = m.group(1)
        low = word.lower()
        if word[0].isupper():
            break
        if ends and _verb_like(word) and len(ends) >= 2 and not particles:
            return start, ends[-1]
        if ends and low in NAME_PARTICLES and particles < 2:
            particles += 1
            pos = m.end()
            continue
        if len(ends) >= 3 or not _plain_name(low) or (not ends and low.endswith("s") and not given_name(low)):
            break
        if not ends:
            start = m.start(1)
        ends.append(m.start(1) + len(word))
        particles = 0
        pos = m.end()
    return None


# "Nguyen Thi Lan here, ...", "Bonjour, Mathieu Girard ici": a name that opens a sentence.
_HERE = re.compile(
    # round 41: or an emoji ("Allo! Uzma Karimi ici 😊 ma nouvelle adresse ...")
    r"(?<![\w'’-])(?:here|ici)(?=\s*(?:[,.!?;:)\n—–\-\u2600-\u27bf\U0001f000-\U0001faff]|$|(?:again|from|calling|writing|about|with|encore|de)\b))",
    IGNORE_CASE,
)
_WORDS_BEFORE = re.compile(r"((?:[^\W\d_]+(?:['’-][^\W\d_]+)*[ \t]+){1,4})$")
_SENTENCE_START = re.compile(r"[.!?\n]")


# Round 18: "it's Sunny Dhillon here", "this is Ana Souza here": the words that present the name are
# not part of it.
_HERE_OPENING = re.compile(
    rf"{_OPENING.pattern}(?:(?:it['’]?s|it\s+is|this\s+is|c['’]?est|c)[ \t]+)?",
    IGNORE_CASE,
)
_HERE_LEAD = wordset("it's it’s its it this is c'est c’est cest c")


def _here_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _HERE.finditer(text):
        before = _WORDS_BEFORE.search(text, max(0, m.start() - 80), m.start())
        if not before:
            continue
        cut = max(text.rfind(c, 0, before.start()) for c in ".!?\n") + 1
        words = before.group(1).split()
        # the name is the trailing words; what precedes them in the sentence is a greeting
        for k in range(len(words)):
            name = words[k:]
            start = text.rfind(name[0], before.start(), m.start())
            if _HERE_OPENING.fullmatch(text, cut, start) is None:
                continue
            lows = [w.lower() for w in name]
            if lows[0] in _HERE_LEAD:
                continue
            if len(lows) == 1 and lows[0] in GROUP_PLURALS:
                break  # round 35: "cousins here! Maria and Jose": the group, not a name
            if any(w in NOT_NAME or w in NOT_NAME_CAPITALISED or w in NOT_NAME_LOWERCASE for w in lows):
                break
            if all(w[0].isupper() and not (len(w) > 1 and w.isupper()) for w in name):
                if len(name) >= 2 or cut == 0 or given_name(name[0]) or _clause_given(name[0]):
                    yield start, start + len(" ".join(name))  # round 34: "hi! Pierre-Luc here", each part listed
            elif cut == 0 and len(name) >= 2 and all(_plain_name(w) for w in lows):
                yield start, start + len(" ".join(name))
            elif cut == 0 and len(name) == 1 and len(lows[0]) > 2 and (given_name(lows[0]) or family_name(lows[0])):
                yield start, start + len(name[0])  # "Hi, rosa here."
            break


# A greeting that opens a message or a line, then a name of two to four words that ends
# its clause: "Bonjour, Karim Bensaid, IUC ...", "Hello Maria Santos here"; "from" then a
# name only before contact details: "from Ethan Wright — 250-555-0177".
_GREETED = re.compile(
    rf"[^\w\n]*(?:(?:{_GREETING})(?:[ \t]+po)?[ \t]*[,!.:\-–—]*[ \t]*)+(?=[A-ZÀ-ÖØ-Þ])"
    r"|[^\w\n]*(?P<from>from|de\s+la\s+part\s+de|de\s+la\s+part\s+d['’])[ \t]*:?[ \t]*(?=[A-ZÀ-ÖØ-Þ])",
    IGNORE_CASE,
)
_CONTACT_AFTER = re.compile(r"[ \t]*[,;:\-–—|/]+[^\n0-9@]{0,20}[+(0-9]|[ \t]*[,;:\-–—|/]+[ \t]*[\w.+-]+@")
_GREETED_KEYS = wordset("""
hi hii hiii hello helo hey hiya howdy yo bonjour bonsoir bjr bsr salut slt coucou cc allo allô
greetings good morning dear hola buenos buenas ola olá bom boa kumusta magandang xin chào chao
salam salaam salamu assalamu assalam namaste merhaba hallo guten from part
""")


# "name" with neither "my" nor a colon, before a name in capitals that ends its clause:
# "... - citizenship grant - name Tariq Aziz", "nom Karim Bensaid, né le ...".
_BARE_NAME = re.compile(r"(?<![\w'’-])(?:name|nom)(?:[ \t]+(?:is|est))?[ \t]+(?=[A-ZÀ-ÖØ-Þ])", IGNORE_CASE)


def _bare_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _BARE_NAME.finditer(text):
        if _names_a_thing(text, m.start(), m.group()):
            continue
        span = _name_at(text, m.end(), strong=False)
        if _several_words(text, span) and (_CLAUSE_END.match(text, span[1]) or _FIELD_BAR.match(text, span[1])):
            yield span  # round 27: a record's slash or bar after it, "/ Name Wang Hao / Passport ..."


_FIELD_BAR = re.compile(r"[ \t]+[/|]")


def _greeted_names(text: str) -> Iterator[tuple[int, int]]:
    starts = [0]
    if "\n" in text:
        starts.extend(i + 1 for i, c in enumerate(text) if c == "\n")
    for start in starts:
        m = _GREETED.match(text, start)
        if m is None or text.startswith(("I ", "I'", "I’"), m.end()):
            continue  # "Hi, I'm Maria Lopez": the introduction's own rule names her
        span = _name_at(text, m.end(), strong=False)
        if span is not None and not m.group("from") and not _several_words(text, span) \
                and _clause_given(text[span[0]:span[1]]) and _GREETING_END.match(text, span[1]):
            yield span  # "Salut Geneviève! Finalement ...": one given name of the lists, then "!" or ","
            continue
        if span is None or not _several_words(text, span) or len(text[span[0]:span[1]].split()) > 4:
            continue
        if _SELF.match(text, span[0]) or _STRONG.match(text, span[0]):
            continue  # "Hi I'm Carlos Mendez": the introduction's own rule names him
        if m.group("from"):
            if _CONTACT_AFTER.match(text, span[1]):
                yield span
        elif _CLAUSE_END.match(text, span[1]):
            yield span


_GREETING_END = re.compile(r"[ \t]*[!,]")


# A name in apposition after a person's role: "to me, Arjun Mehta,", "the name, Ravi Kumar",
# "The agent on the phone, Jessica, told me", "votre collègue, Sandrine Caron, hier".
_APPOSITION = re.compile(
    r"(?<![\w-])(?:(?P<two>(?:to|for|from|with|à|a|pour|de)\s+(?:me|moi)"
    r"|(?:the|my|your|our|his|her|le|la|mon|ma|votre|notre|son|sa)\s+(?:[\w-]+['’]s\s+)?(?:name|nom)"
    r"|(?<![\w'’-])(?-i:I)"
    r"|employer|employeur|kids|children|enfants)"
    r"|(?:principal\s+)?(?:co-)?applicant|sponsor|colleague|client|agent|officer|representative"
    r"|lady|woman|man|guy|person|manager|supervisor|lawyer|consultant|counsell?or|advis[eo]r"
    r"|demandeur(?:\s+principal)?|demanderesse(?:\s+principale)?|coll[èe]gue|agente"
    r"|conseill[èe]re?|repr[ée]sentante?|dame|avocate?|cliente?)"
    r"(?:\s+(?:on|at|in|from|of|au|à|de|du)\s+(?:the\s+|la\s+|le\s+|l['’]\s*)?(?:[^\W\d_]+\s+){0,2}(?:counter|desk|window|wicket|booth|office|reception|guichet|comptoir|bureau|accueil)"
    r"|\s+(?:on|at|in|from|of|au|à|de|du)\s+(?:the\s+|la\s+|le\s+|l['’]\s*)?[^\W\d_]+)?"
    r"(?:\s+(?:(?:that|who|whom)\s+)?(?:i|we)\s+(?:spoke|talked|chatted|dealt|met|was\s+talking|were\s+talking)"
    r"(?:\s+(?:with|to))?(?:\s+(?:today|yesterday|last\s+week|on\s+the\s+phone))?"
    r"|\s+(?:à\s+qui|avec\s+qui)\s+j['’]\s*ai\s+parl[ée])?"
    r"\s*,(?=[ \t]*[A-ZÀ-ÖØ-Þ])",
    IGNORE_CASE,
)
_APPOSITION_KEYS = wordset("""
me moi name nom employer employeur kids children enfants applicant sponsor colleague client
agent officer representative lady woman man guy person manager supervisor lawyer consultant
counsellor counselor adviser advisor demandeur demanderesse collègue collegue agente
conseiller conseillère conseillere représentant representant représentante representante
dame avocat avocate cliente
""")
_APPOSITION_END = re.compile(r"\s*(?:[,.;!?)\n]|$)")
_AND = re.compile(r"\s+(?:and|et|&)(?=\s)", IGNORE_CASE)


def _apposition_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _APPOSITION.finditer(text):
        pos = m.end()
        found = []
        while True:
            span = _name_at(text, pos, strong=False)
            if span is None:
                break
            words = text[span[0]:span[1]].split()
            if any(w.lower() in NOT_NAME_LOWERCASE for w in words):
                break
            found.append(span)
            more = _AND.match(text, span[1])
            if not more:
                break
            pos = more.end()
        if not found or not _APPOSITION_END.match(text, found[-1][1]):
            continue
        if m.group("two") and len(text[found[0][0]:found[0][1]].split()) < 2:
            continue  # "to me, Canada ...": one word is not enough after these
        if m.group().lower().startswith("employ") and not all(_employer_person(text[a:b].split()) for a, b in found):
            continue  # "My employer, Tim Hortons, ...": an employer is often a company
        yield from found


# A middle initial between capitalised words says "name" without any trigger: "Richard M.
# Nixon", "Maria G. Santos", "Jean-Pierre L. Dubois", "Richard (Rick) C. Henderson".
_CAPITALISED = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ][^\W\d_]*(?:['’-][A-ZÀ-ÖØ-Þa-zà-öø-ÿ][^\W\d_]*)*"
_INITIAL_NAME = re.compile(
    rf"(?<![\w'’.-])((?:{_CAPITALISED}[ \t]+){{1,3}})(?:\((?:{_CAPITALISED})\)[ \t]+)?"
    rf"[A-Z]\.[ \t]*({_CAPITALISED})(?![\w'’-])"
)
_INITIAL_HINT = re.compile(r"[a-zà-ÿ][ \t]+(?:\([^)]{1,20}\)[ \t]+)?[A-Z]\.[ \t]*[A-ZÀ-Þ][a-zà-ÿ]")
# Words that a capital letter and a full stop may follow without a name: "Schedule A. Part",
# "Option B. Then".
_BEFORE_A_LETTER = wordset("""
schedule appendix annex annexe section part option plan form step phase stage grade level
class type category group block unit zone gate terminal round page item exhibit article
chapter question vitamin hepatitis letter column row box line sheet table figure note
version model size
""")


# Round 50: a greeting before the French title "M." (Monsieur) and a family name ("Cher M. Lefebvre", "Bonjour M.
# Diallo"): the family name alone, as "Dear Mr. ..." gives it; or another initial ("Dear J. Patel"): the initial and
# the name. And a staff member's name found after a role and an initial ("officer T. Rahman", "l'agent K. Diallo"): the
# initial is the name's (_widened); the role and initial alone say no name ("signed by Officer R. Dumont" is none).
_GREETING_WORDS = wordset("cher chère chere chers dear bonjour bonsoir hello hi salut allo allô")
def _initial_names(text: str) -> Iterator[tuple[int, int]]:
    if _INITIAL_HINT.search(text) is None:
        return
    for m in _INITIAL_NAME.finditer(text):
        words = m.group(1).split()
        start = m.start(1)
        # leading words that are not names ("Thanks John K. Mensah", "Dear Maria G. Santos")
        while words and (words[0].lower() in NOT_NAME or words[0].lower() in NOT_NAME_CAPITALISED
                         or words[0].lower() in _SIGN_OFF_KEYS or words[0].lower() in _TITLES
                         or words[0].lower() in _GREETING_WORDS):
            start = text.index(words[0], start) + len(words[0])
            start = start + len(text[start:]) - len(text[start:].lstrip())
            words = words[1:]
        if not words and text[m.end(1):m.end(1) + 2] == "M." and m.group(1).split()[-1].lower() in _GREETING_WORDS \
                and m.group(2).lower() not in NOT_NAME and m.group(2).lower() not in NOT_NAME_CAPITALISED:
            yield m.span(2)
            continue
        if not words and m.group(1).split()[-1].lower() in _GREETING_WORDS and m.group(2).lower() not in NOT_NAME \
                and m.group(2).lower() not in NOT_NAME_CAPITALISED:
            yield m.end(1), m.end(2)  # "Dear J. Patel,"
            continue
        if not words or words[-1].lower() in _BEFORE_A_LETTER:
            continue
        last = m.group(2).lower()
        if any(w.lower() in NOT_NAME or w.lower() in NOT_NAME_CAPITALISED for w in words):
            continue
        if last in NOT_NAME or last in NOT_NAME_CAPITALISED:
            continue
        yield start, m.end(2)


def _before_a_verb(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """A lower-case name cut before the first verb in it: "julie veut venir" -> "julie"."""
    if span is None:
        return None
    end = span[0]
    for i, m in enumerate(re.finditer(r"\S+", text[span[0]:span[1]])):
        word = m.group()
        if i and (word.lower() in _SUBJECT_VERBS or (_verb_like(word) and not given_name(word) and not family_name(word))):
            break
        end = span[0] + m.end()
    return (span[0], end) if end > span[0] else None


def _one_listed_lower(text: str, pos: int) -> tuple[int, int] | None:
    """One lower-case given name of the lists after a relative, then a verb or the end of the
    clause: "my bf carlos is coming", "mon chum patrick a appliqué"."""
    m = _NAME_TOKEN.match(text, pos)
    if m is None or not m.group(1).islower() or len(m.group(1)) < 3:
        return None
    word = m.group(1)
    if _plain_name(word) and not given_name(word) and word not in vocabulary() and not word.endswith(_WORD_ENDINGS) \
            and _MESSAGE_END.match(text, m.end()):
        return m.span(1)  # "call me back please about my wife kirandeep": the last word, no list knows it
    if not (_plain_name(word) and given_name(word)):
        return None
    after = _NAME_TOKEN.match(text, m.end())
    if after and _listed_family_lower(after.group(1)) and _CLAUSE_END.match(text, after.end()):
        return m.start(1), after.end(1)  # round 25: "the agent was called mike reyes, he took ..."
    if _CLAUSE_END.match(text, m.end()) or _EMOJI_NEXT.match(text, m.end()) or (after and (
            _verb_like(after.group(1)) or after.group(1).lower() in _SUBJECT_VERBS or after.group(1).lower() in _AFTER_A_NAME
            or after.group(1).lower() in _DETAIL_KEYS)):
        return m.span(1)
    return None


# Round 37: an officer, an agent, an adviser or a nanny named in lower case after their role, the adviser
# with a title ("mon conseiller m. gagnon m'a dit", "agent sophie m'a dit d'attendre", "for my nanny joy"):
# one given name of the lists then a verb or the clause's end, or a title's name (see _lower_after_title).
_ROLE_LOWER = re.compile(
    r"(?<![\w'’-])(?:[lL]['’])?(?:conseill[eè]re?|counsel+or|adviser|advisor|agente?|officer|nounou|nanny|babysitter|gardienne"
    r"|caregiver)[ \t]+(?:(m|mme|mr|mrs|ms)\.?[ \t]+)?(?=[a-zà-ÿ])"
)
_ROLE_LOWER_KEYS = wordset(
    "conseiller conseillère conseillere counselor counsellor adviser advisor agent agente officer nounou nanny babysitter "
    "gardienne caregiver"
)


def _lower_name_next(text: str, pos: int) -> bool:
    """Whether a lower-case given or family name of the lists follows `pos` ("agent jean-philippe tremblay")."""
    m = _NAME_TOKEN.match(text, pos)
    return m is not None and m.group(1).islower() and (given_name(m.group(1)) or family_name(m.group(1)))


_DOUBLE_FAMILY_LOWER = re.compile(r"([a-zà-ÿ]{3,}-[a-zà-ÿ]{3,})(?![\w'’-])")


def _role_lower_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _ROLE_LOWER.finditer(text):
        if m.group(1):
            span = _lower_after_title(text, m.end()) if m.group().rstrip().endswith(".") or m.group(1) == "mme" else None
        else:
            span = _one_listed_lower(text, m.end())
        if span is None and (double := _DOUBLE_FAMILY_LOWER.match(text, m.end())) is not None \
                and all(family_name(part) and not _plain_word(part) for part in double.group(1).split("-")) \
                and not given_name(double.group(1).split("-")[0]) and not _lower_name_next(text, double.end()):
            span = double.span(1)  # round 51: "l'agent dumont-roy m'a raccroché": two family names joined
        if span:
            yield span


# Round 37: a record pasted as a line: the name first, then a comma and a birth date in digits ("luz marina
# restrepo, 16/07/1975, AR847291", "Tran Van Duc / 1984-02-11 / ..."); a given name of the lists first or a
# family name of them last, no word of the vocabulary.
_RECORD_OPENING = re.compile(
    r"(?:^|(?<=\n))[ \t]*((?:[^\W\d_]+(?:['’-][^\W\d_]+)*[ \t]+){1,3}[^\W\d_]+(?:['’-][^\W\d_]+)*)[ \t]*[,/|;][ \t]*"
    r"(?=[0-9]{1,4}[-/.][0-9]{1,2}[-/.][0-9]{2,4}(?![0-9]))"
)


def _record_name(words: list[str], places_too: bool = False) -> bool:
    """Whether a record's `words` are a name: a given name of the lists first or a family name of them last, no place,
    no word of the vocabulary nor of the lists of non-names (nor, `places_too`, of a place's)."""
    lows = [w.lower() for w in words]
    if not (given_name(lows[0]) or family_name(lows[-1])) or _like_a_place(words):
        return False
    refused = (vocabulary(), NOT_NAME, NOT_NAME_CAPITALISED) + ((PLACES, COUNTRIES, CITY_NAMES) if places_too else ())
    return not any(w in words_of for w in lows for words_of in refused)


def _record_opening_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _RECORD_OPENING.finditer(text):
        if _record_name(m.group(1).split()):
            yield m.span(1)


# Round 49: the same at the end of a record's line, after its numbers: "UCI 11-2233-4455 / dossier F301234567 / Amani
# Kouassi", "IUC 1122-3344 | Oumar Sylla", "file B012345678; Nguyen Thi Lan": a separator right after a number, then two
# to four capitalised words to the end of the line.
_RECORD_CLOSING = re.compile(
    r"(?<=[0-9])[ \t]*+[/|;][ \t]*+((?:[A-ZÀ-ÖØ-Þ][^\W\d_]*+(?:['’-][^\W\d_]+)*+[ \t]++){1,3}"
    r"[A-ZÀ-ÖØ-Þ][^\W\d_]*+(?:['’-][^\W\d_]+)*+)[ \t]*+[.!]?[ \t]*+(?=\n|$)"
)


def _record_closing_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _RECORD_CLOSING.finditer(text):
        if _record_name(m.group(1).split(), places_too=True):
            yield m.span(1)


def _listed_family_lower(word: str) -> bool:
    """A lower-case family name of the lists that is no word: "reyes", "kaur"; not "young"."""
    return word.islower() and len(word) >= 3 and _plain_name(word) and family_name(word) and word not in vocabulary()


_MESSAGE_END = re.compile(r"[ \t]*[.!?]*[ \t]*$")
# Round 35: an emoji right after a relative's lower-case given name ends it as a comma would ("my gf jess 😍 wants").
_EMOJI_NEXT = re.compile("[ \t]*[\U0001F300-\U0001FAFF\u2600-\u27BF]")
# Endings of words, not names, after a relative at the end: "ma niece orpheline", "mon conjoint
# parrainé", "ma mere definitivement".
_WORD_ENDINGS = ("ment", "é", "ée", "és", "ées", "line", "ique", "aire", "eux", "euse", "ive", "ible", "able", "ant",
                 "ante", "ly", "ing", "ed", "ous", "tion", "sion")
# Words that follow a relative's name in chat: "my cousin faisal and his wife", "mon frere sadio
# pis sa femme", "my sister shabnam on +98 ...", "my son santiago who".
_AFTER_A_NAME = wordset("and et pis on to who qui that said told says dit born né née ne nee are sont")


def _listed_lower(text: str, pos: int) -> tuple[int, int] | None:
    """A lower-case name after "mr" / "mrs" without its full stop, when the lists know it: a
    given name first ("mr john o'connor") or a family name alone ("mrs adeyemi called")."""
    span = _before_a_verb(text, _name_at(text, pos, strong=False, lowercase=3))
    if span is None or not text[span[0]:span[1]].islower():
        return None
    words = text[span[0]:span[1]].split()
    if given_name(words[0]) and (len(words) > 1 or _CLAUSE_END.match(text, span[1])):
        return span
    if len(words) == 1 and family_name(words[0]) and len(words[0]) > 3:
        return span
    return None


def _given_next(text: str, pos: int) -> bool:
    """Whether the word at `pos` is a given name of the lists (see gazetteer.py)."""
    m = _NAME_TOKEN.match(text, pos)
    return m is not None and given_name(m.group(1))


_RELATIVE_WORDS = (
    r"(?i:\b(?:my|mon|ma|our|his|her)\s+(?:husband|wife|spouse|partner|son|daughter|child|mother|mom|father"
    r"|dad|brother|sister|fianc[ée]e?|mari|femme|[ée]pouse|fils|fille|m[èe]re|p[èe]re|fr[èe]re|s(?:oe|œ)ur))"
)
# "me (Hassan Jafari)", "I(Ivan Petrenko)lost", "my wife (Leila Ahmadi)": a name in brackets
# after the person it names.
_BRACKET = re.compile(
    r"(?:(?<![\w'’-])(?i:me|moi|myself|moi-m[êe]me)|(?<![\w'’-])I|" + _RELATIVE_WORDS
    # round 20: a relative's word opening a line, without "my": "mom (Oanh) dob october 20th 56"
    + r"|(?:^|(?<=\n))[ \t]*(?i:mom|mum|mother|dad|father|wife|husband|son|daughter|brother|sister|maman|papa|m[èe]re|p[èe]re|mari|femme|fils|fille))"
    r"[ \t]*\([ \t]*(?=[A-ZÀ-ÖØ-Þ])"
)
_CLOSE = re.compile(r"[ \t]*\)")


def _bracket_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _BRACKET.finditer(text):
        span = _name_at(text, m.end(), strong=False)
        if span and _CLOSE.match(text, span[1]):
            yield span
    for m in _ROLE_BRACKET.finditer(text):
        words = m.group(1).split()
        if not any(_plain_word(w) or w.lower() in _COMPANIES or w.lower() in _BUSINESS or w.lower() in PLACES for w in words) \
                and (_employer_person(words) if len(words) > 1 else given_name(words[0]) or m.group(2) is not None):
            yield m.start(1), m.end(1)


# Round 29: a representative's name in brackets with their role after a comma ("Mon employeur (Chantale, RH à
# l'Auberge du Lac) m'aide", "my employer (Dave Miller, the owner)"): the role says a person, not a company.
_ROLE_BRACKET = re.compile(
    r"(?<![\w'’-])(?i:employer|employeur|employeuse|boss|patron|patronne|lawyer|avocat|avocate|consultant|consultante"
    r"|company|compagnie|entreprise|workplace)[ \t]*\([ \t]*"
    r"([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+)?(?:[ \t]+[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+)?)[ \t]*,[ \t]*"
    r"(?:(?:the|my|la|le|notre|our|their|leur)[ \t]+)?(?i:hr|rh|manager|gérant|gérante|gerant|gerante|owner|propriétaire|proprietaire"
    r"|supervisor|superviseur|superviseure|director|directeur|directrice|coordinator|coordonnateur|coordonnatrice|recruiter"
    r"|recruteur|recruteuse|paralegal|assistant|assistante|adjoint|adjointe|secretary|secrétaire|boss|patron|patronne)(?![\w'’-])"
    # a one-word name no list knows only when the role says where they work ("Chantale, RH à l'Auberge"),
    # not "(Walmart, HR said)", "(Amazon, the manager)"
    r"([ \t]+(?:at|à|a|chez|for|pour|of|de|du|des|in)[ \t])?"
)


# "my kids are Mateo and Camila Souza", "mes enfants sont Léa et Hugo": several people named
# after their group.
_GROUP = re.compile(
    r"\b(?:my|our|his|her|the|mes|nos|ses|les|[2-9]|two|three|four|deux|trois|quatre)\s+(?:kids|children|sons|daughters|parents|siblings|brothers|sisters"
    r"|enfants|fils|filles|parents|fr[èe]res|s(?:oe|œ)urs)\s*(?:(?:are|were|sont|:|,|-)\s*)+(?=[^\W\d_])"
    # round 18: their names said so ("kids names are Sunny, Precious and Blessing", "the children's
    # names: ...", "les noms des enfants sont ...")
    r"|\b(?:kids|children|sons|daughters)(?:['’]s?)?\s+names?\s*(?:(?:are|were|:|,|-)\s*)+(?=[^\W\d_])"
    r"|\b(?:les\s+)?(?:noms|pr[ée]noms)\s+de\s+(?:mes|nos|ses|leurs|des)\s+enfants\s*(?:(?:sont|:|,|-)\s*)+(?=[^\W\d_])"
    # round 42: "Nom des enfants : ...", "Names of the kids: ..."
    r"|\b(?:noms?|pr[ée]noms?)\s+des\s+enfants\s*(?:(?:sont|:|,|-)\s*)+(?=[^\W\d_])"
    r"|\bnames?\s+of\s+(?:my|our|his|her|the)\s+(?:kids|children|sons|daughters)\s*(?:(?:are|were|:|,|-)\s*)+(?=[^\W\d_])",
    IGNORE_CASE,
)
# ... or as a form's label opening the message or a line: "kids: Amina, Yusuf and baby Maryam".
_GROUP_LABEL = re.compile(
    r"(?:^|(?<=\n))[ \t]*(?:kids|children|enfants|sons|daughters|dependants|dependents|personnes[ \t]+[àa][ \t]+charge)"
    r"[ \t]*[:\-–][ \t]*(?=[^\W\d_])",
    IGNORE_CASE,
)
_GROUP_KEYS = wordset("kids children sons daughters parents siblings brothers sisters enfants fils filles frères freres soeurs sœurs dependants dependents charge")
_ITEM_KIN = wordset("fils fille son daughter mère mere père pere mother father husband wife mari femme enfant child bébé bebe baby")
_ITEM_KIN_WORD = re.compile(r"[^\W\d_]+[ \t]*:?[ \t]*(?=[^\W\d_])")
_LIST_JOIN = re.compile(r"\s*(?:,|\band\b|\bet\b|&)\s*(?:(?:and|et)\s+)?", IGNORE_CASE)


# What may follow or precede a child's name in a list: "Ifeoluwa (5)", "and baby Tobi".
_AGE_AFTER = re.compile(
    r"[ \t]*\([0-9]{1,2}(?:[ \t]*(?:y|yo|yrs|years|ans|mois|months))?\)"
    r"|[ \t]*,[ \t]*[0-9]{1,2}(?:[ \t]*(?:y|yo|yrs|years|ans|mois|months))?(?=[ \t]*(?:,|$|\b(?:and|et)\b))"  # "maria, 11, and"
    r"|[ \t]+[0-9]{1,2}(?:[ \t]*(?:y|yo|yrs|years|ans|mois|months))?(?=[ \t]*(?:,|$|\b(?:and|et)\b))"  # "ali 6, zainab 4 and"
    # round 18: the birth date in brackets, "Aarav (dob 2015-04-11) and Anaya (dob 2018-09-30)"
    r"|[ \t]*\([ \t]*(?:(?i:dob|born|n[ée]e?|ddn|date\s+of\s+birth)[ \t]*:?[ \t]*)?[0-9]{1,4}[-/.][0-9]{1,2}[-/.][0-9]{1,4}[ \t]*\)"
    # round 42: the year alone or a birth date with its month's name in brackets, "Junior (2009), Grâce (2012)",
    # "Hodan (DOB 10 Jan 2014) and Liban (DOB 22 Sept 2017)"
    r"|[ \t]*+\([ \t]*(?:(?i:dob|born|n[ée]e?|ddn|b\.)[ \t]*:?[ \t]*)?(?:19|20)[0-9]{2}[ \t]*\)"
    r"|[ \t]*+\([ \t]*(?i:dob|born|n[ée]e?|ddn|b\.|date\s+of\s+birth)[ \t]*:?[ \t]*[0-9]{1,2}(?:st|nd|rd|th|er)?[ \t]+[^\W\d_]{3,9}\.?[ \t]+[0-9]{4}[ \t]*\)"
)
_LITTLE_BEFORE = re.compile(r"(?:baby|little|petit|petite|bébé|bebe)[ \t]+(?=[^\W\d_])", IGNORE_CASE)


# A list of people, each with a value of the same kind (seen masked, on the second look): "my
# kids passports: Leila [PASSPORT], Nour [PASSPORT]", "DOBs: Omar [DATE_OF_BIRTH] and Sara ...".
_NAME_THEN_VALUE = re.compile(
    r"(?:^|(?<=[:,;\n(])|(?<=\band)|(?<=\bet))[ \t]*([A-ZÀ-ÖØ-Þ][a-zà-ÿ]+(?:[- ][A-ZÀ-ÖØ-Þ][a-zà-ÿ]+)?)"
    r"[ \t]*+(?:[:\-–][ \t]*+)?\[(PASSPORT|DATE_OF_BIRTH|CLIENT_ID|SIN|APPLICATION_NUMBER)\]"  # round 44: possessive
)


def _valued_list_names(text: str) -> Iterator[tuple[int, int]]:
    found = list(_NAME_THEN_VALUE.finditer(text))
    if len(found) < 2:
        return
    kinds = [m.group(2) for m in found]
    listed = {m.group(2) for m in found if given_name(re.split(r"[- ]", m.group(1))[0]) or family_name(re.split(r"[- ]", m.group(1))[-1])}
    for m in found:
        words = re.split(r"[- ]", m.group(1))
        if kinds.count(m.group(2)) >= 2 and (given_name(words[0]) or family_name(words[-1])
                                             # round 42: or a name no list knows beside one the lists know, in the same list
                                             or (m.group(2) in listed and not any(_not_a_name_part(w) for w in words))) \
                and not _like_a_place(words) and m.group(1).lower() not in NOT_NAME:
            yield m.span(1)


# Round 26: a child named after "la petite", "le petit", "the little", "baby" with the article or
# a possessive: "l'oncle de la petite Naïka Dorsainvil (7 ans)", "our little Amara Obi"; the
# child's age after the name, or a name of the lists: not "la petite Rivière", "Little Italy".
_LITTLE_NAMED = re.compile(
    r"(?<![\w'’-])(?:le|la|du|the|our|my|ma|mon|notre|sa|son|his|her)[ \t]+(?:petite?|little|baby|b[ée]b[ée])[ \t]+(?=[A-ZÀ-ÖØ-Þ])",
    IGNORE_CASE,
)
_LITTLE_KEYS = wordset("petit petite little baby bébé bebe")


def _little_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _LITTLE_NAMED.finditer(text):
        span = _name_at(text, m.end(), strong=False)
        if span is None:
            continue
        words = text[span[0]:span[1]].split()
        if _like_a_place(words) or any(_not_a_name_part(w) for w in words):
            continue
        if _AGE_AFTER.match(text, span[1]) or (len(words) >= 2 and (given_name(words[0]) or family_name(words[-1]))):
            yield span


# Round 26: a name signing a message on its own last line, after a sentence's end, with no
# sign-off word: "Ah living at Lot 12 Stanleytown, ... Guyana.\nSharmila Persaud". Two or three
# capitalised words, none a word, place, body or month: not "...\nService Canada", "\nMerry Christmas".
_LAST_LINE = re.compile(rf"[.!?][ \t]*\n\s*({_CAPITALISED}(?:[ \t]+{_CAPITALISED}){{1,2}})[ \t]*[.!]*{_EMOJI}\s*$")


def _last_line_names(text: str) -> Iterator[tuple[int, int]]:
    m = _LAST_LINE.search(text, max(0, len(text) - 60))
    if m:
        words = m.group(1).split()
        if not _like_a_place(words) and not any(_not_a_name_part(w) for w in words):
            yield m.span(1)


# Round 45: a form-like message signed on its last line, right under a line of its details (a phone, an e-mail, a
# birth date: "Phone: 905-555-0134\nEmail: k.singh1987@gmail.com\nKaranvir Singh", "GSM : +216 ...\nNé le
# 17/08/1990\nSalma Trabelsi"): two or three capitalised words that may be a name no list knows, one of them a given or
# family name of the lists, or a part of the message's e-mail.
_DETAIL_SIGNED = re.compile(rf"[ \t]*+({_CAPITALISED}(?:[ \t]++{_CAPITALISED}){{1,2}})[ \t]*+[.!]*+{_EMOJI}\s*+")
_DETAIL_LINE = re.compile(r"[^\n]{0,60}(?:[0-9][^\n]{0,30}[0-9]|@)[^\n]{0,60}")


def _detail_signed_names(text: str) -> Iterator[tuple[int, int]]:
    end = len(text.rstrip())
    last = text.rfind("\n", 0, end)
    if last < 1 or (m := _DETAIL_SIGNED.fullmatch(text, last + 1)) is None:
        return
    above = text.rfind("\n", 0, last) + 1
    if last - above > 160 or not _DETAIL_LINE.fullmatch(text, above, last):
        return
    words = m.group(1).split()
    if not _name_words_unknown(words) and not all(given_name(w) or family_name(w) for w in words):
        return
    mails = [w.lower() for w in re.findall(r"[^\W\d_]{3,}(?=[^@\s]*@)", text)]
    if any(given_name(w) or family_name(w) or any(w.lower() in mail for mail in mails) for w in words):
        yield m.span(1)


# Round 52: a child named between its relation and "born", the name a word of the language too ("my son Christian was
# born 04/07/2010", "ma fille Océane est née le ..."): the subject of the birth; not a place's name.
_BORN_CHILD = re.compile(
    r"(?<![\w'’-])(?i:my|our|his|her|their|mon|ma|notre|son|sa)[ \t]+"
    r"(?i:son|daughter|baby|child|kid|boy|girl|twin|fils|fille|b[ée]b[ée]|petit-fils|petite-fille|grandson|granddaughter)[ \t]+"
    r"([A-ZÀ-ÖØ-Þ][a-zà-ÿ]{2,14}(?:-[A-ZÀ-ÖØ-Þ][a-zà-ÿ]{2,14})?)[ \t]+"
    r"(?:(?i:was|is|has[ \t]+been|got|est|a[ \t]+été|a[ \t]+ete)[ \t]+)?(?i:born|n[ée]e?)(?![\w'’-])"
)


def _born_child_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _BORN_CHILD.finditer(text):
        low = m.group(1).lower()
        if low in PLACES or low in COUNTRIES or low in CITY_NAMES or low in HOME_TOWNS or low in MONTHS \
                or (_demonym(low) and low not in _BELIEF_NAMES):
            continue
        yield m.span(1)


# Round 52: the person the mail is sent to ("arrêtez d'envoyer le courrier à Réjean Poirier au 34 rue ...", "send the
# letter to Amal Haddad"), the new name of a name's change ("Changement de nom: de Li Na à Lina Gauvin", "name change
# from Li Na to Lina Gauvin"): two or three capitalised words, a given name of the lists first or a family name last.
_NAME_WORDS = r"(?-i:[A-ZÀ-ÖØ-Þ][a-zà-ÿ]+(?:['’-][A-ZÀ-ÖØ-Þ]?[a-zà-ÿ]+)?(?:[ \t]+[A-ZÀ-ÖØ-Þ][a-zà-ÿ]+(?:['’-][A-ZÀ-ÖØ-Þ]?[a-zà-ÿ]+)?){1,2})"
_MAIL_TO = re.compile(
    r"(?<![\w'’-])(?:(?:courrier|lettre|lettres|colis|correspondance|mail|letter|letters|package|parcel)[ \t]+"
    r"(?:(?:adress[ée]e?s?|envoy[ée]e?s?|addressed|sent)[ \t]+)?(?:à|a|au[ \t]+nom[ \t]+de|to|for)"
    r"|(?P<change>from|de)[ \t]+(?P<old>" + _NAME_WORDS + r")[ \t]+(?:to|à|->|→))[ \t]+(?P<name>" + _NAME_WORDS + r")(?![\w'’-])",
    IGNORE_CASE,
)
_MAIL_TO_KEYS = wordset("courrier lettre lettres colis correspondance mail letter letters package parcel name nom")
_NAME_CHANGE = re.compile(r"(?i:changement[ \t]+de[ \t]+nom|name[ \t]+change|chang\w*[ \t]+(?:my|his|her|our|their|mon|son|sa|de)?[ \t]*(?:name|nom))")


def _mail_to_names(text: str) -> Iterator[tuple[int, int]]:
    change = None
    for m in _MAIL_TO.finditer(text):
        if m.group("change"):
            change = change if change is not None else _NAME_CHANGE.search(text) is not None
            if not change:
                continue
        words = m.group("name").split()
        if not (given_name(words[0]) or family_name(words[-1])) or not _unlisted_words(words):
            continue
        yield m.span("name")
        if m.group("change") and _unlisted_words(m.group("old").split()):
            yield m.span("old")  # the name before its change, any name (a transliteration the lists lack)


def _unlisted_words(words: list[str]) -> bool:
    """No place, no word of the language nor of the lists of non-names among `words`."""
    lows = [w.lower() for w in words]
    return not _like_a_place(words) \
        and not any(_plain_word(w) or w in NOT_NAME or w in NOT_NAME_CAPITALISED or w in PLACES for w in lows)


# Round 52: a message of two capitalised words and nothing else, a given name that is a word too, then a family name of
# the lists ("Summer Lee", "Joy Okafor"): the answer to "your name?"; the month or season no longer a word alone.
_WHOLE_TWO_WORDS = re.compile(r"\s*([A-ZÀ-Þ][a-zà-ÿ]+)[ \t]+([A-ZÀ-Þ][a-zà-ÿ]+(?:-[A-ZÀ-Þ][a-zà-ÿ]+)?)[ \t]*[.!]?\s*")
_BELIEF_NAMES = wordset("christian christiane christiana")
# Round 52: a given name that is a word too ("Rose", "Hope", "Joy"), alone between a message's marks, that the message's
# e-mail opens with ("hi. Rose. rose.delacruz@gmail.com"): the writer's name.
_WORD_ALONE = re.compile(r"(?:^|[.!?,;:\n])[ \t]*+([A-ZÀ-Þ][a-zà-ÿ]{2,14})[ \t]*+(?=[.!?,;\n])")
_LOCAL_SEGMENTS = re.compile(r"[._\-0-9]+")


# Round 53: a short word that introduces oneself before it ("hi its Dev. email dev.malhotra@..."): a name no list knows,
# when the e-mail goes on with a family name of the lists.
_INTRODUCED_ALONE = re.compile(
    r"(?<![\w'’-])(?i:its|it['’]s|this[ \t]+is|i['’]?m|c['’]est|moi[ \t]+c['’]est)[ \t]+([A-ZÀ-Þ][a-zà-ÿ]{1,14})[ \t]*+(?=[.!?,;\n]|\Z)"
)


# Round 53: a record typed in lower case, the name opening its sentence, a comma, then a full date ("... his eyesight
# is bad. abdul karim bakr, 1939-11-02, sin ..."): a given name of the lists first, two words of the lists, the others
# no word of the language.
_RECORD_DATE = r"(?:(?:19|20)[0-9]{2}[-/.][0-9]{1,2}[-/.][0-9]{1,2}|[0-9]{1,2}[-/.][0-9]{1,2}[-/.](?:19|20)[0-9]{2})(?![0-9])"
_RECORD_DATE_HINT = re.compile(rf",[ \t]*+{_RECORD_DATE}")
_LOWER_RECORD = re.compile(
    rf"(?:^|(?<=[.!?\n]))[ \t]*+([a-zà-ÿ][a-zà-ÿ'’-]+(?:[ \t]++[a-zà-ÿ][a-zà-ÿ'’-]+){{1,3}}),[ \t]*+(?={_RECORD_DATE})"
)


def _lower_record_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _LOWER_RECORD.finditer(text):
        words = m.group(1).split()
        listed = sum(1 for w in words if given_name(w) or family_name(w))
        if given_name(words[0]) and words[0] not in NOT_NAME and words[0] not in NOT_NAME_LOWERCASE and listed >= 2 \
                and all(given_name(w) or family_name(w) or (len(w) > 2 and not _plain_word(w) and w not in vocabulary())
                        for w in words) \
                and not any(w in NOT_NAME_LOWERCASE or w in PLACES for w in words[1:]):
            yield m.span(1)


_MAILBOX_ROLES = wordset("info contact admin support office sales hello team mail help service billing accounts jobs")


def _mailbox_given_names(text: str) -> Iterator[tuple[int, int]]:
    segments = [_LOCAL_SEGMENTS.split(m.group(1).lower()) for m in _LOCAL_PART.finditer(text)]
    openings = {parts[0] for parts in segments}
    found = 0
    for m in _WORD_ALONE.finditer(text) if openings else ():
        if m.group(1).lower() in openings and common_given_name(m.group(1)):
            yield m.span(1)
            found += 1
            if found == 2:
                return  # the writer's name, said once or twice
    followed = {parts[0] for parts in segments if len(parts) > 1 and len(parts[1]) > 2 and family_name(parts[1])}
    for m in _INTRODUCED_ALONE.finditer(text) if followed else ():
        if m.group(1).lower() in followed and m.group(1).lower() not in _MAILBOX_ROLES:
            yield m.span(1)
            return


# Round 45: a line of two or three lower-case words that spell the message's e-mail's local part ("email
# paolo.reyes77 at gmail dot com\npaolo reyes po", "jmartinez.ca@gmail.com\njose martinez"): the longest word (four
# letters or more) in it, each other word in it or its first letter opening it; no word of the language.
_LOCAL_PART = re.compile(r"(?<![\w.-])([A-Za-z][\w.-]{2,40})[ \t]*(?:@|\(at\)|\[at\]|[ \t]at[ \t])", IGNORE_CASE)
_ECHO_FILLERS = wordset("po pls plz please thanks thx merci ty tysm here ici")


def _mailbox_echo_names(text: str) -> Iterator[tuple[int, int]]:
    locals_ = ["".join(c for c in m.group(1).lower() if c.isalpha()) for m in _LOCAL_PART.finditer(text)]
    if not locals_:
        return
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        words = [(m.start() + start, m.end() + start, m.group()) for m in re.finditer(r"\S+", line)]
        while words and words[-1][2].lower().strip(".!,") in _ECHO_FILLERS:
            words.pop()
        if not 2 <= len(words) <= 3 or not all(w.isalpha() and w.islower() and not _plain_word(w) for _, _, w in words):
            continue
        longest = max((w for _, _, w in words), key=len)
        if len(longest) < 4:
            continue
        for local in locals_:
            if longest in local and all(w in local or local.startswith(w[0]) for _, _, w in words):
                yield words[0][0], words[-1][1]
                break


# Round 26: quoted spellings of a name being corrected: 'my daughter's name on the CoPR is spelled
# "Anaya" but it should be "Annaya"'; only in a sentence about a name, one to three capitalised words.
_QUOTED_SPELLING = re.compile(
    r"(?:spelled|spelt|written|should\s+be|instead\s+of|not|but|[ée]crit|orthographi[ée]e?|au\s+lieu\s+de|mais|pas|plut[ôo]t)"
    r"[ \t]+(?:as[ \t]+|comme[ \t]+)?[\"“«‘][ \t]*"
    rf"({_CAPITALISED}(?:[ \t-]+{_CAPITALISED}){{0,2}})[ \t]*[\"”»’]",
    IGNORE_CASE,
)
_SPELLING_KEYS = wordset("spelled spelt written écrit ecrit orthographié orthographiée orthographie")


# Round 36: a name spelled letter by letter, the letters joined by hyphens ("she spells it A-M-I-N-A", "nom
# épelé : D-I-O-U-F", "her name is spelled K-W-A-M-E not Kwami"), where the sentence speaks of a name or of its
# spelling; and the way it was written wrong, after "not", "instead of", "et pas", "au lieu de" ("... not Kwami").
# Not a code read out ("the code is A-B-C-D", "press A-B"): three letters at least, a name or spelling word before.
_SPELT_LETTERS = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-Þ](?:-[A-ZÀ-ÖØ-Þ]){2,}(?![\w'’-])")
_SPELT_CUE = re.compile(
    r"\b(?:spell(?:s|ed|t|ing)?|[ée]pel(?:le|les|[ée]|[ée]e|ez|er)|[ée]cri(?:t|s|vez|re)|names?|surname|noms?|pr[ée]noms?"
    r"|lettre\s+par\s+lettre|letter\s+by\s+letter)\b",
    IGNORE_CASE,
)
_SPELT_KEYS = wordset("""
spell spells spelled spelt spelling épelle épelles épelé épelée épelez épeler epelle epele epelee epelez epeler
écrit écris ecrit ecris écrivez ecrivez name names surname nom noms prénom prenom prénoms prenoms letter lettre
""")
_WRITTEN_WRONG = re.compile(
    r"[ \t]*,?[ \t]*(?:and[ \t]+)?(?:not|pas|et[ \t]+pas|et[ \t]+non|non|instead[ \t]+of|au[ \t]+lieu[ \t]+de|rather[ \t]+than"
    r"|plut[ôo]t[ \t]+que)[ \t]+[\"«“']?[ \t]?([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’]+(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’]+)?|[A-ZÀ-ÖØ-Þ]{3,})(?![\w'’-])",
    IGNORE_CASE,
)


def _spelt_names(text: str) -> Iterator[tuple[int, int]]:
    """Names spelled letter by letter after a name or spelling word of their sentence, and the misspelling
    said after them."""
    for m in _SPELT_LETTERS.finditer(text):
        lead = text[max(0, m.start() - 80):m.start()]
        lead = lead[max(lead.rfind("."), lead.rfind("!"), lead.rfind("?"), lead.rfind("\n")) + 1:]
        if not _SPELT_CUE.search(lead):
            continue
        yield m.span()
        wrong = _WRITTEN_WRONG.match(text, m.end())
        if wrong and wrong.group(1)[:1].isupper() and not _plain_word(wrong.group(1)):
            yield wrong.span(1)


def _quoted_spellings(text: str) -> Iterator[tuple[int, int]]:
    for m in _QUOTED_SPELLING.finditer(text):
        sentence = text[max(text.rfind(c, 0, m.start()) for c in ".!?\n") + 1:m.start()].lower()
        if "name" not in sentence and "nom" not in sentence:
            continue
        words = m.group(1).replace("-", " ").split()
        if words[0][0].isupper() and not _like_a_place(words) and not any(_not_a_name_part(w) for w in words):
            yield m.span(1)


# Round 42: people named together after "names" / "noms", with neither "my" nor "kids": "names Ama and Kofi Boateng",
# "noms: Udoka et Chinedu Eze", "our names X Y and Z Y"; two or more, each a name (see _group_names), one of the
# lists, joined by "and" / "et" / "&" or a comma.
_NAMES_LIST = re.compile(
    r"(?<![\w'’-])(?:(?:our|their|the|les|leurs|nos|ses|his|her|leur)[ \t]+)?(?i:names|noms)[ \t]*(?:(?:are|were|sont|:|-)[ \t]*)*"
    r"(?=[A-ZÀ-ÖØ-Þ])",
    IGNORE_CASE,
)


# ... and after "my kids" / "mes enfants" with no colon, names no list knows too when two or more are joined and one
# of them is a name of the lists ("mes enfants Sael et Amadou"): each a capitalised word that is no word of the
# language, place, people or month.
_KIDS_BARE = re.compile(r"(?<![\w'’-])(?:my|our|mes|nos)[ \t]+(?:kids|children|enfants|sons|daughters|fils|filles)[ \t]+(?=[A-ZÀ-ÖØ-Þ])", IGNORE_CASE)


def _unlisted_item(text: str, pos: int) -> tuple[int, int] | None:
    token = _NAME_TOKEN.match(text, pos)
    if token is None or not token.group(1)[:1].isupper() or token.group(1).isupper() or len(token.group(1)) < 3:
        return None
    word = token.group(1)
    if _not_a_name_part(word) or word.lower() in vocabulary() or word.lower() in PLACES or word.lower() in HOME_TOWNS:
        return None
    return token.span(1)


def _town_given(word: str) -> bool:
    """A given name that is also a town's or a word ("Sofia", "Florence", "Grace")."""
    return (given_name(word) and not _plain_word(word)) or word.lower() in _PLACE_GIVEN or common_given_name(word)


_LIST_BAR = re.compile(r"[ \t]*+[/|;][ \t]*+")  # round 48: "kids names: Ana / Luis / Sofia"


def _names_list(text: str) -> Iterator[tuple[int, int]]:
    for m in chain(_NAMES_LIST.finditer(text), _KIDS_BARE.finditer(text)):
        if _names_a_thing(text, m.start(), m.group()):
            continue
        bare = m.re is _KIDS_BARE
        found: list[tuple[int, int]] = []
        pos = m.end()
        while pos < len(text) and text[pos].isupper() and (
                span := _name_at(text, pos, strong=False) or (_unlisted_item(text, pos) if bare else None)):
            words = text[span[0]:span[1]].split()
            # round 48: a given name that is also a town's, once the list has begun ("Names: Ana, Luis and Sofia")
            if (_like_a_place(words) and not (found and len(words) == 1 and _town_given(words[0]))) \
                    or any(_not_a_name_part(w) and not (found and _town_given(w)) for w in words):
                break
            if bare and not all(given_name(w) or family_name(w) or _unlisted_item(w, 0) for w in words):
                break  # "my kids Love Pizza and Ice Cream"
            found.append(span)
            more = _LIST_JOIN.match(text, span[1]) or _LIST_BAR.match(text, span[1])
            if not more or more.end() == span[1] or more.end() >= len(text):
                break
            pos = more.end()
        if len(found) >= 2 and any(given_name(w) or family_name(w) for a, b in found for w in text[a:b].split()) \
                and not any(w.lower() in _COMPANIES or w.lower() in _BUSINESS for a, b in found for w in text[a:b].split()):
            yield from found  # one of them a name of the lists, the others beside it; not "names Google and Apple"


def _group_names(text: str) -> Iterator[tuple[int, int]]:
    for m in chain(_GROUP.finditer(text), _GROUP_LABEL.finditer(text)):
        pos = m.end()
        while True:
            little = _LITTLE_BEFORE.match(text, pos)
            pos = little.end() if little else pos
            span = _name_at(text, pos, strong=False) if text[pos].isupper() else _listed_lower_word(text, pos)
            if span is None and text[pos].isupper() and (token := _NAME_TOKEN.match(text, pos)) \
                    and _AGE_AFTER.match(text, token.end(1)) and not _CALENDAR.fullmatch(token.group(1)):
                span = token.span(1)  # round 42: an item with its own age or birth date, whatever word it is ("and Liban (DOB ...)")
            if span is None:
                break
            if text[span[0]:span[1]].lower() in _ITEM_KIN and (kin := _ITEM_KIN_WORD.match(text, span[0])):
                pos = kin.end()  # round 40: "mes enfants :\nFils ARJUN POPESCU ...": the item's relative, then its name
                continue
            yield span
            end = span[1]
            age = _AGE_AFTER.match(text, end)
            end = age.end() if age else end
            more = _LIST_JOIN.match(text, end)
            if not more or more.end() == end or more.end() >= len(text):
                break
            pos = more.end()


def _listed_lower_word(text: str, pos: int) -> tuple[int, int] | None:
    """One lower-case given name of the lists in a list of names: "the kids are aarav and isha"."""
    m = _NAME_TOKEN.match(text, pos)
    if m is None or not m.group(1).islower() or len(m.group(1)) < 3:
        return None
    word = m.group(1)
    if not (_plain_name(word) and given_name(word) and not _plain_word(word)):
        return None
    second = _NAME_TOKEN.match(text, m.end())  # a compound given name: "maria fernanda", "joão pedro"
    if second and second.group(1).islower() and given_name(second.group(1)) and not _plain_word(second.group(1)):
        return m.start(1), second.end(1)
    return m.span(1)


# A name followed by the person's details, where a sentence, a line or a field starts:
# "Oleksandr Bondarenko, passport FA923847", "details: Nasrin Hosseini, DOB 1988/02/29",
# "Jocelyn Mendoza po, passport ...", "father: Harbhajan Singh Grewal dob 05-06-1955".
_CLAUSE_START = re.compile(r"(?:^|(?<=[.!?:;\n(])|(?<=[.!?:;]\s)|(?<=[.!?:;]\s\s))[ \t]*(?=[A-ZÀ-ÖØ-Þ])")
_DETAILS_NEXT = re.compile(
    r"(?:[ \t]+po)?(?:[ \t]*\([^)\n]{1,15}\))?[ \t]*[,;\-–—|/]?[ \t]*(?:(?:my|his|her|mon|ma|son|sa)[ \t]+)?"
    # round 32: the passport's country before it ("Yerlan Abdrakhmanov, KZ passport N15528193", "..., Indian passport")
    r"(?:(?-i:[A-Z]{2,3}|[A-Z][a-z]+(?:an|ese|ish|i|ch|kh|ek|ik))[ \t]+(?=passport|passeport|pasaporte|passaporte|ppt))?"
    r"(?:passport|passeport|pasaporte|passaporte|ppt|dob|d\.o\.b|born|n[ée]e?\b|date\s+of\s+birth|date\s+de\s+naissance"
    r"|tel|t[ée]l[ée]?phone|t[ée]l\.?|portable|phone|cell|mobile|cp|whatsapp|email|e-mail|courriel|uci|iuc|client\s+id|sin|nas|age[ \t]*[0-9]"
    r"|[0-9]{1,2}[ \t]*(?:y/?o|yrs?|years?\s+old|ans))\b"
    # a phone number alone after a comma: "Tran Quoc Bao, 0912 384 756", "Rép: Guylaine Côté, 418-555-0172"
    r"|[ \t]*,[ \t]*(?=\+?\(?[0-9]{2,4}\)?[ .-]?[0-9]{2,4}[ .-]?[0-9]{3,4}(?![\w/.-]))",
    IGNORE_CASE,
)
# Round 49: after a label about a person and its colon, a street address after a comma too, a house number then a
# street's word within three words ("my info: Charlotte Dubé, 122 rue Principale", "details: Oren Levi, 45 Elm St")
_STREET_NEXT = re.compile(
    rf"[ \t]*,[ \t]*(?=(?:(?:apt|app|unit|suite)\.?[ \t]*[0-9]{{1,5}}[ \t]*[-,][ \t]*)?[0-9]{{1,6}}(?:-[0-9]{{1,6}})?[a-z]?,?[ \t]+"
    rf"(?:[^\W\d_]+\.?[ \t]+){{0,3}}(?:{STREET_TYPES_EN}|{STREET_TYPES_FR})\.?(?![\w'’-]))",
    IGNORE_CASE,
)
_STREET_KEYS = frozenset(w for w in f"{STREET_TYPES_EN}|{STREET_TYPES_FR}".split("|") if w.isalpha())  # round 49
# ... with the value given: "Harvey Norman, email receipt", "Sun Life, phone insurance" are not.
_VALUE_NEXT = re.compile(r"[^\n.!?]{0,40}?[0-9@]")
_DETAIL_KEYS = wordset("""
passport passeport pasaporte passaporte ppt dob born né née nee birth naissance tel tél phone cell mobile cp
téléphone telephone portable
whatsapp email mail courriel uci iuc client sin nas age yo yrs years ans
""")


# First words of places named like people: "Saint John", "Port Alberni".
_PLACE_FIRST = wordset("hay hayy derb quartier cité cite barrio colonia saint sainte st ste san santa são sao port fort mount mont lake new north south east west upper lower grand grande")
# Last words of places and organisations named like people: "Victoria Park", "Peace Bridge",
# "Santa Clara University", "Maple Leaf Foods".
_PLACE_OR_BODY = wordset("""
ward district quận phường sector
park bridge university universite université college collège valley foods food street avenue road
centre center airport hospital hôpital hopital clinic bank banque inc ltd llc corp corporation
school école ecole hotel hôtel mall station office bureau church mosque temple foundation fondation
services service group groupe company compagnie restaurant cafe café market store shop pharmacy
pharmacie lake lac river rivière mountain mont beach island île bay city ville town county village
heights hills gardens garden square plaza place tower towers building institute institut academy
académie museum musée stadium arena terminal port harbour harbor falls bridge tunnel highway
international global solutions systems technologies tech consulting logistics motors farms farm
""")


def _like_a_place(words: list[str]) -> bool:
    """Whether the words name a place or an organisation rather than a person."""
    first = words[0].lower()
    return words[-1].lower() in _PLACE_OR_BODY or first in PLACES or first in _PLACE_FIRST


# After a colon, only a label about a person lets a name follow ("details: Nasrin Hosseini,
# DOB ..."); "Course: Business Administration, email ..." and "Employer: ..." name things.
_PERSON_LABEL = re.compile(
    r"(?:details?|info|infos|information|informations|coordonn[ée]es|name|nom|applicant|client|person|personne"
    r"|member|membre|travell?er|voyageur|voyageuse|student|[ée]tudiante?|employee|employ[ée]e?|patient|passenger"
    r"|passager|passag[èe]re|me|moi|myself|him|her|lui|elle|[\w-]+['’]s(?:\s+\w+)?"
    # an answer to the bot's question: "Rép: Guylaine Côté, 418-..."
    r"|r[ée]p|r[ée]ponse|reply|answer)[ \t]*:[ \t]*$",
    IGNORE_CASE,
)


def _detailed_names(text: str, details: bool = True) -> Iterator[tuple[int, int]]:
    """`details`: whether a detail's word is in the text; else only a street address after a label's colon is read."""
    for m in _CLAUSE_START.finditer(text):
        after_colon = text[max(0, m.start() - 2):m.start()].rstrip().endswith(":")
        if not details and not after_colon:
            continue
        if after_colon and not _PERSON_LABEL.search(text, max(0, m.start() - 40), m.end()):
            continue
        if _SELF.match(text, m.end()) or _STRONG.match(text, m.end()):
            continue  # "I'm Daniel Kim, DOB ...": the introduction's own rule names him
        span = _name_at(text, m.end(), strong=False)
        if span is None or not _several_words(text, span) or len(text[span[0]:span[1]].split()) > 4:
            continue
        found = (_DETAILS_NEXT.match(text, span[1]) if details else None) \
            or (_STREET_NEXT.match(text, span[1]) if after_colon else None)
        words = text[span[0]:span[1]].split()
        if found and _VALUE_NEXT.match(text, found.start()) and (not _like_a_place(words) or (
                len(words) == 2 and words[1].lower() not in _PLACE_OR_BODY and words[0].lower() in PLACES and family_name(words[1])
                and not given_name(words[1]) and not _plain_word(words[1]))):
            yield span  # round 49: a given name that is a town too, before a family name ("Charlotte Dubé, 12 rue ...")


# A name opening a message or a line (or after "Applicant:"), right before the person's
# details or a phone number, in any case: "karim benali +212 6 ...", "ANDRIY BONDARENKO DOB
# ...", "ZHANG Yuting, passport ...", "nadia ferreira\n+351 ...", "Désiré Ouédraogo,
# Ouagadougou, passeport ...". Lower-case or shouted words need a name of the lists.
_PHONE_NEXT = re.compile(r"[ \t]*[,;\-–—|/]?\s*(?:\+[0-9]|\(?[0-9]{3}\)?[ .-]?[0-9]{3}[ .-]?[0-9]{4}\b)")
# round 48: between other marks too, the same on both sides ("Amare Tesfaye / Addis Ababa / +251 ...", "Fanja - Antsirabe -
# +261 ...", "Rasoanaivo Hanta\nToamasina\n+261 ...")
_CITY_BETWEEN = re.compile(
    r"[ \t]*+(?:,[ \t]*+([^\W\d_]+(?:[ \t-][^\W\d_]+)?)(?=[ \t]*,)|/[ \t]*+([^\W\d_]+(?:[ \t-][^\W\d_]+)?)(?=[ \t]*/)"
    r"|\|[ \t]*+([^\W\d_]+(?:[ \t-][^\W\d_]+)?)(?=[ \t]*\|)|[-–—][ \t]++([^\W\d_]+(?:[ \t][^\W\d_]+)?)(?=[ \t]+[-–—])"
    r"|\n[ \t]*+([^\W\d_]+(?:[ \t-][^\W\d_]+)?)(?=[ \t]*\n))"
)
_NOT_OPENING_NAME = _DETAIL_KEYS | _PLACE_OR_BODY | wordset("mob mobile tel phone cell ph no num numero number")
_LABEL_COLON = re.compile(r":[ \t]*")
_EMAIL_NEXT = re.compile(r"[ \t]*[,;\-–—|/]?\s*([\w.+-]+)[ \t]?@")


_VIET_MIDDLES = wordset("thi thị van văn")
_VIET_WORD_FAMILIES = wordset("le lê do đỗ ho hồ vo võ ha hà to tô mai dao đào lam lâm la")
_VIET_MIDDLE_NEXT = re.compile(r"[ \t]++(?i:thi|thị|van|văn)[ \t]++[A-ZÀ-ÞĐa-zà-ÿđ]")


# Round 52: a word in another alphabet than the Latin (Arabic, Cyrillic, Greek, Hebrew, Devanagari...).
_ALPHABETS = "\u0370-\u03ff\u0400-\u04ff\u0530-\u058f\u0590-\u05ff\u0600-\u06ff\u0900-\u097f\u0980-\u09ff\u0a00-\u0a7f\u0e00-\u0e7f\u10a0-\u10ff"
_OTHER_SCRIPT = re.compile(f"[{_ALPHABETS}]")


def _opening_words(text: str, pos: int) -> tuple[int, int] | None:
    """Two to four words that may be a name, from `pos`, as (start, end)."""
    start = end = -1
    count = 0
    viet = script = False
    skipped = 0
    while count < 4:
        m = _NAME_TOKEN.match(text, end if end >= 0 else pos)
        if m is None or "\n" in text[m.start():m.start(1)]:
            break
        low = m.group(1).lower()
        other = _OTHER_SCRIPT.match(low) is not None
        if count and other != script:
            break  # round 52: the script changes, the name ends ("Ivan Petrov Иван")
        if not count and other and skipped < 2 and (after := _NAME_TOKEN.match(text, m.end(1))) \
                and "\n" not in after.group() and not _OTHER_SCRIPT.match(after.group(1)) and not after.group(1).islower():
            pos, skipped = m.end(1), skipped + 1  # round 52: "اسمي Yousef Haddad, ...": "my name is" in its own script
            continue
        script = other
        if count == 0 and low in _VIET_WORD_FAMILIES and _VIET_MIDDLE_NEXT.match(text, m.end()):
            viet = True  # round 48: a Vietnamese family name that is a word, before the middle name ("LE THI MAI ANH", "Do Van Minh")
        elif viet and _plain(low) in _VIET_SYLLABLES:
            pass  # ... and its given name's syllables, words too ("Mai", "Anh")
        elif low in NOT_NAME or low in NOT_NAME_LOWERCASE or low in NOT_NAME_CAPITALISED or low in _NOT_OPENING_NAME \
                or max(map(ord, low)) >= 0x2E80:  # its own script ("王晓玲") is another span
            break
        start = m.start(1) if start < 0 else start
        end, count = m.end(1), count + 1
    return (start, end) if count >= 2 else None


def _name_shape(words: list[str]) -> bool:
    """Capitalised words, or lower-case or shouted ones the lists know."""
    if _like_a_place(words) or any(_demonym(w.lower()) for w in words):
        return False
    if all(w[0].isupper() and not w.isupper() for w in words):
        return True
    if len(words) >= 3 and words[0].lower() in _VIET_WORD_FAMILIES and words[1].lower() in _VIET_MIDDLES \
            and all(_plain(w) in _VIET_SYLLABLES for w in words[2:]):
        return True  # round 48: "LE THI MAI ANH"
    return given_name(words[0]) or family_name(words[-1]) or (family_name(words[0]) and words[0].isupper())


def _where_word(low: str) -> bool:
    """A town or a country: "ghana", "lagos", "toronto"."""
    return low in PLACES or low in CITY_NAMES or low in NOT_NAME_CAPITALISED  # the last: countries, nations


_INITIALS_FIRST = re.compile(r"[ \t]*+((?:[A-Z]\.[ \t]*+){1,2})(?=[A-Z][a-z])")


def _contact_opening_names(text: str) -> Iterator[tuple[int, int]]:
    starts = [0]
    if "\n" in text:
        starts.extend(i + 1 for i, c in enumerate(text) if c == "\n")
    starts += [m.end() for m in _LABEL_COLON.finditer(text) if _PERSON_LABEL.search(text, max(0, m.start() - 40), m.end())]
    for start in starts:
        m = _OPENING.match(text, start)
        pos = m.end() if m else start
        if _SELF.match(text, pos) or _STRONG.match(text, pos):
            continue  # "I'm Hannah, DOB ...": the introduction's own rule names her
        initials = _INITIALS_FIRST.match(text, pos)  # round 48: "K. Venkatesh Iyer, Chennai, +91 ...": initials first
        span = _opening_words(text, initials.end() if initials else pos)
        where = -1  # round 22: a country or town after the name, before the phone: "kwame asante ghana +233 ..."
        if span is not None and (opened := text[span[0]:span[1]].split()) and len(opened) >= 3 \
                and _where_word(opened[-1].lower()) and not given_name(opened[-1]):
            where = span[1]
            span = (span[0], span[0] + len(text[span[0]:span[1]].rstrip()[: -len(opened[-1])].rstrip()))
        if span is None or not _name_shape(text[span[0]:span[1]].split()) \
                or any(_ELISION.match(w.lower()) for w in text[span[0]:span[1]].split()):
            continue  # not "l'enfant s'appelle Moussa Traoré, né le ...": French words
        if start > 0 and not _TITLE_WORDS.isdisjoint(w.lower() for w in text[span[0]:span[1]].split()):
            continue  # round 47: a signature's title on its line, above the phone ("Community Interpreter\n(416) ...")
        if where < 0 and (place := _NAME_TOKEN.match(text, span[1])) and _where_word(place.group(1).lower()):
            where = place.end()
        if where >= 0:
            if _PHONE_NEXT.match(text, where):
                yield (initials.start(1) if initials else span[0]), span[1]
            continue
        city = _CITY_BETWEEN.match(text, span[1])
        town = city.group(city.lastindex or 1) if city else ""
        # round 48: a town no list knows between the name and the phone ("Rakotomalala Hery, Antananarivo, tél +261 ...")
        after = city.end() if city and (town.lower() in PLACES or town.lower() in CITY_NAMES
                                        or (town[0].isupper() and not any(_plain_word(w) for w in town.split()))
                                        or _NATIONALITY.fullmatch(town.lower()) is not None) else span[1]
        details = _DETAILS_NEXT.match(text, after)
        if _PHONE_NEXT.match(text, after) or (details and _VALUE_NEXT.match(text, details.start())):
            yield (initials.start(1) if initials else span[0]), span[1]
        elif "@" in text and (mail := _EMAIL_NEXT.match(text, after)) is not None:
            user = mail.group(1).lower()
            if any(len(w) >= 4 and w[:4].lower() in user for w in text[span[0]:span[1]].split()):
                yield span  # "Kateryna Bondarenko\nkateryna.bond@ukr.net": the e-mail under it echoes the name
    if "\n" in text and (low := _LOWER_CONTACT_NAME.match(text)) is not None:
        words = low.group(1).split()
        if _clause_given(words[0]) and (family_name(words[-1]) or given_name(words[-1])) \
                and not any(_plain_word(w) for w in words):
            yield low.span(1)  # "tanvir hasan\n+880 1712-345678\ndhaka": a contact block typed in lower case


# Round 48: a nationality between the name and the phone ("kossi agbeko, togolais, tél ...", "Ama Owusu, Ghanaian, +233 ...")
_NATIONALITY = re.compile(r"[a-zà-ÿ]{3,}(?:ais|aise|ois|oise|ien|ienne|éen|éenne|ain|aine|an|ian|ese|ish|i|ais)")


_LOWER_CONTACT_NAME = re.compile(r"[ \t]*([a-zà-ÿ'’-]{2,}(?:[ \t]+[a-zà-ÿ'’-]{2,}){1,2})[ \t]*\n[ \t]*(?=[+(0-9]|[\w.+-]+@)")


# Round 44: a name that no list knows opening a message, right before the person's address, when the message gives a
# phone or an e-mail too: "Noa Levi\nRehov Dizengoff 112 apt 9, ...", "Somchai Wongsakul\n99/45 Moo 3, Sukhumvit Rd",
# "Siobhán Ní Bhriain, 12 Main St, Dingle". The address: a house number then a capitalised word, or one to three
# capitalised words then a house number and a comma, a unit or the line's end, or a lot's or a unit's word and its
# number ("Lot 12 Vaitele Uta").
_ADDRESS_NEXT = re.compile(
    r"[ \t]{0,3}(?:,|\n)[ \t]{0,3}(?:[0-9]{1,5}(?:[/-][0-9]{1,4})?[A-Za-z]?,?[ \t]{1,3}[A-ZÀ-Þ]"
    r"|(?:Lot|Blk|Block|No\.?|House|Plot|Apt|Flat|Unit)[ \t]+[0-9]"
    r"|[A-ZÀ-Þ][a-zà-ÿ]+\.?(?:[ \t]+[A-ZÀ-Þ][a-zà-ÿ]+){0,2}[ \t]+[0-9]{1,5}[A-Za-z]?(?=[ \t]*(?:,|\n|$)|[ \t]+(?i:apt|apartment|app|appt|unit|flat|suite|int|piso)\b))"
)
_PHONE_OR_MAIL_IN = re.compile(r"(?:\+[ \t]?[0-9]|(?<![0-9])0[0-9])[0-9 ().-]{6,18}[0-9]|[\w.+-]+@[\w-]+\.")


# Round 44: words of a company's or a service's name that no list calls a word ("Rogers Wireless", "Western Union",
# "Sun Life", "Purolator Courier", "Desjardins Assurances"): never an unknown name's.
_SERVICE_WORDS = wordset("""
mobile mobility wireless cellular telecom télécom communications union life vie courier courrier post poste express
assurance assurances insurance financial financière financiere bank banque credit crédit money transfer remit
airlines airways air travel voyages tours services service solutions group groupe logistics freight shipping cargo
movers moving rentals rental realty immobilier pharmacy pharmacie clinic clinique dental dentaire medical médical
""")


def _name_words_unknown(words: list[str]) -> bool:
    """Two or three capitalised words that may be a name no list knows: no word of a language, no place, no month, no
    people, no sign-off ("Cordialement Hélène Marchand" is no unknown name); a two-letter word only inside ("Ní", "Le")."""
    if not 2 <= len(words) <= 3 or _like_a_place(words) or len(words[0]) < 3 or len(words[-1]) < 3:
        return False
    for w in words:
        low = w.lower()
        if not (w[:1].isupper() and w[1:2].islower()) or _plain_word(w) or low in CITY_NAMES or low in PLACES \
                or low in _SIGN_OFF_KEYS or low in _CLOSING_TAIL or low in _SERVICE_WORDS or low in _BUSINESS \
                or _CALENDAR.fullmatch(w) or _demonym(low) or (len(w) > 2 and not (_unknown_capital(w) or _run_name(w))):
            return False
    return True


_FROM_PLACE_OPENING = re.compile(r"(?i:from|de|depuis)[ \t]{1,3}(?-i:[A-ZÀ-Þ][a-zà-ÿ'’-]+)[ \t]{0,3}[,:!.—–-][ \t]{0,3}")


def _address_opening_names(text: str) -> Iterator[tuple[int, int]]:
    m = _OPENING.match(text)
    pos = m.end() if m else 0
    if m and (where := _FROM_PLACE_OPENING.match(text, pos)):
        pos = where.end()  # "hello from Athens, Eleni Papadopoulou, Odos Ermou 56, ..."
    if _SELF.match(text, pos) or _STRONG.match(text, pos):
        return
    span = _opening_words(text, pos)
    if span is None or not _ADDRESS_NEXT.match(text, span[1]) or not _name_words_unknown(text[span[0]:span[1]].split()):
        return
    if _PHONE_OR_MAIL_IN.search(text, span[1]):
        yield span


# Round 44: a name that no list knows signing the message right after a phone's number ends its last sentence or line:
# "Tel +261 34 12 458 77. Hery Rakotoarisoa", "phone 087 224 9183. Siobhán Ní Bhriain".
_NAME_AFTER_NUMBER_END = re.compile(
    rf"(?<=[0-9])[ \t]*(?:[.!][ \t]*\n?|\n)[ \t]*({_CAPITALISED}(?:[ \t]+{_CAPITALISED}){{1,2}})[ \t]*[.!]*{_EMOJI}[ \t\n]*\Z"
)


_PHONE_RUN_END = re.compile(r"[0-9][0-9 ().+-]{5,24}\Z")
# Round 44: a formal letter's "I" and the writer's full name before what he asks or declares: "Dear sir/madam, I Nakato
# Sarah Namubiru kindly request an update", "I Rahim Uddin hereby declare". Two to four capitalised words, no word of
# the language, place or month.
_FORMAL_I_NAME = re.compile(
    r"(?:^|(?<=[.,:;!?\n]))[ \t]{0,3}I[ \t]{1,3}((?:[A-ZÀ-Þ][a-zà-ÿ'’]+(?:-[A-ZÀ-Þ][a-zà-ÿ'’]+)?[ \t]{1,3}){2,4})"
    r"(?i:kindly|humbly|hereby|respectfully|solemnly|am[ \t]+writing|would[ \t]+like|wish|write|request|declare|confirm"
    r"|certify|apply)(?![\w'’-])"
)


def _formal_i_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _FORMAL_I_NAME.finditer(text):
        words = m.group(1).split()
        if all(_unknown_capital(w) or _run_name(w) for w in words) and not any(_plain_word(w) or _CALENDAR.fullmatch(w)
                                                                                or w.lower() in PLACES for w in words):
            yield m.start(1), m.start(1) + len(m.group(1).rstrip())




def _signed_after_number(text: str) -> Iterator[tuple[int, int]]:
    m = _NAME_AFTER_NUMBER_END.search(text, max(0, len(text) - 80))
    if m and _name_words_unknown(m.group(1).split()) and (run := _PHONE_RUN_END.search(text, max(0, m.start() - 25), m.start())) \
            and sum(c.isdigit() for c in run.group()) >= 7:
        yield m.span(1)  # a phone's number, not "room 1208. Marriott Courtyard"
    elif (m := _NAME_TOWN_AFTER_NUMBER_END.search(text, max(0, len(text) - 90))) \
            and (m.group("saint") or m.group("province") or m.group("town").lower() in PLACES
                 or m.group("town").lower() in CITY_NAMES) \
            and (_name_words_unknown(m.group(1).split()) or all(given_name(w) or family_name(w) for w in m.group(1).split())) \
            and (run := _PHONE_RUN_END.search(text, max(0, m.start() - 25), m.start())) and sum(c.isdigit() for c in run.group()) >= 7:
        yield m.span(1)  # round 45: the writer's town after the name ("... 4428. Siobhan Walsh St. John's NL")
    elif (m := _COUPLE_AFTER_NUMBER_END.search(text, max(0, len(text) - 90))) \
            and (run := _PHONE_RUN_END.search(text, max(0, m.start() - 25), m.start())) and sum(c.isdigit() for c in run.group()) >= 7:
        words = [w for w in m.group(2).split() if len(w) > 2]
        if all(not _plain_word(w) and (given_name(w) or _unknown_capital(w)) for w in (m.group(1), words[0])) \
                and _name_words_unknown(words[:3]) if len(words) > 1 else False:
            yield m.span(1)  # round 45: a couple signing after the phone ("... 7712. Siobhán & Ciarán Ó Briain")
            yield m.span(2)


# Round 45: two given names joined by "&", "and" or "et", the family name after the second, ending the message.
_COUPLE_AFTER_NUMBER_END = re.compile(
    rf"(?<=[0-9])[ \t]*+(?:[.!][ \t]*+\n?|\n)[ \t]*+({_CAPITALISED})[ \t]*+(?:&|and|et)[ \t]*+"
    rf"({_CAPITALISED}[ \t]++(?:(?:Ó|O|Ní|Nic|Mac|Mc|Van|De|Da|Di|Du|El|Al|Le)[ \t]++)?{_CAPITALISED})[ \t]*+[.!]*+{_EMOJI}[ \t\n]*+\Z"
)


# Round 45: two capitalised words signing after a phone's number, then the writer's town: a saint's town, a town of the
# lists or a town before its province's code ("1 418 690 4428. Guillaume Bouchard Saguenay", "Aoife Byrne Tralee, IE").
_NAME_TOWN_AFTER_NUMBER_END = re.compile(
    rf"(?<=[0-9])[ \t]*+(?:[.!][ \t]*+\n?|\n)[ \t]*+({_CAPITALISED}[ \t]++{_CAPITALISED})(?:[ \t]*+,[ \t]*+|[ \t]++)"
    rf"(?P<saint>(?:St|Ste|Saint|Sainte)(?:\.[ \t]*+|[ \t]++|-))?(?P<town>{_CAPITALISED}(?:[ \t-]{_CAPITALISED})?)"
    rf"(?:(?:[ \t]*+,[ \t]*+|[ \t]++)(?P<province>(?-i:NL|NS|NB|PE|PEI|QC|ON|MB|SK|AB|BC|YT|NT|NU|IE|UK)))?[ \t]*+[.!]*+{_EMOJI}[ \t\n]*+\Z"
)


# A relative's name that is a common word or that no list knows, told by what follows it:
# "my fiance guy is from France", "ma soeur espérance vit à Kigali", "my wife fatima's
# passport", "my husband Rashed, his passport", "I am Chioma's husband Emeka". Not "my husband
# will arrive", "my wife still has".
_RELATIVE_BEFORE = re.compile(
    rf"(?:\b(?:my|our|your|his|her|their|mon|ma|notre|votre|son|sa|leur)|[A-ZÀ-Þ][a-zà-ÿ]+['’]s)[ \t]+(?:{_RELATION_WORDS}|boy|girl|baby|garçon|bébé)"
    r"(?:[- ]in[- ]law)?[ \t]+$",
    IGNORE_CASE,
)
_TOLD_AFTER = re.compile(
    r"['’]s[ \t]+[^\W\d_]"
    r"|[ \t]+(?:is|was|has|needs|wants|lives|works|got|est|a|vit|veut|doit|peut|habite|travaille|va"
    r"|sont|ont|veulent|vont|doivent|peuvent|viennent|habitent|travaillent"
    # round 48: more of what a person does, in the past too ("my cousin olive signs the letter", "my daughter joy turned 5")
    r"|signs|signed|turned|turns|helped|helps|called|calls|arrived|arrives|came|comes|applied|applies|sent|paid|studies"
    r"|studied|goes|went|left|died|passed|moved|received|lost|signe|arrive|part|étudie|etudie|vient|appelle|envoie)(?![\w'’-])"
    r"|[ \t]*,[ \t]*(?:his|her|he|she|son|sa|il|elle)(?![\w'’-])"
    # round 18: the person's value after a colon, an age or a date in brackets: "dob of my daughter
    # faith: 2012/02/29", "my son tobi (6)"; not a phone's area code ("mon mari cest (418) 555-0192")
    r"|[ \t]*:[ \t]*[0-9]|[ \t]*\([ \t]*(?:[0-9]{1,2}[ \t]*(?:ans?|yrs?|years?|yo|y/o|mois|months)?[ \t]*\)|[0-9]{1,4}[-/.][0-9])"
    # the pronoun repeating the subject, typed fast: "my cousin abdelkader he got refused"
    r"|[ \t]+(?:he|she|il|elle)[ \t]+(?:is|was|has|got|had|needs|wants|can|cannot|can't|did|does|est|a|veut|doit|peut|n['’])"
    # round 22: where to reach the person, what they can do: "my cousin abdul-rahman on 07700 900482",
    # "tahmina's brother rafiq can be called at ...", "mon frère karim au 06 12 ..."
    r"|[ \t]+(?:on|at|au|sur)[ \t]+(?:\+[ \t]*[0-9]|\(?0?[0-9]{3})"
    r"|[ \t]+(?:can|could|cannot|can['’]t|peut|pourra|pourrait)[ \t]+(?:be|not|also|sign|come|help|travel|apply|être|etre|pas|signer|venir|aider)(?![\w'’-])",
    IGNORE_CASE,
)
_MODALS = wordset("will may can might must shall could would should")
# What else follows a relative: "my mother herself", "mon frère aîné", "my fiance first".
_NOT_RELATIVE_NAME = wordset("""
herself himself itself themselves myself yourself first second third last later earlier alone
together instead though anyway please pls plz maybe perhaps eldest oldest youngest older younger little big ex late current future new old aîné
aînée aine ainee boy girl baby bébé bebe garçon garcon kid cadet cadette jumeau jumelle puîné puînée benjamin benjamine petit petite grand
grande défunt défunte feu actuel actuelle futur future nouveau nouvelle ancien ancienne
adoptif adoptive adopté adoptée adopte adoptee adopted biologique biological orphelin orpheline
demeure demeurent réside resident réside reside resides habite vit reste stays lives email e-mail courriel mail
phone tel cell number numéro numero address adresse
""")  # round 28: a verb of living, a contact's label ("ma mère demeure au 6200 ...", "MY SON EMAIL: ...")


def _told_name(word: str, after: str) -> bool:
    low = word.lower()
    if len(low) < 3 and not _short_family_name(word, after):
        return False
    if word.islower() and low.endswith(("ly", "ed", "ing")) and not given_name(low):
        return False
    if low in _NOT_RELATIVE_NAME:
        return False
    if low in _MODALS:
        return not after.lstrip().startswith(("is", "was", "has"))  # "my son will is": never
    if given_name(low) or common_given_name(low) or family_name(low):
        return True
    return low not in NOT_NAME and low not in NOT_NAME_LOWERCASE and low not in NOT_NAME_CAPITALISED \
        and low not in PLACES and not _demonym(low)


def _short_family_name(word: str, after: str) -> bool:
    """A family name of two letters told after a relative, capitalised, then a word in lower
    case: "my spouse LI is here", "my husband Ng has" (not "MY SON DO NOT": all capitals)."""
    return len(word) == 2 and word[0].isupper() and family_name(word.lower()) \
        and after.strip()[:1].islower()


# _RELATIVE_BEFORE anywhere in the text: when it is nowhere, no word has a relative before it.
# issue 14: "Name's" is not looked for again from a letter inside a run that the letter before it starts ("AAAA":
# each letter read the rest of the run, quadratic): a match there is one from that letter before. The same answer
# (it only says whether there is one); "A" x 2,000 0.06 s -> under 1 ms
_RELATIVE_ANYWHERE = re.compile(
    _RELATIVE_BEFORE.pattern.removesuffix("$").replace(
        "|[A-ZÀ-Þ][a-zà-ÿ]+['’]s)[ \\t]+", "|(?:(?<![A-ZÀ-Þ])|(?![a-zà-ÿ]))[A-ZÀ-Þ][a-zà-ÿ]++['’]s)[ \\t]++"
    ),
    IGNORE_CASE,
)


_BARE_NAME_TOKEN = re.compile(r"([^\W\d_]+(?:['’-][^\W\d_]+)*)")


def _relative_names(text: str) -> Iterator[tuple[int, int]]:
    if _RELATIVE_ANYWHERE.search(text) is None:
        return
    for m in _BARE_NAME_TOKEN.finditer(text):  # round 53: _NAME_TOKEN's tokens, its blanks not tried at each blank
        word, end = m.group(1), m.end(1)
        if word[-2:] in ("'s", "’s"):
            word, end = word[:-2], end - 2  # "fatima's passport"
        if not _RELATIVE_BEFORE.search(text, max(0, m.start(1) - 40), m.start(1)):
            continue
        told = _TOLD_AFTER.match(text, end) or (_CLAUSE_END.match(text, end) if word[:1].isupper() else None)
        if told and (word.islower() or word[0].isupper()) and _told_name(word, told.group()) \
                and not (word.lower() in _MODALS and told.group().lstrip()[:1] in ":(") \
                and word.lower() not in _LABEL_WORDS:  # "MY WIFE NAME IS ...": the label
            yield m.start(1), end
        elif (where := _IN_PLACE_AFTER.match(text, end)) and _named_place(where.group("place")) \
                and _told_name(word, " is") and word.lower() not in _LABEL_WORDS and not _plain_word(word) \
                and not _french_adverb(word) \
                and (where.group("family") is None
                     or (_told_name(where.group("family"), " is") and not _plain_word(where.group("family")))):
            yield m.start(1), where.end("family") if where.group("family") else end  # round 45: "my brother raju in delhi"


def _french_adverb(word: str) -> bool:
    """A French adverb in -ement / -amment / -emment, accents typed or not ("ma mere definitivement au canada",
    "finalement", "malheureusement"): no given name ends so (Clément has 7 letters)."""
    return len(word) >= 8 and word.lower().endswith(("ement", "amment", "emment"))


# Round 45: where the relative lives, after the name told in lower case ("my brother suman shrestha in kathmandu
# didnt ...", "ma soeur amina à Oran"): a town or a country of the lists.
_IN_PLACE_AFTER = re.compile(
    r"(?:[ \t]++(?P<family>[^\W\d_]{3,}(?:['’-][^\W\d_]+)?))?[ \t]++(?i:in|from|à|a|au|en|back[ \t]+in|living[ \t]+in)[ \t]++"
    r"(?P<place>[^\W\d_]+(?:[ \t-][^\W\d_]+)?)"
)


def _named_place(words: str) -> bool:
    low = words.lower()
    first = low.split()[0].split("-")[0]
    return any(w in CITY_NAMES or w in COUNTRIES or w in PLACES or w in HOME_TOWNS for w in (low, first))


# A name opening a message, then who the person is or that the writer goes with them:
# "Ousmane (mon cousin) va ...", "Guy, mon beau-père, a 72 ans", "Pierre est mon conjoint",
# "Rose and I are applying", "olive and i got married", "Gloire et Merveille sont des jumeaux".
_WHO_AFTER = re.compile(
    rf"[ \t]*\([ \t]*(?:my|mon|ma|our|notre)[ \t]+(?:{_RELATION_WORDS}|conjoint)(?:[- ]in[- ]law)?[ \t]*\)"
    rf"|[ \t]*,[ \t]*(?:my|mon|ma|our|notre)[ \t]+(?:{_RELATION_WORDS})(?:[- ]in[- ]law)?[ \t]*[,)]"
    rf"|[ \t]+(?:is|est|c['’][ \t]?est|c)[ \t]+(?:my|mon|ma|notre|our)[ \t]+(?:{_RELATION_WORDS}|conjoint)(?![\w'’-])"
    r"|[ \t]+(?:and|et|&)[ \t]+(?:I|i|me|moi)(?![\w'’-])",
    IGNORE_CASE,
)
# The second may carry the family name both share: "Abena and Kojo Mensah-Bonsu are my kids".
# Round 35: a listed given name opening the message, then the relation and what they said or did, with no "is"
# ("Aïcha ma cousine dit que ...", "Tariq my brother said ...").
_KIN_APPOSED_AFTER = re.compile(
    rf"[ \t]+(?:my|mon|ma|our|notre)[ \t]+(?:{_RELATION_WORDS}|cousine|conjoint)(?:[- ]in[- ]law)?"
    r"(?=[ \t]*,|[ \t]+(?:said|says|told|asked|wants|needs|is|has|was|dit|disait|a|m['’]a|veut|est|doit|pense|thinks)(?![\w'’-]))",
    IGNORE_CASE,
)
_PAIR_AFTER = re.compile(
    r"[ \t]+(?:and|et|&)[ \t]+([^\W\d_]+(?:['’-][^\W\d_]+)*(?:[ \t]+[A-ZÀ-Þ][^\W\d_]+(?:['’-][^\W\d_]+)*)?)"
    r"[ \t]+(?:are|sont|were|étaient)(?![\w'’-])",
    IGNORE_CASE,
)
# "and me (folake)": the writer's own name in brackets.
_ME_BRACKET = re.compile(r"\b(?:me|moi|myself|i)[ \t]*\([ \t]*([^\W\d_]+(?:['’-][^\W\d_]+)*)[ \t]*\)", IGNORE_CASE)


_ROLE_OPENERS = wordset("""
sponsor applicant employer employeur agent agente officer representative manager supervisor lawyer consultant
client cliente colleague counsellor counselor adviser advisor demandeur demanderesse collègue collegue
conseiller conseillère conseillere répondant repondant répondante repondante garant garante parrain marraine
avocat avocate
""")
_CALENDAR = re.compile(rf"(?:{MONTHS}|monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)", IGNORE_CASE)


def _opening_word(word: str) -> bool:
    low = word.lower()
    if len(low) < 3 or low in PLACES or _demonym(low) or _CALENDAR.fullmatch(low):
        return False
    if low in _ROLE_OPENERS:
        return False  # round 34: "Sponsor is my uncle Jas": a role's word opening the message; not "Guy est mon conjoint"
    if given_name(low) or common_given_name(low) or family_name(low):
        return True
    return word[0].isupper() and low not in NOT_NAME and low not in NOT_NAME_CAPITALISED and low not in NOT_NAME_LOWERCASE


def _second_name_word(first: str, word: str) -> bool:
    """Whether `word`, after the opening name `first` in the same case, is its family name."""
    low = word.lower()
    if first[0].isupper() != word[0].isupper() or len(low) < 3 or _plain_word(word) or low in PLACES:
        return False
    if family_name(low):
        return True
    if word[0].isupper():
        return low not in NOT_NAME and low not in NOT_NAME_CAPITALISED and not _demonym(low)
    return _plain_name(low)


_SENTENCE_OPENING = re.compile(r"(?:(?<![.!?])[.!?]++[ \t]++|\n[ \t]*+)(?=[A-ZÀ-Þ])")


def _named_with_who(text: str) -> Iterator[tuple[int, int]]:
    m = _OPENING.match(text)
    first = _NAME_TOKEN.match(text, m.end() if m else 0)
    if first and _opening_word(first.group(1)):
        if _WHO_AFTER.match(text, first.end(1)) or (
                given_name(first.group(1).lower()) and _KIN_APPOSED_AFTER.match(text, first.end(1))):
            yield first.span(1)  # round 35: or the relation apposed, "Aïcha ma cousine dit que"
        elif (second := _NEXT_NAME.match(text, first.end(1))) and _WHO_AFTER.match(text, second.end(1)) \
                and _second_name_word(first.group(1), second.group(1)):
            yield first.start(1), second.end(1)  # round 18: "joy mbarga is my cousin", "Espoir Mukuna c mon fils"
        pair = _PAIR_AFTER.match(text, first.end(1))
        if pair and first.group(1)[0].isupper() and pair.group(1)[0].isupper() and all(
                _opening_word(w) for w in pair.group(1).split()):
            yield first.span(1)
            yield pair.span(1)
    for opening in _SENTENCE_OPENING.finditer(text, 1):  # round 38: a later sentence's opening, its words capitalised
        first = _NAME_TOKEN.match(text, opening.end())  # ("... Y0B 1N0. Mary Kassi is my aunt, I stay with her")
        if first and first.group(1)[0].isupper() and _opening_word(first.group(1)) and not _plain_word(first.group(1)) \
                and (second := _NEXT_NAME.match(text, first.end(1))) and second.group(1)[0].isupper() \
                and _WHO_AFTER.match(text, second.end(1)) and _second_name_word(first.group(1), second.group(1)):
            yield first.start(1), second.end(1)
    for b in _ME_BRACKET.finditer(text) if "(" in text else ():
        if _opening_word(b.group(1)) and (b.group(1)[0].isupper() or given_name(b.group(1))):
            yield b.span(1)


# "yes thats me, Amaka.", "c moi, maxime": a name after "it's me,"; words of a chat may come
# between ("its me again lol, kwame.", "c'est encore moi hihi, fatou").
_ME_COMMA = re.compile(
    r"\b(?:it['’]?s|that['’]?s|thats|its|is|c['’]?[ \t]?est|c|yes|oui)[ \t]+(?:encore[ \t]+)?(?:me|moi)"
    r"(?:[ \t]+(?:again|here|back|lol|haha|hehe|hihi|mdr|encore|ici|dnv|de[ \t]+nouveau)){0,2}[ \t]*,[ \t]*(?=[^\W\d_])",
    IGNORE_CASE,
)


def _me_comma_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _ME_COMMA.finditer(text) if "," in text else ():
        full = _name_at(text, m.end(), strong=False)
        if full and " " in text[full[0]:full[1]] and _CLAUSE_END.match(text, full[1]) \
                and not _like_a_place(text[full[0]:full[1]].split()):
            yield full  # round 26: "Principal applicant is me, Saima Qureshi."
            continue
        word = _NAME_TOKEN.match(text, m.end())
        if word and _CLAUSE_END.match(text, word.end(1)) and _opening_word(word.group(1)) \
                and (word.group(1)[0].isupper() or given_name(word.group(1))):
            yield word.span(1)


# A given name of the lists (never a common word) that the sentence itself shows is a person's,
# with no word introducing it: the subject asked about ("can kwame come", "does marie-claude
# need", "est-ce que jean-françois peut"), the writer's companion ("bilal n me", "nadia and i",
# "moi et nabil"), two names joined ("gurpreet and jaspreet", "avec nabil et yasmine"), an
# owner ("olumide's application", "tobi's wife"), a subject opening a message before a verb of
# saying or a relation ("jennifer said", "victoria my wife is"), the person one calls at a
# number ("appeler Sébastien au 819 ...").
_GIVEN_WORD = r"[^\W\d_]{3,}(?:-[^\W\d_]{2,})?"
_ASKED = re.compile(
    rf"(?:(?:^|[.,!?;:\n(]|(?<![\w'’-])(?:so|and|but|or|if|also|pls|please|ok|okay|hi|hello|question|wondering|whether|et|mais|ou"
    rf"|when|how|where|why|what|wat|wen|hw))[ \t]*"
    rf"(?:can|could|does|did|do|will|would|should|may|might|si|is|has|was|are|have)[ \t]+|(?<![\w'’-])est[- ]ce[ \t]+qu(?:e[ \t]+|['’][ \t]*)"
    # "c'est-tu normal que Xavier attende", "faut-il que Mamadou signe"
    rf"|(?<![\w'’-])(?:normal|possible|vrai|faut|faudrait|sûr|sur|obligatoire|nécessaire|necessaire)[ \t]+qu(?:e[ \t]+|['’][ \t]*))"
    rf"({_GIVEN_WORD})[ \t]+([^\W\d_]+)",
    IGNORE_CASE,
)
_ASKED_VERBS = wordset("""
come go sign apply get be travel visit work study join stay use have do pick bring submit send
leave enter call sponsor renew extend still also pay fill upload take see sit attend accompany move
live make finish start find change add help update write check become qualify count get also
peut pourra pourrait doit devra va vient a est signe signer venir aller
attende attend puisse doive aille vienne soit ait fasse parte reste signe voyage
eligible allowed able entitled admissible éligible eligible admissible
""")
_COMPANION = re.compile(
    rf"(?<![\w'’-])({_GIVEN_WORD})[ \t]+(?:n|and|et|&|pis)[ \t]+(?:i|me|moi|je|myself)(?![\w'’-])"
    rf"|(?<![\w'’-])(?:me|moi|i)[ \t]+(?:n|and|et|&)[ \t]+({_GIVEN_WORD})(?![\w'’-])",
    IGNORE_CASE,
)
_PAIR = re.compile(rf"(?<![\w'’-])({_GIVEN_WORD})[ \t]+(?:and|et|n)[ \t]+({_GIVEN_WORD})(?![\w'’-])", IGNORE_CASE)
_OWNED = (
    r"wife|husband|son|daughter|kids|children|mom|mum|mother|dad|father|brother|sister|parents|family"
    r"|application|app|file|passport|visa|permit|case|papers|documents|biometrics|status|appointment"
    r"|sponsorship|interview|medical|letter|study|work"
    r"|birth|school|teacher|uci|dob|id|card|photos?|forms?|flight|ticket|job|employer|daycare|doctor|exam|test"
    r"|results|eta|copr|pr|caq|csq|marriage|birthday|girlfriend|boyfriend|fianc[ée]e?|partner|friend|cousin"
)
# Round 41: a name ending in s, x or z owns with the apostrophe alone ("Yves' brother", "Thomas' passport", "Agnès' file").
_OWNER = re.compile(rf"(?<![\w'’-])({_GIVEN_WORD})(?:['’]s|(?<=[sxzSXZ])['’])[ \t]+(?:{_OWNED})(?![\w'’-])", IGNORE_CASE)
_OPENING_SUBJECT = re.compile(
    rf"(?:ok(?:ay)?[ \t,]+)?(?:so[ \t,]+)?({_GIVEN_WORD})[ \t]+(?:said|told|says|texted|called|asked"
    rf"|(?:is|est)[ \t]+(?:my|mon|ma)[ \t]+|(?:my|mon|ma)[ \t]+(?:{_RELATION_WORDS})(?![\w'’-]))",
    IGNORE_CASE,
)
_IS_MY = re.compile(r"(?:is|est)[ \t]+(?:my|mon|ma)[ \t]+$", IGNORE_CASE)
_RELATIVE_NEXT = re.compile(rf"(?:common[- ]law[ \t]+|ex[- ]?)?(?:{_RELATION_WORDS})(?![\w'’-])", IGNORE_CASE)
_CALL_AT = re.compile(
    rf"(?<![\w'’-])(?:call|text|contact|reach|appeler|appelez|appelle|rappeler|rappelez|rappelle|contacter|contactez|joindre|texter)[ \t]+"
    rf"({_CAPITALISED}(?:[ \t]+{_CAPITALISED})?|{_GIVEN_WORD})[ \t]+(?:at|on|au|sur)[ \t]*(?=[+(0-9])",
    IGNORE_CASE,
)
# Given names that are also places, a name only before "my wife", "my son"...
_PLACE_GIVEN = wordset("victoria georgia florence sofia jordan austin chelsea adelaide regina lourdes fatima santiago")  # round 45: santiago
# Tagalog's person marker: "si Mark po yung anak ko", "kay jericho", "yung anak ko si jericho";
# kinship words said before a name: "my Tita Baby", "Abuela Rosa", "Lolo Ben", "kuya jun".
_SI_FAMILY_NEXT = re.compile(r"[ \t]++([A-ZÀ-Þ][a-zà-ÿ]{2,}(?:-[A-ZÀ-Þ][a-zà-ÿ]+)?)(?![\w'’-])")
_SI = re.compile(rf"(?<![\w'’-])(?:si|kay|ni)[ \t]+({_CAPITALISED}|{_GIVEN_WORD})(?![\w'’-])")
_KIN_NAME = re.compile(
    r"(?<![\w'’-])(?:(?i:tita|tito|lola|lolo|abuela|abuelo|t[ií]a|t[ií]o|auntie|aunty|kuya|nanay|tatay|tonton|tantine|yaya|manman|matant|pitit"
    # Darija: my wife, my husband, my son, my daughter, my brother, my sister ("dyal mrati Salma")
    r"|mrati|mrat|rajli|wldi|weldi|ouldi|bnti|benti|khouya|khoya|khti|okhti|ukhti)|Ate)"
    rf"[ \t]+({_CAPITALISED}|{_GIVEN_WORD})(?![\w'’-])"
)
# Round 18: Vietnamese kinship words and honorifics said before a given name (left out of it, the
# convention of Tagalog's "Tita"): "chi Hoa" (older sister), "anh Minh", "em Lan", "cô Mai".
_VIET_KIN = re.compile(r"(?<![\w'’-])(?:chị|chi|anh|em|cô|chú|chu|bác|bac|dì|ông|ong|bà)[ \t]+([A-ZÀ-ÞĐ][a-zà-ÿđ]+)(?![\w'’-])")
_VIET_KIN_KEYS = wordset("chị chi anh em cô chú chu bác bac dì ông ong bà")
_TAGALOG_NEXT = re.compile(r"[ \t]*(?:[,.!?]|$|(?:po|yung|ang|ay|na|ba|and|at|daw|raw)(?![\w'’-]))")
_COMMON_OWNER = re.compile(rf"(?<![\w'’-])([A-Z][a-z]+)['’]s[ \t]+(?:{_OWNED})(?![\w'’-])")
_AGE_BRACKET = re.compile(rf"(?<![\w'’-])({_GIVEN_WORD})[ \t]*\([ \t]*[0-9]{{1,2}}[ \t]*(?:ans|an|yrs?|years?|yo|y/o|mois|months|meses|años|anos)?[ \t]*\)")
_AGED = re.compile(rf"(?<![\w'’-])({_GIVEN_WORD})[ \t]+(?:is|est|a)[ \t]+[0-9]{{1,2}}(?:[ \t]*(?:yo|y/o|yrs|years|ans|months|mois))?(?![\w'’-]|[ \t]*[-/.]?[ \t]*[0-9])")
# A word, then its full name in brackets: "its sofia (sofia ramirez)", "Ana (Ana Souza)".
_BRACKETED_FULL = re.compile(r"(?<![\w'’-])([^\W\d_]{2,})[ \t]*\([ \t]*\1[ \t]+([^\W\d_]{2,})[ \t]*\)", re.IGNORECASE)
# Verbs whose subject is a person: "Joy needs", "Will wants" ("Hope is" may be a thought).
_PERSON_VERBS = wordset("""
needs wants got has had lives works applied arrived came said told called asked texted sent moved studies
lost received signed paid left started finished graduated turned
veut doit vit habite travaille étudie etudie attend
""")
_PASSIVE = re.compile(r"[ \t]+(?:to[ \t]+be|be|been|approved|renewed|signed|paid|done|lost|stamped)(?![\w'’-])", IGNORE_CASE)
_MONTH_NAMES = wordset("may june april august march")
# The person one helps, tells, sends, calls ("please help kwabena", "tell ifeoma to call",
# "pouvez-vous aider moussa"), asks about ("what about kemi, does she"), or whose relative
# writes ("la maman de nadia").
_TOLD_TO = re.compile(
    rf"(?<![\w'’-])(?:help|tell|ask|send|sent|call|text|email|invite|invited|sponsor|sponsoring|visit|visiting"
    rf"|aider|aidez|appeler|appelez|contacter|inviter|parrainer|(?:dire|demander|dites|demandez)[ \t]+[àa](?![\w'’-])"
    rf"|what[ \t]+about|how[ \t]+about|and[ \t]+what[ \t]+about|et[ \t]+pour"
    # talked with, the form for, added as a dependant: "talked with fatima", "the form for ayesha",
    # "ajouter oumar comme personne à charge"
    rf"|(?:talked|talking|spoke|speaking|spoken|met|living|lives|live|stay|staying)[ \t]+(?:with|to)|(?:form|forms|application|papers)[ \t]+for"
    rf"|ajouter|add|adding|include|inclure|(?:parl[ée]|parle|parler|parlez)[ \t]+(?:avec|[àa](?![\w'’-]))"  # round 50: "parler à"
    # the spouse: "mariée à mohamed", "married to ahmed", "casada con luis"
    rf"|married[ \t]+to|engaged[ \t]+to|mari[ée]e?s?[ \t]+(?:[àa](?![\w'’-])|avec)|casad[oa][ \t]+co[nm]"
    # someone's papers, in French: "les papiers de Sophie", "le permis d'études de Ji-woo"
    rf"|(?:papiers|dossier|demande|passeport|permis(?:[ \t]+d['’][ée]tudes|[ \t]+de[ \t]+travail)?|formulaires?|documents?"
    rf"|certificat|visa|lettre|photos?|acte[ \t]+de[ \t]+naissance|date[ \t]+de[ \t]+naissance|CAQ|CSQ|IUC|UCI)[ \t]+(?:de|d['’])"
    rf"|(?:maman|papa|m[èe]re|p[èe]re|mom|mother|father|dad|parents?|sister|brother|s(?:oe|œ)ur|fr[èe]re"
    rf"|conjointe?|[ée]pou(?:x|se)|mari|femme|marraine|parrain|amie?|cousine?|oncle|tante|copine?|chum"
    rf"|wife|husband|partner|fianc[ée]e?|girlfriend|boyfriend|friend|cousin|uncle|aunt|son|daughter|fils|fille)[ \t]+(?:de|d['’]|of))"
    rf"[ \t]*({_GIVEN_WORD})(?![\w'’-])",
    IGNORE_CASE,
)
# Where a clause opens: the message's start, a greeting, "so", "ok so", "and".
_CLAUSE_OPENING = re.compile(
    r"\W*(?:(?:hi|hello|hey|bonjour|salut|ok|okay|so|and|et|also|btw|alors|donc|yes|yeah|yep|oui|ouais|oh|ah|pis|plus)\W+){0,3}",
    IGNORE_CASE,
)
_POSSESSIVE_NEXT = re.compile(r"[ \t]+(?:his|her|their|sa|son|ses|leur)(?![\w'’-])", IGNORE_CASE)
# Listed given names that are also words or pets' names, kept out of the loose rules.
_LOOSE_NOT = wordset("""
marie innocent charity destiny trinity ana bella luna charlie max jack anh em chi co ba ong
karna karni karo karta karte kiya
""")  # and Hindi's "to do" after an English verb: "sponsor karna chahunda"
_THANKS_NAME_KEYS = wordset("thanks thank thx ty tysm merci name nom prénom prenom call")
_TITLE_LOWER = re.compile(
    r"(?:(?<![\w'’-])(?:madame|monsieur|mister|mr|mrs|ms|mme|mlle|dr)\.?|(?<![\w.'’-])m\.)[ \t]+([a-zà-ÿ]{3,}(?:-[a-zà-ÿ]{2,})?)(?![\w'’-])")
_TITLE_LOWER_KEYS = wordset("madame monsieur mister mr mrs ms mme mlle dr m")  # round 51: "m. nadeau", the dot needed
_KIN_KEYS = wordset("tita tito lola lolo abuela abuelo tia tía tio tío auntie aunty kuya nanay tatay tonton tantine yaya ate manman matant pitit mrati mrat rajli wldi weldi ouldi bnti benti khouya khoya khti okhti ukhti")
_CALL_KEYS = wordset("call text contact reach appeler appelez appelle rappeler rappelez rappelle contacter contactez joindre texter")
_SI_KEYS = wordset("si kay ni")
_CLAUSE_NAME_KEYS = wordset("help tell ask send sent call text email invite invited sponsor sponsoring visit visiting aider aidez appeler appelez contacter inviter parrainer dire demander dites demandez about pour de d of when how where why what has was are have si kay ni tita tito lola lolo abuela abuelo tia tía tio tío auntie aunty kuya nanay tatay tonton tantine yaya ate my mon ma is can could does did do will would should may might est si n and et me moi i s said told says texted called asked call text contact reach appeler appelez rappeler contacter joindre texter")
_CLAUSE_NAME_KEYS |= _KIN_KEYS | _CALL_KEYS | _SI_KEYS | _VIET_KIN_KEYS | wordset("madame monsieur mister")
_CLAUSE_NAME_KEYS |= wordset("married engaged marié mariée mariés mariee marie casada casado parlé parle parler ajouter inclure")


# A child's name with the birth date in brackets ("amara (2016-04-19) and kofi (2019-11-02)"), a
# name in brackets after "baby" or a relative ("me and baby (aljur)"), the name one thanks before
# saying goodbye ("thanks so much joy see u tmrw"), a name alone after the last sentence ("... now.
# Manon"), "grace is my wife's name", "u can call me will".
_DATED = re.compile(rf"(?<![\w'’-])({_GIVEN_WORD})[ \t]*\([ \t]*[0-9]{{1,4}}([-/.])[0-9]{{1,2}}\2[0-9]{{2,4}}[ \t]*\)")
_BABY_BRACKET = re.compile(
    rf"(?<![\w'’-])(?:baby|b[ée]b[ée]|(?:my|mon|ma|our|his|her)[ \t]+(?:{_RELATION_WORDS}))[ \t]*\([ \t]*([^\W\d_]{{3,}})[ \t]*\)",
    IGNORE_CASE,
)
_FAREWELL = r"(?=[ \t,!.]*(?:$|(?:see|c)[ \t]+(?:u|you|ya)\b|talk[ \t]+(?:soon|tmrw|tomorrow|later)\b|ttyl\b|bye\b|[àa][ \t]+(?:demain|bient[ôo]t|plus)\b))"
_THANKED = re.compile(
    r"(?<![\w'’-])(?:thanks?|thank[ \t]+(?:you|u)|thx|ty|tysm|merci)(?:[ \t]+(?:so|very)[ \t]+much|[ \t]+a[ \t]+lot|[ \t]+beaucoup)?"
    rf"[ \t,]+({_GIVEN_WORD}){_FAREWELL}",
    IGNORE_CASE,
)
# Round 34: a given name of the lists after a sentence's end, alone on its line, then only lines of contact details.
_SIGNED_ABOVE_CONTACT = re.compile(
    rf"(?:[.!?][ \t]+|\n[ \t]*)({_CAPITALISED})[ \t]*[.,]?[ \t]*(?:\n[ \t]*(?:\+?[0-9(][0-9 ().+-]{{6,22}}|[\w.+-]+@[\w.-]+)[ \t]*)+\s*$"
)
_LAST_ALONE = re.compile(rf"(?:[.!?][ \t]+|\n[ \t]*)({_CAPITALISED})[ \t]*[.!]*{_EMOJI}\s*$")
_NAMED_AS = re.compile(
    rf"(?<![\w'’-])({_GIVEN_WORD})[ \t]+(?:is|est)[ \t]+(?:my|mon|ma)[ \t]+(?:(?:{_RELATION_WORDS})['’]s[ \t]+)?(?:name|nom|pr[ée]nom)(?![\w'’-])"
    rf"|(?<![\w'’-])call[ \t]+me[ \t]+({_GIVEN_WORD})(?=[ \t]*(?:[,.!?\n]|$))",
    IGNORE_CASE,
)
_NOT_THANKED = wordset("will may")


def _word_names(text: str, words: frozenset[str]) -> bool:
    """Whether a given name that is also a word is written with its capital ("Joy", "Will")."""
    common = COMMON_GIVEN & words
    return bool(common) and (not _THANKS_NAME_KEYS.isdisjoint(words) or any(word.capitalize() in text for word in common))


# A word-name that a noun after it makes a word again: "ask Grace period rules", "tell Hope Street".
_WORD_COMPOUND = re.compile(r"[ \t]+(?:period|periods|street|st|avenue|ave|road|rd|garden|gardens|centre|center|house)(?![\w'’-])", IGNORE_CASE)


def _capital_word_name(word: str) -> bool:
    """A given name that is also a word, capitalised mid-sentence ("tell Grace", "ask Will to")."""
    return word[0].isupper() and not word.isupper() and common_given_name(word) and word.lower() not in _MONTH_NAMES


# Round 36: a sentence ending on a number (a phone, a file) right before the last word alone.
_LAST_AFTER_NUMBER = re.compile(r"[0-9][ \t]*[.!][ \t]+\Z")
# Round 36: a signature's name before its job title or department, the message's last words ("Takahashi, HR",
# "Nowak, Eng.", "Lefebvre, DRH"); the company's name after it is no person's.
_DEPARTMENTS = wordset("""
sales marketing finance legal operations accounting admin administration support compliance purchasing logistics
team office service services ventes comptabilité comptabilite juridique achats équipe equipe bureau
""")
_SIGNED_ROLE = re.compile(
    r"(?:[.!?\n][ \t]*|[ \t][-—–][ \t]*)([A-ZÀ-Þ][a-zà-ÿ'’]+(?:-[A-ZÀ-Þ][a-zà-ÿ'’]+)?(?:[ \t]+[A-ZÀ-Þ][a-zà-ÿ'’]+(?:-[A-ZÀ-Þ][a-zà-ÿ'’]+)?)?)"
    r"[ \t]*,[ \t]*(?:HR|RH|DRH|CEO|CTO|CFO|COO|VP|PDG|DG|P\.?[ \t]?Eng\.?|Eng\.?|Ing\.?|(?:(?:HR|RH)[ \t]+)?(?i:director|directrice"
    r"|directeur|manager|gestionnaire|recruiter|recruteur|recruteuse|coordinator|coordonnatrice|coordonnateur|accountant|comptable"
    r"|human[ \t]+resources|ressources[ \t]+humaines|payroll|paie))[ \t]*[.!]*[ \t]*\Z"
)


def _named_or_common(word: str) -> bool:
    return (given_name(word) or common_given_name(word)) and word.lower() not in _NOT_THANKED and not _demonym(word.lower())


def _more_clause_names(text: str) -> Iterator[tuple[int, int]]:
    opening = _CLAUSE_OPENING.match(text)
    first = _NAME_TOKEN.match(text, opening.end()) if opening else None
    if first and _clause_given(first.group(1)) and first.group(1).lower() not in _LOOSE_NOT:
        after = _NAME_TOKEN.match(text, first.end())
        if after and _word_after_name(after.group(1)) and (after.group(1).lower() in _SUBJECT_VERBS or _verb_like(after.group(1))
                                                           or (after.group(1).lower() in ("and", "et") and _POSSESSIVE_NEXT.match(text, after.end()))):
            yield first.span(1)  # "mamadou veut venir", "ifeoma will call", "deepika and her husband"
    if "(" in text:
        for m in _BRACKETED_FULL.finditer(text):
            if (given_name(m.group(1)) or common_given_name(m.group(1)) or m.group(1).lower() in PLACES) \
                    and not _plain_word(m.group(2)):
                yield m.span(1)
        for m in _DATED.finditer(text):
            word = m.group(1)
            if _clause_given(word) or (word[0].isupper() and not _plain_word(word) and not _CALENDAR.fullmatch(word)):
                yield _family_before(text, m.start(1)), m.end(1)
        for m in _BABY_BRACKET.finditer(text):
            word = m.group(1)
            if _clause_given(word):
                yield m.span(1)
    if any("0" <= c <= "9" for c in text):
        for m in _AGED.finditer(text):
            if _clause_given(m.group(1)) and m.group(1).lower() not in _LOOSE_NOT:
                yield m.span(1)  # "tolu is 12 and dayo is 9"
        if "(" in text:
            for m in _AGE_BRACKET.finditer(text):
                if _clause_given(m.group(1)) and m.group(1).lower() not in _LOOSE_NOT:
                    yield m.span(1)  # "ma fille léa (6 ans) et mon fils noah (3 ans)"
    if first and _capital_word_name(first.group(1)):
        after = _NAME_TOKEN.match(text, first.end())
        if after and after.group(1).lower() in _PERSON_VERBS and not _PASSIVE.match(text, after.end()):
            yield first.span(1)  # "Joy needs a visa", "Grace wants to come"
    for m in _THANKED.finditer(text):
        if _named_or_common(m.group(1)) or _capital_word_name(m.group(1)):
            yield m.span(1)
    m = _LAST_ALONE.search(text, max(0, len(text) - 40))
    if m and _clause_given(m.group(1)):
        yield m.span(1)
    if "\n" in text and (m := _SIGNED_ABOVE_CONTACT.search(text, max(0, len(text) - 120))) and _clause_given(m.group(1)):
        yield m.span(1)  # round 34: "pls reply before I board. Jakub\n+48 601 224 873": a name signed above its number
    for m in _NAMED_AS.finditer(text):
        group = 1 if m.group(1) else 2
        word = m.group(group)
        if _named_or_common(word) or (group == 2 and common_given_name(word)):  # "call me will"
            yield m.span(group)



# Round 18: the person one greets or thanks, named by a given name that is also a word or a month,
# when what follows shows a person: "hi Faith! thank u", "Thanks so much to May at the front desk",
# "merci beaucoup a Grace du bureau de Montreal", "merci Faith et Patrick du centre d'appel". Not
# "Hello May I ask", "thanks, Hope this helps", "Grace Hospital".
_ADDRESSED = re.compile(
    r"(?<![\w'’-])(?:(?i:hi|hello|hey|dear|bonjour|salut|allo|allô)"
    r"|(?i:thanks?|thank[ \t]+(?:you|u)|thx|ty|tysm|merci|gracias|shout[ \t]*out|obrigad[oa]|grazie|danke)"
    r"(?:(?i:[ \t]+(?:so|very)[ \t]+much|[ \t]+a[ \t]+lot|[ \t]+beaucoup|[ \t]+bcp|[ \t]+again|[ \t]+encore))?(?:(?i:[ \t]+(?:to|[àa])))?)"
    r"[ \t,]+(?P<name>[A-ZÀ-Þ][a-zà-ÿ]{2,})"
    r"(?=[ \t]*(?:!|,|$)|[ \t]+(?i:and|et|&)[ \t]+[A-ZÀ-Þ]"
    r"|[ \t]+(?i:at|from|of|in|on|du|de|des|au|à|a)[ \t]+(?i:the|la|le|l['’]|votre|your|ircc|service|bureau|centre|center|call|front|office|vfs)(?![\w'’-])"
    # round 49: what one thanks the person for ("Thank you Nadia for the call", "merci Karim pour ta réponse", "gracias
    # Lucía por todo", "merci Awa de votre aide"), or where the person works, a capitalised name ("Thanks, Omar at Delta
    # Roofing", "merci Line chez Desjardins")
    r"|(?<=[a-zà-ÿ])[ \t]+(?i:for|pour|por|para|pela|pelo|per|für)[ \t]+(?=[^\W\d_])|[ \t]+(?i:de|d['’])[ \t]*(?i:votre|vos|ta|ton|tes|m['’]|nous|avoir)(?![\w'’-])"
    r"|[ \t]+(?i:at|from|chez|with|of|@)[ \t]+(?-i:[A-ZÀ-Þ])[^\W\d_]+(?:[ \t]+[A-ZÀ-Þ][^\W\d_]*){0,3}[ \t]*(?:[.!,]|$))"
)
_THANKED_FOR = re.compile(r"[ \t]+(?:for|pour|por|para|pela|pelo|per|für)[ \t]", IGNORE_CASE)
_ADDRESSED_KEYS = wordset("hi hello hey dear bonjour salut allo allô thanks thank thx ty tysm merci gracias shoutout shout "
                          "obrigado obrigada grazie danke")


def _addressed_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _ADDRESSED.finditer(text):
        word = m.group("name")
        if (common_given_name(word) or (given_name(word) and word.lower() not in NOT_NAME_CAPITALISED and not _demonym(word.lower()))) \
                and _WORD_COMPOUND.match(text, m.end("name")) is None \
                and not (word.lower() in COMMON_GIVEN and _THANKED_FOR.match(text, m.end("name"))):
            yield m.span("name")  # round 49: not "thanks, Hope for the best"


# Round 18: a family name of the lists written first, capitalised, before a name found alone:
# "kid: Xu Anran (2018-09-10)".
_FAMILY_BEFORE = re.compile(r"(?<![\w'’-])([A-ZÀ-Þ][a-zà-ÿ]+)[ \t]+$")


def _family_before(text: str, start: int) -> int:
    """The start of a name found alone, with a capitalised family name of the lists before it."""
    m = _FAMILY_BEFORE.search(text, max(0, start - 20), start)
    if m and text[start:start + 1].isupper() and family_name(m.group(1)) and not given_name(m.group(1)) \
            and not _plain_word(m.group(1)) and m.group(1).lower() not in NOT_NAME_CAPITALISED:
        return m.start(1)
    return start


def _family_after(text: str, end: int) -> int:
    """The end of a given name found alone, with the family name of the lists after it ("priya
    sharma")."""
    m = _NEXT_NAME.match(text, end)
    if m and family_name(m.group(1)) and not given_name(m.group(1)) and not _plain_word(m.group(1)) \
            and m.group(1)[0].isupper() == text[end - 1:end].isupper():
        return m.end(1)
    return end


def _word_after_name(word: str) -> bool:
    """Whether the word after a loose name is an ordinary one ("is priya eligible"), not the
    rest of a proper name ("Tim Hortons", "is tim hortons open", "Jasper in")."""
    low = word.lower()
    return not word[0].isupper() and (low in _ASKED_VERBS or low in _SUBJECT_VERBS or _known(word))


# Round 50: what one calls a parent, in lower case, is no given name ("Passeport de maman:", "the form for mom").
_PARENT_CALLS = wordset("maman mama mamá papa papá mom mum mommy mommie dad daddy mamie mamy papi papy mémé pépé grandma grandpa granny")


def _clause_given(word: str) -> bool:
    if len(word) > 1 and word.isupper():
        return False  # "mon NAS est": capitals are an acronym's here
    if word.islower() and word in _PARENT_CALLS:
        return False
    if "-" in word and not given_name(word):  # "marie-ève", "mohammed-amine": each part a given name
        parts = word.split("-")
        return len(parts) == 2 and all(given_name(p) and not _plain_word(p) for p in parts)
    return given_name(word) and not _plain_word(word) and not _demonym(word.lower())


def _clause_names(text: str, words: frozenset[str], named: bool) -> Iterator[tuple[int, int]]:
    """`named`: whether a word of the message is a name of the lists or a word-name in capitals
    (the rules below but the kinship and "call X at" ones need one)."""
    if named:
        yield from _listed_clause_names(text, words)
    if not _VIET_KIN_KEYS.isdisjoint(words):
        for m in _VIET_KIN.finditer(text):
            if given_name(m.group(1)) and m.group(1).lower() not in PLACES:
                yield m.span(1)  # "contact is chi Hoa", "anh Minh will come"
    if not _KIN_KEYS.isdisjoint(words):
        for m in _KIN_NAME.finditer(text):
            word = m.group(1)
            if _clause_given(word) or (word[0].isupper() and word.lower() not in PLACES and word.lower() not in NOT_NAME_CAPITALISED
                                       and (not m.group().startswith("Ate") or common_given_name(word))):
                yield m.span(1)
    if not _CALL_KEYS.isdisjoint(words):
        for m in _CALL_AT.finditer(text):
            found = m.group(1).split()
            if all(w[0].isupper() and not _plain_word(w) for w in found) or (len(found) == 1 and _clause_given(found[0])):
                yield m.span(1)


# Round 20: names as objects, nicknames, names after a comma at the end (heldout29's kinds).
_CAP20 = r"(?:[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{2,}|[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ](?=-))(?:-[A-ZÀ-ÖØ-Þ]?[a-zà-öø-ÿ]{2,})?"
# "Tell Yohannes Tesfaye his biometrics ...", "ask chidinma if she got ...": the person told or
# asked, before what only a person takes (his/her, if/whether/that, a pronoun after "if").
_TOLD_WHAT = re.compile(
    rf"(?<![\w'’-])(?i:tell|ask|remind|told|asked|reminded)[ \t]+({_CAP20}(?:[ \t]+{_CAP20})?)"
    rf"(?=[ \t]+(?i:his|her|(?:if|whether|that)(?![\w'’-])(?![ \t]+(?:they|it|there|we|you|the|their|its)(?![\w'’-])))(?![\w'’-]))"
    rf"|(?<![\w'’-])(?i:tell|ask|remind)[ \t]+([a-zà-öø-ÿ]{{3,}})(?=[ \t]+(?:if|whether|that)[ \t]+(?:she|he)(?![\w'’-]))",
)
# "dis a fatima que ...", "j'ai deja dit a Pierre-Olivier de rappeler", "transmettez mes salutations a
# Ginette et Rejean", "envoie ca a Ti-Jean stp": the person told, greeted or sent to after à.
_TELL_VERBS_FR = r"dis|dit|dites|demandé|demandez|rappelle|salutations|bisous|bises"
# (a name of the lists only after these: "demande" is also the application, "ma demande à EDSC")
_SEND_VERBS_FR = r"demande|bonjour|envoie|envoies|envoyé|envoye|envoyez|envoyer|transmets|transmettez|transmis|donne|donné|donnez|remets|remis"
_TOLD_A = re.compile(
    rf"(?<![\w'’-])(?:(?P<tell>{_TELL_VERBS_FR})|{_SEND_VERBS_FR})"
    rf"(?:[ \t]+(?![àa](?![\w'’-]))[^\W\d_]+(?:['’][^\W\d_]+)?){{0,2}}[ \t]+[àa][ \t]+"
    rf"(?P<one>(?:[^\W\d_]{{3,}}|[^\W\d_]{{2}}(?=-))(?:-[^\W\d_]{{2,}})?)(?![\w'’-])"
    rf"(?:[ \t]+(?:et|and)[ \t]+(?P<two>[^\W\d_]{{3,}}(?:-[^\W\d_]{{2,}})?)(?![\w'’-]))?"
    rf"(?=[ \t]*(?:[.,!?]|$|(?:que|qu|de|d|stp|svp|pour|hier|demain|ce|cette|il|elle|aussi|svp)(?![\w-])))",
    IGNORE_CASE,
)
# "was it Gurpreet or Gurdeep who called": two people, one of the lists, the other unknown.
_EITHER = re.compile(rf"(?<![\w'’-])({_CAP20})[ \t]+(?:or|ou|and|et)[ \t]+({_CAP20})(?=[ \t]+(?:who|qui)(?![\w'’-]))")
# "is this the right form, Parisa?": a given name of the lists addressed at the end.
_VOCATIVE_END = re.compile(rf",[ \t]*({_CAP20})[ \t]*[?!.]*" + _EMOJI + r"\s*$")
# "pls forward it to my consultants assistant, Ikechukwu": a role, a comma, the name ending it.
_ROLE_COMMA = re.compile(
    r"(?<![\w'’-])(?:(?P<firm>lawyer|attorney|avocat|avocate|consultant|consultante|paralegal|agent|agente)|assistant|assistante"
    r"|officer|caseworker|case[ \t]+worker|counsell?or|advisor|adviser|conseiller|conseillère|secretary|secrétaire|coordinator"
    r"|coordonnatrice|coordonnateur|colleague|collègue|coworker|roommate|coloc|landlord|landlady|propriétaire|boss|patron|patronne"
    rf"|manager|supervisor|neighbou?r|voisin|voisine|friend|ami|amie|{_RELATION_WORDS})[ \t]*$",
    IGNORE_CASE,
)
_COMMA_NAME_END = re.compile(rf",[ \t]*({_CAP20})(?=[ \t]*(?:[.!?]|$))")
# "Farhads new number is ...": the owner's name with an "s" and no apostrophe.
_ARTICLE_BEFORE = re.compile(r"(?<![\w'’-])(?i:a|an|the|this|that)[ \t]+\Z")
_OWNER_NO_APOSTROPHE = re.compile(
    r"(?<![\w'’-])([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{2,})s[ \t]+(?:new[ \t]+|old[ \t]+|own[ \t]+)?"
    rf"(?:number|phone|cell|email|e-mail|address|{_OWNED})(?![\w'’-])"
)
# "everyone calls her Bisi but ...", "on l'appelle Ti-Jean": a nickname.
_NICKNAME = re.compile(
    rf"(?<![\w'’-])(?:(?i:calls?|called)[ \t]+(?i:her|him|me)|(?i:appel(?:ez|le)|surnomm[ée]e?)[ \t]*-[ \t]*(?i:la|le|moi|lui)"
    rf"|(?i:goes[ \t]+by|known[ \t]+as))[ \t]+((?:(?!Mr|Ms|Dr|St)[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ][ \t]+)?{_CAP20}(?:[ \t]+{_CAP20})?)"
    rf"(?=[ \t]*(?:[,.!?;)\n]|$|(?:but|mais|for[ \t]+short|because|bc|svp|stp|please|pls)(?![\w'’-])))"
    rf"|(?<![\w'’-])(?i:on|tout[ \t]+le[ \t]+monde)[ \t]+(?:l['’]|m['’])[ \t]*appelle[ \t]+({_CAP20})(?![\w'’-])",
)
# "Maria de los Angeles Gutierrez", "Ahmed bin Khalid al-Harbi": a particle inside one name.
_PARTICLE_NAME = re.compile(
    rf"(?<![\w'’-])({_CAP20})[ \t]+(?:de[ \t]+los|de[ \t]+las|de[ \t]+la|del|dos|das|da|van[ \t]+der|van[ \t]+den|von|bin|binti|bint|ibn)"
    rf"[ \t]+{_CAP20}(?:[ \t]+{_CAP20})?(?:[ \t]+(?:al|el)-{_CAP20})?(?![\w'’-])"
)
_TOLD_KEYS = wordset("tell ask remind told asked reminded")
_TOLD_A_KEYS = wordset(
    "dis dit dites demande demandé demandez rappelle salutations bonjour bisous bises "
    "envoie envoies envoyé envoye envoyez envoyer transmets transmettez transmis donne donné donnez remets remis"
)
_WHO_KEYS = wordset("who qui")
_NICKNAME_KEYS = wordset("calls call called appelle appelez surnommé surnommée goes known")
_PARTICLE_KEYS = wordset("de del dos das da van von bin binti bint ibn dei degli delle")

_OWNED_KEYS = wordset("number phone cell email address passport application file visa permit papers documents wife husband")


def _unknown_capital(word: str) -> bool:
    """A capitalised word no list knows as a word, a place, a body, a month or a people."""
    return all(
        part[:1].isupper() and part[1:].islower() and not _plain_word(part) and not _demonym(part.lower()) and not _CALENDAR.fullmatch(part)
        and part.lower() not in _PLACE_GIVEN
        for part in word.split("-") if len(part) > 2
    ) and not _plain_word(word)


def _ti_name(word: str) -> bool:
    """Quebec's "Ti-" (petit) before a given name: "Ti-Jean", "Ti-Guy"."""
    return word[:3].lower() == "ti-" and given_name(word[3:])


def _object_names(text: str, words: frozenset[str]) -> Iterator[tuple[int, int]]:
    for m in _TOLD_WHAT.finditer(text) if not _TOLD_KEYS.isdisjoint(words) else ():
        if m.group(1):
            found = m.group(1).split()
            if all(_unknown_capital(w) or _clause_given(w) for w in found):
                yield m.span(1)
        elif _clause_given(m.group(2)) or not (_plain_word(m.group(2)) or _known(m.group(2))):
            yield m.span(2)
    for m in _TOLD_A.finditer(text) if not _TOLD_A_KEYS.isdisjoint(words) else ():
        for group in ("one", "two"):
            word = m.group(group)
            if word is None:
                continue
            if (_clause_given(word) and word.lower() not in _LOOSE_NOT) or _ti_name(word) \
                    or (m.group("tell") and (_unknown_capital(word) or word.lower() in _PLACE_GIVEN)):
                yield m.span(group)
            elif group == "one":
                break
    for m in _EITHER.finditer(text) if not _WHO_KEYS.isdisjoint(words) else ():
        one, two = m.group(1), m.group(2)
        if (_clause_given(one) and (_clause_given(two) or _unknown_capital(two))) or (_clause_given(two) and _unknown_capital(one)):
            yield m.span(1)
            yield m.span(2)
    if "," in text:
        m = _VOCATIVE_END.search(text)
        if m and _clause_given(m.group(1)) and m.group(1).lower() not in _LOOSE_NOT:
            yield m.span(1)
        for m in _COMMA_NAME_END.finditer(text):
            role = _ROLE_COMMA.search(text, max(0, m.start() - 40), m.start())
            if role and (_clause_given(m.group(1)) or (not role.group("firm") and _unknown_capital(m.group(1)))):
                yield m.span(1)  # not "my lawyer, Dentons." (a firm)
    for m in _OWNER_NO_APOSTROPHE.finditer(text) if not _OWNED_KEYS.isdisjoint(words) else ():
        stem = m.group(1)
        if (stem + "s").lower() in PLACES or _ARTICLE_BEFORE.search(text, max(0, m.start() - 6), m.start()):
            continue  # round 33: "is a Vegas marriage valid": a place's name, an article before; no owner
        if given_name(stem + "s") and not _plain_word(stem + "s"):
            yield m.start(1), m.end(1) + 1
        elif given_name(stem) and not _plain_word(stem) and not _plain_word(stem + "s"):
            yield m.span(1)
    for m in _NICKNAME.finditer(text) if not _NICKNAME_KEYS.isdisjoint(words) else ():
        group = 1 if m.group(1) else 2
        if all(_unknown_capital(w) or _clause_given(w) or _ti_name(w) or len(w) == 2 for w in m.group(group).split()):
            yield m.span(group)  # round 34: two words ("we call her Ma Ngoc"), "appelez-la Fafa", "goes by Tunde"
    for m in _PARTICLE_NAME.finditer(text) if not _PARTICLE_KEYS.isdisjoint(words) else ():
        found = re.findall(_CAP20, m.group())
        if _clause_given(m.group(1)) and all(_unknown_capital(w) or _clause_given(w) for w in found[1:]):
            yield m.span()


def _listed_clause_names(text: str, words: frozenset[str]) -> Iterator[tuple[int, int]]:
    for m in _ASKED.finditer(text):
        if _clause_given(m.group(1)) and m.group(1).lower() not in _LOOSE_NOT and _word_after_name(m.group(2)) \
                and (m.group(1).islower() or m.group(2).lower() in _ASKED_VERBS or m.group(2).lower() in _SUBJECT_VERBS):
            yield m.span(1)
        elif _capital_word_name(m.group(1)) and m.group(2).islower() and m.group(2).lower() in _ASKED_VERBS and m.group(2) != "be":
            yield m.span(1)  # "can Precious apply", "does Will need"
    for m in _TOLD_TO.finditer(text):
        if (_clause_given(m.group(1)) and m.group(1).lower() not in _LOOSE_NOT) \
                or (_capital_word_name(m.group(1)) and not _WORD_COMPOUND.match(text, m.end())):
            yield m.span(1)
    for m in _COMPANION.finditer(text):
        group = 1 if m.group(1) else 2
        if _clause_given(m.group(group)):
            yield m.span(group)
    for m in _PAIR.finditer(text):
        # round 50: both written alike, not "said his name was Kevin and hung up"
        if _clause_given(m.group(1)) and _clause_given(m.group(2)) and m.group(1).lower() != m.group(2).lower() \
                and m.group(1).islower() == m.group(2).islower():
            yield m.span(1)
            yield m.span(2)
    if "'" in text or "’" in text:
        for m in _OWNER.finditer(text):
            if _clause_given(m.group(1)):
                yield m.span(1)
        for m in _COMMON_OWNER.finditer(text):
            if common_given_name(m.group(1)) and m.group(1).lower() not in _MONTH_NAMES:
                yield m.span(1)
    opening = _OPENING.match(text)
    m = _OPENING_SUBJECT.match(text, opening.end() if opening else 0)
    if m and (_clause_given(m.group(1))
              or (m.group(1).lower() in _PLACE_GIVEN and "my" in m.group().lower()
                  and (not _IS_MY.search(m.group()) or _RELATIVE_NEXT.match(text, m.end())))  # not "Jordan is my country"
              or (_capital_word_name(m.group(1)) and _IS_MY.search(m.group()) and _RELATIVE_NEXT.match(text, m.end()))):
        yield m.span(1)  # "Will is my common-law partner"
    if not _TITLE_LOWER_KEYS.isdisjoint(words):
        for m in _TITLE_LOWER.finditer(text):
            if family_name(m.group(1)) and not _plain_word(m.group(1)):
                yield m.span(1)  # "madame diallo m'a dit", "thank u mr ivanov"
    for m in _SI.finditer(text) if not _SI_KEYS.isdisjoint(words) else ():
        word = m.group(1)
        if _clause_given(word) or (word[0].isupper() and common_given_name(word) and _TAGALOG_NEXT.match(text, m.end())):
            family = _SI_FAMILY_NEXT.match(text, m.end()) if word[0].isupper() else None
            if family and (family_name(family.group(1)) or _unknown_capital(family.group(1))) \
                    and family.group(1).lower() not in CITY_NAMES and family.group(1).lower() not in COUNTRIES:
                yield m.start(1), family.end(1)  # round 45: "kuya ko si Jerome Dizon nasa Dubai": the family name too
            else:
                yield m.span(1)


# The family name, a comma, the given names, opening a message or after "my name is": one
# name ("DE LA CRUZ, Maria Theresa - passport ...", "mon nom c'est Phan, Thi Ngoc Anh, ...").
_SURNAME_COMMA = re.compile(
    r"[ \t]*((?:(?:[A-ZÀ-ÖØ-Þ]{2,}|[A-ZÀ-ÖØ-Þ][a-zà-ÿ]+)[ \t]+){0,2}[A-ZÀ-ÖØ-Þ][^\W\d_]+(?:['’-][^\W\d_]+)*),[ \t]*"
    r"([A-ZÀ-ÖØ-Þ][a-zà-ÿ][\w'’-]*(?:[ \t]+[A-ZÀ-ÖØ-Þ][a-zà-ÿ][\w'’-]*){0,3})"
    r"(?=[ \t]*(?:[,.;!?()\n—–|/]|[-][ \t]|$))"
)


# Round 52: where one introduces oneself or a relative ("i am", "I'm", "my husband is", "ma femme c'est"): the
# family name, a comma, the given names ("hi i am Morales, Guadalupe.", "My husband is Khan, Imran Ali. His SIN ...").
_SELF_OR_KIN_HINT = re.compile(r"\b(?:i|my|mon|ma)\b", IGNORE_CASE)
_SELF_OR_KIN_IS = re.compile(
    rf"(?<![\w'’-])(?:i[ \t]*+['’]?[ \t]*+a?m|(?:my|mon|ma)[ \t]++(?:{_RELATION_WORDS})(?:[- ]in[- ]law)?[ \t]++(?:is|est|c['’][ \t]?est))"
    r"(?=[ \t]++[A-ZÀ-ÖØ-Þ])",
    IGNORE_CASE,
)


def _surname_comma_names(text: str) -> Iterator[tuple[int, int]]:
    m = _OPENING.match(text)
    starts = [m.end() if m else 0] + [t.end() for t in _strong_matches(text)]
    name_on = {t.end() for t in _NAME_ON.finditer(text)} if " on " in text or "om " in text else set()
    starts.extend(name_on)  # round 42: "name on file is MacLeod, Agnes."
    selves = {t.end() for t in _SELF_OR_KIN_IS.finditer(text)} if _SELF_OR_KIN_HINT.search(text) else set()
    for start in starts + sorted(selves):
        found = _SURNAME_COMMA.match(text, start)
        if found is None:
            continue
        family, given = found.group(1).split(), found.group(2).split()
        if given[0].lower() == family[-1].lower():
            continue  # "elle s'appelle Mama Régine, Régine Ekotto": the name said again, not family first
        if any((w.lower() in NOT_NAME and w.lower() not in NAME_PARTICLES) or w.lower() in NOT_NAME_CAPITALISED
               or w.lower() in PLACES for w in family + given[:1]) or not _SIGN_OFF_KEYS.isdisjoint(w.lower() for w in family):
            continue
        if start in selves:
            if given_name(given[0]) and family_name(family[-1]) and not given_name(family[-1]) \
                    and not any(_demonym(w.lower()) for w in family):
                yield found.start(1), found.end(2)  # round 52: "hi i am Morales, Guadalupe.", "My husband is Khan, Imran Ali."
            continue
        if given_name(given[0]) and (found.group(1).isupper() or family_name(family[-1]) or start > 0 or len(given) > 1):
            yield found.start(1), found.end(2)
        elif start > 0 and found.group(1).isupper() and len(family) > 1 and common_given_name(given[0]) \
                and not any(_plain_word(w) for w in family):
            yield found.start(1), found.end(2)  # round 52: "Nom : KABONGO TSHIMANGA, Grâce": a given name that is a word too
        elif start in name_on and all(_unknown_capital(w) or family_name(w) or given_name(w) for w in family + given):
            yield found.start(1), found.end(2)  # round 42: after "name on file is", names no list knows too
    yield from _inverted_names(text, starts)


# Round 50: the family name, a comma, the given name, written all in lower case or all in capitals, where one
# introduces oneself or after a name's label: "its tremblay, marie", "c'est gagnon, julie-anne", "name on passport:
# LI, XIAOWEN", "NAME/NOM KUMAR, RAJESH". The family name a family name of the lists (or, shouted after a label,
# no word), the given name a given name of the lists; the clause ends after it.
_INVERTED = re.compile(
    r"[ \t]*+([^\W\d_]+(?:['’-][^\W\d_]+)*),[ \t]*+([^\W\d_]+(?:['’-][^\W\d_]+)*(?:[ \t][^\W\d_]+(?:['’-][^\W\d_]+)*)?)"
    r"(?=[ \t]*+(?:[,.;!?()\n—–|/]|[-][ \t]|$)|[ \t]{2})"
)
_NAME_SLASH_LABEL = re.compile(r"(?<![\w'’-])(?:name|nom)[ \t]*/[ \t]*(?:name|nom)[ \t]*:?", IGNORE_CASE)


def _inverted_names(text: str, starts: list[int]) -> Iterator[tuple[int, int]]:
    if "," not in text:
        return
    labelled = set(starts)
    if "/" in text:
        labelled.update(m.end() for m in _NAME_SLASH_LABEL.finditer(text))
    selves = [m.end() for m in _SELF.finditer(text) if m.lastgroup != "two" and _OPENING.fullmatch(text, 0, m.start())]
    for start in sorted(labelled.union(selves)):
        found = _INVERTED.match(text, start)
        if found is None:
            continue
        family, given = found.group(1), found.group(2).split()
        words = [family, *given]
        if len({_case_shape(w) for w in words}) > 1:
            continue
        if any(w.lower() in NOT_NAME or w.lower() in NOT_NAME_CAPITALISED or w.lower() in PLACES or _plain_word(w) for w in words):
            continue
        if given_name(family) and not family_name(family):
            continue
        shouted = family.isupper() and start in labelled  # a form's name field: names no list knows too
        if (given_name(given[0]) or given_name(re.split("[-'’]", given[0])[0]) or (shouted and _unknown_capital(given[0].capitalize()))) \
                and (family_name(family) or (shouted and _unknown_capital(family.capitalize()))):
            yield found.start(1), found.end(2)


def _case_shape(word: str) -> int:
    """0 for a word in lower case, 1 in capitals, 2 capitalised, 3 mixed."""
    if word.islower():
        return 0
    if word.isupper():
        return 1
    return 2 if all(p[:1].isupper() and (p[1:].islower() or len(p) == 1) for p in re.split("[-'’]", word)) else 3


# A name in capitals runs to the first word that is not one: "CHIDI OKONKWO MY PASSPORT ...",
# "BEAUCHAMP SYLVIE NEE LE ...".
_SHOUTED_STOP = _DETAIL_KEYS | wordset("my his her mon ma son sa le la")


def _shouted_end(text: str, start: int, end: int) -> int:
    words = list(re.finditer(r"\S+", text[start:end]))
    for i, word in enumerate(words[1:], 1):
        low = word.group().lower()
        if len(low) == 1 and low != "i" and i + 1 < len(words) and (after := words[i + 1].group().lower()) not in NOT_NAME \
                and after not in _SHOUTED_STOP:
            continue
        if len(low) == 1 and low != "i" and i + 1 == len(words) and "," in text[start:end]:
            continue  # round 48: a middle initial ending a reversed name, "GONZALEZ, MARIA L"  # round 48: a middle initial between two words of the name, "MARIA L GONZALEZ"
        if low in NAME_PARTICLES and _particle_then_name(words, i):
            continue  # round 28: "MY NAME IS HENDRIK DE JONG", "JEAN DE LA FONTAINE"
        if low in NOT_NAME or low in _SHOUTED_STOP:
            return start + len(text[start:start + word.start()].rstrip())
    return end


def _particle_then_name(words: list[re.Match[str]], i: int) -> bool:
    for word in words[i + 1:]:
        low = word.group().lower()
        if low in NAME_PARTICLES:
            continue
        return low not in NOT_NAME and low not in _SHOUTED_STOP and word.group().isalpha()
    return False


# A given name that is also a common word, where a name must follow: "my son's name is Will,",
# "everyone calls me Joy", "the name on my passport is Joy Chinyere Mbah".
_CALLED_ME = re.compile(
    r"\b(?:call|calls|called)[ \t]+me[ \t]+(?=[A-ZÀ-Þ])"
    r"|\bname[ \t]+on[ \t]+(?:my|his|her|the|our|their)[ \t]+[a-z]+[ \t]+(?:is|was)[ \t]+(?=[A-ZÀ-Þ])",
    IGNORE_CASE,
)
_CAPITALISED_RUN = re.compile(r"[ \t]*([A-ZÀ-ÖØ-Þ][a-zà-ÿ]+(?:['’-][A-Za-zà-ÿ]+)*(?:[ \t]+[A-ZÀ-ÖØ-Þ][a-zà-ÿ]+(?:['’-][A-Za-zà-ÿ]+)*){0,3})")


_RUN_END = re.compile(r"[ \t]*(?:[,!?;)\n]|$)|\.(?:\s|$)")


def _common_named(text: str) -> Iterator[tuple[int, int]]:
    for m in [*_strong_matches(text), *_CALLED_ME.finditer(text)]:
        run = _CAPITALISED_RUN.match(text, m.end())
        if run is None or not common_given_name(run.group(1).split()[0]) or _like_a_place(run.group(1).split()):
            continue
        if len(run.group(1).split()) > 1 or _RUN_END.match(text, run.end(1)):
            yield run.span(1)


# A name of the lists opening a message or a line, alone in its sentence: "Tomás Rodríguez.
# I need help", "Hi! Ana Souza, ...": the first word a given name, the last a family name.
# issue 14: searched from a run of letters' start only, once (a capital followed by a letter somewhere in it): the
# same answer (it only says whether there is one), linear ("A" x 2,000 0.07 s -> under 1 ms)
_TWO_CAPITALS = re.compile(
    r"(?<![^\W\d_])(?=[^\W\d_]*?[A-ZÀ-ÖØ-Þ][^\W\d_])[^\W\d_]++[ \t]++(?:[^\W\d_]{1,4}[ \t]++){0,2}[A-ZÀ-ÖØ-Þ][^\W\d_]"
)
_OPENING_NAME = re.compile(r"[ \t]*[.,!:\n]|[ \t]*$")


def _listed_opening_names(text: str) -> Iterator[tuple[int, int]]:
    starts = [0]
    if "\n" in text:
        starts.extend(i + 1 for i, c in enumerate(text) if c == "\n")
    for start in starts:
        m = _OPENING.match(text, start)
        span = _name_at(text, m.end() if m else start, strong=False)
        if span is None or not _OPENING_NAME.match(text, span[1]):
            continue
        words = text[span[0]:span[1]].split()
        if _listed_name(words) and not _like_a_place(words):
            yield span


# "Pedro Gonzalez is my name", "Awa Diallo c'est mon nom": the name before its statement.
# Matched only from a run of blanks' first one, each run taken whole (possessive): from every blank of a run, with
# two runs around an optional comma, the search was cubic in the run's length (1,000 spaces: 7 s).
_IS_MY_NAME = re.compile(
    r"(?<![ \t])(?:[ \t]++(?:is|was)[ \t]+my[ \t]+(?:full[ \t]+|real[ \t]+|legal[ \t]+)?name"
    r"|[ \t]*+,?[ \t]*+(?:c['’]\s?est|est)[ \t]+mon[ \t]+(?:vrai[ \t]+)?nom)\b",
    IGNORE_CASE,
)
_NAME_BEFORE = re.compile(r"(?<![\w'’-])((?:[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:['’-][^\W\d_]+)*[ \t]+){0,3}[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:['’-][^\W\d_]+)*)$")


# Round 48: the same, the name broken over lines as a form's narrow box cut it ("anil kumar\nsharma\nis my full name",
# "Nguyen\nThi Lan\nc'est mon nom"): its words, in lower case too, when one is a name of the lists and none a word
_BROKEN_THEN_STATED = re.compile(
    r"(?:^|(?<=\n))[ \t]*+([^\W\d_]{2,}+(?:['’-][^\W\d_]++)*+(?:[ \t]*+\n?[ \t]*+[^\W\d_]{2,}+(?:['’-][^\W\d_]++)*+){1,3})"
    r"[ \t]*+\n[ \t]*+(?i:(?:is|was)[ \t]+my[ \t]+(?:full[ \t]+|real[ \t]+|legal[ \t]+|complete[ \t]+)?name|c['’]\s?est[ \t]+mon[ \t]+(?:vrai[ \t]+)?nom)(?![\w'’-])"
)


def _broken_stated_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _BROKEN_THEN_STATED.finditer(text):
        words = m.group(1).split()
        if "\n" in m.group(1) and any(given_name(w) or family_name(w) for w in words) \
                and all((_plain_name(w.lower()) if w.islower() else w.lower() not in NOT_NAME_CAPITALISED) and not _plain_word(w)
                        and w.lower() not in NOT_NAME for w in words):
            yield m.span(1)


def _stated_names(text: str) -> Iterator[tuple[int, int]]:
    if "\n" in text:
        yield from _broken_stated_names(text)
    for m in _IS_MY_NAME.finditer(text):
        before = _NAME_BEFORE.search(text, max(0, m.start() - 60), m.start())
        if before is None:
            continue
        words = before.group(1).split()
        while words and (words[0].lower() in NOT_NAME or words[0].lower() in NOT_NAME_CAPITALISED):
            words = words[1:]  # "Sorry, Pedro Gonzalez is my name": not "Sorry"
        if words and not any(w.lower() in NOT_NAME or w.lower() in NOT_NAME_CAPITALISED for w in words):
            start = m.start() - len(" ".join(words))
            if text[start:m.start()] == " ".join(words):
                yield start, m.start()


# Round 19: "name" opening a sentence as a label, without a colon, the name in lower case and the
# sentence ending after it: "bday 9 aug 1987. name ikechukwu nwosu. thats all u need?", "nom fatou
# diop." Two or three words, one a name of the lists, none a common word ("name change pending.").
_BARE_NAME_LABEL = re.compile(
    r"(?:^|(?<=[.!?\n])|(?<=[.!?][ \t])|(?<=[.!?][ \t]{2}))[ \t]*(?i:full[ \t]+name|name|nom(?:[ \t]+complet)?)[ \t]+"
    r"([a-zà-ÿ]+(?:['’-][a-zà-ÿ]+)*(?:[ \t]+[a-zà-ÿ]+(?:['’-][a-zà-ÿ]+)*){1,2})[ \t]*(?=[.!?,;\n]|$)"
)


# Round 41: a name's label opening a sentence with no colon, then the name capitalised, alone in its clause
# ("... c'est Lefebvre pas Lefèvre. Prénom Antoine", "Last name Okafor.", "First name Emeric, born ...").
_BARE_CAPITAL_LABEL = re.compile(
    r"(?:^|(?<=[.!?\n])|(?<=[.!?][ \t])|(?<=[.!?][ \t]{2}))[ \t]*(?i:first[ \t]+name|given[ \t]+names?|last[ \t]+name|family[ \t]+name"
    r"|surname|full[ \t]+name|pr[ée]noms?|nom[ \t]+de[ \t]+famille|nom[ \t]+complet)[ \t]+"
    r"([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:['’-][A-ZÀ-ÖØ-Þa-zà-öø-ÿ][a-zà-öø-ÿ]+)?(?:[ \t]+[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:['’-][A-ZÀ-ÖØ-Þa-zà-öø-ÿ][a-zà-öø-ÿ]+)?){0,2})"
    r"[ \t]*(?=[.!?,;\n]|$)"
)


def _bare_label_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _BARE_CAPITAL_LABEL.finditer(text):
        if _name_like(m.group(1).split()):
            yield m.span(1)
    for m in _BARE_NAME_LABEL.finditer(text):
        words = m.group(1).split()
        if any(given_name(w) or family_name(w) for w in words) and all(
                _plain_name(w) and w not in vocabulary() for w in words if not (given_name(w) or family_name(w))) \
                and not any(w in NOT_NAME_LOWERCASE or w in NOT_NAME for w in words):
            yield m.span(1)


# "it's under Nguyen Thi Hoa", "file under: Oksana Shevchenko": a file under a person's name.
_UNDER = re.compile(r"(?<![\w'’-])under(?:[ \t]+(?:the[ \t]+)?name(?:[ \t]+of)?)?[ \t]*:?[ \t]*(?=[A-ZÀ-ÖØ-Þ])", IGNORE_CASE)


def _under_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _UNDER.finditer(text):
        span = _name_at(text, m.end(), strong=False)
        if not _several_words(text, span) or not _CLAUSE_END.match(text, span[1]):
            continue
        words = text[span[0]:span[1]].split()
        if not _like_a_place(words) and any(given_name(w) or family_name(w) for w in words):
            yield span


# Round 24: the person a parcel or a letter is for, after "attn" / "attention (of|de)" / "à
# l'attention de": "send it to 88 Harbour St #4509 M5J 0C3 attn Lin", "ATTN: Priya Sharma". One to
# three capitalised words, one a name of the lists, none a place, a body or a common word ("attn
# IRCC", "attention Service Canada", "attn: Mailroom", "attention please").
_ATTN = re.compile(
    r"(?<![\w'’-])(?:attn|attention(?:[ \t]+(?:of|de|d['’]))?|à[ \t]+l['’][ \t]*attention[ \t]+(?:de|d['’]))"
    r"[ \t]*[:.]?[ \t]*(?:(?:Mr|Mrs|Ms|Dr|Mme|M)\.?[ \t]+)?"
    r"([A-ZÀ-ÖØ-Þ][a-zà-ÿ]+(?:[-'’][A-Za-zà-ÿ]+)*(?:[ \t]+[A-ZÀ-ÖØ-Þ][a-zà-ÿ]+(?:[-'’][A-Za-zà-ÿ]+)*){0,2})"
    r"(?=[ \t]*(?:[,.;!?)\n]|$))",
    IGNORE_CASE,
)
_ATTN_KEYS = wordset("attn attention")


def _attn_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _ATTN.finditer(text):
        words = m.group(1).split()
        if any(not w[0].isupper() or _plain_word(w) or w.lower() in PLACES or w.lower() in _PLACE_OR_BODY for w in words):
            continue
        if any(given_name(w) or family_name(w) for w in words):
            yield m.span(1)


# "I spoke with Isabelle", "ask for Priya Patel", "the sponsor of Joseph Mensah", "Re:
# application of Ricardo Gómez", "au nom de Awa Diallo": a person's name, confirmed by the lists.
_ABOUT = re.compile(
    r"(?<![\w'’-])(?:(?:spoke|speak|talked|talk|chatted|met)\s+(?:with|to|w/?(?=[ \t]))|ask(?:ed)?\s+for|parl[ée]\s+(?:avec|à|a)"
    # round 53: "spoke w Kevin", "l'agent, un certain Benoît, m'a dit"
    r"|une?[ \t]+certaine?(?=[ \t]+[A-ZÀ-ÖØ-Þ])"
    r"|demand[ée]\s+(?:pour|à)|(?:sponsor|application|file|case|behalf|dossier|demande)\s+(?:of|de|d['’])"
    r"|au\s+nom\s+d['e]|de\s+la\s+part\s+d['e]|pour\s+le\s+compte\s+d['e])"
    # round 18: someone known only by a given name, "une Stephanie", "a Jessica", "some guy named ..."
    r"(?:[ \t]+(?:une|un|a|an|one|certaine?|some)(?=[ \t]+[A-ZÀ-ÖØ-Þ]))?[ \t]*(?=[A-ZÀ-ÖØ-Þ])",
    IGNORE_CASE,
)
_ABOUT_KEYS = wordset("""
spoke speak talked talk chatted met ask asked parlé parle demandé demande sponsor application file case
behalf dossier nom part compte certain certaine
""")


def _about_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _ABOUT.finditer(text):
        span = _name_at(text, m.end(), strong=False)
        if span is None:
            continue
        words = text[span[0]:span[1]].split()
        if _like_a_place(words) or not given_name(words[0]):
            continue
        if len(words) == 1 or family_name(words[-1]) or _CLAUSE_END.match(text, span[1]):
            yield span


def _split_typing(text: str) -> bool:
    """A message typed a few words a line ("my name\nis\nDaniela\nCastro")."""
    if ":" in text:
        return False  # "Name: ...\nDOB: ...": a form's fields, one a line
    lines = text.split("\n")
    return len(lines) >= 3 and all(len(line.split()) <= 3 for line in lines)


# A street named after a person: "Sheikh Saad St.", "Av. Francisco de Miranda", "Str. Mihai
# Eminescu": the type right after or right before the name makes it a place.
# Round 45: a saint's town ending the message after the name, not a street ("... 4428. Siobhan Walsh St. John's NL").
_SAINT_TOWN_END = re.compile(rf"[ \t]++St\.?[ \t]++{_CAPITALISED}(?:[ \t]*+,?[ \t]*+[A-Z]{{2}})?[ \t]*+[.!]*+[ \t\n]*+\Z")
_NUMBER_JUST_BEFORE = re.compile(r"[0-9][A-Za-z]?[ \t,]+\Z")
_STREET_AFTER = re.compile(
    r"[ \t]*(?<=[ \t])(?:St|Street|Ave|Av|Avenue|Road|Rd|Blvd|Boulevard|Lane|Ln|Cres|Crescent|Highway|Hwy"
    r"|Cad|Caddesi|Sok|Sokak|Marg|Nagar"
    # round 48: a square, a roundabout, an airport named after someone ("Kwame Nkrumah Circle", "Jomo Kenyatta Airport")
    r"|Circle|Square|Sq|Court|Ct|Place|Terrace|Close|Parkway|Pkwy|Drive|Trail|Plaza|Roundabout|Junction|Interchange"
    r"|Bridge|Airport|Stadium|Station|Expressway|Freeway|Motorway)(?![\w'’-])"
)
# "350 Webb Dr Mississauga": the drive of a street, not a doctor.
_DRIVE_BEFORE = re.compile(r"(?<![\w'’-])(?:[0-9]{1,6}[-–])?[0-9]{1,6}[A-Za-z]?[ \t]+(?:[A-ZÀ-Þ0-9][\w'’-]*[ \t]+){1,3}Dr\.?[ \t]+$")
# "my employer is", "mon employeur c'est", "ma banque c'est": what follows is a company or an
# institution unless named like a person.
_EMPLOYER_BEFORE = re.compile(
    r"\b(?:employer|employeur|bank|banque|school|[ée]cole|university|universit[ée]|college|coll[èe]ge|insurer|assureur"
    r"|company|compagnie|entreprise)(?:[ \t]+(?:is|est|c['’][ \t]?est|was|était|etait))?[ \t]*[:,]?[ \t]*$", IGNORE_CASE
)
_STREET_BEFORE = re.compile(
    r"(?<![\w'’-])(?i:av|avda|avenida|calle|rue|str|strada|ul|vul|jalan|jl|rua|boul|bd|avenue|boulevard"
    r"|cad|caddesi|sok|sokak)\.?[ \t]+$"
)


# Round 35: a user name made of a listed given name and a listed name joined by "_", given as who one is, with no
# "@" ("hey its xiaowei_zhang again", "yo c dylan_tremblay"): the client's name; a handle after "@" stays out.
_SELF_HANDLE = re.compile(
    r"(?<![\w'’@.-])(?i:it['’]?s|it\s+is|this\s+is|i['’]?m|i\s+am|c['’]?est|c|cest|je\s+suis|jsuis|ici)[ \t]+"
    r"([a-zA-Z]{2,20})_([a-zA-Z]{2,20})(?![\w@.'’-]|\.[\w])"
)


def _self_handles(text: str) -> Iterator[Candidate]:
    for m in _SELF_HANDLE.finditer(text):
        first, second = m.group(1).lower(), m.group(2).lower()
        if (given_name(first) and (family_name(second) or given_name(second))) or (family_name(first) and given_name(second)) \
                or (family_name(second) and len(first) > 3 and first not in vocabulary() and second not in vocabulary()):
            yield m.start(1), m.end(2), "PERSON", PERSON_P


_IN_PLACE_COMMA_BEFORE = re.compile(r"(?<![\w'’-])(?:à|au|aux|en|in)[ \t]{1,3}[A-ZÀ-Þ][a-zà-ÿ'’-]+[ \t]{0,3},[ \t]{0,3}\Z")


_OWNED_NEXT = re.compile(rf"[ \t]++(?i:{_OWNED})(?![\w'’-])")


# Round 48: Chinese family names of Singapore, Malaysia and Hong Kong that are words of English ("Tan", "Lim", "Goh"), put
# first before a given name of one or two short syllables ("Tan Wei Ming", "Lim Hui Min", "Ng Kok Leong"), at a line's
# or a field's start
_CHINESE_FAMILY_WORDS = wordset("""
tan lim ng goh ong ho chan teo koh sim yap low toh chua tay seah quek tang tong chew chong wong yeo neo poh ang pang
kang lau leong loh foo fong hui lai tee tham lee chin chia choo kok kwok mak mok siu yip yu
""")
_CHINESE_FAMILY_BEFORE = re.compile(r"(?:^|(?<=[\n:>]))[ \t]*+([A-Z][a-z]{1,4}|[A-Z]{2,5})[ \t]\Z")
_GIVEN_SYLLABLES = re.compile(r"[A-Z][a-z]{1,5}(?:[- ][A-Za-z][a-z]{1,5})?")


def people(scan: Scan) -> Iterator[Candidate]:
    """Names after the triggers above, but not a street named after someone."""
    text = scan.text
    if "_" in text:
        yield from _self_handles(text)
    if "<<" in text:
        yield from _mrz_names(text)
    if "from" in text or "de " in text or "De " in text or "FROM" in text:
        yield from _sender_names(text)
    for found in _people(scan):
        if ("@" in text or "_" in text or "[EMAIL]" in text) and _in_handle(text, found[0], found[1]):
            continue  # round 28: "lucas . moreau @ videotron . ca", "ali.benomar@gmail.com": an e-mail's or handle's part
        if (lead := _HONORIFIC_LEAD.match(text, found[0], found[1])) and lead.group(1).lower() in _HONORIFICS:
            if lead.end() >= found[1] or not text[lead.end()].isalpha():
                if _TITLE_ALONE_NEXT.match(text, found[1]):
                    continue  # round 34: "Rev. Fr. Augustine ...": "Fr." alone is the title; not "this is dre, ..."
            else:
                found = (lead.end(), found[1], found[2], found[3])  # "Dre Fatou Camara", "Shri Ramesh ...", "feu Farid ..."
        if found[1] < len(text) and text[found[1]].isdigit() and found[1] - found[0] > 3 and text[found[1] - 2].isspace() \
                and text[found[1] - 1].isalpha():
            found = (found[0], found[1] - 2, found[2], found[3])  # round 33: "im Chidi Okonkwo-Eze\nW307712458": the number's letter
        if " " not in text[found[0]:found[1]] and not given_name(text[found[0]:found[1]]) \
                and _IN_PLACE_COMMA_BEFORE.search(text, max(0, found[0] - 40), found[0]):
            continue  # round 44: "my brother in Mexico, Tapachula, ...": one word after a place and a comma is a town
        if ("\t" in text or "|" in text) and _TAB_OR_BAR.search(text, found[0], found[1]):
            for a, b in _column_cells(text, found[0], found[1]):
                cell = text[a:b].lower()
                if cell not in TABLE_NAME_HEADERS and cell not in TABLE_BIRTH_HEADERS and cell.split()[0] not in _HEAD_WORDS:
                    yield a, b, found[2], found[3]
            continue  # round 40: a table's column mark inside a name: one name a column, no header's label
        if "\n" in text[found[0]:found[1]] and (lines := _restated_lines(text, found[0], found[1])):
            yield from lines  # round 28: "c'est Sunil\nSunil Kumar Yadav", read across the lines
            continue
        if " " in text[found[0]:found[1]] and text[found[0]:found[1]].isupper():
            found = (found[0], _shouted_end(text, found[0], found[1]), found[2], found[3])
        if text[found[1] - 2:found[1]] in ("'s", "’s") and found[1] - found[0] > 3:
            found = (found[0], found[1] - 2, found[2], found[3])  # "I am Chioma's husband"
        elif text[found[1] - 1:found[1]] == "s" and found[1] - found[0] > 3 and _OWNED_NEXT.match(text, found[1]) \
                and given_name(text[found[0]:found[1] - 1].split()[-1]) \
                and not (given_name(last := text[found[0]:found[1]].split()[-1]) or family_name(last)):
            found = (found[0], found[1] - 1, found[2], found[3])  # round 48: the owner's s without its apostrophe, "Chloes passport"
        last = text.rfind(" ", found[0], found[1])  # the type inside the name: "Zayed Rd"
        if (_STREET_AFTER.match(text, found[1]) and not (_SAINT_TOWN_END.match(text, found[1])
                                                         and not _NUMBER_JUST_BEFORE.search(text, max(0, found[0] - 8), found[0]))) \
                or (last > 0 and _STREET_AFTER.match(text, last)) \
                or _STREET_BEFORE.search(text, max(0, found[0] - 12), found[0]) \
                or _DRIVE_BEFORE.search(text, max(0, found[0] - 40), found[0]):
            continue
        if _EMPLOYER_BEFORE.search(text, max(0, found[0] - 30), found[0]) \
                and not _employer_person(text[found[0]:found[1]].split()) and not _mailbox_of(text, text[found[0]:found[1]]):
            continue  # "mon employeur c'est Desjardins": a company; round 38: not a person's mailbox's two parts
        found = _widened(text, found)
        if found[0] > 2 and text[found[0] - 1] == " " and (family := _CHINESE_FAMILY_BEFORE.search(text, max(0, found[0] - 12), found[0])) \
                and family.group(1).lower() in _CHINESE_FAMILY_WORDS and _GIVEN_SYLLABLES.fullmatch(text, found[0], found[1]):
            found = (family.start(1), found[1], found[2], found[3])  # round 48: "Tan Wei Ming": the family name first, a word
        if (joined := _Y_FAMILY_AFTER.match(text, found[1])) and " " in text[found[0]:found[1]] \
                and family_name(joined.group(1)) and not _plain_word(joined.group(1)):
            found = (found[0], joined.end(), found[2], found[3])  # round 28: "José García y López", two family names joined
        if (last := text.rfind(" ", found[0], found[1])) > found[0] and text[last + 1:found[1]].lower().rstrip(".") in _WIDOW_WORDS \
                and (widow := _WIDOW_AFTER.match(text, last)) and not _plain_word(widow.group(1)):
            found = (found[0], widow.end(), found[2], found[3])  # round 42: "Ana Lucía Herrera Vda. de Ortiz": "Vda" read as a name
        elif (widow := _WIDOW_AFTER.match(text, found[1])) and not _plain_word(widow.group(1)):
            found = (found[0], widow.end(), found[2], found[3])  # round 33: "Esperanza Villanueva vda. de Ortiz": the late husband's name
        if found[0] > 3 and text[found[0] - 2] == "," and (family := _REVERSED_LINE.search(text, max(0, found[0] - 30), found[0])) \
                and _RECORD_NEXT.match(text, found[1]) and not _plain_word(family.group(1)) \
                and family.group(1).lower() not in PLACES and family.group(1).lower() not in CITY_NAMES:
            found = (family.start(1), found[1], found[2], found[3])  # round 28: "Tiu, Jerome Anthony\nPassport ..."
        if found[0] > 3 and text[found[0] - 1] in " \t" and (abbr := _ABBREVIATED_BEFORE.search(text, max(0, found[0] - 8), found[0])):
            found = (abbr.start(), found[1], found[2], found[3])  # round 28: "a quick one: Ma. Theresa Villanueva-Lim"
        if text.startswith("I", found[0]) and (me := _I_AM.match(text, found[0], found[1] + 1)):
            if me.end() >= found[1]:
                continue  # "my husband, I'm [PERSON]": the writer speaking, on the second look
            found = (me.end(), found[1], found[2], found[3])  # "my husband, I'm Marie-Claire Uwimana, he's ..."
        if text[found[1]:found[1] + 2] in ("/O", "/o") and text[found[1] - 2:found[1] - 1] == " " and found[1] - found[0] > 3:
            found = (found[0], found[1] - 2, found[2], found[3])  # round 27: "Harpreet Kaur D/O ...": the D of D/O
        if (clergy := _CLERGY_FIRST.match(text, found[0], found[1])) and clergy.end() < found[1]:
            found = (clergy.end(), found[1], found[2], found[3])  # round 27: "This is Father Joseph Mukasa"
        if (lead := _IT_IS_LEAD.match(text, found[0], found[1])) and lead.end() < found[1]:
            found = (lead.end(), found[1], found[2], found[3])  # round 42: "mon nom : c'est Kouassi Yao Serge et non ..."
        if text.startswith(("c ", "c\t"), found[0]) and found[1] > found[0] + 2 and text[found[0] + 2].isupper():
            found = (found[0] + 2, found[1], found[2], found[3])  # round 27: "Salut c Moussa": c'est, no initial
        kin = KIN_FIRST.match(text, found[0], found[1])
        if kin and kin.end() < found[1]:
            found = (kin.end(), found[1], found[2], found[3])  # "my lola remedios", "ma'am Liza"
        elif (kin := KIN_FIRST.match(text, found[0])) and kin.end() >= found[1] and (
                text.startswith("[PERSON]", kin.end()) or text[kin.end():kin.end() + 1].isupper()):
            continue  # "it's Mama [PERSON]" on the second look: the word before the name; round 28: "mi abuela Doña Rosa"
        value = text[found[0]:found[1]]
        if value.split(None, 1)[0].lower() in _STREET_FIRST and (" " in value or _CAPITAL_OR_NUMBER_NEXT.match(text, found[1])):
            continue  # round 28: "le bureau VFS à Mexico c'est Paseo de la Reforma 510": a street, its type first
        if value.lower() in _FIELD_LABELS and _LABEL_COLON_NEXT.match(text, found[1]):
            continue  # "my spouse: Name: Ibrahim ...": the form's label, the name after it
        first = value.split(None, 1)[0]
        if first.lower() in _FIELD_LABELS:  # "m'apel nom A": the label is no part of the name
            if first == value:
                continue
            start = text.index(value[len(first):].lstrip(), found[0] + len(first))
            found, value = (start, found[1], found[2], found[3]), text[start:found[1]]
        if value.lower() in PLACES and not given_name(value) and value.lower() not in _PLACE_GIVEN \
                and not _KIN_NAMED_BEFORE.search(text, max(0, found[0] - 40), found[0]):
            continue  # "code postal J4K 2T1 — c'est Longueuil": a town; round 28: not "mon fils s'appelle Santiago"
        if _common_lower(value):
            continue  # "ma conjointe aura le droit de bosser", "my father cant use computer"
        if (shouted := _SHOUTED_FAMILY_AFTER.match(text, found[1])) and " " in value and not value.isupper() \
                and shouted.group(1).lower() not in _ACRONYMS and all(w[:1].isupper() for w in value.split()):
            found = (found[0], shouted.end(1), found[2], found[3])  # round 34: "Thi Thu Ha LE, née le ...": the family name in capitals
        elif " " not in value and value[:1].isupper() and not value.isupper() \
                and (all(given_name(part) for part in value.split("-"))
                     or _KIN_JUST_BEFORE.search(text, max(0, found[0] - 30), found[0])) \
                and (shouted := _SHOUTED_FAMILY_NEXT.match(text, found[1])) and _shouted_family(shouted.group(1)):
            found = (found[0], shouted.end(1), found[2], found[3])  # round 39: "mon oncle Jean-Baptiste NSENGIYUMVA, son ..."
        elif (short := _SHORT_FAMILY_NEXT.match(text, found[1])) and short.group(1).lower() in _SHORT_FAMILIES \
                and all(w[:1].isupper() and not w.isupper() for w in value.split()) \
                and value.split()[-1].lower() not in _SHORT_FAMILIES \
                and (short.group(1).lower() not in _SHORT_FAMILY_WORDS or _CLAUSE_END_NEXT.match(text, short.end(1))):
            found = (found[0], short.end(1), found[2], found[3])  # round 41: "ma conjointe Thu Trang Le, passeport ..."
        if " " in value and (pair := _GIVEN_AND_BEFORE.search(text, max(0, found[0] - 25), found[0])) \
                and _clause_given(pair.group(1)):
            yield pair.start(1), pair.end(1), "PERSON", PERSON_P  # round 34: "Ernesto y Lupita Ramírez": both
        elif " " in value and value.isupper() and (pair := _SHOUTED_GIVEN_AND_BEFORE.search(text, max(0, found[0] - 25), found[0])) \
                and given_name(pair.group(1)) and not _plain_word(pair.group(1)) and pair.group(1).lower() not in _ACRONYMS:
            yield pair.start(1), pair.end(1), "PERSON", PERSON_P  # round 46: a statement's "KAREN & DAVID OSEI-TUTU": both
        if found[1] - found[0] > 3 and text[found[1] - 2] == " " and text[found[1] - 1].isalpha() \
                and (initial := _INITIAL_THEN_FAMILY.match(text, found[1])) and initial.group(1).lower() not in vocabulary() \
                and initial.group(1).lower() not in NOT_NAME and text[found[1] - 1].islower() == initial.group(1)[0].islower():
            found = (found[0], initial.end(1), found[2], found[3])  # round 40: "Name: jhonny s. macaraeg": the initial's family name
        if (dangling := _DANGLING_LOWER_PARTICLE.search(text, found[0], found[1])) and dangling.start() > found[0]:
            family = _LOWER_FAMILY_NEXT.match(text, found[1])
            if family and family_name(family.group(1)) and not _plain_word(family.group(1)):
                found = (found[0], family.end(1), found[2], found[3])  # round 45: "my tita rosario dela cruz born ..."
            else:
                found = (found[0], dangling.start(), found[2], found[3])  # the particle alone is no part of the name
        if " " not in text[found[0]:found[1]] and text[found[0] - 1:found[0]] == " " \
                and (given := _GIVEN_JUST_BEFORE.search(text, max(0, found[0] - 20), found[0])) \
                and given_name(given.group(1)) and not _plain_word(given.group(1)) and not common_given_name(given.group(1)) \
                and given.group(1).lower() not in _TITLES and given.group(1).lower() not in _SIGN_OFF_KEYS \
                and (family_name(text[found[0]:found[1]]) or _unknown_capital(text[found[0]:found[1]])):
            found = (given.start(1), found[1], found[2], found[3])  # round 45: "my parents Abdul Karim and ...": the given name before
        elif " " not in text[found[0]:found[1]] and text[found[0] - 1:found[0]] == " " \
                and (given := _AND_GIVEN_JUST_BEFORE.search(text, max(0, found[0] - 24), found[0])) \
                and _unknown_capital(given.group(1)) and given.group(1).lower() not in _TITLES \
                and re.search(rf"(?<![\w'’-])[A-ZÀ-Þ][a-zà-ÿ]+[ \t]{re.escape(text[found[0]:found[1]])}(?![\w'’-])", text[:given.start()]):
            found = (given.start(1), found[1], found[2], found[3])  # round 45: "Abdul Rauf (...) and Nasreen Rauf": the family's other
        patronymic = _PATRONYMIC_AFTER.match(text, found[1])
        if patronymic:
            found = (found[0], patronymic.end(), found[2], found[3])
        elif (word := _WORD_NAME_BEFORE.search(text, max(0, found[0] - 8), found[0])) \
                and common_given_name(word.group(1)) and _PERSON_VERB_AFTER.match(text, found[1]) \
                and " " not in value and family_name(value):
            found = (word.start(1), found[1], found[2], found[3])  # "Will Johnson is my employer contact"
        if (tail := _ID_LABEL_TAIL.search(text, found[0], found[1])) and tail.start() > found[0] and " " in text[found[0]:tail.start()]:
            found = (found[0], tail.start(), found[2], found[3])  # round 46: "my name is Amaka Obi UCI 1122-3345": the label
        if (intro := _INTRO_WORD_BEFORE.search(text, max(0, found[0] - 40), found[0])) is not None \
                and intro.group(1).lower() not in _TITLES and intro.group(1).lower() not in _SIGN_OFF_KEYS \
                and " " in text[found[0]:found[1]] and intro.group(1).lower() not in COUNTRIES \
                and intro.group(1).lower() not in PLACES and not _demonym(intro.group(1).lower()) \
                and (intro.group(1).lower() in GIVEN_LATIN or intro.group(1).lower() in FAMILY_LATIN
                     or given_name(intro.group(1)) or family_name(intro.group(1))):
            found = (intro.start(1), found[1], found[2], found[3])  # round 47: "je suis Said Ahmed Ali Mohamed": a name that is a word
        if " " in text[found[0]:found[1]] and (pair := _AND_PAIR_AFTER.match(text, found[1])) is not None \
                and (given_name(pair.group(2)) or family_name(pair.group(2))) and not _plain_word(pair.group(2)) \
                and pair.group(1).lower() not in _TITLES and pair.group(1).lower() not in _BUSINESS \
                and pair.group(1).lower() not in PLACES and pair.group(1).lower() not in COUNTRIES:
            yield pair.start(1), pair.end(2), found[2], found[3]  # round 47: "Zhou Xiaoming & Sun Li, No. 16, ...": both
        if (lead := _GIVEN_PARTICLE_BEFORE.search(text, max(0, found[0] - 40), found[0])) is not None \
                and lead.group(1).lower() not in _TITLES and lead.group(1).lower() not in _SIGN_OFF_KEYS \
                and not _I_CONTRACTION.fullmatch(lead.group(1)) \
                and (given_name(lead.group(1)) or _unknown_capital(lead.group(1))) and not _plain_word(lead.group(1)):
            found = (lead.start(1), found[1], found[2], found[3])  # round 47: "Corazon Dela Cruz Bautista": the given name
        elif (lead := _INTRO_PARTICLE_BEFORE.search(text, max(0, found[0] - 40), found[0])) is not None:
            found = (lead.start(1), found[1], found[2], found[3])  # round 48: "je suis Van den Broeck Guillaume": the particles
        if "," in text[found[0]:found[1]] and _GIVEN_NAMES_LABEL_BEFORE.search(text, max(0, found[0] - 40), found[0]):
            for part in _SPAN_PART.finditer(text, found[0], found[1]):  # round 46: a passport's "Prénoms: Claire, Hélène"
                yield part.start(), part.end(), found[2], found[3]
            continue
        yield found


# The introductions that the words before a found name may end with (rounds 47-48)
_INTRODUCED_BY = r"je[ \t]+suis|je[ \t]+m['’][ \t]?appelle|i[ \t]+am|i['’]m|my[ \t]+name[ \t]+is|mon[ \t]+nom[ \t]+est|moi[ \t]+c['’]est"
# Round 47: the capitalised word between an introduction and the name found after it ("je suis Said Ahmed Ali Mohamed",
# "my name is Sun Mei Ling": the lists leave out names that are words)
_INTRO_WORD_BEFORE = re.compile(
    r"(?<![\w'’-])(?i:" + _INTRODUCED_BY + ")"
    r"[ \t]+([A-ZÀ-Þ][a-zà-ÿ'’]+)[ \t]+\Z"
)
# Round 47: a second couple's name after "&", "and", "et": two capitalised words, the second a name of the lists
_AND_PAIR_AFTER = re.compile(
    r"[ \t]*+(?:&|and|et)[ \t]++([A-ZÀ-Þ][a-zà-ÿ'’-]++)[ \t]++([A-ZÀ-Þ][a-zà-ÿ'’-]++)(?=[ \t]*+(?:[,.;:!?)]|\n|\Z))"
)
# Round 48: an introduction, then the capitalised particles of a family name said first, right before the name found
_INTRO_PARTICLE_BEFORE = re.compile(
    r"(?<![\w'’-])(?i:" + _INTRODUCED_BY + r"|c['’]est|this[ \t]+is|it['’]s|nom[ \t]*:|name[ \t]*:)[ \t]+"
    r"((?:Dela|De|Del|Della|Da|Di|Dos|Das|Van|Von|Du|Des|Ten|Ter|Le|La)(?:[ \t]+(?:den|der|de|la|los|las))?)[ \t]+\Z"
)
# Round 47: a capitalised given name and a capitalised particle right before a found family name ("her name was Corazon
# Dela Cruz Bautista", where the lists read "Cruz Bautista")
_GIVEN_PARTICLE_BEFORE = re.compile(
    r"(?<![\w'’-])([A-ZÀ-Þ][a-zà-ÿ'’-]+)[ \t]+(?:(?:Dela|De|Del|Della|Da|Di|Dos|Das|Van|Von|Du|Des|Ten|Ter)[ \t]+){1,2}+"
    r"(?:(?:den|der|de|la|los|las)[ \t]+)?\Z"
)


# Round 46: the sender of a money transfer or a payment ("Interac e-Transfer from KOFI ANSAH", "virement de Marie Dubois"):
# two or three words, the first a given name of the lists; not "transfer from George Brown to Centennial" (a college)
_SENT_FROM = re.compile(
    r"(?<![\w'’-])(?i:e-?transfers?|(?:wire|money|bank|interac)[ \t]+transfers?|payments?|deposits?|virements?|paiements?|d[ée]p[ôo]ts?)[ \t]+"
    r"(?i:received[ \t]+)?(?i:from|de|de[ \t]+la[ \t]+part[ \t]+de|re[çc]us?[ \t]+de)[ \t]+"
    r"([A-ZÀ-Þ][a-zà-ÿ'’-]++|[A-ZÀ-Þ]{2,}+(?:-[A-ZÀ-Þ]++)?)((?:[ \t]+(?:[A-ZÀ-Þ][a-zà-ÿ'’-]++|[A-ZÀ-Þ]{2,}+(?:-[A-ZÀ-Þ]++)?)){1,2})"
    r"(?![\w'’-])(?=[ \t]*+(?:$|[\n.,;:!?()\[\]$0-9]|(?i:to[ \t]+(?:you|me|my)|on|of|le|du|à|au|reçu|received|sent)(?![\w'’-])))"
)


def _sender_names(text: str) -> Iterator[Candidate]:
    for m in _SENT_FROM.finditer(text):
        words = [m.group(1), *m.group(2).split()]
        if given_name(m.group(1)) and not any(_plain_word(w) or w.lower() in _BUSINESS or w.lower() in _ACRONYMS for w in words):
            yield m.start(1), m.end(2), "PERSON", PERSON_P


# Round 46: the given names' field of a passport, its names apart by commas: each a name
_GIVEN_NAMES_LABEL_BEFORE = re.compile(
    r"(?<![\w'’-])(?i:pr[ée]noms?|given[ \t]+names?|first[ \t]+names?|forenames?)(?:[ \t]*/[ \t]*[^\W\d_]+(?:[ \t]+[^\W\d_]+)?)?"
    r"[ \t]*:[ \t]*\Z"
)
_SPAN_PART = re.compile(r"[^,\s](?:[^,\n]*[^,\s])?")
# Round 46: a number's label in capitals read as a name's last word ("Chinonso Okafor UCI 1122-3345")
_ID_LABEL_TAIL = re.compile(r"[ \t]++(?:UCI|IUC|SIN|NAS|DOB|DDN|NIN)\Z")


def _mrz_names(text: str) -> Iterator[Candidate]:
    """Round 46: a passport's or visa's machine-readable line ("P<GBRTHOMPSON<<ELEANOR<ROSE<<<<"), or an identity card's
    line of names ("NGUYEN<<THI<LAN<<<<<<<"): the family name before "<<", the given names after it, each word a name."""
    for m in _MRZ_NAME_LINE.finditer(text):
        start = m.start("names")
        for word in _MRZ_WORD.finditer(text, start, m.end("names")):
            yield word.start(), word.end(), "PERSON", PERSON_P


# the line's letters and "<" alone, 30 characters or more; a passport's or visa's line opens with its type and country
_MRZ_NAME_LINE = re.compile(
    r"(?m)^[ \t]*+(?:[PV][A-Z<][A-Z]{3})?"
    r"(?P<names>[A-Z]{2,}+(?:<[A-Z]++)*+<<[A-Z]++(?:<[A-Z]++)*+)<*+(?<=[A-Z<]{30})[ \t]*+$"
)
_MRZ_WORD = re.compile(r"[A-Z]++")


_CHEZ_FIRM_BEFORE = re.compile(r"(?<![\w'’-])[A-ZÀ-Þ][\w'’-]*+[ \t]++Chez[ \t]++\Z")


def _in_mrz_line(text: str, pos: int) -> bool:
    line = text.rfind("\n", 0, pos) + 1
    return _MRZ_NAME_LINE.match(text, line) is not None


# Round 45: a lower-case name cut after its particle ("rosario dela"): the family name after it, or the particle dropped.
_DANGLING_LOWER_PARTICLE = re.compile(r"(?<![ \t])[ \t]++(?:de|del|dela|delos|delas|da|das|dos|di|du|van|von|bin|ibn|al|el)\Z")
_LOWER_FAMILY_NEXT = re.compile(r"[ \t]++([a-zà-ÿ]{3,}(?:-[a-zà-ÿ]+)?)(?![\w'’-])")
_AND_GIVEN_JUST_BEFORE = re.compile(r"(?<![\w'’-])(?:and|et|&)[ \t]([A-ZÀ-Þ][a-zà-ÿ]{2,})[ \t]\Z")
_GIVEN_JUST_BEFORE = re.compile(r"(?<![\w'’.-])([A-ZÀ-Þ][a-zà-ÿ]{2,})[ \t]\Z")
_IT_IS_LEAD = re.compile(r"(?:c['’][ \t]?est|cest|it['’]s|it[ \t]+is)[ \t]+(?=[A-ZÀ-Þ])", IGNORE_CASE)
_INITIAL_THEN_FAMILY = re.compile(r"\.[ \t]+([^\W\d_]{2,}(?:['’-][^\W\d_]+)*)(?=[ \t]*(?:[,;\n]|\Z))")


# Round 34: a title, an honorific or a widow's or late person's word at a name's start is no part of
# it ("Dre Fatou Camara", "Shri Ramesh Chandra Agarwal", "Smt. Kamla Devi", "Mme Vve Dupuis", "son mari,
# feu Farid Al-Khatib", "my late husband Late ...", "Rev. Fr. Augustine", "jsui Koffi Yao"); alone it is no name.
_HONORIFIC_LEAD = re.compile(r"([^\W\d_]+)\.?(?:[ \t]+|$)")
_SHOUTED_FAMILY_AFTER = re.compile(r"[ \t]+([A-Z]{2,15}(?:-[A-Z]{2,15})?)(?=[ \t]*[,;\n]|[ \t]*$)")
# Round 39: after a given name of the lists alone, a family name in capitals of four letters or more, then a clause's
# end, a bracket or a lower-case word ("ma belle-mère Yamina ZERROUKI le 4 fév", "Olivier MBAPPE (IUC ...)").
_SHOUTED_FAMILY_NEXT = re.compile(r"[ \t]+([A-Z]{4,15}(?:-[A-Z]{2,15})?)(?=[ \t]*[,;\n(.]|[ \t]*$|[ \t]+[a-zà-ÿ])")
_VOWEL = re.compile("[AEIOUY]")
# Round 41: a family name of two letters, capitalised, after the given names, then a clause's end or a lower-case word
# ("ma conjointe Thu Trang Le, passeport ...", "my wife Mei Li is", "Minh Vo (UCI ...)"): Vietnamese, Chinese and
# Korean names, which the lists drop as words ("le", "li").
_SHORT_FAMILY_NEXT = re.compile(r"[ \t]+([A-Z][a-z])(?=[ \t]*(?:[,;.:!?()\n]|$)|[ \t]+[a-zà-ÿ])")
_SHORT_FAMILIES = wordset("le ly vo vu ho ta li wu xu lu yu hu su ng ko")
_SHORT_FAMILY_WORDS = wordset("le ta su ho")  # words too ("Marie Le dossier ..."): only before a clause's end
_CLAUSE_END_NEXT = re.compile(r"[ \t]*(?:[,;.:!?()\n]|$)")
_KIN_JUST_BEFORE = re.compile(rf"(?<![\w'’-])(?:{_RELATION_WORDS})(?:[- ]in[- ]law)?[ \t]+\Z", IGNORE_CASE)


def _shouted_family(word: str) -> bool:
    """Whether `word`, in capitals, may be a family name: a vowel, no acronym, no word of the language ("URGENT")."""
    return _VOWEL.search(word) is not None and word.lower() not in _ACRONYMS and not any(
        _plain_word(part) for part in word.split("-"))


_SHOUTED_GIVEN_AND_BEFORE = re.compile(r"(?<![\w'’-])([A-ZÀ-ÖØ-Þ]{2,}(?:-[A-ZÀ-ÖØ-Þ]{2,})?)[ \t]+(?:AND|ET|&)[ \t]+\Z")
_GIVEN_AND_BEFORE = re.compile(r"(?<![\w'’-])([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+)?)[ \t]+(?:y|e|and|et|&)[ \t]+\Z")
_TITLE_ALONE_NEXT = re.compile(r"\.|[ \t]+(?:\[PERSON\]|[A-ZÀ-Þ])")
_HONORIFICS = wordset("""
dre dr fr shri smt shrimati srimati feu feue late vve veuve vda viuda jsui jsuis chui
haji hajji hadji hajja hajjah hajia alhaji alhaja
""")
# round 35: the line above, the pilgrim's honorific ("my father Hajji Gul Mohammad", "Alhaja Kudirat Bello").


# Round 28: a name's word inside an @handle or an e-mail's local part ("@ama_serwaa_", "this is Arjun
# @arjun_codes", "ali.benomar@@gmail.com", "lucas . moreau @ videotron . ca"): the handle or e-mail, not a name.
_HANDLE_AFTER = re.compile(r"(?:_|(?:\.[\w-]+)+[ \t]*@|[ \t]\.[ \t][\w-]+[ \t]@|@|[ \t]\.[ \t]\[EMAIL\]|\.\[EMAIL\])")


def _in_handle(text: str, start: int, end: int) -> bool:
    if start and text[start - 1] in "@_.":
        return True
    return _HANDLE_AFTER.match(text, end) is not None


def _restated_lines(text: str, start: int, end: int) -> list[Candidate]:
    """The parts of a name read across a line break, when the next line says the first again with more
    ("c'est Sunil\nSunil Kumar Yadav"): two names, not one."""
    first, _, rest = text[start:end].partition("\n")
    if not first.strip() or not rest.strip() or rest.lstrip().split()[0] != first.split()[0] or len(rest.split()) < 2:
        return []
    second = text.index(rest.lstrip(), start + len(first))
    return [(start, start + len(first.rstrip()), "PERSON", PERSON_P), (second, end, "PERSON", PERSON_P)]


# Round 28: the type of a street that comes before its name, in Spanish, Portuguese, Italian, Malay.
_CAPITAL_OR_NUMBER_NEXT = re.compile(r"[ \t]+(?:[A-ZÀ-Þ]|[0-9])")
_STREET_FIRST = wordset("paseo calle avenida avda carrera carretera calzada camino rua travessa alameda viale jalan jln")
# Round 33: a widow's late husband's family name after her own, as Spanish and French papers write it: "vda. de",
# "viuda de", "veuve", "vve".
_WIDOW_AFTER = re.compile(r"[ \t]+(?i:vda\.?|viuda|veuve|vve\.?)[ \t]+(?i:de[ \t]+|del[ \t]+)?([A-ZÀ-Þ][a-zà-ÿ'’-]+|[A-ZÀ-Þ]{2,})(?![\w'’-])")
_WIDOW_WORDS = wordset("vda viuda veuve vve")
_Y_FAMILY_AFTER = re.compile(r"[ \t]+(?:y|e|i)[ \t]+([A-ZÀ-Þ][a-zà-ÿ'’-]+)(?![\w'’-])")
# Round 28: a pasted record's line, the family name first and a comma ("Tiu, Jerome Anthony\nPassport P7392018A").
_REVERSED_LINE = re.compile(r"(?:^|(?<=\n))[ \t]*([A-ZÀ-Þ][a-zà-ÿ'’-]+|[A-ZÀ-Þ]{2,}),[ \t]*\Z")
_RECORD_NEXT = re.compile(r"[ \t]*\n[^\n0-9]{0,25}[0-9]")
# Round 28: a relative's name said with a naming verb, which a town's name can be ("mon fils s'appelle Santiago",
# "my daughter's name is Florence", "mi hijo se llama Santiago").
_KIN_NAMED_BEFORE = re.compile(
    rf"(?<![\w'’-])(?:{_RELATION_WORDS}|son|daughter|fils|fille|baby|bébé)(?:['’]s)?[ \t]+(?:s['’][ \t]*appelle|se[ \t]+llama|se[ \t]+chama"
    r"|is[ \t]+called|is[ \t]+named|name[ \t]+is|nom[ \t]+est|prénom[ \t]+est|s['’]appelait)[ \t]+\Z",
    IGNORE_CASE,
)
# Round 28: a given name abbreviated before the name found ("Ma." for María, "Md." for Muhammad).
_ABBREVIATED_BEFORE = re.compile(r"(?<![\w'’.-])(?:Ma|Mª|Md|Mohd|Muhd)\.[ \t]+\Z")
_FIELD_LABELS = wordset("name names nom noms surname prénom prenom prénoms prenoms nombre nome")
# Round 27: a clergy title before the name is no part of it ("Father Joseph Mukasa", "Sœur Marie-Claire").
_CLERGY_FIRST = re.compile(
    r"(?:Father|Fr\.|Père|Pere|Abbé|Abbe|Sister|Sr\.|Sœur|Soeur|Brother|Br\.|Frère|Frere|Pastor|Pasteur|Reverend|Rev\.|Imam|Rabbi)"
    r"[ \t]+(?=[A-ZÀ-Þ])"
)
_LABEL_COLON_NEXT = re.compile(r"[ \t]*[:=]")


# Round 19: a given name that is also a word, capitalised, before a family name of the lists the
# rules found, when a verb of a statement (not a question's "be") follows: "Will Johnson is my
# employer contact", "Grace Okafor said"; not "Will Johnson be there?".
_WORD_NAME_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z]+)[ \t]+$")
_PERSON_VERB_AFTER = re.compile(
    r"(?:['’]s)?(?:[ \t]*,|[ \t]+(?:is|was|has|had|and|said|says|told|called|works|worked|from|at|who)(?![\w'’-]))"
)


_LOWER_WORD = re.compile(r"[^\W\d_]+")
_I_AM = re.compile(r"I(?:['’]m|[ \t]+am)(?:[ \t]+(?=[^\W\d_])|(?![\w'’-]))")


def _common_lower(value: str) -> bool:
    """Whether `value`, in lower case, holds a common word of the knowledge base's texts that no
    list calls a name ("comme résidents", "demandeur d'asile", "cant use computer", "jusqu"):
    words, not a name."""
    if not value.islower():
        return False
    common = vocabulary()
    return any(
        len(w) > 3 and w in common and not given_name(w) and not family_name(w) and not common_given_name(w)
        for w in _LOWER_WORD.findall(value)
    )


# What a rule's name may leave out: a family name of the lists in lower case after it ("mon mari
# Ibrahima ndiaye est"), "d'Arc" and what follows ("Jeanne d'Arc Uwimana"), a particle in
# capitals before a name in capitals ("EL IDRISSI MOHAMED").
_LOWER_FAMILY_AFTER = re.compile(r"[ \t]+([a-zà-ÿ]{4,})(?![\w'’-])")
# Round 44: a family name after a particle (and an initial) that the name's rule stopped before: "Fatima Zahra el
# idrissi", "Ahmed Al Mansoori", "Ana Paula F. da Silva". A family name of the lists; after an Arabic, Dutch or German
# particle also a capitalised word no list knows; never a place ("Marie de France", "Karim de Laval").
_PARTICLE_FAMILY_AFTER = re.compile(
    r"[ \t]{1,3}(?:[A-Z]\.[ \t]{0,3})?((?i:el|al|da|de|do|dos|das|di|du|del|della|van|von|bin|ben|ibn|abu|bint|binti))[ \t]{1,3}"
    r"([^\W\d_][a-zà-ÿ]+(?:-[^\W\d_][a-zà-ÿ]+)?)(?![\w'’-])"
)
_CAPITAL_PARTICLES = wordset("el al van von bin ben ibn abu bint binti")


def particle_family_end(text: str, start: int, end: int) -> int:
    """Where the name start:end ends with the particle and family name that may follow it."""
    m = _PARTICLE_FAMILY_AFTER.match(text, end)
    if m is None or not text[start:start + 1].isupper():
        return end
    particle, word = m.group(1), m.group(2)
    low = word.lower()
    if _plain_word(word) or low in CITY_NAMES or low in COUNTRIES or low in HOME_TOWNS or _demonym(low) \
            or _CALENDAR.fullmatch(word):
        return end
    if word.islower():
        return m.end() if particle.islower() and family_name(word) else end
    if family_name(word) or (particle.lower() in _CAPITAL_PARTICLES and _unknown_capital(word)):
        return m.end()
    return end
_ELIDED_AFTER = re.compile(r"[ \t]+d['’][A-ZÀ-Þ][a-zà-ÿ]+(?:-[A-ZÀ-Þ][a-zà-ÿ]+)*(?:[ \t]+[A-ZÀ-Þ][a-zà-ÿ]+(?:-[A-ZÀ-Þ][a-zà-ÿ]+)?)?")


def _elided_place(words: str) -> bool:
    """Round 53: "Aïcha Konaté d'Abidjan": where she is from, a town or a country of the lists that is no family name."""
    word = words.strip()[2:].split()[0]
    low = word.lower()
    return (low in CITY_NAMES or low in COUNTRIES or low in PLACES) and not family_name(word)


_SHOUTED_PARTICLE_BEFORE = re.compile(rf"(?<![\w'’-])(?:{_SHOUTED_PARTICLE})[ \t]+$", IGNORE_CASE)


# A Vietnamese name's middle word ends the span: the given name after it, even a word ("Mai").
_VIETNAMESE_MIDDLE_END = re.compile(r"(?<![\w'’-])(?:Thi|Thị|THI|Van|Văn|VAN)$")
_CAPITALISED_AFTER = re.compile(r"(?:[ \t]+[A-ZÀ-ÖØ-ÞĐ][a-zà-ÿđ]+){1,2}?(?![\w'’-])")
_VIETNAMESE_MIDDLE_START = re.compile(r"(?:Thi|Thị|Van|Văn)[ \t]+[A-ZÀ-ÞĐ]")
_VIET_FAMILY_BEFORE = re.compile(r"(?:^|(?<=[^\w'’-]))([A-ZĐ][a-zà-ÿđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]{1,7})[ \t]+\Z")
_VIET_FAMILY_AFTER = re.compile(r"[ \t]++([A-ZĐ][a-zà-ÿđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]{1,7})(?![\w'’-])")
_VIET_SHORT_FAMILIES = wordset("ng nguy tr ph hg")  # "Ng Thi Lan": Nguyễn shortened


def _widened(text: str, found: Candidate) -> Candidate:
    start, end = found[0], found[1]
    words = text[start:end].split()
    if len(words) > 2 and text[start:end].islower() and words[-1] in NOT_NAME_LOWERCASE:
        end = start + len(text[start:end].rstrip()[: -len(words[-1])].rstrip())  # "aminata touré jai fait"
    lower = _LOWER_FAMILY_AFTER.match(text, end)
    # round 33: not a verb typed without its apostrophe ("Mr. Gurpreet Singh Dhillon cant come": "Cant" is a family name)
    if lower and text[start:start + 1].isupper() and family_name(lower.group(1)) and not given_name(lower.group(1)) \
            and lower.group(1) not in _SUBJECT_VERBS and not _DETERMINER_NEXT.match(text, lower.end()):
        end = lower.end()
    elif (elided := _ELIDED_AFTER.match(text, end)) and not _elided_place(elided.group()):
        end = elided.end()
    else:
        end = particle_family_end(text, start, end)
    if _VIETNAMESE_MIDDLE_END.search(text, start, end) is not None:
        more = _CAPITALISED_AFTER.match(text, end)  # "Nguyen Thi Mai": a month in French, a name here
        if more:
            end = more.end()
    if _VIETNAMESE_MIDDLE_START.match(text, start, end):
        # round 42: a Vietnamese name found from its middle word: the family name before it ("my grandma Ng Thi Lan")
        # or after the given name, in the Western order ("ma conjointe Thi Mai Nguyen (née ...")
        if (family := _VIET_FAMILY_BEFORE.search(text, max(0, start - 12), start)) \
                and (family.group(1).lower() in _VIET_FAMILY_KEYS or family.group(1).lower() in _VIET_SHORT_FAMILIES):
            start = family.start(1)
        elif (family := _VIET_FAMILY_AFTER.match(text, end)) and family.group(1).lower() in _VIET_FAMILY_KEYS:
            end = family.end(1)
    if "." in text[max(0, start - 2):start] and (role := ROLE_INITIAL_BEFORE.search(text, max(0, start - 30), start)):
        start = role.start(1)  # round 50: "officer T. Rahman": the initial is the name's
    before = _SHOUTED_PARTICLE_BEFORE.search(text, max(0, start - 8), start)
    if before and text[start:end].isupper() and before.group().strip().isupper():
        start = before.start()
    # round 27: the family name left after the given names, ending the clause: "Ochieng David Otieno
    # and ...", "Hawa and Adama Traore.", "je suis Thi Mai Anh TRAN, ..." (shouted, of the lists)
    if (more := _FAMILY_LAST_AFTER.match(text, end)) and text[start:end].istitle() and not text[start:end].isupper():
        word = more.group(1)
        if (_unknown_capital(word) and not word.lower().endswith(_THING_ENDINGS27)) if not word.isupper() \
                else (family_name(word) and not _plain_word(word) and word.lower() not in NOT_NAME):
            end = more.end(1)
    return (start, end, found[2], found[3])


# Round 46: a lower-case word then a determiner is a verb and its object, no family name ("M. Gagnon garde mon passeport")
_DETERMINER_NEXT = re.compile(r"[ \t]++(?:mon|ma|mes|ton|ta|tes|son|sa|ses|notre|nos|votre|vos|leur|leurs|le|la|les|un|une|des"
                              r"|my|your|his|her|our|their|the|a|an)[ \t]", IGNORE_CASE)
_FAMILY_LAST_AFTER = re.compile(
    r"[ \t]+([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{2,}|[A-ZÀ-ÖØ-Þ]{3,})(?=[ \t]*(?:[.,;!?)\n]|$|(?:and|et|i|I)[ \t]))"
)


# Round 27 (names the way clients point at a person):
# - the person to ask for on the phone: "demandez Ginette", "ask for Priya or Raj";
# - a role and its person: "I am the employer of Jomar Dizon", "signed by the owner Harold Penner",
#   "je suis la marraine de Claudine Mukamana" (a given name of the lists first);
# - a label with neither colon nor "my" before one word that ends its clause: "Nom Joseph, Prénom
#   Wilner,", "name Harshdeep." (a given name of the lists or a capitalised word no list knows);
# - a person of a list before a birth date masked on the first pass: "1. Lutala Esther -
#   [DATE_OF_BIRTH]", "Huda (mère, [DATE_OF_BIRTH])", "enfant Rayan: [DATE_OF_BIRTH]";
# - the name said right after a name the document gets wrong: "it says [PERSON] instead of Priyaa
#   Sharma"; a shouted name after "says"/"dit": "mon permis dit GURJOT SINGH GILL".
_NAME_WORD27 = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+)?"
_ASKED_FOR = re.compile(
    rf"(?<![\w'’-])(?i:demandez|demander|ask[ \t]+for|asked[ \t]+for|ask[ \t]+to[ \t]+speak[ \t]+(?:to|with))[ \t]+"
    rf"({_NAME_WORD27}(?:[ \t]+{_NAME_WORD27})?)(?:[ \t]+(?i:ou|or|et|and)[ \t]+({_NAME_WORD27}(?:[ \t]+{_NAME_WORD27})?))?"
    r"(?=[ \t]*(?:[.,!?;)\n]|$|(?i:please|pls|svp|stp|s['’]il)(?![\w'’-])))"
)
_ROLE_OF = re.compile(
    r"(?<![\w'’-])(?i:employer|employeur|employeuse|owner|propriétaire|parrain|marraine|godmother|godfather|guardian"
    r"|tuteur|tutrice|applicant|demandeur|demandeuse|requérant|requérante|contact)(?:[ \t]+(?i:of|de|du|d['’]))?[ \t]+"
    rf"({_NAME_WORD27}(?:[ \t]+{_NAME_WORD27}){{1,2}})(?=[ \t]*(?:[.,!?;)\n]|$))"
)
_LABEL_WORD = re.compile(
    r"(?<![\w'’-])(?:(?:the|a|this|that|le|la|un|une|ce|quel|quelle|which|what|your|votre|ton)[ \t]+)?"
    r"(?i:name|nom|pr[ée]nom|first[ \t]+name|given[ \t]+name)[ \t]+"
    rf"({_NAME_WORD27})(?=[ \t]*(?:[.,;|/\n]|$))"
)
_BEFORE_BIRTH = re.compile(
    r"(?:^|(?<=[\n:;,(])|(?<=[-—–*•][ \t])|(?<=[0-9][.)][ \t])|(?<=[:;,][ \t]))[ \t]*"
    r"(?:(?i:enfant|child|fils|fille|son|daughter|kid|bébé|bebe|baby)[ \t]+)?"
    rf"({_NAME_WORD27}(?:[ \t]+{_NAME_WORD27}){{0,3}})"
    r"(?:[ \t]*[,:]|[ \t]+[-—–]|[ \t]*\([ \t]*[^\W\d_]+(?:[- ]in[- ]law)?[ \t]*[,:;-])?[ \t]*\[DATE_OF_BIRTH\]",
    re.MULTILINE,
)
# Round 40: a list's item in capitals before its birth date, masked on the first pass ("1. SITI - [DATE_OF_BIRTH]",
# "- NGUYEN VAN AN, [DATE_OF_BIRTH]"): each word, written as a name, a name of the lists or a capitalised word no
# list knows.
_SHOUTED_ITEM_BEFORE_BIRTH = re.compile(
    r"(?:^|(?<=\n))[ \t]*(?:[-*•]|[0-9]{1,2}[.)])[ \t]*([A-ZÀ-ÖØ-Þ]{2,}(?:[- ][A-ZÀ-ÖØ-Þ]{2,}){0,3})"
    r"(?:[ \t]*[,:]|[ \t]+[-—–])[ \t]*\[DATE_OF_BIRTH\]"
)
_INSTEAD = re.compile(
    rf"(?<![\w'’-])({_NAME_WORD27}(?:[ \t]+{_NAME_WORD27}){{0,2}})[ \t]+(?i:instead[ \t]+of|au[ \t]+lieu[ \t]+de|rather[ \t]+than)[ \t]+"
    rf"({_NAME_WORD27}(?:[ \t]+{_NAME_WORD27}){{0,2}})(?![\w'’-])"
)
_SAYS_SHOUTED = re.compile(
    r"(?<![\w'’-])(?i:says|said|shows|reads|dit|indique|affiche)[ \t]+"
    r"([A-ZÀ-ÖØ-Þ]{2,}(?:-[A-ZÀ-ÖØ-Þ]{2,})?(?:[ \t]+[A-ZÀ-ÖØ-Þ]{2,}(?:-[A-ZÀ-ÖØ-Þ]{2,})?){1,3})(?=[ \t]*(?:[.,!?;)\n]|$))"
)
# Round 27: South Asia's "son/daughter/wife of" before the father's or husband's name.
_SON_OF = re.compile(rf"(?<![\w/])(?i:[sdw]/o|a/[lp])\.?[ \t]+((?:Md\.?[ \t]+|(?:[A-Z]\.[ \t]*+){{1,2}})?{_NAME_WORD27}(?:[ \t]+{_NAME_WORD27}){{0,3}})(?![\w'’-])")
_OWN_BEFORE_OF = re.compile(r"(?:^|(?<=[\n:;]))[ \t]*+((?:[A-Z]\.[ \t]*+){0,2}([A-ZÀ-Þ][a-zà-ÿ]{2,}+))[ \t]*+,?[ \t]*+\Z")
# Round 32: one given name alone before "s/o", "d/o", "a/l", "a/p" and one father's name after are one name,
# as Tamil names are written (the father's name for a family name; Malaysia's "a/l" on the card): "im Suresh s/o
# Ramasamy", "Rajesh a/l Krishnan"; a full name before stays apart ("Gurpreet Singh Sandhu s/o Harjinder Singh Sandhu").
_ONE_GIVEN_BEFORE = re.compile(r"(?:^|[^\w\s'’-]|(?<![\w'’-])[a-zà-ÿ][\w'’-]*)[ \t]*([A-ZÀ-Þ][a-zà-ÿ]+)[ \t]+\Z")
# Round 27: a name in Chinese or Korean script after the words that introduce one.
_CJK_NAMED = re.compile(
    r"(?:我叫|我的名字是|我的名字叫|名字是|名字叫|名叫|姓名[:：]?|名前は)[ \t]*([\u4e00-\u9fff]{2,3}(?![\u4e00-\u9fff])|[\u4e00-\u9fff]{2,3}(?=[是，。,. 的在今]))"
    r"|(?:제[ \t]*이름은|이름[:：])[ \t]*([\uac00-\ud7af]{2,4}?)(?=입니다|이에요|예요|이고|[,.\s]|$)"
    # round 32: after a name's label in English or French ("Chinese name 陈美玲 english name Chen Meiling",
    # "nom coréen : 김민준", "name in chinese: 王小明")
    r"|(?<![\w'’-])(?i:(?:(?:chinese|korean|japanese|mandarin|cantonese|taiwanese|native|real|legal|birth)[ \t]+names?"
    r"|names?[ \t]+in[ \t]+(?:chinese|korean|japanese|mandarin|cantonese|hanzi|hangul|kanji)"
    r"|noms?[ \t]+(?:chinois|coréen|coreen|japonais|mandarin|en[ \t]+(?:chinois|coréen|coreen|japonais|mandarin)))"
    r"(?:[ \t]+(?:is|est))?)[ \t]*[:：=-]?[ \t]*"
    r"([\u4e00-\u9fff]{2,4}|[\uac00-\ud7af]{2,4})(?![\u4e00-\u9fff\uac00-\ud7af])"
)
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff\uac00-\ud7af]")
# Round 36: a name in Arabic script (Arabic, Persian, Urdu) after a name's word and "is", "est" or a colon in the
# same sentence ("his name in Arabic script on the passport is حسن الخطيب", "nom en arabe : فاطمة الزهراء").
_ARABIC_NAMED = re.compile(
    r"(?<![\w'’-])(?i:names?|noms?|pr[ée]noms?)(?![\w'’-])[^.!?\n\u0600-\u06ff]{0,45}?(?:(?<![\w'’-])(?i:is|est)(?![\w'’-])|[:：])[ \t]*"
    r"([\u0600-\u06ff]{2,}(?:[ \t]+[\u0600-\u06ff]{2,}){0,3})"
)
_NOT_A_PERSON_NAMED = re.compile(
    r"(?<![\w'’-])(?i:street|road|avenue|rue|route|company|compagnie|entreprise|business|shop|store|magasin|city|ville|village"
    r"|town|school|[ée]cole|hospital|h[ôo]pital|mosque|mosqu[ée]e|organi[sz]ation|bank|banque|hotel|h[ôo]tel|district|quartier)(?![\w'’-])"
)
_ARABIC_CHAR = re.compile(r"[\u0600-\u06ff]")
_HERE_BRACKET = re.compile(
    rf"(?<![\w'’-])({_NAME_WORD27})[ \t]+(?i:here|ici|speaking)[ \t]*\([ \t]*(\1(?:[ \t]+{_NAME_WORD27}){{1,2}})[ \t]*\)"
)
# a relative's name no list knows, two or three words ending the clause: "c'est pour ma maman Kavira Masika, ..."
_KIN_UNKNOWN = re.compile(
    rf"(?<![\w'’-])(?i:my|mon|ma|our|notre|his|her|son|sa)[ \t]+(?i:{_RELATION_WORDS}|maman|mama|papa|mom|mum)[ \t]+"
    rf"({_NAME_WORD27}(?:[ \t]+{_NAME_WORD27}){{1,2}})(?=[ \t]*(?:[,.;!?)\n]|$))"
)
_ASKED_FOR_KEYS = wordset("demandez demander ask asked employer employeur employeuse owner propriétaire parrain marraine "
                          "applicant demandeur demandeuse requérant requérante contact "
                          "godmother godfather guardian tuteur tutrice name nom prénom prenom instead lieu rather says said "
                          "shows reads dit indique affiche")


def _name_words27(words: list[str], first_given: bool, unlisted: bool = False) -> bool:
    """Each word a given or family name of the lists or a capitalised word no list knows; the
    first a given name of the lists when `first_given`; at least one of the lists unless
    `unlisted`."""
    if first_given and not _clause_given(words[0]):
        return False
    listed = False
    for w in words:
        if _CALENDAR.fullmatch(w) or w.lower() in PLACES or _demonym(w.lower()) or _SAINT27.match(w):
            return False
        if given_name(w) or family_name(w) or _ti_name(w):
            listed = True
            if _plain_word(w) and w is words[0] and not first_given:
                return False
        elif not _unknown_capital(w) or w.lower().endswith(_THING_ENDINGS27):
            return False
    return listed or unlisted or (len(words) == 1 and _unknown_capital(words[0]))


# Round 28: a message opening on a familiar word and a name, alone on its clause ("bro Segun\n...", "sis Amina,").
_OPENING_VOCATIVE = re.compile(
    r"[ \t]*(?i:bro|bros|brother|sis|sister|oga|boss|bhai|bhaiya|didi|kuya|ate|dada|auntie|aunty|uncle)[ \t,]+"
    r"([A-ZÀ-Þ][a-zà-ÿ]{2,})(?=[ \t]*(?:[!,.\n]|\Z))"
)
# Round 28: the person just spoken of, named at the message's end in lower case ("my husband number 0244 881
# 902\nhe is kwesi"): a given name of the lists that is no word.
_HE_IS_END = re.compile(r"(?<![\w'’-])(?:he|she)[ \t]+is[ \t]+([a-zà-ÿ]{3,}(?:-[a-zà-ÿ]{2,})?)[ \t]*[.!]*[ \t]*\Z", IGNORE_CASE)


# Round 36: the person just spoken of named in a clause of its own, more following ("born 09/09/1990, she is
# Marta. please link ..."): a given name of the lists, capitalised, that is no word; and a carer named after her
# role ("the caregiver is Marites, her employer ...", "la gardienne est Rosalie."), which "my" does not open.
_HE_IS_NAMED = re.compile(
    r"(?<![\w'’-])(?i:he|she)[ \t]+(?i:is)[ \t]+([A-ZÀ-Þ][a-zà-ÿ]{2,}(?:-[A-ZÀ-Þ][a-zà-ÿ]{2,})?)(?=[ \t]*[.!;\n])"
)
_CARER_IS = re.compile(
    r"(?<![\w'’-])(?i:the|my|our|his|her|their|la|le|ma|mon|notre|sa|son)[ \t]+"
    r"(?i:caregiver|care[ \t]+giver|live-in[ \t]+caregiver|nanny|babysitter|caretaker|housekeeper|home[ \t]+aide|gardienne"
    r"|nounou|aidante?|proche[ \t]+aidante?|domestique|bonne)[ \t]+(?i:is|est|c['’]est)[ \t]+"
    r"([A-ZÀ-Þ][a-zà-ÿ]{2,}(?:-[A-ZÀ-Þ][a-zà-ÿ]{2,})?)(?=[ \t]*(?:[.,;!?)\n]|$))"
)
# Round 36: the client an interpreter relays, after "the" or "le"/"la" and before what the client says or does
# ("la cliente Mbuyi dit que ...", "the client Yohannes says ...", "le client Ngata ne comprend pas"): one or two
# capitalised words, a name of the lists or none that a list knows as a word.
_CLIENT_SAYS = re.compile(
    r"(?<![\w'’-])(?i:the|le|la|l['’])[ \t]*(?i:client|cliente|applicant|demandeur|demandeuse|requérante?|requerante?)[ \t]+"
    r"([A-ZÀ-Þ][a-zà-ÿ'’]+(?:-[A-ZÀ-Þ][a-zà-ÿ'’]+)?(?:[ \t]+[A-ZÀ-Þ][a-zà-ÿ'’]+(?:-[A-ZÀ-Þ][a-zà-ÿ'’]+)?)?)[ \t]+"
    r"(?i:says|said|tells|told|wants|asks|asked|explains|explained|doesn['’]?t|does|did|can['’]?t|cannot|dit|a[ \t]+dit|demande"
    r"|explique|veut|voudrait|ne|n['’]|raconte|affirme|précise|precise|confirme|insiste)(?![\w'’-])"
)
_CLIENT_KEYS = wordset("client cliente applicant demandeur demandeuse requérant requérante requerant requerante")
_CARER_KEYS = wordset("caregiver giver nanny babysitter caretaker housekeeper aide gardienne nounou aidant aidante domestique bonne")


def _asked_for_names(text: str, words: frozenset[str]) -> Iterator[tuple[int, int]]:
    if (called := _OPENING_VOCATIVE.match(text)) and given_name(called.group(1)) and not _plain_word(called.group(1)) \
            and called.group(1).lower() not in NOT_NAME_CAPITALISED:
        yield called.span(1)  # round 28: "bro Segun\nno be me, na my guy": the name the message opens on
    if (he := _HE_IS_END.search(text, max(0, len(text) - 40))) and _clause_given(he.group(1)) \
            and not _plain_word(he.group(1)) and he.group(1) not in vocabulary():
        yield he.span(1)
    if "he" in words or "she" in words:
        for m in _HE_IS_NAMED.finditer(text):
            if _clause_given(m.group(1)) and not common_given_name(m.group(1)):
                yield m.span(1)
    if not _CLIENT_KEYS.isdisjoint(words):
        for m in _CLIENT_SAYS.finditer(text):
            found = m.group(1).split()
            if not any(_plain_word(w) or _CALENDAR.fullmatch(w) for w in found) \
                    and all(given_name(w) or family_name(w) or (_unknown_capital(w) and w.lower() not in vocabulary())
                            for w in found):
                yield m.span(1)
    if not _CARER_KEYS.isdisjoint(words):
        for m in _CARER_IS.finditer(text):
            if _clause_given(m.group(1)) and not common_given_name(m.group(1)):
                yield m.span(1)
    if "[DATE_OF_BIRTH]" in text:
        for m in _BEFORE_BIRTH.finditer(text):
            found = m.group(1).split()
            if any(w.lower() in _GROUP_KEYS or w.lower() in _BIRTH_WORDS27 for w in found):
                continue
            # a later word may be a word too, the line being a person's: "Kabongo Grace - [DATE_OF_BIRTH]"
            if _name_words27(found, False) or (len(found) > 1 and _name_words27(found[:1], False) and not _plain_word(found[0])
                                               and not any(w.lower() in PLACES or w.lower() in _PLACE_OR_BODY
                                                           or _CALENDAR.fullmatch(w) for w in found)):
                yield m.span(1)
        for m in _SHOUTED_ITEM_BEFORE_BIRTH.finditer(text):
            found = [w.capitalize() for w in re.split(r"[- ]", m.group(1))]
            if not any(w.lower() in NOT_NAME or w.lower() in _GROUP_KEYS or w.lower() in _BIRTH_WORDS27 for w in found) \
                    and _name_words27(found, False):
                yield m.span(1)
    if "(" in text:
        for m in _HERE_BRACKET.finditer(text):  # "Grace here (Grace Atim)": the given name may be a word
            if _name_words27(m.group(2).split()[1:], False, unlisted=True) and not any(_plain_word(w) for w in m.group(2).split()[1:]):
                yield m.span(1)
                yield m.span(2)
    if not text.isascii() and _ARABIC_CHAR.search(text) is not None and ("name" in words or "nom" in words or "names" in words
                                                                          or "noms" in words or "prénom" in words):
        for m in _ARABIC_NAMED.finditer(text):
            if _NOT_A_PERSON_NAMED.search(text, m.start(), m.start(1)) is None:
                yield m.span(1)
    if not text.isascii() and _CJK_CHAR.search(text) is not None:  # round 32: only where Han or Hangul is written
        for m in _CJK_NAMED.finditer(text):  # "我叫王小明", "姓名：李娜", "제 이름은 김민준입니다"
            yield m.span(m.lastindex or 1)
    if "/" in text:
        for m in _SON_OF.finditer(text):  # "S/O Ram Lal", "D/O Jaswinder Singh", "W/O Rajesh Kumar"
            found = [w for w in m.group(1).replace(".", ". ").split() if not (len(w) == 2 and w[1] == "." and w[0].isupper())]
            if not found:
                continue  # round 48: the initials before the father's name ("D/O K. Subramanian") are no word of it
            if _name_words27(found, False, unlisted=True) and not any(_plain_word(w) for w in found):
                yield m.span(1)
                one = _ONE_GIVEN_BEFORE.search(text, max(0, m.start() - 40), m.start())
                if one and len(found) == 1 and not _plain_word(one.group(1)) and _name_words27([one.group(1)], False, unlisted=True):
                    yield one.start(1), m.end(1)  # round 32: "Suresh s/o Ramasamy": the father's name is the family name
                elif (own := _OWN_BEFORE_OF.search(text, max(0, m.start() - 40), m.start())) is not None \
                        and not _plain_word(own.group(2)) and _name_words27([own.group(2)], False, unlisted=True):
                    yield own.span(1)  # round 48: the person's own name before, its initials first ("S. Lakshmi, D/O ...", "Raju S/O ...")
    for m in _KIN_UNKNOWN.finditer(text):
        found = m.group(1).split()
        if _name_words27(found, False, unlisted=True) and not any(_plain_word(w) for w in found):
            yield m.span(1)
    if _ASKED_FOR_KEYS.isdisjoint(words):
        return
    for m in _ASKED_FOR.finditer(text):
        for g in (1, 2):
            if m.group(g) and _name_words27(m.group(g).split(), False) and not _plain_word(m.group(g).split()[0]):
                yield m.span(g)
    for m in _ROLE_OF.finditer(text):
        found = m.group(1).split()
        if _name_words27(found, False, unlisted=True) and not _plain_word(found[0]):
            yield m.span(1)
    for m in _LABEL_WORD.finditer(text):
        word = m.group(1)
        if m.group().split()[0].lower() in _ARTICLES27 or word.lower() in _NOT_A_VALUE27:
            continue
        # a word no list knows only in a message with a number ("... (india, whatsapp). name Harshdeep."),
        # not "Name Change.", "name Tag"
        if _clause_given(word) or (_unknown_capital(word) and _ANY_DIGIT27.search(text) is not None):
            yield m.span(1)
    for m in _INSTEAD.finditer(text):
        one, two = m.group(1).split(), m.group(2).split()
        if _name_words27(one, False) and _name_words27(two, False) and (given_name(one[0]) or given_name(two[0])) \
                and not _plain_word(one[0]) and not _plain_word(two[0]):
            yield m.span(1)
            yield m.span(2)
    for m in _SAYS_SHOUTED.finditer(text):
        found = m.group(1).split()
        if any(given_name(w) or family_name(w) for w in found) and not any(_plain_word(w) or w.lower() in NOT_NAME for w in found) \
                and all(given_name(w) or family_name(w) or _unknown_capital(w.title()) for w in found):
            yield m.span(1)


_SAINT27 = re.compile(r"(?i:saint|sainte|st|ste|san|santa|são|sao)-")
_THING_ENDINGS27 = ("ing", "ery", "ous", "ful", "ble", "less", "ive", "ish", "ness", "ment", "tion", "ics", "ware", "tech")
_BIRTH_WORDS27 = wordset("born birth dob date née nee né ne naissance ddn birthday birthdate anniversaire bday")  # round 28: bday
_NOT_A_VALUE27 = wordset("""
change changes tag unknown inconnu inconnue same pareil missing manquant manquante wrong correct incorrect blank vide
field champ box case section change form formulaire mismatch error erreur typo order ordre
""")
_ANY_DIGIT27 = re.compile("[0-9]")
_ARTICLES27 = wordset("the a this that le la un une ce quel quelle which what your votre ton")


# A patronymic right after a name: "VOLKOVA Elena Igorevna", "Ivanov Petr Sergeyevich".
_PATRONYMIC_AFTER = re.compile(
    r"[ \t]+[A-ZÀ-Þ][a-zà-ÿ]+(?:ovna|evna|ivna|yevna|ovich|evich|ovych|yevich|ovitch|evitch)(?![\w'’-])"
)


# Round 33: a remark in brackets between a relative's word and the name, read as if it were not there: "his dad
# (my bro) Yaw can pay", "my sister (the eldest) Akosua will sponsor him", "ma sœur (la plus jeune) Wesline veut venir".
_KIN_ASIDE = re.compile(
    rf"(?<![\w'’-])(?:my|his|her|our|their|mon|ma|son|sa|notre|leur)[ \t]+(?:{_RELATION_WORDS})[ \t]*(\([^()\n]{{1,24}}\))"
    r"(?=[ \t]*(?-i:[A-ZÀ-Þ]))",
    IGNORE_CASE,
)
# Round 33: the person a paper is for, a given name of the lists ending the sentence: "proof of status for Chloé.",
# "a letter for Amadou?", "le formulaire pour Aïcha."; not a visa's, a permit's, an application's place ("a visa for
# Oman.", "application for Brooklyn."), nor a holiday ("les papiers pour Noël").
_PAPERS_KEYS = wordset("""
letter proof document documents docs papers form forms certificate status lettre preuve papiers formulaire formulaires
certificat statut
""")
_HOLIDAYS = wordset("noel christmas easter paques eid diwali ramadan hanukkah thanksgiving")
_PAPERS_FOR = re.compile(
    r"(?<![\w'’-])(?i:letter|proof|documents?|docs|papers|forms?|certificate|status|lettre|preuve|papiers|formulaires?"
    r"|certificat|statut)"
    r"[ \t]+(?i:for|pour)[ \t]+(?-i:([A-ZÀ-Þ][a-zà-ÿ]+(?:-[A-ZÀ-Þ][a-zà-ÿ]+)?))(?=[ \t]*(?:[.!?;,\n]|$))",
    IGNORE_CASE,
)
# Round 33: a pasted record, the name alone on the first line and only numbers on the next ones (a passport, a
# phone, an application): "Xu Wenjie\nE58823104\n13912887450" (a family name of the lists, a given name they lack).
# Not "Service Canada\n1-800-622-6232", "Toronto Ontario\nM5V 2T6" (a body's or a place's words).
_RECORD_FIRST_LINE = re.compile(
    r"[ \t]*((?-i:[A-ZÀ-Þ][a-zà-ÿ'’]+(?:-[A-ZÀ-Þ][a-zà-ÿ'’]+)?)(?:[ \t]+(?-i:[A-ZÀ-Þ][a-zà-ÿ'’]+(?:-[A-ZÀ-Þ][a-zà-ÿ'’]+)?)){1,2})[ \t]*"
    r"(?:\n[ \t]*(?:[+(]?[0-9]|[A-Z]{1,2}[ \t-]?[0-9])[0-9A-Z \t()./+-]*)+[ \t]*\Z"
)
# Round 33: the writer said by a relative's name: "Je suis la sœur de Wesner.", "I'm the brother of Yaw", "c'est
# la fille de Kettly Joseph qui écrit": that name (one of the lists or a capitalised word no list knows, the
# clause ending after it). Not "je suis le fils de Dieu" (no name), "the sister of Mary Queen of Scots" ends no clause.
_ME_KEYS = wordset("""
sœur soeur frère frere mère mere père pere fils fille femme épouse epouse époux epoux mari conjoint conjointe tante oncle
cousin cousine nièce niece neveu sister brother mother father son daughter wife husband spouse aunt uncle nephew
grandmother grandfather grandson granddaughter fiancé fiancée fiance fiancee
""")
_KIN_OF_ME = re.compile(
    r"(?<![\w'’-])(?i:je[ \t]+suis|j['’]suis|i[ \t]+am|i['’]?m|c['’]?est|it['’]?s|this[ \t]+is)[ \t]+(?i:le|la|l['’]|the|his|her|son|sa)[ \t]*"
    r"(?i:(?:grande?|petite?|big|little|older|younger|eldest|oldest|youngest|a[îi]n[ée]e?|cadette?)[ \t-]+)?"
    r"(?i:s(?:oe|œ)ur|fr[èe]re|m[èe]re|p[èe]re|fils|fille|femme|[ée]pouse|[ée]poux|mari|conjointe?|tante|oncle|cousine?|ni[èe]ce|neveu"
    r"|grand-m[èe]re|grand-p[èe]re|sister|brother|mother|father|son|daughter|wife|husband|spouse|aunt|uncle|cousin|niece|nephew"
    r"|grand(?:mother|father|son|daughter)|fianc[ée]e?)[ \t]+(?i:de|d['’]|du|of)[ \t]*"
    rf"({_CAP20}(?:[ \t]+{_CAP20}){{0,2}})(?=[ \t]*(?:[.,;:!?)\n]|$|(?i:qui|who|and|et|il|elle|he|she)(?![\w'’-])))"
)


# Round 42: a name's change said as before and now, after the word for a name in the sentence: "Mon nom de famille a
# changé après le mariage : avant Traoré, maintenant Coulibaly", "my last name was Smith, now it's Okafor",
# "surname before: Haddad / now: Khoury"; each side one to three capitalised words, no place, month or word.
_BEFORE_NOW = re.compile(
    rf"(?<![\w'’-])(?i:avant|before|previously|formerly|anciennement|autrefois|was|[ée]tait)[ \t]*:?[ \t]*"
    rf"({_NAME_WORD27}(?:[ \t]+{_NAME_WORD27}){{0,2}})[ \t]*[,;/]?[ \t]*(?:(?i:and|et|but|mais)[ \t]+)?"
    rf"(?i:maintenant|now|d[ée]sormais|aujourd['’]hui|currently|actuellement|today)[ \t]*:?[ \t]*"
    rf"(?:(?i:it['’]s|its|it[ \t]+is|c['’][ \t]?est|cest|is|est)[ \t]+)?"
    rf"({_NAME_WORD27}(?:[ \t]+{_NAME_WORD27}){{0,2}})(?![\w'’-])"
)
_NAME_WORD_BEFORE = re.compile(r"(?<![\w'’-])(?i:name|names|nom|noms|surname|pr[ée]nom)(?![\w'’-])[^.!?\n]{0,60}\Z")
_BEFORE_NOW_KEYS = wordset("maintenant now désormais desormais aujourd currently actuellement today")


def _before_now_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _BEFORE_NOW.finditer(text):
        if not _NAME_WORD_BEFORE.search(text, max(0, m.start() - 60), m.start()):
            continue
        for group in (1, 2):
            names = m.group(group).split()
            if any(_not_a_name_part(w) or w.lower() in PLACES or _CALENDAR.fullmatch(w) for w in names):
                continue
            yield m.span(group)


# Round 42: a relative's phone, then whose it is in brackets: "appelez mon frère au 819 566 2310 (Patrick)", "call my
# sister at [PHONE] (Ama Boateng)"; a given name of the lists first, no place ("+33 1 42 68 53 00 (Paris)").
_PHONE_THEN_NAME = re.compile(
    rf"(?:\[PHONE\]|(?<![\w])\+?[0-9][0-9 ().-]{{5,18}}[0-9])[ \t]*\([ \t]*({_NAME_WORD27}(?:[ \t]+{_NAME_WORD27})?)[ \t]*\)"
)
_KIN_BEFORE_PHONE = re.compile(rf"(?<![\w'’-])(?i:{_RELATION_WORDS})(?:[- ]in[- ]law)?(?![\w'’-])[^.!?\n]{{0,40}}\Z")


def _phone_owner_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _PHONE_THEN_NAME.finditer(text):
        names = m.group(1).split()
        if given_name(names[0]) and not any(_not_a_name_part(w) for w in names) \
                and _KIN_BEFORE_PHONE.search(text, max(0, m.start() - 60), m.start()):
            yield m.span(1)


def _people(scan: Scan) -> Iterator[Candidate]:
    text = scan.text
    words = scan.words
    if "(" in text and (scan.has_digit or "[PHONE]" in text):
        for start, end in _phone_owner_names(text):
            yield start, end, "PERSON", PERSON_P
    if not _BEFORE_NOW_KEYS.isdisjoint(words) and ("name" in words or "nom" in words or "surname" in words
                                                  or "prénom" in words or "prenom" in words or "names" in words):
        for start, end in _before_now_names(text):
            yield start, end, "PERSON", PERSON_P
    for start, end in _asked_for_names(text, words):
        yield start, end, "PERSON", PERSON_P
    yield from _introduced(text, words)
    if "\n" in text and _split_typing(text):  # the same, read across the lines: "im\nRamesh Patel"
        yield from _introduced(text.replace("\n", " "), words)
    yield from _triggered(text, words)
    if "@" in text and (m := _DASH_GIVEN_AT_FIRM.search(text)) and given_name(m.group(1)) and not _plain_word(m.group(1)):
        yield m.start(1), m.end(1), "PERSON", PERSON_P  # round 45: "... by the 28th. - Priya @ Maple Path Immigration"
    if "prénom" in words or "prenom" in words or "name" in words or "nom" in words:
        for m in _NAME_IS_MINE.finditer(text):
            if not _plain_word(m.group(1)) or given_name(m.group(1)):
                yield m.start(1), m.end(1), "PERSON", PERSON_P  # round 45: "oui Grâce c'est mon prénom"
    if "." in text and ("\n" in text or "-" in text or "—" in text or "–" in text):
        for start, end in _initial_signatures(text):
            yield start, end, "PERSON", PERSON_P
    if scan.has_digit and text[-1:].isalpha() and (m := _LAST_ALONE.search(text, max(0, len(text) - 40))) \
            and _LAST_AFTER_NUMBER.search(text, max(0, m.start() - 4), m.start(1)) and common_given_name(m.group(1)) \
            and len(m.group(1)) > 3 and not _CALENDAR.fullmatch(m.group(1)):
        yield m.start(1), m.end(1), "PERSON", PERSON_P  # round 36: "Tél +82 10-7781-3304. Claire": a name that is a word too, signed after a number
    if "," in text and (m := _SIGNED_ROLE.search(text, max(0, len(text) - 60))) \
            and _DEPARTMENTS.isdisjoint(m.group(1).lower().split()) \
            and all(family_name(w) or _clause_given(w) or (_unknown_capital(w) and not w.lower().endswith(_NOT_NAME_ENDINGS))
                    for w in m.group(1).split()) and any(family_name(w) or _clause_given(w) for w in m.group(1).split()) \
            and not any(_plain_word(w) for w in m.group(1).split()):
        yield m.start(1), m.end(1), "PERSON", PERSON_P
    if "(" in text and (aside := _KIN_ASIDE.search(text)):  # round 33: "his dad (my bro) Yaw can pay"
        blanked = text
        while aside:
            blanked = blanked[:aside.start(1)] + " " * (aside.end(1) - aside.start(1)) + blanked[aside.end(1):]
            aside = _KIN_ASIDE.search(text, aside.end())
        for found in _triggered(blanked, words):
            if text[found[0]:found[1]] == blanked[found[0]:found[1]]:
                yield found
    if not COMMON_GIVEN.isdisjoint(words):
        for m in _WORD_NAME_REPORTER.finditer(text):
            if common_given_name(m.group(1)):
                yield m.start(1), m.end(1), "PERSON", PERSON_P
    if "[PERSON]" in text and "(" in text:
        for start, end in _restated_names(text):
            yield start, end, "PERSON", PERSON_P
    if "(" in text and "[" in text:
        for m in _VALUE_OWNER_BRACKET.finditer(text):  # round 47: "[PASSPORT] (Ava)", "[EMAIL] (Pascale)", "[PERSON] (Lucy)"
            if given_name(m.group(1)) and not _plain_word(m.group(1)) and m.group(1).lower() not in CITY_NAMES:
                yield m.start(1), m.end(1), "PERSON", PERSON_P
    if ("for" in words or "pour" in words) and not _PAPERS_KEYS.isdisjoint(words):
        for m in _PAPERS_FOR.finditer(text):
            if _clause_given(m.group(1)) and m.group(1).lower() not in _LOOSE_NOT and m.group(1).lower() not in CITY_NAMES \
                    and _plain(m.group(1)) not in _HOLIDAYS:
                yield m.start(1), m.end(1), "PERSON", PERSON_P
    if "\n" in text and text[:1].isupper() and (record := _RECORD_FIRST_LINE.match(text)):
        found = record.group(1).split()  # round 33: "Xu Wenjie\nE58823104\n13912887450": a pasted record's name line
        if all(not _plain_word(w) and (_unknown_capital(w) or given_name(w) or family_name(w)) for w in found) \
                and any(given_name(w) or family_name(w) for w in found):
            yield record.start(1), record.end(1), "PERSON", PERSON_P
    if "(" in text or not _CORRECTION_KEYS.isdisjoint(words):
        for start, end in _nicknames(text):
            yield start, end, "PERSON", PERSON_P
    if not _CUE_KEYS.isdisjoint(words) or (("me" in words or "moi" in words) and "," in text) or _INITIALS_ANY.search(text):
        for start, end in _cued_names(text, words):
            yield start, end, "PERSON", PERSON_P
    if not _FAMILY_KEYS.isdisjoint(words) or ("the" in words and _PLURAL_HINT.search(text)):
        for start, end in _family_names(text):
            yield start, end, "PERSON", PERSON_P
    if not _ME_KEYS.isdisjoint(words) and ("of" in words or "de" in words or "d" in words or "du" in words):
        for m in _KIN_OF_ME.finditer(text):
            if all(_unknown_capital(w) or _clause_given(w) for w in m.group(1).split()):
                yield m.start(1), m.end(1), "PERSON", PERSON_P
    if "'s" in text or "’s" in text or " de " in text or " d'" in text or " d’" in text:
        for start, end in _possessive_detail_names(text):
            yield start, end, "PERSON", PERSON_P
    if _CAPS_THEN_GIVEN.search(text) is not None:
        for start, end in _titled_family_first(text):
            yield start, end, "PERSON", PERSON_P
    if "Saint-" in text or "St-" in text or "Ste-" in text or "Sainte-" in text:
        for m in _SAINT_FAMILY.finditer(text):
            given = m.group(1)
            before = _LAST_WORD.search(text, max(0, m.start() - 30), m.start())
            if given_name(given) and not _plain_word(given) and given.lower() not in CITY_NAMES and given.lower() not in _PLACE_GIVEN \
                    and not (before and (before.group(1).lower() in _STREET_KEYS or before.group(1).lower() in _PLACE_FIRST)):
                yield m.start(1), m.end(), "PERSON", PERSON_P
    if "[PERSON]," in text or "[PERSON] ," in text:
        for start, end in _masked_list_names(text):
            yield start, end, "PERSON", PERSON_P
    if not _RANK_KEYS.isdisjoint(words):
        for m in _RANKED_CHILD.finditer(text):
            span = _name_at(text, m.end(), strong=False)
            if span and not any(_plain_word(w) or _not_a_name_part(w) for w in text[span[0]:span[1]].split()):
                yield span[0], span[1], "PERSON", PERSON_P


# Round 51: a given name, then a family name of Quebec or Haiti that begins with a saint's ("Kevin Saint-Fleur", "Marie
# St-Onge", "Judith Sainte-Marie"), not after a street's or a place's word ("rue Jean St-Pierre"); merged with the given
# name found alone.
_SAINT_FAMILY = re.compile(
    r"(?<![\w'’-])([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{2,}(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{2,})?)[ \t]+(?:Saint|Sainte|St|Ste)-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{2,}"
    r"(?![\w'’-])"
)


# Round 51: a list of full names, the first found on the first look: the next items of two or three capitalised words
# ("all of us: [PERSON], [PERSON], Wang Hao, Wang Yue —", "[PERSON], Oumar Diallo and Awa Diallo"); each a family
# or a given name of the lists in it, none a word, a place or a body.
_MASKED_LIST_ITEM = re.compile(
    r"[ \t]*+(?:,|&|(?i:and|et))[ \t]++(?:(?i:and|et)[ \t]++)?"
    r"([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]++(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]++)?(?:[ \t]++[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]++(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]++)?){1,2}+)"
    r"(?=[ \t]*+(?:[,;.!?—–)\n]|-[ \t]|&|(?i:and|et)[ \t]|\Z))"
)


def _masked_list_names(text: str) -> Iterator[tuple[int, int]]:
    pos = text.find("[PERSON]")
    while pos >= 0:
        end = pos + len("[PERSON]")
        while (item := _MASKED_LIST_ITEM.match(text, end)) is not None:
            names = item.group(1).split()
            if any(_plain_word(w) or _not_a_name_part(w) or w.lower() in NAME_PARTICLES or not (family_name(w) or given_name(w) or (len(w) <= 4 and _unknown_capital(w)))
                   for w in names) or not any(family_name(w) or given_name(w) for w in names):
                break
            yield item.span(1)
            end = item.end()
        pos = text.find("[PERSON]", end)


# Round 51: a child named by rank after the article, not a possessive ("l'aînée Kimberly a déjà un NAS", "la cadette,
# Inès, ...", "the eldest Kwame is 19"); the capitalised name the ranks' words are followed by.
_RANKED_CHILD = re.compile(
    r"(?<![\w'’-])(?i:l['’]|la[ \t]+|le[ \t]+|the[ \t]+)(?i:a[îi]n[ée]e?|cadette?|benjamine?|pu[îi]n[ée]e?|youngest|eldest|oldest"
    r"|plus[ \t]+(?:jeune|vieux|vieille|grande?|petite?))(?:[ \t]+(?i:one|son|daughter|child|kid|boy|girl|fils|fille))?[ \t]*,?(?=[ \t]*[A-ZÀ-ÖØ-Þ])"
)
_RANK_KEYS = wordset("aîné aînée aine ainee cadet cadette benjamin benjamine puîné puînée youngest eldest oldest plus")


# Round 51: a title (the French "M.", "Mme", "Mlle" and the "Mle", "Sieur", "Dame" of West and Central Africa's letters)
# or a spouse or child, then the family name in capitals, its particles with it ("EL FASSI", "ABOU KHALIL", "MUKENDI wa
# MUKENDI"), then the given names capitalised: "M. EL FASSI Karim", "Le Sieur BAKAYOKO Lassina", "Mle NGUEMA Prisca",
# "Mr TCHOUPO Eric Bertrand", "mon mari MUKENDI wa MUKENDI Jean-Pierre"; the whole name, not the title.
_CAPS_THEN_GIVEN = re.compile(r"[A-ZÀ-ÖØ-Þ]{2}[ \t]+[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]")
_CAPS_WORD = r"[A-ZÀ-ÖØ-Þ]{2,}+(?:[-'’][A-ZÀ-ÖØ-Þ]{2,}+)*+"
_CAPS_PARTICLE = r"(?:EL|AL|ABOU|ABU|BEN|BENT|BIN|IBN|OULD|AIT|AÏT|DA|DE|DI|DOS|DU|VAN|El|Al|Ben|Abou|Ould|Ait|Aït|Ibn)[ \t]++|[ND]['’]"
_TITLED_FAMILY_FIRST = re.compile(
    r"(?<![\w'’-])(?:(?:(?i:le|la)[ \t]+)?(?:M\.|Mr\.?|Mme\.?|Mlle\.?|Mle\.?|Melle\.?|Mr|Sieur|Dame|Monsieur|Madame|Mademoiselle"
    r"|MONSIEUR|MADAME)"
    r"|(?i:mon|ma|my)[ \t]++(?i:mari|femme|[ée]pouse|[ée]poux|fils|fille|p[èe]re|m[èe]re|fr[èe]re|s(?:oe|œ)ur|husband|wife|son|daughter"
    r"|father|mother|brother|sister))[ \t]++"
    rf"((?:{_CAPS_PARTICLE})?{_CAPS_WORD}(?:[ \t]++(?:(?:wa|ya|ba|bin|ben|de|di|da|el|al)[ \t]++)?{_CAPS_WORD}){{0,2}}+"
    r"(?:[ \t]++[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]++(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]++)?){1,3}+)(?![\w'’-])"
)


def _titled_family_first(text: str) -> Iterator[tuple[int, int]]:
    for m in _TITLED_FAMILY_FIRST.finditer(text):
        words = [(w.group(), w.end()) for w in re.finditer(r"\S+", m.group(1))]
        first_given = len(words)
        while first_given and words[first_given - 1][0][1:2].islower():
            first_given -= 1  # the given names close the name; "wa", "El" and the capitals come before
        caps = [w for w, _ in words[:first_given]]
        if any(w.lower() in NOT_NAME or w.lower() in NOT_NAME_CAPITALISED or w.lower() in PLACES or w.lower() in CITY_NAMES
               for w in caps if len(w) > 2 and w.lower() not in NAME_PARTICLES):
            continue
        end = kept = 0
        for w, w_end in words[len(caps):]:
            if _not_a_name_part(w) or _plain_word(w) or not (given_name(w) or _unknown_capital(w)):
                break
            end, kept = w_end, kept + 1
        if kept:
            yield m.start(1), m.start(1) + end


# Round 47: a given name alone in brackets right after a value (masked): whose it is ("HN447103 (Ava)", "p.x@gmail.com
# (Pascale)"), or the name one goes by ("I'm Chen Yu (Lucy)")
_VALUE_OWNER_BRACKET = re.compile(
    r"\[(?:PERSON|EMAIL|PASSPORT|CLIENT_ID|PHONE|SIN|APPLICATION_NUMBER|DATE_OF_BIRTH)\][ \t]*+\([ \t]*+"
    r"([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]++(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]++)?)[ \t]*+\)"
)
# Round 45: a consultant's given name signing after a dash, then "@" and the firm's capitalised words.
_DASH_GIVEN_AT_FIRM = re.compile(
    rf"(?:(?<=[.!?])|(?<=[.!?][ \t])|(?<=\n))[ \t]?[-—–~][ \t]?({_CAPITALISED})[ \t]?@[ \t]?[A-ZÀ-Þ][^\W\d_]+(?![\w.@-])"
)
# Round 45: a name, then that it is the writer's ("oui Grâce c'est mon prénom", "Precious is my first name").
_NAME_IS_MINE = re.compile(
    rf"(?<![\w'’-])({_CAPITALISED})(?:[ \t]*+,[ \t]*+|[ \t]++)(?:c['’][ \t]?est|cest|est|is|it['’]s)[ \t]+(?:bien[ \t]+|really[ \t]+|indeed[ \t]+)?"
    r"(?:mon|my|ma)[ \t]+(?:vrai[ \t]+|real[ \t]+|actual[ \t]+)?(?:pr[ée]nom|first[ \t]+name|given[ \t]+name|name|nom|surname|last[ \t]+name)(?![\w'’-])"
)


# Round 34: a short name said beside the full one: before it in brackets ("my cousin Dev (Devendra Patel)",
# "Seb (Sébastien Lavoie), mon conjoint"), after it in brackets ("Nguyen Van Long (Long)", "Oluwaseun Adeyemi
# (Seun)"), or corrected ("Max, je veux dire Maxime Girard", "Ben, i mean Benjamin Adler"): the short one
# begins the full one's given name, or (after it) is one of its words, or begins or ends one; not "Visa
# (Visitor Record)", "Apt (Apartment 4)", "Sam (sorry, Samsung)" (a given or family name of the lists in the
# full name's first word, every word capitalised, none a place's or a body's).
_CAPW = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+)?"
_NICK_BEFORE = re.compile(rf"(?<![\w'’-])(?P<nick>{_CAPW})[ \t]*\([ \t]*(?P<full>{_CAPW}(?:[ \t]+{_CAPW}){{1,3}})[ \t]*\)")
_NICK_AFTER = re.compile(rf"(?<![\w'’-])(?P<full>{_CAPW}(?:[ \t]+{_CAPW}){{1,3}})[ \t]*\([ \t]*(?P<nick>{_CAPW})[ \t]*\)")
_NICK_CORRECTED = re.compile(
    rf"(?<![\w'’-])(?P<nick>{_CAPW})[ \t]*,?[ \t]+(?i:i[ \t]+mean|i[ \t]+meant|je[ \t]+veux[ \t]+dire|je[ \t]+voulais[ \t]+dire"
    rf"|aka|a\.k\.a\.?|alias|sorry|pardon|d[ée]sol[ée]e?)[ \t]*[,:]?[ \t]+(?P<full>{_CAPW}(?:[ \t]+{_CAPW}){{0,3}})"
)
_CORRECTION_KEYS = wordset("mean meant dire aka alias sorry pardon désolé désolée desole desolee")


def _full_name_words(full: str) -> list[str] | None:
    words = full.split()
    if _plain_word(words[0]) or not (_clause_given(words[0]) or family_name(words[0])
                                     or (_unknown_capital(words[0]) and any(family_name(w) for w in words[1:]))) \
            or any(w.lower() in PLACES or w.lower() in _PLACE_OR_BODY for w in words):
        return None
    return [_plain(w.lower()) for w in words]


def _nicknames(text: str) -> Iterator[tuple[int, int]]:
    for pattern in (_NICK_BEFORE, _NICK_CORRECTED) if "(" in text else (_NICK_CORRECTED,):
        for m in pattern.finditer(text):
            nick, words = _plain(m.group("nick").lower()), _full_name_words(m.group("full"))
            if words and len(nick) >= (3 if _plain_word(nick) else 2) and words[0].startswith(nick):
                yield m.span("nick")  # a plain word too when the full name begins with it: "Dev (Devendra Patel)"
    for m in _NICK_AFTER.finditer(text) if "(" in text else ():
        nick, words = _plain(m.group("nick").lower()), _full_name_words(m.group("full"))
        if words and len(nick) >= 2 and (nick in words or (not _plain_word(nick) and any(
                w.startswith(nick) or w.endswith(nick) for w in words))):
            yield m.span("nick")  # "Nguyen Van Long (Long)": a word said again, even a plain one


# Round 34: more cues before a name. The writer: "mon mari Jean-Pierre et moi-même Ginette", "myself Ama";
# "my husbands name is Rajesh, mine is Sunita" (after a name's word); "You can reach me, Esther, at ...". A full
# name then the paper that bears it ("Zhang Wenjing on the passport (E83920475)", "Thi Lan Pham sur le passeport").
# A relative's initials ("mon oncle JB, 1-506-...", "my cousin AJ is coming"), not an acronym ("my wife PR card").
_MYSELF = re.compile(rf"(?<![\w'’-])(?i:moi-m[êe]me|moi[ \t]+m[êe]me|myself|yo[ \t]+mism[ao])[ \t]*,?[ \t]+({_CAPW})(?![\w'’-])")
_MINE_IS = re.compile(
    rf"(?<![\w'’-])(?i:mine|le[ \t]+mien|la[ \t]+mienne|el[ \t]+m[ií]o|la[ \t]+m[ií]a)[ \t]+(?i:is|est|c['’]est|es|:)[ \t]+({_CAPW})(?![\w'’-])"
)
_ME_APPOSED = re.compile(rf"(?<![\w'’-])(?i:me|moi)[ \t]*,[ \t]*({_CAPW})[ \t]*,")
_ON_THE_PAPER = re.compile(
    rf"(?<![\w'’-])({_CAPW}(?:[ \t]+{_CAPW}){{1,3}})[ \t]+(?i:on|in|sur|dans)[ \t]+(?i:the|my|his|her|their|le|mon|son|sa|ma|ses|mes)"
    r"[ 	]+(?i:passport|passeport|papers|papiers|pr[ 	]+card|card|carte|visa|permit|permis|certificate|certificat|documents?|id)(?![\w'’-])"
)
_KIN_INITIALS = re.compile(
    rf"(?<![\w'’-])(?i:my|mon|ma|his|her|son|sa|our|notre)[ \t]+(?i:{_RELATION_WORDS})[ \t]+([A-Z]{{2}})"
    r"(?=[ 	]*[,;)]|[ 	]*$|[ 	]+(?i:is|est|a|has|will|va|can|peut)(?![\w'’-]))"
)
_ACRONYMS = wordset("""
id pr cv ok us uk usa tv sin uci nas iuc eta ave copr lmia eimt caq dob ddn pgwp ircc cbsa asfc gic ielts tef tcf
bc on qc ab mb sk ns nb pe nl nt nu yt nyc la dc pdf ssn nic cnic aor bil bio cpc vac ow owp sp wp trv ee pnp
rcic ccic cpa cga md phd msc mba esq llb rn cic irb ceo cfo hr
""")
_MYSELF_KEYS = wordset("moi-même moi-meme même meme myself mismo misma")
_MINE_KEYS = wordset("mine mien mienne mío mio mía mia")
_NAME_KEYS = wordset("name nom nombre names")
_PAPER_WORDS = wordset("passport passeport papers papiers card carte visa permit permis certificate certificat documents document id")
_INITIALS_ANY = re.compile(r"(?<![\w'’-])[A-Z]{2,3}(?![\w'’-])")
_CUE_KEYS = wordset("moi-même moi-meme même meme myself mismo misma mine mien mienne mío mio mía mia passport passeport papers "
                    "papiers card carte visa permit permis certificate certificat documents document id")


def _initials_after_kin(text: str, start: int) -> bool:
    return any(m.start(1) == start and m.group(1).lower() not in _ACRONYMS
               for m in _KIN_INITIALS.finditer(text, max(0, start - 40), start + 3))


def _cued_names(text: str, words: frozenset[str]) -> Iterator[tuple[int, int]]:
    for m in _MYSELF.finditer(text) if not _MYSELF_KEYS.isdisjoint(words) else ():
        if _clause_given(m.group(1)):
            yield m.span(1)
    if not _MINE_KEYS.isdisjoint(words) and not _NAME_KEYS.isdisjoint(words):
        for m in _MINE_IS.finditer(text):
            if _clause_given(m.group(1)) or _unknown_capital(m.group(1)):
                yield m.span(1)
    for m in _ME_APPOSED.finditer(text) if ("me" in words or "moi" in words) and "," in text else ():
        if _clause_given(m.group(1)):
            yield m.span(1)
    for m in _ON_THE_PAPER.finditer(text) if not _PAPER_WORDS.isdisjoint(words) else ():
        found = m.group(1).split()
        if not any(_plain_word(w) or w.lower() in PLACES for w in found) and (
                _clause_given(found[0]) or family_name(found[0])) and all(
                _clause_given(w) or family_name(w) or _unknown_capital(w) for w in found):
            yield m.span(1)
    for m in _KIN_INITIALS.finditer(text) if _INITIALS_ANY.search(text) else ():
        if m.group(1).lower() not in _ACRONYMS:
            yield m.span(1)


# A family named by its name: "j'aide la famille Habimana", "the Okafor family"; round 34: wider, a household ("I work for the Kowalski family", "la famille
# Côté-Bergeron", "je travaille chez les Bouchard", "the family hiring me are the Tremblays"), and a couple's
# second name after "Mr and Mrs" ("Mr and Mrs Gurpreet & Harleen Sandhu"). The word is a family name of the
# lists (the couple's given name may be unknown); not "the Royal family", "la famille Canada", "the
# Philippines", "chez les Anglais", "For the Lutala family:" (a table row: a name no list holds).
_FAMILY_WORD = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+)?"
_FAMILY_NAMED = re.compile(
    rf"(?<![\w'’-])(?i:the)[ \t]+(?P<the>{_FAMILY_WORD})[ \t]+(?i:family|families|household|familly|fam)(?![\w'’-])"
    rf"|(?<![\w'’-])(?i:famille|familia|família)[ \t]+(?P<fr>{_FAMILY_WORD})(?![\w'’-])"
    rf"|(?<![\w'’-])(?i:chez)[ \t]+(?i:les)[ \t]+(?P<chez>{_FAMILY_WORD})(?![\w'’-])"
    rf"|(?<![\w'’-])(?i:the)[ \t]+(?P<plural>{_FAMILY_WORD})s(?=[ \t]*(?:[,.;:!?)]|$|(?i:in|at|who|are|were|said|live|family)(?![\w'’-])))"
    rf"|(?<![\w'’-])(?:Mr\.?|M\.)[ \t]+(?:and|&|et)[ \t]+(?:Mrs|Mme|Ms)\.?[ \t]+{_FAMILY_WORD}[ \t]+(?:and|&|et)[ \t]+"
    rf"(?P<couple>{_FAMILY_WORD}[ \t]+{_FAMILY_WORD})(?![\w'’-])"
)
# Round 40: the writers presenting their own family ("nous sommes la famille ...", "we are the ... family", "this is
# the ... family", "c'est la famille ..."): the name need not be in a list.
_SELF_FAMILY_BEFORE = re.compile(
    r"(?<![\w'’-])(?:we[ \t]+are|we['’]re|nous[ \t]+sommes|on[ \t]+est|this[ \t]+is|it['’]s|c['’][ \t]?est|ici)[ \t]+(?:(?:the|la)[ \t]+)?\Z",
    IGNORE_CASE,
)
_PLURAL_HINT = re.compile(r"(?i:the)[ \t]+[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+s(?![\w'’-])")
_FAMILY_KEYS = wordset("family families household familly fam famille familia família chez mrs mme")


def _family_part(word: str, unknown: bool) -> bool:
    low = word.lower()
    if low in PLACES or low in CITY_NAMES or _plain_word(word) or _demonym(low) or (given_name(low) and not family_name(low)):
        return False
    return family_name(low) or (unknown and _unknown_capital(word) and low not in vocabulary() and not _adjective(low)
                                and not low.endswith((*_WORD_ENDINGS, "al", "ale", "elle", "aux", "ic")))


def _family_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _FAMILY_NAMED.finditer(text):
        group = m.lastgroup
        if group is None:
            continue
        word = m.group(group)
        if group == "couple":
            first, family = word.split()
            if (given_name(first) or _unknown_capital(first)) and not _plain_word(first) and _family_part(family, True):
                yield m.span(group)
        elif all(_family_part(part, False) for part in word.split("-")):
            yield (m.start(group), m.end(group) + 1) if group == "plural" else m.span(group)
        elif group in ("the", "fr") and _SELF_FAMILY_BEFORE.search(text, max(0, m.start() - 30), m.start()) \
                and all(_family_part(part, True) for part in word.split("-")):
            yield m.span(group)  # round 40: "nous sommes la famille Kabongo", "we are the Eze family" (a name no list holds)


# Names, written in lower case, whose detail is given: a given name of the lists opening a message
# or a clause, then "'s" and a personal detail's word ("mamadou's new number 438-555-0177 ext. 3",
# "fatima's passport expired", "and kwame's email is ..."), or that detail "de" the name in French
# ("le dossier de kwame est bloqué", "le numéro de fatima c'est ..."). Not a place nor a common
# word ("canada's new rules", "jordan's phone code", "l'adresse de paris"), not a family name alone
# ("mcdonald's phone"). The learned tagger alone scored "mamadou" 0.949, below its threshold, once
# the rules of rounds 31-32 masked the number after it.
_DETAIL_MODIFIERS = (
    r"(?:new|old|current|other|real|right|correct|updated|actual|work|home|personal|cell|mobile|phone|cellphone"
    r"|canadian|passport|application|file|client|travel|study|work|pr|birth|email|e-mail)"
)
_DETAIL_WORDS = (
    r"(?:number|numbers|num|no|phone|cell|cellphone|mobile|tel|whatsapp|address|adress|addresse|email|e-mail|mail"
    r"|courriel|passport|passeport|application|file|uci|client[ \t]+id|birthday|bday|dob|date[ \t]+of[ \t]+birth"
    r"|sin|visa|permit|pr[ \t]+card)"
)
_POSSESSIVE_DETAIL = re.compile(
    r"(?:^|(?<=[.!?;:,(\n])|(?<=[.!?;:,]\s)|" + "|".join(rf"(?<=\b{w}[ \t])" for w in ("and", "but", "also", "btw", "ok", "so", "et", "mais")) + r")[ \t]*"
    r"(?-i:([a-zà-öø-ÿ][a-zà-öø-ÿ-]{2,}))['’]s[ \t]+(?:" + _DETAIL_MODIFIERS + r"[ \t]+){0,2}" + _DETAIL_WORDS
    + r"(?![\w'’-])",
    IGNORE_CASE,
)
_DETAIL_OF = re.compile(
    r"(?<![\w'’-])(?:le|la|l['’]|son|sa|mon|ma)[ \t]*(?:num[ée]ro|num|no|passeport|dossier|adresse|courriel|cell|cellulaire"
    r"|t[ée]l[ée]phone|t[ée]l|date[ \t]+de[ \t]+naissance|demande|permis|iuc|uci|visa)"
    r"(?:[ \t]+(?:de[ \t]+)?(?:t[ée]l[ée]phone|cell|cellulaire|travail|maison|passeport|dossier|demande))?"
    r"[ \t]+(?:de|d['’])[ \t]*(?-i:([a-zà-öø-ÿ][a-zà-öø-ÿ-]{2,}))"
    r"(?=[ \t]*(?:[,.!?;:)\n]|$|(?:est|a|c['’]est|cest|expire|bloqu[ée]e?|svp|stp|please|pls)(?![\w'’-])))",
    IGNORE_CASE,
)


def _possessive_detail_names(text: str) -> Iterator[tuple[int, int]]:
    for pattern in (_POSSESSIVE_DETAIL, _DETAIL_OF):
        for m in pattern.finditer(text):
            word = m.group(1)
            if given_name(word) and _plain_name(word) and not _plain_word(word) and word not in vocabulary() \
                    and word not in _PARENT_CALLS:  # round 50: "le dossier de maman est ..."
                yield m.span(1)


# Round 30: a word-name opening a sentence, someone from a body who said or told something: "Mark from
# the settlement agency told me to write here", "Grace at the front desk said ..." ("Mark from the list
# the documents" is a verb: no reporting verb follows; "the bill from the hospital says" has no capital).
_WORD_NAME_REPORTER = re.compile(
    r"(?:^|(?<=[.!?\n])[ \t]*)(?-i:([A-Z][a-z]+))[ \t]+(?:(?:from|at|with|of)[ \t]+(?:(?:the|my|our|your|a)[ \t]+)?"
    r"(?:[^\W\d_]+[ \t]+){0,4}?(?:told|said|asked|advised|suggested|recommended|helped|explained|referred|called|emailed|mentioned)"
    # "Rose du centre communautaire m'a dit ...", "Grace de l'agence ... m'a conseillé ..."
    r"|(?:du|de[ \t]+la|de[ \t]+l['’]|des|chez|à[ \t]+l['’]|au)[ \t]*(?:[^\W\d_]+['’]?[ \t]*){1,5}?(?:m['’]|nous[ \t]+)a[ \t]+"
    r"(?:dit|conseillé|conseille|suggéré|suggere|recommandé|recommande|expliqué|explique|aidé|aide|appelé|appele|demandé|demande))(?![\w'’-])",
    IGNORE_CASE,
)


# Round 25: a name given again in brackets right after a name, as another document spells it or
# in another script: "Lee Seo-yeon here (Seoyeon Lee on my passport)", "Sofiia Petrenko (Софія
# Петренко)"; seen on the second look, the first name masked. Two or three capitalised words, in
# any script, none a word, place or body: not "[PERSON] (Service Canada)", "(Case Officer)".
_NAME_PART = r"[^\W\d_]+(?:['’-][^\W\d_]+)*"
_RESTATED = re.compile(
    rf"\[PERSON\](?:[ \t]+(?:here|ici))?[ \t]*\([ \t]*((?:{_NAME_PART}|\[PERSON\])(?:[ \t]+(?:{_NAME_PART}|\[PERSON\])){{1,2}})[ \t]*"
    r"(?:(?:on|in|as\s+on|as\s+in|sur|dans|selon)[ \t]+(?:my|mon|ma|his|her|their|the|le|la|son|sa)[ \t]+[^\W\d_]{3,15}[ \t]*"
    # round 28: the script's language named ("Natalia Hrytsenko (Наталія Гриценко en ukrainien)")
    r"|(?:in|en)[ \t]+[^\W\d_]{4,15}[ \t]*)?\)",
    IGNORE_CASE,
)


def _restated_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _RESTATED.finditer(text):
        words = [w for w in m.group(1).split() if w != "[PERSON]"]
        if words and all(not w[0].islower() and (len(w) > 2 or not w.isupper()) for w in words) \
                and not any(_not_a_name_part(w) for w in words):
            yield m.span(1)
        elif words and len(words) >= 2 and all(w.islower() for w in words) and any(family_name(w) for w in words[1:]) \
                and not any(_plain_word(w) or _not_a_name_part(w) or _known(w) for w in words):
            yield m.span(1)  # round 27: in lower case, of the lists: "yo its jay (jayesh patel) lol"


def _not_a_name_part(word: str) -> bool:
    low = word.lower()
    if word.isascii() and low in vocabulary() and not (given_name(low) or family_name(low)):
        return True  # "(Grade Five)", "(Toronto Office)"
    return low in NOT_NAME or low in NOT_NAME_CAPITALISED or low in PLACES or low in CITY_NAMES \
        or low in _PLACE_OR_BODY or low in _BEFORE_A_PLACE or _demonym(low) or _CALENDAR.fullmatch(low) is not None


_TITLE_NEXT = re.compile(r"[ \t]*(?i:mr|mrs|ms|mme|mlle|dr|m)\.[ \t]*(?=[A-ZÀ-Þ[<])|[ \t]*(?:Mr|Mrs|Ms|Mme|Mlle|Dr|M)[ \t]+(?=[A-ZÀ-Þ[<])")


# Round 18: a given name that is also a word, in lower case right after "my name is", where no verb
# or object follows it: "my name is will am born ...", "my name is grace, i need"; not "my name is
# will be changed", "my name is may be wrong".
_COMMON_NAMED = re.compile(
    r"[ \t]*([a-zà-ÿ]+)(?=[ \t]*(?:[,.!?;:)\n]|$)|[ \t]+(?:am|i|im|i['’]m|and|et|from|de|here|ici|my|mon|ma|born|n[ée]e?|je|j['’]ai)(?![\w'’-]))"
)


# Round 18: an adverb between "my name is" and the name is not part of it ("lol my name is literally
# Grace Omondi", "my name is actually Tomás", "mon nom est vraiment ...").
_NAME_ADVERB = re.compile(
    r"[ \t]*(?i:actually|really|literally|officially|legally|just|only|still|now|also|simply|basically|technically|truly"
    r"|vraiment|officiellement|juste|toujours|maintenant|aussi|en\s+fait)[ \t]+(?=[^\W\d_]|\[)"
)


# Round 48: a form's name split in parts, each part's label a bare word once another label said "name" ("Fam name:
# NDIAYE / first: Awa", "Surname: VILLANUEVA / Given: JEROME / Middle: MACARAEG", "Apellido: Ruiz | Nombre: Ana").
_PART_LABEL = re.compile(
    r"(?:^|(?<=[\n/|;,(]))[ \t]*(?:given|first|middle|last|family|fam|other|second|nombres?|apellidos?|primer|segundo|pr[ée]noms?"
    r"|nome|sobrenome|vorname|nachname)(?:[ \t]+names?)?(?:[ \t]*\((?:s|[^()\n]{1,20})\))?[ \t]*[:=][ \t]*(?=[^\W\d_])",
    IGNORE_CASE,
)
_PART_LABEL_KEYS = wordset("given first middle last family fam other second nombre nombres apellido apellidos primer segundo prénom prenom prénoms prenoms nome sobrenome vorname nachname")


# Round 48: the rest of the name on the next line, as a narrow box or a phone's line cut it ("my name is maria\nfernanda
# lopez", "Nom : Jean-Baptiste\nMukendi\nné le ..."): the next line holds only one to three words of a name, written
# as the first line's are, none a word of the language, a place or a people.
_NEXT_LINE_NAME = re.compile(
    r"[ \t]*+\n[ \t]*+([^\W\d_]{2,}+(?:['’-][^\W\d_]++)*+(?:[ \t]++[^\W\d_]{2,}+(?:['’-][^\W\d_]++)*+){0,2}+)[ \t]*+[.!,]?[ \t]*+(?:\n|\Z)"
)


def _next_line_rest(text: str, start: int, end: int) -> int:
    """Where the name start:end ends with the words of the next line that go on with it (see _NEXT_LINE_NAME)."""
    m = _NEXT_LINE_NAME.match(text, end)
    if m is None:
        return end
    first, rest = text[start:end].split(), m.group(1).split()
    if len(first) + len(rest) > 5 or any(w.lower() in NOT_NAME or w.lower() in NOT_NAME_CAPITALISED or w.lower() in PLACES
                                         or w.lower() in CITY_NAMES or w.lower() in COUNTRIES or _plain_word(w) for w in rest):
        return end
    if all(w.islower() for w in first):
        fits = all(w.islower() and _plain_name(w) and w not in vocabulary() for w in rest) \
            and any(given_name(w) or family_name(w) for w in rest)
    elif all(w.isupper() for w in first):
        fits = all(w.isupper() for w in rest)
    else:
        fits = all(w[0].isupper() and not w.isupper() and (given_name(w) or family_name(w) or _unknown_capital(w)) for w in rest)
    return m.end(1) if fits else end


_LABEL_LINE = re.compile(r"[^\n:]{0,40}:[ \t]*(?:\n|\Z)")
# round 48: or another field's label without its colon ("Prénom\nDate de naissance", "Name\nAddress")
_FIELD_LINE = re.compile(
    r"(?i:date[ \t]+(?:of[ \t]+birth|de[ \t]+naissance)|lieu[ \t]+de[ \t]+naissance|place[ \t]+of[ \t]+birth|address|adresse"
    r"|phone|t[ée]l[ée]phone|e-?mail|courriel|passport|passeport|nationalit[yé]|sexe?|gender|dob|ddn)(?![\w'’-])[^\n]{0,20}(?:\n|\Z)"
)


def _introduced(text: str, words: frozenset[str]) -> Iterator[Candidate]:
    """Names after "my name is", "I'm", "soy"... (see _STRONG, _SELF, _SELF_OTHER)."""
    strong = [] if _STRONG_KEYS.isdisjoint(words) else list(_strong_matches(text))
    if ("\n" in text and ("name" in words or "nom" in words or "prénom" in words or "prenom" in words)) \
            or not _STRONG_FIELD_KEYS.isdisjoint(words):
        strong.extend(_STRONG_FIELD.finditer(text))
    if not _STRONG_OTHER_KEYS.isdisjoint(words):
        strong.extend(_STRONG_OTHER.finditer(text))
    if strong and ":" in text and not _PART_LABEL_KEYS.isdisjoint(words):
        strong.extend(_PART_LABEL.finditer(text))
    if strong:
        for m in strong:
            if not _names_a_thing(text, m.start(), m.group()):
                title = _TITLE_NEXT.match(text, m.end()) or _NAME_ADVERB.match(text, m.end())  # "s'appelait M. Ricardo Lima"
                span = _name_at(text, title.end() if title else m.end(), strong=True)
                if span is None and (word := _COMMON_NAMED.match(text, m.end())) and common_given_name(word.group(1)):
                    span = word.span(1)  # "my name is will am born on ...", "my name is grace, i need"
                if (span is None or span[1] - span[0] == 1) and (initial := _INITIAL_FAMILY.match(text, m.end())) \
                        and (family_name(initial.group(2)) or _unknown_capital(initial.group(2))):
                    span = initial.start(1), initial.end(2)  # round 42: "name on card R. Dasgupta": the given name's initial
                if span and " " not in text[span[0]:span[1]]:
                    given = _GIVEN_AFTER.match(text, span[1])
                    if given and not any(
                        w.lower() in NOT_NAME or w.lower() in NOT_NAME_CAPITALISED for w in given.group(1).split()
                    ):
                        span = (span[0], given.end(1))
                if span and "\n" in text[span[1]:span[1] + 4]:
                    span = (span[0], _next_line_rest(text, span[0], span[1]))
                if span and m.re is _PART_LABEL and (_CALENDAR.fullmatch(first := text[span[0]:span[1]].split()[0]) is not None
                                                     or (_plain_word(first) and not (given_name(first) or family_name(first)))):
                    continue  # round 48: "Last: Monday I called": a bare part label before a word is no form's
                if span and "\n" in text[m.start():span[0]] and (_LABEL_LINE.match(text, span[0]) or _FIELD_LINE.match(text, span[0])):
                    continue  # round 48: a form left empty, the next line is the next field's label ("Prénom :\nDate de naissance :")
                if span:
                    yield span[0], span[1], "PERSON", PERSON_P
    if not _SELF_KEYS.isdisjoint(words):
        for m in _SELF.finditer(text):
            # "I go by ted" anywhere; "im sarah" / "its maria" where one introduces oneself.
            two = m.lastgroup == "two"
            lowercase = 2 if two and "go" in m.group().lower() else 0
            if _OPENING.fullmatch(text, 0, m.start()) is not None:
                lowercase = 3 if _given_next(text, m.end()) else 2  # "its maria joão silva,"
            elif not lowercase and _given_next(text, m.end()):
                lowercase = 1  # "DM: i'm sara from tehran": a given name of the lists, alone
            span = _name_at(text, m.end(), strong=False, lowercase=lowercase)
            span = _longer(span, _shouted_at(text, m.end()))
            if span:
                yield span[0], span[1], "PERSON", PERSON_P
        if "c" in words:
            for m in _C_EST.finditer(text):
                if _OPENING.fullmatch(text, 0, m.start()) is not None:
                    span = _name_at(text, m.end(), strong=False, lowercase=2)
                    if span:
                        yield span[0], span[1], "PERSON", PERSON_P
    if not _SELF_OTHER_KEYS.isdisjoint(words):
        for m in _SELF_OTHER.finditer(text):
            lowercase = 1 if _given_next(text, m.end()) else 0  # "hola, soy daniela,"
            span = _longer(_name_at(text, m.end(), strong=False, lowercase=lowercase), _shouted_at(text, m.end()))
            if span:
                yield span[0], span[1], "PERSON", PERSON_P


# Round 29: a family signing the message after a dash or on a line of its own ("- the Carters",
# "— les Tremblay"): the family name (in English its plural), not a word nor a place.
_FAMILY_SIGNATURE = re.compile(
    r"(?:[-—–~]+|\n)[ \t]*(?:[Tt]he|THE|[Ll]es|LES)[ \t]+([A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)?)[ \t]*[.!]*" + _EMOJI + r"\s*\Z"
)


def _family_signatures(text: str) -> Iterator[tuple[int, int]]:
    m = _FAMILY_SIGNATURE.search(text, max(0, len(text) - 60))
    if m is None:
        return
    word = m.group(1)
    if m.group().lstrip("-—–~\n \t")[:1] in "Tt":
        if not word.endswith("s") or word.endswith("ss"):
            return
        stem = word[:-2] if word.endswith("es") and family_name(word[:-2]) else word[:-1]
    else:
        stem = word
    low = stem.lower()
    if _plain_word(stem) or _plain_word(word) or low in PLACES or low in CITY_NAMES or low in NOT_NAME_CAPITALISED \
            or low in _BUSINESS or word.lower() in _NOT_FAMILY_SIGNATURE:
        return
    yield m.start(1), m.end(1)


_NOT_FAMILY_SIGNATURE = wordset("""
rockies maritimes prairies americas philippines bahamas netherlands emirates maldives seychelles comoros grenadines
caymans andes alps himalayas territories islands states antilles azores canaries hebrides laurentians
""")


# Round 29: a given name of the lists said alone as a sentence, after the writer spoke of themself ("call me
# 250 555 0113. Kenji. im at the hospital", "its me again. same guy. Babajide. the one with ...").
_LONE_NAME = re.compile(r"(?<=[.!?])[ \t]+([A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?)[ \t]*[.!](?=[ \t]|\Z)")
_NOT_LONE_NAME = wordset("ramadan ramzan eid diwali easter christmas noël noel hajj may june april august")
_ME_BEFORE = re.compile(r"(?<![\w'’-])(?:me|guy|girl)(?![\w'’-])", IGNORE_CASE)


def _lone_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _LONE_NAME.finditer(text):
        word = m.group(1)
        if given_name(word) and not _plain_word(word) and word.lower() not in _NOT_LONE_NAME and word.lower() not in PLACES and word.lower() not in CITY_NAMES \
                and _ME_BEFORE.search(text, max(0, m.start() - 80), m.start()):
            yield m.start(1), m.end(1)


# Round 31: a parent's word without "my" (see _WEAK) names the person only with a name's shape after it:
# two words or more, or a given name of the lists, none a plain word, a place or a country.
_BARE_KIN = wordset("mom mum dad grandpa grandma grandmother grandfather maman grand-mère grand-mere grand-père grand-pere papa mama")


_SERVED = wordset("client cliente patient patiente")


def _bare_kin_name(words: list[str], one: bool = False) -> bool:
    """Whether `words` have a name's shape (see _BARE_KIN); `one`: a single word no list knows will do."""
    if not words or (len(words) < 2 and not one and not given_name(words[0])) or _like_a_place(words):
        return False
    return not any(_plain_word(w) or w.lower() in PLACES or w.lower() in NOT_NAME_CAPITALISED or w.lower() in CITY_NAMES
                   or w.lower() in _BUSINESS or (w.lower() in vocabulary() and not given_name(w) and not family_name(w))
                   for w in words)


# Round 48: a name written in Latin letters and again in its own script right after it, at a line's start ("Zhang Yifan /
# 张一帆", "Kim Min-jun (김민준)", "Sato Haruki, 佐藤陽翔"): the script says the Latin words are the name.
_BOTH_SCRIPTS = re.compile(
    r"(?:^|(?<=\n))[ \t]*+([A-ZÀ-Þ][a-zà-ÿ]++(?:-[A-Za-zà-ÿ]++)?(?:[ \t]++[A-ZÀ-Þ][a-zà-ÿ]++(?:-[A-Za-zà-ÿ]++)?){1,2})"
    r"[ \t]*+(?:[(（/,][ \t]*+)"
    "([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]{2,5})(?![\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af])"
)
_ANY_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def _both_scripts_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _BOTH_SCRIPTS.finditer(text):
        words = m.group(1).split()
        if any(_plain_word(w) or _not_a_name_part(w) for w in words if not (given_name(w) or family_name(w))):
            continue
        yield m.span(1)
        yield m.span(2)


# Round 48: the words before "(family name first)", "(surname first)", "(nom de famille en premier)" are the name, whatever
# words they are ("Ong Bee Leng (family name first)", "Tan Wei Ming (surname first)")
_ORDER_NOTED = re.compile(
    r"(?:^|(?<=[\n:;,]))[ \t]*+([A-ZÀ-Þ][^\W\d_]*+(?:['’-][^\W\d_]++)*+(?:[ \t]++[A-ZÀ-Þ][^\W\d_]*+(?:['’-][^\W\d_]++)*+){1,3}+)[ \t]*+"
    r"\([ \t]*+(?i:(?:family|sur|last)[ \t]*+name[ \t]++(?:first|1st|comes[ \t]++first)|nom[ \t]++de[ \t]++famille[ \t]++(?:en[ \t]++)?premier"
    r"|nom[ \t]++en[ \t]++premier)"
)


# Round 48: who to call back, then where: "callback for ivan horvat at 905-555-0111", "rappelez marie-eve roy au 514 ...",
# "reach Tomasz Nowak on +48 ...": one to three words of a name between the call's word and the phone, in lower case
# too when one is a name of the lists and none a word
_CALL_WORDS = wordset("call callback back reach contact rappeler rappelez rappelle rappel appeler appelez appelle joindre texter text")
_CALL_FOR_AT = re.compile(
    r"(?<![\w'’-])(?i:call[ \t]*+back|callback|call|reach|contact|rappel(?:er|ez|le)?|appel(?:er|ez|le)|joindre|texter|text)"
    r"[ \t]++(?:(?i:for|pour)[ \t]++)?"
    r"([^\W\d_]{2,}+(?:['’-][^\W\d_]++)*+(?:[ \t]++[^\W\d_]{2,}+(?:['’-][^\W\d_]++)*+){0,2})"
    r"[ \t]++(?i:at|on|au|sur|@)[ \t]++(?=\+?[0-9(])"
)


def _call_for_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _CALL_FOR_AT.finditer(text):
        found = m.group(1).split()
        if any(w.lower() in NOT_NAME or w.lower() in NOT_NAME_LOWERCASE or w.lower() in NOT_NAME_CAPITALISED
               or _plain_word(w) or w.lower() in PLACES or w.lower() in CITY_NAMES for w in found):
            continue
        if all(w.islower() for w in found):
            if not (all(_plain_name(w) and w not in vocabulary() for w in found) and any(given_name(w) or family_name(w) for w in found)):
                continue
        elif not all(w[0].isupper() for w in found):
            continue
        yield m.span(1)


def _triggered(text: str, words: frozenset[str]) -> Iterator[Candidate]:
    """Names after relatives, titles, greetings, sign-offs..., in brackets, before details."""
    if _ASCII_DIGIT.search(text) is not None and not _CALL_WORDS.isdisjoint(words):
        for start, end in _call_for_names(text):
            yield start, end, "PERSON", PERSON_P
    if "(" in text and ("first" in words or "premier" in words):
        for m in _ORDER_NOTED.finditer(text):
            if not any(w.lower() in NOT_NAME or w.lower() in PLACES or w.lower() in COUNTRIES for w in m.group(1).split()):
                yield m.start(1), m.end(1), "PERSON", PERSON_P
    if _ANY_CJK.search(text) is not None:
        for start, end in _both_scripts_names(text):
            yield start, end, "PERSON", PERSON_P
    if "the" in words or "les" in words:
        for start, end in _family_signatures(text):
            yield start, end, "PERSON", PERSON_P
    if "me" in words:
        for start, end in _lone_names(text):
            yield start, end, "PERSON", PERSON_P
    if not _WEAK_KEYS.isdisjoint(words) or "M." in text:
        weak = list(_WEAK.finditer(text))
        if ":" in text or not _WEAK_FIELD_HINTS.isdisjoint(words):
            weak.extend(_WEAK_FIELD.finditer(text))
        for m in weak:
            title = m.group().rstrip(".,: ").rsplit(None, 1)[-1].lower()
            titled = title in _TITLES
            span = _name_at(text, m.end(), strong=False, titled=titled)
            if span is None and title in _PLAIN_TITLES and m.group().endswith("."):
                span = _lower_after_title(text, m.end())  # "mr. sharma is my sponsor"
            if span is None and title in _PLAIN_TITLES:
                span = _listed_lower(text, m.end())  # "mrs adeyemi called", "mr john o'connor"
            if span and title in _ROLE_TITLES and text[span[0]:span[1]].split()[0].lower() in _ROLES:
                span = None  # "Sr. Software Engineer", "Hon. Minister", "Madam President"
            if span and title in _NAMING_TITLES and any(_not_a_name_part(w) for w in text[span[0]:span[1]].split()):
                span = None  # round 26: "Reverend Street", "Pasteur Institute": a place, not a person
            if span and not _EMPLOYERS.isdisjoint(_TOKEN.findall(m.group().lower().replace(",", " "))) \
                    and not _employer_person(text[span[0]:span[1]].split()):
                span = None  # "my employer, Desjardins": an employer is often a company
            if span is None and title in _NAMING:
                span = _one_listed_lower(text, m.end())  # round 22: "office lady named linda told me"
            if span and title in _NAMING and _PET.search(text, max(0, m.start() - 30), m.start()):
                span = None  # "my dog is called Max": a pet
            bare = m.group().strip().lower() in _BARE_KIN
            if span and bare and not _bare_kin_name(text[span[0]:span[1]].split()):
                span = None  # round 31: "dad Air Canada lost his bag", "mom Facebook messaged me"
            if span and title in _SERVED and not _bare_kin_name(text[span[0]:span[1]].split(), one=True):
                span = None  # round 31: "my client Portal account", "my patient Number is"
            span = _longer(span, _shouted_at(text, m.end()))
            relation = _RELATION.search(m.group()) if span is None and not bare else None
            if relation and _NOT_FAMILY.isdisjoint(relation.group().lower().split()):  # "my partner sean mcdonald and I", "my sister, tran thi mai, ..."
                low = _before_a_verb(text, _name_at(text, m.end(), strong=False, lowercase=3))
                # no comma: a verb may follow ("my dad drives trucks"), names rarely end in -s
                first = text[low[0]:low[1]].split()[0] if low else ""
                if _several_words(text, low) and (relation.group(1) or not first.endswith("s") or given_name(first)):
                    span = low
                elif low is None or not _several_words(text, low):
                    span = _lower_before_verb(text, m.end()) or _one_listed_lower(text, m.end())
            elif relation:  # "my manager tiago said": one given name of the lists only
                span = _one_listed_lower(text, m.end())
            elif span is None and _OF.search(m.group()):  # "la mère de yanis", "From: kelechi nwosu"
                span = _listed_lower(text, m.end())
            if span:
                yield span[0], span[1], "PERSON", PERSON_P
    if not _DEVICE_KEYS.isdisjoint(words):
        m = _ABOVE_DEVICE.search(text, max(0, len(text) - 120))
        if m and all(_name_word(w, w.lower(), True, False, i, False) for i, w in enumerate(m.group(1).split())):
            yield m.start(1), m.end(1), "PERSON", PERSON_P
    if "," in text or "/" in text or "|" in text or ";" in text:
        for start, end in _record_opening_names(text):
            yield start, end, "PERSON", PERSON_P
        if _ASCII_DIGIT.search(text) is not None and ("/" in text or "|" in text or ";" in text):
            for start, end in _record_closing_names(text):
                yield start, end, "PERSON", PERSON_P
    if not _ROLE_LOWER_KEYS.isdisjoint(words):
        for start, end in _role_lower_names(text):
            yield start, end, "PERSON", PERSON_P
    if "name" in words or "nom" in words:
        for start, end in _bare_names(text):
            yield start, end, "PERSON", PERSON_P
    if not _GREETED_KEYS.isdisjoint(words):
        for start, end in _greeted_names(text):
            yield start, end, "PERSON", PERSON_P
    if "here" in words or "ici" in words:
        for start, end in _here_names(text):
            yield start, end, "PERSON", PERSON_P
    if not _APPOSITION_KEYS.isdisjoint(words) or "I," in text or "I ," in text:
        for start, end in _apposition_names(text):
            yield start, end, "PERSON", PERSON_P
    if not _BORN_KEYS.isdisjoint(words) or not _MARRIED_KEYS.isdisjoint(words):
        for start, end in _born_names(text):
            yield start, end, "PERSON", PERSON_P
    if "." in text:
        for start, end in _initial_names(text):
            yield start, end, "PERSON", PERSON_P
    if "(" in text:
        for start, end in _bracket_names(text):
            yield start, end, "PERSON", PERSON_P
        if not text.isascii():
            for start, end in _native_names(text):
                yield start, end, "PERSON", PERSON_P
    if not _GROUP_KEYS.isdisjoint(words):
        for start, end in _group_names(text):
            yield start, end, "PERSON", PERSON_P
    if "names" in words or "noms" in words or not _GROUP_KEYS.isdisjoint(words):
        for start, end in _names_list(text):
            yield start, end, "PERSON", PERSON_P
    if not _LITTLE_KEYS.isdisjoint(words):
        for start, end in _little_names(text):
            yield start, end, "PERSON", PERSON_P
    if "\n" in text:
        for start, end in _last_line_names(text):
            yield start, end, "PERSON", PERSON_P
        for start, end in _detail_signed_names(text):
            yield start, end, "PERSON", PERSON_P
        if "@" in text or " at " in text or "(at)" in text or "[at]" in text:
            for start, end in _mailbox_echo_names(text):
                yield start, end, "PERSON", PERSON_P
    if not _SPELLING_KEYS.isdisjoint(words):
        for start, end in _quoted_spellings(text):
            yield start, end, "PERSON", PERSON_P
    if "-" in text and not _SPELT_KEYS.isdisjoint(words):
        for start, end in _spelt_names(text):
            yield start, end, "PERSON", PERSON_P
    if "born" in words or "né" in words or "née" in words:
        for start, end in _born_child_names(text):
            yield start, end, "PERSON", PERSON_P
    if len(text) <= 40 and (whole := _WHOLE_TWO_WORDS.fullmatch(text)) is not None and family_name(whole.group(2)) \
            and common_given_name(whole.group(1)) and not _plain_word(whole.group(2)) \
            and whole.group(2).lower() not in vocabulary() and whole.group(2).lower() not in NOT_NAME:
        yield whole.start(1), whole.end(2), "PERSON", PERSON_P  # round 52: the message is "Summer Lee": a chat's answer
    if not _MAIL_TO_KEYS.isdisjoint(words):
        for start, end in _mail_to_names(text):
            yield start, end, "PERSON", PERSON_P
    if "@" in text:
        for start, end in _mailbox_given_names(text):
            yield start, end, "PERSON", PERSON_P
    if "," in text and _RECORD_DATE_HINT.search(text) is not None:
        for start, end in _lower_record_names(text):
            yield start, end, "PERSON", PERSON_P
    listed = None  # whether a word of the message is a name of the lists, when asked
    for finder in (_relative_names, _named_with_who, _me_comma_names, _surname_comma_names, _common_named):
        for start, end in finder(text):
            yield start, end, "PERSON", PERSON_P
    listed = any_listed(words, text.isascii())
    named = listed or _word_names(text, words) or not _PLACE_GIVEN.isdisjoint(words)
    if not _CLAUSE_NAME_KEYS.isdisjoint(words):
        for start, end in _clause_names(text, words, named):
            yield start, _family_after(text, end), "PERSON", PERSON_P
    for start, end in _object_names(text, words):
        yield start, _family_after(text, end), "PERSON", PERSON_P
    if named or "(" in text:
        for start, end in _more_clause_names(text):
            yield start, _family_after(text, end), "PERSON", PERSON_P
        if not _ADDRESSED_KEYS.isdisjoint(words):
            for start, end in _addressed_names(text):
                yield start, _family_after(text, end), "PERSON", PERSON_P
    if (_ASCII_DIGIT.search(text) is not None) if text.isascii() else any(c.isdigit() for c in text):
        for start, end in _contact_opening_names(text):
            yield start, end, "PERSON", PERSON_P
        for start, end in chain(_address_opening_names(text), _signed_after_number(text)):
            yield start, end, "PERSON", PERSON_P
    if "I " in text:
        for start, end in _formal_i_names(text):
            yield start, end, "PERSON", PERSON_P
    if _TWO_CAPITALS.search(text) is not None:  # these two need a name of two capitalised words
        if not _DETAIL_KEYS.isdisjoint(words) or (":" in text and not _STREET_KEYS.isdisjoint(words)):
            for start, end in _detailed_names(text, not _DETAIL_KEYS.isdisjoint(words)):
                yield start, end, "PERSON", PERSON_P
        for start, end in _listed_opening_names(text):
            yield start, end, "PERSON", PERSON_P
        listed = any_listed(words, text.isascii()) if listed is None else listed
        if listed:
            for start, end in _listed_names(text):
                yield start, end, "PERSON", PERSON_P
            for start, end in _surname_first_names(text):
                yield start, end, "PERSON", PERSON_P
    if len(words) <= 7 and len(text) <= 60:
        listed = any_listed(words, text.isascii()) if listed is None else listed
        answer = _answer_name(text) if listed or not _ARABIC_LINKS.isdisjoint(words) else None
        if answer:
            yield answer[0], answer[1], "PERSON", PERSON_P
    if not _SURNAME_KEYS.isdisjoint(words):
        for start, end in _surname_label_names(text):
            yield start, end, "PERSON", PERSON_P
    if not _GIVEN_LABEL_KEYS.isdisjoint(words):
        for start, end in _given_label_names(text):
            yield start, end, "PERSON", PERSON_P
    if "," in text and _COMMA_CAPITAL.search(text) is not None:
        listed = any_listed(words, text.isascii()) if listed is None else listed
        for start, end in _reversed_names(text) if listed or not _ONE_PERSON_LABELS.isdisjoint(words) else ():
            yield start, end, "PERSON", PERSON_P
    if (not _LOWER_CUE_KEYS.isdisjoint(words) or "(" in text) and (listed if listed is not None else any_listed(words, text.isascii())):
        for start, end in _lower_listed_names(text):
            yield start, end, "PERSON", PERSON_P
    if not _ABOUT_KEYS.isdisjoint(words):
        for start, end in _about_names(text):
            yield start, end, "PERSON", PERSON_P
    if "-" in text and not _KOREAN_FAMILY_KEYS.isdisjoint(words):
        for start, end in _korean_names(text):
            yield start, end, "PERSON", PERSON_P
    if not _VIET_MIDDLE_KEYS.isdisjoint(words):
        for m in _VIETNAMESE.finditer(text):
            given = m.group().split()[2:]
            if (m.group().split()[1] != "Van" or all(given_name(w) or _plain(w) in _VIET_SYLLABLES for w in given)) \
                    and _PLACE_WORD_AFTER.match(text, m.end()) is None:  # not "Do Van Morrison", "Tran Thi Ly road"
                yield m.start(), m.end(), "PERSON", PERSON_P
        for m in _VIETNAMESE_LOWER.finditer(text):
            given = m.group(1).split()
            last = given[-1].lower()  # not "vo van thanh my passport"
            end = m.end() if _plain(last) in _VIET_SYLLABLES and last not in NOT_NAME and last not in NOT_NAME_LOWERCASE else m.start(1) + m.group(1).index(given[0]) + len(given[0])
            if _plain(given[0]) in _VIET_SYLLABLES and _PLACE_WORD_AFTER.match(text, end) is None:
                yield m.start(), end, "PERSON", PERSON_P
    if "name" in words or "nom" in words or "prénom" in words or "prenom" in words:
        for start, end in _name_before_naming(text):
            yield start, end, "PERSON", PERSON_P
    if "-" in text and _JOINED_PARTICLE.search(text):
        for m in _JOINED_PARTICLE_LOWER.finditer(text):
            given, family = m.group(1), m.group(2)
            if _plain_name(given) and given not in vocabulary() and given not in _NOT_PARTICLE_NAME \
                    and _plain_name(family) and family.split("-", 1)[1] not in vocabulary() \
                    and family not in CITY_NAMES and family not in PLACES \
                    and _PLACE_WORD_AFTER.match(text, m.end()) is None and _STREET_AFTER.match(text, m.end()) is None:
                yield m.start(), m.end(), "PERSON", PERSON_P
    if not _VIET_FAMILY_KEYS.isdisjoint(words) and len(_VIET_SYLLABLES & words) > 1:
        for start, end in _vietnamese_plain(text):
            yield start, end, "PERSON", PERSON_P
    if "@" in text:
        for start, end in _mailed_names(text):
            yield start, end, "PERSON", PERSON_P
    if "<" in text:
        for start, end in _quoted_senders(text):
            yield start, end, "PERSON", PERSON_P
    if not _TOGETHER_KEYS.isdisjoint(words):
        for start, end in _together_names(text):
            yield start, end, "PERSON", PERSON_P
    if not _ACTED_FOR_KEYS.isdisjoint(words):
        for start, end in _acted_for_names(text):
            yield start, end, "PERSON", PERSON_P
    if not _AS_ROLE_KEYS.isdisjoint(words):
        for start, end in _as_role_names(text):
            yield start, end, "PERSON", PERSON_P
    if "\n" in text and ":" in text:
        for start, end in _split_name_lines(text):
            yield start, end, "PERSON", PERSON_P
    if ("\n" in text and ("|" in text or "\t" in text or ";" in text)) or " / " in text:
        for start, end in _table_names(text):
            yield start, end, "PERSON", PERSON_P
    if "[" in text:
        for start, end in _valued_list_names(text):
            yield start, end, "PERSON", PERSON_P
    if "-" in text or "—" in text or "–" in text:
        for start, end in _dashed_names(text):
            yield start, end, "PERSON", PERSON_P
    if "under" in words:
        for start, end in _under_names(text):
            yield start, end, "PERSON", PERSON_P
    if not _ATTN_KEYS.isdisjoint(words):
        for start, end in _attn_names(text):
            yield start, end, "PERSON", PERSON_P
    if "name" in words or "nom" in words or "names" in words or "surname" in words or "prénom" in words \
            or "prenom" in words or "prénoms" in words:
        for start, end in _stated_names(text):
            yield start, end, "PERSON", PERSON_P
        for start, end in _bare_label_names(text):
            yield start, end, "PERSON", PERSON_P
    if not _SIGN_OFF_KEYS.isdisjoint(words) or _dash_signature_hint(text):
        m = _SIGN_OFF.search(text, max(0, len(text) - 200))
        if m and not _in_list(text, m.start()):
            span = _name_at(text, m.end(), strong=False)
            shouted = _shouted_at(text, m.end())
            if shouted and _THANKS_FOR.match(text, shouted[0]):
                shouted = None  # round 50: "MERCI DE CORRIGER": what one thanks for, shouted
            span = _longer(span, shouted)
            if span is None:  # "thx\nnikolai petrov"
                low = _name_at(text, m.end(), strong=False, lowercase=3)
                if low and text[low[0]:low[1]].split()[0].lower() in _FILLERS:
                    low = _name_at(text, low[0] + len(text[low[0]:low[1]].split()[0]), strong=False, lowercase=3)
                if low and text[low[0]:low[1]].split()[0].lower() in _ASK_AFTER_THANKS and len(text[low[0]:low[1]].split()) > 1:
                    low = _name_at(text, low[0] + len(text[low[0]:low[1]].split()[0]), strong=False, lowercase=3)
                if _several_words(text, low) and _SIGN_OFF_KEYS.isdisjoint(text[low[0]:low[1]].lower().split()) \
                        and (_THANKS_FOR.search(m.group()) is None or given_name(text[low[0]:low[1]].split()[0])):
                    span = low  # not "merci de me répondre vite": what one thanks for
                elif low and len(text[low[0]:low[1]]) > 2 and given_name(text[low[0]:low[1]]):
                    span = low  # "tysm nadia": one lower-case word, a given name of the lists
                elif low and _unknown_signature(text, low, m):
                    span = low  # "ok thx so much, chidinma": a word no list nor text knows, signing
            initial = _FINAL_INITIAL.match(text, span[1]) if span else None
            if initial:  # "Merci d'avance\nSophie L."
                span = (span[0], initial.end())
            if span and _SIGN_OFF_KEYS.isdisjoint(text[span[0]:span[1]].lower().split()) \
                    and _WISHES.isdisjoint(text[span[0]:span[1]].lower().split()) \
                    and (_END.fullmatch(text, span[1]) or _CONTACT_LINES.fullmatch(text, span[1])):
                yield span[0], span[1], "PERSON", PERSON_P
    if ("\n" in text or "," in text) and not _CLOSING_KEYS.isdisjoint(words):
        for start, end in _signed_blocks(text):
            yield start, end, "PERSON", PERSON_P


# A name of the lists anywhere, with no trigger: two to four capitalised words (or words in
# capitals) on one line, a given name first and a family name last, every word a name of the
# lists ("Tatiana Morozova", "Carlos Eduardo Mendes", "Guo Mingyu", "JEAN-PIERRE DUBOIS"),
# particles between them ("Fatima Zahra el Idrissi"). Words around them that are not names are
# left out ("Hi Anjali Sharma,", "consultant Babajide Oyelaran RCIC"), unless they say the words
# name a place or a body ("Rue Jean Talon", "Jean Brillant Park", "Tim Hortons Inc").
# round 25: and Vietnamese capitals, "TRẦN MINH ĐỨC" (Đ and the letters with two marks lie outside À-Þ)
_VIETNAMESE_CAPITALS = "ĐƠƯĨŨ" + "".join(chr(c) for c in range(0x1EA0, 0x1EFA) if chr(c).isupper())
_NAME_RUN_WORD = rf"[A-ZÀ-ÖØ-Þ{_VIETNAMESE_CAPITALS}][^\W\d_]*(?:['’-][^\W\d_]+)*"
_NAME_RUN = re.compile(
    rf"(?<![\w'’@.-]){_NAME_RUN_WORD}(?:[ \t]+(?:(?:{_SHOUTED_PARTICLE})[ \t]+){{0,2}}{_NAME_RUN_WORD}){{1,7}}(?![\w@])",
)
_BEFORE_A_PLACE = wordset("""
hay hayy derb
rue avenue av ave boulevard boul bd blvd chemin rang route street st saint sainte ste san santa
mount mont lac lake fort port cap parc park place pointe université universite university college
collège école ecole hôpital hopital hospital centre center église eglise church école cité cite
résidence residence villa imm immeuble building tower bank banque cabinet ferme farm groupe group
caisse cégep cegep lycée lycee clinique clinique pharmacie bureau consulat consulate ambassade embassy
paroisse parish mosquée station métro metro
""")

_STREET_LAST = wordset("way road rd street drive dr crescent cres highway hwy lane court crt terrace parkway")


def _run_name(word: str) -> bool:
    """A word of the lists; a compound one of them ("Marie-Claire", "Rose-Andrée"); "N'Guessan"."""
    if "-" in word:
        parts = [p for p in word.split("-") if p]
        if len(parts) == 2 and parts[0].lower() in _ARABIC_ARTICLES and len(parts[1]) > 2 and not _plain_word(parts[1]):
            return True  # "al-Harbi", "el-Sayed": a family name of the Arab world
        return len(parts) > 1 and (given_name(word) or family_name(word) or any(given_name(p) or family_name(p) for p in parts))
    if len(word) > 3 and word[1] in "'’":
        return family_name(word[2:]) or family_name(word)  # "O'Sullivan", "N'Guessan"
    return len(word) > 1 and (given_name(word) or family_name(word))


def _given_first(word: str) -> bool:
    return given_name(word) or any(given_name(p) for p in word.split("-"))


def _family_first(word: str) -> bool:
    return family_name(word.split("-")[0]) or (len(word) > 3 and word[1] in "'’" and _run_name(word))


def _given_last(word: str) -> bool:
    return given_name(word) or any(given_name(p) for p in word.split("-"))


_ARABIC_ARTICLES = wordset("al el")


def _family_last(word: str) -> bool:
    """A family name of the lists, compound ("Okonkwo-Bello") or with its "O'" / "N'"."""
    if "-" in word and word.split("-")[0].lower() in _ARABIC_ARTICLES:
        return _run_name(word)
    return any(family_name(p) for p in word.split("-")) or (len(word) > 3 and word[1] in "'’" and _run_name(word))


def _middle_word(names: list[tuple[int, int, str]], k: int) -> bool:
    """A word the lists leave out (a common word: "Ángel", "Grace") between two listed names
    ("Luis Ángel Ramírez")."""
    word = names[k][2].lower()
    return k + 1 < len(names) and _run_name(names[k + 1][2]) and word not in NOT_NAME \
        and word not in NOT_NAME_CAPITALISED and word not in _SUBJECT_VERBS


_TOKEN = re.compile(r"\S+")


def _sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 4):pos].rstrip(" \t\"'“«(")
    return not before or before[-1] in ".!?\n"


def _last_of_name(names: list[tuple[int, int, str]], i: int, j: int, given: bool) -> int:
    """Where the name starting at `i` ends: a given name then a family name, or the family
    name first ("Guo Mingyu")."""
    while j > i and not (_family_last(names[j][2]) if given else _given_last(names[j][2])):
        j -= 1
    return j


# A workplace just before: "travaillé chez", "je travaille chez", "worked at", "job at".
_WORKED_AT = re.compile(
    r"\b(?:travaill\w*|boss\w*|stage|employée?|emploi|work(?:ed|ing|s)?|employed|job|internship)"
    r"\s+(?:chez|at)\s*$",
    IGNORE_CASE,
)


_JOINING_WORDS = wordset("and or but nor yet")
_D_STROKE = str.maketrans("Đđ", "Dd")
_COUNTRY_PARTICLES = wordset("de du des d' d’ la les of")


def _before_home_town(words: list[tuple[int, int, str]], text: str = "") -> list[tuple[int, int, str]]:
    """The words before "de" and a town named in the French way ("Lucien Arsenault de
    Carleton-sur-Mer", "... de Saint-Jean-sur-Richelieu"): where he is from (round 26)."""
    for k in range(2, len(words)):
        if words[k - 1][2].lower() in _COUNTRY_PARTICLES and country_at(text, words[k][0]) >= 0:
            first = k - 2 if k > 2 and words[k - 1][2].lower() in ("la", "les") and words[k - 2][2].lower() == "de" else k - 1
            if first >= 2:
                return words[:first]  # round 49: a country, two names before it ("Issa Ouattara du Burkina Faso")
    for k in range(1, len(words)):
        if words[k - 1][2] in ("de", "d'", "d’") and (_PLACE_COMPOUND.search(words[k][2].lower())
                                                     or (k > 2 and words[k][2].lower() in HOME_TOWNS)):
            return words[:k - 1]  # round 38: or a town of HOME_TOWNS after two words ("Luc Arsenault de Caraquet")
    return words


def _listed_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _NAME_RUN.finditer(text):
        tokens = list(_TOKEN.finditer(m.group()))
        # round 25: "ĐỨC", "Đặng" read as the lists spell them (no accent-stripping takes "đ" off)
        words = [(t.start() + m.start(), t.end() + m.start(), t.group().translate(_D_STROKE)) for t in tokens]
        for k, (a, b, w) in enumerate(words):
            if k and len(w) > 3 and w.endswith(("'s", "’s")):
                words = [*words[:k], (a, b - 2, w[:-2])]  # "Chen Jing's passport": the owner ends the name
                break
        words = _before_home_town(words, text)
        names = [w for w in words if w[2].lower() not in NAME_PARTICLES]
        shout = all(w[2].isupper() for w in names)
        if not shout and any(w[2].isupper() and len(w[2]) > 1 for w in names[:1]):
            continue
        low = [w[2].lower() for w in names]
        after = _NAME_TOKEN.match(text, m.end())
        if after and after.group(1).lower() in _PLACE_OR_BODY:
            continue  # "Ho Chi Minh city", "Jean Coutu pharmacy"
        if any(w in _BEFORE_A_PLACE or w in _PLACE_OR_BODY or w in PLACES for w in low) or (low and low[-1] in _STREET_LAST):
            continue  # "Rue Jean Talon", "Jean Brillant Park", "Victoria Island"
        if _WORKED_AT.search(text, max(0, m.start() - 40), m.start()):
            continue  # "j'ai travaillé chez Pierre Fabre": a workplace, named like a person
        if len(names) >= 2 and common_given_name(names[0][2]) and family_name(names[1][2]) and not _sentence_start(text, names[0][0]) \
                and low[0] not in _JOINING_WORDS:  # round 53: not "HE IS 74 AND CANT USE ...", shouted
            # "this is Will Anderson", "its May Chen again", "Applicant: WILL HENDERSON": a
            # given name that is also a word, then a family name of the lists, mid-sentence
            yield names[0][0], names[1][1]
            continue
        i = 0
        while i < len(names):
            given = _given_first(names[i][2])
            if not given and not _family_first(names[i][2]):
                i += 1
                continue
            top = i
            while top + 1 < len(names) and (_run_name(names[top + 1][2]) or _middle_word(names, top + 1)):
                top += 1
            j = _last_of_name(names, i, top, given)
            if j == i and given and _family_first(names[i][2]):
                j = _last_of_name(names, i, top, False)  # "Li Xiaoming": both, the family name first
            if 1 <= j - i <= 2 and j + 2 == len(names) and _unlisted_last(text, names[j + 1]):
                j += 1  # "Naveen Reddy Kotha\n", "Mwangi Wanjiru Grace": a last name the lists lack
            elif i < j < top <= i + 3 and shout and _family_first(names[i][2]) and _given_last(names[top][2]):
                j = top  # round 40: "VU DUC KHOA", the family name first and the given name last, in capitals
            if j == i + 1 and names[i][2].lower() in _VIET_FAMILY_KEYS and _plain(names[j][2].lower()) in _VIET_MIDDLES:
                while j < i + 3 and j + 1 < len(names) and _plain(names[j + 1][2].lower()) in _VIET_SYLLABLES:
                    j += 1  # round 52: "NGUYEN THI HONG NHUNG": the given name's syllables after the middle name
            if 1 <= j - i <= 3:
                yield names[i][0], names[j][1]
            i = j + 1


# A lower-case name of the lists after a word that introduces a person ("this is olumide adebayo
# calling", "jsuis fatou diop", "c moi karim ben salah", "my lawyer adaeze okonkwo-bello told",
# "mon frère wilner pierre-louis", "(gabriela dos santos pereira)"): two to four words, every
# one a name of the lists (particles between), a given name at one end and a family name at the
# other, or three words or more.
_LOWER_CUE = re.compile(
    r"(?:(?<![\w'’-])(?:is|am|im|i['’]m|its|it['’]s|c|c['’]est|cest|moi|jsuis|suis|ici|appel|appelle"
    r"|wife|husband|son|daughter|lawyer|consultant|brother|sister|fr[èe]re|s(?:oe|œ)ur|femme|mari|fils|fille"
    r"|aunty|auntie|uncle|cousin|cousine|manager|boss|friend|ami|amie|coloc|mother|father|mom|dad|m[èe]re|p[èe]re)"
    r"|\()[ \t]+|\((?=[a-zà-ÿ])"
)
_LOWER_CUE_KEYS = wordset("""
is am im i m its it s c cest moi jsuis suis ici appel appelle wife husband son daughter lawyer consultant
brother sister frère frere soeur sœur femme mari fils fille aunty auntie uncle cousin cousine manager boss
friend ami amie coloc mother father mom dad mère mere père pere
""")
_LOWER_WORD = re.compile(r"([a-zà-ÿ][a-zà-ÿ'’]*(?:-[a-zà-ÿ'’]+)*)[ \t]*")


def _lower_listed_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _LOWER_CUE.finditer(text):
        pos, words = m.end(), []
        while len(words) < 6:
            w = _LOWER_WORD.match(text, pos)
            if w is None:
                break
            words.append(w.span(1))
            pos = w.end()
        names = []
        for start, end in words:
            word = text[start:end]
            if word in NAME_PARTICLES and names:
                continue
            if not _run_name(word) or word in NOT_NAME or word in NOT_NAME_LOWERCASE or word in _SUBJECT_VERBS:
                break
            names.append((start, end))
        if len(names) < 2:
            continue
        names = names[:4]
        first, last = text[slice(*names[0])], text[slice(*names[-1])]
        if len(names) >= 3 or (_given_first(first) and _family_last(last)) or (_family_first(first) and _given_last(last)):
            yield names[0][0], names[-1][1]


# A message that is only a name, the answer to "your name?" in a chat ("Kateryna", "rép: Diop",
# "me? Tran Van Duc", "mahmoud bin abdullah al-harbi"): one to five words after an optional
# short label, every word a name of the lists but one (a name the lists lack, "Duc"), at least
# one of them a given or family name that is not also a common word.
_ANSWER = re.compile(
    r"\s*(?:[^\W\d_]{1,10}[ \t]*(?:[:?>]|->|-)[ \t]*)?"
    r"([^\W\d_]+(?:['’-][^\W\d_]+)*(?:[ \t]+[^\W\d_]+(?:['’-][^\W\d_]+)*){0,4})"
    r"[ \t]*[.!]*" + _EMOJI + r"\s*"
)


# Round 32: the links of Arabic and Maghreb names between a given and a family name; the first words of places
# named with them ("Sidi Bou Said", "Ras Ben Sakka").
_ARABIC_LINKS = wordset("abou abu bou ben bin ibn ould ait aït bint binti")
_ARABIC_PLACE_FIRST = wordset("sidi ras jebel djebel wadi oued bab ain aïn tell hammam ksar borj bordj dar medersa madrasa zaouia souk pizza")


def _answer_name(text: str) -> tuple[int, int] | None:
    if len(text) > 60:
        return None
    m = _ANSWER.fullmatch(text)
    if m is None:
        return None
    words = m.group(1).split()
    if len(words) > 1 and words[-1].lower() in NAME_PARTICLES:
        return None  # a particle leads into a name, never ends one ("bravo ten", "room de")
    if len(words) == 3 and words[1].lower() in _ARABIC_LINKS and words[0][0].isupper() and words[2][0].isupper() \
            and not any(_plain_word(w) or w.lower() in PLACES or w.lower() in _PLACE_FIRST or w.lower() in _ARABIC_PLACE_FIRST
                        or w.lower() in _PLACE_OR_BODY or w.lower() in _BUSINESS for w in (words[0], words[2])):
        return m.span(1)  # round 32: "Ghassan Abou Jaoudé", "Karim Ben Salah": the link between says a name
    names = [w for w in words if w.lower() not in NAME_PARTICLES]
    known = [w for w in names if _run_name(w)]
    if not known or any(_plain_word(w) for w in names):
        return None
    if len(names) == 1:
        return m.span(1) if not common_given_name(names[0]) else None
    if len(known) < len(names) and (len(names) - len(known) > 1 or len(known) < 2 or not names[0][0].isupper()):
        return None  # one word the lists lack, in a capitalised name of three words or more
    capital = [w[0].isupper() for w in names]
    return m.span(1) if all(capital) or not any(capital) else None


def _plain_word(word: str) -> bool:
    """A word of English or French that is not a name ("merci", "Toronto", "thanks")."""
    low = word.lower()
    return low in NOT_NAME or low in NOT_NAME_LOWERCASE or low in NOT_NAME_CAPITALISED or low in PLACES \
        or low in _SUBJECT_VERBS or low in _PLACE_OR_BODY or low in _BEFORE_A_PLACE


# A name written family name first, then a comma, on a form's line or after a label
# ("SANTOS, MARIA CLARA REYES", "Bouchard-Nkemdirim, Sophie", "hi, van der Berg, Pieter here").
_REVERSED = re.compile(
    rf"(?:^|(?<=[:>\n])|(?<=[:>\n][ \t])|(?<=\b[Hh]i,[ \t])|(?<=\b[Hh]ello,[ \t])"
    # round 29: after a name's label with no colon ("full name GONZALEZ HERRERA, MARIA JOSE") and a dash
    # signing the message ("... - Macdonald, Ian")
    rf"|(?<=\b[Nn]ame[ \t])|(?<=\bNAME[ \t])|(?<=\b[Nn]om[ \t])|(?<=\bNOM[ \t])|(?<=[ \t][-—–~][ \t])|(?<=[ \t]--[ \t])"
    # round 32: in brackets after the person it names ("my wife (Rodríguez, María José) and me (Pérez, Luis Fernando)")
    rf"|(?<=\())[ \t]*"
    # round 27: in quotes after the label ("nom : « TREMBLAY, Marie-Ève »"), two family names
    # ("GARCÍA LÓPEZ, María Fernanda"), a form's bar or slash after ("Nwankwo, Chidinma Grace | DOB")
    rf"(?:[«“\"][ \t]*)?((?:(?:{_SHOUTED_PARTICLE})[ \t]+){{0,2}}{_NAME_RUN_WORD}(?:[ \t]+{_NAME_RUN_WORD})?),"
    rf"[ \t]+({_NAME_RUN_WORD}(?:[ \t]+(?=[^\W\d_]{{2}}){_NAME_RUN_WORD}){{0,2}})"
    # round 48: a middle initial after the given names, its full stop or not ("GONZALEZ, MARIA L, dob ...")
    r"((?<=[a-zà-ÿA-ZÀ-Þ])[ \t]+[A-ZÀ-Þ]\.?(?![\w'’-]))?"
    # round 39: or a tab after the given name, a table's next column ("BOUCHARD, Amélie<tab>2004-06-19<tab>fille")
    rf"(?=\t|[ \t]*(?:$|[\n.,;!)|/»”\"]|here\b|ici\b|\())",
    re.MULTILINE,
)


_COMMA_CAPITAL = re.compile(r",[ \t]+[A-ZÀ-Þ]")
_ONE_PERSON_LABELS = wordset("""
client applicant name nom demandeur demandeuse requérant requérante requerant employee employé employée
patient sponsor garant garante beneficiary bénéficiaire worker travailleur
travailleuse principal
""")
_LABEL_BEFORE = re.compile(r"([^\W\d_]+)[ \t]*:[ \t]*\Z")


def _reversed_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _REVERSED.finditer(text):
        families = m.group(1).split()
        family = families[-1]
        given = m.group(2).split()
        label = _LABEL_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if label and label.group(1).lower() in _GROUP_KEYS:
            continue  # "Kids: Amara, Kofi": two children, not one name reversed
        if label and label.group(1).lower() in _ONE_PERSON_LABELS and len(families) == 1 \
                and _name_words27(families + given, False, unlisted=True) and not _plain_word(given[0]) and not _plain_word(family) \
                and not any(w.lower() in _COMPANIES for w in families + given):
            yield m.start(1), m.end(3 if m.group(3) else 2)  # "Client: Nwankwo, Chidinma Grace": names no list knows, after a person's label
            continue
        if not _family_last(family) or not _given_first(given[0]):
            continue
        if text[m.start(1) - 2:m.start(1) - 1] in "-—–~" and m.start(1) > 1 and not _END.fullmatch(text, m.end(2)):
            continue  # round 29: a dash's reversed name only when it signs the message
        if text[m.start() - 1:m.start()] == "(" and not any(b.end() == m.start(1) for b in _BRACKET.finditer(text, max(0, m.start() - 40), m.start(1) + 1)):
            continue  # round 32: a bracket only after "me" or a relative's word
        if len(families) == 2 and not m.group(1).isupper() and (given_name(families[0]) or not family_name(families[0])):
            continue  # two family names only shouted, or a first that is no given name ("name Ramírez Soto, Lucía"):
            # "Amara Mensah, Kofi Mensah" are two people
        # a later given name may be a word too ("Chidinma Grace")
        if any(_plain_word(w) and (i == 0 or not given_name(w)) for i, w in enumerate(given)) \
                or any(_plain_word(w) for w in families):
            continue
        yield m.start(1), m.end(3 if m.group(3) else 2)


# A family name in capitals, then the given names ("TREMBLAY Jean-François", "NGUYEN Thi Lan",
# "SHEIKH Muhammad Usman"), as forms and passports write them.
_SURNAME_FIRST = re.compile(
    r"(?<![\w'’-])([A-ZÀ-ÖØ-Þ]{2,}(?:[-'’][A-ZÀ-ÖØ-Þ]{2,})?)[ \t]+"
    r"([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þa-zà-öø-ÿ][a-zà-öø-ÿ]+)?(?:[ \t]+[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+){0,2})(?![\w'’-])"
)


_CLAUSE_STOP = re.compile(r"[ \t]*+(?:[,.;!?)\n]|\Z)")
_RECORD_AFTER = re.compile(r"[ \t]*+[,;|/][ \t]*+(?:[0-9+(]|[\w.+-]+@)")


def _surname_first_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _SURNAME_FIRST.finditer(text):
        given = m.group(2).split()
        if not _family_last(m.group(1)) or _plain_word(m.group(1)):
            continue
        record = len(given) == 1 and common_given_name(given[0]) and _RECORD_AFTER.match(text, m.end()) is not None
        if not _given_first(given[0]) and not record:
            continue  # round 48: "DUPONT-MOREAU Claire, 01/04/1979, ...": a given name that is also a word, in a record
        while given and not record and (_plain_word(given[-1]) or not _run_name(given[-1])):
            if len(given) > 1 and _unknown_capital(given[-1]) and _given_first(given[0]) \
                    and _CLAUSE_STOP.match(text, m.end()):
                break  # round 48: the last given name no list knows, the clause ending after it ("KONAN Kouadio Séraphin,")
            given.pop()
        if given and not any(_plain_word(w) for w in given):
            end = m.start(2) + len(" ".join(given)) if len(given) == 1 else _end_of(text, m.start(2), given)
            yield m.start(1), end


def _end_of(text: str, start: int, words: list[str]) -> int:
    pos = start
    for w in words:
        pos = text.index(w, pos) + len(w)
    return pos


_LINE_END = re.compile(r"[ \t]*(?:\n|$|\()")


def _unlisted_last(text: str, word: tuple[int, int, str]) -> bool:
    """A capitalised word ending the line after a name of the lists, not a word of the language."""
    return (_LINE_END.match(text, word[1]) is not None or _verb_next(text, word[1])
            or ((nxt := _NAME_TOKEN.match(text, word[1])) is not None and nxt.group(1) in _PAST_AFTER_NAME)) \
        and word[2][1:].islower() and not _plain_word(word[2]) and not _demonym(word[2].lower())


# Round 47: a verb of the past right after a name of three words whose last the lists lack ("Resident Mohamed Abdi
# Warsame lost his ..."); with _SUBJECT_VERBS and the -ing forms (_verb_next)
_PAST_AFTER_NAME = wordset("lost left died went came passed missed received sent forgot signed")


# A name said again in the message, to say which part is which or to give the rest of it
# ("Zhang Wei (surname Zhang)", "Pham Minh, family name Pham", "its ngozi. ngozi eze"): a word
# masked as a name, again right after "surname" / "last name" / "nom de famille" or before
# "is (my) last name"; a given name masked alone, again with family names of the lists after it.
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_PART_NAMED = re.compile(r"(?<![\w'’-])(?i:nom|pr[ée]nom|name|surname)(?![\w'’-])")
_PART_BEFORE = re.compile(
    r"(?:surname|last[ \t]+name|family[ \t]+name|given[ \t]+name|first[ \t]+name|nom(?:[ \t]+de[ \t]+famille)?|pr[ée]nom)"
    r"(?:[ \t]+(?:is|est))?[ \t]*[:=-]?[ \t]*$",
    IGNORE_CASE,
)
_PART_AFTER = re.compile(
    r"[ \t]+(?:is|est)[ \t]+(?:my[ \t]+|the[ \t]+|his[ \t]+|her[ \t]+|mon[ \t]+|le[ \t]+)?"
    r"(?:surname|last[ \t]+name|family[ \t]+name|first[ \t]+name|given[ \t]+name|nom|pr[ée]nom)"
    # round 47: "(Do = nom de famille)", "Batbayar is my father's name", "Mahamat c'est le nom de mon père"
    r"|[ \t]*+[=:][ \t]*+(?:(?:my|the|mon|le)[ \t]+)?(?:surname|last[ \t]+name|family[ \t]+name|first[ \t]+name|given[ \t]+name"
    r"|nom(?:[ \t]+de[ \t]+famille)?|pr[ée]nom)(?![\w'’-])"
    r"|[ \t]++is[ \t]+(?:my|his|her)[ \t]+(?:father|mother|dad|mom|grandfather)['’]s[ \t]+(?:name|first[ \t]+name|given[ \t]+name)(?![\w'’-])"
    r"|[ \t]*+,?[ \t]*+c['’][ \t]?est[ \t]+(?:le[ \t]+)?(?:nom|pr[ée]nom)[ \t]+(?:de[ \t]+)?(?:mon|ma|son|sa)[ \t]+"
    r"(?:p[èe]re|m[èe]re|grand-p[èe]re)(?![\w'’-])"
    # round 53: the name said again to spell it by a likeness ("Oui Lafleur comme la fleur", "Baker like the job")
    r"|[ \t]*+,?[ \t]*+(?:comme|like|as[ \t]+in|spelled|spelt|[ée]crit)(?![\w'’-])",
    IGNORE_CASE,
)


# Korean names: a family name of Korea and a two-syllable given name joined by a hyphen, in
# either order, any case ("park ji-hoon and kim soo-min", "KIM Young-ja", "Ji-yeon Park").
_KOREAN_FAMILY = (
    r"kim|lee|yi|park|pak|choi|choe|jung|jeong|chung|kang|cho|jo|yoon|yun|jang|chang|lim|im|han|oh|seo|suh|shin"
    r"|sin|kwon|hwang|ahn|an|song|yoo|yu|hong|jeon|jun|ko|go|moon|mun|yang|son|bae|baek|paik|heo|huh|nam|noh|roh"
)
_PREFIXES = wordset("co op re de ex in on up un pre non bi tri")
_KOREAN_FAMILY_KEYS = wordset(_KOREAN_FAMILY.replace("|", " "))
_SYLLABLE = r"(?:[bcdghjkmnprstwy]|ch|jj|kk|pp|ss|tt)?(?:[aeiou]|ae|eo|eu|oe|ou|ui|wa|wae|wi|wo|ya|yae|yeo|ye|yo|you|yu|oo|ee)(?:ng|n|m|k|l|p)?"
_KOREAN_GIVEN = rf"(?i:{_SYLLABLE}-{_SYLLABLE})"
_KOREAN_NAME = re.compile(
    rf"(?<![\w'’-])(?:(?i:{_KOREAN_FAMILY})[ \t]+{_KOREAN_GIVEN}|{_KOREAN_GIVEN}[ \t]+(?i:{_KOREAN_FAMILY}))(?![\w'’-])"
)


# Round 18: a Vietnamese name with its middle word, the family name one that is also a word or a
# short one the lists lack ("cousin Do Thi Mai", "Ho Van Nam", "Vu Thi Lan"): family, Thi/Van, given.
_VIETNAMESE = re.compile(
    r"(?<![\w'’-])(?:Nguyen|Nguyễn|Tran|Trần|Le|Lê|Pham|Phạm|Hoang|Hoàng|Huynh|Huỳnh|Phan|Vu|Vũ|Vo|Võ|Dang|Đặng|Bui|Bùi"
    r"|Do|Đỗ|Ho|Hồ|Ngo|Ngô|Duong|Dương|Ly|Lý|Dinh|Đinh|Truong|Trương|Cao|Lam|Lâm|Trinh|Trịnh|Ha|Hà|Luong|Lương|Ta|Tạ|Doan|Đoàn"
    r"|Mai|Chau|Châu|Quach|Quách|Lai|Lại|Tong|Tống|Kieu|Kiều|Thai|Thái|Diep|Diệp|Tieu|Tiêu)"
    r"[ \t]+(?:Thi|Thị|Van|Văn)(?:[ \t]+[A-ZÀ-ÞĐ][a-zà-ÿđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]+){1,2}(?![\w-]|['’](?!s(?![\w'’-])))"  # "Mr. Dang Van Long's daughter"
)
# Round 22: the same in lower case, a family name no word spells and a given name of the syllables
# below: "nguyen thi mai and nguyen van hung are my parents"; not "le van blanc", "do van rentals".
_VIETNAMESE_LOWER = re.compile(
    r"(?<![\w'’-])(?:nguyen|nguyễn|tran|trần|pham|phạm|hoang|hoàng|huynh|huỳnh|phan|vu|vũ|vo|võ|dang|đặng|bui|bùi"
    r"|ngo|ngô|duong|dương|dinh|đinh|truong|trương|trinh|trịnh|luong|lương|doan|đoàn)"
    r"[ \t]+(?:thi|thị|van|văn)((?:[ \t]+[a-zà-ÿđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]+){1,2})(?![\w-]|['’](?!s(?![\w'’-])))"
)
_VIET_MIDDLE_KEYS = wordset("thi thị van văn")
# Round 22: a name opening a message or a sentence, then "is the name of", "c'est le nom de":
# "marie-claire de la fontaine cest le nom de ma mere", "Kofi Boateng is my father's name"; not
# "this is my name", "Espérance cest le nom de lecole", "express entry is the name of the program".
_BEFORE_NAMING = re.compile(
    # round 44: the blank runs possessive (a word never starts with a blank): "Name\nJean" and 5,000 blanks took 0.9 s
    r"(?:^|(?<=[.!?\n]))[ \t]*+([^\W\d_]+(?:['’-][^\W\d_]+)*(?:[ \t]++[^\W\d_]+(?:['’-][^\W\d_]+)*){0,4})[ \t]*+(?:,[ \t]*+)?"
    r"(?:c['’][ \t]?est|cest|is|est|=)[ \t]+(?:"
    r"(?:my|his|her|our|mon|son|notre)[ \t]+(?:[^\W\d_]+['’]s[ \t]+)?(?:full[ \t]+|real[ \t]+|vrai[ \t]+)?(?:nom|name|prénom|prenom)"
    rf"|(?:the|le)[ \t]+(?:full[ \t]+|real[ \t]+|vrai[ \t]+)?(?:nom|name|prénom|prenom)[ \t]+(?:of|de|d['’])[ \t]*"
    rf"(?:my|his|her|our|ma|mon|sa|son|notre)[ \t]+(?:{_RELATION_WORDS}))(?![\w'’-])",
    IGNORE_CASE,
)


def _name_before_naming(text: str) -> Iterator[tuple[int, int]]:
    for m in _BEFORE_NAMING.finditer(text):
        start, end = m.span(1)
        if text[end - 2:end].lower() == " c":  # "... fontaine c est le nom"
            end -= 2
        words = [w for part in text[start:end].split() for w in part.split("-")]
        names = [w for w in words if w.lower() not in NAME_PARTICLES]
        if not names or _like_a_place(text[start:end].split()) or any(_ELISION.match(w.lower()) for w in words) \
                or _PET.search(m.group()):  # "Orion is my dog's name"
            continue
        lows = [w.lower() for w in names]
        if all(w[0].isupper() and not _plain_word(w) for w in names) \
                or (all(_plain_name(w) for w in lows) and any(given_name(w) or family_name(w) for w in lows)
                    and sum(w in vocabulary() and not given_name(w) and not family_name(w) for w in lows) <= 1):
            yield start, end


# Round 22: a lower-case word then a family name joined to its Arabic particle: "rami al-khatib &
# nour al-khatib", "ahmed el-sayed"; not "masjid al-noor", "hotel al-bustan", "in al-ain".
_JOINED_PARTICLE_LOWER = re.compile(
    r"(?<![\w'’-])([a-zà-ÿ]{3,})[ \t]+((?:al|el|abu|abou|bin|ben|ibn|bint)-[a-zà-ÿ]{3,})(?![\w'’-]|['’](?!s(?![\w'’-])))"
)
_JOINED_PARTICLE = re.compile(r"(?<![\w'’-])(?:al|el|abu|abou|bin|ben|ibn|bint)-[a-zà-ÿ]")
_NOT_PARTICLE_NAME = wordset("""
masjid masjed mosque mosquée jamia jami jamaa dar bait beit bayt hotel hôtel hospital hôpital university université
madrasa madrassa souk suq wadi jebel jabal jbel qasr ras tell sheikh shaikh cheikh imam
""")
# Round 19: the syllables Vietnamese given and middle names are made of (accents ignored), so a
# family name of the list above and two or three of them are a name without Thi/Van too ("Spouse: Le
# Quoc Bao", "Child: Le Hoang Minh Anh"), and a word may be the given name after Van ("Nguyen Van Long").
_VIET_SYLLABLES = wordset("""
an anh bao binh cuong dai dao dat diem dieu dinh duc dung duong duy giang hai han hanh hao hau hien hieu
hoa hoai hoan hoang hong hue hung huong huu huy huyen khai khang khanh khoa khoi kien kim lan linh loan
loc loi long luan ly mai manh minh my nam nga ngan nghia ngoc nguyet nhan nhat nhi nhu nhung oanh phat
phong phu phuc phung phuong quan quang quoc quy quyen quynh tai tam thang thanh thao thinh thu thuan
thuy tien toan trang tri trinh trong trung truong tuan tuong tuyet uyen viet vinh vy xuan yen
""")
_VIET_FAMILY_KEYS = wordset("""
nguyen nguyễn tran trần le lê pham phạm hoang hoàng huynh huỳnh phan vu vũ vo võ dang đặng bui bùi do đỗ
ho hồ ngo ngô duong dương ly lý dinh đinh truong trương
""")
_VIET_SYLLABLE = r"[A-ZÀ-ÞĐ][a-zà-ÿđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]+"
_VIET_FAMILY_CAPITALISED = "|".join(sorted(w[0].upper() + w[1:] for w in _VIET_FAMILY_KEYS))
_VIETNAMESE_PLAIN = re.compile(
    rf"(?<![\w'’-])(?:{_VIET_FAMILY_CAPITALISED})"
    rf"((?:[ \t]+{_VIET_SYLLABLE}){{2,3}})(?![\w-]|['’](?!s(?![\w'’-])))"
)


def _vietnamese_plain(text: str) -> Iterator[tuple[int, int]]:
    """A Vietnamese family name and two or three given-name syllables, all capitalised."""
    for m in _VIETNAMESE_PLAIN.finditer(text):
        given = m.group(1).split()
        if all(_plain(w) in _VIET_SYLLABLES for w in given) and _PLACE_WORD_AFTER.match(text, m.end()) is None \
                and _STREET_AFTER.match(text, m.end()) is None:
            yield m.span()
_PLACE_WORD_AFTER = re.compile(
    r"[ \t]+(?i:street|st|road|rd|avenue|ave|boulevard|blvd|lane|alley|ward|district|city|school|high|university|hospital"
    r"|market|bridge|park|phường|phuong|quận|quan|đường|duong)(?![\w'’-])"
)


def _korean_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _KOREAN_NAME.finditer(text):
        words = m.group().split()
        given = next(w for w in words if "-" in w).lower()
        parts = given.split("-")
        if any(len(part) < 2 or part in _PREFIXES for part in parts) \
                or (m.group().islower() and any(part in vocabulary() for part in (given, *parts))):
            continue  # "song co-op", "kim re-entry": words
        if all(w.islower() for w in words) or all(w[0].isupper() for w in words):
            yield m.span()


# The writer's given name said in the message and again in the e-mail's user name: "hey faith
# here ... my email is faith.okoro@gmail.com", "c'est moi, karim (karim.benali@...)".
_MAIL_USER = re.compile(r"(?<![\w.+-])([^\W\d_]{3,})[._-]([^\W\d_]{2,})[\w.+-]*@")


def _mailbox_of(text: str, value: str) -> bool:
    """Whether a mailbox of the message joins the two words of `value` ("mon employeur Tendai Moyo ...
    tendai.moyo@...": a person's, no company's)."""
    words = value.split()
    if "@" not in text or len(words) != 2 or any(_plain_word(w) for w in words):
        return False
    return any(user.group(1).lower() == words[0].lower() and user.group(2).lower() == words[1].lower()
               for user in _MAIL_USER.finditer(text))


def _mailed_names(text: str) -> Iterator[tuple[int, int]]:
    for user in _MAIL_USER.finditer(text):
        first = user.group(1).lower()
        if _plain_word(first):
            continue
        if not (given_name(first) or common_given_name(first)):
            # round 38: a given name of no list, written capitalised with the family name as the mailbox joins them
            # ("the owner Amarjit Gill ... amarjit.gill.franchise@gmail.com"); not two words of the language
            if len(user.group(2)) > 2 and not _plain_word(user.group(2)) and first not in vocabulary():
                pair = re.compile(rf"(?<![\w'’.@-]){re.escape(user.group(1))}[ \t]+{re.escape(user.group(2))}(?![\w'’@.-])",
                                  re.IGNORECASE)
                for m in pair.finditer(text):
                    if m.start() != user.start(1) and all(w[:1].isupper() for w in m.group().split()):
                        yield m.span()
            continue
        # round 37: the mailbox's two parts written as one name in the message ("Nadia Haroun here ... nadia.haroun@")
        for m in re.finditer(rf"(?<![\w'’.@-]){re.escape(user.group(1))}(?:[ \t]+{re.escape(user.group(2))})?(?![\w'’@.-])",
                             text, re.IGNORECASE):
            if m.start() != user.start(1):
                yield m.span()


# Round 40: the sender of a quoted e-mail, every word of the name before the mailbox in angle brackets: "On Tue, Mar
# 4, 2025 at 9:12 AM Thi Hoa Obi <thi.obi@...> wrote:", "Le 4 mars 2025 à 09:12, Ngozi El Amrani <...> a écrit :",
# "From: Ana de la Cruz <...>"; each word a name of the lists, a particle or a word no list knows ("Service Canada
# <...>", "IRCC Notifications <...>" stay).
_SENDER = re.compile(
    r"(?:[0-9]{1,2}[:h][0-9]{2}(?:[ \t]*(?:AM|PM|am|pm|a\.m\.|p\.m\.))?[ \t]*,?|(?:^|\n)[> \t]*(?:From|De|Von|Sender|Exp[ée]diteur)[ \t]*:)[ \t]*"
    r"((?:[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:['’-][^\W\d_]+)*[ \t]+|(?:de|del|la|da|dos|van|von|der|el|al|bin|ben)[ \t]+){0,5}"
    r"[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:['’-][^\W\d_]+)*)"
    r"[ \t]*<[ \t]*(?:[^<>\s@]+@[^<>\s]+|\[EMAIL\])[ \t]*>"
)


def _quoted_senders(text: str) -> Iterator[tuple[int, int]]:
    for m in _SENDER.finditer(text):
        words = m.group(1).split()
        if len(words) < 2 or any(_plain(w) in NOT_NAME_CAPITALISED for w in words):
            continue
        if all(given_name(w) or family_name(w) or w.lower() in NAME_PARTICLES
               or (w.lower() not in vocabulary() and w.lower() not in NOT_NAME and not w.isupper()) for w in words):
            yield m.span(1)


# Round 40: a name label alone on its line, the name's two parts on the next two lines, one word each, then another
# label or the message's end ("Name:\nNWOSU\nYuki\nDOB:\n...", "Nom :\nKONAN\nAya\n"): one name across the break, as a
# form pasted from a phone's screen breaks it. Each part a name of the lists or a word no list knows.
_SPLIT_NAME_LINES = re.compile(
    r"(?:^|\n)[ \t]*(?i:full[ \t]+name|name|nom|nom[ \t]+complet)[ \t]*:[ \t]*\n[ \t]*"
    r"([^\W\d_]{2,}(?:['’-][^\W\d_]+)*[ \t]*\n[ \t]*[^\W\d_]{2,}(?:['’-][^\W\d_]+)*)[ \t]*"
    r"(?=\n[ \t]*[^\W\d_]+(?:[ \t]+[^\W\d_]+){0,3}[ \t]*:|[ \t]*\Z)"
)


# Round 40: a tab or a bar inside a name the rules found ("DIALLO<tab>Fatou" under "Nom<tab>Prénom", "Prénom<tab>Date"):
# the columns' cells, each its own name, a header's label none.
_TAB_OR_BAR = re.compile(r"[ \t]*[\t|][ \t]*")
_HEAD_WORDS = wordset("date lieu place nom name prénom prenom surname")


def _column_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [start, *chain.from_iterable(m.span() for m in _TAB_OR_BAR.finditer(text, start, end)), end]
    return [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=True) if b > a]


# Round 40: a cell under a table's name header (dates.table_cells): one to five words of letters, not every one a word
# of the language nor a label ("KONE", "Van An", "Marie-Claude", "N/A" and "-" are not names).
_CELL_NAME = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]*)*(?:,?[ \t]+[^\W\d_]+(?:['’.-][^\W\d_]*)*){0,4}")


def _table_names(text: str) -> Iterator[tuple[int, int]]:
    cells = table_cells(text) if "\n" in text else iter(())
    if " / " in text:
        cells = chain(cells, slash_label_cells(text))
    for kind, start, end in cells:
        if kind != "PERSON" or not _CELL_NAME.fullmatch(text, start, end):
            continue
        words = _SPAN_WORDS.findall(text, start, end)
        if all((_plain(w) in NOT_NAME or _plain(w) in NOT_NAME_CAPITALISED or w.lower() in vocabulary())
               and not (given_name(w) or family_name(w)) for w in words):
            continue
        yield start, end


# Round 40: a person named for a role on a file ("Please remove Aigerim Eze as representative", "add Samuel Osei as
# my authorized contact", "désigner Fatou Ndiaye comme représentante"): two to four capitalised words, each a name of
# the lists or a capitalised word no list knows, the first not a word of the language.
_AS_ROLE = re.compile(
    rf"(?<![\w'’-])({_NAME_WORD27}(?:[ \t]+{_NAME_WORD27}){{1,3}})[ \t]+(?i:as|comme|en[ \t]+tant[ \t]+que)[ \t]+"
    r"(?:(?i:the|my|our|his|her|their|a|an|mon|ma|notre|son|sa|leur|le|la)[ \t]+)?(?:(?i:authori[sz]ed|paid|unpaid|new|former)[ \t]+)?"
    r"(?i:representative|rep|consultant|lawyer|counsel|contact|sponsor|co-?signer|guardian|interpreter|designate|agent"
    r"|représentante?|representante?|mandataire|tuteur|tutrice|garant|garante|répondante?|repondante?|interprète|avocate?)(?![\w'’-])"
)
_AS_ROLE_KEYS = wordset("as comme")


# Round 41: the person one acts for, hires or relays, named after the act: "Our office represents Pavlo Achterberg in
# ...", "writing on behalf of Qiu Sørensen", "I'm the settlement worker for Laleh Osei", "je suis l'interprète de Uzma
# Achterberg", "hiring Emeric Okafor as caregiver", "nous avons embauché Tendai Moyo": two to four capitalised words,
# each a name of the lists or a capitalised word no list knows as a word, a place, a month or a people.
_ACTED_FOR = re.compile(
    r"(?<![\w-])(?i:represents?|representing|repr[ée]sent(?:e|ons|ez|er|ait|ons)|on[ \t]+behalf[ \t]+of|au[ \t]+nom[ \t]+de"
    r"|pour[ \t]+le[ \t]+compte[ \t]+de|de[ \t]+la[ \t]+part[ \t]+de"
    r"|(?:case[ \t]*worker|settlement[ \t]+worker|social[ \t]+worker|worker|counsell?or|interpreter|translator|lawyer|consultant"
    r"|advocate|guardian|caseworker)[ \t]+(?:for|of)"
    r"|(?:interpr[èe]te|traductrice|traducteur|intervenante?|travailleu(?:r|se)[ \t]+social[e]?|avocate?|conseill[èe]re?|tut(?:eur|rice))"
    r"[ \t]+(?:de|d['’])"
    r"|hir(?:e|ed|ing)|employ(?:s|ed|ing)|embauch(?:[ée]e?|er|ons|ez)|engag(?:[ée]e?|er|eons))"
    rf"[ \t]+({_NAME_WORD27}(?:[ \t]+{_NAME_WORD27}){{1,3}})(?![\w'’-])"
)
_SPAN_WORDS_27 = re.compile(_NAME_WORD27)
_ACTED_FOR_KEYS = wordset("""
represent represents representing représente représentons représentez représenter représentait behalf nom compte part
worker caseworker counsellor counselor interpreter translator lawyer consultant advocate guardian interprète interprete
traductrice traducteur intervenant intervenante travailleur travailleuse avocat avocate conseiller conseillère
conseillere tuteur tutrice hire hired hiring employ employs employed employing embauché embauchée embaucher
embauchons embauchez engagé engagée engager engageons
""")


# Round 41: people named together after the word for them, with no word of the lists needed:
# - a couple in brackets after the relatives or "X and I" ("my parents (Yerlan & Gintaras Chowdhury)", "my wife and I
#   (Tendai & Laleh Abdullahi)", "mes parents (Jean et Marie Dupont)"): the first given name, then the other's name;
# - the children listed after "kids" / "enfants", commas and "and" between ("kids Emeric, Kwesi, Ines", "mes enfants :
#   Noé, Lila et Adam");
# - a sentence that says who the person is, "She is Uzma Dubois, application ...", "his mother is Qiu Tremblay.";
# - a relative's word as a form's field ("Mom: Emeric Banerjee, b. 30.01.1963", "Papa : ...").
_W41 = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:['’-][A-ZÀ-ÖØ-Þa-zà-öø-ÿ][a-zà-öø-ÿ]+)?"
_COUPLE_BRACKET = re.compile(
    r"(?<![\w'’-])(?i:parents|grand-?parents|in-?laws|beaux-parents|(?:wife|husband|spouse|partner|femme|mari|conjointe?|[ée]pou(?:x|se))"
    r"[ \t]+(?:and|&|et)[ \t]+(?:i|me|moi)|(?:i|me|moi)[ \t]+(?:and|&|et)[ \t]+(?:my|mon|ma)[ \t]+(?:wife|husband|spouse|partner|femme|mari|conjointe?))"
    rf"[ \t]*\([ \t]*({_W41})[ \t]*(?:&|and|et|y)[ \t]*({_W41}(?:[ \t]+{_W41}){{0,2}})[ \t]*\)"
)
_KIDS_LIST = re.compile(
    r"(?<![\w'’-])(?i:kids|children|enfants|sons|daughters|fils|filles|twins|jumeaux|jumelles)[ \t]*:?[ \t]+"
    rf"({_W41}(?:[ \t]*,[ \t]*{_W41}){{0,5}}(?:[ \t]*,?[ \t]*(?:and|et|&)[ \t]+{_W41})?)(?![\w'’-])"
)
_IS_WHO = re.compile(
    r"(?:^|(?<=[.!?\n])|(?<=[.!?,][ \t]))[ \t]*(?:(?i:he|she|(?:his|her|my|our)[ \t]+(?:mother|father|mom|dad|wife|husband|son|daughter"
    r"|brother|sister|spouse|name)|elle|il)[ \t]+(?i:is|est|s['’]appelle))"
    rf"[ \t]+({_W41}(?:[ \t]+{_W41}){{1,3}})(?=[ \t]*[,.;!\n])"
)
_PARENT_FIELD = re.compile(
    r"(?:^|(?<=[\n.;,(])|(?<=[\n.;,(][ \t]))[ \t]*(?i:mom|mum|dad|mama|maman|papa|mommy|daddy"
    # round 42: a spouse's, a child's, a sponsor's field ("spouse = X Y", "sponsored spouse: X Y, dob ...")
    r"|(?:sponsored[ \t]+|principal[ \t]+)?(?:spouse|wife|husband|[ée]poux|[ée]pouse|conjointe?|sponsor|garant|r[ée]pondant)"
    r"|(?:dependent|dependant)[ \t]+(?:child|son|daughter))[ \t]*[:=][ \t]*"
    rf"({_W41}(?:[ \t]+{_W41}){{0,3}})(?=[ \t]*(?:[,;/|\n(.!]|$))"  # round 42: "Mom = X Y" at the end
)
_TOGETHER_KEYS = wordset("""
parents grandparents grand-parents in-laws inlaws beaux-parents wife husband spouse partner femme mari conjoint conjointe
époux épouse epoux epouse kids children enfants sons daughters fils filles twins jumeaux jumelles he she elle il
mom mum dad mama maman papa mommy daddy sponsor garant répondant repondant dependent dependant
""")


_PLACEHOLDERS = wordset("unknown inconnu inconnue none aucun aucune same idem pending tbd nil nothing rien blank vide missing manquant")


def _name_like(words: list[str]) -> bool:
    """Two to four capitalised words of a name, listed or not, none a word of the language ("first name Unknown")."""
    return bool(words) and not _plain_word(words[0]) and _name_words27(words, False, unlisted=True) \
        and not any(w.lower() in _PLACE_OR_BODY or w.lower() in _BUSINESS or w.lower() in _PLACEHOLDERS
                    or (w.lower() in vocabulary() and not given_name(w) and not family_name(w)) for w in words)


def _together_names(text: str) -> Iterator[tuple[int, int]]:
    if "(" in text:
        for m in _COUPLE_BRACKET.finditer(text):
            if _name_like([m.group(1)]) and _name_like(m.group(2).split()):
                yield m.span(1)
                yield m.span(2)
    for m in _KIDS_LIST.finditer(text):
        items = list(re.finditer(_W41, m.group(1)))
        if len(items) > 1 and all(_name_like([i.group()]) for i in items) and any(_clause_given(i.group()) for i in items):
            for i in items:
                yield m.start(1) + i.start(), m.start(1) + i.end()
    for m in _IS_WHO.finditer(text):
        if _name_like(m.group(1).split()):
            yield m.span(1)
    if ":" in text or "=" in text:
        for m in _PARENT_FIELD.finditer(text):
            if _name_like(m.group(1).split()):
                yield m.span(1)


def _acted_for_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _ACTED_FOR.finditer(text):
        parts = list(_SPAN_WORDS_27.finditer(text, m.start(1), m.end(1)))
        while parts and (_plain_word(parts[-1].group()) or _not_a_name_part(parts[-1].group())):
            parts.pop()  # "represents Pavlo Achterberg In ..."
        words = [p.group() for p in parts]
        if len(words) > 1 and not _plain_word(words[0]) and _name_words27(words, False, unlisted=True) \
                and not any(w.lower() in _PLACE_OR_BODY or w.lower() in _BUSINESS for w in words):
            yield m.start(1), parts[-1].end()


def _as_role_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _AS_ROLE.finditer(text):
        words = m.group(1).split()
        if not _plain_word(words[0]) and _name_words27(words, False):
            yield m.span(1)


def _split_name_lines(text: str) -> Iterator[tuple[int, int]]:
    for m in _SPLIT_NAME_LINES.finditer(text):
        words = m.group(1).split()
        if all(w[:1].isupper() for w in words) and not any(
                _plain(w) in NOT_NAME or _plain(w) in NOT_NAME_CAPITALISED or w.lower() in PLACES for w in words) \
                and any(given_name(w) or family_name(w) for w in words) \
                and all(given_name(w) or family_name(w) or w.lower() not in vocabulary() for w in words):
            yield m.span(1)


# A given name after a dash that closes the message: "I'm in CDMX until Friday - Alejandro".
# round 28: the e-mail signature's "--" too, and a hyphenated given name in any case ("Any news? -- Sung-min")
_DASHED_END = re.compile(r"[ \t\n](--|[-—–])[ \t]*([A-ZÀ-Þ][a-zà-ÿ]{2,}(?:-[A-Za-zà-ÿ][a-zà-ÿ]+)?)[ \t]*[.!]*[ \t]*$")


def _dashed_names(text: str) -> Iterator[tuple[int, int]]:
    m = _DASHED_END.search(text, max(0, len(text) - 40))
    if m and not _plain_word(m.group(2)) and (_given_first(m.group(2)) or (
            m.group(1) == "--" and not any(_plain_word(part) or part.lower() in vocabulary() for part in m.group(2).split("-")))):
        yield m.span(2)


# Sixteenth session: a found name spelled out letter by letter, the letters apart by blanks, dots or hyphens, in either
# case ("my last name is smith spelled s m i t h", "c'est tremblay t r e m b l a y", "NGUYEN N.G.U.Y.E.N"): the run is
# masked when its letters make a word of a name found in the text, or two such words one after the other ("j o h n s m
# i t h" after "john smith": two spans, one a word). A code read out makes no found name ("press a b c").
_LETTER_RUN_HINT = re.compile(r"(?<![\w'’-])[^\W\d_][ .-][^\W\d_][ .-][^\W\d_](?![\w'’])")
_LETTER_RUN = re.compile(r"(?<![\w'’-])[^\W\d_](?:[ .-][^\W\d_](?![\w'’]))+")


def _spelled_out(text: str, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    words = {w.lower() for start, end in spans for w in _WORD.findall(text, start, end) if len(w) >= 3}
    if not words:
        return
    for m in _LETTER_RUN.finditer(text):
        letters = [(i, i + 1) for i in range(m.start(), m.end()) if text[i].isalpha()]
        said = "".join(text[a] for a, _ in letters).lower()
        if not 3 <= len(said) <= 40:
            continue
        if said in words:
            yield m.span()
            continue
        for cut in range(3, len(said) - 2):
            if said[:cut] in words and said[cut:] in words:
                yield letters[0][0], letters[cut - 1][1]
                yield letters[cut][0], letters[-1][1]
                break


def repeated_names(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Other occurrences of the words of the name `spans` of `text`, as spans to mask, and
    what restates a name right after it (see :func:`_restated`)."""
    found = _repeated(text, spans) + [found for start, end in spans for found in _restated(text, end, start)]
    if _LETTER_RUN_HINT.search(text):
        found += list(_spelled_out(text, spans))
    if _FIX_HINT.search(text):
        found += _corrected_names(text, spans)
    if "\n" in text:
        found += _signed_again(text, spans)
    if "," in text or " and " in text or " et " in text or " & " in text or " pis " in text:
        # round 37: not a street's name after a name ("je suis paulo souza, rua augusta 1508")
        found += [f for f in _listed_along(text, spans + found) if not not_a_person(text, f[0], f[1])]
    # round 27: not the family name again as a business's ("Sukhdev Gill (Gill Trucking Ltd)"); with the
    # given name of the lists right before it ("Wilson Jean, Marie Jean et Daphnée Jean")
    kept = [f for f in _longest(found) if not _business_at(text, f[0], f[1]) and not _place_pair(text, f[0], f[1])
            and not _HO_CHI_MINH.search(text, max(0, f[0] - 8), f[1])  # round 45: "TP. Hồ Chí Minh" after "Trần Văn Minh"
            and text[f[0]:f[1]] not in _KOREAN_ENDINGS
            and not ("Chez" in text and _CHEZ_FIRM_BEFORE.search(text, max(0, f[0] - 30), f[0]))  # round 46: "Boulangerie Chez Nicole"
            and not (("@" in text or "_" in text) and _in_handle(text, f[0], f[1]))]
    # once each: two ways to the same span ("c Marie, marie lavoie": the given name said again and the name
    # listed along) gave it twice, masked twice
    # round 44: a name said again with its particle and family name ("Ana Paula Ferreira da Silva ... Ana Paula F. da
    # Silva"): one span
    return _longest(list(dict.fromkeys((_given_before(text, s, spans), particle_family_end(text, s, e)) for s, e in kept)))


# Round 41: a name corrected, the wrong and the right one side by side, both masked: "mon nom de famille c'est
# [PERSON] pas Lefèvre", "'[PERSON]' should be 'Mohammad Alkhatib'", "[PERSON] not Nguyn", "[PERSON] et non Kouame",
# "wrote my name [PERSON] but correct is tigran sargsyan", "not Jon but [PERSON]", "Jon -> [PERSON]". The other
# name: its words while they are a name's (capitalised, or in lower case when it begins with the found name's first
# word), no more words than the found name has and one; no word of the language, place, month or people; a word of
# it opening as a word of the found name does (a respelling: _respelt).
_FIX_HINT = re.compile(
    r"(?i:\b(?:not|pas|non|instead|lieu|rather|should|devrait|doit|correct|correcte|corrig[ée]e?|plut[ôo]t)\b)|->|→|=>"
)
_FIX = (
    r"(?:and[ \t]+not|et[ \t]+non|et[ \t]+pas|mais[ \t]+pas|but[ \t]+not|not|pas|non|instead[ \t]+of|au[ \t]+lieu[ \t]+de"
    r"|rather[ \t]+than|plut[ôo]t[ \t]+que|should[ \t]+(?:be|read)|must[ \t]+be|devrait[ \t]+[êe]tre|doit[ \t]+[êe]tre"
    r"|(?:but|mais)[ \t]+(?:the[ \t]+)?(?:correct|right)(?:[ \t]+one)?[ \t]+is|(?:but|mais)[ \t]+(?:le[ \t]+)?(?:bon|correct)[ \t]+(?:est|c['’][ \t]?est)"
    r"|(?:the[ \t]+)?correct[ \t]+(?:one[ \t]+)?is|->|→|=>)"
)
_QUOTE = r"['\"«»“”‘’]"
_FIXED_AFTER = re.compile(rf"{_QUOTE}?[ \t]*,?[ \t]*\(?[ \t]*(?i:{_FIX})[ \t]*:?[ \t]*{_QUOTE}?[ \t]*(?=[^\W\d_])")
_FIX_BEFORE = (
    r"(?i:should[ \t]+(?:be|read)|must[ \t]+be|devrait[ \t]+[êe]tre|doit[ \t]+[êe]tre|->|→|=>|instead[ \t]+of|au[ \t]+lieu[ \t]+de)"
)
_FIXED_BEFORE = re.compile(
    rf"(?<![\w'’-])({_NAME_PART}(?:[ \t]+{_NAME_PART}){{0,3}})[ \t]*{_QUOTE}?[ \t]*{_FIX_BEFORE}[ \t]*:?[ \t]*{_QUOTE}?[ \t]*\Z"
    rf"|(?<![\w'’-])(?i:not|pas)[ \t]+{_QUOTE}?({_NAME_PART}(?:[ \t]+{_NAME_PART}){{0,3}}){_QUOTE}?[ \t]*,?[ \t]*(?i:but|mais)[ \t]+{_QUOTE}?[ \t]*\Z"
)
_NAME_WORD_AT = re.compile(rf"{_NAME_PART}")


def _fix_words(text: str, pos: int, like: list[str], limit: int) -> int:
    """The end of the name written at `pos` as a correction of the name `like` (see _FIX_HINT), or `pos`."""
    end, count = pos, 0
    lower = bool(like) and (text[pos:pos + len(like[0])].lower() == like[0].lower() or all(w.islower() for w in like))
    # round 48: or the found name is in lower case too ("its yusuf not yousef"): _respelt still wants a respelling
    while count < limit and (m := _NAME_WORD_AT.match(text, pos)):
        word = m.group()
        if not (word[0].isupper() or (lower and word.islower())) or (word.isupper() and len(word) < 3) \
                or (_not_a_name_part(word) and not given_name(word) and not family_name(word)) or word.lower() in _APOLOGIES:
            break
        end, count = m.end(), count + 1
        gap = re.match(r"[ \t]+", text[m.end():m.end() + 3])
        if gap is None:
            break
        pos = m.end() + gap.end()
    return end


def _corrected_names(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    for start, end in spans:
        words = _WORD.findall(text, start, end)
        if not words:
            continue
        if (after := _FIXED_AFTER.match(text, end)) and (last := _fix_words(text, after.end(), words, len(words) + 1)) > after.end():
            found.append((after.end(), last))
        if (before := _FIXED_BEFORE.search(text, max(0, start - 80), start)) is not None:
            group = 1 if before.group(1) else 2
            # the wrong name: its last words that are a name's ("my name is spelled wrong: Mohamad Al-Khatib should be")
            for word in _NAME_WORD_AT.finditer(text, before.start(group), before.end(group)):
                if _fix_words(text, word.start(), words, len(words) + 1) == before.end(group):
                    found.append((word.start(), before.end(group)))
                    break
    return [f for f in found if not any(s < f[1] and f[0] < e for s, e in spans) and _respelt(text, f, spans)]


def _respelt(text: str, other: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Whether the name `other` is a respelling of a found name: a word of each opens with the same two letters
    ("Lefebvre" / "Lefèvre", "Jon" / "Jonathan"); not "Maria instead of Google Translate"."""
    words = [_plain(w) for w in _WORD.findall(text, other[0], other[1]) if len(w) > 1]
    heads = {w[:2] for w in words}
    found = [_plain(w) for s, e in spans for w in _WORD.findall(text, s, e) if len(w) > 1]
    if any(w[:2] in heads for w in found):
        return True
    # round 42: or most letters in order, the same first letter or the same ending ("Kouadio" / "Kwadio", "Ouedraogo" /
    # "Wedraogo")
    # round 48: or the same first letter and the same consonants, as names are written from another alphabet ("yusuf" /
    # "yousef", "Mohamed" / "Muhammad")
    return any(min(len(a), len(b)) > 3 and (a[0] == b[0] or a[-3:] == b[-3:])
               and (SequenceMatcher(None, a, b).ratio() >= 0.75 or (a[0] == b[0] and len(_skeleton(a)) > 2 and _skeleton(a) == _skeleton(b)))
               for a in words for b in found)


_VOWELS = re.compile(r"[aeiouyhw]+")
_DOUBLED = re.compile(r"(.)\1+")


def _skeleton(word: str) -> str:
    """The consonants of a plain word, doubled ones once (see _respelt)."""
    return word[:1] + _DOUBLED.sub(r"\1", _VOWELS.sub("", word[1:]))


# Round 41: the writer's name signed again alone on the last line, a word of a name found in the message
# ("... me Rami Fakhoury (born ...) ...\nRami", "Kossi Agbéko ici ...\n— Kossi"), whether or not a list knows it;
# maybe above the lines of its phone or e-mail only.
_LAST_LINE_WORD = re.compile(
    rf"\n[ \t]*(?:[-—–~]+[ \t]*)?({_NAME_PART})[ \t]*[.!]*[ \t]*"
    r"(?:\n[ \t]*(?:(?i:tel|t[ée]l|cell|phone|mobile|whatsapp)?[ \t.:]*\+?[0-9(][0-9 ().+-]{6,22}|[\w.+-]+@[\w.-]+)[ \t]*)*\Z"
)


def _signed_again(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    m = _LAST_LINE_WORD.search(text.rstrip(), max(0, len(text.rstrip()) - 120))
    if m is None or any(s <= m.start(1) < e for s, e in spans) or not m.group(1)[0].isupper():
        return []
    word = m.group(1).lower()
    if any(len(parts := _WORD.findall(text, s, e)) > 1 and word in (p.lower() for p in parts) for s, e in spans) \
            and not _not_a_name_part(m.group(1)):
        return [m.span(1)]
    return []


_GIVEN_BEFORE27 = re.compile(r"(?<![\w'’-])([A-ZÀ-Þ][a-zà-ÿ]+(?:-[A-ZÀ-Þ][a-zà-ÿ]+)?)[ \t]+\Z")


def _given_before(text: str, start: int, spans: list[tuple[int, int]]) -> int:
    m = _GIVEN_BEFORE27.search(text, max(0, start - 25), start)
    if m and not any(s <= m.start(1) < e for s, e in spans) and (
            _clause_given(m.group(1)) or (_unknown_capital(m.group(1)) and _JOIN_BEFORE27.search(text, max(0, m.start() - 8), m.start(1)))):
        return m.start(1)
    return start


_JOIN_BEFORE27 = re.compile(r"(?:,|(?<![\w'’-])(?:et|and|&))[ \t]*\Z")


def _place_pair(text: str, start: int, end: int) -> bool:
    """Whether the word found again begins a place of two words: "Thu Hà ... Hà Nội" (Hanoi)."""
    after = _WORD_AFTER.match(text, end)
    if after is None or not after.group(1)[:1].isupper():
        return False
    pair = _plain(text[start:end]) + _plain(after.group(1))
    return pair in PLACES or pair in CITY_NAMES


def _business_at(text: str, start: int, end: int) -> bool:
    words = _SPAN_WORDS.findall(text, start, end)
    after = _WORD_AFTER.match(text, end)
    return bool(words) and (words[-1].lower() in _BUSINESS or (after is not None and after.group(1).lower() in _BUSINESS)
                            or _firm_at(text, start, end))


# Round 41: a firm named after its owners, its partners' word after "&" or its legal form after the name
# ("Gauthier & Frères inc.", "Desrosiers & Associés", "Patel & Sons", "Nguyen and Partners LLP", "Roy Ltée"):
# the name is the firm's, and the partners' word is no name.
_FIRM_WORDS = (
    r"fils|fr[èe]res|associ[ée]e?s|associates|sons|daughters|partners|partenaires|brothers|bros|cie|co|company|compagnie"
)
_FIRM_AFTER = re.compile(
    rf"[ \t]*(?:&|(?i:and|et))[ \t]*(?i:{_FIRM_WORDS})(?![\w'’-])"
    # blanks, an optional comma, blanks ending in one: each run taken whole (quadratic in a long run otherwise)
    r"|[ \t]*+(?:,[ \t]*+)?(?<=[ \t])(?i:inc|lt[ée]e|ltd|llc|llp|corp|s\.?e\.?n\.?c|s\.?a\.?r\.?l|gmbh)(?![\w'’-])"
    # round 50: a word of the firm's between ("Roy Légal inc.", "Okafor Immigration Services Ltd")
    r"|(?:[ \t]++(?-i:[A-ZÀ-Þ][a-zà-ÿ]++)){1,2}+[ \t]*+,?[ \t]*+(?i:inc|lt[ée]e|ltd|llc|llp|corp|s\.?e\.?n\.?c)(?![\w'’-])"
)
_FIRM_BEFORE = re.compile(r"[^\W\d_][ \t]*&[ \t]*\Z")
_FIRM_ALONE = re.compile(rf"(?i:{_FIRM_WORDS})")


def _firm_at(text: str, start: int, end: int) -> bool:
    """Whether the name start:end is a firm's (see _FIRM_AFTER), or the partners' word after its "&"."""
    if _FIRM_AFTER.match(text, end):
        return True
    return _FIRM_ALONE.fullmatch(text, start, end) is not None and _FIRM_BEFORE.search(text, max(0, start - 4), start) is not None


def _longest(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` without those inside a longer one: "Karim, Karim Ait Ouahmane", the given name
    said again (one span) and restated with the family name (a longer one)."""
    if len(spans) < 2:
        return spans
    return [a for a in spans if not any(b != a and b[0] <= a[0] and a[1] <= b[1] for b in spans)]


# A name listed with a name found: "mamadou, boubacar and aissatou are all under 18", "le père de
# lina et de adam", "marie-ève and jean-françois are our references".
_ALONG_AFTER = re.compile(
    # round 52: the blanks before taken once (a name then 5,000 blanks: quadratic)
    r"[ \t]*+(?:,[ \t]*(?:(?P<and1>and|et)[ \t]+(?:(?:de|d['’])[ \t]*)?)?|(?<=[ \t])(?P<and2>and|et|pis)[ \t]+(?:(?:de|d['’])[ \t]*)?)"
    r"(?P<w1>[^\W\d_]{3,}(?:-[^\W\d_]{2,})?)(?:[ \t]+(?P<w2>[^\W\d_]{2,}(?:-[^\W\d_]{2,})?))?(?![\w'’-])"
)
_ALONG_BEFORE = re.compile(
    r"(?<![\w'’-])(?P<w1>[^\W\d_]{3,}(?:-[^\W\d_]{2,})?)(?:[ \t]+(?P<w2>[^\W\d_]{2,}(?:-[^\W\d_]{2,})?))?"
    r"(?:[ \t]*,[ \t]*|[ \t]+(?P<and1>and|et|pis)[ \t]+(?:(?:de|d['’])[ \t]*)?)(?P<and2>)$"
)


def _along_name(word: str, like: str, joined: bool) -> bool:
    """Whether `word`, listed along a name written like `like`, is a name too: a given name of
    the lists written the same way (lower case, or capitalised), or, joined by "and" / "et"
    to a capitalised name, a capitalised word that no list knows."""
    if word.islower() != like.islower() or _plain_word(word) or word.lower() in _LOOSE_NOT or _demonym(word.lower()):
        return False
    if _clause_given(word) or ("-" in word and all(_clause_given(part) for part in word.split("-"))):
        return True
    return joined and word[0].isupper() and not word.isupper() and word.lower() not in vocabulary() and len(word) > 3


def _listed_along(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    todo = list(spans)
    taken = list(spans)
    while todo and len(found) < 8:
        start, end = todo.pop()
        like = text[start:end].split()[0] if text[start:end].split() else ""
        two = len(text[start:end].split()) > 1
        for m in (_ALONG_AFTER.match(text, end), _ALONG_BEFORE.search(text, max(0, start - 40), start)):
            if m is None:
                continue
            joined = bool(m.group("and1") or m.group("and2"))
            if not _along_name(m.group("w1"), like, joined):
                continue
            second = m.group("w2")
            last = "w2" if two and second and (family_name(second) or _along_name(second, like, joined)) else "w1"
            span = (m.start("w1"), m.end(last))
            if not any(s < span[1] and span[0] < e for s, e in taken):
                found.append(span)
                taken.append(span)
                todo.append(span)
    return found


# Right after a name: the same name in Chinese, Japanese or Korean script ("ZHANG Wei (张伟)",
# "WANG Xiaoling 王晓玲"), or the names of the people it stands for in brackets ("M. et Mme
# Lavoie (Gilles et Francine)").
_NATIVE = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
# round 28: or on the next line, alone on it ("Wang Fang\n王芳\nborn 1988年3月15日")
# round 44: the blank runs possessive (no script's letter is a blank or a bracket): a name then 5,000 blanks took 0.3 s
# round 47: or after a comma or a slash ("Chen Yu-Ting, 陈雨婷, passport ...")
_NATIVE_AFTER = re.compile(
    rf"[ \t]*+(?:\([ \t]*+|[,/][ \t]*+)?([{_NATIVE}]{{2,5}})(?![{_NATIVE}])|[ \t]*+\n[ \t]*+([{_NATIVE}]{{2,4}})(?=[ \t]*(?:\n|\Z))"
)
_BRACKET_AFTER = re.compile(r"[ \t]*\([ \t]*([A-ZÀ-Þ][^\W\d_]+)[ \t]+(?:and|et|&)[ \t]+([A-ZÀ-Þ][^\W\d_]+)[ \t]*\)")
# The same given name said again with the family name: "its grace!! grace dimaculangan", "its
# sofia (sofia ramirez)", "it's Will. Will Thompson."
_SAID_AGAIN = re.compile(  # round 52: a word of chat between ("Hey its Chris again. Chris Park.")
    r"[ \t]*(?:(?i:again|here|encore|ici)[ \t]*)?(?:[.!,;:]+[ \t]*|\([ \t]*)([^\W\d_]+(?:['’-][^\W\d_]+)*)"
    r"((?:[ \t]+[^\W\d_]+(?:['’-][^\W\d_]+)*){1,3})(?![\w'’-])"
)


_SAID_AGAIN_END = re.compile(r"[ \t]*(?:[.!,;\n]|\Z)")
_APOLOGIES = wordset("sorry sry pardon dsl désolé désolée desole desolee oops oups")


# Round 48: the name again in an alphabet with blanks between its words, right after it ("Ivan Petrov / Иван Петров",
# "Nikos Papadopoulos (Νίκος Παπαδόπουλος)", "Avi Cohen, אבי כהן", "Rahul Verma / राहुल वर्मा")
_ALPHABET_AFTER = re.compile(
    rf"[ \t]*+(?:\([ \t]*+|[,/][ \t]*+)([{_ALPHABETS}]{{2,}}+(?:[ \t]++[{_ALPHABETS}]{{2,}}+){{0,3}}+)(?![\w'’-])"
    r"(?=[ \t]*+(?:[),;.!\n/|]|\Z))"  # the name alone: as many words as the name, then the clause's end
)


_GOES_BY_AFTER = re.compile(
    r"[ \t]*+(?:here[ \t]*+|ici[ \t]*+)?(?:\([ \t]*+|[\"“«][ \t]*+)([A-ZÀ-Þ][a-zà-ÿ]{1,14}+(?:-[A-ZÀ-Þ][a-zà-ÿ]++)?)[ \t]*+[)\"”»]"
)


_OR_AFTER = re.compile(
    r"[ \t]*+\([ \t]*+(?i:or|ou|o|maybe|peut-[êe]tre)[ \t]++(?:(?i:maybe|peut-[êe]tre)[ \t]++)?"
    r"([A-ZÀ-Þ][a-zà-ÿ]{1,14}+(?:-[A-ZÀ-Þ][a-zà-ÿ]++)?)[ \t]*+\??[ \t]*+\)"
)


def _nickname(word: str) -> bool:
    """A capitalised word that may be the name someone goes by: no word of the language, place, people, month or relative."""
    low = word.lower()
    return (given_name(word) or _unknown_capital(word)) and not _not_a_name_part(word) and not _plain_word(word) \
        and low not in _RELATION_NOUNS and low not in COUNTRIES and low not in HOME_TOWNS and not _demonym(low)


_RELATION_NOUNS = wordset("""
me moi wife husband son daughter mother father mom dad brother sister child kids spouse applicant sponsor principal
femme mari fils fille mère mere père pere frère frere soeur sœur enfant conjoint conjointe épouse epoux époux
""")


def _restated(text: str, end: int, start: int = -1) -> Iterator[tuple[int, int]]:
    if (native := _NATIVE_AFTER.match(text, end)) is not None:
        yield native.span(native.lastindex or 1)
    elif (other := _ALPHABET_AFTER.match(text, end)) is not None \
            and (start < 0 or len(other.group(1).split()) == len(text[start:end].split())):
        yield other.span(1)  # as many words as the name has
    elif (nick := _GOES_BY_AFTER.match(text, end)) is not None and _nickname(nick.group(1)):
        yield nick.span(1)  # round 48: the name a person goes by, in brackets or quotes after the name ("Aleksandra (Ola)")
    elif (other := _OR_AFTER.match(text, end)) is not None and _nickname(other.group(1)):
        yield other.span(1)  # round 50: the name unsure, another in brackets ("Agent Kim (or Kimberly?)", "Mme Roy (ou Leroy ?)")
    elif (pair := _BRACKET_AFTER.match(text, end)) is not None:
        if all(given_name(pair.group(i)) for i in (1, 2)):
            yield pair.span(1)
            yield pair.span(2)
    elif (again := _SAID_AGAIN.match(text, end)) is not None:
        start = text.rfind(" ", 0, end) + 1
        first, words = again.end(1), again.group(2).split()
        if again.group(1).lower() != text[start:end].lower():
            # round 37: a name of two words said again in full ("hi its ana lucia, ana lucia ferreira sorry")
            before = text.rfind(" ", 0, max(0, start - 1)) + 1
            if not (words and again.group(1).lower() == text[before:start].strip().lower()
                    and words[0].lower() == text[start:end].lower()):
                return
            first, words = text.index(words[0], again.end(1)) + len(words[0]), words[1:]
        if words:
            last = first
            for word in words:  # the family name, middle names: up to a word that is not a name
                if (_plain_word(word) or _verb_like(word) or len(word) < 3 or word.lower() in _APOLOGIES) \
                        and not (last == first and word[0].isupper() and not word.isupper() and family_name(word)
                                 and _SAID_AGAIN_END.match(text, text.index(word, last) + len(word))):
                    break  # round 52: not "its Chris again. Chris Park.": a family name that is a word too, ending it
                last = text.index(word, last) + len(word)
            if last > first:
                yield again.start(1), last


# A name in Latin letters right before the same in its own script: "kim min-jun (김민준)".
_BEFORE_NATIVE = re.compile(
    rf"(?<![\w'’-])((?:[^\W\d_]+(?:['’-][^\W\d_]+)*[ \t]+){{0,2}}[^\W\d_]+(?:['’-][^\W\d_]+)*)[ \t]*\([ \t]*[{_NATIVE}]{{2,5}}[ \t]*\)"
)


# Round 47: the syllables of a romanised Chinese or Korean name, one a character: its groups of vowels
_VOWELS = re.compile(r"[aeiouyàáâãäåèéêëìíîïòóôõöùúûüāēīōūǎěǐǒǔ]+", IGNORE_CASE)
_HAN_HANGUL = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+")


def _syllables(words: list[str]) -> int:
    return sum(len(_VOWELS.findall(w)) for w in words)


def _native_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _BEFORE_NATIVE.finditer(text):
        words = m.group(1).split()
        native = _HAN_HANGUL.search(text, m.end(1), m.end())
        while words and (_plain_word(words[0]) or "'" in words[0] or "’" in words[0]
                         or (words[0].islower() and any(w[0].isupper() for w in words[1:]))):
            if native is not None and words[0][:1].isupper() and len(words) > 1 and _syllables(words) == len(native.group()) \
                    and all(w[:1].isupper() and not _plain_word(w) for w in words[1:]):
                break  # round 47: "My mother's name: Ma Lihua (马丽华)": a family name that is a word, one character's syllable
            words.pop(0)  # round 28: "Mon mari Zhao Jun (赵军)": the lower-case relative before the name
        if words and not any(_plain_word(w) or w.lower() in PLACES for w in words):
            yield m.end(1) - len(" ".join(words)), m.end(1)


class _Stretches:
    """Spans as sorted starts with the furthest end so far: whether a position or a stretch meets one, in log time
    (``_repeated`` asked it of every span for every word: 14.5 s for 600 names in 8,000 characters)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.reach = list(accumulate((end for _, end in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end) - 1
        return i >= 0 and self.reach[i] > start

    def holds(self, position: int) -> bool:
        i = bisect.bisect_right(self.starts, position) - 1
        return i >= 0 and self.reach[i] > position


_SUBJECT_VERB_AFTER = (
    r"can['’]?t|cannot|can|could|couldn['’]?t|is|isn['’]?t|was|wasn['’]?t|has|hasn['’]?t|had|needs|need|wants|will|won['’]?t"
    r"|does|doesn['’]?t|did|didn['’]?t|lives|works|got|lost|moved|n['’]a|ne|a|est|doit|veut|peut"
)


def _repeated(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    said: set[str] = set()
    alone: set[str] = set()
    worded: set[str] = set()
    for start, end in spans:
        words = _WORD.findall(text, start, end)
        for w in words:
            low = w.lower()
            if len(w) > 1 and low not in NAME_PARTICLES and not common_given_name(w) and not _plain_word(w):
                said.add(low)
        if len(words) == 1 and given_name(words[0]):
            alone.add(words[0].lower())
        elif len(words) == 1 and len(words[0]) > 2:
            # round 18: any word masked alone as a name, said again with a family name of the lists
            # after it ("my aunt precious ..., precious okoro, she lives at ...")
            worded.add(words[0].lower())
    families = {words[-1].lower() for start, end in spans if len(words := _WORD.findall(text, start, end)) >= 2
                and len(words[-1]) > 2 and words[-1][0].isupper() and not _plain_word(words[-1])}
    lower = text.lower()
    found: list[tuple[int, int]] = []
    masked = _Stretches(spans)
    shouted = {w.lower() for start, end in spans if text[start:end].isupper() for w in _WORD.findall(text, start, end)}
    values = dict.fromkeys(lower[start:end] for start, end in spans)  # each value once, in order: linear in the spans
    for value in values:  # round 28: a name of two words or more said again whole, the family name in capitals
        # before it ("my wife is Hui Min\nfamily name Chen\nso CHEN Hui Min on passport")
        if " " in value and lower.count(value) > 1:
            for again in re.finditer(rf"(?<![\w'’-]){re.escape(value)}(?![\w'’-])", lower):
                if masked.overlaps(again.start(), again.end()):
                    continue
                first = again.start()
                if (before := _CAPS_BEFORE.search(text, max(0, first - 25), first)) and before.group(1).lower() in worded | said:
                    first = before.start(1)
                found.append((first, again.end()))
    if _MISSPELT_CUE.search(text):
        found += _misspelt(text, spans)
    said = {w for w in said if lower.count(w) > 1}
    worded = {w for w in worded if lower.count(w) > 1}
    for value in values:  # round 53: a full name's given name that is a word too, said again to open a sentence, its verb after it
        first = value.split()[0] if " " in value else ""
        if len(first) > 2 and lower.count(first) > 1 and common_given_name(first):
            for again in re.finditer(rf"(?:^|(?<=[.!?\n])[ \t]*)({re.escape(first.title())})(?=[ \t]+(?i:{_SUBJECT_VERB_AFTER})(?![\w'’-]))", text):
                if not masked.overlaps(again.start(1), again.end(1)):
                    found.append(again.span(1))
    parts = {w.lower() for start, end in spans for w in _WORD.findall(text, start, end)
             if len(w) > 1 and w.lower() not in NAME_PARTICLES and lower.count(w.lower()) > 1} if _PART_NAMED.search(text) else set()
    if not said and not worded and not parts:
        return found
    for m in _WORD.finditer(text):
        low = m.group().lower()
        # round 26: capitalised, whatever it owns ("this is Wang Lei's employer ... Wang's LMIA-based permit")
        if low[-2:] in ("'s", "’s") and low[:-2] in said and (m.group()[0].isupper() or _OWNED_NEXT.match(text, m.end())) \
                and not masked.holds(m.start()):
            found.append((m.start(), m.end() - 2))  # the name found again as an owner: "Meron's birthday"
            continue
        if low not in said and low in parts and m.group()[:1].isupper() and not masked.holds(m.start()) \
                and _PART_AFTER.match(text, m.end()):
            found.append(m.span())  # round 47: "Do Van Hung (Do = nom de famille)": a part that is a word too, said to be one
            continue
        if (low not in said and low not in worded) or masked.holds(m.start()):
            continue
        if low in worded and (nxt := _NEXT_NAME.match(text, m.end())) and family_name(nxt.group(1)) \
                and not given_name(nxt.group(1)) and not _plain_word(nxt.group(1)):
            found.append((m.start(), nxt.end()))
            continue
        if low in worded and m.group()[0].isupper() and (nxt := _NEXT_NAME.match(text, m.end())) \
                and nxt.group(1)[0].isupper() and not nxt.group(1).isupper() and _unknown_capital(nxt.group(1)) \
                and not _not_a_name_part(nxt.group(1)) and _SENTENCE_STOP.match(text, nxt.end()) \
                and _SENTENCE_OPENS.search(text, max(0, m.start() - 3), m.start()):
            found.append((m.start(), nxt.end()))  # round 28: "Mr. Kebede, he is my neighbour. Kebede Worku."
            continue
        if low not in said:
            continue
        if _PLACE_NAMED_AFTER.match(text, m.end()):
            continue  # "TRAN Van Minh ... Ho Chi Minh City": a place named after someone
        if m.group().islower() and _NOT_JUST_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            found.append(m.span())  # round 45: "... Dear Nguyen Thi Mai ... my name is Mai Tran not nguyen": the name denied
            continue
        if _PART_BEFORE.search(text, max(0, m.start() - 25), m.start()) or _PART_AFTER.match(text, m.end()):
            found.append(m.span())
        elif not m.group().islower() and _SENTENCE_OPENS.search(text, max(0, m.start() - 3), m.start()) \
                and _FRAGMENT_END.match(text, m.end()):
            found.append(m.span())  # round 50: "it's me lol. Nhung. Nguyen Thi Nhung.": a word of the name, a sentence alone
        elif len(low) > 3 and m.group().isupper() and low in shouted and not text.isupper():
            found.append(m.span())  # round 50: "MARIA DE LOURDES HERNANDEZ GARCIA ... only HERNANDEZ,": in capitals again
        elif low in families and m.group()[0].isupper() and (given := _GIVEN_BEFORE27.search(text, max(0, m.start() - 25), m.start())) \
                and given_name(given.group(1)) and not _plain_word(given.group(1)) \
                and not masked.holds(given.start(1)):
            # round 31: another of the family, the family name of a name found after a given name of the lists
            # ("envoyez tout pour Serge Kamdem à sa femme Pélagie Kamdem", "for Bashir Noori and his wife Zahra Noori")
            found.append((given.start(1), m.end()))
        elif low in alone and (nxt := _NEXT_NAME.match(text, m.end())) and _family_last(nxt.group(1)) \
                and not _plain_word(nxt.group(1)):
            found.append((m.start(), nxt.end()))
        elif _clause_given(m.group()) and low not in _LOOSE_NOT:
            found.append((m.start(), _family_after(text, m.end())))  # "my son jericho ... jericho passport is"
        elif (line := _GIVEN_LINE_BEFORE.search(text, max(0, m.start() - 40), m.start())) and _LINE_END_AFTER.match(text, m.end()) \
                and not any(_plain_word(w) or _not_a_name_part(w) for w in line.group(1).split()):
            found.append((line.start(1), m.end()))  # round 28: "Mr. Shah here\nNikhil Shah\nbirth date ...": a line of its own
    return found


# Round 28: the name as a document or portal misspells it, one letter off, where the message speaks of
# the spelling ("its Ifeoma ... the portal says my name wrong, it shows Ifeomah with h").
_MISSPELT_CUE = re.compile(
    r"\b(?:spell(?:ed|t|ing)?|wrong|typo|mistake|misspel\w*|shows|says|written|wrote|écrit|ecrit|erreur|faute|mal)\b", IGNORE_CASE
)


def _misspelt(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    names = {w.lower() for s, e in spans for w in _WORD.findall(text, s, e) if len(w) >= 5}
    found = []
    for m in _WORD.finditer(text):
        word = m.group()
        low = word.lower()
        if len(word) < 5 or not word[0].isupper() or low in names or any(s <= m.start() < e for s, e in spans) \
                or _plain_word(word) or low in vocabulary() or _not_a_name_part(word):
            continue
        if any(name[0] == low[0] and _one_letter_off(name, low) for name in names):
            found.append(m.span())
    return found


def _one_letter_off(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


_CAPS_BEFORE = re.compile(r"(?<![\w'’-])([A-ZÀ-Þ]{2,})[ \t]+\Z")
_SENTENCE_STOP = re.compile(r"[ \t]*(?:[.!?;\n]|\Z)")
_FRAGMENT_END = re.compile(r"[ \t]*(?:[.!?\n]|\Z)")
_SENTENCE_OPENS = re.compile(r"(?:^|[.!?\n])[ \t]*\Z")
_GIVEN_LINE_BEFORE = re.compile(r"(?:^|(?<=\n))[ \t]*((?:[A-ZÀ-Þ][a-zà-ÿ'’-]+[ \t]+){1,2})\Z")
_LINE_END_AFTER = re.compile(r"[ \t]*(?:\n|\Z)")


_NEXT_NAME = re.compile(r"[ \t]+([^\W\d_]+(?:['’-][^\W\d_]+)*)(?![\w'’-])")
_OWNED_NEXT = re.compile(rf"[ \t]+(?:{_OWNED})(?![\w'’-])", IGNORE_CASE)
_PLACE_NAMED_AFTER = re.compile(
    r"[ \t]+(?i:city|ville|street|st|road|rd|avenue|ave|boulevard|blvd|district|province|square|park|university|hall)(?![\w'’-])"
)


# The family name given on its own after its label, any case, particles kept: "family name
# Pham", "surname is de la fuente ortega", "nom de famille : N'Diaye", "last name: van der Berg".
_SURNAME_LABEL = re.compile(
    r"(?<![\w'’-])(?:surname|last[ \t]+name|family[ \t]+name|nom[ \t]+de[ \t]+famille)"
    r"(?:[ \t]+(?:is|est))?[ \t]*[:=-]?[ \t]*(?=[^\W\d_])",
    IGNORE_CASE,
)
_SURNAME_KEYS = wordset("surname last family famille")


def _surname_label_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _SURNAME_LABEL.finditer(text):
        pos, words = m.end(), []
        while len(words) < 5 and (w := _WORD.match(text, pos)):
            word = w.group()
            if word.lower() not in NAME_PARTICLES and (_plain_word(word) or word.lower() in _SURNAME_STOP):
                break
            words.append(w.span())
            nxt = re.compile(r"[ \t]+").match(text, w.end())
            if nxt is None:
                break
            pos = nxt.end()
        while words and (text[slice(*words[-1])].lower() in NAME_PARTICLES or not _listed_or_capital(text[slice(*words[-1])])):
            words.pop()
        if words and text[slice(*words[0])].lower() not in NAME_PARTICLES and not _listed_or_capital(text[slice(*words[0])]):
            continue
        if words:
            yield words[0][0], words[-1][1]


def _given_label_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _GIVEN_LABEL_SHOUTED.finditer(text):
        words = []
        for w in m.group(1).split():
            if w.lower() in _FORM_FIELDS or w.lower() in NOT_NAME or (_plain_word(w) and not given_name(w)):
                break
            words.append(w)
        if words:
            yield m.start(1), m.start(1) + len(" ".join(words)) if len(words) == 1 else _end_of(text, m.start(1), words)


# Round 50: a passport's data page pasted, the given names in capitals after their label with no colon ("Surname
# OKAFOR Given Name(s) CHIDI EMEKA Sex M", "Nom DIALLO Prénoms AMINATA Date de naissance ...").
_GIVEN_LABEL_SHOUTED = re.compile(
    r"(?<![\w'’-])(?i:given[ \t]+names?(?:[ \t]*\(s\))?|pr[ée]noms?(?:[ \t]*\(s\))?)[ \t]*[:/]?[ \t]*"
    r"((?-i:[A-ZÀ-ÖØ-Þ]{2,}(?:['’-][A-ZÀ-ÖØ-Þ]+)*)(?:[ \t]+(?-i:[A-ZÀ-ÖØ-Þ]{2,}(?:['’-][A-ZÀ-ÖØ-Þ]+)*)){0,3})(?![\w'’-])"
)
_GIVEN_LABEL_KEYS = wordset("given prénoms prénom prenoms prenom")
_FORM_FIELDS = wordset("""
sex sexe date dob ddn nationality nationalité place lieu type code no authority autorité given name names surname nom
prénom prénoms prenom prenoms
""")
_SURNAME_STOP = wordset("is est and et but mais born née né nee ne given prénoms prénom prenoms prenom")


def _listed_or_capital(word: str) -> bool:
    return _run_name(word) or (word[0].isupper() and word[1:].islower() and len(word) > 1)


# Round 16 (issue 14): what a PERSON span found by the rules or the tagger does not name.
# Public figures a client names in passing or with their role ("Saw Marc Miller on the news",
# "Is it true Mark Carney changed the cap", "j'ai vu Céline Dion"): their full names, as the
# public knows them (politicians of immigration's news, Canada's and the clients' countries'
# leaders, celebrities). A client who says the name is theirs or a relative's keeps it masked.
_PUBLIC_FIGURES = """
mark carney|justin trudeau|pierre poilievre|jagmeet singh|chrystia freeland|yves francois blanchet
|marc miller|sean fraser|ahmed hussen|marco mendicino|lena diab|lena metlege diab|melanie joly
|dominic leblanc|francois philippe champagne|anita anand|steven guilbeault|francois legault
|jean francois roberge|christine frechette|paul st pierre plamondon|doug ford|david eby
|danielle smith|scott moe|wab kinew|tim houston|susan holt|olivia chow|valerie plante
|soraya martinez ferrada|stephen harper|jean chretien|brian mulroney|donald trump|joe biden
|kamala harris|barack obama|narendra modi|emmanuel macron|keir starmer|rishi sunak|xi jinping
|vladimir putin|volodymyr zelensky|celine dion|shawn mendes|justin bieber|avril lavigne
|wayne gretzky|connor mcdavid|sidney crosby|michael buble|ryan reynolds|ryan gosling
|alanis morissette|shania twain
|john a macdonald|john macdonald|louis riel|laura secord|george etienne cartier|wilfrid laurier
|isaac brock|samuel de champlain|jacques cartier|terry fox|lester pearson|lester b pearson
|pierre trudeau|pierre elliott trudeau|john mccrae|agnes macphail|nellie mcclung|emily murphy
|john graves simcoe|joseph brant|thayendanegea|louis joseph papineau|louis hippolyte lafontaine
|robert baldwin|joseph howe|marie de l incarnation|marguerite bourgeoys|john diefenbaker
|tommy douglas|mackenzie king|william lyon mackenzie|william lyon mackenzie king|thomas d arcy mcgee
|alexander graham bell|frederick banting|viola desmond|elizabeth ii|queen elizabeth|king charles
|charles iii|will smith|ho chi minh|nelson mandela|martin luther king
"""
_PUBLIC_FIGURE_SET = frozenset(" ".join(name.split()) for name in _PUBLIC_FIGURES.split("|"))
# The family names of those the news names alone ("Miller said the caps would fall").
_PUBLIC_FAMILY_NAMES = wordset("""
carney trudeau poilievre freeland miller mendicino hussen guilbeault legault roberge frechette
plamondon chretien mulroney harper trump biden obama modi macron
""")
# Round 35: after a title, only when the statement is a public one: a statement's verb right after, and the country,
# its government or a political word in the sentence, no first person in it ("Mr. Trudeau said in 2015 Canada
# would take 25,000 Syrians"; not "Mr. Miller said my file is complete", "Mr. Miller said Canada needs my ...").
_STATED_AFTER = re.compile(
    r"[ \t]+(?:said|says|promised|announced|declared|stated|a[ \t]+(?:dit|promis|annonc[ée]|d[ée]clar[ée]))(?![\w'’-])"
    r"(?![^.!?\n]*(?<![\w'’-])(?i:my|me|i|mon|ma|mes|moi|je|j['’]|our|notre|nos|us|nous)(?![\w-]))"
    r"[^.!?\n]{0,80}?(?<![\w'’-])(?:Canada|government|gouvernement|federal|fédéral|Ottawa|election|élection|Parliament"
    r"|Parlement|prime[ \t]+minister|premier[ \t]+ministre|policy|politique)(?![\w'’-])",
)
# ... followed by what they did ("Miller said"), not "Miller here", "Miller, John".
_NEWS_VERB_AFTER = re.compile(r"(?:['’]s)?[ \t]+(?!(?:here|ici|speaking|from|de|and|et)\b)[a-zà-ÿ]", IGNORE_CASE)
_TITLE_BEFORE = re.compile(r"\b(?:mr|mrs|ms|mme|mlle|m|dr|madame|monsieur|sir|madam)\.?[ \t]+$", IGNORE_CASE)
# The client's own or a relative's name, whoever else bears it: "my name is Marc Miller".
_OWN_NAME_BEFORE = re.compile(
    r"(?:\b(?:name|nom|names|noms)\s*(?:is|est|:)?|\bappelle|\bi['’]?m|\bi\s+am|\bje\s+suis|\bthis\s+is|\bc['’]est"
    r"|\bmoi|\bmyself|\bsigned|\bsincerely|\bregards|\bmerci|\bthanks|\bcordialement)\s*[:,]?\s*$",
    IGNORE_CASE,
)
# Places and bodies named after people: the word after ("Simon Fraser University", "Georges Vanier
# Secondary") or before the name ("l'hôpital Charles-LeMoyne", "la fondation Lucie ...").
_NAMED_PLACE_AFTER = wordset("""
university université universite college collège secondary elementary school école ecole hospital
hôpital hopital institute institut airport aéroport aeroport stadium arena museum musée library
bibliothèque foundation fondation pharmacy pharmacie memorial boulevard parkway expressway highway
neighbourhood neighborhood settlement
""")
_REIGNING = re.compile(r"(?:Pope[ \t]+[A-Z][a-z]+|(?:King|Queen|Emperor|Empress)[ \t]+[A-Z][a-z]+[ \t]+(?:I{1,3}|IV|V|VI{1,3}|IX|X))(?![\w'’-])")
_REIGNING_BEFORE = re.compile(r"(?<![\w'’-])Pope[ \t]+\Z")
# Round 28: a body named after someone, capitalised words between the name and the body's word.
# round 32: a shopping mall or a tower named after its owner ("the VAC in Dubai, Wafi Mall, ph ...")
# round 35: a charity, a church named after its saint ("St. Vincent de Paul Society", "St. Anne Parish")
_CAPITAL_PLACE = ("Hospital|University|College|School|Centre|Center|Institute|Clinic|House|Library|Foundation|Museum|Arena|Stadium"
                  "|Airport|Mall|Tower|Towers|Society|Church|Parish|Cathedral|Basilica|Chapel|Shelter|Association")
_CAPITALS_THEN_PLACE = re.compile(rf"(?:[ \t]+[A-Z][a-z]+){{0,2}}[ \t]+(?:{_CAPITAL_PLACE})(?![\w'’-])")
_CAPITAL_PLACE_WORDS = frozenset(_CAPITAL_PLACE.split("|"))
_NAMED_PLACE_BEFORE = wordset("""
université universite université collège college école ecole cégep cegep lycée lycee hôpital hopital
hospital parc pont aéroport aeroport métro metro station fondation foundation pharmacie clinique
polyvalente pavillon paroisse église eglise caisse boulevard boul avenue rue
colonia col phuong phường quan quận barangay brgy
barrio bairro urbanización urbanizacion urb reparto vereda corregimiento fraccionamiento quartier kelurahan kampung
immeuble bldg building bâtiment batiment compound lakou camp
douar commune province wilaya daïra daira derb
ul ulica ulicy aleja jabal jebel wadi
rua calle avenida travessa alameda jalan
vila jardim
djenane zenket zanqat houmet cité cite lotissement impasse résidence residence
""")
# Round 44: the line above, the Maghreb's (and French) words of a street, a lane or an estate before its name
# ("Djenane El Malik, Hydra", "Zenket Sidi Ali", "Cité Ennasr", "Résidence Al Amal").
# Round 36: the line above, a Brazilian district's word before its name ("Vila Olímpia", "Jardim Paulista").
# Round 35: the line above, a Polish street's word before its patron's name in the genitive ("ul. Jana Matejki"), an
# Arab district named after its hill or valley ("Jabal Al-Hussein", "Wadi Saqra").
# Round 17: companies a newcomer compares, named alone ("Rogers or Bell for a phone plan",
# "Desjardins or Tangerine?"): phone and internet providers, banks. Kept after a title, "my
# name is", a relative's word ("Mr. Rogers", "my landlord Bell").
_COMPANIES = wordset("""
rogers bell telus fido koodo videotron vidéotron freedom chatr virgin shaw cogeco eastlink sasktel
desjardins tangerine simplii scotiabank wealthsimple koho
""")
_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_]+)")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.?[ \t]+$")
_SPAN_WORDS = re.compile(r"[^\W\d_]+")
# Round 30: a saint's name right after "St."/"Saint" and before a possessive names a church, a hospital,
# a school ("St. Luke's Medical Center", "Saint Joseph's"); a name joined to "-Ville"/"-City" names a town.
_SAINT_BEFORE = re.compile(r"(?<![\w'’-])(?:st|ste|saint|sainte)\.?[ \t]+\Z", IGNORE_CASE)
_POSSESSIVE_AFTER = re.compile(r"['’]s?(?![\w'’-])")
_TOWN_SUFFIX = re.compile(r"-(?:ville|city)\Z", IGNORE_CASE)
# A form's label inside a name's span: "Nom de famille : Tremblay-Ouellet Prénom : Catherine",
# "Name Oluwaseun Adebayo / Passport ...".
_LABEL_WORDS = wordset("name nom prénom prenom prénoms prenoms surname surnames given")
# A label word is a word of its own: the half of a hyphenated word ("Name-Name", "Nom-Prénom" as a value) is not one,
# as people() reads the name's first word; split at the hyphen, the second look differed from the first (the name's
# last word masked, its hyphenated first one then read before the placeholder as a name of its own).
_WHOLE_WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# The rest of the name masked right after the span (on the second look): the placeholder counts as the name's last
# word, so that label words before it are dropped as they were when the name's word stood there.
_NAME_PLACEHOLDER_NEXT = re.compile(r"[ \t]*+-?[ \t]*+\[PERSON\]")


def _plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


# Round 19: the words a span may have left out of a public figure's name ("Louis" of "Louis Riel").
_CAPITALISED_NEXT = re.compile(r"[ \t]+((?:(?:de|d['’]|du|la|le)[ \t]*)?[A-ZÀ-Þ][^\W\d_]*(?:[-'’][^\W\d_]+)*)")


def _public_figure(text: str, start: int, end: int, words: list[str]) -> bool:
    """Whether the span's words, or they and the capitalised words right after them, are a
    public figure's full name ("John A. Macdonald", "Louis" of "Louis Riel")."""
    name = " ".join(_plain(w) for w in words)
    if len(words) > 1 and name in _PUBLIC_FIGURE_SET:
        return True
    for _ in range(2):
        more = _CAPITALISED_NEXT.match(text, end)
        if more is None:
            return False
        name += " " + " ".join(_plain(w) for w in _SPAN_WORDS.findall(more.group(1)))
        end = more.end()
        if name in _PUBLIC_FIGURE_SET:
            return True
    return False


# Round 29: a town's or a park's name that is a given name too, said as a place in the message: before
# "national/provincial park", or asked about as a town or an area ("Is Jasper a separate postal area?").
def _place_named(text: str, word: str) -> bool:
    w = re.escape(word)
    return re.search(
        rf"(?<![\w'’-]){w}[ \t]+(?:national|provincial|regional)[ \t]+park\b"
        rf"|\b[Ii]s[ \t]+{w}[ \t]+(?:a|an|in[ \t]+a)[ \t]+(?:[a-z]+[ \t]+){{0,2}}(?:town|city|village|area|region|municipality|hamlet|township|zone)\b",
        text,
        IGNORE_CASE,
    ) is not None


_SINCE_BEFORE = re.compile(
    r"(?<![\w'’-])(?:since|until|till|til|by|before|after|early|late|mid|end[ \t]+of|depuis|jusqu['’][ \t]*(?:en|à|a)|avant|après|apres"
    r"|fin|début|debut|mi)[ \t-]+\Z",
    IGNORE_CASE,
)
_MONTH_END_AFTER = re.compile(r"[ \t]*(?:[.,;!?)\n]|$|[0-9]|(?:and|et|or|ou|lol|pls|please|svp|now|already|déjà|deja)(?![\w'’-]))", IGNORE_CASE)


# Round 35: a street named after someone, the street's type after the rest of the name ("Khaled Bin Al-Walid St.
# building 23", "Simon Bolivar Ave, apt 4"); the type then ends its clause or a number, a unit's word follows.
_STREET_NAMED_AFTER = re.compile(
    r"(?:[ \t]+(?:[A-ZÀ-Þ][\w'’-]*|bin|ibn|al|el|de|del|da|van|von))?(?:[ \t]+(?:[A-ZÀ-Þ][\w'’-]*))?"
    r"[ \t]+(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Lane|Ln|Highway|Hwy)\.?"
    r"(?=[ \t]*(?:[,;\n]|$|[0-9]|(?i:building|bldg|apt|apartment|unit|suite|floor|no\.?|near)(?![\w'’-])))"
)
_VIET_PLACE_BEFORE = re.compile(
    r"(?<![\w'’-])(?i:quận|phường|đường|phố|huyện|xã|tỉnh|quan|phuong|duong|huyen)[ \t]+(?:[^\W\d_]+[ \t]+)?\Z"
)


def _signature_firm(text: str, start: int, end: int) -> bool:
    """Whether the PERSON span start:end ends a signature's line after the person's role and a separator: the firm's
    name ("Procurement Manager | Ferretti Marine"), not a person (see offices.ROLE_LINE_BEFORE)."""
    line_start = text.rfind("\n", 0, start) + 1
    rest = text[end : text.find("\n", end) if text.find("\n", end) >= 0 else len(text)]
    if line_start == 0 or rest.strip(" \t.") or start - line_start > 80:
        return False
    return ROLE_LINE_BEFORE.match(text, line_start, start) is not None


# Round 44: one word inside a job's title: a role's word after it, and before it the line's start, a separator or the
# title's first word ("Tran Quoc Bao | Chief Financial Officer", "Goh Siew Ling (Ms)\nFinance Manager").
_JOB_AFTER = re.compile(
    r"[ \t]{1,3}(?i:manager|officer|director|lead|engineer|analyst|coordinator|assistant|specialist|consultant|executive"
    r"|supervisor|advisor|adviser|accountant|controller|administrator|representative|partner|associate)(?![\w'’-])"
)
_JOB_HEAD_BEFORE = re.compile(
    r"(?:^|\n|[|,–—-])[ \t]{0,3}(?:(?i:chief|senior|junior|head|vice|deputy|assistant|associate|regional|general|executive"
    r"|group|global|area|country)[ \t]{1,3})?\Z"
)


# Round 44: a district named like a street of the same message ("8 Kwai Chung Road, Kwai Chung (no postcode)"), and
# a district between an address's number and its town and postal code ("Jr. Huiracocha 1452, dpto 302, Jesús María,
# Lima 15072"): no person.
_STREET_TYPE_NEXT = re.compile(rf"[ \t]{{1,3}}(?i:{STREET_TYPES_EN}|way)(?![\w'’-])")
_NUMBERED_PART_BEFORE = re.compile(r"[0-9][^\n,]{0,25},[ \t]{0,3}\Z")
_TOWN_CODE_AFTER = re.compile(r"[ \t]{0,3},[ \t]{0,3}[A-ZÀ-Þ][a-zà-ÿ'’-]+(?:[ \t][A-ZÀ-Þ][a-zà-ÿ'’-]+)?[ \t]{1,3}[0-9]{4,6}(?![0-9])")


def _street_echo(text: str, start: int, end: int) -> bool:
    value = text[start:end]
    if " " not in value or _RELATION.search(text, max(0, start - 40), start) is not None:
        return False  # not "my wife Maria Lopez"
    pos = text.find(value)
    while pos >= 0:
        if pos != start and _STREET_TYPE_NEXT.match(text, pos + len(value)):
            return True
        pos = text.find(value, pos + 1)
    return False


def _district_between(text: str, start: int, end: int) -> bool:
    if _TOWN_CODE_AFTER.match(text, end) is not None and _NUMBERED_PART_BEFORE.search(text, max(0, start - 30), start) is not None:
        return True
    # round 45: between a numbered street and the next part of its address ("88 Nathan Road, Tsim Sha Tsui, Kowloon")
    return _ADDRESS_PART_AFTER.match(text, end) is not None and not given_name(text[start:end].split()[0]) \
        and _NUMBERED_STREET_BEFORE.search(text, max(0, start - 70), start) is not None


_ADDRESS_PART_AFTER = re.compile(r"[ \t]{0,3},[ \t]{0,3}[A-ZÀ-Þ0-9]")
_NUMBERED_STREET_BEFORE = re.compile(
    r"(?<![\w'’-])[0-9]{1,6}[A-Za-z]?[ \t]+(?:[A-ZÀ-Þ][\w'’-]*[ \t]+){1,3}"
    r"(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Highway|Hwy|Jalan|Jl|Marg|Nagar|Soi)\.?[ \t]{0,3},[ \t]{0,3}\Z"
)


_NOT_JUST_BEFORE = re.compile(r"(?<![\w'’-])(?:not|pas|non)[ \t]\Z", IGNORE_CASE)
_HO_CHI_MINH = re.compile(r"(?<![\w'’-])(?i:h[oồ][ \t]+ch[ií][ \t]+minh)\Z")
_STREET_WORDS_ALONE = wordset("avenue rue boulevard street road chemin calle rua avenida")
_HO_BEFORE = re.compile(r"(?<![\w'’-])(?:Hồ|Ho|HỒ|HO)[ \t]+\Z")
_FLIGHT_WORD = re.compile(r"(?<![\w'’-])(?:flights?|vols?|fly|flying|flies|airlines?|atterri\w*|landing|lands)(?![\w'’-])", IGNORE_CASE)
_FLIGHT_NUMBER_AFTER = re.compile(r"[ \t]++(?:(?i:flight|vol)[ \t]++)?(?-i:[A-Z][A-Z0-9]|[A-Z0-9][A-Z])[ \t]?[0-9]{2,4}(?![\w'’-])")


_last_digit: tuple[str, bool] = ("", False)


def _has_digit(text: str) -> bool:
    """Whether `text` holds a digit, found once for the text whose names :func:`not_a_person` looks at one by one
    (round 50: read again for each name, a text of many names took a quadratic time)."""
    global _last_digit
    last = _last_digit
    if last[0] is not text:
        last = _last_digit = (text, any(c.isdigit() for c in text))
    return last[1]


def not_a_person(text: str, start: int, end: int) -> bool:
    """Whether the PERSON span start:end names a public figure, a place or a body rather than a
    person of the client's (see above)."""
    words = _SPAN_WORDS.findall(text, start, end)
    if not words:
        return False
    if "<<" in text and "<" in (text[start - 1:start] + text[end:end + 1]) and _in_mrz_line(text, start):
        return False  # round 46: a word of a passport's machine-readable line of names ("...<<ELEANOR<ROSE<<<"): a name
    if "Chez" in text and _CHEZ_FIRM_BEFORE.search(text, max(0, start - 30), start):
        return True  # round 46: a shop's name, "Boulangerie Chez Nicole", "Restaurant Chez Marcel" ("chez Nicole" stays)
    if "\n" in text and _signature_firm(text, start, end):
        return True  # round 43: "Associé | Raymond Chabot Grant Thornton", "Operations Supervisor, Accenture Manila"
    if len(words) == 1 and _JOB_AFTER.match(text, end) and _JOB_HEAD_BEFORE.search(text, max(0, start - 30), start):
        return True  # round 44: "Chief Financial Officer", "Finance Manager" opening its line: a job's title
    if _has_digit(text) and (_street_echo(text, start, end) or _district_between(text, start, end)):
        return True  # round 44: "8 Kwai Chung Road, Kwai Chung", "dpto 302, Jesús María, Lima 15072": a district
    if len(words) == 1 and words[0].lower() in _STREET_WORDS_ALONE:
        return True  # round 45: "c'est Avenue des Arts 58": a street's type, its name after it
    if crossing_street(text, start):
        return True  # round 50: "Rue Galliéni x Amadou Assane Ndoye": the street crossing another
    if len(words) == 2 and _HO_BEFORE.search(text, max(0, start - 4), start) and _plain(words[0]) == "chi" and words[1] == "Minh":
        return True  # round 45: "TP. Hồ Chí Minh": the city
    if words[0] == "Air" or (_FLIGHT_NUMBER_AFTER.match(text, end) and _FLIGHT_WORD.search(text) and not given_name(words[0])
                             and _RELATION.search(text, max(0, start - 40), start) is None):
        return True  # round 45: "mon vol c'est Air Transat TS 205", "Corsair SS 960": an airline, its flight's number
    if len(words) == 2 and f"{words[0]} {words[1]}".lower() in TWO_WORD_PLACES:
        return True  # round 42: "Sierra Leone passport number ...": a country of two words that the lists call names
    if len(words) == 1 and (words[0].lower() in _CLOSING_TAIL or said_words(text, start, end)):
        return True  # round 40: "Thank you Дякую", "Grace and Hope are words on her shirt"
    if len(words) == 1 and words[0].lower() in _NEXT_FIELD_LABELS and _COLON_NEXT.match(text, end) is not None:
        return True  # round 31: a form's empty field, "Name:\tRelationship:\tDOB:": the next field's label
    after = _WORD_AFTER.match(text, end)
    if after is not None and after.group(1).lower() in _NAMED_PLACE_AFTER:
        return True
    if len(words) > 1 and words[-1].lower() in _NAMED_PLACE_AFTER:
        return True
    if len(words) == 1 and ("park" in text.lower() or "Is " in text) and _place_named(text, words[0]):
        return True  # round 29: "deliver to Jasper national park", "Is Jasper a separate postal area?": a place
    if _REIGNING.match(text, start, end) or _REIGNING_BEFORE.search(text, max(0, start - 12), start):
        return True  # round 28: "Pope Francis visited", "Queen Elizabeth II": a reigning title, not a client's person
    if (_CAPITALS_THEN_PLACE.match(text, end) or (len(words) > 1 and words[-1] in _CAPITAL_PLACE_WORDS)) \
            and _RELATION.search(text, max(0, start - 40), start) is None:
        return True  # round 28: "Sir Mortimer B. Davis Jewish General Hospital", "the Ronald McDonald House"
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if before is not None and before.group(1).lower() in _NAMED_PLACE_BEFORE:
        return True
    if len(words) > 1 and any(w.lower() in _NAMED_PLACE_BEFORE for w in words[:-1]):
        return True  # "c'est proche du métro Berri-UQAM": the place's word inside the span; round 34: "Douar Ouled Ali"
    if _STREET_NAMED_AFTER.match(text, end) and _RELATION.search(text, max(0, start - 40), start) is None:
        return True  # round 35: "Khaled Bin Al-Walid St. building 23": a street named after someone
    if _VIET_PLACE_BEFORE.search(text, max(0, start - 25), start):
        return True  # round 34: "quận Hai Bà Trưng", "phố Lý Thái Tổ": a district or a street named after someone
    if _SAINT_BEFORE.search(text, max(0, start - 8), start) and _POSSESSIVE_AFTER.match(text, end):
        return True  # round 30: "St. Luke's Medical Center", "St. Patrick's school": a saint's name, a body's
    if _TOWN_SUFFIX.search(text, start, end):
        return True  # round 30: "arrive de Ho Chi Minh-Ville", "from Quezon-City": a town's name
    if len(words) == 1 and words[0].lower() in _COMPANIES and _TITLE_BEFORE.search(text, max(0, start - 12), start) is None:
        return _OWN_NAME_BEFORE.search(text, max(0, start - 40), start) is None and _RELATION.search(
            text, max(0, start - 40), start) is None
    if (len(words) == 1 and _plain(words[0]) in _PUBLIC_FAMILY_NAMES and _NEWS_VERB_AFTER.match(text, end)
            and (_TITLE_BEFORE.search(text, max(0, start - 12), start) is None or _STATED_AFTER.match(text, end))):
        return _OWN_NAME_BEFORE.search(text, max(0, start - 40), start) is None and _RELATION.search(
            text, max(0, start - 40), start) is None
    if _public_figure(text, start, end, words):
        return _OWN_NAME_BEFORE.search(text, max(0, start - 40), start) is None and _RELATION.search(
            text, max(0, start - 40), start) is None
    if len(words) == 1 and _CALENDAR.fullmatch(words[0]) and _SINCE_BEFORE.search(text, max(0, start - 16), start) \
            and _MONTH_END_AFTER.match(text, end):
        return True  # round 33: "still waiting since Jun", "depuis juin.": a month ("Jun" is a given name too)
    if len(words) == 1 and _plain(words[0]) in _DIVINE:
        return True  # "Thank you Lord!", "Merci Seigneur", "grâce à Dieu"
    # round 27: the assistant's own name ("merci Quaid"); an acronym after a relative ("my spouse
    # OWP"); a people after a place's name ("she is Sierra Leonean"); a business ("Gill Trucking Ltd")
    if len(words) == 1 and (words[0].lower() in _ASSISTANT or (
            words[0].isupper() and len(words[0]) <= 4 and not given_name(words[0]) and not family_name(words[0])
            and not (len(words[0]) == 2 and _initials_after_kin(text, start))
            and not (len(words[0]) > 2 and _NAME_FIELD_BEFORE.search(text, max(0, start - 40), start)))):
        return True  # round 34: not a relative's two initials ("mon oncle JB, 1-506-...")
    if len(words) > 1 and _demonym(words[-1].lower()) and not given_name(words[-1]) and not family_name(words[-1]):
        return True
    if words[-1].lower() in _BUSINESS or (after is not None and after.group(1).lower() in _BUSINESS):
        return True
    if _firm_at(text, start, end):
        return True  # round 41: "Gauthier & Frères inc.", "Desrosiers & Associés": a firm
    if len(words) > 1 and _THE_BEFORE.search(text, max(0, start - 5), start) and not words[-1].lower().endswith("s") \
            and (after is None or after.group(1).lower() not in _FAMILY_WORDS):
        return True  # round 41: "born at the Royal Alex": a place or a body; not "the Hendersons", "the Okonkwo family"
    if len(words) == 1 and _plain(words[0]) in _JESUS and _PRAISE_BEFORE.search(text, max(0, start - 30), start):
        return True  # round 27: "Amen 🙏 thank you Jesus" (a son named Jesús stays: "my son Jesús")
    if text[start:end] in _KOREAN_ENDINGS:
        return True  # round 27: "[PERSON]입니다": the copula after a name in Hangul
    if _STUDIES_AT.search(text, max(0, start - 40), start) is not None:
        return True  # "I'm a student at Humber": the school
    if len(words) == 1 and _ELIDED_NOUN_AFTER.match(text, end) is not None:
        return True  # "Maison d'accueil", "Centre d'aide": a French noun and its complement
    if len(words) == 1 and _listed_place(text, start, end, words[0]):
        return True  # "a police certificate from Jordan and from the UAE": two countries
    if len(words) == 1 and (words[0].lower() in PLACES or words[0].lower() in _REGIONS_NAMED) and (
            _ORIGIN_BEFORE.search(text, max(0, start - 40), start) is not None
            or ((other := _PLACE_OR_BEFORE.search(text, max(0, start - 30), start)) is not None
                and (other.group(1).lower() in COUNTRIES or other.group(1).lower() in PLACES))):
        return True  # round 47: "Ma mère vient de Lorraine", "on écrit France ou Lorraine": a place that is a given name too
    # "Mercy! 3 hours on hold again"
    return len(words) == 1 and words[0].lower() in _INTERJECTIONS and _EXCLAIMED.match(text, end) is not None \
        and _INTERJECTION_BEFORE.fullmatch(text, 0, start) is not None


# A place of the lists that no list calls a given name, after "from", "in", "to", and listed with another
# place: "a police certificate from Jordan and from the UAE", "lived in Jordan, Lebanon and Syria", "de
# Jordanie et du Liban". "a call from Jordan and Priya" stays a name.
# Round 42: a form's family-name field right before a short name in capitals ("Nom : KOFO", "Surname:\nTAO"): a name,
# not an acronym.
_NAME_FIELD_BEFORE = re.compile(
    r"(?<![\w'’-])(?i:nom|surname|nom[ \t]+de[ \t]+famille|family[ \t]+name|last[ \t]+name)(?:[ \t]*\([^()\n]{1,12}\))?"
    r"[ \t]*(?:[:=][ \t]*\n?|\n)[ \t]*\Z"
)
_PLACE_PREPOSITION_BEFORE = re.compile(r"(?<![\w'’-])(?:from|in|to|of|de|du|en|au|aux|à)[ \t]+\Z", IGNORE_CASE)
_ANOTHER_PLACE_AFTER = re.compile(
    r"[ \t]*(?:,|/|[ \t](?:and|or|et|ou)(?![\w'’-]))[ \t]*(?:(?:from|in|to|de|du|des|en|au|aux)[ \t]+)?"
    r"(?:(?:the|le|la|les|l['’])[ \t]*)?([^\W\d_]+)",
    IGNORE_CASE,
)


# Round 47: where someone comes from, right before a place of the lists that is a given name too ("vient de Lorraine",
# "my mother is from Victoria", "née en Lorraine"); or a country, "or" / "ou" before it ("France ou Lorraine")
_ORIGIN_BEFORE = re.compile(
    r"(?<![\w'’-])(?:(?:vien[st]|venai[st]|venait|venue?s?|originaires?)[ \t]+(?:de|d['’]|du)[ \t]*+"
    r"|(?:comes?|came|is|am|are|was|were)[ \t]+(?:originally[ \t]+)?from[ \t]+|(?:n[ée]e?s?|vit|vivait|habite|habitait)[ \t]+en[ \t]+)\Z",
    IGNORE_CASE,
)
# Regions that are given names too, never read as places elsewhere (not in gazetteer.PLACES: "ma tante Lorraine")
_REGIONS_NAMED = wordset("lorraine virginia carolina")
_PLACE_OR_BEFORE = re.compile(r"(?<![\w'’-])([A-ZÀ-Þ][a-zà-ÿ]+)[ \t]+(?:ou|or)[ \t]+\Z")


def _listed_place(text: str, start: int, end: int, word: str) -> bool:
    if word.lower() not in PLACES or given_name(word) or not _PLACE_PREPOSITION_BEFORE.search(text, max(0, start - 8), start):
        return False
    other = _ANOTHER_PLACE_AFTER.match(text, end)
    return other is not None and (other.group(1).lower() in PLACES or other.group(1).lower() in CITY_NAMES
                                  or (other.group(1).isupper() and 2 <= len(other.group(1)) <= 4))


# Round 18: a word-name said as an oath, opening a message or a sentence before "!": "Mercy! 3 hours
# on hold", "Lord! still nothing", "Jesus!! they lost my file". "hi Faith!", "thanks Mercy!" are names.
_INTERJECTIONS = wordset("mercy lord jesus jésus christ god goodness gosh heavens glory seigneur victoire victory bravo hourra")
_ASSISTANT = wordset("quaid")
_JESUS = frozenset(("jesus", "jesu", "yesu", "isa"))
_PRAISE_BEFORE = re.compile(
    r"(?i:thank[ \t]+you|thanks|thank|praise|praise[ \t]+be[ \t]+to|glory[ \t]+to|oh|amen|merci|gloire[ \t]+[àa]|gracias|alabado[ \t]+sea"
    r"|lord|sweet|dear|in[ \t]+the[ \t]+name[ \t]+of|au[ \t]+nom[ \t]+de)[^\w]{0,8}\Z"
)
_KOREAN_ENDINGS = frozenset(("입니다", "이에요", "예요", "이고", "이며", "씨", "님"))
_STUDIES_AT = re.compile(
    r"(?<![\w'’-])(?:student|studying|study|studies|enrolled|graduated|graduate|étudiant|étudiante|etudiant|etudiante|étudie|etudie)"
    r"[ \t]+(?:at|in|from|à|a|au)[ \t]+\Z",
    IGNORE_CASE,
)
_ELIDED_NOUN_AFTER = re.compile(r"[ \t]+d['’][a-zà-ÿ]{3,}")
_BUSINESS = wordset("""
trucking transport transportation logistics farms construction ltd ltée ltee inc corp llc enterprises entreprises
holdings industries bakery boulangerie restaurant dairy market store shop salon motors garage pizzeria grocery
épicerie epicerie dépanneur depanneur
traders trading exports imports consulting solutions technologies
avocats notaires
""")  # round 44: the last line ("Northwind Traders" on a signature's line); round 50: a law firm under its
# founder's name, said again ("Me Isabelle Roy, avocate\nRoy Avocats inc.", "Sylvie Paquin ... Paquin Notaires")
_DIVINE = wordset("lord god seigneur dieu allah christ")
# Round 41: a name of two words right after "the" is a place's or a body's ("at the Royal Alex", "the Grey Nuns");
# a family's name after it is one word ("the Tremblay family", "the Hendersons").
_THE_BEFORE = re.compile(r"(?<![\w'’-])(?i:the)[ \t]+\Z")
_FAMILY_WORDS = wordset("family familly famille household clan")
_EXCLAIMED = re.compile(r"[ \t]*!")
_INTERJECTION_BEFORE = re.compile(r"(?:.*[.!?\n])?[\s\W]*", re.DOTALL)


_OWNED_LABEL = re.compile(r"[^\W\d_]+['’]s[ \t]+(?:full[ \t]+)?(?:name|names)(?:[ \t]+(?:is|was))?[ \t]*:?[ \t]*", IGNORE_CASE)


# Round 31: a form typed as a row of fields ("Name: Svetlana Morozova\tRelationship: mother\tDOB: ...",
# "Nom : Odette Mbemba\tLien : mère"): the words after a tab or a run of spaces, right before a colon, are
# the next field's label; after one space only when the word is a field's label ("... Morozova Relationship:").
_FIELD_GAP = re.compile(r"\t[ \t]*|[ \u00a0]{2,}")
_COLON_NEXT = re.compile(r"[ \t]*[:：]")
_NEXT_FIELD_LABELS = wordset("""
relationship relation lien parenté parente link dob ddn birth birthdate naissance born née nee né sex sexe gender genre
age âge nationality nationalité nationalite citizenship citoyenneté citoyennete passport passeport address adresse
phone tel tél telephone téléphone cell mobile email courriel occupation profession status statut uci iuc
""")


# Round 31: a relative's word opening a name's span is who the person is, not their name ("grandpa Wen Jun
# Liu passport ...", "grand-mère Odile Gagnon, née ..."); capitalised, "Papa", "Mama", "Mari", "Pere" may be given
# names and "Son" a family name.
_KIN_LEAD = re.compile(
    r"(?:(?i:mom|mum|dad|grandpa|grandma|granny|grandmother|grandfather|maman|grand-m[èe]re|grand-p[èe]re|m[èe]re"
    r"|husband|wife|daughter|brother|sister|uncle|aunt|auntie|oncle|tante|femme|fille|fr[èe]re|s(?:oe|œ)ur)"
    r"|son|mari|p[èe]re|fils|papa|mama)[ \t]+(?=[A-ZÀ-ÖØ-Þ])"
)


def _before_next_field(text: str, start: int, end: int) -> int:
    """The end of the PERSON span start:end without the next field's label that it ran into."""
    if _COLON_NEXT.match(text, end) is None:
        return end
    gaps = list(_FIELD_GAP.finditer(text, start, end))
    if gaps and _SPAN_WORDS.search(text, start, gaps[-1].start()):
        return gaps[-1].start()
    words = list(_SPAN_WORDS.finditer(text, start, end))
    if len(words) >= 2 and words[-1].end() == end and words[-1].group().lower() in _NEXT_FIELD_LABELS:
        cut = words[-1].start()
        while cut > start and not (text[cut - 1].isalnum() or text[cut - 1] in "'’-."):
            cut -= 1
        return cut
    return end


# Round 37: a form's next label run into by a name typed without a colon before it ("PRÉNOM: MARIE-ÈVE DATE DE
# NAISSANCE: ...", "Given name: Thandiwe Date of birth: ...", "Place of birth"): its head word ends the name.
_LABEL_HEAD = wordset("date place lieu country pays")
_LABEL_HEAD_REST = re.compile(
    r"[ \t]+(?i:of|de|du|d['’])[ \t]*(?i:birth|naissance|issue|expiry|d[ée]livrance|expiration)(?![\w'’-])"
)
# Round 39: and a name's own label run into ("Last name: MUTUA First name: Esther", "Surname: X Given names: ...").
_NAME_LABEL_HEAD = wordset("first last given family middle")
_NAME_LABEL_REST = re.compile(r"[ \t]+(?i:names?)[ \t]*(?:\([^)\n]{0,12}\)[ \t]*)?:")
# Round 37: a birth word typed after a name ("... s'appelle aicha el amrani nee le 3 juillet 1992"): never a
# name's last word.
_BIRTH_TAIL = wordset("nee née né born dob ddn")
# Round 37: a possessive and the person's role before a lower-case name ("c'est pour ma nounou cristina").
_ROLE_LEAD = re.compile(
    r"(?i:my|ma|mon|our|notre)[ \t]+(?i:nounou|nanny|babysitter|gardienne|caregiver|housekeeper|aide|cousin|cousine"
    r"|neighbour|neighbor|voisin|voisine|friend|ami|amie|coloc|roommate)[ \t]+"
)


_SEX_FIELD = re.compile(r"[ \t]+(?i:sex|sexe)(?=[ \t]*+(?:[:/]|[MFX](?![\w'’-])))")


def _head_label_end(text: str, start: int, end: int) -> int:
    """The end of the PERSON span start:end without a next field's head word or a birth word at its end."""
    words = list(_SPAN_WORDS.finditer(text, start, end))
    if len(words) < 2 or words[-1].end() != end:
        return end
    last = words[-1].group().lower()
    if not (last in _BIRTH_TAIL or (last in _LABEL_HEAD and _LABEL_HEAD_REST.match(text, end))
            or (last in _NAME_LABEL_HEAD and _NAME_LABEL_REST.match(text, end))):
        return end
    cut = words[-1].start()
    while cut > start and not (text[cut - 1].isalnum() or text[cut - 1] in "'’-."):
        cut -= 1
    return cut


# Round 40: a sign-off typed right after the name at a message's end ("Mireille Desai Cordialement", "Yusuf Traoré
# Merci beaucoup", "ousmane konan mrc", "Name on card artem fedorov Regards.", "ask for Milos Дякую"): never a name's
# last word; alone, no name ("Thank you Дякую"). The word is read whole, past the span's end ("Merc|i").
_CLOSING_TAIL = wordset("""
regards cordialement merci mrc mci thanks thank thx tnx cheers salutations gracias obrigado obrigada grazie danke
дякую дякуємо спасибо спасибі благодарю щиро
""")


def _closing_end(text: str, start: int, end: int) -> int:
    """The end of the PERSON span start:end without a sign-off word at its end."""
    words = list(_SPAN_WORDS.finditer(text, start, end))
    if len(words) < 2:
        return end
    whole = _SPAN_WORDS.match(text, words[-1].start())
    if whole is None or whole.group().lower() not in _CLOSING_TAIL:
        return end
    cut = words[-1].start()
    while cut > start and not (text[cut - 1].isalnum() or text[cut - 1] in "'’-."):
        cut -= 1
    return cut


# Round 40: names that are words said to be words or the names of things ("Grace and Hope are words on her shirt",
# "Espoir et Patience sont les mots de la semaine", "Faith and Joy are the names of the churches that ..."); not "are
# the names of my twins".
_SAID_WORDS_AFTER = re.compile(
    r"(?:[ \t]+(?:and|et|&|or|ou)[ \t]+[^\W\d_]+)?[ \t]+(?:are|is|sont|est)[ \t]+(?:(?:just|only|simply|juste|seulement|"
    r"the|les|des|a|un|une|my|mes|our|nos)[ \t]+){0,2}(?:words?|mots?|(?:names?|noms?)[ \t]+(?:of|de|des|du)[ \t]+(?:(?:the|les|la|le|l['’])[ \t]*)?"
    r"(?:church|churches|[ée]glises?|schools?|[ée]coles?|shops?|stores?|magasins?|companies|company|soci[ée]t[ée]s?|streets?|rues?"
    r"|dogs?|cats?|chiens?|chats?|boats?|bateaux|groups?|groupes?|organi[sz]ations?|associations?))(?![\w'’-])",
    IGNORE_CASE,
)


def said_words(text: str, start: int, end: int) -> bool:
    """Whether the one-word PERSON span start:end is a word said to be a word or a thing's name (see above)."""
    return _SAID_WORDS_AFTER.match(text, end) is not None


# Round 40: a role before the name, capitalised as a form's or a case note's label ("Patient Ana Lucía Petrov, DOB
# ...", "Cliente Marie Roy"): not the name's.
_ROLE_TITLE_LEAD = re.compile(r"(?:Patient|Patiente|Client|Cliente|Applicant|Demandeur|Demandeuse|Requérant|Requérante)[ \t]+(?=[A-ZÀ-ÖØ-Þ])")


# Round 53: the words that introduce a name typed glued to it, the space bar broken ("mynameisTomasz", "jemappelleLuc").
_GLUED_CUE = re.compile(
    r"(?:(?:my)?name(?:is|['’]s)|iam|i['’]?m|thisis|it['’]?s|jem['’]?appelle|jesuis|c['’]?est|moic['’]?est)(?=[A-ZÀ-ÖØ-Þ][a-zà-ÿ])"
)


def without_labels(text: str, start: int, end: int) -> tuple[int, int]:
    """The PERSON span start:end without a form's label word at either end, nor a
    possessive before it ("mum's name Folasade Adeyemi"), nor the next field's label that it
    ran into (see _before_next_field)."""
    if ("\t" in text or "  " in text or ":" in text) and end < len(text):
        end = _before_next_field(text, start, end)
    if text[start:start + 1].islower() and (glued := _GLUED_CUE.match(text, start, end)) is not None:
        start = glued.end()  # round 53: "mynameisTomasz Wiśniewski sorry space bar broken"
    if (kin := _KIN_LEAD.match(text, start, end)) is not None and kin.end() < end:
        start = kin.end()
    if (role := _ROLE_LEAD.match(text, start, end)) is not None and role.end() < end:
        start = role.end()
    if (title := _ROLE_TITLE_LEAD.match(text, start, end)) is not None and title.end() < end:
        start = title.end()
    end = _head_label_end(text, start, end)
    if ("ex" in text or "EX" in text) and (sex := _SEX_FIELD.search(text, start, end + 8)) is not None \
            and start < sex.start() < end:
        end = sex.start()  # round 50: a passport's page, "Given names: CHIDI EMEKA Sex M": the next field
    end = _closing_end(text, start, end)
    end = particle_family_end(text, start, end)
    owned = _OWNED_LABEL.match(text, start, end)
    if owned is not None and owned.end() < end:
        start = owned.end()
    while True:
        m = _WHOLE_WORDS.match(text, start)
        if m is None or m.group().lower() not in _LABEL_WORDS:
            break
        if m.end() >= end:
            if _NAME_PLACEHOLDER_NEXT.match(text, end):
                return end, end  # only labels before the name's masked part: as the first look judged them
            break
        nxt = _WHOLE_WORDS.search(text, m.end(), end)
        if nxt is None:
            break
        start = nxt.start()
    while True:
        found = list(_WHOLE_WORDS.finditer(text, start, end))
        last = found[-1] if found else None
        if last is None or last.start() == start or last.end() != end or last.group().lower() not in _LABEL_WORDS:
            break
        end = last.start()
        while end > start and not (text[end - 1].isalnum() or text[end - 1] in "'’-."):
            end -= 1
    return start, end
