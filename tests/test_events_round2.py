"""Gatherings, on articles written for these tests (fictional people): one gathering mentioned twice, chairs named
after a cue ('Chủ trì Hội nghị có …', 'dưới sự chủ trì của …', 'đồng chủ trì'), 'dự và chỉ đạo' as presence,
organisers written 'X, Y tổ chức' or with an abbreviation in parentheses, date ranges and dates in parentheses."""

from __future__ import annotations

import pytest

from builder.extract import extract
from builder.extract.dates import find_dates
from builder.model import Facts
from builder.text.ingest import make_article


def facts_of(text: str, published: str | None = "2024-06-30") -> Facts:
    return extract(make_article("t1", "t1.txt", text, meta={"published": published}))


def test_one_gathering_mentioned_twice_is_one_event_with_the_year_of_either_mention():
    [ev] = facts_of(
        "Sáng 8/12/2023, tại Hà Nội, Ban Tổ chức Trung ương tổ chức Hội nghị tổng kết công tác tổ chức. "
        "Hội nghị tổng kết diễn ra sáng 8/12 với sự tham dự và chỉ đạo của Thường trực Ban Bí thư Lục Văn Tâm.",
        published=None).events
    assert ev.date == "2023-12-08" and ev.place == "Hà Nội"
    assert ev.participants == ["Lục Văn Tâm"] and ev.chair == []  # "dự và chỉ đạo" is presence, not chairing


def test_an_implied_gathering_on_the_day_of_a_named_one_is_that_one():
    events = facts_of("Sáng 15/7, Bộ Y tế tổ chức Hội nghị công bố quyết định về công tác cán bộ. "
                      "Sáng 15/7, Bộ trưởng Nội vụ Tạ Văn Hải công bố quyết định của Thủ tướng.").events
    assert len(events) == 1 and events[0].kind == "hội nghị"


@pytest.mark.parametrize("second", [
    "Chủ trì Hội nghị có đồng chí Tạ Văn Hải, Trưởng Ban Tổ chức Trung ương; đồng chí Lục Thị Mến, Phó Trưởng ban.",
    "Hội nghị diễn ra dưới sự chủ trì của đồng chí Tạ Văn Hải và đồng chí Lục Thị Mến.",
    "Tham dự và chủ trì Hội nghị, có đồng chí Tạ Văn Hải - Bí thư Tỉnh ủy; đồng chí Lục Thị Mến - Phó Bí thư.",
    "Đồng chí Tạ Văn Hải và đồng chí Lục Thị Mến đồng chủ trì hội nghị.",
])
def test_chairs_named_after_a_cue(second):
    [ev] = facts_of(f"Sáng 3/5, Tỉnh ủy Yên Bái tổ chức Hội nghị cán bộ chủ chốt. {second}").events
    assert set(ev.chair) == {"Tạ Văn Hải", "Lục Thị Mến"}


@pytest.mark.parametrize("sentence, organizer", [
    ("Sáng 20/10, Bộ Chính trị, Ban Bí thư tổ chức Hội nghị toàn quốc quán triệt nghị quyết.",
     "Bộ Chính trị, Ban Bí thư"),
    ("Sáng 20/10, Hội nghị do Bộ Chính trị và Ban Bí thư triệu tập khai mạc.", "Bộ Chính trị, Ban Bí thư"),
    ("Ngày 2/12, Ủy ban Kiểm tra Trung ương (UBKTTW) đã họp kỳ 12.", "Ủy ban Kiểm tra Trung ương"),
    ("Sáng 20/10, tại Trụ sở Trung ương Đảng, Ban Tổ chức Trung ương tổ chức Hội nghị tập huấn.",
     "Ban Tổ chức Trung ương"),
])
def test_organizers(sentence, organizer):
    [ev] = facts_of(sentence).events
    assert ev.organizer == organizer


@pytest.mark.parametrize("text, day_month", [
    ("Sáng nay (19/1), tại phiên bế mạc", (19, 1)),
    ("Trong hai ngày (1-2/12), Ủy ban họp", (1, 12)),
    ("từ ngày 25-27/9 tại Khánh Hòa", (25, 9)),
])
def test_dates_in_parentheses_and_ranges_take_the_first_day(text, day_month):
    [d] = find_dates(text)
    assert (d.day, d.month) == day_month


def test_an_organisation_is_no_person():
    [ev] = facts_of("Sáng 3/5, Tỉnh ủy Yên Bái tổ chức Hội nghị cán bộ. "
                    "Dự hội nghị có Bí thư Đoàn Thanh niên tỉnh.").events
    assert not any(p.startswith("Đoàn") for p in ev.participants)


def test_a_relative_date_is_the_publication_day():
    [ev] = facts_of("Chiều nay, Hội Nông dân Việt Nam tổ chức hội nghị triển khai quyết định về công tác cán bộ.",
                    published="2025-03-04").events
    assert ev.date == "2025-03-04" and ev.organizer == "Hội Nông dân Việt Nam" and ev.part_of_day == "chiều"


def test_an_undated_gathering_people_are_put_at():
    [ev] = facts_of("Bà Trần Thị Hoa giữ chức Bí thư Đảng ủy xã Tân Lập.\n\n"
                    "Tham dự buổi lễ có ông Mai Văn Hải, Bí thư Huyện ủy.").events
    assert ev.date is None and ev.participants == ["Mai Văn Hải"]


def test_the_person_replaced_is_not_present():
    [ev] = facts_of("Sáng 7/10, Bộ Chính trị công bố quyết định phân công ông Lê Văn Hà làm Bí thư Thành ủy Đà Nẵng "
                    "thay ông Trần Văn Hùng.").events
    assert "Trần Văn Hùng" not in ev.participants


def test_voting_is_presence():
    [ev] = facts_of("Chiều 5/4, Quốc hội bầu Tổng Kiểm toán nhà nước. Chủ tịch Quốc hội Lê Thị Ngân cùng các đại biểu "
                    "bỏ phiếu bầu các chức danh.").events
    assert "Lê Thị Ngân" in ev.participants
