"""Configuration: `[tool.noticegen]` in pyproject.toml, or `noticegen.toml` in the notice folder.

Every mistake in the configuration is a usage error (exit 2) with one line naming the file and,
where the setting can be found in it, the line: a misspelt rule code must not silently turn a
check off or fail to turn it on.
"""

from __future__ import annotations

import tomllib
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

from .findings import Severity
from .folder import FolderFileRefused, read_folder_file

CONFIG_FILE = "noticegen.toml"
PROFILES = ("gdpr", "uk-gdpr", "ccpa", "lgpd", "eprivacy")
SETTINGS = ("select", "ignore", "severity", "profiles", "options", "stale-translations")
STALE_TRANSLATIONS = ("block", "publish-source")
"""What `build` does while a catalog does not translate the current text (NG706, NG707): build
nothing, or publish the source language with each stale language marked as an earlier
version's."""
MAX_CONFIG_BYTES = 1_000_000


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
    stale_translations: str = STALE_TRANSLATIONS[0]
    """One of STALE_TRANSLATIONS."""
    source: str = ""

    def enabled(self, code: str) -> bool:
        selected = not self.select or any(code.startswith(s) for s in self.select)
        return selected and not any(code.startswith(i) for i in self.ignore)


def find_config(notice_root: Path) -> Path | None:
    """The notice folder's noticegen.toml, else the nearest pyproject.toml with our table.

    The search stops at the first pyproject.toml: it marks the project the notice belongs to.
    """
    local = notice_root / CONFIG_FILE
    if local.is_file():
        return local
    for folder in [notice_root.resolve(), *notice_root.resolve().parents]:
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate if _tool_table(_read(candidate)) is not None else None
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(_text(path))
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: cannot read configuration: {error}") from error


def _text(path: Path) -> str:
    """The file's text, read as any file of a pull request is (noticegen.folder)."""
    try:
        return read_folder_file(path.parent, path, MAX_CONFIG_BYTES).decode("utf-8")
    except (FolderFileRefused, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read configuration: {error}") from error


def _tool_table(document: dict[str, Any]) -> Any:
    tool = document.get("tool")
    return tool.get("noticegen") if isinstance(tool, dict) else None


def load_config(path: Path | None, known_codes: Collection[str] | None = None) -> Config:
    """Read and check the configuration; `known_codes` defaults to every registered rule."""
    if path is None:
        return Config()
    # The registry imports every rule: only when configured.
    from .rules import BY_CODE
    from .rules.schema import UNREADABLE_RULES

    if known_codes is None:
        known_codes = BY_CODE
    raw = _read(path)
    text = _text(path)
    nested = _tool_table(raw)
    table = nested if nested is not None or path.name == "pyproject.toml" else raw
    table = table or {}
    checker = _Checker(path, text, known_codes, {rule.code for rule in UNREADABLE_RULES})
    if not isinstance(table, dict):
        checker.fail("[tool.noticegen] must be a table", "noticegen")
    unknown = sorted(set(table) - set(SETTINGS))
    if unknown:
        checker.fail(
            f"unknown setting(s): {', '.join(unknown)} (known: {', '.join(SETTINGS)})", unknown[0]
        )
    select = checker.codes(table, "select")
    ignore = checker.codes(table, "ignore")
    for code in ignore:
        checker.check_not_loader(code, "ignore")
    profiles = checker.strings(table, "profiles")
    for profile in profiles:
        if profile not in PROFILES:
            checker.fail(f"unknown profile {profile!r} (known: {', '.join(PROFILES)})", profile)
    stale_translations = table.get("stale-translations", STALE_TRANSLATIONS[0])
    if stale_translations not in STALE_TRANSLATIONS:
        checker.fail(
            f"`stale-translations` must be one of {', '.join(map(repr, STALE_TRANSLATIONS))}, "
            f"not {stale_translations!r}",
            "stale-translations",
        )
    return Config(
        select=select,
        ignore=ignore,
        severity=checker.severities(table),
        profiles=profiles,
        options=checker.options(table),
        stale_translations=stale_translations,
        source=str(path),
    )


class _Checker:
    """Type and name checks on the settings, each failure one line with file and line."""

    def __init__(
        self, path: Path, text: str, known_codes: Collection[str], loader_codes: Collection[str]
    ) -> None:
        self.path = path
        self.lines = text.splitlines()
        self.known_codes = known_codes
        self.loader_codes = loader_codes
        """What the loader finds while reading: never ignored or re-graded."""

    def check_not_loader(self, code: str, setting: str) -> None:
        covered = [known for known in self.known_codes if known.startswith(code)]
        if covered and all(known in self.loader_codes for known in covered):
            self.fail(
                f"{code} in `{setting}` names what is found while reading the notice, which "
                "no configuration may hide or re-grade: fix the notice instead",
                code,
            )

    def fail(self, message: str, needle: str) -> NoReturn:
        line = next((i for i, x in enumerate(self.lines, 1) if needle in x), None)
        where = f"{self.path}:{line}" if line else f"{self.path}"
        raise ConfigError(f"{where}: {message}")

    def strings(self, table: dict[str, Any], key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            self.fail(f'`{key}` must be a list of strings, e.g. {key} = ["NG2"]', key)
        return tuple(value)

    def check_code(self, code: str, setting: str, *, prefix: bool) -> None:
        matches = (
            any(known.startswith(code) for known in self.known_codes)
            if prefix
            else code in self.known_codes
        )
        if not code or not matches:
            what = "rule code or prefix" if prefix else "rule code"
            self.fail(f"unknown {what} {code!r} in `{setting}`; `noticegen rules` lists them", code)

    def codes(self, table: dict[str, Any], key: str) -> tuple[str, ...]:
        codes = tuple(code.strip().upper() for code in self.strings(table, key))
        for code in codes:
            self.check_code(code, key, prefix=True)
        return codes

    def severities(self, table: dict[str, Any]) -> dict[str, Severity]:
        value = table.get("severity", {})
        if not isinstance(value, dict):
            self.fail(
                '`severity` must be a table, e.g. severity = { NG201 = "warning" }', "severity"
            )
        levels: dict[str, Severity] = {}
        for code, level in value.items():
            self.check_code(code, "severity", prefix=False)
            self.check_not_loader(code, "severity")
            try:
                levels[code] = Severity.parse(level)
            except (KeyError, AttributeError):
                self.fail(f"severity of {code} must be error, warning or info, not {level!r}", code)
        return levels

    def options(self, table: dict[str, Any]) -> dict[str, dict[str, Any]]:
        value = table.get("options", {})
        if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
            self.fail(
                "`options` must hold one table per rule code, e.g. [options.NG601]", "options"
            )
        for code in value:
            self.check_code(code, "options", prefix=False)
        return dict(value)
