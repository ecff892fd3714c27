"""Who may read /metrics: a Bearer token when one is configured, else loopback clients only."""

from __future__ import annotations

from unittest import mock

import pytest
from aiohttp.test_utils import make_mocked_request
from quaid_prometheus import PrometheusConfig, PrometheusSink

from quaidcore.app import Quaid
from quaidcore.config import DEFAULT_CONFIG, parse_config, read_yaml
from quaidcore.host import Host
from quaidcore.http import HttpError
from quaidcore.plugins import Plugins
from quaidcore.testing import merge
from tests.conftest import serving


def make(tmp_path, block: dict) -> Quaid:
    plugins = Plugins()
    raw = merge(read_yaml(DEFAULT_CONFIG), {"data_dir": str(tmp_path), "metrics": ["prometheus"],
                                            "plugins": {"prometheus": block}})
    return Quaid(parse_config(raw, DEFAULT_CONFIG, plugins), plugins)


async def test_with_a_token_metrics_need_the_bearer(tmp_path):
    async with serving(make(tmp_path, {"token": "scrape-me"})) as http:
        async with http.get("/metrics") as resp:
            assert resp.status == 401 and resp.headers["WWW-Authenticate"].startswith("Bearer")
            assert "error" in await resp.json()
        async with http.get("/metrics", headers={"Authorization": "Bearer wrong"}) as resp:
            assert resp.status == 401
        async with http.get("/metrics", headers={"Authorization": "Bearer scrape-me"}) as resp:
            assert resp.status == 200 and "quaid_events_total" in await resp.text()
        async with http.get("/metrics", headers={"Authorization": "Bearer scrape-me",
                                                 "X-Forwarded-For": "203.0.113.9"}) as resp:
            assert resp.status == 200, "with a token, where the request comes from does not matter"


async def test_without_a_token_a_proxied_request_is_refused(tmp_path):
    async with serving(make(tmp_path, {})) as http:
        async with http.get("/metrics") as resp:
            assert resp.status == 200, "loopback"
        for header in ("X-Forwarded-For", "Forwarded", "X-Real-IP"):
            async with http.get("/metrics", headers={header: "203.0.113.9"}) as resp:
                assert resp.status == 403 and "loopback" in (await resp.json())["error"]


def sink(token: str | None = None) -> PrometheusSink:
    host = mock.Mock(spec=Host)
    ctx = mock.Mock(config=PrometheusConfig(token=token), host=host)
    return PrometheusSink(ctx)


def request_from(peer: tuple | None, headers: dict | None = None):
    transport = mock.Mock()
    transport.get_extra_info.side_effect = lambda name, default=None: peer if name == "peername" else default
    return make_mocked_request("GET", "/metrics", headers=headers or {}, transport=transport)


@pytest.mark.parametrize(("peer", "allowed"), [
    (("127.0.0.1", 5000), True), (("127.8.0.3", 5000), True), (("::1", 5000, 0, 0), True),
    (("::ffff:127.0.0.1", 5000, 0, 0), True), (("10.0.0.5", 5000), False),
    (("192.168.1.20", 5000), False), (("2001:db8::1", 5000, 0, 0), False),
    (("::ffff:10.0.0.5", 5000, 0, 0), False), (None, False),
])
def test_without_a_token_only_loopback_peers_are_served(peer, allowed):
    request = request_from(peer)
    if allowed:
        sink().check_access(request)
    else:
        with pytest.raises(HttpError) as refused:
            sink().check_access(request)
        assert refused.value.status == 403


def test_with_a_token_any_peer_with_it_is_served():
    sink("t0k3n").check_access(request_from(("10.0.0.5", 5000), {"Authorization": "Bearer t0k3n"}))
    with pytest.raises(HttpError) as refused:
        sink("t0k3n").check_access(request_from(("127.0.0.1", 5000)))
    assert refused.value.status == 401, "a token, once set, is required from loopback too"
