"""Phrasings that say what kind of message a client sent, whatever the NLU makes of it.

Two rules, English and French, on normalised text (lower case, no accents, apostrophes and
punctuation as spaces: ``normalize("J'ai reçu")`` is ``"j ai recu"``), so that typed-fast
messages without accents match too:

- :func:`own_file_cue`: the client speaks of *their* application, in a way only an agent who
  opens the file can answer: waiting on it (``my pr application has been pending since march``,
  ``mon dossier est bloqué depuis 6 mois``), asking whether the agency received something
  (``did ircc get my biometrics``), whether it was approved, why it was refused, to speed it
  up, cancel it (``annuler la demande que j'ai envoyée``) or change it once submitted, to have
  someone look at it (``can someone look at my file``), or when a decision will come.
- :func:`other_service_cue`: another department's or government's programme named as clients
  name it (taxes, EI, a SIN, a health card, a driver's licence...) in a message that names no
  immigration matter, or another country's passport or visa (``renouveler mon passeport
  libanais``, ``us work visa``, ``visa for the usa``, a US green card, Schengen; clients call
  the Canadian PR card a green card and the eTA an ESTA, so those alone are not enough), another
  country's scheme next to its name (``uk eta``, ``new zealand working holiday``, ``PVT Australie``)
  unless the message names Canada or where the client comes from, and Quebec's PEQ/Arrima/CSQ: FORMAT.md
  puts them in ``out_of_scope``, and the NLU cannot know every nationality; Canadian travel
  questions that mention a foreign passport (``passeport coréen, je vole vers Montréal``) are
  left to the NLU, and so are a Canadian visa next to a US one (``with a US visa can I skip the
  canada visa``) and the RCMP's criminal record check (a police certificate for IRCC).

A third helper, :func:`without_self_introduction`, gives the NLU a message without the client's
greeting, name, contact details and where they live (``Brain.predict``): who asks is not what
they ask.

Each rule is a few regular expressions over parts (a possessive, a waiting phrase...), kept
readable on purpose: they were written from how clients type (FORMAT.md, the eval files'
own-file lines) and checked against every in-scope example of the demo KB and eval files.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .text import normalize


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_MY = r"(?:my|our|mon|ma|mes|notre|nos)"
_WHY = r"(?:why|pourquoi|pk|pq|pkoi|pourkoi)"
_NUM = (r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|few|"
        r"un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|des|plusieurs|quelques|plus de \w+)")
_UNIT = r"(?:days?|weeks?|months?|years?|jours?|semaines?|mois|ans?|annees?)"
_MONTH = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
          r"janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|"
          r"spring|summer|fall|autumn|winter|printemps|ete|automne|hiver)")
_SENT = (r"(?:applied|submitted|sent|mailed|uploaded|gave|did|soumis|soumise|envoye|envoyee|depose|deposee|"
         r"postule|fait (?:ma|la|une) demande|fait la|donne)")

# Not sent yet ("our PR application isn't submitted yet", "notre demande n'est pas encore envoyée"):
# nothing to wait on, the time after it is when the client means to send it ("if we send it in May").
_NOT_YET = r"(?<!not )(?<!n t )(?<!not yet )(?<!pas )(?<!pas encore )(?<!never )(?<!jamais )"
# "depuis" of a time ("depuis 3 mois", "depuis mars"), not of a place ("une demande depuis Kinshasa").
_SINCE_FR = (rf"depuis(?= (?:{_NUM}|{_MONTH}|\d|le|la|l|les|ce|cette|longtemps|hier|avant|presque|environ|deja|"
             r"au moins|debut|fin|mi|pres|bientot|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b)")

# Waiting on one's own file.
_WAITING = [
    r"\b(?:still|been|am|m|is|s) (?:waiting|pending|nothing|no news|no update|not received|"
    r"haven t|hasn t|have not|has not|in progress|in process|under review)\b",
    r"\bstill (?:no|not|nothing|shows|says|haven t|hasn t|waiting|pending)\b",
    r"\b(?:pending|stuck|in progress|in process|under review|processing|waiting) (?:for|since)\b",
    r"\b(?:application|file|case|dossier|demande)(?: is| has been| s| est)? (?:stuck|bloquee?)\b",
    r"\b(?:no|any) (?:news|updates?)\b",
    r"\b(?:heard nothing|haven t heard|not heard|no answer|no response|no reply|nobody (?:answers|replies))\b",
    r"\b(?:hasn t|has not|haven t|have not) (?:changed|moved|been updated|updated)\b",
    r"\b(?:taking so long|why so long|what s taking|taking longer|takes longer)\b",
    r"\b(?:prend|prennent) (?:plus de temps|plus longtemps|si longtemps|autant de temps)\b",
    rf"\b{_NOT_YET}{_SENT}\b[\w ]{{0,30}}\b(?:{_NUM} {_UNIT} ago|{_UNIT} ago|since|last {_MONTH}|in {_MONTH}|"
    rf"il y a|{_SINCE_FR}|en {_MONTH}|au {_MONTH})\b",
    # French
    r"\b(?:toujours|encore) (?:rien|pas|en attente|aucune?|en cours|en traitement)\b",
    r"\bj attends (?:toujours|encore|depuis|ma|mon|mes|le|la|les)\b",
    r"\b(?:attente|attends|attend|attendent|attendons|cours|traitement|examen|bloquee?s?|rien|bouge|change|avance) "
    r"[\w ]{0,25}\bdepuis\b",
    r"\b(?:pas de|aucune|plus de|sans) (?:nouvelles?|reponses?|mises? a jour|suivi)\b",
    r"\bdes nouvelles (?:de|du|des|sur|pour)\b",
    r"\bn (?:a|ont|avance) pas (?:bouge|change|avance)\b|\bn avance pas\b|\bsi long\b",
    rf"\b(?:ca|cela) fait {_NUM} {_UNIT} que\b",
    r"\ben attente\b",
]
# Asking about something of one's own file: received, approved, refused (why), speed up,
# cancel, change once submitted, when the decision comes.
_ABOUT = [  # (words one of which the message must hold, pattern)
    ("get got receive received recieve",
     r"\b(?:did|have|has) (?:you|ircc|they|u|cic|the visa office)(?: guys)? (?:get|got|receive|received|recieve)\b"),
    ("arrive there", rf"\bdid {_MY} [\w ]{{0,30}}\b(?:arrive|get there)\b"),
    ("approved received accepted finalized finalised",
     rf"\b(?:is|was|has|have|were|if) {_MY} [\w ]{{0,40}}\b(?:approved|received|accepted|finalized|finalised)\b"),
    ("refused rejected denied refuse refusee rejete rejetee",
     rf"\b{_WHY}\b[\w ]{{0,40}}\b(?:refused|rejected|denied|refusee?|rejetee?)\b[\w ]{{0,25}}\b{_MY}\b|"
     rf"\b{_MY}\b[\w ]{{0,40}}\b(?:refused|rejected|denied|refusee?|rejetee?)\b[\w ]{{0,25}}\b{_WHY}\b|"
     rf"\b{_WHY} [\w ]{{0,20}}\b{_MY}\b[\w ]{{0,40}}\b(?:refused|rejected|denied|refusee?|rejetee?)\b"),
    ("asked requested asking demande demandent",
     r"\b(?:asked|requested|asking|want|wants) (?:me|us|him|her|them)? ?(?:for|to send|to provide|to submit) "
     r"(?:more|additional|extra|supplementary|further|new|other) (?:documents?|docs|papers|information|info|proof|medical|medical exam)\b|"
     r"\b(?:m|nous|me|lui|on m|on nous|ils m|ils nous|l agent m|ircc m) (?:a|ont|ont demande|demandent|demande)"
     r"(?: demande)? (?:des|d autres|plus de|de nouveaux|encore des) (?:documents|docs|papiers|pieces|informations|"
     r"infos|preuves)(?: supplementaires| additionnel\w*| de plus)?\b"),
    ("when quand",
     rf"\b(?:when s|when is|whens|when will be) {_MY} [\w ]{{0,20}}\b(?:interview|appointment|ceremony|oath|test|hearing)\b|"
     rf"\b(?:c est quand|c quand|quand est|quand aura lieu|c koi la date de) {_MY} [\w ]{{0,20}}\b"
     r"(?:entrevue|entretien|rendez vous|rdv|ceremonie|serment|examen|audience)\b"),
    ("expedite speed fast rush accelerate accelerer accelerez acceleriez",
     rf"\b(?:expedite|speed up|fast track|rush|accelerate|accelerer|accelerez|acceleriez)\b [\w ]{{0,10}}\b{_MY}\b"),
    ("cancel withdraw annuler annulez retirer retirez",
     rf"\b(?:cancel|withdraw|annuler|annulez|retirer|retirez)\b {_MY} [\w ]{{0,25}}\b"
     r"(?:application|file|request|sponsorship|demande|dossier|parrainage)\b|"
     rf"\b(?:cancel|withdraw|annuler|annulez|retirer|retirez) {_MY} (?:application|file|demande|dossier)\b|"
     r"\b(?:cancel|withdraw|annuler|annulez|retirer|retirez) (?:the|la|le|l) (?:application|file|request|demande|"
     r"dossier) (?:i|we|that i|that we|que j ai|que nous avons|qu on a) (?:just )?(?:sent|submitted|made|filed|"
     r"envoyee?|soumise?|faite?|deposee?)\b"),
    ("wrong mauvais mauvaise",
     r"\b(?:uploaded|sent|submitted|envoye|televerse|soumis) (?:the|a|le|la|un|une) (?:wrong|mauvaise?)\b"),
    ("pending submitted process cours soumise envoyee traitement",
     r"\b(?:add|update|change|correct|replace|remove|ajouter|mettre a jour|modifier|corriger|remplacer)\b"
     r"[\w ]{0,50}\b(?:pending|submitted|in process|already submitted|en cours|deja soumise|deja envoyee|"
     r"en traitement)\b"),
    ("going happening en", rf"\b(?:what s|whats|wats|what is) (?:going on|happening) (?:with|on|to) {_MY}\b|"
                           rf"\bou en (?:est|sont) {_MY}\b"),
    # NLU round 21: what is wrong with one's own file, or becomes of it now ("qu'est-ce qui ne va pas avec ma
    # demande?", "what's wrong with my application", "Qu'est-ce qui arrive avec mon dossier maintenant?")
    # (not of a case supposed: "what happens to my application if I change jobs" stays general)
    ("wrong va cloche happen happens arrive passe",
     rf"\b(?:what s|whats|wats|what is) wrong with {_MY} (?:application|file|case|visa|eta|permit|profile)\b|"
     rf"\bqu est ce qui (?:ne va pas|cloche) (?:avec|dans) {_MY} (?:demande|dossier|ave|visa|permis|profil)\b|"
     rf"\bwhat (?:happens?|will happen) (?:now )?(?:with|to) {_MY} (?:application|file|case)\b"
     r"(?! (?:now )?(?:if|when|once|after|before|while)\b)|"
     rf"\bqu est ce qui (?:arrive|se passe|va se passer|va arriver) (?:maintenant )?(?:avec|a) {_MY} "
     r"(?:demande|dossier)\b(?! (?:maintenant )?(?:si|s|quand|lorsque|une fois|apres|avant|pendant)\b)"),
    ("cancelled canceled postponed rescheduled annule annulee reporte reportee",
     rf"\b{_MY} [\w ]{{0,25}}\b(?:interview|ceremony|oath|test|hearing|appointment|entrevue|ceremonie|serment|"
     r"examen|audience|rendez vous)\b[\w ]{0,30}\b(?:cancelled|canceled|postponed|rescheduled|annulee?|"
     r"reportee?)\b"),
    ("when", r"\bwhen will (?:i|we) (?:get|receive|hear)(?: back| a| an| the)? ?(?:decision|answer|response|news|back)\b"),
    ("quand", r"\bquand (?:vais je|aurai je|est ce que je vais|j aurai|je vais) (?:recevoir|avoir) "
              r"(?:une|la|ma) (?:reponse|decision)\b"),
    ("recu", r"\b(?:avez vous|vous avez|a t il|a t elle|a t on|ircc a) (?:bien )?recu (?:mon|ma|mes)\b"),
    ("recu recue recus recues approuve approuvee approuves approuvees accepte acceptee acceptes acceptees "
     "arrive arrivee arrives arrivees enregistre enregistree enregistres enregistrees",
     rf"\b{_MY} (?:documents?|papiers|resultats|formulaires?|dossier|passeport|certificat|demande|biometrie|"
     rf"empreintes)[\w ]{{0,40}}\b(?:(?:a|ont)(?: t il| t elle)? (?:ete|bien ete) (?:recue?s?|approuvee?s?|"
     r"acceptee?s?|enregistree?s?)|"
     r"(?:est|sont)(?: ils| elles| il| elle)? (?:bien )?arrivee?s?)\b"),
]
# A document the agency issued to the client (NLU round 17: a mistake on it is the agent's to correct).
_ISSUED = (r"(?:copr|crp|pr card|carte de rp|carte de resident permanent|carte rp|work permit|study permit|"
           r"permis de travail|permis d etudes?|visitor record|fiche de visiteur)")
# One's own refusal to appeal, a card mailed that never came, a fee paid but shown unpaid,
# someone asked to look at one's file.
_ABOUT += [
    # whether an officer has started on one's file ("has an officer been assigned to my pr file",
    # "est-ce qu'un agent a commencé à traiter ma demande"): only the file says
    ("assigned assigne assignee commence started",
     r"\b(?:an? (?:officer|agent|case officer)|un agent|une agente?|un officier|quelqu un|someone|anyone)\b"
     r"(?: (?:has|have|a|been|ete|deja|already|yet|encore))* (?:been assigned|assigned|assigne|assignee|"
     rf"commence a (?:traiter|examiner|etudier|regarder)|started (?:processing|working on|reviewing|to process|"
     rf"to review|looking at))(?: (?:to|on|a|sur))? {_MY}\b"),
    # ... with the helping verb between ("can an officer look at my profile", "un agent peut-il
    # regarder mon profil"), and the file named by its program ("my express entry profile")
    ("look check regarder verifier consulter review revoir reexaminer reconsider reconsiderer examine",
     rf"\b(?:someone|somebody|you|an agent|an officer|quelqu un|vous|un agent|une agente|un officier)"
     r"(?: (?:can|could|please|pls|peut il|peut elle|peut|pourrait il|pourrait|pourriez vous|pouvez vous|svp))?"
     r" (?:look|check|have a look|take a look|review|regarder|verifier|consulter|revoir|examiner|"
     rf"jeter un (?:oeil|coup d oeil))(?: at| into| over| a)? {_MY}(?: \w+){{0,2}} (?:file|application|case|"
     r"profile|dossier|demande|profil)\b|"
     # NLU round 21: a refusal an officer is asked to look at again ("my mom super visa refused 2nd time, can an
     # officer review it again", "..., un agent peut revoir le dossier?")
     r"\b(?:an? (?:officer|agent)|un agent|une agente|un officier)(?: (?:can|could|peut il|peut elle|peut|pourrait))?"
     r" (?:review|re examine|reexamine|reconsider|revoir|reexaminer|reconsiderer)"
     r" (?:it|this|that|the (?:file|application|case|decision)|le dossier|la demande|la decision)\b"),
    ("unpaid paye payee impaye impayee",
     r"\b(?:paid|payment|charged|debited|paiement|paye|payee|debite|debitee|preleve)\b[\w ]{0,50}\b"
     r"(?:shows?|says?|still|marked|dit|affiche|indique|marque)\b[\w ]{0,15}\b"
     r"(?:unpaid|not paid|non payee?s?|pas payee?s?|impayee?s?|paiement manquant|payment missing)\b"),
    ("ask", r"\b(?:ircc|they|you|cic|the officer|the visa office) ask (?:me|us|him|her|them|my \w+) (?:for|to send|to do) (?:an? |the )?"
            r"(?:more|additional|extra|another|a new|new|a second) (?:documents?|docs|papers|medical|proof|info)\b"),
    ("reason reasons raison raisons motif motifs",
     rf"\b{_MY} [\w ]{{0,30}}\b(?:was|got|has been|a ete|est) (?:refused|rejected|denied|refusee?|rejetee?)\b"
     r"[\w ]{0,40}\b(?:reasons?|raisons?|motifs?)\b"),
    # a deadline in the client's own letter extended, the officer on their file, something of
    # theirs checked ("can you extend that deadline for me", "l'agent qui s'occupe de mon dossier",
    # "verifiez svp si mes empreintes ont ete enregistrees")
    ("extend prolonger rallonger repousser",
     r"\b(?:extend|prolong|push back|prolonger|rallonger|repousser)\b (?:the|that|this|my|le|ce|mon|la|cette|ma) "
     r"(?:deadline|due date|delai|date limite|echeance)\b"),
    ("officer agent officier",
     rf"\b(?:officer|agent|officier)s? (?:who is |who s |qui )?(?:handling|in charge of|working on|assigned to|"
     rf"traite|s occupe de|responsable de|en charge de|charge de) {_MY} (?:file|application|case|dossier|demande)\b"),
    ("check verifiez verifier",
     rf"\b(?:can you|could you|please|pls|plz|kindly|verifiez|pouvez vous verifier|vous pouvez verifier|"
     rf"pourriez vous verifier)(?: please| pls| svp| s il vous plait| stp)? (?:check|verify|confirm|verifier)?"
     rf"(?: svp| s il vous plait| stp)? ?(?:if|whether|si) {_MY}\b|"
     # NLU round 21: "can u check if its close to done"
     r"\b(?:can|could) (?:you|u) (?:please |pls )?check (?:if|whether) (?:it s|its|it is) (?:close to |almost |nearly )?"
     r"(?:done|ready|approved|processed|finished|complete|completed)\b"),
    # asked to fix or change what an officer wrote ("can you fix it", "vous pouvez corriger ça") or
    # to check one's status, said as an order ("check status of my citizenship application please")
    ("fix correct change modify corriger modifier changer corrected fixed rectified rectifier corrige rectifie",
     r"\b(?:can|could|will) you (?:please |pls |kindly )?(?:fix|correct|change|modify|amend) (?:it|that|this)\b|"
     r"\b(?:vous pouvez|pouvez vous|pourriez vous|tu peux|peux tu) (?:svp |s il vous plait )?"
     r"(?:corriger|modifier|changer|rectifier) (?:ca|cela|ceci|ce|le|la|l erreur)\b(?! \w+ (?:de|d|du) (?:mon|ma|mes)\b)|"
     # NLU round 20: what an officer gave asked to be corrected, said without "you" ("The officer at the border
     # gave me only 3 months instead of 6. Can this be corrected?", "... au lieu de 6, on peut corriger ça?")
     r"\b(?:can|could) (?:this|that) be (?:corrected|fixed|rectified)\b|"
     r"\b(?:on peut|peut on) (?:le |la |l )?(?:corriger|rectifier) (?:ca|cela)\b|"
     r"\b(?:ca|cela) (?:peut|peut il) etre (?:corrige|rectifie)\b"),
    ("check", rf"^(?:please |pls |plz |kindly )?check (?:the )?(?:status|progress) of {_MY}\b"),
    # NLU round 27: one's own visa or file asked after as accepted ("mon visa est accepté?"), not a case supposed
    # ("si mon visa est accepté, ...")
    ("accepte acceptee approuve approuvee",
     rf"(?<!\bsi )(?<!\bquand )(?<!\blorsque )(?<!\bune fois que )\b{_MY} (?:visa|ave|demande|dossier|permis) "
     r"(?:est|a ete)(?: il| elle)? (?:deja )?(?:acceptee?|approuvee?)\b"),
    # NLU round 27: a file someone is told to look at, in French's imperative ("svp regardez son dossier",
    # "verifiez mon dossier svp"): the client's or a relative's, never the rules
    ("regardez verifiez consultez checkez", r"\b(?:regardez|verifiez|consultez|checkez)(?: svp| s il vous plait| stp)?"
     r" (?:son|sa|leur|mon|ma|notre) (?:dossier|demande|profil)\b"),
    # the status of one's file asked of the bot, and whether a step of it is done (NLU round 14:
    # "what is the status of my file", "is my biometrics done? i went to vac yesterday"); how to
    # check it oneself stays general (_GENERAL)
    ("status statut", r"\b(?:what is|what s|whats|wats|tell me|give me|quel est|c est quoi|cest quoi) "
                      rf"(?:the|le) (?:status|statut) (?:of|de|du) {_MY}\b"),
    ("done completed recorded registered processed",
     rf"(?<!how )(?<!where )(?<!when )(?<!why )\b(?:is|are|was|were|has|have) {_MY} [\w ]{{0,30}}\b"
     r"(?:done|completed|recorded|registered|processed)\b"),
    ("status statut suivi tracker",
     rf"\b(?:{_MY} (?:status|application status|statut|suivi|tracker)|(?:the|le) (?:status|statut) (?:of|de) {_MY} "
     rf"(?:application|file|demande|dossier))\b[\w ]{{0,30}}\b"
     r"(?:changed|has changed|a change|change|a bouge|is now|est maintenant|est passe|dit|says|shows|affiche)\b"
     r"[\w ]{0,60}\b(?:approved|approuvee?|revenu|back to|retour|went back)\b"),
    ("where ou never jamais",
     rf"\b{_MY} [\w ]{{0,30}}\b(?:card|passport|certificate|carte|passeport|certificat)\b[\w ]{{0,20}}\b"
     r"(?:was|got|has been|a ete|est) (?:mailed|sent|posted|shipped|envoyee?|postee?|expediee?)\b[\w ]{0,40}\b"
     r"(?:where is it|where s it|never (?:came|arrived|got)|ou est elle|ou est il|elle est ou|il est ou|"
     r"jamais (?:recue?|arrivee?))\b"),
    ("never jamais",
     rf"\b{_MY} [\w ]{{0,20}}\b(?:card|passport|certificate|carte|passeport|certificat)\b[\w ]{{0,15}}\b"
     r"(?:never (?:came|arrived|showed up|got here)|has not arrived|hasn t arrived|didn t arrive|"
     r"n est jamais (?:arrivee?|venue?)|est jamais (?:arrivee?|venue?)|jamais (?:recue?|arrivee?))\b"),
    # NLU round 17: whether the result of one's own test is out ("can you tell me if my citizenship test
    # result is in", "mon résultat d'examen de citoyenneté est sorti?"), an appointment of one's own the
    # agency is asked to move ("vous pouvez la déplacer?", "can you reschedule my interview"), and a
    # mistake on one's own issued document told, with or without a request to fix it ("I have my COPR
    # but the address on it is wrong", "ma CRP a une faute dans mon nom")
    ("result results resultat resultats",
     rf"\b(?:is|are|if|whether) {_MY} [\w ]{{0,30}}\bresults? (?:is |are )?(?:in|out|ready|available|back|up)\b|"
     rf"\b{_MY} resultats? (?:de |d |du )?(?:l )?(?:examen|test)\b[\w ]{{0,30}}\b(?:est|sont) (?:sortie?s?|prete?s?|disponibles?)\b"),
    ("deplacer reporter changer reschedule move postpone",
     r"\b(?:can|could|would|will) you (?:please |pls |kindly )?(?:reschedule|move|postpone) (?:it|that|this|my|our|the date)\b|"
     r"\b(?:vous pouvez|pouvez vous|pourriez vous|tu peux|peux tu) (?:svp |s il vous plait )?(?:le |la |les |l )?"
     r"(?:deplacer|reporter)\b|"
     r"\b(?:vous pouvez|pouvez vous|pourriez vous|tu peux|peux tu) (?:svp |s il vous plait )?changer la date\b"),
    ("wrong incorrect misspelled misspelt fausse faux erronee errone incorrecte erreur faute",
     rf"\b{_MY} {_ISSUED}\b[\w ]{{0,60}}\b(?:(?:is|are|s) (?:wrong|incorrect|misspelled|misspelt)|"
     r"(?:est|sont) (?:fausses?|faux|erronee?s?|incorrecte?s?)|(?:une|des) (?:erreurs?|fautes?))\b|"
     rf"\b{_MY} {_ISSUED}\b[\w ]{{0,30}}\b(?:but|mais)\b[\w ]{{0,40}}\b(?:on it|dessus|in it|dedans)\b"
     r"[\w ]{0,10}\b(?:is|are|s|est|sont) (?:wrong|incorrect|fausses?|faux|erronee?s?|incorrecte?s?)\b"),
    # NLU round 19: a letter, card or invitation the agency is asked to send again ("my interview letter went to the
    # old address. Can you resend it to me?", "pouvez-vous me la renvoyer ?"): only an agent can
    ("resend renvoyer reenvoyer",
     r"\b(?:can|could|would|will) (?:you|u) (?:please |pls |kindly )?(?:resend|re send) (?:it|that|this|them|me|my|the|our)\b|"
     r"\b(?:vous pouvez|pouvez vous|pourriez vous|tu peux|peux tu) (?:svp |s il vous plait )?(?:me |nous )?(?:le |la |les |l )?"
     r"(?:renvoyer|reenvoyer)\b"),
]
# A refusal of the client's own application they want to appeal, or their card already mailed
# to an old address: theirs even when phrased "can I" / "je peux" / "que faire" (which
# otherwise read as general questions).
_APPEAL = re.compile(
    rf"\b{_MY} [\w ]{{0,30}}\b(?:was|got|has been|have been|were|a ete|ont ete|est|sont)(?: just)? "
    r"(?:refused|rejected|denied|refusee?s?|rejetee?s?)\b[\w ]{0,50}\b"
    r"(?:appeal|contest|challenge|contester|faire appel|recours|appel)\b|"
    # the refusal as a noun: "mon conjoint a recu un refus ... on peut faire appel", "we got a
    # rejection letter, can we appeal"
    rf"\b(?:{_MY} \w+(?: \w+)?|i|we|on|j|je|nous) (?:got|received|have|had|a|ai|avons|avait|avais)"
    r"(?: (?:recu|eu|just))? (?:a|an|un|une|the|le|la|une lettre de|a letter of) (?:visa )?"
    r"(?:refusal|rejection|refus|rejet)\b[\w ]{0,60}\b"
    r"(?:appeal|contest|challenge|contester|faire appel|recours|appel)\b|"
    # and a card or passport already mailed to an old address: the agent must trace it
    rf"\b{_MY} [\w ]{{0,30}}\b(?:card|passport|certificate|carte|passeport|certificat)\b[\w ]{{0,20}}\b"
    r"(?:was|got|has been|a ete|est) (?:mailed|sent|posted|shipped|envoyee?|postee?|expediee?) "
    rf"(?:to|at|a|au|chez) (?:{_MY}|the|l) ?(?:old|previous|former|ancienne?|vieille|precedente?) "
    r"(?:address|place|apartment|adresse|appart\w*|logement)\b")
_WAIT_WORDS = _set("""
attend attendent attendons still been pending stuck progress process review processing waiting news update updates heard answer
response reply nobody changed moved updated long taking ago since depuis il toujours encore attends
attente nouvelles nouvelle reponse reponses suivi bouge avance fait bloque bloquee longer prend prennent
""")
# A question a general answer covers (what to do, how to see one's status, may I keep working
# while I wait...): the client waits on their file, but asks what the KB answers.
_GENERAL = re.compile(
    r"\b(?:what (?:should|can|do) (?:i|we) do|what to do|what do i do now|que faire|quoi faire|"
    r"que dois je faire|je fais quoi|how (?:can|do|could) (?:i|we) (?:see|know|check|follow|track|find out)|"
    # where to check it oneself too (NLU round 20: "where can i check if my visa got approved, which website")
    r"how to (?:know|see|check|track|follow)|how i see|where (?:can|do|could) (?:i|we) (?:see|check|track|follow)|"
    r"comment (?:savoir|voir|suivre|verifier|je)|"
    r"comment (?:jfais|je fais|on fait|faire) pour (?:voir|savoir|suivre|verifier)|"
    r"(?:can|may|could) (?:i|we|my \w+|he|she) (?:still |keep |continue )?(?:work|keep|continue|travel|stay|"
    r"study|leave|pay|move)|(?:puis je|je peux|je continue|(?<!agent )(?<!agente )(?<!officier )(?<!quelqu un )"
    r"peut (?:il|elle))|do i (?:have|need)|dois je|"  # not "un agent peut-il regarder ..."
    # what the client may do once back or while the file waits (NLU round 13)
    r"will (?:i|we|he|she|they) (?:still )?be (?:able|allowed) to|(?:je|il|elle|on) (?:pourrai|pourra) "
    r"(?:encore |toujours )?(?:continuer a |continuer de )?(?:travailler|rester|etudier|voyager|revenir|sortir|rentrer)|"
    r"while (?:i m |i am )?waiting|while my|while his|while her|en attendant|pendant (?:que|l attente)|"
    r"am i (?:legal|illegal|allowed|ok)|en regle|is (?:it|that) (?:ok|okay|legal)|what happens if|"
    r"que se passe t il si|(?:do|will|would|can|could) (?:i|we) get (?:a refund|my money back|refunded|reimbursed) if|"
    r"(?:suis je|je suis|je serai|serai je|on est|est ce qu on est) rembourse\w* si|"
    # NLU round 15: how long it takes as a rule ("normally how long it takes?"), how a relative
    # sees the status himself ("comment il peut voir lui-même l'état de sa demande"), and a wait
    # on a school's offer, not on a file ("still waiting for offer from the college")
    r"normally how long|how long (?:does it |it |do they |would it )?(?:normally|usually) takes?|"
    r"normalement (?:c est |ca prend |ca peut prendre )?combien de temps|combien de temps (?:ca prend )?normalement|"
    r"(?:is there a way|how (?:can|do|could)) (?:for )?(?:he|she|they|him|her|them|my \w+) (?:can )?"
    r"(?:see|know|check|follow|track|find out)|"
    r"comment (?:il|elle|ils|elles|mon \w+|ma \w+) (?:peut|peuvent|pourrait|pourraient) (?:lui meme |elle meme |eux memes )?"
    r"(?:voir|savoir|suivre|verifier)|"
    r"waiting for (?:an? |the |my )?(?:offer|admission|acceptance|loa)(?: letter)? from|"
    r"j attends (?:encore |toujours )?(?:l |la |une |mon |ma )?(?:offre|admission|lettre d admission|lettre d acceptation) "
    r"(?:de|du|d)\b|"
    # NLU round 16: a case supposed ("what if my eTA isn't approved right away, how long can it take",
    # "et si ..."), and whether a step given years ago must be given again ("je dois les refaire?",
    # "do I have to redo my fingerprints"; "je dois recommencer?" since round 20)
    r"what if|et si|je dois (?:les |la |le |l )?(?:refaire|redonner|recommencer)|"
    r"(?:redo|refaire|redonner) (?:my |mes |the |les |ma |la )?(?:biometrics|fingerprints|empreintes|biometrie)|"
    # what a programme covers, asked while one's own claim waits ("waiting for my hearing. Does the
    # federal health program cover dental", "en attente d'audience. Le programme ... couvre le dentiste?")
    r"(?:does|do|will|would|is|are) (?:it|they|the \w+(?: \w+){0,3}) (?:cover|covered)|"
    r"\bcouvre(?:nt)? (?:le|la|les|l|aussi|quoi|bien)|"
    # NLU round 19: the programme named before "covers" ("IFHP covers meds?? im a refugee claimant waiting for my hearing")
    r"\b(?:ifhp|pfsi|(?:health|federal|interim) (?:program|programme|plan|coverage|insurance)) covers?\b|"
    # NLU round 18: whether one may keep working once the permit's end date passes, an extension asked for
    # (maintained status, 020601: "whether I'm allowed to keep working after Friday", "my boss is asking if I can
    # still come to work after ...", "le droit de continuer à travailler après vendredi")
    r"(?:am i|i m|i am|is (?:he|she)|are (?:we|they)|if i m|if i am) (?:still )?allowed to (?:keep |continue )?work\w*|"
    r"(?:keep|continue|still come to) work\w* (?:after|past|beyond|until)|"
    r"(?:continuer|rester) (?:a|de) travailler (?:apres|pendant|jusqu)"
    r")\b")
# The biometric instruction letter not come yet (after the fee was paid, "still no instruction letter
# in my account"): a general answer says where it shows up and when (090102), not an agent. NLU round 25: "pas la"
# too ("j'ai payé la biométrie il y a 2 semaines et je n'ai toujours pas la lettre").
_NO_BIOMETRICS_LETTER = re.compile(
    r"\b(?:instructions? letter|bil|lettre d instructions?|lettre d instruction)\b|"
    r"\bbiometri\w*\b[\w ]{0,80}\b(?:no|any|pas de|pas la|aucune|pas recu la|not received the|not got the) (?:letter|lettre)\b")
# A mistake in the client's own record or document asked to be corrected by the agency ("the date of
# birth on my visitor record is wrong. Please correct it", "corrigez mon nom sur ma demande, il y a une
# faute"; NLU round 15): an error word, and a request that someone else fix it.
_ERROR_WORDS = _set("wrong incorrect misspelled misspelt mistake error erreur faute mal incorrecte")
_FIX_REQUEST = re.compile(
    r"\b(?:(?:can|could|would|will) (?:you|u|someone|somebody|an officer|ircc) (?:please |kindly |pls )?|"
    r"(?:please|pls|plz|kindly|urgently) )(?:correct|fix|rectify|amend)\b|"
    r"\b(?:correct|fix|rectify|amend) (?:it|this|that|them) (?:please|pls|urgently|asap|for me|on your side)\b|"
    r"\b(?:pouvez vous|vous pouvez|pourriez vous|svp|stp|merci de) (?:le |la |les |me |nous )?"
    r"(?:corriger|rectifier)\b|\bcorrigez\b")
# An eTA asked for a day ago or less and no e-mail yet (NLU round 15): most come within minutes, some in a
# few days, which the general answer says (010102); a wait of days on one's eTA stays the client's own.
_ETA_SOON = re.compile(
    r"\b(?:eta|ave|autorisation de voyage)\b[\w ]{0,60}?\b(?:yesterday|hier|this morning|ce matin|last night|"
    r"tonight|ce soir|today|aujourd hui|(?:an|one|two|few|\d+) hours?|(?:une|deux|quelques|\d+) heures?)\b")
_OWN = [(frozenset(words.split()), re.compile(pattern)) for words, pattern in _ABOUT]
_WAIT = re.compile("|".join(f"(?:{p})" for p in _WAITING))
_MINE = re.compile(rf"\b(?:{_MY}|i|j|je|we|nous|applied|attends)\b")


_normal = lru_cache(maxsize=256)(normalize)  # both cues read the same message


@lru_cache(maxsize=1024)
def own_file_cue(text: str) -> bool:
    """The message speaks of the client's own application (see the module's docstring)."""
    words = _normal(text)
    tokens = set(words.split())
    found = any(gate & tokens and pattern.search(words) for gate, pattern in _OWN) or bool(
        _WAIT_WORDS & tokens and _WAIT.search(words) and _MINE.search(words) and not _ETA_SOON.search(words)) or bool(
        _ERROR_WORDS & tokens and _FIX_REQUEST.search(words) and _MINE.search(words))
    found = (found and not _GENERAL.search(words) and not _NO_BIOMETRICS_LETTER.search(words)) or bool(
        _APPEAL.search(words))
    return found and not _other_programme(words, tokens)


# Other countries, as clients name them (nationality adjectives and countries, EN and FR;
# ``_`` joins the words of one name).
_DEMONYMS_EN = """
afghan albanian algerian american angolan argentine argentinian armenian australian austrian
azerbaijani bangladeshi belarusian belgian beninese bolivian bosnian brazilian british
bulgarian burkinabe burmese burundian cambodian cameroonian chadian chilean chinese colombian
congolese costa_rican croatian cuban czech danish djiboutian dominican dutch ecuadorian
egyptian emirati english eritrean estonian ethiopian fijian filipino finnish french gabonese
gambian georgian german ghanaian greek guatemalan guinean guyanese haitian honduran hungarian
icelandic indian indonesian iranian iraqi irish israeli italian ivorian jamaican japanese
jordanian kazakh kenyan korean kosovar kuwaiti kyrgyz lao latvian lebanese liberian libyan
lithuanian malagasy malawian malaysian malian maltese mauritanian mauritian mexican moldovan
mongolian montenegrin moroccan mozambican namibian nepalese nepali nicaraguan nigerian nigerien
norwegian omani pakistani palestinian panamanian paraguayan peruvian philippine polish
portuguese qatari romanian russian rwandan salvadoran saudi scottish senegalese serbian
sierra_leonean singaporean slovak slovenian somali south_african spanish sri_lankan sudanese
swedish swiss syrian taiwanese tajik tanzanian thai togolese trinidadian tunisian turkish
turkmen ugandan ukrainian uruguayan uzbek venezuelan vietnamese yemeni zambian zimbabwean
us usa uk
"""
_DEMONYMS_FR = """
afghane albanais algerien algerienne americain americaine argentin allemand allemande
armenien australien autrichien bangladais belge beninois bolivien bresilien britannique
bulgare burkinabe burundais cambodgien camerounais camerounaise centrafricain chilien chinois
chinoise colombien colombienne congolais congolaise coreen coreenne croate cubain danois
djiboutien dominicain ecossais egyptien egyptienne equatorien espagnol estonien ethiopien
francais gabonais gambien ghaneen grec guatemalteque guineen haitien haitienne hongrois indien
indienne indonesien iranien irakien irlandais israelien italien italienne ivoirien ivoirienne
jamaicain japonais jordanien kenyan koweitien libanais libanaise liberien libyen lituanien
malgache malien malienne marocain marocaine mauricien mauritanien mexicain mexicaine moldave
nepalais nigerian nigerien norvegien pakistanais palestinien peruvien philippin polonais
portugais portugaise qatari roumain russe rwandais salvadorien saoudien senegalais senegalaise
serbe singapourien slovaque somalien soudanais sri_lankais suedois suisse syrien taiwanais
tanzanien tchadien tcheque thailandais togolais tunisien tunisienne turc turque ukrainien
ukrainienne uruguayen venezuelien vietnamien yemenite zambien zimbabween
"""
_COUNTRIES = """
afghanistan algeria argentina australia austria bangladesh belgium brazil china colombia
cuba egypt england europe france germany ghana greece haiti india iran iraq ireland italy
jamaica japan kenya korea lebanon mexico morocco nepal nigeria pakistan peru philippines
poland portugal russia senegal spain sri_lanka switzerland syria tunisia turkey uk ukraine
united_kingdom united_states usa us america the_us the_usa the_states vietnam dubai uae
schengen area
algerie allemagne angleterre australie autriche belgique bresil chine colombie egypte espagne
etats_unis amerique grece haiti inde irlande italie japon liban maroc mexique portugal
royaume_uni russie senegal suisse tunisie turquie vietnam
"""
_TRAVEL_TO_CANADA = re.compile(
    r"\b(?:eta|ave|trv|vrt|visit canada|come to canada|travel to canada|fly to|flying to|enter canada|"
    r"venir au canada|visiter le canada|entrer au canada|voyager au canada|je vole vers|vol pour|vol vers|"
    r"flight|transit|transiter|layovers?|stopovers?|connecting flights?|correspondances?|escales?|need to come|go canada|go to canada|come canada|aller au canada|sejour|"
    r"for canada|pour le canada|canadian visa|visa canadien|canada visa|canada eta|canadian eta|visa canada|"
    r"visa du canada|j arrive|canadian border|frontiere canadienne|"
    # NLU round 19: the eTA spelt out, and a Canadian visa of a kind ("a Brazilian passport and a US visa ... does
    # she need a Canadian visitor visa or just the electronic authorization")
    r"electronic (?:travel )?authori[sz]ation|autorisation de voyage electronique|"
    r"canadian (?:visitor|tourist|student|work|transit) visa|visa (?:de )?(?:visiteur|touriste|transit) (?:canadien|pour le canada)|"
    r"by car|by train|en voiture|en train|en auto)\b")


def _alternatives(words: str) -> str:
    """A regular expression of the words (``_`` joins the words of one name), longest first."""
    names = sorted((w.replace("_", " ") for w in words.split()), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(name) for name in names) + ")"


_DEMONYM_EN = _alternatives(_DEMONYMS_EN)
_DEMONYM_FR = _alternatives(_DEMONYMS_FR)
_COUNTRY = _alternatives(_COUNTRIES)
_PASSPORT_WORK = (r"(?:renew|renewal|renewing|replace|replacement|lost|stolen|expired|expiring|expires|"
                  r"apply|application|get|new|consulate|embassy|high commission|renouveler|renouvellement|"
                  r"remplacer|perdu|vole|expire|demande|obtenir|nouveau|consulat|ambassade)")
_OTHER = [
    rf"\b{_DEMONYM_EN} passports?\b",
    rf"\bpasseports? {_DEMONYM_FR}\b",
    rf"\bpassports? (?:of|from) {_COUNTRY}\b",
]
_FOREIGN_VISA = [
    rf"\bvisas? (?:for|to|to go to|to visit|to travel to|to enter|pour|pour aller|pour aller aux|pour aller en|"
    rf"pour aller au|pour les|pour la|pour le|pour l|aux|en|au) (?:the )?{_COUNTRY}\b",
    rf"\b{_DEMONYM_EN} (?:work |tourist |student |visitor |b1 |b2 |b1 b2 |transit )?visas?\b",
    rf"\bvisas? (?:de travail |d etudiant |de touriste |touriste )?{_DEMONYM_FR}\b",
    r"\b(?:us|american|usa) green card|\bcarte verte (?:americaine|des etats unis)\b",
    r"\b(?:schengen visa|visa schengen|social security number|titre de sejour)\b",
]
# Other departments' and governments' programmes, by the names clients use; a message that
# also names an immigration matter (``taxes`` for citizenship, a SIN with a work permit) is
# left to the NLU.
_PROGRAMMES = re.compile(
    r"\b(?:tax returns?|income tax|file (?:my )?taxes|my taxes|notice of assessment|cra|gst|hst|gst credit|"
    r"employment insurance|ei|social insurance|sin card|sin number|"
    r"a sin|health card|ohip|ramq|msp|driver s licen[cs]e|driving licen[cs]e|drivers licen[cs]e|g1|g2|"
    r"road test|child benefit|ccb|cpp|qpp|rrq|canada pension plan|quebec pension plan|regie des rentes|"
    r"regime de rentes du quebec|regime de pensions du canada|old age security|oas|welfare|social assistance|birth certificate|"
    r"marriage certificate|death certificate|register to vote|nexus|student loan|osap|register my business|"
    r"family doctor|vaccine record|(?<!rcmp )(?<!grc )criminal record check|student grant|"
    r"declaration d impots|declaration de revenus|impots|avis de cotisation|arc|tps|tvh|assurance emploi|"
    r"assurance sociale|nas|carte nas|carte sante|carte d assurance maladie|permis de conduire|"
    r"permis d apprenti|allocation canadienne pour enfants|pension de vieillesse|securite de la vieillesse|"
    r"aide sociale|certificat de naissance|acte de naissance|certificat de mariage|voter|carte nexus|"
    r"pret etudiant|pret et bourse|bourse d etudes provinciale|bourse provinciale|garderie|medecin de famille|"
    r"casier judiciaire pour un emploi|revenu quebec|retraite quebec|saaq|service ontario|serviceontario|"
    r"enregistrer mon entreprise|peq|arrima|csq|mifi|quebec experience program|"
    r"programme de l experience quebecoise|quebec selection certificate|certificat de selection du quebec)\b")
_PROGRAMME_GATE = frozenset(re.findall(r"[a-z0-9]+", _PROGRAMMES.pattern)) - {"b", "a", "my", "s", "cs", "d", "de", "of"}
_IMMIGRATION = re.compile(
    r"\b(?:citizenship|citizen|citoyennete|citoyen|pr|rp|permanent resid\w*|residence permanente|"
    r"resident permanent|work permit|study permit|permis de travail|permis d etudes|visa|eta|ave|sponsor\w*|"
    r"parrain\w*|refugee|refugie|asylum|asile|ircc|immigration|immigrer|express entry|entree express|"
    r"pgwp|ptpd|lmia|eimt|biometrics?|biometrie|international students?|etudiants? internationa\w*|claimants?|"
    r"demandeurs?|proof of funds|preuve de fonds|ifhp|pfsi|medical exam|examen medical|medicals|"
    r"immigration medical|visites? medicales?|controle medical)\b")
# Another country's immigration programme, the country next to it (``uk eta``, ``new zealand
# working holiday``, ``australia pr points``, ``PVT Australie``, ``ETA pour le Royaume-Uni``);
# never ``us``/``usa`` (``an eta for us``), and a message that names Canada is left to the NLU.
_ABROAD = _alternatives("""
australia australie new_zealand nouvelle_zelande uk united_kingdom royaume_uni britain great_britain
england angleterre ireland irlande the_us the_usa the_states united_states etats_unis japan japon
korea coree germany allemagne france europe schengen dubai uae singapore singapour usa
""")
_NOT_HOLDER = r"(?! (?:citizens?|passports?|nationals?|residents?|holders?|citoyens?|passeports?|ressortissants?))"
# "pr card" is Canada's wherever the client is (NLU round 21: "im in dubai pr card expired need to fly back").
_SCHEME = (r"(?:working holiday(?: visa)?|whv|pvt|eta|esta|etias|pr(?! cards?\b)|permanent residency|permanent residence|"
           r"points (?:test|calculator|system)|pr points|skilled (?:worker|migration|visa|independent)\w*|"
           r"student visa|work visa|tourist visa|visitor visa|blue card|citizenship|residence permit|"
           r"carte bleue|residence permanente|visa vacances travail|visa etudiant|visa de travail)")
_SCHEME_ABROAD = re.compile(
    rf"\b(?:{_ABROAD}(?: s)? {_SCHEME}|{_SCHEME} (?:for |to |in |pour |au |aux |en |pour l |pour le |pour la |"
    rf"pour les |a |de l |du |de la |des )?(?:the )?{_ABROAD}{_NOT_HOLDER})\b")
_SCHEME_GATE = _set("""working whv pvt eta esta etias pr permanent points skilled student work tourist visitor
blue citizenship residence carte visa""")
_CANADA = re.compile(r"\b(?:canada|canadian visa|visa canadien|here|ici|come|venir|from|viens|originaire)\b")
_PASSPORT_OTHER = re.compile("|".join(f"(?:{p})" for p in _OTHER))
_PASSPORT_WORDS = re.compile(rf"\b{_PASSPORT_WORK}\b")
_VISA_OTHER = re.compile("|".join(f"(?:{p})" for p in _FOREIGN_VISA))


_PASSPORT_GATE = _set("passport passports passeport passeports")
_VISA_GATE = _set("visa visas green verte schengen security sejour")


def _other_programme(words: str, tokens: set[str]) -> bool:
    """Another department's programme named, and no immigration matter (a file stuck at
    Revenu Québec is theirs to answer, not an IRCC agent's)."""
    return bool(_PROGRAMME_GATE & tokens and _PROGRAMMES.search(words) and not _IMMIGRATION.search(words))


def _abroad_scheme(words: str, tokens: set[str]) -> bool:
    """Another country's visa, eTA-like scheme, working holiday or residence, in a message
    that does not name Canada nor say where the client comes from."""
    return bool(_SCHEME_GATE & tokens and _SCHEME_ABROAD.search(words) and not _CANADA.search(words))


# A writing job nobody at the agency does (NLU round 15: "Can you help me write a love letter?" was
# answered with 051102, what to write in a letter of explanation): a poem, a love letter, a song, a
# birthday message, a speech or an essay. Not a story (a refugee claim's narrative), a cover letter
# or a "lettre de motivation" (a study permit's), a CV, nor any other letter.
_WRITING_GATE = _set("write writing compose ecrire rediger")
_WRITING_JOB = re.compile(
    r"\b(?:write|writing|compose|ecrire|rediger)\b[\w ]{0,25}?\b(?:poems?|poemes?|love letters?|lettres? d amour|"
    r"songs?|chansons?|birthday (?:message|card|wish|wishes|poem)|speech|discours|essay|rap)\b")


@lru_cache(maxsize=1024)
def other_service_cue(text: str) -> bool:
    """Another department's or country's service (see the module's docstring), or a writing job."""
    words = _normal(text)
    tokens = set(words.split())
    if _other_programme(words, tokens) or _abroad_scheme(words, tokens):
        return True
    if _WRITING_GATE & tokens and _WRITING_JOB.search(words):
        return True
    passport = _PASSPORT_GATE & tokens and _PASSPORT_OTHER.search(words) and _PASSPORT_WORDS.search(words)
    visa = _VISA_GATE & tokens and _VISA_OTHER.search(words)
    return bool((passport or visa) and not _TRAVEL_TO_CANADA.search(words))


# -- self-introductions ---------------------------------------------------------------------
# "hi its [PERSON], my email is [EMAIL], how much is a study permit": a greeting, a name, how to
# reach the client and where they live say who asks, not what. The NLU learnt "it's about my
# file" / "c'est pour mon dossier" / "my name is misspelled" as own file, so a self-introduction
# pulls a general question towards @own_file; the NLU reads the question without it
# (:func:`without_self_introduction`). Identifiers of a file (a client ID, an application
# number, a date of birth, a passport or document number, a card) are what an agent needs to
# open one: a message with any of them is read whole, and so is a message whose only words are
# the introduction. The policy still reads the whole message (own-file cues, file identifiers).
_SELF_MARKS = re.compile(r"\[(?:PERSON|EMAIL|PHONE|ADDRESS|POSTAL_CODE)\]")
_ANY_MARK = re.compile(r"\[[A-Z_]+\]")
_GREET1 = (r"(?:hi|hello|hey|hiya|greetings|good\s+(?:morning|afternoon|evening|day)|"
           r"dear\s+(?:sir|madam|sir\s+or\s+madam|team|ircc|agent)|bonjour|bonsoir|salut|all[oô]|coucou|bon\s+matin)"
           r"(?:\s+(?:there|everyone|all|team|ircc|sir|madam|ma'?am|madame|monsieur|[àa]\s+(?:tous|vous)))?")
_GREET = rf"{_GREET1}(?:[\s,!.]+{_GREET1})*"
_INTRO = (r"(?:my\s+name\s+is|my\s+name'?s|name\s+is|name\s*:|i\s+am|i'?m|i\s+m|this\s+is|it'?s|it\s+is|"
          r"here\s+is|myself|je\s+m'?\s*appelle|je\s+me\s+nomme|je\s+suis|c'?\s*est|moi\s+c'?\s*est|"
          r"mon\s+nom\s+(?:est|c'?\s*est)|nom\s*:|ici)")
_HERE = r"(?:here|speaking|ici|[àa]\s+l'?\s*appareil)"
# a capitalised word (a city), not the first word of the question
_CAPS = (r"(?-i:(?!(?:I|I'm|Im|My|Je|J|Est|Can|Could|Do|Does|How|What|When|Where|Why|Is|Are|Please|Svp|Quel|"
         r"Quelle|Comment|Combien|Pourquoi|Quand|Puis|Ai|Est-ce)\b)[A-ZÀ-Ý])[\w'-]*")
_ITEM = (rf"(?:\[ADDRESS\]|\[POSTAL_CODE\]|{_CAPS}(?:\s+{_CAPS}){{0,2}}(?:\s*,?\s*\[POSTAL_CODE\])?|"
         r"[a-zà-ÿ'-]+(?:\s+[a-zà-ÿ'-]+)?(?=\s*(?:[,.;!?]|$)))")
_PLACE = rf"{_ITEM}(?:\s*,\s*(?:\[ADDRESS\]|\[POSTAL_CODE\]|{_CAPS}(?:\s+{_CAPS})?\s*,?\s*\[POSTAL_CODE\]))*"
_FROM = r"(?:from|of|in|de|d'|du|à)"
_LIVE = (r"(?:i\s+live\s+(?:in|at|on)|(?:i'?m|i\s+am|i\s+m)\s+(?:(?:writing|calling|contacting\s+you|reaching\s+out|"
         r"messaging)\s+)?from|i'?m\s+based\s+in|living\s+in|"
         r"j'?\s*habite\s+(?:[àa]|au|en|sur|dans)|je\s+viens\s+de|je\s+suis\s+de|je\s+(?:reste|demeure)\s+(?:[àa]|au))")
_CONTACT_NOUN = (r"(?:e-?mail(?:\s+address)?|phone(?:\s+number)?|number|(?:cell|mobile)(?:\s+(?:phone|number))?|tel|t[ée]l|"
                 r"t[ée]l[ée]phone|contact|courriel|address|adresse(?:\s+(?:courriel|e-?mail|[ée]lectronique))?|"
                 r"num[ée]ro(?:\s+de\s+(?:t[ée]l[ée]phone|cell\w*))?|cellulaire|cell|portable)")
# "my email is [EMAIL]", ", tél [PHONE]", "you can reach me at [PHONE]": a label, not "a new phone
# number [PHONE]" (what the client asks about stays); "call me at [PHONE]" keeps "call me".
_CONTACT = (rf"(?:(?:\b(?:and|et)\s+)?\b(?:my|mon|ma)\s+|(?:^|(?<=[,.;:(/!?]))\s*){_CONTACT_NOUN}"
            r"(?:\s+(?:is|est|c'?\s*est)(?:\s+le)?)?\s*[:\-]?\s*(?=\[(?:EMAIL|PHONE|ADDRESS)\])|"
            r"\b(?:you\s+can\s+)?(?:reach|contact|email|text)\s+me\s+(?:at|on)\s*(?=\[(?:EMAIL|PHONE)\])|"
            r"\b(?:vous\s+pouvez\s+)?me\s+(?:joindre|rejoindre|contacter|[ée]crire)\s+(?:au|[àa]|sur)\s*"
            r"(?=\[(?:EMAIL|PHONE)\])|\b(?:at|au|[àa]|on|sur)\s*(?=\[(?:EMAIL|PHONE)\])")
_SELF = re.compile(
    rf"(?:\b{_INTRO}\s+\[PERSON\](?:\s+{_HERE})?|\[PERSON\]\s+{_HERE}\b|^\s*(?:{_GREET}\b[\s,!.:;-]*)?\[PERSON\])"
    rf"(?P<place>\s*,?\s*{_FROM}\s+{_PLACE})?(?:\s+{_HERE}\b)?|"
    rf"\b{_LIVE}\s+(?P<home>{_PLACE})", re.IGNORECASE)
_CONTACTS = re.compile(_CONTACT, re.IGNORECASE)
_LEFT = re.compile(r"\[(?:EMAIL|PHONE|ADDRESS|POSTAL_CODE)\]")
_LEADING_GREETING = re.compile(rf"^\s*{_GREET}\b", re.IGNORECASE)
_EMPTY_BRACKETS = re.compile(r"\(\s*[/,&\s]*\)")
_SEPARATORS = re.compile(r"\s*([,.;:!/&-])(?:\s*[,.;:!/&-])+")
_LEADING_JUNK = re.compile(r"^(?:[\s,.;:!/&()-]|\b(?:and|et)\b)+", re.IGNORECASE)
# Places that may change the answer (a visa depends on the country, Quebec has its own
# programmes): kept, only the introduction around them goes.
_REGIONS = _set("""
canada quebec ontario alberta manitoba saskatchewan yukon nunavut bc pei nb ns nl qc on ab mb sk
british_columbia colombie_britannique nova_scotia nouvelle_ecosse new_brunswick nouveau_brunswick
newfoundland terre_neuve prince_edward_island ile_du_prince_edouard northwest_territories
territoires_du_nord_ouest la_belle_province outside abroad l_etranger
""")


_COUNTRY_WORDS = _set(_COUNTRIES)
_DEMONYM_WORDS = _set(_DEMONYMS_EN) | _set(_DEMONYMS_FR)


def _known_region(place: str) -> bool:
    words = normalize(place)
    tokens = set(words.split())
    joined = {words.replace(" ", "_")}
    return bool((tokens | joined) & (_REGIONS | _COUNTRY_WORDS | _DEMONYM_WORDS))


def _drop_self(match: re.Match[str]) -> str:
    if match.group("home") and _known_region(match.group("home")):
        return match.group(0)  # "i'm from India", "j'habite au Québec": said as the client said it
    if match.group("place") and _known_region(match.group("place")):
        return " " + match.group("place") + " "  # "i'm [PERSON] from India": "from India" stays
    return " "


@lru_cache(maxsize=1024)
def without_self_introduction(text: str) -> str:
    """The (redacted) `text` without the client's greeting, name, contact details and where
    they live (see the comment above); `text` itself when it holds a file identifier, no
    self-mention, or nothing else."""
    marks = _ANY_MARK.findall(text)
    if not marks or any(not _SELF_MARKS.fullmatch(m) for m in marks):
        return text
    rest = _SELF.sub(_drop_self, text.replace("’", "'"))
    rest = _LEFT.sub(" ", _CONTACTS.sub(" ", rest))
    rest = _EMPTY_BRACKETS.sub(" ", rest)
    rest = _SEPARATORS.sub(r"\1", rest)
    rest = _LEADING_JUNK.sub("", _LEADING_GREETING.sub("", _LEADING_JUNK.sub("", rest)))
    rest = _LEADING_JUNK.sub("", rest)
    rest = re.sub(r"\s+([,.;:!?])", r"\1", re.sub(r"\s+", " ", rest)).strip()
    return rest if re.search(r"[^\W\d_]{2,}", rest) else text
