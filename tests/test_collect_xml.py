"""The submission reader (one pass of the standard library's expat, DOCTYPE and entities
refused, no tree built), checked three ways:

- against the reading it replaced, kept here as the oracle: defusedxml's ElementTree (no DTD,
  no entities, no external references), the tree bounded in depth and element count, then
  walked for the leaves of each scope; on real submissions (kobocat's instances as ODK
  Collect sent them, ODK Central's test instances) and on thousands of generated ones with
  groups, repeats, nested repeats, templates, namespaces, comments, CDATA and references;
- on each case of a hostile battery (entity expansion, external entities and DTDs, size,
  depth, element count, malformed XML), which it refuses with the old reading's reason;
- on the exact limits: the largest, deepest and widest submissions still read.
"""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree.ElementTree import Element

import numpy as np
import pytest
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from pipeline.model.questionnaire import load_questionnaire
from pipeline.stages.collect.answers import FormRules, Refusal
from pipeline.stages.collect.xform import (
    MAX_DEPTH,
    MAX_ELEMENTS,
    MAX_XML_BYTES,
    Instance,
    Submission,
    parse_submission,
)
from tests.collect_support import DEFAULT_QUESTIONNAIRE, REPO, random_fields, submission_xml

CORPUS = REPO / "tests" / "corpus"

# ---- the oracle: the reading the server did before (defusedxml's ElementTree) -----------


def reference_parse(data: bytes, repeats: frozenset[str] = frozenset()) -> Submission:
    if len(data) > MAX_XML_BYTES:
        raise Refusal("", f"the submission is larger than {MAX_XML_BYTES // 1024} KiB")
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise Refusal("", "the submission declares a DTD or entities, which are refused") from None
    except ParseError as exc:
        raise Refusal("", f"the submission is not well-formed XML ({exc})") from None
    _reference_shape(root)
    reader = _ReferenceReader(repeats)
    fields = reader.read(root, (), None)
    if not reader.instance_id:
        raise Refusal("instanceID", "the submission carries no meta/instanceID")
    if len(reader.instance_id) > 100:
        raise Refusal("instanceID", "the instanceID is longer than 100 characters")
    return Submission(root.get("id") or "", root.get("version"), reader.instance_id, fields,
                      tuple(reader.instances))  # fmt: skip


_REFERENCE_TEMPLATE = "{http://openrosa.org/javarosa}template"


class _ReferenceReader:
    def __init__(self, repeats: frozenset[str]) -> None:
        self.repeats = repeats
        self.instances: list[Instance] = []
        self.instance_id = ""

    def read(self, element: Element, path: tuple[str, ...], scope: str | None) -> dict:
        fields: dict[str, str] = {}
        self._gather(element, path, scope, fields, {})
        return fields

    def _gather(self, element, path, scope, fields: dict, counts: dict) -> None:
        for child in element:
            name = child.tag.rsplit("}", 1)[-1]
            if child.get(_REFERENCE_TEMPLATE) is not None:
                continue
            if name in self.repeats:
                counts[name] = counts.get(name, 0) + 1
                placed = Instance(name, scope or "", counts[name], {})
                at = len(self.instances)
                self.instances.append(placed)
                own = self.read(child, (name,), placed.path)
                self.instances[at] = Instance(name, placed.parent_index, placed.index, own)
            elif len(child):
                self._gather(child, (*path, name), scope, fields, counts)
            elif name == "instanceID" and path and path[-1] == "meta" and scope is None:
                self.instance_id = (child.text or "").strip()
            elif name in fields:
                raise Refusal(name, "the field appears twice")
            else:
                fields[name] = child.text or ""


def _reference_shape(root: Element) -> None:
    count, stack = 0, [(root, 1)]
    while stack:
        element, depth = stack.pop()
        count += 1
        if depth > MAX_DEPTH or count > MAX_ELEMENTS:
            raise Refusal("", "the submission is nested too deeply or has too many elements")
        stack.extend((child, depth + 1) for child in element)


def reading(parse, data: bytes, repeats: frozenset[str]) -> tuple[str, object]:
    """What a reader makes of ``data``: the Submission, or the refusal's text."""
    try:
        return ("read", parse(data, repeats))
    except Refusal as exc:
        return ("refused", str(exc))


def assert_same_reading(data: bytes, repeats: frozenset[str] = frozenset()) -> tuple:
    new = reading(parse_submission, data, repeats)
    old = reading(reference_parse, data, repeats)
    assert new == old, data[:300]
    return new


# ---- real submissions -------------------------------------------------------------------


def kobocat_submissions() -> list[Path]:
    return sorted((CORPUS / "kobocat-submissions").glob("*.xml"))


def central_submissions() -> dict[str, str]:
    return json.loads((CORPUS / "odk-central-submissions" / "instances.json").read_text())


def group_names(data: bytes) -> frozenset[str]:
    """The names of the elements that have children (but meta): read as repeats, each group
    becomes a scope of its own."""
    root = fromstring(data)
    names = {e.tag.rsplit("}", 1)[-1] for e in root.iter() if len(e) and e is not root}
    return frozenset(names - {"meta"})


def with_instance_id(data: bytes) -> bytes:
    """The submission with a meta/instanceID before its root closes, for those sent by the
    clients of 2011, which had none (so the rest of them is compared too, not only refused)."""
    end = data.rstrip().rindex(b"</")
    return data[:end] + b"<meta><instanceID>uuid:added</instanceID></meta>" + data[end:]


def test_kobocat_submissions_as_odk_collect_sent_them_read_as_before():
    files = kobocat_submissions()
    assert len(files) == 61
    kinds = []
    for path in files:
        data = path.read_bytes()
        for repeats in (frozenset(), group_names(data)):
            kinds.append(assert_same_reading(data, repeats)[0])
            if b"instanceID" not in data:
                kinds.append(assert_same_reading(with_instance_id(data), repeats)[0])
    assert kinds.count("read") > 100 and kinds.count("refused") > 50


def test_a_real_odk_submission_with_a_default_namespace_is_read():
    path = CORPUS / "kobocat-submissions" / "transport_2011-07-25_19-05-36_with_xmlns.xml"
    data = path.read_bytes()
    assert b'xmlns="http://opendatakit.org/submission"' in data
    # a field of that name in two groups: refused as one scope, read as two
    with pytest.raises(Refusal, match="frequency_to_referral_facility: the field appears twice"):
        parse_submission(data)
    submission = parse_submission(data, frozenset({"ambulance", "bicycle"}))
    assert submission.form_id == "transportation_2011_07_25"
    assert submission.instance_id == "uuid:f3d8dc65-91a6-4d0f-9e97-802128083390"
    assert submission.fields["available_transportation_types_to_referral_facility"] == (
        "ambulance bicycle"
    )
    assert [(i.repeat, i.fields) for i in submission.instances] == [
        ("ambulance", {"frequency_to_referral_facility": "daily"}),
        ("bicycle", {"frequency_to_referral_facility": "weekly"}),
    ]
    assert submission.fields["boat_canoe"] == ""


def test_odk_central_test_submissions_read_as_before():
    instances = central_submissions()
    assert len(instances) == 40
    kinds = []
    for text in instances.values():
        data = text.encode()
        try:
            candidates = group_names(data)
        except ParseError:  # the undeclared orx: prefix: refused by both
            candidates = frozenset()
        for repeats in (frozenset(), candidates):
            kinds.append(assert_same_reading(data, repeats)[0])
    assert kinds.count("read") > 20 and kinds.count("refused") > 5


def test_central_nested_repeats_are_placed_as_before():
    data = central_submissions()["doubleRepeat.double"].encode()
    with pytest.raises(Refusal, match="unbound prefix"):
        parse_submission(data)
    declared = data.replace(b"<data ", b'<data xmlns:orx="http://openrosa.org/xforms" ', 1)
    submission = parse_submission(declared, frozenset({"child", "toy"}))
    assert submission.instance_id == "double"
    assert [(i.repeat, i.parent_index, i.index) for i in submission.instances][:4] == [
        ("child", "", 1), ("child", "", 2), ("toy", "2", 1), ("toy", "2", 2),
    ]  # fmt: skip
    assert submission.instances[-1] == Instance("toy", "3", 4, {"name": "Princess Luna"})
    assert reading(reference_parse, declared, frozenset({"child", "toy"}))[1] == submission


# ---- generated submissions --------------------------------------------------------------

NAMES = ("a", "b", "c", "grp", "meta", "instanceID", "member", "job", "orx:meta", "x:b")
TEXTS = ("", "1", " 2 ", "Việt Nam", "a b c", "&amp;&lt;&gt;&quot;&apos;", "&#233;&#x1F600;",
         "<![CDATA[<b>&x]]>", "x<!-- note -->y", "p<?pi data?>q", "\n  ",
         "uuid:1234-abcd")  # fmt: skip
ROOTS = (
    '<data id="f" version="1"',
    '<data id="f"',
    '<data version="2"',
    '<data xmlns="http://opendatakit.org/submissions" id="f"',
    '<h:data xmlns:h="http://www.w3.org/1999/xhtml" id="f" orx:version="9"',
)
NAMESPACES = (' xmlns:orx="http://openrosa.org/xforms" xmlns:jr="http://openrosa.org/javarosa"'
              ' xmlns:x="urn:x">')  # fmt: skip


METAS = (
    "<meta><instanceID>uuid:{0}</instanceID></meta>",
    "<orx:meta><orx:instanceID> uuid:{0} </orx:instanceID></orx:meta>",
    "<meta><instanceName>n</instanceName><instanceID>uuid:{0}</instanceID></meta>",
    "",
)
HEADERS = ("", "<?xml version='1.0' ?>", '<?xml version="1.0" encoding="UTF-8"?>')


def random_element(rng: np.random.Generator, depth: int) -> str:
    name = str(rng.choice(NAMES))
    template = ' jr:template=""' if rng.random() < 0.05 else ""
    if depth >= 6 or rng.random() < 0.55:
        text = str(rng.choice(TEXTS))
        return f"<{name}{template}/>" if not text and rng.random() < 0.5 else (
            f"<{name}{template}>{text}</{name}>"
        )  # fmt: skip
    children = "".join(random_element(rng, depth + 1) for _ in range(int(rng.integers(0, 5))))
    junk = str(rng.choice(("", "", "\n ", "stray text")))  # text beside children is not read
    return f"<{name}{template}>{junk}{children}</{name}>"


def random_submission(rng: np.random.Generator) -> bytes:
    root = str(rng.choice(ROOTS))
    close = "</h:data>" if root.startswith("<h:") else "</data>"
    body = "".join(random_element(rng, 2) for _ in range(int(rng.integers(0, 7))))
    meta = str(rng.choice(METAS)).format(int(rng.integers(1_000_000)))
    header = str(rng.choice(HEADERS))
    return f"{header}{root}{NAMESPACES}{body}{meta}{close}".encode()


def random_repeats(rng: np.random.Generator) -> frozenset[str]:
    """Some of the names as the form's repeats; now and then meta or instanceID too."""
    rare = {"meta", "instanceID"}
    return frozenset(
        name.split(":")[-1] for name in NAMES
        if rng.random() < (0.03 if name.split(":")[-1] in rare else 0.3)
    )  # fmt: skip


def test_generated_submissions_with_groups_repeats_and_templates_read_as_before():
    rng = np.random.default_rng(2026)
    kinds = {"read": 0, "refused": 0}
    instances = 0
    for _ in range(3000):
        data = random_submission(rng)
        repeats = random_repeats(rng)
        kind, result = assert_same_reading(data, repeats)
        kinds[kind] += 1
        if kind == "read":
            instances += len(result.instances)
    # both outcomes are exercised many times, and repeat instances are read in numbers
    assert kinds["read"] > 500 and kinds["refused"] > 500 and instances > 1000


def test_cut_or_corrupted_submissions_are_refused_as_before():
    rng = np.random.default_rng(7)
    for _ in range(1500):
        data = bytearray(random_submission(rng))
        if rng.random() < 0.5:
            data = data[: int(rng.integers(0, len(data)))]
        else:
            data[int(rng.integers(len(data)))] = int(rng.choice([0x3C, 0x26, 0x00, 0xFF, 0x3E]))
        assert_same_reading(bytes(data))


def test_default_questionnaire_submissions_read_as_before():
    q = load_questionnaire(DEFAULT_QUESTIONNAIRE)
    rules = FormRules(q)
    rng = np.random.default_rng(5)
    repeats = frozenset(q.tables())
    for i in range(300):
        fields = {**random_fields(q, rules, rng), "comment": f"ý kiến {i} & <b>"}
        data = submission_xml(q, fields, f"uuid:{i:08d}-0000-4000-8000-000000000000")
        kind, submission = assert_same_reading(data, repeats)
        assert kind == "read" and submission.fields == fields
        # what a repeat of this instanceID is compared by, as stored before
        assert submission.content_key == json.dumps(fields, ensure_ascii=False, sort_keys=True)


def test_the_content_key_of_a_submission_with_repeats_is_its_canonical_json():
    data = ENVELOPE.format("<m><age>4</age><job><h>2</h></job></m><m><age>ý</age></m>").encode()
    submission = parse_submission(data, frozenset({"m", "job"}))
    repeats = [["m", "", 1, {"age": "4"}], ["job", "1", 1, {"h": "2"}], ["m", "", 2, {"age": "ý"}]]
    assert submission.content_key == json.dumps(
        {"fields": {}, "repeats": repeats}, ensure_ascii=False, sort_keys=True
    )


# ---- the hostile battery ----------------------------------------------------------------

ENVELOPE = '<data id="f"><meta><instanceID>uuid:1</instanceID></meta>{}</data>'
DTD_REFUSED = "declares a DTD or entities"
MALFORMED = "not well-formed XML"
SHAPE = "nested too deeply or has too many elements"

HOSTILE = {
    "billion laughs": (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        + ENVELOPE.format("<c>&lol3;</c>"),
        DTD_REFUSED,
    ),
    "quadratic blow-up": (
        f'<!DOCTYPE d [<!ENTITY a "{"a" * 50_000}">]>'
        + ENVELOPE.format("<c>" + "&a;" * 3000 + "</c>"),
        DTD_REFUSED,
    ),
    "external entity (file)": (
        '<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        + ENVELOPE.format("<c>&xxe;</c>"),
        DTD_REFUSED,
    ),
    "external entity (network)": (
        '<!DOCTYPE d [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/x">]>'
        + ENVELOPE.format("<c>&xxe;</c>"),
        DTD_REFUSED,
    ),
    "parameter entity": (
        '<!DOCTYPE d [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p.dtd"> %p;]>' + ENVELOPE.format(""),
        DTD_REFUSED,
    ),
    "external DTD": ('<!DOCTYPE data SYSTEM "http://127.0.0.1:9/x.dtd">' + ENVELOPE.format(""),
                     DTD_REFUSED),
    "public DTD": ('<!DOCTYPE data PUBLIC "-//X//DTD X//EN" "x.dtd">' + ENVELOPE.format(""),
                   DTD_REFUSED),
    "bare DOCTYPE": ("<!DOCTYPE data>" + ENVELOPE.format(""), DTD_REFUSED),
    "unparsed entity": (
        '<!DOCTYPE d [<!NOTATION n SYSTEM "x"><!ENTITY u SYSTEM "x.bin" NDATA n>]>'
        + ENVELOPE.format(""),
        DTD_REFUSED,
    ),
    "undeclared entity": (ENVELOPE.format("<c>&xxe;</c>"), MALFORMED),
    "entity in an attribute": (ENVELOPE.format('<c a="&xxe;">1</c>'), MALFORMED),
    "not XML": ("\x00\xff\xfe garbage", MALFORMED),
    "empty": ("", MALFORMED),
    "declaration only": ('<?xml version="1.0"?>', MALFORMED),
    "unclosed": ('<data id="f"><c>1</c>', MALFORMED),
    "mismatched tags": (ENVELOPE.format("<c>1</b>"), MALFORMED),
    "two roots": (ENVELOPE.format("") + "<data/>", MALFORMED),
    "unbound prefix": (ENVELOPE.format("<orx:meta><orx:instanceID>2</orx:instanceID></orx:meta>"),
                       MALFORMED),
    "control character": (ENVELOPE.format("<c>bell\x07</c>"), MALFORMED),
    "invalid UTF-8": (ENVELOPE.format("<c>X</c>").replace("X", "\udcff"), MALFORMED),
    "deep": ('<data id="f">' + "<a>" * 50 + "</a>" * 50 + "</data>", SHAPE),
    "one level too deep": (
        ENVELOPE.format("<a>" * MAX_DEPTH + "1" + "</a>" * MAX_DEPTH), SHAPE,
    ),
    "too many elements": (ENVELOPE.format("<r/>" * MAX_ELEMENTS), SHAPE),
    "oversized": ("<data>" + " " * (MAX_XML_BYTES + 10) + "</data>", "larger than"),
    "instanceID too long": (ENVELOPE.replace("uuid:1", "u" * 101).format(""), "longer than 100"),
    "no instanceID": ('<data id="f"><c>1</c></data>', "carries no meta/instanceID"),
    "instanceID outside meta": ('<data id="f"><instanceID>1</instanceID></data>',
                                "carries no meta/instanceID"),
    "a field twice": (ENVELOPE.format("<g><c>1</c></g><c>2</c>"), "c: the field appears twice"),
}  # fmt: skip


def encoded(text: str) -> bytes:
    return text.encode("utf-8", errors="surrogateescape")


@pytest.mark.parametrize("case", HOSTILE)
def test_each_hostile_submission_is_refused_with_the_old_reason(case):
    text, reason = HOSTILE[case]
    data = encoded(text)
    kind, message = assert_same_reading(data, frozenset({"r"}))
    assert kind == "refused" and reason in message


def test_a_refused_dtd_is_refused_before_any_entity_is_expanded():
    # the laughs nested ten deep would be 10^10 characters: refused at once, not slowly
    levels = ['<!ENTITY l0 "lol">'] + [
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 11)
    ]
    data = ("<!DOCTYPE d [" + "".join(levels) + "]>" + ENVELOPE.format("<c>&l10;</c>")).encode()
    with pytest.raises(Refusal, match=DTD_REFUSED):
        parse_submission(data)


# ---- the limits themselves are still read -----------------------------------------------


def test_the_deepest_allowed_submission_is_read():
    depth = MAX_DEPTH - 2  # the root and the leaf's own level
    xml = ENVELOPE.format("<a>" * depth + "<leaf>7</leaf>" + "</a>" * depth)
    assert parse_submission(xml.encode()).fields == {"leaf": "7"}


def test_the_widest_allowed_submission_is_read():
    # the root, meta and instanceID: 3 elements; the rest repeat instances
    xml = ENVELOPE.format("<r/>" * (MAX_ELEMENTS - 3))
    submission = parse_submission(xml.encode(), frozenset({"r"}))
    assert len(submission.instances) == MAX_ELEMENTS - 3
    assert submission.instances[-1] == Instance("r", "", MAX_ELEMENTS - 3, {})


def test_the_largest_allowed_submission_is_read():
    padding = MAX_XML_BYTES - len(ENVELOPE.format("<c></c>").encode())
    xml = ENVELOPE.format("<c>" + "x" * padding + "</c>").encode()
    assert len(xml) == MAX_XML_BYTES
    assert parse_submission(xml).fields == {"c": "x" * padding}


@pytest.mark.parametrize("encoding", ["utf-16", "windows-1252", "iso-8859-1"])
def test_a_declared_encoding_is_honoured_as_before(encoding):
    text = f'<?xml version="1.0" encoding="{encoding}"?>' + ENVELOPE.format("<c>café</c>")
    kind, submission = assert_same_reading(text.encode(encoding))
    assert kind == "read" and submission.fields == {"c": "café"}
