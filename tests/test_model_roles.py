"""Every field says what it is (its role), and every consumer decides from that alone."""

from __future__ import annotations

import typing
from collections.abc import Iterator
from pathlib import Path

import pytest
from pydantic import BaseModel

from noticegen.i18n.notice import notice_entries
from noticegen.lint.context import prose_strings
from noticegen.model import Notice, Recipient, Supplement
from noticegen.model.base import Role
from noticegen.model.walk import field_roles, role_of, texts
from noticegen.sources.loading import load


def models(
    root: type[BaseModel], seen: set[type[BaseModel]] | None = None
) -> Iterator[type[BaseModel]]:
    seen = set() if seen is None else seen
    if root in seen:
        return
    seen.add(root)
    yield root
    for info in root.model_fields.values():
        for inner in nested(info.annotation):
            yield from models(inner, seen)


def nested(annotation: typing.Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in typing.get_args(annotation):
        yield from nested(arg)


MODELS = sorted({*models(Notice), *models(Supplement)}, key=lambda m: m.__name__)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_field_has_a_role_or_holds_parts_of_the_notice(model: type[BaseModel]) -> None:
    for name, role in field_roles(model).items():
        holds_models = any(True for _ in nested(model.model_fields[name].annotation))
        assert (role is None) == holds_models, f"{model.__name__}.{name}"


def test_a_url_field_is_neither_translated_nor_read_as_prose() -> None:
    assert field_roles(Recipient)["privacy_policy_url"] is Role.URL
    assert not Role.URL.translated and not Role.URL.prose


def test_roles_look_through_optional_lists_and_mappings() -> None:
    assert role_of(list[typing.Annotated[str, Role.TEXT]] | None) is Role.TEXT
    assert role_of(dict[str, typing.Annotated[str, Role.URL]]) is Role.URL
    assert role_of(bool | None) is Role.FLAG


def test_translation_and_the_prose_rules_read_the_same_walk() -> None:
    loaded = load(Path(__file__).parent.parent / "notice")
    assert loaded.notice is not None
    ims = loaded.notice
    translated = {entry.path for entry in notice_entries(ims)}
    prose = {path for path, _ in prose_strings(ims)}
    assert prose <= translated  # names are translated with a note, never read as prose
    roles = {value.path: value.role for value in texts(ims, lambda role: True)}
    assert {roles[p] for p in translated - prose} <= {Role.ROLE_NAME}
    assert all(roles[p].prose for p in prose)
