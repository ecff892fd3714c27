"""The ``plugins.botframework`` block."""

from __future__ import annotations

from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator

from quaidcore import RetryPolicy

GOVERNMENT_CHANNEL_SERVICE = "https://botframework.azure.us"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


class BotFrameworkConfig(BaseModel):
    """Options of the ``botframework`` plugin block (an Azure Bot registration)."""

    model_config = ConfigDict(extra="forbid")
    app_id: str = Field(min_length=1, max_length=64,
                        description="the bot's Microsoft App ID (the Azure Bot's app registration)")
    app_password: SecretStr = Field(description="the app registration's client secret")
    tenant_id: str | None = Field(None, min_length=1, max_length=64,
                                  description="set for a single-tenant app registration")
    channel_service: Literal["https://botframework.azure.us"] | None = Field(
        None, description="unset: the public Azure cloud; https://botframework.azure.us: US Government")
    openid_metadata: str | None = Field(
        None, description="the OpenID metadata URL of the channel's signing keys (tests, private clouds)")
    max_body_bytes: int = Field(256 * 1024, ge=1024, le=4 * 1024 * 1024)
    max_text_chars: int = Field(2000, ge=1)
    quick_reply_action: Literal["postBack", "imBack"] = Field(
        "postBack", description="the card action of a quick reply (Teams shows only imBack)")
    links: Literal["card", "markdown"] = Field(
        "card", description="links as a hero card of openUrl buttons, or as markdown in the text")
    timeout_s: float = Field(30.0, gt=0, description="timeout of one call to the Bot Connector")
    retry: RetryPolicy = RetryPolicy()

    @field_validator("tenant_id", "channel_service", "openid_metadata", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        return None if value == "" else value  # `${VAR:-}` with VAR unset

    @field_validator("openid_metadata")
    @classmethod
    def _metadata_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parts = urlsplit(value)
        if parts.scheme == "https" and parts.hostname:
            return value
        if parts.scheme == "http" and parts.hostname in LOOPBACK:
            return value
        raise ValueError("must be an https URL (http only on loopback, for tests)")
