"""Reports: execute a parameterized notebook (papermill, kernel ``python3``) and render the
executed notebook, without running it again, to HTML and PDF.

With ``quarto`` on PATH, Quarto renders. Otherwise the built-in renderer: the executed
notebook's outputs (markdown and PNG images; code is never shown) become one markdown
document, pandoc turns it into a self-contained HTML file (images as data URIs) and into
typst source, and typst compiles the PDF (page numbers, running header, fonts bundled with
typst, so the result does not depend on the machine's fonts).

A notebook describes its document once, in an output of type :data:`META_MIME` (title,
organisation, date, simulated-data mark, file stem); see :func:`report_meta`.
"""

from __future__ import annotations

import base64
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import nbformat
import yaml

from pipeline.core.atomic import atomic_path, staged_folder
from pipeline.core.errors import InputError
from pipeline.core.paths import output_file
from pipeline.core.wording import SUMMARY_WORDS

KERNEL = "python3"
META_MIME = "application/vnd.survey-report.meta+json"
FORMATS = ("html", "pdf")


@dataclass
class Document:
    """The executed notebook as markdown: ``images`` maps relative file names to PNG bytes."""

    markdown: str
    images: dict[str, bytes]
    meta: dict


@dataclass
class RenderResult:
    """What :func:`render_report` wrote, and how long each step took (seconds)."""

    outputs: dict[str, Path]
    seconds: dict[str, float] = field(default_factory=dict)
    meta: dict = field(default_factory=dict)


def report_meta(
    title: str,
    stem: str,
    lang: str,
    *,
    subtitle: str = "",
    organisation: str = "",
    date: str = "",
    simulated: str = "",
    simulated_note: str = "",
    running_header: str = "",
    compact: bool = False,
) -> dict:
    """The document description a notebook displays as ``{META_MIME: report_meta(...)}``.

    ``simulated`` is the mark printed on the cover and in the running header ("" for real
    data); ``stem`` names the output files (``<stem>.html``, ``<stem>.pdf``); ``compact``
    puts the title block on the first page instead of a cover page (one-page briefs).
    """
    return {
        "title": title,
        "stem": stem,
        "lang": lang,
        "subtitle": subtitle,
        "organisation": organisation,
        "date": date,
        "simulated": simulated,
        "simulated-note": simulated_note,
        "running-header": running_header or title,
        "compact": compact,
    }


# ----- executing ----------------------------------------------------------------------------


def notebook_parameters(notebook: Path) -> dict[str, str]:
    """The notebook's parameters and their inferred type names (from its ``parameters`` cell)."""
    import papermill

    try:
        params = papermill.inspect_notebook(str(notebook))
    except Exception as exc:  # nbformat and papermill raise anything on a file not a notebook
        raise InputError(
            f"not a Jupyter notebook ({type(exc).__name__}): expected an .ipynb file",
            file=str(notebook),
        ) from None
    return {name: (p.get("inferred_type_name") or "str") for name, p in params.items()}


def typed_parameters(notebook: Path, raw: dict[str, str]) -> dict:
    """``key=value`` texts converted to the type of the notebook's default for that key."""
    declared = notebook_parameters(notebook)
    out: dict = {}
    for key, value in raw.items():
        if key not in declared:
            raise InputError(
                f"the notebook has no parameter {key!r}; its parameters are "
                f"{', '.join(sorted(declared)) or 'none'}",
                file=str(notebook),
                column=key,
            )
        kind = declared[key].split("|")[0].strip().lower()
        try:
            if kind == "int":
                out[key] = int(value)
            elif kind == "float":
                out[key] = float(value)
            elif kind == "bool":
                out[key] = str(value).lower() in ("1", "true", "yes")
            else:
                out[key] = value
        except ValueError:
            raise InputError(
                f"parameter {key} expects {kind}, got {value!r}", file=str(notebook), column=key
            ) from None
    return out


def execute_notebook(notebook: Path, parameters: dict, target: Path, cwd: Path) -> Path:
    """Run ``notebook`` with ``parameters`` (papermill, kernel python3) in ``cwd``; the
    executed notebook is written to ``target``. A failing cell raises InputError naming it."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    try:
        papermill.execute_notebook(
            str(notebook),
            str(target),
            parameters=parameters,
            kernel_name=KERNEL,
            cwd=str(cwd),
            progress_bar=False,
            log_output=False,
        )
    except PapermillExecutionError as exc:
        raise InputError(
            f"the notebook failed in cell {exc.exec_count}: {exc.ename}: {exc.evalue}",
            file=str(notebook),
        ) from None
    return target


# ----- notebook → markdown -----------------------------------------------------------------


def notebook_document(nb: nbformat.NotebookNode) -> Document:
    """Markdown cells and the rich outputs of code cells, in order; code and plain-text
    outputs are left out. Error outputs raise: a report is never rendered from a failed run."""
    parts: list[str] = []
    images: dict[str, bytes] = {}
    meta: dict = {}
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            parts.append(cell.source)
            continue
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                raise InputError(f"the executed notebook has an error: {output.ename}")
            if output.output_type not in ("display_data", "execute_result"):
                continue
            data = output.get("data", {})
            if META_MIME in data:
                meta.update(data[META_MIME])
            elif "image/png" in data:
                name = f"figures/fig-{len(images) + 1:03d}.png"
                images[name] = base64.b64decode(data["image/png"])
                alt = output.get("metadata", {}).get("alt", "")
                parts.append(f"![{alt}]({name})")
            elif "text/markdown" in data:
                parts.append(data["text/markdown"])
    return Document("\n\n".join(p.strip("\n") for p in parts) + "\n", images, meta)


# ----- rendering ---------------------------------------------------------------------------


def template(name: str) -> Path:
    return Path(str(resources.files("pipeline.stages.report") / "templates" / name))


def _metadata(doc: Document) -> dict:
    """The document's pandoc metadata: the report description without empty fields."""
    meta = {k: v for k, v in doc.meta.items() if k != "stem" and v not in ("", None, False)}
    meta["pagetitle"] = doc.meta.get("title", "")
    words = SUMMARY_WORDS.get(doc.meta.get("lang", ""), SUMMARY_WORDS["en"])
    meta.setdefault("toc-title", words["toc"])  # the HTML navigation's title
    return meta


def _stage(doc: Document, folder: Path) -> Path:
    """Write the markdown, its images and the pandoc metadata into ``folder``."""
    for name, data in doc.images.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    (folder / "meta.yaml").write_text(
        yaml.safe_dump(_metadata(doc), allow_unicode=True, sort_keys=True), encoding="utf-8"
    )
    source = folder / "report.md"
    source.write_text(doc.markdown, encoding="utf-8")
    return source


def _pandoc(source: Path, to: str, target: Path, extra: list[str]) -> None:
    import pypandoc

    pypandoc.convert_file(
        str(source),
        to,
        format="markdown-implicit_figures+pipe_tables",
        outputfile=str(target),
        extra_args=[f"--metadata-file={source.parent / 'meta.yaml'}", "--standalone", *extra],
        cworkdir=str(source.parent),
    )


def render_html(doc: Document, target: Path) -> Path:
    """One self-contained HTML file: CSS inline, images as data URIs, no external request."""
    with tempfile.TemporaryDirectory() as tmp:
        source = _stage(doc, Path(tmp))
        with atomic_path(target) as out:
            _pandoc(
                source,
                "html5",
                out,
                [
                    f"--template={template('report.html')}",
                    "--embed-resources",
                    f"--resource-path={tmp}",
                    "--toc",
                    "--toc-depth=2",
                ],
            )
    return target


def render_pdf(doc: Document, target: Path) -> Path:
    """PDF through typst: pandoc writes typst source with the report template, typst
    compiles it with its bundled fonts only (system fonts ignored: same PDF everywhere)."""
    import typst

    with tempfile.TemporaryDirectory() as tmp:
        source = _stage(doc, Path(tmp))
        typ = Path(tmp) / "report.typ"
        _pandoc(source, "typst", typ, [f"--template={template('report.typ')}"])
        with atomic_path(target) as out:
            typst.compile(str(typ), output=str(out), root=tmp, ignore_system_fonts=True)
    return target


def render_with_quarto(doc: Document, formats: list[str], out_dir: Path, stem: str) -> dict:
    """Render the same markdown with Quarto (when installed): HTML self-contained, PDF
    through Quarto's typst format."""
    outputs = {}
    with tempfile.TemporaryDirectory() as tmp:
        source = _stage(doc, Path(tmp))
        qmd = Path(tmp) / f"{stem}.qmd"
        qmd.write_text(
            "---\n"
            + yaml.safe_dump(_metadata(doc), allow_unicode=True)
            + "---\n\n"
            + source.read_text(encoding="utf-8"),
            encoding="utf-8",
        )
        for fmt in formats:
            to = {"html": "html", "pdf": "typst"}[fmt]
            args = ["quarto", "render", qmd.name, "--to", to, "--no-execute"]
            if fmt == "html":
                args += ["-M", "embed-resources:true"]
            subprocess.run(args, cwd=tmp, check=True, capture_output=True)
            produced = Path(tmp) / f"{stem}.{fmt}"
            target = output_file(out_dir, f"{stem}.{fmt}")
            with atomic_path(target) as out:
                shutil.copyfile(produced, out)
            outputs[fmt] = target
    return outputs


def render_report(
    notebook: str | Path,
    parameters: dict[str, str],
    out_dir: str | Path,
    formats: list[str] | tuple[str, ...] = FORMATS,
    cwd: str | Path = ".",
    name: str | None = None,
    keep_notebook: bool = False,
) -> RenderResult:
    """Execute ``notebook`` with ``parameters`` (texts, typed from the notebook's defaults)
    and write ``<stem>.html`` / ``<stem>.pdf`` into ``out_dir``. The stem comes from the
    notebook's report metadata unless ``name`` is given."""
    notebook = Path(notebook)
    out_dir = Path(out_dir)
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise InputError(f"unknown format {unknown[0]!r}; expected html and/or pdf", column="to")
    if not notebook.exists():
        raise InputError("the notebook does not exist", file=str(notebook))
    typed = typed_parameters(notebook, parameters)
    seconds: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        executed = execute_notebook(notebook, typed, Path(tmp) / notebook.name, Path(cwd))
        seconds["execute"] = time.perf_counter() - start
        nb = nbformat.read(executed, as_version=4)
        doc = notebook_document(nb)
        stem = name or doc.meta.get("stem") or notebook.stem
        output_file(out_dir, stem)  # checked before anything is written
        # the HTML, the PDF and the notebook are one set: swapped in whole
        with staged_folder(out_dir) as staging:
            if keep_notebook:
                shutil.copyfile(executed, output_file(staging, f"{stem}.ipynb"))
            staged = render_formats(doc, list(formats), staging, stem, seconds)
    outputs = {fmt: output_file(out_dir, path.name) for fmt, path in staged.items()}
    return RenderResult(outputs, seconds, doc.meta)


def render_formats(
    doc: Document, formats: list[str], out_dir: Path, stem: str, seconds: dict[str, float]
) -> dict[str, Path]:
    """``<stem>.<format>`` of every format in ``out_dir``, timing each step in ``seconds``."""
    if shutil.which("quarto"):
        start = time.perf_counter()
        outputs = render_with_quarto(doc, formats, out_dir, stem)
        seconds["quarto"] = time.perf_counter() - start
        return outputs
    outputs = {}
    for fmt in formats:
        start = time.perf_counter()
        render = render_html if fmt == "html" else render_pdf
        outputs[fmt] = render(doc, output_file(out_dir, f"{stem}.{fmt}"))
        seconds[fmt] = time.perf_counter() - start
    return outputs
