"""Time: every holding carries the date it was reported for, and the succession query
lists a post's holders in that order, with the article and sentence for each."""

from __future__ import annotations

import json

import pytest

import builder
from builder.use.query import QueryError, run

ARTICLES = [
    {"id": "t-2024", "published": "2024-03-02",
     "text": "Sáng 28/2/2024, tại Hà Nội, Ban Tổ chức Trung ương tổ chức Hội nghị tập huấn cán bộ. "
             "Trưởng ban Tổ chức Trung ương Nguyễn Văn An chủ trì hội nghị."},
    {"id": "t-2025", "published": "2025-06-10",
     "text": "Trưởng ban Tổ chức Trung ương Trần Thị Bình đã có bài viết về công tác cán bộ."},
    {"id": "t-undated",
     "text": "Trưởng ban Tổ chức Trung ương Lê Văn Cường trả lời phỏng vấn báo chí."},
    {"id": "t-no-year",
     "text": "Sáng 5/9, tại Hà Nội, Trưởng ban Tổ chức Trung ương Phạm Thị Dung dự Hội nghị sơ kết."},
]


@pytest.fixture(scope="module")
def ds(tmp_path_factory):
    folder = tmp_path_factory.mktemp("time")
    src = folder / "articles.jsonl"
    src.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES), encoding="utf-8")
    b = builder.build_dataset([src])
    assert b.errors == [] and b.conforms
    return b.dataset


def test_reported_for_is_the_event_date_else_the_publication_date_else_none(ds):
    rows = run("succession", ds, {"roleName": "Trưởng ban", "bodyName": "Ban Tổ chức Trung ương"})[1]
    got = [(r["reportedFor"], r["person"], r["articleId"]) for r in rows]
    assert got == [
        ("2024-02-28", "Nguyễn Văn An", "t-2024"),  # the meeting's date, not the publication date
        ("2025-06-10", "Trần Thị Bình", "t-2025"),  # no meeting: the publication date
        (None, "Lê Văn Cường", "t-undated"),  # neither: no date, listed last
        (None, "Phạm Thị Dung", "t-no-year"),  # a day without a year is no date
    ]
    assert all(r["sentence"] and r["titleAsWritten"].startswith("Trưởng ban") for r in rows)
    assert rows[1]["published"] == "2025-06-10"


def test_succession_needs_the_post(ds):
    with pytest.raises(QueryError):
        run("succession", ds, {"roleName": "Trưởng ban", "bodyName": "x", "other": "y"})
    assert run("succession", ds, {"roleName": "Bí thư", "bodyName": "Ban Tổ chức Trung ương"})[1] == []
