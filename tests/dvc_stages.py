"""The stages of dvc.yaml as the DVC-dependency test needs them: each stage's command, the
project modules that command runs, and the paths it declares as dependencies."""

from __future__ import annotations

import ast
import shlex
from dataclasses import dataclass
from pathlib import Path

import yaml

from .import_graph import REPO, closure, graph, modules, notebook_imports

CLI = REPO / "pipeline" / "cli"


@dataclass(frozen=True)
class Stage:
    name: str
    command: list[str]
    deps: tuple[str, ...]


def command_modules() -> dict[str, str]:
    """`survey` command name → the CLI module that defines it (its ``.command("name")``)."""
    found = {}
    for path in sorted(CLI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "command"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found[node.args[0].value] = f"pipeline.cli.{path.stem}"
    return found


def stages(dvc_yaml: Path = REPO / "dvc.yaml") -> list[Stage]:
    """Every stage of dvc.yaml, foreach/matrix templates taken as they are written (the
    ``${...}`` placeholders stand for data files, never for code)."""
    spec = yaml.safe_load(dvc_yaml.read_text())["stages"]
    out = []
    for name, stage in spec.items():
        body = stage.get("do", stage)
        out.append(Stage(name, shlex.split(body["cmd"]), tuple(body.get("deps", ()))))
    return out


def code_of(stage: Stage) -> set[Path]:
    """The files of the package that the stage's command imports (with lazy imports), the
    notebooks it executes and the modules those import."""
    assert stage.command[0] == "survey", f"stage {stage.name} does not run a survey command"
    own = command_modules()[stage.command[1]]
    known = modules()
    other_commands = {m for m in known if m.startswith("pipeline.cli.") and m != own}
    roots = {own, "pipeline.cli.app"}
    notebooks = [REPO / arg for arg in stage.command if arg.endswith(".ipynb")]
    for notebook in notebooks:
        roots |= {n for n in notebook_imports(notebook) if n in known}
    reached = closure(roots, graph(), skip=other_commands - {"pipeline.cli.app"})
    return {known[name].path for name in reached} | set(notebooks)


def package_data(stage: Stage) -> set[Path]:
    """Templates read at run time by the modules the stage runs (a ``templates`` folder
    beside a module of the stage)."""
    folders = {path.parent / "templates" for path in code_of(stage)}
    return {f for folder in folders if folder.is_dir() for f in folder.iterdir()}


def covered(path: Path, deps: tuple[str, ...]) -> bool:
    """Whether a declared dependency is ``path`` itself or a folder above it."""
    rel = path.relative_to(REPO)
    return any(rel == Path(d) or Path(d) in rel.parents for d in deps)
