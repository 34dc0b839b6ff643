"""What changed in a notice's meaning between two versions, in plain words.

Each change belongs to a group a reader recognises (data collected, purposes, recipients, ...)
and is marked `material` when users must be told before it takes effect (GDPR Art. 13(3)): new
data, a new purpose or recipient, longer retention, a weaker legal basis, and the like.
"""

from __future__ import annotations

import enum
import functools
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, get_args

from pydantic import BaseModel, StringConstraints

from .escaping import markdown_code_block, markdown_text, text_line
from .model import Notice, Supplement
from .model.base import DURATION_PATTERN, DURATION_RE, ID_RE, duration_days
from .model.processing import BasisStatement, LegalBasis

ARTICLE = "GDPR Art. 13(3)"

GROUPS: dict[str, str] = {
    "notice": "About the notice",
    "data": "Data collected",
    "purposes": "Purposes and legal bases",
    "recipients": "Recipients",
    "transfers": "International transfers",
    "retention": "Retention",
    "rights": "Your rights",
    "cookies": "Cookies and similar technologies",
    "contact": "Contact",
    "other": "Other text",
}
# Top-level fields of the notice and the group their changes are reported under.
_FIELD_GROUP = {
    "notice": "notice",
    "scope": "notice",
    "changes": "notice",
    "data": "data",
    "purposes": "purposes",
    "recipients": "recipients",
    "transfers": "transfers",
    "retention": "retention",
    "rights": "rights",
    "requests": "rights",
    "consent_withdrawal": "rights",
    "cookies": "cookies",
    "controller": "contact",
}
_SINGULAR = {
    "data": "data category",
    "purposes": "purpose",
    "recipients": "recipient",
    "transfers": "transfer",
    "retention": "retention rule",
    "rights": "right",
    "cookies": "cookie",
    "promises": "promise",
    "sections": "section",
    "documents": "document",
}
_SHORT_TEXT = 80


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


@dataclass(frozen=True)
class Change:
    """One difference between the old and the new notice."""

    group: str
    kind: str
    """added, removed or changed."""
    subject: str
    """Where in the notice, as a dotted path (`purposes.marketing.legal_basis`)."""
    words: Words
    """The change in plain words."""
    material: bool = False
    reason: str = ""
    """Why the change is material, when it is."""

    @property
    def text(self) -> str:
        return str(self.words)

    def to_dict(self) -> dict[str, Any]:
        return {
            "group_title": GROUPS[self.group],
            "group": self.group,
            "kind": self.kind,
            "subject": self.subject,
            "text": self.text,
            "material": self.material,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class NoticeDiff:
    old: Notice
    new: Notice
    changes: tuple[Change, ...]

    @property
    def material(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.material)


# --- durations and legal bases ------------------------------------------------------------

_UNIT_WORDS = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour", "S": "second"}


def duration_words(value: str) -> str:
    """`P1Y6M` as "1 year and 6 months", for readers who do not know ISO 8601."""
    date_part, _, time_part = value[1:].partition("T")
    parts = [(n, _UNIT_WORDS[u]) for n, u in re.findall(r"(\d+)([YMWD])", date_part)]
    parts += [
        (n, "minute" if u == "M" else _UNIT_WORDS[u])
        for n, u in re.findall(r"(\d+)([HMS])", time_part)
    ]
    return _join([f"{n} {unit}{'' if n == '1' else 's'}" for n, unit in parts]) or value


def weaker_basis(old: LegalBasis | None, new: LegalBasis | None) -> bool:
    """Whether the person loses control: leaving consent, or moving to legitimate interests
    (a basis that rests on the company's own balancing test)."""
    if old is None or new is None or old == new:
        return False
    return old == LegalBasis.CONSENT or new == LegalBasis.LEGITIMATE_INTERESTS


def weaker_bases(old: list[BasisStatement], new: list[BasisStatement]) -> bool:
    """Whether a basis the purpose leaves is weaker-for-the-person replaced by one it takes
    (each basis compared as what it amounts to under GDPR Art. 6(1))."""
    before = {s.gdpr_basis for s in old} - {None}
    after = {s.gdpr_basis for s in new} - {None}
    return any(weaker_basis(o, n) for o in before - after for n in after - before)


def _basis_names(statements: list[BasisStatement]) -> str | None:
    """The bases as one value (`consent`; `contract (gdpr), lgpd_7_v (lgpd)`), None if none."""
    return (
        ", ".join(
            _words(str(s.basis)) + (f" ({', '.join(s.jurisdictions)})" if s.jurisdictions else "")
            for s in statements
        )
        or None
    )


# --- wording -----------------------------------------------------------------------------


def _words(value: Any) -> str:
    return str(value).replace("_", " ")


class _Namer:
    """Turns ids into the labels readers know, from whichever notice defines them."""

    def __init__(self, old: Notice, new: Notice) -> None:
        self.old, self.new = old, new

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


@functools.cache
def _is_duration(model: type[BaseModel], field: str) -> bool:
    """Whether the model's field holds an ISO 8601 duration (optional or not)."""
    info = model.model_fields.get(field)
    if info is None:
        return False
    found = [*info.metadata]
    pending = [info.annotation]
    while pending:
        arguments = get_args(pending.pop())
        found += arguments
        pending += arguments
    return any(isinstance(c, StringConstraints) and c.pattern == DURATION_PATTERN for c in found)


def _value(value: Any, duration: bool = False) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, enum.Enum):
        return _words(value.value)
    if isinstance(value, list):
        return _join([_value(v) for v in value]) or "none"
    if isinstance(value, BaseModel):
        fields = value.model_dump(mode="json", exclude_defaults=True).items()
        shown = [
            duration_words(v) if _is_duration(type(value), k) else str(v)
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


def _field_change(name: str | Words, old: Any, new: Any, duration: bool = False) -> Words:
    """`name` is a field name, or the words for what changed."""
    name = name if isinstance(name, Words) else Words((_words(name),))
    if isinstance(old, list) and isinstance(new, list):
        return say("{}: {}", name, _list_change(old, new))
    long_text = any(isinstance(v, str) and (len(v) > _SHORT_TEXT or "\n" in v) for v in (old, new))
    if long_text and old is not None and new is not None:
        return say("{} reworded", name)
    if old is None:
        return say("{} added: {}", name, _value(new, duration))
    if new is None:
        return say("{} removed (was {})", name, _value(old, duration))
    return say("{} changed from {} to {}", name, _value(old, duration), _value(new, duration))


# --- comparison ---------------------------------------------------------------------------


class _Differ:
    def __init__(self, old: Notice, new: Notice) -> None:
        self.old, self.new = old, new
        self.names = _Namer(old, new)

    def run(self) -> tuple[Change, ...]:
        changes: list[Change] = []
        for field in type(self.new).model_fields:
            group = _FIELD_GROUP.get(field, "other")
            before, after = getattr(self.old, field), getattr(self.new, field)
            if before == after:
                continue
            special = getattr(self, f"_{field}", None)
            if special is not None:
                changes += special(before, after)
            elif isinstance(before, dict) or isinstance(after, dict):
                changes += self._entities(field, group, before or {}, after or {})
            else:
                what = Words((_words(field).capitalize(),))
                changes += self._fields(group, field, what, before, after)
        return tuple(changes)

    # generic walks

    def _fields(self, group: str, path: str, what: Words, old: Any, new: Any) -> Iterator[Change]:
        """Field-by-field changes of two values of the same model (or plain values)."""
        if old == new:
            return
        if isinstance(old, BaseModel) and isinstance(new, BaseModel):
            for name in type(new).model_fields:
                before, after = getattr(old, name), getattr(new, name)
                if before == after:
                    continue
                if isinstance(before, BaseModel) and isinstance(after, BaseModel):
                    yield from self._fields(
                        group, f"{path}.{name}", say("{}, {}", what, _words(name)), before, after
                    )
                else:
                    yield Change(
                        group,
                        "changed",
                        f"{path}.{name}",
                        say(
                            "{}: {}.",
                            what,
                            _field_change(name, before, after, _is_duration(type(new), name)),
                        ),
                    )
            return
        if old is None:
            yield Change(group, "added", path, say("{} added{}.", _capital(what), _fields_set(new)))
        elif new is None:
            yield Change(group, "removed", path, say("{} removed.", _capital(what)))
        else:
            yield Change(
                group, "changed", path, say("{}.", _capital(_field_change(what, old, new)))
            )

    def _entities(
        self, field: str, group: str, old: dict[str, Any], new: dict[str, Any]
    ) -> Iterator[Change]:
        kind = _SINGULAR.get(field, field)
        for key in sorted(new.keys() - old.keys()):
            yield Change(
                group,
                "added",
                f"{field}.{key}",
                say(f"New {kind}: {{}}.", self.names.label(field, key)),
            )
        for key in sorted(old.keys() - new.keys()):
            yield Change(
                group,
                "removed",
                f"{field}.{key}",
                say(f"{kind.capitalize()} removed: {{}}.", self.names.label(field, key)),
            )
        for key in sorted(old.keys() & new.keys()):
            what = say(f"{kind.capitalize()} {{}}", self.names.label(field, key))
            yield from self._fields(group, f"{field}.{key}", what, old[key], new[key])

    # groups with their own wording and materiality

    def _data(self, old: dict[str, Any], new: dict[str, Any]) -> Iterator[Change]:
        for key in sorted(new.keys() - old.keys()):
            item = new[key]
            yield Change(
                "data",
                "added",
                f"data.{key}",
                say(
                    "New data collected: {}, {}{}.",
                    self.names.label("data", key),
                    _words(item.source.value),
                    " (special-category data)" if item.special_category else "",
                ),
                True,
                "new personal data is collected",
            )
        for key in sorted(old.keys() - new.keys()):
            yield Change(
                "data",
                "removed",
                f"data.{key}",
                say("No longer collected: {}.", self.names.label("data", key)),
            )
        for key in sorted(old.keys() & new.keys()):
            before, after = old[key], new[key]
            what = self.names.label("data", key)
            for change in self._fields("data", f"data.{key}", what, before, after):
                field = change.subject.rsplit(".", 1)[-1]
                if field in ("special_category", "sensitive") and getattr(after, field):
                    change = _material(change, f"the data is now treated as {_words(field)} data")
                elif field == "source" and after.source != before.source:
                    change = _material(change, "the data now comes from a different source")
                yield change

    def _purposes(self, old: dict[str, Any], new: dict[str, Any]) -> Iterator[Change]:
        for key in sorted(new.keys() - old.keys()):
            purpose = new[key]
            basis = (
                f" on the basis of {_basis_names(purpose.legal_basis)}"
                if purpose.legal_basis
                else ""
            )
            uses = (
                say(", using {}", self.names.data_list(purpose.data)) if purpose.data else Words()
            )
            yield Change(
                "purposes",
                "added",
                f"purposes.{key}",
                say("New purpose: {}{}{}.", self.names.label("purposes", key), basis, uses),
                True,
                "data is used for a new purpose",
            )
        for key in sorted(old.keys() - new.keys()):
            yield Change(
                "purposes",
                "removed",
                f"purposes.{key}",
                say("Purpose removed: {}.", self.names.label("purposes", key)),
            )
        for key in sorted(old.keys() & new.keys()):
            before, after = old[key], new[key]
            what = say("Purpose {}", self.names.label("purposes", key))
            path = f"purposes.{key}"
            added = [d for d in after.data if d not in before.data]
            removed = [d for d in before.data if d not in after.data]
            if added:
                yield Change(
                    "purposes",
                    "changed",
                    f"{path}.data",
                    say("{} now also uses {}.", what, self.names.data_list(added)),
                    True,
                    "data is used for a purpose it was not used for",
                )
            if removed:
                yield Change(
                    "purposes",
                    "changed",
                    f"{path}.data",
                    say("{} no longer uses {}.", what, self.names.data_list(removed)),
                )
            if before.legal_basis != after.legal_basis:
                weaker = weaker_bases(before.legal_basis, after.legal_basis)
                yield Change(
                    "purposes",
                    "changed",
                    f"{path}.legal_basis",
                    say(
                        "{}: {}.",
                        what,
                        _field_change(
                            "legal_basis",
                            _basis_names(before.legal_basis),
                            _basis_names(after.legal_basis),
                        ),
                    ),
                    weaker,
                    "the legal basis is weaker for the person" if weaker else "",
                )
            for flag, reason in (
                ("direct_marketing", "the purpose is now direct marketing"),
                ("profiling", "the purpose now involves profiling"),
            ):
                if getattr(after, flag) and not getattr(before, flag):
                    yield Change(
                        "purposes",
                        "changed",
                        f"{path}.{flag}",
                        say("{} now involves {}.", what, _words(flag)),
                        True,
                        reason,
                    )
                elif getattr(before, flag) and not getattr(after, flag):
                    yield Change(
                        "purposes",
                        "changed",
                        f"{path}.{flag}",
                        say("{} no longer involves {}.", what, _words(flag)),
                    )
            if after.automated_decision and not before.automated_decision:
                yield Change(
                    "purposes",
                    "changed",
                    f"{path}.automated_decision",
                    say("{} now involves automated decisions.", what),
                    True,
                    "automated decision-making is introduced",
                )
            handled = ["data", "legal_basis", "direct_marketing", "profiling"]
            if after.automated_decision and not before.automated_decision:
                handled.append("automated_decision")
            rest = before.model_copy(update={f: getattr(after, f) for f in handled})
            yield from self._fields("purposes", path, what, rest, after)

    def _recipients(self, old: dict[str, Any], new: dict[str, Any]) -> Iterator[Change]:
        for key in sorted(new.keys() - old.keys()):
            recipient = new[key]
            receives = (
                say(", receives {}", self.names.data_list(recipient.data))
                if recipient.data
                else Words()
            )
            sold = " The disclosure is a sale." if recipient.sale else ""
            shared = (
                " The disclosure is sharing for cross-context behavioural advertising."
                if recipient.sharing
                else ""
            )
            yield Change(
                "recipients",
                "added",
                f"recipients.{key}",
                say(
                    "New recipient: {} ({}){}.{}{}",
                    self.names.label("recipients", key),
                    _words(recipient.kind.value),
                    receives,
                    sold,
                    shared,
                ),
                True,
                "personal data goes to a new recipient",
            )
        for key in sorted(old.keys() - new.keys()):
            yield Change(
                "recipients",
                "removed",
                f"recipients.{key}",
                say("Recipient removed: {}.", self.names.label("recipients", key)),
            )
        for key in sorted(old.keys() & new.keys()):
            before, after = old[key], new[key]
            what = say("Recipient {}", self.names.label("recipients", key))
            path = f"recipients.{key}"
            namers: tuple[tuple[str, str, Callable[[list[str]], Words | str]], ...] = (
                ("data", "receives", self.names.data_list),
                ("purposes", "receives data for", partial(self.names.labels, "purposes")),
                ("countries", "processes data in", _join),
            )
            for field, noun, namer in namers:
                added = [x for x in getattr(after, field) if x not in getattr(before, field)]
                removed = [x for x in getattr(before, field) if x not in getattr(after, field)]
                if added:
                    yield Change(
                        "recipients",
                        "changed",
                        f"{path}.{field}",
                        say(f"{{}} now also {noun} {{}}.", what, namer(added)),
                        True,
                        "a recipient receives more than before",
                    )
                if removed:
                    yield Change(
                        "recipients",
                        "changed",
                        f"{path}.{field}",
                        say(f"{{}} no longer {noun} {{}}.", what, namer(removed)),
                    )
            for flag, words in (
                ("sale", "a sale"),
                ("sharing", "sharing for cross-context behavioural advertising"),
            ):
                if getattr(after, flag) != getattr(before, flag):
                    now = getattr(after, flag)
                    yield Change(
                        "recipients",
                        "changed",
                        f"{path}.{flag}",
                        say(
                            f"{{}}: the disclosure is {'now' if now else 'no longer'} {words}.",
                            what,
                        ),
                        now,
                        "data is now sold or shared" if now else "",
                    )
            if before.kind != after.kind:
                material = after.kind != "processor" and before.kind == "processor"
                yield Change(
                    "recipients",
                    "changed",
                    f"{path}.kind",
                    say("{}: {}.", what, _field_change("kind", before.kind, after.kind)),
                    material,
                    "the recipient now uses the data for its own purposes" if material else "",
                )
            rest = before.model_copy(
                update={
                    f: getattr(after, f)
                    for f in ("data", "purposes", "countries", "sale", "sharing", "kind")
                }
            )
            yield from self._fields("recipients", path, what, rest, after)

    def _transfers(self, old: dict[str, Any], new: dict[str, Any]) -> Iterator[Change]:
        for key in sorted(new.keys() - old.keys()):
            transfer = new[key]
            who = (
                say(" ({})", self.names.labels("recipients", transfer.recipients))
                if transfer.recipients
                else Words()
            )
            basis = (
                f" under {_words(transfer.safeguard.value)}"
                if transfer.safeguard
                else " with no safeguard stated"
            )
            yield Change(
                "transfers",
                "added",
                f"transfers.{key}",
                say("New transfer to {}{}{}.", transfer.destination, who, basis),
                True,
                "personal data goes to a new country",
            )
        for key in sorted(old.keys() - new.keys()):
            yield Change(
                "transfers",
                "removed",
                f"transfers.{key}",
                say("Transfer removed: to {} ({}).", old[key].destination, Code(key)),
            )
        for key in sorted(old.keys() & new.keys()):
            before, after = old[key], new[key]
            what = say("Transfer {} to {}", Code(key), after.destination)
            path = f"transfers.{key}"
            for change in self._fields("transfers", path, what, before, after):
                field = change.subject.rsplit(".", 1)[-1]
                if field == "destination":
                    change = _material(change, "personal data goes to a different country")
                elif field == "recipients" and set(after.recipients) - set(before.recipients):
                    change = _material(change, "more recipients receive the transfer")
                elif field == "safeguard" and after.safeguard in (None, "derogation"):
                    change = _material(change, "the transfer is less protected")
                yield change

    def _retention(self, old: list[Any], new: list[Any]) -> Iterator[Change]:
        before = {rule.id: rule for rule in old}
        after = {rule.id: rule for rule in new}
        for key in [k for k in after if k not in before]:
            rule = after[key]
            yield Change(
                "retention",
                "added",
                f"retention.{key}",
                say(
                    "New retention rule {}: {} {}.",
                    Code(key),
                    self.names.data_list(rule.data),
                    _kept(rule),
                ),
            )
        for key in [k for k in before if k not in after]:
            yield Change(
                "retention",
                "removed",
                f"retention.{key}",
                say("Retention rule removed: {}.", Code(key)),
            )
        for key in [k for k in after if k in before]:
            was, now = before[key], after[key]
            what = say("Retention rule {}", Code(key))
            path = f"retention.{key}"
            if was.period != now.period:
                longer = now.period is None or (
                    was.period is not None and duration_days(now.period) > duration_days(was.period)
                )
                yield Change(
                    "retention",
                    "changed",
                    f"{path}.period",
                    say(
                        "{}: {} now {} (was {}).",
                        what,
                        self.names.data_list(now.data),
                        _kept(now),
                        _kept(was),
                    ),
                    longer,
                    "data is kept longer" if longer else "",
                )
            rest = was.model_copy(update={"period": now.period})
            yield from self._fields("retention", path, what, rest, now)
        yield from self._longer_by_data(old, new)

    def _longer_by_data(self, old: list[Any], new: list[Any]) -> Iterator[Change]:
        """Data now kept under a rule with a longer period than any rule covered it before,
        when that is not already reported as a period change of the same rule."""
        for rule in new:
            if rule.period is None:
                continue
            same = next((r for r in old if r.id == rule.id), None)
            for data_id in rule.data:
                if same is not None and data_id in same.data:
                    continue
                previous = [r.period for r in old if data_id in r.data and r.period]
                if previous and duration_days(rule.period) > max(
                    duration_days(p) for p in previous
                ):
                    yield Change(
                        "retention",
                        "changed",
                        f"retention.{rule.id}.data",
                        say(
                            "{} is now kept for {} under rule {} (was at most {}).",
                            self.names.label("data", data_id),
                            duration_words(rule.period),
                            Code(rule.id),
                            duration_words(max(previous, key=duration_days)),
                        ),
                        True,
                        "data is kept longer",
                    )

    def _rights(self, old: dict[str, Any], new: dict[str, Any]) -> Iterator[Change]:
        for key in sorted(new.keys() - old.keys()):
            yield Change(
                "rights", "added", f"rights.{key}", plain(f"Right now offered: {_words(key)}.")
            )
        for key in sorted(old.keys() - new.keys()):
            yield Change(
                "rights",
                "removed",
                f"rights.{key}",
                plain(f"Right no longer offered: {_words(key)}."),
                True,
                "a right is no longer offered",
            )
        for key in sorted(old.keys() & new.keys()):
            yield from self._fields(
                "rights", f"rights.{key}", plain(f"Right {_words(key)}"), old[key], new[key]
            )

    def _cookies(self, old: dict[str, Any], new: dict[str, Any]) -> Iterator[Change]:
        for key in sorted(new.keys() - old.keys()):
            cookie = new[key]
            necessary = cookie.strictly_necessary
            gate = (
                "strictly necessary"
                if necessary
                else ("set only after consent" if cookie.consent else "set without consent")
            )
            yield Change(
                "cookies",
                "added",
                f"cookies.{key}",
                say(
                    "New {}: {} ({}) from {}, {}.",
                    _words(cookie.kind.value),
                    cookie.name,
                    Code(key),
                    cookie.provider,
                    gate,
                ),
                not necessary,
                "" if necessary else "a new technology reads or stores data on the device",
            )
        for key in sorted(old.keys() - new.keys()):
            yield Change(
                "cookies",
                "removed",
                f"cookies.{key}",
                say("Cookie removed: {} ({}).", old[key].name, Code(key)),
            )
        for key in sorted(old.keys() & new.keys()):
            before, after = old[key], new[key]
            what = say("Cookie {} ({})", after.name, Code(key))
            for change in self._fields("cookies", f"cookies.{key}", what, before, after):
                field = change.subject.rsplit(".", 1)[-1]
                if field == "consent" and not after.consent and not after.strictly_necessary:
                    change = _material(change, "the cookie is now set without consent")
                elif field == "duration" and _longer_duration(before.duration, after.duration):
                    change = _material(change, "the cookie stays on the device longer")
                elif field == "data" and set(after.data) - set(before.data):
                    change = _material(change, "the cookie collects more data")
                elif field == "purpose":
                    change = _material(change, "the cookie serves a different purpose")
                yield change

    def supplements(
        self, old: Mapping[str, Supplement], new: Mapping[str, Supplement]
    ) -> Iterator[Change]:
        for name in sorted(new.keys() - old.keys()):
            meta = new[name].supplement
            yield Change(
                "other", "added", f"supplements.{meta.id}",
                say("New supplement: {} ({}, {}), for {}.", meta.title, Code(meta.id),
                    meta.jurisdiction.value, meta.applies_to),
            )  # fmt: skip
        for name in sorted(old.keys() - new.keys()):
            meta = old[name].supplement
            yield Change(
                "other", "removed", f"supplements.{meta.id}",
                say("Supplement removed: {} ({}).", meta.title, Code(meta.id)),
            )  # fmt: skip
        for name in sorted(old.keys() & new.keys()):
            yield from self._supplement(old[name], new[name])

    def _supplement(self, old: Supplement, new: Supplement) -> Iterator[Change]:
        prefix = say("{} ({})", new.supplement.title, Code(new.supplement.id))
        base = f"supplements.{new.supplement.id}"
        for field in type(new).model_fields:
            before, after = getattr(old, field), getattr(new, field)
            if before == after:
                continue
            group = "rights" if field in ("rights", "requests") else "other"
            path = f"{base}.{field}"
            if not isinstance(after, dict):
                what = say("{}, {}", prefix, _words(field))
                yield from self._fields(group, path, what, before, after)
                continue
            kind = _SINGULAR.get(field, field)
            for key in sorted(after.keys() - before.keys()):
                added = say(f"{{}}: new {kind} {{}}.", prefix, Code(key))
                yield Change(group, "added", f"{path}.{key}", added)
            for key in sorted(before.keys() - after.keys()):
                lost = field == "rights"
                removed = say(f"{{}}: {kind} {{}} removed.", prefix, Code(key))
                yield Change(
                    group, "removed", f"{path}.{key}", removed,
                    lost, "a right is no longer offered" if lost else "",
                )  # fmt: skip
            for key in sorted(before.keys() & after.keys()):
                what = say(f"{{}}, {kind} {{}}", prefix, Code(key))
                yield from self._fields(group, f"{path}.{key}", what, before[key], after[key])

    def _changes(self, old: Any, new: Any) -> Iterator[Change]:
        was = old.log if old else []
        now = new.log if new else []
        for entry in now:
            if entry not in was:
                yield Change(
                    "notice",
                    "added",
                    "changes.log",
                    plain(
                        f"Change log entry for version {entry.version} ({entry.date}): "
                        f"{entry.summary}"
                    ),
                )
        for entry in was:
            if entry not in now:
                yield Change(
                    "notice",
                    "removed",
                    "changes.log",
                    plain(f"Change log entry removed: version {entry.version} ({entry.date})."),
                )
        if (old is None) != (new is None) or (old and new and old.how_notified != new.how_notified):
            yield from self._fields(
                "notice",
                "changes.how_notified",
                plain("How changes are announced"),
                old and old.how_notified,
                new and new.how_notified,
            )


def _longer_duration(old: str | None, new: str | None) -> bool:
    return old is not None and new is not None and duration_days(new) > duration_days(old)


def _kept(rule: Any) -> str:
    parts = []
    if rule.period:
        parts.append(f"kept for {duration_words(rule.period)}")
    if rule.after:
        parts.append(f"{'after' if rule.period else 'kept until'} {_words(rule.after.value)}")
    if not parts:
        parts.append("kept according to stated criteria")
    return " ".join(parts)


def _material(change: Change, reason: str) -> Change:
    return Change(change.group, change.kind, change.subject, change.words, True, reason)


def compare(
    old: Notice,
    new: Notice,
    old_supplements: Mapping[str, Supplement] | None = None,
    new_supplements: Mapping[str, Supplement] | None = None,
) -> NoticeDiff:
    """The changes from `old` to `new`, grouped in reading order. Supplements are keyed by
    their path in the notice folder (`supplements/california.yaml`)."""
    differ = _Differ(old, new)
    changes = [*differ.run(), *differ.supplements(old_supplements or {}, new_supplements or {})]
    order = list(GROUPS)
    return NoticeDiff(old, new, tuple(sorted(changes, key=lambda c: order.index(c.group))))


# --- output ------------------------------------------------------------------------------


def _header(diff: NoticeDiff) -> str:
    o, n = diff.old.notice, diff.new.notice
    return (
        f"version {o.version} (effective {o.effective}) → "
        f"version {n.version} (effective {n.effective})"
    )


def _count(diff: NoticeDiff) -> str:
    total, material = len(diff.changes), len(diff.material)
    if not total:
        return "No change in the notice's content."
    text = f"{total} change{'s' if total != 1 else ''}, {material} material"
    if material:
        text += f": material changes must be announced to users before they take effect ({ARTICLE})"
    return text + "."


def _grouped(diff: NoticeDiff) -> Iterator[tuple[str, list[Change]]]:
    for group, title in GROUPS.items():
        items = [c for c in diff.changes if c.group == group]
        if items:
            yield title, items


def render_text(diff: NoticeDiff) -> str:
    lines = [f"Notice changes: {text_line(_header(diff))}", _count(diff)]
    for title, items in _grouped(diff):
        lines += ["", title]
        for change in items:
            mark = "[material] " if change.material else ""
            lines.append(f"  - {mark}{text_line(change.text)}")
            if change.material:
                lines.append(f"    why: {text_line(change.reason)}")
    return "\n".join(lines) + "\n"


_FOLD_AFTER = 20
# A line that starts like a list item, a thematic break or a setext underline.
_MD_LINE_START = re.compile(r"^(\d{0,9})([-+=.)])")


def _md(words: Words | str) -> str:
    """Markdown for words of noticegen's own making: ids as code (an id cannot hold a backtick
    or anything else that could end the span), all other text escaped."""
    parts = Words((words,)) if isinstance(words, str) else words
    markdown = "".join(
        f"`{p.value}`" if isinstance(p, Code) and ID_RE.match(p.value) else markdown_text(str(p))
        for p in parts
    )
    return _MD_LINE_START.sub(r"\1\\\2", markdown)


def render_markdown(diff: NoticeDiff) -> str:
    """For a pull-request comment: the material changes first, then every change by topic,
    folded away when the list is long."""
    lines = ["## Privacy notice changes", "", _md(_header(diff)), "", f"**{_md(_count(diff))}**"]
    if diff.material:
        lines += ["", "### Material changes", ""]
        lines += [f"- {GROUPS[c.group]}: {_md(c.words)} _({_md(c.reason)})_" for c in diff.material]
    fold = len(diff.changes) > _FOLD_AFTER
    if fold:
        lines += ["", f"<details><summary>All {len(diff.changes)} changes, by topic</summary>"]
    for title, items in _grouped(diff):
        lines += ["", f"### {title}", ""]
        for change in items:
            mark = "**Material:** " if change.material else ""
            lines.append(f"- {mark}{_md(change.words)}")
    if fold:
        lines += ["", "</details>"]
    return "\n".join(lines) + "\n"


def render_markdown_refusal(message: str) -> str:
    """For a pull-request comment when the notices cannot be compared: the reason verbatim."""
    return "\n".join(
        ["## Privacy notice changes", "", "noticegen could not compare the notices:", "",
         markdown_code_block(message)]
    ) + "\n"  # fmt: skip


def render_json(diff: NoticeDiff) -> str:
    def side(n: Notice) -> dict[str, str]:
        return {
            "id": n.notice.id,
            "version": n.notice.version,
            "effective": n.notice.effective.isoformat(),
        }

    document = {
        "old": side(diff.old),
        "new": side(diff.new),
        "material": bool(diff.material),
        "citation": ARTICLE,
        "summary": {"changes": len(diff.changes), "material": len(diff.material)},
        "changes": [c.to_dict() for c in diff.changes],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


RENDERERS = {"text": render_text, "markdown": render_markdown, "json": render_json}
