"""A list kept on disk, so a build's memory does not grow with its corpus while it extracts.

A Spool pickles each item into an anonymous temporary file as it is appended and keeps only
where it went; reading an item unpickles it again. A build keeps its articles, their facts and
their rendered graphs in spools (builder.run.build), so its own memory holds offsets, not texts.
A spool pickles as the plain list of its items (a file handle cannot travel).
"""

from __future__ import annotations

import pickle
import tempfile
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar, overload

T = TypeVar("T")


class Spool(Sequence[T]):
    """Items in a temporary file, in the order appended; len, indexing and iteration as a list's."""

    def __init__(self, items: Iterable[T] = ()) -> None:
        self._file = tempfile.TemporaryFile(prefix="kg-spool-")
        self._starts, self._sizes = array("q"), array("q")
        self._end = 0
        self._shared = False  # a reordered view of another spool's file: read-only
        for item in items:
            self.append(item)

    def append(self, item: T) -> None:
        if self._shared:
            raise TypeError("a reordered spool is read-only")
        data = pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)
        self._file.seek(self._end)
        self._file.write(data)
        self._starts.append(self._end)
        self._sizes.append(len(data))
        self._end += len(data)

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, i: int) -> T: ...

    @overload
    def __getitem__(self, i: slice) -> list[T]: ...

    def __getitem__(self, i: int | slice) -> T | list[T]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        self._file.seek(self._starts[i])
        item: T = pickle.loads(self._file.read(self._sizes[i]))
        return item

    def __iter__(self) -> Iterator[T]:
        for k in range(len(self)):
            yield self[k]

    def __eq__(self, other: object) -> bool:
        """Equal to a spool or list of equal items, in the same order (as a list is)."""
        return isinstance(other, (Spool, list)) and len(self) == len(other) and all(a == b for a, b in zip(self, other))

    __hash__ = None  # type: ignore[assignment]  # mutable, as a list

    def reordered(self, order: Sequence[int]) -> Spool[T]:
        """The same items (the same file, read-only) in another order: item k of the result is item order[k] of
        this one."""
        out: Spool[T] = Spool.__new__(Spool)
        out._file, out._end, out._shared = self._file, self._end, True
        out._starts = array("q", (self._starts[k] for k in order))
        out._sizes = array("q", (self._sizes[k] for k in order))
        return out

    def __reduce__(self) -> tuple[Any, ...]:
        return (list, (list(self),))
