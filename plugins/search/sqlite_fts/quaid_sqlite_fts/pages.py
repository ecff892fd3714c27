"""Reading the agency's pages from files: Markdown with front matter, or saved HTML.

Markdown::

    ---
    title: Electronic Travel Authorization (eTA)
    url: https://www.canada.ca/en/immigration-refugees-citizenship/services/visit-canada/eta.html
    lang: en
    ---
    # Electronic Travel Authorization (eTA)
    ...

HTML: the title from ``<title>`` (else the first ``<h1>``), the language from
``<html lang>``, the URL from ``<link rel="canonical">`` (else ``og:url``); a comment in
the front-matter style (``<!-- url: https://... -->``, also ``title:`` and ``lang:``) fills
in what the markup lacks. Only the text of ``<main>`` is kept when there is one; scripts,
styles, navigation, headers and footers never are.

A page without a language takes it from its URL (``/en/``, ``/fr/``), else English.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import yaml

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
PAGE_SUFFIXES = MARKDOWN_SUFFIXES | HTML_SUFFIXES
MAX_PAGE_BYTES = 5_000_000


class PageError(ValueError):
    """A file that cannot be read as a page; the message says why."""


@dataclass(frozen=True)
class Page:
    """One page of the site as indexed: plain-text body, with where it came from."""

    title: str
    url: str
    lang: str
    body: str
    source: str


_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_LANG_IN_URL = re.compile(r"/(en|fr)(?:/|$)")
_COMMENT_FIELD = re.compile(r"^\s*(title|url|lang)\s*:\s*(.+?)\s*$", re.M | re.I)
_SPACES = re.compile(r"[ \t\f\v\xa0]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")

_MD_RULES = [
    (re.compile(r"<!--.*?-->", re.S), " "),
    (re.compile(r"^\s*(```|~~~).*$", re.M), ""),                      # code fences
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),                    # images → alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),                     # links → their text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),                    # reference links
    (re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$", re.M), ""),               # link definitions
    (re.compile(r"<(https?://[^>]+)>"), r"\1"),                        # autolinks
    (re.compile(r"<[^>\n]+>"), " "),                                   # inline HTML tags
    (re.compile(r"^\s{0,3}#{1,6}\s*", re.M), ""),                      # heading markers
    (re.compile(r"\s#+\s*$", re.M), ""),                               # closing hashes
    (re.compile(r"^\s{0,3}>\s?", re.M), ""),                           # block quotes
    (re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.M), ""),               # list markers
    (re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$", re.M), ""),  # table rules
    (re.compile(r"^\s*([-*_]\s*){3,}$", re.M), ""),                    # horizontal rules
    (re.compile(r"\|"), " "),                                          # table cells
    (re.compile(r"(\*\*|__|\*|`|~~)"), ""),                            # emphasis, code
    (re.compile(r"(?<!\w)_|_(?!\w)"), ""),                             # _emphasis_
]


def lang_from_url(url: str) -> str | None:
    """``.../en/...`` → ``"en"``; None when the path names no language."""
    match = _LANG_IN_URL.search(url.split("?", 1)[0])
    return match.group(1) if match else None


def _language(value: object, url: str) -> str:
    text = str(value or "").strip().lower().replace("_", "-")
    return text.split("-", 1)[0] if text else (lang_from_url(url) or "en")


def _tidy(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def markdown_text(markdown: str) -> str:
    """The readable text of a Markdown body: markup, link targets and images removed."""
    text = markdown
    for pattern, replacement in _MD_RULES:
        text = pattern.sub(replacement, text)
    return _tidy(html.unescape(text))


def parse_markdown(text: str, source: str) -> Page:
    """A page from Markdown with YAML front matter holding at least ``url`` and ``title``."""
    match = _FRONT_MATTER.match(text)
    if not match:
        raise PageError("no front matter (a '---' block with title, url and lang)")
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise PageError(f"front matter is not valid YAML: {exc}") from None
    if not isinstance(meta, dict):
        raise PageError("front matter must be a mapping of keys")
    url = str(meta.get("url") or "").strip()
    body = markdown_text(text[match.end():])
    title = str(meta.get("title") or "").strip() or _first_line(body)
    if not url:
        raise PageError("front matter has no url")
    return Page(title=title, url=url, lang=_language(meta.get("lang"), url), body=body, source=source)


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


_SKIPPED = frozenset({"script", "style", "noscript", "template", "svg", "nav", "header",
                      "footer", "head", "iframe", "object", "select", "button", "form"})
_BLOCKS = frozenset({"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "tr", "td", "th", "table",
                     "section", "article", "aside", "main", "body", "br", "hr", "h1", "h2", "h3",
                     "h4", "h5", "h6", "blockquote", "pre", "figure", "figcaption", "details",
                     "summary", "caption", "address"})
_VOID = frozenset({"br", "hr", "img", "input", "link", "meta", "area", "base", "col", "embed",
                   "source", "track", "wbr", "param"})


class _HTMLText(HTMLParser):
    """Collects a page's metadata and readable text in one pass."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = self.canonical = self.og_url = ""
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self.body_parts: list[str] = []
        self.main_parts: list[str] = []
        self.comment_meta: dict[str, str] = {}
        self._skip = 0
        self._in_title = self._in_h1 = False
        self._main_depth = 0
        self._stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "html" and a.get("lang"):
            self.lang = a["lang"]
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.canonical = self.canonical or a.get("href", "").strip()
        elif tag == "meta" and a.get("property", "").lower() == "og:url":
            self.og_url = self.og_url or a.get("content", "").strip()
        if tag in _VOID:
            self._text("\n" if tag in _BLOCKS else " ")
            return
        self._stack.append(tag)
        if tag == "title":
            self._in_title = True
        elif tag in _SKIPPED:
            self._skip += 1
        elif tag == "main":
            self._main_depth += 1
        elif tag == "h1":
            self._in_h1 = True
        if tag in _BLOCKS:
            self._text("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag not in self._stack:  # a stray end tag: ignore it
            return
        while self._stack:  # close whatever was left open inside it
            open_tag = self._stack.pop()
            if open_tag == "title":
                self._in_title = False
            elif open_tag in _SKIPPED:
                self._skip -= 1
            elif open_tag == "main":
                self._main_depth -= 1
            elif open_tag == "h1":
                self._in_h1 = False
            if open_tag in _BLOCKS:
                self._text("\n")
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        elif not self._skip:
            if self._in_h1:
                self.h1_parts.append(data)
            self._text(data)

    def handle_comment(self, data: str) -> None:
        for key, value in _COMMENT_FIELD.findall(data):
            self.comment_meta.setdefault(key.lower(), value)

    def _text(self, text: str) -> None:
        if self._skip:
            return
        self.body_parts.append(text)
        if self._main_depth:
            self.main_parts.append(text)


def parse_html(text: str, source: str) -> Page:
    """A page from an HTML document (see the module's docstring for where each field comes from)."""
    parser = _HTMLText()
    parser.feed(text)
    parser.close()
    meta = parser.comment_meta
    url = parser.canonical or meta.get("url", "") or parser.og_url
    if not url:
        raise PageError("no URL: add <link rel=\"canonical\" href=...> or <!-- url: ... -->")
    body = _tidy("".join(parser.main_parts or parser.body_parts))
    title = (_tidy(" ".join(parser.title_parts)).replace("\n", " ") or meta.get("title", "")
             or _tidy(" ".join(parser.h1_parts)).replace("\n", " ") or _first_line(body))
    return Page(title=title, url=url.strip(), lang=_language(parser.lang or meta.get("lang"), url),
                body=body, source=source)


def read_page(path: Path) -> Page:
    """The page in the file at `path`, by its suffix; PageError when it cannot be one."""
    if str(path).startswith(("http:", "https:")):
        raise PageError("a web address: pages are read from files; save the page and list the file")
    suffix = path.suffix.lower()
    if suffix not in PAGE_SUFFIXES:
        raise PageError(f"not a page file (expected one of {', '.join(sorted(PAGE_SUFFIXES))})")
    try:
        if path.stat().st_size > MAX_PAGE_BYTES:
            raise PageError(f"larger than {MAX_PAGE_BYTES} bytes")
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise PageError(f"cannot be read: {exc.strerror or exc}") from None
    if suffix in MARKDOWN_SUFFIXES:
        return parse_markdown(text, str(path))
    return parse_html(text, str(path))


def page_files(source: Path | str | Iterable[Path | str]) -> list[Path]:
    """The files to index: every page file under a folder (recursively, sorted), the files
    named in a list file (one path a line, relative to the list's folder; blank lines and
    ``#`` comments ignored; ``file://`` URLs accepted), or an explicit list of paths."""
    if isinstance(source, (str, Path)):
        path = Path(source)
        if path.is_dir():
            return sorted(p for p in path.rglob("*")
                          if p.suffix.lower() in PAGE_SUFFIXES and p.is_file()
                          and not any(part.startswith(".") for part in p.relative_to(path).parts))
        if path.suffix.lower() in PAGE_SUFFIXES:
            return [path]
        return _listed(path)
    return [Path(p) for p in source]


def _listed(list_file: Path) -> list[Path]:
    files = []
    for line in list_file.read_text(encoding="utf-8").splitlines():
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        if entry.startswith("file://"):
            entry = entry[len("file://"):]
        path = Path(entry).expanduser()
        files.append(path if path.is_absolute() else list_file.parent / path)
    return files
