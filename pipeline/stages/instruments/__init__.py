"""Survey instruments generated from the questionnaire: everything a field team needs.

``write_instruments`` writes, into one folder:

- ``<stem>.xlsform.xlsx``: the XLSForm for KoboToolbox/ODK (both languages),
- ``<stem>.paper.<lang>.html`` and ``.pdf``: the printable paper form,
- ``<stem>.codebook.<lang>.html``, ``<stem>.ddi.xml`` (DDI Codebook 2.5) and
  ``<stem>.datapackage.json`` (Frictionless): the codebook,
- ``<stem>.entry.xlsx``: the data-entry workbook,

where ``<stem>`` is ``<form_id>-<wave>`` so that the waves of one form share a folder.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.core.atomic import staged_folder
from pipeline.core.errors import InputError
from pipeline.core.labels import LANGUAGES
from pipeline.core.paths import output_file
from pipeline.model.questionnaire import Questionnaire
from pipeline.stages.instruments.codebook import write_codebook
from pipeline.stages.instruments.entry_template import write_entry_template
from pipeline.stages.instruments.layout import instrument_stem, require_filled_lists
from pipeline.stages.instruments.paper import write_paper_form
from pipeline.stages.instruments.xlsform import write_xlsform

__all__ = [
    "instrument_stem",
    "write_codebook",
    "write_entry_template",
    "write_instruments",
    "write_paper_form",
    "write_xlsform",
]


def write_instruments(questionnaire: Questionnaire, out_dir: Path, lang: str = "vi") -> list[Path]:
    """Write every instrument into ``out_dir``; returns the files written, in that order.

    ``lang`` is the language of the paper form and the HTML codebook and the XLSForm's
    default language; the XLSForm, DDI and entry workbook always carry both languages.
    The questionnaire must be loaded with its frame (stratum options are printed).
    """
    if lang not in LANGUAGES:
        raise InputError(f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    require_filled_lists(questionnaire)
    out_dir = Path(out_dir)
    stem = instrument_stem(questionnaire)
    # the instruments are one set (the XLSForm and the paper form must agree): swapped in whole
    with staged_folder(out_dir) as staging:
        written = [
            write_xlsform(questionnaire, output_file(staging, f"{stem}.xlsform.xlsx"), lang),
            *write_paper_form(questionnaire, staging, lang),
            *write_codebook(questionnaire, staging, lang),
            write_entry_template(questionnaire, output_file(staging, f"{stem}.entry.xlsx")),
        ]
    return [output_file(out_dir, path.name) for path in written]
