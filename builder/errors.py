"""The errors that name their input: each message is one line naming the file, graph, query or server; the
CLI prints it and exits with 2."""

from __future__ import annotations


class InputError(Exception):
    """An input that cannot be turned into an article; the message names the file (line: of a JSONL file)."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message, line)  # both in args, so a pickled error (the build cache) keeps both

    def __str__(self) -> str:
        return str(self.args[0])

    @property
    def line(self) -> int | None:
        return self.args[1] if len(self.args) > 1 else None


class CurationError(ValueError):
    """A curation file that cannot be used: the message names the file and line."""


class QuestionError(ValueError):
    """A question file that cannot be used: the message names the file and the question."""


class GraphError(Exception):
    """A graph that cannot be loaded: missing, of an unknown kind, or not parseable."""


class QueryError(Exception):
    """A saved query that does not exist or cannot run."""


class ViewError(Exception):
    """An unknown view, a name no node has, or a picture of an unknown kind."""


class RemoteError(Exception):
    """The server cannot be reached, or refused a request: the message is one line; status is the HTTP
    status of a refusal."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status
