"""Whole saved news pages: only the article is read (trafilatura), its metadata comes from the page, and its
evidence points at characters of the file.

The two pages are written here after the templates of Vietnamese news sites (one with an <article>, Open
Graph tags and a comment section; one of nested <div>s with JSON-LD, a sidebar of most-read stories, inline
ads and share buttons). Every name outside the article is one the builder would take for an official
("Bí thư Tỉnh ủy …"), so a menu, a related story or a comment that leaked in would be seen as a fact.
All text is invented.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builder.run.build import build_dataset
from builder.text.ingest import make_article
from builder.use.facts import graph_facts

TITLE = "Ban Tổ chức Trung ương tổ chức Hội nghị tổng kết công tác cán bộ"
PARAGRAPHS = [
    "Sáng 12/3, tại Hà Nội, Ban Tổ chức Trung ương tổ chức Hội nghị tổng kết công tác cán bộ năm 2024.",
    "Ủy viên Bộ Chính trị, Trưởng ban Tổ chức Trung ương Nguyễn Văn Khánh chủ trì hội nghị.",
    "Dự hội nghị có đồng chí Trần Thị Hoa, Phó Trưởng ban Tổ chức Trung ương.",
    "Hội nghị đánh giá kết quả thực hiện Quy định số 205-QĐ/TW ngày 23/9/2019 của Bộ Chính trị.",
]
META = {"published": "2024-03-12", "author": "Minh Anh", "url": "https://dangcongsan.example.vn/xdd/hoi-nghi-123.html",
        "source": "Báo Điện tử Đảng Cộng sản Việt Nam"}
# names only the page's menus, related stories, comments and footer have
OUTSIDE = ["Nguyễn Đức Trung", "Lê Văn Thành", "Phạm Văn Tí", "Lê Văn Giả", "Quảng cáo", "Bình luận", "Đọc nhiều",
           "Chia sẻ", "Trang chủ", "Hoàng Văn Nam"]

OPEN_GRAPH = f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>{TITLE} - Báo Điện tử Đảng</title>
<meta property="og:title" content="{TITLE}">
<meta name="author" content="{META['author']}">
<meta property="article:published_time" content="{META['published']}T09:30:00+07:00">
<meta property="og:url" content="{META['url']}">
<meta property="og:site_name" content="{META['source']}">
<script>var ads = "Bí thư Tỉnh ủy Hoàng Văn Nam";</script>
</head><body>
<header><nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/chinh-tri">Chính trị</a></li>
<li><a href="/xay-dung-dang">Xây dựng Đảng</a></li></ul></nav><div class="login">Đăng nhập | Đăng ký</div></header>
<div class="ads"><a href="/qc">Quảng cáo: Mua nhà giá rẻ tại Hà Nội</a></div>
<main><article class="detail">
<h1 class="title">{TITLE}</h1>
<div class="meta"><span class="date">Thứ Ba, 12/03/2024 09:30</span> <span class="author">{META['author']}</span></div>
<div class="share"><a>Chia sẻ Facebook</a> <a>Zalo</a> <a>In bài</a></div>
<div class="content">
<p class="sapo"><strong>{PARAGRAPHS[0]}</strong></p>
<p>{PARAGRAPHS[1].replace("Nguyễn Văn Khánh", "<a href='/tag/nvk'>Nguyễn Văn Khánh</a>")}</p>
<p>{PARAGRAPHS[2]}</p>
<p>{PARAGRAPHS[3]}</p>
</div>
<div class="tags">Từ khóa: <a>cán bộ</a> <a>hội nghị</a></div>
</article>
<section class="related"><h3>Tin liên quan</h3><ul>
<li><a href="/x">Bí thư Tỉnh ủy Nghệ An Nguyễn Đức Trung tiếp xúc cử tri</a></li>
<li><a href="/y">Phó Thủ tướng Lê Văn Thành thăm tỉnh Hà Giang</a></li></ul></section>
<section class="comments"><h3>Bình luận</h3>
<div class="comment"><b>Nguyễn Văn Tèo</b>: Bài rất hay, Chủ tịch xã Phạm Văn Tí cần học tập.</div></section>
</main>
<footer><p>Cơ quan chủ quản: Ban Chấp hành Trung ương Đảng. Tổng Biên tập: Lê Văn Giả.</p></footer>
<script>document.write("Trưởng ban Hoàng Văn Nam");</script>
</body></html>
"""

JSON_LD = f"""<!doctype html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{TITLE} | {META['source']}</title>
<link rel="canonical" href="{META['url']}">
<script type="application/ld+json">{json.dumps({
    "@context": "https://schema.org", "@type": "NewsArticle", "headline": TITLE,
    "datePublished": META["published"] + "T09:30:00+07:00", "author": {"@type": "Person", "name": META["author"]},
    "publisher": {"@type": "Organization", "name": META["source"]}, "mainEntityOfPage": META["url"]},
    ensure_ascii=False)}</script>
<meta property="og:site_name" content="{META['source']}">
</head><body class="detail-page">
<div id="wrapper"><div class="top-bar"><a href="/">Trang chủ</a> &raquo; <a href="/thoi-su">Thời sự</a></div>
<div class="row"><div class="col-8"><div class="box-detail">
<h1 class="detail-title">{TITLE}</h1>
<div class="detail-time">12/03/2024 09:30 GMT+7</div>
<div class="social"><a class="fb">Chia sẻ</a><a class="zalo">Zalo</a></div>
<div class="detail-content" id="content">
<div class="sapo">{PARAGRAPHS[0]}</div>
<div class="inline-ad"><ins class="adsbygoogle" data-ad-slot="123"></ins></div>
{"".join(f"<p>{p}</p>" for p in PARAGRAPHS[1:])}
<p class="author"><strong>{META['author']}</strong></p>
</div></div>
<div class="box-comment"><h3>Bình luận</h3><form><textarea>Ý kiến của bạn</textarea></form>
<div class="cmt">Bí thư Tỉnh ủy Hoàng Văn Nam rất tâm huyết</div></div>
</div>
<div class="col-4 sidebar"><h3>Đọc nhiều</h3><ul>
<li><a>Bí thư Tỉnh ủy Nghệ An Nguyễn Đức Trung tiếp xúc cử tri</a></li>
<li><a>Phó Thủ tướng Lê Văn Thành thăm tỉnh Hà Giang</a></li></ul></div></div>
<div id="footer">Tổng Biên tập: Lê Văn Giả. Chủ tịch xã Phạm Văn Tí.</div></div>
<script>window.ads = ["Trưởng ban Hoàng Văn Nam"];</script>
</body></html>
"""

PAGES = {"open-graph": OPEN_GRAPH, "json-ld": JSON_LD}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_a_page_gives_only_its_article_and_its_metadata(name):
    page = PAGES[name]
    a = make_article(name, f"{name}.html", page, is_html=True)
    paras = [a.clean.text[p.start:p.end] for p in a.clean.paragraphs if not p.meta]
    assert paras[:len(PARAGRAPHS) + 1] == [TITLE, *PARAGRAPHS]
    for words in OUTSIDE:
        assert words not in a.clean.text, words
    assert a.meta == META
    assert a.left_out == 0


@pytest.mark.parametrize("name", sorted(PAGES))
def test_offsets_point_at_the_characters_of_the_file(name):
    page = PAGES[name]
    clean = make_article(name, f"{name}.html", page, is_html=True).clean
    for i, ch in enumerate(clean.text):
        if not ch.isspace():
            assert page[clean.offsets[i]] == ch, (i, ch)
    at = clean.text.index("Nguyễn Văn Khánh")
    s, e = clean.original(at, at + len("Nguyễn Văn Khánh"))
    assert page[s:e] == "Nguyễn Văn Khánh"


def _facts(folder: Path) -> dict[str, dict]:
    b = build_dataset([folder])
    assert b.errors == [] and b.conforms
    out = {}
    for record in graph_facts(b.dataset):
        article = record.pop("id")
        out[article] = {k: v if k == "article" else sorted(json.dumps(f, ensure_ascii=False, sort_keys=True) for f in v)
                        for k, v in record.items()}
    return out


def test_a_saved_page_builds_into_the_facts_of_its_plain_text(tmp_path):
    for name, page in PAGES.items():
        (tmp_path / f"{name}.html").write_text(page, encoding="utf-8")
    record = {"id": "plain", "text": "\n\n".join([TITLE, *PARAGRAPHS]), **META}
    (tmp_path / "plain.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    facts = _facts(tmp_path)
    assert set(facts) == {"plain", *PAGES}
    assert facts["plain"]["holds"] and facts["plain"]["events"] and facts["plain"]["documents"]
    for name in PAGES:
        assert facts[name] == facts["plain"], name
