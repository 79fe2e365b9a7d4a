"""Terms on sentences written for these tests: khóa in Arabic or Roman numerals, ranges with spaces, several
ranges after 'các nhiệm kỳ', a body without its province taking the one its sentence names, abbreviations
written out, the office Chủ tịch nước, a long congress name."""

from __future__ import annotations

import pytest

from builder.extract import extract
from builder.text.ingest import make_article


def terms(text: str) -> set[tuple[str, str]]:
    return {(t.body, f"{t.start}-{t.end}") for t in extract(make_article("t1", "t1.txt", text)).terms}


@pytest.mark.parametrize("text, term", [
    ("Ban Chấp hành Đảng bộ tỉnh Tuyên Quang khóa 17, nhiệm kỳ 2020 - 2025 ra mắt.",
     ("Ban Chấp hành Đảng bộ tỉnh Tuyên Quang khóa 17", "2020-2025")),
    ("Đại hội đại biểu Đảng bộ Khối các cơ quan Trung ương lần thứ XIII, nhiệm kỳ 2020 - 2025 khai mạc.",
     ("Đại hội đại biểu Đảng bộ Khối các cơ quan Trung ương lần thứ XIII", "2020-2025")),
    ("Ông Lê Văn Tám giữ chức Bí thư Đảng ủy xã Hòa Phong nhiệm kỳ 2015-2020.",
     ("Đảng ủy xã Hòa Phong", "2015-2020")),
    ("Theo Đề án nhân sự Đại hội đại biểu toàn quốc MTTQ Việt Nam lần thứ IX, nhiệm kỳ 2019-2024, có 5 vị.",
     ("Đại hội đại biểu toàn quốc Mặt trận Tổ quốc Việt Nam lần thứ IX", "2019-2024")),
    ("Ông Trần Văn Đức, Chủ tịch nước CHXHCN Việt Nam nhiệm kỳ 2016 -2021 tuyên thệ.", ("Chủ tịch nước", "2016-2021")),
])
def test_term_owners(text, term):
    assert term in terms(text)


def test_several_ranges_after_cac_nhiem_ky_and_this_province():
    got = terms("Ủy ban đề nghị xem xét, kỷ luật Ban Thường vụ Tỉnh ủy Sơn La các nhiệm kỳ 2010-2015, 2015-2020, "
                "Ban cán sự đảng UBND tỉnh này các nhiệm kỳ 2011-2016, 2016-2021.")
    assert {("Ban Thường vụ Tỉnh ủy Sơn La", "2010-2015"), ("Ban Thường vụ Tỉnh ủy Sơn La", "2015-2020"),
            ("Ban cán sự đảng Ủy ban nhân dân tỉnh Sơn La", "2011-2016"),
            ("Ban cán sự đảng Ủy ban nhân dân tỉnh Sơn La", "2016-2021")} <= got


def test_a_bare_committee_takes_the_province_its_sentence_names():
    text = ("Sơn La có nữ Bí thư. Sơn La tổ chức đại hội. Ngày 21/10, Hội nghị lần thứ nhất Ban Chấp hành Đảng bộ "
            "tỉnh Hà Giang khóa XVII bầu bà Vàng Thị Mai giữ chức Bí thư Tỉnh ủy khóa XVII, nhiệm kỳ 2020-2025.")
    got = terms(text)
    assert ("Tỉnh ủy Hà Giang khóa XVII", "2020-2025") in got
    assert not any("Sơn La" in body for body, _ in got)


def test_a_term_never_spans_another_term():
    got = terms("Ông Lê Văn Tám, Chủ tịch UBND tỉnh Sơn La nhiệm kỳ 2016 - 2021 tái đắc cử Chủ tịch UBND tỉnh Sơn La "
                "nhiệm kỳ 2021 - 2026.")
    assert all("nhiệm kỳ" not in body for body, _ in got)
