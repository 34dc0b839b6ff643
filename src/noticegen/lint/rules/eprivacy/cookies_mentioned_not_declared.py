from __future__ import annotations

import re
from collections.abc import Iterator

from ...context import LintContext
from ..base import Rule, Violation

_TECHNOLOGY = re.compile(
    r"\b(cookies?|web beacons?|tracking pixels?|pixel tags?|local storage|"
    r"(similar|tracking) technolog(y|ies)|software development kits?|SDKs?)\b",
    re.IGNORECASE,
)
_DENIAL = re.compile(
    r"\b(do|does|will)\s+not\s+use\b|\bnever\s+use\b|\bn't\s+use\b|\bno\s+cookies\b", re.I
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


class CookiesMentionedNotDeclared(Rule):
    """The text talks about cookies or similar technologies, but none is declared.

    What it does:
        When `cookies` is empty, looks through the prose of the notice and its supplements for
        cookies, web beacons, pixels, local storage, SDKs or "similar technologies" and points
        at the first mention in each file. A notice that says anywhere that it does not use
        them ("We do not use cookies") is left alone.

    Why it matters:
        Every technology that stores or reads information on the user's device needs clear
        and comprehensive information and, unless strictly necessary, consent (Directive
        2002/58/EC Art. 5(3)). A notice that admits to cookies without listing them gives
        neither their purposes, providers nor durations, and nothing can check the consent
        rules against them. A notice that describes its cookies only by category declares
        each category (`category: analytics`), with `listed_in` pointing at the cookie policy
        that names them.

    Example:
        ```yaml
        sections:
          cookies: {title: Cookies, body: We use cookies to recognise you on your next visit.}
        cookies: {}
        ```

    Fix:
        ```yaml
        cookies:
          session:
            name: sid
            provider: Example Ltd
            purpose: account
            session: true
            strictly_necessary: true
            consent: false
        ```
    """

    code = "NG555"
    profiles = frozenset({"eprivacy"})
    citation = "Directive 2002/58/EC Art. 5(3)"
    hint = "Declare each cookie or similar technology under `cookies`."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        if ctx.notice.cookies:
            return
        mentions: list[tuple[str | None, tuple[str | int, ...], str]] = []
        for file, path, text in ctx.prose:
            for sentence in _SENTENCE.findall(text):
                match = _TECHNOLOGY.search(sentence)
                if not match:
                    continue
                if _DENIAL.search(sentence):
                    return  # the notice says it uses none: an empty list is then consistent
                mentions.append((file, path, match.group(0)))
        reported: set[str | None] = set()
        for file, path, phrase in mentions:
            if file not in reported:
                reported.add(file)
                yield Violation(
                    path,
                    f'The notice mentions "{phrase}" but declares no cookies or similar '
                    "technologies.",
                    file=file,
                    quote=phrase,
                )
