"""The record behind each value of the model's vocabularies (its enums), stated once.

A member is declared with `term(...)`: its YAML value, the label the published page shows (an
English msgid of the built-in catalogs), the provision of the law it comes from where the law
names it, its DPV 2.x term and store-label names where one exists, and its words in `noticegen
diff` where those differ from the value. Rendering, exports, review and the lint rules read
these attributes; no other module keeps a table keyed by the values.

The value alone is what pydantic validates and the JSON Schema lists, so notices load as they
did before the records existed.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Self


def N_(text: str) -> str:
    """Marks an English label for the built-in catalogs (`python -m noticegen.i18n.builtin`)."""
    return text


@dataclass(frozen=True)
class Term:
    """The facts of one vocabulary value; see `term`."""

    value: str
    label: str | None
    citation: str | None
    dpv: str | None
    dpv_measure: str | None
    apple: str | None
    apple_key: str | None
    google: str | None
    wording: str | None
    until: str | None


def term(
    value: str,
    label: str | None = None,
    *,
    citation: str | None = None,
    dpv: str | None = None,
    dpv_measure: str | None = None,
    apple: str | None = None,
    apple_key: str | None = None,
    google: str | None = None,
    wording: str | None = None,
    until: str | None = None,
) -> Term:
    """One vocabulary value. `label` is None only for a vocabulary the page never shows (lint
    reads it), or for a value the page shows by its citation, the same in every language."""
    return Term(value, label, citation, dpv, dpv_measure, apple, apple_key, google, wording, until)


class Vocabulary(enum.StrEnum):
    """An enum of the model whose members are declared with `term(...)`."""

    _value_: str
    label: str | None
    """The name the published page gives the value: an English msgid, translated on use."""
    citation: str | None
    """The provision the value comes from, as lawyers cite it (`GDPR Art. 6(1)(a)`)."""
    dpv: str | None
    """Its DPV 2.x term (`eu-gdpr:A6-1-a`, `dpv:DataProcessor`, `pd:Biometric`)."""
    dpv_measure: str | None
    """The DPV organisational measure it is, for a transfer tool (`eu-gdpr:SCCByCommission`)."""
    apple: str | None
    """The App Store Connect data type it always is, e.g. "Sensitive Info"."""
    apple_key: str | None
    """The same type in a privacy manifest, after `NSPrivacyCollectedDataType`."""
    google: str | None
    """The Play Console Data safety response id it always is, e.g. `PSL_OTHER_PERSONAL`."""
    wording: str
    """How `noticegen diff` names it: the value in words unless the record says otherwise."""
    until: str | None
    """For an event: the label when the event alone bounds a period ("Until ...")."""

    def __new__(cls, record: Term) -> Vocabulary:
        member = str.__new__(cls, record.value)
        member._value_ = record.value
        member.label = record.label
        member.citation = record.citation
        member.dpv = record.dpv
        member.dpv_measure = record.dpv_measure
        member.apple = record.apple
        member.apple_key = record.apple_key
        member.google = record.google
        member.wording = record.wording or record.value.replace("_", " ")
        member.until = record.until
        return member

    @classmethod
    def of(cls, value: str) -> Self:
        """The member whose value is `value`, as `cls(value)` finds it (typed: mypy reads the
        call as `__new__`, which takes a record)."""
        return cls(value)  # type: ignore[arg-type]


class Region(Vocabulary):
    """The codes a country field takes besides ISO 3166-1 alpha-2 ones."""

    EEA = term("EEA", N_("European Economic Area"))
    EU = term("EU", N_("European Union"))
    WORLDWIDE = term("WORLDWIDE", N_("Worldwide"))
