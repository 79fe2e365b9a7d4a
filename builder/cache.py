"""A content-hash cache of extracted facts, so a rebuild re-extracts only what changed.

An entry's key is a digest of the article (id, text, metadata; not its path) and of the builder
itself (every source file and data file of the package: rules, gazetteers, confidences),
so a changed article or a changed rule never meets an old entry. Entries are written
atomically; one that cannot be read (cut short, corrupted, from another Python) is a miss.
It also remembers which article graphs conformed to the shapes (by a digest of their
triples, the shapes and the builder): such a graph is not validated again. A graph with
violations is always validated again, so its report is always pySHACL's.
"""

from __future__ import annotations

import hashlib
import pickle
from functools import lru_cache
from pathlib import Path

from rdflib import Graph
from rdflib.term import Node

from builder.files import write_atomic
from builder.ingest import Article
from builder.model import Facts

PACKAGE = Path(__file__).resolve().parent
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
    """Facts by article key, one file each under folder (two-level fan-out). The article's path is
    not in the key: a corpus moved elsewhere is still cached."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.hits = 0
        self.verdicts = 0  # SHACL verdicts taken from the cache
        self._marks: dict[Node, Path] = {}  # graph → its verdict file, between conformed() and mark_conforming()

    def _path(self, k: str) -> Path:
        return self.folder / k[:2] / f"{k[2:]}.pickle"

    def get(self, article: Article) -> Facts | None:
        try:
            facts = pickle.loads(self._path(key(article)).read_bytes())
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
            return None
        if not isinstance(facts, Facts):
            return None
        self.hits += 1
        return facts

    def put(self, article: Article, facts: Facts) -> None:
        write_atomic(self._path(key(article)), pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL))

    def _verdict(self, g: Graph) -> Path:
        h = hashlib.sha256(fingerprint().encode())
        for line in sorted(" ".join(term.n3() for term in triple) for triple in g):
            h.update(line.encode("utf-8", "surrogatepass") + b"\n")
        return self.folder / "conforms" / h.hexdigest()

    def conformed(self, g: Graph) -> bool:
        """Whether this very graph (same triples, same shapes and builder) conformed before."""
        mark = self._marks[g.identifier] = self._verdict(g)
        if mark.is_file():
            self.verdicts += 1
            return True
        return False

    def mark_conforming(self, g: Graph) -> None:
        """Remember that g, just asked about with conformed(), conforms."""
        write_atomic(self._marks.pop(g.identifier), b"")
