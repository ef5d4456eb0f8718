"""Finds and validates [tool.claimcheck] in pyproject.toml, or claimcheck.toml, from the current folder upward."""
from __future__ import annotations

from typing import Annotated

import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .files import DEFAULT_INCLUDE, DEFAULT_MAX_MB
from .models import Severity


class ConfigError(ValueError):
    """A config file that cannot be used; the message names the file and the key."""


class FxBand(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    base: str
    quote: str
    low: float
    high: float


class Config(BaseModel):
    """Settings a newsroom keeps in its repo."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    include: list[str] = Field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = Field(default_factory=list)
    rules_dirs: list[str] = Field(default_factory=list)  # folders of extra rule files
    select: list[str] | None = None  # only these rule ids
    disable: list[str] = Field(default_factory=list)
    severity: dict[str, Severity] = Field(default_factory=dict)
    options: dict[str, dict] = Field(default_factory=dict)  # rule id -> options (tolerances)
    aliases: dict[str, list[str]] = Field(default_factory=dict)  # entity -> extra names
    # entity -> fiscal year-end month; negative for a company that prints start-year labels (Sony: -3)
    fiscal_calendars: dict[str, Annotated[int, Field(ge=-12, le=12)]] = Field(default_factory=dict)
    fx_bands: list[FxBand] = Field(default_factory=list)
    fail_on: Severity = Severity.error
    fail_on_unreadable: bool = True  # a gate that skipped an article has not checked it
    max_file_mb: Annotated[float, Field(gt=0)] = DEFAULT_MAX_MB  # larger files are skipped, never read


def find(start: Path) -> Path | None:
    """The nearest claimcheck.toml, or pyproject.toml with a [tool.claimcheck] table."""
    for d in [start, *start.parents]:
        if (d / "claimcheck.toml").is_file():
            return d / "claimcheck.toml"
        py = d / "pyproject.toml"
        if py.is_file():
            try:
                if "claimcheck" in tomllib.loads(py.read_text(encoding="utf-8")).get("tool", {}):
                    return py
            except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError):
                continue
    return None


def load(path: Path | None) -> Config:
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise ConfigError(f"{path}: cannot read: {e.strerror}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: not valid TOML: {e}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("claimcheck", {})
    else:
        data = data.get("tool", {}).get("claimcheck", data)
    try:
        return Config.model_validate(data)
    except ValidationError as e:
        err = e.errors()[0]
        key = ".".join(str(x) for x in err["loc"])
        if err["type"] == "extra_forbidden":
            valid = ", ".join(Config.model_fields)
            raise ConfigError(f"{path}: unknown key '{key}' (valid: {valid})") from None
        raise ConfigError(f"{path}: key '{key}': {err['msg']}") from None
