"""The tables of the live console and the queues (registered with the helpdesk's others).

- ``helpdesk_agent_status``: each agent's availability (available, away, offline), capacity
  (most open tickets; null = the config's default), when they were last given a ticket (round
  robin on ties) and a version that every automatic assignment bumps (two workers cannot both
  give the agent's last free slot away);
- ``helpdesk_live_socket``: the console tabs open now, by worker (an agent is offline once
  the last one closes; rows of a worker that died expire);
- ``helpdesk_change``: the change feed every worker polls to push console updates (rows are
  short-lived: pruned after :data:`CHANGE_TTL_S`);
- ``helpdesk_ticket_wait``: per ticket, what the client was told about the queue and the
  business hours, when it was assigned, why it was closed, where it was transferred from.

IDs of agents and tickets are plain integers (no foreign keys): the rows are deleted with
their ticket by ``quaid_forget`` and an agent's rows are harmless after the agent is gone.
"""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

AVAILABILITY = ("available", "away", "offline")
CHANGE_TTL_S = 600.0


class AgentStatus(Model):
    """An agent's availability and capacity."""

    agent_id = fields.IntField(primary_key=True)
    availability = fields.CharField(max_length=16, default="offline")  # one of AVAILABILITY
    capacity = fields.IntField(null=True)  # null: the config's default
    changed_at = fields.FloatField(default=0.0)
    last_assigned_at = fields.FloatField(default=0.0)
    version = fields.IntField(default=0)

    class Meta:
        table = "helpdesk_agent_status"


class LiveSocket(Model):
    """One open console tab (a WebSocket on ``/console/api/live``) of an agent."""

    id = fields.CharField(max_length=32, primary_key=True)
    agent_id = fields.IntField(db_index=True)
    worker = fields.CharField(max_length=64, db_index=True)
    seen_at = fields.FloatField()

    class Meta:
        table = "helpdesk_live_socket"


class Change(Model):
    """Something the consoles should show: a ticket changed (`ticket_id`), an agent's
    availability or capacity changed (`agent_id`)."""

    id = fields.BigIntField(primary_key=True)
    at = fields.FloatField(db_index=True)
    kind = fields.CharField(max_length=24)
    ticket_id = fields.IntField(null=True)
    agent_id = fields.IntField(null=True)

    class Meta:
        table = "helpdesk_change"


class TicketWait(Model):
    """The queue's memory of a ticket (one row per ticket, created when first needed)."""

    ticket_id = fields.IntField(primary_key=True)
    told_position = fields.IntField(null=True)
    told_wait_s = fields.FloatField(null=True)
    told_at = fields.FloatField(null=True)
    hours_told_at = fields.FloatField(null=True)
    assigned_at = fields.FloatField(null=True)
    closed_reason = fields.CharField(max_length=24, null=True)
    transferred_from = fields.CharField(max_length=32, null=True)

    class Meta:
        table = "helpdesk_ticket_wait"
