"""Ingestion and normalisation: files → articles, raw text → clean text with an offset map.

All article text here is invented for the tests.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from builder.text.ingest import Article, InputError, make_article, read_articles, read_file
from builder.text.normalize import LOOKALIKES, Offsets, normalize

SENTENCE = ("Ông Nguyễn Văn Hùng, Ủy viên Ban Chấp hành Trung ương Đảng, Phó Trưởng ban Tổ chức "
            "Trung ương, phát biểu chỉ đạo tại hội nghị tổng kết công tác cán bộ năm 2024.")

GOOD_TEXT = (
    "Tăng cường công tác cán bộ ở cơ sở\n\n"
    "Sáng 12/3, tại Hà Nội, Ban Tổ chức Trung ương tổ chức Hội nghị tổng kết công tác cán bộ năm 2024.\n\n"
    "Ủy viên Bộ Chính trị, Trưởng ban Tổ chức Trung ương Nguyễn Văn Khánh chủ trì hội nghị.\n"
)


def _cluster_end(raw: str, i: int) -> int:
    """End of the base character at raw[i] and the combining marks that follow it."""
    j = i + 1
    while j < len(raw) and unicodedata.combining(raw[j]):
        j += 1
    return j


def _assert_offsets_point_home(raw: str, clean_text: str, offsets: list[int]) -> None:
    """Each non-space clean char is the NFC of the raw cluster its offset points at."""
    assert len(offsets) == len(clean_text)
    assert list(offsets) == sorted(offsets), "offsets must be monotone"
    for i, ch in enumerate(clean_text):
        if ch.isspace():
            continue
        o = offsets[i]
        assert 0 <= o < len(raw)
        cluster = raw[o:_cluster_end(raw, o)]
        folded = unicodedata.normalize("NFC", "".join(LOOKALIKES.get(c, c) for c in cluster))
        assert folded.startswith(ch), (i, ch, cluster)


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- normalize


def test_nfc_and_nfd_give_the_same_clean_text():
    nfc = unicodedata.normalize("NFC", SENTENCE)
    nfd = unicodedata.normalize("NFD", SENTENCE)
    assert nfc != nfd and len(nfd) > len(nfc)
    a, b = normalize(nfc), normalize(nfd)
    assert a.text == b.text == nfc
    assert unicodedata.is_normalized("NFC", b.text)


def test_offsets_on_nfc_input_point_at_the_same_characters():
    raw = unicodedata.normalize("NFC", "Tiêu đề bài viết\n\n" + SENTENCE + "\n\nĐoạn cuối của bài.")
    clean = normalize(raw)
    for i, ch in enumerate(clean.text):
        if not ch.isspace():
            assert raw[clean.offsets[i]] == ch, (i, ch)


def test_offsets_on_nfd_input_point_at_the_cluster_of_the_character():
    raw = unicodedata.normalize("NFD", "Tiêu đề bài viết\n\n" + SENTENCE + "\n\nĐoạn cuối của bài.")
    clean = normalize(raw)
    assert "Nguyễn Văn Hùng" in clean.text
    _assert_offsets_point_home(raw, clean.text, clean.offsets)
    # the clean span of the name maps to the raw characters of the name
    at = clean.text.index("Nguyễn Văn Hùng")
    s, e = clean.original(at, at + len("Nguyễn Văn Hùng"))
    assert unicodedata.normalize("NFC", raw[s:e]) == "Nguyễn Văn Hùng"


@pytest.mark.parametrize("pieces", [[range(0, 5), range(5, 9)],
                                    [range(3, 7), [9, 10, 10], range(11, 11), range(11, 14)],
                                    [[4], range(2, 2), (5,), range(6, 9), [1, 2]], []])
def test_offsets_kept_as_runs_are_the_offsets_given(pieces: list[list[int] | range]) -> None:
    """Offsets made of pieces (ranges taken whole, lists one by one) hold each offset, in order."""
    flat = [o for piece in pieces for o in piece]
    runs = Offsets.joined(pieces)
    assert list(runs) == flat and len(runs) == len(flat) and runs == Offsets(flat)
    assert [runs[i] for i in range(len(flat))] == flat


def test_a_line_with_odd_spacing_keeps_each_words_offsets():
    raw = "Ban  Tổ chức\tTrung ương   họp.\nHội nghị  bế mạc."
    clean = normalize(raw)
    assert clean.text == "Ban Tổ chức Trung ương họp.\nHội nghị bế mạc."
    _assert_offsets_point_home(raw, clean.text, clean.offsets)


def test_lookalike_eth_becomes_d_with_stroke():
    raw = "Toàn ngành tổ chức xây dựng \u00d0ảng đã bám sát sự lãnh đạo của \u00d0ảng."
    clean = normalize(raw)
    assert "\u00d0" not in clean.text
    assert clean.text.count("Đảng") == 2
    _assert_offsets_point_home(raw, clean.text, clean.offsets)


def test_no_break_and_odd_spaces_become_plain_spaces():
    raw = "Ban\u00a0Tổ chức\u202fTrung ương\u2009tổ chức\u00a0\u00a0hội nghị.\u200b"
    clean = normalize(raw)
    assert clean.text == "Ban Tổ chức Trung ương tổ chức hội nghị."
    assert not any(c in clean.text for c in "\u00a0\u202f\u2009\u200b")


def test_hard_wrapped_name_of_body_is_joined():
    raw = ("Báo cáo tại hội nghị, Phó Trưởng ban Thường trực Ban Tổ chức Trung\n"
           "ương Đỗ Minh Quân cho biết công tác thẩm định đã được tiến hành chặt chẽ.\n")
    clean = normalize(raw)
    assert "Ban Tổ chức Trung ương Đỗ Minh Quân" in clean.text
    assert "\n" not in clean.text
    assert len(clean.paragraphs) == 1
    _assert_offsets_point_home(raw, clean.text, clean.offsets)


def test_hard_wrapped_paragraph_joins_lines_even_before_a_capital():
    raw = ("Chiều 9/8, Ban Thường vụ Tỉnh ủy Nghệ An tổ chức hội nghị công bố quyết định\n"
           "của Ban Bí thư về công tác cán bộ. Phó Trưởng ban Thường trực Ban Tổ chức Trung\n"
           "ương Nguyễn Quang Huy trao quyết định cho đồng chí\n"
           "Đinh Thị Thu, tân Phó Bí thư Tỉnh ủy nhiệm kỳ 2020-2025, và phát biểu chỉ đạo\n"
           "hội nghị với nhiều nội dung quan trọng về công tác xây dựng Đảng và hệ thống\n"
           "chính trị của tỉnh trong thời gian tới.\n\n"
           "Đoạn sau ngắn.\n")
    clean = normalize(raw)
    paras = [clean.text[p.start:p.end] for p in clean.paragraphs]
    assert len(paras) == 2
    assert "đồng chí Đinh Thị Thu" in paras[0]
    assert paras[1] == "Đoạn sau ngắn."


def test_short_lines_that_end_sentences_stay_paragraphs():
    clean = normalize("Dòng thứ nhất.\nDòng thứ hai.\nDòng thứ ba.\n")
    assert clean.text.split("\n") == ["Dòng thứ nhất.", "Dòng thứ hai.", "Dòng thứ ba."]


def test_repeated_paragraph_is_dropped_once():
    para = "Đồng chí Trần Văn Lâm phát biểu tại hội nghị về công tác quy hoạch cán bộ."
    clean = normalize(f"{para}\n\nĐoạn giữa bài viết.\n\n{para}\n")
    assert clean.text.count(para) == 1
    assert clean.text == f"{para}\nĐoạn giữa bài viết."
    assert len(clean.paragraphs) == 2


def test_comment_form_boilerplate_is_dropped():
    raw = ("Ban Tổ chức Trung ương tổ chức hội nghị sơ kết công tác.\n\n"
           "Trả lời\n\n"
           "Email của bạn sẽ không được hiển thị công khai. Các trường bắt buộc được đánh dấu *\n\n"
           "Bình luận của bạn\n\n"
           "Đoạn cuối của bài viết.\n")
    clean = normalize(raw)
    assert clean.text == "Ban Tổ chức Trung ương tổ chức hội nghị sơ kết công tác.\nĐoạn cuối của bài viết."
    assert "Trả lời" not in clean.text
    assert "Email" not in clean.text


def test_words_of_boilerplate_inside_a_sentence_are_kept():
    raw = "Đồng chí Hà Văn Tâm trả lời câu hỏi của đại biểu về công tác cán bộ.\n"
    assert normalize(raw).text == raw.strip()


def test_caption_is_marked_caption():
    raw = ("Ban Tổ chức Trung ương tổ chức hội nghị sơ kết công tác.\n\n"
           "Đồng chí Lê Văn An phát biểu tại hội nghị. Ảnh: TTXVN\n\n"
           "Chú thích ảnh\n"
           "Các đại biểu dự hội nghị\n\n"
           "Hội nghị đã thảo luận nhiều nội dung quan trọng.\n")
    clean = normalize(raw)
    by_text = {clean.text[p.start:p.end]: p.caption for p in clean.paragraphs}
    assert by_text["Ban Tổ chức Trung ương tổ chức hội nghị sơ kết công tác."] is False
    assert by_text["Đồng chí Lê Văn An phát biểu tại hội nghị. Ảnh: TTXVN"] is True
    assert by_text["Các đại biểu dự hội nghị"] is True
    assert by_text["Hội nghị đã thảo luận nhiều nội dung quan trọng."] is False


def test_crlf_line_ends():
    raw = "Dòng một của bài.\r\nDòng hai\r\ncủa bài viết.\r\n"
    clean = normalize(raw)
    assert clean.text == "Dòng một của bài.\nDòng hai của bài viết."
    _assert_offsets_point_home(raw, clean.text, clean.offsets)


def test_original_maps_a_clean_span_back():
    raw = "  Sáng 12/3,\u00a0\u00a0tại Hà Nội,   Ban Tổ chức Trung ương họp.  "
    clean = normalize(raw)
    at = clean.text.index("Hà Nội")
    s, e = clean.original(at, at + len("Hà Nội"))
    assert raw[s:e] == "Hà Nội"
    at = clean.text.index("Ban")
    s, e = clean.original(at, len(clean.text))
    assert raw[s:e] == "Ban Tổ chức Trung ương họp."


# ---------------------------------------------------------------- HTML

# A fragment of a page (no <html> or <body>): stripped of its markup, not read for its main content
# (tests/test_news_pages.py has whole pages)
HTML = """<head><title>Không lấy tiêu đề này</title>
<script>var banner = "Bí thư Tỉnh ủy giả";</script>
<style>p { color: red; }</style></head>
<h1>Hội nghị cán bộ &amp; đảng viên</h1>
<p>Sáng 12/3, tại Hà Nội, Ban Tổ chức Trung ương tổ chức hội nghị.</p>
<p>Đồng chí <b>Nguyễn Văn Bình</b> phát&nbsp;biểu
chỉ đạo.</p>
<script type="text/javascript">document.write("Trưởng ban giả mạo");</script>
<div>Ban Tuyên giáo &#038; Dân vận tham dự.</div>
"""


@pytest.fixture(scope="module")
def html_article() -> Article:
    return make_article("h1", "h1.html", HTML, is_html=True)


def test_html_strips_markup_and_keeps_paragraphs(html_article):
    paras = [html_article.clean.text[p.start:p.end] for p in html_article.clean.paragraphs]
    assert paras == [
        "Hội nghị cán bộ & đảng viên",
        "Sáng 12/3, tại Hà Nội, Ban Tổ chức Trung ương tổ chức hội nghị.",
        "Đồng chí Nguyễn Văn Bình phát biểu chỉ đạo.",
        "Ban Tuyên giáo & Dân vận tham dự.",
    ]
    assert "<" not in html_article.clean.text and ">" not in html_article.clean.text


def test_html_skips_script_style_and_head(html_article):
    text = html_article.clean.text
    assert "giả" not in text
    assert "color" not in text
    assert "Không lấy" not in text


def test_html_decodes_entities(html_article):
    text = html_article.clean.text
    assert "&amp;" not in text and "&#038;" not in text and "&nbsp;" not in text
    assert "cán bộ & đảng viên" in text
    assert "phát biểu" in text


def test_html_offsets_point_into_the_source(html_article):
    clean = html_article.clean
    for i, ch in enumerate(clean.text):
        if ch.isspace():
            continue
        o = clean.offsets[i]
        if ch == "&":  # an entity: the offset is where the entity starts
            assert HTML[o] == "&"
        else:
            assert HTML[o] == ch, (i, ch, HTML[o:o + 10])
    at = clean.text.index("Nguyễn Văn Bình")
    s, e = clean.original(at, at + len("Nguyễn Văn Bình"))
    assert HTML[s:e] == "Nguyễn Văn Bình"


def test_html_file_is_read_as_html(tmp_path):
    path = _write(tmp_path / "bai-viet.html", HTML)
    articles, errors = read_articles([path])
    assert errors == []
    [a] = articles
    assert a.id == "bai-viet"
    assert "Nguyễn Văn Bình" in a.clean.text and "<b>" not in a.clean.text
    assert a.raw == HTML


# ---------------------------------------------------------------- files and folders


def test_txt_file_becomes_an_article(tmp_path):
    path = _write(tmp_path / "bai01.txt", GOOD_TEXT)
    [a] = list(read_file(path))
    assert isinstance(a, Article)
    assert a.id == "bai01" and a.path == str(path)
    assert a.raw == GOOD_TEXT
    assert "Nguyễn Văn Khánh" in a.clean.text


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD_TEXT.encode("utf-8"))
    articles, errors = read_articles([path])
    assert errors == []
    assert articles[0].clean.text.startswith("Tăng cường")


def test_jsonl_records(tmp_path):
    lines = [
        {"id": "j1", "text": GOOD_TEXT, "url": "https://baomoi.example.vn/bai-1.html",
         "published": "2024-03-12T09:00:00"},
        {"id": "j2", "html": "<p>Đồng chí Phạm Văn Tuấn phát biểu &amp; chỉ đạo.</p><p>Đoạn hai.</p>",
         "source": "Báo Nhân Dân"},
    ]
    path = _write(tmp_path / "batch.jsonl", "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n")
    articles, errors = read_articles([path])
    assert errors == []
    a, b = articles
    assert (a.id, b.id) == ("j1", "j2")
    assert a.meta["url"] == "https://baomoi.example.vn/bai-1.html"
    assert a.meta["published"] == "2024-03-12T09:00:00"
    assert "Nguyễn Văn Khánh" in a.clean.text
    assert b.clean.text == "Đồng chí Phạm Văn Tuấn phát biểu & chỉ đạo.\nĐoạn hai."
    assert b.meta["source"] == "Báo Nhân Dân"
    assert a.path.endswith("batch.jsonl:1") and b.path.endswith("batch.jsonl:2")


def test_folder_is_read_in_a_stable_order(tmp_path):
    for name in ("c.txt", "a.txt", "b.txt"):
        _write(tmp_path / name, GOOD_TEXT)
    _write(tmp_path / "ghi-chu.md", "không phải bài viết")
    articles, errors = read_articles([tmp_path])
    assert errors == []
    assert [a.id for a in articles] == ["a", "b", "c"]


def _one_error_naming(errors: list[str], name: str) -> str:
    hits = [e for e in errors if name in e]
    assert len(hits) == 1, errors
    assert "\n" not in hits[0]
    return hits[0]


@pytest.mark.parametrize("name, content, words", [
    ("rong.txt", b"", "empty"),
    ("trang.txt", b"  \n\n \t\n", "empty"),
    ("nhi-phan.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
    ("sai-ma.txt", "Ông Lê Văn ".encode() + b"\xff\xfe" + b" phat bieu", "UTF-8"),
    ("latin1.txt", "Hội nghị".encode()[:3] + "é".encode("latin-1") + b" abc", "UTF-8"),
])
def test_bad_file_gives_one_error_and_others_still_load(tmp_path, name, content, words):
    good = _write(tmp_path / "good.txt", GOOD_TEXT)
    bad = tmp_path / name
    bad.write_bytes(content)
    articles, errors = read_articles([bad, good])
    assert [a.id for a in articles] == ["good"]
    assert len(errors) == 1
    line = _one_error_naming(errors, name)
    assert words.lower() in line.lower()


def test_bad_files_in_a_folder(tmp_path):
    _write(tmp_path / "good.txt", GOOD_TEXT)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"abc\x00\x01\x02def")
    (tmp_path / "invalid.txt").write_bytes(b"abc \xc3\x28 def")
    articles, errors = read_articles([tmp_path])
    assert [a.id for a in articles] == ["good"]
    assert len(errors) == 3
    for name in ("empty.txt", "binary.txt", "invalid.txt"):
        _one_error_naming(errors, name)


def test_read_file_yields_an_input_error(tmp_path):
    bad = tmp_path / "nul.txt"
    bad.write_bytes(b"Ban\x00To")
    [item] = list(read_file(bad))
    assert isinstance(item, InputError)
    assert "nul.txt" in str(item)


def test_jsonl_broken_line_other_lines_still_load(tmp_path):
    lines = [
        json.dumps({"id": "a1", "text": GOOD_TEXT}, ensure_ascii=False),
        '{"id": "a2", "text": "thiếu dấu đóng',
        json.dumps([1, 2, 3]),
        json.dumps({"id": "a4"}),
        "",
        json.dumps({"id": "a6", "text": "Đồng chí Phạm Văn Tuấn phát biểu."}, ensure_ascii=False),
    ]
    path = _write(tmp_path / "lo.jsonl", "\n".join(lines) + "\n")
    articles, errors = read_articles([path])
    assert [a.id for a in articles] == ["a1", "a6"]
    assert len(errors) == 3
    assert any("lo.jsonl:2" in e and "JSON" in e for e in errors)
    assert any("lo.jsonl:3" in e for e in errors)
    assert any("lo.jsonl:4" in e for e in errors)


def test_duplicate_ids_keep_the_first(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = _write(tmp_path / "a" / "bai.txt", GOOD_TEXT)
    second = _write(tmp_path / "b" / "bai.txt", "Một bài khác có cùng tên tệp.\n")
    path = _write(tmp_path / "dup.jsonl", "\n".join(json.dumps({"id": i, "text": f"Bài số {n}."}, ensure_ascii=False)
                                                   for n, i in enumerate(["x", "y", "x"])) + "\n")
    articles, errors = read_articles([first, second, path])
    assert [a.id for a in articles] == ["bai", "x", "y"]
    assert articles[0].raw == GOOD_TEXT
    assert articles[1].clean.text == "Bài số 0."
    assert len(errors) == 2
    assert all("duplicate" in e for e in errors)
    _one_error_naming(errors, str(second))
    _one_error_naming(errors, "dup.jsonl:3")


def test_missing_path(tmp_path):
    good = _write(tmp_path / "good.txt", GOOD_TEXT)
    missing = tmp_path / "khong-co.txt"
    articles, errors = read_articles([missing, good])
    assert [a.id for a in articles] == ["good"]
    line = _one_error_naming(errors, "khong-co.txt")
    assert "no such file" in line


def test_text_that_cleans_to_nothing_is_an_error(tmp_path):
    bad = _write(tmp_path / "chi-rac.txt", "Trả lời\n\nChia sẻ\n")
    articles, errors = read_articles([bad])
    assert articles == []
    _one_error_naming(errors, "chi-rac.txt")


def test_make_article_rejects_empty_text():
    with pytest.raises(InputError, match="t1.txt"):
        make_article("t1", "t1.txt", "   \n\u200b\n")


# ---------------------------------------------------------------- metadata

BODY = ("Sáng 28/12, tại Hà Nội, Ban Tổ chức Trung ương tổ chức Hội nghị tổng kết công tác năm 2023.\n\n"
        "Đoạn thứ hai của bài viết về công tác tổ chức xây dựng Đảng.")


def _meta(header: str = "", footer: str = "") -> tuple[dict, Article]:
    text = "\n\n".join(x for x in ["Tiêu đề bài viết về công tác cán bộ", header, BODY, footer] if x)
    a = make_article("t1", "t1.txt", text)
    return a.meta, a


def _meta_paragraphs(a: Article) -> list[str]:
    return [a.clean.text[p.start:p.end] for p in a.clean.paragraphs if p.meta]


def test_stamp_time_first():
    meta, a = _meta(header="15:30:31 28-12-2023")
    assert meta["published"] == "2023-12-28T15:30:31"
    assert _meta_paragraphs(a) == ["15:30:31 28-12-2023"]


def test_stamp_weekday_gmt():
    meta, a = _meta(header="Thứ Hai, 05/10/2020, 15:38 [GMT+7]")
    assert meta["published"] == "2020-10-05T15:38"
    assert _meta_paragraphs(a) == ["Thứ Hai, 05/10/2020, 15:38 [GMT+7]"]


def test_stamp_time_then_a_two_word_weekday():
    meta, a = _meta(header="Cập nhật lúc18:42, Thứ Ba, 28/07/2020 (GMT+7)")
    assert meta["published"] == "2020-07-28T18:42"
    assert _meta_paragraphs(a) == ["Cập nhật lúc18:42, Thứ Ba, 28/07/2020 (GMT+7)"]


def test_date_inside_a_sentence_is_not_a_stamp():
    meta, a = _meta()
    assert meta["published"] is None
    assert _meta_paragraphs(a) == []


def test_source_line():
    meta, a = _meta(footer="Nguồn: Báo Nhân Dân")
    assert meta["source"] == "Báo Nhân Dân"
    assert meta["url"] is None
    assert _meta_paragraphs(a) == ["Nguồn: Báo Nhân Dân"]


def test_source_line_with_url():
    meta, _ = _meta(footer="Nguồn Tiền Phong: https://tienphong.example.vn/bai-viet-post123.tpo")
    assert meta["source"] == "Tiền Phong"
    assert meta["url"] == "https://tienphong.example.vn/bai-viet-post123.tpo"


def test_metadata_given_with_the_record_wins():
    text = "Tiêu đề\n\nThứ Hai, 05/10/2020, 15:38 [GMT+7]\n\n" + BODY
    a = make_article("t1", "t1.txt", text, meta={"published": "2020-10-06T08:00:00", "url": None})
    assert a.meta["published"] == "2020-10-06T08:00:00"
    assert set(a.meta) == {"url", "published", "source", "author"}


def test_a_lone_surrogate_from_json_becomes_a_replacement_character(tmp_path) -> None:
    """JSON can escape half a surrogate pair ("\\ud800"), which no UTF-8 file can hold: it is read as U+FFFD,
    the build conforms and its files are written."""
    import builder

    src = tmp_path / "a.jsonl"
    src.write_text('{"id": "s1", "text": "Ông Nguyễn Văn An, Bí thư Tỉnh ủy Nghệ An, phát biểu \\ud800."}\n',
                   encoding="utf-8")
    b = builder.build_dataset([src])
    assert b.errors == [] and "\ufffd" in b.articles[0].clean.text and b.conforms
    builder.write_outputs(b, tmp_path / "out")
    assert "\ufffd" in (tmp_path / "out" / "graph.trig").read_text(encoding="utf-8")


def test_plain_text_takes_the_fast_path_with_the_same_result():
    from builder.text import normalize as nz

    plain = "Sáng 16/10, Ban Tổ chức Trung ương tổ chức Hội nghị.\nÔng Nguyễn Văn An chủ trì."
    text, offs = nz._characters(plain)
    assert text == plain and list(offs) == list(range(len(plain)))
    odd = plain.replace("Đ", "\u00d0") + "\u00a0x"  # a look-alike and a no-break space: the slow path
    text, offs = nz._characters(odd)
    assert "\u00d0" not in text and "\u00a0" not in text and len(offs) == len(text)
