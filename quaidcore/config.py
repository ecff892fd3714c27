"""YAML configuration: loading, ``${ENV_VAR}`` interpolation, validation, clear errors.

Errors name the file, the key and, for a plugin's block, the plugin.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

DEFAULT_CONFIG = Path(__file__).resolve().parent.parent / "config" / "quaid.yaml"
STARTER = Path(__file__).resolve().parent / "starter"
STARTER_CONFIG = STARTER / "quaid.yaml"


def find_config(cwd: Path | None = None) -> Path:
    """The config to use when none is named: ``./quaid.yaml`` (written by ``quaid init``),
    else ``config/quaid.yaml`` of a source checkout (the demo), else the wheel's starter."""
    local = (cwd or Path.cwd()) / "quaid.yaml"
    if local.is_file():
        return local.resolve()
    return DEFAULT_CONFIG if DEFAULT_CONFIG.is_file() else STARTER_CONFIG
_ENV = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}")


class ConfigError(Exception):
    """The config cannot be used; the message says where and why."""


class Strict(BaseModel):
    """Base of every config model: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid")


class Thresholds(Strict):
    """The one visible pair of thresholds of the dialogue policy."""

    answer_threshold: float = Field(0.6, ge=0, le=1)
    clarify_threshold: float = Field(0.35, ge=0, le=1)
    answer_margin: float | None = Field(
        None, ge=0, le=1, description="also answer a best solution at or above clarify_threshold that leads "
                                      "the next prediction of any kind by at least this much (none: never)")

    @model_validator(mode="after")
    def _ordered(self) -> Thresholds:
        if self.clarify_threshold > self.answer_threshold:
            raise ValueError("clarify_threshold must not exceed answer_threshold")
        return self


class BackendThresholds(Thresholds):
    """The thresholds calibrated for one NLU backend: a pair, and a pair per language."""

    languages: dict[str, Thresholds] = Field(default_factory=dict)

    def for_lang(self, lang: str) -> Thresholds:
        """The pair for `lang`, else the backend's."""
        return self.languages.get(lang) or Thresholds(
            answer_threshold=self.answer_threshold, clarify_threshold=self.clarify_threshold,
            answer_margin=self.answer_margin)


class BrainConfig(Thresholds):
    """A named subset of the knowledge base with its own NLU backend and thresholds.

    Confidences mean different things to different backends, so thresholds are kept per
    backend in ``thresholds_by_backend`` (``quaid calibrate`` writes there). A brain whose
    ``thresholds_by_backend`` lacks its ``nlu`` is refused at start-up (:meth:`uncalibrated`),
    unless it also sets the older, unkeyed pair (``answer_threshold``, ``clarify_threshold``,
    ``languages``) itself: that pair then applies to whatever backend ``nlu`` names, with a
    warning at every start.
    """

    nlu: str = "fuzzy"
    lines_of_business: list[str] | None = None
    codes: list[str] | None = None
    languages: dict[str, Thresholds] = Field(default_factory=dict)
    thresholds_by_backend: dict[str, BackendThresholds] = Field(
        default_factory=dict, description="thresholds per NLU backend, written by quaid calibrate")

    def thresholds(self, lang: str) -> Thresholds:
        """The thresholds for `lang` with this brain's backend: the backend's calibrated pair
        for `lang`, else the backend's pair; unkeyed brains: `lang`'s pair, else the brain's."""
        calibrated = self.thresholds_by_backend.get(self.nlu)
        if calibrated is not None:
            return calibrated.for_lang(lang)
        return self.languages.get(lang) or Thresholds(
            answer_threshold=self.answer_threshold, clarify_threshold=self.clarify_threshold,
            answer_margin=self.answer_margin)

    def uncalibrated(self, name: str) -> str | None:
        """Why brain `name` must not start (thresholds calibrated for other backends only,
        and no unkeyed pair of its own), or None."""
        if not self.thresholds_by_backend or not self.unkeyed():
            return None
        if {"answer_threshold", "clarify_threshold", "languages"} & self.model_fields_set:
            return None
        return (f"brains.{name}: NLU backend {self.nlu!r} has no calibrated thresholds (thresholds_by_backend "
                f"has {', '.join(sorted(self.thresholds_by_backend))}): thresholds of another backend would "
                f"answer wrongly. Run `quaid calibrate VALIDATION_FILE --channel CHANNEL` for a channel of "
                f"this brain (it writes brains.{name}.thresholds_by_backend.{self.nlu}), or switch nlu back")

    def unkeyed(self) -> bool:
        """True when no thresholds are calibrated for this brain's backend (the unkeyed pair
        applies, if it may: :meth:`uncalibrated`)."""
        return self.nlu not in self.thresholds_by_backend


class HandoffConfig(Strict):
    """Which handoff target takes each channel's conversations."""

    default: str | None = None
    channels: dict[str, str] = Field(default_factory=dict)

    def target_for(self, channel: str) -> str | None:
        """The handoff target's name for `channel`."""
        return self.channels.get(channel, self.default)


class DialogueConfig(Strict):
    """Dialogue policy settings; `texts` overrides any bot text by key and language."""

    inactivity_timeout_s: float = Field(1800, gt=0)
    terms_url: dict[str, str] = Field(default_factory=lambda: {
        "en": "https://www.canada.ca/en/transparency/terms.html",
        "fr": "https://www.canada.ca/fr/transparence/avis.html",
    })
    texts: dict[str, dict[str, str]] = Field(default_factory=dict)
    ask_scope: bool = True
    channels_without_bot: list[str] = Field(
        default_factory=list, description="channels whose messages become tickets directly (e.g. twitter)")


class ServerConfig(Strict):
    """Where ``quaid serve`` listens."""

    host: str = "127.0.0.1"
    port: int = Field(8080, ge=0, le=65535)


class LoggingConfig(Strict):
    """Log format (``console`` in a terminal, ``json`` otherwise when ``auto``) and level."""

    format: Literal["auto", "json", "console"] = "auto"
    level: Literal["debug", "info", "warning", "error"] = "info"


class CoreConfig(Strict):
    """The whole config file, with each plugin's block kept raw for its own schema."""

    data_dir: str = "data"
    models_dir: str | None = None
    database_url: str | None = None
    kb: str = "kb"
    languages: list[str] = Field(default_factory=lambda: ["en", "fr"])
    default_language: str = "en"
    language_detector: str | None = None
    redaction: list[str] = Field(default_factory=list)
    search: str | None = None
    handoff: HandoffConfig = Field(default_factory=HandoffConfig)
    metrics: list[str] = Field(default_factory=list)
    brains: dict[str, BrainConfig] = Field(default_factory=lambda: {"default": BrainConfig()})
    channel_brains: dict[str, str] = Field(default_factory=dict)
    dialogue: DialogueConfig = Field(default_factory=DialogueConfig)
    server: ServerConfig = Field(default_factory=ServerConfig)
    logging: LoggingConfig = Field(default_factory=LoggingConfig)
    secret_key: str | None = None
    plugins: dict[str, dict[str, Any] | None] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _brains(self) -> CoreConfig:
        if "default" not in self.brains:
            raise ValueError("brains: a brain named 'default' is required")
        for channel, brain in self.channel_brains.items():
            if brain not in self.brains:
                raise ValueError(f"channel_brains.{channel}: no brain named {brain!r}")
        return self

    def brain_for(self, channel: str) -> str:
        """The brain that serves `channel`."""
        return self.channel_brains.get(channel, "default")

    def uncalibrated(self) -> list[str]:
        """One message per brain whose backend has no calibrated thresholds."""
        return [problem for name, brain in self.brains.items() if (problem := brain.uncalibrated(name))]


class Config:
    """A validated config: the core settings, each enabled plugin's validated block, paths."""

    def __init__(self, core: CoreConfig, plugins: dict[str, BaseModel | None], path: Path) -> None:
        self.core, self.plugins, self.path = core, plugins, path

    @property
    def base_dir(self) -> Path:
        """Relative paths in the config are relative to the config file's folder."""
        return self.path.parent

    def resolve(self, value: str | Path) -> Path:
        """`value` as an absolute path, relative to the config file's folder."""
        path = Path(os.path.expanduser(str(value)))
        return path if path.is_absolute() else (self.base_dir / path).resolve()

    @property
    def data_dir(self) -> Path:
        """The data directory: ``QUAID_DATA_DIR`` if set, else the config's ``data_dir``."""
        override = os.environ.get("QUAID_DATA_DIR")
        return Path(override).resolve() if override else self.resolve(self.core.data_dir)

    @property
    def models_dir(self) -> Path:
        """Trained NLU models: ``QUAID_MODELS_DIR`` if set, else ``models_dir``, else
        ``models/`` in the data directory. Workers of one deployment can share it."""
        override = os.environ.get("QUAID_MODELS_DIR")
        if override:
            return Path(override).resolve()
        return self.resolve(self.core.models_dir) if self.core.models_dir else self.data_dir / "models"

    @property
    def kb_dir(self) -> Path:
        """The knowledge base folder."""
        return self.resolve(self.core.kb)

    @property
    def database_url(self) -> str:
        """The store's URL: the configured one, or a SQLite file in the data directory."""
        return self.core.database_url or f"sqlite://{self.data_dir / 'quaid.sqlite3'}"

    @property
    def enabled(self) -> list[str]:
        """Names of the enabled plugins, in config order."""
        return list(self.plugins)


def interpolate(value: Any, where: str, source: Path) -> Any:
    """Replace ``${VAR}`` (or ``${VAR:-default}``) in every string of `value`."""
    if isinstance(value, dict):
        return {k: interpolate(v, f"{where}.{k}" if where else str(k), source) for k, v in value.items()}
    if isinstance(value, list):
        return [interpolate(v, f"{where}[{i}]", source) for i, v in enumerate(value)]
    if not isinstance(value, str):
        return value

    def substitute(match: re.Match[str]) -> str:
        name, default = match.group(1), match.group(2)
        if name in os.environ:
            return os.environ[name]
        if default is not None:
            return default
        raise ConfigError(f"{source}: {where}: environment variable ${{{name}}} is not set")

    return _ENV.sub(substitute, value)


def _format_errors(exc: ValidationError, source: Path, prefix: str, plugin: str | None) -> str:
    lines = []
    for err in exc.errors():
        key = ".".join(str(p) for p in (prefix, *err["loc"]) if p != "")
        what = "unknown key" if err["type"] == "extra_forbidden" else err["msg"]
        owner = f" (plugin {plugin!r})" if plugin else ""
        lines.append(f"{source}: {key or '(top level)'}: {what}{owner}")
    return "\n".join(lines)


def read_yaml(path: Path) -> dict[str, Any]:
    """Parse a YAML mapping, with errors that name the file and line."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: no such config file") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the top level must be a mapping of keys")
    return data


def load_config(path: str | Path | None, plugins: Any) -> Config:
    """Load, interpolate and validate the config file at `path` (the default when None).

    `plugins` is a :class:`quaidcore.plugins.Plugins`: it supplies each plugin's schema.
    """
    source = Path(path).resolve() if path else find_config()
    return parse_config(read_yaml(source), source, plugins)


def parse_config(data: dict[str, Any], source: Path, plugins: Any) -> Config:
    """Validate an already-parsed config mapping; `source` names it in errors and anchors
    relative paths."""
    raw = interpolate(data, "", source)
    try:
        core = CoreConfig.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(_format_errors(exc, source, "", None)) from None
    known = plugins.names()
    blocks: dict[str, BaseModel | None] = {}
    for name, block in core.plugins.items():
        if name not in known:
            choices = ", ".join(sorted(known)) or "none"
            raise ConfigError(f"{source}: plugins.{name}: no plugin named {name!r} is installed "
                              f"(discovered: {choices})")
        if name in plugins.broken:
            raise ConfigError(f"{source}: plugins.{name}: {plugins.broken[name]}")
        blocks[name] = _plugin_block(plugins.config_schema(name), block or {}, source, name)
    return Config(core, blocks, source)


def _plugin_block(schema: Any, block: dict[str, Any], source: Path, name: str) -> BaseModel | None:
    if schema is None:
        if block:
            key = next(iter(block))
            raise ConfigError(f"{source}: plugins.{name}.{key}: unknown key (plugin {name!r} takes no options)")
        return None
    try:
        return schema.model_validate(block)
    except ValidationError as exc:
        raise ConfigError(_format_errors(exc, source, f"plugins.{name}", name)) from None
