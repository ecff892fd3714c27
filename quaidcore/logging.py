"""Structured logging with structlog: JSON in production, readable in a terminal.

Defence in depth: every string in a log event goes through the redaction chain, and
tracebacks never include local variables (they may hold a client's raw text).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any

import structlog
from aiohttp.http_exceptions import HttpProcessingError
from structlog.tracebacks import ExceptionDictTransformer

_redact: Callable[[str], str] | None = None
SAFE_KEYS = {"event", "level", "timestamp", "logger"}


def set_redactor(redact: Callable[[str], str] | None) -> None:
    """Install the function that masks personal information in log values."""
    global _redact
    _redact = redact


def _redact_values(_: Any, __: str, event: dict[str, Any]) -> dict[str, Any]:
    if _redact is None:
        return event
    for key, value in event.items():
        if key not in SAFE_KEYS and isinstance(value, str):
            event[key] = _redact(value)
    return event


def configure(fmt: str = "auto", level: str = "info", stream: Any = None) -> None:
    """Set up structlog and the standard library's logging to go through it."""
    stream = stream or sys.stderr
    as_json = fmt == "json" or (fmt == "auto" and not stream.isatty())
    renderer: Any = (structlog.processors.JSONRenderer() if as_json
                     else structlog.dev.ConsoleRenderer(colors=stream.isatty(),
                                                    exception_formatter=structlog.dev.plain_traceback))
    exceptions = structlog.processors.ExceptionRenderer(ExceptionDictTransformer(show_locals=False))
    numeric = getattr(logging, level.upper())
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            _redact_values,
            exceptions if as_json else structlog.dev.set_exc_info,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(numeric),
        logger_factory=structlog.PrintLoggerFactory(file=stream),
        cache_logger_on_first_use=False,
    )
    logging.basicConfig(level=max(numeric, logging.WARNING), stream=stream,
                        format="%(levelname)s %(name)s: %(message)s", force=True)
    server_log = logging.getLogger("aiohttp.server")
    if not any(isinstance(f, OneLineParseErrors) for f in server_log.filters):
        server_log.addFilter(OneLineParseErrors())


class OneLineParseErrors(logging.Filter):
    """A request that aiohttp's HTTP parser refuses (malformed request line, headers or body
    encoding) is the client's fault: logged as one WARNING line, not a traceback at ERROR."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, HttpProcessingError):
            said = record.getMessage()
            record.msg = "%s: %s %s"
            record.args = (said, type(error).__name__, str(error.message)[:200])
            record.exc_info, record.exc_text = None, None
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True
