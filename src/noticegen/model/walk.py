"""The one walk over a notice: every text value with its place and its role.

Translation, the prose rules, rendering, diff and exports find the values they need here, by
role (see `Role`), so a new field is handled everywhere once its type says what it is.
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any, NamedTuple, TypeVar, Union

from pydantic import BaseModel

from .base import Role

PathT = tuple[str | int, ...]
M = TypeVar("M")


class TextValue(NamedTuple):
    path: PathT
    """Where the value is in its YAML file, e.g. `("retention", 0, "criteria")`."""
    context: tuple[str, ...]
    """The same place with list items named by their `id` (or `version`), so that it does not
    move when a list is reordered: the msgctxt of a translation."""
    role: Role
    text: str


def role_of(annotation: Any) -> Role | None:
    """The role a field's type declares, looking through `X | None`, lists and mapping values."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *metadata = typing.get_args(annotation)
        return next((m for m in metadata if isinstance(m, Role)), None) or role_of(base)
    if origin in (list, set, frozenset, tuple, Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return next((r for r in map(role_of, args) if r is not None), None)
    if origin is dict:
        return role_of(typing.get_args(annotation)[1])
    if isinstance(annotation, type):
        if issubclass(annotation, enum.Enum):
            return Role.CODE
        if issubclass(annotation, bool):
            return Role.FLAG
        if issubclass(annotation, int | float):
            return Role.NUMBER
        if annotation.__name__ == "date":
            return Role.DATE
    return None


@cache
def field_roles(model: type[BaseModel]) -> dict[str, Role | None]:
    """Each field's role; None for a field that holds other models."""
    return {name: role_of(info.rebuild_annotation()) for name, info in model.model_fields.items()}


_NAMING = ("id", "version")


def item_name(item: Any, index: int) -> str:
    for attribute in _NAMING:
        # A naming field the loader left out (loading.Partial) is read, and so stops the walk:
        # the item's texts have no stable name without it.
        fields = getattr(type(item), "model_fields", {})
        value = getattr(item, attribute) if attribute in fields else None
        if isinstance(value, str):
            return value
    return str(index)


def texts(
    node: Any, roles: Callable[[Role], bool], context: tuple[str, ...] = ()
) -> Iterator[TextValue]:
    """Every text value under `node` whose role `roles` accepts, in document order."""
    found: list[TextValue] = []

    def collect(value: TextValue) -> str:
        found.append(value)
        return value.text

    map_texts(node, roles, collect, context)
    return iter(found)


def map_texts(
    node: M,
    roles: Callable[[Role], bool],
    change: Callable[[TextValue], str],
    context: tuple[str, ...] = (),
) -> M:
    """`node` with every text value whose role `roles` accepts replaced by `change(value)`;
    the same object where nothing changed."""
    result: M = _map(node, None, (), context, roles, change)
    return result


def _map(
    node: Any,
    role: Role | None,
    path: PathT,
    context: tuple[str, ...],
    roles: Callable[[Role], bool],
    change: Callable[[TextValue], str],
) -> Any:
    if isinstance(node, BaseModel):
        updates = {}
        for name, field_role in field_roles(type(node)).items():
            if name not in node.__dict__ and field_role is not None and not roles(field_role):
                continue  # left out (loading.Partial), and holds no text the walk looks for
            value = getattr(node, name)
            mapped = _map(value, field_role, (*path, name), (*context, name), roles, change)
            if mapped is not value:
                updates[name] = mapped
        return node.model_copy(update=updates) if updates else node
    if isinstance(node, dict):
        items = {
            key: _map(value, role, (*path, str(key)), (*context, str(key)), roles, change)
            for key, value in node.items()
        }
        return items if any(items[key] is not node[key] for key in node) else node
    if isinstance(node, list):
        mapped_list = [
            _map(item, role, (*path, i), (*context, item_name(item, i)), roles, change)
            for i, item in enumerate(node)
        ]
        changed = any(new is not old for new, old in zip(mapped_list, node, strict=True))
        return mapped_list if changed else node
    if isinstance(node, str) and not isinstance(node, enum.Enum) and role and roles(role):
        return change(TextValue(path, context, role, node))
    return node
