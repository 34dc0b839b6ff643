"""The exports, each checked with the tool or the reference list of the party that receives it:
Play Console's template ids, plistlib, rdflib against DPV 2.3's terms, openpyxl and the ICO
template's columns."""

from __future__ import annotations

import csv
import io
import json
import plistlib
import re
import typing
import zipfile
from pathlib import Path
from typing import Any

import pytest

from noticegen.model import App, AppPlatform, BasisValue, Notice, ParentNotice, ParentTopic
from noticegen.model.terms import Vocabulary
from noticegen.model.vocabulary import all_purposes, all_rows, label_type
from noticegen.publish.exports import EXPORTS, export_files, not_applicable
from noticegen.publish.exports.apple import app_store_answers, privacy_manifest
from noticegen.publish.exports.dpv import CONTEXT, dpv_document
from noticegen.publish.exports.google import data_safety_answers, data_safety_csv
from noticegen.publish.exports.ropa import COLUMNS, TO_FILL_IN, ropa_csv, ropa_xlsx
from noticegen.sources.loading import load

ROOT = Path(__file__).parent.parent
DATA = Path(__file__).parent / "data" / "exports"
SMALL = Path(__file__).parent / "render" / "fixtures" / "small"


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@pytest.fixture(scope="module")
def small() -> Notice:
    loaded = load(SMALL)
    assert loaded.notice is not None
    return loaded.notice


@pytest.fixture(scope="module")
def ims() -> Notice:
    loaded = load(ROOT / "notice")
    assert loaded.notice is not None
    return loaded.notice


def with_app(
    notice: Notice, *, linked: bool | None = True, ephemeral: bool | None = False
) -> Notice:
    """The notice with an iOS and Android app, and every data category's store answers given."""
    data = {
        key: value.model_copy(
            update={"linked_to_user": linked, "used_for_tracking": False, "ephemeral": ephemeral}
        )
        for key, value in notice.data.items()
    }
    app = App(name="Example", platforms=[AppPlatform.IOS, AppPlatform.ANDROID])
    assert notice.security is not None
    security = notice.security.model_copy(update={"encrypted_in_transit": True})
    return notice.model_copy(update={"apps": {"main": app}, "data": data, "security": security})


# Google Play ---------------------------------------------------------------------------------


def _play_rows(notice: Notice) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data_safety_csv(notice).decode("utf-8"))))


def test_every_play_row_is_a_template_question_and_answer(small: Notice) -> None:
    expected = [tuple(line.split(",")) for line in _lines("google-play-data-safety-ids.csv")[1:]]
    rows = _play_rows(with_app(small))
    assert rows[0][:2] == ["Question ID (machine readable)", "Response ID (machine readable)"]
    assert [(r[0], r[1]) for r in rows[1:]] == expected
    for row in rows[1:]:
        assert len(row) == 5 and row[3] in {
            "REQUIRED", "MAYBE_REQUIRED", "OPTIONAL", "SINGLE_CHOICE", "MULTIPLE_CHOICE"
        }, row  # fmt: skip
        assert row[2] in {"", "TRUE", "FALSE"} or row[0].endswith("_URL"), row


def test_the_vocabulary_names_only_template_ids() -> None:
    ids = {line.split(",")[1] for line in _lines("google-play-data-safety-ids.csv")[1:]}
    assert {row.google for row in all_rows()} <= ids
    assert {row.google for row in all_purposes()} <= ids


def _answer(rows: list[list[str]], question: str, response: str = "") -> str:
    return next(r[2] for r in rows if r[0] == question and r[1] == response)


def test_play_answers_follow_the_notice(small: Notice) -> None:
    rows = _play_rows(with_app(small))
    usage = "PSL_DATA_USAGE_RESPONSES:PSL_EMAIL:"
    assert _answer(rows, "PSL_DATA_TYPES_PERSONAL", "PSL_EMAIL") == "TRUE"
    assert _answer(rows, "PSL_DATA_TYPES_LOCATION", "PSL_PRECISE_LOCATION") == ""
    collected = usage + "PSL_DATA_USAGE_COLLECTION_AND_SHARING"
    assert _answer(rows, collected, "PSL_DATA_USAGE_ONLY_COLLECTED") == "TRUE"
    # Only processors receive data in the fixture: disclosure to them is not sharing.
    assert _answer(rows, collected, "PSL_DATA_USAGE_ONLY_SHARED") == ""
    assert _answer(rows, usage + "PSL_DATA_USAGE_EPHEMERAL") == "FALSE"
    control = usage + "DATA_USAGE_USER_CONTROL"
    assert _answer(rows, control, "PSL_DATA_USAGE_USER_CONTROL_REQUIRED") == "TRUE"
    assert _answer(rows, control, "PSL_DATA_USAGE_USER_CONTROL_OPTIONAL") == ""
    purpose = usage + "DATA_USAGE_COLLECTION_PURPOSE"
    assert _answer(rows, purpose, "PSL_ACCOUNT_MANAGEMENT") == "TRUE"
    assert _answer(rows, purpose, "PSL_ADVERTISING") == "TRUE"
    assert _answer(rows, purpose, "PSL_ANALYTICS") == ""
    assert _answer(rows, "PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSIT") == "TRUE"
    assert _answer(rows, "PSL_SUPPORT_DATA_DELETION_BY_USER", "DATA_DELETION_YES") == "TRUE"


def test_a_controller_recipient_makes_data_shared_for_its_purposes(small: Notice) -> None:
    notice = with_app(small)
    recipients = dict(notice.recipients)
    recipients["partner"] = recipients["hosting"].model_copy(
        update={"kind": "controller", "data": ["contact.email"], "purposes": ["newsletter"]}
    )
    answers = data_safety_answers(notice.model_copy(update={"recipients": recipients}))
    assert answers["PSL_EMAIL"].shared is True
    assert answers["PSL_EMAIL"].sharing_purposes == {"PSL_ADVERTISING"}
    assert answers["PSL_NAME"].shared is False


def test_an_unanswered_question_leaves_the_cell_empty(small: Notice) -> None:
    rows = _play_rows(with_app(small, ephemeral=None))
    assert _answer(rows, "PSL_DATA_USAGE_RESPONSES:PSL_EMAIL:PSL_DATA_USAGE_EPHEMERAL") == ""


# Apple ---------------------------------------------------------------------------------------


def test_the_privacy_manifest_round_trips_through_plistlib(small: Notice) -> None:
    data = privacy_manifest(with_app(small))
    manifest = plistlib.loads(data)
    assert plistlib.dumps(manifest, sort_keys=True) == data
    assert manifest["NSPrivacyTracking"] is False
    assert manifest["NSPrivacyTrackingDomains"] == []
    entries = {e["NSPrivacyCollectedDataType"]: e for e in manifest["NSPrivacyCollectedDataTypes"]}
    email = entries["NSPrivacyCollectedDataTypeEmailAddress"]
    assert email["NSPrivacyCollectedDataTypeLinked"] is True
    assert email["NSPrivacyCollectedDataTypeTracking"] is False
    assert email["NSPrivacyCollectedDataTypePurposes"] == [
        "NSPrivacyCollectedDataTypePurposeAppFunctionality",
        "NSPrivacyCollectedDataTypePurposeDeveloperAdvertising",
    ]
    known = set(_lines("apple-privacy-manifest-values.txt"))
    for entry in entries.values():
        assert entry["NSPrivacyCollectedDataType"] in known
        assert set(entry["NSPrivacyCollectedDataTypePurposes"]) <= known


def test_the_vocabulary_names_only_apple_values() -> None:
    known = set(_lines("apple-privacy-manifest-values.txt"))
    assert {"NSPrivacyCollectedDataType" + row.apple_key for row in all_rows()} <= known
    purposes = {"NSPrivacyCollectedDataTypePurpose" + p.apple_key for p in all_purposes()}
    assert purposes <= known


def test_linked_is_never_guessed(small: Notice) -> None:
    notice = with_app(small, linked=None)
    manifest = plistlib.loads(privacy_manifest(notice))
    assert manifest["NSPrivacyCollectedDataTypes"] == []
    answers = app_store_answers(notice)
    assert answers["data_types"]["Email Address"]["linked_to_user"] is None
    assert any("linked to the user" in gap for gap in answers["undetermined"])


def test_data_used_for_tracking_turns_tracking_on(small: Notice) -> None:
    notice = with_app(small)
    data = dict(notice.data)
    data["contact.email"] = data["contact.email"].model_copy(update={"used_for_tracking": True})
    manifest = plistlib.loads(privacy_manifest(notice.model_copy(update={"data": data})))
    assert manifest["NSPrivacyTracking"] is True


# DPV -----------------------------------------------------------------------------------------


def _graph(notice: Notice) -> Any:
    import rdflib

    graph = rdflib.Graph()
    graph.parse(data=json.dumps(dpv_document(notice)), format="json-ld")
    return graph


def _uris(notice: Notice) -> set[str]:
    import rdflib

    graph = _graph(notice)
    assert len(graph) > 50
    return {str(x) for triple in graph for x in triple if isinstance(x, rdflib.URIRef)}


def _expand(curie: str) -> str:
    prefix, name = curie.split(":", 1)
    return CONTEXT[prefix] + name


def _check_terms(uris: set[str]) -> None:
    dpv_terms = set(_lines("dpv-terms.txt"))
    extension_terms = set(_lines("dpv-extension-terms.txt"))
    sunset = set(_lines("dpv-sunset-terms.txt"))
    for uri in uris:
        if uri.startswith((CONTEXT["dpv"], CONTEXT["pd"])):
            assert uri in dpv_terms, uri
        elif uri.startswith(CONTEXT["eu-gdpr"]):
            assert uri in extension_terms, uri
        elif uri.startswith(CONTEXT["loc"]):
            assert uri in extension_terms or re.fullmatch(r"[A-Z]{2}", uri.rsplit("#")[1]), uri
        assert uri not in sunset, uri
        assert not uri.startswith(("https://w3id.org/dpv/dpv-", "http://www.w3.org/ns/dpv#"))


def test_the_dpv_export_is_a_plain_graph_of_dpv_2_terms(small: Notice, ims: Notice) -> None:
    for notice in (small, ims):
        uris = _uris(notice)
        _check_terms(uris)
        assert "https://w3id.org/dpv/loc#US" in uris  # a country is an IRI, not a string


def test_every_term_the_code_names_exists() -> None:

    named = {row.dpv for row in all_rows() if row.dpv}
    source = (ROOT / "src" / "noticegen" / "publish" / "exports" / "dpv.py").read_text(
        encoding="utf-8"
    )
    named |= set(re.findall(r'"((?:dpv|pd|eu-gdpr):[A-Za-z0-9-]+)"', source))
    _check_terms({_expand(term) for term in named})


def test_legal_bases_and_transfer_tools_are_gdpr_extension_iris(small: Notice) -> None:
    uris = _uris(small)
    assert CONTEXT["eu-gdpr"] + "A6-1-a" in uris
    assert CONTEXT["eu-gdpr"] + "A46-2-c" in uris
    assert CONTEXT["eu-gdpr"] + "SCCByCommission" in uris


# Record of processing activities -------------------------------------------------------------


def test_the_ropa_words_vocabulary_values_never_their_keys(ims: Notice) -> None:
    text = ropa_csv(ims).decode("utf-8")
    keys = {m.value for v in Vocabulary.__subclasses__() for m in v if "_" in m.value}
    assert not [key for key in keys if re.search(rf"\b{key}\b", text)]
    assert "after account closure" in text and "object to direct marketing" in text


def test_the_ropa_has_the_ico_template_columns(ims: Notice) -> None:
    assert list(COLUMNS) == _lines("ico-ropa-columns.txt")
    rows = list(csv.reader(io.StringIO(ropa_csv(ims).decode("utf-8"))))
    header = rows.index(list(COLUMNS))
    assert len(rows) - header - 1 == len(ims.purposes)
    account = next(r for r in rows if r[1:2] == [ims.purposes["account"].label])
    assert account[0] == TO_FILL_IN  # the business function is not in the notice
    assert account[11] == "Art. 6(1)(b) contract"


def test_the_xlsx_holds_the_same_cells_and_the_same_bytes_each_time(ims: Notice) -> None:
    from openpyxl import load_workbook

    data = ropa_xlsx(ims)
    assert ropa_xlsx(ims) == data
    # Nothing in the file depends on when it is written: fixed entry times, and the notice's
    # effective date as the document's dates.
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {entry.date_time for entry in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    stamps = re.findall(r"<dcterms:(?:created|modified)[^>]*>([^<]*)<", core)
    assert stamps == [f"{ims.notice.effective.isoformat()}T00:00:00Z"] * 2
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    cells = [[c or "" for c in row] for row in sheet.iter_rows(values_only=True) if any(row)]
    csv_rows = list(csv.reader(io.StringIO(ropa_csv(ims).decode("utf-8"))))
    assert cells == [r + [""] * (len(COLUMNS) - len(r)) for r in csv_rows if any(r)]


def test_a_ropa_without_controller_details_is_written_with_the_gap_marked(small: Notice) -> None:
    controller = small.controller.model_copy(
        update={"legal_name": None, "postal_address": None, "email": None, "phone": None}
    )
    rows = list(
        csv.reader(
            io.StringIO(ropa_csv(small.model_copy(update={"controller": controller})).decode())
        )
    )
    assert rows[1][0] == "Controller"
    assert all(TO_FILL_IN in cell for cell in rows[1][1:])


# Which exports apply -------------------------------------------------------------------------


def test_store_labels_only_for_declared_apps(small: Notice) -> None:
    assert sorted(export_files(small)) == [
        "dpv.jsonld",
        "record-of-processing-activities.csv",
        "record-of-processing-activities.xlsx",
    ]
    apple = next(e for e in EXPORTS if e.kind == "apple-privacy-manifest")
    assert "declares no ios app" in (not_applicable(small, apple) or "")
    android_only = small.model_copy(
        update={"apps": {"main": App(name="Example", platforms=[AppPlatform.ANDROID])}}
    )
    assert "google-play-data-safety.csv" in export_files(android_only)
    assert "PrivacyInfo.xcprivacy" not in export_files(android_only)


def test_the_export_command_says_why_not_in_one_line(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from noticegen.cli import main

    result = CliRunner().invoke(main, ["export", "google-play", str(SMALL)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "declares no android app" in result.output
    out = tmp_path / "ropa.csv"
    result = CliRunner().invoke(main, ["export", "ropa", str(SMALL), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == ropa_csv(load(SMALL).notice)  # type: ignore[arg-type]
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "notice.yaml").write_text("notice: {id: x}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", "dpv", str(broken)])
    assert result.exit_code == 1 and "did not load" in result.output


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
    small: Notice, data_id: str, label: str, ccpa: str | None, apple: str | None
) -> None:
    data = small.data["contact.email"].model_copy(update={"label": label, "ccpa_category": ccpa})
    found = label_type(data_id, data)
    assert (found.apple if found else None) == apple


def test_an_undetermined_type_is_left_out_not_guessed(small: Notice) -> None:
    notice = with_app(small)
    data = dict(notice.data)
    data["profile.answers"] = data["contact.email"].model_copy(
        update={"label": "Answers you give us", "ccpa_category": "commercial"}
    )
    changed = notice.model_copy(update={"data": data})
    assert all("profile.answers" not in t.data for t in data_safety_answers(changed).values())
    document = dpv_document(changed)
    node = next(n for n in document["@graph"] if n["@id"].endswith("profile.answers"))
    assert node["@type"] == ["dpv:PersonalData"]


def test_several_bases_are_each_exported_with_the_laws_they_are_limited_to(
    small: Notice,
) -> None:
    pid, purpose = next(iter(small.purposes.items()))
    bases = [
        {"basis": "legitimate_interests", "jurisdictions": ["gdpr"]},
        {"basis": "lgpd_11_ii_g", "jurisdictions": ["lgpd"]},
    ]
    changed = purpose.model_validate(
        {**purpose.model_dump(), "legal_basis": bases, "legitimate_interest": "Security"}
    )
    notice = small.model_copy(update={"purposes": {**small.purposes, pid: changed}})
    rows = list(csv.reader(io.StringIO(ropa_csv(notice).decode("utf-8"))))
    row = next(r for r in rows if r[1:2] == [purpose.label])
    assert row[11] == "Art. 6(1)(f) legitimate interests (gdpr); LGPD Art. 11(II)(g) (lgpd)"
    process = next(n for n in dpv_document(notice)["@graph"] if n["@id"].endswith(f"/{pid}"))
    assert process["dpv:hasLegalBasis"] == [
        {"@id": "eu-gdpr:A6-1-f"},
        {"@id": "dpv:LegitimateInterest"},
    ]


def test_every_legal_basis_has_a_dpv_term() -> None:
    assert all(b.dpv for law in typing.get_args(BasisValue) for b in law)


def test_a_recipients_own_privacy_notice_is_in_the_dpv_graph(small: Notice) -> None:
    rid, recipient = next(iter(small.recipients.items()))
    url = "https://processor.example/privacy"
    linked = recipient.model_copy(update={"privacy_policy_url": url})
    notice = small.model_copy(update={"recipients": {**small.recipients, rid: linked}})
    uris = _uris(notice)
    assert url in uris and _expand("dpv:hasNotice") in uris
    _check_terms(uris)
    assert url not in _uris(small)


def test_a_layered_notice_references_its_parent_in_the_dpv_graph(small: Notice) -> None:
    import rdflib

    url = "https://group.example/privacy"
    parent = ParentNotice(title="Group Privacy Policy", url=url, covers=[ParentTopic.RIGHTS])
    notice = small.model_copy(update={"notice": small.notice.model_copy(update={"parent": parent})})
    graph = _graph(notice)
    references = rdflib.URIRef(_expand("dct:references"))
    assert [str(o) for o in graph.objects(None, references)] == [url]
    notice_type = rdflib.URIRef(_expand("dpv:PrivacyNotice"))
    assert (rdflib.URIRef(url), rdflib.RDF.type, notice_type) in graph
    _check_terms(_uris(notice))
    assert url not in _uris(small)


def test_a_purpose_run_for_another_controller_has_us_as_its_processor(small: Notice) -> None:
    import rdflib

    pid, purpose = next(iter(small.purposes.items()))
    run_for = purpose.model_copy(update={"on_behalf_of": "The shop that runs the site"})
    notice = small.model_copy(update={"purposes": {**small.purposes, pid: run_for}})
    graph = _graph(notice)
    base = f"urn:noticegen:{small.notice.id}:{small.notice.dated.version}"
    process = rdflib.URIRef(f"{base}#purpose/{pid}")
    ours = rdflib.URIRef(f"{base}#controller")
    controller = rdflib.URIRef(_expand("dpv:hasDataController"))
    processor = rdflib.URIRef(_expand("dpv:hasDataProcessor"))
    assert list(graph.objects(process, processor)) == [ours]
    (theirs,) = graph.objects(process, controller)
    assert theirs != ours
    name = rdflib.URIRef(_expand("dpv:hasName"))
    assert [str(n) for n in graph.objects(theirs, name)] == ["The shop that runs the site"]
    _check_terms(_uris(notice))
