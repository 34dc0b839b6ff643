"""The PO reader behind lint: every problem at its line, and no input that makes it crash."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from noticegen.i18n.catalogs import write_catalog
from noticegen.i18n.pofile import read_catalog
from noticegen.lint.config import Config
from noticegen.lint.linting import lint
from noticegen.sources.loading import load

FIXTURE_CATALOG = Path(__file__).parent / "fixtures" / "notice" / "locales" / "fr.po"
PIECES = [b'"', b"\\", b"\n", b"msgid ", b"msgstr ", b"msgctxt ", b'#| msgid "', b"#, fuzzy\n",
          b'msgstr[1] "x"\n', b'msgid_plural "p"\n', b"\xff", b"\x00", b"#~ ", b"<b>",
          b'"Plural-Forms: nplurals=x; plural=(n;\\n"\n']  # fmt: skip


def _read(tmp_path: Path, data: bytes, tag: str = "fr") -> object:
    path = tmp_path / "fr.po"
    path.write_bytes(data)
    return read_catalog(path, tag)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    edits=st.lists(
        st.tuples(st.floats(0, 1), st.sampled_from(PIECES), st.integers(0, 40)),
        min_size=1,
        max_size=6,
    )
)
def test_a_damaged_catalog_gives_problems_never_an_exception(
    tmp_path: Path, edits: list[tuple[float, bytes, int]]
) -> None:
    data = bytearray(FIXTURE_CATALOG.read_bytes())
    for where, piece, cut in edits:
        at = int(where * len(data))
        data[at : at + cut] = piece
    po = _read(tmp_path, bytes(data))
    assert all(p.line >= 1 for p in po.problems)  # type: ignore[attr-defined]


def test_problems_carry_their_line(tmp_path: Path) -> None:
    text = (
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Plural-Forms: nplurals=3; plural=(n > 1);\\n"\n\n'
        'msgctxt "a"\nmsgid "A"\nmsgstr "Un"\n\n'
        'msgctxt "a"\nmsgid "A"\nmsgstr "Une"\n\n'
        'msgctxt "b"\nmsgid "B"\nmsgstr "Deux\n'
    )
    po = _read(tmp_path, text.encode())
    found = sorted((p.line, p.kind) for p in po.problems)  # type: ignore[attr-defined]
    assert found == [(4, "plural"), (11, "duplicate"), (16, "syntax")]


def test_the_previous_source_survives_a_read_and_a_write(tmp_path: Path) -> None:
    text = (
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n'
        '#, fuzzy\n#| msgid ""\n#| "Old first line\\n"\n#| "old second line."\n'
        'msgctxt "a"\nmsgid "New text."\nmsgstr "Ancien texte."\n'
    )
    path = tmp_path / "fr.po"
    path.write_text(text, encoding="utf-8")
    catalog = read_catalog(path, "fr").catalog
    assert catalog is not None
    message = catalog.get("New text.", context="a")
    assert message.previous_id == ["Old first line\nold second line."]
    assert message.fuzzy and not message.user_comments
    write_catalog(path, catalog)
    written = path.read_text(encoding="utf-8")
    assert '#| msgid ""\n#| "Old first line\\n"\n#| "old second line."\nmsgctxt "a"' in written
    again = read_catalog(path, "fr").catalog
    assert again is not None
    assert again.get("New text.", context="a").previous_id == message.previous_id


TRANSLATIONS = [b'msgstr "[x](javascript:alert(1))"\n', b'msgstr "<script>x</script>"\n',
                b'msgstr "# heading\\n- item\\n"\n', 'msgstr "\u2028    code"\n'.encode(),
                'msgstr "We do not \u017fell your data."\n'.encode()]  # fmt: skip


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    edits=st.lists(
        st.tuples(st.floats(0, 1), st.sampled_from(PIECES + TRANSLATIONS), st.integers(0, 40)),
        min_size=1,
        max_size=6,
    )
)
def test_lint_reports_damaged_catalogs_without_a_rule_failing(
    tmp_path: Path, edits: list[tuple[float, bytes, int]]
) -> None:
    notice = tmp_path / "notice"
    if not notice.exists():
        shutil.copytree(FIXTURE_CATALOG.parents[1], notice)
    data = bytearray(FIXTURE_CATALOG.read_bytes())
    for where, piece, cut in edits:
        at = int(where * len(data))
        data[at : at + cut] = piece
    (notice / "locales" / "fr.po").write_bytes(bytes(data))
    findings = lint(load(notice), Config())
    assert not [f for f in findings if "Internal error" in f.message]
    assert all(f.line >= 1 for f in findings if f.file.endswith(".po"))


@pytest.mark.parametrize(
    ("translation", "reported"),
    list(zip(TRANSLATIONS, [True, True, True, True, False], strict=True)),
)
def test_each_odd_translation_reaches_the_rules_without_one_failing(
    tmp_path: Path, translation: bytes, reported: bool
) -> None:
    shutil.copytree(FIXTURE_CATALOG.parents[1], tmp_path / "notice")
    catalog = tmp_path / "notice" / "locales" / "fr.po"
    lines = catalog.read_bytes().splitlines(keepends=True)
    # Every translated entry gets the odd translation: each i18n rule meets it.
    odd = [translation if line.startswith(b'msgstr "') and line != b'msgstr ""\n' else line
           for line in lines]  # fmt: skip
    assert odd != lines
    catalog.write_bytes(b"".join(odd))
    findings = lint(load(tmp_path / "notice"), Config())
    assert not [f for f in findings if "Internal error" in f.message]
    # A link, raw HTML or a block the source lacks is reported; a plain sentence is not.
    assert bool([f for f in findings if f.file.endswith("fr.po")]) is reported


def test_a_previous_msgid_comment_cut_short_is_a_problem(tmp_path: Path) -> None:
    # found by the property test above: Babel's parser raised AttributeError on this
    data = bytearray(FIXTURE_CATALOG.read_bytes())
    for where, piece, cut in [
        (0.0, b'"', 0),
        (0.0, b'#| msgid "', 6),
        (0.109375, b'#| msgid "', 16),
        (0.109375, b"#, fuzzy\n", 8),
    ]:
        at = int(where * len(data))
        data[at : at + cut] = piece
    po = _read(tmp_path, bytes(data))
    assert po.problems  # type: ignore[attr-defined]
