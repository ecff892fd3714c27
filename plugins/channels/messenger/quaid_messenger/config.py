"""The ``messenger`` plugin's config block."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator

from quaidcore import RetryPolicy
from quaidcore.webhooks import partner_base_url


class MessengerConfig(BaseModel):
    """Options of the ``messenger`` plugin block."""

    model_config = ConfigDict(extra="forbid")
    app_secret: SecretStr = Field(min_length=1, description="the Meta app's secret: signs every webhook POST")
    verify_token: SecretStr = Field(min_length=1, description="the token typed in the app's webhook settings")
    page_access_token: SecretStr = Field(min_length=1, description="the Page's access token (Send API)")
    graph_url: str = Field("https://graph.facebook.com/v19.0", description="the Graph API base, with its version")
    max_body_bytes: int = Field(512 * 1024, ge=1024, le=1024 * 1024, description="largest webhook body")
    timeout_s: float = Field(20.0, gt=0, description="per Send API call")
    typing: bool = Field(True, description="send sender_action typing_on before the bot works")
    human_agent_tag: bool = Field(
        False, description="send agents' replies with the HUMAN_AGENT tag (7-day window; needs Meta's approval)")
    retry: RetryPolicy = Field(default_factory=RetryPolicy)

    @field_validator("graph_url")
    @classmethod
    def _https(cls, value: str) -> str:
        return partner_base_url(value, "https://graph.facebook.com/v19.0")
