"""Findings that are one defect repeated, gathered so that a reader sees the defect once.

A rule often reports the same defect for each entity it applies to (NG305 once per purpose when
the notice states no legal basis at all). Two findings are one defect when they come from the
same rule with the same `Finding.group` or, when the rule names none, the same message once the
quoted parts that name the instance (`id` (Label), "a quote") are taken out; and when their
severity, legal source, fix and suppression agree, as these are shown once per group.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..findings import Finding

# What a message quotes from the notice: an id in backticks with the label in parentheses that
# may follow it (one level of parentheses inside the label), or a phrase in straight or curly
# double quotes. Single quotes are left alone: they are apostrophes too.
_QUOTED = re.compile(
    r"`[^`\n]*`(?: \((?:[^()\n]|\([^()\n]*\))*\))?"
    r'|"[^"\n]*"'
    r"|\u201c[^\u201d\n]*\u201d"
)
# The mark for words left out of a quotation, as lawyers write it.
PLACEHOLDER = "[\u2026]"


def defect(finding: Finding) -> str:
    """The defect `finding` is an instance of, in words that do not name the instance."""
    return finding.group or _QUOTED.sub(PLACEHOLDER, finding.message)


@dataclass(frozen=True)
class Group:
    """One defect and its instances, in the order they were reported (never empty)."""

    findings: tuple[Finding, ...]

    @property
    def first(self) -> Finding:
        return self.findings[0]

    @property
    def message(self) -> str:
        """The defect; a group of one keeps its finding's own message."""
        return self.first.message if len(self.findings) == 1 else defect(self.first)

    @property
    def fingerprint(self) -> str:
        """A stable hash of the rule and the defect: the same across runs, line shifts,
        severity overrides and suppressions."""
        return hashlib.sha256(f"{self.first.rule}\0{defect(self.first)}".encode()).hexdigest()

    def instance(self, finding: Finding) -> str:
        """What sets `finding` apart in its group: the parts of its message that the defect
        leaves out, or its whole message when its rule named the defect. Empty when nothing
        does (the same message in several places)."""
        if finding.group:
            return finding.message
        return ", ".join(match.group(0) for match in _QUOTED.finditer(finding.message))


def _key(finding: Finding) -> tuple[object, ...]:
    return (
        finding.rule,
        defect(finding),
        finding.severity,
        finding.citation,
        finding.hint,
        finding.suppressed,
    )


def group_findings(findings: Iterable[Finding]) -> list[Group]:
    """Every finding in exactly one group; groups in the order of their first finding,
    findings within a group in the order given."""
    members: dict[tuple[object, ...], list[Finding]] = {}
    for finding in findings:
        members.setdefault(_key(finding), []).append(finding)
    return [Group(tuple(found)) for found in members.values()]
