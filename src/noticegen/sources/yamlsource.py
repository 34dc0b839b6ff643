"""Parse YAML text into plain Python data and a map from each node's path to its position.

The tree is built from ruamel.yaml's event stream rather than its constructors so that every
hostile-input guard (explicit tags, alias expansion, nesting depth, duplicate keys) is applied
while parsing, before anything walks the data.

Events come from libyaml when ruamel's binding to it is installed (`ruamel.yaml[libyaml]`,
about 20 times faster) and from ruamel's pure-Python parser otherwise. Where both accept a
text they give the same events (tests/test_properties.py checks it), and libyaml accepts a tab
after a value, as YAML allows and ruamel does not. libyaml follows YAML 1.1 and refuses a few
YAML 1.2 forms, such as a `:` inside a plain scalar in a flow collection
(`{url: https://example.com}`): whenever it reports an error, the pure parser reads the text
again and decides, so every syntax error's message and position is ruamel's.
"""

from __future__ import annotations

import datetime
import io
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ruamel.yaml import YAML, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from ..model.findings import Position

try:
    from _ruamel_yaml_clibz import CParser as _LibyamlParser
except ImportError:  # optional: the pure parser gives the same result, more slowly
    _LibyamlParser = None

Path = tuple[str | int, ...]

MAX_BYTES = 1_000_000
MAX_DEPTH = 32
MAX_ALIASES = 100
MAX_EXPANDED_NODES = 50_000
MAX_DUPLICATES = 100
# A long privacy notice holds a few thousand values and sections of a few thousand characters;
# the benchmark's 2,000 data categories make 30,000 values, none in a list of over 2,017. A
# stranger's file at these caps still lints in seconds.
MAX_TEXT_CHARS = 100_000
MAX_ENTRIES = 5_000
MAX_VALUES = 100_000

_NULL = re.compile(r"^(~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_OCT = re.compile(r"^0o[0-7]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(inf|Inf|INF)$")
_NAN = re.compile(r"^\.(nan|NaN|NAN)$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MAX_INT_DIGITS = 100
_NON_TEXT_STARTS = frozenset("~nNtTfF+-.0123456789")
# ruamel's scanner looks ahead across a run of opening brackets (quadratically, up to about 1,000
# of them) before the parser reports the first event, so `[[[[...` costs 0.4 s before the depth
# cap can apply. Such a run is refused up front; the threshold leaves room for brackets in prose.
FLOW_RUN_LIMIT = 4 * MAX_DEPTH
_FLOW_RUN = re.compile(r"(?:[\[{][ \t\r\n]*){" + str(FLOW_RUN_LIMIT + 1) + "}")
# Characters YAML 1.1 (libyaml) reads as line breaks or skips, and YAML 1.2 keeps as text.
_YAML_1_1_ONLY = re.compile("[\x85\u2028\u2029\ufeff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


class YamlProblem(NamedTuple):
    """A problem found while parsing; the loader turns it into a finding."""

    kind: str
    message: str
    position: Position
    hint: str = ""


@dataclass
class ParsedYaml:
    """Plain data, positions of keys and values by path, and the problems met on the way."""

    data: Any = None
    key_positions: dict[Path, Position] = field(default_factory=dict)
    value_positions: dict[Path, Position] = field(default_factory=dict)
    problems: list[YamlProblem] = field(default_factory=list)
    parsed_cleanly: bool = False

    def position(self, path: Path, *, prefer_value: bool = False) -> Position:
        """The position of the node at `path`, or of its nearest ancestor that exists."""
        probe = path
        while probe:
            first = self.value_positions if prefer_value else self.key_positions
            second = self.key_positions if prefer_value else self.value_positions
            if probe in first:
                return first[probe]
            if probe in second:
                return second[probe]
            probe = probe[:-1]
        return self.value_positions.get((), Position(1, 1))


class _Refused(Exception):
    def __init__(self, problem: YamlProblem) -> None:
        self.problem = problem


def _pos(event: Event) -> Position:
    mark = event.start_mark
    return Position(mark.line + 1, mark.column + 1) if mark else Position(1, 1)


def _as_written(tag: str) -> str:
    """The short form the author wrote (`!!str`) rather than the resolved URI."""
    return (
        "!!" + tag.removeprefix("tag:yaml.org,2002:")
        if tag.startswith("tag:yaml.org,2002:")
        else tag
    )


def _resolve_plain(value: str) -> Any:
    if value and value[0] not in _NON_TEXT_STARTS:
        return value  # most values are words and ids: skip the patterns below
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        # Python refuses to convert very long digit strings; no notice value is that long.
        return int(value) if len(value) <= _MAX_INT_DIGITS else value
    if _OCT.match(value):
        return int(value[2:], 8)
    if _HEX.match(value):
        return int(value[2:], 16)
    if _FLOAT.match(value):
        return float(value)
    if _INF.match(value):
        return -math.inf if value.startswith("-") else math.inf
    if _NAN.match(value):
        return math.nan
    if _DATE.match(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _is_empty(event: Event) -> bool:
    return isinstance(event, ScalarEvent) and not event.style and event.value == ""


def _refuse_surrogates(event: ScalarEvent) -> None:
    """A `\\ud800` escape yields text that cannot be written out as UTF-8 again."""
    if not event.value.isascii() and _SURROGATE.search(event.value):
        raise _Refused(
            YamlProblem(
                "syntax",
                "The text contains an escaped surrogate code point (`\\ud800`-`\\udfff`), "
                "which is not a character.",
                _pos(event),
                "Write the character itself, or escape it as one `\\U` code point.",
            )
        )


def _flow_run_problem(text: str) -> YamlProblem | None:
    match = _FLOW_RUN.search(text)
    if match is None:
        return None
    before = text[: match.start()]
    line = before.count("\n") + 1
    column = match.start() - (before.rfind("\n") + 1) + 1
    return YamlProblem(
        "too-large",
        f"The YAML opens more than {FLOW_RUN_LIMIT} brackets in a row.",
        Position(line, column),
        "A notice never needs this much nesting; flatten the structure.",
    )


def _count_entry(before: int, event: Event) -> None:
    if before >= MAX_ENTRIES:
        raise _Refused(
            YamlProblem(
                "too-large",
                f"More than {MAX_ENTRIES:,} entries in one list or mapping; stopped reading here.",
                _pos(event),
                "A notice never needs this many; split or simplify the file.",
            )
        )


class _Builder:
    def __init__(self, events: Iterator[Event], result: ParsedYaml) -> None:
        self.events = events
        self.result = result
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.aliases = 0
        self.expanded = 0
        self.duplicates = 0
        self.values = 0

    def document(self) -> Any:
        data = None
        for event in self.events:
            if isinstance(event, DocumentStartEvent):
                data = self.node(next(self.events), (), 0)[0]
                break
            if isinstance(event, StreamEndEvent):
                return None
        for event in self.events:
            if isinstance(event, DocumentStartEvent):
                raise _Refused(
                    YamlProblem(
                        "syntax",
                        "The file holds more than one YAML document (a second `---`).",
                        _pos(event),
                        "A notice file is one document: remove the `---` line and what "
                        "follows, or move it to its own file.",
                    )
                )
            if not isinstance(event, DocumentEndEvent):
                break
        return data

    def node(self, event: Event, path: Path, depth: int) -> tuple[Any, int]:
        """Build the node that starts with `event`; return it and its expanded size."""
        if depth > MAX_DEPTH:
            raise _Refused(
                YamlProblem(
                    "too-large",
                    f"The YAML is nested more than {MAX_DEPTH} levels deep.",
                    _pos(event),
                    "A notice never needs this much nesting; flatten the structure.",
                )
            )
        # An empty document's implicit value has no place of its own (libyaml puts it on the next
        # line, the pure parser after `---` or after its anchor): both name the start of the file.
        empty_document = path == () and isinstance(event, ScalarEvent) and not event.value
        where = Position(1, 1) if empty_document else _pos(event)
        self.result.value_positions.setdefault(path, where)
        self.values += 1
        if self.values > MAX_VALUES:
            raise _Refused(
                YamlProblem(
                    "too-large",
                    f"The file holds more than {MAX_VALUES:,} values; stopped reading here.",
                    _pos(event),
                    "A notice never needs this many; split or simplify the file.",
                )
            )
        tag = getattr(event, "tag", None)
        if tag and not isinstance(event, AliasEvent):
            raise _Refused(
                YamlProblem(
                    "tag",
                    f"Explicit YAML tag `{_as_written(str(tag))}` is not allowed in a notice.",
                    where,
                    "Remove the tag; write the value as plain text, a list or a mapping.",
                )
            )
        if isinstance(event, AliasEvent):
            return self.alias(event)
        if isinstance(event, ScalarEvent):
            _refuse_surrogates(event)
            if len(event.value) > MAX_TEXT_CHARS:
                raise _Refused(
                    YamlProblem(
                        "too-large",
                        f"This text is {len(event.value):,} characters long; a single value "
                        f"may be at most {MAX_TEXT_CHARS:,}.",
                        _pos(event),
                        "Split the text into sections.",
                    )
                )
            value: Any = event.value
            if not event.style and event.implicit[0]:
                value = _resolve_plain(event.value)
            built: tuple[Any, int] = (value, 1)
        elif isinstance(event, SequenceStartEvent):
            built = self.sequence(path, depth)
        elif isinstance(event, MappingStartEvent):
            built = self.mapping(event, path, depth)
        else:  # pragma: no cover - the parser only starts nodes with the events above
            raise _Refused(YamlProblem("syntax", "Unexpected YAML structure.", _pos(event)))
        anchor = getattr(event, "anchor", None)
        if anchor:
            self.anchors[anchor] = built
        return built

    def alias(self, event: AliasEvent) -> tuple[Any, int]:
        self.aliases += 1
        target = self.anchors.get(event.anchor)
        if target is None:
            raise _Refused(
                YamlProblem("syntax", f"Alias `*{event.anchor}` has no anchor.", _pos(event))
            )
        self.expanded += target[1]
        if self.aliases > MAX_ALIASES or self.expanded > MAX_EXPANDED_NODES:
            raise _Refused(
                YamlProblem(
                    "aliases",
                    "YAML aliases expand beyond the allowed size "
                    f"({MAX_ALIASES} aliases or {MAX_EXPANDED_NODES} nodes).",
                    _pos(event),
                    "Write the values out instead of repeating them with aliases.",
                )
            )
        return target

    def sequence(self, path: Path, depth: int) -> tuple[list[Any], int]:
        items: list[Any] = []
        size = 1
        for event in self.events:
            if isinstance(event, SequenceEndEvent):
                return items, size
            _count_entry(len(items), event)
            item_path = (*path, len(items))
            self.result.key_positions[item_path] = _pos(event)
            value, n = self.node(event, item_path, depth + 1)
            items.append(value)
            size += n
        return items, size

    def mapping(self, start: Event, path: Path, depth: int) -> tuple[dict[Any, Any], int]:
        mapping: dict[Any, Any] = {}
        size = 1
        for key_event in self.events:
            if isinstance(key_event, MappingEndEvent):
                return mapping, size
            _count_entry(len(mapping), key_event)
            if not isinstance(key_event, ScalarEvent):
                raise _Refused(
                    YamlProblem(
                        "type",
                        "A key must be plain text, not a list or a mapping.",
                        _pos(key_event),
                    )
                )
            _refuse_surrogates(key_event)
            key = key_event.value
            if not key_event.style and key_event.implicit[0]:
                resolved = _resolve_plain(key)
                key = key if isinstance(resolved, (datetime.date, float)) else resolved
            value_event = next(self.events)
            if key in mapping:
                self.duplicates += 1
                if self.duplicates > MAX_DUPLICATES:
                    raise _Refused(
                        YamlProblem(
                            "duplicate",
                            f"More than {MAX_DUPLICATES} duplicate keys; stopped reading here.",
                            _pos(key_event),
                        )
                    )
                first = self.result.key_positions.get((*path, key))
                where = f" (first defined at line {first.line})" if first else ""
                self.result.problems.append(
                    YamlProblem(
                        "duplicate",
                        f"Key `{key}` appears twice in the same mapping{where}; "
                        "only one value can apply.",
                        _pos(key_event),
                        "Merge the two entries or rename one of them.",
                    )
                )
                self.node(value_event, (*path, f"{key}#dup"), depth + 1)
                continue
            self.result.key_positions[(*path, key)] = _pos(key_event)
            value, n = self.node(value_event, (*path, key), depth + 1)
            if _is_empty(value_event):
                # An empty value has no text of its own: point at its key, not the next line.
                self.result.value_positions[(*path, key)] = _pos(key_event)
            mapping[key] = value
            size += n
        return mapping, size


def _syntax_problem(error: YAMLError) -> YamlProblem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    position = Position(mark.line + 1, mark.column + 1) if mark else Position(1, 1)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    context = getattr(error, "context", None)
    message = f"YAML syntax error: {problem}" + (f" ({context})" if context else "")
    tab = "\\t" in str(problem) or "tab" in str(problem)
    hint = "Replace the tab with spaces (tabs may not indent, nor follow a value)." if tab else ""
    return YamlProblem("syntax", message, position, hint)


def _build(events: Iterator[Event]) -> ParsedYaml:
    """The data and positions from an event stream; parser errors propagate."""
    result = ParsedYaml()
    try:
        result.data = _Builder(events, result).document()
        result.parsed_cleanly = True
    except _Refused as refused:
        result.problems.append(refused.problem)
        result.data = None
    return result


def _libyaml_events(text: str) -> Iterator[Event]:
    parser = _LibyamlParser(io.StringIO(text))
    while parser.check_event():
        yield parser.get_event()


def parse_yaml(text: str, *, use_libyaml: bool = True) -> ParsedYaml:
    """Parse one YAML document; problems are recorded, never raised."""
    too_deep = _flow_run_problem(text)
    if too_deep is not None:
        return ParsedYaml(problems=[too_deep])
    if use_libyaml and _LibyamlParser is not None and not _YAML_1_1_ONLY.search(text):
        try:
            return _build(_libyaml_events(text))
        except (YAMLError, UnicodeError):  # UnicodeError: a lone surrogate cannot go to C
            pass  # the pure parser decides, and words the error
    try:
        # ruamel's plain (not round-trip) parser: comments are not needed here, and it is faster
        return _build(iter(YAML(typ="safe", pure=True).parse(io.StringIO(text))))
    except YAMLError as error:
        return ParsedYaml(problems=[_syntax_problem(error)])
    except AssertionError:  # ruamel asserts rather than raises on `%YAML 1.3`
        return ParsedYaml(problems=[_directive_problem(text)])


_YAML_DIRECTIVE = re.compile(r"^%YAML\b[^\n]*", re.MULTILINE)


def _directive_problem(text: str) -> YamlProblem:
    directive = _YAML_DIRECTIVE.search(text)
    line = text.count("\n", 0, directive.start()) + 1 if directive else 1
    written = f" `{directive.group().strip()}`" if directive else ""
    return YamlProblem(
        "syntax",
        f"YAML syntax error: the YAML version directive{written} names a version other than "
        "1.1 or 1.2.",
        Position(line, 1),
        "Remove the `%YAML` line: a notice is read as YAML 1.2.",
    )
