"""List structures of personnel news, on articles written for these tests (fictional people): line-per-person
lists, numbered and run-on lists, colon and count headers that give their titles to every item, dash bullets."""

from __future__ import annotations

from builder.extract import extract
from builder.model import Facts
from builder.text.ingest import make_article


def facts_of(text: str, published: str | None = "2024-06-30") -> Facts:
    return extract(make_article("t1", "t1.txt", text, meta={"published": published}))


def holds(text: str) -> set[tuple[str, str, str]]:
    return {(h.person, h.role, h.body) for h in facts_of(text).holdings}


LINE_LIST = """Tỉnh ủy Hòa Bình phân công nhiệm vụ các Ủy viên Ban Thường vụ
Trong cuộc họp chiều 3/4, Ban Thường vụ Tỉnh ủy Hòa Bình thống nhất phân công như sau, gồm:
Ông Đặng Văn Khoa, Phó Bí thư Thường trực Tỉnh ủy Hòa Bình
Bà Lò Thị Hạnh, Trưởng Ban Tuyên giáo Tỉnh ủy Hòa Bình
Ông Bùi Đức Tân, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy Hòa Bình
Ông Quách Văn Lực, Trưởng Ban Dân vận Tỉnh ủy Hòa Bình
Việc phân công có hiệu lực từ ngày ký."""


def test_line_per_person_list_keeps_each_title_with_its_person():
    got = holds(LINE_LIST)
    assert {("Đặng Văn Khoa", "Phó Bí thư Thường trực", "Tỉnh ủy Hòa Bình"),
            ("Lò Thị Hạnh", "Trưởng ban", "Ban Tuyên giáo Tỉnh ủy Hòa Bình"),
            ("Bùi Đức Tân", "Chủ nhiệm", "Ủy ban Kiểm tra Tỉnh ủy Hòa Bình"),
            ("Quách Văn Lực", "Trưởng ban", "Ban Dân vận Tỉnh ủy Hòa Bình")} <= got
    assert not any(p == "Lò Thị Hạnh" and r == "Chủ nhiệm" for p, r, _ in got)  # no title shifted to the next person


def test_list_lines_are_not_headlines_that_put_people_at_a_meeting():
    [ev] = facts_of(LINE_LIST).events
    assert ev.participants == [] and ev.chair == []


def test_a_hard_wrapped_paragraph_is_still_joined():
    text = ("Sáng 9/8, Ban Thường vụ Tỉnh ủy Nghệ An tổ chức hội nghị công bố quyết định của\n"
            "Ban Bí thư về công tác cán bộ. Phó Trưởng ban Thường trực Ban Tổ chức Trung\n"
            "ương Nguyễn Quang Huy trao quyết định cho đồng chí Đinh Thị Thu, tân Phó Bí thư\n"
            "Tỉnh ủy Nghệ An nhiệm kỳ 2020-2025, và phát biểu chỉ đạo hội nghị với nhiều nội\n"
            "dung quan trọng về công tác xây dựng Đảng và hệ thống chính trị của tỉnh.\n")
    assert ("Đinh Thị Thu", "Phó Bí thư", "Tỉnh ủy Nghệ An") in holds(text)


UV_BCT = ("Ủy viên", "Bộ Chính trị")


def test_a_count_header_before_gom_gives_its_titles_to_every_item():
    got = holds("Trong danh sách này có 3 ủy viên Bộ Chính trị khóa X tái cử, gồm: Thủ tướng Hồ Văn Định; "
                "Bộ trưởng Công an Lạc Văn Hòa và Trưởng ban Tổ chức Trung ương Nông Thị Vân.")
    for person in ("Hồ Văn Định", "Lạc Văn Hòa", "Nông Thị Vân"):
        assert (person, *UV_BCT) in got
    assert ("Lạc Văn Hòa", "Bộ trưởng", "Bộ Công an") in got


def test_a_header_with_two_titles_and_a_verb_between():
    got = holds("4 Bí thư Trung ương Đảng khóa X trúng cử Ủy viên Bộ Chính trị khóa XI gồm: Chánh án TAND Tối cao "
                "Mạc Văn Lâm; Bí thư Thành ủy Hải Phòng Triệu Đức Hòa.")
    for person in ("Mạc Văn Lâm", "Triệu Đức Hòa"):
        assert {(person, *UV_BCT), (person, "Bí thư", "Ban Bí thư")} <= got


def test_names_joined_before_la_all_take_the_titles():
    got = holds("Chánh án TAND Tối cao Mạc Văn Lâm và Chủ nhiệm Ủy ban Kiểm tra Ninh Thị Huệ là 2 Ủy viên Bộ Chính "
                "trị khóa XI.")
    assert {("Mạc Văn Lâm", *UV_BCT), ("Ninh Thị Huệ", *UV_BCT)} <= got
    assert ("Ninh Thị Huệ", "Chủ nhiệm", "Ủy ban Kiểm tra Trung ương") in got  # a central article: the central one


def test_a_header_after_a_verb_and_a_name_list_after_the_colon():
    got = holds("Các vị trí Ủy viên Ủy ban Thường vụ Quốc hội khóa XIV được bầu cho các ông, bà: Tạ Văn Hải, "
                "Lục Thị Mến, Đàm Quốc Việt.")
    assert {(p, "Ủy viên", "Ủy ban Thường vụ Quốc hội") for p in ("Tạ Văn Hải", "Lục Thị Mến", "Đàm Quốc Việt")} <= got


def test_membership_before_la_cac_ong():
    got = holds("3 vị lần đầu vào Bộ Chính trị là các ông Tạ Văn Hải (Bộ trưởng Nội vụ), Đàm Quốc Việt "
                "(Chủ nhiệm Văn phòng Chính phủ) và bà Lục Thị Mến (Phó Chủ tịch Quốc hội).")
    assert {(p, *UV_BCT) for p in ("Tạ Văn Hải", "Đàm Quốc Việt", "Lục Thị Mến")} <= got
    assert ("Lục Thị Mến", "Phó Chủ tịch", "Quốc hội") in got


def test_a_header_inside_a_list_gives_its_titles_to_the_items_after_it_and_ranks_are_skipped():
    got = holds("Dự buổi lễ có các đồng chí: Khổng Văn Bình, Phó Thủ tướng Chính phủ; các đồng chí Ủy viên Trung ương "
                "Đảng, Thứ trưởng Bộ Quốc phòng: Đại tướng Lò Văn Pao, Tổng Tham mưu trưởng; Thượng tướng Vi Văn Sỹ; "
                "Trung tướng Mông Văn Tài.")
    for person in ("Lò Văn Pao", "Vi Văn Sỹ", "Mông Văn Tài"):
        assert {(person, "Ủy viên", "Ban Chấp hành Trung ương"), (person, "Thứ trưởng", "Bộ Quốc phòng")} <= got
    assert not any(p == "Khổng Văn Bình" and r == "Thứ trưởng" for p, r, _ in got)


BODY_HEADER = """Ban Bí thư khóa X gồm 4 đồng chí
Như vậy, Ban Bí thư Trung ương Đảng khóa X gồm 4 người, gồm:
Tổng Bí thư Hứa Văn Tâm
Ông Đèo Văn Hải, Thường trực Ban Bí thư
Bà Lâm Thị Nhàn, Trưởng Ban Dân vận Trung ương
Ông Tăng Minh Quý, Chánh Văn phòng Trung ương Đảng.
Tại cuộc họp, Bộ Chính trị thống nhất nhận định, thời gian qua các cấp đã lãnh đạo có hiệu quả."""


def test_a_body_header_across_lines_makes_each_item_a_member():
    got = holds(BODY_HEADER)
    assert {("Lâm Thị Nhàn", "Bí thư", "Ban Bí thư"), ("Tăng Minh Quý", "Bí thư", "Ban Bí thư")} <= got
    assert ("Lâm Thị Nhàn", "Trưởng ban", "Ban Dân vận Trung ương") in got
    # who already holds a post in the body is not given its membership again
    assert ("Đèo Văn Hải", "Bí thư", "Ban Bí thư") not in got and ("Đèo Văn Hải", "Thường trực", "Ban Bí thư") in got


def test_a_name_stops_before_the_next_sentence_or_item():
    got = holds("Các đồng chí Ủy viên Bộ Chính trị: 1. Ông Đàm Văn Nam 2. Ông Lưu Quang Hòa Trong đó ông Hòa là "
                "Bí thư Thành ủy Hà Nội.")
    people = {p for p, _, _ in got}
    assert "Lưu Quang Hòa" in people and not any("Trong" in p for p in people)
