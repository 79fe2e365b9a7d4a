"""A build SIGKILLed at any moment leaves the previous outputs intact and valid (or, once the new set is
committed, the new one), and the cache never serves a stale or half-written entry.

A first build (the seeds) writes the "old" outputs; the "new" input adds an article. Builds of the new
input are killed at named points inside the builder (tests/killer.py) and after timed delays; after each,
the folder holds exactly the old files, or — for kills after the commit point — exactly the files of a
clean build of the new input once a reader has opened it; a rebuild with the same (possibly half-written)
cache then gives the clean build's files byte for byte and leaves no temporary file behind.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import ROOT, SEED_FILES, kg

import builder
from builder.files import JOURNAL

KILLER = ROOT / "tests" / "killer.py"
NEW = "Chiều 3/4, Bí thư Tỉnh ủy Nghệ An Nguyễn Đức Trung chủ trì hội nghị cán bộ chủ chốt tại Vinh.\n"


def snapshot(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in builder.OUTPUTS}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path | dict[str, bytes]]:
    """The seeds' old outputs (with the cache that built them) and a clean build's outputs of the new input."""
    root = tmp_path_factory.mktemp("kill")
    src = root / "in"
    src.mkdir()
    for f in SEED_FILES:
        shutil.copy(f, src / f.name)
    old = root / "old"
    assert kg("build", str(src), "-o", str(old), "-q").returncode == 0
    (src / "moi.txt").write_text(NEW, encoding="utf-8")
    new = root / "new"
    assert kg("build", str(src), "-o", str(new), "-q", "--no-cache").returncode == 0
    assert snapshot(old) != snapshot(new)
    return {"src": src, "old": old, "old_files": snapshot(old), "new_files": snapshot(new)}


def fresh(corpus: dict, tmp_path: Path) -> Path:
    """A copy of the old build folder, cache included, to kill a build of the new input in."""
    out = tmp_path / "out"
    shutil.copytree(corpus["old"], out)
    return out


def after_kill(corpus: dict, out: Path) -> str:
    """What a reader finds in the folder (it parses): 'old' if the old outputs byte for byte, 'new' if the new
    ones; anything else (a mix, or neither) fails."""
    assert len(builder.load_graph(out)) > 0
    found = snapshot(out)
    assert found in (corpus["old_files"], corpus["new_files"]), "a mix of old and new outputs, or neither"
    return "old" if found == corpus["old_files"] else "new"


def rebuilt(corpus: dict, out: Path) -> None:
    """A rebuild with the killed build's cache gives the clean build's files and leaves no temporary file."""
    assert kg("build", str(corpus["src"]), "-o", str(out), "-q").returncode == 0
    assert snapshot(out) == corpus["new_files"]
    assert sorted(p.name for p in out.iterdir() if p.name.endswith(".tmp") or p.name == JOURNAL) == []


@pytest.mark.parametrize(("point", "left"), [("extract", "old"), ("cache-entry", "old"), ("graph.trig", "old"),
                                             ("journal", "new"), ("rename", "new")])
def test_a_build_killed_at_a_point_leaves_one_whole_set(corpus: dict, tmp_path: Path, point: str, left: str) -> None:
    out = fresh(corpus, tmp_path)
    run = subprocess.run([sys.executable, str(KILLER), point, "build", str(corpus["src"]), "-o", str(out), "-q"],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.returncode == -signal.SIGKILL, run.stderr[-2000:]
    if point == "graph.trig":
        assert [p.name for p in out.glob(".graph.trig.*.tmp")], "killed while graph.trig was written"
    if point == "rename":
        assert (out / JOURNAL).exists() and snapshot(out) not in (corpus["old_files"], corpus["new_files"])
    assert after_kill(corpus, out) == left
    rebuilt(corpus, out)


def test_builds_killed_after_timed_delays_leave_one_whole_set(corpus: dict, tmp_path: Path) -> None:
    start = time.perf_counter()
    assert kg("build", str(corpus["src"]), "-o", str(tmp_path / "timing"), "-q", "--no-cache").returncode == 0
    whole = time.perf_counter() - start
    seen = []
    for fraction in (0.2, 0.5, 0.8, 0.95):
        out = tmp_path / f"out-{fraction}"
        shutil.copytree(corpus["old"], out)
        proc = subprocess.Popen([sys.executable, "-m", "builder", "build", str(corpus["src"]), "-o", str(out), "-q",
                                 "--no-cache"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(whole * fraction)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        seen.append(after_kill(corpus, out))
        rebuilt(corpus, out)
    assert "old" in seen, seen
