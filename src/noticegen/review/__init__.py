"""What changed in a notice's meaning between two versions, in plain words.

The parts, each imported by what needs it (`noticegen lint`'s review rules import no output
format):

- `groups`: the groups a reader recognises (data collected, purposes, ...), each with its
  heading and the notice's fields reported under it;
- `comparison`: what changed, as `Change` records;
- `policy`: which changes are material, and why;
- `wording`: each change in plain words;
- `reporters`: the output formats (text, markdown, json), from one table.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from ..model import Notice, Supplement
from . import comparison, policy, wording
from .groups import GROUPS


class ReportedChange(NamedTuple):
    """A change with its words and, when it is material, the reason."""

    change: comparison.Change
    words: wording.Words
    reason: str
    """Why the change is material; empty when it is not."""

    @property
    def group(self) -> str:
        return self.change.group

    @property
    def kind(self) -> str:
        return self.change.kind.value

    @property
    def subject(self) -> str:
        """Where in the notice, as a dotted path (`purposes.marketing.legal_basis`)."""
        return self.change.subject

    @property
    def material(self) -> bool:
        return bool(self.reason)

    @property
    def text(self) -> str:
        return str(self.words)

    def to_dict(self) -> dict[str, Any]:
        return {
            "group_title": GROUPS[self.group].heading,
            "group": self.group,
            "kind": self.kind,
            "subject": self.subject,
            "text": self.text,
            "material": self.material,
            "reason": self.reason,
        }


class NoticeDiff(NamedTuple):
    old: Notice
    new: Notice
    changes: tuple[ReportedChange, ...]

    @property
    def material(self) -> tuple[ReportedChange, ...]:
        return tuple(c for c in self.changes if c.material)


def compare(
    old: Notice,
    new: Notice,
    old_supplements: Mapping[str, Supplement] | None = None,
    new_supplements: Mapping[str, Supplement] | None = None,
) -> NoticeDiff:
    """The changes from `old` to `new`, grouped in reading order. Supplements are keyed by
    their path in the notice folder (`supplements/california.yaml`)."""
    old_supplements, new_supplements = old_supplements or {}, new_supplements or {}
    names = wording.Names(old, new, old_supplements, new_supplements)
    found = comparison.changes(old, new, old_supplements, new_supplements)
    reported = [ReportedChange(c, wording.words(c, names), policy.reason(c)) for c in found]
    order = list(GROUPS)
    return NoticeDiff(old, new, tuple(sorted(reported, key=lambda c: order.index(c.group))))
