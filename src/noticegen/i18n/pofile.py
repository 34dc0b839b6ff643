"""Reading a PO catalog the way a linter needs it: every problem with its line, never a crash.

Babel's reader prints warnings and silently merges duplicate entries; this one records each
problem (syntax, duplicate entry, plural header) at its 1-based line instead.
"""

from __future__ import annotations

import gettext
import io
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileParser, normalize, unescape, write_po

from ..folder import FolderFileRefused, read_folder_file
from . import languages

MAX_BYTES = 2_000_000
_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')
_KEYWORD = re.compile(r"^(msgctxt|msgid|msgid_plural|msgstr(\[\d+\])?)$")
_PLURAL_VALUE = re.compile(r"^\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?)\s*;?\s*$")


class PoProblem(NamedTuple):
    line: int
    kind: str
    """`syntax`, `duplicate` or `plural`."""
    message: str


@dataclass
class PoFile:
    """A parsed catalog (None when it could not be read at all) and its problems."""

    path: Path
    catalog: Catalog | None
    problems: list[PoProblem] = field(default_factory=list)


class _CheckingParser(PoFileParser):
    """Babel's parser, recording problems instead of printing them."""

    def __init__(self, catalog: Catalog) -> None:
        super().__init__(catalog, ignore_obsolete=True, abort_invalid=False)
        self.problems: list[PoProblem] = []

    def _reset_message_state(self) -> None:
        super()._reset_message_state()
        self.entry_broken = False
        self.previous: list[str] = []

    def _process_comment(self, line: str) -> None:
        # Babel reads `#| msgid` (the source a fuzzy entry was translated from) as a user
        # comment; keep it as the previous msgid instead.
        if not line.startswith("#|"):
            super()._process_comment(line)
            return
        self._finish_current_message()
        keyword, _, argument = line[2:].strip().partition(" ")
        if keyword == "msgid" or (keyword.startswith('"') and self.previous):
            quoted = argument if keyword == "msgid" else line[2:].strip()
            if _QUOTED.fullmatch(quoted.strip()):
                self.previous.append(unescape(quoted.strip()))

    def _invalid_pofile(self, line: str, lineno: int, msg: str) -> None:
        # A broken line already explains why its entry then lacks a msgstr.
        if not (self.entry_broken and msg.startswith("missing msgstr")):
            self.problems.append(PoProblem(lineno + 1, "syntax", msg[:1].upper() + msg[1:] + "."))
        self.entry_broken = True

    def _process_message_line(self, lineno: int, line: str, obsolete: bool = False) -> None:
        if line and not obsolete:
            keyword, _, argument = ("", "", line) if line[0] == '"' else line.partition(" ")
            if keyword and not _KEYWORD.match(keyword):
                self._invalid_pofile(line, lineno, f"unknown keyword `{keyword}`")
                return
            if not _QUOTED.fullmatch(argument.strip()):
                self._invalid_pofile(line, lineno, "the text is not a complete quoted string")
                if keyword.startswith("msgstr"):
                    # Keep the entry's shape so that later entries still parse.
                    super()._process_message_line(lineno, f'{keyword} ""', obsolete)
                return
        super()._process_message_line(lineno, line, obsolete)

    def _add_message(self) -> None:
        previous = "".join(self.previous)
        if not self.obsolete and self.messages:
            msgid = self.messages[0].denormalize()
            context = self.context.denormalize() if self.context else None
            if msgid and self.catalog.get(msgid, context) is not None:
                where = f" (msgctxt `{context}`)" if context else ""
                self.problems.append(
                    PoProblem(
                        self.offset + 1,
                        "duplicate",
                        f"Duplicate entry{where}: the same source text is translated twice.",
                    )
                )
        key_id = self.messages[0].denormalize() if len(self.messages) == 1 else None
        key_context = self.context.denormalize() if self.context else None
        super()._add_message()
        if previous and key_id:
            message = self.catalog.get(key_id, key_context)
            if message is not None:
                message.previous_id = [previous]


WIDTH = 96


def catalog_bytes(catalog: Catalog) -> bytes:
    """The catalog as PO text, with each fuzzy entry's previous msgid as `#| msgid` lines.

    Babel re-wraps a multi-line previous msgid as prose, which breaks its quoting; these lines
    are written here instead, just above the entry's msgctxt.
    """
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=WIDTH, ignore_obsolete=True, include_previous=False)
    text = buffer.getvalue().decode("utf-8")
    for message in catalog:
        if not (message.previous_id and message.context and message.id):
            continue
        anchor = f"msgctxt {normalize(message.context, width=WIDTH)}\n"
        previous = normalize(message.previous_id[0], prefix="#| ", width=WIDTH)
        text = text.replace(anchor, f"#| msgid {previous}\n{anchor}", 1)
    return text.encode("utf-8")


def read_catalog(path: Path, tag: str) -> PoFile:
    """Parse `path` as the catalog of language `tag`."""
    try:
        stat = path.stat()
    except OSError as error:
        return PoFile(
            path, None, [PoProblem(1, "syntax", f"Cannot read the file: {error.strerror}.")]
        )
    return _read_cached(str(path), stat.st_mtime_ns, stat.st_size, tag)


@lru_cache(maxsize=32)
def _read_cached(path_text: str, mtime_ns: int, size: int, tag: str) -> PoFile:
    path = Path(path_text)
    try:
        # A catalog is <folder>/locales/<lang>.po: nothing it links to outside <folder> is read.
        raw = read_folder_file(path.parent.parent, path, MAX_BYTES)
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except FolderFileRefused as refused:
        return PoFile(path, None, [PoProblem(1, "syntax", str(refused))])
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return PoFile(path, None, [PoProblem(line, "syntax", "The file is not UTF-8 text.")])
    lines = text.splitlines()
    plural_problems = _plural_problems(lines, tag)
    locale = languages.locale_for(tag)
    catalog = Catalog(locale=locale)
    parser = _CheckingParser(catalog)
    try:
        parser.parse(lines)
    except (ValueError, TypeError, IndexError, KeyError) as error:
        # Babel raises from its header parsing, e.g. on a non-numeric `nplurals`.
        line = plural_problems[0].line if plural_problems else parser.offset + 1
        problem = PoProblem(line, "syntax", f"The catalog cannot be read: {error}.")
        return PoFile(path, None, [*parser.problems, problem, *plural_problems])
    return PoFile(path, catalog, parser.problems + plural_problems)


def _header_field(lines: list[str], name: str) -> tuple[int, str] | None:
    """The line and value of a header field; the header's strings may wrap across lines."""
    text = ""
    starts: list[tuple[int, int]] = []
    in_header = False
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if line.startswith("msgid ") and in_header:
            break
        if line.startswith('msgstr ""'):
            in_header = True
        elif in_header and _QUOTED.fullmatch(line):
            starts.append((len(text), number))
            text += line[1:-1]
    prefix = name + ":"
    for field_text in text.split("\\n"):
        if field_text.startswith(prefix):
            offset = text.index(field_text)
            first_line = max((n for start, n in starts if start <= offset), default=1)
            return first_line, field_text[len(prefix) :].strip()
    return None


def _plural_problems(lines: list[str], tag: str) -> list[PoProblem]:
    """A `Plural-Forms` header that does not parse, or that disagrees with the language."""
    found = _header_field(lines, "Plural-Forms")
    if found is None:
        return []
    number, header = found
    value = _PLURAL_VALUE.match(header)
    if value is None:
        return [PoProblem(number, "plural", f"The Plural-Forms header `{header}` "
                          "does not read `nplurals=N; plural=EXPRESSION;`.")]  # fmt: skip
    try:
        gettext.c2py(value.group(2))
    except (ValueError, SyntaxError, RecursionError):
        return [PoProblem(number, "plural", f"The plural expression `{value.group(2)}` "
                          "is not a valid C expression.")]  # fmt: skip
    if languages.is_known(tag):
        expected, expected_header = languages.plural_forms(tag)
        if int(value.group(1)) != expected:
            return [PoProblem(number, "plural", f"The Plural-Forms header says "
                              f"{value.group(1)} plural forms; `{tag}` has {expected} "
                              f"(`{expected_header}`).")]  # fmt: skip
    return []
