"""What changed between two versions of a notice, as data: one `Change` per difference.

Most of the notice is compared field by field, by one walk (`_fields`) that records each
field's role (`noticegen.model.base.Role`), so that a new field of the model is compared, and
worded by its role, with no change here. `COMPARERS` lists the fields compared in a way of
their own; whether a change is material is `policy`'s business, its words `wording`'s.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator, Mapping
from typing import Any, NamedTuple

from pydantic import BaseModel

from ..model import Notice, Supplement
from ..model.base import Role, duration_days
from ..model.walk import field_roles
from .groups import group_of


class Kind(enum.StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


class Key(str):
    """The id of an item in a path (`account` in `purposes.account.label`), as distinct from
    the names of fields."""

    __slots__ = ()


KEPT_LONGER = "retention.data kept longer"
"""The topic of a change found across retention rules: data now kept under a rule with a longer
period than any rule that covered it before."""


class Change(NamedTuple):
    """One difference between the old and the new notice.

    A list that both gains and loses members can be two changes: one from the old list to the
    old list with the new members, one from the old list to the old list without the lost ones.
    """

    group: str
    kind: Kind
    path: tuple[str, ...]
    """Where in the notice: names of fields, and ids of items as `Key`s."""
    old: Any = None
    new: Any = None
    item: tuple[Any, Any] = (None, None)
    """The item the change is in (a purpose, a cookie, a supplement, ...), old and new."""
    role: Role | None = None
    """The role of the field that changed, when the change is a field's value."""
    derived: str = ""
    """The topic of a change not of one field, such as `KEPT_LONGER`."""
    member: str = ""
    """The member of a list the change is about, for a derived change."""

    @property
    def subject(self) -> str:
        """The path as text: `purposes.marketing.legal_basis`."""
        return ".".join(self.path)

    @property
    def topic(self) -> str:
        """What the change is about, without ids (`purposes.legal_basis`): the key of the policy
        and wording tables."""
        return self.derived or ".".join(p for p in self.path if not isinstance(p, Key))


def _fields(
    group: str, path: tuple[str, ...], old: Any, new: Any, item: tuple[Any, Any]
) -> Iterator[Change]:
    """Field-by-field changes of two values of the same model (or of two plain values)."""
    if old == new:
        return
    if isinstance(old, BaseModel) and isinstance(new, BaseModel):
        roles = field_roles(type(new))
        for name in type(new).model_fields:
            before, after = getattr(old, name), getattr(new, name)
            if before == after:
                continue
            if isinstance(before, BaseModel) and isinstance(after, BaseModel):
                yield from _fields(group, (*path, name), before, after, item)
            else:
                yield Change(group, Kind.CHANGED, (*path, name), before, after, item, roles[name])
        return
    if old is None:
        yield Change(group, Kind.ADDED, path, None, new, item)
    elif new is None:
        yield Change(group, Kind.REMOVED, path, old, None, item)
    else:
        yield Change(group, Kind.CHANGED, path, old, new, item)


def _rest(
    group: str, path: tuple[str, ...], old: Any, new: Any, compared: tuple[str, ...]
) -> Iterator[Change]:
    """The changes of the fields of `new` other than `compared`."""
    rest = old.model_copy(update={f: getattr(new, f) for f in compared})
    yield from _fields(group, path, rest, new, (old, new))


def _arrivals(
    field: str, group: str, old: Mapping[str, Any], new: Mapping[str, Any], base: tuple[str, ...]
) -> Iterator[Change]:
    """Items added to and removed from a mapping keyed by id."""
    path = (*base, field)
    for key in sorted(new.keys() - old.keys()):
        yield Change(group, Kind.ADDED, (*path, Key(key)), None, new[key], (None, new[key]))
    for key in sorted(old.keys() - new.keys()):
        yield Change(group, Kind.REMOVED, (*path, Key(key)), old[key], None, (old[key], None))


def _items(
    field: str, group: str, old: Mapping[str, Any], new: Mapping[str, Any], base: tuple[str, ...]
) -> Iterator[Change]:
    """Items added, removed, and changed field by field, of a mapping keyed by id."""
    yield from _arrivals(field, group, old, new, base)
    path = (*base, field)
    for key in sorted(old.keys() & new.keys()):
        yield from _fields(group, (*path, Key(key)), old[key], new[key], (old[key], new[key]))


def _members(group: str, path: tuple[str, ...], old: Any, new: Any, field: str) -> Iterator[Change]:
    """The members a list field gains, then those it loses, as two changes."""
    before, after = getattr(old, field), getattr(new, field)
    gained = [x for x in after if x not in before]
    lost = [x for x in before if x not in after]
    if gained:
        yield Change(group, Kind.CHANGED, (*path, field), before, [*before, *gained], (old, new))
    if lost:
        kept = [x for x in before if x not in lost]
        yield Change(group, Kind.CHANGED, (*path, field), before, kept, (old, new))


def _one(
    group: str, path: tuple[str, ...], old: BaseModel, new: BaseModel, field: str
) -> Iterator[Change]:
    """The change of one field, if it changed."""
    before, after = getattr(old, field), getattr(new, field)
    if before != after:
        roles = field_roles(type(new))
        yield Change(group, Kind.CHANGED, (*path, field), before, after, (old, new), roles[field])


def _purposes(old: dict[str, Any], new: dict[str, Any]) -> Iterator[Change]:
    yield from _arrivals("purposes", "purposes", old, new, ())
    for key in sorted(old.keys() & new.keys()):
        before, after = old[key], new[key]
        path = ("purposes", Key(key))
        yield from _members("purposes", path, before, after, "data")
        for field in ("legal_basis", "direct_marketing", "profiling"):
            yield from _one("purposes", path, before, after, field)
        compared = ["data", "legal_basis", "direct_marketing", "profiling"]
        # Introduced, automated decision-making is one change; otherwise field by field.
        if after.automated_decision and not before.automated_decision:
            yield from _one("purposes", path, before, after, "automated_decision")
            compared.append("automated_decision")
        yield from _rest("purposes", path, before, after, tuple(compared))


def _recipients(old: dict[str, Any], new: dict[str, Any]) -> Iterator[Change]:
    yield from _arrivals("recipients", "recipients", old, new, ())
    for key in sorted(old.keys() & new.keys()):
        before, after = old[key], new[key]
        path = ("recipients", Key(key))
        for field in ("data", "purposes", "countries"):
            yield from _members("recipients", path, before, after, field)
        for field in ("sale", "sharing", "kind"):
            yield from _one("recipients", path, before, after, field)
        compared = ("data", "purposes", "countries", "sale", "sharing", "kind")
        yield from _rest("recipients", path, before, after, compared)


def _retention(old: list[Any], new: list[Any]) -> Iterator[Change]:
    before = {rule.id: rule for rule in old}
    after = {rule.id: rule for rule in new}
    for key in [k for k in after if k not in before]:
        rule = after[key]
        yield Change("retention", Kind.ADDED, ("retention", Key(key)), None, rule, (None, rule))
    for key in [k for k in before if k not in after]:
        rule = before[key]
        yield Change("retention", Kind.REMOVED, ("retention", Key(key)), rule, None, (rule, None))
    for key in [k for k in after if k in before]:
        was, now = before[key], after[key]
        path = ("retention", Key(key))
        yield from _one("retention", path, was, now, "period")
        yield from _rest("retention", path, was, now, ("period",))
    yield from _kept_longer(old, new)


def _kept_longer(old: list[Any], new: list[Any]) -> Iterator[Change]:
    """Data now kept under a rule with a longer period than any rule covered it before, when
    that is not already a period change of the same rule."""
    for rule in new:
        if rule.period is None:
            continue
        same = next((r for r in old if r.id == rule.id), None)
        for data_id in rule.data:
            if same is not None and data_id in same.data:
                continue
            previous = [r.period for r in old if data_id in r.data and r.period]
            longest = max(previous, key=duration_days, default=None)
            if longest is not None and duration_days(rule.period) > duration_days(longest):
                yield Change(
                    "retention", Kind.CHANGED, ("retention", Key(rule.id), "data"),
                    longest, rule.period, (same, rule), Role.DURATION, KEPT_LONGER, data_id,
                )  # fmt: skip


def _changes(old: Any, new: Any) -> Iterator[Change]:
    was = old.log if old else []
    now = new.log if new else []
    for entry in now:
        if entry not in was:
            yield Change("notice", Kind.ADDED, ("changes", "log"), None, entry, (old, new))
    for entry in was:
        if entry not in now:
            yield Change("notice", Kind.REMOVED, ("changes", "log"), entry, None, (old, new))
    if (old is None) != (new is None) or (old and new and old.how_notified != new.how_notified):
        yield from _fields(
            "notice",
            ("changes", "how_notified"),
            old and old.how_notified,
            new and new.how_notified,
            (old, new),
        )


COMPARERS: dict[str, Callable[[Any, Any], Iterator[Change]]] = {
    "purposes": _purposes,
    "recipients": _recipients,
    "retention": _retention,
    "changes": _changes,
}
"""The notice's fields compared in a way of their own. Every other field is compared item by
item when it maps ids to items (`_items`), field by field otherwise (`_fields`)."""


def _supplements(old: Mapping[str, Supplement], new: Mapping[str, Supplement]) -> Iterator[Change]:
    for name in sorted(new.keys() - old.keys()):
        path = ("supplements", Key(new[name].supplement.id))
        yield Change("other", Kind.ADDED, path, None, new[name], (None, new[name]))
    for name in sorted(old.keys() - new.keys()):
        path = ("supplements", Key(old[name].supplement.id))
        yield Change("other", Kind.REMOVED, path, old[name], None, (old[name], None))
    for name in sorted(old.keys() & new.keys()):
        before, after = old[name], new[name]
        base = ("supplements", Key(after.supplement.id))
        for field in type(after).model_fields:
            was, now = getattr(before, field), getattr(after, field)
            if was == now:
                continue
            if isinstance(now, dict):
                yield from _items(field, group_of(field), was, now, base)
            else:
                yield from _fields(group_of(field), (*base, field), was, now, (before, after))


def changes(
    old: Notice,
    new: Notice,
    old_supplements: Mapping[str, Supplement],
    new_supplements: Mapping[str, Supplement],
) -> Iterator[Change]:
    """Every change from `old` to `new`, field by field in the model's order, then the
    supplements' (keyed by their path in the notice folder)."""
    for field in type(new).model_fields:
        before, after = getattr(old, field), getattr(new, field)
        if before == after:
            continue
        comparer = COMPARERS.get(field)
        if comparer is not None:
            yield from comparer(before, after)
        elif isinstance(before, dict) or isinstance(after, dict):
            yield from _items(field, group_of(field), before or {}, after or {}, ())
        else:
            yield from _fields(group_of(field), (field,), before, after, (before, after))
    yield from _supplements(old_supplements, new_supplements)
