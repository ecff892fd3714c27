"""Knowledge base: the demo KB is complete; bad files fail with the file and the code named."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from quaidcore.cli import cli
from quaidcore.kb import KBError, KnowledgeBase

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "config" / "kb"
SPEC = ROOT.parent / "shared" / "specs" / "demo-kb.md"


@pytest.fixture(scope="module")
def demo() -> KnowledgeBase:
    return KnowledgeBase.load(DEMO)


def test_demo_kb_has_every_required_code(demo):
    if not SPEC.exists():
        pytest.skip("../shared/specs/demo-kb.md is absent (a user's own checkout)")
    required = set(re.findall(r"^\| (\d{6}) \|", SPEC.read_text(), re.M))
    assert len(required) == 56
    assert required <= set(demo.solutions)


def test_demo_kb_content_rules(demo):
    for code, solution in demo.solutions.items():
        for lang in ("en", "fr"):
            examples = getattr(solution.examples, lang)
            assert len(set(examples)) >= 12, (code, lang)
            assert len(solution.answer.get(lang)) <= 600, (code, lang)
    assert {"greeting", "thanks", "goodbye", "person", "yes", "no", "own_file"} <= set(demo.intents)


def test_fingerprint_changes_with_examples(demo, tmp_path):
    copy = tmp_path / "kb"
    shutil.copytree(DEMO, copy)
    before = KnowledgeBase.load(copy).fingerprint()
    path = copy / "10-passports.yaml"
    data = yaml.safe_load(path.read_text())
    data["solutions"][0]["examples"]["en"].append("brand new phrasing for passports")
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    assert KnowledgeBase.load(copy).fingerprint() != before


def one_solution(code="010101", **override):
    solution = {
        "code": code, "topic": {"en": "t", "fr": "t"}, "title": {"en": "t", "fr": "t"},
        "answer": {"en": "a", "fr": "a"},
        "link": {"en": "https://example.org/en", "fr": "https://example.org/fr"},
        "examples": {"en": [f"e{i}" for i in range(12)], "fr": [f"f{i}" for i in range(12)]},
    }
    solution.update(override)
    return solution


def write_kb(tmp_path, files):
    folder = tmp_path / "kb"
    folder.mkdir()
    for name, content in files.items():
        (folder / name).write_text(content if isinstance(content, str) else yaml.safe_dump(content))
    return folder


@pytest.mark.parametrize("files, message", [
    ({"01.yaml": {"solutions": [one_solution()]}, "02.yaml": {"solutions": [one_solution()]}},
     r"02\.yaml: code 010101: duplicate code"),
    ({"01.yaml": {"solutions": [one_solution(answer={"en": "only english"})]}},
     r"01\.yaml: code 010101: answer\.fr: missing"),
    ({"01.yaml": "solutions: [\n  - code: '0101"}, r"01\.yaml: malformed YAML"),
    ({"01.yaml": {"solutions": [one_solution(code="12345")]}}, r"01\.yaml: code 12345: code: .*six digits"),
    ({"01.yaml": {"solutions": [one_solution(examples={"en": ["x"], "fr": ["y"] * 12})]}},
     r"01\.yaml: code 010101: examples\.en: .*at least 12"),
    ({"01.yaml": {"solutions": [one_solution(link={"en": "not a url", "fr": "https://x.org"})]}},
     r"01\.yaml: code 010101: link: .*not a valid URL"),
    ({"01.yaml": {"solutions": [one_solution(colour="red")]}}, r"01\.yaml: code 010101: colour: unknown key"),
])
def test_bad_kb_files_name_file_and_code(tmp_path, files, message):
    folder = write_kb(tmp_path, files)
    with pytest.raises(KBError, match=message):
        KnowledgeBase.load(folder)
    result = CliRunner().invoke(cli, ["kb", "check", str(folder)])
    assert result.exit_code == 1
    assert re.search(message, result.output)


def test_serve_refuses_to_start_on_a_bad_kb(tmp_path):
    folder = write_kb(tmp_path, {"01.yaml": {"solutions": [one_solution(), one_solution()]}})
    config = tmp_path / "quaid.yaml"
    config.write_text(f"kb: {folder}\nplugins:\n  web: {{}}\n  fuzzy: {{}}\n")
    result = CliRunner().invoke(cli, ["serve", "--config", str(config), "--port", "0"])
    assert result.exit_code == 1
    assert "duplicate code" in result.output


def test_kb_list_filters_by_line_of_business():
    result = CliRunner().invoke(cli, ["kb", "list", "--lob", "05"])
    assert result.exit_code == 0
    codes = [line.split()[0] for line in result.output.splitlines()]
    assert "051103" in codes and all(c.startswith("05") for c in codes)
