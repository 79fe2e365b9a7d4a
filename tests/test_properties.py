"""Property-based tests (Hypothesis): any text builds, without an unexpected exception, into output that
parses in rdflib and in pyoxigraph and conforms.

Two kinds of text: any Unicode at all, and Vietnamese-like articles assembled from the gazetteers' own
titles and bodies, generated names, dates and list structures, with noise between the parts, which drive
the rules rather than miss them. The number of examples is printed by pytest's Hypothesis statistics
(`pytest --hypothesis-show-statistics`).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from rdflib import Dataset

from builder.resources import table
from builder.run.build import build_dataset, write_outputs

TITLES = sorted({row["written"] for row in table("titles.tsv")} | {row["role"] for row in table("roles.tsv")})
BODIES = sorted(row["body"] for row in table("bodies.tsv"))
SURNAMES = sorted(row["surname"] for row in table("surnames.tsv"))
SYLLABLES = ["Văn", "Thị", "Minh", "Hùng", "Lan", "Quốc", "Đức", "Thanh", "Hà", "An", "Bình", "Xuân", "Y", "H'Hen"]
VERBS = ["chủ trì hội nghị", "phát biểu", "được bầu giữ chức", "thôi giữ chức", "dự", "tham dự", "là"]
NOISE = st.sampled_from([",", ";", ":", " - ", " (", ")", "\n", "\n\n", " ", "…", "“", "”", "\u00a0", "\u200b", "Ð"])

name = st.builds(lambda s, m, g: f"{s} {m} {g}", st.sampled_from(SURNAMES), st.sampled_from(SYLLABLES),
                 st.sampled_from(SYLLABLES))
title = st.builds(lambda t, b: f"{t} {b}", st.sampled_from(TITLES), st.sampled_from(BODIES))
date = st.builds(lambda d, m, y: f"ngày {d}/{m}/{y}", st.integers(0, 40), st.integers(0, 14), st.integers(1945, 2040))
term = st.builds(lambda a, n: f"nhiệm kỳ {a}-{a + n}", st.integers(1990, 2040), st.integers(-3, 6))
part = st.one_of(name, title, date, term, st.sampled_from(VERBS), NOISE, st.text(max_size=12))
sentence = st.lists(part, min_size=1, max_size=14).map(" ".join)
listing = st.lists(st.builds(lambda n, t: f"- {n}, {t}", name, title), min_size=1, max_size=5).map("\n".join)
article = st.lists(st.one_of(sentence, listing), min_size=1, max_size=8).map(lambda ps: "\n\n".join(ps) + ".")

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                         HealthCheck.too_slow])


def _builds_and_conforms(text: str, folder: Path) -> None:
    src = folder / "in"
    src.mkdir(parents=True, exist_ok=True)
    (src / "bai.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
    b = build_dataset([src])
    assert b.conforms, b.validation.how
    if not b.articles:  # nothing readable: one line saying why
        assert len(b.errors) == 1 and "bai.txt" in b.errors[0]
        return
    event(f"holdings: {min(b.counts['holdings'], 3)}{'+' if b.counts['holdings'] >= 3 else ''}")
    write_outputs(b, folder / "out")
    data = (folder / "out" / "graph.trig").read_bytes()
    quads = len(list(Dataset().parse(data=data, format="trig").quads()))
    assert quads == len(list(ox.parse(data, format=ox.RdfFormat.TRIG))) > 0


@SETTINGS
@given(text=article)
def test_vietnamese_like_articles_build_parse_and_conform(text, tmp_path_factory):
    _builds_and_conforms(text, tmp_path_factory.mktemp("vi"))


@SETTINGS
@given(text=st.text(min_size=1, max_size=400))
def test_any_text_builds_parses_and_conforms(text, tmp_path_factory):
    _builds_and_conforms(text, tmp_path_factory.mktemp("any"))
