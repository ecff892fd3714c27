"""Hypothesis strategies for hostile input: text, JSON documents (well-formed or not), IDs.

Every strategy mixes ordinary values (so that the request gets past the first check and
reaches deeper code) with the cases that broke servers before (issue 14): lone surrogates,
control characters, JSON nested 1,000 deep, integers of thousands of digits, IDs beyond 64
bits or over 64 characters, attribute names where a language is expected.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st

ATTRIBUTES = ["__class__", "__dict__", "model_dump", "model_fields", "__init__", "get", "en.__class__"]
CODES = ["010102", "010201", "050501", "999999", "01010", "0101020", "", "@person", "CODE:010102"]
PAYLOADS = ["YES", "NO", "NONE", "PERSON", "SCOPE_GENERAL", "SCOPE_OWN_FILE", "CODE:010102", "SAT:5",
            "SAT:9", "CODE:" + "9" * 40, "yes", "my email is fuzz.leak@example.org", ""]
TEXTS = ["how much is an eta", "combien coûte une AVE", "I want to talk to a person", "merci",
         "<script>alert(1)</script>", "'; DROP TABLE helpdesk_ticket; --", "#010102 done",
         "\u202etxt.exe", "a\u0000b", "\ud800", "x\udfff", "\x1b[31mred", "👍🏽" * 50, "\r\n\t"]

# Every code point, surrogates and control characters included.
any_char = st.characters(codec=None, categories=None)
hostile_text = st.one_of(
    st.sampled_from(TEXTS),
    st.text(any_char, max_size=60),
    st.text(max_size=30),  # printable: gets past the edge into the bot and the store
    st.integers(0, 6000).map(lambda n: "x" * n),  # around the length limits
)

huge_int = st.integers(min_value=2**63 - 2, max_value=2**64 + 2) | st.integers(10**70, 10**80)
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**70), 2**70), huge_int,
    st.floats(allow_nan=False, allow_infinity=False), hostile_text, st.sampled_from(CODES),
)
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12)


def mostly(common: st.SearchStrategy[Any], rare: st.SearchStrategy[Any], tenths: int = 8) -> st.SearchStrategy[Any]:
    """`common` in `tenths` of the examples, `rare` in the others: enough plausible values
    for a request to reach the code behind the first check."""
    return st.integers(0, 9).flatmap(lambda n: common if n < tenths else rare)


def raw_json(value: Any) -> str:
    """A JSON document as a client may send it (lone surrogates escaped as ``\\udXXX``)."""
    return json.dumps(value, ensure_ascii=True)


# Documents that json.dumps cannot make: the parser's limits and malformed JSON.
RAW_BODIES = [
    "[" * 1000 + "]" * 1000, '{"text": ' + "[" * 1000 + "]" * 1000 + "}", '{"a":' * 600 + "1" + "}" * 600,
    '{"text": ' + "9" * 5000 + "}", '{"ticket_id": ' + "1" * 400 + "}", '{"text": 1e999999}',
    '{"text": NaN}', '{"text": Infinity}', '{"text": "x"', "{", "", " ", "null", "[]", '"text"', "1",
    '{"text": "\\ud800"}', '{"text": "\\udfff\\ud800"}', '{"\\ud800": "x"}', '{"text": "a\\u0000b"}',
    '{"text": "x", "text": 5}', '{"text": "x"}{"text": "y"}',
]
raw_bytes = st.one_of(
    st.sampled_from(RAW_BODIES).map(str.encode),
    st.binary(max_size=64),
    st.sampled_from([b"\xff\xfe\x00", b'{"text": "\xed\xa0\x80"}', b'{"text": "caf\xe9"}']),
)


def json_body(fields: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[bytes]:
    """A body built around `fields`: most often every field with a plausible value, else
    some fields missing or of another type with unknown fields added, else a hostile
    document."""
    full = st.fixed_dictionaries(fields)
    partial = st.fixed_dictionaries({}, optional={k: v | json_values for k, v in fields.items()})
    extra = st.dictionaries(st.text(max_size=10), json_values, max_size=3)
    objects = mostly(full, st.builds(lambda a, b: {**b, **a}, partial, extra), 6)
    return mostly(objects.map(raw_json).map(str.encode),
                  st.one_of(json_values.map(raw_json).map(str.encode), raw_bytes), 8)


ids = st.one_of(
    st.sampled_from(["1", "2", "0", "-1", "01", "+1", " 1", "1 ", "1.0", "1e3", "٣", "١٢", "0x10"]),
    st.integers(0, 2**80).map(str),
    st.sampled_from([str(2**31 - 1), str(2**31), str(2**63 - 1), str(2**63), str(2**64), "9" * 300]),
    st.text(st.characters(codec="ascii"), min_size=1, max_size=70),
)

conversation_ids = st.one_of(
    st.text("abcdef0123456789-", min_size=1, max_size=70),
    st.sampled_from(["a" * 64, "a" * 65, "a" * 200, "..", "%2e%2e", "nul\x00", "x/y", "é", "\U0001f600"]),
    st.text(any_char, min_size=1, max_size=20),
)
