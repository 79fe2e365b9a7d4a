"""Event and term rules, on sentences written for these tests: bridge points, places, organisers,
dates that belong to documents or statuses, who counts as present, one term per body."""

from __future__ import annotations

import pytest

from builder.extract import extract
from builder.model import Facts
from builder.text.ingest import make_article


def facts_of(text: str, published: str | None = "2024-06-30") -> Facts:
    return extract(make_article("t1", "t1.txt", text, meta={"published": published}))


def test_a_bridge_point_is_its_own_event_dated_by_its_conference():
    f = facts_of(
        "Sáng 14/6, Ban Tổ chức Trung ương tổ chức Hội nghị trực tuyến toàn quốc sơ kết công tác cán bộ. "
        "Hội nghị do đồng chí Trần Văn Hải, Phó Trưởng ban Tổ chức Trung ương chủ trì tại điểm cầu Trung tâm. "
        "Tại điểm cầu Tỉnh ủy Bến Tre do đồng chí Lê Thị Hồng, Phó Bí thư Tỉnh ủy chủ trì.")
    rows = [(ev.kind, ev.name, ev.date, ev.chair) for ev in f.events]
    assert rows == [
        ("hội nghị", "Hội nghị trực tuyến toàn quốc sơ kết công tác cán bộ", "2024-06-14", ["Trần Văn Hải"]),
        ("điểm cầu", "điểm cầu Tỉnh ủy Bến Tre", "2024-06-14", ["Lê Thị Hồng"]),
    ]


@pytest.mark.parametrize("sentence, place", [
    ("Sáng 3/5, tại Thủ đô Hà Nội, Bộ Chính trị tổ chức Hội nghị toàn quốc.", "Hà Nội"),
    ("Sáng 3/5, Hội nghị toàn quốc khai mạc tại Trung tâm Hội nghị tỉnh, Bắc Giang.",
     "Trung tâm Hội nghị tỉnh, Bắc Giang"),
    ("Sáng 3/5, tại thành phố Vinh, Tỉnh ủy Nghệ An tổ chức Hội nghị cán bộ.", "thành phố Vinh"),
])
def test_places(sentence, place):
    [ev] = facts_of(sentence).events
    assert ev.place == place


@pytest.mark.parametrize("sentence, organizer", [
    ("Sáng 3/5, Ban Chấp hành Trung ương Đảng khóa XIII đã họp tại Hà Nội.", "Ban Chấp hành Trung ương"),
    ("Sáng 3/5, Ban Tổ chức Trung ương đã chủ trì, tổ chức Hội nghị tập huấn.", "Ban Tổ chức Trung ương"),
    ("Sáng 3/5, Thường trực Ban Bí thư đã tổ chức Hội nghị công bố quyết định.", "Thường trực Ban Bí thư"),
])
def test_organizers(sentence, organizer):
    [ev] = facts_of(sentence).events
    assert ev.organizer == organizer


@pytest.mark.parametrize("sentence", [
    "Thực hiện Chỉ thị số 12-CT/TW ngày 5-3-2024 của Bộ Chính trị về đại hội đảng bộ các cấp, tỉnh đã chuẩn bị.",
    "Đến ngày 20-6-2024, 15/15 đảng bộ trực thuộc đã hoàn thành đại hội.",
])
def test_a_document_date_or_a_status_date_is_no_event(sentence):
    assert facts_of(sentence).events == []


def test_a_dated_sentence_at_a_named_meeting_is_that_meeting():
    [ev] = facts_of("Chiều 26/5, tại Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ nhất, ông Ngô Văn Tâm "
                    "được bầu giữ chức Bí thư Tỉnh ủy Sóc Trăng.").events
    assert (ev.kind, ev.date) == ("hội nghị", "2024-05-26")


def test_reading_a_report_counts_as_present():
    [ev] = facts_of("Sáng 4/6, Hội nghị Trung ương khai mạc tại Hà Nội. Đồng chí Phạm Văn Sơn, Ủy viên Bộ Chính "
                    "trị, đọc Tờ trình của Bộ Chính trị. Đồng chí Lý Thị Hà tuyên bố lý do.").events
    assert ev.participants == ["Phạm Văn Sơn", "Lý Thị Hà"]


def test_one_term_per_body_and_years_the_ordinal_kept():
    f = facts_of("Hội nghị lần thứ nhất BCH Đảng bộ tỉnh Long An khóa XI (nhiệm kỳ 2025 - 2030) đã họp. "
                 "Đại hội bầu 55 đồng chí vào Ban Chấp hành nhiệm kỳ 2025-2030.")
    assert [(t.body, t.start, t.end) for t in f.terms] == [
        ("Ban Chấp hành Đảng bộ tỉnh Long An khóa XI", 2025, 2030)]


def test_a_photo_caption_places_people_at_the_event_but_a_candidate_member_is_not_present():
    [ev] = facts_of("Sáng 7/6, tại thành phố Hải Dương, Đại hội Đảng bộ tỉnh Hải Dương lần thứ XVIII khai mạc.\n\n"
                    "Các đồng chí lãnh đạo tỉnh (từ trái sang): Đào Văn Mạnh, Lê Thị Hoa chụp ảnh lưu niệm.\n\n"
                    "Đồng chí Vũ Văn Tâm được bầu làm Ủy viên dự khuyết Ban Chấp hành Trung ương Đảng.").events
    assert ev.participants == ["Đào Văn Mạnh", "Lê Thị Hoa"]


@pytest.mark.parametrize("sentence, kind", [
    ("Sáng 2/7, Hội nghị lần thứ nhất Ban Chấp hành Đảng bộ tỉnh Thái Bình khóa XX đã họp.", "hội nghị"),
    ("Sáng 2/7, Hội nghị lần thứ 10 Ban Chấp hành Trung ương Đảng khóa XIII khai mạc.", "hội nghị trung ương"),
])
def test_a_numbered_plenum_is_central_only_when_the_central_committee_meets(sentence, kind):
    [ev] = facts_of(sentence).events
    assert ev.kind == kind


@pytest.mark.parametrize("sentence, hold", [
    ("Bí thư Thành ủy Vinh Nguyễn Văn An phát biểu.", ("Nguyễn Văn An", "Bí thư", "Thành ủy Vinh")),
    ("Ông Trần Văn Bình, Bí thư Huyện ủy Gia Lâm, phát biểu.", ("Trần Văn Bình", "Bí thư", "Huyện ủy Gia Lâm")),
    ("Bí thư Huyện ủy Gia Lâm Lê Thị Cúc phát biểu.", ("Lê Thị Cúc", "Bí thư", "Huyện ủy Gia Lâm")),
    ("Tổng Thanh tra Đoàn Văn Dũng phát biểu.", ("Đoàn Văn Dũng", "Tổng Thanh tra", "Thanh tra Chính phủ")),
])
def test_a_unit_name_ends_where_a_persons_name_begins(sentence, hold):
    assert [(h.person, h.role, h.body) for h in facts_of(sentence).holdings] == [hold]


def test_a_chair_with_a_long_title_chain_before_the_verb():
    [ev] = facts_of("Sáng 9/9, Tỉnh ủy Cà Mau tổ chức Hội nghị sơ kết. Hội nghị do đồng chí Nguyễn Hồ Hải – Ủy viên "
                    "dự khuyết Ban Chấp hành Trung ương Đảng, Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh "
                    "chủ trì; dự có đồng chí Lâm Văn Bi.").events
    assert (ev.chair, ev.participants) == (["Nguyễn Hồ Hải"], ["Lâm Văn Bi"])


@pytest.mark.parametrize("sentence, found", [
    ("Căn cứ Tờ trình số 852 của Ủy ban Thường vụ Quốc hội, Quốc hội biểu quyết.", []),
    ("Căn cứ Tờ trình số 05-TTr/TW của Bộ Chính trị, Trung ương thảo luận.", [("Tờ trình", "05-TTr/TW")]),
    ("Thực hiện Chương trình hành động số 12-CTr/TU, tỉnh triển khai.", [("Chương trình", "12-CTr/TU")]),
    ("Thực hiện Nghị quyết 34 của Bộ Chính trị, tỉnh triển khai.", [("Nghị quyết", "34")]),
])
def test_documents_by_kind_word_and_symbol(sentence, found):
    assert [(d.kind, d.id_as_written) for d in facts_of(sentence).documents] == found


@pytest.mark.parametrize("sentence, part", [
    ("Hôm nay, Ban Thường vụ Tỉnh ủy Cà Mau tổ chức Hội nghị cán bộ chủ chốt.", None),
    ("Chiều nay, Ban Thường vụ Tỉnh ủy Cà Mau tổ chức Hội nghị cán bộ chủ chốt.", "chiều"),
])
def test_an_event_today_without_a_part_of_day_is_dated_by_the_article(sentence, part):
    """'Hôm nay' names no part of the day: the event has the publication day and none (it made extraction raise)."""
    [ev] = facts_of(sentence).events
    assert (ev.date, ev.part_of_day) == ("2024-06-30", part)
