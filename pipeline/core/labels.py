"""Labels in any number of languages, and answer options, shared by the questionnaire and
the frame.

A ``Text`` holds one string per language code. ``vi`` and ``en`` are the pipeline's report
languages and stay ordinary fields (``text.vi``); any other language an XLSForm carries
(``fr``, ``sw``, ``ar``, ``zh-Hans``, or a language known only by its name such as
``Swahili``, or ``default`` for a plain ``label`` column) is kept beside them with the same
``get(lang)`` API.
"""

from __future__ import annotations

import unicodedata
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

LANGUAGES = ("vi", "en")
# The language key of an XLSForm column with no language (plain ``label``).
DEFAULT_LANGUAGE = "default"


def nfc(value: object) -> object:
    """Unicode NFC for strings; other values pass through."""
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


NfcStr = Annotated[str, BeforeValidator(nfc)]


class Model(BaseModel):
    """Base for the YAML-backed models: unknown keys are errors, not silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(BaseModel):
    """A label in every language it was written in. Vietnamese first, then English, then the
    others in the order they were given."""

    model_config = ConfigDict(extra="allow", frozen=True)

    vi: NfcStr | None = None
    en: NfcStr | None = None

    @model_validator(mode="before")
    @classmethod
    def _other_languages_are_text(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        out = {}
        for lang, value in data.items():
            if value is not None and not isinstance(value, str):
                raise ValueError(f"the {lang} text must be a string, got {value!r}")
            out[lang] = nfc(value)
        return out

    def as_dict(self) -> dict[str, str]:
        """Every language that has text, code -> text, vi and en first."""
        values = {"vi": self.vi, "en": self.en, **(self.model_extra or {})}
        return {lang: text for lang, text in values.items() if text}

    def languages(self) -> list[str]:
        return list(self.as_dict())

    def has(self, lang: str) -> bool:
        return bool(self.as_dict().get(lang))

    def get(self, lang: str) -> str:
        """The label in ``lang``; else Vietnamese, English, then the first other language;
        '' when there is no text at all."""
        values = self.as_dict()
        if values.get(lang):
            return values[lang]
        return next(iter(values.values()), "")

    def get_marked(self, lang: str, default: str | None = None) -> str:
        """The label in ``lang``; where it has none, the label in ``default`` (the form's
        default language; else the first it has) marked with that language: ``Oui [fr]``."""
        values = self.as_dict()
        if values.get(lang):
            return values[lang]
        source = default if default in values else next(iter(values), None)
        if source is None:
            return ""
        return f"{values[source]} [{source}]"

    def missing_languages(self, languages: tuple[str, ...] | list[str] = LANGUAGES) -> list[str]:
        return [lang for lang in languages if not self.has(lang)]

    def __bool__(self) -> bool:
        return bool(self.as_dict())


def text_of(values: dict[str, str]) -> Text:
    """A Text from language -> text (any codes)."""
    return Text(**values)


class Option(Model):
    """One answer option. ``missing`` marks special missing codes (don't know, refused).

    ``code`` is the number SPSS, Stata and the tables use. ``name`` is the XLSForm choice
    name when it is not simply the code written as a whole number (``yes``, ``dont_know``,
    ``01``); ``value`` is what a form stores either way. ``media`` holds image/audio/video
    file names per language, ``extra`` the choices sheet's other columns (choice_filter
    columns such as ``state``), kept verbatim by header.
    """

    code: int | None = None
    name: NfcStr | None = None
    label: Text = Field(default_factory=Text)
    missing: bool = False
    media: dict[str, Text] = Field(default_factory=dict)
    extra: dict[str, str] = Field(default_factory=dict)

    @property
    def value(self) -> str:
        """The answer a form stores for this option: its name, else its code."""
        if self.name is not None:
            return self.name
        return "" if self.code is None else str(self.code)
