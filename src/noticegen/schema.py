"""The JSON Schema of notice and supplement files, generated from the model."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .model import Notice, Supplement

SCHEMA_DIR = Path("schema")
SCHEMAS: dict[str, type[BaseModel]] = {
    "notice.schema.json": Notice,
    "supplement.schema.json": Supplement,
}


def json_schema(model: type[BaseModel]) -> dict[str, Any]:
    schema = model.model_json_schema()
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
    from .fsutil import atomic_write_text

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_schemas().items():
        atomic_write_text(folder / name, text)
        written.append(folder / name)
    return written
