"""The search index: one SQLite file with an FTS5 table of the allowed pages.

Each page is indexed twice over: its title and body as Snowball stems in the page's
language (see :mod:`.analysis`), which queries match and BM25 ranks, the title weighted
above the body; and the same text as written (FTS5's ``unicode61`` tokenizer folds case
and accents), from which FTS5's ``snippet()`` cuts the snippet shown to the client.

The index records a fingerprint of what it was built from (file names, sizes and
modification times, the allow-list, the schema and stemmer versions), so a caller can
tell cheaply whether the pages changed since. A build writes a new file beside the old
one and renames it into place: a reader never sees a half-built index.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import re
import sqlite3
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from quaidcore import SearchResult

from .analysis import content_words, highlight_expression, match_expression, stems
from .pages import Page, PageError, page_files, read_page
from .scope import SiteScope

SCHEMA_VERSION = "1"
INDEX_FILE = "search.sqlite3"  # its name in the data directory unless configured
STEM_COLUMNS = "title_stems body_stems"
MAX_LIMIT = 50

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE VIRTUAL TABLE pages USING fts5(
    title, body, title_stems, body_stems,
    url UNINDEXED, lang UNINDEXED, source UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);
"""
_SPACES = re.compile(r"\s+")

try:
    _STEMMER_VERSION = importlib.metadata.version("snowballstemmer")
except importlib.metadata.PackageNotFoundError:  # pragma: no cover - vendored copy
    _STEMMER_VERSION = "?"


@dataclass(frozen=True)
class IndexCounts:
    """What a build did: pages indexed, pages skipped because their URL is not allowed,
    and files that could not be indexed at all (``"path: reason"``)."""

    indexed: int
    skipped: int
    problems: tuple[str, ...] = ()


def fingerprint(files: Sequence[Path], allowed: Iterable[str], extra: Sequence[Path] = ()) -> str:
    """A hash of what an index built from `files` under `allowed` depends on."""
    stats = []
    for path in [*extra, *files]:
        try:
            st = path.stat()
            stats.append([str(path.resolve()), st.st_mtime_ns, st.st_size])
        except OSError:
            stats.append([str(path), None, None])
    material = json.dumps([SCHEMA_VERSION, _STEMMER_VERSION, sorted(allowed), stats])
    return hashlib.sha256(material.encode()).hexdigest()


def _source_fingerprint(source: Path | str | Iterable[Path | str], allowed: Sequence[str]
                        ) -> tuple[list[Path], str]:
    files = page_files(source)
    list_file = Path(source) if isinstance(source, (str, Path)) and Path(source).is_file() else None
    return files, fingerprint(files, allowed, extra=[list_file] if list_file else [])


def build_index(source: Path | str | Iterable[Path | str], index_path: Path | str,
                allowed: Sequence[str]) -> IndexCounts:
    """(Re)build the index at `index_path` from `source`, keeping only allowed pages.

    `source` is a folder of page files, a text file listing page files, or a list of
    paths (see :func:`.pages.page_files`).
    """
    files, print_ = _source_fingerprint(source, allowed)
    return _build(files, print_, Path(index_path), SiteScope(allowed))


def ensure_index(source: Path | str | Iterable[Path | str], index_path: Path | str,
                 allowed: Sequence[str]) -> IndexCounts | None:
    """Rebuild the index when `source` or `allowed` changed since it was built, or when it
    is missing or from another version; None when it was already current."""
    files, print_ = _source_fingerprint(source, allowed)
    index_path = Path(index_path)
    if read_meta(index_path).get("fingerprint") == print_:
        return None
    return _build(files, print_, index_path, SiteScope(allowed))


def read_meta(index_path: Path | str) -> dict[str, str]:
    """The index's metadata (fingerprint, counts, build time); empty when it is unusable."""
    path = Path(index_path)
    if not path.is_file():
        return {}
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        finally:
            conn.close()
    except sqlite3.Error:
        return {}
    return meta if meta.get("schema") == SCHEMA_VERSION else {}


def _build(files: Sequence[Path], print_: str, index_path: Path, scope: SiteScope) -> IndexCounts:
    index_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = index_path.with_name(f".{index_path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.unlink(missing_ok=True)
    indexed = skipped = 0
    problems: list[str] = []
    seen: dict[str, str] = {}
    try:
        conn = sqlite3.connect(tmp)
        try:
            conn.executescript(_SCHEMA)
            for file in files:
                try:
                    page = read_page(file)
                except PageError as exc:
                    problems.append(f"{file}: {exc}")
                    continue
                if not scope.allows(page.url):
                    skipped += 1
                    continue
                if page.url in seen:
                    problems.append(f"{file}: same url as {seen[page.url]}, not indexed")
                    continue
                seen[page.url] = str(file)
                _insert(conn, page)
                indexed += 1
            meta = {"schema": SCHEMA_VERSION, "fingerprint": print_, "built_at": f"{time.time():.0f}",
                    "indexed": str(indexed), "skipped": str(skipped),
                    "allowed": json.dumps(list(scope.entries))}
            conn.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", meta.items())
            conn.execute("INSERT INTO pages (pages) VALUES ('optimize')")
            conn.commit()
        finally:
            conn.close()
        os.replace(tmp, index_path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return IndexCounts(indexed, skipped, tuple(problems))


def _insert(conn: sqlite3.Connection, page: Page) -> None:
    conn.execute(
        "INSERT INTO pages (title, body, title_stems, body_stems, url, lang, source)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (page.title, page.body, stems(page.title, page.lang), stems(page.body, page.lang),
         page.url, page.lang, page.source),
    )


class SiteIndex:
    """Read side of an index file: ranked, snippeted search. Thread-safe.

    It reopens the file when it is replaced (``quaid search index`` while serving).
    """

    def __init__(self, index_path: Path | str, title_weight: float = 4.0,
                 snippet_words: int = 24) -> None:
        self.path = Path(index_path).resolve()
        # bm25() weights in column order: title, body, title_stems, body_stems. Ranking
        # uses the stems only (exact forms as a bonus measured worse); the text as written
        # is there for snippets.
        self.weights = (0.0, 0.0, title_weight, 1.0)
        self.snippet_words = snippet_words
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._signature: tuple[int, int, int] | None = None
        self._langs: list[str] | None = None

    def _connection(self) -> sqlite3.Connection:
        try:
            st = self.path.stat()
            signature = (st.st_ino, st.st_mtime_ns, st.st_size)
        except OSError:
            signature = None
        if self._conn is None or (signature is not None and signature != self._signature):
            if self._conn is not None:
                self._conn.close()
            self._conn = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True,
                                         check_same_thread=False)
            self._signature = signature
            self._langs = None
        return self._conn

    def close(self) -> None:
        """Close the file."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def count(self) -> int:
        """How many pages the index holds."""
        with self._lock:
            return self._connection().execute("SELECT count(*) FROM pages").fetchone()[0]

    def languages(self) -> list[str]:
        """The languages of the indexed pages."""
        with self._lock:
            return self._languages(self._connection())

    def _languages(self, conn: sqlite3.Connection) -> list[str]:
        if self._langs is None:
            self._langs = [row[0] for row in conn.execute("SELECT DISTINCT lang FROM pages ORDER BY lang")]
        return self._langs

    def search(self, query: str, lang: str, limit: int = 3) -> list[SearchResult]:
        """Up to `limit` pages for `query`: pages in `lang` best first, then, when they are
        fewer than `limit`, pages in the other languages best first."""
        lang = (lang or "").lower().replace("_", "-").split("-", 1)[0]
        limit = min(int(limit), MAX_LIMIT)
        if limit < 1 or not content_words(query, lang):
            return []
        rows: list[tuple[int, str, str, float]] = []
        with self._lock:
            conn = self._connection()
            languages = self._languages(conn)
            for pages_lang in [lang, *(other for other in languages if other != lang)]:
                if len(rows) >= limit or pages_lang not in languages:
                    continue
                # Each language's pages are searched with the query stemmed their way.
                expression = match_expression(query, lang, STEM_COLUMNS, pages_lang)
                rows += conn.execute(
                    "SELECT rowid, title, url, bm25(pages, ?, ?, ?, ?) AS score FROM pages"
                    " WHERE pages MATCH ? AND lang = ? ORDER BY score LIMIT ?",
                    (*self.weights, expression, pages_lang, limit - len(rows)),
                ).fetchall()
            snippets = self._snippets(conn, query, lang, [row[0] for row in rows])
        return [SearchResult(title=title, url=url, snippet=snippets.get(rowid, ""),
                             score=round(-score, 4))
                for rowid, title, url, score in rows]

    def _snippets(self, conn: sqlite3.Connection, query: str, lang: str,
                  rowids: list[int]) -> dict[int, str]:
        if not rowids:
            return {}
        marks = ", ".join("?" * len(rowids))
        found: dict[int, str] = {}
        expression = highlight_expression(query, lang)
        if expression:
            found.update(conn.execute(
                f"SELECT rowid, snippet(pages, 1, '', '', '…', ?) FROM pages"
                f" WHERE pages MATCH ? AND rowid IN ({marks})",
                (self.snippet_words, expression, *rowids),
            ).fetchall())
        missing = [rowid for rowid in rowids if not found.get(rowid)]
        if missing:  # matched through the title or a stem only: show the page's opening
            marks = ", ".join("?" * len(missing))
            for rowid, body in conn.execute(
                f"SELECT rowid, body FROM pages WHERE rowid IN ({marks})", missing
            ):
                head = body.split(maxsplit=self.snippet_words)
                found[rowid] = " ".join(head[:self.snippet_words]) + (
                    "…" if len(head) > self.snippet_words else "")
        return {rowid: _SPACES.sub(" ", text).strip() for rowid, text in found.items()}
