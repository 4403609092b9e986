"""XLSForm's vocabulary, shared by the importer (readers) and the writer (instruments).

Question type words and their aliases, the columns that carry text in several languages,
how a language is named in a column header, and the integer-range constraint the writer
makes. The spellings follow pyxform (https://xlsform.org), the reference for what an
XLSForm may contain.
"""

from __future__ import annotations

import re

from pipeline.core.labels import DEFAULT_LANGUAGE, LANGUAGES, Text
from pipeline.core.wording import RANGE_MESSAGE
from pipeline.model.questionnaire import QuestionType

# Question types: XLSForm word (or alias) -> the model's type.
SIMPLE_TYPES: dict[str, QuestionType] = {
    "integer": QuestionType.integer,
    "int": QuestionType.integer,
    "decimal": QuestionType.decimal,
    "text": QuestionType.text,
    "string": QuestionType.text,
    "date": QuestionType.date,
    "time": QuestionType.time,
    "datetime": QuestionType.datetime,
    "geopoint": QuestionType.geopoint,
    "gps": QuestionType.geopoint,
    "location": QuestionType.geopoint,
    "geotrace": QuestionType.geotrace,
    "geoshape": QuestionType.geoshape,
    "image": QuestionType.image,
    "photo": QuestionType.image,
    "audio": QuestionType.audio,
    "video": QuestionType.video,
    "file": QuestionType.file,
    "barcode": QuestionType.barcode,
    "acknowledge": QuestionType.acknowledge,
    "trigger": QuestionType.acknowledge,
    "range": QuestionType.range,
    "note": QuestionType.note,
    "calculate": QuestionType.calculate,
    "hidden": QuestionType.hidden,
}
# The word the writer uses for each model type (the canonical spelling).
WRITTEN_TYPE: dict[QuestionType, str] = {
    QuestionType.single: "select_one",
    QuestionType.likert: "select_one",
    QuestionType.multiple: "select_multiple",
    QuestionType.rank: "rank",
    QuestionType.integer: "integer",
    QuestionType.decimal: "decimal",
    QuestionType.text: "text",
    QuestionType.date: "date",
    QuestionType.time: "time",
    QuestionType.datetime: "dateTime",
    QuestionType.geopoint: "geopoint",
    QuestionType.geotrace: "geotrace",
    QuestionType.geoshape: "geoshape",
    QuestionType.image: "image",
    QuestionType.audio: "audio",
    QuestionType.video: "video",
    QuestionType.file: "file",
    QuestionType.barcode: "barcode",
    QuestionType.acknowledge: "acknowledge",
    QuestionType.range: "range",
    QuestionType.note: "note",
    QuestionType.calculate: "calculate",
    QuestionType.hidden: "hidden",
}
# Metadata the form records by itself (kept as text columns named by ``xlsform_type``).
META_TYPES = {
    "start", "end", "today", "deviceid", "imei", "subscriberid", "simserial", "phonenumber",
    "username", "email", "audit", "start-geopoint", "background-audio", "uri:deviceid",
    "uri:subscriberid", "uri:simserial", "uri:phonenumber", "uri:username", "uri:email",
    "xml-external", "csv-external", "background-geopoint",
}  # fmt: skip
# Old and long spellings of the select types, longest first so that "select one from"
# wins over "select one".
SELECT_WORDS: list[tuple[str, str]] = sorted(
    [
        ("select_one_from_file", "select_one_from_file"),
        ("select one from file", "select_one_from_file"),
        ("select_multiple_from_file", "select_multiple_from_file"),
        ("select multiple from file", "select_multiple_from_file"),
        ("select_one_external", "select_one_external"),
        ("select_multiple_external", "select_multiple_external"),
        ("add select one prompt using", "select_one"),
        ("add select multiple prompt using", "select_multiple"),
        ("select all that apply from", "select_multiple"),
        ("select all that apply", "select_multiple"),
        ("select one from", "select_one"),
        ("select one", "select_one"),
        ("select_one", "select_one"),
        ("select1", "select_one"),
        ("select_multiple", "select_multiple"),
        ("rank", "rank"),
    ],
    key=lambda pair: -len(pair[0]),
)

# Columns whose text is given per language, with their aliases: canonical base name.
TRANSLATED = {
    "label": "label",
    "caption": "label",
    "hint": "hint",
    "guidance_hint": "guidance_hint",
    "constraint_message": "constraint_message",
    "constraining_message": "constraint_message",
    "jr:constraintmsg": "constraint_message",
    "required_message": "required_message",
    "requiredmsg": "required_message",
    "jr:requiredmsg": "required_message",
    "image": "image",
    "big-image": "big-image",
    "audio": "audio",
    "video": "video",
}
MEDIA = ("image", "big-image", "audio", "video")
# Plain columns with a field of their own: alias -> field.
FIELDS = {
    "type": "type",
    "command": "type",
    "name": "name",
    "value": "name",
    "relevant": "relevant",
    "relevance": "relevant",
    "constraint": "constraint",
    "required": "required",
    "calculation": "calculation",
    "calculate": "calculation",
    "default": "default",
    "appearance": "appearance",
    "choice_filter": "choice_filter",
    "parameters": "parameters",
    "trigger": "trigger",
    "repeat_count": "repeat_count",
    "count": "repeat_count",
    "jr:count": "repeat_count",
    "read_only": "read_only",
    "readonly": "read_only",
}
TRUE_WORDS = {"yes", "true", "true()", "y", "1"}
FALSE_WORDS = {"no", "false", "false()", "n", "0", ""}

LANGUAGE_WORDS = {
    "vietnamese": "vi", "tiếng việt": "vi", "english": "en", "french": "fr",
    "français": "fr", "francais": "fr", "spanish": "es", "español": "es", "espanol": "es",
    "portuguese": "pt", "português": "pt", "swahili": "sw", "kiswahili": "sw", "arabic": "ar",
    "chinese": "zh", "hindi": "hi", "german": "de", "deutsch": "de", "russian": "ru",
    "amharic": "am", "hausa": "ha", "yoruba": "yo", "somali": "so", "bengali": "bn",
}  # fmt: skip
LANGUAGE_NAMES = {"vi": "Vietnamese", "en": "English"}
_LANGUAGE_CODE = re.compile(r"\(\s*([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)\s*\)\s*$")


def language_key(name: str) -> str:
    """The key a label is stored under for an XLSForm language name.

    ``English (en)`` -> en; ``English`` or ``english`` -> en; a name it does not know
    (``Kinyarwanda``) is its own key; '' (no language) -> ``default``.
    """
    name = name.strip()
    if not name:
        return DEFAULT_LANGUAGE
    match = _LANGUAGE_CODE.search(name)
    if match:
        return match.group(1)
    return LANGUAGE_WORDS.get(name.lower(), name)


def language_name(key: str, names: dict[str, str]) -> str:
    """The XLSForm language name to write for ``key`` ('' for the plain column)."""
    if key in names:
        return names[key]
    if key == DEFAULT_LANGUAGE:
        return ""
    if key in LANGUAGE_NAMES:
        return f"{LANGUAGE_NAMES[key]} ({key})"
    return key


def text_columns(base: str, text: Text | None, names: dict[str, str]) -> dict[str, str]:
    """``label`` + Text -> {``label::English (en)``: ..., ``label``: ... (plain)}."""
    if text is None:
        return {}
    cells = {}
    for key, value in text.as_dict().items():
        name = language_name(key, names)
        cells[f"{base}::{name}" if name else base] = value
    return cells


def report_languages(names: dict[str, str]) -> tuple[str, ...]:
    """The languages a questionnaire is written in: its own, else vi and en."""
    return tuple(names) if names else LANGUAGES


def range_constraint(low: int, high: int) -> str:
    return f". >= {low} and . <= {high}"


def range_message(low: int, high: int) -> Text:
    """The constraint message written for an integer range that has none of its own."""
    return Text(**{lang: RANGE_MESSAGE[lang].format(low=low, high=high) for lang in LANGUAGES})
