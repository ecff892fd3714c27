"""One trained python-crfsuite model, shared by the plugin's learned models (the name and
address taggers, the owner classifier): opened once, safe to call from several threads (a
``Tagger`` holds one sequence at a time, so setting it and reading its results go under a lock).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any


class Crf:
    """A model file opened for tagging."""

    def __init__(self, path: Path) -> None:
        import pycrfsuite

        self._tagger: Any = pycrfsuite.Tagger()
        self._tagger.open(str(path))
        self._lock = threading.Lock()

    def tag(self, xseq: Sequence[Any]) -> tuple[list[str], list[float]]:
        """The labels of `xseq` and, for each item, its probability of not being ``O``."""
        with self._lock:
            self._tagger.set(xseq)
            labels = self._tagger.tag()
            return labels, [1.0 - self._tagger.marginal("O", i) for i in range(len(xseq))]

    def marginal(self, xseq: Sequence[Any], label: str, position: int = 0) -> float:
        """P(`label`) at `position` of `xseq`."""
        with self._lock:
            self._tagger.set(xseq)
            return float(self._tagger.marginal(label, position))

    def attributes(self) -> frozenset[str]:
        """The attributes the model learned a weight for."""
        return frozenset(attribute for attribute, _ in self._tagger.info().state_features)
