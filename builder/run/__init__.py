"""The build: where per-article work runs, the cache and spools, and the outputs written."""
