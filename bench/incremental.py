"""Incremental rebuilds: a first build of N articles, a rebuild with nothing changed, one with one article changed.

    python bench/incremental.py [--articles 10000] [--real ../shared/dev/texts] [--jobs N] [--keep DIR]

Writes a corpus of N varied articles (bench/corpus.py), then runs three builds into one
output folder with its facts cache (OUTDIR/.kg-cache), each in a fresh child process as
`kg build` would run them: the first (every article extracted, the cache filled), the
same again (nothing changed), and after one sentence is added to one article. Prints, per
build, the seconds in all and per stage, how many articles came from the cache, and the
peak MiB (the build process plus its largest worker), and the build process's own peak MiB
after each stage (Build.memory: flat in N up to the extraction when the build spools what it
extracted). Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

STAGES = ("read", "extract", "rdf", "shacl", "conflicts", "write")
ADDED = "\n\nHội nghị cũng thông qua chương trình công tác toàn khóa.\n"


def child(folder: str, out: str, jobs: int) -> dict[str, object]:
    """One build with the cache, as `kg build FOLDER -o OUT -j JOBS` does it."""
    from throughput import peak_mib

    import builder

    start = time.perf_counter()
    b = builder.build_dataset([folder], jobs=jobs, cache=Path(out) / ".kg-cache")
    builder.write_outputs(b, out)
    return {"seconds": time.perf_counter() - start, "stages": b.seconds, "articles": len(b.articles),
            "cached": b.cached, "conforms": b.conforms, "peak": peak_mib(), "how": b.validation.how,
            "memory": b.memory}


def run(label: str, folder: Path, out: Path, jobs: int) -> dict[str, object]:
    cmd = [sys.executable, __file__, "--child", str(folder), str(out), "--jobs", str(jobs)]
    done = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=True)
    r = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"{label}: {r['articles']} articles in {r['seconds']:.1f} s, {r['cached']} from the cache, "
          f"conforms {r['conforms']}, peak {r['peak']:.0f} MiB ({r['how']})", flush=True)
    return {"label": label, **r}


def main(argv: list[str]) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=10000)
    p.add_argument("--real", help="a folder of real articles mixed into the corpus")
    p.add_argument("--jobs", type=int, default=1)
    p.add_argument("--keep", help="write the corpus and outputs here instead of a temporary folder")
    p.add_argument("--child", nargs=2, metavar=("FOLDER", "OUT"), help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        print(json.dumps(child(*args.child, args.jobs)))
        return
    from corpus import make_corpus

    with tempfile.TemporaryDirectory() as tmp:
        base = Path(args.keep or tmp)
        start = time.perf_counter()
        files = make_corpus(args.articles, base / "in", [args.real] if args.real else [])
        print(f"corpus: {len(files)} articles written in {time.perf_counter() - start:.1f} s", flush=True)
        out = base / "out"
        rows = [run("first build", base / "in", out, args.jobs), run("nothing changed", base / "in", out, args.jobs)]
        changed = files[len(files) // 2]
        changed.write_text(changed.read_text(encoding="utf-8") + ADDED, encoding="utf-8")
        rows.append(run(f"one changed ({changed.name})", base / "in", out, args.jobs))
    head = ["build", "articles", "from cache", "seconds", *(f"{s} s" for s in STAGES), "peak MiB",
            "build process MiB after " + "/".join(STAGES)]
    lines = [head] + [[r["label"], str(r["articles"]), str(r["cached"]), f"{r['seconds']:.1f}",
                       *(f"{r['stages'].get(s, 0.0):.1f}" for s in STAGES), f"{r['peak']:.0f}",
                       "/".join(f"{r['memory'].get(s, 0.0):.0f}" for s in STAGES)] for r in rows]
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    print(f"\njobs: {args.jobs}")
    print("\n".join("  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(line, widths)))
                    for line in lines))


if __name__ == "__main__":
    main(sys.argv[1:])
