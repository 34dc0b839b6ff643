"""Reading a PO catalog the way a linter needs it: every problem with its line, never a crash;
and writing one that gettext's own tools accept (`msgfmt -c`).

Babel's reader prints warnings and silently merges duplicate entries; this one records each
problem (syntax, duplicate entry, plural header, charset, line breaks msgfmt rejects) at its
1-based line instead.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileParser, normalize, unescape, write_po

from ..sources.folder import FolderFileRefused, leads_outside, read_folder_file
from . import languages, plurals
from .plurals import PluralRule

MAX_BYTES = 2_000_000
_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')
_KEYWORD = re.compile(r"^(msgctxt|msgid|msgid_plural|msgstr(\[\d+\])?)$")
UTF8 = ("utf-8", "utf8")


class PoProblem(NamedTuple):
    line: int
    kind: str
    """`syntax`, `duplicate`, `plural`, `charset` or `newline`."""
    message: str


@dataclass
class PoFile:
    """A parsed catalog (None when it could not be read at all) and its problems."""

    path: Path
    catalog: Catalog | None
    problems: list[PoProblem] = field(default_factory=list)
    plural_rule: PluralRule | None = None
    """The file's own Plural-Forms rule, when it has one a tool writes for its language."""


class _ReadCatalog(Catalog):
    """Babel's catalog, minus a Plural-Forms header that cannot be used: Babel would make
    `nplurals` strings for every plural entry, or fail on the number."""

    def __setitem__(self, id: str | tuple[str, ...] | list[str], message: Message) -> None:
        if id == "" and isinstance(message.string, str):
            message.string = "\n".join(
                line for line in message.string.split("\n") if not _unusable_plural_forms(line)
            )
        super().__setitem__(id, message)


def _unusable_plural_forms(header_line: str) -> bool:
    name, _, value = header_line.partition(":")
    return name.strip().lower() == "plural-forms" and isinstance(plurals.parse(value), str)


class _CheckingParser(PoFileParser):
    """Babel's parser, recording problems instead of printing them."""

    def __init__(self, catalog: Catalog) -> None:
        super().__init__(catalog, ignore_obsolete=False, abort_invalid=False)
        self.problems: list[PoProblem] = []

    def _reset_message_state(self) -> None:
        super()._reset_message_state()
        self.entry_broken = False
        self.previous: list[str] = []
        self.msgstr_line: int | None = None

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
            if keyword.startswith("msgstr") and self.msgstr_line is None:
                self.msgstr_line = lineno + 1
            if not _QUOTED.fullmatch(argument.strip()):
                self._invalid_pofile(line, lineno, "the text is not a complete quoted string")
                if keyword.startswith("msgstr"):
                    # Keep the entry's shape so that later entries still parse.
                    super()._process_message_line(lineno, f'{keyword} ""', obsolete)
                return
        super()._process_message_line(lineno, line, obsolete)

    def _add_message(self) -> None:
        previous = "".join(self.previous)
        if not self.obsolete and "fuzzy" not in self.flags and self.messages:
            # msgfmt checks translated entries that are not fuzzy, at their msgstr.
            ids = [m.denormalize() for m in self.messages]
            translations = [t.denormalize() for _, t in sorted(self.translations)]
            mismatch = newline_mismatch(ids, translations)
            if mismatch:
                line = self.msgstr_line or self.offset + 1
                self.problems.append(PoProblem(line, "newline", mismatch))
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


def newline_mismatch(ids: list[str], translations: list[str]) -> str | None:
    """Why msgfmt -c rejects an entry whose msgid and msgstr disagree on a leading or trailing
    line break; None when they agree, or the entry is untranslated or the header."""
    if not ids or not ids[0] or not translations or not translations[0]:
        return None
    msgid = ids[0]
    names = ["msgstr"] if len(ids) == 1 else [f"msgstr[{i}]" for i in range(len(translations))]
    others = list(zip(names, translations, strict=True))
    if len(ids) > 1:
        others.insert(0, ("msgid_plural", ids[1]))
    for edge, test in (("begin", str.startswith), ("end", str.endswith)):
        for name, text in others:
            if test(msgid, "\n") != test(text, "\n"):
                return (
                    f"The msgid and {name} do not both {edge} with a line break (`\\n`): "
                    "msgfmt -c rejects the catalog."
                )
    return None


WIDTH = 96
PLACEHOLDERS = re.compile(
    r"FULL NAME|<?EMAIL@ADDRESS>?|<?LL@li\.org>?|YEAR-MO-DA HO:MI\+ZONE|\b(?:PACKAGE|PROJECT|"
    r"VERSION|LANGUAGE)\b"
)
"""The values gettext and Babel put in a header until someone fills it in."""
_UNSTABLE_HEADERS = ("Generated-By",)
"""Names the Babel version: the same catalog would change with each release."""


def catalog_bytes(catalog: Catalog) -> bytes:
    """The catalog as PO text that msgfmt -c accepts: no template placeholders in the header,
    obsolete entries (`#~`) kept with their flags, each fuzzy entry's previous msgid as
    `#| msgid` lines.

    Babel re-wraps a multi-line previous msgid as prose, which breaks its quoting, and writes
    no flags for an obsolete entry (a fuzzy one would come back as checked): these lines are
    written here instead, just above the entry's msgctxt.
    """
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=WIDTH, include_previous=False)
    text = buffer.getvalue().decode("utf-8")
    start = text.index('msgid ""\n')
    end = text.index("\n\n", start) + 1
    text = text[:start] + _header_entry(catalog) + text[end:]
    for message in catalog:
        if not (message.previous_id and message.context and message.id):
            continue
        # At a line's start: an obsolete entry's `#~ msgctxt` is not the anchor.
        anchor = f"\nmsgctxt {normalize(message.context, width=WIDTH)}\n"
        previous = normalize(message.previous_id[0], prefix="#| ", width=WIDTH)
        text = text.replace(anchor, f"\n#| msgid {previous}{anchor}", 1)
    for message in catalog.obsolete.values():
        if message.flags and message.context and isinstance(message.id, str):
            context = normalize(message.context, prefix="#~ ", width=WIDTH)
            msgid = normalize(message.id, prefix="#~ ", width=WIDTH)
            anchor = f"\n#~ msgctxt {context}\n#~ msgid {msgid}\n"
            text = text.replace(anchor, f"\n#, {', '.join(sorted(message.flags))}{anchor}", 1)
    return text.encode("utf-8")


def _header_entry(catalog: Catalog) -> str:
    fields = []
    for name, value in catalog.mime_headers:
        value = " ".join(PLACEHOLDERS.sub("", value).split())
        if value and name not in _UNSTABLE_HEADERS:
            fields.append(f"{name}: {value}\n")
    return f'msgid ""\nmsgstr {normalize("".join(fields), width=WIDTH)}\n'


def inside(path: Path, root: Path) -> bool:
    """Whether `path`, its links followed, is in the folder `root`."""
    try:
        return not leads_outside(root, path)
    except (OSError, ValueError):
        return False


def read_catalog(path: Path, tag: str, root: Path | None = None) -> PoFile:
    """Parse `path` as the catalog of language `tag`; with `root`, only if the file (its links
    followed) is inside that folder."""
    if root is not None and not inside(path, root):
        outside = "The catalog is a link to a file outside the notice folder; it is not read."
        return PoFile(path, None, [PoProblem(1, "syntax", outside)])
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
    plural_rule, plural_problems = _plural_rule(lines, tag)
    locale = languages.locale_for(tag)
    catalog = _ReadCatalog(locale=locale)
    parser = _CheckingParser(catalog)
    try:
        parser.parse(lines)
    except (ValueError, TypeError, IndexError, KeyError, AttributeError) as error:
        # Babel raises from its header parsing, e.g. on a Language it cannot parse, and 2.18
        # raised AttributeError on a `#| msgid` comment cut short.
        problem = PoProblem(parser.offset + 1, "syntax", f"The catalog cannot be read: {error}.")
        return PoFile(path, None, [*parser.problems, problem, *plural_problems])
    problems = parser.problems + plural_problems + _charset_problems(lines, catalog, text)
    return PoFile(path, catalog, problems, plural_rule)


def _charset_problems(lines: list[str], catalog: Catalog, text: str) -> list[PoProblem]:
    """The file is read as UTF-8; a header naming another charset makes gettext's tools read
    its non-ASCII text as something else. What noticegen writes says UTF-8."""
    declared = catalog.charset
    catalog.charset = "utf-8"
    if declared.lower() in UTF8 or text.isascii():
        return []
    found = _header_field(lines, "Content-Type")
    return [PoProblem(found[0] if found else 1, "charset", f"The header declares the "
                      f"charset `{_cut(declared)}` but the file is UTF-8 text: declare "
                      "`charset=UTF-8`.")]  # fmt: skip


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


def _plural_rule(lines: list[str], tag: str) -> tuple[PluralRule | None, list[PoProblem]]:
    """The header's plural rule when a tool writes it for the language, else why not."""
    found = _header_field(lines, "Plural-Forms")
    if found is None:
        return None, []
    number, header = found
    problem = plurals.judge(header, tag)
    if problem is not None:
        return None, [PoProblem(number, "plural", problem)]
    rule = plurals.parse(header)
    return (rule if isinstance(rule, PluralRule) else None), []


def set_plural_rule(catalog: Catalog, rule: PluralRule) -> None:
    catalog.mime_headers = [("Plural-Forms", rule.header)]


def _cut(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
