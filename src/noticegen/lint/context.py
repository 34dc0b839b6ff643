"""What rules read: the validated notice, its supplements, the active profiles, and indexes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from ..model import Notice, Supplement
from ..model.walk import texts

PathT = tuple[str | int, ...]
T = TypeVar("T")


@dataclass
class LintContext:
    notice: Notice
    root: Path
    profiles: frozenset[str]
    supplements: list[tuple[str, Supplement]] = field(default_factory=list)
    """Each supplement with its path relative to the notice folder."""
    main_file: str = "notice.yaml"
    """The name of the file linted in `root`: `notice.yaml`, or a single file given alone."""
    rules_run: frozenset[str] = frozenset()
    """The codes of the rules this lint runs (after profiles and configuration), so that a
    rule can leave a gap to another that reports it, and only when that one runs."""
    left_out: frozenset[tuple[str | None, PathT]] = frozenset()
    """Where the loader left a value out of a notice or supplement that did not validate (see
    `loading.Partial`): (file relative to the notice folder, None for the main one; path)."""
    shared: dict[Hashable, Any] = field(default_factory=dict, repr=False, compare=False)
    """What several rules derive from the same inputs (e.g. the previous version of the
    notice), computed by the first that needs it and kept for this lint only."""

    def once(self, key: Hashable, compute: Callable[[], T]) -> T:
        """What `compute` returns, computed by the first rule that asks for `key`."""
        if key not in self.shared:
            self.shared[key] = compute()
        value: T = self.shared[key]
        return value

    def leaves_out(self, file: str | None, path: PathT) -> bool:
        """Whether `path` is at or under a value the loader left out: what a rule says there
        is about a value the notice does not validly give."""
        return bool(self.left_out) and any(
            (file, path[:end]) in self.left_out for end in range(len(path) + 1)
        )

    def runs(self, code: str) -> bool:
        return code in self.rules_run

    def has_profile(self, *names: str) -> bool:
        return bool(self.profiles.intersection(names))

    @cached_property
    def data_references(self) -> dict[str, list[PathT]]:
        """Every place a data id is referenced, by id."""
        refs: dict[str, list[PathT]] = defaultdict(list)
        n = self.notice
        for pid, purpose in n.purposes.items():
            for i, d in enumerate(purpose.data):
                refs[d].append(("purposes", pid, "data", i))
        for rid, recipient in n.recipients.items():
            for i, d in enumerate(recipient.data):
                refs[d].append(("recipients", rid, "data", i))
        for cid, cookie in n.cookies.items():
            for i, d in enumerate(cookie.data):
                refs[d].append(("cookies", cid, "data", i))
        for r, rule in enumerate(n.retention):
            for i, d in enumerate(rule.data):
                refs[d].append(("retention", r, "data", i))
        for prid, promise in n.promises.items():
            for i, d in enumerate(promise.data):
                refs[d].append(("promises", prid, "data", i))
        return dict(refs)

    @cached_property
    def purpose_data(self) -> set[str]:
        """Data ids used by at least one purpose."""
        return {d for p in self.notice.purposes.values() for d in p.data}

    @cached_property
    def prose(self) -> list[tuple[str | None, PathT, str]]:
        """Every free-text value of the notice and its supplements: (file, path, text)."""
        texts: list[tuple[str | None, PathT, str]] = [
            (None, path, text) for path, text in prose_strings(self.notice)
        ]
        for rel, supplement in self.supplements:
            texts += [(rel, path, text) for path, text in prose_strings(supplement)]
        return texts


def prose_strings(node: Any, path: PathT = ()) -> Iterator[tuple[PathT, str]]:
    """Every text value under `node` that the prose rules read (its type's role says so)."""
    for value in texts(node, lambda role: role.prose):
        yield (*path, *value.path), value.text
