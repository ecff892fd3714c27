"""Quaid NLU backend ``fasttext``: a supervised fastText classifier with calibrated confidence.

fastText ranks the codes in microseconds, but its probabilities alone separate poorly the
questions the knowledge base answers from those it does not. The confidence of a candidate
code is therefore a mix of fastText's probability and the best cosine similarity between
the message's fastText sentence vector and that code's training examples (nearest
neighbour): ``(1 - w) * p + w * cos ** 4`` with ``w = 0.5`` by default. Candidates are
ranked by that confidence. The power spreads the cosines, which are high (~0.9) even
between unrelated texts in fastText's space. On CLINC150 (``bench/nlu.py``) the mix gains
out-of-scope recall at equal in-scope accuracy and about a point of top-1 over the
probability alone; out-of-scope queries get a median confidence near 0.3, right answers
near 0.9, so the core's default thresholds (0.6 / 0.35) are a sensible start.

Known traps of the ``fasttext`` module that this plugin works around:

- ``model.predict`` fails under numpy 2 (``Unable to avoid copy``): the binding's
  ``f.predict`` is called directly.
- Training with several threads is not deterministic (top-1 moved by up to 0.015 between
  runs of ``quaid eval``): one thread is the default (the pinned ``fasttext-wheel`` 0.9.2 never
  diverged with it, and on 2 cores it trains the demo KB as fast as 12), so the same KB and
  seed give the same model. The thread count is part of the cached model's key.
- fastText 0.9.3 built from source can leave most of the weights uninitialised when fewer
  than 10 threads train, ending in ``RuntimeError: Encountered NaN``: the thread count is
  always passed explicitly and a NaN run is retried once with 12 threads.
- The default 2,000,000 hash buckets make an 800 MB model: ``bucket`` defaults to 200,000
  and the model can be quantized.

A message is read without its courtesies (``strip_courtesies``, :func:`without_courtesies`): a
leading greeting and whom it greets ("Bonjour à vous,", "hello good day po,") and closing thanks
or "please" weigh like any other words in fastText's averaged sentence vector and dilute the
question ("Bonjour, ma mère ... faut-il un visa ?" 0.76 without, 0.83 with its greeting read).
Only the message is stripped: the examples are learnt as written, greetings included. The
redactor's placeholders of personal details ([PERSON], [EMAIL], [PHONE], [ADDRESS], [POSTAL_CODE],
[DATE_OF_BIRTH]) are dropped too (``drop_personal_marks``): no example has one, so their character
n-grams are noise to the model; file identifiers ([CLIENT_ID], [APPLICATION_NUMBER]), which
own-file examples do hold, and marks that name a topic ([SIN], [PASSPORT]) stay.

A long message is also read by its question (``read_question``, :func:`question_of`): fastText
averages every word, so a story around the question ("how do i renew my canadian passport? my
current one expires in 2 months, got it when I was 25 in 2016, nothing wrong with it. can i do it
online now...") leaves the right code on top at a low confidence (100101 0.36). The sentences
that ask (ending with "?" or opening with a question word, and one that goes on from them with
"and"/"et") are read alone too; when the question's best code is the whole message's best code
and more confident, that confidence is the code's (0.36 -> 0.80 above). The whole message still
decides the code: a question that points elsewhere, or is less sure without its story ("Can I
just quit and go work at another restaurant ...?" without "I have a closed work permit"),
changes nothing (NLU round 11). A message of one sentence that ends with "?" asks in its last clause
when a comma comes before a question word ("I'm coming on an eTA from Australia, how long am I allowed
to stay in Canada?"; NLU round 16), or without "?" when that clause opens with a question word or an
auxiliary that asks ("after the announcement yesterday im confused, does a volunteer job need a work permit or not";
NLU round 21). A question is also read as the examples ask it, without French's
particle before the client ("Est-ce que je peux renouveler mon passeport en ligne?" 100101 0.69 -> 0.95)
and with "y a-t-il un moyen de" / "is there a way to" as "comment" / "how to", or without "is there a" /
"y a-t-il des" opening a question of what something is for ("is there a tracker for ...") (:func:`plainly`); as with the
question, that reading only raises the top code's confidence when it ranks it first too (NLU round 17). A question of two
parts joined by "and" / "n" / "et" / "or" ("how long does pr card renewal take n can i travel meanwhile"), or by a comma
in a question that opens with a question word, is also read by its first part, which names the subject
(:func:`first_part`), on the same terms (NLU round 18); so is a message's first question when another sentence
follows it ("How does the IEC pool work? Do I just create a profile and wait to be invited?": :func:`first_question`,
NLU round 20), the clause after its last comma before a question word (:func:`asked_clause`, NLU round 21) and
that question without its trailing condition ("... if I stay in Lebanon?", "... en restant au Maroc?":
:func:`without_condition`, NLU round 21), and a short last question with the sentence before it ("... My study
permit ends in May. How do I extend it?": :func:`question_in_context`, NLU round 22), and the clause after the last comma
of its first question whatever that clause's first word ("je pars faire un doctorat a ottawa, mon mari pourra travailler
la bas?": :func:`last_clause`, NLU round 24), and the short first part of its first question with the sentence
before it ("... Someone told me about a special visa that lets parents stay longer than 6 months at a time. What are the
conditions, do I need to show my income ...?": :func:`part_in_context`, NLU round 25), and its first question when the
next sentence asks a second one after "and" / "et" and an auxiliary ("can my kids attend my citizenship ceremony? and is
it online or in person": :func:`question_before_next`, NLU round 26), and a message's opening clause that asks before a
comma and its context ("how do i get more crs points, i have 1 yr canadian work experience ...":
:func:`question_before_context`, NLU round 26). While the message alone is unsure
of its top code (under 0.6), a reading sure of one of its next two codes (0.92 or more) puts that code first instead
(:func:`_switch`, NLU round 23: "My parents live in Nigeria ... How do they apply for the visitor visa and what does it
cost ...?" 090101 0.43, the question's first part 010201 0.95); never an intent, nor the reading without a condition.

Short texts ("ok", "merci", "visa", "how much is an eta") make much of a chat and repeat across conversations, as the
lingua detector's short-text cache says: the predictions of a text up to ``SHORT_TEXT`` characters are remembered per
(text, language, k) in a bounded LRU cache (``SHORT_TEXT_CACHE`` entries) that belongs to the trained state, so a
retrained or reloaded model starts with an empty one. Same answers (predict is a function of the state, the config
and its arguments), no model call on a repeat; longer texts are always predicted (issue 13).
"""

from __future__ import annotations

import functools
import json
import logging
import re
import tempfile
import threading
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import fasttext
import numpy as np

try:  # the binding the ``fasttext`` module wraps (for a reusable vector buffer)
    import fasttext_pybind as _pybind
except ImportError:  # pragma: no cover - another build of fastText
    _pybind = None
from pydantic import BaseModel, ConfigDict, Field, model_validator

from quaidcore import ComponentContext, Prediction, TrainingExample, hookimpl
from quaidcore.text import normalize

QUAID_HOST_API = ">=1.0,<2"

log = logging.getLogger(__name__)

FORMAT = 1
META = "fasttext.json"
VECTORS = "fasttext-vectors.npy"
LABEL = "__label__"
INTENT_PREFIX = "@"  # quaidcore.kb's: the KB's intents (@own_file, @greeting...), which are no solutions
SHORT_TEXT = 32  # characters: the predictions of texts up to this long are remembered (see the module's doc)
SHORT_TEXT_CACHE = 4096  # distinct (short text, language, k) remembered, per trained state

# The options that change the trained model; the others only change how it is read.
TRAINING_OPTIONS = (
    "epoch", "lr", "word_ngrams", "minn", "maxn", "dim", "loss", "bucket",
    "quantize", "quantize_cutoff", "seed", "thread",
)


class FastTextConfig(BaseModel):
    """Options of the ``fasttext`` plugin block."""

    model_config = ConfigDict(extra="forbid")

    epoch: int = Field(75, ge=1, le=1000, description="passes over the examples")
    lr: float = Field(0.75, gt=0, le=5, description="learning rate (0.5-1.0 for small sets)")
    word_ngrams: int = Field(2, ge=1, le=5, description="word n-grams (2 = bigrams)")
    minn: int = Field(3, ge=0, le=20, description="shortest character n-gram; 0 = none")
    maxn: int = Field(6, ge=0, le=20, description="longest character n-gram; 0 = none")
    dim: int = Field(50, ge=2, le=1000, description="size of the sentence vectors")
    loss: Literal["ova", "softmax"] = Field("ova", description="one-vs-all or softmax")
    bucket: int = Field(200_000, ge=1000, le=5_000_000, description="hash buckets for n-grams")
    quantize: bool = Field(False, description="product-quantize the model (smaller, slower to train)")
    quantize_cutoff: int = Field(
        0, ge=0, description="when quantizing, keep only this many n-gram/word rows (0 = all)"
    )
    seed: int = Field(
        0, ge=0, le=1_000_000_000,
        description="random seed of the weights' initialisation: another seed gives another model of "
                    "the same examples (runs with several threads still vary)",
    )
    thread: int = Field(
        1, ge=1, le=64,
        description="training threads: 1 makes training deterministic (the same KB and seed give "
                    "the same model and the same `quaid eval` figures); more threads vary run to run. "
                    "fasttext 0.9.3 built from source diverges (NaN) below 10: such a run is retried "
                    "with 12",
    )
    neighbour_weight: float = Field(
        0.5, ge=0, le=1,
        description="confidence = (1-w) * probability + w * similarity ** similarity_power",
    )
    similarity_power: float = Field(
        4.0, ge=1, le=16,
        description="spreads the best cosine to the code's examples, which is high for any text",
    )
    candidates: int = Field(10, ge=1, le=1000, description="codes fastText proposes for re-ranking")
    max_chars: int = Field(2000, ge=16, description="longer messages are cut to this many characters")
    drop_personal_marks: bool = Field(
        True,
        description="read a message without the redactor's placeholders of personal details ([PERSON], "
                    "[EMAIL], [PHONE], [ADDRESS], [POSTAL_CODE], [DATE_OF_BIRTH]), which no example holds",
    )
    strip_courtesies: bool = Field(
        True,
        description="read a message without its leading greeting ('Bonjour Monsieur,', 'hi po,'), a "
                    "request's opening words ('kindly inform me', 'veuillez m'indiquer', 'quick question:') and "
                    "closing thanks or please ('merci d'avance', 'thank you'), unless nothing else is left",
    )
    read_question: bool = Field(
        True,
        description="also read a long message's question sentences alone (8 words or more, at most 80% "
                    "of the message's); their best code's confidence is kept when it is the whole "
                    "message's best code and higher (in a message of one sentence, the clause after its last comma before a "
                    "question word, or without '?' before 'how' / 'does' / 'can' / 'comment' ...); likewise a question asked plainly, without French's "
                    "particle before the client ('est-ce que je peux' -> 'je peux') and with 'y a-t-il un moyen "
                    "de' / 'is there a way to' read as 'comment' / 'how to', and without 'is there a' / 'y a-t-il "
                    "des' opening a question of what something is for, and without 'encore' / 'still' / 'even' / "
                    "'vraiment' / 'really' / 'déjà' / 'already' unless next to a negation; likewise the first part "
                    "of a question of two parts joined by 'and' / 'n' / 'et' / 'or' ('how long does it take n can i travel meanwhile'), "
                    "or by a comma in a question that opens with a question word; likewise a message's first "
                    "question (6 words or more) when another sentence follows it, that question's clause after its "
                    "last comma before a question word (6 words or more), and that question without its trailing "
                    "condition or reason ('if' / 'si' / 'when' / 'quand' / 'en ...ant' / 'because' / 'parce que' to the "
                    "'?'; 6 words or more left), and a last question under 8 words, or the only question under 10, with "
                    "the sentence before it ('My study permit ends in May. How do I extend it?'), and the clause after the "
                    "last comma of its first question, whatever its first word (5 words or more, no second question "
                    "after 'ou' / 'or'), and a first question before '? and' / '? et' and an auxiliary (6 words or "
                    "more), and a message's opening clause that asks before a comma and its context ('i' / 'my' / "
                    "'j'ai' / 'je' ...; 5 words or more); while the message alone is "
                    "under 0.6, a reading (but the one without a condition) that ranks another of its top three "
                    "solutions first with 0.92 or more puts that one first",
    )

    respell: bool = Field(
        True,
        description="read a message's SMS forms, abbreviations, French elisions typed without their "
                    "apostrophe and regional words as the examples write them ('cb' -> 'combien', 'wp' -> "
                    "'work permit', 'dun' -> 'd un', 'compulsory' -> 'mandatory'); a form the examples use 3 times or more, or whose spelling out they never use, "
                    "is read as typed. Only the message is rewritten: the model learns the examples as written",
    )

    @model_validator(mode="after")
    def _ngrams(self) -> FastTextConfig:
        if self.maxn and self.maxn < self.minn:
            raise ValueError("maxn must be 0 or at least minn")
        if 0 < self.quantize_cutoff < 256:
            raise ValueError("quantize_cutoff must be 0 (keep all rows) or at least 256")
        return self

    def training_options(self) -> dict[str, Any]:
        """The options a saved model must have been trained with to be reused."""
        return {name: getattr(self, name) for name in TRAINING_OPTIONS}


# Courtesies around a question (NLU round 10, config/eval/README.md): a greeting, then whom it
# greets, at the start; thanks, "please" or a farewell at the end. "please" is not stripped at
# the start, where it begins a request ("please check my file").
_HELLO = (r"(?:bonjour|bonsoir|salut|allo|allô|coucou|salam|bjr|slt|bsr|hello|hi|hey|hii+|helo|"
          r"good (?:morning|evening|afternoon|day)|greetings)")
_GREETED = (r"(?:sir|madam|ma'?am|madame|monsieur|messieurs|mesdames|à vous|a vous|à tous|a tous|"
            r"tout le monde|everyone|all|there|po|team|good day|dear|mes chers|mes chères|mes cheres|chers amis|"
            r"mes frères|mes freres|mes soeurs|mes sœurs)")
# Formal openings (NLU round 15): "Respected Sir/Madam," and "Please sir," (a comma after the
# one greeted: "please check my file" stays a request).
_GREETING = re.compile(
    rf"^\s*(?:(?:{_HELLO}|dear (?:sir|madam|team|all)|respected (?:sir|madam|ma'?am|officer|team)|"
    rf"(?:please|pls|plz) (?:sir|madam|ma'?am)(?=\s*[,!.:;/])|sir|madam|madame|monsieur)\b"
    rf"(?:[\s,!.:;/-]*{_GREETED}\b)*[\s,!.:;/-]*)+", re.IGNORECASE)
# The separators are possessive: a run of ". " between two thanks could be split between the one
# before and the one after in several ways, and "merci. merci. ... x" backtracked exponentially
# (300 of them: 11 s before NLU round 15, under 1 ms since).
_THANKS = re.compile(
    r"(?:[\s,.;!-]*+(?:merci(?: beaucoup| d'avance| bcp| pour votre (?:aide|réponse|reponse)| de votre aide)?|"
    r"thanks?(?: you)?(?: so much| very much| in advance| a lot)?(?: and (?:god bless(?: you)?|regards))?|"
    r"thanking you(?: in (?:anticipation|advance))?|thx|tnx|svp|stp|s'il vous pla[iî]t|"
    r"please|pls|plz|god bless(?: you)?|bonne journée|bonne journee|have a nice day|"
    r"(?:best |kind |warm |warmest |with )?regards|yours (?:faithfully|sincerely|truly)|"
    r"(?:bien )?cordialement|(?:sincères |sinceres )?salutations(?: distinguées| distinguees)?)[\s.!]*+)+$",
    re.IGNORECASE)
# Thanks for the last answer before the next question ("thx for the help. is it 6 month max...",
# "merci! autre question, l'agent..."; NLU round 14): only when punctuation closes them, so that
# "thanks to my employer i have an LMIA" is read as written.
_LEADING_THANKS = re.compile(
    r"\s*(?:(?:ok|okay|oh|ah|great|super|parfait|cool)[\s,.!]+)?"
    r"(?:thanks?(?: you)?|thx|tnx|ty|merci)(?: (?:so much|very much|a lot|beaucoup|bcp))?"
    r"(?: (?:for (?:the|your) (?:help|answer|reply|info|information)|pour (?:l'aide|l aide|la réponse|la reponse|"
    r"votre aide|votre réponse|votre reponse|l'info|l info|les infos?)))?\s*[,.!:;-]+\s*"
    r"(?:(?:one more|another|an other|other|1 more|une autre|autre|encore une|petite|last|dernière|derniere) "
    r"question\s*[,.!:;?-]*\s*)?", re.IGNORECASE)
# A request's opening words before what is asked (NLU round 15: "kindly inform me the requirements
# for ...", "veuillez m'indiquer les conditions pour ...", "I would like to know ..."): the examples
# ask without them. A need stated first (NLU round 16: "need a quick explanation of ...", "besoin de
# comprendre / connaître / savoir ...", "besoin d'une explication de ..."); "need to know" is read as
# written ("i need to know the fee for citizenship" went to 060101, whose answer gives the fee, with seed 2).
# A request to explain (NLU round 18: "Could you explain how the CRS score is calculated", "Pourriez-vous
# m'expliquer comment ..."), also at the start of a long message's question, which is read without its
# courtesies too; "can you tell me" stays (CLINC's "can you tell me what credit cards i have open" was answered).
# A question announced (NLU round 19: "Quick question: does a guest speaker at a university event need a work
# permit or not?" 020101 0.45, without it 0.74; "petite question : ..."), before a colon, comma or dash only.
_REQUEST_LEAD = re.compile(
    r"\s*(?:(?:please|pls|plz|kindly|svp|stp)[\s,]+)?"
    r"(?:inform me(?: about| of)?|advise(?: me)?(?: on| about)?|guide me(?: on| about| with)?|"
    r"i (?:want|would like|wish) to know|i'd like to know|veuillez (?:m'indiquer|me dire|m'informer(?: sur| de)?)|"
    r"(?:pourriez|pouvez)[- ]vous (?:m'indiquer|me dire|m'expliquer)|(?:peux|pourrais)[- ]tu m'expliquer|"
    r"(?:could|can|would) you (?:please |kindly )?(?:explain(?: to me)?|walk me through)|"
    r"je voudrais savoir|j'aimerais savoir|je veux savoir|"
    r"(?:just )?(?:a |one )?(?:quick|small|simple|short) question(?=\s*[:,-])|"
    r"(?:une )?(?:petite|courte|simple) question(?=\s*[:,-])|question rapide(?=\s*[:,-])|"
    r"merci de m'indiquer|(?:i )?need to understand|"
    r"(?:i )?need (?:a |an )?(?:quick |simple |short |brief )?explanation (?:of|on|about)|"
    r"(?:j'ai )?besoin de (?:savoir|conna[iî]tre|comprendre)|"
    r"(?:j'ai )?besoin d'une explication (?:simple |rapide |claire )?(?:de |d'|sur |du |des )?)\b[\s,:]*",
    re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]{3}")
# Cheap checks before the patterns (most messages have neither): a greeting's first letters,
# and a word of the closing courtesies in the last characters.
_GREETING_STARTS = ("b", "s", "a", "c", "h", "g", "d", "m", "r", "p")
_THANKS_STARTS = frozenset(("th", "tn", "ty", "me", "ok", "oh", "ah", "gr", "su", "pa", "co"))
_THANKS_WORDS = ("merci", "thank", "thx", "tnx", "svp", "stp", "plai", "plaî", "pls", "plz", "bless", "journ",
                 "nice day", "regards", "cordial", "salutation", "yours")
_COURTESY_TAIL = 100  # characters of the end searched for thanks (the pattern is anchored at the end)


_PERSONAL_MARK = re.compile(r"\[(?:PERSON|EMAIL|PHONE|ADDRESS|POSTAL_CODE|DATE_OF_BIRTH)\]")


def without_personal_marks(text: str) -> str:
    """`text` without the placeholders of personal details; `text` itself when it has none or
    when no word of three letters or more would be left."""
    if "[" not in text:
        return text
    rest = _PERSONAL_MARK.sub(" ", text).strip()
    return rest if rest == text or _WORD.search(rest) else text


def without_courtesies(text: str) -> str:
    """`text` without a leading greeting and whom it greets, or thanks for a last answer (with
    "another question"), a request's opening words ("kindly inform me", "veuillez m'indiquer"), and
    without closing thanks, please or farewells; `text` itself when no word of three letters or more would be left ("bonjour",
    "hi there, thanks": a greeting is what the client said)."""
    rest = text.lstrip()
    if rest[:1].lower() in _GREETING_STARTS:
        greeting = _GREETING.match(rest)
        if greeting:
            rest = rest[greeting.end():]
    if rest[:2].lower() in _THANKS_STARTS:
        thanks = _LEADING_THANKS.match(rest)
        if thanks:
            rest = rest[thanks.end():]
    request = _REQUEST_LEAD.match(rest)
    if request:
        rest = rest[request.end():]
    tail = rest[-_COURTESY_TAIL:].lower()
    if any(word in tail for word in _THANKS_WORDS):
        head = rest[:-_COURTESY_TAIL] if len(rest) > _COURTESY_TAIL else ""
        rest = head + _THANKS.sub("", rest[len(head):], count=1)
    rest = rest.strip()
    if rest == text:
        return text
    return rest if _WORD.search(rest) else text


# The question of a long message (NLU round 11, config/eval/README.md): its sentences that end
# with "?" or open with a question word, and a sentence that goes on from one with "and"/"et".
# Too short a question lacks its subject ("Qu'est-ce qui existe pour les parents?" after a story
# that rules out sponsorship): at least 8 words; a question that is nearly the whole message
# ("GOT MY ITA!!! how long do i have to submit...") would drop the little that gives it its sense:
# at most 80% of the message's words.
QUESTION_MIN_WORDS = 8
QUESTION_MAX_SHARE = 0.8
_SENTENCE_END = re.compile(r"(?<=[?!.;])\s+|\s*\n\s*")
_QUESTION_START = re.compile(
    r"[\s,\-]*(?:how|what|what's|whats|when|where|which|who|why|can|could|do|does|did|is|are|am|will|would|"
    r"should|must|may|has|have|if|comment|combien|quand|où|quel|quelle|quels|quelles|qu'est-ce|qu'est|"
    r"est-ce|est ce|peut-on|peut on|puis-je|peut-il|peut-elle|faut-il|faut il|dois-je|doit-on|pourquoi|"
    r"c'est quoi|ca veut dire|ça veut dire|je peux|on peut|je dois|il faut)(?![^\W_])",
    re.IGNORECASE)
_GOES_ON = re.compile(r"(?:and|or|also|et|ou|aussi|sinon)[\s,]", re.IGNORECASE)
_WORDS = re.compile(r"\w+(?:'\w+)?")


# A question asked after its context in one sentence, past a comma (NLU round 16: "I'm coming on an eTA
# from Australia, how long am I allowed to stay in Canada?"): the clause from the last comma before a
# question word is a sentence of its own when the sentence ends with "?".
_CLAUSE_START = re.compile(r",\s+(?=" + _QUESTION_START.pattern[len(r"[\s,\-]*"):] + ")", re.IGNORECASE)
# NLU round 21: without "?" too ("after the announcement yesterday im confused, does a volunteer job need a work
# permit or not"), when the clause opens with a question word or an auxiliary that asks.
_ASKING_CLAUSE = re.compile(
    r",\s+(?=(?:how|what|what's|whats|when|where|which|who|why|can|could|do|does|did|should|will|would|"
    r"comment|combien|quand|où|pourquoi|quel|quelle|quels|quelles)(?![^\W_]))", re.IGNORECASE)


def _clauses(sentence: str) -> list[str]:
    """`sentence` split before its last clause when it asks after a comma (see above)."""
    if ", " not in sentence:
        return [sentence]
    commas = list((_CLAUSE_START if sentence.endswith("?") else _ASKING_CLAUSE).finditer(sentence))
    if not commas:
        return [sentence]
    last = commas[-1]
    return [sentence[: last.start()].strip(), sentence[last.end():].strip()]


# A question asked with words the examples seldom ask with (NLU round 17): French's question particle
# before the client ("Est-ce que je peux renouveler mon passeport en ligne?" 100101 0.69; "je peux
# renouveler ..." 0.95), and "y a-t-il un moyen de" / "is there a way to" for "comment" / "how to"
# ("Y a-t-il un moyen de suivre une demande de RP sur internet?" 0.55; "comment suivre ..." 0.88). On
# normalised text (no accents, apostrophes and hyphens as spaces). "qu'est-ce que" (what) keeps its
# particle, and so does a question about something ("est-ce que ma demande est acceptée", "est-ce que
# desjardins embauche"): read without it, such messages lost the intents' words and were answered.
# Likewise whether something exists, asked of what it is for (see _EXISTS).
_PARTICLE = re.compile(r"(?<!\bqu )\best ce qu(?:e |\s*)(?=(?:je|j|on|nous)\b)")
_A_WAY = re.compile(r"\b(?:est ce qu )?(?:y a t il|il y a|ya t il|y a til) (?:un|une) (?:moyen|facon|maniere) (?:de |d )")
_A_WAY_EN = re.compile(r"\bis there (?:a|any) (?:way|option) (?:to|for me to|for us to)\b")
# Whether something exists, asked of what it is for ("is there a tracker for citizenship applications" 0.47,
# "tracker for citizenship applications" 0.77; "y a-t-il des frais pour faire une demande d'asile"): at the
# start, with "for" / "pour" within four words. Not kept without them: "is there an internet outage in my
# area" (CLINC) was answered, and "..., is there a fee" after another question was answered with the wrong one.
# French's "il existe" / "existe-t-il" likewise (NLU round 20: "Il existe un outil pour suivre une demande de
# citoyenneté?" 090301 0.57, "outil pour suivre ..." 0.84).
_EXISTS = re.compile(r"^(?:is there|are there|y a t il|ya t il|y a til|est ce qu il y a|est ce quil y a|"
                     r"il existe|existe t il|existe til|est ce qu il existe|est ce quil existe)"
                     r"(?: (?:a|an|any|some|un|une|des|du|de la|de l|d))? (?=(?:\w+ ){1,4}(?:for|pour)\b)")
_EXISTS_STARTS = ("is there", "are there", "y a t il", "ya t il", "y a til", "est ce qu", "il existe", "existe t")


# Words that stress a question without changing what it asks (NLU round 21: "est-ce que les conjoints des étudiants
# peuvent encore avoir un permis de travail ouvert?" 020501 0.68, without "encore" 0.94; "where do i even start the
# visa app"), read away in the plain reading unless next to a negation ("pas encore dans mon dossier", an own-file
# line, was answered with seed 0; "still nothing"). "actually" answered CLINC's "what's it like to have parents who
# actually love you" with seed 2, and round 19's "exactly" / "au juste" an own-file line: not listed. NLU round 24: "deja"
# (déjà) and "already" too ("can i sponsor my girlfriend, we lived together 2 years already", "je peux deja faire la
# demande de permis?"); "just" / "juste" lost a right answer ("... and just noticed my PR card expired last month. Can I
# still fly back ...?" answered -> clarified, every seed): not listed.
_FILLER_GATE = frozenset(("encore", "still", "even", "vraiment", "really", "deja", "already"))
_NEGATIONS = frozenset(("pas", "not", "no", "t", "jamais", "never", "nothing", "rien", "aucun", "aucune"))


def plainly(query: str) -> str:
    """The cleaned `query` without French's question particle before the client ("est ce que je
    peux" -> "je peux"), with "y a t il un moyen de" / "is there a way to" as "comment" / "how to",
    and without "is there a" / "y a t il des" opening a question of what something is for ("is there a
    tracker for ..." -> "tracker for ..."), and without "encore" / "still" / "even" / "vraiment" / "really" / "deja" /
    "already" unless next to a negation; `query` itself when it has none of them."""
    plain = query
    if "est ce qu" in plain:
        plain = _PARTICLE.sub("", plain)
    if "moyen" in plain or "facon" in plain or "maniere" in plain:
        plain = _A_WAY.sub("comment ", plain)
    if "is there" in plain:
        plain = _A_WAY_EN.sub("how to", plain)
    if plain.startswith(_EXISTS_STARTS):
        plain = _EXISTS.sub("", plain)
    words = plain.split(" ")
    if not _FILLER_GATE.isdisjoint(words):
        plain = " ".join(w for i, w in enumerate(words)
                         if w not in _FILLER_GATE or (i and words[i - 1] in _NEGATIONS)
                         or (i + 1 < len(words) and words[i + 1] in _NEGATIONS))
    return plain.strip() if plain != query else query


# A question of two parts joined by "and" / "n" / "et" / "or" (NLU round 18: "how long does pr card renewal take n can
# i travel meanwhile" 080101 0.45, its first part 0.88; "cest quoi le tvrp et comment le demander de lexterieur"):
# the second part often leaves its subject to the first ("and can it be done online"), so the first part is read
# alone too; like the question, it only raises the top code's confidence when it ranks it first too. Not after a
# sentence's end ("...application? and how much is it": that first part is a question of its own, and read alone it
# raised a wrong top code), and not before "would" / "could" ("and would like to stay") or "je dois" ("et je dois
# voir ..."). In a question that opens with a question word, a comma before the next question joins too ("Comment
# trouvent-ils un médecin agréé, en quoi consiste l'examen ..."); a comma after context does not ("my ITA expired
# before i could submit, can you reopen it" was answered: the context alone reads as a question of its own).
# Reading the second part alone too added wrong answers ("what's the age limit for IEC ... and how long can I
# stay": "how long can I stay" is a visitor's question).
PART_MIN_WORDS = 3
_NEXT_QUESTION = (
    r"(?=(?:can|do|does|did|how|what|what's|whats|when|where|which|who|why|is|are|should|must|whether|in what|"
    r"is there|are there|comment|combien|cb|quand|quel|quelle|quels|quelles|pourquoi|qui|en quoi|de quoi|est-ce|"
    r"est ce|je peux|on peut|peut-on|peut on|faut|il faut|c'est|cest|c est|si oui|if so|y a-t-il|y a t il|"
    r"[^\W\d_]+-(?:je|tu|il|elle|on|nous|vous|ils|elles|t-il|t-elle|t-on))(?![^\W_]))")
_JOIN = r"(?:and|n|et|&|also|aussi|or|ou)(?: also| aussi)?"
_SECOND_PART = re.compile(rf"(?<![\s?.!;])\s+{_JOIN}\s+{_NEXT_QUESTION}", re.IGNORECASE)
_JOIN_GATE = re.compile(rf"\s{_JOIN}\s", re.IGNORECASE)  # what _SECOND_PART needs, found faster (most have none)
_NEXT_IN_A_LIST = re.compile(rf",(?:\s+{_JOIN})?\s+{_NEXT_QUESTION}", re.IGNORECASE)


def first_part(text: str) -> str | None:
    """The part of `text` before a second question joined by "and" / "n" / "et" / "or", or by a comma when
    `text` opens with a question word (see above); None when it has none or when that part has fewer than
    PART_MIN_WORDS words."""
    joined = _SECOND_PART.search(text) if _JOIN_GATE.search(text) else None
    if _QUESTION_START.match(text.replace("’", "'")):
        listed = _NEXT_IN_A_LIST.search(text)
        if listed is not None and (joined is None or listed.start() < joined.start()):
            joined = listed
    if joined is None:
        return None
    part = text[: joined.start()].rstrip(" ,")
    return part if len(_WORDS.findall(part)) >= PART_MIN_WORDS else None


# The first of several questions, or a question before what the client adds (NLU round 20: "How does the IEC
# pool work? Do I just create a profile and wait to be invited?" 020401 0.55, its first question 0.85; "passeport
# canadien en 2 semaines c possible? on doit partir pour un deces ..."): the first sentence that ends with "?"
# when another follows, read alone too; like the first part, it only raises the top code's confidence when it
# ranks it first too. Not when the next sentence goes on from it with "and" / "et" ("Mon mari peut-il venir et
# travailler? et les enfants ...", "...application? and how much is it for the whole family": read alone, the
# first question raised a wrong code), and not under 6 words ("c'est quoi mon numero IUC? j'ai perdu le papier",
# an own-file line, was answered with seed 1).
def _confirm(best: list[Prediction], asked: list[Prediction]) -> None:
    """`best`'s top code takes another reading's confidence when that reading ranks the same code
    first, with more (every reading of :meth:`FastTextBackend.predict` goes through here)."""
    if asked and asked[0].code == best[0].code and asked[0].confidence > best[0].confidence:
        best[0] = asked[0]


# A reading sure of another of the message's top codes (NLU round 23: "My parents live in Nigeria ... How do they apply
# for the visitor visa and what does it cost ...?" 090101 0.43 over 010201 0.32, the question's first part 010201 0.95;
# "Bonsoir mes chers, un parrainage de conjoint ça prend combien de temps ces temps-ci? Ma femme est à Port-au-Prince
# ..." 040101 0.44, its first question 090201 0.98): when the message alone is unsure of its top code (under
# SWITCH_BELOW), a reading that ranks one of the message's next SWITCH_RANKS - 1 codes first with SWITCH_AT or more puts
# that code first, with the reading's confidence; a solution only (never an intent such as @own_file), once a message
# (a reading may have raised the top code before: the message alone decides whether it was unsure). Not the reading
# without a condition:
# "Is biometrics compulsory for visitor visa if I already gave them 3 years back?" went to 010201 (0.92) with two seeds.
# Below 0.9, readings sure of a part of the question added wrong answers on files not read (0.82-0.90: "... How much in
# total do I need to show in funds?" 030201, "What are the fees for an open work permit, is there an extra holder fee
# on top?" 020102); so did a message top under 0.7 instead of 0.6. 0.92 keeps a margin over the worst of them (0.896);
# it leaves test34's "What should I put in my letter of explanation? I was refused once ..." (its question 051102 0.91).
SWITCH_BELOW = 0.6
SWITCH_AT = 0.92
SWITCH_RANKS = 3


def _switch(best: list[Prediction], asked: list[Prediction]) -> bool:
    """Put `asked`'s top code first in `best` (with its confidence) when it is a solution among `best`'s next codes,
    `asked` is sure of it (SWITCH_AT) and ranks it first; True when it did."""
    if not asked:
        return False
    top = asked[0]
    if (top.confidence < SWITCH_AT or top.code == best[0].code or top.code.startswith(INTENT_PREFIX)
            or all(p.code != top.code for p in best[1:SWITCH_RANKS])):
        return False
    best[:] = [top, *(p for p in best if p.code != top.code)]
    return True


FIRST_QUESTION_MIN_WORDS = 6
# runs of blanks (not newlines) and single blanks other than a space, each made one space: the same text as every
# run made one space, and the text itself (no copy) when it has none of them, as most messages
_BLANKS = re.compile(r"[^\S\n]{2,}|[^\S\n ]")


_STOP = re.compile(r"(?<=[?!.;])\s+")  # _SENTENCE_END without its newline, which most messages have not
_STOP_GATE = re.compile(r"[?!.;]\s")


def _sentences(text: str) -> list[str]:
    """The sentences of `text` (split by _SENTENCE_END, stripped, none empty). first_question, asked_clause and
    without_condition split `text` with its runs of blanks made one first (the split's newline tries every
    space of a run: 2,000 spaces took 14 ms); :meth:`FastTextBackend.predict` splits a message once for them all."""
    if "\n" in text:
        parts = _SENTENCE_END.split(text)
    elif _STOP_GATE.search(text) is None:  # one sentence (most messages): nothing to split
        parts = [text]
    else:
        parts = _STOP.split(text)
    return [s for s in (part.strip() for part in parts) if s]


def first_question(text: str, sentences: list[str] | None = None) -> str | None:
    """The first sentence of `text` that ends with "?" when another sentence follows it (see above); None
    when there is none, when the next sentence goes on with "and" / "et", or when it has fewer than
    FIRST_QUESTION_MIN_WORDS words. `sentences`: `text`'s, with its runs of blanks made one, if split already."""
    if "?" not in text:
        return None
    if sentences is None:
        sentences = _sentences(_BLANKS.sub(" ", text))
    for index, sentence in enumerate(sentences[:-1]):
        if sentence.endswith("?"):
            if _GOES_ON.match(sentences[index + 1]) or len(_WORDS.findall(sentence)) < FIRST_QUESTION_MIN_WORDS:
                return None
            return sentence
    return None


# A first question followed by a second one asked after "and" / "et" (NLU round 26: "can my kids attend my citizenship
# ceremony? and is it online or in person" 060201 0.46, the first question 0.96; test4's "how many days do i need for
# citizenship? and do i need to pass a language test too"): first_question does not read a question the next sentence
# goes on from with "and" / "et" (round 20); when that sentence opens a question of its own with an auxiliary ("and is
# it", "and do i", "et est-ce que", "et je peux"), the first question is read alone too, 6 words or more. Like
# part_in_context, it only raises the top code's confidence when it ranks it first too (allowed to switch the top code,
# it changed no line of the eval files with any seed). Not after "and" and a question word: test4's "Does my 12 year
# old son have to give biometrics with our visitor visa application? and how much is it for the whole family" was
# answered with the first question's code (010201 for 090101, seed 0), as round 20 had found.
_SECOND_ASKED = re.compile(
    r"(?:and|et)\s+(?:can|could|do|does|did|is|are|should|must|will|would|is there|are there|est-ce|est ce|je peux|"
    r"on peut|peut-on|peut on|faut|il faut|c'est|cest|c est|y a-t-il|y a t il|"
    r"[^\W\d_]+-(?:je|tu|il|elle|on|nous|vous|ils|elles|t-il|t-elle|t-on))(?![^\W_])", re.IGNORECASE)


def question_before_next(text: str, sentences: list[str] | None = None) -> str | None:
    """The first sentence of `text` that ends with "?" when the next sentence asks a second question after "and" /
    "et" and an auxiliary (see above); None otherwise, or when it has fewer than FIRST_QUESTION_MIN_WORDS words.
    `sentences`: as for :func:`first_question`."""
    if "?" not in text:
        return None
    if sentences is None:
        sentences = _sentences(_BLANKS.sub(" ", text))
    for index, sentence in enumerate(sentences[:-1]):
        if sentence.endswith("?"):
            if not _SECOND_ASKED.match(sentences[index + 1]) or len(_WORDS.findall(sentence)) < FIRST_QUESTION_MIN_WORDS:
                return None
            return sentence
    return None


# A message that opens with its question and gives its context after a comma (NLU round 26: "how do i get more crs points,
# i have 1 yr canadian work experience and im 31" 030102 0.39, the clause 0.90; "comment augmenter mon score crs, j'ai 1
# an d'experience au canada et un TEF moyen"; "comment faire une verification de casier de la GRC pour ma demande, je suis
# deja a montreal"): the clause before the first comma of the first sentence, when that sentence opens with a question
# word or an auxiliary that asks and the rest, from the client ("i", "my", "we", "j'ai", "je", "mon", "on"...), neither
# has "?" nor asks after a comma; 5 words or more. Like part_in_context, it only raises the top code's confidence when
# it ranks it first too (allowed to switch, it changed no line). Not after "je dois" / "je peux" / "il faut", which
# question_of counts as asking: "je dois ecrire ma lettre d'explication mais je sais pas quoi dire, j'ai arrete l'ecole
# ..." tells a need, and its clause answered 051101 for 051102 with every seed.
_ASKING_START = re.compile(
    r"(?:how|what|what's|whats|when|where|which|who|why|can|could|do|does|did|should|will|would|is|are|"
    r"comment|combien|quand|où|pourquoi|quel|quelle|quels|quelles|est-ce|est ce)(?![^\W_])", re.IGNORECASE)
_CONTEXT_AFTER = re.compile(
    r"(?:i|i'm|im|i've|ive|i am|i have|my|we|we're|our|j'ai|jai|je|j|mon|ma|mes|nous|on)(?![^\W_])", re.IGNORECASE)


def question_before_context(text: str, sentences: list[str] | None = None) -> str | None:
    """The clause before the first comma of `text`'s first sentence when that sentence opens by asking and goes on with
    the client's context (see above); None otherwise, or when the clause has fewer than LAST_CLAUSE_MIN_WORDS words.
    `sentences`: as for :func:`first_question`."""
    if ", " not in text:
        return None
    if sentences is None:
        sentences = _sentences(_BLANKS.sub(" ", text))
    first = sentences[0].replace("’", "'")
    comma = first.find(", ")
    if comma < 0 or not _ASKING_START.match(first) or "?" in first[comma:]:
        return None
    rest = first[comma + 2:]
    if not _CONTEXT_AFTER.match(rest) or _ASKING_CLAUSE.search(rest) or _CLAUSE_START.search(rest):
        return None
    clause = first[:comma].strip()
    return clause if len(_WORDS.findall(clause)) >= LAST_CLAUSE_MIN_WORDS else None


# The question a message of several sentences asks after its context, past a comma (NLU round 21: "Bonsoir, mon frère
# est en Haïti et il n'a pas internet fiable, est-ce qu'il peut faire la demande de visa visiteur sur papier? Mèsi"
# 010201 clarified, its clause 0.90): round 16's clause of a one-sentence question, taken from the message's first
# question; like the first question, it only raises the top code's confidence when it ranks it first too, and it is
# not read under 6 words (4 gained no line of the files not read). Splitting every sentence inside question_of lost
# right answers in round 16 (questions left too short to count); read apart, a clause can only raise the top code.
ASKED_CLAUSE_MIN_WORDS = 6


def asked_clause(text: str, sentences: list[str] | None = None) -> str | None:
    """In a message of several sentences, the clause after the last comma before a question word of its first
    sentence that ends with "?"; None when there is none or it has fewer than ASKED_CLAUSE_MIN_WORDS words.
    `sentences`: as for :func:`first_question`."""
    if "?" not in text or ", " not in text:
        return None
    if sentences is None:
        sentences = _sentences(_BLANKS.sub(" ", text))
    if len(sentences) < 2:
        return None
    for sentence in sentences:
        if sentence.endswith("?"):
            parts = _clauses(sentence)
            if len(parts) == 2 and len(_WORDS.findall(parts[1])) >= ASKED_CLAUSE_MIN_WORDS:
                return parts[1]
            return None
    return None


# A question read without its trailing condition (NLU round 21: "Is study permit required for online courses from a
# Canadian college if I stay in Lebanon?" 050101 0.53, "... from a Canadian college?" 0.78; "... en restant au Maroc?"):
# the condition narrows the case, the words before it name the subject. Read alone too, from "if" / "si" / "when" /
# "quand" / "while" / a French gerund ("en restant") to the "?" of the message's first question, 6 words or more
# left; like the other readings, it only raises the top code's confidence when it ranks it first too. Its reason
# likewise, from "because" / "parce que" / "à cause de" ("Is he able to get an open work permit because of my job?").
# A message of one sentence without "?" that opens with a question word too ("how long does a passport take if i mail
# the application"); any sentence without "?" added a wrong answer with every seed ("j'ai oublié mon nom
# d'utilisateur cleGC je fais comment, ..." -> 020601).
CONDITION_MIN_WORDS = 6
_CONDITION = re.compile(
    r"\s+(?:(?:if|si|s'il|s'ils|en \w+ant|when|quand|while|pendant que|as long as|tant que|because|parce que|"
    r"[àa] cause (?:de|du|des))\s|parce qu'|[àa] cause d')[^?]*\?$", re.IGNORECASE)


def without_condition(text: str, sentences: list[str] | None = None) -> str | None:
    """The first sentence of `text` that ends with "?" without a trailing condition or reason ("... from a Canadian
    college if I stay in Lebanon?" -> "... from a Canadian college?"), or of a message of one sentence without "?"
    that opens with a question word; None when it has none or fewer than CONDITION_MIN_WORDS words are left.
    `sentences`: as for :func:`first_question`."""
    if sentences is None:
        sentences = _sentences(_BLANKS.sub(" ", text))
    if "?" not in text:
        if len(sentences) != 1 or not _QUESTION_START.match(sentences[0].replace("’", "'")):
            return None
        # one sentence (no "?", no split inside): that sentence asked with "?" is its own only sentence
        sentences = [sentences[0].rstrip(" .!") + "?"]
    for sentence in sentences:
        if sentence.endswith("?"):
            cut = _CONDITION.search(sentence)
            if cut is None:
                return None
            rest = sentence[: cut.start()].rstrip(" ,")
            return rest + "?" if len(_WORDS.findall(rest)) >= CONDITION_MIN_WORDS else None
    return None


# A short question that leaves its subject to the sentence before it (NLU round 22: "... Last winter I had health issues
# and failed two courses, so the college pushed my graduation to December. My study permit ends in May. How do I
# extend it?" 050601 0.45; "My study permit ends in May. How do I extend it?" 0.95): a message's last sentence that ends
# with "?" and is shorter than a question question_of reads (QUESTION_MIN_WORDS), or its only sentence that ends with
# "?" when it has fewer than CONTEXT_QUESTION_MAX_WORDS words ("On me dit qu'il faut aussi une LAP pour le permis
# d'études. Je dois la demander où? je viens du Niger"), read with the sentence before it when that one does not ask
# itself, 6 words or more; like the other readings, it only raises the top code's confidence when it ranks it first
# too. Not a question followed by another one under 10 words ("... my son's passport just expired. Is there any way to
# get one fast? How much extra?" was answered with 080201 with seed 1), nor the only question from 12 words (a wrong
# answer with seed 1: "I was refused once in 2022. How should I write my explanation letter so ...?" -> 051101), nor
# a last sentence that opens with a question word without "?" ("... What do I do": one line with one seed only).
CONTEXT_MIN_WORDS = 6
CONTEXT_QUESTION_MAX_WORDS = 10


def question_in_context(text: str, sentences: list[str] | None = None) -> str | None:
    """A short question of `text` with the sentence before it ("My study permit ends in May. How do I extend it?"): its
    last sentence when it ends with "?" and has fewer than QUESTION_MIN_WORDS words, else its only sentence that ends
    with "?" when it has fewer than CONTEXT_QUESTION_MAX_WORDS words; None when there is no such question, when it is
    the first sentence or the sentence before it ends with "?" too, or when both have fewer than CONTEXT_MIN_WORDS
    words. `sentences`: as for :func:`first_question`."""
    if "?" not in text:
        return None
    if sentences is None:
        sentences = _sentences(_BLANKS.sub(" ", text))
    asked = [index for index, sentence in enumerate(sentences) if sentence.endswith("?")]
    if not asked:
        return None
    last = len(sentences) - 1
    if asked[-1] == last and len(_WORDS.findall(sentences[last])) < QUESTION_MIN_WORDS:
        index = last
    elif len(asked) == 1 and len(_WORDS.findall(sentences[asked[0]])) < CONTEXT_QUESTION_MAX_WORDS:
        index = asked[0]
    else:
        return None
    if index == 0 or sentences[index - 1].endswith("?"):
        return None
    reading = f"{sentences[index - 1]} {sentences[index]}"
    return reading if len(_WORDS.findall(reading)) >= CONTEXT_MIN_WORDS else None


# A question asked in its last clause after context, past a comma, whatever that clause's first word (NLU round 24:
# "je pars faire un doctorat a ottawa, mon mari pourra travailler la bas?" 020501 0.49, its clause 0.86; "ma blonde est
# française, elle a 31 ans, trop vieille pour le pvt?"): round 16's clause starts only before a question word, which a
# question asked by its tone ("..., la preuve de fonds est obligatoire?", "..., elle doit passer l'examen elle aussi?")
# has not. The clause after the last comma of the message's first sentence that ends with "?", 5 words or more, when
# round 16's split finds no clause before a question word there (question_of and asked_clause read that one); like the
# other readings, it only raises the top code's confidence when it ranks it first too (it switches no code: allowed to,
# it changed no line). Not a clause that asks a second thing after "ou" / "or" and a subject or an auxiliary ("..., mon
# mari peut venir avec moi en visiteur ou il lui faut autre chose?": read alone, without "Je pars faire un DEC", it
# confirmed 040101, a wrong answer with every seed).
LAST_CLAUSE_MIN_WORDS = 5
_OR_ASKS = re.compile(
    r"\s(?:ou|or)\s+(?:il|elle|on|je|j|tu|nous|vous|ils|elles|i|he|she|we|they|you|it|is|do|does|can|should|"
    r"est ce|est-ce)\b", re.IGNORECASE)


def last_clause(text: str, sentences: list[str] | None = None) -> str | None:
    """The clause after the last comma of the first sentence of `text` that ends with "?" (see above); None when there is
    none, when that sentence has no comma or a clause before a question word (:func:`_clauses`), or when its last clause
    has fewer than LAST_CLAUSE_MIN_WORDS words or asks a second thing after "ou" / "or". `sentences`: as for
    :func:`first_question`."""
    if "?" not in text or ", " not in text:
        return None
    if sentences is None:
        sentences = _sentences(_BLANKS.sub(" ", text))
    for sentence in sentences:
        if sentence.endswith("?"):
            comma = sentence.rfind(", ")
            if comma < 0 or len(_clauses(sentence)) == 2:
                return None
            clause = sentence[comma + 2:].strip()
            if len(_WORDS.findall(clause)) < LAST_CLAUSE_MIN_WORDS or _OR_ASKS.search(clause):
                return None
            return clause
    return None


# The short first part of a question read with the sentence before it (NLU round 25: "Hello, my parents live in Lagos and
# I'm a PR in Ottawa. Someone told me about a special visa that lets parents stay longer than 6 months at a time. What are
# the conditions, do I need to show my income and do they need a private health insurance from a Canadian company?"
# 010301 0.48; "Someone told me about ... at a time. What are the conditions" 0.80): round 18's first part names what a
# question asks of, and round 22's sentence before a short question names its subject; a first part shorter than a
# question question_of reads (QUESTION_MIN_WORDS: "What are the conditions", "How do the draws work exactly") is read
# with the sentence before it, when that one does not ask itself, 6 words or more. The message's first sentence that
# ends with "?" only; like the other readings, it only raises the top code's confidence when it ranks it first too
# (allowed to switch the top code, it changed no line of the eval files with any seed, so it does not). A first part of
# up to 9 words changed one more line, from "other" to clarified.
def part_in_context(text: str, sentences: list[str] | None = None) -> str | None:
    """The first part (:func:`first_part`) of the first sentence of `text` that ends with "?", with the sentence before
    it, when that part has fewer than QUESTION_MIN_WORDS words; None when there is no such part, when the question is the
    first sentence or the sentence before it ends with "?" too, or when both have fewer than CONTEXT_MIN_WORDS words.
    `sentences`: as for :func:`first_question`."""
    if "?" not in text:
        return None
    if sentences is None:
        sentences = _sentences(_BLANKS.sub(" ", text))
    for index, sentence in enumerate(sentences):
        if sentence.endswith("?"):
            if index == 0 or sentences[index - 1].endswith("?"):
                return None
            part = first_part(sentence)
            if part is None or len(_WORDS.findall(part)) >= QUESTION_MIN_WORDS:
                return None
            reading = f"{sentences[index - 1]} {part}"
            return reading if len(_WORDS.findall(reading)) >= CONTEXT_MIN_WORDS else None
    return None


# French states its topic first, then asks of it after a comma (NLU round 27: "premiere demande de passeport pour ma
# fille de 6 ans, les deux parents doivent signer?" 100101 0.41, the topic alone 0.92; "j'arrive plus a me connecter,
# j'ai change de telephone et j'ai plus le code d'authentification" 090501 0.46 -> 0.84; "le visa de travail apres
# l'ecole, faut faire quoi pour l'avoir"): in a French message of one sentence, the part before its first comma is read
# alone, 5 words or more. Like the other readings it only raises the top code's confidence when it ranks it first too.
# Not when what follows the comma is long (more than 12 words: a second topic, "..., on me parle aussi d'une lettre de la
# province, c'est quoi ..." went to the first one's code; a bar of 8 gained 5-7 lines fewer), asks someone to act
# ("vous", "quelqu'un", "un agent", "svp", a verb in -ez: "..., verifiez svp" is one's own file), or when the topic
# reports what someone said ("mon ancien proprio dit qu'il peut me vendre une EIMT ..., c legal?" asks whether it is
# true, not of the EIMT). Read only while the message is under TOPIC_BELOW on a solution: an intent raised (@own_file)
# handed off off-topic lines, and a message at the bar is answered already (the reading costs a predict). Read in
# English, or in a message of several sentences, it answered wrong and out-of-scope lines with every seed ("lost my
# canadian passport in cancun, i fly home tomorrow, need emergency travel document" -> 100101).
TOPIC_MIN_WORDS = 5
TOPIC_BELOW = 0.8  # read only while the message is under this on its top code, a solution (French answers from 0.8)
TOPIC_REST_MAX_WORDS = 12
_ASKS_SOMEONE = re.compile(
    r"\b(?:vous|you|u|agent|officer|quelqu|qqun|someone|somebody|anyone|svp|stp|pls|plz|please|\w+ez)\b", re.IGNORECASE)
_REPORTED = re.compile(r"\b(?:dit|disent|disait|disant|dise|ecrit|écrit)\b", re.IGNORECASE)


def topic_first(text: str, sentences: list[str] | None = None) -> str | None:
    """The part of a one-sentence message before its first comma (see above); None when `text` has more than one
    sentence or no comma, when that part has fewer than TOPIC_MIN_WORDS words or reports what someone said, or when
    what follows has more than TOPIC_REST_MAX_WORDS words or asks someone to act. For French messages only
    (:meth:`FastTextBackend.predict`). `sentences`: as for :func:`first_question`."""
    if ", " not in text:
        return None
    if sentences is None:
        sentences = _sentences(_BLANKS.sub(" ", text))
    if len(sentences) != 1:
        return None
    comma = sentences[0].find(", ")
    if comma < 0:
        return None
    topic, rest = sentences[0][:comma], sentences[0][comma + 2:]
    if len(_WORDS.findall(rest)) > TOPIC_REST_MAX_WORDS or _ASKS_SOMEONE.search(rest) or _REPORTED.search(topic):
        return None
    return topic if len(_WORDS.findall(topic)) >= TOPIC_MIN_WORDS else None


# NLU round 30: the same French one-sentence message read from the other side: what follows the first comma, alone, when
# the part before states the client's situation (TOPIC_MIN_WORDS words or more) and the rest asks in REST_MIN_WORDS to
# TOPIC_REST_MAX_WORDS words ("ma blonde pis moi on a eu notre convocation pour devenir citoyens, ca dure combien de
# temps une ceremonie pis faut apporter quoi": 060201 0.38, the rest alone 0.86): the question after a context is
# shorter than question_of reads (QUESTION_MIN_WORDS). Read under the topic's conditions (French, under TOPIC_BELOW on a
# solution, not when the rest asks someone to act), and it only raises the top code's confidence when it ranks it first
# too. Read in full, the rest answered wrong where the situation picks the solution ("j'ai une carte verte americaine,
# faut-il une AVE pour venir au canada" -> 010101; "mes enfants vont à l'école ici, je suis travailleur temporaire,
# faut-il un permis pour eux" -> 020101): so it is read only when the message does not hesitate between two solutions
# (its second code an intent, or REST_SECOND_GAP or more under the top), when the rest asks (_REST_ASKS: "?" or a
# question word) and when the rest alone is sure of its code by REST_MARGIN or more over its second ("il me faut un
# passeport en urgence, quoi apporter?": 010101 0.89, 100201 0.74).
REST_MIN_WORDS = 4
REST_SECOND_GAP = 0.2
REST_MARGIN = 0.4
_REST_ASKS = re.compile(
    r"\?|\b(?:comment|combien|quoi|koi|quel|quelle|quels|quelles|ou|où|quand|pourquoi|est ce|est-ce|faut|dois|peux|"
    r"peut|puis|normal|possible)\b", re.IGNORECASE)


def rest_after_topic(text: str, sentences: list[str] | None = None) -> str | None:
    """What follows the first comma of a one-sentence message (see above); None when :func:`topic_first` would find no
    topic (a part before of fewer than TOPIC_MIN_WORDS words, reported speech, a rest that asks someone to act or is
    longer than TOPIC_REST_MAX_WORDS words), when the rest has fewer than REST_MIN_WORDS words or does not ask
    (_REST_ASKS)."""
    if sentences is None:
        sentences = _sentences(_BLANKS.sub(" ", text))
    if topic_first(text, sentences) is None:
        return None
    rest = sentences[0][sentences[0].find(", ") + 2:]
    return rest if len(_WORDS.findall(rest)) >= REST_MIN_WORDS and _REST_ASKS.search(rest) else None


def question_of(text: str, sentences: list[str] | None = None) -> str | None:
    """The sentences of `text` that ask, joined; None when `text` is shorter than
    QUESTION_MIN_WORDS / QUESTION_MAX_SHARE words, has one sentence, asks nothing, or when its
    question is shorter than QUESTION_MIN_WORDS words or longer than QUESTION_MAX_SHARE of it.
    `sentences`: `text`'s (:func:`_sentences`), if split already."""
    if text.count(" ") < QUESTION_MIN_WORDS - 1:  # cheap: most messages are short
        return None
    if sentences is None:
        sentences = _sentences(text)
    if len(sentences) == 1:
        sentences = _clauses(sentences[0])
    if len(sentences) < 2:
        return None
    asked, previous = [], False
    for sentence in sentences:
        previous = (sentence.endswith("?") or bool(_QUESTION_START.match(sentence.replace("’", "'")))
                    or (previous and bool(_GOES_ON.match(sentence))))
        if previous:
            asked.append(sentence)
    if not asked:
        return None
    question = " ".join(asked)
    count = len(_WORDS.findall(question))
    # the message's words are counted last (most messages ask in one sentence): a text of fewer than
    # QUESTION_MIN_WORDS / QUESTION_MAX_SHARE words has no question of QUESTION_MIN_WORDS words within the share
    if count < QUESTION_MIN_WORDS or count > QUESTION_MAX_SHARE * len(_WORDS.findall(text)):
        return None
    return question


# How clients type on a phone (NLU round 14, config/eval/README.md): SMS forms, abbreviations
# and French elisions without their apostrophe, and (NLU round 15) the world Englishes' and
# Frenches' words for the KB's ("compulsory", "revert", "modalities", "obligée"), in normalised text (no accents, apostrophes as
# spaces), spelt out as the examples write them. Forms the examples use themselves are left
# alone (``respellings``: "jpeux", "jsuis", "jveux" are in the KB), and forms that mean something
# else in the KB's languages are not listed ("pr" is permanent residence; "sa", "ca", "rp").
# Not kept (measured): units ("yrs", "hrs": as many lines lost as gained), and typos one letter
# away from a known word ("vissa", "aplication"): fastText's character n-grams read most of them,
# and rewriting unknown words into the KB's words made off-topic lines look like questions
# (CLINC answered 35 -> 38, French out-of-scope answered 4 -> 6). NLU round 27: French as francophones type it
# (SMS "bcp", "pcq", "kel", "cmb", "qqch"; Québec's "icitte", "asteure"; Haitian Creole's "mwen", "kijan", "konbyen",
# "viza", "paspo"; anglicisms "checker", "appliquer", "canceller").
_RESPELL_TEXT = """
u=you ur=your r=are w=with wat=what wats=what_s abt=about cuz=because coz=because b4=before
rn=right_now thru=through frm=from nxt=next hv=have ny=any ppl=people
wp=work_permit sp=study_permit pp=passport docs=documents appt=appointment gf=girlfriend
cmt=comment cb=combien cbn=combien tjrs=toujours tjs=toujours pk=pourquoi pq=pourquoi pkoi=pourquoi
pourkoi=pourquoi ds=dans qd=quand kan=quand koi=quoi mm=meme vs=vous ns=nous tt=tout mtn=maintenant
pdt=pendant ptet=peut_etre qqn=quelqu_un ke=que ki=qui infos=informations
cest=c_est jai=j_ai jy=j_y dun=d_un dune=d_une quil=qu_il jusqua=jusqu_a nest=n_est lagent=l_agent
letudiant=l_etudiant detude=d_etude detudes=d_etudes dimmigration=d_immigration jpeux=je_peux
jveux=je_veux jdois=je_dois jfais=je_fais jsuis=je_suis chui=je_suis chuis=je_suis
compulsory=mandatory obligatory=mandatory exempted=exempt oblige=obligatoire obligee=obligatoire revert=reply
modalities=requirements modalites=conditions
bcp=beaucoup pcq=parce_que pck=parce_que psk=parce_que paske=parce_que pasque=parce_que kel=quel kelle=quelle
koman=comment komen=comment kombien=combien cmb=combien tjr=toujours qqch=quelque_chose qq=quelque qlq=quelque
jsais=je_sais jsp=je_sais_pas icitte=ici asteure=maintenant fo=faut msg=message keske=qu_est_ce_que kesk=qu_est_ce_que
mwen=je konbyen=combien kijan=comment paspo=passeport viza=visa manman=mere pitit=enfant bezwen=besoin vle=veux
kounya=maintenant kounye=maintenant pou=pour checker=verifier appliquer=faire_une_demande canceller=annuler
renouveller=renouveler
"""
RESPELL: dict[str, str] = dict(
    (pair.split("=")[0], pair.split("=")[1].replace("_", " ")) for pair in _RESPELL_TEXT.split())
RESPELL_KB_USES = 3  # a form the examples use this often is the KB's own spelling


# An elision typed without its apostrophe before an acronym (NLU round 27: "lAVE", "dEIMT", "lEIC"), split before
# the message is cleaned: "lave" would be read as a word.
_GLUED_ELISION = re.compile(r"\b([ldj])([A-Z]{2,5})\b")
_GLUED_GATE = re.compile(r"[ldj][A-Z]{2}")  # what _GLUED_ELISION needs, found faster (a message in thousands has it)


def respellings(words: dict[str, int]) -> dict[str, str]:
    """The entries of ``RESPELL`` to apply for a model whose dictionary counts `words`: the form
    is used fewer than ``RESPELL_KB_USES`` times in the examples and every word spelt out is used."""
    return {form: spelt for form, spelt in RESPELL.items()
            if words.get(form, 0) < RESPELL_KB_USES and all(words.get(w, 0) for w in spelt.split())}


def respelt(query: str, table: dict[str, str]) -> str:
    """The cleaned `query` with the words of `table` spelt out; `query` itself when it has none."""
    if not table:
        return query
    tokens = query.split(" ")
    if table.keys().isdisjoint(tokens):
        return query
    return " ".join([table.get(token, token) for token in tokens])


def fasttext_seed(seed: int) -> int:
    """The seed passed to fastText for the config's `seed`: ``seed + 1``.

    fastText seeds its generators with ``std::minstd_rand(seed + thread index)`` (the input
    matrix's initialisation, and each training thread's), and ``minstd_rand`` replaces a seed of
    0 (mod 2**31 - 1) by 1: fastText's seeds 0 and 1 make the same model with one thread, so the
    config's seed 1 used to give seed 0's model on every line (NLU round 12). Shifted by one,
    every config seed is a distinct generator seed, and seed 0 (the default) still gives the
    model it always gave (fastText's 1, the same as its 0)."""
    return seed + 1


def _unit(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=-1, keepdims=True)
    norms[norms == 0] = 1.0
    return (matrix / norms).astype(np.float32)


# Models loaded in this process by file: brains trained on the same share of the knowledge
# base with the same options (the default config's ``default`` and ``web``) have one model
# file, loaded once (~40 MB each). A model no brain holds any more is dropped.
_LOADED: weakref.WeakValueDictionary[tuple[str, int, int], Any] = weakref.WeakValueDictionary()
_LOADING = threading.Lock()


def _load_fasttext(path: Path) -> Any:
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    with _LOADING:
        model = _LOADED.get(key)
        if model is None:
            # ``fasttext.load_model`` prints a warning on stderr each time; its class does not.
            model_class = getattr(getattr(fasttext, "FastText", None), "_FastText", None)
            model = model_class(model_path=str(path)) if model_class else fasttext.load_model(str(path))
            _LOADED[key] = model
        return model


@dataclass(frozen=True)
class _Trained:
    """Everything :meth:`FastTextBackend.predict` reads, swapped in one assignment."""

    model: Any  # a fastText model, or None when no example had any text
    codes: tuple[str, ...]  # label i of the model is codes[i]
    vectors: np.ndarray  # unit sentence vectors of the distinct examples, grouped by code
    starts: np.ndarray  # first row of each code's group in `vectors`
    # Precomputed once for predict(): label index of each fastText label, and each code's
    # rows of `vectors` as a view (only the candidates' rows are compared with the message).
    labels: dict[str, int] = field(default_factory=dict)
    groups: tuple[np.ndarray, ...] = ()
    sizes: tuple[int, ...] = ()  # rows of each code's group
    every_code_has_rows: bool = False  # no empty group: _nearest's short path applies
    dim: int = 0  # the model's dimension (asking fastText costs a Python call per message)
    respell: dict[str, str] = field(default_factory=dict)  # respellings() of the model's dictionary

    @classmethod
    def build(cls, model: Any, codes: tuple[str, ...], vectors: np.ndarray, starts: np.ndarray) -> _Trained:
        """The state with what :meth:`FastTextBackend.predict` needs precomputed: unit rows
        (normalised once here, whatever the saved file holds), C-contiguous float32."""
        vectors = np.ascontiguousarray(_unit(vectors) if len(vectors) else vectors, dtype=np.float32)
        bounds = [*(int(s) for s in starts), len(vectors)]
        groups = tuple(vectors[bounds[i]:bounds[i + 1]] for i in range(len(codes)))
        labels = {f"{LABEL}{i}": i for i in range(len(codes))}
        sizes = tuple(len(group) for group in groups)
        dim = model.get_dimension() if model is not None else vectors.shape[1]
        respell = respellings(dict(zip(*model.get_words(include_freq=True), strict=True))) if model is not None else {}
        return cls(model, codes, vectors, starts, labels, groups, sizes, all(sizes), dim, respell)


class FastTextBackend:
    """Supervised fastText over normalised text; one instance per brain.

    Training builds a new state and swaps it in whole, so a backend can keep answering
    while it retrains in another thread (fastText releases the GIL while it trains).
    """

    def __init__(self, config: FastTextConfig) -> None:
        self.config = config
        self.state = _Trained.build(None, (), np.zeros((0, config.dim), np.float32), np.zeros(0, np.int64))
        # the short texts' cache and the state it was made for: a new state (trained, loaded) gets a new one
        self._short: tuple[_Trained | None, Callable[[str, str, int], tuple[Prediction, ...]] | None] = (None, None)

    @property
    def codes(self) -> tuple[str, ...]:
        """The codes the model knows, in label order."""
        return self.state.codes

    # -- training -----------------------------------------------------------------------

    def train(self, examples: Sequence[TrainingExample],
              progress: Callable[[float], None] | None = None) -> None:
        """Train fastText, quantize if configured, and index the examples' vectors.

        fastText reports no progress while it trains, so `progress` moves at the end of
        each phase: data written (0.05), trained (0.8), quantized (0.9), indexed (1.0).
        """
        report = progress or (lambda fraction: None)
        report(0.0)
        texts: dict[str, list[str]] = {}
        for example in examples:
            text = self._clean(example.text)
            if text:
                texts.setdefault(example.code, []).append(text)
        codes = tuple(sorted(texts))
        model = None
        if codes:
            with tempfile.TemporaryDirectory(prefix="quaid-fasttext-") as tmp:
                data = Path(tmp) / "train.txt"
                with data.open("w", encoding="utf-8") as out:
                    for index, code in enumerate(codes):
                        for text in texts[code]:
                            out.write(f"{LABEL}{index} {text}\n")
                report(0.05)
                model = self._fit(data)
                report(0.8)
                if self.config.quantize:
                    self._quantize(model, data)
                report(0.9)
        self.state = self._index(model, codes, texts)
        report(1.0)

    def _fit(self, data: Path) -> Any:
        c = self.config
        options = dict(
            input=str(data), epoch=c.epoch, lr=c.lr, wordNgrams=c.word_ngrams, minn=c.minn,
            maxn=c.maxn, dim=c.dim, loss=c.loss, bucket=c.bucket, seed=fasttext_seed(c.seed),
            thread=c.thread, minCount=1, verbose=0,
        )
        try:
            return fasttext.train_supervised(**options)
        except RuntimeError as exc:
            if "NaN" not in str(exc):
                raise
            # fastText 0.9.3 with < 10 threads, or a learning rate too high for the data.
            log.warning("fasttext training diverged (%s); retrying with 12 threads and half the lr", exc)
            options.update(thread=max(12, c.thread), lr=c.lr / 2, seed=fasttext_seed(c.seed) + 1)
            return fasttext.train_supervised(**options)

    def _quantize(self, model: Any, data: Path) -> None:
        c = self.config
        cutoff = c.quantize_cutoff
        model.quantize(
            input=str(data) if cutoff else None, retrain=bool(cutoff), cutoff=cutoff,
            qnorm=True, thread=c.thread, verbose=0,
        )

    def _index(self, model: Any, codes: tuple[str, ...], texts: dict[str, list[str]]) -> _Trained:
        """Unit sentence vectors of the (distinct) examples, grouped by code in `codes` order."""
        rows: list[np.ndarray] = []
        starts: list[int] = []
        for code in codes:
            starts.append(len(rows))
            rows.extend(_vector(model, text) for text in dict.fromkeys(texts[code]))
        dim = model.get_dimension() if model else self.config.dim
        matrix = np.array(rows, dtype=np.float32).reshape(len(rows), dim)
        return _Trained.build(model, codes, matrix, np.array(starts, dtype=np.int64))

    # -- persistence --------------------------------------------------------------------

    def _model_file(self, path: Path) -> Path:
        return path / ("fasttext.ftz" if self.config.quantize else "fasttext.bin")

    def save(self, path: Path) -> None:
        """Write the model (``.ftz`` when quantized), the example vectors and the codes."""
        state = self.state
        path.mkdir(parents=True, exist_ok=True)
        if state.model is not None:
            state.model.save_model(str(self._model_file(path)))
        np.save(path / VECTORS, state.vectors)
        meta = {
            "format": FORMAT,
            "codes": list(state.codes),
            "starts": state.starts.tolist(),
            "options": self.config.training_options(),
            "empty": state.model is None,
        }
        (path / META).write_text(json.dumps(meta), encoding="utf-8")

    def load(self, path: Path) -> bool:
        """Read what :meth:`save` wrote; False when absent, unreadable or trained otherwise."""
        try:
            meta = json.loads((path / META).read_text(encoding="utf-8"))
            if meta.get("format") != FORMAT or meta.get("options") != self.config.training_options():
                return False
            vectors = np.load(path / VECTORS, allow_pickle=False)
            model = None if meta["empty"] else _load_fasttext(self._model_file(path))
            codes, starts = tuple(meta["codes"]), np.array(meta["starts"], dtype=np.int64)
        except (OSError, ValueError, KeyError, TypeError):
            return False
        if model is not None and (
            vectors.ndim != 2 or vectors.shape[1] != model.get_dimension() or len(starts) != len(codes)
            or len(model.get_labels()) != len(codes) or not codes
        ):
            return False
        self.state = _Trained.build(model, codes, vectors, starts)
        return True

    # -- prediction ---------------------------------------------------------------------

    def _clean(self, text: str) -> str:
        return normalize(text[: self.config.max_chars * 2])[: self.config.max_chars].strip()

    def _query(self, text: str) -> str:
        """A message cleaned as the examples are, its phone spellings spelt out (``respell``)."""
        query = self._clean(text)
        return respelt(query, self.state.respell) if self.config.respell else query

    def predict(self, text: str, lang: str, k: int = 3) -> list[Prediction]:
        """:meth:`_predict_text`, remembered for a text of up to SHORT_TEXT characters (a new list each call)."""
        if len(text) > SHORT_TEXT:
            return self._predict_text(text, lang, k)
        state, cached = self._short
        if state is not self.state or cached is None:
            # functools' LRU cache (thread-safe); a prediction made while another thread swaps a new state in may land
            # in the old state's cache, which the next call drops
            cached = functools.lru_cache(maxsize=SHORT_TEXT_CACHE)(self._remembered)
            self._short = (self.state, cached)
        return list(cached(text, lang, k))

    def _remembered(self, text: str, lang: str, k: int) -> tuple[Prediction, ...]:
        return tuple(self._predict_text(text, lang, k))

    def _predict_text(self, text: str, lang: str, k: int = 3) -> list[Prediction]:
        """The `k` codes with the highest mixed confidence among fastText's candidates.

        With ``read_question``, the top code takes its question's confidence when the question
        (:func:`question_of`) ranks it first too, with more, and likewise the message's and the
        question's confidence asked plainly (:func:`plainly`), its first part (:func:`first_part`), its
        first question (:func:`first_question`), that question's clause (:func:`asked_clause`), that
        question without its trailing condition (:func:`without_condition`), a short last question with the
        sentence before it (:func:`question_in_context`) and the last clause of its first question
        (:func:`last_clause`), and the short first part of its first question with the sentence before it
        (:func:`part_in_context`), its first question before a second one asked after "and"
        (:func:`question_before_next`), its opening clause that asks before its context
        (:func:`question_before_context`), and in French the topic a one-sentence message states before its first
        comma (:func:`topic_first`); while the message alone is unsure, a reading sure of
        another of its top three codes puts that code first, once (:func:`_switch`). `lang` picks the French reading
        only: one model learns the examples of every language.
        """
        config = self.config
        if config.drop_personal_marks:
            text = without_personal_marks(text)
        if config.strip_courtesies:
            text = without_courtesies(text)
        if config.respell and _GLUED_GATE.search(text):
            text = _GLUED_ELISION.sub(r"\1 \2", text)
        if not config.read_question:
            return self._predict(self._query(text), k)
        query = self._query(text)
        # the message's top SWITCH_RANKS codes whatever `k`: a reading may put one of them first (below)
        best = self._read(query, max(k, SWITCH_RANKS))
        if best:
            text = text[: config.max_chars]
            # the message's sentences, split once for every reading (runs of blanks made one first)
            blank = _BLANKS.sub(" ", text)
            sentences = _sentences(blank)
            question = question_of(text, sentences if blank == text else None)
            if question is not None and config.strip_courtesies:
                question = without_courtesies(question)
            # a reading read already (the message itself, or the first question that is also the question)
            # would confirm nothing more: each distinct query is predicted once
            read = {query}
            unsure = best[0].confidence < SWITCH_BELOW
            # the French topic before a comma: a solution's subject, read while the message is under TOPIC_BELOW on it
            topic = best[0].confidence < TOPIC_BELOW and lang == "fr" and not best[0].code.startswith(INTENT_PREFIX)
            for reading, may_switch in (
                    (question, True), (first_part(text), True), (first_part(question) if question else None, True),
                    (first_question(text, sentences), True), (asked_clause(text, sentences), True),
                    (without_condition(text, sentences), False), (question_in_context(text, sentences), True),
                    (last_clause(text, sentences), False), (part_in_context(text, sentences), False),
                    (question_before_next(text, sentences), False), (question_before_context(text, sentences), False),
                    (topic_first(text, sentences) if topic else None, False)):
                if reading is None:
                    continue
                reading = self._query(reading)
                if reading not in read:
                    read.add(reading)
                    if unsure and may_switch:
                        asked = self._read(reading, 1)
                        if _switch(best, asked):
                            unsure = False  # one reading may switch the top code, once
                            continue
                        _confirm(best, asked)
                    else:
                        _confirm(best, self._read(reading, 1, best[0]))
            # the French rest after the topic's comma, while the message does not hesitate between two solutions
            if topic and (len(best) < 2 or best[1].code.startswith(INTENT_PREFIX)
                          or best[1].confidence <= best[0].confidence - REST_SECOND_GAP):
                rest = rest_after_topic(text, sentences)
                if rest is not None:
                    asked = self._read(self._query(rest), 2)
                    if asked and (len(asked) < 2 or asked[0].confidence - asked[1].confidence >= REST_MARGIN):
                        _confirm(best, asked)
        return best[:k]

    def _read(self, query: str, k: int, beat: Prediction | None = None) -> list[Prediction]:
        """:meth:`_predict` of a cleaned message, whose top code takes the confidence of the
        message asked plainly (:func:`plainly`) when that reading ranks it first too, with more.

        `beat`: the prediction this reading can only confirm (:func:`_confirm`); then a reading that
        cannot rank its code first, or give it more confidence, is not scored and [] is returned (the
        message's prediction comes out the same to the bit)."""
        plain = plainly(query)
        plain = plain if plain is not query and plain else None
        # without a plain reading to raise it afterwards, this reading's confidence must beat `beat`'s itself
        best = self._predict(query, k, beat, plain is None)
        if best and plain is not None and (beat is None or best[0].code == beat.code):
            bar = best[0] if beat is None or best[0].confidence >= beat.confidence else beat
            _confirm(best, self._predict(plain, 1, bar, True))
        return best

    def _predict(self, query: str, k: int, beat: Prediction | None = None, more: bool = False) -> list[Prediction]:
        """:meth:`predict` of a cleaned message. With `beat`, [] when `beat`'s code is not among fastText's
        candidates (this reading cannot rank it first), or, with `more`, when even a cosine of 1 would not give
        it more confidence than `beat`'s: the sentence vector and the nearest examples are not computed."""
        state = self.state
        config = self.config
        model = state.model
        if not query or model is None or k < 1:
            return []
        candidates = config.candidates
        wanted = min(len(state.codes), k if k > candidates else candidates)
        # fastText ranks the candidates itself, though its sentence vector below is the same
        # hidden vector: ova's probabilities come from a 512-entry sigmoid table (0 below -8),
        # so most messages leave codes tied at the cut (p = 1e-5 for 95% of the eval lines),
        # and which of them become candidates is decided by the order of std::push_heap and
        # pop_heap over all the labels; replaying that in Python costs more than this call.
        ranked = model.f.predict(query + "\n", wanted, 0.0, "strict")
        if not ranked:
            return []
        labels, codes = state.labels, state.codes
        indexes = [labels[label] for _, label in ranked]
        weight = config.neighbour_weight
        keep = 1 - weight
        if beat is not None:
            at = next((i for i, index in enumerate(indexes) if codes[index] == beat.code), None)
            if at is None:
                return []
            probability = ranked[at][0]
            # the confidence below with a similarity of 1 (its largest): rounded alike, it bounds the code's
            if more and round(keep * (probability if probability < 1.0 else 1.0) + weight, 4) <= beat.confidence:
                return []
        similarities = None
        if weight > 0:
            vector = _sentence_vector(model, query, state.dim)
            squared = float(vector @ vector)
            if squared > 0:  # the example rows are unit vectors already: divide by |message| only
                nearest = self._nearest(state, indexes, vector)
                np.multiply(nearest, squared ** -0.5, out=nearest)
                # min(max(s, 0), 1) on every cosine at once (0 and 1 are exact in float32; NaN
                # stays NaN, as with min and max); cheaper than np.clip on ten numbers.
                np.maximum(nearest, 0.0, out=nearest)
                similarities = np.minimum(nearest, 1.0, out=nearest).tolist()
        # fastText's probabilities are positive (exp of a log; NaN raises in fastText), but
        # ova's can exceed 1 by 1e-5: min(max(p, 0), 1) is `p if p < 1 else 1` here.
        if similarities is not None:
            power = config.similarity_power
            confidence = [keep * (probability if probability < 1.0 else 1.0) + weight * similarity ** power
                          for (probability, _), similarity in zip(ranked, similarities, strict=True)]
        else:
            confidence = [keep * (probability if probability < 1.0 else 1.0) for probability, _ in ranked]
        if k == 1:  # max() keeps the first of equal confidences, as the stable sort below
            best = [max(range(len(confidence)), key=confidence.__getitem__)]
        else:
            best = sorted(range(len(confidence)), key=confidence.__getitem__, reverse=True)[:k]
        return [Prediction(codes[indexes[i]], round(confidence[i], 4)) for i in best]

    @staticmethod
    def _nearest(state: _Trained, indexes: list[int], vector: np.ndarray) -> np.ndarray:
        """Best dot product of `vector` with each candidate code's example rows: one matrix
        product over the candidates' rows only (a thousand or so on the demo KB), then the
        maximum of each group. A code with no example gets 0.

        Copying the candidates' rows and the product cost about half each. A product over
        all the rows (in either layout), one product per code, or a reused buffer for the
        copy were measured no cheaper on the demo KB (issue 13), and a product of another
        shape rounds some dot products differently (OpenBLAS's kernels): kept as it is."""
        sizes = state.sizes
        if state.every_code_has_rows:
            return _best_dots([state.groups[i] for i in indexes], [sizes[i] for i in indexes], vector)
        kept = [i for i, index in enumerate(indexes) if sizes[index]]
        out = np.zeros(len(indexes), np.float32)
        if kept:
            out[kept] = _best_dots([state.groups[indexes[i]] for i in kept],
                                   [sizes[indexes[i]] for i in kept], vector)
        return out


def _best_dots(groups: list[np.ndarray], sizes: list[int], vector: np.ndarray) -> np.ndarray:
    """The largest dot product of `vector` with the rows of each (non-empty) group."""
    offsets, at = [], 0
    for size in sizes:
        offsets.append(at)
        at += size
    return np.maximum.reduceat(np.concatenate(groups) @ vector, offsets)


_BUFFERS = threading.local()


def _sentence_vector(model: Any, text: str, dim: int | None = None) -> np.ndarray:
    """fastText's sentence vector of one line (no newline in `text`), written into a buffer
    this thread reuses (the module's ``get_sentence_vector`` allocates two per call); valid
    until the thread's next call. `dim` is the model's dimension, if known."""
    if _pybind is None:
        return _vector(model, text)
    if dim is None:
        dim = model.get_dimension()
    buffer = getattr(_BUFFERS, "vector", None)
    if buffer is None or buffer[1].shape[0] != dim:
        vector = _pybind.Vector(dim)
        buffer = _BUFFERS.vector = (vector, np.asarray(vector))  # a view of the Vector's memory
    model.f.getSentenceVector(buffer[0], text + "\n")
    return buffer[1]


def _vector(model: Any, text: str) -> np.ndarray:
    return np.asarray(model.get_sentence_vector(text), dtype=np.float32)


@hookimpl
def quaid_config_schema() -> type[BaseModel]:
    return FastTextConfig


@hookimpl
def quaid_register_nlu_backends(register) -> None:
    register("fasttext", lambda ctx: FastTextBackend(_config(ctx)))


def _config(ctx: ComponentContext) -> FastTextConfig:
    return ctx.config if isinstance(ctx.config, FastTextConfig) else FastTextConfig()
