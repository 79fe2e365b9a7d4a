"""Shared fixtures: the seeds built once per test run, and the --update-golden option."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from helpers import SEEDS, kg
from rdflib import Dataset

import builder


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/ and the queries' expected results from this build")


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def seeds_build() -> builder.Build:
    """The bundled seeds, built once per run (do not modify it)."""
    b = builder.build_dataset([SEEDS])
    assert b.errors == [], b.errors
    return b


@pytest.fixture(scope="session")
def seeds_ds(seeds_build: builder.Build) -> Dataset:
    return seeds_build.dataset


@pytest.fixture(scope="session")
def seeds_out(seeds_build: builder.Build, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the seeds build's output files."""
    out = tmp_path_factory.mktemp("seeds-out")
    builder.write_outputs(seeds_build, out)
    return out


@pytest.fixture(scope="session")
def seeds_process(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """`kg build` of the seeds in a child process with its own string-hash seed: (output folder, process)."""
    out = tmp_path_factory.mktemp("kg-build") / "out"
    proc = kg("build", "-o", str(out), env={**os.environ, "PYTHONHASHSEED": "12345"})
    return out, proc
