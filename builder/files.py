"""Generic file helpers: atomic writes, a set of files replaced together, CSV text (no knowledge of graphs or facts)."""

from __future__ import annotations

import csv
import fcntl
import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

JOURNAL = ".outputs.commit"  # names the staged files of a set whose renames have begun
LOCK = ".outputs.lock"

Data = str | bytes | Iterable[bytes]


def write_atomic(path: Path, data: Data) -> None:
    """Write a file (text, bytes, or bytes in pieces) so that readers see the old or the new content,
    never half of it.

    The file gets the permissions a plain open() would give it (0666 less the umask),
    not mkstemp's private 0600. It is not fsynced: a killed process never leaves half of it under
    its name, a power cut may (readers of such files, as the cache's, take a short file as a miss).
    """
    tmp = _stage(path, data, durable=False)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_set(folder: Path, files: Mapping[str, Data]) -> None:
    """Replace several files of folder together: a process killed at any moment leaves the old set or
    the new one, never a mix.

    Each file is written and fsynced under a temporary name beside its own; then a journal naming them
    is written (the commit point) and the files are renamed into place. A kill before the journal leaves
    the old files and temporary ones, swept by the next write_set; a kill during the renames leaves the
    journal, and settle() — run by the next write_set and by every reader of the folder — finishes them.
    A lock file keeps two writers of one folder apart.
    """
    with _locked(folder):
        _settle(folder, [*files, JOURNAL])
        staged: dict[str, str] = {}
        try:
            for name, data in files.items():
                staged[name] = _stage(folder / name, data, durable=True).name
        except BaseException:
            for tmp in staged.values():
                (folder / tmp).unlink(missing_ok=True)
            raise
        os.replace(_stage(folder / JOURNAL, json.dumps(staged, sort_keys=True), durable=True), folder / JOURNAL)
        _sync(folder)
        _finish(folder)


def settle(folder: Path) -> None:
    """Finish the renames of a set of files a killed write_set left half done, if it did (readers of a
    folder write_set writes call this first). A folder that cannot be written is left as it is."""
    if not (folder / JOURNAL).exists():
        return
    try:
        with _locked(folder):
            _settle(folder, [])
    except PermissionError:
        return


def _settle(folder: Path, sweep: Iterable[str]) -> None:
    """Under the lock: finish a half-renamed set; delete the temporary files killed writes of sweep's names left."""
    if (folder / JOURNAL).exists():
        _finish(folder)
    for name in sweep:
        for tmp in folder.glob(f".{_glob_escape(name)}.*.tmp"):
            tmp.unlink(missing_ok=True)


def _finish(folder: Path) -> None:
    journal = folder / JOURNAL
    try:
        staged = json.loads(journal.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        staged = {}  # the journal is written atomically: unreadable means another writer finished it
    for name, tmp in sorted(staged.items()):
        if (folder / tmp).exists():
            os.replace(folder / tmp, folder / name)
    _sync(folder)
    journal.unlink(missing_ok=True)


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / LOCK, "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)  # released when the file closes, or when its process dies
        yield


def _stage(path: Path, data: Data, durable: bool) -> Path:
    """data written to a new temporary file beside path (removed again if writing fails)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            for piece in _pieces(data):
                fh.write(piece)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def _sync(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def _pieces(data: Data) -> Iterable[bytes]:
    if isinstance(data, str):
        return [data.encode("utf-8")]
    return [data] if isinstance(data, bytes) else data


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def csv_text(columns: Iterable[str], rows: Iterable[Mapping[str, Any]]) -> str:
    """Rows as CSV text with a header line (None → empty cell, columns not listed are ignored)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(columns), lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()
