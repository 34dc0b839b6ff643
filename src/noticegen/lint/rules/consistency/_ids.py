"""Hierarchical id matching in linear time: `location` covers `location.precise`."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable


def ancestors(ref: str) -> Iterable[str]:
    """`a.b.c` -> `a.b.c`, `a.b`, `a`."""
    parts = ref.split(".")
    for end in range(len(parts), 0, -1):
        yield ".".join(parts[:end])


class IdIndex:
    """A set of ids that answers "which of you are related to this id?" without a full scan."""

    def __init__(self, ids: Iterable[str]) -> None:
        self.ids = set(ids)
        self._under: dict[str, list[str]] = defaultdict(list)
        for member in self.ids:
            for prefix in list(ancestors(member))[1:]:
                self._under[prefix].append(member)

    def covering(self, ref: str) -> list[str]:
        """Members equal to `ref` or broader than it."""
        return [a for a in ancestors(ref) if a in self.ids]

    def related(self, ref: str) -> list[str]:
        """Members equal to, broader than or narrower than `ref`."""
        return self.covering(ref) + self._under.get(ref, [])

    def names_members(self, ref: str) -> bool:
        """Whether `ref` is a member or a broader id of members (`contact` for `contact.email`)."""
        return ref in self.ids or ref in self._under

    def touches(self, ref: str) -> bool:
        return bool(self.related(ref))
