"""Extraction: one clean article → facts (holdings, events, terms, documents) with evidence.

Every fact is made by a rule of builder.extract.rules; the rules read one Sentence at a time
and the ArticleContext around it (builder.extract.context). `extract()` is in builder.extract.pipeline.
"""

from __future__ import annotations

from builder.extract.pipeline import extract

__all__ = ["extract"]
