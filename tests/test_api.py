"""The public API (builder/__init__.py): each name is imported on first use, from the module the table names,
and the names type checkers see are the same names."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

import builder
from tests.helpers import ROOT


def typed_names() -> dict[str, str]:
    """The names the TYPE_CHECKING block imports → their module."""
    tree = ast.parse((ROOT / "builder" / "__init__.py").read_text(encoding="utf-8"))
    block = next(n for n in tree.body if isinstance(n, ast.If) and getattr(n.test, "id", "") == "TYPE_CHECKING")
    return {a.asname or a.name: node.module or "" for node in block.body if isinstance(node, ast.ImportFrom)
            for a in node.names}


def test_the_lazy_table_and_the_typed_imports_agree():
    assert {k: m for k, (m, _) in builder.API.items()} == typed_names()


@pytest.mark.parametrize("name", sorted(builder.API))
def test_every_name_resolves_to_its_modules_object(name):
    module, attr = builder.API[name]
    assert getattr(builder, name) is getattr(sys.modules[module], attr)
    assert name in builder.__all__ and name in dir(builder)


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'build_datasets'"):
        builder.build_datasets  # noqa: B018


def test_importing_the_package_imports_no_layer():
    code = "import sys, builder; print(sorted(m for m in sys.modules if m.startswith('builder')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert out.strip() == "['builder']"


def test_the_confidences_file_is_the_packages():
    assert builder.CONFIDENCES_FILE.endswith("rule_confidences.tsv")
