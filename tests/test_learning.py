"""The learning loop's core (host API 1.1): approved phrasings go to the KB's learned.yaml and
the brains retrain in a thread and are swapped in without a restart; a message that arrives
during the retrain is answered by the previous brain; the learned file survives a restart."""

from __future__ import annotations

import asyncio
import json
import shutil
import threading
from typing import Any

import pytest

from quaidcore import TrainingExample, hookimpl
from quaidcore.config import STARTER
from quaidcore.kb import KBError, KnowledgeBase
from quaidcore.testing import FuzzyNLU, make_harness

PHRASING = "my grandmother wants to come see us for the summer"  # 010201, visitor visa


class GatedNLU(FuzzyNLU):
    """The harness's fuzzy NLU whose training waits, once armed, until the test opens the gate."""

    armed = threading.Event()
    gate = threading.Event()
    training = threading.Event()

    def train(self, examples: Any, progress: Any = None) -> None:
        if GatedNLU.armed.is_set():
            GatedNLU.training.set()
            assert GatedNLU.gate.wait(30), "the test never opened the gate"
        super().train(examples, progress)


class GatePlugin:
    @hookimpl
    def quaid_register_nlu_backends(self, register: Any) -> None:
        register("gated", GatedNLU)


@pytest.fixture
def kb_dir(tmp_path):
    folder = tmp_path / "kb"
    shutil.copytree(STARTER / "kb", folder)
    return folder


def config(kb_dir, nlu: str = "harness_nlu") -> dict[str, Any]:
    return {"kb": str(kb_dir), "brains": {"default": {"nlu": nlu}}}


def answered(replies) -> list[str]:
    return [r.code for r in replies if r.kind == "answer"]


async def test_a_message_during_the_retrain_is_answered_by_the_previous_brain(tmp_path, kb_dir):
    GatedNLU.armed.clear(), GatedNLU.gate.clear(), GatedNLU.training.clear()
    bot = await make_harness(tmp_path / "data", {**config(kb_dir, "gated"), "plugins": {"gate": None}},
                             plugins={"gate": GatePlugin()})
    try:
        old = bot.host.brains["default"]
        assert await bot.host.add_examples([TrainingExample(PHRASING, "010201", "en")]) == 1
        GatedNLU.armed.set()
        retrain = asyncio.create_task(bot.host.retrain())
        assert await asyncio.to_thread(GatedNLU.training.wait, 30)
        chat = await bot.conversation("en")  # the event loop is free while the brain trains
        assert answered(await chat.say("how do i apply for an eta")) == ["010102"]
        assert answered(await chat.say(PHRASING)) != ["010201"]  # the previous brain
        assert bot.host.brains["default"] is old and not retrain.done()
        GatedNLU.gate.set()
        done = await retrain
        assert done.brains == ("default",) and bot.host.brains["default"] is not old
        later = await bot.conversation("en")
        assert answered(await later.say(PHRASING)) == ["010201"]
    finally:
        GatedNLU.armed.clear(), GatedNLU.gate.set()
        await bot.close()


async def test_the_learned_file_survives_a_restart_and_stays_valid_yaml(tmp_path, kb_dir):
    bot = await make_harness(tmp_path / "data", config(kb_dir))
    await bot.host.add_examples([TrainingExample(PHRASING, "010201", "en"),
                                 TrainingExample("ma grand-mère veut venir nous voir cet été", "010201", "fr")])
    await bot.close()
    assert PHRASING in KnowledgeBase.load(kb_dir).solutions["010201"].examples.en
    again = await make_harness(tmp_path / "data", config(kb_dir))
    try:
        chat = await again.conversation("en")
        assert answered(await chat.say(PHRASING)) == ["010201"]
        assert await again.host.add_examples([TrainingExample(PHRASING, "010201", "en")]) == 0
    finally:
        await again.close()


async def test_retrain_reports_the_validation_figures_before_and_after(tmp_path, kb_dir):
    validation = tmp_path / "val.jsonl"
    lines = [{"text": PHRASING, "code": "010201", "lang": "en"},
             {"text": "how do i apply for an eta", "code": "010102", "lang": "en"}]
    validation.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    bot = await make_harness(tmp_path / "data", config(kb_dir))
    try:
        await bot.host.add_examples([TrainingExample(PHRASING, "010201", "en")])
        done = await bot.host.retrain(validation)
        assert done.before["n"] == done.after["n"] == 2
        assert done.before["containment"] < done.after["containment"] == 1.0
    finally:
        await bot.close()


def test_a_learned_example_of_an_unknown_code_is_an_error_naming_the_file(kb_dir):
    (kb_dir / "learned.yaml").write_text('learned:\n  - {code: "999999", lang: en, text: hello there}\n')
    with pytest.raises(KBError, match=r"learned.yaml: code 999999"):
        KnowledgeBase.load(kb_dir)
