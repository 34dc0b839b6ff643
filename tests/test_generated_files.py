"""Committed files generated from the code (JSON Schema, rule and schema reference) are fresh."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from noticegen.authoring.docs import generated_pages
from noticegen.authoring.schema import SCHEMA_DIR, render_schemas
from noticegen.lint.rules import ALL_RULES
from noticegen.lint.rules.base import DOC_SECTIONS

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name", sorted(render_schemas()))
def test_committed_schema_is_fresh(name: str) -> None:
    committed = (ROOT / SCHEMA_DIR / name).read_text(encoding="utf-8")
    assert committed == render_schemas()[name], "run `noticegen schema` and commit schema/"


def test_schema_documents_every_field() -> None:
    schema = json.loads(render_schemas()["notice.schema.json"])
    undocumented = [
        f"{name}.{field}"
        for name, definition in schema["$defs"].items()
        for field, prop in definition.get("properties", {}).items()
        if not prop.get("description")
    ]
    assert not undocumented


def test_generated_docs_are_fresh() -> None:
    stale = [
        str(path)
        for path, text in generated_pages().items()
        if not (ROOT / path).exists() or (ROOT / path).read_text(encoding="utf-8") != text
    ]
    assert not stale, "run `python -m noticegen.authoring.docs` and commit docs/: " + ", ".join(
        stale
    )


def test_no_orphan_rule_pages() -> None:
    expected = {f"{r.code}.md" for r in ALL_RULES} | {"index.md"}
    present = {p.name for p in (ROOT / "docs" / "rules").glob("*.md")}
    assert present <= expected, sorted(present - expected)


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_rule_docstring_has_every_section(rule: type) -> None:
    sections = rule.doc_sections()  # type: ignore[attr-defined]
    for title in DOC_SECTIONS:
        assert sections.get(title, "").strip(), f"{rule.code} lacks '{title}:'"
    assert "```" in sections["Example"] and "```" in sections["Fix"]


def test_rule_codes_and_names_are_unique() -> None:
    codes = [r.code for r in ALL_RULES]
    names = [r.name for r in ALL_RULES]
    assert len(set(codes)) == len(codes)
    assert len(set(names)) == len(names)
