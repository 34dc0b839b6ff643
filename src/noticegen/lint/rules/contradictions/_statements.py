"""Find the sentences in which the company denies selling, sharing, collecting or transferring
personal data, and work out which declared data each denial is about.

This is deliberately conservative, in the spirit of PolicyLint (USENIX Security 2019): a
sentence counts only when its subject is the company ("we", its name) or the data itself
(passive voice), and any qualifier ("unless", "except", "without your consent", "from
children", "for money", "if you object") takes the sentence out, because a qualified denial
cannot be checked against the structure. A false contradiction costs a lawyer's trust; a
missed one is a miss.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from ....model import Recipient
from ....model.base import covers
from ...context import LintContext, PathT
from .._text import is_heading, sentences

VERB_FORMS = {
    "sell": ("sell", "sold", "rent", "rented", "trade", "traded", "monetise", "monetize",
             "monetised", "monetized"),
    "share": ("share", "shared", "disclose", "disclosed", "pass", "passed", "give", "given",
              "hand", "handed", "make available", "made available"),
    "transfer": ("transfer", "transferred", "send", "sent", "move", "moved", "export", "exported"),
    "collect": ("collect", "collected", "gather", "gathered", "obtain", "obtained", "record",
                "recorded", "store", "stored", "track", "tracked", "process", "processed"),
}  # fmt: skip


def _alternation(forms: Iterable[str]) -> str:
    return "|".join(sorted((f.replace(" ", r"\s+") for f in forms), key=len, reverse=True))


_VERB = _alternation(form for forms in VERB_FORMS.values() for form in forms)
# One group per kind: the match says its kind, however case-folding matched it ("ſell").
_VERB_KIND = re.compile(
    "|".join(rf"(?P<{kind}>\b(?:{_alternation(forms)})\b)" for kind, forms in VERB_FORMS.items()),
    re.IGNORECASE,
)
_VERBS = rf"(?P<verbs>(?:{_VERB})(?:(?:\s*,\s*|\s*,?\s+(?:or|and|nor)\s+)(?:{_VERB}))*)\b"
_AUX = r"(?:do|does|did|will|shall|would|can|could|have|has|had)"
_ONE_NEG = (
    rf"(?:(?:{_AUX}\s+)?never|{_AUX}\s+not"
    r"|don't|doesn't|won't|cannot|can't|haven't|hasn't|hadn't|neither)"
)
# "We do not and will not sell": negations joined by a conjunction are one negation.
_NEG = rf"\b{_ONE_NEG}(?:\s*,?\s+(?:and|or|nor)\s+{_ONE_NEG})*\b"
# A subject, a negation and a few words, which the verb follows: "We do not, under any
# circumstance, sell". The words may not be a conjunction, a means or a relative clause: "We
# do not use cookies to collect your email" denies the cookies only, and "We do not sell data
# to partners that use cookies" says nothing about the company's cookies.
_GAP_STOP = r"and|but|or|to|use|using|via|through|by|that|who|which"
_NEGATED = (
    rf"(?P<subject>[\w&.'-]+(?:\s+[\w&.'-]+){{0,3}}?)\s+{_NEG}"
    rf"(?P<gap>(?:[\s,]+(?!(?:{_GAP_STOP})\b)[\w'-]+){{0,5}}?)[\s,]+"
)
_ACTIVE = re.compile(rf"{_NEGATED}{_VERBS}(?P<rest>.*)", re.IGNORECASE)
_PASSIVE = re.compile(
    rf"(?P<object>[\w\s'-]{{2,80}}?)\s+(?:(?:is|are|was|were|will\s+be|shall\s+be)\s+(?:never|not)"
    r"|(?:has|have)\s+(?:never|not)\s+been"
    rf"|(?:will|shall|would)\s+(?:never|not)\s+be|(?:isn't|aren't|won't\s+be)|never\s+gets?)"
    rf"(?:[\s,]+(?:[\w'-]+[\s,]+){{0,3}}?)?\s*{_VERBS}(?P<rest>.*)",
    re.IGNORECASE,
)
# "Under no circumstances will we sell", "At no time do we share", "Never will we sell".
_INVERTED = re.compile(
    r"\b(?:under\s+no\s+circumstances?|at\s+no\s+time|in\s+no\s+(?:event|case)|never)\s*,?\s+"
    rf"(?:{_AUX})\s+(?P<subject>[\w&.'-]+(?:\s+[\w&.'-]+){{0,2}}?)\s+(?:ever\s+)?{_VERBS}"
    r"(?P<rest>.*)",
    re.IGNORECASE,
)
# "No personal data is sold", "None of your data is shared with third parties".
_NONE = re.compile(
    r"(?:^|[,;:]\s*)(?P<none>no|none\s+of)\s+(?P<object>[\w\s'-]{2,80}?)\s+"
    r"(?:is|are|will\s+be|shall\s+be|has\s+been|have\s+been|gets?|was|were)\s+(?:ever\s+)?"
    rf"{_VERBS}(?P<rest>.*)",
    re.IGNORECASE,
)
_BEYOND = re.compile(r"\b(?:other|additional|further|more|extra|else)\b", re.IGNORECASE)
_NOT_FOR_SALE = re.compile(
    r"(?P<object>[\w\s'-]{2,80}?)\s+(?:(?:is|are)\s+(?:never|not)|isn't|aren't"
    r"|will\s+(?:never|not)\s+be)\s+(?P<sale>for\s+sale)\b(?P<rest>.*)",
    re.IGNORECASE,
)
# The company speaks through its website and services too: "This website does not use cookies".
_WE = (
    r"\b(?:we|us|our\s+company|the\s+company|company"
    r"|(?:this|our|the)\s+(?:web\s*site|site|app|application|service|platform))"
)
QUALIFIER = re.compile(
    r"\b(?:except|unless|other\s+than|apart\s+from|save\s+(?:as|for)|only|solely|purely|"
    r"exclusively|without|if|once|until|after\s+you|as\s+soon\s+as|"
    r"children|child|minors?|kids|under\s+(?:the\s+age\s+of\s+)?\d+|than|"
    r"beyond\s+(?:what|that|the\s+extent)|for\s+their|for\s+(?:money|cash|monetary)|for\s+their\s+own|identif\w*|anonymi[sz]\w*|"
    r"aggregated?|de-?identified|knowingly|intentionally)\b",
    re.IGNORECASE,
)
_OBJECT_END = re.compile(
    r"\b(?:to|with|for|outside|beyond|in\s+order|so\s+that|because|when|if|as|by|via|through|"
    r"on|at|in|into|from|unless|except|without|and\s+(?:we|you|it|they))\b|[,:;()]",
    re.IGNORECASE,
)
_GENERIC = re.compile(
    r"\b(?:personal\s+(?:data|information|details)|(?:your|any|the)\s+(?:data|information|"
    r"details)|data|information|details|pii)\b",
    re.IGNORECASE,
)
_ANYONE = re.compile(
    r"(?:to|with)\s+(?:any(?:one|body)?|other\s+(?:companies|organi[sz]ations|businesses|"
    r"parties|people)|(?:any\s+)?(?:third[- ]part(?:y|ies)|outside\s+parties|external\s+"
    r"parties|others?)(?:\s+(?:company|companies|or\s+service|service|organi[sz]ations?|"
    r"businesse?s?|for\s+any\s+reason))*)(?:\s+(?:or|and)\s+(?:service|services|anyone|"
    r"company|companies))?(?:\s+whatsoever|\s+at\s+all|\s+ever)?",
    re.IGNORECASE,
)
_TIME = re.compile(
    r",?\s*(?:(?:in|during|within|over)\s+the\s+(?:past|preceding|last|previous)\s+"
    r"(?:\d+|twelve)(?:\s*\(\d+\))?\s+months|at\s+any\s+time|ever|now\s+or\s+in\s+the\s+future)$",
    re.IGNORECASE,
)
_AS_DEFINED = re.compile(
    r",?\s*\(?\s*as\s+(?:(?:that|this|the|those|these)\s+terms?\s+(?:is|are)\s+)?defined\s+"
    r"(?:in|by|under)\s+[^()]*\)?$",
    re.IGNORECASE,
)
_TARGET = re.compile(r"(?:to|with)\s+(.{3,80})$", re.IGNORECASE | re.DOTALL)
_NOT_A_NAME_WORDS = (
    "any other our the third party company service organisation organization business people "
    "anyone anybody outside external whatsoever circumstance"
)
_NOT_A_NAME = frozenset(_NOT_A_NAME_WORDS.split(" "))
_ABROAD = re.compile(
    r"\b(?:outside|abroad|out\s+of|overseas|(?:other|third)\s+countr\w*)\b", re.IGNORECASE
)
_PROCESS = re.compile(r"\bprocess(?:ed)?\b", re.IGNORECASE)
_SENSITIVE = re.compile(r"\b(?:sensitive|special[- ]categor\w*)\b", re.IGNORECASE)
_WORD = re.compile(r"[a-z0-9]+")
_STOP_WORDS = (
    "a an the your our any all of or and you we us its their his her my this that these those "
    "personal data information details some such other kind kinds type types sort form piece "
    "category categories ever whatsoever"
)


def singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


_STOP = frozenset(singular(w) for w in _STOP_WORDS.split(" "))


def stems(text: str) -> frozenset[str]:
    """Crude stems of the content words: "advertisers" and "advertising" share `advert`."""
    return frozenset(w[:6] for w in words(text) if len(w) >= 4 and w not in _NOT_A_NAME)


def words(text: str) -> set[str]:
    return {singular(w) for w in _WORD.findall(text.lower())} - _STOP


@dataclass(frozen=True)
class Denial:
    """A sentence in which the company says it does not do something with personal data."""

    file: str | None
    path: PathT
    sentence: str
    kinds: frozenset[str]
    """What is denied: "sell", "share" and/or "collect"."""
    object_text: str
    rest: str
    """The words after the verb (recipients, places: "to third parties", "outside the EEA")."""
    quote: str
    """The phrase to point at."""

    @property
    def tail(self) -> str:
        """What the sentence says after the data: "to any third party", "outside the EEA";
        a time that covers the past or the future ("in the past 12 months") and a pointer to
        a legal definition ("as defined by the CCPA") are left out."""
        tail = (
            self.rest[len(self.object_text) :]
            if self.rest.startswith(self.object_text)
            else self.rest
        )
        tail = _AS_DEFINED.sub("", tail.strip(" .!?\n")).strip()
        return _TIME.sub("", tail).strip()

    def named_recipients(self) -> frozenset[str]:
        """Word stems of the recipients the sentence names ("to data brokers", "with
        advertisers"); empty when it names none or only third parties in general."""
        target = _TARGET.match(self.tail)
        return stems(target.group(1)) if target else frozenset()

    def about_recipients(self) -> bool:
        """Whether the sentence says who does not receive the data: anyone, or a kind of
        recipient we can look for."""
        return self.about_anyone() or bool(self.named_recipients())

    def about_anyone(self) -> bool:
        """Whether the denial concerns every recipient, not one kind we cannot identify
        ("we do not sell your email to data brokers" says nothing about partners)."""
        return not self.tail or bool(_ANYONE.fullmatch(self.tail))


_MAYBE = re.compile(r"not\b|never\b|n't\b|\bno(?:ne)?\b|\bneither\b", re.IGNORECASE)
# What every denial pattern needs: a verb form, or "for sale". Looked for first because the
# patterns themselves are slow to try on every sentence.
_MAY_DENY = re.compile(rf"(?:{_VERB})\b|for\s+sale\b", re.IGNORECASE)


def denials(ctx: LintContext) -> list[Denial]:
    """Unqualified denials in the prose of the notice and its supplements.

    Structured promises (`promises:`) are left to the consistency rules, which check them
    against the facts already. Five rules read the list, found once per lint.
    """
    return ctx.once("prose denials", lambda: _find_denials(ctx))


def _find_denials(ctx: LintContext) -> list[Denial]:
    names = _company_words(ctx)
    found = []
    for file, path, text in ctx.prose:
        if path[:1] == ("promises",) or is_heading(path) or not _MAYBE.search(text):
            continue
        for _, sentence in sentences(text):
            if not (_MAYBE.search(sentence) and _MAY_DENY.search(sentence)):
                continue
            if QUALIFIER.search(sentence):
                continue
            denial = _denial(file, path, sentence, names)
            if denial is not None:
                found.append(denial)
    return found


def _company_words(ctx: LintContext) -> re.Pattern[str]:
    c = ctx.notice.controller
    names = [re.escape(n) for n in (c.name, c.legal_name) if n]
    subject = "|".join([_WE, *names])
    return re.compile(rf"(?:{subject})(?:\s+(?:will|would|shall|can|does|do|did))?\s*$", re.I)


def _denial(file: str | None, path: PathT, sentence: str, names: re.Pattern[str]) -> Denial | None:
    active = _ACTIVE.search(sentence)
    if active and names.search(active.group("subject")):
        kinds = _kinds(active.group("verbs"), active.group("rest"))
        obj = _OBJECT_END.split(active.group("rest"), maxsplit=1)[0]
        quote = sentence[active.end("subject") : active.end("verbs")].strip()
        return Denial(file, path, sentence, kinds, obj, active.group("rest"), _first_line(quote))
    passive = _PASSIVE.search(sentence)
    if passive:
        kinds = _kinds(passive.group("verbs"), passive.group("rest"))
        obj = passive.group("object")
        quote = sentence[passive.start("object") : passive.end("verbs")].strip()
        return Denial(file, path, sentence, kinds, obj, passive.group("rest"), _first_line(quote))
    inverted = _INVERTED.search(sentence)
    if inverted and names.search(inverted.group("subject")):
        kinds = _kinds(inverted.group("verbs"), inverted.group("rest"))
        obj = _OBJECT_END.split(inverted.group("rest"), maxsplit=1)[0]
        quote = sentence[inverted.start() : inverted.end("verbs")].strip()
        return Denial(file, path, sentence, kinds, obj, inverted.group("rest"), _first_line(quote))
    none = _NONE.search(sentence)
    # "No other data is collected" is about data beyond what the text lists
    if none and not _BEYOND.search(none.group("object")):
        kinds = _kinds(none.group("verbs"), none.group("rest"))
        quote = sentence[none.start("none") : none.end("verbs")].strip()
        return Denial(
            file,
            path,
            sentence,
            kinds,
            none.group("object"),
            none.group("rest"),
            _first_line(quote),
        )
    for_sale = _NOT_FOR_SALE.search(sentence)
    if for_sale:
        quote = sentence[for_sale.start("object") : for_sale.end("sale")].strip()
        return Denial(
            file,
            path,
            sentence,
            frozenset({"sell"}),
            for_sale.group("object"),
            for_sale.group("rest"),
            _first_line(quote),
        )
    return None


def _kinds(verbs: str, rest: str) -> frozenset[str]:
    kinds = {str(m.lastgroup) for m in _VERB_KIND.finditer(verbs)}
    # Processing data abroad is a transfer, whoever does it; storing it there may not be.
    if _PROCESS.search(verbs) and _ABROAD.search(rest):
        kinds.add("transfer")
    # "transfer to a partner" is sharing; only "transfer outside ..." is about places.
    if "transfer" in kinds and not _ABROAD.search(rest):
        kinds = (kinds - {"transfer"}) | {"share"}
    return frozenset(kinds)


def _first_line(quote: str) -> str:
    """The quote as it can be found on one line of the YAML file."""
    return quote.splitlines()[0][:60].strip() if quote else quote


class DataVocabulary:
    """Maps the words of a sentence to the declared data they name.

    Ids are hierarchical (`location.precise`), so each level of an id is a concept named by its
    last segment ("location", "precise"); a label ("Email address") names its data category.
    The most specific concepts win: "precise location" names `location.precise`, not every
    kind of location.
    """

    def __init__(self, ctx: LintContext) -> None:
        self.ctx = ctx
        self.concepts: dict[str, list[frozenset[str]]] = {}
        for did, data in ctx.notice.data.items():
            segments = did.split(".")
            for depth in range(1, len(segments) + 1):
                prefix = ".".join(segments[:depth])
                key = frozenset(singular(w) for w in re.split(r"[_-]", segments[depth - 1]))
                self.concepts.setdefault(prefix, [])
                if key not in self.concepts[prefix]:
                    self.concepts[prefix].append(key)
            label = frozenset(words(data.label))
            if label and label not in self.concepts[did]:
                self.concepts[did].append(label)

    @cached_property
    def sensitive(self) -> list[str]:
        return [d for d, c in self.ctx.notice.data.items() if c.sensitive or c.special_category]

    def _words_of(self, did: str) -> set[str]:
        parts = {singular(w) for w in re.split(r"[._-]", did)}
        return parts | words(self.ctx.notice.data[did].label)

    def data_named(self, phrase: str, *, specific_only: bool = False) -> list[str] | None:
        """Declared data ids the phrase is about; None when it names no data we can tell.

        With `specific_only` (for a whole sentence rather than the object of a verb), words like
        "personal data" or "sensitive data" name nothing, and the other words of the sentence
        do not narrow what is named.
        """
        tokens = words(phrase)
        matched: dict[str, frozenset[str]] = {}
        for concept, keys in self.concepts.items():
            hits = [k for k in keys if k and k <= tokens]
            if hits:
                matched[concept] = frozenset().union(*hits)
        # Keep the most specific: drop a concept whose matched words another one extends.
        best = [c for c, m in matched.items() if not any(m < other for other in matched.values())]
        best = [
            c
            for c in best
            if not any(o != c and covers(c, o) and matched[o] >= matched[c] for o in best)
        ]
        if best:
            named = [d for d in self.ctx.notice.data if any(covers(c, d) for c in best)]
            # Words the concept did not account for narrow it: "precise location" is not
            # `location.general`.
            narrower = tokens.difference(*(matched[c] for c in best))
            if narrower and not specific_only:
                named = [d for d in named if narrower <= self._words_of(d)]
            return sorted(named)
        if specific_only:
            return None
        if _SENSITIVE.search(phrase):
            return self.sensitive
        if tokens:
            return None  # "health data" names a kind of data the notice does not declare
        if _GENERIC.search(phrase):
            return list(self.ctx.notice.data)
        return None


class IdSet:
    """Ids, answering "is this id one of them, an ancestor or a descendant?" in time
    proportional to the id's depth, so rules stay linear in the size of the notice."""

    def __init__(self, ids: Iterable[str]) -> None:
        self.ids = set(ids)
        self.ancestors = {p for i in self.ids for p in _prefixes(i)}

    def touches(self, other: str) -> bool:
        return other in self.ancestors or any(p in self.ids for p in _prefixes(other))


def _prefixes(did: str) -> Iterator[str]:
    parts = did.split(".")
    for depth in range(1, len(parts) + 1):
        yield ".".join(parts[:depth])


def overlapping(data: Iterable[str], named: IdSet) -> list[str]:
    """The ids in `data` (a recipient's list, which may use parent ids) that touch `named`."""
    return [d for d in data if named.touches(d)]


def received_data(ctx: LintContext, recipient: Recipient) -> list[str] | None:
    """The data a recipient receives: its `data` list, or else whatever the purposes it
    serves use; None when it declares neither, since we cannot tell what it gets."""
    if recipient.data:
        return list(recipient.data)
    if not recipient.purposes:
        return None
    purposes = ctx.notice.purposes
    used = (d for pid in recipient.purposes if pid in purposes for d in purposes[pid].data)
    return list(dict.fromkeys(used))


def recipients_receiving(
    ctx: LintContext, denial: Denial, named: list[str]
) -> Iterator[tuple[str, Recipient, list[str]]]:
    """The recipients a denial is about and the named data each receives: every recipient
    when the denial is about anyone, else those whose name shares the sentence's words."""
    anyone = denial.about_anyone()
    named_recipients = denial.named_recipients()
    named_set = IdSet(named)
    for rid, recipient in ctx.notice.recipients.items():
        if not anyone and not named_recipients & stems(f"{rid} {recipient.label}"):
            continue  # the sentence is about another kind of recipient
        received = received_data(ctx, recipient)
        if received:
            concerned = overlapping(received, named_set)
            if concerned:
                yield rid, recipient, concerned


def negation_of(what: str) -> re.Pattern[str]:
    """A sentence pattern: a subject, a negation, a few words, then `what` (group `what`)."""
    return re.compile(rf"{_NEGATED}(?P<what>{what})", re.IGNORECASE)


class Negation(NamedTuple):
    file: str | None
    path: PathT
    sentence: str
    match: re.Match[str]

    @property
    def quote(self) -> str:
        return _first_line(self.sentence[self.match.end("subject") : self.match.end()].strip())


def company_negations(
    ctx: LintContext, pattern: re.Pattern[str], passive: re.Pattern[str] | None = None
) -> Iterator[Negation]:
    """Unqualified sentences in which the company says it does not do `pattern`'s `what`, or
    that match `passive` ("You will not be profiled"), whose subject is the reader or the
    data rather than the company: its `subject` group is empty, so the quote is the match."""
    names = _company_words(ctx)
    for file, path, text in ctx.prose:
        if path[:1] == ("promises",) or is_heading(path) or not _MAYBE.search(text):
            continue
        for _, sentence in sentences(text):
            # every negation the pattern accepts contains a _MAYBE word: a cheap test first
            if not _MAYBE.search(sentence) or QUALIFIER.search(sentence):
                continue
            match = pattern.search(sentence)
            if match and names.search(match.group("subject")):
                yield Negation(file, path, sentence, match)
                continue
            match = passive.search(sentence) if passive else None
            if match:
                yield Negation(file, path, sentence, match)
