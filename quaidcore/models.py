"""tortoise-orm models of the core: clients, conversations, messages, events.

Nothing here holds personal information: texts are redacted before they reach a model, and
client identifiers from channels are stored as keyed hashes (pseudonyms).
"""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class Client(Model):
    """A client, known only by a pseudonym (keyed hash of the channel's user ID)."""

    id = fields.CharField(max_length=64, primary_key=True)
    channel = fields.CharField(max_length=32)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "quaid_client"


class Conversation(Model):
    """A conversation and its dialogue state (resumable after a restart)."""

    id = fields.CharField(max_length=64, primary_key=True)
    channel = fields.CharField(max_length=32, db_index=True)
    client_id = fields.CharField(max_length=64, null=True, db_index=True)
    brain = fields.CharField(max_length=32, default="default")
    lang = fields.CharField(max_length=8, default="en")
    stage = fields.CharField(max_length=32, default="new")
    owner = fields.CharField(max_length=16, default="bot")
    outcome = fields.CharField(max_length=32, null=True)
    state = fields.JSONField(default=dict)
    created_at = fields.FloatField()
    updated_at = fields.FloatField(db_index=True)

    class Meta:
        table = "quaid_conversation"


class Message(Model):
    """One message in or out, redacted."""

    id = fields.BigIntField(primary_key=True)
    conversation_id = fields.CharField(max_length=64, db_index=True)
    direction = fields.CharField(max_length=4)  # "in" | "out"
    author = fields.CharField(max_length=16)  # client | bot | agent
    text = fields.TextField()
    kind = fields.CharField(max_length=16, null=True)
    code = fields.CharField(max_length=6, null=True)
    payload = fields.JSONField(null=True)
    at = fields.FloatField()  # indexed on PostgreSQL only (quaidcore.store.AT_INDEXES)

    class Meta:
        table = "quaid_message"


class EventRecord(Model):
    """An analytics event: the one append-only event store of the core and the plugins
    (``host.emit``), in causal order (``id``), read by :mod:`quaidcore.reports`.

    `lang` is the conversation's language when the event happened; `code` the standard
    response code the event is about (a solution sent, an answer's feedback, an agent's
    first response...) and `lob` its line of business (``code[:2]``). No personal data:
    texts in `data` are redacted, clients are not named. Columns added after a database
    was created are added at start-up (:func:`quaidcore.store.upgrade_schema`).
    """

    id = fields.BigIntField(primary_key=True)
    # no index of its own on type or conversation_id: the reports' (type, at) and
    # (conversation_id, type) indexes serve both (quaidcore.store.EVENT_INDEXES), and each
    # index more is written by every event of the message path
    type = fields.CharField(max_length=48)
    conversation_id = fields.CharField(max_length=64)
    channel = fields.CharField(max_length=32)
    data = fields.JSONField(default=dict)
    at = fields.FloatField()  # indexed on PostgreSQL only (quaidcore.store.AT_INDEXES)
    lang = fields.CharField(max_length=8, null=True)
    lob = fields.CharField(max_length=2, null=True)
    code = fields.CharField(max_length=6, null=True)

    class Meta:
        table = "quaid_event"


class OutboxItem(Model):
    """A call to an outside service waiting to be made, made, or given up on (the outbox).

    See :mod:`quaidcore.outbox`. `key` makes an enqueue idempotent per target; `group` keeps
    one conversation's calls in order. Payloads hold redacted text only.
    """

    id = fields.BigIntField(primary_key=True)
    target = fields.CharField(max_length=32, db_index=True)
    key = fields.CharField(max_length=191)
    group = fields.CharField(max_length=96, null=True, db_index=True)
    action = fields.CharField(max_length=48)
    payload = fields.JSONField(default=dict)
    status = fields.CharField(max_length=8, default="pending", db_index=True)  # pending|done|dead
    attempts = fields.IntField(default=0)
    next_attempt_at = fields.FloatField(db_index=True)
    locked_until = fields.FloatField(default=0.0)
    last_error = fields.TextField(null=True)
    result = fields.JSONField(null=True)
    created_at = fields.FloatField()
    updated_at = fields.FloatField()

    class Meta:
        table = "quaid_outbox"
        unique_together = (("target", "key"),)
