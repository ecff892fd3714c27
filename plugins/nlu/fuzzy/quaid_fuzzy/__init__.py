"""Quaid NLU backend ``fuzzy``: nearest training example by rapidfuzz similarity.

No training beyond normalising the examples, so it starts instantly; the confidence of a
code is the similarity (0-1) of its closest example. A good default for a small knowledge
base and the template for a third-party NLU plugin.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import fuzz, process

from quaidcore import ComponentContext, Prediction, TrainingExample, hookimpl
from quaidcore.text import normalize

QUAID_HOST_API = ">=1.0,<2"

SCORERS = {
    "token_set_ratio": fuzz.token_set_ratio,
    "token_sort_ratio": fuzz.token_sort_ratio,
    "WRatio": fuzz.WRatio,
    "ratio": fuzz.ratio,
}


class FuzzyConfig(BaseModel):
    """Options of the ``fuzzy`` plugin block."""

    model_config = ConfigDict(extra="forbid")
    scorer: str = Field("WRatio", pattern="^(token_set_ratio|token_sort_ratio|WRatio|ratio)$")
    neighbours: int = Field(50, ge=1, le=1000)


class FuzzyBackend:
    """Nearest-example matching; one instance per brain."""

    def __init__(self, config: FuzzyConfig) -> None:
        self.config = config
        self.scorer = SCORERS[config.scorer]
        self.texts: list[str] = []
        self.codes: list[str] = []

    def train(self, examples: Sequence[TrainingExample],
              progress: Callable[[float], None] | None = None) -> None:
        """Keep the normalised examples."""
        self.texts = [normalize(e.text) for e in examples]
        self.codes = [e.code for e in examples]
        if progress:
            progress(1.0)

    def save(self, path: Path) -> None:
        """Write the examples as JSON."""
        path.mkdir(parents=True, exist_ok=True)
        (path / "fuzzy.json").write_text(json.dumps({"texts": self.texts, "codes": self.codes}))

    def load(self, path: Path) -> bool:
        """Read examples written by :meth:`save`."""
        file = path / "fuzzy.json"
        if not file.exists():
            return False
        data = json.loads(file.read_text())
        self.texts, self.codes = data["texts"], data["codes"]
        return True

    def predict(self, text: str, lang: str, k: int = 3) -> list[Prediction]:
        """Best similarity per code among the nearest examples."""
        query = normalize(text)
        if not query or not self.texts:
            return []
        best: dict[str, float] = {}
        matches = process.extract(query, self.texts, scorer=self.scorer, limit=self.config.neighbours)
        for _, score, index in matches:
            code = self.codes[index]
            best[code] = max(best.get(code, 0.0), score / 100.0)
        ranked = sorted(best.items(), key=lambda item: -item[1])[:k]
        return [Prediction(code, round(conf, 4)) for code, conf in ranked]


@hookimpl
def quaid_config_schema() -> type[BaseModel]:
    return FuzzyConfig


@hookimpl
def quaid_register_nlu_backends(register) -> None:
    register("fuzzy", lambda ctx: FuzzyBackend(_config(ctx)))


def _config(ctx: ComponentContext) -> FuzzyConfig:
    return ctx.config if isinstance(ctx.config, FuzzyConfig) else FuzzyConfig()
