"""Seconds per article, per stage, as the corpus doubles: is the build's cost linear?

    python bench/stages.py [PATH…] [--sizes 50,100,200]

Builds corpora of N articles (copies of the bundled seeds and of the articles under
PATH, cycled, each copy with its own id) through the library API and prints, for
each N, seconds per article for every stage (read, extract, rdf, shacl, conflicts,
write) and in all. With PATHs it then builds those articles as they are. Models and
gazetteers are loaded by one small warm-up build first. Figures are printed, never
asserted.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

STAGES = ("read", "extract", "rdf", "shacl", "conflicts", "write")


def corpus(sources: list[str], n: int, folder: Path) -> Path:
    """n article files cycling through the sources' articles, each under a new id."""
    from builder.text.ingest import read_articles

    articles, _ = read_articles(sources)
    folder.mkdir(parents=True)
    for k in range(n):
        a = articles[k % len(articles)]
        (folder / f"{a.id}-copy{k:05d}.txt").write_text(a.raw, encoding="utf-8")
    return folder


def measure(label: str, paths: list[str], out: Path) -> None:
    import builder

    start = time.perf_counter()
    b = builder.build_dataset(paths)
    builder.write_outputs(b, out)
    total = time.perf_counter() - start
    n = max(len(b.articles), 1)
    stages = "  ".join(f"{s} {b.seconds.get(s, 0.0) / n:.4f}" for s in STAGES)
    print(f"{label:>18}  articles {len(b.articles):5d}  s/article {total / n:.4f} | {stages}  "
          f"| conforms {b.conforms}, conflicts {len(b.conflicts)}", flush=True)


def main(argv: list[str]) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("paths", nargs="*")
    p.add_argument("--sizes", default="50,100,200")
    args = p.parse_args(argv)
    sources = [str(ROOT / "seeds"), *args.paths]
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        measure("warm-up", [str(ROOT / "seeds")], base / "warm")
        for n in (int(s) for s in args.sizes.split(",") if s):
            measure(f"N={n}", [str(corpus(sources, n, base / f"in{n}"))], base / f"out{n}")
        for path in args.paths:
            measure(Path(path).name, [path], base / "as-is")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MiB")


if __name__ == "__main__":
    main(sys.argv[1:])
