from __future__ import annotations

import json
from pathlib import Path

import pytest

from noticegen.exports import (
    apple_app_privacy,
    dpv_document,
    export_files,
    google_data_safety,
    label_type,
)
from noticegen.loading import load
from noticegen.model import Notice

SMALL = Path(__file__).parent / "render" / "fixtures" / "small"


@pytest.fixture(scope="module")
def notice() -> Notice:
    loaded = load(SMALL)
    assert loaded.notice is not None
    return loaded.notice


def test_apple_answers(notice: Notice) -> None:
    answers = apple_app_privacy(notice)
    types = answers["data_types"]
    assert types["Email Address"]["data"] == ["contact.email"]
    assert types["Email Address"]["purposes"] == [
        "App Functionality",
        "Developer's Advertising or Marketing",
    ]
    assert types["Device ID"]["data"] == ["device.ip_address"]
    # Only processors receive data in the fixture: nothing is used for tracking.
    assert not any(t["used_for_tracking"] for t in types.values())
    # The model does not say whether data is linked to the user: the answer stays open.
    assert all(t["linked_to_user"] is None for t in types.values())
    assert "whether each data type is linked to the user" in answers["undetermined"]


def test_sharing_recipient_means_tracking(notice: Notice) -> None:
    recipients = dict(notice.recipients)
    recipients["ads"] = recipients["hosting"].model_copy(
        update={"label": "Ad network", "sharing": True, "data": ["contact.email"]}
    )
    answers = apple_app_privacy(notice.model_copy(update={"recipients": recipients}))
    assert answers["data_types"]["Email Address"]["used_for_tracking"] is True
    assert answers["data_types"]["Name"]["used_for_tracking"] is False


def test_google_answers(notice: Notice) -> None:
    answers = google_data_safety(notice)
    email = answers["data_types"]["Personal info: Email address"]
    assert email["optional"] is False and email["shared"] is False
    assert email["purposes"] == ["Account management", "Advertising or marketing"]
    device = answers["data_types"]["Device or other IDs: Device or other IDs"]
    assert device["optional"] is True
    assert device["purposes"] == ["Fraud prevention, security, and compliance"]
    assert answers["security_practices"] == {
        "encrypted_in_transit": True,
        "deletion_request_available": True,
    }


def test_dpv_document(notice: Notice) -> None:
    document = dpv_document(notice)
    assert document["@context"]["dpv"] == "https://w3id.org/dpv#"
    handlings = [n for n in document["@graph"] if n["@type"] == "dpv:PersonalDataHandling"]
    assert len(handlings) == len(notice.purposes)
    newsletter = next(h for h in handlings if h["@id"].endswith("#purpose/newsletter"))
    assert newsletter["dpv:hasLegalBasis"] == {"@id": "eu-gdpr:A6-1-a"}
    assert newsletter["dpv:hasPersonalData"] == [
        {"@id": "urn:noticegen:example-notice:1.2.0#data/contact.email"}
    ]
    transfer = next(n for n in document["@graph"] if n["@type"] == "dpv:DataTransfer")
    assert transfer["dpv:hasCountry"] == "US"
    assert transfer["dpv:hasLegalBasis"] == {"@id": "eu-gdpr:A46-2-c"}


def test_export_files_are_sorted_json(notice: Notice) -> None:
    for name, data in export_files(notice).items():
        text = data.decode()
        assert (
            text
            == json.dumps(json.loads(text), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        ), name


@pytest.mark.parametrize(
    ("data_id", "label", "ccpa", "apple"),
    [
        # A CCPA category that spans several label types decides none of them.
        ("surveys.responses", "Survey answers", "commercial", "Other User Content"),
        ("commerce.reviews", "Your opinions on our products", "commercial", "Other User Content"),
        ("commerce.prefs", "Things you told us", "commercial", None),
        ("commerce.orders", "What you bought", "commercial", "Purchase History"),
        ("location.where", "Where you are", "geolocation", None),
        ("location.current", "Your location", None, None),
        ("location.exact", "Precise location", "geolocation", "Precise Location"),
        ("location.gps", "Position", None, "Precise Location"),
        ("location.approximate", "Approximate location", "geolocation", "Coarse Location"),
        ("device.browser", "Browser and device type", "internet_activity", None),
        ("device.model", "Device model", None, None),
        ("device.id", "Device identifier", None, "Device ID"),
        ("online.cookie_id", "Cookie identifiers", "identifiers", "Device ID"),
        ("profile.gender", "Gender", "protected_classifications", "Other Data Types"),
        ("profile.scan", "Fingerprint", "biometric", "Sensitive Info"),
        ("account.handle", "Handle", "identifiers", None),
    ],
)
def test_label_type_only_from_signals_that_name_it(
    notice: Notice, data_id: str, label: str, ccpa: str | None, apple: str | None
) -> None:
    data = notice.data["contact.email"].model_copy(update={"label": label, "ccpa_category": ccpa})
    found = label_type(data_id, data)
    assert (found.apple if found else None) == apple


def test_an_undetermined_type_is_left_open_not_guessed(notice: Notice) -> None:
    data = dict(notice.data)
    data["profile.answers"] = data["contact.email"].model_copy(
        update={"label": "Answers you give us", "ccpa_category": "commercial"}
    )
    changed = notice.model_copy(update={"data": data})
    apple = apple_app_privacy(changed)
    assert "data type of `profile.answers`" in apple["undetermined"]
    assert "Purchase History" not in apple["data_types"]
    google = google_data_safety(changed)
    assert "data type of `profile.answers`" in google["undetermined"]
    node = next(n for n in dpv_document(changed)["@graph"] if n["@id"].endswith("profile.answers"))
    assert "rdfs:subClassOf" not in node
