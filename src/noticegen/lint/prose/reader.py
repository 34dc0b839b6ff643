"""Read prose sentences into statements: who does what with which data, to whom or for what,
negated or not, qualified, conditional or possible.

The reading is shallow and pattern-based, in the spirit of PolicyLint (USENIX Security 2019):
no parser, patterns compiled once, linear in the text, and a sentence with no candidate verb
is skipped before any other pattern is tried. A negation scopes over the verb it precedes and
the verbs coordinated with it ("we do not sell or share"); "unless", "except", "other than"
and "only" mark a statement as qualified, "if" as conditional, "may" as possible: a rule that
checks facts reads only unhedged statements.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import pairwise
from typing import Any, NamedTuple

from .lexicon import lexicon, lookup, pattern

PathT = tuple[str | int, ...]

# A sentence is longer than anything a reader reads as one: a table or a dump, left unread.
MAX_SENTENCE = 2000

# Markdown that is not words: emphasis, code, headings, quotes, list markers, table rules.
# Replaced by spaces so that offsets into the sentence stay offsets into the text.
_MARKUP = re.compile(r"[*_`#>~]|^\s*(?:[-+]|\d+[.)])\s", re.MULTILINE)
_SOFT_BREAK = re.compile(r"\n(?![ \t]*(?:\n|[-+*#>|]|\d+[.)]\s))")
# A sentence ends at its punctuation, a line's end or a table cell's end; it starts only where a
# run of sentence characters starts, so that a line without punctuation is not retried from
# each of its characters.
_SENTENCE = re.compile(r"(?<![^.!?\n|])[^.!?\n|]+(?:[.!?]+|(?=[\n|])|$)")
_CLAUSE_BREAK = re.compile(r";|:\s|\bbut\b|\bhowever\b|\bwhereas\b|\band\s+(?=(?:we|they)\b)", re.I)
_NEGATION = re.compile(
    r"\b(?:not|never|no|none|neither|nor|cannot|without)\b|n't\b"
    r"|\bunder\s+no\s+circumstances?\b|\bat\s+no\s+time\b|\bin\s+no\s+(?:event|case)\b",
    re.IGNORECASE,
)
_QUALIFIER = re.compile(
    r"\b(?:unless|except|excepting|other\s+than|apart\s+from|save\s+(?:as|for)|only|solely|"
    r"exclusively|beyond|without\s+your\s+(?:consent|permission|agreement)|anonymi[sz]\w*|"
    r"aggregated?|de-?identified|pseudonymi[sz]\w*|knowingly|intentionally|knowledge|aware|"
    r"children|minors|under\s+(?:the\s+age\s+of\s+)?\d+)\b",
    re.IGNORECASE,
)
_CONDITION = re.compile(
    r"\b(?:if|whether|in\s+case|in\s+the\s+event|provided\s+that|should\s+(?:we|you))\b", re.I
)
_MODAL = re.compile(
    r"\b(?:may|might|could|can|would|plan\s+to|intend\s+to|in\s+the\s+future|"
    r"from\s+time\s+to\s+time|possibly|occasionally)\b",
    re.IGNORECASE,
)
_WE = re.compile(
    r"\b(?:we|us|our\s+(?:company|site|website|service|services|app|platform)|"
    r"(?:this|the)\s+(?:site|website|web\s+site|service|app|application|platform))\b",
    re.IGNORECASE,
)
_YOU = re.compile(r"\b(?:you|please)\b", re.IGNORECASE)
_THEY = re.compile(r"\b(?:they|them)\b", re.IGNORECASE)
_PASSIVE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|gets?)(?:\s+(?:it|they|this|these|ever|never|not|"
    r"currently|also|then|in\s+any\s+way|any\s+way)){0,3}\s*$",
    re.IGNORECASE,
)
# "At no time is your data sold": the auxiliary comes before the subject.
_INVERTED_PASSIVE = re.compile(
    r"\b(?:under\s+no\s+circumstances?|at\s+no\s+time|in\s+no\s+(?:event|case)|never)"
    r"\s*,?\s+(?:is|are|was|were|will\s+(?:\w+\s+)?be)\b(?!\s+(?:we|you|they)\b)",
    re.IGNORECASE,
)
_NO_OBJECT = re.compile(r"\s+(?:no|none\s+of)\b", re.IGNORECASE)
_PRONOUN = re.compile(
    r"\b(?:it|them|this|these|that|those|such)(?:\s+(?:personal\s+)?(?:information|data|"
    r"details))?\b",
    re.IGNORECASE,
)
# A noun states an action only where the notice says it has, runs or shows one.
_NOUN_CONTEXT = re.compile(
    r"\b(?:have|has|had|run|runs|show|shows|display|displays|offer|offers|serve|serves|"
    r"send|sends|use|uses|there\s+(?:is|are)|no)\b[\s\w,-]{0,40}$",
    re.IGNORECASE,
)
_DETERMINER = re.compile(r"\b(?:a|an|the|our|your|their|its|this|that|any|of)\s*$", re.I)
_INFINITIVE = re.compile(r"\bto\s*$|\bin\s+order\s+to\s*$", re.IGNORECASE)
_COORDINATION = re.compile(r"^[\s,]*(?:(?:and/or|or|nor|and)(?:\s+(?:will|do|to))?)?[\s,]*$", re.I)
_THERE_IS = re.compile(r"\bthere\s+(?:is|are|will\s+be)\b", re.IGNORECASE)
_AUX_BEFORE = re.compile(
    r"\b(?:do|does|did|will|shall|would|can|could|have|has|had|is|are|was|were)\s+$", re.I
)
_AS_PURPOSE = {
    "advertise": "advertising",
    "send": "communication",
    "sell": "commercial",
    "profile": "profiling",
}


class Statement(NamedTuple):
    """What one verb (or a noun like "newsletter") of a sentence says."""

    sentence: str
    start: int
    """Where the statement's quote starts in the text it was read from."""
    quote: str
    """The words that state it, on one line: "do not use", "have no third-party advertising"."""
    actor: str
    """`we` (the company or its site), `you`, `other`, `passive` (no actor: "is not shared")
    or `unknown`."""
    action: str
    data: tuple[str, ...]
    """Lexicon data concepts (`contact.email`, `personal`); a pronoun reads as the data of the
    statement before it."""
    data_phrases: tuple[str, ...]
    recipients: tuple[str, ...]
    purposes: tuple[str, ...]
    after: str
    """The words between the verb and the next verb of its clause: its object and what
    qualifies it ("this information for marketing")."""
    negated: bool
    qualified: bool
    conditional: bool
    possible: bool
    """Stated with "may", "could", "can", "in the future": a possibility, not a fact."""

    @property
    def is_fact(self) -> bool:
        """Unhedged and unqualified: what a rule may check against the structure."""
        return not (self.qualified or self.conditional or self.possible)

    @property
    def by_company(self) -> bool:
        return self.actor in ("we", "passive")


class Located(NamedTuple):
    path: PathT
    statement: Statement


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """Each sentence of `text` with its offset, Markdown markup blanked out. A line break
    inside a paragraph is a space; a blank line, a list item, a heading and a table cell
    start a new sentence."""
    plain = _SOFT_BREAK.sub(" ", _MARKUP.sub(_blank, text))
    for match in _SENTENCE.finditer(plain):
        if len(match.group(0)) <= MAX_SENTENCE:
            yield match.start(), match.group(0)


_TOKEN = re.compile(r"[^\W_]+")


@cache
def _trigger_index() -> dict[str, list[tuple[tuple[str, ...], str, str]]]:
    """Each verb and noun the reader knows, by its first word, longest first: a dictionary
    lookup per word of a clause costs less than one pattern of a hundred alternatives."""
    index: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    for kind in ("action", "noun"):
        for phrase, value in lexicon().entries[kind].items():
            words = tuple(_TOKEN.findall(phrase))
            index.setdefault(words[0], []).append((words, kind, value))
    for entries in index.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return index


def _candidates(clause: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, kind, value) of each known verb or noun of `clause`, as whole words
    ("mail" in "e-mail" is not one)."""
    index = _trigger_index()
    tokens = [(m.group(0).lower(), m.start(), m.end()) for m in _TOKEN.finditer(clause)]
    covered = 0  # matches do not overlap: "show ads" is one, not "show ads" and "ads"
    for i, (word, start, _) in enumerate(tokens):
        if start < covered:
            continue
        for words, kind, value in index.get(word, ()):
            run = tokens[i : i + len(words)]
            end = run[-1][2]
            if (
                tuple(t[0] for t in run) == words
                and all(not clause[a[2] : b[1]].strip(" \t\n-") for a, b in pairwise(run))
                and clause[start - 1 : start] != "-"
                and clause[end : end + 1] != "-"
            ):
                yield start, end, kind, value
                covered = end
                break


class _Trigger(NamedTuple):
    start: int
    end: int
    action: str
    noun_purpose: str | None


_WORD = re.compile(r"[a-z]+")


@cache
def _first_words() -> frozenset[str]:
    lex = lexicon()
    return frozenset(p.split()[0].split("-")[0] for k in ("action", "noun") for p in lex.entries[k])


def may_state(text: str) -> bool:
    """The fast path: whether `text` has a word that may start a verb or noun the reader
    knows (a set lookup per word, much cheaper than the patterns)."""
    return not _first_words().isdisjoint(_WORD.findall(text.lower()))


@cache
def _inner_words() -> frozenset[str]:
    """Verb forms that are also words of a longer phrase ("email" in "email address")."""
    lex = lexicon()
    words = {
        w for kind in ("data", "purpose", "recipient") for p in lex.entries[kind] for w in p.split()
    }
    return frozenset(a for a in lex.entries["action"] if a in words)


def _triggers(clause: str) -> list[_Trigger]:
    taken: list[tuple[int, int]] | None = None
    found = []
    for start, end, kind, value in _candidates(clause):
        before = clause[:start]
        if kind == "action":
            inside = False
            if clause[start:end].lower() in _inner_words():
                if taken is None:  # looked for only when a verb form may be inside a phrase
                    taken = [
                        (m.start(), m.end())
                        for kind in ("data", "purpose", "recipient")
                        for m in pattern(kind).finditer(clause)
                    ]
                inside = any(s <= start and end <= e and (s, e) != (start, end) for s, e in taken)
            if inside or _DETERMINER.search(before[-12:]):
                continue  # "email address", "the use of": a noun, not a verb
            found.append(_Trigger(start, end, value, None))
        elif _NOUN_CONTEXT.search(before[-60:]):
            action, purpose = value.split("/")
            found.append(_Trigger(start, end, action, purpose))
    return found


@cache
def _starts(kind: str) -> frozenset[str]:
    return frozenset(_WORD.findall(" ".join(p.split()[0] for p in lexicon().entries[kind])))


def _found(kind: str, text: str) -> list[tuple[str, str]]:
    """(phrase, what it names) for each lexicon phrase of `kind` in `text`."""
    if _starts(kind).isdisjoint(_WORD.findall(text.lower())):
        return []  # no word that starts such a phrase: the pattern would find nothing
    return [(m.group(0), lookup(kind, m.group(0)) or "") for m in pattern(kind).finditer(text)]


def _actor(before: str, company: re.Pattern[str] | None) -> str:
    if _PASSIVE.search(before) or _INVERTED_PASSIVE.search(before):
        return "passive"
    if _WE.search(before) or (company is not None and company.search(before)):
        return "we"
    if _YOU.search(before):
        return "you"
    if _THEY.search(before) or pattern("recipient").search(before):
        return "other"
    return "unknown"


def company_pattern(*names: str | None) -> re.Pattern[str] | None:
    """A pattern for the company's own names, which speak for it as "we" does."""
    words = [re.escape(n) for n in names if n and n.strip()]
    return re.compile(rf"\b(?:{'|'.join(words)})\b", re.IGNORECASE) if words else None


def read_sentence(
    sentence: str,
    offset: int = 0,
    previous: tuple[str, ...] = (),
    company: re.Pattern[str] | None = None,
) -> list[Statement]:
    """The statements of one sentence; `previous` is the data a pronoun refers to and
    `company` the company's names."""
    if not may_state(sentence):
        return []  # the fast path: most sentences of a notice state nothing we read
    qualified = bool(_QUALIFIER.search(sentence))
    conditional = bool(_CONDITION.search(sentence))
    statements: list[Statement] = []
    clause_start = 0
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(sentence)] + [len(sentence)]
    for clause_end in breaks:
        clause = sentence[clause_start:clause_end]
        statements += _read_clause(
            sentence, clause, offset + clause_start, previous, qualified, conditional, company
        )
        if statements and statements[-1].data:
            previous = statements[-1].data
        clause_start = clause_end
    return statements


def _read_clause(
    sentence: str,
    clause: str,
    offset: int,
    previous: tuple[str, ...],
    qualified: bool,
    conditional: bool,
    company: re.Pattern[str] | None,
) -> list[Statement]:
    triggers = _triggers(clause)
    statements: list[Statement] = []
    last: Statement | None = None
    for index, trigger in enumerate(triggers):
        window_start = triggers[index - 1].end if index else 0
        before = clause[window_start : trigger.start]
        after_end = triggers[index + 1].start if index + 1 < len(triggers) else len(clause)
        after = clause[trigger.end : after_end]
        if last is not None and _INFINITIVE.search(before) and not _NEGATION.search(before):
            # "We do not use it to send emails": the second verb is the first one's purpose.
            purpose = _AS_PURPOSE.get(trigger.action, trigger.action)
            extra = tuple(p for _, p in _found("purpose", after))
            last = last._replace(purposes=(*last.purposes, purpose, *extra))
            statements[-1] = last
            continue
        coordinated = last is not None and bool(_COORDINATION.match(before))
        negation = _NEGATION.search(before)
        if coordinated and last is not None:
            negated, actor, possible = last.negated, last.actor, last.possible
        else:
            # "We collect no biometric data": the negation follows the verb
            negated = negation is not None or bool(_NO_OBJECT.match(after))
            actor = _actor(before, company)
            if actor == "unknown" and last is not None:
                actor = last.actor
            possible = bool(_MODAL.search(before))
        if trigger.noun_purpose is not None and actor == "unknown" and _THERE_IS.search(before):
            actor = "we"  # "There is no newsletter": the company's, as nobody else is named
        if trigger.noun_purpose is not None:
            # "no third-party advertising": what qualifies the noun is in front of it
            objects = before[negation.end() :] if negation else before[-40:]
        else:
            objects = before if actor == "passive" else after
        data = _found("data", objects)
        concepts = tuple(dict.fromkeys(c for _, c in data))
        if not concepts and _PRONOUN.search(objects):
            concepts = previous
        recipients = _found("recipient", objects if trigger.noun_purpose else after)
        purposes = [p for _, p in _found("purpose", after)]
        if trigger.noun_purpose:
            purposes.insert(0, trigger.noun_purpose)
        quote_start = negation.start() if negation is not None and not coordinated else 0
        if quote_start:
            aux = _AUX_BEFORE.search(before, 0, quote_start)
            quote_start = aux.start() if aux else quote_start
        else:
            quote_start = len(before) - len(before.lstrip(" ,"))
        first = window_start + quote_start
        newline = clause.rfind("\n", first, trigger.start)
        first = newline + 1 if newline >= 0 else first
        first += len(clause[first:]) - len(clause[first:].lstrip(" ,\t"))
        quote = clause[first : trigger.end]  # on one line, as the YAML file shows it
        last = Statement(
            sentence=sentence,
            start=offset + first,
            quote=quote,
            actor=actor,
            action=trigger.action,
            data=concepts,
            data_phrases=tuple(p for p, _ in data),
            recipients=tuple(dict.fromkeys(r for _, r in recipients)),
            purposes=tuple(dict.fromkeys(purposes)),
            after=after,
            negated=negated,
            qualified=qualified,
            conditional=conditional,
            possible=possible,
        )
        statements.append(last)
        if concepts:
            previous = concepts
    _share_objects(statements)
    return statements


def _share_objects(statements: list[Statement]) -> None:
    """ "We do not sell or share your email address": coordinated verbs share their object."""
    for index in range(len(statements) - 2, -1, -1):
        this, following = statements[index], statements[index + 1]
        if not this.data and following.data and following.negated == this.negated:
            statements[index] = this._replace(
                data=following.data,
                data_phrases=following.data_phrases,
                recipients=this.recipients or following.recipients,
                purposes=this.purposes or following.purposes,
            )


def read_text(text: str, company: re.Pattern[str] | None = None) -> list[Statement]:
    """The statements of every sentence of a text, pronouns read across sentences."""
    statements: list[Statement] = []
    if not may_state(text):
        return statements
    previous: tuple[str, ...] = ()
    for offset, sentence in sentences(text):
        found = [_as_written(s, text) for s in read_sentence(sentence, offset, previous, company)]
        with_data = [s.data for s in found if s.data]
        if with_data:
            previous = with_data[-1]
        else:
            named = tuple(dict.fromkeys(c for _, c in _found("data", sentence)))
            previous = named or previous
        statements += found
    return statements


def _as_written(statement: Statement, text: str) -> Statement:
    """The statement quoting the text as written (the reader blanked out its Markdown and
    joined its lines), from its last line: a finding points at one line of the file."""
    end = statement.start + len(statement.quote)
    start = text.rfind("\n", statement.start, end) + 1 or statement.start
    return statement._replace(start=start, quote=text[start:end])


def read_notice(notice: Any, company: re.Pattern[str] | None = None) -> list[Located]:
    """The statements of every prose field of a notice (or supplement), in document order."""
    from ...model.walk import texts

    values = texts(notice, lambda role: role.prose)
    return [Located(v.path, s) for v in values for s in read_text(v.text, company)]
