"""YAML text -> plain data, positions and problems, with every hostile-input guard."""

from __future__ import annotations

import datetime

import pytest

from noticegen.model.findings import Position
from noticegen.sources import yamlsource
from noticegen.sources.yamlsource import (
    FLOW_RUN_LIMIT,
    MAX_ALIASES,
    MAX_DEPTH,
    MAX_DUPLICATES,
    MAX_ENTRIES,
    MAX_TEXT_CHARS,
    MAX_VALUES,
    parse_yaml,
)


@pytest.fixture(autouse=True, params=["libyaml", "pure"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test runs with libyaml (when installed) and with ruamel's pure parser alone."""
    if request.param == "pure":
        monkeypatch.setattr(yamlsource, "_LibyamlParser", None)
    elif yamlsource._LibyamlParser is None:
        pytest.skip("ruamel.yaml[libyaml] is not installed")
    return str(request.param)


def kinds(text: str) -> list[str]:
    return [p.kind for p in parse_yaml(text).problems]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: ~", None),
        ("a: null", None),
        ("a:", None),
        ("a: true", True),
        ("a: False", False),
        ("a: yes", "yes"),  # YAML 1.2: only true/false are booleans
        ("a: no", "no"),
        ("a: 42", 42),
        ("a: -7", -7),
        ("a: 0x1f", 31),
        ("a: 0o17", 15),
        ("a: 1.10", 1.1),  # why versions need quotes
        ('a: "1.10"', "1.10"),
        ("a: 2026-01-31", datetime.date(2026, 1, 31)),
        ("a: 2026-02-31", "2026-02-31"),  # not a date: stays text for the model to refuse
        ("a: P3Y", "P3Y"),
        ("a: '42'", "42"),
    ],
)
def test_plain_scalars_resolve_like_yaml_1_2(text: str, expected: object) -> None:
    result = parse_yaml(text)
    assert result.problems == []
    assert result.data == {"a": expected}
    assert type(result.data["a"]) is type(expected)


def test_positions_of_keys_values_and_items_are_one_based() -> None:
    text = "notice:\n  id: x\n  languages: [en, fr]\ndata:\n  - first\n  - second\n"
    parsed = parse_yaml(text)
    assert parsed.key_positions[("notice",)] == Position(1, 1)
    assert parsed.key_positions[("notice", "id")] == Position(2, 3)
    assert parsed.value_positions[("notice", "id")] == Position(2, 7)
    assert parsed.key_positions[("notice", "languages", 1)] == Position(3, 19)
    assert parsed.key_positions[("data", 1)] == Position(6, 5)


def test_position_falls_back_to_the_nearest_existing_ancestor() -> None:
    parsed = parse_yaml("notice:\n  id: x\n")
    assert parsed.position(("notice", "title")) == Position(1, 1)
    assert parsed.position(("notice", "id", "deeper")) == Position(2, 3)
    assert parsed.position(("notice", "id"), prefer_value=True) == Position(2, 7)


def test_duplicate_key_is_reported_at_the_second_occurrence_and_the_first_value_kept() -> None:
    parsed = parse_yaml("a: 1\nb: 2\na: 3\n")
    assert [(p.kind, p.position) for p in parsed.problems] == [("duplicate", Position(3, 1))]
    assert "line 1" in parsed.problems[0].message
    assert parsed.data == {"a": 1, "b": 2}


def test_duplicate_keys_in_nested_and_flow_mappings() -> None:
    parsed = parse_yaml("x:\n  y: {k: 1, k: 2}\n  y: 3\n")
    assert sorted(p.position for p in parsed.problems) == [Position(2, 13), Position(3, 3)]


def test_a_flood_of_duplicate_keys_is_capped() -> None:
    text = "".join("a: 1\n" for _ in range(MAX_DUPLICATES * 20))
    parsed = parse_yaml(text)
    assert len(parsed.problems) == MAX_DUPLICATES + 1
    assert "stopped" in parsed.problems[-1].message


def test_tab_indentation_is_a_syntax_error_on_its_line_with_a_hint() -> None:
    parsed = parse_yaml("notice:\n  id: x\npurposes:\n\tmarketing: {}\n")
    (problem,) = parsed.problems
    assert problem.kind == "syntax"
    assert problem.position.line == 4
    assert "space" in problem.hint.lower()
    assert parsed.data is None


@pytest.mark.parametrize(
    "text",
    [
        "a: !!str x\n",
        "a: !custom x\n",
        "a: !!python/object/apply:os.system ['echo pwned']\n",
        "!!map {a: 1}\n",
        "a: !!binary aGVsbG8=\n",
    ],
)
def test_every_explicit_tag_is_refused(text: str) -> None:
    assert kinds(text) == ["tag"]


def test_a_few_aliases_are_allowed() -> None:
    parsed = parse_yaml("base: &b [a, b]\nother: *b\n")
    assert parsed.problems == []
    assert parsed.data["other"] == ["a", "b"]


def test_alias_count_is_capped() -> None:
    text = "x: &x 1\n" + "".join(f"k{i}: *x\n" for i in range(MAX_ALIASES + 1))
    assert kinds(text) == ["aliases"]


def test_billion_laughs_is_refused_before_expanding() -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    parsed = parse_yaml("\n".join(lines))
    assert kinds("\n".join(lines)) == ["aliases"]
    assert parsed.data is None


def test_alias_without_anchor_is_a_syntax_problem() -> None:
    assert kinds("a: *nowhere\n") == ["syntax"]


def test_nesting_beyond_the_cap_is_refused_with_its_position() -> None:
    # line 1 is the root mapping (depth 0); the mapping on line n + 1 is at depth n
    text = "a:\n" + "".join(" " * (i + 1) + f"k{i}:\n" for i in range(MAX_DEPTH + 5))
    (problem,) = parse_yaml(text).problems
    assert problem.kind == "too-large"
    assert problem.position.line == MAX_DEPTH + 2


def test_nesting_at_the_cap_is_accepted() -> None:
    text = "a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)
    assert parse_yaml(text).problems == []


@pytest.mark.parametrize("opener", ["[", "{a: ", "[{a: ", "- "])
def test_ten_thousand_levels_of_nesting_are_refused(opener: str) -> None:
    closer = {"[": "]", "{a: ": "}", "[{a: ": "}]", "- ": ""}[opener]
    text = "a: " + opener * 10_000 + "x" + closer * 10_000 if opener != "- " else opener * 10_000
    problems = parse_yaml(text).problems
    assert [p.kind for p in problems] == ["too-large"]


def test_a_run_of_brackets_is_refused_before_parsing() -> None:
    (problem,) = parse_yaml("a: 1\nb: " + "[" * (FLOW_RUN_LIMIT + 1)).problems
    assert problem.kind == "too-large"
    assert problem.position == Position(2, 4)


def test_brackets_in_prose_are_not_mistaken_for_nesting() -> None:
    text = "a: |\n  See [the contact details](#controller) and [[wiki]] links.\n"
    assert parse_yaml(text).problems == []


def test_a_second_document_is_refused() -> None:
    (problem,) = parse_yaml("a: 1\n---\nb: 2\n").problems
    assert problem.kind == "syntax"
    assert problem.position.line == 2


def test_an_explicit_document_end_is_fine() -> None:
    parsed = parse_yaml("---\na: 1\n...\n")
    assert parsed.problems == []
    assert parsed.data == {"a": 1}


def test_escaped_surrogates_are_refused_because_they_cannot_be_written_back() -> None:
    assert kinds('a: "\\ud800"\n') == ["syntax"]
    assert kinds('"\\udfff": 1\n') == ["syntax"]


def test_an_over_long_number_stays_text_instead_of_crashing() -> None:
    parsed = parse_yaml("a: " + "9" * 5000)
    assert parsed.problems == []
    assert isinstance(parsed.data["a"], str)


def test_a_non_scalar_key_is_a_type_problem() -> None:
    assert kinds("? [a, b]\n: 1\n") == ["type"]


def test_empty_text_parses_cleanly_to_nothing() -> None:
    parsed = parse_yaml("")
    assert parsed.data is None
    assert parsed.parsed_cleanly
    assert parsed.problems == []


@pytest.mark.parametrize("text", ["\x07", "a: 'unclosed\n", "a: b: c\n", "[a, b\n", "{a: 1\n"])
def test_syntax_errors_are_problems_with_a_position(text: str) -> None:
    (problem,) = parse_yaml(text).problems
    assert problem.kind == "syntax"
    assert problem.position.line >= 1
    assert problem.position.column >= 1
    assert problem.message.startswith("YAML syntax error")


def test_an_empty_value_is_located_at_its_key_not_on_the_next_line() -> None:
    parsed = parse_yaml("x:\n  a:\n  b: 1\n")
    assert parsed.data == {"x": {"a": None, "b": 1}}
    assert parsed.position(("x", "a"), prefer_value=True) == Position(2, 3)


def test_a_url_in_a_flow_mapping_is_read_by_either_parser() -> None:
    # libyaml (YAML 1.1) refuses the `:` inside the plain scalar; the pure parser then decides
    parsed = parse_yaml("a: {url: https://example.com/x, n: 1}\n")
    assert parsed.problems == []
    assert parsed.data == {"a": {"url": "https://example.com/x", "n": 1}}


def test_a_lone_surrogate_in_the_text_is_a_problem_not_a_crash() -> None:
    # text from a file is valid UTF-8, but callers may hand over any str
    assert kinds("a: \ud800\n") == ["syntax"]


def test_an_explicit_tag_is_named_as_the_author_wrote_it() -> None:
    parsed = parse_yaml("notice: !!python/object/apply:os.system [x]\n")
    [problem] = parsed.problems
    assert "`!!python/object/apply:os.system`" in problem.message


def only_problem(text: str) -> tuple[str, Position, str]:
    (problem,) = parse_yaml(text).problems
    return problem.kind, problem.position, problem.message


@pytest.mark.parametrize("style", ["plain", "quoted", "block"])
def test_a_single_text_over_the_cap_is_refused_at_its_line(style: str) -> None:
    words = "word " * (MAX_TEXT_CHARS // 5 + 1)
    value = {"plain": words, "quoted": f'"{words}"', "block": f"|\n    {words}"}[style]
    kind, position, message = only_problem(f"notice:\n  id: x\n  title: {value}\n")
    assert kind == "too-large" and position.line == 3
    assert f"at most {MAX_TEXT_CHARS:,}" in message


def test_a_text_at_the_cap_is_read() -> None:
    assert parse_yaml("title: " + "x" * MAX_TEXT_CHARS + "\n").problems == []


@pytest.mark.parametrize("flow", [False, True])
def test_too_many_entries_in_one_mapping_are_refused_at_the_first_one_over(flow: bool) -> None:
    entries = [f"c{i}: x" for i in range(MAX_ENTRIES + 1)]
    text = (
        "data: {" + ", ".join(entries) + "}\n"
        if flow
        else "data:\n" + "".join(f"  {e}\n" for e in entries)
    )
    kind, position, _ = only_problem(text)
    assert kind == "too-large"
    assert position.line == (1 if flow else MAX_ENTRIES + 2)


def test_too_many_items_in_one_list_are_refused() -> None:
    text = "items:\n" + "".join("  - x\n" for _ in range(MAX_ENTRIES + 1))
    kind, position, _ = only_problem(text)
    assert (kind, position.line) == ("too-large", MAX_ENTRIES + 2)


def test_entries_at_the_cap_are_read() -> None:
    text = "data:\n" + "".join(f"  c{i}: x\n" for i in range(MAX_ENTRIES))
    assert parse_yaml(text).problems == []


def test_too_many_values_in_a_file_are_refused() -> None:
    per_list = MAX_ENTRIES - 1
    lists = MAX_VALUES // per_list + 1
    text = "".join(f"k{k}: [" + ", ".join(["1"] * per_list) + "]\n" for k in range(lists))
    kind, position, message = only_problem(text)
    assert kind == "too-large" and str(MAX_VALUES)[:3] in message.replace(",", "")
    # the root mapping is the first value; each line holds a list and its items
    assert position.line == (MAX_VALUES - 1) // (per_list + 1) + 1
