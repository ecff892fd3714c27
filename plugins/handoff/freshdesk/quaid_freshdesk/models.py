"""Which Freshdesk ticket belongs to which conversation (for notes and the webhook)."""

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
