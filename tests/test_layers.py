"""The layers of builder/: each module imports only from its own layer and the layers before it, and no
two modules import each other, even through others. Every import counts: at the top, inside a function,
under TYPE_CHECKING."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

LAYERS = ("base", "text", "extract", "rdf", "check", "run", "use", "api", "cli")


def layer(module: str) -> str:
    """builder.text.ingest → text; builder.model → base (the modules beside the subpackages); builder → api."""
    parts = module.split(".")
    if module == "builder":
        return "api"
    if parts[1] in ("cli", "__main__"):
        return "cli"
    return parts[1] if parts[1] in LAYERS else "base"


def module_name(path: Path, package: Path) -> str:
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(package: Path) -> dict[str, set[str]]:
    """Every module of the package → the package's modules it imports (`from a import b` is a.b when that
    is a module, else a)."""
    modules = {module_name(p, package): p for p in package.rglob("*.py")}
    out: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        is_package = path.name == "__init__.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:  # relative: from . import x, from .a import b
                    here = name.split(".") if is_package else name.split(".")[:-1]
                    base = ".".join(here[:len(here) - node.level + 1] + ([base] if base else []))
                for a in node.names:
                    found.add(f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base)
        out[name] = {m for m in found if m in modules and m != name}
    return out


def wrong_way(graph: dict[str, set[str]]) -> list[str]:
    """Imports from a later layer, as 'importer → imported'."""
    return sorted(f"{a} → {b}" for a, targets in graph.items() for b in targets
                  if LAYERS.index(layer(b)) > LAYERS.index(layer(a)))


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            part = []
            while True:
                w = stack.pop()
                part.append(w)
                if w == v:
                    break
            if len(part) > 1:
                out.append(sorted(part))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


GRAPH = imports(ROOT / "builder")


def test_every_import_goes_to_its_own_layer_or_an_earlier_one():
    assert wrong_way(GRAPH) == []


def test_no_import_cycle():
    assert cycles(GRAPH) == []


def test_at_least_five_layer_subpackages():
    assert {layer(m) for m in GRAPH} - {"base", "api", "cli"} == set(LAYERS) - {"base", "api", "cli"}


def test_the_checks_find_a_cycle_and_a_wrong_way_import(tmp_path):
    """The checker itself: a function-level import that closes a cycle, and one under TYPE_CHECKING that
    goes the wrong way, are both found."""
    pkg = tmp_path / "builder"
    for sub in ("text", "rdf"):
        (pkg / sub).mkdir(parents=True)
        (pkg / sub / "__init__.py").write_text("")
    (pkg / "__init__.py").write_text("")
    (pkg / "model.py").write_text("def f():\n    from builder.resolve import g\n")
    (pkg / "resolve.py").write_text("from builder import model\n")
    (pkg / "text" / "a.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                                       "    from builder.rdf.b import X\n")
    (pkg / "rdf" / "b.py").write_text("from builder.text import a\n")
    graph = imports(pkg)
    assert cycles(graph) == [["builder.model", "builder.resolve"], ["builder.rdf.b", "builder.text.a"]]
    assert wrong_way(graph) == ["builder.text.a → builder.rdf.b"]


@pytest.mark.parametrize("module, kept_out", [
    ("builder.extract", ("builder.use", "builder.run", "builder.check", "builder.rdf", "rdflib.plugins.sparql",
                         "pandas", "IPython", "networkx", "matplotlib")),
    ("builder.run.work", ("builder.use", "rdflib.plugins.sparql", "pandas", "IPython", "networkx", "matplotlib")),
    ("builder", ("builder.use", "builder.run", "builder.extract", "rdflib", "pandas")),
])
def test_an_import_loads_only_what_it_needs(module, kept_out):
    """What a worker imports (extraction, drafting) loads none of the viewers, the notebook, the remote loader."""
    code = f"import sys, {module}; print('\\n'.join(sorted(sys.modules)))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=ROOT).stdout.split()
    assert [m for m in loaded if m.startswith(kept_out)] == []
