"""Loading and validating knowledge directories: each problem names its file, line and field."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.errors import KnowledgeError
from bot.knowledge import yamlpos
from bot.knowledge.loader import load_knowledge, scan_knowledge
from bot.models import Problem, Source

# Line numbers: id 1, title 2, summary 3, questions 4 (items 5-7), body 8 (text on 9).
VALID = """\
id: {id}
title: Title of {id}
summary: One plain sentence about {id}.
questions:
  - what is {id}
  - explain {id} to me
  - tell me about {id}
body: |
  Some **Markdown** about {id}.
"""


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def snippet(directory: Path, sid: str, extra: str = "", **replace: str) -> Path:
    """Write a valid snippet ``sid``, with ``extra`` lines appended and lines replaced."""
    lines = VALID.format(id=sid).splitlines()
    for key, new in replace.items():
        start = next(i for i, x in enumerate(lines) if x.startswith(f"{key}:"))
        end = start + 1
        while end < len(lines) and lines[end].startswith("  "):  # the key's block value
            end += 1
        lines[start:end] = new.splitlines()
    return write(directory, f"{sid}.yaml", "\n".join(lines) + "\n" + extra)


def problems_of(directory: Path) -> list[Problem]:
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(directory)
    return list(info.value.problems)


def only(problems: list[Problem], path: Path, line: int, field: str) -> Problem:
    """The single problem at ``path:line`` about ``field``; fails with all problems shown."""
    hits = [p for p in problems if p.path == path and p.line == line and p.field == field]
    assert len(hits) == 1, "\n".join(str(p) for p in problems)
    assert str(hits[0]).startswith(f"{path}:{line}: ")
    return hits[0]


def test_valid_directory_loads_every_field(tmp_path: Path) -> None:
    snippet(tmp_path, "llm", "aliases: [LLM, large language model]\nrelated: [gan]\n")
    snippet(
        tmp_path,
        "gan",
        "tags: [models]\nsources:\n  - A book\n  - {title: A page, url: 'https://example.org/x'}\n",
    )
    write(tmp_path, "_synonyms.yaml", "generative ai: [genai, gen ai]\n")
    write(tmp_path, "README.md", "not a snippet\n")
    write(tmp_path, "_notes.yaml", "anything: [at all\n")  # `_` files are not snippets

    kb = load_knowledge(tmp_path)

    assert list(kb.snippets) == ["gan", "llm"]
    llm = kb.snippets["llm"]
    assert llm.title == "Title of llm"
    assert llm.questions == ("what is llm", "explain llm to me", "tell me about llm")
    assert llm.aliases == ("LLM", "large language model")
    assert llm.related == ("gan",)
    assert llm.body == "Some **Markdown** about llm."
    assert llm.path == tmp_path / "llm.yaml"
    gan = kb.snippets["gan"]
    assert gan.tags == ("models",)
    assert gan.sources == (
        Source(title="A book"),
        Source(title="A page", url="https://example.org/x"),
    )
    assert dict(kb.synonyms) == {"generative ai": ("genai", "gen ai")}
    assert kb.source == tmp_path
    assert kb.warnings == ()


def test_uses_libyaml_when_available() -> None:
    if getattr(yaml, "__with_libyaml__", False):
        assert yamlpos.Loader is yaml.CSafeLoader
    else:
        assert yamlpos.Loader is yaml.SafeLoader


def test_malformed_yaml_reports_pyyaml_line(tmp_path: Path) -> None:
    path = snippet(tmp_path, "x", "tags: [one, two\nrelated: []\n")
    problem = only(problems_of(tmp_path), path, 11, "yaml")
    assert "flow sequence" in problem.message or "expected" in problem.message


def test_control_character_reports_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "x.yaml", "id: x\ntitle: a\x07b\n")
    assert "control characters" in only(problems_of(tmp_path), path, 2, "yaml").message


def test_file_too_large(tmp_path: Path) -> None:
    path = write(tmp_path, "x.yaml", "# " + "x" * 1_000_000 + "\n")
    assert "larger than" in only(problems_of(tmp_path), path, 0, "file").message


def test_alias_bomb_is_cut_short(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 8)]
    path = write(tmp_path, "x.yaml", "\n".join(lines) + "\n")
    problems = problems_of(tmp_path)
    assert any(p.path == path and "more than 100000 values" in p.message for p in problems)


def test_top_level_must_be_a_mapping(tmp_path: Path) -> None:
    path = write(tmp_path, "x.yaml", "# comment\n- id: x\n")
    problem = only(problems_of(tmp_path), path, 2, "yaml")
    assert "mapping" in problem.message and "a list" in problem.message


def test_missing_required_fields(tmp_path: Path) -> None:
    path = write(tmp_path, "x.yaml", "\nid: x\ntitle: X\n")
    problems = problems_of(tmp_path)
    for name in ("summary", "questions", "body"):
        assert "missing required field" in only(problems, path, 2, name).message
    assert not [p for p in problems if p.field in {"id", "title"}]


def test_unknown_field_suggests_the_closest_name(tmp_path: Path) -> None:
    text = VALID.format(id="x").replace("questions:", "qestions:")
    path = write(tmp_path, "x.yaml", text + "relatd: []\nwhatever: 1\n")
    problems = problems_of(tmp_path)
    assert "did you mean 'questions'?" in only(problems, path, 4, "qestions").message
    assert "did you mean 'related'?" in only(problems, path, 10, "relatd").message
    assert only(problems, path, 11, "whatever").message == "unknown field"
    assert "missing required field" in only(problems, path, 1, "questions").message


def test_wrong_types(tmp_path: Path) -> None:
    path = snippet(
        tmp_path,
        "x",
        "aliases: llm\ntags: [ok, 12]\nrelated: {a: b}\nsources: [[nested]]\n",
        title="title: 123",
        summary="summary: yes",
        body="body: [a, b]",
    )
    problems = problems_of(tmp_path)
    assert "number" in only(problems, path, 2, "title").message
    assert "true/false" in only(problems, path, 3, "summary").message
    assert "a list" in only(problems, path, 8, "body").message
    assert "expected a list" in only(problems, path, 9, "aliases").message
    assert "number" in only(problems, path, 10, "tags[1]").message
    assert "a mapping" in only(problems, path, 11, "related").message
    assert "a list" in only(problems, path, 12, "sources[0]").message


def test_id_format_and_file_name(tmp_path: Path) -> None:
    bad = snippet(tmp_path, "x", id="id: Bad_Id")
    other = snippet(tmp_path, "y", id="id: z")
    problems = problems_of(tmp_path)
    assert "lowercase" in only(problems, bad, 1, "id").message
    assert "file name 'y'" in only(problems, other, 1, "id").message


def test_duplicate_ids(tmp_path: Path) -> None:
    first = snippet(tmp_path, "a")
    second = snippet(tmp_path, "b", id="id: a")
    problems = problems_of(tmp_path)
    dup = [p for p in problems if "duplicate id" in p.message]
    assert len(dup) == 1 and dup[0].path == second and dup[0].line == 1 and dup[0].field == "id"
    assert f"{first}:1" in dup[0].message


def test_title_length(tmp_path: Path) -> None:
    path = snippet(tmp_path, "x", title="title: " + "t" * 101)
    assert "101 characters" in only(problems_of(tmp_path), path, 2, "title").message


@pytest.mark.parametrize(
    ("summary", "wrong"),
    [
        ("summary: First sentence. Second sentence.", "one sentence"),
        ("summary: |\n  Two\n  lines.", "single line"),
        ("summary: " + "s" * 101, "101 characters"),
        ("summary: Uses **bold** text.", "without Markdown"),
        ("summary: ''", "is empty"),
    ],
)
def test_summary_rules(tmp_path: Path, summary: str, wrong: str) -> None:
    path = snippet(tmp_path, "x", summary=summary)
    assert wrong in only(problems_of(tmp_path), path, 3, "summary").message


def test_summary_abbreviation_is_not_a_second_sentence(tmp_path: Path) -> None:
    snippet(tmp_path, "x", summary="summary: Models such as GPT, e.g. ChatGPT, write text.")
    assert load_knowledge(tmp_path).snippets["x"].summary.startswith("Models")


def test_questions_rules(tmp_path: Path) -> None:
    few = write(tmp_path, "few.yaml", VALID.format(id="few").replace("  - tell me about few\n", ""))
    empty = snippet(tmp_path, "empty", questions='questions:\n  - ""')
    problems = problems_of(tmp_path)
    assert "at least 3" in only(problems, few, 4, "questions").message
    assert "is empty" in only(problems, empty, 5, "questions[0]").message


def test_body_rules(tmp_path: Path) -> None:
    long = snippet(tmp_path, "long", body="body: " + "b" * 3501)
    empty = snippet(tmp_path, "empty", body="body: '   '")
    problems = problems_of(tmp_path)
    assert "3501 characters" in only(problems, long, 8, "body").message
    assert "is empty" in only(problems, empty, 8, "body").message


def test_body_at_the_limit_loads(tmp_path: Path) -> None:
    snippet(tmp_path, "x", body="body: " + "b" * 3500)
    assert len(load_knowledge(tmp_path).snippets["x"].body) == 3500


def test_related_must_exist_and_not_be_itself(tmp_path: Path) -> None:
    path = snippet(tmp_path, "a", "related:\n  - b\n  - nope\n  - a\n")
    snippet(tmp_path, "b")
    problems = problems_of(tmp_path)
    assert "no snippet has id 'nope'" in only(problems, path, 12, "related[1]").message
    assert "itself" in only(problems, path, 13, "related[2]").message
    assert len(problems) == 2


def test_alias_claimed_by_two_snippets(tmp_path: Path) -> None:
    first = snippet(tmp_path, "a", "aliases: [LLM]\n")
    second = snippet(tmp_path, "b", "aliases:\n  - other\n  - ' llm '\n")
    problem = only(problems_of(tmp_path), second, 12, "aliases[1]")
    assert not problem.warning
    assert "also listed under 'a'" in problem.message and f"{first}:10" in problem.message


def test_duplicate_keys(tmp_path: Path) -> None:
    path = snippet(tmp_path, "x", "title: Again\nsources:\n  - {title: a, title: b}\n")
    problems = problems_of(tmp_path)
    assert "first given on line 2" in only(problems, path, 10, "title").message
    assert "duplicate key" in only(problems, path, 12, "sources[0].title").message


def test_question_under_two_snippets_is_a_warning(tmp_path: Path) -> None:
    snippet(tmp_path, "a")
    questions = "questions:\n  - What is  A?\n  - explain b\n  - b please"
    second = snippet(tmp_path, "b", questions=questions)

    kb = load_knowledge(tmp_path)

    assert set(kb.snippets) == {"a", "b"}
    (warning,) = kb.warnings
    assert warning.warning and warning.path == second and warning.line == 5
    assert warning.field == "questions[0]"
    assert str(warning).startswith(f"{second}:5: warning: questions[0]: question 'What is  A?'")


def test_sources_rules(tmp_path: Path) -> None:
    path = snippet(
        tmp_path,
        "x",
        "sources:\n  - titel: A\n  - title: B\n    url: ftp://x\n  - url: https://y\n",
    )
    problems = problems_of(tmp_path)
    assert "did you mean 'title'?" in only(problems, path, 11, "sources[0].titel").message
    assert "http(s) URL" in only(problems, path, 13, "sources[1].url").message
    assert "missing required field" in only(problems, path, 14, "sources[2].title").message


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    a = snippet(tmp_path, "a", title="title: ''")
    b = snippet(tmp_path, "b", body="bodyy: x")
    c = write(tmp_path, "c.yaml", "id: c\n  bad: indent\n")
    problems = problems_of(tmp_path)
    assert {p.path for p in problems} == {a, b, c}
    assert all(not p.warning for p in problems)
    # Syntax errors first (they explain what follows), then by file and line.
    assert problems == sorted(problems, key=lambda p: (p.field != "yaml", str(p.path), p.line))
    assert problems[0].path == c


def test_knowledge_error_lists_errors_but_not_warnings(tmp_path: Path) -> None:
    snippet(tmp_path, "a", title="title: ''")
    snippet(tmp_path, "b", questions="questions:\n  - what is a\n  - b?\n  - b!")  # a warning
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(tmp_path)
    assert len(info.value.problems) == 1
    assert f"{tmp_path / 'a.yaml'}:2: title: is empty" in str(info.value)


def test_missing_directory(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    (problem,) = problems_of(missing)
    assert str(problem) == f"{missing}:0: knowledge: directory does not exist"


def test_not_a_directory(tmp_path: Path) -> None:
    path = write(tmp_path, "file.yaml", "x")
    (problem,) = problems_of(path)
    assert problem.path == path and problem.message == "is not a directory"


def test_empty_directory(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path)
    assert problem.path == tmp_path and "no snippet files" in problem.message


def test_empty_file(tmp_path: Path) -> None:
    path = write(tmp_path, "x.yaml", "# only a comment\n")
    assert only(problems_of(tmp_path), path, 0, "file").message == "file is empty"


def test_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(b"id: x\ntitle: caf\xe9\n")
    problem = only(problems_of(tmp_path), path, 2, "file")
    assert "not valid UTF-8" in problem.message and "0xe9" in problem.message


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = snippet(tmp_path, "x")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert "x" in load_knowledge(tmp_path).snippets


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    snippet(tmp_path, "a")
    path = snippet(tmp_path, "b")
    open_fd = os.open

    # Running as root ignores file modes, so the refusal is simulated at the OS boundary.
    def refuse(name: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(name) == path:
            raise PermissionError(13, "Permission denied")
        return open_fd(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    problem = only(problems_of(tmp_path), path, 0, "file")
    assert problem.message == "cannot read file: Permission denied"


def test_yml_files_are_not_loaded_but_warned_about(tmp_path: Path) -> None:
    snippet(tmp_path, "a")
    yml = write(tmp_path, "b.yml", VALID.format(id="b"))
    kb = load_knowledge(tmp_path)
    assert list(kb.snippets) == ["a"]
    (warning,) = kb.warnings
    assert warning.path == yml and "rename to b.yaml" in warning.message


def test_recursive_alias_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    path = snippet(tmp_path, "x", "tags: &t [a, *t]\n")
    assert "refers to itself" in only(problems_of(tmp_path), path, 10, "tags[1]").message


def test_unsupported_tags_and_merge_keys(tmp_path: Path) -> None:
    path = snippet(tmp_path, "x", "tags: !!set {a: null}\n<<: {b: c}\naliases: [!custom x]\n")
    problems = problems_of(tmp_path)
    assert "unsupported tag" in only(problems, path, 10, "tags").message
    assert "merge keys" in only(problems, path, 11, "yaml").message
    assert "cannot read value" in only(problems, path, 12, "aliases[0]").message


def test_synonyms_valid(tmp_path: Path) -> None:
    snippet(tmp_path, "a")
    write(tmp_path, "_synonyms.yaml", "# terms\nllm: [large language model, LLMs]\n")
    assert dict(load_knowledge(tmp_path).synonyms) == {"llm": ("large language model", "LLMs")}


def test_empty_synonyms_file_is_fine(tmp_path: Path) -> None:
    snippet(tmp_path, "a")
    write(tmp_path, "_synonyms.yaml", "# nothing yet\n")
    assert dict(load_knowledge(tmp_path).synonyms) == {}


def test_synonyms_problems(tmp_path: Path) -> None:
    snippet(tmp_path, "a")
    path = write(
        tmp_path,
        "_synonyms.yaml",
        "genai: gen ai\nllm: []\ngan: [GANs, '']\nvae: [gans]\ngan: [x]\n12: [y]\n",
    )
    problems = problems_of(tmp_path)
    assert "expected a non-empty list" in only(problems, path, 1, "genai").message
    assert "expected a non-empty list" in only(problems, path, 2, "llm").message
    assert "is empty" in only(problems, path, 3, "gan[1]").message
    assert "also a variant of 'gan'" in only(problems, path, 4, "vae[0]").message
    assert "duplicate key" in only(problems, path, 5, "gan").message
    assert "non-empty text" in only(problems, path, 6, "12").message


def test_synonyms_must_be_a_mapping(tmp_path: Path) -> None:
    snippet(tmp_path, "a")
    path = write(tmp_path, "_synonyms.yaml", "- genai\n")
    assert "mapping" in only(problems_of(tmp_path), path, 1, "yaml").message


def test_scan_returns_problems_without_raising(tmp_path: Path) -> None:
    snippet(tmp_path, "a", title="title: ''")
    snippet(tmp_path, "b")
    scan = scan_knowledge(tmp_path)
    assert [s.id for s in scan.snippets] == ["b"]
    assert len(scan.errors) == 1 and scan.warnings == ()


def test_bundled_knowledge_has_no_errors() -> None:
    from bot.settings import bundled_knowledge_dir

    scan = scan_knowledge(bundled_knowledge_dir())
    assert scan.errors == (), "\n".join(str(p) for p in scan.errors)


def test_symlink_outside_the_directory_is_refused_unread(tmp_path: Path) -> None:
    knowledge = tmp_path / "k"
    knowledge.mkdir()
    snippet(knowledge, "a")
    secret = write(tmp_path, "secret.yaml", VALID.format(id="leak"))  # valid, but elsewhere
    (knowledge / "leak.yaml").symlink_to(secret)
    (problem,) = problems_of(knowledge)
    assert (problem.path.name, problem.field) == ("leak.yaml", "file")
    assert "outside the knowledge directory" in problem.message
    assert str(tmp_path / "secret") not in str(problem)  # not even where it points


def test_configmap_symlinks_inside_the_directory_load(tmp_path: Path) -> None:
    """A Kubernetes ConfigMap volume: ``a.yaml -> ..data/a.yaml``, ``..data -> ..2026_x``."""
    knowledge = tmp_path / "k"
    stamp = knowledge / "..2026_01_01"
    stamp.mkdir(parents=True)
    snippet(stamp, "a")
    (knowledge / "..data").symlink_to("..2026_01_01")
    (knowledge / "a.yaml").symlink_to("..data/a.yaml")
    assert set(load_knowledge(knowledge).snippets) == {"a"}


def test_a_syntax_error_comes_first_without_a_cascade(tmp_path: Path) -> None:
    snippet(tmp_path, "a", "related: [c]\n")
    c = write(tmp_path, "c.yaml", "id: c\ntitle: [unclosed\n")
    snippet(tmp_path, "d", "related: [c]\n")
    problems = problems_of(tmp_path)
    assert [(p.path, p.field) for p in problems] == [(c, "yaml")]


def test_file_content_is_quoted_only_as_a_short_excerpt(tmp_path: Path) -> None:
    token = "sk-live-0123456789abcdefghijklmnopqrstuvwxyz"
    write(tmp_path, "a.yaml", f"API_TOKEN={token}\n")
    snippet(tmp_path, "b", title=f"title: [{token}]")
    snippet(tmp_path, "c", f"{token}{token}: 1\n")
    problems = problems_of(tmp_path)
    text = "\n".join(str(p) for p in problems)
    assert len(problems) == 3 and token not in text and "API_TOKEN" not in text
    assert "sk-live-0123456789abcde…: unknown field" in text  # enough to find the line


def test_questions_listed_twice_are_warned_about_wherever_they_are(tmp_path: Path) -> None:
    questions = "questions:\n  - what is b\n  - What is A?\n  - what  is b\n  - only here"
    snippet(tmp_path, "a")
    other = snippet(tmp_path, "b", questions=questions)
    snippet(tmp_path, "c")  # no text shared: its file is not looked at again
    warnings = load_knowledge(tmp_path).warnings
    assert [(w.path, w.field) for w in warnings] == [
        (other, "questions[1]"),
        (other, "questions[2]"),
    ]
    assert "also listed under 'a'" in warnings[0].message
    assert "listed twice (also on line 5)" in warnings[1].message


def test_a_file_that_grew_since_its_size_was_taken_is_read_to_the_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = snippet(tmp_path, "a", extra="# " + "x" * 100_000 + "\n")  # past one read's chunk
    stat_fd = os.fstat

    class Smaller:  # the size a save in progress had when the file was opened
        st_size = 10

    monkeypatch.setattr(os, "fstat", lambda fd: Smaller() if fd >= 0 else stat_fd(fd))
    kb = load_knowledge(tmp_path)
    monkeypatch.undo()
    assert kb.snippets["a"] == load_knowledge(tmp_path).snippets["a"]
    assert path.stat().st_size > 100_000
