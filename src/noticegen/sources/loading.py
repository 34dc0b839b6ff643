"""Read a notice folder (or a single file) into the model; every problem becomes a finding."""

from __future__ import annotations

import difflib
import functools
import os
import re
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, StringConstraints, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from ..lint.rules import schema
from ..lint.rules.base import Rule
from ..model import Notice, Supplement
from ..model.findings import Finding, Position
from .folder import (
    LINK_OUTSIDE,
    LINK_OUTSIDE_HINT,
    NOTICE_FILE,
    SUPPLEMENTS_DIR,
    FolderFileRefused,
    leads_outside,
    read_folder_file,
    supplement_files,
)
from .yamlsource import MAX_BYTES, ParsedYaml, YamlProblem, parse_yaml

M = TypeVar("M", bound=BaseModel)
PathT = tuple[str | int, ...]

MAX_VALIDATION_FINDINGS = 500
"""Beyond this many schema problems in one file the rest are counted, not listed."""

_PROBLEM_RULES: dict[str, type[Rule]] = {
    "syntax": schema.YamlSyntaxError,
    "duplicate": schema.DuplicateKey,
    "tag": schema.ExplicitTag,
    "aliases": schema.AliasLimit,
    "too-large": schema.InputTooLarge,
    "type": schema.InvalidValue,
    "unreadable": schema.UnreadableFile,
}


class NoticeNotFound(Exception):
    """The path given is not a notice: a usage error, not a finding."""


@dataclass
class SourceFile:
    """One YAML file of the notice: its display path, text and parsed positions."""

    path: str
    text: str = ""
    parsed: ParsedYaml = field(default_factory=ParsedYaml)

    def position(self, path: tuple[str | int, ...], *, prefer_value: bool = False) -> Position:
        return self.parsed.position(path, prefer_value=prefer_value)

    @functools.cached_property
    def folded_lines(self) -> list[str]:
        """The lines of the text in lower case, split once for every quote looked up."""
        return self.text.lower().splitlines()


@dataclass
class LoadedNotice:
    """What loading produced: the model where it validated, and the findings either way."""

    root: Path
    main: SourceFile
    notice: Notice | None
    supplements: list[tuple[SourceFile, Supplement]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    partial: Partial[Notice] | None = None
    """What validated of a notice that did not (`notice` is then None): for lint only."""
    partial_supplements: list[tuple[SourceFile, Partial[Supplement]]] = field(default_factory=list)
    """What validated of each supplement that did not: for lint only."""

    def source(self, relative: str | None) -> SourceFile:
        """The source file for a path relative to the notice folder (None: the main file)."""
        if relative is None:
            return self.main
        for source, _ in [*self.supplements, *self.partial_supplements]:
            if Path(source.path) == self.root / relative:
                return source
        return SourceFile(str(self.root / relative))


def finding(
    rule: type[Rule], message: str, file: str, position: Position, hint: str = ""
) -> Finding:
    return Finding(
        rule=rule.code,
        name=rule.name,
        severity=rule.severity,
        message=_LINE_BREAKING.sub(_escaped, message),
        file=file,
        position=position,
        citation=rule.citation,
        hint=hint or rule.hint,
    )


# A message quotes keys and values as written: a line break or control character in one must
# not start a line of its own in the report (where it could pass for another finding).
_LINE_BREAKING = re.compile("[\x00-\x1f\x7f\x85\u2028\u2029]")


def _escaped(match: re.Match[str]) -> str:
    return match.group().encode("unicode_escape").decode("ascii")


def locate(path: Path) -> tuple[Path, Path]:
    """Return the notice folder and its main file for a folder or a single YAML file."""
    try:
        if not path.exists():
            raise NoticeNotFound(f"{path}: no such file or directory")
        # Only a file beside a notice is a supplement: any other folder may be named so.
        in_notice = (path.parent.parent / NOTICE_FILE).is_file()
        if path.is_file() and path.parent.name == SUPPLEMENTS_DIR and in_notice:
            raise NoticeNotFound(
                f"{path} is a supplement; check it with its notice: "
                f"noticegen lint {path.parent.parent}"
            )
        if path.is_file():
            return path.parent, path
        if not path.is_dir():
            raise NoticeNotFound(f"{path}: not a folder or a YAML file")
        main = path / NOTICE_FILE
        if not main.is_file():
            raise NoticeNotFound(f"{path}: no {NOTICE_FILE} in this folder")
    except OSError as error:  # e.g. a folder that may not be listed
        raise NoticeNotFound(f"{path}: {error.strerror or error}") from error
    return path, main


def read_source(path: Path, root: Path | None = None) -> tuple[SourceFile, list[Finding]]:
    """Read and parse one YAML file of the notice folder `root` (by default the file's own
    folder), refusing what leads outside it, is too large, binary or not UTF-8."""
    display = os.fspath(path)
    source = SourceFile(display)
    try:
        raw = read_folder_file(path.parent if root is None else root, path, MAX_BYTES)
    except FolderFileRefused as refused:
        rule = schema.InputTooLarge if refused.too_large else schema.UnreadableFile
        return source, [finding(rule, str(refused), display, Position(1, 1), refused.hint)]
    if b"\x00" in raw:
        return source, [
            finding(
                schema.UnreadableFile, "The file is binary, not YAML text.", display, Position()
            )
        ]
    try:
        source.text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        # columns count characters: the bytes before the bad one are valid UTF-8
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8")) + 1
        return source, [
            finding(
                schema.UnreadableFile,
                f"The file is not UTF-8: byte 0x{raw[error.start]:02x} cannot be decoded.",
                display,
                Position(line, column),
            )
        ]
    source.text = source.text.removeprefix("\ufeff")
    source.parsed = _parse(source.text)
    return source, [_problem_finding(p, display) for p in source.parsed.problems]


@functools.lru_cache(maxsize=16)
def _parse(text: str) -> ParsedYaml:
    """Parsed once per process: the review rules load the committed copy of the notice, which is
    usually the very same text. (Nothing downstream modifies a ParsedYaml.)"""
    return parse_yaml(text)


def _problem_finding(problem: YamlProblem, file: str) -> Finding:
    rule = _PROBLEM_RULES[problem.kind]
    return finding(rule, problem.message, file, problem.position, problem.hint)


def validate(model: type[M], source: SourceFile, what: str) -> tuple[M | None, list[Finding]]:
    """Validate parsed data against a model; map each error back to its YAML position."""
    valid, _, findings = validate_partly(model, source, what)
    return valid, findings


def validate_partly(
    model: type[M], source: SourceFile, what: str
) -> tuple[M | None, Partial[M] | None, list[Finding]]:
    """`validate`, and where the data is a mapping that did not validate, what did."""
    data = source.parsed.data
    if data is None and source.parsed.parsed_cleanly:
        return (
            None,
            None,
            [
                finding(
                    schema.MissingField,
                    f"The {what} file has no content.",
                    source.path,
                    Position(1, 1),
                    f"Start from `noticegen init`, or write the {what}'s top-level sections.",
                )
            ],
        )
    if data is None:
        return None, None, []
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        return (
            None,
            None,
            [
                finding(
                    schema.InvalidValue,
                    f"The {what} file holds {kind}; it must be a mapping of sections "
                    "(`notice:`, `controller:`, ...).",
                    source.path,
                    Position(1, 1),
                )
            ],
        )
    try:
        return model.model_validate(data), None, []
    except ValidationError as error:
        errors = error.errors(include_url=False)
        findings = [_error_finding(model, source, e) for e in errors[:MAX_VALIDATION_FINDINGS]]
        if len(errors) > MAX_VALIDATION_FINDINGS:
            last = findings[-1]
            findings.append(
                finding(
                    schema.InvalidValue,
                    f"{len(errors) - MAX_VALIDATION_FINDINGS:,} more problems in this file are "
                    "not listed; fix the ones above first.",
                    source.path,
                    last.position,
                )
            )
        builder = _PartialBuilder({_data_path(tuple(e["loc"]), data) for e in errors})
        partial = Partial(builder.model(model, data, ()), frozenset(builder.left_out))
        return None, partial, findings


@dataclass(frozen=True)
class Partial(Generic[M]):
    """A model built from the parts of a file that validated, for lint only: every value the
    loader reported is left out, so that the rules that do not read it still run.

    A value left out is absent from its model, not None: a rule that reads it stops there
    (`linting.run_rule`), as its finding would rest on a fact the notice does not give, and the
    loader's finding already says what is wrong; a finding at or under a left-out path is
    dropped too. Left out are a field whose value is invalid or missing, a mapping entry whose
    key or value is invalid, and a whole list holding an invalid item (dropping only the item
    would shift the positions of the items after it). A model whose own cross-field check
    failed keeps its fields as written. Nothing is published or exported from it:
    `LoadedNotice.notice` stays None."""

    model: M
    left_out: frozenset[PathT]
    """Where the values left out were, as paths into the file's data."""


class _Unusable(Exception):
    """The value cannot be built: its nearest field or mapping entry is left out."""


class _PartialBuilder:
    """One pass over the data, guided by the validation errors: linear in the file's size, so
    hostile input cannot make it loop."""

    def __init__(self, bad: set[PathT]) -> None:
        self.bad = bad
        self.touched = {path[:end] for path in bad for end in range(len(path) + 1)}
        """Every path at or above an error, looked up once per value."""
        self.left_out: set[PathT] = set()

    def model(self, model: type[M], data: dict[str, Any], at: PathT) -> M:
        values = {}
        for name, value in data.items():
            info = model.model_fields.get(name)
            if info is None:
                continue  # an unknown key, reported as such
            try:
                values[name] = self.value(info.rebuild_annotation(), value, (*at, name))
            except (_Unusable, ValidationError):
                self.left_out.add((*at, name))
        missing = {name for name, info in model.model_fields.items() if info.is_required()}
        self.left_out.update((*at, name) for name in missing - set(values))
        built = model.model_construct(**values)
        for name in model.model_fields:
            if (*at, name) in self.left_out:
                built.__dict__.pop(name, None)  # absent, so that reading it stops the rule
        return built

    def value(self, annotation: Any, data: Any, at: PathT) -> Any:
        if at not in self.touched:
            return _adapter(annotation).validate_python(data)
        kind = _only_kind(annotation)
        if isinstance(kind, type) and issubclass(kind, BaseModel) and isinstance(data, dict):
            return self.model(kind, data, at)
        if at in self.bad:
            raise _Unusable
        origin, args = typing.get_origin(kind), typing.get_args(kind)
        if origin is dict and isinstance(data, dict):
            built = {}
            for key, item in data.items():
                try:
                    if (*at, key, "[key]") in self.bad:
                        raise _Unusable
                    built[_adapter(args[0]).validate_python(key)] = self.value(
                        args[1], item, (*at, key)
                    )
                except (_Unusable, ValidationError):
                    self.left_out.add((*at, key))
            return built
        if origin is list and isinstance(data, list):
            return [self.value(args[0], item, (*at, i)) for i, item in enumerate(data)]
        raise _Unusable


@functools.cache
def _adapter(annotation: Any) -> TypeAdapter[Any]:
    return TypeAdapter(annotation)


def _only_kind(annotation: Any) -> Any:
    """The one type a value of `annotation` may have besides None, or None if it may have
    several (a value of a union with an error inside is left out whole)."""
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _only_kind(options[0]) if len(options) == 1 else None
    return annotation


# Pydantic names the branch of a union or validator it tried ("function-after[...]") in the
# location. A key of the notice may look the same, so a step is left out only where the data
# has no such key.
_PYDANTIC_STEP = re.compile(r"[a-z][a-z0-9_-]*\[.*\]", re.DOTALL)


def _data_path(loc: tuple[Any, ...], data: Any) -> tuple[Any, ...]:
    """Where a validation error is, as a path into the YAML data."""
    path = []
    for step in loc:
        if _holds(data, step):
            data = data[step]
        elif isinstance(step, str) and _PYDANTIC_STEP.fullmatch(step):
            continue
        else:
            data = None
        path.append(step)
    return tuple(path)


def _holds(data: Any, step: Any) -> bool:
    if isinstance(data, dict):
        return step in data
    return isinstance(data, list) and isinstance(step, int) and 0 <= step < len(data)


def _error_finding(model: type[BaseModel], source: SourceFile, error: Any) -> Finding:
    loc = _data_path(tuple(error["loc"]), source.parsed.data)
    kind = error["type"]
    dotted = ".".join(str(x) for x in loc if x != "[key]")
    if kind == "extra_forbidden":
        key = error["loc"][-1]  # the unknown key itself, whatever it looks like
        known = _known_fields(model, loc[:-1])
        close = difflib.get_close_matches(str(key), known, n=1)
        where = f" in `{'.'.join(str(x) for x in loc[:-1])}`" if len(loc) > 1 else ""
        hint = f"Did you mean `{close[0]}`?" if close else "Known keys here: " + ", ".join(known)
        return finding(
            schema.UnknownKey,
            f"Unknown key `{key}`{where}: the notice format has no such field.",
            source.path,
            source.position(loc),
            hint,
        )
    if kind == "missing":
        return finding(
            schema.MissingField,
            f"Required field `{loc[-1]}` is missing"
            + (f" from `{'.'.join(str(x) for x in loc[:-1])}`." if len(loc) > 1 else "."),
            source.path,
            source.position(loc[:-1]),
            f"Add `{loc[-1]}`.",
        )
    if loc and loc[-1] == "[key]":
        return finding(
            schema.InvalidValue,
            f"`{loc[-2]}` in `{'.'.join(str(x) for x in loc[:-2])}` is not a valid id: "
            "use lower-case letters, digits, '_' or '-', with '.' between levels.",
            source.path,
            source.position(loc[:-1]),
        )
    hint = ""
    if isinstance(error.get("input"), float) and loc and loc[-1] in ("version",):
        hint = 'Quote version numbers, e.g. "1.10", so YAML does not read them as numbers.'
    message = str(error["msg"])
    expected = _FORMS.get(str(error.get("ctx", {}).get("pattern")))
    if kind == "string_pattern_mismatch" and expected:
        message = f"`{error['input']}` is not {expected[0].lower()}{expected[1:].rstrip('.')}"
    return finding(
        schema.InvalidValue,
        f"`{dotted}`: {message}." if dotted else f"{message}.",
        source.path,
        source.position(loc, prefer_value=True),
        hint,
    )


def _forms() -> dict[str, str]:
    """What each constrained kind of text of the model must look like, in words, by pattern
    (e.g. the description of `Email`): said instead of the pattern itself."""
    from ..model import base

    forms = {}
    for kind in vars(base).values():
        metadata = getattr(kind, "__metadata__", ())
        patterns = [m.pattern for m in metadata if isinstance(m, StringConstraints) and m.pattern]
        words = [m.description for m in metadata if isinstance(m, FieldInfo) and m.description]
        if patterns and words:
            forms[str(patterns[0])] = words[0]
    return forms


_FORMS = _forms()


def _known_fields(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The field names of the model found by walking `loc` through the annotations."""
    current: Any = model
    for part in loc:
        current = unwrap_annotation(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(str(part))
            if info is None:
                return []
            current = info.annotation
        else:
            args = typing.get_args(current)
            current = args[-1] if args else None
    current = unwrap_annotation(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return sorted(current.model_fields)
    return []


def unwrap_annotation(annotation: Any) -> Any:
    """Strip Optional and Annotated down to the type that has fields or items."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = options[0]
        else:
            return annotation


def load(path: Path) -> LoadedNotice:
    """Load a notice folder or file. Raises NoticeNotFound only for a path that is no notice."""
    root, main_path = locate(path)
    main, findings = read_source(main_path, root)
    notice, partial, problems = validate_partly(Notice, main, "notice")
    findings += problems
    loaded = LoadedNotice(root, main, notice, findings=findings, partial=partial)
    supplements = root / SUPPLEMENTS_DIR
    if main_path.name == NOTICE_FILE and supplements.is_dir() and leads_outside(root, supplements):
        message, where = LINK_OUTSIDE.format(what="folder"), os.fspath(supplements)
        loaded.findings.append(
            finding(schema.UnreadableFile, message, where, Position(1, 1), LINK_OUTSIDE_HINT)
        )
    for file in supplement_files(main_path):
        if _LINE_BREAKING.search(file.name):
            # Each finding names its file on one line: such a name could forge another finding.
            shown = _LINE_BREAKING.sub(_escaped, os.fspath(file))
            message = "The file name holds a line break or control character; it is not read."
            rename = "Rename the file with letters, digits, '-' or '_'."
            loaded.findings.append(
                finding(schema.UnreadableFile, message, shown, Position(1, 1), rename)
            )
            continue
        source, file_findings = read_source(file, root)
        supplement, partial_supplement, problems = validate_partly(Supplement, source, "supplement")
        loaded.findings += file_findings + problems
        if supplement is not None:
            loaded.supplements.append((source, supplement))
        if partial_supplement is not None:
            loaded.partial_supplements.append((source, partial_supplement))
    return loaded
