"""Loading a notice folder or file: each problem a finding at the line and column at fault."""

from __future__ import annotations

from pathlib import Path

import pytest

from noticegen.i18n.strings import Strings
from noticegen.lint.config import Config
from noticegen.lint.linting import lint
from noticegen.lint.rules.lgpd.lgpd_access_response_too_slow import LgpdAccessResponseTooSlow
from noticegen.model.findings import Finding, Position
from noticegen.publish.render import html
from noticegen.sources.loading import MAX_VALIDATION_FINDINGS, NoticeNotFound, load, locate

BASE = (Path(__file__).parent / "rules" / "base" / "notice.yaml").read_text(encoding="utf-8")

SUPPLEMENT = """\
supplement:
  id: california
  title: Privacy Notice for California Residents
  jurisdiction: ccpa
  applies_to: Residents of California
"""


def write_notice(folder: Path, text: str = BASE, files: dict[str, str] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "notice.yaml").write_text(text, encoding="utf-8")
    for name, content in (files or {}).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(content, encoding="utf-8")
    return folder


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line containing `needle`."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def by_rule(findings: list[Finding], code: str) -> list[Finding]:
    return [f for f in findings if f.rule == code]


def test_the_base_notice_loads_into_the_model_without_findings(tmp_path: Path) -> None:
    loaded = load(write_notice(tmp_path / "n"))
    assert loaded.notice is not None
    assert loaded.findings == []
    assert loaded.notice.notice.id == "example"
    assert loaded.root == tmp_path / "n"


def test_a_single_file_is_a_notice_too(tmp_path: Path) -> None:
    path = tmp_path / "privacy.yaml"
    path.write_text(BASE, encoding="utf-8")
    loaded = load(path)
    assert loaded.notice is not None
    assert loaded.main.path == str(path)
    assert loaded.root == tmp_path


def test_supplements_are_loaded_with_the_folder(tmp_path: Path) -> None:
    folder = write_notice(tmp_path / "n", files={"supplements/california.yaml": SUPPLEMENT})
    loaded = load(folder)
    assert loaded.findings == []
    [(source, supplement)] = loaded.supplements
    assert supplement.supplement.id == "california"
    assert Path(source.path) == folder / "supplements" / "california.yaml"
    assert loaded.source("supplements/california.yaml") is source
    assert loaded.source(None) is loaded.main


def test_a_bad_supplement_is_reported_in_its_own_file(tmp_path: Path) -> None:
    bad = SUPPLEMENT + "  jurisdictoin: ccpa\n"
    folder = write_notice(tmp_path / "n", files={"supplements/california.yaml": bad})
    loaded = load(folder)
    assert loaded.notice is not None
    assert loaded.supplements == []
    [f] = loaded.findings
    assert (f.rule, Path(f.file).name, f.line) == ("NG003", "california.yaml", 6)


def test_no_supplements_are_read_for_a_single_file(tmp_path: Path) -> None:
    folder = write_notice(tmp_path / "n", files={"supplements/california.yaml": "- not valid"})
    alone = folder / "other.yaml"
    alone.write_text(BASE, encoding="utf-8")
    assert load(alone).findings == []


def test_a_supplement_given_alone_points_at_its_notice(tmp_path: Path) -> None:
    folder = write_notice(tmp_path / "n", files={"supplements/california.yaml": SUPPLEMENT})
    with pytest.raises(NoticeNotFound, match=r"is a supplement; check it with its notice"):
        locate(folder / "supplements" / "california.yaml")


def test_a_notice_in_a_folder_named_supplements_is_a_notice(tmp_path: Path) -> None:
    # Without a notice.yaml above it, the folder's name says nothing.
    alone = tmp_path / "supplements" / "notice.yaml"
    alone.parent.mkdir()
    alone.write_text(BASE, encoding="utf-8")
    assert load(alone).findings == []


def test_a_path_that_does_not_exist_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(NoticeNotFound, match="no such file"):
        load(tmp_path / "missing")


def test_a_folder_without_notice_yaml_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(NoticeNotFound, match=r"no notice\.yaml"):
        locate(tmp_path / "empty")


def test_unknown_key_points_at_the_key_with_a_did_you_mean_hint(tmp_path: Path) -> None:
    text = BASE.replace("    legal_basis: contract", "    legal_bases: contract")
    [f] = load(write_notice(tmp_path / "n", text)).findings
    assert f.rule == "NG003"
    assert f.position == Position(line_of(text, "legal_bases"), 5)
    assert "`legal_bases`" in f.message
    assert f.hint == "Did you mean `legal_basis`?"


@pytest.mark.parametrize("key", ["notes[draft]", ":[x", "function-after[x]"])
def test_an_unknown_key_with_brackets_is_reported_at_its_line(tmp_path: Path, key: str) -> None:
    # Found by the property test: brackets in a key were taken for pydantic's own steps.
    text = BASE + f'"{key}": 1\n'
    [f] = load(write_notice(tmp_path / "n", text)).findings
    assert f.rule == "NG003" and f"`{key}`" in f.message
    assert f.position.line == len(text.splitlines())


def test_unknown_key_without_a_close_match_lists_the_known_keys(tmp_path: Path) -> None:
    text = BASE + "zz_not_a_field: 1\n"
    [f] = load(write_notice(tmp_path / "n", text)).findings
    assert f.position == Position(len(text.splitlines()), 1)
    assert "controller" in f.hint and "purposes" in f.hint


def test_wrong_type_points_at_the_value(tmp_path: Path) -> None:
    text = BASE.replace("required: true", "required: [maybe]")
    [f] = load(write_notice(tmp_path / "n", text)).findings
    assert f.rule == "NG004"
    line = line_of(text, "required: [maybe]")
    assert f.position == Position(line, text.splitlines()[line - 1].index("[maybe]") + 1)
    assert "data.contact.email.required" in f.message


def test_a_value_outside_the_allowed_values_is_invalid(tmp_path: Path) -> None:
    text = BASE.replace("legal_basis: contract", "legal_basis: because")
    [f] = load(write_notice(tmp_path / "n", text)).findings
    assert (f.rule, f.line) == ("NG004", line_of(text, "because"))


def test_an_unquoted_version_number_gets_a_quoting_hint(tmp_path: Path) -> None:
    text = BASE.replace('version: "1.0.0"', "version: 1.10")
    [f] = load(write_notice(tmp_path / "n", text)).findings
    assert f.rule == "NG004"
    assert "Quote" in f.hint


def test_an_invalid_id_points_at_the_key(tmp_path: Path) -> None:
    text = BASE.replace("  account:\n", "  Account Stuff:\n")
    [f] = load(write_notice(tmp_path / "n", text)).findings
    assert (f.rule, f.line) == ("NG004", line_of(text, "Account Stuff"))
    assert "not a valid id" in f.message


def test_missing_field_points_at_the_mapping_that_lacks_it(tmp_path: Path) -> None:
    text = BASE.replace("    label: Managing your account\n", "")
    [f] = load(write_notice(tmp_path / "n", text)).findings
    assert f.rule == "NG005"
    assert f.position == Position(line_of(text, "  account:"), 3)
    assert "`label`" in f.message


def test_a_missing_top_level_section_is_reported(tmp_path: Path) -> None:
    start, end = BASE.index("scope:"), BASE.index("data:")
    text = BASE[:start] + BASE[end:]
    [f] = load(write_notice(tmp_path / "n", text)).findings
    assert (f.rule, f.message) == ("NG005", "Required field `scope` is missing.")


def test_several_problems_give_one_finding_each_at_their_lines(tmp_path: Path) -> None:
    text = (
        BASE.replace("legal_basis: contract", "legal_basis: contrat")
        .replace("  title: Privacy Notice\n", "  title: Privacy Notice\n  titel: Typo\n")
        .replace("scope:\n", "scope:\n  applies_to: [first]\n", 1)
    )
    findings = load(write_notice(tmp_path / "n", text)).findings
    got = sorted((f.rule, f.line) for f in findings)
    assert got == sorted(
        [
            ("NG002", line_of(text, "applies_to: [The example.com website]")),
            ("NG003", line_of(text, "titel")),
            ("NG004", line_of(text, "contrat")),
        ]
    )


def test_dangling_references_are_found_by_lint_at_the_reference(tmp_path: Path) -> None:
    text = BASE.replace(
        "    data: [contact.email]\n    legal_basis: contract",
        "    data: [contact.email, contact.phone]\n    legal_basis: contract",
    ) + (
        "recipients:\n"
        "  mailer:\n"
        "    label: Mail provider\n"
        "    kind: processor\n"
        "    purposes: [newsletter]\n"
    )
    findings = lint(load(write_notice(tmp_path / "n", text)), Config(select=("NG1", "NG201")))
    line = line_of(text, "purposes: [newsletter]")
    column = text.splitlines()[line - 1].index("newsletter") + 1
    assert [f.position for f in by_rule(findings, "NG101")] == [Position(line, column)]
    undeclared = by_rule(findings, "NG201")
    assert [f.line for f in undeclared] == [line_of(text, "contact.phone]")]
    assert "contact.phone" in undeclared[0].message


def test_empty_notice_file_is_one_finding(tmp_path: Path) -> None:
    [f] = load(write_notice(tmp_path / "n", "")).findings
    assert (f.rule, f.position) == ("NG005", Position(1, 1))


def test_comment_only_notice_file_is_one_finding(tmp_path: Path) -> None:
    [f] = load(write_notice(tmp_path / "n", "# nothing yet\n")).findings
    assert f.rule == "NG005"


@pytest.mark.parametrize(("text", "kind"), [("- a\n- b\n", "a list"), ("just text\n", "a single")])
def test_a_notice_that_is_not_a_mapping_is_one_finding(
    tmp_path: Path, text: str, kind: str
) -> None:
    [f] = load(write_notice(tmp_path / "n", text)).findings
    assert f.rule == "NG004"
    assert kind in f.message


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    folder = tmp_path / "n"
    folder.mkdir()
    (folder / "notice.yaml").write_bytes(b"\xef\xbb\xbf" + BASE.encode())
    assert load(folder).findings == []


def test_latin1_bytes_are_reported_where_they_are(tmp_path: Path) -> None:
    folder = tmp_path / "n"
    folder.mkdir()
    text = "notice:\n  title: \u00abConfidentialit\u00e9\u00bb\n"
    raw = text.encode("utf-8").replace("\u00e9".encode(), "\u00e9".encode("latin-1"))
    (folder / "notice.yaml").write_bytes(raw)
    [f] = load(folder).findings
    assert f.rule == "NG009"
    assert f.position == Position(2, text.splitlines()[1].index("\u00e9") + 1)
    assert "0xe9" in f.message


def test_a_supplement_that_is_a_folder_is_unreadable_not_a_crash(tmp_path: Path) -> None:
    folder = write_notice(tmp_path / "n")
    (folder / "supplements" / "odd.yaml").mkdir(parents=True)
    [f] = load(folder).findings
    assert f.rule == "NG009"


def test_an_empty_required_value_is_reported_on_its_own_line(tmp_path: Path) -> None:
    text = BASE.replace("  title: Privacy Notice\n", "  title:\n")
    [f] = load(write_notice(tmp_path / "n", text)).findings
    assert (f.rule, f.position) == ("NG004", Position(line_of(text, "  title:"), 3))


def test_a_flood_of_schema_problems_is_listed_up_to_a_cap_then_counted(tmp_path: Path) -> None:
    extra = MAX_VALIDATION_FINDINGS + 250
    text = BASE + "".join(f"unknown_{i}: 1\n" for i in range(extra))
    findings = load(write_notice(tmp_path / "n", text)).findings
    assert len(findings) == MAX_VALIDATION_FINDINGS + 1
    assert findings[-1].message.startswith("250 more problems in this file")


def test_following_ng519s_fix_keeps_the_request_channels_on_the_brazilian_page(
    tmp_path: Path,
) -> None:
    # A supplement's `requests` replaces the notice's on its page, so a fix that gave only
    # `response_time` would leave Brazilians with no way to make a request.

    rule = LgpdAccessResponseTooSlow
    fix = rule.doc_sections()["Fix"].removeprefix("```yaml\n").removesuffix("\n```")
    example = rule.doc_sections()["Example"].removeprefix("```yaml\n").removesuffix("\n```")
    header = "supplement: {id: brazil, title: Brasil, jurisdiction: lgpd, applies_to: Brasil}\n"
    folder = write_notice(
        tmp_path / "n", BASE + example + "\n", {"supplements/brazil.yaml": header + fix + "\n"}
    )
    loaded = load(folder)
    assert loaded.notice is not None and not loaded.findings
    assert not by_rule(lint(loaded, Config(), ("lgpd",)), rule.code)
    page = html.render_supplement(
        loaded.supplements[0][1],
        loaded.notice,
        Strings("en"),
        notice_href="index.html",
        languages=[],
    )
    requests = page[page.index('id="requests"') :]
    assert 'href="mailto:privacy@example.com"' in requests
    assert "supplement" in rule.hint and "methods" in rule.hint


def _with_methods(*methods: str) -> str:
    return BASE + "requests:\n  methods:\n" + "".join(f"    - {m}\n" for m in methods)


@pytest.mark.parametrize(
    "method",
    [
        '{kind: in_account, value: "In the app: Settings > Privacy"}',
        '{kind: phone, value: "+44 (0)20 7946 0958 ext. 12"}',
        '{kind: toll_free_phone, value: "+1 800 555 0199 x 7"}',
        '{kind: email, value: "first.last+privacy@example.co.uk"}',
    ],
)
def test_request_methods_accept_what_readers_write(tmp_path: Path, method: str) -> None:
    assert load(write_notice(tmp_path / "n", _with_methods(method))).findings == []


@pytest.mark.parametrize(
    "address",
    [
        "privacy@example.com?subject=Hi&body=Click%20evil.example",
        "privacy%40example.com%2Cspy@evil.example",
        "privacy@example.com,spy@evil.example",
        "privacy@example.com/x:y",
    ],
)
def test_an_address_that_would_add_to_its_mailto_link_is_refused_everywhere(
    tmp_path: Path, address: str
) -> None:
    # The controller's address and an email request method become the same mailto: link, so
    # they are checked by the same `Email` type.
    controller = BASE.replace("email: privacy@example.com", f'email: "{address}"', 1)
    [f] = load(write_notice(tmp_path / "c", controller)).findings
    assert (f.rule, f.position.line) == ("NG004", line_of(controller, address))
    method = _with_methods(f'{{kind: email, value: "{address}"}}')
    [f] = load(write_notice(tmp_path / "m", method)).findings
    assert f.rule == "NG004"
    assert "an `email` request method needs an email address" in f.message


@pytest.mark.parametrize(
    ("method", "needs"),
    [
        ('{kind: in_account, value: " "}', "an `in_account` request method needs"),
        ('{kind: web_form, value: "javascript:alert(1)"}', "a `web_form` request method needs"),
        ('{kind: phone, value: "call us"}', "a `phone` request method needs"),
    ],
)
def test_a_request_method_that_does_not_fit_its_kind_says_what_it_needs(
    tmp_path: Path, method: str, needs: str
) -> None:
    [f] = load(write_notice(tmp_path / "n", _with_methods(method))).findings
    assert f.rule == "NG004" and needs in f.message


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [("email: privacy@example.com", "email: privacy@example.com?bcc=x@example.net",
      "is not an email address, such as `privacy@example.com`"),
     ("country: BE", "country: Belgium", "is not an ISO 3166-1 alpha-2 country code")],
)  # fmt: skip
def test_a_value_of_the_wrong_form_is_described_in_words(
    tmp_path: Path, old: str, new: str, words: str
) -> None:
    assert old in BASE
    [f] = load(write_notice(tmp_path / "n", BASE.replace(old, new, 1))).findings
    assert f.rule == "NG004" and words in f.message and "pattern" not in f.message


@pytest.mark.parametrize(
    ("written", "replacement"),
    [
        ("id: example", r'id: "example\n"'),
        ("language: en", r'language: "en\n"'),
        ('version: "1.0.0"', r'version: "1.0.0\n"'),
        ("email: privacy@example.com", r'email: "privacy@example.com\n"'),
        ("country: BE", r'country: "BE\n"'),
        ("period: P1Y", r'period: "P1Y\n"'),
        ("contact.email: {label", r'"contact.email\n": {label'),
    ],
)
def test_a_final_newline_is_not_part_of_a_constrained_value(
    tmp_path: Path, written: str, replacement: str
) -> None:
    """Python's `$` matches before a final newline: `id: "x\n"` used to build `en/x\n.pdf`."""
    assert written in BASE
    text = BASE.replace(written, replacement, 1)
    loaded = load(write_notice(tmp_path, text))
    assert loaded.notice is None
    assert [f.position.line for f in loaded.findings if f.rule == "NG004"] == [
        line_of(text, replacement)
    ]


@pytest.mark.parametrize(
    ("kind", "value"),
    [("email", r'"privacy@example.com\n"'), ("web_form", r'"https://example.com/form\n"')],
)
def test_a_request_method_value_with_a_final_newline_is_refused(
    tmp_path: Path, kind: str, value: str
) -> None:
    text = BASE + f"requests:\n  methods:\n    - {{kind: {kind}, value: {value}}}\n"
    loaded = load(write_notice(tmp_path, text))
    assert [f.rule for f in loaded.findings] == ["NG004"]


def test_a_url_with_a_final_newline_is_refused(tmp_path: Path) -> None:
    text = BASE + 'consent_withdrawal:\n  how: By email.\n  settings_url: "https://x.example\\n"\n'
    loaded = load(write_notice(tmp_path, text))
    assert [(f.rule, f.position.line) for f in loaded.findings] == [
        ("NG004", line_of(text, "settings_url"))
    ]


@pytest.mark.parametrize("version", ["1.3", "1.0", "1.9"])
def test_a_yaml_version_directive_other_than_1_1_or_1_2_is_a_finding(
    tmp_path: Path, version: str
) -> None:
    loaded = load(write_notice(tmp_path, f"# about\n%YAML {version}\n---\n" + BASE))
    assert [(f.rule, f.position.line) for f in loaded.findings] == [("NG001", 2)]
    assert f"%YAML {version}" in loaded.findings[0].message
