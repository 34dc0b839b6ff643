"""The records the rest of noticegen derives from stay complete and true: each vocabulary
value's label, citation and mappings, each section of the page, each field's role."""

from __future__ import annotations

import csv
import enum
import re
import typing
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from click.testing import CliRunner
from markupsafe import escape
from pydantic import BaseModel

from noticegen.cli import main
from noticegen.i18n.pofile import read_catalog
from noticegen.i18n.strings import BUILTIN_LOCALES, builtin_languages
from noticegen.model import BasisStatement, FadpJustification, LgpdBasis, Notice, Supplement
from noticegen.model.jurisdictions import Jurisdiction
from noticegen.model.practices import INVALIDATED
from noticegen.model.sections import ENTRY_KINDS, SECTIONS, PageSection
from noticegen.model.terms import Region, Vocabulary
from noticegen.publish.exports.dpv import CONTEXT
from noticegen.review import compare
from noticegen.review.groups import GROUPS, OTHER
from noticegen.review.reporters import render_text
from noticegen.sources.loading import LoadedNotice, load

ROOT = Path(__file__).resolve().parents[1]
EXPORTS = ROOT / "tests" / "data" / "exports"
VOCABULARIES = sorted(Vocabulary.__subclasses__(), key=lambda v: v.__name__)
MEMBERS = [member for vocabulary in VOCABULARIES for member in vocabulary]

# Vocabularies only lint and the exports read: the page never names their values.
# ParentTopic is shown as its section's link to the parent notice, not by a label.
NOT_SHOWN = {
    "AppPlatform",
    "ControllerRole",
    "ParentTopic",
    "PromiseKind",
    "SaleException",
    "SensitiveDataUse",
}
# Shown by their article (`own_terms_article`), the same in every language.
SHOWN_BY_CITATION = {LgpdBasis, FadpJustification}

_ARTICLE = r"Art\. \d+(\(\d+\))?(\([a-z]\))?"
CITATION_FORMS = (
    re.compile(rf"(UK )?GDPR {_ARTICLE}"),
    re.compile(r"LGPD Art\. \d+\([IVX]+\)(\([a-z]\))?"),
    re.compile(r"FADP Art\. \d+\(\d+\)"),
    re.compile(r"Cal\. Civ\. Code 1798\.\d+(\([a-z]{1,2}\))?(\(\d+\))?(\([A-L]\))?"),
    re.compile(r"Cal\. Bus\. & Prof\. Code \d+"),
    re.compile(r"11 CCR \d+\([a-z]\)"),
)


def _id(member: Vocabulary) -> str:
    return f"{type(member).__name__}.{member.name}"


@cache
def _catalog(lang: str) -> Catalog:
    po = read_catalog(BUILTIN_LOCALES / f"{lang}.po", lang)
    assert po.catalog is not None and not po.problems, po.problems
    return po.catalog


def _translated(lang: str, msgid: str) -> bool:
    message = _catalog(lang).get(msgid)
    if message is None or message.fuzzy:
        return False
    return lang == "en" or bool(str(message.string).strip())


@pytest.mark.parametrize("member", MEMBERS, ids=_id)
def test_every_value_the_page_shows_has_a_label_in_every_built_in_locale(
    member: Vocabulary,
) -> None:
    vocabulary = type(member)
    if vocabulary.__name__ in NOT_SHOWN:
        assert member.label is None, "a vocabulary the page shows must leave NOT_SHOWN"
        return
    if vocabulary in SHOWN_BY_CITATION:
        assert member.label is None and member.citation
        return
    labels = [member.label, member.until] if member.until else [member.label]
    for label in labels:
        assert label, f"{_id(member)} has no label: the page would print its raw value"
        missing = [lang for lang in builtin_languages() if not _translated(lang, label)]
        assert not missing, f"{label!r} untranslated in {missing}"


def test_every_vocabulary_is_either_labelled_or_known_not_to_be_shown() -> None:
    unlabelled = {v.__name__ for v in VOCABULARIES if all(m.label is None for m in v)}
    assert unlabelled == NOT_SHOWN | {v.__name__ for v in SHOWN_BY_CITATION}


@pytest.mark.parametrize("jurisdiction", list(Jurisdiction), ids=str)
def test_every_jurisdiction_label_is_translated(jurisdiction: Jurisdiction) -> None:
    missing = [lang for lang in builtin_languages() if not _translated(lang, jurisdiction.label)]
    assert not missing


@pytest.mark.parametrize("member", [m for m in MEMBERS if m.citation], ids=_id)
def test_every_citation_has_a_recognised_form(member: Vocabulary) -> None:
    assert any(form.fullmatch(str(member.citation)) for form in CITATION_FORMS), member.citation


def test_the_vocabularies_cite_the_law_where_it_names_the_value() -> None:
    # Each of these lists its values in one provision, point by point.
    for name in ("LegalBasis", "LgpdBasis", "SpecialCategoryCondition", "CcpaCategory"):
        vocabulary = next(v for v in VOCABULARIES if v.__name__ == name)
        assert all(m.citation for m in vocabulary), name


def _lines(name: str) -> set[str]:
    return {
        line.strip()
        for line in (EXPORTS / name).read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }


def _iri(curie: str) -> str:
    prefix, name = curie.split(":", 1)
    return CONTEXT[prefix] + name


@pytest.mark.parametrize("member", [m for m in MEMBERS if m.dpv or m.dpv_measure], ids=_id)
def test_every_claimed_dpv_term_exists_in_dpv_2(member: Vocabulary) -> None:
    known = _lines("dpv-terms.txt") | _lines("dpv-extension-terms.txt")
    sunset = _lines("dpv-sunset-terms.txt")
    for curie in filter(None, (member.dpv, member.dpv_measure)):
        assert _iri(curie) in known and _iri(curie) not in sunset, curie


def test_every_basis_and_recipient_and_safeguard_has_a_dpv_term() -> None:
    for name in ("LegalBasis", "LgpdBasis", "FadpJustification", "RecipientKind", "Safeguard"):
        vocabulary = next(v for v in VOCABULARIES if v.__name__ == name)
        # An invalidated transfer mechanism is no legal basis: DPV states none for it.
        assert all(m.dpv or m in INVALIDATED for m in vocabulary), name


@pytest.mark.parametrize("member", [m for m in MEMBERS if m.apple or m.google], ids=_id)
def test_every_claimed_store_label_is_one_the_stores_accept(member: Vocabulary) -> None:
    apple = _lines("apple-privacy-manifest-values.txt")
    with (EXPORTS / "google-play-data-safety-ids.csv").open(encoding="utf-8") as handle:
        google = {row[1] for row in csv.reader(handle) if len(row) > 1}
    assert member.apple and member.apple_key and member.google
    assert "NSPrivacyCollectedDataType" + member.apple_key in apple
    assert member.google in google


def _enums(annotation: object) -> Iterator[type[enum.Enum]]:
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        yield annotation
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        for info in annotation.model_fields.values():
            yield from _enums(info.annotation)
    for arg in typing.get_args(annotation):
        yield from _enums(arg)


def test_every_code_field_of_the_model_takes_a_vocabulary_with_records() -> None:
    found = {*_enums(Notice), *_enums(Supplement)}
    assert found, "no enum found in the model"
    assert {e for e in found if not issubclass(e, Vocabulary | Jurisdiction)} == set()
    assert set(VOCABULARIES) - {Region} <= found


def test_diff_words_a_value_as_its_record_says(bundled: LoadedNotice) -> None:
    for member in MEMBERS:
        assert member.wording and "_" not in member.wording, _id(member)
    old = bundled.notice
    assert old is not None
    pid, purpose = next(iter(old.purposes.items()))
    lgpd = purpose.model_copy(update={"legal_basis": [BasisStatement(basis=LgpdBasis.ART_7_IX)]})
    new = old.model_copy(update={"purposes": {**old.purposes, pid: lgpd}})
    assert "LGPD Art. 7(IX)" in render_text(compare(old, new))


# --- sections ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundled() -> LoadedNotice:
    loaded = load(ROOT / "notice")
    assert loaded.notice is not None
    return loaded


def test_every_section_names_fields_of_the_notice() -> None:
    fields = set(Notice.model_fields) | {"supplements"}
    for section in SECTIONS:
        assert section.fields and set(section.fields) <= fields, section.anchor
        assert set(section.shown_by or ()) <= set(section.fields), section.anchor
    assert {entry.field for entry in ENTRY_KINDS} <= set(Notice.model_fields)


@pytest.fixture(scope="module")
def english_page(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The bundled notice's English page, as `noticegen build` writes it."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = CliRunner().invoke(main, ["build", str(ROOT / "notice"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return (out / "en" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("section", SECTIONS, ids=lambda s: s.anchor)
def test_every_section_is_on_the_built_page_under_its_heading(
    section: PageSection, english_page: str
) -> None:
    assert f'<section id="{section.anchor}"' in english_page
    heading = f'<h2 id="{section.anchor}-title">{escape(section.heading)}</h2>'
    assert heading in english_page


def _group_listing(section: PageSection) -> str:
    return next((g.key for g in GROUPS.values() if section.anchor in g.sections), OTHER)


def _without(value: object) -> object:
    """A field's value with something taken away or reworded, so that it differs."""
    if isinstance(value, dict):
        return dict(list(value.items())[1:])
    if isinstance(value, list):
        return value[1:]
    if isinstance(value, str):
        return value + " (changed)"
    if isinstance(value, BaseModel):
        name = next(n for n, v in value if v and isinstance(v, str | list | dict))
        return value.model_copy(update={name: _without(getattr(value, name))})
    return None


@pytest.mark.parametrize("section", SECTIONS, ids=lambda s: s.anchor)
def test_a_change_to_each_field_of_each_section_is_reported_by_diff(
    section: PageSection, bundled: LoadedNotice
) -> None:
    old = bundled.notice
    assert old is not None
    supplements: dict[str, Supplement] = {
        str(source.path): supplement for source, supplement in bundled.supplements
    }
    compared = 0
    for name in section.fields:
        if name == "supplements":
            first = next(iter(supplements))
            report = compare(old, old, supplements, {first: supplements[first]})
        else:
            value = getattr(old, name)
            if not value:
                continue
            report = compare(old, old.model_copy(update={name: _without(value)}))
        found = [c for c in report.changes if c.change.path[0] == name]
        assert found, f"diff reports no change to `{name}`"
        if section.anchor not in ("at-a-glance", "data-flows"):  # summaries of other sections
            assert {c.change.group for c in found} == {_group_listing(section)}, name
        assert all(str(c.words) for c in found)
        assert str(found[0].words) in render_text(report)
        compared += 1
    assert compared, f"the bundled notice fills none of {section.fields}"
