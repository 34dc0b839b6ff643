from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ....model.terms import Region
from ...context import LintContext
from .._geo import is_placeholder_country, place
from ..base import Rule, Violation
from ._common import GDPR_PROFILES, abroad, covered_without_mechanism


class RecipientAbroadWithoutTransfer(Rule):
    """A recipient processes data abroad, but no transfer explains it.

    What it does:
        For each country outside the EEA (under `uk-gdpr` alone: outside the UK and the EEA)
        listed in a recipient's `countries`, looks for a transfer to that country (or
        `WORLDWIDE`) that names the recipient or names no recipient at all. A country whose
        adequacy decision covers any recipient there, under each GDPR law checked (the EU's
        for `gdpr`, the UK's for `uk-gdpr`; `model.adequacy` lists them), needs no transfer
        entry: the decision is the safeguard. The United States' decisions cover only
        organisations certified under the Data Privacy Framework, so a recipient there still
        needs a transfer that says so. The placeholder country `XX` that `noticegen init`
        writes is no country: NG804 reports it.

    Why it matters:
        The notice must tell the reader that data is transferred to a third country and under
        which safeguard (GDPR Art. 13(1)(f), 14(1)(f)). A recipient abroad with no transfer
        entry is a transfer the reader is not told about, with no safeguard stated.

    Example:
        ```yaml
        recipients:
          helpdesk: {label: Helpdesk, kind: processor, data: [contact.email], countries: [US]}
        transfers: {}
        ```

    Fix:
        ```yaml
        transfers:
          us_helpdesk:
            destination: US
            recipients: [helpdesk]
            safeguard: data_privacy_framework
        ```
    """

    code = "NG309"
    profiles = GDPR_PROFILES
    citation = "GDPR Art. 13(1)(f), 14(1)(f), 44"
    hint = "Add a transfer to that country naming the recipient, with its safeguard."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        n = ctx.notice
        explained: dict[str, set[str | None]] = defaultdict(set)
        for transfer in n.transfers.values():
            named: list[str | None] = list(transfer.recipients) or [None]
            explained[transfer.destination].update(named)
        for rid, recipient in n.recipients.items():
            for i, country in enumerate(recipient.countries):
                # NG804 reports the placeholder `XX`; it names no country to transfer to.
                if is_placeholder_country(country) or not abroad(ctx, country):
                    continue
                if covered_without_mechanism(ctx, country):
                    continue
                covering = explained[country] | explained[Region.WORLDWIDE]
                if rid in covering or None in covering:
                    continue
                yield Violation(
                    ("recipients", rid, "countries", i),
                    f"Recipient `{rid}` ({recipient.label}) processes data in "
                    f"{place(country)}, but no transfer to that country is described.",
                )
