"""Same input → the same bytes in every output, whatever the process: string-hash seed, locale, time zone,
--jobs, engine and cache.

The input mixes what takes different paths through the builder: the seeds, a legacy-encoded article, a
JSONL file with a bad line, a whole news page and an unreadable file. Each build runs `kg build` in its own
child process.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import SEED_FILES, kg
from test_encodings import plain, to_font
from test_news_pages import OPEN_GRAPH

import builder

RUNS = {  # name → (environment, extra arguments)
    "C, UTC, hash seed 1, serial": ({"LC_ALL": "C", "TZ": "UTC", "PYTHONHASHSEED": "1"}, ["--no-cache"]),
    "C.UTF-8, Hanoi, hash seed 4242, -j 2": ({"LC_ALL": "C.UTF-8", "TZ": "Asia/Ho_Chi_Minh", "PYTHONHASHSEED": "4242"},
                                             ["-j", "2", "--no-cache"]),
    "POSIX, Los Angeles, random hash, dask": (
        {"LC_ALL": "POSIX", "TZ": "America/Los_Angeles", "PYTHONHASHSEED": "random"},
        ["--engine", "dask", "-j", "2", "--no-cache"]),
}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("mixed") / "in"
    src.mkdir()
    for f in SEED_FILES:
        (src / f.name).write_bytes(f.read_bytes())
    (src / "tcvn3.txt").write_bytes(to_font(plain(SEED_FILES[2].read_text(encoding="utf-8")), "tcvn3"))
    (src / "trang.html").write_text(OPEN_GRAPH, encoding="utf-8")
    (src / "lo.jsonl").write_text('{"id": "j1", "text": "Bí thư Tỉnh ủy Nguyễn Văn An phát biểu."}\n{"id": \n',
                                  encoding="utf-8")
    (src / "hong.txt").write_bytes(b"\x00\x01")
    return src


@pytest.fixture(scope="module")
def outputs(inputs: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("runs")
    out = {}
    for k, (name, (env, args)) in enumerate(RUNS.items()):
        folder = base / f"run{k}"
        proc = kg("build", str(inputs), "-o", str(folder), *args, env={**os.environ, **env})
        assert proc.returncode == 0, (name, proc.stderr)
        out[name] = folder
    cached = base / "cached"  # a second build over a filled cache
    for _ in range(2):
        assert kg("build", str(inputs), "-o", str(cached), env={**os.environ, "TZ": "Europe/Paris"}).returncode == 0
    out["cached rebuild, Paris"] = cached
    return out


@pytest.mark.parametrize("name", builder.OUTPUTS)
def test_every_run_writes_the_same_bytes(outputs, name):
    first, *rest = outputs.values()
    data = (first / name).read_bytes()
    assert data or name == "conflicts.csv"
    for run, folder in outputs.items():
        assert (folder / name).read_bytes() == data, run


def test_the_mixed_input_took_every_path(outputs):
    problems = (next(iter(outputs.values())) / "problems.jsonl").read_text(encoding="utf-8")
    assert "hong.txt" in problems and "lo.jsonl" in problems and "TCVN3" in problems
    graph = (next(iter(outputs.values())) / "graph.trig").read_text(encoding="utf-8")
    assert "article/trang" in graph and "article/j1" in graph and "article/tcvn3" in graph
