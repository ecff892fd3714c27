"""Swapping NLU backends safely: thresholds are kept per backend, and a brain whose backend
has none calibrated is refused at start-up until `quaid calibrate` has been run (issue 12)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from quaidcore.cli import cli
from quaidcore.config import BrainConfig, ConfigError, parse_config
from quaidcore.plugins import Plugins
from quaidcore.testing import merge

ROOT = Path(__file__).resolve().parent.parent
VAL = ROOT / "config" / "eval" / "demo-val.jsonl"


def brain(**kw) -> BrainConfig:
    return BrainConfig.model_validate(kw)


def test_the_backends_own_pair_is_used_per_language():
    config = brain(nlu="embed", answer_threshold=0.9, clarify_threshold=0.5, thresholds_by_backend={
        "fasttext": {"answer_threshold": 0.6, "clarify_threshold": 0.34,
                     "languages": {"fr": {"answer_threshold": 0.9, "clarify_threshold": 0.36}}},
        "embed": {"answer_threshold": 0.7, "clarify_threshold": 0.4,
                  "languages": {"en": {"answer_threshold": 0.65, "clarify_threshold": 0.3}}},
    })
    assert (config.thresholds("en").answer_threshold, config.thresholds("en").clarify_threshold) == (0.65, 0.3)
    assert (config.thresholds("fr").answer_threshold, config.thresholds("fr").clarify_threshold) == (0.7, 0.4)
    assert config.uncalibrated("web") is None and not config.unkeyed()
    fasttext = config.model_copy(update={"nlu": "fasttext"})
    assert fasttext.thresholds("fr").answer_threshold == 0.9 and fasttext.thresholds("en").answer_threshold == 0.6


def test_a_backend_without_calibrated_thresholds_is_named_with_the_fix():
    config = brain(nlu="fuzzy", thresholds_by_backend={"fasttext": {"answer_threshold": 0.6}})
    problem = config.uncalibrated("web")
    assert "'fuzzy'" in problem and "quaid calibrate" in problem and "brains.web.thresholds_by_backend.fuzzy" in problem


def test_unkeyed_thresholds_still_work_with_a_warning(caplog):
    config = brain(nlu="fuzzy", answer_threshold=0.8, clarify_threshold=0.3,
                   languages={"fr": {"answer_threshold": 0.7, "clarify_threshold": 0.2}})
    assert config.unkeyed() and config.uncalibrated("default") is None
    assert config.thresholds("fr").answer_threshold == 0.7 and config.thresholds("en").answer_threshold == 0.8
    # an unkeyed pair set next to other backends' blocks is the operator's explicit choice
    both = brain(nlu="fuzzy", answer_threshold=0.8, clarify_threshold=0.3,
                 thresholds_by_backend={"fasttext": {"answer_threshold": 0.6}})
    assert both.uncalibrated("default") is None and both.thresholds("en").answer_threshold == 0.8


def test_the_unkeyed_pair_is_warned_about_at_build(tmp_path):
    from structlog.testing import capture_logs

    from quaidcore.app import Quaid

    path = _config(tmp_path, "fuzzy", {})
    raw = yaml.safe_load(path.read_text())
    raw["brains"]["web"]["answer_threshold"] = 0.7
    plugins = Plugins()
    with capture_logs() as logs:
        Quaid(parse_config(raw, path, plugins), plugins)
    warned = [e for e in logs if e["event"] == "brain_thresholds_not_keyed_by_backend"]
    assert {e["brain"] for e in warned} == {"default", "web", "messenger"}
    assert all(e["log_level"] == "warning" and "quaid calibrate" in e["hint"] for e in warned)


def test_thresholds_are_validated():
    with pytest.raises(ValueError):
        brain(thresholds_by_backend={"fasttext": {"answer_threshold": 0.3, "clarify_threshold": 0.5}})
    with pytest.raises(ValueError):
        brain(thresholds_by_backend={"fasttext": {"answer": 0.3}})


def _config(tmp_path: Path, nlu: str, by_backend: dict) -> Path:
    raw = yaml.safe_load((ROOT / "config" / "quaid.yaml").read_text())
    raw = merge(raw, {"kb": str(ROOT / "config" / "kb"), "data_dir": str(tmp_path / "data"),
                      "plugins": {"fuzzy": {}}})
    for block in raw["brains"].values():
        block["nlu"] = nlu
        block["thresholds_by_backend"] = by_backend
    path = tmp_path / "quaid.yaml"
    path.write_text(yaml.safe_dump(raw))
    (tmp_path / "site").symlink_to(ROOT / "config" / "site")
    return path


async def test_start_refuses_an_uncalibrated_backend(tmp_path):
    from quaidcore.app import Quaid

    path = _config(tmp_path, "fuzzy", {"fasttext": {"answer_threshold": 0.6, "clarify_threshold": 0.34}})
    plugins = Plugins()
    quaid = Quaid(parse_config(yaml.safe_load(path.read_text()), path, plugins), plugins)
    with pytest.raises(ConfigError, match=r"fuzzy.*quaid calibrate"):
        await quaid.start()
    assert not quaid.running


def test_serve_and_eval_refuse_then_calibrate_fixes_it(tmp_path):
    path = _config(tmp_path, "fuzzy", {"fasttext": {"answer_threshold": 0.6, "clarify_threshold": 0.34}})
    result = CliRunner().invoke(cli, ["serve", "--config", str(path), "--port", "0", "--workers", "1"])
    assert result.exit_code == 1 and "'fuzzy' has no calibrated thresholds" in result.output
    assert "quaid calibrate" in result.output
    small = tmp_path / "val.jsonl"
    small.write_text("".join(VAL.read_text().splitlines(keepends=True)[:60]))
    result = CliRunner().invoke(cli, ["eval", str(small), "--config", str(path)])
    assert result.exit_code == 1 and "quaid calibrate" in result.output
    result = CliRunner().invoke(cli, ["calibrate", str(small), "--config", str(path), "--channel", "web"])
    assert result.exit_code == 0, result.output
    web = yaml.safe_load(path.read_text())["brains"]["web"]["thresholds_by_backend"]
    assert set(web) == {"fasttext", "fuzzy"} and web["fasttext"]["answer_threshold"] == 0.6
    assert 0 < web["fuzzy"]["clarify_threshold"] <= web["fuzzy"]["answer_threshold"] <= 1
    assert set(web["fuzzy"]["languages"]) == {"en", "fr"}
    result = CliRunner().invoke(cli, ["eval", str(small), "--config", str(path), "--channel", "web"])
    assert result.exit_code == 0, result.output


def test_the_demo_config_is_calibrated_for_its_backends(tmp_path):
    shutil.copy(ROOT / "config" / "quaid.yaml", tmp_path / "quaid.yaml")
    raw = yaml.safe_load((ROOT / "config" / "quaid.yaml").read_text())
    for name, block in raw["brains"].items():
        assert block["nlu"] in block["thresholds_by_backend"], name
