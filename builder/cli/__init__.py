"""The `kg` command: a thin layer over the public API of the builder package (builder.cli.commands), with
its parser in builder.cli.options.

Exit codes: 0 success (and, for validate, the graph conforms); 1 SHACL violations;
2 error (bad input, missing or unparseable graph, unknown query, bad curation file).
"""

from __future__ import annotations

import sys

import builder
from builder.cli.options import parser

__all__ = ["main", "parser"]


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except (builder.GraphError, builder.QueryError, builder.CurationError, builder.RemoteError, builder.ViewError,
            builder.QuestionError, OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
