from __future__ import annotations

from collections.abc import Iterator

from ....model.findings import Severity
from ....model.sections import ENTRY_KINDS, RESERVED_ANCHORS
from ...context import LintContext
from ..base import Rule, Violation
from ._markdown import entity_ids

_KIND_NAMES = {entry.kind: f"the {entry.noun}" for entry in ENTRY_KINDS}


class DuplicateAnchor(Rule):
    """Two entries of the notice, or an entry and a section of the page, share an id.

    What it does:
        Every id becomes the anchor of its entry on the published page. Flags a retention rule
        id used twice, an id used for two kinds of entry (a purpose and a section both called
        `marketing`), and an id equal to an anchor of the page itself (`controller`, `contact`,
        `data`, `security`, `changes` and the other section anchors). The published page then
        gives the later entry the anchor `<kind>-<id>`.

    Why it matters:
        A link to `#security` meant for the purpose of that name leads to the page's security
        section instead; the entry's anchor is not the id the author wrote; and entries that
        share an id share their translations, which are keyed by id. The reader must be able
        to find each piece of information (GDPR Art. 12(1)).

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
    severity = Severity.WARNING
    citation = "GDPR Art. 12(1)"
    hint = "Give each entry an id of its own."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        owners: dict[str, str] = {}
        for kind, key, path in entity_ids(ctx):
            what = f"{_KIND_NAMES[kind]} `{key}`"
            if key in RESERVED_ANCHORS:
                yield Violation(
                    path,
                    f'The id of {what} is also the anchor of the page\'s own "{key}" section: '
                    f"the entry is published at `#{kind}-{key}`, and links to `#{key}` lead to "
                    "the section.",
                    hint=f"Rename it, e.g. to `{key}_{kind}` or a more specific id.",
                )
            elif key in owners:
                yield Violation(
                    path,
                    f"The id of {what} is already used by {owners[key]}: the two share one "
                    f"anchor and one set of translations, and this one is published at "
                    f"`#{kind}-{key}`.",
                )
            else:
                owners[key] = what
