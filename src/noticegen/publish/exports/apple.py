"""Apple's privacy manifest (`PrivacyInfo.xcprivacy`) and the App Store Connect App Privacy
answers, from the same facts.

Whether data is linked to the user and whether it is used for tracking are read from the
model (`linked_to_user`, `used_for_tracking`), never guessed: a type whose data does not say
is left out of the manifest and listed under `undetermined`, and lint reports it.
"""

from __future__ import annotations

import plistlib
from typing import Any, NamedTuple

from ...model import AppPlatform, Notice
from ...model.vocabulary import label_purpose, label_type, purposes_of

TYPE_PREFIX = "NSPrivacyCollectedDataType"
PURPOSE_PREFIX = "NSPrivacyCollectedDataTypePurpose"


class AppleType(NamedTuple):
    """One App Privacy data type and what the notice says of it."""

    label: str
    key: str
    data: list[str]
    linked: bool | None
    tracking: bool | None
    purposes: dict[str, str]
    """Purpose keys (after the prefix) and their App Store Connect names."""


def _any_true(values: list[bool | None]) -> bool | None:
    if True in values:
        return True
    return None if None in values else False


def apple_types(notice: Notice) -> list[AppleType]:
    """The data types of the notice, in the order of the notice's data."""
    found: dict[str, AppleType] = {}
    for data_id, data in notice.data.items():
        kind = label_type(data_id, data)
        if kind is None:
            continue
        entry = found.setdefault(
            kind.apple_key, AppleType(kind.apple, kind.apple_key, [], None, None, {})
        )
        entry.data.append(data_id)
        for pid, purpose in purposes_of(notice, data_id):
            mapped = label_purpose(notice, pid, purpose)
            if mapped is not None:
                entry.purposes[mapped.apple_key] = mapped.apple
    return [
        entry._replace(
            linked=_any_true([notice.data[d].linked_to_user for d in entry.data]),
            tracking=_any_true([notice.data[d].used_for_tracking for d in entry.data]),
        )
        for entry in found.values()
    ]


def _undetermined(types: list[AppleType]) -> list[str]:
    gaps = []
    for entry in types:
        if entry.linked is None:
            gaps.append(f"whether {entry.label} ({', '.join(entry.data)}) is linked to the user")
        if entry.tracking is None:
            gaps.append(f"whether {entry.label} ({', '.join(entry.data)}) is used for tracking")
        if not entry.purposes:
            gaps.append(f"the purposes of {entry.label} ({', '.join(entry.data)})")
    return gaps


def _tracking_domains(notice: Notice) -> list[str]:
    domains = {
        d for app in notice.apps.values() if AppPlatform.IOS in app.platforms
        for d in app.tracking_domains
    }  # fmt: skip
    return sorted(domains)


def privacy_manifest(notice: Notice) -> bytes:
    """`PrivacyInfo.xcprivacy`: the collected data types whose every answer the notice gives."""
    types = apple_types(notice)
    entries = [
        {
            "NSPrivacyCollectedDataType": TYPE_PREFIX + entry.key,
            "NSPrivacyCollectedDataTypeLinked": entry.linked,
            "NSPrivacyCollectedDataTypeTracking": entry.tracking,
            "NSPrivacyCollectedDataTypePurposes": [
                PURPOSE_PREFIX + key for key in sorted(entry.purposes)
            ],
        }
        for entry in types
        if entry.linked is not None and entry.tracking is not None and entry.purposes
    ]
    manifest = {
        "NSPrivacyTracking": any(entry.tracking for entry in types),
        "NSPrivacyTrackingDomains": _tracking_domains(notice),
        "NSPrivacyCollectedDataTypes": entries,
    }
    return plistlib.dumps(manifest, fmt=plistlib.FMT_XML, sort_keys=True)


def app_store_answers(notice: Notice) -> dict[str, Any]:
    """The App Privacy answers in App Store Connect's words, for entering by hand."""
    types = apple_types(notice)
    return {
        "format": "Apple App Store Connect: App Privacy",
        "notice": notice.notice.id,
        "version": notice.notice.version,
        "data_collected": bool(types),
        "data_types": {
            entry.label: {
                "data": entry.data,
                "purposes": sorted(entry.purposes.values()),
                "linked_to_user": entry.linked,
                "used_for_tracking": entry.tracking,
            }
            for entry in types
        },
        "tracking_domains": _tracking_domains(notice),
        "undetermined": _undetermined(types),
    }
