"""SARIF 2.1.0 as GitHub code scanning accepts it."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from .. import __version__
from ..findings import Finding, Severity
from ..rules import BY_CODE

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(file: str) -> str:
    path = Path(file)
    if path.is_absolute():
        try:
            path = path.relative_to(Path.cwd())
        except ValueError:
            return path.as_uri()
    return path.as_posix()


def _rule(code: str) -> dict[str, object]:
    rule = BY_CODE[code]
    sections = rule.doc_sections()
    help_text = "\n\n".join(f"{k}:\n{v}" for k, v in sections.items() if k != "Summary")
    return {
        "id": code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary()},
        "fullDescription": {"text": sections.get("What it does", rule.summary())},
        "help": {"text": help_text or rule.summary()},
        "helpUri": f"https://github.com/noticegen/noticegen/blob/main/docs/rules/{code}.md",
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"family": rule.family, "citation": rule.citation},
    }


def report(findings: Sequence[Finding]) -> str:
    codes = sorted({f.rule for f in findings})
    index = {code: i for i, code in enumerate(codes)}
    results = []
    for f in findings:
        end = f.end or f.position
        text = (
            f.message
            + (f" ({f.citation})" if f.citation else "")
            + (f" Fix: {f.hint}" if f.hint else "")
        )
        result: dict[str, object] = {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": _LEVEL[f.severity],
            "message": {"text": text},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(f.file)},
                        "region": {
                            "startLine": f.line,
                            "startColumn": f.column,
                            "endLine": end.line,
                            "endColumn": max(end.column, f.column),
                        },
                    }
                }
            ],
        }
        if f.suppressed is not None:
            result["suppressions"] = [{"kind": "inSource", "justification": f.suppressed}]
        results.append(result)
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "noticegen",
                        "version": __version__,
                        "informationUri": "https://github.com/noticegen/noticegen",
                        "rules": [_rule(code) for code in codes],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
