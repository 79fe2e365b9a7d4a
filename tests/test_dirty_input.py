"""A dirty batch: every kind of bad input beside good articles, built by `kg build`.

Each bad input is one clear line (on standard error and in OUTDIR/problems.jsonl, with its file and, in
JSONL, its line number), every good article is still built, the graph conforms, and only --strict turns
the problems into a failing exit code. Legacy encodings are converted, reported as notices, and give the
facts of the same text in UTF-8; invisible and bidi control characters inside names change nothing.
"""

from __future__ import annotations

import html
import json
import unicodedata
from pathlib import Path

import pytest
from helpers import SEEDS
from test_encodings import plain, to_cp1258, to_font

from builder.cli import main
from builder.use.facts import graph_facts
from builder.use.graphs import load_graph

SEED = sorted(SEEDS.glob("*.txt"))[1]
TEXT = plain(SEED.read_text(encoding="utf-8"))
GOOD = json.dumps({"id": "j-good", "text": TEXT}, ensure_ascii=False)


def hide_controls(text: str) -> str:
    """The text with a zero-width space, a bidi override and an isolate pair inside each capitalised word."""
    return " ".join(f"{w[0]}\u200b\u202e{w[1:]}\u202c\u2066\u2069" if w[:1].isupper() and len(w) > 2 else w
                    for w in text.split(" "))


BAD = {  # file name → (bytes, kind, words in its one line)
    "rong.txt": (b"", "unreadable", "empty file"),
    "anh.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "unreadable", "binary"),
    "hong.txt": ("Ông Lê Văn ".encode() + b"\xff\xfe\x81 phat bieu", "unreadable", "not valid UTF-8"),
}
CONVERTED = {  # file name → bytes of the seed, and what it is read as
    "w1258.txt": (to_cp1258(TEXT), "Windows-1258"),
    "tcvn3.txt": (to_font(TEXT, "tcvn3"), "TCVN3"),
    "vni.txt": (to_font(TEXT, "vni"), "VNI-Windows"),
}
GOOD_FILES = {
    "utf16.txt": TEXT.encode("utf-16"),
    "nfd.txt": unicodedata.normalize("NFD", TEXT).encode(),
    "an-ky-tu.txt": hide_controls(TEXT).encode(),
    "utf8.txt": TEXT.encode(),
    "long-nhau.html": ("<html><body>" + "<div><span>" * 50_000 + html.escape(TEXT) + "</span></div>" * 50_000
                       + "</body></html>").encode(),  # deeply nested markup around the article
}
JSONL = "\n".join([GOOD, '{"id": "j-broken", "text": "không đóng', "[1, 2]", json.dumps({"id": "j-no-text"}),
                   json.dumps({"id": "j-good", "text": TEXT}, ensure_ascii=False)]) + "\n"


@pytest.fixture(scope="module")
def dirty(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("dirty") / "in"
    folder.mkdir()
    for name, (data, _, _) in BAD.items():
        (folder / name).write_bytes(data)
    for name, (data, _) in CONVERTED.items():
        (folder / name).write_bytes(data)
    for name, data in GOOD_FILES.items():
        (folder / name).write_bytes(data)
    (folder / "lo.jsonl").write_text(JSONL, encoding="utf-8")
    with open(folder / "khong-lo.txt", "wb") as f:  # 100 MB, sparse: refused by its size before it is read
        f.truncate(100 * 1024 * 1024)
    return folder


@pytest.fixture(scope="module")
def built(dirty: Path) -> tuple[Path, int, list[dict]]:
    out = dirty.parent / "out"
    code = main(["build", str(dirty), "-o", str(out), "--no-cache", "-q"])
    lines = (out / "problems.jsonl").read_text(encoding="utf-8").splitlines()
    return out, code, [json.loads(line) for line in lines]


def test_every_bad_input_is_one_problem_naming_its_file(built, dirty):
    _, code, problems = built
    assert code == 0
    errors = {(Path(p["file"]).name, p["line"]): p for p in problems if p["severity"] == "error"}
    want = {(name, None) for name in BAD} | {("khong-lo.txt", None)} | {("lo.jsonl", n) for n in (2, 3, 4, 5)}
    assert set(errors) == want
    for name, (_, kind, words) in BAD.items():
        problem = errors[name, None]
        assert problem["kind"] == kind and words in problem["message"] and name in problem["message"]
    assert "too large" in errors["khong-lo.txt", None]["message"]
    assert "invalid JSON" in errors["lo.jsonl", 2]["message"]
    assert errors["lo.jsonl", 5]["kind"] == "duplicate"
    assert all("\n" not in p["message"] for p in problems)


def test_legacy_encodings_are_notices_and_build(built):
    out, _, problems = built
    notices = {Path(p["file"]).name: p["message"] for p in problems if p["severity"] == "notice"}
    assert set(notices) == set(CONVERTED)
    for name, (_, encoding) in CONVERTED.items():
        assert f"read as {encoding}" in notices[name]


def test_every_good_article_builds_with_the_facts_of_the_utf8_one(built):
    out, _, _ = built
    facts = {}
    for record in graph_facts(load_graph(out)):
        facts[record["id"]] = {kind: sorted(json.dumps(f, ensure_ascii=False, sort_keys=True) for f in record[kind])
                               for kind in ("holds", "events", "terms", "documents")}
    assert set(facts) == {Path(n).stem for n in (*CONVERTED, *GOOD_FILES)} | {"j-good"}
    want = facts["utf8"]
    assert want["holds"] and want["events"]
    for article, got in facts.items():
        assert got == want, article


def test_the_dirty_build_conforms(built):
    out, _, _ = built
    assert main(["validate", str(out), "-q"]) == 0


def test_strict_fails_on_problems_and_not_on_notices(built, dirty, tmp_path):
    assert main(["build", str(dirty), "-o", str(tmp_path / "strict"), "--no-cache", "-q", "--strict"]) == 2
    converted = tmp_path / "converted"
    converted.mkdir()
    (converted / "tcvn3.txt").write_bytes(CONVERTED["tcvn3.txt"][0])
    assert main(["build", str(converted), "-o", str(tmp_path / "ok"), "--no-cache", "-q", "--strict"]) == 0
