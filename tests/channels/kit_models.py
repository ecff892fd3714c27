"""The table of the webhook channel that tests/channels/test_webhook_kit.py builds on the kit."""

from tortoise import fields

from quaidcore import PlatformUserModel


class KitUser(PlatformUserModel):
    handle = fields.CharField(max_length=64)

    class Meta:
        table = "kit_user"
