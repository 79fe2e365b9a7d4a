"""`kg build --jobs N`: extraction in N processes gives the serial build's files, byte for byte."""

from __future__ import annotations

from pathlib import Path

from helpers import SEED_FILES, assert_seed_outputs, kg


def test_jobs_2_writes_the_serial_files_byte_for_byte(seeds_out: Path, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for f in SEED_FILES:
        (src / f.name).write_bytes(f.read_bytes())
    (src / "hong.txt").write_bytes(b"\x00\x01binary")
    out = tmp_path / "out"
    proc = kg("build", str(src), "-o", str(out), "--jobs", "2")
    assert proc.returncode == 0, proc.stderr
    [line] = proc.stderr.strip().splitlines()
    assert "hong.txt" in line
    assert_seed_outputs(out, seeds_out, "hong.txt")


def test_jobs_must_be_a_whole_number(tmp_path: Path) -> None:
    proc = kg("build", "-o", str(tmp_path / "out"), "--jobs", "0")
    assert proc.returncode == 2 and "--jobs" in proc.stderr and not (tmp_path / "out").exists()
