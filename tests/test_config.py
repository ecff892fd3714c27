"""Config loading: every error names the file, the key and, for a block, the plugin."""

from __future__ import annotations

import pytest

from quaidcore.config import ConfigError, load_config
from quaidcore.plugins import Plugins


@pytest.fixture
def plugins() -> Plugins:
    return Plugins()


def write(tmp_path, text: str):
    path = tmp_path / "quaid.yaml"
    path.write_text(text)
    return path


def test_default_config_loads(plugins):
    config = load_config(None, plugins)
    assert "web" in config.enabled
    assert config.kb_dir.is_dir()


def test_unknown_top_level_key_is_named(tmp_path, plugins):
    path = write(tmp_path, "colour: blue\n")
    with pytest.raises(ConfigError, match=r"quaid\.yaml: colour: unknown key"):
        load_config(path, plugins)


def test_wrong_type_is_named(tmp_path, plugins):
    path = write(tmp_path, "server:\n  port: eighty\n")
    with pytest.raises(ConfigError, match=r"server\.port: .*integer"):
        load_config(path, plugins)


def test_unknown_key_in_plugin_block_names_plugin(tmp_path, plugins):
    path = write(tmp_path, "plugins:\n  web:\n    max_bodyy: 3\n")
    with pytest.raises(ConfigError) as err:
        load_config(path, plugins)
    assert "plugins.web.max_bodyy: unknown key (plugin 'web')" in str(err.value)
    assert str(path) in str(err.value)


def test_wrong_type_in_plugin_block_names_plugin(tmp_path, plugins):
    path = write(tmp_path, "plugins:\n  web:\n    max_body_bytes: lots\n")
    with pytest.raises(ConfigError, match=r"plugins\.web\.max_body_bytes: .*integer.*\(plugin 'web'\)"):
        load_config(path, plugins)


def test_missing_env_var_is_named(tmp_path, plugins, monkeypatch):
    monkeypatch.delenv("QUAID_TEST_SECRET", raising=False)
    path = write(tmp_path, "secret_key: ${QUAID_TEST_SECRET}\n")
    with pytest.raises(ConfigError, match=r"secret_key: environment variable \$\{QUAID_TEST_SECRET\} is not set"):
        load_config(path, plugins)


def test_env_var_interpolation_and_default(tmp_path, plugins, monkeypatch):
    monkeypatch.setenv("QUAID_TEST_SECRET", "s3cret")
    path = write(tmp_path, "secret_key: ${QUAID_TEST_SECRET}\ndata_dir: ${QUAID_NOPE:-here}\n")
    config = load_config(path, plugins)
    assert config.core.secret_key == "s3cret"
    assert config.core.data_dir == "here"


def test_unknown_plugin_is_named(tmp_path, plugins):
    path = write(tmp_path, "plugins:\n  telepathy: {}\n")
    with pytest.raises(ConfigError, match=r"plugins\.telepathy: no plugin named 'telepathy' is installed"):
        load_config(path, plugins)


def test_malformed_yaml_names_file(tmp_path, plugins):
    path = write(tmp_path, "plugins: [unclosed\n")
    with pytest.raises(ConfigError, match=r"quaid\.yaml: not valid YAML"):
        load_config(path, plugins)


def test_thresholds_must_be_ordered(tmp_path, plugins):
    path = write(tmp_path, "brains:\n  default:\n    answer_threshold: 0.3\n    clarify_threshold: 0.5\n")
    with pytest.raises(ConfigError, match="clarify_threshold must not exceed answer_threshold"):
        load_config(path, plugins)


def test_data_dir_env_override(tmp_path, plugins, monkeypatch):
    monkeypatch.setenv("QUAID_DATA_DIR", str(tmp_path / "elsewhere"))
    assert load_config(None, plugins).data_dir == tmp_path / "elsewhere"
