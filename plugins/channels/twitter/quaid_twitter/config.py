"""The ``twitter`` plugin's config block."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator

from quaidcore import RetryPolicy
from quaidcore.webhooks import partner_base_url


class TwitterConfig(BaseModel):
    """Options of the ``twitter`` plugin block."""

    model_config = ConfigDict(extra="forbid")
    consumer_secret: SecretStr = Field(
        min_length=1, description="the X app's API key secret: CRC answers and webhook signatures")
    access_token: SecretStr = Field(
        min_length=1, description="OAuth 2.0 user access token of the agency's account (dm.write), sent as Bearer")
    account_id: str = Field(pattern=r"^[0-9]{1,32}$", description="the agency's own X user ID")
    api_url: str = Field("https://api.x.com", description="the X API base")
    max_body_bytes: int = Field(512 * 1024, ge=1024, le=1024 * 1024, description="largest webhook body")
    timeout_s: float = Field(20.0, gt=0, description="per API call")
    retry: RetryPolicy = Field(default_factory=RetryPolicy)

    @field_validator("api_url")
    @classmethod
    def _https(cls, value: str) -> str:
        return partner_base_url(value, "https://api.x.com")
