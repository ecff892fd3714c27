"""The ``patterns`` plugin as the core sees it: entry point module, hooks, config schema."""

from __future__ import annotations

from pathlib import Path

import pytest
import quaid_patterns
from pydantic import ValidationError
from quaid_patterns import PatternRedactor, PatternsConfig

from quaidcore import ComponentContext, DetachedHost, Redactor
from quaidcore.plugins import Plugins
from quaidcore.redaction import RedactionChain


def _redactor(**config: object) -> PatternRedactor:
    plugins = Plugins(extra={"patterns": quaid_patterns}, entry_points=False)
    schema = plugins.config_schema("patterns")
    registration = plugins.redactors()["patterns"]
    context = ComponentContext("patterns", "patterns", schema.model_validate(config), Path("."), DetachedHost())
    return registration.factory(context)


def test_hook_registers_a_redactor_with_its_schema() -> None:
    redactor = _redactor()
    assert isinstance(redactor, Redactor)
    assert Plugins(extra={"patterns": quaid_patterns}, entry_points=False).config_schema("patterns") is PatternsConfig
    assert RedactionChain([redactor]).redact("mail me: a@b.ca").text == "mail me: [EMAIL]"


def test_factory_accepts_a_context_without_its_block() -> None:
    context = ComponentContext("patterns", "patterns", PatternsConfig(), Path("."), DetachedHost())
    assert isinstance(quaid_patterns._config(context), PatternsConfig)


def test_types_limit_what_is_masked() -> None:
    chain = RedactionChain([_redactor(types=["EMAIL"])])
    text = "a@b.ca, (613) 555-0199, SIN 046 454 286"
    assert chain.redact(text).text == "[EMAIL], (613) 555-0199, SIN 046 454 286"


def test_custom_patterns_mask_the_agency_identifiers() -> None:
    chain = RedactionChain([_redactor(custom=[
        {"type": "TICKET", "regex": r"TCK-[0-9]{6}"},
        {"type": "BENEFIT_ID", "regex": r"\b[0-9]{7}\b", "context": ["benefit", "prestation"]},
        {"type": "CASE", "regex": r"case-[a-z]{4}", "ignore_case": True},
    ])])
    assert chain.redact("ticket TCK-123456 please").text == "ticket [TICKET] please"
    assert chain.redact("my benefit id 1234567").text == "my benefit id [BENEFIT_ID]"
    assert chain.redact("I waited 1234567 seconds").text == "I waited 1234567 seconds"
    assert chain.redact("see CASE-ABCD").text == "see [CASE]"


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ({"colour": "red"}, "Extra inputs are not permitted"),
        ({"types": ["EMAIL", "SHOE_SIZE"]}, "SHOE_SIZE"),
        ({"custom": [{"type": "X1", "regex": "("}]}, "not a valid regular expression"),
        ({"custom": [{"type": "X1", "regex": "a*"}]}, "matches the empty string"),
        ({"custom": [{"type": "lower", "regex": "a"}]}, "type"),
        ({"custom": [{"type": "DOT", "regex": "a"}]}, "reserved"),
        ({"custom": [{"type": "X1", "regex": "a", "flags": "i"}]}, "Extra inputs are not permitted"),
    ],
)
def test_bad_config_is_reported_clearly(config: dict, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        PatternsConfig.model_validate(config)


def test_empty_and_placeholder_only_texts() -> None:
    redactor = PatternRedactor()
    assert redactor.find("") == []
    assert redactor.find("[EMAIL] [PHONE]") == []
    assert RedactionChain([redactor]).redact("[PERSON] called from [PHONE]").text == "[PERSON] called from [PHONE]"


def test_custom_patterns_of_one_type_keep_their_own_context() -> None:
    chain = RedactionChain([_redactor(custom=[
        {"type": "BENEFIT_ID", "regex": r"\b[0-9]{7}\b", "context": ["benefit"]},
        {"type": "BENEFIT_ID", "regex": r"\bB[0-9]{5}\b", "context": ["prestation"]},
    ])])
    assert chain.redact("benefit 1234567").text == "benefit [BENEFIT_ID]"
    assert chain.redact("prestation B12345").text == "prestation [BENEFIT_ID]"
    assert chain.redact("benefit B12345").text == "benefit B12345"
