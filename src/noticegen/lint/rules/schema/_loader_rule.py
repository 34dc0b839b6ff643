from __future__ import annotations

from ....model.findings import Severity
from ..base import Rule


class LoaderRule(Rule):
    """Base of the problems the loader reports while reading YAML: the rule documents them,
    the loader finds them."""

    severity = Severity.ERROR
    reported_by_loader = True
