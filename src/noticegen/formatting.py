"""`noticegen fmt`: rewrite notice files in the model's key order and one indentation style.

ruamel.yaml's round-trip mode keeps comments, quoting, flow-style mappings and block scalars.
Mappings that are already in the model's order are left exactly as they are, so a file written
by hand in that order comes back byte for byte. When keys move, a comment line travels with the
key above it (that is where ruamel.yaml attaches it); nothing is dropped.
"""

from __future__ import annotations

import io
import os
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML, YAMLError
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .folder import NOTICE_FILE, SUPPLEMENTS_DIR, supplement_files
from .fsutil import atomic_write_text
from .loading import unwrap_annotation
from .model import Notice, RetentionRule, Supplement
from .yamlsource import MAX_BYTES, parse_yaml

# Where the reading order people use differs from the model's field order, the canonical order
# follows the people: free-text `sections` come last, after the short `documents` list, and a
# retention rule names its event before its period ("after account closure, one year").
CANONICAL_ORDER: dict[type[BaseModel], tuple[str, ...]] = {
    Notice: (*(f for f in Notice.model_fields if f != "sections"), "sections"),
    RetentionRule: ("id", "data", "after", "period", "criteria", "legal_hold", "erasure"),
}


class FormatError(Exception):
    """A file cannot be formatted (unreadable, not YAML, or refused): a usage error."""


@dataclass(frozen=True)
class FormatResult:
    path: Path
    changed: bool


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    return yaml


def _move_trailing_comment(node: CommentedMap, old_last: Any, new_last: Any) -> None:
    """Comment lines and blank lines after a mapping belong to the end of the mapping, not
    to the key that happened to be last: keep them at the end when keys move."""
    if old_last == new_last:
        return
    entry = node.ca.items.get(old_last)
    if not entry or len(entry) < 3 or entry[2] is None or isinstance(node[old_last], (dict, list)):
        return
    token = entry[2]
    eol, newline, rest = token.value.partition("\n")
    if not rest and not newline:
        return
    token.value = eol + newline
    target = node.ca.items.setdefault(new_last, [None, None, None, None])
    if target[2] is None and not isinstance(node[new_last], (dict, list)):
        target[2] = type(token)("\n" + rest, token.start_mark, None)
    else:
        token.value = eol + newline + rest  # nowhere safe to move it: leave it where it was


def _reorder(node: Any, annotation: Any) -> None:
    kind = unwrap_annotation(annotation)
    origin = typing.get_origin(kind)
    if isinstance(kind, type) and issubclass(kind, BaseModel) and isinstance(node, CommentedMap):
        fields = kind.model_fields
        order = CANONICAL_ORDER.get(kind, tuple(fields))
        current = list(node)
        desired = [k for k in order if k in node] + [k for k in current if k not in order]
        if current != desired:
            for key in desired:
                node.move_to_end(key)
            _move_trailing_comment(node, current[-1], desired[-1])
        for key, value in node.items():
            if key in fields:
                _reorder(value, fields[key].annotation)
    elif origin is dict and isinstance(node, CommentedMap):
        item_type = typing.get_args(kind)[1]
        for value in node.values():
            _reorder(value, item_type)
    elif origin is list and isinstance(node, CommentedSeq):
        item_type = typing.get_args(kind)[0]
        for value in node:
            _reorder(value, item_type)


def format_text(text: str, model: type[BaseModel]) -> str:
    """The canonical form of one notice or supplement file's text."""
    parsed = parse_yaml(text)
    refusals = [p for p in parsed.problems if p.kind != "duplicate"]
    if refusals or not parsed.parsed_cleanly:
        problem = (refusals or parsed.problems)[0] if (refusals or parsed.problems) else None
        where = f"line {problem.position.line}: {problem.message}" if problem else "cannot parse"
        raise FormatError(where)
    if any(p.kind == "duplicate" for p in parsed.problems):
        raise FormatError("a key appears twice; fix it (see `noticegen lint`) before formatting")
    yaml = _yaml()
    try:
        data = yaml.load(text)
    except YAMLError as error:
        raise FormatError(str(error).splitlines()[0]) from error
    if data is None:
        return text
    _reorder(data, model)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _model_for(path: Path, text: str) -> type[BaseModel]:
    if path.parent.name == SUPPLEMENTS_DIR or text.lstrip().startswith("supplement:"):
        return Supplement
    return Notice


def notice_files(path: Path) -> list[Path]:
    """notice.yaml and the supplements of a notice folder, or the one file given."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise FormatError(f"{path}: no such file or directory")
    main = path / NOTICE_FILE
    if not main.is_file():
        raise FormatError(f"{path}: no {NOTICE_FILE} in this folder")
    return [main, *supplement_files(main)]


def format_paths(path: Path, *, write: bool) -> list[FormatResult]:
    """Format every file of the notice at `path`; with `write`, rewrite those that change.

    All files are checked before any is written, so a refused file leaves every file as it was.
    """
    planned: list[tuple[Path, str, str]] = []
    for file in notice_files(path):
        try:
            if file.stat().st_size > MAX_BYTES:
                raise FormatError(f"{file}: larger than {MAX_BYTES:,} bytes")
            text = file.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise FormatError(f"{file}: cannot read: {error}") from error
        try:
            formatted = format_text(text, _model_for(file, text))
        except FormatError as error:
            raise FormatError(f"{file}: {error}") from error
        planned.append((file, text, formatted))
    results = []
    for file, text, formatted in planned:
        changed = formatted != text
        if changed and write:
            mode = file.stat().st_mode
            atomic_write_text(file, formatted)
            os.chmod(file, mode)
        results.append(FormatResult(file, changed))
    return results
