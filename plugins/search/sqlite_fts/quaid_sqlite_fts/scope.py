"""Which URLs belong to the agency's site: the allow-list that restricts the search.

An entry of ``allowed`` is either a URL prefix, ``https://www.canada.ca/en/immigration-refugees-citizenship/``
(that scheme, that host, paths under that path), or a bare host with an optional path,
``www.canada.ca/en/immigration-refugees-citizenship/`` (http or https). A path that ends
with ``/`` allows everything under it; a path without it allows itself and everything under
``path/`` (so ``/en/services`` allows ``/en/services/x.html`` but not ``/en/services-x``).
Hosts match exactly: no sub-domains.

URLs are compared after normalisation (lower-case scheme and host, default ports, percent-
decoding, ``.``/``..`` segments resolved), and a URL with a user name is never allowed
(``https://www.canada.ca@evil.example/`` is on ``evil.example``).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import SplitResult, unquote, urlsplit

DEFAULT_ALLOWED = (
    "https://www.canada.ca/en/immigration-refugees-citizenship/",
    "https://www.canada.ca/fr/immigration-refugies-citoyennete/",
)
_DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True)
class _Prefix:
    schemes: frozenset[str]
    host: str
    port: int | None  # None: the scheme's default port
    path: str


def _path(parts: SplitResult) -> str:
    raw = unquote(parts.path) or "/"
    path = posixpath.normpath(raw)
    if path.startswith("//"):  # normpath keeps a leading double slash (POSIX); we don't
        path = "/" + path.lstrip("/")
    if raw.endswith(("/", "/.", "/..")) and not path.endswith("/"):
        path += "/"
    return path


def _port(parts: SplitResult) -> int | None:
    port = parts.port  # raises ValueError when it is not a number
    return None if port == _DEFAULT_PORTS.get(parts.scheme.lower()) else port


def _prefix(entry: str) -> _Prefix:
    entry = entry.strip()
    if "://" in entry:
        parts = urlsplit(entry)
        schemes = frozenset({parts.scheme.lower()})
    else:
        parts = urlsplit("//" + entry)
        schemes = frozenset(_DEFAULT_PORTS)
    host = (parts.hostname or "").rstrip(".")
    if not host or parts.username is not None:
        raise ValueError(f"allowed entry {entry!r} is not a URL prefix or a host name")
    return _Prefix(schemes, host, _port(parts), _path(parts))


class SiteScope:
    """The set of URLs the search may index, built from the ``allowed`` entries."""

    def __init__(self, allowed: Iterable[str]) -> None:
        self.entries = tuple(allowed)
        self._prefixes = tuple(_prefix(entry) for entry in self.entries)

    def allows(self, url: str) -> bool:
        """True when `url` is under one of the allowed prefixes."""
        try:
            parts = urlsplit(url.strip())
            scheme = parts.scheme.lower()
            host = (parts.hostname or "").rstrip(".")
            if not host or parts.username is not None or parts.password is not None:
                return False
            port, path = _port(parts), _path(parts)
        except ValueError:
            return False
        return any(
            scheme in p.schemes and host == p.host and port == p.port and _under(path, p.path)
            for p in self._prefixes
        )


def _under(path: str, prefix: str) -> bool:
    if prefix.endswith("/"):
        return path.startswith(prefix)
    return path == prefix or path.startswith(prefix + "/")
