"""A content-hash cache: input files' articles, articles' facts and rendered graphs, each under a digest of
everything it depends on (the builder's own code and data included). See docs/internals.md."""

from __future__ import annotations

import hashlib
import pickle
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from builder.files import write_atomic
from builder.model import Facts
from builder.rdf.serialize import Rendered
from builder.rdf.shared import Shared
from builder.text.ingest import Article, InputError

T = TypeVar("T")
PACKAGE = Path(__file__).resolve().parents[1]  # the builder package
SUFFIXES = {".py", ".tsv", ".txt", ".ttl", ".rq"}


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """A digest of the builder's own code and data: any change to either gives new keys."""
    h = hashlib.sha256()
    for f in sorted(p for p in PACKAGE.rglob("*") if p.is_file() and p.suffix in SUFFIXES
                    and "__pycache__" not in p.parts and p.parent.name != "seeds"):
        h.update(f.relative_to(PACKAGE).as_posix().encode())
        h.update(hashlib.sha256(f.read_bytes()).digest())
    return h.hexdigest()


def key(article: Article) -> str:
    h = hashlib.sha256(fingerprint().encode())
    for part in (article.id, article.raw, repr(sorted(article.meta.items()))):
        h.update(b"\0" + part.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


class Cache:
    """Input files' articles, facts and rendered graphs, one file per entry under folder (two-level
    fan-out). An article's path is not in its facts' key: a corpus moved elsewhere keeps its facts."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.files = 0  # input files whose articles came from the cache, not decoded and normalised again
        self.hits = 0  # articles whose facts came from the cache
        self.rendered = 0  # article graphs (and their verdicts) that came from the cache

    def _path(self, k: str) -> Path:
        return self.folder / k[:2] / f"{k[2:]}.pickle"

    def _load(self, k: str, kind: type[T]) -> T | None:
        """The entry under k if it is a readable `kind`; anything else (missing, cut short, corrupt) is a miss."""
        try:
            entry = pickle.loads(self._path(k).read_bytes())
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
            return None
        return entry if isinstance(entry, kind) else None

    def _store(self, k: str, entry: object) -> None:
        write_atomic(self._path(k), pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))

    def get(self, article: Article) -> Facts | None:
        facts = self._load(key(article), Facts)
        self.hits += facts is not None
        return facts

    def put(self, article: Article, facts: Facts) -> None:
        self._store(key(article), facts)

    def _file_key(self, path: Path, data: bytes) -> str:
        h = hashlib.sha256(fingerprint().encode())
        h.update(str(path).encode("utf-8", "surrogateescape") + b"\0" + data)
        return "i" + h.hexdigest()  # entries: facts (hex), "r" rendered graphs, "i" input files

    def get_file(self, path: Path, data: bytes) -> list[Article | InputError] | None:
        """A file's articles (and errors) as read before from the same path and bytes, by the same builder."""
        items = self._load(self._file_key(path, data), list)
        self.files += items is not None
        return items

    def put_file(self, path: Path, data: bytes, items: list[Article | InputError]) -> None:
        self._store(self._file_key(path, data), items)

    def _rendered_key(self, article: Article, facts: Facts, shared: Shared) -> str:
        from builder.check.shacl import fast_version

        h = hashlib.sha256(f"{key(article)} {fast_version()}".encode())
        h.update(repr((facts, sorted(shared.items()))).encode("utf-8", "surrogatepass"))  # by value
        return "r" + h.hexdigest()

    def get_rendered(self, article: Article, facts: Facts, shared: Shared) -> Rendered | None:
        """The article's rendered graph, if the same article, facts and shared values were rendered before."""
        rendered = self._load(self._rendered_key(article, facts, shared), Rendered)
        self.rendered += rendered is not None
        return rendered

    def put_rendered(self, article: Article, facts: Facts, shared: Shared, rendered: Rendered) -> None:
        self._store(self._rendered_key(article, facts, shared), rendered)
