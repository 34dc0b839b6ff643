from __future__ import annotations

import re
from collections.abc import Iterator

from ...context import LintContext, PathT
from .._geo import EEA, UK, is_placeholder_country
from .._text import is_heading, sentences
from ..base import Rule, Violation
from ._statements import denials

# Europe is more than the EEA: data kept in Switzerland or the UK stays in Europe.
_EUROPE = EEA | UK | frozenset(
    {"CH", "AD", "MC", "SM", "VA", "AL", "BA", "ME", "MK", "RS", "MD", "UA", "XK", "GI", "JE",
     "GG", "IM", "FO"}
)  # fmt: skip
_REGION_NAMES = (
    (r"EEA|EU|European\s+(?:Economic\s+Area|Union)", EEA),
    (r"Europe", _EUROPE),
    (r"UK|United\s+Kingdom|(?:Great\s+)?Britain", UK),
    (r"Bra[sz]il", frozenset({"BR"})),
    # "third countries" are those outside the EEA (outside the UK for UK GDPR)
    (r"third\s+countr(?:y|ies)", EEA | UK),
)
_REGION = re.compile(
    "|".join(rf"\b(?P<r{i}>{pattern})\b" for i, (pattern, _) in enumerate(_REGION_NAMES)),
    re.IGNORECASE,
)
_PLACE = rf"(?:the\s+)?(?:{'|'.join(pattern for pattern, _ in _REGION_NAMES[:4])})"
_PLACES = rf"{_PLACE}(?:\s*(?:,|and|or)\s*(?:(?:and|or)\s+)?{_PLACE})*\b"
_DATA = (
    r"(?:all\s+(?:of\s+)?)?(?:(?:your|the|our|customer|user)\s+)?"
    r"(?:personal\s+)?(?:data|information)"
)
# Statements that the data stays in a region, with no negated verb: "Your data never leaves
# the EEA", "Your data stays in Europe", "We keep all data in the EU", "Personal data is
# processed exclusively within the EEA". Storage alone ("stored in the EU") is not enough: data
# stored in the EU may still be read from elsewhere.
_STAYS = re.compile(
    # the subject opens a clause: "Our EU customers' data remains in the EU" is about some data
    rf"(?:^\s*|[,;:]\s+|\b(?:and|but|so|that)\s+)(?P<claim>{_DATA}\s+(?:"
    r"(?:(?:does|do|will|shall)\s+not|never|doesn't|won't)\s+(?:ever\s+)?leaves?"
    r"|(?:will\s+|shall\s+|always\s+)*(?:stays?|remains?)\s+(?:(?:exclusively|only|solely|"
    r"entirely|always)\s+)*(?:with)?in"
    r"|(?:is|are)\s+(?:(?:always|only)\s+)?(?:kept|processed|held)\s+(?:exclusively|only|solely|"
    r"entirely)\s+(?:with)?in)"
    # "we" only with keep: "We remain in the EU" is about the company, not the data
    r"|we\s+(?:(?:always|only|exclusively)\s+)?(?:keep|hold)\s+(?:all\s+(?:of\s+)?)?"
    r"(?:your\s+|the\s+|our\s+)?(?:personal\s+)?(?:data|information)\s+(?:(?:exclusively|only|"
    r"solely|entirely)\s+)?(?:with)?in"
    rf")\s+{_PLACES}",
    re.IGNORECASE,
)
# A hedged or conditional statement says nothing the transfers can refute.
_HEDGE = re.compile(
    r"\b(?:except|unless|other\s+than|apart\s+from|save|possible|generally|usually|normally|"
    r"typically|primarily|mainly|mostly|largely|principle|default|try|tries|aim|strive|"
    r"endeavou?r|seek|prefer|if|once|when|while|until|backups?|some|certain|most|where|"
    r"wherever|may|might|without|consent|children|minors?)\b",
    re.IGNORECASE,
)


def _inside(text: str) -> frozenset[str] | None:
    """The countries inside the regions `text` names ("the EEA and the UK"); None if none."""
    inside: frozenset[str] = frozenset()
    named = False
    for match in _REGION.finditer(text):
        index = int(next(k for k, v in match.groupdict().items() if v)[1:])
        inside |= _REGION_NAMES[index][1]
        named = True
    return inside if named else None


class ProseDeniesTransfer(Rule):
    """The text says data does not leave a region, but the notice lists a transfer out of it.

    What it does:
        Finds sentences in which the company denies transferring, sending or processing
        personal data outside the EEA (or the EU, Europe, the UK or Brazil) or to third
        countries, or says that the data stays there ("Your data never leaves the EEA", "Your
        data stays in Europe", "We keep all data in the EU"), and reports each one when a
        transfer, or a recipient's country, lies outside that region (or all the regions it
        names). Hedged or conditional sentences ("where possible", "generally", "unless") are
        left alone, and so is a statement about storage alone ("stored in the EU"): data
        stored in a region may still be read from outside it. The placeholder country `XX`
        that `noticegen init` writes is no destination: NG804 reports it.

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
    citation = "GDPR Art. 5(1)(a), 13(1)(f); LGPD Art. 33"
    hint = "Correct the sentence, or the transfers, so that both say the truth."

    def check(self, ctx: LintContext) -> Iterator[Violation]:
        n = ctx.notice
        destinations = [t.destination for t in n.transfers.values()]
        destinations += [c.upper() for r in n.recipients.values() for c in r.countries]
        # NG804 reports the placeholder `XX`: it names no place the data goes to.
        destinations = [d for d in destinations if not is_placeholder_country(d)]
        if not destinations:
            return
        for file, path, quote, said in self._statements(ctx):
            inside = _inside(said)
            if inside is None:
                continue
            outside = sorted({d for d in destinations if d not in inside})
            if outside:
                yield Violation(
                    path,
                    f'The text says "{said}", but the notice lists data going to '
                    f"{', '.join(outside)}.",
                    file=file,
                    quote=quote,
                )

    @staticmethod
    def _statements(ctx: LintContext) -> Iterator[tuple[str | None, PathT, str, str]]:
        """(file, path, quote, what it says) for each statement that data does not leave a
        region; what it says names the region."""
        for denial in denials(ctx):
            if "transfer" in denial.kinds:
                yield denial.file, denial.path, denial.quote, f"{denial.quote} {denial.tail}"
        for file, path, text in ctx.prose:
            if path[:1] == ("promises",) or is_heading(path):
                continue
            for _, sentence in sentences(text):
                match = _STAYS.search(sentence)
                if match and not _HEDGE.search(sentence):
                    said = sentence[match.start("claim") : match.end()]
                    yield file, path, said, said
