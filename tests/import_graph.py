"""The package's import graph, read from the source (module-level and function-level imports
alike), for the architecture and DVC-dependency tests."""

from __future__ import annotations

import ast
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "pipeline"


@dataclass(frozen=True)
class Module:
    name: str  # dotted, e.g. pipeline.stages.tabulate
    path: Path

    @property
    def layer(self) -> str:
        """The first name under pipeline ("core", "stages", "__main__", …); "" for the root."""
        parts = self.name.split(".")
        return parts[1] if len(parts) > 1 else ""


@cache
def modules() -> dict[str, Module]:
    """Every module of the package by dotted name (packages by their own name)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(REPO).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        name = ".".join(parts)
        found[name] = Module(name, path)
    return found


def imported_names(source: str, module_name: str, is_package: bool) -> set[str]:
    """Dotted names of the project's modules that ``source`` imports anywhere in its body."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names if a.name.split(".")[0] == "pipeline")
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node, module_name, is_package)
            if base is None or base.split(".")[0] != "pipeline":
                continue
            names.add(base)
            names.update(f"{base}.{a.name}" for a in node.names)
    return names


def _absolute(node: ast.ImportFrom, module_name: str, is_package: bool) -> str | None:
    if node.level == 0:
        return node.module
    parts = module_name.split(".")
    keep = len(parts) - node.level + (1 if is_package else 0)
    base = parts[:keep]
    return ".".join(base + ([node.module] if node.module else []))


def with_parents(name: str, known: dict[str, Module]) -> set[str]:
    """``name`` and the packages above it that Python imports first."""
    parts = name.split(".")
    return {".".join(parts[:i]) for i in range(1, len(parts) + 1)} & known.keys()


@cache
def graph() -> dict[str, set[str]]:
    """Module → the project's modules it imports (each resolved to a real module)."""
    known = modules()
    edges: dict[str, set[str]] = {}
    for name, module in known.items():
        is_package = module.path.name == "__init__.py"
        targets: set[str] = set()
        for imported in imported_names(module.path.read_text(), name, is_package):
            if imported in known:
                targets.add(imported)
            elif imported.rpartition(".")[0] in known:  # `from pkg import function`
                targets.add(imported.rpartition(".")[0])
        edges[name] = targets - {name}
    return edges


def closure(roots: set[str], edges: dict[str, set[str]], skip: set[str] = frozenset()) -> set[str]:
    """Every module reached from ``roots`` (with their parent packages), not following into
    the modules of ``skip``."""
    known = modules()
    seen: set[str] = set()
    todo = [r for root in roots for r in with_parents(root, known)]
    while todo:
        name = todo.pop()
        if name in seen or name in skip:
            continue
        seen.add(name)
        for target in edges.get(name, ()):
            todo.extend(with_parents(target, known))
    return seen


def notebook_imports(path: Path) -> set[str]:
    """The project's modules imported by a notebook's code cells."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    names: set[str] = set()
    for cell in cells:
        if cell["cell_type"] == "code":
            source = "".join(cell["source"])
            lines = [ln for ln in source.splitlines() if not ln.lstrip().startswith(("%", "!"))]
            names |= imported_names("\n".join(lines), "__notebook__", False)
    return names
