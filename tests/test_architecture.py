"""The folders are the architecture: each layer imports only the layers below it, nothing
forms an import cycle, and the statistics do no file I/O."""

from __future__ import annotations

import ast

import pytest

from .import_graph import REPO, graph, modules

# Each layer and the layers it may import (itself included). Lazy imports inside functions
# count as much as imports at the top of a module.
ALLOWED = {
    "": {""},
    "core": {"", "core"},
    "model": {"", "core", "model"},
    "readers": {"", "core", "model", "readers"},
    "statistics": {"", "core", "statistics"},
    "stages": {"", "core", "model", "readers", "statistics", "stages"},
    "demo": {"", "core", "model", "readers", "statistics", "demo"},
    "cli": {"", "core", "model", "readers", "statistics", "stages", "demo", "cli"},
    "__main__": {"", "cli"},
}
# Modules and calls that read or write files; the statistics layer uses none of them.
FILE_IO_MODULES = {"os", "io", "pathlib", "shutil", "tempfile", "pyarrow", "openpyxl", "pyreadstat"}
FILE_IO_CALLS = {"open", "read_csv", "read_parquet", "read_excel", "to_csv", "to_parquet",
                 "to_excel", "to_json", "savetxt", "loadtxt", "save", "load"}  # fmt: skip


def layer_violations(edges, known) -> list[str]:
    found = []
    for name, targets in edges.items():
        layer = known[name].layer
        for target in sorted(targets):
            if known[target].layer not in ALLOWED[layer]:
                found.append(f"{name} ({layer}) imports {target} ({known[target].layer})")
    return found


def cycles(edges) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def package_edges(edges) -> dict[str, set[str]]:
    """Imports between modules, leaving out a package's import of its own submodules and a
    submodule's implicit import of its package (Python's, not a design choice)."""
    out = {}
    for name, targets in edges.items():
        out[name] = {
            t for t in targets if not t.startswith(name + ".") and not name.startswith(t + ".")
        }
    return out


def test_every_module_belongs_to_a_known_layer():
    unknown = sorted(m.name for m in modules().values() if m.layer not in ALLOWED)
    assert unknown == []


def test_layers_import_only_the_layers_below_them():
    assert layer_violations(graph(), modules()) == []


def test_no_module_of_the_package_is_part_of_an_import_cycle():
    assert cycles(package_edges(graph())) == []


def test_only_the_cli_imports_the_demo_data():
    known = modules()
    importers = sorted(
        name
        for name, targets in graph().items()
        if known[name].layer not in ("demo", "cli")
        and any(known[t].layer == "demo" for t in targets)
    )
    assert importers == []


def file_io_uses(path) -> list[str]:
    tree = ast.parse(path.read_text())
    uses = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            uses += [a.name for a in node.names if a.name.split(".")[0] in FILE_IO_MODULES]
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.split(".")[0] in FILE_IO_MODULES:
                uses.append(node.module)
        elif isinstance(node, ast.Call):
            func = node.func
            called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if called in FILE_IO_CALLS:
                uses.append(f"{called}() on line {node.lineno}")
    return uses


@pytest.mark.parametrize(
    "path", sorted((REPO / "pipeline" / "statistics").glob("*.py")), ids=lambda p: p.name
)
def test_the_statistics_do_no_file_io(path):
    assert file_io_uses(path) == []


# The checks themselves: each must catch what it is there to catch.


def test_a_statistics_module_importing_a_reader_is_a_violation():
    known = modules()
    edges = {"pipeline.statistics.crosstab": {"pipeline.readers.datafile"}}
    assert layer_violations(edges, known) == [
        "pipeline.statistics.crosstab (statistics) imports pipeline.readers.datafile (readers)"
    ]


def test_two_modules_importing_each_other_are_a_cycle():
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(edges) == [["a", "b", "c"]]


def test_reading_a_file_in_the_statistics_is_found(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("import pandas as pd\nfrom pathlib import Path\ndf = pd.read_csv('x')\n")
    assert file_io_uses(module) == ["pathlib", "read_csv() on line 3"]


def test_a_function_level_import_counts():
    from .import_graph import imported_names

    source = "def f():\n    from pipeline.readers import datafile\n"
    assert "pipeline.readers.datafile" in imported_names(source, "pipeline.statistics.x", False)
