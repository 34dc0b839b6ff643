"""Machine-readable outputs derived from the model, each in the form the receiving tool takes:
Google Play's Data safety CSV, Apple's privacy manifest and App Privacy answers, DPV JSON-LD
and a record of processing activities (CSV and XLSX).

The store labels are written only for the platforms of the apps the notice declares (`apps`).
The vocabulary the exports map to lives in the domain (`noticegen.model.vocabulary`), where the
lint rules read it too.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, NamedTuple

from ...model import AppPlatform, Notice

__all__ = ["EXPORTS", "Export", "export_files", "not_applicable"]


def _json(data: Any) -> bytes:
    return (json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def _google(notice: Notice) -> bytes:
    from .google import data_safety_csv

    return data_safety_csv(notice)


def _apple_manifest(notice: Notice) -> bytes:
    from .apple import privacy_manifest

    return privacy_manifest(notice)


def _apple_answers(notice: Notice) -> bytes:
    from .apple import app_store_answers

    return _json(app_store_answers(notice))


def _dpv(notice: Notice) -> bytes:
    from .dpv import dpv_document

    return _json(dpv_document(notice))


def _ropa_csv(notice: Notice) -> bytes:
    from .ropa import ropa_csv

    return ropa_csv(notice)


def _ropa_xlsx(notice: Notice) -> bytes:
    from .ropa import ropa_xlsx

    return ropa_xlsx(notice)


class Export(NamedTuple):
    """One export: its file under `site/exports/`, the platform it needs, if any, and whether
    it records the notice's date (`notice.effective`), which a published text may not give."""

    kind: str
    file: str
    write: Callable[[Notice], bytes]
    platform: AppPlatform | None = None
    dated: bool = False


EXPORTS: tuple[Export, ...] = (
    Export("google-play", "google-play-data-safety.csv", _google, AppPlatform.ANDROID),
    Export("apple-privacy-manifest", "PrivacyInfo.xcprivacy", _apple_manifest, AppPlatform.IOS),
    Export(
        "apple-app-privacy", "app-store-connect-app-privacy.json", _apple_answers, AppPlatform.IOS
    ),
    Export("dpv", "dpv.jsonld", _dpv, dated=True),
    Export("ropa", "record-of-processing-activities.csv", _ropa_csv),
    Export("ropa-xlsx", "record-of-processing-activities.xlsx", _ropa_xlsx, dated=True),
)


def not_applicable(notice: Notice, export: Export) -> str | None:
    """Why an export does not apply to the notice, in one line; None when it applies."""
    if export.dated and notice.notice.effective is None:
        return "the notice has no date (`notice.effective`), which this export records"
    if export.platform is None:
        return None
    if any(export.platform in app.platforms for app in notice.apps.values()):
        return None
    store = "Google Play" if export.platform == AppPlatform.ANDROID else "App Store"
    return (
        f"the notice declares no {export.platform} app under `apps`, so there is no "
        f"{store} label to write"
    )


def export_files(notice: Notice) -> dict[str, bytes]:
    """The exports that apply to the notice, by file name inside `site/exports/`."""
    return {
        export.file: export.write(notice)
        for export in EXPORTS
        if not_applicable(notice, export) is None
    }
