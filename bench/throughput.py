"""Throughput of a full build against underthesea's ner() alone, per corpus size.

    python bench/throughput.py [--sizes 100,1000] [--real ../shared/dev/texts] [--jobs 1,2]

For each size N it writes a corpus of N varied articles (bench/corpus.py: the seeds and
the --real articles, renamed and re-dated copies) and builds it in a fresh child process
(read, extract, RDF, SHACL, conflicts and writing, through build_dataset and
write_outputs), so each size's peak memory is its own; with --real it builds those
articles as they are too. A second child runs the naive baseline over the same clean
texts: underthesea's sent_tokenize, then ner() per sentence. Each child first loads its
models (a build of one two-sentence article; one ner() call), timed apart as warm-up.
--jobs 1,2 builds each corpus once per value, passed to build_dataset when it takes a
`jobs` keyword (workers a build starts load their models inside its timed part); ner()
runs once per corpus, so every build row of a corpus is set against the same ner() figure.
Prints one line per run as it ends, then a
table: articles, syllables (whitespace tokens of the clean texts), warm-up seconds,
articles/s, syllables/s, seconds per stage, peak MiB (the build process plus its largest
worker), ner() articles/s and the ratio build articles/s ÷ ner() articles/s. Figures
are printed, never asserted.
"""

from __future__ import annotations

import argparse
import inspect
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

STAGES = ("read", "extract", "rdf", "shacl", "conflicts", "write")
# "Y Mơ Kpă" has no known surname, so the warm-up loads underthesea's models too
WARM_UP = ("Sáng 16/10, tại Hà Nội, Ban Tổ chức Trung ương tổ chức Hội nghị. Ông Nguyễn Văn An, Ủy viên Bộ Chính trị, "
           "Trưởng ban Tổ chức Trung ương chủ trì Hội nghị. Dự Hội nghị có ông Y Mơ Kpă, Bí thư Tỉnh ủy.\n")


def peak_mib() -> float:
    """This process's peak resident memory plus its largest child's, if it had any (jobs' workers), in MiB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return (own + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024


def takes_jobs() -> bool:
    """Does this checkout's build_dataset take a `jobs` keyword?"""
    import builder

    return "jobs" in inspect.signature(builder.build_dataset).parameters


def child_build(folder: str, jobs: int | None) -> dict[str, object]:
    """Build the folder (after a warm-up build of the seeds); seconds, counts and peak memory."""
    import builder

    kwargs = {} if jobs is None else {"jobs": jobs}
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        (Path(tmp) / "warm.txt").write_text(WARM_UP, encoding="utf-8")
        builder.write_outputs(builder.build_dataset([Path(tmp) / "warm.txt"], **kwargs), Path(tmp) / "warm")
        warm = time.perf_counter() - start
        start = time.perf_counter()
        b = builder.build_dataset([folder], **kwargs)
        builder.write_outputs(b, Path(tmp) / "out")
        total = time.perf_counter() - start
    return {"articles": len(b.articles), "syllables": sum(len(a.clean.text.split()) for a in b.articles),
            "warmup": warm, "seconds": total, "stages": b.seconds, "peak": peak_mib(), "errors": len(b.errors),
            "conforms": b.conforms, "triples": len(b.merged), "memory": getattr(b, "memory", {})}


def child_ner(folder: str) -> dict[str, object]:
    """underthesea's sent_tokenize, then ner() per sentence, over the clean texts of the folder's articles."""
    from builder.text.ingest import read_articles

    articles, _ = read_articles([folder])
    start = time.perf_counter()
    from underthesea import ner, sent_tokenize

    ner("Ông Nguyễn Văn An làm việc tại Hà Nội.")
    warm = time.perf_counter() - start
    start = time.perf_counter()
    sentences = 0
    for a in articles:
        for line in a.clean.text.split("\n"):
            for sentence in sent_tokenize(line) if line.strip() else []:
                ner(sentence)
                sentences += 1
    total = time.perf_counter() - start
    return {"articles": len(articles), "sentences": sentences, "warmup": warm, "seconds": total, "peak": peak_mib()}


def run_child(kind: str, folder: Path, jobs: int | None) -> dict[str, object]:
    """One measurement in a fresh Python process; its result is the JSON line it prints last."""
    cmd = [sys.executable, __file__, "--child", kind, str(folder)] + ([] if jobs is None else ["--jobs", str(jobs)])
    done = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(label: str, folder: Path, jobs: list[int | None]) -> list[dict[str, object]]:
    builds = []
    for n in jobs:
        build = run_child("build", folder, n)
        print(f"{label}: build {build['articles']} articles in {build['seconds']:.1f} s with jobs={n or '-'} "
              f"(warm-up {build['warmup']:.1f} s, {build['errors']} errors, conforms {build['conforms']}, "
              f"{build['triples']} triples, peak {build['peak']:.0f} MiB; build process MiB after each stage "
              f"{ {k: round(v) for k, v in build.get('memory', {}).items()} })", flush=True)
        builds.append((n, build))
    ner = run_child("ner", folder, None)
    print(f"{label}: ner() over {ner['sentences']} sentences in {ner['seconds']:.1f} s "
          f"(warm-up {ner['warmup']:.1f} s, peak {ner['peak']:.0f} MiB)", flush=True)
    return [{"label": label if n is None else f"{label} j{n}", "build": build, "ner": ner} for n, build in builds]


def table(rows: list[dict[str, dict]]) -> str:  # type: ignore[type-arg]
    head = ["corpus", "articles", "syllables", "warm-up s", "build s", "art/s", "syl/s",
            *(f"{s} s" for s in STAGES), "peak MiB", "ner() art/s", "ner() MiB", "build÷ner()"]
    lines = [head]
    for r in rows:
        b, n = r["build"], r["ner"]
        rate, ner_rate = b["articles"] / b["seconds"], n["articles"] / n["seconds"]
        lines.append([r["label"], str(b["articles"]), str(b["syllables"]), f"{b['warmup']:.1f}", f"{b['seconds']:.1f}",
                      f"{rate:.2f}", f"{b['syllables'] / b['seconds']:.0f}",
                      *(f"{b['stages'].get(s, 0.0):.1f}" for s in STAGES), f"{b['peak']:.0f}",
                      f"{ner_rate:.2f}", f"{n['peak']:.0f}", f"{rate / ner_rate:.2f}"])
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    return "\n".join("  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(line, widths)))
                     for line in lines)


def main(argv: list[str]) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="100,1000", help="corpus sizes, comma-separated (default 100,1000)")
    p.add_argument("--real", help="a folder of real articles: mixed into the corpus, and built as they are")
    p.add_argument("--jobs", help="comma-separated jobs values, one build each, passed to build_dataset(jobs=N) "
                                  "when it takes it (a child gets one value)")
    p.add_argument("--child", nargs=2, metavar=("KIND", "FOLDER"), help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        kind, folder = args.child
        result = child_build(folder, int(args.jobs) if args.jobs else None) if kind == "build" else child_ner(folder)
        print(json.dumps(result))
        return
    from corpus import make_corpus

    jobs: list[int | None] = [int(j) for j in args.jobs.split(",")] if args.jobs else [None]
    if args.jobs and not takes_jobs():
        print("jobs: not supported by this build")
        jobs = [None]
    sizes = [int(s) for s in args.sizes.split(",") if s]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        files = make_corpus(max(sizes), Path(tmp) / "all", [args.real] if args.real else [])
        print(f"corpus: {len(files)} articles written in {time.perf_counter() - start:.1f} s", flush=True)
        for n in sizes:
            folder = Path(tmp) / f"n{n}"
            folder.mkdir()
            for f in files[:n]:
                shutil.copy(f, folder)
            rows += measure(f"N={n}", folder, jobs)
        if args.real:
            rows += measure(Path(args.real).name, Path(args.real), jobs)
    print(f"\njobs: {args.jobs or 'default (not passed)'} (row label jN: built with jobs=N)")
    print(table(rows))


if __name__ == "__main__":
    main(sys.argv[1:])
