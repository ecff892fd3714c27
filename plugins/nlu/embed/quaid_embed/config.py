"""The ``embed`` plugin block's options and the saved model's format constants (no numpy:
the package imports this for its hooks)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

FORMAT = 1
META = "embed.json"
EMBEDDING_DIM = 512

# The options that change the trained model; the others only change how it is read.
TRAINING_OPTIONS = ("c", "word_max_n", "char_min_n", "char_max_n", "use_weight", "max_iter", "min_df")


class EmbedConfig(BaseModel):
    """Options of the ``embed`` plugin block."""

    model_config = ConfigDict(extra="forbid")

    c: float = Field(10.0, gt=0, le=1e4, description="inverse regularisation of the logistic regression (C)")
    word_max_n: int = Field(2, ge=1, le=3, description="word n-grams of the TF-IDF block: 1 to this")
    char_min_n: int = Field(2, ge=1, le=8, description="shortest character n-gram (0 with char_max_n 0 = none)")
    char_max_n: int = Field(5, ge=0, le=8, description="longest character n-gram; 0 = no character block")
    min_df: int = Field(1, ge=1, le=100, description="n-grams seen in fewer examples are dropped")
    use_weight: float = Field(1.0, ge=0, le=10, description="scale of the sentence-embedding block; 0 = TF-IDF only")
    max_iter: int = Field(2000, ge=50, le=100_000, description="iterations of the classifier's solver")
    neighbour_weight: float = Field(
        0.5, ge=0, le=1, description="confidence = (1-w) * probability + w * best cosine to the label's examples")
    candidates: int = Field(10, ge=1, le=1000, description="labels scored (the most probable ones)")
    rank_by: Literal["probability", "confidence"] = Field(
        "probability", description="order of the candidates: the classifier's probability (the confidence of "
                                   "a lower one is capped at the top one's) or the mixed confidence")
    encoder_threads: int = Field(1, ge=1, le=64, description="BLAS threads of the sentence encoder")
    max_chars: int = Field(2000, ge=16, description="longer messages are cut to this many characters")

    @model_validator(mode="after")
    def _ngrams(self) -> EmbedConfig:
        if self.char_max_n and self.char_max_n < self.char_min_n:
            raise ValueError("char_max_n must be 0 or at least char_min_n")
        return self

    def training_options(self) -> dict[str, Any]:
        """The options a saved model must have been trained with to be reused."""
        return {name: getattr(self, name) for name in TRAINING_OPTIONS}
