from __future__ import annotations

from collections.abc import Iterator

from ....model import PromiseKind, RecipientKind
from ...context import LintContext
from ..base import Rule, Violation
from ._promises import promises, quoted

_BREAKS = {
    PromiseKind.NO_SALE: ("sells", lambda r: r.sale),
    PromiseKind.NO_SHARING: (
        "shares for cross-context behavioural advertising",
        lambda r: r.sharing,
    ),
    PromiseKind.NO_DISCLOSURE: (
        "discloses",
        # A recipient whose role the notice does not state may be a processor: no evidence.
        lambda r: r.kind not in (RecipientKind.PROCESSOR, None),
    ),
}


class PromiseContradictedByRecipient(Rule):
    """A "we do not sell / share / disclose" promise is contradicted by a recipient.

    What it does:
        Checks each `no_sale`, `no_sharing` and `no_disclosure` promise, in the notice and in
        its supplements, against the recipients: a recipient marked `sale: true` breaks "no
        sale", one marked `sharing: true` breaks "no sharing", and any recipient that is not a
        processor (an independent controller, partner, affiliate, authority or the public)
        breaks "no disclosure"; one whose `kind` the notice does not state does not (it may be
        a processor). Data ids are hierarchical: a promise about `location` also covers
        `location.precise`, and a recipient of `location` breaks a promise about
        `location.precise`.

    Why it matters:
        A promise the facts contradict is a misleading statement: it breaches transparency and
        fairness (GDPR Art. 5(1)(a), 12(1)) and is a deceptive practice under consumer law (FTC
        Act s. 5; Cal. Civ. Code 1798.120, 1798.135 for sales and sharing).

    Example:
        ```yaml
        promises:
          no_sale: {kind: no_sale, text: We do not sell your personal data.}
        recipients:
          ad_partners:
            {label: Advertising partners, kind: controller, data: [location.coarse], sale: true}
        ```

    Fix:
        Stop the disclosure, or withdraw the promise and state the sale (with the opt-out the
        law then requires):
        ```yaml
        promises: {}
        recipients:
          ad_partners:
            {label: Advertising partners, kind: controller, data: [location.coarse], sale: true}
        rights:
          opt_out_of_sale_or_sharing: {how: Use the "Do Not Sell or Share" link on every page.}
        ```
    """

    code = "NG205"
    citation = "GDPR Art. 5(1)(a), 12(1); Cal. Civ. Code 1798.120, 1798.135"
    hint = "Correct the promise or the recipient; the notice must not promise what it does."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for at in promises(ctx, *_BREAKS):
            verb, breaks = _BREAKS[at.promise.kind]
            for rid, recipient in ctx.notice.recipients.items():
                if not breaks(recipient):
                    continue
                concerned = at.concerns(recipient.data)
                if at.promise.data and not concerned:
                    continue
                yield Violation(
                    at.path,
                    f"The promise {quoted(at.promise)} is contradicted by recipient `{rid}` "
                    f"({recipient.label}), to whom the notice says the company {verb} "
                    f"{_data(concerned)}.",
                    file=at.file,
                )


def _data(concerned: list[str]) -> str:
    if not concerned:
        return "personal data"
    return ", ".join(f"`{d}`" for d in concerned)
