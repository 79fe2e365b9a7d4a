"""Terms, generated: body × how khóa is written × how the range is written × the order and punctuation of khóa
and nhiệm kỳ × the sentence around it, each with the one term it must give; and ranges that are no term
(a plan's period, an activity's time, a vision) in the same sentences, which must give none. Every body and
sentence is made here from parts written for the test; none is copied from an article."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import pytest

from tests.helpers import facts_of

# (as written, canonical): bodies and congresses of every level
BODIES = [("Ban Chấp hành Đảng bộ tỉnh Lạng Sơn", "Ban Chấp hành Đảng bộ tỉnh Lạng Sơn"),
          ("Tỉnh ủy Lạng Sơn", "Tỉnh ủy Lạng Sơn"),
          ("Ban Thường vụ Tỉnh ủy Lạng Sơn", "Ban Thường vụ Tỉnh ủy Lạng Sơn"),
          ("Đảng ủy xã Tân Thành", "Đảng ủy xã Tân Thành"),
          ("Hội đồng nhân dân tỉnh Lạng Sơn", "Hội đồng nhân dân tỉnh Lạng Sơn"),
          ("HĐND tỉnh Lạng Sơn", "Hội đồng nhân dân tỉnh Lạng Sơn"),
          ("Ban Chấp hành Trung ương Đảng", "Ban Chấp hành Trung ương"),
          ("Ban Chấp hành Trung ương Hội Nông dân Việt Nam", "Ban Chấp hành Trung ương Hội Nông dân Việt Nam"),
          ("Đại hội đại biểu Đảng bộ tỉnh Lạng Sơn lần thứ XVIII",
           "Đại hội đại biểu Đảng bộ tỉnh Lạng Sơn lần thứ XVIII")]
KHOA = {"none": None, "roman": "khóa XVII", "arabic": "khóa 17", "old-spelling": "khoá XVII"}
RANGES = {"plain": "2020-2025", "spaced": "2020 - 2025", "left-space": "2020 -2025", "en-dash": "2020 – 2025",
          "right-space": "2020- 2025"}
ORDERS = ["comma", "no-comma", "parentheses", "range-first"]
FRAMES = ["{term} họp phiên thứ nhất.", "Hội nghị đã công bố kết quả bầu {term}.",
          "Đồng chí Hoàng Văn Tùng được bầu vào {term}."]
NOT_TERMS = ["Hội nghị bàn kế hoạch phát triển kinh tế - xã hội giai đoạn 2021-2025.",
             "Đại hội kiểm điểm các hoạt động trong nhiệm kỳ 2020-2025 của Ban Chấp hành.",
             "Tỉnh xây dựng quy hoạch đến năm 2030, tầm nhìn đến năm 2045.",
             "Ngân sách 3 năm 2024 - 2026 được thông qua."]


@dataclass(frozen=True)
class Generated:
    id: str
    text: str
    body: str | None
    years: tuple[int, int] | None


def _written(body: str, khoa: str | None, years: str, order: str) -> str:
    if khoa is None:
        return {"comma": f"{body}, nhiệm kỳ {years}", "no-comma": f"{body} nhiệm kỳ {years}",
                "parentheses": f"{body} (nhiệm kỳ {years})", "range-first": f"{body} nhiệm kỳ {years}"}[order]
    return {"comma": f"{body} {khoa}, nhiệm kỳ {years}", "no-comma": f"{body} {khoa} nhiệm kỳ {years}",
            "parentheses": f"{body} {khoa} (nhiệm kỳ {years})",
            "range-first": f"{body} nhiệm kỳ {years}, {khoa}"}[order]


def generate(b: int, khoa: str, spelling: str, order: str, frame: int) -> Generated | None:
    written, canonical = BODIES[b]
    if khoa != "none" and "lần thứ" in written:
        return None  # a congress has its ordinal already
    if khoa == "none" and order == "range-first":
        return None  # the same as no-comma
    k = KHOA[khoa]
    text = FRAMES[frame].format(term=_written(written, k, RANGES[spelling], order))
    text = text[0].upper() + text[1:]
    body = canonical if k is None else f"{canonical} {k}"
    return Generated(f"{b}/{khoa}/{spelling}/{order}/{frame}", text, body, (2020, 2025))


CASES = [c for c in (generate(*combo) for combo in itertools.product(
    range(len(BODIES)), KHOA, RANGES, ORDERS, range(len(FRAMES)))) if c]
NEGATIVE = [Generated(f"not-a-term/{n}", text, None, None) for n, text in enumerate(NOT_TERMS)]


def test_the_generator_makes_hundreds_of_terms() -> None:
    assert len(CASES) > 400
    assert len({c.text for c in CASES}) == len(CASES)


def _folded(text: str) -> str:
    return " ".join(text.lower().replace("khoá", "khóa").split())


@pytest.mark.parametrize("case", CASES + NEGATIVE, ids=lambda c: c.id)
def test_a_generated_term(case: Generated) -> None:
    got = [(_folded(t.body), (t.start, t.end)) for t in facts_of(case.text).terms]
    want = [] if case.body is None else [(_folded(case.body), case.years)]
    assert got == want, case.text
