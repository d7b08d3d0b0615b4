"""Extraction on Dask, for corpora that outgrow one machine.

Extraction is a pure function of one article (``kg.pipeline.extract``), so a
corpus maps over a Dask bag and the per-article results come back to be merged
here; the merge itself (:mod:`kg.resolve`) is cheap next to extraction. Dask is
an optional dependency (``pip install "policy-slogan-kg[dask]"``).
"""
from __future__ import annotations

from typing import Sequence

from extractors.lexicon import Lexicons
from kg.model import Article, ArticleResult

LOCAL_SCHEDULERS = ("processes", "threads", "synchronous", "sync")


def _extract(article: Article, skip: tuple[str, ...] = (), lexicons: Lexicons | None = None) -> ArticleResult:
    from kg.pipeline import extract

    return extract(article, skip=skip, lexicons=lexicons)


def extract_with_dask(articles: Sequence[Article], scheduler: str | None = None,
                      npartitions: int | None = None, skip: tuple[str, ...] = (),
                      lexicons: Lexicons | None = None) -> list[ArticleResult]:
    """Extract every article on Dask; results keep the input order.

    ``scheduler`` is a local Dask scheduler name (processes, threads, synchronous)
    or the address of a running ``distributed`` scheduler (tcp://host:8786).
    """
    try:
        import dask.bag as db
    except ImportError as e:  # pragma: no cover - depends on the install
        raise RuntimeError('Dask is not installed: pip install "policy-slogan-kg[dask]"') from e
    if not articles:
        return []
    parts = npartitions or max(1, min(len(articles), 64))
    bag = db.from_sequence(list(articles), npartitions=parts).map(_extract, skip=skip, lexicons=lexicons)
    if scheduler and scheduler not in LOCAL_SCHEDULERS:
        from distributed import Client

        with Client(scheduler) as client:
            return list(client.compute(bag).result())
    return list(bag.compute(scheduler=scheduler or "processes"))
