"""The rule reference and schema reference under docs/, generated from the code.

`python -m noticegen.authoring.docs` rewrites them; a test fails when the committed pages are stale.
"""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path
from typing import Annotated, Any, get_args, get_origin, get_type_hints

from ..lint.rules import ALL_RULES, FAMILIES, Rule
from ..model import Jurisdiction

DOCS = Path("docs")


def rule_page(rule: type[Rule]) -> str:
    sections = rule.doc_sections()
    profiles = ", ".join(f"`{p}`" for p in sorted(rule.profiles)) or "all notices"
    lines = [
        f"# {rule.code} {rule.name}",
        "",
        sections["Summary"],
        "",
        "| | |",
        "| --- | --- |",
        f"| Family | {rule.family} |",
        f"| Default severity | {rule.severity} |",
        f"| Applies to | {profiles} |",
        f"| Legal source | {rule.citation or 'none (format rule)'} |",
        "",
    ]
    for title in ("What it does", "Why it matters", "Example", "Fix"):
        lines += [f"## {title}", "", sections.get(title, "").rstrip(), ""]
    lines += _options(rule)
    lines += [
        "## Suppressing it",
        "",
        "Where the finding does not apply, say why in a comment on the line it points at:",
        "",
        "```yaml",
        f"# noticegen: ignore[{rule.code}] <the reason, shown in every report>",
        "```",
        "",
    ]
    return "\n".join(lines)


def _options(rule: type[Rule]) -> list[str]:
    """The rule's options, from the `NamedTuple` it declares."""
    from ..lint.rules.base import option_defaults
    from .schema import attribute_docstrings

    if rule.Options is None:
        return []
    types = get_type_hints(rule.Options, include_extras=True)
    meanings = attribute_docstrings(rule.Options)
    defaults = option_defaults(rule.Options)
    lines = [
        "## Options",
        "",
        f"Set under `[tool.noticegen.options.{rule.code}]`:",
        "",
        "| Option | Type | Default | Meaning |",
        "| --- | --- | --- | --- |",
    ]
    for name in defaults:
        default = "not set" if defaults[name] is None else f"`{json.dumps(defaults[name])}`"
        meaning = " ".join(meanings.get(name, "").split()).replace("|", "\\|")
        lines.append(f"| `{name}` | {_option_type(types[name])} | {default} | {meaning} |")
    return [*lines, ""]


def _option_type(annotation: Any) -> str:
    kinds = [a for a in get_args(annotation) if a is not type(None)] or [annotation]
    kind = get_args(kinds[0])[0] if get_origin(kinds[0]) is Annotated else kinds[0]
    names = {bool: "true or false", str: "text", datetime.date: "date (YYYY-MM-DD)"}
    return names.get(kind, getattr(kind, "__name__", str(kind)))


def rules_index() -> str:
    lines = ["# Rule reference", "", f"noticegen has {len(ALL_RULES)} rules.", ""]
    for family, rules in FAMILIES.items():
        if not rules:
            continue
        lines += [
            f"## {family}",
            "",
            "| Code | Name | Severity | Profiles | Source |",
            "| --- | --- | --- | --- | --- |",
        ]
        for r in rules:
            profiles = ", ".join(sorted(r.profiles)) or "all"
            lines.append(
                f"| [{r.code}]({r.code}.md) | {r.name} | {r.severity} | {profiles} | {r.citation} |"
            )
        lines.append("")
    by_profile: dict[str, list[str]] = {}
    for r in ALL_RULES:
        for p in r.profiles:
            by_profile.setdefault(p, []).append(r.code)
    lines += ["## By profile", ""]
    for p in sorted(by_profile):
        lines.append(f"- **{p}**: " + ", ".join(f"[{c}]({c}.md)" for c in by_profile[p]))
    lines.append("")
    return "\n".join(lines)


def _jurisdiction_table() -> list[str]:
    """The one record of each jurisdiction, as a reader of the reference needs it."""
    rows = [f"| `{j.value}` | {j.label} | {j.citation} | {j.region} |" for j in Jurisdiction]
    return [
        "| Value | Named on the page | Statute | Region |",
        "| --- | --- | --- | --- |",
        *rows,
        "",
    ]


def schema_reference() -> str:
    from .schema import SCHEMAS, json_schema

    lines = [
        "# Schema reference",
        "",
        "Generated from the model; every field, with its meaning.",
        "",
    ]
    for file_name, model in SCHEMAS.items():
        schema = json_schema(model)
        defs: dict[str, Any] = schema.get("$defs", {})
        lines += [f"## {model.__name__} (`{file_name}`)", "", (model.__doc__ or "").strip(), ""]
        lines += _fields(schema)
        for name in sorted(defs):
            definition = defs[name]
            lines += [f"### {name}", "", definition.get("description", "").strip(), ""]
            if "enum" in definition:
                lines += ["Values: " + ", ".join(f"`{v}`" for v in definition["enum"]), ""]
            if name == Jurisdiction.__name__:
                lines += _jurisdiction_table()
            lines += _fields(definition)
    return "\n".join(lines).rstrip() + "\n"


def _fields(schema: dict[str, Any]) -> list[str]:
    props = schema.get("properties", {})
    if not props:
        return []
    required = set(schema.get("required", []))
    lines = ["| Field | Required | Type | Meaning |", "| --- | --- | --- | --- |"]
    for name, prop in props.items():
        description = " ".join(prop.get("description", "").split()).replace("|", "\\|")
        lines.append(
            f"| `{name}` | {'yes' if name in required else 'no'} | {_type(prop)} | {description} |"
        )
    return [*lines, ""]


def _type(prop: dict[str, Any]) -> str:
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    if "anyOf" in prop:
        return " or ".join(_type(p) for p in prop["anyOf"] if p.get("type") != "null")
    kind = prop.get("type", "any")
    if kind == "array":
        return f"list of {_type(prop.get('items', {}))}"
    if kind == "object" and "additionalProperties" in prop:
        return f"mapping of id to {_type(prop['additionalProperties'])}"
    return str(kind)


def generated_pages() -> dict[Path, str]:
    pages = {DOCS / "rules" / f"{r.code}.md": rule_page(r) for r in ALL_RULES}
    pages[DOCS / "rules" / "index.md"] = rules_index()
    pages[DOCS / "schema.md"] = schema_reference()
    return pages


def write_docs(root: Path = Path()) -> None:
    from ..sources.fsutil import atomic_write_text

    for path, text in generated_pages().items():
        atomic_write_text(root / path, text)


if __name__ == "__main__":
    write_docs()
    sys.exit(0)
