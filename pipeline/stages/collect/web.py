"""The plain HTML form: server-rendered from the questionnaire, usable with no script.

Every question is on one page, grouped by section; a conditional question says when it
applies ("Chỉ trả lời nếu câu 12 = 1 (Có)"), and the server drops answers to questions
that do not apply when the form comes back. Text reaches the page only through Jinja's
autoescaping.

A repeat (a household roster) is a fieldset holding one fieldset per instance, nested
repeats inside their parent's instances. How many instance blocks a repeat shows is its
``repeat_count`` when that is a number; otherwise a hidden count the page carries, which an
"add another" submit button raises by one (the server renders the page again with every
value kept: no script). An instance's inputs are named ``<repeat>[<path>].<leaf>`` (path:
the instance's place, ``2`` or ``1.2`` for the second job of the first member), its count
``count:<repeat>[<parent path>]``. When the page comes back, empty instance blocks at the
end of a chosen count are not submitted; the others become the same repeat instances an
ODK submission carries, and go through the same checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import jinja2

from pipeline.model.questionnaire import Question, Questionnaire, QuestionType
from pipeline.stages.collect.answers import ChildRow, Refusal
from pipeline.stages.collect.xform import Instance
from pipeline.stages.instruments.layout import is_asked, numbering, only_if_text

# The most instance blocks one repeat shows within one parent: a roster longer than this
# does not fit the request's field limit anyway.
MAX_INSTANCES = 50
ADD_BUTTON = "add"  # the name of the "add another" buttons; the value names the repeat
_INSTANCE_FIELD = re.compile(r"(?P<repeat>[^\[\]]+)\[(?P<path>[0-9.]*)\]\.(?P<leaf>.+)")
_COUNT_FIELD = re.compile(r"count:(?P<repeat>[^\[\]]+)\[(?P<path>[0-9.]*)\]")

UI = {
    "vi": {
        "lang_name": "Tiếng Việt",
        "other_lang": "English",
        "submit": "Gửi phiếu",
        "thanks_title": "Đã nhận phiếu",
        "thanks": "Cảm ơn đồng chí. Câu trả lời đã được ghi nhận.",
        "code_label": "Mã truy cập (in trên phiếu nhận được)",
        "start": "Bắt đầu",
        "anonymous": (
            "Phiếu không ghi tên. Máy chủ không lưu mã truy cập, thời điểm, địa chỉ IP hay "
            "thiết bị cùng với câu trả lời."
        ),
        "refused": "Phiếu chưa được nhận",
        "fix": "Vui lòng sửa câu sau rồi gửi lại:",
        "code_unknown": "Mã không đúng. Vui lòng kiểm tra lại mã trên phiếu.",
        "code_used": "Mã này đã được dùng. Mỗi mã chỉ gửi được một phiếu.",
        "closed": "Đợt khảo sát đã kết thúc.",
        "required": "bắt buộc",
        "choose_many": "Có thể chọn nhiều phương án.",
        "item": "Nội dung",
        "open_link": "Mở phiếu khảo sát",
        "need_link": "Vui lòng dùng đường dẫn riêng được cấp cho điều tra viên.",
        "not_found": "Không tìm thấy trang.",
        "conflict": "Phiếu này đã được gửi với nội dung khác.",
        "form_number": "Số phiếu giấy",
        "keyed_first": "Đã ghi lần nhập thứ nhất; phiếu chờ người nhập thứ hai.",
        "keyed_agreed": "Hai lần nhập khớp nhau: phiếu đã được lưu.",
        "keyed_mismatch": "Hai lần nhập không khớp: phiếu được chuyển để kiểm tra lần ba.",
        "keyed_same_operator": "Đồng chí đã nhập phiếu này; cần người nhập khác.",
        "keyed_settled": "Phiếu này đã được lưu.",
        "keyed_closed": "Đợt khảo sát đã kết thúc.",
        "plain_form": "Phiếu đơn giản (không cần JavaScript)",
        "engine_loading": "Đang tải phiếu…",
        "engine_failed": "Không tải được phiếu. Vui lòng kiểm tra kết nối rồi tải lại trang.",
        "queued": (
            "Chưa có mạng hoặc máy chủ chưa trả lời: phiếu đã được lưu trên máy này và sẽ tự "
            "gửi khi có kết nối trở lại. Vui lòng không xoá dữ liệu trình duyệt."
        ),
        "sending": "Đang gửi phiếu…",
        "waiting": "Phiếu chờ gửi trên máy này",
        "add_instance": "Thêm một mục: {label}",
        "instance_hint": (
            "Để trống các mục thừa ở cuối: chúng không được gửi. Nút thêm mục giữ nguyên "
            "mọi câu đã điền."
        ),
    },
    "en": {
        "lang_name": "English",
        "other_lang": "Tiếng Việt",
        "submit": "Submit",
        "thanks_title": "Received",
        "thanks": "Thank you. Your answers have been recorded.",
        "code_label": "Access code (printed on the card you received)",
        "start": "Start",
        "anonymous": (
            "The questionnaire is anonymous. The server keeps no access code, time, IP address "
            "or device with your answers."
        ),
        "refused": "The questionnaire was not accepted",
        "fix": "Please correct this question and submit again:",
        "code_unknown": "This code is not valid. Please check the code on your card.",
        "code_used": "This code has already been used. Each code submits one questionnaire.",
        "closed": "This survey wave is closed.",
        "required": "required",
        "choose_many": "You may choose more than one.",
        "item": "Item",
        "open_link": "Open the questionnaire",
        "need_link": "Please use the personal link given to interviewers.",
        "not_found": "Page not found.",
        "conflict": "This questionnaire was already submitted with other answers.",
        "form_number": "Paper form number",
        "keyed_first": "First keying recorded; the form waits for a second operator.",
        "keyed_agreed": "Both keyings agree: the form is stored.",
        "keyed_mismatch": "The keyings differ: the form is queued for a third look.",
        "keyed_same_operator": "You keyed this form already; another operator must key it.",
        "keyed_settled": "This form is stored already.",
        "keyed_closed": "This survey wave is closed.",
        "plain_form": "Plain form (no JavaScript needed)",
        "engine_loading": "Loading the questionnaire…",
        "engine_failed": "The questionnaire could not be loaded. Check the connection and reload.",
        "queued": (
            "No connection, or the server did not answer: the questionnaire is saved on this "
            "device and will be sent when the connection returns. Please do not clear the "
            "browser's data."
        ),
        "sending": "Sending…",
        "waiting": "Questionnaires waiting on this device",
        "add_instance": "Add another: {label}",
        "instance_hint": (
            "Leave spare blocks at the end empty: they are not sent. Adding a block keeps "
            "every answer given so far."
        ),
    },
}


@dataclass
class Choice:
    value: str
    label: str
    checked: bool = False


@dataclass
class Field:
    """One input group on the page (a question, or one item of a grid). ``name``: the
    input's name; ``dom``: the stem of its element ids (the name, or for a field of a
    repeat instance the name with its brackets and dots made dashes)."""

    name: str
    number: str
    label: str
    kind: str  # radio, checkbox, number, date, text
    choices: list[Choice] = field(default_factory=list)
    hint: str | None = None
    only_if: str | None = None
    required: bool = False
    value: str = ""
    low: int | None = None
    high: int | None = None
    error: str | None = None
    dom: str = ""

    def __post_init__(self) -> None:
        self.dom = self.dom or self.name


@dataclass
class Block:
    """A question: one field, or a grid's label with one field per item."""

    label: str | None
    number: str
    fields: list[Field]
    only_if: str | None = None
    hint: str | None = None
    kind: str = "question"


@dataclass
class Note:
    """A note of the form: text to read, no input."""

    text: str
    kind: str = "note"


@dataclass
class Group:
    """A group of questions inside a section (or inside a repeat instance)."""

    label: str | None
    only_if: str | None
    items: list[PageItem]
    kind: str = "group"


@dataclass
class InstanceBlock:
    """One repeat instance: a fieldset of its own questions (and nested repeats)."""

    key: str  # member[2], job[1.2]: what a refusal of the whole instance names
    dom: str
    legend: str
    items: list[PageItem]
    error: str | None = None


@dataclass
class RepeatBlock:
    """A repeat: its instance blocks, the hidden count of them and, when the number of
    instances is the operator's to choose, the button that adds one more."""

    label: str
    dom: str
    only_if: str | None
    hint: str | None
    count_name: str
    count: int
    fixed: bool  # the form's repeat_count sets the number of instances
    add_value: str  # the add button's value: the repeat within its parent, ``member[]``
    add_label: str
    instances: list[InstanceBlock]
    next_dom: str  # the block an add makes: the page returned opens at it
    outermost: bool  # not inside another repeat's instance
    kind: str = "repeat"

    @property
    def can_add(self) -> bool:
        return not self.fixed and self.count < MAX_INSTANCES

    @property
    def spare_hint(self) -> bool:
        """Say once, on the outer repeat, that spare blocks are not sent."""
        return not self.fixed and self.outermost


PageItem = Block | Note | Group | RepeatBlock


@dataclass
class PageSection:
    title: str
    intro: str | None
    blocks: list[PageItem]


@dataclass(frozen=True)
class _Render:
    """What one rendering of the page reads: the language, the posted values, the error
    to show (page field name, reason) and the repeat an add button asked one more of."""

    lang: str
    values: dict[str, list[str]]
    error: tuple[str, str] | None
    adding: str | None

    def message_for(self, name: str) -> str | None:
        return self.error[1] if self.error and self.error[0] == name else None


@dataclass
class _Posted:
    """A repeat instance read from a posted page, with the instances nested in it."""

    instance: Instance
    children: list[_Posted]

    @property
    def is_empty(self) -> bool:
        blank = not any(text.strip() for text in self.instance.fields.values())
        return blank and all(child.is_empty for child in self.children)

    def flattened(self) -> list[Instance]:
        """This instance, then those nested in it: the order of an ODK submission."""
        return [self.instance, *(i for child in self.children for i in child.flattened())]


def instance_key(repeat: str, path: str) -> str:
    """``member[2]``: one instance (``path`` its place), or with the parent's place, the
    repeat within that parent (``job[1]``: the jobs of member 1; ``member[]``)."""
    return f"{repeat}[{path}]"


def instance_field(repeat: str, path: str, leaf: str) -> str:
    return f"{instance_key(repeat, path)}.{leaf}"


def count_field(repeat: str, parent_path: str) -> str:
    return f"count:{instance_key(repeat, parent_path)}"


def child_path(parent_path: str, index: int) -> str:
    return f"{parent_path}.{index}" if parent_path else str(index)


def dom_id(name: str) -> str:
    """An element id stem for a page field name (``member[1.2].age`` -> ``member-1-2-age``)."""
    return re.sub(r"[\[\].:]+", "-", name).strip("-")


def page_key(refused: str) -> str:
    """The page field a Refusal names: ``member[2] age`` (answers.py's place of a field in
    an instance) is the input ``member[2].age``; other names are the page's already."""
    head, sep, leaf = refused.partition("] ")
    return f"{head}].{leaf}" if sep else refused


def fixed_count(repeat: Question) -> int | None:
    """The number of instances the form's ``repeat_count`` fixes, None when it is an
    expression or absent (then the operator chooses)."""
    text = (repeat.repeat_count or "").strip()
    return min(int(text), MAX_INSTANCES) if text.isdigit() else None


def field_text(q: Question, posted: list[str]) -> str:
    """A posted input's values as a submission's text (a multiple choice as codes separated
    by spaces)."""
    if q.type is QuestionType.multiple:
        return " ".join(posted)
    if len(posted) > 1:
        return "\n".join(posted)  # refused as not a code, or kept as text
    return posted[0] if posted else ""


_environment = jinja2.Environment(
    loader=jinja2.PackageLoader("pipeline.stages.collect", "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)


def render(template: str, **context: object) -> str:
    return _environment.get_template(template).render(**context)


def other_lang(lang: str) -> str:
    return "en" if lang == "vi" else "vi"


def page_lang(value: str | None) -> str:
    return value if value in UI else "vi"


class FormPage:
    """The questionnaire laid out for the browser, in one language."""

    def __init__(self, questionnaire: Questionnaire) -> None:
        self.questionnaire = questionnaire
        self.numbers = numbering(questionnaire)
        self.repeats = {
            q.name: q for q in questionnaire.all_questions() if q.type is QuestionType.repeat
        }
        # the repeats directly inside each repeat (None: the respondent level), and each
        # repeat's own answer fields (leaf name -> question)
        self.child_repeats: dict[str | None, list[Question]] = {None: []}
        self.repeat_leaves: dict[str, dict[str, Question]] = {}
        for name, q in self.repeats.items():
            self.child_repeats.setdefault(questionnaire.repeat_of(name), []).append(q)
            self.child_repeats.setdefault(name, [])
            self.repeat_leaves[name] = {
                leaf: child for child in _own_questions(q.children)
                for leaf in _leaves(child)
            }  # fmt: skip

    # ---- rendering -----------------------------------------------------------------------

    @property
    def has_add_buttons(self) -> bool:
        """True when some repeat's number of instances is the operator's to choose."""
        return any(fixed_count(q) is None for q in self.repeats.values())

    def sections(
        self, lang: str, values: dict[str, list[str]], error: tuple[str, str] | None = None
    ) -> list[PageSection]:
        adding = (values.get(ADD_BUTTON) or [None])[0]
        ctx = _Render(lang, values, error, adding)
        out = []
        for section in self.questionnaire.sections:
            blocks = self.items(section.questions, ctx, None)
            intro = section.intro.get(lang) if section.intro else None
            out.append(PageSection(section.title.get(lang), intro, blocks))
        return out

    def items(
        self, questions: list[Question], ctx: _Render, place: tuple[str, str] | None
    ) -> list[PageItem]:
        """The page items of ``questions``, asked at ``place`` (repeat, instance path) or at
        the respondent level (None)."""
        out: list[PageItem] = []
        for q in questions:
            if q.type is QuestionType.repeat:
                out.append(self.repeat_block(q, ctx, place[1] if place else ""))
            elif q.type is QuestionType.group:
                only_if = only_if_text(self.questionnaire, q, ctx.lang, self.numbers)
                inner = self.items(q.children, ctx, place)
                out.append(Group(q.label.get(ctx.lang) or None, only_if, inner))
            elif q.type is QuestionType.note:
                out.append(Note(q.label.get(ctx.lang)))
            elif is_asked(q):  # metadata and calculations are no input
                out.append(self.block(q, ctx, place))
        return out

    def repeat_block(self, q: Question, ctx: _Render, parent_path: str) -> RepeatBlock:
        fixed = fixed_count(q)
        count_name = count_field(q.name, parent_path)
        count = self.shown_count(q, parent_path, ctx) if fixed is None else fixed
        label = q.label.get(ctx.lang) or q.name
        instances = []
        for index in range(1, count + 1):
            path = child_path(parent_path, index)
            key = instance_key(q.name, path)
            items = self.items(q.children, ctx, (q.name, path))
            instances.append(
                InstanceBlock(key, dom_id(key), f"{label} {index}", items, ctx.message_for(key))
            )
        return RepeatBlock(
            label=label, dom=dom_id(instance_key(q.name, parent_path)),
            only_if=only_if_text(self.questionnaire, q, ctx.lang, self.numbers),
            hint=q.hint.get(ctx.lang) if q.hint else None,
            count_name=count_name, count=count, fixed=fixed is not None,
            add_value=instance_key(q.name, parent_path),
            add_label=UI[ctx.lang]["add_instance"].format(label=label), instances=instances,
            next_dom=dom_id(instance_key(q.name, child_path(parent_path, count + 1))),
            outermost=parent_path == "",
        )  # fmt: skip

    def shown_count(self, q: Question, parent_path: str, ctx: _Render) -> int:
        """The instance blocks to show: as many as the page showed (one at first), one more
        when its add button was pressed."""
        text = (ctx.values.get(count_field(q.name, parent_path)) or ["1"])[0]
        count = min(max(int(text), 1), MAX_INSTANCES) if text.isdigit() else 1
        if ctx.adding == instance_key(q.name, parent_path):
            count = min(count + 1, MAX_INSTANCES)
        return count

    def block(self, q: Question, ctx: _Render, place: tuple[str, str] | None) -> Block:
        lang = ctx.lang
        only_if = only_if_text(self.questionnaire, q, lang, self.numbers)
        hint = q.hint.get(lang) if q.hint else None
        number = self.numbers.get(q.name, "")
        if q.type is QuestionType.likert_grid:
            fields = [
                self.field(q, item.name, self.numbers[item.name], item.label.get(lang), ctx,
                           place)
                for item in q.items
            ]  # fmt: skip
            return Block(q.label.get(lang), number, fields, only_if, hint)
        one = self.field(q, q.name, number, q.label.get(lang), ctx, place)
        one.hint, one.only_if = hint, only_if
        return Block(None, number, [one])

    def field(
        self, q: Question, leaf: str, number: str, label: str, ctx: _Render,
        place: tuple[str, str] | None,
    ) -> Field:  # fmt: skip
        name = leaf if place is None else instance_field(place[0], place[1], leaf)
        given = ctx.values.get(name, [])
        kind = {
            QuestionType.multiple: "checkbox",
            QuestionType.integer: "number",
            QuestionType.date: "date",
        }.get(q.type, "text")
        clist = self.questionnaire.choice_list(q)
        choices = []
        if clist is not None:
            kind = "checkbox" if q.type is QuestionType.multiple else "radio"
            options = clist.substantive() if q.type is QuestionType.multiple else clist.options
            choices = [
                Choice(str(o.code), o.label.get(ctx.lang), str(o.code) in given) for o in options
            ]
        low, high = q.range if q.range else (None, None)
        return Field(
            name, number, label, kind, choices, required=q.required,
            value=given[0] if given and kind in ("number", "date", "text") else "",
            low=low, high=high, error=ctx.message_for(name),
            dom=name if place is None else dom_id(name),
        )  # fmt: skip

    # ---- places, in words ------------------------------------------------------------------

    def repeat_chain(self, repeat: str) -> list[str]:
        """The repeat and those enclosing it, outermost first."""
        chain = [repeat]
        while (parent := self.questionnaire.repeat_of(chain[0])) is not None:
            chain.insert(0, parent)
        return chain

    def instance_words(self, repeat: str, path: str, lang: str | None = None) -> str:
        """An instance by its repeats and places: ``member 2``, ``member 1, job 2`` (by
        name), or by label in ``lang`` (``Thành viên 1, Việc làm 2``)."""
        chain = self.repeat_chain(repeat)
        names = [(self.repeats[r].label.get(lang) or r) if lang else r for r in chain]
        return ", ".join(f"{n} {i}" for n, i in zip(names, path.split("."), strict=True))

    def place_words(self, key: str, lang: str) -> str:
        """What the error message calls a page field: its number, within its instance
        (``Thành viên 2, 3``)."""
        found = _INSTANCE_FIELD.fullmatch(key)
        if found:
            within = self.instance_words(found["repeat"], found["path"], lang)
            return f"{within}, {self.numbers.get(found['leaf'], found['leaf'])}"
        repeat, _, path = key.partition("[")
        if repeat in self.repeats and path.endswith("]") and path[:-1]:
            return self.instance_words(repeat, path[:-1], lang)
        return self.numbers.get(key, key)

    def field_dom(self, key: str) -> str:
        """The element id stem of a page field (or instance) a message links to."""
        return dom_id(key) if "[" in key else key

    def keyed_instance_answers(self, rows: Iterable[ChildRow]) -> dict[str, str | None]:
        """The repeat instances' answers under names that say the instance (``member 2,
        age``), for comparing two keyings field by field."""
        return {
            f"{self.instance_words(r.repeat, child_path(r.parent_index, r.index))}, {name}": value
            for r in rows
            for name, value in r.answers.items()
        }

    # ---- reading a posted page -------------------------------------------------------------

    def web_instances(self, values: dict[str, list[str]]) -> list[Instance]:
        """The repeat instances of a posted page, parents before the instances nested in
        them, empty blocks at the end of a chosen count left out. Raise Refusal for an
        instance field or count the page does not have (a page is never cut short)."""
        expected: set[str] = set()
        posted = self.posted_instances(None, "", values, expected)
        unknown = sorted(
            name for name in values
            if (_INSTANCE_FIELD.fullmatch(name) or _COUNT_FIELD.fullmatch(name))
            and name not in expected
        )  # fmt: skip
        if unknown:
            raise Refusal(unknown[0], "no such field on this page")
        return [i for one in posted for i in one.flattened()]

    def posted_instances(
        self, parent: str | None, parent_path: str, values: dict[str, list[str]],
        expected: set[str],
    ) -> list[_Posted]:  # fmt: skip
        """The instances of the repeats directly inside ``parent`` at ``parent_path``;
        every name read is added to ``expected``."""
        out: list[_Posted] = []
        for q in self.child_repeats[parent]:
            name = count_field(q.name, parent_path)
            expected.add(name)
            fixed = fixed_count(q)
            count = self.posted_count(name, values) if fixed is None else fixed
            instances = []
            for index in range(1, count + 1):
                path = child_path(parent_path, index)
                fields = {}
                for leaf, question in self.repeat_leaves[q.name].items():
                    key = instance_field(q.name, path, leaf)
                    expected.add(key)
                    fields[leaf] = field_text(question, values.get(key, []))
                nested = self.posted_instances(q.name, path, values, expected)
                instances.append(_Posted(Instance(q.name, parent_path, index, fields), nested))
            while fixed is None and instances and instances[-1].is_empty:
                instances.pop()  # spare blocks at the end: not instances
            out.extend(instances)
        return out

    @staticmethod
    def posted_count(name: str, values: dict[str, list[str]]) -> int:
        text = (values.get(name) or ["1"])[0]
        if not text.isdigit() or not 1 <= int(text) <= MAX_INSTANCES:
            raise Refusal(name, f"expected a number of blocks from 1 to {MAX_INSTANCES}")
        return int(text)


def _own_questions(questions: list[Question]) -> Iterable[Question]:
    """The answerable questions of a repeat instance: inside its groups, not inside the
    repeats nested in it."""
    for q in questions:
        if q.type is QuestionType.group:
            yield from _own_questions(q.children)
        elif q.type is not QuestionType.repeat and q.type is not QuestionType.note and is_asked(q):
            yield q


def _leaves(q: Question) -> list[str]:
    return [item.name for item in q.items] if q.type is QuestionType.likert_grid else [q.name]


def web_fields(questionnaire: Questionnaire, form: dict[str, list[str]]) -> dict[str, str]:
    """The answer fields of a posted HTML form, in the shape a submission has (a multiple
    choice as codes separated by spaces). Form controls that are not answers are left out."""
    names = {}
    for q in questionnaire.questions():
        if q.type is QuestionType.likert_grid:
            names.update({item.name: q for item in q.items})
        else:
            names[q.name] = q
    return {name: field_text(names[name], posted) for name, posted in form.items()
            if name in names}  # fmt: skip
