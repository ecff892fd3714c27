"""Brains: a named share of the knowledge base with its own NLU model and thresholds.

Web visitors ask different questions than Messenger followers; the config maps each channel
to a brain (one brain, ``default``, serves every channel unless told otherwise).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import structlog

from .config import BrainConfig, Config
from .cues import without_self_introduction
from .dialogue import Policy, Thresholds
from .kb import KnowledgeBase
from .messages import Prediction
from .texts import Texts

log = structlog.get_logger(__name__)


class Brain:
    """A knowledge-base subset, a trained NLU backend and the policy that uses it."""

    def __init__(self, name: str, config: BrainConfig, kb: KnowledgeBase, nlu: Any,
                 policy: Policy, model_root: Path) -> None:
        self.name, self.config, self.kb, self.nlu, self.policy = name, config, kb, nlu, policy
        # Keyed by backend and KB content: brains with the same share of the KB share a model.
        self.model_dir = model_root / f"{config.nlu}-{kb.fingerprint()}"
        self.ready = False

    def prepare(self, train: bool = True, progress: Callable[[float], None] | None = None,
                force: bool = False) -> str:
        """Load the cached model for this KB, or train and cache one. Returns what it did."""
        if not force and self.nlu.load(self.model_dir):
            self.ready = True
            return "loaded"
        if not train:
            raise RuntimeError(f"brain {self.name!r}: no trained model in {self.model_dir}; run `quaid train`")
        examples = self.kb.training_examples()
        log.info("brain_training", brain=self.name, backend=self.config.nlu, examples=len(examples))
        self.nlu.train(examples, progress)
        self.nlu.save(self.model_dir)
        self.ready = True
        return "trained"

    def predict(self, text: str, lang: str, k: int = 5) -> list[Prediction]:
        """Ranked candidates (solutions and ``@intents``) for a redacted text, read without the
        client's self-introduction (``cues.without_self_introduction``): who asks is not what
        they ask."""
        return self.nlu.predict(without_self_introduction(text), lang, k)


def build_brains(config: Config, kb: KnowledgeBase, texts: Texts,
                 nlu_factory: Callable[[str, str], Any]) -> dict[str, Brain]:
    """One :class:`Brain` per ``brains:`` entry of the config; ``nlu_factory(backend,
    brain)`` makes each brain's NLU backend."""
    core = config.core
    brains = {}
    for name, brain in core.brains.items():
        unknown = [c for c in (brain.codes or []) if c not in kb.solutions]
        if unknown:
            raise ValueError(f"{config.path}: brains.{name}.codes: unknown codes {unknown}")
        share = kb.subset(brain.lines_of_business, brain.codes)
        if brain.unkeyed():
            log.warning("brain_thresholds_not_keyed_by_backend", brain=name, backend=brain.nlu,
                        hint=f"these thresholds may have been calibrated for another NLU backend: run "
                             f"`quaid calibrate` (it writes brains.{name}.thresholds_by_backend.{brain.nlu})")
        policy = Policy(
            share, texts, _thresholds(brain),
            timeout_s=core.dialogue.inactivity_timeout_s, ask_scope=core.dialogue.ask_scope,
            terms_url=core.dialogue.terms_url,
        )
        brains[name] = Brain(name, brain, share, nlu_factory(brain.nlu, name), policy,
                             config.models_dir)
    return brains


def _thresholds(config: BrainConfig) -> Callable[[str], Thresholds]:
    """The policy's thresholds for a language, read from the config once per language (the
    policy asks at every step; a changed config builds new brains)."""
    known: dict[str, Thresholds] = {}

    def for_lang(lang: str) -> Thresholds:
        found = known.get(lang)
        if found is None:
            pair = config.thresholds(lang)
            found = known[lang] = Thresholds(pair.answer_threshold, pair.clarify_threshold, pair.answer_margin)
        return found
    return for_lang
