"""The built-in catalogs: English is the template extracted from the renderer, and every other
language translates exactly its entries, completely, keeping each `{placeholder}`."""

from __future__ import annotations

import datetime
import re

import pytest
from babel.messages.catalog import Catalog

from noticegen.i18n import builtin
from noticegen.i18n.pofile import read_catalog
from noticegen.i18n.strings import BUILTIN_LOCALES, TEMPLATE_LANGUAGE, Strings, builtin_languages

REQUIRED = {"en", "fr", "de", "es", "it", "nl", "pt-BR", "pl"}
TRANSLATED = [lang for lang in builtin_languages() if lang != TEMPLATE_LANGUAGE]
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _catalog(lang: str) -> Catalog:
    po = read_catalog(BUILTIN_LOCALES / f"{lang}.po", lang)
    assert po.catalog is not None and not po.problems, po.problems
    return po.catalog


def _ids(catalog: Catalog) -> set[object]:
    return {m.id for m in catalog if m.id}


def test_the_required_languages_and_one_right_to_left_language_are_shipped() -> None:
    assert set(builtin_languages()) >= REQUIRED
    assert any(Strings(lang).direction == "rtl" for lang in builtin_languages())


def test_the_english_template_holds_exactly_what_the_renderer_uses() -> None:
    extracted = _ids(builtin.template())
    shipped = _ids(_catalog(TEMPLATE_LANGUAGE))
    assert extracted, "no built-in strings found in the renderer"
    assert shipped == extracted, (
        "run `python -m noticegen.i18n.builtin`: "
        f"missing {sorted(map(str, extracted - shipped))[:5]}, "
        f"stale {sorted(map(str, shipped - extracted))[:5]}"
    )


@pytest.mark.parametrize("lang", TRANSLATED)
def test_each_catalog_translates_every_template_entry(lang: str) -> None:
    template = _catalog(TEMPLATE_LANGUAGE)
    catalog = _catalog(lang)
    assert _ids(catalog) == _ids(template)
    untranslated = [
        m.id
        for m in catalog
        if m.id
        and (
            m.fuzzy
            or not all(s.strip() for s in (m.string if isinstance(m.string, tuple) else [m.string]))
        )
    ]
    assert not untranslated, f"{lang}: {untranslated[:5]}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translations_keep_the_placeholders(lang: str) -> None:
    wrong = []
    for message in _catalog(lang):
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            # A plural form may spell its count out ("one year"), never add a placeholder.
            allowed = set(PLACEHOLDER.findall(" ".join(message.id)))
            forms = message.string if isinstance(message.string, tuple) else (message.string,)
            wrong += [(message.id, f) for f in forms if not set(PLACEHOLDER.findall(f)) <= allowed]
        elif set(PLACEHOLDER.findall(message.id)) != set(PLACEHOLDER.findall(str(message.string))):
            wrong.append((message.id, message.string))
    assert not wrong, wrong[:5]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_string_formats_in_the_language(lang: str) -> None:
    strings = Strings(lang)
    values = {"date": "D", "version": "V", "duration": "T", "age": 16, "page": 1, "pages": 2,
              "name": "N", "email": "E", "language": "L", "first": "F", "second": "S",
              "count": 3}  # fmt: skip
    for message in _catalog(TEMPLATE_LANGUAGE):
        for msgid in message.id if isinstance(message.id, tuple) else [message.id]:
            if not msgid:
                continue
            needed = {k: values[k] for k in PLACEHOLDER.findall(msgid)}
            text = strings(msgid, **needed)
            assert "{" not in text, (lang, msgid, text)
            if len(msgid.split()) > 3:
                assert text != msgid.format(**needed), f"{lang} shows English for {msgid!r}"


def test_plural_entries_take_the_languages_own_forms() -> None:
    polish = Strings("pl")
    assert [polish("{count} years", count=n) for n in (2, 5)] == ["2 lata", "5 lat"]
    assert polish("{count} year", count=1) == "1 rok"
    assert Strings("fr")("{count} years", count=3) == "3 ans"
    assert Strings("en")("{count} years", count=3) == "3 years"


def test_strings_format_dates_numbers_and_durations_for_the_locale() -> None:
    day = datetime.date(2026, 3, 7)
    assert Strings("de").date(day) == "7. März 2026"
    assert Strings("fr").date(day) == "7 mars 2026"
    assert Strings("pt-BR").date(day) == "7 de março de 2026"
    assert Strings("de").number(1234.5) == "1.234,5"
    assert Strings("pt-BR").duration("P1Y6M") == "1 ano e 6 meses"
    assert Strings("en").duration("P30D") == "30 days"
    assert Strings("fr").country("DE") == "Allemagne"
    assert Strings("de").country("EEA") == "Europäischer Wirtschaftsraum"
    assert Strings("de").language_name("fr") == "Français"


def test_direction_comes_from_the_locale() -> None:
    assert Strings("ar").direction == "rtl"
    assert Strings("he").direction == "rtl"
    assert Strings("fr").direction == "ltr"
    assert Strings("pt-BR").lang == "pt-BR"


def test_a_region_falls_back_to_its_language_then_to_english() -> None:
    assert Strings("fr-CA")("Your rights") == Strings("fr")("Your rights") != "Your rights"
    assert Strings("sv")("Your rights") == "Your rights"
    assert Strings("xx-unknown")("Effective {date}", date="D") == "Effective D"
