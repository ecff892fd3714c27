"""The sqlite_fts index and backend: restriction, bilingual matching, ranking, safety, rebuilds."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from quaid_sqlite_fts import SiteIndex, SiteScope, SiteSearch, build_index, ensure_index
from quaid_sqlite_fts.index import read_meta

from quaidcore import SearchResult


@pytest.fixture
def index(site, tmp_path) -> SiteIndex:
    path = tmp_path / "search.sqlite3"
    build_index(site.folder, path, site.allowed)
    opened = SiteIndex(path)
    yield opened
    opened.close()


def urls(results: list[SearchResult]) -> list[str]:
    return [r.url for r in results]


def test_build_counts_indexed_and_skipped_pages(site, tmp_path):
    counts = build_index(site.folder, tmp_path / "i.sqlite3", site.allowed)
    assert (counts.indexed, counts.skipped, counts.problems) == (site.n_allowed, site.n_skipped, ())
    index = SiteIndex(tmp_path / "i.sqlite3")
    assert index.count() == site.n_allowed
    assert index.languages() == ["en", "fr"]
    index.close()


def test_pages_off_the_allowed_site_are_never_found(index, site):
    # "Zanzibar" only appears on the two pages outside the allowed prefixes.
    assert index.search("zanzibar", "en", 10) == []
    scope = SiteScope(site.allowed)
    for query in ("study permit guaranteed", "taxes students", "permit"):
        assert all(scope.allows(url) for url in urls(index.search(query, "en", 10)))


def test_french_without_accents_finds_accented_pages(index, site):
    assert urls(index.search("etudes", "fr"))[0] == site.fr + "etudier-canada/permis-etudes.html"
    assert urls(index.search("permis d'etudes", "fr"))[0] == site.fr + "etudier-canada/permis-etudes.html"
    assert index.search("ÉTUDES", "fr")[0].url == site.fr + "etudier-canada/permis-etudes.html"


def test_accented_query_finds_unaccented_text(index, site):
    # The page's body has "etablissement" spelled "établissement"; a query may go either way.
    assert index.search("etablissement", "fr")[0].url.endswith("permis-etudes.html")
    assert index.search("établissement", "fr")[0].url.endswith("permis-etudes.html")


def test_english_stemming_matches_other_forms(index, site):
    # The page says "renew" only; the client types "renewing".
    assert index.search("renewing", "en")[0].url == site.en + "study-canada/extend.html"
    assert index.search("expiring", "en")[0].url == site.en + "study-canada/extend.html"
    assert index.search("grandparent", "en")[0].url == site.en + "visit-canada/super-visa.html"


def test_french_stemming_matches_other_forms(index, site):
    # The page says "renouvellement"; the client types "renouveler".
    assert index.search("renouveler mon statut", "fr")[0].url == site.fr + "visiter-canada/prolonger.html"


def test_results_in_the_requested_language_come_first(index, site):
    fr = index.search("super visa", "fr", 3)
    en = index.search("super visa", "en", 3)
    assert fr[0].url == site.fr + "visiter-canada/super-visa.html"
    assert en[0].url == site.en + "visit-canada/super-visa.html"
    # The other language still fills the list when the requested one has nothing more.
    assert site.en + "visit-canada/super-visa.html" in urls(fr)


def test_other_language_pages_are_offered_when_none_match_in_the_requested_one(index, site):
    assert urls(index.search("foreign employer", "fr"))[0] == site.en + "work-canada/permit.html"


def test_title_outweighs_body(index, site):
    # "study permit" is the title of one page and in the body of others.
    assert index.search("study permit", "en")[0].url == site.en + "study-canada/study-permit.html"


def test_long_questions_still_match(index, site):
    question = ("Hello, I was wondering whether my mother and my father could come and stay with "
                "us for a long time, maybe several years, and what kind of visa they would need?")
    assert urls(index.search(question, "en"))[0] == site.en + "visit-canada/super-visa.html"


def test_results_carry_title_snippet_and_descending_scores(index):
    results = index.search("open work permit", "en", 3)
    assert results[0].title == "Work permits"
    assert "open work permit" in results[0].snippet.lower()
    scores = [r.score for r in results if r.url.startswith("https://www.canada.ca/en/")]
    assert scores == sorted(scores, reverse=True) and scores[0] > 0


def test_snippet_shows_the_stemmed_match(index):
    result = index.search("renewing", "en")[0]
    assert "renew" in result.snippet.lower()


def test_limit_is_respected(index):
    assert len(index.search("permit visa study canada", "en", 2)) == 2
    assert index.search("permit", "en", 0) == []


HOSTILE = [
    '"', '""', "'", "AND OR NOT", "NOT", "*", "**", "(", ")", "()", "^", "-", ":", "{", "}",
    "NEAR(study permit)", "title:study", "{title}: study", "study* OR", "study\" OR \"x",
    "a' OR 1=1 --", "'; DROP TABLE pages; --", "\x00", "\u200b", "😀", "🇨🇦 permis 😀",
    "étude\u0301s", "ﬁle", "permit " * 2000, "", "   ", "\n\t",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_do_not_raise(index, query):
    results = index.search(query, "en", 3)
    assert isinstance(results, list)
    assert all(isinstance(r, SearchResult) for r in results)
    assert index.count() == 7  # and nothing was dropped


def test_emoji_around_words_is_ignored(index):
    assert urls(index.search("🇨🇦 super 😀 visa 🙏", "en"))[0].endswith("visit-canada/super-visa.html")


def test_ensure_index_rebuilds_only_on_change(site, tmp_path, write_page):
    path = tmp_path / "search.sqlite3"
    assert ensure_index(site.folder, path, site.allowed) is not None  # no index yet
    assert ensure_index(site.folder, path, site.allowed) is None  # nothing changed
    page = write_page(site.folder, "en/new.md", "Biometrics", site.en + "biometrics.html", "en",
                      "Give your fingerprints and photo.")
    assert ensure_index(site.folder, path, site.allowed).indexed == site.n_allowed + 1
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 10**9))  # touched
    assert ensure_index(site.folder, path, site.allowed) is not None
    page.unlink()
    assert ensure_index(site.folder, path, site.allowed).indexed == site.n_allowed
    # A different allow-list is a different index.
    assert ensure_index(site.folder, path, site.allowed[:1]).indexed == 4


async def test_backend_rebuilds_on_start_when_pages_changed(site, tmp_path, write_page):
    index_path = tmp_path / "data" / "search.sqlite3"
    backend = SiteSearch(site.folder, index_path, site.allowed)
    await backend.start()
    assert await backend.search("fingerprints", "en") == []
    await backend.stop()

    write_page(site.folder, "en/biometrics.md", "Biometrics", site.en + "biometrics.html", "en",
               "Give your fingerprints and photo at a service point.")
    backend = SiteSearch(site.folder, index_path, site.allowed)
    await backend.start()
    found = await backend.search("fingerprint", "en")
    assert [r.title for r in found] == ["Biometrics"]
    await backend.stop()


async def test_backend_picks_up_an_index_rebuilt_while_serving(site, tmp_path, write_page):
    index_path = tmp_path / "search.sqlite3"
    backend = SiteSearch(site.folder, index_path, site.allowed)
    await backend.start()
    write_page(site.folder, "en/biometrics.md", "Biometrics", site.en + "biometrics.html", "en",
               "Give your fingerprints.")
    build_index(site.folder, index_path, site.allowed)  # as `quaid search index` would
    assert [r.title for r in await backend.search("fingerprints", "en")] == ["Biometrics"]
    await backend.stop()


async def test_backend_without_pages_starts_empty(tmp_path):
    backend = SiteSearch(tmp_path / "missing", tmp_path / "search.sqlite3",
                         ["https://www.canada.ca/en/"])
    await backend.start()
    assert await backend.search("study permit", "en") == []
    await backend.stop()


async def test_backend_keeps_the_previous_index_when_pages_vanish(site, tmp_path):
    index_path = tmp_path / "search.sqlite3"
    build_index(site.folder, index_path, site.allowed)
    backend = SiteSearch(tmp_path / "gone", index_path, site.allowed)
    await backend.start()
    assert (await backend.search("super visa", "en"))[0].title == "Parent and grandparent super visa"
    await backend.stop()


async def test_search_before_start_is_an_error(tmp_path):
    backend = SiteSearch(tmp_path, tmp_path / "search.sqlite3", ["https://www.canada.ca/"])
    with pytest.raises(RuntimeError, match="before start"):
        await backend.search("x", "en")


def test_problem_files_are_reported_not_fatal(site, tmp_path):
    (site.folder / "en" / "README.md").write_text("# Notes for writers\n")
    (site.folder / "en" / "no-url.md").write_text("---\ntitle: No URL\nlang: en\n---\nbody\n")
    (site.folder / "en" / "dup.md").write_text(
        f"---\ntitle: Copy\nurl: {site.en}work-canada/permit.html\nlang: en\n---\nbody\n")
    (site.folder / "en" / "notes.txt").write_text("not a page")
    counts = build_index(site.folder, tmp_path / "i.sqlite3", site.allowed)
    assert counts.indexed == site.n_allowed
    assert len(counts.problems) == 3
    assert any("README.md" in p and "front matter" in p for p in counts.problems)
    assert any("dup.md" in p and "same url" in p for p in counts.problems)


def test_list_file_source(site, tmp_path):
    listing = tmp_path / "pages.txt"
    listing.write_text("# two pages\nsite/en/study-permit.md\n\n"
                       f"{site.folder / 'fr' / 'permis-etudes.md'}\nsite/other/taxes.md\n")
    counts = build_index(listing, tmp_path / "i.sqlite3", site.allowed)
    assert (counts.indexed, counts.skipped) == (2, 1)


def test_index_is_replaced_atomically(site, tmp_path):
    path = tmp_path / "search.sqlite3"
    build_index(site.folder, path, site.allowed)
    reader = sqlite3.connect(path)
    before = reader.execute("SELECT count(*) FROM pages").fetchone()[0]
    build_index(site.folder, path, site.allowed[:1])
    assert reader.execute("SELECT count(*) FROM pages").fetchone()[0] == before  # old snapshot
    reader.close()
    assert read_meta(path)["indexed"] == "4"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_unreadable_index_is_rebuilt(site, tmp_path):
    path = tmp_path / "search.sqlite3"
    path.write_bytes(b"not a database")
    assert read_meta(path) == {}
    assert ensure_index(site.folder, path, site.allowed).indexed == site.n_allowed


def test_empty_index_finds_nothing(tmp_path):
    path = Path(tmp_path / "empty.sqlite3")
    assert build_index([], path, ["https://www.canada.ca/"]).indexed == 0
    index = SiteIndex(path)
    assert index.search("anything", "en") == []
    index.close()
