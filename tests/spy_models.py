"""A plugin's own tortoise model, for test_hook_quaid_register_models."""

from tortoise import fields
from tortoise.models import Model


class SpyNote(Model):
    id = fields.IntField(primary_key=True)
    note = fields.CharField(max_length=32)

    class Meta:
        table = "spy_note"
