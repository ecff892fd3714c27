"""Words for people: handoff reasons in plain words, the titles of the buttons a client
pressed, and what the client is told about the queue, the business hours and typing.

Nothing here touches the store: pure functions, tested without a server.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime

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


def reason_words(reason: str) -> str:
    """A handoff reason in plain words (an unknown one as it is, underscores as spaces)."""
    return REASONS.get(reason) or reason.replace("_", " ").strip().capitalize() or "—"


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
    "typing": {"en": "An agent is typing…", "fr": "Un agent écrit…"},
}
TYPING_TEXTS = frozenset(TEXTS["typing"].values())
"""The texts of the "an agent is typing" notice (a ``system`` reply): a channel that shows
typing indicators recognises it by them."""

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
