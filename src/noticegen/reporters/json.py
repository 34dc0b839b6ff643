"""A JSON object with a `findings` list and counts; stable key order for diffs."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from ..findings import Finding


def report(findings: Sequence[Finding]) -> str:
    active = [f for f in findings if f.suppressed is None]
    counts = Counter(str(f.severity) for f in active)
    document = {
        "findings": [f.to_dict() for f in findings],
        "summary": {
            "error": counts["error"],
            "warning": counts["warning"],
            "info": counts["info"],
            "suppressed": len(findings) - len(active),
        },
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
