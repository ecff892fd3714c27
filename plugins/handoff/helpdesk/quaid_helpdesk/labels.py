"""Words for people: handoff reasons in plain words, the titles of the buttons a client
pressed, and what the client is told about the queue, the business hours and typing.

Nothing here touches the store: pure functions, tested without a server.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from quaidcore import KnowledgeBase, TranscriptLine
from quaidcore.texts import DEFAULTS

# The handoff reasons of quaidcore.dialogue (and the helpdesk's own), for the console.
REASONS = {
    "asked_for_person": "The client asked for a person",
    "own_file": "A question about the client's own file",
    "no_answer": "The bot found no answer",
    "search_not_helpful": "The bot's suggested pages did not help",
    "channel_without_bot": "A channel without the bot",
    "client_message": "The client wrote again after the ticket was closed",
}

# Quick-reply payloads (quaidcore.dialogue) → the text key of the button's title.
PAYLOAD_TEXTS = {"YES": "yes", "NO": "no", "NONE": "none_of_these",
                 "SCOPE_GENERAL": "scope_general", "SCOPE_OWN_FILE": "scope_own_file"}
BUTTON = "(button) "

CLOSE_REASONS = {"spam": "Spam", "not_a_question": "Not a question"}


def reason_words(reason: str, lang: str = "en") -> str:
    """A handoff reason in plain words, in English or French (an unknown one as it is,
    underscores as spaces)."""
    words = REASONS_FR if lang == "fr" else REASONS
    return words.get(reason) or reason.replace("_", " ").strip().capitalize() or "—"


def button_title(payload: str, lang: str, kb: KnowledgeBase | None = None) -> str:
    """The title of the button that sent `payload`, in `lang` (the bot's default texts;
    a solution's title for a "did you mean" choice)."""
    if payload.startswith("CODE:") and kb is not None:
        solution = kb.get(payload[5:])
        if solution is not None:
            return f"{solution.title.get(lang)} (#{solution.code})"
    if payload.startswith("SAT:"):
        return f"{payload[4:]}/5"
    key = f"topic_{payload[6:]}" if payload.startswith("TOPIC:") else PAYLOAD_TEXTS.get(payload, "")
    texts = DEFAULTS.get(key)
    if texts:
        return texts.get(lang) or texts.get("en") or payload
    return payload


def client_line(text: str, payload: str | None, lang: str, kb: KnowledgeBase | None = None) -> str:
    """What the console shows for a client's message: the text, or the pressed button."""
    if text:
        return text
    if payload:
        return BUTTON + button_title(payload, lang, kb)
    return BUTTON.strip()


def transcript_texts(lines: Sequence[dict], stored: Sequence[TranscriptLine], lang: str,
                     kb: KnowledgeBase | None = None) -> list[str]:
    """The texts of a handed-off transcript, with the titles of the buttons the client
    pressed (`stored`: the same messages from ``host.transcript``, which keeps payloads)."""
    payloads = [s.payload for s in stored] if len(stored) == len(lines) else [None] * len(lines)
    out = []
    for line, payload in zip(lines, payloads, strict=True):
        text = line.get("text") or ""
        if line.get("author") == "client":
            out.append(client_line(text, payload, lang, kb))
        else:
            out.append(text or "—")
    return out


# -- what the client is told --------------------------------------------------------------

TEXTS: dict[str, dict[str, str]] = {
    "queue": {
        "en": "You are number {position} in the queue. Expected wait: about {wait}.",
        "fr": "Vous êtes le numéro {position} dans la file d'attente. Attente prévue : environ {wait}.",
    },
    "queue_unknown": {
        "en": "You are number {position} in the queue. An agent will answer you as soon as one is available.",
        "fr": "Vous êtes le numéro {position} dans la file d'attente. Un agent vous répondra dès "
              "qu'il sera disponible.",
    },
    "closed": {
        "en": "Our agents are not available right now. They are back {when}. Your question is in "
              "the queue: an agent will answer you here then.",
        "fr": "Nos agents ne sont pas disponibles en ce moment. Ils seront de retour {when}. Votre "
              "question est dans la file d'attente : un agent vous répondra ici à ce moment-là.",
    },
    "closed_unknown": {
        "en": "Our agents are not available right now. Your question is in the queue: an agent "
              "will answer you here as soon as possible.",
        "fr": "Nos agents ne sont pas disponibles en ce moment. Votre question est dans la file "
              "d'attente : un agent vous répondra ici dès que possible.",
    },
    "meanwhile": {
        "en": "Meanwhile, I can still answer your general questions here.",
        "fr": "En attendant, je peux toujours répondre ici à vos questions générales.",
    },
    "typing": {"en": "An agent is typing…", "fr": "Un agent écrit…"},
}
TYPING_TEXTS = frozenset(TEXTS["typing"].values())
"""The texts of the "an agent is typing" notice, a reply of kind ``typing`` (never stored):
the web widget shows it as its typing indicator; a channel without one sends the text."""

DAYS = {"en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")}
MONTHS = {"en": ("January", "February", "March", "April", "May", "June", "July", "August",
                 "September", "October", "November", "December"),
          "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                 "septembre", "octobre", "novembre", "décembre")}


def text(key: str, lang: str, **values: object) -> str:
    """One of :data:`TEXTS` in `lang` (English when the language has none)."""
    texts = TEXTS[key]
    return (texts.get(lang) or texts["en"]).format(**values)


def duration(seconds: float, lang: str) -> str:
    """``about 5 minutes`` / ``1 hour 10 minutes`` (rounded up to the minute, at least 1)."""
    minutes = max(1, math.ceil(seconds / 60))
    if minutes >= 120:
        minutes = 10 * math.ceil(minutes / 10)
    hours, minutes = divmod(minutes, 60)
    words = {"en": ("hour", "hours", "minute", "minutes"),
             "fr": ("heure", "heures", "minute", "minutes")}.get(lang, ("hour", "hours", "minute", "minutes"))
    parts = []
    if hours:
        parts.append(f"{hours} {words[0] if hours == 1 else words[1]}")
    if minutes:
        parts.append(f"{minutes} {words[2] if minutes == 1 else words[3]}")
    return " ".join(parts)


def back_at(when: datetime, now: datetime, lang: str) -> str:
    """When agents are back, in the schedule's zone: ``today at 13:00``, ``tomorrow at 08:30``,
    ``on Monday 8 December at 08:30``, with the zone (``America/Toronto time``)."""
    lang = lang if lang in DAYS else "en"
    clock = when.strftime("%H:%M")
    days = (when.date() - now.date()).days
    zone = str(when.tzinfo)
    if lang == "fr":
        if days == 0:
            day = f"aujourd'hui à {clock}"
        elif days == 1:
            day = f"demain à {clock}"
        else:
            day = f"le {DAYS['fr'][when.weekday()]} {when.day} {MONTHS['fr'][when.month - 1]} à {clock}"
        return f"{day} (heure de {zone})"
    if days == 0:
        day = f"today at {clock}"
    elif days == 1:
        day = f"tomorrow at {clock}"
    else:
        day = f"on {DAYS['en'][when.weekday()]} {when.day} {MONTHS['en'][when.month - 1]} at {clock}"
    return f"{day} ({zone} time)"


# -- the console's own words ----------------------------------------------------------------

REASONS_FR = {
    "asked_for_person": "Le client a demandé à parler à une personne",
    "own_file": "Une question sur le dossier du client",
    "no_answer": "Le robot n'a pas trouvé de réponse",
    "search_not_helpful": "Les pages suggérées par le robot n'ont pas aidé",
    "channel_without_bot": "Un canal sans robot",
    "client_message": "Le client a réécrit après la fermeture du billet",
}

UI_LANGUAGES = ("en", "fr")

# Every label of the console's pages (templates and console.js), in English and French.
# Keys are the same in both (tests/handoff/test_console_i18n.py checks it); the nested
# dictionaries are words for values (statuses, availability, kinds of messages, reasons).
CONSOLE: dict[str, dict[str, Any]] = {
    "en": {
        "switch": "Français", "console": "Agent console", "brand": "Quaid · agent console",
        "nav_queue": "Queue", "nav_agents": "Agents", "nav_review": "Review", "sign_out": "Sign out",
        "sign_in": "Sign in", "username": "Username", "password": "Password",
        "wrong_password": "Wrong username or password.",
        "queue": "Queue", "ticket": "Ticket", "team": "Queue", "language": "Language", "status": "Status",
        "reason": "Reason", "question": "Question", "waiting_since": "Waiting since", "assignee": "Assignee",
        "bot_codes": "Bot's codes", "no_tickets": "No open tickets in your queues.",
        "agents": "Agents", "agent": "Agent", "availability": "Availability", "open_tickets": "Open tickets",
        "capacity": "Capacity", "channels": "Channels", "loading": "Loading…",
        "consultations": "Consultations", "asked_by": "asked by",
        "no_consultations": "Nobody is asking for your expertise right now.",
        "consulting": "Consulting", "opened": "Opened", "first_response": "First response",
        "resolved_at": "Resolved", "reply": "Reply", "best_guesses": "The bot's best guesses",
        "confidence": "bot's confidence", "send_code": "Send", "canned": "Canned response",
        "canned_placeholder": "Search the knowledge base: words or a code", "search": "Search",
        "no_match": "No solution matches “{}”.", "free_text": "Free text", "response_code": "Response code",
        "six_digits": "six digits", "send_reply": "Send reply", "note_title": "Internal note",
        "note": "Note", "add_note": "Add note", "consultation": "Consultation", "your_answer": "Your answer",
        "answer_back": "Answer and hand back", "consult_title": "Consult an expert", "expert": "Expert",
        "no_expert": "(no subject-matter expert)", "your_question": "Your question", "consult": "Consult",
        "take": "Take", "resolve": "Resolve", "assign_to": "Assign to", "back_to_queue": "(back to the queue)",
        "assign": "Assign", "transfer_to": "Transfer to the team of", "transfer": "Transfer",
        "close_not_question": "Close: not a question", "close_spam": "Close: spam",
        "accounts_help": "Accounts are created with {command}. Failed sign-ins slow down the address "
                         "that fails; past many failures from everywhere, an account's own sign-ins are "
                         "slowed too, until they stop or you unlock it here (or {unlock}).",
        "roles": "Roles", "last_sign_in": "Last sign-in", "state": "State", "failed_sign_ins": "Failed sign-ins",
        "disabled": "disabled", "active": "active", "slowed_for": "slowed for {} s", "unlock": "Unlock",
        "disable": "Disable",
        "available": "Available", "away": "Away", "notify_on": "Notifications on",
        "notify_off": "Notify me of new tickets", "from_team": "from {}", "capacity_of": "Capacity of {}",
        "set": "Set", "left_queues": "This ticket has left your queues.", "adding_note": "Adding the note…",
        "sending": "Sending…", "note_added": "Note added", "sent": "Sent to the client", "at": "at",
        "not_sent": "Not sent:", "just_now": "just now", "minutes": "min", "hours": "h", "days": "days",
        "assigned_to_you": "Ticket #{} assigned to you", "new_ticket": "New ticket #{} ({})",
        "shortcuts": "Keyboard shortcuts", "shortcuts_hint": "Press ? for keyboard shortcuts",
        "close": "Close", "key_next": "Next ticket in the queue", "key_previous": "Previous ticket in the queue",
        "key_open": "Open the selected ticket", "key_reply": "Write a reply", "key_send": "Send the reply",
        "key_note": "Write an internal note", "key_resolve": "Resolve the ticket",
        "key_queue": "Back to the queue", "key_help": "Show or hide this list",
        "confirm_resolve": "Resolve ticket #{}?", "button": "(button) ",
        "statuses": {"open": "open", "pending": "pending", "resolved": "resolved", "closed": "closed"},
        "availabilities": {"available": "available", "away": "away", "offline": "offline"},
        "kinds": {"client": "Client", "bot": "Bot", "agent": "Agent", "note": "Note",
                  "consult": "Consultation", "consult_done": "Expert's answer", "event": "Event"},
        "reasons": REASONS,
    },
    "fr": {
        "switch": "English", "console": "Console des agents", "brand": "Quaid · console des agents",
        "nav_queue": "File d'attente", "nav_agents": "Agents", "nav_review": "Révision",
        "sign_out": "Se déconnecter",
        "sign_in": "Se connecter", "username": "Nom d'utilisateur", "password": "Mot de passe",
        "wrong_password": "Nom d'utilisateur ou mot de passe erroné.",
        "queue": "File d'attente", "ticket": "Billet", "team": "File", "language": "Langue", "status": "État",
        "reason": "Motif", "question": "Question", "waiting_since": "En attente depuis", "assignee": "Attribué à",
        "bot_codes": "Codes du robot", "no_tickets": "Aucun billet ouvert dans vos files.",
        "agents": "Agents", "agent": "Agent", "availability": "Disponibilité", "open_tickets": "Billets ouverts",
        "capacity": "Capacité", "channels": "Canaux", "loading": "Chargement…",
        "consultations": "Consultations", "asked_by": "demandée par",
        "no_consultations": "Personne ne sollicite votre expertise pour le moment.",
        "consulting": "Expert consulté", "opened": "Ouvert le", "first_response": "Première réponse",
        "resolved_at": "Résolu le", "reply": "Répondre", "best_guesses": "Les meilleures hypothèses du robot",
        "confidence": "confiance du robot", "send_code": "Envoyer", "canned": "Réponse type",
        "canned_placeholder": "Chercher dans la base de connaissances : mots ou code", "search": "Chercher",
        "no_match": "Aucune solution ne correspond à « {} ».", "free_text": "Texte libre",
        "response_code": "Code de réponse", "six_digits": "six chiffres", "send_reply": "Envoyer la réponse",
        "note_title": "Note interne", "note": "Note", "add_note": "Ajouter la note",
        "consultation": "Consultation", "your_answer": "Votre réponse", "answer_back": "Répondre et rendre la main",
        "consult_title": "Consulter un expert", "expert": "Expert", "no_expert": "(aucun expert du domaine)",
        "your_question": "Votre question", "consult": "Consulter", "take": "Prendre", "resolve": "Résoudre",
        "assign_to": "Attribuer à", "back_to_queue": "(retour dans la file)", "assign": "Attribuer",
        "transfer_to": "Transférer à l'équipe de", "transfer": "Transférer",
        "close_not_question": "Fermer : pas une question", "close_spam": "Fermer : pourriel",
        "accounts_help": "Les comptes se créent avec {command}. Les échecs de connexion ralentissent "
                         "l'adresse qui échoue; après de nombreux échecs venus de partout, les connexions du "
                         "compte lui-même sont ralenties aussi, jusqu'à ce qu'ils cessent ou que vous le "
                         "débloquiez ici (ou {unlock}).",
        "roles": "Rôles", "last_sign_in": "Dernière connexion", "state": "État",
        "failed_sign_ins": "Connexions échouées", "disabled": "désactivé", "active": "actif",
        "slowed_for": "ralenti pendant {} s", "unlock": "Débloquer", "disable": "Désactiver",
        "available": "Disponible", "away": "Absent", "notify_on": "Notifications activées",
        "notify_off": "M'avertir des nouveaux billets", "from_team": "de {}", "capacity_of": "Capacité de {}",
        "set": "Régler", "left_queues": "Ce billet a quitté vos files.", "adding_note": "Ajout de la note…",
        "sending": "Envoi…", "note_added": "Note ajoutée", "sent": "Envoyé au client", "at": "à",
        "not_sent": "Non envoyé :", "just_now": "à l'instant", "minutes": "min", "hours": "h", "days": "jours",
        "assigned_to_you": "Billet no {} qui vous est attribué", "new_ticket": "Nouveau billet no {} ({})",
        "shortcuts": "Raccourcis clavier", "shortcuts_hint": "Appuyez sur ? pour les raccourcis clavier",
        "close": "Fermer", "key_next": "Billet suivant de la file", "key_previous": "Billet précédent de la file",
        "key_open": "Ouvrir le billet choisi", "key_reply": "Écrire une réponse", "key_send": "Envoyer la réponse",
        "key_note": "Écrire une note interne", "key_resolve": "Résoudre le billet",
        "key_queue": "Retour à la file d'attente", "key_help": "Afficher ou masquer cette liste",
        "confirm_resolve": "Résoudre le billet no {} ?", "button": "(bouton) ",
        "statuses": {"open": "ouvert", "pending": "en attente", "resolved": "résolu", "closed": "fermé"},
        "availabilities": {"available": "disponible", "away": "absent", "offline": "hors ligne"},
        "kinds": {"client": "Client", "bot": "Robot", "agent": "Agent", "note": "Note",
                  "consult": "Consultation", "consult_done": "Réponse de l'expert", "event": "Événement"},
        "reasons": REASONS_FR,
    },
}


def console_texts(lang: str) -> dict[str, Any]:
    """The console's labels in `lang` (English for a language it does not have)."""
    return CONSOLE.get(lang, CONSOLE["en"])


def preferred_language(accept_language: str, default: str = "en") -> str:
    """The console language an ``Accept-Language`` header prefers (``fr-CA,fr;q=0.9,en;q=0.8``
    → ``fr``), else `default`."""
    best, best_q = default, 0.0
    for order, part in enumerate(accept_language.split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:7])
            except ValueError:
                continue
        lang, score = tag.strip()[:2].lower(), q - order * 1e-6  # the first of equals wins
        if lang in UI_LANGUAGES and q > 0 and score > best_q:
            best, best_q = lang, score
    return best
