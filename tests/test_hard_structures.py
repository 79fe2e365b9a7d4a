"""Hard structures for holdings and events, one table of invented cases per structure.

Every sentence here is made up for these tests (fictional people, generic news wording);
none is copied from the seed, gold or dev articles. The expected facts follow the
annotation conventions of shared/gold/README.md and shared/dev/README.md: one hold per
(person, role, body); roles and bodies canonical and expanded (T.Ư/TW → Trung ương,
UBND → Ủy ban nhân dân, HĐND → Hội đồng nhân dân, TP.HCM → Thành phố Hồ Chí Minh);
lower-case titles give the same capitalised role; holds are time-agnostic (a role being
left counts); "nguyên" titles and career lists of past posts give no hold; a body whose
province, city or company the sentence omits takes it from the article, and stays bare
("Tỉnh ủy") when the article never names it.

Structures:

1. a title shared by a list ("các đồng chí Ủy viên Bộ Chính trị: A, …; B, …");
2. numbered lists ("1. …", "1) …") and one person per line under a header line;
3. titles in parentheses after the name;
4. titles joined by " - ", " – " or a bare "-";
5. bodies implied by the article (a province, city or company named once);
6. Chủ tịch nước and Thủ tướng, whose body is not written;
7. short references ("bà Mai", "ông Thưởng") resolved to the full name;
8. a role left and a role taken in one sentence;
9. "nguyên" titles and career lists;
10. several meetings in one article, each with its own date, place and chair.
"""

from __future__ import annotations

import pytest

from builder.extract import extract
from builder.model import Event, Facts
from builder.text.ingest import make_article

Hold = tuple[str, str, str]

UV_BCT = ("Ủy viên", "Bộ Chính trị")
UV_TW = ("Ủy viên", "Ban Chấp hành Trung ương")
BTC_TW = "Ban Tổ chức Trung ương"


def facts_of(text: str, published: str | None = None) -> Facts:
    meta: dict[str, str | None] | None = {"published": published} if published else None
    return extract(make_article("t1", "t1.txt", text, meta=meta))


def holds(facts: Facts) -> set[Hold]:
    return {(h.person, h.role, h.body) for h in facts.holdings}


def held(person: str, *pairs: tuple[str, str]) -> set[Hold]:
    """The holds of one person, from (role, body) pairs."""
    return {(person, role, body) for role, body in pairs}


def people(facts: Facts) -> set[str]:
    """Every person string the facts name: holders, chairs and participants."""
    named = {h.person for h in facts.holdings}
    for ev in facts.events:
        named |= set(ev.chair) | set(ev.participants)
    return named


def event_row(ev: Event) -> tuple[str, str | None, str | None, str | None, str | None, list[str], list[str]]:
    return (ev.kind, ev.name, ev.date, ev.place, ev.organizer, ev.chair, ev.participants)


# ---------------------------------------------------------------- 1. a title shared by a list

SHARED_TITLE_LISTS = [
    pytest.param(
        "Dự hội nghị có các đồng chí Ủy viên Bộ Chính trị: Đỗ Minh Quang, Bí thư Thành ủy Hà Nội; "
        "Lê Thị Thu Hà, Trưởng Ban Tổ chức Trung ương.",
        held("Đỗ Minh Quang", UV_BCT, ("Bí thư", "Thành ủy Hà Nội"))
        | held("Lê Thị Thu Hà", UV_BCT, ("Trưởng ban", BTC_TW)),
        id="colon-header-name-then-title"),
    pytest.param(
        "Tham dự hội nghị có các đồng chí Ủy viên Trung ương Đảng: Phó Trưởng ban Tổ chức Trung ương "
        "Hoàng Văn Toàn, Bí thư Tỉnh ủy Thanh Hóa Lương Văn Sơn, Chủ tịch UBND tỉnh Nghệ An Phan Thị Hằng.",
        held("Hoàng Văn Toàn", UV_TW, ("Phó Trưởng ban", BTC_TW))
        | held("Lương Văn Sơn", UV_TW, ("Bí thư", "Tỉnh ủy Thanh Hóa"))
        | held("Phan Thị Hằng", UV_TW, ("Chủ tịch", "Ủy ban nhân dân tỉnh Nghệ An")),
        id="colon-header-title-then-name"),
    pytest.param(
        "Các đồng chí Ủy viên T.Ư Đảng: Trần Văn Lộc, Bí thư Tỉnh ủy Quảng Trị; Đinh Thị Ngọc, "
        "Phó Trưởng ban Dân vận T.Ư; Vũ Hải Nam, Chủ tịch HĐND TP.HCM cùng dự buổi làm việc.",
        held("Trần Văn Lộc", UV_TW, ("Bí thư", "Tỉnh ủy Quảng Trị"))
        | held("Đinh Thị Ngọc", UV_TW, ("Phó Trưởng ban", "Ban Dân vận Trung ương"))
        | held("Vũ Hải Nam", UV_TW, ("Chủ tịch", "Hội đồng nhân dân Thành phố Hồ Chí Minh")),
        id="abbreviated-header-three-people"),
    pytest.param(
        "Hội nghị đã bầu các Phó Bí thư Tỉnh ủy Gia Lai gồm: ông Nguyễn Đức Tuấn, Chủ tịch UBND tỉnh; "
        "bà Trương Thị Hạnh, Chủ tịch HĐND tỉnh.",
        held("Nguyễn Đức Tuấn", ("Phó Bí thư", "Tỉnh ủy Gia Lai"), ("Chủ tịch", "Ủy ban nhân dân tỉnh Gia Lai"))
        | held("Trương Thị Hạnh", ("Phó Bí thư", "Tỉnh ủy Gia Lai"),
               ("Chủ tịch", "Hội đồng nhân dân tỉnh Gia Lai")),
        id="gom-header-items-without-province"),
]


@pytest.mark.parametrize("text, expected", SHARED_TITLE_LISTS)
def test_title_shared_by_a_list(text: str, expected: set[Hold]) -> None:
    assert holds(facts_of(text)) == expected


# ---------------------------------------------------------------- 2. numbered and line-per-person lists

LISTS = [
    pytest.param(
        "Tham dự buổi làm việc có:\n"
        "1. Ông Trần Minh Đức, Phó Chủ tịch UBND tỉnh Thanh Hóa.\n"
        "2. Bà Lê Thị Hoa, Phó Bí thư Tỉnh ủy Thanh Hóa.\n"
        "3. Ông Phạm Văn Tú, Trưởng ban Tổ chức Tỉnh ủy Thanh Hóa.\n",
        held("Trần Minh Đức", ("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Thanh Hóa"))
        | held("Lê Thị Hoa", ("Phó Bí thư", "Tỉnh ủy Thanh Hóa"))
        | held("Phạm Văn Tú", ("Trưởng ban", "Ban Tổ chức Tỉnh ủy Thanh Hóa")),
        id="numbered-dot-lines"),
    pytest.param(
        "Ban Thường vụ Tỉnh ủy Sơn La giới thiệu hai đồng chí: 1) đồng chí Hà Văn Bình, Chủ tịch HĐND "
        "tỉnh Sơn La; 2) đồng chí Cầm Thị Mai, Phó Chủ tịch UBND tỉnh Sơn La.",
        held("Hà Văn Bình", ("Chủ tịch", "Hội đồng nhân dân tỉnh Sơn La"))
        | held("Cầm Thị Mai", ("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Sơn La")),
        id="numbered-paren-inline"),
    pytest.param(
        "Đoàn công tác của tỉnh gồm:\n"
        "1. Ông Đỗ Văn Hưng, phó bí thư tỉnh ủy Hà Tĩnh\n"
        "2. Bà Ngô Thị Huyền, phó chủ tịch HĐND tỉnh Hà Tĩnh\n",
        held("Đỗ Văn Hưng", ("Phó Bí thư", "Tỉnh ủy Hà Tĩnh"))
        | held("Ngô Thị Huyền", ("Phó Chủ tịch", "Hội đồng nhân dân tỉnh Hà Tĩnh")),
        id="numbered-lowercase-titles"),
    pytest.param(
        "Đến dự hội nghị có các đồng chí:\n"
        "Bùi Văn Thắng, Bí thư Tỉnh ủy Bình Định\n"
        "Huỳnh Thị Lan, Chủ tịch UBND tỉnh Bình Định\n"
        "Đặng Quốc Việt, Trưởng ban Tuyên giáo Tỉnh ủy Bình Định\n",
        held("Bùi Văn Thắng", ("Bí thư", "Tỉnh ủy Bình Định"))
        | held("Huỳnh Thị Lan", ("Chủ tịch", "Ủy ban nhân dân tỉnh Bình Định"))
        | held("Đặng Quốc Việt", ("Trưởng ban", "Ban Tuyên giáo Tỉnh ủy Bình Định")),
        id="line-per-person-name-then-title"),
    pytest.param(
        "Lãnh đạo tỉnh dự lễ khánh thành:\n"
        "Bí thư Tỉnh ủy Nghệ An Hồ Đức Lộc\n"
        "Chủ tịch HĐND tỉnh Nghệ An Thái Thị Hương\n"
        "Phó Chủ tịch UBND tỉnh Nghệ An Lê Đình Khoa\n",
        held("Hồ Đức Lộc", ("Bí thư", "Tỉnh ủy Nghệ An"))
        | held("Thái Thị Hương", ("Chủ tịch", "Hội đồng nhân dân tỉnh Nghệ An"))
        | held("Lê Đình Khoa", ("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Nghệ An")),
        id="line-per-person-title-then-name"),
]


@pytest.mark.parametrize("text, expected", LISTS)
def test_numbered_and_line_per_person_lists(text: str, expected: set[Hold]) -> None:
    assert holds(facts_of(text)) == expected


# ---------------------------------------------------------------- 3. titles in parentheses

PARENTHESES = [
    pytest.param(
        "Hội nghị có sự tham dự của ông Nguyễn Văn Tám (Phó Bí thư Tỉnh ủy Nghệ An).",
        held("Nguyễn Văn Tám", ("Phó Bí thư", "Tỉnh ủy Nghệ An")),
        id="single-title"),
    pytest.param(
        "Bà Trần Thị Thu (Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Quảng Ngãi) phát biểu chỉ đạo.",
        held("Trần Thị Thu", UV_TW, ("Bí thư", "Tỉnh ủy Quảng Ngãi")),
        id="compound-title"),
    pytest.param(
        "Ông Lê Văn Hòa (Chủ tịch UBND tỉnh Thanh Hóa) và bà Đặng Thu Trang (Chủ tịch HĐND tỉnh Thanh Hóa) "
        "cùng dự lễ.",
        held("Lê Văn Hòa", ("Chủ tịch", "Ủy ban nhân dân tỉnh Thanh Hóa"))
        | held("Đặng Thu Trang", ("Chủ tịch", "Hội đồng nhân dân tỉnh Thanh Hóa")),
        id="two-people"),
    pytest.param(
        "Đồng chí Mai Xuân Bắc (phó trưởng ban Tổ chức TW) trao quyết định cho các đồng chí được bổ nhiệm.",
        held("Mai Xuân Bắc", ("Phó Trưởng ban", BTC_TW)),
        id="lowercase-TW"),
    pytest.param(
        "Ông Dương Minh Tân (Phó Bí thư Thành ủy TP.HCM) dự và phát biểu tại buổi lễ.",
        held("Dương Minh Tân", ("Phó Bí thư", "Thành ủy Thành phố Hồ Chí Minh")),
        id="TP.HCM"),
]


@pytest.mark.parametrize("text, expected", PARENTHESES)
def test_titles_in_parentheses(text: str, expected: set[Hold]) -> None:
    assert holds(facts_of(text)) == expected


# ---------------------------------------------------------------- 4. titles joined by dashes

DASHES = [
    pytest.param(
        "Ủy viên Trung ương Đảng - Bí thư Tỉnh ủy Thanh Hóa Nguyễn Văn Tùng phát biểu tại hội nghị.",
        held("Nguyễn Văn Tùng", UV_TW, ("Bí thư", "Tỉnh ủy Thanh Hóa")),
        id="hyphen-before-name"),
    pytest.param(
        "Ủy viên Bộ Chính trị – Trưởng ban Tổ chức Trung ương Lê Hoàng Phúc trao quyết định.",
        held("Lê Hoàng Phúc", UV_BCT, ("Trưởng ban", BTC_TW)),
        id="en-dash-before-name"),
    pytest.param(
        "Đồng chí Phạm Văn Nghĩa – Phó Bí thư Thường trực Tỉnh ủy Quảng Trị phát biểu khai mạc.",
        held("Phạm Văn Nghĩa", ("Phó Bí thư Thường trực", "Tỉnh ủy Quảng Trị")),
        id="en-dash-after-name"),
    pytest.param(
        "Đồng chí Hoàng Thị Yến-Ủy viên T.Ư Đảng, Bí thư Tỉnh ủy Phú Thọ dự và chỉ đạo hội nghị.",
        held("Hoàng Thị Yến", UV_TW, ("Bí thư", "Tỉnh ủy Phú Thọ")),
        id="glued-hyphen-after-name"),
    pytest.param(
        "Ủy viên TW Đảng - Phó Trưởng ban Tổ chức TW Vũ Thanh Bình trình bày báo cáo.",
        held("Vũ Thanh Bình", UV_TW, ("Phó Trưởng ban", BTC_TW)),
        id="hyphen-TW"),
]


@pytest.mark.parametrize("text, expected", DASHES)
def test_titles_joined_by_dashes(text: str, expected: set[Hold]) -> None:
    assert holds(facts_of(text)) == expected


# ---------------------------------------------------------------- 5. body implied by the article

CONTEXT_BODIES = [
    pytest.param(
        "Tỉnh ủy Quảng Trị triển khai công tác cán bộ năm 2024\n\n"
        "Sáng 5/3, Ban Thường vụ Tỉnh ủy Quảng Trị tổ chức hội nghị triển khai công tác cán bộ năm 2024. "
        "Dự hội nghị có đồng chí Lê Minh Tuấn, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh; "
        "đồng chí Hồ Thị Hoa, Phó Chủ tịch UBND tỉnh.\n",
        held("Lê Minh Tuấn", ("Phó Bí thư", "Tỉnh ủy Quảng Trị"), ("Chủ tịch", "Ủy ban nhân dân tỉnh Quảng Trị"))
        | held("Hồ Thị Hoa", ("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Quảng Trị")),
        id="province-from-headline"),
    pytest.param(
        "Đảng bộ Tổng công ty Lương thực miền Nam tổ chức Đại hội lần thứ V\n\n"
        "Ngày 20/4, tại Thành phố Hồ Chí Minh, Đảng bộ Tổng công ty Lương thực miền Nam tổ chức Đại hội "
        "đại biểu lần thứ V, nhiệm kỳ 2025-2030. Đồng chí Trịnh Văn Long, Bí thư Đảng ủy phát biểu khai mạc "
        "đại hội. Đồng chí Mai Thị Hạnh, Phó Bí thư Đảng ủy trình bày báo cáo chính trị.\n",
        held("Trịnh Văn Long", ("Bí thư", "Đảng ủy Tổng công ty Lương thực miền Nam"))
        | held("Mai Thị Hạnh", ("Phó Bí thư", "Đảng ủy Tổng công ty Lương thực miền Nam")),
        id="company-party-committee"),
    pytest.param(
        "Thành ủy Đà Nẵng sơ kết công tác tổ chức xây dựng Đảng 6 tháng đầu năm\n\n"
        "Chiều 10/7, Ban Thường vụ Thành ủy Đà Nẵng tổ chức hội nghị sơ kết công tác tổ chức xây dựng Đảng "
        "6 tháng đầu năm. Đồng chí Lương Quốc Minh, Bí thư Thành ủy phát biểu chỉ đạo. "
        "Đồng chí Ngô Thị Thúy, Chủ tịch HĐND thành phố cùng dự.\n",
        held("Lương Quốc Minh", ("Bí thư", "Thành ủy Đà Nẵng"))
        | held("Ngô Thị Thúy", ("Chủ tịch", "Hội đồng nhân dân thành phố Đà Nẵng")),
        id="city-from-headline"),
    pytest.param(
        "Ban Tổ chức Tỉnh ủy gặp mặt cán bộ hưu trí\n\n"
        "Sáng 25/1, Ban Tổ chức Tỉnh ủy tổ chức gặp mặt cán bộ hưu trí của ngành. "
        "Đồng chí Lê Văn Tâm, Phó Bí thư Tỉnh ủy phát biểu.\n",
        held("Lê Văn Tâm", ("Phó Bí thư", "Tỉnh ủy")),
        id="province-never-named-stays-bare"),
]


@pytest.mark.parametrize("text, expected", CONTEXT_BODIES)
def test_body_implied_by_the_article(text: str, expected: set[Hold]) -> None:
    assert holds(facts_of(text)) == expected


# ---------------------------------------------------------------- 6. Chủ tịch nước, Thủ tướng

STATE_LEADERS = [
    pytest.param(
        "Chủ tịch nước Nguyễn Văn Đông dự lễ kỷ niệm ngày truyền thống ngành Tổ chức xây dựng Đảng.",
        held("Nguyễn Văn Đông", ("Chủ tịch nước", "Nhà nước")),
        id="chu-tich-nuoc"),
    pytest.param(
        "Chủ tịch Nước Phan Văn Hữu tiếp đoàn đại biểu người có công tỉnh Quảng Trị.",
        held("Phan Văn Hữu", ("Chủ tịch nước", "Nhà nước")),
        id="chu-tich-Nuoc-capital"),
    pytest.param(
        "Sáng nay, chủ tịch nước Đoàn Minh Quý đã tiếp đoàn cựu chiến binh tỉnh Hà Tĩnh.",
        held("Đoàn Minh Quý", ("Chủ tịch nước", "Nhà nước")),
        id="chu-tich-nuoc-lowercase"),
    pytest.param(
        "Ủy viên Bộ Chính trị, Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam Trần Văn Đông phát biểu.",
        held("Trần Văn Đông", UV_BCT, ("Chủ tịch nước", "Nhà nước")),
        id="chu-tich-nuoc-full-state-name"),
    pytest.param(
        "Tổng Bí thư, Chủ tịch nước Đỗ Văn Lâm làm việc với Ban Thường vụ Tỉnh ủy Nghệ An.",
        held("Đỗ Văn Lâm", ("Tổng Bí thư", "Ban Chấp hành Trung ương"), ("Chủ tịch nước", "Nhà nước")),
        id="tong-bi-thu-chu-tich-nuoc"),
    pytest.param(
        "Phó Chủ tịch nước Võ Thị Thanh trao tặng Huân chương cho các tập thể.",
        held("Võ Thị Thanh", ("Phó Chủ tịch nước", "Nhà nước")),
        id="pho-chu-tich-nuoc"),
    pytest.param(
        "Thủ tướng Chính phủ Lê Quốc Bảo chủ trì phiên họp Chính phủ thường kỳ tháng 5.",
        held("Lê Quốc Bảo", ("Thủ tướng", "Chính phủ")),
        id="thu-tuong-chinh-phu"),
    pytest.param(
        "Ủy viên Bộ Chính trị, Thủ tướng Lê Quốc Bảo phát biểu chỉ đạo hội nghị.",
        held("Lê Quốc Bảo", UV_BCT, ("Thủ tướng", "Chính phủ")),
        id="thu-tuong-bare-after-another-title"),
    pytest.param(
        "Phó Thủ tướng Chính phủ Hồ Minh Tâm kiểm tra tiến độ dự án.",
        held("Hồ Minh Tâm", ("Phó Thủ tướng", "Chính phủ")),
        id="pho-thu-tuong"),
]


@pytest.mark.parametrize("text, expected", STATE_LEADERS)
def test_state_leaders_without_a_written_body(text: str, expected: set[Hold]) -> None:
    assert holds(facts_of(text)) == expected


# ---------------------------------------------------------------- 7. short references

SHORT_REFERENCES = [
    pytest.param(
        "Sáng 12/5, tại thành phố Đông Hà, Ban Thường vụ Tỉnh ủy Quảng Trị tổ chức Hội nghị quán triệt "
        "Nghị quyết Đại hội. Dự hội nghị có Bí thư Tỉnh ủy Quảng Trị Trần Thị Mai và Phó Bí thư Tỉnh ủy "
        "Quảng Trị Lê Văn Hòa. Bà Mai chủ trì hội nghị.",
        held("Trần Thị Mai", ("Bí thư", "Tỉnh ủy Quảng Trị")) | held("Lê Văn Hòa", ("Phó Bí thư", "Tỉnh ủy Quảng Trị")),
        "Trần Thị Mai", ["Lê Văn Hòa"], "Mai",
        id="ba-Mai"),
    pytest.param(
        "Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Hà Tĩnh Đinh Công Thưởng vừa có buổi làm việc với Đảng ủy "
        "Khối các cơ quan tỉnh. Chiều 8/6, tại thành phố Hà Tĩnh, Tỉnh ủy Hà Tĩnh tổ chức Hội nghị cán bộ chủ "
        "chốt toàn tỉnh. Ông Thưởng chủ trì hội nghị.",
        held("Đinh Công Thưởng", UV_TW, ("Bí thư", "Tỉnh ủy Hà Tĩnh")),
        "Đinh Công Thưởng", [], "Thưởng",
        id="ong-Thuong"),
    pytest.param(
        "Sáng 20/9, tại Hà Nội, Ban Tổ chức Trung ương tổ chức Hội nghị tập huấn nghiệp vụ công tác tổ chức. "
        "Phó Trưởng ban Tổ chức Trung ương Lại Văn Chính phát biểu khai mạc. "
        "Hội nghị do đồng chí Chính chủ trì.",
        held("Lại Văn Chính", ("Phó Trưởng ban", BTC_TW)),
        "Lại Văn Chính", [], "Chính",
        id="dong-chi-Chinh-before-the-verb"),
    pytest.param(
        "Chiều 2/11, tại thành phố Đà Lạt, Tỉnh ủy Lâm Đồng tổ chức Hội nghị giao ban khối Đảng. "
        "Dự hội nghị có Bí thư Tỉnh ủy Lâm Đồng Nguyễn Văn Hùng và Chủ tịch UBND tỉnh Lâm Đồng "
        "Nguyễn Thị Lan. Bà Lan chủ trì hội nghị.",
        held("Nguyễn Văn Hùng", ("Bí thư", "Tỉnh ủy Lâm Đồng"))
        | held("Nguyễn Thị Lan", ("Chủ tịch", "Ủy ban nhân dân tỉnh Lâm Đồng")),
        "Nguyễn Thị Lan", ["Nguyễn Văn Hùng"], "Lan",
        id="ba-Lan-same-surname-as-another"),
]


@pytest.mark.parametrize("text, expected_holds, chair, participants, short", SHORT_REFERENCES)
def test_short_reference_is_the_full_name(text: str, expected_holds: set[Hold], chair: str,
                                          participants: list[str], short: str) -> None:
    f = facts_of(text, published="2024-12-31")
    assert holds(f) == expected_holds
    [ev] = f.events
    assert ev.chair == [chair]
    assert ev.participants == participants
    assert short not in people(f)


# ---------------------------------------------------------------- 8. a role left, a role taken

LEFT_AND_TAKEN = [
    pytest.param(
        "Bộ Chính trị quyết định điều động đồng chí Đào Quang Khải thôi giữ chức Bí thư Tỉnh ủy Hưng Yên "
        "để nhận nhiệm vụ mới.",
        held("Đào Quang Khải", ("Bí thư", "Tỉnh ủy Hưng Yên")),
        id="left-for-a-new-duty"),
    pytest.param(
        "Đồng chí Trịnh Minh Khoa thôi giữ chức Bí thư Tỉnh ủy Lạng Sơn, được điều động, phân công giữ chức "
        "Phó Trưởng ban Tổ chức Trung ương.",
        held("Trịnh Minh Khoa", ("Bí thư", "Tỉnh ủy Lạng Sơn"), ("Phó Trưởng ban", BTC_TW)),
        id="left-then-taken"),
    pytest.param(
        "Ban Bí thư quyết định điều động, bổ nhiệm ông Trương Công Hậu, Phó Chủ tịch UBND tỉnh Bình Định, "
        "giữ chức Thứ trưởng Bộ Nội vụ.",
        held("Trương Công Hậu", ("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Bình Định"), ("Thứ trưởng", "Bộ Nội vụ")),
        id="current-title-then-appointed"),
    pytest.param(
        "Ông Lý Văn Hiền, phó bí thư tỉnh ủy Sóc Trăng, được điều động giữ chức bí thư Tỉnh ủy Hậu Giang.",
        held("Lý Văn Hiền", ("Phó Bí thư", "Tỉnh ủy Sóc Trăng"), ("Bí thư", "Tỉnh ủy Hậu Giang")),
        id="lowercase-left-and-taken"),
]


@pytest.mark.parametrize("text, expected", LEFT_AND_TAKEN)
def test_role_left_and_role_taken_both_count(text: str, expected: set[Hold]) -> None:
    assert holds(facts_of(text)) == expected


# ---------------------------------------------------------------- 9. former titles and career lists

FORMER_AND_CAREER = [
    pytest.param(
        "Dự lễ có nguyên Bí thư Tỉnh ủy Thanh Hóa Lương Văn Thịnh và nhiều cán bộ hưu trí.",
        set(),
        id="nguyen-before-name"),
    pytest.param(
        "Đồng chí Nguyễn Văn Hậu, nguyên Ủy viên Trung ương Đảng, nguyên Bí thư Tỉnh ủy Phú Yên dự lễ kỷ niệm.",
        set(),
        id="nguyen-chain-after-name"),
    pytest.param(
        "Tới dự có ông Đặng Văn Lực, nguyên phó chủ tịch UBND TP.HCM.",
        set(),
        id="nguyen-lowercase-TP.HCM"),
    pytest.param(
        "Ông Trần Quốc Hưng sinh năm 1972, quê Kiên Giang. Ông từng giữ các chức vụ: Phó Chủ tịch UBND tỉnh "
        "Kiên Giang, Bí thư Huyện ủy Châu Thành, Phó Bí thư Tỉnh ủy Kiên Giang.",
        set(),
        id="career-list"),
    pytest.param(
        "Đồng chí Phan Thanh Tùng, Bí thư Tỉnh ủy Vĩnh Long, trước đó lần lượt kinh qua các chức vụ: bí thư "
        "Huyện ủy Long Hồ, phó chủ tịch UBND tỉnh Vĩnh Long, trưởng Ban Tổ chức Tỉnh ủy Vĩnh Long.",
        held("Phan Thanh Tùng", ("Bí thư", "Tỉnh ủy Vĩnh Long")),
        id="current-title-then-career-list"),
]


@pytest.mark.parametrize("text, expected", FORMER_AND_CAREER)
def test_former_titles_and_career_lists_give_no_hold(text: str, expected: set[Hold]) -> None:
    assert holds(facts_of(text)) == expected


# ---------------------------------------------------------------- 10. several meetings in one article

MEETINGS = [
    pytest.param(
        "Sáng 12/3, tại Hà Nội, Ban Tổ chức Trung ương tổ chức Hội nghị tập huấn công tác đảng viên. "
        "Phó Trưởng ban Tổ chức Trung ương Đoàn Văn Khiêm chủ trì hội nghị. "
        "Chiều 14/3, tại thành phố Huế, Thành ủy Huế tổ chức Hội nghị cán bộ chủ chốt. "
        "Bí thư Thành ủy Huế Phan Thị Lệ chủ trì hội nghị.",
        "2025-03-20",
        [("hội nghị", "Hội nghị tập huấn công tác đảng viên", "2025-03-12", "Hà Nội", BTC_TW,
          ["Đoàn Văn Khiêm"], []),
         ("hội nghị", "Hội nghị cán bộ chủ chốt", "2025-03-14", "thành phố Huế", "Thành ủy Huế",
          ["Phan Thị Lệ"], [])],
        id="chair-in-the-next-sentence"),
    pytest.param(
        "Sáng 3/10, tại thành phố Vinh, Ban Thường vụ Tỉnh ủy Nghệ An tổ chức Hội nghị quán triệt Quy định "
        "về công tác cán bộ, đồng chí Hồ Đức Lộc, Bí thư Tỉnh ủy Nghệ An chủ trì. "
        "Chiều 4/10, tại Hà Nội, Ban Tổ chức Trung ương tổ chức Hội nghị giao ban công tác tổ chức xây dựng "
        "Đảng, đồng chí Vương Thị Hà, Phó Trưởng ban Tổ chức Trung ương chủ trì.",
        "2024-10-06",
        [("hội nghị", "Hội nghị quán triệt Quy định về công tác cán bộ", "2024-10-03", "thành phố Vinh",
          "Ban Thường vụ Tỉnh ủy Nghệ An", ["Hồ Đức Lộc"], []),
         ("hội nghị", "Hội nghị giao ban công tác tổ chức xây dựng Đảng", "2024-10-04", "Hà Nội", BTC_TW,
          ["Vương Thị Hà"], [])],
        id="chair-in-the-same-sentence"),
    pytest.param(
        "Sáng 9-8-2025, tại thành phố Thái Nguyên, Ban Thường vụ Tỉnh ủy Thái Nguyên tổ chức Hội nghị lấy "
        "phiếu tín nhiệm. Đồng chí Trịnh Ngọc Hưng, Bí thư Tỉnh ủy Thái Nguyên chủ trì hội nghị. "
        "Sáng 11-8-2025, tại Hà Nội, Ban Tổ chức Trung ương tổ chức Hội nghị thẩm định nhân sự. "
        "Hội nghị do đồng chí Lâm Văn Đạt, Phó Trưởng ban Tổ chức Trung ương chủ trì.",
        None,
        [("hội nghị", "Hội nghị lấy phiếu tín nhiệm", "2025-08-09", "thành phố Thái Nguyên",
          "Ban Thường vụ Tỉnh ủy Thái Nguyên", ["Trịnh Ngọc Hưng"], []),
         ("hội nghị", "Hội nghị thẩm định nhân sự", "2025-08-11", "Hà Nội", BTC_TW, ["Lâm Văn Đạt"], [])],
        id="dash-dates-with-year-chair-before-verb"),
    pytest.param(
        "Sáng 15/4, tại thành phố Cà Mau, Ban Thường vụ Tỉnh ủy Cà Mau tổ chức Hội nghị sơ kết công tác quý I. "
        "Bí thư Tỉnh ủy Cà Mau Huỳnh Minh Nhựt chủ trì hội nghị. "
        "Chiều 15/4, tại Hà Nội, Ban Tổ chức Trung ương tổ chức Hội nghị góp ý dự thảo hướng dẫn. "
        "Phó Trưởng ban Tổ chức Trung ương Nguyễn Thị Phương chủ trì hội nghị.",
        "2025-04-16",
        [("hội nghị", "Hội nghị sơ kết công tác quý I", "2025-04-15", "thành phố Cà Mau",
          "Ban Thường vụ Tỉnh ủy Cà Mau", ["Huỳnh Minh Nhựt"], []),
         ("hội nghị", "Hội nghị góp ý dự thảo hướng dẫn", "2025-04-15", "Hà Nội", BTC_TW,
          ["Nguyễn Thị Phương"], [])],
        id="same-day-morning-and-afternoon"),
]


@pytest.mark.parametrize("text, published, expected", MEETINGS)
def test_several_meetings_each_with_its_own_date_place_chair(text: str, published: str | None,
                                                            expected: list[tuple]) -> None:
    f = facts_of(text, published=published)
    assert [event_row(ev) for ev in f.events] == expected
