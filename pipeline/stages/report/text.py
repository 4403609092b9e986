"""Words and numbers as the reports print them, in Vietnamese and English.

Vietnamese writes 42,3% and 9.514; English writes 42.3% and 9,514. Proportions come in as
0-1 and leave as percentages. The statistics terms follow the domain notes (tỷ lệ có trọng
số, khoảng tin cậy, cỡ mẫu, trọng số ...). Sentences describe differences, never causes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from pipeline.core.wording import MONTHS, REPORT_WORDS, SUMMARY_WORDS

DASH = "—"  # a suppressed cell


def words(lang: str) -> dict[str, str]:
    """The report's wording in ``lang`` (vi or en)."""
    if lang not in REPORT_WORDS:
        raise ValueError(f"unknown report language {lang!r}; expected vi or en")
    return {**REPORT_WORDS[lang], **SUMMARY_WORDS[lang]}


def fmt_number(value: float, lang: str, decimals: int = 0) -> str:
    """A number with the language's separators: 9.514,5 (vi) or 9,514.5 (en); NaN as —."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return DASH
    text = f"{value:,.{decimals}f}"
    if lang == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def fmt_int(value: int, lang: str) -> str:
    """An integer count: 9.514 (vi), 9,514 (en)."""
    return fmt_number(float(value), lang, 0)


def fmt_percent(prop: float, lang: str, decimals: int = 1, sign: bool = True) -> str:
    """A proportion (0-1) as a percentage: 0.423 → "42,3%" (vi) or "42.3%" (en)."""
    text = fmt_number(prop * 100.0, lang, decimals)
    return text + "%" if sign and text != DASH else text


def fmt_pp(diff: float, lang: str, decimals: int = 1) -> str:
    """A difference of proportions (0-1) in percentage points, unsigned: 0.124 → "12,4"."""
    return fmt_number(abs(diff) * 100.0, lang, decimals)


def fmt_signed_pp(diff: float, lang: str, decimals: int = 1) -> str:
    """A signed difference in percentage points: +12,4 / −3,0 (minus sign, not hyphen)."""
    if math.isnan(diff):
        return DASH
    sign = "+" if diff > 0 else ("−" if diff < 0 else "")
    return sign + fmt_pp(diff, lang, decimals)


def fmt_p(p: float, lang: str) -> str:
    """A p-value: three decimals, or "< 0,001" / "< 0.001"."""
    if p is None or math.isnan(p):
        return DASH
    if p < 0.001:
        return "< " + fmt_number(0.001, lang, 3)
    return fmt_number(p, lang, 3)


def fmt_date(value: str, lang: str) -> str:
    """An ISO date (YYYY-MM-DD) as 06/10/2021 (vi) or 6 October 2021 (en)."""
    year, month, day = (int(x) for x in value[:10].split("-"))
    if lang == "vi":
        return f"{day:02d}/{month:02d}/{year}"
    return f"{day} {MONTHS[month - 1]} {year}"


@dataclass(frozen=True)
class Finding:
    """A banner column whose percentage differs from the total, chosen from and printed with
    the test of that very difference (the tabulate stage's claims: design-based, the group's
    overlap with the total accounted for, BH-adjusted across the battery of such claims).
    Proportions 0-1; ``diff`` = ``prop`` − ``total``, ``ci_low``/``ci_high`` its 95% CI."""

    banner: str
    variable: str
    question: str
    option: str
    group: str
    col_code: str
    row_code: int
    prop: float
    total: float
    diff: float
    ci_low: float
    ci_high: float
    p_bh: float


def finding_sentence(finding: Finding, lang: str) -> str:
    """One plain sentence: both percentages, the signed difference in points, the difference's
    own CI and its BH-adjusted p."""
    w = words(lang)
    return w["finding"].format(
        option=finding.option,
        question=finding.question,
        group=finding.group,
        value=fmt_percent(finding.prop, lang),
        total=fmt_percent(finding.total, lang),
        diff=fmt_signed_pp(finding.diff, lang),
        pp=w["pp"],
        ci=w["ci_diff"],
        low=fmt_signed_pp(finding.ci_low, lang),
        high=fmt_signed_pp(finding.ci_high, lang),
        p=p_relation(finding.p_bh, lang),
    )


def p_relation(p: float, lang: str) -> str:
    """ "= 0,003" or "< 0,001": a p-value after its name in a sentence."""
    text = fmt_p(p, lang)
    return text if text.startswith("<") else f"= {text}"
