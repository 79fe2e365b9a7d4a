"""Extraction on small invented articles: dates, holdings, events, terms, documents.

Every sentence here is made up for the tests, in the style of Vietnamese Party news.
"""

from __future__ import annotations

import pytest

from builder.extract import extract
from builder.extract.dates import DateMention, find_dates
from builder.model import Facts
from builder.text.ingest import make_article


def facts_of(text: str, published: str | None = None) -> Facts:
    meta = {"published": published} if published else None
    return extract(make_article("t1", "t1.txt", text, meta=meta))


def holds(facts: Facts) -> set[tuple[str, str, str]]:
    return {(h.person, h.role, h.body) for h in facts.holdings}


# ---------------------------------------------------------------- dates


def _one_date(text: str) -> DateMention:
    found = find_dates(text)
    assert len(found) == 1, found
    return found[0]


def test_part_of_day_date_resolves_with_the_publication_year():
    d = _one_date("Sáng 28/12, tại Hà Nội, Đảng ủy Khối tổ chức hội nghị.")
    assert (d.day, d.month, d.year, d.part) == (28, 12, None, "sáng")
    assert d.resolve("2023-12-30") == "2023-12-28"
    assert d.resolve("2023-12-30T08:15:00") == "2023-12-28"


@pytest.mark.parametrize("text", ["Sáng 31/4, tại Hà Nội, Tỉnh ủy họp.", "Ngày 29/2/2021, Tỉnh ủy họp.",
                                  "Ngày 30 tháng 2 năm 2024, Tỉnh ủy họp.", "Sáng 32/1, Tỉnh ủy họp."])
def test_a_day_the_month_does_not_have_is_no_date(text: str) -> None:
    assert find_dates(text) == []


def test_29_february_takes_the_publication_year_only_in_a_leap_year() -> None:
    d = _one_date("Ngày 29/2, Tỉnh ủy tổ chức hội nghị.")
    assert d.resolve("2024-03-05") == "2024-02-29"
    assert d.resolve("2021-03-05") == "--02-29"  # 2021-02-29 does not exist: the year stays unknown
    assert _one_date("Ngày 29/2/2024, Tỉnh ủy họp.").resolve(None) == "2024-02-29"


def test_an_article_dated_29_february_of_a_common_year_conforms(tmp_path) -> None:
    from helpers import articles

    import builder

    text = ("Ngày 29/2, tại Hà Nội, Ban Tổ chức Trung ương tổ chức Hội nghị tổng kết công tác.\n\n"
            "Ông Nguyễn Văn An, Trưởng ban Tổ chức Trung ương chủ trì Hội nghị.\n")
    folder = articles(tmp_path, a=text)
    (folder / "a.txt").write_text("05/03/2021 08:00\n\n" + text, encoding="utf-8")
    b = builder.build_dataset([folder])
    assert b.articles[0].meta["published"] == "2021-03-05T08:00"
    assert b.conforms, builder.describe(b.validation.report)
    assert [e.date for f in b.facts for e in f.events] == ["--02-29"]


def test_date_without_a_known_year_is_month_and_day_only():
    d = _one_date("Sáng 28/12, tại Hà Nội, Đảng ủy Khối tổ chức hội nghị.")
    assert d.resolve(None) == "--12-28"
    assert d.resolve("không rõ") == "--12-28"


def test_date_later_than_publication_is_last_year():
    d = _one_date("Sáng 28/12, đoàn công tác đến làm việc.")
    assert d.resolve("2024-01-03") == "2023-12-28"


def test_date_with_year_in_text():
    text = "Bộ Chính trị ban hành quyết định ngày 5-10-2018 về công tác cán bộ."
    d = _one_date(text)
    assert (d.day, d.month, d.year) == (5, 10, 2018)
    assert d.resolve("2023-12-30") == "2018-10-05"
    assert d.resolve(None) == "2018-10-05"
    assert text[d.start:d.end] == "ngày 5-10-2018"


def test_afternoon_dash_date():
    d = _one_date("Chiều 9-8, Ban Thường vụ Tỉnh ủy họp phiên thường kỳ.")
    assert (d.day, d.month, d.part) == (9, 8, "chiều")
    assert d.resolve("2022-08-10") == "2022-08-09"


def test_dotted_date_after_ngay():
    d = _one_date("Hội nghị diễn ra ngày 23.12 tại trụ sở Tỉnh ủy.")
    assert (d.day, d.month) == (23, 12)
    assert d.resolve(None) == "--12-23"


def test_date_in_words():
    d = _one_date("Ngày 30 tháng 4 năm 2025, tỉnh tổ chức lễ kỷ niệm.")
    assert (d.day, d.month, d.year) == (30, 4, 2025)


def test_offsets_are_shifted():
    text = "Chiều 9-8, hội nghị khai mạc."
    d = find_dates(text, 100)[0]
    assert (d.start, d.end) == (100, 109)


@pytest.mark.parametrize("text", [
    "Ban Tổ chức đã hoàn thành 5/18 đề án được giao trong năm.",
    "Tỷ lệ đảng viên trẻ đạt 3.5 phần trăm.",
    "Sáng 32/13, nội dung không hợp lệ.",
    "Có 12-15 đại biểu vắng mặt.",
])
def test_not_dates(text):
    assert find_dates(text) == []


# ---------------------------------------------------------------- holdings


def test_titles_before_the_name():
    f = facts_of("Ủy viên Bộ Chính trị, Trưởng ban Tổ chức Trung ương Nguyễn Văn Khánh phát biểu tại buổi lễ.")
    assert holds(f) == {
        ("Nguyễn Văn Khánh", "Ủy viên", "Bộ Chính trị"),
        ("Nguyễn Văn Khánh", "Trưởng ban", "Ban Tổ chức Trung ương"),
    }
    assert {h.evidence.rule for h in f.holdings} == {"title-before-name"}
    assert {h.title for h in f.holdings} == {"Ủy viên Bộ Chính trị", "Trưởng ban Tổ chức Trung ương"}


def test_name_then_comma_titles():
    f = facts_of("Đồng chí Phạm Thị Hương, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Nghệ An phát biểu chỉ đạo.")
    assert holds(f) == {
        ("Phạm Thị Hương", "Ủy viên", "Ban Chấp hành Trung ương"),
        ("Phạm Thị Hương", "Bí thư", "Tỉnh ủy Nghệ An"),
    }
    assert {h.evidence.rule for h in f.holdings} == {"name-comma-titles"}


def test_titles_in_parentheses():
    f = facts_of("Hội nghị có sự tham dự của đồng chí Trần Quốc Dũng (Phó Trưởng ban Thường trực "
                 "Ban Tổ chức Trung ương) và nhiều đại biểu.")
    assert holds(f) == {("Trần Quốc Dũng", "Phó Trưởng ban Thường trực", "Ban Tổ chức Trung ương")}
    assert f.holdings[0].evidence.rule == "name-paren-titles"


@pytest.mark.parametrize("text, expected", [
    ("Phó Trưởng ban Tổ chức T.Ư Hoàng Minh Tuấn phát biểu.",
     ("Hoàng Minh Tuấn", "Phó Trưởng ban", "Ban Tổ chức Trung ương")),
    ("Ủy viên Ủy ban Kiểm tra TW Lê Thị Lan cùng dự buổi làm việc.",
     ("Lê Thị Lan", "Ủy viên", "Ủy ban Kiểm tra Trung ương")),
    ("Chủ tịch UBND tỉnh Nghệ An Vũ Đức Thắng dự buổi làm việc.",
     ("Vũ Đức Thắng", "Chủ tịch", "Ủy ban nhân dân tỉnh Nghệ An")),
    ("Chủ tịch HĐND tỉnh Nghệ An Đỗ Văn Phúc dự buổi làm việc.",
     ("Đỗ Văn Phúc", "Chủ tịch", "Hội đồng nhân dân tỉnh Nghệ An")),
    ("Phó Bí thư Thành ủy TPHCM Ngô Văn Hải phát biểu.",
     ("Ngô Văn Hải", "Phó Bí thư", "Thành ủy Thành phố Hồ Chí Minh")),
])
def test_abbreviations(text, expected):
    f = facts_of(text)
    assert holds(f) == {expected}
    # the title as written keeps the abbreviation
    abbr = next(w for w in ("T.Ư", "TW", "UBND", "HĐND", "TPHCM") if w in text)
    assert abbr in f.holdings[0].title


def test_abbreviated_and_full_body_are_the_same_body():
    short = facts_of("Phó Trưởng ban Tổ chức T.Ư Hoàng Minh Tuấn phát biểu.")
    full = facts_of("Phó Trưởng ban Tổ chức Trung ương Hoàng Minh Tuấn phát biểu.")
    assert holds(short) == holds(full)


def test_list_header_gives_its_title_to_every_name():
    f = facts_of("Các đồng chí Ủy viên Bộ Chính trị: Chủ nhiệm Ủy ban Kiểm tra Trung ương Đặng Văn Hòa, "
                 "Trưởng ban Tổ chức Trung ương Bùi Thanh Sơn; các đồng chí Bí thư Trung ương Đảng "
                 "cùng dự hội nghị.")
    assert holds(f) == {
        ("Đặng Văn Hòa", "Ủy viên", "Bộ Chính trị"),
        ("Đặng Văn Hòa", "Chủ nhiệm", "Ủy ban Kiểm tra Trung ương"),
        ("Bùi Thanh Sơn", "Ủy viên", "Bộ Chính trị"),
        ("Bùi Thanh Sơn", "Trưởng ban", "Ban Tổ chức Trung ương"),
    }
    header = {h.person for h in f.holdings if h.evidence.rule == "list-header"}
    assert header == {"Đặng Văn Hòa", "Bùi Thanh Sơn"}


@pytest.mark.parametrize("text", [
    "Nguyên Bí thư Tỉnh ủy Nghệ An Lê Quang Vinh cũng có mặt tại buổi lễ.",
    "Dự hội nghị có đồng chí Lê Quang Vinh, nguyên Bí thư Tỉnh ủy Nghệ An.",
    "Đồng chí Lê Quang Vinh (nguyên Bí thư Tỉnh ủy Nghệ An) dự buổi lễ.",
])
def test_former_title_is_not_a_holding(text):
    assert facts_of(text).holdings == []


def test_former_title_next_to_a_current_one():
    f = facts_of("Dự hội nghị có đồng chí Lê Quang Vinh, Ủy viên Trung ương Đảng, "
                 "nguyên Bí thư Tỉnh ủy Nghệ An.")
    assert holds(f) == {("Lê Quang Vinh", "Ủy viên", "Ban Chấp hành Trung ương")}


def test_biography_with_past_posts_gives_no_holding():
    f = facts_of("Ông Trịnh Văn Tâm từng giữ chức Bí thư Tỉnh ủy Nghệ An, Trưởng ban Tổ chức Trung ương "
                 "trước khi nghỉ hưu.")
    assert f.holdings == []


def test_prime_minister_gets_the_government_as_body():
    f = facts_of("Thủ tướng Phan Minh Đức chủ trì phiên họp Chính phủ thường kỳ.")
    assert holds(f) == {("Phan Minh Đức", "Thủ tướng", "Chính phủ")}


def test_provincial_party_secretary():
    f = facts_of("Bí thư Tỉnh ủy Nghệ An Hồ Văn Lộc phát biểu khai mạc hội nghị.")
    assert holds(f) == {("Hồ Văn Lộc", "Bí thư", "Tỉnh ủy Nghệ An")}
    assert f.holdings[0].title == "Bí thư Tỉnh ủy Nghệ An"


def test_sentence_without_a_name_gives_no_holding():
    f = facts_of("Bí thư Tỉnh ủy và Chủ tịch UBND tỉnh đã phát biểu tại hội nghị.")
    assert f.holdings == []


def test_holding_evidence_is_the_sentence():
    text = ("Hội nghị diễn ra trong không khí dân chủ. "
            "Bí thư Tỉnh ủy Nghệ An Hồ Văn Lộc phát biểu khai mạc hội nghị. Buổi chiều các đại biểu thảo luận.")
    f = facts_of(text)
    [h] = f.holdings
    assert text[h.evidence.start:h.evidence.end] == "Bí thư Tỉnh ủy Nghệ An Hồ Văn Lộc phát biểu khai mạc hội nghị."
    assert 0 < h.evidence.confidence <= 1


def test_caption_holding_is_marked_caption():
    text = ("Sáng 12/3, tại Hà Nội, Ban Tổ chức Trung ương tổ chức Hội nghị sơ kết công tác quý I.\n\n"
            "Đồng chí Lê Văn An, Phó Trưởng ban Tổ chức Trung ương phát biểu. Ảnh: TTXVN\n")
    f = facts_of(text)
    [h] = f.holdings
    assert (h.person, h.role, h.body) == ("Lê Văn An", "Phó Trưởng ban", "Ban Tổ chức Trung ương")
    assert h.evidence.caption is True


# ---------------------------------------------------------------- events

EVENT_TEXT = (
    "Sáng 12/3, tại Hà Nội, Ban Tổ chức Trung ương tổ chức Hội nghị triển khai công tác tổ chức xây dựng "
    "Đảng năm 2024. Ủy viên Bộ Chính trị, Trưởng ban Tổ chức Trung ương Nguyễn Văn Khánh chủ trì hội nghị. "
    "Dự hội nghị có Phó Trưởng ban Tổ chức Trung ương Trần Thị Hoa."
)


@pytest.fixture(scope="module")
def event_facts() -> Facts:
    return facts_of(EVENT_TEXT, published="2024-03-13T10:00:00")


def test_event_kind_place_organizer(event_facts):
    [ev] = event_facts.events
    assert ev.kind == "hội nghị"
    assert ev.place == "Hà Nội"
    assert ev.organizer == "Ban Tổ chức Trung ương"
    assert ev.date == "2024-03-12"
    assert ev.name == "Hội nghị triển khai công tác tổ chức xây dựng Đảng năm 2024"


def test_event_chair_and_participants(event_facts):
    [ev] = event_facts.events
    assert ev.chair == ["Nguyễn Văn Khánh"]
    assert ev.participants == ["Trần Thị Hoa"]


def test_event_date_without_publication_or_year():
    f = facts_of("Chiều 9/8, tại Vinh, Ban Thường vụ Tỉnh ủy Nghệ An tổ chức hội nghị cán bộ chủ chốt.")
    [ev] = f.events
    assert ev.date == "--08-09"
    assert ev.place == "Vinh"


def test_chair_written_before_the_verb():
    f = facts_of("Sáng 5/6, tại Hà Nội, Ban Tổ chức Trung ương tổ chức Hội nghị giao ban công tác cán bộ. "
                 "Hội nghị do đồng chí Nguyễn Văn Khánh, Trưởng ban Tổ chức Trung ương chủ trì.",
                 published="2024-06-05")
    [ev] = f.events
    assert ev.chair == ["Nguyễn Văn Khánh"]


def test_sentence_without_a_date_is_no_event():
    f = facts_of("Ban Tổ chức Trung ương thường xuyên tổ chức hội nghị để trao đổi kinh nghiệm công tác.")
    assert f.events == []


# ---------------------------------------------------------------- terms


def test_term_with_ordinal():
    f = facts_of("Công tác quy hoạch Ban Chấp hành Trung ương khóa XIV, nhiệm kỳ 2026-2031 "
                 "được tiến hành chặt chẽ, dân chủ.")
    [t] = f.terms
    assert (t.start, t.end, t.ordinal) == (2026, 2031, 14)
    assert t.body.startswith("Ban Chấp hành Trung ương")


def test_term_without_ordinal():
    f = facts_of("Đại hội đại biểu Đảng bộ tỉnh Nghệ An nhiệm kỳ 2025 - 2030 đã thành công tốt đẹp.")
    [t] = f.terms
    assert (t.start, t.end, t.ordinal) == (2025, 2030, None)


def test_term_range_typo_gives_no_term():
    f = facts_of("Công tác quy hoạch Ban Chấp hành Trung ương khóa XIV, nhiệm kỳ 2025-2023 "
                 "được tiến hành chặt chẽ, dân chủ.")
    assert f.terms == []


def test_term_range_too_long_gives_no_term():
    f = facts_of("Ban Chấp hành Đảng bộ tỉnh nhiệm kỳ 2020-2045 họp phiên đầu tiên.")
    assert f.terms == []


# ---------------------------------------------------------------- documents


def test_document_with_symbol_date_and_issuer():
    f = facts_of("Thực hiện Quy định số 205-QĐ/TW ngày 23/9/2019 của Bộ Chính trị về kiểm soát quyền lực "
                 "trong công tác cán bộ, Tỉnh ủy đã ban hành kế hoạch.")
    [d] = f.documents
    assert d.kind == "Quy định"
    assert d.id_as_written == "205-QĐ/TW"
    assert d.number == "205"
    assert d.date == "2019-09-23"
    assert d.issuer == "Bộ Chính trị"


def test_document_bare_number():
    f = facts_of("Theo Kết luận số 75 của Bộ Chính trị, các cấp ủy cần rà soát quy hoạch cán bộ.")
    [d] = f.documents
    assert d.kind == "Kết luận"
    assert d.id_as_written == "75"
    assert d.number == "75"
    assert d.date is None
    assert d.issuer == "Bộ Chính trị"


def test_document_kind_from_symbol_code():
    f = facts_of("Các cấp ủy quán triệt số 21-KL/TW về tiếp tục đẩy mạnh xây dựng, chỉnh đốn Đảng.")
    [d] = f.documents
    assert d.kind == "Kết luận"
    assert d.id_as_written == "21-KL/TW"


def test_state_document_is_not_a_party_document():
    f = facts_of("Thực hiện Nghị định 30/2020/NĐ-CP về công tác văn thư, cơ quan đã rà soát hồ sơ.")
    assert f.documents == []


def test_same_document_twice_is_one_fact():
    f = facts_of("Quy định số 205-QĐ/TW ngày 23/9/2019 của Bộ Chính trị có nhiều điểm mới. "
                 "Các cấp ủy cần thực hiện nghiêm Quy định số 205-QĐ/TW.")
    assert [(d.kind, d.id_as_written) for d in f.documents] == [("Quy định", "205-QĐ/TW")]


def test_term_after_ordinal_and_comma():
    """'… lần thứ XX, nhiệm kỳ 2025-2030' still names the congress before the comma."""
    from builder.extract.context import ArticleContext
    from builder.extract.terms import find_terms

    ctx = ArticleContext()
    sentence = ctx.sentence("Đại hội đại biểu Đảng bộ tỉnh Hòa Bình lần thứ XX, nhiệm kỳ 2025-2030 khai mạc.")
    terms = find_terms(sentence, ctx)
    assert [(t.body, t.start, t.end) for t in terms] == [
        ("Đại hội đại biểu Đảng bộ tỉnh Hòa Bình lần thứ XX", 2025, 2030)]
