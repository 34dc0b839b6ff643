"""A JSON object with a flat `findings` list, the same findings as `groups` (one per defect, with
its instances), and counts; stable key order for diffs."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from ...model.findings import Finding
from .grouping import Group, group_findings


def _group(group: Group) -> dict[str, object]:
    first = group.first
    data: dict[str, object] = {
        "rule": first.rule,
        "name": first.name,
        "severity": str(first.severity),
        "message": group.message,
        "source": first.citation,
        "fix": first.hint,
        "fingerprint": group.fingerprint,
        "instances": [
            {"file": f.file, "line": f.line, "column": f.column, "message": f.message}
            for f in group.findings
        ],
    }
    if first.suppressed is not None:
        data["suppressed"] = first.suppressed
    return data


def report(findings: Sequence[Finding]) -> str:
    active = [f for f in findings if f.suppressed is None]
    counts = Counter(str(f.severity) for f in active)
    document = {
        "findings": [f.to_dict() for f in findings],
        "groups": [_group(group) for group in group_findings(findings)],
        "summary": {
            "error": counts["error"],
            "warning": counts["warning"],
            "info": counts["info"],
            "suppressed": len(findings) - len(active),
            "groups": len(group_findings(active)),
        },
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
