"""The graph always conforms: every node the builder mints has exactly the properties its shape demands,
whatever the text, also where several articles describe one node differently."""

from __future__ import annotations

import os
from pathlib import Path

from helpers import ROOT, SEEDS, articles
from rdflib import Graph

import builder
from builder.check.shacl import describe, validate

# The development set, when this checkout sits beside it (it is never copied into the project); else the seeds.
DEV = Path(os.environ.get("DANGKG_DEV_TEXTS", ROOT.parent / "shared" / "dev" / "texts"))

# Articles written for this test that describe shared nodes differently: one place spelt with and without a
# capital, one document with two dates and two issuers, one person with old and new tone placement.
VARIANTS = {
    "mot": "Sáng 3/5/2024, tại Trụ sở Trung ương Đảng, Ban Tổ chức Trung ương tổ chức Hội nghị cán bộ. "
           "Hội nghị quán triệt Quy định số 105-QĐ/TW ngày 19/12/2017 của Bộ Chính trị. "
           "Ủy viên Bộ Chính trị Trương Hoà Bình phát biểu.",
    "hai": "Sáng 4/5/2024, tại trụ sở Trung ương Đảng, Ban Tuyên giáo Trung ương tổ chức Hội nghị tập huấn. "
           "Hội nghị quán triệt Quy định số 105-QĐ/TW ngày 12/9/2018 của Ban Bí thư. "
           "Ủy viên Bộ Chính trị Trương Hòa Bình phát biểu.",
    "ba": "Chiều 5/5/2024, tại Trụ Sở Trung Ương Đảng, Ban Dân vận Trung ương tổ chức Hội nghị. "
          "Trưởng Ban Dân vận Trung ương Trương Hòa Bình chủ trì.",
}


def _merged(b: builder.Build) -> Graph:
    g = Graph()
    for s, p, o, _ in b.dataset.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def test_articles_describing_one_node_differently_still_conform(tmp_path):
    b = builder.build_dataset([articles(tmp_path, **VARIANTS)])
    assert b.errors == [] and len(b.articles) == 3
    assert b.conforms, describe(b.validation.report)
    whole = validate(_merged(b))  # pySHACL on the union of the article graphs agrees
    assert whole.conforms, describe(whole.report)


def test_every_dev_article_builds_into_a_conforming_graph():
    """Every article of the development set (the seeds where the set is not beside this checkout) builds, and the
    graph conforms per article and as a whole."""
    source = DEV if DEV.is_dir() else SEEDS
    b = builder.build_dataset([source])
    assert b.errors == [] and len(b.articles) >= 5
    assert b.conforms, describe(b.validation.report)
    whole = validate(_merged(b))
    assert whole.conforms, describe(whole.report)
