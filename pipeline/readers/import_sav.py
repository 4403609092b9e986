"""`survey import-sav`: an existing SPSS file's dictionary as a questionnaire skeleton.

Mapping (each a starting point the user checks):

- multiple-dichotomy sets whose members are named ``<set>_<code>`` → ``multiple`` questions,
  options from the members' labels (a ``<question label>: `` prefix is removed);
- string variables → ``text``; date formats → ``date``;
- numeric variables with value labels or user-missing codes → ``single``, their value
  labels a choice list (identical lists are shared); user-missing codes → options marked
  ``missing`` (a missing range marks the labelled codes inside it);
- other numeric variables → ``integer``;
- measurement level → ``level`` when it differs from the type's default;
- variable labels → ``label.<lang>``. The other language is left out, so every label
  shows up in ``Text.missing_languages()`` (and in lint) until someone translates it.

The stratum cannot be guessed: ``stratum`` (a labelled variable of the file) is required.
``stratum.frame`` names a frame file (default ``frame.yaml`` beside the questionnaire) that
the user must write with the population sizes N_h; until it exists, loading the
questionnaire fails with an error naming ``stratum.frame``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import yaml

from pipeline.core.atomic import write_text
from pipeline.core.errors import InputError
from pipeline.core.labels import LANGUAGES, nfc
from pipeline.model.questionnaire import Level, QuestionType, parse_questionnaire
from pipeline.readers.datafile import detect_format, read_file

SPSS_FORMATS = ("sav", "zsav", "por")

DATE_FORMATS = ("DATE", "ADATE", "EDATE", "SDATE", "JDATE", "DATETIME", "YMDHMS")


def _code(value: float, variable: str, notes: list[str]) -> int | None:
    if float(value).is_integer():
        return int(value)
    notes.append(f"{variable}: value label for non-integer code {value} left out")
    return None


def _missing_codes(meta, name: str, labelled: list[int]) -> list[int]:
    codes: set[int] = set()
    for entry in meta.missing_ranges.get(name, []):
        lo, hi = entry["lo"], entry["hi"]
        if lo == hi and float(lo).is_integer():
            codes.add(int(lo))
        else:
            codes.update(c for c in labelled if lo <= c <= hi)
    return sorted(codes)


def _options(meta, name: str, lang: str, notes: list[str]) -> list[dict]:
    labels = meta.variable_value_labels.get(name, {})
    coded = {c: nfc(str(t)) for v, t in labels.items() if (c := _code(v, name, notes)) is not None}
    missing = _missing_codes(meta, name, list(coded))
    for code in missing:
        if code not in coded:
            notes.append(f"{name}: user-missing code {code} has no value label; labelled {code}")
            coded[code] = str(code)
    options = []
    for code in sorted(coded):
        option: dict = {"code": code, "label": {lang: coded[code]}}
        if code in missing:
            option["missing"] = True
        options.append(option)
    return options


def _label(meta, name: str, lang: str, notes: list[str]) -> dict:
    text = meta.column_names_to_labels.get(name)
    if not text:
        notes.append(f"{name}: no variable label; its name is used")
        text = name
    return {lang: nfc(text)}


def _choice_list_name(options: list[dict], name: str, lists: dict[str, dict]) -> str:
    for existing, clist in lists.items():
        if clist["options"] == options:
            return existing
    lists[name] = {"options": options}
    return name


def _multiple_question(meta, set_name: str, spec: dict, lang: str, lists: dict) -> dict | None:
    members = spec.get("variable_list", [])
    pattern = re.compile(re.escape(set_name) + r"_(\d+)")
    codes = [pattern.fullmatch(m) for m in members]
    if not spec.get("is_dichotomy") or str(spec.get("counted_value")) != "1" or not all(codes):
        return None
    label = nfc(spec.get("label") or set_name)
    options = []
    for member, match in zip(members, codes, strict=True):
        text = nfc(meta.column_names_to_labels.get(member) or member)
        text = text.removeprefix(f"{label}: ")
        options.append({"code": int(match.group(1)), "label": {lang: text}})
    return {
        "name": set_name,
        "type": QuestionType.multiple.value,
        "label": {lang: label},
        "choices": _choice_list_name(options, set_name, lists),
    }


def _question(meta, name: str, lang: str, lists: dict, notes: list[str]) -> dict:
    fmt = meta.original_variable_types.get(name, "")
    measure = meta.variable_measure.get(name, "unknown")
    question: dict = {"name": name, "label": _label(meta, name, lang, notes)}
    if fmt.startswith("A"):
        question["type"] = QuestionType.text.value
        return question
    if fmt.startswith(DATE_FORMATS):
        question["type"] = QuestionType.date.value
        return question
    options = _options(meta, name, lang, notes)
    if options:
        question["type"] = QuestionType.single.value
        question["choices"] = _choice_list_name(options, name, lists)
        default = Level.nominal.value
    else:
        question["type"] = QuestionType.integer.value
        default = Level.scale.value
        if re.fullmatch(r"F\d+\.[1-9]\d*", fmt):
            notes.append(f"{name}: has decimals ({fmt}) but became an integer question")
    if measure in (lvl.value for lvl in Level) and measure != default:
        question["level"] = measure
    return question


def questionnaire_skeleton(
    meta,
    *,
    form_id: str,
    stratum: str,
    frame: str = "frame.yaml",
    lang: str = "vi",
    wave: str = "1",
    skip: Sequence[str] = (),
) -> tuple[dict, list[str]]:
    """The questionnaire mapping for a pyreadstat metadata object, and notes for the user."""
    notes: list[str] = []
    names = [n for n in meta.column_names if n not in skip]
    if stratum not in names or not meta.variable_value_labels.get(stratum):
        raise InputError(
            f"--stratum {stratum!r} must be a variable of the file with value labels "
            "(the strata codes and names)",
            column=stratum,
        )
    lists: dict[str, dict] = {}
    questions: list[dict] = []
    sets_by_member: dict[str, dict] = {}
    for set_name, spec in (getattr(meta, "mr_sets", None) or {}).items():
        question = _multiple_question(meta, set_name, spec, lang, lists)
        if question is None:
            notes.append(f"multiple-response set ${set_name} is not <set>_<code> dichotomies")
            continue
        sets_by_member.update(dict.fromkeys(spec["variable_list"], question))
    respondent_id = "respondent_id"
    for name in names:
        if name == respondent_id:
            continue
        if name in sets_by_member:
            # The multiple question takes the place of its first member variable.
            if sets_by_member[name] not in questions:
                questions.append(sets_by_member[name])
            continue
        question = _question(meta, name, lang, lists, notes)
        if name == stratum:
            question["required"] = True
        questions.append(question)
    if respondent_id not in names:
        notes.append("no respondent_id variable: set respondent_id to the file's id variable")
    title = nfc(meta.file_label or form_id)
    data = {
        "form_id": form_id,
        "version": "1",
        "wave": wave,
        "title": {lang: title},
        "respondent_id": respondent_id,
        "stratum": {"variable": stratum, "frame": frame},
        "choice_lists": lists,
        "sections": [{"name": "A", "title": {lang: title}, "questions": questions}],
    }
    return data, notes


def _header(source: Path, frame: str, lang: str) -> str:
    other = "en" if lang == "vi" else "vi"
    return (
        f"# Imported from {source.name} by `survey import-sav`: a skeleton to check.\n"
        f"# Labels are in {lang}; every '{other}' label is still missing.\n"
        f"# stratum.frame names {frame}: write it (strata codes, labels, population N_h).\n"
        "# Question types, ranges, skip logic and multiple-choice questions need review.\n"
    )


def import_sav(
    sav: str | Path,
    out: str | Path,
    *,
    stratum: str,
    frame: str = "frame.yaml",
    lang: str = "vi",
    wave: str = "1",
    form_id: str | None = None,
    skip: Sequence[str] = (),
    encoding: str | None = None,
) -> list[str]:
    """Write a questionnaire YAML skeleton for ``sav`` (SPSS .sav/.zsav/.por, read by the one
    reader); return notes on what needs review. ``encoding``: for files that do not record
    theirs."""
    sav, out = Path(sav), Path(out)
    if lang not in LANGUAGES:
        raise InputError(f"unknown language {lang!r}; expected vi or en")
    fmt = detect_format(sav)
    if fmt not in SPSS_FORMATS:
        raise InputError(
            f"expected an SPSS file (.sav, .zsav or .por), not a {fmt} file", file=str(sav)
        )
    meta = read_file(sav, encoding=encoding).meta.readstat
    form_id = form_id or re.sub(r"[^A-Za-z0-9_]+", "_", sav.stem).strip("_") or "imported"
    data, notes = questionnaire_skeleton(
        meta, form_id=form_id, stratum=stratum, frame=frame, lang=lang, wave=wave, skip=skip
    )
    parse_questionnaire(data, str(out))  # the skeleton must be a valid questionnaire
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    write_text(out, _header(sav, frame, lang) + text)
    return notes
