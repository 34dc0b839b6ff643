"""Every field of the schema says what it means, not only how it is written."""

from __future__ import annotations

import json
import typing
from pathlib import Path

import pytest

from noticegen.model import base

SCHEMAS = sorted((Path(__file__).parent.parent / "schema").glob("*.schema.json"))
# The descriptions the shared types give (how to write a value), never enough on their own.
FORMS = {
    info.description
    for value in vars(base).values()
    if typing.get_origin(value) is typing.Annotated
    for info in typing.get_args(value)[1:]
    if getattr(info, "description", None)
}


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_every_field_explains_its_meaning(path: Path) -> None:
    schema = json.loads(path.read_text(encoding="utf-8"))
    models = {**schema.get("$defs", {}), "root": schema}
    assert FORMS  # the shared types were found
    for model, definition in models.items():
        for name, field in definition.get("properties", {}).items():
            description = field.get("description", "")
            assert len(description) >= 12, f"{model}.{name}: {description!r}"
            assert not any(description.startswith(form) for form in FORMS), f"{model}.{name}"
