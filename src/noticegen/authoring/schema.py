"""The JSON Schema of notice and supplement files, generated from the model."""

from __future__ import annotations

import ast
import functools
import inspect
import itertools
import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from ..model import Notice, Supplement

SCHEMA_DIR = Path("schema")
SCHEMAS: dict[str, type[BaseModel]] = {
    "notice.schema.json": Notice,
    "supplement.schema.json": Supplement,
}


@functools.cache
def _module_tree(module: str) -> ast.Module:
    return ast.parse(inspect.getsource(sys.modules[module]))


def attribute_docstrings(cls: type) -> dict[str, str]:
    """Each field's docstring (the string right under `name: type`), by field name; `cls` may
    be nested in another class."""
    docs: dict[str, str] = {}
    body = _module_tree(cls.__module__).body
    for name in cls.__qualname__.split("."):
        body = next(
            (node.body for node in body if isinstance(node, ast.ClassDef) and node.name == name),
            [],
        )
    for node, following in itertools.pairwise(body):
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            docs[node.target.id] = inspect.cleandoc(following.value.value)
    return docs


class _FieldDocstrings(GenerateJsonSchema):
    """Describes each field by its docstring (what it means), followed by its type's description
    (how to write it) where the type has one."""

    def model_schema(self, schema: core_schema.ModelSchema) -> JsonSchemaValue:
        json_schema = super().model_schema(schema)
        model: type[BaseModel] = schema["cls"]
        properties = json_schema.get("properties", {})
        # a field inherited from another model is documented where it is declared
        inherited = [
            c for c in reversed(model.__mro__) if c is not BaseModel and issubclass(c, BaseModel)
        ]
        docs = {name: text for cls in inherited for name, text in attribute_docstrings(cls).items()}
        for name, text in docs.items():
            field = model.model_fields.get(name)
            if field is not None and name in properties:
                form = field.description
                properties[name]["description"] = f"{text} {form}" if form else text
        return json_schema


def json_schema(model: type[BaseModel]) -> dict[str, Any]:
    schema = model.model_json_schema(schema_generator=_FieldDocstrings)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://noticegen.dev/schema/{model.__name__.lower()}.schema.json",
        **schema,
    }


def render_schemas() -> dict[str, str]:
    """File name to text, exactly as committed under schema/."""
    return {
        name: json.dumps(json_schema(model), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        for name, model in SCHEMAS.items()
    }


def write_schemas(folder: Path = SCHEMA_DIR) -> list[Path]:
    from ..sources.fsutil import atomic_write_text

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_schemas().items():
        atomic_write_text(folder / name, text)
        written.append(folder / name)
    return written
