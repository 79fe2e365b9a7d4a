"""What extraction does that is not one article's text giving its facts (those cases are data, in tests/cases/,
run by tests/test_cases.py): the date finder on its own, a build of an article dated 29 February, and the terms
of one sentence through its ArticleContext.

Every sentence here is made up for the tests, in the style of Vietnamese Party news.
"""

from __future__ import annotations

import pytest

from builder.extract.dates import DateMention, find_dates

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


@pytest.mark.parametrize(("text", "day"), [
    ("Từ ngày 19 đến 23/1, hội nghị diễn ra.", (19, 1)), ("Từ ngày 7 đến 13-8, hội nghị diễn ra.", (7, 8)),
    ("Trong hai ngày 25 và 26/9, hội nghị diễn ra.", (25, 9)), ("Từ ngày 25-27/9, hội nghị diễn ra.", (25, 9)),
    ("Ngày 5-10-2018, hội nghị diễn ra.", (5, 10)),
])
def test_a_range_of_days_is_dated_by_its_first(text: str, day: tuple[int, int]) -> None:
    from builder.extract.dates import find_dates

    assert [(d.day, d.month) for d in find_dates(text)] == [day]


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


@pytest.mark.parametrize("text, day_month", [
    ("Sáng nay (19/1), tại phiên bế mạc", (19, 1)),
    ("Trong hai ngày (1-2/12), Ủy ban họp", (1, 12)),
    ("từ ngày 25-27/9 tại Khánh Hòa", (25, 9)),
])
def test_dates_in_parentheses_and_ranges_take_the_first_day(text, day_month):
    [d] = find_dates(text)
    assert (d.day, d.month) == day_month


# ---------------------------------------------------------------- terms of one sentence


def test_term_after_ordinal_and_comma():
    """'… lần thứ XX, nhiệm kỳ 2025-2030' still names the congress before the comma."""
    from builder.extract.context import ArticleContext
    from builder.extract.terms import find_terms

    ctx = ArticleContext()
    sentence = ctx.sentence("Đại hội đại biểu Đảng bộ tỉnh Hòa Bình lần thứ XX, nhiệm kỳ 2025-2030 khai mạc.")
    terms = find_terms(sentence, ctx)
    assert [(t.body, t.start, t.end) for t in terms] == [
        ("Đại hội đại biểu Đảng bộ tỉnh Hòa Bình lần thứ XX", 2025, 2030)]
