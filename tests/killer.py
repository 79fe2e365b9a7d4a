"""`python tests/killer.py POINT ARGS…`: run `kg ARGS…` and SIGKILL the process at a named point of the build.

For tests/test_kill.py: the kill happens inside the builder's own code, at a point a timed kill
would rarely hit —

    extract      just after the first article's facts went into the cache
    cache-entry  halfway through writing the first cache entry
    graph.trig   halfway through writing the new graph.trig (the other outputs not yet begun)
    journal      just after the journal of the new outputs was written, before any rename
    rename       just after the second of the five outputs was renamed into place
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from builder import cli, files
from builder.run import cache

OUTPUTS = {"graph.trig", "graph.ttl", "report.ttl", "conflicts.csv", "problems.jsonl"}


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def cut(data: files.Data) -> Iterator[bytes]:
    """data's first piece (the first half of it, if it is one piece), then death."""
    pieces = list(files._pieces(data)) if isinstance(data, (str, bytes)) else data
    if isinstance(pieces, list) and len(pieces) == 1:
        pieces = [pieces[0][: len(pieces[0]) // 2], pieces[0][len(pieces[0]) // 2:]]
    for i, piece in enumerate(pieces):
        if i == 1:
            die()
        yield piece
    die()


def arm(point: str) -> None:
    stage, finish, replace, put = files._stage, files._finish, os.replace, cache.Cache.put

    def staged(path: Path, data: files.Data, durable: bool) -> Path:
        if (point, path.suffix if point == "cache-entry" else path.name) in {("cache-entry", ".pickle"),
                                                                              ("graph.trig", "graph.trig")}:
            data = cut(data)
        return stage(path, data, durable)

    def put_then_die(self: cache.Cache, article: object, facts: object) -> None:
        put(self, article, facts)  # type: ignore[arg-type]
        die()

    renamed: list[str] = []

    def replace_then_die(src: str | Path, dst: str | Path) -> None:
        replace(src, dst)
        renamed.append(Path(dst).name)
        if point == "rename" and len([n for n in renamed if n in OUTPUTS]) == 2:
            die()

    def finish_after_death(folder: Path) -> None:
        die()
        finish(folder)

    files._stage = staged  # type: ignore[assignment]
    if point == "extract":
        cache.Cache.put = put_then_die  # type: ignore[method-assign]
    if point == "journal":
        files._finish = finish_after_death  # type: ignore[assignment]
    if point == "rename":
        files.os.replace = replace_then_die  # type: ignore[assignment]


def main(argv: Iterable[str]) -> int:
    point, *args = argv
    arm(point)
    return cli.main(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
