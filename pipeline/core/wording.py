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
        "item": "Câu hỏi",
        "level": "Phương án",
        "mean": "Điểm trung bình (theo mã)",
        "top2": "Tỷ lệ chọn hai mức đầu của thang đo",
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
        "panel overlap": (
            "có {n} người trả lời cả hai đợt (hiệp phương sai ước lượng từ họ)"
        ),
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
        "item": "Question",
        "level": "Answer",
        "mean": "Mean score (codes)",
        "top2": "Share choosing the scale's first two options",
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
        "panel overlap": "{n} respondents answered both waves (covariance estimated from them)",
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
            "Tổng thể: {frame} ({population} {members}{source}). Mẫu phân tầng theo {stratum}, "
            "phân bổ tỷ lệ; mỗi người trả lời đại diện cho N_h/n_h {members} trong tầng của mình "
            "(trọng số). Ước lượng và sai số chuẩn tính theo thiết kế mẫu, có hệ số hiệu chỉnh "
            "tổng thể hữu hạn (FPC)."
        ),
        "frame_text_nofpc": (
            "Tổng thể: {frame} ({population} {members}{source}). Mẫu phân tầng theo {stratum}, "
            "phân bổ tỷ lệ; mỗi người trả lời đại diện cho N_h/n_h {members} trong tầng của mình "
            "(trọng số). Ước lượng và sai số chuẩn tính theo thiết kế mẫu, không hiệu chỉnh "
            "tổng thể hữu hạn."
        ),
        # A cluster sample (the design block's clusters): what was drawn at each stage and
        # what the standard errors account for.
        "cluster_text": (
            "Tổng thể: {frame} ({population} {members}{source}). Mẫu chùm {stages} giai đoạn, "
            "phân tầng theo {stratum}: giai đoạn 1 chọn {psu} đơn vị ({first}) trong các tầng, "
            "sau đó chọn {lower} trong các đơn vị đã chọn. Ước lượng và sai số chuẩn tính theo "
            "thiết kế mẫu chùm (tuyến tính hóa Taylor theo các đơn vị giai đoạn 1{fpc}); bậc "
            "tự do của thiết kế: {df} (số đơn vị giai đoạn 1 trừ số tầng). Sai số biên trong "
            "bảng dưới đây giả định mẫu ngẫu nhiên đơn giản trong từng tầng; do chọn mẫu theo "
            "chùm, sai số biên thực tế thường lớn hơn, như sai số chuẩn của từng ước lượng cho "
            "thấy."
        ),
        "cluster_fpc": ", có hiệu chỉnh tổng thể hữu hạn ở từng giai đoạn",
        "cluster_no_fpc": (
            ", coi các đơn vị giai đoạn 1 được chọn có hoàn lại (không hiệu chỉnh tổng thể hữu hạn)"
        ),
        "cluster_members": "người trả lời",
        "cluster_units": "đơn vị chùm",
        "cluster_and": " rồi ",
        "allocation": "Phân bổ mẫu và sai số biên theo tầng",
        "category": "Tầng",
        "population_units": "đơn vị tổng thể",
        "groups": "nhóm",
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
            "Các quy tắc làm sạch đã áp dụng cho các phiếu được giữ lại (chi tiết trong nhật "
            "ký làm sạch):"
        ),
        "rule": "Quy tắc",
        "rule_meaning": "Nghĩa là",
        "respondents": "Số người",
        "action": "Đã xử lý",
        "straight_lining_text": (
            "Trả lời một hàng thẳng (straight-lining) là chọn cùng một mức cho mọi ý của một "
            "câu hỏi dạng bảng, dấu hiệu có thể của việc trả lời không chú tâm; cũng có thể là "
            "ý kiến thật. {n} người ({share} số phiếu dùng được) có dấu hiệu này ở ít nhất một "
            "câu hỏi dạng bảng; xử lý: {action}. Vì vậy các bảng và kết quả tính cả những "
            "phiếu này."
        ),
        "results": "Kết quả theo phần của phiếu hỏi",
        "table_note": (
            "Tỷ lệ (%) có trọng số theo cột, khoảng tin cậy 95% (KTC 95%) trong ngoặc. "
            "Chữ cái: tỷ lệ của cột lớn hơn có ý nghĩa thống kê so với cột mang chữ cái đó. "
            "{dash}: không công bố (cơ số dưới {threshold} người trả lời, hoặc ẩn kèm để cột "
            "bị ẩn không thể tính ngược; xem phần Phương pháp). *: cơ số dưới {min_base}, "
            "cần đọc thận trọng."
        ),
        "suppression": "Quy tắc không công bố số liệu nhóm nhỏ",
        "suppression_text": (
            "Một quy tắc duy nhất áp dụng cho mọi bảng, biểu đồ, báo cáo và tệp bảng xuất ra: "
            "một cột (một nhóm người trả lời) có dưới {threshold} người trả lời câu hỏi thì "
            "không công bố tỷ lệ, khoảng tin cậy, chữ cái so sánh và cơ số có trọng số của "
            "cột đó (ô ghi —). Nếu trong một bảng chỉ có một cột bị ẩn, cột nhỏ nhất tiếp theo "
            "cũng bị ẩn, vì cột Chung được công bố và một cột bị ẩn duy nhất có thể tính ra từ "
            "cột Chung và các cột còn lại. Chữ cái so sánh ở các cột được công bố không bao "
            "giờ chỉ tới một cột bị ẩn. Cột Chung không bao giờ bị ẩn. Cột có dưới {min_base} "
            "người trả lời vẫn được công bố nhưng đánh dấu * (cần đọc thận trọng) và không "
            "được nêu thành kết quả chính."
        ),
        "base": "Cơ số (n)",
        "test": "Kiểm định Rao-Scott",
        "not_significant": "không có ý nghĩa thống kê",
        "significant": "có ý nghĩa thống kê",
        "grid_note": (
            "Tỷ lệ (%) có trọng số chọn hai mức đầu của thang đo ({top}); "
            "{dash}: không công bố (xem quy tắc ở phần Phương pháp); *: cơ số dưới {min_base}, "
            "cần đọc thận trọng."
        ),
        "multiple_note": (
            "Tỷ lệ (%) có trọng số người trả lời có chọn phương án (câu hỏi nhiều lựa chọn; "
            "tổng có thể vượt 100%)."
        ),
        "free_text": "Câu hỏi mở: các ý kiến tự do không được in trong báo cáo.",
        "free_text_shown": ("Câu hỏi mở: một số ý kiến, đã che tên người, số điện thoại và email."),
        "not_tabulated": "Câu hỏi số hoặc ngày: không lập bảng trong báo cáo này.",
        "not_tabulated_other": (
            "Ảnh, vị trí, tệp hoặc câu trả lời ghi lại khác: không lập bảng trong báo cáo này."
        ),
        "repeat_tabulated": (
            "Phần hỏi lặp lại cho từng mục ({n} mục được giữ lại): các câu hỏi của phần này "
            "được lập bảng riêng, mỗi mục một dòng, trong tệp {file}."
        ),
        "figure_bars": "Tỷ lệ (%) theo {banner}, KTC 95%",
        "figure_likert": (
            "Phân bố câu trả lời (toàn mẫu, %): bên trái vạch 0 là các mức không tích cực, bên "
            "phải là các mức tích cực"
        ),
        "dk_refused": "Không biết / không trả lời (%)",
        "axis_percent": "Tỷ lệ (%) trong số người có câu trả lời",
        "alt_likert": (
            "Biểu đồ thanh phân kỳ: phân bố câu trả lời cho «{question}». Tỷ lệ «{favourable}» "
            "cao nhất ở «{top}» ({top_value}%) và thấp nhất ở «{bottom}» ({bottom_value}%)."
        ),
        "alt_bars": (
            "Biểu đồ cột: tỷ lệ (%) từng phương án của «{question}», chung và theo {banner}, "
            "kèm khoảng tin cậy 95%."
        ),
        "alt_multiple": (
            "Biểu đồ thanh: tỷ lệ (%) chọn từng phương án của «{question}», kèm khoảng tin cậy "
            "95%; được chọn nhiều nhất: «{top}» ({value}%)."
        ),
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
        "design_stratified": "thiết kế mẫu phân tầng",
        "design_clustered": "thiết kế mẫu chùm phân tầng",
        "test_notes_text": (
            "Kiểm định độc lập Rao-Scott (hiệu chỉnh bậc hai, thống kê F) theo {design}. "
            "Giá trị p được hiệu chỉnh theo Benjamini-Hochberg trên toàn bộ các bảng "
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
            "«{option}» ở câu «{question}»: nhóm {group} {value}, chung {total}; chênh lệch "
            "{diff} {pp} ({ci}: {low} đến {high}; p hiệu chỉnh BH {p})."
        ),
        "ci_diff": "KTC 95% của chênh lệch",
        "brief_title": "Tóm tắt theo {strata}",
        "brief_intro": (
            "Nhóm {group}: {n} người trả lời trên tổng số {population} {members}; sai số biên "
            "±{moe} điểm phần trăm."
        ),
        "key_figures": "Các chỉ số chính: nhóm so với chung",
        "indicator": "Chỉ số",
        "group": "Nhóm",
        "difference": "Chênh lệch (đpt, KTC 95%)",
        "either_of": "«{}» hoặc «{}»",
        "brief_note": (
            "Chỉ số: tỷ lệ (%) có trọng số chọn một trong hai phương án đầu của thang đo, với "
            "KTC 95% ({counted}). Chênh lệch = nhóm − chung, với KTC 95% của chính chênh lệch "
            "đó; ▲ ▼: có ý nghĩa thống kê (hiệu chỉnh Benjamini-Hochberg). {dash}: không công "
            "bố (cơ số dưới {threshold} hoặc ẩn kèm). *: cơ số dưới {min_base}, đọc thận trọng."
        ),
        "brief_findings": "Khác biệt có ý nghĩa thống kê của nhóm",
        "comparison_title": "So sánh giữa hai đợt khảo sát",
        "change_sentence": (
            "«{option}» ở «{question}»: {value_a} năm {a}, {value_b} năm {b}; thay đổi "
            "{a}→{b}: {diff} {pp} ({ci}: {low} đến {high}; p hiệu chỉnh BH {p})."
        ),
        "rose": "tăng",
        "fell": "giảm",
        "to_up": "lên",
        "to_down": "xuống",
        "option": "Phương án",
        "change": "Thay đổi {a}→{b} (đpt, KTC 95%)",
        "mean_score": "Điểm trung bình",
        "comparison_note": (
            "Tỷ lệ (%) có trọng số của từng đợt; thay đổi = {b} − {a}, tính bằng điểm phần "
            "trăm với KTC 95%. ▲ ▼: thay đổi có ý nghĩa thống kê (kiểm định của chính thay đổi "
            "đó, hiệu chỉnh Benjamini-Hochberg, KTC không chứa 0)."
        ),
        "question": "Câu hỏi",
        "by_section": "Thay đổi theo phần của phiếu hỏi",
        "by_category": "Thay đổi theo {strata}",
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
            "Population: {frame} ({population} {members}{source}). Stratified sample by "
            "{stratum}, proportional allocation; each respondent stands for N_h/n_h {members} of "
            "their stratum (the weight). Estimates and standard errors are design-based, with "
            "the finite population correction (FPC)."
        ),
        "frame_text_nofpc": (
            "Population: {frame} ({population} {members}{source}). Stratified sample by "
            "{stratum}, proportional allocation; each respondent stands for N_h/n_h {members} of "
            "their stratum (the weight). Estimates and standard errors are design-based, "
            "without a finite population correction."
        ),
        "cluster_text": (
            "Population: {frame} ({population} {members}{source}). A {stages}-stage cluster "
            "sample, stratified by {stratum}: {psu} first-stage units ({first}) were drawn "
            "within the strata, then {lower} within the units drawn. Estimates and standard "
            "errors are design-based for this cluster design (Taylor linearisation over the "
            "first-stage units{fpc}); the design has {df} degrees of freedom (first-stage units "
            "minus strata). The margins of error in the table below assume simple random "
            "sampling within each stratum; a cluster sample's real margins are usually wider, "
            "as each estimate's own standard error shows."
        ),
        "cluster_fpc": ", with the finite population correction at each stage",
        "cluster_no_fpc": (
            ", the first-stage units taken as drawn with replacement (no finite population "
            "correction)"
        ),
        "cluster_members": "respondents",
        "cluster_units": "clusters",
        "cluster_and": ", then ",
        "allocation": "Allocation and margins of error by stratum",
        "category": "Stratum",
        "population_units": "population units",
        "groups": "group",
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
        "rules_text": "The cleaning rules that fired on the questionnaires kept (details in the "
        "cleaning log):",
        "rule": "Rule",
        "rule_meaning": "Meaning",
        "respondents": "Respondents",
        "action": "What was done",
        "straight_lining_text": (
            "Straight-lining means choosing the same option for every item of a grid "
            "question, a possible sign of inattentive answering, though it can also be a real "
            "opinion. {n} respondents ({share} of the usable questionnaires) did so in at "
            "least one grid; treatment: {action}. The tables and findings therefore include "
            "them."
        ),
        "results": "Results by section of the questionnaire",
        "table_note": (
            "Weighted column percentages, 95% confidence interval (95% CI) in brackets. "
            "Letters: the column's percentage is significantly larger than that of the "
            "lettered column. {dash}: not shown (base below {threshold} respondents, or "
            "hidden with such a column so that it cannot be worked out; see the Methodology). "
            "*: base below {min_base}, read with care."
        ),
        "suppression": "Rule for not showing small groups",
        "suppression_text": (
            "One rule applies to every table, chart, report and exported table workbook: a "
            "column (a group of respondents) with fewer than {threshold} respondents to the "
            "question shows no percentage, confidence interval, comparison letter or "
            "weighted base (the cell reads —). When only one column of a table is hidden, "
            "the next smallest column is hidden too, because the Total is published and a "
            "single hidden column could be worked out from the Total and the other columns. "
            "Comparison letters in the columns shown never point at a hidden column. The "
            "Total is never hidden. Columns with fewer than {min_base} respondents are shown "
            "but marked * (read with care) and never reported as a finding."
        ),
        "base": "Base (n)",
        "test": "Rao-Scott test",
        "not_significant": "not significant",
        "significant": "significant",
        "grid_note": (
            "Weighted percentage choosing the top two points of the scale ({top}); "
            "{dash}: not shown (see the rule in the Methodology); *: base below {min_base}, "
            "read with care."
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
        "not_tabulated_other": (
            "Photo, location, file or other recorded answer: not tabulated in this report."
        ),
        "repeat_tabulated": (
            "Asked once for each entry ({n} entries kept): the questions of this repeat are "
            "tabulated on their own, one row per entry, in the file {file}."
        ),
        "figure_bars": "Percentage by {banner}, 95% CI",
        "figure_likert": (
            "Distribution of answers (whole sample, %): unfavourable answers left of the zero "
            "line, favourable answers right of it"
        ),
        "dk_refused": "Don't know / refused (%)",
        "axis_percent": "Percentage of those who answered",
        "alt_likert": (
            "Diverging bar chart: distribution of answers to “{question}”. The share answering "
            "“{favourable}” is highest for “{top}” ({top_value}%) and lowest for “{bottom}” "
            "({bottom_value}%)."
        ),
        "alt_bars": (
            "Bar chart: percentage choosing each option of “{question}”, overall and by "
            "{banner}, with 95% confidence intervals."
        ),
        "alt_multiple": (
            "Bar chart: percentage choosing each option of “{question}”, with 95% confidence "
            "intervals; most chosen: “{top}” ({value}%)."
        ),
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
        "design_stratified": "stratified design",
        "design_clustered": "stratified cluster design",
        "test_notes_text": (
            "Rao-Scott test of independence (second-order correction, F statistic) under the "
            "{design}. p-values are adjusted with Benjamini-Hochberg across all "
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
            "“{option}” to “{question}”: {value} among {group} against {total} overall, a "
            "difference of {diff} {pp} ({ci} {low} to {high}; BH-adjusted p {p})."
        ),
        "ci_diff": "95% CI of the difference",
        "brief_title": "Brief by {strata}",
        "brief_intro": (
            "{group}: {n} respondents out of {population} {members}; margin of error "
            "±{moe} percentage points."
        ),
        "key_figures": "Key figures: the category against the total",
        "indicator": "Indicator",
        "group": "Category",
        "difference": "Difference (pp, 95% CI)",
        "either_of": "“{}” or “{}”",
        "brief_note": (
            "Indicator: weighted percentage choosing either of the scale's first two options, "
            "with its 95% CI ({counted}). Difference = category − total, with the 95% CI of "
            "that very difference; ▲ ▼: significant (Benjamini-Hochberg-adjusted). {dash}: not "
            "shown (base below {threshold}, or hidden with such a column). *: base below "
            "{min_base}, read with care."
        ),
        "brief_findings": "Statistically significant differences of the category",
        "comparison_title": "Comparison of two survey waves",
        "change_sentence": (
            "“{option}” on “{question}”: {value_a} in {a}, {value_b} in {b}; change {a}→{b}: "
            "{diff} {pp} ({ci} {low} to {high}; BH-adjusted p {p})."
        ),
        "rose": "rose",
        "fell": "fell",
        "to_up": "to",
        "to_down": "to",
        "option": "Option",
        "change": "Change {a}→{b} (pp, 95% CI)",
        "mean_score": "Mean score",
        "comparison_note": (
            "Weighted percentages of each wave; change = {b} − {a}, in percentage points with "
            "its 95% CI. ▲ ▼: a significant change (the test of that very change, "
            "Benjamini-Hochberg-adjusted, CI excluding 0)."
        ),
        "question": "Question",
        "by_section": "Changes by section of the questionnaire",
        "by_category": "Changes by {strata}",
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
        "small": (
            "* cơ số dưới {min_base}: cần thận trọng; — không công bố: cơ số dưới {suppress}, "
            "hoặc cột nhỏ nhất còn lại khi chỉ một cột bị ẩn (để cột bị ẩn không thể tính ra "
            "từ cột Chung và các cột khác)."
        ),
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
        "small": (
            "* base below {min_base}: read with care; — not shown: base below {suppress}, or "
            "the smallest other column when only one column is hidden (so that the hidden "
            "column cannot be worked out from the Total and the other columns)."
        ),
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
        "form_unversioned": "Mã phiếu {form_id}",
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
        "form_unversioned": "Form {form_id}",
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



SIMULATED_NOTE = "DỮ LIỆU MÔ PHỎNG / SIMULATED DATA"


RESPONDENT_ID_LABEL = Text(vi="Mã người trả lời", en="Respondent ID")


YES_NO = {0: Text(vi="Không", en="No"), 1: Text(vi="Có", en="Yes")}


# The file label's simulated mark: short, since SPSS keeps 60 bytes of file label.
SIMULATED_FILE_LABEL = "SIMULATED / MÔ PHỎNG"

# The value label of the code an export gives an answer the questionnaire's routing skipped.
SKIPPED_LABEL = Text(vi="Không hỏi (bỏ qua theo điều kiện)", en="Not asked (skipped by routing)")


# Cleaning rules as the reports name them: (name, what it means). Keys are the rule names of
# pipeline.model.cleaning_rules.Rule; a reader never sees the identifiers.
CLEANING_RULE_WORDS: dict[str, dict[str, tuple[str, str]]] = {
    "vi": {
        "normalise": ("Chuẩn hóa", "bỏ khoảng trắng thừa, chuẩn hóa Unicode, “1.0” thành 1"),
        "not_a_number": ("Không phải số", "chữ ở chỗ cần một mã hoặc một số"),
        "invalid_code": ("Mã không hợp lệ", "mã không có trong danh sách phương án"),
        "invalid_dichotomy": ("Lựa chọn không hợp lệ", "cột nhiều lựa chọn khác 0 và 1"),
        "out_of_range": ("Ngoài khoảng", "số nằm ngoài khoảng cho phép của câu hỏi"),
        "invalid_date": ("Ngày không hợp lệ", "không đúng dạng năm-tháng-ngày"),
        "skip_violation": ("Trả lời câu không áp dụng",
                           "có câu trả lời ở câu mà bước nhảy của phiếu bỏ qua"),
        "required_missing": ("Thiếu câu bắt buộc", "bỏ trống câu bắt buộc"),
        "constraint": ("Vi phạm ràng buộc", "câu trả lời trái với ràng buộc của câu hỏi"),
        "missing_id": ("Thiếu mã người trả lời", "phiếu không có mã"),
        "empty_row": ("Phiếu trống", "không có câu trả lời nào"),
        "duplicate_id": ("Trùng mã", "phiếu sau mang mã đã gặp"),
        "duplicate_content": ("Trùng nội dung", "giống hệt một phiếu trước, khác mã"),
        "straight_lining": ("Trả lời một hàng thẳng",
                            "chọn cùng một mức cho mọi ý của một câu hỏi dạng bảng"),
        "short_duration": ("Thời gian quá ngắn", "thời gian trả lời dưới mức tối thiểu"),
    },
    "en": {
        "normalise": ("Normalised", "extra spaces removed, Unicode normalised, “1.0” read as 1"),
        "not_a_number": ("Not a number", "text where a code or a number is expected"),
        "invalid_code": ("Invalid code", "a code that is not among the options"),
        "invalid_dichotomy": ("Invalid choice", "a multiple-choice column other than 0 or 1"),
        "out_of_range": ("Out of range", "a number outside the question's range"),
        "invalid_date": ("Invalid date", "not a year-month-day date"),
        "skip_violation": ("Answer to a skipped question",
                           "an answer where the questionnaire's routing skips the question"),
        "required_missing": ("Required answer missing", "a required question left blank"),
        "constraint": ("Constraint not met", "an answer that breaks the question's constraint"),
        "missing_id": ("Missing respondent id", "a questionnaire without an id"),
        "empty_row": ("Empty questionnaire", "no answer at all"),
        "duplicate_id": ("Duplicate id", "a later questionnaire with an id already seen"),
        "duplicate_content": ("Duplicate answers", "identical to an earlier one, another id"),
        "straight_lining": ("Straight-lining",
                            "the same option chosen for every item of a grid question"),
        "short_duration": ("Too fast", "answered in less than the minimum time"),
    },
}  # fmt: skip

CLEANING_ACTION_WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "normalise": "đã chuẩn hóa",
        "set_missing": "đặt thành dữ liệu thiếu",
        "flag": "đánh dấu, vẫn giữ trong phân tích",
        "quarantine": "tách riêng, không phân tích",
    },
    "en": {
        "normalise": "normalised",
        "set_missing": "set to missing",
        "flag": "flagged, kept in the analysis",
        "quarantine": "set aside, not analysed",
    },
}

# The reports' one-minute summary, methodology boxes and colophon.
SUMMARY_WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "changes_intro": (
            "Các thay đổi dưới đây giữa đợt {a} và đợt {b} có ý nghĩa thống kê: kiểm định của "
            "chính thay đổi đó, hiệu chỉnh Benjamini-Hochberg trên mọi thay đổi được xem xét "
            "(mức {alpha}). Đây là mô tả thay đổi giữa hai đợt, không phải quan hệ nhân quả."
        ),
        "no_changes": (
            "Không có thay đổi nào giữa đợt {a} và đợt {b} có ý nghĩa thống kê sau hiệu chỉnh "
            "Benjamini-Hochberg (mức {alpha})."
        ),
        "comparison_method": (
            "Hai đợt khảo sát được so sánh trên các câu hỏi chung (đã đối chiếu tên và mã "
            "giữa hai phiếu): đợt {a} có {n_a} và đợt {b} có {n_b} phiếu dùng được. Mỗi đợt là "
            "một mẫu phân tầng theo {strata} với trọng số N_h/n_h; sai số chuẩn tính theo thiết "
            "kế, {fpc}."
        ),
        "with_fpc": "có hiệu chỉnh tổng thể hữu hạn",
        "without_fpc": "không hiệu chỉnh tổng thể hữu hạn",
        "comparison_panel": (
            "{linked} người trả lời cả hai đợt: hiệp phương sai của họ được tính vào sai "
            "số của mỗi thay đổi."
        ),
        "comparison_independent": "Hai mẫu độc lập: không ai được liên kết giữa hai đợt.",
        "comparison_tests": (
            "Mỗi thay đổi (tỷ lệ đợt sau − đợt trước, tính bằng điểm phần trăm) có khoảng tin "
            "cậy 95% và kiểm định riêng; giá trị p được hiệu chỉnh Benjamini-Hochberg trên mọi "
            "thay đổi được xem xét. Kiểm định Rao-Scott dưới mỗi bảng so sánh toàn bộ phân bố "
            "của câu hỏi giữa hai đợt."
        ),
        "alt_differences": (
            "Biểu đồ điểm: thay đổi {a}→{b} (điểm phần trăm) của từng phương án trong phần "
            "«{section}», kèm khoảng tin cậy 95%; điểm màu đỏ là thay đổi có ý nghĩa thống kê."
        ),
        "alt_slope": (
            "Biểu đồ độ dốc: điểm trung bình của từng câu hỏi năm {a} và năm {b} trong nhóm "
            "{category}; đường màu đỏ là thay đổi có ý nghĩa thống kê."
        ),
        "at_a_glance": "Kết quả chính trong một phút",
        "headline": "{value} chọn {option} ở «{item}» ({ci}: {low}–{high}).",
        "headline_no_change": "Đây là đợt khảo sát đầu tiên: chưa có số liệu để so sánh.",
        "headline_change": (
            "So với đợt {wave} ({earlier}): {diff} {pp} ({ci}: {low} đến {high}), {verdict}."
        ),
        "change_significant": "thay đổi có ý nghĩa thống kê",
        "change_not_significant": "chưa đủ bằng chứng về thay đổi",
        "change_not_significant_adjusted": (
            "chưa có ý nghĩa thống kê khi tính đến việc nhiều thay đổi được xem xét cùng lúc "
            "(p sau hiệu chỉnh Benjamini-Hochberg = {p})"
        ),
        "headline_chart": "Các chỉ số chính (toàn mẫu, %, KTC 95%)",
        "headline_alt": (
            "Biểu đồ thanh: {n} chỉ số chính của toàn mẫu với khoảng tin cậy 95%; cao nhất: "
            "«{top}» ({value}%)."
        ),
        "toc": "Mục lục",
        "group_differences": "Khác biệt giữa các nhóm",
        "response": "Số phiếu thu về",
        "response_text": (
            "Thu về {received} phiếu; {kept} phiếu dùng được ({usable} số phiếu thu về), bằng "
            "{coverage} tổng thể. Khung mẫu không ghi số phiếu đã phát ra, nên không tính được "
            "tỷ lệ phản hồi theo chuẩn AAPOR; bảng phân bổ dưới đây so sánh số phiếu thực tế "
            "của từng tầng với phân bổ tỷ lệ."
        ),
        "weighting": "Gia quyền",
        "weighting_text": (
            "Mỗi người trả lời được gán trọng số N_h/n_h: số {members} của tầng chia cho số "
            "người trả lời của tầng, để mỗi tầng có đúng tỷ trọng của nó trong tổng thể. "
            "Sai số chuẩn tính theo thiết kế phân tầng (phương pháp tuyến tính hóa, như gói "
            "survey của R)."
        ),
        "weighting_text_clustered": (
            "Mỗi người trả lời được gán trọng số N_h/n_h: số {members} của tầng chia cho số "
            "người trả lời của tầng, để mỗi tầng có đúng tỷ trọng của nó trong tổng thể. "
            "Sai số chuẩn tính theo thiết kế mẫu chùm phân tầng (các đơn vị giai đoạn 1 trong "
            "từng tầng; phương pháp tuyến tính hóa, như gói survey của R)."
        ),
        "weighting_calibrated": "Trọng số được hiệu chỉnh thêm theo: {margins}.",
        "frame_older": (
            "Số liệu khung mẫu tính đến {frame_date}, trước thời gian thu thập của đợt này "
            "({wave}): trọng số giả định cơ cấu {members} theo {strata} không đổi kể từ đó."
        ),
        "how_to_read": "Cách đọc khoảng tin cậy và “có ý nghĩa thống kê”",
        "how_to_read_text": (
            "Mỗi tỷ lệ là ước lượng từ một mẫu, không phải đếm toàn bộ {members}. Khoảng tin "
            "cậy 95% (KTC 95%) là khoảng giá trị mà tỷ lệ thật của tổng thể nhiều khả năng nằm "
            "trong đó: nếu lặp lại khảo sát nhiều lần, khoảng tính theo cách này chứa giá trị "
            "thật 95 lần trong 100. Khoảng càng hẹp, ước lượng càng chính xác; nhóm nhỏ có "
            "khoảng rộng. Một khác biệt (giữa một nhóm và mức chung, giữa hai nhóm hay giữa "
            "hai đợt) được gọi là “có ý nghĩa thống kê” khi kiểm định của chính khác biệt đó "
            "cho giá trị p, sau hiệu chỉnh Benjamini-Hochberg cho toàn bộ các khác biệt được "
            "xem xét, nhỏ hơn {alpha}; khi đó khoảng tin cậy của khác biệt không chứa 0. “Có "
            "ý nghĩa thống kê” không có nghĩa là lớn hay quan trọng, và không nói lên nguyên "
            "nhân."
        ),
        "about": "Thông tin về báo cáo",
        "published": "Ngày phát hành",
        "data_version": "Phiên bản dữ liệu",
        "data_version_text": "mã nguồn {git}; dữ liệu có trọng số {data} (md5, như DVC ghi)",
        "citation": "Trích dẫn đề nghị",
        "citation_text": "{organisation} ({year}). {title}. {subtitle}. Phiên bản {version}.",
        "composition_note": (
            "Cơ cấu mẫu (theo {groups}) được trình bày trong phần Phương pháp và các bảng, "
            "không được nêu thành kết quả."
        ),
    },
    "en": {
        "changes_intro": (
            "The changes below between {a} and {b} are statistically significant: the test of "
            "that very change, Benjamini-Hochberg-adjusted across all the changes examined "
            "(level {alpha}). They describe change between the waves, not its causes."
        ),
        "no_changes": (
            "No change between {a} and {b} is statistically significant after "
            "Benjamini-Hochberg adjustment (level {alpha})."
        ),
        "comparison_method": (
            "The two waves are compared on their common questions (names and codes matched "
            "between the questionnaires): {n_a} usable questionnaires in {a}, {n_b} in {b}. "
            "Each wave is a sample stratified by {strata} with weights N_h/n_h; "
            "standard errors are design-based, {fpc}."
        ),
        "with_fpc": "with the finite population correction",
        "without_fpc": "without a finite population correction",
        "comparison_panel": (
            "{linked} respondents answered both waves: their covariance enters the standard error "
            "of each change."
        ),
        "comparison_independent": "The samples are independent: nobody is linked across waves.",
        "comparison_tests": (
            "Each change (later minus earlier wave, in percentage points) has its own 95% "
            "confidence interval and test; p-values are Benjamini-Hochberg-adjusted across all "
            "the changes examined. The Rao-Scott test under each table compares the question's "
            "whole distribution between the waves."
        ),
        "alt_differences": (
            "Dot chart: the change {a}→{b} (percentage points) of each option in the section "
            "“{section}”, with 95% confidence intervals; red dots are significant changes."
        ),
        "alt_slope": (
            "Slope chart: each question's mean score in {a} and in {b} in the group "
            "{category}; red lines are significant changes."
        ),
        "at_a_glance": "Key results in one minute",
        "headline": "{value} answer {option} on “{item}” ({ci}: {low}–{high}).",
        "headline_no_change": "This is the first wave: there is no earlier figure to compare.",
        "headline_change": (
            "Against {wave} ({earlier}): {diff} {pp} ({ci} {low} to {high}), {verdict}."
        ),
        "change_significant": "a statistically significant change",
        "change_not_significant": "not enough evidence of a change",
        "change_not_significant_adjusted": (
            "not significant once the many changes examined are allowed for "
            "(Benjamini-Hochberg-adjusted p = {p})"
        ),
        "headline_chart": "Key figures (whole sample, %, 95% CI)",
        "headline_alt": (
            "Bar chart: {n} key figures of the whole sample with 95% confidence intervals; "
            "highest: “{top}” ({value}%)."
        ),
        "toc": "Contents",
        "group_differences": "Differences between groups",
        "response": "Questionnaires returned",
        "response_text": (
            "{received} questionnaires returned; {kept} usable ({usable} of those returned), "
            "{coverage} of the population. The frame does not record how many questionnaires "
            "were handed out, so an AAPOR response rate cannot be computed; the allocation "
            "table below compares each stratum's realised sample with the proportional "
            "allocation."
        ),
        "weighting": "Weighting",
        "weighting_text": (
            "Each respondent carries the weight N_h/n_h: the stratum's {members} divided by its "
            "respondents, so that every stratum counts with its share of the population. "
            "Standard errors follow the stratified design (linearisation, as R's survey "
            "package)."
        ),
        "weighting_text_clustered": (
            "Each respondent carries the weight N_h/n_h: the stratum's {members} divided by its "
            "respondents, so that every stratum counts with its share of the population. "
            "Standard errors follow the stratified cluster design (the first-stage units "
            "within their strata; linearisation, as R's survey package)."
        ),
        "weighting_calibrated": "The weights were further calibrated to: {margins}.",
        "frame_older": (
            "The frame's counts date from {frame_date}, before this wave's fieldwork ({wave}): "
            "the weights assume the make-up of the {members} by {strata} has not changed since."
        ),
        "how_to_read": "How to read a confidence interval and “significant”",
        "how_to_read_text": (
            "Each percentage is estimated from a sample, not counted over all the {members}. The "
            "95% confidence interval (95% CI) is the range in which the population's true "
            "percentage most likely lies: intervals computed this way contain the true value "
            "95 times out of 100 repeated surveys. The narrower the interval, the more precise "
            "the estimate; small groups have wide intervals. A difference (between a group and "
            "the total, between two groups or between two waves) is called “significant” when "
            "the test of that very difference gives a p-value below {alpha} after "
            "Benjamini-Hochberg adjustment across all the differences examined; its confidence "
            "interval then excludes 0. “Significant” does not mean large or important, and "
            "says nothing about causes."
        ),
        "about": "About this report",
        "published": "Published",
        "data_version": "Data version",
        "data_version_text": "code {git}; weighted data {data} (md5, as DVC records it)",
        "citation": "Suggested citation",
        "citation_text": "{organisation} ({year}). {title}. {subtitle}. Version {version}.",
        "composition_note": (
            "The sample's make-up (by {groups}) is "
            "described in the Methodology and the tables, and is not reported as a finding."
        ),
    },
}
