"""The ``patterns`` block of the YAML config."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

EntityType = Literal[
    "EMAIL", "PHONE", "CLIENT_ID", "APPLICATION_NUMBER", "PASSPORT", "SIN", "CREDIT_CARD",
    "POSTAL_CODE", "ADDRESS", "DATE_OF_BIRTH", "PERSON",
]
ALL_TYPES: tuple[str, ...] = EntityType.__args__  # type: ignore[attr-defined]


class CustomPattern(BaseModel):
    """An agency's own identifier: a regular expression, masked as ``[TYPE]``.

    ``context``: if given, the match is masked only when one of these words stands within
    40 characters before it (or 25 after it), e.g. ``["dossier", "file"]``.
    """

    model_config = ConfigDict(extra="forbid")
    type: str = Field(pattern=r"^[A-Z][A-Z0-9_]*[A-Z0-9]$")
    regex: str = Field(min_length=1)
    ignore_case: bool = False
    context: list[str] = Field(default_factory=list)

    @field_validator("type")
    @classmethod
    def _not_reserved(cls, value: str) -> str:
        if value in ("AT", "DOT", "REDACTED"):
            raise ValueError(f"{value!r} is reserved: [AT] and [DOT] are how people spell out e-mails")
        return value

    @field_validator("regex")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            compiled = re.compile(value)
        except re.error as exc:
            raise ValueError(f"not a valid regular expression: {exc}") from exc
        if compiled.match(""):
            raise ValueError("the regular expression matches the empty string")
        return value


class PatternsConfig(BaseModel):
    """Options of the ``patterns`` plugin block.

    ``types``: the kinds of personal information to mask (default: all of them).
    ``custom``: extra patterns for the agency's own identifiers.
    ``learned_names``: also mask the names that a trained tagger (a CRF, see
    :mod:`quaid_patterns.names_model`) finds where no rule did (default: on).
    ``learned_addresses``: also mask the addresses and postal codes that a trained tagger (a CRF,
    see :mod:`quaid_patterns.address_model`) finds where no rule did (default: on).
    ``owner_model``: drop the phone numbers, addresses and postal codes the rules found that a
    trained classifier of their context (see :mod:`quaid_patterns.owner_model`) calls a public
    body's or a business's, not the client's (default: on).
    ``said_numbers``: also read numbers, letters and dates said in words, as voice-to-text writes
    them ("h three z two y seven", "born march third nineteen eighty seven"), as if typed (see
    :mod:`quaid_patterns.spoken`; default: on).
    """

    model_config = ConfigDict(extra="forbid")
    types: list[EntityType] = Field(default_factory=lambda: list(ALL_TYPES))
    custom: list[CustomPattern] = Field(default_factory=list)
    learned_names: bool = True
    learned_addresses: bool = True
    owner_model: bool = True
    said_numbers: bool = True
