from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from ....model import (
    CcpaCategory,
    DataCategory,
    PromiseKind,
    Recipient,
    RecipientKind,
    SaleException,
)
from ....model.base import covers
from ....model.findings import Severity
from ...context import LintContext, PathT
from .._text import listed
from ..base import Rule, Violation
from ._statements import IdSet, denials, words

_CONTACT_CATEGORIES = {CcpaCategory.IDENTIFIERS, CcpaCategory.CUSTOMER_RECORDS}
_CONTACT_WORDS = frozenset({"email", "phone", "telephone", "mobile", "address", "contact"})
_LOCATION_ROOTS = ("location", "geolocation", "geo")


def _normal(text: str) -> str:
    return " ".join(text.lower().split()).rstrip(".")


class _Claim(NamedTuple):
    path: PathT
    file: str | None
    text: str
    quote: str | None


class NoSaleClaimAtRisk(Rule):
    """The notice says it does not sell or share personal data, yet it gives data to partners
    who use it themselves, or uses location for advertising with others.

    What it does:
        When the notice (in a `no_sale` or `no_sharing` promise, or in a sentence such as "We
        do not, under any circumstance, sell your personal data") says personal data is not
        sold, looks for disclosures the CCPA is likely to treat as a sale or as sharing even
        though no recipient is marked so: an independent partner (`kind: controller`) that
        receives contact details or identifiers, and so can contact people directly (or such a
        recipient whose `kind` the notice does not state, named as such); and a
        purpose that uses location data for marketing or profiling while a recipient receives
        data for it. It reports the claim, naming what puts it at risk. It is a warning: an
        exception may apply (a disclosure the consumer directs, 1798.140(ad)(2)(A)); a recipient
        whose `sale_exception` names one (the person directs it, an opt-out signal, a merger or
        acquisition) is not counted, nor one marked `business_purpose` whose purposes are all
        CCPA business purposes (`ccpa_business_purpose`, 1798.140(e)); one marked so for a
        purpose that is not a business purpose is counted, and the claim names it.

    Why it matters:
        A sale is any disclosure of personal information to a third party for monetary or
        other valuable consideration (Cal. Civ. Code 1798.140(ad)); sharing is any disclosure
        for cross-context behavioural advertising, paid or not (1798.140(ah)). Partners who
        receive customers' contact details to market to them usually give value in return, and
        location-based advertising through others is sharing. A "we never sell" claim next to
        such flows is the classic enforcement case (People v. Sephora, 2022), and it withholds
        the right to opt out (1798.120).

    Example:
        ```yaml
        promises:
          no_sale: {kind: no_sale, text: "We do not, under any circumstance, sell your data."}
        recipients:
          partners: {label: Partners, kind: controller, data: [contact.email, contact.phone]}
        ```

    Fix:
        ```yaml
        recipients:
          partners:
            label: Partners
            kind: controller
            data: [contact.email, contact.phone]
            sale: true          # and offer the opt-out; or stop giving partners the data
        ```
    """

    code = "NG655"
    severity = Severity.WARNING
    profiles = frozenset({"ccpa"})
    citation = "Cal. Civ. Code 1798.140(ad), (ah), 1798.120"
    hint = "Mark the disclosure as a sale or sharing and offer the opt-out, or stop it."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        claims = list(self._claims(ctx))
        if not claims:
            return
        risks, context = self._risks(ctx)
        if not risks:
            return
        because = "; ".join(risks)
        also = f" Also, {'; '.join(context)}." if context else ""
        for claim in claims:
            yield Violation(
                claim.path,
                f'The notice says "{claim.text}", but {because}: under the CCPA that is '
                f"likely a sale or sharing.{also}",
                file=claim.file,
                quote=claim.quote,
            )

    def _claims(self, ctx: LintContext) -> Iterator[_Claim]:
        documents = [(None, ctx.notice.promises), *((f, s.promises) for f, s in ctx.supplements)]
        promised = set()
        for file, promises in documents:
            for pid, promise in promises.items():
                if promise.kind in (PromiseKind.NO_SALE, PromiseKind.NO_SHARING):
                    promised.add(_normal(promise.text))
                    yield _Claim(("promises", pid, "text"), file, promise.text.strip(), None)
        for denial in denials(ctx):
            # Prose that repeats a promise word for word is the same claim, reported once.
            repeated = _normal(denial.sentence) in promised
            if "sell" in denial.kinds and denial.about_anyone() and not repeated:
                yield _Claim(denial.path, denial.file, denial.quote, denial.quote)

    def _risks(self, ctx: LintContext) -> tuple[list[str], list[str]]:
        """Disclosures that are likely a sale or sharing, and advertising on location that
        would be sharing if others serve it (worth naming beside a real risk, not alone)."""
        n = ctx.notice
        risks: list[str] = []
        context: list[str] = []
        contact = IdSet(d for d, c in n.data.items() if _is_contact(d, c))
        location = IdSet(d for d, c in n.data.items() if _is_location(d, c))
        serving: dict[str, list[str]] = {}  # purpose -> recipients not marked sale or sharing
        for rid, r in n.recipients.items():
            if r.kind != RecipientKind.PUBLIC_AUTHORITY and not (
                r.sale or r.sharing or _excepted(ctx, r)
            ):
                for pid in r.purposes:
                    serving.setdefault(pid, []).append(rid)
        for rid, r in n.recipients.items():
            if r.kind not in (RecipientKind.CONTROLLER, None):
                continue
            if r.sale or r.sharing or _excepted(ctx, r):
                continue
            contacts = [d for d in r.data if d in contact.ancestors]
            if contacts and r.kind is None:
                # Only a service provider's role would keep this from a sale: say it is unstated.
                risks.append(
                    f"recipient `{rid}` ({r.label}), whose role the notice does not state, "
                    f"receives {listed(contacts, limit=None)}, which it can use to contact "
                    "people itself unless it is a service provider" + _not_business_purposes(ctx, r)
                )
            elif contacts:
                risks.append(
                    f"partner `{rid}` ({r.label}) receives {listed(contacts, limit=None)}, "
                    "which it can use to contact people itself" + _not_business_purposes(ctx, r)
                )
        for pid, purpose in n.purposes.items():
            if not (purpose.direct_marketing or purpose.profiling):
                continue
            located = [d for d in purpose.data if d in location.ancestors]
            helpers = serving.get(pid, [])
            if located and helpers:
                risks.append(
                    f"purpose `{pid}` ({purpose.label}) uses {listed(located, limit=None)} "
                    f"for advertising with `{helpers[0]}`"
                )
            elif located:
                context.append(
                    f"purpose `{pid}` ({purpose.label}) uses {listed(located, limit=None)} "
                    "for advertising, which is sharing if a third party serves the ads"
                )
        return risks, context


def _outside_business_purposes(ctx: LintContext, recipient: Recipient) -> list[str]:
    """The recipient's purposes that are not CCPA business purposes (an unknown id is none)."""
    purposes = ctx.notice.purposes
    return [
        pid
        for pid in recipient.purposes
        if pid not in purposes or not purposes[pid].ccpa_business_purpose
    ]


def _excepted(ctx: LintContext, recipient: Recipient) -> bool:
    """Whether the CCPA does not count the disclosure as a sale: a statutory exception, or a
    business purpose, which holds only for named purposes that all are business purposes."""
    if recipient.sale_exception is SaleException.BUSINESS_PURPOSE:
        return bool(recipient.purposes) and not _outside_business_purposes(ctx, recipient)
    return recipient.sale_exception is not None


def _not_business_purposes(ctx: LintContext, recipient: Recipient) -> str:
    """Why a disclosure marked `business_purpose` still counts, for the message."""
    if recipient.sale_exception is not SaleException.BUSINESS_PURPOSE:
        return ""
    if not recipient.purposes:
        return " (marked `business_purpose`, but it names no purpose)"
    outside = _outside_business_purposes(ctx, recipient)
    verb = "is" if len(outside) == 1 else "are"
    return f" (marked `business_purpose`, but {listed(outside)} {verb} not a business purpose)"


def _is_contact(did: str, data: DataCategory) -> bool:
    return (
        covers("contact", did)
        or data.ccpa_category in _CONTACT_CATEGORIES
        or bool(_CONTACT_WORDS & (words(did.replace(".", " ")) | words(data.label)))
    )


def _is_location(did: str, data: DataCategory) -> bool:
    return data.ccpa_category == CcpaCategory.GEOLOCATION or any(
        covers(root, did) for root in _LOCATION_ROOTS
    )
