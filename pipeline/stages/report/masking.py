"""Masking personal details in free-text answers before a person reads them.

A sensitive survey in a small organisation: a comment can name a colleague or give a phone
number. Reports print free text only when asked to, and then through :func:`mask_free_text`.
The rules are deliberately broad (a false mask costs little, a missed name costs much):
two or more capitalised words in a row are taken for a name, and so is a capitalised word
after a form of address (đồng chí, anh, chị, ông, bà ...).
"""

from __future__ import annotations

import re
import unicodedata

PHONE_MASK = "[số điện thoại]"
EMAIL_MASK = "[email]"
NAME_MASK = "[tên]"

# Vietnamese mobile and landline numbers, with optional +84 and separators: 0912 345 678,
# +84 912.345.678, (028) 3829 1234.
_PHONE = re.compile(r"(?<!\w)(?:\+?84|0)[\s.\-()]*\d(?:[\s.\-()]*\d){7,10}(?!\w)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_TOKENS = re.compile(r"\w+|\W+")
_TITLES = {"đồng chí", "đ/c", "anh", "chị", "ông", "bà", "em", "cô", "chú", "bác", "mr", "ms"}


def mask_free_text(text: str) -> str:
    """``text`` (NFC) with phone numbers, e-mail addresses and person names replaced."""
    text = unicodedata.normalize("NFC", text)
    text = _EMAIL.sub(EMAIL_MASK, text)
    text = _PHONE.sub(PHONE_MASK, text)
    return _mask_names(text)


def _capitalised(token: str) -> bool:
    return token.isalpha() and token[0].isupper() and (len(token) == 1 or token[1:].islower())


def _mask_names(text: str) -> str:
    tokens = _TOKENS.findall(text)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        title = _title_length(tokens, i)
        if title:
            out.extend(tokens[i : i + title])
            i += title
            continue
        run = _capitalised_run(tokens, i)
        if run and (len(run) >= 2 or _after_title(out)):
            out.append(NAME_MASK)
            i = run[-1] + 1
        else:
            out.append(tokens[i])
            i += 1
    return "".join(out)


def _title_length(tokens: list[str], start: int) -> int:
    """How many tokens from ``start`` spell a form of address (0 if none)."""
    for length in (3, 1):
        words = "".join(tokens[start : start + length]).lower()
        if words in _TITLES:
            return length
    return 0


def _capitalised_run(tokens: list[str], start: int) -> list[int]:
    """Indices of up to four capitalised words from ``start``, separated by spaces only."""
    run: list[int] = []
    i = start
    while i < len(tokens) and len(run) < 4 and _capitalised(tokens[i]):
        run.append(i)
        if i + 2 < len(tokens) and tokens[i + 1].isspace():
            i += 2
        else:
            break
    return run


def _after_title(out: list[str]) -> bool:
    """Whether the text so far ends with a form of address and a space."""
    tail = "".join(out[-4:]).lower().rstrip()
    return any(tail.endswith(title) for title in _TITLES) and "".join(out[-1:]).isspace()
