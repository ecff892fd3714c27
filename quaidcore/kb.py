"""The knowledge base: pre-approved solutions, each tagged with a standard response code.

Solutions are loaded from human-editable YAML files (one per line of business; the format
is in ``config/kb/FORMAT.md``) and validated on load; errors name the file and the code.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .messages import TrainingExample

LANGUAGES = ("en", "fr")
MIN_EXAMPLES = 12
MAX_ANSWER = 700
CODE = re.compile(r"^\d{6}$")
URL = re.compile(r"^https?://[^\s/$.?#].[^\s]*$")
INTENT_PREFIX = "@"


class KBError(Exception):
    """The knowledge base is invalid; the message names the file and the code."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Bilingual(_Strict):
    """A text in English and French."""

    en: str = Field(min_length=1)
    fr: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        """The text in `lang`, English when `lang` is not supported."""
        return getattr(self, lang, None) or self.en


class Examples(_Strict):
    """Client phrasings per language."""

    en: list[str] = Field(min_length=MIN_EXAMPLES)
    fr: list[str] = Field(min_length=MIN_EXAMPLES)


class Solution(_Strict):
    """A pre-approved answer with its standard response code (``LLSSRR``)."""

    code: str
    topic: Bilingual
    title: Bilingual
    answer: Bilingual
    link: Bilingual
    examples: Examples
    bot: bool = True

    @field_validator("code")
    @classmethod
    def _six_digits(cls, value: str) -> str:
        if not CODE.match(value):
            raise ValueError("a standard response code is six digits (LLSSRR), quoted")
        return value

    @field_validator("link")
    @classmethod
    def _urls(cls, value: Bilingual) -> Bilingual:
        for url in (value.en, value.fr):
            if not URL.match(url):
                raise ValueError(f"not a valid URL: {url!r}")
        return value

    @field_validator("answer")
    @classmethod
    def _short(cls, value: Bilingual) -> Bilingual:
        for text in (value.en, value.fr):
            if len(text) > MAX_ANSWER:
                raise ValueError(f"answers are for a chat window: at most {MAX_ANSWER} characters")
        return value

    @property
    def line_of_business(self) -> str:
        """The first two digits of the code."""
        return self.code[:2]


class Intent(_Strict):
    """A system intent (greeting, thanks, person, yes, no...): examples, no answer."""

    name: str
    examples: dict[str, list[str]]


class LineOfBusiness(_Strict):
    """A line of business: two digits and its names."""

    code: str = Field(pattern=r"^\d{2}$")
    en: str
    fr: str


class LearnedExample(_Strict):
    """A client's phrasing approved for a solution (``learned.yaml``, written by the review
    page of the helpdesk through ``host.add_examples``): merged into the solution's examples."""

    code: str
    lang: str
    text: str = Field(min_length=1)


class KBFile(_Strict):
    """One YAML file of the knowledge base."""

    line_of_business: LineOfBusiness | None = None
    solutions: list[Solution] = Field(default_factory=list)
    intents: list[Intent] = Field(default_factory=list)
    learned: list[LearnedExample] = Field(default_factory=list)


@dataclass
class KnowledgeBase:
    """Every solution by code, the system intents, and the lines of business."""

    solutions: dict[str, Solution] = field(default_factory=dict)
    intents: dict[str, Intent] = field(default_factory=dict)
    lines: dict[str, LineOfBusiness] = field(default_factory=dict)
    _known: dict[tuple[str, str], str] | None = field(default=None, init=False, repr=False, compare=False)

    @classmethod
    def load(cls, folder: str | Path) -> KnowledgeBase:
        """Load and validate every ``*.yaml`` file under `folder`."""
        root = Path(folder)
        files = sorted(root.glob("*.yaml")) + sorted(root.glob("*.yml"))
        if not files:
            raise KBError(f"{root}: no knowledge-base files (*.yaml) found")
        kb = cls()
        parsed = [(path, _parse(path)) for path in files]
        for path, data in parsed:
            kb._add_file(path, data)
        for path, data in parsed:  # once every solution is known, whatever the files' order
            kb._learn(path, data.learned)
        return kb

    def _learn(self, path: Path, learned: list[LearnedExample]) -> None:
        self._known = None
        for example in learned:
            solution = self.solutions.get(example.code)
            if solution is None:
                raise KBError(f"{path}: code {example.code}: learned example of an unknown code")
            if example.lang not in LANGUAGES:
                raise KBError(f"{path}: code {example.code}: learned example in {example.lang!r} "
                              f"(languages: {', '.join(LANGUAGES)})")
            texts = getattr(solution.examples, example.lang)
            if not any(same_text(example.text, known) for known in texts):
                texts.append(example.text)

    def knows(self, text: str, lang: str) -> str | None:
        """The code (or ``@intent``) one of whose examples in `lang` is `text` (ignoring case
        and spacing), or None. A dictionary look-up: the index is built on the first call
        after the KB was loaded or changed through its methods."""
        if self._known is None:
            known: dict[tuple[str, str], str] = {}
            for example in self.training_examples(bot_only=False):
                known.setdefault((example.lang, _plain(example.text)), example.code)
            self._known = known
        return self._known.get((lang, _plain(text)))

    def _add_file(self, path: Path, data: KBFile) -> None:
        self._known = None
        if data.line_of_business:
            self.lines[data.line_of_business.code] = data.line_of_business
        for solution in data.solutions:
            if solution.code in self.solutions:
                raise KBError(f"{path}: code {solution.code}: duplicate code (already defined)")
            lob = data.line_of_business
            if lob and solution.line_of_business != lob.code:
                raise KBError(f"{path}: code {solution.code}: does not start with the file's "
                              f"line of business {lob.code}")
            self.solutions[solution.code] = solution
        for intent in data.intents:
            self.intents[intent.name] = intent

    def get(self, code: str) -> Solution | None:
        """The solution with `code`, or None."""
        return self.solutions.get(code)

    def subset(self, lines: Iterable[str] | None = None, codes: Iterable[str] | None = None) -> KnowledgeBase:
        """A brain's share: the solutions of some lines of business and/or listed codes."""
        if lines is None and codes is None:
            return self
        keep_lines, keep_codes = set(lines or ()), set(codes or ())
        chosen = {c: s for c, s in self.solutions.items()
                  if s.line_of_business in keep_lines or c in keep_codes}
        return KnowledgeBase(chosen, dict(self.intents), dict(self.lines))

    def training_examples(self, bot_only: bool = True) -> list[TrainingExample]:
        """Every example of every solution (and intent, labelled ``@name``)."""
        out: list[TrainingExample] = []
        for solution in self.solutions.values():
            if bot_only and not solution.bot:
                continue
            for lang in LANGUAGES:
                out.extend(TrainingExample(t, solution.code, lang)
                           for t in getattr(solution.examples, lang))
        for intent in self.intents.values():
            for lang, texts in intent.examples.items():
                out.extend(TrainingExample(t, INTENT_PREFIX + intent.name, lang) for t in texts)
        return out

    def fingerprint(self) -> str:
        """A hash of everything training depends on: a trained model is cached under it."""
        payload = [(e.text, e.code, e.lang) for e in self.training_examples()]
        return hashlib.sha256(json.dumps(payload, ensure_ascii=False).encode()).hexdigest()[:16]


def _plain(text: str) -> str:
    return " ".join(text.casefold().split())


def same_text(a: str, b: str) -> bool:
    """The same phrasing, ignoring case and spacing."""
    return _plain(a) == _plain(b)


# libyaml's safe loader when PyYAML was built with it (its wheels are): the KB's ~7,000
# examples parse in ~0.1 s instead of ~1 s with the pure-Python one, at every start
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse(path: Path) -> KBFile:
    try:
        raw: Any = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise KBError(f"{path}: malformed YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise KBError(f"{path}: the top level must be a mapping (line_of_business, solutions)")
    try:
        return KBFile.model_validate(raw)
    except ValidationError as exc:
        raise KBError(_describe(path, raw, exc)) from None


def _describe(path: Path, raw: dict[str, Any], exc: ValidationError) -> str:
    lines = []
    for err in exc.errors():
        loc = list(err["loc"])
        where = ".".join(str(p) for p in loc)
        code = ""
        if len(loc) >= 2 and loc[0] == "solutions" and isinstance(loc[1], int):
            items = raw.get("solutions") or []
            item = items[loc[1]] if loc[1] < len(items) else {}
            code = f"code {item.get('code', '?')}: " if isinstance(item, dict) else ""
            where = ".".join(str(p) for p in loc[2:])
        what = "missing" if err["type"] == "missing" else err["msg"]
        if err["type"] == "extra_forbidden":
            what = "unknown key"
        lines.append(f"{path}: {code}{where}: {what}")
    return "\n".join(lines)
