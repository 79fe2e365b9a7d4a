"""Generic file helpers: atomic writes and CSV text (no knowledge of graphs or facts)."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any


def write_atomic(path: Path, data: str | bytes | Iterable[bytes]) -> None:
    """Write a file (text, bytes, or bytes in pieces) so that readers see the old or the new content,
    never half of it.

    The file gets the permissions a plain open() would give it (0666 less the umask),
    not mkstemp's private 0600.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            for piece in _pieces(data):
                fh.write(piece)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _pieces(data: str | bytes | Iterable[bytes]) -> Iterable[bytes]:
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
