"""The botframework channel's one table: how to reach each conversation on the platform.

``botframework_reference`` holds, per Quaid conversation, the Bot Framework
``ConversationReference`` needed to send to it later (an agent's reply, the survey): the
platform's IDs — the user's channel account ID, the bot's, the platform conversation's ID
(and tenant ID in Teams), the last inbound activity's ID — the channel ID, the locale and the
``serviceUrl``. Display names (``from.name``, ``aadObjectId``, the conversation's name) are
dropped before anything is stored. ``offered`` lists the payload tokens of quick replies shown
lately, so that a pressed button (imBack/postBack: it comes back as text) is recognised as a
payload; ``recent`` the IDs of the last inbound activities handled, so that one the Bot
Connector delivers again is answered once. The rows of a conversation are deleted when the client is forgotten.
"""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class BotFrameworkReference(Model):
    """The platform's IDs needed to reply to one Quaid conversation."""

    conversation_id = fields.CharField(max_length=64, primary_key=True)
    reference = fields.JSONField()
    offered = fields.JSONField(default=list)
    recent = fields.JSONField(default=list)
    updated_at = fields.FloatField()

    class Meta:
        table = "botframework_reference"
