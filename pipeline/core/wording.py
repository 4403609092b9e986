"""Every reader-facing word of the project, in Vietnamese and English, in one place.

Each stage takes its wording from here, so a translation is corrected once and the two
languages stay side by side.
"""

from __future__ import annotations

from pipeline.core.labels import Text

COMPARISON_WORDS = {
    "vi": {
        "title": "So sánh giữa các đợt khảo sát",
        "simulated": "DỮ LIỆU MÔ PHỎNG: không phải kết quả khảo sát thật",
        "overall": "Chung",
        "category": "Loại hình",
        "item": "Câu hỏi",
        "level": "Phương án",
        "mean": "Điểm trung bình (theo mã)",
        "diff": "Chênh lệch (điểm %)",
        "diff_mean": "Chênh lệch điểm TB",
        "ci_low": "KTC 95% dưới",
        "ci_high": "KTC 95% trên",
        "p": "p (Rao-Scott)",
        "p_bh": "p (BH)",
        "mark": "Thay đổi có ý nghĩa",
        "note": "Ghi chú",
        "method": "Phương pháp sai số chuẩn của chênh lệch",
        "independent samples": "hai mẫu độc lập",
        "panel overlap": "có {n} đảng viên trả lời cả hai đợt (hiệp phương sai ước lượng từ họ)",
        "legend": (
            "▲/▼: phân bố của câu hỏi thay đổi có ý nghĩa (Rao-Scott, hiệu chỉnh BH, mức 5%) "
            "và khoảng tin cậy 95% của chênh lệch không chứa 0. Tỷ lệ có trọng số; "
            "chênh lệch = đợt sau − đợt trước."
        ),
        "one_wave": "Câu hỏi chỉ có trong một đợt",
        "not_compared": "Không so sánh",
        "wave": "Đợt",
        "variable": "Biến",
        "label": "Nội dung",
        "reason": "Lý do",
        "chart_diff": "Chênh lệch {a} → {b} (điểm %), khoảng tin cậy 95%",
        "chart_slope": "Điểm trung bình {a} → {b}: {category}",
        "significant": "thay đổi có ý nghĩa",
        "not_significant": "không có ý nghĩa",
    },
    "en": {
        "title": "Comparison between survey waves",
        "simulated": "SIMULATED DATA: not real survey results",
        "overall": "Overall",
        "category": "Member category",
        "item": "Question",
        "level": "Answer",
        "mean": "Mean score (codes)",
        "diff": "Difference (points)",
        "diff_mean": "Mean score difference",
        "ci_low": "95% CI low",
        "ci_high": "95% CI high",
        "p": "p (Rao-Scott)",
        "p_bh": "p (BH)",
        "mark": "Significant change",
        "note": "Note",
        "method": "Standard error of the difference",
        "independent samples": "independent samples",
        "panel overlap": "{n} members answered both waves (covariance estimated from them)",
        "legend": (
            "▲/▼: the question's distribution changed significantly (Rao-Scott, BH-adjusted, "
            "5% level) and the 95% CI of the difference excludes 0. Weighted proportions; "
            "difference = later wave − earlier wave."
        ),
        "one_wave": "Questions asked in one wave only",
        "not_compared": "Not compared",
        "wave": "Wave",
        "variable": "Variable",
        "label": "Label",
        "reason": "Reason",
        "chart_diff": "Difference {a} → {b} (percentage points), 95% CI",
        "chart_slope": "Mean score {a} → {b}: {category}",
        "significant": "significant change",
        "not_significant": "not significant",
    },
}


CONDITION_WORDS = {
    "vi": {
        "question": "câu {}",
        "and": "và",
        "or": "hoặc",
        "not": "không phải",
        "selected": "{} có chọn {}",
        "count": "số lựa chọn ở {}",
        "current": "câu trả lời này",
    },
    "en": {
        "question": "Q{}",
        "and": "and",
        "or": "or",
        "not": "not",
        "selected": "{} includes {}",
        "count": "number of options chosen in {}",
        "current": "this answer",
    },
}


# English month names, January first (not the locale's).
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


REPORT_WORDS: dict[str, dict[str, str]] = {
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


TABLE_WORDS = {
    "vi": {
        "simulated": "DỮ LIỆU MÔ PHỎNG: không phải kết quả khảo sát thật",
        "total": "Chung",
        "base": "Cơ số (n, không trọng số)",
        "weighted_base": "Cơ số có trọng số",
        "test": "Kiểm định Rao-Scott",
        "letters": (
            "Chữ cái: tỷ lệ của cột lớn hơn có ý nghĩa thống kê so với cột mang chữ cái đó "
            "(kiểm định theo thiết kế mẫu, hiệu chỉnh Bonferroni, mức 5%)."
        ),
        "small": "* cơ số dưới {min_base}: cần thận trọng; — cơ số dưới {suppress}: không công bố.",
        "percent": "% theo cột (có trọng số)",
    },
    "en": {
        "simulated": "SIMULATED DATA: not real survey results",
        "total": "Total",
        "base": "Base (unweighted n)",
        "weighted_base": "Weighted base",
        "test": "Rao-Scott test",
        "letters": (
            "Letters: the column's proportion is significantly larger than that of the lettered "
            "column (design-based test, Bonferroni-adjusted, 5% level)."
        ),
        "small": "* base below {min_base}: read with care; — base below {suppress}: suppressed.",
        "percent": "Column % (weighted)",
    },
}


CODEBOOK_RESPONDENT_LABEL = Text(
    vi="Số phiếu (mã người trả lời)", en="Questionnaire number (respondent id)"
)


CODEBOOK_WORDS = {
    "vi": {
        "codebook": "Sổ tay mã hóa (codebook)",
        "form": "Mã phiếu {form_id} · phiên bản {version} · đợt {wave}",
        "variable": "Biến",
        "question": "Câu",
        "label": "Nhãn",
        "type": "Kiểu",
        "level": "Thang đo",
        "values": "Mã và nhãn giá trị",
        "missing": "Mã thiếu (missing)",
        "skip": "Điều kiện hỏi",
        "pii": "Thông tin định danh cá nhân",
        "section": "Phần",
        "range": "Khoảng giá trị",
        "yes": "Có",
        "always": "Hỏi tất cả",
        "missing_mark": "mã thiếu",
        "favourable_mark": "đầu thuận lợi của thang đo",
    },
    "en": {
        "codebook": "Codebook",
        "form": "Form {form_id} · version {version} · wave {wave}",
        "variable": "Variable",
        "question": "Question",
        "label": "Label",
        "type": "Type",
        "level": "Measurement level",
        "values": "Value codes and labels",
        "missing": "Missing codes",
        "skip": "Asked if",
        "pii": "Personally identifying",
        "section": "Section",
        "range": "Range",
        "yes": "Yes",
        "always": "Asked of everyone",
        "missing_mark": "missing",
        "favourable_mark": "favourable end of the scale",
    },
}


ENTRY_INSTRUCTIONS = {
    "vi": [
        "HƯỚNG DẪN NHẬP LIỆU",
        "Mỗi dòng của sheet 'data' là một phiếu; mỗi cột là một biến (tên biến ở dòng tiêu đề, "
        "nhãn và mã ở chú thích của ô tiêu đề).",
        "Cột đầu tiên là số phiếu: mỗi phiếu một số, không trùng nhau.",
        "Với câu hỏi có phương án, nhập MÃ SỐ ghi bên cạnh ô được đánh dấu trên phiếu giấy "
        "(chọn từ danh sách thả xuống), không nhập chữ.",
        "Câu hỏi chọn nhiều phương án: mỗi phương án một cột; nhập 1 nếu được chọn, 0 nếu "
        "không được chọn.",
        "Số (ví dụ tuổi): nhập số nguyên trong khoảng cho phép. Ngày: nhập theo dạng "
        "năm-tháng-ngày (2024-05-31).",
        "Mã thiếu (không biết, không trả lời, khó đánh giá) được nhập như mã thường; danh "
        "sách ở sheet 'codes' (cột missing = có).",
        "Để TRỐNG ô khi câu hỏi bị bỏ qua theo hướng dẫn chuyển câu hoặc người trả lời bỏ trống.",
    ],
    "en": [
        "DATA ENTRY INSTRUCTIONS",
        "Each row of the 'data' sheet is one questionnaire; each column is one variable (the "
        "header is the variable name; its label and codes are in the header cell's comment).",
        "The first column is the questionnaire number: one per form, never repeated.",
        "For questions with options, key the CODE printed beside the ticked box on the paper "
        "form (pick it from the drop-down list), not the text.",
        "Multiple-choice questions have one column per option: key 1 if ticked, 0 if not.",
        "Numbers (e.g. age): key a whole number in the allowed range. Dates: key "
        "year-month-day (2024-05-31).",
        "Missing codes (don't know, refused, hard to say) are keyed like other codes; they are "
        "listed on the 'codes' sheet (column missing = yes).",
        "Leave the cell EMPTY when the question was skipped by a skip instruction or left blank.",
    ],
}


SKIP_WORDS = {
    "vi": {
        "only_if": "Chỉ trả lời nếu {condition}",
        "jump": "Nếu chọn {codes}, chuyển đến câu {target}",
        "jump_end": "Nếu chọn {codes}, kết thúc phiếu",
        "or": " hoặc ",
        "question": "câu",
    },
    "en": {
        "only_if": "Answer only if {condition}",
        "jump": "If {codes}, go to question {target}",
        "jump_end": "If {codes}, the questionnaire ends",
        "or": " or ",
        "question": "question",
    },
}


PAPER_WORDS = {
    "vi": {
        "question": "Câu",
        "form": "Mã phiếu {form_id} · phiên bản {version}",
        "page": "Trang",
        "respondent": "Số phiếu",
        "how_to": (
            "Đồng chí vui lòng đánh dấu X vào ô phù hợp. "
            "Số bên cạnh mỗi phương án là mã dùng khi nhập liệu."
        ),
        "single": "(Chọn một phương án)",
        "multiple": "(Có thể chọn nhiều phương án)",
        "grid": "(Ở mỗi dòng, chọn một phương án)",
        "range": "(từ {low} đến {high})",
        "date": "Ngày / Tháng / Năm",
        "item": "Nội dung",
        "go_to": "→ câu {target}",
        "go_end": "→ kết thúc",
        "thanks": "Xin trân trọng cảm ơn Đồng chí!",
    },
    "en": {
        "question": "Question",
        "form": "Form {form_id} · version {version}",
        "page": "Page",
        "respondent": "Questionnaire no.",
        "how_to": (
            "Please tick (X) the box that applies. "
            "The number beside each option is the code keyed at data entry."
        ),
        "single": "(Tick one)",
        "multiple": "(Tick all that apply)",
        "grid": "(Tick one box in each row)",
        "range": "(from {low} to {high})",
        "date": "Day / Month / Year",
        "item": "Item",
        "go_to": "→ Q{target}",
        "go_end": "→ end",
        "thanks": "Thank you very much!",
    },
}


RANGE_MESSAGE = {
    "vi": "Giá trị phải từ {low} đến {high}",
    "en": "The value must be from {low} to {high}",
}


def range_message(low: int, high: int) -> Text:
    """The constraint message written for an integer range that has none of its own."""
    return Text(**{lang: RANGE_MESSAGE[lang].format(low=low, high=high) for lang in RANGE_MESSAGE})


SIMULATED_NOTE = "DỮ LIỆU MÔ PHỎNG / SIMULATED DATA"


RESPONDENT_ID_LABEL = Text(vi="Mã người trả lời", en="Respondent ID")


YES_NO = {0: Text(vi="Không", en="No"), 1: Text(vi="Có", en="Yes")}


# The file label's simulated mark: short, since SPSS keeps 60 bytes of file label.
SIMULATED_FILE_LABEL = "SIMULATED / MÔ PHỎNG"

# The value label of the code an export gives an answer the questionnaire's routing skipped.
SKIPPED_LABEL = Text(vi="Không hỏi (bỏ qua theo điều kiện)", en="Not asked (skipped by routing)")
