"""The codebook: one entry per data variable, as HTML for people, DDI Codebook 2.5 XML and a
Frictionless data package (``datapackage.json``) for machines.

The respondent id comes first, then the variables in questionnaire order (grid items and
multiple-choice dichotomies are variables of their own, see pipeline.model.questionnaire).
A form with repeats has one more table per repeat (a child table keyed to its submission by
``_parent_id``): a resource of its own in the data package, with a foreign key, and a file of
its own in the DDI. Labels are written in every language the questionnaire has.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.core.atomic import write_bytes, write_text
from pipeline.core.labels import DEFAULT_LANGUAGE, Text
from pipeline.core.paths import output_file
from pipeline.core.wording import CODEBOOK_RESPONDENT_LABEL, CODEBOOK_WORDS
from pipeline.model.questionnaire import Questionnaire, QuestionType, Variable
from pipeline.stages.instruments.layout import (
    condition_in_words,
    instrument_stem,
    numbering,
    render_template,
)

DDI_NAMESPACE = "ddi:codebook:2_5"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class ValueLabel:
    code: int
    label: Text
    missing: bool


@dataclass(frozen=True)
class CodebookEntry:
    """One variable of the data file with everything a codebook states about it."""

    name: str
    label: Text
    question_type: str  # the questionnaire's type, or "id" for the respondent id
    storage: str  # integer, string or date (Frictionless field types)
    level: str  # nominal, ordinal, scale
    number: str  # the question number on the paper form ("" for the id)
    question_label: Text | None = None  # the whole question, for grid items and dichotomies
    values: list[ValueLabel] = field(default_factory=list)
    range: tuple[int, int] | None = None
    relevant: str | None = None
    relevant_words: dict[str, str] = field(default_factory=dict)
    pii: bool = False
    section: str = ""
    section_title: Text | None = None
    favourable_code: int | None = None  # the answer at the scale's favourable end

    @property
    def missing_codes(self) -> list[int]:
        return [v.code for v in self.values if v.missing]

    @property
    def substantive_codes(self) -> list[int]:
        return [v.code for v in self.values if not v.missing]


# Frictionless field types of the question types that are not integers or text.
_STORAGE = {
    QuestionType.decimal: "number",
    QuestionType.range: "number",
    QuestionType.date: "date",
    QuestionType.datetime: "datetime",
    QuestionType.time: "time",
}


def _storage(variable: Variable) -> str:
    kind = variable.question.type
    if kind in _STORAGE:
        return _STORAGE[kind]
    if variable.is_numeric:
        return "integer"
    return "string"


def favourable_code(questionnaire: Questionnaire, variable: Variable) -> int | None:
    """The code at the favourable end of the variable's scale, if its list declares one."""
    clist = questionnaire.choice_list(variable.question)
    codes = variable.substantive_codes()
    if clist is None or clist.favourable is None or variable.option is not None or not codes:
        return None
    return codes[0] if clist.favourable == "first" else codes[-1]


def codebook_entries(questionnaire: Questionnaire, table: str | None = None) -> list[CodebookEntry]:
    """The respondent id, then every data variable in questionnaire order; for a repeat's
    child table (``table``) its keys (``_parent_id``, ``_parent_index``, ``_index``) first."""
    numbers = numbering(questionnaire)
    variables = questionnaire.variables(table=table)
    entries = [] if table is None else _child_keys()
    if table is None and questionnaire.respondent_id not in {v.name for v in variables}:
        entries.append(
            CodebookEntry(
                name=questionnaire.respondent_id,
                label=CODEBOOK_RESPONDENT_LABEL,
                question_type="id",
                storage="string",
                level="nominal",
                number="",
            )
        )
    for v in variables:
        q = v.question
        relevant_words = (
            {
                lang: condition_in_words(questionnaire, q.relevant, lang, numbers)
                for lang in CODEBOOK_WORDS
            }
            if q.relevant
            else {}
        )
        entries.append(
            CodebookEntry(
                name=v.name,
                label=v.label,
                question_type=q.type.value,
                storage=_storage(v),
                level=v.level.value,
                number=numbers[v.name],
                question_label=q.label if v.name != q.name else None,
                values=[
                    ValueLabel(o.code, o.label, o.missing) for o in v.options if o.code is not None
                ],
                range=q.range,
                relevant=q.relevant,
                relevant_words=relevant_words,
                pii=q.pii,
                section=v.section.name,
                section_title=v.section.title,
                favourable_code=favourable_code(questionnaire, v),
            )
        )
    return entries


def _child_keys() -> list[CodebookEntry]:
    return [
        CodebookEntry(name, Text(vi=vi, en=en), "id", storage, "nominal", "")
        for name, vi, en, storage in (
            (
                "_parent_id",
                "Mã người trả lời của bản ghi cha",
                "Respondent id of the parent",
                "string",
            ),
            (
                "_parent_index",
                "Vị trí trong các lần lặp bao ngoài",
                "Position in enclosing repeats",
                "string",
            ),
            ("_index", "Thứ tự lần lặp", "Repeat instance number", "integer"),
        )
    ]


# ---- HTML -----------------------------------------------------------------------------


def render_codebook_html(questionnaire: Questionnaire, lang: str = "vi") -> str:
    words = CODEBOOK_WORDS[lang]
    return render_template(
        "codebook.html.j2",
        spreadsheet_cells=True,
        q=questionnaire,
        lang=lang,
        words=words,
        heading=words["form"].format(
            form_id=questionnaire.form_id, version=questionnaire.version, wave=questionnaire.wave
        ),
        entries=codebook_entries(questionnaire),
    )


# ---- DDI Codebook 2.5 -----------------------------------------------------------------


_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


def _labels(parent: ET.Element, tag: str, text: Text, **attrs: str) -> None:
    """One element per language; xml:lang where the language key is a language tag (a form's
    plain, unnamed language gets none)."""
    for lang, value in text.as_dict().items():
        element = ET.SubElement(parent, tag, attrs)
        if _LANGUAGE_TAG.match(lang):
            element.set(XML_LANG, lang)
        element.text = value


def ddi_codebook(questionnaire: Questionnaire, data_file: str) -> ET.Element:
    """The DDI Codebook 2.5 tree: study description, the data file, one ``var`` per variable."""
    q = questionnaire
    ET.register_namespace("", DDI_NAMESPACE)
    root = ET.Element("codeBook", {"version": "2.5", "ID": f"{q.form_id}-{q.version}"})
    root.set("xmlns", DDI_NAMESPACE)
    citation = ET.SubElement(ET.SubElement(root, "stdyDscr"), "citation")
    titl_stmt = ET.SubElement(citation, "titlStmt")
    _labels(titl_stmt, "titl", q.title)
    ET.SubElement(titl_stmt, "IDNo").text = q.form_id
    if q.organisation is not None:
        _labels(ET.SubElement(citation, "rspStmt"), "AuthEnty", q.organisation)
    ET.SubElement(ET.SubElement(citation, "verStmt"), "version").text = q.version

    entries = codebook_entries(q)
    files = [("F1", data_file, entries)] + [
        (f"F{i}", child_file_name(data_file, table), codebook_entries(q, table))
        for i, table in enumerate(q.tables(), start=2)
    ]
    for file_id, name, members in files:
        file_txt = ET.SubElement(ET.SubElement(root, "fileDscr", {"ID": file_id}), "fileTxt")
        ET.SubElement(file_txt, "fileName").text = name
        dimensns = ET.SubElement(file_txt, "dimensns")
        ET.SubElement(dimensns, "varQnty").text = str(len(members))

    data_dscr = ET.SubElement(root, "dataDscr")
    for section in q.sections:
        members = [e.name for e in entries if e.section == section.name]
        group = ET.SubElement(data_dscr, "varGrp", {"ID": f"G_{section.name}", "type": "section"})
        group.set("var", " ".join(f"V_{name}" for name in members))
        _labels(group, "labl", section.title)
    for file_id, _, members in files:
        for entry in members:
            var = _ddi_var(entry, file_id)
            if file_id != "F1":
                var.set("ID", f"V_{file_id}_{entry.name}")
            data_dscr.append(var)
    return root


def _ddi_var(entry: CodebookEntry, file_id: str = "F1") -> ET.Element:
    interval = "contin" if entry.level == "scale" else "discrete"
    var = ET.Element(
        "var", {"ID": f"V_{entry.name}", "name": entry.name, "files": file_id, "intrvl": interval}
    )
    if entry.level != "scale" and entry.storage == "integer":
        var.set("nature", entry.level)
    elif entry.level == "scale":
        var.set("nature", "interval")
    _labels(var, "labl", entry.label)
    if entry.pii:
        _labels(
            var,
            "security",
            Text(vi="Thông tin định danh cá nhân", en="Personally identifying information"),
        )
    if entry.question_label is not None or entry.question_type != "id":
        qstn = ET.SubElement(var, "qstn", {"ID": f"Q_{entry.name}"})
        _labels(qstn, "qstnLit", entry.question_label or entry.label)
    if entry.range is not None:
        valrng = ET.SubElement(var, "valrng")
        ET.SubElement(valrng, "range", {"min": str(entry.range[0]), "max": str(entry.range[1])})
    if entry.relevant:
        for lang, words in entry.relevant_words.items():
            universe = ET.SubElement(var, "universe", {"clusion": "I"})
            universe.set(XML_LANG, lang)
            universe.text = f"{words} ({entry.relevant})"
    for value in entry.values:
        catgry = ET.SubElement(var, "catgry", {"missing": "Y"} if value.missing else {})
        ET.SubElement(catgry, "catValu").text = str(value.code)
        _labels(catgry, "labl", value.label)
    numeric = entry.storage in ("integer", "number")
    var_format = ET.SubElement(
        var,
        "varFormat",
        {"type": "numeric" if numeric else "character", "schema": "other"},
    )
    if entry.storage == "date":
        var_format.set("category", "date")
        var_format.set("formatname", "YYYY-MM-DD")
    return var


def ddi_xml(questionnaire: Questionnaire, data_file: str) -> bytes:
    tree = ET.ElementTree(ddi_codebook(questionnaire, data_file))
    ET.indent(tree)
    return ET.tostring(tree.getroot(), encoding="utf-8", xml_declaration=True)


# ---- Frictionless ---------------------------------------------------------------------


def frictionless_field(entry: CodebookEntry, lang: str = "vi") -> dict:
    """A Table Schema field; missing codes are field-level ``missingValues`` (Table Schema 2).
    Titles and category labels are in ``lang`` (the package's language)."""
    out: dict = {
        "name": entry.name,
        "title": entry.label.get(lang) or entry.name,
        "description": entry.label.en or "",
        "type": entry.storage,
    }
    constraints: dict = {}
    if entry.values:
        constraints["enum"] = entry.substantive_codes
        out["categories"] = [
            {"value": v.code, "label": v.label.get(lang)} for v in entry.values if not v.missing
        ]
    if entry.range is not None:
        constraints["minimum"], constraints["maximum"] = entry.range
    if entry.question_type == "id" and not entry.name.startswith("_"):
        constraints["required"] = True
        constraints["unique"] = True
    if constraints:
        out["constraints"] = constraints
    out["missingValues"] = ["", *(str(code) for code in entry.missing_codes)]
    if entry.storage == "date":
        out["format"] = "%Y-%m-%d"
    out["pipeline"] = {
        "level": entry.level,
        "pii": entry.pii,
        "section": entry.section,
        "question": entry.number,
    }
    if entry.relevant:
        out["pipeline"]["relevant"] = entry.relevant
    return out


def data_package(questionnaire: Questionnaire, data_file: str) -> dict:
    """A Frictionless tabular data package describing the response data file (CSV)."""
    q = questionnaire
    lang = package_language(q)
    entries = codebook_entries(q)
    package = {
        "profile": "tabular-data-package",
        "name": package_name(instrument_stem(q)),
        "title": q.title.get(lang),
        "description": q.title.get("en"),
        "version": q.version,
        "resources": [_resource("responses", data_file, entries, [q.respondent_id], lang)],
    }
    for table in q.tables():
        resource = _resource(
            package_name(f"responses-{table}"),
            child_file_name(data_file, table),
            codebook_entries(q, table),
            ["_parent_id", "_parent_index", "_index"],
            lang,
        )
        resource["schema"]["foreignKeys"] = [
            {
                "fields": ["_parent_id"],
                "reference": {"resource": "responses", "fields": [q.respondent_id]},
            }
        ]
        package["resources"].append(resource)
    return package


def package_language(questionnaire: Questionnaire) -> str:
    """The one language of the package's titles (Table Schema has room for one): Vietnamese
    when the form has it, else the form's declared default language, else English, else the
    form's first; so an English and French form gets no Vietnamese "Khác" among its labels."""
    named = [key for key in questionnaire.languages if key != DEFAULT_LANGUAGE]
    if not questionnaire.languages:
        return "vi"  # a questionnaire that lists no languages is in Vietnamese and English
    declared = questionnaire.default_language_key if questionnaire.default_language else None
    for lang in ("vi", declared, "en"):
        if lang in named:
            return lang
    return named[0] if named else DEFAULT_LANGUAGE


def _resource(
    name: str, path: str, entries: list[CodebookEntry], key: list[str], lang: str
) -> dict:
    return {
        "name": name,
        "path": path,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": {
            "fields": [frictionless_field(e, lang) for e in entries],
            "missingValues": [""],
            "primaryKey": key,
        },
    }


def package_name(text: str) -> str:
    """A Frictionless name: lower-case letters, digits and - . _ / only."""
    return re.sub(r"[^-a-z0-9._/]+", "_", text.lower())


def child_file_name(data_file: str, table: str) -> str:
    """The CSV of a repeat's child table, beside the respondents' file."""
    stem = data_file.removesuffix(".csv")
    return f"{stem}.{table}.csv"


def data_file_name(questionnaire: Questionnaire) -> str:
    """The response data file the DDI and data package describe (a CSV named for the form)."""
    return f"{instrument_stem(questionnaire)}.csv"


def write_codebook(questionnaire: Questionnaire, out_dir: Path, lang: str = "vi") -> list[Path]:
    """Write ``<stem>.codebook.<lang>.html``, ``<stem>.ddi.xml`` and ``<stem>.datapackage.json``
    (``<stem>`` is ``<form_id>-<wave>``)."""
    data_file = data_file_name(questionnaire)
    stem = instrument_stem(questionnaire)
    html = output_file(out_dir, f"{stem}.codebook.{lang}.html")
    write_text(html, render_codebook_html(questionnaire, lang))
    ddi = output_file(out_dir, f"{stem}.ddi.xml")
    write_bytes(ddi, ddi_xml(questionnaire, data_file))
    package = output_file(out_dir, f"{stem}.datapackage.json")
    text = json.dumps(data_package(questionnaire, data_file), ensure_ascii=False, indent=2)
    write_text(package, text + "\n")
    return [html, ddi, package]
