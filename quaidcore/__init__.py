"""Quaid: a plugin-based framework for public-service client-support bots.

This module is the public API that plugins use; everything a bundled plugin imports from
the core is exported here (or from :mod:`quaidcore.text`, :mod:`quaidcore.outbox` and
:mod:`quaidcore.testing`).
"""

from .components import (
    Channel,
    ComponentContext,
    HandoffRequest,
    HandoffTarget,
    LanguageDetector,
    MetricSink,
    NLUBackend,
    Redactor,
    SearchBackend,
    TrainingExample,
)
from .messages import (
    Event,
    Inbound,
    Link,
    Prediction,
    QuickReply,
    Redaction,
    Reply,
    SearchResult,
    Span,
    UnknownConversation,
)
from .plugins import hookimpl

__version__ = "0.1.0"

__all__ = [
    "Channel",
    "ComponentContext",
    "Event",
    "HandoffRequest",
    "HandoffTarget",
    "Inbound",
    "LanguageDetector",
    "Link",
    "MetricSink",
    "NLUBackend",
    "Prediction",
    "QuickReply",
    "Redaction",
    "Redactor",
    "Reply",
    "SearchBackend",
    "SearchResult",
    "Span",
    "TrainingExample",
    "UnknownConversation",
    "__version__",
    "hookimpl",
]
