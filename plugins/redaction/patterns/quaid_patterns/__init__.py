"""Quaid redactor ``patterns``: personal information found by regular expressions, checksums
and English/French context words, Presidio style. Pure logic, no I/O.

Types: ``EMAIL``, ``PHONE``, ``CLIENT_ID`` (UCI/IUC), ``APPLICATION_NUMBER``, ``PASSPORT``,
``SIN``, ``CREDIT_CARD``, ``POSTAL_CODE``, ``ADDRESS``, ``DATE_OF_BIRTH``, ``PERSON``, plus the
agency's own identifiers from the config::

    plugins:
      patterns:
        types: [EMAIL, PHONE, SIN]          # default: all
        custom:
          - {type: TICKET, regex: "TCK-[0-9]{6}"}
          - {type: BENEFIT_ID, regex: "[0-9]{7}", context: [benefit, prestation]}
    redaction: [patterns]

The template for a third-party redaction plugin.
"""

from __future__ import annotations

from pydantic import BaseModel

from quaidcore import ComponentContext, hookimpl

from .config import CustomPattern, PatternsConfig
from .redactor import PatternRedactor

QUAID_HOST_API = ">=1.0,<2"

__all__ = ["CustomPattern", "PatternRedactor", "PatternsConfig"]


@hookimpl
def quaid_config_schema() -> type[BaseModel]:
    return PatternsConfig


@hookimpl
def quaid_register_redactors(register) -> None:
    register("patterns", lambda ctx: PatternRedactor(_config(ctx)))


def _config(ctx: ComponentContext) -> PatternsConfig:
    return ctx.config if isinstance(ctx.config, PatternsConfig) else PatternsConfig()
