"""Facts a published notice states (or leaves out) about itself and its business: an undated
notice is a finding that stops no other rule, and the business facts replace tool options."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from noticegen.cli import main
from noticegen.lint.config import Config
from noticegen.lint.linting import lint
from noticegen.lint.rules import BY_CODE
from noticegen.sources.loading import load

ROOT = Path(__file__).resolve().parents[1]
NOTICE = ROOT / "notice"


def undated_copy(tmp_path: Path, *, jurisdictions: str | None = None) -> Path:
    """The example notice without its version and effective date (as many published notices)."""
    folder = tmp_path / "notice"
    shutil.copytree(NOTICE, folder)
    main_file = folder / "notice.yaml"
    lines = main_file.read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if not line.startswith(("  version:", "  effective:"))]
    if jurisdictions is not None:
        kept = [
            f"  jurisdictions: {jurisdictions}" if line.startswith("  jurisdictions:") else line
            for line in kept
        ]
    assert len(kept) == len(lines) - 2
    main_file.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return folder


def rules_of(folder: Path, config: Config | None = None) -> set[str]:
    return {f.rule for f in lint(load(folder), config)}


def test_an_undated_notice_loads_and_every_other_rule_still_runs(tmp_path: Path) -> None:
    folder = undated_copy(tmp_path, jurisdictions="[gdpr]")
    loaded = load(folder)
    assert loaded.notice is not None, loaded.findings
    assert loaded.findings == []
    findings = lint(loaded)
    assert {f.rule for f in findings} == {"NG805"}, findings
    # the same rules run as on the dated notice: a placeholder left would still be reported
    text = (folder / "notice.yaml").read_text(encoding="utf-8")
    (folder / "notice.yaml").write_text(
        text.replace("title: Privacy Notice", "title: TODO(noticegen) Privacy Notice", 1),
        encoding="utf-8",
    )
    assert {"NG805", "NG804"} <= rules_of(folder)


def test_under_the_ccpa_a_missing_date_is_an_error_citing_the_regulation(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["lint", str(undated_copy(tmp_path)), "--format", "json"])
    findings = json.loads(result.output)["findings"]
    dated = [f for f in findings if f["rule"] in ("NG428", "NG805")]
    assert [(f["rule"], f["severity"]) for f in dated] == [("NG428", "error")]
    assert "11 CCR 7011(e)(4)" in dated[0]["citation"]
    assert result.exit_code == 1


def test_an_undated_notice_is_published_but_not_archived(tmp_path: Path) -> None:
    """A real notice may carry no date (issue 13): its pages are published saying none, and the
    archive, which files each version under its date, and the dated exports leave it out."""
    folder = undated_copy(tmp_path, jurisdictions="[gdpr]")
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "not archived as a version" in result.output + result.stderr
    page = (out / "en" / "index.html").read_text(encoding="utf-8")
    assert "Effective" not in page and "Version None" not in page
    assert "dcterms.created" not in page
    assert not (out / "versions").exists()
    assert not (out / "exports" / "dpv.jsonld").exists()
    assert json.loads((out / "manifest.json").read_text())["effective"] is None


def test_a_dated_export_refuses_an_undated_notice_and_an_undated_one_is_written(
    tmp_path: Path,
) -> None:
    folder = undated_copy(tmp_path, jurisdictions="[gdpr]")
    refused = CliRunner().invoke(main, ["export", "dpv", str(folder)])
    assert refused.exit_code == 2, refused.output
    assert "no dpv export: the notice has no date" in refused.stderr
    written = CliRunner().invoke(main, ["export", "ropa", str(folder)])
    assert written.exit_code == 0, written.output


def test_a_notice_without_a_version_number_is_filed_under_its_date(tmp_path: Path) -> None:
    folder = undated_copy(tmp_path)
    notice = load(folder).notice
    assert notice is not None
    meta = notice.notice.model_copy(update={"effective": notice.notice.last_reviewed})
    assert meta.dated.version == meta.dated.effective.isoformat()


def without_toll_free_number(tmp_path: Path) -> Path:
    folder = tmp_path / "notice"
    shutil.copytree(NOTICE, folder)
    for name in ("notice.yaml", "supplements/california.yaml"):
        path = folder / name
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("kind: toll_free_phone", "kind: phone"), encoding="utf-8")
    return folder


def business(folder: Path, facts: str) -> None:
    main_file = folder / "notice.yaml"
    main_file.write_text(
        main_file.read_text(encoding="utf-8") + f"business: {facts}\n", encoding="utf-8"
    )


def test_the_notice_states_the_business_facts_the_ccpa_rules_read(tmp_path: Path) -> None:
    # the example offers a toll-free number; without it, only an online-only business is exempt,
    # and lint asks (NG422, an info) rather than guesses while the notice does not say
    unknown, offline, online = (without_toll_free_number(tmp_path / n) for n in "abc")
    business(offline, "{online_only: false}")
    business(online, "{online_only: true}")
    assert rules_of(unknown) & {"NG416", "NG422"} == {"NG422"}
    assert rules_of(offline) & {"NG416", "NG422"} == {"NG416"}
    assert not rules_of(online) & {"NG416", "NG422"}


def test_the_notice_overrides_the_deprecated_rule_option(tmp_path: Path) -> None:
    folder = without_toll_free_number(tmp_path)

    option = Config(options={"NG416": BY_CODE["NG416"].Options(online_only=True)})
    assert "NG416" not in rules_of(folder, option)
    business(folder, "{online_only: false}")
    assert "NG416" in rules_of(folder, option)


OTHER_CONTROLLERS = """
other_controllers:
  eu:
    name: IMS Consulting B.V.
    email: privacy@example.nl
    postal_address: {street: 1 Voorbeeldstraat, locality: Amsterdam, country: NL}
    role: regional
    responsible_for: For users in the EEA.
  events:
    name: Partner SAS
    email: privacy@partner.example
    postal_address: {street: 2 Rue Exemple, locality: Paris, country: FR}
    role: joint
    arrangement: We answer every request about the events we run together.
"""


def test_other_controllers_are_rendered_in_who_we_are_and_processing_as_a_processor_out_of_scope(
    tmp_path: Path,
) -> None:
    from noticegen.i18n.strings import Strings
    from noticegen.publish.render import html

    folder = tmp_path / "notice"
    shutil.copytree(NOTICE, folder)
    main_file = folder / "notice.yaml"
    text = main_file.read_text(encoding="utf-8").replace(
        "scope:\n", "scope:\n  as_processor: [Forms our clients run on their own sites.]\n", 1
    )
    main_file.write_text(text + OTHER_CONTROLLERS, encoding="utf-8")
    loaded = load(folder)
    assert loaded.notice is not None, loaded.findings
    assert not {f.rule for f in lint(loaded)} & {"NG301", "NG303"}
    page = html.render_notice(loaded.notice, Strings("en"), supplements=[], languages=[])
    who = page[
        page.index('id="controller"') : page.index("</section>", page.index('id="controller"'))
    ]
    for fact in (
        '<h3 id="controller-eu"><bdi>IMS Consulting B.V.</bdi></h3>',
        "For users in the EEA.",
        "Partner SAS",
        "We answer every request about the events we run together.",
        "mailto:privacy@partner.example",
    ):
        assert fact in who
    assert "<li>Forms our clients run on their own sites.</li>" in page


def test_an_incomplete_other_controller_is_reported_where_it_is(tmp_path: Path) -> None:
    folder = tmp_path / "notice"
    shutil.copytree(NOTICE, folder)
    main_file = folder / "notice.yaml"
    text = main_file.read_text(encoding="utf-8")
    main_file.write_text(
        text + "other_controllers:\n  eu: {name: IMS Consulting B.V., role: regional}\n",
        encoding="utf-8",
    )
    findings = [f for f in lint(load(folder)) if f.rule == "NG301"]
    assert [f.line for f in findings] == [len(text.splitlines()) + 2]
    assert "IMS Consulting B.V." in findings[0].message


def test_diff_names_an_unnumbered_undated_version_in_words(tmp_path: Path) -> None:
    from noticegen.review import compare
    from noticegen.review.reporters import render_markdown

    dated = load(NOTICE).notice
    undated = load(undated_copy(tmp_path)).notice
    assert dated is not None and undated is not None
    header = render_markdown(compare(undated, dated, [], {})).splitlines()
    assert any(
        "unnumbered version (effective date not given) → version 2.0.0" in line for line in header
    )


def test_data_whose_source_the_notice_does_not_state_is_reported_and_still_rendered(
    tmp_path: Path,
) -> None:
    """A notice may not say where some data comes from (issue 13): nothing is invented for it;
    lint reports it, the page shows no source for it, and the record marks it to fill in."""
    from noticegen.i18n.strings import Strings
    from noticegen.publish.exports.ropa import COLUMNS, TO_FILL_IN, ropa_csv
    from noticegen.publish.render import html
    from noticegen.publish.render.view import ccpa_rows

    folder = tmp_path / "notice"
    shutil.copytree(NOTICE, folder)
    main_file = folder / "notice.yaml"
    lines = main_file.read_text(encoding="utf-8").splitlines()
    first = lines.index("    source: provided")
    del lines[first]
    main_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    loaded = load(folder)
    assert loaded.notice is not None, loaded.findings
    did, category = next((k, d) for k, d in loaded.notice.data.items() if d.source is None)
    findings = lint(loaded)
    assert [(f.rule, f.message) for f in findings] == [
        (
            "NG219",
            f"`{did}` ({category.label}): the notice does not say where this data comes from.",
        )
    ]
    page = html.render_notice(loaded.notice, Strings("en"), supplements=[], languages=[])
    start = page.index(f">{category.label}</h3>")
    facts = page[start : page.index("</dl>", start)]
    assert "Source" not in facts and "None" not in facts
    assert all(None not in row.sources for row in ccpa_rows(loaded.notice))
    rows = list(csv.reader(io.StringIO(ropa_csv(loaded.notice).decode("utf-8"))))
    column = list(COLUMNS).index("The source of the personal data (if applicable)")
    using = [p.label for p in loaded.notice.purposes.values() if did in p.data]
    assert using
    for row in rows[rows.index(list(COLUMNS)) + 1 :]:
        assert (TO_FILL_IN in row[column]) == (row[1] in using), row


def test_a_representative_with_no_name_is_reported_and_rendered_without_one(
    tmp_path: Path,
) -> None:
    """A notice may give a representative's email but not who they are (issue 13, PostHog): no
    name is invented; NG332 reports it, and a contact with neither name nor way to reach it is
    a load finding, not a traceback."""
    from noticegen.i18n.strings import Strings
    from noticegen.publish.exports.ropa import TO_FILL_IN, contact_rows
    from noticegen.publish.render import html

    folder = tmp_path / "notice"
    shutil.copytree(NOTICE, folder)
    main_file = folder / "notice.yaml"
    text = main_file.read_text(encoding="utf-8")
    main_file.write_text(
        text.replace(
            "controller:\n", "controller:\n  eu_representative: {email: rep@example.com}\n", 1
        ),
        encoding="utf-8",
    )
    loaded = load(folder)
    assert loaded.notice is not None, loaded.findings
    assert [f.rule for f in lint(loaded)] == ["NG332"]
    page = html.render_notice(loaded.notice, Strings("en"), supplements=[], languages=[])
    section = page[page.index('id="eu-representative"') :]
    section = section[: section.index("</dl>")]
    assert (
        "mailto:rep@example.com" in section
        and "None" not in section
        and "<bdi></bdi>" not in section
    )
    assert next(row[:2] for row in contact_rows(loaded.notice) if row[0] == "Representative") == [
        "Representative",
        TO_FILL_IN,
    ]
    main_file.write_text(
        text.replace("controller:\n", "controller:\n  eu_representative: {}\n", 1), encoding="utf-8"
    )
    findings = load(folder).findings
    assert [f.line for f in findings] == [text.splitlines().index("controller:") + 2], findings
    assert "a contact needs a name or a way to reach it" in findings[0].message


def test_a_recipient_whose_role_the_notice_does_not_state_is_rendered_without_one(
    tmp_path: Path,
) -> None:
    """A notice may not say what role a recipient plays (issue 13): nothing is invented for it;
    the page shows no Role line, DPV calls it only a recipient, the record marks it to fill in."""
    from noticegen.i18n.strings import Strings
    from noticegen.publish.exports.dpv import dpv_document
    from noticegen.publish.exports.ropa import COLUMNS, TO_FILL_IN, ropa_csv
    from noticegen.publish.render import html

    folder = tmp_path / "notice"
    shutil.copytree(NOTICE, folder)
    main_file = folder / "notice.yaml"
    lines = main_file.read_text(encoding="utf-8").splitlines()
    del lines[lines.index("    kind: processor")]
    main_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    loaded = load(folder)
    assert loaded.notice is not None, loaded.findings
    rid, recipient = next((k, r) for k, r in loaded.notice.recipients.items() if r.kind is None)
    page = html.render_notice(loaded.notice, Strings("en"), supplements=[], languages=[])
    start = page.index(f"<bdi>{recipient.label}</bdi></h3>")
    facts = page[start : page.index("</dl>", start)]
    assert "Role" not in facts and "None" not in facts
    node = next(n for n in dpv_document(loaded.notice)["@graph"] if n["@id"].endswith(rid))
    assert node["@type"] == "dpv:Recipient"
    rows = list(csv.reader(io.StringIO(ropa_csv(loaded.notice).decode("utf-8"))))
    column = list(COLUMNS).index("Categories of recipients")
    table = rows[rows.index(list(COLUMNS)) + 1 :]
    assert any(f"{recipient.label} ({TO_FILL_IN})" in row[column] for row in table)
