"""Knowledge-graph builder for Vietnamese news about the Party's organisation and personnel work.

The public API (the `kg` command and the notebook use only this):

    import builder
    b = builder.build_dataset(["articles/"])        # everything in memory, nothing written
    builder.write_outputs(b, "out")                 # graph.trig, graph.ttl, report.ttl, conflicts.csv
    ds = builder.load_graph("out")                  # a build folder or a graph file
    ds = builder.open_graph("out")                  # the same, through Oxigraph when the graph is large
    builder.run_query("post-holders", ds, {"roleName": "Trưởng ban"})   # (columns, rows)
    builder.to_frame("chairs-of-vetting", ds)       # a pandas DataFrame

Errors that name their input (GraphError, QueryError, CurationError) carry a one-line
message; the CLI prints it and exits with 2.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

# name → (module, name there): imported on first use (PEP 562), so `import builder.extract` in a worker loads
# extraction alone, not the viewers, the notebook or the remote loader
API: dict[str, tuple[str, str]] = {
    "around": ("builder.use.views", "around"),
    "ArticleView": ("builder.use.notebook", "ArticleView"),
    "Build": ("builder.run.build", "Build"),
    "build_dataset": ("builder.run.build", "build_dataset"),
    "calibrate": ("builder.use.evaluate", "calibrate"),
    "confidences_path": ("builder.extract.rules", "confidences_path"),
    "conflicts": ("builder.check.conflicts", "conflicts"),
    "csv_text": ("builder.files", "csv_text"),
    "CurationError": ("builder.errors", "CurationError"),
    "describe": ("builder.check.shacl", "describe"),
    "evaluate": ("builder.use.evaluate", "evaluate"),
    "export": ("builder.use.graphs", "export"),
    "EXPORTS": ("builder.use.graphs", "EXPORTS"),
    "frame": ("builder.use.query", "frame"),
    "fuseki_config": ("builder.use.fuseki", "fuseki_config"),
    "graph_facts": ("builder.use.facts", "graph_facts"),
    "GraphError": ("builder.use.graphs", "GraphError"),
    "list_queries": ("builder.use.query", "list_queries"),
    "load": ("builder.use.remote", "load"),
    "load_gold": ("builder.use.evaluate", "load_gold"),
    "load_graph": ("builder.use.graphs", "load_graph"),
    "Loaded": ("builder.use.remote", "Loaded"),
    "open_graph": ("builder.use.graphs", "open_graph"),
    "OUTPUTS": ("builder.run.build", "OUTPUTS"),
    "OxigraphGraph": ("builder.rdf.store", "OxigraphGraph"),
    "queries_frame": ("builder.use.query", "queries_frame"),
    "ask_questions": ("builder.use.questions", "ask"),
    "load_questions": ("builder.use.questions", "load_questions"),
    "intervals": ("builder.use.intervals", "intervals"),
    "intervals_frame": ("builder.use.intervals", "intervals_frame"),
    "Interval": ("builder.use.intervals", "Interval"),
    "QuestionError": ("builder.errors", "QuestionError"),
    "QueryError": ("builder.use.query", "QueryError"),
    "reliability": ("builder.use.evaluate", "reliability"),
    "RemoteError": ("builder.use.remote", "RemoteError"),
    "review_rows": ("builder.use.review", "review_rows"),
    "run_query": ("builder.use.query", "run"),
    "audit": ("builder.use.audit", "audit"),
    "write_audit": ("builder.use.audit", "write_audit"),
    "flagged_misses": ("builder.use.audit", "flagged_misses"),
    "saved": ("builder.use.query", "saved"),
    "SavedQuery": ("builder.use.query", "SavedQuery"),
    "SEEDS": ("builder.resources", "SEEDS"),
    "Server": ("builder.use.remote", "Server"),
    "show_article": ("builder.use.notebook", "show_article"),
    "timeline": ("builder.use.timeline", "timeline"),
    "to_frame": ("builder.use.query", "to_frame"),
    "validate_dataset": ("builder.check.shacl", "validate_dataset"),
    "Validation": ("builder.check.shacl", "Validation"),
    "view": ("builder.use.views", "view"),
    "ViewError": ("builder.use.views", "ViewError"),
    "VIEWS": ("builder.use.views", "VIEWS"),
    "write_calibration": ("builder.use.evaluate", "write_calibration"),
    "write_outputs": ("builder.run.build", "write_outputs"),
    "write_picture": ("builder.use.viz", "write_picture"),
    "write_review": ("builder.use.review", "write_review"),
    "write_text": ("builder.files", "write_atomic"),
    "write_timeline": ("builder.use.timeline", "write_timeline"),
}

if TYPE_CHECKING:  # the same names, for type checkers and editors (tests/test_api.py checks both lists agree)
    from builder.check.conflicts import conflicts
    from builder.check.shacl import Validation, describe, validate_dataset
    from builder.errors import CurationError, QuestionError
    from builder.extract.rules import confidences_path
    from builder.files import csv_text
    from builder.files import write_atomic as write_text
    from builder.rdf.store import OxigraphGraph
    from builder.resources import SEEDS
    from builder.run.build import OUTPUTS, Build, build_dataset, write_outputs
    from builder.use.audit import audit, flagged_misses, write_audit
    from builder.use.evaluate import calibrate, evaluate, load_gold, reliability, write_calibration
    from builder.use.facts import graph_facts
    from builder.use.fuseki import fuseki_config
    from builder.use.graphs import EXPORTS, GraphError, export, load_graph, open_graph
    from builder.use.intervals import Interval, intervals, intervals_frame
    from builder.use.notebook import ArticleView, show_article
    from builder.use.query import QueryError, SavedQuery, frame, list_queries, queries_frame, saved, to_frame
    from builder.use.query import run as run_query
    from builder.use.questions import ask as ask_questions
    from builder.use.questions import load_questions
    from builder.use.remote import Loaded, RemoteError, Server, load
    from builder.use.review import review_rows, write_review
    from builder.use.timeline import timeline, write_timeline
    from builder.use.views import VIEWS, ViewError, around, view
    from builder.use.viz import write_picture

CONFIDENCES = "CONFIDENCES_FILE"  # where `kg eval --calibrate` writes the measured confidences


def __getattr__(name: str) -> Any:
    if name == CONFIDENCES:
        from builder.extract.rules import confidences_path

        return confidences_path()
    if name not in API:
        raise AttributeError(f"module 'builder' has no attribute {name!r}")
    module, attr = API[name]
    value = getattr(import_module(module), attr)
    globals()[name] = value  # asked once
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *API, CONFIDENCES])


def load_ipython_extension(ipython: object) -> None:
    """`%load_ext builder`: registers the `%%sparql` cell magic."""
    from builder.use.notebook import register

    register(ipython)


__all__ = sorted([*API, CONFIDENCES, "__version__", "load_ipython_extension"])
