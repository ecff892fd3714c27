"""Fallback search quality and speed: the sqlite_fts plugin against a keyword-overlap baseline.

    python bench/search.py [--pages config/site] [--queries config/site/queries.jsonl]
                           [--kb config/kb --kb-eval config/eval/demo-test.jsonl] [--repeat 5]

Builds a fresh index of the pages in a temporary folder, then runs two labelled sets when
they exist:

- ``site``: ``queries.jsonl`` beside the pages (see ``quaid_sqlite_fts.evaluation``);
- ``kb``: the NLU evaluation file, each message labelled with the page its solution links to
  in the message's language (``link`` in the knowledge base), kept when that page is on the
  site. These are questions the bot could also answer itself: a proxy for search quality.

For each set it prints MRR@3, recall@3 and p50/p99 latency of ``SiteSearch.search`` (the
async call the core makes, thread hop included), the same for the baseline measured in the
same run over the same pages, and the ratios. The baseline ranks pages by how many distinct
query words (accent-folded, stop words dropped) occur in the page's title or body, pages in
the query's language first. One JSON object on stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
try:
    import quaid_sqlite_fts  # noqa: F401
except ImportError:  # a bare checkout: use the sources
    sys.path[:0] = [str(ROOT), str(ROOT / "plugins" / "search" / "sqlite_fts")]

import yaml  # noqa: E402
from quaid_sqlite_fts import DEFAULT_ALLOWED, SiteScope, SiteSearch  # noqa: E402
from quaid_sqlite_fts.analysis import content_words, words  # noqa: E402
from quaid_sqlite_fts.evaluation import (  # noqa: E402
    LabelledQuery,
    load_queries,
    recall,
    reciprocal_rank,
)
from quaid_sqlite_fts.pages import Page, PageError, page_files, read_page  # noqa: E402

K = 3


class KeywordOverlap:
    """The baseline: distinct query words found in the page, pages in the query's language first."""

    def __init__(self, pages: Sequence[Page]) -> None:
        self.pages = [(page, set(words(f"{page.title} {page.body}"))) for page in pages]

    def search(self, query: str, lang: str, limit: int = K) -> list[str]:
        wanted = set(content_words(query, lang))
        scored = [(page.lang == lang, len(wanted & vocabulary), -i, page.url)
                  for i, (page, vocabulary) in enumerate(self.pages)]
        ranked = sorted((s for s in scored if s[1] > 0), reverse=True)
        return [url for *_, url in ranked[:limit]]


def site_pages(folder: Path, allowed: Sequence[str]) -> list[Page]:
    scope, pages = SiteScope(allowed), []
    for file in page_files(folder):
        try:
            page = read_page(file)
        except PageError:
            continue
        if scope.allows(page.url):
            pages.append(page)
    return pages


def kb_queries(kb_dir: Path, eval_file: Path, site_urls: set[str]) -> list[LabelledQuery]:
    """NLU evaluation messages labelled with their solution's page, where it is on the site."""
    links: dict[str, dict[str, str]] = {}
    for file in sorted(kb_dir.glob("*.yaml")):
        for solution in (yaml.safe_load(file.read_text(encoding="utf-8")) or {}).get("solutions") or []:
            links[str(solution["code"])] = solution.get("link") or {}
    queries = []
    for line in eval_file.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        lang, code = item.get("lang"), item.get("code")
        url = links.get(str(code), {}).get(lang or "") if code else None
        if url and url in site_urls:
            queries.append(LabelledQuery(item["text"], lang, (url,)))
    return queries


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def measure(search: Callable[[str, str], Awaitable[list[str]]],
                  queries: Sequence[LabelledQuery], repeat: int) -> dict[str, float]:
    rr, rc, times = [], [], []
    for round_ in range(repeat):
        for query in queries:
            start = time.perf_counter()
            found = await search(query.text, query.lang)
            times.append((time.perf_counter() - start) * 1000)
            if round_ == 0:
                rr.append(reciprocal_rank(found, query.urls, K))
                rc.append(recall(found, query.urls, K))
    return {"mrr@3": round(statistics.fmean(rr), 4), "recall@3": round(statistics.fmean(rc), 4),
            "latency_ms_p50": round(percentile(times, 0.50), 3),
            "latency_ms_p99": round(percentile(times, 0.99), 3)}


async def run(args: argparse.Namespace) -> dict[str, object]:
    pages = site_pages(args.pages, DEFAULT_ALLOWED)
    sets: dict[str, list[LabelledQuery]] = {}
    if args.queries.is_file():
        sets["site"] = load_queries(args.queries)
    if args.kb_eval.is_file() and args.kb.is_dir():
        sets["kb"] = kb_queries(args.kb, args.kb_eval, {page.url for page in pages})
    with tempfile.TemporaryDirectory() as tmp:
        engine = SiteSearch(args.pages, Path(tmp) / "search.sqlite3", DEFAULT_ALLOWED)
        start = time.perf_counter()
        await engine.start()
        build_s = time.perf_counter() - start
        baseline = KeywordOverlap(pages)

        async def ours(text: str, lang: str) -> list[str]:
            return [r.url for r in await engine.search(text, lang, K)]

        async def theirs(text: str, lang: str) -> list[str]:
            return baseline.search(text, lang, K)

        report: dict[str, object] = {"pages": len(pages), "index_build_s": round(build_s, 3)}
        for name, queries in sets.items():
            if not queries:
                continue
            mine = await measure(ours, queries, args.repeat)
            base = await measure(theirs, queries, args.repeat)
            report[name] = {
                "queries": len(queries), "sqlite_fts": mine, "baseline_keyword_overlap": base,
                "ratio_mrr@3": round(mine["mrr@3"] / base["mrr@3"], 3) if base["mrr@3"] else None,
                "ratio_recall@3": (round(mine["recall@3"] / base["recall@3"], 3)
                                   if base["recall@3"] else None),
            }
        await engine.stop()
    missing = [name for name in ("site", "kb") if name not in report]
    if missing:
        report["missing_sets"] = missing
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=Path, default=ROOT / "config" / "site")
    parser.add_argument("--queries", type=Path, default=None,
                        help="labelled queries (default: queries.jsonl beside the pages)")
    parser.add_argument("--kb", type=Path, default=ROOT / "config" / "kb")
    parser.add_argument("--kb-eval", type=Path, default=ROOT / "config" / "eval" / "demo-test.jsonl")
    parser.add_argument("--repeat", type=int, default=5, help="latency rounds over each set")
    args = parser.parse_args(argv)
    args.queries = args.queries or args.pages / "queries.jsonl"
    if not args.pages.is_dir():
        print(json.dumps({"error": f"no pages folder at {args.pages}"}))
        return 1
    print(json.dumps(asyncio.run(run(args)), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
