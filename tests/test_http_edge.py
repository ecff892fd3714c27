"""quaidcore.http: the edge limits every plugin route uses, over a real aiohttp server."""

from __future__ import annotations

import asyncio
import zlib

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from quaidcore.http import check_id, json_errors, read_json


@pytest.fixture
async def client():
    async def echo(request: web.Request) -> web.Response:
        body = await read_json(request, max_bytes=4096)
        return web.json_response({"keys": sorted(body), "id": check_id(request.match_info["id"])})

    app = web.Application(middlewares=[json_errors])
    app.router.add_post("/echo/{id}", echo)
    async with TestClient(TestServer(app)) as test_client:
        yield test_client


async def test_a_body_sent_in_pieces_is_read_to_its_end(client):
    async def pieces():
        for part in (b'{"text": "hel', b'lo", "pay', b'load": "YES"}'):
            yield part
            await asyncio.sleep(0.02)

    resp = await client.post("/echo/abc", data=pieces())
    assert resp.status == 200 and (await resp.json())["keys"] == ["payload", "text"]


@pytest.mark.parametrize(("body", "status", "error"), [
    (b"[" * 1000 + b"]" * 1000, 400, "nested deeper"),
    (b'{"n": ' + b"9" * 1000 + b"}", 400, "more than"),
    (b'{"t": "\\udc00"}', 400, "not well-formed Unicode"),
    (b'{"t": NaN}', 400, "not JSON"),
    (b"\xff\xfe", 400, "not valid UTF-8"),
    (b'{"a": 1', 400, "malformed JSON"),
    (b"[1, 2]", 400, "JSON object"),
    (b"x" * 5000, 413, "over the limit"),
])
async def test_hostile_bodies_get_a_json_4xx(client, body, status, error):
    resp = await client.post("/echo/abc", data=body)
    assert resp.status == status
    assert error in (await resp.json())["error"]


async def test_a_corrupt_deflate_body_is_a_400(client):
    resp = await client.post("/echo/abc", data=b"not deflate at all",
                             headers={"Content-Encoding": "deflate"})
    assert resp.status == 400
    good = zlib.compress(b'{"a": 1}')
    resp = await client.post("/echo/abc", data=good, headers={"Content-Encoding": "deflate"})
    assert resp.status == 200


async def test_ids_are_checked(client):
    assert (await client.post("/echo/" + "a" * 65, data=b"{}")).status == 404
    assert (await client.post("/echo/a%20b", data=b"{}")).status == 404
    assert (await client.post("/echo/a-b_c.d:1", data=b"{}")).status == 200


async def test_a_corrupt_gzip_body_is_a_400(client):
    resp = await client.post("/echo/abc", data=b"not-gzip!!", headers={"Content-Encoding": "gzip"})
    assert resp.status == 400


@pytest.mark.parametrize("raw", [
    b'{"text": "how much is it? \\u00e9t\\u00e9 \xc3\xa9", "payload": null, "lang": "fr", "x": true}',
    b'{"text": "a", "text": "b"}',
    b'{"text": "\\u0000 tab\\t"}',
    b'{}',
    b'{"n": 12345678901234567890123, "list": [1, {"c": 2.5}]}',
])
def test_parse_json_fast_path_gives_what_json_loads_gives(raw):
    """parse_json takes a flat object of strings through orjson and the rest through
    json.loads with its limits: the result is the same either way."""
    import json

    from quaidcore.http import _flat_object, parse_json

    assert parse_json(raw) == json.loads(raw.decode())
    flat = _flat_object(raw)
    assert flat is None or flat == json.loads(raw.decode())


@pytest.mark.parametrize(("raw", "error"), [
    (b'{"t": "\\ud800"}', "not well-formed Unicode"),
    (b'{"t": "x", "n": ' + b"9" * 70 + b"}", "more than"),
    (b'{"t": "\xff"}', "not valid UTF-8"),
    (b'{"t": "a\x01b"}', "malformed JSON"),
])
def test_parse_json_refuses_what_the_fast_path_cannot_take(raw, error):
    from quaidcore.http import HttpError, parse_json

    with pytest.raises(HttpError, match=error):
        parse_json(raw)
