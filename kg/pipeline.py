"""Extraction of one article: a pure function, so a corpus can be mapped in parallel and merged."""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Sequence

from extractors import default_pipeline
from extractors.base import Doc, Extractor, check_order
from extractors.lexicon import Lexicons
from kg.model import Article, ArticleResult, Entity, Mention
from kg.text import normalize, paragraphs, sentences

# Relative names (市委 with no known city, 学校党委, a described meeting) only mean something inside
# their article; extractors mark them ``relative`` and they get an article-scoped IRI.
_SHARED_MEETING_SUBTYPES = {"PlenarySession", "Congress", "Session"}


def _scope(m: Mention, article_id: str) -> str:
    """'' for names that identify the thing anywhere; the article id for names that do not."""
    if m.type == "Meeting":
        if _SHARED_MEETING_SUBTYPES & set(m.subtypes) and not m.attrs.get("relative"):
            return ""
        return "" if m.attrs.get("named") else article_id
    if m.type == "Organization" and m.attrs.get("relative"):
        return article_id
    if m.type == "Document" and "Speech" not in m.subtypes and m.label in ("政府工作报告", "全会公报"):
        return article_id
    return ""


def make_doc(article: Article, lexicons: Lexicons | None = None) -> Doc:
    """The extractors' working document: normalised text (offset map kept), sentences, paragraphs,
    and the lexicon set the components read (``None``: the bundled ``extractors/data``)."""
    norm = normalize(article.text)
    return Doc(article, norm, sentences(norm.text), paragraphs(norm.text), lex=(lexicons or Lexicons()).canonical())


def _stamp(doc: Doc, n_mentions: int, n_relations: int, name: str) -> None:
    """Provenance: what a component added carries its name (and a rule id, ``NAME.unnamed`` if it gave none)."""
    for m in doc.mentions[n_mentions:]:
        m.component = m.component or name
        m.rule = m.rule or f"{name}.unnamed"
    doc.relations[n_relations:] = [
        r if r.component and r.rule else replace(r, component=r.component or name, rule=r.rule or f"{name}.unnamed")
        for r in doc.relations[n_relations:]]


@lru_cache(maxsize=16)
def _default_components(skip: tuple[str, ...]) -> tuple[Extractor, ...]:
    """The default pipeline less ``skip``, made once: the components hold no state between articles
    (each is a class without ``__init__`` or attributes of its own), so one set serves every article."""
    return tuple(default_pipeline(skip))


def extract(article: Article, pipeline: Sequence[Extractor] | None = None, skip: Sequence[str] = (),
            lexicons: Lexicons | None = None) -> ArticleResult:
    """Run the extractors on one article and group mentions into entities (offsets → original text).

    ``lexicons`` is the data folder the components read (``extractors.lexicon.Lexicons``; default:
    the bundled one): two calls with two lexicon sets in one process give each its own words.
    """
    doc = make_doc(article, lexicons)
    components = list(pipeline) if pipeline is not None else list(_default_components(tuple(skip)))
    if pipeline is not None:
        check_order(components)
    for component in components:
        n_mentions, n_relations = len(doc.mentions), len(doc.relations)
        component(doc)
        _stamp(doc, n_mentions, n_relations, component.name)
    result = ArticleResult(article)
    for m in sorted(doc.mentions, key=lambda m: (m.start, m.end, m.type, m.label)):
        start, end = doc.norm.to_original(m.start, m.end)
        scope = _scope(m, article.id)
        key = (m.type, m.label)
        ent = result.entities.get(key)
        if ent is None:
            ent = result.entities[key] = Entity(m.type, m.label, attrs={"scope": scope})
        if ent.attrs.get("scope") and not scope:
            ent.attrs["scope"] = ""
        ent.aliases.update(a for a in m.aliases if a)
        surface = article.text[start:end]
        ent.aliases.add(m.surface)
        if len(surface) == len(m.surface) and surface != m.surface:
            ent.aliases.add(surface)  # the Traditional form as written, when nothing was removed
        ent.subtypes.update(m.subtypes)
        for k in ("label_en",):
            if m.attrs.get(k) and not ent.attrs.get(k):
                ent.attrs[k] = m.attrs[k]
        ent.mentions.append(Mention(m.type, m.label, start, end, surface, rule=m.rule, component=m.component))
    for ent in result.entities.values():
        ent.aliases.discard(ent.label)
        ent.aliases = {a for a in ent.aliases if a.strip()}
    seen: set[tuple] = set()
    for r in doc.relations:
        if r.subject in result.entities and r.object in result.entities:
            rk = (r.predicate, r.subject, r.object, r.evidence.start)
            if rk not in seen:
                seen.add(rk)
                result.relations.append(r)
    return result
