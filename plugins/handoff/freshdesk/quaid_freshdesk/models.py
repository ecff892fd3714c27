"""Which Freshdesk ticket belongs to which conversation (for notes and the webhook), which
handoffs' tickets are resolved and on which side first, and the webhook signatures seen
lately (a replayed request is refused, whichever worker it reaches)."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class FreshdeskTicket(Model):
    """A ticket created in Freshdesk for a handed-off conversation."""

    ticket_id = fields.BigIntField(primary_key=True)
    conversation_id = fields.CharField(max_length=64, db_index=True)
    outbox_key = fields.CharField(max_length=191, unique=True)
    created_at = fields.FloatField()

    class Meta:
        table = "freshdesk_ticket"


class FreshdeskResolution(Model):
    """The ticket of one handoff is resolved: the row is the claim of whichever side resolved
    first. Quaid first (``by="quaid"``): the ticket's status change is queued, and Freshdesk's
    webhook about it changes nothing. Freshdesk first (``by="freshdesk"``): the conversation
    is resolved once, and nothing is sent back. Keyed by the ticket's outbox key, which
    exists before the ticket does."""

    ticket_key = fields.CharField(max_length=191, primary_key=True)
    conversation_id = fields.CharField(max_length=64, db_index=True)
    by = fields.CharField(max_length=16)
    at = fields.FloatField()

    class Meta:
        table = "freshdesk_resolution"


class FreshdeskWebhookSeen(Model):
    """A signed webhook request accepted lately: the same signature again is a replay.
    Rows older than twice the replay window are deleted."""

    signature = fields.CharField(max_length=64, primary_key=True)
    seen_at = fields.FloatField(db_index=True)

    class Meta:
        table = "freshdesk_webhook_seen"
