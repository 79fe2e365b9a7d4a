"""Helpers shared by the test modules (conftest.py holds the shared fixtures)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import builder

if TYPE_CHECKING:
    from builder.model import Facts

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "fixtures" / "gold"
SEED_FILES = sorted(p for p in SEEDS.iterdir() if p.is_file())


def facts_of(text: str, published: str | None = None) -> Facts:
    """The facts extraction finds in one article written for a test (id t1), published on `published`
    (None: no date given)."""
    from builder.extract import extract
    from builder.text.ingest import make_article

    return extract(make_article("t1", "t1.txt", text, meta={"published": published}))


def kg(*args: str, cwd: Path = ROOT, timeout: int = 600, env: dict[str, str] | None = None,
       ) -> subprocess.CompletedProcess[str]:
    """`kg ARGS` in a child process (`python -m builder`), for what only a process shows: exit codes as
    the shell sees them, stderr, hash seeds."""
    return subprocess.run([sys.executable, "-m", "builder", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=timeout, env=env)


def articles(folder: Path, **texts: str) -> Path:
    """Write one .txt article per keyword (name_with_underscores → name-with-dashes.txt) into folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name.replace('_', '-')}.txt").write_text(text, encoding="utf-8")
    return folder


def build_to(paths: list[str | Path], outdir: Path, curation: Path | None = None) -> builder.Build:
    """build_dataset, then write_outputs into outdir."""
    b = builder.build_dataset(paths, curation)
    builder.write_outputs(b, outdir)
    return b


def assert_seed_outputs(out: Path, seeds_out: Path, bad: str) -> None:
    """A build of the seeds and one bad file `bad` wrote the files of the seeds' own build, byte for byte,
    except problems.jsonl, which names the bad file."""
    for name in builder.OUTPUTS:
        if name != "problems.jsonl":
            assert (out / name).read_bytes() == (seeds_out / name).read_bytes(), name
    assert bad in (out / "problems.jsonl").read_text(encoding="utf-8")


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_oxigraph(location: Path, port: int, *flags: str) -> subprocess.Popen[bytes]:
    """`oxigraph serve` (the real SPARQL 1.1 server from PyPI) on 127.0.0.1:port, storing in location,
    once it accepts connections."""
    import shutil
    import socket
    import time

    exe = shutil.which("oxigraph")
    assert exe, "the oxigraph server (pip install oxigraph, in the test extras) is not installed"
    proc = subprocess.Popen([exe, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}", *flags],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise AssertionError(f"oxigraph did not start on port {port}")
