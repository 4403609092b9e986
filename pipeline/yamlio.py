"""Safe YAML reading with errors that point at the file, line and field."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import ValidationError

from pipeline.errors import InputError

MAX_YAML_BYTES = 5_000_000
MAX_ALIAS_EXPANSIONS = 1_000


class _BoundedLoader(yaml.SafeLoader):
    """SafeLoader that refuses documents whose aliases would expand exponentially."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.alias_count = 0

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            self.alias_count += 1
            if self.alias_count > MAX_ALIAS_EXPANSIONS:
                mark = self.peek_event().start_mark
                raise yaml.YAMLError(
                    f"more than {MAX_ALIAS_EXPANSIONS} aliases (line {mark.line + 1}); "
                    "anchors and aliases that expand this much are refused"
                )
        return super().compose_node(parent, index)


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
        loader = _BoundedLoader(text)
        try:
            data = loader.get_single_data()
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        row = mark.line + 1 if mark is not None else None
        raise InputError(f"invalid YAML: {exc}", file=str(path), row=row) from None
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
