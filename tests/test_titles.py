"""Titles and bodies on sentences written for these tests (fictional people): state posts decomposed by the
table, bodies written short, bodies implied by the article, an unnamed province keeping its level word,
units below the province, roles joined by ' - ' sharing a body."""

from __future__ import annotations

import pytest

from builder.extract import extract
from builder.text.ingest import make_article


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


@pytest.mark.parametrize("text, hold", [
    ("Chủ tịch Quốc hội Đinh Văn Hải phát biểu khai mạc.", ("Đinh Văn Hải", "Chủ tịch", "Quốc hội")),
    ("Phó Chủ tịch Quốc hội Lưu Thị Hằng chủ trì phiên họp.", ("Lưu Thị Hằng", "Phó Chủ tịch", "Quốc hội")),
    ("Phó Chủ tịch nước Kha Văn Bình dự lễ.", ("Kha Văn Bình", "Phó Chủ tịch nước", "Nhà nước")),
    ("Ông Tạ Quốc Huy (Bộ trưởng Quốc phòng) dự lễ.", ("Tạ Quốc Huy", "Bộ trưởng", "Bộ Quốc phòng")),
    ("Bộ trưởng Ngoại giao Lâm Văn Đức tiếp đoàn.", ("Lâm Văn Đức", "Bộ trưởng", "Bộ Ngoại giao")),
    ("Thứ trưởng Công an Âu Văn Tài phát biểu.", ("Âu Văn Tài", "Thứ trưởng", "Bộ Công an")),
    ("Quyền Bộ trưởng Y tế Khúc Thị Lan dự họp.", ("Khúc Thị Lan", "Quyền Bộ trưởng", "Bộ Y tế")),
    ("Bí thư Hà Nội Dương Quang Vinh phát biểu.", ("Dương Quang Vinh", "Bí thư", "Thành ủy Hà Nội")),
    ("Tổng Tham mưu trưởng QĐND Việt Nam Mạc Văn Hùng dự lễ.",
     ("Mạc Văn Hùng", "Tổng Tham mưu trưởng", "Quân đội nhân dân Việt Nam")),
])
def test_state_posts_and_bodies_written_short(text, hold):
    assert hold in holds(text)


def test_a_ministry_role_in_a_province_is_never_the_provincial_police():
    """An article about Nghệ An: 'Thứ trưởng Bộ Công an' / 'Bộ trưởng Công an' is the ministry, not Công an tỉnh."""
    got = holds("Tỉnh ủy Nghệ An tổ chức hội nghị. Bộ trưởng Công an Tôn Thất Minh và Thứ trưởng Bộ Công an "
                "Lạc Văn Hòa dự hội nghị tại Nghệ An.")
    assert ("Tôn Thất Minh", "Bộ trưởng", "Bộ Công an") in got and ("Lạc Văn Hòa", "Thứ trưởng", "Bộ Công an") in got


def test_roles_joined_by_a_dash_share_the_body_named_after_the_last():
    got = holds("Dự có ông Lò Văn Pao, Phó Chủ tịch - Tổng Thư ký UBTƯ MTTQ Việt Nam.")
    body = "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"
    assert {("Lò Văn Pao", "Phó Chủ tịch", body), ("Lò Văn Pao", "Tổng Thư ký", body)} <= got


def test_ad_hoc_bodies_take_the_roles_written_with_their_head_word():
    got = holds("Quốc hội bầu Ban kiểm phiếu gồm 15 thành viên, do ông Hà Văn Lũy (đoàn Yên Bái) làm Trưởng ban.\n\n"
                "Hội đồng thi tuyển chức danh Vụ trưởng gồm 7 người:\n\n"
                "- Trưởng Ban Tổ chức Trung ương Kiều Văn Mạnh, Chủ tịch Hội đồng.")
    assert ("Hà Văn Lũy", "Trưởng ban", "Ban kiểm phiếu") in got
    assert ("Kiều Văn Mạnh", "Chủ tịch", "Hội đồng thi tuyển chức danh Vụ trưởng") in got
    assert ("Kiều Văn Mạnh", "Trưởng ban", "Ban Tổ chức Trung ương") in got


def test_membership_titles_of_a_provincial_committee():
    got = holds("Dự lễ có đồng chí Ngô Văn Hải – TUV, Bí thư Huyện ủy, Chủ tịch HĐND huyện.")
    assert ("Ngô Văn Hải", "Ủy viên", "Ban Chấp hành Đảng bộ tỉnh") in got  # the province is never named
    assert ("Lò Thị Yến", "Ủy viên", "Ban Chấp hành Đảng bộ tỉnh Sơn La") in holds(
        "Bà Lò Thị Yến, Tỉnh ủy viên Sơn La, phát biểu.")


def test_district_committee_of_the_district_the_article_names():
    got = holds("Đảng bộ xã Hòa Bắc thuộc huyện Tân Yên tổ chức đại hội. Dự có đồng chí Ngô Văn Hải, Phó Bí thư "
                "Thường trực Huyện ủy, và đồng chí Lý Văn Tú, Chủ tịch UBND huyện.")
    assert ("Ngô Văn Hải", "Phó Bí thư Thường trực", "Huyện ủy Tân Yên") in got
    assert ("Lý Văn Tú", "Chủ tịch", "Ủy ban nhân dân huyện Tân Yên") in got


def test_chu_tich_of_a_province_leads_its_people_committee():
    assert ("Đèo Văn Sơn", "Chủ tịch", "Ủy ban nhân dân tỉnh Lào Cai") in holds(
        "Điểm cầu Lào Cai có ông Đèo Văn Sơn, Chủ tịch tỉnh Lào Cai.")


def test_a_career_after_trai_qua_gives_no_holding():
    got = holds("Ông Hà Văn Tú, 44 tuổi, từng trải qua các vị trí công tác, giữ chức vụ Bí thư Đoàn thanh niên "
                "Bộ Nội vụ.")
    assert not any(p == "Hà Văn Tú" for p, _, _ in got)


def test_a_title_list_whose_province_comes_at_the_end():
    got = holds("Hà Giang tổ chức hội nghị tại Hà Giang. Ông Lò Văn Sáu, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh, "
                "Trưởng đoàn ĐBQH tỉnh Cao Bằng được điều động.")
    assert {("Lò Văn Sáu", "Phó Bí thư", "Tỉnh ủy Cao Bằng"),
            ("Lò Văn Sáu", "Chủ tịch", "Ủy ban nhân dân tỉnh Cao Bằng"),
            ("Lò Văn Sáu", "Trưởng đoàn", "Đoàn đại biểu Quốc hội tỉnh Cao Bằng")} <= got


def test_a_committee_named_once_at_the_end_of_a_membership_list():
    got = holds("Bà Vũ Thị Lan thôi tham gia Ban chấp hành, Ban thường vụ Đảng ủy Chính phủ.")
    assert {("Vũ Thị Lan", "Ủy viên", "Ban Chấp hành Đảng bộ Chính phủ"),
            ("Vũ Thị Lan", "Ủy viên", "Ban Thường vụ Đảng ủy Chính phủ")} <= got


def test_a_bare_role_before_a_comma_shares_the_next_body_unless_it_is_a_committee_role():
    got = holds("Ông Tạ Quang Vinh (Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ) dự họp.")
    assert ("Tạ Quang Vinh", "Bộ trưởng", "Văn phòng Chính phủ") in got
    got = holds("Ông Tạ Quang Vinh, Phó Bí thư, Chủ tịch UBND tỉnh Cao Bằng dự họp.")
    assert ("Tạ Quang Vinh", "Phó Bí thư", "Ủy ban nhân dân tỉnh Cao Bằng") not in got


def test_the_central_commission_when_the_article_names_it():
    got = holds("Ủy ban Kiểm tra Trung ương họp tại Khánh Hòa về kỷ luật ở Khánh Hòa. "
                "Chủ nhiệm UBKT Lâm Văn Tú chủ trì.")
    assert ("Lâm Văn Tú", "Chủ nhiệm", "Ủy ban Kiểm tra Trung ương") in got
