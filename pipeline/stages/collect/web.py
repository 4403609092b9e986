"""The plain HTML form: server-rendered from the questionnaire, usable with no script.

Every question is on one page, grouped by section; a conditional question says when it
applies ("Chỉ trả lời nếu câu 12 = 1 (Có)"), and the server drops answers to questions
that do not apply when the form comes back. Text reaches the page only through Jinja's
autoescaping.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import jinja2

from pipeline.model.questionnaire import Question, Questionnaire, QuestionType
from pipeline.stages.instruments.layout import numbering, only_if_text

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
    },
}


@dataclass
class Choice:
    value: str
    label: str
    checked: bool = False


@dataclass
class Field:
    """One input group on the page (a question, or one item of a grid)."""

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


@dataclass
class Block:
    """A question: one field, or a grid's label with one field per item."""

    label: str | None
    number: str
    fields: list[Field]
    only_if: str | None = None
    hint: str | None = None


@dataclass
class PageSection:
    title: str
    intro: str | None
    blocks: list[Block]


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

    def sections(
        self, lang: str, values: dict[str, list[str]], error: tuple[str, str] | None = None
    ) -> list[PageSection]:
        out = []
        for section in self.questionnaire.sections:
            blocks = [self.block(q, lang, values, error) for q in section.questions]
            intro = section.intro.get(lang) if section.intro else None
            out.append(PageSection(section.title.get(lang), intro, blocks))
        return out

    def block(self, q: Question, lang: str, values, error) -> Block:
        only_if = only_if_text(self.questionnaire, q, lang, self.numbers)
        hint = q.hint.get(lang) if q.hint else None
        number = self.numbers[q.name]
        if q.type is QuestionType.likert_grid:
            fields = [
                self.field(q, item.name, self.numbers[item.name], item.label.get(lang), lang,
                           values, error)
                for item in q.items
            ]  # fmt: skip
            return Block(q.label.get(lang), number, fields, only_if, hint)
        one = self.field(q, q.name, number, q.label.get(lang), lang, values, error)
        one.hint, one.only_if = hint, only_if
        return Block(None, number, [one])

    def field(self, q: Question, name: str, number: str, label: str, lang: str, values, error):
        given = values.get(name, [])
        kind = {
            QuestionType.multiple: "checkbox",
            QuestionType.integer: "number",
            QuestionType.date: "date",
            QuestionType.text: "text",
        }.get(q.type, "radio")
        clist = self.questionnaire.choice_list(q)
        choices = []
        if clist is not None:
            options = clist.substantive() if q.type is QuestionType.multiple else clist.options
            choices = [
                Choice(str(o.code), o.label.get(lang), str(o.code) in given) for o in options
            ]
        low, high = q.range if q.range else (None, None)
        message = error[1] if error and error[0] == name else None
        return Field(
            name, number, label, kind, choices, required=q.required,
            value=given[0] if given and kind in ("number", "date", "text") else "",
            low=low, high=high, error=message,
        )  # fmt: skip


def web_fields(questionnaire: Questionnaire, form: dict[str, list[str]]) -> dict[str, str]:
    """The answer fields of a posted HTML form, in the shape a submission has (a multiple
    choice as codes separated by spaces). Form controls that are not answers are left out."""
    names = {}
    for q in questionnaire.questions():
        if q.type is QuestionType.likert_grid:
            names.update({item.name: q for item in q.items})
        else:
            names[q.name] = q
    fields = {}
    for name, posted in form.items():
        if name not in names:
            continue
        if names[name].type is QuestionType.multiple:
            fields[name] = " ".join(posted)
        elif len(posted) > 1:
            fields[name] = "\n".join(posted)  # refused as not a code, or kept as text
        else:
            fields[name] = posted[0] if posted else ""
    return fields
