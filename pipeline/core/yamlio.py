"""Safe YAML reading with errors that point at the file, line and field."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import ValidationError

from pipeline.core.errors import InputError

MAX_YAML_BYTES = 5_000_000
MAX_EXPANDED_NODES = 1_000_000
# A questionnaire nests a dozen levels; PyYAML composes recursively and Python stops near 1000.
MAX_YAML_DEPTH = 100


def _depth(root: yaml.Node) -> int:
    """How deeply ``root``'s collections nest (iteratively: the document may be deep)."""
    deepest, stack, seen = 0, [(root, 1)], set()
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        deepest = max(deepest, depth)
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend((part, depth + 1) for pair in node.value for part in pair)
    return deepest


def _too_deep(path: Path) -> InputError:
    return InputError(
        f"the YAML nests deeper than {MAX_YAML_DEPTH} levels; refused (brackets left open?)",
        file=str(path),
    )


def _expanded_size(node: yaml.Node, memo: dict[int, int]) -> int:
    """Number of nodes once every alias is expanded (aliases share node objects)."""
    key = id(node)
    if key in memo:
        return memo[key]
    memo[key] = 1  # a recursive alias counts once rather than looping forever
    if isinstance(node, yaml.SequenceNode):
        size = 1 + sum(_expanded_size(child, memo) for child in node.value)
    elif isinstance(node, yaml.MappingNode):
        size = 1 + sum(_expanded_size(k, memo) + _expanded_size(v, memo) for k, v in node.value)
    else:
        size = 1
    memo[key] = size
    return size


def _parse(text: str, path: Path) -> object:
    loader = yaml.SafeLoader(text)
    try:
        try:
            node = loader.get_single_node()
        except RecursionError:
            raise _too_deep(path) from None
        if node is None:
            return None
        if _depth(node) > MAX_YAML_DEPTH:
            raise _too_deep(path)
        if _expanded_size(node, {}) > MAX_EXPANDED_NODES:
            raise InputError(
                f"anchors and aliases expand to more than {MAX_EXPANDED_NODES:,} nodes; "
                "refused (a YAML 'billion laughs' document?)",
                file=str(path),
            )
        return loader.construct_document(node)
    finally:
        loader.dispose()


def load_yaml_mapping(path: str | Path) -> dict:
    """Read a YAML file whose top level is a mapping."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror}", file=str(path)) from None
    if len(raw) > MAX_YAML_BYTES:
        raise InputError(f"file is larger than {MAX_YAML_BYTES} bytes", file=str(path))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not UTF-8 text (byte {exc.start}); save the file as UTF-8", file=str(path)
        ) from None
    try:
        data = _parse(text, path)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        row = mark.line + 1 if mark is not None else None
        # one line: PyYAML's own message quotes the source over several lines
        problem = getattr(exc, "problem", None) or str(exc)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        detail = " ".join(f"{problem}{where}".split())
        raise InputError(f"invalid YAML: {detail}", file=str(path), row=row) from None
    if not isinstance(data, dict):
        raise InputError("expected a YAML mapping at the top level", file=str(path))
    return data


def validation_error_to_input_error(exc: ValidationError, source: str) -> InputError:
    """Turn pydantic's error list into one InputError naming each field path."""
    lines = []
    first_path = None
    for err in exc.errors():
        path = ".".join(str(p) for p in err["loc"])
        first_path = first_path or path
        lines.append(f"{path}: {err['msg']}")
    return InputError("; ".join(lines), file=source, column=first_path)
