"""The questionnaire's XForm (through the project's XLSForm and pyxform) and the safe reading
of an XForm submission.

A submission is untrusted XML: its size is checked first, then it is read in one pass by
the standard library's expat with a DOCTYPE, entity declarations and external references
refused (so nothing is ever expanded or fetched), its depth and element count bounded as it
is read, and no tree built.
"""

from __future__ import annotations

import hashlib
import json
import re
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.parsers.expat import XML_PARAM_ENTITY_PARSING_NEVER, ExpatError, ParserCreate

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
            return _CANONICAL.encode(self.fields)
        repeats = [[i.repeat, i.parent_index, i.index, i.fields] for i in self.instances]
        return _CANONICAL.encode({"fields": self.fields, "repeats": repeats})


# json.dumps(..., ensure_ascii=False, sort_keys=True), its encoder made once, not per call
_CANONICAL = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


def parse_submission(data: bytes, repeats: frozenset[str] = frozenset()) -> Submission:
    """Read submission XML; raise Refusal for anything unsafe or malformed. An element named
    after one of the form's ``repeats`` is a repeat instance: its leaves are its fields.

    The XML is read in one pass by expat, the standard library's parser, with a handler that
    refuses a DOCTYPE (so no entity can be declared) and any external reference, and with the
    depth and element count bounded as it goes: no tree is built and nothing is expanded."""
    if len(data) > MAX_XML_BYTES:
        raise Refusal("", f"the submission is larger than {MAX_XML_BYTES // 1024} KiB")
    reader = _Reader(repeats)
    try:
        reader.parse(data)
    except _Forbidden:
        raise Refusal("", "the submission declares a DTD or entities, which are refused") from None
    except ExpatError as exc:
        raise Refusal("", f"the submission is not well-formed XML ({exc})") from None
    if reader.refusal is not None:  # a well-formed document that says something refused
        raise reader.refusal
    instance_id = reader.instance_id
    if not instance_id:
        raise Refusal("instanceID", "the submission carries no meta/instanceID")
    if len(instance_id) > 100:
        raise Refusal("instanceID", "the instanceID is longer than 100 characters")
    return Submission(form_id=reader.form_id, version=reader.version,
                      instance_id=instance_id, fields=reader.fields,
                      instances=tuple(reader.instances))  # fmt: skip


# expat joins a namespace and a local name with this separator, as ElementTree does
_NAMESPACE_END = "}"
_TEMPLATE = "http://openrosa.org/javarosa}template"


class _Forbidden(Exception):
    """A DOCTYPE, an entity declaration or an external reference: refused, never resolved."""


class _Scope:
    """Where leaves go: the form's own fields, or one repeat instance's; ``counts`` numbers
    the repeat instances met in it; ``place`` is the instance's own place (None for the
    form); ``depth`` that of the element that opened it (1: the root)."""

    __slots__ = ("fields", "counts", "place", "depth")

    def __init__(self, fields: dict[str, str], place: str | None, depth: int) -> None:
        self.fields = fields
        self.counts: dict[str, int] = {}
        self.place = place
        self.depth = depth


class _Reader:
    """Reads a submission as expat reports it: the leaves of each scope (the form, a repeat
    instance), the instanceID under the form's own meta group, the form's id and version.

    A leaf is an element without child elements; its text is all its character data. An
    element with children is a group (its leaves belong to the scope it is in) or, when named
    after one of the form's repeats, a repeat instance (a scope of its own). A repeat's
    template (``jr:template``), copied from the form, is no instance: skipped whole.

    The handlers do as little as they can (they run for every element): the names of the
    open elements on a stack, the text gathered by the list's own append."""

    def __init__(self, repeats: frozenset[str]) -> None:
        self.repeats = repeats
        self.instances: list[Instance] = []
        self.instance_id = ""
        self.form_id = ""
        self.version: str | None = None
        self.fields: dict[str, str] = {}
        self.refusal: Refusal | None = None  # the first, raised once the XML is known sound
        self.names: list[str] = []  # the local names of the open elements, the root first
        self.scope = _Scope(self.fields, None, 1)
        self.outer: list[_Scope] = []  # the scopes the current one is nested in
        self.skipping = 0  # the depth of the template being skipped, 0 when none
        self.leaf = False  # whether the element last opened has had no child yet
        self.text: list[str] = []  # the character data since the last element opened
        self.elements = 0

    def parse(self, data: bytes) -> None:
        parser = ParserCreate(None, _NAMESPACE_END)
        parser.SetParamEntityParsing(XML_PARAM_ENTITY_PARSING_NEVER)
        parser.StartDoctypeDeclHandler = _forbid
        parser.EntityDeclHandler = _forbid
        parser.UnparsedEntityDeclHandler = _forbid
        parser.ExternalEntityRefHandler = _forbid
        parser.buffer_text = True
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.text.append
        parser.Parse(data, True)

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        names = self.names
        self.elements += 1
        if len(names) >= MAX_DEPTH or self.elements > MAX_ELEMENTS:
            raise Refusal("", "the submission is nested too deeply or has too many elements")
        self.leaf = True
        self.text.clear()  # an element's text is what comes before its first child
        if not names:  # the root: the form's id and version
            self.form_id = attributes.get("id") or ""
            self.version = attributes.get("version")
            names.append(tag)
            return
        name = tag.rpartition(_NAMESPACE_END)[2]
        names.append(name)
        if self.skipping:
            return
        if _TEMPLATE in attributes:
            self.skipping = len(names)
        elif name in self.repeats:
            self.open_instance(name, len(names))

    def open_instance(self, repeat: str, depth: int) -> None:
        """A repeat instance, numbered within its scope and listed before those nested in it."""
        scope = self.scope
        index = scope.counts[repeat] = scope.counts.get(repeat, 0) + 1
        placed = Instance(repeat, scope.place or "", index, {})
        self.instances.append(placed)
        self.outer.append(scope)
        self.scope = _Scope(placed.fields, placed.path, depth)

    def end(self, _tag: str) -> None:
        names = self.names
        depth = len(names)
        name = names.pop()
        leaf, self.leaf = self.leaf, False  # the parent now has a child
        if self.skipping:
            if depth == self.skipping:
                self.skipping = 0
            return
        scope = self.scope
        if depth == scope.depth:  # the repeat instance (or the root) closes
            if self.outer:
                self.scope = self.outer.pop()
            return
        if not leaf:
            return
        if name == "instanceID" and scope.place is None and depth > 2 and names[-1] == "meta":
            self.instance_id = "".join(self.text).strip()  # the form's own meta group
        elif name in scope.fields:
            self.refusal = self.refusal or Refusal(name, "the field appears twice")
        else:
            scope.fields[name] = "".join(self.text)


def _forbid(*_args) -> None:
    raise _Forbidden
