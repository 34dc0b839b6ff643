"""GitHub Actions workflow commands, escaped as the Actions toolkit does, plus a plain listing and
summary. A defect found in several places is one annotation, at its first place, that lists the
places: GitHub keeps only 10 annotations of a kind per step."""

from __future__ import annotations

from collections.abc import Sequence

from ...model.findings import Finding, Severity
from ...sources.escaping import github_data, github_property, text_line
from .grouping import Group, group_findings
from .text import places, summary, suppressed_lines, where

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
# Places an annotation lists; the plain listing has them all.
ANNOTATION_PLACES = 50


def _annotation(group: Group) -> str:
    f = group.first
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
    message = group.message + (f" ({f.citation})" if f.citation else "")
    if len(group.findings) > 1:
        message += f"\nIn {len(group.findings)} places:"
        for instance in group.findings[:ANNOTATION_PLACES]:
            detail = group.instance(instance)
            message += f"\n- {where(instance)}" + (f": {text_line(detail)}" if detail else "")
        if len(group.findings) > ANNOTATION_PLACES:
            message += f"\n- and {len(group.findings) - ANNOTATION_PLACES} more (see the log)"
    message += f"\n{f.hint}" if f.hint else ""
    return f"::{_COMMAND[f.severity]} {props}::{github_data(message)}"


def report(findings: Sequence[Finding]) -> str:
    groups = group_findings(f for f in findings if f.suppressed is None)
    lines = [_annotation(group) for group in groups]
    for group in groups:
        lines += places(group)
    lines += suppressed_lines(findings)
    lines.append(summary(findings))
    return "\n".join(lines) + "\n"
