"""Configuration: `[tool.noticegen]` in pyproject.toml, or `noticegen.toml` in the notice folder.

Every mistake in the configuration is a usage error (exit 2) with one line naming the file and,
where the setting can be found in it, the line and column, with the nearest valid name: a
misspelt rule code, family or option must not silently turn a check off or fail to turn it on.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from ..model.findings import Severity
from ..model.jurisdictions import Jurisdiction
from ..sources.folder import FolderFileRefused, read_folder_file

if TYPE_CHECKING:
    from .rules.base import Rule, RuleOptions

CONFIG_FILE = "noticegen.toml"
PROFILES = tuple(j.value for j in Jurisdiction)
SETTINGS = ("select", "ignore", "severity", "profiles", "options", "stale-translations")
STALE_TRANSLATIONS = ("block", "publish-source")
"""What `build` does while a catalog does not translate the current text (NG706, NG707): build
nothing, or publish the source language with each stale language marked as an earlier
version's."""
MAX_BYTES = 1_000_000
"""A configuration file may come with a pull request: no real one comes near this size."""


class ConfigError(Exception):
    """The configuration cannot be used: a usage error (exit 2)."""


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()
    """Rule codes, code prefixes or family names to run; empty runs every rule."""
    ignore: tuple[str, ...] = ()
    """Rule codes, code prefixes or family names never to run."""
    severity: dict[str, Severity] = field(default_factory=dict)
    """Severity overrides by rule code."""
    profiles: tuple[str, ...] = ()
    """Profiles to apply instead of the notice's declared jurisdictions."""
    options: Mapping[str, RuleOptions] = field(default_factory=dict)
    """Each configured rule's options, checked by the rule's own model, keyed by rule code."""
    stale_translations: str = STALE_TRANSLATIONS[0]
    """One of STALE_TRANSLATIONS."""
    source: str = ""

    def enabled(self, rule: type[Rule]) -> bool:
        selected = not self.select or any(_matches(s, rule) for s in self.select)
        return selected and not any(_matches(i, rule) for i in self.ignore)


def _matches(selector: str, rule: type[Rule]) -> bool:
    return selector == rule.family or rule.code.startswith(selector)


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
    return _parse(path, _read_text(path))


def _read_text(path: Path) -> str:
    try:
        # read as any file of a pull request is (noticegen.sources.folder): contained and capped
        return read_folder_file(path.parent, path, MAX_BYTES).decode("utf-8")
    except (FolderFileRefused, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read configuration: {error}") from error


def _parse(path: Path, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: cannot read configuration: {error}") from error


def _tool_table(document: dict[str, Any]) -> Any:
    tool = document.get("tool")
    return tool.get("noticegen") if isinstance(tool, dict) else None


def load_config(path: Path | None) -> Config:
    """Read the configuration and check every name in it against the rule registry."""
    if path is None:
        return Config()
    text = _read_text(path)
    raw = _parse(path, text)
    nested = _tool_table(raw)
    table = nested if nested is not None or path.name == "pyproject.toml" else raw
    table = table or {}
    root = ("tool", "noticegen") if nested is not None else ()
    checker = _Checker(path, _KeyLocator(text), root)
    if not isinstance(table, dict):
        checker.fail("[tool.noticegen] must be a table", ())
    for key in table:
        if key not in SETTINGS:
            checker.fail(
                f"unknown setting {key!r} (known: {', '.join(SETTINGS)}){_nearest(key, SETTINGS)}",
                (key,),
            )
    profiles = checker.strings(table, "profiles")
    for profile in profiles:
        if profile not in PROFILES:
            checker.fail(
                f"unknown profile {profile!r} (known: {', '.join(PROFILES)})"
                f"{_nearest(profile, PROFILES)}",
                ("profiles",),
                profile,
            )
    stale_translations = table.get("stale-translations", STALE_TRANSLATIONS[0])
    if stale_translations not in STALE_TRANSLATIONS:
        checker.fail(
            f"`stale-translations` must be one of {', '.join(map(repr, STALE_TRANSLATIONS))}, "
            f"not {stale_translations!r}",
            ("stale-translations",),
        )
    return Config(
        select=checker.selectors(table, "select"),
        ignore=checker.selectors(table, "ignore"),
        severity=checker.severities(table),
        profiles=profiles,
        options=checker.options(table),
        stale_translations=stale_translations,
        source=str(path),
    )


def check_selectors(values: Sequence[str], setting: str) -> tuple[str, ...]:
    """Rule codes, prefixes or families given outside a file (`--select`), normalised and
    checked like the configuration's; a mistake is a ConfigError naming `setting`."""
    selectors = tuple(_normalise(value) for value in values)
    for value, selector in zip(values, selectors, strict=True):
        problem = _selector_problem(value, selector, setting)
        if problem:
            raise ConfigError(problem)
    return selectors


def _normalise(selector: str) -> str:
    """Families are lower case, codes upper case; either may be written in any case."""
    from .rules import FAMILIES

    selector = selector.strip()
    return selector.lower() if selector.lower() in FAMILIES else selector.upper()


def _selector_problem(written: str, selector: str, setting: str) -> str | None:
    """What is wrong with `selector` (as `written`) in `setting`, if anything."""
    from .rules import BY_CODE, FAMILIES
    from .rules.schema import UNREADABLE_RULES

    covered = [rule for rule in BY_CODE.values() if selector and _matches(selector, rule)]
    if not covered:
        return (
            f"unknown rule code, prefix or family {written!r} in `{setting}` (`noticegen rules` "
            f"lists them){_nearest(written, [*FAMILIES, *BY_CODE], lower=True)}"
        )
    hides = setting.lstrip("-") == "ignore"
    if hides and all(rule in UNREADABLE_RULES for rule in covered):
        return (
            f"{selector} in `{setting}` names what is found while reading the notice, which "
            "no configuration may hide or re-grade: fix the notice instead"
        )
    return None


def _nearest(name: str, known: Iterable[str], *, lower: bool = False) -> str:
    """`; did you mean 'x'?` for the closest known name, or nothing. Among equally close
    names, one with the same letters wins (two letters swapped: `gpdr` is `gdpr`)."""
    candidates = {(k.lower() if lower else k): k for k in known}
    name = name.lower() if lower else name
    close = difflib.get_close_matches(name, candidates, n=3)
    close.sort(key=lambda c: sorted(c) != sorted(name))  # stable: the closest first otherwise
    return f"; did you mean {candidates[close[0]]!r}?" if close else ""


class _Checker:
    """Type and name checks on the settings, each failure one line with file and position."""

    def __init__(self, path: Path, locator: _KeyLocator, root: tuple[str, ...]) -> None:
        self.path = path
        self.locator = locator
        self.root = root
        """Where our table is in the file: `tool.noticegen` in pyproject.toml."""

    def fail(self, message: str, keys: Sequence[str], value: str | None = None) -> NoReturn:
        """Raise the error for the setting at `keys` (and the list item `value` in it)."""
        position = self.locator.find((*self.root, *keys), value)
        where = f"{self.path}:{position[0]}:{position[1]}" if position else f"{self.path}"
        raise ConfigError(f"{where}: {message}")

    def strings(self, table: dict[str, Any], key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            self.fail(f'`{key}` must be a list of strings, e.g. {key} = ["NG2"]', (key,))
        return tuple(value)

    def selectors(self, table: dict[str, Any], key: str) -> tuple[str, ...]:
        written = self.strings(table, key)
        selectors = tuple(_normalise(value) for value in written)
        for value, selector in zip(written, selectors, strict=True):
            problem = _selector_problem(value, selector, key)
            if problem:
                self.fail(problem, (key,), value)
        return selectors

    def rule(self, code: str, setting: str) -> type[Rule]:
        from .rules import BY_CODE

        rule = BY_CODE.get(code)
        if rule is None:
            self.fail(
                f"unknown rule code {code!r} in `{setting}` (`noticegen rules` lists them)"
                f"{_nearest(code, BY_CODE, lower=True)}",
                (setting, code),
            )
        return rule

    def severities(self, table: dict[str, Any]) -> dict[str, Severity]:
        from .rules.schema import UNREADABLE_RULES

        value = table.get("severity", {})
        if not isinstance(value, dict):
            self.fail(
                '`severity` must be a table, e.g. severity = { NG201 = "warning" }', ("severity",)
            )
        levels: dict[str, Severity] = {}
        for code, level in value.items():
            if self.rule(code, "severity") in UNREADABLE_RULES:
                self.fail(
                    f"{code} in `severity` names what is found while reading the notice, which "
                    "no configuration may hide or re-grade: fix the notice instead",
                    ("severity", code),
                )
            try:
                levels[code] = Severity.parse(level)
            except (KeyError, AttributeError):
                self.fail(
                    f"severity of {code} must be error, warning or info, not {level!r}",
                    ("severity", code),
                )
        return levels

    def options(self, table: dict[str, Any]) -> dict[str, RuleOptions]:
        """Each rule's options, checked by the model the rule declares."""
        from pydantic import ConfigDict, TypeAdapter, ValidationError

        from .rules.base import option_defaults

        strict = ConfigDict(strict=True)  # `true`, not "yes"; a date, not a number

        value = table.get("options", {})
        if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
            self.fail(
                "`options` must hold one table per rule code, e.g. [options.NG601]", ("options",)
            )
        checked: dict[str, RuleOptions] = {}
        for code, given in value.items():
            rule = self.rule(code, "options")
            for name in given:
                if rule.Options is None or name not in option_defaults(rule.Options):
                    self.fail(_unknown_option(rule, name), ("options", code, name))
            if rule.Options is None:
                continue  # an empty table
            try:
                checked[code] = TypeAdapter(rule.Options, config=strict).validate_python(given)
            except ValidationError as error:
                first = error.errors()[0]
                name = str(first["loc"][0])
                self.fail(
                    f"option `{name}` of {code}: {first['msg'].removeprefix('Value error, ')} "
                    f"(got {given.get(name)!r})",
                    ("options", code, name),
                )
        return checked


def _unknown_option(rule: type[Rule], name: str) -> str:
    from .rules import ALL_RULES
    from .rules.base import option_defaults

    own = list(option_defaults(rule.Options)) if rule.Options else []
    listed = f"its options: {', '.join(own)}" if own else "it takes none"
    message = f"{rule.code} has no option {name!r} ({listed})"
    owners = [r.code for r in ALL_RULES if r.Options and name in option_defaults(r.Options)]
    if owners:
        return f"{message}; it is an option of {', '.join(owners)}"
    return message + _nearest(name, own)


_KEY = r'(?:"[^"]*"|\'[^\']*\'|[A-Za-z0-9_-]+)'
_HEADER = re.compile(rf"^\s*\[\[?\s*({_KEY}(?:\s*\.\s*{_KEY})*)\s*\]\]?")
_ASSIGNMENT = re.compile(rf"^\s*({_KEY}(?:\s*\.\s*{_KEY})*)\s*=")


def _parts(dotted: str) -> tuple[str, ...]:
    return tuple(p.strip().strip("\"'") for p in re.findall(_KEY, dotted))


class _KeyLocator:
    """Where a key is in a TOML file, by its path of keys: tomllib gives no positions.

    Reads table headers and `key = value` lines, and looks for keys of an inline table, and
    for a list item, on the line that opens them; enough for the settings we read.
    """

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def find(self, keys: tuple[str, ...], value: str | None = None) -> tuple[int, int] | None:
        """(line, column) of `keys` (and of the list item `value` there), else of the deepest
        of its tables found."""
        best: tuple[int, tuple[int, int]] | None = None  # (depth, position)
        table: tuple[str, ...] = ()
        for number, line in enumerate(self.lines, 1):
            header = _HEADER.match(line)
            assignment = None if header else _ASSIGNMENT.match(line)
            if header:
                table = _parts(header.group(1))
                path, rest_at = table, header.end(1)
            elif assignment:
                path, rest_at = table + _parts(assignment.group(1)), assignment.end()
            else:
                continue
            if not path or keys[: len(path)] != path:
                continue
            exact = self._inside(number, rest_at, keys[len(path) :], value)
            if exact:
                depth, position = len(keys) + 1, exact
            else:
                depth, position = len(path), (number, line.rfind(path[-1], 0, rest_at) + 1)
            if best is None or depth > best[0]:
                best = (depth, position)
        return best[1] if best else None

    def _inside(
        self, number: int, start: int, keys: tuple[str, ...], value: str | None
    ) -> tuple[int, int] | None:
        """The remaining `keys` of an inline table on line `number` after `start`, or the
        quoted `value` there or on the lines below before the next key."""
        line, column = self.lines[number - 1], start
        for key in keys:
            # No leading \s*: a hostile line of spaces must not make the search quadratic.
            key_at = re.compile(rf"(?<![\w\"'-])[\"']?{re.escape(key)}[\"']?\s*=")
            found = key_at.search(line, column)
            if not found:
                return None
            column = found.end()
        if keys:
            return number, line.rfind(keys[-1], 0, column) + 1
        if value is None:
            return None
        quoted = re.compile(rf"[\"']{re.escape(value)}[\"']")
        for index in range(number - 1, len(self.lines)):
            text = self.lines[index]
            if index > number - 1 and (_HEADER.match(text) or _ASSIGNMENT.match(text)):
                break
            found = quoted.search(text, column if index == number - 1 else 0)
            if found:
                return index + 1, found.start() + 1
        return None


def _common_length(path: tuple[str, ...], keys: tuple[str, ...]) -> int:
    length = 0
    for a, b in zip(path, keys, strict=False):
        if a != b:
            break
        length += 1
    return length
