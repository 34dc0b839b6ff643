"""`noticegen diff`: plain-words changes, materiality, and git revisions read without checkout."""

from __future__ import annotations

import copy
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from gitrepo import git
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from ruamel.yaml import YAML

from noticegen.cli import main
from noticegen.model import LegalBasis, Notice, Supplement
from noticegen.model.base import ID_RE, duration_days
from noticegen.model.countries import REGIONS, iso_codes
from noticegen.review import compare
from noticegen.review.groups import GROUPS
from noticegen.review.policy import weaker_basis
from noticegen.review.reporters import render_markdown, render_text
from noticegen.review.wording import duration_words

ROOT = Path(__file__).resolve().parents[1]
BASE = ROOT / "tests" / "rules" / "base" / "notice.yaml"
PUBLISHED = ROOT / "tests" / "fixtures" / "ims-as-published"
CURRENT = ROOT / "notice"
_yaml = YAML(typ="safe", pure=True)


def base_data() -> dict[str, Any]:
    return _yaml.load(BASE.read_text(encoding="utf-8"))


def notice(data: dict[str, Any]) -> Notice:
    return Notice.model_validate(data)


def changed(edit: Any) -> tuple[Notice, Notice]:
    old = base_data()
    new = copy.deepcopy(old)
    edit(new)
    return notice(old), notice(new)


# --- durations and bases -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("shorter", "longer"),
    [
        ("P1Y", "P13M"),
        ("P1M", "P31D"),
        ("P30D", "P1M"),
        ("P6M", "P1Y"),
        ("PT23H", "P1D"),
        ("P1W", "P8D"),
    ],
)
def test_duration_order(shorter: str, longer: str) -> None:
    assert duration_days(shorter) < duration_days(longer)


def test_twelve_months_equal_a_year() -> None:
    assert duration_days("P12M") == duration_days("P1Y")


def test_durations_are_measured_in_one_place_with_the_time_part() -> None:
    # The rules (NG330, NG519) and the diff measure with the same helper, beside the pattern.
    from noticegen.model import base

    assert duration_days is base.duration_days
    assert base.duration_days("PT36H") == 1.5
    assert base.duration_days("PT400H") == pytest.approx(400 / 24)
    assert base.duration_days("P1DT12H30M") == pytest.approx(1.5 + 30 / 1440)
    with pytest.raises(ValueError, match="not an ISO 8601 duration"):
        base.duration_days("15 days")


def test_duration_words() -> None:
    assert duration_words("P1Y6M") == "1 year and 6 months"
    assert duration_words("PT30M") == "30 minutes"


_ISO_DURATION = re.compile(r"\bP(T?\d+[YMWDHS])+\b")


def test_durations_are_written_in_words_everywhere() -> None:
    cookie = {"name": "Session", "provider": "Us", "purpose": "account", "duration": "P45D",
              "strictly_necessary": True, "consent": False}  # fmt: skip
    old, new = base_data(), base_data()
    old["cookies"] = {"session": cookie}
    new["cookies"] = {"session": {**cookie, "duration": "P90D"}}
    old["requests"] = {"response_time": "P45D"}
    new["requests"] = {"response_time": "P90D"}
    supplement = {"supplement": {"id": "ca", "title": "California", "jurisdiction": "ccpa",
                  "applies_to": "Residents"}, "requests": {"response_time": "P45D"}}  # fmt: skip
    later = copy.deepcopy(supplement)
    later["requests"]["response_time"] = "P90D"
    diff = compare(
        notice(old),
        notice(new),
        {"supplements/ca.yaml": Supplement.model_validate(supplement)},
        {"supplements/ca.yaml": Supplement.model_validate(later)},
    )
    texts = [c.text for c in diff.changes]
    assert len(texts) == 3, texts
    assert all("from 45 days to 90 days" in t for t in texts), texts
    for render in (render_text, render_markdown):
        assert not _ISO_DURATION.search(render(diff))


def test_weaker_basis() -> None:
    assert weaker_basis(LegalBasis.CONSENT, LegalBasis.LEGITIMATE_INTERESTS)
    assert weaker_basis(LegalBasis.CONSENT, LegalBasis.CONTRACT)
    assert weaker_basis(LegalBasis.CONTRACT, LegalBasis.LEGITIMATE_INTERESTS)
    assert not weaker_basis(LegalBasis.LEGITIMATE_INTERESTS, LegalBasis.CONSENT)
    assert not weaker_basis(LegalBasis.CONTRACT, LegalBasis.LEGAL_OBLIGATION)
    assert not weaker_basis(None, LegalBasis.CONSENT)


# --- materiality ---------------------------------------------------------------------------


def test_identical_notices_have_no_changes() -> None:
    assert compare(notice(base_data()), notice(base_data())).changes == ()


def test_new_recipient_is_material_and_named_in_plain_words() -> None:
    def edit(n: dict[str, Any]) -> None:
        n["data"]["device.ip"] = {"label": "IP address", "source": "observed"}
        n["purposes"]["account"]["data"].append("device.ip")
        n["recipients"] = {
            "analytics": {
                "label": "Analytics provider",
                "kind": "processor",
                "data": ["device.ip", "contact.email"],
                "purposes": ["account"],
            }
        }

    diff = compare(*changed(edit))
    recipient = [c for c in diff.changes if c.group == "recipients"]
    assert len(recipient) == 1 and recipient[0].material
    text = recipient[0].text
    for words in (
        "New recipient",
        "Analytics provider",
        "processor",
        "IP address",
        "Email address",
    ):
        assert words in text
    assert {c.group for c in diff.material} == {"data", "purposes", "recipients"}


def test_new_recipient_whose_role_the_notice_does_not_state_is_named_without_one() -> None:
    def edit(n: dict[str, Any]) -> None:
        n["recipients"] = {"partners": {"label": "Partners", "data": ["contact.email"]}}

    diff = compare(*changed(edit))
    [recipient] = [c for c in diff.changes if c.group == "recipients"]
    assert recipient.material
    assert recipient.text == (
        "New recipient: Partners (`partners`), receives Email address (`contact.email`)."
    )


def test_removals_are_not_material() -> None:
    def edit(n: dict[str, Any]) -> None:
        del n["rights"]["access"]
        n["retention"][0]["period"] = "P6M"

    diff = compare(*changed(edit))
    retention = [c for c in diff.changes if c.group == "retention"]
    assert retention and not any(c.material for c in retention)
    assert "6 months" in retention[0].text and "1 year" in retention[0].text


@pytest.mark.parametrize(
    ("period", "material"), [("P13M", True), ("P12M", False), ("P2Y", True), ("P364D", False)]
)
def test_longer_retention_is_material(period: str, material: bool) -> None:
    def edit(n: dict[str, Any]) -> None:
        n["retention"][0]["period"] = period

    assert [c.material for c in compare(*changed(edit)).changes] == [material]


def test_data_moved_to_a_longer_rule_is_material() -> None:
    def edit(n: dict[str, Any]) -> None:
        n["retention"] = [{"id": "archive", "data": ["contact.email"], "period": "P5Y"}]

    diff = compare(*changed(edit))
    assert any(c.material and "5 years" in c.text for c in diff.changes)


@pytest.mark.parametrize(
    ("old", "new", "material"),
    [
        ("consent", "legitimate_interests", True),
        ("legitimate_interests", "consent", False),
        ("contract", "legal_obligation", False),
    ],
)
def test_weaker_legal_basis_is_material(old: str, new: str, material: bool) -> None:
    start = base_data()
    start["purposes"]["account"]["legal_basis"] = old
    start["purposes"]["account"]["legitimate_interest"] = "Running the service"
    end = copy.deepcopy(start)
    end["purposes"]["account"]["legal_basis"] = new
    diff = compare(notice(start), notice(end))
    basis = [c for c in diff.changes if c.subject.endswith("legal_basis")]
    assert len(basis) == 1
    assert basis[0].material is material
    assert old.replace("_", " ") in basis[0].text and new.replace("_", " ") in basis[0].text


def test_every_change_is_reported_once_and_in_group_order() -> None:
    def edit(n: dict[str, Any]) -> None:
        n["notice"]["version"] = "1.1.0"
        n["controller"]["email"] = "privacy@example.org"
        n["purposes"]["account"]["label"] = "Your account"
        n["data"]["contact.email"]["source"] = "third_party"

    diff = compare(*changed(edit))
    subjects = [c.subject for c in diff.changes]
    assert sorted(subjects) == sorted(
        [
            "notice.version",
            "controller.email",
            "purposes.account.label",
            "data.contact.email.source",
        ]
    )
    order = list(GROUPS)
    assert [order.index(c.group) for c in diff.changes] == sorted(
        order.index(c.group) for c in diff.changes
    )


def test_markdown_escapes_text_from_the_notice() -> None:
    def edit(n: dict[str, Any]) -> None:
        n["purposes"]["spy"] = {
            "label": "<img src=x onerror=alert(1)> ping @everyone [x](javascript:alert(1))",
            "description": "d",
            "data": ["contact.email"],
            "legal_basis": "contract",
        }

    markdown = render_markdown(compare(*changed(edit)))
    assert "\\<img" in markdown and not re.search(r"(?<!\\)<", markdown)
    assert "@everyone" not in markdown
    assert "[x](javascript" not in markdown


# Line breaks of every kind, a terminal escape, a bidirectional override, and a workflow command.
_CONTROL_TEXT = "x\n::error::pwned\r\x1b[2J\u2028::warning::y\u202e\x85z"


def test_text_from_the_notice_stays_on_its_line_in_every_format() -> None:
    def edit(n: dict[str, Any]) -> None:
        n["data"]["contact.email"]["label"] = _CONTROL_TEXT

    diff = compare(*changed(edit))
    for render in (render_text, render_markdown):
        out = render(diff)
        assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u202e]", out), render
        assert not [line for line in out.split("\n") if line.lstrip().startswith("::")]
    assert "x\\n::error::pwned\\r\\x1b[2J" in render_text(diff)


_MARKDOWN_PROBES = [*"`![]()<>&*_~#|\\@:/.-=+ \n\t1aX;", "``", "](", "<img", "&lt;", "www."]
_NOTICE_TEXT = st.lists(
    st.one_of(st.sampled_from(_MARKDOWN_PROBES), st.characters(codec="utf-8")), max_size=30
).map("".join)


def assert_only_noticegen_markup(markdown: str) -> None:
    """Rendered as CommonMark with raw HTML on (as many renderers do), the Markdown holds no
    image, link or HTML but noticegen's own folding, and code only around ids."""
    own_html = re.compile(r"<details><summary>All \d+ changes, by topic</summary>\n|</details>\n")
    tokens = MarkdownIt("commonmark").parse(markdown)
    for token in [*tokens, *(c for t in tokens for c in t.children or [])]:
        assert token.type not in ("image", "link_open", "html_inline", "autolink"), token
        if token.type == "html_block":
            assert own_html.fullmatch(token.content), token.content
        if token.type == "code_inline":
            assert ID_RE.match(token.content), token.content
    assert not re.search(r"@\w", MarkdownIt("commonmark").render(markdown))


def test_markdown_cannot_pair_a_backtick_from_the_notice() -> None:
    def edit(n: dict[str, Any]) -> None:
        n["data"]["contact.email"]["label"] = "``![x](https://evil.example/p.png)`"

    markdown = render_markdown(compare(*changed(edit)))
    assert "<img" not in MarkdownIt("commonmark").render(markdown)
    assert_only_noticegen_markup(markdown)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# A recipient's country is a checked code now, so the notice's text cannot reach it.
@given(
    label=_NOTICE_TEXT,
    description=_NOTICE_TEXT,
    country=st.sampled_from([*sorted(iso_codes()), *REGIONS]),
    summary=_NOTICE_TEXT,
)
def test_markdown_shows_notice_text_as_text(
    label: str, description: str, country: str, summary: str
) -> None:
    def edit(n: dict[str, Any]) -> None:
        n["data"]["contact.email"]["label"] = label
        n["purposes"]["account"]["description"] = description
        n["recipients"] = {
            "mailer": {"label": label, "kind": "processor", "countries": [country, "BE"]}
        }
        n["changes"] = {
            "how_notified": description,
            "log": [{"version": "1.0.0", "date": "2026-01-01", "summary": summary}],
        }

    assert_only_noticegen_markup(render_markdown(compare(*changed(edit))))


# --- the command ---------------------------------------------------------------------------


def test_published_to_current_lists_material_changes_as_json() -> None:
    result = CliRunner().invoke(main, ["diff", str(PUBLISHED), str(CURRENT), "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    changes = document["changes"]
    assert document["summary"] == {
        "changes": len(changes),
        "material": sum(c["material"] for c in changes),
    }
    assert document["material"] is True
    assert all(c["group"] in GROUPS and c["text"] for c in changes)
    assert all(c["reason"] for c in changes if c["material"])
    assert document["old"]["version"] != document["new"]["version"]


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_published_to_current_in_words(fmt: str) -> None:
    result = CliRunner().invoke(main, ["diff", str(PUBLISHED), str(CURRENT), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert "GDPR Art. 13(3)" in result.output
    assert "Recipients" in result.output and "New recipient" in result.output


def test_a_side_that_is_not_a_notice_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["diff", str(tmp_path), str(CURRENT)])
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1


def test_an_invalid_notice_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "notice.yaml").write_text("notice: {id: x}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(tmp_path), str(CURRENT)])
    assert result.exit_code == 2
    assert "not a valid notice" in result.output


@pytest.mark.parametrize(
    ("file", "text"),
    [
        ("notice.yaml", BASE.read_text(encoding="utf-8") + "rights:\n  erasure: {}\n"),
        (
            "supplements/ca.yaml",
            "supplement: {id: ca, title: California, jurisdiction: ccpa, applies_to: Residents}\n"
            "rights:\n  know: {}\n  know: {}\n",
        ),
    ],
)
def test_a_side_with_loading_errors_is_a_usage_error(tmp_path: Path, file: str, text: str) -> None:
    """A duplicate key loads (one value wins), but the diff would compare a guess."""
    shutil.copy(BASE, tmp_path / "notice.yaml")
    (tmp_path / file).parent.mkdir(exist_ok=True)
    (tmp_path / file).write_text(text, encoding="utf-8")
    for sides in ([str(BASE.parent), str(tmp_path)], [str(tmp_path), str(BASE.parent)]):
        result = CliRunner().invoke(main, ["diff", *sides])
        assert result.exit_code == 2, result.output
        assert len(result.output.strip().splitlines()) == 1
        assert f"NG002 at {file}:" in result.output


# --- git revisions -------------------------------------------------------------------------


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with two commits of notice/: the second adds a recipient."""
    root = tmp_path / "repo"
    (root / "notice").mkdir(parents=True)
    git(root, "init", "-q")
    shutil.copy(BASE, root / "notice" / "notice.yaml")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "first")
    text = BASE.read_text(encoding="utf-8") + (
        "recipients:\n"
        "  mailer: {label: Mail provider, kind: processor, data: [contact.email], "
        "purposes: [account]}\n"
    )
    (root / "notice" / "notice.yaml").write_text(text, encoding="utf-8")
    git(root, "commit", "-q", "-am", "second")
    return root


def snapshot(root: Path) -> dict[str, tuple[int, bytes]]:
    """Every work-tree file, and git's HEAD and index, with modification times."""
    files = [p for p in root.rglob("*") if p.is_file() and ".git" not in p.relative_to(root).parts]
    files += [root / ".git" / "HEAD", root / ".git" / "index"]
    return {str(p): (p.stat().st_mtime_ns, p.read_bytes()) for p in files}


def test_diff_against_a_revision_reads_git_without_touching_the_tree(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo)
    (repo / "notice" / "notice.yaml").write_text(
        (repo / "notice" / "notice.yaml").read_text(encoding="utf-8").replace("P1Y", "P3Y"),
        encoding="utf-8",
    )  # a dirty working tree is the usual case: it is compared, not refused
    status = git(repo, "status", "--porcelain")  # before the snapshot: status refreshes the index
    before = snapshot(repo)
    result = CliRunner().invoke(main, ["diff", "HEAD~1", "--format", "json"])
    assert result.exit_code == 0, result.output
    subjects = {c["subject"]: c["material"] for c in json.loads(result.output)["changes"]}
    assert subjects["recipients.mailer"] is True
    assert subjects["retention.account_data.period"] is True
    assert snapshot(repo) == before
    assert git(repo, "status", "--porcelain") == status


def test_diff_between_two_revisions(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(main, ["diff", "HEAD~1", "HEAD", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [c["subject"] for c in json.loads(result.output)["changes"]] == ["recipients.mailer"]


def test_diff_with_a_notice_folder_elsewhere_in_the_repo(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    git(repo, "mv", "notice", "legal")
    git(repo, "commit", "-q", "-m", "move")
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(main, ["diff", "HEAD~1", "HEAD", "--path", "legal"])
    assert result.exit_code == 2 and "no folder 'legal'" in result.output
    result = CliRunner().invoke(main, ["diff", "HEAD", "legal", "--path", "legal"])
    assert result.exit_code == 0 and "No change" in result.output


@pytest.mark.parametrize("where", ["notice", "notice/supplements", "docs"])
def test_path_is_read_from_the_top_of_the_repository(
    repo: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    (repo / where).mkdir(exist_ok=True)
    monkeypatch.chdir(repo / where)
    result = CliRunner().invoke(main, ["diff", "HEAD~1", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [c["subject"] for c in json.loads(result.output)["changes"]] == ["recipients.mailer"]


@pytest.mark.parametrize(
    ("revision", "message"),
    [("no-such-branch", "unknown git revision"), ("--output=/tmp/x", "not a git revision")],
)
def test_bad_revisions_are_one_line_usage_errors(
    repo: Path, monkeypatch: pytest.MonkeyPatch, revision: str, message: str
) -> None:
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(main, ["diff", "--", revision])
    assert result.exit_code == 2
    assert message in result.output and len(result.output.strip().splitlines()) == 1


def test_shallow_clone_missing_the_revision(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", repo.as_uri(), str(shallow))
    monkeypatch.chdir(shallow)
    result = CliRunner().invoke(main, ["diff", "HEAD~1"])
    assert result.exit_code == 2
    assert "shallow" in result.output and len(result.output.strip().splitlines()) == 1


def test_revision_outside_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "notice").mkdir()
    shutil.copy(BASE, tmp_path / "notice" / "notice.yaml")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["diff", "HEAD"])
    assert result.exit_code == 2 and "not inside a git repository" in result.output


def test_supplement_changes_are_reported(tmp_path: Path) -> None:
    supplement = (
        "supplement: {id: ca, title: California, jurisdiction: ccpa, applies_to: Residents}\n"
        "rights:\n  know: {}\n  delete: {}\n"
    )
    for side, text in (("old", supplement), ("new", supplement.replace("  delete: {}\n", ""))):
        (tmp_path / side / "supplements").mkdir(parents=True)
        shutil.copy(BASE, tmp_path / side / "notice.yaml")
        (tmp_path / side / "supplements" / "ca.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["diff", str(tmp_path / "old"), str(tmp_path / "new"), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    changes = json.loads(result.output)["changes"]
    assert [(c["subject"], c["material"]) for c in changes] == [
        ("supplements.ca.rights.delete", True)
    ]
    assert "California" in changes[0]["text"]


def test_markdown_puts_material_changes_first_and_folds_a_long_list() -> None:
    result = CliRunner().invoke(
        main, ["diff", str(PUBLISHED), str(CURRENT), "--format", "markdown"]
    )
    assert result.exit_code == 0, result.output
    text = result.output
    assert text.index("### Material changes") < text.index("<details>") < text.index("</details>")
    material = text[text.index("### Material changes") : text.index("<details>")]
    assert (
        material.count("\n- ")
        == json.loads(
            CliRunner()
            .invoke(main, ["diff", str(PUBLISHED), str(CURRENT), "--format", "json"])
            .output
        )["summary"]["material"]
    )


def test_default_new_side_missing_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["diff", str(CURRENT)])
    assert result.exit_code == 2 and "no notice folder in the working tree" in result.output


def test_a_parent_notice_and_what_it_covers_are_compared_in_words() -> None:
    def edit(n: dict[str, Any]) -> None:
        n["notice"]["parent"] = {
            "title": "Group Privacy Policy",
            "url": "https://group.example/privacy",
            "covers": ["rights", "security"],
        }

    changes = compare(*changed(edit)).changes
    assert [c.group for c in changes] == ["notice"]
    assert "Group Privacy Policy" in changes[0].text
    assert "https://group.example/privacy" in changes[0].text


def test_a_purpose_taken_back_from_another_controller_is_material() -> None:
    def run_for_the_shop(n: dict[str, Any]) -> None:
        n["purposes"]["account"]["on_behalf_of"] = "The shop that runs the site"

    run_for, own = changed(run_for_the_shop)[::-1]
    diff = compare(run_for, own)
    assert [c.material for c in diff.changes] == [True]
    assert "The shop that runs the site" in diff.changes[0].text
    assert not any(c.material for c in compare(own, run_for).changes)
