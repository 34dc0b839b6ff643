"""`file:line:col: CODE message` with a hint, and a summary line. File names and messages
(which quote the notice) are `text_line`s: a line break in them would let the next line be read
as a CI workflow command."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..escaping import text_line
from ..findings import Finding


def summary(findings: Sequence[Finding]) -> str:
    active = [f for f in findings if f.suppressed is None]
    counts = Counter(str(f.severity) for f in active)
    suppressed = len(findings) - len(active)
    if not active:
        text = "No problems found."
    else:
        parts = [
            f"{counts[k]} {k}{'s' if counts[k] != 1 else ''}"
            for k in ("error", "warning", "info")
            if counts[k]
        ]
        text = f"Found {len(active)} problem{'s' if len(active) != 1 else ''} ({', '.join(parts)})."
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


def report(findings: Sequence[Finding]) -> str:
    """One block per finding, then each suppressed finding with its reason, then a summary."""
    lines = []
    for f in findings:
        if f.suppressed is not None:
            continue
        lines.append(f"{where(f)}: {f.rule} [{f.severity}] {text_line(f.message)}")
        if f.citation:
            lines.append(f"    source: {text_line(f.citation)}")
        if f.hint:
            lines.append(f"    fix: {text_line(f.hint)}")
    lines += suppressed_lines(findings)
    lines.append(summary(findings))
    return "\n".join(lines) + "\n"
