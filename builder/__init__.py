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

from builder.check.conflicts import conflicts
from builder.check.shacl import Validation, describe, validate_dataset
from builder.extract.curation import CurationError, review_rows, write_review
from builder.extract.rules import confidences_path
from builder.files import csv_text
from builder.files import write_atomic as write_text
from builder.rdf.store import OxigraphGraph
from builder.resources import SEEDS
from builder.run.build import OUTPUTS, Build, build_dataset, write_outputs
from builder.use.evaluate import calibrate, evaluate, load_gold, reliability, write_calibration
from builder.use.facts import graph_facts
from builder.use.fuseki import fuseki_config
from builder.use.graphs import EXPORTS, GraphError, export, load_graph, open_graph
from builder.use.notebook import ArticleView, show_article
from builder.use.query import QueryError, SavedQuery, frame, list_queries, queries_frame, saved, to_frame
from builder.use.query import run as run_query
from builder.use.remote import Loaded, RemoteError, Server, load
from builder.use.timeline import timeline, write_timeline
from builder.use.views import VIEWS, ViewError, around, view
from builder.use.viz import write_picture

__version__ = "0.2.0"


def load_ipython_extension(ipython: object) -> None:
    """`%load_ext builder`: registers the `%%sparql` cell magic."""
    from builder.use.notebook import register

    register(ipython)


CONFIDENCES_FILE = confidences_path()

__all__ = [
    "ArticleView", "Build", "CONFIDENCES_FILE", "CurationError", "EXPORTS", "GraphError", "Loaded", "OUTPUTS",
    "OxigraphGraph", "QueryError", "RemoteError", "SEEDS", "SavedQuery", "Server", "VIEWS", "Validation", "ViewError",
    "__version__",
    "around", "build_dataset", "calibrate", "conflicts", "csv_text", "describe", "evaluate", "export", "frame",
    "fuseki_config", "graph_facts", "list_queries", "load", "load_gold", "load_graph", "load_ipython_extension",
    "open_graph", "queries_frame", "reliability", "review_rows", "run_query", "saved", "show_article", "timeline",
    "to_frame", "validate_dataset", "view", "write_calibration", "write_outputs", "write_picture", "write_review",
    "write_text", "write_timeline",
]
