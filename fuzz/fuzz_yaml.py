"""Coverage-guided fuzzing (atheris) of the YAML inputs: questionnaire, frame, cleaning
config and harmonisation map.

Arbitrary bytes, seeded with the real files, are written as each kind of YAML file and
loaded the way the stages load them. The only exception allowed out is
``pipeline.core.errors.InputError``: deep nesting, aliases, wrong types and broken text must
all end there (a RecursionError, a TypeError or a KeyError is a crash that atheris reports
with the input that caused it).

Usage: python fuzz/fuzz_yaml.py [libFuzzer flags, e.g. -max_total_time=60 -seed=1] [corpus]
"""

from __future__ import annotations

import atexit
import shutil
import sys
import tempfile
import warnings
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["pipeline"]):
    from pipeline.core.errors import InputError
    from pipeline.model.cleaning_rules import load_cleaning_config
    from pipeline.model.frame import load_frame
    from pipeline.model.harmonize import load_harmonization
    from pipeline.model.questionnaire import load_questionnaire

REPO = Path(__file__).resolve().parent.parent
WORK = Path(tempfile.mkdtemp(prefix="fuzz-yaml-"))
atexit.register(shutil.rmtree, WORK, ignore_errors=True)
SEEDS = {
    "questionnaire": REPO / "tests" / "fixtures" / "mini.yaml",
    "frame": REPO / "tests" / "fixtures" / "mini-frame.yaml",
    "cleaning": REPO / "questionnaires" / "cleaning.yaml",
    "map": REPO / "questionnaires" / "harmonization-2021-2023.yaml",
}
LOADERS = {
    "questionnaire": load_questionnaire,
    "frame": load_frame,
    "cleaning": load_cleaning_config,
    "map": load_harmonization,
}
# the questionnaire's frame, for questionnaires that name it
shutil.copy(SEEDS["frame"], WORK / "mini-frame.yaml")


def fuzz_one(data: bytes) -> None:
    for kind, load in LOADERS.items():
        path = WORK / f"{kind}.yaml"
        path.write_bytes(data)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                load(path)
        except InputError:
            pass


def seed_corpus() -> Path:
    folder = WORK / "seeds"
    folder.mkdir(exist_ok=True)
    for kind, path in SEEDS.items():
        (folder / f"{kind}.yaml").write_bytes(path.read_bytes())
    (folder / "deep.yaml").write_bytes(b"a: " + b"[" * 300 + b"]" * 300 + b"\n")
    return folder


def main() -> None:
    flags = sys.argv[1:]
    if not any(not f.startswith("-") for f in flags):
        flags.append(str(seed_corpus()))
    atheris.Setup([sys.argv[0], *flags], fuzz_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
