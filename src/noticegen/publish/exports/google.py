"""Google Play's Data safety form as the CSV that Play Console imports (App content > Data
safety > Import from CSV).

The rows follow the template Play Console exports: five columns, one row per question and
answer id, every answer id listed whether chosen or not. The ids are kept, with their source,
in `tests/data/google-play-data-safety-ids.csv`; a test checks every row written here against
them. A value the notice cannot give is left empty, and lint says which answer is missing.
"""

from __future__ import annotations

import csv
import io
from typing import NamedTuple

from ...model import Notice, RecipientKind, Right
from ...model.vocabulary import label_purpose, label_type, purposes_of, recipients_of

HEADER = (
    "Question ID (machine readable)",
    "Response ID (machine readable)",
    "Response value",
    "Answer requirement",
    "Human-friendly question label",
)

# (question id, response id, label) of each data type, in the template's order.
DATA_TYPES: tuple[tuple[str, str, str], ...] = (
    ("PSL_DATA_TYPES_PERSONAL", "PSL_NAME", "Personal info / Name"),
    ("PSL_DATA_TYPES_PERSONAL", "PSL_EMAIL", "Personal info / Email address"),
    ("PSL_DATA_TYPES_PERSONAL", "PSL_USER_ACCOUNT", "Personal info / User IDs"),
    ("PSL_DATA_TYPES_PERSONAL", "PSL_ADDRESS", "Personal info / Address"),
    ("PSL_DATA_TYPES_PERSONAL", "PSL_PHONE", "Personal info / Phone number"),
    ("PSL_DATA_TYPES_PERSONAL", "PSL_RACE_ETHNICITY", "Personal info / Race and ethnicity"),
    ("PSL_DATA_TYPES_PERSONAL", "PSL_POLITICAL_RELIGIOUS",
     "Personal info / Political or religious beliefs"),
    ("PSL_DATA_TYPES_PERSONAL", "PSL_SEXUAL_ORIENTATION_GENDER_IDENTITY",
     "Personal info / Sexual orientation"),
    ("PSL_DATA_TYPES_PERSONAL", "PSL_OTHER_PERSONAL", "Personal info / Other info"),
    ("PSL_DATA_TYPES_FINANCIAL", "PSL_CREDIT_DEBIT_BANK_ACCOUNT_NUMBER",
     "Financial info / User payment info"),
    ("PSL_DATA_TYPES_FINANCIAL", "PSL_PURCHASE_HISTORY", "Financial info / Purchase history"),
    ("PSL_DATA_TYPES_FINANCIAL", "PSL_CREDIT_SCORE", "Financial info / Credit score"),
    ("PSL_DATA_TYPES_FINANCIAL", "PSL_OTHER", "Financial info / Other financial info"),
    ("PSL_DATA_TYPES_LOCATION", "PSL_APPROX_LOCATION", "Location / Approximate location"),
    ("PSL_DATA_TYPES_LOCATION", "PSL_PRECISE_LOCATION", "Location / Precise location"),
    ("PSL_DATA_TYPES_SEARCH_AND_BROWSING", "PSL_WEB_BROWSING_HISTORY",
     "Web browsing / Web browsing history"),
    ("PSL_DATA_TYPES_EMAIL_AND_TEXT", "PSL_EMAILS", "Messages / Emails"),
    ("PSL_DATA_TYPES_EMAIL_AND_TEXT", "PSL_SMS_CALL_LOG", "Messages / SMS or MMS"),
    ("PSL_DATA_TYPES_EMAIL_AND_TEXT", "PSL_OTHER_MESSAGES", "Messages / Other in-app messages"),
    ("PSL_DATA_TYPES_PHOTOS_AND_VIDEOS", "PSL_PHOTOS", "Photos and videos / Photos"),
    ("PSL_DATA_TYPES_PHOTOS_AND_VIDEOS", "PSL_VIDEOS", "Photos and videos / Videos"),
    ("PSL_DATA_TYPES_AUDIO", "PSL_AUDIO", "Audio files / Voice or sound recordings"),
    ("PSL_DATA_TYPES_AUDIO", "PSL_MUSIC", "Audio files / Music files"),
    ("PSL_DATA_TYPES_AUDIO", "PSL_OTHER_AUDIO", "Audio files / Other audio files"),
    ("PSL_DATA_TYPES_HEALTH_AND_FITNESS", "PSL_HEALTH", "Health and fitness / Health info"),
    ("PSL_DATA_TYPES_HEALTH_AND_FITNESS", "PSL_FITNESS", "Health and fitness / Fitness info"),
    ("PSL_DATA_TYPES_CONTACTS", "PSL_CONTACTS", "Contacts / Contacts"),
    ("PSL_DATA_TYPES_CALENDAR", "PSL_CALENDAR", "Calendar / Calendar events"),
    ("PSL_DATA_TYPES_APP_PERFORMANCE", "PSL_CRASH_LOGS", "App info and performance / Crash logs"),
    ("PSL_DATA_TYPES_APP_PERFORMANCE", "PSL_PERFORMANCE_DIAGNOSTICS",
     "App info and performance / Diagnostics"),
    ("PSL_DATA_TYPES_APP_PERFORMANCE", "PSL_OTHER_PERFORMANCE",
     "App info and performance / Other app performance data"),
    ("PSL_DATA_TYPES_FILES_AND_DOCS", "PSL_FILES_AND_DOCS", "Files and docs / Files and docs"),
    ("PSL_DATA_TYPES_APP_ACTIVITY", "PSL_USER_INTERACTION", "App activity / App interactions"),
    ("PSL_DATA_TYPES_APP_ACTIVITY", "PSL_IN_APP_SEARCH_HISTORY",
     "App activity / In-app search history"),
    ("PSL_DATA_TYPES_APP_ACTIVITY", "PSL_APPS_ON_DEVICE", "App activity / Installed apps"),
    ("PSL_DATA_TYPES_APP_ACTIVITY", "PSL_USER_GENERATED_CONTENT",
     "App activity / Other user-generated content"),
    ("PSL_DATA_TYPES_APP_ACTIVITY", "PSL_OTHER_APP_ACTIVITY", "App activity / Other actions"),
    ("PSL_DATA_TYPES_IDENTIFIERS", "PSL_DEVICE_ID", "Device or other IDs / Device or other IDs"),
)  # fmt: skip

PURPOSES: tuple[tuple[str, str], ...] = (
    ("PSL_APP_FUNCTIONALITY", "App functionality"),
    ("PSL_ANALYTICS", "Analytics"),
    ("PSL_DEVELOPER_COMMUNICATIONS", "Developer communications"),
    ("PSL_FRAUD_PREVENTION_SECURITY", "Fraud prevention, security, and compliance"),
    ("PSL_ADVERTISING", "Advertising or marketing"),
    ("PSL_PERSONALIZATION", "Personalization"),
    ("PSL_ACCOUNT_MANAGEMENT", "Account management"),
)


class TypeAnswer(NamedTuple):
    """The notice's answers for one Play data type; None where the notice does not say."""

    data: list[str]
    shared: bool
    ephemeral: bool | None
    required: bool | None
    collection_purposes: set[str]
    sharing_purposes: set[str]


def _combine(values: list[bool | None], *, any_true: bool) -> bool | None:
    """Several data categories behind one type: one True decides when `any_true`, one False
    otherwise; an unknown leaves the answer open unless that decides it."""
    decisive = any_true
    if decisive in values:
        return decisive
    return None if None in values else not decisive


def data_safety_answers(notice: Notice) -> dict[str, TypeAnswer]:
    """The answers by Play response id (e.g. `PSL_EMAIL`), for each type the notice maps."""
    found: dict[str, list[str]] = {}
    for data_id, data in notice.data.items():
        kind = label_type(data_id, data)
        if kind is not None:
            found.setdefault(kind.google, []).append(data_id)
    answers = {}
    for response_id, data_ids in found.items():
        collection: set[str] = set()
        sharing: set[str] = set()
        shared = False
        for data_id in data_ids:
            for pid, purpose in purposes_of(notice, data_id):
                mapped = label_purpose(notice, pid, purpose)
                if mapped is not None:
                    collection.add(mapped.google)
            for rid in recipients_of(notice, data_id):
                recipient = notice.recipients[rid]
                # Disclosure to a service provider is not "sharing" on the Play form; one whose
                # role the notice does not state is declared, as the form asks when unsure.
                if recipient.kind == RecipientKind.PROCESSOR:
                    continue
                shared = True
                for shared_pid in recipient.purposes:
                    shared_for = notice.purposes.get(shared_pid)
                    if shared_for is None:
                        continue
                    mapped = label_purpose(notice, shared_pid, shared_for)
                    if mapped is not None:
                        sharing.add(mapped.google)
        answers[response_id] = TypeAnswer(
            data=data_ids,
            shared=shared,
            ephemeral=_combine([notice.data[d].ephemeral for d in data_ids], any_true=False),
            required=_combine([notice.data[d].required for d in data_ids], any_true=True),
            collection_purposes=collection,
            sharing_purposes=sharing,
        )
    return answers


def _flag(value: bool | None) -> str:
    return "" if value is None else ("TRUE" if value else "FALSE")


def _chosen(value: bool) -> str:
    return "TRUE" if value else ""


def data_safety_rows(notice: Notice) -> list[tuple[str, str, str, str, str]]:
    """Every row of the template, with the notice's answers filled in."""
    answers = data_safety_answers(notice)
    deletion = Right.ERASURE in notice.rights or Right.DELETE in notice.rights
    encrypted = notice.security.encrypted_in_transit if notice.security else None
    deletion_url = next(
        (str(a.account_deletion_url) for a in notice.apps.values() if a.account_deletion_url), ""
    )
    rows: list[tuple[str, str, str, str, str]] = [
        ("PSL_DATA_COLLECTION_COLLECTS_PERSONAL_DATA", "", _flag(bool(answers)), "REQUIRED",
         "Does your app collect or share any of the required user data types?"),
        ("PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSIT", "", _flag(encrypted), "MAYBE_REQUIRED",
         "Is all of the user data collected by your app encrypted in transit?"),
    ]  # fmt: skip
    # How accounts are created is a fact of the app, not of the notice: left to the developer.
    for response_id, label in (
        ("PSL_ACM_USER_ID_PASSWORD", "Username and password"),
        ("PSL_ACM_USER_ID_OTHER_AUTH", "Username and other authentication"),
        ("PSL_ACM_USER_ID_PASSWORD_OTHER_AUTH", "Username, password, and other authentication"),
        ("PSL_ACM_OAUTH", "OAuth"),
        ("PSL_ACM_OTHER", "Other"),
        ("PSL_ACM_NONE", "My app does not allow users to create an account"),
    ):
        rows.append(
            ("PSL_SUPPORTED_ACCOUNT_CREATION_METHODS", response_id, "", "MULTIPLE_CHOICE",
             "Which of the following methods of account creation does your app support? "
             f"Select all that apply / {label}")
        )  # fmt: skip
    rows += [
        ("PSL_ACM_SPECIFY", "", "", "MAYBE_REQUIRED",
         "Describe the method of account creation that your app supports"),
        ("PSL_ACCOUNT_DELETION_URL", "", deletion_url, "MAYBE_REQUIRED",
         "Add a link that users can use to request that their account and associated data is "
         "deleted "),
    ]  # fmt: skip
    for response_id, label, chosen in (
        ("DATA_DELETION_YES", "Yes", deletion),
        ("DATA_DELETION_NO", "No", not deletion),
        ("DATA_DELETION_NO_AUTO_DELETED",
         "No, but user data is automatically deleted within 90 days", False),
    ):  # fmt: skip
        rows.append(
            ("PSL_SUPPORT_DATA_DELETION_BY_USER", response_id, _chosen(chosen), "SINGLE_CHOICE",
             f"Do you provide a way for users to request that their data is deleted? / {label}")
        )  # fmt: skip
    rows += [
        ("PSL_DATA_DELETION_URL", "", "", "MAYBE_REQUIRED", "Delete data URL"),
        ("PSL_DATA_COLLECTION_COMPLIES_FAMILY_POLICY", "", "", "OPTIONAL",
         "Do you want to let users know about your commitment to the Google Play Families "
         "Policy in the Data safety section on your store listing?"),
        ("PSL_INDEPENDENTLY_VALIDATED", "", "", "OPTIONAL",
         "Has your app successfully completed an independent security review, according to "
         "the Mobile Application Security Assessment (MASA) framework?"),
        ("PSL_UPI_BADGE_OPT_IN", "", "", "OPTIONAL",
         "Do you want to show this badge on your store listing?"),
        ("PSL_HAS_OUTSIDE_APP_ACCOUNTS", "", "", "OPTIONAL",
         "Can users login to your app with accounts created outside of the app?"),
    ]  # fmt: skip
    for response_id, label in (
        ("PSL_LOGIN_WITH_OUTSIDE_APP_ID",
         "Out of app identification (e.g. SIM binding, service subscription)"),
        ("PSL_LOGIN_THROUGH_EMPLOYMENT_OR_ENTERPRISE_ACCOUNT",
         "Through employment, or enterprise accounts"),
        ("PSL_OUTSIDE_APP_ACCOUNT_TYPE_OTHER", "Other"),
    ):  # fmt: skip
        rows.append(
            ("PSL_OUTSIDE_APP_ACCOUNT_TYPES", response_id, "", "MULTIPLE_CHOICE",
             f"How are these accounts created? / {label}")
        )  # fmt: skip
    rows.append(
        ("PSL_OUTSIDE_APP_ACCOUNT_TYPE_SPECIFY", "", "", "MAYBE_REQUIRED",
         "Describe how these accounts are created")
    )  # fmt: skip
    for question_id, response_id, label in DATA_TYPES:
        rows.append(
            (question_id, response_id, _chosen(response_id in answers), "MULTIPLE_CHOICE", label)
        )
    for _, response_id, label in DATA_TYPES:
        rows += _usage_rows(response_id, label.split(" / ")[-1], answers.get(response_id))
    return rows


def _usage_rows(
    response_id: str, name: str, answer: TypeAnswer | None
) -> list[tuple[str, str, str, str, str]]:
    """The "Data usage and handling" rows of one data type."""
    head = f"PSL_DATA_USAGE_RESPONSES:{response_id}:"
    label = f"Data usage and handling ({name}) / "
    given = answer is not None
    required = answer.required if answer else None
    control = "Is this data required for your app, or can users choose whether it's collected?"
    rows = [
        (head + "PSL_DATA_USAGE_COLLECTION_AND_SHARING", "PSL_DATA_USAGE_ONLY_COLLECTED",
         _chosen(given), "MULTIPLE_CHOICE",
         label + "Is this data collected, shared, or both? / Collected"),
        (head + "PSL_DATA_USAGE_COLLECTION_AND_SHARING", "PSL_DATA_USAGE_ONLY_SHARED",
         _chosen(bool(answer and answer.shared)), "MULTIPLE_CHOICE",
         label + "Is this data collected, shared, or both? / Shared"),
        (head + "PSL_DATA_USAGE_EPHEMERAL", "", _flag(answer.ephemeral) if answer else "",
         "MAYBE_REQUIRED", label + "Is this data processed ephemerally?"),
        (head + "DATA_USAGE_USER_CONTROL", "PSL_DATA_USAGE_USER_CONTROL_OPTIONAL",
         _chosen(required is False), "SINGLE_CHOICE",
         f"{label}{control} / Users can choose whether this data is collected"),
        (head + "DATA_USAGE_USER_CONTROL", "PSL_DATA_USAGE_USER_CONTROL_REQUIRED",
         _chosen(required is True), "SINGLE_CHOICE",
         f"{label}{control} / Data collection is required (users can't turn off this data "
         "collection)"),
    ]  # fmt: skip
    for kind, question in (
        ("DATA_USAGE_COLLECTION_PURPOSE", "Why is this user data collected?"),
        ("DATA_USAGE_SHARING_PURPOSE", "Why is this user data shared?"),
    ):
        chosen = set()
        if answer is not None:
            chosen = (
                answer.collection_purposes
                if kind == "DATA_USAGE_COLLECTION_PURPOSE"
                else answer.sharing_purposes
            )
        for purpose_id, purpose_label in PURPOSES:
            rows.append(
                (head + kind, purpose_id, _chosen(purpose_id in chosen), "MULTIPLE_CHOICE",
                 f"{label}{question} Select all that apply. / {purpose_label}")
            )  # fmt: skip
    return rows


def data_safety_csv(notice: Notice) -> bytes:
    """The CSV file, with CRLF line ends as Play Console writes it."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(data_safety_rows(notice))
    return out.getvalue().encode("utf-8")
