"""The generated parts of README.md: the layout of builder/ (every module with the first sentence of its
docstring) and the table of extraction rules (from the registry, builder.extract.rules). Each lives between
`<!-- generated: NAME -->` and `<!-- end: NAME -->`; tests/test_docs.py fails when one is stale.

    python tests/docs.py      # rewrite them
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
LAYERS = ("", "text", "extract", "rdf", "check", "run", "use", "cli")  # in import order (tests/test_layers.py)


def first_sentence(path: Path) -> str:
    """The first sentence of a module's docstring, on one line."""
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    text = " ".join(doc.split("\n\n", 1)[0].split())
    text = re.split(r"(?<=[a-z)'`\]])\. (?=[A-Z`])", text, maxsplit=1)[0].removesuffix(".")
    return text.replace("|", "\\|")


def layout() -> str:
    """A table of every module of builder/, layer by layer."""
    rows = ["| module | what it is for |", "|---|---|"]
    for sub in LAYERS:
        folder = ROOT / "builder" / sub if sub else ROOT / "builder"
        for path in sorted(folder.glob("*.py"), key=lambda p: (p.name != "__init__.py", p.name)):
            rel = path.relative_to(ROOT).as_posix()
            rows.append(f"| `{rel}` | {first_sentence(path) or '—'} |")
    return "\n".join(rows)


def rules() -> str:
    """A table of every step of extraction, stage by stage, in the order they run, with the rule each makes
    facts by (its kind, prior and measured confidence, description, number of examples)."""
    import builder.extract  # noqa: F401  (registers every rule)
    from builder.extract.rules import CONFIDENCES, RULES, STAGES
    from builder.resources import table

    measured = {row["rule"] for row in table(CONFIDENCES)}
    order = ("bind-at", "bind", "bind-end", "events", "article-events", "terms", "documents")

    rows = ["| stage | step (module) | rule | fact | prior | measured | reads | examples |",
            "|---|---|---|---|---|---|---|---|"]
    for stage in sorted(STAGES, key=lambda s: (order.index(s) if s in order else len(order), s)):
        for fn, rule in STAGES[stage]:
            where = f"`{fn.__name__}` ({fn.__module__.rsplit('.', 1)[-1]})"
            if rule is None:
                doc = " ".join((fn.__doc__ or "").split()).split(". ")[0].removesuffix(".")
                rows.append(f"| {stage} | {where} | — | — | | | {doc} | |")
                continue
            shown = f"{RULES[rule.name].confidence:.2f}" if rule.name in measured else ""
            said = rule.description.replace("|", "\\|")
            rows.append(f"| {stage} | {where} | `{rule.name}` | {rule.kind} | {rule.confidence:.2f} | {shown} "
                        f"| {said} | {len(rule.examples)} |")
    return "\n".join(rows)


BLOCKS: dict[str, Callable[[], str]] = {"layout": layout, "rules": rules}


def regenerated(text: str) -> str:
    """The text with every generated block written afresh."""
    for name, make in BLOCKS.items():
        pattern = re.compile(rf"(<!-- generated: {name} -->\n).*?(<!-- end: {name} -->)", re.S)
        found = pattern.search(text)
        if found is None:
            raise ValueError(f"README.md has no block {name!r}")
        text = text[:found.end(1)] + make() + "\n" + text[found.start(2):]
    return text


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    README.write_text(regenerated(README.read_text(encoding="utf-8")), encoding="utf-8")
