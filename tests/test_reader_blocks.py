"""A large delimited file is read block by block on one core (its memory stays within a few
times its size), a smaller one whole on every core. Both give the same data: integers
narrowed in some blocks only are widened back, and a column that turns to text after the
first block is read as text."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline.readers import csvfile
from pipeline.readers.datafile import read_file

ROWS = 120_000  # about 2 MB: several of the 1 MB blocks


def survey_csv(tmp_path, last_code: str):
    lines = ["id,code,score"]
    lines += [f"{i},{1 + i % 5},{i / 7:.3f}" for i in range(ROWS - 1)]
    lines.append(f"{ROWS},{last_code},0.5")
    path = tmp_path / "survey.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def read_whole_and_by_blocks(path, monkeypatch) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    calls = []
    blocks = csvfile._read_typed_blocks

    def counted(*args):
        calls.append(1)
        return blocks(*args)

    monkeypatch.setattr(csvfile, "_read_typed_blocks", counted)
    whole = read_file(path).frame
    monkeypatch.setattr(csvfile, "_WHOLE_READ_BYTES", 0)
    by_blocks = read_file(path).frame
    return whole, by_blocks, len(calls)


@pytest.mark.parametrize("last_code", ["3", "70000", "5000000000", "not a number"])
def test_a_file_read_by_blocks_reads_as_one_read_whole(tmp_path, monkeypatch, last_code):
    whole, by_blocks, block_reads = read_whole_and_by_blocks(
        survey_csv(tmp_path, last_code), monkeypatch
    )
    assert block_reads == 1  # the second reading only
    pd.testing.assert_frame_equal(whole, by_blocks)
    assert len(by_blocks) == ROWS
    assert str(by_blocks["code"].iloc[-1]) == last_code
