"""Cheaper construction of the frozen dataclasses the message path makes on every turn.

A frozen dataclass's generated ``__init__`` sets each field through ``object.__setattr__``
(a global lookup and a call through a slot wrapper a field): measured with callgrind, 15.4 k
instructions for a 9-field one against 3.8 k for the same class not frozen. :func:`quick_init`
gives such a class an ``__init__`` with the same signature (defaults and default factories
included) that fills the instance's ``__dict__`` in one update (~6 k instructions for 9
fields); the class stays frozen, hashable and equal as before (``__setattr__``, ``__eq__``,
``__hash__``, ``__repr__`` and ``dataclasses.replace`` are unchanged).
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

T = TypeVar("T")

__all__ = ["quick_init"]


def quick_init(cls: type[T]) -> type[T]:
    """Replace the ``__init__`` of the frozen dataclass `cls` (no ``__slots__``, no
    ``__post_init__``, no keyword-only nor ``init=False`` field, no ``InitVar``) by one that
    fills its ``__dict__`` at once. Apply it above ``@dataclass(frozen=True)``."""
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen:
        raise TypeError(f"{cls.__name__} is not a frozen dataclass")
    if "__slots__" in cls.__dict__ or hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: quick_init takes no __slots__ nor __post_init__")
    fields = dataclasses.fields(cls)
    if len(fields) != len(cls.__dataclass_fields__):  # dataclasses.fields() leaves them out
        raise TypeError(f"{cls.__name__}: quick_init takes no InitVar nor ClassVar field")
    env: dict[str, Any] = {"_MISSING": dataclasses.MISSING}
    args, factories = [], []
    for f in fields:
        if not f.init or f.kw_only:
            raise TypeError(f"{cls.__name__}.{f.name}: quick_init takes no init=False nor keyword-only field")
        if f.default is not dataclasses.MISSING:
            env[f"_default_{f.name}"] = f.default
            args.append(f"{f.name}=_default_{f.name}")
        elif f.default_factory is not dataclasses.MISSING:
            env[f"_factory_{f.name}"] = f.default_factory
            args.append(f"{f.name}=_MISSING")
            factories.append(f"    if {f.name} is _MISSING:\n        {f.name} = _factory_{f.name}()\n")
        else:
            args.append(f.name)
    values = ", ".join(f"{f.name!r}: {f.name}" for f in fields)
    source = (
        (f"def __init__(self, {', '.join(args)}):\n" if args else "def __init__(self):\n")
        + "".join(factories)
        + f"    self.__dict__.update({{{values}}})\n"
    )
    exec(source, env)  # from the class's own field names, as dataclasses does
    init = env["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__doc__ = cls.__init__.__doc__
    init.__annotations__ = dict(getattr(cls.__init__, "__annotations__", {}))
    cls.__init__ = init  # type: ignore[misc]
    return cls
