"""Quaid: a plugin-based framework for public-service client-support bots.

This module is the public API that plugins use; everything a bundled plugin imports from
the core is exported here (or from :mod:`quaidcore.text`, :mod:`quaidcore.outbox`,
:mod:`quaidcore.webhooks` and :mod:`quaidcore.testing`). :class:`Host` is what a plugin
may ask of a running Quaid.
"""

from .commands import CommandError, command_host
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
    TurnWrite,
    TurnWriteFailed,
    TurnWriter,
)
from .host import (
    HOST_API_VERSION,
    ConversationInfo,
    DetachedHost,
    EventHandler,
    Host,
    Retrained,
    TranscriptLine,
)
from .kb import KnowledgeBase
from .messages import (
    Event,
    Inbound,
    InvalidMessage,
    Link,
    Prediction,
    QuickReply,
    Redaction,
    Reply,
    SearchResult,
    Span,
    TrainingExample,
    UnknownConversation,
)
from .outbox import GiveUp, Outbox, OutboxItem, Retry, RetryPolicy
from .plugins import hookimpl
from .webhooks import (
    PartnerAnswer,
    PartnerAPI,
    PartnerUnavailable,
    PlatformMessage,
    PlatformUserModel,
    PlatformUsers,
    WebhookKit,
)

__version__ = "0.2.0"

__all__ = [
    "HOST_API_VERSION",
    "Channel",
    "CommandError",
    "ComponentContext",
    "ConversationInfo",
    "DetachedHost",
    "Event",
    "EventHandler",
    "GiveUp",
    "HandoffRequest",
    "HandoffTarget",
    "Host",
    "Inbound",
    "InvalidMessage",
    "KnowledgeBase",
    "LanguageDetector",
    "Link",
    "MetricSink",
    "NLUBackend",
    "Outbox",
    "OutboxItem",
    "PartnerAPI",
    "PartnerAnswer",
    "PartnerUnavailable",
    "PlatformMessage",
    "PlatformUserModel",
    "PlatformUsers",
    "Prediction",
    "QuickReply",
    "Redaction",
    "Redactor",
    "Reply",
    "Retrained",
    "Retry",
    "RetryPolicy",
    "SearchBackend",
    "SearchResult",
    "Span",
    "TrainingExample",
    "TranscriptLine",
    "TurnWrite",
    "TurnWriteFailed",
    "TurnWriter",
    "UnknownConversation",
    "WebhookKit",
    "__version__",
    "command_host",
    "hookimpl",
]
