"""Output formats for findings, one reporter per format, chosen from one table."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ...model.findings import Finding
from . import github, json, sarif, text

Reporter = Callable[[Sequence[Finding]], str]

REPORTERS: dict[str, Reporter] = {
    "text": text.report,
    "json": json.report,
    "github": github.report,
    "sarif": sarif.report,
}
