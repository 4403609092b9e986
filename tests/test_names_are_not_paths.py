"""Names are not paths: a form id or a wave that would climb out of ``--out`` is refused by the
questionnaire model (and lint says so), and, whatever its origin (a parquet file's metadata,
a report's name), by the one helper that joins names onto output folders."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipeline.cli.app import run
from pipeline.core.errors import InputError
from pipeline.core.paths import file_safe, name_problem, output_file
from pipeline.readers.dataset import read_dataset, write_dataset
from pipeline.stages.instruments import write_instruments

from .small_wave import run_wave

FIXTURES = Path(__file__).parent / "fixtures"
NOTEBOOKS = Path(__file__).parent.parent / "notebooks"
ESCAPES = ["../../../escaped", "..", "a/b", "a\\b", "/etc/passwd", "C:evil", ".hidden", "-rf",
           "x\x00y", "line\nbreak", " padded", ""]  # fmt: skip


@pytest.mark.parametrize("name", ESCAPES)
def test_names_that_are_paths_are_refused(name, tmp_path):
    assert name_problem(name)
    with pytest.raises(InputError, match="cannot be used in a file name"):
        output_file(tmp_path, name)


@pytest.mark.parametrize("name", ["mini-2021.xlsform.xlsx", "2021.tables.xlsx", "khảo_sát 2021"])
def test_plain_names_are_joined(name, tmp_path):
    assert output_file(tmp_path, name) == tmp_path / name


def test_a_symbolic_link_out_of_the_folder_is_refused(tmp_path):
    outside = tmp_path / "outside.csv"
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "w.csv").symlink_to(outside)
    with pytest.raises(InputError, match="outside the output folder"):
        output_file(tmp_path / "out", "w.csv")


def questionnaire_with(folder: Path, **fields: str) -> Path:
    data = yaml.safe_load((FIXTURES / "mini.yaml").read_text(encoding="utf-8"))
    data.update(fields)
    (folder / "mini-frame.yaml").write_bytes((FIXTURES / "mini-frame.yaml").read_bytes())
    path = folder / "q.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("field", ["form_id", "wave"])
def test_instruments_and_lint_refuse_a_form_id_or_wave_that_is_a_path(field, tmp_path, capsys):
    work = tmp_path / "a" / "b" / "c"
    work.mkdir(parents=True)
    q = questionnaire_with(work, **{field: "../../../escaped"})
    before = files_under(tmp_path)
    assert run(["instruments", str(q), "--out", str(work / "out")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and f"column {field}" in err and "file and sheet names" in err
    assert run(["lint", str(q)]) == 1
    assert f"{field}" in capsys.readouterr().out
    assert files_under(tmp_path) == before


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d["sections"][0]["questions"][1].update(name="../sex"),
        lambda d: d["sections"][1]["questions"][2]["items"][0].update(name="a/b"),
        lambda d: d["choice_lists"].update({"..\\list": d["choice_lists"]["sex"]}),
    ],
    ids=["question name", "grid item name", "choice list name"],
)
def test_lint_refuses_question_item_and_list_names_that_are_paths(change, tmp_path, capsys):
    data = yaml.safe_load((FIXTURES / "mini.yaml").read_text(encoding="utf-8"))
    change(data)
    (tmp_path / "mini-frame.yaml").write_bytes((FIXTURES / "mini-frame.yaml").read_bytes())
    path = tmp_path / "q.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert run(["lint", str(path)]) == 1
    assert "becomes part of file and sheet names" in capsys.readouterr().out


def test_instruments_refuse_a_questionnaire_object_with_a_path_as_form_id(tmp_path, mini):
    tampered = mini.model_copy(update={"form_id": "../../escaped"})
    with pytest.raises(InputError, match="file name"):
        write_instruments(tampered, tmp_path / "out" / "x")
    assert files_under(tmp_path) == set()


@pytest.fixture(scope="module")
def tampered_wave(tmp_path_factory) -> Path:
    """A weighted wave whose metadata names the wave "../../../w"."""
    root = tmp_path_factory.mktemp("w") / "a" / "b" / "c"
    root.mkdir(parents=True)
    q = questionnaire_with(root)
    run_wave(root, q, "2021", n=120)
    data, meta = read_dataset(root / "processed" / "2021.weighted.parquet")
    write_dataset(data, {**meta, "wave": "../../../w"}, root / "tampered.parquet")
    return root


@pytest.mark.parametrize("command", ["tabulate", "export"])
def test_a_wave_that_is_a_path_writes_nothing_outside_out(command, tampered_wave, capsys):
    top = tampered_wave.parent.parent.parent
    before = files_under(top)
    argv = [command, str(tampered_wave / "tampered.parquet"), "--questionnaire",
            str(tampered_wave / "q.yaml"), "--out", str(tampered_wave / "out")]  # fmt: skip
    assert run(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "'..'" in err and len(err.strip().splitlines()) == 1
    assert str(tampered_wave / "tampered.parquet") in err  # the file the wave came from
    assert files_under(top) == before


def test_a_report_named_as_a_path_writes_nothing_outside_out(tampered_wave, capsys):
    top = tampered_wave.parent.parent.parent
    before = files_under(top)
    argv = ["report", str(NOTEBOOKS / "wave_report.ipynb"), "-p", "wave=2021",
            "-p", f"root={tampered_wave}", "--to", "html", "--name", "../../../w",
            "--out", str(tampered_wave / "out")]  # fmt: skip
    assert run(argv) == 2
    assert "file name" in capsys.readouterr().err
    assert files_under(top) == before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022-04-11 16:26:28.971000", "2022-04-11 16-26-28.971000"),
        ("../../../escaped", "escaped"),
        ("a/b\\c", "a-b-c"),
        ("::", "1"),
        ("", "1"),
    ],
)
def test_an_imported_version_becomes_a_file_safe_wave(text, expected):
    assert file_safe(text, "1") == expected
    assert name_problem(file_safe(text, "1")) is None
