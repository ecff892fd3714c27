"""Word lists, English and French, that the recognizers share.

Regular-expression fragments are plain strings (joined into patterns in
:mod:`quaid_patterns.recognizers`); word sets are lower-case and compared after lower-casing.
Accents are optional in the fragments because clients often type French without them.
"""

from __future__ import annotations

import unicodedata


def wordset(text: str) -> frozenset[str]:
    """The whitespace-separated words of `text`, as a set."""
    return frozenset(text.split())


# ---------------------------------------------------------------- dates

MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|febr|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
    r"|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre"
    r"|d[ée]cembre|janv|f[ée]vr?|avr|juil|d[ée]c"
    # Spanish and Portuguese
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|se?ptiembre|octubre|noviembre|diciembre"
    r"|janeiro|fevereiro|mar[çc]o|maio|junho|julho|setembro|outubro|novembro|dezembro"
    # Indonesian, Dutch, German
    r"|januari|februari|maret|maart|mei|juni|juli|agustus|augustus|oktober|desember"
    r"|januar|februar|m[äa]rz|dezember"
    # Polish (the genitive of a date: "4 lutego 1941") and Romanian
    r"|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|wrze[śs]nia|pa[źz]dziernika|listopada|grudnia"
    r"|ianuarie|februarie|martie|aprilie|iunie|iulie|septembrie|octombrie|noiembrie|decembrie"
)

# ---------------------------------------------------------------- streets

# Street types that follow the name in English ("123 Main Street"). Words that are also
# everyday nouns ("way", "line", "park") are only street types after a capitalised name.
STREET_TYPES_EN = (
    r"street|st|avenue|ave|av|road|rd|drive|dr|boulevard|blvd|lane|ln|crescent|cres|crt"
    r"|terrace|terr|circle|cir|trail|trl|parkway|pkwy|highway|hwy|sideroad|concession"
    r"|private|pvt|court|ct|place|pl|square|sq|heights|hts|gardens|gdns|mews"
)
STREET_TYPES_EN_CAPITALISED = (
    r"Way|Line|Park|Point|View|Green|Hill|Close|Gate|Grove|Bay|Field|Path|Walk|Ridge"
    r"|Row|Landing|Common|Commons|Crossing|Glen|Vale|Wood|Woods|Loop|Gardens|Circuit|Run|Rue"
    r"|Alley|Kuche|Koocheh|Soi|Marg|Nagar|Quay"
)
# Street types that precede the name in French ("45 rue Sainte-Catherine").
STREET_TYPES_FR = (
    r"rue|avenue|av|ave|boulevard|boul|bd|blvd|chemin|ch|route|rte|rang|place|pl|c[ôo]te"
    r"|mont[ée]e|all[ée]e|impasse|promenade|prom|terrasse|croissant|carr[ée]|square|cours"
    r"|quai|voie|ruelle|sentier|passage|esplanade|autoroute|circuit|parc"
    # abroad, the civic number first and the type before the name: "3 Jalan Ampang", "25 Avenida Reforma"
    r"|jalan|jln|lorong|avenida|calle|rua"
)
STREET_DIRECTIONS = (
    r"north|south|east|west|northeast|northwest|southeast|southwest|n|s|e|w|ne|nw|se|sw"
    r"|nord|sud|est|ouest|o|no|so"
)
STREET_PARTICLES = r"de\s+la|de|du|des|la|le|les|st|ste|saint|sainte"  # and d', l', de l'.
UNIT_WORDS = (
    r"apt|apartment|appart|app|appt|appartement|unit[ée]|unit|suite|bureau|logement|local|porte|flat|apto|depto|dpto"
    r"|piso|bloco|casa|room|rm|interior|int|bo[îi]te|bte|#"  # Mexico's "int. 4" (interior)
)

# Words that cannot be part of a street name before an English street type: they turn
# "I waited 3 hours on the road" or "2 kids and a dog" into ordinary sentences.
NOT_STREET_NAME = wordset("""
a an the and or but of to in on at for from by with my your his her our their this that
these those is are was were be been am i you he she we they it me us them there here not no
yes very so too also just only still now then than as if when while about into onto over
under after before since until per each every all any some many much more most few less one
two three four five six seven eight nine ten day days week weeks month months year years
hour hours minute minutes second seconds time times night nights weekend weekends jour jours
semaine semaines mois an ans annee annees heure heures minute minutes fois people persons
kids children child family members adults applicants students workers dollars dollar cad usd
bucks cents percent points pages page documents document forms form applications application
files file copies copy photos photo letters letter emails calls messages questions question
times steps step same other another previous current
""")

# ---------------------------------------------------------------- names

# Words that end a name or show that what follows a trigger ("my name is ...", "I'm ...")
# is not a name: function words, verbs and adjectives that follow those triggers.
NOT_NAME = wordset("""
aîné aînée ainé ainée aine ainee cadette eldest youngest
aaaa-mm-jj jj-mm-aaaa jj/mm/aaaa yyyy-mm-dd dd-mm-yyyy mm-dd-yyyy aaaa yyyy
i a an the and or but so nor yet to from in on at of for with without by as into onto about
over under after before since until than then there here this that these those it its is am
are was were be been being have has had having do does did done will would can could should
shall may might must not no yes ok okay okey fine good great well bad my your his her our
their me him us them you he she we they who what which where when why how also just only
still now currently already really very too quite actually please plz pls thanks thank thx
hello hi hey dear sorry confused lost stuck worried concerned interested unable able ready
glad happy sad upset angry frustrated tired scared afraid anxious nervous sure unsure
certain new old here there back home away outside inside late early busy free available
single married divorced separated widowed engaged pregnant student students worker workers
citizen citizens resident residents applicant applicants visitor visitors refugee refugees
permanent temporary international foreign spelled spelt misspelled misspelt spelling written
wrote printed listed shown displayed entered typed changed mentioned included registered
recorded missing wrong right correct incorrect incorrectly correctly different same showing
appearing used cut truncated reversed swapped mixed missing blank empty long short pending
approved refused rejected going trying looking writing calling asking wondering waiting
applying having getting living staying working studying visiting coming leaving moving
planning hoping need needs want wants like would applied apply submitted submit sent send
received got get gave give went go came come make made take took know knew think thought see
saw hear heard feel felt call called named say said tell told ask asked help helps regarding
concerning re about stated noted same also both either neither sir madam madame monsieur
mister miss mr mrs ms mme mlle dr doctor officer agent client customer user person someone
bébé bebe
somebody anyone nobody everyone mother father mom dad mum son daughter husband wife spouse
partner brother sister child kid baby parent parents grandmother grandfather uncle aunt
cousin friend boss employer lawyer consultant representative yes oui non je j tu il elle on
nous vous ils elles le la les l un une des du de d et ou mais donc or ni car pas ne n plus
en y a à au aux pour avec sans sur sous dans par chez vers est suis es sommes êtes sont été
être ai as avons avez ont avoir fait faire mon ma mes ton ta tes son sa ses notre nos votre
vos leur leurs ce cet cette ces ici là déjà encore toujours vraiment très trop assez svp
merci beaucoup bcp bonjour bonsoir salut allô desole désolé désolée confus confuse perdu perdue inquiet
inquiète marié mariée célibataire divorcé divorcée étudiant étudiante étudiants travailleur
travailleuse citoyen citoyenne résident résidente né née mal écrit écrite incorrect
incorrecte erroné erronée manquant manquante différent différente bien actuellement
présentement sûr sure certain certaine content contente heureux heureuse prêt prête en train
aussi seulement juste maintenant madame monsieur mademoiselle docteur moi toi lui eux demain
aujourd hier comment quoi pourquoi combien quand où quel quelle quels quelles qui que dont
""")

# Capitalised words that follow "I'm", "I am", "this is", "je suis" without being a name.
NOT_NAME_CAPITALISED = wordset("""
canada canadian canadians canadien canadienne québec quebec québécois québécoise quebecois
ontario ontarian alberta manitoba saskatchewan nova scotia brunswick newfoundland labrador
yukon nunavut territories british columbia montreal montréal toronto ottawa vancouver
calgary edmonton winnipeg halifax gatineau india indian indienne china chinese chinois
chinoise pakistan pakistani philippines filipino filipina nigeria nigerian iran iranian
mexico mexican mexicain mexicaine brazil brazilian france french français française
francophone anglophone english anglais anglaise britain british uk usa us american américain
américaine america africa african africain africaine europe european asia asian asiatique
haiti haitian haïti haïtien haïtienne morocco moroccan maroc marocain marocaine algeria
algerian algérie algérien algérienne tunisia tunisian tunisie tunisien tunisienne cameroon
cameroonian cameroun camerounais camerounaise senegal senegalese sénégal sénégalais
sénégalaise congo congolese congolais congolaise ivory ivoirien ivoirienne ukraine ukrainian
ukrainien ukrainienne russia russian russe syria syrian syrien syrienne lebanon lebanese
liban libanais libanaise egypt egyptian égypte égyptien égyptienne turkey turkish turc
turque korea korean coréen coréenne japan japanese japonais japonaise vietnam vietnamese
vietnamien vietnamienne bangladesh bangladeshi nepal nepali nepalese sri lanka lankan
afghanistan afghan afghane iraq iraqi irakien irakienne colombia colombian colombien
colombienne venezuela venezuelan vénézuélien peru peruvian jamaica jamaican spain spanish
espagnol espagnole italy italian italien italienne germany german allemand allemande
portugal portuguese portugais portugaise poland polish polonais polonaise romania romanian
roumain roumaine greek grec grecque irish scottish welsh australian australien kenya kenyan
ghana ghanaian ethiopia ethiopian eritrean somali sudanese punjabi gujarati tamil hindi urdu
arabic arabe arab muslim musulman musulmane christian chrétien chrétienne catholic
catholique jewish juif juive hindu sikh buddhist january february march april may june july
august september october november december monday tuesday wednesday thursday friday saturday
sunday janvier février fevrier mars avril mai juin juillet août aout septembre octobre
novembre décembre decembre lundi mardi mercredi jeudi vendredi samedi dimanche ircc cic cbsa
asfc irb cisr service services government gouvernement immigration citizenship citoyenneté
express entry entrée pgwp permit permis visa study work permanent resident résidence
residence temporary federal fédéral provincial program programme skilled worker family
sponsorship parrainage caregiver startup start-up student refugee asylum protected person
nominee pnp arrima csq mifi mr mrs ms miss dr sir madam mister madame monsieur urgent
important new still not here back currently calling writing trying looking applying asking
following requesting reaching contacting emailing
jordanian armenian georgian albanian bosnian serbian croatian ivorian guinean gambian
rwandan burundian ugandan tanzanian zimbabwean zambian malawian thai malaysian indonesian
singaporean cambodian laotian mongolian kazakh uzbek tajik azerbaijani emirati saudi kuwaiti
qatari bahraini omani yemeni palestinian israeli libyan chilean argentinian argentine
bolivian ecuadorian paraguayan uruguayan cuban dominican salvadoran guatemalan honduran
nicaraguan panamanian trinidadian barbadian guyanese belizean dutch belgian swiss austrian
swedish norwegian danish finnish icelandic hungarian czech slovak slovenian bulgarian
moldovan belarusian lithuanian latvian estonian hispanic latino latina black white
indigenous métis metis inuit somalian sudanese kurdish persian tibetan uyghur rohingya
tigrinya tigrigna amharic oromo dari farsi pashto pashtu lingala wolof swahili kiswahili kinyarwanda kirundi
tagalog ilocano cebuano visayan mandarin cantonese bengali bangla telugu malayalam kannada marathi kurmanji sorani
hausa yoruba igbo fula fulani pulaar bambara dioula dinka nuer creole créole kreyol kreyòl burmese
""")
# Round 36: the last three lines, the languages an interpreter works in ("interpreter here (Tigrinya)").


def _french_demonyms(text: str) -> frozenset[str]:
    """French nationalities and origins in every gender, with and without accents
    ("brésilien" gives "brésilienne", "bresilien", "bresilienne")."""
    out: set[str] = set()
    for word in text.split():
        forms = {word}
        if word.endswith(("ien", "éen", "een")):
            forms.add(word + "ne")
        elif word.endswith(("ain", "ais", "ois", "an", "in", "ol", "and")):
            forms.add(word + "e")
        for form in list(forms):
            forms.add("".join(c for c in unicodedata.normalize("NFD", form) if unicodedata.category(c) != "Mn"))
        out |= forms
    return frozenset(out)


# After "je suis": "Je suis Brésilienne", "je suis Sénégalais", not names.
FRENCH_DEMONYMS = _french_demonyms("""
brésilien chilien péruvien argentin mexicain cubain dominicain vénézuélien salvadorien
guatémaltèque hondurien nicaraguayen panaméen costaricain colombien équatorien bolivien
paraguayen uruguayen jamaïcain haïtien trinidadien nigérian nigérien ghanéen kényan
éthiopien érythréen somalien soudanais malien burkinabè burkinabé béninois togolais guinéen
ivoirien gabonais tchadien rwandais burundais malgache mauricien mauritanien centrafricain
comorien djiboutien congolais camerounais sénégalais marocain algérien tunisien libyen
égyptien libanais syrien jordanien palestinien israélien irakien iranien afghan pakistanais
indien bangladais népalais sri-lankais philippin chinois taïwanais vietnamien coréen
japonais thaïlandais cambodgien laotien birman indonésien malaisien singapourien mongol
kazakh ouzbek turc kurde arménien géorgien azerbaïdjanais ukrainien russe biélorusse
moldave roumain bulgare serbe croate bosniaque albanais grec polonais tchèque slovaque
hongrois allemand autrichien suisse belge néerlandais hollandais luxembourgeois italien
espagnol portugais britannique anglais écossais irlandais américain canadien québécois
acadien ontarien albertain manitobain néo-écossais néo-brunswickois terre-neuvien
montréalais torontois gaspésien européen africain maghrébin asiatique australien
néo-zélandais latino arabe berbère kabyle amazigh français francophone anglophone
allophone musulman chrétien catholique protestant orthodoxe juif hindou bouddhiste sikh
""")

# Particles inside a name ("Jean de la Fontaine", "Ludwig van Beethoven").
NAME_PARTICLES = wordset("""
de del della der di da das dos du la le van von ten ter bin ben ibn al el st ste
dela delos delas bint binti abu ould ait aït dei degli delle
""")

# Lower-case words that follow "I'm" / "this is" without being a name. Together with
# NOT_NAME, NOT_NAME_CAPITALISED and the suffix rules of :mod:`quaid_patterns.people`, they
# let "hi im sarah, ..." through while "im stuck, ..." stays.
NOT_NAME_LOWERCASE = wordset("""
jai jsuis jveux chu jpeux jvais dob ddn
koi koa kwa pk pq pcq cmt cb qd ki wsh wesh slt tkt mdr ptdr bsr
gay lesbian bisexual queer trans transgender nonbinary gai lesbienne bisexuel bisexuelle
alone abroad overseas outside inside away back home here there new old young sick ill well
fine ok okay good great bad sorry sure unsure afraid aware alive awake late early ready done
lost stuck broke poor rich free busy single sad mad glad happy upset angry calm tired scared
worried desperate hopeless helpless homeless jobless useless clueless nervous anxious serious
curious grateful thankful hopeful eligible ineligible responsible unable able available
unavailable pregnant unemployed employed retired disabled handicapped sponsored enrolled
registered located based approved refused rejected denied accepted invited confused
frustrated concerned interested stressed annoyed disappointed shocked surprised
student worker nurse doctor engineer teacher driver cook chef cashier accountant developer
programmer manager caregiver welder electrician plumber carpenter mechanic farmer pharmacist
dentist lawyer consultant researcher professor scientist analyst technician designer
architect owner employee employer investor entrepreneur parent mother father wife husband
spouse applicant citizen resident refugee visitor tourist immigrant migrant international
foreign canadian permanent temporary urgent important different wrong right correct
incorrect true false crazy insane unfair fair strange weird normal legal illegal local
original final official medical pending complete incomplete it me him her them us all
everything nothing something what why how who where when which that this these those
stupid ridiculous unacceptable absurd frustrating confusing annoying amazing awesome
beautiful terrible horrible awful lucky unlucky late overdue complicated hard easy simple
possible impossible necessary mandatory optional same similar also almost about just only
still already really very so too quite kind sort bit lot little much more less most least
please thanks thank hello hi hey yes no not never ever even now then currently sending
inland onshore offshore stateless undocumented landed visiting staying enrolled overseas
unclear clear valid invalid mine yours ours over cheap expensive closed open broken expired
enough true false fake real bizarre pareil pareille vrai faux bon fini clair compliqué
difficile simple correct urgent normal possible impossible grave important nouveau nouvelle
moi toi lui nous vous eux pareil rien tout tous toutes mieux pire sympa
hungry thirsty sleepy bored starving uncertain outta gonna wanna gotta kinda sorta date
out up off down around along bus car train plane foot bike taxi uber subway metro boat
again anyway finally myself yourself lives works studies teaches says has does goes gets
wants needs makes takes loves likes speaks knows thinks lost paid left kept brought bought
found built sold spent
btw lol haha lmao omg tbh fyi asap idk imo smh ty tysm pls plz thx
quoi combien quand comment pourquoi dommage ridicule frustrant nécessaire necessaire
obligatoire gratuit payant facile lent rapide cher chère possible fait moi encore
âgé âgée âgés âgées agé agée elderly aged vieux vieille malade
uci iuc wallah wallahi walah inshallah inchallah mashallah machallah shukran shokran choukran yallah hamdoulah hamdullah
alhamdulillah bismillah
""")  # round 40: an age's adjective between the relative and the name ("ma mère âgée Karim Côté")
# Round 45: a number's label and the Arabic words of chat ("je m appel anh tuan le uci 3 3 1 ...", "au nom de rachid
# amrani wallah", "ok shukran habibi") end a name in lower case; "habibi" is a family name too ("Reza Habibi").
# Names that end like a participle: "-ed" is otherwise not a name in lower case.
NAMES_ENDING_LIKE_WORDS = wordset(
    "ahmed mohammed mohamed muhammed hamed saeed javed rasheed waleed majed fahed fred ted ned "
    "reed syed zayed naveed mahmed shelly beverly kimberly ashley ian brian adrian julian vivian "
    "christian damian sebastian fabian lilian gillian marian florian cristian kilian killian "
    "maximilian dorian damien olive clive steve jillian lillian therese thérèse reese"
)


def _gendered(text: str) -> frozenset[str]:
    """Spanish and Portuguese demonyms and the like, given in the masculine in -o: both genders
    and plurals ("mexicano" → mexicano, mexicana, mexicanos, mexicanas)."""
    words: set[str] = set()
    for word in text.split():
        if word.endswith("o"):
            stem = word[:-1]
            words.update((word, stem + "a", word + "s", stem + "as"))
        else:
            words.update((word, word + "s", word + "es"))
    return frozenset(words)


# After "soy" / "sou" / "ich bin": nationalities and words of the clients' languages.
OTHER_DEMONYMS = _gendered("""
mexicano colombiano peruano venezolano cubano boliviano ecuatoriano dominicano salvadoreño
hondureño guatemalteco panameño chileno argentino uruguayo paraguayo filipino brasileño
brasileiro nigeriano marroquino iraniano indio hindu chino vietnamita coreano japonés
americano canadiense canadense africano europeo europeu asiático asiatico latino estudiante
estudante profesor professor médico medico enfermero ingeniero engenheiro casado solteiro
soltero divorciado viudo nuevo novo nicaragüense costarricense estadounidense español espanhol
portugués português francés alemán inglés deutscher deutsche student studentin arbeiter
""")
# Function words of Spanish, Portuguese, Tagalog and German that follow a trigger without
# being a name ("gracias por la ayuda", "mi nombre es muy largo").
OTHER_FUNCTION_WORDS = wordset("""
por para con sin el los las del al muy mucho mucha todo toda todos ayuda gracias hola favor
que qué como cómo pero porque cuando donde está esta este es son soy estoy tengo quiero
necesito puedo pelo pela com sem os um uma tudo ajuda obrigado obrigada olá ola quero preciso
tenho estou não nao sim po ng mga lang naman yung iyong ako ikaw siya kami tayo sila
salamat tulong und oder aber mit für fur die der das ein eine ist bin sind ich du sie wir
hilfe danke bitte nicht auch hai hoon hun mein meine naam
""")
# French trades, fields and third-person verbs: "jsuis dev informatique", "mon fils vient
# d'expirer" describe, they do not name (lower case only; no word here is a common surname).
FRENCH_TRADES_AND_VERBS = wordset("""
dev devs développeur développeuse developpeur developpeuse programmeur programmeuse
informaticien informaticienne informatique ingénieur ingénieure ingenieur ingenieure
infirmier infirmière infirmiere enseignant enseignante prof profs comptable chauffeur
soudeur soudeuse cuisinier cuisinière cuisiniere électricien electricien plombier
mécanicien mecanicien agriculteur agricultrice pharmacien pharmacienne dentiste avocat
avocate médecin medecin chercheur chercheuse technicien technicienne architecte employé
employée employe employee commerçant commercant vendeur vendeuse serveur serveuse caissier
caissière caissiere coiffeur coiffeuse menuisier maçon macon gestionnaire directeur
directrice fonctionnaire militaire policier policière journaliste traducteur traductrice
interprète interprete chômeur chomeur chômeuse retraité retraitée stagiaire doctorant
doctorante civil civile web logiciel software data réseau reseau santé sante génie genie
vient viennent va vont part partent arrive arrivent doit doivent peut peuvent veut veulent
vit vivent habite habitent travaille travaillent attend attendent étudie etudie commence
souhaite voudrait aimerait cherche parle parlent dort mange sort rentre revient reste
expire expiré expirée expirer venait allait devait pouvait voulait naître naitre
accouche accouché accouchée enceinte malade décédé décédée decede decedee jai jsuis chui jveux jpeux
employeur employeuse employeurs patron patronne gérant gérante gerant gerante
""")  # round 40: the employer speaking ("Employeur ici.")
NOT_NAME_LOWERCASE = NOT_NAME_LOWERCASE | FRENCH_TRADES_AND_VERBS
NOT_NAME = NOT_NAME | (OTHER_FUNCTION_WORDS - NAME_PARTICLES)
NOT_NAME_CAPITALISED = NOT_NAME_CAPITALISED | FRENCH_DEMONYMS | OTHER_DEMONYMS
# Round 35: people named as a group before "here" ("hey, roommates here: me Priya, ...", "cousins here!"): never a name.
GROUP_PLURALS = wordset("""
roommates housemates flatmates classmates schoolmates teammates coworkers colleagues collègues collegues cousins cousines
siblings friends buddies mates guys girls boys folks parents kids children neighbours neighbors coloc colocs colocataires
amis amies frères freres soeurs sœurs parents enfants voisins voisines
""")

# Round 44: countries, as the clients write them in French and English, that a name's particle may introduce as where
# the person is from ("je suis Rodrigue Nzeyimana du Burundi", "Moussa Diallo de Guinée"): read only after "de", "du",
# "d'" or "of" inside a name (people._name_at), never as a word that is no name elsewhere (several are given names).
COUNTRIES = wordset("""
burundi rwanda mali togo bénin benin niger nigéria nigeria guinée guinee guinea tchad gabon congo sénégal senegal
cameroun cameroon maroc morocco algérie algerie algeria tunisie tunisia liban lebanon syrie syria haïti haiti madagascar
djibouti comores mauritanie mauritania ghana kenya ouganda uganda tanzanie tanzania éthiopie ethiopie ethiopia érythrée
erythree eritrea somalie somalia soudan sudan égypte egypte egypt libye libya iran irak iraq afghanistan pakistan inde
india bangladesh népal nepal vietnam viêt-nam chine china japon japan corée coree korea mexique mexico colombie colombia
pérou perou peru venezuela brésil bresil brazil argentine argentina chili chile bolivie bolivia équateur equateur
ecuador cuba guatemala honduras nicaragua philippines indonésie indonesie indonesia malaisie malaysia thaïlande
thailande thailand cambodge cambodia ukraine russie russia pologne poland roumanie romania moldavie moldova belgique
belgium suisse switzerland france espagne spain portugal italie italy allemagne germany québec quebec canada
côte-d'ivoire angola mozambique zimbabwe zambie zambia malawi botswana namibie namibia soudan-du-sud erythrée
""")
