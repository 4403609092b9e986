"""The questionnaire's XForm (through the project's XLSForm and pyxform) and the safe reading
of an XForm submission.

A submission is untrusted XML: it is parsed with defusedxml (no DTD, no entities, no
external references), only after its size is checked, and its tree is bounded in depth and
element count before anything is read from it.
"""

from __future__ import annotations

import hashlib
import json
import re
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from pipeline.core.labels import Text
from pipeline.model.questionnaire import Question, Questionnaire
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


# ODK Web Forms 0.22 takes no translations of its own strings: a required or constrained
# question without a message of its own would show "Condition not satisfied: required" in
# English whatever the form's language. Served forms carry these messages instead.
REQUIRED_MESSAGE = Text(vi="Câu hỏi này cần được trả lời.", en="This question needs an answer.")
CONSTRAINT_MESSAGE = Text(
    vi="Câu trả lời này không hợp lệ cho câu hỏi.", en="This answer is not valid for the question."
)


def with_messages(questionnaire: Questionnaire) -> Questionnaire:
    """The questionnaire with a Vietnamese and English message for every required question
    and every constraint that has none of its own (an integer range has one: the XLSForm
    writer words it)."""
    sections = [
        s.model_copy(update={"questions": [_with_message(q) for q in s.questions]})
        for s in questionnaire.sections
    ]
    return questionnaire.model_copy(update={"sections": sections})


def _with_message(q: Question) -> Question:
    update: dict[str, object] = {}
    if q.children:
        update["children"] = [_with_message(child) for child in q.children]
    if q.required and q.required_message is None and not q.is_container:
        update["required_message"] = REQUIRED_MESSAGE
    if q.constraint and q.constraint_message is None and q.range is None:
        update["constraint_message"] = CONSTRAINT_MESSAGE
    return q.model_copy(update=update) if update else q


def build_xform(questionnaire: Questionnaire, lang: str = "vi") -> XForm:
    """Convert the questionnaire to an XForm: its XLSForm written by the instruments stage
    (with the form's own messages where a question has none, :func:`with_messages`), then
    pyxform (the converter ODK and Kobo use)."""
    from pyxform.xls2xform import convert

    from pipeline.stages.instruments.xlsform import write_xlsform

    with tempfile.TemporaryDirectory() as tmp:
        path = write_xlsform(with_messages(questionnaire), Path(tmp) / "form.xlsx", lang)
        xml = convert(xlsform=str(path)).xform
    return XForm(questionnaire.form_id, questionnaire.version, questionnaire.title.get(lang), xml)


@dataclass(frozen=True)
class Instance:
    """One repeat instance of a submission: the repeat's name, its place (``parent_index``:
    the position in each enclosing repeat joined by ``.``, '' at the top; ``index``: the
    1-based position within its parent, as the child tables of ``survey ingest`` number
    them) and its own answer fields (not those of repeats nested in it)."""

    repeat: str
    parent_index: str
    index: int
    fields: dict[str, str]

    @property
    def path(self) -> str:
        """This instance's own place, the ``parent_index`` of repeats nested in it."""
        return f"{self.parent_index}.{self.index}" if self.parent_index else str(self.index)


@dataclass(frozen=True)
class Submission:
    """What a submission says: form, version, instanceID, the answer fields outside any
    repeat and the repeat instances (parents before the repeats nested in them)."""

    form_id: str
    version: str | None
    instance_id: str
    fields: dict[str, str]
    instances: tuple[Instance, ...] = ()

    @property
    def content_key(self) -> str:
        """The canonical text of what was submitted, compared when an instanceID comes again
        (the fields alone for a form without repeats, as before repeats were read)."""
        if not self.instances:
            return json.dumps(self.fields, ensure_ascii=False, sort_keys=True)
        repeats = [[i.repeat, i.parent_index, i.index, i.fields] for i in self.instances]
        return json.dumps(
            {"fields": self.fields, "repeats": repeats}, ensure_ascii=False, sort_keys=True
        )


def parse_submission(data: bytes, repeats: frozenset[str] = frozenset()) -> Submission:
    """Read submission XML; raise Refusal for anything unsafe or malformed. An element named
    after one of the form's ``repeats`` is a repeat instance: its leaves are its fields."""
    if len(data) > MAX_XML_BYTES:
        raise Refusal("", f"the submission is larger than {MAX_XML_BYTES // 1024} KiB")
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise Refusal("", "the submission declares a DTD or entities, which are refused") from None
    except ParseError as exc:
        raise Refusal("", f"the submission is not well-formed XML ({exc})") from None
    _check_shape(root)
    reader = _Reader(repeats)
    fields = reader.read(root, (), None)
    instance_id = reader.instance_id
    if not instance_id:
        raise Refusal("instanceID", "the submission carries no meta/instanceID")
    if len(instance_id) > 100:
        raise Refusal("instanceID", "the instanceID is longer than 100 characters")
    return Submission(form_id=root.get("id") or "", version=root.get("version"),
                      instance_id=instance_id, fields=fields,
                      instances=tuple(reader.instances))  # fmt: skip


_TEMPLATE = "{http://openrosa.org/javarosa}template"


class _Reader:
    """Walks a submission's tree: the leaves of each scope (the form, a repeat instance)."""

    def __init__(self, repeats: frozenset[str]) -> None:
        self.repeats = repeats
        self.instances: list[Instance] = []
        self.instance_id = ""

    def read(self, element: Element, path: tuple[str, ...], scope: str | None) -> dict[str, str]:
        """The fields of the scope ``element`` opens (``scope``: the instance's own place,
        None at the top); repeat instances inside it are added to ``instances``."""
        fields: dict[str, str] = {}
        counts: dict[str, int] = {}
        self._gather(element, path, scope, fields, counts)
        return fields

    def _gather(self, element, path, scope, fields: dict[str, str], counts: dict[str, int]):
        for child in element:
            name = _local(child.tag)
            if child.get(_TEMPLATE) is not None:
                continue  # a repeat's template, copied from the form: no instance
            if name in self.repeats:
                self._instance(child, name, scope, counts)
            elif len(child):
                self._gather(child, (*path, name), scope, fields, counts)
            elif name == "instanceID" and path and path[-1] == "meta" and scope is None:
                self.instance_id = (child.text or "").strip()
            elif name in fields:
                raise Refusal(name, "the field appears twice")
            else:
                fields[name] = child.text or ""

    def _instance(self, element: Element, repeat: str, scope: str | None, counts) -> None:
        counts[repeat] = counts.get(repeat, 0) + 1
        placed = Instance(repeat, scope or "", counts[repeat], {})
        at = len(self.instances)
        self.instances.append(placed)  # before the repeats nested in it
        fields = self.read(element, (repeat,), placed.path)
        self.instances[at] = Instance(repeat, placed.parent_index, placed.index, fields)


def _check_shape(root: Element) -> None:
    count = 0
    stack = [(root, 1)]
    while stack:
        element, depth = stack.pop()
        count += 1
        if depth > MAX_DEPTH or count > MAX_ELEMENTS:
            raise Refusal("", "the submission is nested too deeply or has too many elements")
        stack.extend((child, depth + 1) for child in element)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]
