"""Bilingual labels and answer options, shared by the questionnaire and the frame."""

from __future__ import annotations

import unicodedata
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict

LANGUAGES = ("vi", "en")


def nfc(value: object) -> object:
    """Unicode NFC for strings; other values pass through."""
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


NfcStr = Annotated[str, BeforeValidator(nfc)]


class Model(BaseModel):
    """Base for the YAML-backed models: unknown keys are errors, not silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Model):
    """A label in every language the pipeline speaks. Vietnamese first."""

    vi: NfcStr | None = None
    en: NfcStr | None = None

    def get(self, lang: str) -> str:
        """The label in ``lang``, falling back to the other language, then to ''."""
        primary = getattr(self, lang, None)
        if primary:
            return primary
        return self.vi or self.en or ""

    def missing_languages(self) -> list[str]:
        return [lang for lang in LANGUAGES if not getattr(self, lang)]


class Option(Model):
    """One answer option. ``missing`` marks special missing codes (don't know, refused)."""

    code: int | None = None
    label: Text
    missing: bool = False
