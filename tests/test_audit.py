"""The recall audit (builder.use.audit, `kg audit`): where a holding may have been missed, on articles
written for the tests, with the facts the extractor found or with some of them taken away."""

from __future__ import annotations

import csv
import dataclasses
import json
from pathlib import Path

from builder.extract import extract
from builder.model import Facts
from builder.text.ingest import make_article
from builder.use.audit import COLUMNS, audit, audit_article, flagged_misses
from builder.use.evaluate import Miss
from tests.helpers import GOLD, SEEDS, kg

TEXT = ("Tỉnh ủy Hà Nam tổ chức hội nghị cán bộ.\n"
        "Dự hội nghị có đồng chí Trần Văn Khải, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh.\n"
        "Đồng chí Lê Thị Hạnh, nguyên Chủ tịch HĐND tỉnh, cũng tới dự.\n")
LIST = ("Tỉnh ủy Hà Nam công bố danh sách.\n- Ông Trần Văn Khải\n- Ông Lê Văn Minh\n- Bà Phạm Thị Hoa\n"
        "- Ông Đỗ Quốc Nam\nHội nghị kết thúc.\n")


def _article(text: str):  # type: ignore[no-untyped-def]
    return make_article("a1", "a1.txt", text)


def test_nothing_is_flagged_where_every_title_was_read() -> None:
    article = _article(TEXT)
    flags = audit_article(article, extract(article))
    assert not [f for f in flags if "Trần Văn Khải" in f.persons]


def test_a_holding_taken_away_is_flagged_at_its_sentence() -> None:
    article = _article(TEXT)
    facts = extract(article)
    kept = [h for h in facts.holdings if h.role != "Chủ tịch"]
    assert len(kept) == len(facts.holdings) - 1
    flags = audit_article(article, dataclasses.replace(facts, holdings=kept))
    flag = next(f for f in flags if f.kind == "title-unbound")
    assert flag.persons == ("Trần Văn Khải",) and flag.near == "Chủ tịch UBND tỉnh"
    assert article.clean.text[flag.start:flag.end] == flag.sentence and flag.sentence.startswith("Dự hội nghị")


def test_a_name_by_a_title_ranks_first_and_a_former_title_last() -> None:
    article = _article(TEXT)
    flags = audit_article(article, Facts())
    by_name = {f.persons: f for f in flags if f.kind.startswith("name-")}
    khai, hanh = by_name[("Trần Văn Khải",)], by_name[("Lê Thị Hạnh",)]
    assert khai.kind == "name-by-title" and khai.score == 1.0
    assert hanh.score < 0.5  # 'nguyên Chủ tịch': a former post is seldom a miss
    ranked = audit([article], [Facts()])
    assert [f.score for f in ranked] == sorted((f.score for f in ranked), reverse=True)


def test_a_run_of_list_items_that_gave_nothing_is_one_flag() -> None:
    article = _article(LIST)
    flags = [f for f in audit_article(article, Facts()) if f.kind == "list-no-items"]
    assert len(flags) == 1
    assert flags[0].persons == ("Trần Văn Khải", "Lê Văn Minh", "Phạm Thị Hoa", "Đỗ Quốc Nam")
    text = article.clean.text[flags[0].start:flags[0].end]
    assert text.startswith("- Ông Trần Văn Khải") and text.endswith("Đỗ Quốc Nam")


def test_missed_holdings_are_counted_by_article_and_person() -> None:
    article = _article(TEXT)
    flags = audit_article(article, Facts())
    misses = [Miss("FN", "a1", "holds", "trần văn khải | chủ tịch | ủy ban nhân dân tỉnh hà nam"),
              Miss("FN", "a1", "holds", "Nguyễn Văn Không | Bí thư | Tỉnh ủy Hà Nam"),
              Miss("FN", "a2", "holds", "Trần Văn Khải | Bí thư | Tỉnh ủy Hà Nam"),
              Miss("FP", "a1", "holds", "Lê Thị Hạnh | Chủ tịch | Hội đồng nhân dân tỉnh Hà Nam")]
    assert flagged_misses(flags, misses) == (1, 3)


def test_kg_audit_writes_every_flag_and_scores_against_gold(tmp_path: Path) -> None:
    out = tmp_path / "audit.csv"
    proc = kg("audit", str(SEEDS), "-o", str(out), "--gold", str(GOLD), "--json")
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout)
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == COLUMNS if rows else summary["flags"] == 0
    assert summary["flags"] == len(rows) and summary["articles"] == 5
    assert 0 <= summary["flagged"] <= summary["gold_missed_holdings"]
    assert [float(r["score"]) for r in rows] == sorted((float(r["score"]) for r in rows), reverse=True)
