"""Every sentence the Qt-free core can raise at a user, read from its source.

The core speaks English and knows nothing of Qt; the GUI translates its messages by
template (``ui/core_messages.py``). This scanner finds what those templates must cover:
the text of every ``raise SomeBaylingError(...)`` outside ``ui/`` and the CLI, an
f-string's fields written as ``{0}``, ``{1}``…, including messages built in a local
variable or returned by a helper the raise calls.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "bayling_desktop"
#: front ends that speak for themselves (the CLI stays English)
SKIPPED = ("ui", "commands", "cli.py", "models/cli.py", "__main__.py")


@dataclass(frozen=True)
class RaisedMessage:
    where: str
    template: str


def _core_files() -> list[Path]:
    files = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if not any(relative == s or relative.startswith(s + "/") for s in SKIPPED):
            files.append(path)
    return files


def _error_classes(trees: list[ast.Module]) -> set[str]:
    names = {"BaylingError"}
    grew = True
    while grew:
        grew = False
        for tree in trees:
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names and any(
                        _name(base) in names for base in node.bases):
                    names.add(node.name)
                    grew = True
    return names


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _templates(node: ast.expr | None) -> list[str]:
    """The template(s) an expression can evaluate to; [] when it is not literal text."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value.replace("{", "{{").replace("}", "}}")]
    if isinstance(node, ast.JoinedStr):
        parts: list[str] = []
        fields = 0
        for value in node.values:
            if isinstance(value, ast.Constant):
                parts.append(str(value.value).replace("{", "{{").replace("}", "}}"))
            else:
                parts.append(f"{{{fields}}}")
                fields += 1
        return ["".join(parts)]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return [_join(a, b) for a in _templates(node.left) for b in _templates(node.right)]
    if isinstance(node, ast.BoolOp):
        return [t for value in node.values for t in _templates(value)]
    if isinstance(node, ast.IfExp):
        return _templates(node.body) + _templates(node.orelse)
    return []


def _join(left: str, right: str) -> str:
    offset = len(re.findall(r"\{\d+\}", left))
    return left + re.sub(r"\{(\d+)\}", lambda m: f"{{{int(m.group(1)) + offset}}}", right)


def _returned(function: ast.FunctionDef) -> list[str]:
    return [t for node in ast.walk(function) if isinstance(node, ast.Return)
            for t in _templates(node.value)]


def raised_messages() -> list[RaisedMessage]:
    files = _core_files()
    trees = [ast.parse(path.read_text(encoding="utf-8")) for path in files]
    errors = _error_classes(trees)
    found: list[RaisedMessage] = []
    for path, tree in zip(files, trees, strict=True):
        where = path.relative_to(PACKAGE).as_posix()
        functions = {n.name: n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
        for scope in [tree, *functions.values()]:
            assigned: dict[str, list[ast.expr]] = {}
            for node in ast.walk(scope):
                if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(
                        node.targets[0], ast.Name):
                    assigned.setdefault(node.targets[0].id, []).append(node.value)
            for node in ast.walk(scope):
                if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)
                        and _name(node.exc.func) in errors and node.exc.args):
                    continue
                argument = node.exc.args[0]
                sources: list[ast.expr] = [argument]
                if isinstance(argument, ast.Name):
                    sources = assigned.get(argument.id, [])
                for source in list(sources):
                    if isinstance(source, ast.BoolOp):
                        sources.extend(source.values)
                for source in sources:
                    if isinstance(source, ast.Call) and (
                            helper := functions.get(_name(source.func) or "")) is not None:
                        for template in _returned(helper):
                            found.append(RaisedMessage(f"{where}:{node.lineno}", template))
                    for template in _templates(source):
                        found.append(RaisedMessage(f"{where}:{node.lineno}", template))
    return found


def is_sentence(template: str) -> bool:
    """Text a user reads (not a bare "{0}" passing another message through)."""
    return bool(re.sub(r"\{\d+\}", "", template).strip(" :;,.()"))
