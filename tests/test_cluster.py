"""`kg build --engine dask`: extraction as a Dask distributed job gives the serial build's files, byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import SEED_FILES, assert_seed_outputs, kg

from builder.run.workers import partitions


def _inputs(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    for f in SEED_FILES:
        (src / f.name).write_bytes(f.read_bytes())
    (src / "hong.txt").write_bytes(b"\x00\x01binary")
    return src


def test_a_local_cluster_writes_the_serial_files(seeds_out: Path, tmp_path: Path) -> None:
    """No --scheduler: the build starts a LocalCluster of -j worker processes and stops it."""
    out = tmp_path / "out"
    proc = kg("build", str(_inputs(tmp_path)), "-o", str(out), "--engine", "dask", "-j", "2", "--no-cache")
    assert proc.returncode == 0, proc.stderr
    assert [ln for ln in proc.stderr.splitlines() if "hong.txt" in ln], proc.stderr
    assert_seed_outputs(out, seeds_out, "hong.txt")


def test_a_running_scheduler_is_used_by_its_address(seeds_out: Path, tmp_path: Path) -> None:
    """A cluster started apart (a scheduler and two worker processes on 127.0.0.1), reached by --scheduler."""
    from dask.distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        out = tmp_path / "out"
        proc = kg("build", str(_inputs(tmp_path)), "-o", str(out), "--engine", "dask",
                  "--scheduler", cluster.scheduler_address, "--no-cache")
        assert proc.returncode == 0, proc.stderr
        assert_seed_outputs(out, seeds_out, "hong.txt")
        tasks = client.run_on_scheduler(lambda dask_scheduler: sorted(dask_scheduler.task_prefixes))
        assert "run_partition" in tasks  # the work really ran on this cluster


def test_scheduler_without_dask_engine_is_refused(tmp_path: Path) -> None:
    proc = kg("build", "-o", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:1")
    assert proc.returncode == 2 and "--engine dask" in proc.stderr


@pytest.mark.parametrize(("n", "workers"), [(0, 2), (1, 2), (7, 2), (100, 2), (1000, 4)])
def test_partitions_keep_every_article_in_order(n: int, workers: int) -> None:
    items = list(range(n))
    parts = partitions(items, workers)  # type: ignore[arg-type]
    assert [x for p in parts for x in p] == items
    assert all(0 < len(p) <= 32 for p in parts)
