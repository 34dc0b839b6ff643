"""The changes of a notice in plain words.

`SENTENCES` holds the sentences of their own, by topic and kind of change; every other change
is worded from where it is and the role of the field that changed (`_generic`), so that a new
field of the model is worded with no change here. Ids are kept apart as `Code`, so that each
output format can show them as what they are.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from ..model import Notice, Right, Supplement
from ..model.base import DURATION_RE, Role
from ..model.practices import COOKIE_CONSENT_LAWS, Cookie
from ..model.sections import ENTRY_KINDS
from ..model.terms import Vocabulary
from ..model.walk import field_roles
from .comparison import KEPT_LONGER, Change, Key, Kind


@dataclass(frozen=True)
class Code:
    """An id noticegen names (a key of the notice): the only part shown as code in Markdown."""

    value: str


Part = str | Code


class Words(tuple[Part, ...]):
    """The text of a change in parts, so that each output can treat each part as what it is:
    `str` parts are wording and notice text, `Code` parts are ids."""

    def __str__(self) -> str:
        return "".join(f"`{p.value}`" if isinstance(p, Code) else p for p in self)


def plain(text: str) -> Words:
    """Text with no id in it."""
    return Words((text,))


def say(template: str, *pieces: str | Code | Words) -> Words:
    """`template` with each `{}` replaced by the next piece, kept apart as parts."""
    literals = template.split("{}")
    if len(literals) != len(pieces) + 1:
        raise ValueError(f"{template!r} needs {len(literals) - 1} pieces, got {len(pieces)}")
    parts: list[Part] = [literals[0]]
    for piece, literal in zip(pieces, literals[1:], strict=True):
        parts += piece if isinstance(piece, Words) else [piece]
        parts.append(literal)
    return Words(p for p in parts if p != "")


# --- values -------------------------------------------------------------------------------

_SHORT_TEXT = 80
_UNIT_WORDS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "S": "second"}
# The name of one item of each mapping of the notice and of a supplement.
_SINGULAR = {entry.field: entry.noun for entry in ENTRY_KINDS}


def duration_words(value: str) -> str:
    """`P1Y6M` as "1 year and 6 months", for readers who do not know ISO 8601."""
    date_part, _, time_part = value[1:].partition("T")
    parts = [(n, _UNIT_WORDS[u]) for n, u in re.findall(r"(\d+)([YMWD])", date_part)]
    parts += [
        (n, "minute" if u == "M" else _UNIT_WORDS[u])
        for n, u in re.findall(r"(\d+)([HMS])", time_part)
    ]
    return _join([f"{n} {unit}{'' if n == '1' else 's'}" for n, unit in parts]) or value


def _words(value: Any) -> str:
    return str(value).replace("_", " ")


def _singular(field: str) -> str:
    return _SINGULAR.get(field, field)


def _join(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _join_words(items: Sequence[Words]) -> Words:
    if len(items) <= 1:
        return items[0] if items else Words()
    return say(", ".join(["{}"] * (len(items) - 1)) + " and {}", *items)


def _capital(words: Words) -> Words:
    """`words` starting with a capital letter."""
    if words and isinstance(words[0], str):
        return Words((words[0][:1].upper() + words[0][1:], *words[1:]))
    return words


def _value(value: Any, duration: bool = False) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Vocabulary):
        return value.wording
    if isinstance(value, enum.Enum):
        return _words(value.value)
    if isinstance(value, list):
        return _join([_value(v) for v in value]) or "none"
    if isinstance(value, BaseModel):
        roles = field_roles(type(value))
        fields = value.model_dump(mode="json", exclude_defaults=True).items()
        shown = [
            duration_words(v) if roles.get(k) is Role.DURATION else str(v)
            for k, v in fields
            if not isinstance(v, (dict, list))
        ]
        return "(" + " ".join(shown) + ")"
    if duration and isinstance(value, str) and DURATION_RE.match(value):
        return duration_words(value)
    return f"“{value}”"


def _list_change(old: list[Any], new: list[Any]) -> str:
    added = [x for x in new if x not in old]
    removed = [x for x in old if x not in new]
    if any(isinstance(x, str) and len(x) > _SHORT_TEXT for x in added + removed):
        parts = [
            f"{len(added)} added" if added else "",
            f"{len(removed)} removed" if removed else "",
        ]
        return " and ".join(p for p in parts if p) + " (reworded entries count as both)"
    parts = [
        f"added {_value(added)}" if added else "",
        f"removed {_value(removed)}" if removed else "",
    ]
    return "; ".join(p for p in parts if p) or "reordered"


def _fields_set(value: Any) -> str:
    """ " (statement and minimum age)": which fields a newly added part of the notice fills."""
    if not isinstance(value, BaseModel):
        return ""
    names = [_words(n) for n in value.model_dump(exclude_defaults=True)]
    return f" ({_join(names)})" if names else ""


def _link_change(name: Words, old: str | None, new: str | None) -> Words:
    """A link is not text to quote: it is said where it now points."""
    if old is None:
        return say("{} added: link to {}", name, new or "")
    if new is None:
        return say("{} removed (was a link to {})", name, old)
    return say("{} now links to {} (was {})", name, new, old)


def _field_change(name: str | Words, old: Any, new: Any, role: Role | None = None) -> Words:
    """`name` is a field name, or the words for what changed."""
    name = name if isinstance(name, Words) else Words((_words(name),))
    if role is Role.URL:
        return _link_change(name, old, new)
    if isinstance(old, list) and isinstance(new, list):
        return say("{}: {}", name, _list_change(old, new))
    long_text = any(isinstance(v, str) and (len(v) > _SHORT_TEXT or "\n" in v) for v in (old, new))
    if long_text and old is not None and new is not None:
        return say("{} reworded", name)
    duration = role is Role.DURATION
    if old is None:
        return say("{} added: {}", name, _value(new, duration))
    if new is None:
        return say("{} removed (was {})", name, _value(old, duration))
    return say("{} changed from {} to {}", name, _value(old, duration), _value(new, duration))


def _kept(rule: Any) -> str:
    if not rule.stored:
        return "never stored"
    parts = []
    if rule.period:
        parts.append(f"kept for {duration_words(rule.period)}")
    if rule.after:
        parts.append(f"{'after' if rule.period else 'kept until'} {rule.after.wording}")
    if not parts:
        parts.append("kept according to stated criteria")
    return " ".join(parts)


# --- names --------------------------------------------------------------------------------


class Names:
    """Turns ids into the labels readers know, from whichever side defines them."""

    def __init__(
        self,
        old: Notice,
        new: Notice,
        old_supplements: Mapping[str, Supplement],
        new_supplements: Mapping[str, Supplement],
    ) -> None:
        self.old, self.new = old, new
        self.supplements = {
            s.supplement.id: s.supplement
            for s in [*old_supplements.values(), *new_supplements.values()]
        }

    def label(self, collection: str, key: str) -> Words:
        for notice in (self.new, self.old):
            items = getattr(notice, collection, None)
            if isinstance(items, dict) and key in items:
                item = items[key]
                name = next((getattr(item, f, None) for f in ("label", "name", "title")), None)
                if name:
                    return say("{} ({})", name, Code(key))
            if isinstance(items, dict) and any(k.startswith(key + ".") for k in items):
                return say("all {} data", Code(key))
        return say("{}", Code(key))

    def labels(self, collection: str, ids: Sequence[str]) -> Words:
        return _join_words([self.label(collection, i) for i in ids])

    def data_list(self, ids: Sequence[str]) -> Words:
        return self.labels("data", ids)

    def supplement(self, key: str) -> Words:
        return say("{} ({})", self.supplements[key].title, Code(key))


def _side(change: Change) -> Any:
    """The item the change is in, as it is now (as it was, when removed)."""
    old, new = change.item
    return new if new is not None else old


ItemNamer = Callable[[str, Change, Names], Words]

# How an item of each mapping is named in the changes within it; others by `_named_item`.
_ITEM_NAMES: dict[str, ItemNamer] = {
    "data": lambda key, change, names: names.label("data", key),
    "purposes": lambda key, change, names: say("Purpose {}", names.label("purposes", key)),
    "recipients": lambda key, change, names: say("Recipient {}", names.label("recipients", key)),
    "transfers": lambda key, change, names: say(
        "Transfer {} to {}", Code(key), _side(change).destination
    ),
    "retention": lambda key, change, names: say("Retention rule {}", Code(key)),
    "rights": lambda key, change, names: plain(f"Right {Right.of(key).wording}"),
    "cookies": lambda key, change, names: say(
        "Cookie {} ({})", _cookie_name(_side(change)), Code(key)
    ),
    "supplements": lambda key, change, names: names.supplement(key),
}
# Parts of the notice named otherwise than by their field's name.
_PLACE_NAMES = {"changes.how_notified": "How changes are announced"}


def _named_item(collection: str, key: str, names: Names) -> Words:
    return say(f"{_singular(collection).capitalize()} {{}}", names.label(collection, key))


def _place(change: Change, names: Names) -> tuple[Words, list[str]]:
    """What the change is in, in words (`Purpose Marketing (marketing)`), and the names of the
    fields below it that lead to the value that changed."""
    if change.topic in _PLACE_NAMES:
        return plain(_PLACE_NAMES[change.topic]), []
    what: Words | None = None
    fields: list[str] = []
    for part in change.path:
        if not isinstance(part, Key):
            fields.append(part)
            continue
        collection = fields.pop()
        if what is not None:  # an item of a supplement
            what = say(f"{{}}, {_singular(collection)} {{}}", what, Code(part))
        elif collection in _ITEM_NAMES:
            what = _ITEM_NAMES[collection](part, change, names)
        else:
            what = _named_item(collection, part, names)
    if what is None:
        what = Words((_words(fields.pop(0)).capitalize(),))
    return what, fields


def _key(change: Change) -> str:
    """The id of the innermost item the change is in."""
    return next(p for p in reversed(change.path) if isinstance(p, Key))


def _generic(change: Change, names: Names) -> Words:
    """A change with no sentence of its own, worded from where it is and the role of the field
    that changed: a link as a link, a duration in words, a long text as reworded."""
    what, fields = _place(change, names)
    if change.kind is Kind.CHANGED and fields:
        where = say(", ".join(["{}"] * len(fields)), what, *map(_words, fields[:-1]))
        return say("{}: {}.", where, _field_change(fields[-1], change.old, change.new, change.role))
    what = say(", ".join(["{}"] * (len(fields) + 1)), what, *map(_words, fields))
    if change.kind is Kind.ADDED:
        return say("{} added{}.", _capital(what), _fields_set(change.new))
    if change.kind is Kind.REMOVED:
        return say("{} removed.", _capital(what))
    return say("{}.", _capital(_field_change(what, change.old, change.new)))


# --- sentences of their own ----------------------------------------------------------------

Sentence = Callable[[Change, Names], Words]


def _item_arrival(change: Change, names: Names) -> Words:
    """An item added to or removed from a mapping of the notice or of a supplement."""
    collection, key = change.path[-2], _key(change)
    if change.path[0] == "supplements":
        supplement = names.supplement(change.path[1])
        if change.kind is Kind.ADDED:
            return say(f"{{}}: new {_singular(collection)} {{}}.", supplement, Code(key))
        return say(f"{{}}: {_singular(collection)} {{}} removed.", supplement, Code(key))
    if change.kind is Kind.ADDED:
        return say(f"New {_singular(collection)}: {{}}.", names.label(collection, key))
    kind = _singular(collection).capitalize()
    return say(f"{kind} removed: {{}}.", names.label(collection, key))


def _data_added(change: Change, names: Names) -> Words:
    item = change.new
    return say(
        "New data collected: {}{}{}.",
        names.label("data", _key(change)),
        f", {item.source.wording}" if item.source else "",
        " (special-category data)" if item.special_category else "",
    )


def _basis_names(statements: list[Any]) -> str | None:
    """The bases as one value (`consent`; `contract (gdpr), lgpd_7_v (lgpd)`), None if none."""
    return (
        ", ".join(
            s.basis.wording + (f" ({', '.join(s.jurisdictions)})" if s.jurisdictions else "")
            for s in statements
        )
        or None
    )


def _purpose_added(change: Change, names: Names) -> Words:
    purpose = change.new
    basis = f" on the basis of {_basis_names(purpose.legal_basis)}" if purpose.legal_basis else ""
    uses = say(", using {}", names.data_list(purpose.data)) if purpose.data else Words()
    return say("New purpose: {}{}{}.", names.label("purposes", _key(change)), basis, uses)


def _members(verb: str, namer: Callable[[Names, list[Any]], Words | str]) -> Sentence:
    """ "... now also `verb` ..." or "... no longer `verb` ...", for a list that gains or loses
    members."""

    def sentence(change: Change, names: Names) -> Words:
        what, _ = _place(change, names)
        gained = [x for x in change.new if x not in change.old]
        if gained:
            return say(f"{{}} now also {verb} {{}}.", what, namer(names, gained))
        lost = [x for x in change.old if x not in change.new]
        return say(f"{{}} no longer {verb} {{}}.", what, namer(names, lost))

    return sentence


def _legal_basis(change: Change, names: Names) -> Words:
    """The bases before and after, each with the laws it is relied on under."""
    what, _ = _place(change, names)
    old, new = _basis_names(change.old), _basis_names(change.new)
    return say("{}: {}.", what, _field_change("legal_basis", old, new))


def _involves(change: Change, names: Names) -> Words:
    what, fields = _place(change, names)
    now = "now" if change.new else "no longer"
    return say(f"{{}} {now} involves {{}}.", what, _words(fields[-1]))


def _automated_decision(change: Change, names: Names) -> Words:
    if change.old or not change.new:
        return _generic(change, names)
    what, _ = _place(change, names)
    return say("{} now involves automated decisions.", what)


def _disclosure(words: str) -> Sentence:
    def sentence(change: Change, names: Names) -> Words:
        what, _ = _place(change, names)
        return say(f"{{}}: the disclosure is {'now' if change.new else 'no longer'} {words}.", what)

    return sentence


def _recipient_added(change: Change, names: Names) -> Words:
    recipient = change.new
    receives = say(", receives {}", names.data_list(recipient.data)) if recipient.data else Words()
    sold = " The disclosure is a sale." if recipient.sale else ""
    shared = (
        " The disclosure is sharing for cross-context behavioural advertising."
        if recipient.sharing
        else ""
    )
    return say(
        "New recipient: {}{}{}.{}{}",
        names.label("recipients", _key(change)),
        f" ({recipient.kind.wording})" if recipient.kind else "",
        receives,
        sold,
        shared,
    )


def _transfer_added(change: Change, names: Names) -> Words:
    transfer = change.new
    who = (
        say(" ({})", names.labels("recipients", transfer.recipients))
        if transfer.recipients
        else Words()
    )
    basis = (
        f" under {transfer.safeguard.wording}"
        if transfer.safeguard
        else " with no safeguard stated"
    )
    return say("New transfer to {}{}{}.", transfer.destination, who, basis)


def _rule_added(change: Change, names: Names) -> Words:
    rule = change.new
    return say(
        "New retention rule {}: {} {}.", Code(_key(change)), names.data_list(rule.data), _kept(rule)
    )


def _period(change: Change, names: Names) -> Words:
    what, _ = _place(change, names)
    was, now = change.item
    return say("{}: {} now {} (was {}).", what, names.data_list(now.data), _kept(now), _kept(was))


def _kept_longer(change: Change, names: Names) -> Words:
    return say(
        "{} is now kept for {} under rule {} (was at most {}).",
        names.label("data", change.member),
        duration_words(change.new),
        Code(_key(change)),
        duration_words(change.old),
    )


def _cookie_name(cookie: Cookie) -> str:
    """A cookie's name, or for an entry that stands for a category, the category."""
    return cookie.name or (cookie.category.wording if cookie.category else "")


def _cookie_added(change: Change, names: Names) -> Words:
    cookie = change.new
    consent = cookie.consent_under(COOKIE_CONSENT_LAWS)
    gate = (
        "strictly necessary"
        if cookie.necessary
        else {True: "set only after consent", False: "set without consent"}.get(
            consent, "consent not stated"
        )
    )
    provider = cookie.provider or (
        f"the providers {cookie.listed_in} lists" if cookie.listed_in else "a provider not named"
    )
    return say(
        "New {}: {} ({}) from {}, {}.",
        cookie.kind.wording,
        _cookie_name(cookie),
        Code(_key(change)),
        provider,
        gate,
    )


def _log_added(change: Change, names: Names) -> Words:
    entry = change.new
    return plain(f"Change log entry for version {entry.version} ({entry.date}): {entry.summary}")


def _log_removed(change: Change, names: Names) -> Words:
    entry = change.old
    return plain(f"Change log entry removed: version {entry.version} ({entry.date}).")


def _supplement_added(change: Change, names: Names) -> Words:
    meta = change.new.supplement
    return say(
        "New supplement: {} ({}, {}), for {}.",
        meta.title, Code(meta.id), meta.jurisdiction.value, meta.applies_to,
    )  # fmt: skip


def _supplement_removed(change: Change, names: Names) -> Words:
    meta = change.old.supplement
    return say("Supplement removed: {} ({}).", meta.title, Code(meta.id))


def _labels(collection: str) -> Callable[[Names, list[Any]], Words]:
    return lambda names, ids: names.labels(collection, ids)


SENTENCES: dict[tuple[str, Kind], Sentence] = {
    ("data", Kind.ADDED): _data_added,
    ("data", Kind.REMOVED): lambda change, names: say(
        "No longer collected: {}.", names.label("data", _key(change))
    ),
    ("purposes", Kind.ADDED): _purpose_added,
    ("purposes.data", Kind.CHANGED): _members("uses", _labels("data")),
    ("purposes.legal_basis", Kind.CHANGED): _legal_basis,
    ("purposes.direct_marketing", Kind.CHANGED): _involves,
    ("purposes.profiling", Kind.CHANGED): _involves,
    ("purposes.automated_decision", Kind.CHANGED): _automated_decision,
    ("recipients", Kind.ADDED): _recipient_added,
    ("recipients.data", Kind.CHANGED): _members("receives", _labels("data")),
    ("recipients.purposes", Kind.CHANGED): _members("receives data for", _labels("purposes")),
    ("recipients.countries", Kind.CHANGED): _members(
        "processes data in", lambda names, countries: _join(countries)
    ),
    ("recipients.sale", Kind.CHANGED): _disclosure("a sale"),
    ("recipients.sharing", Kind.CHANGED): _disclosure(
        "sharing for cross-context behavioural advertising"
    ),
    ("transfers", Kind.ADDED): _transfer_added,
    ("transfers", Kind.REMOVED): lambda change, names: say(
        "Transfer removed: to {} ({}).", change.old.destination, Code(_key(change))
    ),
    ("retention", Kind.ADDED): _rule_added,
    ("retention", Kind.REMOVED): lambda change, names: say(
        "Retention rule removed: {}.", Code(_key(change))
    ),
    ("retention.period", Kind.CHANGED): _period,
    (KEPT_LONGER, Kind.CHANGED): _kept_longer,
    ("rights", Kind.ADDED): lambda change, names: plain(
        f"Right now offered: {Right.of(_key(change)).wording}."
    ),
    ("rights", Kind.REMOVED): lambda change, names: plain(
        f"Right no longer offered: {Right.of(_key(change)).wording}."
    ),
    ("cookies", Kind.ADDED): _cookie_added,
    ("cookies", Kind.REMOVED): lambda change, names: say(
        "Cookie removed: {} ({}).", _cookie_name(change.old), Code(_key(change))
    ),
    ("changes.log", Kind.ADDED): _log_added,
    ("changes.log", Kind.REMOVED): _log_removed,
    ("supplements", Kind.ADDED): _supplement_added,
    ("supplements", Kind.REMOVED): _supplement_removed,
}
"""Changes with a sentence of their own, by topic and kind; all others are worded by
`_generic`."""


def words(change: Change, names: Names) -> Words:
    """The change in plain words."""
    sentence = SENTENCES.get((change.topic, change.kind))
    if sentence is not None:
        return sentence(change, names)
    if change.kind is not Kind.CHANGED and isinstance(change.path[-1], Key):
        return _item_arrival(change, names)
    return _generic(change, names)
