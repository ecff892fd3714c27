"""A griffe extension for the API reference: the core's docstrings are written with Sphinx
roles (``:class:`~quaidcore.host.Host```, ``:meth:`save```); mkdocstrings reads Markdown.

In the modules that docs/reference.md renders (:data:`DOCUMENTED`), each role becomes a
cross-reference (``[`Host`][quaidcore.host.Host]``) when its target is an object of one of
them, and plain code otherwise (``quaidcore.app.Quaid``, ``click.Group``). A role naming no
object of ``quaidcore`` is a warning, and so is a cross-reference to an object the page does
not show, so ``mkdocs build --strict`` fails on a stale reference. reST's ``text::`` before
a literal block becomes ``text:``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import griffe

ROLE = re.compile(r":(?:py:)?(?:class|meth|func|attr|data|mod|exc|obj):`(~?)([^`<]+?)(?:\s*<([^>]+)>)?`")
LITERAL = re.compile(r"(\S)::(\n\s*\n)")
# The modules rendered by docs/reference.md (its `::: module` lines): a role pointing
# elsewhere is shown as code.
DOCUMENTED = tuple(re.findall(r"^::: ([\w.]+)", (Path(__file__).parent / "reference.md").read_text(), re.M))
logger = griffe.get_logger("griffe_sphinx_roles")


class SphinxRoles(griffe.Extension):
    """Rewrites the docstrings of a package once it is loaded."""

    def on_package(self, *, pkg: griffe.Module, loader: griffe.GriffeLoader, **kwargs: Any) -> None:
        collection = loader.modules_collection
        for obj in _walk(pkg):
            if obj.docstring is not None and _documented(obj.path):
                text = ROLE.sub(lambda match, obj=obj: _link(obj, match, collection), obj.docstring.value)
                obj.docstring.value = _literal_blocks(text)


def _literal_blocks(text: str) -> str:
    """reST's ``text::`` + indented block → ``text:`` + Markdown's indented code block. A block
    that ends the docstring lost its indentation to the docstring's dedent: indent it again."""
    out, rest = [], text
    while match := LITERAL.search(rest):
        out.append(rest[:match.start()] + match.group(1) + ":" + match.group(2))
        rest = rest[match.end():]
        if rest and not rest[0].isspace():
            rest = "\n".join("    " + line if line else line for line in rest.split("\n"))
    return "".join(out) + rest


def _walk(obj: griffe.Object) -> Any:
    yield obj
    for member in obj.members.values():
        if not member.is_alias:
            yield from _walk(member)  # type: ignore[arg-type]


def _link(obj: griffe.Object, match: re.Match[str], collection: Any) -> str:
    tilde, text, target = match.group(1), match.group(2).strip(), match.group(3)
    target = (target or text).strip()
    title = text if match.group(3) else (target.rsplit(".", 1)[-1] if tilde else target)
    paths = _resolve(obj, target, collection)
    if not paths and (target.startswith("quaidcore.") or "." not in target):
        logger.warning("%s: %s names no object", obj.path, match.group(0))
    for path in paths:
        if _documented(path):
            return f"[`{title}`][{path}]"
    return f"`{title}`"


def _documented(path: str) -> bool:
    return any(path == module or path.startswith(module + ".") for module in DOCUMENTED)


def _resolve(obj: griffe.Object, target: str, collection: Any) -> list[str]:
    """The paths `target` may stand for, seen from `obj`: the innermost scope first; an
    imported name gives its own path and its origin's."""
    scopes: list[str] = []
    scope: griffe.Object | None = obj
    while scope is not None:
        scopes.append(scope.path + ".")
        scope = scope.parent
    for prefix in (*scopes, ""):
        try:
            found = collection[prefix + target]
        except (KeyError, ValueError, griffe.AliasResolutionError, griffe.CyclicAliasError):
            continue
        if not found.is_alias:
            return [found.path]
        try:
            return [found.path, found.final_target.path]
        except griffe.AliasResolutionError:
            return [found.path, found.target_path]
    return []
