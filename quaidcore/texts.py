"""What the bot says, in English and French; every text can be overridden in the config."""

from __future__ import annotations

from collections.abc import Callable, Mapping

DEFAULTS: dict[str, dict[str, str]] = {
    "greeting": {
        "en": "Hello! I'm a virtual assistant (a bot) that answers general questions about "
              "visiting, working, studying and immigrating, citizenship and passports. By "
              "chatting with me you accept the terms of use. Please do not type personal "
              "information such as your name, client ID or application number.",
        "fr": "Bonjour! Je suis un assistant virtuel (un robot) qui répond aux questions "
              "générales sur les visites, le travail, les études, l'immigration, la citoyenneté "
              "et les passeports. En clavardant avec moi, vous acceptez les conditions "
              "d'utilisation. N'écrivez pas de renseignements personnels comme votre nom, "
              "votre numéro de client ou votre numéro de demande.",
    },
    "terms_title": {"en": "Terms of use", "fr": "Conditions d'utilisation"},
    "ask_scope": {
        "en": "Is your question general, or is it about your own application or file?",
        "fr": "Votre question est-elle générale, ou porte-t-elle sur votre propre demande ou dossier?",
    },
    "scope_general": {"en": "General question", "fr": "Question générale"},
    "scope_own_file": {"en": "About my own file", "fr": "Sur mon dossier"},
    "ask_question": {"en": "Go ahead: type your question in a few words.",
                     "fr": "Allez-y : écrivez votre question en quelques mots."},
    "did_it_answer": {"en": "Did this answer your question?", "fr": "Est-ce que cela répond à votre question?"},
    "yes": {"en": "Yes", "fr": "Oui"},
    "no": {"en": "No", "fr": "Non"},
    "clarify": {"en": "Did you mean…", "fr": "Vouliez-vous dire…"},
    "none_of_these": {"en": "None of these", "fr": "Aucune de ces réponses"},
    "fallback": {
        "en": "I'm not sure I can answer that myself. These pages of our website may help:",
        "fr": "Je ne suis pas certain de pouvoir répondre moi-même. Ces pages de notre site "
              "pourraient vous aider :",
    },
    "was_it_helpful": {"en": "Was this helpful?", "fr": "Est-ce que cela vous a aidé?"},
    "handoff": {
        "en": "I'm transferring you to an agent. A person will reply here as soon as possible.",
        "fr": "Je vous transfère à un agent. Une personne vous répondra ici dès que possible.",
    },
    "handoff_own_file": {
        "en": "Questions about your own file are handled by our agents. I'm transferring you "
              "to an agent; a person will reply here as soon as possible.",
        "fr": "Les questions sur votre dossier sont traitées par nos agents. Je vous transfère "
              "à un agent; une personne vous répondra ici dès que possible.",
    },
    "handoff_unavailable": {
        "en": "Sorry, no agent can take this conversation right now. Please try again later.",
        "fr": "Désolé, aucun agent ne peut prendre cette conversation pour le moment. "
              "Veuillez réessayer plus tard.",
    },
    "glad": {"en": "Glad I could help! Do you have another question?",
             "fr": "Content d'avoir pu vous aider! Avez-vous une autre question?"},
    "hello_again": {"en": "Hello! What is your question?", "fr": "Bonjour! Quelle est votre question?"},
    "welcome": {"en": "You're welcome!", "fr": "Je vous en prie!"},
    "goodbye": {"en": "Goodbye, and thank you for contacting us.",
                "fr": "Au revoir, et merci de nous avoir contactés."},
    "survey": {
        "en": "Your question has been resolved. How satisfied are you with the service? "
              "(1 = not at all, 5 = very satisfied)",
        "fr": "Votre question a été réglée. Êtes-vous satisfait du service? "
              "(1 = pas du tout, 5 = très satisfait)",
    },
    "survey_thanks": {"en": "Thank you for your feedback!", "fr": "Merci de votre rétroaction!"},
    "off_topic": {
        "en": "Sorry, I can only help with visiting, working, studying and immigrating in Canada, "
              "citizenship and passports. Could you rephrase your question, or choose a topic?",
        "fr": "Désolé, je peux seulement vous aider pour les visites, le travail, les études et "
              "l'immigration au Canada, la citoyenneté et les passeports. Pourriez-vous reformuler "
              "votre question ou choisir un sujet?",
    },
    "not_understood": {
        "en": "Sorry, I didn't understand. Could you type your question in a few words, "
              "or choose a topic?",
        "fr": "Désolé, je n'ai pas compris. Pourriez-vous écrire votre question en quelques mots "
              "ou choisir un sujet?",
    },
    "topic_menu": {
        "en": "Here are some questions I can answer on this topic. Choose one, or type your own:",
        "fr": "Voici des questions auxquelles je peux répondre sur ce sujet. Choisissez-en une ou "
              "écrivez la vôtre :",
    },
    "topic_visit": {"en": "Visiting", "fr": "Visiter"},
    "topic_work": {"en": "Working", "fr": "Travailler"},
    "topic_study": {"en": "Studying", "fr": "Étudier"},
    "topic_immigrate": {"en": "Immigrating", "fr": "Immigrer"},
    "topic_citizenship": {"en": "Citizenship", "fr": "Citoyenneté"},
    "topic_passports": {"en": "Passports", "fr": "Passeports"},
}


class Texts:
    """The bot's texts with config overrides: ``texts.for_lang("fr")("greeting")``."""

    def __init__(self, overrides: Mapping[str, Mapping[str, str]] | None = None,
                 default_lang: str = "en") -> None:
        self.table = {key: dict(langs) for key, langs in DEFAULTS.items()}
        for key, langs in (overrides or {}).items():
            if key not in self.table:
                raise KeyError(f"dialogue.texts.{key}: no such text (known: {', '.join(sorted(self.table))})")
            self.table[key].update(langs)
        self.default_lang = default_lang

    def get(self, key: str, lang: str) -> str:
        """The text `key` in `lang`, falling back to the default language."""
        langs = self.table[key]
        return langs.get(lang) or langs[self.default_lang]

    def for_lang(self, lang: str) -> Callable[[str], str]:
        """A one-argument getter for `lang`."""
        return lambda key: self.get(key, lang)
