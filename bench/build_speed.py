"""Speed and memory of a build: articles/s and peak MiB (run: python bench/build_speed.py [PATH…]).

Builds the given articles (default: seeds/, repeated to REPEAT copies so the figure is
not dominated by start-up) and prints articles per second for extraction and for the
whole build, and the process's peak resident memory.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

REPEAT = 4


def main(argv: list[str]) -> None:
    from builder import build_dataset, write_outputs
    from builder.text.ingest import read_articles

    paths = argv or [str(ROOT / "seeds")]
    with tempfile.TemporaryDirectory() as tmp:
        copies = Path(tmp) / "in"
        copies.mkdir()
        articles, _ = read_articles(paths)
        for k in range(REPEAT):
            for a in articles:
                (copies / f"{a.id}-{k}.txt").write_text(a.raw, encoding="utf-8")
        n = len(articles) * REPEAT
        write_outputs(build_dataset([copies]), Path(tmp) / "warm")  # loads models and gazetteers once
        start = time.perf_counter()
        result = build_dataset([copies])
        write_outputs(result, Path(tmp) / "out")
        seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles: {n} ({len(result.errors)} errors)")
    print(f"build: {seconds:.2f} s, {n / seconds:.2f} articles/s (extraction, RDF, SHACL, writing)")
    print(f"peak memory: {peak:.0f} MiB")


if __name__ == "__main__":
    main(sys.argv[1:])
