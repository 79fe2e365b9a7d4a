"""A normal (non-editable) install works: a wheel in a fresh virtual environment builds and queries
the seeds from an unrelated directory, with ontology, shapes, queries and seeds read from the package.

The wheel is built from a copy of the source tree (so the checkout gets no build/ folder). The fresh
environment reaches the dependencies (rdflib, spaCy, underthesea …) through a .pth line naming this
environment's site-packages, which imports no .pth file of that folder: so this checkout's editable
install is not on its path, and `builder` can only come from the wheel (checked).
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest
from helpers import ROOT

SOURCES = ("pyproject.toml", "README.md", "builder", "ontology", "shapes", "queries", "seeds")


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, f"{args}\n{proc.stdout}\n{proc.stderr}"
    return proc


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin/ folder of a fresh virtual environment with the project's wheel installed."""
    base = tmp_path_factory.mktemp("install")
    src = base / "src"
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, src / name, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            src.mkdir(exist_ok=True)
            shutil.copy2(ROOT / name, src / name)
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", base / "dist", ".",
        cwd=src)
    [wheel] = (base / "dist").glob("dangkg-*.whl")
    env = base / "venv"
    venv.create(env, with_pip=True)
    python = env / "bin" / "python"
    site = run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=base).stdout.strip()
    (Path(site) / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    run(python, "-m", "pip", "install", "--no-deps", "-q", wheel, cwd=base)
    return env / "bin"


def test_the_wheel_carries_the_data_files(installed: Path, tmp_path: Path) -> None:
    code = ("import builder, importlib.resources as r; f = r.files('builder'); print(builder.__file__); "
            "print(sorted(p.name for d in ('ontology', 'shapes', 'queries', 'seeds') for p in (f / d).iterdir()))")
    out = run(installed / "python", "-c", code, cwd=tmp_path).stdout.splitlines()
    assert out[0].startswith(str(installed.parent)), out[0]  # the wheel's package, not this checkout
    names = ast.literal_eval(out[1])
    assert "kg.ttl" in names and "kg-shapes.ttl" in names and "chairs-of-vetting.rq" in names
    assert sum(n.endswith(".txt") for n in names) == 5


def test_kg_build_and_query_from_another_directory(installed: Path, tmp_path: Path) -> None:
    proc = run(installed / "kg", "build", cwd=tmp_path)
    assert "articles: 5 built" in proc.stdout and "SHACL: conforms" in proc.stdout
    assert (tmp_path / "out" / "graph.trig").is_file()
    proc = run(installed / "kg", "query", "chairs-of-vetting", "--format", "json", cwd=tmp_path)
    assert "Trương Thị Mai" in proc.stdout
    proc = run(installed / "kg", "--version", cwd=tmp_path)
    from builder import __version__

    assert proc.stdout.strip() == f"kg {__version__}"
