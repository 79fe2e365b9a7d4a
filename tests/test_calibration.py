"""Calibrated confidence: each rule's confidence is its measured precision (kg eval --calibrate)."""

from __future__ import annotations

from helpers import GOLD, SEEDS

from builder.cli import main
from builder.extract.rules import PRIOR_RULES, RULES, calibrated
from builder.resources import table
from builder.use.evaluate import calibrate, reliability


def test_calibrate_smooths_each_rules_precision():
    outcomes = [((("a", 0.8),), True)] * 8 + [((("a", 0.8),), False)] * 2 + [((("b", 0.7), ("a", 0.8)), True)]
    measured = calibrate(outcomes)
    assert measured == {"a": (round(10 / 13, 2), 9, 2), "b": (round(2 / 3, 2), 1, 0)}


def test_reliability_buckets_facts_at_their_best_evidence():
    outcomes = [((("a", 0.95),), True), ((("a", 0.95),), False), ((("b", 0.55), ("a", 0.95)), True),
                ((("b", 0.55),), False)]
    rows = reliability(outcomes, lambda rule, old: old)
    assert rows == [("[0.50, 0.60)", 0.0, 1), ("[0.90, 1.00]", 0.667, 3)]


def test_the_registry_takes_the_measured_confidences():
    measured = {r["rule"]: float(r["confidence"]) for r in table("rule_confidences.tsv")}
    assert measured, "rule_confidences.tsv lists no rule"
    for name, rule in RULES.items():
        assert rule.confidence == measured.get(name, PRIOR_RULES[name].confidence), name
    assert calibrated(PRIOR_RULES, ())["list-header"].confidence == PRIOR_RULES["list-header"].confidence


def test_kg_eval_calibrate_writes_the_confidences_and_a_reliability_table(tmp_path, capsys):
    path = tmp_path / "rule_confidences.tsv"
    assert main(["eval", "--gold", str(GOLD), str(SEEDS), "--calibrate", str(path)]) == 0
    out = capsys.readouterr().out
    assert "reliability (confidence bucket → observed precision, facts):" in out
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    assert lines[0].split("\t") == ["rule", "confidence", "right", "wrong", "measured_on"]
    rules = {ln.split("\t")[0]: ln.split("\t") for ln in lines[1:]}
    assert "title-before-name" in rules and set(rules) <= set(RULES)
    right, wrong = int(rules["title-before-name"][2]), int(rules["title-before-name"][3])
    assert float(rules["title-before-name"][1]) == round((right + 1) / (right + wrong + 2), 2)
