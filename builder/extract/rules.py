"""The rule registry: every rule that makes a fact is a function registered with `register()`, its name,
kind, confidence, description and invented examples written beside it.

Every evidence is made by `evidence()` (a rule that is not registered raises; a holding read from a photo
caption is less sure). `kg eval --calibrate` measures each rule's precision and writes it into
gazetteers/rule_confidences.tsv, which overrides the confidence written beside the rule.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, TypeVar

from builder.model import Evidence
from builder.resources import GAZETTEERS, table

if TYPE_CHECKING:
    from builder.extract.context import Sentence

CAPTION_CONFIDENCE = 0.6  # the most a holding read from a photo caption may have


@dataclass(frozen=True)
class Example:
    """An invented article and one fact it must give (the fields to compare, by fact kind)."""

    text: str
    fact: dict[str, Any]
    published: str | None = "2024-06-30"


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str  # holding, event, term or document
    confidence: float
    description: str
    examples: tuple[Example, ...]


def holding(text: str, person: str, role: str, body: str) -> Example:
    """An example of a holding rule: the text, and the (person, role, body) it must give."""
    return Example(text, {"person": person, "role": role, "body": body})


F = TypeVar("F", bound=Callable[..., Any])
PRIOR_RULES: dict[str, Rule] = {}  # every rule as registered, with the confidence written beside it
RULES: dict[str, Rule] = {}  # the same, with the confidence measured for it where rule_confidences.tsv has one
STAGES: dict[str, list[tuple[Callable[..., Any], Rule | None]]] = defaultdict(list)


CONFIDENCES = "rule_confidences.tsv"  # measured confidences, written by `kg eval --calibrate`


def calibrated(rules: dict[str, Rule], rows: tuple[dict[str, str], ...]) -> dict[str, Rule]:
    """The rules with the confidences measured for them (rows of rule_confidences.tsv), the prior for the others."""
    measured = {row["rule"]: float(row["confidence"]) for row in rows}
    return {name: replace(rule, confidence=measured[name]) if name in measured else rule
            for name, rule in rules.items()}


def register(stage: str, rule: Rule | None = None) -> Callable[[F], F]:
    """Register the decorated function as a step of a stage of extraction (steps run in the order they are
    registered: see builder.extract.bind, events, terms, documents), making the facts of rule (none: a step
    that makes no fact, such as skipping a title said on someone's behalf). Adding a rule is adding one
    function with this decorator above it: its name, kind, confidence, description and examples."""
    def add(fn: F) -> F:
        if rule is not None:
            if PRIOR_RULES.get(rule.name, rule) is not rule:
                raise ValueError(f"two rules are named {rule.name!r}")
            PRIOR_RULES[rule.name] = rule
            RULES[rule.name] = calibrated({rule.name: rule}, table(CONFIDENCES))[rule.name]
        STAGES[stage].append((fn, rule))
        return fn
    return add


def steps(stage: str) -> list[tuple[Callable[..., Any], Rule | None]]:
    """The steps of a stage, in the order they run, each with the rule it makes facts by (or None)."""
    return STAGES[stage]


def confidences_path() -> str:
    """Where `kg eval --calibrate` writes the measured confidences (in the package's data)."""
    return str(GAZETTEERS / CONFIDENCES)


class UnregisteredRule(KeyError):
    """An evidence was asked for a rule the registry does not list."""


def evidence(name: str | Rule | None, sentence: Sentence) -> Evidence:
    """The evidence of a fact read by rule `name` from a sentence, with the rule's confidence
    (at most CAPTION_CONFIDENCE for a holding read from a photo caption)."""
    rule = RULES.get(name.name if isinstance(name, Rule) else name or "")
    if rule is None:
        raise UnregisteredRule(f"extraction rule {name!r} is not registered (builder.extract.rules.register)")
    confidence = rule.confidence
    if sentence.caption and rule.kind == "holding":
        confidence = min(confidence, CAPTION_CONFIDENCE)
    return Evidence(sentence.start, sentence.end, rule.name, confidence, sentence.caption)
