"""A fake Bot Framework on loopback, for the botframework channel's tests.

One aiohttp server plays both sides of the Bot Connector service:

- the channel's OpenID metadata and signing keys (``/v1/.well-known/openidconfiguration``
  → ``jwks_uri`` → ``/v1/.well-known/keys``), with an RSA key generated here, so the SDK's
  ``JwtTokenValidation`` checks real RS256 signatures without reaching Microsoft;
- the Bot Connector REST API the bot sends to (``POST /v3/conversations/{id}/activities``
  and ``.../activities/{activityId}``): it records every call and answers like the service
  (``200 {"id": ...}``), or with the statuses queued in :attr:`FakeBotConnector.fail_next`.

:func:`token` makes the JWTs the Bot Connector sends (and broken ones); :func:`activity`
makes a documented activity body.
"""

from __future__ import annotations

import asyncio
import base64
import json
import time
import uuid
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import jwt
from aiohttp import web
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from tests.conftest import free_port

ISSUER = "https://api.botframework.com"
APP_ID = "3f0c6f0e-5b1e-4d7a-9a53-6a3c1f2e7b10"
KID = "quaid-test-key"
ENDORSEMENTS = ["webchat", "msteams", "directline", "emulator"]


@cache
def signing_key() -> rsa.RSAPrivateKey:
    """The fake channel's RSA key (made once per test run)."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@cache
def other_key() -> rsa.RSAPrivateKey:
    """A key the channel never published (a forged signature)."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def jwk() -> dict[str, Any]:
    key = RSAAlgorithm.to_jwk(signing_key().public_key(), as_dict=True)
    return {**key, "kid": KID, "use": "sig", "endorsements": ENDORSEMENTS}


def _b64(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


def token(service_url: str, *, aud: str = APP_ID, iss: str = ISSUER, expires_in: float = 3600,
          key: rsa.RSAPrivateKey | None = None, kid: str | None = KID, unsigned: bool = False,
          serviceurl: str | None = None) -> str:
    """A Bot Connector JWT (``Bearer`` value); the keyword arguments break it on purpose."""
    now = int(time.time())
    claims = {"iss": iss, "aud": aud, "nbf": now - 60, "iat": now - 60, "exp": int(now + expires_in),
              "serviceurl": serviceurl if serviceurl is not None else service_url}
    if unsigned:
        return f"{_b64({'alg': 'none', 'typ': 'JWT', 'kid': kid})}.{_b64(claims)}."
    headers = {"kid": kid} if kid else {}
    return jwt.encode(claims, key or signing_key(), algorithm="RS256", headers=headers)


def activity(service_url: str, text: str | None = "hello", *, channel: str = "webchat",
             conversation: str = "conv-8f2a|livechat", user: str = "dl_user-42", kind: str = "message",
             locale: str | None = "en-US", **extra: Any) -> dict[str, Any]:
    """A documented activity body as the Bot Connector posts it to the bot."""
    body: dict[str, Any] = {
        "type": kind,
        "id": "act-" + uuid.uuid4().hex[:12],
        "timestamp": "2026-01-15T14:03:00.000Z",
        "serviceUrl": service_url,
        "channelId": channel,
        "from": {"id": user, "name": "Marie Tremblay"},
        "conversation": {"id": conversation},
        "recipient": {"id": "28:" + APP_ID, "name": "Quaid"},
    }
    if text is not None:
        body["text"] = text
    if locale is not None:
        body["locale"] = locale
    body.update(extra)
    return body


@dataclass
class Call:
    """One call the bot made to the Bot Connector API."""

    path: str
    conversation: str
    reply_to: str | None
    authorization: str | None
    body: dict[str, Any]


@dataclass
class FakeBotConnector:
    """The fake service; ``async with FakeBotConnector() as fake:``."""

    calls: list[Call] = field(default_factory=list)
    key_fetches: int = 0
    fail_next: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    refused: int = 0
    port: int = 0
    _runner: web.AppRunner | None = None
    _arrived: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def service_url(self) -> str:
        """The ``serviceUrl`` of activities (with a path, like Teams' regional ones)."""
        return f"{self.base_url}/amer/"

    @property
    def metadata_url(self) -> str:
        return f"{self.base_url}/v1/.well-known/openidconfiguration"

    async def __aenter__(self) -> FakeBotConnector:
        app = web.Application()
        app.router.add_get("/v1/.well-known/openidconfiguration", self._metadata)
        app.router.add_get("/v1/.well-known/keys", self._keys)
        app.router.add_post("/amer/v3/conversations/{conversation}/activities", self._post)
        app.router.add_post("/amer/v3/conversations/{conversation}/activities/{activity}", self._post)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        self.port = free_port()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()
        return self

    async def __aexit__(self, *exc: Any) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _metadata(self, request: web.Request) -> web.Response:
        return web.json_response({"issuer": ISSUER, "authorization_endpoint": f"{self.base_url}/auth",
                                  "jwks_uri": f"{self.base_url}/v1/.well-known/keys",
                                  "id_token_signing_alg_values_supported": ["RS256"]})

    async def _keys(self, request: web.Request) -> web.Response:
        self.key_fetches += 1
        return web.json_response({"keys": [jwk()]})

    async def _post(self, request: web.Request) -> web.Response:
        if self.fail_next:
            status, headers = self.fail_next.pop(0)
            self.refused += 1
            return web.json_response({"error": {"code": "ServiceError", "message": "try later"}},
                                     status=status, headers=headers)
        body = await request.json()
        self.calls.append(Call(request.path, request.match_info["conversation"],
                               request.match_info.get("activity"), request.headers.get("Authorization"),
                               body))
        self._arrived.set()
        return web.json_response({"id": "sent-" + uuid.uuid4().hex[:8]})

    async def wait_for(self, count: int, timeout: float = 10.0, text: str | None = None) -> list[Call]:
        """Wait until `count` activities arrived (and one whose text holds `text`); returns
        them all."""
        deadline = time.monotonic() + timeout

        def waiting() -> bool:
            if len(self.calls) < count:
                return True
            return text is not None and not any(text in c.body.get("text", "") for c in self.calls)

        while waiting():
            left = deadline - time.monotonic()
            assert left > 0, f"{len(self.calls)} of {count} activities reached the connector"
            self._arrived.clear()
            try:
                await asyncio.wait_for(self._arrived.wait(), min(left, 0.5))
            except TimeoutError:
                pass
        return list(self.calls)

    def messages(self) -> list[dict[str, Any]]:
        """The bodies of the message activities received, in order."""
        return [c.body for c in self.calls if c.body.get("type") == "message"]
