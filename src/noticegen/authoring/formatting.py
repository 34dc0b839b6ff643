"""`noticegen fmt`: rewrite notice files in the model's key order and one indentation style.

ruamel.yaml's round-trip mode keeps comments, quoting, flow-style mappings and block scalars.
Mappings that are already in the model's order are left exactly as they are, so a file written
by hand in that order comes back byte for byte. When keys move, a comment line travels with the
key above it (that is where ruamel.yaml attaches it). ruamel.yaml drops a comment inside a flow
collection (`[en,  # source`): every comment of the input is looked for in the output, and a
file that would lose one is refused.
"""

from __future__ import annotations

import bisect
import io
import os
import re
import typing
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML, YAMLError
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.events import ScalarEvent

from ..model import Notice, RetentionRule, Supplement
from ..sources.folder import (
    NOTICE_FILE,
    SUPPLEMENTS_DIR,
    FolderFileRefused,
    read_folder_file,
    supplement_files,
)
from ..sources.fsutil import atomic_write_text
from ..sources.loading import unwrap_annotation
from ..sources.yamlsource import MAX_BYTES, parse_yaml

# Where the reading order people use differs from the model's field order, the canonical order
# follows the people: free-text `sections` come last, after the short `documents` list, and a
# retention rule names its event before its period ("after account closure, one year").
CANONICAL_ORDER: dict[type[BaseModel], tuple[str, ...]] = {
    Notice: (*(f for f in Notice.model_fields if f != "sections"), "sections"),
    RetentionRule: (
        "id",
        "data",
        "applies_to",
        "stored",
        "after",
        "period",
        "criteria",
        "legal_hold",
        "erasure",
    ),
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
    formatted = out.getvalue()
    kept = _comments(formatted)
    for line, comment in _comments_by_line(text):
        if kept[comment] == 0:
            # ruamel.yaml drops a comment inside a flow collection such as `[en,  # source`.
            raise FormatError(
                f"line {line}: the comment `{comment}` would be lost; move it to a line of its "
                "own above the value, or write the [...] or {...} collection as a block list "
                "or mapping"
            )
        kept[comment] -= 1
    return formatted


_COMMENT = re.compile(r"(?:^|(?<=[ \t]))#[^\n]*", re.MULTILINE)


def _comments_by_line(text: str) -> list[tuple[int, str]]:
    """Each comment of a YAML text with its line: a `#` at the start of a line or after a space
    or tab, outside every scalar (a quoted or block scalar may hold ` #` as text)."""
    scalars = [
        (event.start_mark.index, event.end_mark.index)
        for event in YAML(typ="safe", pure=True).parse(text)
        if isinstance(event, ScalarEvent)
    ]
    starts = [start for start, _ in scalars]
    found = []
    for match in _COMMENT.finditer(text):
        before = bisect.bisect_right(starts, match.start()) - 1
        if before >= 0 and match.start() < scalars[before][1]:
            continue
        found.append((text.count("\n", 0, match.start()) + 1, match.group().rstrip()))
    return found


def _comments(text: str) -> Counter[str]:
    return Counter(comment for _, comment in _comments_by_line(text))


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
    root = path if path.is_dir() else path.parent
    for file in notice_files(path):
        try:
            text = read_folder_file(root, file, MAX_BYTES).decode("utf-8")
        except FolderFileRefused as refused:
            raise FormatError(f"{file}: {refused}") from refused
        except UnicodeDecodeError as error:
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
            # A link that stays in the folder stays a link: the file it names is rewritten.
            target = Path(os.path.realpath(file))
            try:
                mode = target.stat().st_mode
                atomic_write_text(target, formatted)
                os.chmod(target, mode)
            except OSError as error:  # a full disk or a read-only folder: the file is as it was
                raise FormatError(f"{file}: cannot write: {error.strerror or error}") from error
        results.append(FormatResult(file, changed))
    return results
