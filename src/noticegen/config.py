"""Configuration: `[tool.noticegen]` in pyproject.toml, or `noticegen.toml` in the notice folder."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .findings import Severity

CONFIG_FILE = "noticegen.toml"


class ConfigError(Exception):
    """The configuration cannot be used: a usage error (exit 2)."""


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()
    """Rule codes or code prefixes to run; empty runs every rule."""
    ignore: tuple[str, ...] = ()
    """Rule codes or code prefixes never to run."""
    severity: dict[str, Severity] = field(default_factory=dict)
    """Severity overrides by rule code."""
    profiles: tuple[str, ...] = ()
    """Profiles to apply instead of the notice's declared jurisdictions."""
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Per-rule options, keyed by rule code."""
    source: str = ""

    def enabled(self, code: str) -> bool:
        selected = not self.select or any(code.startswith(s) for s in self.select)
        return selected and not any(code.startswith(i) for i in self.ignore)


def find_config(notice_root: Path) -> Path | None:
    """The notice folder's noticegen.toml, else the nearest pyproject.toml with our table."""
    local = notice_root / CONFIG_FILE
    if local.is_file():
        return local
    for folder in [notice_root.resolve(), *notice_root.resolve().parents]:
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                if "noticegen" in _read(candidate).get("tool", {}):
                    return candidate
            except ConfigError:
                return None
            return None
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: cannot read configuration: {error}") from error


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    raw = _read(path)
    table = raw.get("tool", {}).get("noticegen", {}) if path.name == "pyproject.toml" else raw
    known = {"select", "ignore", "severity", "profiles", "options"}
    unknown = sorted(set(table) - known)
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s): {', '.join(unknown)}")
    try:
        severity = {code: Severity.parse(level) for code, level in table.get("severity", {}).items()}
    except KeyError as error:
        raise ConfigError(f"{path}: severity must be error, warning or info ({error})") from error
    return Config(
        select=tuple(table.get("select", ())),
        ignore=tuple(table.get("ignore", ())),
        severity=severity,
        profiles=tuple(table.get("profiles", ())),
        options=dict(table.get("options", {})),
        source=str(path),
    )
