"""The record behind each value of the model's vocabularies (its enums), stated once.

A member is declared as a `Term`: its YAML value, the label the published page shows (an
English msgid of the built-in catalogs), the provision of the law it comes from where the law
names it, its DPV 2.x term and store-label names where one exists, and its words in `noticegen
diff` where those differ from the value. Rendering, exports, review and the lint rules read
these attributes; no other module keeps a table keyed by the values.

The value alone is what pydantic validates and the JSON Schema lists, so notices load as they
did before the records existed.
"""

from __future__ import annotations

import enum
from dataclasses import KW_ONLY, dataclass, fields
from typing import Self


def N_(text: str) -> str:
    """Marks an English label for the built-in catalogs (`python -m noticegen.i18n.builtin`)."""
    return text


@dataclass(frozen=True)
class Term:
    """One vocabulary value, as its enum member is declared: `Term("consent", N_("Consent ..."),
    citation=..., dpv=...)`. `label` is None only for a vocabulary the page never shows (lint
    reads it), or for a value the page shows by its article, the same in every language."""

    value: str
    """The value in YAML, which pydantic validates and the JSON Schema lists."""
    label: str | None = None
    """The name the published page gives the value: an English msgid, translated on use."""
    _: KW_ONLY
    citation: str | None = None
    """The provision the value comes from, as lawyers cite it (`GDPR Art. 6(1)(a)`)."""
    dpv: str | None = None
    """Its DPV 2.x term (`eu-gdpr:A6-1-a`, `dpv:DataProcessor`, `pd:Biometric`)."""
    dpv_measure: str | None = None
    """The DPV organisational measure it is, for a transfer tool (`eu-gdpr:SCCByCommission`)."""
    apple: str | None = None
    """The App Store Connect data type it always is, e.g. "Sensitive Info"."""
    apple_key: str | None = None
    """The same type in a privacy manifest, after `NSPrivacyCollectedDataType`."""
    google: str | None = None
    """The Play Console Data safety response id it always is, e.g. `PSL_OTHER_PERSONAL`."""
    wording: str | None = None
    """How `noticegen diff` names it, where the value with spaces for `_` will not do."""
    until: str | None = None
    """For an event: the label when the event alone bounds a period ("Until ...")."""


class Vocabulary(enum.StrEnum):
    """An enum of the model whose members are declared as `Term`s; each member carries its
    record's attributes (documented on `Term`)."""

    _value_: str
    label: str | None
    citation: str | None
    dpv: str | None
    dpv_measure: str | None
    apple: str | None
    apple_key: str | None
    google: str | None
    wording: str
    """Never None on a member: the value with spaces for `_` unless the record says otherwise."""
    until: str | None

    def __new__(cls, record: Term) -> Vocabulary:
        member = str.__new__(cls, record.value)
        member._value_ = record.value
        for attribute in fields(record)[1:]:  # after `value`, which is the enum's own
            setattr(member, attribute.name, getattr(record, attribute.name))
        member.wording = record.wording or record.value.replace("_", " ")
        return member

    @classmethod
    def of(cls, value: str) -> Self:
        """The member whose value is `value`, as `cls(value)` finds it (typed: mypy reads the
        call as `__new__`, which takes a record)."""
        return cls(value)  # type: ignore[arg-type]


class Region(Vocabulary):
    """The codes a country field takes besides ISO 3166-1 alpha-2 ones."""

    EEA = Term("EEA", N_("European Economic Area"))
    EU = Term("EU", N_("European Union"))
    WORLDWIDE = Term("WORLDWIDE", N_("Worldwide"))
