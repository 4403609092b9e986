"""One-time access codes and the cards they are printed on.

A code is 10 characters of Crockford's base-32 alphabet (no I, L, O, U: nothing to misread),
about 50 bits, shown as two groups of five. The server keeps only a keyed hash of each code;
the codes themselves exist only in the PDF handed to the admin, which the server does not
keep. The cards are to be cut and drawn from a shuffled box, so that nobody knows who holds
which code.
"""

from __future__ import annotations

import secrets
import tempfile
from pathlib import Path

from pipeline.core.labels import Text

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 10

CARD_WORDS = {
    "vi": "Mã truy cập dùng một lần. Không ghi tên. Mã không gắn với câu trả lời của đồng chí.",
    "en": "One-time access code. Do not write your name. The code is never linked to your answers.",
}


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def new_codes(n: int) -> list[str]:
    codes: set[str] = set()
    while len(codes) < n:
        codes.add(new_code())
    return list(codes)


def normalise_code(text: str) -> str:
    """What a respondent typed, as the code: upper case, separators dropped, and the letters
    people confuse with digits read as the digits (Crockford's rule)."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    return cleaned.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))


def display_code(code: str) -> str:
    return f"{code[:5]}-{code[5:]}"


def _typst_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{escaped}"'


def cards_typst(codes: list[str], title: Text, url: str) -> str:
    """Typst source: ten cards a page, each with the title, the address and one code."""
    cards = []
    for code in codes:
        cards.append(
            "card("
            + ", ".join(
                _typst_string(s)
                for s in (title.get("vi"), title.get("en"), url, display_code(code))
            )
            + ")"
        )
    return "\n".join(
        [
            '#set page(paper: "a4", margin: 1cm)',
            '#set text(size: 8pt, lang: "vi")',
            "#let card(vi, en, url, code) = rect(width: 100%, height: 5.2cm, inset: 8pt,"
            ' stroke: (dash: "dashed", thickness: 0.5pt))[',
            '  #text(weight: "bold", vi) \\',
            '  #text(style: "italic", en) \\',
            "  #v(4pt) #text(size: 9pt, url) \\",
            '  #v(4pt) #align(center, text(size: 20pt, font: "DejaVu Sans Mono", code)) \\',
            f"  #v(2pt) #text(size: 7pt, {_typst_string(CARD_WORDS['vi'])}) \\",
            f"  #text(size: 7pt, {_typst_string(CARD_WORDS['en'])})",
            "]",
            "#grid(columns: (1fr, 1fr), gutter: 4pt,",
            "  " + ",\n  ".join(cards) + ",",
            ")",
        ]
    )


def cards_pdf(codes: list[str], title: Text, url: str) -> bytes:
    """The cards as PDF bytes (typst's bundled fonts cover Vietnamese)."""
    import typst

    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "cards.typ"
        source.write_text(cards_typst(codes, title, url), encoding="utf-8")
        return typst.compile(str(source))
