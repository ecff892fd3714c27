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


# A redactor reads at most WINDOW characters at once, and CONTEXT characters before them again. Rules that read a
# message's context cost more than linear time on some shapes of text (a list of 600 names: 14.5 s at 8,000
# characters in one call, 0.55 s at 2,600), while X and Messenger let a client send 10,000 and 8,000 characters
# and the redaction runs on the event loop: a long text is read window by window, cut at a line break, a sentence's
# end or a blank, so that its time grows linearly with its length. A message of the web chat (2,000 characters at
# most) is read whole; in a longer one, a rule that links values more than a window apart (a name said again) does
# not link them.
WINDOW = 2_000
CONTEXT = 200


def windows(text: str, size: int = WINDOW) -> list[tuple[int, int]]:
    """`text` cut into consecutive (start, end) pieces of at most `size` characters, each ending at a line break,
    else a sentence's end, else a blank, in its second half when there is one."""
    pieces: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        end = start + size
        half = start + size // 2
        for sep in ("\n", ". ", " "):
            cut = text.rfind(sep, half, end)
            if cut >= 0:
                end = cut + len(sep)
                break
        pieces.append((start, end))
        start = end
    pieces.append((start, len(text)))
    return pieces


def find_windowed(redactor: Redactor, text: str) -> list[Span]:
    """The redactor's spans over `text`, read whole when it fits one window, else window by window with its
    context before it. A span that overlaps one of the window before (a value across the cut, read whole only by
    the later window) replaces it when longer, else is dropped."""
    if len(text) <= WINDOW:
        return list(redactor.find(text))
    found: list[Span] = []
    for start, end in windows(text):
        lo = max(0, start - CONTEXT)
        for s in redactor.find(text[lo:end]):
            span = Span(s.start + lo, s.end + lo, s.type)
            if span.end <= start:
                continue  # inside the context alone: the window before read it
            if span.start < start:
                clash = [k for k in found if k.end > span.start and k.start < span.end]
                if any(k.end - k.start >= span.end - span.start for k in clash):
                    continue
                found = [k for k in found if k not in clash]
            found.append(span)
    return found


class RedactionChain:
    """The ordered redactors of the config, applied as one."""

    def __init__(self, redactors: Sequence[Redactor]) -> None:
        self.redactors = list(redactors)

    def redact(self, text: str) -> Redaction:
        """Mask everything any redactor finds (a long text window by window: :func:`find_windowed`). A failing
        redactor masks the whole text."""
        if not text:
            return Redaction(text)
        spans: list[Span] = []
        for redactor in self.redactors:
            try:
                spans.extend(find_windowed(redactor, text))
            except Exception as exc:  # fail closed: never let raw text through
                log.error("redactor_failed", redactor=type(redactor).__name__, error=type(exc).__name__)
                return Redaction("[REDACTED]", (Span(0, len(text), "REDACTED"),))
        return mask(text, spans)
