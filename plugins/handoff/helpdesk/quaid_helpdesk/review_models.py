"""The tables of the learning loop (registered with the helpdesk's others).

- ``helpdesk_review_candidate``: a client's question (redacted, as stored by the core) and
  the code an agent answered it with (``agent_reply``) or the client chose under "did you
  mean" (``clarification``), waiting for a subject-matter expert; ``key`` (the language and
  the text, case and spacing ignored) is unique: the same text is never offered twice;
- ``helpdesk_review_run``: each retrain of the brains after approvals, with the ``quaid
  eval`` figures of the validation file before and after.
"""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

SOURCES = ("agent_reply", "clarification")
DECISIONS = ("pending", "approved", "rejected")


class ReviewCandidate(Model):
    """A candidate training example."""

    id = fields.IntField(primary_key=True)
    key = fields.CharField(max_length=64, unique=True)  # sha256 of lang + normalised text
    text = fields.TextField()  # redacted; an expert may edit it
    lang = fields.CharField(max_length=8)
    code = fields.CharField(max_length=6)  # proposed; an expert may edit it
    source = fields.CharField(max_length=16)  # one of SOURCES
    conversation_id = fields.CharField(max_length=64, db_index=True)
    agent = fields.CharField(max_length=64, null=True)  # who replied with the code
    status = fields.CharField(max_length=16, default="pending", db_index=True)  # one of DECISIONS
    decided_by = fields.CharField(max_length=64, null=True)
    decided_at = fields.FloatField(null=True)
    created_at = fields.FloatField()

    class Meta:
        table = "helpdesk_review_candidate"


class ReviewRun(Model):
    """One retrain: when, how long, what it trained and the figures before and after."""

    id = fields.IntField(primary_key=True)
    started_at = fields.FloatField()
    finished_at = fields.FloatField(null=True)
    status = fields.CharField(max_length=16, default="running")  # running | done | failed
    approved = fields.IntField(default=0)  # examples approved when it started
    brains = fields.JSONField(default=list)
    seconds = fields.FloatField(null=True)
    before = fields.JSONField(null=True)
    after = fields.JSONField(null=True)
    error = fields.TextField(null=True)

    class Meta:
        table = "helpdesk_review_run"
