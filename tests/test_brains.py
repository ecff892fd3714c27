"""Brains per channel: each channel answers from its own share of the knowledge base."""

from __future__ import annotations


async def test_each_channel_uses_its_brain(demo_harness):
    bot = await demo_harness(config={"channel_brains": {"test": "messenger"}})
    assert bot.quaid.brain_for("test").name == "messenger"
    assert bot.quaid.brain_for("web").name == "web"
    assert "100101" not in bot.quaid.brains["messenger"].kb.solutions
    assert "100101" in bot.quaid.brains["web"].kb.solutions
    conv = await bot.conversation()
    replies = await conv.say("how do i renew my canadian passport")
    assert all(r.code != "100101" for r in replies)
    web = bot.quaid.brains["web"].predict("how do i renew my canadian passport", "en")
    assert web[0].code == "100101"


async def test_brain_models_are_cached_by_kb_content(demo_harness):
    bot = await demo_harness()
    brains = bot.quaid.brains
    assert brains["default"].model_dir == brains["web"].model_dir, "same share, same model"
    assert brains["messenger"].model_dir != brains["web"].model_dir
    assert brains["web"].prepare(train=False) == "loaded"


def test_unknown_brain_is_a_config_error(tmp_path):
    import pytest

    from quaidcore.config import ConfigError, load_config
    from quaidcore.plugins import Plugins

    path = tmp_path / "quaid.yaml"
    path.write_text("channel_brains:\n  web: nowhere\n")
    with pytest.raises(ConfigError, match=r"channel_brains\.web: no brain named 'nowhere'"):
        load_config(path, Plugins())
