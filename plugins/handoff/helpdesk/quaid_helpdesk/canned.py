"""Canned responses: the knowledge base's solutions, found by fuzzy search (rapidfuzz).

Agents type a few words ("eta fee", "permis d'études") or a code; every title, topic and
example phrasing of every solution (agents-only solutions too) is matched, and each
solution ranks by the mean score of its three best-matching phrasings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from quaidcore.text import normalize

CODE = re.compile(r"^\d{6}$")


@dataclass(frozen=True)
class Canned:
    """A solution offered as a canned response, in one language."""

    code: str
    title: str
    answer: str
    link: str
    score: float

    def reply_text(self) -> str:
        """What the client receives: the answer, then the page that says more."""
        return f"{self.answer}\n{self.link}"


class CannedResponses:
    """Fuzzy search over the knowledge base's solutions."""

    def __init__(self, kb: Any, min_score: float = 50.0) -> None:
        self.kb, self.min_score = kb, min_score
        self._texts: list[str] = []
        self._codes: list[str] = []
        for code, solution in kb.solutions.items():
            phrasings = [solution.title.en, solution.title.fr, solution.topic.en, solution.topic.fr,
                         *solution.examples.en, *solution.examples.fr]
            for text in phrasings:
                self._texts.append(normalize(text))
                self._codes.append(code)

    def get(self, code: str, lang: str, score: float = 100.0) -> Canned | None:
        """The solution with `code` as a canned response in `lang`, or None."""
        solution = self.kb.get(code)
        if solution is None:
            return None
        return Canned(code, solution.title.get(lang), solution.answer.get(lang),
                      solution.link.get(lang), score)

    def search(self, query: str, lang: str, limit: int = 8) -> list[Canned]:
        """The best `limit` solutions for `query`, best first, texts in `lang`."""
        query = query.strip()
        if CODE.match(query):
            found = self.get(query, lang)
            return [found] if found else []
        wanted = normalize(query)
        if not wanted:
            return []
        scores: dict[str, list[float]] = {}
        for text, code in zip(self._texts, self._codes, strict=True):
            scores.setdefault(code, []).append(_score(wanted, text))
        ranked = sorted(((code, _top_mean(found)) for code, found in scores.items()),
                        key=lambda item: (-item[1], item[0]))
        return [c for c in (self.get(code, lang, score) for code, score in ranked[:limit]
                            if score >= self.min_score) if c]


def _score(query: str, text: str) -> float:
    # token_set_ratio rewards a phrasing that contains the query's words; QRatio keeps long
    # phrasings that merely contain one common word ("permis") from tying with the right one.
    return 0.5 * fuzz.token_set_ratio(query, text) + 0.5 * fuzz.QRatio(query, text)


def _top_mean(scores: list[float], n: int = 3) -> float:
    # A solution ranks by its best few phrasings: one lucky match counts less than several.
    best = sorted(scores, reverse=True)[:n]
    return sum(best) / len(best)
