"""Ingestion: every way responses arrive ends as the questionnaire's variables, as text."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import openpyxl
import pandas as pd
import pyreadstat
import pytest

from pipeline.cli.app import run
from pipeline.core.errors import InputError
from pipeline.model.questionnaire import Questionnaire
from pipeline.readers.ingest import encode_cp1258, read_responses

NAMES = [
    "respondent_id", "category", "sex", "age", "phone", "aware", "trust",
    "eff_meet", "eff_train", "src_1", "src_2", "src_3", "last_meeting", "comment",
]  # fmt: skip
ROW_1 = ["R001", "1", "2", "45", "0901234567", "1", "2", "1", "3", "1", "0", "1", "2021-03-04",
         "Tiếng Việt có dấu: Đảng, nữ, ở"]  # fmt: skip
ROW_2 = ["R002", "2", "1", "38", "", "2", "", "", "", "0", "1", "0", "", ""]
MINI = Path(__file__).parent / "fixtures" / "mini.yaml"


def delimited(rows: list[list[str]], delimiter: str = ",") -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def as_typed(row: list[str]) -> list[str | None]:
    return [v if v != "" else None for v in row]


def assert_two_rows(raw, source_rows=(2, 3)) -> None:
    assert list(raw.data.columns[: len(NAMES)]) == NAMES
    assert raw.data[NAMES].values.tolist() == [as_typed(ROW_1), as_typed(ROW_2)]
    assert raw.source_rows == list(source_rows)
    assert all(v is None or isinstance(v, str) for v in raw.data.to_numpy().ravel())


# ---- text files and their encodings ------------------------------------------------------


def test_utf8_csv_keeps_values_as_typed_and_lists_unmapped_columns(tmp_path, mini):
    path = tmp_path / "r.csv"
    path.write_text(delimited([[*NAMES, "note"], [*ROW_1, "x"], [*ROW_2, ""]]), encoding="utf-8")
    raw = read_responses(path, mini)
    assert_two_rows(raw)
    assert raw.unmapped == ["note"]
    assert raw.source == str(path)
    assert raw.simulated is False


def test_utf8_with_bom_and_semicolons(tmp_path, mini):
    path = tmp_path / "r.csv"
    path.write_bytes(delimited([NAMES, ROW_1, ROW_2], ";").encode("utf-8-sig"))
    assert_two_rows(read_responses(path, mini))


def test_excel_unicode_text_is_utf16_with_bom_and_tabs(tmp_path, mini):
    path = tmp_path / "r.txt"
    path.write_bytes(delimited([NAMES, ROW_1, ROW_2], "\t").encode("utf-16"))  # BOM + LE
    assert path.read_bytes()[:2] == b"\xff\xfe"
    assert_two_rows(read_responses(path, mini))


def test_tsv_by_extension(tmp_path, mini):
    path = tmp_path / "r.tsv"
    path.write_text(delimited([NAMES, ROW_1, ROW_2], "\t"), encoding="utf-8")
    assert_two_rows(read_responses(path, mini))


def test_cp1258_writes_tone_marks_apart_and_reads_back_as_nfc():
    word = "Tiếng Việt"
    raw = encode_cp1258(word)
    # ế is not in cp1258: ê (0xEA) then the combining acute (0xEC)
    assert raw == b"Ti\xea\xecng Vi\xea\xf2t"
    assert raw.decode("cp1258") != word  # decomposed until normalised
    import unicodedata

    assert unicodedata.normalize("NFC", raw.decode("cp1258")) == word


def test_cp1258_is_detected_and_decoded_to_nfc(tmp_path, mini):
    path = tmp_path / "legacy.csv"
    path.write_bytes(encode_cp1258(delimited([NAMES, ROW_1, ROW_2])))
    assert_two_rows(read_responses(path, mini))


def test_cp1258_given_explicitly(tmp_path, mini):
    path = tmp_path / "legacy.csv"
    path.write_bytes(encode_cp1258(delimited([NAMES, ROW_1, ROW_2])))
    assert_two_rows(read_responses(path, mini, encoding="cp1258"))


def test_blank_rows_are_kept_with_their_source_rows(tmp_path, mini):
    path = tmp_path / "r.csv"
    blank = [""] * len(NAMES)
    path.write_text(delimited([NAMES, ROW_1, blank, ROW_2, blank]) + "\r\n", encoding="utf-8")
    raw = read_responses(path, mini)
    assert raw.source_rows == [2, 3, 4, 5]
    assert raw.data["respondent_id"].tolist() == ["R001", None, "R002", None]


def test_headers_match_case_insensitively(tmp_path, mini):
    path = tmp_path / "r.csv"
    path.write_text(delimited([[n.upper() for n in NAMES], ROW_1, ROW_2]), encoding="utf-8")
    assert_two_rows(read_responses(path, mini))


def test_simulated_data_is_recognised(tmp_path, mini):
    path = tmp_path / "r.csv"
    path.write_text(
        delimited([[*NAMES, "_simulated"], [*ROW_1, "1"], [*ROW_2, "1"]]), encoding="utf-8"
    )
    raw = read_responses(path, mini)
    assert raw.simulated is True
    assert raw.unmapped == []
    assert raw.data["_simulated"].tolist() == ["1", "1"]


# ---- spreadsheets and statistical files --------------------------------------------------


def typed_rows() -> list[list[object]]:
    """ROW_1 and ROW_2 as a program would store them: numbers as numbers, a real date."""

    def typed(row: list[str]) -> list[object]:
        out: list[object] = []
        for name, v in zip(NAMES, row, strict=True):
            if v == "":
                out.append(None)
            elif name == "last_meeting":
                out.append(dt.datetime.fromisoformat(v))
            elif v.isdigit() and name not in ("phone", "respondent_id"):
                out.append(float(v))
            else:
                out.append(v)
        return out

    return [typed(ROW_1), typed(ROW_2)]


def test_xlsx_numbers_without_decimal_and_dates_as_iso(tmp_path, mini):
    path = tmp_path / "r.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(NAMES)
    for row in typed_rows():
        wb.active.append(row)
    wb.save(path)
    assert_two_rows(read_responses(path, mini))


def test_entry_template_skips_instructions_codes_and_the_label_row(tmp_path, mini):
    path = tmp_path / "entry.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "instructions"
    wb.active.append(["Nhập mỗi phiếu một dòng"])
    data = wb.create_sheet("data")
    data.append(NAMES)
    data.append([None] + [mini.variable(n).label.vi for n in NAMES[1:]])
    for row in typed_rows():
        data.append(row)
    wb.create_sheet("codes").append(["sex", 1, "Nam"])
    wb.save(path)
    assert_two_rows(read_responses(path, mini), source_rows=(3, 4))


def frame_of_codes() -> pd.DataFrame:
    rows = typed_rows()
    frame = pd.DataFrame(rows, columns=NAMES)
    for name in NAMES:
        if name not in ("respondent_id", "phone", "comment", "last_meeting"):
            frame[name] = frame[name].astype(float)
    frame["last_meeting"] = pd.to_datetime(frame["last_meeting"]).dt.date
    frame["phone"] = frame["phone"].fillna("")
    frame["comment"] = frame["comment"].fillna("")
    return frame


@pytest.mark.parametrize("suffix", [".sav", ".zsav", ".dta"])
def test_spss_and_stata_files_give_codes_not_labels(tmp_path, mini, suffix):
    path = tmp_path / f"r{suffix}"
    labels = {"sex": {1.0: "Nam", 2.0: "Nữ"}}
    frame = frame_of_codes()
    if suffix == ".dta":
        pyreadstat.write_dta(frame, path, variable_value_labels=labels)
    else:
        pyreadstat.write_sav(frame, path, variable_value_labels=labels, compress=suffix == ".zsav")
    if suffix != ".dta":
        assert path.read_bytes()[:4] == (b"$FL3" if suffix == ".zsav" else b"$FL2")
    assert_two_rows(read_responses(path, mini))


def test_parquet(tmp_path, mini):
    path = tmp_path / "r.parquet"
    frame = pd.DataFrame([ROW_1, ROW_2], columns=NAMES).replace("", None)
    frame["age"] = frame["age"].astype("Int64")
    frame.to_parquet(path)
    assert_two_rows(read_responses(path, mini))


# ---- KoboToolbox and ODK Central exports -------------------------------------------------

KOBO_XML_HEADER = [
    "start", "end", "A/respondent_id", "A/category", "A/sex", "A/age", "A/phone", "B/aware",
    "B/trust", "B/eff/eff_meet", "B/eff/eff_train", "B/src", "B/src/1", "B/src/2", "B/src/3",
    "B/last_meeting", "B/comment", "_id", "_uuid", "_submission_time", "_index",
]  # fmt: skip


def kobo_row(row: list[str], start: str, end: str, index: int) -> list[str]:
    values = dict(zip(NAMES, row, strict=True))
    chosen = " ".join(c for c in ("1", "2", "3") if values[f"src_{c}"] == "1")
    body = [values[n] for n in NAMES[:9]] + [chosen] + [values[f"src_{c}"] for c in "123"]
    body += [values["last_meeting"], values["comment"]]
    return [start, end, *body, str(100 + index), f"uuid-{index}", "2021-03-05T09:00:00", str(index)]


def test_kobo_xml_values_export_with_groups_metadata_and_duration(tmp_path, mini):
    path = tmp_path / "kobo.csv"
    rows = [
        KOBO_XML_HEADER,
        kobo_row(ROW_1, "2021-03-04T08:00:00.000+07:00", "2021-03-04T08:12:30.000+07:00", 1),
        kobo_row(ROW_2, "2021-03-04T09:00:00.000+07:00", "2021-03-04T09:05:00.000+07:00", 2),
    ]
    path.write_text(delimited(rows, ";"), encoding="utf-8")
    raw = read_responses(path, mini)
    assert_two_rows(raw)
    assert raw.unmapped == []
    assert raw.format == "kobo csv"
    assert raw.data["_uuid"].tolist() == ["uuid-1", "uuid-2"]
    assert raw.data["_start"].tolist()[0] == "2021-03-04T08:00:00.000+07:00"
    # 12 min 30 s and 5 min, by hand
    assert raw.data["_duration_seconds"].tolist() == ["750", "300"]


def kobo_labels_rows(mini: Questionnaire) -> list[list[str]]:
    """A Kobo "labels" export in Vietnamese without option columns: labels everywhere."""
    label = {n: mini.variable(n).label.vi for n in NAMES[1:]}
    header = ["start", "end"] + [f"Thông tin chung/{label[n]}" for n in NAMES[1:5]]
    header += [f"Đánh giá/{label[n]}" for n in ("aware", "trust")]
    header += [f"Đánh giá/Hiệu quả của các giải pháp/{label[n]}" for n in ("eff_meet", "eff_train")]
    header += ["Đánh giá/Nguồn thông tin", "Đánh giá/" + label["last_meeting"],
               "Đánh giá/" + label["comment"], "_uuid", "_submission_time"]  # fmt: skip
    rows = [header]
    for row in (ROW_1, ROW_2):
        v = dict(zip(NAMES, row, strict=True))

        def option(name: str, v: dict = v) -> str:
            return mini.variable(name).value_labels("vi").get(int(v[name]), "") if v[name] else ""

        src = " ".join(
            mini.variable(f"src_{c}").option.label.vi for c in "123" if v[f"src_{c}"] == "1"
        )
        rows.append(
            ["", "", option("category"), option("sex"), v["age"], v["phone"], option("aware"),
             option("trust"), option("eff_meet"), option("eff_train"), src, v["last_meeting"],
             v["comment"], v["respondent_id"], ""]
        )  # fmt: skip
    return rows


def test_kobo_labels_export_maps_labels_back_to_names_and_codes(tmp_path, mini):
    rows = kobo_labels_rows(mini)
    assert rows[1][2:4] == ["Hành chính", "Nữ"]
    assert rows[1][10] == "Báo chí Sinh hoạt chi bộ"
    path = tmp_path / "kobo-labels.xlsx"
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)
    raw = read_responses(path, mini)
    assert raw.format == "kobo xlsx"
    assert raw.unmapped == []
    assert_two_rows(raw)  # the respondent id came from _uuid


def test_kobo_select_multiple_column_alone_gives_the_dichotomies(tmp_path, mini):
    header = [h for h in KOBO_XML_HEADER if not h.startswith("B/src/")]
    rows = [header]
    for i, row in enumerate((ROW_1, ROW_2)):
        full = kobo_row(row, "", "", i)
        rows.append([v for h, v in zip(KOBO_XML_HEADER, full, strict=True) if h in header])
    path = tmp_path / "kobo.csv"
    path.write_text(delimited(rows), encoding="utf-8")
    assert_two_rows(read_responses(path, mini))


def test_odk_central_export(tmp_path, mini):
    header = ["SubmissionDate", "start", "end", "A-respondent_id", "A-category", "A-sex",
              "A-age", "A-phone", "B-aware", "B-trust", "B-eff-eff_meet", "B-eff-eff_train",
              "B-src", "B-last_meeting", "B-comment", "meta-instanceID", "KEY", "SubmitterID",
              "ReviewState"]  # fmt: skip
    rows = [header]
    for i, row in enumerate((ROW_1, ROW_2)):
        v = dict(zip(NAMES, row, strict=True))
        src = " ".join(c for c in "123" if v[f"src_{c}"] == "1")
        rows.append(
            ["2021-03-05T02:00:00.000Z", "2021-03-04T08:00:00.000+07:00",
             "2021-03-04T08:01:00.000+07:00", *row[:9], src, v["last_meeting"], v["comment"],
             f"uuid:{i}", f"uuid:{i}", "5", "approved"]
        )  # fmt: skip
    path = tmp_path / "odk.csv"
    path.write_text(delimited(rows), encoding="utf-8")
    raw = read_responses(path, mini)
    assert raw.format == "odk csv"
    assert_two_rows(raw)
    assert raw.unmapped == []
    assert raw.data["_review_state"].tolist() == ["approved", "approved"]
    assert raw.data["_submission_time"].tolist()[0] == "2021-03-05T02:00:00.000Z"
    assert raw.data["_instance_id"].tolist() == ["uuid:0", "uuid:1"]
    assert raw.data["_duration_seconds"].tolist() == ["60", "60"]


# ---- the `survey ingest` command ---------------------------------------------------------


def test_ingest_command_writes_the_raw_csv_schema(tmp_path, capsys):
    source = tmp_path / "unicode.txt"
    source.write_bytes(delimited([NAMES, ROW_1, ROW_2], "\t").encode("utf-16"))
    out = tmp_path / "raw.csv"
    assert run(["ingest", str(source), "--questionnaire", str(MINI), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == delimited([NAMES, ROW_1, ROW_2]).replace("\r", "")
    assert "2 rows" in capsys.readouterr().out


# ---- bad input: a clear error naming file, row and column --------------------------------


def cli_error(capsys, path: Path, *extra: str) -> str:
    code = run(["ingest", str(path), "--questionnaire", str(MINI),
                "--out", str(path.parent / "out.csv"), *extra])  # fmt: skip
    assert code == 2
    assert not (path.parent / "out.csv").exists()
    err = capsys.readouterr().err
    assert err.startswith(f"error: {path}")
    return err


def test_missing_respondent_id_column(tmp_path, mini, capsys):
    path = tmp_path / "r.csv"
    path.write_text(delimited([NAMES[1:], ROW_1[1:]]), encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_responses(path, mini)
    assert err.value.file == str(path)
    assert err.value.column == "respondent_id"
    assert "column respondent_id" in cli_error(capsys, path)


def test_missing_stratum_column(tmp_path, mini):
    keep = [i for i, n in enumerate(NAMES) if n != "category"]
    path = tmp_path / "r.csv"
    path.write_text(delimited([[r[i] for i in keep] for r in (NAMES, ROW_1)]), encoding="utf-8")
    with pytest.raises(InputError, match="stratum variable 'category'"):
        read_responses(path, mini)


def test_unknown_encoding_given(tmp_path, capsys):
    path = tmp_path / "r.csv"
    path.write_text(delimited([NAMES, ROW_1]), encoding="utf-8")
    assert "unknown encoding 'vietnamese-1'" in cli_error(
        capsys, path, "--encoding", "vietnamese-1"
    )


def test_wrong_encoding_guess_names_byte_offset_and_row(tmp_path, mini, capsys):
    path = tmp_path / "legacy.csv"
    path.write_bytes(encode_cp1258(delimited([NAMES, ROW_1, ROW_2])))
    with pytest.raises(InputError) as err:
        read_responses(path, mini, encoding="utf-8")
    first_bad = encode_cp1258(delimited([NAMES, ROW_1])).index(b"\xea")  # ê of "Tiếng"
    assert f"byte offset {first_bad}" in str(err.value)
    assert err.value.row == 2
    assert "row 2" in cli_error(capsys, path, "--encoding", "utf-8")


def test_utf8_file_read_as_cp1258_is_refused_not_garbled(tmp_path, mini):
    path = tmp_path / "r.csv"
    path.write_text(delimited([NAMES, ROW_1]), encoding="utf-8")
    with pytest.raises(InputError, match="the file is UTF-8") as err:
        read_responses(path, mini, encoding="cp1258")
    assert err.value.row == 2


def test_undetectable_encoding_asks_for_one(tmp_path, mini):
    path = tmp_path / "r.csv"
    row = [*ROW_1[:-1], "Größe und Maß"]
    path.write_bytes(delimited([NAMES, row]).encode("latin-1"))
    with pytest.raises(InputError, match="--encoding") as err:
        read_responses(path, mini)
    assert err.value.row == 2
    assert read_responses(path, mini, encoding="latin-1").data["comment"][0] == "Größe und Maß"


def test_duplicate_header_names_both_columns(tmp_path, mini, capsys):
    path = tmp_path / "r.csv"
    header = [*NAMES, "age"]
    path.write_text(delimited([header, [*ROW_1, "46"]]), encoding="utf-8")
    with pytest.raises(InputError, match="columns D and O") as err:
        read_responses(path, mini)
    assert err.value.column == "age"
    assert "positions 4 and 15" in cli_error(capsys, path)


def test_two_columns_for_one_variable(tmp_path, mini):
    path = tmp_path / "r.csv"
    path.write_text(delimited([[*NAMES, "AGE"], [*ROW_1, "46"]]), encoding="utf-8")
    with pytest.raises(InputError, match="'age' \\(D\\) and 'AGE' \\(O\\) both map"):
        read_responses(path, mini)


def test_header_only(tmp_path, capsys):
    path = tmp_path / "r.csv"
    path.write_text(delimited([NAMES]) + "\r\n\r\n", encoding="utf-8")
    assert "no data rows" in cli_error(capsys, path)


def test_empty_file(tmp_path, capsys):
    path = tmp_path / "r.csv"
    path.write_bytes(b"")
    assert "the file is empty" in cli_error(capsys, path)


def test_another_questionnaire_version(tmp_path, mini, capsys):
    path = tmp_path / "r.csv"
    header = ["respondent_id", "category", "q1", "q2", "q3"]
    path.write_text(delimited([header, ["R1", "1", "1", "2", "3"]]), encoding="utf-8")
    with pytest.raises(InputError, match="another version") as err:
        read_responses(path, mini)
    assert "12 of the 13 variables of questionnaire 'mini' version '1'" in str(err.value)
    cli_error(capsys, path)


@pytest.mark.parametrize("name", ["r.xlsx", "r.sav", "r.dta", "r.parquet"])
def test_unreadable_file(tmp_path, capsys, name):
    path = tmp_path / name
    path.write_bytes(b"this is not what the extension says\n")
    assert "not a readable" in cli_error(capsys, path)


def test_unknown_extension(tmp_path, capsys):
    path = tmp_path / "r.json"
    path.write_text('{"a": 1}', encoding="utf-8")
    assert "unknown file type '.json'" in cli_error(capsys, path)


def test_row_with_more_values_than_header(tmp_path, capsys):
    path = tmp_path / "r.csv"
    path.write_text(delimited([NAMES, ROW_1, [*ROW_2, "extra"]]), encoding="utf-8")
    assert "row 3" in cli_error(capsys, path)


def test_select_multiple_option_not_in_the_questionnaire(tmp_path, mini):
    header = [h for h in KOBO_XML_HEADER if not h.startswith("B/src/")]
    row = [v for h, v in zip(KOBO_XML_HEADER, kobo_row(ROW_1, "", "", 1), strict=True)
           if h in header]  # fmt: skip
    row[header.index("B/src")] = "1 4"
    path = tmp_path / "kobo.csv"
    path.write_text(delimited([header, row]), encoding="utf-8")
    with pytest.raises(InputError, match="'1 4' is not a space-separated list") as err:
        read_responses(path, mini)
    assert (err.value.row, err.value.column) == (2, "B/src")
