"""The project's vocabulary: ``kg:`` terms, ``kgr:`` resources, and the bundled .ttl files."""
from ontology.namespace import KG, KGR, ONTOLOGY_DIR, ONTOLOGY_IRI

__all__ = ["KG", "KGR", "ONTOLOGY_DIR", "ONTOLOGY_IRI"]
