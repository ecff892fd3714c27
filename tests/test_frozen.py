"""quaidcore.frozen.quick_init: the same objects as the dataclass's own __init__, cheaper."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from quaidcore.dialogue import ClientMessage, Emit, Released, State, replace
from quaidcore.frozen import quick_init


@dataclasses.dataclass(frozen=True)
class Plain:
    name: str
    size: int = 3
    tags: dict[str, int] = dataclasses.field(default_factory=dict)


@quick_init
@dataclasses.dataclass(frozen=True)
class Quick:
    name: str
    size: int = 3
    tags: dict[str, int] = dataclasses.field(default_factory=dict)


def test_same_objects_as_the_generated_init() -> None:
    for args, kwargs in [(("a",), {}), (("a", 5), {}), (("a",), {"tags": {"x": 1}}), ((), {"name": "b", "size": 0})]:
        plain, quick = Plain(*args, **kwargs), Quick(*args, **kwargs)
        assert dataclasses.astuple(plain) == dataclasses.astuple(quick)
        assert repr(quick) == repr(plain).replace("Plain", "Quick")
        assert quick == Quick(*args, **kwargs) and quick != Quick("other")
    assert Quick("a").tags is not Quick("a").tags  # a new dict each time, as default_factory
    assert [p.name for p in inspect.signature(Quick).parameters.values()] == ["name", "size", "tags"]


def test_still_frozen_and_strict() -> None:
    quick = Quick("a")
    with pytest.raises(dataclasses.FrozenInstanceError):
        quick.name = "b"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Quick()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Quick("a", colour="red")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Quick("a", 1, {}, 4)  # type: ignore[call-arg]
    assert hash(Quick("a", 1, None)) == hash(Quick("a", 1, None))  # type: ignore[arg-type]
    assert dataclasses.replace(quick, size=9) == Quick("a", 9)


def test_refuses_what_it_cannot_copy() -> None:
    @dataclasses.dataclass
    class Mutable:
        name: str

    @dataclasses.dataclass(frozen=True)
    class Checked:
        name: str

        def __post_init__(self) -> None:
            pass

    @dataclasses.dataclass(frozen=True)
    class KeywordOnly:
        name: str = dataclasses.field(kw_only=True)

    for cls in (Mutable, Checked, KeywordOnly):
        with pytest.raises(TypeError):
            quick_init(cls)


def test_the_policy_classes() -> None:
    state = State(stage="ready", lang="fr", turns=2)
    assert State.from_json(state.to_json()) == state
    assert replace(state, turns=3) == State("ready", "fr", turns=3)
    assert Emit("x").data == {} and Emit("x").data is not Emit("x").data
    assert ClientMessage("hi", "en", 1.0) == ClientMessage("hi", "en", 1.0, None, ())
    assert Released() == Released()


def test_a_reply_json_made_once_and_not_changed_by_its_message_row() -> None:
    from quaidcore.app import _message_row
    from quaidcore.messages import Link, QuickReply, Reply

    reply = Reply("hi", "agent", "101234", (QuickReply("Yes", "YES"),), (Link("Page", "https://x.ca/a"),))
    made = reply.to_json()
    assert made == {"text": "hi", "quick_replies": [{"title": "Yes", "payload": "YES"}],
                    "links": [{"title": "Page", "url": "https://x.ca/a"}], "code": "101234", "kind": "agent"}
    assert reply.to_json() is made  # once a reply
    row = _message_row("c" * 32, "out", "agent", reply, agent="ana")
    assert row["payload"] == {**made, "agent": "ana"}
    assert "agent" not in reply.to_json()  # the row's payload is a copy when it adds the agent
    same = Reply("hi", "agent", "101234", (QuickReply("Yes", "YES"),), (Link("Page", "https://x.ca/a"),))
    assert same == reply and hash(same) == hash(reply) and repr(same) == repr(reply)  # the memo is no field
    assert Reply.from_json(made) == reply
