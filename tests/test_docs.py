"""The README and docs/ say what the code is: the generated blocks are current, every file and function
they name exists, every page they link to is there."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.docs import README, regenerated
from tests.helpers import ROOT

PAGES = [README, *sorted((ROOT / "docs").glob("*.md"))]


def defined(path: Path) -> set[str]:
    """The functions, classes and module-level names a module defines."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names


def test_the_generated_blocks_are_current() -> None:
    text = README.read_text(encoding="utf-8")
    assert regenerated(text) == text, "README.md is stale: run `python tests/docs.py`"


def test_the_layout_names_every_module() -> None:
    text = README.read_text(encoding="utf-8")
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "builder").rglob("*.py")}
    assert modules == set(re.findall(r"^\| `(builder/[\w/]+\.py)` \|", text, re.M))


def test_a_stale_block_is_found() -> None:
    text = README.read_text(encoding="utf-8")
    stale = text.replace("| `builder/extract/rules.py` |", "| `builder/extract/rulez.py` |")
    assert regenerated(stale) != stale
    with pytest.raises(ValueError, match="no block"):
        regenerated(text.replace("<!-- end: rules -->", ""))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_path_named_exists(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:builder|tests|bench|queries|shapes|ontology|notebooks|docs)/[\w./-]+)`", text))
    named |= {m for m in re.findall(r"\]\(([^)#]+)\)", text) if "://" not in m}
    here = page.parent
    patterns = [p for p in named if "*" in p or "NAME" in p]  # a glob or a placeholder, not a file
    missing = sorted(p for p in named - set(patterns) if not (ROOT / p).exists() and not (here / p).exists())
    assert not missing, f"{page.name} names files that do not exist: {missing}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_function_is_where_the_page_says(page: Path) -> None:
    """`f()` on a line that names one module, `builder/x.py`, is defined in that module (a line naming
    several is checked against any of them); a name of the public API may be its module's own name for it."""
    import builder

    wrong = []
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
        modules = [ROOT / m for m in re.findall(r"`(builder/[\w/]+\.py)`", line)]
        if not modules or not all(m.exists() for m in modules):
            continue
        names = set().union(*(defined(m) for m in modules))
        names |= {name for name, (module, attr) in builder.API.items()
                  if attr in names and ROOT / (module.replace(".", "/") + ".py") in modules}
        wrong += [f"{page.name}:{number}: {f}()" for f in re.findall(r"`(\w+)\(\)`", line) if f not in names]
    assert not wrong, f"functions not in the module the line names: {wrong}"
