"""Given names and family names of the clients' countries, read from Faker's person providers
(MIT), loaded once on first use.

The lists confirm a name where the context already makes one likely (after a relative
word, a field label, a sign-off, in brackets, opening a message), or where the words
themselves do: two to four capitalised words of the lists together, or a whole message that is
only names of the lists (a chat answer: "Oksana"). A word of them inside a sentence is never
a name on its own. Words that are also common English or French words ("May", "Will",
"Grace", "Long") are left out of the lists, so that they never confirm anything.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

from .vocabulary import NAME_PARTICLES, NOT_NAME, NOT_NAME_CAPITALISED, NOT_NAME_LOWERCASE, wordset

# Faker locales whose person providers write names in Latin letters (or in Cyrillic, which is
# transliterated below; Chinese and Japanese ship romanised lists), for the countries the
# agency's clients write from.
LOCALES = (
    "en_US", "en_GB", "en_IE", "en_IN", "en_PK", "en_NG", "en_KE",
    "fr_FR", "fr_CA", "fr_QC", "fr_BE", "fr_CH", "fr_DZ",
    "es_ES", "es_MX", "es_CO", "es_AR", "es_CL", "pt_BR", "pt_PT", "it_IT", "de_DE", "nl_NL",
    "pl_PL", "ro_RO", "tr_TR", "id_ID", "vi_VN", "zh_CN", "zh_TW", "ja_JP", "ko_KR",
    "uk_UA", "ru_RU", "yo_NG", "ig_NG", "ha_NG", "tw_GH", "sw", "az_AZ", "uz_UZ",
    "es", "en_NZ", "de_AT", "nl_BE", "zu_ZA",
)
# Faker writes the names of Arabic, Persian, Hindi, Punjabi, Bengali... in their own scripts
# (left out above), and its West African and Haitian lists are short: the most common given
# and family names of those clients as they write them in Latin letters.
GIVEN_LATIN = wordset("""
mohammed mohamed muhammad mohammad mehmet ahmed ahmad ali omar umar youssef yousef yusuf hassan
hussein hussain karim abdel abdelkader abdallah abdullah abdul rachid rashid said saeed khalid
mustafa mostafa ibrahim ismail hamza bilal tarek tariq walid nabil samir sami amine yassine yacine
mehdi reda anas ayoub driss faisal fahad nasser jamal adil hakim hicham mourad noureddine rachida
fatima fatiha fatma khadija aicha aisha amina meriem maryam mariam zineb zainab salma nadia samira
leila layla houda imane ikram asmae hajar sara sanaa souad nour noor rania dina yasmine yasmina
hanane malika naima farhad reza ali-reza alireza hossein hosein mehdi majid hamid saeed amir arash
babak behnam dariush kourosh omid payam pouya ramin shahram siavash parisa shirin shabnam niloufar
nasrin mahsa maryam azadeh fereshteh golnaz roya sepideh ladan mitra nazanin neda rajesh ramesh
suresh mahesh dinesh ganesh rakesh mukesh naresh sanjay vijay ajay anil sunil manoj amit rohit sumit
ankit arjun rahul vikram ravi rajiv sandeep pradeep deepak ashok arun kiran gurpreet harpreet
manpreet jaspreet simran navjot harjit jasbir kuldeep baljit amandeep gurjit sukhwinder rajinder
parminder harinder jaswinder balwinder sunita anita kavita priya pooja neha deepika divya sneha
swati anjali aarti shweta rekha meena geeta sita lakshmi mamadou moussa oumar ousmane amadou
ibrahima abdoulaye boubacar cheikh modou seydou souleymane aliou alioune babacar mouhamed lamine
sekou issa fatou fatoumata aminata awa aissatou mariama kadiatou binta bintou ndeye coumba adama
khady rokhaya astou chukwuemeka chidi emeka obinna ifeanyi nnamdi uche ngozi chioma adaeze amara
kelechi olumide babajide oluwaseun seun tunde tobi femi bukola funmilayo yetunde kemi bisi kwame
kofi kwabena ama akosua yaw abena wilner jean-robert frantz fritz jocelyne guerline marjorie nadège
rose-andrée widlyne wisly lahcen lahoucine sadio aliou
kateryna oksana olena iryna tetiana tetyana yuliia yulia nataliia svitlana halyna liudmyla mykola
oleksandr oleksii andrii andriy serhii serhiy dmytro vasyl volodymyr yurii bohdan taras ostap
duc minh anh hung tuan huong thanh hoa linh trang thuy ngoc phuong quang khanh vinh hieu dung
sharmin nusrat shirin tahmina farzana rukhsana shahnaz nasima rokeya shamima taslima sabina
rafiq shafiq jahangir mizanur habibur mahbub shahid zahid naveed waqas usman faisal imran kamran
ji-woo ji-hoon min-jun seo-yeon ha-eun do-yun soo-jin hye-jin eun-ji jae-won
xiaoming xiaoling xiaohong xiaoyu weiwei jianguo guoqiang zhiwei haiyan yanping
segun ifeoluwa oluwadamilare oluwaseyi olamide temitope adebola adewale damilola folake kunle
dieudonné déogratias jean-bosco jean-claude emmanuelle gislaine ghislaine marie-ange
nomvula thandiwe sipho thabo lerato nomsa zanele bongani themba mpho
wanjiru wambui njeri akinyi achieng otieno kamau mwangi kipchoge
priyanka pallavi shreya nikita ritika aishwarya harjot harman gurleen navneet jasleen ramandeep
lovepreet gagandeep arshdeep jashanpreet manjot dmitri dmitriy sergei alexei aleksei yevgeny
farzaneh fariba mahnaz zohreh parvin soheila elham mojgan shohreh firouzeh behrouz kambiz farshid
tolu dayo bayo yemi tayo seyi wale lanre sola ayo funke bimbo dapo gbenga jide
aljur rommel jhun jun-jun arnel ronaldo rodel jericho mylene marites lorna rowena analyn jhoanna
kenji takeshi haruto yuto kenta daiki hiroki ryota kazuki shota yuta takumi kaito hayato kenichi
shinji takashi satoshi yusuke daisuke naoki koji
abebe alemu almaz tesfaye girma haile bekele kebede tadesse meron hiwot tsehay mulu yohannes dawit
mekonnen getachew berhane berhanu tsegaye desta worku asfaw negash fikre genet tigist tirunesh meseret
mesfin yonas biniam senait rahel eyerusalem yirgalem tewodros zewdu woldemariam gebremedhin gebre
tekle teklu ghebre habtom kidane mehari tsegay weldu yemane azeb lemlem mebrat zeritu abrehet
jess jessie kev jen jenn steph matt benji mikey pete freddie ollie alfie lizzie becca susie gabby trish tash
lexi lexie izzy
ikechukwu ugochukwu chinonso chidinma chinwe nkechi chibuike amaka somto samba mame assane
fereshta farishta freshta zarghuna marzia masooma nilofar khatera mursal parwana fawzia wahida zarmina mahbooba
rami fadi ziad ghassan wissam charbel toufic fouad marwan samer nader wael imad issam nizar mazen rima hala rasha
ghada hiba rola reem ruba sahar zeina sirine soha manal maha nisrine layal abir
mackenson kervens widler wesner wisner jhonson dieuseul dieunel rodeline mirlande nerlande roselaure djimy
stevenson emmanuella fritzner ketly widnise jameson mackendy guerda
kossi kodjo komlan kokou yawo kwami koami kossiwa akossiwa adjoa afi abla ayele ayélé mawuli edem selom essi ayawa
afiwa koku kouakou kouadio akissi amenan affoue efua kwesi kweku ekua
réjean réjeanne rénald raynald gaétane jacynthe marjolaine guylaine pierrette lucille rollande louiselle hermel
adélard wilfrid aurèle jeannot
""")
# Round 53: the line above, Quebec given names of the generations born 1930-1970 that Faker's fr_CA list lacks ("un
# certain Réjean"; not "réal", "normand", "rosaire", "gervais": words, a people, a family name).
# Round 41: the last four lines of GIVEN_LATIN, Lebanese and Syrian given names as they are written in Latin letters,
# Haitian given names (no Faker list holds them).
# Round 36: the two lines before those, Igbo and Senegalese given names, Afghan women's given names.
# Round 35: the line above, English short given names as chat writes them ("my gf jess", "my roommate kev";
# not "bill", "will", "max", "sue", "ed", "ted": common words).
# The last four lines of GIVEN_LATIN and the first four here (round 34): Ethiopian and Eritrean given names; a
# father's given name is the child's second name, so they are in both lists (not "selam", the greeting).
FAMILY_LATIN = wordset("""
abebe alemu almaz tesfaye girma haile bekele kebede tadesse meron hiwot tsehay mulu yohannes dawit
mekonnen getachew berhane berhanu tsegaye desta worku asfaw negash fikre genet tigist tirunesh meseret
mesfin yonas biniam senait rahel eyerusalem yirgalem tewodros zewdu woldemariam gebremedhin gebre
tekle teklu ghebre habtom kidane mehari tsegay weldu yemane azeb lemlem mebrat zeritu abrehet
n'guessan kouadio konan lahcen benali benkirane benjelloun bennani berrada alaoui el-alaoui idrissi el-idrissi fassi el-fassi tazi
lahlou chraibi ouazzani amrani el-amrani tahiri slimani ziani haddad mansour saleh salem nasser
hamdan khoury khalil aziz rahman hassan hussein abbas qureshi siddiqui sheikh chaudhry chaudhary
malik mirza baig khan yusof yusuf ismail mohammadi ahmadi hosseini hossaini rezaei moradi karimi
rahimi jafari kazemi rostami sadeghi hashemi mousavi ghorbani heidari nazari azizi asadi akbari
bagheri ebrahimi jalali kamali sharma verma gupta singh kaur patel shah mehta joshi iyer iyengar
nair menon pillai reddy rao naidu chopra malhotra kapoor khanna bhatia arora sandhu sidhu dhillon
gill grewal brar sow diallo bah barry diop ndiaye faye sall gueye mbaye ndour camara keita traore
traoré toure touré coulibaly konate konaté kone koné diarra sangare sissoko cisse cissé kouassi
kouame kouamé koffi yao ngono mbuyi kabila tshibanda mukendi okonkwo okafor okeke nwosu eze adebayo
adeyemi adewale oyelaran ogunleye balogun olawale mensah asante boateng owusu osei pierre-louis
désir desir jean-baptiste joseph charles étienne toussaint lafortune dorvil
dorval dorvilier pierre-paul saint-louis saint-fleur jean-louis jean-pierre bien-aimé fils-aimé
akter akhter begum hossain hossen rahman chowdhury talukder sarker mondal uddin miah mia bhuiyan
ahmadzai popalzai yousafzai karzai durrani stanikzai sultani hashimi noori
nkurunziza ndayishimiye niyonzima habimana mbemba mbeki nkosi dlamini ndlovu zulu khumalo mokoena
kotha reddy gowda hegde shetty kulkarni deshpande patil jadhav pawar
wanjiku ochieng odhiambo omondi onyango kiprono mutua
sy ba ka ly seck niang mbodj thiam gaye diouf sarr wade dieng kane tall
raza javed iqbal akhtar hussain farooq rizvi naqvi zaidi abbasi bukhari shaikh awan butt cheema
bajwa warraich gondal janjua tarar ansari qazi
hussaini husseini haidari haidary amiri wardak popal rasouli qaderi sharifi yousufzai yusufzai barakzai
achakzai shinwari samadi hakimi naseri faizi sediqi nawabi mohmand
bondarenko kravchenko savchenko marchenko rudenko ponomarenko kuzmenko klymenko shevchuk kovalchuk tkachuk
polishchuk hnatiuk melnyk oliynyk boyko bondar
lim goh teo koh ong chua yeo toh quek seah phua yap loh lau heng neo tay kwek chia
agbeko amouzou gbadamassi agbodjan akakpo amegah amevor dzidzienyo kpodar lawson tchalla adjovi ahouansou
""")
# Round 44: the last line of FAMILY_LATIN, Chinese family names as Singapore and Malaysia write them (Hokkien, Teochew
# and Cantonese spellings: "Lim Wei Jie", "Goh Mei Ling"), which the romanised lists of zh_CN and zh_TW spell otherwise
# ("Lin", "Wu"); not "tan", "sim", "ng", "low", "chew": words.
# Round 36: the last two lines of FAMILY_LATIN, Ukrainian family names in Latin letters.
# Round 35: the last two lines of FAMILY_LATIN, Afghan family names as written in Latin letters.
# Common words of English, French and chat that the lists carry as names: they never confirm
# a name ("my son will", "Grace period", "May 5").
COMMON_WORDS = wordset("""
may will grace hope joy faith mark bill rose summer art guy pat sue frank long young white black
brown green dean lane page case price post june april august march august autumn winter spring
sunny star angel king queen prince duke earl rich gay golden silver stone wood woods hill hills
field fields ford bush rock river lake bay bond cash chase cook cooker hunter miller baker carter
taylor mason turner walker fisher porter parker hall ward bell wells banks rice sharp short
small strong swift love wise best good goodman hardy moody noble major early gray grey rush
may-may van von der den del della la le de du des di da do dos das el al bin ben ibn abu
man men son sun sol luz paz mar rey reina
sky ray rain storm dawn eve ivy iris lily daisy holly ruby amber crystal pearl jade
penny ginger honey candy cherry olive violet hazel heather jasmine
chance hunter sterling august justice major royal
an la le on no one so to us is it in at as be by do go he hi me my of oh ok or up we
mai long tan dang ma
fee line job room day law floor min max beau else lady pages list lien ring grant till company holder grand
read aura birth mari eta jolie petit grande mate darling house nana tata lola lolo tita tito kuya ate
are was were has had can did not but and the for you all any her his its our out per via yes
sir madam mister miss mrs ms mr dr
claire blanche france marie-france aimé aime constant patience prudence
fleur perle céleste celeste prosper modeste
zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
thousand million first second third fourth fifth sixth seventh eighth ninth tenth
zéro un une deux trois quatre cinq sept huit neuf dix onze douze treize quatorze quinze seize
vingt trente quarante cinquante soixante cent cents mille premier première deuxième troisième
""") - NAME_PARTICLES  # number words never confirm a name ("bravo seven", "room ten")
# Given names that are also words, whether or not the lists carry them: a name only when a
# family name of the lists follows ("Will Anderson", "May Chen").
COMMON_GIVEN = wordset("will may mark bill june rose hope faith joy grace sunny pat sue ray art rich frank dean")
# Places that the lists carry as names: cities and provinces the clients live in or come from.
PLACES = wordset("""
paris london lyon victoria regina sydney austin jordan chad kent lincoln orlando dallas florence
georgia adelaide alberta vancouver toronto ottawa montreal quebec calgary edmonton winnipeg
halifax hamilton kingston windsor guelph moncton fredericton charlottetown whitehorse
yellowknife iqaluit surrey burnaby richmond brampton mississauga laval gatineau sherbrooke
saskatoon kelowna nanaimo barrie oshawa waterloo markham vaughan oakville burlington niagara
longueuil terrebonne lévis levis saguenay trois-rivières repentigny brossard drummondville granby
mirabel blainville mascouche châteauguay chateauguay rimouski boucherville shawinigan victoriaville
thiès thies kaolack ziguinchor touba bouaké bouake yamoussoukro korhogo bujumbura lubumbashi kisangani
manila cebu davao delhi mumbai chennai kolkata lahore karachi dubai cairo beirut tehran kabul
madrid barcelona sevilla valencia lima bogota quito santiago caracas havana mexico puebla
lisbon porto rio sao salvador natal belem recife curitiba fortaleza brasilia berlin munich
hamburg rome milan naples turin venice vienna zurich geneva brussels amsterdam dublin
cork belfast glasgow edinburgh cardiff york chester lancaster washington boston houston denver
phoenix seattle portland atlanta miami tampa nashville memphis jackson charlotte raleigh
kiev kyiv lviv kharkiv odesa moscow warsaw krakow bucharest sofia athens istanbul ankara
lagos abuja accra nairobi kampala dakar algiers tunis rabat casablanca marrakech
hanoi saigon beijing shanghai shenzhen guangzhou wuhan chengdu taipei seoul tokyo osaka
bordeaux marseille toulouse nantes strasbourg montpellier lille rennes reims grenoble dijon angers
brest limoges amiens nancy metz rouen caen abidjan bamako kinshasa douala yaounde conakry lome cotonou
ouagadougou niamey alger oran constantine sfax sousse fes meknes agadir tanger oujda
canada france india china brazil mexico chile peru cuba haiti israel italy spain rica lanka arabia emirates zealand
vegas
""")

# Round 38: towns a client says he is from after his name ("c'est Gabrielle Doiron de Dieppe"), which PLACES leaves
# out: smaller towns of every province and territory, and cities the clients come from, in one word or hyphenated; read only after "de" that follows a
# name of two words (people._name_at), not as a word that is never a name (several are family or given names too).
HOME_TOWNS = wordset("""
dieppe shediac caraquet tracadie shippagan bouctouche richibucto memramcook edmundston campbellton bathurst miramichi
oromocto quispamsis rothesay sackville woodstock grand-sault summerside souris montague alberton tignish
truro yarmouth digby antigonish amherst pictou chéticamp cheticamp lunenburg bridgewater wolfville kentville dartmouth
gander stephenville corner-brook happy-valley-goose-bay labrador
chicoutimi jonquière jonquiere alma roberval dolbeau matane gaspé gaspe sept-îles sept-iles baie-comeau rouyn-noranda
val-d'or amos joliette sorel sorel-tracy magog cowansville thetford montmagny beauport charlesbourg sainte-foy sillery
valleyfield vaudreuil boisbriand lachute mont-laurier hull aylmer verdun lachine anjou outremont westmount rosemont
laprairie candiac chambly beloeil varennes contrecoeur berthierville louiseville nicolet bécancour becancour plessisville
lac-mégantic coaticook bromont farnham carleton-sur-mer bonaventure chandler percé perce amqui cabano trois-pistoles
kamouraska rimouski-est la-pocatière baie-saint-paul tadoussac forestville chibougamau kuujjuaq salluit wendake
kahnawake mistissini saint-hyacinthe saint-jérôme saint-jerome saint-eustache sainte-thérèse sainte-therese
sudbury timmins kenora dryden kapuskasing hearst kirkland hawkesbury cornwall brockville belleville peterborough orillia
midland collingwood sarnia leamington stratford brantford kitchener welland pembroke renfrew embrun casselman rockland
orléans orleans kanata nepean sault
brandon steinbach selkirk dauphin flin-flon moose-jaw yorkton estevan lloydminster lethbridge airdrie okotoks canmore
banff camrose wetaskiwin kamloops penticton abbotsford chilliwack coquitlam courtenay comox smithers squamish whistler
inuvik dawson
guadalajara monterrey tijuana oaxaca veracruz campinas medellín medellin barranquilla arequipa cusco cuzco quezon makati
pune jaipur lucknow ahmedabad hyderabad bangalore bengaluru ludhiana jalandhar amritsar kano ibadan enugu kumasi goma
bukavu tripoli sidon aleppo alep damascus damas homs mosul baghdad bagdad basra herat kandahar shiraz isfahan tabriz
mashhad peshawar faisalabad dhaka chittagong sylhet kathmandu colombo jaffna jacmel gonaïves gonaives cap-haïtien
cap-haitien
genève geneve lausanne neuchâtel neuchatel fribourg sion bienne yverdon montreux vevey nyon liège liege namur bruxelles
charleroi mons louvain anvers gand bruges tournai verviers wavre arlon luxembourg esch
nouakchott libreville brazzaville pointe-noire n'djamena ndjamena antananarivo tamatave toamasina djibouti moroni
port-gentil parakou bobo-dioulasso garoua bafoussam bamenda kribi saint-louis tambacounda
""")
# Round 42: countries and towns of two words whose words are names of the lists ("Sierra Leone passport", "Costa
# Rica"): never a person, whole.
TWO_WORD_PLACES = frozenset(line.strip() for line in """
sierra leone
costa rica
sri lanka
burkina faso
el salvador
puerto rico
san marino
south sudan
south africa
new zealand
saudi arabia
cabo verde
cape verde
hong kong
santo domingo
san salvador
san jose
san josé
buenos aires
sao paulo
são paulo
santa cruz
costa rican
""".strip().splitlines())
# Round 42: the last three lines of HOME_TOWNS, Swiss, Belgian and Luxembourg towns in French ("je suis Bruno Lefebvre
# de Genève") and the towns of francophone Africa that PLACES leaves out.


@lru_cache(maxsize=8192)
def _plain(word: str) -> str:
    """Lower case, without accents: "Rodríguez" and "rodriguez" are one name."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Ukrainian (national system of 2010) and Russian letters, for the lists written in Cyrillic.
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "'": "", "’": "",
    "ё": "e", "ы": "y", "э": "e", "ъ": "",
}
_RUSSIAN = {**_CYRILLIC, "г": "g", "и": "i", "й": "y", "ю": "yu", "я": "ya", "е": "e"}


def _transliterate(word: str, table: dict[str, str]) -> str:
    return "".join(table.get(c, c) for c in word.lower())


_LATIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏ'’-]+")


def _latin(word: str) -> bool:
    return _LATIN.fullmatch(word) is not None


# In a provider's source: an assignment in the class body, or a string literal.
_SOURCE_TOKEN = re.compile(r"""^    ([a-z_]+)\s*[:=]|"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|#[^\n]*""", re.MULTILINE)


def _provider_lists(locale: str) -> dict[str, list[str]]:
    """The strings of each list of a locale's person provider (``first_names_female``,
    ``last_names``...), read from its source with one regular expression: importing Faker
    would bring its other providers in (~17 MB and 0.35 s more), parsing the source (ast) takes
    about 1 s for these locales."""
    spec = importlib.util.find_spec("faker")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("faker")
    path = Path(spec.submodule_search_locations[0], "providers", "person", locale, "__init__.py")
    lists: dict[str, list[str]] = {}
    current: list[str] | None = None
    for m in _SOURCE_TOKEN.finditer(path.read_text(encoding="utf-8")):
        if m.group(1):
            current = lists.setdefault(m.group(1), [])
        elif current is not None and (m.group(2) or m.group(3)):
            current.append(m.group(2) or m.group(3))
    return lists


def _words_of(lists: dict[str, list[str]], locale: str, prefix: str) -> set[str]:
    # round 34: also Polish ``male_last_names`` and ``unisex_last_names`` ("Kowalski", "Wiśniewski"), which
    # the prefix alone missed; their feminine forms ("Kowalska") are made by Faker's code, so made here too
    words = {w for field, values in lists.items() if field.startswith(prefix) or field.endswith("_" + prefix + "names")
             for v in values for w in v.split()}
    if locale == "pl_PL" and prefix == "last_":
        words |= {w[:-1] + "a" for w in words if w.endswith(("ski", "cki", "dzki"))}
    found: set[str] = set()
    for word in words:
        if locale in ("uk_UA", "ru_RU"):
            word = _transliterate(word, _CYRILLIC if locale == "uk_UA" else _RUSSIAN)
        if len(word) > 1 and _latin(word):
            found.add(_plain(word))
    return found


def _load() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    given: set[str] = set()
    family: set[str] = set()
    for locale in LOCALES:
        try:
            lists = _provider_lists(locale)
        except (OSError, SyntaxError):
            continue  # a locale that this Faker release no longer ships
        given |= _words_of(lists, locale, "first_")
        family |= _words_of(lists, locale, "last_")
    given |= {_plain(w) for w in GIVEN_LATIN}
    family |= {_plain(w) for w in FAMILY_LATIN}
    # accents kept here: "marié" (married) must not take "Marie" out
    common = {w.lower() for w in COMMON_WORDS | PLACES | NOT_NAME | NOT_NAME_CAPITALISED | NOT_NAME_LOWERCASE}
    return frozenset(given - common), frozenset(family - common), frozenset((given & set(COMMON_WORDS) | COMMON_GIVEN) - NAME_PARTICLES)


@cache
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    try:
        return _load()
    except ImportError:
        return frozenset(), frozenset(), frozenset()


def names() -> tuple[frozenset[str], frozenset[str]]:
    """(given names, family names), lower case and without accents; empty when Faker is not
    installed."""
    given, family, _common = _lists()
    return given, family


def common_given_name(word: str) -> bool:
    """Whether `word` is a given name of the lists that is also a common word ("Will", "May",
    "Grace"): a name only where the rest of the name says so."""
    return _plain(word) in _lists()[2]


def given_name(word: str) -> bool:
    """Whether `word` is a given name of the lists (never a common word)."""
    return _plain(word) in _lists()[0]


_GAELIC = re.compile(r"(?:Mac|Mc)[A-Z][a-z]{2,}")
_GAELIC_THINGS = frozenset(("MacBook", "McCafe", "McCafé", "McFlurry", "McMuffin", "McChicken", "McNuggets"))


def family_name(word: str) -> bool:
    """Whether `word` is a family name of the lists (never a common word); round 34: or a Scottish or Irish
    one written with its inner capital ("MacLeod", "McAllister"), which no list needs to hold."""
    if _plain(word) in _lists()[1] or (_GAELIC.fullmatch(word) is not None and word not in _GAELIC_THINGS):
        return True
    # round 48: a double family name joins two of the lists' ("DUPONT-MOREAU", "García-Márquez", "Okafor-Eze"); not two
    # given names that are family names too ("Jean-François", "Marie-Thomas")
    parts = word.split("-")
    return 1 < len(parts) < 4 and all(len(p) > 1 and _plain(p) in _lists()[1] for p in parts) \
        and not all(_plain(p) in _lists()[0] for p in parts)


def known_name(word: str) -> bool:
    low = _plain(word)
    given, family = names()
    return low in given or low in family


@cache
def _every_name() -> frozenset[str]:
    given, family = names()
    return given | family


def any_listed(words: frozenset[str], ascii_only: bool = False) -> bool:
    """Whether one of the lower-case `words` of a message is a name of the lists (`ascii_only`:
    the message has no accents): the rules that need one skip the other messages."""
    every = _every_name()
    if not every.isdisjoint(words):
        return True
    return not ascii_only and any(not w.isascii() and _plain(w) in every for w in words)


# Round 49: the countries' names (libphonenumber's in English, French, Spanish and Portuguese, and how clients shorten
# them: "du Burkina", "de la RDC", "des États-Unis"), whole, that a name's particle may introduce as where the person is
# from ("je suis Issa Ouattara du Burkina", "Awa Koné de la Côte d'Ivoire"); read only there (people._name_at).
_COUNTRY_TEXT = """
afeganistão | afganistán | afghanistan | afrique du sud | albania | albanie | albânia | alemanha | alemania | algeria
| algérie | allemagne | american samoa | andorra | andorre | angola | anguila | anguilla | antarctica | antarctique |
antigua and barbuda | antigua et barbuda | antigua y barbuda | antilhas holandesas | antillas holandesas | antilles
néerlandaises | antártida | antígua e barbuda | arabia saudita | arabie saoudite | argelia | argentina | argentine |
argélia | armenia | arménie | armênia | aruba | arábia saudita | australia | australie | austria | austrália |
autriche | azerbaijan | azerbaijão | azerbaiyán | azerbaïdjan | bahamas | bahrain | bahreïn | bahráin | bangladesh |
barbade | barbados | belarus | belau | belgique | belgium | belice | belize | benin | benín | bermuda | bermudas |
bermudes | bhoutan | bhutan | bielorrusia | biélo-russie | bolivia | bolivie | bolívia | bosnia and herzegovina |
bosnia y hercegovina | bosnie-herzégovine | botsuana | botswana | brasil | brazil | brunei | brunéi | brésil |
bulgaria | bulgarie | bulgária | burkina faso | burquina faso | burundi | bután | butão | bélgica | bélize | bósnia-
herzegovina | cabo verde | cambodge | cambodia | camboja | camboya | cameroon | cameroun | camerún | canada | canadá |
cap vert | cape verde | casaquistão | catar | central african republic | chad | chade | chequia | chile | chili |
china | chine | chipre | chypre | cingapura | ciudad del vaticano | colombia | colombie | colômbia | comores | comoros
| congo | congo - brazzaville | congo-kinshasa | corea del norte | corea del sur | coreia do norte | coreia do sul |
corée du nord | corée du sud | costa de marfil | costa do marfim | costa rica | croacia | croatia | croatie | croácia
| cuba | curaçao | cyprus | czech republic | côte d'ivoire | danemark | denmark | dinamarca | djibouti | djibuti |
dominica | dominican republic | dominique | dépendances américaines du pacifique | ecuador | egipto | egito | egypt |
egypte | el salvador | emirados árabes unidos | emiratos árabes unidos | emirats arabes unis | equador | equateur |
equatorial guinea | eritrea | eritreia | erythrée | eslovaquia | eslovenia | eslováquia | eslovênia | espagne |
espanha | españa | estados unidos | estonia | estonie | estônia | etats-unis | ethiopia | ethiopie | etiopía | etiópia
| fidji | fiji | filipinas | finland | finlande | finlandia | finlândia | fiyi | france | francia | frança | french
guiana | french polynesia | gabon | gabão | gabón | gambia | gambie | gana | georgia | germany | geórgia | ghana |
gibraltar | granada | grecia | greece | greenland | grenada | grenade | groenland | groenlandia | groênlandia | grèce
| grécia | guadalupe | guadeloupe | guam | guatemala | guayana francesa | guernesey | guernsey | guiana | guiana
francesa | guinea | guinea ecuatorial | guinea-bissau | guiné | guiné bissau | guiné equatorial | guinée | guinée
equatoriale | guinée-bissau | guyana | guyane française | gâmbia | géorgie | haiti | haití | haïti | holanda |
honduras | hong kong | hong-kong | hongrie | hungary | hungria | hungría | iceland | ile de man | iles vierges
américaines | iles vierges britanniques | ilha bouvet | ilha de man | ilha norfolk | ilhas aland | ilhas caiman |
ilhas coco | ilhas cook | ilhas faroe | ilhas malvinas | ilhas marianas do norte | ilhas marshall | ilhas natal |
ilhas salomão | ilhas turks e caicos | ilhas virgens britânicas | ilhas virgens dos eua | inde | india | indonesia |
indonésia | indonésie | irak | iran | iraq | iraque | ireland | irlanda | irlande | irán | irã | isla bouvet | isla
christmas | isla de man | isla norfolk | islas aland | islas caimán | islas cocos | islas cook | islas feroe | islas
heard y mcdonald | islas malvinas | islas marianas del norte | islas marshall | islas pitcairn | islas salomón | islas
turcas y caicos | islas vírgenes americanas | islas vírgenes británicas | isle of man | islândia | israel | israël |
italia | italie | italy | itália | iêmen | jamaica | jamaïque | japan | japon | japão | japón | jersey | jordan |
jordania | jordanie | jordânia | kazajstán | kazakhstan | kenia | kenya | kirguizistán | kiribati | koweit | kuwait |
kyrgyzstan | la réunion | laos | latvia | lebanon | lesotho | lesoto | letonia | lettonie | letônia | liban | liberia
| libia | libya | libye | libéria | liechtenstein | lithuania | lithuanie | lituania | lituânia | luxembourg |
luxemburgo | líbano | líbia | macao | macedonia | macedônia | macédoine | madagascar | malaisie | malasia | malaui |
malawi | malaysia | maldivas | maldives | mali | malta | malte | malásia | malí | maroc | marrocos | marruecos |
martinica | martinique | maurice | mauricio | mauritania | mauritanie | mauritius | mauritânia | maurício | mayotte |
mexico | mexique | mianmar [birmânia] | micronesia | micronésia | micronésie | moldavia | moldavie | moldova |
moldávia | monaco | mongolia | mongolie | mongólia | montenegro | montserrat | monténégro | morocco | mozambique |
moçambique | myanmar | méxico | mónaco | mônaco | namibia | namibie | namíbia | nauru | nepal | netherlands |
netherlands antilles | new caledonia | new zealand | nicaragua | nicarágua | niger | nigeria | nigéria | niue | north
korea | noruega | norvège | norway | nouvelle-calédonie | nouvelle-zélande | nova caledônia | nova zelândia | nueva
caledonia | nueva zelanda | népal | níger | oman | omán | omã | ouganda | ouzbékistan | pakistan | palaos | palau |
palestina | palestine | panama | panamá | papouasie-nouvelle-guinée | papua new guinea | papua-nova guiné | papúa new
guinea | paquistán | paquistão | paraguai | paraguay | pays-bas | peru | perú | philippines | pitcairn | poland |
polinesia francesa | polinésia francesa | pologne | polonia | polynésie française | polônia | porto rico | portugal |
puerto rico | pérou | qatar | quirguistão | quiribati | quênia | reino unido | república centro-africana | república
centroafricana | república democrática del congo | república dominicana | república dos camarões | república tcheca |
reunion | reunião | reunión | romania | romênia | roumanie | royaume-uni | ruanda | rumania | rusia | russia | russie
| rwanda | république centre-africaine | république dominicaine | république démocratique du congo | république
tchèque | rússia | saara ocidental | sahara occidental | saint barthélemy | saint helena | saint kitts and nevis |
saint lucia | saint martin | saint pierre and miquelon | saint pierre e miquelon | saint-barthélemy | saint-
christophe-et-niévès | saint-marin | saint-martin | saint-pierre-et-miquelon | saint-vincent-et-les grenadines |
sainte-hélène | sainte-lucie | samoa | samoa americana | samoa américaines | san bartolomé | san cristóbal y nieves |
san marino | san martín | san pedro y miquelón | santa helena | santa lucia | santa lúcia | santo tomé y príncipe |
sao tome and principe | sao tomé et principe | saudi arabia | senegal | serbia | serbie | serra leoa | seychelles |
sierra leona | sierra leone | singapore | singapour | singapur | siria | slovakia | slovaquie | slovenia | slovénie |
somalia | somalie | somália | soudan | south africa | south korea | south sudan | spain | sri lanka | suazilandia |
suazilândia | sud-soudan | sudan | sudáfrica | sudán | sudán del sur | sudão | suecia | suisse | suiza | surinam |
suriname | suède | suécia | suíça | svalbard and jan mayen | svalbard e jan mayen | svalbard et jan mayen | svalbard y
jan mayen | swaziland | sweden | switzerland | syria | syrie | são bartolomeu | são cristovão e nevis | são martinho |
são tomé e príncipe | são vicente e granadinas | sénégal | sérvia | síria | tadjikistan | tadjiquistão | tailandia |
tailândia | taiwan | taiwán | tajikistan | tanzania | tanzanie | tanzânia | tayikistán | tchad | territoires français
du sud | territórios franceses do sul | territórios palestinos | thailand | thaïlande | timor oriental | timor-leste |
togo | tokelau | tonga | trinidad and tobago | trinidad e tobago | trinidad y tobago | trinité-et-tobago | tunisia |
tunisie | tunísia | turcomenistão | turkey | turkmenistan | turkmenistán | turkménistan | turquia | turquie | turquía
| tuvalu | túnez | ucrania | ucrânia | uganda | ukraine | united arab emirates | united kingdom | united states |
uruguai | uruguay | uzbekistan | uzbekistán | uzbequistão | vanuatu | vatican | vaticano | venezuela | vietnam |
vietnã | vénézuela | wallis and futuna | wallis e futuna | wallis y futuna | wallis-et-futuna | western sahara | yemen
| yibuti | yémen | zambia | zambie | zimbabue | zimbabwe | zimbábue | zâmbia | áfrica do sul | áustria | índia | île
bouvet | île christmas | île norfolk | îles caïmans | îles cocos | îles cook | îles féroé | îles malouines | îles
mariannes du nord | îles marshall | îles salomon | îles turks et caicos | îles åland
| burkina | rdc | rd congo | r.d. congo | congo-kinshasa | congo-brazzaville | centrafrique | côte-d'ivoire | cote d'ivoire
| cote-d'ivoire | cote divoire | côte divoire | ivory coast | guinée-conakry | guinée conakry | guinee | guinee-conakry
| usa | états-unis | etats unis | états unis | émirats | emirats | angleterre | écosse | ecosse | pays de galles
| bénin | nigéria | sénégal | algerie | egypte | ethiopie | erythree | equateur | bresil | perou | coree | chine | inde
| syrie | liban | maroc | tunisie | turquie | iran | irak | yémen | yemen | palestine | gaza | kosovo | tchétchénie
| cap-vert | cap vert | sao tomé | são tomé | bissau | soudan du sud | sud soudan | sahara occidental | mauritanie
| haïti | haiti | hong kong | taïwan | taiwan | macao | corée du sud | corée du nord
"""
COUNTRY_NAMES = frozenset(" ".join(n.split()) for n in _COUNTRY_TEXT.split("|") if n.strip())
_COUNTRY_FIRST = frozenset(n.split()[0] for n in COUNTRY_NAMES)
_COUNTRY_WORD = re.compile(r"[ \t]*+([^\W\d_]+(?:['’.-][^\W\d_]+)*\.?)")
_COUNTRY_END = re.compile(r"[ \t]*(?:[^\w'’-]|$)")
_ELIDED_ARTICLE = re.compile(r"[lL]['’](?=[^\W\d_])")


def country_at(text: str, pos: int) -> int:
    """The end of a country's name (see :data:`COUNTRY_NAMES`, up to four words) that starts at `pos` (after "l'"
    too), or -1."""
    if (article := _ELIDED_ARTICLE.match(text, pos)) is not None:
        pos = article.end()
    words: list[tuple[str, int]] = []
    while len(words) < 4 and (m := _COUNTRY_WORD.match(text, pos)) is not None:
        if not words and m.group(1).lower() not in _COUNTRY_FIRST and m.group(1).lower().rstrip(".") not in _COUNTRY_FIRST:
            return -1
        words.append((m.group(1).lower().replace("’", "'"), m.end()))
        pos = m.end()
    for k in range(len(words), 0, -1):
        name = " ".join(w for w, _ in words[:k])
        if (name in COUNTRY_NAMES or name.rstrip(".") in COUNTRY_NAMES) and _COUNTRY_END.match(text, words[k - 1][1]):
            return words[k - 1][1]
    return -1
