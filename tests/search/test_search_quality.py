"""Search quality on the demo site's labelled queries (config/site/queries.jsonl).

A floor, not a benchmark: bench/search.py prints the figures and the baseline.
"""

from __future__ import annotations

import sqlite3
import statistics
from pathlib import Path

import pytest
from quaid_sqlite_fts import DEFAULT_ALLOWED, SiteIndex, build_index
from quaid_sqlite_fts.evaluation import load_queries, recall, reciprocal_rank

SITE = Path(__file__).resolve().parents[2] / "config" / "site"
QUERIES = SITE / "queries.jsonl"
MRR_FLOOR = 0.6


@pytest.fixture(scope="module")
def demo_index(tmp_path_factory) -> SiteIndex:
    if not QUERIES.is_file():
        pytest.skip(f"no labelled queries at {QUERIES}")
    path = tmp_path_factory.mktemp("demo") / "search.sqlite3"
    counts = build_index(SITE, path, DEFAULT_ALLOWED)
    assert counts.indexed > 0 and not counts.problems, counts.problems
    index = SiteIndex(path)
    yield index
    index.close()


def test_demo_site_mrr_at_3_meets_the_floor(demo_index):
    queries = load_queries(QUERIES)
    assert len(queries) >= 10
    found = [[r.url for r in demo_index.search(q.text, q.lang, 3)] for q in queries]
    mrr = statistics.fmean(reciprocal_rank(f, q.urls, 3) for f, q in zip(found, queries, strict=True))
    recall_3 = statistics.fmean(recall(f, q.urls, 3) for f, q in zip(found, queries, strict=True))
    assert mrr >= MRR_FLOOR, f"MRR@3 {mrr:.3f} (recall@3 {recall_3:.3f}) below {MRR_FLOOR}"


def test_every_labelled_page_is_on_the_site(demo_index):
    with sqlite3.connect(demo_index.path) as conn:
        indexed = {row[0] for row in conn.execute("SELECT url FROM pages")}
    conn.close()
    missing = {url for q in load_queries(QUERIES) for url in q.urls} - indexed
    assert not missing, f"labelled pages that the index does not hold: {sorted(missing)}"


def test_queries_file_reader(tmp_path):
    file = tmp_path / "q.jsonl"
    file.write_text('{"query": "a", "url": "https://www.canada.ca/fr/x.html"}\n\n'
                    '{"text": "b", "urls": ["u1", "u2/"], "lang": "en"}\n'
                    '{"text": "off topic", "url": null}\n', encoding="utf-8")
    queries = load_queries(file)
    assert [(q.text, q.lang, q.urls) for q in queries] == [
        ("a", "fr", ("https://www.canada.ca/fr/x.html",)), ("b", "en", ("u1", "u2"))]
    file.write_text('{"url": "u"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=":1: no 'text'"):
        load_queries(file)


def test_metrics():
    assert reciprocal_rank(["a", "b", "c"], ["b"], 3) == 0.5
    assert reciprocal_rank(["a", "b", "c", "d"], ["d"], 3) == 0.0
    assert recall(["a", "b"], ["b", "z"], 3) == 0.5
