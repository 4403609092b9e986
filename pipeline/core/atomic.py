"""Atomic file writes: a temporary file in the same folder, then a rename.

A failed or killed run leaves the previous output intact and no half-written file.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_path(target: str | Path, mode: int = 0o644) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it onto ``target`` on success.

    The file gets permissions ``mode`` (0o600 for secrets).

    For writers that want a file name (pandas, pyreadstat, openpyxl). On any exception the
    temporary file is removed and ``target`` is untouched.
    """
    target = Path(target)
    with naming_the_path(target):
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(target)
        # the writer's process id in the name tells a later run whether the file is abandoned
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name}.{os.getpid()}.",
            suffix=".tmp" + target.suffix,
            dir=target.parent,
        )
        os.close(fd)
    tmp = Path(tmp_name)
    try:
        with naming_the_path(target):
            yield tmp
            if not tmp.exists() or (tmp.stat().st_size == 0 and target.suffix != ".log"):
                raise OSError(f"the writer produced no output for {target}")
            # mkstemp creates the file owner-only; outputs are ordinary shared files.
            os.chmod(tmp, mode)
            os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


@contextlib.contextmanager
def naming_the_path(target: Path) -> Iterator[None]:
    """Give an OS error raised without a file name (a full disk inside a library's writer)
    the path of the output being written, so that the message can say which file failed."""
    try:
        yield
    except OSError as exc:
        if exc.filename is None and exc.errno is not None:
            raise type(exc)(exc.errno, exc.strerror, str(target)) from exc
        raise


def remove_stale_temporaries(target: str | Path) -> list[Path]:
    """Remove the temporary files of ``target`` left by a killed run; return them.

    A run killed mid-write (SIGKILL, power loss) cannot remove its temporary file, which may
    hold half of a confidential output. Only files whose writing process no longer exists
    are removed, so a concurrent writer of the same target is left alone.
    """
    target = Path(target)
    prefix = f".{target.name}."
    removed = []
    for path in target.parent.glob(f"{glob.escape(prefix)}*.tmp*"):
        pid = path.name[len(prefix) :].split(".", 1)[0]
        if pid.isdigit() and not _process_exists(int(pid)):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(path)
    return removed


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # someone else's process, or not a pid at all: leave the file alone
    return True


def write_text(target: str | Path, text: str) -> None:
    """Write UTF-8 text atomically."""
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8")


def write_bytes(target: str | Path, data: bytes) -> None:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


# ---- a set of files swapped in together ----------------------------------------------------

STAGING_PREFIX = ".staging."
COMMIT_MARKER = ".committed"


@contextlib.contextmanager
def staged_folder(out_dir: str | Path) -> Iterator[Path]:
    """Yield a private folder inside ``out_dir``; on success move every file written there
    into ``out_dir`` together, so that a stage writing several files leaves them all old or
    all new.

    The swap is journalled: once everything is written, a commit marker listing the files is
    renamed into the staging folder (one atomic step), then the files are renamed into place.
    A run killed before the marker leaves the old files untouched; a run killed after it is
    finished by the next staged write into ``out_dir`` (``finish_interrupted_swaps``), which
    completes the renames, so the set ends all new. On an exception the staging folder is
    removed and the old files stay. OS errors name the final path, not the staging one.
    """
    out_dir = Path(out_dir)
    with naming_the_path(out_dir):
        out_dir.mkdir(parents=True, exist_ok=True)
        finish_interrupted_swaps(out_dir)
        staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}.", dir=out_dir))
    try:
        try:
            yield staging
            names = sorted(
                str(p.relative_to(staging)) for p in staging.rglob("*") if p.is_file()
            )
            write_text(staging / COMMIT_MARKER, "\n".join(names) + "\n")
        except OSError as exc:
            raise _outside_staging(exc, staging, out_dir) from exc
        _move_in(staging, out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _outside_staging(exc: OSError, staging: Path, out_dir: Path) -> OSError:
    """``exc`` with a file name inside ``staging`` replaced by the final path in ``out_dir``."""
    name = exc.filename
    if exc.errno is None or name is None or not str(name).startswith(str(staging)):
        return exc
    relative = Path(name).relative_to(staging)
    # the commit marker is the swap itself: the folder is what failed
    final = out_dir if relative.name.startswith(COMMIT_MARKER) else out_dir / relative
    return type(exc)(exc.errno, exc.strerror, str(final))


def _move_in(staging: Path, out_dir: Path) -> None:
    """Rename the committed files of ``staging`` into ``out_dir`` (those still there)."""
    names = (staging / COMMIT_MARKER).read_text(encoding="utf-8").split("\n")
    for name in filter(None, names):
        source = staging / name
        if source.exists():
            (out_dir / name).parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, out_dir / name)


def finish_interrupted_swaps(out_dir: str | Path) -> list[Path]:
    """Finish or undo the staged writes into ``out_dir`` of processes that no longer exist:
    committed ones are moved in, the others discarded. Returns the staging folders handled."""
    handled = []
    for staging in sorted(Path(out_dir).glob(f"{glob.escape(STAGING_PREFIX)}*")):
        pid = staging.name[len(STAGING_PREFIX) :].split(".", 1)[0]
        if not staging.is_dir() or not pid.isdigit() or _process_exists(int(pid)):
            continue
        if (staging / COMMIT_MARKER).exists():
            _move_in(staging, Path(out_dir))
        shutil.rmtree(staging, ignore_errors=True)
        handled.append(staging)
    return handled
