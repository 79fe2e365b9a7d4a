"""The rule registry (builder/extract/rules.py): every rule's invented examples, run through the real
extractor, give the fact the registry says, made by that rule with that confidence."""

from __future__ import annotations

from typing import Any

import pytest

from builder.extract import extract
from builder.extract.context import Sentence
from builder.extract.rules import CAPTION_CONFIDENCE, RULES, Example, UnregisteredRule, evidence
from builder.model import Facts
from builder.text.ingest import make_article

KINDS = {"holding": "holdings", "event": "events", "term": "terms", "document": "documents"}
CASES = [pytest.param(rule, ex, id=f"{rule.name}-{k}") for rule in RULES.values() for k, ex in enumerate(rule.examples)]


def _facts(ex: Example) -> Facts:
    return extract(make_article("vi-du", "vi-du.txt", ex.text, meta={"published": ex.published}))


def _matches(fact: Any, want: dict[str, Any]) -> bool:
    return all(getattr(fact, field) == value for field, value in want.items())


def test_every_rule_is_described_and_has_examples():
    for rule in RULES.values():
        assert rule.kind in KINDS, rule.name
        assert 0 < rule.confidence <= 1, rule.name
        assert rule.description and rule.examples, rule.name


@pytest.mark.parametrize("rule, ex", CASES)
def test_example_gives_its_fact_by_its_rule(rule, ex):
    facts = getattr(_facts(ex), KINDS[rule.kind])
    found = [f for f in facts if _matches(f, ex.fact)]
    assert found, f"{rule.name}: no {rule.kind} {ex.fact} among {facts}"
    assert any(f.evidence.rule == rule.name and f.evidence.confidence == rule.confidence for f in found), \
        [(f.evidence.rule, f.evidence.confidence) for f in found]


def test_an_unregistered_rule_raises():
    with pytest.raises(UnregisteredRule, match="no-such-rule"):
        evidence("no-such-rule", Sentence("Câu.", 0, []))


def test_a_holding_in_a_photo_caption_is_less_sure():
    """The one adjustment: a holding read from a photo caption has at most CAPTION_CONFIDENCE."""
    text = ("Tỉnh ủy Điện Biên tổng kết công tác cán bộ\n\n"
            "Bí thư Tỉnh ủy Điện Biên Trần Quốc Cường phát biểu. (Ảnh: Quang Minh)\n\n"
            "Phó Bí thư Tỉnh ủy Điện Biên Lò Văn Mừng trình bày báo cáo.")
    facts = _facts(Example(text, {}))
    by_person = {h.person: h.evidence for h in facts.holdings}
    assert by_person["Trần Quốc Cường"].caption and by_person["Trần Quốc Cường"].confidence == CAPTION_CONFIDENCE
    assert not by_person["Lò Văn Mừng"].caption
    assert by_person["Lò Văn Mừng"].confidence == RULES["title-before-name"].confidence


def test_events_in_captions_keep_their_confidence():
    ev = evidence("dated-event-sentence", Sentence("Sáng 3/5, Hội nghị khai mạc. (Ảnh: A)", 0, [], caption=True))
    assert ev.caption and ev.confidence == RULES["dated-event-sentence"].confidence
