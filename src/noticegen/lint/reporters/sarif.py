"""SARIF 2.1.0 as GitHub code scanning accepts it: one result per place. The results of one
defect (see `grouping`) share the partial fingerprint `noticegenDefect/v1`, a hash of the rule
and the defect, and point to each other's places as related locations, linked from the message.
GitHub computes its own `primaryLocationLineHash` per place, so each place stays its own alert."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from ... import __version__
from ...model.findings import Finding, Severity
from ..rules import BY_CODE
from .grouping import Group, group_findings

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT = "noticegenDefect/v1"
# Related locations per result: GitHub keeps 100, and a cap keeps a defect repeated n times
# from writing n * n locations.
RELATED_PLACES = 100


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


def _region(f: Finding) -> dict[str, object]:
    end = f.end or f.position
    return {
        "artifactLocation": {"uri": _uri(f.file)},
        "region": {
            "startLine": f.line,
            "startColumn": f.column,
            "endLine": end.line,
            "endColumn": max(end.column, f.column),
        },
    }


def _link_text(text: str) -> str:
    """Text inside an embedded link, whose brackets and backslashes SARIF escapes."""
    return re.sub(r"([\\\[\]])", r"\\\1", text)


def _place(f: Finding, seen_from: str) -> str:
    return f"line {f.line}" if f.file == seen_from else f"{_uri(f.file)} line {f.line}"


def _result(group: Group, position: int, rule_index: int) -> dict[str, object]:
    f = group.findings[position]
    others = [*group.findings[:position], *group.findings[position + 1 :]][:RELATED_PLACES]
    text = f.message + (f" ({f.citation})" if f.citation else "")
    if others:
        more = len(group.findings) - 1 - len(others)
        links = ", ".join(
            f"[{_link_text(_place(o, f.file))}]({i})" for i, o in enumerate(others, 1)
        )
        text += f" The same defect is also at {links}" + (f" and {more} more." if more else ".")
    text += f" Fix: {f.hint}" if f.hint else ""
    result: dict[str, object] = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": _LEVEL[f.severity],
        "message": {"text": text},
        "locations": [{"physicalLocation": _region(f)}],
        "partialFingerprints": {FINGERPRINT: group.fingerprint},
    }
    if others:
        result["relatedLocations"] = [
            {"id": i, "physicalLocation": _region(o), "message": {"text": o.message}}
            for i, o in enumerate(others, 1)
        ]
    # SARIF: suppression information on every result of a run or on none; here on every one.
    result["suppressions"] = (
        [] if f.suppressed is None else [{"kind": "inSource", "justification": f.suppressed}]
    )
    return result


def report(findings: Sequence[Finding]) -> str:
    codes = sorted({f.rule for f in findings})
    index = {code: i for i, code in enumerate(codes)}
    # One result per finding, in the findings' order, each told its place in its group.
    group_of = {id(f): group for group in group_findings(findings) for f in group.findings}
    placed: Counter[int] = Counter()
    results = []
    for f in findings:
        group = group_of[id(f)]
        results.append(_result(group, placed[id(group)], index[f.rule]))
        placed[id(group)] += 1
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
