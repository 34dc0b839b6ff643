"""The promises of the notice and its supplements, with the data each one is about."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

from ....model import Promise, PromiseKind
from ...context import LintContext, PathT
from ._ids import IdIndex


class PromiseAt(NamedTuple):
    promise_id: str
    promise: Promise
    path: PathT
    file: str | None

    def concerns(self, data: Iterable[str]) -> list[str]:
        """The ids in `data` the promise is about (all of them when it names no data)."""
        data = list(data)
        if not self.promise.data:
            return data
        index = IdIndex(self.promise.data)
        return [d for d in data if index.touches(d)]


def promises(ctx: LintContext, *kinds: PromiseKind) -> Iterator[PromiseAt]:
    for pid, promise in ctx.notice.promises.items():
        if promise.kind in kinds:
            yield PromiseAt(pid, promise, ("promises", pid, "kind"), None)
    for rel, supplement in ctx.supplements:
        for pid, promise in supplement.promises.items():
            if promise.kind in kinds:
                yield PromiseAt(pid, promise, ("promises", pid, "kind"), rel)


def quoted(promise: Promise) -> str:
    return f'"{promise.text.strip()}"'
