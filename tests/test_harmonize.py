"""The wave harmonization map: the default 2021-2023 map validates and covers both waves;
renamed and recoded items map onto the right codes; a broken map names its field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from pipeline.core.errors import InputError
from pipeline.model.harmonize import (
    Harmonization,
    harmonized_items,
    load_harmonization,
    one_wave_only,
)

REPO = Path(__file__).parent.parent
QUESTIONNAIRES = REPO / "questionnaires"
DEFAULT_MAP = QUESTIONNAIRES / "harmonization-2021-2023.yaml"
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def default_map() -> Harmonization:
    return load_harmonization(DEFAULT_MAP)


def default_map_data() -> dict:
    """The default map as a mapping, questionnaire paths made absolute for use in tmp_path."""
    data = yaml.safe_load(DEFAULT_MAP.read_text(encoding="utf-8"))
    data["questionnaires"] = {w: str(QUESTIONNAIRES / f) for w, f in data["questionnaires"].items()}
    return data


def write_map(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "map.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def load_error(tmp_path: Path, data: dict) -> InputError:
    path = write_map(tmp_path, data)
    with pytest.raises(InputError) as info:
        load_harmonization(path)
    assert info.value.file == str(path)
    return info.value


# ---- the default map ------------------------------------------------------------------


def test_default_map_covers_every_variable_of_both_waves(default_map: Harmonization) -> None:
    items = harmonized_items(default_map)
    only = one_wave_only(default_map)
    for wave in ("2021", "2023"):
        all_names = [v.name for v in default_map.questionnaire(wave).variables()]
        mapped = [item.variables[wave].name for item in items]
        alone = [v.name for v in only[wave]]
        assert sorted(mapped + alone) == sorted(all_names), wave
    assert [v.name for v in only["2021"]] == ["part_documents"]
    assert [v.name for v in only["2023"]] == ["sm_use", "sm_encounter", "sm_identify", "sm_counter"]


def test_renamed_items_pair_the_old_and_new_names(default_map: Harmonization) -> None:
    renamed = {
        item.name: {w: v.name for w, v in item.variables.items()}
        for item in harmonized_items(default_map)
        if item.renamed
    }
    assert renamed == {
        "part_online": {"2021": "part_website", "2023": "part_online"},
        "eff_online": {"2021": "eff_website", "2023": "eff_online"},
    }


def test_recodes_keep_the_meaning_of_each_answer(default_map: Harmonization) -> None:
    """Wherever a wave's option has the same Vietnamese label as an option of the reference
    wave, the recode lands on that option; special missing codes stay missing."""
    checked = 0
    for item in harmonized_items(default_map):
        if not item.is_categorical:
            continue
        target = {o.label.vi: o for o in item.options}
        for wave, variable in item.variables.items():
            mapping = item.recodes[wave]
            assert set(mapping) == set(variable.valid_codes())
            for option in variable.options:
                new = mapping[option.code]
                if option.label.vi in target:
                    assert new == target[option.label.vi].code, (item.name, wave, option.code)
                    checked += 1
                missing_codes = {o.code for o in item.options if o.missing}
                assert (new in missing_codes) == option.missing, (item.name, wave, option.code)
    assert checked > 300


def test_frequency_scale_is_compared_on_the_2023_codes(default_map: Harmonization) -> None:
    item = next(i for i in harmonized_items(default_map) if i.name == "part_training")
    assert item.codes_from == "2023"
    # 2021: 1 often, 2 sometimes, 3 rarely, 4 never; 2023: 1 never ... 4 often
    assert item.recodes["2021"] == {1: 4, 2: 3, 3: 2, 4: 1, 97: 97, 98: 98}
    assert item.recodes["2023"] == {1: 1, 2: 2, 3: 3, 4: 4, 97: 97, 98: 98}
    assert item.recoded


def test_five_point_change_collapses_onto_three_points(default_map: Harmonization) -> None:
    item = next(i for i in harmonized_items(default_map) if i.name == "change")
    assert item.codes_from == "2021"
    assert [o.label.en for o in item.options] == [
        "Better",
        "About the same",
        "Worse",
        "Don't know",
        "Refused",
    ]
    assert item.recodes["2023"] == {1: 1, 2: 1, 3: 2, 4: 3, 5: 3, 97: 97, 98: 98}
    assert item.note is not None and item.note.vi and item.note.en


def test_unchanged_items_are_neither_renamed_nor_recoded(default_map: Harmonization) -> None:
    item = next(i for i in harmonized_items(default_map) if i.name == "eff_review")
    assert not item.renamed and not item.recoded and item.note is None
    assert item.label.vi == "Kiểm điểm, đánh giá, xếp loại tập thể và cá nhân hằng năm"


def test_contact_is_flagged_pii(default_map: Harmonization) -> None:
    pii = [item.name for item in harmonized_items(default_map) if item.pii]
    assert pii == ["contact"]


def test_unquoted_wave_names_are_read_as_text(tmp_path: Path) -> None:
    text = DEFAULT_MAP.read_text(encoding="utf-8").replace('"2021"', "2021")
    (tmp_path / "map.yaml").write_text(text.replace('"2023"', "2023"), encoding="utf-8")
    for name in ("degradation-2021.yaml", "degradation-2023.yaml", "frame.yaml"):
        shutil.copy(QUESTIONNAIRES / name, tmp_path / name)
    h = load_harmonization(tmp_path / "map.yaml")
    assert h.waves == ["2021", "2023"]
    assert len(harmonized_items(h)) == len(harmonized_items(load_harmonization(DEFAULT_MAP)))


def test_works_for_any_pair_of_questionnaires(tmp_path: Path) -> None:
    """The reference fixture and a follow-up in which `trust` was renamed `confidence`."""
    shutil.copy(FIXTURES / "mini-frame.yaml", tmp_path / "mini-frame.yaml")
    shutil.copy(FIXTURES / "mini.yaml", tmp_path / "first.yaml")
    later = yaml.safe_load((FIXTURES / "mini.yaml").read_text(encoding="utf-8"))
    later["wave"] = "2022"
    later["sections"][1]["questions"][1]["name"] = "confidence"
    (tmp_path / "second.yaml").write_text(yaml.safe_dump(later, allow_unicode=True))
    names = ["category", "sex", "age", "phone", "aware", "eff_meet", "eff_train"]
    names += ["src_1", "src_2", "src_3", "last_meeting", "comment"]
    data = {
        "waves": ["2021", "2022"],
        "questionnaires": {"2021": "first.yaml", "2022": "second.yaml"},
        "items": [{"name": n} for n in names]
        + [{"name": "trust", "waves": {"2022": {"variable": "confidence"}}}],
    }
    h = load_harmonization(write_map(tmp_path, data))
    trust = harmonized_items(h)[-1]
    assert {w: v.name for w, v in trust.variables.items()} == {
        "2021": "trust",
        "2022": "confidence",
    }
    assert one_wave_only(h) == {"2021": [], "2022": []}


# ---- broken maps ----------------------------------------------------------------------


def item_index(data: dict, name: str) -> int:
    return next(i for i, item in enumerate(data["items"]) if item["name"] == name)


def test_unknown_variable_names_its_field(tmp_path: Path) -> None:
    data = default_map_data()
    i = item_index(data, "eff_online")
    data["items"][i]["waves"]["2023"]["variable"] = "eff_web"
    error = load_error(tmp_path, data)
    assert error.column == f"items.{i}.waves.2023.variable"
    assert "'eff_web' is not a variable of the 2023 questionnaire" in error.message


def test_item_name_that_is_no_variable_names_the_item(tmp_path: Path) -> None:
    data = default_map_data()
    data["items"].append({"name": "trust_index"})
    error = load_error(tmp_path, data)
    assert error.column == f"items.{len(data['items']) - 1}.name"


def test_recode_onto_a_code_that_does_not_exist(tmp_path: Path) -> None:
    data = default_map_data()
    i = item_index(data, "change")
    data["items"][i]["waves"]["2023"]["recode"] = {1: 1, 2: 1, 3: 2, 4: 3, 5: 4}
    error = load_error(tmp_path, data)
    assert error.column == f"items.{i}.waves.2023.recode"
    assert "codes [4]" in error.message


def test_leaving_codes_unmapped_that_the_reference_lacks(tmp_path: Path) -> None:
    data = default_map_data()
    i = item_index(data, "change")
    del data["items"][i]["waves"]  # the 2023 codes 4 and 5 have no 2021 counterpart
    error = load_error(tmp_path, data)
    assert error.column == f"items.{i}.waves.2023.recode"
    assert "codes [4, 5]" in error.message


def test_recode_of_a_code_the_variable_lacks(tmp_path: Path) -> None:
    data = default_map_data()
    i = item_index(data, "part_training")
    data["items"][i]["waves"]["2021"]["recode"] = {1: 4, 2: 3, 3: 2, 4: 1, 5: 1}
    error = load_error(tmp_path, data)
    assert error.column == f"items.{i}.waves.2021.recode"
    assert "codes [5] are not codes of 'part_training'" in error.message


def test_recode_of_a_text_variable(tmp_path: Path) -> None:
    data = default_map_data()
    i = item_index(data, "comment")
    data["items"][i]["waves"] = {"2021": {"variable": "comment", "recode": {1: 2}}}
    error = load_error(tmp_path, data)
    assert error.column == f"items.{i}.waves.2021.recode"


def test_text_compared_with_a_scale(tmp_path: Path) -> None:
    data = default_map_data()
    i = item_index(data, "comment")
    data["items"][i]["waves"] = {"2023": {"variable": "website_useful"}}
    error = load_error(tmp_path, data)
    assert error.column == f"items.{i}.waves.2023"
    assert "cannot be compared" in error.message


def test_a_variable_left_out_names_only_in(tmp_path: Path) -> None:
    data = default_map_data()
    data["only_in"]["2023"].remove("sm_identify")
    error = load_error(tmp_path, data)
    assert error.column == "only_in.2023"
    assert "'sm_identify'" in error.message


def test_a_variable_mapped_twice(tmp_path: Path) -> None:
    data = default_map_data()
    data["only_in"]["2021"].append("eff_website")
    error = load_error(tmp_path, data)
    assert error.column == "only_in.2021.1"
    assert "mapped more than once" in error.message


def test_questionnaire_of_the_wrong_wave(tmp_path: Path) -> None:
    data = default_map_data()
    q = data["questionnaires"]
    q["2021"], q["2023"] = q["2023"], q["2021"]
    error = load_error(tmp_path, data)
    assert error.column == "questionnaires.2021"
    assert "wave '2023', not '2021'" in error.message


def test_wave_not_declared(tmp_path: Path) -> None:
    data = default_map_data()
    i = item_index(data, "change")
    data["items"][i]["codes_from"] = "2022"
    error = load_error(tmp_path, data)
    assert error.column == f"items.{i}.codes_from"


def test_questionnaire_missing_for_a_wave(tmp_path: Path) -> None:
    data = default_map_data()
    data["waves"].append("2025")
    error = load_error(tmp_path, data)
    assert error.column == "questionnaires"


def test_unknown_key_names_its_field(tmp_path: Path) -> None:
    data = default_map_data()
    data["items"][0]["varaible"] = "category"
    error = load_error(tmp_path, data)
    assert error.column == "items.0.varaible"


def test_error_message_names_the_file_and_field(tmp_path: Path) -> None:
    data = default_map_data()
    data["only_in"]["2023"] = ["sm_use"]
    error = load_error(tmp_path, data)
    assert str(error).startswith(f"{tmp_path / 'map.yaml'}, column only_in.2023: ")
