"""Judging a search engine on labelled queries: reading them, MRR@k and recall@k.

A labelled file is JSON Lines, one query a line::

    {"text": "how long is an eta good for", "url": "https://www.canada.ca/en/.../eta.html", "lang": "en"}
    {"text": "visa pour mes parents", "urls": ["https://.../super-visa.html", "https://.../parrainer.html"]}

``text`` (or ``query``) is what a client types; ``url`` (or ``urls``, ``expected``) the page
or pages that answer it; ``lang`` is optional (from the first expected URL, else English).
A query whose expected list is empty or null has no answer on the site and is not scored.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .pages import lang_from_url


@dataclass(frozen=True)
class LabelledQuery:
    """A client's question and the pages that answer it."""

    text: str
    lang: str
    urls: tuple[str, ...]


def load_queries(path: Path | str) -> list[LabelledQuery]:
    """The scored queries of a labelled file; ValueError naming the line when one is malformed."""
    queries = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            item = json.loads(line)
            text = item.get("text", item.get("query"))
            expected = next((item[k] for k in ("urls", "url", "expected") if k in item), None)
        except (json.JSONDecodeError, AttributeError) as exc:
            raise ValueError(f"{path}:{number}: not a JSON object: {exc}") from None
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"{path}:{number}: no 'text'")
        urls = (expected,) if isinstance(expected, str) else tuple(expected or ())
        if not urls:
            continue
        lang = item.get("lang") or lang_from_url(urls[0]) or "en"
        queries.append(LabelledQuery(text, lang, tuple(_canonical(u) for u in urls)))
    return queries


def _canonical(url: str) -> str:
    return url.strip().split("#", 1)[0].rstrip("/")


def reciprocal_rank(found: Sequence[str], expected: Iterable[str], k: int) -> float:
    """1/rank of the first expected URL among the first `k` found, 0 when none is there."""
    wanted = {_canonical(u) for u in expected}
    for rank, url in enumerate(found[:k], 1):
        if _canonical(url) in wanted:
            return 1.0 / rank
    return 0.0


def recall(found: Sequence[str], expected: Iterable[str], k: int) -> float:
    """Share of the expected URLs among the first `k` found."""
    wanted = {_canonical(u) for u in expected}
    hits = wanted & {_canonical(u) for u in found[:k]}
    return len(hits) / len(wanted) if wanted else 0.0
