"""The extraction rules: one registry of every rule that makes a fact, with its confidence.

Each rule has a name (written on every evidence it makes, `kg:rule`), the kind of
fact it makes, a confidence, a one-line description, and example articles invented
for it with a fact each must give (tests/test_rules.py runs every example through
the real extractor and checks the fact, the rule name and the confidence).

Every evidence is made by `evidence()`: a name that is not registered raises, and the
one adjustment — a holding read from a photo caption is less sure — is made here.

The confidences are measured, not guessed: `kg eval --calibrate` measures each rule's precision
on a gold set and writes it into gazetteers/rule_confidences.tsv, which overrides the prior
written here for every rule it lists.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from builder.model import Evidence
from builder.resources import GAZETTEERS, table

if TYPE_CHECKING:
    from builder.extract.context import Sentence

CAPTION_CONFIDENCE = 0.6  # the most a holding read from a photo caption may have


@dataclass(frozen=True)
class Example:
    """An invented article and one fact it must give (the fields to compare, by fact kind)."""

    text: str
    fact: dict[str, Any]
    published: str | None = "2024-06-30"


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str  # holding, event, term or document
    confidence: float
    description: str
    examples: tuple[Example, ...]


def _holding(text: str, person: str, role: str, body: str) -> Example:
    return Example(text, {"person": person, "role": role, "body": body})


PRIOR_RULES: dict[str, Rule] = {r.name: r for r in (
    Rule("title-before-name", "holding", 0.85, "titles written right before a full name", (
        _holding("Ủy viên Bộ Chính trị, Bí thư Tỉnh ủy Nghệ An Nguyễn Văn Hùng phát biểu tại buổi lễ.",
                 "Nguyễn Văn Hùng", "Bí thư", "Tỉnh ủy Nghệ An"),
        _holding("Dự buổi lễ có Bộ trưởng Bộ Nội vụ Trần Thị Lan.", "Trần Thị Lan", "Bộ trưởng", "Bộ Nội vụ"),
    )),
    Rule("name-comma-titles", "holding", 0.85, "titles after a name, joined by a comma, ' - ' or ' – '", (
        _holding("Ông Lê Văn Tâm, Phó Bí thư Tỉnh ủy Hà Tĩnh, trình bày báo cáo.",
                 "Lê Văn Tâm", "Phó Bí thư", "Tỉnh ủy Hà Tĩnh"),
        _holding("Đồng chí Phạm Thị Hoa - Trưởng Ban Dân vận Tỉnh ủy Thanh Hóa phát biểu.",
                 "Phạm Thị Hoa", "Trưởng ban", "Ban Dân vận Tỉnh ủy Thanh Hóa"),
    )),
    Rule("name-paren-titles", "holding", 0.85, "titles in parentheses after a name", (
        _holding("Ông Đỗ Minh Quang (Bộ trưởng Bộ Tài chính) cho biết kế hoạch đã hoàn thành.",
                 "Đỗ Minh Quang", "Bộ trưởng", "Bộ Tài chính"),
    )),
    Rule("name-verb-title", "holding", 0.85, "a name, then a verb of holding (giữ chức, là, bầu …), then titles", (
        _holding("Hội nghị đã bầu ông Vũ Đức Long giữ chức Chủ tịch Ủy ban nhân dân tỉnh Nam Định.",
                 "Vũ Đức Long", "Chủ tịch", "Ủy ban nhân dân tỉnh Nam Định"),
        _holding("Bà Ngô Thị Mai là Phó Chủ tịch Hội đồng nhân dân tỉnh Bắc Ninh.",
                 "Ngô Thị Mai", "Phó Chủ tịch", "Hội đồng nhân dân tỉnh Bắc Ninh"),
    )),
    Rule("name-joins-body", "holding", 0.85, "'A tham gia / vào <bodies>': membership of each body", (
        _holding("Đồng chí Hoàng Văn Nam được chỉ định tham gia Ban Chấp hành, Ban Thường vụ Tỉnh ủy Lạng Sơn.",
                 "Hoàng Văn Nam", "Ủy viên", "Ban Thường vụ Tỉnh ủy Lạng Sơn"),
        _holding("Ông Trịnh Văn Phúc được bầu bổ sung vào Ban Bí thư.", "Trịnh Văn Phúc", "Bí thư", "Ban Bí thư"),
    )),
    Rule("list-header", "holding", 0.70, "a list header's titles given to every name of its list", (
        _holding("Các đồng chí Phó Bí thư Tỉnh ủy Quảng Bình: Nguyễn Văn An, Trần Văn Bình dự hội nghị.",
                 "Trần Văn Bình", "Phó Bí thư", "Tỉnh ủy Quảng Bình"),
    )),
    Rule("dated-event-sentence", "event", 0.80, "a sentence with a date and an event kind announces a gathering", (
        Example("Sáng 12/3/2024, tại Hà Nội, Ban Tổ chức Trung ương tổ chức Hội nghị tập huấn công tác cán bộ.",
                {"kind": "hội nghị", "date": "2024-03-12", "place": "Hà Nội",
                 "organizer": "Ban Tổ chức Trung ương"}),
    )),
    Rule("event-headline", "event", 0.50, "a headline naming a gathering, with no date", (
        Example("Hội nghị cán bộ chủ chốt tỉnh Phú Yên\n\nCác đại biểu thảo luận về công tác nhân sự.",
                {"kind": "hội nghị", "date": None, "name": "Hội nghị cán bộ chủ chốt tỉnh Phú Yên"}),
    )),
    Rule("presence-event", "event", 0.50, "an article naming no dated gathering puts people at one: 'Tham dự buổi "
         "lễ có …', '… cùng dự Hội nghị'", (
        Example("Bà Trần Thị Hoa giữ chức Bí thư Đảng ủy xã Tân Lập.\n\nTham dự buổi lễ có ông Nguyễn Văn Hải, "
                "Bí thư Huyện ủy.", {"kind": "buổi lễ", "date": None, "participants": ["Nguyễn Văn Hải"]}),
    )),
    Rule("bridge-point", "event", 0.60, "'Tại điểm cầu X …': a bridge point of an online conference", (
        Example("Sáng 14/6/2024, Ban Tổ chức Trung ương tổ chức Hội nghị trực tuyến toàn quốc về công tác cán bộ. "
                "Tại điểm cầu Tỉnh ủy Sóc Trăng, đồng chí Lâm Văn Hậu chủ trì.",
                {"kind": "điểm cầu", "date": "2024-06-14", "name": "điểm cầu Tỉnh ủy Sóc Trăng"}),
    )),
    Rule("dated-implicit-event", "event", 0.60, "a dated sentence implying a gathering (công bố quyết định, "
         "Quốc hội bầu, Trung ương họp) without naming one", (
        Example("Chiều 9/5/2024, Ban Thường vụ Tỉnh ủy Yên Bái công bố quyết định về công tác cán bộ.",
                {"kind": "lễ công bố quyết định", "date": "2024-05-09"}),
    )),
    Rule("term-khoa-nhiem-ky", "term", 0.80, "'<body> khóa N, nhiệm kỳ YYYY-YYYY'", (
        Example("Ban Chấp hành Đảng bộ tỉnh Kiên Giang khóa XI, nhiệm kỳ 2020-2025 họp phiên thứ nhất.",
                {"body": "Ban Chấp hành Đảng bộ tỉnh Kiên Giang khóa XI", "start": 2020, "end": 2025}),
    )),
    Rule("term-nhiem-ky", "term", 0.70, "'<body or congress> nhiệm kỳ YYYY-YYYY' without a khóa", (
        Example("Đại hội đại biểu Đảng bộ huyện Đông Anh nhiệm kỳ 2025-2030 khai mạc.",
                {"body": "Đại hội đại biểu Đảng bộ huyện Đông Anh", "start": 2025, "end": 2030}),
    )),
    Rule("document-symbol", "document", 0.90, "a Party document cited by number and symbol (205-QĐ/TW)", (
        Example("Các cấp ủy quán triệt Quy định số 205-QĐ/TW ngày 23/9/2019 của Bộ Chính trị.",
                {"kind": "Quy định", "id_as_written": "205-QĐ/TW", "date": "2019-09-23", "issuer": "Bộ Chính trị"}),
    )),
    Rule("document-number", "document", 0.70, "a Party document of a kind cited by a bare number (Kết luận 75)", (
        Example("Tỉnh ủy ban hành kế hoạch thực hiện Kết luận số 75 của Bộ Chính trị.",
                {"kind": "Kết luận", "id_as_written": "75"}),
    )),
    Rule("document-named", "document", 0.70, "a resolution named by its plenum ('Nghị quyết Hội nghị Trung ương 4 "
         "khóa XII')", (
        Example("Đảng bộ tiếp tục thực hiện Nghị quyết Hội nghị Trung ương 4 khóa XII về xây dựng Đảng.",
                {"kind": "Nghị quyết", "id_as_written": "Nghị quyết Hội nghị Trung ương 4 khóa XII"}),
    )),
)}


CONFIDENCES = "rule_confidences.tsv"  # measured confidences, written by `kg eval --calibrate`


def calibrated(rules: dict[str, Rule], rows: tuple[dict[str, str], ...]) -> dict[str, Rule]:
    """The rules with the confidences measured for them (rows of rule_confidences.tsv), the prior for the others."""
    measured = {row["rule"]: float(row["confidence"]) for row in rows}
    return {name: replace(rule, confidence=measured[name]) if name in measured else rule
            for name, rule in rules.items()}


RULES = calibrated(PRIOR_RULES, table(CONFIDENCES))


def confidences_path() -> str:
    """Where `kg eval --calibrate` writes the measured confidences (in the package's data)."""
    return str(GAZETTEERS / CONFIDENCES)


class UnregisteredRule(KeyError):
    """An evidence was asked for a rule the registry does not list."""


def evidence(name: str, sentence: Sentence) -> Evidence:
    """The evidence of a fact read by rule `name` from a sentence, with the rule's confidence
    (at most CAPTION_CONFIDENCE for a holding read from a photo caption)."""
    rule = RULES.get(name)
    if rule is None:
        raise UnregisteredRule(f"extraction rule {name!r} is not in builder/extract/rules.py")
    confidence = rule.confidence
    if sentence.caption and rule.kind == "holding":
        confidence = min(confidence, CAPTION_CONFIDENCE)
    return Evidence(sentence.start, sentence.end, name, confidence, sentence.caption)
