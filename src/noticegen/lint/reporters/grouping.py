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
from functools import cached_property

from ...model.findings import Finding

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

    @cached_property
    def _varying(self) -> tuple[bool, ...] | None:
        """For each quoted part of the messages, whether it differs between the instances;
        None when the rule named the defect, or the messages quote different numbers of parts
        (a quote that itself reads like the placeholder)."""
        if self.first.group:
            return None
        quoted = [_QUOTED.findall(f.message) for f in self.findings]
        if len({len(parts) for parts in quoted}) != 1:
            return None
        return tuple(len(set(column)) > 1 for column in zip(*quoted, strict=True))

    @property
    def message(self) -> str:
        """The defect, with the quoted parts that all instances share; a group of one keeps
        its finding's own message."""
        if len(self.findings) == 1:
            return self.first.message
        varying = self._varying
        if varying is None:
            return defect(self.first)
        shown = iter(varying)
        return _QUOTED.sub(lambda m: PLACEHOLDER if next(shown) else m.group(0), self.first.message)

    @property
    def fingerprint(self) -> str:
        """A stable hash of the rule and the defect: the same across runs, line shifts,
        severity overrides and suppressions."""
        return hashlib.sha256(f"{self.first.rule}\0{defect(self.first)}".encode()).hexdigest()

    def instance(self, finding: Finding) -> str:
        """What sets `finding` apart in its group: the quoted parts of its message that the
        group's message leaves out, or its whole message when the rule named the defect (or
        the parts do not line up). Empty when nothing does (one message in several places)."""
        varying = self._varying
        if varying is None:
            return finding.message
        parts = _QUOTED.findall(finding.message)
        return ", ".join(part for part, differs in zip(parts, varying, strict=True) if differs)


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
