from __future__ import annotations

from collections.abc import Iterator

from ...context import LintContext, PathT
from ..base import Rule, Violation
from ._markdown import FIXED_ANCHORS, entity_ids


class DuplicateAnchor(Rule):
    """Two entries of the notice would get the same anchor on the published page.

    What it does:
        Every id becomes the anchor of its entry on the published page. Flags a retention rule
        id used twice, an id used for two different kinds of entry (a purpose and a section
        both called `marketing`), and an id equal to one of the fixed section anchors
        (`controller`, `scope`, `data`, `purposes`, `recipients`, `retention`, `rights`,
        `cookies`, `transfers`, `children`, `security`, `changes`, `contact`).

    Why it matters:
        With two entries behind one anchor, links, the table of contents and cross-references
        lead to the wrong place, and translations keyed by id get mixed up. The reader must be
        able to find each piece of information (GDPR Art. 12(1)).

    Example:
        ```yaml
        purposes:
          security: {label: Keeping the service secure, description: ..., data: [device.ip]}
        retention:
          - {id: logs, data: [device.ip], period: P90D}
          - {id: logs, data: [contact.email], after: account_closure}
        ```

    Fix:
        ```yaml
        purposes:
          service_security: {label: Keeping the service secure, description: ..., data: [device.ip]}
        retention:
          - {id: logs, data: [device.ip], period: P90D}
          - {id: account_data, data: [contact.email], after: account_closure}
        ```
    """

    code = "NG104"
    name = "duplicate-anchor"
    family = "references"
    citation = "GDPR Art. 12(1)"
    hint = "Give each entry an id of its own."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        first: dict[str, PathT] = {}
        for anchor, path in entity_ids(ctx):
            if anchor in FIXED_ANCHORS:
                yield Violation(
                    path,
                    f"The id `{anchor}` is also the anchor of the notice's own "
                    f'"{anchor}" section, so links to `#{anchor}` become ambiguous.',
                    hint=f"Rename `{anchor}`, e.g. `{_kind(path)}_{anchor}`.",
                )
            elif anchor in first:
                yield Violation(
                    path,
                    f"The id `{anchor}` is already used by {_describe(first[anchor])}; both "
                    "would get the same anchor on the published page.",
                )
            else:
                first[anchor] = path


_KIND_NAMES = {
    "data": "a data category",
    "purposes": "a purpose",
    "recipients": "a recipient",
    "cookies": "a cookie",
    "transfers": "a transfer",
    "promises": "a promise",
    "sections": "a section",
    "documents": "a document",
    "retention": "another retention rule",
}


def _describe(path: PathT) -> str:
    return _KIND_NAMES.get(str(path[0]), str(path[0]))


def _kind(path: PathT) -> str:
    kind = str(path[0])
    return {"data": "data", "retention": "retention"}.get(kind, kind.rstrip("s"))
