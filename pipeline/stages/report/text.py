"""Words and numbers as the reports print them, in Vietnamese and English.

Vietnamese writes 42,3% and 9.514; English writes 42.3% and 9,514. Proportions come in as
0-1 and leave as percentages. The statistics terms follow the domain notes (tỷ lệ có trọng
số, khoảng tin cậy, cỡ mẫu, trọng số ...). Sentences describe differences, never causes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

DASH = "—"  # a suppressed cell
# English month names, January first (not the locale's).
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "simulated": "DỮ LIỆU MÔ PHỎNG / SIMULATED DATA",
        "simulated_note": (
            "Báo cáo này được lập từ dữ liệu mô phỏng để kiểm thử quy trình; các con số "
            "không phải kết quả khảo sát thật."
        ),
        "wave_report": "Báo cáo kết quả khảo sát",
        "wave": "Đợt khảo sát",
        "fieldwork": "Thời gian thu thập",
        "executive_summary": "Tóm tắt kết quả chính",
        "summary_intro": (
            "Các khác biệt dưới đây có ý nghĩa thống kê sau khi hiệu chỉnh "
            "Benjamini-Hochberg (mức {alpha}). Đây là mô tả khác biệt giữa các nhóm, không "
            "phải quan hệ nhân quả."
        ),
        "no_findings": (
            "Không có khác biệt nào có ý nghĩa thống kê sau hiệu chỉnh Benjamini-Hochberg "
            "(mức {alpha})."
        ),
        "methodology": "Phương pháp",
        "frame": "Khung mẫu",
        "frame_text": (
            "Tổng thể: {frame} ({population} người{source}). Mẫu phân tầng theo {stratum}, "
            "phân bổ tỷ lệ; mỗi người trả lời đại diện cho N_h/n_h người trong tầng của mình "
            "(trọng số). Ước lượng và sai số chuẩn tính theo thiết kế mẫu, có hệ số hiệu chỉnh "
            "tổng thể hữu hạn (FPC)."
        ),
        "frame_text_nofpc": (
            "Tổng thể: {frame} ({population} người{source}). Mẫu phân tầng theo {stratum}, "
            "phân bổ tỷ lệ; mỗi người trả lời đại diện cho N_h/n_h người trong tầng của mình "
            "(trọng số). Ước lượng và sai số chuẩn tính theo thiết kế mẫu, không hiệu chỉnh "
            "tổng thể hữu hạn."
        ),
        "allocation": "Phân bổ mẫu và sai số biên theo tầng",
        "category": "Tầng (khối)",
        "population": "N_h",
        "share": "Tỷ trọng (%)",
        "planned": "Phân bổ tỷ lệ",
        "realised": "n_h thực tế",
        "fraction": "Tỷ lệ chọn mẫu (%)",
        "weight": "Trọng số",
        "moe": "Sai số biên (±đpt)",
        "total": "Chung",
        "moe_note": (
            "Sai số biên: nửa độ rộng khoảng tin cậy 95% của một tỷ lệ p = 50% với cỡ mẫu "
            "thực tế, có hiệu chỉnh tổng thể hữu hạn; đơn vị: điểm phần trăm (đpt)."
        ),
        "moe_sentence": (
            "Với toàn mẫu (n = {n}), sai số biên tối đa là ±{moe} điểm phần trăm (độ tin cậy 95%)."
        ),
        "design_effect": (
            "Hiệu ứng thiết kế do trọng số (Kish): {deff}; cỡ mẫu hiệu dụng: {neff}."
        ),
        "cleaning": "Làm sạch dữ liệu",
        "cleaning_text": (
            "Nhận {rows_in} phiếu; giữ lại {rows_kept} phiếu để phân tích; {rows_quarantined} "
            "phiếu được tách riêng (không phân tích) với lý do ghi rõ."
        ),
        "reason": "Lý do tách riêng",
        "rows": "Số phiếu",
        "rules_text": (
            "Số lần mỗi quy tắc làm sạch được áp dụng (chuẩn hóa, đặt thành dữ liệu thiếu, "
            "đánh dấu hoặc tách riêng; chi tiết trong nhật ký làm sạch):"
        ),
        "rule": "Quy tắc",
        "results": "Kết quả theo phần của phiếu hỏi",
        "table_note": (
            "Tỷ lệ (%) có trọng số theo cột, khoảng tin cậy 95% (KTC 95%) trong ngoặc. "
            "Chữ cái: tỷ lệ của cột lớn hơn có ý nghĩa thống kê so với cột mang chữ cái đó. "
            "{dash}: cơ số dưới {threshold} người trả lời, không công bố."
        ),
        "base": "Cơ số (n)",
        "test": "Kiểm định Rao-Scott",
        "not_significant": "không có ý nghĩa thống kê",
        "significant": "có ý nghĩa thống kê",
        "grid_note": (
            "Tỷ lệ (%) có trọng số chọn hai mức đầu của thang đo ({top}); "
            "{dash}: cơ số dưới {threshold}, không công bố."
        ),
        "multiple_note": (
            "Tỷ lệ (%) có trọng số người trả lời có chọn phương án (câu hỏi nhiều lựa chọn; "
            "tổng có thể vượt 100%)."
        ),
        "free_text": "Câu hỏi mở: các ý kiến tự do không được in trong báo cáo.",
        "free_text_shown": ("Câu hỏi mở: một số ý kiến, đã che tên người, số điện thoại và email."),
        "not_tabulated": "Câu hỏi số hoặc ngày: không lập bảng trong báo cáo này.",
        "figure_bars": "Tỷ lệ (%) theo {banner}, KTC 95%",
        "figure_likert": "Phân bố câu trả lời (toàn mẫu, %)",
        "figure_multiple": "Tỷ lệ (%) có chọn, toàn mẫu, KTC 95%",
        "appendix": "Phụ lục",
        "battery": "Bảng đầy đủ theo {banner}",
        "tests_table": "Kiểm định độc lập cho mọi bảng chéo",
        "banner": "Biến phân tổ",
        "variable": "Biến",
        "p": "giá trị p",
        "p_bh": "p (BH)",
        "codebook": "Sổ tay mã hóa",
        "codebook_text": "Sổ tay mã hóa của phiếu hỏi: [{name}]({href}).",
        "test_notes": "Ghi chú về kiểm định",
        "test_notes_text": (
            "Kiểm định độc lập Rao-Scott (hiệu chỉnh bậc hai, thống kê F) theo thiết kế mẫu "
            "phân tầng. Giá trị p được hiệu chỉnh theo Benjamini-Hochberg trên toàn bộ các bảng "
            "(kiểm soát tỷ lệ phát hiện sai). Chữ cái cột: so sánh từng cặp cột theo thiết kế "
            "mẫu, hiệu chỉnh Bonferroni, mức 5%. Các cột có cơ số dưới {min_base} cần đọc thận "
            "trọng; dưới {threshold} không công bố."
        ),
        "percent": "%",
        "pp": "điểm phần trăm",
        "ci": "KTC 95%",
        "higher": "cao hơn",
        "lower": "thấp hơn",
        "finding": (
            "Tỷ lệ «{option}» ở câu «{question}» trong nhóm {group} là {value} "
            "({ci}: {low}–{high}), {direction} mức chung ({total}) {diff} {pp} "
            "(p hiệu chỉnh BH {p})."
        ),
        "brief_title": "Tóm tắt theo khối",
        "brief_intro": (
            "Nhóm {group}: {n} người trả lời trên tổng số {population} đảng viên; sai số biên "
            "±{moe} điểm phần trăm."
        ),
        "key_figures": "Các chỉ số chính: nhóm so với chung",
        "indicator": "Chỉ số",
        "group": "Nhóm",
        "difference": "Chênh lệch (đpt)",
        "brief_note": (
            "Chỉ số: tỷ lệ (%) có trọng số chọn hai mức đầu của thang đo. {dash}: cơ số dưới "
            "{threshold}, không công bố."
        ),
        "brief_findings": "Khác biệt có ý nghĩa thống kê của nhóm",
        "comparison_title": "So sánh giữa hai đợt khảo sát",
        "change_sentence": (
            "Tỷ lệ «{option}» ở câu «{question}» {direction} từ {value_a} ({a}) {to} "
            "{value_b} ({b}), chênh lệch {diff} {pp} ({ci}: {low}; {high})."
        ),
        "rose": "tăng",
        "fell": "giảm",
        "to_up": "lên",
        "to_down": "xuống",
        "option": "Phương án",
        "change": "Chênh lệch (đpt, KTC 95%)",
        "mean_score": "Điểm trung bình",
        "comparison_note": (
            "Tỷ lệ (%) có trọng số của từng đợt; chênh lệch = đợt sau − đợt trước, tính bằng "
            "điểm phần trăm với KTC 95%. ▲ ▼: thay đổi có ý nghĩa thống kê sau hiệu chỉnh "
            "Benjamini-Hochberg."
        ),
        "by_section": "Thay đổi theo phần của phiếu hỏi",
        "by_category": "Thay đổi theo khối",
        "one_wave_only": "Câu hỏi chỉ có ở một đợt",
        "page": "Trang",
    },
    "en": {
        "simulated": "SIMULATED DATA / DỮ LIỆU MÔ PHỎNG",
        "simulated_note": (
            "This report was produced from simulated data to test the pipeline; the numbers "
            "are not real survey results."
        ),
        "wave_report": "Survey results report",
        "wave": "Wave",
        "fieldwork": "Fieldwork",
        "executive_summary": "Executive summary",
        "summary_intro": (
            "The differences below are statistically significant after Benjamini-Hochberg "
            "adjustment (level {alpha}). They describe differences between groups, not causes."
        ),
        "no_findings": (
            "No difference is statistically significant after Benjamini-Hochberg adjustment "
            "(level {alpha})."
        ),
        "methodology": "Methodology",
        "frame": "Sampling frame",
        "frame_text": (
            "Population: {frame} ({population} people{source}). Stratified sample by "
            "{stratum}, proportional allocation; each respondent stands for N_h/n_h people of "
            "their stratum (the weight). Estimates and standard errors are design-based, with "
            "the finite population correction (FPC)."
        ),
        "frame_text_nofpc": (
            "Population: {frame} ({population} people{source}). Stratified sample by "
            "{stratum}, proportional allocation; each respondent stands for N_h/n_h people of "
            "their stratum (the weight). Estimates and standard errors are design-based, "
            "without a finite population correction."
        ),
        "allocation": "Allocation and margins of error by stratum",
        "category": "Stratum",
        "population": "N_h",
        "share": "Share (%)",
        "planned": "Proportional allocation",
        "realised": "Realised n_h",
        "fraction": "Sampling fraction (%)",
        "weight": "Weight",
        "moe": "Margin of error (±pp)",
        "total": "Total",
        "moe_note": (
            "Margin of error: half the width of the 95% confidence interval of a proportion "
            "p = 50% at the realised sample size, with the finite population correction; in "
            "percentage points (pp)."
        ),
        "moe_sentence": (
            "For the whole sample (n = {n}) the maximum margin of error is ±{moe} percentage "
            "points (95% confidence)."
        ),
        "design_effect": (
            "Design effect of the weights (Kish): {deff}; effective sample size: {neff}."
        ),
        "cleaning": "Data cleaning",
        "cleaning_text": (
            "{rows_in} questionnaires received; {rows_kept} kept for analysis; "
            "{rows_quarantined} set aside (not analysed), each with its reason."
        ),
        "reason": "Reason set aside",
        "rows": "Questionnaires",
        "rules_text": (
            "How often each cleaning rule fired (normalised, set to missing, flagged or set "
            "aside; details in the cleaning log):"
        ),
        "rule": "Rule",
        "results": "Results by section of the questionnaire",
        "table_note": (
            "Weighted column percentages, 95% confidence interval (95% CI) in brackets. "
            "Letters: the column's percentage is significantly larger than that of the "
            "lettered column. {dash}: base below {threshold} respondents, suppressed."
        ),
        "base": "Base (n)",
        "test": "Rao-Scott test",
        "not_significant": "not significant",
        "significant": "significant",
        "grid_note": (
            "Weighted percentage choosing the top two points of the scale ({top}); "
            "{dash}: base below {threshold}, suppressed."
        ),
        "multiple_note": (
            "Weighted percentage of respondents choosing the option (multiple answers "
            "allowed; totals may exceed 100%)."
        ),
        "free_text": "Open question: free-text answers are not printed in this report.",
        "free_text_shown": (
            "Open question: some answers, with names, phone numbers and e-mail addresses masked."
        ),
        "not_tabulated": "Numeric or date question: not tabulated in this report.",
        "figure_bars": "Percentage by {banner}, 95% CI",
        "figure_likert": "Distribution of answers (whole sample, %)",
        "figure_multiple": "Percentage choosing each option, whole sample, 95% CI",
        "appendix": "Appendix",
        "battery": "Full tables by {banner}",
        "tests_table": "Tests of independence for every cross-tabulation",
        "banner": "Banner",
        "variable": "Variable",
        "p": "p-value",
        "p_bh": "p (BH)",
        "codebook": "Codebook",
        "codebook_text": "Codebook of the questionnaire: [{name}]({href}).",
        "test_notes": "Notes on the tests",
        "test_notes_text": (
            "Rao-Scott test of independence (second-order correction, F statistic) under the "
            "stratified design. p-values are adjusted with Benjamini-Hochberg across all "
            "tables (false discovery rate). Column letters: design-based pairwise comparisons, "
            "Bonferroni-adjusted, 5% level. Columns with a base below {min_base} should be "
            "read with care; below {threshold} they are suppressed."
        ),
        "percent": "%",
        "pp": "percentage points",
        "ci": "95% CI",
        "higher": "higher than",
        "lower": "lower than",
        "finding": (
            "The share answering “{option}” to “{question}” is {value} ({ci} {low}–{high}) "
            "among {group}, {diff} {pp} {direction} overall ({total}) (BH-adjusted p {p})."
        ),
        "brief_title": "Member category brief",
        "brief_intro": (
            "{group}: {n} respondents out of {population} party members; margin of error "
            "±{moe} percentage points."
        ),
        "key_figures": "Key figures: the category against the total",
        "indicator": "Indicator",
        "group": "Category",
        "difference": "Difference (pp)",
        "brief_note": (
            "Indicator: weighted percentage choosing the top two points of the scale. {dash}: "
            "base below {threshold}, suppressed."
        ),
        "brief_findings": "Statistically significant differences of the category",
        "comparison_title": "Comparison of two survey waves",
        "change_sentence": (
            "The share answering “{option}” to “{question}” {direction} from {value_a} ({a}) "
            "to {value_b} ({b}), {diff} {pp} ({ci} {low}; {high})."
        ),
        "rose": "rose",
        "fell": "fell",
        "to_up": "to",
        "to_down": "to",
        "option": "Option",
        "change": "Change (pp, 95% CI)",
        "mean_score": "Mean score",
        "comparison_note": (
            "Weighted percentages of each wave; change = later − earlier wave, in percentage "
            "points with its 95% CI. ▲ ▼: significant after Benjamini-Hochberg adjustment."
        ),
        "by_section": "Changes by section of the questionnaire",
        "by_category": "Changes by member category",
        "one_wave_only": "Questions asked in one wave only",
        "page": "Page",
    },
}


def words(lang: str) -> dict[str, str]:
    """The report's wording in ``lang`` (vi or en)."""
    if lang not in WORDS:
        raise ValueError(f"unknown report language {lang!r}; expected vi or en")
    return WORDS[lang]


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
    """A banner column whose percentage differs from the total in a table whose test is
    significant after BH adjustment. Proportions 0-1; ``diff`` = ``prop`` - ``total``."""

    banner: str
    variable: str
    question: str
    option: str
    group: str
    prop: float
    ci_low: float
    ci_high: float
    total: float
    diff: float
    p_bh: float


def finding_sentence(finding: Finding, lang: str) -> str:
    """One plain sentence stating the difference, its size and the column's CI."""
    w = words(lang)
    return w["finding"].format(
        option=finding.option,
        question=finding.question,
        group=finding.group,
        value=fmt_percent(finding.prop, lang),
        ci=w["ci"],
        low=fmt_percent(finding.ci_low, lang, sign=False),
        high=fmt_percent(finding.ci_high, lang),
        direction=w["higher"] if finding.diff > 0 else w["lower"],
        total=fmt_percent(finding.total, lang),
        diff=fmt_pp(finding.diff, lang),
        pp=w["pp"],
        p=p_relation(finding.p_bh, lang),
    )


def p_relation(p: float, lang: str) -> str:
    """ "= 0,003" or "< 0,001": a p-value after its name in a sentence."""
    text = fmt_p(p, lang)
    return text if text.startswith("<") else f"= {text}"
