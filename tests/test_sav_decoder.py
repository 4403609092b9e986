"""The .sav data decoder (pipeline/readers/sav_data.py) gives exactly pyreadstat's values: on
every .sav of the third-party corpus, column by column, and on random frames written by
pyreadstat uncompressed and bytecode-compressed; it says which files and columns it leaves to
pyreadstat (and the reader then reads them that way); a truncated data section or a header
that miscounts the cases is refused with a one-line error naming the file. The metadata read
without pyreadstat (pipeline/readers/sav_meta.py) is pyreadstat's, on the corpus and on
random labelled files."""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pyreadstat
import pytest

from pipeline.core.errors import InputError
from pipeline.readers import statfile
from pipeline.readers.datafile import read_file
from pipeline.readers.sav_data import (
    ColumnSpec,
    NotCovered,
    _block_starts,
    _literal_counts,
    decode_columns,
    read_layout,
)
from pipeline.readers.sav_meta import sav_meta

CORPUS = Path(__file__).parent / "corpus"
SAV_FILES = sorted([*CORPUS.rglob("*.sav"), *CORPUS.rglob("*.zsav")])


def read_sav_columns(path: Path, n_variables: int, specs: dict, encoding: str | None):
    """The decoder's columns of the file at ``path`` and its number of cases."""
    buffer = path.read_bytes()
    return decode_columns(path, buffer, read_layout(buffer), n_variables, specs, encoding)

# what the decoder leaves to pyreadstat in the corpus, column by column, and why
NOT_COVERED = {
    "haven/datetime.sav": {"date": "ADATE10", "date.posix": "DATETIME20", "time": "TIME11.2"},
    "pyreadstat/sample.sav": {"mydate": "EDATE10", "dtime": "DATETIME20", "mytime": "TIME8"},
    "pyreadstat/sample_missing.sav": {
        "mydate": "EDATE10",
        "dtime": "DATETIME20",
        "mytime": "TIME8",
    },  # fmt: skip
    "pyreadstat/simple_alltypes.sav": {"y": "ADATE10", "date": "SDATE10", "quarter": "QYR8"},
    "pyreadstat/test_width.sav": "very long strings (record 7.14)",
    "pyreadstat/tegulu.sav": "very long strings (record 7.14)",
    "pyreadstat/sample_large.sav": {"mydate": "DATE11", "dtime": "DATETIME20", "mytime": "TIME8"},
    "pyreadstat/sample.zsav": "a .zsav file (zlib-compressed data)",
}


def corpus_id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def pyreadstat_columns(path: Path) -> tuple[dict[str, list], object]:
    """pyreadstat's own reading (dict output, user-missing values kept as codes)."""
    try:
        return pyreadstat.read_sav(str(path), user_missing=True, output_format="dict")
    except OverflowError:  # a date beyond year 9999 (haven's datetime.sav)
        return pyreadstat.read_sav(str(path), user_missing=True, output_format="dict",
                                   disable_datetime_conversion=True)  # fmt: skip


def specs_of(meta) -> dict[str, ColumnSpec]:
    return {
        name: ColumnSpec(i, meta.original_variable_types[name],
                         meta.readstat_variable_types[name] == "string")
        for i, name in enumerate(meta.column_names)
    }  # fmt: skip


def decode_each(path: Path) -> dict[str, np.ndarray | str]:
    """Every column decoded alone: its array, or the reason it is not covered."""
    _, meta = pyreadstat.read_sav(str(path), metadataonly=True, output_format="dict")
    out: dict[str, np.ndarray | str] = {}
    for name, spec in specs_of(meta).items():
        try:
            arrays, _ = read_sav_columns(path, len(meta.column_names), {name: spec},
                                         meta.file_encoding)  # fmt: skip
            out[name] = arrays[name]
        except NotCovered as exc:
            out[name] = str(exc)
    return out


def same_as_pyreadstat(decoded: np.ndarray, values: list) -> bool:
    """Text: the same str objects; numbers: the same float64 bits, None being NaN."""
    if decoded.dtype == object:
        return all(type(v) is str for v in decoded) and list(decoded) == values
    expected = np.array([np.nan if v is None else v for v in values], dtype=np.float64)
    return decoded.dtype == np.float64 and np.array_equal(decoded, expected, equal_nan=True)


@pytest.mark.parametrize("path", SAV_FILES, ids=corpus_id)
def test_every_corpus_column_decodes_to_pyreadstat_values_or_says_why_not(path):
    data, _ = pyreadstat_columns(path)
    decoded = decode_each(path)
    expected = NOT_COVERED.get(corpus_id(path), {})
    for name, result in decoded.items():
        if isinstance(expected, str):
            assert result == expected, name
        elif name in expected:
            assert result == f"{name}: the format {expected[name]} (pyreadstat converts it)"
        else:
            assert not isinstance(result, str), (name, result)
            assert same_as_pyreadstat(result, data[name]), name


def test_the_corpus_has_files_of_each_kind_the_decoder_meets():
    """Compressed and uncompressed, UTF-8 and windows-1252, text and numbers are decoded."""
    kinds = set()
    for path in SAV_FILES:
        if path.suffix == ".zsav":
            continue
        _, meta = pyreadstat.read_sav(str(path), metadataonly=True)
        kinds.add(read_layout(path.read_bytes()).compression)
        kinds.add(meta.file_encoding)
    assert {0, 1, "UTF-8", "windows-1252"} <= kinds


@pytest.mark.parametrize("path", SAV_FILES, ids=corpus_id)
def test_the_reader_gives_what_pyreadstat_lists_give(path):
    """read_stat_columns (the decoder where it covers the file, else pyreadstat's lists) and
    pyreadstat's lists alone: the same arrays, or both leave the file to the DataFrame path;
    the same for the columns the decoder covers, asked alone."""
    fmt = path.suffix[1:]
    decoded = decode_each(path)
    covered = [n for n, v in decoded.items() if not isinstance(v, str)]
    for columns in (None, covered or None):
        ours = statfile.read_stat_columns(path, fmt, columns=columns)
        lists = statfile._columns_from_lists(path, fmt, None, columns, ())
        assert (ours is None) == (lists is None)
        if ours is None:
            continue
        assert ours[0].columns == lists[0].columns and len(ours[0]) == len(lists[0])
        for name in ours[0].columns:
            a, b = ours[0][name], lists[0][name]
            assert a.dtype == b.dtype, name
            assert np.array_equal(a, b, equal_nan=a.dtype != object), name
        assert ours[1].missing_ranges == lists[1].missing_ranges
        assert ours[1].value_labels == lists[1].value_labels
        assert ours[1].encoding == lists[1].encoding


# ---- random frames written by pyreadstat ---------------------------------------------------

VIETNAMESE = "Cơ quan hành chính Nhà nước Đảng Mặt trận Tổ quốc ưu tiên ngoài nhà nước "


def random_text(rng: np.random.Generator, max_bytes: int) -> str:
    """A Vietnamese (NFC) or ASCII string of at most ``max_bytes`` UTF-8 bytes, sometimes
    with leading or trailing spaces, sometimes empty."""
    if rng.random() < 0.1:
        return ""
    start = int(rng.integers(0, len(VIETNAMESE)))
    text = (VIETNAMESE * 8)[start : start + int(rng.integers(1, 260))]
    if rng.random() < 0.3:
        text = "  " + text + "   "
    while len(text.encode("utf-8")) > max_bytes:
        text = text[:-1]
    return text


def random_frame(seed: int, rows: int = 400) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    fractions = rng.normal(0, 1e3, rows)
    big = rng.integers(-(2**53), 2**53, rows).astype(float)
    small = rng.integers(-99, 152, rows).astype(float)  # what compression stores as codes
    small[rng.random(rows) < 0.15] = np.nan
    special = rng.choice(np.array([0.0, -0.0, 1e308, -1e308, 0.5, 151.0, 152.0, -99.0,
                                   -100.0, np.inf, -np.inf, np.nan]), rows)  # fmt: skip
    frame = {"fractions": fractions, "big": big, "small": small, "special": special}
    for width in (1, 7, 8, 9, 64, 255):
        frame[f"text{width}"] = [random_text(rng, width) for _ in range(rows)]
    frame["all_empty"] = [""] * rows
    return pd.DataFrame(frame)


@pytest.mark.parametrize("compressed", [False, True], ids=["uncompressed", "compressed"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_frames_decode_to_pyreadstat_values(tmp_path, seed, compressed):
    path = tmp_path / "random.sav"
    pyreadstat.write_sav(random_frame(seed), path, row_compress=compressed)
    assert read_layout(path.read_bytes()).compression == int(compressed)
    data, meta = pyreadstat.read_sav(str(path), user_missing=True, output_format="dict")
    arrays, n_rows = read_sav_columns(path, len(meta.column_names), specs_of(meta),
                                      meta.file_encoding)  # fmt: skip
    assert n_rows == len(data["fractions"])
    assert list(arrays) == list(meta.column_names)
    for name in arrays:
        assert same_as_pyreadstat(arrays[name], data[name]), name


def test_highest_lowest_and_system_missing_are_all_missing_as_readstat_tags_them(tmp_path):
    path = tmp_path / "extremes.sav"
    highest = np.finfo(np.float64).max
    frame = pd.DataFrame({"x": [highest, -highest, np.nextafter(-highest, 0), 1.0, np.nan]})
    pyreadstat.write_sav(frame, path)
    _, meta = pyreadstat.read_sav(str(path), metadataonly=True, output_format="dict")
    arrays, _ = read_sav_columns(path, 1, specs_of(meta), meta.file_encoding)
    expected = pyreadstat.read_sav(str(path), output_format="dict")[0]["x"]
    assert expected[:3] == [None, None, None]
    assert same_as_pyreadstat(arrays["x"], expected)


# ---- what is left to pyreadstat --------------------------------------------------------------


def test_a_very_long_string_leaves_the_file_to_pyreadstat(tmp_path):
    path = tmp_path / "long.sav"
    pyreadstat.write_sav(pd.DataFrame({"note": ["x" * 300, "y"], "q": [1.0, 2.0]}), path)
    _, meta = pyreadstat.read_sav(str(path), metadataonly=True, output_format="dict")
    with pytest.raises(NotCovered, match="very long strings"):
        read_sav_columns(path, len(meta.column_names), specs_of(meta), meta.file_encoding)
    table, _ = statfile.read_stat_columns(path, "sav")
    assert list(table["note"]) == ["x" * 300, "y"]


def test_an_encoding_python_may_decode_unlike_iconv_leaves_text_to_pyreadstat(tmp_path):
    path = tmp_path / "cp1258.sav"
    pyreadstat.write_sav(pd.DataFrame({"name": ["Ho"], "q": [1.0]}), path)
    _, meta = pyreadstat.read_sav(str(path), metadataonly=True, encoding="CP1258",
                                  output_format="dict")  # fmt: skip
    specs = specs_of(meta)  # iconv's CP1258 even reads the names apart: 'nam', 'e'
    with pytest.raises(NotCovered, match="CP1258"):
        read_sav_columns(path, 2, specs, "CP1258")
    number = [s for s in specs.values() if not s.text]
    numbers, _ = read_sav_columns(path, 2, {"q": number[0]}, "CP1258")  # no text: no codec
    assert list(numbers["q"]) == [1.0]


def test_a_column_pyreadstat_calls_a_date_is_left_to_it(tmp_path):
    path = tmp_path / "dates.sav"
    frame = pd.DataFrame({"when": pd.to_datetime(["2024-01-02", None]), "q": [1.0, 2.0]})
    pyreadstat.write_sav(frame, path)
    _, meta = pyreadstat.read_sav(str(path), metadataonly=True, output_format="dict")
    specs = specs_of(meta)
    with pytest.raises(NotCovered, match="when: the format DATETIME"):
        read_sav_columns(path, 2, specs, meta.file_encoding)
    assert statfile.read_stat_columns(path, "sav") is None  # the DataFrame path reads it
    table, _ = statfile.read_stat_columns(path, "sav", columns=["q"])
    assert list(table["q"]) == [1.0, 2.0]


def test_the_reader_needs_no_pyreadstat_for_a_file_the_decoder_covers(tmp_path, monkeypatch):
    plain = tmp_path / "plain.sav"
    pyreadstat.write_sav(pd.DataFrame({"q": [1.0, 2.0], "name": ["a", "bé"]}), plain,
                         row_compress=True)  # fmt: skip
    dates = tmp_path / "dates.sav"
    frame = pd.DataFrame({"when": pd.to_datetime(["2024-01-02", None]), "q": [1.0, 2.0]})
    pyreadstat.write_sav(frame, dates, missing_ranges={"when": [{"lo": 0.0, "hi": 1.0}]})
    calls = []
    real = pyreadstat.read_sav

    def counted(*args, **kwargs):
        calls.append(kwargs.get("metadataonly", False))
        return real(*args, **kwargs)

    monkeypatch.setattr(pyreadstat, "read_sav", counted)
    table, meta = statfile.read_stat_columns(plain, "sav")
    assert calls == []
    assert list(table["name"]) == ["a", "bé"] and meta.encoding == "UTF-8"
    # missing values on a date: pyreadstat reads the dictionary, the decoder the number
    table, meta = statfile.read_stat_columns(dates, "sav", columns=["q"])
    assert calls == [True]
    assert list(table["q"]) == [1.0, 2.0] and "when" in meta.missing_ranges


def test_a_crosstab_from_a_sav_does_not_import_pyreadstat(tmp_path):
    path = survey_sav(tmp_path, compressed=True)
    probe = ("import sys; from pipeline.cli.app import run; code = run(sys.argv[1:]); "
             "print(code, 'pyreadstat' in sys.modules)")  # fmt: skip
    done = subprocess.run([sys.executable, "-c", probe, "crosstab", str(path), "--row", "q1",
                           "--col", "q2", "--json"], capture_output=True, text=True)  # fmt: skip
    assert done.stdout.strip().splitlines()[-1] == "0 False"


# ---- the metadata without pyreadstat --------------------------------------------------------

# what sav_meta leaves to pyreadstat in the corpus, and why
META_NOT_COVERED = {
    "pyreadstat/test_width.sav": "long string value labels, missing values or very long strings",
    "pyreadstat/tegulu.sav": "long string value labels, missing values or very long strings",
    "pyreadstat/missing_char.sav": "mychar: user-missing values of a text variable",
    "pyreadstat/sample.zsav": "a .zsav file (zlib-compressed data)",
}


def assert_same_metadata(path: Path, encoding: str | None = None) -> None:
    """sav_meta's metadata is pyreadstat's (dictionary only, user-missing values kept)."""
    ours = sav_meta(read_layout(path.read_bytes()), encoding)
    extra = {"encoding": encoding} if encoding else {}
    _, meta = pyreadstat.read_sav(str(path), metadataonly=True, user_missing=True,
                                  output_format="dict", **extra)  # fmt: skip
    assert ours.names == list(meta.column_names)
    assert {n: s.text for n, s in ours.specs.items()} == {
        n: t == "string" for n, t in meta.readstat_variable_types.items()
    }
    formats = {n: s.format for n, s in ours.specs.items() if not s.format.startswith("type ")}
    assert formats == {n: meta.original_variable_types[n] for n in formats}
    assert [s.index for s in ours.specs.values()] == list(range(len(ours.names)))
    assert ours.column_labels == {k: v for k, v in meta.column_names_to_labels.items() if v}
    assert ours.value_labels == meta.variable_value_labels
    assert ours.missing_ranges == meta.missing_ranges
    assert ours.file_label == (meta.file_label or None)
    assert ours.encoding == meta.file_encoding


@pytest.mark.parametrize("path", SAV_FILES, ids=corpus_id)
def test_the_metadata_of_every_corpus_file_is_pyreadstat_s_or_left_to_it(path):
    expected = META_NOT_COVERED.get(corpus_id(path))
    if expected is not None:
        with pytest.raises(NotCovered) as refused:
            sav_meta(read_layout(path.read_bytes()), None)
        assert str(refused.value) == expected
    else:
        assert_same_metadata(path)


def test_the_corpus_metadata_has_labels_missing_values_and_long_names():
    """What the comparison above goes through: it would not fail on bare files."""
    seen = set()
    for path in SAV_FILES:
        if corpus_id(path) in META_NOT_COVERED:
            continue
        ours = sav_meta(read_layout(path.read_bytes()), None)
        seen |= {"value labels"} if ours.value_labels else set()
        keys = [k for labels in ours.value_labels.values() for k in labels]
        ranges = [r for column in ours.missing_ranges.values() for r in column]
        seen |= {"text value labels"} if any(isinstance(k, str) for k in keys) else set()
        seen |= {"missing ranges"} if any(r["lo"] != r["hi"] for r in ranges) else set()
        seen |= {"column labels"} if ours.column_labels else set()
        seen |= {"file label"} if ours.file_label else set()
        seen |= {"long names"} if any(len(n.encode()) > 8 for n in ours.names) else set()
    assert seen == {"value labels", "text value labels", "missing ranges", "column labels",
                    "file label", "long names"}  # fmt: skip


@pytest.mark.parametrize("seed", [1, 2])
def test_the_metadata_of_random_labelled_files_is_pyreadstat_s(tmp_path, seed):
    rng = np.random.default_rng(seed)
    frame = random_frame(seed, rows=20)
    frame.columns = [f"{c}_biến_số_{i}" if rng.random() < 0.5 else c
                     for i, c in enumerate(frame.columns)]  # fmt: skip
    numbers = [c for c in frame.columns if frame[c].dtype == float]
    texts = [c for c in frame.columns if frame[c].dtype != float and "text1" in c]
    labels = {c: random_text(rng, 120) or "nhãn" for c in frame.columns if rng.random() < 0.7}
    value_labels = {numbers[0]: {1.0: "Nam", 2.0: "Nữ", -1.5: "Không rõ"},
                    numbers[2]: {float(v): f"mã {v} " + VIETNAMESE[: 3 * v] for v in range(9)},
                    texts[0]: {"C": "Có", "K": "Không"}}  # fmt: skip
    missing = {numbers[0]: [-1.5, 99.0, 98.0], numbers[2]: [{"lo": 90.0, "hi": 99.0}, 7.0],
               numbers[1]: [{"lo": -np.inf, "hi": -1e15}]}  # fmt: skip
    path = tmp_path / "labelled.sav"
    pyreadstat.write_sav(frame, path, file_label="Khảo sát thử", column_labels=labels,
                         variable_value_labels=value_labels, missing_ranges=missing,
                         row_compress=bool(seed % 2))  # fmt: skip
    assert_same_metadata(path)
    assert_same_metadata(path, encoding="UTF-8")


def test_a_user_s_encoding_decodes_the_metadata_as_pyreadstat_does(tmp_path):
    path = tmp_path / "latin.sav"
    pyreadstat.write_sav(pd.DataFrame({"q": [1.0]}), path, column_labels={"q": "café"},
                         variable_value_labels={"q": {1.0: "déjà"}})  # fmt: skip
    assert_same_metadata(path, encoding="ISO-8859-1")  # mojibake, but pyreadstat's mojibake


# ---- bad files -------------------------------------------------------------------------------


def survey_sav(tmp_path: Path, compressed: bool) -> Path:
    path = tmp_path / ("compressed.sav" if compressed else "plain.sav")
    rng = np.random.default_rng(3)
    frame = pd.DataFrame({"q1": rng.integers(1, 4, 50).astype(float),
                          "q2": rng.integers(1, 4, 50).astype(float),
                          "score": rng.normal(50, 10, 50), "name": ["Nguyễn"] * 50})  # fmt: skip
    pyreadstat.write_sav(frame, path, row_compress=compressed)
    return path


def set_ncases(path: Path, ncases: int) -> None:
    data = bytearray(path.read_bytes())
    data[80:84] = struct.pack("<i", ncases)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("compressed", [False, True], ids=["uncompressed", "compressed"])
def test_a_truncated_data_section_is_refused_naming_the_file_and_the_case(tmp_path, compressed):
    path = survey_sav(tmp_path, compressed)
    path.write_bytes(path.read_bytes()[:-100])
    with pytest.raises(InputError) as error:
        read_file(path, columnar=True)
    assert error.value.file == str(path)
    assert "the data section is truncated: case" in str(error.value)
    assert "\n" not in str(error.value)


@pytest.mark.parametrize("compressed", [False, True], ids=["uncompressed", "compressed"])
@pytest.mark.parametrize("ncases", [49, 51])
def test_a_header_that_miscounts_the_cases_is_refused(tmp_path, compressed, ncases):
    path = survey_sav(tmp_path, compressed)
    set_ncases(path, ncases)
    with pytest.raises(InputError, match=f"the header says {ncases} cases, the data section "
                                         "holds 50"):  # fmt: skip
        read_file(path, columnar=True)


@pytest.mark.parametrize("compressed", [False, True], ids=["uncompressed", "compressed"])
def test_ingest_and_clean_refuse_a_header_that_miscounts_the_cases_too(tmp_path, compressed):
    """pyreadstat, which the DataFrame path reads with, would keep the first 49 cases of 50
    without a word."""
    path = survey_sav(tmp_path, compressed)
    set_ncases(path, 49)
    with pytest.raises(InputError, match="the header says 49 cases, the data section holds 50"):
        read_file(path)


def test_a_header_without_a_case_count_reads_every_case(tmp_path):
    path = survey_sav(tmp_path, compressed=True)
    set_ncases(path, -1)
    assert len(read_file(path, columnar=True).frame) == 50


def test_the_cli_refuses_a_truncated_sav_in_one_line(tmp_path):
    path = survey_sav(tmp_path, compressed=True)
    path.write_bytes(path.read_bytes()[:-100])
    cli = "import sys; from pipeline.cli.app import run; sys.exit(run(sys.argv[1:]))"
    done = subprocess.run([sys.executable, "-c", cli, "crosstab", str(path), "--row", "q1",
                           "--col", "q2"], capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0
    assert str(path) in done.stderr and "truncated" in done.stderr


def test_every_encoding_spelling_the_decoder_takes_is_one_pyreadstat_takes(tmp_path):
    """The decoder's encodings by name: iconv (through pyreadstat) reads a file with each."""
    from pipeline.readers.sav_data import _SAME_AS_ICONV

    path = tmp_path / "ascii.sav"
    pyreadstat.write_sav(pd.DataFrame({"q": [1.0], "s": ["abc"]}), path)
    for spelling in _SAME_AS_ICONV:
        data, _ = pyreadstat.read_sav(str(path), encoding=spelling, output_format="dict")
        assert data["s"] == ["abc"], spelling


def test_an_encoding_spelling_iconv_refuses_is_refused_as_pyreadstat_refuses_it(tmp_path):
    path = tmp_path / "plain.sav"
    pyreadstat.write_sav(pd.DataFrame({"q": [1.0], "s": ["abc"]}), path)
    with pytest.raises(InputError, match="not a readable sav file"):
        read_file(path, encoding="latin-1", columnar=True)


def test_the_end_code_ends_the_data_and_what_follows_is_padding(tmp_path):
    """Command 252 in the last block: the commands after it, and any bytes after the block,
    are not data (SPSS pads the section so)."""
    path = survey_sav(tmp_path, compressed=True)
    data = bytearray(path.read_bytes())
    layout = read_layout(bytes(data))
    words = np.frombuffer(bytes(data), dtype="<u8", offset=layout.data_offset)
    last = layout.data_offset + 8 * int(_block_starts(_literal_counts(words))[-1])
    commands = list(data[last : last + 8])
    assert 0 in commands  # 50 cases of 4 segments: the last block has room
    commands[commands.index(0)] = 252
    data[last : last + 8] = bytes(commands)
    padded = tmp_path / "ended.sav"
    padded.write_bytes(bytes(data) + b"\xfd" * 8 + b"junk")
    _, meta = pyreadstat.read_sav(str(path), metadataonly=True, output_format="dict")
    expected, _ = read_sav_columns(path, 4, specs_of(meta), "UTF-8")
    ended, n_rows = read_sav_columns(padded, 4, specs_of(meta), "UTF-8")
    assert n_rows == 50
    for name in expected:
        assert np.array_equal(ended[name], expected[name], equal_nan=name != "name")
