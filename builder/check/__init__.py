"""Checks of built graphs: SHACL validation and the conflicts between articles."""
