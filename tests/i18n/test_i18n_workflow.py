"""The translator's workflow on a copy of a small notice: extract, update, status, lint, and
the translated model the renderer receives."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from click.testing import CliRunner

from noticegen.cli import main
from noticegen.i18n.catalogs import write_catalog
from noticegen.i18n.notice import translate_notice, translate_supplement
from noticegen.i18n.pofile import read_catalog
from noticegen.lint.linting import lint
from noticegen.sources.loading import load

FIXTURE = Path(__file__).parent / "fixtures" / "notice"
OLD = "We use your email address to confirm and deliver the orders you place with us."
NEW = "We use your email address to confirm, ship and deliver the orders you place with us."
CONTEXT = "purposes.orders.description"
NOTICE_LANGUAGES = ("fr", "de", "ar")  # those the notice (not only a supplement) is published in


@pytest.fixture
def notice(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURE, tmp_path / "notice"))


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def i18n_findings(folder: Path) -> list[tuple[str, str, int, str]]:
    return [
        (f.rule, Path(f.file).name, f.line, f.message)
        for f in lint(load(folder))
        if f.rule.startswith("NG7")
    ]


def entry_line(po: Path, context: str) -> int:
    """The line of the msgid of the entry with this msgctxt."""
    lines = po.read_text(encoding="utf-8").splitlines()
    start = lines.index(f'msgctxt "{context}"')
    return next(i for i in range(start, len(lines)) if lines[i].startswith("msgid ")) + 1


def test_the_fixture_catalogs_are_complete_and_clean() -> None:
    assert i18n_findings(FIXTURE) == []
    code, output = run("i18n", "status", str(FIXTURE), "--check")
    assert code == 0, output
    assert "fr     100.0%" in output and "pt-BR  100.0%" in output


def test_extract_writes_every_translatable_string_with_its_path_as_context(notice: Path) -> None:
    (notice / "locales" / "notice.pot").unlink()
    code, output = run("i18n", "extract", str(notice))
    assert code == 0, output
    template = read_po((notice / "locales" / "notice.pot").open("rb"))
    entries = {m.context: m.id for m in template if m.id}
    loaded = load(notice)
    assert loaded.notice is not None
    # A YAML `|` block ends with a line break; its msgid does not (msgfmt -c would reject the
    # entry's translation for lacking it).
    description = loaded.notice.purposes["marketing"].description
    assert description.endswith("\n")
    assert entries["purposes.marketing.description"] == description.rstrip("\n")
    assert entries["data.contact.email.label"] == "Email address"
    assert entries["retention.order_records.legal_hold"].startswith("We keep invoices")
    assert entries["supplements.brazil.sections.encarregado.title"].startswith("Our data")
    # Identifiers, names and addresses are published as written, never offered for translation.
    assert not any(c.endswith((".email", ".street", ".url", ".legal_name")) for c in entries)
    assert "controller.name" not in entries and "Example Shop" not in entries.values()
    # A contact's name may be a role, which reads in the page's language.
    assert entries["controller.dpo.name"] == "Data Protection Officer"


def test_changing_the_english_makes_lint_fail_at_the_fuzzy_line_until_translated(
    notice: Path,
) -> None:
    yaml = notice / "notice.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")
    code, output = run("i18n", "update", str(notice))
    assert code == 0, output
    # A second update changes nothing: the fuzzy flag and the previous English stay.
    after_first = (notice / "locales" / "fr.po").read_bytes()
    run("i18n", "update", str(notice))
    assert (notice / "locales" / "fr.po").read_bytes() == after_first

    findings = i18n_findings(notice)
    stale = {(rule, file, line) for rule, file, line, _ in findings}
    expected = {
        ("NG707", f"{lang}.po", entry_line(notice / "locales" / f"{lang}.po", CONTEXT))
        for lang in NOTICE_LANGUAGES
    }
    assert stale == expected, findings
    french = (notice / "locales" / "fr.po").read_text(encoding="utf-8")
    assert f'#| msgid "{OLD}"' in french and "#, fuzzy" in french
    code, output = run("lint", str(notice))
    assert code == 1 and "NG707" in output

    # The page does not publish the stale translation: it shows the current English.
    loaded = load(notice)
    assert loaded.notice is not None
    assert translate_notice(loaded.notice, notice, "fr").purposes["orders"].description == NEW

    for lang, translation in (
        ("fr", "Nous utilisons votre adresse e-mail pour confirmer, expédier et livrer "
               "vos commandes."),
        ("de", "Wir verwenden Ihre E-Mail-Adresse, um Ihre Bestellungen zu bestätigen, "
               "zu versenden und zu liefern."),
        ("ar", "نستخدم عنوان بريدك الإلكتروني لتأكيد الطلبات التي تقدّمها لدينا وشحنها "
               "وتسليمها."),
    ):  # fmt: skip
        path = notice / "locales" / f"{lang}.po"
        catalog = read_catalog(path, lang).catalog
        assert catalog is not None
        message = catalog.get(NEW, context=CONTEXT)
        assert message.previous_id == [OLD]
        message.string = translation
        message.flags.discard("fuzzy")
        write_catalog(path, catalog)
    assert i18n_findings(notice) == []
    loaded = load(notice)
    assert loaded.notice is not None
    assert (
        translate_notice(loaded.notice, notice, "de")
        .purposes["orders"]
        .description.startswith("Wir verwenden")
    )


def test_update_adds_new_text_untranslated_and_drops_removed_text(notice: Path) -> None:
    yaml = notice / "notice.yaml"
    text = yaml.read_text(encoding="utf-8").replace(
        "    title: About this notice\n", "    title: About this privacy notice\n"
    )
    text = text.replace(
        "  access: {}\n", "  access: {description: You can ask for a copy of your data.}\n"
    )
    yaml.write_text(text, encoding="utf-8")
    run("i18n", "update", str(notice))
    rules = sorted((rule, file) for rule, file, _, _ in i18n_findings(notice))
    # rights.access.description is new (NG706), the section title changed (NG707).
    assert rules == sorted(
        (rule, f"{lang}.po") for rule in ("NG706", "NG707") for lang in NOTICE_LANGUAGES
    )
    # The Brazil supplement's catalog holds only the supplement: the notice's changes leave it be.
    assert "rights.access" not in (notice / "locales" / "pt-BR.po").read_text(encoding="utf-8")


def test_update_creates_a_catalog_for_a_new_language_and_status_counts_it(notice: Path) -> None:
    yaml = notice / "notice.yaml"
    yaml.write_text(
        yaml.read_text(encoding="utf-8").replace(
            "languages: [en, fr, de, ar]", "languages: [en, fr, de, ar, pl]"
        ),
        encoding="utf-8",
    )
    assert [r for r, *_ in i18n_findings(notice)] == ["NG702"]
    code, output = run("i18n", "update", str(notice), "--lang", "pl")
    assert code == 0 and "pl: created" in output
    polish = (notice / "locales" / "pl.po").read_text(encoding="utf-8")
    assert "nplurals=3" in polish
    code, output = run("i18n", "status", str(notice), "--check")
    assert code == 1
    totals = dict(re.findall(r"^(\S+) .*?/(\d+) translated", output, flags=re.M))
    assert "pl       0.0%  0/" in output and totals["pl"] == totals["fr"]


def test_update_of_the_source_language_or_an_unpublished_one_is_a_usage_error(
    notice: Path,
) -> None:
    code, output = run("i18n", "update", str(notice), "--lang", "en")
    assert code == 2 and "en is the source language and has no catalog" in output
    code, output = run("i18n", "update", str(notice), "--lang", "pl")
    assert code == 2 and "not published in pl; its translations are fr, de, ar" in output


def test_update_leaves_a_broken_catalog_untouched(notice: Path) -> None:
    french = notice / "locales" / "fr.po"
    broken = french.read_text(encoding="utf-8").replace(
        'msgstr "Adresse e-mail"', 'msgstr "Adresse e-mail'
    )
    french.write_text(broken, encoding="utf-8")
    code, output = run("i18n", "update", str(notice))
    assert code == 1
    assert "fr.po:" in output and "Not updated" in output
    assert french.read_text(encoding="utf-8") == broken
    assert ("NG703", "fr.po") in {(rule, file) for rule, file, _, _ in i18n_findings(notice)}


def test_translate_replaces_every_string_and_keeps_the_facts() -> None:
    loaded = load(FIXTURE)
    assert loaded.notice is not None
    original = loaded.notice
    french = translate_notice(original, FIXTURE, "fr")
    assert french.notice.title == "Politique de confidentialité"
    assert french.data["contact.email"].label == "Adresse e-mail"
    assert "[les paramètres de votre compte](https://example.com/account)" in (
        french.purposes["marketing"].description
    )
    # Everything that is not text is the same model: ids, bases, data lists, contacts.
    assert french.purposes["marketing"].legal_basis == original.purposes["marketing"].legal_basis
    assert french.purposes["orders"].data == original.purposes["orders"].data
    assert french.controller.model_dump(exclude={"dpo"}) == original.controller.model_dump(
        exclude={"dpo"}
    )
    assert french.controller.dpo is not None and original.controller.dpo is not None
    assert french.controller.dpo.name == "Délégué à la protection des données"
    assert french.controller.dpo.email == original.controller.dpo.email
    assert french.notice.languages == original.notice.languages
    assert translate_notice(original, FIXTURE, "en") is original
    assert translate_notice(original, FIXTURE, "es") == original  # no catalog: the source text
    supplement = loaded.supplements[0][1]
    portuguese = translate_supplement(supplement, FIXTURE, "pt-BR")
    assert portuguese.supplement.title == "Aviso de Privacidade para o Brasil"
    assert portuguese.supplement.jurisdiction == supplement.supplement.jurisdiction


def test_a_supplement_only_language_translates_what_its_page_shows_of_the_notice() -> None:
    from noticegen.i18n.catalogs import entries_for
    from noticegen.model import Requests

    loaded = load(FIXTURE)
    assert loaded.notice is not None
    supplements = [(Path(s.path).name, sup) for s, sup in loaded.supplements]
    portuguese = {e.context for e in entries_for(loaded.notice, supplements, "pt-BR")}
    assert {"notice.title", "controller.dpo.name"} <= portuguese
    assert "supplements.brazil.sections.encarregado.body" in portuguese
    assert not any(c.startswith(("purposes.", "data.", "rights.")) for c in portuguese)
    french = {e.context for e in entries_for(loaded.notice, supplements, "fr")}
    # The French notice page links the Brazil supplement: its title is translated, not its text.
    assert "supplements.brazil.supplement.title" in french
    assert "supplements.brazil.sections.encarregado.body" not in french

    # The page shows the notice's way to make a request unless the supplement has its own.
    requests = Requests(verification="We check who you are before we answer.")
    notice = loaded.notice.model_copy(update={"requests": requests})
    shared = {e.context for e in entries_for(notice, supplements, "pt-BR")}
    assert "requests.verification" in shared
    own = [(f, s.model_copy(update={"requests": requests})) for f, s in supplements]
    with_own = {e.context for e in entries_for(notice, own, "pt-BR")}
    assert "requests.verification" not in with_own
    assert "supplements.brazil.requests.verification" in with_own


LEGAL_HOLD = "    legal_hold: We keep invoices for as long as accounting law requires.\n"
LEGAL_HOLD_FR = "Nous conservons les factures aussi longtemps que le droit comptable l'exige."


def test_a_field_removed_then_restored_gets_its_translation_back(notice: Path) -> None:
    yaml = notice / "notice.yaml"
    text = yaml.read_text(encoding="utf-8")
    yaml.write_text(text.replace(LEGAL_HOLD, ""), encoding="utf-8")
    code, output = run("i18n", "update", str(notice), "--lang", "fr")
    assert code == 0 and "1 removed (kept as obsolete)" in output, output
    french = (notice / "locales" / "fr.po").read_text(encoding="utf-8")
    assert '#~ msgctxt "retention.order_records.legal_hold"' in french
    # Obsolete entries survive a later update, as msgmerge keeps them.
    run("i18n", "update", str(notice), "--lang", "fr")
    assert (notice / "locales" / "fr.po").read_text(encoding="utf-8") == french

    yaml.write_text(text, encoding="utf-8")
    code, output = run("i18n", "update", str(notice), "--lang", "fr")
    assert code == 0, output
    catalog = read_catalog(notice / "locales" / "fr.po", "fr").catalog
    assert catalog is not None and not catalog.obsolete
    message = catalog.get(
        LEGAL_HOLD.split(": ", 1)[1].strip(), "retention.order_records.legal_hold"
    )
    assert message.string == LEGAL_HOLD_FR and not message.fuzzy
    assert [f for f in i18n_findings(notice) if f[1] == "fr.po"] == []


def test_a_field_restored_with_other_english_gets_its_translation_back_fuzzy(notice: Path) -> None:
    yaml = notice / "notice.yaml"
    text = yaml.read_text(encoding="utf-8")
    yaml.write_text(text.replace(LEGAL_HOLD, ""), encoding="utf-8")
    run("i18n", "update", str(notice), "--lang", "fr")
    changed = LEGAL_HOLD.replace("accounting law", "tax law")
    yaml.write_text(text.replace(LEGAL_HOLD, changed), encoding="utf-8")
    run("i18n", "update", str(notice), "--lang", "fr")
    catalog = read_catalog(notice / "locales" / "fr.po", "fr").catalog
    assert catalog is not None
    message = catalog.get(changed.split(": ", 1)[1].strip(), "retention.order_records.legal_hold")
    assert message.string == LEGAL_HOLD_FR and message.fuzzy
    assert message.previous_id == [LEGAL_HOLD.split(": ", 1)[1].strip()]


@pytest.mark.parametrize(
    "error",
    [PermissionError(13, "Permission denied"), OSError(28, "No space left on device")],
    ids=["read-only", "disk-full"],
)
def test_update_that_cannot_write_says_so_in_one_line(
    notice: Path, monkeypatch: pytest.MonkeyPatch, error: OSError
) -> None:
    before = (notice / "locales" / "fr.po").read_bytes()

    def refuse(path: Path, data: bytes) -> None:
        raise error

    monkeypatch.setattr("noticegen.i18n.catalogs.atomic_write_bytes", refuse)
    result = CliRunner().invoke(main, ["i18n", "update", str(notice)])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and error.strerror in lines[0] and "notice.pot" in lines[0]
    assert (notice / "locales" / "fr.po").read_bytes() == before


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes anyway")
def test_update_in_a_read_only_folder_says_so_in_one_line(notice: Path) -> None:
    locales = notice / "locales"
    locales.chmod(0o555)
    try:
        result = CliRunner().invoke(main, ["i18n", "update", str(notice)])
    finally:
        locales.chmod(0o755)
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1


def test_a_charset_the_file_is_not_in_is_a_finding_that_update_corrects(notice: Path) -> None:
    french = notice / "locales" / "fr.po"
    text = french.read_text(encoding="utf-8")
    french.write_text(text.replace("charset=utf-8", "charset=ISO-8859-1"), encoding="utf-8")
    line = (
        french.read_text(encoding="utf-8")
        .splitlines()
        .index('"Content-Type: text/plain; charset=ISO-8859-1\\n"')
    )
    findings = i18n_findings(notice)
    assert [(r, f, n) for r, f, n, _ in findings] == [("NG703", "fr.po", line + 1)]
    assert "charset=UTF-8" in findings[0][3]
    code, output = run("i18n", "update", str(notice), "--lang", "fr")
    assert code == 0, output
    assert "charset=utf-8" in french.read_text(encoding="utf-8")
    assert i18n_findings(notice) == []


def test_a_catalog_linked_from_outside_the_notice_is_never_read(
    notice: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.po"
    shutil.copy(notice / "locales" / "fr.po", secret)
    secret.write_text(
        secret.read_text(encoding="utf-8").replace("Politique", "SECRET-TOKEN"), encoding="utf-8"
    )
    french = notice / "locales" / "fr.po"
    french.unlink()
    french.symlink_to(secret)
    findings = i18n_findings(notice)
    assert [(r, f, n) for r, f, n, _ in findings] == [("NG703", "fr.po", 1)]
    assert "outside the notice folder" in findings[0][3]
    loaded = load(notice)
    assert loaded.notice is not None
    assert "SECRET" not in str(translate_notice(loaded.notice, notice, "fr").model_dump())
    code, output = run("i18n", "update", str(notice), "--lang", "fr")
    assert code == 1 and "Not updated" in output and "SECRET" not in output
    assert french.is_symlink() and "SECRET-TOKEN" in secret.read_text(encoding="utf-8")


def test_update_never_writes_through_a_locales_folder_outside_the_notice(
    notice: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere"
    shutil.move(notice / "locales", outside)
    (notice / "locales").symlink_to(outside, target_is_directory=True)
    before = {p.name: p.read_bytes() for p in outside.iterdir()}
    code, output = run("i18n", "update", str(notice))
    assert code == 2 and "outside the notice folder" in output
    assert {p.name: p.read_bytes() for p in outside.iterdir()} == before


def test_a_catalog_from_before_msgids_lost_their_last_line_break(notice: Path) -> None:
    """Catalogs written when a YAML block's msgid kept its final `\\n` still publish their
    translations; lint points at each entry msgfmt rejects, and update migrates them."""
    yaml = notice / "notice.yaml"
    yaml.write_text(
        yaml.read_text(encoding="utf-8").replace(
            f"    description: {OLD}\n", f"    description: |\n      {OLD}\n"
        ),
        encoding="utf-8",
    )
    french = notice / "locales" / "fr.po"
    text = french.read_text(encoding="utf-8")
    french.write_text(text.replace(f'msgid "{OLD}"', f'msgid "{OLD}\\n"'), encoding="utf-8")
    findings = i18n_findings(notice)
    msgstr_line = entry_line(french, CONTEXT) + 1
    assert [(r, f, n) for r, f, n, _ in findings] == [("NG710", "fr.po", msgstr_line)]
    loaded = load(notice)
    assert loaded.notice is not None
    translated = translate_notice(loaded.notice, notice, "fr").purposes["orders"].description
    # The translation takes the place of the text, line break included.
    assert translated.startswith("Nous utilisons") and translated.endswith("chez nous.\n")

    code, output = run("i18n", "update", str(notice))
    assert code == 0 and "fr: updated" in output and "0 new or changed" in output, output
    assert i18n_findings(notice) == []

    def entries(po_text: str) -> list[str]:
        # Locations aside: the block is one line longer in notice.yaml.
        return [line for line in po_text.splitlines() if not line.startswith("#:")]

    assert entries(french.read_text(encoding="utf-8")) == entries(text)


def test_a_fuzzy_entry_removed_then_restored_is_still_fuzzy(notice: Path) -> None:
    french = notice / "locales" / "fr.po"
    anchor = 'msgctxt "retention.order_records.legal_hold"\n'
    french.write_text(
        french.read_text(encoding="utf-8").replace(anchor, "#, fuzzy\n" + anchor), encoding="utf-8"
    )
    yaml = notice / "notice.yaml"
    text = yaml.read_text(encoding="utf-8")
    yaml.write_text(text.replace(LEGAL_HOLD, ""), encoding="utf-8")
    run("i18n", "update", str(notice), "--lang", "fr")
    assert "#, fuzzy\n#~ " + anchor in french.read_text(encoding="utf-8")
    yaml.write_text(text, encoding="utf-8")
    run("i18n", "update", str(notice), "--lang", "fr")
    catalog = read_catalog(french, "fr").catalog
    assert catalog is not None
    message = catalog.get(
        LEGAL_HOLD.split(": ", 1)[1].strip(), "retention.order_records.legal_hold"
    )
    # Never published unchecked: it was fuzzy when its field went away.
    assert message.string == LEGAL_HOLD_FR and message.fuzzy
