"""Using a built graph: loading, saved queries, facts read back, review, scoring, loading into a server,
pictures, the notebook."""
