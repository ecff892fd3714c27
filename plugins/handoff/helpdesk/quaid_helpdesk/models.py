"""The helpdesk's tables: agents and their sessions, tickets and their messages, unlock marks.

Texts here are redacted (the transcript and client messages come from the core, already
masked; agents' notes go through the redaction chain). Passwords are stored only as argon2
hashes and sessions only as the SHA-256 of the cookie's token.
"""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

ROLES = ("agent", "sme", "supervisor")
STATUSES = ("open", "pending", "resolved")


class Agent(Model):
    """A person who signs in to the console: an agent, a subject-matter expert, a supervisor."""

    id = fields.IntField(primary_key=True)
    username = fields.CharField(max_length=64, unique=True)
    password_hash = fields.CharField(max_length=255)
    roles = fields.JSONField(default=list)  # a subset of ROLES
    channels = fields.JSONField(default=list)  # channel names served; "*" = every channel
    disabled = fields.BooleanField(default=False)
    created_at = fields.FloatField()
    last_sign_in_at = fields.FloatField(null=True)

    class Meta:
        table = "helpdesk_agent"

    def has(self, *roles: str) -> bool:
        """True when the agent holds one of `roles`."""
        return any(role in self.roles for role in roles)

    def serves(self, channel: str) -> bool:
        """True when `channel`'s queue is routed to this agent."""
        return "*" in self.channels or channel in self.channels


class AgentSession(Model):
    """A signed-in browser: keyed by the hash of its cookie, with its CSRF token."""

    id = fields.CharField(max_length=64, primary_key=True)  # sha256(cookie token), hex
    agent: fields.ForeignKeyRelation[Agent] = fields.ForeignKeyField(
        "models.Agent", related_name="sessions", on_delete=fields.CASCADE)
    csrf_token = fields.CharField(max_length=64)
    created_at = fields.FloatField()
    last_seen_at = fields.FloatField()

    class Meta:
        table = "helpdesk_session"


class Ticket(Model):
    """A conversation handed to people, with what the bot knew and when agents acted."""

    id = fields.IntField(primary_key=True)
    conversation_id = fields.CharField(max_length=64, db_index=True)
    channel = fields.CharField(max_length=32, db_index=True)
    lang = fields.CharField(max_length=8, default="en")
    status = fields.CharField(max_length=16, default="open", db_index=True)  # one of STATUSES
    reason = fields.CharField(max_length=48, default="")
    assignee: fields.ForeignKeyNullableRelation[Agent] = fields.ForeignKeyField(
        "models.Agent", related_name="assigned_tickets", null=True, on_delete=fields.SET_NULL)
    consultant: fields.ForeignKeyNullableRelation[Agent] = fields.ForeignKeyField(
        "models.Agent", related_name="consultations", null=True, on_delete=fields.SET_NULL)
    candidates = fields.JSONField(default=list)  # the bot's best codes: [{"code", "confidence"}]
    transcript = fields.JSONField(default=list)  # redacted, as handed off
    created_at = fields.FloatField()
    first_response_at = fields.FloatField(null=True)
    resolved_at = fields.FloatField(null=True)
    updated_at = fields.FloatField(db_index=True)

    class Meta:
        table = "helpdesk_ticket"


class TicketMessage(Model):
    """One line of a ticket: the client, the bot, an agent's reply, an internal note..."""

    id = fields.BigIntField(primary_key=True)
    ticket: fields.ForeignKeyRelation[Ticket] = fields.ForeignKeyField(
        "models.Ticket", related_name="messages", on_delete=fields.CASCADE)
    # client | bot | agent (sent to the client) | note | consult | consult_done | event (internal)
    kind = fields.CharField(max_length=16)
    author = fields.CharField(max_length=64, null=True)
    text = fields.TextField()
    code = fields.CharField(max_length=6, null=True)
    at = fields.FloatField(db_index=True)

    class Meta:
        table = "helpdesk_ticket_message"

    @property
    def internal(self) -> bool:
        """True for what the client never sees."""
        return self.kind in ("note", "consult", "consult_done", "event")


class SignInUnlock(Model):
    """A supervisor lifted an account's sign-in backoff at `at` (``quaid agents unlock`` or the
    agents page): every worker forgets the failures it counted for the account before then."""

    username = fields.CharField(max_length=64, primary_key=True)
    at = fields.FloatField()
    by = fields.CharField(max_length=64, null=True)

    class Meta:
        table = "helpdesk_sign_in_unlock"
