"""Facts → RDF: IRIs written as N-Triples, one graph per article, the lineage graph, the Oxigraph store."""
