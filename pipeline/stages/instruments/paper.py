"""The printable paper form: HTML for the screen, PDF (through typst) for printing.

Both are rendered from one layout (PaperForm): numbered questions, a tick box and the
numeric code beside every option (data-entry staff key the codes), skip instructions in
words, digit boxes for numbers, grids as tables of items by scale codes, and the form id
and version on every page.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import typst

from pipeline.core.atomic import atomic_path, write_text
from pipeline.core.paths import output_file
from pipeline.core.wording import PAPER_WORDS
from pipeline.model.questionnaire import Question, Questionnaire, QuestionType
from pipeline.stages.instruments.layout import (
    Jump,
    instrument_stem,
    is_asked,
    jumps,
    numbering,
    only_if_text,
    render_template,
)

FONT = "Libertinus Serif"  # bundled with typst; covers Vietnamese


@dataclass(frozen=True)
class PaperOption:
    code: int
    label: str
    go_to: str | None = None  # "→ câu 12" beside an option that skips a block


@dataclass(frozen=True)
class PaperItem:
    number: str
    label: str


@dataclass(frozen=True)
class PaperQuestion:
    number: str
    name: str
    kind: str  # single, multiple, grid, integer, text, date
    label: str
    hint: str | None = None
    only_if: str | None = None
    instruction: str | None = None  # "(Chọn một phương án)", the range, ...
    jump: str | None = None  # "Nếu chọn 2, chuyển đến câu 12"
    options: list[PaperOption] = field(default_factory=list)
    items: list[PaperItem] = field(default_factory=list)
    digits: int = 0  # boxes for an integer answer


@dataclass(frozen=True)
class PaperSection:
    title: str
    intro: str | None
    questions: list[PaperQuestion]


@dataclass(frozen=True)
class PaperForm:
    lang: str
    form_id: str
    version: str
    title: str
    organisation: str | None
    introduction: str | None
    sections: list[PaperSection]
    words: dict[str, str]

    @property
    def running_head(self) -> str:
        if not self.version:  # an XLSForm without settings: version prints no empty "version"
            return self.words["form_unversioned"].format(form_id=self.form_id)
        return self.words["form"].format(form_id=self.form_id, version=self.version)


# ---- layout ---------------------------------------------------------------------------


def build_paper_form(questionnaire: Questionnaire, lang: str = "vi") -> PaperForm:
    """Lay the questionnaire out for paper in ``lang``."""
    numbers = numbering(questionnaire)
    skips = jumps(questionnaire)
    sections = [
        PaperSection(
            title=questionnaire.in_language(section.title, lang),
            intro=questionnaire.in_language(section.intro, lang) if section.intro else None,
            questions=[
                _paper_question(questionnaire, q, numbers, skips.get(q.name), lang)
                for q in _asked(section.questions)
            ],
        )
        for section in questionnaire.sections
    ]
    q = questionnaire
    return PaperForm(
        lang=lang,
        form_id=q.form_id,
        version=q.version,
        title=q.in_language(q.title, lang),
        organisation=q.in_language(q.organisation, lang) if q.organisation else None,
        introduction=q.in_language(q.introduction, lang) if q.introduction else None,
        sections=sections,
        words=PAPER_WORDS[lang],
    )


def _asked(questions: list[Question]) -> list[Question]:
    """The questions as printed: the questions inside groups and repeats in their place (a
    group or repeat is no question on paper; its questions carry their own numbers); what
    the device records or computes (start, today, calculate) is not asked on paper."""
    out: list[Question] = []
    for q in questions:
        if q.is_container:
            out.extend(_asked(q.children))
        elif is_asked(q):
            out.append(q)
    return out


def _paper_question(
    questionnaire: Questionnaire,
    q: Question,
    numbers: dict[str, str],
    jump: Jump | None,
    lang: str,
) -> PaperQuestion:
    words = PAPER_WORDS[lang]
    # answer_options: or_other's "other" choice, which pyxform adds, is printed too
    options = [
        PaperOption(o.code, questionnaire.in_language(o.label, lang), _go_to(jump, o.code, words))
        for o in questionnaire.answer_options(q)
        if o.code is not None
    ]
    kind, instruction, digits = _kind(q, words)
    return PaperQuestion(
        number=numbers[q.name],
        name=q.name,
        kind=kind,
        label=questionnaire.in_language(q.label, lang),
        hint=questionnaire.in_language(q.hint, lang) if q.hint else None,
        only_if=only_if_text(questionnaire, q, lang, numbers),
        instruction=instruction,
        jump=jump.words(lang) if jump else None,
        options=options,
        items=[
            PaperItem(numbers[i.name], questionnaire.in_language(i.label, lang)) for i in q.items
        ],
        digits=digits,
    )


def _kind(q: Question, words: dict[str, str]) -> tuple[str, str | None, int]:
    """The paper kind, the instruction under the label, and the number of digit boxes."""
    if q.type in (QuestionType.single, QuestionType.likert):
        return "single", words["single"], 0
    if q.type is QuestionType.multiple:
        return "multiple", words["multiple"], 0
    if q.type is QuestionType.likert_grid:
        return "grid", words["grid"], 0
    if q.type is QuestionType.integer:
        if q.range is None:
            return "integer", None, 4
        low, high = q.range
        digits = max(len(str(abs(low))), len(str(abs(high))))
        return "integer", words["range"].format(low=low, high=high), digits
    if q.type is QuestionType.date:
        return "date", words["date"], 0
    if q.type is QuestionType.note:
        return "note", None, 0  # read out or shown; nothing to write
    return "text", None, 0


def _go_to(jump: Jump | None, code: int, words: dict[str, str]) -> str | None:
    if jump is None or code not in jump.codes:
        return None
    if jump.target is None:
        return words["go_end"]
    return words["go_to"].format(target=jump.target)


# ---- HTML -----------------------------------------------------------------------------


def render_html(form: PaperForm) -> str:
    return render_template("paper_form.html.j2", form=form)


# ---- typst ----------------------------------------------------------------------------


def typst_string(text: str) -> str:
    """A typst string literal: labels never reach markup, so # $ * _ @ < > [ ] ` \\ are inert."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = escaped.replace("\r\n", "\n").replace("\n", "\\n").replace("\t", " ")
    return f'"{escaped}"'


TYPST_PREAMBLE = """
#let tick = box(width: 0.75em, height: 0.75em, stroke: 0.6pt, baseline: 0.05em)
#let code(c) = text(weight: "bold", size: 9pt, c)
#let digitboxes(n) = {
  for i in range(n) { box(width: 1.4em, height: 1.6em, stroke: 0.6pt) }
}
#let writelines(n) = for i in range(n) { v(1.2em); line(length: 100%, stroke: 0.4pt + gray) }
#let scalehead(label, c) = text(size: 8.5pt, label) + linebreak() + code(c)
#let question(number, body, notes, answer, breakable: false) = block(
  above: 1.1em, below: 0.5em, breakable: breakable)[
  #text(weight: "bold", number + ". ") #body
  #for note in notes [ \\ #text(style: "italic", size: 9.5pt, note) ]
  #answer
]
#let options(rows) = grid(
  columns: (1.6em, auto, 1fr),
  column-gutter: 0.4em,
  row-gutter: 0.45em,
  ..rows.map(r => (tick, [#r.at(1) #h(0.5em) #text(size: 9pt, "[" + r.at(0) + "]")],
                   text(style: "italic", size: 9pt, r.at(2)))).flatten()
)
"""


def render_typst(form: PaperForm) -> str:
    """The typst source of the paper form."""
    head = typst_string(form.running_head)
    page_word = typst_string(form.words["page"])
    lines = [
        f'#set text(font: "{FONT}", size: 11pt, lang: "{form.lang}")',
        '#set page(paper: "a4", margin: (x: 2cm, top: 2.3cm, bottom: 2.2cm),',
        f"  header: text(size: 8.5pt)[#{head}],",
        f"  footer: context text(size: 8.5pt)[#{head} #h(1fr) #{page_word} "
        "#counter(page).display() / #counter(page).final().first()])",
        "#set par(justify: false)",
        TYPST_PREAMBLE,
    ]
    if form.organisation:
        lines.append(f"#align(center, text(size: 10pt, {typst_string(form.organisation)}))")
    lines.append(f'#align(center, text(size: 15pt, weight: "bold", {typst_string(form.title)}))')
    respondent = typst_string(form.words["respondent"] + ": ")
    lines.append(f"#align(right)[#{respondent} #digitboxes(5)]")
    if form.introduction:
        lines.append(f"#par(justify: true, {typst_string(form.introduction)})")
    lines.append(f'#text(style: "italic", {typst_string(form.words["how_to"])})')
    for section in form.sections:
        lines.append(f"#heading(level: 1, {typst_string(section.title)})")
        if section.intro:
            lines.append(f"#par({typst_string(section.intro)})")
        for q in section.questions:
            lines.extend(_typst_question(q, form.words))
    lines.append(
        f'#v(1em) #align(center, text(weight: "bold", {typst_string(form.words["thanks"])}))'
    )
    return "\n".join(lines) + "\n"


def _typst_question(q: PaperQuestion, words: dict[str, str]) -> list[str]:
    """One question as a block; only a grid (a long table) may break across pages."""
    notes = [n for n in (q.hint, q.instruction) if n]
    if q.only_if:
        notes.append(f"({q.only_if})")
    number = typst_string(f"{words['question']} {q.number}")
    breakable = "true" if q.kind == "grid" else "false"
    head = f"#question({number}, {typst_string(q.label)}, {_typst_array(notes)}, "
    lines = [head + f"breakable: {breakable})["]
    if q.kind in ("single", "multiple"):
        rows = [
            f"({typst_string(str(o.code))}, {typst_string(o.label)}, {typst_string(o.go_to or '')})"
            for o in q.options
        ]
        lines.append(f"#pad(left: 1.5em, options({_typst_array(rows, quote=False)}))")
    elif q.kind == "grid":
        lines.extend(_typst_grid(q, words))
    elif q.kind == "integer":
        lines.append(f"#pad(left: 1.5em, digitboxes({q.digits}))")
    elif q.kind == "date":
        lines.append("#pad(left: 1.5em)[#digitboxes(2) / #digitboxes(2) / #digitboxes(4)]")
    else:
        lines.append("#pad(left: 1.5em, writelines(2))")
    if q.jump:
        lines.append(
            f'#pad(left: 1.5em, text(weight: "bold", size: 9.5pt, {typst_string(q.jump)}))'
        )
    lines.append("]")
    return lines


def _typst_array(values: list[str], quote: bool = True) -> str:
    """A typst array literal; ``()`` is empty and ``(x,)`` has one element."""
    if not values:
        return "()"
    parts = [typst_string(v) if quote else v for v in values]
    return "(" + ", ".join(parts) + ",)"


def _typst_grid(q: PaperQuestion, words: dict[str, str]) -> list[str]:
    header = ", ".join(
        f"scalehead({typst_string(o.label)}, {typst_string(str(o.code))})" for o in q.options
    )
    cells = []
    for item in q.items:
        cells.append(f"[#{typst_string(item.number)} #{typst_string(item.label)}]")
        cells.extend(f"[#tick #code({typst_string(str(o.code))})]" for o in q.options)
    return [
        "#pad(left: 1.5em, table(",
        f"  columns: (1fr, {', '.join(['auto'] * len(q.options))}),",
        "  align: (left + horizon, " + ", ".join(["center + horizon"] * len(q.options)) + "),",
        f"  table.header(text(size: 8.5pt, {typst_string(words['item'])}), {header}),",
        "  " + ", ".join(cells) + ",",
        "))",
    ]


def compile_pdf(source: str, target: Path) -> Path:
    """Compile typst source to ``target`` atomically (typst's bundled fonts)."""
    with tempfile.TemporaryDirectory() as work:
        typ = Path(work) / "form.typ"
        typ.write_text(source, encoding="utf-8")
        with atomic_path(target) as tmp:
            typst.compile(str(typ), output=str(tmp))
    return target


def write_paper_form(questionnaire: Questionnaire, out_dir: Path, lang: str = "vi") -> list[Path]:
    """Write ``<form_id>-<wave>.paper.<lang>.html`` and ``.pdf`` into ``out_dir``."""
    form = build_paper_form(questionnaire, lang)
    stem = f"{instrument_stem(questionnaire)}.paper.{lang}"
    html = output_file(out_dir, f"{stem}.html")
    write_text(html, render_html(form))
    pdf = compile_pdf(render_typst(form), output_file(out_dir, f"{stem}.pdf"))
    return [html, pdf]
