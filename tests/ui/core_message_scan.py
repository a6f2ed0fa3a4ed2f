"""Every sentence the Qt-free core can say to a user, read from its source.

The core speaks English and knows nothing of Qt; the GUI translates its messages by
template (``ui/core_messages.py``). This scanner finds what those templates must cover:
the text of every ``raise SomeBaylingError(...)`` outside ``ui/`` and the CLI, including
messages built in a local variable or returned by a helper the raise calls; and what the
core shows beside a result: quality flags (``Flag(kind, text)``, ``problems.append``),
document notices (``.notice(text)``) and warnings (``warnings.append``). An f-string's or
``str.format``'s fields are written ``{0}``, ``{1}``…; module constants are followed.
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


#: module-level string constants of the core (FLAG = "…"), by name: every module's
#: value, since two modules may each define (and a third import) the same name
_CONSTANTS: dict[str, list[ast.expr]] = {}


def _collect_constants(trees: list[ast.Module]) -> None:
    _CONSTANTS.clear()
    for tree in trees:
        for node in tree.body:
            if (isinstance(node, ast.Assign) and len(node.targets) == 1
                    and isinstance(node.targets[0], ast.Name)
                    and node.targets[0].id.isupper()):
                _CONSTANTS.setdefault(node.targets[0].id, []).append(node.value)


def _positional(template: str) -> str:
    """``str.format`` fields ("{n}", "{what}", "{}") as "{0}", "{1}"…"""
    count = iter(range(100))
    return re.sub(r"(?<!\{)\{[a-z_]*\}(?!\})", lambda m: f"{{{next(count)}}}", template)


def _templates(node: ast.expr | None) -> list[str]:
    """The template(s) an expression can evaluate to; [] when it is not literal text."""
    if isinstance(node, ast.Name) and node.id in _CONSTANTS:
        return [t for value in _CONSTANTS[node.id] for t in _templates(value)]
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "format"):
        raw = node.func.value
        values = _CONSTANTS.get(raw.id, []) if isinstance(raw, ast.Name) else [raw]
        return [_positional(value.value) for value in values
                if isinstance(value, ast.Constant) and isinstance(value.value, str)]
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
        # a computed operand (" ".join(names)) is a field, like an f-string's
        left, right = _templates(node.left) or ["{0}"], _templates(node.right) or ["{0}"]
        if left == right == ["{0}"]:
            return []
        return [_join(a, b) for a in left for b in right]
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


def _parsed() -> tuple[list[Path], list[ast.Module]]:
    files = _core_files()
    trees = [ast.parse(path.read_text(encoding="utf-8")) for path in files]
    _collect_constants(trees)
    return files, trees


#: list.append(...) targets whose items a user reads
_SHOWN_LISTS = {"problems", "warnings", "notices"}


def shown_messages() -> list[RaisedMessage]:
    """Flags, notices and warnings the core hands the GUI beside a result."""
    files, trees = _parsed()
    found: list[RaisedMessage] = []
    for path, tree in zip(files, trees, strict=True):
        where = path.relative_to(PACKAGE).as_posix()
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            text: ast.expr | None = None
            if _name(func) == "Flag" and len(node.args) >= 2:
                text = node.args[1]
            elif isinstance(func, ast.Attribute) and (
                    func.attr == "notice" or (func.attr == "append"
                                              and (_name(func.value) or "") in _SHOWN_LISTS)):
                text = node.args[0]
            for template in _templates(text):
                found.append(RaisedMessage(f"{where}:{node.lineno}", template))
    return found


def raised_messages() -> list[RaisedMessage]:
    files, trees = _parsed()
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
