"""What the contradiction rules read through the prose reader (`noticegen.lint.prose`): the
statements of the notice and its supplements, and the declared data a statement is about."""

from __future__ import annotations

import re
from typing import NamedTuple

from ....model import Purpose
from ...context import LintContext, PathT
from ...prose import Statement, company_pattern, read_text
from ...prose.lexicon import lexicon, pattern
from .._text import is_heading
from ._statements import DataVocabulary


class Read(NamedTuple):
    file: str | None
    path: PathT
    statement: Statement


def statements(ctx: LintContext) -> list[Read]:
    """Every statement of the prose, read once per lint. Structured promises are left to the
    consistency rules and headings state nothing."""

    def read() -> list[Read]:
        company = company_pattern(ctx.notice.controller.name, ctx.notice.controller.legal_name)
        return [
            Read(file, path, statement)
            for file, path, text in ctx.prose
            if path[:1] != ("promises",) and not is_heading(path)
            for statement in read_text(text, company)
        ]

    return ctx.once("prose statements", read)


def company_denials(ctx: LintContext, *actions: str) -> list[Read]:
    """Unhedged, unqualified statements in which the company (or the passive voice) says it
    does not do one of `actions`."""
    return [
        r
        for r in statements(ctx)
        if r.statement.action in actions
        and r.statement.negated
        and r.statement.is_fact
        and r.statement.by_company
    ]


def declared_data(ctx: LintContext, statement: Statement) -> list[str]:
    """The notice's data ids a statement is about: its concepts looked up among the notice's
    ids and labels (a concept covers its descendants), else the words it used."""
    vocabulary: DataVocabulary = ctx.once("data vocabulary", lambda: DataVocabulary(ctx))
    found: dict[str, None] = {}
    for concept, phrase in zip(statement.data, _phrases(statement), strict=False):
        if concept == "personal":
            return list(ctx.notice.data)
        if concept == "sensitive":
            found.update(dict.fromkeys(vocabulary.sensitive))
            continue
        named = vocabulary.data_named(_words(concept)) or vocabulary.data_named(phrase) or []
        if not named:
            for child in _children(concept):
                named += vocabulary.data_named(_words(child), specific_only=True) or []
        found.update(dict.fromkeys(named))
    return sorted(found)


def _phrases(statement: Statement) -> tuple[str, ...]:
    # a pronoun's data has concepts but no phrases: look the concepts up alone
    if len(statement.data_phrases) == len(statement.data):
        return statement.data_phrases
    return tuple(_words(c) for c in statement.data)


def _words(concept: str) -> str:
    return concept.rsplit(".", 1)[-1].replace("_", " ")


def _children(concept: str) -> list[str]:
    values = set(lexicon().entries["data"].values())
    return sorted(v for v in values if v.startswith(concept + "."))


_ADVERTISING = re.compile(r"\b(?:advert\w*|ads?|ad[\s-]+networks?|targeted)\b", re.IGNORECASE)


def is_advertising(*texts: str) -> bool:
    """Whether an id or label names advertising ("ad_partners", "Targeted advertising")."""
    return any(_ADVERTISING.search(t.replace("_", " ")) for t in texts)


_PURPOSE_WORDS = {
    "advertising": re.compile(r"advert|\bads?\b|targeted", re.IGNORECASE),
    "marketing": re.compile(r"marketing|newsletter|promotion", re.IGNORECASE),
    "newsletter": re.compile(r"newsletter|mailing", re.IGNORECASE),
    "communication": re.compile(r"e-?mail|newsletter|message|communicat|notif", re.IGNORECASE),
    "analytics": re.compile(r"analytic|statistic|measure", re.IGNORECASE),
    "research": re.compile(r"research|survey", re.IGNORECASE),
    "security": re.compile(r"secur|fraud|abuse|spam", re.IGNORECASE),
    "commercial": re.compile(r"sale|sell|commercial|advert|marketing", re.IGNORECASE),
    "profiling": re.compile(r"profil|personalis|personaliz", re.IGNORECASE),
}


def purpose_matches(concepts: tuple[str, ...], pid: str, purpose: Purpose) -> bool:
    """Whether a declared purpose is of one of the kinds a statement names."""
    text = f"{pid.replace('_', ' ')} {purpose.label}"
    for concept in concepts:
        if concept == "marketing" and purpose.direct_marketing:
            return True
        if concept == "profiling" and purpose.profiling:
            return True
        words = _PURPOSE_WORDS.get(concept)
        if words is not None and words.search(text):
            return True
    return False


# Words that add nothing to what a statement's tail names.
_FILLER_WORDS = (
    "a an the your our their its any all of to with for from by it them this that these those "
    "such personal data information details purpose purposes ever whatsoever at time way kind "
    "form other outside"
)
_FILLER = frozenset(_FILLER_WORDS.split(" "))
_TAIL_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")


def tail_is_known(statement: Statement) -> bool:
    """Whether every word after the verb is one the lexicon reads (data, recipients,
    purposes) or a filler: "to anyone outside our group" or "to identify you" narrow a
    denial in a way no rule can check, so such a denial is left alone."""
    rest = statement.after
    for kind in ("data", "recipient", "purpose"):
        rest = pattern(kind).sub(" ", rest)
    return all(w.lower() in _FILLER for w in _TAIL_WORD.findall(rest))
