"""Which changes of a notice are material, and why.

Users must be told of a material change before it takes effect (GDPR Art. 13(3)), in a
concise, intelligible form and in clear and plain language (Art. 12(1)): a change that a person
who read the old notice would not expect, such as new data, a new purpose or recipient, longer
retention or a weaker legal basis. `MATERIAL` is the whole policy, one row per kind of material
change: where in the notice (`topic`, ids left out), whether it is added, removed or changed,
when that is material, and the reason shown to reviewers. A change no row holds is not material.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from ..model.base import duration_days
from ..model.practices import COOKIE_CONSENT_LAWS, Safeguard
from ..model.processing import BasisStatement, LegalBasis, RecipientKind
from .comparison import KEPT_LONGER, Change, Kind

# The citation every output gives for announcing material changes.
ARTICLE = "GDPR Art. 13(3)"


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


def _always(change: Change) -> bool:
    return True


def _turned_on(change: Change) -> bool:
    return bool(change.new) and not change.old


def _turned_off(change: Change) -> bool:
    return bool(change.old) and not change.new


def _gains(change: Change) -> bool:
    """A list with a member it did not have."""
    return bool(set(change.new) - set(change.old))


def _longer(change: Change) -> bool:
    old, new = change.old, change.new
    return old is not None and new is not None and duration_days(new) > duration_days(old)


def _longer_or_open(change: Change) -> bool:
    """A period that grows, or that gives way to an event or criteria with no limit."""
    return change.new is None or _longer(change)


def _needs_no_consent(change: Change) -> bool:
    return not change.new.necessary


def _now_without_consent(change: Change) -> bool:
    _, cookie = change.item
    return not cookie.consent_under(COOKIE_CONSENT_LAWS) and not cookie.necessary


def _leaves_processor(change: Change) -> bool:
    return change.old == RecipientKind.PROCESSOR and change.new != RecipientKind.PROCESSOR


def _weaker_safeguard(change: Change) -> bool:
    return change.new in (None, Safeguard.DEROGATION, Safeguard.PRIVACY_SHIELD)


class Material(NamedTuple):
    topic: str
    """Where in the notice, ids left out: `purposes.legal_basis`."""
    kind: Kind
    when: Callable[[Change], bool]
    reason: str


MATERIAL: tuple[Material, ...] = (
    Material("data", Kind.ADDED, _always, "new personal data is collected"),
    Material("data.special_category", Kind.CHANGED, _turned_on,
             "the data is now treated as special category data"),
    Material("data.sensitive", Kind.CHANGED, _turned_on,
             "the data is now treated as sensitive data"),
    Material("data.source", Kind.CHANGED, _always, "the data now comes from a different source"),
    Material("purposes", Kind.ADDED, _always, "data is used for a new purpose"),
    Material("purposes.data", Kind.CHANGED, _gains,
             "data is used for a purpose it was not used for"),
    Material("purposes.legal_basis", Kind.CHANGED,
             lambda change: weaker_bases(change.old, change.new),
             "the legal basis is weaker for the person"),
    Material("purposes.direct_marketing", Kind.CHANGED, _turned_on,
             "the purpose is now direct marketing"),
    Material("purposes.on_behalf_of", Kind.CHANGED, _turned_off,
             "data is now used for the company's own purpose, not on another's behalf"),
    Material("purposes.profiling", Kind.CHANGED, _turned_on, "the purpose now involves profiling"),
    Material("purposes.automated_decision", Kind.CHANGED, _turned_on,
             "automated decision-making is introduced"),
    Material("recipients", Kind.ADDED, _always, "personal data goes to a new recipient"),
    Material("recipients.data", Kind.CHANGED, _gains, "a recipient receives more than before"),
    Material("recipients.purposes", Kind.CHANGED, _gains,
             "a recipient receives more than before"),
    Material("recipients.countries", Kind.CHANGED, _gains,
             "a recipient receives more than before"),
    Material("recipients.sale", Kind.CHANGED, _turned_on, "data is now sold or shared"),
    Material("recipients.sharing", Kind.CHANGED, _turned_on, "data is now sold or shared"),
    Material("recipients.kind", Kind.CHANGED, _leaves_processor,
             "the recipient now uses the data for its own purposes"),
    Material("transfers", Kind.ADDED, _always, "personal data goes to a new country"),
    Material("transfers.destination", Kind.CHANGED, _always,
             "personal data goes to a different country"),
    Material("transfers.recipients", Kind.CHANGED, _gains, "more recipients receive the transfer"),
    Material("transfers.safeguard", Kind.CHANGED, _weaker_safeguard,
             "the transfer is less protected"),
    Material("retention.period", Kind.CHANGED, _longer_or_open, "data is kept longer"),
    Material("retention.stored", Kind.CHANGED, _turned_on, "data is now stored"),
    Material(KEPT_LONGER, Kind.CHANGED, _always, "data is kept longer"),
    Material("rights", Kind.REMOVED, _always, "a right is no longer offered"),
    Material("supplements.rights", Kind.REMOVED, _always, "a right is no longer offered"),
    Material("cookies", Kind.ADDED, _needs_no_consent,
             "a new technology reads or stores data on the device"),
    Material("cookies.consent", Kind.CHANGED, _now_without_consent,
             "the cookie is now set without consent"),
    Material("cookies.duration", Kind.CHANGED, _longer, "the cookie stays on the device longer"),
    Material("cookies.data", Kind.CHANGED, _gains, "the cookie collects more data"),
    Material("cookies.purpose", Kind.CHANGED, _always, "the cookie serves a different purpose"),
)  # fmt: skip

_BY_TOPIC = {(row.topic, row.kind): row for row in MATERIAL}


def reason(change: Change) -> str:
    """Why the change is material; empty when it is not."""
    row = _BY_TOPIC.get((change.topic, change.kind))
    return row.reason if row is not None and row.when(change) else ""
