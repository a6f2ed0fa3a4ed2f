"""What the core says is data: a code with arguments, rendered by each front end.

The source scan below is the guard: no error of the core is raised with English prose,
every code it uses has a template, and the arguments it passes are the template's fields
(a misspelt one would show "?" to the user).
"""

from __future__ import annotations

import ast
import pickle
import re
from pathlib import Path

import pytest

from bayling_desktop.engine.sse import RemoteError
from bayling_desktop.errors import BaylingError, DocumentError, sentence_of
from bayling_desktop.redaction import MASK
from bayling_desktop.sentence_templates import TEMPLATES
from bayling_desktop.sentences import Sentence, render

PACKAGE = Path(__file__).resolve().parents[2] / "bayling_desktop"
#: the front ends: the GUI renders sentences, the CLI is English by design
FRONT_ENDS = ("ui/", "commands/", "cli.py", "models/cli.py", "__main__.py")


def _core_trees() -> list[tuple[str, ast.Module]]:
    trees = []
    for path in sorted(PACKAGE.rglob("*.py")):
        where = path.relative_to(PACKAGE).as_posix()
        if not where.startswith(FRONT_ENDS) and where not in FRONT_ENDS:
            trees.append((where, ast.parse(path.read_text(encoding="utf-8"))))
    return trees


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _error_classes(trees: list[tuple[str, ast.Module]]) -> set[str]:
    names = {"BaylingError"}
    grew = True
    while grew:
        grew = False
        for _, tree in trees:
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names and any(
                        _name(base) in names for base in node.bases):
                    names.add(node.name)
                    grew = True
    return names


def _is_prose(node: ast.expr) -> bool:
    """Literal text that is not a code: an f-string, a sentence, a concatenation."""
    if isinstance(node, ast.JoinedStr | ast.BinOp):
        return True
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and not re.fullmatch(
        r"[a-z0-9_]+", node.value)


def _said(trees: list[tuple[str, ast.Module]]) -> list[tuple[str, ast.Call]]:
    """Every call that makes a sentence: an error of the core, or ``Sentence(...)``."""
    makers = _error_classes(trees) | {"Sentence"}
    return [(f"{where}:{node.lineno}", node) for where, tree in trees
            for node in ast.walk(tree)
            if isinstance(node, ast.Call) and _name(node.func) in makers and node.args]


def test_the_scan_sees_the_core_and_not_the_front_ends() -> None:
    said = _said(_core_trees())
    files = {where.split(":")[0] for where, _ in said}
    assert {"documents/formats/docx.py", "engine/remote.py", "storage/database.py", "fileio.py",
            "models/fit.py", "translation/pair.py"} <= files
    assert not any(f.startswith(FRONT_ENDS) for f in files)
    assert len(said) > 250


def test_no_error_or_notice_of_the_core_is_english_prose() -> None:
    trees = _core_trees()
    prose = [f"{where}: {ast.unparse(call)[:100]}" for where, call in _said(trees)
             if _is_prose(call.args[0])]
    # a document notice is a sentence too, never a string
    prose += [f"{where}:{node.lineno}: {ast.unparse(node)[:100]}" for where, tree in trees
              for node in ast.walk(tree)
              if isinstance(node, ast.Call) and _name(node.func) == "notice" and node.args
              and isinstance(node.args[0], ast.Constant | ast.JoinedStr | ast.BinOp)]
    assert not prose, "say it with a code from sentence_templates.py:\n" + "\n".join(prose)


def test_every_code_has_a_template_and_gets_exactly_its_fields() -> None:
    wrong = []
    for where, call in _said(_core_trees()):
        code = call.args[0]
        if not isinstance(code, ast.Constant) or not isinstance(code.value, str):
            continue  # a sentence made elsewhere, passed on
        template = TEMPLATES.get(code.value)
        if template is None:
            wrong.append(f"{where}: no template for {code.value!r}")
            continue
        if any(k.arg is None for k in call.keywords):
            continue  # **arguments: checked where they are built
        given = {k.arg for k in call.keywords}
        fields = set(re.findall(r"\{(\w+)\}", template))
        if given != fields:
            wrong.append(f"{where}: {code.value} takes {sorted(fields)}, got {sorted(given)}")
    assert not wrong, "\n".join(wrong)


def test_a_sentence_renders_its_english_template_with_its_arguments() -> None:
    said = Sentence("could_not_read", path=Path("/d/a.po"), reason="Permission denied")
    assert str(said) == "Could not read /d/a.po: Permission denied."
    assert said == Sentence("could_not_read", reason="Permission denied", path="/d/a.po")
    assert said.arg("path") == "/d/a.po"
    # a clause inside a sentence is rendered in the same language, without its full stop
    nested = Sentence("database_newer", path="p.sqlite3",
                      hint=Sentence("restore_newest_backup", backup="p.v3.bak"))
    assert str(nested) == ("p.sqlite3 was written by a newer version of BayLing Desktop; "
                           "update the app to open it, or the newest backup is p.v3.bak.")
    pair = Sentence("same_language_pair", language=Sentence.of_language("zh", "Chinese"))
    assert str(pair) == ("The source and the target language are both Chinese: choose "
                         "another target language.")


def test_a_translator_renders_the_same_sentence_in_another_language() -> None:
    chinese = {"database_newer": "{path} 来自更新的版本；请更新，或{hint}。",
               "restore_newest_backup": "最新的备份是 {backup}。"}
    said = Sentence("database_newer", path="p.sqlite3",
                    hint=Sentence("restore_newest_backup", backup="p.v3.bak"))
    shown = render(said, lambda code, template: chinese.get(code, template),
                   lambda code, english: {"zh": "中文"}.get(code, english))
    assert shown == "p.sqlite3 来自更新的版本；请更新，或最新的备份是 p.v3.bak。"
    # a translation with a broken field falls back to English rather than failing
    broken = render(Sentence("file_missing", path="a.po"), lambda code, template: "{path")
    assert broken == "a.po does not exist."


def test_unknown_codes_and_missing_arguments_never_raise() -> None:
    assert str(Sentence("no_such_code", path="a")) == "no_such_code (path=a)"
    assert str(Sentence("could_not_read", path="a")) == "Could not read a: ?."
    assert str(BaylingError("A sentence from a test.")) == "A sentence from a test."


def test_sentences_survive_json_and_errors_survive_pickling() -> None:
    said = Sentence("database_damaged", path="p", error="malformed",
                    hint=Sentence("restore_move_aside"))
    assert Sentence.from_json(said.to_json()) == said
    assert Sentence.from_json("An older plain sentence.") == Sentence.verbatim(
        "An older plain sentence.")
    error = pickle.loads(pickle.dumps(DocumentError("file_missing", path="/d/a.po")))
    assert isinstance(error, DocumentError) and error.sentence == Sentence(
        "file_missing", path="/d/a.po") and str(error) == "/d/a.po does not exist."


def test_an_error_from_elsewhere_is_said_as_unexpected() -> None:
    assert sentence_of(DocumentError("document_empty", path="a.txt")) == Sentence(
        "document_empty", path="a.txt")
    assert str(sentence_of(KeyError("x"))) == "Unexpected error: 'x'."
    assert str(sentence_of(RuntimeError())) == "Unexpected error: RuntimeError."


@pytest.mark.parametrize("secret", ["Authorization: Bearer sk-abcdefghijklmnop1234"])
def test_server_text_inside_a_remote_error_is_redacted(secret: str) -> None:
    error = RemoteError("server_failed_detail", where="http://h:1/v1", status=500,
                        detail=f"bad request ({secret})")
    assert "sk-abcdefghijklmnop1234" not in str(error) and MASK in str(error)
    nested = RemoteError("none_model_servers_answered", servers="a, b",
                         reasons=Sentence("text", text=secret))
    assert "sk-abcdefghijklmnop1234" not in str(nested)
