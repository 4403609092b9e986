"""ODK Central's CSV export: the submissions' CSV and one CSV per repeat, in a zip.

Central names the files after the form: ``<form>.csv`` holds one row per submission with its
``KEY`` (the instance id); each repeat comes as ``<form>-<repeat>.csv`` with the repeat's
fields, ``PARENT_KEY`` (the key of the submission, or of the enclosing repeat instance) and
its own ``KEY``, the parent's key followed by the repeat's path and position:
``uuid:…/children/child[2]``, ``uuid:…/children/child[2]/toy[1]`` for a repeat in a repeat.
The zip as Central gives it, or the CSV files unpacked side by side, are read (the
submissions' CSV names the export; its repeat CSVs are found beside it).
"""

from __future__ import annotations

import re
import tempfile
import zipfile
from pathlib import Path

from pipeline.core.errors import InputError
from pipeline.readers.ingest.table import SourceTable

PARENT_KEY, KEY = "PARENT_KEY", "KEY"
# What a zip member may inflate to: Central's exports of large projects run to a few hundred
# MB; anything beyond this is a broken or hostile archive, not an export.
MAX_UNPACKED_BYTES = 2 * 1024**3
_STEP = re.compile(r"\[(\d+)\]")


def is_zip(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(4) == b"PK\x03\x04"


def key_position(key: str) -> tuple[str, tuple[int, ...]]:
    """``uuid:ab/children/child[2]/toy[1]`` → ('uuid:ab', (2, 1)): the submission's key and
    the position in each repeat on the way (1-based)."""
    root = key.split("/", 1)[0]
    return root, tuple(int(k) for k in _STEP.findall(key[len(root) :]))


def repeat_of_file(main_stem: str, stem: str, repeats: list[str]) -> str | None:
    """The repeat a file ``<form>-<repeat>.csv`` holds, when it is one of the form's."""
    prefix = f"{main_stem}-"
    if not stem.startswith(prefix):
        return None
    name = stem[len(prefix) :]
    return name if name in repeats else None


def sibling_repeat_files(main: Path, repeats: list[str]) -> dict[str, Path]:
    """The repeat CSVs unpacked beside the submissions' CSV."""
    found = {}
    for candidate in sorted(main.parent.glob(f"{main.stem}-*.csv")):
        repeat = repeat_of_file(main.stem, candidate.stem, repeats)
        if repeat is not None:
            found[repeat] = candidate
    return found


def unpack(path: Path, folder: Path) -> list[Path]:
    """The CSV files of a Central export zip, written into ``folder`` under their own names
    (never outside it); refuses an archive that would inflate beyond MAX_UNPACKED_BYTES."""
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise InputError(f"not a readable zip archive ({exc})", file=str(path)) from None
    with archive:
        members = [m for m in archive.infolist() if m.filename.lower().endswith(".csv")]
        if not members:
            raise InputError(
                "the zip holds no CSV file; expected ODK Central's <form>.csv export",
                file=str(path),
            )
        if sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
            raise InputError(
                f"the zip's CSV files would inflate beyond {MAX_UNPACKED_BYTES:,} bytes",
                file=str(path),
            )
        out = []
        for member in members:
            target = folder / Path(member.filename).name
            target.write_bytes(archive.read(member))
            out.append(target)
    return out


def main_file(files: list[Path], archive: Path) -> Path:
    """The submissions' CSV among an export's files: the one whose name every other file
    extends (``form.csv`` beside ``form-child.csv``, ``form-toy.csv``)."""
    roots = [
        f for f in files if all(o.stem.startswith(f"{f.stem}-") for o in files if o is not f)
    ]
    if len(roots) != 1:
        raise InputError(
            "cannot tell the submissions' CSV from the repeat CSVs (expected <form>.csv beside "
            f"<form>-<repeat>.csv); the zip holds {', '.join(f.name for f in files)}",
            file=str(archive),
        )
    return roots[0]


def read_zip(
    path: Path, repeats: list[str], read
) -> tuple[SourceTable, str, dict[str, SourceTable]]:
    """The submissions' table, its format and each repeat's table of a Central export zip.
    ``read(path)`` reads one CSV as (SourceTable, format): the one reader, so every check of
    the CSV reader applies to each file. Tables name their file as ``<zip>:<member>``."""
    with tempfile.TemporaryDirectory() as folder:
        files = unpack(path, Path(folder))
        main = main_file(files, path)
        table, fmt = read(main)
        table.path = f"{path}:{main.name}"
        children = {}
        for f in files:
            repeat = repeat_of_file(main.stem, f.stem, repeats)
            if repeat is not None:
                children[repeat] = read(f)[0]
                children[repeat].path = f"{path}:{f.name}"
    return table, fmt, children
