"""Terms of congresses and bodies: 'khóa XIV, nhiệm kỳ 2026-2031', 'nhiệm kỳ 2020 - 2025'."""

from __future__ import annotations

import re

from builder.model import Evidence, TermFact

ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
TERM = re.compile(
    r"(?:(?P<khoa>[Kk]hó?o?á?a?\s+(?P<ord>[IVXLC]+|\d{1,2}))\s*,?\s*\(?\s*)?"
    r"nhiệm\s+kỳ\s*(?:Đại hội [IVXLC]+\s*)?\(?\s*(?P<a>\d{4})\s*[-–—]\s*(?P<b>\d{4})")
NOT_A_NAME = re.compile(r"\b(bầu|được|làm|là|phân công|công bố|nhất trí|gồm|có|đã|sẽ|chỉ định|giữ|chức|tham gia|"
                        r"điều động|trúng cử|vào|thông qua|\d+ người)\b", re.I)
HEADS = ("Đại hội|Ban Chấp hành|BCH|Ủy Ban|Uỷ [Bb]an|Ban Thường vụ|Hội đồng nhân dân|HĐND|Ủy ban|Quốc hội|Tỉnh ủy|"
         "Thành ủy|Tỉnh uỷ|Thành uỷ|Huyện ủy|Đảng bộ|Đảng đoàn|Ban cán sự|Mặt trận|Trung ương Đoàn|Chủ tịch nước|"
         "đại hội|Ban Bí thư|Bộ Chính trị")
HEAD_WORD = re.compile(rf"\b(?:{HEADS})")
HEAD = re.compile(rf"^((?:{HEADS})[^,;.()]*?)\s*$")


def roman(text: str) -> int | None:
    """'XIV' → 14, '12' → 12; None when it is neither."""
    if text.isdigit():
        return int(text)
    total = 0
    values = [ROMAN.get(c) for c in text.upper()]
    if not values or None in values:
        return None
    nums = [v for v in values if v is not None]
    for k, v in enumerate(nums):
        total += -v if k + 1 < len(nums) and nums[k + 1] > v else v
    return total


def _owner(before: str) -> str | None:
    """The congress or body named just before 'khóa …, nhiệm kỳ …'."""
    window = before[-120:].rstrip(" ,(")
    starts = [m.start() for m in HEAD_WORD.finditer(window)]
    tails = [window[k:].strip() for k in starts if HEAD.match(window[k:])]
    names = [t for t in tails if len(t.split()) <= 14 and not NOT_A_NAME.search(t)]
    if not names:
        return None
    owner = names[0]  # the longest name that reads as a name, not a clause
    return owner[0].upper() + owner[1:]


def find_terms(sentence: str, offset: int, expand) -> list[TermFact]:  # type: ignore[no-untyped-def]
    """Terms stated in a sentence; `expand` turns a written body name into its canonical name."""
    out = []
    for m in TERM.finditer(sentence):
        a, b = int(m.group("a")), int(m.group("b"))
        if not 0 < b - a <= 10:
            continue
        owner = _owner(sentence[:m.start()])
        if not owner:
            continue
        ordinal = roman(m.group("ord")) if m.group("ord") else None
        ev = Evidence(offset, offset + len(sentence), "term-nhiem-ky", 0.8 if m.group("khoa") else 0.7)
        parts = [p.strip() for p in re.split(r"\s+và\s+(?:đại biểu\s+)?", owner) if p.strip()]
        for k, part in enumerate(parts):
            name = expand(part[0].upper() + part[1:])
            if m.group("khoa") and k == len(parts) - 1:
                name = f"{name} khóa {m.group('ord')}"
            out.append(TermFact(name, a, b, ordinal if k == len(parts) - 1 else None, ev))
    return out


def merge_terms(terms: list[TermFact]) -> list[TermFact]:
    """One term per (body, years) in an article; 'X khóa XVI' absorbs a bare 'X' of the same years."""
    with_ordinal = {(re.sub(r" khóa \S+$", "", t.body), t.start, t.end) for t in terms if " khóa " in t.body}
    out: dict[tuple[str, int, int], TermFact] = {}
    for t in terms:
        if (t.body, t.start, t.end) not in with_ordinal:
            out.setdefault((t.body, t.start, t.end), t)
    return list(out.values())
