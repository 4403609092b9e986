"""The plain HTML form as a browser without script sees it, for the tests: the controls of
the page's form (read from the HTML the server sent), filled in and posted back the way a
browser posts them (unchecked boxes absent, empty text inputs present and empty)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Control:
    name: str
    kind: str  # hidden, text, number, date, radio, checkbox, textarea, submit
    value: str = ""
    checked: bool = False
    element_id: str | None = None


@dataclass
class PageForm:
    action: str
    controls: list[Control] = field(default_factory=list)
    labels_for: list[str] = field(default_factory=list)  # the ``for`` of every <label>
    legends: list[str] = field(default_factory=list)

    def names(self) -> set[str]:
        return {c.name for c in self.controls}

    def value(self, name: str) -> str:
        return next(c.value for c in self.controls if c.name == name and c.kind == "hidden")

    def post_data(
        self, answers: dict[str, str | list[str]], button: tuple[str, str] | None = None
    ) -> dict[str, list[str]]:
        """What the browser sends with ``answers`` given (a name -> its text, or the codes
        of its ticked boxes) and ``button`` (name, value) pressed. An answer with no
        control on the page is an error of the test, not something to post."""
        missing = sorted(set(answers) - self.names())
        assert not missing, f"the page has no control for {missing}"
        data: dict[str, list[str]] = {}
        for c in self.controls:
            given = answers.get(c.name)
            if c.kind == "submit":
                continue
            if c.kind in ("radio", "checkbox"):
                chosen = [given] if isinstance(given, str) else list(given or [])
                if given is None:
                    chosen = [c.value] if c.checked else []
                if c.value in chosen:
                    data.setdefault(c.name, []).append(c.value)
            elif c.kind == "hidden" or given is None:
                data.setdefault(c.name, []).append(c.value)
            else:
                data.setdefault(c.name, []).append(str(given))
        if button is not None:
            data[button[0]] = [button[1]]
        return data

    def buttons(self) -> list[tuple[str, str]]:
        return [(c.name, c.value) for c in self.controls if c.kind == "submit" and c.name]


class _FormReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.form: PageForm | None = None
        self.textarea: Control | None = None
        self.legend: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.form = PageForm(a.get("action", ""))
        elif self.form is None:
            return
        elif tag == "input" and "name" in a:
            self.form.controls.append(
                Control(a["name"], a.get("type", "text"), a.get("value", ""), "checked" in a,
                        a.get("id"))  # fmt: skip
            )
        elif tag == "textarea":
            self.textarea = Control(a["name"], "textarea", "", False, a.get("id"))
            self.form.controls.append(self.textarea)
        elif tag == "button" and a.get("type", "submit") == "submit":
            self.form.controls.append(Control(a.get("name", ""), "submit", a.get("value", "")))
        elif tag == "label" and "for" in a:
            self.form.labels_for.append(a["for"])
        elif tag == "legend":
            self.legend = []

    def handle_data(self, data: str) -> None:
        if self.textarea is not None:
            self.textarea.value += data
        if self.legend is not None:
            self.legend.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            self.textarea = None
        elif tag == "legend" and self.legend is not None and self.form is not None:
            self.form.legends.append(" ".join("".join(self.legend).split()))
            self.legend = None


def page_form(html: str) -> PageForm:
    reader = _FormReader()
    reader.feed(html)
    assert reader.form is not None, "the page has no form"
    return reader.form
