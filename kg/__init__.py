"""policy-slogan-kg: Chinese party and government news → a knowledge graph of organizations,
meetings and policy slogans (提法).

>>> import kg
>>> result = kg.build(["市总工会召开主席办公会，学习贯彻市委全会精神。"])
>>> result.graph            # networkx.MultiDiGraph
>>> result.to_rdf()         # rdflib.Dataset
>>> result.write("out/")    # graph.ttl, .nq, .jsonld, .graphml, .html ...
>>> kg.load("out/").timeline("五种风气")   # reopen without re-extracting; pandas tables
"""
from kg.api import BuildResult, build, extract_all, load, write_outputs
from kg.model import Article, ArticleResult, Entity, Evidence, Mention, Relation
from kg.pipeline import extract

__all__ = ["Article", "ArticleResult", "BuildResult", "Entity", "Evidence", "Mention", "Relation",
           "build", "extract", "extract_all", "load", "write_outputs"]
__version__ = "0.1.0"
