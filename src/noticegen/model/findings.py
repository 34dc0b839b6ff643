"""The Finding type every part of noticegen reports problems with."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple


class Severity(enum.IntEnum):
    """How serious a finding is; CI fails on ERROR."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls[text.strip().upper()]


class Position(NamedTuple):
    """A 1-based line and column in a file."""

    line: int = 1
    column: int = 1


@dataclass(frozen=True)
class Finding:
    """One problem in a notice, located in a file and explained for a lawyer.

    `group` names the defect this finding is one instance of, in words true of every instance
    (e.g. "A purpose does not state its legal basis under Art. 6(1)."): the reporters show the
    findings of one rule with the same `group` once, with their places listed. Empty, the defect
    is the message with its quoted parts (ids, labels, quotes) taken out.
    """

    rule: str
    severity: Severity
    message: str
    file: str
    position: Position = field(default_factory=Position)
    end: Position | None = None
    citation: str = ""
    hint: str = ""
    name: str = ""
    suppressed: str | None = None
    group: str = ""

    @property
    def line(self) -> int:
        return self.position.line

    @property
    def column(self) -> int:
        return self.position.column

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.rule, self.message)

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "rule": self.rule,
            "name": self.name,
            "severity": str(self.severity),
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "end_line": (self.end or self.position).line,
            "end_column": (self.end or self.position).column,
            "citation": self.citation,
            "hint": self.hint,
        }
        if self.suppressed is not None:
            data["suppressed"] = self.suppressed
        return data


def blocking(findings: Iterable[Finding]) -> list[Finding]:
    """The unsuppressed errors: what fails lint and stops a build."""
    return [f for f in findings if f.severity >= Severity.ERROR and f.suppressed is None]
