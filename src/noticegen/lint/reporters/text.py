"""`file:line:col: CODE message` with a hint, and a summary line. A defect found in several
places is one entry: the defect once, then each place with what names it there. File names and
messages (which quote the notice) are `text_line`s: a line break in them would let the next line
be read as a CI workflow command."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ...model.findings import Finding
from ...sources.escaping import text_line
from .grouping import Group, group_findings


def summary(findings: Sequence[Finding]) -> str:
    """Counts of the unsuppressed findings by severity, of the defects they are when some
    repeat, and of the suppressed ones."""
    active = [f for f in findings if f.suppressed is None]
    counts = Counter(str(f.severity) for f in active)
    suppressed = len(findings) - len(active)
    if not active:
        text = "No problems found."
    else:
        # "info" is uncountable: "2 info", as the JSON summary's key
        parts = [
            f"{counts[k]} {k}{'s' if counts[k] != 1 and k != 'info' else ''}"
            for k in ("error", "warning", "info")
            if counts[k]
        ]
        text = f"Found {len(active)} problem{'s' if len(active) != 1 else ''} ({', '.join(parts)})"
        defects = len(group_findings(active))
        text += f" in {defects} groups." if defects < len(active) else "."
    if suppressed:
        text += f" {suppressed} suppressed with a reason."
    return text


def where(finding: Finding) -> str:
    return f"{text_line(finding.file)}:{finding.line}:{finding.column}"


def suppressed_lines(findings: Sequence[Finding]) -> list[str]:
    """One line per suppressed finding with its reason: a suppression is a legal judgement
    that reviewers must see."""
    return [
        f"{where(f)}: {f.rule} suppressed: {text_line(f.suppressed)}"
        for f in findings
        if f.suppressed is not None
    ]


def places(group: Group) -> list[str]:
    """The headline of a group at its first place, then, for a defect that repeats, each place
    with what names the instance there."""
    first = group.first
    headline = f"{where(first)}: {first.rule} [{first.severity}] {text_line(group.message)}"
    if len(group.findings) == 1:
        return [headline]
    lines = [f"{headline} ({len(group.findings)} places)"]
    for f in group.findings:
        instance = group.instance(f)
        lines.append(f"    at {where(f)}" + (f": {text_line(instance)}" if instance else ""))
    return lines


def report(findings: Sequence[Finding]) -> str:
    """One block per defect, then each suppressed finding with its reason, then a summary."""
    lines = []
    for group in group_findings(f for f in findings if f.suppressed is None):
        lines += places(group)
        if group.first.citation:
            lines.append(f"    source: {text_line(group.first.citation)}")
        if group.first.hint:
            lines.append(f"    fix: {text_line(group.first.hint)}")
    lines += suppressed_lines(findings)
    lines.append(summary(findings))
    return "\n".join(lines) + "\n"
