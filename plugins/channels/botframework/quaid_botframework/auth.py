"""Inbound JWT validation with botbuilder's own classes, its signing keys fetched off the loop.

The inbound token is validated by the SDK's ``ConfigurationBotFrameworkAuthentication``
(``JwtTokenValidation``: issuer, audience = our app ID, expiry with 5 minutes of leeway,
RS256 signature by a key of the channel's OpenID metadata, the key's endorsement of the
activity's channel, the ``serviceurl`` claim = the activity's ``serviceUrl``).

The SDK keeps the signing keys in ``JwtTokenExtractor.metadataCache`` (one
``_OpenIdMetadata`` per metadata URL), which refreshes them with blocking ``requests`` calls
from a coroutine: a fetch would stall the event loop. :func:`install_off_loop_keys` swaps
that cache for one whose objects (:class:`OffLoopOpenIdMetadata`) run the fetch in a thread
(``asyncio.to_thread``), with timeouts, and find an unknown key ID without raising.
"""

from __future__ import annotations

import asyncio
import json
import threading
from datetime import datetime, timedelta
from types import SimpleNamespace
from typing import Any

import requests
from botbuilder.integration.aiohttp import (
    ConfigurationBotFrameworkAuthentication,
    ConfigurationServiceClientCredentialFactory,
)
from botbuilder.schema import CallerIdConstants
from botframework.connector.auth import (
    AuthenticationConstants,
    BotFrameworkAuthentication,
    GovernmentConstants,
    JwtTokenExtractor,
)
from botframework.connector.auth.jwt_token_extractor import _OpenIdConfig, _OpenIdMetadata
from jwt.algorithms import RSAAlgorithm

from .config import GOVERNMENT_CHANNEL_SERVICE, BotFrameworkConfig

FETCH_TIMEOUT_S = 10.0
MIN_REFRESH_INTERVAL = timedelta(seconds=60)


class KeysUnavailable(Exception):
    """The channel's signing keys could not be fetched (our side's failure: answered 503)."""


class OffLoopOpenIdMetadata(_OpenIdMetadata):
    """The SDK's signing-key cache for one OpenID metadata URL, fetched in a thread.

    The SDK's own ``get`` decides when to refresh (keys older than a day; an unknown key ID,
    at most once an hour); the fetch itself runs off the event loop, one at a time.
    """

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self._fetching = threading.Lock()

    async def get(self, key_id: str) -> _OpenIdConfig:
        found = await super().get(key_id)
        if found is None:
            raise PermissionError("the token's key ID is not among the channel's signing keys")
        return found

    async def _refresh(self) -> None:
        await asyncio.to_thread(self._refresh_blocking)

    def _refresh_blocking(self) -> None:
        with self._fetching:
            if datetime.now() - self.last_updated < MIN_REFRESH_INTERVAL:
                return  # another request refreshed them while this one waited
            try:
                metadata = requests.get(self.url, timeout=FETCH_TIMEOUT_S)
                metadata.raise_for_status()
                keys = requests.get(metadata.json()["jwks_uri"], timeout=FETCH_TIMEOUT_S)
                keys.raise_for_status()
                found = keys.json()["keys"]
            except (requests.RequestException, ValueError, KeyError, TypeError) as exc:
                raise KeysUnavailable(f"signing keys unavailable: {type(exc).__name__}") from None
            if not isinstance(found, list):
                raise KeysUnavailable("signing keys unavailable: 'keys' is not a list")
            self.keys = [key for key in found if isinstance(key, dict)]
            self.last_updated = datetime.now()

    def _find(self, key_id: str) -> _OpenIdConfig | None:
        for key in self.keys:
            if key_id is not None and key.get("kid") == key_id:
                endorsements = key.get("endorsements") or []
                return _OpenIdConfig(RSAAlgorithm.from_jwk(json.dumps(key)), endorsements)
        return None


class _OffLoopCache(dict):
    """``JwtTokenExtractor.metadataCache``: every URL asked for gets an off-loop object."""

    def get(self, url: str, default: Any = None) -> OffLoopOpenIdMetadata:
        found = super().get(url)
        if not isinstance(found, OffLoopOpenIdMetadata):
            found = OffLoopOpenIdMetadata(url)
            self[url] = found
        return found

    def setdefault(self, url: str, default: Any = None) -> OffLoopOpenIdMetadata:
        return self.get(url)


def install_off_loop_keys() -> None:
    """Make every signing-key fetch of the SDK run in a thread (idempotent)."""
    if not isinstance(JwtTokenExtractor.metadataCache, _OffLoopCache):
        JwtTokenExtractor.metadataCache = _OffLoopCache()


def sdk_configuration(config: BotFrameworkConfig) -> SimpleNamespace:
    """The configuration object botbuilder's ``Configuration*`` classes read."""
    settings: dict[str, Any] = {
        "APP_ID": config.app_id,
        "APP_PASSWORD": config.app_password.get_secret_value(),
        "APP_TYPE": "SingleTenant" if config.tenant_id else "MultiTenant",
        "APP_TENANTID": config.tenant_id,
        "CHANNEL_SERVICE": config.channel_service,
    }
    if config.openid_metadata:
        # Any parameterized setting switches the SDK to its parameterized authentication:
        # give it the rest of the cloud's constants, and our metadata URL.
        gov = config.channel_service == GOVERNMENT_CHANNEL_SERVICE
        settings.update({
            "VALIDATE_AUTHORITY": True,
            "TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL": config.openid_metadata,
            "TO_BOT_FROM_CHANNEL_TOKEN_ISSUER": (GovernmentConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER if gov
                                                 else AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER),
            "TO_CHANNEL_FROM_BOT_LOGIN_URL": (GovernmentConstants.TO_CHANNEL_FROM_BOT_LOGIN_URL_PREFIX if gov
                                              else AuthenticationConstants.TO_CHANNEL_FROM_BOT_LOGIN_URL_PREFIX),
            "TO_CHANNEL_FROM_BOT_OAUTH_SCOPE": (GovernmentConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE if gov
                                                else AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE),
            "TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL": (
                GovernmentConstants.TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL if gov
                else AuthenticationConstants.TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL),
            "OAUTH_URL": GovernmentConstants.OAUTH_URL_GOV if gov else AuthenticationConstants.OAUTH_URL,
            "CALLER_ID": (CallerIdConstants.us_gov_channel if gov
                          else CallerIdConstants.public_azure_channel),
        })
    return SimpleNamespace(**settings)


def make_authentication(config: BotFrameworkConfig) -> tuple[BotFrameworkAuthentication,
                                                             ConfigurationServiceClientCredentialFactory]:
    """botbuilder's authentication for this registration, and its credentials factory."""
    install_off_loop_keys()
    settings = sdk_configuration(config)
    credentials = ConfigurationServiceClientCredentialFactory(settings)
    return ConfigurationBotFrameworkAuthentication(settings, credentials_factory=credentials), credentials
