from __future__ import annotations

import re
from collections.abc import Iterator

from ....model import Cookie, Purpose
from ...context import LintContext
from .._text import is_first_party, listed
from ..base import Rule, Violation
from ._statements import company_negations, negation_of

_KINDS = (
    r"advertising|marketing|targeting|tracking|third[- ]party|analytics?|non-essential|optional"
)
_DENIAL = negation_of(
    rf"(?:use|set|place|deploy|drop|install)\s+(?:any\s+)?(?P<kind>(?:{_KINDS})\s+)?"
    r"(?:cookies|tracking\s+technologies|similar\s+technologies|pixels|web\s+beacons)\b"
)
# "No cookies are used", "No tracking cookies are set on this site".
_PASSIVE = re.compile(
    rf"(?P<subject>)\b(?:no|none\s+of\s+(?:our|the))\s+(?P<what>(?P<kind>(?:{_KINDS})\s+)?"
    r"(?:cookies|tracking\s+technologies|similar\s+technologies|pixels|web\s+beacons)\s+"
    r"(?:are|is|will\s+be|get)\s+(?:ever\s+)?(?:used|set|placed|deployed|dropped|installed))\b",
    re.IGNORECASE,
)
# "on this website" names where, not which cookies: it narrows nothing.
_ON_SITE = re.compile(
    r"(?:on|in|by|within)\s+(?:this|our|the)\s+(?:web\s*site|site|app|application|platform|"
    r"services?)\b[\s,]*",
    re.IGNORECASE,
)
# "We do not use cookies for advertising": the words after the denial may name the kind.
_FOR_KIND = re.compile(
    r"(?:for|to)\s+(?:\w+\s+){0,2}?(?P<kind>advertis\w*|marketing|targeting|track\w*|analytics?|"
    r"profil\w*)\b",
    re.IGNORECASE,
)
_ANALYTICS = re.compile(r"analytic|statistic|measure|audience", re.IGNORECASE)


_KIND_ALIASES = {
    "adver": "advertising",
    "marke": "marketing",
    "targe": "targeting",
    "track": "tracking",
    "analy": "analytics",
    "profi": "advertising",
}


class ProseDeniesCookies(Rule):
    """The text says no cookies (or no cookies of a kind) are used, but the notice declares
    such cookies.

    What it does:
        Finds sentences in which the company denies using cookies or similar technologies,
        optionally of a kind ("We do not use advertising cookies", "We never set third-party
        cookies", "No cookies are used on this website"), and reports them when a declared
        cookie is of that kind: advertising, marketing or targeting (its purpose is direct
        marketing or profiling); tracking, non-essential or optional (not strictly
        necessary); third-party (its provider neither names the company, whatever the case,
        punctuation or legal form, nor says "first party"); analytics (its purpose is about
        analytics or statistics).

    Why it matters:
        Consent to cookies is valid only if it is informed (Directive 2002/58/EC Art. 5(3);
        GDPR Art. 4(11)); a notice that denies the cookies it sets misinforms the very choice
        the user is asked to make (GDPR Art. 5(1)(a)).

    Example:
        ```yaml
        sections:
          cookies: {title: Cookies, body: We do not use advertising cookies.}
        cookies:
          fbp:
            name: _fbp
            provider: Meta
            purpose: ads        # direct_marketing: true
            duration: P3M
            strictly_necessary: false
            consent: true
        ```

    Fix:
        ```yaml
        sections:
          cookies:
            title: Cookies
            body: With your consent, Meta sets an advertising cookie (_fbp) for three months.
        ```
    """

    code = "NG658"
    citation = "Directive 2002/58/EC Art. 5(3); GDPR Art. 5(1)(a)"
    hint = "Correct the sentence, or the cookies, so that both say the truth."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        cookies = ctx.notice.cookies
        if not cookies:
            return
        for negation in company_negations(ctx, _DENIAL, _PASSIVE):
            kind = (negation.match.group("kind") or "").strip().lower()
            after = negation.sentence[negation.match.end() :].strip(" .!\n")
            after = _ON_SITE.sub("", after, count=1) if _ON_SITE.match(after) else after
            if after:
                purpose_kind = _FOR_KIND.match(after)
                if purpose_kind is None:
                    continue  # a qualifier we cannot check against the cookies
                kind = _KIND_ALIASES.get(purpose_kind.group("kind")[:5].lower(), kind)
            found = [
                c.name or f"{c.category} cookies"
                for c in cookies.values()
                if self._is_kind(kind, c, ctx.notice.purposes.get(c.purpose), ctx)
            ]
            if found:
                yield Violation(
                    negation.path,
                    f'The text says "{negation.quote}", but the notice declares '
                    f"{listed(found, limit=5)}.",
                    file=negation.file,
                    quote=negation.quote,
                )

    @staticmethod
    def _is_kind(kind: str, cookie: Cookie, purpose: Purpose | None, ctx: LintContext) -> bool:
        if kind in ("advertising", "marketing", "targeting"):
            return purpose is not None and (purpose.direct_marketing or purpose.profiling)
        if kind in ("tracking", "non-essential", "optional"):
            return cookie.necessary is False
        if kind.startswith("third"):
            return cookie.provider is not None and not is_first_party(ctx, cookie.provider)
        if kind.startswith("analytic"):
            text = cookie.purpose + " " + (purpose.label if purpose else "")
            return bool(_ANALYTICS.search(text))
        return True
