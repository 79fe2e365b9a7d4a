"""Lists, generated: header form × separator and layout × item form × item count, each list with the holdings
it must give — the header's titles to every item (also to an item with titles of its own), each item's own
titles to it, and nothing of the header to the person the sentence after the list names. Every name, title
and sentence is made here from parts written for the test; none is copied from an article."""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass

import pytest

from tests.helpers import facts_of

PLACE = "Nghệ An"
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
MIDDLES = ["Văn", "Thị", "Minh", "Quốc", "Đức", "Thanh", "Hồng", "Ngọc", "Xuân", "Hữu"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Lan", "Mai", "Nam", "Phong", "Quang", "Sơn", "Tâm",
         "Thảo", "Tuấn", "Vinh", "Yến", "Khánh", "Long", "Hà", "Trung", "Lực", "Nghĩa", "Toàn"]
# (as written, role, body) of titles an item may have of its own, none in a header's body
OWN = [("Chủ tịch UBND tỉnh", "Chủ tịch", f"Ủy ban nhân dân tỉnh {PLACE}"),
       ("Trưởng Ban Tổ chức Tỉnh ủy", "Trưởng ban", f"Ban Tổ chức Tỉnh ủy {PLACE}"),
       ("Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy", "Chủ nhiệm", f"Ủy ban Kiểm tra Tỉnh ủy {PLACE}"),
       ("Giám đốc Công an tỉnh", "Giám đốc", f"Công an tỉnh {PLACE}"),
       ("Bí thư Thành ủy Vinh", "Bí thư", "Thành ủy Vinh"),
       ("Giám đốc Sở Nội vụ", "Giám đốc", f"Sở Nội vụ tỉnh {PLACE}"),
       ("Trưởng Ban Dân vận Tỉnh ủy", "Trưởng ban", f"Ban Dân vận Tỉnh ủy {PLACE}"),
       ("Chánh Văn phòng Tỉnh ủy", "Chánh Văn phòng", f"Văn phòng Tỉnh ủy {PLACE}"),
       ("Bí thư Huyện ủy Nam Đàn", "Bí thư", "Huyện ủy Nam Đàn")]

BTV = ("Ủy viên", f"Ban Thường vụ Tỉnh ủy {PLACE}")
# header as written ({n}: the count), its titles, and whether its items follow on the same line only
HEADERS = {
    "titles-colon": ("Các đồng chí Phó Bí thư Tỉnh ủy {place}:", [("Phó Bí thư", f"Tỉnh ủy {PLACE}")]),
    "body-gom-cac-dong-chi": ("Ban Thường vụ Tỉnh ủy {place} gồm các đồng chí:", [BTV]),
    "elected-n-into-body": ("Hội nghị đã bầu {n} đồng chí vào Ban Thường vụ Tỉnh ủy {place}, gồm:", [BTV]),
    "plural-title-head": ("Các Phó Chủ tịch HĐND tỉnh {place}:", [("Phó Chủ tịch", f"Hội đồng nhân dân tỉnh {PLACE}")]),
    "count-lower-title-gom": ("Hội nghị đã bầu bổ sung {n} ủy viên Ban Thường vụ Tỉnh ủy {place}, gồm:", [BTV]),
    "body-has-n-members": ("Hiện Ban Thường vụ Tỉnh ủy {place} có {n} đồng chí:", [BTV]),
    "copula-elected": ("Có {n} Ủy viên Ban Thường vụ Tỉnh ủy {place} tái đắc cử Ban Chấp hành Đảng bộ tỉnh khóa mới là",
                       [BTV, ("Ủy viên", f"Ban Chấp hành Đảng bộ tỉnh {PLACE}")]),
    "copula-plural-title": ("Các Phó Chủ tịch UBND tỉnh {place} là",
                            [("Phó Chủ tịch", f"Ủy ban nhân dân tỉnh {PLACE}")]),
    "points-back": ("Trong số các Ủy viên Ban Thường vụ Tỉnh ủy {place} có {n} đồng chí tái cử. Cụ thể gồm:", [BTV]),
    "no-header": ("Tham dự hội nghị có:", []),
}
COPULAS = {"copula-elected", "copula-plural-title"}  # "… là A, B": the items run on in the header's sentence
INLINE = {"comma", "semicolon", "semicolon-paragraphs"}
LAYOUTS = ["comma", "semicolon", "semicolon-paragraphs",
           "lines", "dash-bullets", "dot-bullets", "plus-bullets", "numbers", "numbers-paren",
           "run-on-numbers", "run-on-votes"]
ITEMS = ["bare", "honorific", "name-comma-title", "name-dash-title", "title-name", "name-paren-title",
         "born-between"]
COUNTS = [1, 2, 7, 20]
AFTER = "Dự hội nghị còn có đồng chí {name}, Phó Giám đốc Sở Tài chính."
AFTER_HOLDING = ("Phó Giám đốc", f"Sở Tài chính tỉnh {PLACE}")


@dataclass(frozen=True)
class Generated:
    id: str
    text: str
    expected: frozenset[tuple[str, str, str]]


def _names(rng: random.Random, n: int) -> list[str]:
    out: list[str] = []
    while len(out) < n:
        name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLES)} {rng.choice(GIVEN)}"
        if name not in out:
            out.append(name)
    return out


def _item(form: str, name: str, own: tuple[str, str, str], honorific: str) -> tuple[str, bool]:
    """An item as written, and whether it gives its own title."""
    written = own[0]
    return {
        "bare": (name, False),
        "honorific": (f"{honorific} {name}", False),
        "name-comma-title": (f"{honorific} {name}, {written}", True),
        "name-dash-title": (f"{name} - {written}", True),
        "title-name": (f"{written} {name}", True),
        "name-paren-title": (f"{name} ({written})", True),
        "born-between": (f"{honorific} {name}, sinh năm 1972, {written}", True),
    }[form]


def _join(layout: str, items: list[str]) -> str:
    if layout == "comma":
        return " " + ", ".join(items) + "."
    if layout == "semicolon":
        return " " + "; ".join(items) + "."
    if layout == "semicolon-paragraphs":  # "A; B;\n\nC; D.": the list goes on in the next paragraph
        half = (len(items) + 1) // 2
        return " " + "; ".join(items[:half]) + ";\n\n" + "; ".join(items[half:]) + "." if len(items) > 1 else \
            " " + items[0] + "."
    if layout == "run-on-numbers":
        return " " + "; ".join(f"{k}. {it}" for k, it in enumerate(items, 1)) + "."
    if layout == "run-on-votes":  # an election result: "1. A: 479/487 (91,5%) 2. B: …"
        return " " + " ".join(f"{k}. {it}: {480 - k}/487 (9{k % 10},5%)" for k, it in enumerate(items, 1)) + "\n"
    mark = {"lines": "", "dash-bullets": "- ", "dot-bullets": "• ", "plus-bullets": "+ "}
    lines = [(f"{k}. " if layout == "numbers" else f"{k}) " if layout == "numbers-paren" else mark[layout]) + it
             for k, it in enumerate(items, 1)]
    return "\n" + ";\n".join(lines) + ".\n"


def generate(header: str, layout: str, form: str, count: int) -> Generated | None:
    """One list, or None where the combination is not how lists are written (a comma between items that
    have titles after a comma of their own)."""
    if layout == "comma" and form in ("name-comma-title", "born-between", "name-dash-title"):
        return None
    if header in COPULAS and layout not in INLINE:
        return None
    if header == "no-header" and form in ("bare", "honorific"):
        return None  # a list of bare names with no header says nothing of anyone
    case_id = f"{header}/{layout}/{form}/{count}"
    rng = random.Random(case_id)
    names = _names(rng, count + 1)
    written, titles = HEADERS[header]
    expected: set[tuple[str, str, str]] = set()
    items = []
    for k, name in enumerate(names[:count]):
        own = OWN[(k + rng.randrange(len(OWN))) % len(OWN)]
        item, gives = _item(form, name, own, rng.choice(["Ông", "Bà", "Đồng chí"]))
        items.append(item)
        expected |= {(name, role, body) for role, body in titles}
        if gives:
            expected.add((name, own[1], own[2]))
    lead = f"Tỉnh ủy {PLACE} tổ chức hội nghị công bố quyết định về công tác cán bộ.\n"
    text = lead + written.format(place=PLACE, n=count) + _join(layout, items)
    text += ("" if text.endswith("\n") else "\n") + AFTER.format(name=names[count]) + "\n"
    expected.add((names[count], *AFTER_HOLDING))
    return Generated(case_id, text, frozenset(expected))


CASES = [c for c in (generate(*combo) for combo in itertools.product(HEADERS, LAYOUTS, ITEMS, COUNTS)) if c]


def test_the_generator_makes_hundreds_of_lists() -> None:
    assert len(CASES) > 800
    assert len({c.text for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_a_generated_list(case: Generated) -> None:
    got = {(h.person, h.role, h.body) for h in facts_of(case.text).holdings}
    missing, extra = case.expected - got, got - case.expected
    assert not missing and not extra, f"{case.text}\nmissing: {sorted(missing)}\nextra: {sorted(extra)}"


# A header naming a role in the plural without its body, each item writing its own body before its person:
# "Danh sách các giám đốc sở như sau: 1. Sở Nội vụ - ông A; 2. Sở Tài chính - bà B …"
BODIED_ROLES = {
    "giám đốc sở": ("Giám đốc", [(f"Sở {s}", f"Sở {s} tỉnh {PLACE}")
                                 for s in ("Nội vụ", "Tài chính", "Xây dựng", "Y tế")]),
    "bộ trưởng": ("Bộ trưởng", [("Bộ Quốc phòng", "Bộ Quốc phòng"), ("Bộ Công an", "Bộ Công an"),
                                ("Bộ Tư pháp", "Bộ Tư pháp"), ("Bộ Tài chính", "Bộ Tài chính")]),
}
BODIED_HEADERS = ["Danh sách các {role} như sau:", "Danh sách {n} {role} và kết quả kiểm phiếu:"]
BODIED_LAYOUTS = ["run-on-numbers", "run-on-votes", "numbers", "semicolon"]


def bodied_list(role: str, header: str, layout: str, count: int) -> Generated:
    rng = random.Random(f"{role}/{header}/{layout}/{count}")
    held, bodies = BODIED_ROLES[role]
    names = _names(rng, count)
    items = [f"{bodies[k % len(bodies)][0]} - {rng.choice(['ông', 'bà', 'đồng chí'])} {name}"
             for k, name in enumerate(names)]
    text = f"Tỉnh ủy {PLACE} tổ chức hội nghị.\n" + header.format(role=role, n=count) + _join(layout, items)
    expected = frozenset((name, held, bodies[k % len(bodies)][1]) for k, name in enumerate(names))
    return Generated(f"{role}/{header}/{layout}/{count}", text, expected)


BODIED = [bodied_list(*combo) for combo in itertools.product(BODIED_ROLES, BODIED_HEADERS, BODIED_LAYOUTS, (1, 2, 4))]


@pytest.mark.parametrize("case", BODIED, ids=lambda c: c.id)
def test_items_that_write_their_own_body_under_a_bare_role(case: Generated) -> None:
    got = {(h.person, h.role, h.body) for h in facts_of(case.text).holdings}
    missing, extra = case.expected - got, got - case.expected
    assert not missing and not extra, f"{case.text}\nmissing: {sorted(missing)}\nextra: {sorted(extra)}"
