"""Dates of birth: a date is masked only when a birth context word introduces it (or follows
it), so that "I applied on March 3" stays as it is."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain, pairwise

from .base import BIRTH_P, IGNORE_CASE, SP, words_pattern
from .gazetteer import HOME_TOWNS, PLACES, family_name, given_name
from .names_model import vocabulary
from .scan import Candidate, Scan
from .vocabulary import MONTHS, NOT_NAME, NOT_NAME_CAPITALISED, wordset

_DAY = r"(?:0?[1-9]|[12][0-9]|3[01])"
_MONTH_NUMBER = r"(?:0?[1-9]|1[0-2])"
_YEAR = r"(?:19|20)[0-9]{2}"
_MONTH_NAME = rf"(?i:{MONTHS})(?![\w\]])\.?"
# Round 40: a month cut after four letters, with its dot ("le 7 avri. 1950", "27 nove. 1984", "3 octo. 1977"); the
# four letters of no other word ("marc" is a name: not among them)
_MONTH_CUT = r"(?i:avri|nove|octo|d[ée]ce|janu|augu|septe)\."
_ORDINAL = r"(?i:st|nd|rd|th|er|e)?"
# Round 19: the months of the Solar Hijri (Iran, Afghanistan) and Bikram Sambat (Nepal) calendars,
# with a year of theirs ("born 21 Farvardin 1340", "Baisakh 12, 2049"), and a holiday said with its
# year ("born on christmas day 2012", "née le jour de Noël 1990"): dates only after a birth word.
_OTHER_MONTH = (
    r"(?i:farvardin|ordibehesht|khordad|tir|mordad|amordad|shahrivar|mehr|aban|azar|dey|bahman|esfand"
    r"|hamal|sawr|jawza|saratan|asad|sonbola|mizan|aqrab|qaws|jadi|dalw|hut"
    r"|baisakh|baishakh|jestha|jeth|asar|asadh|ashadh|shrawan|saun|bhadra|bhadau|asoj|ashwin|kartik|mangsir|poush|push|magh|falgun|fagun|chaitra|chait"
    # round 27: Indonesian and Malay months ("lahir 17 Agustus 1995"), with a year only
    r"|januari|februari|maret|mac|mei|juni|juli|agustus|ogos|oktober|desember|disember"
    # round 28: the Ethiopian calendar's months ("Date of birth 12 Meskerem 1942 (Ethiopian) = 22 Sept 1949")
    r"|meskerem|meskeram|tikimt|tikemet|tekemt|hidar|hedar|tahsas|tahisas|tir|ter|yekatit|yakatit|megabit|magabit"
    r"|miyazya|miazia|ginbot|genbot|sene|hamle|hamile|nehase|nehasse|pagume|pagumen"
    # round 28: the Hijri (lunar) months ("born 15 Ramadan 1365 AH", "DOB: 22 Shawwal 1370")
    r"|muharram|moharram|safar|rabi(?:['’]|\s|-)?(?:al|ul|el)?[- ]?(?:awwal|awal|thani|sani|akhir)|jumad[ae](?:\s|-)?(?:al|ul|el)?[- ]?(?:ula|oula|awwal|akhirah|akhira|thani|sani)"
    # Russian and Ukrainian, the genitive of a date ("родилась 5 мая 1950", "народився 3 березня 1948")
    r"|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
    r"|січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня"
    # round 37: Turkish ("dob 3 mart 1962", "doğum tarihi 2 ekim 1965"), with a year only
    r"|ocak|[şs]ubat|mart|nisan|may[ıi]s|haziran|temmuz|a[ğg]ustos|eyl[üu]l|ekim|kas[ıi]m|aral[ıi]k"
    # round 46: Haitian Creole ("fèt 12 jen 1958"), with a year only
    r"|janvye|fevriye|mas|me|jen|jiy[eè]|jiyet|out|septanm|okt[oò]b|novanm|desanm"
    r"|rajab|sha['’]?ban|ramadan|ramadhan|ramazan|shawwal|shawal|dhu(?:\s|-)?al(?:\s|-)?(?:qi['’]?dah|qa['’]?dah|hijjah)|zul(?:\s|-)?(?:qadah|hijjah|hijja))"
)
# Round 28: the Hebrew calendar's months, a day before them with or without a year ("born 10 Nisan
# (April 1 1947)"): no everyday word among them ("Av" and "Adar" only with a year of theirs).
_HEBREW_MONTH = r"(?i:tishrei|tishri|cheshvan|heshvan|marcheshvan|kislev|tevet|teveth|shevat|shvat|adar(?:\s+(?:I|II|aleph|bet))?|nisan|nissan|iyar|iyyar|sivan|tammuz|tamuz|elul)"
_OTHER_YEAR = r"(?:1[34][0-9]{2}|20[0-9]{2}|19[0-9]{2})"
_BUDDHIST_YEAR = r"(?:24[5-9][0-9]|25[0-6][0-9])(?![0-9])"
_HOLIDAY = (
    r"(?i:christmas(?:\s+(?:day|eve))?|xmas(?:\s+(?:day|eve))?|new\s+year['’]?s(?:\s+(?:day|eve))?|canada\s+day"
    r"|valentine['’]?s\s+day|halloween|boxing\s+day|easter(?:\s+(?:sunday|monday))?|independence\s+day"
    r"|(?:jour|veille)\s+de\s+(?:no[ëe]l|l['’]\s*an)|no[ëe]l|(?:la\s+)?saint[- ]valentin)"
)
_DATE = re.compile(
    rf"(?<![\w\]/.-])(?:"
    rf"{_DAY}{_ORDINAL}(?:\s+(?i:of))?\s+{_OTHER_MONTH},?\s+{_OTHER_YEAR}|{_OTHER_MONTH}\s+{_DAY},?\s+{_OTHER_YEAR}"
    # round 47: a Thai (Buddhist era) year, 543 years ahead ("born 12 April 2535 (thai year) = 12 April 1992")
    rf"|{_DAY}{_ORDINAL}\s+{_MONTH_NAME},?\s+{_BUDDHIST_YEAR}|{_MONTH_NAME}\s+{_DAY}{_ORDINAL},?\s+{_BUDDHIST_YEAR}"
    # round 37: a bilingual card's month in its two languages ("08 MARS/MAR 1988", "14 JUL /JUIL 1991")
    # round 46: with a two-digit year too, as a Canadian passport prints it ("22 SEP /SEPT 91")
    rf"|{_DAY}[ \t]+{_MONTH_NAME}[ \t]*/[ \t]*{_MONTH_NAME}[ \t]+(?:{_YEAR}|[0-9]{{2}}(?![0-9]))"
    rf"|{_DAY}{_ORDINAL}(?:\s+(?i:of))?\s+{_HEBREW_MONTH}(?:,?\s+5[67][0-9]{{2}})?(?![\w'’-])"
    # round 28: the year first, then the day and month, after a birth word ("born 1949 march 2nd", "née en 1943,
    # le 15 août", "born in 1944, 20th of July"); round 29: "born in 1990, on the 2nd of February"
    rf"|{_YEAR},?\s+(?:(?i:le|the|on\s+the|on)\s+)?(?:1er|{_DAY}){_ORDINAL}(?:\s+(?i:of|de))?\s+{_MONTH_NAME}(?![\w'’-])"
    # round 28: a letter's formal date ("born on the 1st day of January, 1950", "le 3e jour de mars 1947")
    rf"|(?:1er|{_DAY}){_ORDINAL}\s+(?i:day\s+of|jour\s+de)\s+{_MONTH_NAME},?\s+(?:(?i:in\s+the\s+year\s+|de\s+l['’]an\s+))?{_YEAR}"
    rf"|{_YEAR},?\s+(?:(?i:on)\s+)?{_MONTH_NAME}\s+(?:(?i:the)\s+)?{_DAY}{_ORDINAL}(?![\w'’-])"  # round 36: "born in 1990, on april 10"
    # round 41: the year, then the day and month in digits after "le" / "on" ("née en 1985 le 12/04", "born in 1990 on 10.4")
    rf"|{_YEAR},?\s+(?i:le|on\s+the|on)\s+{_DAY}(?P<s9>[/.]){_MONTH_NUMBER}(?![0-9]|(?P=s9)[0-9])"
    # round 28: the papers' unknown day and month ("his documents say 00/00/1940 only")
    rf"|00(?P<s5>[-/.])(?:00|{_MONTH_NUMBER})(?P=s5){_YEAR}"
    rf"|{_HOLIDAY},?\s+(?:(?i:of|de|in|en)\s+)?{_YEAR}"
    # round 25: Vietnamese "15 tháng 8 năm 1960" (day, month, year by their words), Chinese and
    # Japanese "1990年5月14日", Korean "1990년 5월 14일"
    rf"|{_DAY}\s+(?i:th[áa]ng)\s+{_MONTH_NUMBER},?\s+(?i:n[ăa]m)\s+{_YEAR}"
    # round 52: the same said in words, as one translates 年月日 ("1978 year 5 month 8 day", "1975 année, 3 mois, 20 jour")
    rf"|{_YEAR}[ \t]*+(?i:years?|ann[ée]es?|an|año|ano)[ \t]*+,?[ \t]*+{_MONTH_NUMBER}[ \t]*+(?i:months?|mois|mes)[ \t]*+,?[ \t]*+{_DAY}[ \t]*+(?i:days?|jours?|d[ií]a)(?![\w'’-])"
    rf"|{_YEAR}\s*年\s*{_MONTH_NUMBER}\s*月\s*{_DAY}\s*日|{_YEAR}\s*년\s*{_MONTH_NUMBER}\s*월\s*{_DAY}\s*일|"
    rf"(?:{_YEAR}|1[34][0-9]{{2}}(?=/))(?P<s1>[-/.]|{SP}){_MONTH_NUMBER}(?P=s1){_DAY}"  # 1990-05-14, 1990 05 14, 1366/04/12 (solar)
    rf"|{_DAY}(?P<s2>[-/.]|{SP}){_DAY}(?P=s2)(?:{_YEAR}|[0-9]{{2}})"  # 14/05/1990, 05/14/90, 14 05 1990
    rf"|{_DAY}{SP}(?P<s3>[-/.]){SP}{_DAY}{SP}(?P=s3){SP}{_YEAR}"  # 12 / 03 / 1990: a form's boxes
    rf"|{_DAY}\.{SP}{_MONTH_NUMBER}\.{SP}{_YEAR}"  # round 44: 5. 9. 1961, the Czech, Slovak, German and Polish way
    # round 42: the year first in a form's boxes ("1950 / 04 / 19"), or its fields apart by two spaces ("1975  04  21")
    rf"|{_YEAR}{SP}(?P<s10>[-/.]){SP}{_MONTH_NUMBER}{SP}(?P=s10){SP}{_DAY}|{_YEAR}{SP}{{2,3}}{_MONTH_NUMBER}{SP}{{2,3}}{_DAY}"
    # round 20: the month's number after "du" ("né le 14 du 7, 1996"), a two-digit year first that
    # no day can be ("84-08-15", year-month-day)
    rf"|{_DAY}\s+(?i:du)\s+{_MONTH_NUMBER},?\s+{_YEAR}|(?:3[2-9]|[4-9][0-9])(?P<s4>[-/.]){_MONTH_NUMBER}(?P=s4){_DAY}"
    rf"|(?:1er|{_DAY})[ \t]+{_MONTH_CUT}[ \t]+{_YEAR}"  # round 40: "7 avri. 1950"
    rf"|(?:1er|{_DAY}){_ORDINAL}(?:\s+(?i:of|de))?[\s-]+{_MONTH_NAME}"
    rf"(?:,?[\s-]+(?:(?i:de|of|del)\s+)?(?:{_YEAR}|['’]?[0-9]{{2}}(?![0-9])))?"  # 3 mars 1988, 3-Mar-88, 17 de mayo de 1984; round 28: 12 June of 1949
    rf"|{_MONTH_NAME}\s+(?:(?i:the)\s+)?(?:1er|{_DAY}){_ORDINAL}"
    rf"(?:,?\s+(?:{_YEAR}|['’][0-9]{{2}}(?![0-9])|[0-9]{{2}}(?![0-9]|[ \t]+(?!(?:in|à|en|i|je|j['’]|maybe|peut-être|peut-etre|or[ \t]+so|ou[ \t]+qqch)(?![\w'’-]))[^\W\d_])))?"  # May 14, 1990; april 3rd 90 (in Lagos); october 20th 56 i think
    rf"|{_MONTH_NAME}-{_DAY}-{_YEAR}"  # round 39: a form's "Feb-14-1995"
    rf"|{_MONTH_NAME},?\s+{_YEAR}"  # mai 1982
    # round 36: the Spanish abbreviations no other language shares, with a year ("08 AGO 1992", "3-dic-1961")
    rf"|{_DAY}[\s-]+(?i:ene|abr|ago|dic)\.?[\s-]+{_YEAR}"
    rf"|{_YEAR}\s+{_MONTH_NAME}\s+{_DAY}"
    # round 28: the month in Roman numerals, as Polish, Russian, Romanian papers write it ("12.IV.1950", "5/V/1947"),
    # the year first with the month's name between dashes ("1949-Jun-12"), a passport's "12JUN1949"
    rf"|{_DAY}(?P<s6>[-/.]|\.?\s)(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)(?P=s6){_YEAR}"
    rf"|{_YEAR}(?P<s7>[-/.]){_MONTH_NAME}(?P=s7){_DAY}"
    rf"|{_DAY}(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?:{_YEAR}|[0-9]{{2}})"
    rf"|[0-3][0-9][01][0-9]{_YEAR}|{_YEAR}[01][0-9][0-3][0-9]"  # 14051990, 19900514
    # round 30: the year first, then a day no month can be, then the month ("i put 1995-13-02 but its 1995-02-13")
    rf"|{_YEAR}(?P<s8>[-/.])(?:1[3-9]|2[0-9]|3[01])(?P=s8){_MONTH_NUMBER}"
    rf")(?![\w\[]|[/.-][0-9])"
)
_BIRTH = re.compile(
    words_pattern(
        # round 41: "b." before a month's name too, with its year ("b. January 12, 1985")
        r"born|b\.(?=[ \t]*(?:[0-9]|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[ \t]+[0-9]{1,2}(?:st|nd|rd|th)?,?[ \t]+(?:19|20)[0-9]{2}))|birth|brith|dob|d\.o\.b\.?|birth\s*date|birthdate|birthday|brithday|bday|b-day"
        # several at once (round 18): "dobs 2015-06-02, 2017-11-19 and 2020-01-30", "their birthdays are"
        r"|dobs|birth\s*dates|birthdays|dates\s+of\s+birth|dates\s+de\s+naissance"
        # round 38: "ne a" typed without its accents before the place's capital ("ne a Edmundston le 2 avril 1980",
        # "ne au Maroc le ..."),
        # not "le bureau ne a pas repondu" ("n'a" typed apart)
        r"|date\s+of\s+birth|n[ée]\(e\)|n[ée]e|né|nee|ne(?=\s+(?:le|en)\s|\s+(?:a|à|au|aux)\s+(?-i:[A-ZÀ-Þ]))|n[ée]e?s(?=\s+(?:le|en)\s)|nés|nées|naissance|naiss\.?"
        r"|naiss?ance|ddn|d\.d\.n\.?|date\s+de\s+naissance"
        # round 34: not a wedding's or a death's anniversary ("notre anniversaire de mariage aurait été le 9 septembre")
        r"|anniversaire(?!\s+(?:de\s+(?:mariage|noces|d[ée]c[èe]s|la\s+mort|d[ée]part|l['’]arriv[ée]e)|d['’]\s?arriv[ée]e))"
        # the clients' own languages: Spanish, Portuguese, German, Tagalog
        r"|fecha\s+(?:de\s+)?nac(?:imiento|\.)?|f\.?\s?nac\.?|nacid[oa]s?|data\s+de\s+nascimento|nascid[oa]|geburtsdatum|geboren"
        # round 27: the Spanish and Portuguese verb: "naci el 3 de marzo de 1992", "mi hija nació el ...", "nasci em ..."
        r"|nac[ií]|naci[óo]|nacieron|nacimos|nasci|nasceu|nasceram"
        r"|kapanganakan|ipinanganak|kaarawan|birthdate\s+ko"
        # Hindi/Urdu, Darija, Haitian Creole, Vietnamese, Indonesian written in Latin letters
        r"|jan[a]?m\s*(?:tithi|din|tarikh|taareekh)|paidaish|paidaysh|tarikh\s+(?:al\s+|el\s+|l['’]?\s*)?(?:milad|izdiyad|ezdiyad|zdiyad)"
        # round 46: Haitian Creole "fèt" (born) before a day's number ("manman m fèt 12 jen 1958")
        r"|f[èe]t(?=[ \t]+(?:(?:le|nan|an)[ \t]+)?[0-9])"
        r"|dat\s+(?:de\s+)?nesans|ng[àa]y\s+sinh|sinh\s+ng[àa]y|tanggal\s+lahir|tgl\s+lahir|lahir|dilahirkan"
        # round 45: Vietnamese "sinh" (born) right before the date's digits ("mẹ tôi (sinh 05/09/1965)"); Quebec's
        # "fête" (birthday) of the writer or of a relative, a year of birth after it within the line ("la fête de ma
        # mère c'est le 25/12/1958", "ma fête est le 3 mai 1990"; not "la fête de Noël", "la fête du Canada")
        r"|sinh(?=[ \t]*+:?[ \t]*+[0-9])"
        r"|(?:ma|ta|sa)\s+f[êe]te(?=[^\n]{0,30}?(?<![0-9])(?:19[2-9][0-9]|200[0-9]|201[0-5])(?![0-9]))"
        # round 53: Quebec's "date de fête" (birthday) of the writer or of someone, whatever the year ("sa date de fête 30 juin 96")
        r"|(?:ma|ta|sa|la|leur|notre|votre)\s+date\s+de\s+f[êe]te(?!\s+(?:de|du|des|d['’])\s)"
        r"|la\s+f[êe]te\s+de\s+(?:ma|mon|sa|son|notre|votre)\s+[^\W\d_]{2,12}(?=[^\n]{0,30}?(?<![0-9])(?:19[2-9][0-9]|200[0-9]|201[0-5])(?![0-9]))"
        # round 25: the forms' abbreviations, Portuguese "nasc." and German "geb." before a date
        r"|nasc\.?|geb\.(?=[ \t]*[0-9])"
        # round 28: Polish, Russian and Ukrainian ("urodzona 12.IV.1950", "data urodzenia: ...", "дата рождения: ...")
        r"|urodzon[aey]|data\s+urodzenia|ur\.(?=[ \t]*[0-9])|дата\s+рождения|родил(?:ся|ась)|народи(?:вся|лася)|дата\s+народження"
        # round 28: the French forms' "D.N." ("D.N.: 02/02/1950")
        r"|d\.n\.?(?=[ \t]*:?[ \t]*[0-9])"
        # round 37: Turkish ("doğum tarihi 2 ekim 1965", "dogum tarihi: 04.05.1980")
        r"|do[ğg]um\s+tarihi|do[ğg]umlu"
        # round 40: Italian, Bosnian / Croatian / Serbian, Romanian, Czech / Slovak, Hungarian, Dutch, the Nordic languages,
        # Finnish, Albanian, Swahili, Arabic, Persian, Hindi ("data di nascita", "datum rođenja", "data nașterii",
        # "datum narození", "születési dátum", "geboortedatum", "fødselsdato", "tarehe ya kuzaliwa", "تاريخ الميلاد")
        r"|data\s+di\s+nascita|nat[oa]\s+il|datum\s+ro[đd]j?enja|ro[đd]j?en[aoi]?|data\s+na[șsş]terii|n[ăa]scut[ăa]?"
        r"|d[áa]tum\s+naro(?:zen[íi]|denia)|naro(?:zen|den)[áaýy]?|sz[üu]let[ée]si\s+(?:d[áa]tum|id[őo])|sz[üu]letett"
        r"|geboortedatum|f[øo]dselsdato|f[öo]delsedatum|f[ø]dt|f[öo]dd|syntym[äa]aika|data\s+e\s+lindjes|dat[ëe]lindja|lindur"
        r"|tarehe\s+ya\s+kuzaliwa|alizaliwa|nacimiento"
        r"|تاريخ\s+الميلاد|تاريخ\s+الولادة|مواليد|تاریخ\s+تولد|जन्म\s*तिथि|जन्म\s*दिनांक"
        # round 35: the same without its dots, in capitals ("Mohamed El Idrissi, DN 1999-03-15")
        r"|(?-i:DN)(?=[ \t]*:?[ \t]*[0-9])"
        # round 42: the Belgian and French "°" for born, before the date ("Anke Peeters (° 12/05/1990)", "°12.05.1990")
        r"|(?<![0-9])°(?=[ \t]?[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{2,4}|[ \t]?(?:19|20)[0-9]{2}[-/.][0-9]{1,2}[-/.][0-9]{1,2}|[ \t]?[0-9]{1,2}[ \t]+[^\W\d_]{3,9}\.?[ \t]+[0-9]{4})"
        # a child's arrival: "on a eu un bébé le 3 mars 2024", "we had a baby girl on May 2 2023"
        r"|(?:eu|had|welcomed|accueilli)\s+(?:un|une|a|our|notre|their|leur|my|mon|her|son)\s+"
        # round 52: the child's rank ("my wife had our 3rd baby on 1 January", "notre 2e bébé")
        r"(?:(?:[0-9]{1,2}(?:st|nd|rd|th|e|er|[èe]me)|first|second|third|fourth|premier|deuxi[èe]me|troisi[èe]me)\s+)?"
        r"(?:petit\s+|petite\s+)?(?:b[ée]b[ée]|baby)(?:\s+(?:girl|boy|fille|gar[çc]on))?"
        # round 52: the birth by its mother's verb, the baby's arrival ("j'ai accouché le 1er décembre", "bébé arrivé le
        # 3 juillet", "baby arrived on May 2"); not "on arrive le 1er juillet avec 2 bébés"
        r"|accouch[ée]e?(?=\s+(?:le|du|de|ce|en|on)\s)|(?:b[ée]b[ée]|baby)(?:\s+(?:girl|boy))?\s+(?:(?:est|is|was|came|a)\s+)?(?:arriv[ée]e?|arrived|came)"
    ),
    IGNORE_CASE,
)
_BIRTH_KEYS = wordset("""
born b birth brith dob dobs birthdates birthdays dates d o b birthdate birthday brithday bday day né née nee ne nés nées naissance
naiss naisance ddn dn anniversaire nacimiento nac nacido nacida nacidos nacidas nascimento nascido nascida
naci nací nacio nació nacieron nacimos nasci nasceu nasceram
geburtsdatum geboren kapanganakan ipinanganak bébé bebe baby accouché accouchée accouche kaarawan janam janm tithi janamdin janmdin
paidaish paidaysh milad izdiyad ezdiyad zdiyad nesans fèt fet sinh lahir dilahirkan nasc geb n fête fete
urodzona urodzony urodzone urodzenia ur рождения родился родилась народився народилася народження
doğum dogum doğumlu dogumlu
nascita nato nata rođenja rodjenja rođen rođena rođeno rodjen rodjena nașterii nasterii naşterii născut născută nascut
nascuta narození narodenia narozen narozena narodený narodená születési szuletesi született szuletett geboortedatum
fødselsdato födelsedatum fodelsedatum født fødd född fodd syntymäaika lindjes datëlindja datelindja lindur kuzaliwa
alizaliwa الميلاد الولادة مواليد تولد जन्म
""")
_GAP_WORD = re.compile(r"[^\W\d_]+")
# Words between the context word and a date that show the date is about something else:
# "born in India and applied on March 3".
_GAP_BREAK = wordset("""
and et but mais applied apply submitted sent arrived landed received expires expired issued
since until depuis jusqu soumis envoyé envoye reçu recu arrivé arrive déposé depose married
mariés marié mariee divorced
cheguei chegamos chegou llegué llegue llegamos llegó llego casei casamos
moved returned register registered deadline before
party fête fete translated traduit traduite dated daté datée requested demandé demandée ordered commandé délivré délivrée
delivre delivree émis émise emis emise certified certifié certifiée apostilled legalized légalisé légalisée granted accordée
prévue prévu prevue prevu expected due
issue expiry expiration délivrance delivrance émission emission landing
appointment appt rendez rdv
avant
""")  # round 28: another event's date after a birth word ("my son's birthday party is on ...", "the birth certificate
# was translated on ...", "citizenship granted ...", "naissance prévue le ..."); round 34: a threshold's date ("née à
# l'étranger avant le 1er janvier 1947", as "before")

# Round 27: a count of the people whose dates follow ("dob of my 4 kids: ..."), and the elided
# article or pronoun, no word of its own ("la date de naissance de ma fille Ketsia : c'est ...").
_HEAD_COUNT = re.compile(
    r"(?<![\w'’-])[0-9]{1,2}[ \t]+(?=(?:kids|children|childs|enfants|sons|daughters|fils|filles|people|persons|personnes"
    r"|members|membres)(?![\w'’-]))",
    IGNORE_CASE,
)
# Round 28: a Japanese era's year said first, then the same date in the western calendar.
_ERA_YEAR = re.compile(
    r"(?:(?<![\w'’-])(?i:sh[oō]wa|heisei|reiwa|taish[oō]|meiji)[ \t]+|(?:昭和|平成|令和|大正|明治)[ \t]*)[0-9]{1,2}[ \t]*年?"
    r"[ \t]*(?:=|/|,|:)?[ \t]*\Z"
)
# Round 42: how long ago a child was born, between the birth word and the date.
_TIME_AGO = re.compile(
    r"(?<![\w'’-])(?:[0-9]{1,2}[ \t]*(?i:days?|weeks?|wks?|months?|mos?)[ \t]+(?i:ago)"
    r"|(?i:il[ \t]+y[ \t]+a)[ \t]+[0-9]{1,2}[ \t]*(?i:jours?|semaines?|mois))(?![\w'’-])"
)
_ELIDED = re.compile(r"(?<![\w'’-])(?:[cdjlmnst]|qu)['’](?=[^\W\d_])")
# Round 45: or in lower case, the next sentence opening with its own possessive ("we applied on sept 12. her birthday is
# 2019-05-08": the birth date is the next sentence's)
_SENTENCE_END = re.compile(r"[ \t]*+[.!?]++\s++(?:[A-ZÀ-Þ]|(?:my|his|her|their|our|your|ma|mon|sa|son|leur|notre|votre)[ \t])")
_LABEL_SEMICOLON = re.compile(r"[ \t]*(?:date[ \t]*)?;", IGNORE_CASE)


def _joined(gap: str, limit: int) -> bool:
    """True when `gap`, the text between a birth context word and a date, joins them."""
    if len(gap) > limit:
        return False
    if any("0" <= c <= "9" for c in gap):
        gap = _HEAD_COUNT.sub("", gap)  # round 27: "dob of my 4 kids: 2009-01-15, ..."
        gap = _ERA_YEAR.sub("", gap)  # round 28: "birth date Showa 22 = 1947/06/30", "birth: 昭和20年 / 1945-04-08"
        gap = _TIME_AGO.sub("", gap)  # round 42: "born here 2 weeks ago on 11 Feb 2024", "né il y a 3 semaines, le ..."
        if any("0" <= c <= "9" for c in gap):
            return False
    if _DOCUMENT_DATE.search(gap):
        return False  # round 28: the certificate's own date ("I requested the birth certificate on 2025-01-03")
    label_end = _LABEL_SEMICOLON.match(gap)
    if label_end:  # "date of birth; nineteen eighty eight, ...", "birth date; ...": the label's colon
        gap = gap[label_end.end():]
    # a label may stand on its own line, the date on the next ("Date de naissance\n08/11/1964",
    # "born on\n14 March 1990"): one line break, no other punctuation
    if any(c in ".!?;[]\n" for c in gap.strip(" :.-()\u00a0")) and (
        gap.count("\n") != 1 or any(c in ".!?;[]" for c in gap.strip(" :.-()\u00a0\n"))
    ):
        return False
    words = _GAP_WORD.findall(_ELIDED.sub("", gap.lower()))  # round 27: "c'est" one word
    # "date de naissance de Ti-Jean c'est le 5 mai 1977": a hyphenated name is one word
    # round 27: the child's name right before the date is no word of the gap ("dob of my kids pls fix: Omar 04/12/2013")
    named = (trailing := _TRAILING_NAME.search(gap)) is not None and given_name(trailing.group(1))
    return len(words) - gap.count("-") - named <= 5 and not any(w in _GAP_BREAK for w in words)


_DOCUMENT_DATE = re.compile(
    r"(?:certificate|certificat|acte|record|registration|extract|extrait)[ \t]+(?:(?:was|is|est)[ \t]+)?(?:on|le|du|from|dated)[ \t]*\Z",
    IGNORE_CASE,
)
_TRAILING_NAME = re.compile(r"[:,][ \t]*([A-ZÀ-Þ][a-zà-ÿ]+)[ \t]*\Z")


# Round 27: a birth date after a Chinese, Japanese or Korean birth word, which no space separates from
# the words around it ("我的生日是1990年5月14日", "出生日期：1988-03-02", "생년월일: 1990년 5월 14일").
_CJK_BIRTH = re.compile(r"(?:生日|出生日期|出生年月日|出生于|出生於|出生|生年月日|誕生日|생년월일|생일)[ \t]*(?:是|为|為|は|：|:|은|는)?[ \t]*")


def _cjk_births(text: str) -> Iterator[Candidate]:
    for label in _CJK_BIRTH.finditer(text):
        m = _DATE.match(text[label.end():label.end() + 40])  # the character before is a word's (是, は)
        if m:
            yield label.end() + m.start(), label.end() + m.end(), "DATE_OF_BIRTH", BIRTH_P


# Round 42: the year alone of a named person's birth, no day known: right after the name and a comma ("mon père
# [PERSON], né en 1955 à Oran", "Her name [PERSON], born in 1968 (only the year is known)"), or said of him or her
# ("[PERSON] who lives in Addis Ababa, she was born in 1962", "... Elle est née en 1951 (je n'ai pas le jour exact)");
# an adult's year, the sentence ending or going on with a place or a bracket; not "born around 1946 they put
# 01/01/1946" (a date of that year said too), not "[PERSON] née en 1960 et ..." (no comma), not the writer's own, not
# with an age after it in the sentence ("née en 1962, elle a 61 ans": the year said for the age).
# Round 48: the same said in more ways: the verb after the name ("[PERSON] est né en 1986 pas 1987", "[PERSON] was born in
# 1962."), the year about ("né vers 1940", "born around 1950", "born 1949 only year on her passport"), a correction or
# "only" after it; or the birth label before the year right after the name ("[PERSON] (DOB 1963)", "Mother: [PERSON] DOB
# 1955 (no day and month)", "[PERSON], ddn : 1948.")
_NAMED_BIRTH_YEAR = re.compile(
    r"(?:(?:\[PERSON\][ \t]*+,?[ \t]*+(?:(?i:who|qui)[ \t]+)?(?:(?i:was|is|est|a[ \t]+été)[ \t]+)?"
    r"|(?<![\w'’-])(?i:she|he|elle|il)[ \t]+(?i:was|is|est)[ \t]+)(?i:born|n[ée]e?)(?:[ \t]*+:)?[ \t]++"
    r"(?:(?i:in|en|vers|around|circa|about|environ|approx\.?|c\.|ca\.)[ \t]+)?"
    r"|\[PERSON\][ \t]*+[(,]?[ \t]*+(?i:dob|d\.o\.b\.?|ddn|date[ \t]+of[ \t]+birth|year[ \t]+of[ \t]+birth|date[ \t]+de[ \t]+naissance"
    r"|ann[ée]e[ \t]+de[ \t]+naissance)[ \t]*+:?[ \t]*+)"
    r"((?:19|20)[0-9]{2})(?![0-9])(?=[ \t]*(?:[.;()\n]|,[ \t]*(?!(?i:le|on|the)[ \t])|\Z|(?i:à|a|in|au|en)[ \t]+[A-ZÀ-Þ]"
    r"|(?i:pas|not|only|seulement|but|mais|no|sans|or|ou)(?![\w'’-])))"
)


def _named_birth_years(text: str) -> Iterator[Candidate]:
    for m in _NAMED_BIRTH_YEAR.finditer(text):
        year = m.group(1)
        if int(year) > _LAST_NAMED_YEAR or text.count(year) > 1:
            continue
        if not m.group().startswith("[") and "[PERSON]" not in text[:m.start()]:
            continue
        stop = min((i for i in (text.find(c, m.end()) for c in ".!?\n") if i >= 0), default=len(text))
        if _AGE_HINT.search(text, m.end(), stop):
            continue  # "Ma mère [PERSON], née en 1962, elle a 61 ans, peut-elle ...": the year said for her age
        if "[DATE_OF_BIRTH]" in text[m.end():m.end() + 100] or _DATE.search(text, m.end(), m.end() + 100) is not None:
            continue  # round 48: "born around 1940 but passport says 01/01/1941", "né vers 1945 (le papier dit ...)": the full date
        yield m.start(1), m.end(1), "DATE_OF_BIRTH", BIRTH_P
        if (other := _OTHER_YEAR_AFTER.match(text, m.end(1))) is not None:
            yield other.start(1), other.end(1), "DATE_OF_BIRTH", BIRTH_P  # round 48: "né en 1986 pas 1987": the wrong one too


_LAST_NAMED_YEAR = 2007
_OTHER_YEAR_AFTER = re.compile(
    r"[ \t]*+,?[ \t]*+(?i:pas|not|et[ \t]+non|and[ \t]+not|non|instead[ \t]+of|au[ \t]+lieu[ \t]+de|or|ou)[ \t]+(?:(?i:en|in)[ \t]+)?"
    r"((?:19|20)[0-9]{2})(?![0-9/.-])"
)


# Round 44: a person's details listed one a line, the name (masked on the first pass) then a full date alone on the next
# line ("- [PERSON]\n- 12/07/1995\n- [PASSPORT]"): the date is the person's birth date when its year is an adult's.
# Round 52: or on the line after the next, the person's sex alone between ("KIM MIN-JUN\nM\n17 MAY 2003\nM58120477")
_NAME_LINE_THEN = re.compile(
    r"(?:^|(?<=\n))[ \t]{0,3}(?:[-*•][ \t]{0,3})?\[PERSON\][ \t]{0,3}\n[ \t]{0,3}(?:[-*•][ \t]{0,3})?"
    r"(?:(?:[MFX]|(?i:male|female|homme|femme|masculin|f[ée]minin|sex[ \t]*:?[ \t]*[mfx]|sexe[ \t]*:?[ \t]*[mfx]))"
    r"[ \t]{0,3}\n[ \t]{0,3}(?:[-*•][ \t]{0,3})?)?"
)
_LINE_END = re.compile(r"[ \t]{0,3}(?:\n|\Z)")


def _name_line_dates(text: str) -> Iterator[Candidate]:
    for m in _NAME_LINE_THEN.finditer(text):
        date = _DATE.match(text, m.end())
        if date is None or not _LINE_END.match(text, date.end()) or _PROSE_DATE.search(date.group()):
            continue
        year = _year_of(date.group())
        if year and _FIRST_YEAR <= int(year) <= _LAST_ADULT_YEAR:
            yield date.start(), date.end(), "DATE_OF_BIRTH", BIRTH_P


# Round 46: a passport's second machine-readable line (the number, its check digit, the nationality, then the birth date
# YYMMDD, its check digit, the sex and the expiry: "5318842076GBR8704129F3011057<<<<"), or an identity card's (the birth
# date first, "9001015M3001012CAN<<<<"): the birth date's six digits.
_MRZ_BIRTH = re.compile(
    r"(?m)^[ \t]*+(?:[A-Z0-9<]{9}[0-9<][A-Z<]{3}(?P<a>[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01]))[0-9][MFX<][0-9]{6}[0-9]"
    r"|(?P<b>[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01]))[0-9][MFX<][0-9]{6}[0-9][A-Z<]{3})[A-Z0-9<]*+[ \t]*+$"
)


def _mrz_births(text: str) -> Iterator[Candidate]:
    for m in _MRZ_BIRTH.finditer(text):
        group = "a" if m.group("a") else "b"
        yield m.start(group), m.end(group), "DATE_OF_BIRTH", BIRTH_P


# Round 51: the year in texting's thousands after a birth date without its year ("DOB 12th of Nov 2k1", "née le 3 mai
# 2k", "bday march 4 2K10"): the year is the date's.
_TWO_K_YEAR = re.compile(r"[ \t]*+,?[ \t]*+2[kK](?:[0-9]{1,2})?(?![\w'’-])")
_HAS_YEAR = re.compile(r"[0-9]{4}|['’][0-9]{2}$|[ \t/.-][0-9]{2}$")


def births(scan: Scan) -> Iterator[Candidate]:
    """Dates within a few words after "born", "DOB", "né le", "date de naissance"... or
    just before "(date of birth)"; and full dates right after a person's name."""
    if "2k" not in scan.text and "2K" not in scan.text:
        yield from _births(scan)
        return
    for start, end, kind, priority in _births(scan):
        if kind == "DATE_OF_BIRTH" and (year := _TWO_K_YEAR.match(scan.text, end)) is not None \
                and _HAS_YEAR.search(scan.text, start, end) is None:
            end = year.end()
        yield start, end, kind, priority


def _births(scan: Scan) -> Iterator[Candidate]:
    if "<<" in scan.text:
        yield from _mrz_births(scan.text)
    named = list(_named_dates(scan.text))
    yield from named
    if "[PERSON]" in scan.text and _YEAR_DIGITS.search(scan.text) is not None:
        yield from _named_birth_years(scan.text)
        if "\n" in scan.text:
            yield from _name_line_dates(scan.text)
    if named or (":" in scan.text and _KIN_COLON.search(scan.text)):
        yield from _more_listed(scan.text, named)
    if "\n" in scan.text and ("|" in scan.text or "\t" in scan.text or ";" in scan.text):
        for kind, start, end in table_cells(scan.text):
            if kind == "DATE_OF_BIRTH" and _DATE.fullmatch(scan.text, start, end):
                yield start, end, "DATE_OF_BIRTH", BIRTH_P  # round 40: a table's birth date column
    if " / " in scan.text:
        for kind, start, end in slash_label_cells(scan.text):
            if kind == "DATE_OF_BIRTH" and _DATE.fullmatch(scan.text, start, end):
                yield start, end, "DATE_OF_BIRTH", BIRTH_P
    if scan.has_digit and _KIN_THEN_DATE_HINT.search(scan.text) is not None:
        yield from _kin_dated_list(scan.text, scan.words)
    if len(scan.text) <= 80 and (_YEAR_DIGITS.search(scan.text) is not None or _NAMED_SHORT_YEAR_HINT.search(scan.text) is not None) \
            and (alone := _date_alone(scan.text)):
        yield alone
    if not scan.text.isascii() and _CJK_BIRTH.search(scan.text):
        yield from _cjk_births(scan.text)
    if not _NOT_KEYS.isdisjoint(scan.words) and _EVENT_WORDS.isdisjoint(scan.words):
        yield from _year_corrections(scan.text)
    if not _SAYS_KEYS.isdisjoint(scan.words) and not _PAPER_KEYS.isdisjoint(scan.words) and _YEAR_DIGITS.search(scan.text) is not None:
        yield from _papers_say(scan.text)
    if _BIRTH_KEYS.isdisjoint(scan.words) and "°" not in scan.text:  # round 42: "(° 12/05/1990)"
        return
    text = scan.text
    labels = [m.span() for m in _BIRTH.finditer(text)
              if not _GENERIC_SUBJECT.search(text, max(0, m.start() - 45), m.start())]
    if not labels:
        return
    corrected = _CORRECTION.search(text) is not None
    previous = -1  # where the last birth date ended
    years: set[str] = set()  # the years of the birth dates found
    for _s, e in labels:  # round 27: the year alone, "born around 1946 they put 01/01/1946"
        if year := _YEAR_ALONE.match(text, e):
            years.add(year.group(1))
    others: list[re.Match[str]] = []  # the other dates
    last: re.Match[str] | None = None  # the date before
    for m in _DATE.finditer(text):
        start, end = m.span()
        before, last = last, m
        if _year_of(m.group()) == "" and ((before is not None and _BRACKET_OPEN.fullmatch(text, before.end(), start)
                                           and _year_of(before.group()) != "")
                                          or _MASKED_BRACKET_BEFORE.search(text, max(0, start - 24), start)):
            continue  # round 45: "c'est le 09/05/1990 (9 mai)": the date restated in brackets without its year
        if _DATED_BEFORE.search(text, max(0, start - 16), start):
            continue  # round 33: "a letter dated 12/03/2025 asking for my son's birth certificate": the letter's date
        if any(
            (e <= start and (_joined(text[e:start], 40) or _CHANGED_TO.fullmatch(text, e, start)
                             or _BIRTH_OF_IS.fullmatch(text, e, start)))
            # the dot of "14 juin." ends a sentence: "mon mariage le 14 juin. Elle est née le ..."
            or (s >= end and not m.group().endswith(".") and not _SENTENCE_END.match(text, end) and not _other_line_label(text, start, end, s)
                and not _OWN_CLAUSE.match(text, end) and _joined(text[end:s], 25)
                and not _EVENT_JUST_BEFORE.search(text, max(0, start - 24), start))
            or (corrected and _same_sentence(text, min(e, start), max(s, end)))
            or (e <= start and _asked_then_given(text, e, start, m.group()))
            or (e <= start and _WRONG_THEN_IS.fullmatch(text, e, start) is not None)
            or (corrected and e <= start and _wrote_instead(text, s, e, start, end))
            or (e <= start and "[PERSON]" in text and _BORN_THEN_NAMED.fullmatch(text, e, start) is not None)
            for s, e in labels
        ) or (previous >= 0 and (_CORRECTED_TO.fullmatch(text, previous, start) or _EQUIVALENT.fullmatch(text, previous, start)
                                 or (_year_of(m.group()) != "" and _SORRY_NEXT.fullmatch(text, previous, start))
                                 or (before is not None and before.end() == previous and _year_of(before.group()) == ""
                                     and _year_of(m.group()) != "" and _SLASH_SAME.fullmatch(text, previous, start))
                                 or _AND_RELATIVE.fullmatch(text, previous, start)
                                 or _AND_NEXT.fullmatch(text, previous, start) or _MEANT_NEXT_LINE.fullmatch(text, previous, start)
                                 or _next_label(text, previous, start) or _next_named(text, previous, start))):
            previous = end
            years.add(_year_of(m.group()))
            if not (_BRACKETED_DATE_NEXT.match(text, end) and _HOLIDAY_START.match(m.group())):
                yield start, end, "DATE_OF_BIRTH", BIRTH_P  # round 34: not "Independence Day 1947 (15 August 1947)"
        else:
            others.append(m)
    for _s, e in labels:  # round 47: six digits, the year first as Korea writes it ("born 930115 (korean style yymmdd)")
        if (compact := _COMPACT_BIRTH.match(text, e)) is not None:
            yield compact.start(1), compact.end(1), "DATE_OF_BIRTH", BIRTH_P
        elif (lettered := _LETTERED_BIRTH.match(text, e)) is not None and not lettered.group(1).isdigit() \
                and _DATE.fullmatch(lettered.group(1).translate(_LETTERS_FOR_DIGITS)) is not None \
                and sum(c.isdigit() for c in lettered.group(1)) >= 4:
            yield lettered.start(1), lettered.end(1), "DATE_OF_BIRTH", BIRTH_P
        elif text[e:e + 12].count(" ") > 2 and (spaced := _SPACED_BIRTH.match(text, e)) is not None \
                and _YEAR_DIGITS.search(spaced.group(1).replace(" ", "")):
            yield spaced.start(1), spaced.end(1), "DATE_OF_BIRTH", BIRTH_P
    for m in others:  # "born 1st of november 1994 but the visa says 11/01/1994": restated
        if _year_of(m.group()) in years - {""} or (previous >= 0 and _on_papers(text, previous, m, years)):
            yield m.start(), m.end(), "DATE_OF_BIRTH", BIRTH_P


# Round 47: the birth date written wrong in one sentence, then what was written and the right one ("I put the wrong
# DOB on the form!!! wrote 1987-04-12 instead of 1978-04-12"): the first date, the second follows as corrected
_WROTE_AFTER_WRONG = re.compile(
    r"[^.!?\n0-9]{0,40}+[.!?]++[ \t]*+(?:(?:i|j['’]ai|on[ \t]+a|they|you)[ \t]+)?"
    r"(?:wrote|put|typed|entered|filled[ \t]+in|[ée]crit|mis|tap[ée]|inscrit|saisi)[ \t]+(?:(?:in|down)[ \t]+)?",
    IGNORE_CASE,
)


def _wrote_instead(text: str, label_start: int, label_end: int, start: int, end: int) -> bool:
    if _WROTE_AFTER_WRONG.fullmatch(text, label_end, start) is None \
            or _CORRECTION.search(text, max(0, label_start - 40), start) is None:
        return False
    instead = _CORRECTED_TO.match(text, end)
    return instead is not None and _DATE.match(text, instead.end()) is not None


# Round 47: a child's birth told, then the child's name and the date ("Grandson born!!! Liam Tadesse, 9 April 2024",
# "my son was born last week!! Ethan Okafor-Reyes, May 3 2024"), read on the masked text
_BORN_THEN_NAMED = re.compile(
    r"(?:[ \t]++(?i:last[ \t]+(?:week|night|month)|yesterday|today|this[ \t]+(?:morning|week)|hier|aujourd['’]hui|ce[ \t]+matin"
    r"|la[ \t]+semaine[ \t]+derni[èe]re))?[ \t]*+[.!]*+[ \t]*+\[PERSON\][ \t]*+[,:–—-]?[ \t]*+(?:(?i:on|le|the)[ \t]+)?"
)
# Round 47: the birth date given, then corrected at once on the same line ("date of birth 1988-02-17 sorry 1989-02-17")
_SORRY_NEXT = re.compile(
    r"[ \t]*+[,.!]*+[ \t]*+(?:sorry|sry|oops|oups|pardon|d[ée]sol[ée]e?|dsl|my[ \t]+bad|i[ \t]+mean|i[ \t]+meant|je[ \t]+veux[ \t]+dire"
    r"|je[ \t]+voulais[ \t]+dire|correction)(?:[ \t]*+[,.!:]*+[ \t]*+(?:i[ \t]+mean|i[ \t]+meant|it['’]?s|c['’][ \t]?est"
    r"|je[ \t]+veux[ \t]+dire))?[ \t]*+[,.!:]*+[ \t]*+(?:(?:le|the|on)[ \t]+)?",
    IGNORE_CASE,
)
# Round 47: a date of another calendar, then the same in the western one after a slash ("DOB: 12 Aban 1360 / 3 Nov 1981")
_SLASH_SAME = re.compile(r"[ \t]*+/[ \t]*+")
# Round 47: six digits right after the birth word, the year first as Korea writes it, or the day first ("born
# 930115", "DOB: 150390"); not a longer number, nor one with a dash (a Korean resident number)
# Round 50: the date typed a digit at a time, blanks between ("born 1 9 8 3 - 0 7 - 2 1", "DDN : 0 4 / 1 1 / 1 9 7 6").
_SPACED_BIRTH = re.compile(
    r"[ \t]*+:?[ \t]*+(?:(?i:is|was|est|c['’]est|on|le|el)[ \t]++)?"
    r"((?:[0-9][ \t]){3}[0-9][ \t]*+[-/.][ \t]*+[0-9][ \t]?[0-9][ \t]*+[-/.][ \t]*+[0-9][ \t]?[0-9]"
    r"|[0-9][ \t]?[0-9][ \t]*+[-/.][ \t]*+[0-9][ \t]?[0-9][ \t]*+[-/.][ \t]*+(?:[0-9][ \t]){3}[0-9])(?![0-9])"
)
# Round 51: the date typed with the letter "o" for a zero or "l", "I" for a one, right after the birth word ("né le
# 15/o6/199o", "dob 14/o3/1991", "DOB: l2-o4-1988"): a day, a month and a year of four, each a digit or such a letter.
_LETTERED_BIRTH = re.compile(
    r"[ \t]*+:?[ \t]*+(?:(?i:is|was|est|c['’]est|on|le|el)[ \t]++)?"
    r"([0-3oOlI]?[0-9oOlI]([-/.])[0-1oOlI]?[0-9oOlI]\2(?:[1lI][9]|2[0oO])[0-9oOlI]{2}"
    r"|(?:[1lI][9]|2[0oO])[0-9oOlI]{2}([-/.])[0-1oOlI]?[0-9oOlI]\3[0-3oOlI]?[0-9oOlI])(?![\w])"
)
_LETTERS_FOR_DIGITS = str.maketrans("oOlI", "0011")
_COMPACT_BIRTH = re.compile(
    r"[ \t]*+:?[ \t]*+(?:(?i:on|le|is|est)[ \t]+)?"
    r"([0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])|(?:0[1-9]|[12][0-9]|3[01])(?:0[1-9]|1[0-2])[0-9]{2})(?![0-9]|[-/.][0-9])"
)


# Round 46: another event's verb right before the date, the birth label after it ("married Feb 14 2024 to Carlos
# Mendoza (dob 1989-07-07)"): the wedding's date
_EVENT_JUST_BEFORE = re.compile(
    r"(?<![\w'’-])(?:married|got[ \t]+married|mari[ée]e?s?|arrived|landed|arriv[ée]e?s?|applied|submitted|divorced|divorc[ée]e?s?"
    # round 51: a paper's end ("mon permis expire le 30 juin, je suis né le ...")
    r"|expires?|expired|expirera|expir[ée]e?s?|expiring|exp\.?|valid[ \t]+until|valable[ \t]+jusqu['’]?(?:au|à)"
    # round 52: a death ("my grandmother died on 2024-02-02, she was born 1931-05-30")
    r"|died|passed[ \t]+away|d[ée]c[ée]d[ée]e?s?|morte?s?|deceased)"
    r"[ \t]+(?:(?:on|le|the|in|en)[ \t]+)?\Z",
    IGNORE_CASE,
)


# Round 39: the next line's birth label is that line's ("Marriage date: 14/02/2022\nSpouse DOB: 29/08/1993"): a
# date with its own label on its line, then the next line, a word or two before the birth word
_OTHER_LINE_LABEL = re.compile(r"[ \t]*\n[ \t]*(?:[^\W\d_]+(?:[ \t]+[^\W\d_]+)?[ \t]+)?\Z")


def _other_line_label(text: str, start: int, end: int, label: int) -> bool:
    """Whether the birth label at `label` opens the next line and the date's own line has its own label (a colon)."""
    return _OTHER_LINE_LABEL.match(text, end, label) is not None and ":" in text[text.rfind("\n", 0, start) + 1:start]


# Round 38: a birth word whose subject is everyone, no one person ("everyone in the village is born on 1 jan lol",
# "tout le monde ici est né le 1er janvier"): a remark, no one's birth date.
_GENERIC_SUBJECT = re.compile(
    r"(?<![\w'’-])(?:everyone|everybody|every[ \t]+one|nobody|no[ \t-]one|anyone|anybody|half[ \t]+(?:the|of)"
    r"|tout[ \t]+le[ \t]+monde|tous[ \t]+les[ \t]+gens|la[ \t]+moiti[ée]|personne[ \t]+n['’]?|(?:most|all|many)[ \t]+(?:of[ \t]+)?(?:us|people|them)"
    r"|(?:we|they)[ \t]+(?:are[ \t]+)?all|(?:we|they)['’]re[ \t]+all|(?:on|ils|elles)[ \t]+(?:est|sont)[ \t]+tou(?:s|tes)|nous[ \t]+sommes[ \t]+tou(?:s|tes))"
    r"(?![\w'’-])[^.!?\n;,()\[\]0-9]{0,35}\Z",
    IGNORE_CASE,
)


# Round 34: after "date of birth of", "DOB of", "date de naissance de" and whose it is, in the same sentence,
# the date after "is", "est", ":" ("date of birth of my employer's child i take care of, Lucas, is 2019-06-03").
_BIRTH_OF_IS = re.compile(
    r"[ \t]+(?:of|de|du|d['’])[ \t]+[^.!?\n0-9]{1,80}?(?:[ \t]+(?:is|was|est|c['’]est|c)[ \t]*:?|[ \t]*[:=])[ \t]+(?:(?:le|the|on)[ \t]+)?",
    IGNORE_CASE,
)
# Round 34: a holiday's name before the date in brackets.
_HOLIDAY_START = re.compile(_HOLIDAY)
_BRACKET_OPEN = re.compile(r"[ \t]*\([ \t]*")
_MASKED_BRACKET_BEFORE = re.compile(r"\[DATE_OF_BIRTH\][ \t]*\([ \t]*\Z")
_BRACKETED_DATE_NEXT = re.compile(r"[ \t]*\([ \t]*(?:[0-9]|\[DATE_OF_BIRTH\])")
# Round 34: a birth date, then in the same sentence another full date that a paper or a form holds ("je suis né le
# 25.12.1990 mais sur mon passeport c'est 25.12.1991", "born 3 Farvardin 1340, I put 1961-03-23 on the form"), within
# two years of it (or the first in another calendar); not an issue's, expiry's or another event's date.
_ON_PAPERS = wordset("""
passport passeport pasaporte papers papiers form forms formulaire certificate certificat acte id card carte documents
put mis wrote written écrit ecrit
""")
_JOINING = wordset("and et but mais")


# Round 40: two papers that disagree, the second date "in the other" one ("a la date de naissance 24.08.1971 dans le
# passeport interne mais 9 juin 1992 dans l'autre", "it's 1980-02-03 on my passport but 1981-03-02 on the other"):
# the same person's birth date as the other paper prints it, however far apart the years.
_IN_OTHER_PAPER = re.compile(
    r"[ \t]+(?i:dans|sur|in|on|en)[ \t]+(?i:l['’][ \t]?autre|the[ \t]+other|el[ \t]+otro|(?:le|la|mon|ma|my|the|el|mi|his|her|son|sa)"
    r"[ \t]+(?:passport|passeport|pasaporte|papers|papiers|form|formulaire|certificate|certificat|acte|id|card|carte|visa|permit|permis"
    r"|pr[ \t]+card|carte[ \t]+rp))(?![\w'’-])"
)
_BUT_KEYS = wordset("but mais pero")


def _in_other_paper(text: str, previous: int, m: re.Match[str]) -> bool:
    year = _year_of(m.group())
    if not year or int(year) > _LAST_BIRTH_YEAR or not _same_sentence(text, previous, m.start()) \
            or not _IN_OTHER_PAPER.match(text, m.end()):
        return False
    gap = _GAP_WORD.findall(text[previous:m.start()].lower())
    return not _BUT_KEYS.isdisjoint(gap) and not _ON_PAPERS.isdisjoint(gap) \
        and not any(w in _EVENT_WORDS and w not in _JOINING and w not in _ON_PAPERS for w in gap)


def _on_papers(text: str, previous: int, m: re.Match[str], years: set[str]) -> bool:
    year = _year_of(m.group())
    if not year or not _same_sentence(text, previous, m.start()):
        return False
    if _in_other_paper(text, previous, m):
        return True
    near = _GAP_WORD.findall(text[previous:m.end() + 20].lower())
    if _ON_PAPERS.isdisjoint(near) or not _PAPER_EVENTS.isdisjoint(near) \
            or any(w in _GAP_BREAK and w not in _JOINING for w in near):
        return False
    known = [int(y) for y in years if y]
    return not known or any(abs(int(year) - y) <= 2 for y in known)


# Round 40: the paper also without a possessive after "but", "mais", "while", a bracket ("... born 1370 but passport
# says 1 Jan 1991", "(passport says 1 Jan 1950)", "birth certificate says 1996 but passport says 05/06/1995").
# Round 33: a date right after "dated", "daté du", "en date du" is a paper's own ("Your office sent a letter dated
# 12/03/2025 asking for my son's birth certificate"), not the birth date the words near it speak of.
_DATED_BEFORE = re.compile(r"(?<![\w'’-])(?:dated|dat(?:é|ée|és|ées)(?:[ \t]+du)?|en[ \t]+date[ \t]+du)[ \t]+(?:on[ \t]+|le[ \t]+)?\Z", IGNORE_CASE)
# Round 33: the birth date changed, then the new one: "her birth date was changed by the court to 2016/05/10", "sa
# date de naissance a été modifiée par le tribunal au 2016-05-10", "my DOB got corrected to 1990-05-04".
_CHANGED_TO = re.compile(
    r"(?:[ \t]*(?:date|day)(?![\w'’-]))?[ \t]+(?:(?:was|were|is|has[ \t]+been|have[ \t]+been|had[ \t]+been|got|gets|a[ \t]+été|a[ \t]+ete|ont[ \t]+été|est|sera)[ \t]+)?"
    r"(?:legally[ \t]+|officially[ \t]+|finally[ \t]+)?"
    r"(?:changed|corrected|amended|modified|updated|fixed|rectified|chang[ée]e?|corrig[ée]e?|modifi[ée]e?|rectifi[ée]e?)"
    r"(?:[ \t]+(?:by|par)[ \t]+[^\W\d_]+(?:[ \t]+[^\W\d_]+){0,2})?[ \t]+(?:to|into|au|à|pour|en)[ \t]+(?:(?:le|the)[ \t]+)?",
    IGNORE_CASE,
)
# Round 33: a person's own papers saying a date of the last century, no other event's word after it: "her passport says
# 01/01/1940. which one do i put?", "son acte dit 12/03/1952"; not "her passport says 01/01/2019 as issue date", "the
# passport says expiry 01/01/2030" (the word between), nor a recent year (an issue, an expiry).
_SAYS_KEYS = wordset("says said shows showed reads lists states indicates dit indique affiche montre mentionne porte say show")
_PAPERS_SAY = re.compile(
    r"(?:(?<![\w'’-])(?:my|his|her|their|our|mon|ma|mes|son|sa|ses|leur|leurs|[^\W\d_]{2,}['’]s|but|mais|while|whereas|alors[ \t]+que"
    r"|(?<=\()the|(?<=, )the)[ \t]+|\([ \t]*)"
    # round 48: the office's records under any name, after "but the" ("but the system shows 07/07/1971", "mais le dossier
    # indique ...", "but your portal says ...")
    r"(?:(?:the|your|their|le|la|l['’]|votre|leur)[ \t]*(?<=[ \t'’]))?"
    r"(?:(?:old|new|own|current|ancien|ancienne|vieux|nouveau|nouvelle|birth)[ \t]+)?"
    r"(?:passport|passeport|id|card|carte|certificate|certificat|acte|tazkira|tazkera|papers|papiers|documents?"
    r"|records?|cnic|nic|license|licence|permis|pasaporte|c[ée]dula"
    r"|system|syst[èe]me|portal|portail|file|dossier|profile|profil|account|compte|letter|lettre|form|formulaire|database)(?:[ \t]+(?:de[ \t]+naissance|d['’]identit[ée]))?(?:['’]s)?[ \t]+"
    r"(?:(?:only|also|still|clearly|seulement|aussi)[ \t]+)?"
    # round 52: the verb without its "s", as a learner types it ("but passport say 1994.02.28")
    r"(?:says|said|shows|showed|reads|lists|states|indicates|dit|indique|affiche|montre|mentionne|porte|say|show)[ \t]*:?[ \t]+"
    r"(?:(?:it[ \t]+as|that|que|le)[ \t]+)?\Z",
    IGNORE_CASE,
)
_PAPER_KEYS = wordset("""
passport passeport id card carte certificate certificat acte tazkira tazkera papers papiers document documents record
records cnic nic license licence permis pasaporte cedula cédula
system système systeme portal portail file dossier profile profil account compte letter lettre form formulaire database
""")
_LAST_PAPERS_BIRTH_YEAR = 1999
_RELATIVE_KEYS = wordset("""
grandma grandmother grandpa grandfather granny nana mother mom mum father dad mère mere père pere grand-mère grand-père
husband wife mari femme aunt uncle tante oncle
""")
_PAPER_EVENTS = wordset("""
issue issued issuance expiry expires expired expiration expire expiré expiree valid validity until délivré délivrée delivre
délivrance emission émission émis émise renewed renouvelé entry arrival landing marriage mariage wedding death décès deces
""")


def _papers_say(text: str) -> Iterator[Candidate]:
    words = None
    for m in _DATE.finditer(text):
        year = _year_of(m.group())
        if not year or not _FIRST_YEAR <= int(year) <= _LAST_PAPERS_BIRTH_YEAR:
            continue
        if not _NUMERIC_DATE.fullmatch(m.group()):
            # round 40: a date in words too, in a message about a birth ("tazkira says born 1370 but passport says 1
            # Jan 1991", "grandma (passport says 1 Jan 1950), born around ...")
            words = words if words is not None else frozenset(_GAP_WORD.findall(text.lower()))
            if _BIRTH_KEYS.isdisjoint(words) and not _RELATIVE_KEYS & words:
                continue
        if _PAPERS_SAY.search(text, max(0, m.start() - 40), m.start()) is None:
            continue
        if _PAPER_EVENTS.isdisjoint(_GAP_WORD.findall(text[m.end():m.end() + 25].lower().split(".")[0])):
            yield m.start(), m.end(), "DATE_OF_BIRTH", BIRTH_P


# Round 32: a full date (day, month and year) that is the whole message, a year of an adult's birth: the answer
# to the birth date asked ("12 august 1987", "Sept 9 2001"); a month and year ("august 1987") or a recent date stay,
# and so does a date written as prose, its day an ordinal before a comma ("May 1st, 1977": a negative of Presidio's).
_DATE_ALONE = re.compile(r"[ \t\n]*[.!?]*[ \t\n]*\Z")
_PROSE_DATE = re.compile(r"[0-9](?i:st|nd|rd|th),")
_FIRST_YEAR = 1920


# Round 52: or the answer's few words around it: "its 1990-04-03", "c'est le 1988-09-12", "sorry I meant 1990-03-04, i
# mixed up the month and day", "no wait 11/03/1978 the form wanted dd/mm": words that give or correct a value before it,
# a remark on the order of its day and month after it.
_ANSWER_OPENING = re.compile(
    r"[ \t]*+(?:(?:ok|okay|oh|oops|oups|sorry|sry|pardon|d[ée]sol[ée]e?|dsl|no|non|nope|wait|attends?|actually|en[ \t]+fait"
    r"|correction|i[ \t]+meant?|i[ \t]+mean|meant|je[ \t]+voulais[ \t]+dire|it[ \t]+is|it['’]?s|its|c['’][ \t]?est|cest|c|le"
    r"|the[ \t]+right[ \t]+one[ \t]+is|the[ \t]+correct[ \t]+one[ \t]+is)(?![\w'’-])[ \t,.:!]*+){1,4}+\Z",
    IGNORE_CASE,
)
_ORDER_REMARK = re.compile(
    r"[ \t]*+[,.;:!(–—-]?[ \t]*+(?=[^0-9\n]{0,60}?(?i:dd/mm|mm/dd|jj/mm|month|day|mois|jour|format|order|ordre|typo))"
    r"[^0-9\n]{0,60}\Z"
)


def _date_alone(text: str) -> Candidate | None:
    m = _DATE.search(text)
    if m is None or _PROSE_DATE.search(m.group()):
        return None
    if (text[:m.start()].strip() or not _DATE_ALONE.match(text, m.end())) and (
            len(text) > 80 or (text[:m.start()].strip() and not _ANSWER_OPENING.match(text[:m.start()]))
            or not (_DATE_ALONE.match(text, m.end()) or _ORDER_REMARK.match(text, m.end()))):
        return None
    year = _year_of(m.group()) or _short_year(m.group())
    # round 53: a date alone is the birth date asked for, a child's too ("its 2014-07-22"), not one of the last years
    if not year or not _FIRST_YEAR <= int(year) <= _LAST_ALONE_YEAR:
        return None
    return m.start(), m.end(), "DATE_OF_BIRTH", BIRTH_P


_LAST_ALONE_YEAR = 2019
# Round 53: a date by its month's name whose year has two digits ("jun 5 '87", "12 dec 86"): 1930-1999, or 2000-2012
# after an apostrophe.
_NAMED_SHORT_YEAR = re.compile(r"[^\W\d_]{3}.*[ \t,]([’']?)([0-9]{2})\Z")
_NAMED_SHORT_YEAR_HINT = re.compile(r"[ \t,]['’]?[0-9]{2}[ \t\n.!?]*\Z")


def _short_year(date: str) -> str:
    m = _NAMED_SHORT_YEAR.search(date)
    if m is None:
        return ""
    yy = int(m.group(2))
    if yy >= 30:
        return f"19{yy:02d}"
    return f"20{yy:02d}" if m.group(1) and yy <= 12 else ""


# Round 30: the birth date asked about, then given in the next sentence: "can u change my DOB? system
# shows 06/05/1999 instead of 05/06/1999", "what do I write for birth date? 1990/02/03 or 03/02/1990".
_ASKED = re.compile(r"[^.!?\n0-9]{0,20}?\?+\s+")


def _asked_then_given(text: str, label_end: int, start: int, date: str) -> bool:
    asked = _ASKED.match(text, label_end)
    if asked is None or asked.end() > start:
        return False
    year = _year_of(date)
    gap = text[asked.end():start]
    return year != "" and int(year) <= _LAST_BIRTH_YEAR and _joined(gap, 30) \
        and all(w in _SHOWN_WORDS for w in _GAP_WORD.findall(_ELIDED.sub("", gap.lower())))


_LAST_BIRTH_YEAR = 2026
# The words of the answer before the date: what a record shows, what the client put or meant ("system shows",
# "it says", "i put", "real one is", "c'est"); any other ("my interview is", "biometrics were on") is another event.
_SHOWN_WORDS = wordset("""
system it its it's form app portal file record records profile account gckey they shows show showing says say said reads
read is was are has have had listed written wrote put typed entered i mine my the on as currently now but real correct
right true actual one should be c est cest dit affiche indique montre j ai mis écrit ecrit la le sur mon ma vraie bonne
portail dossier système systeme formulaire profil compte
""")


# Round 27: a date before a birth label that opens its own clause is about something else: "elle
# est arrivée au Canada le 12 août, sa date de naissance c'est le ...".
_OWN_CLAUSE = re.compile(
    r"[ \t]*[,;][ \t]*(?:and[ \t]+|et[ \t]+)?(?:sa|son|ses|ma|mon|mes|my|his|her|their|leur|your|votre|ta|ton)(?![\w'’-])",
    IGNORE_CASE,
)
# Round 27: the year alone right after a birth word: "born around 1946", "née vers 1945", "born in
# 1961"; a full date of that year said later in the message is the birth date the papers give.
_YEAR_ALONE = re.compile(
    r"[ \t]+(?:(?:in|en|around|vers|about|circa|ca\.|approx\.?|approximately|environ)[ \t]+)?((?:19|20)[0-9]{2})(?![0-9/.-])",
    IGNORE_CASE,
)
# Round 27: the next person's label and birth date after a semicolon, in the same list: "Date de
# naissance du demandeur principal: 1989-11-05; de l'époux: 1991-02-17; enfant Yanis: 2018-07-30".
_NEXT_LABEL = re.compile(r"[ \t]*;[ \t]*((?:[^\W\d_]+['’]?[ \t]*){1,4}):[ \t]*")


# Round 27: the next child's given name and date in the same list, after a remark in brackets: "dob of
# my kids: Ali 05/15/2012 (not 15/05!) , Sara 09/03/2014".
# Round 36: and the name in brackets after the relative's word, the date after "le", "on" ("née le 16/06/1987 et
# moi (Paul Roy) le 02/03/1985", "born 4 May 1980 and him (Ali) on 2 June 1978").
_NEXT_NAMED = re.compile(
    r"[ \t]*(?:\([^()\n]{0,25}\)[ \t]*)?(?:,|;|&|and|et)[ \t]*(?:(?:and|et)[ \t]+)?"
    r"(?:(?P<own>my|mon|ma|mes|our|nos|notre|his|her|their)[ \t]+)?(?P<word>[^\W\d_]+)[ \t]*[:-]?[ \t]*"
    r"(?:\([^()\n]{1,40}\)[ \t]*(?:(?i:le|on)[ \t]+)?|(?P<on>(?i:le|on))[ \t]+)?"
)
# the next one said by a relative's word alone: "DOB's: me 1988-02-02, hubby 1986-03-03"; round 38: or a possessive
# pronoun ("my wife's dob 1990-03-03, mine 1988-12-12")
_NEXT_KIN = wordset("""
me moi him her lui elle hubby husband wife wifey spouse son daughter baby kid child mom mum dad mother father
brother sister mari femme épouse epouse époux epoux fils fille bébé bebe mère mere père pere frère frere soeur sœur
mine hers his
papa maman mama mamma dada twin twins kids children enfants jumeaux jumelles grandma grandpa mamie papi
""")


def _next_named(text: str, previous: int, start: int) -> bool:
    m = _NEXT_NAMED.fullmatch(text, previous, start)
    if m is None:
        return False
    word = m.group("word")
    if m.group("own") or m.group("on"):  # round 51: "..., our twins 07/07/2010", "papa né le 2 mai 1954, maman le 17 ..."
        return word.lower() in _NEXT_KIN or (m.group("own") is None and word[0].isupper() and given_name(word)
                                             and word.lower() not in _NOT_IN_NAME)
    return word.lower() in _NEXT_KIN or (word[0].isupper() and (given_name(word) or _unlisted_name(word, m))
                                         and word.lower() not in _NOT_IN_NAME and word.lower() not in _EVENT_WORDS)


def _unlisted_name(word: str, m: re.Match[str]) -> bool:
    """Round 42: a capitalised word no list knows, that is no word of the language, a place or a month, after a comma
    or "and" in a list of dates: the next child ("dob of the kids: Kwabena 2011-03-04, Esiama 2014-06-07")."""
    low = word.lower()
    return len(word) > 2 and not word.isupper() and "(" not in m.group() and low not in vocabulary() \
        and low not in PLACES and low not in HOME_TOWNS and _MONTH_WORD.fullmatch(low) is None


_MONTH_WORD = re.compile(rf"(?:{MONTHS})\.?")


def _next_label(text: str, previous: int, start: int) -> bool:
    m = _NEXT_LABEL.fullmatch(text, previous, start)
    return m is not None and _EVENT_WORDS.isdisjoint(_GAP_WORD.findall(m.group(1).lower()))


# A full numeric date right after a name, the way people list their details: "1) Omar Haddad
# 1985/07/21 2) ...", "my details: Chen Hao, 1988.04.23, passport ...".
_NUMERIC_DATE = re.compile(r"[0-9]{1,4}([-/.])[0-9]{1,2}\1[0-9]{2,4}")
_CAPITALISED = r"(?:[A-ZÀ-Þ][a-zà-ÿ'’-]+|[A-ZÀ-Þ]{2,})"
_NOT_IN_NAME = NOT_NAME | NOT_NAME_CAPITALISED
_NAME_BEFORE = re.compile(rf"(?<![\w'’-]){_CAPITALISED}(?:[ \t]+{_CAPITALISED}){{1,3}}(?:[ \t]*,|[ \t]+[-—–])?[ \t]+$")
_SHOUTED_BEFORE = re.compile(r"(?:^|\n|[/|:][ \t]*)[A-ZÀ-Þ]{2,}(?:[ \t'’-][A-ZÀ-Þ]{2,}){1,3}[ \t]*,?[ \t]+$")
# A person's record, its fields split by slashes or bars, the name masked on the first pass.
# Round 27: a list of people and their dates, the names masked on the first pass: "- [PERSON],
# 23/08/2020", "1) [PERSON] — 12/03/2010", ": [PERSON] 05/15/2012 , [PERSON] 09/03/2014" (the name
# opens a line or a list's item); "[PERSON] (mother, 14/08/1966)", "[PERSON] (père, 1970-05-05)".
_LISTED_PERSON_BEFORE = re.compile(
    r"(?:^|[\n:;,(]|[-—–*•]|[0-9][.)])[ \t]*\[PERSON\](?:[ \t]*,|[ \t]*[:—–-]|[ \t]+[-—–])?[ \t]*\Z"
)
_KIN = (
    r"husband|wife|spouse|partner|son|daughter|child|mother|mom|mum|father|dad|brother|sister|twin|baby"
    r"|grand(?:mother|father|ma|pa|son|daughter|child)|uncle|aunt|nephew|niece|cousin|self|me|applicant|principal"
    r"|mari|femme|[ée]pouse|[ée]poux|conjointe?|fils|fille|enfant|b[ée]b[ée]|m[èe]re|p[èe]re|fr[èe]re|s(?:oe|œ)ur"
    r"|grand-m[èe]re|grand-p[èe]re|oncle|tante|neveu|ni[èe]ce|moi|demandeur|demandeuse"
)
_KIN_BRACKET_BEFORE = re.compile(
    rf"(?:\[PERSON\]|(?<![\w'’-]){_CAPITALISED})[ \t]*\([ \t]*(?i:(?:my|mon|ma|the|la|le)[ \t]+)?(?i:{_KIN})(?:[- ]in[- ]law)?"
    r"[ \t]*[,:;-][ \t]*\Z"
)
# Round 28: a relative's label opening a line, the name after it, then the date: "mother: María Guadalupe
# Torres Ramírez, 24 de diciembre de 1963\nfather: José Luis Mendoza Flores, 3 de mayo de 1960".
_KIN_LABEL_BEFORE = re.compile(
    rf"(?:^|\n|[.;][ \t]+)[ \t]*(?:[-*•][ \t]*)?(?i:(?:my|mon|ma)[ \t]+)?(?i:{_KIN}|papa|mama|maman)(?:[- ]in[- ]law)?[ \t]*:[ \t]*"
    rf"(?:\[PERSON\]|{_CAPITALISED}(?:[ \t]+{_CAPITALISED}){{1,4}})[ \t]*(?:,|[ \t][-—–])[ \t]*\Z"
)  # round 38: or opening a sentence ("mom: [PERSON], 12 de octubre de 1965. dad: [PERSON], 4 de enero de 1962")
# Round 33: a relative's word opening a line or a list's item, the name after it (in brackets, or before a dash or
# a comma), then the date: "Dad (Jorge Luis Castillo) - 1957/03/21\nMom ([PERSON]) - 1959/08/30", "Père (Jean
# Dupont) : 12/03/1955", "Dad Jorge Castillo - 1957/03/21"; not after an event's word ("my son (Omar) interview - ...").
_KIN_NAMED_BEFORE = re.compile(
    rf"(?:^|\n|[;,]|[.!?][ \t])[ \t]*(?:[-*•][ \t]*|[0-9][.)][ \t]*)?(?i:(?:my|mon|ma)[ \t]+)?(?i:{_KIN}|dad|papa|mama|maman)(?:[- ]in[- ]law)?[ \t]*"
    rf"(?:\([ \t]*(?:\[PERSON\]|{_CAPITALISED}(?:[ \t]+{_CAPITALISED}){{0,4}})[ \t]*\)[ \t]*(?:[:,=—–-][ \t]*)?"
    rf"|(?:[—–][ \t]*|:[ \t]*|-[ \t]+)?(?:\[PERSON\]|{_CAPITALISED}(?:[ \t]+{_CAPITALISED}){{0,4}})[ \t]*(?:,|/|[ \t][—–-]|[—–-][ \t])[ \t]*)\Z"
)  # round 39: after a sentence's end ("... parents. Dad [PERSON] - 12 aprilie 1950"), a dash or a colon between the
# relative and the name ("Père – [PERSON] – 27 nov. 1960"), a slash after the name ("Son: [PERSON] / Sept 9, 2006 / ...");
# round 40: a hyphen between spaces too ("Husband - [PERSON] - 3 avril 1982")
# Round 38: a pasted record opening the message or a line, its name found first, then a date with its month in words
# and another field or the line's end ("[PERSON], 21 avril 1999, 506 532 8841", "[PERSON] / 3 March 1988 / [PASSPORT]").
# The relative's word may come first ("ma blonde [PERSON], 12 juillet 1993, tel ..."); the next field opens with a
# digit, a placeholder or a contact's label.
_RECORD_NAME_OPENING = re.compile(
    rf"(?:^|\n|(?<=[^\W\d_]):)[ \t]*(?:[-*•][ \t]*|[0-9][.)][ \t]*)?(?i:(?:my|mon|ma)[ \t]+(?:{_KIN}|blonde|chum|girlfriend|boyfriend|gf|bf|fianc[ée]e?)"
    r"(?:[- ]in[- ]law)?[ \t]*:?[ \t]+)?\[PERSON\][ \t]*(?:[,/|;]|[ \t][-—–])[ \t]*\Z"
)
_RECORD_FIELD_NEXT = re.compile(
    r"[ \t]*(?:(?:[,/|;]|[ \t][-—–])[ \t]*(?:[0-9+(\[]|\Z|(?i:tel|t[ée]l|phone|cell|cel|mobile|passport|passeport|pasaporte|passaporte|uci|email|e-mail"
    r"|courriel)(?![\w'’-]))|\.?[ \t]*(?:\n|\Z))"
)
# Round 39: the writer's name, then a date in digits alone between full stops or commas, then another field or the
# message's end: "[PERSON] here. 1974-06-11. passport ...", "je suis [PERSON]. 03/05/1999. +221 ...".
_INTRODUCED_BEFORE = re.compile(r"\[PERSON\](?:[ \t]+(?i:here|ici))?[ \t]*[.,][ \t]*\Z")
_FIELD_AFTER = re.compile(
    r"[ \t]*(?:[.,;/|][ \t]*(?:[+(\[]|[0-9]{2}|(?i:tel|t[ée]l|phone|cell|cel|mobile|passport|passeport|uci|iuc|email|e-mail"
    r"|courriel)(?![\w'’-]))|\.?[ \t]*\Z)"
)
_ITEM_END = re.compile(rf"[ \t]*(?:[,;.)]?[ \t]*(?:\n|\Z)|\.[ \t]+(?=[A-ZÀ-Þ])|[,;][ \t]*(?:(?:and|et|&)[ \t]+)?(?:my[ \t]+|mon[ \t]+|ma[ \t]+)?(?i:{_KIN})(?![\w'’-]))")
_RECORD_BEFORE = re.compile(r"\[PERSON\][ \t]*[/|][ \t]*(?:\[[A-Z_]+\][ \t]*[/|][ \t]*){0,2}$")


_ASCII_CAPITAL = re.compile("[A-Z]")
_DASH_WORDS = re.compile(r"[^\W\d_]+")
_FAMILY_CONTEXT = re.compile(
    r"\b(?:family|famille|kids|children|enfants|sons|daughters|fils|filles|born|n[ée]e?s?|dob|birth|naissance)\b", IGNORE_CASE
)
_YEAR_DIGITS = re.compile("(?:19|20)[0-9]{2}")


# Round 39: a list of people, each with the relative's word in brackets, then a date in digits, its year maybe of two
# ("[PERSON] (me) 2/3/88, [PERSON] (wife) 9/12/90", "[PERSON] (fils) 15/7/16"); round 40: or in words with its year
# ("[PERSON] (spouse) Feb 2, 1989").
_KIN_IN_BRACKETS_BEFORE = re.compile(
    rf"\[PERSON\][ \t]*\([ \t]*(?i:(?:my|mon|ma|the|la|le)[ \t]+)?(?i:{_KIN})(?:[- ]in[- ]law)?[ \t]*\)[ \t]*[:,=—–-]?[ \t]*\Z"
)


# Round 40: a relative's word, the name found first, then the date with no mark between ("me [PERSON] 1962-12-07, my
# daughter [PERSON] January 21, 2019, and my husband [PERSON] 5 Jun 1958.", "Son [PERSON] January 24, 1953" opening a
# line), the item ending there (a comma and the next relative, a full stop, the line's end or another field).
_KIN_PERSON_BEFORE = re.compile(
    rf"(?:^|\n|[;,:]|[.!?][ \t])[ \t]*(?:[-*•][ \t]*|[0-9][.)][ \t]*)?(?:(?i:and|et|&)[ \t]+)?(?i:(?:my|mon|ma|our|notre)[ \t]+)?"
    rf"(?i:{_KIN}|dad|papa|mama|maman)(?:[- ]in[- ]law)?[ \t]*:?[ \t]*\[PERSON\][ \t]+\Z"
)
_STOP_AFTER = re.compile(r"[ \t]*[.!](?:[ \t]|\Z)")
# Round 40: a date between commas right after the name, the way one introduces someone ("my grandmother [PERSON], 16
# Jun 1973, lives with us", "[PERSON], 19.10.1960, lives ...", "... biometrics. [PERSON], July 18, 1981, passport ..."):
# the name opens the message, a line or a sentence, or follows a relative's or a friend's word; a year of the client's
# adult years or before, then a comma or the item's end.
_APPOSED_BEFORE = re.compile(
    rf"(?:(?:^|\n|[.!?:;][ \t]+)[ \t]*|(?P<kin>(?i:(?:my|mon|ma|our|notre|his|her|son|sa)[ \t]+(?:{_KIN}|friend|ami|amie|copine|copain)"
    r"(?:[- ]in[- ]law)?(?:[ \t]+(?:(?:is|est|c['’]est)[ \t]+)?|[ \t]*\([ \t]*))))"
    r"\[PERSON\][ \t]*,[ \t]*\Z"
)  # a relative's word before the name: a child's recent year too ("ma fille [PERSON], 15 juin 2014, et mon fils ...");
# round 41: the name and its date in brackets after the relative ("Mon grand-père ([PERSON], 14 février 1939) a perdu ...")
# Round 51: the name, then who the person is to the writer, then the date: "[PERSON], daughter, 04/05/2012", "[PERSON] (fils)
# 12.03.2016", "[PERSON] - my wife - 1990-02-02"; the relative's word alone between the name and the date.
_KIN_AFTER_NAME = re.compile(
    rf"\[PERSON\][ \t]*[,(–—-][ \t]*(?i:(?:my|mon|ma|our|notre)[ \t]+)?(?i:{_KIN}|dependant|dependent|twins|jumelle?|jumeau)"
    r"(?:[- ]in[- ]law)?[ \t]*[,:)–—-][ \t]*\Z"
)
_APPOSED_AFTER = re.compile(r"[ \t]*(?:,[ \t]*[^\W\d_\[]|[.;]?[ \t]*(?:\n|\Z)|\))")
# Round 40: a list's item, a name and a date in digits whose year has two digits ("1. SITI - 20.1.77", "2. [PERSON] -
# 4.1.91"), in a message about a family; the item ends its line.
_SHORT_YEAR_DATE = re.compile(r"(?:0?[1-9]|[12][0-9]|3[01])([./-])(?:0?[1-9]|1[0-2])\1[0-9]{2}")
_LIST_ITEM_BEFORE = re.compile(
    r"(?:^|\n)[ \t]*(?:[-*•]|[0-9]{1,2}[.)])[ \t]*(?:\[PERSON\]|[A-ZÀ-Þ][^\W\d_]+(?:[ \t]+[A-ZÀ-Þ][^\W\d_]+){0,3})[ \t]*(?:[,:—–-])[ \t]*\Z"
)
# Round 40: a date in words in brackets right after the name found first ("[PERSON] (18 octobre 1954)", "our son
# [PERSON] (Jul 21 1985)"), its year 2012 or earlier, or later with a relative named in the sentence (not "I spoke to
# agent [PERSON] (March 3, 2025)"); with digits, after a given name and a family name in lower case ("my friend tamar lomidze
# (08/01/1989)").
_PERSON_BRACKET = re.compile(r"\[PERSON\][ \t]*\([ \t]*\Z")
_LOWER_PAIR_BRACKET = re.compile(r"(?<![\w'’-])([a-zà-ÿ]{3,})[ \t]+[a-zà-ÿ'’-]{3,}[ \t]*\([ \t]*\Z")


# Round 40: the next item of a list of people and their birth dates, after one found ("Kids: [PERSON] 12/03/2010,
# Yusuf 05/06/2012", "..., and my son Omar 2014-02-02"): a separator, maybe a relative's word, then the name found
# first or a given name of the lists, then the date with its full year.
_NEXT_ITEM = re.compile(
    rf"[ \t]*(?:,|;|&|(?i:and|et))[ \t]*(?:(?i:and|et)[ \t]+)?(?:(?i:my|mon|ma|our|notre)[ \t]+)?(?:(?i:{_KIN})[ \t]*:?[ \t]+)?"
    r"(\[PERSON\]|[A-ZÀ-Þ][a-zà-ÿ'’]+(?:-[A-ZÀ-Þ][a-zà-ÿ'’]+)?)[ \t]*[:,-]?[ \t]*"
)
# Round 40: a relative's label and a date alone on its line ("Dad: 1955-06-01\nMom: 1958-09-17").
_KIN_DATE_LINE = re.compile(
    rf"(?:^|\n)[ \t]*(?:[-*•][ \t]*|[0-9][.)][ \t]*)?(?i:(?:my|mon|ma)[ \t]+)?(?i:{_KIN}|dad|papa|mama|maman)(?:[- ]in[- ]law)?"
    r"[ \t]*[:=][ \t]*\Z"
)
_KIN_COLON = re.compile(rf"(?<![\w'’-])(?i:{_KIN}|dad|papa|mama|maman)(?:[- ]in[- ]law)?[ \t]*[:=]")
_DATE_LINE_END = re.compile(r"[ \t]*[,;.]?[ \t]*(?:\n|\Z)")


_CHILD_WORDS = re.compile(r"(?<![\w'’-])(?i:son|daughter|child|kid|baby|fils|fille|enfant|b[ée]b[ée]|grand(?:son|daughter|child)|nephew|niece|neveu|ni[èe]ce)(?![\w'’-])")


def _kin_last_year(kin: str) -> int:
    """The latest birth year for the relative named in `kin`: a child's may be recent, an adult's is 2012 or earlier
    ("Dad: 2024-05-01" is no birth date)."""
    return _LAST_BIRTH_YEAR if _CHILD_WORDS.search(kin) else _LAST_ADULT_YEAR


# Round 51: the family's birth dates listed with no birth word, each after who it is ("moi 1985-03-03, ma blonde
# 1987-07-07 pis le p'tit 2019-09-09", "me 12/04/1980, my wife 03/09/1982"): two such pairs or more, one after the
# other, the first of an adult's year, in a message that names no event (a wedding, a flight, a visa).
# Round 51: a date of the solar (Persian) or lunar calendar right after the name, its Gregorian date after it
_SOLAR_DATE = re.compile(r"1[34][0-9]{2}([/.-])[01]?[0-9]\1[0-3]?[0-9]")
_PERSON_JUST_BEFORE = re.compile(r"\[PERSON\][ \t]*[,:–—-]?[ \t]*\Z")
_KIN_LABEL = re.compile(
    rf"(?<![\w'’-])(?:(?:my|mon|ma|mes|our|notre|nos|the|le|la|l['’])[ \t]*)?(?i:{_KIN}|dad|papa|mom|mama|maman|blonde|chum|hubby"
    r"|wifey|p['’]tite?|twins|kids?|myself|mine)[ \t]*[:=-]?[ \t]*"
)
_KIN_THEN_DATE_HINT = re.compile(rf"(?<![\w'’-])(?i:{_KIN}|dad|papa|mom|mama|maman|blonde|chum|hubby|wifey|p['’]tite?|twins|kids?)[ \t]*[:=-]?[ \t]*[0-9]")
_PAIR_JOIN = re.compile(r"[ \t]*(?:[,;&]|(?i:and|et|pis|puis|then))[ \t]*(?:(?i:and|et|pis)[ \t]+)?")


def _kin_dated_list(text: str, words: frozenset[str]) -> Iterator[Candidate]:
    if not _EVENT_WORDS.isdisjoint(words) or not _BIRTH_KEYS.isdisjoint(words):
        return  # a birth word: the labels' rules read the list
    after = -1  # where the last list read ends: each pair is read once
    for label in _KIN_LABEL.finditer(text):
        if label.start() < after:
            continue
        if label.start() > 0 and _PAIR_JOIN.fullmatch(text, max(0, label.start() - 6), label.start()) is None \
                and text[label.start() - 1] not in " \t\n:(":
            continue
        pairs: list[re.Match[str]] = []
        pos = label.start()
        while (kin := _KIN_LABEL.match(text, pos)) is not None and (date := _DATE.match(text, kin.end())) is not None \
                and _FULL_YEAR.search(date.group()) is not None and not text[date.end():date.end() + 1].isalnum():
            pairs.append(date)
            after = date.end()
            join = _PAIR_JOIN.match(text, date.end())
            if join is None or join.end() == date.end():
                break
            pos = join.end()
        if len(pairs) >= 2 and int(_year_of(pairs[0].group()) or 9999) <= _LAST_ADULT_YEAR \
                and all(int(_year_of(d.group()) or 9999) <= _LAST_BIRTH_YEAR for d in pairs):
            for d in pairs:
                yield d.start(), d.end(), "DATE_OF_BIRTH", BIRTH_P
            return


def _more_listed(text: str, found: list[Candidate]) -> Iterator[Candidate]:
    """The dates of a list's next items after the birth dates `found` (see _NEXT_ITEM), and a relative's dated line."""
    ends = sorted(c[1] for c in found)
    starts = {c[0] for c in found}
    for m in _DATE.finditer(text):
        if m.start() in starts or not 0 < int(_year_of(m.group()) or 0) <= _LAST_BIRTH_YEAR:
            continue
        if ":" in text and (kin := _KIN_DATE_LINE.search(text, max(0, m.start() - 40), m.start())) \
                and _DATE_LINE_END.match(text, m.end()) and int(_year_of(m.group())) <= _kin_last_year(kin.group()):
            ends.append(m.end())
            yield m.start(), m.end(), "DATE_OF_BIRTH", BIRTH_P
            continue
        previous = max((e for e in ends if e <= m.start()), default=-1)
        item = _NEXT_ITEM.fullmatch(text, previous, m.start()) if previous >= 0 and m.start() - previous <= 60 else None
        if item and (item.group(1) == "[PERSON]" or (given_name(item.group(1)) and item.group(1).lower() not in _NOT_IN_NAME)) \
                and not _event_sentence(text, m.start()):
            ends.append(m.end())
            yield m.start(), m.end(), "DATE_OF_BIRTH", BIRTH_P


# Round 40: the age said, then the date its years count from ("my mother, 67 years old (03/04/1958)", "ma mère, 72 ans
# (12/08/1953)", "our son (8 years, 2016-04-04)"): a birth date when the age fits its year (within two years of
# today's sets' years).
_AGE_BEFORE = re.compile(
    r"(?<![0-9])([0-9]{1,3})[ \t]*(?i:years?(?:[ \t]+old)?|yrs?(?:[ \t]+old)?|y\.?o\.?|ans|años|anos|jahre)[ \t]*[(,][ \t]*\Z"
)
_AGE_YEAR = 2025
_AGE_HINT = re.compile(r"[0-9][ \t]*(?i:years?|yrs?|y\.?o|ans|años|anos|jahre)(?![\w'’-])")


def _age_fits(text: str, m: re.Match[str]) -> bool:
    age = _AGE_BEFORE.search(text, max(0, m.start() - 25), m.start())
    year = _year_of(m.group())
    return age is not None and year != "" and abs(_AGE_YEAR - int(year) - int(age.group(1))) <= 2


_KIN_WORD = re.compile(rf"(?<![\w'’-])(?i:{_KIN}|kids?|children|enfants|family|famille)(?![\w'’-])")


def _kin_in_sentence(text: str, pos: int) -> bool:
    """Whether the sentence before `pos` names a relative (a child's recent birth date: "our son [PERSON] (Jul 21 2020)")."""
    sentence = max(text.rfind(c, 0, pos) for c in ".!?\n") + 1
    return _KIN_WORD.search(text, sentence, pos) is not None


# Round 40: a table pasted with its header: "Nom | Prénom | Date de naissance" then "KONE | Mariam | 1990-02-03", the
# cells split by bars, tabs or semicolons, the same count on every row (a markdown rule line "|---|---|" skipped). The
# cells under a name's or a birth date's header are that value, whatever the words (table_cells; people reads the
# names, births the dates).
_CELL_MARK = re.compile(r"[ \t]*(?:\||\t|;)[ \t]*")
_RULE_CELL = re.compile(r"[ \t:|-]*-{2,}[ \t:|-]*")
TABLE_NAME_HEADERS = frozenset((
    "name", "names", "full name", "surname", "last name", "first name", "first names", "given name", "given names",
    "given name(s)", "family name", "middle name", "nom", "noms", "prénom", "prénoms", "prénom(s)", "prenom", "prenoms",
    "nom de famille", "nom complet", "nom et prénom", "nom et prénoms", "apellido", "apellidos", "nombre", "nombres",
    "name of applicant", "applicant name", "child's name", "child name", "nom de l'enfant",
))
TABLE_BIRTH_HEADERS = frozenset((
    "dob", "d.o.b.", "d.o.b", "date of birth", "birth date", "birthdate", "birthday", "date de naissance", "ddn",
    "né le", "née le", "né(e) le", "naissance", "fecha de nacimiento", "date naissance",
))


def _cells(line: str, offset: int, mark: str) -> list[tuple[int, int]]:
    """The cells of a table's line split by `mark`, as (start, end) in the text, stripped; a bar at either end drops."""
    cells: list[tuple[int, int]] = []
    start = 0
    for i, c in enumerate(line + mark):
        if c == mark:
            a, b = start, i
            while a < b and line[a] in " \t":
                a += 1
            while b > a and line[b - 1] in " \t\r":
                b -= 1
            cells.append((offset + a, offset + b))
            start = i + 1
    if mark == "|" and cells and cells[0][0] == cells[0][1]:
        cells = cells[1:]
    if mark == "|" and cells and cells[-1][0] == cells[-1][1]:
        cells = cells[:-1]
    return cells


def table_cells(text: str) -> Iterator[tuple[str, int, int]]:
    """("PERSON" or "DATE_OF_BIRTH", start, end) of each cell under a name's or a birth date's header."""
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    i = 0
    while i < len(lines):
        offset, line = lines[i]
        mark = next((m for m in "|\t;" if m in line), None)
        i += 1
        if mark is None or any(c.isdigit() for c in line):
            continue
        head = [text[a:b].lower().rstrip(" :*") for a, b in _cells(line, offset, mark)]
        kinds = ["PERSON" if h in TABLE_NAME_HEADERS else "DATE_OF_BIRTH" if h in TABLE_BIRTH_HEADERS else "" for h in head]
        if len(head) < 2 or not any(kinds):
            continue
        while i < len(lines):
            offset, line = lines[i]
            if _RULE_CELL.fullmatch(line):
                i += 1
                continue
            row = _cells(line, offset, mark) if mark in line else []
            if len(row) != len(head):
                break
            for kind, (a, b) in zip(kinds, row, strict=False):
                if kind and b > a:
                    yield kind, a, b
            i += 1


# Round 40: a form's joined labels and their values in the same order after one colon ("Nom de famille / Prénom(s) :
# NDIAYE / Aminata Fatou", "Surname / Given names: OKORO / Chidi Emeka", "Name / DOB: ... / ..."): each value under its
# label, as in a table.
_SLASH_LABELS = re.compile(r"(?:^|\n)[ \t]*([^\W\d_][^:\n/]{0,30}(?:[ \t]/[ \t]*[^\W\d_][^:\n/]{0,30})+?)[ \t]*:[ \t]*([^\n]+)")
_SLASH = re.compile(r"[ \t]+/[ \t]+")


def slash_label_cells(text: str) -> Iterator[tuple[str, int, int]]:
    """("PERSON" or "DATE_OF_BIRTH", start, end) of each value after joined labels (see above)."""
    for m in _SLASH_LABELS.finditer(text):
        heads = [h.strip().lower() for h in _SLASH.split(m.group(1))]
        kinds = ["PERSON" if h in TABLE_NAME_HEADERS else "DATE_OF_BIRTH" if h in TABLE_BIRTH_HEADERS else "" for h in heads]
        if not any(kinds):
            continue
        cuts = [m.start(2), *chain.from_iterable(c.span() for c in _SLASH.finditer(text, m.start(2), m.end(2))), m.end(2)]
        values = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=True)]
        if len(values) != len(heads):
            continue
        for kind, (a, b) in zip(kinds, values, strict=False):
            while b > a and text[b - 1] in " \t\r.,;":
                b -= 1
            if kind and b > a:
                yield kind, a, b


def _named_dates(text: str) -> Iterator[Candidate]:
    if "[PERSON]" in text and _SOLAR_DATE.search(text) is not None:
        dates = list(_DATE.finditer(text))
        for m, after in pairwise(dates):
            if _SOLAR_DATE.fullmatch(m.group()) and _PERSON_JUST_BEFORE.search(text, max(0, m.start() - 12), m.start()) \
                    and _EQUIVALENT.fullmatch(text, m.end(), after.start()) and _FULL_YEAR.search(after.group()):
                yield m.start(), m.end(), "DATE_OF_BIRTH", BIRTH_P  # round 51: "[PERSON] 1365/04/12 (iranian) = 1986-07-03"
                yield after.start(), after.end(), "DATE_OF_BIRTH", BIRTH_P
    if "(" in text and "[PERSON]" in text:
        for m in _DATE.finditer(text):
            if (_NUMERIC_DATE.fullmatch(m.group()) or 0 < int(_year_of(m.group()) or 0) <= _LAST_BIRTH_YEAR) \
                    and _KIN_IN_BRACKETS_BEFORE.search(text, max(0, m.start() - 40), m.start()) \
                    and not _event_sentence(text, m.start()) and _EVENT_WORDS.isdisjoint(
                        _GAP_WORD.findall(text[m.end():m.end() + 40].lower())):
                yield m.start(), m.end(), "DATE_OF_BIRTH", BIRTH_P
    if "\n" in text and _FAMILY_CONTEXT.search(text):
        for m in _SHORT_YEAR_DATE.finditer(text):
            if _LINE_END.match(text, m.end()) and (m.start() == 0 or not text[m.start() - 1].isalnum()) \
                    and _LIST_ITEM_BEFORE.search(text, max(0, m.start() - 50), m.start()):
                yield m.start(), m.end(), "DATE_OF_BIRTH", BIRTH_P  # round 40: "1. SITI - 20.1.77"
    if _YEAR_DIGITS.search(text) is None:
        return  # each date it keeps has a full year (_FULL_YEAR), so these four digits
    if ("(" in text or "," in text) and _AGE_HINT.search(text):
        for m in _DATE.finditer(text):
            if _FULL_YEAR.search(m.group()) and _age_fits(text, m) and (_CLOSING.match(text, m.end()) or _APPOSED_AFTER.match(text, m.end())):
                yield m.start(), m.end(), "DATE_OF_BIRTH", BIRTH_P  # round 40: "67 years old (03/04/1958)"
    if "(" in text:
        for m in _DATE.finditer(text):
            if not (_FULL_YEAR.search(m.group()) and _CLOSING.match(text, m.end())):
                continue
            if _NUMERIC_DATE.fullmatch(m.group()):
                name = _NAME_BRACKET.search(text, max(0, m.start() - 30), m.start())
                if name and (name.group(1) is None or given_name(name.group(1))):
                    yield m.start(), m.end(), "DATE_OF_BIRTH", BIRTH_P
                    continue
                pair = _LOWER_PAIR_BRACKET.search(text, max(0, m.start() - 50), m.start())
                if pair and given_name(pair.group(1)) and pair.group(1) not in _NOT_IN_NAME \
                        and not _event_sentence(text, m.start()):
                    yield m.start(), m.end(), "DATE_OF_BIRTH", BIRTH_P  # round 40: "tamar lomidze (08/01/1989)"
            elif _PERSON_BRACKET.search(text, max(0, m.start() - 20), m.start()) and not _event_sentence(text, m.start()) \
                    and (int(_year_of(m.group()) or 9999) <= _LAST_ADULT_YEAR
                         or (int(_year_of(m.group())) <= _LAST_BIRTH_YEAR and _kin_in_sentence(text, m.start()))):
                yield m.start(), m.end(), "DATE_OF_BIRTH", BIRTH_P  # round 40: "[PERSON] (18 octobre 1954)"
    if _ASCII_CAPITAL.search(text) is None:
        return
    for m in _DATE.finditer(text):
        start = m.start()
        if not _FULL_YEAR.search(m.group()):
            continue
        numeric = _NUMERIC_DATE.fullmatch(m.group()) is not None
        if "\n" in text and _record_line(text, m):  # round 42: the month in words too ("Wang Jing\n17 April 1985\n...")
            yield start, m.end(), "DATE_OF_BIRTH", BIRTH_P
            continue
        if numeric and "[" in text and (_RECORD_BEFORE.search(text, max(0, start - 40), start)
                                        or (_LISTED_PERSON_BEFORE.search(text, max(0, start - 20), start)
                                            and not _event_sentence(text, start))):
            yield start, m.end(), "DATE_OF_BIRTH", BIRTH_P  # "[PERSON] / [PASSPORT] / 1997.03.02"
            continue
        if ":" in text and _KIN_LABEL_BEFORE.search(text, max(0, start - 70), start):
            yield start, m.end(), "DATE_OF_BIRTH", BIRTH_P  # round 28: "mother: [PERSON], 24 de diciembre de 1963"
            continue
        if "(" in text and _KIN_BRACKET_BEFORE.search(text, max(0, start - 60), start) and _CLOSING.match(text, m.end()):
            yield start, m.end(), "DATE_OF_BIRTH", BIRTH_P
            continue
        if _KIN_NAMED_BEFORE.search(text, max(0, start - 70), start) and int(_year_of(m.group()) or 9999) <= _LAST_BIRTH_YEAR \
                and not _event_sentence(text, start) and (_ITEM_END.match(text, m.end()) or _RECORD_FIELD_NEXT.match(text, m.end())):
            yield start, m.end(), "DATE_OF_BIRTH", BIRTH_P  # round 33: "Dad (Jorge Luis Castillo) - 1957/03/21"
            continue
        if "[PERSON]" in text and _KIN_PERSON_BEFORE.search(text, max(0, start - 50), start) \
                and int(_year_of(m.group()) or 9999) <= _LAST_BIRTH_YEAR and not _event_sentence(text, start) \
                and (_ITEM_END.match(text, m.end()) or _RECORD_FIELD_NEXT.match(text, m.end()) or _STOP_AFTER.match(text, m.end())):
            yield start, m.end(), "DATE_OF_BIRTH", BIRTH_P  # round 40: "my daughter [PERSON] January 21, 2019, and ..."
            continue
        if "[PERSON]" in text and (apposed := _APPOSED_BEFORE.search(text, max(0, start - 50), start)) \
                and _APPOSED_AFTER.match(text, m.end()) \
                and int(_year_of(m.group()) or 9999) <= (_LAST_BIRTH_YEAR if apposed.group("kin") else _LAST_ADULT_YEAR) \
                and not _event_sentence(text, start):
            yield start, m.end(), "DATE_OF_BIRTH", BIRTH_P  # round 40: "my grandmother [PERSON], 16 Jun 1973, lives ..."
            continue
        if "[PERSON]" in text and _KIN_AFTER_NAME.search(text, max(0, start - 50), start) \
                and int(_year_of(m.group()) or 9999) <= _LAST_BIRTH_YEAR and not _event_sentence(text, start) \
                and (_APPOSED_AFTER.match(text, m.end()) or _ITEM_END.match(text, m.end()) or _BRACKET_OPEN.match(text, m.end())):
            yield start, m.end(), "DATE_OF_BIRTH", BIRTH_P  # round 51: "Zainab, daughter, 04/05/2012", "Omar (fils) 2016-03-02"
            continue
        if numeric and "[PERSON]" in text and _INTRODUCED_BEFORE.search(text, max(0, start - 20), start) \
                and _FIELD_AFTER.match(text, m.end()) and int(_year_of(m.group()) or 9999) <= _LAST_ADULT_YEAR:
            yield start, m.end(), "DATE_OF_BIRTH", BIRTH_P  # round 39: "[PERSON] here. 1974-06-11. passport ..."
            continue
        if not numeric and "[PERSON]" in text and _RECORD_NAME_OPENING.search(text, max(0, start - 30), start) \
                and _RECORD_FIELD_NEXT.match(text, m.end()) and int(_year_of(m.group()) or 9999) <= _LAST_ADULT_YEAR:
            yield start, m.end(), "DATE_OF_BIRTH", BIRTH_P  # round 38: "[PERSON], 21 avril 1999, 506 532 8841"
            continue
        # a date with its month in words only after a name in capitals, as a document prints it:
        # "MOHAMMED ALI KHAN 01 JAN 1985 PASSPORT ..."
        name = _NAME_BEFORE.search(text, max(0, start - 60), start) if numeric else _SHOUTED_BEFORE.search(
            text, max(0, start - 60), start)
        if name and not any(w.lower() in _NOT_IN_NAME for w in name.group().replace(",", " ").split()):
            dashed = name.group().rstrip()[-1:] in "-—–"
            if dashed and not any(given_name(w) or family_name(w) for w in _DASH_WORDS.findall(name.group())) \
                    and _FAMILY_CONTEXT.search(text) is None:
                continue  # round 27: a dash after words none of which a name of the lists ("Interview Day - 2025-05-05"),
                # unless the message speaks of a family ("For the Lutala family:\n... Lutala Grace - 22.09.2010")
            if _event_sentence(text, name.start()):
                continue  # round 27: "my biometrics at VFS Global, 12/05/2025": an office and its appointment
            yield start, m.end(), "DATE_OF_BIRTH", BIRTH_P


# Round 27: a pasted record, one value a line: the name on the first line, then the birth date alone on
# its own ("chloe nguyen-tremblay\n2006-08-17\n1167-3345"); a year of the client's youth or before.
_NAME_LINE = re.compile(r"[ \t]*(\[PERSON\]|[^\W\d_]+(?:['’-][^\W\d_]+)*(?:[ \t]+[^\W\d_]+(?:['’-][^\W\d_]+)*){1,2})[ \t]*\n[ \t]*\Z")
_LINE_END = re.compile(r"[ \t]*(?:\n|\Z)")


_APPOINTMENT_WORDS = wordset("appointment appt rdv deadline due scheduled booked session")


def _event_sentence(text: str, pos: int) -> bool:
    """Whether the sentence before `pos` names an event (biometrics, interview, flight...) and no birth."""
    sentence = max(text.rfind(c, 0, pos) for c in ".!?\n") + 1
    words = set(_GAP_WORD.findall(text[sentence:pos].lower())) - _JOINING  # round 40: "and my husband ..." names no event
    return not words.isdisjoint(_EVENT_WORDS | _APPOINTMENT_WORDS) and words.isdisjoint(_BIRTH_KEYS)


def _record_line(text: str, m: re.Match[str]) -> bool:
    if not _LINE_END.match(text, m.end()) or int(_year_of(m.group()) or 9999) > _LAST_ADULT_YEAR:
        return False
    name = _NAME_LINE.search(text, 0, m.start())
    if name is None or (name.start() != 0 and not (name.group(1) == "[PERSON]" and text[name.start() - 1] == "\n")):
        return False  # the name opens the message; round 28: or a line of its own, a name found first ("sis pls\n[PERSON]\n22.01.1985")
    words = _DASH_WORDS.findall(name.group(1))
    return name.group(1) == "[PERSON]" or (any(given_name(w) for w in words) and not any(w.lower() in _NOT_IN_NAME for w in words))


# A full date in brackets right after a person, the way one lists children: "amara (2016-04-19)
# and kofi (2019-11-02)", "[PERSON] (12/04/2017)" (the name masked on the first pass).
_NAME_BRACKET = re.compile(r"(?:\[PERSON\]|(?<![\w'’-])([^\W\d_]{3,}))[ \t]*\([ \t]*$")
_CLOSING = re.compile(r"[ \t]*\)")
# A second birth date after the first, with the relative it belongs to: "birthday 1992/07/08 and
# my husband 1990/01/30", "née le 3 mai 1990, mon mari le 12 juin 1988".
_AND_RELATIVE = re.compile(
    # round 27: after the town of the first birth, and with the relative's name: "born on 3 January
    # 2019 in Kano and my son Musa on 15 September 2022", "née le 31 décembre 2016, mon fils Lucas le ..."
    r"(?:[ \t]+(?:in|à|a|en|at)[ \t]+(?-i:[A-ZÀ-Þ][\w'’-]+)(?:[ \t]+(?-i:[A-ZÀ-Þ][\w'’-]+))?)?"
    r"[ \t]*+[,;]?+[ \t]*+(?:and|et|&)?[ \t]*+(?:my|mon|ma|his|her|our|son|sa|notre)[ \t]+"
    r"(?:husband|wife|spouse|partner|son|daughter|mother|mom|father|dad|brother|sister|mari|femme|[ée]pouse|conjointe?"
    r"|fils|fille|m[èe]re|p[èe]re|fr[èe]re|s(?:oe|œ)ur|child|kid|baby|enfant|b[ée]b[ée])['’]?s?"
    r"(?:[ \t]+(?-i:[A-ZÀ-Þ][\w'’-]+|\[PERSON\])){0,2}[ \t]*+(?:is|was|est|:|-|le|on)?+[ \t]*+"
    # the writer's own or another person's, said with "and": "my wife's DOB is ... and mine is
    # ...", "the sponsor's is ... and the applicant's is ...", "la sienne ... et la mienne le ..."
    r"|[ \t]*+[,;]?+[ \t]*+(?:and|et|&)[ \t]+(?:mine|hers|his|theirs|la\s+mienne|le\s+mien|la\s+sienne|le\s+sien"
    r"|the\s+[^\W\d_]{3,20}['’]s|celle\s+(?:de|du)\s+[^\W\d_]{2,20}|(?:my|his|her|our)\s+[^\W\d_]{3,20}['’]s"
    # round 35: a relative's word alone, possessive ("dad's birthday is 4 july 1955 and mom's 30/10/1960")
    r"|(?:mom|mum|mommy|mama|maman|mother|dad|daddy|papa|father|wife|hubby|husband|bro|sis|brother|sister|son|daughter"
    r"|grandma|grandpa|granny|nana|baby)['’]s"
    # round 38: the same word alone before its verb ("dad's dob is 30th of september 1955 and mum is 2nd feb 1960",
    # "papa le 3 mai 1950 et maman le 2 juin 1952")
    r"|(?:mom|mum|mommy|mama|maman|mother|dad|daddy|papa|father|wife|hubby|husband|brother|sister|son|daughter"
    r"|grandma|grandpa|granny|mamie|papi|mari|femme)(?=[ \t]+(?:is|was|est|c['’]est|le|on)(?![\w'’])|[ \t]*:|[ \t]+[0-9])"
    # round 22: a pronoun for the other person: "née le 1er mai 1988 et lui le 12 aout 1985",
    # "born 3 May 1990 and him on 12 June 1988"
    r"|(?:lui|elle|him|her|he|she|moi|me)(?=[ \t]*(?:,|:|-|le|on)(?![\w'’])))"
    r"[ \t]*+(?:is|was|est|c['’]est|:|-|le|on)?+[ \t]*+"
    # round 38: the writer's own after a comma alone ("her dob is 3 may 1990, mine is 12 dec 1988", "..., la mienne ...")
    r"|[ \t]*+[,;][ \t]*+(?:mine|la[ \t]+mienne|le[ \t]+mien)[ \t]*+(?:is|was|est|c['’]est|:|-|le|on)?+[ \t]*+"
    # round 46: a parent's word alone right before the digits ("mom's DOB 1962-04-19 dad 1959-09-02")
    # round 47: or the writer's own, "mine" alone ("her birth date 1991.02.27 mine 1989.09.05")
    r"|[ \t]*+[,;]?+[ \t]*+(?:mom|mum|mother|dad|father|papa|maman|mama|m[èe]re|p[èe]re|wife|husband|mari|femme|mine|la[ \t]+mienne"
    r"|le[ \t]+mien)[ \t]*+:?+[ \t]*+",
    IGNORE_CASE,
)


# Birth dates listed after one label: "their dob are 2016-05-02 and 2018-10-29".
# round 34: the article of the next date ("nés respectivement le 2 février 1944 et le 18 octobre 1946", "and on the ...");
# round 40: the Spanish "y" ("nacidos el 03/11/1971 y 22/07/1974")
_AND_NEXT = re.compile(r"[ \t]*(?:,|;|&|and|et|y(?=[ \t]))[ \t]*(?:(?:and|et)[ \t]+)?(?:(?:le|on[ \t]+the|on|the|el)[ \t]+)?", IGNORE_CASE)


# The same birth date in another calendar or format, right after it: "1366/04/12 (solar) = 03
# July 1987", "14/05/1990 (i.e. 14 May 1990)", "1340/02/15 (5 May 1961)", "2049/05/12 BS which
# is 26 Aug 1992".
_EQUIVALENT = re.compile(
    r"[ \t]*+(?:\([^()\n0-9]{1,25}\)|(?i:bs|b\.s\.|ad|ah|sh|solar|hijri|lunar|shamsi)(?![\w]))?[ \t]*+,?+[ \t]*+"
    # round 22: the calendar named ("1362/05/12 iranian calendar, that's 3 aug 1983", "calendrier
    # éthiopien, soit ...") and "that's", "which's", "c'est"
    r"(?:(?i:[^\W\d_]{3,12}[ \t]+calendar|calendrier[ \t]+[^\W\d_]{3,12}|(?:in|en)[ \t]+(?:the[ \t]+)?(?:gregorian|grégorien|western|english))[ \t]*+,?+[ \t]*+)?"
    r"(?:=|i\.e\.|soit|(?i:which\s+is|that\s+is|that['’]s|thats|which['’]s|c['’]est|cest|c['’]est[- ]à[- ]dire|or|ou)(?![\w])|(?=\())[ \t]*+\(?+[ \t]*+"
    # round 24: in brackets, "(corresponding to 1 Mehr 1369 ...)", "(equivalent to ...)", "(correspondant au ...)"
    r"(?i:(?:corresponding|equivalent|correspondant|[ée]quivalent)[ \t]+(?:to|à|au|a)(?![\w])[ \t]*(?:the[ \t]+|le[ \t]+)?)?"
)


# A birth date said to be wrong, and the right one: every date of that sentence is one ("date of
# birth on my COPR is wrong: it says 1990-04-12 but real one is 1990-12-04", "... : 1990/07/08
# au lieu de 08/07/1990").
_CORRECTION = re.compile(
    r"\b(?:wrong|incorrect|mistake|error|typo|erron[ée]e?|erreur|faute|incorrecte?|mauvaise?|au\s+lieu\s+de|instead\s+of"
    # round 26: "ma date de naissance sur le formulaire est fausse, c'est 1993-07-21 pas 1993-07-12"
    r"|fausse|inexacte?"
    # round 27: "svp corriger la date de naissance de ma fille : c'est 2012-09-17 et pas 2012-07-19"
    r"|corriger|corrigez|(?:please|pls|plz|kindly)\s+correct"
    r"|should\s+be|devrait\s+[êe]tre"
    # round 41: written or typed wrong ("ma date de naissance sur le formulaire est mal écrite: c'est ...", "my dob was
    # mistyped", "misspelled", "pas la bonne", "not right")
    r"|mal\s+(?:[ée]crite?s?|inscrite?s?|saisie?s?|tap[ée]e?s?|transcrite?s?|orthographi[ée]e?s?|indiqu[ée]e?s?)"
    r"|mistyped|misprinted|misspell(?:ed)?|misspelt|wrongly|pas\s+la\s+bonne|not\s+(?:right|correct))\b",
    IGNORE_CASE,
)
_CORRECTED_TO = re.compile(
    r"[^.!?\n0-9]{0,25}\b(?:au\s+lieu\s+de|instead\s+of|not|pas|should\s+be|real\s+one\s+is|et\s+non)\s*:?\s*"
    r"(?:(?:le|the|on)\s+)?",  # round 26: "c'est le 1er avril 1989, pas le 1er avril 1998"
    IGNORE_CASE,
)


# Round 40: the birth date given, then corrected on the next line ("my date of birth is 5/2/1990\nsorry I meant
# 10-JUL-1954", "ma date de naissance est 20/08/1975\ncorrection : 27/09/1964", "désolé je voulais dire ...").
_MEANT_NEXT_LINE = re.compile(
    r"[ \t]*[.!]?[ \t]*\n[ \t]*(?:(?:sorry|sry|oops|oups|pardon|d[ée]sol[ée]e?|dsl|my[ \t]+bad)[ \t]*[,.!]*[ \t]*)?"
    r"(?:i[ \t]+meant|i[ \t]+mean|je[ \t]+voulais[ \t]+dire|je[ \t]+veux[ \t]+dire|correction|corrected|corrig[ée]e?"
    r"|(?:it|that)[ \t]+should[ \t]+be|should[ \t]+be|ce[ \t]+devrait[ \t]+[êe]tre|plut[ôo]t)[ \t]*:?[ \t]*(?:(?:le|the|on)[ \t]+)?",
    IGNORE_CASE,
)
_FULL_YEAR = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")
_NUMBER = re.compile(r"[0-9]+")


def _year_of(date: str) -> str:
    """The four-digit year of a full date (day, month, year), or "" ("mai 1982", "05/14/90")."""
    numbers = _NUMBER.findall(date)
    if len(numbers) == 1 and len(numbers[0]) == 8:  # "14051990", "19900514"
        compact = numbers[0]
        return compact[4:] if compact[4:6] in ("19", "20") else compact[:4]
    m = _FULL_YEAR.search(date)
    return m.group() if m and len(numbers) >= 2 else ""


# Round 36: the birth date said wrong in one sentence and given right in the next ("my DOB in the last msg was wrong!
# It's 17/07/1979", "ma date de naissance est erronée. C'est le 3 mai 1980"): the gap from the birth word.
_WRONG_THEN_IS = re.compile(
    r"[^.!?\n0-9]{0,50}?\b(?:wrong|incorrect|mistaken|a\s+mistake|a\s+typo|erron[ée]e?|fausse|faux|inexacte?|incorrecte|mauvaise?)"
    r"(?:[ \t]+(?:in|on)[ \t]+(?:your|the|my)[ \t]+[^\W\d_]{3,12})?"  # round 46: "is wrong in your system. It shows ..."
    r"[ \t]*(?:lol|sorry|d[ée]sol[ée]e?|oops)?[ \t]*[.!]+[ \t]*(?:(?:sorry|d[ée]sol[ée]e?|oops)[ \t]*[,.!]*[ \t]*)?"
    r"(?:it['’]?s|it[ \t]+is|it[ \t]+should[ \t]+be|it[ \t]+(?:shows|says|reads|has)|the[ \t]+right[ \t]+one[ \t]+is|the[ \t]+correct[ \t]+one[ \t]+is|c['’][ \t]?est"
    r"|ce[ \t]+devrait[ \t]+[êe]tre|la[ \t]+bonne[ \t]+(?:date[ \t]+)?(?:est|c['’][ \t]?est))[ \t]*:?[ \t]*(?:(?:le|the|on)[ \t]+)?",
    IGNORE_CASE,
)


_INNER_DOT = re.compile(r"(?<=[0-9])\.(?=[0-9])")


def _same_sentence(text: str, start: int, end: int) -> bool:
    # round 41: a date's own dots end no sentence ("... mal écrite sur mon permis : 13.05.1999 au lieu de 1999-03-15")
    return end - start < 120 and not any(c in ".!?\n" for c in _INNER_DOT.sub("", text[start:end].replace("e.g.", "")))


# A birth date spelled in words by voice-to-text: "june third two thousand eight", "the first of
# may nineteen ninety", "premier janvier mille neuf cent quatre-vingt-quinze"; round 24: the day in
# digits, the year in words ("july 9th nineteen ninety nine").
_NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", "thirtieth", "oh", "and", "un", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "vingt", "trente", "quarante", "cinquante", "soixante", "cent", "cents", "mille", "mil", "et", "premier", "première", "premiere"]
_NUMBER_WORD = rf"(?:{'|'.join(sorted(_NUMBER_WORDS, key=len, reverse=True))})(?:-(?:{'|'.join(sorted(_NUMBER_WORDS, key=len, reverse=True))}))*"
_SPELLED_DATE = re.compile(
    rf"(?<![\w'’-])(?:(?:(?:the\s+)?{_NUMBER_WORD}(?:\s+{_NUMBER_WORD}){{0,2}}|{_DAY}(?:er|st|nd|rd|th)?)(?:\s+(?:day\s+|jour\s+)?(?:of|de))?\s+{_MONTH_NAME}"
    rf"|{_MONTH_NAME}\s+(?:the\s+)?(?:{_NUMBER_WORD}(?:\s+{_NUMBER_WORD})?|{_DAY}(?:st|nd|rd|th)?(?=,?\s+{_NUMBER_WORD})))"
    rf"(?:(?:,?\s+{_NUMBER_WORD}){{2,7}}|,?\s+(?=\S*-){_NUMBER_WORD}|,?\s+(?:19|20)[0-9][0-9])(?![\w'’-])"  # "quatre-vingt-sept" one word
    # round 20: the year first ("nineteen eighty eight, may the ninth")
    # round 45: or the day in digits ("dob nineteen ninety two may 14")
    rf"|(?<![\w'’-])(?P<year>{_NUMBER_WORD}(?:\s+{_NUMBER_WORD}){{1,4}}),?\s+{_MONTH_NAME}\s+(?:the\s+)?(?:{_NUMBER_WORD}|{_DAY}(?:st|nd|rd|th)?)(?![\w'’-])"
    # round 37: the year first, then the day before the month ("dix-neuf cent quatre-vingt-dix, le trois mai",
    # "nineteen eighty, the fourth of june")
    rf"|(?<![\w'’-])(?P<year2>{_NUMBER_WORD}(?:\s+{_NUMBER_WORD}){{1,4}}),?\s+(?:le|the)\s+{_NUMBER_WORD}(?:\s+{_NUMBER_WORD})?"
    rf"\s+(?:(?:of|de)\s+)?{_MONTH_NAME}(?![\w'’-])",
    IGNORE_CASE,
)
# round 26: "mil neuf cent quatre-vingt-cinq", the year as French letters and cheques write it
# round 29: "twenty ten", "twenty twelve", "twenty oh five": a year of this century said the short way
_YEAR_WORDS = re.compile(
    r"\b(?:thousand|hundred|nineteen|mille|mil|cent)\b"
    r"|\btwenty[\s-]+(?:oh|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b",
    IGNORE_CASE,
)
_SPELLED_KEYS = wordset("thousand hundred nineteen mille mil cent")
_NUMBER_KEYS = frozenset(w for w in _NUMBER_WORDS if w not in ("oh", "and", "et", "un", "une", "one", "first", "second"))  # "vingt-deux juin 1990"
_DIGIT_YEAR = re.compile(r"[0-9]{4}$")
# Round 18: a year said in two digits after the month, right after a birth word: "ma date de naissance
# c le vingt trois avril quatre vingt dix", "born june third eighty eight".
_TENS = r"(?:vingt|trente|quarante|cinquante|soixante|quatre[- ]vingts?|soixante[- ]dix|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_SHORT_YEAR = re.compile(
    rf"(?<![\w-])(?:{_TENS}(?:[- ](?:et[- ])?(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze"
    rf"|quinze|seize|dix[- ]sept|dix[- ]huit|dix[- ]neuf|one|two|three|four|five|six|seven|eight|nine))?)$", IGNORE_CASE
)


def spelled_births(scan: Scan) -> Iterator[Candidate]:
    """Birth dates spelled in words, after a birth word."""
    if _BIRTH_KEYS.isdisjoint(scan.words) or (_SPELLED_KEYS.isdisjoint(scan.words) and _NUMBER_KEYS.isdisjoint(scan.words)
                                              and "first" not in scan.words and "second" not in scan.words):
        return  # round 34: "born the first of January 1940", "the second of May 1950" (a year in digits after them)
    text = scan.text
    labels = [m.span() for m in _BIRTH.finditer(text)]
    for m in _SPELLED_DATE.finditer(text):
        start = m.start()
        if text[start:start + 4].lower() == "the ":
            start += 4
        if _YEAR_WORDS.search(m.group()) and _BIRTH_SAID_AFTER.match(text, m.end()):
            yield start, m.end(), "DATE_OF_BIRTH", BIRTH_P  # round 37: "..., july the ninth that's my birthday"
        elif ((_YEAR_WORDS.search(m.group()) or _DIGIT_YEAR.search(m.group())) and any(e <= start and _joined(text[e:start], 40) for _s, e in labels)) \
                or (_SHORT_YEAR.search(m.group()) and any(e <= start and _joined(text[e:start], 25) for _s, e in labels)):
            tail = _JOINING_TAIL.search(text, start, m.end())  # "... fifty nine and her passport"
            yield start, tail.start() if tail else m.end(), "DATE_OF_BIRTH", BIRTH_P
            # round 50: or "et non" / "and not", the "et" read as a number word ("... quatre-vingt-dix, et non le 28/02/1991")
            if (not tail or _AND_NOT.match(text, tail.start())) \
                    and (fixed := _CORRECTED_TO.match(text, tail.start() if tail else m.end())) and (wrong := _DATE.match(text, fixed.end())):
                yield wrong.start(), wrong.end(), "DATE_OF_BIRTH", BIRTH_P  # round 42: "..., pas le 23 mai comme sur mon COPR"


# Round 37: a date said first, then whose birth date it is ("nineteen ninety, may the third, that's my birthday",
# "le deux mars mille neuf cent quatre-vingt, c'est ma date de naissance").
_BIRTH_SAID_AFTER = re.compile(
    r"[ \t]*[,.!-]*[ \t]*(?:that['’]?s|thats|it['’]?s|its|is|c['’][ \t]?est|cest)[ \t]+(?:my|his|her|our|mon|ma|sa|son)[ \t]+"
    r"(?:birthday|bday|birth[ \t]*date|date[ \t]+of[ \t]+birth|dob|date[ \t]+de[ \t]+naissance|anniversaire|ddn)(?![\w'’-])",
    IGNORE_CASE,
)
_JOINING_TAIL = re.compile(r"\s+(?:and|et)$", IGNORE_CASE)
_AND_NOT = re.compile(r"\s+(?:and|et)\s+(?:not|non|pas)(?![\w'’-])", IGNORE_CASE)


# Round 25: a full date from before the client's adult years, its year then said to be wrong,
# with no birth word: the client correcting the birth date given earlier ("pardon c'est
# 12/06/1990 pas 1991", "sorry it's 3 May 1988 not 1989"). Not when the message names another
# event (arrival, marriage, appointment...): "we married 12/06/2005 not 2006".
_NOT_KEYS = wordset("not pas non")
_EVENT_WORDS = _GAP_BREAK | wordset("""
marriage mariage wedding appointment rendez vous rdv flight vol entry entrée entree landing landed arrival
arrivée arrivee moved déménagé demenage interview entrevue test exam examen biometrics biométrie biometrie
expiry expiration issue émission emission visa permit permis passport passeport letter lettre paid payé paye
""")
_NOT_YEAR = re.compile(r"[ \t]*,?[ \t]*(?:not|pas|non|and\s+not|et\s+non|instead\s+of|au\s+lieu\s+de)[ \t]+(?:19|20)[0-9]{2}(?![0-9])", IGNORE_CASE)
_LAST_ADULT_YEAR = 2012


# Only the words of a correction may lead the date in its sentence: "pardon c'est", "sorry it's",
# "oops my bad, it's"; not "my PR card says", "the receipt shows", "i started working".
_LEAD_WORDS = wordset("""
pardon sorry sry oops oups my bad dsl désolé desole désolée desolee c cest c'est c’est it its it's it’s is
s est no non oh wait attends actually en fait correction i mean je veux dire ah ok okay euh um uh
""")


def _year_corrections(text: str) -> Iterator[Candidate]:
    for m in _DATE.finditer(text):
        year = _year_of(m.group())
        if not (year and int(year) <= _LAST_ADULT_YEAR and _NOT_YEAR.match(text, m.end())):
            continue
        sentence = max(text.rfind(c, 0, m.start()) for c in ".!?\n") + 1
        if all(w in _LEAD_WORDS for w in _GAP_WORD.findall(text[sentence:m.start()].lower())):
            yield m.start(), m.end(), "DATE_OF_BIRTH", BIRTH_P
            # round 26: the wrong date said in full is the same birth date, mistyped ("it's
            # 1992-08-17 not 1992-07-17")
            wrong = _DATE.match(text, _NOT_YEAR.match(text, m.end()).end() - 4)
            if wrong and _year_of(wrong.group()):
                yield wrong.start(), wrong.end(), "DATE_OF_BIRTH", BIRTH_P
