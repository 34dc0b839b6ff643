from __future__ import annotations

from collections.abc import Iterator

from ....model import RecipientKind
from ...context import LintContext
from .._text import is_first_party, listed
from ..base import Rule, Violation
from ._reader import company_denials, is_advertising


class ProseDeniesAdvertising(Rule):
    """The text says there is no advertising, but the notice declares it.

    What it does:
        Reads the prose with the prose reader and finds statements in which the company says
        it does not advertise or has no advertising ("We have no third-party advertising on
        this site", "No ads are shown"). It reports each one when the notice declares an
        advertising purpose, a cookie for such a purpose or an advertising recipient. A denial
        of third-party advertising counts only against cookies set by another provider and
        recipients that are not the company's processors. Qualified, conditional and possible
        statements are left alone.

    Why it matters:
        Readers must learn the purposes, the recipients and the cookies that serve ads (GDPR
        Art. 13(1)(c) and (e); ePrivacy Directive Art. 5(3); Cal. Civ. Code 1798.115). Saying
        there are none while an ad network sets its cookie is misleading (GDPR Art. 5(1)(a);
        15 U.S.C. 45(a)).

    Example:
        ```yaml
        sections:
          ads: {title: Advertising, body: We currently have no third-party advertising.}
        cookies:
          adnet:
            name: adnet_uid
            provider: AdNet Inc.
            purpose: ads
            strictly_necessary: false
            consent: true
        ```

    Fix:
        ```yaml
        sections:
          ads:
            title: Advertising
            body: AdNet shows ads on our pages and sets its cookie to choose them.
        ```
    """

    code = "NG661"
    citation = "GDPR Art. 5(1)(a), 13(1)(c); ePrivacy Directive Art. 5(3)"
    hint = "Correct the sentence, or the purposes, cookies and recipients, so that both agree."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        for read in company_denials(ctx, "advertise"):
            statement = read.statement
            if statement.data:
                continue  # "we do not advertise your email": about the data, not the ads
            third_party = bool({"third_party", "advertiser"} & set(statement.recipients))
            evidence = self._evidence(ctx, third_party)
            if evidence:
                yield Violation(
                    read.path,
                    f'The text says "{statement.quote}", but the notice declares '
                    f"{listed(evidence)}.",
                    file=read.file,
                    quote=statement.quote,
                )

    @staticmethod
    def _evidence(ctx: LintContext, third_party: bool) -> list[str]:
        notice = ctx.notice
        ads = {pid for pid, p in notice.purposes.items() if is_advertising(pid, p.label)}
        found = [] if third_party else sorted(ads)
        found += [
            cid
            for cid, cookie in notice.cookies.items()
            if (cookie.purpose in ads or is_advertising(cid, cookie.name or str(cookie.category)))
            # a provider the notice does not name is no evidence of a third party
            and not (
                third_party and (cookie.provider is None or is_first_party(ctx, cookie.provider))
            )
        ]
        found += [
            rid
            for rid, r in notice.recipients.items()
            if is_advertising(rid, r.label)
            and not (third_party and r.kind is RecipientKind.PROCESSOR and not r.purposes)
        ]
        return found
