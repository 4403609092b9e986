"""The questionnaire's XForm (through the project's XLSForm and pyxform) and the safe reading
of an XForm submission.

A submission is untrusted XML: it is parsed with defusedxml (no DTD, no entities, no
external references), only after its size is checked, and its tree is bounded in depth and
element count before anything is read from it.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from pipeline.model.questionnaire import Questionnaire
from pipeline.stages.collect.answers import Refusal

MAX_XML_BYTES = 256 * 1024
MAX_ELEMENTS = 5000
MAX_DEPTH = 12


@dataclass(frozen=True)
class XForm:
    form_id: str
    version: str
    title: str
    xml: str

    @property
    def md5(self) -> str:
        return hashlib.md5(self.xml.encode("utf-8")).hexdigest()


_TRANSLATION = re.compile(r'<translation lang="([^"]*)"(?: default="true\(\)")?>')


@lru_cache(maxsize=8)
def with_default_language(xml: str, lang: str) -> str:
    """The XForm with its translation for the language code ``lang`` (``English (en)`` for
    ``en``) marked as the default, so that a form engine opens in the page's language; the
    XForm unchanged when it has no such translation. Only the ``default`` mark moves."""
    names = _TRANSLATION.findall(xml)
    target = next((n for n in names if n == lang or n.endswith(f"({lang})")), None)
    if target is None:
        return xml

    def marked(match: re.Match) -> str:
        default = ' default="true()"' if match.group(1) == target else ""
        return f'<translation lang="{match.group(1)}"{default}>'

    return _TRANSLATION.sub(marked, xml)


def build_xform(questionnaire: Questionnaire, lang: str = "vi") -> XForm:
    """Convert the questionnaire to an XForm: its XLSForm written by the instruments stage,
    then pyxform (the converter ODK and Kobo use)."""
    from pyxform.xls2xform import convert

    from pipeline.stages.instruments.xlsform import write_xlsform

    with tempfile.TemporaryDirectory() as tmp:
        path = write_xlsform(questionnaire, Path(tmp) / "form.xlsx", lang)
        xml = convert(xlsform=str(path)).xform
    return XForm(questionnaire.form_id, questionnaire.version, questionnaire.title.get(lang), xml)


@dataclass(frozen=True)
class Submission:
    """What a submission says: form, version, instanceID and the answer fields."""

    form_id: str
    version: str | None
    instance_id: str
    fields: dict[str, str]


def parse_submission(data: bytes) -> Submission:
    """Read submission XML; raise Refusal for anything unsafe or malformed."""
    if len(data) > MAX_XML_BYTES:
        raise Refusal("", f"the submission is larger than {MAX_XML_BYTES // 1024} KiB")
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise Refusal("", "the submission declares a DTD or entities, which are refused") from None
    except ParseError as exc:
        raise Refusal("", f"the submission is not well-formed XML ({exc})") from None
    _check_shape(root)
    form_id = root.get("id") or ""
    fields: dict[str, str] = {}
    instance_id = ""
    for element, path in _leaves(root, ()):
        name = _local(element.tag)
        if name in fields:
            raise Refusal(name, "the field appears twice (repeats are not supported yet)")
        text = element.text or ""
        if name == "instanceID" and path and path[-1] == "meta":
            instance_id = text.strip()
            continue
        fields[name] = text
    if not instance_id:
        raise Refusal("instanceID", "the submission carries no meta/instanceID")
    if len(instance_id) > 100:
        raise Refusal("instanceID", "the instanceID is longer than 100 characters")
    return Submission(form_id, root.get("version"), instance_id, fields)


def _check_shape(root: Element) -> None:
    count = 0
    stack = [(root, 1)]
    while stack:
        element, depth = stack.pop()
        count += 1
        if depth > MAX_DEPTH or count > MAX_ELEMENTS:
            raise Refusal("", "the submission is nested too deeply or has too many elements")
        stack.extend((child, depth + 1) for child in element)


def _leaves(element: Element, path: tuple[str, ...]):
    for child in element:
        if len(child):
            yield from _leaves(child, (*path, _local(child.tag)))
        else:
            yield child, path


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
