"""The learned address tagger (quaid_patterns.address_model): the shipped model, addresses abroad
that no rule finds, the near-misses it leaves, the option that turns it off, its guards, and a
training that gives the same model twice. The sentences are written here, not taken from the
held-out sets."""

from __future__ import annotations

from pathlib import Path

import pytest
from quaid_patterns import PatternRedactor, PatternsConfig
from quaid_patterns.address_model import (
    MODEL,
    added,
    candidates,
    known_shape,
    plausible,
    tagger,
    tokens,
    with_learned_addresses,
)
from quaid_patterns.train_addresses import prepare, train, training_sets

from quaidcore import Span

ROOT = Path(__file__).resolve().parents[2]
FLAT = "I live at Flat 7C, Palm Crest Tower, Ajman"


def _found(text: str, config: PatternsConfig | None = None) -> list[tuple[str, str]]:
    return [(s.type, text[s.start:s.end]) for s in PatternRedactor(config).find(text)
            if s.type in ("ADDRESS", "POSTAL_CODE")]


def test_the_model_ships_with_the_package_and_tags_an_address() -> None:
    assert MODEL.is_file()
    assert [(FLAT[s:e], kind) for s, e, kind, _ in tagger().spans(FLAT)] == [("Flat 7C, Palm Crest Tower", "ADDRESS")]


@pytest.mark.parametrize(("text", "expected"), [
    (FLAT, [("ADDRESS", "Flat 7C, Palm Crest Tower")]),
    # (round 44's rules now find "Jl. Sudirman No. 5" and "Lot II M 45 Ivandry" themselves)
    ("please send the letter to my home: Jl. Gatot Subroto Kav. 12, Jakarta 12930",
     [("ADDRESS", "Jl. Gatot Subroto Kav. 12"), ("POSTAL_CODE", "12930")]),
    ("address: Kebele 07 House No 512, Addis Ababa", [("ADDRESS", "Kebele 07 House No 512")]),
    ("mi dirección: Manzana 4 Lote 12, Colonia Las Flores, Puebla",
     [("ADDRESS", "Manzana 4 Lote 12, Colonia Las Flores")]),
    ("my new address is Moo 4, Soi Ramkhamhaeng 24, Bangkok", [("ADDRESS", "Moo 4, Soi Ramkhamhaeng 24")]),
    ("my parents stay at Block C, Sector 15, Rohini, Delhi 110085",
     [("ADDRESS", "Block C, Sector 15"), ("POSTAL_CODE", "110085")]),
])
def test_addresses_abroad_that_no_rule_finds_are_masked(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected
    assert _found(text, PatternsConfig(learned_addresses=False)) != expected, "the rules alone find it already"


def test_a_learned_address_next_to_the_rules_one_is_joined_to_it() -> None:
    text = "we live in Apartment 5, Building 17, Street 9, Nasr City, Cairo"
    assert _found(text, PatternsConfig(learned_addresses=False)) == [("ADDRESS", "Apartment 5, Building 17")]
    assert _found(text) == [("ADDRESS", "Apartment 5, Building 17, Street 9")]
    rule, learned = Span(0, 10, "ADDRESS"), Span(12, 20, "ADDRESS")
    assert added("0123456789, abcdefgh", [rule], [learned]) == [Span(0, 20, "ADDRESS")]
    assert added("0123456789 - abcdefg", [rule], [Span(13, 20, "ADDRESS")]) == [rule, Span(13, 20, "ADDRESS")]


@pytest.mark.parametrize("text", [
    "the embassy is at 7 Jalan Ampang, is it open Saturday?",
    "the VFS office is on Floor 4, Building 7, Sector 62, Noida, when does it open?",
    "my flight AC 872 lands at 14:30 in gate 12",
    "I paid 1,050.00 for the application",
    "Villa 3 was cheaper than the hotel",
    "my score was 7 in block 2 of the test",
    "I filled IMM 5257 and IMM 5645 for my parents",
])
def test_near_misses_are_left_alone(text: str) -> None:
    assert _found(text) == _found(text, PatternsConfig(learned_addresses=False)) == []


def test_the_option_off_keeps_the_rules_alone() -> None:
    off = PatternRedactor(PatternsConfig(learned_addresses=False))
    spans = off.find(FLAT)
    assert spans == []
    assert [FLAT[s.start:s.end] for s in with_learned_addresses(FLAT, spans)] == ["Flat 7C, Palm Crest Tower"], \
        "the model would add the address"
    assert _found(FLAT, PatternsConfig(types=["EMAIL", "PHONE"])) == []
    only_postal = PatternRedactor(PatternsConfig(types=["POSTAL_CODE"]))
    text = "please send the letter to my home: Jl. Sudirman No. 5, Jakarta 10220"
    assert [(s.type, text[s.start:s.end]) for s in only_postal.find(text)] == [("POSTAL_CODE", "10220")]


def _candidates(text: str) -> list[str]:
    toks = tokens(text)
    return [toks[i][2] for i in candidates(toks)]


def test_only_messages_with_a_possible_address_go_through_the_crf() -> None:
    assert _candidates("how long does it take to process a study permit?") == []
    assert _candidates("can I work 24 hours a week off campus") == []
    assert _candidates("my house is far from the school") == []
    assert _candidates("I filled IMM 5257 and IMM5707") == []
    assert _candidates("j'habite au Lot II M 45 Ivandry") == ["Lot", "45"]
    assert _candidates("Jl. Sudirman No. 5") == ["Jl", "No", "5"]
    assert [t[2] for t in tokens("Calle 8 #45-12, apto 3B [PHONE]")] == ["Calle", "8", "#45-12", ",", "apto", "3B", "[PHONE]"]


def test_the_guards_of_a_learned_span() -> None:
    assert known_shape("365 Laurier Ave W"), "a shape the rules know: their context decides"
    assert not known_shape("Kebele 07 House No 512")
    text = "House 2 Season 3 was better. Call me"
    assert plausible(text, 0, 16)
    assert not plausible(text, 17, len(text)), "no digit, no street or unit word"
    assert not plausible("no street. Call", 0, 15), "a sentence's end inside"
    assert not plausible("88 000 $ a year", 0, 8), "money"
    assert plausible("Jl. Sudirman No. 5", 0, 18), "an abbreviation's dot is no sentence's end"


def test_training_is_deterministic(tmp_path: Path) -> None:
    sets = training_sets(ROOT)
    sample = sets["heldout13.jsonl"][:80] + sets["kb/02-work-permits.yaml"][:40]
    examples = prepare(sample)
    assert sum(y != "O" for ex in examples for _, ys in ex.seqs for y in ys) > 10, "the sample has addresses to learn"
    one, two = tmp_path / "one.crfsuite", tmp_path / "two.crfsuite"
    train(examples, one, progress=False)
    train(examples, two, progress=False)
    assert one.read_bytes() == two.read_bytes()
