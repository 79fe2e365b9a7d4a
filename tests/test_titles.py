"""Titles and bodies on sentences written for these tests (fictional people): state posts decomposed by the
table, bodies written short, bodies implied by the article, an unnamed province keeping its level word,
units below the province, roles joined by ' - ' sharing a body."""

from __future__ import annotations

import pytest

from builder.extract import extract
from builder.ingest import make_article


def holds(text: str) -> set[tuple[str, str, str]]:
    return {(h.person, h.role, h.body) for h in extract(make_article("t1", "t1.txt", text)).holdings}


@pytest.mark.parametrize("text, hold", [
    # no province named anywhere: the level word stays
    ("Ông Lý Văn Sơn, Phó Bí thư Tỉnh ủy, Chủ tịch Ủy ban nhân dân tỉnh phát biểu.",
     ("Lý Văn Sơn", "Chủ tịch", "Ủy ban nhân dân tỉnh")),
    ("Bà Vi Thị Nga, Chủ tịch Hội đồng nhân dân tỉnh, dự hội nghị.",
     ("Vi Thị Nga", "Chủ tịch", "Hội đồng nhân dân tỉnh")),
    ("Ông Hà Quang Tuấn, Trưởng đoàn Đại biểu Quốc hội tỉnh, phát biểu.",
     ("Hà Quang Tuấn", "Trưởng đoàn", "Đoàn đại biểu Quốc hội tỉnh")),
])
def test_an_unnamed_province_keeps_its_level_word(text, hold):
    assert hold in holds(text)


WARD = ("Đảng bộ phường Tân Định tổng kết năm 2024\n\n"
        "Sáng 20/12, Đảng bộ phường Tân Định tổ chức hội nghị tổng kết. Dự hội nghị có các đồng chí: "
        "Lê Thị Hạnh – Bí thư Đảng ủy, Chủ tịch HĐND phường; Võ Minh Quân – Phó Bí thư Đảng ủy, Chủ tịch UBND "
        "phường; Đào Văn Lợi – Ủy viên Ban Thường vụ.")


@pytest.mark.parametrize("hold", [
    ("Lê Thị Hạnh", "Bí thư", "Đảng ủy phường Tân Định"),
    ("Lê Thị Hạnh", "Chủ tịch", "Hội đồng nhân dân phường Tân Định"),
    ("Võ Minh Quân", "Chủ tịch", "Ủy ban nhân dân phường Tân Định"),
    ("Đào Văn Lợi", "Ủy viên", "Ban Thường vụ Đảng ủy phường Tân Định"),
])
def test_bodies_of_the_ward_the_article_is_about(hold):
    assert hold in holds(WARD)


def test_a_named_commune_body():
    assert ("Mai Văn Thái", "Chủ tịch", "Ủy ban nhân dân xã Hòa Tiến") in holds(
        "Ông Mai Văn Thái, Chủ tịch UBND xã Hòa Tiến, báo cáo tại hội nghị.")
