from __future__ import annotations

import re
from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation
from ..consistency._geo import EEA
from ._statements import denials

_REGIONS = (
    (
        re.compile(r"\b(?:EEA|EU|European\s+(?:Economic\s+Area|Union)|Europe)\b", re.I),
        EEA,
        "the EEA",
    ),
    (re.compile(r"\b(?:UK|United\s+Kingdom|Britain)\b", re.I), frozenset({"GB", "UK"}), "the UK"),
    (re.compile(r"\bBra[sz]il\b", re.I), frozenset({"BR"}), "Brazil"),
)


class ProseDeniesTransfer(Rule):
    """The text says data does not leave a region, but the notice lists a transfer out of it.

    What it does:
        Finds sentences in which the company denies transferring, sending or moving personal
        data outside the EEA (or the EU, Europe, the UK or Brazil) and reports each one when a
        transfer, or a recipient's country, lies outside that region.

    Why it matters:
        The notice must disclose transfers to third countries and their safeguards (GDPR Art.
        13(1)(f), 44-49; LGPD Art. 33). A denial the facts contradict hides a transfer and its
        risks from the reader (GDPR Art. 5(1)(a)).

    Example:
        ```yaml
        sections:
          transfers: {title: Transfers, body: We do not transfer your data outside the EEA.}
        transfers:
          us: {destination: US, safeguard: standard_contractual_clauses}
        ```

    Fix:
        ```yaml
        sections:
          transfers:
            title: Transfers
            body: >
              Our hosting provider stores data in the United States under the European
              Commission's standard contractual clauses.
        ```
    """

    code = "NG654"
    name = "prose-denies-transfer"
    family = "contradictions"
    citation = "GDPR Art. 5(1)(a), 13(1)(f); LGPD Art. 33"
    hint = "Correct the sentence, or the transfers, so that both say the truth."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        n = ctx.notice
        for denial in denials(ctx):
            if "transfer" not in denial.kinds:
                continue
            region = next((r for r in _REGIONS if r[0].search(denial.tail)), None)
            if region is None:
                continue
            _, inside, name = region
            outside = [t.destination for t in n.transfers.values() if t.destination not in inside]
            outside += [
                c for r in n.recipients.values() for c in r.countries if c.upper() not in inside
            ]
            if outside:
                yield Violation(
                    denial.path,
                    f'The text says "{denial.quote}" outside {name}, but the notice lists data '
                    f"going to {', '.join(sorted(set(outside)))}.",
                    file=denial.file,
                    quote=denial.quote,
                )
