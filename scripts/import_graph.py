"""Print how bayling_desktop's layers import each other: upward imports and cycles.

ARCHITECTURE.md says arrows point down (``ui`` and ``commands`` → ``translation`` →
``engine``; ``storage`` imports neither ``translation`` nor ``documents``; ``models``
does not import ``commands``). This reads every module with :mod:`ast` — nothing is
imported, so it runs without Qt or the model stack — and lists each import that points
the wrong way (at module level, inside a function, or only for type checking), and the
cycles among modules and among packages. Run ``python scripts/import_graph.py``; the
exit status is 1 when a module-level upward import or a module cycle exists.
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "bayling_desktop"

#: which packages each package may not import (the rules of ARCHITECTURE.md)
FORBIDDEN: dict[str, set[str]] = {
    "engine": {"documents", "translation", "storage", "models", "commands", "ui", "config"},
    "documents": {"translation", "storage", "engine", "models", "commands", "ui"},
    "storage": {"translation", "documents", "engine", "models", "commands", "ui"},
    "models": {"translation", "documents", "storage", "commands", "ui"},
    "translation": {"commands", "ui", "models"},
    "commands": {"ui"},
    "config": {"engine", "documents", "storage", "models", "translation", "commands", "ui"},
    "base": {"config", "engine", "documents", "storage", "models", "translation", "commands", "ui"},
}


def package_of(module: str) -> str:
    """``engine`` of ``bayling_desktop.engine.llama``; ``base`` for top-level modules."""
    parts = module.split(".")
    if len(parts) > 2 or (len(parts) == 2 and (ROOT / PACKAGE / parts[1]).is_dir()):
        return parts[1]
    name = parts[1] if len(parts) > 1 else ""
    return {"cli": "entry", "__main__": "entry", "app": "entry", "config": "config"}.get(
        name, "base")


def module_name(path: Path) -> str:
    relative = path.relative_to(ROOT).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


class Imports(ast.NodeVisitor):
    """Every import of one module, with where it sits: "top", "function" or "typing"."""

    def __init__(self, module: str, is_package: bool) -> None:
        self.module = module
        self.is_package = is_package
        self.found: list[tuple[str, str, int]] = []
        self._where = ["top"]

    def _resolve(self, level: int, name: str | None) -> str:
        if level == 0:
            return name or ""
        base = self.module.split(".")
        if not self.is_package:
            base = base[:-1]
        base = base[: len(base) - (level - 1)]
        return ".".join([*base, name] if name else base)

    def _add(self, target: str, line: int) -> None:
        if target == PACKAGE or target.startswith(PACKAGE + "."):
            self.found.append((target, self._where[-1], line))

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._add(alias.name, node.lineno)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        base = self._resolve(node.level, node.module)
        for alias in node.names:
            candidate = f"{base}.{alias.name}"
            # "from . import reconcile" names a module; "from .x import y" names a symbol
            is_module = (ROOT / Path(*candidate.split("."))).with_suffix(".py").exists() or (
                ROOT / Path(*candidate.split("."))).is_dir()
            self._add(candidate if is_module else base, node.lineno)

    def _nested(self, node: ast.AST, where: str) -> None:
        self._where.append(where if self._where[-1] == "top" else self._where[-1])
        self.generic_visit(node)
        self._where.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._nested(node, "function")

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> None:
        self._nested(node, "function")

    def visit_If(self, node: ast.If) -> None:
        test = ast.unparse(node.test)
        if test in ("TYPE_CHECKING", "typing.TYPE_CHECKING"):
            self._nested(node, "typing")
        else:
            self.generic_visit(node)


def collect() -> dict[str, list[tuple[str, str, int]]]:
    graph: dict[str, list[tuple[str, str, int]]] = {}
    for path in sorted((ROOT / PACKAGE).rglob("*.py")):
        name = module_name(path)
        visitor = Imports(name, path.name == "__init__.py")
        visitor.visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
        graph[name] = visitor.found
    return graph


def _known(graph: dict[str, list[tuple[str, str, int]]], target: str) -> str | None:
    """The module a dotted import lands in (``a.b.c`` → ``a.b`` when c is a symbol)."""
    while target and target not in graph:
        target = target.rpartition(".")[0]
    return target or None


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one node (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges.get(root, ()))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def main() -> int:
    graph = collect()
    upward: set[str] = set()
    module_edges: dict[str, set[str]] = defaultdict(set)
    package_edges: dict[str, set[str]] = defaultdict(set)
    ui_users: list[str] = []
    for module, imports in graph.items():
        source = package_of(module)
        for target, where, line in imports:
            landed = _known(graph, target)
            if landed is None or landed == module:
                continue
            destination = package_of(landed)
            if where == "top":
                module_edges[module].add(landed)
                if destination != source:
                    package_edges[source].add(destination)
            if destination in FORBIDDEN.get(source, set()):
                upward.add(f"  {module}:{line} -> {landed}  ({source} -> {destination}, "
                              f"{where})")
            if destination == "ui" and source not in ("ui", "entry"):
                ui_users.append(f"  {module}:{line} -> {landed}")
    print("Package imports (module level):")
    for source in sorted(package_edges):
        print(f"  {source:12} -> {', '.join(sorted(package_edges[source]))}")
    print(f"\nUpward imports ({len(upward)}):")
    print("\n".join(sorted(upward)) or "  none")
    package_cycles = cycles(package_edges)
    print(f"\nPackage cycles (module-level imports) ({len(package_cycles)}):")
    print("\n".join("  " + " <-> ".join(c) for c in package_cycles) or "  none")
    module_cycles = cycles(module_edges)
    print(f"\nModule cycles (module-level imports) ({len(module_cycles)}):")
    print("\n".join("  " + " <-> ".join(c) for c in module_cycles) or "  none")
    bad = any(line.endswith("top)") for line in upward) or module_cycles
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
