"""An Apache Jena Fuseki configuration for the builder's graphs: a TDB2 dataset whose default graph is the union of
the per-article named graphs, with query, update and Graph Store Protocol endpoints (`kg fuseki-config`)."""

from __future__ import annotations

CONFIG = """\
# Fuseki configuration written by `kg fuseki-config`: one TDB2 dataset, the default graph the union of the
# named graphs (one per article), so queries need no GRAPH clause.
#   fuseki-server --config {name}
#   kg load OUTDIR --endpoint http://localhost:3030 --dataset {dataset}
@prefix fuseki: <http://jena.apache.org/fuseki#> .
@prefix ja:     <http://jena.hpl.hp.com/2005/11/Assembler#> .
@prefix rdf:    <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix tdb2:   <http://jena.apache.org/2016/tdb#> .

<#service> rdf:type fuseki:Service ;
    fuseki:name "{dataset}" ;
    fuseki:endpoint [ fuseki:operation fuseki:query ; fuseki:name "sparql" ] ;
    fuseki:endpoint [ fuseki:operation fuseki:query ; fuseki:name "query" ] ;
    fuseki:endpoint [ fuseki:operation fuseki:update ; fuseki:name "update" ] ;
    fuseki:endpoint [ fuseki:operation fuseki:gsp-rw ; fuseki:name "data" ] ;
    fuseki:dataset <#dataset> .

<#dataset> rdf:type tdb2:DatasetTDB2 ;
    tdb2:location "{location}" ;
    tdb2:unionDefaultGraph true .
"""


def fuseki_config(dataset: str = "kg", location: str = "DB", name: str = "config.ttl") -> str:
    """The assembler configuration (Turtle) of a TDB2 dataset named `dataset`, stored in `location`."""
    return CONFIG.format(dataset=dataset, location=location, name=name)
