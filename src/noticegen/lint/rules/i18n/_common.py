"""Helpers the i18n rules share: a violation at a line of a catalog file."""

from __future__ import annotations

from ....model.findings import Position
from ..base import Violation


def at_line(file: str, line: int, message: str, hint: str = "") -> Violation:
    return Violation(
        path=(), message=message, hint=hint, file=file, position=Position(max(line, 1), 1)
    )
