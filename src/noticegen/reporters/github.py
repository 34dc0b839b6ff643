"""GitHub Actions workflow commands, escaped as the Actions toolkit does, plus a plain summary."""

from __future__ import annotations

from collections.abc import Sequence

from ..escaping import github_data, github_property, text_line
from ..findings import Finding, Severity
from .text import summary, suppressed_lines, where

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def report(findings: Sequence[Finding]) -> str:
    lines = []
    for f in findings:
        if f.suppressed is not None:
            continue
        end = f.end or f.position
        props = ",".join(
            f"{k}={github_property(str(v))}"
            for k, v in (
                ("file", f.file),
                ("line", f.line),
                ("col", f.column),
                ("endLine", end.line),
                ("endColumn", end.column),
                ("title", f"{f.rule} {f.name}"),
            )
        )
        message = (
            f.message
            + (f" ({f.citation})" if f.citation else "")
            + (f"\n{f.hint}" if f.hint else "")
        )
        lines.append(f"::{_COMMAND[f.severity]} {props}::{github_data(message)}")
    for f in findings:
        if f.suppressed is None:
            lines.append(f"{where(f)}: {f.rule} {text_line(f.message)}")
    lines += suppressed_lines(findings)
    lines.append(summary(findings))
    return "\n".join(lines) + "\n"
