"""List structures of personnel news, on articles written for these tests (fictional people): line-per-person
lists, numbered and run-on lists, colon and count headers that give their titles to every item, dash bullets."""

from __future__ import annotations

from builder.extract import extract
from builder.ingest import make_article
from builder.model import Facts


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
