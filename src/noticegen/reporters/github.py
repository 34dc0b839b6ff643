"""GitHub Actions workflow commands, escaped as the Actions toolkit does, plus a plain summary."""

from __future__ import annotations

from collections.abc import Sequence

from ..findings import Finding, Severity
from .text import summary, suppressed_lines

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def report(findings: Sequence[Finding]) -> str:
    lines = []
    for f in findings:
        if f.suppressed is not None:
            continue
        end = f.end or f.position
        props = ",".join(
            f"{k}={escape_property(str(v))}"
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
        lines.append(f"::{_COMMAND[f.severity]} {props}::{escape_data(message)}")
    for f in findings:
        if f.suppressed is None:
            # One line per finding: a line break in text from the notice would let the next
            # line be read as a workflow command.
            message = " ".join(f.message.splitlines())
            lines.append(f"{f.file}:{f.line}:{f.column}: {f.rule} {message}")
    lines += suppressed_lines(findings)
    lines.append(summary(findings))
    return "\n".join(lines) + "\n"
