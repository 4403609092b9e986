"""Free-text masking: names, phone numbers and e-mail addresses never reach a reader."""

import unicodedata

import pytest

from pipeline.stages.report.masking import EMAIL_MASK, NAME_MASK, PHONE_MASK, mask_free_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Đồng chí Nguyễn Văn An ở phòng tổ chức đi muộn.",
            f"Đồng chí {NAME_MASK} ở phòng tổ chức đi muộn.",
        ),
        ("Trần Thị Bích cần được xem xét.", f"{NAME_MASK} cần được xem xét."),
        ("anh Hùng nói đúng", f"anh {NAME_MASK} nói đúng"),
        ("Gọi 0912 345 678 hoặc 0912.345.678", f"Gọi {PHONE_MASK} hoặc {PHONE_MASK}"),
        ("Số bàn +84 28 3829 1234.", f"Số bàn {PHONE_MASK}."),
        ("Thư: lan.nguyen@example.vn", f"Thư: {EMAIL_MASK}"),
    ],
)
def test_personal_details_are_masked(text, expected):
    assert mask_free_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Cần tăng cường sinh hoạt chuyên đề, ưu đãi đúng người.",
        "Năm 2021 có 1375 người trả lời, tỷ lệ 0,912345678.",
        "Ủy ban kiểm tra cần làm rõ.",
    ],
)
def test_ordinary_comments_are_left_alone(text):
    assert mask_free_text(text) == text


def test_decomposed_text_is_masked_too():
    nfd = unicodedata.normalize("NFD", "Chị Lan nói")
    assert mask_free_text(nfd) == f"Chị {NAME_MASK} nói"
