"""The ``sqlite_fts`` search backend: the :class:`~quaidcore.SearchBackend` the core calls."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path

from quaidcore import SearchResult

from .index import SiteIndex, build_index, ensure_index, read_meta

log = logging.getLogger("quaid.search.sqlite_fts")
# Indexes of up to this many pages are searched on the event loop: a search there takes
# ~0.6 ms (bench/search.py), less than the hop to a worker thread and back under load
# (~1.9 ms a search in a profile of bench/throughput.py). Bigger sites go to a thread.
INLINE_PAGES = 2000
# Searches answered from memory, least recently asked dropped first: the index does not
# change while it is open, and clients ask the same things (a search ~0.6 ms, a hit ~1 us).
CACHED_SEARCHES = 1024


class SiteSearch:
    """Site-restricted search over the agency's pages, in an embedded SQLite FTS5 index.

    :meth:`start` rebuilds the index when the pages folder changed since the last build
    (or the allow-list did), else opens it as it is. Searches of a site of up to
    :data:`INLINE_PAGES` pages run on the event loop; other SQLite calls in a worker thread.
    """

    def __init__(self, pages: Path, index_path: Path, allowed: Sequence[str],
                 title_weight: float = 4.0, snippet_words: int = 24) -> None:
        self.pages, self.index_path, self.allowed = pages, index_path, list(allowed)
        self.title_weight, self.snippet_words = title_weight, snippet_words
        self._index: SiteIndex | None = None
        self._inline = False
        self._found: OrderedDict[tuple[str, str, int], tuple[SearchResult, ...]] = OrderedDict()

    async def start(self) -> None:
        """Build the index if the pages changed, then open it."""
        await asyncio.to_thread(self._prepare)

    def _prepare(self) -> None:
        if self.pages.exists():
            try:
                counts = ensure_index(self.pages, self.index_path, self.allowed)
            except (OSError, sqlite3.Error, UnicodeDecodeError):
                if not read_meta(self.index_path):
                    raise
                log.exception("search index rebuild failed; serving the previous index %s",
                              self.index_path)
                counts = None
            if counts is None:
                log.info("search index is current: %s", self.index_path)
            else:
                log.info("search index built: %s pages indexed, %s not on the allowed site, "
                         "%s files with problems (%s)", counts.indexed, counts.skipped,
                         len(counts.problems), self.index_path)
                for problem in counts.problems:
                    log.warning("search page not indexed: %s", problem)
        elif not read_meta(self.index_path):
            log.warning("search pages folder %s does not exist: the search will find nothing",
                        self.pages)
            build_index([], self.index_path, self.allowed)
        else:
            log.warning("search pages folder %s does not exist: serving the existing index %s",
                        self.pages, self.index_path)
        self._index = SiteIndex(self.index_path, self.title_weight, self.snippet_words)
        self._found.clear()
        self._inline = self._index.count() <= INLINE_PAGES

    async def stop(self) -> None:
        """Close the index."""
        if self._index is not None:
            index, self._index = self._index, None
            self._found.clear()
            await asyncio.to_thread(index.close)

    async def search(self, query: str, lang: str, limit: int = 3) -> list[SearchResult]:
        """Up to `limit` pages for `query`, best first, pages in `lang` before the others."""
        if self._index is None:
            raise RuntimeError("sqlite_fts: search() called before start()")
        key = (query, lang, limit)
        found = self._found.get(key)
        if found is not None:
            self._found.move_to_end(key)
            return list(found)
        if self._inline:
            results = self._index.search(query, lang, limit)
        else:
            results = await asyncio.to_thread(self._index.search, query, lang, limit)
        self._found[key] = tuple(results)
        if len(self._found) > CACHED_SEARCHES:
            self._found.popitem(last=False)
        return results
