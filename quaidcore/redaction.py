"""The redaction chain: every configured redactor finds spans; the core masks them.

Masked spans become typed placeholders (``[EMAIL]``) so that the NLU and agents still see
the shape of the question. Pure functions, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import structlog

from .components import Redactor
from .messages import Redaction, Span

log = structlog.get_logger(__name__)


def merge(spans: Iterable[Span]) -> list[Span]:
    """Sort spans and drop those that overlap an earlier-listed (higher-priority) one."""
    kept: list[Span] = []
    for span in spans:
        if span.end <= span.start:
            continue
        if any(span.start < k.end and k.start < span.end for k in kept):
            continue
        kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def mask(text: str, spans: Iterable[Span]) -> Redaction:
    """Replace each span of `text` with ``[TYPE]``; spans are offsets into `text`."""
    ordered = merge(spans)
    parts: list[str] = []
    cursor = 0
    for span in ordered:
        parts.append(text[cursor:span.start])
        parts.append(f"[{span.type}]")
        cursor = span.end
    parts.append(text[cursor:])
    return Redaction("".join(parts), tuple(ordered))


class RedactionChain:
    """The ordered redactors of the config, applied as one."""

    def __init__(self, redactors: Sequence[Redactor]) -> None:
        self.redactors = list(redactors)

    def redact(self, text: str) -> Redaction:
        """Mask everything any redactor finds. A failing redactor masks the whole text."""
        if not text:
            return Redaction(text)
        spans: list[Span] = []
        for redactor in self.redactors:
            try:
                spans.extend(redactor.find(text))
            except Exception as exc:  # fail closed: never let raw text through
                log.error("redactor_failed", redactor=type(redactor).__name__, error=type(exc).__name__)
                return Redaction("[REDACTED]", (Span(0, len(text), "REDACTED"),))
        return mask(text, spans)
